//! From the script's objects to the SQL layer's: the Python-side schema,
//! expressions and statements (each naming its kind in `__visit_name__`)
//! become `retort_sql` tables, expressions and statements, and Python
//! values cross to SQL values and back through the type processors.

use std::cell::RefCell;
use std::rc::Rc;

use retort_python::{PyResult, Value, Vm};
use retort_sql::expr::{
    BinOp, ColumnRef, CompoundSelect, Cte, CteBody, Expr, FromItem, FromName, LabelStyle, Literal, OrderBy, ParamName, Select, SetOp,
};
use retort_sql::schema::{Column, Constraint, ForeignKey, Index, PrimaryKey, ServerDefault, Table, TableArg};
use retort_sql::types::SqlType;
use retort_sql::value::{Json, SqlValue};

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

/// A type object (`String(30)`, `Integer()`) as the SQL layer's type.
pub fn sql_type(vm: &mut Vm, ty: &Value) -> PyResult<Option<SqlType>> {
    let names: Vec<Rc<str>> = vm.type_of(ty).mro_all().map(|c| c.name.clone()).collect();
    let has = |wanted: &str| names.iter().any(|n| &**n == wanted);
    if has("TypeDecorator") {
        let inner = attr(vm, ty, "impl")?;
        let Some(inner) = sql_type(vm, &inner)? else { return Ok(None) };
        // (each decorator object once: a run converts its types many times)
        let id = DECORATORS.with(|d| {
            let mut d = d.borrow_mut();
            d.iter().position(|known| same_object(known, ty)).unwrap_or_else(|| {
                d.push(ty.clone());
                d.len() - 1
            })
        });
        return Ok(Some(SqlType::Decorated { ty: Box::new(inner), id }));
    }
    let t = uncollated_type(vm, ty, &names)?;
    // (`String(20, collation="NOCASE")`: VARCHAR(20) COLLATE "NOCASE")
    if has("String") {
        if let (Some(inner), Some(Value::Str(collation))) = (&t, vm.getattr_opt(ty, "collation")?) {
            return Ok(Some(SqlType::Collated { ty: Box::new(inner.clone()), collation: collation.as_str().to_owned() }));
        }
    }
    Ok(t)
}

/// `sql_type` of a type object whose class and bases are named `names`, its collation aside.
fn uncollated_type(vm: &mut Vm, ty: &Value, names: &[Rc<str>]) -> PyResult<Option<SqlType>> {
    if let Some(Value::Str(name)) = vm.getattr_opt(ty, "_name")? {
        let args = attr_list(vm, ty, "args")?.iter().filter_map(|a| if let Value::Int(i) = a { Some(*i as u32) } else { None }).collect();
        return Ok(Some(SqlType::Named { name: name.as_str().to_owned(), args }));
    }
    for name in names {
        let t = match &**name {
            "Enum" => {
                let strings = |vm: &mut Vm, name: &str| -> PyResult<Vec<String>> {
                    Ok(attr_list(vm, ty, name)?.iter().filter_map(|m| m.as_str().map(str::to_owned)).collect())
                };
                let members = strings(vm, "enums")?;
                let keys = strings(vm, "_keys")?;
                let length = attr_u32(vm, ty, "length")?.unwrap_or(0);
                let validate_strings = attr_bool(vm, ty, "validate_strings")?;
                SqlType::Enum { name: attr_str(vm, ty, "name")?, members, keys, length, validate_strings }
            }
            "Text" => SqlType::Text,
            "String" => SqlType::String { length: attr_u32(vm, ty, "length")? },
            "BigInteger" => SqlType::BigInteger,
            "SmallInteger" => SqlType::SmallInteger,
            "Integer" => SqlType::Integer,
            "Boolean" => SqlType::Boolean,
            "Double" => SqlType::Double,
            "Float" => SqlType::Float,
            "Numeric" => SqlType::Numeric { precision: attr_u32(vm, ty, "precision")?, scale: attr_u32(vm, ty, "scale")? },
            "Date" => SqlType::Date,
            "DateTime" => SqlType::DateTime,
            "Time" => SqlType::Time,
            "Interval" => SqlType::Interval,
            "JSON" => SqlType::Json,
            "LargeBinary" => SqlType::LargeBinary,
            "Uuid" => SqlType::Uuid,
            "NullType" => return Ok(None),
            _ => continue,
        };
        return Ok(Some(t));
    }
    Ok(None)
}

