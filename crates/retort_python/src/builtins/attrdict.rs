//! `obj.__dict__` and `vars(obj)` for instances: a live mapping over the
//! instance's attributes (writes through, as CPython's dict does), with
//! the dict methods scripts use and a dict's repr.

use std::rc::Rc;

use crate::builtins::{add_method, types::builtin_class};
use crate::object::{Builtin, Instance, Payload, PyResult};
use crate::value::Value;
use crate::vm::Vm;

fn target(vm: &mut Vm, v: &Value) -> PyResult<Rc<Instance>> {
    if let Value::Instance(i) = v {
        if let Payload::Host(h) = &*i.payload.borrow() {
            if let Some(inst) = h.downcast_ref::<Rc<Instance>>() {
                return Ok(inst.clone());
            }
        }
    }
    vm.type_error("descriptor requires an attribute dict")
}

fn key(vm: &mut Vm, v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(Rc::from(&*s.s)),
        other => vm.type_error(format!("attribute name must be string, not '{}'", vm.type_of(other).name)),
    }
}

/// A dict view of the namespace as it is now.
fn view(vm: &mut Vm, a: &crate::object::Args, name: &'static str) -> PyResult<Value> {
    let inst = target(vm, &a.pos[0])?;
    let d = vm.attrmap_to_dict(&inst.dict.borrow());
    Ok(super::dict::view_of(vm, d, name))
}

fn snapshot(inst: &Instance) -> Vec<(Rc<str>, Value)> {
    inst.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

impl Vm {
    /// The live `__dict__` of an instance.
    pub fn instance_dict(&mut self, inst: &Rc<Instance>) -> Value {
        let class = match self.extra_classes.get("attrdict") {
            Some(c) => c.clone(),
            None => {
                let c = make_class(self);
                self.extra_classes.insert("attrdict", c.clone());
                c
            }
        };
        let v = self.new_instance(&class, &[]);
        if let Value::Instance(i) = &v {
            *i.payload.borrow_mut() = Payload::Host(Box::new(inst.clone()));
        }
        v
    }
}

fn make_class(vm: &mut Vm) -> Rc<crate::object::Class> {
    let c = builtin_class("dict", Builtin::Object, &[&vm.types.object]);
    add_method(&c, "__getitem__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let k = key(vm, &a.pos[1])?;
        let found = inst.dict.borrow().get(&*k).cloned();
        match found {
            Some(v) => Ok(v),
            None => Err(vm.make_exc(vm.exc_class("KeyError"), vec![a.pos[1].clone()])),
        }
    });
    add_method(&c, "__setitem__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let k = key(vm, &a.pos[1])?;
        inst.dict.borrow_mut().insert(k, a.pos[2].clone());
        Ok(Value::None)
    });
    add_method(&c, "__delitem__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let k = key(vm, &a.pos[1])?;
        if inst.dict.borrow_mut().shift_remove(&*k).is_none() {
            return Err(vm.make_exc(vm.exc_class("KeyError"), vec![a.pos[1].clone()]));
        }
        Ok(Value::None)
    });
    add_method(&c, "__contains__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        Ok(Value::Bool(match &a.pos[1] {
            Value::Str(s) => inst.dict.borrow().contains_key(&*s.s),
            _ => false,
        }))
    });
    add_method(&c, "__len__", |vm, a| Ok(Value::Int(target(vm, &a.pos[0])?.dict.borrow().len() as i64)));
    add_method(&c, "__iter__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let keys: Vec<Value> = snapshot(&inst).into_iter().map(|(k, _)| Value::str(&*k)).collect();
        vm.get_iter(&Value::list(keys))
    });
    // (views of the namespace as it is now: set operations work on them)
    add_method(&c, "keys", |vm, a| view(vm, &a, "dict_keys"));
    add_method(&c, "values", |vm, a| view(vm, &a, "dict_values"));
    add_method(&c, "items", |vm, a| view(vm, &a, "dict_items"));
    add_method(&c, "get", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let found = match &a.pos[1] {
            Value::Str(s) => inst.dict.borrow().get(&*s.s).cloned(),
            _ => None,
        };
        Ok(found.unwrap_or_else(|| a.pos.get(2).cloned().unwrap_or(Value::None)))
    });
    add_method(&c, "pop", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let k = key(vm, &a.pos[1])?;
        let removed = inst.dict.borrow_mut().shift_remove(&*k);
        match (removed, a.pos.get(2)) {
            (Some(v), _) => Ok(v),
            (None, Some(d)) => Ok(d.clone()),
            (None, None) => Err(vm.make_exc(vm.exc_class("KeyError"), vec![a.pos[1].clone()])),
        }
    });
    add_method(&c, "setdefault", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let k = key(vm, &a.pos[1])?;
        let default = a.pos.get(2).cloned().unwrap_or(Value::None);
        let v = inst.dict.borrow_mut().entry(k).or_insert(default).clone();
        Ok(v)
    });
    add_method(&c, "update", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        if let Some(src) = a.pos.get(1) {
            for (k, v) in vm.mapping_pairs(src)? {
                let k = key(vm, &k)?;
                inst.dict.borrow_mut().insert(k, v);
            }
        }
        for (k, v) in a.kw {
            inst.dict.borrow_mut().insert(k, v);
        }
        Ok(Value::None)
    });
    add_method(&c, "clear", |vm, a| {
        target(vm, &a.pos[0])?.dict.borrow_mut().clear();
        Ok(Value::None)
    });
    add_method(&c, "copy", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let d = vm.attrmap_to_dict(&inst.dict.borrow());
        Ok(d)
    });
    add_method(&c, "__repr__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let d = vm.attrmap_to_dict(&inst.dict.borrow());
        Ok(Value::str(vm.repr(&d)?))
    });
    add_method(&c, "__eq__", |vm, a| {
        let inst = target(vm, &a.pos[0])?;
        let d = vm.attrmap_to_dict(&inst.dict.borrow());
        let other = match &a.pos[1] {
            Value::Instance(_) => match target(vm, &a.pos[1]) {
                Ok(o) => vm.attrmap_to_dict(&o.dict.borrow()),
                Err(_) => return Ok(Value::NotImplemented),
            },
            other => other.clone(),
        };
        Ok(Value::Bool(vm.eq(&d, &other)?))
    });
    c
}
