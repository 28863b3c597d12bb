//! `_retort_orm`, the private module under `sqlalchemy.orm`: the bridge
//! between the script's mapped objects and `retort_orm`'s sessions.
//!
//! Owns: which Python object each `retort_orm` state stands for (held
//! weakly, as SQLAlchemy's identity map holds them, and strongly while
//! pending, dirty or deleted), the conversion of their attribute values to
//! and from the database's literals, and the flush's executor (statements
//! run through `_retort_sql`'s databases, so they are logged with the line).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use retort_orm::flush::{self, Executed, Executor, FlushError, FlushWork, Link, Refusal, Sync, SyncTiming};
use retort_orm::mapper::{ColumnAttr, Direction, Mapper, Relationship};
use retort_orm::session::{Orm, OrmError};
use retort_orm::state::StateId;
use retort_orm::Literal;
use retort_python::object::{Instance, Module};
use retort_python::{Args, PyErr, PyResult, Value, Vm};
use retort_sql::compiler::{self, Compiled};
use retort_sql::types::SqlType;

use crate::convert;
use crate::native::{self, Shared};

/// The ORM and the objects its states stand for.
pub struct Host {
    pub(crate) orm: Orm,
    /// By state: the object, held weakly.
    objects: Vec<Option<Weak<Instance>>>,
    /// Objects a session must keep alive: pending, dirty or deleted.
    strong: HashMap<StateId, Value>,
    /// By mapper: the script's `Column` objects of its attributes (types, defaults).
    columns: Vec<Vec<Value>>,
    /// By mapper: each attribute's SQL type, for converting its values.
    types: Vec<Vec<Option<SqlType>>>,
    sql: Shared,
    /// `sqlalchemy.orm`'s `_new_state(obj)` and `InstanceState` class, for
    /// an object without its state yet (see `make_state`).
    new_state: Value,
    state_class: Value,
    /// The mapped classes the snapshots show (`crate::snapshot`), read again when they change.
    pub(crate) shown_models: Vec<retort_protocol::Model>,
}

pub(crate) type Hosted = Rc<RefCell<Host>>;

impl Host {
    pub fn shared(sql: Shared) -> Hosted {
        Rc::new(RefCell::new(Host {
            orm: Orm::default(),
            objects: Vec::new(),
            strong: HashMap::new(),
            columns: Vec::new(),
            types: Vec::new(),
            sql,
            new_state: Value::None,
            state_class: Value::None,
            shown_models: Vec::new(),
        }))
    }

    pub(crate) fn object(&self, st: StateId) -> Option<Value> {
        if let Some(v) = self.strong.get(&st) {
            return Some(v.clone());
        }
        self.objects.get(st)?.as_ref()?.upgrade().map(Value::Instance)
    }

    /// Every live mapped object with its state id, in state order.
    pub(crate) fn alive(&self) -> Vec<(StateId, Value)> {
        (0..self.objects.len()).filter_map(|st| self.object(st).map(|o| (st, o))).collect()
    }

    /// The committed value of attribute `attr` of `st` (as the database
    /// has it, when it was loaded), as Python sees it; None when unknown.
    pub(crate) fn committed(vm: &mut Vm, host: &Hosted, st: StateId, attr: usize) -> PyResult<Value> {
        let (value, column) = {
            let h = host.borrow();
            let s = h.orm.state(st);
            (s.committed.get(attr).cloned().flatten(), h.columns[s.mapper].get(attr).cloned())
        };
        match (value, column) {
            (Some(v), Some(c)) => to_python(vm, host, st, attr, &v, &c),
            _ => Ok(Value::None),
        }
    }

    /// Keeps one object alive (it just became pending, dirty or deleted).
    fn hold_one(&mut self, st: StateId) {
        if !self.strong.contains_key(&st) {
            if let Some(obj) = self.objects.get(st).and_then(|w| w.as_ref()?.upgrade()) {
                self.strong.insert(st, Value::Instance(obj));
            }
        }
    }

    /// Keeps exactly the session's pending, dirty and deleted objects alive.
    fn hold(&mut self, sid: usize) {
        let s = self.orm.session(sid);
        let keep: std::collections::HashSet<StateId> = s.new.iter().chain(&s.deleted).chain(&s.modified).copied().collect();
        self.strong.retain(|st, _| keep.contains(st) || self.orm.state(*st).session.is_some_and(|o| o != sid));
        for st in keep {
            if !self.strong.contains_key(&st) {
                if let Some(obj) = self.objects.get(st).and_then(|w| w.as_ref()?.upgrade()) {
                    self.strong.insert(st, Value::Instance(obj));
                }
            }
        }
    }
}

fn int(vm: &Vm, a: &Args, i: usize) -> PyResult<usize> {
    match a.pos.get(i) {
        Some(Value::Int(n)) if *n >= 0 => Ok(*n as usize),
        _ => Err(vm.new_error("TypeError", format!("_retort_orm: argument {i} must be an index"))),
    }
}

