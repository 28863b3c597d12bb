//! Raising exceptions from Rust, matching them, and formatting a
//! traceback as CPython prints it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::AttrMap;
use crate::object::{next_serial, Args, Class, ExcData, Instance, Payload, PyErr, PyResult, TbEntry};
use crate::value::Value;

use super::Vm;

impl Vm {
    /// The builtin exception class `name`.
    pub fn exc_class(&self, name: &str) -> Rc<Class> {
        self.types.exceptions.get(name).cloned().unwrap_or_else(|| self.types.exceptions["Exception"].clone())
    }

    /// A new exception instance of `class` with `args`.
    pub fn make_exc(&self, class: Rc<Class>, args: Vec<Value>) -> PyErr {
        PyErr(Rc::new(Instance {
            class: RefCell::new(class),
            dict: RefCell::new(AttrMap::default()),
            payload: RefCell::new(Payload::Exc(ExcData {
                args: Value::tuple(args),
                traceback: Vec::new(),
                cause: None,
                context: None,
                suppress_context: false,
            })),
            serial: next_serial(),
        }))
    }

    /// A builtin exception with a message.
    pub fn new_error(&self, name: &str, msg: impl Into<String>) -> PyErr {
        let class = self.exc_class(name);
        self.make_exc(class, vec![Value::str(msg.into())])
    }

    pub fn type_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.new_error("TypeError", msg))
    }
    pub fn value_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.new_error("ValueError", msg))
    }
    pub fn attr_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.new_error("AttributeError", msg))
    }
    pub fn index_error<T>(&self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.new_error("IndexError", msg))
    }
    pub fn not_implemented<T>(&self, what: &str) -> PyResult<T> {
        Err(self.new_error("NotImplementedError", format!("Retort does not support {what} yet")))
    }

    /// Is `err` an instance of the builtin exception `name`?
    pub fn err_is(&self, err: &PyErr, name: &str) -> bool {
        err.class().is_subclass(&self.exc_class(name))
    }

    /// The exception's args tuple.
    pub fn exc_args(&self, err: &Instance) -> Vec<Value> {
        match &*err.payload.borrow() {
            Payload::Exc(d) => match &d.args {
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub fn with_exc_data<T>(&self, err: &Instance, f: impl FnOnce(&mut ExcData) -> T) -> Option<T> {
        match &mut *err.payload.borrow_mut() {
            Payload::Exc(d) => Some(f(d)),
            _ => None,
        }
    }

    /// `str(exc)`: the message as CPython shows it after the class name.
    pub fn exc_str(&mut self, err: &PyErr) -> String {
        match self.str_of(&err.value()) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_owned(),
        }
    }

    /// The full traceback text CPython prints for an uncaught exception,
    /// with its chain of causes and contexts.
    pub fn format_traceback(&mut self, err: &PyErr, source: &str) -> String {
        // (exception, is the link to the previous one a cause?)
        let mut chain: Vec<(PyErr, bool)> = vec![(err.clone(), false)];
        loop {
            let e = chain.last().expect("one").0.clone();
            let (cause, context, suppress) =
                self.with_exc_data(&e.0, |d| (d.cause.clone(), d.context.clone(), d.suppress_context)).unwrap_or((None, None, false));
            let next = match (cause, context) {
                (Some(Value::Instance(c)), _) => Some((PyErr(c), true)),
                (_, Some(Value::Instance(c))) if !suppress => Some((PyErr(c), false)),
                _ => None,
            };
            match next {
                Some((n, is_cause)) if !chain.iter().any(|(s, _)| Rc::ptr_eq(&s.0, &n.0)) && chain.len() < 100 => {
                    chain.last_mut().expect("one").1 = is_cause;
                    chain.push((n, false));
                }
                _ => break,
            }
        }
        let lines: Vec<&str> = source.lines().collect();
        let mut text = String::new();
        for i in (0..chain.len()).rev() {
            text += &self.format_one(&chain[i].0, &lines);
            if i > 0 {
                text += if chain[i - 1].1 {
                    "\nThe above exception was the direct cause of the following exception:\n\n"
                } else {
                    "\nDuring handling of the above exception, another exception occurred:\n\n"
                };
            }
        }
        text
    }

    fn format_one(&mut self, e: &PyErr, lines: &[&str]) -> String {
        let mut out = String::new();
        let tb = self.with_exc_data(&e.0, |d| d.traceback.clone()).unwrap_or_default();
        if !tb.is_empty() {
            out += "Traceback (most recent call last):\n";
            for entry in tb.iter().rev() {
                out += &format!("  File \"{}\", line {}, in {}\n", entry.file, entry.line, entry.name);
                if *entry.file == *self.filename {
                    if let Some(src) = lines.get(entry.line as usize - 1) {
                        let t = src.trim();
                        if !t.is_empty() {
                            out += &format!("    {t}\n");
                        }
                    }
                }
            }
        }
        let class = e.class();
        let name = if &*class.module == "builtins" || &*class.module == "__main__" {
            class.qualname.to_string()
        } else {
            format!("{}.{}", class.module, class.qualname)
        };
        let msg = self.exc_str(e);
        if msg.is_empty() {
            out += &format!("{name}\n");
        } else {
            out += &format!("{name}: {msg}\n");
        }
        out
    }

    /// Adds a traceback entry (an outer frame) to an exception.
    pub fn add_traceback(&self, err: &PyErr, file: Rc<str>, line: u32, name: Rc<str>) {
        self.with_exc_data(&err.0, |d| d.traceback.push(TbEntry { file, line, name }));
    }
}

/// Turning raised values into exceptions and matching them (`raise`, `except`).
impl Vm {
    /// `raise X`: an exception instance, or a class to instantiate.
    pub fn to_exception(&mut self, v: Value) -> PyResult<PyErr> {
        let base = self.exc_class("BaseException");
        match &v {
            Value::Class(c) if c.is_subclass(&base) => {
                let inst = self.call(&v, Args::default())?;
                match inst {
                    Value::Instance(i) => Ok(PyErr(i)),
                    _ => Err(self.new_error("TypeError", "exceptions must derive from BaseException")),
                }
            }
            Value::Instance(i) if i.class().is_subclass(&base) => Ok(PyErr(i.clone())),
            _ => Err(self.new_error("TypeError", "exceptions must derive from BaseException")),
        }
    }

    /// `except C:` matching (C may be a tuple).
    pub fn exc_matches(&mut self, exc: &Value, class: &Value) -> PyResult<bool> {
        match class {
            Value::Tuple(t) => {
                for c in t.iter() {
                    if self.exc_matches(exc, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Class(c) => Ok(self.type_of(exc).is_subclass(c)),
            _ => Err(self.new_error("TypeError", "catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    /// The value a `StopIteration` carries.
    pub fn stop_value(&self, e: &PyErr) -> Value {
        self.exc_args(&e.0).into_iter().next().unwrap_or(Value::None)
    }
}
