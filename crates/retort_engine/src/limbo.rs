//! [`Backend`] over Limbo (`turso_core`): an in-memory database, a statement
//! cache keyed by SQL text, and an IO whose clock works in a browser.

use std::num::NonZero;
use std::sync::Arc;

use std::sync::atomic::{AtomicU64, Ordering};

use turso_core::{
    Buffer, CheckpointMode, Clock, Completion, ConnectOpts, Database, File, LimboError, MemoryIO, MonotonicInstant, Numeric, OpenFlags,
    OpenOptions, SqliteDialect, Statement, StepResult, WallClockInstant, IO,
};

use rustc_hash::FxHashMap;

use crate::{Backend, EngineError, ErrorKind, Outcome, Value};

/// Prepared statements kept at most; past this the cache starts again, which
/// only costs re-preparing.
const STATEMENT_CACHE_LIMIT: usize = 256;

/// An in-memory Limbo database with one connection.
pub struct Limbo {
    // Kept alive for the connection's sake.
    _db: Arc<Database>,
    conn: Arc<turso_core::Connection>,
    /// Prepared statements by their SQL text, each reset after its last use.
    cache: Cache,
    io: Arc<ClockIO>,
    /// The database file's name in `io` (unique: Limbo shares open databases by path).
    path: String,
    /// A statement mentioned the temp schema (a TEMP table, `temp.`).
    temp_used: bool,
}

/// Numbers the in-memory files of the databases this process opens.
static NEXT_FILE: AtomicU64 = AtomicU64::new(1);

impl Limbo {
    /// Opens an empty in-memory database. Foreign keys stay off, as in SQLite.
    pub fn open_in_memory() -> Result<Self, EngineError> {
        Self::open_with(|_, _| Ok(()))
    }

    /// Opens an in-memory copy of a SQLite database file (`.sqlite` bytes).
    pub fn open_image(image: &[u8]) -> Result<Self, EngineError> {
        if !image.starts_with(b"SQLite format 3\0") {
            return Err(EngineError::new(ErrorKind::Operational, "file is not a database"));
        }
        Self::open_with(|io, path| {
            let file = io.open_file(path, OpenFlags::Create, false).map_err(convert_error)?;
            let write = Completion::new_write(|_| {});
            let write = file.pwrite(0, Arc::new(Buffer::new(image.to_vec())), write).map_err(convert_error)?;
            io.wait_for_completion(write).map_err(convert_error)
        })
    }

    fn open_with(prepare: impl FnOnce(&ClockIO, &str) -> Result<(), EngineError>) -> Result<Self, EngineError> {
        let io = Arc::new(ClockIO::new());
        let path = format!("retort-{}.db", NEXT_FILE.fetch_add(1, Ordering::Relaxed));
        prepare(&io, &path)?;
        let dyn_io: Arc<dyn IO> = io.clone();
        let db = Database::open(dyn_io, &path, OpenOptions::new(Arc::new(SqliteDialect))).map_err(convert_error)?;
        let conn = db.connect(ConnectOpts::new()).map_err(convert_error)?;
        conn.set_foreign_keys_enabled(false);
        Ok(Limbo { _db: db, conn, cache: Cache::default(), io, path, temp_used: false })
    }

    /// The database as a SQLite file: the write-ahead log is checkpointed
    /// into the main file first, so the bytes are complete.
    pub fn image(&mut self) -> Result<Vec<u8>, EngineError> {
        if self.in_transaction() {
            return Err(EngineError::new(ErrorKind::Operational, "cannot save the database while a transaction is open"));
        }
        // Finished statements hold no locks, but drop them to be sure none is mid-way.
        self.cache.clear();
        self.conn.checkpoint(CheckpointMode::Truncate { upper_bound_inclusive: None }).map_err(convert_error)?;
        let file = self.io.open_file(&self.path, OpenFlags::None, false).map_err(convert_error)?;
        let size = usize::try_from(file.size().map_err(convert_error)?).unwrap_or(0);
        let buffer = Arc::new(Buffer::new(vec![0; size]));
        let read = Completion::new_read(buffer.clone(), |_| None);
        let read = file.pread(0, read).map_err(convert_error)?;
        self.io.wait_for_completion(read).map_err(convert_error)?;
        Ok(buffer.as_slice().to_vec())
    }

