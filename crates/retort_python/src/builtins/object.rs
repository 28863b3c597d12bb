//! Methods of `object`, `type`, `BaseException`, `property`,
//! `classmethod`, `staticmethod`, `super`, functions and generators.

use std::rc::Rc;

use crate::builtins::{add_method, check_args};
use crate::object::{Args, Payload, Property, PyResult};
use crate::value::Value;
use crate::vm::generator::GenStep;
use crate::vm::Vm;

fn this(a: &Args) -> Value {
    a.pos.first().cloned().unwrap_or(Value::None)
}

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let object = t.object.clone();
    add_method(&object, "__new__", |vm, a| {
        let Some(Value::Class(cls)) = a.pos.first().cloned() else {
            return vm.type_error("object.__new__(X): X is not a type object");
        };
        if (a.pos.len() > 1 || !a.kw.is_empty()) && vm.lookup_user(&cls, "__init__").is_none() {
            return vm.type_error(format!("{}() takes no arguments", cls.name));
        }
        Ok(vm.new_instance(&cls, &[]))
    });
    rename(&object, "__new__", "object.__new__");
    let module = t.module.clone();
    add_method(&module, "__new__", |vm, a| {
        // module(name, doc=None), as types.ModuleType
        let Some(Value::Str(name)) = a.pos.get(1).cloned().or_else(|| a.kw.iter().find(|(k, _)| &**k == "name").map(|(_, v)| v.clone()))
        else {
            return vm.type_error("module.__new__() argument 'name' must be str");
        };
        let m = crate::object::Module::new(name.as_str());
        m.set("__doc__", a.pos.get(2).cloned().unwrap_or(Value::None));
        Ok(Value::Module(m))
    });
    add_method(&object, "__init__", |vm, a| {
        if a.pos.len() > 1 || !a.kw.is_empty() {
            let cls = vm.type_of(&a.pos[0]);
            let new_is_default = matches!(cls.lookup("__new__"), Some(Value::Native(n)) if &*n.name == "object.__new__");
            if new_is_default {
                if vm.lookup_user(&cls, "__init__").is_some() {
                    return vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)");
                }
                return vm.type_error(format!("{}() takes no arguments", cls.name));
            }
        }
        Ok(Value::None)
    });
    add_method(&object, "__repr__", |vm, a| {
        let v = this(&a);
        match &v {
            Value::Instance(i) if !matches!(&*i.payload.borrow(), Payload::Exc(_)) && i.base_value().is_none() => {
                Ok(Value::str(format!("<{} object at {}>", i.class().full_name(), vm.address(&v))))
            }
            _ => Ok(Value::str(vm.repr(&v)?)),
        }
    });
    rename(&object, "__repr__", "object.__repr__");
    add_method(&object, "__str__", |vm, a| {
        let v = this(&a);
        Ok(Value::str(vm.repr(&v)?))
    });
    rename(&object, "__str__", "object.__str__");
    add_method(&object, "__eq__", |_, a| Ok(if a.pos[0].is(&a.pos[1]) { Value::Bool(true) } else { Value::NotImplemented }));
    rename(&object, "__eq__", "object.__eq__");
    add_method(&object, "__ne__", |vm, a| {
        let r = vm.compare(&a.pos[0], &a.pos[1], crate::code::CmpOp::Eq)?;
        Ok(Value::Bool(!vm.truthy(&r)?))
    });
    rename(&object, "__ne__", "object.__ne__");
    add_method(&object, "__hash__", |vm, a| {
        // CPython hashes an object by its address shifted right by 4
        let addr = vm.address(&this(&a));
        Ok(Value::Int(i64::from_str_radix(addr.trim_start_matches("0x"), 16).unwrap_or(0) >> 4))
    });
    rename(&object, "__hash__", "object.__hash__");
    add_method(&object, "__setattr__", |vm, a| {
        check_args(vm, &a, "__setattr__", 3, 3)?;
        let name = vm.str_of(&a.pos[1])?;
        vm.generic_setattr(&a.pos[0], &name, a.pos[2].clone())?;
        Ok(Value::None)
    });
    rename(&object, "__setattr__", "object.__setattr__");
    add_method(&object, "__delattr__", |vm, a| {
        check_args(vm, &a, "__delattr__", 2, 2)?;
        let name = vm.str_of(&a.pos[1])?;
        match &a.pos[0] {
            Value::Instance(i) => {
                if i.dict.borrow_mut().shift_remove(name.as_str()).is_none() {
                    return vm.attr_error(format!("'{}' object has no attribute '{name}'", i.class().name));
                }
                Ok(Value::None)
            }
            other => {
                vm.delattr(other, &name)?;
                Ok(Value::None)
            }
        }
    });
    rename(&object, "__delattr__", "object.__delattr__");
    add_method(&object, "__getattribute__", |vm, a| {
        let name = vm.str_of(&a.pos[1])?;
        vm.getattr(&a.pos[0], &name)
    });
    rename(&object, "__getattribute__", "object.__getattribute__");
    add_method(&object, "__init_subclass__", |vm, a| {
        if !a.kw.is_empty() {
            let name = match a.pos.first() {
                Some(Value::Class(c)) => c.name.to_string(),
                _ => "object".into(),
            };
            return vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments"));
        }
        Ok(Value::None)
    });
    rename(&object, "__init_subclass__", "object.__init_subclass__");
    add_method(&object, "__format__", |vm, a| {
        let spec = vm.str_of(&a.pos[1])?;
        if !spec.is_empty() {
            return vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_of(&a.pos[0]).name));
        }
        Ok(Value::str(vm.str_of(&a.pos[0])?))
    });
    rename(&object, "__format__", "object.__format__");
    add_method(&object, "__dir__", |vm, a| {
        let dir = vm.builtins.get("dir").expect("dir");
        vm.call1(&dir, a.pos[0].clone())
    });

    let ty = t.type_.clone();
    add_method(&ty, "__new__", |vm, a| {
        let pos = a.pos;
        let Some(Value::Class(meta)) = pos.first().cloned() else {
            return vm.type_error("type.__new__(X): X is not a type object");
        };
        if pos.len() == 2 {
            return Ok(Value::Class(vm.type_of(&pos[1])));
        }
        if pos.len() != 4 {
            return vm.type_error("type() takes 1 or 3 arguments");
        }
        // type(name, bases, ns) builds with the most derived metaclass of the bases
        let mut winner = meta.clone();
        if let Ok(items) = vm.iterate(&pos[2]) {
            for b in items {
                if let Value::Class(bc) = b {
                    let m = bc.meta.clone().unwrap_or_else(|| vm.types.type_.clone());
                    if m.is_subclass(&winner) {
                        winner = m;
                    }
                }
            }
        }
        if !Rc::ptr_eq(&winner, &meta) && vm.lookup_user(&winner, "__new__").is_some() {
            let w = Value::Class(winner);
            return vm.call(&w, Args { pos: pos[1..].to_vec(), kw: a.kw });
        }
        let meta = winner;
        let name = vm.str_of(&pos[1])?;
        let mut bases = Vec::new();
        for b in vm.iterate(&pos[2])? {
            match b {
                Value::Class(c) => bases.push(c),
                other => {
                    return vm.type_error(format!("type.__new__() argument 2 must be tuple of classes, not {}", vm.type_of(&other).name))
                }
            }
        }
        let c = vm.new_class(Some(meta), &name, bases, &pos[3], &a.kw)?;
        Ok(Value::Class(c))
    });
    add_method(&ty, "__init__", |_, _| Ok(Value::None));
    add_method(&ty, "__call__", |vm, a| {
        let mut pos = a.pos;
        let Value::Class(c) = pos.remove(0) else {
            return vm.type_error("descriptor '__call__' requires a 'type' object");
        };
        vm.type_call(&c, Args { pos, kw: a.kw })
    });
    add_method(&ty, "mro", |_, a| match &a.pos[0] {
        Value::Class(c) => Ok(Value::list(c.mro_all().map(|k| Value::Class(k.clone())).collect())),
        _ => Ok(Value::list(vec![])),
    });
    add_method(&ty, "__subclasses__", |_, _| Ok(Value::list(vec![])));
    add_method(&ty, "__repr__", |_, a| match &a.pos[0] {
        Value::Class(c) => Ok(Value::str(format!("<class '{}'>", c.full_name()))),
        _ => Ok(Value::str("<class>")),
    });
    add_method(&ty, "__or__", union);
    add_method(&ty, "__ror__", |vm, a| union(vm, Args::new(vec![a.pos[1].clone(), a.pos[0].clone()])));
    add_method(&ty, "__instancecheck__", |vm, a| Ok(Value::Bool(vm.type_of(&a.pos[1]).is_subclass(&class_of(&a.pos[0], vm)))));
    add_method(&ty, "__subclasscheck__", |vm, a| match &a.pos[1] {
        Value::Class(c) => Ok(Value::Bool(c.is_subclass(&class_of(&a.pos[0], vm)))),
        _ => Ok(Value::Bool(false)),
    });

    let exc = t.exceptions["BaseException"].clone();
    add_method(&exc, "__new__", |vm, a| {
        let Some(Value::Class(cls)) = a.pos.first().cloned() else {
            return vm.type_error("BaseException.__new__(X): X is not a type object");
        };
        Ok(vm.new_instance(&cls, &a.pos[1..]))
    });
    add_method(&exc, "__init__", |vm, a| {
        if let Value::Instance(i) = &a.pos[0] {
            let args = Value::tuple(a.pos[1..].to_vec());
            vm.with_exc_data(i, |d| d.args = args);
        }
        Ok(Value::None)
    });
    add_method(&exc, "__repr__", |vm, a| Ok(Value::str(vm.repr(&a.pos[0])?)));
    rename(&exc, "__repr__", "BaseException.__repr__");
    add_method(&exc, "__str__", |vm, a| Ok(Value::str(vm.str_of(&a.pos[0])?)));
    rename(&exc, "__str__", "BaseException.__str__");
    add_method(&exc, "with_traceback", |_, a| Ok(a.pos[0].clone()));
    add_method(&exc, "add_note", |vm, a| {
        let notes = match vm.getattr_opt(&a.pos[0], "__notes__")? {
            Some(n) => n,
            None => {
                let n = Value::list(vec![]);
                vm.setattr(&a.pos[0], "__notes__", n.clone())?;
                n
            }
        };
        if let Value::List(l) = notes {
            l.borrow_mut().push(a.pos[1].clone());
        }
        Ok(Value::None)
    });

    let prop = t.property.clone();
    add_method(&prop, "__new__", |vm, mut a| {
        let fget = a.take_kw("fget").or_else(|| a.pos.get(1).cloned()).filter(|v| !v.is_none());
        let fset = a.take_kw("fset").or_else(|| a.pos.get(2).cloned()).filter(|v| !v.is_none());
        let fdel = a.take_kw("fdel").or_else(|| a.pos.get(3).cloned()).filter(|v| !v.is_none());
        let doc = a.take_kw("doc").or_else(|| a.pos.get(4).cloned());
        let doc = match doc {
            Some(d) => d,
            None => match &fget {
                Some(g) => vm.getattr_opt(g, "__doc__")?.unwrap_or(Value::None),
                None => Value::None,
            },
        };
        Ok(Value::Property(Rc::new(Property { fget, fset, fdel, doc })))
    });
    add_method(&prop, "getter", |vm, a| prop_with(vm, a, 0));
    add_method(&prop, "setter", |vm, a| prop_with(vm, a, 1));
    add_method(&prop, "deleter", |vm, a| prop_with(vm, a, 2));
    add_method(&prop, "__get__", |vm, a| {
        let Value::Property(p) = &a.pos[0] else {
            return Ok(Value::None);
        };
        if a.pos.get(1).map(|v| v.is_none()).unwrap_or(true) {
            return Ok(a.pos[0].clone());
        }
        match &p.fget {
            Some(g) => {
                let g = g.clone();
                vm.call1(&g, a.pos[1].clone())
            }
            None => vm.attr_error("property has no getter"),
        }
    });
    add_method(&prop, "__set__", |vm, a| {
        let Value::Property(p) = &a.pos[0] else {
            return Ok(Value::None);
        };
        match &p.fset {
            Some(s) => {
                let s = s.clone();
                vm.call(&s, Args::new(vec![a.pos[1].clone(), a.pos[2].clone()]))?;
                Ok(Value::None)
            }
            None => vm.attr_error("property has no setter"),
        }
    });
    add_method(&t.classmethod.clone(), "__new__", |vm, a| {
        check_args(vm, &a, "classmethod", 2, 2)?;
        Ok(Value::ClassMethod(Rc::new(a.pos[1].clone())))
    });
    add_method(&t.classmethod.clone(), "__get__", |_, a| {
        let Value::ClassMethod(f) = &a.pos[0] else {
            return Ok(Value::None);
        };
        let owner = match a.pos.get(2) {
            Some(o) if !o.is_none() => o.clone(),
            _ => a.pos[1].clone(),
        };
        Ok(Value::Method(Rc::new(crate::object::Method { func: (**f).clone(), this: owner })))
    });
    add_method(&t.staticmethod.clone(), "__new__", |vm, a| {
        check_args(vm, &a, "staticmethod", 2, 2)?;
        Ok(Value::StaticMethod(Rc::new(a.pos[1].clone())))
    });
    add_method(&t.staticmethod.clone(), "__get__", |_, a| match &a.pos[0] {
        Value::StaticMethod(f) => Ok((**f).clone()),
        other => Ok(other.clone()),
    });
    add_method(&t.super_.clone(), "__new__", |vm, a| match (a.pos.get(1), a.pos.get(2)) {
        (Some(Value::Class(c)), Some(obj)) => Ok(Value::Super(Rc::new((c.clone(), obj.clone())))),
        (Some(Value::Class(_)), None) => vm.not_implemented("unbound super objects"),
        (None, _) => Err(vm.new_error("RuntimeError", "super(): no arguments")),
        _ => vm.type_error("super() argument 1 must be a type"),
    });
    let gen = t.generator.clone();
    add_method(&gen, "__iter__", |_, a| Ok(a.pos[0].clone()));
    add_method(&gen, "__next__", |vm, a| {
        let Value::Generator(g) = &a.pos[0] else {
            return vm.type_error("__next__ needs a generator");
        };
        match vm.gen_resume(g, Value::None, None)? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(vm.make_exc(vm.exc_class("StopIteration"), if v.is_none() { vec![] } else { vec![v] })),
        }
    });
    add_method(&gen, "send", |vm, a| {
        let Value::Generator(g) = &a.pos[0] else {
            return vm.type_error("send() needs a generator");
        };
        match vm.gen_resume(g, a.pos.get(1).cloned().unwrap_or(Value::None), None)? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(vm.make_exc(vm.exc_class("StopIteration"), if v.is_none() { vec![] } else { vec![v] })),
        }
    });
    add_method(&gen, "throw", |vm, a| {
        let Value::Generator(g) = &a.pos[0] else {
            return vm.type_error("throw() needs a generator");
        };
        let exc = match (a.pos.get(1), a.pos.get(2)) {
            (Some(Value::Class(c)), Some(v)) if !v.is_none() => {
                let cls = Value::Class(c.clone());
                let inst = vm.call1(&cls, v.clone())?;
                vm.to_exception(inst)?
            }
            (Some(v), _) => vm.to_exception(v.clone())?,
            (None, _) => return vm.type_error("throw expected at least 1 argument, got 0"),
        };
        match vm.gen_resume(g, Value::None, Some(exc))? {
            GenStep::Yielded(v) => Ok(v),
            GenStep::Returned(v) => Err(vm.make_exc(vm.exc_class("StopIteration"), if v.is_none() { vec![] } else { vec![v] })),
        }
    });
    add_method(&gen, "close", |vm, a| {
        let Value::Generator(g) = &a.pos[0] else {
            return Ok(Value::None);
        };
        if g.borrow().frame.is_none() || !g.borrow().started {
            g.borrow_mut().frame = None;
            return Ok(Value::None);
        }
        let exit = vm.make_exc(vm.exc_class("GeneratorExit"), vec![]);
        match vm.gen_resume(g, Value::None, Some(exit)) {
            Ok(GenStep::Yielded(_)) => Err(vm.new_error("RuntimeError", "generator ignored GeneratorExit")),
            Ok(GenStep::Returned(_)) => Ok(Value::None),
            Err(e) if vm.err_is(&e, "GeneratorExit") || vm.err_is(&e, "StopIteration") => Ok(Value::None),
            Err(e) => Err(e),
        }
    });
    let it = t.iterator.clone();
    add_method(&it, "__iter__", |_, a| Ok(a.pos[0].clone()));
    add_method(&it, "__next__", |vm, a| match vm.next(&a.pos[0])? {
        Some(v) => Ok(v),
        None => Err(vm.make_exc(vm.exc_class("StopIteration"), vec![])),
    });
    let func = t.function.clone();
    add_method(&func, "__get__", |_, a| {
        if a.pos.get(1).map(|v| v.is_none()).unwrap_or(true) {
            return Ok(a.pos[0].clone());
        }
        Ok(Value::Method(Rc::new(crate::object::Method { func: a.pos[0].clone(), this: a.pos[1].clone() })))
    });
    add_method(&func, "__call__", |vm, a| {
        let f = a.pos[0].clone();
        vm.call(&f, Args { pos: a.pos[1..].to_vec(), kw: a.kw })
    });
}

