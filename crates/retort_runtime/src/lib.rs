//! Retort's runtime: binds the packages a learner's script imports
//! (`sqlalchemy`, `flask`, `flask_sqlalchemy`, `alembic`) to the
//! interpreter, the SQL layer, the ORM core and the engine.
//!
//! Owns: the host Python ([`host`]: `python/`, a tree laid out as the real
//! packages are, holding the classes a script builds and calls), the
//! private `_retort_sql` module
//! that compiles and runs what it built ([`native`]), the conversions
//! between the two worlds ([`convert`]), the run's event log, and the
//! oracle's `retort-trace/1` form of a run ([`trace`]).
//!
//! Invariants: SQL text comes only from `retort_sql`; statements reach the
//! engine only through `retort_engine::Connection`, so every one is logged
//! with the script line that ran it.

pub mod connection;
pub mod convert;
pub mod echo;
pub mod host;
pub mod migrations;
pub mod native;
pub mod orm;
mod params_repr;
pub mod prepared;
pub mod snapshot;
pub mod steps;
pub mod trace;

use std::cell::RefCell;
use std::rc::Rc;

use retort_engine::log::Event;
use retort_python::Vm;

pub use prepared::Prepared;

/// What a run's modules recorded.
#[derive(Clone, Default)]
pub struct Runtime {
    /// Every statement and transaction boundary, in order, with its line.
    pub log: Rc<RefCell<Vec<Event>>>,
    /// The databases the script's engines opened, in order.
    pub databases: native::Databases,
    /// The ORM's models and objects at the end (JSON), if the script used it.
    pub orm: Option<String>,
    /// What `_retort_sql` shares with the host (the live database for migrations).
    pub sql: Option<native::Shared>,
    /// The run's steps, when they were asked for (`run_with`).
    pub steps: Vec<retort_protocol::RunStep>,
    /// Whether steps were left out (too many).
    pub steps_truncated: bool,
    /// The SQL log as `echo=True` logs it, one line each (with the steps: the playground's text view).
    pub echo_text: Vec<String>,
}

/// Makes `sqlalchemy` importable in `vm`; the returned runtime collects the events.
pub fn install(vm: &mut Vm) -> Runtime {
    let mut runtime = Runtime::default();
    convert::clear_cache();
    let shared = native::shared(runtime.log.clone(), runtime.databases.clone());
    runtime.sql = Some(shared.clone());
    let sql = shared.clone();
    vm.register_module("_retort_sql", Rc::new(move |vm| Ok(native::module(vm, sql.clone()))));
    let orm_host = orm::Host::shared(shared);
    vm.register_module("_retort_orm", Rc::new(move |vm| Ok(orm::module(vm, orm_host.clone()))));
    host::register(vm);
    runtime
}

/// Runs a script with every module installed: what it printed and raised,
/// and the events its statements recorded.
pub fn run(source: &str, budget: retort_python::Budget) -> (retort_python::RunResult, Vec<Event>) {
    let (result, runtime) = run_keeping(source, budget);
    let events = std::mem::take(&mut *runtime.log.borrow_mut());
    (result, events)
}

/// Runs a script and keeps what its modules recorded, databases included
/// (the playground shows the last one's tables).
pub fn run_keeping(source: &str, budget: retort_python::Budget) -> (retort_python::RunResult, Runtime) {
    run_with(source, budget, false)
}

/// The same, also recording the run's steps (`Runtime::steps`) for the timeline.
pub fn run_with(source: &str, budget: retort_python::Budget, record_steps: bool) -> (retort_python::RunResult, Runtime) {
    Prepared::bare(budget).run(source, record_steps)
}

/// The mapped classes and live mapped objects after a run, as JSON (see
/// `_snapshot` in `python/sqlalchemy/orm/_retort_snapshot.py` for its shape), if the script used the ORM.
pub fn orm_snapshot(vm: &mut Vm) -> Option<String> {
    steps::orm_snapshot(vm, true)
}
