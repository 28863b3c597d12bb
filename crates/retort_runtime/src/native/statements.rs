//! Statements compiled for the engine: the script's statement and
//! parameters converted and compiled, column defaults applied, and the
//! plans kept for plain inserts run again and again.

use std::cell::RefCell;
use std::rc::Rc;

use retort_python::{Args, PyResult, Value, Vm};
use retort_sql::compiler::{self, Compiled, Dialect, Statement};
use retort_sql::expr::{Delete, Expr, Insert, InsertSource, Literal, OnConflict, ParamName, Update};
use retort_sql::schema::Table;
use retort_sql::types::SqlType;

use crate::convert::{self, attr, attr_list, attr_str, kind, Conversion};

use super::*;

/// Names of a dict's keys: column names, or `Column` objects' names.
pub(super) fn column_name(vm: &mut Vm, key: &Value) -> PyResult<String> {
    match key {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        other => Ok(attr_str(vm, other, "name")?.unwrap_or_default()),
    }
}

/// One row of values for a DML statement: each value an expression, or a
/// Python value bound with its column's type.
pub(super) fn value_row(vm: &mut Vm, cx: &mut Conversion, table: &Table, pairs: Vec<(Value, Value)>) -> PyResult<Vec<(String, Expr)>> {
    let mut row = Vec::new();
    for (k, v) in pairs {
        let name = column_name(vm, &k)?;
        let other_table = match vm.getattr_opt(&k, "table")? {
            Some(t) if !matches!(k, Value::Str(_)) => attr_str(vm, &t, "name")?.filter(|n| *n != table.name),
            _ => None,
        };
        if let Some(other) = other_table {
            // (only MySQL's UPDATE sets another table's columns)
            return Err(convert::sa_error(
                vm,
                "CompileError",
                format!("Backend does not support additional tables in the SET clause; cannot include columns from table(s) '{other}' in SET clause"),
            ));
        }
        let Some(column) = table.column(&name) else {
            return Err(convert::sa_error(vm, "CompileError", format!("Unconsumed column names: {name}")));
        };
        let expr = if convert::is_a(vm, &v, "ClauseElement") {
            convert::expr(vm, cx, &v)?
        } else {
            Expr::Bind(convert::bind_value(vm, &v, Some(&column.ty))?)
        };
        row.push((name, expr));
    }
    Ok(row)
}

/// A statement compiled for one row of parameters, with the types of its
/// result columns.
pub(super) struct Prepared {
    pub(super) compiled: Compiled,
    /// The result columns (for a SELECT, or an INSERT/UPDATE/DELETE's RETURNING).
    pub(super) columns: Vec<convert::Selected>,
    pub(super) dml: bool,
}

/// The RETURNING columns: names, SQL types and the script's type objects.
pub(super) fn returning(vm: &mut Vm, stmt: &Value, table: &Table) -> PyResult<Vec<convert::Selected>> {
    let mut out = Vec::new();
    for c in attr_list(vm, stmt, "returning_columns")? {
        let key = column_name(vm, &c)?;
        let ty = table.column(&key).map(|c| c.ty.clone());
        let py_type = if matches!(c, Value::Str(_)) { Value::None } else { vm.getattr_opt(&c, "type")?.unwrap_or(Value::None) };
        out.push(convert::Selected { key, ty, py_type });
    }
    Ok(out)
}

/// Compiles `stmt` with one row of `params` (a dict, or None).
pub(super) fn prepare(vm: &mut Vm, stmt: &Value, params: &Value) -> PyResult<Prepared> {
    prepare_with(vm, stmt, params, Dialect::Sqlite)
}

/// Compiles for SQLite, or to show the statement in a dialect (`str()`:
/// the default one), when a `bindparam()` without a value is no error.
pub(super) fn prepare_with(vm: &mut Vm, stmt: &Value, params: &Value, dialect: Dialect) -> PyResult<Prepared> {
    let named = dialect != Dialect::Sqlite;
    let prepared = prepare_inner(vm, &mut Conversion::new(named), stmt, params, dialect)?;
    // (`str(statement)` compiles afresh each time; an execution once)
    if !prepared.compiled.warnings.is_empty() && (named || convert::first_compile(&prepared.compiled.sql)) {
        for warning in &prepared.compiled.warnings {
            sa_warning(vm, warning)?;
        }
    }
    Ok(prepared)
}

