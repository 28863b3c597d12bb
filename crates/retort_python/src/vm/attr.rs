//! Attribute access with Python's rules: data descriptors (properties)
//! before the instance `__dict__`, then methods bound to the instance,
//! class attributes, metaclass attributes and `__getattr__`; `super()`.

use std::rc::Rc;

use crate::dict::Dict;
use crate::object::{Args, Class, Instance, Method, Payload, PyResult};
use crate::value::Value;

use super::exec::str_key;
use super::Vm;

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Native(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(c) => c.meta.clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module.clone(),
            Value::Iter(it) => it.borrow().class(t),
            Value::Generator(_) => t.generator.clone(),
            Value::Property(_) => t.property.clone(),
            Value::ClassMethod(_) => t.classmethod.clone(),
            Value::StaticMethod(_) => t.staticmethod.clone(),
            Value::Super(_) => t.super_.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Code(_) => t.code.clone(),
        }
    }

    /// Is `v` a data descriptor (does it define `__set__` or `__delete__`)?
    fn is_data_descriptor(&self, v: &Value) -> bool {
        match v {
            Value::Property(_) => true,
            Value::Instance(i) => {
                let c = i.class();
                c.lookup("__set__").is_some() || c.lookup("__delete__").is_some()
            }
            _ => false,
        }
    }

    /// Binds a class attribute found for `obj` (an instance of `class`).
    pub fn bind(&mut self, attr: Value, obj: &Value, class: &Rc<Class>) -> PyResult<Value> {
        match &attr {
            Value::Function(_) | Value::Native(_) => Ok(Value::Method(Rc::new(Method { func: attr, this: obj.clone() }))),
            Value::ClassMethod(f) => Ok(Value::Method(Rc::new(Method { func: (**f).clone(), this: Value::Class(class.clone()) }))),
            Value::StaticMethod(f) => Ok((**f).clone()),
            Value::Property(p) => match &p.fget {
                Some(g) => {
                    let g = g.clone();
                    self.call1(&g, obj.clone())
                }
                None => self.attr_error(format!("property object of '{}' object has no getter", class.name)),
            },
            Value::Instance(d) => {
                let dc = d.class();
                match dc.lookup("__get__") {
                    Some(get) => {
                        let get = self.bind(get, &attr, &dc)?;
                        self.call(&get, Args::new(vec![obj.clone(), Value::Class(class.clone())]))
                    }
                    None => Ok(attr),
                }
            }
            _ => Ok(attr),
        }
    }

    /// A class attribute accessed on the class itself.
    fn bind_to_class(&mut self, attr: Value, class: &Rc<Class>) -> PyResult<Value> {
        match &attr {
            Value::ClassMethod(f) => Ok(Value::Method(Rc::new(Method { func: (**f).clone(), this: Value::Class(class.clone()) }))),
            Value::StaticMethod(f) => Ok((**f).clone()),
            Value::Instance(d) => {
                let dc = d.class();
                match dc.lookup("__get__") {
                    Some(get) => {
                        let get = self.bind(get, &attr, &dc)?;
                        self.call(&get, Args::new(vec![Value::None, Value::Class(class.clone())]))
                    }
                    None => Ok(attr),
                }
            }
            _ => Ok(attr),
        }
    }

    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// A module's own `__getattr__(name)` (PEP 562) for a name it lacks:
    /// `None` when it has none or it raises AttributeError.
    pub(crate) fn module_getattr(&mut self, m: &Rc<crate::object::Module>, name: &str) -> PyResult<Option<Value>> {
        let Some(hook) = m.get("__getattr__") else { return Ok(None) };
        match self.call(&hook, Args::new(vec![Value::str(name)])) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.class().name.as_ref() == "AttributeError" => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn no_attribute(&self, obj: &Value, name: &str) -> crate::object::PyErr {
        match obj {
            Value::Class(c) => self.new_error("AttributeError", format!("type object '{}' has no attribute '{name}'", c.name)),
            Value::Module(m) => self.new_error("AttributeError", format!("module '{}' has no attribute '{name}'", m.name)),
            other => self.new_error("AttributeError", format!("'{}' object has no attribute '{name}'", self.type_of(other).name)),
        }
    }

    /// `getattr(obj, name, None)`-like: `None` when missing.
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(self.type_of(obj))));
        }
        match obj {
            Value::Instance(i) => self.instance_getattr(obj, i, name),
            Value::Class(c) => self.class_getattr(c, name),
            // a slice's start, stop and step
            Value::Slice(s) if matches!(name, "start" | "stop" | "step") => Ok(Some(
                s[match name {
                    "start" => 0,
                    "stop" => 1,
                    _ => 2,
                }]
                .clone(),
            )),
            Value::Module(m) => match name {
                "__dict__" => Ok(Some(self.attrmap_to_dict(&m.dict.borrow()))),
                _ => match m.get(name) {
                    Some(v) => Ok(Some(v)),
                    None => self.module_getattr(m, name),
                },
            },
            Value::Function(f) => {
                let v = match name {
                    "__name__" => Some(Value::str(&**f.name.borrow())),
                    "__qualname__" => Some(Value::str(&**f.qualname.borrow())),
                    "__doc__" => Some(f.doc.borrow().clone()),
                    "__module__" => Some(Value::str(&*f.module.name)),
                    "__annotations__" => Some(f.annotations.borrow().clone()),
                    "__defaults__" => {
                        let d = f.defaults.borrow();
                        Some(if d.is_empty() { Value::None } else { Value::tuple(d.clone()) })
                    }
                    "__dict__" => Some(self.attrmap_to_dict(&f.dict.borrow())),
                    _ => f.dict.borrow().get(name).cloned(),
                };
                match v {
                    Some(v) => Ok(Some(v)),
                    None => self.type_attr(obj, name),
                }
            }
            Value::Native(n) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(&*n.name)),
                "__doc__" => Some(Value::None),
                "__self__" => n.this.clone(),
                _ => None,
            }),
            Value::Method(m) => match name {
                "__self__" => Ok(Some(m.this.clone())),
                "__func__" => Ok(Some(m.func.clone())),
                _ => {
                    let f = m.func.clone();
                    self.getattr_opt(&f, name)
                }
            },
            Value::Super(s) => self.super_getattr(&s.0, &s.1, name),
            Value::Property(p) => Ok(match name {
                "fget" => Some(p.fget.clone().unwrap_or(Value::None)),
                "fset" => Some(p.fset.clone().unwrap_or(Value::None)),
                "fdel" => Some(p.fdel.clone().unwrap_or(Value::None)),
                "__doc__" => Some(p.doc.clone()),
                _ => return self.type_attr(obj, name),
            }),
            Value::ClassMethod(f) | Value::StaticMethod(f) => match name {
                "__func__" => Ok(Some((**f).clone())),
                _ => {
                    let f = (**f).clone();
                    self.getattr_opt(&f, name)
                }
            },
            Value::Generator(g) => match name {
                "__name__" => Ok(Some(Value::str(&*g.borrow().name))),
                "__qualname__" => Ok(Some(Value::str(&*g.borrow().qualname))),
                _ => self.type_attr(obj, name),
            },
            _ => self.type_attr(obj, name),
        }
    }

    /// An attribute from the value's type (methods of builtin types).
    fn type_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let class = self.type_of(obj);
        match class.lookup(name) {
            Some(a) => Ok(Some(self.bind(a, obj, &class)?)),
            None => Ok(None),
        }
    }

    fn instance_getattr(&mut self, obj: &Value, i: &Rc<Instance>, name: &str) -> PyResult<Option<Value>> {
        let class = i.class();
        let class_attr = class.lookup(name);
        if let Some(a) = &class_attr {
            if self.is_data_descriptor(a) {
                return Ok(Some(self.bind(a.clone(), obj, &class)?));
            }
        }
        if let Some(v) = i.dict.borrow().get(name) {
            return Ok(Some(v.clone()));
        }
        if name == "__dict__" {
            return Ok(Some(self.instance_dict(i)));
        }
        if let Payload::Exc(d) = &*i.payload.borrow() {
            match name {
                "args" => return Ok(Some(d.args.clone())),
                "__cause__" => return Ok(Some(d.cause.clone().unwrap_or(Value::None))),
                "__context__" => return Ok(Some(d.context.clone().unwrap_or(Value::None))),
                "__suppress_context__" => return Ok(Some(Value::Bool(d.suppress_context))),
                "__traceback__" => return Ok(Some(Value::None)),
                "value" if class.is_subclass(&self.exc_class("StopIteration")) => {
                    return Ok(Some(match &d.args {
                        Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
                        _ => Value::None,
                    }))
                }
                _ => {}
            }
        }
        if let Some(a) = class_attr {
            return Ok(Some(self.bind(a, obj, &class)?));
        }
        if let Some(ga) = class.lookup("__getattr__") {
            let ga = self.bind(ga, obj, &class)?;
            return self.call1(&ga, Value::str(name)).map(Some);
        }
        Ok(None)
    }

    fn class_getattr(&mut self, c: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
        match name {
            "__name__" => return Ok(Some(Value::str(&*c.name))),
            "__qualname__" => return Ok(Some(Value::str(&*c.qualname))),
            "__mro__" => return Ok(Some(Value::tuple(c.mro_all().map(|k| Value::Class(k.clone())).collect()))),
            "__bases__" => {
                let bases: Vec<Value> = if c.bases.is_empty() && c.builtin != crate::object::Builtin::Object {
                    vec![Value::Class(self.types.object.clone())]
                } else {
                    c.bases.iter().map(|k| Value::Class(k.clone())).collect()
                };
                return Ok(Some(Value::tuple(bases)));
            }
            "__base__" => {
                return Ok(Some(match c.bases.first() {
                    Some(b) => Value::Class(b.clone()),
                    None if c.builtin == crate::object::Builtin::Object && c.is_builtin => Value::None,
                    None => Value::Class(self.types.object.clone()),
                }))
            }
            "__dict__" => return Ok(Some(self.attrmap_to_dict(&c.dict.borrow()))),
            "__module__" if c.is_builtin => return Ok(Some(Value::str(&*c.module))),
            "__doc__" => return Ok(Some(c.dict.borrow().get("__doc__").cloned().unwrap_or(Value::None))),
            _ => {}
        }
        let meta = c.meta.clone();
        let meta_attr = meta.as_ref().and_then(|m| m.lookup(name));
        if let (Some(a), Some(m)) = (&meta_attr, &meta) {
            if self.is_data_descriptor(a) {
                return Ok(Some(self.bind(a.clone(), &Value::Class(c.clone()), m)?));
            }
        }
        if let Some(a) = c.lookup(name) {
            return Ok(Some(self.bind_to_class(a, c)?));
        }
        if let (Some(a), Some(m)) = (meta_attr, &meta) {
            return Ok(Some(self.bind(a, &Value::Class(c.clone()), m)?));
        }
        // methods of `type` itself (mro(), __subclasses__ ...)
        if let Some(a) = self.types.type_.lookup(name) {
            if matches!(a, Value::Native(_)) {
                return Ok(Some(self.bind(a, &Value::Class(c.clone()), &self.types.type_.clone())?));
            }
        }
        if let Some(m) = &meta {
            if let Some(ga) = m.lookup("__getattr__") {
                let ga = self.bind(ga, &Value::Class(c.clone()), m)?;
                return Ok(Some(self.call1(&ga, Value::str(name))?));
            }
        }
        Ok(None)
    }

    fn super_getattr(&mut self, start: &Rc<Class>, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        // super(C, obj): obj's type's MRO when obj is an instance of C, else
        // obj's own MRO (obj is a subclass of C: classmethods, __new__)
        let obj_type = self.type_of(obj);
        let (mro_owner, class_path) = match obj {
            Value::Class(c) if !obj_type.is_subclass(start) && c.is_subclass(start) => (c.clone(), true),
            _ => (obj_type.clone(), false),
        };
        let mro: Vec<Rc<Class>> = mro_owner.mro_all().cloned().collect();
        let pos = mro.iter().position(|c| Rc::ptr_eq(c, start)).map(|p| p + 1).unwrap_or(mro.len());
        for c in &mro[pos..] {
            let found = c.dict.borrow().get(name).cloned();
            if let Some(a) = found {
                return Ok(Some(if class_path {
                    let Value::Class(cls) = obj else { unreachable!("a class") };
                    match &a {
                        Value::Function(_) | Value::Native(_) if name == "__init_subclass__" => {
                            Value::Method(Rc::new(Method { func: a, this: obj.clone() }))
                        }
                        _ => self.bind_to_class(a, cls)?,
                    }
                } else {
                    self.bind(a, obj, &obj_type)?
                }));
            }
        }
        Ok(None)
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                let class = i.class();
                if let Some(a) = class.lookup(name) {
                    match &a {
                        Value::Property(p) => {
                            return match &p.fset {
                                Some(s) => {
                                    let s = s.clone();
                                    self.call(&s, Args::new(vec![obj.clone(), value]))?;
                                    Ok(())
                                }
                                None => self.attr_error(format!("property '{name}' of '{}' object has no setter", class.name)),
                            }
                        }
                        Value::Instance(d) => {
                            let dc = d.class();
                            if let Some(set) = dc.lookup("__set__") {
                                let set = self.bind(set, &a, &dc)?;
                                self.call(&set, Args::new(vec![obj.clone(), value]))?;
                                return Ok(());
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(sa) = self.lookup_user(&class, "__setattr__") {
                    let sa = self.bind(sa, obj, &class)?;
                    self.call(&sa, Args::new(vec![Value::str(name), value]))?;
                    return Ok(());
                }
                if name == "__class__" {
                    if let Value::Class(c) = value {
                        *i.class.borrow_mut() = c;
                        return Ok(());
                    }
                }
                i.dict.borrow_mut().insert(name.into(), value);
                Ok(())
            }
            Value::Class(c) => {
                if c.is_builtin {
                    return self.type_error(format!("cannot set '{name}' attribute of immutable type '{}'", c.name));
                }
                if let Some(m) = &c.meta {
                    if let Some(Value::Property(p)) = m.lookup(name) {
                        if let Some(s) = &p.fset {
                            let s = s.clone();
                            self.call(&s, Args::new(vec![obj.clone(), value]))?;
                            return Ok(());
                        }
                    }
                    if let Some(sa) = self.lookup_user(m, "__setattr__") {
                        let sa = self.bind(sa, obj, m)?;
                        self.call(&sa, Args::new(vec![Value::str(name), value]))?;
                        return Ok(());
                    }
                }
                c.dict.borrow_mut().insert(name.into(), value);
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" => *f.name.borrow_mut() = Rc::from(self.str_of(&value)?.as_str()),
                    "__qualname__" => *f.qualname.borrow_mut() = Rc::from(self.str_of(&value)?.as_str()),
                    "__doc__" => *f.doc.borrow_mut() = value,
                    "__annotations__" => *f.annotations.borrow_mut() = value,
                    _ => {
                        f.dict.borrow_mut().insert(name.into(), value);
                    }
                }
                Ok(())
            }
            Value::Module(m) => {
                m.set(name, value);
                Ok(())
            }
            other => {
                let t = self.type_of(other);
                if t.lookup(name).is_some() {
                    self.attr_error(format!("'{}' object attribute '{name}' is read-only", t.name))
                } else {
                    self.attr_error(format!("'{}' object has no attribute '{name}'", t.name))
                }
            }
        }
    }

    /// `object.__setattr__` semantics: store in the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                let class = i.class();
                if let Some(Value::Property(p)) = class.lookup(name) {
                    if let Some(s) = &p.fset {
                        let s = s.clone();
                        self.call(&s, Args::new(vec![obj.clone(), value]))?;
                        return Ok(());
                    }
                    return self.attr_error(format!("property '{name}' of '{}' object has no setter", class.name));
                }
                i.dict.borrow_mut().insert(name.into(), value);
                Ok(())
            }
            Value::Class(c) if !c.is_builtin => {
                c.dict.borrow_mut().insert(name.into(), value);
                Ok(())
            }
            other => self.setattr(other, name, value),
        }
    }

    /// A method defined by a non-builtin class along the MRO.
    pub fn lookup_user(&self, class: &Rc<Class>, name: &str) -> Option<Value> {
        for c in class.mro_all() {
            if c.is_builtin {
                continue;
            }
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                let class = i.class();
                if let Some(Value::Property(p)) = class.lookup(name) {
                    return match &p.fdel {
                        Some(d) => {
                            let d = d.clone();
                            self.call1(&d, obj.clone())?;
                            Ok(())
                        }
                        None => self.attr_error(format!("property '{name}' of '{}' object has no deleter", class.name)),
                    };
                }
                if let Some(Value::Instance(d)) = class.lookup(name) {
                    let dc = d.class();
                    if let Some(del) = dc.lookup("__delete__") {
                        let del = self.bind(del, &Value::Instance(d.clone()), &dc)?;
                        self.call1(&del, obj.clone())?;
                        return Ok(());
                    }
                }
                if let Some(da) = self.lookup_user(&class, "__delattr__") {
                    let da = self.bind(da, obj, &class)?;
                    self.call1(&da, Value::str(name))?;
                    return Ok(());
                }
                if i.dict.borrow_mut().shift_remove(name).is_none() {
                    return self.attr_error(format!("'{}' object has no attribute '{name}'", class.name));
                }
                Ok(())
            }
            Value::Class(c) if !c.is_builtin => {
                if c.dict.borrow_mut().shift_remove(name).is_none() {
                    return self.attr_error(format!("type object '{}' has no attribute '{name}'", c.name));
                }
                Ok(())
            }
            Value::Module(m) => {
                if m.dict.borrow_mut().shift_remove(name).is_none() {
                    return self.attr_error(format!("module '{}' has no attribute '{name}'", m.name));
                }
                Ok(())
            }
            Value::Function(f) => {
                f.dict.borrow_mut().shift_remove(name);
                Ok(())
            }
            other => self.attr_error(format!("'{}' object has no attribute '{name}'", self.type_of(other).name)),
        }
    }

    /// A snapshot of an attribute map as a dict.
    pub fn attrmap_to_dict(&self, m: &crate::dict::AttrMap) -> Value {
        let mut d = Dict::default();
        for (k, v) in m {
            d.insert(str_key(k), (Value::str(&**k), v.clone()));
        }
        Value::dict(d)
    }

    /// `hasattr`.
    pub fn hasattr(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        match self.getattr_opt(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if self.err_is(&e, "AttributeError") => Ok(false),
            Err(e) => Err(e),
        }
    }
}
