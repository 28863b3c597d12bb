//! The messages between the page and the engine worker, passed as typed Rust
//! values with serde-wasm-bindgen.

use retort_engine::console::ScriptRun;
use retort_engine::log::Event;
use retort_engine::snapshot::TableSnapshot;
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

/// Rows of each result sent back to the page; the rest are only counted.
pub const ROW_LIMIT: usize = 1000;
/// Rows of each table the database browser shows.
pub const TABLE_ROW_LIMIT: usize = 200;

/// Page → worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Run an SQL script on a fresh in-memory database, or on a copy of
    /// `start` (the bytes of a `.sqlite` file the user opened).
    RunSql { id: u32, script: String, start: Option<ByteBuf> },
    /// Run a Python script (with the sqlalchemy module) on fresh databases.
    RunPython { id: u32, source: String },
    /// Save the database the last run left, as a `.sqlite` file.
    SaveDatabase { id: u32 },
}

/// What a Python script did, as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PythonRun {
    pub stdout: String,
    /// Warnings and SQL logging (`echo=True`).
    pub stderr: String,
    pub error: Option<PythonError>,
}

/// An uncaught exception (or a syntax error) and its traceback.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PythonError {
    pub type_name: String,
    pub message: String,
    /// The script line it surfaced on.
    pub line: Option<u32>,
    /// CPython's text of it (`Traceback (most recent call last): ...`).
    pub traceback: String,
}

/// Worker → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The engine is up and takes requests.
    Ready,
    /// A request finished (its statements may have failed: see `run.error`),
    /// with its SQL log and the tables as the run left them.
    SqlDone { id: u32, run: ScriptRun, log: Vec<Event>, tables: Vec<TableSnapshot>, elapsed_ms: f64 },
    /// A Python run finished, with its SQL log and the tables of the last
    /// database it opened.
    PythonDone { id: u32, run: PythonRun, log: Vec<Event>, tables: Vec<TableSnapshot>, elapsed_ms: f64 },
    /// The worker could not do what was asked (no database, a bad message).
    Failed { id: Option<u32>, message: String },
    /// The database the last run left, as the bytes of a `.sqlite` file.
    Database { id: u32, image: ByteBuf },
    /// The engine panicked: the worker is about to die and must be replaced.
    Crashed { message: String },
}
