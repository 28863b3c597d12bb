//! The `re` module on the `regex` crate: compile, match, search,
//! fullmatch, findall, finditer, sub, subn, split, escape, flags, and
//! Pattern/Match objects with CPython's results and reprs. Constructs the
//! crate lacks (backreferences, look-around) raise `re.error` saying so.

use std::rc::Rc;

use crate::builtins::add_method;
use crate::object::{Args, Class, Module, Payload, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// The flags as `re.RegexFlag` members (an int subclass with CPython's reprs).
const FLAGS: &str = r#"
class RegexFlag(int):
    _names = {2: "IGNORECASE", 8: "MULTILINE", 16: "DOTALL", 64: "VERBOSE", 256: "ASCII", 4: "LOCALE", 32: "UNICODE"}

    def __repr__(self):
        v = int(self)
        parts = [("re." + n) for b, n in sorted(self._names.items()) if v & b]
        return "|".join(parts) if parts else "re.NOFLAG"

    __str__ = __repr__

    def __or__(self, other):
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        return RegexFlag(int(self) & int(other))


RegexFlag.__module__ = "re"
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
UNICODE = U = RegexFlag(32)
VERBOSE = X = RegexFlag(64)
ASCII = A = RegexFlag(256)
NOFLAG = RegexFlag(0)
"#;

const IGNORECASE: i64 = 2;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

struct Pattern {
    regex: Rc<regex::Regex>,
    source: String,
    flags: i64,
}

struct Match {
    text: Rc<str>,
    spans: Vec<Option<(usize, usize)>>,
    names: Vec<Option<String>>,
    pattern: Value,
}

fn payload<T: 'static, R>(v: &Value, f: impl FnOnce(&T) -> R) -> Option<R> {
    match v {
        Value::Instance(i) => match &*i.payload.borrow() {
            Payload::Host(h) => h.downcast_ref::<T>().map(f),
            _ => None,
        },
        _ => None,
    }
}

fn translate(vm: &mut Vm, pattern: &str) -> PyResult<String> {
    let mut out = String::with_capacity(pattern.len());
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let n = chars[i + 1];
            match n {
                'Z' => out.push_str("\\z"),
                '1'..='9' => return Err(re_error(vm, "backreferences are not supported by Retort's regular expressions")),
                _ => {
                    out.push(c);
                    out.push(n);
                }
            }
            i += 2;
            continue;
        }
        if c == '(' && chars.get(i + 1) == Some(&'?') {
            match chars.get(i + 2) {
                Some('=' | '!') => return Err(re_error(vm, "look-ahead assertions are not supported by Retort's regular expressions")),
                Some('<') if matches!(chars.get(i + 3), Some('=' | '!')) => {
                    return Err(re_error(vm, "look-behind assertions are not supported by Retort's regular expressions"))
                }
                Some('P') if chars.get(i + 3) == Some(&'=') => {
                    return Err(re_error(vm, "named backreferences are not supported by Retort's regular expressions"))
                }
                _ => {}
            }
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

fn re_error(vm: &mut Vm, msg: &str) -> crate::object::PyErr {
    let class = match vm.modules.get("re").and_then(|m| m.get("error")) {
        Some(Value::Class(c)) => c,
        _ => vm.exc_class("ValueError"),
    };
    vm.make_exc(class, vec![Value::str(msg)])
}

fn compile(vm: &mut Vm, pattern: &Value, flags: i64) -> PyResult<Value> {
    if payload::<Pattern, _>(pattern, |_| ()).is_some() {
        return Ok(pattern.clone());
    }
    let Value::Str(src) = pattern else {
        return vm.type_error(format!("first argument must be string or compiled pattern, not {}", vm.type_of(pattern).name));
    };
    let translated = translate(vm, &src.s)?;
    let regex = match build(&translated, flags) {
        Ok(r) => r,
        Err(e) => {
            let msg = e.to_string().lines().last().unwrap_or("invalid pattern").trim().to_owned();
            return Err(re_error(vm, &msg));
        }
    };
    let class = re_class(vm, "Pattern");
    let inst = vm.new_instance(&class, &[]);
    if let Value::Instance(i) = &inst {
        *i.payload.borrow_mut() = Payload::Host(Box::new(Pattern { regex: Rc::new(regex), source: src.s.to_string(), flags }));
    }
    Ok(inst)
}

/// Compiles with Python's flags.
fn build(src: &str, flags: i64) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(src)
        .case_insensitive(flags & IGNORECASE != 0)
        .multi_line(flags & MULTILINE != 0)
        .dot_matches_new_line(flags & DOTALL != 0)
        .ignore_whitespace(flags & VERBOSE != 0)
        .unicode(flags & ASCII == 0)
        .size_limit(1 << 22)
        .build()
}

