//! The `retort` binary end to end: files in, text out, exit codes.

use std::process::Command;

fn retort(args: &[&str], file: (&str, &str)) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("retort-cli-{}-{}", std::process::id(), file.0));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(file.0);
    std::fs::write(&path, file.1).unwrap();
    let mut full: Vec<&str> = args.to_vec();
    let path_str = path.to_str().unwrap();
    full.push(path_str);
    let out = Command::new(env!("CARGO_BIN_EXE_retort")).args(&full).output().unwrap();
    // (the script's directory goes once the CLI is done with it)
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn sql_prints_tables_and_counts() {
    let script = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB);\n\
                  INSERT INTO t (name, data) VALUES ('ada', x'00ff'), ('grace', NULL);\n\
                  SELECT id, name, data FROM t ORDER BY id;";
    let (code, stdout, stderr) = retort(&["sql"], ("ok.sql", script));
    assert_eq!((code, stderr.as_str()), (0, ""));
    let want = "2 rows affected\n\
                +----+-------+---------+\n\
                | id | name  | data    |\n\
                +----+-------+---------+\n\
                | 1  | ada   | x'00ff' |\n\
                | 2  | grace | NULL    |\n\
                +----+-------+---------+\n";
    assert_eq!(stdout, want);
}

#[test]
fn sql_stops_at_an_error_and_names_its_line() {
    let (code, stdout, stderr) = retort(&["sql"], ("bad.sql", "SELECT 1 AS one;\n\nSELECT * FROM missing;\nSELECT 2;"));
    assert_eq!(code, 1);
    assert!(stdout.contains("| one |"), "{stdout}");
    assert_eq!(stderr, "Error on line 3: no such table: missing (OperationalError)\n");
}

#[test]
fn sql_shows_the_first_thousand_rows_of_a_large_result() {
    let script = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500) SELECT x FROM c;";
    let (code, stdout, _) = retort(&["sql"], ("big.sql", script));
    assert_eq!(code, 0);
    assert!(stdout.ends_with("(first 1000 of 1500 rows)\n"), "{}", &stdout[stdout.len() - 60..]);
    assert!(stdout.contains("| 1000 |") && !stdout.contains("| 1001 |"));
}

#[test]
fn trace_runs_python_and_records_output_and_the_uncaught_error() {
    let script = "print('hi')\nimport datetime\ndatetime.datetime.now()\ndef f():\n    return 1 / 0\nf()\n";
    let (code, stdout, _) = retort(&["trace"], ("case.py", script));
    assert_eq!(code, 0);
    let trace: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(trace["format"], "retort-trace/1");
    assert_eq!(trace["stdout"], "hi\n");
    assert_eq!(trace["error"]["type"], "ZeroDivisionError");
    assert_eq!(trace["error"]["line"], 5);
    assert_eq!(trace["nondeterministic"], serde_json::json!(["datetime.now()"]));
    assert_eq!(trace["events"], serde_json::json!([]));
}

#[test]
fn trace_gives_a_syntax_error_its_position_and_runs_nothing() {
    let (_, stdout, _) = retort(&["trace"], ("syntax.py", "print('never')\nx = = 2\n"));
    let trace: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(trace["stdout"], "");
    assert_eq!(trace["error"]["type"], "SyntaxError");
    assert!(trace["error"].get("line").is_none(), "CPython's traceback has no frame for it");
    assert_eq!(trace["error"]["at"]["line"], 2);
}

#[test]
fn run_prints_output_and_the_traceback_on_stderr() {
    let (code, stdout, stderr) = retort(&["run"], ("raises.py", "print('a')\nraise ValueError('bad')\n"));
    assert_eq!((code, stdout.as_str()), (1, "a\n"));
    assert_eq!(
        stderr,
        "Traceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n    raise ValueError('bad')\nValueError: bad\n"
    );
}

#[test]
fn run_profile_counts_each_functions_calls() {
    let script = "def inner(x):\n    return len(str(x))\n\ndef outer(n):\n    return sum(inner(i) for i in range(n))\n\nprint(outer(30), outer(5))\n";
    let (code, stdout, stderr) = retort(&["run", "--profile"], ("profiled.py", script));
    assert_eq!((code, stdout.as_str()), (0, "50 5\n"));
    let calls = |name: &str| -> u64 {
        let line = stderr.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("{name} in {stderr}"));
        line.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert_eq!(calls("inner (main.py:1)"), 35);
    assert_eq!(calls("outer (main.py:4)"), 2);
    assert_eq!(calls("sum() (native)"), 2);
    assert!(stderr.contains("calls     own ms   total ms  function"), "{stderr}");
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_retort")).args(["sql", "/nonexistent/x.sql"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("retort: cannot read /nonexistent/x.sql"));
}
