//! `str` (and a little of `bytes`): the constructor and the methods
//! learners use, with CPython's semantics for `split`, `strip`, `find`, ...

use std::rc::Rc;

use crate::builtins::{add_method, check_args};
use crate::object::{Args, PyResult};
use crate::value::{PyStr, Value};
use crate::vm::Vm;

/// The `str` behind `self` (a str or an instance of a str subclass).
fn this_str(vm: &mut Vm, a: &Args) -> PyResult<Rc<PyStr>> {
    match a.pos.first().map(|v| vm.unwrap_base(v)) {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => vm.type_error(format!("descriptor requires a 'str' object but received a '{}'", vm.type_of(&other).name)),
        None => vm.type_error("descriptor needs an argument"),
    }
}

fn str_arg(vm: &mut Vm, a: &Args, i: usize, what: &str) -> PyResult<Option<String>> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.unwrap_base(v) {
            Value::Str(s) => Ok(Some(s.s.to_string())),
            other => vm.type_error(format!("{what} arg must be None or str, not {}", vm.type_of(&other).name)),
        },
    }
}

fn must_str(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match vm.unwrap_base(v) {
        Value::Str(s) => Ok(s.s.to_string()),
        other => vm.type_error(format!("{what}must be str, not {}", vm.type_of(&other).name)),
    }
}

fn int_arg(vm: &mut Vm, a: &Args, i: usize, default: i64) -> PyResult<i64> {
    match a.pos.get(i) {
        None | Some(Value::None) => Ok(default),
        Some(v) => vm.index_of(v, "slice"),
    }
}

/// Char offset range [start, end) from optional start/end args.
fn char_range(vm: &mut Vm, a: &Args, si: usize, len: usize) -> PyResult<(usize, usize)> {
    let s = Value::Slice(Rc::new([
        a.pos.get(si).cloned().unwrap_or(Value::None),
        a.pos.get(si + 1).cloned().unwrap_or(Value::None),
        Value::None,
    ]));
    let Value::Slice(s) = s else { unreachable!("slice") };
    let (start, stop, _) = vm.slice_bounds(&s, len)?;
    Ok((start.max(0) as usize, stop.max(0) as usize))
}

/// Byte offset of char index `i`.
fn byte_at(s: &PyStr, i: usize) -> usize {
    if s.is_ascii() {
        return i.min(s.s.len());
    }
    s.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.s.len())
}

fn char_index(s: &str, byte: usize) -> usize {
    s[..byte].chars().count()
}

fn split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest.to_owned());
            return out;
        }
        match rest.find(char::is_whitespace) {
            Some(i) => {
                out.push(rest[..i].to_owned());
                rest = rest[i..].trim_start();
            }
            None => {
                out.push(rest.to_owned());
                rest = "";
            }
        }
    }
    out
}

fn strs(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(Value::str).collect())
}