/// Converts and compiles `stmt` with one row of `params`, in the conversion `cx`.
pub(super) fn prepare_inner(vm: &mut Vm, cx: &mut Conversion, stmt: &Value, params: &Value, dialect: Dialect) -> PyResult<Prepared> {
    let named = dialect != Dialect::Sqlite;
    match kind(vm, stmt)?.as_str() {
        "select" => {
            let given = mapping_pairs(vm, params)?;
            cx.set_bind_values(given);
            let (select, selected) = convert::select(vm, cx, stmt)?;
            let compiled = if named {
                compiler::compile(dialect, Statement::Select(&select)).map_err(|e| sql_err(vm, e))?
            } else {
                compiler::select(&select).map_err(|e| sql_err(vm, e))?
            };
            Ok(Prepared { compiled, columns: selected, dml: false })
        }
        "compound_select" => {
            let (compound, selected) = convert::compound_select(vm, cx, stmt)?;
            let compiled = if named {
                compiler::compile(dialect, Statement::Compound(&compound)).map_err(|e| sql_err(vm, e))?
            } else {
                compiler::compound_select(&compound).map_err(|e| sql_err(vm, e))?
            };
            Ok(Prepared { compiled, columns: selected, dml: false })
        }
        "insert" | "update" | "delete" => {
            let k = kind(vm, stmt)?;
            let table_value = attr(vm, stmt, "table")?;
            let table = convert::table(vm, &table_value)?;
            let columns = returning(vm, stmt, &table)?;
            let keys: Vec<String> = columns.iter().map(|c| c.key.clone()).collect();
            // execution parameters name columns, or bindparam()s in the statement
            let (extra, binds): (Vec<_>, Vec<_>) = mapping_pairs(vm, params)?.into_iter().partition(|(k, _)| match k {
                Value::Str(s) => table.column(s.as_str()).is_some(),
                _ => true,
            });
            cx.set_bind_values(binds);
            let mut rows = Vec::new();
            for r in attr_list(vm, stmt, "value_rows")? {
                let p = mapping_pairs(vm, &r)?;
                rows.push(value_row(vm, cx, &table, p)?);
            }
            let extra = value_row(vm, cx, &table, extra)?;
            if rows.is_empty() {
                rows.push(Vec::new());
            }
            for (name, e) in extra {
                for row in &mut rows {
                    row.retain(|(n, _)| *n != name);
                    row.push((name.clone(), e.clone()));
                }
            }
            if named {
                // the default dialect names a column's value after the column,
                // and an INSERT without values lists every column
                if k == "insert" && rows.len() == 1 && rows[0].is_empty() {
                    rows[0] = table.columns.iter().map(|c| (c.name.clone(), Expr::Bind(Literal::None))).collect();
                }
                for row in &mut rows {
                    for (name, e) in row.iter_mut() {
                        if let Expr::Bind(v) = e {
                            *e = Expr::Param { name: ParamName::Exact(name.clone()), value: v.clone() };
                        }
                    }
                }
            }
            let mut where_ = Vec::new();
            for w in attr_list(vm, stmt, "where_criteria")? {
                where_.push(convert::expr(vm, cx, &w)?);
            }
            let compiled = match k.as_str() {
                "insert" => {
                    let source = match attr(vm, stmt, "from_select_query")? {
                        Value::None => {
                            if !named {
                                defaults(vm, &table_value, &mut rows)?;
                            }
                            InsertSource::Values(rows)
                        }
                        query => {
                            let columns =
                                attr_list(vm, stmt, "from_select_names")?.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect();
                            InsertSource::Select { columns, select: Box::new(convert::select(vm, cx, &query)?.0) }
                        }
                    };
                    let on_conflict = on_conflict(vm, cx, stmt, &table)?;
                    // prefix_with(): those for every dialect, and SQLite's when executed
                    let mut prefixes = Vec::new();
                    for p in attr_list(vm, stmt, "_prefixes")? {
                        if let Value::Tuple(pair) = &p {
                            let (text, dialect) = (pair[0].as_str().unwrap_or(""), pair[1].as_str().unwrap_or("*"));
                            if dialect == "*" || (dialect == "sqlite" && !named) {
                                prefixes.push(text.to_owned());
                            }
                        }
                    }
                    let insert = Insert { table: table.name.clone(), source, returning: keys.clone(), on_conflict, prefixes };
                    if named { compiler::compile(dialect, Statement::Insert(&insert, &table)) } else { compiler::insert(&insert, &table) }
                        .map_err(|e| sql_err(vm, e))?
                }
                "update" => {
                    let mut values = rows.into_iter().next().unwrap_or_default();
                    if !named {
                        // Column(onupdate=...): the columns the statement leaves alone
                        let table_value = attr(vm, stmt, "table")?;
                        let onupdate = column_defaults_of(vm, &table_value, "onupdate")?;
                        apply_defaults(vm, &onupdate, &mut values)?;
                    }
                    let ordered = matches!(vm.getattr_opt(stmt, "ordered")?, Some(Value::Bool(true)));
                    let update = Update { table: table.name.clone(), values, ordered, where_, returning: keys.clone() };
                    if named { compiler::compile(dialect, Statement::Update(&update, &table)) } else { compiler::update(&update, &table) }
                        .map_err(|e| sql_err(vm, e))?
                }
                _ => {
                    let mut using = Vec::new();
                    for f in attr_list(vm, stmt, "_using")? {
                        using.push(convert::from_item(vm, cx, &f)?);
                    }
                    let delete = Delete { table: table.name.clone(), where_, returning: keys.clone(), using };
                    if named {
                        compiler::compile(dialect, Statement::Delete(&delete)).map_err(|e| sql_err(vm, e))?
                    } else {
                        compiler::delete(&delete).map_err(|e| sql_err(vm, e))?
                    }
                }
            };
            Ok(Prepared { compiled, columns, dml: true })
        }
        "text" if named => {
            let sql = attr_str(vm, stmt, "text")?.unwrap_or_default();
            Ok(Prepared { compiled: Compiled { sql, ..Compiled::default() }, columns: Vec::new(), dml: false })
        }
        "text" => {
            let sql = attr_str(vm, stmt, "text")?.unwrap_or_default();
            if let Value::Tuple(values) = params {
                // exec_driver_sql("... ?", (1,)): the driver's positional parameters, as given
                let mut literals = Vec::new();
                for v in values.iter() {
                    literals.push(convert::bind_value(vm, v, None)?);
                }
                let dml = is_dml(&sql);
                return Ok(Prepared { compiled: Compiled { sql, params: literals, ..Compiled::default() }, columns: Vec::new(), dml });
            }
            let mut binds = Vec::new();
            let own = attr(vm, stmt, "binds")?;
            for (k, v) in mapping_pairs(vm, &own)?.into_iter().chain(mapping_pairs(vm, params)?) {
                binds.push((column_name(vm, &k)?, convert::bind_value(vm, &v, None)?));
            }
            let compiled = retort_sql::text::compile(&sql, &binds).map_err(|e| sql_err(vm, e))?;
            let dml = is_dml(&sql);
            Ok(Prepared { compiled, columns: Vec::new(), dml })
        }
        other => Err(vm.new_error("ArgumentError", format!("Not an executable object: {other}"))),
    }
}

