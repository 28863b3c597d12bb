//! Retort's runtime: binds the modules a learner's script imports
//! (`sqlalchemy`, `sqlalchemy.orm`, `flask`, `flask_sqlalchemy`; `alembic`
//! when it lands) to the interpreter, the SQL layer, the ORM core and the
//! engine.
//!
//! Owns: the Python-facing `sqlalchemy` module (`py/sqlalchemy.py`: the
//! classes a script builds and calls), the private `_retort_sql` module
//! that compiles and runs what it built ([`native`]), the conversions
//! between the two worlds ([`convert`]), the run's event log, and the
//! oracle's `retort-trace/1` form of a run ([`trace`]).
//!
//! Invariants: SQL text comes only from `retort_sql`; statements reach the
//! engine only through `retort_engine::Connection`, so every one is logged
//! with the script line that ran it.

/// An embedded Python module's source, minified by the build script (`pymin.rs`).
macro_rules! py_source {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/py/", $name))
    };
}

pub mod connection;
pub mod convert;
pub mod echo;
pub mod migrations;
pub mod native;
pub mod orm;
mod params_repr;
pub mod prepared;
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
    pub steps: Vec<steps::Step>,
    /// Whether steps were left out (too many).
    pub steps_truncated: bool,
    /// The SQL log as `echo=True` logs it, one line each (with the steps: the playground's text view).
    pub echo_text: Vec<String>,
}

/// SQLAlchemy's modules a script may import that Retort does not have.
const UNSUPPORTED_MODULES: [&str; 15] = [
    "sqlalchemy.ext.mutable",
    "sqlalchemy.ext.asyncio",
    "sqlalchemy.ext.automap",
    "sqlalchemy.ext.compiler",
    "sqlalchemy.ext.orderinglist",
    "sqlalchemy.ext.indexable",
    "sqlalchemy.ext.horizontal_shard",
    "sqlalchemy.ext.serializer",
    "sqlalchemy.ext.baked",
    "sqlalchemy.orm.collections",
    "sqlalchemy.pool",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
];

