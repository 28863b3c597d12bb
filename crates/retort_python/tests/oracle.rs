//! Pure-Python oracle cases, one test each: every `tests/oracle/python/*.py`
//! runs in Retort and must print exactly what CPython printed and end with
//! the same uncaught error (class and line) as its recorded `.trace.json`
//! (`cargo xtask record tests/oracle/python/NAME.py` writes it).
//! `cargo test -p retort_python -- python/01_numbers` runs one.

use std::path::Path;

use serde_json::Value;

/// The playground worker's stack (`-zstack-size` in `.cargo/config.toml`).
const STACK: usize = 16 << 20;

fn matches_cpython(case: &Path, source: String) -> datatest_stable::Result<()> {
    let trace_path = case.with_extension("trace.json");
    let recorded = std::fs::read_to_string(&trace_path).map_err(|e| format!("{}: {e}", trace_path.display()))?;
    let want: Value = serde_json::from_str(&recorded)?;
    let got = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || retort_python::run(&source))?
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
    let want_stdout = want["stdout"].as_str().unwrap_or("");
    if got.stdout != want_stdout {
        let (w, g): (Vec<&str>, Vec<&str>) = (want_stdout.lines().collect(), got.stdout.lines().collect());
        let line = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i)).unwrap_or(0);
        return Err(format!("stdout differs at line {}:\n  want {:?}\n  got  {:?}", line + 1, w.get(line), g.get(line)).into());
    }
    let want_error = (want["error"]["type"].as_str().map(str::to_owned), want["error"]["line"].as_u64().map(|l| l as u32));
    let got_error = (got.error.as_ref().map(|e| e.type_name.clone()), got.error.as_ref().and_then(|e| e.line));
    if want_error != got_error {
        let tb = got.error.map(|e| format!("\n{}", e.traceback)).unwrap_or_default();
        return Err(format!("error differs: want {want_error:?}, got {got_error:?}{tb}").into());
    }
    Ok(())
}

datatest_stable::harness! {
    { test = matches_cpython, root = "../../tests/oracle", pattern = r"^python/[^/]+\.py$" },
}