/// `_on_conflict` of a `sqlalchemy.dialects.sqlite` insert: `(index_elements,
/// set_ or None, where or None)`, index elements as column names, `set_` as
/// (column name, value) pairs.
pub(super) fn on_conflict(vm: &mut Vm, cx: &mut Conversion, stmt: &Value, table: &Table) -> PyResult<Option<OnConflict>> {
    let spec = match vm.getattr_opt(stmt, "_on_conflict")? {
        None | Some(Value::None) => return Ok(None),
        Some(v) => vm.iterate(&v)?,
    };
    let target = vm.iterate(&spec[0])?.iter().map(|n| n.as_str().unwrap_or_default().to_owned()).collect();
    let set = match &spec[1] {
        Value::None => None,
        pairs => {
            let mut given = Vec::new();
            for pair in vm.iterate(pairs)? {
                let pair = vm.iterate(&pair)?;
                given.push((pair[0].clone(), pair[1].clone()));
            }
            Some(value_row(vm, cx, table, given)?)
        }
    };
    let where_ = match &spec[2] {
        Value::None => Vec::new(),
        w => vec![convert::expr(vm, cx, w)?],
    };
    Ok(Some(OnConflict { target, set, where_ }))
}

/// A column's Python-side default (`Column(default=0)`, or a callable).
pub(super) struct Default {
    pub(super) name: String,
    pub(super) value: Value,
    pub(super) ty: Option<SqlType>,
}

pub(super) fn column_defaults(vm: &mut Vm, table: &Value) -> PyResult<Vec<Default>> {
    column_defaults_of(vm, table, "default")
}

