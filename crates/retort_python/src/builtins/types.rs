//! The builtin classes (`object`, `type`, `int`, `str`, ..., the exception
//! hierarchy) as `Class` objects, so `type()`, `isinstance()` and MRO
//! lookups treat them like any class.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::dict::AttrMap;
use crate::object::{Builtin, Class};

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none_type: Rc<Class>,
    pub not_implemented_type: Rc<Class>,
    pub ellipsis_type: Rc<Class>,
    pub bool: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str: Rc<Class>,
    pub bytes: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub iterator: Rc<Class>,
    pub generator: Rc<Class>,
    pub property: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub cell: Rc<Class>,
    pub code: Rc<Class>,
    pub exceptions: HashMap<String, Rc<Class>>,
    pub iterators: RefCell<HashMap<&'static str, Rc<Class>>>,
}

/// A builtin class with the given bases.
pub fn builtin_class(name: &str, kind: Builtin, bases: &[&Rc<Class>]) -> Rc<Class> {
    let bases: Vec<Rc<Class>> = bases.iter().map(|b| (*b).clone()).collect();
    let mro = crate::vm::class::c3(&bases).unwrap_or_default();
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: "builtins".into(),
        bases,
        mro,
        dict: crate::object::ClassDict::new(AttrMap::default()),
        meta: None,
        builtin: kind,
        is_builtin: true,
    })
}

const EXCEPTIONS: &[(&str, &str)] = &[
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

impl Types {
    pub fn new() -> Types {
        let object = builtin_class("object", Builtin::Object, &[]);
        let o = &object;
        let int = builtin_class("int", Builtin::Int, &[o]);
        let base_exc = builtin_class("BaseException", Builtin::BaseException, &[o]);
        let mut exceptions = HashMap::new();
        exceptions.insert("BaseException".to_owned(), base_exc);
        for (name, parent) in EXCEPTIONS {
            let p = exceptions[*parent].clone();
            exceptions.insert((*name).to_owned(), builtin_class(name, Builtin::BaseException, &[&p]));
        }
        Types {
            type_: builtin_class("type", Builtin::Type, &[o]),
            none_type: builtin_class("NoneType", Builtin::NoneType, &[o]),
            not_implemented_type: builtin_class("NotImplementedType", Builtin::NotImplementedType, &[o]),
            ellipsis_type: builtin_class("ellipsis", Builtin::Ellipsis, &[o]),
            bool: builtin_class("bool", Builtin::Bool, &[&int]),
            float: builtin_class("float", Builtin::Float, &[o]),
            str: builtin_class("str", Builtin::Str, &[o]),
            bytes: builtin_class("bytes", Builtin::Bytes, &[o]),
            list: builtin_class("list", Builtin::List, &[o]),
            tuple: builtin_class("tuple", Builtin::Tuple, &[o]),
            dict: builtin_class("dict", Builtin::Dict, &[o]),
            set: builtin_class("set", Builtin::Set, &[o]),
            frozenset: builtin_class("frozenset", Builtin::FrozenSet, &[o]),
            range: builtin_class("range", Builtin::Range, &[o]),
            slice: builtin_class("slice", Builtin::Slice, &[o]),
            function: builtin_class("function", Builtin::Function, &[o]),
            builtin_function: builtin_class("builtin_function_or_method", Builtin::BuiltinFunction, &[o]),
            method: builtin_class("method", Builtin::Method, &[o]),
            module: builtin_class("module", Builtin::Module, &[o]),
            iterator: builtin_class("iterator", Builtin::Iterator, &[o]),
            generator: builtin_class("generator", Builtin::Generator, &[o]),
            property: builtin_class("property", Builtin::Property, &[o]),
            classmethod: builtin_class("classmethod", Builtin::ClassMethod, &[o]),
            staticmethod: builtin_class("staticmethod", Builtin::StaticMethod, &[o]),
            super_: builtin_class("super", Builtin::Super, &[o]),
            cell: builtin_class("cell", Builtin::Cell, &[o]),
            code: builtin_class("code", Builtin::Code, &[o]),
            int,
            exceptions,
            iterators: RefCell::new(HashMap::new()),
            object,
        }
    }

    /// The class of a builtin iterator kind (`list_iterator`, `zip`, ...).
    pub fn iterator_class(&self, name: &'static str) -> Rc<Class> {
        self.iterators
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                let c = builtin_class(name, Builtin::Iterator, &[&self.object]);
                for (k, v) in self.iterator.dict.borrow().iter() {
                    c.dict.borrow_mut().insert(k.clone(), v.clone());
                }
                c
            })
            .clone()
    }
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}
