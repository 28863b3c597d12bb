//! The virtual machine: runs code objects with CPython's semantics.
//! `exec.rs` holds the instruction loop, `call.rs` calls and argument
//! binding, `attr.rs` attribute access, `ops.rs` operators and comparison,
//! `iter.rs` iteration, `class.rs` class creation, `exc.rs` exceptions.

pub mod attr;
pub mod call;
pub mod class;
pub mod exc;
pub mod exec;
pub mod frame;
pub mod generator;
pub mod iter;
pub mod keys;
pub mod ops;
pub mod profile;
pub mod subscript;
mod teardown;

use std::collections::HashMap;
use std::rc::Rc;

use crate::builtins::types::Types;
use crate::object::{Module, PyErr, PyResult};
use crate::value::Value;

/// Limits that end runaway scripts.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Instructions executed (building a big string, list or number also
    /// counts a step per 16 bytes, so quadratic copying meets the budget).
    pub steps: u64,
    /// Bytes the script may hold: checked for each big container or string,
    /// and for the whole heap when the binary set a `memory` meter.
    pub memory: usize,
    /// Nested Python frames (CPython's recursion limit).
    pub recursion: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget { steps: 200_000_000, memory: 256 << 20, recursion: 1000 }
    }
}

/// Builds a module on first import.
pub type ModuleFactory = Rc<dyn Fn(&mut Vm) -> PyResult<Rc<Module>>>;

/// The interpreter state of one run.
pub struct Vm {
    pub types: Types,
    pub builtins: Rc<Module>,
    pub main: Rc<Module>,
    pub modules: HashMap<String, Rc<Module>>,
    pub factories: HashMap<String, ModuleFactory>,
    /// What the script printed.
    pub out: String,
    /// What the script wrote to stderr (warnings, sys.stderr).
    pub err: String,
    /// Containers being repr'd (to print `[...]` for cycles).
    pub repr_guard: Vec<usize>,
    /// Builtin classes made on demand (dict views, generic aliases).
    pub extra_classes: HashMap<&'static str, Rc<crate::object::Class>>,
    /// Exceptions being handled (innermost last), for `raise` and `__context__`.
    pub handled: Vec<PyErr>,
    pub depth: usize,
    pub steps: u64,
    /// The step count at which the instruction loop next checks the budgets.
    pub next_check: u64,
    pub budget: Budget,
    /// The heap's size when the VM was made (see `memory::held`).
    pub memory_base: usize,
    /// Set once a budget is exhausted: nothing may catch the error.
    pub halted: bool,
    /// Lines of the script's active calls (outermost first), for host events.
    pub call_lines: Vec<u32>,
    pub filename: Rc<str>,
    /// The script's source (for the lines warnings show).
    pub script: Rc<str>,
    /// Non-deterministic things the script did (`datetime.now()`, ...).
    pub nondeterministic: Vec<String>,
    /// Finished frames kept for reuse, so a call does not allocate.
    pub frame_pool: Vec<Box<frame::Frame>>,
    /// Set by `retort run --profile`: per-function call counts and times.
    pub profile: Option<Box<profile::Profile>>,
    /// The instruction loop's next native call is a statement whose value
    /// is dropped at once (`conn.execute(...)` on a line of its own).
    unused_pending: bool,
    /// The native call now starting returns a value nobody sees.
    unused: bool,
    /// Every object made by `object.__new__`, for the teardown.
    instances: teardown::Instances,
    /// The run's own `sys.stdout` (a script may put another object there).
    pub stdout_object: Option<Value>,
    /// The namespace module of each dict `exec()` has run code in, so the
    /// functions it defined keep seeing that dict's later names.
    pub exec_namespaces: Vec<(std::rc::Weak<std::cell::RefCell<crate::dict::Dict>>, Rc<Module>)>,
}

impl Vm {
    /// Whether the value of the native call now starting is dropped unseen
    /// (the call is an expression statement), so it may return `None`
    /// instead of making a result nobody can look at. Valid only before the
    /// native calls anything else.
    pub fn result_unused(&self) -> bool {
        self.unused
    }