/// Each column's `default` or `onupdate`, when it has one.
pub(super) fn column_defaults_of(vm: &mut Vm, table: &Value, which: &str) -> PyResult<Vec<Default>> {
    let mut out = Vec::new();
    for c in attr_list(vm, table, "columns_list")? {
        let value = attr(vm, &c, which)?;
        if !matches!(value, Value::None) {
            out.push(Default { name: attr_str(vm, &c, "name")?.unwrap_or_default(), ty: convert::type_of_expr(vm, &c)?, value });
        }
    }
    Ok(out)
}

/// Adds the defaults of the columns a row leaves out.
pub(super) fn apply_defaults(vm: &mut Vm, defaults: &[Default], row: &mut Vec<(String, Expr)>) -> PyResult<()> {
    for d in defaults {
        if !row.iter().any(|(n, _)| *n == d.name) {
            if vm.getattr_opt(&d.value, "__visit_name__")?.is_some() {
                // a SQL expression default (`default=func.now()`) is rendered in the statement
                let e = convert::expr(vm, &mut Conversion::new(false), &d.value)?;
                row.push((d.name.clone(), e));
                continue;
            }
            let value = if vm.type_of(&d.value).name.as_ref() == "function" || matches!(d.value, Value::Native(_)) {
                vm.call(&d.value, Args::default())?
            } else {
                d.value.clone()
            };
            row.push((d.name.clone(), Expr::Bind(convert::bind_value(vm, &value, d.ty.as_ref())?)));
        }
    }
    Ok(())
}

pub(super) fn defaults(vm: &mut Vm, table: &Value, rows: &mut [Vec<(String, Expr)>]) -> PyResult<()> {
    let defaults = column_defaults(vm, table)?;
    for row in rows.iter_mut() {
        apply_defaults(vm, &defaults, row)?;
    }
    Ok(())
}

/// How a plain `insert(table)` (no `values()`, no `from_select`) runs with
/// parameter rows naming the same columns: compiled once, each row's values
/// bound in the table's column order. Kept per statement object, so a loop of
/// `conn.execute(stmt, {...})` compiles once, as SQLAlchemy's compiled cache does.
pub(super) struct InsertPlan {
    pub(super) prepared: Prepared,
    /// Its SQL, which the log shares with each run's event.
    pub(super) sql: std::sync::Arc<str>,
    pub(super) table: Rc<Table>,
    pub(super) defaults: Vec<Default>,
    /// The bound columns, in the compiled statement's order.
    pub(super) names: Vec<String>,
    /// Whether one of them is a primary key column (rows name no others).
    pub(super) binds_primary_key: bool,
    /// Their types, in the same order: plain values of those without a bind
    /// processor are taken as they are.
    pub(super) types: Vec<Option<(SqlType, bool)>>,
}

impl InsertPlan {
    /// The plan for `stmt` compiled with `first` (its first parameter row),
    /// or `None` when the statement is not a plain insert.
    pub(super) fn new(vm: &mut Vm, stmt: &Value, first: &Value) -> PyResult<Option<(InsertPlan, Vec<Literal>)>> {
        if kind(vm, stmt)? != "insert"
            || !attr_list(vm, stmt, "value_rows")?.is_empty()
            || !matches!(attr(vm, stmt, "from_select_query")?, Value::None)
            || !attr_list(vm, stmt, "returning_columns")?.is_empty()
        {
            return Ok(None);
        }
        let table_value = attr(vm, stmt, "table")?;
        let table = convert::table(vm, &table_value)?;
        let defaults = column_defaults(vm, &table_value)?;
        // which columns the first row binds (its callable defaults are called by the compile below)
        let pairs = mapping_pairs(vm, first)?;
        let row = value_row(vm, &mut Conversion::default(), &table, pairs)?;
        if row.iter().any(|(_, e)| !matches!(e, Expr::Bind(_))) {
            return Ok(None);
        }
        let bound = |name: &str| row.iter().any(|(n, _)| n == name) || defaults.iter().any(|d| d.name == name);
        let names: Vec<String> = table.columns.iter().filter(|c| bound(&c.name)).map(|c| c.name.clone()).collect();
        let prepared = prepare(vm, stmt, first)?;
        if prepared.compiled.params.len() != names.len() {
            return Ok(None);
        }
        let params = prepared.compiled.params.clone();
        let binds_primary_key = names.iter().any(|n| table.column(n).is_some_and(|c| c.primary_key));
        let types = names.iter().map(|n| table.column(n).map(|c| (c.ty.clone(), retort_sql::process::passes_plain(&c.ty)))).collect();
        let sql = prepared.compiled.sql.as_str().into();
        Ok(Some((InsertPlan { prepared, sql, table, defaults, names, binds_primary_key, types }, params)))
    }

