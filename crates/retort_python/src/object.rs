//! Heap objects behind `Value`: classes (builtin and user-defined, with
//! their MRO), instances (with an exception or host payload), functions,
//! native functions, bound methods, modules, properties and generators.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::code::Code;
use crate::dict::{AttrMap, FastHash};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::Vm;

type FxHashMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// A raised exception: always an instance of a `BaseException` subclass.
#[derive(Clone)]
pub struct PyErr(pub Rc<Instance>);

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
    pub fn class(&self) -> Rc<Class> {
        self.0.class()
    }
}

pub type PyResult<T> = Result<T, PyErr>;

/// The arguments of a call: positional values, then keyword pairs in order.
#[derive(Default, Clone)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args { pos, kw: Vec::new() }
    }
    pub fn with_self(mut self, this: Value) -> Args {
        self.pos.insert(0, this);
        self
    }
    /// Removes and returns the keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

/// Which builtin type a class is, or which builtin base a user class extends
/// (its instances then carry that base's value as their payload).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Builtin {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Iterator,
    Generator,
    Property,
    ClassMethod,
    StaticMethod,
    Super,
    Cell,
    Code,
    BaseException,
}

/// A class: builtin or made by a `class` statement.
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order without the class itself.
    pub mro: Vec<Rc<Class>>,
    pub dict: ClassDict,
    /// The metaclass, when it is not `type`.
    pub meta: Option<Rc<Class>>,
    pub builtin: Builtin,
    /// True for builtin types (their attributes cannot be set).
    pub is_builtin: bool,
}

impl Class {
    /// The class and its MRO, most derived first.
    pub fn mro_all(self: &Rc<Class>) -> impl Iterator<Item = &Rc<Class>> + '_ {
        std::iter::once(self).chain(self.mro.iter())
    }
    /// Looks `name` up along the MRO, through the class's lookup cache (as
    /// CPython's type attribute cache: hits and misses are remembered until
    /// some class's namespace changes).
    pub fn lookup(self: &Rc<Class>, name: &str) -> Option<Value> {
        let epoch = CLASS_EPOCH.get();
        {
            let cache = self.dict.cache.borrow();
            if cache.0 == epoch {
                if let Some(hit) = cache.1.get(name) {
                    return hit.clone();
                }
            }
        }
        let found = self.lookup_uncached(name);
        let mut cache = self.dict.cache.borrow_mut();
        if cache.0 != epoch || cache.1.len() >= LOOKUP_CACHE_LIMIT {
            cache.1.clear();
            cache.0 = epoch;
        }
        cache.1.insert(name.into(), found.clone());
        found
    }
    fn lookup_uncached(self: &Rc<Class>, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        self.mro_all().any(|c| Rc::ptr_eq(c, other))
    }
    pub fn full_name(&self) -> String {
        // (`__module__` as the class's namespace has it now: a script may set it)
        let module = match self.dict.borrow().get("__module__") {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => self.module.to_string(),
        };
        if module == "builtins" {
            self.qualname.to_string()
        } else {
            format!("{module}.{}", self.qualname)
        }
    }
}

thread_local! {
    /// Bumped whenever any class's namespace may change: every lookup cache
    /// made before it is stale.
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(0) };
}

/// Names remembered per class before its lookup cache starts over.
const LOOKUP_CACHE_LIMIT: usize = 512;

/// A class's lookup cache: the epoch it was filled in, and each name's lookup.
type LookupCache = (u64, FxHashMap<Rc<str>, Option<Value>>);

/// A class's namespace. Changing it (through `borrow_mut`) makes every
/// class's lookup cache stale, since subclasses see the change too.
pub struct ClassDict {
    map: RefCell<AttrMap>,
    cache: RefCell<LookupCache>,
}

impl ClassDict {
    pub fn new(map: AttrMap) -> Self {
        ClassDict { map: RefCell::new(map), cache: RefCell::new((u64::MAX, FxHashMap::default())) }
    }
    pub fn borrow(&self) -> std::cell::Ref<'_, AttrMap> {
        self.map.borrow()
    }
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, AttrMap> {
        CLASS_EPOCH.set(CLASS_EPOCH.get().wrapping_add(1));
        self.map.borrow_mut()
    }
    /// Empties the namespace and its lookup cache, handing over the namespace (a VM's teardown).
    pub fn take(&self) -> AttrMap {
        CLASS_EPOCH.set(CLASS_EPOCH.get().wrapping_add(1));
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            cache.1.clear();
        }
        self.map.try_borrow_mut().map(|mut m| std::mem::take(&mut *m)).unwrap_or_default()
    }
}

