//! Type objects (`String(30)`, `Integer()`, a `TypeDecorator`) as the SQL
//! layer's types, and the type of an expression.

use std::rc::Rc;

use retort_python::{PyResult, Value, Vm};
use retort_sql::types::SqlType;

use super::*;

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
pub(super) fn uncollated_type(vm: &mut Vm, ty: &Value, names: &[Rc<str>]) -> PyResult<Option<SqlType>> {
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
