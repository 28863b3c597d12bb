//! Differential test of the engine: the SQL that real SQLAlchemy emitted for
//! the public oracle cases (their recorded traces under `tests/oracle/`),
//! replayed through Limbo and through real SQLite (rusqlite's bundled build),
//! each through the same [`Connection`], compared statement by statement:
//! columns, rows, rows affected and errors.
//!
//! Differences we know of are listed in `docs/engine.md` and in
//! `KNOWN_DIFFERENCES` below; any other difference fails the test, and so
//! does a known one that went away (so the list stays true).

use std::path::{Path, PathBuf};

use retort_engine::{Backend, Connection, EngineError, ErrorKind, Limbo, Outcome, Value};
use serde_json::Value as Json;

/// (case file, SQL prefix, what differs). Each is described in docs/engine.md.
const KNOWN_DIFFERENCES: &[(&str, &str, &str)] = &[
    ("01_models.trace.json", "PRAGMA main.table_xinfo(", "declared type without its length: VARCHAR, not VARCHAR(30)"),
    ("09_migrations.trace.json", "PRAGMA main.table_info(", "declared type without its length"),
    ("09_migrations.trace.json", "PRAGMA main.table_xinfo(", "declared type without its length"),
    ("09_migrations.trace.json", "SELECT sql FROM (SELECT * FROM sqlite_master", "CREATE TABLE text re-rendered, not kept verbatim"),
    ("10_performance.trace.json", "SELECT blog.id, blog.name, entry_1.id", "LEFT OUTER JOIN rows in another order (no ORDER BY)"),
];

#[test]
fn limbo_answers_as_sqlite_does_for_sqlalchemys_statements() {
    let mut found = Vec::new();
    let mut statements = 0;
    for trace in traces() {
        let name = trace.file_name().unwrap().to_string_lossy().into_owned();
        let json: Json = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
        let mut limbo = Connection::new(Limbo::open_in_memory().unwrap());
        let mut sqlite = Connection::new(Sqlite(rusqlite::Connection::open_in_memory().unwrap()));
        for event in json["events"].as_array().unwrap() {
            let a = replay(&mut limbo, event);
            let b = replay(&mut sqlite, event);
            if let Some(sql) = event["sql"].as_str() {
                statements += 1;
                if a != b {
                    found.push((name.clone(), sql.to_owned(), format!("limbo: {a:?}\n    sqlite: {b:?}")));
                }
            }
        }
    }
    assert!(statements > 100, "the traces hold too few statements ({statements}): were they recorded?");
    let unknown: Vec<_> = found
        .iter()
        .filter(|(case, sql, _)| !KNOWN_DIFFERENCES.iter().any(|(c, prefix, _)| c == case && sql.starts_with(prefix)))
        .collect();
    let gone: Vec<_> = KNOWN_DIFFERENCES
        .iter()
        .filter(|(c, prefix, _)| !found.iter().any(|(case, sql, _)| c == case && sql.starts_with(prefix)))
        .collect();
    let report: Vec<String> = unknown.iter().map(|(case, sql, d)| format!("{case}: {sql}\n    {d}")).collect();
    assert!(unknown.is_empty(), "{} new difference(s):\n{}", unknown.len(), report.join("\n"));
    assert!(gone.is_empty(), "known differences no longer seen (update docs/engine.md): {gone:?}");
}

fn traces() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle/public");
    let mut traces: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".trace.json"))
        .collect();
    traces.sort();
    traces
}

/// What one replayed event produced, in a form both engines can agree on.
#[derive(Debug, PartialEq)]
enum Answer {
    Rows { columns: Vec<String>, rows: Vec<Vec<Value>>, rows_affected: Option<u64> },
    Many(u64),
    Failed(ErrorKind, String),
    Boundary,
}

fn replay<B: Backend>(conn: &mut Connection<B>, event: &Json) -> Answer {
    let failed = |e: EngineError| Answer::Failed(e.kind, e.message);
    match event["tx"].as_str() {
        Some("begin") => {
            conn.begin();
            return Answer::Boundary;
        }
        Some("commit") => return conn.commit().map_or_else(failed, |()| Answer::Boundary),
        Some("rollback") => return conn.rollback().map_or_else(failed, |()| Answer::Boundary),
        _ => {}
    }
    let sql = event["sql"].as_str().expect("an event is tx or sql");
    let params = event["params"].as_array().cloned().unwrap_or_default();
    if event["many"].as_bool() == Some(true) {
        let rows: Vec<Vec<Value>> = params.iter().map(|row| row.as_array().unwrap().iter().map(value).collect()).collect();
        return conn.execute_many(sql, &rows).map_or_else(failed, Answer::Many);
    }
    let params: Vec<Value> = params.iter().map(value).collect();
    match conn.execute(sql, &params) {
        Ok(Outcome { columns, rows, rows_affected, .. }) => {
            let dml = ["INSERT", "UPDATE", "DELETE"].iter().any(|k| sql.starts_with(k));
            Answer::Rows { columns, rows, rows_affected: dml.then_some(rows_affected) }
        }
        Err(e) => failed(e),
    }
}

/// A parameter as the oracle wrote it (FORMAT.md), as pysqlite would bind it.
fn value(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => n.as_i64().map_or_else(|| Value::Real(n.as_f64().unwrap()), Value::Integer),
        Json::String(s) => Value::Text(s.clone()),
        Json::Object(o) if o.contains_key("bytes") => Value::Blob(hex(o["bytes"].as_str().unwrap())),
        other => panic!("unexpected parameter {other}"),
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// Real SQLite behind the same trait, for comparison only.
struct Sqlite(rusqlite::Connection);

impl Backend for Sqlite {
    fn run(&mut self, sql: &str, params: &[Value], keep_rows: usize) -> Result<Outcome, EngineError> {
        let mut stmt = self.0.prepare_cached(sql).map_err(sqlite_error)?;
        if stmt.parameter_count() != params.len() {
            return Err(EngineError::bindings(stmt.parameter_count(), params.len()));
        }
        for (i, v) in params.iter().enumerate() {
            let v = match v {
                Value::Null => rusqlite::types::Value::Null,
                Value::Integer(i) => rusqlite::types::Value::Integer(*i),
                Value::Real(r) => rusqlite::types::Value::Real(*r),
                Value::Text(t) => rusqlite::types::Value::Text(t.clone()),
                Value::Blob(b) => rusqlite::types::Value::Blob(b.clone()),
            };
            stmt.raw_bind_parameter(i + 1, v).map_err(sqlite_error)?;
        }
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let n = columns.len();
        let mut outcome = Outcome { columns, ..Outcome::default() };
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next().map_err(sqlite_error)? {
            outcome.total_rows += 1;
            if outcome.rows.len() < keep_rows {
                outcome.rows.push((0..n).map(|i| from_sqlite(row.get_ref(i).unwrap())).collect());
            }
        }
        drop(rows);
        outcome.rows_affected = self.0.changes();
        outcome.last_insert_rowid = self.0.last_insert_rowid();
        Ok(outcome)
    }

    fn in_transaction(&self) -> bool {
        !self.0.is_autocommit()
    }
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn sqlite_error(e: rusqlite::Error) -> EngineError {
    match e {
        rusqlite::Error::SqliteFailure(f, message) => {
            let kind = if f.code == rusqlite::ErrorCode::ConstraintViolation { ErrorKind::Integrity } else { ErrorKind::Operational };
            EngineError::new(kind, message.unwrap_or_else(|| f.to_string()))
        }
        other => EngineError::new(ErrorKind::Operational, other.to_string()),
    }
}
