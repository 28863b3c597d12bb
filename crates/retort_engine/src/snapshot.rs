//! The database's tables and their first rows, as the playground's database
//! browser shows them after a run.

use serde::{Deserialize, Serialize};

use crate::{Backend, Connection, EngineError, Value};

/// One table: its columns, its first rows, and how many rows it has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableSnapshot {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub total_rows: u64,
}

/// Limbo keeps AUTOINCREMENT counters in tables of its own, listed in
/// `sqlite_master` (SQLite's `sqlite_sequence` is filtered out by its name;
/// see docs/engine.md).
pub const ENGINE_INTERNAL_PREFIX: &str = "__turso_internal";

/// Reads every user table (SQLite's and Limbo's own tables left out), by
/// name, keeping at most `keep_rows` rows of each. The reads are logged like
/// any statement: callers take the log they want to show before this.
pub fn snapshot<B: Backend>(conn: &mut Connection<B>, keep_rows: usize) -> Result<Vec<TableSnapshot>, EngineError> {
    let names =
        conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", &[])?;
    let mut tables = Vec::new();
    for row in names.rows {
        let Some(Value::Text(name)) = row.into_iter().next() else { continue };
        if name.starts_with(ENGINE_INTERNAL_PREFIX) {
            continue;
        }
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let outcome = conn.execute_limited(&format!("SELECT * FROM {quoted}"), &[], keep_rows)?;
        tables.push(TableSnapshot { name, columns: outcome.columns, rows: outcome.rows, total_rows: outcome.total_rows });
    }
    Ok(tables)
}

#[cfg(all(test, feature = "limbo"))]
mod tests {
    use super::*;
    use crate::open_in_memory;

    #[test]
    fn every_user_table_with_its_first_rows() {
        let mut db = open_in_memory().unwrap();
        db.execute("CREATE TABLE \"b t\" (x)", &[]).unwrap();
        db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, v)", &[]).unwrap();
        for i in 0..5 {
            db.execute("INSERT INTO a (v) VALUES (?)", &[Value::Integer(i)]).unwrap();
        }
        let tables = snapshot(&mut db, 2).unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["a", "b t"], "the engine's own tables are left out");
        assert_eq!(tables[0].columns, ["id", "v"]);
        assert_eq!((tables[0].rows.len(), tables[0].total_rows), (2, 5));
        assert_eq!(tables[1].total_rows, 0);
    }
}
