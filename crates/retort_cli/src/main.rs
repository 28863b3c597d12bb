//! The `retort` command line, the only crate that reads files:
//! `retort sql FILE.sql` runs SQL statements on Limbo and prints their rows;
//! `retort trace FILE.py` prints a `retort-trace/1` JSON trace for the oracle;
//! `retort run FILE.py` runs a script and prints what it printed;
//! `retort run --profile FILE.py` also reports, on stderr, the Python and
//! native functions that took the most time (the imports of `sqlalchemy`
//! and `sqlalchemy.orm` done beforehand, untimed).

mod table;

use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use retort_engine::console::run_script;

/// Rows shown per result, as in the playground.
const ROW_LIMIT: usize = 1000;

const USAGE: &str = "usage: retort sql FILE.sql | retort trace FILE.py | retort run [--profile] FILE.py";

/// The heap (mimalloc: the interpreter allocates small values at a high rate),
/// counted so scripts run under the memory budget (`retort_python::memory`).
#[global_allocator]
static ALLOC: retort_heap::Counting<retort_heap::Mimalloc> = retort_heap::Counting(retort_heap::Mimalloc);

fn main() -> ExitCode {
    retort_heap::keep_freed_memory();
    retort_python::memory::set_meter(|| ALLOC.held());
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("retort: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode> {
    let (verb, profile, path) = match args.as_slice() {
        [verb, flag, path] if verb == "run" && flag == "--profile" => (verb, true, path),
        [verb, path] => (verb, false, path),
        _ => bail!("{USAGE}"),
    };
    let source = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    match verb.as_str() {
        "sql" => Ok(sql(&source)),
        "trace" => {
            let source = source.clone();
            let out = on_big_stack(move || retort_runtime::trace::trace(&source))?;
            let out = serde_json::to_string_pretty(&out).expect("a JSON value serialises");
            println!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        "run" => {
            let source = source.clone();
            let (result, report) = on_big_stack(move || {
                if profile {
                    profiled(&source)
                } else {
                    (retort_runtime::run(&source, retort_python::Budget::default()).0, String::new())
                }
            })?;
            print!("{}", result.stdout);
            eprint!("{}{report}", result.stderr);
            Ok(if result.error.is_some() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        _ => bail!("unknown command {verb:?}\n{USAGE}"),
    }
}

/// Runs a script with the interpreter's profiler on (`sqlalchemy` imported
/// first, untimed): its result and the profiler's report.
fn profiled(source: &str) -> (retort_python::RunResult, String) {
    let top = std::env::var("RETORT_PROFILE_TOP").ok().and_then(|n| n.parse().ok()).unwrap_or(40);
    let prepared = retort_runtime::prepared::Prepared::new(retort_python::Budget::default());
    let t = std::time::Instant::now();
    let (result, report) = prepared.run_profiled(source, top);
    (result, format!("{report}run: {:.1} ms with profiling\n", t.elapsed().as_secs_f64() * 1e3))
}

/// Runs the interpreter on a thread with a large stack: native code that
/// calls back into Python (reprs, `__init__`) recurses in Rust.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    let handle = std::thread::Builder::new().stack_size(512 << 20).spawn(f).context("cannot start the interpreter thread")?;
    handle.join().map_err(|_| anyhow::anyhow!("the interpreter panicked"))
}

/// Runs a SQL script, printing each result as a table and each change's count.
fn sql(source: &str) -> ExitCode {
    let mut db = match retort_engine::open_in_memory() {
        Ok(db) => db,
        Err(e) => {
            eprintln!("retort: cannot open the database: {e}");
            return ExitCode::from(2);
        }
    };
    let run = run_script(&mut db, source, ROW_LIMIT);
    for result in &run.results {
        print!("{}", table::render(&result.outcome));
    }
    match run.error {
        Some(e) => {
            eprintln!("Error on line {}: {} ({})", e.line, e.error.message, e.error.dbapi_class());
            ExitCode::from(1)
        }
        None => ExitCode::SUCCESS,
    }
}
