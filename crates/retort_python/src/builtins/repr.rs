//! `repr()` and `str()` with CPython's exact output: quoting of strings,
//! shortest round-trip floats, containers (with `[...]` for cycles),
//! default object reprs with a stable address, exception reprs.

use std::rc::Rc;

use crate::object::{Payload, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// CPython's limit on int → str conversion (sys.get_int_max_str_digits()).
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `repr(float)`: the shortest string that round-trips, in Python's layout.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let e = format!("{:e}", f);
    let (mant, exp) = e.split_once('e').expect("exponent");
    let exp: i32 = exp.parse().expect("int exponent");
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let e = exp as usize;
            if digits.len() > e + 1 {
                out += &digits[..e + 1];
                out.push('.');
                out += &digits[e + 1..];
            } else {
                out += &digits;
                out += &"0".repeat(e + 1 - digits.len());
                out += ".0";
            }
        } else {
            out += "0.";
            out += &"0".repeat((-exp - 1) as usize);
            out += &digits;
        }
    } else {
        out += &digits[..1];
        if digits.len() > 1 {
            out.push('.');
            out += &digits[1..];
        }
        out += &format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

/// `repr(str)`: single quotes unless the text has ' and no ".
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out += "\\\\",
            '\n' => out += "\\n",
            '\r' => out += "\\r",
            '\t' => out += "\\t",
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out += &format!("\\x{:02x}", c as u32),
            c if !is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out += &format!("\\x{n:02x}");
                } else if n <= 0xffff {
                    out += &format!("\\u{n:04x}");
                } else {
                    out += &format!("\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(n < 0x20 || (0x7f..0xa0).contains(&n) || n == 0xad || (0xd800..0xe000).contains(&n) || n == 0x2028 || n == 0x2029 || n == 0xfeff)
        && !matches!(n, 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0xe000..=0xf8ff | 0xfff9..=0xfffb)
        // space separators other than ' ' (category Zs) are not printable
        && !matches!(n, 0xa0 | 0x1680 | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out += "\\\\",
            b'\n' => out += "\\n",
            b'\r' => out += "\\r",
            b'\t' => out += "\\t",
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out += &format!("\\x{c:02x}"),
        }
    }
    out.push(quote);
    out
}

/// `ascii()`: escapes non-ASCII characters of a repr.
pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out += &format!("\\x{n:02x}");
        } else if n <= 0xffff {
            out += &format!("\\u{n:04x}");
        } else {
            out += &format!("\\U{n:08x}");
        }
    }
    out
}

