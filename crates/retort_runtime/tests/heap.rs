//! A run gives back its memory: the playground's worker runs script after
//! script in one heap that never shrinks, so whatever a run leaves behind
//! (its modules, classes, objects, databases) would pile up run after run.
//! Each case below runs three times, as the worker runs it (prepared, then
//! the interpreter dropped); the first fills caches that last (compiled
//! library modules), the third may hold no more than the second left.
//! Its own test binary, so no other test's allocations share the count.

use std::path::PathBuf;

use retort_python::Budget;
use retort_runtime::Prepared;

#[global_allocator]
static ALLOC: retort_heap::Counting<std::alloc::System> = retort_heap::Counting(std::alloc::System);

/// Bytes the thread still holds after each of three runs of `case`.
fn held_after_runs(case: &str) -> Vec<isize> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle").join(case);
    let source = std::fs::read_to_string(&path).expect("the case");
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            (0..3)
                .map(|_| {
                    // (a case may end with the error it shows)
                    let (result, runtime) = Prepared::new(Budget::default()).run(&source, true);
                    assert!(!result.stdout.is_empty());
                    drop((result, runtime));
                    ALLOC.held() as isize
                })
                .collect()
        })
        .expect("a thread")
        .join()
        .expect("no panic")
}

#[test]
fn runs_give_back_their_memory() {
    // Core, the ORM with Flask-SQLAlchemy (objects that refer to each
    // other), and Alembic migrations
    for case in ["core/tutorial_core_walkthrough.py", "orm/flask_followers.py", "migrations/rev_up_down.py"] {
        let held = held_after_runs(case);
        let kept = held[2] - held[1];
        assert!(kept < 4096, "{case}: the third run kept {kept} bytes (held after each run: {held:?})");
    }
}
