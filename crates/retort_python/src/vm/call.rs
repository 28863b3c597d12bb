//! Calling things: Python functions (binding arguments to parameters with
//! CPython's error messages), natives, bound methods, classes
//! (`__new__` then `__init__`) and objects with `__call__`.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::{AttrMap, Dict};
use crate::object::{Args, Function, Generator, NativeFn, PyResult};
use crate::value::Value;

use super::frame::Frame;
use super::Vm;

impl Vm {
    /// Calls any callable with arguments.
    pub fn call(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        match func {
            Value::Function(f) => {
                let frame = self.bind_frame(f, args)?;
                if f.code.is_generator {
                    return Ok(self.make_generator(f, frame));
                }
                self.run_frame(frame)
            }
            Value::Native(n) => {
                self.unused = std::mem::take(&mut self.unused_pending);
                let args = match &n.this {
                    Some(this) => args.with_self(this.clone()),
                    None => args,
                };
                (n.func.clone())(self, args)
            }
            Value::Method(m) => {
                let args = args.with_self(m.this.clone());
                let f = m.func.clone();
                self.call(&f, args)
            }
            Value::Class(c) => self.call_class(c, args),
            Value::StaticMethod(f) => {
                let f = (**f).clone();
                self.call(&f, args)
            }
            Value::Instance(i) => {
                let class = i.class();
                match class.lookup("__call__") {
                    Some(c) => {
                        let bound = self.bind(c, func, &class)?;
                        self.call(&bound, args)
                    }
                    None => self.type_error(format!("'{}' object is not callable", class.name)),
                }
            }
            other => {
                let t = self.type_of(other);
                self.type_error(format!("'{}' object is not callable", t.name))
            }
        }
    }

    pub fn call0(&mut self, func: &Value) -> PyResult<Value> {
        self.call(func, Args::default())
    }
    pub fn call1(&mut self, func: &Value, a: Value) -> PyResult<Value> {
        self.call(func, Args::new(vec![a]))
    }

