//! The whitespace and comments around SQL statements: what is not part of a
//! statement's text, for splitting scripts and for pysqlite's DML check.

/// The length of the whitespace and comments that open `sql`.
pub fn leading_trivia(sql: &str) -> usize {
    let mut rest = sql;
    loop {
        let trimmed = rest.trim_start();
        rest = if let Some(comment) = trimmed.strip_prefix("--") {
            comment.find('\n').map_or("", |end| &comment[end..])
        } else if let Some(comment) = trimmed.strip_prefix("/*") {
            comment.find("*/").map_or("", |end| &comment[end + 2..])
        } else {
            return sql.len() - trimmed.len();
        };
    }
}

/// `sql` up to its terminating `;`: the parser's span also takes the
/// whitespace and comments that follow, which belong to the next statement.
#[cfg(feature = "limbo")]
pub fn strip_trailing_trivia(sql: &str) -> &str {
    let mut end = 0;
    let mut chars = sql.char_indices().peekable();
    let mut quote = None;
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                end = i + c.len_utf8();
            }
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '[') => quote = Some(']'),
            (None, '-') if chars.peek().map(|p| p.1) == Some('-') => while chars.next_if(|p| p.1 != '\n').is_some() {},
            (None, '/') if chars.peek().map(|p| p.1) == Some('*') => {
                chars.next();
                let mut prev = ' ';
                for (_, c) in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            (None, ';') => return &sql[..=i],
            (None, c) if !c.is_whitespace() => end = i + c.len_utf8(),
            _ => {}
        }
    }
    &sql[..end]
}
