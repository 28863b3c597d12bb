//! The values that cross between the page, the engine worker and the
//! runtime, defined once: the Migrations panel's revision scripts and
//! actions, the timeline's steps, and the ORM view the Models and Session
//! panels show. The page (`src/protocol.rs`, its messages to the worker)
//! and `retort_runtime` both use these types, so no field is copied by hand
//! from one shape to another.
//!
//! Invariants: plain data with serde; no behaviour beyond it; depends on
//! nothing of the project.

use serde::{Deserialize, Serialize};

/// A revision script of the Migrations panel: its id and its whole text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionScript {
    pub id: String,
    pub source: String,
}

/// What the Migrations panel asks for (Flask-Migrate's commands).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MigrationAction {
    /// `flask db migrate -m MESSAGE`: a new revision from the models' difference with the database.
    Autogenerate { message: String },
    /// `flask db upgrade TARGET` (a revision id or `head`).
    Upgrade { target: String },
    /// `flask db downgrade TARGET` (a revision id or `base`).
    Downgrade { target: String },
}

/// One step of the timeline: a top-level line that sent SQL or changed
/// mapped objects, how far the SQL log had got when it was done, and the
/// ORM's models and objects then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunStep {
    pub line: u32,
    /// The number of SQL log entries when it ended (its own are the ones since the step before).
    pub events: usize,
    /// The ORM's snapshot then, as JSON text of [`OrmView`]'s shape (`None`
    /// before `sqlalchemy.orm` is imported): read only when the timeline
    /// shows the step, so a run's dozens of snapshots cross as plain strings.
    pub orm: Option<String>,
}

/// What the Models and Session panels show: the mapped classes and the
/// live mapped objects (`retort_runtime::orm_snapshot`, JSON of this shape).
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

/// A mapped column of a [`Model`].
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

/// A relationship of a [`Model`].
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
