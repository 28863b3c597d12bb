//! What goes to stderr: SQL logging (each `tests/oracle/echo/*.py` writes
//! the lines real SQLAlchemy logged for it, `NAME.expected`, recorded from
//! CPython's output with the script's own prints left out, once timestamps
//! and timings are normalised to `TIME` and `Ns`) and warnings
//! (`tests/oracle/warnings/*.py`, recorded as `python main.py 2> NAME.expected`
//! in the oracle's environment, its directory taken off the paths).

use std::path::Path;

use crate::support::{mismatch, on_interpreter_stack};

pub fn stderr_as_recorded(case: &Path, source: String) -> datatest_stable::Result<()> {
    let want = std::fs::read_to_string(case.with_extension("expected"))?;
    let (result, _) = on_interpreter_stack(move || retort_runtime::run(&source, retort_python::Budget::default()));
    if let Some(e) = result.error {
        return mismatch(format!("raised {}", e.traceback));
    }
    if result.stdout.contains("sqlalchemy.engine") {
        return mismatch("echo went to stdout".into());
    }
    let got = normalise(&result.stderr);
    if got != want {
        return mismatch(format!("stderr differs:\n--- want\n{want}--- got\n{got}"));
    }
    Ok(())
}

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
