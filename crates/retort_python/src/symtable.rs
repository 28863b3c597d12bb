//! Scope analysis before compiling: which names are local, global, free
//! (closed over) or cells (captured by an inner function), per Python's
//! rules, including class scopes, comprehensions and `nonlocal`/`global`.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// How one name is accessed in one scope.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameKind {
    /// A fast local of a function.
    Local,
    /// A local captured by an inner function (lives in a cell).
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// `global x`, or a name a function reads but never binds.
    Global,
    /// Module and class bodies: looked up by name at run time.
    Name,
}

#[derive(Default, Clone, Copy)]
struct Flags {
    assigned: bool,
    used: bool,
    param: bool,
    global: bool,
    nonlocal: bool,
}

pub struct Scope {
    pub kind: ScopeKind,
    symbols: IndexMap<String, Flags>,
    children: Vec<usize>,
    pub params: Vec<String>,
    pub is_generator: bool,
    pub names: HashMap<String, NameKind>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// The class body defines `__class__` for `super()`.
    pub needs_class_cell: bool,
}

/// All scopes of a module, found by the address of their AST node.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

/// A syntax error found during analysis (line offset in bytes).
pub struct ScopeError {
    pub message: String,
    pub offset: u32,
}

impl SymbolTable {
    pub fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }

    pub fn build(body: &[Stmt]) -> Result<SymbolTable, ScopeError> {
        let mut b = Builder { scopes: Vec::new(), by_node: HashMap::new(), stack: Vec::new(), error: None };
        b.push(ScopeKind::Module, 0);
        for s in body {
            b.visit_stmt(s);
        }
        if let Some(e) = b.error {
            return Err(e);
        }
        let mut t = SymbolTable { scopes: b.scopes, by_node: b.by_node };
        t.analyze(0, &HashSet::new())?;
        Ok(t)
    }

    /// Resolves the names of scope `id`; returns the free names it needs
    /// from enclosing scopes.
    fn analyze(&mut self, id: usize, bound_above: &HashSet<String>) -> Result<HashSet<String>, ScopeError> {
        let kind = self.scopes[id].kind;
        let function_like = matches!(kind, ScopeKind::Function | ScopeKind::Comprehension);
        let local: HashSet<String> = if function_like {
            self.scopes[id]
                .symbols
                .iter()
                .filter(|(_, f)| (f.assigned || f.param) && !f.global && !f.nonlocal)
                .map(|(n, _)| n.clone())
                .collect()
        } else {
            HashSet::new()
        };
        let child_bound: HashSet<String> = match kind {
            ScopeKind::Module => HashSet::new(),
            ScopeKind::Class => {
                let mut b = bound_above.clone();
                b.insert("__class__".into());
                b
            }
            _ => {
                let mut b = bound_above.clone();
                b.extend(local.iter().cloned());
                // a nested function sees names its enclosing functions' globals hide
                for (n, f) in &self.scopes[id].symbols {
                    if f.global {
                        b.remove(n);
                    }
                }
                b
            }
        };
        let mut needed = HashSet::new();
        for child in self.scopes[id].children.clone() {
            needed.extend(self.analyze(child, &child_bound)?);
        }
        let mut names = HashMap::new();
        let mut free: Vec<String> = Vec::new();
        for (name, f) in &self.scopes[id].symbols {
            let k = if f.global {
                NameKind::Global
            } else if f.nonlocal {
                if !bound_above.contains(name) {
                    return Err(ScopeError { message: format!("no binding for nonlocal '{name}' found"), offset: 0 });
                }
                free.push(name.clone());
                NameKind::Free
            } else if function_like && local.contains(name) {
                NameKind::Local
            } else if kind == ScopeKind::Module || (kind == ScopeKind::Class && f.assigned) {
                NameKind::Name
            } else if bound_above.contains(name) && kind != ScopeKind::Module {
                free.push(name.clone());
                NameKind::Free
            } else if kind == ScopeKind::Class {
                NameKind::Name
            } else {
                NameKind::Global
            };
            names.insert(name.clone(), k);
        }
        let mut cells = Vec::new();
        let mut needs_class_cell = false;
        let mut needed: Vec<String> = needed.into_iter().collect();
        needed.sort();
        for n in needed {
            if function_like && local.contains(&n) {
                names.insert(n.clone(), NameKind::Cell);
                cells.push(n);
            } else if kind == ScopeKind::Class && n == "__class__" {
                needs_class_cell = true;
            } else if !free.contains(&n) {
                free.push(n.clone());
                names.entry(n).or_insert(NameKind::Free);
            }
        }
        let scope = &mut self.scopes[id];
        // parameters that are cells keep the parameter order first
        cells.sort_by_key(|c| scope.params.iter().position(|p| p == c).unwrap_or(usize::MAX));
        scope.names = names;
        scope.cellvars = cells;
        scope.freevars = free.clone();
        scope.needs_class_cell = needs_class_cell;
        Ok(free.into_iter().collect())
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    error: Option<ScopeError>,
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, node: usize) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope {
            kind,
            symbols: IndexMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            names: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
        });
        if let Some(&parent) = self.stack.last() {
            self.scopes[parent].children.push(id);
        }
        self.by_node.insert(node, id);
        self.stack.push(id);
        id
    }
    fn pop(&mut self) {
        self.stack.pop();
    }
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("a scope");
        &mut self.scopes[id]
    }
    fn flags(&mut self, name: &str) -> &mut Flags {
        self.cur().symbols.entry(name.to_owned()).or_default()
    }
    fn assign(&mut self, name: &str) {
        self.flags(name).assigned = true;
    }
    fn use_name(&mut self, name: &str) {
        self.flags(name).used = true;
    }
    fn param(&mut self, name: &str) {
        self.flags(name).param = true;
        self.cur().params.push(name.to_owned());
    }
    fn parameters(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(&p.args) {
            self.param(&a.parameter.name);
        }
        for a in &p.kwonlyargs {
            self.param(&a.parameter.name);
        }
        if let Some(v) = &p.vararg {
            self.param(&v.name);
        }
        if let Some(k) = &p.kwarg {
            self.param(&k.name);
        }
    }
    /// Visits defaults and annotations of parameters in the enclosing scope.
    fn parameter_exprs(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.visit_expr(d);
            }
        }
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(an) = &a.parameter.annotation {
                self.visit_expr(an);
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                self.visit_expr(an);
            }
        }
    }
    fn comprehension(&mut self, node: usize, generators: &[ast::Comprehension], elts: &[&Expr], is_gen: bool) {
        // the first iterable is evaluated in the enclosing scope
        self.visit_expr(&generators[0].iter);
        self.push(ScopeKind::Comprehension, node);
        self.param(".0");
        self.cur().is_generator = is_gen;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter);
            }
            self.visit_expr(&g.target);
            for c in &g.ifs {
                self.visit_expr(c);
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
        self.pop();
    }
}

