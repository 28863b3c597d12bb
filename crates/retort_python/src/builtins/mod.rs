//! The `builtins` module: builtin functions (print, len, sorted, ...),
//! the builtin types' methods (one file per family) and their registration.

pub mod attrdict;
pub mod dict;
pub mod eval;
pub mod format;
pub mod num;
pub mod object;
pub mod repr;
pub mod seq;
pub mod str;
pub mod types;

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::code::{BinOp, CmpOp};
use crate::dict::{Key, Set};
use crate::object::{Args, Class, NativeFn, PyResult};
use crate::value::{Range, Value};
use crate::vm::iter::{iter_value, IterState};
use crate::vm::ops::to_big;
use crate::vm::Vm;

pub type NativeFnPtr = fn(&mut Vm, Args) -> PyResult<Value>;

/// How many positional arguments (self included) a builtin method needs
/// at least; natives index their arguments, so calls with fewer (say
/// `int.bit_length()` on the class) are refused before they run.
fn min_args(name: &str) -> usize {
    match name {
        "__setitem__" | "__setattr__" | "__set__" => 3,
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__getitem__" | "__delitem__" | "__contains__" | "__format__"
        | "__getattribute__" | "__delattr__" | "__get__" | "__or__" | "__ror__" | "__instancecheck__" | "__subclasscheck__" | "getter"
        | "setter" | "deleter" | "add_note" | "__missing__" => 2,
        n if n.starts_with("__r") && n.ends_with("__") && n.len() > 5 && !matches!(n, "__repr__" | "__reversed__") => 2,
        n if matches!(
            n.trim_start_matches("__").trim_end_matches("__"),
            "add" | "sub" | "mul" | "truediv" | "floordiv" | "mod" | "pow" | "and" | "xor" | "lshift" | "rshift" | "matmul"
        ) =>
        {
            2
        }
        _ => 1,
    }
}

/// Adds a native method to a class.
pub fn add_method(class: &Rc<Class>, name: &str, f: NativeFnPtr) {
    let need = min_args(name);
    let owner = class.name.clone();
    let method: Rc<str> = name.into();
    let checked = move |vm: &mut Vm, a: Args| {
        if a.pos.len() < need {
            return if a.pos.is_empty() {
                vm.type_error(format!("descriptor '{method}' of '{owner}' object needs an argument"))
            } else {
                vm.type_error(format!(
                    "{method}() takes at least {} argument{} ({} given)",
                    need - 1,
                    if need == 2 { "" } else { "s" },
                    a.pos.len() - 1
                ))
            };
        }
        f(vm, a)
    };
    class.dict.borrow_mut().insert(name.into(), Value::Native(Rc::new(NativeFn { name: name.into(), func: Rc::new(checked), this: None })));
}

/// Adds a native function to a module.
pub fn add_function(module: &crate::object::Module, name: &str, f: NativeFnPtr) {
    module.set(name, Value::Native(Rc::new(NativeFn { name: name.into(), func: Rc::new(f), this: None })));
}

/// The container dunders of a builtin type (`__getitem__`, `__len__`, ...),
/// so subclasses (`class Tags(list)`) and `super()` calls reach the builtin
/// value an instance carries.
pub fn add_base_delegates(class: &Rc<Class>, names: &[&str]) {
    for &name in names {
        let f: NativeFnPtr = match name {
            "__getitem__" => |vm, a| {
                let b = vm.unwrap_base(&a.pos[0]);
                vm.getitem(&b, &a.pos[1])
            },
            "__setitem__" => |vm, a| {
                let b = vm.unwrap_base(&a.pos[0]);
                vm.setitem(&b, a.pos[1].clone(), a.pos[2].clone())?;
                Ok(Value::None)
            },
            "__delitem__" => |vm, a| {
                let b = vm.unwrap_base(&a.pos[0]);
                vm.delitem(&b, &a.pos[1])?;
                Ok(Value::None)
            },
            "__len__" => |vm, a| {
                let b = vm.unwrap_base(&a.pos[0]);
                Ok(Value::Int(vm.len(&b)? as i64))
            },
            "__contains__" => |vm, a| {
                let b = vm.unwrap_base(&a.pos[0]);
                Ok(Value::Bool(vm.contains(&b, &a.pos[1])?))
            },
            "__iter__" => |vm, a| {
                let b = vm.unwrap_base(&a.pos[0]);
                vm.get_iter(&b)
            },
            other => unreachable!("no delegate for {other}"),
        };
        add_method(class, name, f);
    }
}

