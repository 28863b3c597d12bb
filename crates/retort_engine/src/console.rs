//! The SQL console: run a script of statements one by one, as the "SQL" mode
//! of the playground and `retort sql` do, keeping what each one returned.

use serde::{Deserialize, Serialize};

#[cfg(feature = "limbo")]
use crate::{split_statements, Backend, Connection};
use crate::{EngineError, Outcome};

/// Why a script stopped, and on which 1-based line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScriptError {
    pub line: u32,
    pub error: EngineError,
}

/// One statement of a console script and what it produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementResult {
    pub sql: String,
    /// The 1-based script line the statement starts on.
    pub line: u32,
    pub outcome: Outcome,
}

/// A console run: the statements that ran, and the error that stopped it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScriptRun {
    pub results: Vec<StatementResult>,
    pub error: Option<ScriptError>,
}

/// Runs every statement of `script` in order, each in autocommit mode as the
/// `sqlite3` shell does, keeping at most `keep_rows` rows of each result.
/// Stops at the first error, after recording what ran before it.
#[cfg(feature = "limbo")]
pub fn run_script<B: Backend>(conn: &mut Connection<B>, script: &str, keep_rows: usize) -> ScriptRun {
    conn.set_implicit_begin(false);
    let mut run = ScriptRun::default();
    for statement in split_statements(script) {
        let statement = match statement {
            Ok(statement) => statement,
            Err(error) => {
                run.error = Some(error);
                break;
            }
        };
        conn.set_line(Some(statement.line));
        match conn.execute_limited(statement.sql, &[], keep_rows) {
            Ok(outcome) => run.results.push(StatementResult { sql: statement.sql.to_owned(), line: statement.line, outcome }),
            Err(error) => {
                run.error = Some(ScriptError { line: statement.line, error });
                break;
            }
        }
    }
    run
}

#[cfg(all(test, feature = "limbo"))]
mod tests {
    use super::*;
    use crate::{open_in_memory, ErrorKind, Value};

    #[test]
    fn runs_until_the_first_error_and_says_where() {
        let mut db = open_in_memory().unwrap();
        let script = "CREATE TABLE t (a);\nINSERT INTO t VALUES (1), (2);\nSELECT a FROM t;\nSELECT nope FROM t;\nSELECT 1;";
        let run = run_script(&mut db, script, 1000);
        assert_eq!(run.results.len(), 3);
        assert_eq!(run.results[1].outcome.rows_affected, 2);
        assert_eq!(run.results[2].outcome.rows, vec![vec![Value::Integer(1)], vec![Value::Integer(2)]]);
        let error = run.error.unwrap();
        assert_eq!((error.line, error.error.kind), (4, ErrorKind::Operational));
        assert_eq!(error.error.message, "no such column: nope");
        assert_eq!(db.events().len(), 4, "the failed statement is logged too");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let mut db = open_in_memory().unwrap();
        let run = run_script(&mut db, "SELECT 1;\n\nSELEC 2;", 1000);
        assert_eq!(run.results.len(), 1);
        assert_eq!(run.error.unwrap().line, 3);
    }

    #[test]
    fn an_empty_script_runs_nothing() {
        let mut db = open_in_memory().unwrap();
        assert_eq!(run_script(&mut db, "  -- nothing\n", 1000), ScriptRun::default());
    }
}