    /// Prepares `sql`, checking first that it is one statement, as `sqlite3` does.
    fn prepare(&mut self, sql: &str) -> Result<Statement, EngineError> {
        // pysqlite_check_remaining_sql: after the statement only
        // whitespace and comments may follow
        let first = crate::trivia::strip_trailing_trivia(sql);
        let tail = &sql[first.len()..];
        if crate::trivia::leading_trivia(tail) < tail.len() {
            return Err(EngineError::new(ErrorKind::Programming, "You can only execute one statement at a time."));
        }
        self.conn.prepare(sql).map_err(convert_error)
    }

    /// Runs the cached statement `at` and resets it at once, so a finished
    /// or failed statement holds no lock and the connection's autocommit
    /// flag is current; its next use only re-binds (every parameter: their
    /// count must match). One that cannot be reset is not used again (the
    /// cache is emptied, and the error returned).
    fn run_cached(&mut self, at: usize, params: &[Value], keep_rows: usize) -> Result<Outcome, EngineError> {
        let stmt = self.cache.statement(at);
        let result = run_statement(stmt, params, keep_rows);
        let reset = stmt.reset();
        if reset.is_err() {
            self.cache.clear();
        }
        let outcome = result?;
        reset.map_err(convert_error)?;
        Ok(outcome)
    }
}

/// The prepared statements, by SQL text; the last one used is found
/// without hashing (a loop runs one statement again and again).
#[derive(Default)]
struct Cache {
    statements: Vec<(String, Statement)>,
    index: FxHashMap<String, usize>,
    last: usize,
}

impl Cache {
    /// Where the statement for `sql` is, if kept.
    fn find(&mut self, sql: &str) -> Option<usize> {
        if self.statements.get(self.last).is_some_and(|(s, _)| s == sql) {
            return Some(self.last);
        }
        let at = *self.index.get(sql)?;
        self.last = at;
        Some(at)
    }

    /// Keeps a statement just prepared (past the limit, the cache starts
    /// again, which only costs re-preparing): where it is.
    fn keep(&mut self, sql: &str, stmt: Statement) -> usize {
        if self.statements.len() >= STATEMENT_CACHE_LIMIT {
            self.clear();
        }
        self.index.insert(sql.to_owned(), self.statements.len());
        self.statements.push((sql.to_owned(), stmt));
        self.last = self.statements.len() - 1;
        self.last
    }

    fn statement(&mut self, at: usize) -> &mut Statement {
        &mut self.statements[at].1
    }

    fn clear(&mut self) {
        self.statements.clear();
        self.index.clear();
    }
}

/// A prepared statement outside the cache and the log, run as a program
/// using `turso_core` itself would run it: bound, stepped, reset. Only for
/// measuring the engine on its own (the benchmarks' "raw engine").
pub struct DirectStatement(Statement);

impl Limbo {
    /// `sql` prepared as a [`DirectStatement`].
    pub fn prepare_direct(&mut self, sql: &str) -> Result<DirectStatement, EngineError> {
        self.prepare(sql).map(DirectStatement)
    }
}

impl DirectStatement {
    /// Runs the statement with `params`: its rows (no column names) and counts.
    pub fn run(&mut self, params: &[Value]) -> Result<Outcome, EngineError> {
        let result = run_statement(&mut self.0, params, usize::MAX);
        self.0.reset().map_err(convert_error)?;
        result
    }
}