/// An index (a state, mapper or attribute number), or None for anything else.
fn index(v: &Value) -> Option<usize> {
    match v {
        Value::Int(n) if *n >= 0 => Some(*n as usize),
        _ => None,
    }
}

fn arg(a: &Args, i: usize) -> Value {
    a.pos.get(i).cloned().unwrap_or(Value::None)
}

fn error_text(e: OrmError) -> Value {
    match e {
        OrmError::InvalidRequest(m) => Value::str(m),
    }
}

/// The functions that change objects or sessions (the rest only read them).
const CHANGES: [&str; 15] = [
    "touch",
    "column_set",
    "state",
    "attach",
    "bulk_deleted",
    "make_transient",
    "add",
    "delete",
    "expunge",
    "modified",
    "flush",
    "commit",
    "rollback",
    "savepoint",
    "close",
];

/// `_state(obj)`, which the ORM's Python asks for at every turn: the
/// `InstanceState` in the object's `__dict__`, or a new one made by
/// `_new_state(obj)` (which also says when the class is not mapped).
fn instance_state(vm: &mut Vm, host: &Hosted, a: Args) -> PyResult<Value> {
    object_state(vm, host, &arg(&a, 0))
}

/// The object's `InstanceState`: the one in its `__dict__`, or a new one.
fn object_state(vm: &mut Vm, host: &Hosted, obj: &Value) -> PyResult<Value> {
    if let Value::Instance(i) = obj {
        if let Some(st) = i.dict.borrow().get("_sa_instance_state").filter(|st| !st.is_none()) {
            return Ok(st.clone());
        }
    }
    make_state(vm, host, obj)
}

/// A new object's `InstanceState`, made as `_new_state(obj)` makes it (its
/// `__init__`'s four attributes set directly); for a class without a plain
/// mapper, `_new_state` itself (which says the class is not mapped).
fn make_state(vm: &mut Vm, host: &Hosted, obj: &Value) -> PyResult<Value> {
    let state_class = host.borrow().state_class.clone();
    if let (Value::Instance(o), Value::Class(state_class)) = (obj, &state_class) {
        if let Some(Value::Instance(mapper)) = o.class().lookup("__mapper__") {
            let (mid, class_, polymorphic) = {
                let md = mapper.dict.borrow();
                (md.get("mid").cloned(), md.get("class_").cloned(), md.get("polymorphic_identity").is_some_and(|v| !v.is_none()))
            };
            // (a polymorphic class's new object takes its discriminator in `_new_state`)
            if let (Some(Value::Int(mid)), Some(class_), false) = (mid, class_, polymorphic) {
                // (as `_retort_orm.state`: a change the timeline may start a step at)
                let sql = host.borrow().sql.clone();
                crate::steps::touch(vm, &sql);
                let st = {
                    let mut h = host.borrow_mut();
                    let st = h.orm.new_state(mid as usize);
                    h.objects.resize(st + 1, None);
                    h.objects[st] = Some(Rc::downgrade(o));
                    st
                };
                let state = vm.new_instance(state_class, &[]);
                if let Value::Instance(s) = &state {
                    let mut d = s.dict.borrow_mut();
                    d.insert(Rc::from("mapper"), Value::Instance(mapper.clone()));
                    d.insert(Rc::from("_st"), Value::Int(st as i64));
                    d.insert(Rc::from("rel_events"), Value::dict(Default::default()));
                    d.insert(Rc::from("class_"), class_);
                }
                o.dict.borrow_mut().insert(Rc::from("_sa_instance_state"), state.clone());
                return Ok(state);
            }
        }
    }
    let new_state = host.borrow().new_state.clone();
    vm.call(&new_state, Args::new(vec![obj.clone()]))
}

/// `_ColumnAttribute.__set__(attr, obj, value)`: setting a mapped column's
/// value, natively when nothing watches it (no event listeners, no
/// `@validates` on the mapper); otherwise the Python `attr._set(obj, value)`.
fn column_set(vm: &mut Vm, host: &Hosted, a: Args) -> PyResult<Value> {
    let (attr, obj, value) = (arg(&a, 0), arg(&a, 1), arg(&a, 2));
    let listened = vm.modules.get("sqlalchemy.event").and_then(|m| m.get("_listeners")).is_some_and(|l| !is_empty(&l));
    if let (false, Value::Instance(at), Value::Instance(o)) = (listened, &attr, &obj) {
        let key = at.dict.borrow().get("key").cloned();
        if let Some(Value::Str(key)) = key {
            if let Value::Instance(st) = &object_state(vm, host, &obj)? {
                let sd = st.dict.borrow();
                let validated = match sd.get("mapper") {
                    Some(Value::Instance(m)) => !matches!(m.dict.borrow().get("validators"), Some(v) if is_empty(v)),
                    _ => true,
                };
                if let (false, Some(Value::Int(sid))) = (validated, sd.get("_st")) {
                    let sid = *sid as usize;
                    drop(sd);
                    o.dict.borrow_mut().insert(Rc::from(key.as_str()), value);
                    let mut h = host.borrow_mut();
                    h.orm.modified(sid);
                    if h.orm.state(sid).session.is_some() {
                        h.hold_one(sid);
                    }
                    return Ok(Value::None);
                }
            }
        }
    }
    let slow = vm.getattr(&attr, "_set")?;
    vm.call(&slow, Args::new(vec![obj, value]))
}

