//! The host-module API: a module written in Rust (functions, a class with
//! a Rust payload) imported by a script, and the script lines every host
//! call sees (the innermost line and its call sites).

use std::cell::RefCell;
use std::rc::Rc;

use retort_python::object::{Module, Payload};
use retort_python::{Budget, Interpreter, Value};

fn interpreter(seen: Rc<RefCell<Vec<Vec<u32>>>>) -> Interpreter {
    let mut interp = Interpreter::new(Budget::default());
    interp.vm.register_module(
        "probe",
        Rc::new(move |vm| {
            let m = Module::new("probe");
            let seen = seen.clone();
            m.set(
                "record",
                vm.native("record", move |vm, _| {
                    seen.borrow_mut().push(vm.current_lines().to_vec());
                    Ok(Value::None)
                }),
            );
            let counter = vm.host_class("probe", "Counter", vec![]);
            counter.dict.borrow_mut().insert(
                "bump".into(),
                vm.native("bump", |vm, a| {
                    let Value::Instance(i) = &a.pos[0] else {
                        return vm.type_error("bump() needs a Counter");
                    };
                    let mut payload = i.payload.borrow_mut();
                    let n = match &mut *payload {
                        Payload::Host(h) => match h.downcast_mut::<i64>() {
                            Some(n) => {
                                *n += 1;
                                *n
                            }
                            None => 0,
                        },
                        _ => {
                            *payload = Payload::Host(Box::new(1i64));
                            1
                        }
                    };
                    Ok(Value::Int(n))
                }),
            );
            m.set("Counter", Value::Class(counter));
            Ok(m)
        }),
    );
    interp
}

#[test]
fn host_calls_know_their_lines_and_call_sites() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let script = "import probe\n\nprobe.record()\n\ndef helper():\n    probe.record()\n\nhelper()\n\nclass Model:\n    def save(self):\n        helper()\n\nModel().save()\n";
    let r = interpreter(seen.clone()).run(script);
    assert!(r.error.is_none(), "{:?}", r.error);
    assert_eq!(*seen.borrow(), vec![vec![3], vec![8, 6], vec![14, 12, 6]]);
}

#[test]
fn host_classes_carry_rust_state_and_can_be_subclassed() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let script = "from probe import Counter\nc = Counter()\nc.bump()\nprint(c.bump(), type(c).__name__, Counter)\nclass Loud(Counter):\n    def bump(self):\n        return super().bump() * 10\nprint(Loud().bump())\nimport nothing_here\n";
    let r = interpreter(seen).run(script);
    assert_eq!(r.stdout, "2 Counter <class 'probe.Counter'>\n10\n");
    let e = r.error.expect("the missing module");
    assert_eq!((e.type_name.as_str(), e.line, e.message.as_str()), ("ModuleNotFoundError", Some(9), "No module named 'nothing_here'"));
}

#[test]
fn a_host_call_knows_when_its_value_is_dropped_unseen() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let mut interp = Interpreter::new(Budget::default());
    let record = seen.clone();
    interp.vm.register_module(
        "probe",
        Rc::new(move |vm| {
            let m = Module::new("probe");
            let record = record.clone();
            m.set(
                "call",
                vm.native("call", move |vm, a| {
                    record.borrow_mut().push(vm.result_unused());
                    // a call the host makes itself is never the statement's
                    if let Some(f) = a.pos.first() {
                        vm.call(f, Default::default())?;
                    }
                    Ok(Value::Int(1))
                }),
            );
            Ok(m)
        }),
    );
    // statements dropping the value: lines 2, 4 (and the inner call of 6 is used by `call`)
    let script = "from probe import call\ncall()\nx = call()\nfor i in range(1):\n    call()\ncall(call)\nprint(call(), [call()], call() + 1, x)\ndef f():\n    call()\n    return call()\nf()\n";
    let r = interp.run(script);
    assert!(r.error.is_none(), "{:?}", r.error);
    assert_eq!(r.stdout, "1 [1] 2 1\n");
    assert_eq!(*seen.borrow(), vec![true, false, true, true, false, false, false, false, true, false]);
}

#[test]
fn a_module_answers_names_it_lacks_through_its_own_getattr() {
    // PEP 562: `from m import x` and `m.x` fall back to the module's `__getattr__`
    let mut interp = Interpreter::new(Budget::default());
    let source = "def __getattr__(name):\n    if name == 'later':\n        return 42\n    if name == 'refused':\n        raise NotImplementedError('no ' + name)\n    raise AttributeError(name)\nhere = 1\n";
    interp.vm.register_module("lazy", Rc::new(move |vm| vm.run_python_module("lazy", source)));
    let script = "import lazy\nfrom lazy import here, later\nprint(here, later, lazy.later, hasattr(lazy, 'nope'), getattr(lazy, 'nope', 'd'))\ntry:\n    from lazy import nope\nexcept ImportError as e:\n    print('ImportError', e)\ntry:\n    lazy.nope\nexcept AttributeError as e:\n    print('AttributeError', e)\nfrom lazy import refused\n";
    let r = interp.run(script);
    assert_eq!(r.stdout, "1 42 42 False d\nImportError cannot import name 'nope' from 'lazy' (unknown location)\nAttributeError module 'lazy' has no attribute 'nope'\n");
    let error = r.error.expect("the module's own error");
    assert_eq!((error.type_name.as_str(), error.message.as_str()), ("NotImplementedError", "no refused"));
    // (a module whose code raised is not kept: a second import runs it again)
    let mut interp = Interpreter::new(Budget::default());
    interp.vm.register_module("broken", Rc::new(|vm| vm.run_python_module("broken", "raise ValueError('bad')\n")));
    let r = interp.run("for i in range(2):\n    try:\n        import broken\n    except ValueError as e:\n        print(i, e)\n");
    assert_eq!(r.stdout, "0 bad\n1 bad\n");
}