impl<'a> Visitor<'a> for Builder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.parameter_exprs(&f.parameters);
                if let Some(r) = &f.returns {
                    self.visit_expr(r);
                }
                self.assign(&f.name);
                self.push(ScopeKind::Function, f as *const _ as usize);
                self.parameters(&f.parameters);
                for s in &f.body {
                    self.visit_stmt(s);
                }
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(a) = &c.arguments {
                    self.visit_arguments(a);
                }
                self.assign(&c.name);
                self.push(ScopeKind::Class, c as *const _ as usize);
                for s in &c.body {
                    self.visit_stmt(s);
                }
                self.pop();
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.flags(n).global = true;
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.flags(n).nonlocal = true;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.split('.').next().unwrap_or("").to_owned(),
                    };
                    self.assign(&name);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name != "*" {
                        self.assign(a.asname.as_ref().unwrap_or(&a.name));
                    }
                }
            }
            Stmt::Try(t) => {
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        self.assign(n);
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::AnnAssign(a) => {
                // annotations of module and class bodies are evaluated; in functions they are not
                let kind = self.cur().kind;
                self.visit_expr(&a.target);
                if kind != ScopeKind::Function {
                    self.visit_expr(&a.annotation);
                }
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                }
            }
            Stmt::AugAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    self.assign(&n.id);
                    self.use_name(&n.id);
                } else {
                    self.visit_expr(&a.target);
                }
                self.visit_expr(&a.value);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => {
                    self.use_name(&n.id);
                    if &*n.id == "super" {
                        // zero-argument super() reads the __class__ cell
                        self.use_name("__class__");
                    }
                }
                _ => self.assign(&n.id),
            },
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameter_exprs(p);
                }
                self.push(ScopeKind::Function, l as *const _ as usize);
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                self.visit_expr(&l.body);
                self.pop();
            }
            Expr::ListComp(c) => self.comprehension(c as *const _ as usize, &c.generators, &[&c.elt], false),
            Expr::SetComp(c) => self.comprehension(c as *const _ as usize, &c.generators, &[&c.elt], false),
            Expr::Generator(c) => self.comprehension(c as *const _ as usize, &c.generators, &[&c.elt], true),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c as *const _ as usize, &c.generators, &[k, &c.value], false),
                None => self.comprehension(c as *const _ as usize, &c.generators, &[&c.value], false),
            },
            Expr::Named(n) => {
                self.visit_expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    // in a comprehension the target binds in the enclosing function
                    let mut idx = self.stack.len() - 1;
                    while idx > 0 && self.scopes[self.stack[idx]].kind == ScopeKind::Comprehension {
                        idx -= 1;
                    }
                    if idx != self.stack.len() - 1 {
                        let owner = self.stack[idx];
                        let owner_is_module = self.scopes[owner].kind == ScopeKind::Module;
                        self.scopes[owner].symbols.entry(t.id.to_string()).or_default().assigned = true;
                        for &s in &self.stack[idx + 1..] {
                            let f = self.scopes[s].symbols.entry(t.id.to_string()).or_default();
                            if owner_is_module {
                                f.global = true;
                            } else {
                                f.nonlocal = true;
                            }
                        }
                    } else {
                        self.assign(&t.id);
                    }
                }
            }
            Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Await(_) => {
                self.cur().is_generator = true;
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