/// `_ColumnAttribute.__get__(attr, obj, owner=None)`: the column on the
/// class, the loaded value on an object; anything else (an expired or
/// unloaded column) through the Python `attr._get(obj, owner)`.
fn column_get(vm: &mut Vm, _: &Hosted, a: Args) -> PyResult<Value> {
    let (attr, obj) = (arg(&a, 0), arg(&a, 1));
    if let Value::Instance(at) = &attr {
        let ad = at.dict.borrow();
        match &obj {
            Value::None => {
                if let Some(column) = ad.get("column") {
                    return Ok(column.clone());
                }
            }
            Value::Instance(o) => {
                if let Some(Value::Str(key)) = ad.get("key") {
                    if let Some(v) = o.dict.borrow().get(key.as_str()) {
                        return Ok(v.clone());
                    }
                }
            }
            _ => {}
        }
    }
    let slow = vm.getattr(&attr, "_get")?;
    vm.call(&slow, Args::new(a.pos.into_iter().skip(1).collect()))
}

/// An empty dict or list (a registry of listeners or validators with nothing in it).
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Dict(d) => d.borrow().is_empty(),
        Value::List(l) => l.borrow().is_empty(),
        _ => false,
    }
}

pub fn module(vm: &mut Vm, host: Hosted) -> Rc<Module> {
    let m = Module::new("_retort_orm");
    let add = |m: &Module, vm: &mut Vm, name: &str, f: fn(&mut Vm, &Hosted, Args) -> PyResult<Value>| {
        let host = host.clone();
        if CHANGES.contains(&name) {
            // a change to the objects: it may start the timeline's next step
            m.set(
                name,
                vm.native(name, move |vm, a| {
                    let sql = host.borrow().sql.clone();
                    crate::steps::touch(vm, &sql);
                    f(vm, &host, a)
                }),
            );
        } else {
            m.set(name, vm.native(name, move |vm, a| f(vm, &host, a)));
        }
    };
    // an object is about to change (the timeline's step boundary; nothing else)
    add(&m, vm, "touch", |_, _, _| Ok(Value::None));
    add(&m, vm, "_new_state", |_, host, a| {
        let mut h = host.borrow_mut();
        h.new_state = arg(&a, 0);
        h.state_class = arg(&a, 1);
        Ok(Value::None)
    });
    add(&m, vm, "instance_state", instance_state);
    add(&m, vm, "column_set", column_set);
    add(&m, vm, "column_get", column_get);
    // fill(obj, keys, values): the loaded columns straight into obj.__dict__
    add(&m, vm, "fill", |vm, _, a| {
        let (Value::Instance(obj), Value::List(keys), Value::List(values)) = (arg(&a, 0), arg(&a, 1), arg(&a, 2)) else {
            return Err(vm.new_error("TypeError", "fill(obj, keys, values) takes an object and two lists"));
        };
        let mut d = obj.dict.borrow_mut();
        for (k, v) in keys.borrow().iter().zip(values.borrow().iter()) {
            if let Value::Str(k) = k {
                d.insert(Rc::from(k.as_str()), v.clone());
            }
        }
        Ok(Value::None)
    });
    add(&m, vm, "mapper", mapper);
    add(&m, vm, "relationship", |vm, host, a| {
        let (mid, target) = (int(vm, &a, 0)?, int(vm, &a, 2)?);
        let key = arg(&a, 1).as_str().unwrap_or("").to_owned();
        let direction = match arg(&a, 3).as_str() {
            Some("ONETOMANY") => Direction::OneToMany,
            Some("MANYTOONE") => Direction::ManyToOne,
            _ => Direction::ManyToMany,
        };
        let post_update = matches!(a.pos.get(4), Some(Value::Bool(true)));
        let mut h = host.borrow_mut();
        let rels = &mut h.orm.registry.mappers[mid].relationships;
        rels.push(Relationship { key, target, direction, post_update });
        Ok(Value::Int(rels.len() as i64 - 1))
    });
    // version_column(mapper, attribute): the mapper's version_id_col
    add(&m, vm, "version_column", |vm, host, a| {
        let (mid, attr) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        host.borrow_mut().orm.registry.mappers[mid].version = Some(attr);
        Ok(Value::None)
    });
    add(&m, vm, "inherit", inherit);
    add(&m, vm, "session", |_, host, _| Ok(Value::Int(host.borrow_mut().orm.new_session() as i64)));
    add(&m, vm, "state", |vm, host, a| {
        let mid = int(vm, &a, 0)?;
        let mut h = host.borrow_mut();
        let st = h.orm.new_state(mid);
        h.objects.resize(st + 1, None);
        if let Value::Instance(obj) = arg(&a, 1) {
            h.objects[st] = Some(Rc::downgrade(&obj));
        }
        Ok(Value::Int(st as i64))
    });
    add(&m, vm, "attach", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        let mut h = host.borrow_mut();
        let n = h.orm.states.len().max(st + 1);
        h.objects.resize(n, None);
        if let Value::Instance(obj) = arg(&a, 1) {
            h.objects[st] = Some(Rc::downgrade(&obj));
        }
        Ok(Value::None)
    });
    add(&m, vm, "object", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        Ok(host.borrow().object(st).unwrap_or(Value::None))
    });
    add(&m, vm, "alive", |_, host, _| {
        let pairs = host.borrow().alive().into_iter().map(|(st, o)| Value::tuple(vec![Value::Int(st as i64), o])).collect();
        Ok(Value::list(pairs))
    });
    // the Models and Session panels' snapshot (see `crate::snapshot`)
    add(&m, vm, "show_models", |vm, host, a| crate::snapshot::show_models(vm, host, &arg(&a, 0)));
    add(&m, vm, "snapshot", |vm, host, a| crate::snapshot::snapshot(vm, host, &arg(&a, 0), &arg(&a, 1)));
    add(&m, vm, "bulk_deleted", |vm, host, a| {
        // a bulk DELETE matched a loaded object: it is deleted as a flush would leave it
        let (sid, st) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        let mut h = host.borrow_mut();
        h.orm.deleted(sid, st);
        h.hold(sid);
        Ok(Value::None)
    });
    add(&m, vm, "make_transient", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        host.borrow_mut().orm.make_transient(st);
        Ok(Value::None)
    });
    add(&m, vm, "add", |vm, host, a| {
        let (sid, st) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        let mut h = host.borrow_mut();
        let r = h.orm.add(sid, st);
        h.hold_one(st);
        match r {
            Ok(added) => Ok(Value::Bool(added)),
            Err(e) => Ok(error_text(e)),
        }
    });
    add(&m, vm, "delete", |vm, host, a| {
        let (sid, st) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        let mut h = host.borrow_mut();
        let r = h.orm.delete(sid, st);
        h.hold_one(st);
        Ok(r.err().map_or(Value::None, error_text))
    });
    add(&m, vm, "expunge", |vm, host, a| {
        let (sid, st) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        let mut h = host.borrow_mut();
        h.orm.expunge(sid, st);
        h.strong.remove(&st);
        Ok(Value::None)
    });
    add(&m, vm, "modified", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        let mut h = host.borrow_mut();
        h.orm.modified(st);
        if h.orm.state(st).session.is_some() {
            h.hold_one(st);
        }
        Ok(Value::None)
    });
    add(&m, vm, "status", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        let h = host.borrow();
        let s = h.orm.state(st);
        let session = s.session.map_or(Value::None, |s| Value::Int(s as i64));
        Ok(Value::tuple(vec![Value::str(s.status.name()), session, Value::Bool(s.marked_deleted), Value::Bool(s.modified)]))
    });
    add(&m, vm, "session_of", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        Ok(host.borrow().orm.state(st).session.map_or(Value::None, |s| Value::Int(s as i64)))
    });
    add(&m, vm, "identity", |vm, host, a| {
        let st = int(vm, &a, 0)?;
        let key = host.borrow().orm.state(st).key.clone();
        match key {
            None => Ok(Value::None),
            Some(k) => Ok(key_tuple(&k)),
        }
    });
    add(&m, vm, "get", |vm, host, a| {
        let (sid, mid) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        let values = vm.iterate(&arg(&a, 2))?;
        let literals = pk_literals(vm, host, mid, &values)?;
        let mut h = host.borrow_mut();
        let key = retort_orm::identity::IdentityKey::new(h.orm.registry.base(mid), literals);
        let Some(st) = key.and_then(|k| h.orm.lookup(sid, &k)) else { return Ok(Value::None) };
        match h.object(st) {
            Some(obj) => Ok(obj),
            None => {
                h.orm.discard(st);
                Ok(Value::None)
            }
        }
    });
    add(&m, vm, "load", load);
    add(&m, vm, "flush", flush_session);
    add(&m, vm, "commit", |vm, host, a| {
        let sid = int(vm, &a, 0)?;
        let expire = vm.truthy(&arg(&a, 1))?;
        let expired = host.borrow_mut().orm.commit(sid, expire);
        expire_objects(host, &expired);
        host.borrow_mut().hold(sid);
        Ok(Value::None)
    });
    add(&m, vm, "rollback", |vm, host, a| {
        let sid = int(vm, &a, 0)?;
        let savepoint = vm.truthy(&arg(&a, 1))?;
        let outcome = if savepoint { host.borrow_mut().orm.rollback_savepoint(sid) } else { host.borrow_mut().orm.rollback(sid) };
        expire_objects(host, &outcome.expired);
        host.borrow_mut().hold(sid);
        let h = host.borrow();
        Ok(Value::list(outcome.expunged.iter().filter_map(|&st| h.object(st)).collect()))
    });
    add(&m, vm, "savepoint", |vm, host, a| {
        let sid = int(vm, &a, 0)?;
        host.borrow_mut().orm.savepoint(sid);
        Ok(Value::None)
    });
    add(&m, vm, "release", |vm, host, a| {
        let sid = int(vm, &a, 0)?;
        host.borrow_mut().orm.release_savepoint(sid);
        Ok(Value::None)
    });
    add(&m, vm, "close", |vm, host, a| {
        let sid = int(vm, &a, 0)?;
        let mut h = host.borrow_mut();
        h.orm.close(sid);
        h.hold(sid);
        Ok(Value::None)
    });
    add(&m, vm, "objects", |vm, host, a| {
        let sid = int(vm, &a, 0)?;
        let h = host.borrow();
        let s = h.orm.session(sid);
        let mut states: Vec<StateId> = match arg(&a, 1).as_str() {
            Some("new") => s.new.clone(),
            Some("deleted") => s.deleted.clone(),
            Some("dirty") => s.modified.iter().copied().filter(|&st| !h.orm.state(st).marked_deleted).collect(),
            _ => {
                let mut all = h.orm.persistent(sid);
                all.sort_unstable();
                all
            }
        };
        states.dedup();
        Ok(Value::list(states.iter().filter_map(|&st| h.object(st)).collect()))
    });
    add(&m, vm, "committed", |vm, host, a| {
        let (st, attr) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
        Host::committed(vm, host, st, attr)
    });
    m
}

