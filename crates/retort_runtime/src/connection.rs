//! The native `Connection.execute`: the usual call (an `Insert` with one
//! dict of values, on a connection in a transaction, no echo, no execution
//! options) runs without a Python frame, as a loop of single-row INSERTs
//! makes thousands of them; every other call goes to the Python method
//! `Connection._execute`, which does what SQLAlchemy's `execute` does.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use retort_python::dict::{hinted_get, Key};
use retort_python::{Args, PyResult, Value, Vm};

use crate::echo::Mode;
use crate::native::{execute_planned, execute_unplanned, guarded, Shared};

/// `Connection.execute(self, statement, parameters=None, execution_options=None)`.
pub fn execute(vm: &mut Vm, state: &Shared, mut a: Args) -> PyResult<Value> {
    let unused = vm.result_unused();
    if let Some((db, result_class)) = usual(state, &a) {
        let (stmt, params) = (a.pos[1].clone(), a.pos[2].clone());
        // (the arguments the native executions take: database, statement,
        // parameters; the Result class, or None when the result goes unseen)
        a.pos.truncate(3);
        a.pos[0] = db;
        let result_class = if unused { Value::None } else { result_class };
        let call = a;
        let (result, binds_primary_key) =
            guarded(vm, state, &call, &stmt, &params, Mode::Compiled, |vm| match execute_planned(vm, state, &call, &result_class)? {
                Some(done) => Ok(done),
                None => Ok((execute_unplanned(vm, state, &call, stmt.clone(), &result_class)?, true)),
            })?;
        // as `_execute`: the statement and a copy of its values, for
        // `inserted_primary_key` (which reads only their primary key's: None
        // when they name none, as `_inserted_pk` skips a None)
        if let (Value::Instance(r), Value::Dict(d)) = (&result, &params) {
            let copy = if binds_primary_key { Value::Dict(Rc::new(RefCell::new(d.borrow().clone()))) } else { Value::None };
            let pk = Value::tuple(vec![stmt, copy]);
            let mut d = r.dict.borrow_mut();
            // (a rowless result's __dict__ has the entry already)
            match d.get_mut("_inserted_primary_key") {
                Some(slot) => *slot = pk,
                None => {
                    d.insert(Rc::from("_inserted_primary_key"), pk);
                }
            }
        }
        return Ok(result);
    }
    let Some(this) = a.pos.first() else {
        return Err(vm.new_error("TypeError", "Connection.execute() missing 2 required positional arguments: 'self' and 'statement'"));
    };
    if a.pos.len() < 2 && !a.kw.iter().any(|(k, _)| &**k == "statement") {
        return Err(vm.new_error("TypeError", "Connection.execute() missing 1 required positional argument: 'statement'"));
    }
    let slow = vm.getattr(this, "_execute")?;
    vm.call(&slow, Args { pos: a.pos[1..].to_vec(), kw: a.kw })
}

/// The database handle and `Result` class when the call is the usual one:
/// `conn.execute(insert_stmt, {...})` on an open connection in a transaction,
/// without echo, cursor events aside (the native path fires them too), and
/// without execution options on the connection, the statement or the call.
fn usual(state: &Shared, a: &Args) -> Option<(Value, Value)> {
    if !a.kw.is_empty() || !(a.pos.len() == 3 || a.pos.len() == 4 && a.pos[3].is_none()) {
        return None;
    }
    let (insert, result) = state.borrow().classes.clone()?;
    let (Value::Instance(conn), Value::Instance(stmt), Value::Dict(d)) = (&a.pos[0], &a.pos[1], &a.pos[2]) else { return None };
    // (keys that are columns or other expressions: as `_execute` meets them)
    if !d.borrow().keys().all(|k| matches!(k, Key::Str(_))) {
        return None;
    }
    if !matches!(&insert, Value::Class(c) if Rc::ptr_eq(c, &stmt.class())) {
        return None;
    }
    HINTS.with(|h| {
        if matches!(hinted_get(&stmt.dict.borrow(), "_execution_options", &h[0]), Some(o) if !is_empty_dict(o)) {
            return None;
        }
        let c = conn.dict.borrow();
        let is_false = |name: &str, hint| matches!(hinted_get(&c, name, hint), Some(Value::Bool(false)));
        if !is_false("closed", &h[1]) || !is_false("_echo", &h[2]) {
            return None;
        }
        if !matches!(hinted_get(&c, "_transaction", &h[3]), Some(t) if !t.is_none())
            || !matches!(hinted_get(&c, "_execution_options", &h[4]), Some(o) if is_empty_dict(o))
        {
            return None;
        }
        let Some(Value::Instance(engine)) = hinted_get(&c, "engine", &h[5]) else { return None };
        let e = engine.dict.borrow();
        if !matches!(hinted_get(&e, "_echoing", &h[6]), Some(Value::Bool(false))) {
            return None;
        }
        let db = hinted_get(&e, "_db", &h[7]).filter(|d| matches!(d, Value::Int(_)))?.clone();
        Some((db, result))
    })
}

thread_local! {
    /// Where `usual` last found each attribute it reads (the statement's
    /// options, the connection's five, the engine's two): instances of one
    /// class keep their attributes in one order, so these rarely move.
    static HINTS: [Cell<u32>; 8] = const { [const { Cell::new(0) }; 8] };
}

fn is_empty_dict(v: &Value) -> bool {
    matches!(v, Value::Dict(d) if d.borrow().is_empty())
}