    /// Calls `obj.name(*args)`, the method found on the object's type.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let m = self.getattr(obj, name)?;
        self.call(&m, Args::new(args))
    }

    /// Looks up a special method on the type (never the instance) and calls it;
    /// `None` when the type does not define it.
    pub fn call_special(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        let class = self.type_of(obj);
        match class.lookup(name) {
            Some(f) => {
                let bound = self.bind(f, obj, &class)?;
                Ok(Some(self.call(&bound, Args::new(args))?))
            }
            None => Ok(None),
        }
    }

    pub fn make_generator(&mut self, f: &Rc<Function>, frame: Box<Frame>) -> Value {
        Value::Generator(Rc::new(RefCell::new(Generator {
            frame: Some(frame),
            running: false,
            started: false,
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
        })))
    }

    /// "f()" as CPython names a function in argument errors.
    pub fn callable_name(&self, v: &Value) -> String {
        match v {
            Value::Function(f) => format!("{}()", f.qualname.borrow()),
            Value::Method(m) => self.callable_name(&m.func),
            Value::Native(n) => format!("{}()", n.name),
            Value::Class(c) => format!("{}()", c.name),
            _ => "function".to_owned(),
        }
    }

    /// A frame for calling `f` with `args`, or the TypeError CPython raises.
    pub fn bind_frame(&mut self, f: &Rc<Function>, args: Args) -> PyResult<Box<Frame>> {
        let code = f.code.clone();
        let mut frame = self.new_frame(f);
        let argc = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let Args { mut pos, kw } = args;
        let given = pos.len();
        let qualname = f.qualname.borrow().clone();
        let mut extra = Vec::new();
        if pos.len() > argc {
            extra = pos.split_off(argc);
        }
        for (i, v) in pos.into_iter().enumerate() {
            frame.locals[i] = Some(v);
        }
        let mut slot = argc + kwonly;
        if code.varargs {
            frame.locals[slot] = Some(Value::tuple(extra));
            slot += 1;
        } else if !extra.is_empty() {
            let defaults = f.defaults.borrow().len();
            let takes = if defaults > 0 {
                format!("from {} to {} positional arguments", argc - defaults, argc)
            } else if argc == 1 {
                "1 positional argument".to_owned()
            } else {
                format!("{argc} positional arguments")
            };
            let were = if given == 1 { "was" } else { "were" };
            return self.type_error(format!("{qualname}() takes {takes} but {given} {were} given"));
        }
        let mut kwdict = if code.varkw { Some(Dict::default()) } else { None };
        let posonly = code.posonlyargcount as usize;
        let all_kw: Vec<Rc<str>> = kw.iter().map(|(k, _)| k.clone()).collect();
        for (name, v) in kw {
            let idx = code.varnames[posonly..argc + kwonly].iter().position(|n| **n == *name).map(|i| i + posonly);
            match idx {
                Some(i) => {
                    if frame.locals[i].is_some() {
                        return self.type_error(format!("{qualname}() got multiple values for argument '{name}'"));
                    }
                    frame.locals[i] = Some(v);
                }
                None => match &mut kwdict {
                    Some(d) => {
                        d.insert(super::exec::str_key(&name), (Value::str(&*name), v));
                    }
                    None => {
                        if code.varnames[..posonly].iter().any(|n| **n == *name) {
                            let names: Vec<&str> =
                                code.varnames[..posonly].iter().filter(|n| all_kw.iter().any(|k| k == *n)).map(|n| &**n).collect();
                            return self.type_error(format!(
                                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                                names.join(", ")
                            ));
                        }
                        return self.type_error(format!("{qualname}() got an unexpected keyword argument '{name}'"));
                    }
                },
            }
        }
        if let Some(d) = kwdict {
            frame.locals[slot] = Some(Value::dict(d));
        }
        // defaults and missing arguments
        let defaults = f.defaults.borrow();
        let first_default = argc - defaults.len().min(argc);
        let mut missing = Vec::new();
        for i in 0..argc {
            if frame.locals[i].is_none() {
                if i >= first_default {
                    frame.locals[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        drop(defaults);
        if !missing.is_empty() {
            return self.type_error(missing_message(&qualname, &missing, "positional"));
        }
        let kwdefaults = f.kwdefaults.borrow();
        for i in argc..argc + kwonly {
            if frame.locals[i].is_none() {
                let name = &code.varnames[i];
                match kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => frame.locals[i] = Some(v.clone()),
                    None => missing.push(name.clone()),
                }
            }
        }
        drop(kwdefaults);
        if !missing.is_empty() {
            return self.type_error(missing_message(&qualname, &missing, "keyword-only"));
        }
        for &(ci, vi) in &code.cell_params {
            *frame.cells[ci as usize].borrow_mut() = frame.locals[vi as usize].clone();
        }
        frame.cells.extend(f.closure.iter().cloned());
        Ok(frame)
    }

    /// A fresh (or recycled) frame for a call of `f`, its locals all unbound.
    fn new_frame(&mut self, f: &Function) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut frame) => {
                frame.reuse(f.code.clone(), f.module.clone());
                frame
            }
            None => Box::new(Frame::new(f.code.clone(), f.module.clone())),
        }
    }

    /// The common call without the general binder: a plain function (no
    /// `*args`, `**kwargs` or keyword-only parameters, not a generator)
    /// called positionally with no more arguments than it has parameters and
    /// enough to cover those without defaults. The last `n` values of the
    /// caller's `stack` move into the new frame's parameters. `None` (and the
    /// stack untouched) when the call needs `bind_frame`.
    pub fn fast_frame(&mut self, f: &Function, stack: &mut Vec<Value>, n: usize) -> Option<Box<Frame>> {
        let code = &*f.code;
        if code.is_generator || code.varargs || code.varkw || code.kwonlyargcount != 0 {
            return None;
        }
        let argc = code.argcount as usize;
        let defaults = f.defaults.borrow();
        if n > argc || n + defaults.len() < argc {
            return None;
        }
        let mut frame = self.new_frame(f);
        for (slot, v) in frame.locals.iter_mut().zip(stack.drain(stack.len() - n..)) {
            *slot = Some(v);
        }
        let first_default = argc - defaults.len();
        for i in n..argc {
            frame.locals[i] = Some(defaults[i - first_default].clone());
        }
        drop(defaults);
        for &(ci, vi) in &code.cell_params {
            *frame.cells[ci as usize].borrow_mut() = frame.locals[vi as usize].clone();
        }
        frame.cells.extend(f.closure.iter().cloned());
        Some(frame)
    }

    pub fn make_function(
        &mut self,
        code: Rc<crate::code::Code>,
        module: Rc<crate::object::Module>,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        annotations: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Dict(d)) => d.borrow().values().map(|(k, v)| (Rc::from(k.as_str().unwrap_or("")), v.clone())).collect(),
            _ => Vec::new(),
        };
        let closure = match closure {
            Some(Value::Tuple(t)) => t
                .iter()
                .filter_map(|c| match c {
                    Value::Cell(c) => Some(c.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let doc = match &code.doc {
            Some(d) => Value::str(&**d),
            None => Value::None,
        };
        Value::Function(Rc::new(Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            code,
            module,
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure,
            annotations: RefCell::new(annotations.unwrap_or_else(|| Value::dict(Dict::default()))),
            dict: RefCell::new(AttrMap::default()),
            doc: RefCell::new(doc),
        }))
    }

    /// A native function value.
    pub fn native(&self, name: &str, f: impl Fn(&mut Vm, Args) -> PyResult<Value> + 'static) -> Value {
        Value::Native(Rc::new(NativeFn { name: name.into(), func: Rc::new(f), this: None }))
    }
}

fn missing_message(qualname: &str, missing: &[Rc<str>], kind: &str) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    let s = if missing.len() == 1 { "" } else { "s" };
    format!("{qualname}() missing {} required {kind} argument{s}: {list}", missing.len())
}
