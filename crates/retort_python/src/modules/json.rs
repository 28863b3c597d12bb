//! The `json` module: `dumps`/`loads` (and `dump`/`load` on objects with
//! `write`/`read`) with CPython's output byte for byte: separators, indent,
//! sort_keys, ensure_ascii, `default`, and `JSONDecodeError` messages.

use std::rc::Rc;

use crate::builtins::add_function;
use crate::builtins::repr::float_repr;
use crate::dict::Dict;
use crate::object::{Args, Module, PyResult};
use crate::value::Value;
use crate::vm::Vm;

struct Options {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    default: Option<Value>,
}

fn options(vm: &mut Vm, a: &mut Args) -> PyResult<Options> {
    let indent = match a.take_kw("indent") {
        None | Some(Value::None) => None,
        Some(Value::Int(n)) => Some(" ".repeat(n.max(0) as usize)),
        Some(Value::Str(s)) => Some(s.s.to_string()),
        Some(other) => return vm.type_error(format!("indent must be int or str, not {}", vm.type_of(&other).name)),
    };
    let (mut item_sep, key_sep) = if indent.is_some() { (",".to_owned(), ": ".to_owned()) } else { (", ".to_owned(), ": ".to_owned()) };
    let mut key_sep = key_sep;
    if let Some(seps) = a.take_kw("separators").filter(|v| !v.is_none()) {
        let parts = vm.iterate(&seps)?;
        if parts.len() == 2 {
            item_sep = vm.str_of(&parts[0])?;
            key_sep = vm.str_of(&parts[1])?;
        }
    }
    let sort_keys = match a.take_kw("sort_keys") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let ensure_ascii = match a.take_kw("ensure_ascii") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let default = a.take_kw("default").filter(|v| !v.is_none());
    a.take_kw("cls");
    a.take_kw("skipkeys");
    a.take_kw("allow_nan");
    a.take_kw("check_circular");
    Ok(Options { indent, item_sep, key_sep, sort_keys, ensure_ascii, default })
}

fn quote(s: &str, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            '\n' => out += "\\n",
            '\r' => out += "\\r",
            '\t' => out += "\\t",
            '\u{8}' => out += "\\b",
            '\u{c}' => out += "\\f",
            c if (c as u32) < 0x20 => out += &format!("\\u{:04x}", c as u32),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out += &format!("\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn encode(vm: &mut Vm, v: &Value, o: &Options, level: usize, stack: &mut Vec<usize>, out: &mut String) -> PyResult<()> {
    let v = match v {
        Value::Instance(i) => match i.base_value() {
            Some(b) => b,
            None => v.clone(),
        },
        other => other.clone(),
    };
    match &v {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::BigInt(b) => out.push_str(&b.to_string()),
        Value::Float(f) => out.push_str(&if f.is_nan() {
            "NaN".to_owned()
        } else if f.is_infinite() {
            if *f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
        } else {
            float_repr(*f)
        }),
        Value::Str(s) => out.push_str(&quote(&s.s, o.ensure_ascii)),
        Value::List(_) | Value::Tuple(_) => {
            let items = vm.iterate(&v)?;
            enter(vm, &v, stack)?;
            if items.is_empty() {
                out.push_str("[]");
            } else {
                out.push('[');
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&o.item_sep);
                    }
                    newline(o, level + 1, out);
                    encode(vm, it, o, level + 1, stack, out)?;
                }
                newline(o, level, out);
                out.push(']');
            }
            stack.pop();
        }
        Value::Dict(d) => {
            let mut items: Vec<(Value, Value)> = d.borrow().values().cloned().collect();
            enter(vm, &v, stack)?;
            let mut keyed = Vec::with_capacity(items.len());
            for (k, val) in items.drain(..) {
                let k = match vm.unwrap_base(&k) {
                    Value::Str(s) => s.s.to_string(),
                    Value::Int(i) => i.to_string(),
                    Value::BigInt(b) => b.to_string(),
                    Value::Float(f) => float_repr(f),
                    Value::Bool(b) => if b { "true" } else { "false" }.to_owned(),
                    Value::None => "null".to_owned(),
                    other => return vm.type_error(format!("keys must be str, int, float, bool or None, not {}", vm.type_of(&other).name)),
                };
                keyed.push((k, val));
            }
            if o.sort_keys {
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
            }
            if keyed.is_empty() {
                out.push_str("{}");
            } else {
                out.push('{');
                for (i, (k, val)) in keyed.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&o.item_sep);
                    }
                    newline(o, level + 1, out);
                    out.push_str(&quote(k, o.ensure_ascii));
                    out.push_str(&o.key_sep);
                    encode(vm, val, o, level + 1, stack, out)?;
                }
                newline(o, level, out);
                out.push('}');
            }
            stack.pop();
        }
        other => match &o.default {
            Some(f) => {
                enter(vm, other, stack)?;
                let r = vm.call1(f, other.clone())?;
                encode(vm, &r, o, level, stack, out)?;
                stack.pop();
            }
            None => {
                return vm.type_error(format!("Object of type {} is not JSON serializable", vm.type_of(other).name));
            }
        },
    }
    Ok(())
}

