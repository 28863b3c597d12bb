//! The one small trait over an SQL engine. Limbo implements it for the
//! playground; the differential test implements it over real SQLite.

use crate::{EngineError, Value};

/// What one statement produced.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    /// Result column names; empty for statements that return no rows.
    pub columns: Vec<String>,
    /// The first rows, at most the `keep_rows` the caller asked for.
    pub rows: Vec<Vec<Value>>,
    /// How many rows the statement returned in all (may exceed `rows.len()`).
    pub total_rows: u64,
    /// Rows inserted, updated or deleted by this statement (0 for queries).
    pub rows_affected: u64,
    /// The connection's last insert rowid after the statement.
    pub last_insert_rowid: i64,
}

/// An SQL engine seen from Retort: run one statement, say whether a
/// transaction is open. Statement caching is the backend's business.
pub trait Backend {
    /// Prepares (or reuses) `sql`, binds `params` positionally, runs it to the
    /// end and keeps the first `keep_rows` rows.
    fn run(&mut self, sql: &str, params: &[Value], keep_rows: usize) -> Result<Outcome, EngineError>;

    /// Runs `sql` once per parameter row (an executemany), stopping at the
    /// first failing row: the rows affected and the rows returned in all.
    fn run_many(&mut self, sql: &str, rows: &[Vec<Value>]) -> Result<(u64, u64), EngineError> {
        let (mut affected, mut returned) = (0, 0);
        for params in rows {
            let outcome = self.run(sql, params, 0)?;
            affected += outcome.rows_affected;
            returned += outcome.total_rows;
        }
        Ok((affected, returned))
    }

    /// Whether a transaction is open (SQLite's `!sqlite3_get_autocommit`).
    fn in_transaction(&self) -> bool;
}