/// What an instance carries beyond its `__dict__`.
pub enum Payload {
    None,
    Exc(ExcData),
    /// The builtin value of an instance of a `str`/`int`/`list`/... subclass.
    Base(Value),
    /// A host object (defined by a host module in Rust).
    Host(Box<dyn Any>),
}

/// One line of a traceback.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub file: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
}

pub struct ExcData {
    pub args: Value,
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

/// An instance of a user-defined or host class.
pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: RefCell<AttrMap>,
    pub payload: RefCell<Payload>,
    /// A per-run serial number: `id()` and the default repr's address.
    pub serial: u64,
}

impl Instance {
    pub fn class(&self) -> Rc<Class> {
        self.class.borrow().clone()
    }
    pub fn base_value(&self) -> Option<Value> {
        match &*self.payload.borrow() {
            Payload::Base(v) => Some(v.clone()),
            _ => None,
        }
    }
}

/// A function defined in Python.
pub struct Function {
    pub code: Rc<Code>,
    pub module: Rc<Module>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: RefCell<Vec<Value>>,
    pub kwdefaults: RefCell<Vec<(Rc<str>, Value)>>,
    pub closure: Vec<Rc<RefCell<Option<Value>>>>,
    pub annotations: RefCell<Value>,
    pub dict: RefCell<AttrMap>,
    pub doc: RefCell<Value>,
}

pub type NativeImpl = Rc<dyn Fn(&mut Vm, Args) -> PyResult<Value>>;

/// A function written in Rust (builtins and host modules).
pub struct NativeFn {
    pub name: Rc<str>,
    pub func: NativeImpl,
    /// Bound `self` for builtin methods taken from an object.
    pub this: Option<Value>,
}

/// A bound method: a callable with its first argument fixed.
pub struct Method {
    pub func: Value,
    pub this: Value,
}

/// A module: a namespace of globals.
pub struct Module {
    pub name: Rc<str>,
    pub dict: RefCell<AttrMap>,
}

impl Module {
    pub fn new(name: &str) -> Rc<Module> {
        let m = Rc::new(Module { name: name.into(), dict: RefCell::new(AttrMap::default()) });
        m.dict.borrow_mut().insert("__name__".into(), Value::str(name));
        m
    }
    pub fn get(&self, name: &str) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }
    /// `get`, looking first where `slot` says `name` was last found (and
    /// remembering where it is found).
    pub fn get_at(&self, name: &Rc<str>, slot: &Cell<u32>) -> Option<Value> {
        let d = self.dict.borrow();
        // (a name stored by the same code is the very same string)
        if let Some((k, v)) = d.get_index(slot.get() as usize) {
            if Rc::ptr_eq(k, name) {
                return Some(v.clone());
            }
        }
        crate::dict::hinted_get(&d, name, slot).cloned()
    }

    /// `set`, looking first where `slot` says `name` was last found (and
    /// remembering where it is).
    pub fn set_at(&self, name: &Rc<str>, v: Value, slot: &Cell<u32>) {
        let mut d = self.dict.borrow_mut();
        if let Some((k, old)) = d.get_index_mut(slot.get() as usize) {
            if Rc::ptr_eq(k, name) || **k == **name {
                *old = v;
                return;
            }
        }
        let i = match d.get_full_mut(&**name) {
            Some((i, _, old)) => {
                *old = v;
                i
            }
            // (keyed by the code's own string, which its next loads find by address)
            None => d.insert_full(name.clone(), v).0,
        };
        slot.set(i as u32);
    }

    pub fn set(&self, name: &str, v: Value) {
        let mut d = self.dict.borrow_mut();
        // an existing name keeps its key (no new string for each store in a loop)
        match d.get_mut(name) {
            Some(slot) => *slot = v,
            None => {
                d.insert(name.into(), v);
            }
        }
    }
}

/// `property(fget, fset, fdel, doc)`.
pub struct Property {
    pub fget: Option<Value>,
    pub fset: Option<Value>,
    pub fdel: Option<Value>,
    pub doc: Value,
}

/// A generator: a suspended frame.
pub struct Generator {
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub started: bool,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
}

thread_local! {
    static SERIAL: Cell<u64> = const { Cell::new(0) };
}

/// The next instance serial: deterministic within a run.
pub fn next_serial() -> u64 {
    SERIAL.with(|s| {
        let v = s.get() + 1;
        s.set(v);
        v
    })
}

pub fn reset_serials() {
    SERIAL.with(|s| s.set(0));
}

/// The last serial handed out (to resume a run's count after another run).
pub fn serials() -> u64 {
    SERIAL.with(|s| s.get())
}

/// Resumes the serial count where a run left it (see [`serials`]).
pub fn set_serials(n: u64) {
    SERIAL.with(|s| s.set(n));
}
