//! The whole-heap memory budget: with a meter installed (as the CLI and the
//! worker do), a script that builds many small objects ends with a
//! MemoryError that no `except` can catch. Its own test binary, so no other
//! test's allocations share the meter.

use retort_python::{Budget, Interpreter};

#[global_allocator]
static ALLOC: retort_heap::Counting<std::alloc::System> = retort_heap::Counting(std::alloc::System);

fn run(source: &str, budget: Budget) -> retort_python::RunResult {
    run_counted(source, budget).0
}

/// The run's result, and the bytes its thread still held once the
/// interpreter was dropped.
fn run_counted(source: &str, budget: Budget) -> (retort_python::RunResult, usize) {
    retort_python::memory::set_meter(|| ALLOC.held());
    let source = source.to_owned();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let before = ALLOC.held();
            let result = Interpreter::new(budget).run(&source);
            (result, ALLOC.held().saturating_sub(before))
        })
        .expect("a thread")
        .join()
        .expect("no panic")
}

#[test]
fn many_small_objects_meet_the_memory_budget() {
    let src = "rows = []\ntry:\n    while True:\n        rows.append([0] * 100)\nexcept MemoryError:\n    print('caught')\n";
    let (r, held) = run_counted(src, Budget { memory: 16 << 20, ..Budget::default() });
    let e = r.error.expect("the memory budget ends it");
    assert_eq!(e.type_name, "MemoryError");
    assert!(e.message.contains("memory budget (16 MB)"), "{}", e.message);
    assert_eq!(r.stdout, "", "a budget error cannot be caught");
    // and once the run is over, what it held (its result aside) is freed
    assert!(held < 1 << 20, "{held} bytes still held");
}

#[test]
fn a_runs_reference_cycles_are_freed_with_its_interpreter() {
    // functions and their module, a class and its methods, objects that
    // refer to themselves, a list inside itself, a recursive closure and a
    // suspended generator: all cycles, ~5 MB of them
    let src = "class Node:\n    def __init__(self, i):\n        self.me = self\n        self.items = [i, str(i)]\n\n\
               nodes = [Node(i) for i in range(20000)]\nring = []\nring.append(ring)\n\
               def outer():\n    def again(n):\n        return again(n - 1) if n else 0\n    return again\n\
               f = outer()\ndef gen():\n    yield nodes\n    yield 2\ng = gen()\nnext(g)\nprint(len(nodes), f(3))\n";
    let (r, held) = run_counted(src, Budget::default());
    assert_eq!(r.error.map(|e| e.message), None);
    assert_eq!(r.stdout, "20000 0\n");
    assert!(held < 64 << 10, "{held} bytes still held");
}

#[test]
fn quadratic_copying_counts_against_the_step_budget() {
    let src = "s = ''\nwhile True:\n    s += 'x' * 1000\n";
    let r = run(src, Budget { steps: 5_000_000, ..Budget::default() });
    let e = r.error.expect("the step budget ends it");
    assert_eq!(e.type_name, "TimeoutError", "{}", e.message);
    assert_eq!(e.line, Some(3));
}
