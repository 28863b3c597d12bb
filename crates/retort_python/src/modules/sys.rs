//! The `sys` and `time` modules. `time` is deterministic where it can be:
//! `perf_counter` and `monotonic` count the VM's steps, `time()` and
//! `sleep()` are recorded as non-deterministic.

use std::rc::Rc;

use crate::builtins::add_function;
use crate::object::{Module, PyResult};
use crate::value::Value;
use crate::vm::Vm;

pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("sys");
    m.set("argv", Value::list(vec![Value::str("main.py")]));
    m.set("version_info", Value::tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::str("final"), Value::Int(0)]));
    m.set("version", Value::str("3.11.7 (Retort)"));
    m.set("platform", Value::str("retort"));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("byteorder", Value::str("little"));
    m.set("modules", Value::dict(Default::default()));
    m.set("path", Value::list(vec![]));
    let stdout = vm.stream_object("stdout")?;
    m.set("stdout", stdout.clone());
    m.set("__stdout__", stdout.clone());
    vm.stdout_object = Some(stdout);
    let stderr = vm.stream_object("stderr")?;
    m.set("stderr", stderr.clone());
    m.set("__stderr__", stderr);
    add_function(&m, "displayhook", |vm, a| {
        vm.default_display(crate::builtins::arg(vm, &a, 0)?.clone())?;
        Ok(Value::None)
    });
    let hook = m.get("displayhook").expect("just set");
    m.set("__displayhook__", hook);
    add_function(&m, "getrecursionlimit", |vm, _| Ok(Value::Int(vm.budget.recursion as i64)));
    add_function(&m, "setrecursionlimit", |vm, a| {
        let n = vm.index_of(crate::builtins::arg(vm, &a, 0)?, "int")?;
        if n < 1 {
            return vm.value_error("recursion limit must be greater or equal than 1");
        }
        vm.budget.recursion = (n as usize).min(5000);
        Ok(Value::None)
    });
    add_function(&m, "exit", |vm, a| Err(vm.make_exc(vm.exc_class("SystemExit"), a.pos)));
    add_function(&m, "getsizeof", |vm, a| {
        vm.not_implemented(&format!("sys.getsizeof({})", vm.type_of(crate::builtins::arg(vm, &a, 0)?).name))
    });
    add_function(&m, "get_int_max_str_digits", |_, _| Ok(Value::Int(crate::builtins::repr::INT_MAX_STR_DIGITS as i64)));
    add_function(&m, "intern", |_, a| Ok(a.pos[0].clone()));
    add_function(&m, "exc_info", |vm, _| match vm.handled.last() {
        Some(e) => Ok(Value::tuple(vec![Value::Class(e.class()), e.value(), Value::None])),
        None => Ok(Value::tuple(vec![Value::None, Value::None, Value::None])),
    });
    Ok(m)
}

impl Vm {
    /// `sys.stdout` / `sys.stderr`: objects with `write` and `flush`.
    fn stream_object(&mut self, which: &'static str) -> PyResult<Value> {
        let class = crate::builtins::types::builtin_class("TextIOWrapper", crate::object::Builtin::Object, &[&self.types.object]);
        let write = self.native("write", move |vm, a| {
            let s = match a.pos.get(1) {
                Some(Value::Str(s)) => s.s.to_string(),
                Some(other) => return vm.type_error(format!("write() argument must be str, not {}", vm.type_of(other).name)),
                None => return vm.type_error("write() takes exactly one argument (0 given)"),
            };
            if which == "stdout" {
                vm.write(&s);
            } else {
                vm.err.push_str(&s);
            }
            Ok(Value::Int(s.chars().count() as i64))
        });
        class.dict.borrow_mut().insert("write".into(), write);
        class.dict.borrow_mut().insert("flush".into(), self.native("flush", |_, _| Ok(Value::None)));
        Ok(self.new_instance(&class, &[]))
    }
}

pub fn time_module(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("time");
    add_function(&m, "perf_counter", |vm, _| Ok(Value::Float(vm.steps as f64 * 1e-8)));
    add_function(&m, "monotonic", |vm, _| Ok(Value::Float(vm.steps as f64 * 1e-8)));
    add_function(&m, "process_time", |vm, _| Ok(Value::Float(vm.steps as f64 * 1e-8)));
    add_function(&m, "perf_counter_ns", |vm, _| Ok(Value::Int(vm.steps as i64 * 10)));
    add_function(&m, "time", |vm, _| {
        vm.nondeterministic.push("time.time()".into());
        Ok(Value::Float(1_764_000_000.0 + vm.steps as f64 * 1e-8))
    });
    add_function(&m, "sleep", |vm, a| {
        let s = crate::builtins::num::to_float(vm, a.pos.first().unwrap_or(&Value::Int(0)))?;
        if s < 0.0 {
            return vm.value_error("sleep length must be non-negative");
        }
        vm.nondeterministic.push(format!("time.sleep({s}) returned at once"));
        Ok(Value::None)
    });
    Ok(m)
}