impl Vm {
    /// A stable, per-run address for `<... at 0x...>` reprs.
    pub fn address(&self, v: &Value) -> String {
        match v {
            Value::Instance(i) => format!("0x7f3a{:08x}", 0x1000_0000u64 + i.serial * 0x40),
            other => format!("0x7f3b{:08x}", (other.identity() as u64 & 0x0fff_ffff) << 4),
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => {
                let s = b.to_string();
                if s.trim_start_matches('-').len() > INT_MAX_STR_DIGITS {
                    return self.value_error(format!(
                        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    ));
                }
                s
            }
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(&s.s),
            Value::Bytes(b) => bytes_repr(b),
            Value::List(l) => {
                if self.repr_enter(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.join_reprs(&items);
                self.repr_leave();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr(&t[0])?)
                } else {
                    if self.repr_enter(v) {
                        return Ok("(...)".into());
                    }
                    let r = self.join_reprs(t);
                    self.repr_leave();
                    format!("({})", r?)
                }
            }
            Value::Dict(d) => {
                if self.repr_enter(v) {
                    return Ok("{...}".into());
                }
                let items: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
                let r = (|| {
                    let mut parts = Vec::with_capacity(items.len());
                    for (k, val) in &items {
                        parts.push(format!("{}: {}", self.repr(k)?, self.repr(val)?));
                    }
                    Ok(parts.join(", "))
                })();
                self.repr_leave();
                format!("{{{}}}", r?)
            }
            Value::Set(s) => {
                let items: Vec<Value> = crate::builtins::set_order(&s.borrow());
                if items.is_empty() {
                    "set()".into()
                } else {
                    if self.repr_enter(v) {
                        return Ok("set(...)".into());
                    }
                    let r = self.join_reprs(&items);
                    self.repr_leave();
                    format!("{{{}}}", r?)
                }
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = crate::builtins::set_order(s);
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(&items)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!("slice({}, {}, {})", self.repr(&s[0])?, self.repr(&s[1])?, self.repr(&s[2])?),
            Value::Function(f) => {
                format!("<function {} at {}>", f.qualname.borrow(), self.address(v))
            }
            Value::Native(n) => match &n.this {
                Some(this) => format!("<built-in method {} of {} object at {}>", n.name, self.type_of(this).name, self.address(this)),
                None => format!("<built-in function {}>", n.name),
            },
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Native(n) => n.name.to_string(),
                    _ => "?".into(),
                };
                if let Value::Native(n) = &m.func {
                    if !matches!(m.this, Value::Instance(_) | Value::Class(_)) {
                        return Ok(format!(
                            "<built-in method {} of {} object at {}>",
                            n.name,
                            self.type_of(&m.this).name,
                            self.address(&m.this)
                        ));
                    }
                }
                let this = m.this.clone();
                format!("<bound method {} of {}>", fname, self.repr(&this)?)
            }
            Value::Class(c) => {
                if let Some(meta) = &c.meta {
                    if let Some(r) = self.lookup_user(meta, "__repr__") {
                        let b = self.bind(r, v, meta)?;
                        let s = self.call0(&b)?;
                        return self.str_of(&s);
                    }
                }
                format!("<class '{}'>", c.full_name())
            }
            Value::Instance(i) => return self.instance_repr(v, i),
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Iter(it) => format!("<{} object at {}>", it.borrow().name(), self.address(v)),
            Value::Generator(g) => format!("<generator object {} at {}>", g.borrow().qualname, self.address(v)),
            Value::Property(_) => format!("<property object at {}>", self.address(v)),
            Value::ClassMethod(_) => format!("<classmethod object at {}>", self.address(v)),
            Value::StaticMethod(_) => format!("<staticmethod object at {}>", self.address(v)),
            Value::Super(s) => format!("<super: <class '{}'>, <{} object>>", s.0.name, self.type_of(&s.1).name),
            Value::Cell(_) => format!("<cell at {}>", self.address(v)),
            Value::Code(c) => format!("<code object {} at {}, file \"{}\", line {}>", c.name, self.address(v), c.filename, c.first_line),
        })
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for it in items {
            parts.push(self.repr(it)?);
        }
        Ok(parts.join(", "))
    }

    fn repr_enter(&mut self, v: &Value) -> bool {
        let id = v.identity();
        if self.repr_guard.contains(&id) {
            return true;
        }
        self.repr_guard.push(id);
        false
    }

    fn repr_leave(&mut self) {
        self.repr_guard.pop();
    }

    fn instance_repr(&mut self, v: &Value, i: &Rc<crate::object::Instance>) -> PyResult<String> {
        let class = i.class();
        if let Some(r) = class.lookup("__repr__") {
            if !matches!(r, Value::Native(_)) || !self.is_default_native(&r) {
                self.enter_frame()?;
                let b = self.bind(r, v, &class);
                let res = b.and_then(|b| self.call0(&b));
                self.depth -= 1;
                let s = res?;
                return match s {
                    Value::Str(s) => Ok(s.s.to_string()),
                    other => self.type_error(format!("__repr__ returned non-string (type {})", self.type_of(&other).name)),
                };
            }
        }
        let is_exc = matches!(&*i.payload.borrow(), Payload::Exc(_));
        if is_exc {
            let args = self.exc_args(i);
            let inner = if args.len() == 1 { self.repr(&args[0])? } else { self.join_reprs(&args)? };
            return Ok(format!("{}({})", class.name, inner));
        }
        if let Some(base) = i.base_value() {
            return self.repr(&base);
        }
        Ok(format!("<{} object at {}>", class.full_name(), self.address(v)))
    }

    /// Is this native the default `object.__repr__`/`__str__` (not a host override)?
    fn is_default_native(&self, v: &Value) -> bool {
        match v {
            Value::Native(n) => n.name.starts_with("object.") || n.name.starts_with("BaseException."),
            _ => false,
        }
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.s.to_string()),
            Value::Instance(i) => {
                let class = i.class();
                if let Some(s) = class.lookup("__str__") {
                    if !self.is_default_native(&s) {
                        let b = self.bind(s, v, &class)?;
                        let r = self.call0(&b)?;
                        return match r {
                            Value::Str(s) => Ok(s.s.to_string()),
                            other => self.type_error(format!("__str__ returned non-string (type {})", self.type_of(&other).name)),
                        };
                    }
                }
                let is_exc = matches!(&*i.payload.borrow(), Payload::Exc(_));
                if is_exc {
                    let args = self.exc_args(i);
                    let key_error = class.is_subclass(&self.exc_class("KeyError"));
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if key_error => self.repr(&args[0]),
                        1 => self.str_of(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                if let Some(Value::Str(s)) = i.base_value() {
                    return Ok(s.s.to_string());
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }
}
