//! Retort's Python: runs learners' scripts as CPython 3.11 would. Source is
//! parsed by `ruff_python_parser` (the only module that sees ruff's AST is
//! the compiler), compiled to bytecode with per-instruction lines, and run
//! by a VM with explicit frames (generators suspend without threads),
//! budgets for steps, memory and recursion, and CPython's tracebacks.
//! Host modules (sqlalchemy, flask, ...) register through `Vm::register_module`.

/// An embedded Python module's source, minified by the build script (`pymin.rs`).
macro_rules! py_source {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/py/", $name))
    };
}

pub mod builtins;
pub mod code;
pub mod compiler;
pub mod dict;
pub mod memory;
pub mod modules;
pub mod object;
#[cfg(test)]
#[path = "../pymin.rs"]
mod pymin;
pub mod symtable;
pub mod value;
pub mod vm;

use std::rc::Rc;

pub use compiler::{CompileError, CompileErrorKind};
pub use object::{Args, PyErr, PyResult};
pub use value::Value;
pub use vm::{Budget, Vm};

/// How a script ended with an uncaught exception (or a syntax error).
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorInfo {
    /// The exception's class name (`ValueError`).
    pub type_name: String,
    /// The innermost line of the script where it surfaced (none for a
    /// syntax error: nothing ran, as CPython's traceback has no frame).
    pub line: Option<u32>,
    /// Where the parser stopped, for syntax errors: line and column.
    pub position: Option<(u32, u32)>,
    pub message: String,
    /// The text CPython prints on stderr.
    pub traceback: String,
}

/// What a run produced.
#[derive(Debug, Clone, Default)]
pub struct RunResult {
    pub stdout: String,
    pub stderr: String,
    pub error: Option<ErrorInfo>,
    /// Things the script did whose results differ from run to run.
    pub nondeterministic: Vec<String>,
}

/// CPython's parser limit on nested brackets (`too many nested parentheses`).
const MAX_NESTING: usize = 200;

/// Rejects sources nested deeper than CPython accepts, before any recursive
/// descent (the parser and compiler would otherwise need a deep stack).
fn check_nesting(source: &str) -> Result<(), CompileError> {
    let (mut depth, mut line, mut col) = (0usize, 1u32, 0u32);
    let mut quote: Option<char> = None;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        match (quote, c) {
            (_, '\n') => {
                line += 1;
                col = 0;
                if quote == Some('\'') || quote == Some('"') {
                    quote = None;
                }
            }
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '#') => {
                while chars.peek().is_some_and(|c| *c != '\n') {
                    chars.next();
                }
            }
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(CompileError {
                        kind: CompileErrorKind::Syntax,
                        message: "too many nested parentheses".into(),
                        line,
                        column: col,
                    });
                }
            }
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses and compiles a module.
pub fn compile_source(source: &str, filename: &str) -> Result<Rc<code::Code>, CompileError> {
    compile_source_as(source, filename, false)
}

/// Parses and compiles a module; `interactive`: as `compile(..., "single")`,
/// whose expression statements show their value.
pub fn compile_source_as(source: &str, filename: &str, interactive: bool) -> Result<Rc<code::Code>, CompileError> {
    check_nesting(source)?;
    let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
        let lines = compiler::LineIndex::new(source);
        // a `\N{...}` escape naming a character outside the build's name table (vendor/unicode_names2)
        let message = match &e.error {
            ruff_python_parser::ParseErrorType::Lexical(ruff_python_parser::LexicalErrorType::UnicodeError) => {
                "(unicode error) Retort knows the \\N{...} names of common characters only (Latin, Greek, Cyrillic, punctuation, arrows, mathematical and other symbols): write the character itself or a \\u escape".to_owned()
            }
            other => other.to_string(),
        };
        CompileError {
            kind: CompileErrorKind::Syntax,
            message,
            line: lines.line(e.location.start()),
            column: lines.column(e.location.start()),
        }
    })?;
    let body = &parsed.syntax().body;
    if interactive && body.len() > 1 {
        let lines = compiler::LineIndex::new(source);
        let start = ruff_text_size::Ranged::range(&body[0]).start();
        return Err(CompileError {
            kind: CompileErrorKind::Syntax,
            message: "multiple statements found while compiling a single statement".into(),
            line: lines.line(start),
            column: lines.column(start),
        });
    }
    compiler::compile_module_as(body, source, filename, interactive)
}

