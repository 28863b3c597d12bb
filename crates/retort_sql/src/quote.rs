//! Identifier quoting. Mirrors `IdentifierPreparer._requires_quotes` with
//! `SQLiteIdentifierPreparer.reserved_words`.

/// SQLite's reserved words as SQLAlchemy lists them (lower case, sorted).
const RESERVED_WORDS: &[&str] = &[
    "add",
    "after",
    "all",
    "alter",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "false",
    "for",
    "foreign",
    "from",
    "full",
    "glob",
    "group",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "left",
    "like",
    "limit",
    "match",
    "natural",
    "not",
    "notnull",
    "null",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "outer",
    "plan",
    "pragma",
    "primary",
    "query",
    "raise",
    "references",
    "reindex",
    "rename",
    "replace",
    "restrict",
    "right",
    "rollback",
    "row",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "to",
    "transaction",
    "trigger",
    "true",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
];

/// Mirrors `IdentifierPreparer._requires_quotes`.
pub fn requires_quotes(name: &str) -> bool {
    // legal unquoted: lower-case ASCII letters, digits, `_` and `$` (an upper-case
    // letter would fold), not leading with a digit or `$`, and not a reserved word
    name.is_empty()
        || name.starts_with(|c: char| c.is_ascii_digit() || c == '$')
        || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'$')
        || RESERVED_WORDS.binary_search(&name).is_ok()
}

/// Mirrors `IdentifierPreparer.quote`: the name, in double quotes if needed
/// (with embedded quotes doubled).
pub fn quote(name: &str) -> String {
    if requires_quotes(name) {
        format!("\"{}\"", name.replace('"', "\"\""))
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_words_are_sorted_for_binary_search() {
        assert!(RESERVED_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn quotes_as_sqlalchemy_does() {
        let cases = [
            ("user", "user"),
            ("order", "\"order\""),
            ("UserName", "\"UserName\""),
            ("first name", "\"first name\""),
            ("1st", "\"1st\""),
            ("$cost", "\"$cost\""),
            ("a$b", "a$b"),
            ("say\"hi", "\"say\"\"hi\""),
            ("ORDER", "\"ORDER\""),
            ("café", "\"café\""),
            ("user_2", "user_2"),
            ("", "\"\""),
        ];
        for (name, want) in cases {
            assert_eq!(quote(name), want, "{name}");
        }
    }
}
