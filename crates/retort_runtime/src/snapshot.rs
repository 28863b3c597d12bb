//! The ORM snapshot the Models and Session panels show (and the timeline
//! keeps after each line): `retort_protocol::OrmView`, built here from the
//! script's mappers and live mapped objects and serialized once as JSON.
//!
//! `_retort_orm.show_models(mappers)` reads the mapped classes (their
//! columns and relationships) when they change; `_retort_orm.snapshot(layouts,
//! safe_repr)` reads every live object (`_snapshot` in
//! `python/sqlalchemy/orm/_retort_snapshot.py` calls both).

use std::collections::HashMap;

use retort_protocol::{MappedObject, Model, ModelColumn, ModelRelationship, OrmView};
use retort_python::{Args, PyResult, Value, Vm};

use crate::orm::{key_tuple, Host, Hosted};

/// `show_models(mappers)`: the models of the next snapshots, read from
/// the script's `Mapper` objects.
pub fn show_models(vm: &mut Vm, host: &Hosted, mappers: &Value) -> PyResult<Value> {
    let mut models = Vec::new();
    for m in vm.iterate(mappers)? {
        models.push(model(vm, &m)?);
    }
    host.borrow_mut().shown_models = models;
    Ok(Value::None)
}

/// `snapshot(layouts, safe_repr)`: the models last shown and every live
/// mapped object, as the JSON text of an `OrmView`.
pub fn snapshot(vm: &mut Vm, host: &Hosted, layouts: &Value, safe_repr: &Value) -> PyResult<Value> {
    let objects = objects(vm, host, layouts, safe_repr)?;
    // (the models are lent to the view, not copied: a timeline takes a snapshot after every line)
    let view = OrmView { models: std::mem::take(&mut host.borrow_mut().shown_models), objects };
    let text = serde_json::to_string(&view);
    host.borrow_mut().shown_models = view.models;
    Ok(Value::str(text.map_err(|e| vm.new_error("ValueError", e.to_string()))?))
}

/// `getattr(obj, name)` as text (`str()` of it).
fn text_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<String> {
    let v = vm.getattr(obj, name)?;
    vm.str_of(&v)
}

/// `getattr(obj, name)` as text, `None` when it is None.
fn optional_text_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<String>> {
    match vm.getattr(obj, name)? {
        Value::None => Ok(None),
        v => Ok(Some(vm.str_of(&v)?)),
    }
}

fn bool_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<bool> {
    let v = vm.getattr(obj, name)?;
    vm.truthy(&v)
}

/// A mapped class: `m.class_`, `m.local_table`, `m.column_attrs_list`, `m._relationships`.
fn model(vm: &mut Vm, m: &Value) -> PyResult<Model> {
    let class = vm.getattr(m, "class_")?;
    let table = vm.getattr(m, "local_table")?;
    let mut columns = Vec::new();
    let column_attrs = vm.getattr(m, "column_attrs_list")?;
    for pair in vm.iterate(&column_attrs)? {
        let [key, column] = vm.iterate(&pair)?.try_into().map_err(|_| vm.new_error("TypeError", "expected (key, column) pairs"))?;
        columns.push(model_column(vm, &key, &column)?);
    }
    let mut relationships = Vec::new();
    let by_key = vm.getattr(m, "_relationships")?;
    for key in vm.iterate(&by_key)? {
        let p = vm.getitem(&by_key, &key)?;
        relationships.push(model_relationship(vm, &key, &p)?);
    }
    Ok(Model { class_name: text_attr(vm, &class, "__name__")?, table: text_attr(vm, &table, "name")?, columns, relationships })
}

