//! String formatting: the format-spec mini-language (`format()`, f-strings),
//! `str.format` fields, and printf-style `%` formatting.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::repr::float_repr;
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::ops::to_big;
use crate::vm::Vm;

/// A parsed format spec.
#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(spec: &str) -> Option<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = c[start..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let start = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        s.precision = c[start..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i != c.len() {
        return None;
    }
    Some(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Pads `body` (with its sign/prefix split off) to the spec's width.
fn pad(spec: &Spec, sign: &str, body: &str, numeric: bool) -> String {
    let width = spec.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let fill_n = width - len;
    let (fill, align) = if spec.zero && spec.align.is_none() && numeric {
        ('0', '=')
    } else {
        (spec.fill.unwrap_or(' '), spec.align.unwrap_or(if numeric { '>' } else { '<' }))
    };
    let f = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{sign}{body}{}", f(fill_n)),
        '>' => format!("{}{sign}{body}", f(fill_n)),
        '^' => format!("{}{sign}{body}{}", f(fill_n / 2), f(fill_n - fill_n / 2)),
        _ => format!("{sign}{}{body}", f(fill_n)),
    }
}

fn sign_of(neg: bool, spec: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Formats a float in fixed, exponent or general notation like C's printf.
pub fn float_body(x: f64, ty: char, prec: usize, alt: bool) -> String {
    if x.is_nan() {
        return if ty.is_ascii_uppercase() { "NAN" } else { "nan" }.into();
    }
    if x.is_infinite() {
        return if ty.is_ascii_uppercase() { "INF" } else { "inf" }.into();
    }
    match ty {
        'f' | 'F' => {
            let s = format!("{:.*}", prec, x);
            if alt && prec == 0 {
                s + "."
            } else {
                s
            }
        }
        'e' | 'E' => {
            let s = format!("{:.*e}", prec, x);
            let (m, e) = s.split_once('e').expect("exp");
            let e: i32 = e.parse().expect("int");
            let m = if alt && prec == 0 { format!("{m}.") } else { m.to_owned() };
            let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
            if ty == 'E' {
                r.to_uppercase()
            } else {
                r
            }
        }
        'g' | 'G' => {
            let p = if prec == 0 { 1 } else { prec };
            if x == 0.0 {
                let z = if alt { format!("{:.*}", p - 1, 0.0) } else { "0".into() };
                return if x.is_sign_negative() { format!("-{z}") } else { z };
            }
            let s = format!("{:.*e}", p - 1, x);
            let (_, e) = s.split_once('e').expect("exp");
            let exp: i32 = e.parse().expect("int");
            let mut r = if exp >= -4 && exp < p as i32 {
                format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
            } else {
                float_body(x, 'e', p - 1, alt)
            };
            if !alt {
                // strip trailing zeros of the mantissa
                let (m, e) = match r.find('e') {
                    Some(i) => (r[..i].to_owned(), r[i..].to_owned()),
                    None => (r.clone(), String::new()),
                };
                let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.').to_owned() } else { m };
                r = m + &e;
            }
            if ty == 'G' {
                r.to_uppercase()
            } else {
                r
            }
        }
        _ => float_repr(x),
    }
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(i) = v {
            let class = i.class();
            if let Some(f) = self.lookup_user(&class, "__format__") {
                let b = self.bind(f, v, &class)?;
                let r = self.call1(&b, Value::str(spec))?;
                return self.str_of(&r);
            }
            if let Some(Value::Native(n)) = class.lookup("__format__") {
                if !n.name.starts_with("object.") {
                    let f = Value::Native(n.clone());
                    let r = self.call(&f, Args::new(vec![v.clone(), Value::str(spec)]))?;
                    return self.str_of(&r);
                }
            }
            match i.base_value() {
                Some(b) if class.lookup("__str__").map(|s| matches!(s, Value::Native(_))).unwrap_or(true) => return self.format(&b, spec),
                _ => {
                    if spec.is_empty() {
                        return self.str_of(v);
                    }
                    return self.type_error(format!("unsupported format string passed to {}.__format__", class.name));
                }
            }
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let Some(s) = parse_spec(spec) else {
            return self.value_error("Invalid format specifier");
        };
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                    let f = crate::vm::ops::to_f64(v).unwrap_or(0.0);
                    return self.format_float(f, &s);
                }
                self.format_int(&to_big(v).expect("int"), &s)
            }
            Value::Float(f) => self.format_float(*f, &s),
            Value::Str(st) => {
                if !matches!(s.ty, None | Some('s')) {
                    return self.value_error(format!("Unknown format code '{}' for object of type 'str'", s.ty.unwrap_or('?')));
                }
                if s.sign.is_some() {
                    return self.value_error("Sign not allowed in string format specifier");
                }
                let body: String = match s.precision {
                    Some(p) => st.s.chars().take(p).collect(),
                    None => st.s.to_string(),
                };
                Ok(pad(&s, "", &body, false))
            }
            other => {
                let t = self.type_of(other).name.clone();
                self.type_error(format!("unsupported format string passed to {t}.__format__"))
            }
        }
    }

    fn format_int(&mut self, n: &BigInt, s: &Spec) -> PyResult<String> {
        if s.precision.is_some() {
            return self.value_error("Precision not allowed in integer format specifier");
        }
        let neg = n.is_negative();
        let mag = n.abs();
        let (prefix, digits) = match s.ty {
            None | Some('d') | Some('n') => ("", mag.to_string()),
            Some('x') => ("0x", mag.to_str_radix(16)),
            Some('X') => ("0X", mag.to_str_radix(16).to_uppercase()),
            Some('o') => ("0o", mag.to_str_radix(8)),
            Some('b') => ("0b", mag.to_str_radix(2)),
            Some('c') => {
                let c = n.to_u32().and_then(char::from_u32).unwrap_or('\u{fffd}');
                return Ok(pad(s, "", &c.to_string(), false));
            }
            Some(t) => return self.value_error(format!("Unknown format code '{t}' for object of type 'int'")),
        };
        let digits = match s.grouping {
            Some(g) => group(&digits, g, if matches!(s.ty, Some('x' | 'X' | 'o' | 'b')) { 4 } else { 3 }),
            None => digits,
        };
        let sign = format!("{}{}", sign_of(neg, s), if s.alt { prefix } else { "" });
        if s.zero && s.align.is_none() && s.grouping.is_some() {
            // zero padding keeps the grouping
            let width = s.width.unwrap_or(0).saturating_sub(sign.len());
            let mut raw: String = digits.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            while group(&raw, s.grouping.unwrap_or(','), 3).len() < width {
                raw.insert(0, '0');
            }
            return Ok(format!("{sign}{}", group(&raw, s.grouping.unwrap_or(','), 3)));
        }
        Ok(pad(s, &sign, &digits, true))
    }

    fn format_float(&mut self, f: f64, s: &Spec) -> PyResult<String> {
        let neg = f.is_sign_negative();
        let x = f.abs();
        let body = match s.ty {
            Some(t @ ('f' | 'F' | 'e' | 'E' | 'g' | 'G')) => float_body(x, t, s.precision.unwrap_or(6), s.alt),
            Some('%') => format!("{}%", float_body(x * 100.0, 'f', s.precision.unwrap_or(6), s.alt)),
            Some('n') => float_body(x, 'g', s.precision.unwrap_or(6), s.alt),
            None => match s.precision {
                Some(p) => {
                    let r = float_body(x, 'g', p.max(1), s.alt);
                    if r.contains(['.', 'e', 'n', 'i']) {
                        r
                    } else {
                        r + ".0"
                    }
                }
                None => float_repr(x),
            },
            Some(t) => return self.value_error(format!("Unknown format code '{t}' for object of type 'float'")),
        };
        let body = match s.grouping {
            Some(g) => {
                let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                    Some(i) => (&body[..i], &body[i..]),
                    None => (&body[..], ""),
                };
                format!("{}{}", group(int_part, g, 3), rest)
            }
            None => body,
        };
        let neg = neg && !f.is_nan();
        Ok(pad(s, sign_of(neg, s), &body, true))
    }

    /// `str.format(*args, **kwargs)`.
    pub fn str_format(&mut self, fmt: &str, args: &Args) -> PyResult<String> {
        let chars: Vec<char> = fmt.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut auto = 0usize;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                // find the matching close brace (specs may nest one level)
                let mut depth = 1;
                let mut j = i + 1;
                while j < chars.len() && depth > 0 {
                    match chars[j] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                if depth != 0 {
                    return self.value_error("expected '}' before end of string");
                }
                let field: String = chars[i + 1..j - 1].iter().collect();
                out += &self.format_field(&field, args, &mut auto)?;
                i = j;
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return self.value_error("Single '}' encountered in format string");
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(out)
    }

    fn format_field(&mut self, field: &str, args: &Args, auto: &mut usize) -> PyResult<String> {
        // split off :spec and !conv (outside brackets)
        let mut name_end = field.len();
        let mut bracket = false;
        for (idx, ch) in field.char_indices() {
            match ch {
                '[' => bracket = true,
                ']' => bracket = false,
                '!' | ':' if !bracket => {
                    name_end = idx;
                    break;
                }
                _ => {}
            }
        }
        let name = &field[..name_end];
        let rest = &field[name_end..];
        let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
            match r.split_once(':') {
                Some((c, s)) => (c, s),
                None => (r, ""),
            }
        } else if let Some(s) = rest.strip_prefix(':') {
            ("", s)
        } else {
            ("", "")
        };
        // the first part of the name: index, keyword or automatic
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut v = if first.is_empty() {
            let idx = *auto;
            *auto += 1;
            match args.pos.get(idx) {
                Some(v) => v.clone(),
                None => return self.index_error(format!("Replacement index {idx} out of range for positional args tuple")),
            }
        } else if let Ok(idx) = first.parse::<usize>() {
            match args.pos.get(idx) {
                Some(v) => v.clone(),
                None => return self.index_error(format!("Replacement index {idx} out of range for positional args tuple")),
            }
        } else {
            match args.kw.iter().find(|(k, _)| &**k == first) {
                Some((_, v)) => v.clone(),
                None => return Err(self.make_exc(self.exc_class("KeyError"), vec![Value::str(first)])),
            }
        };
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                v = self.getattr(&v, &r[..end])?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let key = &r[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key),
                };
                v = self.getitem(&v, &k)?;
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let v = match conv {
            "" => v,
            "r" => Value::str(self.repr(&v)?),
            "s" => Value::str(self.str_of(&v)?),
            "a" => Value::str(crate::builtins::repr::ascii(&self.repr(&v)?)),
            other => return self.value_error(format!("Unknown conversion specifier {other}")),
        };
        let spec = if spec.contains('{') { self.str_format(spec, args)? } else { spec.to_owned() };
        self.format(&v, &spec)
    }
}

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let mapping = match args {
        Value::Dict(_) => Some(args.clone()),
        Value::Instance(_) if !matches!(args, Value::Tuple(_)) => None,
        _ => None,
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut next = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&first) = chars.get(i) else {
            return vm.value_error("incomplete format");
        };
        if first == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut key = None;
        if first == '(' {
            let end = chars[i..].iter().position(|&c| c == ')').map(|p| p + i);
            let Some(end) = end else {
                return vm.value_error("incomplete format key");
            };
            key = Some(chars[i + 1..end].iter().collect::<String>());
            i = end + 1;
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        if i < chars.len() && chars[i] == '*' {
            let w = items.get(next).cloned().unwrap_or(Value::Int(0));
            next += 1;
            width = vm.str_of(&w)?;
            i += 1;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            width.push(chars[i]);
            i += 1;
        }
        let mut prec = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            prec = Some(p.parse::<usize>().unwrap_or(0));
        }
        while i < chars.len() && matches!(chars[i], 'l' | 'h' | 'L') {
            i += 1;
        }
        let Some(&ty) = chars.get(i) else {
            return vm.value_error("incomplete format");
        };
        i += 1;
        let v = match &key {
            Some(k) => {
                used_mapping = true;
                match &mapping {
                    Some(m) => vm.getitem(m, &Value::str(k.as_str()))?,
                    None => return vm.type_error("format requires a mapping"),
                }
            }
            None => {
                let v = items.get(next).cloned();
                next += 1;
                match v {
                    Some(v) => v,
                    None => return vm.type_error("not enough arguments for format string"),
                }
            }
        };
        let left = flags.contains('-');
        let spec = Spec {
            fill: Some(if flags.contains('0') && !left && ty != 's' && ty != 'r' { '0' } else { ' ' }),
            align: Some(if left {
                '<'
            } else if flags.contains('0') && !matches!(ty, 's' | 'r' | 'a') {
                '='
            } else {
                '>'
            }),
            sign: if flags.contains('+') {
                Some('+')
            } else if flags.contains(' ') {
                Some(' ')
            } else {
                None
            },
            alt: flags.contains('#'),
            zero: false,
            width: width.parse().ok(),
            grouping: None,
            precision: prec,
            ty: None,
        };
        let piece = match ty {
            's' => {
                let s = vm.str_of(&v)?;
                let s: String = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad(&spec, "", &s, false)
            }
            'r' | 'a' => {
                let s = vm.repr(&v)?;
                let s = if ty == 'a' { crate::builtins::repr::ascii(&s) } else { s };
                pad(&spec, "", &s, false)
            }
            'd' | 'i' | 'u' => {
                let n = match vm.unwrap_base(&v) {
                    Value::Float(f) => BigInt::from(f.trunc() as i64),
                    other => match to_big(&other) {
                        Some(n) => n,
                        None => return vm.type_error(format!("%{ty} format: a real number is required, not {}", vm.type_of(&v).name)),
                    },
                };
                let mut digits = n.abs().to_string();
                if let Some(p) = prec {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                pad(&spec, sign_of(n.is_negative(), &spec), &digits, true)
            }
            'x' | 'X' | 'o' => {
                let Some(n) = to_big(&vm.unwrap_base(&v)) else {
                    return vm.type_error(format!("%{ty} format: an integer is required, not {}", vm.type_of(&v).name));
                };
                let radix = if ty == 'o' { 8 } else { 16 };
                let mut digits = n.abs().to_str_radix(radix);
                if ty == 'X' {
                    digits = digits.to_uppercase();
                }
                let prefix = if spec.alt {
                    match ty {
                        'x' => "0x",
                        'X' => "0X",
                        _ => "0o",
                    }
                } else {
                    ""
                };
                pad(&spec, &format!("{}{prefix}", sign_of(n.is_negative(), &spec)), &digits, true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let Some(f) = crate::vm::ops::to_f64(&vm.unwrap_base(&v)) else {
                    return vm.type_error(format!("must be real number, not {}", vm.type_of(&v).name));
                };
                let body = float_body(f.abs(), ty, prec.unwrap_or(6), spec.alt);
                pad(&spec, sign_of(f.is_sign_negative() && !f.is_nan(), &spec), &body, true)
            }
            'c' => {
                let s = match &v {
                    Value::Int(n) => char::from_u32(*n as u32).map(|c| c.to_string()).unwrap_or_default(),
                    Value::Str(s) => s.s.to_string(),
                    _ => return vm.type_error("%c requires int or char"),
                };
                pad(&spec, "", &s, false)
            }
            other => return vm.value_error(format!("unsupported format character '{other}' (0x{:x}) at index {}", other as u32, i - 1)),
        };
        out += &piece;
    }
    if !used_mapping && next < items.len() && mapping.is_none() {
        return vm.type_error("not all arguments converted during string formatting");
    }
    Ok(out)
}
