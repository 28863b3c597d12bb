//! [`Connection`]: a [`Backend`] plus the SQL log. The one place every
//! statement passes through, so that nothing reaches the engine unrecorded.

use std::sync::Arc;

use web_time::Instant;

use crate::log::{Event, EventKind, Params, Preview, SqlEvent, TxKind, PREVIEW_ROWS};
use crate::{Backend, EngineError, Outcome, Value};

/// A database connection that records what it runs.
pub struct Connection<B: Backend> {
    backend: B,
    events: Vec<Event>,
    line: Option<u32>,
    implicit_begin: bool,
}

impl<B: Backend> Connection<B> {
    pub fn new(backend: B) -> Self {
        Connection { backend, events: Vec::new(), line: None, implicit_begin: true }
    }

    /// Whether to begin a transaction before a DML statement when none is
    /// open, as Python's `sqlite3` does by default (the BEGIN is not logged:
    /// SQLAlchemy never sees it). On by default; the SQL console turns it off.
    pub fn set_implicit_begin(&mut self, on: bool) {
        self.implicit_begin = on;
    }

    /// Mirrors `_pysqlite_query_execute`: BEGIN before INSERT, UPDATE,
    /// DELETE or REPLACE outside a transaction.
    fn begin_implicitly(&mut self, sql: &str) -> Result<(), EngineError> {
        if self.implicit_begin && !self.backend.in_transaction() && is_dml(sql) {
            self.backend.run("BEGIN", &[], 0)?;
        }
        Ok(())
    }

    /// Sets the source line that the following events are attributed to.
    pub fn set_line(&mut self, line: Option<u32>) {
        self.line = line;
    }

    /// Runs one statement and keeps every row it returns.
    pub fn execute(&mut self, sql: &str, params: &[Value]) -> Result<Outcome, EngineError> {
        self.execute_limited(sql, params, usize::MAX)
    }

    /// Runs one statement the driver sends on its own (a pool `connect`
    /// listener's cursor): SQLAlchemy neither sees nor logs it, so no event.
    pub fn execute_unlogged(&mut self, sql: &str, params: &[Value]) -> Result<Outcome, EngineError> {
        self.backend.run(sql, params, usize::MAX)
    }

    /// `execute` with parameters the log may keep as they are (no copy).
    pub fn execute_values(&mut self, sql: &str, params: Vec<Value>) -> Result<Outcome, EngineError> {
        self.run_logged(sql.into(), params, usize::MAX)
    }

    /// `execute_values` with a text the log may share (a statement the caller runs again and again).
    pub fn execute_shared(&mut self, sql: &Arc<str>, params: Vec<Value>) -> Result<Outcome, EngineError> {
        self.run_logged(sql.clone(), params, usize::MAX)
    }

    /// Runs one statement, keeping the first `keep_rows` rows and counting the rest.
    pub fn execute_limited(&mut self, sql: &str, params: &[Value], keep_rows: usize) -> Result<Outcome, EngineError> {
        self.run_logged(sql.into(), params.to_vec(), keep_rows)
    }

    fn run_logged(&mut self, sql: Arc<str>, params: Vec<Value>, keep_rows: usize) -> Result<Outcome, EngineError> {
        let started = Instant::now();
        let result = self.begin_implicitly(&sql).and_then(|()| self.backend.run(&sql, &params, keep_rows));
        let (rows_affected, rows_returned, error) = match &result {
            Ok(outcome) => (Some(outcome.rows_affected), outcome.total_rows, None),
            Err(e) => (None, 0, Some(e.clone())),
        };
        let preview = match &result {
            Ok(outcome) if !outcome.rows.is_empty() => {
                Some(Preview { columns: outcome.columns.clone(), rows: outcome.rows.iter().take(PREVIEW_ROWS).cloned().collect() })
            }
            _ => None,
        };
        let event = SqlEvent { sql, params: Params::One(params), rows_affected, rows_returned, error, preview };
        self.push(EventKind::Sql(Box::new(event)), started);
        result
    }

    /// Runs one statement once per parameter row (DBAPI `executemany`),
    /// recorded as one event; stops at the first failing row.
    pub fn execute_many(&mut self, sql: &str, rows: &[Vec<Value>]) -> Result<u64, EngineError> {
        self.execute_many_values(sql, rows.to_vec())
    }

    /// `execute_many` with rows the log may keep as they are (no copy).
    pub fn execute_many_values(&mut self, sql: &str, rows: Vec<Vec<Value>>) -> Result<u64, EngineError> {
        let started = Instant::now();
        let ((affected, returned), error) = match self.begin_implicitly(sql).and_then(|()| self.backend.run_many(sql, &rows)) {
            Ok(totals) => (totals, None),
            Err(e) => ((0, 0), Some(e)),
        };
        let event = SqlEvent {
            sql: sql.into(),
            params: Params::Many(rows),
            rows_affected: error.is_none().then_some(affected),
            rows_returned: returned,
            error: error.clone(),
            preview: None,
        };
        self.push(EventKind::Sql(Box::new(event)), started);
        error.map_or(Ok(affected), Err)
    }

    /// Records the start of a transaction as SQLAlchemy sees it. Like
    /// pysqlite, nothing is sent: SQLite begins lazily at the first write.
    pub fn begin(&mut self) {
        self.push(EventKind::Tx(TxKind::Begin), Instant::now());
    }

    /// Commits the open transaction, if the engine has one, and records it.
    pub fn commit(&mut self) -> Result<(), EngineError> {
        self.end_transaction("COMMIT", TxKind::Commit)
    }

    /// Rolls back the open transaction, if the engine has one, and records it.
    pub fn rollback(&mut self) -> Result<(), EngineError> {
        self.end_transaction("ROLLBACK", TxKind::Rollback)
    }

    fn end_transaction(&mut self, sql: &str, kind: TxKind) -> Result<(), EngineError> {
        let started = Instant::now();
        let result = if self.backend.in_transaction() { self.backend.run(sql, &[], 0).map(drop) } else { Ok(()) };
        self.push(EventKind::Tx(kind), started);
        result
    }

    /// The backend, for what only it can do (Limbo's database image).
    pub fn backend_mut(&mut self) -> &mut B {
        &mut self.backend
    }

    pub fn in_transaction(&self) -> bool {
        self.backend.in_transaction()
    }

    /// The SQL log so far.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Hands over the SQL log so far and starts a new one.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// Moves the events so far to the end of `log`, keeping this
    /// connection's buffer for the next (no allocation per statement).
    pub fn drain_events(&mut self, log: &mut Vec<Event>) {
        log.append(&mut self.events);
    }

    fn push(&mut self, kind: EventKind, started: Instant) {
        let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        self.events.push(Event { kind, line: self.line, duration_ms });
    }
}

/// Whether `sql` starts with a keyword after which `sqlite3` begins a transaction.
fn is_dml(sql: &str) -> bool {
    let start = crate::trivia::leading_trivia(sql);
    let rest = &sql.as_bytes()[start..];
    let word = &rest[..rest.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(rest.len())];
    ["INSERT", "UPDATE", "DELETE", "REPLACE"].iter().any(|k| word.eq_ignore_ascii_case(k.as_bytes()))
}
