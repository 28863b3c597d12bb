//! Schemas: `create_all`/`drop_all` in SQLAlchemy's order with its PRAGMA
//! checks and warnings, and the DDL text of single constructs.

use retort_python::{Args, PyResult, Value, Vm};
use retort_sql::schema::Table;

use crate::convert::{self, attr, attr_str};

use super::*;

/// SQLAlchemy's warning about tables whose foreign keys form a cycle.
pub(super) fn cycle_warning(cycles: &[String]) -> String {
    format!(
        "Cannot correctly sort tables; there are unresolvable cycles between tables \"{}\", which is usually caused by mutually dependent foreign key constraints.  Foreign key constraints involving these tables will not be considered; this warning may raise an error in a future release.",
        cycles.join(", ")
    )
}

/// `warnings.warn(message, sqlalchemy.exc.SAWarning)`.
pub(super) fn sa_warning(vm: &mut Vm, message: &str) -> PyResult<()> {
    let category = vm.import("sqlalchemy.exc")?.get("SAWarning").unwrap_or(Value::None);
    let warn = vm.import("warnings")?.get("warn").unwrap_or(Value::None);
    vm.call(&warn, Args { pos: vec![Value::str(message), category], kw: Vec::new() })?;
    Ok(())
}

/// Python tables in `create_all` order, and the names of the tables on
/// foreign key cycles (whose keys the order leaves out).
pub(super) fn table_order(vm: &mut Vm, given: &[Value]) -> PyResult<(Vec<Value>, Vec<String>)> {
    let mut tables = Vec::new();
    for t in given {
        tables.push(Table::clone(&*convert::table(vm, t)?));
    }
    let sorted = retort_sql::sort::sort_tables(&tables);
    let order = sorted.tables.iter().filter_map(|t| tables.iter().position(|u| std::ptr::eq(u, *t)).map(|i| given[i].clone())).collect();
    Ok((order, sorted.cycles))
}

/// Python tables with their SQL-layer form, in `create_all` order.
pub(super) fn sorted(vm: &mut Vm, given: &[Value]) -> PyResult<Vec<(Value, Table)>> {
    let mut tables = Vec::new();
    for t in given {
        tables.push(Table::clone(&*convert::table(vm, t)?));
    }
    let sorted = retort_sql::sort::sort_tables(&tables);
    if !sorted.cycles.is_empty() {
        sa_warning(vm, &cycle_warning(&sorted.cycles))?;
    }
    let order: Vec<String> = sorted.tables.iter().map(|t| t.name.clone()).collect();
    let mut pairs: Vec<(Value, Table)> = given.iter().cloned().zip(tables).collect();
    pairs.sort_by_key(|(_, t)| order.iter().position(|n| *n == t.name));
    Ok(pairs)
}

