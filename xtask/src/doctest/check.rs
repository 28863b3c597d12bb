//! Python's `doctest.OutputChecker.check_output` and the runner's
//! comparison of an exception, under the flags SQLAlchemy's documentation
//! tests run with: `ELLIPSIS | NORMALIZE_WHITESPACE | IGNORE_EXCEPTION_DETAIL`.

/// What an example gave: its output and, if it raised, the exception's
/// last `format_exception_only` line.
pub struct Got {
    pub output: String,
    pub exception: Option<String>,
}

/// Whether `got` passes for an example expecting `want` (with `exc_msg`
/// when `want` is a traceback), as `DocTestRunner.__run` decides.
pub fn passes(want: &str, exc_msg: Option<&str>, got: &Got) -> bool {
    match (&got.exception, exc_msg) {
        (None, _) => check_output(want, &got.output),
        (Some(_), None) => false,
        (Some(raised), Some(expected)) => {
            check_output(expected, raised) || check_output(&strip_exception_details(expected), &strip_exception_details(raised))
        }
    }
}

/// `OutputChecker.check_output` with ELLIPSIS and NORMALIZE_WHITESPACE.
pub fn check_output(want: &str, got: &str) -> bool {
    let (want, got) = (to_ascii(want), to_ascii(got));
    if got == want {
        return true;
    }
    if (got.as_str(), want.as_str()) == ("True\n", "1\n") || (got.as_str(), want.as_str()) == ("False\n", "0\n") {
        return true;
    }
    let want = want
        .split('\n')
        .map(|l| if l.strip_prefix("<BLANKLINE>").is_some_and(|r| r.trim().is_empty()) { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let got = got.split('\n').map(|l| if !l.is_empty() && l.trim().is_empty() { "" } else { l }).collect::<Vec<_>>().join("\n");
    if got == want {
        return true;
    }
    let got = got.split_whitespace().collect::<Vec<_>>().join(" ");
    let want = want.split_whitespace().collect::<Vec<_>>().join(" ");
    got == want || ellipsis_match(&want, &got)
}

/// `str(s.encode('ASCII', 'backslashreplace'), 'ASCII')`.
fn to_ascii(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// `doctest._ellipsis_match`: each `...` in `want` matches any text.
pub fn ellipsis_match(want: &str, got: &str) -> bool {
    if !want.contains("...") {
        return want == got;
    }
    let mut pieces: Vec<&str> = want.split("...").collect();
    let (mut start, mut end) = (0, got.len());
    let first = pieces[0];
    if !first.is_empty() {
        if !got.starts_with(first) {
            return false;
        }
        start = first.len();
        pieces.remove(0);
    }
    let last = *pieces.last().expect("split gives one piece at least");
    if !last.is_empty() {
        if !got.ends_with(last) {
            return false;
        }
        end -= last.len();
        pieces.pop();
    }
    if start > end {
        return false;
    }
    for piece in pieces {
        match got[start..end].find(piece) {
            Some(i) => start += i + piece.len(),
            None => return false,
        }
    }
    true
}

/// `doctest._strip_exception_details`: the exception's class name alone.
fn strip_exception_details(msg: &str) -> String {
    let mut end = msg.find('\n').unwrap_or(msg.len());
    if let Some(colon) = msg[..end].find(':') {
        end = colon;
    }
    let start = msg[..end].rfind('.').map_or(0, |i| i + 1);
    msg[start..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_matches_any_text_between_pieces() {
        assert!(check_output("BEGIN (implicit)\n...\nCOMMIT\n", "BEGIN (implicit)\nINSERT ...\n[...] ()\nCOMMIT\n"));
        assert!(!ellipsis_match("aa...aa", "aaa"));
    }

    #[test]
    fn whitespace_is_normalized() {
        assert!(check_output("SELECT a\nFROM t\n", "SELECT a FROM t\n"));
        assert!(!check_output("SELECT a\n", "SELECT b\n"));
    }

    #[test]
    fn exception_detail_is_ignored_but_not_the_class() {
        let got = |e: &str| Got { output: String::new(), exception: Some(e.to_owned()) };
        assert!(passes("", Some("NoResultFound: x\n"), &got("sqlalchemy.exc.NoResultFound: No row was found\n")));
        assert!(!passes("", Some("NoResultFound: x\n"), &got("sqlalchemy.exc.MultipleResultsFound: many\n")));
        assert!(!passes("", None, &got("ValueError: x\n")));
    }
}
