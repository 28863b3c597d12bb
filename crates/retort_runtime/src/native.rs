//! `_retort_sql`, the private module under `sqlalchemy`: opens databases,
//! runs transactions, compiles and executes statements, creates and drops
//! schemas. Every statement goes through the engine's `Connection`, and its
//! events move to the run's log tagged with the script line running it.

use std::cell::RefCell;
use std::rc::Rc;

use retort_engine::log::Event;
use retort_engine::{Connection, EngineError, Limbo, Outcome};
use retort_python::dict::AttrMap;
use retort_python::object::Module;
use retort_python::{Args, PyResult, Value, Vm};
use retort_sql::compiler::{self, Compiled, Statement};
use retort_sql::expr::{Delete, Expr, Insert, InsertSource, Literal, OnConflict, ParamName, Update};
use retort_sql::schema::Table;
use retort_sql::types::SqlType;

use crate::convert::{self, attr, attr_list, attr_str, kind};
use crate::echo::Mode;

/// What the module's functions share: the open databases, the name of the
/// module holding the exception classes (`sqlalchemy.exc`), and the run's
/// event log.
pub struct State {
    dbs: Databases,
    /// The database migrations run on (the playground's live one), as a
    /// `.sqlite` image to open, and its handle once opened.
    pub live: Option<Vec<u8>>,
    pub live_handle: Option<usize>,
    /// Each database's echo (`echo=True` or the engine logger at INFO).
    echo: Vec<crate::echo::Echo>,
    errors: Value,
    pub log: Rc<RefCell<Vec<Event>>>,
    /// Compiled plain inserts, by statement object (see `InsertPlan`).
    plans: Vec<(Value, Rc<InsertPlan>)>,
    /// `sqlalchemy`'s `Insert` and `Result` classes, for the native
    /// `Connection.execute` (see `connection`).
    pub(crate) classes: Option<(Value, Value)>,
    /// The run's steps, for the timeline.
    pub steps: crate::steps::Steps,
    /// Per database, the Python function that fires the engine's
    /// `before_cursor_execute` / `after_cursor_execute` listeners.
    hooks: Vec<(usize, Value)>,
    /// Every engine's log in echo's format, when the playground asks for it
    /// (its SQL log's text view), whether `echo` is on or not.
    pub echo_text: Option<Vec<String>>,
}

pub type Shared = Rc<RefCell<State>>;

/// The databases a run opened (one per `create_engine`), shared with the
/// host that shows them afterwards.
pub type Databases = Rc<RefCell<Vec<Connection<Limbo>>>>;

/// The state `_retort_sql` and `_retort_orm` share: the run's databases and log.
pub fn shared(log: Rc<RefCell<Vec<Event>>>, dbs: Databases) -> Shared {
    Rc::new(RefCell::new(State {
        dbs,
        live: None,
        live_handle: None,
        echo: Vec::new(),
        errors: Value::None,
        log,
        plans: Vec::new(),
        classes: None,
        hooks: Vec::new(),
        steps: crate::steps::Steps::default(),
        echo_text: None,
    }))
}

