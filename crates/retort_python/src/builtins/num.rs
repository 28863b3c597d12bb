//! `int`, `float` and `bool`: constructors (with CPython's parsing and
//! error messages) and their methods.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::add_method;
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::ops::to_big;
use crate::vm::Vm;

/// Parses an int literal as `int(s, base)` does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match base {
        0 | 16 if lower.starts_with("0x") => (16, &t[2..]),
        0 | 8 if lower.starts_with("0o") => (8, &t[2..]),
        0 | 2 if lower.starts_with("0b") => (2, &t[2..]),
        0 => (10, t),
        b => (b, t),
    };
    let digits = digits.strip_prefix('_').unwrap_or(digits);
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    match lower.trim_start_matches(['+', '-']) {
        "nan" => return Some(f64::NAN),
        "inf" | "infinity" => return Some(if lower.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY }),
        _ => {}
    }
    if t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    if clean.is_empty() || !clean.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')) {
        return None;
    }
    clean.parse().ok()
}

fn to_int(vm: &mut Vm, v: &Value, base: Option<u32>) -> PyResult<Value> {
    if let Some(b) = base {
        if b == 1 || b > 36 {
            return vm.value_error("int() base must be >= 2 and <= 36, or 0");
        }
        return match v {
            Value::Str(s) => match parse_int(&s.s, b) {
                Some(n) => Ok(Value::bigint(n)),
                None => vm.value_error(format!("invalid literal for int() with base {b}: {}", crate::builtins::repr::str_repr(&s.s))),
            },
            _ => vm.type_error("int() can't convert non-string with explicit base"),
        };
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return vm.value_error("cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return Err(vm.new_error("OverflowError", "cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            Ok(match t.to_i64() {
                Some(i) if t.abs() < 9.2e18 => Value::Int(i),
                _ => Value::bigint(float_to_big(t)),
            })
        }
        Value::Str(s) => match parse_int(&s.s, 10) {
            Some(n) => {
                if s.s.trim().len() > crate::builtins::repr::INT_MAX_STR_DIGITS {
                    return vm.value_error(format!(
                        "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                        crate::builtins::repr::INT_MAX_STR_DIGITS,
                        s.s.trim().len()
                    ));
                }
                Ok(Value::bigint(n))
            }
            None => vm.value_error(format!("invalid literal for int() with base 10: {}", crate::builtins::repr::str_repr(&s.s))),
        },
        Value::Bytes(b) => match parse_int(&String::from_utf8_lossy(b), 10) {
            Some(n) => Ok(Value::bigint(n)),
            None => vm.value_error(format!("invalid literal for int() with base 10: {}", crate::builtins::repr::bytes_repr(b))),
        },
        Value::Instance(_) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_special(v, name, vec![])? {
                    return Ok(r);
                }
            }
            let base = vm.unwrap_base(v);
            if !matches!(base, Value::Instance(_)) {
                return to_int(vm, &base, None);
            }
            vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_of(v).name))
        }
        other => vm
            .type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_of(other).name)),
    }
}

pub fn float_to_big(f: f64) -> BigInt {
    // exact conversion of an integral float
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = if (bits >> 52) & 0x7ff == 0 { (bits & 0xf_ffff_ffff_ffff) << 1 } else { (bits & 0xf_ffff_ffff_ffff) | 0x10_0000_0000_0000 };
    let m = BigInt::from(mant);
    let v = if exp >= 0 { m << exp as usize } else { m >> (-exp) as usize };
    v * sign
}

pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.new_error("OverflowError", "int too large to convert to float")),
        },
        Value::Str(s) => match parse_float(&s.s) {
            Some(f) => Ok(f),
            None => vm.value_error(format!("could not convert string to float: {}", crate::builtins::repr::str_repr(&s.s))),
        },
        Value::Instance(_) => {
            for name in ["__float__", "__index__"] {
                if let Some(r) = vm.call_special(v, name, vec![])? {
                    return to_float(vm, &r);
                }
            }
            let base = vm.unwrap_base(v);
            if !matches!(base, Value::Instance(_)) {
                return to_float(vm, &base);
            }
            vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_of(v).name))
        }
        other => vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_of(other).name)),
    }
}

