//! A prepared run (the libraries imported before the script, as the
//! playground's worker does between runs) gives the same run as a fresh
//! interpreter: for every oracle case and example, the same trace (output,
//! error, every statement with its line), the same final ORM snapshot and
//! the same timeline steps. Addresses in default reprs (`<X object at
//! 0x…>`) are the only thing allowed to differ: the imports advanced the
//! serials they show.

use std::path::{Path, PathBuf};

use retort_python::Budget;
use retort_runtime::{run_with, Prepared};

/// What a run shows, with object addresses blanked.
fn shown(result: &retort_python::RunResult, runtime: &retort_runtime::Runtime) -> String {
    let trace = retort_runtime::trace::of_run(result, &runtime.log.borrow());
    let steps: Vec<_> = runtime.steps.iter().map(|s| (s.line, s.events, s.orm.clone())).collect();
    let text = format!("{trace}\n{:?}\n{steps:?}\n{}", runtime.orm, runtime.steps_truncated);
    blank_addresses(&text)
}

/// `0x` and 8 or more hex digits (an address in a default repr) as `0xADDR`.
fn blank_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        let digits = rest[i + 2..].bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(&rest[..i + 2]);
        if digits >= 8 {
            out.push_str("ADDR");
        } else {
            out.push_str(&rest[i + 2..i + 2 + digits]);
        }
        rest = &rest[i + 2 + digits..];
    }
    out.push_str(rest);
    out
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle");
    let mut cases: Vec<PathBuf> = ["core", "ddl", "orm", "public", "migrations", "examples", "echo"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("the cases"))
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/examples");
    cases.extend(
        std::fs::read_dir(examples)
            .expect("the examples")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "py")),
    );
    cases.sort();
    cases
}

#[test]
fn a_prepared_run_is_the_same_run() {
    let checked = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            let mut problems = Vec::new();
            let cases = cases();
            for case in &cases {
                let source = std::fs::read_to_string(case).expect("the case");
                let both = || {
                    let (r1, rt1) = run_with(&source, Budget::default(), true);
                    let prepared = Prepared::new(Budget::default());
                    let (r2, rt2) = prepared.run(&source, true);
                    (shown(&r1, &rt1), shown(&r2, &rt2))
                };
                let (mut fresh, mut again) = both();
                if fresh != again {
                    // a server default of now() shows the database's clock: two runs
                    // straddling a second differ once, a real difference every time
                    (fresh, again) = both();
                }
                if fresh != again {
                    let at = fresh.bytes().zip(again.bytes()).position(|(a, b)| a != b).unwrap_or(fresh.len().min(again.len()));
                    let from = at.saturating_sub(80);
                    problems.push(format!(
                        "{}: fresh …{}…\n  prepared …{}…",
                        case.display(),
                        &fresh[from..(at + 80).min(fresh.len())],
                        &again[from..(at + 80).min(again.len())]
                    ));
                }
            }
            assert!(problems.is_empty(), "{}", problems.join("\n"));
            cases.len()
        })
        .expect("a thread")
        .join()
        .expect("no panic");
    assert!(checked > 200, "only {checked} cases");
}

#[test]
fn preparing_imports_the_libraries_and_nothing_else_shows() {
    let prepared = Prepared::new(Budget::default());
    assert!(prepared.has_imported("sqlalchemy") && prepared.has_imported("sqlalchemy.orm"));
    assert!(!Prepared::bare(Budget::default()).has_imported("sqlalchemy"));
    let (result, runtime) = prepared.run("print('hi')\n", true);
    assert_eq!((result.stdout.as_str(), result.stderr.as_str()), ("hi\n", ""));
    assert!(runtime.log.borrow().is_empty() && runtime.steps.is_empty() && runtime.orm.is_none());
}
