//! Compiling expressions: operators, calls, literals, f-strings,
//! comprehensions, lambdas and `yield`.

use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::{CompileError, CompileErrorKind, Compiler};
use crate::code::{BinOp, CmpOp, CodeKind, Op, UnOp};
use crate::dict::{Dict, Key};
use crate::value::{PyStr, Value};

type R = Result<(), CompileError>;

pub(super) fn bin_op(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> R {
        let old = self.set_line(e);
        let r = self.expr_inner(e);
        self.restore_line(old);
        r
    }

    /// Compiles a condition and jumps to `target` when it is `when`.
    pub(super) fn jump_if(&mut self, e: &'a Expr, when: bool, target: u32) -> R {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.jump_if(&u.operand, !when, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                if is_and != when {
                    // and-jump-if-false / or-jump-if-true: any operand decides
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, init) = b.values.split_last().expect("operands");
                    for v in init {
                        self.jump_if(v, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.emit(if when { Op::PopJumpIfTrue(target) } else { Op::PopJumpIfFalse(target) });
                Ok(())
            }
        }
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match e {
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => Value::Int(v),
                        None => Value::bigint(parse_big(&i.to_string())),
                    },
                    ast::Number::Float(f) => Value::Float(*f),
                    ast::Number::Complex { .. } => return Err(self.unsupported(e, "complex numbers")),
                };
                self.load_const(v);
            }
            Expr::StringLiteral(s) => self.load_const(Value::str(s.value.to_str())),
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.as_slice().iter().flat_map(|p| p.value.iter().copied()).collect();
                self.load_const(Value::Bytes(Rc::new(bytes)));
            }
            Expr::BooleanLiteral(b) => self.load_const(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::None),
            Expr::EllipsisLiteral(_) => self.load_const(Value::Ellipsis),
            Expr::Name(n) => self.load_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_index(&a.attr);
                let old = self.set_line(&a.attr);
                self.emit(Op::LoadAttr(i));
                self.restore_line(old);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::Subscr);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Value::None),
                    }
                }
                match &s.step {
                    Some(p) => {
                        self.expr(p)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => self.emit(Op::BuildSlice(2)),
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::Binary(bin_op(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(Op::Unary(match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                }));
            }
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let (last, init) = b.values.split_last().expect("operands");
                for v in init {
                    self.expr(v)?;
                    self.emit(if b.op == ast::BoolOp::And { Op::JumpIfFalseOrPop(end) } else { Op::JumpIfTrueOrPop(end) });
                }
                self.expr(last)?;
                self.bind(end);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit(Op::Jump(end));
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::Dup);
                self.store(&n.target)?;
            }
            Expr::Call(c) => self.call(c)?,
            Expr::List(l) => self.sequence(&l.elts, Seq::List)?,
            Expr::Tuple(t) => self.sequence(&t.elts, Seq::Tuple)?,
            Expr::Set(s) => self.sequence(&s.elts, Seq::Set)?,
            Expr::Dict(d) => self.dict(d)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::Lambda(l) => {
                let flags = self.function_prelude(l.parameters.as_deref(), None, false)?;
                let scope = self.table.scope_of(l);
                let qualname = self.qualname_for("<lambda>");
                let line = self.lines.line(l.range().start());
                self.enter(scope, CodeKind::Function, "<lambda>".into(), qualname, line);
                self.expr(&l.body)?;
                self.emit(Op::Return);
                let (argc, posonly, kwonly, va, vk) = Self::param_counts(l.parameters.as_deref());
                let code = self.leave(argc, posonly, kwonly, va, vk);
                let closure = self.closure_for(scope);
                let ci = self.const_index(Value::Code(code));
                self.emit(Op::MakeFunction(ci, flags | if closure { 8 } else { 0 }));
            }
            Expr::ListComp(c) => self.comprehension(c, "<listcomp>", &c.generators, Comp::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(c, "<setcomp>", &c.generators, Comp::Set(&c.elt))?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c, "<dictcomp>", &c.generators, Comp::Dict(k, &c.value))?,
                None => return Err(self.unsupported(e, "dict unpacking in comprehensions")),
            },
            Expr::Generator(c) => self.comprehension(c, "<genexpr>", &c.generators, Comp::Gen(&c.elt))?,
            Expr::Yield(y) => {
                if !matches!(self.unit().kind, CodeKind::Function | CodeKind::Comprehension) {
                    return Err(self.error(CompileErrorKind::Syntax, e, "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Op::Yield);
            }
            Expr::YieldFrom(y) => {
                if !matches!(self.unit().kind, CodeKind::Function | CodeKind::Comprehension) {
                    return Err(self.error(CompileErrorKind::Syntax, e, "'yield' outside function"));
                }
                self.expr(&y.value)?;
                self.emit(Op::GetYieldFromIter);
                self.load_const(Value::None);
                let start = self.new_label();
                let exit = self.new_label();
                self.bind(start);
                self.emit(Op::Send(exit));
                self.emit(Op::Yield);
                self.emit(Op::Jump(start));
                self.bind(exit);
            }
            Expr::Starred(s) => return Err(self.error(CompileErrorKind::Syntax, s, "can't use starred expression here")),
            Expr::Await(_) => return Err(self.unsupported(e, "await")),
            Expr::TString(_) => return Err(self.unsupported(e, "template strings")),
            Expr::IpyEscapeCommand(_) => return Err(self.error(CompileErrorKind::Syntax, e, "invalid syntax")),
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            let last = i + 1 == n;
            if !last {
                self.emit(Op::Dup);
                self.emit(Op::Rot3);
            }
            self.emit(match op {
                ast::CmpOp::Eq => Op::Compare(CmpOp::Eq),
                ast::CmpOp::NotEq => Op::Compare(CmpOp::Ne),
                ast::CmpOp::Lt => Op::Compare(CmpOp::Lt),
                ast::CmpOp::LtE => Op::Compare(CmpOp::Le),
                ast::CmpOp::Gt => Op::Compare(CmpOp::Gt),
                ast::CmpOp::GtE => Op::Compare(CmpOp::Ge),
                ast::CmpOp::Is => Op::Is(false),
                ast::CmpOp::IsNot => Op::Is(true),
                ast::CmpOp::In => Op::In(false),
                ast::CmpOp::NotIn => Op::In(true),
            });
            if !last {
                self.emit(Op::JumpIfFalseOrPop(cleanup));
            }
        }
        if n > 1 {
            self.emit(Op::Jump(end));
            self.bind(cleanup);
            self.emit(Op::Rot2);
            self.emit(Op::Pop);
            self.bind(end);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        // zero-argument super() is super(__class__, <first argument>)
        if let Expr::Name(n) = &*c.func {
            if &*n.id == "super" && c.arguments.args.is_empty() && c.arguments.keywords.is_empty() {
                let first = {
                    let u = self.units.last().expect("a unit");
                    let scope = &self.table.scopes[u.scope];
                    (u.kind == CodeKind::Function).then(|| scope.params.first().cloned()).flatten()
                };
                if let Some(first) = first {
                    self.load_name("super");
                    self.load_name("__class__");
                    self.load_name(&first);
                    self.emit(Op::Call(2));
                    return Ok(());
                }
            }
        }
        let args = &c.arguments;
        let starred = args.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let dstar = args.keywords.iter().any(|k| k.arg.is_none());
        // obj.method(...): no bound-method object per call
        if let (Expr::Attribute(a), false, false) = (&*c.func, starred, dstar) {
            self.expr(&a.value)?;
            let i = self.name_index(&a.attr);
            let old = self.set_line(&a.attr);
            self.emit(Op::LoadMethod(i));
            self.restore_line(old);
            let old = self.set_line(c);
            for arg in &*args.args {
                self.expr(arg)?;
            }
            if args.keywords.is_empty() {
                self.emit(Op::CallMethod(args.args.len() as u32));
            } else {
                for k in &*args.keywords {
                    self.expr(&k.value)?;
                }
                let ni = self.keyword_names(&args.keywords);
                self.emit(Op::CallMethodKw((args.args.len() + args.keywords.len()) as u32, ni));
            }
            self.restore_line(old);
            return Ok(());
        }
        self.expr(&c.func)?;
        let old = self.set_line(c);
        if !starred && !dstar {
            for a in &*args.args {
                self.expr(a)?;
            }
            if args.keywords.is_empty() {
                self.emit(Op::Call(args.args.len() as u32));
            } else {
                for k in &*args.keywords {
                    self.expr(&k.value)?;
                }
                let ni = self.keyword_names(&args.keywords);
                self.emit(Op::CallKw((args.args.len() + args.keywords.len()) as u32, ni));
            }
            self.restore_line(old);
            return Ok(());
        }
        // f(*a, b, **k): build a tuple and a dict
        self.emit(Op::BuildList(0));
        for a in &*args.args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        let has_kw = !args.keywords.is_empty();
        if has_kw {
            self.emit(Op::BuildMap(0));
            for k in &*args.keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Value::str(name.as_str()));
                        self.expr(&k.value)?;
                        self.emit(Op::BuildMap(1));
                        self.emit(Op::DictMerge(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Op::DictMerge(1));
                    }
                }
            }
        }
        self.emit(Op::CallEx(has_kw));
        self.restore_line(old);
        Ok(())
    }

    /// The tuple constant of a call's keyword names.
    fn keyword_names(&mut self, keywords: &[ast::Keyword]) -> u32 {
        let names: Vec<Value> = keywords.iter().map(|k| Value::str(k.arg.as_ref().map(|a| a.as_str()).unwrap_or(""))).collect();
        self.const_index(Value::tuple(names))
    }

    fn sequence(&mut self, elts: &'a [Expr], kind: Seq) -> R {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::List => Op::BuildList(n),
                Seq::Tuple => Op::BuildTuple(n),
                Seq::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        match kind {
            Seq::Set => self.emit(Op::BuildSet(0)),
            _ => self.emit(Op::BuildList(0)),
        }
        for e in elts {
            match (e, kind) {
                (Expr::Starred(s), Seq::Set) => {
                    self.expr(&s.value)?;
                    self.emit(Op::SetUpdate(1));
                }
                (Expr::Starred(s), _) => {
                    self.expr(&s.value)?;
                    self.emit(Op::ListExtend(1));
                }
                (_, Seq::Set) => {
                    self.expr(e)?;
                    self.emit(Op::SetAdd(1));
                }
                _ => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> R {
        if let Some(keys) = const_keys(d) {
            for i in &d.items {
                self.expr(&i.value)?;
            }
            let template: Dict = keys.into_iter().map(|k| (Key::Str(k.clone()), (Value::Str(k), Value::None))).collect();
            let c = self.const_index(Value::dict(template));
            self.emit(Op::BuildConstKeyMap(c));
            return Ok(());
        }
        if d.items.iter().all(|i| i.key.is_some()) {
            for i in &d.items {
                self.expr(i.key.as_ref().expect("key"))?;
                self.expr(&i.value)?;
            }
            self.emit(Op::BuildMap(d.items.len() as u32));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for i in &d.items {
            match &i.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&i.value)?;
                    self.emit(Op::BuildMap(1));
                    self.emit(Op::DictUpdate(1));
                }
                None => {
                    self.expr(&i.value)?;
                    self.emit(Op::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut n = 0;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => {
                    self.load_const(Value::str(&*s.value));
                    n += 1;
                }
                ast::FStringPart::FString(fs) => {
                    n += self.interpolated(&fs.elements)?;
                }
            }
        }
        if n != 1 {
            self.emit(Op::BuildString(n));
        } else {
            // a lone piece: make sure the result is a str
            self.emit(Op::BuildString(1));
        }
        Ok(())
    }

    /// Pushes the pieces of f-string elements; returns how many.
    fn interpolated(&mut self, elements: &'a ast::InterpolatedStringElements) -> Result<u32, CompileError> {
        let mut n = 0;
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(Value::str(&*l.value));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &i.debug_text {
                        let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                        self.load_const(Value::str(text));
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    let has_spec = match &i.format_spec {
                        Some(spec) => {
                            let k = self.interpolated(&spec.elements)?;
                            if k != 1 {
                                self.emit(Op::BuildString(k));
                            }
                            true
                        }
                        None => false,
                    };
                    self.emit(Op::FormatValue(conv, has_spec));
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn comprehension(&mut self, node: &'a impl Ranged, name: &str, gens: &'a [ast::Comprehension], kind: Comp<'a>) -> R {
        let scope = self.table.scope_of(node);
        let qualname = self.qualname_for(name);
        let line = self.lines.line(node.range().start());
        self.enter(scope, CodeKind::Comprehension, name.into(), qualname, line);
        match kind {
            Comp::List(_) => self.emit(Op::BuildList(0)),
            Comp::Set(_) => self.emit(Op::BuildSet(0)),
            Comp::Dict(..) => self.emit(Op::BuildMap(0)),
            Comp::Gen(_) => {}
        }
        self.comp_level(gens, 0, kind)?;
        if matches!(kind, Comp::Gen(_)) {
            self.load_const(Value::None);
        }
        self.emit(Op::Return);
        let code = self.leave(1, 0, 0, false, false);
        let closure = self.closure_for(scope);
        let ci = self.const_index(Value::Code(code));
        self.emit(Op::MakeFunction(ci, if closure { 8 } else { 0 }));
        self.expr(&gens[0].iter)?;
        self.emit(Op::GetIter);
        self.emit(Op::Call(1));
        Ok(())
    }

    fn comp_level(&mut self, gens: &'a [ast::Comprehension], i: usize, kind: Comp<'a>) -> R {
        let g = &gens[i];
        if g.is_async {
            return Err(self.unsupported(g, "async comprehensions"));
        }
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            let v = self.var_index(".0");
            self.emit(Op::LoadFast(v));
        } else {
            self.expr(&g.iter)?;
            self.emit(Op::GetIter);
        }
        self.bind(start);
        self.emit(Op::ForIter(end));
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comp_level(gens, i + 1, kind)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Op::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Op::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(depth));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::Jump(start));
        self.bind(end);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// Parses a big integer literal (decimal, hex, octal or binary, with `_`).
fn parse_big(text: &str) -> BigInt {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_owned())
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_owned())
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_owned())
    } else {
        (10, lower)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

/// The keys of a dict display when they are all string constants, none
/// repeated (the usual `{"name": value, ...}`), which `BuildConstKeyMap`
/// builds from a copy.
fn const_keys(d: &ast::ExprDict) -> Option<Vec<Rc<PyStr>>> {
    let mut keys: Vec<Rc<PyStr>> = Vec::with_capacity(d.items.len());
    for i in &d.items {
        let Some(Expr::StringLiteral(s)) = &i.key else { return None };
        let k = s.value.to_str();
        if keys.iter().any(|seen| seen.as_str() == k) {
            return None;
        }
        let Value::Str(k) = Value::str(k) else { unreachable!("a str") };
        keys.push(k);
    }
    (!keys.is_empty()).then_some(keys)
}