    pub fn new(budget: Budget) -> Vm {
        crate::object::reset_serials();
        let types = Types::new();
        let builtins = Module::new("builtins");
        let main = Module::new("__main__");
        let mut vm = Vm {
            types,
            builtins,
            main,
            modules: HashMap::new(),
            factories: HashMap::new(),
            out: String::new(),
            err: String::new(),
            repr_guard: Vec::new(),
            extra_classes: HashMap::new(),
            handled: Vec::new(),
            depth: 0,
            steps: 0,
            next_check: 0,
            budget,
            memory_base: crate::memory::held(),
            halted: false,
            call_lines: Vec::new(),
            filename: "main.py".into(),
            script: "".into(),
            nondeterministic: Vec::new(),
            frame_pool: Vec::new(),
            profile: None,
            unused_pending: false,
            unused: false,
            instances: teardown::Instances::default(),
            stdout_object: None,
            exec_namespaces: Vec::new(),
        };
        crate::builtins::install(&mut vm);
        crate::modules::register_all(&mut vm);
        vm
    }

    /// Registers a module (built on first import).
    pub fn register_module(&mut self, name: &str, factory: ModuleFactory) {
        self.factories.insert(name.to_owned(), factory);
    }

    pub fn write(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Writes to `sys.stdout`: the run's output, or the object a script
    /// put there (`sys.stdout = buffer`, `contextlib.redirect_stdout`).
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        match self.redirected_stdout() {
            Some(target) => self.call_method(&target, "write", vec![Value::str(s)]).map(drop),
            None => {
                self.write(s);
                Ok(())
            }
        }
    }

    /// What `sys.stdout` is, when a script replaced the run's own.
    pub fn redirected_stdout(&self) -> Option<Value> {
        let current = self.modules.get("sys")?.get("stdout")?;
        match (&current, &self.stdout_object) {
            (Value::Instance(a), Some(Value::Instance(b))) if Rc::ptr_eq(a, b) => None,
            _ => Some(current),
        }
    }

    /// What the interactive prompt does with an expression statement's
    /// value: `sys.displayhook(value)`.
    pub fn display(&mut self, value: Value) -> PyResult<()> {
        let hook = self.modules.get("sys").and_then(|m| m.get("displayhook"));
        match hook {
            Some(hook) if !matches!(&hook, Value::Native(n) if &*n.name == "displayhook") => {
                self.call(&hook, crate::object::Args::new(vec![value])).map(drop)
            }
            _ => self.default_display(value),
        }
    }

    /// `sys.__displayhook__`: the value's repr on a line of its own (nothing
    /// for `None`), kept as `builtins._`.
    pub fn default_display(&mut self, value: Value) -> PyResult<()> {
        if value.is_none() {
            return Ok(());
        }
        self.builtins.set("_", Value::None);
        let text = self.repr(&value)?;
        self.write_stdout(&text)?;
        self.write_stdout("\n")?;
        self.builtins.set("_", value);
        Ok(())
    }

    /// Counts building `bytes` as work (a step per 16 bytes) and fails with
    /// MemoryError when a container of `bytes` would exceed the
    /// budget, or when the heap (measured when the binary set a `memory`
    /// meter) has grown past it since the run began.
    pub fn check_size(&mut self, bytes: usize) -> PyResult<()> {
        self.steps = self.steps.saturating_add((bytes / 16) as u64);
        let held = crate::memory::held().saturating_sub(self.memory_base);
        if held.saturating_add(bytes) > self.budget.memory && bytes <= self.budget.memory {
            self.halted = true;
            return Err(self.new_error(
                "MemoryError",
                format!(
                    "Retort's memory budget ({} MB) is exhausted: the script's objects take about {} MB",
                    self.budget.memory >> 20,
                    (held + bytes) >> 20
                ),
            ));
        }
        if bytes > self.budget.memory {
            self.halted = true;
            return Err(self.new_error(
                "MemoryError",
                format!(
                    "Retort's memory budget ({} MB) is exhausted: the script tried to build an object of about {} MB",
                    self.budget.memory >> 20,
                    bytes >> 20
                ),
            ));
        }
        Ok(())
    }

    /// The script lines of the calls now running, outermost first: a host
    /// function called on line 12 inside a function called from line 30
    /// sees `[30, 12]`. Events carry them so the playground can link SQL
    /// to the line that caused it and to its call sites.
    pub fn current_lines(&self) -> &[u32] {
        &self.call_lines
    }
}
