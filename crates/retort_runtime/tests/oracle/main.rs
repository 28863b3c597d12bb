//! The oracle cases, one test each: every `tests/oracle/DIR/NAME.py` with
//! what real SQLAlchemy did for it beside it (`NAME.trace.json`, or
//! `NAME.expected` for stderr), run by datatest-stable, so a failure names
//! its case and `cargo test -p retort_runtime -- orm/cascade_paths` runs one.
//! How to add a case: `tests/oracle/README.md`.
//!
//! - `agrees_with_sqlalchemy`: the same stdout, uncaught error class and
//!   SQL events (statements, parameters, transactions), as `oracle.py suite`
//!   judges them ([`trace`]).
//! - `stderr_as_recorded`: echo's log lines and warnings, as CPython wrote
//!   them ([`stderr`]).
//! - `prepared_is_the_same_run`: the playground's prepared interpreter gives
//!   the same run as a fresh one ([`prepared`]).

mod prepared;
mod stderr;
mod support;
mod trace;

use prepared::prepared_is_the_same_run;
use stderr::stderr_as_recorded;
use trace::agrees_with_sqlalchemy;

datatest_stable::harness! {
    { test = agrees_with_sqlalchemy, root = "../../tests/oracle", pattern = r"^(core|ddl|orm|public|migrations|examples)/[^/]+\.py$" },
    { test = stderr_as_recorded, root = "../../tests/oracle", pattern = r"^(echo|warnings)/[^/]+\.py$" },
    { test = prepared_is_the_same_run, root = "../../tests/oracle", pattern = r"^(core|ddl|orm|public|migrations|examples|echo)/[^/]+\.py$" },
}
