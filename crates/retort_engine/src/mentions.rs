//! Which tables a statement names: the playground marks the statements
//! that touched the table selected in the relationship graph. A statement
//! names a table when one of its identifiers (bare, `"quoted"`, `` `quoted` ``
//! or `[quoted]`) is the table's name, compared without case as SQLite
//! compares names; string literals and comments are not looked into.

/// Whether `sql` names `table`.
pub fn names_table(sql: &str, table: &str) -> bool {
    identifiers(sql).any(|id| id.eq_ignore_ascii_case(table))
}

/// The identifiers of `sql`, in order, unquoted.
fn identifiers(sql: &str) -> impl Iterator<Item = &str> {
    let bytes = sql.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let c = bytes[i];
            let closing = match c {
                b'"' => Some(b'"'),
                b'`' => Some(b'`'),
                b'[' => Some(b']'),
                _ => None,
            };
            if let Some(close) = closing {
                let start = i + 1;
                let end = sql[start..].find(close as char).map_or(sql.len(), |n| start + n);
                i = end + 1;
                return Some(&sql[start..end]);
            }
            if c == b'\'' {
                // a string literal: '' is a quote inside it
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
            } else if sql[i..].starts_with("--") {
                i = sql[i..].find('\n').map_or(sql.len(), |n| i + n);
            } else if sql[i..].starts_with("/*") {
                i = sql[i + 2..].find("*/").map_or(sql.len(), |n| i + 2 + n + 2);
            } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'$' || bytes[i] >= 0x80) {
                    i += 1;
                }
                return Some(&sql[start..i]);
            } else {
                i += 1;
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::names_table;

    #[test]
    fn statements_name_their_tables() {
        let cases: &[(&str, &str, bool)] = &[
            ("SELECT user_account.id FROM user_account WHERE user_account.name = ?", "user_account", true),
            ("INSERT INTO address (email, user_id) VALUES (?, ?)", "address", true),
            ("INSERT INTO address (email, user_id) VALUES (?, ?)", "user", false),
            ("UPDATE \"user\" SET name=? WHERE \"user\".id = ?", "user", true),
            ("DELETE FROM post_tag WHERE post_tag.post_id = ?", "post", false),
            ("CREATE TABLE Post (\n\tid INTEGER NOT NULL)", "post", true),
            ("SELECT 'post' AS kind, x FROM other", "post", false),
            ("SELECT 'it''s post' FROM other -- post\n", "post", false),
            ("SELECT x /* post */ FROM other", "post", false),
            ("SELECT [post].id FROM `post`", "post", true),
            ("PRAGMA main.table_info(\"post\")", "post", true),
            ("SELECT posts.id FROM posts", "post", false),
        ];
        for (sql, table, want) in cases {
            assert_eq!(names_table(sql, table), *want, "{sql} / {table}");
        }
    }
}
