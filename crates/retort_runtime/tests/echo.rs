//! What goes to stderr: SQL logging (each `tests/oracle/echo/*.py` writes
//! the lines real SQLAlchemy logged for it, `NAME.expected`, recorded from
//! CPython's output with the script's own prints left out, once timestamps
//! and timings are normalised to `TIME` and `Ns`) and warnings
//! (`tests/oracle/warnings/*.py`).

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

/// Runs every `tests/oracle/DIR/*.py` (at least `at_least` of them): each
/// must write on stderr what CPython with real SQLAlchemy wrote for it
/// (`NAME.expected`, normalised), with nothing of SQLAlchemy's on stdout.
fn stderr_as_recorded(dir: &str, at_least: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle").join(dir);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the cases")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    assert!(cases.len() >= at_least, "the cases of {} are missing", dir.display());
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

#[test]
fn echo_logs_what_sqlalchemy_logs() {
    stderr_as_recorded("echo", 2);
}

/// Warnings: each `tests/oracle/warnings/*.py` writes what CPython wrote,
/// recorded by running the case as `main.py` in the oracle's virtual
/// environment (`python main.py 2> NAME.expected`, its directory taken off
/// the paths).
#[test]
fn warnings_are_those_sqlalchemy_gives() {
    stderr_as_recorded("warnings", 3);
}

/// The playground's text view of the SQL log: every statement in echo's
/// format whether echo is on or not, and, when it is on, the very lines
/// echo logged.
#[test]
fn the_text_view_is_the_echo_format() {
    let script = "from sqlalchemy import create_engine, text\n\
e = create_engine('sqlite://', echo=ECHO)\n\
with e.begin() as c:\n    c.execute(text('CREATE TABLE t (x INTEGER)'))\n    c.execute(text('INSERT INTO t VALUES (:x)'), [{'x': 1}, {'x': 2}])\n    c.execute(text('SELECT x FROM t WHERE x = :x'), {'x': 1}).all()\n";
    for echo in ["False", "True"] {
        let (result, runtime) = retort_runtime::run_with(&script.replace("ECHO", echo), retort_python::Budget::default(), true);
        assert_eq!(result.error.map(|e| e.message), None);
        let text = &runtime.echo_text;
        let at = |prefix: &str| text.iter().position(|l| l.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix} in {text:?}"));
        assert!(
            at("BEGIN (implicit)") < at("CREATE TABLE t")
                && at("CREATE TABLE t") < at("INSERT INTO t")
                && at("INSERT INTO t") < at("COMMIT")
        );
        assert!(text[at("INSERT INTO t") + 1].ends_with("] [(1,), (2,)]"), "{text:?}");
        assert!(text[at("SELECT x FROM t") + 1].starts_with("[generated in "), "{text:?}");
        if echo == "True" {
            for line in text {
                assert!(result.stderr.contains(line.as_str()), "{line} not logged: {}", result.stderr);
            }
        } else {
            assert!(!result.stderr.contains("BEGIN"), "{}", result.stderr);
        }
        // without steps (the CLI) nothing is kept
        let (_, runtime) = retort_runtime::run_with(&script.replace("ECHO", echo), retort_python::Budget::default(), false);
        assert!(runtime.echo_text.is_empty());
    }
}
