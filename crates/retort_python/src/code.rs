//! Compiled code: the instruction set the VM runs and the code objects
//! (one per module, class body, function, lambda and comprehension).

use std::cell::Cell;
use std::rc::Rc;

use crate::value::Value;

/// Binary operators, also used for augmented assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    pub fn dunder(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// One VM instruction. Operands index the code object's tables
/// (`consts`, `names`, locals, cells) or are jump targets.
#[derive(Clone, Copy, Debug)]
pub enum Op {
    Pop,
    /// Pops a value and shows it with `sys.displayhook` (`compile(..., "single")`).
    PrintExpr,
    Dup,
    Dup2,
    Rot2,
    Rot3,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// In a class body: a free variable read from the class namespace first.
    LoadClassDeref(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Is(bool),
    In(bool),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Next item of the iterator on top; when exhausted pops it and jumps.
    ForIter(u32),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    BuildMap(u32),
    /// A dict display whose keys are distinct string constants: the dict
    /// constant (those keys, in order, to None) copied, with the values on
    /// the stack put in (no key hashed at run time).
    BuildConstKeyMap(u32),
    BuildSlice(u32),
    BuildString(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// `**m` in a call: like DictUpdate, but duplicate keys are an error.
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    UnpackEx(u16, u16),
    /// Formats the value on top: conversion (0 none, 1 str, 2 repr, 3 ascii),
    /// with a format spec below it when `has_spec`.
    FormatValue(u8, bool),
    /// Calls with `argc` values; the last `kw` of them are keywords whose
    /// names are the tuple constant `names`.
    Call(u32),
    CallKw(u32, u32),
    /// `obj.name` for a call: pushes the function and `obj` when the
    /// attribute is a method of obj's class, else the attribute and None.
    LoadMethod(u32),
    /// Calls what LoadMethod left with `argc` arguments (`self` first when present).
    CallMethod(u32),
    CallMethodKw(u32, u32),
    /// Calls with an args tuple (and a kwargs dict when set).
    CallEx(bool),
    /// Builds a function from the code constant; flags: 1 defaults tuple,
    /// 2 kw-defaults dict, 4 annotations dict, 8 closure tuple.
    MakeFunction(u32, u8),
    /// Builds a class: stack has the body function, name, bases tuple, kwargs dict.
    BuildClass,
    Return,
    Yield,
    /// `yield from` / `await` delegation; jumps when the sub-iterator ends.
    Send(u32),
    GetYieldFromIter,
    SetupExcept(u32),
    SetupFinally(u32),
    SetupWith(u32),
    PopBlock,
    /// Ends an except handler: forgets the handled exception.
    PopExcept,
    /// Re-raises the exception on top of the stack.
    Reraise,
    /// `raise` (0), `raise x` (1), `raise x from y` (2).
    Raise(u8),
    /// Does the exception below match the class (tuple) on top? Pushes a bool.
    CheckExcMatch,
    /// Calls `__enter__`: leaves `__exit__` below the result.
    BeforeWith,
    /// Normal exit of a with block: calls `__exit__(None, None, None)`.
    WithExit,
    /// Exceptional exit: `__exit__(type, exc, tb)`; re-raises unless it returned true.
    WithExcept,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    LoadAssertionError,
    SetupAnnotations,
    /// Stores into `__annotations__` of the current namespace.
    StoreAnnotation(u32),
}

/// A code object.
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<str>>,
    /// For each name: where it was last found in the globals (an index into
    /// the module's dict, checked before use), so a loop's global loads and
    /// stores skip hashing.
    pub global_slots: Box<[Cell<u32>]>,
    /// Local variable names; the parameters come first.
    pub varnames: Vec<Rc<str>>,
    /// Cell variables (locals captured by inner functions), then free variables.
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cell variable that is also a parameter: its local index.
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub is_generator: bool,
    /// Module and class bodies use name lookups; functions use fast locals.
    pub kind: CodeKind,
    pub first_line: u32,
    pub filename: Rc<str>,
    pub doc: Option<Rc<str>>,
    /// Written by the user (not one of Retort's own modules, `<retort>/...`):
    /// what its statements make library code do is tagged with their lines.
    pub script: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Comprehension,
}