/// Parses and compiles the expression of `eval()`.
pub fn compile_expression(source: &str, filename: &str) -> Result<Rc<code::Code>, CompileError> {
    check_nesting(source)?;
    let parsed = ruff_python_parser::parse_expression(source).map_err(|e| {
        let lines = compiler::LineIndex::new(source);
        CompileError {
            kind: CompileErrorKind::Syntax,
            message: e.error.to_string(),
            line: lines.line(e.location.start()),
            column: lines.column(e.location.start()),
        }
    })?;
    let expr = parsed.into_expr();
    let range = ruff_text_size::Ranged::range(&expr);
    let statement = ruff_python_ast::Stmt::Expr(ruff_python_ast::StmtExpr { range, node_index: Default::default(), value: Box::new(expr) });
    compiler::compile_eval(std::slice::from_ref(&statement), source, filename)
}

/// An interpreter: a VM plus the script's name.
pub struct Interpreter {
    pub vm: Vm,
}

impl Interpreter {
    pub fn new(budget: Budget) -> Interpreter {
        Interpreter { vm: Vm::new(budget) }
    }

    /// Runs a script as `__main__` (file name `main.py`).
    pub fn run(&mut self, source: &str) -> RunResult {
        let filename = self.vm.filename.clone();
        self.vm.script = source.into();
        let mut result = RunResult::default();
        match compile_source(source, &filename) {
            Err(e) => {
                result.error = Some(syntax_error_info(&e, source, &filename));
            }
            Ok(code) => {
                let main = self.vm.main.clone();
                main.set("__file__", Value::str(&*filename));
                main.set("__builtins__", Value::Module(self.vm.builtins.clone()));
                self.vm.modules.insert("__main__".into(), main.clone());
                if let Err(e) = self.vm.run_module_code(code, main) {
                    if !self.vm.err_is(&e, "SystemExit") {
                        result.error = Some(self.error_info(&e, source));
                    }
                }
            }
        }
        result.stdout = std::mem::take(&mut self.vm.out);
        if let Some(e) = &result.error {
            self.vm.err.push_str(&e.traceback);
        }
        result.stderr = std::mem::take(&mut self.vm.err);
        result.nondeterministic = std::mem::take(&mut self.vm.nondeterministic);
        result
    }

    fn error_info(&mut self, e: &PyErr, source: &str) -> ErrorInfo {
        let traceback = self.vm.format_traceback(e, source);
        let tb = self.vm.with_exc_data(&e.0, |d| d.traceback.clone()).unwrap_or_default();
        let line = tb.iter().find(|t| *t.file == *self.vm.filename).map(|t| t.line);
        let message = self.vm.exc_str(e);
        ErrorInfo { type_name: e.class().name.to_string(), line, position: None, message, traceback }
    }
}

fn syntax_error_info(e: &CompileError, source: &str, filename: &str) -> ErrorInfo {
    let type_name = match e.kind {
        CompileErrorKind::Syntax => "SyntaxError",
        CompileErrorKind::NotImplemented => "NotImplementedError",
    };
    let src_line = source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("");
    let trimmed = src_line.trim_start();
    let indent = src_line.len() - trimmed.len();
    let caret_col = (e.column as usize).saturating_sub(1).saturating_sub(indent);
    let traceback = match e.kind {
        CompileErrorKind::Syntax => format!(
            "  File \"{filename}\", line {}\n    {}\n    {}^\n{type_name}: {}\n",
            e.line,
            trimmed.trim_end(),
            " ".repeat(caret_col),
            e.message
        ),
        CompileErrorKind::NotImplemented => format!(
            "Traceback (most recent call last):\n  File \"{filename}\", line {}, in <module>\n    {}\n{type_name}: {}\n",
            e.line,
            trimmed.trim_end(),
            e.message
        ),
    };
    let line = match e.kind {
        CompileErrorKind::Syntax => None,
        CompileErrorKind::NotImplemented => Some(e.line),
    };
    ErrorInfo { type_name: type_name.into(), line, position: Some((e.line, e.column)), message: e.message.clone(), traceback }
}

/// Runs a script with the default budget.
pub fn run(source: &str) -> RunResult {
    Interpreter::new(Budget::default()).run(source)
}
