//! Which language the editor holds: a Python script (runs with the
//! interpreter and the sqlalchemy module) or SQL statements (run on the
//! engine as they are). Python when a line imports something or calls
//! `print(`; SQL scripts never start a line that way.

/// Whether `source` is a Python script.
pub fn is_python(source: &str) -> bool {
    source.lines().any(|line| {
        let line = line.trim_start();
        line.starts_with("import ")
            || (line.starts_with("from ") && line.contains(" import "))
            || line.starts_with("print(")
            || line.starts_with("def ")
            || line.starts_with("class ")
    })
}

#[cfg(test)]
mod tests {
    use super::is_python;

    #[test]
    fn python_scripts_and_sql_scripts_are_told_apart() {
        for python in [
            "from sqlalchemy import create_engine\nengine = create_engine('sqlite://')\n",
            "import datetime\nprint(datetime.date(2024, 1, 2))\n",
            "print(1 + 1)",
            "# a comment\n  import sqlalchemy",
            "class User:\n    pass\n",
        ] {
            assert!(is_python(python), "{python:?}");
        }
        for sql in [
            "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);\nSELECT * FROM t;",
            "SELECT name FROM users WHERE name = 'from x import y';",
            "-- import data\nSELECT 1;",
            "",
        ] {
            assert!(!is_python(sql), "{sql:?}");
        }
    }
}
