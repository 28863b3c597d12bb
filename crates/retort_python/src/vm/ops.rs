//! Operators: arithmetic (arbitrary-precision ints, floats), rich
//! comparison with reflected dunders, truthiness, membership and
//! unpacking. Hashing into dict keys is `keys`', subscription `subscript`'s.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::code::{BinOp, CmpOp, UnOp};
use crate::dict::Set;
use crate::object::{Args, PyResult};
use crate::value::Value;

use super::Vm;

/// An integer operand, small or big.
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => b.to_f64(),
        _ => None,
    }
}

/// Python's float modulo (the result has the divisor's sign).
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

impl Vm {
    /// The builtin result of `a op b`, or `None` for NotImplemented.
    pub fn builtin_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        use Value::*;
        // small ints
        if let (Int(x), Int(y)) = (a, b) {
            let (x, y) = (*x, *y);
            let r = match op {
                BinOp::Add => x.checked_add(y).map(Int),
                BinOp::Sub => x.checked_sub(y).map(Int),
                BinOp::Mul => x.checked_mul(y).map(Int),
                BinOp::FloorDiv => {
                    if y == 0 {
                        return Err(self.new_error("ZeroDivisionError", "integer division or modulo by zero"));
                    }
                    x.checked_div_euclid(y).map(|_| Int(Integer::div_floor(&x, &y)))
                }
                BinOp::Mod => {
                    if y == 0 {
                        return Err(self.new_error("ZeroDivisionError", "integer modulo by zero"));
                    }
                    x.checked_rem(y).map(|_| Int(x.mod_floor(&y)))
                }
                BinOp::And => Some(Int(x & y)),
                BinOp::Or => Some(Int(x | y)),
                BinOp::Xor => Some(Int(x ^ y)),
                _ => Option::None,
            };
            if let Some(r) = r {
                return Ok(Some(r));
            }
        }
        if is_int(a) && is_int(b) {
            if let (Bool(x), Bool(y)) = (a, b) {
                match op {
                    BinOp::And => return Ok(Some(Bool(*x & *y))),
                    BinOp::Or => return Ok(Some(Bool(*x | *y))),
                    BinOp::Xor => return Ok(Some(Bool(*x ^ *y))),
                    _ => {}
                }
            }
            let (x, y) = (to_big(a).expect("int"), to_big(b).expect("int"));
            return Ok(Some(match op {
                BinOp::Add => Value::bigint(x + y),
                BinOp::Sub => Value::bigint(x - y),
                BinOp::Mul => {
                    self.check_size(((x.bits() + y.bits()) / 8) as usize)?;
                    Value::bigint(x * y)
                }
                BinOp::TrueDiv => {
                    if y.is_zero() {
                        return Err(self.new_error("ZeroDivisionError", "division by zero"));
                    }
                    match (x.to_f64(), y.to_f64()) {
                        (Some(p), Some(q)) if p.abs() < 9.0e15 && q.abs() < 9.0e15 => Float(p / q),
                        _ => Float(big_div_float(&x, &y)),
                    }
                }
                BinOp::FloorDiv => {
                    if y.is_zero() {
                        return Err(self.new_error("ZeroDivisionError", "integer division or modulo by zero"));
                    }
                    Value::bigint(x.div_floor(&y))
                }
                BinOp::Mod => {
                    if y.is_zero() {
                        return Err(self.new_error("ZeroDivisionError", "integer modulo by zero"));
                    }
                    Value::bigint(x.mod_floor(&y))
                }
                BinOp::Pow => {
                    if y.is_negative() {
                        if x.is_zero() {
                            return Err(self.new_error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                        }
                        Float(x.to_f64().unwrap_or(f64::INFINITY).powf(y.to_f64().unwrap_or(f64::NEG_INFINITY)))
                    } else {
                        let e = y.to_u64().unwrap_or(u64::MAX);
                        let bits = (x.bits().max(1) as f64) * e as f64;
                        if x.magnitude() > &num_bigint::BigUint::from(1u8) {
                            self.check_size((bits / 8.0) as usize)?;
                        }
                        if x.magnitude() <= &num_bigint::BigUint::from(1u8) {
                            let r = if x.is_zero() {
                                if e == 0 {
                                    1
                                } else {
                                    0
                                }
                            } else if x.is_negative() && e % 2 == 1 {
                                -1
                            } else {
                                1
                            };
                            Int(r)
                        } else {
                            Value::bigint(num_traits::pow::pow(x, e as usize))
                        }
                    }
                }
                BinOp::LShift => {
                    if y.is_negative() {
                        return Err(self.new_error("ValueError", "negative shift count"));
                    }
                    let s = y.to_u64().unwrap_or(u64::MAX);
                    self.check_size(((x.bits() + s) / 8) as usize)?;
                    Value::bigint(x << s as usize)
                }
                BinOp::RShift => {
                    if y.is_negative() {
                        return Err(self.new_error("ValueError", "negative shift count"));
                    }
                    let s = y.to_u64().unwrap_or(u64::MAX).min(u32::MAX as u64);
                    Value::bigint(x >> s as usize)
                }
                BinOp::And => Value::bigint(x & y),
                BinOp::Or => Value::bigint(x | y),
                BinOp::Xor => Value::bigint(x ^ y),
                BinOp::MatMul => return Ok(Option::None),
            }));
        }
        if let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) {
            return Ok(Some(match op {
                BinOp::Add => Float(x + y),
                BinOp::Sub => Float(x - y),
                BinOp::Mul => Float(x * y),
                BinOp::TrueDiv => {
                    if y == 0.0 {
                        return Err(self.new_error("ZeroDivisionError", "float division by zero"));
                    }
                    Float(x / y)
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(self.new_error("ZeroDivisionError", "float floor division by zero"));
                    }
                    Float((x / y).floor())
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(self.new_error("ZeroDivisionError", "float modulo"));
                    }
                    Float(float_mod(x, y))
                }
                BinOp::Pow => {
                    if x == 0.0 && y < 0.0 {
                        return Err(self.new_error("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                    }
                    if x < 0.0 && y.fract() != 0.0 {
                        return self.not_implemented("complex results of powers");
                    }
                    let r = x.powf(y);
                    if r.is_infinite() && x.is_finite() && y.is_finite() {
                        return Err(self.new_error("OverflowError", "(34, 'Numerical result out of range')"));
                    }
                    Float(r)
                }
                _ => return Ok(Option::None),
            }));
        }
        Ok(match (a, b, op) {
            (Str(x), Str(y), BinOp::Add) => {
                self.check_size(x.s.len() + y.s.len())?;
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(&x.s);
                s.push_str(&y.s);
                Some(Value::str(s))
            }
            (Str(x), _, BinOp::Mul) | (_, Str(x), BinOp::Mul) if is_int(a) || is_int(b) => {
                let n = if is_int(b) { to_big(b) } else { to_big(a) }.and_then(|n| n.to_i64()).unwrap_or(i64::MAX).max(0) as usize;
                self.check_size(x.s.len().saturating_mul(n))?;
                Some(Value::str(x.s.repeat(n)))
            }
            (Str(x), _, BinOp::Mod) => Some(Value::str(crate::builtins::format::percent_format(self, &x.s, b)?)),
            (List(x), List(y), BinOp::Add) => {
                self.check_size((x.borrow().len() + y.borrow().len()).saturating_mul(16))?;
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Some(Value::list(v))
            }
            (Tuple(x), Tuple(y), BinOp::Add) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (Bytes(x), Bytes(y), BinOp::Add) => {
                let mut v = (**x).clone();
                v.extend(y.iter());
                Some(Value::Bytes(Rc::new(v)))
            }
            (List(_) | Tuple(_) | Bytes(_), _, BinOp::Mul) | (_, List(_) | Tuple(_) | Bytes(_), BinOp::Mul) if is_int(a) || is_int(b) => {
                let (seq, n) = if is_int(b) { (a, b) } else { (b, a) };
                let n = to_big(n).and_then(|n| n.to_i64()).unwrap_or(i64::MAX).max(0) as usize;
                match seq {
                    List(l) => {
                        let l = l.borrow();
                        self.check_size(l.len().saturating_mul(n).saturating_mul(16))?;
                        let mut v = Vec::with_capacity(l.len() * n);
                        for _ in 0..n {
                            v.extend(l.iter().cloned());
                        }
                        Some(Value::list(v))
                    }
                    Tuple(t) => {
                        self.check_size(t.len().saturating_mul(n).saturating_mul(16))?;
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend(t.iter().cloned());
                        }
                        Some(Value::tuple(v))
                    }
                    Bytes(b) => {
                        self.check_size(b.len().saturating_mul(n))?;
                        Some(Value::Bytes(Rc::new(b.repeat(n))))
                    }
                    _ => Option::None,
                }
            }
            (Dict(x), Dict(y), BinOp::Or) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    d.insert(k.clone(), v.clone());
                }
                Some(Value::dict(d))
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                let x = set_of(a);
                let y = set_of(b);
                let r: crate::dict::Set = match op {
                    BinOp::Or => {
                        let mut r = x.clone();
                        for (k, v) in y.iter() {
                            r.entry(k.clone()).or_insert(v.clone());
                        }
                        r
                    }
                    BinOp::And => x.iter().filter(|(k, _)| y.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
                    BinOp::Sub => x.iter().filter(|(k, _)| !y.contains_key(*k)).map(|(k, v)| (k.clone(), v.clone())).collect(),
                    _ => x
                        .iter()
                        .filter(|(k, _)| !y.contains_key(*k))
                        .chain(y.iter().filter(|(k, _)| !x.contains_key(*k)))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                };
                Some(match a {
                    FrozenSet(_) => FrozenSet(Rc::new(r)),
                    _ => Set(Rc::new(RefCell::new(r))),
                })
            }
            _ => Option::None,
        })
    }

    /// `a op b`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        let a_obj = matches!(a, Value::Instance(_) | Value::Class(_));
        let b_obj = matches!(b, Value::Instance(_) | Value::Class(_));
        if !a_obj && !b_obj {
            if let Some(v) = self.builtin_binop(a, b, op)? {
                return Ok(v);
            }
            return Err(self.binop_type_error(a, b, op));
        }
        let (name, rname, _) = op.dunder();
        // a subclass's reflected method goes first
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let b_first = b_obj && !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta) && self.lookup_user(&tb, rname).is_some();
        if b_first {
            if let Some(r) = self.call_special_user(b, rname, a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.call_special_user(a, name, b)? {
            return Ok(r);
        }
        if !b_first && !Rc::ptr_eq(&ta, &tb) {
            if let Some(r) = self.call_special_user(b, rname, a)? {
                return Ok(r);
            }
        }
        // builtin bases (int/str subclasses, enums)
        let ua = self.unwrap_base(a);
        let ub = self.unwrap_base(b);
        if let Some(v) = self.builtin_binop(&ua, &ub, op)? {
            return Ok(v);
        }
        Err(self.binop_type_error(a, b, op))
    }

    /// Calls a dunder defined on a class (user or host); `None` for missing or NotImplemented.
    fn call_special_user(&mut self, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
        if !matches!(obj, Value::Instance(_) | Value::Class(_)) {
            return Ok(None);
        }
        let class = self.type_of(obj);
        let Some(f) = class.lookup(name) else {
            return Ok(None);
        };
        let bound = self.bind(f, obj, &class)?;
        let r = self.call(&bound, Args::new(vec![other.clone()]))?;
        Ok(if matches!(r, Value::NotImplemented) { None } else { Some(r) })
    }

    /// The builtin value of an instance of a builtin subclass, or the value itself.
    pub fn unwrap_base(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => i.base_value().unwrap_or_else(|| v.clone()),
            _ => v.clone(),
        }
    }

    /// A type's name as CPython's messages show it: `decimal.Decimal` for
    /// types CPython implements in C (marked `__retort_c_type__`).
    pub fn tp_name(&self, v: &Value) -> String {
        let t = self.type_of(v);
        if t.dict.borrow().contains_key("__retort_c_type__") {
            format!("{}.{}", t.module, t.name)
        } else {
            t.name.to_string()
        }
    }

    fn binop_type_error(&self, a: &Value, b: &Value, op: BinOp) -> crate::object::PyErr {
        let (ta, tb) = (self.tp_name(a), self.tp_name(b));
        match (a, op) {
            (Value::Str(_), BinOp::Add) => self.new_error("TypeError", format!("can only concatenate str (not \"{tb}\") to str")),
            (Value::List(_), BinOp::Add) => self.new_error("TypeError", format!("can only concatenate list (not \"{tb}\") to list")),
            (Value::Tuple(_), BinOp::Add) => self.new_error("TypeError", format!("can only concatenate tuple (not \"{tb}\") to tuple")),
            (Value::Str(_) | Value::List(_) | Value::Tuple(_), BinOp::Mul) | (_, BinOp::Mul)
                if matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                    || matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) =>
            {
                let t = if matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) { &tb } else { &ta };
                self.new_error("TypeError", format!("can't multiply sequence by non-int of type '{t}'"))
            }
            _ => self.new_error("TypeError", format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op.symbol())),
        }
    }

    /// `a op= b`: in place for lists, sets and dicts, else the binary operator.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        match (a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.iterate(b)?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (Value::Set(s), BinOp::Or) => {
                for it in self.iterate(b)? {
                    self.set_add(s, it)?;
                }
                return Ok(a.clone());
            }
            (Value::Dict(d), BinOp::Or) => {
                for (k, v) in self.mapping_pairs(b)? {
                    self.dict_set(d, k, v)?;
                }
                return Ok(a.clone());
            }
            (Value::Instance(_), _) => {
                let (_, _, iname) = op.dunder();
                if let Some(r) = self.call_special_user(a, iname, b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        self.binary_op(a, b, op)
    }

    pub fn unary_op(&mut self, v: &Value, op: UnOp) -> PyResult<Value> {
        if op == UnOp::Not {
            return Ok(Value::Bool(!self.truthy(v)?));
        }
        let r = match (v, op) {
            (Value::Int(i), UnOp::Neg) => i.checked_neg().map(Value::Int).unwrap_or_else(|| Value::bigint(-BigInt::from(*i))),
            (Value::BigInt(b), UnOp::Neg) => Value::bigint(-(**b).clone()),
            (Value::Bool(b), UnOp::Neg) => Value::Int(-(*b as i64)),
            (Value::Float(f), UnOp::Neg) => Value::Float(-f),
            (Value::Int(_) | Value::BigInt(_) | Value::Float(_), UnOp::Pos) => v.clone(),
            (Value::Bool(b), UnOp::Pos) => Value::Int(*b as i64),
            (Value::Int(i), UnOp::Invert) => Value::Int(!i),
            (Value::Bool(b), UnOp::Invert) => Value::Int(!(*b as i64)),
            (Value::BigInt(b), UnOp::Invert) => Value::bigint(-(**b).clone() - 1),
            (Value::Instance(_), _) => {
                let name = match op {
                    UnOp::Neg => "__neg__",
                    UnOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                if let Some(r) = self.call_special(v, name, vec![])? {
                    return Ok(r);
                }
                let base = self.unwrap_base(v);
                if !matches!(base, Value::Instance(_)) {
                    return self.unary_op(&base, op);
                }
                return Err(self.unary_error(v, op));
            }
            _ => return Err(self.unary_error(v, op)),
        };
        Ok(r)
    }

    fn unary_error(&self, v: &Value, op: UnOp) -> crate::object::PyErr {
        let sym = match op {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            _ => "~",
        };
        self.new_error("TypeError", format!("bad operand type for unary {sym}: '{}'", self.type_of(v).name))
    }

    /// Python truth value.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(b) => !b.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(i) => {
                let class = i.class();
                if let Some(f) = class.lookup("__bool__") {
                    let b = self.bind(f, v, &class)?;
                    let r = self.call0(&b)?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => self.type_error(format!("__bool__ should return bool, returned {}", self.type_of(&other).name)),
                    };
                }
                if let Some(f) = class.lookup("__len__") {
                    let b = self.bind(f, v, &class)?;
                    let r = self.call0(&b)?;
                    return self.truthy(&r);
                }
                match i.base_value() {
                    Some(b) => return self.truthy(&b),
                    None => true,
                }
            }
            _ => true,
        })
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.chars,
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::FrozenSet(s) => s.len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(_) | Value::Class(_) => {
                if let Some(r) = self.call_special(v, "__len__", vec![])? {
                    return match r {
                        Value::Int(n) if n >= 0 => Ok(n as usize),
                        Value::Int(_) => self.value_error("__len__() should return >= 0"),
                        other => self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_of(&other).name)),
                    };
                }
                let base = self.unwrap_base(v);
                if !matches!(base, Value::Instance(_) | Value::Class(_)) {
                    return self.len(&base);
                }
                return self.type_error(format!("object of type '{}' has no len()", self.type_of(v).name));
            }
            other => return self.type_error(format!("object of type '{}' has no len()", self.type_of(other).name)),
        })
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = fast_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// Rich comparison `a op b`.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        let a_obj = matches!(a, Value::Instance(_) | Value::Class(_));
        let b_obj = matches!(b, Value::Instance(_) | Value::Class(_));
        if a_obj || b_obj {
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            let b_first = b_obj && !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta);
            if b_first {
                if let Some(r) = self.call_special_user(b, op.swapped().dunder(), a)? {
                    return Ok(r);
                }
            }
            if let Some(r) = self.call_special_user(a, op.dunder(), b)? {
                return Ok(r);
            }
            if !b_first {
                if let Some(r) = self.call_special_user(b, op.swapped().dunder(), a)? {
                    return Ok(r);
                }
            }
            if op == CmpOp::Ne {
                // the default __ne__ inverts __eq__
                if let Some(r) = self.call_special_user(a, "__eq__", b)? {
                    let t = self.truthy(&r)?;
                    return Ok(Value::Bool(!t));
                }
            }
            let ua = self.unwrap_base(a);
            let ub = self.unwrap_base(b);
            let unwrapped = !matches!(ua, Value::Instance(_) | Value::Class(_)) && !matches!(ub, Value::Instance(_) | Value::Class(_));
            if unwrapped {
                return self.compare(&ua, &ub, op);
            }
            return match op {
                CmpOp::Eq => Ok(Value::Bool(a.is(b))),
                CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
                _ => Err(self.compare_error(a, b, op)),
            };
        }
        match self.builtin_compare(a, b, op)? {
            Some(r) => Ok(Value::Bool(r)),
            None => match op {
                CmpOp::Eq => Ok(Value::Bool(a.is(b))),
                CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
                _ => Err(self.compare_error(a, b, op)),
            },
        }
    }

    fn compare_error(&self, a: &Value, b: &Value, op: CmpOp) -> crate::object::PyErr {
        self.new_error(
            "TypeError",
            format!("'{}' not supported between instances of '{}' and '{}'", op.symbol(), self.tp_name(a), self.tp_name(b)),
        )
    }

    fn builtin_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            _ if is_int(a) && is_int(b) => Some(to_big(a).cmp(&to_big(b))),
            (Value::Float(_), _) | (_, Value::Float(_)) if to_f64(a).is_some() && to_f64(b).is_some() => {
                let (x, y) = (to_f64(a).expect("num"), to_f64(b).expect("num"));
                match x.partial_cmp(&y) {
                    Some(o) => Some(o),
                    None => return Ok(Some(op == CmpOp::Ne)),
                }
            }
            (Value::Str(x), Value::Str(y)) => Some(x.s.cmp(&y.s)),
            (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.seq_compare(&x, &y, op).map(Some);
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.seq_compare(&x, &y, op).map(Some);
            }
            (Value::None, Value::None) => Some(Ordering::Equal).filter(|_| matches!(op, CmpOp::Eq | CmpOp::Ne)),
            (Value::Dict(x), Value::Dict(y)) => {
                if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    return Ok(None);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                let mut same = x.len() == y.len();
                if same {
                    for (k, (_, v)) in &x {
                        match y.get(k) {
                            Some((_, w)) => {
                                if !self.eq(v, w)? {
                                    same = false;
                                    break;
                                }
                            }
                            None => {
                                same = false;
                                break;
                            }
                        }
                    }
                }
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (x, y) = (set_of(a), set_of(b));
                let sub = x.keys().all(|k| y.contains_key(k));
                let sup = y.keys().all(|k| x.contains_key(k));
                return Ok(Some(match op {
                    CmpOp::Eq => sub && sup,
                    CmpOp::Ne => !(sub && sup),
                    CmpOp::Le => sub,
                    CmpOp::Lt => sub && x.len() < y.len(),
                    CmpOp::Ge => sup,
                    CmpOp::Gt => sup && x.len() > y.len(),
                }));
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = x.len() == y.len() && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            _ => None,
        };
        Ok(ord.map(|o| match op {
            CmpOp::Lt => o.is_lt(),
            CmpOp::Le => o.is_le(),
            CmpOp::Eq => o.is_eq(),
            CmpOp::Ne => o.is_ne(),
            CmpOp::Gt => o.is_gt(),
            CmpOp::Ge => o.is_ge(),
        }))
    }

    fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<bool> {
        for (a, b) in x.iter().zip(y.iter()) {
            if a.is(b) {
                continue;
            }
            if !self.eq(a, b)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(a, b, op)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        let (n, m) = (x.len(), y.len());
        Ok(match op {
            CmpOp::Lt => n < m,
            CmpOp::Le => n <= m,
            CmpOp::Eq => n == m,
            CmpOp::Ne => n != m,
            CmpOp::Gt => n > m,
            CmpOp::Ge => n >= m,
        })
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::List(l) => {
                let mut i = 0;
                loop {
                    let Some(x) = l.borrow().get(i).cloned() else {
                        return Ok(false);
                    };
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Str(s) => match self.unwrap_base(item) {
                Value::Str(i) => Ok(s.s.contains(&*i.s)),
                other => self.type_error(format!("'in <string>' requires string as left operand, not {}", self.type_of(&other).name)),
            },
            Value::Bytes(b) => match item {
                Value::Bytes(i) => Ok(i.is_empty() || b.windows(i.len()).any(|w| w == &i[..])),
                Value::Int(i) => Ok(b.contains(&(*i as u8))),
                _ => self.type_error("a bytes-like object is required"),
            },
            Value::Dict(d) => {
                let k = self.dict_key_in(d, item)?;
                Ok(d.borrow().contains_key(&k))
            }
            Value::Set(s) => {
                let k = self.set_key_in(s, item)?;
                Ok(s.borrow().contains_key(&k))
            }
            Value::FrozenSet(s) => {
                let k = self.set_key(s, item)?;
                Ok(s.contains_key(&k))
            }
            Value::Range(r) => match item {
                Value::Int(i) => {
                    let i = *i;
                    let inside = if r.step > 0 { i >= r.start && i < r.stop } else { i <= r.start && i > r.stop };
                    Ok(inside && (i - r.start) % r.step == 0)
                }
                _ => Ok(false),
            },
            Value::Instance(_) | Value::Class(_) => {
                if let Some(r) = self.call_special(container, "__contains__", vec![item.clone()])? {
                    return self.truthy(&r);
                }
                let base = self.unwrap_base(container);
                if !matches!(base, Value::Instance(_) | Value::Class(_)) {
                    return self.contains(&base, item);
                }
                let it = self.get_iter(container)?;
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Iter(_) | Value::Generator(_) => {
                while let Some(x) = self.next(container)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            other => self.type_error(format!("argument of type '{}' is not iterable", self.type_of(other).name)),
        }
    }

    /// Unpacks exactly `n` values.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(e) if self.err_is(&e, "TypeError") => {
                        return self.type_error(format!("cannot unpack non-iterable {} object", self.type_of(v).name))
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        if items.len() > n {
            return self.value_error(format!("too many values to unpack (expected {n})"));
        }
        if items.len() < n {
            return self.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()));
        }
        Ok(items)
    }

    /// The (key, value) pairs of a mapping (`**m`, `dict.update`).
    pub fn mapping_pairs(&mut self, v: &Value) -> PyResult<Vec<(Value, Value)>> {
        match v {
            Value::Dict(d) => Ok(d.borrow().values().cloned().collect()),
            _ => {
                if self.hasattr(v, "keys")? {
                    let keys = self.call_method(v, "keys", vec![])?;
                    let mut out = Vec::new();
                    for k in self.iterate(&keys)? {
                        let val = self.getitem(v, &k)?;
                        out.push((k, val));
                    }
                    Ok(out)
                } else {
                    let mut out = Vec::new();
                    for (i, item) in self.iterate(v)?.into_iter().enumerate() {
                        let pair = self.iterate(&item)?;
                        if pair.len() != 2 {
                            return self
                                .value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()));
                        }
                        let mut p = pair.into_iter();
                        out.push((p.next().expect("key"), p.next().expect("value")));
                    }
                    Ok(out)
                }
            }
        }
    }

    pub(super) fn mapping_items(&mut self, v: &Value, for_call: bool, f: &super::frame::Frame) -> PyResult<Vec<(Value, Value)>> {
        if for_call && !matches!(v, Value::Dict(_)) && !self.hasattr(v, "keys")? {
            let n = f.stack.len();
            let fname = if n >= 3 { self.callable_name(&f.stack[n - 3]) } else { "function".into() };
            return self.type_error(format!("{fname} argument after ** must be a mapping, not {}", self.type_of(v).name));
        }
        self.mapping_pairs(v)
    }
}

fn set_of(v: &Value) -> Set {
    match v {
        Value::Set(s) => s.borrow().clone(),
        Value::FrozenSet(s) => (**s).clone(),
        _ => Set::default(),
    }
}

/// Equality of builtin values that needs no dunders.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Str(x), Value::Str(y)) => Some(x.s == y.s),
        (Value::None, Value::None) => Some(true),
        (Value::None, Value::Int(_) | Value::Str(_) | Value::Float(_) | Value::Bool(_)) => Some(false),
        (Value::Int(_) | Value::Str(_) | Value::Float(_) | Value::Bool(_), Value::None) => Some(false),
        (Value::Str(_), Value::Int(_) | Value::Float(_)) | (Value::Int(_) | Value::Float(_), Value::Str(_)) => Some(false),
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        _ => None,
    }
}

pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    if i >= 0 && i < len {
        Some(i as usize)
    } else {
        None
    }
}

/// Big integer division to float (exact for quotients that fit).
fn big_div_float(x: &BigInt, y: &BigInt) -> f64 {
    let q = x / y;
    let r = x - &q * y;
    q.to_f64().unwrap_or(f64::INFINITY) + r.to_f64().unwrap_or(0.0) / y.to_f64().unwrap_or(f64::INFINITY)
}
