//! The `math` module.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::add_function;
use crate::builtins::num::to_float;
use crate::object::{Args, Module, PyResult};
use crate::value::Value;
use crate::vm::ops::to_big;
use crate::vm::Vm;

fn f1(vm: &mut Vm, a: &Args) -> PyResult<f64> {
    match a.pos.first() {
        Some(v) => to_float(vm, v),
        None => vm.type_error("math function takes exactly one argument (0 given)"),
    }
}

fn domain(vm: &Vm) -> crate::object::PyErr {
    vm.new_error("ValueError", "math domain error")
}

fn int_result(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return vm.value_error("cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return Err(vm.new_error("OverflowError", "cannot convert float infinity to integer"));
    }
    Ok(match f.to_i64() {
        Some(i) if f.abs() < 9.2e18 => Value::Int(i),
        _ => Value::bigint(crate::builtins::num::float_to_big(f)),
    })
}

pub fn module(_vm: &mut Vm) -> PyResult<std::rc::Rc<Module>> {
    let m = Module::new("math");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    add_function(&m, "sqrt", |vm, a| {
        let x = f1(vm, &a)?;
        if x < 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(x.sqrt()))
    });
    add_function(&m, "floor", |vm, a| match a.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => Ok(v.clone()),
        _ => {
            let x = f1(vm, &a)?;
            int_result(vm, x.floor())
        }
    });
    add_function(&m, "ceil", |vm, a| match a.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => Ok(v.clone()),
        _ => {
            let x = f1(vm, &a)?;
            int_result(vm, x.ceil())
        }
    });
    add_function(&m, "trunc", |vm, a| {
        let x = f1(vm, &a)?;
        int_result(vm, x.trunc())
    });
    add_function(&m, "fabs", |vm, a| Ok(Value::Float(f1(vm, &a)?.abs())));
    add_function(&m, "exp", |vm, a| Ok(Value::Float(f1(vm, &a)?.exp())));
    add_function(&m, "log", |vm, a| {
        let x = f1(vm, &a)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        match a.pos.get(1) {
            Some(b) => {
                let b = to_float(vm, b)?;
                Ok(Value::Float(x.ln() / b.ln()))
            }
            None => Ok(Value::Float(x.ln())),
        }
    });
    add_function(&m, "log10", |vm, a| {
        let x = f1(vm, &a)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(x.log10()))
    });
    add_function(&m, "log2", |vm, a| {
        let x = f1(vm, &a)?;
        if x <= 0.0 {
            return Err(domain(vm));
        }
        Ok(Value::Float(x.log2()))
    });
    add_function(&m, "pow", |vm, a| {
        let x = to_float(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let y = to_float(vm, crate::builtins::arg(vm, &a, 1)?)?;
        Ok(Value::Float(x.powf(y)))
    });
    for (name, f) in [
        ("sin", f64::sin as fn(f64) -> f64),
        ("cos", f64::cos),
        ("tan", f64::tan),
        ("asin", f64::asin),
        ("acos", f64::acos),
        ("atan", f64::atan),
        ("sinh", f64::sinh),
        ("cosh", f64::cosh),
        ("tanh", f64::tanh),
        ("degrees", f64::to_degrees),
        ("radians", f64::to_radians),
    ] {
        m.set(name, _vm.native(name, move |vm, a| Ok(Value::Float(f(f1(vm, &a)?)))));
    }
    add_function(&m, "atan2", |vm, a| {
        let y = to_float(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let x = to_float(vm, crate::builtins::arg(vm, &a, 1)?)?;
        Ok(Value::Float(y.atan2(x)))
    });
    add_function(&m, "hypot", |vm, a| {
        let mut s = 0.0;
        for v in &a.pos {
            let x = to_float(vm, v)?;
            s += x * x;
        }
        Ok(Value::Float(s.sqrt()))
    });
    add_function(&m, "isnan", |vm, a| Ok(Value::Bool(f1(vm, &a)?.is_nan())));
    add_function(&m, "isinf", |vm, a| Ok(Value::Bool(f1(vm, &a)?.is_infinite())));
    add_function(&m, "isfinite", |vm, a| Ok(Value::Bool(f1(vm, &a)?.is_finite())));
    add_function(&m, "isclose", |vm, mut a| {
        let rel = match a.take_kw("rel_tol") {
            Some(v) => to_float(vm, &v)?,
            None => 1e-9,
        };
        let abs = match a.take_kw("abs_tol") {
            Some(v) => to_float(vm, &v)?,
            None => 0.0,
        };
        let x = to_float(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let y = to_float(vm, crate::builtins::arg(vm, &a, 1)?)?;
        if x == y {
            return Ok(Value::Bool(true));
        }
        let d = (x - y).abs();
        Ok(Value::Bool(d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs))
    });
    add_function(&m, "factorial", |vm, a| {
        let Some(n) = a.pos.first().and_then(to_big) else {
            return vm.type_error("factorial() only accepts integral values");
        };
        if n.is_negative() {
            return vm.value_error("factorial() not defined for negative values");
        }
        let n = n.to_u64().unwrap_or(u64::MAX);
        vm.check_size((n as usize).saturating_mul(2))?;
        let mut r = BigInt::from(1);
        for i in 2..=n {
            r *= i;
        }
        Ok(Value::bigint(r))
    });
    add_function(&m, "gcd", |vm, a| {
        let mut g = BigInt::zero();
        for v in &a.pos {
            let Some(n) = to_big(v) else {
                return vm.type_error("gcd() arguments must be integers");
            };
            g = num_integer::Integer::gcd(&g, &n);
        }
        Ok(Value::bigint(g))
    });
    add_function(&m, "comb", |vm, a| {
        let (Some(n), Some(k)) = (a.pos.first().and_then(to_big), a.pos.get(1).and_then(to_big)) else {
            return vm.type_error("comb() arguments must be integers");
        };
        if k > n {
            return Ok(Value::Int(0));
        }
        let k = k.to_u64().unwrap_or(0).min((&n - &k).to_u64().unwrap_or(0));
        let mut r = BigInt::from(1);
        for i in 0..k {
            r = r * (&n - i) / (i + 1);
        }
        Ok(Value::bigint(r))
    });
    add_function(&m, "fsum", |vm, a| {
        let items = vm.iterate(crate::builtins::arg(vm, &a, 0)?)?;
        let mut partials: Vec<f64> = Vec::new();
        for it in items {
            let mut x = to_float(vm, &it)?;
            let mut i = 0;
            for j in 0..partials.len() {
                let mut y = partials[j];
                if x.abs() < y.abs() {
                    std::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    partials[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            partials.truncate(i);
            partials.push(x);
        }
        Ok(Value::Float(partials.iter().sum()))
    });
    add_function(&m, "prod", |vm, a| {
        let items = vm.iterate(crate::builtins::arg(vm, &a, 0)?)?;
        let mut acc = Value::Int(1);
        for it in items {
            acc = vm.binary_op(&acc, &it, crate::code::BinOp::Mul)?;
        }
        Ok(acc)
    });
    add_function(&m, "copysign", |vm, a| {
        let x = to_float(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let y = to_float(vm, crate::builtins::arg(vm, &a, 1)?)?;
        Ok(Value::Float(x.copysign(y)))
    });
    add_function(&m, "fmod", |vm, a| {
        let x = to_float(vm, crate::builtins::arg(vm, &a, 0)?)?;
        let y = to_float(vm, crate::builtins::arg(vm, &a, 1)?)?;
        Ok(Value::Float(x % y))
    });
    add_function(&m, "modf", |vm, a| {
        let x = f1(vm, &a)?;
        Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
    });
    add_function(&m, "isqrt", |vm, a| {
        let Some(n) = a.pos.first().and_then(to_big) else {
            return vm.type_error("isqrt() argument must be an integer");
        };
        if n.is_negative() {
            return vm.value_error("isqrt() argument must be nonnegative");
        }
        Ok(Value::bigint(n.sqrt()))
    });
    Ok(m)
}
