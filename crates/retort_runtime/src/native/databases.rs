//! The databases a run opens (one per `create_engine`, and the live one
//! of the Migrations panel), and running work on one with the script's
//! line on its events.

use retort_engine::{Connection, EngineError, Limbo};
use retort_python::object::Module;
use retort_python::{Args, PyResult, Value, Vm};

use super::*;

/// `load_source(name, filename, source)`: a module made by running Python
/// source (a revision script from the Migrations panel), or SyntaxError.
pub(super) fn load_source(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let text = |i: usize| a.pos.get(i).and_then(Value::as_str).unwrap_or("").to_owned();
    let (name, filename, source) = (text(0), text(1), text(2));
    let code = retort_python::compile_source(&source, &filename)
        .map_err(|e| vm.new_error("SyntaxError", format!("{} ({filename}, line {})", e.message, e.line)))?;
    let module = Module::new(&name);
    vm.run_module_code(code, module.clone())?;
    Ok(Value::Module(module))
}

pub(super) fn engine_result(vm: &mut Vm, state: &Shared, r: Result<(), EngineError>) -> PyResult<Value> {
    r.map_err(|e| dbapi_error(vm, state, &e, "", Value::None, false))?;
    Ok(Value::None)
}

pub(super) fn open(vm: &mut Vm, state: &Shared, _: Args) -> PyResult<Value> {
    let db = retort_engine::open_in_memory().map_err(|e| vm.new_error("OperationalError", e.to_string()))?;
    push_db(state, db)
}

/// The live database (a copy of the image the host gave, or an empty one),
/// opened once per run.
pub(super) fn open_live(vm: &mut Vm, state: &Shared, _: Args) -> PyResult<Value> {
    if let Some(handle) = state.borrow().live_handle {
        return Ok(Value::Int(handle as i64));
    }
    let image = state.borrow_mut().live.take();
    let db = match image {
        Some(image) => retort_engine::Limbo::open_image(&image).map(Connection::new),
        None => retort_engine::open_in_memory(),
    }
    .map_err(|e| vm.new_error("OperationalError", e.to_string()))?;
    let handle = push_db(state, db)?;
    if let Value::Int(i) = handle {
        state.borrow_mut().live_handle = Some(i as usize);
    }
    Ok(handle)
}

pub(super) fn push_db(state: &Shared, db: Connection<Limbo>) -> PyResult<Value> {
    let mut s = state.borrow_mut();
    let mut dbs = s.dbs.borrow_mut();
    dbs.push(db);
    let n = dbs.len();
    drop(dbs);
    s.echo.push(crate::echo::Echo::default());
    Ok(Value::Int(n as i64 - 1))
}

/// Runs `f` on the database the first argument names, with the script's
/// current line on its events, then moves the events to the run's log.
pub(super) fn with_db<T>(
    vm: &mut Vm,
    state: &Shared,
    a: &Args,
    f: impl FnOnce(&mut Vm, &mut Connection<Limbo>) -> PyResult<T>,
) -> PyResult<T> {
    let Some(Value::Int(i)) = a.pos.first() else {
        return Err(vm.new_error("TypeError", "expected a database handle"));
    };
    crate::steps::touch(vm, state);
    let line = vm.current_lines().last().copied();
    let mut s = state.borrow_mut();
    let State { dbs, log, echo, echo_text, .. } = &mut *s;
    let mut dbs = dbs.borrow_mut();
    let db = dbs.get_mut(*i as usize).ok_or_else(|| vm.new_error("ValueError", "no such database"))?;
    db.set_line(line);
    let r = f(vm, db);
    let mut log = log.borrow_mut();
    let from = log.len();
    db.drain_events(&mut log);
    if let Some(echo) = echo.get_mut(*i as usize) {
        echo.record(&log[from..], echo_text.as_mut());
    }
    r
}
