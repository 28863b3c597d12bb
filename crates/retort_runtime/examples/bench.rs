//! The Core and ORM benchmarks (`cargo xtask bench` runs them): compiling
//! 10,000 mixed statements and running 10,000 parameterised INSERTs (one
//! by one, then as one executemany) through the `sqlalchemy` module; and
//! the ORM adding 10,000 parents with 3 children each, committing, then
//! loading them all with `selectinload` and touching every child. Compiling
//! alone is the compile script's time less that of the same script with its
//! compile line taken out (building the statements only). Each in
//! Retort and in CPython with real SQLAlchemy (the oracle's virtual
//! environment), and the same statements on the raw engine. Figures only;
//! nothing is asserted.
//!
//! `cargo run --profile native -p retort_runtime --example bench [-- core_insert | raw_core | raw_orm | retort_core]`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use retort_python::Budget;

/// The heap (mimalloc, as the `retort` binary), counted so scripts run under the memory budget.
#[global_allocator]
static ALLOC: retort_heap::Counting<retort_heap::Mimalloc> = retort_heap::Counting(retort_heap::Mimalloc);

/// The best of several runs: on a shared machine other work only ever adds
/// time, so the fastest run is the least disturbed one (as `timeit` reports).
fn best(v: Vec<f64>) -> f64 {
    v.into_iter().fold(f64::INFINITY, f64::min)
}

/// Retort's time for a script (parse and compile included, the imports of
/// `sqlalchemy` and `sqlalchemy.orm` not), and its output.
fn retort_ms(path: &Path, runs: usize) -> (f64, String) {
    let source = std::fs::read_to_string(path).expect("the script");
    let mut times = Vec::new();
    let mut out = String::new();
    for _ in 0..runs {
        // sqlalchemy and sqlalchemy.orm imported before the clock starts, as
        // for CPython below (and as the playground's worker has them ready)
        let prepared = retort_runtime::prepared::Prepared::new(Budget::default());
        let t = Instant::now();
        let (r, runtime, interp) = prepared.run_keeping(&source, false);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        // (the teardown after the clock, as the raw engine's)
        drop((runtime, interp));
        if let Some(e) = r.error {
            panic!("{} failed in Retort: {}", path.display(), e.traceback);
        }
        out = r.stdout;
    }
    (best(times), out)
}

/// The oracle's Python (with SQLAlchemy), if it has been set up.
fn oracle_python() -> Option<PathBuf> {
    let home = std::env::var_os("HOME")?;
    let python = PathBuf::from(home).join(".cache/retort-oracle/venv/bin/python");
    python.exists().then_some(python)
}