/// Positional argument `i` of a native call, or CPython's TypeError for a
/// missing one (natives never index past what they were given).
pub fn arg<'a>(vm: &Vm, a: &'a Args, i: usize) -> PyResult<&'a Value> {
    match a.pos.get(i) {
        Some(v) => Ok(v),
        None => vm.type_error(format!("function missing required argument (pos {})", i + 1)),
    }
}

/// Checks the number of positional arguments of a builtin.
pub fn check_args(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return vm.type_error(msg);
    }
    Ok(())
}

/// The order CPython iterates a set: simulated hash-table order for sets of
/// ints (whose hashes are deterministic), insertion order otherwise.
pub fn set_order(s: &Set) -> Vec<Value> {
    if s.len() < 2 || !s.keys().all(|k| matches!(k, Key::Int(_))) {
        return s.values().cloned().collect();
    }
    let mut mask: usize = 7;
    let mut table: Vec<Option<(u64, Value)>> = vec![None; 8];
    let mut fill = 0usize;
    fn insert(table: &mut [Option<(u64, Value)>], mask: usize, h: u64, v: Value) {
        let mut perturb = h;
        let mut i = (h as usize) & mask;
        loop {
            let probes = if i + 9 <= mask { 9 } else { 0 };
            for j in 0..=probes {
                if table[i + j].is_none() {
                    table[i + j] = Some((h, v));
                    return;
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
    for (k, v) in s.iter() {
        let h = k.py_hash();
        insert(&mut table, mask, h as u64, v.clone());
        fill += 1;
        if fill * 5 >= mask * 3 {
            let used = fill;
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut newsize = 8;
            while newsize <= minused {
                newsize <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; newsize]);
            mask = newsize - 1;
            for (h, v) in old.into_iter().flatten() {
                insert(&mut table, mask, h, v);
            }
        }
    }
    table.into_iter().flatten().map(|(_, v)| v).collect()
}

/// `list[int]`-style generic aliases for annotations.
pub fn generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let class = vm.generic_alias_class();
    let inst = vm.new_instance(&class, &[]);
    let args = match args {
        Value::Tuple(_) => args,
        other => Value::tuple(vec![other]),
    };
    if let Value::Instance(i) = &inst {
        i.dict.borrow_mut().insert("__origin__".into(), origin);
        i.dict.borrow_mut().insert("__args__".into(), args);
    }
    Ok(inst)
}

impl Vm {
    pub fn generic_alias_class(&mut self) -> Rc<Class> {
        if let Some(c) = self.extra_classes.get("GenericAlias") {
            return c.clone();
        }
        let c = types::builtin_class("GenericAlias", crate::object::Builtin::Object, &[&self.types.object]);
        add_method(&c, "__repr__", |vm, a| {
            let this = a.pos[0].clone();
            let origin = vm.getattr(&this, "__origin__")?;
            let args = vm.getattr(&this, "__args__")?;
            let name = match &origin {
                Value::Class(c) => c.name.to_string(),
                other => vm.repr(other)?,
            };
            let mut parts = Vec::new();
            for a in vm.iterate(&args)? {
                parts.push(type_repr(vm, &a)?);
            }
            Ok(Value::str(format!("{name}[{}]", parts.join(", "))))
        });
        add_method(&c, "__call__", |vm, a| {
            let origin = vm.getattr(&a.pos[0], "__origin__")?;
            vm.call(&origin, Args { pos: a.pos[1..].to_vec(), kw: a.kw })
        });
        add_method(&c, "__eq__", |vm, a| {
            let (x, y) = (a.pos[0].clone(), a.pos[1].clone());
            if !matches!(y, Value::Instance(_)) {
                return Ok(Value::NotImplemented);
            }
            let ox = vm.getattr(&x, "__origin__")?;
            let oy = match vm.getattr_opt(&y, "__origin__")? {
                Some(v) => v,
                None => return Ok(Value::Bool(false)),
            };
            let ax = vm.getattr(&x, "__args__")?;
            let ay = vm.getattr(&y, "__args__")?;
            Ok(Value::Bool(vm.eq(&ox, &oy)? && vm.eq(&ax, &ay)?))
        });
        add_method(&c, "__hash__", |vm, a| {
            let o = vm.getattr(&a.pos[0], "__origin__")?;
            Ok(Value::Int(vm.key(&o)?.py_hash()))
        });
        add_method(&c, "__getitem__", |vm, a| generic_alias(vm, a.pos[0].clone(), a.pos[1].clone()));
        self.extra_classes.insert("GenericAlias", c.clone());
        c
    }
}

/// How typing shows a type inside `X[...]`: `int`, `__main__.User`, `...`.
pub fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) => Ok(if &*c.module == "builtins" { c.qualname.to_string() } else { format!("{}.{}", c.module, c.qualname) }),
        Value::Ellipsis => Ok("...".into()),
        Value::None => Ok("None".into()),
        other => vm.repr(other),
    }
}

