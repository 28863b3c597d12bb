//! Iteration: the iterator objects of builtin types (`iter(list)`,
//! `range`, dict and set iteration, `enumerate`, `zip`, `map`, `filter`,
//! `reversed`, native iterators) and the protocol for user classes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::types::Types;
use crate::dict::Dict;
use crate::object::{Args, Class, PyResult};
use crate::value::Value;

use super::generator::GenStep;
use super::Vm;

pub type NativeNext = Box<dyn FnMut(&mut Vm) -> PyResult<Option<Value>>>;

/// The state of a builtin iterator.
pub enum IterState {
    Seq {
        seq: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        step: i64,
        left: i64,
    },
    Dict {
        dict: Rc<RefCell<Dict>>,
        idx: usize,
        len: usize,
        view: View,
    },
    Items {
        items: Vec<Value>,
        idx: usize,
        name: &'static str,
    },
    /// The sequence protocol through `__getitem__`.
    GetItem {
        obj: Value,
        idx: i64,
    },
    Enumerate {
        it: Value,
        n: Value,
    },
    Zip {
        its: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    Native {
        name: &'static str,
        next: NativeNext,
    },
    Done(&'static str),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum View {
    Keys,
    Values,
    Items,
}

impl IterState {
    /// A range's next value (`Some(None)` once it is done); `None` for
    /// other iterators.
    pub(super) fn step_range(&mut self) -> Option<Option<Value>> {
        let IterState::Range { cur, step, left } = self else { return None };
        Some((*left > 0).then(|| {
            let v = *cur;
            *cur += *step;
            *left -= 1;
            Value::Int(v)
        }))
    }

    pub fn class(&self, t: &Types) -> Rc<Class> {
        t.iterator_class(self.name())
    }
    pub fn name(&self) -> &'static str {
        match self {
            IterState::Seq { seq: Value::List(_), .. } => "list_iterator",
            IterState::Seq { seq: Value::Tuple(_), .. } => "tuple_iterator",
            IterState::Seq { seq: Value::Str(_), .. } => "str_ascii_iterator",
            IterState::Seq { .. } => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Dict { view: View::Keys, .. } => "dict_keyiterator",
            IterState::Dict { view: View::Values, .. } => "dict_valueiterator",
            IterState::Dict { view: View::Items, .. } => "dict_itemiterator",
            IterState::Items { name, .. } => name,
            IterState::GetItem { .. } => "iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Native { name, .. } => name,
            IterState::Done(name) => name,
        }
    }
}

pub fn iter_value(state: IterState) -> Value {
    Value::Iter(Rc::new(RefCell::new(state)))
}

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => IterState::Seq { seq: v.clone(), idx: 0 },
            Value::Range(r) => IterState::Range { cur: r.start, step: r.step, left: r.len() },
            Value::Dict(d) => IterState::Dict { dict: d.clone(), idx: 0, len: d.borrow().len(), view: View::Keys },
            Value::Set(s) => IterState::Items { items: s.borrow().values().cloned().collect(), idx: 0, name: "set_iterator" },
            Value::FrozenSet(s) => IterState::Items { items: s.values().cloned().collect(), idx: 0, name: "set_iterator" },
            Value::Iter(_) | Value::Generator(_) => return Ok(v.clone()),
            Value::Instance(_) | Value::Class(_) => {
                if let Some(it) = self.call_special(v, "__iter__", vec![])? {
                    if !self.is_iterator(&it) {
                        return self.type_error(format!("iter() returned non-iterator of type '{}'", self.type_of(&it).name));
                    }
                    return Ok(it);
                }
                let base = self.unwrap_base(v);
                if !matches!(base, Value::Instance(_) | Value::Class(_)) {
                    return self.get_iter(&base);
                }
                if self.type_of(v).lookup("__getitem__").is_some() {
                    IterState::GetItem { obj: v.clone(), idx: 0 }
                } else {
                    return self.type_error(format!("'{}' object is not iterable", self.type_of(v).name));
                }
            }
            other => return self.type_error(format!("'{}' object is not iterable", self.type_of(other).name)),
        };
        Ok(iter_value(state))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) | Value::Generator(_) => true,
            Value::Instance(i) => i.class().lookup("__next__").is_some(),
            _ => false,
        }
    }

    /// `next(it)`, with `None` for exhaustion.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(state) => self.next_builtin(state),
            Value::Generator(g) => match self.gen_resume(g, Value::None, None)? {
                GenStep::Yielded(v) => Ok(Some(v)),
                GenStep::Returned(_) => Ok(None),
            },
            Value::Instance(_) => match self.call_special(it, "__next__", vec![]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => self.type_error(format!("'{}' object is not an iterator", self.type_of(it).name)),
                Err(e) if self.err_is(&e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
            other => self.type_error(format!("'{}' object is not an iterator", self.type_of(other).name)),
        }
    }

    fn next_builtin(&mut self, state: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
        let mut s = state.borrow_mut();
        match &mut *s {
            IterState::Seq { seq, idx } => {
                let i = *idx;
                let v = match seq {
                    Value::List(l) => l.borrow().get(i).cloned(),
                    Value::Tuple(t) => t.get(i).cloned(),
                    Value::Str(st) => {
                        if i < st.chars {
                            Some(Value::str(st.char_at(i).to_string()))
                        } else {
                            None
                        }
                    }
                    Value::Bytes(b) => b.get(i).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                if v.is_some() {
                    *idx += 1;
                } else {
                    *s = IterState::Done("list_iterator");
                }
                Ok(v)
            }
            range @ IterState::Range { .. } => Ok(range.step_range().flatten()),
            IterState::Dict { dict, idx, len, view } => {
                let d = dict.clone();
                let d = d.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    drop(d);
                    drop(s);
                    return Err(self.new_error("RuntimeError", "dictionary changed size during iteration"));
                }
                match d.get_index(*idx) {
                    Some((_, (k, v))) => {
                        *idx += 1;
                        Ok(Some(match view {
                            View::Keys => k.clone(),
                            View::Values => v.clone(),
                            View::Items => Value::tuple(vec![k.clone(), v.clone()]),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Items { items, idx, .. } => {
                let v = items.get(*idx).cloned();
                *idx += 1;
                Ok(v)
            }
            IterState::GetItem { obj, idx } => {
                let (o, i) = (obj.clone(), *idx);
                *idx += 1;
                drop(s);
                match self.getitem(&o, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, "IndexError") || self.err_is(&e, "StopIteration") => {
                        *state.borrow_mut() = IterState::Done("iterator");
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Enumerate { it, n } => {
                let (it, n) = (it.clone(), n.clone());
                drop(s);
                match self.next(&it)? {
                    Some(v) => {
                        let next_n = match &n {
                            Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
                            _ => self.binary_op(&n, &Value::Int(1), crate::code::BinOp::Add)?,
                        };
                        if let IterState::Enumerate { n: slot, .. } = &mut *state.borrow_mut() {
                            *slot = next_n;
                        }
                        Ok(Some(Value::tuple(vec![n, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its, strict } => {
                let (its, strict) = (its.clone(), *strict);
                drop(s);
                let mut out = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    let s = if i == 1 { " " } else { "s 1-" };
                                    let which = if i == 1 { "1".to_owned() } else { i.to_string() };
                                    return self.value_error(format!("zip() argument {} is shorter than argument{s}{which}", i + 1));
                                }
                                for (j, other) in its.iter().enumerate().skip(1) {
                                    if self.next(other)?.is_some() {
                                        let s = if j == 1 { " " } else { "s 1-" };
                                        let which = if j == 1 { "1".to_owned() } else { j.to_string() };
                                        return self.value_error(format!("zip() argument {} is longer than argument{s}{which}", j + 1));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterState::Map { f, its } => {
                let (f, its) = (f.clone(), its.clone());
                drop(s);
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call(&f, Args::new(args))?))
            }
            IterState::Filter { f, it } => {
                let (f, it) = (f.clone(), it.clone());
                drop(s);
                while let Some(v) = self.next(&it)? {
                    let keep = if f.is_none() { v.clone() } else { self.call1(&f, v.clone())? };
                    if self.truthy(&keep)? {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::Native { next, .. } => {
                let mut n = std::mem::replace(next, Box::new(|_| Ok(None)));
                drop(s);
                let r = n(self);
                if let IterState::Native { next, .. } = &mut *state.borrow_mut() {
                    *next = n;
                }
                r
            }
            IterState::Done(_) => Ok(None),
        }
    }

    /// All items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            Value::Dict(d) => return Ok(d.borrow().values().map(|(k, _)| k.clone()).collect()),
            Value::Set(s) => return Ok(s.borrow().values().cloned().collect()),
            Value::FrozenSet(s) => return Ok(s.values().cloned().collect()),
            Value::Range(r) => {
                self.check_size((r.len().max(0) as usize).saturating_mul(16))?;
                return Ok((0..r.len()).map(|i| Value::Int(r.get(i))).collect());
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if out.len() % (1 << 20) == 0 {
                self.check_size(out.len() * 16)?;
            }
        }
        Ok(out)
    }

    /// A native iterator.
    pub fn native_iter(&self, name: &'static str, next: impl FnMut(&mut Vm) -> PyResult<Option<Value>> + 'static) -> Value {
        iter_value(IterState::Native { name, next: Box::new(next) })
    }
}