fn enter(vm: &mut Vm, v: &Value, stack: &mut Vec<usize>) -> PyResult<()> {
    let id = v.identity();
    if stack.contains(&id) {
        return vm.value_error("Circular reference detected");
    }
    stack.push(id);
    if stack.len() > 900 {
        return Err(vm.new_error("RecursionError", "maximum recursion depth exceeded while encoding a JSON object"));
    }
    Ok(())
}

fn newline(o: &Options, level: usize, out: &mut String) {
    if let Some(ind) = &o.indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str(ind);
        }
    }
}

fn dumps(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let o = options(vm, &mut a)?;
    let Some(obj) = a.pos.first().cloned() else {
        return vm.type_error("dumps() missing 1 required positional argument: 'obj'");
    };
    let mut out = String::new();
    encode(vm, &obj, &o, 0, &mut Vec::new(), &mut out)?;
    Ok(Value::str(out))
}

struct Parser<'a> {
    s: &'a [char],
    i: usize,
}

impl Vm {
    fn json_error(&mut self, msg: &str, doc: &[char], pos: usize) -> crate::object::PyErr {
        let line = doc[..pos].iter().filter(|c| **c == '\n').count() + 1;
        let col = match doc[..pos].iter().rposition(|c| *c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        let class = match self.modules.get("json").and_then(|m| m.get("JSONDecodeError")) {
            Some(Value::Class(c)) => c,
            _ => self.exc_class("ValueError"),
        };
        self.make_exc(class, vec![Value::str(format!("{msg}: line {line} column {col} (char {pos})"))])
    }
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], ' ' | '\t' | '\n' | '\r') {
            self.i += 1;
        }
    }

    fn value(&mut self, vm: &mut Vm, depth: usize) -> PyResult<Value> {
        if depth > 900 {
            return Err(vm.new_error("RecursionError", "maximum recursion depth exceeded while decoding a JSON document"));
        }
        self.ws();
        let Some(&c) = self.s.get(self.i) else {
            return Err(vm.json_error("Expecting value", self.s, self.i));
        };
        match c {
            '{' => {
                self.i += 1;
                let mut d = Dict::default();
                self.ws();
                if self.s.get(self.i) == Some(&'}') {
                    self.i += 1;
                    return Ok(Value::dict(d));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&'"') {
                        return Err(vm.json_error("Expecting property name enclosed in double quotes", self.s, self.i));
                    }
                    let k = self.string(vm)?;
                    self.ws();
                    if self.s.get(self.i) != Some(&':') {
                        return Err(vm.json_error("Expecting ':' delimiter", self.s, self.i));
                    }
                    self.i += 1;
                    let v = self.value(vm, depth + 1)?;
                    vm.dict_insert(&mut d, k, v)?;
                    self.ws();
                    match self.s.get(self.i) {
                        Some(',') => self.i += 1,
                        Some('}') => {
                            self.i += 1;
                            return Ok(Value::dict(d));
                        }
                        _ => return Err(vm.json_error("Expecting ',' delimiter", self.s, self.i)),
                    }
                }
            }
            '[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&']') {
                    self.i += 1;
                    return Ok(Value::list(items));
                }
                loop {
                    items.push(self.value(vm, depth + 1)?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(',') => self.i += 1,
                        Some(']') => {
                            self.i += 1;
                            return Ok(Value::list(items));
                        }
                        _ => return Err(vm.json_error("Expecting ',' delimiter", self.s, self.i)),
                    }
                }
            }
            '"' => self.string(vm),
            't' if self.word("true") => Ok(Value::Bool(true)),
            'f' if self.word("false") => Ok(Value::Bool(false)),
            'n' if self.word("null") => Ok(Value::None),
            'N' if self.word("NaN") => Ok(Value::Float(f64::NAN)),
            'I' if self.word("Infinity") => Ok(Value::Float(f64::INFINITY)),
            '-' if self.s.get(self.i + 1) == Some(&'I') && {
                self.i += 1;
                self.word("Infinity")
            } =>
            {
                Ok(Value::Float(f64::NEG_INFINITY))
            }
            '-' | '0'..='9' => self.number(vm),
            _ => Err(vm.json_error("Expecting value", self.s, self.i)),
        }
    }

    fn word(&mut self, w: &str) -> bool {
        let n = w.chars().count();
        if self.s.len() >= self.i + n && self.s[self.i..self.i + n].iter().copied().eq(w.chars()) {
            self.i += n;
            true
        } else {
            false
        }
    }

    fn number(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let start = self.i;
        if self.s[self.i] == '-' {
            self.i += 1;
        }
        let digits_start = self.i;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i == digits_start {
            return Err(vm.json_error("Expecting value", self.s, start));
        }
        let mut is_float = false;
        if self.s.get(self.i) == Some(&'.') && self.s.get(self.i + 1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            self.i += 1;
            while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        if matches!(self.s.get(self.i), Some('e' | 'E')) {
            let save = self.i;
            self.i += 1;
            if matches!(self.s.get(self.i), Some('+' | '-')) {
                self.i += 1;
            }
            if self.s.get(self.i).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                    self.i += 1;
                }
            } else {
                self.i = save;
            }
        }
        let text: String = self.s[start..self.i].iter().collect();
        if is_float {
            Ok(Value::Float(text.parse().unwrap_or(0.0)))
        } else {
            Ok(Value::bigint(text.parse().unwrap_or_default()))
        }
    }

    fn string(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let start = self.i;
        self.i += 1;
        let mut out = String::new();
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return Err(vm.json_error("Unterminated string starting at", self.s, start));
            };
            self.i += 1;
            match c {
                '"' => return Ok(Value::str(out)),
                '\\' => {
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(vm.json_error("Unterminated string starting at", self.s, start));
                    };
                    self.i += 1;
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        '/' => out.push('/'),
                        '\\' => out.push('\\'),
                        '"' => out.push('"'),
                        'u' => {
                            let hex: String = self.s.get(self.i..self.i + 4).map(|h| h.iter().collect()).unwrap_or_default();
                            let Ok(mut code) = u32::from_str_radix(&hex, 16) else {
                                return Err(vm.json_error("Invalid \\uXXXX escape", self.s, self.i - 1));
                            };
                            self.i += 4;
                            if (0xd800..0xdc00).contains(&code) && self.s.get(self.i) == Some(&'\\') && self.s.get(self.i + 1) == Some(&'u')
                            {
                                let low: String = self.s.get(self.i + 2..self.i + 6).map(|h| h.iter().collect()).unwrap_or_default();
                                if let Ok(l) = u32::from_str_radix(&low, 16) {
                                    if (0xdc00..0xe000).contains(&l) {
                                        code = 0x10000 + ((code - 0xd800) << 10) + (l - 0xdc00);
                                        self.i += 6;
                                    }
                                }
                            }
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(vm.json_error("Invalid \\escape", self.s, self.i - 2)),
                    }
                }
                c if (c as u32) < 0x20 => return Err(vm.json_error("Invalid control character at", self.s, self.i - 1)),
                c => out.push(c),
            }
        }
    }
}

