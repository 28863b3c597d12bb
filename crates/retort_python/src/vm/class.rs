//! Creating classes: running the class body in its namespace, metaclass
//! selection and calls, C3 method resolution order, `__set_name__`,
//! `__init_subclass__`, and calling a class to make an instance.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::{AttrMap, Dict};
use crate::object::{next_serial, Args, Builtin, Class, Instance, Payload, PyResult};
use crate::value::Value;

use super::frame::Frame;
use super::Vm;

/// C3 linearisation of the bases; `None` when no consistent order exists.
pub fn c3(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro_all().cloned().collect()).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs.iter().map(|s| s[0].clone()).find(|h| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, h))))?;
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

impl Vm {
    /// The `class` statement.
    pub fn build_class(&mut self, body: Value, name: Value, bases: Value, kwargs: Value) -> PyResult<Value> {
        let name = self.str_of(&name)?;
        let bases: Vec<Value> = match bases {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let mut kw: Vec<(Rc<str>, Value)> = match &kwargs {
            Value::Dict(d) => d.borrow().values().map(|(k, v)| (Rc::from(k.as_str().unwrap_or("")), v.clone())).collect(),
            _ => Vec::new(),
        };
        // __mro_entries__ is not supported; plain classes only
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                Value::Instance(i) if i.class().lookup("__mro_entries__").is_some() => {
                    let r = self.call_method(b, "__mro_entries__", vec![Value::tuple(bases.clone())])?;
                    for x in self.iterate(&r)? {
                        if let Value::Class(c) = x {
                            base_classes.push(c);
                        }
                    }
                }
                other => {
                    return self.type_error(format!(
                        "{}() argument 'bases' must be a class, not {}",
                        "__build_class__",
                        self.type_of(other).name
                    ))
                }
            }
        }
        let explicit_meta = kw.iter().position(|(k, _)| &**k == "metaclass").map(|i| kw.remove(i).1);
        let meta: Option<Value> = match explicit_meta {
            Some(m) => Some(m),
            None => {
                // the most derived metaclass of the bases
                let mut winner: Option<Rc<Class>> = None;
                for b in &base_classes {
                    if let Some(m) = &b.meta {
                        winner = match winner {
                            None => Some(m.clone()),
                            Some(w) if m.is_subclass(&w) => Some(m.clone()),
                            Some(w) => Some(w),
                        };
                    }
                }
                winner.map(Value::Class)
            }
        };
        let is_type = |v: &Option<Value>, vm: &Vm| match v {
            None => true,
            Some(Value::Class(c)) => Rc::ptr_eq(c, &vm.types.type_),
            _ => false,
        };
        let plain = is_type(&meta, self);
        // namespace (__prepare__)
        let ns: Rc<RefCell<Dict>> = match (&meta, plain) {
            (Some(m), false) => match self.getattr_opt(m, "__prepare__")? {
                Some(p) => {
                    let r = self.call(&p, Args { pos: vec![Value::str(name.as_str()), Value::tuple(bases.clone())], kw: kw.clone() })?;
                    match r {
                        Value::Dict(d) => d,
                        _ => Rc::new(RefCell::new(Dict::default())),
                    }
                }
                None => Rc::new(RefCell::new(Dict::default())),
            },
            _ => Rc::new(RefCell::new(Dict::default())),
        };
        let Value::Function(f) = &body else {
            return self.type_error("class body is not a function");
        };
        let mut frame = Box::new(Frame::new(f.code.clone(), f.module.clone()));
        frame.namespace = Some(ns.clone());
        frame.cells.extend(f.closure.iter().cloned());
        let cell = self.run_frame(frame)?;
        let ns_value = Value::Dict(ns);
        let cls = if plain {
            let c = self.new_class(None, &name, base_classes, &ns_value, &kw)?;
            Value::Class(c)
        } else {
            let m = meta.expect("a metaclass");
            self.call(&m, Args { pos: vec![Value::str(name.as_str()), Value::tuple(bases), ns_value], kw })?
        };
        if let Value::Cell(c) = cell {
            *c.borrow_mut() = Some(cls.clone());
        }
        Ok(cls)
    }

    /// `type.__new__(meta, name, bases, namespace)`: makes the class, then runs
    /// `__set_name__` and `__init_subclass__`.
    pub fn new_class(
        &mut self,
        meta: Option<Rc<Class>>,
        name: &str,
        bases: Vec<Rc<Class>>,
        ns: &Value,
        kwargs: &[(Rc<str>, Value)],
    ) -> PyResult<Rc<Class>> {
        let Some(mut mro) = c3(&bases) else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return self.type_error(format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", ")));
        };
        let object = self.types.object.clone();
        if !mro.iter().any(|c| Rc::ptr_eq(c, &object)) {
            mro.push(object.clone());
        }
        let mut builtin = Builtin::Object;
        for c in &mro {
            if c.is_builtin && c.builtin != Builtin::Object && builtin == Builtin::Object {
                builtin = c.builtin;
            }
        }
        for b in &bases {
            if b.is_builtin && matches!(b.builtin, Builtin::Bool | Builtin::Range | Builtin::Slice | Builtin::Function | Builtin::Generator)
            {
                return self.type_error(format!("type '{}' is not an acceptable base type", b.name));
            }
        }
        let mut dict = AttrMap::default();
        let mut qualname: Rc<str> = name.into();
        let mut module: Rc<str> = "__main__".into();
        if let Value::Dict(d) = ns {
            for (k, v) in d.borrow().values() {
                let Some(k) = k.as_str() else { continue };
                match k {
                    "__qualname__" => {
                        if let Some(q) = v.as_str() {
                            qualname = q.into();
                        }
                        continue;
                    }
                    "__module__" => {
                        if let Some(m) = v.as_str() {
                            module = m.into();
                        }
                    }
                    _ => {}
                }
                let v = match (k, v) {
                    ("__new__", Value::Function(_)) => Value::StaticMethod(Rc::new(v.clone())),
                    ("__init_subclass__" | "__class_getitem__", Value::Function(_)) => Value::ClassMethod(Rc::new(v.clone())),
                    _ => v.clone(),
                };
                dict.insert(k.into(), v);
            }
        }
        if dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
            dict.insert("__hash__".into(), Value::None);
        }
        let meta = match meta {
            Some(m) if Rc::ptr_eq(&m, &self.types.type_) => None,
            other => other,
        };
        let cls = Rc::new(Class {
            name: name.into(),
            qualname,
            module,
            bases: bases.clone(),
            mro,
            dict: crate::object::ClassDict::new(dict),
            meta,
            builtin,
            is_builtin: false,
        });
        let cls_value = Value::Class(cls.clone());
        // __set_name__ on descriptors
        let attrs: Vec<(Rc<str>, Value)> = cls.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in attrs {
            if let Value::Instance(i) = &v {
                let c = i.class();
                if let Some(sn) = c.lookup("__set_name__") {
                    let sn = self.bind(sn, &v, &c)?;
                    self.call(&sn, Args::new(vec![cls_value.clone(), Value::str(&*k)]))?;
                }
            }
        }
        // __init_subclass__ of the nearest base that defines it
        for c in cls.mro.iter() {
            let found = c.dict.borrow().get("__init_subclass__").cloned();
            if let Some(f) = found {
                let f = match f {
                    Value::ClassMethod(f) => (*f).clone(),
                    other => other,
                };
                self.call(&f, Args { pos: vec![cls_value.clone()], kw: kwargs.to_vec() })?;
                break;
            }
        }
        Ok(cls)
    }

    /// Calling a class: the metaclass `__call__`, else `__new__` then `__init__`.
    pub fn call_class(&mut self, c: &Rc<Class>, args: Args) -> PyResult<Value> {
        let cls_value = Value::Class(c.clone());
        if let Some(meta) = &c.meta {
            if let Some(call) = self.lookup_user(meta, "__call__") {
                let bound = self.bind(call, &cls_value, meta)?;
                return self.call(&bound, args);
            }
        }
        self.type_call(c, args)
    }

    /// The common instantiation: a class without a metaclass `__call__`,
    /// whose `__new__` is `object.__new__` and whose `__init__` is a plain
    /// Python function: the new bare instance and that `__init__`, which the
    /// caller runs (the instruction loop pushes it as a frame).
    pub fn plain_init(&mut self, c: &Rc<Class>) -> Option<(Value, Rc<crate::object::Function>)> {
        if c.builtin != crate::object::Builtin::Object {
            return None;
        }
        if let Some(meta) = &c.meta {
            if self.lookup_user(meta, "__call__").is_some() {
                return None;
            }
        }
        let Some(Value::Native(n)) = c.lookup("__new__") else {
            return None;
        };
        if &*n.name != "object.__new__" {
            return None;
        }
        match c.lookup("__init__") {
            Some(Value::Function(init)) if !init.code.is_generator => Some((self.new_instance(c, &[]), init)),
            _ => None,
        }
    }

    /// `type.__call__`.
    pub fn type_call(&mut self, c: &Rc<Class>, args: Args) -> PyResult<Value> {
        let cls_value = Value::Class(c.clone());
        if Rc::ptr_eq(c, &self.types.type_) && args.pos.len() == 1 && args.kw.is_empty() {
            return Ok(Value::Class(self.type_of(&args.pos[0])));
        }
        let new = c.lookup("__new__").unwrap_or(Value::None);
        let new = match new {
            Value::StaticMethod(f) => (*f).clone(),
            other => other,
        };
        if let Some((obj, init)) = self.plain_init(c) {
            let frame = self.bind_frame(&init, args.with_self(obj.clone()))?;
            let r = self.run_frame(frame)?;
            if !r.is_none() {
                return self.type_error(format!("__init__() should return None, not '{}'", self.type_of(&r).name));
            }
            return Ok(obj);
        }
        let obj = self.call(&new, args.clone().with_self(cls_value))?;
        let t = self.type_of(&obj);
        if t.is_subclass(c) {
            if let Some(init) = c.lookup("__init__") {
                let init = self.bind(init, &obj, &t)?;
                let r = self.call(&init, args)?;
                if !r.is_none() {
                    return self.type_error(format!("__init__() should return None, not '{}'", self.type_of(&r).name));
                }
            }
        }
        Ok(obj)
    }

    /// `object.__new__(cls)`: a bare instance (with an exception payload for exceptions).
    pub fn new_instance(&mut self, cls: &Rc<Class>, args: &[Value]) -> Value {
        let payload = if cls.builtin == Builtin::BaseException {
            Payload::Exc(crate::object::ExcData {
                args: Value::tuple(args.to_vec()),
                traceback: Vec::new(),
                cause: None,
                context: None,
                suppress_context: false,
            })
        } else {
            Payload::None
        };
        let obj = Rc::new(Instance {
            class: RefCell::new(cls.clone()),
            dict: RefCell::new(AttrMap::default()),
            payload: RefCell::new(payload),
            serial: next_serial(),
        });
        self.instances.add(&obj);
        Value::Instance(obj)
    }

    /// An instance of a builtin-type subclass carrying `base` (e.g. a str enum member).
    pub fn new_base_instance(&mut self, cls: &Rc<Class>, base: Value) -> Value {
        let obj = Rc::new(Instance {
            class: RefCell::new(cls.clone()),
            dict: RefCell::new(AttrMap::default()),
            payload: RefCell::new(Payload::Base(base)),
            serial: next_serial(),
        });
        self.instances.add(&obj);
        Value::Instance(obj)
    }
}

impl Vm {
    /// A class defined by a host module (`json.JSONDecodeError`, ...).
    pub fn host_class(&mut self, module: &str, name: &str, bases: Vec<Rc<Class>>) -> Rc<Class> {
        let mut ns = crate::dict::Dict::default();
        ns.insert(crate::vm::exec::str_key("__module__"), (Value::str("__module__"), Value::str(module)));
        ns.insert(crate::vm::exec::str_key("__qualname__"), (Value::str("__qualname__"), Value::str(name)));
        let bases = if bases.is_empty() { vec![self.types.object.clone()] } else { bases };
        match self.new_class(None, name, bases, &Value::dict(ns), &[]) {
            Ok(c) => c,
            Err(_) => self.types.object.clone(),
        }
    }
}