fn re_class(vm: &mut Vm, name: &'static str) -> Rc<Class> {
    let key: &'static str = if name == "Pattern" { "re.Pattern" } else { "re.Match" };
    vm.extra_classes.get(key).cloned().expect("re classes")
}

fn regex_of(vm: &mut Vm, p: &Value) -> PyResult<Rc<regex::Regex>> {
    match payload::<Pattern, _>(p, |pat| pat.regex.clone()) {
        Some(r) => Ok(r),
        None => vm.type_error("descriptor requires a 're.Pattern' object"),
    }
}

fn text_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Rc<str>> {
    match v.map(|v| vm.unwrap_base(v)) {
        Some(Value::Str(s)) => Ok(Rc::from(&*s.s)),
        Some(other) => vm.type_error(format!("expected string or bytes-like object, got '{}'", vm.type_of(&other).name)),
        None => vm.type_error("missing the string argument"),
    }
}

fn make_match(vm: &mut Vm, pattern: &Value, text: &Rc<str>, caps: &regex::Captures, regex: &regex::Regex) -> Value {
    let spans = (0..caps.len()).map(|g| caps.get(g).map(|m| (m.start(), m.end()))).collect();
    let names = regex.capture_names().map(|n| n.map(str::to_owned)).collect();
    let class = re_class(vm, "Match");
    let inst = vm.new_instance(&class, &[]);
    if let Value::Instance(i) = &inst {
        *i.payload.borrow_mut() = Payload::Host(Box::new(Match { text: text.clone(), spans, names, pattern: pattern.clone() }));
    }
    inst
}

fn char_pos(text: &str, byte: usize) -> i64 {
    text[..byte].chars().count() as i64
}

#[derive(Clone, Copy)]
enum Mode {
    Match,
    Search,
    Full,
}

fn find(vm: &mut Vm, pattern: &Value, text: &Rc<str>, mode: Mode) -> PyResult<Value> {
    let regex = regex_of(vm, pattern)?;
    // match and fullmatch anchor the pattern; search takes the leftmost match
    let anchored = match mode {
        Mode::Search => None,
        Mode::Match => Some(format!("\\A(?:{})", regex.as_str())),
        Mode::Full => Some(format!("\\A(?:{})\\z", regex.as_str())),
    };
    let flags = payload::<Pattern, _>(pattern, |p| p.flags).unwrap_or(0);
    let regex = match anchored {
        Some(src) => Rc::new(build(&src, flags).map_err(|e| re_error(vm, &e.to_string()))?),
        None => regex,
    };
    let caps = regex.captures(text).map(|c| (c, (*regex).clone()));
    Ok(match caps {
        Some((c, r)) => make_match(vm, pattern, text, &c, &r),
        None => Value::None,
    })
}

