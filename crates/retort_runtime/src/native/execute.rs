//! Executing: `Connection.execute` (one statement or an executemany),
//! the cursor events around it, the engine's outcome logged, and the
//! `Result` made from it.

use std::rc::Rc;

use retort_engine::{Connection, Limbo, Outcome};
use retort_python::dict::AttrMap;
use retort_python::{Args, PyResult, Value, Vm};
use retort_sql::expr::Literal;

use crate::convert::{self, kind};

use super::*;

/// `Connection.execute(statement, parameters)`: one statement, or an
/// executemany when `parameters` is a list of several rows.
pub(super) fn execute(vm: &mut Vm, state: &Shared, a: Args) -> PyResult<Value> {
    let stmt = a.pos.get(1).cloned().unwrap_or(Value::None);
    let raw = kind(vm, &stmt)? == "text" && matches!(vm.getattr_opt(&stmt, "_raw")?, Some(Value::Bool(true)));
    let params = a.pos.get(2).cloned().unwrap_or(Value::None);
    let mode = if raw {
        Mode::Raw
    } else if is_orm(vm, &stmt)? {
        Mode::Orm
    } else {
        Mode::Compiled
    };
    guarded(vm, state, &a, &stmt, &params, mode, |vm| execute_statement(vm, state, &a, stmt.clone()))
}