/// CPython's time for the same script, imports excluded (sqlalchemy is
/// imported before the clock starts).
fn cpython_ms(python: &Path, path: &Path, runs: usize) -> Option<(f64, String)> {
    let harness = r#"
import contextlib, io, sys, time
import sqlalchemy
src = open(sys.argv[1]).read()
times = []
for _ in range(int(sys.argv[2])):
    code = compile(src, "main.py", "exec")
    buf = io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(buf):
        exec(code, {"__name__": "__main__"})
    times.append((time.perf_counter() - t) * 1e3)
sys.stderr.write("%f\n" % min(times))
sys.stdout.write(buf.getvalue())
"#;
    let out = Command::new(python).arg("-c").arg(harness).arg(path).arg(runs.to_string()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let ms: f64 = String::from_utf8_lossy(&out.stderr).trim().lines().last()?.parse().ok()?;
    Some((ms, String::from_utf8_lossy(&out.stdout).to_string()))
}

/// The raw engine: `turso_core` driven directly (prepared statements bound,
/// stepped and reset; no statement cache, no log), through the adapter's
/// [`retort_engine::DirectStatement`].
struct Raw(retort_engine::Limbo);

impl Raw {
    fn open() -> Raw {
        Raw(retort_engine::Limbo::open_in_memory().expect("a database"))
    }

    fn prepare(&mut self, sql: &str) -> retort_engine::DirectStatement {
        self.0.prepare_direct(sql).expect("a statement")
    }

    /// Runs `sql` once without parameters.
    fn run(&mut self, sql: &str) {
        self.prepare(sql).run(&[]).expect("a statement that runs");
    }
}

/// The same 10,000 single-row INSERTs and the 10,000-row executemany on the raw engine.
fn raw_engine_ms(runs: usize) -> f64 {
    use retort_engine::Value as V;
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let mut db = Raw::open();
        db.run("CREATE TABLE item (id INTEGER NOT NULL, label VARCHAR(20), qty INTEGER, PRIMARY KEY (id))");
        db.run("BEGIN");
        let mut insert = db.prepare("INSERT INTO item (label, qty) VALUES (?, ?)");
        for i in 0..10_000 {
            insert.run(&[V::from("x"), V::Integer(i)]).expect("insert");
        }
        let rows: Vec<Vec<V>> = (0..10_000).map(|i| vec![V::from("y"), V::Integer(i)]).collect();
        for row in &rows {
            insert.run(row).expect("insert");
        }
        drop(insert);
        db.run("COMMIT");
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    best(times)
}

/// What the ORM benchmark sends, on the raw engine: the parents one by
/// one with their keys back, the children, then the parents and their
/// children 500 keys at a time.
fn raw_orm_ms() -> f64 {
    use retort_engine::Value as V;
    let t = Instant::now();
    let mut db = Raw::open();
    db.run("CREATE TABLE parent (id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (id))");
    db.run("CREATE TABLE child (id INTEGER NOT NULL, parent_id INTEGER NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (id), FOREIGN KEY(parent_id) REFERENCES parent (id))");
    db.run("BEGIN");
    let mut ids = Vec::new();
    let mut parent = db.prepare("INSERT INTO parent (name) VALUES (?) RETURNING id");
    for i in 0..10_000 {
        let o = parent.run(&[V::from(format!("p{i}").as_str())]).expect("insert");
        ids.push(o.rows[0][0].clone());
    }
    let mut child = db.prepare("INSERT INTO child (parent_id, name) VALUES (?, ?) RETURNING id");
    for (i, id) in ids.iter().enumerate() {
        for j in 0..3 {
            child.run(&[id.clone(), V::from(format!("c{i}.{j}").as_str())]).expect("insert");
        }
    }
    drop((parent, child));
    db.run("COMMIT");
    db.run("BEGIN");
    let parents = db.prepare("SELECT parent.id, parent.name FROM parent").run(&[]).expect("select");
    let keys: Vec<V> = parents.rows.iter().map(|r| r[0].clone()).collect();
    let mut total = 0usize;
    let mut selects: Vec<(usize, retort_engine::DirectStatement)> = Vec::new();
    for chunk in keys.chunks(500) {
        if !selects.iter().any(|(n, _)| *n == chunk.len()) {
            let marks = vec!["?"; chunk.len()].join(", ");
            let sql = format!("SELECT child.parent_id, child.id, child.name FROM child WHERE child.parent_id IN ({marks})");
            selects.push((chunk.len(), db.prepare(&sql)));
        }
        let select = &mut selects.iter_mut().find(|(n, _)| *n == chunk.len()).expect("prepared").1;
        total += select.run(chunk).expect("select").rows.len();
    }
    drop(selects);
    db.run("ROLLBACK");
    assert_eq!(total, 30_000);
    t.elapsed().as_secs_f64() * 1e3
}

/// CPython's median of `runs` differences `time(a) - time(b)`, the two
/// scripts run in turn in one process (after a first run of each, so
/// SQLAlchemy's lazily imported modules are loaded, as in `cpython_ms`).
fn cpython_paired_ms(python: &Path, a: &Path, b: &Path, runs: usize) -> Option<f64> {
    let harness = r#"
import contextlib, io, sys, time
import sqlalchemy
codes = [compile(open(p).read(), "main.py", "exec") for p in sys.argv[1:3]]
def run(code):
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, {"__name__": "__main__"})
    return (time.perf_counter() - t) * 1e3
run(codes[0]); run(codes[1])
diffs = sorted(run(codes[0]) - run(codes[1]) for _ in range(int(sys.argv[3])))
print(diffs[len(diffs) // 2])
"#;
    let out = Command::new(python).arg("-c").arg(harness).arg(a).arg(b).arg(runs.to_string()).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// The median of `runs` differences `time(a) - time(b)`, each pair run in turn.
fn median_difference(a: &Path, b: &Path, runs: usize, time: impl Fn(&Path) -> f64) -> f64 {
    median((0..runs).map(|_| time(a) - time(b)).collect())
}

/// The median of `pairs` ratios `ours() / raw()`, the two run in turn so a
/// slow spell of a shared machine falls on both of a pair; which runs first
/// alternates (the second of a pair measured slower either way).
fn paired_ratio(pairs: usize, ours: impl Fn() -> f64, raw: impl Fn() -> f64) -> f64 {
    let ratios: Vec<f64> = (0..pairs)
        .map(|i| {
            let (o, r) = if i % 2 == 0 {
                let o = ours();
                (o, raw())
            } else {
                let r = raw();
                (ours(), r)
            };
            eprintln!("  pair {}: {o:.1} ms / {r:.1} ms = {:.2}x", i + 1, o / r);
            o / r
        })
        .collect();
    median(ratios)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The line of `core_compile.py` that compiles each statement.
const COMPILE_LINE: &str = "total += len(str(stmt.compile(engine)))";

/// Runs a script in Retort and in CPython, prints both times: Retort's and CPython's (when set up).
fn compare(path: &Path, what: &str, runs: usize, python: Option<&Path>) -> (f64, Option<f64>) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("script");
    let (ours, our_out) = retort_ms(path, runs);
    print!("{what} ({name}), best of {runs}: Retort {ours:.1} ms");
    match python.and_then(|p| cpython_ms(p, path, runs)) {
        Some((theirs, their_out)) => {
            let same = if their_out == our_out { "same output" } else { "OUTPUT DIFFERS" };
            println!("; CPython + SQLAlchemy {theirs:.1} ms; CPython/Retort = {:.2}x; {same}", theirs / ours);
            (ours, Some(theirs))
        }
        None => {
            println!("; no CPython figure (the oracle's virtual environment is not set up)");
            (ours, None)
        }
    }
}

fn main() {
    // (freed memory kept for reuse, as the playground's heap keeps it; the raw engine shares this)
    retort_heap::keep_freed_memory();
    retort_python::memory::set_meter(|| ALLOC.held());
    // `-- raw_core`, `-- raw_orm`, `-- retort_core`: one run alone (to count
    // its instructions under callgrind, or its cycles under perf)
    match std::env::args().nth(1).as_deref() {
        Some("raw_core") => return println!("raw engine, Core inserts: {:.1} ms", raw_engine_ms(1)),
        Some("raw_orm") => return println!("raw engine, ORM statements: {:.1} ms", raw_orm_ms()),
        // `-- retort_core [FILE]`: Retort's run of the Core inserts (or of FILE) once, alone
        Some("retort_core") => {
            let path = match std::env::args().nth(2) {
                Some(file) => PathBuf::from(file),
                None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/bench/core_insert.py"),
            };
            return println!("Retort, {}: {:.1} ms", path.display(), retort_ms(&path, 1).0);
        }
        _ => {}
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/bench");
    let python = oracle_python();
    for (name, what, runs) in [
        ("core_compile.py", "compile 10,000 mixed statements", 9),
        ("core_insert.py", "20,000 INSERTs through Core", 5),
        ("orm_parents_children.py", "ORM: 10,000 parents x 3 children, commit, selectinload, touch", 1),
    ] {
        // `-- core_insert` (any part of a script's name): that script only
        if std::env::args().nth(1).is_some_and(|only| !name.contains(&only)) {
            continue;
        }
        let path = root.join(name);
        let (ours, _) = compare(&path, what, runs, python.as_deref());
        if name == "core_compile.py" {
            // compiling alone: the same script building the same statements without
            // compiling them, run in turn with it (for both; below)
            let source = std::fs::read_to_string(&path).expect("the script");
            let build_only = source.replace(COMPILE_LINE, "total += 1");
            assert_ne!(build_only, source, "core_compile.py compiles with `{COMPILE_LINE}`");
            let build_path = std::env::temp_dir().join("retort_core_build.py");
            std::fs::write(&build_path, build_only).expect("a temporary file");
            compare(&build_path, "building the same statements, not compiling them", runs, python.as_deref());
            // the two scripts run in turn, so a slow spell of a shared machine
            // falls on both of a pair: the median of the pairs' differences
            let ours_alone = median_difference(&path, &build_path, runs, |p| retort_ms(p, 1).0);
            print!("compiling alone (median of {runs} paired differences): Retort {ours_alone:.1} ms");
            let theirs_alone = python.as_deref().and_then(|py| cpython_paired_ms(py, &path, &build_path, runs));
            match theirs_alone {
                Some(t) => println!("; CPython + SQLAlchemy {t:.1} ms; CPython/Retort = {:.2}x", t / ours_alone),
                None => println!(),
            }
        }
        if name == "core_insert.py" {
            let raw = raw_engine_ms(5);
            println!(
                "the same 20,000 INSERTs on the raw engine: {raw:.1} ms; Retort's Core / raw engine = {:.2}x (best times)",
                ours / raw
            );
            let ratio = paired_ratio(10, || retort_ms(&path, 1).0, || raw_engine_ms(1));
            println!("Retort's Core / raw engine, median of 10 paired runs: {ratio:.2}x");
        }
        if name == "orm_parents_children.py" {
            let raw = raw_orm_ms();
            println!("the same statements on the raw engine: {raw:.1} ms; Retort's ORM / raw engine = {:.2}x", ours / raw);
            let ratio = paired_ratio(4, || retort_ms(&path, 1).0, raw_orm_ms);
            println!("Retort's ORM / raw engine, median of 4 paired runs: {ratio:.2}x");
        }
    }
}