/// `create_all` / `drop_all`: in a transaction of their own, each table
/// checked with SQLAlchemy's PRAGMAs (`checkfirst`), then created (with its
/// indexes) or dropped.
pub(super) fn schema(vm: &mut Vm, state: &Shared, a: &Args, create: bool) -> PyResult<Value> {
    let given = vm.iterate(a.pos.get(1).unwrap_or(&Value::None))?;
    let checkfirst = match a.pos.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let mut tables = Vec::new();
    for t in &given {
        tables.push(Table::clone(&*convert::table(vm, t)?));
    }
    let run = |vm: &mut Vm, sql: &str| run(vm, state, a, sql, &[]);
    with_db(vm, state, a, |_, db| {
        db.begin();
        Ok(())
    })?;
    // SQLAlchemy checks every table in definition order (`_can_create_table`),
    // then creates the missing ones in dependency order (drops reversed)
    let mut todo = Vec::new();
    for table in tables {
        let exists = if checkfirst {
            let main = run(vm, &retort_sql::ddl::table_info_pragma("main", &table.name))?;
            !main.rows.is_empty() || !run(vm, &retort_sql::ddl::table_info_pragma("temp", &table.name))?.rows.is_empty()
        } else {
            !create
        };
        if exists != create {
            todo.push(table);
        }
    }
    // a foreign key to nothing (found by the caller): SQLAlchemy finds it sorting, and rolls back
    if let Some(problem) = a.pos.get(3).filter(|p| !matches!(p, Value::None)) {
        let parts = vm.iterate(problem)?;
        let (class, message) = (parts[0].as_str().unwrap_or("InvalidRequestError").to_owned(), parts[1].as_str().unwrap_or("").to_owned());
        let _ = with_db(vm, state, a, |_, db| Ok(db.rollback()));
        return Err(convert::sa_error(vm, &class, message));
    }
    let sorted = retort_sql::sort::sort_tables(&todo);
    let mut order = sorted.tables;
    // the order the caller sorted them in (`sort_tables_and_constraints`, which a script may replace)
    if let Some(given_order) = a.pos.get(4).filter(|p| !matches!(p, Value::None) && sorted.cycles.is_empty()) {
        let mut names = Vec::new();
        for t in vm.iterate(given_order)? {
            names.push(convert::table(vm, &t)?.name.clone());
        }
        order.sort_by_key(|t| names.iter().position(|n| *n == t.name));
    }
    if !sorted.cycles.is_empty() {
        // (create_all leaves the cycle's keys out of its sort without a word:
        // SQLAlchemy's warning is `sort_tables`', which `sorted_tables` calls)
        if !create {
            // SQLite cannot ALTER the constraints away: SQLAlchemy drops in definition order
            sa_warning(vm, &format!("Can't sort tables for DROP; an unresolvable foreign key dependency exists between tables: {}; and backend does not support ALTER.  To restore at least a partial sort, apply use_alter=True to ForeignKey and ForeignKeyConstraint objects involved in the cycle to mark these as known cycles that will be ignored.", sorted.cycles.join(", ")))?;
            order = todo.iter().collect();
        }
    } else if !create {
        order.reverse();
    }
    let mut statements = Vec::new();
    for table in order {
        if create {
            statements.push(retort_sql::ddl::create_table(table));
            statements.extend(table.indexes.iter().map(|index| retort_sql::ddl::create_index(table, index)));
        } else {
            statements.push(retort_sql::ddl::drop_table(table));
        }
    }
    for sql in &statements {
        if let Err(e) = run(vm, sql) {
            // engine.begin() ends in a rollback when a statement fails
            let _ = with_db(vm, state, a, |_, db| Ok(db.rollback()));
            return Err(e);
        }
    }
    let r = with_db(vm, state, a, |_, db| Ok(db.commit()))?;
    engine_result(vm, state, r)
}

/// `ddl(kind, ...)`: the DDL text of one schema change (alembic's operations
/// run it): `create_table(table)` (with its indexes), `drop_table(table)`,
/// `add_column(table_name, column)`, `drop_column(table_name, name)`,
/// `rename_table(old, new)`, `create_index(index)`, `drop_index(index)`.
pub(super) fn ddl(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
    let kind = text(a.pos.first());
    let statements = match kind.as_str() {
        "create_table" => {
            let table = convert::table(vm, &a.pos[1])?;
            let mut out = vec![retort_sql::ddl::create_table(&table)];
            out.extend(table.indexes.iter().map(|ix| retort_sql::ddl::create_index(&table, ix)));
            out
        }
        // `str(CreateTable(table))`: the table alone, in the default dialect
        "create_table_generic" => vec![retort_sql::ddl::create_table_generic(&*convert::table(vm, &a.pos[1])?)],
        "drop_table" => vec![retort_sql::ddl::drop_table(&*convert::table(vm, &a.pos[1])?)],
        "add_column" => {
            let column = convert::column(vm, &a.pos[2])?;
            vec![retort_sql::ddl::add_column(&text(a.pos.get(1)), &column)]
        }
        "drop_column" => vec![retort_sql::ddl::drop_column(&text(a.pos.get(1)), &text(a.pos.get(2)))],
        "rename_table" => vec![retort_sql::ddl::rename_table(&text(a.pos.get(1)), &text(a.pos.get(2)))],
        "create_index" | "drop_index" => {
            let index = a.pos.get(1).cloned().unwrap_or(Value::None);
            let table_value = attr(vm, &index, "table")?;
            let table = convert::table(vm, &table_value)?;
            let name = attr_str(vm, &index, "name")?.unwrap_or_default();
            let Some(ix) = table.indexes.iter().find(|ix| ix.name == name) else {
                return Err(vm.new_error("ArgumentError", format!("no index named {name} on table {}", table.name)));
            };
            vec![if kind == "create_index" { retort_sql::ddl::create_index(&table, ix) } else { retort_sql::ddl::drop_index(ix) }]
        }
        other => return Err(vm.new_error("NotImplementedError", format!("Retort does not support the DDL operation {other} yet"))),
    };
    Ok(Value::list(statements.into_iter().map(Value::str).collect()))
}
