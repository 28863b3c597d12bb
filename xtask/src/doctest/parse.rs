//! The documentation as SQLAlchemy's `test/base/test_tutorials.py` reads
//! it: each file's lines with the `{sql}`/`{stop}`/... markers stripped,
//! `.. doctest-include FILE` and `.. doctest-enable/disable` honoured, cut
//! into tests at each include; and each test cut into examples as Python's
//! `doctest.DocTestParser` does (its regular expressions, line by line).

use std::path::Path;

use anyhow::{bail, Context, Result};

/// A piece of documentation run as one `DocTest`: its text and, per line,
/// the file and line it came from.
pub struct Test {
    pub name: String,
    pub lines: Vec<(String, usize, String)>,
}

/// One `>>>` example.
#[derive(Debug, Clone)]
pub struct Example {
    /// The file and 1-based line of its `>>>`.
    pub file: String,
    pub line: usize,
    /// The source, ending in a newline.
    pub source: String,
    /// The expected output ("" or ending in a newline).
    pub want: String,
    /// The expected exception line, when `want` is a traceback.
    pub exc_msg: Option<String>,
    /// `# doctest: +SKIP`.
    pub skip: bool,
}

const MARKERS: [&str; 5] = ["{stop}", "{sql}", "{opensql}", "{execsql}", "{printsql}"];

/// The tests of one documentation file (`doc` is `doc/build/`), as
/// `_run_doctest_impl` builds them.
pub fn tests_of(doc: &Path, fname: &str) -> Result<Vec<Test>> {
    let path = doc.join(fname);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut tests = Vec::new();
    let mut buf: Vec<(String, usize, String)> = Vec::new();
    let flush = |buf: &mut Vec<(String, usize, String)>, name: &str, tests: &mut Vec<Test>| {
        if !buf.is_empty() {
            tests.push(Test { name: name.to_owned(), lines: std::mem::take(buf) });
        }
    };
    let mut enabled = true;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let mut line = raw.to_owned();
        for m in MARKERS {
            line = line.replace(m, "");
        }
        if let Some(rest) = line.strip_prefix(".. doctest-include ") {
            let include = rest.trim_end_matches('\n');
            let include = include.rfind(".rst").map(|end| &include[..end + 4]).context("a doctest-include names no .rst file")?;
            flush(&mut buf, fname, &mut tests);
            let sub = Path::new(fname).parent().unwrap_or(Path::new("")).join(include);
            let sub_name = sub.to_string_lossy().into_owned();
            let sub_text = std::fs::read_to_string(doc.join(&sub)).with_context(|| format!("cannot read {sub_name}"))?;
            for (j, l) in sub_text.split_inclusive('\n').enumerate() {
                buf.push((sub_name.clone(), j + 1, l.to_owned()));
            }
            flush(&mut buf, include, &mut tests);
        }
        if let Some(rest) = line.strip_prefix(".. doctest-") {
            if rest.starts_with("enable") {
                enabled = true;
            } else if rest.starts_with("disable") {
                enabled = false;
            }
        }
        buf.push((fname.to_owned(), i + 1, if enabled { line } else { "\n".to_owned() }));
    }
    flush(&mut buf, fname, &mut tests);
    Ok(tests)
}

/// Spaces at the start of a line.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank(line: &str) -> bool {
    line.trim_start_matches(' ').is_empty()
}

fn is_ps1(line: &str) -> bool {
    line.trim_start_matches(' ').starts_with(">>>")
}

