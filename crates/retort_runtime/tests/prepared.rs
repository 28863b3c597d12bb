//! Preparing a run (the playground's worker imports the libraries between
//! runs) imports them and nothing else shows; that a prepared run is the
//! same run is checked case by case (`tests/oracle/main.rs`).

use retort_python::Budget;
use retort_runtime::Prepared;

#[test]
fn preparing_imports_the_libraries_and_nothing_else_shows() {
    let prepared = Prepared::new(Budget::default());
    assert!(prepared.has_imported("sqlalchemy") && prepared.has_imported("sqlalchemy.orm"));
    assert!(!Prepared::bare(Budget::default()).has_imported("sqlalchemy"));
    let (result, runtime) = prepared.run("print('hi')\n", true);
    assert_eq!((result.stdout.as_str(), result.stderr.as_str()), ("hi\n", ""));
    assert!(runtime.log.borrow().is_empty() && runtime.steps.is_empty() && runtime.orm.is_none());
}
