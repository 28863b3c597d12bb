//! The SQL log: one [`Event`] per statement sent to the engine and per
//! transaction boundary, in order, each tied to the source line that caused it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{EngineError, Value};

/// A transaction boundary as SQLAlchemy's engine events report them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TxKind {
    Begin,
    Commit,
    Rollback,
}

/// The parameters of one statement: one row, or the rows of an executemany.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Params {
    One(Vec<Value>),
    Many(Vec<Vec<Value>>),
}

/// One statement as the engine ran it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SqlEvent {
    /// (shared: a statement run many times, an INSERT in a loop, keeps its text once)
    pub sql: Arc<str>,
    pub params: Params,
    /// Rows changed, for statements that finished.
    pub rows_affected: Option<u64>,
    /// Rows returned (in all, over an executemany's rows).
    pub rows_returned: u64,
    /// Why the statement failed, if it did.
    pub error: Option<EngineError>,
    /// The first rows it returned, for the SQL log's preview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview: Option<Preview>,
}

/// The first [`PREVIEW_ROWS`] rows a statement returned, with their columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// How many rows a statement's preview keeps.
pub const PREVIEW_ROWS: usize = 3;

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EventKind {
    /// (boxed: a log of many statements moves small entries as it grows)
    Sql(Box<SqlEvent>),
    Tx(TxKind),
}

/// One entry of the SQL log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    /// The caller-supplied source line (a script line, a console statement's line).
    pub line: Option<u32>,
    /// Wall time the engine spent, in milliseconds.
    pub duration_ms: f64,
}

impl Event {
    /// Whether the entry is a statement naming `table` (see [`crate::mentions`]).
    pub fn names_table(&self, table: &str) -> bool {
        matches!(&self.kind, EventKind::Sql(sql) if crate::mentions::names_table(&sql.sql, table))
    }
}