/// `doctest.DocTestParser.parse`'s examples of a test.
pub fn examples(test: &Test) -> Result<Vec<Example>> {
    let text: String = test.lines.iter().map(|(_, _, l)| l.as_str()).collect();
    let text = expand_tabs(&text);
    let lines: Vec<&str> = text.split('\n').collect();
    let min_indent = lines.iter().filter(|l| !l.trim().is_empty()).map(|l| indent_of(l)).min().unwrap_or(0);
    let lines: Vec<&str> = lines.iter().map(|l| l.get(min_indent..).unwrap_or("")).collect();
    let origin = |i: usize| test.lines.get(i).map(|(f, n, _)| (f.clone(), *n)).unwrap_or_default();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_ps1(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let indent = indent_of(lines[i]);
        let mut source_lines = vec![lines[i]];
        i += 1;
        while i < lines.len() && lines[i].trim_start_matches(' ').starts_with("...") {
            source_lines.push(lines[i]);
            i += 1;
        }
        let mut want_lines = Vec::new();
        while i < lines.len() && !is_blank(lines[i]) && !is_ps1(lines[i]) {
            want_lines.push(lines[i]);
            i += 1;
        }
        let (file, line) = origin(start);
        let at = format!("{file}, line {line}");
        for l in &source_lines {
            if l.len() > indent + 3 && l.as_bytes()[indent + 3] != b' ' {
                bail!("{at}: line {l:?} lacks a space after the prompt");
            }
        }
        let prefix = format!("{}.", " ".repeat(indent));
        if let Some(bad) = source_lines[1..].iter().find(|l| !l.starts_with(&prefix)) {
            bail!("{at}: inconsistent leading whitespace in {bad:?}");
        }
        if let Some(bad) = want_lines.iter().find(|l| indent_of(l) < indent) {
            bail!("{at}: inconsistent leading whitespace in {bad:?}");
        }
        let source = source_lines.iter().map(|l| l.get(indent + 4..).unwrap_or("")).collect::<Vec<_>>().join("\n");
        let want = want_lines.iter().map(|l| &l[indent..]).collect::<Vec<_>>().join("\n");
        if is_blank_or_comment(&source) {
            continue;
        }
        let skip = options_skip(&source).with_context(|| at.clone())?;
        let source = if source.ends_with('\n') { source } else { format!("{source}\n") };
        let want = if want.is_empty() || want.ends_with('\n') { want } else { format!("{want}\n") };
        let exc_msg = exception_message(&want);
        out.push(Example { file, line, source, want, exc_msg, skip });
    }
    Ok(out)
}

/// `str.expandtabs()` (tab stops every 8 columns).
fn expand_tabs(text: &str) -> String {
    if !text.contains('\t') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let n = 8 - column % 8;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// `_IS_BLANK_OR_COMMENT`: one line of spaces, maybe with a comment.
fn is_blank_or_comment(source: &str) -> bool {
    let s = source.strip_suffix('\n').unwrap_or(source);
    !s.contains('\n') && {
        let t = s.trim_start_matches(' ');
        t.is_empty() || t.starts_with('#')
    }
}

/// The `# doctest: +FLAG` directives: whether SKIP is on. Flags other
/// than SKIP and the three the run sets are refused (the run would differ).
fn options_skip(source: &str) -> Result<bool> {
    let mut skip = false;
    for line in source.lines() {
        let Some(hash) = line.find('#') else { continue };
        let rest = line[hash + 1..].trim_start();
        let Some(rest) = rest.strip_prefix("doctest:") else { continue };
        if rest.contains(['\'', '"']) {
            continue;
        }
        for option in rest.replace(',', " ").split_whitespace() {
            let (on, name) = match option.split_at(1) {
                ("+", name) => (true, name),
                ("-", name) => (false, name),
                _ => bail!("bad doctest option {option:?}"),
            };
            match name {
                "SKIP" => skip = on,
                "ELLIPSIS" | "NORMALIZE_WHITESPACE" | "IGNORE_EXCEPTION_DETAIL" if on => {}
                _ => bail!("doctest option {option} is not supported by this runner"),
            }
        }
    }
    Ok(skip)
}

/// `_EXCEPTION_RE`'s `msg`: when `want` is a traceback, its text from the
/// first line after the header that starts with a word character.
fn exception_message(want: &str) -> Option<String> {
    let rest = want.strip_prefix("Traceback (most recent call last):").or_else(|| want.strip_prefix("Traceback (innermost last):"))?;
    let header_end = rest.find('\n')?;
    if !rest[..header_end].trim().is_empty() {
        return None;
    }
    let mut offset = header_end + 1;
    for line in rest[header_end + 1..].split_inclusive('\n') {
        if line.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return Some(rest[offset..].to_owned());
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Example> {
        let test = Test {
            name: "t".into(),
            lines: text.split_inclusive('\n').enumerate().map(|(i, l)| ("t.rst".to_owned(), i + 1, l.to_owned())).collect(),
        };
        examples(&test).unwrap()
    }

    #[test]
    fn source_continuation_and_want_end_at_a_blank_line() {
        let e = parse("Text\n\n    >>> for i in range(2):\n    ...     i\n    0\n    1\n\n    more\n");
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].line, e[0].source.as_str(), e[0].want.as_str()), (3, "for i in range(2):\n    i\n", "0\n1\n"));
    }

    #[test]
    fn a_traceback_gives_the_exception_line() {
        let e = parse("    >>> 1/0\n    Traceback (most recent call last):\n    ...\n    ZeroDivisionError: division by zero\n");
        assert_eq!(e[0].exc_msg.as_deref(), Some("ZeroDivisionError: division by zero\n"));
    }

    #[test]
    fn comments_alone_are_not_examples_and_skip_is_read() {
        let e = parse(">>> # just a comment\n>>> x = 1  # doctest: +SKIP\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].skip);
    }
}