pub fn install(vm: &mut Vm) {
    let c = vm.types.str.clone();
    add_method(&c, "__new__", |vm, a| {
        let v = match a.pos.get(1) {
            None => Value::str(""),
            Some(Value::Bytes(b)) if a.pos.len() > 2 || !a.kw.is_empty() => Value::str(String::from_utf8_lossy(b).to_string()),
            Some(x) => Value::str(vm.str_of(x)?),
        };
        let s = vm.types.str.clone();
        Ok(crate::builtins::num::for_class(vm, &a.pos[0], v, &s))
    });
    add_method(&c, "join", |vm, a| {
        check_args(vm, &a, "join", 2, 2)?;
        let sep = this_str(vm, &a)?;
        let items = vm.iterate(&a.pos[1])?;
        let mut parts = Vec::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            match vm.unwrap_base(it) {
                Value::Str(s) => parts.push(s),
                other => return vm.type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_of(&other).name)),
            }
        }
        let total: usize = parts.iter().map(|p| p.s.len()).sum::<usize>() + sep.s.len() * parts.len();
        vm.check_size(total)?;
        let mut out = String::with_capacity(total);
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep.s);
            }
            out.push_str(&p.s);
        }
        Ok(Value::str(out))
    });
    add_method(&c, "split", |vm, mut a| split(vm, &mut a, false));
    add_method(&c, "rsplit", |vm, mut a| split(vm, &mut a, true));
    add_method(&c, "splitlines", |vm, mut a| {
        let keep = match a.take_kw("keepends").or_else(|| a.pos.get(1).cloned()) {
            Some(v) => vm.truthy(&v)?,
            None => false,
        };
        let s = this_str(vm, &a)?;
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut chars = s.s.chars().peekable();
        while let Some(ch) = chars.next() {
            if matches!(ch, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}') {
                let mut end = ch.to_string();
                if ch == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                    end.push('\n');
                }
                if keep {
                    cur.push_str(&end);
                }
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push(ch);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        Ok(strs(out))
    });
    add_method(&c, "strip", |vm, a| strip(vm, a, true, true));
    add_method(&c, "lstrip", |vm, a| strip(vm, a, true, false));
    add_method(&c, "rstrip", |vm, a| strip(vm, a, false, true));
    add_method(&c, "upper", |vm, a| Ok(Value::str(this_str(vm, &a)?.s.to_uppercase())));
    add_method(&c, "lower", |vm, a| Ok(Value::str(this_str(vm, &a)?.s.to_lowercase())));
    add_method(&c, "casefold", |vm, a| Ok(Value::str(this_str(vm, &a)?.s.to_lowercase())));
    add_method(&c, "swapcase", |vm, a| {
        let s = this_str(vm, &a)?;
        Ok(Value::str(
            s.s.chars()
                .map(|c| if c.is_uppercase() { c.to_lowercase().to_string() } else { c.to_uppercase().to_string() })
                .collect::<String>(),
        ))
    });
    add_method(&c, "capitalize", |vm, a| {
        let s = this_str(vm, &a)?;
        let mut chars = s.s.chars();
        Ok(Value::str(match chars.next() {
            Some(f) => f.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
            None => String::new(),
        }))
    });
    add_method(&c, "title", |vm, a| {
        let s = this_str(vm, &a)?;
        let mut out = String::new();
        let mut prev_cased = false;
        for ch in s.s.chars() {
            if ch.is_alphabetic() {
                if prev_cased {
                    out.extend(ch.to_lowercase());
                } else {
                    out.extend(ch.to_uppercase());
                }
                prev_cased = true;
            } else {
                out.push(ch);
                prev_cased = false;
            }
        }
        Ok(Value::str(out))
    });
    add_method(&c, "startswith", |vm, a| starts_ends(vm, a, true));
    add_method(&c, "endswith", |vm, a| starts_ends(vm, a, false));
    add_method(&c, "find", |vm, a| find(vm, a, false, false));
    add_method(&c, "rfind", |vm, a| find(vm, a, true, false));
    add_method(&c, "index", |vm, a| find(vm, a, false, true));
    add_method(&c, "rindex", |vm, a| find(vm, a, true, true));
    add_method(&c, "count", |vm, a| {
        check_args(vm, &a, "count", 2, 4)?;
        let s = this_str(vm, &a)?;
        let sub = must_str(vm, &a.pos[1], "")?;
        let (start, end) = char_range(vm, &a, 2, s.chars)?;
        if start > end {
            return Ok(Value::Int(0));
        }
        let hay = s.substr(start, end);
        let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub.as_str()).count() };
        Ok(Value::Int(n as i64))
    });
    add_method(&c, "replace", |vm, a| {
        check_args(vm, &a, "replace", 3, 4)?;
        let s = this_str(vm, &a)?;
        let old = must_str(vm, &a.pos[1], "replace() argument 1 ")?;
        let new = must_str(vm, &a.pos[2], "replace() argument 2 ")?;
        let count = int_arg(vm, &a, 3, -1)?;
        let r = if count < 0 { s.s.replace(&old, &new) } else { s.s.replacen(&old, &new, count as usize) };
        vm.check_size(r.len())?;
        Ok(Value::str(r))
    });
    add_method(&c, "format", |vm, a| {
        let s = this_str(vm, &a)?;
        let args = Args { pos: a.pos[1..].to_vec(), kw: a.kw.clone() };
        Ok(Value::str(vm.str_format(&s.s, &args)?))
    });
    add_method(&c, "format_map", |vm, a| {
        check_args(vm, &a, "format_map", 2, 2)?;
        let s = this_str(vm, &a)?;
        let pairs = vm.mapping_pairs(&a.pos[1])?;
        let mut kw = Vec::new();
        for (k, v) in pairs {
            kw.push((Rc::from(vm.str_of(&k)?.as_str()), v));
        }
        Ok(Value::str(vm.str_format(&s.s, &Args { pos: vec![], kw })?))
    });
    add_method(&c, "center", |vm, a| justify(vm, a, '^'));
    add_method(&c, "ljust", |vm, a| justify(vm, a, '<'));
    add_method(&c, "rjust", |vm, a| justify(vm, a, '>'));
    add_method(&c, "zfill", |vm, a| {
        check_args(vm, &a, "zfill", 2, 2)?;
        let s = this_str(vm, &a)?;
        let w = vm.index_of(&a.pos[1], "zfill")?.max(0) as usize;
        if s.chars >= w {
            return Ok(Value::Str(s));
        }
        let (sign, rest) = match s.s.chars().next() {
            Some(c @ ('+' | '-')) => (c.to_string(), &s.s[1..]),
            _ => (String::new(), &s.s[..]),
        };
        Ok(Value::str(format!("{sign}{}{rest}", "0".repeat(w - s.chars))))
    });
    for (name, pred) in [
        ("isdigit", (|c: char| is_decimal(c) || is_digit_only(c)) as fn(char) -> bool),
        ("isdecimal", is_decimal),
        ("isnumeric", |c: char| c.is_numeric()),
        ("isalpha", |c: char| c.is_alphabetic()),
        ("isalnum", |c: char| c.is_alphanumeric()),
        ("isspace", |c: char| c.is_whitespace()),
        ("isascii", |c: char| c.is_ascii()),
        ("isprintable", crate::builtins::repr::is_printable),
    ] {
        c.dict.borrow_mut().insert(
            name.into(),
            Value::Native(Rc::new(crate::object::NativeFn {
                name: name.into(),
                func: Rc::new(move |vm: &mut Vm, a: Args| {
                    let s = this_str(vm, &a)?;
                    let empty_ok = matches!(name, "isascii" | "isprintable");
                    Ok(Value::Bool((empty_ok || !s.s.is_empty()) && s.s.chars().all(pred)))
                }),
                this: None,
            })),
        );
    }
    add_method(&c, "isupper", |vm, a| {
        let s = this_str(vm, &a)?;
        Ok(Value::Bool(s.s.chars().any(|c| c.is_uppercase()) && !s.s.chars().any(|c| c.is_lowercase())))
    });
    add_method(&c, "islower", |vm, a| {
        let s = this_str(vm, &a)?;
        Ok(Value::Bool(s.s.chars().any(|c| c.is_lowercase()) && !s.s.chars().any(|c| c.is_uppercase())))
    });
    add_method(&c, "istitle", |vm, a| {
        let s = this_str(vm, &a)?;
        let title = s.s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).all(|w| {
            let mut ch = w.chars();
            ch.next().map(|f| f.is_uppercase()).unwrap_or(false) && ch.all(|c| !c.is_uppercase())
        });
        Ok(Value::Bool(title && s.s.chars().any(|c| c.is_alphabetic())))
    });
    add_method(&c, "isidentifier", |vm, a| {
        let s = this_str(vm, &a)?;
        let mut ch = s.s.chars();
        Ok(Value::Bool(ch.next().map(|f| f == '_' || f.is_alphabetic()).unwrap_or(false) && ch.all(|c| c == '_' || c.is_alphanumeric())))
    });
    add_method(&c, "partition", |vm, a| partition(vm, a, false));
    add_method(&c, "rpartition", |vm, a| partition(vm, a, true));
    add_method(&c, "removeprefix", |vm, a| {
        let s = this_str(vm, &a)?;
        let p = must_str(vm, &a.pos[1], "removeprefix() argument ")?;
        Ok(Value::str(s.s.strip_prefix(p.as_str()).unwrap_or(&s.s)))
    });
    add_method(&c, "removesuffix", |vm, a| {
        let s = this_str(vm, &a)?;
        let p = must_str(vm, &a.pos[1], "removesuffix() argument ")?;
        Ok(Value::str(s.s.strip_suffix(p.as_str()).unwrap_or(&s.s)))
    });
    add_method(&c, "expandtabs", |vm, a| {
        let s = this_str(vm, &a)?;
        let size = int_arg(vm, &a, 1, 8)?.max(0) as usize;
        let mut out = String::new();
        let mut col = 0;
        for ch in s.s.chars() {
            match ch {
                '\t' => {
                    if size > 0 {
                        let n = size - col % size;
                        out += &" ".repeat(n);
                        col += n;
                    }
                }
                '\n' | '\r' => {
                    out.push(ch);
                    col = 0;
                }
                c => {
                    out.push(c);
                    col += 1;
                }
            }
        }
        Ok(Value::str(out))
    });
    let maketrans = vm.native("maketrans", |vm, a| {
        let mut d = crate::dict::Dict::default();
        match a.pos.as_slice() {
            [Value::Dict(m)] => {
                for (k, v) in m.borrow().values().cloned().collect::<Vec<_>>() {
                    let k = match k {
                        Value::Str(s) if s.chars == 1 => Value::Int(s.char_at(0) as i64),
                        other => other,
                    };
                    vm.dict_insert(&mut d, k, v)?;
                }
            }
            [Value::Str(x), Value::Str(y), rest @ ..] => {
                if x.chars != y.chars {
                    return vm.value_error("the first two maketrans arguments must have equal length");
                }
                for (p, q) in x.s.chars().zip(y.s.chars()) {
                    vm.dict_insert(&mut d, Value::Int(p as i64), Value::Int(q as i64))?;
                }
                if let Some(Value::Str(z)) = rest.first() {
                    for p in z.s.chars() {
                        vm.dict_insert(&mut d, Value::Int(p as i64), Value::None)?;
                    }
                }
            }
            _ => return vm.type_error("maketrans() argument must be a dict or two strings"),
        }
        Ok(Value::dict(d))
    });
    c.dict.borrow_mut().insert("maketrans".into(), Value::StaticMethod(Rc::new(maketrans)));
    add_method(&c, "translate", |vm, a| {
        check_args(vm, &a, "translate", 2, 2)?;
        let s = this_str(vm, &a)?;
        let mut out = String::with_capacity(s.s.len());
        for ch in s.s.chars() {
            match vm.getitem(&a.pos[1], &Value::Int(ch as i64)) {
                Ok(Value::None) => {}
                Ok(Value::Int(n)) => out.push(char::from_u32(n as u32).unwrap_or('\u{fffd}')),
                Ok(Value::Str(r)) => out.push_str(&r.s),
                Ok(other) => {
                    return vm.type_error(format!("character mapping must return integer, None or str, not {}", vm.type_of(&other).name))
                }
                Err(e) if vm.err_is(&e, "LookupError") => out.push(ch),
                Err(e) => return Err(e),
            }
        }
        Ok(Value::str(out))
    });
    add_method(&c, "encode", |vm, a| {
        let s = this_str(vm, &a)?;
        Ok(Value::Bytes(Rc::new(s.s.as_bytes().to_vec())))
    });
    crate::builtins::add_base_delegates(&c, &["__getitem__", "__len__", "__contains__"]);
    add_method(&c, "__hash__", |vm, a| {
        let b = vm.unwrap_base(&a.pos[0]);
        Ok(Value::Int(vm.key(&b)?.py_hash()))
    });
    add_method(&c, "__eq__", |vm, a| {
        let (x, y) = (vm.unwrap_base(&a.pos[0]), vm.unwrap_base(&a.pos[1]));
        match (&x, &y) {
            (Value::Str(p), Value::Str(q)) => Ok(Value::Bool(p.s == q.s)),
            _ => Ok(Value::NotImplemented),
        }
    });
    add_method(&c, "__str__", |vm, a| Ok(vm.unwrap_base(&a.pos[0])));
    add_method(&c, "__format__", |vm, a| {
        let b = vm.unwrap_base(&a.pos[0]);
        let spec = vm.str_of(&a.pos[1])?;
        Ok(Value::str(vm.format(&b, &spec)?))
    });
    let bytes = vm.types.bytes.clone();
    add_method(&bytes, "__new__", |vm, a| match a.pos.get(1) {
        None => Ok(Value::Bytes(Rc::new(Vec::new()))),
        Some(Value::Str(s)) => {
            if a.pos.len() < 3 && a.kw.is_empty() {
                return vm.type_error("string argument without an encoding");
            }
            Ok(Value::Bytes(Rc::new(s.s.as_bytes().to_vec())))
        }
        Some(Value::Int(n)) => {
            vm.check_size(*n as usize)?;
            Ok(Value::Bytes(Rc::new(vec![0; (*n).max(0) as usize])))
        }
        Some(Value::Bytes(b)) => Ok(Value::Bytes(b.clone())),
        Some(other) => {
            let mut out = Vec::new();
            for x in vm.iterate(other)? {
                match x {
                    Value::Int(n) if (0..256).contains(&n) => out.push(n as u8),
                    _ => return vm.value_error("bytes must be in range(0, 256)"),
                }
            }
            Ok(Value::Bytes(Rc::new(out)))
        }
    });
    add_method(&bytes, "decode", |vm, a| match &a.pos[0] {
        Value::Bytes(b) => match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => Err(vm.new_error(
                "UnicodeDecodeError",
                format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[e.valid_up_to()], e.valid_up_to()),
            )),
        },
        _ => vm.type_error("decode() needs bytes"),
    });
    for name in ["upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize", "swapcase"] {
        bytes.dict.borrow_mut().insert(
            name.into(),
            vm.native(name, move |vm, a| {
                let Value::Bytes(b) = &a.pos[0] else {
                    return vm.type_error("bytes expected");
                };
                let s: String = b.iter().map(|&c| c as char).collect();
                let mut args = vec![Value::str(s)];
                for x in &a.pos[1..] {
                    args.push(match x {
                        Value::Bytes(xb) => Value::str(xb.iter().map(|&c| c as char).collect::<String>()),
                        other => other.clone(),
                    });
                }
                let f = vm.types.str.lookup(name).expect("a str method");
                let r = vm.call(&f, Args::new(args))?;
                Ok(match r {
                    Value::Str(s) => Value::Bytes(Rc::new(s.s.chars().map(|c| c as u32 as u8).collect())),
                    other => other,
                })
            }),
        );
    }
    add_method(&bytes, "split", |vm, a| {
        let Value::Bytes(b) = &a.pos[0] else {
            return vm.type_error("bytes expected");
        };
        let parts: Vec<Value> = match a.pos.get(1) {
            Some(Value::Bytes(sep)) if !sep.is_empty() => {
                let mut out = Vec::new();
                let mut start = 0;
                let mut i = 0;
                while i + sep.len() <= b.len() {
                    if b[i..i + sep.len()] == sep[..] {
                        out.push(Value::Bytes(Rc::new(b[start..i].to_vec())));
                        i += sep.len();
                        start = i;
                    } else {
                        i += 1;
                    }
                }
                out.push(Value::Bytes(Rc::new(b[start..].to_vec())));
                out
            }
            _ => b.split(|c| c.is_ascii_whitespace()).filter(|p| !p.is_empty()).map(|p| Value::Bytes(Rc::new(p.to_vec()))).collect(),
        };
        Ok(Value::list(parts))
    });
    add_method(&bytes, "startswith", |vm, a| match (&a.pos[0], a.pos.get(1)) {
        (Value::Bytes(b), Some(Value::Bytes(p))) => Ok(Value::Bool(b.starts_with(p))),
        _ => vm.type_error("startswith first arg must be bytes"),
    });
    add_method(&bytes, "endswith", |vm, a| match (&a.pos[0], a.pos.get(1)) {
        (Value::Bytes(b), Some(Value::Bytes(p))) => Ok(Value::Bool(b.ends_with(p))),
        _ => vm.type_error("endswith first arg must be bytes"),
    });
    let fromhex = vm.native("fromhex", |vm, a| {
        let s = match a.pos.last() {
            Some(Value::Str(s)) => s.s.replace(' ', ""),
            _ => return vm.type_error("fromhex() argument must be str"),
        };
        let mut out = Vec::new();
        for i in (0..s.len()).step_by(2) {
            match u8::from_str_radix(s.get(i..i + 2).unwrap_or("x"), 16) {
                Ok(v) => out.push(v),
                Err(_) => return vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")),
            }
        }
        Ok(Value::Bytes(Rc::new(out)))
    });
    bytes.dict.borrow_mut().insert("fromhex".into(), Value::ClassMethod(Rc::new(fromhex)));
    add_method(&bytes, "hex", |vm, a| match &a.pos[0] {
        Value::Bytes(b) => Ok(Value::str(b.iter().map(|x| format!("{x:02x}")).collect::<String>())),
        _ => vm.type_error("hex() needs bytes"),
    });
}

