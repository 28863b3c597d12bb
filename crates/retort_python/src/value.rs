//! Python values: the `Value` enum every part of the VM passes around, and
//! the small immutable payloads (strings, ranges, slices) it points to.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::dict::{Dict, Set};
use crate::object::{Class, Function, Generator, Instance, Method, Module, NativeFn, Property};
use crate::vm::iter::IterState;

/// A Python object. Cloning is cheap (a reference count at most); mutable
/// containers are shared, as Python's are.
#[derive(Clone)]
#[repr(u64)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Native(Rc<NativeFn>),
    Method(Rc<Method>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iter(Rc<RefCell<IterState>>),
    Generator(Rc<RefCell<Generator>>),
    Property(Rc<Property>),
    ClassMethod(Rc<Value>),
    StaticMethod(Rc<Value>),
    Super(Rc<(Rc<Class>, Value)>),
    Cell(Rc<RefCell<Option<Value>>>),
    Code(Rc<crate::code::Code>),
}

/// A `str`: UTF-8 text with its length in code points, so indexing ASCII
/// text (the common case) is O(1).
pub struct PyStr {
    pub s: Box<str>,
    pub chars: usize,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s = s.into();
        let chars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, chars }
    }
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// The code point at index `i` (already bounds-checked).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }
    /// The substring of code points `[start, end)`.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        if self.is_ascii() {
            return &self.s[start..end];
        }
        let mut idx = self.s.char_indices().map(|(i, _)| i).chain(std::iter::once(self.s.len()));
        let a = idx.nth(start).unwrap_or(self.s.len());
        let b = if end > start { idx.nth(end - start - 1).unwrap_or(self.s.len()) } else { a };
        &self.s[a..b]
    }
}

/// `range(start, stop, step)`.
#[derive(Clone, Copy)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

impl Value {
    pub fn str(s: impl Into<Box<str>>) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(v))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(&s.s),
            _ => None,
        }
    }
    /// The identity of the object, as `is` compares it.
    pub fn identity(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::None => 1,
            Value::NotImplemented => 2,
            Value::Ellipsis => 3,
            Value::Bool(b) => 4 + *b as usize,
            Value::Int(i) => 0x1000_0000 ^ (*i as usize),
            Value::BigInt(r) => p(r),
            Value::Float(f) => 0x2000_0000 ^ (f.to_bits() as usize),
            Value::Str(r) => p(r),
            Value::Bytes(r) => p(r),
            Value::List(r) => p(r),
            Value::Tuple(r) => p(r),
            Value::Dict(r) => p(r),
            Value::Set(r) => p(r),
            Value::FrozenSet(r) => p(r),
            Value::Range(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Function(r) => p(r),
            Value::Native(r) => p(r),
            Value::Method(r) => p(r),
            Value::Class(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Module(r) => p(r),
            Value::Iter(r) => p(r),
            Value::Generator(r) => p(r),
            Value::Property(r) => p(r),
            Value::ClassMethod(r) => p(r),
            Value::StaticMethod(r) => p(r),
            Value::Super(r) => p(r),
            Value::Cell(r) => p(r),
            Value::Code(r) => p(r),
        }
    }
    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.s.len() <= 1 && a.s == b.s),
            _ => std::mem::discriminant(self) == std::mem::discriminant(other) && self.identity() == other.identity(),
        }
    }
}
