//! `dict` (with its keys/values/items views), `set` and `frozenset`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::{add_method, check_args, types::builtin_class};
use crate::code::BinOp;
use crate::dict::{Dict, Set};
use crate::object::{Args, Builtin, Class, PyResult};
use crate::value::Value;
use crate::vm::iter::{iter_value, IterState, View};
use crate::vm::Vm;

fn this_dict(vm: &mut Vm, a: &Args) -> PyResult<Rc<RefCell<Dict>>> {
    match a.pos.first().map(|v| vm.unwrap_base(v)) {
        Some(Value::Dict(d)) => Ok(d),
        Some(other) => vm.type_error(format!("descriptor requires a 'dict' object but received a '{}'", vm.type_of(&other).name)),
        None => vm.type_error("descriptor needs an argument"),
    }
}

fn this_set(vm: &mut Vm, a: &Args) -> PyResult<Set> {
    match a.pos.first().map(|v| vm.unwrap_base(v)) {
        Some(Value::Set(s)) => Ok(s.borrow().clone()),
        Some(Value::FrozenSet(s)) => Ok((*s).clone()),
        _ => vm.type_error("descriptor requires a 'set' object"),
    }
}

fn this_mut_set(vm: &mut Vm, a: &Args) -> PyResult<Rc<RefCell<Set>>> {
    match a.pos.first().map(|v| vm.unwrap_base(v)) {
        Some(Value::Set(s)) => Ok(s),
        _ => vm.type_error("descriptor requires a 'set' object"),
    }
}

/// Makes a set from any iterable.
pub fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Set> {
    let mut s = Set::default();
    for it in vm.iterate(v)? {
        vm.set_insert(&mut s, it)?;
    }
    Ok(s)
}

fn dict_update(vm: &mut Vm, d: &Rc<RefCell<Dict>>, a: &Args, from: usize) -> PyResult<()> {
    if let Some(src) = a.pos.get(from) {
        let pairs = vm.mapping_pairs(src)?;
        for (k, v) in pairs {
            vm.dict_set(d, k, v)?;
        }
    }
    for (k, v) in &a.kw {
        let mut m = d.borrow_mut();
        m.insert(crate::vm::exec::str_key(k), (Value::str(&**k), v.clone()));
    }
    Ok(())
}