/// Unicode decimal digits (category Nd), approximated: numeric characters
/// that are not superscripts, fractions, Roman numerals, circled numbers or
/// CJK numerals.
fn is_decimal(c: char) -> bool {
    c.is_ascii_digit()
        || (c.is_numeric()
            && !is_digit_only(c)
            && !matches!(c as u32, 0xbc..=0xbe | 0x2150..=0x218f | 0x3007 | 0x3021..=0x3029 | 0x4e00..=0x9fff | 0x2cfd | 0xa830..=0xa835 | 0x10107..=0x10133))
}

/// Digits that are not decimal: superscripts, subscripts, circled digits.
fn is_digit_only(c: char) -> bool {
    matches!(c as u32, 0xb2 | 0xb3 | 0xb9 | 0x2070..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24ea..=0x24ff | 0x2776..=0x277e | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x1369..=0x1371)
}

fn split(vm: &mut Vm, a: &mut Args, right: bool) -> PyResult<Value> {
    let maxsplit = a.take_kw("maxsplit");
    let sep_kw = a.take_kw("sep");
    let s = this_str(vm, a)?;
    let sep = match sep_kw {
        Some(v) => {
            let b = Args::new(vec![Value::None, v]);
            str_arg(vm, &b, 1, "sep")?
        }
        None => str_arg(vm, a, 1, "sep")?,
    };
    let maxsplit = match maxsplit {
        Some(v) => vm.index_of(&v, "maxsplit")?,
        None => int_arg(vm, a, 2, -1)?,
    };
    match sep {
        None => {
            if right {
                let rev: String = s.s.chars().rev().collect();
                let mut parts = split_whitespace(&rev, maxsplit);
                parts.reverse();
                Ok(strs(parts.into_iter().map(|p| p.chars().rev().collect()).collect()))
            } else {
                Ok(strs(split_whitespace(&s.s, maxsplit)))
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return vm.value_error("empty separator");
            }
            let parts: Vec<String> = if maxsplit < 0 {
                s.s.split(sep.as_str()).map(str::to_owned).collect()
            } else if right {
                let mut p: Vec<String> = s.s.rsplitn(maxsplit as usize + 1, sep.as_str()).map(str::to_owned).collect();
                p.reverse();
                p
            } else {
                s.s.splitn(maxsplit as usize + 1, sep.as_str()).map(str::to_owned).collect()
            };
            Ok(strs(parts))
        }
    }
}