/// Whether `stmt` selects mapped entities (a SELECT, or a compound of such).
fn is_orm(vm: &mut Vm, stmt: &Value) -> PyResult<bool> {
    let entities = |vm: &mut Vm, s: &Value| -> PyResult<bool> {
        Ok(match vm.getattr_opt(s, "_orm_entities")? {
            Some(Value::List(l)) => !l.borrow().is_empty(),
            _ => false,
        })
    };
    match kind(vm, stmt)?.as_str() {
        "select" => entities(vm, stmt),
        "compound_select" => {
            for s in convert::attr_list(vm, stmt, "selects")? {
                if entities(vm, &s)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Ok(false),
    }
}

/// Runs `f`, an execution of `stmt` with `params` on the database `a`
/// names, logged as made in `mode`; a bind processor's TypeError becomes
/// SQLAlchemy's StatementError, a `bindparam()` without a value its
/// InvalidRequestError.
pub(crate) fn guarded<T>(
    vm: &mut Vm,
    state: &Shared,
    a: &Args,
    stmt: &Value,
    params: &Value,
    mode: Mode,
    f: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> PyResult<T> {
    convert::take_bind_failure();
    convert::take_missing_bind();
    match in_mode(state, a, mode, || f(vm)) {
        Err(e) if convert::take_bind_failure() => Err(statement_error(vm, stmt, params, e)),
        Err(e) => match convert::take_missing_bind() {
            Some(name) => Err(missing_bind_error(vm, stmt, params, &name).unwrap_or(e)),
            None => Err(e),
        },
        ok => ok,
    }
}

/// Runs one statement on database `db` (the ORM's flush), logged like any other.
pub fn run_on(vm: &mut Vm, state: &Shared, db: usize, sql: &str, params: &[Literal]) -> PyResult<Outcome> {
    run(vm, state, &Args::new(vec![Value::Int(db as i64)]), sql, params)
}

/// Runs one row of an "insertmanyvalues" batch on database `db` (cursor
/// events report it as part of an executemany, as SQLAlchemy's do).
pub fn run_batched_on(
    vm: &mut Vm,
    state: &Shared,
    db: usize,
    sql: &str,
    params: &[Literal],
    batch: retort_orm::flush::Batch,
) -> PyResult<Outcome> {
    if let Some(echo) = state.borrow_mut().echo.get_mut(db) {
        echo.batch = Some(batch);
    }
    let r = run_reported(vm, state, &Args::new(vec![Value::Int(db as i64)]), sql, params, true);
    if let Some(echo) = state.borrow_mut().echo.get_mut(db) {
        echo.batch = None;
    }
    r
}

/// Runs one statement for many rows of parameters (an executemany) on database `db`.
pub fn run_many_on(vm: &mut Vm, state: &Shared, db: usize, sql: &str, rows: &[Vec<Literal>]) -> PyResult<u64> {
    run_many(vm, state, &Args::new(vec![Value::Int(db as i64)]), sql, rows.to_vec())
}

/// An executemany on the database `a` names; an error shows every row's parameters (as SQLAlchemy shows them).
pub(super) fn run_many(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, rows: Vec<Vec<Literal>>) -> PyResult<u64> {
    let hook = cursor_hook(state, a, sql, || Value::list(rows.iter().map(|r| python_params(r)).collect()), true);
    fire(vm, &hook, "before")?;
    let params: Vec<Vec<retort_engine::Value>> = rows.iter().map(|row| row.iter().map(convert::engine_value).collect()).collect();
    let affected = with_db(vm, state, a, |_, db| Ok(db.execute_many_values(sql, params)))?
        .map_err(|e| dbapi_error(vm, state, &e, sql, Value::list(rows.iter().map(|r| python_params(r)).collect()), true))?;
    fire(vm, &hook, "after")?;
    Ok(affected)
}

/// `run_many` for rows already as the engine takes them, which give back
/// the parameters exactly (none is a bool).
pub(super) fn run_many_values(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, rows: Vec<Vec<retort_engine::Value>>) -> PyResult<u64> {
    let hook = cursor_hook(state, a, sql, || Value::list(rows.iter().map(|r| python_params(&engine_literals(r))).collect()), true);
    fire(vm, &hook, "before")?;
    let mut sent = Value::None;
    let affected = with_db(vm, state, a, |_, db| {
        let r = db.execute_many_values(sql, rows);
        if r.is_err() {
            sent = logged_params(db);
        }
        Ok(r)
    })?
    .map_err(|e| dbapi_error(vm, state, &e, sql, sent, true))?;
    fire(vm, &hook, "after")?;
    Ok(affected)
}

/// Engine values as the literals they were made from.
pub(super) fn engine_literals(values: &[retort_engine::Value]) -> Vec<Literal> {
    values.iter().map(convert::engine_literal).collect()
}

/// The parameters of the statement the database ran last, as the driver
/// got them (a tuple, or an executemany's list of tuples): the values
/// went to the log, and an error shows them from there.
pub(super) fn logged_params(db: &Connection<Limbo>) -> Value {
    match db.events().last().map(|e| &e.kind) {
        Some(retort_engine::log::EventKind::Sql(e)) => match &e.params {
            retort_engine::log::Params::One(p) => python_params(&engine_literals(p)),
            retort_engine::log::Params::Many(rows) => Value::list(rows.iter().map(|r| python_params(&engine_literals(r))).collect()),
        },
        _ => Value::None,
    }
}

/// Runs one statement on the database `a` names; an engine error becomes
/// the DBAPI exception SQLAlchemy raises.
pub(super) fn run(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, params: &[Literal]) -> PyResult<Outcome> {
    run_reported(vm, state, a, sql, params, false)
}

/// One statement; `many`: the cursor events report it as part of an executemany.
pub(super) fn run_reported(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, params: &[Literal], many: bool) -> PyResult<Outcome> {
    let hook = cursor_hook(state, a, sql, || python_params(params), many);
    fire(vm, &hook, "before")?;
    let values: Vec<retort_engine::Value> = params.iter().map(convert::engine_value).collect();
    let outcome = with_db(vm, state, a, |_, db| Ok(db.execute_values(sql, values)))?
        .map_err(|e| dbapi_error(vm, state, &e, sql, python_params(params), false))?;
    fire(vm, &hook, "after")?;
    Ok(outcome)
}

/// `run_reported` for values already as the engine takes them, which give
/// back the parameters exactly (none is a bool).
pub(super) fn run_values(
    vm: &mut Vm,
    state: &Shared,
    a: &Args,
    sql: &std::sync::Arc<str>,
    values: Vec<retort_engine::Value>,
) -> PyResult<Outcome> {
    let hook = cursor_hook(state, a, sql, || python_params(&engine_literals(&values)), false);
    fire(vm, &hook, "before")?;
    let mut sent = Value::None;
    let outcome = with_db(vm, state, a, |_, db| {
        let r = db.execute_shared(sql, values);
        if r.is_err() {
            sent = logged_params(db);
        }
        Ok(r)
    })?
    .map_err(|e| dbapi_error(vm, state, &e, sql, sent, false))?;
    fire(vm, &hook, "after")?;
    Ok(outcome)
}

/// A row of parameters as the cursor events show it: a tuple.
pub(super) fn python_params(row: &[Literal]) -> Value {
    Value::tuple(row.iter().map(literal_value).collect())
}

/// A statement's cursor-event call, when the engine of the database `a`
/// names has listeners: the hook and its arguments after the phase
/// (statement, parameters made by `params`, executemany).
pub(super) fn cursor_hook(state: &Shared, a: &Args, sql: &str, params: impl FnOnce() -> Value, many: bool) -> Option<(Value, [Value; 3])> {
    let Some(Value::Int(i)) = a.pos.first() else { return None };
    let hook = state.borrow().hooks.iter().find(|(db, _)| *db as i64 == *i).map(|(_, h)| h.clone())?;
    Some((hook, [Value::str(sql), params(), Value::Bool(many)]))
}

/// Calls the cursor-event hook for `phase` ("before" or "after").
pub(super) fn fire(vm: &mut Vm, hook: &Option<(Value, [Value; 3])>, phase: &str) -> PyResult<()> {
    if let Some((h, [sql, params, many])) = hook {
        vm.call(h, Args::new(vec![Value::str(phase), sql.clone(), params.clone(), many.clone()]))?;
    }
    Ok(())
}

/// Runs `f` with the statements it sends logged as made in `mode` (for echo).
pub(super) fn in_mode<T>(state: &Shared, a: &Args, mode: Mode, f: impl FnOnce() -> T) -> T {
    set_mode(state, a, mode);
    let r = f();
    set_mode(state, a, Mode::Compiled);
    r
}

/// How the statements the database runs next were made (for echo).
pub(super) fn set_mode(state: &Shared, a: &Args, mode: Mode) {
    if let Some(Value::Int(i)) = a.pos.first() {
        if let Some(echo) = state.borrow_mut().echo.get_mut(*i as usize) {
            echo.mode = mode;
        }
    }
}

/// `Result([], [], rowcount, lastrowid, False)` made without running its
/// `__init__` (the attributes it sets, the rest are the class's defaults): a
/// loop of INSERTs makes one per statement.
pub(super) fn rowless_result(vm: &mut Vm, result_class: &Value, rowcount: i64, lastrowid: Value) -> PyResult<Value> {
    if result_class.is_none() {
        // (nobody sees the result: see `connection::execute`)
        return Ok(Value::None);
    }
    let Value::Class(cls) = result_class else {
        return vm.call(
            result_class,
            Args::new(vec![Value::list(vec![]), Value::list(vec![]), Value::Int(rowcount), lastrowid, Value::Bool(false)]),
        );
    };
    let obj = vm.new_instance(cls, &[]);
    if let Value::Instance(i) = &obj {
        // plain attributes (Result has no descriptors for them): its __dict__
        // copied from one made once, then filled in
        let mut d = ROWLESS.with(|t| t.clone());
        for (slot, v) in d.values_mut().skip(2).zip([Value::Int(rowcount), lastrowid]) {
            *slot = v;
        }
        *i.dict.borrow_mut() = d;
    }
    Ok(obj)
}

thread_local! {
    /// The `__dict__` of a rowless result: no keys and no rows (one empty
    /// tuple, shared: a result without rows never changes them in place),
    /// `rowcount` and `lastrowid` (set per result), `returns_rows`, and the
    /// class's default `_inserted_primary_key` (None), so that setting it adds no entry.
    static ROWLESS: AttrMap = {
        let empty = Value::tuple(Vec::new());
        let mut d = AttrMap::default();
        d.insert(Rc::from("_keys"), empty.clone());
        d.insert(Rc::from("_rows"), empty);
        d.insert(Rc::from("rowcount"), Value::None);
        d.insert(Rc::from("lastrowid"), Value::None);
        d.insert(Rc::from("returns_rows"), Value::Bool(false));
        d.insert(Rc::from("_inserted_primary_key"), Value::None);
        d
    };
}

/// A single-row execution of a plain insert through its statement's kept
/// plan (`a`: database, statement, parameters, Result class): the result,
/// and whether the row may name a primary key column. `None`: not such an
/// insert, or a row the plan does not fit.
pub(crate) fn execute_planned(vm: &mut Vm, state: &Shared, a: &Args, result_class: &Value) -> PyResult<Option<(Value, bool)>> {
    let (Some(stmt), Some(params)) = (a.pos.get(1), a.pos.get(2)) else { return Ok(None) };
    let fast = kept_plan(state, stmt).and_then(|plan| plan.engine_row(params).map(|values| (plan, values)));
    let (plan, outcome) = match fast {
        Some((plan, values)) => {
            let outcome = run_values(vm, state, a, &plan.sql, values)?;
            (plan, outcome)
        }
        None => {
            let Some((plan, values)) = planned_insert(vm, state, stmt, params)? else { return Ok(None) };
            let outcome = run(vm, state, a, &plan.prepared.compiled.sql, &values)?;
            (plan, outcome)
        }
    };
    let result = rowless_result(vm, result_class, outcome.rows_affected as i64, Value::Int(outcome.last_insert_rowid))?;
    Ok(Some((result, plan.binds_primary_key)))
}

pub(super) fn execute_statement(vm: &mut Vm, state: &Shared, a: &Args, stmt: Value) -> PyResult<Value> {
    let result_class = a.pos.get(3).unwrap_or(&Value::None);
    match execute_planned(vm, state, a, result_class)? {
        Some((result, _)) => Ok(result),
        None => execute_unplanned(vm, state, a, stmt, result_class),
    }
}

/// `execute_statement` for a statement `execute_planned` did not run.
pub(crate) fn execute_unplanned(vm: &mut Vm, state: &Shared, a: &Args, stmt: Value, result_class: &Value) -> PyResult<Value> {
    let params = a.pos.get(2).cloned().unwrap_or(Value::None);
    let rows: Vec<Value> = match &params {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    if rows.len() > 1 {
        let affected = match many_inserts(vm, &stmt, &rows)? {
            Some((first, ManyRows::Engine(values))) => run_many_values(vm, state, a, &first.compiled.sql, values)?,
            Some((first, ManyRows::Literals(literals))) => run_many(vm, state, a, &first.compiled.sql, literals)?,
            None => {
                let mut prepared = Vec::new();
                for r in &rows {
                    prepared.push(prepare(vm, &stmt, r)?);
                }
                let literals = prepared.iter().map(|p| p.compiled.params.clone()).collect();
                let first = prepared.swap_remove(0);
                run_many(vm, state, a, &first.compiled.sql, literals)?
            }
        };
        return rowless_result(vm, result_class, affected as i64, Value::None);
    }
    let first = rows.first().unwrap_or(&Value::None);
    if !matches!(params, Value::Dict(_)) {
        if let Some((plan, values)) = planned_insert(vm, state, &stmt, first)? {
            let outcome = run(vm, state, a, &plan.prepared.compiled.sql, &values)?;
            return rowless_result(vm, result_class, outcome.rows_affected as i64, Value::Int(outcome.last_insert_rowid));
        }
    }
    let p = prepare(vm, &stmt, first)?;
    let outcome = run(vm, state, a, &p.compiled.sql, &p.compiled.params)?;
    let mut keys: Vec<String> =
        if p.columns.is_empty() { outcome.columns.clone() } else { p.columns.iter().map(|c| c.key.clone()).collect() };
    // (a name met twice was labelled apart, `a_1` or `a__1`: the cursor's
    // names, which SQLAlchemy's keys are, tell them apart)
    if keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k)) && outcome.columns.len() == keys.len() {
        keys = outcome.columns.clone();
    }
    let mut out_rows = Vec::new();
    for row in &outcome.rows {
        let mut values = Vec::new();
        for (i, v) in row.iter().enumerate() {
            let (ty, py_type) = match p.columns.get(i) {
                Some(c) => (c.ty.as_ref(), c.py_type.clone()),
                None => (None, Value::None),
            };
            values.push(convert::result_value(vm, v, ty, &py_type)?);
        }
        out_rows.push(Value::tuple(values));
    }
    if result_class.is_none() {
        return Ok(Value::None);
    }
    let returns_rows = !outcome.columns.is_empty() || !p.dml;
    let rowcount = if p.dml { outcome.rows_affected as i64 } else { -1 };
    let args = vec![
        Value::list(keys.into_iter().map(Value::str).collect()),
        Value::list(out_rows),
        Value::Int(rowcount),
        Value::Int(outcome.last_insert_rowid),
        Value::Bool(returns_rows),
    ];
    vm.call(result_class, Args::new(args))
}
