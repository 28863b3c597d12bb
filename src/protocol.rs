//! The messages between the page and the engine worker, passed as typed Rust
//! values with serde-wasm-bindgen.

use retort_engine::console::ScriptRun;
use serde::{Deserialize, Serialize};

/// Rows of each result sent back to the page; the rest are only counted.
pub const ROW_LIMIT: usize = 1000;

/// Page → worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Run an SQL script on a fresh in-memory database.
    RunSql { id: u32, script: String },
}

/// Worker → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The engine is up and takes requests.
    Ready,
    /// A request finished (its statements may have failed: see `run.error`).
    SqlDone { id: u32, run: ScriptRun, elapsed_ms: f64 },
    /// The worker could not do what was asked (no database, a bad message).
    Failed { id: Option<u32>, message: String },
    /// The engine panicked: the worker is about to die and must be replaced.
    Crashed { message: String },
}