/// Whether a column's `default=` is a SQL expression (`func.now()`), not a
/// value or a Python function.
fn is_sql_expression(vm: &mut Vm, default: &Value) -> PyResult<bool> {
    Ok(!matches!(default, Value::None) && vm.getattr_opt(default, "__visit_name__")?.is_some())
}

/// `mapper(table, [(key, column)], sort_key, [Column])`: registers a mapped class.
fn mapper(vm: &mut Vm, host: &Hosted, a: Args) -> PyResult<Value> {
    let table = convert::table(vm, &arg(&a, 0))?;
    let mut attrs = Vec::new();
    for pair in vm.iterate(&arg(&a, 1))? {
        let pair = vm.iterate(&pair)?;
        let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
        attrs.push(ColumnAttr { key: text(pair.first()), column: text(pair.get(1)) });
    }
    let sort_key = arg(&a, 2).as_str().unwrap_or("").to_owned();
    let columns = vm.iterate(&arg(&a, 3))?;
    let mut mapper = Mapper::new(&sort_key, table, attrs);
    for (i, c) in columns.iter().enumerate() {
        let default = vm.getattr_opt(c, "default")?.unwrap_or(Value::None);
        mapper.python_defaults[i] = !matches!(default, Value::None);
        if is_sql_expression(vm, &default)? {
            mapper.sql_defaults[i] = Some(convert::expr(vm, &mut convert::Conversion::new(false), &default)?);
        }
    }
    let mut h = host.borrow_mut();
    let id = h.orm.registry.add(mapper);
    let types = attr_types(h.orm.registry.get(id));
    h.types.push(types);
    h.columns.push(columns);
    Ok(Value::Int(id as i64))
}