/// Wraps a builtin value for a subclass (`class Id(int)`).
pub fn for_class(vm: &mut Vm, cls: &Value, v: Value, builtin: &std::rc::Rc<crate::object::Class>) -> Value {
    match cls {
        Value::Class(c) if !std::rc::Rc::ptr_eq(c, builtin) => vm.new_base_instance(c, v),
        _ => v,
    }
}

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    add_method(&t.int.clone(), "__new__", |vm, mut a: Args| {
        let base = a.take_kw("base").or_else(|| a.pos.get(2).cloned());
        let base = match base {
            Some(b) => Some(vm.index_of(&b, "int")? as u32),
            None => None,
        };
        let v = match a.pos.get(1) {
            Some(x) => to_int(vm, x, base)?,
            None => Value::Int(0),
        };
        let int = vm.types.int.clone();
        Ok(for_class(vm, &a.pos[0], v, &int))
    });
    add_method(&t.float.clone(), "__new__", |vm, a| {
        let v = match a.pos.get(1) {
            Some(x) => Value::Float(to_float(vm, x)?),
            None => Value::Float(0.0),
        };
        let float = vm.types.float.clone();
        Ok(for_class(vm, &a.pos[0], v, &float))
    });
    add_method(&t.bool.clone(), "__new__", |vm, a| {
        let v = match a.pos.get(1) {
            Some(x) => vm.truthy(x)?,
            None => false,
        };
        Ok(Value::Bool(v))
    });
    add_method(&t.int.clone(), "bit_length", |vm, a| {
        let n = to_big(&vm.unwrap_base(&a.pos[0])).unwrap_or_default();
        Ok(Value::Int(n.abs().bits() as i64))
    });
    add_method(&t.int.clone(), "conjugate", |vm, a| Ok(vm.unwrap_base(&a.pos[0])));
    add_method(&t.int.clone(), "__index__", |vm, a| Ok(vm.unwrap_base(&a.pos[0])));
    add_method(&t.int.clone(), "__int__", |vm, a| Ok(vm.unwrap_base(&a.pos[0])));
    add_method(&t.int.clone(), "__hash__", |vm, a| {
        let b = vm.unwrap_base(&a.pos[0]);
        Ok(Value::Int(vm.key(&b)?.py_hash()))
    });
    add_method(&t.int.clone(), "__eq__", |vm, a| {
        let (x, y) = (vm.unwrap_base(&a.pos[0]), vm.unwrap_base(&a.pos[1]));
        if matches!(y, Value::Instance(_)) {
            return Ok(Value::NotImplemented);
        }
        Ok(Value::Bool(vm.eq(&x, &y)?))
    });
    for (class, attrs) in [(t.int.clone(), &["real", "imag", "numerator", "denominator"][..]), (t.float.clone(), &["real", "imag"][..])] {
        for name in attrs {
            let name: &'static str = name;
            let getter = vm.native(name, move |vm, a| {
                let v = vm.unwrap_base(&a.pos[0]);
                Ok(match name {
                    "imag" => {
                        if matches!(v, Value::Float(_)) {
                            Value::Float(0.0)
                        } else {
                            Value::Int(0)
                        }
                    }
                    "denominator" => Value::Int(1),
                    _ => match v {
                        Value::Bool(b) => Value::Int(b as i64),
                        other => other,
                    },
                })
            });
            class.dict.borrow_mut().insert(
                name.into(),
                Value::Property(std::rc::Rc::new(crate::object::Property { fget: Some(getter), fset: None, fdel: None, doc: Value::None })),
            );
        }
    }
    let t = &vm.types;
    add_method(&t.int.clone(), "to_bytes", |vm, mut a| {
        let order = a.take_kw("byteorder").or_else(|| a.pos.get(2).cloned()).unwrap_or(Value::str("big"));
        let signed = match a.take_kw("signed") {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let length = match a.take_kw("length").or_else(|| a.pos.get(1).cloned()) {
            Some(v) => vm.index_of(&v, "int")?,
            None => 1,
        };
        let n = to_big(&vm.unwrap_base(&a.pos[0])).unwrap_or_default();
        if n.is_negative() && !signed {
            return Err(vm.new_error("OverflowError", "can't convert negative int to unsigned"));
        }
        let mut bytes = n.to_signed_bytes_be();
        if !signed && bytes.len() > 1 && bytes[0] == 0 {
            bytes.remove(0);
        }
        if bytes.len() > length.max(0) as usize {
            return Err(vm.new_error("OverflowError", "int too big to convert"));
        }
        let fill = if n.is_negative() { 0xff } else { 0 };
        let mut out = vec![fill; length as usize - bytes.len()];
        out.extend(bytes);
        if order.as_str() == Some("little") {
            out.reverse();
        }
        Ok(Value::Bytes(std::rc::Rc::new(out)))
    });
    let from_bytes = vm.native("from_bytes", |vm, mut a| {
        let signed = match a.take_kw("signed") {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let order = a.take_kw("byteorder").or_else(|| a.pos.get(2).cloned()).unwrap_or(Value::str("big"));
        let mut bytes = match a.pos.get(1) {
            Some(Value::Bytes(b)) => b.to_vec(),
            Some(other) => vm
                .iterate(&other.clone())?
                .iter()
                .map(|v| match v {
                    Value::Int(i) => *i as u8,
                    _ => 0,
                })
                .collect(),
            None => return vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"),
        };
        if order.as_str() == Some("little") {
            bytes.reverse();
        }
        let n = if signed { BigInt::from_signed_bytes_be(&bytes) } else { BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes) };
        Ok(Value::bigint(n))
    });
    vm.types.int.dict.borrow_mut().insert("from_bytes".into(), Value::ClassMethod(std::rc::Rc::new(from_bytes)));
    add_method(&t.float.clone(), "is_integer", |vm, a| match vm.unwrap_base(&a.pos[0]) {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Ok(Value::Bool(true)),
    });
    add_method(&t.float.clone(), "as_integer_ratio", |vm, a| {
        let Value::Float(f) = vm.unwrap_base(&a.pos[0]) else {
            return vm.type_error("float expected");
        };
        if !f.is_finite() {
            return vm.value_error("cannot convert Infinity to integer ratio");
        }
        let mut num = f;
        let mut den = BigInt::from(1);
        while num.fract() != 0.0 {
            num *= 2.0;
            den *= 2;
        }
        let n = float_to_big(num);
        let g = num_integer::Integer::gcd(&n, &den);
        let (n, d) = if g.is_zero() { (n, den) } else { (n / &g, den / &g) };
        Ok(Value::tuple(vec![Value::bigint(n), Value::bigint(d)]))
    });
    add_method(&t.float.clone(), "__hash__", |vm, a| {
        let b = vm.unwrap_base(&a.pos[0]);
        Ok(Value::Int(vm.key(&b)?.py_hash()))
    });
    add_method(&t.float.clone(), "conjugate", |vm, a| Ok(vm.unwrap_base(&a.pos[0])));
}