    /// `bind`'s quick way for the usual row: a dict of exactly the plan's
    /// columns, by name, to plain values (no Python-side defaults to call).
    /// `None`: the row takes the general way.
    pub(super) fn bind_plain(&self, vm: &mut Vm, params: &Value) -> PyResult<Option<Vec<Literal>>> {
        let Some(pairs) = self.plain_pairs(params) else { return Ok(None) };
        let pairs = pairs.borrow();
        let mut values = vec![Literal::None; self.names.len()];
        for (j, (k, v)) in pairs.values().enumerate() {
            let Some(i) = self.column_of(j, k) else { return Ok(None) };
            // (keys are distinct and each names one column: every column is bound once)
            values[i] = match self.plain(i, v) {
                Some(plain) => plain,
                None if matches!(v, Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)) => {
                    convert::bind_value(vm, v, self.types[i].as_ref().map(|(t, _)| t))?
                }
                None => return Ok(None),
            };
        }
        Ok(Some(values))
    }

    /// The usual row straight as the engine takes it: a dict of exactly the
    /// plan's columns, each of a type without a bind processor, to None, an
    /// int or a str (which the engine's values give back exactly, for an
    /// error's parameters). `None`: the row takes `bind`. (What `plain` does,
    /// made engine values directly: a loop of INSERTs comes this way.)
    pub(super) fn engine_row(&self, params: &Value) -> Option<Vec<retort_engine::Value>> {
        let pairs = self.plain_pairs(params)?.borrow();
        let mut values = Vec::with_capacity(self.names.len());
        for (j, (k, v)) in pairs.values().enumerate() {
            // (keys in the plan's order, the usual case, are pushed as they come)
            let i = self.column_of(j, k)?;
            if i != j {
                return self.engine_row_reordered(&pairs);
            }
            values.push(self.engine_value(i, v)?);
        }
        Some(values)
    }

    /// `engine_row` for keys in another order than the plan's columns.
    pub(super) fn engine_row_reordered(&self, pairs: &retort_python::dict::Dict) -> Option<Vec<retort_engine::Value>> {
        let mut values = vec![retort_engine::Value::Null; self.names.len()];
        for (j, (k, v)) in pairs.values().enumerate() {
            let i = self.column_of(j, k)?;
            values[i] = self.engine_value(i, v)?;
        }
        Some(values)
    }

    /// `v` as the engine takes it for the plan's `i`th column, when its type has no bind processor.
    pub(super) fn engine_value(&self, i: usize, v: &Value) -> Option<retort_engine::Value> {
        if !matches!(self.types[i], Some((_, true))) {
            return None;
        }
        match v {
            Value::None => Some(retort_engine::Value::Null),
            Value::Int(n) => Some(retort_engine::Value::Integer(*n)),
            Value::Str(s) => Some(retort_engine::Value::Text(s.as_str().to_owned())),
            _ => None,
        }
    }

    /// `v` bound to the plan's `i`th column as it is: a plain value for a
    /// type without a bind processor (`process::passes_plain`).
    pub(super) fn plain(&self, i: usize, v: &Value) -> Option<Literal> {
        matches!(self.types[i], Some((_, true))).then(|| convert::plain_literal(v)).flatten()
    }

    /// The row's dict when it may name exactly the plan's columns (no
    /// Python-side defaults to call).
    pub(super) fn plain_pairs<'v>(&self, params: &'v Value) -> Option<&'v Rc<RefCell<retort_python::dict::Dict>>> {
        match params {
            Value::Dict(d) if self.defaults.is_empty() && d.borrow().len() == self.names.len() => Some(d),
            _ => None,
        }
    }

    /// Which of the plan's columns the `j`th key of a row names (the row's
    /// keys are most often in the plan's order).
    pub(super) fn column_of(&self, j: usize, key: &Value) -> Option<usize> {
        let Value::Str(k) = key else { return None };
        let at = |i: usize| self.names.get(i).is_some_and(|n| n.as_str() == k.as_str());
        if at(j) {
            Some(j)
        } else {
            (0..self.names.len()).find(|&i| at(i))
        }
    }

    /// A parameter row's values in the plan's order, or `None` when the row
    /// names other columns (or SQL expressions) and needs compiling of its own.
    pub(super) fn bind(&self, vm: &mut Vm, params: &Value) -> PyResult<Option<Vec<Literal>>> {
        if let Some(values) = self.bind_plain(vm, params)? {
            return Ok(Some(values));
        }
        let pairs = mapping_pairs(vm, params)?;
        let mut row = value_row(vm, &mut Conversion::default(), &self.table, pairs)?;
        // the row must bind the plan's columns (checked before any default is called)
        let given = |name: &String| row.iter().any(|(n, _)| n == name);
        let defaulted = |name: &String| self.defaults.iter().any(|d| d.name == *name);
        if row.iter().any(|(n, _)| !self.names.contains(n)) || self.names.iter().any(|n| !given(n) && !defaulted(n)) {
            return Ok(None);
        }
        apply_defaults(vm, &self.defaults, &mut row)?;
        let mut values = Vec::with_capacity(row.len());
        for name in &self.names {
            match row.iter_mut().find(|(n, _)| n == name) {
                Some((_, Expr::Bind(l))) => values.push(std::mem::replace(l, Literal::None)),
                _ => return Ok(None),
            }
        }
        Ok(Some(values))
    }
}