/// Registers builtin functions, constants, types and methods.
pub fn install(vm: &mut Vm) {
    object::install(vm);
    num::install(vm);
    str::install(vm);
    seq::install(vm);
    dict::install(vm);
    for class in [
        &vm.types.int,
        &vm.types.float,
        &vm.types.str,
        &vm.types.list,
        &vm.types.tuple,
        &vm.types.dict,
        &vm.types.set,
        &vm.types.frozenset,
        &vm.types.bool,
    ] {
        add_method(class, "__repr__", |vm, a| {
            let b = vm.unwrap_base(&a.pos[0]);
            Ok(Value::str(vm.repr(&b)?))
        });
    }
    for class in [&vm.types.int, &vm.types.float, &vm.types.str, &vm.types.list, &vm.types.tuple, &vm.types.bool] {
        for op in [
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::TrueDiv,
            BinOp::FloorDiv,
            BinOp::Mod,
            BinOp::Pow,
            BinOp::And,
            BinOp::Or,
            BinOp::Xor,
            BinOp::LShift,
            BinOp::RShift,
        ] {
            for (name, reflected) in [(op.dunder().0, false), (op.dunder().1, true)] {
                let f = move |vm: &mut Vm, a: Args| {
                    if a.pos.len() != 2 {
                        return vm.type_error(format!("expected 1 argument, got {}", a.pos.len().saturating_sub(1)));
                    }
                    let (x, y) = (vm.unwrap_base(&a.pos[0]), vm.unwrap_base(&a.pos[1]));
                    if matches!(x, Value::Instance(_)) || matches!(y, Value::Instance(_)) {
                        return Ok(Value::NotImplemented);
                    }
                    let (x, y) = if reflected { (y, x) } else { (x, y) };
                    Ok(vm.builtin_binop(&x, &y, op)?.unwrap_or(Value::NotImplemented))
                };
                class
                    .dict
                    .borrow_mut()
                    .insert(name.into(), Value::Native(Rc::new(NativeFn { name: name.into(), func: Rc::new(f), this: None })));
            }
        }
        for op in [CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge] {
            let name = op.dunder();
            let f = move |vm: &mut Vm, a: Args| {
                let (x, y) = (vm.unwrap_base(arg(vm, &a, 0)?), vm.unwrap_base(arg(vm, &a, 1)?));
                if matches!(x, Value::Instance(_)) || matches!(y, Value::Instance(_)) {
                    return Ok(Value::NotImplemented);
                }
                match vm.compare(&x, &y, op) {
                    Ok(v) => Ok(v),
                    Err(e) if vm.err_is(&e, "TypeError") => Ok(Value::NotImplemented),
                    Err(e) => Err(e),
                }
            };
            class
                .dict
                .borrow_mut()
                .insert(name.into(), Value::Native(Rc::new(NativeFn { name: name.into(), func: Rc::new(f), this: None })));
        }
    }
    let b = vm.builtins.clone();
    let t = &vm.types;
    for (name, class) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("float", &t.float),
        ("bool", &t.bool),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("super", &t.super_),
    ] {
        b.set(name, Value::Class(class.clone()));
    }
    for (name, class) in &t.exceptions {
        b.set(name, Value::Class(class.clone()));
    }
    b.set("NotImplemented", Value::NotImplemented);
    b.set("Ellipsis", Value::Ellipsis);
    b.set("__name__", Value::str("builtins"));
    add_function(&b, "print", print);
    add_function(&b, "len", |vm, a| {
        check_args(vm, &a, "len", 1, 1)?;
        Ok(Value::Int(vm.len(&a.pos[0])? as i64))
    });
    add_function(&b, "repr", |vm, a| {
        check_args(vm, &a, "repr", 1, 1)?;
        Ok(Value::str(vm.repr(&a.pos[0])?))
    });
    add_function(&b, "ascii", |vm, a| {
        check_args(vm, &a, "ascii", 1, 1)?;
        Ok(Value::str(repr::ascii(&vm.repr(&a.pos[0])?)))
    });
    add_function(&b, "format", |vm, a| {
        check_args(vm, &a, "format", 1, 2)?;
        let spec = match a.pos.get(1) {
            Some(s) => vm.str_of(s)?,
            None => String::new(),
        };
        Ok(Value::str(vm.format(&a.pos[0], &spec)?))
    });
    add_function(&b, "enumerate", |vm, mut a| {
        let start = a.take_kw("start").or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::Int(0));
        let Some(it) = a.pos.first() else {
            return vm.type_error("enumerate() missing required argument 'iterable' (pos 1)");
        };
        let it = vm.get_iter(it)?;
        Ok(iter_value(IterState::Enumerate { it, n: start }))
    });
    add_function(&b, "zip", |vm, mut a| {
        let strict = match a.take_kw("strict") {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let mut its = Vec::new();
        for x in &a.pos {
            its.push(vm.get_iter(x)?);
        }
        if its.is_empty() {
            return Ok(iter_value(IterState::Done("zip")));
        }
        Ok(iter_value(IterState::Zip { its, strict }))
    });
    add_function(&b, "map", |vm, a| {
        if a.pos.len() < 2 {
            return vm.type_error("map() must have at least two arguments.");
        }
        let mut its = Vec::new();
        for x in &a.pos[1..] {
            its.push(vm.get_iter(x)?);
        }
        Ok(iter_value(IterState::Map { f: a.pos[0].clone(), its }))
    });
    add_function(&b, "filter", |vm, a| {
        check_args(vm, &a, "filter", 2, 2)?;
        let it = vm.get_iter(&a.pos[1])?;
        Ok(iter_value(IterState::Filter { f: a.pos[0].clone(), it }))
    });
    add_function(&b, "iter", |vm, a| {
        check_args(vm, &a, "iter", 1, 2)?;
        if a.pos.len() == 2 {
            let (f, sentinel) = (a.pos[0].clone(), a.pos[1].clone());
            let mut done = false;
            return Ok(vm.native_iter("callable_iterator", move |vm| {
                if done {
                    return Ok(None);
                }
                let v = vm.call0(&f)?;
                if vm.eq(&v, &sentinel)? {
                    done = true;
                    return Ok(None);
                }
                Ok(Some(v))
            }));
        }
        vm.get_iter(&a.pos[0])
    });
    add_function(&b, "next", |vm, a| {
        check_args(vm, &a, "next", 1, 2)?;
        let it = &a.pos[0];
        if !matches!(it, Value::Iter(_) | Value::Generator(_) | Value::Instance(_)) {
            return vm.type_error(format!("'{}' object is not an iterator", vm.type_of(it).name));
        }
        if let Value::Generator(g) = it {
            return match vm.gen_resume(g, Value::None, None)? {
                crate::vm::generator::GenStep::Yielded(v) => Ok(v),
                crate::vm::generator::GenStep::Returned(v) => match a.pos.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(vm.make_exc(vm.exc_class("StopIteration"), if v.is_none() { vec![] } else { vec![v] })),
                },
            };
        }
        match vm.next(it)? {
            Some(v) => Ok(v),
            None => match a.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.make_exc(vm.exc_class("StopIteration"), vec![])),
            },
        }
    });
    add_function(&b, "sorted", |vm, mut a| {
        let key = a.take_kw("key");
        let reverse = match a.take_kw("reverse") {
            Some(r) => vm.truthy(&r)?,
            None => false,
        };
        if let Some((k, _)) = a.kw.first() {
            return vm.type_error(format!("sort() got an unexpected keyword argument '{k}'"));
        }
        check_args(vm, &a, "sorted", 1, 1)?;
        let items = vm.iterate(&a.pos[0])?;
        let items = vm.sort_values(items, key, reverse)?;
        Ok(Value::list(items))
    });
    add_function(&b, "reversed", |vm, a| {
        check_args(vm, &a, "reversed", 1, 1)?;
        let v = &a.pos[0];
        match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_) => {
                let mut items = vm.iterate(v)?;
                items.reverse();
                let name = match v {
                    Value::List(_) => "list_reverseiterator",
                    Value::Range(_) => "range_iterator",
                    _ => "reversed",
                };
                Ok(iter_value(IterState::Items { items, idx: 0, name }))
            }
            Value::Dict(_) => {
                let mut items = vm.iterate(v)?;
                items.reverse();
                Ok(iter_value(IterState::Items { items, idx: 0, name: "dict_reversekeyiterator" }))
            }
            Value::Instance(_) => {
                if let Some(r) = vm.call_special(v, "__reversed__", vec![])? {
                    return Ok(r);
                }
                let n = vm.len(v)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.getitem(v, &Value::Int(i as i64))?);
                }
                Ok(iter_value(IterState::Items { items, idx: 0, name: "reversed" }))
            }
            other => vm.type_error(format!("'{}' object is not reversible", vm.type_of(other).name)),
        }
    });
    add_function(&b, "min", |vm, a| min_max(vm, a, true));
    add_function(&b, "max", |vm, a| min_max(vm, a, false));
    add_function(&b, "sum", |vm, mut a| {
        let start = a.take_kw("start").or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::Int(0));
        if matches!(start, Value::Str(_)) {
            return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
        }
        let Some(it) = a.pos.first() else {
            return vm.type_error("sum() takes at least 1 positional argument (0 given)");
        };
        let items = vm.iterate(it)?;
        let mut acc = start;
        for x in items {
            acc = vm.binary_op(&acc, &x, BinOp::Add)?;
        }
        Ok(acc)
    });
    add_function(&b, "any", |vm, a| {
        check_args(vm, &a, "any", 1, 1)?;
        let it = vm.get_iter(&a.pos[0])?;
        while let Some(x) = vm.next(&it)? {
            if vm.truthy(&x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    });
    add_function(&b, "all", |vm, a| {
        check_args(vm, &a, "all", 1, 1)?;
        let it = vm.get_iter(&a.pos[0])?;
        while let Some(x) = vm.next(&it)? {
            if !vm.truthy(&x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    add_function(&b, "abs", |vm, a| {
        check_args(vm, &a, "abs", 1, 1)?;
        match &a.pos[0] {
            Value::Int(i) => Ok(i.checked_abs().map(Value::Int).unwrap_or_else(|| Value::bigint(BigInt::from(*i).abs()))),
            Value::BigInt(b) => Ok(Value::bigint(b.abs())),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(f) => Ok(Value::Float(f.abs())),
            v => match vm.call_special(v, "__abs__", vec![])? {
                Some(r) => Ok(r),
                None => vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_of(v).name)),
            },
        }
    });
    add_function(&b, "round", round);
    add_function(&b, "divmod", |vm, a| {
        check_args(vm, &a, "divmod", 2, 2)?;
        let q = vm.binary_op(&a.pos[0], &a.pos[1], BinOp::FloorDiv)?;
        let r = vm.binary_op(&a.pos[0], &a.pos[1], BinOp::Mod)?;
        Ok(Value::tuple(vec![q, r]))
    });
    add_function(&b, "pow", |vm, a| {
        check_args(vm, &a, "pow", 2, 3)?;
        if let Some(m) = a.pos.get(2) {
            if !m.is_none() {
                let (Some(x), Some(e), Some(m)) = (to_big(&a.pos[0]), to_big(&a.pos[1]), to_big(m)) else {
                    return vm.type_error("pow() 3rd argument not allowed unless all arguments are integers");
                };
                if m.is_zero() {
                    return vm.value_error("pow() 3rd argument cannot be 0");
                }
                if e.is_negative() {
                    return vm.not_implemented("pow() with a negative exponent and a modulus");
                }
                let r = x.modpow(&e, &m);
                let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) { r + &m } else { r };
                return Ok(Value::bigint(r));
            }
        }
        vm.binary_op(&a.pos[0], &a.pos[1], BinOp::Pow)
    });
    add_function(&b, "isinstance", |vm, a| {
        check_args(vm, &a, "isinstance", 2, 2)?;
        Ok(Value::Bool(vm.isinstance(&a.pos[0], &a.pos[1])?))
    });
    add_function(&b, "issubclass", |vm, a| {
        check_args(vm, &a, "issubclass", 2, 2)?;
        let Value::Class(c) = &a.pos[0] else {
            return vm.type_error("issubclass() arg 1 must be a class");
        };
        Ok(Value::Bool(vm.class_matches(c, &a.pos[1])?))
    });
    add_function(&b, "hasattr", |vm, a| {
        check_args(vm, &a, "hasattr", 2, 2)?;
        let name = attr_name(vm, &a.pos[1], "hasattr")?;
        Ok(Value::Bool(vm.hasattr(&a.pos[0], &name)?))
    });
    add_function(&b, "getattr", |vm, a| {
        check_args(vm, &a, "getattr", 2, 3)?;
        let name = attr_name(vm, &a.pos[1], "getattr")?;
        match a.pos.get(2) {
            Some(default) => match vm.getattr_opt(&a.pos[0], &name) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Ok(default.clone()),
                Err(e) if vm.err_is(&e, "AttributeError") => Ok(default.clone()),
                Err(e) => Err(e),
            },
            None => vm.getattr(&a.pos[0], &name),
        }
    });
    add_function(&b, "setattr", |vm, a| {
        check_args(vm, &a, "setattr", 3, 3)?;
        let name = attr_name(vm, &a.pos[1], "setattr")?;
        vm.setattr(&a.pos[0], &name, a.pos[2].clone())?;
        Ok(Value::None)
    });
    add_function(&b, "delattr", |vm, a| {
        check_args(vm, &a, "delattr", 2, 2)?;
        let name = attr_name(vm, &a.pos[1], "delattr")?;
        vm.delattr(&a.pos[0], &name)?;
        Ok(Value::None)
    });
    add_function(&b, "callable", |vm, a| {
        check_args(vm, &a, "callable", 1, 1)?;
        Ok(Value::Bool(vm.is_callable(&a.pos[0])))
    });
    add_function(&b, "id", |vm, a| {
        check_args(vm, &a, "id", 1, 1)?;
        let addr = vm.address(&a.pos[0]);
        Ok(Value::Int(i64::from_str_radix(addr.trim_start_matches("0x"), 16).unwrap_or(0)))
    });
    add_function(&b, "hash", |vm, a| {
        check_args(vm, &a, "hash", 1, 1)?;
        Ok(Value::Int(vm.key(&a.pos[0])?.py_hash()))
    });
    add_function(&b, "chr", |vm, a| {
        check_args(vm, &a, "chr", 1, 1)?;
        let n = vm.index_of(&a.pos[0], "chr")?;
        match u32::try_from(n).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::str(c.to_string())),
            None => vm.value_error("chr() arg not in range(0x110000)"),
        }
    });
    add_function(&b, "ord", |vm, a| {
        check_args(vm, &a, "ord", 1, 1)?;
        match &a.pos[0] {
            Value::Str(s) if s.chars == 1 => Ok(Value::Int(s.char_at(0) as i64)),
            Value::Str(s) => vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars)),
            other => vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_of(other).name)),
        }
    });
    add_function(&b, "hex", |vm, a| radix(vm, a, 16, "0x"));
    add_function(&b, "oct", |vm, a| radix(vm, a, 8, "0o"));
    add_function(&b, "bin", |vm, a| radix(vm, a, 2, "0b"));
    add_function(&b, "vars", |vm, a| {
        check_args(vm, &a, "vars", 1, 1)?;
        match vm.getattr_opt(&a.pos[0], "__dict__")? {
            Some(d) => Ok(d),
            None => vm.type_error("vars() argument must have __dict__ attribute"),
        }
    });
    add_function(&b, "dir", |vm, a| {
        check_args(vm, &a, "dir", 0, 1)?;
        let mut names: Vec<String> = Vec::new();
        match a.pos.first() {
            None => names.extend(vm.main.dict.borrow().keys().map(|k| k.to_string())),
            Some(Value::Module(m)) => names.extend(m.dict.borrow().keys().map(|k| k.to_string())),
            Some(v) => {
                if let Value::Instance(i) = v {
                    names.extend(i.dict.borrow().keys().map(|k| k.to_string()));
                }
                let class = match v {
                    Value::Class(c) => c.clone(),
                    other => vm.type_of(other),
                };
                for c in class.mro_all() {
                    names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
                }
                names.extend(["__class__".to_owned(), "__doc__".to_owned()]);
            }
        }
        names.sort();
        names.dedup();
        Ok(Value::list(names.into_iter().map(Value::str).collect()))
    });
    add_function(&b, "globals", |vm, _| Ok(vm.attrmap_to_dict(&vm.main.dict.borrow())));
    add_function(&b, "input", |vm, _| Err(vm.new_error("EOFError", "EOF when reading a line")));
    add_function(&b, "open", |vm, _| vm.not_implemented("files (open())"));
    add_function(&b, "eval", |vm, a| eval::run_source(vm, a, "eval"));
    add_function(&b, "bytearray", |vm, _| vm.not_implemented("bytearray"));
    add_function(&b, "memoryview", |vm, _| vm.not_implemented("memoryview"));
    add_function(&b, "complex", |vm, _| vm.not_implemented("complex numbers"));
    add_function(&b, "exec", |vm, a| eval::run_source(vm, a, "exec"));
    add_function(&b, "compile", eval::compile);
    add_function(&b, "breakpoint", |_, _| Ok(Value::None));
    add_function(&b, "exit", |vm, a| Err(vm.make_exc(vm.exc_class("SystemExit"), a.pos)));
    add_function(&b, "quit", |vm, a| Err(vm.make_exc(vm.exc_class("SystemExit"), a.pos)));
    add_function(&b, "__import__", |vm, a| {
        check_args(vm, &a, "__import__", 1, 5)?;
        let name = vm.str_of(&a.pos[0])?;
        let module = vm.import(&name)?;
        // (as CPython: `__import__("a.b")` is package `a`, unless a fromlist is given)
        let fromlist = a.pos.get(3).cloned().or_else(|| a.kw.iter().find(|(k, _)| &**k == "fromlist").map(|(_, v)| v.clone()));
        let wants_module = match fromlist {
            Some(f) => vm.truthy(&f)?,
            None => false,
        };
        match name.split_once('.') {
            Some((top, _)) if !wants_module => Ok(Value::Module(vm.import(top)?)),
            _ => Ok(Value::Module(module)),
        }
    });
}