fn loads(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let text = match a.pos.first() {
        Some(Value::Str(s)) => s.s.to_string(),
        Some(Value::Bytes(b)) => String::from_utf8_lossy(b).to_string(),
        Some(other) => return vm.type_error(format!("the JSON object must be str, bytes or bytearray, not {}", vm.type_of(other).name)),
        None => return vm.type_error("loads() missing 1 required positional argument: 's'"),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut p = Parser { s: &chars, i: 0 };
    let v = p.value(vm, 0)?;
    p.ws();
    if p.i != chars.len() {
        return Err(vm.json_error("Extra data", &chars, p.i));
    }
    Ok(v)
}

pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("json");
    let value_error = vm.exc_class("ValueError");
    let err = vm.host_class("json", "JSONDecodeError", vec![value_error]);
    m.set("JSONDecodeError", Value::Class(err));
    add_function(&m, "dumps", dumps);
    add_function(&m, "loads", loads);
    add_function(&m, "dump", |vm, mut a| {
        let fp = if a.pos.len() > 1 { a.pos.remove(1) } else { a.take_kw("fp").unwrap_or(Value::None) };
        let s = dumps(vm, a)?;
        vm.call_method(&fp, "write", vec![s])?;
        Ok(Value::None)
    });
    add_function(&m, "load", |vm, a| {
        let text = vm.call_method(crate::builtins::arg(vm, &a, 0)?, "read", vec![])?;
        loads(vm, Args::new(vec![text]))
    });
    Ok(m)
}
