//! `text()`: textual SQL with `:name` bind parameters, turned into SQLite's
//! positional `?` with the values in order. Mirrors `TextClause`'s
//! `_bind_params_regex` (`(?<![:\w\\]):(\w+)(?!:)`) and its `\:` escape.

use crate::compiler::Compiled;
use crate::expr::Literal;
use crate::SqlError;

/// Compiles `text(sql)` executed with `params`.
pub fn compile(sql: &str, params: &[(String, Literal)]) -> Result<Compiled, SqlError> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = String::with_capacity(sql.len());
    let mut values = Vec::new();
    let mut missing = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1) == Some(&':') {
            // `\:` is a literal colon.
            out.push(':');
            i += 2;
            continue;
        }
        let preceded_ok = i == 0 || !(chars[i - 1] == ':' || is_word(chars[i - 1]) || chars[i - 1] == '\\');
        if c == ':' && preceded_ok && chars.get(i + 1).is_some_and(|&n| is_word(n)) {
            let end = (i + 1..chars.len()).find(|&j| !is_word(chars[j])).unwrap_or(chars.len());
            if chars.get(end) != Some(&':') {
                let name: String = chars[i + 1..end].iter().collect();
                match params.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => values.push(v.clone()),
                    None => missing = missing.or(Some(name)),
                }
                out.push('?');
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    if let Some(name) = missing {
        return Err(SqlError::MissingBind { name, sql: out });
    }
    Ok(Compiled { sql: out, params: values, ..Compiled::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_become_positional_and_other_colons_stay() {
        let params = [("x".to_owned(), Literal::Int(1)), ("n".to_owned(), Literal::Str("a".into()))];
        let got = compile("SELECT :x, :n, :x, '10:30', a::int, \\:x", &params).unwrap();
        assert_eq!(got.sql, "SELECT ?, ?, ?, '10:30', a::int, :x");
        assert_eq!(got.params, vec![Literal::Int(1), Literal::Str("a".into()), Literal::Int(1)]);
    }

    #[test]
    fn a_missing_value_is_an_error() {
        let err = compile("SELECT :nope, :x", &[("x".to_owned(), Literal::Int(1))]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter 'nope'\n[SQL: SELECT ?, ?]\n(Background on this error at: https://sqlalche.me/e/21/cd3x)"
        );
        assert_eq!(err.class_name(), "StatementError");
    }
}
