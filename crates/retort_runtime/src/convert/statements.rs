//! SELECTs and compound SELECTs: the script's statement objects as
//! `retort_sql` statements, with the columns they return (`Selected`).

use retort_python::{PyResult, Value, Vm};
use retort_sql::expr::{CompoundSelect, Correlation, Expr, FromItem, FromName, LabelStyle, OrderBy, ParamName, Select, SetOp};
use retort_sql::types::SqlType;

use super::*;

/// A Python `CompoundSelect` (`union`, `union_all`...), with the result
/// columns of its first SELECT.
pub fn compound_select(vm: &mut Vm, cx: &mut Conversion, c: &Value) -> PyResult<(CompoundSelect, Vec<Selected>)> {
    let op = match attr_str(vm, c, "keyword")?.as_deref() {
        Some("union") => SetOp::Union,
        Some("union_all") => SetOp::UnionAll,
        Some("intersect") => SetOp::Intersect,
        Some("intersect_all") => SetOp::IntersectAll,
        Some("except_all") => SetOp::ExceptAll,
        _ => SetOp::Except,
    };
    let mut selects = Vec::new();
    let mut columns = None;
    for s in attr_list(vm, c, "selects")? {
        let (select, selected) = select(vm, cx, &s)?;
        columns.get_or_insert(selected);
        selects.push(select);
    }
    let mut order = Vec::new();
    for o in attr_list(vm, c, "order_by_clauses")? {
        order.push(order_by(vm, cx, &o)?);
    }
    let (limit, offset) = limit_offset(vm, c)?;
    Ok((CompoundSelect { op, selects, order_by: order, limit, offset }, columns.unwrap_or_default()))
}

