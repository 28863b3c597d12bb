//! `eval()` and `exec()`: source text compiled and run in a namespace (a
//! dict given by the caller, or the script's module globals).

use std::rc::Rc;

use crate::dict::Key;
use crate::object::{Args, Module, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// `eval(source, globals=None, locals=None)` and `exec(...)`: what `which` names.
pub fn run_source(vm: &mut Vm, a: Args, which: &str) -> PyResult<Value> {
    super::check_args(vm, &a, which, 1, 3)?;
    let source = match &a.pos[0] {
        Value::Str(s) => s.s.to_string(),
        Value::Code(_) => return vm.not_implemented(&format!("{which}() of a code object")),
        _ => return Err(vm.new_error("TypeError", format!("{which}() arg 1 must be a string, bytes or code object"))),
    };
    let namespaces: Vec<Value> = a.pos[1..].iter().filter(|v| !matches!(v, Value::None)).cloned().collect();
    for n in &namespaces {
        if !matches!(n, Value::Dict(_)) {
            return Err(vm.new_error("TypeError", format!("{which}() globals must be a dict, not {}", vm.tp_name(n))));
        }
    }
    let module = if namespaces.is_empty() { vm.main.clone() } else { namespace_module(vm, &namespaces) };
    // eval() strips leading spaces and tabs, as CPython does
    let text = if which == "eval" { source.trim_start_matches([' ', '\t']) } else { source.as_str() };
    let compiled = if which == "eval" { crate::compile_expression(text, "<string>") } else { crate::compile_source(text, "<string>") };
    let code = compiled.map_err(|e| {
        let kind = if matches!(e.kind, crate::CompileErrorKind::NotImplemented) { "NotImplementedError" } else { "SyntaxError" };
        vm.new_error(kind, format!("{} (<string>, line {})", e.message, e.line))
    })?;
    let result = vm.run_module_code(code, module.clone());
    if let Some(target) = namespaces.last() {
        write_back(&module, target);
    }
    match result {
        Err(e) if namespaces.is_empty() && vm.depth > 1 && vm.err_is(&e, "NameError") => {
            let message = vm.exc_str(&e);
            vm.not_implemented(&format!(
                "{which}() of a function's local names ({message}): pass them in a dict, as in {which}(text, {{'x': x}})"
            ))
        }
        Err(e) => Err(e),
        Ok(_) if which == "exec" => Ok(Value::None),
        Ok(v) => Ok(v),
    }
}

/// A module whose globals are the string keys of the given dicts (later ones win).
fn namespace_module(vm: &Vm, namespaces: &[Value]) -> Rc<Module> {
    let module = Module::new("__main__");
    module.dict.borrow_mut().shift_remove("__name__");
    for n in namespaces {
        if let Value::Dict(d) = n {
            for (k, (_, v)) in d.borrow().iter() {
                if let Key::Str(s) = k {
                    module.set(&s.s, v.clone());
                }
            }
        }
    }
    if module.get("__builtins__").is_none() {
        module.set("__builtins__", Value::Module(vm.builtins.clone()));
    }
    module
}

/// The names `exec()` defined, written back to the dict that was its namespace.
fn write_back(module: &Module, target: &Value) {
    let Value::Dict(d) = target else { return };
    let entries: Vec<(Rc<str>, Value)> = module.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut d = d.borrow_mut();
    for (k, v) in entries {
        d.insert(crate::vm::exec::str_key(&k), (Value::str(&*k), v));
    }
}
