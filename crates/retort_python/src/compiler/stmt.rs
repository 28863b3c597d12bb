//! Compiling statements: assignment, control flow, exceptions, `with`,
//! functions, classes and imports.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{CompileError, Compiler, FBlock};
use crate::code::{CodeKind, Op};
use crate::value::Value;

type R = Result<(), CompileError>;

impl<'a> Compiler<'a> {
    pub(super) fn body(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        let old = self.set_line(s);
        let r = self.stmt_inner(s);
        self.restore_line(old);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(if self.interactive && self.units.len() == 1 { Op::PrintExpr } else { Op::Pop });
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => {
                if f.is_async {
                    return Err(self.unsupported(s, "async for"));
                }
                self.for_stmt(f)?
            }
            Stmt::Break(b) => self.break_continue(b, true)?,
            Stmt::Continue(c) => self.break_continue(c, false)?,
            Stmt::Return(r) => {
                if matches!(self.unit().kind, CodeKind::Module | CodeKind::Class) {
                    return Err(self.error(super::CompileErrorKind::Syntax, s, "'return' outside function"));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_all(true)?;
                self.emit(Op::Return);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.expr(&a.test)?;
                self.emit(Op::PopJumpIfTrue(end));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.bind(end);
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(self.unsupported(s, "except*"));
                }
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    return Err(self.unsupported(s, "async with"));
                }
                self.with_stmt(&w.items, &w.body)?;
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Import(i) => {
                for a in &i.names {
                    let idx = self.name_index(&a.name);
                    self.emit(Op::ImportName(idx));
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.split('.').skip(1) {
                                let p = self.name_index(part);
                                self.emit(Op::LoadAttr(p));
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap_or("").to_owned();
                            self.store_name(&top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                if i.level > 0 {
                    return Err(self.unsupported(s, "relative imports"));
                }
                let module = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                // a leading '+' marks "the module itself" (from-import) for ImportName
                let idx = self.name_index(&format!("+{module}"));
                self.emit(Op::ImportName(idx));
                if i.names.len() == 1 && &*i.names[0].name == "*" {
                    self.emit(Op::ImportStar);
                    return Ok(());
                }
                for a in &i.names {
                    let n = self.name_index(&a.name);
                    self.emit(Op::ImportFrom(n));
                    self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                }
                self.emit(Op::Pop);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Match(_) => return Err(self.unsupported(s, "the match statement")),
            Stmt::TypeAlias(_) => return Err(self.unsupported(s, "type aliases")),
            Stmt::IpyEscapeCommand(_) => return Err(self.error(super::CompileErrorKind::Syntax, s, "invalid syntax")),
        }
        Ok(())
    }

    /// Stores the value on top of the stack into a target.
    pub(super) fn store(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_index(&a.attr);
                self.emit(Op::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                match elts.iter().position(|e| matches!(e, Expr::Starred(_))) {
                    Some(star) => {
                        let after = elts.len() - star - 1;
                        self.emit(Op::UnpackEx(star as u16, after as u16));
                    }
                    None => self.emit(Op::UnpackSequence(elts.len() as u32)),
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store(&s.value)?,
                        _ => self.store(e)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return Err(self.error(super::CompileErrorKind::Syntax, s, "starred assignment target must be in a list or tuple"))
            }
            other => return Err(self.error(super::CompileErrorKind::Syntax, other, "cannot assign to expression")),
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_index(&a.attr);
                self.emit(Op::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            other => return Err(self.error(super::CompileErrorKind::Syntax, other, "cannot delete expression")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = super::expr::bin_op(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.emit(Op::Inplace(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Dup);
                let i = self.name_index(&at.attr);
                self.emit(Op::LoadAttr(i));
                self.expr(&a.value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Dup2);
                self.emit(Op::Subscr);
                self.expr(&a.value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            other => return Err(self.error(super::CompileErrorKind::Syntax, other, "illegal expression for augmented assignment")),
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store(&a.target)?;
        }
        let kind = self.unit().kind;
        if matches!(kind, CodeKind::Module | CodeKind::Class) {
            match &*a.target {
                Expr::Name(n) if a.simple => {
                    self.expr(&a.annotation)?;
                    let i = self.name_index(&n.id);
                    self.emit(Op::StoreAnnotation(i));
                }
                _ => {
                    self.expr(&a.annotation)?;
                    self.emit(Op::Pop);
                }
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, false, next)?;
        self.body(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.emit(Op::Jump(end));
            self.bind(next);
            next = self.new_label();
            if let Some(test) = &clause.test {
                let old = self.set_line(test);
                self.jump_if(test, false, next)?;
                self.restore_line(old);
            }
            self.body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let start = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.jump_if(&w.test, false, orelse)?;
        self.unit().fblocks.push(FBlock::WhileLoop { start: start as usize, exit: exit as usize });
        self.body(&w.body)?;
        self.unit().fblocks.pop();
        self.emit(Op::Jump(start));
        self.bind(orelse);
        self.body(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let orelse = self.new_label();
        let exit = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Op::GetIter);
        self.bind(start);
        self.emit(Op::ForIter(orelse));
        self.store(&f.target)?;
        self.unit().fblocks.push(FBlock::ForLoop { start: start as usize, exit: exit as usize });
        self.body(&f.body)?;
        self.unit().fblocks.pop();
        self.emit(Op::Jump(start));
        self.bind(orelse);
        self.body(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn break_continue(&mut self, node: &impl Ranged, is_break: bool) -> R {
        let blocks = self.unit().fblocks.clone();
        for (depth, b) in blocks.iter().enumerate().rev() {
            match b {
                FBlock::WhileLoop { start, exit } | FBlock::ForLoop { start, exit } => {
                    let (start, exit) = (*start as u32, *exit as u32);
                    if is_break && matches!(b, FBlock::ForLoop { .. }) {
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::Jump(if is_break { exit } else { start }));
                    return Ok(());
                }
                _ => self.unwind_block(depth, false)?,
            }
        }
        let what = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
        Err(self.error(super::CompileErrorKind::Syntax, node, what))
    }

    /// Emits the exits of every enclosing block (for `return`).
    fn unwind_all(&mut self, value_on_stack: bool) -> R {
        let n = self.unit().fblocks.len();
        for depth in (0..n).rev() {
            self.unwind_block(depth, value_on_stack)?;
        }
        Ok(())
    }

    /// Emits the exit of one block; `value` means a return value is on top.
    fn unwind_block(&mut self, depth: usize, value: bool) -> R {
        let b = self.unit().fblocks[depth].clone();
        match b {
            FBlock::WhileLoop { .. } => {}
            FBlock::ForLoop { .. } => {
                if value {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
            }
            FBlock::TryExcept => self.emit(Op::PopBlock),
            FBlock::Finally(body) => {
                self.emit(Op::PopBlock);
                // the finally body runs outside its own block
                let saved = self.unit().fblocks.split_off(depth);
                self.body(body)?;
                self.unit().fblocks.extend(saved);
            }
            FBlock::FinallyEnd => {
                if value {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::Pop);
                self.emit(Op::PopExcept);
            }
            FBlock::With => {
                self.emit(Op::PopBlock);
                if value {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::WithExit);
            }
            FBlock::Handler(name) => {
                self.emit(Op::PopExcept);
                if let Some(n) = name {
                    self.load_const(Value::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
        }
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupExcept(handler));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.body(&t.orelse)?;
        self.emit(Op::Jump(end));
        self.bind(handler);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_line(h);
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Op::CheckExcMatch);
                self.emit(Op::PopJumpIfFalse(next));
            }
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(n) => self.store_name(n),
                None => self.emit(Op::Pop),
            }
            self.unit().fblocks.push(FBlock::Handler(name));
            self.body(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopExcept);
            if let Some(n) = name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            self.emit(Op::Jump(end));
            self.bind(next);
            self.restore_line(old);
        }
        self.emit(Op::Reraise);
        self.bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let handler = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupFinally(handler));
        self.unit().fblocks.push(FBlock::Finally(&t.finalbody));
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.body(&t.finalbody)?;
        self.emit(Op::Jump(end));
        self.bind(handler);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.body(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::Reraise);
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&first.context_expr)?;
        self.emit(Op::BeforeWith);
        self.emit(Op::SetupWith(handler));
        match &first.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(Op::Pop),
        }
        self.unit().fblocks.push(FBlock::With);
        self.with_stmt(rest, body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::WithExit);
        self.emit(Op::Jump(end));
        self.bind(handler);
        self.emit(Op::WithExcept);
        self.bind(end);
        Ok(())
    }

    /// Defaults, keyword defaults and annotations of a `def` or `lambda`; returns MakeFunction flags.
    pub(super) fn function_prelude(
        &mut self,
        p: Option<&'a ast::Parameters>,
        returns: Option<&'a Expr>,
        annotate: bool,
    ) -> Result<u8, CompileError> {
        let mut flags = 0;
        let Some(p) = p else { return Ok(0) };
        let defaults: Vec<&Expr> = p.posonlyargs.iter().chain(&p.args).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<(&str, &Expr)> =
            p.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d))).collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                self.load_const(Value::str(*n));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        if annotate {
            let mut n = 0;
            for a in p.posonlyargs.iter().chain(&p.args) {
                if let Some(an) = &a.parameter.annotation {
                    self.load_const(Value::str(a.parameter.name.as_str()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            if let Some(v) = &p.vararg {
                if let Some(an) = &v.annotation {
                    self.load_const(Value::str(v.name.as_str()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            for a in &p.kwonlyargs {
                if let Some(an) = &a.parameter.annotation {
                    self.load_const(Value::str(a.parameter.name.as_str()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            if let Some(v) = &p.kwarg {
                if let Some(an) = &v.annotation {
                    self.load_const(Value::str(v.name.as_str()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            if let Some(r) = returns {
                self.load_const(Value::str("return"));
                self.expr(r)?;
                n += 1;
            }
            if n > 0 {
                self.emit(Op::BuildMap(n));
                flags |= 4;
            }
        }
        Ok(flags)
    }

    pub(super) fn param_counts(p: Option<&ast::Parameters>) -> (u32, u32, u32, bool, bool) {
        match p {
            None => (0, 0, 0, false, false),
            Some(p) => (
                (p.posonlyargs.len() + p.args.len()) as u32,
                p.posonlyargs.len() as u32,
                p.kwonlyargs.len() as u32,
                p.vararg.is_some(),
                p.kwarg.is_some(),
            ),
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        if f.is_async {
            return Err(self.unsupported(f, "async functions"));
        }
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let flags = self.function_prelude(Some(&f.parameters), f.returns.as_deref(), true)?;
        let scope = self.table.scope_of(f);
        let qualname = self.qualname_for(&f.name);
        let line = self.lines.line(f.range().start());
        self.enter(scope, CodeKind::Function, f.name.as_str().into(), qualname, line);
        let mut body: &[Stmt] = &f.body;
        if let Some(doc) = docstring(body) {
            self.unit().doc = Some(doc);
            body = &body[1..];
        }
        self.body(body)?;
        self.load_const(Value::None);
        self.emit(Op::Return);
        let (argc, posonly, kwonly, va, vk) = Self::param_counts(Some(&f.parameters));
        let code = self.leave(argc, posonly, kwonly, va, vk);
        let closure = self.closure_for(scope);
        let ci = self.const_index(Value::Code(code));
        self.emit(Op::MakeFunction(ci, flags | if closure { 8 } else { 0 }));
        for _ in &f.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let scope = self.table.scope_of(c);
        let qualname = self.qualname_for(&c.name);
        let line = self.lines.line(c.range().start());
        self.enter(scope, CodeKind::Class, c.name.as_str().into(), qualname.clone(), line);
        let n = self.name_index("__name__");
        self.emit(Op::LoadName(n));
        let m = self.name_index("__module__");
        self.emit(Op::StoreName(m));
        self.load_const(Value::str(&*qualname));
        let q = self.name_index("__qualname__");
        self.emit(Op::StoreName(q));
        let mut body: &[Stmt] = &c.body;
        if let Some(doc) = docstring(body) {
            self.load_const(Value::Str(Rc::new(crate::value::PyStr::new(&*doc))));
            let d = self.name_index("__doc__");
            self.emit(Op::StoreName(d));
            body = &body[1..];
        }
        if body.iter().any(super::has_annotation) {
            self.emit(Op::SetupAnnotations);
        }
        self.body(body)?;
        if self.table.scopes[scope].needs_class_cell {
            let i = self.deref_index("__class__");
            self.emit(Op::LoadClosure(i));
        } else {
            self.load_const(Value::None);
        }
        self.emit(Op::Return);
        let code = self.leave(0, 0, 0, false, false);
        let closure = self.closure_for(scope);
        let ci = self.const_index(Value::Code(code));
        self.emit(Op::MakeFunction(ci, if closure { 8 } else { 0 }));
        self.load_const(Value::str(c.name.as_str()));
        let (bases, keywords): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        if bases.iter().any(|b| matches!(b, Expr::Starred(_))) || keywords.iter().any(|k| k.arg.is_none()) {
            return Err(self.unsupported(c, "star arguments in a class statement"));
        }
        for b in bases {
            self.expr(b)?;
        }
        self.emit(Op::BuildTuple(bases.len() as u32));
        for k in keywords {
            self.load_const(Value::str(k.arg.as_ref().map(|a| a.as_str()).unwrap_or("")));
            self.expr(&k.value)?;
        }
        self.emit(Op::BuildMap(keywords.len() as u32));
        self.emit(Op::BuildClass);
        for _ in &c.decorator_list {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }
}

/// The docstring of a body: its first statement, when a string literal.
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first()? {
        Stmt::Expr(e) => match &*e.value {
            Expr::StringLiteral(s) => Some(s.value.to_str().into()),
            _ => None,
        },
        _ => None,
    }
}
