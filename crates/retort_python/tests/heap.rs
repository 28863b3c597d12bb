//! The whole-heap memory budget: with a meter installed (as the CLI and the
//! worker do), a script that builds many small objects ends with a
//! MemoryError that no `except` can catch. Its own test binary, so no other
//! test's allocations share the meter.

use retort_python::{Budget, Interpreter};

#[global_allocator]
static ALLOC: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

fn run(source: &str, budget: Budget) -> retort_python::RunResult {
    retort_python::memory::set_meter(|| ALLOC.allocated());
    let source = source.to_owned();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || Interpreter::new(budget).run(&source))
        .expect("a thread")
        .join()
        .expect("no panic")
}

#[test]
fn many_small_objects_meet_the_memory_budget() {
    let src = "rows = []\ntry:\n    while True:\n        rows.append([0] * 100)\nexcept MemoryError:\n    print('caught')\n";
    let r = run(src, Budget { memory: 16 << 20, ..Budget::default() });
    let e = r.error.expect("the memory budget ends it");
    assert_eq!(e.type_name, "MemoryError");
    assert!(e.message.contains("memory budget (16 MB)"), "{}", e.message);
    assert_eq!(r.stdout, "", "a budget error cannot be caught");
    // and once the run is over, what it held is freed
    assert!(ALLOC.allocated() < 16 << 20, "{} bytes still held", ALLOC.allocated());
}

#[test]
fn quadratic_copying_counts_against_the_step_budget() {
    let src = "s = ''\nwhile True:\n    s += 'x' * 1000\n";
    let r = run(src, Budget { steps: 5_000_000, ..Budget::default() });
    let e = r.error.expect("the step budget ends it");
    assert_eq!(e.type_name, "TimeoutError", "{}", e.message);
    assert_eq!(e.line, Some(3));
}
