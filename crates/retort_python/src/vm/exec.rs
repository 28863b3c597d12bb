//! The instruction loop. Python-to-Python calls push frames here without
//! recursing in Rust; native code calling back into Python (and generators)
//! run a nested loop.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::{BinOp, CmpOp, CodeKind, Op};
use crate::dict::Dict;
use crate::object::{Args, PyErr, PyResult};
use crate::value::Value;

use super::frame::{Block, BlockKind, Frame};
use super::generator::GenStep;
use super::Vm;

/// How a loop ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

enum Flow {
    Next,
    Push(Box<Frame>),
    Return(Value),
    Yield(Value),
    /// An exception; `true` when this frame's line joins the traceback.
    Raise(PyErr, bool),
}

/// How many instructions run between budget checks.
const CHECK_EVERY: u64 = 4096;

impl Vm {
    /// Runs a frame to completion (a module body, a function call).
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        self.enter_frame()?;
        match self.execute(frame, None) {
            (Ok(Exit::Return(v)), done) => {
                if let Some(done) = done {
                    self.recycle(done);
                }
                Ok(v)
            }
            (Ok(Exit::Yield(_)), _) => Err(self.new_error("SystemError", "a frame yielded outside a generator")),
            (Err(e), _) => Err(e),
        }
    }

    pub fn enter_frame(&mut self) -> PyResult<()> {
        if self.depth >= self.budget.recursion {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        Ok(())
    }

    /// Runs `base` (already counted in `depth`) until it returns or yields;
    /// `error` starts by raising it at the current instruction (generator `throw`).
    pub fn execute(&mut self, base: Box<Frame>, error: Option<PyErr>) -> (Result<Exit, PyErr>, Option<Box<Frame>>) {
        if let Some(p) = &mut self.profile {
            p.enter();
        }
        let mut frames: Vec<Box<Frame>> = vec![base];
        let mut pending: Option<(PyErr, bool)> = error.map(|e| (e, true));
        loop {
            let flow = match pending.take() {
                Some((e, add)) => Flow::Raise(e, add),
                None => {
                    let f = frames.last_mut().expect("a frame");
                    match self.step(f) {
                        Ok(flow) => flow,
                        Err(e) => Flow::Raise(e, true),
                    }
                }
            };
            match flow {
                Flow::Next => {}
                Flow::Push(frame) => {
                    if let Err(e) = self.enter_frame() {
                        if frame.pushed_line {
                            self.call_lines.pop();
                        }
                        pending = Some((e, true));
                        continue;
                    }
                    if let Some(p) = &mut self.profile {
                        p.enter();
                    }
                    frames.push(frame);
                }
                Flow::Return(v) => {
                    let done = frames.pop().expect("a frame");
                    self.depth -= 1;
                    if let Some(p) = &mut self.profile {
                        p.exit_python(&done.code);
                    }
                    if done.pushed_line {
                        self.call_lines.pop();
                    }
                    let v = match done.init_of.clone() {
                        Some(obj) if v.is_none() => obj,
                        Some(_) => {
                            let msg = format!("__init__() should return None, not '{}'", self.type_of(&v).name);
                            self.recycle(done);
                            pending = Some((self.new_error("TypeError", msg), true));
                            continue;
                        }
                        None => v,
                    };
                    match frames.last_mut() {
                        Some(f) => {
                            f.stack.push(v);
                            self.recycle(done);
                        }
                        None => return (Ok(Exit::Return(v)), Some(done)),
                    }
                }
                Flow::Yield(v) => {
                    let f = frames.pop().expect("a frame");
                    self.depth -= 1;
                    if let Some(p) = &mut self.profile {
                        p.exit_python(&f.code);
                    }
                    return (Ok(Exit::Yield(v)), Some(f));
                }
                Flow::Raise(exc, mut add) => {
                    self.set_context(&exc);
                    loop {
                        let f = frames.last_mut().expect("a frame");
                        if add {
                            self.add_traceback(&exc, f.code.filename.clone(), f.line(), f.code.name.clone());
                        }
                        add = true;
                        let block = if self.halted { None } else { f.blocks.pop() };
                        if let Some(b) = block {
                            f.stack.truncate(b.depth as usize);
                            self.handled.truncate(b.handled as usize);
                            f.stack.push(exc.value());
                            self.handled.push(exc.clone());
                            f.pc = b.handler as usize;
                            break;
                        }
                        let base = f.handled_base;
                        self.handled.truncate(base);
                        let done = frames.pop();
                        self.depth -= 1;
                        if let (Some(p), Some(d)) = (&mut self.profile, &done) {
                            p.exit_python(&d.code);
                        }
                        if done.as_ref().is_some_and(|d| d.pushed_line) {
                            self.call_lines.pop();
                        }
                        if frames.is_empty() {
                            return (Err(exc), done);
                        }
                    }
                }
            }
        }
    }

    /// The periodic check of the step budget and of the heap's size.
    #[cold]
    #[inline(never)]
    fn check_budgets(&mut self) -> PyResult<()> {
        if self.steps >= self.budget.steps {
            self.halted = true;
            return Err(self.new_error(
                "TimeoutError",
                format!("Retort stopped the script: it ran more than {} steps (the step budget)", self.budget.steps),
            ));
        }
        self.check_size(0)
    }

    /// Keeps a finished frame for the next call (its values are dropped now).
    pub fn recycle(&mut self, mut frame: Box<Frame>) {
        if self.frame_pool.len() < 32 {
            frame.stack.clear();
            frame.locals.clear();
            frame.cells.clear();
            frame.blocks.clear();
            frame.namespace = None;
            frame.init_of = None;
            self.frame_pool.push(frame);
        }
    }

    /// Sets `__context__` to the exception being handled, if any.
    fn set_context(&self, exc: &PyErr) {
        if let Some(h) = self.handled.last() {
            if !Rc::ptr_eq(&h.0, &exc.0) {
                let hv = h.value();
                self.with_exc_data(&exc.0, |d| {
                    if d.context.is_none() {
                        d.context = Some(hv);
                    }
                });
            }
        }
    }

    fn name_of(f: &Frame, i: u32) -> Rc<str> {
        f.code.names[i as usize].clone()
    }

    /// Runs `f`'s instructions until one changes the flow (a call into a
    /// Python frame, a return, a yield, an exception): the common instructions
    /// loop here without leaving the function.
    fn step(&mut self, f: &mut Frame) -> PyResult<Flow> {
        // A call's flow: a native's value is on the stack already, so the
        // loop goes on here; anything else returns to `execute`.
        macro_rules! go_on {
            ($flow:expr) => {
                match $flow {
                    Ok(Flow::Next) => {}
                    other => return other,
                }
            };
        }
        let code = f.code.clone();
        loop {
            let op = code.ops[f.pc];
            f.pc += 1;
            self.steps += 1;
            if self.steps >= self.next_check {
                self.next_check = self.steps + CHECK_EVERY;
                self.check_budgets()?;
            }
            match op {
                Op::Pop => {
                    f.stack.pop();
                }
                Op::PrintExpr => {
                    let v = f.stack.pop().expect("stack");
                    self.on_line(f, |vm| vm.display(v))?;
                }
                Op::Dup => {
                    let v = f.stack.last().expect("stack").clone();
                    f.stack.push(v);
                }
                Op::Dup2 => {
                    let n = f.stack.len();
                    let a = f.stack[n - 2].clone();
                    let b = f.stack[n - 1].clone();
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Op::Rot2 => {
                    let n = f.stack.len();
                    f.stack.swap(n - 1, n - 2);
                }
                Op::Rot3 => {
                    let v = f.stack.pop().expect("stack");
                    let n = f.stack.len();
                    f.stack.insert(n - 2, v);
                }
                Op::LoadConst(i) => f.stack.push(f.code.consts[i as usize].clone()),
                Op::LoadFast(i) => match &f.locals[i as usize] {
                    Some(v) => f.stack.push(v.clone()),
                    None => {
                        let name = &f.code.varnames[i as usize];
                        return Err(self.new_error(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                },
                Op::StoreFast(i) => f.locals[i as usize] = f.stack.pop(),
                Op::DeleteFast(i) => {
                    if f.locals[i as usize].take().is_none() {
                        let name = &f.code.varnames[i as usize];
                        return Err(self.new_error(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                }
                Op::LoadDeref(i) => {
                    let v = f.cells[i as usize].borrow().clone();
                    match v {
                        Some(v) => f.stack.push(v),
                        None => return Err(self.unbound_deref(f, i)),
                    }
                }
                Op::LoadClassDeref(i) => {
                    let name = self.deref_name(f, i);
                    let from_ns = f.namespace.as_ref().and_then(|ns| ns.borrow().get(&str_key(&name)).map(|e| e.1.clone()));
                    match from_ns {
                        Some(v) => f.stack.push(v),
                        None => {
                            let v = f.cells[i as usize].borrow().clone();
                            match v {
                                Some(v) => f.stack.push(v),
                                None => return Err(self.unbound_deref(f, i)),
                            }
                        }
                    }
                }
                Op::StoreDeref(i) => {
                    let v = f.stack.pop();
                    *f.cells[i as usize].borrow_mut() = v;
                }
                Op::DeleteDeref(i) => {
                    if f.cells[i as usize].borrow_mut().take().is_none() {
                        return Err(self.unbound_deref(f, i));
                    }
                }
                Op::LoadClosure(i) => f.stack.push(Value::Cell(f.cells[i as usize].clone())),
                Op::LoadGlobal(i) => {
                    let name = &code.names[i as usize];
                    let v = f.globals.get_at(name, &code.global_slots[i as usize]).or_else(|| self.builtins.get(name));
                    match v {
                        Some(v) => f.stack.push(v),
                        None => return Err(self.new_error("NameError", format!("name '{name}' is not defined"))),
                    }
                }
                Op::StoreGlobal(i) => {
                    let v = f.stack.pop().expect("stack");
                    f.globals.set_at(&code.names[i as usize], v, &code.global_slots[i as usize]);
                }
                Op::DeleteGlobal(i) => {
                    let name = Self::name_of(f, i);
                    if f.globals.dict.borrow_mut().shift_remove(&*name).is_none() {
                        return Err(self.new_error("NameError", format!("name '{name}' is not defined")));
                    }
                }
                Op::LoadName(i) => {
                    let name = &code.names[i as usize];
                    let mut v = None;
                    if let Some(ns) = &f.namespace {
                        v = ns.borrow().get(&str_key(name)).map(|e| e.1.clone());
                    }
                    let v = v.or_else(|| f.globals.get_at(name, &code.global_slots[i as usize])).or_else(|| self.builtins.get(name));
                    match v {
                        Some(v) => f.stack.push(v),
                        None => return Err(self.new_error("NameError", format!("name '{name}' is not defined"))),
                    }
                }
                Op::StoreName(i) => {
                    let name = &code.names[i as usize];
                    let v = f.stack.pop().expect("stack");
                    match &f.namespace {
                        Some(ns) => {
                            ns.borrow_mut().insert(str_key(name), (Value::str(&**name), v));
                        }
                        None => f.globals.set_at(name, v, &code.global_slots[i as usize]),
                    }
                }
                Op::DeleteName(i) => {
                    let name = Self::name_of(f, i);
                    let removed = match &f.namespace {
                        Some(ns) => ns.borrow_mut().shift_remove(&str_key(&name)).is_some(),
                        None => f.globals.dict.borrow_mut().shift_remove(&*name).is_some(),
                    };
                    if !removed {
                        return Err(self.new_error("NameError", format!("name '{name}' is not defined")));
                    }
                }
                Op::LoadAttr(i) => {
                    let obj = f.stack.pop().expect("stack");
                    let name = Self::name_of(f, i);
                    let v = self.on_line(f, |vm| vm.getattr(&obj, &name))?;
                    f.stack.push(v);
                }
                Op::LoadMethod(i) => {
                    let obj = f.stack.pop().expect("stack");
                    let name = &code.names[i as usize];
                    match &obj {
                        Value::Instance(inst) => {
                            let class = inst.class();
                            if let Some(m @ (Value::Function(_) | Value::Native(_))) = class.lookup(name) {
                                if !inst.dict.borrow().contains_key(&**name) {
                                    f.stack.push(m);
                                    f.stack.push(obj);
                                    continue;
                                }
                            }
                        }
                        // values of builtin types have no attributes of their own
                        Value::Bool(_)
                        | Value::Int(_)
                        | Value::BigInt(_)
                        | Value::Float(_)
                        | Value::Str(_)
                        | Value::Bytes(_)
                        | Value::List(_)
                        | Value::Tuple(_)
                        | Value::Dict(_)
                        | Value::Set(_)
                        | Value::FrozenSet(_) => {
                            if let Some(m @ (Value::Function(_) | Value::Native(_))) = self.type_of(&obj).lookup(name) {
                                f.stack.push(m);
                                f.stack.push(obj);
                                continue;
                            }
                        }
                        _ => {}
                    }
                    let v = self.getattr(&obj, name)?;
                    f.stack.push(v);
                    f.stack.push(Value::None);
                }
                Op::CallMethod(n) => {
                    let n = n as usize;
                    let len = f.stack.len();
                    if let (Value::Function(func), false) = (&f.stack[len - n - 2], f.stack[len - n - 1].is_none()) {
                        let func = func.clone();
                        if let Some(frame) = self.fast_frame(&func, &mut f.stack, n + 1) {
                            f.stack.pop();
                            return Ok(self.push_call(f, frame));
                        }
                    }
                    let pos = if f.stack[len - n - 1].is_none() {
                        let args = f.stack.split_off(len - n);
                        f.stack.pop();
                        args
                    } else {
                        f.stack.split_off(len - n - 1)
                    };
                    let func = f.stack.pop().expect("stack");
                    go_on!(self.call_flow(f, func, Args { pos, kw: Vec::new() }));
                }
                Op::CallMethodKw(n, names) => {
                    let mut args = f.stack.split_off(f.stack.len() - n as usize);
                    let this = f.stack.pop().expect("stack");
                    let func = f.stack.pop().expect("stack");
                    let Value::Tuple(names) = &f.code.consts[names as usize] else { unreachable!("names tuple") };
                    let kwvals = args.split_off(args.len() - names.len());
                    let kw = names.iter().zip(kwvals).map(|(k, v)| (Rc::from(k.as_str().unwrap_or("")), v)).collect();
                    let pos = method_args(this, args);
                    go_on!(self.call_flow(f, func, Args { pos, kw }));
                }
                Op::StoreAttr(i) => {
                    let obj = f.stack.pop().expect("stack");
                    let v = f.stack.pop().expect("stack");
                    let name = Self::name_of(f, i);
                    self.on_line(f, |vm| vm.setattr(&obj, &name, v))?;
                }
                Op::DeleteAttr(i) => {
                    let obj = f.stack.pop().expect("stack");
                    let name = Self::name_of(f, i);
                    self.on_line(f, |vm| vm.delattr(&obj, &name))?;
                }
                Op::Subscr => {
                    let key = f.stack.pop().expect("stack");
                    let obj = f.stack.pop().expect("stack");
                    if let (Value::List(l), Value::Int(i)) = (&obj, &key) {
                        let item = {
                            let l = l.borrow();
                            crate::vm::ops::norm_index(*i, l.len()).map(|i| l[i].clone())
                        };
                        if let Some(item) = item {
                            f.stack.push(item);
                            continue;
                        }
                    }
                    let v = self.on_line(f, |vm| vm.getitem(&obj, &key))?;
                    f.stack.push(v);
                }
                Op::StoreSubscr => {
                    let key = f.stack.pop().expect("stack");
                    let obj = f.stack.pop().expect("stack");
                    let v = f.stack.pop().expect("stack");
                    if let (Value::List(l), Value::Int(i)) = (&obj, &key) {
                        let mut l = l.borrow_mut();
                        let n = l.len();
                        if let Some(i) = crate::vm::ops::norm_index(*i, n) {
                            l[i] = v;
                            continue;
                        }
                        drop(l);
                        return Err(self.new_error("IndexError", "list assignment index out of range"));
                    }
                    self.setitem(&obj, key, v)?;
                }
                Op::DeleteSubscr => {
                    let key = f.stack.pop().expect("stack");
                    let obj = f.stack.pop().expect("stack");
                    self.delitem(&obj, &key)?;
                }
                Op::Binary(b) => {
                    let r = f.stack.pop().expect("stack");
                    let l = f.stack.pop().expect("stack");
                    // small-int fast path (the common loop arithmetic)
                    if let (Value::Int(x), Value::Int(y)) = (&l, &r) {
                        let fast = match b {
                            BinOp::Add => x.checked_add(*y),
                            BinOp::Sub => x.checked_sub(*y),
                            BinOp::Mul => x.checked_mul(*y),
                            _ => None,
                        };
                        if let Some(v) = fast {
                            f.stack.push(Value::Int(v));
                            continue;
                        }
                    }
                    let v = self.binary_op(&l, &r, b)?;
                    f.stack.push(v);
                }
                Op::Inplace(b) => {
                    let r = f.stack.pop().expect("stack");
                    let l = f.stack.pop().expect("stack");
                    let v = self.inplace_op(&l, &r, b)?;
                    f.stack.push(v);
                }
                Op::Unary(u) => {
                    let v = f.stack.pop().expect("stack");
                    let r = self.unary_op(&v, u)?;
                    f.stack.push(r);
                }
                Op::Compare(c) => {
                    let r = f.stack.pop().expect("stack");
                    let l = f.stack.pop().expect("stack");
                    if let (Value::Int(x), Value::Int(y)) = (&l, &r) {
                        f.stack.push(Value::Bool(match c {
                            CmpOp::Lt => x < y,
                            CmpOp::Le => x <= y,
                            CmpOp::Eq => x == y,
                            CmpOp::Ne => x != y,
                            CmpOp::Gt => x > y,
                            CmpOp::Ge => x >= y,
                        }));
                        continue;
                    }
                    let v = self.compare(&l, &r, c)?;
                    f.stack.push(v);
                }
                Op::Is(neg) => {
                    let r = f.stack.pop().expect("stack");
                    let l = f.stack.pop().expect("stack");
                    f.stack.push(Value::Bool(l.is(&r) != neg));
                }
                Op::In(neg) => {
                    let container = f.stack.pop().expect("stack");
                    let item = f.stack.pop().expect("stack");
                    let r = self.contains(&container, &item)?;
                    f.stack.push(Value::Bool(r != neg));
                }
                Op::Jump(t) => f.pc = t as usize,
                Op::PopJumpIfFalse(t) => {
                    let v = f.stack.pop().expect("stack");
                    let go = match v {
                        Value::Bool(b) => !b,
                        ref other => !self.truthy(other)?,
                    };
                    if go {
                        f.pc = t as usize;
                    }
                }
                Op::PopJumpIfTrue(t) => {
                    let v = f.stack.pop().expect("stack");
                    if self.truthy(&v)? {
                        f.pc = t as usize;
                    }
                }
                Op::JumpIfFalseOrPop(t) => {
                    let v = f.stack.last().expect("stack").clone();
                    if !self.truthy(&v)? {
                        f.pc = t as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Op::JumpIfTrueOrPop(t) => {
                    let v = f.stack.last().expect("stack").clone();
                    if self.truthy(&v)? {
                        f.pc = t as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Op::GetIter => {
                    let v = f.stack.pop().expect("stack");
                    let it = self.on_line(f, |vm| vm.get_iter(&v))?;
                    f.stack.push(it);
                }
                Op::ForIter(t) => {
                    // (a range steps here: nothing it does runs Python code)
                    let stepped = match f.stack.last() {
                        Some(Value::Iter(state)) => state.borrow_mut().step_range(),
                        _ => None,
                    };
                    let next = match stepped {
                        Some(next) => next,
                        None => {
                            let it = f.stack.last().expect("stack").clone();
                            self.on_line(f, |vm| vm.next(&it))?
                        }
                    };
                    match next {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.stack.pop();
                            f.pc = t as usize;
                        }
                    }
                }
                Op::BuildList(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    f.stack.push(Value::list(items));
                }
                Op::BuildTuple(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    f.stack.push(Value::tuple(items));
                }
                Op::BuildSet(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let mut set = crate::dict::Set::default();
                    for it in items {
                        self.set_insert(&mut set, it)?;
                    }
                    f.stack.push(Value::Set(Rc::new(RefCell::new(set))));
                }
                Op::BuildMap(n) => {
                    let start = f.stack.len() - 2 * n as usize;
                    let mut d = Dict::with_capacity_and_hasher(n as usize, Default::default());
                    let mut it = f.stack.drain(start..);
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_insert(&mut d, k, v)?;
                    }
                    drop(it);
                    f.stack.push(Value::dict(d));
                }
                Op::BuildConstKeyMap(c) => {
                    let Value::Dict(template) = &f.code.consts[c as usize] else { unreachable!("dict constant") };
                    let mut d = template.borrow().clone();
                    let start = f.stack.len() - d.len();
                    for (slot, v) in d.values_mut().zip(f.stack.drain(start..)) {
                        slot.1 = v;
                    }
                    f.stack.push(Value::dict(d));
                }
                Op::BuildSlice(n) => {
                    let step = if n == 3 { f.stack.pop().expect("stack") } else { Value::None };
                    let stop = f.stack.pop().expect("stack");
                    let start = f.stack.pop().expect("stack");
                    f.stack.push(Value::Slice(Rc::new([start, stop, step])));
                }
                Op::BuildString(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let mut s = String::new();
                    for it in &items {
                        match it {
                            Value::Str(p) => s.push_str(&p.s),
                            other => s.push_str(&self.str_of(other)?),
                        }
                    }
                    self.check_size(s.len())?;
                    f.stack.push(Value::str(s));
                }
                Op::ListAppend(d) => {
                    let v = f.stack.pop().expect("stack");
                    let n = f.stack.len();
                    if let Value::List(l) = &f.stack[n - d as usize] {
                        l.borrow_mut().push(v);
                    }
                }
                Op::SetAdd(d) => {
                    let v = f.stack.pop().expect("stack");
                    let n = f.stack.len();
                    if let Value::Set(s) = f.stack[n - d as usize].clone() {
                        self.set_add(&s, v)?;
                    }
                }
                Op::MapAdd(d) => {
                    let v = f.stack.pop().expect("stack");
                    let k = f.stack.pop().expect("stack");
                    let n = f.stack.len();
                    if let Value::Dict(m) = f.stack[n - d as usize].clone() {
                        self.dict_set(&m, k, v)?;
                    }
                }
                Op::ListExtend(d) => {
                    let v = f.stack.pop().expect("stack");
                    let items = self.iterate(&v)?;
                    let n = f.stack.len();
                    if let Value::List(l) = &f.stack[n - d as usize] {
                        l.borrow_mut().extend(items);
                    }
                }
                Op::SetUpdate(d) => {
                    let v = f.stack.pop().expect("stack");
                    let items = self.iterate(&v)?;
                    let n = f.stack.len();
                    if let Value::Set(s) = f.stack[n - d as usize].clone() {
                        for it in items {
                            self.set_add(&s, it)?;
                        }
                    }
                }
                Op::DictUpdate(d) | Op::DictMerge(d) => {
                    let v = f.stack.pop().expect("stack");
                    let pairs = self.mapping_items(&v, matches!(op, Op::DictMerge(_)), f)?;
                    let n = f.stack.len();
                    if let Value::Dict(m) = f.stack[n - d as usize].clone() {
                        for (k, val) in pairs {
                            if matches!(op, Op::DictMerge(_)) {
                                let key = self.dict_key_in(&m, &k)?;
                                if m.borrow().contains_key(&key) {
                                    let fname = self.callable_name(&f.stack[n - d as usize - 2]);
                                    let kname = self.str_of(&k)?;
                                    return Err(
                                        self.new_error("TypeError", format!("{fname} got multiple values for keyword argument '{kname}'"))
                                    );
                                }
                            }
                            self.dict_set(&m, k, val)?;
                        }
                    }
                }
                Op::ListToTuple => {
                    let v = f.stack.pop().expect("stack");
                    let items = match &v {
                        Value::List(l) => l.borrow().clone(),
                        _ => Vec::new(),
                    };
                    f.stack.push(Value::tuple(items));
                }
                Op::UnpackSequence(n) => {
                    let v = f.stack.pop().expect("stack");
                    if let Value::Tuple(t) = &v {
                        if t.len() == n as usize {
                            f.stack.extend(t.iter().rev().cloned());
                            continue;
                        }
                    }
                    let items = self.unpack(&v, n as usize)?;
                    f.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx(before, after) => {
                    let v = f.stack.pop().expect("stack");
                    let items = self.iterate(&v)?;
                    let (b, a) = (before as usize, after as usize);
                    if items.len() < b + a {
                        return Err(self.new_error(
                            "ValueError",
                            format!("not enough values to unpack (expected at least {}, got {})", b + a, items.len()),
                        ));
                    }
                    let mut items = items;
                    let tail = items.split_off(items.len() - a);
                    let middle = items.split_off(b);
                    f.stack.extend(tail.into_iter().rev());
                    f.stack.push(Value::list(middle));
                    f.stack.extend(items.into_iter().rev());
                }
                Op::FormatValue(conv, has_spec) => {
                    let spec = if has_spec { f.stack.pop() } else { None };
                    let v = f.stack.pop().expect("stack");
                    let v = match conv {
                        1 => Value::str(self.str_of(&v)?),
                        2 => Value::str(self.repr(&v)?),
                        3 => Value::str(crate::builtins::repr::ascii(&self.repr(&v)?)),
                        _ => v,
                    };
                    let spec = match &spec {
                        Some(Value::Str(s)) => s.s.to_string(),
                        _ => String::new(),
                    };
                    let s = match (&v, spec.is_empty()) {
                        (Value::Str(_), true) => v,
                        _ => Value::str(self.format(&v, &spec)?),
                    };
                    f.stack.push(s);
                }
                Op::Call(n) => {
                    let n = n as usize;
                    if let Value::Function(func) = &f.stack[f.stack.len() - n - 1] {
                        let func = func.clone();
                        if let Some(frame) = self.fast_frame(&func, &mut f.stack, n) {
                            f.stack.pop();
                            return Ok(self.push_call(f, frame));
                        }
                    }
                    let args = f.stack.split_off(f.stack.len() - n);
                    let func = f.stack.pop().expect("stack");
                    go_on!(self.call_flow(f, func, Args { pos: args, kw: Vec::new() }));
                }
                Op::CallKw(n, names) => {
                    let mut args = f.stack.split_off(f.stack.len() - n as usize);
                    let func = f.stack.pop().expect("stack");
                    let Value::Tuple(names) = &f.code.consts[names as usize] else { unreachable!("names tuple") };
                    let kwvals = args.split_off(args.len() - names.len());
                    let kw = names.iter().zip(kwvals).map(|(k, v)| (Rc::from(k.as_str().unwrap_or("")), v)).collect();
                    go_on!(self.call_flow(f, func, Args { pos: args, kw }));
                }
                Op::CallEx(has_kw) => {
                    let kwargs = if has_kw { f.stack.pop() } else { None };
                    let args = f.stack.pop().expect("stack");
                    let func = f.stack.pop().expect("stack");
                    let pos = match &args {
                        Value::Tuple(t) => t.to_vec(),
                        other => self.iterate(other)?,
                    };
                    let mut kw = Vec::new();
                    if let Some(Value::Dict(d)) = kwargs {
                        for (k, v) in d.borrow().values() {
                            match k {
                                Value::Str(s) => kw.push((Rc::from(&*s.s), v.clone())),
                                _ => return Err(self.new_error("TypeError", "keywords must be strings")),
                            }
                        }
                    }
                    go_on!(self.call_flow(f, func, Args { pos, kw }));
                }
                Op::MakeFunction(ci, flags) => {
                    let closure = if flags & 8 != 0 { f.stack.pop() } else { None };
                    let annotations = if flags & 4 != 0 { f.stack.pop() } else { None };
                    let kwdefaults = if flags & 2 != 0 { f.stack.pop() } else { None };
                    let defaults = if flags & 1 != 0 { f.stack.pop() } else { None };
                    let Value::Code(code) = f.code.consts[ci as usize].clone() else { unreachable!("code constant") };
                    let func = self.make_function(code, f.globals.clone(), defaults, kwdefaults, annotations, closure);
                    f.stack.push(func);
                }
                Op::BuildClass => {
                    let kwargs = f.stack.pop().expect("stack");
                    let bases = f.stack.pop().expect("stack");
                    let name = f.stack.pop().expect("stack");
                    let body = f.stack.pop().expect("stack");
                    let cls = self.build_class(body, name, bases, kwargs)?;
                    f.stack.push(cls);
                }
                Op::Return => return Ok(Flow::Return(f.stack.pop().expect("stack"))),
                Op::Yield => return Ok(Flow::Yield(f.stack.pop().expect("stack"))),
                Op::GetYieldFromIter => {
                    let v = f.stack.pop().expect("stack");
                    let it = match v {
                        Value::Generator(_) => v,
                        other => self.get_iter(&other)?,
                    };
                    f.stack.push(it);
                }
                Op::Send(exit) => {
                    let sent = f.stack.pop().expect("stack");
                    let it = f.stack.last().expect("stack").clone();
                    let r = match &it {
                        Value::Generator(g) => self.gen_resume(g, sent, None)?,
                        other => {
                            if !sent.is_none() {
                                let send = self.getattr(other, "send")?;
                                match self.call(&send, Args::new(vec![sent])) {
                                    Ok(v) => GenStep::Yielded(v),
                                    Err(e) if self.err_is(&e, "StopIteration") => GenStep::Returned(self.stop_value(&e)),
                                    Err(e) => return Err(e),
                                }
                            } else {
                                match self.next(other)? {
                                    Some(v) => GenStep::Yielded(v),
                                    None => GenStep::Returned(Value::None),
                                }
                            }
                        }
                    };
                    match r {
                        GenStep::Yielded(v) => f.stack.push(v),
                        GenStep::Returned(v) => {
                            f.stack.pop();
                            f.stack.push(v);
                            f.pc = exit as usize;
                        }
                    }
                }
                Op::SetupExcept(h) | Op::SetupFinally(h) | Op::SetupWith(h) => {
                    let kind = match op {
                        Op::SetupExcept(_) => BlockKind::Except,
                        Op::SetupFinally(_) => BlockKind::Finally,
                        _ => BlockKind::With,
                    };
                    // SETUP_WITH comes after BeforeWith pushed `__exit__` and the
                    // `__enter__` result: the handler keeps only `__exit__`
                    let depth = f.stack.len() - usize::from(kind == BlockKind::With);
                    f.blocks.push(Block { kind, handler: h, depth: depth as u32, handled: self.handled.len() as u32 });
                }
                Op::PopBlock => {
                    f.blocks.pop();
                }
                Op::PopExcept => {
                    self.handled.pop();
                }
                Op::Reraise => {
                    let v = f.stack.pop().expect("stack");
                    let Value::Instance(i) = v else { unreachable!("an exception") };
                    return Ok(Flow::Raise(PyErr(i), false));
                }
                Op::Raise(n) => return self.raise_op(f, n),
                Op::CheckExcMatch => {
                    let class = f.stack.pop().expect("stack");
                    let exc = f.stack.last().expect("stack").clone();
                    let m = !self.halted && self.exc_matches(&exc, &class)?;
                    f.stack.push(Value::Bool(m));
                }
                Op::BeforeWith => {
                    let ctx = f.stack.pop().expect("stack");
                    let class = self.type_of(&ctx);
                    let (Some(enter), Some(exit)) = (class.lookup("__enter__"), class.lookup("__exit__")) else {
                        return Err(
                            self.new_error("TypeError", format!("'{}' object does not support the context manager protocol", class.name))
                        );
                    };
                    let exit = self.bind(exit, &ctx, &class)?;
                    let enter = self.bind(enter, &ctx, &class)?;
                    f.stack.push(exit);
                    let r = self.on_line(f, |vm| vm.call(&enter, Args::default()))?;
                    f.stack.push(r);
                }
                Op::WithExit => {
                    let exit = f.stack.pop().expect("stack");
                    self.on_line(f, |vm| vm.call(&exit, Args::new(vec![Value::None, Value::None, Value::None])))?;
                }
                Op::WithExcept => {
                    let exc = f.stack.pop().expect("stack");
                    let exit = f.stack.pop().expect("stack");
                    let Value::Instance(i) = &exc else { unreachable!("an exception") };
                    let class = Value::Class(i.class());
                    let r = self.on_line(f, |vm| vm.call(&exit, Args::new(vec![class, exc.clone(), Value::None])))?;
                    if self.truthy(&r)? && !self.halted {
                        self.handled.pop();
                    } else {
                        return Ok(Flow::Raise(PyErr(i.clone()), false));
                    }
                }
                Op::ImportName(i) => {
                    let name = Self::name_of(f, i);
                    let m = match name.strip_prefix('+') {
                        Some(full) => self.import(full)?,
                        None => {
                            self.import(&name)?;
                            let top = name.split('.').next().unwrap_or("");
                            self.import(top)?
                        }
                    };
                    f.stack.push(Value::Module(m));
                }
                Op::ImportFrom(i) => {
                    let name = Self::name_of(f, i);
                    let m = f.stack.last().expect("stack").clone();
                    let v = match &m {
                        Value::Module(module) => match module.get(&name) {
                            Some(v) => v,
                            None => {
                                let sub = format!("{}.{}", module.name, name);
                                if self.factories.contains_key(&sub) || self.modules.contains_key(&sub) {
                                    Value::Module(self.import(&sub)?)
                                } else if let Some(v) = self.module_getattr(module, &name)? {
                                    v
                                } else {
                                    return Err(self.new_error(
                                        "ImportError",
                                        format!("cannot import name '{name}' from '{}' (unknown location)", module.name),
                                    ));
                                }
                            }
                        },
                        other => self.getattr(other, &name)?,
                    };
                    f.stack.push(v);
                }
                Op::ImportStar => {
                    let m = f.stack.pop().expect("stack");
                    if let Value::Module(m) = m {
                        let all = m.get("__all__");
                        let names: Vec<(Rc<str>, Value)> = match all {
                            Some(all) => {
                                let mut v = Vec::new();
                                for n in self.iterate(&all)? {
                                    let n = self.str_of(&n)?;
                                    if let Some(x) = m.get(&n) {
                                        v.push((Rc::from(n.as_str()), x));
                                    }
                                }
                                v
                            }
                            None => {
                                m.dict.borrow().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect()
                            }
                        };
                        for (k, v) in names {
                            match &f.namespace {
                                Some(ns) => {
                                    ns.borrow_mut().insert(str_key(&k), (Value::str(&*k), v));
                                }
                                None => f.globals.set(&k, v),
                            }
                        }
                    }
                }
                Op::LoadAssertionError => f.stack.push(Value::Class(self.exc_class("AssertionError"))),
                Op::SetupAnnotations => {
                    let key = str_key("__annotations__");
                    match &f.namespace {
                        Some(ns) => {
                            if !ns.borrow().contains_key(&key) {
                                ns.borrow_mut().insert(key, (Value::str("__annotations__"), Value::dict(Dict::default())));
                            }
                        }
                        None => {
                            if f.globals.get("__annotations__").is_none() {
                                f.globals.set("__annotations__", Value::dict(Dict::default()));
                            }
                        }
                    }
                }
                Op::StoreAnnotation(i) => {
                    let ann = f.stack.pop().expect("stack");
                    let name = Self::name_of(f, i);
                    let d = match &f.namespace {
                        Some(ns) => ns.borrow().get(&str_key("__annotations__")).map(|e| e.1.clone()),
                        None => f.globals.get("__annotations__"),
                    };
                    if let Some(Value::Dict(d)) = d {
                        d.borrow_mut().insert(str_key(&name), (Value::str(&*name), ann));
                    }
                }
            }
        }
    }

    fn deref_name(&self, f: &Frame, i: u32) -> Rc<str> {
        let i = i as usize;
        if i < f.code.cellvars.len() {
            f.code.cellvars[i].clone()
        } else {
            f.code.freevars[i - f.code.cellvars.len()].clone()
        }
    }

    fn unbound_deref(&self, f: &Frame, i: u32) -> PyErr {
        let name = self.deref_name(f, i);
        if (i as usize) < f.code.cellvars.len() {
            self.new_error("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"))
        } else {
            self.new_error(
                "NameError",
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    /// Runs `g` for an instruction of `f` that may run library code without
    /// a call (an attribute, a `for`, a `with`): at the top level of the
    /// user's script, with its line on `call_lines`, so what that code does
    /// is tagged with it (inside a script's function, the line of the call
    /// that entered it is there already; hot loops there pay nothing).
    #[inline]
    fn on_line<T>(&mut self, f: &Frame, g: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        if !f.code.script || f.code.kind != CodeKind::Module {
            return g(self);
        }
        self.call_lines.push(f.line());
        let r = g(self);
        self.call_lines.pop();
        r
    }

    /// Whether `f` runs the user's script (its calls are recorded in `call_lines`).
    fn in_main(&self, f: &Frame) -> bool {
        Rc::ptr_eq(&f.code.filename, &self.filename) || *f.code.filename == *self.filename
    }

    /// Pushes the frame of a Python-to-Python call made by `f`.
    fn push_call(&mut self, f: &Frame, mut frame: Box<Frame>) -> Flow {
        if self.in_main(f) {
            self.call_lines.push(f.line());
            frame.pushed_line = true;
        }
        Flow::Push(frame)
    }

    /// A call from the loop: Python functions get a new frame, the rest run now.
    fn call_flow(&mut self, f: &mut Frame, func: Value, args: Args) -> PyResult<Flow> {
        match &func {
            Value::Function(func_obj) if !func_obj.code.is_generator => {
                let frame = self.bind_frame(func_obj, args)?;
                return Ok(self.push_call(f, frame));
            }
            Value::Method(m) => {
                if let Value::Function(func_obj) = &m.func {
                    if !func_obj.code.is_generator {
                        let frame = self.bind_frame(func_obj, args.with_self(m.this.clone()))?;
                        return Ok(self.push_call(f, frame));
                    }
                }
            }
            Value::Class(c) => {
                if let Some((obj, init)) = self.plain_init(c) {
                    let mut frame = self.bind_frame(&init, args.with_self(obj.clone()))?;
                    frame.init_of = Some(obj);
                    return Ok(self.push_call(f, frame));
                }
            }
            _ => {}
        }
        let in_main = self.in_main(f);
        let line = if in_main { f.line() } else { 0 };
        if in_main {
            self.call_lines.push(line);
        }
        // (a native's value dropped by the next instruction need not be made)
        self.unused_pending = matches!(func, Value::Native(_)) && matches!(f.code.ops.get(f.pc), Some(Op::Pop));
        let r = if self.profile.is_some() { self.profiled_call(&func, args) } else { self.call(&func, args) };
        if in_main {
            self.call_lines.pop();
        }
        f.stack.push(r?);
        Ok(Flow::Next)
    }

    /// A native call from the loop, timed under its name.
    #[cold]
    fn profiled_call(&mut self, func: &Value, args: Args) -> PyResult<Value> {
        if let Some(p) = &mut self.profile {
            p.enter();
        }
        let r = self.call(func, args);
        let name = self.callable_name(func);
        if let Some(p) = &mut self.profile {
            p.exit_native(name);
        }
        r
    }

    fn raise_op(&mut self, f: &mut Frame, n: u8) -> PyResult<Flow> {
        if n == 0 {
            return match self.handled.last() {
                Some(e) => Ok(Flow::Raise(e.clone(), false)),
                None => Err(self.new_error("RuntimeError", "No active exception to reraise")),
            };
        }
        let cause = if n == 2 { f.stack.pop() } else { None };
        let v = f.stack.pop().expect("stack");
        let exc = self.to_exception(v)?;
        if let Some(c) = cause {
            let c = match c {
                Value::None => None,
                other => Some(self.to_exception(other)?.value()),
            };
            self.with_exc_data(&exc.0, |d| {
                d.cause = c;
                d.suppress_context = true;
            });
        }
        Ok(Flow::Raise(exc, true))
    }

    /// Runs a module's code in `module`.
    pub fn run_module_code(&mut self, code: Rc<crate::code::Code>, module: Rc<crate::object::Module>) -> PyResult<Value> {
        debug_assert_eq!(code.kind, CodeKind::Module);
        let frame = Box::new(Frame::new(code, module));
        self.run_frame(frame)
    }
}

/// The arguments of a CallMethod: `self` first when LoadMethod found a method.
fn method_args(this: Value, args: Vec<Value>) -> Vec<Value> {
    match this {
        Value::None => args,
        this => {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(this);
            v.extend(args);
            v
        }
    }
}

pub fn str_key(s: &str) -> crate::dict::Key {
    crate::dict::Key::Str(Rc::new(crate::value::PyStr::new(s)))
}
