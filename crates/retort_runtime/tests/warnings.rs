//! Warnings: each `tests/oracle/warnings/*.py` writes on stderr exactly what
//! CPython with real SQLAlchemy wrote for it (`NAME.expected`, recorded by
//! running the case as `main.py` in the oracle's virtual environment:
//! `python main.py 2> NAME.expected`, its directory taken off the paths).

use std::path::{Path, PathBuf};

#[test]
fn warnings_are_those_sqlalchemy_gives() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle/warnings");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the cases")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 2, "the warning cases are missing");
    for case in cases {
        let source = std::fs::read_to_string(&case).expect("the case");
        let want = std::fs::read_to_string(case.with_extension("expected")).expect("the expected stderr");
        let (result, _) = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || retort_runtime::run(&source, retort_python::Budget::default()))
            .expect("a thread")
            .join()
            .expect("no panic");
        assert!(result.error.is_none(), "{}: {:?}", case.display(), result.error);
        assert_eq!(result.stderr, want, "{}", case.display());
    }
}