fn strip(vm: &mut Vm, a: Args, left: bool, right: bool) -> PyResult<Value> {
    let s = this_str(vm, &a)?;
    let chars = str_arg(vm, &a, 1, "strip")?;
    let r: &str = match &chars {
        None => match (left, right) {
            (true, true) => s.s.trim(),
            (true, false) => s.s.trim_start(),
            _ => s.s.trim_end(),
        },
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let mut t: &str = &s.s;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t
        }
    };
    Ok(Value::str(r))
}

fn starts_ends(vm: &mut Vm, a: Args, start: bool) -> PyResult<Value> {
    check_args(vm, &a, if start { "startswith" } else { "endswith" }, 2, 4)?;
    let s = this_str(vm, &a)?;
    let (from, to) = char_range(vm, &a, 2, s.chars)?;
    let hay = if from <= to {
        s.substr(from, to).to_owned()
    } else {
        return Ok(Value::Bool(false));
    };
    let prefixes: Vec<Value> = match &a.pos[1] {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    for p in prefixes {
        let p = match vm.unwrap_base(&p) {
            Value::Str(p) => p,
            other => {
                let what = if start { "startswith" } else { "endswith" };
                return vm.type_error(format!("{what} first arg must be str or a tuple of str, not {}", vm.type_of(&other).name));
            }
        };
        let hit = if start { hay.starts_with(&*p.s) } else { hay.ends_with(&*p.s) };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn find(vm: &mut Vm, a: Args, right: bool, raise: bool) -> PyResult<Value> {
    check_args(vm, &a, "find", 2, 4)?;
    let s = this_str(vm, &a)?;
    let sub = must_str(vm, &a.pos[1], "")?;
    let (start, end) = char_range(vm, &a, 2, s.chars)?;
    let found = if start > end {
        None
    } else {
        let base = byte_at(&s, start);
        let hay = &s.s[base..byte_at(&s, end)];
        let r = if right { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
        r.map(|b| char_index(&s.s, base + b))
    };
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => vm.value_error("substring not found"),
        None => Ok(Value::Int(-1)),
    }
}

fn justify(vm: &mut Vm, a: Args, align: char) -> PyResult<Value> {
    check_args(vm, &a, "center", 2, 3)?;
    let s = this_str(vm, &a)?;
    let w = vm.index_of(&a.pos[1], "width")?.max(0) as usize;
    let fill = match a.pos.get(2) {
        Some(Value::Str(f)) if f.chars == 1 => f.s.chars().next().unwrap_or(' '),
        Some(_) => return vm.type_error("The fill character must be exactly one character long"),
        None => ' ',
    };
    if s.chars >= w {
        return Ok(Value::Str(s));
    }
    let n = w - s.chars;
    let f = |k: usize| fill.to_string().repeat(k);
    Ok(Value::str(match align {
        '<' => format!("{}{}", s.s, f(n)),
        '>' => format!("{}{}", f(n), s.s),
        _ => {
            // CPython puts the extra fill on the right when the string length is even... on the left when odd
            let left = n / 2 + (n & w & 1);
            format!("{}{}{}", f(left), s.s, f(n - left))
        }
    }))
}

fn partition(vm: &mut Vm, a: Args, right: bool) -> PyResult<Value> {
    check_args(vm, &a, "partition", 2, 2)?;
    let s = this_str(vm, &a)?;
    let sep = must_str(vm, &a.pos[1], "")?;
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let found = if right { s.s.rfind(sep.as_str()) } else { s.s.find(sep.as_str()) };
    let parts = match found {
        Some(i) => [s.s[..i].to_owned(), sep.clone(), s.s[i + sep.len()..].to_owned()],
        None if right => [String::new(), String::new(), s.s.to_string()],
        None => [s.s.to_string(), String::new(), String::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(Value::str).collect()))
}
