//! Values across the boundary: a Python value bound for a column's type
//! (its processors, a TypeDecorator's `process_bind_param`), and a stored
//! value read back as the Python value SQLAlchemy's result processors give.

use std::rc::Rc;

use retort_python::{PyResult, Value, Vm};
use retort_sql::expr::Literal;
use retort_sql::types::SqlType;
use retort_sql::value::{Json, SqlValue};

use super::*;

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
            _ => {
                let name = vm.type_of(value).name.clone();
                Err(vm.new_error("NotImplementedError", format!("Retort does not support binding a Python {name} without a type yet")))
            }
        },
    }
}

pub(super) fn int_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<i64> {
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

pub(super) fn to_sql_value(vm: &mut Vm, value: &Value) -> PyResult<SqlValue> {
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
pub(super) fn to_json(vm: &mut Vm, value: &Value) -> PyResult<Json> {
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

pub(super) fn from_json(vm: &mut Vm, doc: &Json) -> PyResult<Value> {
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
pub(super) fn construct(vm: &mut Vm, module: &str, name: &str, args: Vec<Value>) -> PyResult<Value> {
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
pub(super) fn numeric_result(vm: &mut Vm, ty: &SqlType, py_type: &Value) -> PyResult<Option<Option<u32>>> {
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
pub(super) const DEFAULT_DECIMAL_RETURN_SCALE: u32 = 10;

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
