//! A running (or suspended) function activation: its code, program
//! counter, value stack, locals, cells and handler blocks.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::Code;
use crate::dict::Dict;
use crate::object::Module;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BlockKind {
    Except,
    Finally,
    With,
}

/// A handler set up by `try` or `with`.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// The value stack depth to restore before jumping to the handler.
    pub depth: u32,
    /// The handled-exception stack depth to restore.
    pub handled: u32,
}

pub type CellRef = Rc<RefCell<Option<Value>>>;

pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Option<Value>>,
    pub cells: Vec<CellRef>,
    pub blocks: Vec<Block>,
    pub globals: Rc<Module>,
    /// The namespace of a class body (module bodies use `globals`).
    pub namespace: Option<Rc<RefCell<Dict>>>,
    /// Depth of the VM's handled-exception stack when the frame started.
    pub handled_base: usize,
    /// The frame's call site pushed a line on `Vm::call_lines`.
    pub pushed_line: bool,
    /// For an `__init__` run by instantiation: the new object, which the call
    /// returns (and `__init__` must return None).
    pub init_of: Option<Value>,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<Module>) -> Frame {
        let n = code.varnames.len();
        let cells = (0..code.cellvars.len()).map(|_| Rc::new(RefCell::new(None))).collect();
        Frame {
            code,
            pc: 0,
            stack: Vec::with_capacity(8),
            locals: vec![None; n],
            cells,
            blocks: Vec::new(),
            globals,
            namespace: None,
            handled_base: 0,
            pushed_line: false,
            init_of: None,
        }
    }

    /// Makes a finished frame ready for another call of `code`.
    pub fn reuse(&mut self, code: Rc<Code>, globals: Rc<Module>) {
        let n = code.varnames.len();
        let cells = code.cellvars.len();
        self.code = code;
        self.pc = 0;
        self.stack.clear();
        self.locals.clear();
        self.locals.resize(n, None);
        self.cells.clear();
        self.cells.extend((0..cells).map(|_| Rc::new(RefCell::new(None))));
        self.blocks.clear();
        self.globals = globals;
        self.namespace = None;
        self.handled_base = 0;
        self.pushed_line = false;
        self.init_of = None;
    }

    /// The source line of the instruction being executed.
    pub fn line(&self) -> u32 {
        let i = self.pc.saturating_sub(1).min(self.code.lines.len().saturating_sub(1));
        self.code.lines.get(i).copied().unwrap_or(self.code.first_line)
    }
}