impl Backend for Limbo {
    fn run(&mut self, sql: &str, params: &[Value], keep_rows: usize) -> Result<Outcome, EngineError> {
        let at = match self.cache.find(sql) {
            Some(at) => at,
            None => {
                // Limbo opens the temp schema on first use, and that path reads
                // std's clock, which panics on wasm32-unknown-unknown. SQLAlchemy
                // asks `PRAGMA temp.table_info(...)` in every create_all; until a
                // statement has created something temporary the answer is known:
                // no rows. (A statement in the cache was looked at when prepared.)
                if !self.temp_used {
                    if let Some(pragma) = temp_pragma(sql) {
                        return Ok(Outcome { columns: pragma_columns(pragma), ..Outcome::default() });
                    }
                    let upper = sql.trim_start().to_ascii_uppercase();
                    if upper.starts_with("CREATE TEMP") || upper.contains(" TEMP.") || upper.contains("\"TEMP\".") {
                        self.temp_used = true;
                    }
                }
                let stmt = self.prepare(sql)?;
                self.cache.keep(sql, stmt)
            }
        };
        let columns = column_names(self.cache.statement(at));
        let mut outcome = Outcome { columns, ..self.run_cached(at, params, keep_rows)? };
        outcome.last_insert_rowid = self.conn.last_insert_rowid();
        Ok(outcome)
    }

    /// The first row through `run` (which prepares and caches the
    /// statement); the others re-bind the cached statement. (One `run`
    /// answers without caching, a temp-schema PRAGMA, goes through `run`.)
    fn run_many(&mut self, sql: &str, rows: &[Vec<Value>]) -> Result<(u64, u64), EngineError> {
        let Some((first, rest)) = rows.split_first() else { return Ok((0, 0)) };
        let first = self.run(sql, first, 0)?;
        let mut totals = (first.rows_affected, first.total_rows);
        let cached = self.cache.find(sql);
        for params in rest {
            let outcome = match cached {
                Some(at) => self.run_cached(at, params, 0)?,
                None => self.run(sql, params, 0)?,
            };
            totals.0 += outcome.rows_affected;
            totals.1 += outcome.total_rows;
        }
        Ok(totals)
    }

    fn in_transaction(&self) -> bool {
        !self.conn.get_auto_commit()
    }
}

/// The pragma of `PRAGMA temp.name(...)`, if `sql` is one.
fn temp_pragma(sql: &str) -> Option<&str> {
    let rest = sql.trim_start();
    let rest = rest.get(..6).filter(|w| w.eq_ignore_ascii_case("PRAGMA")).map(|_| rest[6..].trim_start())?;
    let rest = rest.get(..5).filter(|w| w.eq_ignore_ascii_case("temp.")).map(|_| &rest[5..])?;
    Some(rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).next().unwrap_or(""))
}