fn model_column(vm: &mut Vm, key: &Value, c: &Value) -> PyResult<ModelColumn> {
    let ty = vm.getattr(c, "type")?;
    let ty = match crate::convert::sql_type(vm, &ty) {
        Ok(Some(t)) => t.to_string(),
        Ok(None) => "NULL".to_owned(),
        Err(_) => vm.type_of(&ty).name.to_string(),
    };
    let foreign_keys = vm.getattr(c, "foreign_keys")?;
    let foreign_key = match vm.iterate(&foreign_keys)?.first() {
        Some(fk) => Some(text_attr(vm, fk, "target")?),
        None => None,
    };
    let default = match vm.getattr(c, "default")? {
        Value::None => None,
        d => Some(vm.repr(&d)?),
    };
    Ok(ModelColumn {
        key: vm.str_of(key)?,
        name: text_attr(vm, c, "name")?,
        ty,
        primary_key: bool_attr(vm, c, "primary_key")?,
        foreign_key,
        nullable: bool_attr(vm, c, "nullable")?,
        unique: bool_attr(vm, c, "unique")?,
        default,
    })
}

fn model_relationship(vm: &mut Vm, key: &Value, p: &Value) -> PyResult<ModelRelationship> {
    // the target's class name once configured; before, what `relationship()` was given
    let target = match vm.getattr(p, "mapper")? {
        Value::None => {
            let argument = vm.getattr(p, "argument")?;
            let named = match vm.modules.get("sqlalchemy.orm").and_then(|m| m.get("_target_name")) {
                Some(f) => vm.call(&f, Args::new(vec![argument]))?,
                None => Value::None,
            };
            if vm.truthy(&named)? {
                vm.str_of(&named)?
            } else {
                "?".to_owned()
            }
        }
        mapper => {
            let class = vm.getattr(&mapper, "class_")?;
            text_attr(vm, &class, "__name__")?
        }
    };
    let direction = match vm.getattr(p, "direction") {
        Ok(Value::None) | Err(_) => "?".to_owned(),
        Ok(d) => text_attr(vm, &d, "name")?,
    };
    let secondary = match vm.getattr(p, "secondary")? {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_owned()),
        table => match vm.getattr(&table, "name") {
            Ok(name) => Some(vm.str_of(&name)?),
            Err(_) => Some(vm.str_of(&table)?),
        },
    };
    let cascade = vm.getattr(p, "cascade")?;
    let mut parts = Vec::new();
    for c in vm.iterate(&cascade)? {
        parts.push(vm.str_of(&c)?);
    }
    Ok(ModelRelationship {
        key: vm.str_of(key)?,
        target,
        direction,
        uselist: bool_attr(vm, p, "uselist")?,
        secondary,
        cascade: parts.join(", "),
        lazy: text_attr(vm, p, "lazy")?,
        back_populates: optional_text_attr(vm, p, "back_populates")?,
    })
}