fn attr_types(m: &Mapper) -> Vec<Option<retort_sql::types::SqlType>> {
    (0..m.attrs.len()).map(|i| m.column_of(i).map(|c| c.ty.clone())).collect()
}

/// `inherit(mapper, parent, [(Table, [column name or None per attribute])])`:
/// the mapper inherits from `parent`, its rows saved in those tables (the
/// base's first).
fn inherit(vm: &mut Vm, host: &Hosted, a: Args) -> PyResult<Value> {
    let (mid, parent) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
    let mut tables = Vec::new();
    for pair in vm.iterate(&arg(&a, 2))? {
        let pair = vm.iterate(&pair)?;
        let table = convert::table(vm, &pair[0])?;
        let columns = vm.iterate(&pair[1])?.iter().map(|c| c.as_str().map(str::to_owned)).collect();
        tables.push(retort_orm::mapper::MappedTable { table, columns });
    }
    let mut h = host.borrow_mut();
    h.orm.registry.mappers[mid].inherit(parent, tables);
    let types = attr_types(h.orm.registry.get(mid));
    h.types[mid] = types;
    Ok(Value::None)
}

/// A literal from the database as the attribute's Python value.
fn to_python(vm: &mut Vm, host: &Hosted, st: StateId, attr: usize, v: &Literal, column: &Value) -> PyResult<Value> {
    let ty = {
        let h = host.borrow();
        h.types[h.orm.state(st).mapper][attr].clone()
    };
    let py_type = vm.getattr_opt(column, "type")?.unwrap_or(Value::None);
    convert::literal_value(vm, v, ty.as_ref(), &py_type)
}