fn expand(vm: &mut Vm, repl: &str, m: &Match) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = repl.chars().collect();
    let mut i = 0;
    let group = |g: usize| m.spans.get(g).copied().flatten().map(|(a, b)| m.text[a..b].to_owned()).unwrap_or_default();
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let n = chars[i + 1];
            match n {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\\' => out.push('\\'),
                'g' if chars.get(i + 2) == Some(&'<') => {
                    let end = chars[i + 3..].iter().position(|c| *c == '>').map(|p| p + i + 3).unwrap_or(chars.len());
                    let name: String = chars[i + 3..end.min(chars.len())].iter().collect();
                    let idx = match name.parse::<usize>() {
                        Ok(n) => n,
                        Err(_) => match m.names.iter().position(|n| n.as_deref() == Some(name.as_str())) {
                            Some(i) => i,
                            None => return Err(vm.new_error("IndexError", format!("unknown group name '{name}'"))),
                        },
                    };
                    out += &group(idx);
                    i = end + 1;
                    continue;
                }
                d if d.is_ascii_digit() => {
                    let mut j = i + 1;
                    while j < chars.len() && chars[j].is_ascii_digit() && j < i + 3 {
                        j += 1;
                    }
                    let idx: usize = chars[i + 1..j].iter().collect::<String>().parse().unwrap_or(0);
                    if idx >= m.spans.len() {
                        return Err(re_error(vm, &format!("invalid group reference {idx}")));
                    }
                    out += &group(idx);
                    i = j;
                    continue;
                }
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
            i += 2;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

fn sub(vm: &mut Vm, pattern: &Value, repl: &Value, text: &Rc<str>, count: i64) -> PyResult<(String, i64)> {
    let regex = regex_of(vm, pattern)?;
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0;
    let all: Vec<regex::Captures> = regex.captures_iter(text).collect();
    for caps in all {
        if count > 0 && n >= count {
            break;
        }
        let m0 = caps.get(0).expect("group 0");
        out.push_str(&text[last..m0.start()]);
        let replacement = match repl {
            Value::Str(r) => {
                let m = Match {
                    text: text.clone(),
                    spans: (0..caps.len()).map(|g| caps.get(g).map(|m| (m.start(), m.end()))).collect(),
                    names: regex.capture_names().map(|n| n.map(str::to_owned)).collect(),
                    pattern: pattern.clone(),
                };
                expand(vm, &r.s, &m)?
            }
            f => {
                let mv = make_match(vm, pattern, text, &caps, &regex);
                let r = vm.call1(f, mv)?;
                vm.str_of(&r)?
            }
        };
        out.push_str(&replacement);
        last = m0.end();
        n += 1;
    }
    out.push_str(&text[last..]);
    Ok((out, n))
}

/// The pattern (first argument) compiled with the flags given by keyword
/// or at positional index `flags_at` (counted before the pattern is removed).
fn pattern_arg(vm: &mut Vm, a: &mut Args, flags_at: usize) -> PyResult<Value> {
    let flags = a.take_kw("flags").or_else(|| if a.pos.len() > flags_at { Some(a.pos.remove(flags_at)) } else { None });
    let flags = match flags.map(|f| vm.unwrap_base(&f)) {
        Some(Value::Int(f)) => f,
        _ => 0,
    };
    if a.pos.is_empty() {
        return vm.type_error("missing required argument 'pattern' (pos 1)");
    }
    let p = a.pos.remove(0);
    compile(vm, &p, flags)
}

pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("re");
    let exc = vm.exc_class("Exception");
    m.set("error", Value::Class(vm.host_class("re", "error", vec![exc])));
    let pattern = vm.host_class("re", "Pattern", vec![]);
    let matchc = vm.host_class("re", "Match", vec![]);
    vm.extra_classes.insert("re.Pattern", pattern.clone());
    vm.extra_classes.insert("re.Match", matchc.clone());
    m.set("Pattern", Value::Class(pattern.clone()));
    m.set("Match", Value::Class(matchc.clone()));
    m.set("compile", vm.native("compile", |vm, mut a| pattern_arg(vm, &mut a, 1)));
    m.set(
        "escape",
        vm.native("escape", |vm, a| {
            let s = text_arg(vm, a.pos.first())?;
            let mut out = String::new();
            for c in s.chars() {
                if !(c.is_alphanumeric() || c == '_') && (c as u32) < 128 {
                    out.push('\\');
                }
                out.push(c);
            }
            Ok(Value::str(out))
        }),
    );
    for (name, mode) in [("match", Mode::Match), ("search", Mode::Search), ("fullmatch", Mode::Full)] {
        m.set(
            name,
            vm.native(name, move |vm, mut a| {
                let p = pattern_arg(vm, &mut a, 2)?;
                let text = text_arg(vm, a.pos.first())?;
                find(vm, &p, &text, mode)
            }),
        );
        pattern.dict.borrow_mut().insert(
            name.into(),
            vm.native(name, move |vm, a| {
                let text = text_arg(vm, a.pos.get(1))?;
                find(vm, crate::builtins::arg(vm, &a, 0)?, &text, mode)
            }),
        );
    }
    let findall = |vm: &mut Vm, p: &Value, text: &Rc<str>| -> PyResult<Value> {
        let regex = regex_of(vm, p)?;
        let groups = regex.captures_len() - 1;
        let mut out = Vec::new();
        for caps in regex.captures_iter(text) {
            let g = |i: usize| Value::str(caps.get(i).map(|m| m.as_str()).unwrap_or(""));
            out.push(match groups {
                0 => g(0),
                1 => g(1),
                n => Value::tuple((1..=n).map(g).collect()),
            });
        }
        Ok(Value::list(out))
    };
    m.set(
        "findall",
        vm.native("findall", move |vm, mut a| {
            let p = pattern_arg(vm, &mut a, 2)?;
            let text = text_arg(vm, a.pos.first())?;
            findall(vm, &p, &text)
        }),
    );
    pattern.dict.borrow_mut().insert(
        "findall".into(),
        vm.native("findall", move |vm, a| {
            let text = text_arg(vm, a.pos.get(1))?;
            findall(vm, crate::builtins::arg(vm, &a, 0)?, &text)
        }),
    );
    let finditer = |vm: &mut Vm, p: &Value, text: &Rc<str>| -> PyResult<Value> {
        let regex = regex_of(vm, p)?;
        let mut out = Vec::new();
        for caps in regex.captures_iter(text) {
            out.push(make_match(vm, p, text, &caps, &regex));
        }
        vm.get_iter(&Value::list(out))
    };
    m.set(
        "finditer",
        vm.native("finditer", move |vm, mut a| {
            let p = pattern_arg(vm, &mut a, 2)?;
            let text = text_arg(vm, a.pos.first())?;
            finditer(vm, &p, &text)
        }),
    );
    pattern.dict.borrow_mut().insert(
        "finditer".into(),
        vm.native("finditer", move |vm, a| {
            let text = text_arg(vm, a.pos.get(1))?;
            finditer(vm, crate::builtins::arg(vm, &a, 0)?, &text)
        }),
    );
    for (name, with_count) in [("sub", false), ("subn", true)] {
        m.set(
            name,
            vm.native(name, move |vm, mut a| {
                let count = match a.take_kw("count").or_else(|| if a.pos.len() > 3 { Some(a.pos.remove(3)) } else { None }) {
                    Some(Value::Int(c)) => c,
                    _ => 0,
                };
                let p = pattern_arg(vm, &mut a, 3)?;
                let text = text_arg(vm, a.pos.get(1))?;
                let (s, n) = sub(vm, &p, crate::builtins::arg(vm, &a, 0)?, &text, count)?;
                Ok(if with_count { Value::tuple(vec![Value::str(s), Value::Int(n)]) } else { Value::str(s) })
            }),
        );
        pattern.dict.borrow_mut().insert(
            name.into(),
            vm.native(name, move |vm, mut a| {
                let count = match a.take_kw("count").or_else(|| a.pos.get(3).cloned()) {
                    Some(Value::Int(c)) => c,
                    _ => 0,
                };
                let text = text_arg(vm, a.pos.get(2))?;
                let (s, n) = sub(vm, crate::builtins::arg(vm, &a, 0)?, crate::builtins::arg(vm, &a, 1)?, &text, count)?;
                Ok(if with_count { Value::tuple(vec![Value::str(s), Value::Int(n)]) } else { Value::str(s) })
            }),
        );
    }
    let split = |vm: &mut Vm, p: &Value, text: &Rc<str>, maxsplit: i64| -> PyResult<Value> {
        let regex = regex_of(vm, p)?;
        let mut out = Vec::new();
        let mut last = 0;
        for (n, caps) in regex.captures_iter(text).enumerate() {
            if maxsplit > 0 && n as i64 >= maxsplit {
                break;
            }
            let m0 = caps.get(0).expect("group 0");
            out.push(Value::str(&text[last..m0.start()]));
            for g in 1..caps.len() {
                out.push(caps.get(g).map(|m| Value::str(m.as_str())).unwrap_or(Value::None));
            }
            last = m0.end();
        }
        out.push(Value::str(&text[last..]));
        Ok(Value::list(out))
    };
    m.set(
        "split",
        vm.native("split", move |vm, mut a| {
            let maxsplit = match a.take_kw("maxsplit").or_else(|| if a.pos.len() > 2 { Some(a.pos.remove(2)) } else { None }) {
                Some(Value::Int(c)) => c,
                _ => 0,
            };
            let p = pattern_arg(vm, &mut a, 2)?;
            let text = text_arg(vm, a.pos.first())?;
            split(vm, &p, &text, maxsplit)
        }),
    );
    pattern.dict.borrow_mut().insert(
        "split".into(),
        vm.native("split", move |vm, mut a| {
            let maxsplit = match a.take_kw("maxsplit").or_else(|| a.pos.get(2).cloned()) {
                Some(Value::Int(c)) => c,
                _ => 0,
            };
            let text = text_arg(vm, a.pos.get(1))?;
            split(vm, crate::builtins::arg(vm, &a, 0)?, &text, maxsplit)
        }),
    );
    add_method(&pattern, "__repr__", |vm, a| {
        let (src, flags) = payload::<Pattern, _>(crate::builtins::arg(vm, &a, 0)?, |p| (p.source.clone(), p.flags)).unwrap_or_default();
        let r = crate::builtins::repr::str_repr(&src);
        Ok(Value::str(if flags == 0 { format!("re.compile({r})") } else { format!("re.compile({r}, re.{})", flag_names(flags)) }))
    });
    for (name, which) in [("pattern", 0), ("flags", 1), ("groups", 2)] {
        let getter = vm.native(name, move |vm, a| {
            Ok(payload::<Pattern, _>(crate::builtins::arg(vm, &a, 0)?, |p| match which {
                0 => Value::str(p.source.as_str()),
                1 => Value::Int(p.flags | if p.flags & ASCII == 0 { 32 } else { 0 }),
                _ => Value::Int(p.regex.captures_len() as i64 - 1),
            })
            .unwrap_or(Value::None))
        });
        pattern.dict.borrow_mut().insert(
            name.into(),
            Value::Property(Rc::new(crate::object::Property { fget: Some(getter), fset: None, fdel: None, doc: Value::None })),
        );
    }
    install_match(vm, &matchc);
    vm.exec_in_module(&m, FLAGS)?;
    Ok(m)
}