pub(super) fn limit_offset(vm: &mut Vm, s: &Value) -> PyResult<(Option<i64>, Option<i64>)> {
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
pub(super) fn resolve_names(item: OrderBy, columns: &[Expr]) -> OrderBy {
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
pub(super) fn name_binds(e: Expr, stem: &str) -> Expr {
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
pub(super) fn unselected_label(vm: &mut Vm, o: &Value, labels: &[Value]) -> PyResult<Value> {
    if !labels.iter().any(|l| l.is(o)) {
        return attr(vm, o, "element");
    }
    Ok(o.clone())
}

pub(super) fn order_by(vm: &mut Vm, cx: &mut Conversion, o: &Value) -> PyResult<OrderBy> {
    Ok(match kind(vm, o)?.as_str() {
        "asc" => {
            let e = attr(vm, o, "element")?;
            OrderBy::Asc(expr(vm, cx, &e)?)
        }
        "desc" => {
            let e = attr(vm, o, "element")?;
            OrderBy::Desc(expr(vm, cx, &e)?)
        }
        "nulls" => {
            let inner = attr(vm, o, "element")?;
            let first = attr_bool(vm, o, "first")?;
            OrderBy::Nulls(Box::new(order_by(vm, cx, &inner)?), first)
        }
        _ => OrderBy::Plain(expr(vm, cx, o)?),
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
pub fn select(vm: &mut Vm, cx: &mut Conversion, s: &Value) -> PyResult<(Select, Vec<Selected>)> {
    cx.cte_scopes.push(Vec::new());
    let r = select_in_scope(vm, cx, s);
    let ctes = cx.cte_scopes.pop().unwrap_or_default();
    let (mut out, selected) = r?;
    for (name, item) in ctes {
        if out.from.iter().any(|f| f.covers(&name)) {
            continue;
        }
        match from_item(vm, cx, &item)? {
            // a table's alias stays where the columns imply it
            FromItem::Table { name: table, alias: Some(alias) } => out.aliases.push((alias, table)),
            other => out.from.push(other),
        }
    }
    Ok((out, selected))
}

pub(super) fn select_in_scope(vm: &mut Vm, cx: &mut Conversion, s: &Value) -> PyResult<(Select, Vec<Selected>)> {
    let mut out = Select::default();
    match attr_str(vm, s, "label_style")?.as_deref() {
        Some("tablename_plus_col") => out.label_style = LabelStyle::TablenamePlusCol,
        Some("none") => out.label_style = LabelStyle::None,
        _ => {}
    }
    let mut selected = Vec::new();
    // a join among the columns is a FROM item of its own (`select(a.join(b))`)
    let mut implied = Vec::new();
    for c in attr_list(vm, s, "columns")? {
        let k = kind(vm, &c)?;
        if k == "join" {
            implied.push(from_item(vm, cx, &c)?);
        }
        if matches!(k.as_str(), "table" | "alias" | "subquery" | "join" | "cte" | "table_valued_alias") {
            for col in attr_list(vm, &c, "columns_list")? {
                let py_type = attr(vm, &col, "type")?;
                selected.push(Selected { key: attr_str(vm, &col, "key")?.unwrap_or_default(), ty: sql_type(vm, &py_type)?, py_type });
                out.columns.push(column_ref(vm, cx, &col)?);
            }
            continue;
        }
        let key = match vm.getattr_opt(&c, if k == "text" { "text" } else { "key" })? {
            // (a text() column is keyed by its text)
            Some(Value::Str(k)) => k.as_str().to_owned(),
            _ => String::new(),
        };
        let py_type = vm.getattr_opt(&c, "type")?.unwrap_or(Value::None);
        let ty = if matches!(py_type, Value::None) { None } else { sql_type(vm, &py_type)? };
        selected.push(Selected { key, ty, py_type });
        out.columns.push(expr(vm, cx, &c)?);
    }
    for f in attr_list(vm, s, "froms")? {
        out.from.push(from_item(vm, cx, &f)?);
    }
    let mut front = Vec::new();
    for item in implied {
        if !out.from.iter().chain(&front).any(|f| f.overlaps(&item)) {
            front.push(item);
        }
    }
    out.from.splice(0..0, front);
    for w in attr_list(vm, s, "where_criteria")? {
        out.where_.push(expr(vm, cx, &w)?);
    }
    if vm.getattr_opt(s, "_orm_entities")?.is_some_and(|e| !e.is_none()) {
        for w in attr_list(vm, s, "_entity_criteria")? {
            out.where_.push(expr(vm, cx, &w)?);
        }
    }
    for g in attr_list(vm, s, "group_by_clauses")? {
        // group_by("name") names a column of the SELECT, as order_by("name") does
        let OrderBy::Plain(g) = resolve_names(OrderBy::Plain(expr(vm, cx, &g)?), &out.columns) else {
            unreachable!("a plain item stays plain")
        };
        out.group_by.push(g);
    }
    for h in attr_list(vm, s, "having_criteria")? {
        out.having.push(expr(vm, cx, &h)?);
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
        let item = order_by(vm, cx, &o)?;
        out.order_by.push(resolve_names(item, &out.columns));
    }
    (out.limit, out.offset) = limit_offset(vm, s)?;
    out.for_update = matches!(vm.getattr_opt(s, "_for_update")?, Some(Value::Bool(true)));
    out.origin = s.identity();
    if matches!(vm.getattr_opt(s, "_auto_correlate")?, Some(Value::Bool(false))) {
        let only = attr(vm, s, "_correlate")?;
        let only = from_names(vm, cx, &only)?;
        let except = match attr(vm, s, "_correlate_except")? {
            Value::None => None,
            e => Some(from_names(vm, cx, &e)?),
        };
        out.correlation = Some(Correlation { only, except });
    }
    out.distinct = attr_bool(vm, s, "is_distinct")?;
    // anonymous result keys, as SQLAlchemy names unlabelled expressions
    let mut counts = std::collections::HashMap::<String, u32>::new();
    for (sel, col) in selected.iter_mut().zip(&out.columns) {
        if sel.key.is_empty() {
            let stem = col.function_name().unwrap_or("anon").to_owned();
            let n = counts.entry(stem.clone()).or_insert(0);
            *n += 1;
            sel.key = format!("{stem}_{n}");
        }
    }
    Ok((out, selected))
}

/// The names of the FROM items in `froms` (a sequence of tables, aliases, subqueries).
fn from_names(vm: &mut Vm, cx: &mut Conversion, froms: &Value) -> PyResult<Vec<FromName>> {
    let mut out = Vec::new();
    for f in vm.iterate(froms)? {
        out.extend(from_item(vm, cx, &f)?.names());
    }
    Ok(out)
}