/// A Python value bound for attribute `attr` of mapper `mid`.
fn bind(vm: &mut Vm, host: &Hosted, mid: usize, attr: usize, v: &Value) -> PyResult<Literal> {
    let ty = host.borrow().types[mid][attr].clone();
    convert::bind_value(vm, v, ty.as_ref())
}

fn pk_literals(vm: &mut Vm, host: &Hosted, mid: usize, values: &[Value]) -> PyResult<Vec<Literal>> {
    let pk = host.borrow().orm.registry.get(mid).pk.clone();
    let mut out = Vec::new();
    for (&i, v) in pk.iter().zip(values) {
        out.push(bind(vm, host, mid, i, v)?);
    }
    Ok(out)
}

/// `load(sid, mapper, values, obj_factory)`: a loaded row's object, the one
/// in the identity map or a new one `factory(state)` builds; returns
/// `(object, state, is_new)`.
fn load(vm: &mut Vm, host: &Hosted, a: Args) -> PyResult<Value> {
    let (sid, mid) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
    let values = vm.iterate(&arg(&a, 2))?;
    let populate = vm.truthy(&arg(&a, 3))?;
    // the indexes of columns the query did not load (deferred ones)
    let mut absent = Vec::new();
    for i in vm.iterate(&a.pos.get(4).cloned().unwrap_or_else(|| Value::list(Vec::new())))? {
        absent.extend(index(&i));
    }
    let mut row = Vec::new();
    for (i, v) in values.iter().enumerate() {
        row.push(if absent.contains(&i) { None } else { Some(bind(vm, host, mid, i, v)?) });
    }
    loop {
        let retort_orm::loading::Loaded { state: st, fresh } = host.borrow_mut().orm.load_row(sid, mid, row.clone(), populate);
        if fresh {
            let mut h = host.borrow_mut();
            let n = h.orm.states.len();
            h.objects.resize(n, None);
            return Ok(Value::tuple(vec![Value::None, Value::Int(st as i64), Value::Bool(true)]));
        }
        let obj = host.borrow().object(st);
        match obj {
            Some(obj) => return Ok(Value::tuple(vec![obj, Value::Int(st as i64), Value::Bool(false)])),
            // the script dropped it: load afresh
            None => host.borrow_mut().orm.discard(st),
        }
    }
}

/// Forgets the loaded attributes of expired objects (they load again on access).
fn expire_objects(host: &Hosted, states: &[StateId]) {
    let h = host.borrow();
    for &st in states {
        if let Some(Value::Instance(obj)) = h.object(st) {
            obj.dict.borrow_mut().retain(|k, _| &**k == "_sa_instance_state");
        }
    }
}

/// The executor of a flush: statements through `_retort_sql`'s database.
struct Exec<'a> {
    vm: &'a mut Vm,
    host: &'a Hosted,
    sql: Shared,
    db: usize,
}

fn literal_rows(outcome: &retort_engine::Outcome) -> Vec<Vec<Literal>> {
    outcome.rows.iter().map(|r| r.iter().map(convert::stored_literal).collect()).collect()
}

impl Executor for Exec<'_> {
    type Error = PyErr;

    fn execute(&mut self, c: &Compiled) -> Result<Executed, PyErr> {
        let o = native::run_on(self.vm, &self.sql, self.db, &c.sql, &c.params)?;
        Ok(Executed { rows: literal_rows(&o), last_insert_rowid: o.last_insert_rowid, rows_affected: o.rows_affected })
    }

    fn execute_many(&mut self, sql: &str, rows: Vec<Vec<Literal>>) -> Result<u64, PyErr> {
        native::run_many_on(self.vm, &self.sql, self.db, sql, &rows)
    }

    fn execute_batched(&mut self, c: &Compiled, batch: retort_orm::flush::Batch) -> Result<Executed, PyErr> {
        let o = native::run_batched_on(self.vm, &self.sql, self.db, &c.sql, &c.params, batch)?;
        Ok(Executed { rows: literal_rows(&o), last_insert_rowid: o.last_insert_rowid, rows_affected: o.rows_affected })
    }

    /// Loads the columns the object's `__dict__` lacks, as SQLAlchemy's
    /// access to an expired attribute does.
    fn refresh(&mut self, st: StateId, mapper: &Mapper, key: &[Literal], known: &[bool]) -> Result<Vec<(usize, Literal)>, PyErr> {
        let obj = self.host.borrow().object(st);
        // (the base table's columns: what a key-only refresh of a subclass reaches)
        let first = |i: &usize| mapper.tables[0].columns[*i].is_some();
        let missing: Vec<usize> = match &obj {
            Some(Value::Instance(o)) => {
                let d = o.dict.borrow();
                (0..mapper.attrs.len()).filter(|&i| !known[i] && !d.contains_key(mapper.attrs[i].key.as_str())).filter(first).collect()
            }
            _ => (0..mapper.attrs.len()).filter(|&i| !known[i]).filter(first).collect(),
        };
        if missing.is_empty() {
            return Ok(Vec::new());
        }
        let c =
            compiler::select(&retort_orm::loading::by_primary_key(mapper, key, &missing)).map_err(|e| convert::sql_error(self.vm, &e))?;
        let o = native::run_on(self.vm, &self.sql, self.db, &c.sql, &c.params)?;
        Ok(literal_rows(&o).into_iter().next().map(|row| missing.into_iter().zip(row).collect()).unwrap_or_default())
    }
}

