//! `_retort_sql`, the private module under `sqlalchemy`: opens databases,
//! runs transactions, compiles and executes statements, creates and drops
//! schemas. Every statement goes through the engine's `Connection`, and its
//! events move to the run's log tagged with the script line running it.
//!
//! Split by job: [`databases`] (opening them, running on one), [`statements`]
//! (converting and compiling what the script built, defaults, kept insert
//! plans), [`execute`] (`Connection.execute`, cursor events, results),
//! [`schema`] (`create_all`/`drop_all`, DDL) and [`errors`] (SQLAlchemy's
//! DBAPI and statement errors). The functions the module exports are the
//! table [`FUNCTIONS`].

use std::cell::RefCell;
use std::rc::Rc;

use retort_engine::log::Event;
use retort_engine::{Connection, Limbo};
use retort_python::object::Module;
use retort_python::{Args, PyResult, Value, Vm};
use retort_sql::compiler::{self, Compiled, Dialect, Statement};
use retort_sql::expr::Literal;

use crate::convert::{self, kind, Conversion};
use crate::echo::Mode;

mod databases;
mod errors;
mod execute;
mod schema;
mod statements;

use databases::*;
use errors::*;
pub(crate) use execute::*;
use schema::*;
use statements::*;

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

/// A function of `_retort_sql`: it gets the run's shared state.
type Function = fn(&mut Vm, &Shared, Args) -> PyResult<Value>;

/// `_retort_sql`'s functions, by name.
const FUNCTIONS: &[(&str, Function)] = &[
    ("_errors", |_, state, a| {
        state.borrow_mut().errors = a.pos.first().cloned().unwrap_or(Value::None);
        Ok(Value::None)
    }),
    ("open", open),
    ("open_live", open_live),
    ("begin", |vm, state, a| {
        with_db(vm, state, &a, |_, db| {
            db.begin();
            Ok(Value::None)
        })
    }),
    ("commit", |vm, state, a| with_db(vm, state, &a, |_, db| Ok(db.commit())).and_then(|r| engine_result(vm, state, r))),
    ("rollback", |vm, state, a| with_db(vm, state, &a, |_, db| Ok(db.rollback())).and_then(|r| engine_result(vm, state, r))),
    ("execute", execute),
    // _classes(Insert, Result): the classes the native Connection.execute knows
    ("_classes", |_, state, a| {
        state.borrow_mut().classes = match (a.pos.first(), a.pos.get(1)) {
            (Some(insert), Some(result)) => Some((insert.clone(), result.clone())),
            _ => None,
        };
        Ok(Value::None)
    }),
    ("connection_execute", crate::connection::execute),
    // missing_value(stmt, params, name): the StatementError for a bind
    // parameter `name` the parameters give no value (not raised)
    ("missing_value", |vm, _, a| {
        let (stmt, params) = (a.pos.first().cloned().unwrap_or(Value::None), a.pos.get(1).cloned().unwrap_or(Value::None));
        let name = a.pos.get(2).and_then(|n| n.as_str().map(str::to_owned)).unwrap_or_default();
        Ok(missing_bind_error(vm, &stmt, &params, &name)?.value())
    }),
    // set_hook(db, fn or None): fn("before" | "after", statement, parameters, executemany) around each statement
    ("set_hook", |vm, state, a| {
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
    }),
    ("set_echo", |vm, state, a| {
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
    }),
    // the run's log, for flask_sqlalchemy's recorded queries: its length, and
    // the statements since a position as (sql, [parameters], seconds, line)
    ("log_len", |_, state, _| Ok(Value::Int(state.borrow().log.borrow().len() as i64))),
    ("statements_since", |_, state, a| {
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
    }),
    ("take_echo", |_, state, a| {
        let lines = match a.pos.first() {
            Some(Value::Int(i)) => state.borrow_mut().echo.get_mut(*i as usize).map(|e| std::mem::take(&mut e.lines)).unwrap_or_default(),
            _ => Vec::new(),
        };
        Ok(Value::list(lines.into_iter().map(Value::str).collect()))
    }),
    ("run_sql", |vm, state, a| {
        let sql = a.pos.get(1).and_then(Value::as_str).unwrap_or("").to_owned();
        in_mode(state, &a, Mode::NoKey, || run(vm, state, &a, &sql, &[]))?;
        Ok(Value::None)
    }),
    ("create_all", |vm, state, a| in_mode(state, &a, Mode::NoKey, || schema(vm, state, &a, true))),
    ("drop_all", |vm, state, a| in_mode(state, &a, Mode::NoKey, || schema(vm, state, &a, false))),
    ("forget_table", |_, _, a| {
        convert::forget_table(a.pos.first().unwrap_or(&Value::None));
        Ok(Value::None)
    }),
    ("sorted_tables", |vm, _, a| {
        let given = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
        let order = sorted(vm, &given)?;
        Ok(Value::list(order.into_iter().map(|(v, _)| v).collect()))
    }),
    // table_order(tables): (tables in CREATE order, names of tables on foreign key cycles), no warning
    ("table_order", |vm, _, a| {
        let given = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
        let (order, cycles) = schema::table_order(vm, &given)?;
        Ok(Value::tuple(vec![Value::list(order), Value::list(cycles.into_iter().map(Value::str).collect())]))
    }),
    // set_batch(db, num, total, downgraded, ordered) / set_batch(db): the
    // "insertmanyvalues" batch the next statements belong to (for echo), or none
    ("set_batch", |vm, state, a| {
        let db = match a.pos.first() {
            Some(Value::Int(i)) => *i as usize,
            _ => return Err(vm.new_error("TypeError", "set_batch() takes a database handle")),
        };
        let batch = match &a.pos[1..] {
            [Value::Int(num), Value::Int(total), downgraded, ordered] => Some(retort_orm::flush::Batch {
                num: *num as usize,
                total: *total as usize,
                downgraded: vm.truthy(downgraded)?,
                ordered: vm.truthy(ordered)?,
            }),
            _ => None,
        };
        if let Some(echo) = state.borrow_mut().echo.get_mut(db) {
            echo.batch = batch;
        }
        Ok(Value::None)
    }),
    // dbapi_execute(db, sql, params): a statement of the driver's own (a
    // `connect` listener's cursor), which SQLAlchemy neither sees nor logs:
    // ("ok", rows) or ("error", sqlite3 class name, message)
    ("dbapi_execute", |vm, state, a| {
        let sql = a.pos.get(1).and_then(Value::as_str).unwrap_or("").to_owned();
        let mut params = Vec::new();
        for p in vm.iterate(a.pos.get(2).unwrap_or(&Value::None)).unwrap_or_default() {
            params.push(convert::engine_value(&convert::bind_value(vm, &p, None)?));
        }
        let outcome = with_db(vm, state, &a, |_, db| Ok(db.execute_unlogged(&sql, &params)))?;
        Ok(match outcome {
            Ok(o) => {
                let rows =
                    o.rows.iter().map(|r| Value::tuple(r.iter().map(|v| literal_value(&convert::stored_literal(v))).collect())).collect();
                Value::tuple(vec![Value::str("ok"), Value::list(rows)])
            }
            Err(e) => Value::tuple(vec![Value::str("error"), Value::str(e.dbapi_class()), Value::str(e.message.as_str())]),
        })
    }),
    ("ddl", |vm, _, a| ddl(vm, &a)),
    ("load_source", |vm, _, a| load_source(vm, &a)),
    // quote(name): an identifier as SQLAlchemy's preparer writes it (`"order"`, `name`)
    ("quote", |_, _, a| match a.pos.first() {
        Some(Value::Str(name)) => Ok(Value::str(retort_sql::quote::quote(name.as_str()))),
        _ => Ok(Value::None),
    }),
    ("type_ddl", |vm, _, a| match convert::sql_type(vm, a.pos.first().unwrap_or(&Value::None))? {
        Some(ty) => Ok(Value::str(ty.to_string())),
        None => Ok(Value::str("NULL")),
    }),
    // compile(stmt, dialect, Compiled): dialect None (SQLite, to run), or
    // the name of one to show the statement in ("default", "postgresql", ...)
    ("compile", |vm, _, a| {
        let stmt = a.pos.first().cloned().unwrap_or(Value::None);
        let dialect = match a.pos.get(1).and_then(Value::as_str) {
            None => Dialect::Sqlite,
            Some("postgresql") => Dialect::Postgresql,
            Some("mysql") => Dialect::Mysql,
            Some("oracle") => Dialect::Oracle,
            Some(_) => Dialect::Default,
        };
        let named = dialect != Dialect::Sqlite;
        let c = if is_statement(vm, &stmt)? {
            prepare_with(vm, &stmt, &Value::None, dialect)?.compiled
        } else {
            expression(vm, &stmt, dialect)?
        };
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
    }),
    // Compiled.__str__
    ("compiled_string", |vm, _, a| vm.getattr(a.pos.first().unwrap_or(&Value::None), "string")),
    ("to_string", |vm, _, a| {
        let stmt = a.pos.first().cloned().unwrap_or(Value::None);
        if is_statement(vm, &stmt)? {
            return Ok(Value::str(prepare_with(vm, &stmt, &Value::None, Dialect::Default)?.compiled.sql));
        }
        Ok(Value::str(expression(vm, &stmt, Dialect::Default)?.sql))
    }),
];

