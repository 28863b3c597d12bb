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

/// A revision script of the Migrations panel: its id and its whole text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionScript {
    pub id: String,
    pub source: String,
}

/// What the Migrations panel asks for (Flask-Migrate's commands).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MigrationAction {
    /// `flask db migrate -m MESSAGE`.
    Autogenerate { message: String },
    /// `flask db upgrade TARGET` (an id or `head`).
    Upgrade { target: String },
    /// `flask db downgrade TARGET` (an id or `base`).
    Downgrade { target: String },
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

/// One step of the timeline: the line, how far the SQL log had got when it
/// was done, and the ORM's models and objects then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunStep {
    pub line: u32,
    /// The number of SQL log entries when it ended.
    pub events: usize,
    /// The ORM's snapshot then, as the runtime's JSON text ([`OrmView`]'s
    /// shape): read only when the timeline shows the step, so a run's
    /// dozens of snapshots cross from the worker as plain strings.
    pub orm: Option<String>,
}

impl RunStep {
    /// The step's ORM snapshot, read (by the browser's `JSON.parse` in the
    /// page: the page's wasm carries no JSON parser of its own).
    pub fn view(&self) -> Option<OrmView> {
        let text = self.orm.as_deref()?;
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
}

/// What the Models and Session panels show: the runtime's ORM snapshot
/// (`retort_runtime::orm_snapshot`, JSON of this shape).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrmView {
    pub models: Vec<Model>,
    pub objects: Vec<MappedObject>,
}

/// A mapped class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub class_name: String,
    pub table: String,
    pub columns: Vec<ModelColumn>,
    pub relationships: Vec<ModelRelationship>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelColumn {
    pub key: String,
    pub name: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub primary_key: bool,
    pub foreign_key: Option<String>,
    pub nullable: bool,
    pub unique: bool,
    pub default: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelRelationship {
    pub key: String,
    pub target: String,
    /// `ONETOMANY`, `MANYTOONE` or `MANYTOMANY`.
    pub direction: String,
    pub uselist: bool,
    pub secondary: Option<String>,
    pub cascade: String,
    pub lazy: String,
    pub back_populates: Option<String>,
}

/// A live mapped object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MappedObject {
    pub id: u64,
    pub class_name: String,
    pub repr: String,
    /// transient, pending, persistent, deleted or detached.
    pub state: String,
    /// The session (numbered from 1) it belongs to.
    pub session: Option<u32>,
    /// Its primary key, as `repr` of the identity tuple.
    pub identity: Option<String>,
    /// Attributes set since the last flush.
    pub modified: bool,
    /// Loaded attributes by name (`None`: expired or not loaded).
    pub attributes: Vec<(String, Option<String>)>,
    /// Loaded relationships: (attribute, the linked object's `id`).
    #[serde(default)]
    pub links: Vec<(String, u64)>,
    /// Attributes set since the last flush: (attribute, the value the database has).
    #[serde(default)]
    pub changed: Vec<(String, String)>,
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
