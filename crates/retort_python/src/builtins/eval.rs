//! `compile()`, `eval()` and `exec()`: source text compiled (in the
//! modes `exec`, `eval` and `single`, the interactive prompt's) and run in
//! a namespace (a dict given by the caller, or the script's module globals).

use std::rc::Rc;

use crate::dict::Key;
use crate::object::{Args, Module, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub fn compile(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    for (i, name) in ["source", "filename", "mode"].into_iter().enumerate() {
        if let Some(v) = a.take_kw(name) {
            if a.pos.len() != i {
                return vm.type_error(format!("argument for compile() given by name ('{name}') and position ({})", i + 1));
            }
            a.pos.push(v);
        }
    }
    for flag in ["flags", "dont_inherit", "optimize", "_feature_version"] {
        a.take_kw(flag);
    }
    if let Some((k, _)) = a.kw.first() {
        return vm.type_error(format!("compile() got an unexpected keyword argument '{k}'"));
    }
    super::check_args(vm, &a, "compile", 3, 6)?;
    let source = match &a.pos[0] {
        Value::Str(s) => s.s.to_string(),
        Value::Code(_) => return Ok(a.pos[0].clone()),
        other => return vm.type_error(format!("compile() arg 1 must be a string, bytes or AST object, not {}", vm.tp_name(other))),
    };
    let filename = vm.str_of(&a.pos[1])?;
    let mode = vm.str_of(&a.pos[2])?;
    let mode = match mode.as_str() {
        "exec" | "eval" | "single" => mode,
        _ => return vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"),
    };
    Ok(Value::Code(compiled(vm, &source, &filename, &mode)?))
}

/// Source text compiled in `mode` (`exec`, `eval` or `single`), or the
/// SyntaxError it raises.
fn compiled(vm: &mut Vm, source: &str, filename: &str, mode: &str) -> PyResult<Rc<crate::code::Code>> {
    let result = match mode {
        // eval() strips leading spaces and tabs, as CPython does
        "eval" => crate::compile_expression(source.trim_start_matches([' ', '\t']), filename),
        _ => crate::compile_source_as(source, filename, mode == "single"),
    };
    result.map_err(|e| {
        if matches!(e.kind, crate::CompileErrorKind::NotImplemented) {
            return vm.new_error("NotImplementedError", format!("{} ({filename}, line {})", e.message, e.line));
        }
        let err = vm.new_error("SyntaxError", format!("{} ({filename}, line {})", e.message, e.line));
        let exc = err.value();
        for (name, value) in [
            ("msg", Value::str(e.message.as_str())),
            ("filename", Value::str(filename)),
            ("lineno", Value::Int(e.line as i64)),
            ("offset", Value::Int(e.column as i64)),
        ] {
            let _ = vm.setattr(&exc, name, value);
        }
        err
    })
}

/// `eval(source, globals=None, locals=None)` and `exec(...)`: what `which` names.
pub fn run_source(vm: &mut Vm, a: Args, which: &str) -> PyResult<Value> {
    super::check_args(vm, &a, which, 1, 3)?;
    let code = match &a.pos[0] {
        Value::Str(s) => {
            let source = s.s.to_string();
            compiled(vm, &source, "<string>", which)?
        }
        Value::Code(c) => c.clone(),
        _ => return Err(vm.new_error("TypeError", format!("{which}() arg 1 must be a string, bytes or code object"))),
    };
    let namespaces: Vec<Value> = a.pos[1..].iter().filter(|v| !matches!(v, Value::None)).cloned().collect();
    for n in &namespaces {
        if !matches!(n, Value::Dict(_)) {
            return Err(vm.new_error("TypeError", format!("{which}() globals must be a dict, not {}", vm.tp_name(n))));
        }
    }
    let module = if namespaces.is_empty() { vm.main.clone() } else { namespace_module(vm, &namespaces) };
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

/// A module whose globals are the string keys of the given dicts (later
/// ones win). A single dict keeps one module from call to call, so what
/// an earlier `exec()` defined in it sees the names later ones add.
fn namespace_module(vm: &mut Vm, namespaces: &[Value]) -> Rc<Module> {
    let kept = match namespaces {
        [Value::Dict(d)] => {
            vm.exec_namespaces.retain(|(w, _)| w.strong_count() > 0);
            vm.exec_namespaces.iter().find(|(w, _)| std::ptr::eq(w.as_ptr(), Rc::as_ptr(d))).map(|(_, m)| m.clone())
        }
        _ => None,
    };
    let module = match kept {
        Some(m) => {
            m.dict.borrow_mut().clear();
            m
        }
        None => {
            let m = Module::new("__main__");
            if let [Value::Dict(d)] = namespaces {
                vm.exec_namespaces.push((Rc::downgrade(d), m.clone()));
            }
            m
        }
    };
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
