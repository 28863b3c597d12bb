//! `retort-trace/1` traces (../shared/oracle/FORMAT.md) for the oracle.

use serde_json::{json, Value};

/// Runs a script and returns its trace: what it printed, the uncaught
/// error (type, line, message) and the events (SQL and transactions).
pub fn trace(source: &str) -> String {
    let result = retort_python::run(source);
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
        "events": [],
    });
    if !result.nondeterministic.is_empty() {
        trace["nondeterministic"] = json!(result.nondeterministic);
    }
    serde_json::to_string_pretty(&trace).expect("a JSON value serialises")
}