/// The columns SQLite gives the schema pragmas SQLAlchemy asks of `temp`.
fn pragma_columns(pragma: &str) -> Vec<String> {
    let names: &[&str] = match pragma.to_ascii_lowercase().as_str() {
        "table_info" => &["cid", "name", "type", "notnull", "dflt_value", "pk"],
        "table_xinfo" => &["cid", "name", "type", "notnull", "dflt_value", "pk", "hidden"],
        "index_list" => &["seq", "name", "unique", "origin", "partial"],
        "index_info" => &["seqno", "cid", "name"],
        "foreign_key_list" => &["id", "seq", "table", "from", "to", "on_update", "on_delete", "match"],
        _ => &[],
    };
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn run_statement(stmt: &mut Statement, params: &[Value], keep_rows: usize) -> Result<Outcome, EngineError> {
    let expected = stmt.parameters_count();
    if expected != params.len() {
        return Err(EngineError::bindings(expected, params.len()));
    }
    for (i, value) in params.iter().enumerate() {
        let index = NonZero::new(i + 1).expect("index starts at 1");
        stmt.bind_at(index, to_limbo(value)?).map_err(convert_error)?;
    }
    let mut outcome = Outcome::default();
    loop {
        match stmt.step().map_err(convert_error)? {
            StepResult::Row => {
                outcome.total_rows += 1;
                if outcome.rows.len() < keep_rows {
                    let row = stmt.row().expect("a row after StepResult::Row");
                    outcome.rows.push(row.get_values().map(from_limbo).collect());
                }
            }
            StepResult::Done => break,
            StepResult::IO | StepResult::Yield | StepResult::Sleep { .. } => stmt._io().step().map_err(convert_error)?,
            StepResult::Interrupt => return Err(EngineError::new(ErrorKind::Operational, "interrupted")),
            StepResult::Busy => return Err(EngineError::new(ErrorKind::Operational, "database is locked")),
        }
    }
    outcome.rows_affected = u64::try_from(stmt.n_change()).unwrap_or(0);
    Ok(outcome)
}

fn column_names(stmt: &Statement) -> Vec<String> {
    (0..stmt.num_columns()).map(|i| stmt.get_column_name(i).into_owned()).collect()
}

fn to_limbo(value: &Value) -> Result<turso_core::Value, EngineError> {
    Ok(match value {
        Value::Null => turso_core::Value::Null,
        Value::Integer(i) => turso_core::Value::Numeric(Numeric::Integer(*i)),
        // SQLite binds NaN as NULL; so does Limbo's own constructor.
        Value::Real(r) => match turso_core::NonNan::new(*r) {
            Some(r) => turso_core::Value::Numeric(Numeric::Float(r)),
            None => turso_core::Value::Null,
        },
        Value::Text(t) => turso_core::Value::from_text(t.clone()),
        Value::Blob(b) => turso_core::Value::from_slice(b).map_err(|_| EngineError::new(ErrorKind::Operational, "out of memory"))?,
    })
}

fn from_limbo(value: &turso_core::Value) -> Value {
    match value {
        turso_core::Value::Null => Value::Null,
        turso_core::Value::Numeric(Numeric::Integer(i)) => Value::Integer(*i),
        turso_core::Value::Numeric(Numeric::Float(f)) => Value::Real(f64::from(*f)),
        turso_core::Value::Text(t) => Value::Text(t.as_str().to_owned()),
        turso_core::Value::Blob(_) => Value::Blob(value.to_blob().unwrap_or_default().to_vec()),
    }
}

/// Classifies Limbo's error as Python's `sqlite3` would, with SQLite's wording.
fn convert_error(error: LimboError) -> EngineError {
    let kind = match &error {
        LimboError::Constraint(_) | LimboError::ConstraintViolation(_) | LimboError::ForeignKeyConstraint(_) | LimboError::Raise(..) => {
            ErrorKind::Integrity
        }
        LimboError::InternalError(_) | LimboError::Corrupt(_) => ErrorKind::Internal,
        _ => ErrorKind::Operational,
    };
    let message = error.to_string();
    // SQLite's messages carry no "Parse error: " prefix ("no such table: x").
    let message = message.strip_prefix("Parse error: ").unwrap_or(&message).to_owned();
    EngineError::new(kind, message)
}

/// `MemoryIO` with a clock from `web-time`: `std::time` panics on
/// `wasm32-unknown-unknown`, the JS clock does not. Natively it is `std`'s.
struct ClockIO {
    memory: MemoryIO,
    start: web_time::Instant,
}

impl ClockIO {
    fn new() -> Self {
        ClockIO { memory: MemoryIO::new(), start: web_time::Instant::now() }
    }
}

impl Clock for ClockIO {
    fn current_time_monotonic(&self) -> MonotonicInstant {
        MonotonicInstant::from_nanos(self.start.elapsed().as_nanos())
    }

    fn current_time_wall_clock(&self) -> WallClockInstant {
        let since_epoch = web_time::SystemTime::now().duration_since(web_time::UNIX_EPOCH).unwrap_or_default();
        WallClockInstant { secs: i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX), micros: since_epoch.subsec_micros() }
    }
}

impl IO for ClockIO {
    fn open_file(&self, path: &str, flags: OpenFlags, direct: bool) -> turso_core::Result<Arc<dyn File>> {
        self.memory.open_file(path, flags, direct)
    }

    fn remove_file(&self, path: &str) -> turso_core::Result<()> {
        self.memory.remove_file(path)
    }

    fn step(&self) -> turso_core::Result<()> {
        self.memory.step()
    }

    fn file_id(&self, path: &str) -> turso_core::Result<turso_core::io::FileId> {
        self.memory.file_id(path)
    }
}
