//! Errors of schema construction and compilation, worded as SQLAlchemy words them.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SqlError {
    /// `sqlalchemy.exc.NoReferencedTableError`.
    #[error("Foreign key associated with column '{column}' could not find table '{table}' with which to generate a foreign key to target column '{target}'")]
    NoReferencedTable { column: String, table: String, target: String },
    /// `sqlalchemy.exc.NoReferencedColumnError`.
    #[error("Could not initialize target column for ForeignKey '{spec}' on table '{table}': table '{target_table}' has no column named '{target_column}'")]
    NoReferencedColumn { spec: String, table: String, target_table: String, target_column: String },
    /// Something SQLAlchemy does that Retort cannot do yet (`NotImplementedError`).
    #[error("Retort does not support {0} yet")]
    NotSupported(String),
    /// What the dialect's compiler cannot render (`NotImplementedError`,
    /// SQLAlchemy's own words).
    #[error("{0}")]
    Backend(String),
    /// `LookupError`, as a non-native Enum raises it for an unknown stored name.
    #[error("{0}")]
    Lookup(String),
    /// `sqlalchemy.exc.InvalidRequestError` (raised wrapped in a `StatementError`).
    #[error("{0}")]
    InvalidRequest(String),
    /// `sqlalchemy.exc.ArgumentError`.
    #[error("{0}")]
    Argument(String),
    /// `sqlalchemy.exc.CompileError`.
    #[error("{0}")]
    Compile(String),
    /// A statement executed without a value for one of its bind parameters:
    /// SQLAlchemy's `StatementError` around an `InvalidRequestError`.
    #[error("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{name}'\n[SQL: {sql}]\n(Background on this error at: https://sqlalche.me/e/21/cd3x)")]
    MissingBind { name: String, sql: String },
    /// A bind processor's `TypeError` (a string for a Date column), which
    /// SQLAlchemy raises wrapped in a `StatementError`.
    #[error("{0}")]
    BindType(String),
    /// A bind processor's `ValueError` (`to_float` given text that is no
    /// number), raised wrapped in a `StatementError` as `BindType`.
    #[error("{0}")]
    BindValue(String),
}

impl SqlError {
    /// Whether a bind processor refused the value (`BindType`, `BindValue`;
    /// `Lookup`, an Enum's `validate_strings`), raised in a StatementError.
    pub fn is_bind_refusal(&self) -> bool {
        matches!(self, SqlError::BindType(_) | SqlError::BindValue(_) | SqlError::Lookup(_))
    }

    /// The SQLAlchemy exception class this error is raised as.
    pub fn class_name(&self) -> &'static str {
        match self {
            SqlError::NoReferencedTable { .. } => "NoReferencedTableError",
            SqlError::NoReferencedColumn { .. } => "NoReferencedColumnError",
            SqlError::NotSupported(_) | SqlError::Backend(_) => "NotImplementedError",
            SqlError::Argument(_) => "ArgumentError",
            SqlError::Lookup(_) => "LookupError",
            SqlError::InvalidRequest(_) => "InvalidRequestError",
            SqlError::Compile(_) => "CompileError",
            SqlError::BindType(_) => "TypeError",
            SqlError::BindValue(_) => "ValueError",
            SqlError::MissingBind { .. } => "StatementError",
        }
    }
}
