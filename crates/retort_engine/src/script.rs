//! Splitting a script of several SQL statements (the SQL console's input)
//! with the engine's own parser, so that splitting agrees with execution.

use turso_core::{Dialect, SqliteDialect};

use crate::console::ScriptError;
use crate::trivia::{leading_trivia, strip_trailing_trivia};
use crate::{EngineError, ErrorKind};

/// One statement of a script: its text and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptStatement<'a> {
    pub sql: &'a str,
    pub line: u32,
}

/// Splits `script` into statements, lazily: a syntax error ends the
/// iteration with an error naming the line, after the statements before it.
pub fn split_statements(script: &str) -> impl Iterator<Item = Result<ScriptStatement<'_>, ScriptError>> {
    let mut offset = 0;
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let rest = &script[offset..];
        let line = line_of(script, offset + leading_trivia(rest));
        match SqliteDialect.parse(rest) {
            Ok((None, _)) => None,
            Ok((Some(_), consumed)) => {
                let sql = strip_trailing_trivia(&rest[..consumed]);
                let sql = sql[leading_trivia(sql)..].trim_end_matches(';').trim_end();
                offset += consumed.max(1);
                Some(Ok(ScriptStatement { sql, line }))
            }
            Err(e) => {
                failed = true;
                let message = e.to_string();
                let message = message.strip_prefix("Parse error: ").unwrap_or(&message);
                Some(Err(ScriptError { line, error: EngineError::new(ErrorKind::Operational, message) }))
            }
        }
    })
}

fn line_of(text: &str, byte: usize) -> u32 {
    u32::try_from(text[..byte].matches('\n').count() + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_statements_and_keeps_their_lines() {
        let script = "CREATE TABLE t (a);\n\n-- a comment\nINSERT INTO t VALUES (';');\nSELECT a FROM t";
        let got: Vec<_> = split_statements(script).map(Result::unwrap).collect();
        let sqls: Vec<_> = got.iter().map(|s| (s.sql, s.line)).collect();
        assert_eq!(sqls[0], ("CREATE TABLE t (a)", 1));
        assert_eq!(sqls[1], ("INSERT INTO t VALUES (';')", 4));
        assert_eq!(sqls[2], ("SELECT a FROM t", 5));
        assert_eq!(sqls.len(), 3);
    }

    #[test]
    fn empty_script_has_no_statements() {
        assert_eq!(split_statements("  \n -- only a comment\n").count(), 0);
    }

    #[test]
    fn syntax_error_comes_after_the_good_statements() {
        let got: Vec<_> = split_statements("SELECT 1;\nSELEC 2;\nSELECT 3").collect();
        assert!(got[0].is_ok());
        let err = got[1].as_ref().unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.error.message.contains("syntax error"), "{}", err.error.message);
        assert_eq!(got.len(), 2);
    }
}
