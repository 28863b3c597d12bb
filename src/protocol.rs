//! The messages between the page and the engine worker, passed as typed Rust
//! values with serde-wasm-bindgen. The values the runtime shares with them
//! (revision scripts, timeline steps, the ORM view) are `retort_protocol`'s.

use retort_engine::console::ScriptRun;
use retort_engine::log::Event;
use retort_engine::snapshot::TableSnapshot;
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

pub use retort_protocol::{MappedObject, MigrationAction, Model, ModelColumn, ModelRelationship, OrmView, RevisionScript, RunStep};

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
    RunPython {
        id: u32,
        source: String,
        /// Also send its `retort-trace/1` JSON (an embedding page asked for it).
        #[serde(default)]
        trace: bool,
    },
    /// Save the database the last run left, as a `.sqlite` file.
    SaveDatabase { id: u32 },
    /// A Migrations panel action on the database the last run left (the
    /// live one): `source` is the editor's script (the models, for Autogenerate).
    Migrate { id: u32, source: String, revisions: Vec<RevisionScript>, action: MigrationAction },
}

/// What a Python script did, as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PythonRun {
    pub stdout: String,
    /// Warnings and SQL logging (`echo=True`).
    pub stderr: String,
    pub error: Option<PythonError>,
    /// The ORM's mapped classes and live objects at the end, if the script used the ORM.
    #[serde(default)]
    pub orm: Option<OrmView>,
    /// The run's `retort-trace/1` JSON, when the request asked for it.
    #[serde(default)]
    pub trace: Option<String>,
    /// The timeline: each top-level line that sent SQL or changed mapped
    /// objects, in order (`retort_runtime::steps`).
    #[serde(default)]
    pub steps: Vec<RunStep>,
    /// Whether the run had more steps than the timeline keeps.
    #[serde(default)]
    pub steps_truncated: bool,
    /// The SQL log as SQLAlchemy's `echo=True` logs it (lines joined).
    #[serde(default)]
    pub echo: String,
}

/// The step's ORM snapshot, read (by the browser's `JSON.parse` in the
/// page: the page's wasm carries no JSON parser of its own).
pub fn step_view(step: &RunStep) -> Option<OrmView> {
    let text = step.orm.as_deref()?;
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(text).ok()?;
        serde_wasm_bindgen::from_value(value).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).ok()
    }
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
    /// A migration action finished (it may have failed: see `run.error`).
    /// `tables` is None when the database was not touched.
    Migrated {
        id: u32,
        run: PythonRun,
        log: Vec<Event>,
        tables: Option<Vec<TableSnapshot>>,
        /// The database's revision afterwards (None: base).
        current: Option<String>,
        /// The revision Autogenerate wrote.
        revision: Option<RevisionScript>,
        elapsed_ms: f64,
    },
    /// The engine panicked: the worker is about to die and must be replaced.
    Crashed { message: String },
}
