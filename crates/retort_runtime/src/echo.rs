//! `echo=True` (or the `sqlalchemy.engine` logger at INFO): the engine's
//! events as the lines SQLAlchemy logs for them, `BEGIN (implicit)`, the
//! statement, then how it was compiled and its parameters
//! (`[generated in 0.00012s] ('a',)`, `[cached since 0.0004s ago] (...)`,
//! `[raw sql] ()`, `[no key 0.00010s] ()`), `COMMIT`, `ROLLBACK`. The
//! sqlalchemy module hands them to Python's `logging`.

use std::collections::HashMap;

use retort_engine::log::{Event, EventKind, Params, TxKind};
use retort_engine::Value;
use retort_python::builtins::repr::{bytes_repr, str_repr};
use web_time::Instant;

/// How statements were made, which decides the bracket SQLAlchemy logs.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Compiled constructs and `text()`: generated once, cached after.
    #[default]
    Compiled,
    /// DDL constructs and savepoints: `[no key 0.00010s]`.
    NoKey,
    /// The driver's own SQL (`exec_driver_sql`): `[raw sql]`.
    Raw,
    /// An ORM statement (of mapped entities): compiled, and cached apart
    /// from a Core statement of the same text, as SQLAlchemy's cache keys differ.
    Orm,
}

/// One engine's echo state: whether it is on, the lines not yet logged,
/// and when each statement text was first compiled.
#[derive(Default)]
pub struct Echo {
    pub on: bool,
    pub lines: Vec<String>,
    /// How the statements now running were made (PRAGMAs are always raw).
    pub mode: Mode,
    /// When each statement (text, and whether an executemany) was compiled first.
    generated: HashMap<(String, bool, bool), Instant>,
    /// The "insertmanyvalues" batch the statement now running belongs to.
    pub batch: Option<retort_orm::flush::Batch>,
}

impl Echo {
    /// Adds the lines of `events` (when echo is on), and to `all` (the
    /// playground's text view of the log, kept whether echo is on or not).
    pub fn record(&mut self, events: &[Event], all: Option<&mut Vec<String>>) {
        if !self.on && all.is_none() {
            return;
        }
        let mut lines = Vec::new();
        for e in events {
            match &e.kind {
                EventKind::Tx(TxKind::Begin) => lines.push("BEGIN (implicit)".into()),
                EventKind::Tx(TxKind::Commit) => lines.push("COMMIT".into()),
                EventKind::Tx(TxKind::Rollback) => lines.push("ROLLBACK".into()),
                EventKind::Sql(sql) => {
                    lines.push(sql.sql.to_string());
                    let many = matches!(sql.params, Params::Many(_));
                    let mut how = self.how(&sql.sql, many, e.duration_ms / 1000.0);
                    if let Some(b) = self.batch {
                        // `_exec_insertmany_context`'s stats
                        let order = if b.ordered { "ordered" } else { "unordered" };
                        let stats = format!(" {}/{} ({order}{})", b.num, b.total, if b.downgraded { "; batch not supported" } else { "" });
                        how = if b.num == 1 { format!("{how} (insertmanyvalues){stats}") } else { format!("insertmanyvalues{stats}") };
                    }
                    let params = match &sql.params {
                        Params::One(row) => row_repr(row),
                        Params::Many(rows) => many_repr(rows),
                    };
                    lines.push(format!("[{how}] {params}"));
                }
            }
        }
        if let Some(all) = all {
            all.extend(lines.iter().cloned());
        }
        if self.on {
            self.lines.extend(lines);
        }
    }

    /// Mirrors `_execute_context`'s `stats`: raw SQL, statements without a
    /// cache key (DDL, savepoints), and compiled statements, generated the
    /// first time and cached after.
    fn how(&mut self, sql: &str, many: bool, seconds: f64) -> String {
        let pragma = sql.trim_start().get(..6).is_some_and(|w| w.eq_ignore_ascii_case("PRAGMA"));
        match self.mode {
            Mode::Raw => "raw sql".into(),
            _ if pragma => "raw sql".into(),
            Mode::NoKey => format!("no key {seconds:.5}s"),
            mode => match self.generated.get(&(sql.to_owned(), many, mode == Mode::Orm)) {
                Some(first) => format!("cached since {} ago", g4(first.elapsed().as_secs_f64())),
                None => {
                    self.generated.insert((sql.to_owned(), many, mode == Mode::Orm), Instant::now());
                    format!("generated in {seconds:.5}s")
                }
            },
        }
    }
}

/// Python's `%.4g` of a small positive number of seconds, with its `s`.
fn g4(x: f64) -> String {
    if x == 0.0 {
        return "0s".into();
    }
    let exp = x.abs().log10().floor() as i32;
    if !(-4..4).contains(&exp) {
        let s = format!("{x:.3e}");
        let (mantissa, e) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        let e: i32 = e.parse().unwrap_or(0);
        return format!("{mantissa}e{}{:02}s", if e < 0 { '-' } else { '+' }, e.abs());
    }
    let decimals = (3 - exp).max(0) as usize;
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_owned() } else { s };
    format!("{s}s")
}

fn value_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => retort_sql::value::float_repr(*f),
        Value::Text(s) => str_repr(s),
        Value::Blob(b) => bytes_repr(b),
    }
}

fn row_repr(row: &[Value]) -> String {
    let items: Vec<String> = row.iter().map(value_repr).collect();
    format!("({}{})", items.join(", "), if items.len() == 1 { "," } else { "" })
}

/// Mirrors `_repr_params` with `batches=10`: ten rows at most, the first
/// eight and the last two around a count.
fn many_repr(rows: &[Vec<Value>]) -> String {
    let list = |rows: &[Vec<Value>]| rows.iter().map(|r| row_repr(r)).collect::<Vec<_>>().join(", ");
    if rows.len() > 10 {
        format!(
            "[{}  ... displaying 10 of {} total bound parameter sets ...  {}]",
            list(&rows[..8]),
            rows.len(),
            list(&rows[rows.len() - 2..])
        )
    } else {
        format!("[{}]", list(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs_match_python() {
        assert_eq!(g4(0.0004749), "0.0004749s");
        assert_eq!(g4(0.0006187234), "0.0006187s");
        assert_eq!(g4(1.5), "1.5s");
        assert_eq!(g4(0.00001234), "1.234e-05s");
        assert_eq!(row_repr(&[Value::Text("a".into())]), "('a',)");
        assert_eq!(row_repr(&[]), "()");
        assert_eq!(row_repr(&[Value::Integer(1), Value::Null, Value::Real(2.5), Value::Text("it's".into())]), "(1, None, 2.5, \"it's\")");
        let rows: Vec<Vec<Value>> = (0..12).map(|i| vec![Value::Integer(i)]).collect();
        assert_eq!(
            many_repr(&rows),
            "[(0,), (1,), (2,), (3,), (4,), (5,), (6,), (7,)  ... displaying 10 of 12 total bound parameter sets ...  (10,), (11,)]"
        );
    }
}