fn view_class(vm: &mut Vm, name: &'static str) -> Rc<Class> {
    if let Some(c) = vm.extra_classes.get(name) {
        return c.clone();
    }
    let c = builtin_class(name, Builtin::Object, &[&vm.types.object]);
    add_method(&c, "__iter__", |vm, a| {
        let (d, view) = view_parts(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let len = d.borrow().len();
        Ok(iter_value(IterState::Dict { dict: d, idx: 0, len, view }))
    });
    add_method(&c, "__len__", |vm, a| {
        let (d, _) = view_parts(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let n = d.borrow().len();
        Ok(Value::Int(n as i64))
    });
    add_method(&c, "__contains__", |vm, a| {
        let (d, view) = view_parts(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let dv = Value::Dict(d.clone());
        match view {
            View::Keys => Ok(Value::Bool(vm.contains(&dv, crate::builtins::arg(vm, &a, 1)?)?)),
            _ => {
                let items = vm.iterate(crate::builtins::arg(vm, &a, 0)?)?;
                for it in items {
                    if vm.eq(&it, crate::builtins::arg(vm, &a, 1)?)? {
                        return Ok(Value::Bool(true));
                    }
                }
                Ok(Value::Bool(false))
            }
        }
    });
    add_method(&c, "__repr__", |vm, a| {
        let name = vm.type_of(crate::builtins::arg(vm, &a, 0)?).name.clone();
        let items = vm.iterate(crate::builtins::arg(vm, &a, 0)?)?;
        let inner = vm.repr(&Value::list(items))?;
        Ok(Value::str(format!("{name}({inner})")))
    });
    add_method(&c, "__reversed__", |vm, a| {
        let mut items = vm.iterate(crate::builtins::arg(vm, &a, 0)?)?;
        items.reverse();
        Ok(iter_value(IterState::Items { items, idx: 0, name: "dict_reverseiterator" }))
    });
    for (op, name) in [(BinOp::And, "__and__"), (BinOp::Or, "__or__"), (BinOp::Sub, "__sub__"), (BinOp::Xor, "__xor__")] {
        c.dict.borrow_mut().insert(
            name.into(),
            Value::Native(Rc::new(crate::object::NativeFn {
                name: name.into(),
                func: Rc::new(move |vm: &mut Vm, a: Args| {
                    let x = Value::Set(Rc::new(RefCell::new(to_set(vm, crate::builtins::arg(vm, &a, 0)?)?)));
                    let y = Value::Set(Rc::new(RefCell::new(to_set(vm, crate::builtins::arg(vm, &a, 1)?)?)));
                    vm.binary_op(&x, &y, op)
                }),
                this: None,
            })),
        );
    }
    vm.extra_classes.insert(name, c.clone());
    c
}

fn view_parts(vm: &mut Vm, v: &Value) -> PyResult<(Rc<RefCell<Dict>>, View)> {
    if let Value::Instance(i) = v {
        if let Some(Value::Dict(d)) = i.base_value() {
            let view = match &*i.class().name {
                "dict_values" => View::Values,
                "dict_items" => View::Items,
                _ => View::Keys,
            };
            return Ok((d, view));
        }
    }
    vm.type_error("not a dict view")
}

fn make_view(vm: &mut Vm, a: &Args, name: &'static str) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    Ok(view_of(vm, Value::Dict(d), name))
}

/// A `dict_keys`/`dict_values`/`dict_items` view of the dict `d`.
pub(crate) fn view_of(vm: &mut Vm, d: Value, name: &'static str) -> Value {
    let class = view_class(vm, name);
    vm.new_base_instance(&class, d)
}

pub fn install(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    add_method(&dict, "__new__", |vm, a| {
        let d = Value::dict(Dict::default());
        let dc = vm.types.dict.clone();
        Ok(crate::builtins::num::for_class(vm, crate::builtins::arg(vm, &a, 0)?, d, &dc))
    });
    add_method(&dict, "__init__", |vm, a| {
        check_args(vm, &a, "dict", 1, 2)?;
        let d = this_dict(vm, &a)?;
        dict_update(vm, &d, &a, 1)?;
        Ok(Value::None)
    });
    add_method(&dict, "keys", |vm, a| make_view(vm, &a, "dict_keys"));
    add_method(&dict, "values", |vm, a| make_view(vm, &a, "dict_values"));
    add_method(&dict, "items", |vm, a| make_view(vm, &a, "dict_items"));
    add_method(&dict, "get", |vm, a| {
        check_args(vm, &a, "get", 2, 3)?;
        let d = this_dict(vm, &a)?;
        let k = vm.dict_key_in(&d, crate::builtins::arg(vm, &a, 1)?)?;
        let found = d.borrow().get(&k).map(|e| e.1.clone());
        Ok(found.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
    });
    add_method(&dict, "setdefault", |vm, a| {
        check_args(vm, &a, "setdefault", 2, 3)?;
        let d = this_dict(vm, &a)?;
        let k = vm.dict_key_in(&d, crate::builtins::arg(vm, &a, 1)?)?;
        if let Some(e) = d.borrow().get(&k) {
            return Ok(e.1.clone());
        }
        let v = a.pos.get(2).cloned().unwrap_or(Value::None);
        d.borrow_mut().insert(k, (a.pos[1].clone(), v.clone()));
        Ok(v)
    });
    add_method(&dict, "pop", |vm, a| {
        check_args(vm, &a, "pop", 2, 3)?;
        let d = this_dict(vm, &a)?;
        let k = vm.dict_key_in(&d, crate::builtins::arg(vm, &a, 1)?)?;
        let removed = d.borrow_mut().shift_remove(&k);
        match (removed, a.pos.get(2)) {
            (Some(e), _) => Ok(e.1),
            (None, Some(default)) => Ok(default.clone()),
            (None, None) => Err(vm.make_exc(vm.exc_class("KeyError"), vec![a.pos[1].clone()])),
        }
    });
    add_method(&dict, "popitem", |vm, a| {
        let d = this_dict(vm, &a)?;
        let last = d.borrow_mut().pop();
        match last {
            Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
            None => Err(vm.make_exc(vm.exc_class("KeyError"), vec![Value::str("popitem(): dictionary is empty")])),
        }
    });
    add_method(&dict, "update", |vm, a| {
        check_args(vm, &a, "update", 1, 2)?;
        let d = this_dict(vm, &a)?;
        dict_update(vm, &d, &a, 1)?;
        Ok(Value::None)
    });
    add_method(&dict, "clear", |vm, a| {
        this_dict(vm, &a)?.borrow_mut().clear();
        Ok(Value::None)
    });
    add_method(&dict, "copy", |vm, a| Ok(Value::dict(this_dict(vm, &a)?.borrow().clone())));
    add_method(&dict, "__getitem__", |vm, a| {
        let b = vm.unwrap_base(crate::builtins::arg(vm, &a, 0)?);
        match vm.getitem(&b, crate::builtins::arg(vm, &a, 1)?) {
            Err(e) if vm.err_is(&e, "KeyError") && matches!(a.pos[0], Value::Instance(_)) => {
                let class = vm.type_of(crate::builtins::arg(vm, &a, 0)?);
                match vm.lookup_user(&class, "__missing__") {
                    Some(m) => {
                        let m = vm.bind(m, crate::builtins::arg(vm, &a, 0)?, &class)?;
                        vm.call1(&m, a.pos[1].clone())
                    }
                    None => Err(e),
                }
            }
            r => r,
        }
    });
    crate::builtins::add_base_delegates(&dict, &["__setitem__", "__delitem__", "__len__", "__contains__", "__iter__"]);
    let fromkeys = vm.native("fromkeys", |vm, a| {
        check_args(vm, &a, "fromkeys", 2, 3)?;
        let v = a.pos.get(2).cloned().unwrap_or(Value::None);
        let mut d = Dict::default();
        for k in vm.iterate(crate::builtins::arg(vm, &a, 1)?)? {
            vm.dict_insert(&mut d, k, v.clone())?;
        }
        let dv = Value::dict(d);
        let dc = vm.types.dict.clone();
        match crate::builtins::arg(vm, &a, 0)? {
            Value::Class(c) if !Rc::ptr_eq(c, &dc) => {
                let inst = vm.call0(crate::builtins::arg(vm, &a, 0)?)?;
                for (k, val) in vm.mapping_pairs(&dv)? {
                    vm.setitem(&inst, k, val)?;
                }
                Ok(inst)
            }
            _ => Ok(dv),
        }
    });
    dict.dict.borrow_mut().insert("fromkeys".into(), Value::ClassMethod(Rc::new(fromkeys)));

    let set = vm.types.set.clone();
    add_method(&set, "__new__", |vm, a| {
        let s = Value::Set(Rc::new(RefCell::new(Set::default())));
        let sc = vm.types.set.clone();
        Ok(crate::builtins::num::for_class(vm, crate::builtins::arg(vm, &a, 0)?, s, &sc))
    });
    add_method(&set, "__init__", |vm, a| {
        check_args(vm, &a, "set", 1, 2)?;
        let s = this_mut_set(vm, &a)?;
        let items = match a.pos.get(1) {
            Some(v) => to_set(vm, v)?,
            None => Set::default(),
        };
        *s.borrow_mut() = items;
        Ok(Value::None)
    });
    add_method(&set, "add", |vm, a| {
        check_args(vm, &a, "add", 2, 2)?;
        let s = this_mut_set(vm, &a)?;
        vm.set_add(&s, a.pos[1].clone())?;
        Ok(Value::None)
    });
    add_method(&set, "discard", |vm, a| {
        let s = this_mut_set(vm, &a)?;
        let k = vm.set_key_in(&s, crate::builtins::arg(vm, &a, 1)?)?;
        s.borrow_mut().shift_remove(&k);
        Ok(Value::None)
    });
    add_method(&set, "remove", |vm, a| {
        let s = this_mut_set(vm, &a)?;
        let k = vm.set_key_in(&s, crate::builtins::arg(vm, &a, 1)?)?;
        if s.borrow_mut().shift_remove(&k).is_none() {
            return Err(vm.make_exc(vm.exc_class("KeyError"), vec![a.pos[1].clone()]));
        }
        Ok(Value::None)
    });
    add_method(&set, "pop", |vm, a| {
        let s = this_mut_set(vm, &a)?;
        let order = crate::builtins::set_order(&s.borrow());
        match order.first() {
            Some(v) => {
                let k = vm.key(v)?;
                s.borrow_mut().shift_remove(&k);
                Ok(v.clone())
            }
            None => Err(vm.make_exc(vm.exc_class("KeyError"), vec![Value::str("pop from an empty set")])),
        }
    });
    add_method(&set, "clear", |vm, a| {
        this_mut_set(vm, &a)?.borrow_mut().clear();
        Ok(Value::None)
    });
    add_method(&set, "update", |vm, a| {
        let s = this_mut_set(vm, &a)?;
        for other in &a.pos[1..] {
            let o = to_set(vm, other)?;
            let mut m = s.borrow_mut();
            for (k, v) in o {
                m.entry(k).or_insert(v);
            }
        }
        Ok(Value::None)
    });
    add_method(&set, "difference_update", |vm, a| {
        let s = this_mut_set(vm, &a)?;
        for other in &a.pos[1..] {
            let o = to_set(vm, other)?;
            s.borrow_mut().retain(|k, _| !o.contains_key(k));
        }
        Ok(Value::None)
    });
    add_method(&set, "intersection_update", |vm, a| {
        let s = this_mut_set(vm, &a)?;
        for other in &a.pos[1..] {
            let o = to_set(vm, other)?;
            s.borrow_mut().retain(|k, _| o.contains_key(k));
        }
        Ok(Value::None)
    });
    let frozen = vm.types.frozenset.clone();
    add_method(&frozen, "__new__", |vm, a| {
        let s = match a.pos.get(1) {
            Some(v) => to_set(vm, v)?,
            None => Set::default(),
        };
        Ok(Value::FrozenSet(Rc::new(s)))
    });
    for class in [set.clone(), frozen.clone()] {
        add_method(&class, "copy", |vm, a| {
            let s = this_set(vm, &a)?;
            Ok(match vm.unwrap_base(crate::builtins::arg(vm, &a, 0)?) {
                Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
                _ => Value::Set(Rc::new(RefCell::new(s))),
            })
        });
        for (name, op) in
            [("union", BinOp::Or), ("intersection", BinOp::And), ("difference", BinOp::Sub), ("symmetric_difference", BinOp::Xor)]
        {
            class.dict.borrow_mut().insert(
                name.into(),
                Value::Native(Rc::new(crate::object::NativeFn {
                    name: name.into(),
                    func: Rc::new(move |vm: &mut Vm, a: Args| {
                        let mut acc = vm.unwrap_base(crate::builtins::arg(vm, &a, 0)?);
                        if let Value::Set(s) = acc.clone() {
                            let copy = s.borrow().clone();
                            acc = Value::Set(Rc::new(RefCell::new(copy)));
                        }
                        for other in &a.pos[1..] {
                            let o = Value::FrozenSet(Rc::new(to_set(vm, other)?));
                            acc = vm.binary_op(&acc, &o, op)?;
                        }
                        Ok(acc)
                    }),
                    this: None,
                })),
            );
        }
        add_method(&class, "issubset", |vm, a| {
            let s = this_set(vm, &a)?;
            let o = to_set(vm, crate::builtins::arg(vm, &a, 1)?)?;
            Ok(Value::Bool(s.keys().all(|k| o.contains_key(k))))
        });
        add_method(&class, "issuperset", |vm, a| {
            let s = this_set(vm, &a)?;
            let o = to_set(vm, crate::builtins::arg(vm, &a, 1)?)?;
            Ok(Value::Bool(o.keys().all(|k| s.contains_key(k))))
        });
        add_method(&class, "isdisjoint", |vm, a| {
            let s = this_set(vm, &a)?;
            let o = to_set(vm, crate::builtins::arg(vm, &a, 1)?)?;
            Ok(Value::Bool(!s.keys().any(|k| o.contains_key(k))))
        });
        crate::builtins::add_base_delegates(&class, &["__len__", "__contains__", "__iter__"]);
    }
}
