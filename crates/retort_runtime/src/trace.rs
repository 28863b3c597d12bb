//! `retort-trace/1` traces (../shared/oracle/FORMAT.md) for the oracle.

use retort_engine::log::{Event, EventKind, Params};
use retort_engine::Value as EngineValue;
use serde_json::{json, Value};

/// Runs a script and returns its trace: what it printed, the uncaught
/// error (type, line, message) and the events (SQL and transactions).
pub fn trace(source: &str) -> Value {
    let (result, log) = crate::run(source, retort_python::Budget::default());
    of_run(&result, &log)
}

/// The trace of a run that already happened (the playground's embed API).
pub fn of_run(result: &retort_python::RunResult, log: &[Event]) -> Value {
    let error = match &result.error {
        Some(e) => {
            let mut v = json!({"type": e.type_name, "message": e.message});
            if let Some(line) = e.line {
                v["line"] = json!(line);
            }
            if let Some((line, column)) = e.position {
                v["at"] = json!({"line": line, "column": column});
            }
            v
        }
        None => Value::Null,
    };
    let mut trace = json!({
        "format": "retort-trace/1",
        "stdout": result.stdout,
        "error": error,
        "events": log.iter().map(event).collect::<Vec<_>>(),
    });
    if !result.nondeterministic.is_empty() {
        trace["nondeterministic"] = json!(result.nondeterministic);
    }
    trace
}

/// One event as the trace format writes it, with the script line that caused it.
fn event(e: &Event) -> Value {
    let mut v = match &e.kind {
        EventKind::Tx(kind) => json!({ "tx": kind }),
        EventKind::Sql(sql) => {
            // the format collapses runs of whitespace to one space
            let text = sql.sql.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut v = json!({ "sql": text });
            match &sql.params {
                Params::One(row) => v["params"] = json!(row.iter().map(param).collect::<Vec<_>>()),
                Params::Many(rows) => {
                    v["params"] = json!(rows.iter().map(|r| r.iter().map(param).collect::<Vec<_>>()).collect::<Vec<_>>());
                    v["many"] = json!(true);
                }
            }
            v
        }
    };
    if let Some(line) = e.line {
        v["line"] = json!(line);
    }
    v
}

fn param(v: &EngineValue) -> Value {
    match v {
        EngineValue::Null => Value::Null,
        EngineValue::Integer(i) => json!(i),
        // (as the oracle writes floats JSON has no number for: their repr)
        EngineValue::Real(f) if !f.is_finite() => json!(retort_sql::value::float_repr(*f)),
        EngineValue::Real(f) => json!(f),
        EngineValue::Text(s) => json!(s),
        EngineValue::Blob(b) => json!({ "bytes": b.iter().map(|x| format!("{x:02x}")).collect::<String>() }),
    }
}