/// Makes `sqlalchemy` importable in `vm`; the returned runtime collects the events.
pub fn install(vm: &mut Vm) -> Runtime {
    let mut runtime = Runtime::default();
    convert::clear_cache();
    let shared = native::shared(runtime.log.clone(), runtime.databases.clone());
    runtime.sql = Some(shared.clone());
    let sql = shared.clone();
    vm.register_module("_retort_sql", Rc::new(move |vm| Ok(native::module(vm, sql.clone()))));
    let host = orm::Host::shared(shared);
    vm.register_module("_retort_orm", Rc::new(move |vm| Ok(orm::module(vm, host.clone()))));
    vm.register_module("sqlalchemy.orm", Rc::new(|vm| vm.run_python_module("sqlalchemy.orm", py_source!("sqlalchemy_orm.py"))));
    vm.register_module(
        "sqlalchemy.orm.exc",
        Rc::new(|vm| {
            let source = "from sqlalchemy.exc import DetachedInstanceError, ObjectDeletedError, StaleDataError, UnmappedInstanceError, \\\n    UnmappedClassError, FlushError, NoResultFound, MultipleResultsFound\n";
            vm.run_python_module("sqlalchemy.orm.exc", source)
        }),
    );
    vm.register_module("sqlalchemy", Rc::new(|vm| vm.run_python_module("sqlalchemy", py_source!("sqlalchemy.py"))));
    vm.register_module("sqlalchemy.event", Rc::new(|vm| vm.run_python_module("sqlalchemy.event", py_source!("sqlalchemy_event.py"))));
    vm.register_module("sqlalchemy.ext", Rc::new(|vm| vm.run_python_module("sqlalchemy.ext", "")));
    // `from sqlalchemy.sql import table, column` (Alembic's data migrations), `sqlalchemy.sql.expression`
    for name in ["sqlalchemy.sql", "sqlalchemy.sql.expression"] {
        vm.register_module(name, Rc::new(move |vm| vm.run_python_module(name, "from sqlalchemy import *\n")));
    }
    // `from sqlalchemy.types import String`, `from sqlalchemy.engine import Engine`
    for name in ["sqlalchemy.types", "sqlalchemy.engine", "sqlalchemy.future"] {
        // (a name Retort lacks says so, as `from sqlalchemy import X` does)
        let source = "from sqlalchemy import *\nfrom sqlalchemy import TypeEngine\nfrom sqlalchemy import __getattr__\n";
        vm.register_module(name, Rc::new(move |vm| vm.run_python_module(name, source)));
    }
    vm.register_module(
        "sqlalchemy.ext.declarative",
        Rc::new(|vm| vm.run_python_module("sqlalchemy.ext.declarative", "from sqlalchemy.orm import declarative_base, declared_attr\n")),
    );
    // SQLAlchemy's modules Retort has not: importing one says so
    for name in UNSUPPORTED_MODULES {
        let source = format!("raise NotImplementedError(\"Retort does not support {name} yet\")\n");
        vm.register_module(name, Rc::new(move |vm| vm.run_python_module(name, &source)));
    }
    vm.register_module("sqlalchemy.schema", Rc::new(|vm| vm.run_python_module("sqlalchemy.schema", py_source!("sqlalchemy_schema.py"))));
    vm.register_module("sqlalchemy.dialects", Rc::new(|vm| vm.run_python_module("sqlalchemy.dialects", "")));
    vm.register_module(
        "sqlalchemy.dialects.sqlite",
        Rc::new(|vm| vm.run_python_module("sqlalchemy.dialects.sqlite", py_source!("sqlalchemy_dialects_sqlite.py"))),
    );
    vm.register_module(
        "sqlalchemy.ext.hybrid",
        Rc::new(|vm| vm.run_python_module("sqlalchemy.ext.hybrid", py_source!("sqlalchemy_ext_hybrid.py"))),
    );
    vm.register_module(
        "sqlalchemy.ext.associationproxy",
        Rc::new(|vm| vm.run_python_module("sqlalchemy.ext.associationproxy", py_source!("sqlalchemy_ext_associationproxy.py"))),
    );
    register_alembic(vm);
    vm.register_module("_retort_migrations", Rc::new(|vm| vm.run_python_module("_retort_migrations", py_source!("retort_migrations.py"))));
    vm.register_module("flask", Rc::new(|vm| vm.run_python_module("flask", py_source!("flask.py"))));
    vm.register_module("flask_sqlalchemy", Rc::new(|vm| vm.run_python_module("flask_sqlalchemy", py_source!("flask_sqlalchemy.py"))));
    vm.register_module(
        "flask_sqlalchemy.record_queries",
        Rc::new(|vm| vm.run_python_module("flask_sqlalchemy.record_queries", py_source!("flask_sqlalchemy_record_queries.py"))),
    );
    vm.register_module("werkzeug", Rc::new(|vm| vm.run_python_module("werkzeug", "")));
    vm.register_module(
        "werkzeug.exceptions",
        Rc::new(|vm| vm.run_python_module("werkzeug.exceptions", py_source!("werkzeug_exceptions.py"))),
    );
    vm.register_module("sqlalchemy.exc", Rc::new(|vm| vm.run_python_module("sqlalchemy.exc", py_source!("sqlalchemy_exc.py"))));
    runtime
}

/// The `alembic` package: each module from its Python source, and the
/// places alembic re-exports them from.
fn register_alembic(vm: &mut Vm) {
    let sources: [(&'static str, &'static str); 6] = [
        ("alembic", py_source!("alembic.py")),
        ("alembic.runtime", ""),
        ("alembic.runtime.migration", py_source!("alembic_runtime.py")),
        ("alembic.operations.ops", py_source!("alembic_ops.py")),
        ("alembic.operations", py_source!("alembic_operations.py")),
        ("alembic.autogenerate", py_source!("alembic_autogenerate.py")),
    ];
    for (name, source) in sources {
        vm.register_module(name, Rc::new(move |vm| vm.run_python_module(name, source)));
    }
    let aliases: [(&'static str, &'static str); 5] = [
        ("alembic.migration", "from alembic.runtime.migration import *\nfrom alembic.runtime.migration import MigrationContext\n"),
        ("alembic.script", py_source!("alembic_script.py")),
        ("alembic.script.base", "from alembic.script import Script, ScriptDirectory\n"),
        ("alembic.script.revision", "from alembic.runtime.migration import Revision, RevisionMap, RevisionError, ResolutionError\n"),
        ("alembic.util", "from alembic.runtime.migration import CommandError\n"),
    ];
    for (name, source) in aliases {
        vm.register_module(name, Rc::new(move |vm| vm.run_python_module(name, source)));
    }
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
/// `_snapshot` in `py/sqlalchemy_orm.py` for its shape), if the script used the ORM.
pub fn orm_snapshot(vm: &mut Vm) -> Option<String> {
    steps::orm_snapshot(vm, true)
}
