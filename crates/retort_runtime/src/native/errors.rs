//! Errors worded as SQLAlchemy words them: the DBAPI error classes
//! (`IntegrityError`, ...) with `[SQL: ...]` and `[parameters: ...]`, and
//! the `StatementError`s of a statement that could not be sent.

use retort_engine::EngineError;
use retort_python::{Args, PyResult, Value, Vm};

use crate::convert::{self, Conversion};

use super::*;

/// `sqlalchemy.exc.<DBAPI class>` for an engine error, worded as SQLAlchemy
/// words it; `sent`: the parameters as the driver got them (a tuple, or for
/// an executemany, `many`, a list of tuples).
pub(super) fn dbapi_error(vm: &mut Vm, state: &Shared, e: &EngineError, sql: &str, sent: Value, many: bool) -> retort_python::PyErr {
    let class_name = e.dbapi_class();
    let code = match class_name {
        "IntegrityError" => "gkpj",
        "OperationalError" => "e3q8",
        "ProgrammingError" => "f405",
        _ => "2j85",
    };
    let mut message = format!("(sqlite3.{class_name}) {}", e.message);
    if !sql.is_empty() {
        message += &format!("\n[SQL: {sql}]");
        if vm.truthy(&sent).unwrap_or(false) {
            let shown = crate::params_repr::params_repr(vm, &sent, many).unwrap_or_default();
            message += &format!("\n[parameters: {shown}]");
        }
    }
    message += &format!("\n(Background on this error at: https://sqlalche.me/e/21/{code})");
    let errors = state.borrow().errors.clone();
    let class = errors.as_str().and_then(|module| vm.modules.get(module).cloned()).and_then(|m| m.get(class_name));
    let Some(class) = class else { return vm.new_error(class_name, message) };
    let made = vm.call(&class, Args::new(vec![Value::str(message)])).and_then(|exc| {
        // `.orig`: the driver's exception, with the driver's message
        let driver = errors
            .as_str()
            .and_then(|module| vm.modules.get(module).cloned())
            .and_then(|m| m.get("_sqlite3"))
            .map(|classes| vm.getitem(&classes, &Value::str(class_name)))
            .transpose()?;
        if let Some(driver) = driver {
            let orig = vm.call(&driver, Args::new(vec![Value::str(e.message.as_str())]))?;
            vm.setattr(&exc, "orig", orig)?;
        }
        // `.statement` and `.params`: what was sent, as the driver got it
        let (statement, sent) = if sql.is_empty() { (Value::None, Value::None) } else { (Value::str(sql), sent) };
        vm.setattr(&exc, "statement", statement)?;
        vm.setattr(&exc, "params", sent)?;
        vm.to_exception(exc)
    });
    match made {
        Ok(exc) | Err(exc) => exc,
    }
}

pub(super) fn sql_err(vm: &Vm, e: retort_sql::SqlError) -> retort_python::PyErr {
    convert::sql_error(vm, &e)
}

/// SQLAlchemy's StatementError for a `bindparam()` without a value: the
/// statement as compiled, and the parameters given.
pub(super) fn missing_bind_error(vm: &mut Vm, stmt: &Value, params: &Value, name: &str) -> PyResult<retort_python::PyErr> {
    // (compiled for the first parameter set, as SQLAlchemy compiles an executemany)
    let first = match params {
        Value::List(l) => l.borrow().first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    };
    let sql = prepare_inner(vm, &mut Conversion::new(true), stmt, &first, Dialect::Sqlite)?.compiled.sql;
    let mut message = format!("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{name}'\n[SQL: {sql}]");
    message += &given_params(vm, params)?;
    message += "\n(Background on this error at: https://sqlalche.me/e/21/cd3x)";
    Ok(convert::statement_error(vm, message, &sql, None))
}

/// A StatementError's `[parameters: ...]` line: the parameter sets as given
/// (one dict shows as a list of one); nothing when none were.
pub(super) fn given_params(vm: &mut Vm, params: &Value) -> PyResult<String> {
    let given = match params {
        Value::None => return Ok(String::new()),
        Value::List(_) => params.clone(),
        other => Value::list(vec![other.clone()]),
    };
    Ok(format!("\n[parameters: {}]", vm.repr(&given)?))
}

/// `sqlalchemy.exc.StatementError` around a bind processor's TypeError:
/// `(builtins.TypeError) SQLite Date type only accepts ...` and the SQL.
pub(super) fn statement_error(vm: &mut Vm, stmt: &Value, params: &Value, e: retort_python::PyErr) -> retort_python::PyErr {
    let first = match params {
        Value::List(l) => l.borrow().first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    };
    let sql = convert::leniently(|| prepare_with(vm, stmt, &first, Dialect::Sqlite)).map(|p| p.compiled.sql).unwrap_or_default();
    let mut message = format!("(builtins.{}) {}\n[SQL: {sql}]", e.class().name, vm.exc_str(&e));
    message += &given_params(vm, params).unwrap_or_default();
    convert::statement_error(vm, message, &sql, Some(&e))
}