pub fn module(vm: &mut Vm, state: Shared) -> Rc<Module> {
    let m = Module::new("_retort_sql");
    let add = |m: &Module, vm: &mut Vm, name: &str, f: fn(&mut Vm, &Shared, Args) -> PyResult<Value>| {
        let state = state.clone();
        m.set(name, vm.native(name, move |vm, a| f(vm, &state, a)));
    };
    add(&m, vm, "_errors", |_, state, a| {
        state.borrow_mut().errors = a.pos.first().cloned().unwrap_or(Value::None);
        Ok(Value::None)
    });
    add(&m, vm, "open", open);
    add(&m, vm, "open_live", open_live);
    add(&m, vm, "begin", |vm, state, a| {
        with_db(vm, state, &a, |_, db| {
            db.begin();
            Ok(Value::None)
        })
    });
    add(&m, vm, "commit", |vm, state, a| with_db(vm, state, &a, |_, db| Ok(db.commit())).and_then(|r| engine_result(vm, state, r)));
    add(&m, vm, "rollback", |vm, state, a| with_db(vm, state, &a, |_, db| Ok(db.rollback())).and_then(|r| engine_result(vm, state, r)));
    add(&m, vm, "execute", execute);
    // _classes(Insert, Result): the classes the native Connection.execute knows
    add(&m, vm, "_classes", |_, state, a| {
        state.borrow_mut().classes = match (a.pos.first(), a.pos.get(1)) {
            (Some(insert), Some(result)) => Some((insert.clone(), result.clone())),
            _ => None,
        };
        Ok(Value::None)
    });
    add(&m, vm, "connection_execute", crate::connection::execute);
    // missing_value(stmt, params, name): the StatementError for a bind
    // parameter `name` the parameters give no value (not raised)
    add(&m, vm, "missing_value", |vm, _, a| {
        let (stmt, params) = (a.pos.first().cloned().unwrap_or(Value::None), a.pos.get(1).cloned().unwrap_or(Value::None));
        let name = a.pos.get(2).and_then(|n| n.as_str().map(str::to_owned)).unwrap_or_default();
        Ok(missing_bind_error(vm, &stmt, &params, &name)?.value())
    });
    // set_hook(db, fn or None): fn("before" | "after", statement, parameters, executemany) around each statement
    add(&m, vm, "set_hook", |vm, state, a| {
        let Some(Value::Int(db)) = a.pos.first() else {
            return Err(vm.new_error("TypeError", "expected a database handle"));
        };
        let db = *db as usize;
        let mut s = state.borrow_mut();
        s.hooks.retain(|(d, _)| *d != db);
        if let Some(f) = a.pos.get(1).filter(|f| !f.is_none()) {
            s.hooks.push((db, f.clone()));
        }
        Ok(Value::None)
    });
    add(&m, vm, "set_echo", |vm, state, a| {
        let on = match a.pos.get(1) {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let i = match a.pos.first() {
            Some(Value::Int(i)) => *i as usize,
            _ => return Err(vm.new_error("TypeError", "expected a database handle")),
        };
        if let Some(echo) = state.borrow_mut().echo.get_mut(i) {
            echo.on = on;
        }
        Ok(Value::None)
    });
    // the run's log, for flask_sqlalchemy's recorded queries: its length, and
    // the statements since a position as (sql, [parameters], seconds, line)
    add(&m, vm, "log_len", |_, state, _| Ok(Value::Int(state.borrow().log.borrow().len() as i64)));
    add(&m, vm, "statements_since", |_, state, a| {
        let from = match a.pos.first() {
            Some(Value::Int(i)) => *i as usize,
            _ => 0,
        };
        let s = state.borrow();
        let log = s.log.borrow();
        let tuple = |row: &[retort_engine::Value]| Value::tuple(row.iter().map(|v| literal_value(&convert::stored_literal(v))).collect());
        let mut out = Vec::new();
        for event in log.iter().skip(from) {
            if let retort_engine::log::EventKind::Sql(sql) = &event.kind {
                // a list of parameter tuples, one per execution (as the cursor events see them)
                let params = match &sql.params {
                    retort_engine::log::Params::One(row) => Value::list(vec![tuple(row)]),
                    retort_engine::log::Params::Many(rows) => Value::list(rows.iter().map(|r| tuple(r)).collect()),
                };
                let line = event.line.map_or(Value::None, |l| Value::Int(l as i64));
                out.push(Value::tuple(vec![Value::str(&*sql.sql), params, Value::Float(event.duration_ms / 1000.0), line]));
            }
        }
        Ok(Value::list(out))
    });
    add(&m, vm, "take_echo", |_, state, a| {
        let lines = match a.pos.first() {
            Some(Value::Int(i)) => state.borrow_mut().echo.get_mut(*i as usize).map(|e| std::mem::take(&mut e.lines)).unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(Value::list(lines.into_iter().map(Value::str).collect()))
    });
    add(&m, vm, "run_sql", |vm, state, a| {
        let sql = a.pos.get(1).and_then(Value::as_str).unwrap_or("").to_owned();
        in_mode(state, &a, Mode::NoKey, || run(vm, state, &a, &sql, &[]))?;
        Ok(Value::None)
    });
    add(&m, vm, "create_all", |vm, state, a| in_mode(state, &a, Mode::NoKey, || schema(vm, state, &a, true)));
    add(&m, vm, "drop_all", |vm, state, a| in_mode(state, &a, Mode::NoKey, || schema(vm, state, &a, false)));
    add(&m, vm, "sorted_tables", |vm, _, a| {
        let given = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
        let order = sorted(vm, &given)?;
        Ok(Value::list(order.into_iter().map(|(v, _)| v).collect()))
    });
    add(&m, vm, "ddl", |vm, _, a| ddl(vm, &a));
    add(&m, vm, "load_source", |vm, _, a| load_source(vm, &a));
    // quote(name): an identifier as SQLAlchemy's preparer writes it (`"order"`, `name`)
    add(&m, vm, "quote", |_, _, a| match a.pos.first() {
        Some(Value::Str(name)) => Ok(Value::str(retort_sql::quote::quote(name.as_str()))),
        _ => Ok(Value::None),
    });
    add(&m, vm, "type_ddl", |vm, _, a| match convert::sql_type(vm, a.pos.first().unwrap_or(&Value::None))? {
        Some(ty) => Ok(Value::str(ty.to_string())),
        None => Ok(Value::str("NULL")),
    });
    add(&m, vm, "compile", |vm, _, a| {
        let stmt = a.pos.first().cloned().unwrap_or(Value::None);
        let named = match a.pos.get(1) {
            Some(v) => vm.truthy(v)?,
            None => false,
        };
        let c = prepare_with(vm, &stmt, &Value::None, named)?.compiled;
        let names = Value::list(c.names.iter().map(|n| Value::str(n.as_str())).collect());
        let values = Value::list(c.params.iter().map(literal_value).collect());
        // compile(stmt, named, Compiled): the Compiled object, made here
        let Some(Value::Class(class)) = a.pos.get(2) else {
            return Ok(Value::tuple(vec![Value::str(c.sql), names, values]));
        };
        let compiled = vm.new_instance(class, &[]);
        if let Value::Instance(i) = &compiled {
            let mut d = i.dict.borrow_mut();
            d.insert("statement".into(), stmt);
            d.insert("_named".into(), Value::Bool(named));
            d.insert("string".into(), Value::str(c.sql));
            d.insert("_names".into(), names);
            d.insert("_values".into(), values);
        }
        Ok(compiled)
    });
    // Compiled.__str__
    add(&m, vm, "compiled_string", |vm, _, a| vm.getattr(a.pos.first().unwrap_or(&Value::None), "string"));
    add(&m, vm, "to_string", |vm, _, a| {
        let stmt = a.pos.first().cloned().unwrap_or(Value::None);
        if matches!(kind(vm, &stmt)?.as_str(), "select" | "compound_select" | "insert" | "update" | "delete" | "text") {
            return Ok(Value::str(prepare_with(vm, &stmt, &Value::None, true)?.compiled.sql));
        }
        // an expression: shown as the WHERE clause of a SELECT of it would show it
        let e = convert::expr(vm, &stmt)?;
        let select = retort_sql::expr::Select { where_: vec![e], ..retort_sql::expr::Select::default() };
        let sql = compiler::to_string(Statement::Select(&select)).map_err(|e| sql_err(vm, e))?.sql;
        Ok(Value::str(sql.split_once("WHERE ").map_or(sql.as_str(), |(_, w)| w).to_owned()))
    });
    m
}

/// `load_source(name, filename, source)`: a module made by running Python
/// source (a revision script from the Migrations panel), or SyntaxError.
fn load_source(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let text = |i: usize| a.pos.get(i).and_then(Value::as_str).unwrap_or("").to_owned();
    let (name, filename, source) = (text(0), text(1), text(2));
    let code = retort_python::compile_source(&source, &filename)
        .map_err(|e| vm.new_error("SyntaxError", format!("{} ({filename}, line {})", e.message, e.line)))?;
    let module = Module::new(&name);
    vm.run_module_code(code, module.clone())?;
    Ok(Value::Module(module))
}

fn engine_result(vm: &mut Vm, state: &Shared, r: Result<(), EngineError>) -> PyResult<Value> {
    r.map_err(|e| dbapi_error(vm, state, &e, "", Value::None, false))?;
    Ok(Value::None)
}

fn open(vm: &mut Vm, state: &Shared, _: Args) -> PyResult<Value> {
    let db = retort_engine::open_in_memory().map_err(|e| vm.new_error("OperationalError", e.to_string()))?;
    push_db(state, db)
}

/// The live database (a copy of the image the host gave, or an empty one),
/// opened once per run.
fn open_live(vm: &mut Vm, state: &Shared, _: Args) -> PyResult<Value> {
    if let Some(handle) = state.borrow().live_handle {
        return Ok(Value::Int(handle as i64));
    }
    let image = state.borrow_mut().live.take();
    let db = match image {
        Some(image) => retort_engine::Limbo::open_image(&image).map(Connection::new),
        None => retort_engine::open_in_memory(),
    }
    .map_err(|e| vm.new_error("OperationalError", e.to_string()))?;
    let handle = push_db(state, db)?;
    if let Value::Int(i) = handle {
        state.borrow_mut().live_handle = Some(i as usize);
    }
    Ok(handle)
}

fn push_db(state: &Shared, db: Connection<Limbo>) -> PyResult<Value> {
    let mut s = state.borrow_mut();
    let mut dbs = s.dbs.borrow_mut();
    dbs.push(db);
    let n = dbs.len();
    drop(dbs);
    s.echo.push(crate::echo::Echo::default());
    Ok(Value::Int(n as i64 - 1))
}

/// Runs `f` on the database the first argument names, with the script's
/// current line on its events, then moves the events to the run's log.
fn with_db<T>(vm: &mut Vm, state: &Shared, a: &Args, f: impl FnOnce(&mut Vm, &mut Connection<Limbo>) -> PyResult<T>) -> PyResult<T> {
    let Some(Value::Int(i)) = a.pos.first() else {
        return Err(vm.new_error("TypeError", "expected a database handle"));
    };
    crate::steps::touch(vm, state);
    let line = vm.current_lines().last().copied();
    let mut s = state.borrow_mut();
    let State { dbs, log, echo, echo_text, .. } = &mut *s;
    let mut dbs = dbs.borrow_mut();
    let db = dbs.get_mut(*i as usize).ok_or_else(|| vm.new_error("ValueError", "no such database"))?;
    db.set_line(line);
    let r = f(vm, db);
    let mut log = log.borrow_mut();
    let from = log.len();
    db.drain_events(&mut log);
    if let Some(echo) = echo.get_mut(*i as usize) {
        echo.record(&log[from..], echo_text.as_mut());
    }
    r
}

/// `sqlalchemy.exc.<DBAPI class>` for an engine error, worded as SQLAlchemy
/// words it; `sent`: the parameters as the driver got them (a tuple, or for
/// an executemany, `many`, a list of tuples).
fn dbapi_error(vm: &mut Vm, state: &Shared, e: &EngineError, sql: &str, sent: Value, many: bool) -> retort_python::PyErr {
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

/// A bound literal as the Python value the driver would give back.
pub fn literal_value(l: &Literal) -> Value {
    match l {
        Literal::None => Value::None,
        Literal::Bool(b) => Value::Bool(*b),
        Literal::Int(i) => Value::Int(*i),
        Literal::Float(f) => Value::Float(*f),
        Literal::Str(s) => Value::str(s.as_str()),
        Literal::Bytes(b) => Value::Bytes(Rc::new(b.clone())),
    }
}

/// SQLAlchemy's warning about tables whose foreign keys form a cycle.
fn cycle_warning(cycles: &[String]) -> String {
    format!(
        "Cannot correctly sort tables; there are unresolvable cycles between tables \"{}\", which is usually caused by mutually dependent foreign key constraints.  Foreign key constraints involving these tables will not be considered; this warning may raise an error in a future release.",
        cycles.join(", ")
    )
}

/// `warnings.warn(message, sqlalchemy.exc.SAWarning)`.
fn sa_warning(vm: &mut Vm, message: &str) -> PyResult<()> {
    let category = vm.import("sqlalchemy.exc")?.get("SAWarning").unwrap_or(Value::None);
    let warn = vm.import("warnings")?.get("warn").unwrap_or(Value::None);
    vm.call(&warn, Args { pos: vec![Value::str(message), category], kw: Vec::new() })?;
    Ok(())
}

/// Python tables with their SQL-layer form, in `create_all` order.
fn sorted(vm: &mut Vm, given: &[Value]) -> PyResult<Vec<(Value, Table)>> {
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
fn schema(vm: &mut Vm, state: &Shared, a: &Args, create: bool) -> PyResult<Value> {
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
fn ddl(vm: &mut Vm, a: &Args) -> PyResult<Value> {
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

/// Names of a dict's keys: column names, or `Column` objects' names.
fn column_name(vm: &mut Vm, key: &Value) -> PyResult<String> {
    match key {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        other => Ok(attr_str(vm, other, "name")?.unwrap_or_default()),
    }
}

/// One row of values for a DML statement: each value an expression, or a
/// Python value bound with its column's type.
fn value_row(vm: &mut Vm, table: &Table, pairs: Vec<(Value, Value)>) -> PyResult<Vec<(String, Expr)>> {
    let mut row = Vec::new();
    for (k, v) in pairs {
        let name = column_name(vm, &k)?;
        let Some(column) = table.column(&name) else {
            return Err(vm.new_error("CompileError", format!("Unconsumed column names: {name}")));
        };
        let expr = if convert::is_a(vm, &v, "ClauseElement") {
            convert::expr(vm, &v)?
        } else {
            Expr::Bind(convert::bind_value(vm, &v, Some(&column.ty))?)
        };
        row.push((name, expr));
    }
    Ok(row)
}

/// A statement compiled for one row of parameters, with the types of its
/// result columns.
struct Prepared {
    compiled: Compiled,
    /// The result columns (for a SELECT, or an INSERT/UPDATE/DELETE's RETURNING).
    columns: Vec<convert::Selected>,
    dml: bool,
}

/// The RETURNING columns: names, SQL types and the script's type objects.
fn returning(vm: &mut Vm, stmt: &Value, table: &Table) -> PyResult<Vec<convert::Selected>> {
    let mut out = Vec::new();
    for c in attr_list(vm, stmt, "returning_columns")? {
        let key = column_name(vm, &c)?;
        let ty = table.column(&key).map(|c| c.ty.clone());
        let py_type = if matches!(c, Value::Str(_)) { Value::None } else { vm.getattr_opt(&c, "type")?.unwrap_or(Value::None) };
        out.push(convert::Selected { key, ty, py_type });
    }
    Ok(out)
}

fn sql_err(vm: &Vm, e: retort_sql::SqlError) -> retort_python::PyErr {
    convert::sql_error(vm, &e)
}

/// Compiles `stmt` with one row of `params` (a dict, or None).
fn prepare(vm: &mut Vm, stmt: &Value, params: &Value) -> PyResult<Prepared> {
    prepare_with(vm, stmt, params, false)
}

/// Compiles for SQLite, or (`named`) as `str(statement)` prints it.
/// Compiling to show a statement (`named`), a `bindparam()` without a value is no error.
fn prepare_with(vm: &mut Vm, stmt: &Value, params: &Value, named: bool) -> PyResult<Prepared> {
    convert::set_lenient(named);
    let r = prepare_inner(vm, stmt, params, named);
    convert::set_lenient(false);
    // the execution's bindparam() values end with it
    convert::set_bind_values(Vec::new());
    let prepared = r?;
    // (`str(statement)` compiles afresh each time; an execution once)
    if !prepared.compiled.warnings.is_empty() && (named || convert::first_compile(&prepared.compiled.sql)) {
        for warning in &prepared.compiled.warnings {
            sa_warning(vm, warning)?;
        }
    }
    Ok(prepared)
}

fn prepare_inner(vm: &mut Vm, stmt: &Value, params: &Value, named: bool) -> PyResult<Prepared> {
    match kind(vm, stmt)?.as_str() {
        "select" => {
            let given = mapping_pairs(vm, params)?;
            convert::set_bind_values(given);
            let (select, selected) = convert::select(vm, stmt)?;
            let compiled = if named {
                compiler::to_string(Statement::Select(&select)).map_err(|e| sql_err(vm, e))?
            } else {
                compiler::select(&select)
            };
            Ok(Prepared { compiled, columns: selected, dml: false })
        }
        "compound_select" => {
            let (compound, selected) = convert::compound_select(vm, stmt)?;
            let compiled = if named {
                compiler::to_string(Statement::Compound(&compound)).map_err(|e| sql_err(vm, e))?
            } else {
                compiler::compound_select(&compound)
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
            convert::set_bind_values(binds);
            let mut rows = Vec::new();
            for r in attr_list(vm, stmt, "value_rows")? {
                let p = mapping_pairs(vm, &r)?;
                rows.push(value_row(vm, &table, p)?);
            }
            let extra = value_row(vm, &table, extra)?;
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
                where_.push(convert::expr(vm, &w)?);
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
                            InsertSource::Select { columns, select: Box::new(convert::select(vm, &query)?.0) }
                        }
                    };
                    let on_conflict = on_conflict(vm, stmt, &table)?;
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
                    if named { compiler::to_string(Statement::Insert(&insert, &table)) } else { compiler::insert(&insert, &table) }
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
                    if named { compiler::to_string(Statement::Update(&update, &table)) } else { compiler::update(&update, &table) }
                        .map_err(|e| sql_err(vm, e))?
                }
                _ => {
                    let delete = Delete { table: table.name.clone(), where_, returning: keys.clone() };
                    if named {
                        compiler::to_string(Statement::Delete(&delete)).map_err(|e| sql_err(vm, e))?
                    } else {
                        compiler::delete(&delete)
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
fn on_conflict(vm: &mut Vm, stmt: &Value, table: &Table) -> PyResult<Option<OnConflict>> {
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
            Some(value_row(vm, table, given)?)
        }
    };
    let where_ = match &spec[2] {
        Value::None => Vec::new(),
        w => vec![convert::expr(vm, w)?],
    };
    Ok(Some(OnConflict { target, set, where_ }))
}

/// A column's Python-side default (`Column(default=0)`, or a callable).
struct Default {
    name: String,
    value: Value,
    ty: Option<SqlType>,
}

fn column_defaults(vm: &mut Vm, table: &Value) -> PyResult<Vec<Default>> {
    column_defaults_of(vm, table, "default")
}

/// Each column's `default` or `onupdate`, when it has one.
fn column_defaults_of(vm: &mut Vm, table: &Value, which: &str) -> PyResult<Vec<Default>> {
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
fn apply_defaults(vm: &mut Vm, defaults: &[Default], row: &mut Vec<(String, Expr)>) -> PyResult<()> {
    for d in defaults {
        if !row.iter().any(|(n, _)| *n == d.name) {
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

fn defaults(vm: &mut Vm, table: &Value, rows: &mut [Vec<(String, Expr)>]) -> PyResult<()> {
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
struct InsertPlan {
    prepared: Prepared,
    /// Its SQL, which the log shares with each run's event.
    sql: std::sync::Arc<str>,
    table: Rc<Table>,
    defaults: Vec<Default>,
    /// The bound columns, in the compiled statement's order.
    names: Vec<String>,
    /// Whether one of them is a primary key column (rows name no others).
    binds_primary_key: bool,
    /// Their types, in the same order: plain values of those without a bind
    /// processor are taken as they are.
    types: Vec<Option<(SqlType, bool)>>,
}

impl InsertPlan {
    /// The plan for `stmt` compiled with `first` (its first parameter row),
    /// or `None` when the statement is not a plain insert.
    fn new(vm: &mut Vm, stmt: &Value, first: &Value) -> PyResult<Option<(InsertPlan, Vec<Literal>)>> {
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
        let row = value_row(vm, &table, pairs)?;
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
    fn bind_plain(&self, vm: &mut Vm, params: &Value) -> PyResult<Option<Vec<Literal>>> {
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
    fn engine_row(&self, params: &Value) -> Option<Vec<retort_engine::Value>> {
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
    fn engine_row_reordered(&self, pairs: &retort_python::dict::Dict) -> Option<Vec<retort_engine::Value>> {
        let mut values = vec![retort_engine::Value::Null; self.names.len()];
        for (j, (k, v)) in pairs.values().enumerate() {
            let i = self.column_of(j, k)?;
            values[i] = self.engine_value(i, v)?;
        }
        Some(values)
    }

    /// `v` as the engine takes it for the plan's `i`th column, when its type has no bind processor.
    fn engine_value(&self, i: usize, v: &Value) -> Option<retort_engine::Value> {
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
    fn plain(&self, i: usize, v: &Value) -> Option<Literal> {
        matches!(self.types[i], Some((_, true))).then(|| convert::plain_literal(v)).flatten()
    }

    /// The row's dict when it may name exactly the plan's columns (no
    /// Python-side defaults to call).
    fn plain_pairs<'v>(&self, params: &'v Value) -> Option<&'v Rc<RefCell<retort_python::dict::Dict>>> {
        match params {
            Value::Dict(d) if self.defaults.is_empty() && d.borrow().len() == self.names.len() => Some(d),
            _ => None,
        }
    }

    /// Which of the plan's columns the `j`th key of a row names (the row's
    /// keys are most often in the plan's order).
    fn column_of(&self, j: usize, key: &Value) -> Option<usize> {
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
    fn bind(&self, vm: &mut Vm, params: &Value) -> PyResult<Option<Vec<Literal>>> {
        if let Some(values) = self.bind_plain(vm, params)? {
            return Ok(Some(values));
        }
        let pairs = mapping_pairs(vm, params)?;
        let mut row = value_row(vm, &self.table, pairs)?;
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
fn is_dml(sql: &str) -> bool {
    !sql.trim_start().to_ascii_uppercase().starts_with("SELECT")
}

/// A parameter mapping's pairs (`None`: no parameters).
fn mapping_pairs(vm: &mut Vm, v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::None => Ok(Vec::new()),
        other => vm.mapping_pairs(other),
    }
}

/// The statements whose insert plans are kept (the most recent few).
const KEPT_PLANS: usize = 8;

/// The executemany of a plain `insert(table)`: compiled once with the first
/// row, every row's values bound in the table's column order. `None` when
/// each row needs compiling (values(), SQL expressions in a row, rows
/// naming different columns).
fn many_inserts(vm: &mut Vm, stmt: &Value, rows: &[Value]) -> PyResult<Option<(Prepared, ManyRows)>> {
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
enum ManyRows {
    /// As the engine takes them (which give the parameters back exactly: none is a bool).
    Engine(Vec<Vec<retort_engine::Value>>),
    Literals(Vec<Vec<Literal>>),
}

/// The plan kept for the statement `stmt`, if any.
fn kept_plan(state: &Shared, stmt: &Value) -> Option<Rc<InsertPlan>> {
    state.borrow().plans.iter().find(|(s, _)| s.is(stmt)).map(|(_, p)| p.clone())
}

/// A single-row execution of a plain insert, through the statement's kept
/// plan (made on its first execution). `None`: not such an insert.
fn planned_insert(vm: &mut Vm, state: &Shared, stmt: &Value, params: &Value) -> PyResult<Option<(Rc<InsertPlan>, Vec<Literal>)>> {
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

/// `Connection.execute(statement, parameters)`: one statement, or an
/// executemany when `parameters` is a list of several rows.
fn execute(vm: &mut Vm, state: &Shared, a: Args) -> PyResult<Value> {
    let stmt = a.pos.get(1).cloned().unwrap_or(Value::None);
    let raw = kind(vm, &stmt)? == "text" && matches!(vm.getattr_opt(&stmt, "_raw")?, Some(Value::Bool(true)));
    let params = a.pos.get(2).cloned().unwrap_or(Value::None);
    guarded(vm, state, &a, &stmt, &params, if raw { Mode::Raw } else { Mode::Compiled }, |vm| {
        execute_statement(vm, state, &a, stmt.clone())
    })
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

/// SQLAlchemy's StatementError for a `bindparam()` without a value: the
/// statement as compiled, and the parameters given.
fn missing_bind_error(vm: &mut Vm, stmt: &Value, params: &Value, name: &str) -> PyResult<retort_python::PyErr> {
    // (compiled for the first parameter set, as SQLAlchemy compiles an executemany)
    let first = match params {
        Value::List(l) => l.borrow().first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    };
    convert::set_lenient(true);
    let prepared = prepare_inner(vm, stmt, &first, false);
    convert::set_lenient(false);
    convert::set_bind_values(Vec::new());
    let sql = prepared?.compiled.sql;
    let mut message = format!("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{name}'\n[SQL: {sql}]");
    message += &given_params(vm, params)?;
    message += "\n(Background on this error at: https://sqlalche.me/e/21/cd3x)";
    Ok(convert::statement_error(vm, message, &sql, None))
}

/// A StatementError's `[parameters: ...]` line: the parameter sets as given
/// (one dict shows as a list of one); nothing when none were.
fn given_params(vm: &mut Vm, params: &Value) -> PyResult<String> {
    let given = match params {
        Value::None => return Ok(String::new()),
        Value::List(_) => params.clone(),
        other => Value::list(vec![other.clone()]),
    };
    Ok(format!("\n[parameters: {}]", vm.repr(&given)?))
}

/// `sqlalchemy.exc.StatementError` around a bind processor's TypeError:
/// `(builtins.TypeError) SQLite Date type only accepts ...` and the SQL.
fn statement_error(vm: &mut Vm, stmt: &Value, params: &Value, e: retort_python::PyErr) -> retort_python::PyErr {
    let first = match params {
        Value::List(l) => l.borrow().first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    };
    let sql = convert::leniently(|| prepare_with(vm, stmt, &first, false)).map(|p| p.compiled.sql).unwrap_or_default();
    let mut message = format!("(builtins.{}) {}\n[SQL: {sql}]", e.class().name, vm.exc_str(&e));
    message += &given_params(vm, params).unwrap_or_default();
    convert::statement_error(vm, message, &sql, Some(&e))
}

/// Runs one statement on database `db` (the ORM's flush), logged like any other.
pub fn run_on(vm: &mut Vm, state: &Shared, db: usize, sql: &str, params: &[Literal]) -> PyResult<Outcome> {
    run(vm, state, &Args::new(vec![Value::Int(db as i64)]), sql, params)
}

/// Runs one row of an "insertmanyvalues" batch on database `db` (cursor
/// events report it as part of an executemany, as SQLAlchemy's do).
pub fn run_batched_on(vm: &mut Vm, state: &Shared, db: usize, sql: &str, params: &[Literal]) -> PyResult<Outcome> {
    run_reported(vm, state, &Args::new(vec![Value::Int(db as i64)]), sql, params, true)
}

/// Runs one statement for many rows of parameters (an executemany) on database `db`.
pub fn run_many_on(vm: &mut Vm, state: &Shared, db: usize, sql: &str, rows: &[Vec<Literal>]) -> PyResult<u64> {
    run_many(vm, state, &Args::new(vec![Value::Int(db as i64)]), sql, rows.to_vec())
}

/// An executemany on the database `a` names; an error shows every row's parameters (as SQLAlchemy shows them).
fn run_many(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, rows: Vec<Vec<Literal>>) -> PyResult<u64> {
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
fn run_many_values(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, rows: Vec<Vec<retort_engine::Value>>) -> PyResult<u64> {
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
fn engine_literals(values: &[retort_engine::Value]) -> Vec<Literal> {
    values.iter().map(convert::engine_literal).collect()
}

/// The parameters of the statement the database ran last, as the driver
/// got them (a tuple, or an executemany's list of tuples): the values
/// went to the log, and an error shows them from there.
fn logged_params(db: &Connection<Limbo>) -> Value {
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
fn run(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, params: &[Literal]) -> PyResult<Outcome> {
    run_reported(vm, state, a, sql, params, false)
}

/// One statement; `many`: the cursor events report it as part of an executemany.
fn run_reported(vm: &mut Vm, state: &Shared, a: &Args, sql: &str, params: &[Literal], many: bool) -> PyResult<Outcome> {
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
fn run_values(vm: &mut Vm, state: &Shared, a: &Args, sql: &std::sync::Arc<str>, values: Vec<retort_engine::Value>) -> PyResult<Outcome> {
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
fn python_params(row: &[Literal]) -> Value {
    Value::tuple(row.iter().map(literal_value).collect())
}

/// A statement's cursor-event call, when the engine of the database `a`
/// names has listeners: the hook and its arguments after the phase
/// (statement, parameters made by `params`, executemany).
fn cursor_hook(state: &Shared, a: &Args, sql: &str, params: impl FnOnce() -> Value, many: bool) -> Option<(Value, [Value; 3])> {
    let Some(Value::Int(i)) = a.pos.first() else { return None };
    let hook = state.borrow().hooks.iter().find(|(db, _)| *db as i64 == *i).map(|(_, h)| h.clone())?;
    Some((hook, [Value::str(sql), params(), Value::Bool(many)]))
}

/// Calls the cursor-event hook for `phase` ("before" or "after").
fn fire(vm: &mut Vm, hook: &Option<(Value, [Value; 3])>, phase: &str) -> PyResult<()> {
    if let Some((h, [sql, params, many])) = hook {
        vm.call(h, Args::new(vec![Value::str(phase), sql.clone(), params.clone(), many.clone()]))?;
    }
    Ok(())
}

/// Runs `f` with the statements it sends logged as made in `mode` (for echo).
fn in_mode<T>(state: &Shared, a: &Args, mode: Mode, f: impl FnOnce() -> T) -> T {
    set_mode(state, a, mode);
    let r = f();
    set_mode(state, a, Mode::Compiled);
    r
}

/// How the statements the database runs next were made (for echo).
fn set_mode(state: &Shared, a: &Args, mode: Mode) {
    if let Some(Value::Int(i)) = a.pos.first() {
        if let Some(echo) = state.borrow_mut().echo.get_mut(*i as usize) {
            echo.mode = mode;
        }
    }
}

/// `Result([], [], rowcount, lastrowid, False)` made without running its
/// `__init__` (the attributes it sets, the rest are the class's defaults): a
/// loop of INSERTs makes one per statement.
fn rowless_result(vm: &mut Vm, result_class: &Value, rowcount: i64, lastrowid: Value) -> PyResult<Value> {
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

fn execute_statement(vm: &mut Vm, state: &Shared, a: &Args, stmt: Value) -> PyResult<Value> {
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