/// Every live mapped object as the Session panel shows it. `layouts`
/// holds, per mapper, `(mid, [(column key, attribute index)],
/// [(relationship key, uselist)])`; `safe_repr` shows a value that is not a
/// plain one (a `__repr__` may need an attribute that is not loaded).
fn objects(vm: &mut Vm, host: &Hosted, layouts: &Value, safe_repr: &Value) -> PyResult<Vec<MappedObject>> {
    type Layout = (Vec<(String, usize)>, Vec<(String, bool)>);
    let mut by_mapper: HashMap<usize, Layout> = HashMap::new();
    for entry in vm.iterate(layouts)? {
        let parts = vm.iterate(&entry)?;
        let [Value::Int(mid), cols, rels] = parts.as_slice() else { continue };
        let mut columns = Vec::new();
        for c in vm.iterate(cols)? {
            if let [Value::Str(key), Value::Int(i)] = vm.iterate(&c)?.as_slice() {
                columns.push((key.s.to_string(), *i as usize));
            }
        }
        let mut relationships = Vec::new();
        for r in vm.iterate(rels)? {
            if let [Value::Str(key), uselist] = vm.iterate(&r)?.as_slice() {
                relationships.push((key.s.to_string(), matches!(uselist, Value::Bool(true))));
            }
        }
        by_mapper.insert(*mid as usize, (columns, relationships));
    }
    let alive = host.borrow().alive();
    let mut out = Vec::with_capacity(alive.len());
    for (st, obj) in alive {
        let Value::Instance(inst) = &obj else { continue };
        let (status, session, marked, modified, mapper, key) = {
            let h = host.borrow();
            let s = h.orm.state(st);
            (s.status.name(), s.session, s.marked_deleted, s.modified, s.mapper, s.key.clone())
        };
        let Some((columns, relationships)) = by_mapper.get(&mapper) else { continue };
        // not borrowed across calls: a __repr__ may set attributes
        let get = |key: &str| inst.dict.borrow().get(key).cloned();
        let mut attributes = Vec::new();
        let mut changed = Vec::new();
        for (key, index) in columns {
            let value = get(key);
            let text = match &value {
                Some(v) => Some(shown(vm, safe_repr, v)?),
                None => None,
            };
            attributes.push((key.clone(), text));
            if let (Some(v), true, "persistent") = (&value, modified, status) {
                // set since the last flush: the value the database has (when it was loaded)
                let old = Host::committed(vm, host, st, *index)?;
                if !matches!(old, Value::None) && !vm.eq(&old, v)? {
                    changed.push((key.clone(), shown(vm, safe_repr, &old)?));
                }
            }
        }
        let mut links = Vec::new();
        for (key, uselist) in relationships {
            let Some(value) = get(key) else { continue };
            let members = if *uselist { vm.iterate(&value)? } else { vec![value] };
            let mut names = Vec::new();
            for x in &members {
                names.push(short(vm, host, x)?);
                if let Some(target) = state_of(vm, x)? {
                    links.push((key.clone(), target as u64));
                }
            }
            let text = if *uselist { format!("[{}]", names.join(", ")) } else { names.join(", ") };
            attributes.push((key.clone(), Some(text)));
        }
        let identity = match key {
            Some(k) => Some(shown(vm, safe_repr, &key_tuple(&k))?),
            None => None,
        };
        out.push(MappedObject {
            id: st as u64,
            class_name: vm.type_of(&obj).name.to_string(),
            repr: shown(vm, safe_repr, &obj)?,
            state: if marked && status == "persistent" { "deleted" } else { status }.to_owned(),
            session: session.map(|s| s as u32 + 1),
            identity,
            modified,
            attributes,
            links,
            changed,
        });
    }
    Ok(out)
}

/// A value as the Session panel shows it: `repr`, through `safe_repr` unless it is a plain value.
fn shown(vm: &mut Vm, safe_repr: &Value, v: &Value) -> PyResult<String> {
    fn plain(v: &Value) -> bool {
        match v {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_) | Value::Bytes(_) => true,
            Value::Tuple(t) => t.iter().all(plain),
            _ => false,
        }
    }
    if plain(v) {
        return vm.repr(v);
    }
    let text = vm.call(safe_repr, Args::new(vec![v.clone()]))?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// The state id of a mapped object that has its instance state, if `x` is one.
fn state_of(vm: &mut Vm, x: &Value) -> PyResult<Option<usize>> {
    let Value::Instance(inst) = x else { return Ok(None) };
    let state = inst.dict.borrow().get("_sa_instance_state").cloned();
    match state {
        Some(s) => match vm.getattr(&s, "_st")? {
            Value::Int(n) if n >= 0 => Ok(Some(n as usize)),
            _ => Ok(None),
        },
        None => Ok(None),
    }
}

/// A related object in a relationship's value: `Post(1,)`, `Post(new)`, or `None`.
fn short(vm: &mut Vm, host: &Hosted, x: &Value) -> PyResult<String> {
    if matches!(x, Value::None) {
        return Ok("None".into());
    }
    let name = vm.type_of(x).name.to_string();
    let key = match state_of(vm, x)? {
        Some(st) => host.borrow().orm.state(st).key.clone(),
        None => None,
    };
    Ok(match key {
        Some(k) => format!("{name}{}", vm.repr(&key_tuple(&k))?),
        None => format!("{name}(new)"),
    })
}