fn attr_name(vm: &mut Vm, v: &Value, func: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.s.to_string()),
        other => vm.type_error(format!("{func}(): attribute name must be string, not '{}'", vm.type_of(other).name)),
    }
}

fn radix(vm: &mut Vm, a: Args, r: u32, prefix: &str) -> PyResult<Value> {
    check_args(vm, &a, "hex", 1, 1)?;
    let n = match to_big(&a.pos[0]) {
        Some(n) => n,
        None => match vm.call_special(&a.pos[0], "__index__", vec![])? {
            Some(v) => to_big(&v).unwrap_or_default(),
            None => return vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_of(&a.pos[0]).name)),
        },
    };
    let s = n.abs().to_str_radix(r);
    Ok(Value::str(if n.is_negative() { format!("-{prefix}{s}") } else { format!("{prefix}{s}") }))
}

fn print(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let sep = match a.take_kw("sep") {
        None | Some(Value::None) => " ".to_owned(),
        Some(Value::Str(s)) => s.s.to_string(),
        Some(other) => return vm.type_error(format!("sep must be None or a string, not {}", vm.type_of(&other).name)),
    };
    let end = match a.take_kw("end") {
        None | Some(Value::None) => "\n".to_owned(),
        Some(Value::Str(s)) => s.s.to_string(),
        Some(other) => return vm.type_error(format!("end must be None or a string, not {}", vm.type_of(&other).name)),
    };
    let file = a.take_kw("file");
    a.take_kw("flush");
    if let Some((k, _)) = a.kw.first() {
        return vm.type_error(format!("'{k}' is an invalid keyword argument for print()"));
    }
    // CPython writes each value, separator and the end on its own
    let mut pieces = Vec::with_capacity(a.pos.len() * 2);
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone());
        }
        pieces.push(vm.str_of(v)?);
    }
    pieces.push(end);
    let target = match file {
        None | Some(Value::None) => vm.redirected_stdout(),
        Some(f) => Some(f),
    };
    match target {
        None => vm.write(&pieces.concat()),
        Some(f) => {
            for piece in pieces {
                vm.call_method(&f, "write", vec![Value::str(piece)])?;
            }
        }
    }
    Ok(Value::None)
}

