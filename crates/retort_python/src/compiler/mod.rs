//! The bytecode compiler: ruff's AST → `Code` objects, one per scope,
//! with CPython's evaluation order and per-instruction source lines.
//! Statements are in `stmt.rs`, expressions in `expr.rs`.

mod expr;
mod stmt;

use std::cell::Cell;
use std::rc::Rc;

use indexmap::IndexMap;
use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::{Ranged, TextSize};

use crate::code::{Code, CodeKind, Op};
use crate::symtable::{NameKind, ScopeKind, SymbolTable};
use crate::value::Value;

/// A construct the compiler refuses: a syntax error or an unsupported feature.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    Syntax,
    NotImplemented,
}

/// Byte offsets of line starts, to turn offsets into 1-based lines.
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }
    pub fn line(&self, offset: TextSize) -> u32 {
        let o = u32::from(offset);
        match self.starts.binary_search(&o) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    pub fn column(&self, offset: TextSize) -> u32 {
        let o = u32::from(offset);
        let line = self.line(offset);
        o - self.starts[(line - 1) as usize] + 1
    }
}

/// A control-flow block the compiler is inside, for `return`, `break` and
/// `continue` to unwind.
#[derive(Clone)]
enum FBlock<'a> {
    WhileLoop {
        start: usize,
        exit: usize,
    },
    ForLoop {
        start: usize,
        exit: usize,
    },
    TryExcept,
    Finally(&'a [Stmt]),
    /// Running a finally body on the exception path (the exception is on the stack).
    FinallyEnd,
    With,
    Handler(Option<&'a str>),
}

/// One code object being built.
struct Unit<'a> {
    scope: usize,
    kind: CodeKind,
    name: Rc<str>,
    qualname: Rc<str>,
    ops: Vec<Op>,
    lines: Vec<u32>,
    consts: Vec<Value>,
    names: IndexMap<Rc<str>, u32>,
    varnames: IndexMap<Rc<str>, u32>,
    cells: Vec<Rc<str>>,
    frees: Vec<Rc<str>>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    line: u32,
    first_line: u32,
    doc: Option<Rc<str>>,
}

pub struct Compiler<'a> {
    table: SymbolTable,
    lines: LineIndex,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    /// `compile(..., "single")`: the module's expression statements show
    /// their value (`sys.displayhook`), as at the interactive prompt.
    interactive: bool,
}

const NO_LABEL: u32 = u32::MAX;

/// Compiles a parsed module to its code object; `interactive`: as `compile(..., "single")`
/// does, its expression statements (outside functions and classes) pass
/// their value to `sys.displayhook`.
pub fn compile_module_as(body: &[Stmt], source: &str, filename: &str, interactive: bool) -> Result<Rc<Code>, CompileError> {
    let lines = LineIndex::new(source);
    let table = SymbolTable::build(body).map_err(|e| CompileError {
        kind: CompileErrorKind::Syntax,
        message: e.message,
        line: lines.line(TextSize::from(e.offset)),
        column: 1,
    })?;
    let mut c = Compiler { table, lines, filename: filename.into(), units: Vec::new(), interactive };
    c.enter(0, CodeKind::Module, "<module>".into(), "<module>".into(), 1);
    if body.iter().any(has_annotation) {
        c.emit(Op::SetupAnnotations);
    }
    c.body(body)?;
    c.load_const(Value::None);
    c.emit(Op::Return);
    Ok(c.leave(0, 0, 0, false, false))
}

/// Compiles the body of `eval()`: one expression whose value the code
/// returns (`module` is the statement `expression` wrapped for the symbol table).
pub fn compile_eval(module: &[Stmt], source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    let lines = LineIndex::new(source);
    let table = SymbolTable::build(module).map_err(|e| CompileError {
        kind: CompileErrorKind::Syntax,
        message: e.message,
        line: lines.line(TextSize::from(e.offset)),
        column: 1,
    })?;
    let [Stmt::Expr(statement)] = module else { unreachable!("compile_eval is given one expression statement") };
    let mut c = Compiler { table, lines, filename: filename.into(), units: Vec::new(), interactive: false };
    c.enter(0, CodeKind::Module, "<module>".into(), "<module>".into(), 1);
    c.expr(&statement.value)?;
    c.emit(Op::Return);
    Ok(c.leave(0, 0, 0, false, false))
}