/// The current value of each column attribute of an object (`None`: not in its `__dict__`).
fn current_values(
    vm: &mut Vm,
    host: &Hosted,
    st: StateId,
    refused: &mut HashMap<(StateId, usize), Refusal>,
) -> PyResult<Vec<Option<Literal>>> {
    let (obj, mid, keys) = {
        let h = host.borrow();
        let mid = h.orm.state(st).mapper;
        let keys: Vec<String> = h.orm.registry.get(mid).attrs.iter().map(|a| a.key.clone()).collect();
        (h.object(st), mid, keys)
    };
    let Some(Value::Instance(obj)) = obj else { return Ok(vec![None; keys.len()]) };
    let mut out = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let v = obj.dict.borrow().get(key.as_str()).cloned();
        out.push(match v {
            Some(v) => Some(match bind(vm, host, mid, i, &v) {
                Ok(l) => l,
                // a bind processor's refusal fails the statement that would send it
                Err(e) if convert::take_bind_failure() => {
                    refused.insert((st, i), Refusal { class: e.class().name.to_string(), message: vm.exc_str(&e) });
                    convert::leniently(|| bind(vm, host, mid, i, &v))?
                }
                Err(e) => return Err(e),
            }),
            None => None,
        });
    }
    Ok(out)
}

/// `flush(db, sid, syncs, links, cascaded)`: the session's unit of work.
/// `syncs`: `(mapper, relationship, parent state or None, child state, [(parent attr, child attr)], timing)`
/// (timing: `"post"`/`"pre"` for a `post_update` relationship's, after saves or before deletes);
/// `links`: `(mapper, relationship, table, insert, [(column, state, attr)])`.
fn flush_session(vm: &mut Vm, host: &Hosted, a: Args) -> PyResult<Value> {
    let (db, sid) = (int(vm, &a, 0)?, int(vm, &a, 1)?);
    let mut work = FlushWork::default();
    for s in vm.iterate(&arg(&a, 2))? {
        let s = vm.iterate(&s)?;
        let pairs = index_pairs(vm, &s[4])?;
        let timing = match s.get(5).and_then(Value::as_str) {
            Some("post") => SyncTiming::PostUpdate,
            Some("pre") => SyncTiming::PreUpdate,
            _ => SyncTiming::Ordinary,
        };
        work.syncs.push(Sync {
            relationship: (as_index(&s[0]), as_index(&s[1])),
            parent: index(&s[2]),
            child: as_index(&s[3]),
            pairs,
            timing,
        });
    }
    for l in vm.iterate(&arg(&a, 3))? {
        let l = vm.iterate(&l)?;
        let table = convert::table(vm, &l[2])?;
        let mut columns = Vec::new();
        for c in vm.iterate(&l[4])? {
            let c = vm.iterate(&c)?;
            columns.push((c[0].as_str().unwrap_or("").to_owned(), as_index(&c[1]), as_index(&c[2])));
        }
        let insert = vm.truthy(&l[3])?;
        work.links.push(Link { relationship: (as_index(&l[0]), as_index(&l[1])), table, insert, columns });
    }
    work.cascaded_deletes = vm.iterate(&arg(&a, 4))?.iter().map(as_index).collect();
    // the objects' values and Python-side defaults
    let (candidates, new): (Vec<StateId>, Vec<StateId>) = {
        let h = host.borrow();
        let s = h.orm.session(sid);
        let mut c: Vec<StateId> = s.new.iter().chain(&s.modified).copied().collect();
        c.extend(work.syncs.iter().map(|s| s.child));
        c.sort_unstable();
        c.dedup();
        (c, s.new.clone())
    };
    for &st in &candidates {
        let values = current_values(vm, host, st, &mut work.refused)?;
        work.values.insert(st, values);
    }
    for &st in &new {
        let (mid, columns, has_default) = {
            let h = host.borrow();
            let mid = h.orm.state(st).mapper;
            (mid, h.columns[mid].clone(), h.orm.registry.get(mid).python_defaults.clone())
        };
        let mut defaults = Vec::new();
        for (i, c) in columns.iter().enumerate().filter(|(i, _)| has_default[*i]) {
            let given = work.values.get(&st).and_then(|v| v.get(i).cloned().flatten()).is_some_and(|v| v != Literal::None);
            let default = vm.getattr_opt(c, "default")?.unwrap_or(Value::None);
            if given || matches!(default, Value::None) || is_sql_expression(vm, &default)? {
                // (a SQL expression default is rendered in the INSERT itself)
                continue;
            }
            let value = if vm.getattr_opt(&default, "__call__")?.is_some() { vm.call(&default, Args::default())? } else { default };
            defaults.push((i, bind(vm, host, mid, i, &value)?));
        }
        if !defaults.is_empty() {
            work.defaults.insert(st, defaults);
        }
    }
    let sql = host.borrow().sql.clone();
    let mut orm = std::mem::take(&mut host.borrow_mut().orm);
    let result = flush::flush(&mut orm, sid, work, &mut Exec { vm, host, sql, db });
    host.borrow_mut().orm = orm;
    host.borrow_mut().hold(sid);
    let flushed = match result {
        Ok(f) => f,
        Err(FlushError::Database(e)) => return Err(e),
        Err(FlushError::StaleData(m)) => return Err(convert::sa_error(vm, "StaleDataError", m)),
        Err(FlushError::Sql(e)) => return Err(convert::sql_error(vm, &e)),
        Err(FlushError::Statement { refusal, sql, params }) => {
            // each parameter as the object holds it (a date, not its stored text)
            let mut rows: Vec<Value> = Vec::new();
            for row in &params {
                let mut d = retort_python::dict::Dict::default();
                for (k, from, v) in row {
                    let held = from.and_then(|(st, a)| {
                        let h = host.borrow();
                        let key = h.orm.registry.get(h.orm.state(st).mapper).attrs[a].key.clone();
                        match h.object(st) {
                            Some(Value::Instance(obj)) => obj.dict.borrow().get(key.as_str()).cloned(),
                            _ => None,
                        }
                    });
                    let shown = held.unwrap_or_else(|| crate::native::literal_value(v));
                    d.insert(retort_python::vm::exec::str_key(k), (Value::str(k.as_str()), shown));
                }
                rows.push(Value::Dict(Rc::new(std::cell::RefCell::new(d))));
            }
            let shown = vm.repr(&Value::list(rows))?;
            let Refusal { class, message } = refusal;
            let orig = vm.new_error(&class, message.as_str());
            return Err(convert::statement_error(
                vm,
                format!("(builtins.{class}) {message}\n[SQL: {sql}]\n[parameters: {shown}]"),
                &sql,
                Some(&orig),
            ));
        }
    };
    // mirror the flush on the objects
    let columns_of = |host: &Hosted, st: StateId| -> (Option<Value>, Vec<String>, Vec<Value>) {
        let h = host.borrow();
        let mid = h.orm.state(st).mapper;
        (h.object(st), h.orm.registry.get(mid).attrs.iter().map(|a| a.key.clone()).collect(), h.columns[mid].clone())
    };
    for (st, attr, v) in &flushed.set {
        let (obj, keys, cols) = columns_of(host, *st);
        if let Some(Value::Instance(obj)) = obj {
            let value = to_python(vm, host, *st, *attr, v, &cols[*attr])?;
            obj.dict.borrow_mut().insert(Rc::from(keys[*attr].as_str()), value);
        }
    }
    for (st, attr) in &flushed.expired {
        let (obj, keys, _) = columns_of(host, *st);
        if let Some(Value::Instance(obj)) = obj {
            obj.dict.borrow_mut().shift_remove(keys[*attr].as_str());
        }
    }
    for st in &flushed.refreshed {
        let (obj, keys, cols) = columns_of(host, *st);
        let committed = host.borrow().orm.state(*st).committed.clone();
        if let Some(Value::Instance(obj)) = obj {
            for (i, v) in committed.iter().enumerate() {
                let Some(v) = v else { continue };
                if obj.dict.borrow().contains_key(keys[i].as_str()) {
                    continue;
                }
                let value = to_python(vm, host, *st, i, v, &cols[i])?;
                obj.dict.borrow_mut().insert(Rc::from(keys[i].as_str()), value);
            }
        }
    }
    Ok(Value::None)
}

fn as_index(v: &Value) -> usize {
    index(v).unwrap_or(usize::MAX)
}

fn index_pairs(vm: &mut Vm, v: &Value) -> PyResult<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    for p in vm.iterate(v)? {
        let p = vm.iterate(&p)?;
        out.push((as_index(&p[0]), as_index(&p[1])));
    }
    Ok(out)
}

/// An identity key's values as the Python tuple `identity_key` shows.
pub(crate) fn key_tuple(key: &retort_orm::identity::IdentityKey) -> Value {
    Value::tuple(key.values.iter().map(native::literal_value).collect())
}
