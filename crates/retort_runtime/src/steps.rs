//! The run's steps, for the playground's timeline: each top-level script
//! line that sent SQL or changed the ORM's objects, with how far the event
//! log had got and the ORM's snapshot (models and live objects) when it
//! ended.
//!
//! A step ends when the next one starts (the first SQL statement or ORM
//! change made from another top-level line) or when the run ends; its
//! snapshot is taken then, before the next line changes anything. Only
//! runs that ask for steps record them (the playground's); there are at
//! most [`MAX_STEPS`] of them and [`MAX_BYTES`] of snapshots, the rest of
//! the run being one last step.

use retort_protocol::RunStep;
use retort_python::{Args, Value, Vm};

use crate::native::Shared;

/// The most steps a run records.
pub const MAX_STEPS: usize = 300;
/// The most snapshot text a run's steps keep.
pub const MAX_BYTES: usize = 8 << 20;

/// The steps recorded so far, and the one under way.
#[derive(Default)]
pub struct Steps {
    /// Whether this run records steps.
    pub enabled: bool,
    current: Option<u32>,
    pub done: Vec<RunStep>,
    /// Whether steps were dropped (too many, or too much to keep).
    pub truncated: bool,
    bytes: usize,
    /// A snapshot is being taken (what it calls is no step).
    busy: bool,
}

/// Something is about to change (a statement is sent, an object changes):
/// if it comes from another top-level line than the step under way, that
/// step ends here and a new one starts.
pub fn touch(vm: &mut Vm, state: &Shared) {
    let Some(&line) = vm.current_lines().first() else { return };
    {
        let s = state.borrow();
        let steps = &s.steps;
        if !steps.enabled || steps.busy || steps.current == Some(line) {
            return;
        }
    }
    finish(vm, state);
    state.borrow_mut().steps.current = Some(line);
}

/// Ends the step under way (at a new line, or when the run ends).
pub fn finish(vm: &mut Vm, state: &Shared) {
    let (line, full) = {
        let s = state.borrow();
        let steps = &s.steps;
        (steps.current, steps.done.len() >= MAX_STEPS || steps.bytes >= MAX_BYTES)
    };
    let Some(line) = line else { return };
    if full {
        state.borrow_mut().steps.truncated = true;
        return;
    }
    state.borrow_mut().steps.busy = true;
    let orm = orm_snapshot(vm, false);
    let mut s = state.borrow_mut();
    let events = s.log.borrow().len();
    let steps = &mut s.steps;
    steps.busy = false;
    steps.current = None;
    steps.bytes += orm.as_ref().map_or(0, String::len);
    steps.done.push(RunStep { line, events, orm });
}

/// The mapped classes and live mapped objects, as JSON (see `_snapshot` in
/// `python/sqlalchemy/orm/_retort_snapshot.py`), if the script imported the ORM. `configure`:
/// configure the mappers first (at the end of a run; a step's snapshot
/// leaves them as the script has them so far).
pub fn orm_snapshot(vm: &mut Vm, configure: bool) -> Option<String> {
    let module = vm.modules.get("sqlalchemy.orm").cloned()?;
    let snapshot = module.get("_snapshot")?;
    if vm.halted {
        return None;
    }
    let text = vm.call(&snapshot, Args::new(vec![Value::Bool(configure)])).ok()?;
    text.as_str().map(str::to_owned)
}