fn flag_names(flags: i64) -> String {
    let mut names = Vec::new();
    for (f, n) in [(IGNORECASE, "IGNORECASE"), (MULTILINE, "MULTILINE"), (DOTALL, "DOTALL"), (VERBOSE, "VERBOSE"), (ASCII, "ASCII")] {
        if flags & f != 0 {
            names.push(n);
        }
    }
    names.join("|re.")
}

fn group_index(vm: &mut Vm, m: &Value, g: &Value) -> PyResult<usize> {
    let idx = payload::<Match, _>(m, |mm| match g {
        Value::Int(i) if *i >= 0 && (*i as usize) < mm.spans.len() => Some(*i as usize),
        Value::Str(s) => mm.names.iter().position(|n| n.as_deref() == Some(&*s.s)),
        _ => None,
    })
    .flatten();
    match idx {
        Some(i) => Ok(i),
        None => vm.index_error("no such group"),
    }
}

fn group_value(m: &Value, i: usize, default: &Value) -> Value {
    payload::<Match, _>(m, |mm| match mm.spans.get(i).copied().flatten() {
        Some((a, b)) => Value::str(&mm.text[a..b]),
        None => default.clone(),
    })
    .unwrap_or(Value::None)
}

fn install_match(vm: &mut Vm, c: &Rc<Class>) {
    add_method(c, "group", |vm, a| {
        let this = a.pos[0].clone();
        if a.pos.len() <= 2 {
            let g = a.pos.get(1).cloned().unwrap_or(Value::Int(0));
            let i = group_index(vm, &this, &g)?;
            return Ok(group_value(&this, i, &Value::None));
        }
        let mut out = Vec::new();
        for g in &a.pos[1..] {
            let i = group_index(vm, &this, g)?;
            out.push(group_value(&this, i, &Value::None));
        }
        Ok(Value::tuple(out))
    });
    add_method(c, "__getitem__", |vm, a| {
        let i = group_index(vm, crate::builtins::arg(vm, &a, 0)?, crate::builtins::arg(vm, &a, 1)?)?;
        Ok(group_value(crate::builtins::arg(vm, &a, 0)?, i, &Value::None))
    });
    add_method(c, "groups", |_vm, mut a| {
        let default = a.take_kw("default").or_else(|| a.pos.get(1).cloned()).unwrap_or(Value::None);
        let n = payload::<Match, _>(&a.pos[0], |m| m.spans.len()).unwrap_or(1);
        Ok(Value::tuple((1..n).map(|i| group_value(&a.pos[0], i, &default)).collect()))
    });
    add_method(c, "groupdict", |vm, a| {
        let names: Vec<(usize, String)> = payload::<Match, _>(crate::builtins::arg(vm, &a, 0)?, |m| {
            m.names.iter().enumerate().filter_map(|(i, n)| n.clone().map(|n| (i, n))).collect()
        })
        .unwrap_or_default();
        let mut d = crate::dict::Dict::default();
        for (i, n) in names {
            vm.dict_insert(&mut d, Value::str(n), group_value(crate::builtins::arg(vm, &a, 0)?, i, &Value::None))?;
        }
        Ok(Value::dict(d))
    });
    for (name, which) in [("start", 0), ("end", 1), ("span", 2)] {
        c.dict.borrow_mut().insert(
            name.into(),
            vm.native(name, move |vm, a| {
                let g = a.pos.get(1).cloned().unwrap_or(Value::Int(0));
                let i = group_index(vm, crate::builtins::arg(vm, &a, 0)?, &g)?;
                let span = payload::<Match, _>(crate::builtins::arg(vm, &a, 0)?, |m| {
                    m.spans[i].map(|(s, e)| (char_pos(&m.text, s), char_pos(&m.text, e)))
                })
                .flatten();
                let (s, e) = span.unwrap_or((-1, -1));
                Ok(match which {
                    0 => Value::Int(s),
                    1 => Value::Int(e),
                    _ => Value::tuple(vec![Value::Int(s), Value::Int(e)]),
                })
            }),
        );
    }
    add_method(c, "__repr__", |vm, a| {
        let (span, text) = payload::<Match, _>(crate::builtins::arg(vm, &a, 0)?, |m| {
            let (s, e) = m.spans[0].unwrap_or((0, 0));
            ((char_pos(&m.text, s), char_pos(&m.text, e)), m.text[s..e].to_owned())
        })
        .unwrap_or(((0, 0), String::new()));
        Ok(Value::str(format!("<re.Match object; span=({}, {}), match={}>", span.0, span.1, crate::builtins::repr::str_repr(&text))))
    });
    for (name, which) in [("string", 0), ("re", 1), ("lastindex", 2)] {
        let getter = vm.native(name, move |vm, a| {
            Ok(payload::<Match, _>(crate::builtins::arg(vm, &a, 0)?, |m| match which {
                0 => Value::str(&*m.text),
                1 => m.pattern.clone(),
                _ => match m.spans.iter().rposition(|s| s.is_some()) {
                    Some(0) | None => Value::None,
                    Some(i) => Value::Int(i as i64),
                },
            })
            .unwrap_or(Value::None))
        });
        c.dict.borrow_mut().insert(
            name.into(),
            Value::Property(Rc::new(crate::object::Property { fget: Some(getter), fset: None, fdel: None, doc: Value::None })),
        );
    }
}