/// Whether SQL text changes rows (anything but a SELECT): its result's rowcount counts.
pub(super) fn is_dml(sql: &str) -> bool {
    !sql.trim_start().to_ascii_uppercase().starts_with("SELECT")
}

/// A parameter mapping's pairs (`None`: no parameters).
pub(super) fn mapping_pairs(vm: &mut Vm, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::None => Ok(Vec::new()),
        other => vm.mapping_pairs(other),
    }
}

/// The statements whose insert plans are kept (the most recent few).
pub(super) const KEPT_PLANS: usize = 8;

/// The executemany of a plain `insert(table)`: compiled once with the first
/// row, every row's values bound in the table's column order. `None` when
/// each row needs compiling (values(), SQL expressions in a row, rows
/// naming different columns).
pub(super) fn many_inserts(vm: &mut Vm, stmt: &Value, rows: &[Value]) -> PyResult<Option<(Prepared, ManyRows)>> {
    let Some((plan, first)) = InsertPlan::new(vm, stmt, &rows[0])? else { return Ok(None) };
    // (the usual rows, plain values of types without bind processors, go
    // to the engine as they are: an executemany of 10,000 rows comes this way)
    if let Some(values) = rows.iter().map(|r| plan.engine_row(r)).collect::<Option<Vec<_>>>() {
        return Ok(Some((plan.prepared, ManyRows::Engine(values))));
    }
    let mut out = Vec::with_capacity(rows.len());
    out.push(first);
    for r in &rows[1..] {
        match plan.bind(vm, r)? {
            Some(values) => out.push(values),
            None => return Ok(None),
        }
    }
    Ok(Some((plan.prepared, ManyRows::Literals(out))))
}

/// The parameter rows of an executemany, bound.
pub(super) enum ManyRows {
    /// As the engine takes them (which give the parameters back exactly: none is a bool).
    Engine(Vec<Vec<retort_engine::Value>>),
    Literals(Vec<Vec<Literal>>),
}

/// The plan kept for the statement `stmt`, if any.
pub(super) fn kept_plan(state: &Shared, stmt: &Value) -> Option<Rc<InsertPlan>> {
    state.borrow().plans.iter().find(|(s, _)| s.is(stmt)).map(|(_, p)| p.clone())
}

/// A single-row execution of a plain insert, through the statement's kept
/// plan (made on its first execution). `None`: not such an insert.
pub(super) fn planned_insert(
    vm: &mut Vm,
    state: &Shared,
    stmt: &Value,
    params: &Value,
) -> PyResult<Option<(Rc<InsertPlan>, Vec<Literal>)>> {
    if !matches!(params, Value::Dict(_)) {
        return Ok(None);
    }
    if let Some(plan) = kept_plan(state, stmt) {
        if let Some(values) = plan.bind(vm, params)? {
            return Ok(Some((plan, values)));
        }
        return Ok(None);
    }
    let Some((plan, values)) = InsertPlan::new(vm, stmt, params)? else { return Ok(None) };
    let plan = Rc::new(plan);
    let mut st = state.borrow_mut();
    if st.plans.len() == KEPT_PLANS {
        st.plans.remove(0);
    }
    st.plans.push((stmt.clone(), plan.clone()));
    Ok(Some((plan, values)))
}
