//! Hashing values into dict and set keys: builtin values by their own
//! hash, objects by `__hash__`, with `__eq__` consulted for keys that may
//! collide; inserting into dicts and sets.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::dict::{Dict, Key, Set};
use crate::object::PyResult;
use crate::value::Value;

use super::Vm;

impl Vm {
    /// The dict key of a hashable value, or TypeError "unhashable type".
    pub fn key(&mut self, v: &Value) -> PyResult<Key> {
        Ok(match v {
            Value::None => Key::None,
            Value::Ellipsis => Key::Ellipsis,
            Value::Bool(b) => Key::Int(*b as i64),
            Value::Int(i) => Key::Int(*i),
            Value::BigInt(b) => Key::Big(b.clone()),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    Key::Int(*f as i64)
                } else {
                    Key::Float(f.to_bits())
                }
            }
            Value::Str(s) => Key::Str(s.clone()),
            Value::Bytes(b) => Key::Bytes(b.clone()),
            Value::Tuple(t) => {
                let mut keys = Vec::with_capacity(t.len());
                for x in t.iter() {
                    keys.push(self.key(x)?);
                }
                Key::Tuple(keys.into())
            }
            Value::FrozenSet(s) => Key::FrozenSet(s.clone()),
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return self.type_error(format!("unhashable type: '{}'", self.type_of(v).name))
            }
            Value::Instance(i) => {
                let class = i.class();
                match self.lookup_user(&class, "__hash__") {
                    Some(Value::None) => return self.type_error(format!("unhashable type: '{}'", class.name)),
                    Some(f) => {
                        let b = self.bind(f, v, &class)?;
                        let h = self.call0(&b)?;
                        let h = match h {
                            Value::Int(h) => h,
                            Value::BigInt(b) => (&*b % BigInt::from(i64::MAX)).to_i64().unwrap_or(0),
                            Value::Bool(b) => b as i64,
                            _ => return self.type_error("__hash__ method should return an integer"),
                        };
                        Key::Custom(h, v.identity())
                    }
                    None => match i.base_value() {
                        Some(b) if self.lookup_user(&class, "__eq__").is_none() => self.key(&b)?,
                        _ => Key::Id(v.identity()),
                    },
                }
            }
            other => Key::Id(other.identity()),
        })
    }

    /// The key of `v` as stored in the shared dict `d`. Only objects with
    /// their own `__hash__` need a scan with `__eq__`; the dict is borrowed
    /// only to list candidates, since `__eq__` may run Python code.
    pub fn dict_key_in(&mut self, d: &Rc<RefCell<Dict>>, v: &Value) -> PyResult<Key> {
        if let Some(k) = own_key(v) {
            return Ok(k);
        }
        let k = self.key(v)?;
        let candidates = custom_candidates(&d.borrow(), &k, |e| e.0.clone());
        self.first_equal(k, v, candidates)
    }

    /// The key of `v` as stored in the shared set `s`.
    pub fn set_key_in(&mut self, s: &Rc<RefCell<Set>>, v: &Value) -> PyResult<Key> {
        let k = self.key(v)?;
        let candidates = custom_candidates(&s.borrow(), &k, |e| e.clone());
        self.first_equal(k, v, candidates)
    }

    /// Adds `v` to a shared set.
    pub fn set_add(&mut self, s: &Rc<RefCell<Set>>, v: Value) -> PyResult<()> {
        let k = self.set_key_in(s, &v)?;
        s.borrow_mut().entry(k).or_insert(v);
        Ok(())
    }

    /// The stored key equal to `k` among the candidates, else `k` itself.
    fn first_equal(&mut self, k: Key, v: &Value, candidates: Vec<(Key, Value)>) -> PyResult<Key> {
        for (key, other) in candidates {
            if self.eq(v, &other)? {
                return Ok(key);
            }
        }
        Ok(k)
    }

    /// The key of `v` as stored in dict `d`.
    pub fn dict_key(&mut self, d: &Dict, v: &Value) -> PyResult<Key> {
        if let Some(k) = own_key(v) {
            return Ok(k);
        }
        let k = self.key(v)?;
        let candidates = custom_candidates(d, &k, |e| e.0.clone());
        self.first_equal(k, v, candidates)
    }

    pub fn set_key(&mut self, s: &Set, v: &Value) -> PyResult<Key> {
        let k = self.key(v)?;
        let candidates = custom_candidates(s, &k, |e| e.clone());
        self.first_equal(k, v, candidates)
    }

    /// `d[k] = v` on a shared dict.
    pub fn dict_set(&mut self, d: &Rc<RefCell<Dict>>, k: Value, v: Value) -> PyResult<()> {
        let key = self.dict_key_in(d, &k)?;
        let old = match d.borrow_mut().entry(key) {
            indexmap::map::Entry::Occupied(mut e) => Some(std::mem::replace(&mut e.get_mut().1, v)),
            indexmap::map::Entry::Vacant(e) => {
                e.insert((k, v));
                None
            }
        };
        // the replaced value is dropped after the dict is released
        drop(old);
        Ok(())
    }

    /// Adds `v` to a set (keeps the first equal element).
    pub fn set_insert(&mut self, s: &mut Set, v: Value) -> PyResult<()> {
        let k = self.set_key(s, &v)?;
        s.entry(k).or_insert(v);
        Ok(())
    }

    /// `d[k] = v` on a dict being built (keeps the first key object, as Python does).
    pub fn dict_insert(&mut self, d: &mut Dict, k: Value, v: Value) -> PyResult<()> {
        if let Some(key) = own_key(&k) {
            // (a str or int key equal to one present is the same object for
            // every purpose: replacing the stored one is not seen)
            d.insert(key, (k, v));
            return Ok(());
        }
        let key = self.dict_key(d, &k)?;
        match d.entry(key) {
            indexmap::map::Entry::Occupied(mut e) => e.get_mut().1 = v,
            indexmap::map::Entry::Vacant(e) => {
                e.insert((k, v));
            }
        }
        Ok(())
    }
}

/// The key of a str or int: itself, with no `__eq__` to consult.
fn own_key(v: &Value) -> Option<Key> {
    match v {
        Value::Str(s) => Some(Key::Str(s.clone())),
        Value::Int(i) => Some(Key::Int(*i)),
        _ => None,
    }
}

/// Stored keys that may equal `k` by `__eq__`: other objects with their own
/// `__hash__` and the same hash, unless `k` itself is stored.
fn custom_candidates<T>(map: &indexmap::IndexMap<Key, T, crate::dict::FastHash>, k: &Key, orig: impl Fn(&T) -> Value) -> Vec<(Key, Value)> {
    let Key::Custom(h, _) = *k else {
        return Vec::new();
    };
    if map.contains_key(k) {
        return Vec::new();
    }
    map.iter().filter(|(key, _)| matches!(key, Key::Custom(h2, _) if *h2 == h)).map(|(key, e)| (key.clone(), orig(e))).collect()
}
