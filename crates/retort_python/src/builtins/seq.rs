//! `list`, `tuple`, `range` and `slice`: constructors and methods.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::{add_method, check_args};
use crate::object::{Args, PyResult};
use crate::value::Value;
use crate::vm::ops::norm_index;
use crate::vm::Vm;

/// The list behind `self` (a list or an instance of a list subclass).
fn this_list(vm: &mut Vm, a: &Args) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match a.pos.first().map(|v| vm.unwrap_base(v)) {
        Some(Value::List(l)) => Ok(l),
        Some(other) => vm.type_error(format!("descriptor requires a 'list' object but received a '{}'", vm.type_of(&other).name)),
        None => vm.type_error("descriptor needs an argument"),
    }
}

fn seq_items(vm: &mut Vm, a: &Args) -> PyResult<Vec<Value>> {
    match a.pos.first().map(|v| vm.unwrap_base(v)) {
        Some(Value::List(l)) => Ok(l.borrow().clone()),
        Some(Value::Tuple(t)) => Ok(t.to_vec()),
        Some(Value::Range(r)) => Ok((0..r.len()).map(|i| Value::Int(r.get(i))).collect()),
        _ => vm.type_error("descriptor needs a sequence"),
    }
}

pub fn install(vm: &mut Vm) {
    let list = vm.types.list.clone();
    add_method(&list, "__new__", |vm, a| {
        let l = Value::list(Vec::new());
        let lc = vm.types.list.clone();
        Ok(crate::builtins::num::for_class(vm, &a.pos[0], l, &lc))
    });
    add_method(&list, "__init__", |vm, a| {
        check_args(vm, &a, "list", 1, 2)?;
        let l = this_list(vm, &a)?;
        let items = match a.pos.get(1) {
            Some(v) => vm.iterate(v)?,
            None => Vec::new(),
        };
        *l.borrow_mut() = items;
        Ok(Value::None)
    });
    add_method(&list, "append", |vm, a| {
        check_args(vm, &a, "append", 2, 2)?;
        let l = this_list(vm, &a)?;
        l.borrow_mut().push(a.pos[1].clone());
        Ok(Value::None)
    });
    add_method(&list, "extend", |vm, a| {
        check_args(vm, &a, "extend", 2, 2)?;
        let l = this_list(vm, &a)?;
        let items = vm.iterate(&a.pos[1])?;
        l.borrow_mut().extend(items);
        Ok(Value::None)
    });
    add_method(&list, "insert", |vm, a| {
        check_args(vm, &a, "insert", 3, 3)?;
        let l = this_list(vm, &a)?;
        let i = vm.index_of(&a.pos[1], "list")?;
        let mut l = l.borrow_mut();
        let n = l.len() as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        l.insert(i, a.pos[2].clone());
        Ok(Value::None)
    });
    add_method(&list, "pop", |vm, a| {
        check_args(vm, &a, "pop", 1, 2)?;
        let l = this_list(vm, &a)?;
        let i = match a.pos.get(1) {
            Some(v) => vm.index_of(v, "list")?,
            None => -1,
        };
        let n = l.borrow().len();
        if n == 0 {
            return vm.index_error("pop from empty list");
        }
        match norm_index(i, n) {
            Some(i) => Ok(l.borrow_mut().remove(i)),
            None => vm.index_error("pop index out of range"),
        }
    });
    add_method(&list, "remove", |vm, a| {
        check_args(vm, &a, "remove", 2, 2)?;
        let l = this_list(vm, &a)?;
        let mut i = 0;
        loop {
            let Some(x) = l.borrow().get(i).cloned() else {
                break;
            };
            if vm.eq(&x, &a.pos[1])? {
                l.borrow_mut().remove(i);
                return Ok(Value::None);
            }
            i += 1;
        }
        vm.value_error("list.remove(x): x not in list")
    });
    add_method(&list, "clear", |vm, a| {
        this_list(vm, &a)?.borrow_mut().clear();
        Ok(Value::None)
    });
    add_method(&list, "copy", |vm, a| Ok(Value::list(this_list(vm, &a)?.borrow().clone())));
    add_method(&list, "reverse", |vm, a| {
        this_list(vm, &a)?.borrow_mut().reverse();
        Ok(Value::None)
    });
    add_method(&list, "sort", |vm, mut a| {
        let key = a.take_kw("key");
        let reverse = match a.take_kw("reverse") {
            Some(r) => vm.truthy(&r)?,
            None => false,
        };
        check_args(vm, &a, "sort", 1, 1)?;
        let l = this_list(vm, &a)?;
        let items = std::mem::take(&mut *l.borrow_mut());
        let sorted = vm.sort_values(items.clone(), key, reverse);
        match sorted {
            Ok(s) => {
                *l.borrow_mut() = s;
                Ok(Value::None)
            }
            Err(e) => {
                *l.borrow_mut() = items;
                Err(e)
            }
        }
    });
    for class in [list.clone(), vm.types.tuple.clone()] {
        add_method(&class, "index", |vm, a| {
            check_args(vm, &a, "index", 2, 4)?;
            let items = seq_items(vm, &a)?;
            let start = match a.pos.get(2) {
                Some(v) => vm.index_of(v, "slice")?,
                None => 0,
            };
            let start = if start < 0 { (start + items.len() as i64).max(0) } else { start } as usize;
            for (i, x) in items.iter().enumerate().skip(start) {
                if vm.eq(x, &a.pos[1])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            let what = if matches!(vm.unwrap_base(&a.pos[0]), Value::Tuple(_)) { "tuple.index(x): x not in tuple" } else { "" };
            if !what.is_empty() {
                return vm.value_error(what);
            }
            let r = vm.repr(&a.pos[1])?;
            vm.value_error(format!("{r} is not in list"))
        });
        add_method(&class, "count", |vm, a| {
            check_args(vm, &a, "count", 2, 2)?;
            let items = seq_items(vm, &a)?;
            let mut n = 0;
            for x in &items {
                if vm.eq(x, &a.pos[1])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        });
        crate::builtins::add_base_delegates(&class, &["__getitem__", "__len__", "__contains__", "__iter__"]);
    }
    crate::builtins::add_base_delegates(&list, &["__setitem__", "__delitem__"]);
    let tuple = vm.types.tuple.clone();
    add_method(&tuple, "__new__", |vm, a| {
        let items = match a.pos.get(1) {
            Some(v) => vm.iterate(v)?,
            None => Vec::new(),
        };
        let t = Value::tuple(items);
        let tc = vm.types.tuple.clone();
        Ok(crate::builtins::num::for_class(vm, &a.pos[0], t, &tc))
    });
    add_method(&vm.types.range.clone(), "__new__", |vm, a| crate::builtins::make_range(vm, &a.pos[1..]));
    for (i, name) in ["start", "stop", "step"].into_iter().enumerate() {
        vm.types.range.dict.borrow_mut().insert(
            name.into(),
            Value::Property(Rc::new(crate::object::Property {
                fget: Some(Value::Native(Rc::new(crate::object::NativeFn {
                    name: name.into(),
                    func: Rc::new(move |_vm: &mut Vm, a: Args| match &a.pos[0] {
                        Value::Range(r) => Ok(Value::Int([r.start, r.stop, r.step][i])),
                        _ => Ok(Value::None),
                    }),
                    this: None,
                }))),
                fset: None,
                fdel: None,
                doc: Value::None,
            })),
        );
    }
    add_method(&vm.types.range.clone(), "index", |vm, a| {
        let Value::Range(r) = &a.pos[0] else {
            return vm.type_error("range expected");
        };
        let v = a.pos.get(1).cloned().unwrap_or(Value::None);
        if vm.contains(&a.pos[0], &v)? {
            if let Value::Int(i) = v {
                return Ok(Value::Int((i - r.start) / r.step));
            }
        }
        let s = vm.repr(&v)?;
        vm.value_error(format!("{s} is not in range"))
    });
    add_method(&vm.types.range.clone(), "count", |vm, a| {
        let v = a.pos.get(1).cloned().unwrap_or(Value::None);
        Ok(Value::Int(vm.contains(&a.pos[0], &v)? as i64))
    });
    add_method(&vm.types.slice.clone(), "__new__", |vm, a| {
        let p = &a.pos[1..];
        let s = match p.len() {
            1 => [Value::None, p[0].clone(), Value::None],
            2 => [p[0].clone(), p[1].clone(), Value::None],
            3 => [p[0].clone(), p[1].clone(), p[2].clone()],
            n => return vm.type_error(format!("slice expected at least 1 argument, got {n}")),
        };
        Ok(Value::Slice(Rc::new(s)))
    });
}
