//! SQL logging: each `tests/oracle/echo/*.py` writes, on stderr, the lines
//! real SQLAlchemy logged for it (`NAME.expected`, recorded from CPython's
//! output with the script's own prints left out), once timestamps and
//! timings are normalised to `TIME` and `Ns`.

use std::path::{Path, PathBuf};

fn normalise(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        // "2026-11-25 22:43:48,736 INFO ..." -> "TIME INFO ..."
        let line = match line.split_once(" INFO ") {
            Some((stamp, rest)) if stamp.len() == 23 && stamp.as_bytes()[4] == b'-' => format!("TIME INFO {rest}"),
            _ => line.to_owned(),
        };
        out += &timings(&line);
        out.push('\n');
    }
    out
}

/// "[generated in 0.00012s]" -> "[generated in Ns]", and so on.
fn timings(line: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == 'e' || chars[i] == '-') && i - start < 20 {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        if i > start && chars.get(i) == Some(&'s') && token.contains('.') && token.starts_with(|c: char| c.is_ascii_digit()) {
            out += "N";
        } else if i > start {
            out += &token;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn echo_logs_what_sqlalchemy_logs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle/echo");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the cases")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 2, "the echo cases are missing");
    for case in cases {
        let source = std::fs::read_to_string(&case).expect("the case");
        let want = std::fs::read_to_string(case.with_extension("expected")).expect("the expected lines");
        let (result, _) = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || retort_runtime::run(&source, retort_python::Budget::default()))
            .expect("a thread")
            .join()
            .expect("no panic");
        assert!(result.error.is_none(), "{}: {:?}", case.display(), result.error);
        assert!(!result.stdout.contains("sqlalchemy.engine"), "{}: echo went to stdout", case.display());
        assert_eq!(normalise(&result.stderr), want, "{}", case.display());
    }
}
