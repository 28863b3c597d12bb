//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]` for the
//! builtin sequences and mappings and through `__getitem__` and friends;
//! indexes and slices.

use std::rc::Rc;

use num_traits::Signed;

use crate::object::{Args, PyResult};
use crate::value::{Range, Value};

use super::ops::norm_index;
use super::Vm;

impl Vm {
    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let l = l.borrow();
                    let idx = self.slice_indices(s, l.len())?;
                    return Ok(Value::list(idx.into_iter().map(|i| l[i].clone()).collect()));
                }
                let i = self.index_of(key, "list")?;
                let l = l.borrow();
                match norm_index(i, l.len()) {
                    Some(i) => Ok(l[i].clone()),
                    None => self.index_error("list index out of range"),
                }
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let idx = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(idx.into_iter().map(|i| t[i].clone()).collect()));
                }
                let i = self.index_of(key, "tuple")?;
                match norm_index(i, t.len()) {
                    Some(i) => Ok(t[i].clone()),
                    None => self.index_error("tuple index out of range"),
                }
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, s.chars)?;
                    if let Some(Value::Int(1) | Value::None) = Some(&sl[2]) {
                        if let (Some(a), Some(b)) = (idx.first(), idx.last()) {
                            return Ok(Value::str(s.substr(*a, b + 1)));
                        }
                        return Ok(Value::str(""));
                    }
                    let chars: Vec<char> = s.s.chars().collect();
                    return Ok(Value::str(idx.into_iter().map(|i| chars[i]).collect::<String>()));
                }
                let i = self.index_of(key, "string")?;
                match norm_index(i, s.chars) {
                    Some(i) => Ok(Value::str(s.char_at(i).to_string())),
                    None => self.index_error("string index out of range"),
                }
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = key {
                    let idx = self.slice_indices(sl, b.len())?;
                    return Ok(Value::Bytes(Rc::new(idx.into_iter().map(|i| b[i]).collect())));
                }
                let i = self.index_of(key, "byte")?;
                match norm_index(i, b.len()) {
                    Some(i) => Ok(Value::Int(b[i] as i64)),
                    None => self.index_error("index out of range"),
                }
            }
            Value::Range(r) => {
                if let Value::Slice(sl) = key {
                    let n = r.len() as usize;
                    let (start, stop, step) = self.slice_bounds(sl, n)?;
                    return Ok(Value::Range(Rc::new(Range { start: r.get(start), stop: r.get(stop), step: r.step * step })));
                }
                let i = self.index_of(key, "range object")?;
                match norm_index(i, r.len() as usize) {
                    Some(i) => Ok(Value::Int(r.get(i as i64))),
                    None => self.index_error("range object index out of range"),
                }
            }
            Value::Dict(d) => {
                let k = self.dict_key_in(d, key)?;
                let found = d.borrow().get(&k).map(|e| e.1.clone());
                match found {
                    Some(v) => Ok(v),
                    None => Err(self.make_exc(self.exc_class("KeyError"), vec![key.clone()])),
                }
            }
            Value::Instance(i) => {
                let class = i.class();
                if let Some(f) = class.lookup("__getitem__") {
                    let b = self.bind(f, obj, &class)?;
                    return self.call1(&b, key.clone());
                }
                if let Some(base) = i.base_value() {
                    return self.getitem(&base, key);
                }
                self.type_error(format!("'{}' object is not subscriptable", class.name))
            }
            Value::Class(c) => {
                if let Some(m) = &c.meta {
                    if let Some(f) = m.lookup("__getitem__") {
                        let b = self.bind(f, obj, m)?;
                        return self.call1(&b, key.clone());
                    }
                }
                if let Some(f) = c.lookup("__class_getitem__") {
                    let f = match f {
                        Value::ClassMethod(f) => (*f).clone(),
                        other => other,
                    };
                    return self.call(&f, Args::new(vec![obj.clone(), key.clone()]));
                }
                if c.is_builtin || c.mro.iter().any(|b| b.is_builtin && b.builtin != crate::object::Builtin::Object) {
                    return crate::builtins::generic_alias(self, obj.clone(), key.clone());
                }
                self.type_error(format!("type '{}' is not subscriptable", c.name))
            }
            other => self.type_error(format!("'{}' object is not subscriptable", self.type_of(other).name)),
        }
    }

    /// `obj[key] = v`.
    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let items = self.iterate(&v)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_bounds(s, len)?;
                    if step == 1 {
                        let (start, stop) = (start.max(0) as usize, stop.max(start).max(0) as usize);
                        l.borrow_mut().splice(start..stop, items);
                        return Ok(());
                    }
                    let idx = self.slice_indices(s, len)?;
                    if idx.len() != items.len() {
                        return self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            idx.len()
                        ));
                    }
                    let mut l = l.borrow_mut();
                    for (i, it) in idx.into_iter().zip(items) {
                        l[i] = it;
                    }
                    return Ok(());
                }
                let i = self.index_of(&key, "list")?;
                let mut l = l.borrow_mut();
                let n = l.len();
                match norm_index(i, n) {
                    Some(i) => {
                        l[i] = v;
                        Ok(())
                    }
                    None => self.index_error("list assignment index out of range"),
                }
            }
            Value::Dict(d) => {
                let k = self.dict_key_in(d, &key)?;
                let mut dd = d.borrow_mut();
                match dd.get_mut(&k) {
                    Some(e) => e.1 = v,
                    None => {
                        dd.insert(k, (key, v));
                    }
                }
                Ok(())
            }
            Value::Instance(i) => {
                let class = i.class();
                if let Some(f) = class.lookup("__setitem__") {
                    let b = self.bind(f, obj, &class)?;
                    self.call(&b, Args::new(vec![key, v]))?;
                    return Ok(());
                }
                if let Some(base) = i.base_value() {
                    return self.setitem(&base, key, v);
                }
                self.type_error(format!("'{}' object does not support item assignment", class.name))
            }
            other => self.type_error(format!("'{}' object does not support item assignment", self.type_of(other).name)),
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let mut idx = self.slice_indices(s, len)?;
                    idx.sort_unstable();
                    let mut l = l.borrow_mut();
                    for i in idx.into_iter().rev() {
                        l.remove(i);
                    }
                    return Ok(());
                }
                let i = self.index_of(key, "list")?;
                let mut l = l.borrow_mut();
                let n = l.len();
                match norm_index(i, n) {
                    Some(i) => {
                        l.remove(i);
                        Ok(())
                    }
                    None => self.index_error("list assignment index out of range"),
                }
            }
            Value::Dict(d) => {
                let k = self.dict_key_in(d, key)?;
                if d.borrow_mut().shift_remove(&k).is_none() {
                    return Err(self.make_exc(self.exc_class("KeyError"), vec![key.clone()]));
                }
                Ok(())
            }
            Value::Instance(i) => {
                let class = i.class();
                if let Some(f) = class.lookup("__delitem__") {
                    let b = self.bind(f, obj, &class)?;
                    self.call1(&b, key.clone())?;
                    return Ok(());
                }
                if let Some(base) = i.base_value() {
                    return self.delitem(&base, key);
                }
                self.type_error(format!("'{}' object does not support item deletion", class.name))
            }
            other => self.type_error(format!("'{}' object doesn't support item deletion", self.type_of(other).name)),
        }
    }

    /// An index operand (ints, bools, objects with `__index__`).
    pub fn index_of(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        match key {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(self.new_error("IndexError", "cannot fit 'int' into an index-sized integer".to_string())),
            Value::Instance(_) => match self.call_special(key, "__index__", vec![])? {
                Some(Value::Int(i)) => Ok(i),
                _ => match self.unwrap_base(key) {
                    Value::Int(i) => Ok(i),
                    _ => self.type_error(format!("{what} indices must be integers or slices, not {}", self.type_of(key).name)),
                },
            },
            other => self.type_error(format!("{what} indices must be integers or slices, not {}", self.type_of(other).name)),
        }
    }

    /// CPython's `PySlice_AdjustIndices`: start, stop, step for a length
    /// (start and stop may be -1 with a negative step).
    pub fn slice_bounds(&mut self, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let step = match &s[2] {
            Value::None => 1,
            v => self.index_of(v, "slice")?,
        };
        if step == 0 {
            return self.value_error("slice step cannot be zero");
        }
        let len = len as i64;
        let adjust = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                v => {
                    let mut i = match v {
                        Value::BigInt(b) => {
                            if b.is_negative() {
                                i64::MIN / 2
                            } else {
                                i64::MAX / 2
                            }
                        }
                        _ => vm.index_of(v, "slice")?,
                    };
                    if i < 0 {
                        i += len;
                        if i < 0 {
                            i = if step < 0 { -1 } else { 0 };
                        }
                    } else if i >= len {
                        i = if step < 0 { len - 1 } else { len };
                    }
                    Ok(i)
                }
            }
        };
        let start = adjust(self, &s[0], if step < 0 { len - 1 } else { 0 })?;
        let stop = adjust(self, &s[1], if step < 0 { -1 } else { len })?;
        Ok((start, stop, step))
    }

    /// The indexes a slice selects.
    pub fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_bounds(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }
}