/// The `type` of an expression node, if it has a known one.
pub fn type_of_expr(vm: &mut Vm, e: &Value) -> PyResult<Option<SqlType>> {
    match vm.getattr_opt(e, "type")? {
        Some(t) => sql_type(vm, &t),
        None => Ok(None),
    }
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

/// A Python `Table` as the SQL layer's table (converted once per run).
pub fn table(vm: &mut Vm, t: &Value) -> PyResult<Rc<Table>> {
    if let Some(hit) = TABLES.with(|c| c.borrow().iter().find(|(v, _)| same_object(v, t)).map(|(_, table)| table.clone())) {
        return Ok(hit);
    }
    let table = Rc::new(convert_table(vm, t)?);
    TABLES.with(|c| c.borrow_mut().push((t.clone(), table.clone())));
    Ok(table)
}

fn convert_table(vm: &mut Vm, t: &Value) -> PyResult<Table> {
    let name = attr_str(vm, t, "name")?.unwrap_or_default();
    let mut columns = Vec::new();
    for c in attr_list(vm, t, "columns_list")? {
        columns.push(column(vm, &c)?);
    }
    let mut args = Vec::new();
    for c in attr_list(vm, t, "constraints")? {
        args.push(constraint(vm, &c)?);
    }
    for ix in attr_list(vm, t, "_index_order")? {
        args.push(TableArg::Index(index(vm, &ix)?));
    }
    let mut table = Table::new(&name, columns, args);
    // MetaData(naming_convention={...})
    let metadata = attr(vm, t, "metadata")?;
    if let Some(conv) = vm.getattr_opt(&metadata, "naming_convention")?.filter(|c| !matches!(c, Value::None)) {
        let mut templates = Vec::new();
        for (k, v) in vm.mapping_pairs(&conv)? {
            if let (Some(k), Some(v)) = (k.as_str(), v.as_str()) {
                templates.push((k.to_owned(), v.to_owned()));
            }
        }
        retort_sql::naming::apply(&mut table, &retort_sql::naming::NamingConvention { templates });
    }
    Ok(table)
}

fn names(vm: &mut Vm, obj: &Value, attr_name: &str) -> PyResult<Vec<String>> {
    Ok(attr_list(vm, obj, attr_name)?.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

fn constraint(vm: &mut Vm, c: &Value) -> PyResult<TableArg> {
    let name = attr_str(vm, c, "name")?;
    Ok(match kind(vm, c)?.as_str() {
        "primary_key_constraint" => TableArg::PrimaryKey(PrimaryKey { name, columns: names(vm, c, "column_names")? }),
        "unique_constraint" => TableArg::Constraint(Constraint::Unique { name, columns: names(vm, c, "columns")? }),
        "check_constraint" => TableArg::Constraint(Constraint::Check {
            name,
            sqltext: attr_str(vm, c, "sqltext")?.unwrap_or_default(),
            sqlite_only: matches!(vm.getattr_opt(c, "_sqlite_only")?, Some(Value::Bool(true))),
        }),
        "foreign_key_constraint" => {
            let mut ref_table = String::new();
            let mut ref_columns = Vec::new();
            for r in names(vm, c, "refcolumns")? {
                let target = ForeignKey::to(&r).map_err(|e| sql_error(vm, &e))?;
                ref_table = target.table;
                ref_columns.push(target.column);
            }
            TableArg::Constraint(Constraint::ForeignKey {
                name,
                columns: names(vm, c, "columns")?,
                ref_table,
                ref_columns,
                ondelete: attr_str(vm, c, "ondelete")?,
                onupdate: attr_str(vm, c, "onupdate")?,
            })
        }
        other => return unsupported(vm, format!("the table argument {other}")),
    })
}

fn index(vm: &mut Vm, ix: &Value) -> PyResult<Index> {
    let mut columns = Vec::new();
    for e in attr_list(vm, ix, "expressions")? {
        match &e {
            Value::Str(s) => columns.push(s.as_str().to_owned()),
            _ if kind(vm, &e)? == "column" => columns.push(attr_str(vm, &e, "name")?.unwrap_or_default()),
            _ => return unsupported(vm, "functional indexes"),
        }
    }
    Ok(Index { name: attr_str(vm, ix, "name")?.unwrap_or_default(), columns, unique: attr_bool(vm, ix, "unique")? })
}

pub fn column(vm: &mut Vm, c: &Value) -> PyResult<Column> {
    let name = attr_str(vm, c, "name")?.unwrap_or_default();
    let ty_value = attr(vm, c, "type")?;
    let ty = sql_type(vm, &ty_value)?.unwrap_or(SqlType::Named { name: "NULL".into(), args: vec![] });
    let mut col = Column::new(&name, ty);
    col.primary_key = attr_bool(vm, c, "primary_key")?;
    col.nullable = match attr(vm, c, "_explicit_nullable")? {
        Value::None => None,
        v => Some(vm.truthy(&v)?),
    };
    col.unique = attr_bool(vm, c, "unique")?;
    col.index = attr_bool(vm, c, "index")?;
    for fk in attr_list(vm, c, "foreign_keys")? {
        let target = attr_str(vm, &fk, "target")?.unwrap_or_default();
        let mut key = ForeignKey::to(&target).map_err(|e| sql_error(vm, &e))?;
        key.ondelete = attr_str(vm, &fk, "ondelete")?;
        key.onupdate = attr_str(vm, &fk, "onupdate")?;
        key.name = attr_str(vm, &fk, "name")?;
        col.foreign_keys.push(key);
    }
    for check in attr_list(vm, c, "constraints")? {
        match kind(vm, &check)?.as_str() {
            "check_constraint" => col.checks.push(attr_str(vm, &check, "sqltext")?.unwrap_or_default()),
            other => return unsupported(vm, format!("a {other} on a column")),
        }
    }
    col.server_default = match attr(vm, c, "server_default")? {
        Value::None => None,
        Value::Str(s) => Some(ServerDefault::Literal(s.as_str().to_owned())),
        d => Some(match kind(vm, &d)?.as_str() {
            "text" | "literal_column" => ServerDefault::Sql(attr_str(vm, &d, "text")?.unwrap_or_default()),
            // true()/false(): 1/0 on SQLite
            "true" => ServerDefault::Expr { sqlite: "1".into(), generic: "true".into() },
            "false" => ServerDefault::Expr { sqlite: "0".into(), generic: "false".into() },
            // a function, its arguments inline (the SQLite dialect renders now() as CURRENT_TIMESTAMP)
            "function" => {
                let e = expr(vm, &d)?;
                match (retort_sql::compiler::default_sql(&e, false), retort_sql::compiler::default_sql(&e, true)) {
                    (Some(sqlite), Some(generic)) => ServerDefault::Expr { sqlite, generic },
                    _ => return unsupported(vm, "this server_default function"),
                }
            }
            other => return unsupported(vm, format!("a server_default of {other}")),
        }),
    };
    Ok(col)
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

/// A Python value as SQLite stores it for a column of type `ty`.
pub fn bind_value(vm: &mut Vm, value: &Value, ty: Option<&SqlType>) -> PyResult<Literal> {
    // a TypeDecorator's process_bind_param, then its impl's processing
    if let Some(SqlType::Decorated { ty, id }) = ty {
        let hook = vm.getattr(&decorator(*id), "_retort_bind")?;
        // (its exception is a bind processor's: SQLAlchemy raises it in a
        // StatementError, and the value refused passes as it is to show the SQL)
        return match vm.call(&hook, retort_python::Args::new(vec![value.clone()])) {
            Ok(processed) => bind_value(vm, &processed, Some(ty)),
            Err(_) if PASS_REFUSED.with(|l| l.get()) => Ok(plain_literal(value).unwrap_or(Literal::None)),
            Err(e) => {
                BIND_FAILED.with(|f| f.set(true));
                Err(e)
            }
        };
    }
    let sql_value = match ty {
        Some(SqlType::Json) if !matches!(value, Value::None) => SqlValue::Json(to_json(vm, value)?),
        _ => to_sql_value(vm, value)?,
    };
    match ty {
        Some(ty) => match retort_sql::process::bind(ty, sql_value) {
            Ok(l) => Ok(l),
            // (only plain values are refused: they pass as they are)
            Err(e) if e.is_bind_refusal() && PASS_REFUSED.with(|l| l.get()) => Ok(plain_literal(value).unwrap_or(Literal::None)),
            Err(e) => {
                if e.is_bind_refusal() {
                    BIND_FAILED.with(|f| f.set(true));
                }
                Err(sql_error(vm, &e))
            }
        },
        None => match sql_value {
            SqlValue::Plain(l) => Ok(l),
            // what the SQLite driver itself does with these (text() parameters)
            SqlValue::Decimal(d) => Ok(Literal::Str(d)),
            other => Err(vm.new_error("NotImplementedError", format!("Retort does not support binding {other:?} without a type yet"))),
        },
    }
}

fn int_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<i64> {
    match attr(vm, v, name)? {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => Err(vm.new_error("TypeError", format!("{name} should be an integer"))),
    }
}

/// A plain Python value (None, bool, int, float, str, bytes) as a literal.
#[inline]
pub fn plain_literal(value: &Value) -> Option<Literal> {
    Some(match value {
        Value::None => Literal::None,
        Value::Bool(b) => Literal::Bool(*b),
        Value::Int(i) => Literal::Int(*i),
        Value::Float(f) => Literal::Float(*f),
        Value::Str(s) => Literal::Str(s.as_str().to_owned()),
        Value::Bytes(b) => Literal::Bytes(b.to_vec()),
        _ => return None,
    })
}

fn to_sql_value(vm: &mut Vm, value: &Value) -> PyResult<SqlValue> {
    if let Some(plain) = plain_literal(value) {
        return Ok(SqlValue::Plain(plain));
    }
    match value {
        Value::Dict(_) | Value::List(_) => Ok(SqlValue::Json(to_json(vm, value)?)),
        other => {
            let class = vm.type_of(other);
            let names: Vec<String> = class.mro_all().map(|c| c.name.to_string()).collect();
            let has = |n: &str| names.iter().any(|x| x == n);
            let num = |vm: &mut Vm, n: &str| int_attr(vm, other, n);
            if has("datetime") {
                return Ok(SqlValue::DateTime {
                    year: num(vm, "year")? as i32,
                    month: num(vm, "month")? as u32,
                    day: num(vm, "day")? as u32,
                    hour: num(vm, "hour")? as u32,
                    minute: num(vm, "minute")? as u32,
                    second: num(vm, "second")? as u32,
                    micro: num(vm, "microsecond")? as u32,
                });
            }
            if has("date") {
                return Ok(SqlValue::Date { year: num(vm, "year")? as i32, month: num(vm, "month")? as u32, day: num(vm, "day")? as u32 });
            }
            if has("time") {
                return Ok(SqlValue::Time {
                    hour: num(vm, "hour")? as u32,
                    minute: num(vm, "minute")? as u32,
                    second: num(vm, "second")? as u32,
                    micro: num(vm, "microsecond")? as u32,
                });
            }
            if has("timedelta") {
                return Ok(SqlValue::Timedelta { days: num(vm, "days")?, seconds: num(vm, "seconds")?, micros: num(vm, "microseconds")? });
            }
            if has("Decimal") {
                let text = vm.call_method(other, "__str__", vec![])?;
                return Ok(SqlValue::Decimal(text.as_str().unwrap_or("0").to_owned()));
            }
            if has("UUID") {
                let hex = attr_str(vm, other, "hex")?.unwrap_or_default();
                let u = u128::from_str_radix(&hex, 16).map_err(|_| vm.new_error("ValueError", "badly formed hexadecimal UUID string"))?;
                return Ok(SqlValue::Uuid(u));
            }
            if has("Enum") {
                return Ok(SqlValue::EnumMember(attr_str(vm, other, "name")?.unwrap_or_default()));
            }
            unsupported(vm, format!("binding {} values", class.name))
        }
    }
}

/// A JSON-able Python structure as a document.
fn to_json(vm: &mut Vm, value: &Value) -> PyResult<Json> {
    Ok(match value {
        Value::None => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::Int(*i),
        Value::Float(f) => Json::Float(*f),
        Value::Str(s) => Json::Str(s.as_str().to_owned()),
        Value::List(_) | Value::Tuple(_) => {
            let items = vm.iterate(value)?;
            let mut out = Vec::new();
            for i in &items {
                out.push(to_json(vm, i)?);
            }
            Json::List(out)
        }
        Value::Dict(_) => {
            let mut out = Vec::new();
            for (k, v) in vm.mapping_pairs(value)? {
                let key = match &k {
                    Value::Str(s) => s.as_str().to_owned(),
                    other => vm.str_of(other)?,
                };
                out.push((key, to_json(vm, &v)?));
            }
            Json::Object(out)
        }
        other => {
            let t = vm.type_of(other);
            return Err(vm.new_error("TypeError", format!("Object of type {} is not JSON serializable", t.name)));
        }
    })
}

fn from_json(vm: &mut Vm, doc: &Json) -> PyResult<Value> {
    Ok(match doc {
        Json::Null => Value::None,
        Json::Bool(b) => Value::Bool(*b),
        Json::Int(i) => Value::Int(*i),
        Json::Float(f) => Value::Float(*f),
        Json::Str(s) => Value::str(s.as_str()),
        Json::List(items) => {
            let mut out = Vec::new();
            for i in items {
                out.push(from_json(vm, i)?);
            }
            Value::list(out)
        }
        Json::Object(pairs) => {
            let d = Value::dict(Default::default());
            for (k, v) in pairs {
                let v = from_json(vm, v)?;
                vm.setitem(&d, Value::str(k.as_str()), v)?;
            }
            d
        }
    })
}

/// `module.name(*args)`: values of the standard library's classes.
fn construct(vm: &mut Vm, module: &str, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let m = vm.import(module)?;
    let class = m.get(name).ok_or_else(|| vm.new_error("ImportError", format!("cannot import name '{name}' from '{module}'")))?;
    vm.call(&class, retort_python::Args::new(args))
}

/// What SQLite returned, as the Python value of a column of type `ty`
/// (`py_type`, the script's type object, names an Enum's class).
pub fn result_value(vm: &mut Vm, stored: &retort_engine::Value, ty: Option<&SqlType>, py_type: &Value) -> PyResult<Value> {
    literal_value(vm, &stored_literal(stored), ty, py_type)
}

/// What SQLite returned, as a bound-level literal.
pub fn stored_literal(stored: &retort_engine::Value) -> Literal {
    match stored {
        retort_engine::Value::Null => Literal::None,
        retort_engine::Value::Integer(i) => Literal::Int(*i),
        retort_engine::Value::Real(f) => Literal::Float(*f),
        retort_engine::Value::Text(s) => Literal::Str(s.clone()),
        retort_engine::Value::Blob(b) => Literal::Bytes(b.clone()),
    }
}

/// A stored literal as the Python value of a column of type `ty`.
pub fn literal_value(vm: &mut Vm, lit: &Literal, ty: Option<&SqlType>, py_type: &Value) -> PyResult<Value> {
    // its impl's result processing, then a TypeDecorator's process_result_value
    if let Some(SqlType::Decorated { ty, id }) = ty {
        let decorated = decorator(*id);
        let inner = attr(vm, &decorated, "impl")?;
        let value = literal_value(vm, lit, Some(ty), &inner)?;
        let hook = vm.getattr(&decorated, "_retort_result")?;
        return vm.call(&hook, retort_python::Args::new(vec![value]));
    }
    let lit = lit.clone();
    let decimal_scale = match ty {
        Some(t @ (SqlType::Numeric { .. } | SqlType::Float | SqlType::Double)) if lit != Literal::None => numeric_result(vm, t, py_type)?,
        _ => None,
    };
    let value = match (decimal_scale, ty) {
        (Some(Some(scale)), _) => {
            let as_decimal = SqlType::Numeric { precision: None, scale: Some(scale) };
            retort_sql::process::result(&as_decimal, &lit).map_err(|e| sql_error(vm, &e))?
        }
        (Some(None), _) | (None, None) => SqlValue::Plain(lit),
        (None, Some(ty)) => retort_sql::process::result(ty, &lit).map_err(|e| sql_error(vm, &e))?,
    };
    let i = |n: u32| Value::Int(i64::from(n));
    Ok(match value {
        SqlValue::Plain(Literal::None) => Value::None,
        SqlValue::Plain(Literal::Bool(b)) => Value::Bool(b),
        SqlValue::Plain(Literal::Int(n)) => Value::Int(n),
        SqlValue::Plain(Literal::Float(f)) => Value::Float(f),
        SqlValue::Plain(Literal::Str(s)) => Value::str(s),
        SqlValue::Plain(Literal::Bytes(b)) => Value::Bytes(Rc::new(b)),
        SqlValue::Date { year, month, day } => construct(vm, "datetime", "date", vec![Value::Int(i64::from(year)), i(month), i(day)])?,
        SqlValue::DateTime { year, month, day, hour, minute, second, micro } => construct(
            vm,
            "datetime",
            "datetime",
            vec![Value::Int(i64::from(year)), i(month), i(day), i(hour), i(minute), i(second), i(micro)],
        )?,
        SqlValue::Time { hour, minute, second, micro } => construct(vm, "datetime", "time", vec![i(hour), i(minute), i(second), i(micro)])?,
        SqlValue::Timedelta { days, seconds, micros } => {
            construct(vm, "datetime", "timedelta", vec![Value::Int(days), Value::Int(seconds), Value::Int(micros)])?
        }
        SqlValue::Decimal(text) => construct(vm, "decimal", "Decimal", vec![Value::str(text)])?,
        SqlValue::Uuid(u) => construct(vm, "uuid", "UUID", vec![Value::str(format!("{u:032x}"))])?,
        SqlValue::EnumMember(name) => match vm.getattr_opt(py_type, "enum_class")? {
            Some(class @ Value::Class(_)) => vm.getitem(&class, &Value::str(name))?,
            _ => Value::str(name),
        },
        SqlValue::Json(doc) => from_json(vm, &doc)?,
    })
}

/// How a Numeric, Float or Double type object returns results on SQLite
/// (which has no native decimal) when it differs from its SQL type's
/// default: `Some(Some(scale))`, Decimals at that scale
/// (`_effective_decimal_return_scale`: `decimal_return_scale`, else the
/// type's scale, else 10); `Some(None)`, the value as stored (`asdecimal=False`).
/// `None`: the default (Numeric's Decimal at its scale, Float's float).
fn numeric_result(vm: &mut Vm, ty: &SqlType, py_type: &Value) -> PyResult<Option<Option<u32>>> {
    if !matches!(py_type, Value::Instance(_)) {
        return Ok(None);
    }
    let numeric = matches!(ty, SqlType::Numeric { .. });
    let asdecimal = match vm.getattr_opt(py_type, "asdecimal")? {
        Some(v) => vm.truthy(&v)?,
        None => numeric,
    };
    let return_scale = attr_u32(vm, py_type, "decimal_return_scale")?;
    Ok(match (asdecimal, ty) {
        (false, SqlType::Numeric { .. }) => Some(None),
        (false, _) => None,
        (true, SqlType::Numeric { .. }) => return_scale.map(Some),
        (true, _) => Some(Some(return_scale.unwrap_or(DEFAULT_DECIMAL_RETURN_SCALE))),
    })
}

/// SQLAlchemy's `_default_decimal_return_scale`.
const DEFAULT_DECIMAL_RETURN_SCALE: u32 = 10;

/// `engine_value`, moving the literal's text or bytes.
pub fn into_engine_value(l: Literal) -> retort_engine::Value {
    match l {
        Literal::Str(s) => retort_engine::Value::Text(s),
        Literal::Bytes(b) => retort_engine::Value::Blob(b),
        other => engine_value(&other),
    }
}

/// An engine value as the bound value it was (a bool comes back an int).
pub fn engine_literal(v: &retort_engine::Value) -> Literal {
    match v {
        retort_engine::Value::Null => Literal::None,
        retort_engine::Value::Integer(i) => Literal::Int(*i),
        retort_engine::Value::Real(f) => Literal::Float(*f),
        retort_engine::Value::Text(s) => Literal::Str(s.clone()),
        retort_engine::Value::Blob(b) => Literal::Bytes(b.clone()),
    }
}

/// A bound value as the engine takes it.
pub fn engine_value(l: &Literal) -> retort_engine::Value {
    match l {
        Literal::None => retort_engine::Value::Null,
        Literal::Bool(b) => retort_engine::Value::Integer(i64::from(*b)),
        Literal::Int(i) => retort_engine::Value::Integer(*i),
        Literal::Float(f) => retort_engine::Value::Real(*f),
        Literal::Str(s) => retort_engine::Value::Text(s.clone()),
        Literal::Bytes(b) => retort_engine::Value::Blob(b.clone()),
    }
}

/// An `over()`'s frame (the script's `FrameClause`).
fn frame(vm: &mut Vm, f: &Value) -> PyResult<retort_sql::expr::Frame> {
    use retort_sql::expr::FrameBound;
    let bound = |vm: &mut Vm, end: &str| -> PyResult<FrameBound> {
        let kind = attr_str(vm, f, &format!("{end}_type"))?.unwrap_or_default();
        let value = |vm: &mut Vm| -> PyResult<Box<Expr>> {
            let bind = attr(vm, f, &format!("{end}_bind"))?;
            Ok(Box::new(expr(vm, &bind)?))
        };
        Ok(match kind.as_str() {
            "current" => FrameBound::Current,
            "preceding" => FrameBound::Preceding(value(vm)?),
            "following" => FrameBound::Following(value(vm)?),
            _ => FrameBound::Unbounded,
        })
    };
    let lower = bound(vm, "lower")?;
    let upper = bound(vm, "upper")?;
    Ok(retort_sql::expr::Frame { unit: attr_str(vm, f, "unit")?.unwrap_or_default(), lower, upper, exclude: attr_str(vm, f, "exclude")? })
}

fn bin_op(vm: &Vm, op: &str) -> PyResult<BinOp> {
    Ok(match op {
        "eq" => BinOp::Eq,
        "ne" => BinOp::Ne,
        "lt" => BinOp::Lt,
        "le" => BinOp::Le,
        "gt" => BinOp::Gt,
        "ge" => BinOp::Ge,
        "add" => BinOp::Add,
        "sub" => BinOp::Sub,
        "mul" => BinOp::Mul,
        "div" => BinOp::Div,
        "mod" => BinOp::Mod,
        "concat" => BinOp::Concat,
        "is" => BinOp::Is,
        "is_not" => BinOp::IsNot,
        "collate" => BinOp::Collate,
        other => return unsupported(vm, format!("the operator {other}")),
    })
}

thread_local! {
    /// While a SELECT converts: the CTEs and subqueries its expressions referred to (one
    /// list per SELECT being converted, innermost last), which become FROM
    /// items; and the names of CTEs whose bodies are converting, so a
    /// recursive reference only names its CTE.
    static CTE_SCOPES: RefCell<Vec<Vec<(FromName, Value)>>> = const { RefCell::new(Vec::new()) };
    static DECLARING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The parameters the statement is executed with, for `bindparam("name")`.
    static BIND_VALUES: RefCell<Vec<(String, Value)>> = const { RefCell::new(Vec::new()) };
    /// Compiling to show a statement (`str()`, `compile()`): a
    /// `bindparam()` without a value is no error.
    static LENIENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub fn set_lenient(on: bool) {
    LENIENT.with(|l| l.set(on));
}

/// Sets the execution parameters `bindparam()`s without a value take.
pub fn set_bind_values(pairs: Vec<(Value, Value)>) {
    // (a key that is not a name, such as a Column, names no bind parameter:
    // SQLAlchemy looks its parameters up by name)
    let named = pairs.into_iter().filter_map(|(k, v)| k.as_str().map(|s| (s.to_owned(), v))).collect();
    BIND_VALUES.with(|b| *b.borrow_mut() = named);
}

/// A column of a table, alias, subquery or CTE as a reference.
fn column_ref(vm: &mut Vm, c: &Value) -> PyResult<Expr> {
    let name = attr_str(vm, c, "name")?.unwrap_or_default();
    match attr(vm, c, "table")? {
        Value::None => Ok(Expr::Literal(name)),
        t => {
            let table = from_name(vm, &t)?;
            // a CTE or a subquery named by a column is a FROM item of the SELECT
            if matches!(kind(vm, &t)?.as_str(), "cte" | "subquery" | "alias") {
                CTE_SCOPES.with(|s| {
                    if let Some(scope) = s.borrow_mut().last_mut() {
                        if !scope.iter().any(|(n, _)| *n == table) {
                            scope.push((table.clone(), t.clone()));
                        }
                    }
                });
            }
            Ok(Expr::Column(ColumnRef { table, name }))
        }
    }
}

/// A CTE as a FROM item: declared with its body, or, inside its own body,
/// only named.
fn cte_item(vm: &mut Vm, f: &Value) -> PyResult<FromItem> {
    // an unnamed cte() is numbered anon_N by the compiler; its key here is its id
    let anon = match (attr_str(vm, f, "name")?, vm.getattr_opt(f, "anon_id")?) {
        (None, Some(Value::Int(i))) => Some(i as u32),
        _ => None,
    };
    let name = match anon {
        Some(id) => format!("anon#{id}"),
        None => attr_str(vm, f, "name")?.unwrap_or_default(),
    };
    let recursive = attr_bool(vm, f, "recursive")?;
    if DECLARING.with(|d| d.borrow().contains(&name)) {
        return Ok(FromItem::Cte(Rc::new(Cte { name, body: CteBody::Select(Select::default()), recursive, anon })));
    }
    let element = attr(vm, f, "element")?;
    DECLARING.with(|d| d.borrow_mut().push(name.clone()));
    let body = if kind(vm, &element)? == "compound_select" {
        compound_select(vm, &element).map(|(c, _)| CteBody::Compound(c))
    } else {
        select(vm, &element).map(|(s, _)| CteBody::Select(s))
    };
    DECLARING.with(|d| d.borrow_mut().pop());
    Ok(FromItem::Cte(Rc::new(Cte { name, body: body?, recursive, anon })))
}

/// The name a FROM object is known by (an anonymous subquery's number).
fn from_name(vm: &mut Vm, f: &Value) -> PyResult<FromName> {
    match attr_str(vm, f, "name")? {
        Some(name) => Ok(FromName::Named(name)),
        None => match vm.getattr_opt(f, "anon_id")? {
            Some(Value::Int(i)) => match vm.getattr_opt(f, "anon_stem")?.and_then(|s| s.as_str().map(str::to_owned)) {
                Some(stem) => Ok(FromName::AnonOf(i as u32, stem)),
                None => Ok(FromName::Anon(i as u32)),
            },
            _ => unsupported(vm, "an anonymous alias of a table"),
        },
    }
}

fn is_compound_subquery(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    let element = attr(vm, f, "element")?;
    Ok(kind(vm, &element)? == "compound_select")
}

fn is_text_subquery(vm: &mut Vm, f: &Value) -> PyResult<bool> {
    let element = attr(vm, f, "element")?;
    Ok(kind(vm, &element)? == "text")
}

/// A FROM object: a table, an alias, a join or a subquery.
fn from_item(vm: &mut Vm, f: &Value) -> PyResult<FromItem> {
    Ok(match kind(vm, f)?.as_str() {
        "table" => FromItem::table(&attr_str(vm, f, "name")?.unwrap_or_default()),
        "alias" => {
            let element = attr(vm, f, "element")?;
            let table = attr_str(vm, &element, "name")?.unwrap_or_default();
            match (attr_str(vm, f, "name")?, from_name(vm, f)?) {
                (None, FromName::AnonOf(id, _)) => FromItem::AnonAlias { table, id },
                (alias, _) => FromItem::Table { name: table, alias },
            }
        }
        "join" => {
            let (l, r, o) = (attr(vm, f, "left")?, attr(vm, f, "right")?, attr(vm, f, "onclause")?);
            let (left, right, on) = (from_item(vm, &l)?, from_item(vm, &r)?, expr(vm, &o)?);
            FromItem::Join { left: Box::new(left), right: Box::new(right), on, outer: attr_bool(vm, f, "isouter")? }
        }
        "subquery" if is_text_subquery(vm, f)? => {
            // text(...).columns(...).subquery(): the text with its own binds
            let element = attr(vm, f, "element")?;
            let sql = attr_str(vm, &element, "text")?.unwrap_or_default();
            let mut binds = Vec::new();
            let own = attr(vm, &element, "binds")?;
            for (k, v) in vm.mapping_pairs(&own)? {
                let key = k.as_str().unwrap_or_default().to_owned();
                binds.push((key, bind_value(vm, &v, None)?));
            }
            let compiled = retort_sql::text::compile(&sql, &binds).map_err(|e| sql_error(vm, &e))?;
            FromItem::TextSubquery { sql: compiled.sql, params: compiled.params, name: from_name(vm, f)? }
        }
        "subquery" if is_compound_subquery(vm, f)? => {
            let element = attr(vm, f, "element")?;
            let (compound, _) = compound_select(vm, &element)?;
            FromItem::CompoundSubquery { compound: Box::new(compound), name: from_name(vm, f)? }
        }
        "subquery" => {
            let element = attr(vm, f, "element")?;
            let (inner, _) = select(vm, &element)?;
            FromItem::Subquery { select: Box::new(inner), name: from_name(vm, f)? }
        }
        "cte" => cte_item(vm, f)?,
        other => return unsupported(vm, format!("{other} in FROM")),
    })
}

/// An expression node (`Column`, `BinaryExpression`, `func.count()`...).
pub fn expr(vm: &mut Vm, e: &Value) -> PyResult<Expr> {
    let k = kind(vm, e)?;
    let sub = |vm: &mut Vm, name: &str| -> PyResult<Expr> {
        let v = attr(vm, e, name)?;
        expr(vm, &v)
    };
    Ok(match k.as_str() {
        "column" => column_ref(vm, e)?,
        "bindparam" => {
            let mut value = attr(vm, e, "value")?;
            if let (Value::None, Some(key)) = (&value, attr_str(vm, e, "key")?) {
                match BIND_VALUES.with(|b| b.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())) {
                    Some(v) => value = v,
                    None if LENIENT.with(std::cell::Cell::get) => {}
                    None => return Err(missing_bind(vm, &key)),
                }
            }
            let ty = type_of_expr(vm, e)?;
            let lit = bind_value(vm, &value, ty.as_ref())?;
            match (attr_str(vm, e, "key")?, attr_str(vm, e, "stem")?) {
                (Some(key), _) => Expr::Param { name: ParamName::Exact(key), value: lit },
                (None, Some(stem)) => Expr::Param { name: ParamName::Anon(stem), value: lit },
                (None, None) => Expr::Bind(lit),
            }
        }
        "null" => Expr::Null,
        "true" => Expr::BoolConst(true),
        "false" => Expr::BoolConst(false),
        "binary" => {
            let left = sub(vm, "left")?;
            let right = sub(vm, "right")?;
            let op = attr_str(vm, e, "operator")?.unwrap_or_default();
            left.compare(bin_op(vm, &op)?, right)
        }
        "unary" => Expr::Neg(Box::new(sub(vm, "element")?)),
        "and" | "or" => {
            let mut clauses = Vec::new();
            for c in attr_list(vm, e, "clauses")? {
                clauses.push(expr(vm, &c)?);
            }
            if k == "and" {
                Expr::And(clauses)
            } else {
                Expr::Or(clauses)
            }
        }
        "not" => sub(vm, "element")?.negate(),
        "as_boolean" => Expr::AsBoolean { expr: Box::new(sub(vm, "element")?), negated: attr_bool(vm, e, "negated")? },
        "like" => {
            let element = sub(vm, "element")?;
            let pattern = sub(vm, "pattern")?;
            if attr_bool(vm, e, "ilike")? {
                element.ilike(pattern)
            } else {
                let escape = attr_str(vm, e, "escape")?.and_then(|s| s.chars().next());
                Expr::Like { expr: Box::new(element), pattern: Box::new(pattern), escape, negated: false, wrapped: false }
            }
        }
        "like_parts" => {
            let element = sub(vm, "element")?;
            let value = attr_str(vm, e, "value")?.unwrap_or_default();
            let (leading, trailing, autoescape) =
                (attr_bool(vm, e, "leading")?, attr_bool(vm, e, "trailing")?, attr_bool(vm, e, "autoescape")?);
            let stem = match &element {
                Expr::Column(c) => c.name.clone(),
                _ => "param".to_owned(),
            };
            match element.like_parts(&value, leading, trailing, autoescape) {
                Expr::Like { expr, pattern, escape, negated, wrapped } => {
                    Expr::Like { expr, pattern: Box::new(name_binds(*pattern, &stem)), escape, negated, wrapped }
                }
                other => other,
            }
        }
        "in" => {
            let element = sub(vm, "element")?;
            let ty_value = attr(vm, e, "value_type")?;
            let ty = sql_type(vm, &ty_value)?;
            let mut given = attr_list(vm, e, "values")?;
            if let Some(key) = vm.getattr_opt(e, "expanding")?.and_then(|k| k.as_str().map(str::to_owned)) {
                // an expanding bindparam(): its list of values comes with the execution
                match BIND_VALUES.with(|b| b.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())) {
                    Some(list) => given = vm.iterate(&list)?,
                    None if LENIENT.with(std::cell::Cell::get) => {}
                    None => return Err(missing_bind(vm, &key)),
                }
            }
            let mut values = Vec::new();
            for v in given {
                values.push(bind_value(vm, &v, ty.as_ref())?);
            }
            Expr::In { expr: Box::new(element), values, negated: false }
        }
        "between" => {
            Expr::Between { expr: Box::new(sub(vm, "element")?), low: Box::new(sub(vm, "low")?), high: Box::new(sub(vm, "high")?) }
        }
        "function" => {
            let name = attr_str(vm, e, "name")?.unwrap_or_default();
            let mut args = Vec::new();
            for a in attr_list(vm, e, "clauses")? {
                args.push(expr(vm, &a)?);
            }
            Expr::Function { name, args }
        }
        "label" => {
            let name = match (attr_str(vm, e, "name")?, e) {
                (Some(name), _) => name,
                (None, Value::Instance(i)) => retort_sql::expr::anon_label(i.serial),
                (None, _) => String::new(),
            };
            sub(vm, "element")?.label(&name)
        }
        "cast" => {
            let ty_value = attr(vm, e, "type")?;
            match sql_type(vm, &ty_value)? {
                Some(ty) => Expr::Cast { expr: Box::new(sub(vm, "element")?), ty },
                None => return unsupported(vm, "cast() to this type"),
            }
        }
        "case" => {
            let value = match attr(vm, e, "value")? {
                Value::None => None,
                v => Some(Box::new(expr(vm, &v)?)),
            };
            let mut whens = Vec::new();
            for pair in attr_list(vm, e, "whens")? {
                let [w, r] = <[Value; 2]>::try_from(vm.unpack(&pair, 2)?).map_err(|_| vm.new_error("ValueError", "a (when, then) pair"))?;
                whens.push((expr(vm, &w)?, expr(vm, &r)?));
            }
            let else_ = match attr(vm, e, "else_")? {
                Value::None => None,
                v => Some(Box::new(expr(vm, &v)?)),
            };
            Expr::Case { value, whens, else_ }
        }
        "scalar_subquery" => {
            let inner = attr(vm, e, "element")?;
            Expr::ScalarSubquery(Box::new(select(vm, &inner)?.0))
        }
        "exists" => {
            let inner = attr(vm, e, "element")?;
            let (mut s, _) = select(vm, &inner)?;
            if s.columns.is_empty() {
                s.columns.push(Expr::Star);
            }
            Expr::Exists(Box::new(s))
        }
        "in_select" => {
            let element = sub(vm, "element")?;
            let inner = attr(vm, e, "select")?;
            Expr::InSelect { expr: Box::new(element), select: Box::new(select(vm, &inner)?.0), negated: false }
        }
        "over" => {
            let func = sub(vm, "element")?;
            let mut partition_by = Vec::new();
            for p in attr_list(vm, e, "partition_by")? {
                partition_by.push(expr(vm, &p)?);
            }
            let mut order = Vec::new();
            for o in attr_list(vm, e, "order_by")? {
                order.push(order_by(vm, &o)?);
            }
            let frame = match vm.getattr_opt(e, "frame")? {
                Some(f @ Value::Instance(_)) => Some(frame(vm, &f)?),
                _ => None,
            };
            Expr::Over { func: Box::new(func), partition_by, order_by: order, frame }
        }
        "json_getitem" => Expr::JsonGet { expr: Box::new(sub(vm, "element")?), path: Box::new(sub(vm, "path")?) },
        "filter" => Expr::Filter { func: Box::new(sub(vm, "func")?), criterion: Box::new(sub(vm, "criterion")?) },
        "distinct" => Expr::Distinct(Box::new(sub(vm, "element")?)),
        // (quoted as an identifier is: "NOCASE", nocase)
        "collation" => Expr::Literal(retort_sql::quote::quote(&attr_str(vm, e, "collation")?.unwrap_or_default())),
        "extract" => {
            let field = attr_str(vm, e, "field")?.unwrap_or_default();
            if retort_sql::expr::sqlite_extract_format(&field).is_none() && !LENIENT.with(|l| l.get()) {
                return Err(sa_error(vm, "CompileError", format!("{field} is not a valid extract argument.")));
            }
            Expr::Extract { field, expr: Box::new(sub(vm, "expr")?) }
        }
        "literal_column" => Expr::Literal(attr_str(vm, e, "text")?.unwrap_or_default()),
        "type_coerce" => sub(vm, "element")?,
        "tuple_in" => {
            let tuple = attr(vm, e, "tuple")?;
            let clauses = attr_list(vm, &tuple, "clauses")?;
            let mut exprs = Vec::new();
            let mut types = Vec::new();
            for c in &clauses {
                exprs.push(expr(vm, c)?);
                types.push(type_of_expr(vm, c)?);
            }
            let mut rows = Vec::new();
            for row in attr_list(vm, e, "rows")? {
                let mut out = Vec::new();
                for (i, v) in vm.iterate(&row)?.iter().enumerate() {
                    out.push(bind_value(vm, v, types.get(i).and_then(Option::as_ref))?);
                }
                rows.push(out);
            }
            Expr::TupleIn { exprs, rows, negated: false }
        }
        "label_reference" => Expr::Literal(attr_str(vm, e, "name")?.unwrap_or_default()),
        other => return unsupported(vm, format!("{other} expressions")),
    })
}

/// A Python `CompoundSelect` (`union`, `union_all`...), with the result
/// columns of its first SELECT.
pub fn compound_select(vm: &mut Vm, c: &Value) -> PyResult<(CompoundSelect, Vec<Selected>)> {
    let op = match attr_str(vm, c, "keyword")?.as_deref() {
        Some("union") => SetOp::Union,
        Some("union_all") => SetOp::UnionAll,
        Some("intersect") => SetOp::Intersect,
        _ => SetOp::Except,
    };
    let mut selects = Vec::new();
    let mut columns = None;
    for s in attr_list(vm, c, "selects")? {
        let (select, selected) = select(vm, &s)?;
        columns.get_or_insert(selected);
        selects.push(select);
    }
    let mut order = Vec::new();
    for o in attr_list(vm, c, "order_by_clauses")? {
        order.push(order_by(vm, &o)?);
    }
    let (limit, offset) = limit_offset(vm, c)?;
    Ok((CompoundSelect { op, selects, order_by: order, limit, offset }, columns.unwrap_or_default()))
}

fn limit_offset(vm: &mut Vm, s: &Value) -> PyResult<(Option<i64>, Option<i64>)> {
    let get = |vm: &mut Vm, name: &str| -> PyResult<Option<i64>> {
        Ok(match attr(vm, s, name)? {
            Value::Int(i) => Some(i),
            _ => None,
        })
    };
    Ok((get(vm, "limit_value")?, get(vm, "offset_value")?))
}

/// Mirrors how a SELECT resolves `order_by("name")`: a label of its
/// columns stays a bare name; a column of that name becomes the column.
fn resolve_names(item: OrderBy, columns: &[Expr]) -> OrderBy {
    let resolve = |e: Expr| match e {
        Expr::Literal(name) if !columns.iter().any(|c| matches!(c, Expr::Label { name: l, .. } if *l == name)) => {
            columns.iter().find(|c| matches!(c, Expr::Column(col) if col.name == name)).cloned().unwrap_or(Expr::Literal(name))
        }
        other => other,
    };
    match item {
        OrderBy::Plain(e) => OrderBy::Plain(resolve(e)),
        OrderBy::Asc(e) => OrderBy::Asc(resolve(e)),
        OrderBy::Desc(e) => OrderBy::Desc(resolve(e)),
        OrderBy::Nulls(inner, first) => OrderBy::Nulls(Box::new(resolve_names(*inner, columns)), first),
    }
}

/// The binds of `e` named after `stem` (for the default dialect's `:name_1`).
fn name_binds(e: Expr, stem: &str) -> Expr {
    match e {
        Expr::Bind(value) => Expr::Param { name: ParamName::Anon(stem.to_owned()), value },
        Expr::Binary { left, op, right } => {
            Expr::Binary { left: Box::new(name_binds(*left, stem)), op, right: Box::new(name_binds(*right, stem)) }
        }
        other => other,
    }
}

/// An ORDER BY label that is not one of the select's own label objects
/// orders by its expression (SQLAlchemy compares the objects; under
/// `asc()`/`desc()` a label orders by its name whenever that name is selected).
fn unselected_label(vm: &mut Vm, o: &Value, labels: &[Value]) -> PyResult<Value> {
    if !labels.iter().any(|l| l.is(o)) {
        return attr(vm, o, "element");
    }
    Ok(o.clone())
}

fn order_by(vm: &mut Vm, o: &Value) -> PyResult<OrderBy> {
    Ok(match kind(vm, o)?.as_str() {
        "asc" => {
            let e = attr(vm, o, "element")?;
            OrderBy::Asc(expr(vm, &e)?)
        }
        "desc" => {
            let e = attr(vm, o, "element")?;
            OrderBy::Desc(expr(vm, &e)?)
        }
        "nulls" => {
            let inner = attr(vm, o, "element")?;
            let first = attr_bool(vm, o, "first")?;
            OrderBy::Nulls(Box::new(order_by(vm, &inner)?), first)
        }
        _ => OrderBy::Plain(expr(vm, o)?),
    })
}

/// A selected column: its expression, the key it is known by in the result
/// and the type its values are read back with.
pub struct Selected {
    pub key: String,
    pub ty: Option<SqlType>,
    /// The script's type object (an Enum's names its class).
    pub py_type: Value,
}

/// A Python `Select` as the SQL layer's select, and its result columns.
pub fn select(vm: &mut Vm, s: &Value) -> PyResult<(Select, Vec<Selected>)> {
    CTE_SCOPES.with(|scopes| scopes.borrow_mut().push(Vec::new()));
    let r = select_in_scope(vm, s);
    let ctes = CTE_SCOPES.with(|scopes| scopes.borrow_mut().pop()).unwrap_or_default();
    let (mut out, selected) = r?;
    for (name, item) in ctes {
        if out.from.iter().any(|f| f.covers(&name)) {
            continue;
        }
        match from_item(vm, &item)? {
            // a table's alias stays where the columns imply it
            FromItem::Table { name: table, alias: Some(alias) } => out.aliases.push((alias, table)),
            other => out.from.push(other),
        }
    }
    Ok((out, selected))
}

fn select_in_scope(vm: &mut Vm, s: &Value) -> PyResult<(Select, Vec<Selected>)> {
    let mut out = Select::default();
    match attr_str(vm, s, "label_style")?.as_deref() {
        Some("tablename_plus_col") => out.label_style = LabelStyle::TablenamePlusCol,
        Some("none") => out.label_style = LabelStyle::None,
        _ => {}
    }
    let mut selected = Vec::new();
    for c in attr_list(vm, s, "columns")? {
        if matches!(kind(vm, &c)?.as_str(), "table" | "alias" | "subquery" | "join" | "cte") {
            for col in attr_list(vm, &c, "columns_list")? {
                let py_type = attr(vm, &col, "type")?;
                selected.push(Selected { key: attr_str(vm, &col, "key")?.unwrap_or_default(), ty: sql_type(vm, &py_type)?, py_type });
                out.columns.push(column_ref(vm, &col)?);
            }
            continue;
        }
        let key = match vm.getattr_opt(&c, "key")? {
            Some(Value::Str(k)) => k.as_str().to_owned(),
            _ => String::new(),
        };
        let py_type = vm.getattr_opt(&c, "type")?.unwrap_or(Value::None);
        let ty = if matches!(py_type, Value::None) { None } else { sql_type(vm, &py_type)? };
        selected.push(Selected { key, ty, py_type });
        out.columns.push(expr(vm, &c)?);
    }
    for f in attr_list(vm, s, "froms")? {
        out.from.push(from_item(vm, &f)?);
    }
    for w in attr_list(vm, s, "where_criteria")? {
        out.where_.push(expr(vm, &w)?);
    }
    for g in attr_list(vm, s, "group_by_clauses")? {
        out.group_by.push(expr(vm, &g)?);
    }
    for h in attr_list(vm, s, "having_criteria")? {
        out.having.push(expr(vm, &h)?);
    }
    // a label orders by its name only when it is the very label selected (SQLAlchemy
    // compares the objects: `Person.full_name` read twice is two labels)
    let mut labels: Option<Vec<Value>> = None;
    for o in attr_list(vm, s, "order_by_clauses")? {
        let o = if kind(vm, &o)? == "label" {
            if labels.is_none() {
                let mut found = Vec::new();
                for c in attr_list(vm, s, "columns")? {
                    if kind(vm, &c)? == "label" {
                        found.push(c);
                    }
                }
                labels = Some(found);
            }
            unselected_label(vm, &o, labels.as_deref().unwrap_or_default())?
        } else {
            o
        };
        let item = order_by(vm, &o)?;
        out.order_by.push(resolve_names(item, &out.columns));
    }
    (out.limit, out.offset) = limit_offset(vm, s)?;
    out.for_update = matches!(vm.getattr_opt(s, "_for_update")?, Some(Value::Bool(true)));
    out.distinct = attr_bool(vm, s, "is_distinct")?;
    // anonymous result keys, as SQLAlchemy names unlabelled expressions
    let mut counts = std::collections::HashMap::<String, u32>::new();
    for (sel, col) in selected.iter_mut().zip(&out.columns) {
        if sel.key.is_empty() {
            let stem = match col {
                Expr::Function { name, .. } => name.clone(),
                _ => "anon".to_owned(),
            };
            let n = counts.entry(stem.clone()).or_insert(0);
            *n += 1;
            sel.key = format!("{stem}_{n}");
        }
    }
    Ok((out, selected))
}