/// Whether `stmt` is a statement (rather than a column expression).
fn is_statement(vm: &mut Vm, stmt: &Value) -> PyResult<bool> {
    Ok(matches!(kind(vm, stmt)?.as_str(), "select" | "compound_select" | "insert" | "update" | "delete" | "text"))
}

/// A column expression compiled for `dialect`: as the WHERE clause of a
/// SELECT of it would show it.
fn expression(vm: &mut Vm, e: &Value, dialect: Dialect) -> PyResult<Compiled> {
    let e = match convert::expr(vm, &mut Conversion::new(true), e)? {
        // (contains()/startswith() group themselves inside a clause, not alone)
        retort_sql::expr::Expr::Like { expr, pattern, escape, negated, wrapped: true } => {
            retort_sql::expr::Expr::Like { expr, pattern, escape, negated, wrapped: false }
        }
        e => e,
    };
    let select = retort_sql::expr::Select { where_: vec![e], ..retort_sql::expr::Select::default() };
    let mut c = compiler::compile(dialect, Statement::Select(&select)).map_err(|e| sql_err(vm, e))?;
    c.sql = c.sql.split_once("WHERE ").map_or(c.sql.as_str(), |(_, w)| w).to_owned();
    Ok(c)
}

/// The `_retort_sql` module, its functions bound to the run's `state`.
pub fn module(vm: &mut Vm, state: Shared) -> Rc<Module> {
    let m = Module::new("_retort_sql");
    for &(name, f) in FUNCTIONS {
        let state = state.clone();
        m.set(name, vm.native(name, move |vm, a| f(vm, &state, a)));
    }
    m
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
