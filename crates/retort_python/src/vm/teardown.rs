//! Teardown: a finished VM breaks the reference cycles its objects form,
//! so that dropping it frees them. Values are reference counted and there
//! is no cycle collector: a module's functions refer to the module, whose
//! namespace holds them, and a class's methods to the module that holds
//! the class, so without this every run would leave its imported modules,
//! its classes, objects and databases behind (1-2 MB per run of a lesson's
//! script, never freed by the playground's worker).
//!
//! From the VM's roots (its modules, `__main__`, builtins, handled
//! exceptions) and from every object still alive that `object.__new__`
//! made (a cycle of objects unreachable from any root included), every
//! reachable container is emptied, its contents moved to a work list, so
//! no drop recurses deeply. Cycles that run through no object and no root
//! (a list that holds itself, then forgotten) are not found.

use std::collections::HashSet;
use std::rc::{Rc, Weak};

use crate::object::{Function, Instance, Payload};
use crate::value::Value;
use crate::vm::frame::Frame;
use crate::vm::iter::IterState;
use crate::vm::Vm;

impl Drop for Vm {
    fn drop(&mut self) {
        let mut work: Vec<Value> = Vec::new();
        work.extend(self.modules.drain().map(|(_, m)| Value::Module(m)));
        work.push(Value::Module(self.main.clone()));
        work.push(Value::Module(self.builtins.clone()));
        work.extend(self.extra_classes.drain().map(|(_, c)| Value::Class(c)));
        work.extend(self.handled.drain(..).map(|e| Value::Instance(e.0)));
        for frame in self.frame_pool.drain(..) {
            frame_contents(*frame, &mut work);
        }
        work.extend(self.instances.alive().map(Value::Instance));
        empty_all(work);
    }
}

/// The objects a VM made, held weakly: those alive at the end are alive
/// because something refers to them, often a cycle no root reaches (a
/// parent and its children that refer to each other, long forgotten).
#[derive(Default)]
pub struct Instances {
    all: Vec<Weak<Instance>>,
    /// The length at which the dead are next dropped from `all`.
    compact_at: usize,
}

impl Instances {
    pub fn add(&mut self, obj: &Rc<Instance>) {
        if self.all.len() >= self.compact_at {
            // (a dead object's memory is held until its entry goes: at most twice the live ones')
            self.all.retain(|w| w.strong_count() > 0);
            self.compact_at = (self.all.len() * 2).max(1024);
        }
        self.all.push(Rc::downgrade(obj));
    }

    fn alive(&mut self) -> impl Iterator<Item = Rc<Instance>> + '_ {
        self.all.drain(..).filter_map(|w| w.upgrade())
    }
}

/// Empties every container reachable from `work`.
fn empty_all(mut work: Vec<Value>) {
    // (an object is looked into once: immutable ones, such as tuples, can be shared many times over)
    let mut seen: HashSet<usize> = HashSet::new();
    while let Some(v) = work.pop() {
        let Some(address) = container_address(&v) else { continue };
        if !seen.insert(address) {
            continue;
        }
        contents(&v, &mut work);
        // `v` is dropped here, its contents already on the work list
    }
}

/// The address that identifies a container (None for values that hold no others).
fn container_address(v: &Value) -> Option<usize> {
    Some(match v {
        Value::List(l) => l.as_ptr() as usize,
        Value::Tuple(t) => t.as_ptr() as usize,
        Value::Dict(d) => d.as_ptr() as usize,
        Value::Set(s) => s.as_ptr() as usize,
        Value::FrozenSet(s) => Rc::as_ptr(s) as usize,
        Value::Slice(s) => Rc::as_ptr(s) as usize,
        Value::Function(f) => Rc::as_ptr(f) as usize,
        Value::Native(n) => Rc::as_ptr(n) as usize,
        Value::Method(m) => Rc::as_ptr(m) as usize,
        Value::Class(c) => Rc::as_ptr(c) as usize,
        Value::Instance(i) => Rc::as_ptr(i) as usize,
        Value::Module(m) => Rc::as_ptr(m) as usize,
        Value::Iter(i) => i.as_ptr() as usize,
        Value::Generator(g) => g.as_ptr() as usize,
        Value::Property(p) => Rc::as_ptr(p) as usize,
        Value::ClassMethod(v) | Value::StaticMethod(v) => Rc::as_ptr(v) as usize,
        Value::Super(s) => Rc::as_ptr(s) as usize,
        Value::Cell(c) => c.as_ptr() as usize,
        // (code objects are shared between runs, through the compiled-module cache; they hold constants only)
        Value::None
        | Value::NotImplemented
        | Value::Ellipsis
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_)
        | Value::Range(_)
        | Value::Code(_) => return None,
    })
}

