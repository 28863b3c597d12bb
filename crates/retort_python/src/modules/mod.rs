//! Importable modules: the registry, `import` itself, modules written in
//! Rust (`math`, `sys`, `time`, `json`, ...) and modules written in Python
//! and compiled on first import (`typing`, `enum`, `dataclasses`, ...).

mod json;
mod math;
mod re;
mod retort;
mod sys;

use std::rc::Rc;

use crate::object::{Module, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// Python sources of the pure-Python modules.
const PY_MODULES: &[(&str, &str)] = &[
    ("typing", py_source!("typing.py")),
    ("enum", py_source!("enum.py")),
    ("functools", py_source!("functools.py")),
    ("collections", py_source!("collections.py")),
    ("contextlib", py_source!("contextlib.py")),
    ("dataclasses", py_source!("dataclasses.py")),
    ("itertools", py_source!("itertools.py")),
    ("operator", py_source!("operator.py")),
    ("copy", py_source!("copy.py")),
    ("abc", py_source!("abc.py")),
    ("string", py_source!("string.py")),
    ("textwrap", py_source!("textwrap.py")),
    ("warnings", py_source!("warnings.py")),
    ("pprint", py_source!("pprint.py")),
    ("datetime", py_source!("datetime.py")),
    ("decimal", py_source!("decimal.py")),
    ("random", py_source!("random.py")),
    ("logging", py_source!("logging.py")),
    ("uuid", py_source!("uuid.py")),
    ("types", py_source!("types.py")),
    ("statistics", py_source!("statistics.py")),
];

pub fn register_all(vm: &mut Vm) {
    vm.register_module("math", Rc::new(math::module));
    vm.register_module("sys", Rc::new(sys::module));
    vm.register_module("time", Rc::new(sys::time_module));
    vm.register_module("_retort", Rc::new(retort::module));
    vm.register_module("json", Rc::new(json::module));
    vm.register_module("re", Rc::new(re::module));
    vm.register_module(
        "__future__",
        Rc::new(|_vm: &mut Vm| {
            let m = Module::new("__future__");
            m.set("annotations", Value::None);
            Ok(m)
        }),
    );
    for (name, source) in PY_MODULES {
        let (name, source) = (*name, *source);
        vm.register_module(name, Rc::new(move |vm: &mut Vm| vm.run_python_module(name, source)));
    }
}

impl Vm {
    /// `import name`: the module, built on first import.
    pub fn import(&mut self, name: &str) -> PyResult<Rc<Module>> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        if let Some((parent, child)) = name.rsplit_once('.') {
            let p = self.import(parent)?;
            if let Some(m) = self.modules.get(name) {
                return Ok(m.clone());
            }
            let m = self.build_module(name)?;
            p.set(child, Value::Module(m.clone()));
            return Ok(m);
        }
        self.build_module(name)
    }

    fn build_module(&mut self, name: &str) -> PyResult<Rc<Module>> {
        let Some(factory) = self.factories.get(name).cloned() else {
            return Err(self.new_error("ModuleNotFoundError", format!("No module named '{name}'")));
        };
        // (a module whose code raised is not kept: importing it again runs it again, as in CPython)
        let m = factory(self).inspect_err(|_| {
            self.modules.remove(name);
        })?;
        self.modules.insert(name.to_owned(), m.clone());
        Ok(m)
    }

    /// Runs Python source in an existing module's namespace, as the file
    /// `<retort>/NAME.py` (its dots made slashes). Its code is compiled once
    /// per thread and kept (a module's source rarely changes: a re-run in
    /// the playground's worker imports the same library again).
    pub fn exec_in_module(&mut self, module: &Rc<Module>, source: &str) -> PyResult<()> {
        self.exec_file(module, &library_filename(&module.name), source)
    }

    /// Runs Python source in `module`'s namespace as `filename` (what
    /// tracebacks name); a file of Retort's own starts with `<retort>`.
    pub fn exec_file(&mut self, module: &Rc<Module>, filename: &str, source: &str) -> PyResult<()> {
        let code = match compiled(filename, source) {
            Ok(c) => c,
            Err(e) => return Err(self.new_error("SystemError", format!("cannot compile {filename}: {}", e.message))),
        };
        self.run_module_code(code, module.clone())?;
        Ok(())
    }

    /// Compiles and runs a module written in Python.
    pub fn run_python_module(&mut self, name: &str, source: &str) -> PyResult<Rc<Module>> {
        self.run_python_file(name, &library_filename(name), source)
    }

    /// Compiles and runs the module `name` from `source`, as the file `filename`.
    pub fn run_python_file(&mut self, name: &str, filename: &str, source: &str) -> PyResult<Rc<Module>> {
        let module = Module::new(name);
        self.modules.insert(name.to_owned(), module.clone());
        self.exec_file(&module, filename, source)?;
        Ok(module)
    }
}

/// The file a library module of Retort's own is named by in tracebacks:
/// `<retort>/NAME.py`, its dots made slashes.
fn library_filename(name: &str) -> String {
    format!("<retort>/{}.py", name.replace('.', "/"))
}

thread_local! {
    /// Compiled library modules, by file name, with the source they came from.
    static COMPILED: std::cell::RefCell<std::collections::HashMap<String, (String, Rc<crate::code::Code>)>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// `source` compiled as `filename`, from the thread's cache when it holds that very source.
fn compiled(filename: &str, source: &str) -> Result<Rc<crate::code::Code>, crate::CompileError> {
    if let Some(code) = COMPILED.with(|c| c.borrow().get(filename).filter(|(s, _)| s == source).map(|(_, code)| code.clone())) {
        return Ok(code);
    }
    let code = crate::compile_source(source, filename)?;
    COMPILED.with(|c| c.borrow_mut().insert(filename.to_owned(), (source.to_owned(), code.clone())));
    Ok(code)
}