fn min_max(vm: &mut Vm, mut a: Args, is_min: bool) -> PyResult<Value> {
    let name = if is_min { "min" } else { "max" };
    let key = a.take_kw("key").filter(|k| !k.is_none());
    let default = a.take_kw("default");
    let items = if a.pos.len() == 1 {
        vm.iterate(&a.pos[0])?
    } else if a.pos.is_empty() {
        return vm.type_error(format!("{name} expected at least 1 argument, got 0"));
    } else {
        if default.is_some() {
            return vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments"));
        }
        a.pos.clone()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => vm.value_error(format!("{name}() arg is an empty sequence")),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call1(k, best.clone())?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call1(kf, it.clone())?,
            None => it.clone(),
        };
        let better = vm.compare(&k, &best_key, if is_min { CmpOp::Lt } else { CmpOp::Gt })?;
        if vm.truthy(&better)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn round(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let nd = a.take_kw("ndigits").or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::None);
    let Some(x) = a.pos.first().cloned() else {
        return vm.type_error("round() missing required argument 'number' (pos 1)");
    };
    match (&x, &nd) {
        (Value::Float(f), Value::None) => {
            if f.is_nan() {
                return vm.value_error("cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return Err(vm.new_error("OverflowError", "cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            Ok(match r.to_i64() {
                Some(i) if r.abs() < 9.0e18 => Value::Int(i),
                _ => Value::bigint(num_bigint::BigInt::from(r as i128)),
            })
        }
        (Value::Float(f), n) => {
            let n = vm.index_of(n, "round")?;
            if !f.is_finite() {
                return Ok(x.clone());
            }
            if n >= 0 {
                let s = format!("{:.*}", n.min(330) as usize, f);
                Ok(Value::Float(s.parse().unwrap_or(*f)))
            } else {
                let p = 10f64.powi((-n) as i32);
                let r = (f / p).round_ties_even() * p;
                Ok(Value::Float(r))
            }
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Value::None) => Ok(match x {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), n) => {
            let n = vm.index_of(n, "round")?;
            if n >= 0 {
                return Ok(x.clone());
            }
            let v = to_big(&x).expect("int");
            let p = num_traits::pow::pow(BigInt::from(10), (-n) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
            Ok(Value::bigint(q * p))
        }
        _ => match vm.call_special(&x, "__round__", if nd.is_none() { vec![] } else { vec![nd.clone()] })? {
            Some(r) => Ok(r),
            None => vm.type_error(format!("type {} doesn't define __round__ method", vm.type_of(&x).name)),
        },
    }
}

impl Vm {
    /// `isinstance(obj, cls)` (cls may be a tuple, or a typing alias with `__instancecheck__`).
    pub fn isinstance(&mut self, obj: &Value, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Class(c) => {
                if let Some(meta) = &c.meta {
                    if let Some(f) = self.lookup_user(meta, "__instancecheck__") {
                        let b = self.bind(f, cls, meta)?;
                        let r = self.call1(&b, obj.clone())?;
                        return self.truthy(&r);
                    }
                }
                Ok(self.type_of(obj).is_subclass(c))
            }
            Value::Tuple(t) => {
                for c in t.iter() {
                    if self.isinstance(obj, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Instance(_) => match self.call_special(cls, "__instancecheck__", vec![obj.clone()])? {
                Some(r) => self.truthy(&r),
                None => self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"),
            },
            _ => self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"),
        }
    }

    fn class_matches(&mut self, c: &Rc<Class>, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Class(k) => Ok(c.is_subclass(k)),
            Value::Tuple(t) => {
                for k in t.iter() {
                    if self.class_matches(c, k)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"),
        }
    }

    pub fn is_callable(&self, v: &Value) -> bool {
        match v {
            Value::Function(_) | Value::Native(_) | Value::Method(_) | Value::Class(_) | Value::StaticMethod(_) => true,
            Value::Instance(i) => i.class().lookup("__call__").is_some(),
            _ => false,
        }
    }

    /// Stable sort with Python's `<`, an optional key and `reverse`.
    pub fn sort_values(&mut self, items: Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<Vec<Value>> {
        let key = key.filter(|k| !k.is_none());
        let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
        for it in items {
            let k = match &key {
                Some(f) => self.call1(f, it.clone())?,
                None => it.clone(),
            };
            pairs.push((k, it));
        }
        if reverse {
            pairs.reverse();
        }
        let error: RefCell<Option<crate::object::PyErr>> = RefCell::new(None);
        let vm = RefCell::new(self);
        pairs.sort_by(|a, b| {
            if error.borrow().is_some() {
                return std::cmp::Ordering::Equal;
            }
            let mut vm = vm.borrow_mut();
            let lt = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
                if let (Value::Int(p), Value::Int(q)) = (x, y) {
                    return Ok(p < q);
                }
                if let (Value::Str(p), Value::Str(q)) = (x, y) {
                    return Ok(p.s < q.s);
                }
                let r = vm.compare(x, y, CmpOp::Lt)?;
                vm.truthy(&r)
            };
            match lt(&mut vm, &a.0, &b.0) {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => match lt(&mut vm, &b.0, &a.0) {
                    Ok(true) => std::cmp::Ordering::Greater,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        *error.borrow_mut() = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    *error.borrow_mut() = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
        if let Some(e) = error.into_inner() {
            return Err(e);
        }
        let mut out: Vec<Value> = pairs.into_iter().map(|(_, v)| v).collect();
        if reverse {
            out.reverse();
        }
        Ok(out)
    }
}

/// `range(...)`.
pub fn make_range(vm: &mut Vm, a: &[Value]) -> PyResult<Value> {
    let mut ints = Vec::new();
    for v in a {
        match v {
            Value::Int(i) => ints.push(*i),
            Value::Bool(b) => ints.push(*b as i64),
            other => {
                let base = vm.unwrap_base(other);
                match base {
                    Value::Int(i) => ints.push(i),
                    _ => return vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_of(other).name)),
                }
            }
        }
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return vm.type_error("range expected at least 1 argument, got 0"),
        _ => return vm.type_error(format!("range expected at most 3 arguments, got {}", ints.len())),
    };
    if step == 0 {
        return vm.value_error("range() arg 3 must not be zero");
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}
