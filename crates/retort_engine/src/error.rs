//! Errors the engine reports, classified the way Python's `sqlite3` module
//! classifies them (the runtime maps [`ErrorKind`] to DBAPI exception classes).

use thiserror::Error;

/// Which DBAPI exception a failure becomes in Python's `sqlite3` module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ErrorKind {
    /// A constraint failed: UNIQUE, NOT NULL, CHECK, FOREIGN KEY (`IntegrityError`).
    Integrity,
    /// Bad SQL, a missing table or column, a busy or closed database (`OperationalError`).
    Operational,
    /// The caller misused the API, e.g. the wrong number of bindings (`ProgrammingError`).
    Programming,
    /// The engine failed inside: a bug or an unsupported feature (`InternalError`).
    Internal,
}

/// A statement the engine refused or could not finish.
#[derive(Clone, Debug, PartialEq, Error, serde::Serialize, serde::Deserialize)]
#[error("{message}")]
pub struct EngineError {
    pub kind: ErrorKind,
    /// The message as SQLite words it, e.g. `UNIQUE constraint failed: user.name`.
    pub message: String,
}

impl EngineError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        EngineError { kind, message: message.into() }
    }

    /// Mirrors `sqlite3`'s check in `_pysqlite_query_execute`.
    pub fn bindings(expected: usize, supplied: usize) -> Self {
        EngineError::new(
            ErrorKind::Programming,
            format!("Incorrect number of bindings supplied. The current statement uses {expected}, and there are {supplied} supplied."),
        )
    }

    /// The DBAPI class name Python's `sqlite3` would raise.
    pub fn dbapi_class(&self) -> &'static str {
        match self.kind {
            ErrorKind::Integrity => "IntegrityError",
            ErrorKind::Operational => "OperationalError",
            ErrorKind::Programming => "ProgrammingError",
            ErrorKind::Internal => "InternalError",
        }
    }
}
