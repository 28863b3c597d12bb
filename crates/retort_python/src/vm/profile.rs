//! A deterministic profiler for developers (`retort run --profile`): calls,
//! total and own time of each Python function and of each native function
//! called from Python, to find where a slow script spends its time. Off
//! unless `Vm::profile` is set; then each call costs two clock readings.

use std::collections::HashMap;
use std::rc::Rc;
use web_time::Instant;

use crate::code::Code;

/// One function's figures.
#[derive(Default, Clone, Debug)]
pub struct Entry {
    pub name: String,
    pub calls: u64,
    /// Seconds from entry to exit, callees included (a recursive function counts each level).
    pub total: f64,
    /// Seconds less the time in the functions it called.
    pub own: f64,
}

/// Running totals and the stack of calls in progress.
#[derive(Default)]
pub struct Profile {
    /// Each active call: when it started and the time its callees took.
    stack: Vec<(Instant, f64)>,
    /// Keyed by the code object's address (the `Rc` keeps it alive) or by a native's name.
    python: HashMap<usize, (Rc<Code>, Entry)>,
    native: HashMap<String, Entry>,
}

impl Profile {
    pub fn enter(&mut self) {
        self.stack.push((Instant::now(), 0.0));
    }

    /// Ends the innermost call, which ran `code`.
    pub fn exit_python(&mut self, code: &Rc<Code>) {
        let Some((total, own)) = self.pop() else { return };
        let key = Rc::as_ptr(code) as usize;
        let (_, e) = self.python.entry(key).or_insert_with(|| {
            let name = format!("{} ({}:{})", code.qualname, code.filename, code.first_line);
            (code.clone(), Entry { name, ..Entry::default() })
        });
        e.add(total, own);
    }

    /// Ends the innermost call, which ran the native function `name`.
    pub fn exit_native(&mut self, name: String) {
        let Some((total, own)) = self.pop() else { return };
        self.native.entry(name.clone()).or_insert_with(|| Entry { name: format!("{name} (native)"), ..Entry::default() }).add(total, own);
    }

    fn pop(&mut self) -> Option<(f64, f64)> {
        let (start, callees) = self.stack.pop()?;
        let total = start.elapsed().as_secs_f64();
        if let Some(parent) = self.stack.last_mut() {
            parent.1 += total;
        }
        Some((total, total - callees))
    }

    /// Every function's figures, the most own time first.
    pub fn entries(&self) -> Vec<Entry> {
        let mut v: Vec<Entry> = self.python.values().map(|(_, e)| e.clone()).chain(self.native.values().cloned()).collect();
        v.sort_by(|a, b| b.own.total_cmp(&a.own));
        v
    }

    /// The `n` functions with the most own time, as a table.
    pub fn report(&self, n: usize) -> String {
        let mut out = format!("{:>10} {:>10} {:>10}  function\n", "calls", "own ms", "total ms");
        for e in self.entries().into_iter().take(n) {
            out.push_str(&format!("{:>10} {:>10.1} {:>10.1}  {}\n", e.calls, e.own * 1e3, e.total * 1e3, e.name));
        }
        out
    }
}

impl Entry {
    fn add(&mut self, total: f64, own: f64) {
        self.calls += 1;
        self.total += total;
        self.own += own;
    }
}
