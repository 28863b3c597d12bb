//! `retort-trace/1` traces (../shared/oracle/FORMAT.md) for the oracle.

use serde_json::json;

/// What Retort says while it cannot run Python.
pub const NO_INTERPRETER: &str = "Retort does not support running Python scripts yet: the interpreter has not landed";

/// The trace of a Python script. Until the interpreter lands, an honest error
/// trace: nothing printed, no SQL, and a `NotImplementedError`.
pub fn trace(_source: &str) -> String {
    let trace = json!({
        "format": "retort-trace/1",
        "stdout": "",
        "error": {"type": "NotImplementedError", "message": NO_INTERPRETER},
        "events": [],
    });
    serde_json::to_string_pretty(&trace).expect("a JSON value serialises")
}
