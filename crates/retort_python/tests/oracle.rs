//! Pure-Python oracle cases: every `tests/oracle/python/*.py` runs in
//! Retort and must print exactly what CPython printed and end with the same
//! uncaught error (class and line) as the recorded `.trace.json`, which
//! `python3 ../shared/oracle/oracle.py record tests/oracle/python` wrote.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle/python")
}

/// Runs on a thread with a large stack, as the CLI and the worker do.
fn run(source: String) -> retort_python::RunResult {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || retort_python::run(&source))
        .expect("a thread")
        .join()
        .expect("no panic")
}

#[test]
fn python_cases_match_cpython() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("the cases directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 94, "the pure-Python cases are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let source = std::fs::read_to_string(case).expect("the case");
        let trace_path = case.with_extension("trace.json");
        let recorded = std::fs::read_to_string(&trace_path).unwrap_or_else(|_| panic!("{} has no recorded trace", case.display()));
        let want: Value = serde_json::from_str(&recorded).expect("a JSON trace");
        let got = run(source);
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let want_stdout = want["stdout"].as_str().unwrap_or("");
        if got.stdout != want_stdout {
            let (w, g): (Vec<&str>, Vec<&str>) = (want_stdout.lines().collect(), got.stdout.lines().collect());
            let line = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i)).unwrap_or(0);
            failures.push(format!("{name}: stdout differs at line {}:\n  want {:?}\n  got  {:?}", line + 1, w.get(line), g.get(line)));
        }
        let want_error = (want["error"]["type"].as_str().map(str::to_owned), want["error"]["line"].as_u64().map(|l| l as u32));
        let got_error = (got.error.as_ref().map(|e| e.type_name.clone()), got.error.as_ref().and_then(|e| e.line));
        if want_error != got_error {
            let tb = got.error.map(|e| format!("\n{}", e.traceback)).unwrap_or_default();
            failures.push(format!("{name}: error differs: want {want_error:?}, got {got_error:?}{tb}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ from CPython:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
