//! A run made ready ahead of its script: an interpreter with Retort's
//! modules installed and, for [`Prepared::new`], the libraries nearly every
//! script imports ([`PRELOADED`]) already imported. The playground's worker
//! prepares the next run while the user reads the last one, so pressing Run
//! again does not wait for `sqlalchemy` and `sqlalchemy.orm` to be built.
//!
//! The script then runs as it would have in a fresh interpreter: importing
//! a preloaded module finds it in `sys.modules`, as a second import does in
//! CPython; importing prints nothing and sends no SQL (a preparation that
//! did either is thrown away); the step budget starts at zero for the
//! script; object serials (`id()`) continue from the imports, as they would
//! have had the script imported them first. `tests/prepared.rs` runs every
//! oracle case both ways and compares the traces.

use retort_python::object::{serials, set_serials};
use retort_python::{Budget, Interpreter, RunResult};

use crate::{install, orm_snapshot, steps, Runtime};

/// What [`Prepared::new`] imports before the script runs.
pub const PRELOADED: [&str; 2] = ["sqlalchemy", "sqlalchemy.orm"];

/// An interpreter with the runtime installed, waiting for its script.
pub struct Prepared {
    interp: Interpreter,
    runtime: Runtime,
    /// The serial count the preparation left (another run may reset it meanwhile).
    serials: u64,
}

impl Prepared {
    /// The runtime installed and [`PRELOADED`] imported; a bare one if importing failed or printed.
    pub fn new(budget: Budget) -> Prepared {
        let mut prepared = Prepared::bare(budget);
        let vm = &mut prepared.interp.vm;
        let clean = PRELOADED.iter().all(|name| vm.import(name).is_ok())
            && vm.out.is_empty()
            && vm.err.is_empty()
            && prepared.runtime.log.borrow().is_empty();
        if !clean {
            return Prepared::bare(budget);
        }
        vm.steps = 0;
        vm.next_check = 0;
        prepared.serials = serials();
        prepared
    }

    /// The runtime installed and nothing imported: the script pays for its imports.
    pub fn bare(budget: Budget) -> Prepared {
        let mut interp = Interpreter::new(budget);
        let runtime = install(&mut interp.vm);
        Prepared { interp, runtime, serials: serials() }
    }

    /// Whether the module `name` is imported already.
    pub fn has_imported(&self, name: &str) -> bool {
        self.interp.vm.modules.contains_key(name)
    }

    /// Runs the script; with `record_steps`, the runtime keeps its timeline
    /// steps and the log in echo's format (`Runtime::echo_text`).
    pub fn run(self, source: &str, record_steps: bool) -> (RunResult, Runtime) {
        let (result, runtime, _) = self.run_keeping(source, record_steps);
        (result, runtime)
    }

    /// Runs the script with the interpreter's profiler on; returns its
    /// report of the `n` functions with the most own time (`retort run --profile`).
    pub fn run_profiled(mut self, source: &str, n: usize) -> (RunResult, String) {
        self.interp.vm.profile = Some(Box::default());
        let (result, _, interp) = self.run_keeping(source, false);
        let report = interp.vm.profile.as_ref().map(|p| p.report(n)).unwrap_or_default();
        (result, report)
    }

    /// `run`, keeping the interpreter too: the caller drops it (a benchmark
    /// stops its clock first, as the imported modules' teardown is not the script's).
    pub fn run_keeping(self, source: &str, record_steps: bool) -> (RunResult, Runtime, Interpreter) {
        let Prepared { mut interp, mut runtime, serials } = self;
        set_serials(serials);
        let sql = runtime.sql.clone().expect("installed");
        sql.borrow_mut().steps.enabled = record_steps;
        sql.borrow_mut().echo_text = record_steps.then(Vec::new);
        let result = interp.run(source);
        steps::finish(&mut interp.vm, &sql);
        runtime.orm = orm_snapshot(&mut interp.vm);
        let mut s = sql.borrow_mut();
        runtime.steps = std::mem::take(&mut s.steps.done);
        runtime.steps_truncated = s.steps.truncated;
        runtime.echo_text = s.echo_text.take().unwrap_or_default();
        drop(s);
        (result, runtime, interp)
    }
}
