//! From the script's objects to the SQL layer's: the Python-side schema,
//! expressions and statements (each naming its kind in `__visit_name__`)
//! become `retort_sql` tables, expressions and statements, and Python
//! values cross to SQL values and back through the type processors.
//!
//! Split by what is converted: [`types`], [`schema`], [`values`],
//! [`expressions`] and [`statements`]; one statement's conversion state
//! (bind values, CTE scopes, whether it is only shown) is a [`Conversion`]
//! passed through them ([`context`]). This module keeps the attribute
//! helpers, the run's caches and the errors they share.

use std::cell::RefCell;
use std::rc::Rc;

use retort_python::{PyResult, Value, Vm};
use retort_sql::schema::Table;

mod context;
mod expressions;
mod schema;
mod statements;
mod types;
mod values;

pub use context::Conversion;
pub use expressions::*;
pub use schema::*;
pub use statements::*;
pub use types::*;
pub use values::*;

/// `obj.name`.
pub fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    vm.getattr(obj, name)
}

/// `obj.name` as text (`None` for Python's None).
pub fn attr_str(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<String>> {
    Ok(match attr(vm, obj, name)? {
        Value::Str(s) => Some(s.as_str().to_owned()),
        _ => None,
    })
}

pub fn attr_bool(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<bool> {
    let v = attr(vm, obj, name)?;
    vm.truthy(&v)
}

pub fn attr_list(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Vec<Value>> {
    let v = attr(vm, obj, name)?;
    vm.iterate(&v)
}

fn attr_u32(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<u32>> {
    Ok(match vm.getattr_opt(obj, name)? {
        Some(Value::Int(i)) if i >= 0 => Some(i as u32),
        _ => None,
    })
}

fn attr_i64(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<i64>> {
    Ok(match vm.getattr_opt(obj, name)? {
        Some(Value::Int(i)) => Some(i),
        _ => None,
    })
}

/// The node's kind (`__visit_name__`), or its class name.
pub fn kind(vm: &mut Vm, obj: &Value) -> PyResult<String> {
    match vm.getattr_opt(obj, "__visit_name__")? {
        Some(Value::Str(s)) => Ok(s.as_str().to_owned()),
        _ => Ok(vm.type_of(obj).name.to_string()),
    }
}

/// Whether the object's class (or a base) is named `name`.
pub fn is_a(vm: &Vm, obj: &Value, name: &str) -> bool {
    vm.type_of(obj).mro_all().any(|c| &*c.name == name)
}

fn unsupported<T>(vm: &Vm, what: impl std::fmt::Display) -> PyResult<T> {
    Err(vm.new_error("NotImplementedError", format!("Retort does not support {what} yet")))
}

thread_local! {
    /// Tables already converted in this run, by the script's Table object
    /// (kept alive here, so its address is not reused): a Table does not
    /// change once built, and converting one reads every column.
    static TABLES: RefCell<Vec<(Value, Rc<Table>)>> = const { RefCell::new(Vec::new()) };
}

thread_local! {
    /// The SQL of the executions whose compiling warned in this run: SQLAlchemy
    /// compiles a statement once and takes it from its cache after, so its
    /// compiler's warnings come with the first execution only.
    static WARNED: RefCell<std::collections::HashSet<String>> = RefCell::new(std::collections::HashSet::new());
}

/// Whether an execution of `sql` compiles it for the first time in this run
/// (its compiler's warnings are then given).
pub fn first_compile(sql: &str) -> bool {
    WARNED.with(|w| w.borrow_mut().insert(sql.to_owned()))
}

thread_local! {
    /// The script's `TypeDecorator` objects met in this run, by `SqlType::Decorated`'s id.
    static DECORATORS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// The `TypeDecorator` object of a `SqlType::Decorated`.
fn decorator(id: usize) -> Value {
    DECORATORS.with(|d| d.borrow().get(id).cloned().unwrap_or(Value::None))
}

/// Forgets the converted tables and compiled statements (a new run begins).
pub fn clear_cache() {
    TABLES.with(|t| t.borrow_mut().clear());
    WARNED.with(|w| w.borrow_mut().clear());
    DECORATORS.with(|d| d.borrow_mut().clear());
}

fn same_object(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Instance(x), Value::Instance(y)) if Rc::ptr_eq(x, y))
}

/// A SQL-layer error as the exception SQLAlchemy raises: its class from
/// `sqlalchemy.exc` (`ArgumentError`, `CompileError`, ...), or a builtin one.
pub fn sql_error(vm: &Vm, e: &retort_sql::SqlError) -> retort_python::PyErr {
    sa_error(vm, e.class_name(), e.to_string())
}

/// `sqlalchemy.exc.<class_name>(message)`, or the builtin exception of that name.
pub fn sa_error(vm: &Vm, class_name: &str, message: String) -> retort_python::PyErr {
    let class = vm.modules.get("sqlalchemy.exc").and_then(|m| m.get(class_name));
    match class {
        Some(Value::Class(c)) => vm.make_exc(c, vec![Value::str(message)]),
        _ => vm.new_error(class_name, message),
    }
}

/// `sqlalchemy.exc.StatementError(message)` with SQLAlchemy's `.statement`
/// and, when there is one, the wrapped exception as `.orig`.
pub fn statement_error(vm: &mut Vm, message: String, sql: &str, orig: Option<&retort_python::PyErr>) -> retort_python::PyErr {
    let err = sa_error(vm, "StatementError", message);
    if let Some(orig) = orig {
        let _ = vm.setattr(&err.value(), "orig", orig.value());
    }
    let _ = vm.setattr(&err.value(), "statement", Value::str(sql));
    err
}

thread_local! {
    /// A bind processor refused a value (`SqlError::is_bind_refusal`) since the last
    /// [`take_bind_failure`]: SQLAlchemy raises that wrapped in a StatementError.
    static BIND_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Values a bind processor refuses pass as they are (to show the SQL of
    /// the statement that failed).
    static PASS_REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A `bindparam()` the execution gave no value for (SQLAlchemy raises a
    /// StatementError showing the statement).
    static MISSING_BIND: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A `bindparam()` without a value: noted for the StatementError the
/// execution raises once it knows the SQL.
fn missing_bind(vm: &Vm, key: &str) -> retort_python::PyErr {
    MISSING_BIND.with(|m| *m.borrow_mut() = Some(key.to_owned()));
    sa_error(vm, "InvalidRequestError", format!("A value is required for bind parameter '{key}'"))
}

/// The bind parameter that lacked a value since the last call, if any.
pub fn take_missing_bind() -> Option<String> {
    MISSING_BIND.with(|m| m.borrow_mut().take())
}

/// Whether a bind processor refused a value since the last call.
pub fn take_bind_failure() -> bool {
    BIND_FAILED.with(|f| f.replace(false))
}

/// Runs `f` with refused values passing as they are.
pub fn leniently<T>(f: impl FnOnce() -> T) -> T {
    PASS_REFUSED.with(|l| l.set(true));
    let r = f();
    PASS_REFUSED.with(|l| l.set(false));
    r
}