/// Moves what `v` holds onto `work`: mutable containers are emptied,
/// immutable ones have their parts copied (their cycles pass through a
/// mutable one). A container borrowed elsewhere (impossible once the VM
/// is done) is left as it is rather than panicking.
fn contents(v: &Value, work: &mut Vec<Value>) {
    match v {
        Value::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                work.append(&mut l);
            }
        }
        Value::Tuple(t) => work.extend(t.iter().cloned()),
        Value::Dict(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                for (_, (k, v)) in std::mem::take(&mut *d) {
                    work.push(k);
                    work.push(v);
                }
            }
        }
        Value::Set(s) => {
            if let Ok(mut s) = s.try_borrow_mut() {
                work.extend(std::mem::take(&mut *s).into_values());
            }
        }
        Value::FrozenSet(s) => work.extend(s.values().cloned()),
        Value::Slice(s) => work.extend(s.iter().cloned()),
        Value::Function(f) => function_contents(f, work),
        Value::Native(n) => work.extend(n.this.clone()),
        Value::Method(m) => {
            work.push(m.func.clone());
            work.push(m.this.clone());
        }
        Value::Class(c) => {
            work.extend(c.dict.take().into_values());
            work.extend(c.bases.iter().chain(&c.mro).chain(&c.meta).map(|c| Value::Class(c.clone())));
        }
        Value::Instance(i) => instance_contents(i, work),
        Value::Module(m) => {
            if let Ok(mut d) = m.dict.try_borrow_mut() {
                work.extend(std::mem::take(&mut *d).into_values());
            }
        }
        Value::Iter(i) => {
            if let Ok(mut i) = i.try_borrow_mut() {
                iter_contents(std::mem::replace(&mut *i, IterState::Done("iterator")), work);
            }
        }
        Value::Generator(g) => {
            if let Some(frame) = g.try_borrow_mut().ok().and_then(|mut g| g.frame.take()) {
                frame_contents(*frame, work);
            }
        }
        Value::Property(p) => {
            work.extend([&p.fget, &p.fset, &p.fdel].into_iter().flatten().cloned());
            work.push(p.doc.clone());
        }
        Value::ClassMethod(v) | Value::StaticMethod(v) => work.push((**v).clone()),
        Value::Super(s) => {
            work.push(Value::Class(s.0.clone()));
            work.push(s.1.clone());
        }
        Value::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                work.extend(c.take());
            }
        }
        _ => {}
    }
}

fn function_contents(f: &Function, work: &mut Vec<Value>) {
    work.push(Value::Module(f.module.clone()));
    if let Ok(mut d) = f.defaults.try_borrow_mut() {
        work.append(&mut d);
    }
    if let Ok(mut d) = f.kwdefaults.try_borrow_mut() {
        work.extend(d.drain(..).map(|(_, v)| v));
    }
    for cell in &f.closure {
        if let Ok(mut c) = cell.try_borrow_mut() {
            work.extend(c.take());
        }
    }
    for field in [&f.annotations, &f.doc] {
        if let Ok(mut v) = field.try_borrow_mut() {
            work.push(std::mem::replace(&mut *v, Value::None));
        }
    }
    if let Ok(mut d) = f.dict.try_borrow_mut() {
        work.extend(std::mem::take(&mut *d).into_values());
    }
}

fn instance_contents(i: &Instance, work: &mut Vec<Value>) {
    if let Ok(class) = i.class.try_borrow() {
        work.push(Value::Class(class.clone()));
    }
    if let Ok(mut d) = i.dict.try_borrow_mut() {
        work.extend(std::mem::take(&mut *d).into_values());
    }
    // (a host object's Rust state is dropped with it; what it held is not walked)
    if let Ok(mut p) = i.payload.try_borrow_mut() {
        match std::mem::replace(&mut *p, Payload::None) {
            Payload::Exc(e) => {
                work.push(e.args);
                work.extend(e.cause);
                work.extend(e.context);
            }
            Payload::Base(v) => work.push(v),
            Payload::None | Payload::Host(_) => {}
        }
    }
}

fn iter_contents(state: IterState, work: &mut Vec<Value>) {
    match state {
        IterState::Seq { seq, .. } => work.push(seq),
        IterState::Dict { dict, .. } => work.push(Value::Dict(dict)),
        IterState::Items { items, .. } => work.extend(items),
        IterState::GetItem { obj, .. } => work.push(obj),
        IterState::Enumerate { it, n } => work.extend([it, n]),
        IterState::Zip { its, .. } => work.extend(its),
        IterState::Map { f, its } => {
            work.push(f);
            work.extend(its);
        }
        IterState::Filter { f, it } => work.extend([f, it]),
        IterState::Range { .. } | IterState::Native { .. } | IterState::Done(_) => {}
    }
}

fn frame_contents(frame: Frame, work: &mut Vec<Value>) {
    work.extend(frame.stack);
    work.extend(frame.locals.into_iter().flatten());
    work.extend(frame.cells.into_iter().map(Value::Cell));
    work.push(Value::Module(frame.globals));
    work.extend(frame.namespace.map(Value::Dict));
    work.extend(frame.init_of);
}