fn has_annotation(s: &Stmt) -> bool {
    match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => i.body.iter().any(has_annotation) || i.elif_else_clauses.iter().any(|c| c.body.iter().any(has_annotation)),
        Stmt::For(f) => f.body.iter().any(has_annotation) || f.orelse.iter().any(has_annotation),
        Stmt::While(f) => f.body.iter().any(has_annotation) || f.orelse.iter().any(has_annotation),
        Stmt::With(w) => w.body.iter().any(has_annotation),
        Stmt::Try(t) => {
            t.body.iter().any(has_annotation)
                || t.orelse.iter().any(has_annotation)
                || t.finalbody.iter().any(has_annotation)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    h.body.iter().any(has_annotation)
                })
        }
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit")
    }

    fn enter(&mut self, scope: usize, kind: CodeKind, name: Rc<str>, qualname: Rc<str>, line: u32) {
        let s = &self.table.scopes[scope];
        let mut varnames = IndexMap::new();
        for p in &s.params {
            let n = varnames.len() as u32;
            varnames.entry(Rc::from(p.as_str())).or_insert(n);
        }
        let mut cells: Vec<Rc<str>> = s.cellvars.iter().map(|c| Rc::from(c.as_str())).collect();
        if s.needs_class_cell {
            cells.push("__class__".into());
        }
        let frees = s.freevars.iter().map(|c| Rc::from(c.as_str())).collect();
        self.units.push(Unit {
            scope,
            kind,
            name,
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: IndexMap::new(),
            varnames,
            cells,
            frees,
            labels: Vec::new(),
            fblocks: Vec::new(),
            line,
            first_line: line,
            doc: None,
        });
    }

    /// Finishes the current unit: resolves labels into instruction indexes.
    fn leave(&mut self, argcount: u32, posonly: u32, kwonly: u32, varargs: bool, varkw: bool) -> Rc<Code> {
        let u = self.units.pop().expect("a unit");
        let labels = u.labels;
        let fix = |l: u32| labels[l as usize];
        let ops = u
            .ops
            .into_iter()
            .map(|op| match op {
                Op::Jump(l) => Op::Jump(fix(l)),
                Op::PopJumpIfFalse(l) => Op::PopJumpIfFalse(fix(l)),
                Op::PopJumpIfTrue(l) => Op::PopJumpIfTrue(fix(l)),
                Op::JumpIfFalseOrPop(l) => Op::JumpIfFalseOrPop(fix(l)),
                Op::JumpIfTrueOrPop(l) => Op::JumpIfTrueOrPop(fix(l)),
                Op::ForIter(l) => Op::ForIter(fix(l)),
                Op::Send(l) => Op::Send(fix(l)),
                Op::SetupExcept(l) => Op::SetupExcept(fix(l)),
                Op::SetupFinally(l) => Op::SetupFinally(fix(l)),
                Op::SetupWith(l) => Op::SetupWith(fix(l)),
                other => other,
            })
            .collect();
        let scope = &self.table.scopes[u.scope];
        let cell_params = u
            .cells
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| u.varnames.get(c).filter(|&&vi| vi < scope.params.len() as u32).map(|&vi| (ci as u32, vi)))
            .collect();
        let names: Vec<Rc<str>> = u.names.into_keys().collect();
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            ops,
            lines: u.lines,
            consts: u.consts,
            global_slots: names.iter().map(|_| Cell::new(u32::MAX)).collect(),
            names,
            varnames: u.varnames.into_keys().collect(),
            cellvars: u.cells,
            freevars: u.frees,
            cell_params,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            varargs,
            varkw,
            is_generator: scope.is_generator,
            kind: u.kind,
            first_line: u.first_line,
            filename: self.filename.clone(),
            doc: u.doc,
            script: !self.filename.starts_with("<retort>"),
        })
    }

    fn emit(&mut self, op: Op) {
        let u = self.unit();
        u.ops.push(op);
        let line = u.line;
        u.lines.push(line);
    }

    fn new_label(&mut self) -> u32 {
        let u = self.unit();
        u.labels.push(NO_LABEL);
        (u.labels.len() - 1) as u32
    }

    fn bind(&mut self, label: u32) {
        let u = self.unit();
        u.labels[label as usize] = u.ops.len() as u32;
    }

    fn set_line(&mut self, node: &impl Ranged) -> u32 {
        let line = self.lines.line(node.range().start());
        let u = self.unit();
        std::mem::replace(&mut u.line, line)
    }

    fn restore_line(&mut self, line: u32) {
        self.unit().line = line;
    }

    fn const_index(&mut self, v: Value) -> u32 {
        let u = self.unit();
        // share simple constants
        let same = |a: &Value, b: &Value| match (a, b) {
            (Value::None, Value::None) => true,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            (Value::Int(x), Value::Int(y)) => x == y,
            (Value::Str(x), Value::Str(y)) => x.s == y.s,
            _ => false,
        };
        if let Some(i) = u.consts.iter().position(|c| same(c, &v)) {
            return i as u32;
        }
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }

    fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Op::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        let n = u.names.len() as u32;
        *u.names.entry(Rc::from(name)).or_insert(n)
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        let n = u.varnames.len() as u32;
        *u.varnames.entry(Rc::from(name)).or_insert(n)
    }

    fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.cells.iter().position(|c| &**c == name) {
            return i as u32;
        }
        if let Some(i) = u.frees.iter().position(|c| &**c == name) {
            return (u.cells.len() + i) as u32;
        }
        u.frees.push(name.into());
        (u.cells.len() + u.frees.len() - 1) as u32
    }

    fn name_kind(&self, name: &str) -> NameKind {
        let u = self.units.last().expect("a unit");
        let s = &self.table.scopes[u.scope];
        match s.names.get(name) {
            Some(k) => *k,
            None => match s.kind {
                ScopeKind::Module | ScopeKind::Class => NameKind::Name,
                _ => {
                    if u.cells.iter().any(|c| &**c == name) {
                        NameKind::Cell
                    } else if u.frees.iter().any(|c| &**c == name) {
                        NameKind::Free
                    } else if u.varnames.contains_key(name) {
                        NameKind::Local
                    } else {
                        NameKind::Global
                    }
                }
            },
        }
    }

    fn load_name(&mut self, name: &str) {
        let kind = self.name_kind(name);
        let class_scope = self.units.last().map(|u| u.kind) == Some(CodeKind::Class);
        let op = match kind {
            NameKind::Local => Op::LoadFast(self.var_index(name)),
            NameKind::Cell | NameKind::Free if class_scope => Op::LoadClassDeref(self.deref_index(name)),
            NameKind::Cell | NameKind::Free => Op::LoadDeref(self.deref_index(name)),
            NameKind::Global => Op::LoadGlobal(self.name_index(name)),
            NameKind::Name => Op::LoadName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn store_name(&mut self, name: &str) {
        let op = match self.name_kind(name) {
            NameKind::Local => Op::StoreFast(self.var_index(name)),
            NameKind::Cell | NameKind::Free => Op::StoreDeref(self.deref_index(name)),
            NameKind::Global => Op::StoreGlobal(self.name_index(name)),
            NameKind::Name => Op::StoreName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn delete_name(&mut self, name: &str) {
        let op = match self.name_kind(name) {
            NameKind::Local => Op::DeleteFast(self.var_index(name)),
            NameKind::Cell | NameKind::Free => Op::DeleteDeref(self.deref_index(name)),
            NameKind::Global => Op::DeleteGlobal(self.name_index(name)),
            NameKind::Name => Op::DeleteName(self.name_index(name)),
        };
        self.emit(op);
    }

    fn error(&self, kind: CompileErrorKind, node: &impl Ranged, message: impl Into<String>) -> CompileError {
        CompileError {
            kind,
            message: message.into(),
            line: self.lines.line(node.range().start()),
            column: self.lines.column(node.range().start()),
        }
    }

    fn unsupported(&self, node: &impl Ranged, what: &str) -> CompileError {
        self.error(CompileErrorKind::NotImplemented, node, format!("Retort does not support {what} yet"))
    }

    fn qualname_for(&self, name: &str) -> Rc<str> {
        let u = self.units.last().expect("a unit");
        match u.kind {
            CodeKind::Module => name.into(),
            CodeKind::Class => format!("{}.{}", u.qualname, name).into(),
            _ => format!("{}.<locals>.{}", u.qualname, name).into(),
        }
    }

    /// Emits `LoadClosure` for each free variable of the child scope, then a tuple.
    fn closure_for(&mut self, child: usize) -> bool {
        let frees: Vec<String> = self.table.scopes[child].freevars.clone();
        if frees.is_empty() {
            return false;
        }
        for f in &frees {
            let i = self.deref_index(f);
            self.emit(Op::LoadClosure(i));
        }
        self.emit(Op::BuildTuple(frees.len() as u32));
        true
    }
}