fn class_of(v: &Value, vm: &Vm) -> Rc<crate::object::Class> {
    match v {
        Value::Class(c) => c.clone(),
        other => vm.type_of(other),
    }
}

/// `int | None`: a `types.UnionType` for annotations and isinstance().
fn union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let module = vm.import("typing")?;
    let u = module.get("_union_of").expect("typing._union_of");
    vm.call(&u, Args::new(vec![a.pos[0].clone(), a.pos[1].clone()]))
}

fn rename(class: &Rc<crate::object::Class>, name: &str, full: &str) {
    let mut d = class.dict.borrow_mut();
    if let Some(Value::Native(n)) = d.get(name).cloned() {
        d.insert(name.into(), Value::Native(Rc::new(crate::object::NativeFn { name: full.into(), func: n.func.clone(), this: None })));
    }
}

fn prop_with(vm: &mut Vm, a: Args, which: usize) -> PyResult<Value> {
    check_args(vm, &a, "setter", 2, 2)?;
    let Value::Property(p) = &a.pos[0] else {
        return vm.type_error("descriptor requires a property");
    };
    let f = Some(a.pos[1].clone());
    let mut np = Property { fget: p.fget.clone(), fset: p.fset.clone(), fdel: p.fdel.clone(), doc: p.doc.clone() };
    match which {
        0 => np.fget = f,
        1 => np.fset = f,
        _ => np.fdel = f,
    }
    Ok(Value::Property(Rc::new(np)))
}
