//! Times re-runs of one script in one thread as the playground's worker
//! runs them (library modules compiled once, steps recorded, each run
//! prepared ahead and the preparation not timed):
//! `cargo run --profile native -p retort_runtime --example rerun -- FILE.py [N]`.

use retort_python::Budget;
use retort_runtime::Prepared;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: rerun FILE.py [N]");
    let n: usize = args.next().map(|s| s.parse().expect("N")).unwrap_or(20).max(2);
    let source = std::fs::read_to_string(&path).expect("readable script");
    let mut times = Vec::new();
    for _ in 0..n {
        let prepared = Prepared::new(Budget::default());
        let t = std::time::Instant::now();
        let (result, runtime) = prepared.run(&source, true);
        std::hint::black_box((&result.stdout, runtime.steps.len()));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let first = times[0];
    let mut rest = times[1..].to_vec();
    rest.sort_by(|a, b| a.total_cmp(b));
    println!(
        "first run {first:.1} ms, re-runs median {:.1} ms (min {:.1}, max {:.1})",
        rest[rest.len() / 2],
        rest[0],
        rest[rest.len() - 1]
    );
}
