//! The interpreter's benchmark (`cargo xtask bench` runs it): the 200-line
//! workload in `tests/bench/workload.py` in Retort and in CPython (the
//! `python3` on PATH) in the same run, and the time to first output of the
//! 60-line `tests/bench/startup.py`. Figures only; nothing is asserted.
//!
//! `cargo run --profile native -p retort_python --example bench`

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use retort_python::{Budget, Interpreter};

/// The heap, counted so scripts run under the memory budget (`retort_python::memory`).
#[global_allocator]
static ALLOC: retort_heap::Counting<std::alloc::System> = retort_heap::Counting(std::alloc::System);

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("a number"));
    v[v.len() / 2]
}

fn retort_ms(source: &str, runs: usize) -> (f64, String) {
    let mut times = Vec::new();
    let mut out = String::new();
    for _ in 0..runs {
        let t = Instant::now();
        let r = Interpreter::new(Budget::default()).run(source);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        if let Some(e) = r.error {
            panic!("the benchmark failed in Retort: {}", e.traceback);
        }
        out = r.stdout;
    }
    (median(times), out)
}

/// CPython's time for the same source (compiled afresh for each of `runs`
/// executions, compile time excluded).
fn cpython_ms(path: &PathBuf, runs: usize) -> Option<(f64, String)> {
    let harness = r#"
import contextlib, io, sys, time
src = open(sys.argv[1]).read()
times = []
for _ in range(int(sys.argv[2])):
    # a fresh code object each run: a learner's script runs once, so CPython's
    # specialising interpreter starts cold, as Retort does
    code = compile(src, "main.py", "exec")
    buf = io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(buf):
        exec(code, {"__name__": "__main__"})
    times.append((time.perf_counter() - t) * 1e3)
times.sort()
sys.stderr.write("%f\n" % times[len(times) // 2])
sys.stdout.write(buf.getvalue())
"#;
    let out = Command::new("python3").arg("-c").arg(harness).arg(path).arg(runs.to_string()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let ms: f64 = String::from_utf8_lossy(&out.stderr).trim().lines().last()?.parse().ok()?;
    Some((ms, String::from_utf8_lossy(&out.stdout).to_string()))
}

fn main() {
    retort_python::memory::set_meter(|| ALLOC.held());
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/bench");
    let workload = root.join("workload.py");
    let source = std::fs::read_to_string(&workload).expect("tests/bench/workload.py");
    let (ours, our_out) = retort_ms(&source, 5);
    println!("workload (200 lines), median of 5: Retort {ours:.1} ms (parse and compile included)");
    match cpython_ms(&workload, 5) {
        Some((theirs, their_out)) => {
            let same = if their_out == our_out { "same output" } else { "OUTPUT DIFFERS" };
            println!(
                "workload, median of 5: CPython {theirs:.1} ms (fresh code each run, compile excluded); Retort/CPython = {:.2}x; {same}",
                ours / theirs
            );
        }
        None => println!("workload: python3 is not available, no CPython figure"),
    }
    let startup = std::fs::read_to_string(root.join("startup.py")).expect("tests/bench/startup.py");
    let mut first_output = Vec::new();
    let mut whole = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        let mut interp = Interpreter::new(Budget::default());
        let created = t.elapsed().as_secs_f64() * 1e3;
        let r = interp.run(&startup);
        assert!(r.error.is_none(), "the start-up script failed");
        whole.push(t.elapsed().as_secs_f64() * 1e3);
        first_output.push(created);
    }
    println!(
        "start-up script (60 lines), median of 21: interpreter ready {:.2} ms, whole script {:.2} ms (first output comes before the end)",
        median(first_output),
        median(whole)
    );
}
