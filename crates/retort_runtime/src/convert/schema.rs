//! The script's `Table`s, columns, constraints and indexes as the SQL
//! layer's schema (each table converted once per run).

use std::rc::Rc;

use retort_python::{PyResult, Value, Vm};
use retort_sql::schema::{Column, Constraint, ForeignKey, Index, PrimaryKey, ServerDefault, Table, TableArg};
use retort_sql::types::SqlType;

use super::*;

/// A Python `Table` as the SQL layer's table (converted once per run).
pub fn table(vm: &mut Vm, t: &Value) -> PyResult<Rc<Table>> {
    if let Some(hit) = TABLES.with(|c| c.borrow().iter().find(|(v, _)| same_object(v, t)).map(|(_, table)| table.clone())) {
        return Ok(hit);
    }
    let table = Rc::new(convert_table(vm, t)?);
    TABLES.with(|c| c.borrow_mut().push((t.clone(), table.clone())));
    Ok(table)
}

/// Forgets a table's conversion (its Python object changed: a column added).
pub fn forget_table(t: &Value) {
    TABLES.with(|c| c.borrow_mut().retain(|(v, _)| !same_object(v, t)));
}

pub(super) fn convert_table(vm: &mut Vm, t: &Value) -> PyResult<Table> {
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

pub(super) fn names(vm: &mut Vm, obj: &Value, attr_name: &str) -> PyResult<Vec<String>> {
    Ok(attr_list(vm, obj, attr_name)?.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
}

pub(super) fn constraint(vm: &mut Vm, c: &Value) -> PyResult<TableArg> {
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

pub(super) fn index(vm: &mut Vm, ix: &Value) -> PyResult<Index> {
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
                let e = expr(vm, &mut Conversion::default(), &d)?;
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
