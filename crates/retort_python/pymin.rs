//! Shrinks the Python modules Retort embeds (its `sqlalchemy`, `datetime`,
//! ...) before they are compiled into the binary: comments go, docstrings
//! lose their text, and each logical line is indented by one space per
//! level. Every line stays where it was, so a traceback through a module
//! names the same line numbers. Used by the build scripts of
//! `retort_python` and `retort_runtime` (a `#[path]` module there), and
//! unit-tested below as `retort_python`'s `pymin` module.

/// A build script's work: minifies every `.py` file of `src` into
/// `$OUT_DIR/py/`, and asks Cargo to run again when one changes.
#[allow(dead_code)] // used by the build scripts, not by the crate's tests
pub fn minify_dir(src: &str) {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("py");
    std::fs::create_dir_all(&out).expect("OUT_DIR/py");
    println!("cargo:rerun-if-changed={src}");
    for entry in std::fs::read_dir(src).expect("the modules' folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "py") {
            let source = std::fs::read_to_string(&path).expect("a module's source");
            std::fs::write(out.join(path.file_name().expect("a name")), minify(&source)).expect("written");
        }
    }
}

/// The minified source; `source` must be valid Python (the embedded modules are).
pub fn minify(source: &str) -> String {
    let lines: Vec<&str> = source.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // the lexer's state across lines
    let mut depth = 0usize; // open brackets
    let mut string: Option<(String, bool)> = None; // an open triple-quoted string: its quote, whether a docstring
    let mut continued = false; // the last line ended with a backslash
    let mut indents: Vec<usize> = vec![0];
    for line in lines {
        let starts_logical = string.is_none() && depth == 0 && !continued;
        let mut text = String::new();
        let mut rest: &str = line;
        if starts_logical {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                out.push(String::new());
                continue;
            }
            let width = line.len() - trimmed.len();
            if width > *indents.last().unwrap_or(&0) {
                indents.push(width);
            } else {
                while indents.len() > 1 && width < *indents.last().unwrap_or(&0) {
                    indents.pop();
                }
            }
            text.push_str(&" ".repeat(indents.len() - 1));
            rest = trimmed;
            // a statement that is only a triple-quoted string: a docstring
            if let Some(quote) = ["\"\"\"", "'''"].into_iter().find(|q| trimmed.starts_with(*q)) {
                let body = &trimmed[3..];
                match body.find(quote) {
                    Some(end) if body[end + 3..].trim().is_empty() => {
                        text.push_str(quote);
                        text.push_str(quote);
                        out.push(text);
                        continue;
                    }
                    None => {
                        text.push_str(quote);
                        string = Some((quote.to_owned(), true));
                        out.push(text);
                        continue;
                    }
                    Some(_) => {}
                }
            }
        }
        continued = false;
        let mut i = 0;
        // inside a docstring: nothing of its text is kept but its closing quote
        if let Some((quote, true)) = &string {
            match rest.find(quote.as_str()) {
                Some(end) => {
                    text.push_str(&rest[end..]);
                    string = None;
                    out.push(text.trim_end().to_owned());
                }
                None => out.push(String::new()),
            }
            continue;
        }
        // inside brackets or after a backslash, a line's indentation means nothing
        if !starts_logical && string.is_none() {
            rest = rest.trim_start();
        }
        let bytes = rest.as_bytes();
        let mut kept = 0; // bytes of `rest` already copied
        if let Some((quote, _)) = string.clone() {
            // the rest of a (non-doc) triple-quoted string: copied as it is
            match find_close(rest, &quote) {
                Some(end) => {
                    i = end + 3;
                    string = None;
                }
                None => i = bytes.len(),
            }
            text.push_str(&rest[..i]);
            kept = i;
        }
        while i < bytes.len() && string.is_none() {
            match bytes[i] {
                b'#' => {
                    text.push_str(squeeze(&rest[kept..i]).trim_end());
                    kept = bytes.len();
                    break;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                b'"' | b'\'' => {
                    text.push_str(&squeeze(&rest[kept..i]));
                    let start = i;
                    let q = bytes[i];
                    let triple = bytes[i..].starts_with(if q == b'"' { b"\"\"\"" } else { b"'''" });
                    if triple {
                        let quote = &rest[i..i + 3];
                        match find_close(&rest[i + 3..], quote) {
                            Some(end) => i += 3 + end + 3,
                            None => {
                                string = Some((quote.to_owned(), false));
                                i = bytes.len();
                            }
                        }
                    } else {
                        // a one-line string: to its closing quote
                        i += 1;
                        while i < bytes.len() && bytes[i] != q {
                            i += if bytes[i] == b'\\' { 2 } else { 1 };
                        }
                        i = (i + 1).min(bytes.len());
                    }
                    text.push_str(&rest[start..i]);
                    kept = i;
                    continue;
                }
                b'\\' if i + 1 == bytes.len() => continued = true,
                _ => {}
            }
            i += 1;
        }
        if kept < bytes.len() {
            text.push_str(&squeeze(&rest[kept..]));
        }
        let text = if string.is_some() { text } else { text.trim_end().to_owned() };
        out.push(text);
    }
    out.join("\n")
}

/// Code (no strings, no comment) without the spaces an operator or a
/// delimiter beside them makes needless: `x = f(a, b)` -> `x=f(a,b)`.
/// Spaces between names, numbers, keywords and quotes stay.
fn squeeze(code: &str) -> String {
    const TIGHT: &[u8] = b"=()[]{},:+-*/%<>!&|^~@;";
    let bytes = code.as_bytes();
    let mut out = String::with_capacity(code.len());
    for (i, c) in code.char_indices() {
        if c == ' ' {
            let before = out.as_bytes().last().copied();
            let after = bytes[i + 1..].iter().copied().find(|&b| b != b' ');
            if before.is_some_and(|b| TIGHT.contains(&b) || b == b' ') || after.is_some_and(|b| TIGHT.contains(&b)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Where `quote` closes a string whose text starts `text` (backslashes escape).
fn find_close(text: &str, quote: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(quote.as_bytes()) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_docstrings_go_lines_stay() {
        let source = r#""""Module doc.

More."""
import re  # a comment


class A:
    """One line."""

    # a comment line
    def f(self, x):  # why
        s = "a # not a comment"
        t = '''keep
    # this
  too'''
        if x:
            return (1,
                    # inside brackets
                    2)
        return """x""".join(s)
"#;
        let want = r#""""

"""
import re


class A:
 """"""


 def f(self,x):
  s="a # not a comment"
  t='''keep
    # this
  too'''
  if x:
   return(1,

2)
  return """x""".join(s)
"#;
        let got = minify(source);
        assert_eq!(got, want);
        assert_eq!(got.lines().count(), source.lines().count());
    }

    #[test]
    fn continued_lines_and_non_ascii_text() {
        let source = "x = 1 + \\\n    2  # é\ny = 'é#'\n";
        assert_eq!(minify(source), "x=1+\\\n2\ny='é#'\n");
    }

    #[test]
    fn spaces_stay_between_words_and_quotes() {
        let source = "def f(a, *b):\n    return a - -b[0] if not a else lambda *c: -1\nx = f'{a} b' in \"a b\" or r'x'\n";
        assert_eq!(minify(source), "def f(a,*b):\n return a--b[0]if not a else lambda*c:-1\nx=f'{a} b' in \"a b\" or r'x'\n");
    }
}
