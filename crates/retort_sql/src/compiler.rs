//! Statements compiled to SQLAlchemy's SQLite text with positional `?`
//! parameters in the order they appear. Mirrors `SQLCompiler`'s
//! `visit_select`, `visit_insert`, `visit_update`, `visit_delete`,
//! `visit_binary` (with `self_group`'s precedence rules) and the SQLite
//! dialect's `limit_clause`.

use std::collections::HashMap;

use std::rc::Rc;

use crate::expr::{
    BinOp, ColumnRef, CompoundSelect, Cte, CteBody, Delete, Expr, FrameBound, FromItem, FromName, Insert, InsertSource, LabelStyle,
    Literal, OnConflict, OrderBy, ParamName, Select, SetOp, Update,
};
use crate::quote::quote;
use crate::schema::Table;
use crate::SqlError;

/// A compiled statement: its text and its parameters in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compiled {
    pub sql: String,
    pub params: Vec<Literal>,
    /// The parameters' names, for the default dialect's rendering (empty for SQLite's).
    pub names: Vec<String>,
    /// What SQLAlchemy's compiler warns of (`SAWarning`s) while compiling it.
    pub warnings: Vec<String>,
}

/// `SQLCompiler.visit_unary`'s warning for `distinct(x)` outside a function.
pub const UNARY_DISTINCT_WARNING: &str = "Column-expression-level unary distinct() should not be used outside of an aggregate function. For general 'SELECT DISTINCT' support use select().distinct().";

/// Precedences from `operators._PRECEDENCE` that are not binary operators.
const AND: i32 = 3;
const OR: i32 = 2;
const INV: i32 = 5;
const COMPARISON: i32 = 5;
const NEG: i32 = 8;

#[derive(Default)]
struct Writer {
    sql: String,
    params: Vec<Literal>,
    /// Counters of anonymous labels (`count_1`, `anon_1`) by their stem.
    labels: HashMap<String, u32>,
    /// Anonymous subqueries' names, given on first use.
    anon_names: HashMap<u32, String>,
    /// Anonymous labels' names (`label(None)`: `anon_1`), given on first use.
    anon_labels: HashMap<String, String>,
    /// The FROM names of the SELECTs being compiled, innermost last: what a
    /// nested SELECT correlates to.
    scopes: Vec<Vec<FromName>>,
    /// The names of the parameters rendered so far (default dialect).
    names: Vec<String>,
    /// The labels of the columns clause of the SELECT whose ORDER BY is being rendered.
    order_labels: Vec<String>,
    /// Rendering for `str(statement)` (SQLAlchemy's default dialect): named
    /// binds (`:name_1`, `:param_1`) instead of SQLite's `?`.
    named: bool,
    /// How many function calls the expression being rendered is inside
    /// (SQLAlchemy's `within_aggregate_function`, set by any function).
    in_function: u32,
    warnings: Vec<String>,
    /// The first error met while rendering (the statement is not usable).
    error: Option<SqlError>,
}

impl Writer {
    /// Renders `items` with `separator` between them.
    fn list<T>(&mut self, items: &[T], separator: &str, mut render: impl FnMut(&mut Self, &T)) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.sql += separator;
            }
            render(self, item);
        }
    }

    fn bind(&mut self, value: &Literal) {
        self.param(None, value);
    }

    /// A bound value: `?`, or in the default dialect its name (an anonymous
    /// one numbered per stem, in the counters anonymous labels use).
    fn param(&mut self, name: Option<&ParamName>, value: &Literal) {
        self.params.push(value.clone());
        if !self.named {
            self.sql.push('?');
            return;
        }
        let name = match name {
            Some(ParamName::Exact(n)) => n.clone(),
            Some(ParamName::Anon(stem)) => self.anon_bind_label(stem),
            None => self.anon_label("param"),
        };
        self.sql.push(':');
        self.sql += &name;
        self.names.push(name);
    }

    fn render_from_name(&mut self, name: &FromName) -> String {
        match name {
            FromName::Named(n) => quote(n),
            FromName::Anon(id) | FromName::AnonOf(id, _) => {
                if let Some(label) = self.anon_names.get(id) {
                    return label.clone();
                }
                let stem = match name {
                    FromName::AnonOf(_, table) => table.as_str(),
                    _ => "anon",
                };
                let label = self.anon_label(stem);
                self.anon_names.insert(*id, label.clone());
                label
            }
        }
    }

    /// A FROM item known by its name only (a DML statement's extra FROMs).
    fn visit_from_name(&mut self, name: &FromName) {
        match name {
            FromName::AnonOf(id, table) => self.visit_from_item(&FromItem::AnonAlias { table: table.clone(), id: *id }),
            other => {
                let rendered = self.render_from_name(other);
                self.sql += &rendered;
            }
        }
    }

    /// A label's name as rendered: quoted when needed, or for an anonymous
    /// label (see `expr::anon_label`) the `anon_N` it was given first.
    fn label_name(&mut self, name: &str) -> String {
        if !crate::expr::is_anon_label(name) {
            return quote(name);
        }
        if let Some(given) = self.anon_labels.get(name) {
            return given.clone();
        }
        let given = self.anon_label("anon");
        self.anon_labels.insert(name.to_owned(), given.clone());
        given
    }

    fn anon_label(&mut self, stem: &str) -> String {
        let n = self.labels.entry(stem.to_owned()).or_insert(0);
        *n += 1;
        format!("{stem}_{n}")
    }

    /// An anonymous bind parameter's name: its stem made safe as
    /// `_anonymous_label.safe_construct(sanitize_key=True)` makes it
    /// (`x y` gives `x_y_1`), then numbered.
    fn anon_bind_label(&mut self, stem: &str) -> String {
        let safe: String = stem.chars().map(|c| if "%() $".contains(c) { '_' } else { c }).collect();
        let safe = safe.split('_').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("_");
        self.anon_label(if safe.is_empty() { "param" } else { &safe })
    }

    /// Renders `expr`, parenthesised if its precedence does not bind tighter
    /// than `against` (mirrors `ClauseElement.self_group`).
    fn expr(&mut self, expr: &Expr, against: Option<i32>) {
        if let Expr::Label { expr: inner, .. } = expr {
            // a label inside an expression is its expression, grouped as that (Label.self_group)
            return self.expr(inner, against);
        }
        let own = precedence(expr);
        let group = match (own, against) {
            (Some(own), Some(against)) => own <= against,
            _ => false,
        };
        if group {
            self.sql.push('(');
        }
        self.ungrouped(expr);
        if group {
            self.sql.push(')');
        }
    }

    fn ungrouped(&mut self, expr: &Expr) {
        match expr {
            Expr::Column(c) => {
                let table = self.render_from_name(&c.table);
                self.sql += &format!("{table}.{}", quote(&c.name));
            }
            Expr::Star => self.sql.push('*'),
            // SQLCompiler.visit_true/visit_false: SQLite has no native booleans
            Expr::BoolConst(b) => {
                self.sql += match (*b, self.named) {
                    (true, true) => "true",
                    (false, true) => "false",
                    (true, false) => "1",
                    (false, false) => "0",
                }
            }
            Expr::Literal(text) => self.sql += text,
            Expr::Like { expr, pattern, escape, negated, wrapped } => {
                if *wrapped {
                    self.sql.push('(');
                }
                self.expr(expr, Some(COMPARISON));
                self.sql += if *negated { " NOT LIKE " } else { " LIKE " };
                self.expr(pattern, None);
                if let Some(c) = escape {
                    self.sql += &format!(" ESCAPE '{c}'");
                }
                if *wrapped {
                    self.sql.push(')');
                }
            }
            Expr::Case { value, whens, else_ } => {
                self.sql += "CASE ";
                if let Some(value) = value {
                    self.expr(value, None);
                    self.sql.push(' ');
                }
                for (when, then) in whens {
                    self.sql += "WHEN ";
                    // A searched CASE's conditions are self_group()ed.
                    self.expr(when, if value.is_some() { None } else { Some(i32::MAX) });
                    self.sql += " THEN ";
                    self.expr(then, None);
                    self.sql.push(' ');
                }
                if let Some(else_) = else_ {
                    self.sql += "ELSE ";
                    self.expr(else_, None);
                    self.sql.push(' ');
                }
                self.sql += "END";
            }
            Expr::Cast { expr, ty } => {
                self.sql += "CAST(";
                self.expr(expr, None);
                self.sql += &format!(" AS {ty})");
            }
            Expr::Neg(expr) => {
                self.sql.push('-');
                self.expr(expr, Some(NEG));
            }
            Expr::BitNot(expr) => {
                self.sql.push('~');
                self.expr(expr, Some(NEG));
            }
            Expr::ScalarSubquery(select) => {
                self.sql.push('(');
                self.select(select, SelectContext::Nested);
                self.sql.push(')');
            }
            Expr::Exists(select) => {
                self.sql += "EXISTS (";
                self.select(select, SelectContext::Nested);
                self.sql.push(')');
            }
            Expr::InSelect { expr, select, negated } => {
                if *negated {
                    self.sql.push('(');
                }
                self.expr(expr, Some(COMPARISON));
                self.sql += if *negated { " NOT IN (" } else { " IN (" };
                self.select(select, SelectContext::Nested);
                self.sql.push(')');
                if *negated {
                    self.sql.push(')');
                }
            }
            Expr::Bind(value) => self.bind(value),
            Expr::Param { name, value } => self.param(Some(name), value),
            Expr::Null => self.sql += "NULL",
            Expr::Binary { left, op, right } => {
                let p = Some(op.precedence());
                // Chains of the same associative operator need no parentheses.
                let left_against = if is_same_associative(left, *op) { None } else { p };
                let right_against = if is_same_associative(right, *op) { None } else { p };
                self.expr(left, left_against);
                if let (BinOp::TrueDiv, false, Expr::Cast { expr: divisor, .. }) = (op, self.named, &**right) {
                    // SQLiteCompiler.visit_truediv_binary
                    self.sql += " / (";
                    self.expr(divisor, None);
                    self.sql += " + 0.0)";
                    return;
                }
                let sql = match op {
                    // the default dialect has no REGEXP: it shows SQLAlchemy's placeholders
                    BinOp::RegexpMatch if self.named => "<regexp>",
                    BinOp::NotRegexpMatch if self.named => "<not regexp>",
                    // SQLiteCompiler.visit_is_(not_)distinct_from_binary
                    BinOp::IsDistinctFrom if !self.named => "IS NOT",
                    BinOp::IsNotDistinctFrom if !self.named => "IS",
                    op => op.sql(),
                };
                self.sql += &format!(" {sql} ");
                self.expr(right, right_against);
            }
            Expr::And(items) => self.join(items, " AND ", AND, |e| matches!(e, Expr::And(_))),
            Expr::Or(items) => self.join(items, " OR ", OR, |e| matches!(e, Expr::Or(_))),
            Expr::Not(inner) => {
                self.sql += "NOT ";
                self.expr(inner, Some(INV));
            }
            // SQLCompiler.visit_is_true/is_false_unary_operator
            Expr::AsBoolean { expr, negated } if self.named => {
                if *negated {
                    self.sql += "NOT ";
                    self.expr(expr, Some(INV));
                } else {
                    self.expr(expr, None);
                }
            }
            Expr::AsBoolean { expr, negated } => {
                self.expr(expr, Some(COMPARISON));
                self.sql += if *negated { " = 0" } else { " = 1" };
            }
            Expr::IsNull { expr, negated } => {
                self.expr(expr, Some(COMPARISON));
                self.sql += if *negated { " IS NOT NULL" } else { " IS NULL" };
            }
            Expr::In { expr, values, negated } => {
                // SQLAlchemy renders NOT IN inside its own parentheses.
                if *negated {
                    self.sql.push('(');
                }
                self.expr(expr, Some(COMPARISON));
                self.sql += if *negated { " NOT IN (" } else { " IN (" };
                if self.named {
                    // the default dialect leaves IN lists to be expanded at execution
                    let stem = expr.bind_stem();
                    let name = self.anon_bind_label(&stem);
                    self.sql += &format!("__[POSTCOMPILE_{name}])");
                    if *negated {
                        self.sql.push(')');
                    }
                    return;
                }
                if values.is_empty() {
                    // Mirrors `SQLiteCompiler.visit_empty_set_op_expr`.
                    // SQLite's empty set, negated or not (the NOT is outside)
                    self.sql += "SELECT 1 FROM (SELECT 1) WHERE 1!=1";
                }
                self.list(values, ", ", Self::bind);
                self.sql.push(')');
                if *negated {
                    self.sql.push(')');
                }
            }
            Expr::Between { expr, low, high } => {
                self.expr(expr, Some(COMPARISON));
                self.sql += " BETWEEN ";
                self.expr(low, Some(COMPARISON));
                self.sql += " AND ";
                self.expr(high, Some(COMPARISON));
            }
            Expr::Function { name, args } => {
                if let Some(sql) = ansi_function(name, args.is_empty(), self.named) {
                    self.sql += sql;
                    return;
                }
                let lower = name.to_ascii_lowercase();
                // SQLiteCompiler.visit_char_length_func
                self.sql += if lower == "char_length" && !self.named { "length" } else { name };
                self.sql.push('(');
                if args.is_empty() && name.eq_ignore_ascii_case("count") {
                    self.sql.push('*');
                }
                self.in_function += 1;
                self.list(args, ", ", |w, arg| w.expr(arg, None));
                self.in_function -= 1;
                self.sql.push(')');
            }
            Expr::Label { expr, .. } => self.expr(expr, None),
            Expr::JsonGet { expr, path } if self.named => {
                // StrSQLCompiler.visit_getitem_binary
                self.expr(expr, None);
                self.sql.push('[');
                self.expr(path, None);
                self.sql.push(']');
            }
            Expr::JsonGet { expr, path } => {
                // SQLiteCompiler.visit_json_getitem_op_binary
                self.sql += "JSON_QUOTE(JSON_EXTRACT(";
                self.expr(expr, None);
                self.sql += ", ";
                self.expr(path, None);
                self.sql += "))";
            }
            Expr::Filter { func, criterion } => {
                self.expr(func, None);
                self.sql += " FILTER (WHERE ";
                self.expr(criterion, None);
                self.sql.push(')');
            }
            Expr::Extract { field, expr } => match crate::expr::sqlite_extract_format(field) {
                Some(format) if !self.named => {
                    self.sql += &format!("CAST(STRFTIME('{format}', ");
                    self.expr(expr, None);
                    self.sql += ") AS INTEGER)";
                }
                _ => {
                    self.sql += &format!("EXTRACT({field} FROM ");
                    self.expr(expr, None);
                    self.sql.push(')');
                }
            },
            Expr::Over { func, partition_by, order_by, frame } => {
                self.expr(func, None);
                self.sql += " OVER (";
                if !partition_by.is_empty() {
                    self.sql += "PARTITION BY ";
                    self.list(partition_by, ", ", |w, e| w.expr(e, None));
                }
                if !order_by.is_empty() {
                    if !partition_by.is_empty() {
                        self.sql.push(' ');
                    }
                    self.sql += "ORDER BY ";
                    self.list(order_by, ", ", |w, o| w.order_item(o));
                }
                if let Some(frame) = frame {
                    // SQLCompiler.visit_over / visit_frame_clause
                    if !partition_by.is_empty() || !order_by.is_empty() {
                        self.sql.push(' ');
                    }
                    self.sql += &format!("{} BETWEEN ", frame.unit);
                    self.frame_bound(&frame.lower, "PRECEDING");
                    self.sql += " AND ";
                    self.frame_bound(&frame.upper, "FOLLOWING");
                    if let Some(exclude) = &frame.exclude {
                        self.sql += &format!(" EXCLUDE {exclude}");
                    }
                }
                self.sql.push(')');
            }
            Expr::Distinct(inner) => {
                if self.in_function == 0 {
                    self.warnings.push(UNARY_DISTINCT_WARNING.to_owned());
                }
                self.sql += "DISTINCT ";
                self.expr(inner, None);
            }
            Expr::TupleIn { exprs, rows, negated } => {
                if *negated {
                    self.sql.push('(');
                }
                self.sql.push('(');
                self.list(exprs, ", ", |w, e| w.expr(e, None));
                self.sql += if *negated { ") NOT IN (VALUES " } else { ") IN (VALUES " };
                self.list(rows, ", ", |w, row| {
                    w.sql.push('(');
                    w.list(row, ", ", Self::bind);
                    w.sql.push(')');
                });
                self.sql.push(')');
                if *negated {
                    self.sql.push(')');
                }
            }
        }
    }

    fn join(&mut self, items: &[Expr], separator: &str, own: i32, same: impl Fn(&Expr) -> bool) {
        self.list(items, separator, |w, item| w.expr(item, if same(item) { None } else { Some(own) }));
    }

    /// A SELECT column with the label SQLAlchemy gives it.
    fn column(&mut self, expr: &Expr, style: ColumnLabels, seen: &mut Seen) {
        // the label is named before what it labels is rendered (the order
        // anonymous names are numbered in: `coalesce(x, :coalesce_2) AS coalesce_1`)
        let label = match expr {
            Expr::Label { name, .. } => Some(self.label_name(name)),
            // A cast of a column keeps the column's name; a negated column and raw SQL have none.
            Expr::Cast { expr, .. } => match &**expr {
                Expr::Column(c) => Some(quote(&c.name)),
                _ => Some(self.anon_label("anon")),
            },
            Expr::Star | Expr::Literal(_) | Expr::Neg(_) => None,
            Expr::Column(c) => self.column_label(c, style, seen),
            // distinct(col) keeps its column's name (the unary's proxy name)
            Expr::Distinct(inner) if matches!(**inner, Expr::Column(_)) => match &**inner {
                Expr::Column(c) => self.column_label(c, style, seen),
                _ => None,
            },
            Expr::Function { name, .. } => Some(self.anon_label(&name.to_lowercase())),
            _ => Some(self.anon_label("anon")),
        };
        self.expr(expr, None);
        if let Some(label) = label {
            self.sql += " AS ";
            self.sql += &label;
        }
    }

    /// The label a column gets in a SELECT's columns clause, by the label style.
    fn column_label(&mut self, c: &ColumnRef, style: ColumnLabels, seen: &mut Seen) -> Option<String> {
        match style {
            ColumnLabels::Key => Some(self.repeated_label(c, seen).unwrap_or_else(|| quote(&c.name))),
            ColumnLabels::Plain => None,
            ColumnLabels::TablenamePlusCol => {
                let table = match &c.table {
                    FromName::Named(t) => t.clone(),
                    FromName::Anon(_) | FromName::AnonOf(..) => self.render_from_name(&c.table),
                };
                Some(quote(&format!("{table}_{}", c.name)))
            }
            ColumnLabels::Disambiguate => self.repeated_label(c, seen),
        }
    }

    /// The label of a column whose name the columns clause has met before
    /// (`_generate_columns_plus_names`): another column takes its anonymous
    /// name (`a_1`, numbered with the binds), a column met again a "dedupe"
    /// one (`a__1`). `None` the first time a name is met.
    fn repeated_label(&mut self, c: &ColumnRef, seen: &mut Seen) -> Option<String> {
        let Some(first) = seen.first.get(&c.name) else {
            seen.first.insert(c.name.clone(), c.table.clone());
            return None;
        };
        let key = (c.table.clone(), c.name.clone());
        if *first == c.table || seen.anon.contains(&key) {
            return Some(self.anon_label(&format!("{}_", c.name)));
        }
        seen.anon.push(key);
        Some(self.anon_label(&c.name))
    }

    fn where_clause(&mut self, keyword: &str, criteria: &[Expr]) {
        if criteria.is_empty() {
            return;
        }
        self.sql += keyword;
        if criteria.len() == 1 {
            self.expr(&criteria[0], None);
        } else {
            self.join(criteria, " AND ", AND, |e| matches!(e, Expr::And(_)));
        }
    }

    /// RETURNING the table's columns: qualified in the default dialect's
    /// string, as SQLite's dialect does not.
    fn returning(&mut self, table: &str, columns: &[String]) {
        if !columns.is_empty() {
            self.sql += " RETURNING ";
            let qualifier = if self.named { format!("{}.", quote(table)) } else { String::new() };
            self.sql += &columns.iter().map(|c| format!("{qualifier}{}", quote(c))).collect::<Vec<_>>().join(", ");
        }
    }

    /// One end of a window frame (`unbounded`: what an unbounded end is).
    fn frame_bound(&mut self, bound: &FrameBound, unbounded: &str) {
        match bound {
            FrameBound::Unbounded => self.sql += &format!("UNBOUNDED {unbounded}"),
            FrameBound::Current => self.sql += "CURRENT ROW",
            FrameBound::Preceding(e) => {
                self.expr(e, None);
                self.sql += " PRECEDING";
            }
            FrameBound::Following(e) => {
                self.expr(e, None);
                self.sql += " FOLLOWING";
            }
        }
    }

    fn finish(self) -> Result<Compiled, SqlError> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(Compiled { sql: self.sql, params: self.params, names: self.names, warnings: self.warnings }),
        }
    }
}

/// The column names a SELECT's columns clause has given so far: the table
/// of each name's first column, and the other columns given anonymous names.
#[derive(Default)]
struct Seen {
    first: HashMap<String, FromName>,
    anon: Vec<(FromName, String)>,
}

/// The precedence an expression groups by, if it can need parentheses.
fn precedence(expr: &Expr) -> Option<i32> {
    match expr {
        Expr::Binary { op, .. } => Some(op.precedence()),
        Expr::And(_) => Some(AND),
        Expr::Or(_) => Some(OR),
        Expr::Not(_) | Expr::IsNull { .. } | Expr::Between { .. } | Expr::AsBoolean { .. } => Some(COMPARISON),
        Expr::Like { wrapped: false, .. } => Some(COMPARISON),
        Expr::Neg(_) | Expr::BitNot(_) => Some(NEG),
        Expr::In { negated: false, .. } | Expr::InSelect { negated: false, .. } | Expr::TupleIn { negated: false, .. } => Some(COMPARISON),
        // `exists` has precedence 0 in `operators._PRECEDENCE`.
        Expr::Exists(_) => Some(0),
        _ => None,
    }
}

fn is_same_associative(expr: &Expr, op: BinOp) -> bool {
    matches!(expr, Expr::Binary { op: inner, .. } if *inner == op && matches!(op, BinOp::Add | BinOp::Mul | BinOp::Concat))
}

/// Where a SELECT is being compiled, which decides its labels and correlation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SelectContext {
    /// The statement itself.
    Top,
    /// A scalar subquery, EXISTS or IN: correlates to the enclosing SELECT.
    Nested,
    /// A derived table in FROM: every column labelled with its key.
    Derived,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ColumnLabels {
    Disambiguate,
    TablenamePlusCol,
    Key,
    Plain,
}

/// A statement to compile.
#[derive(Clone, Copy)]
pub enum Statement<'a> {
    Select(&'a Select),
    Compound(&'a CompoundSelect),
    Insert(&'a Insert, &'a Table),
    Update(&'a Update, &'a Table),
    Delete(&'a Delete),
}

/// `str(statement)`: the statement as SQLAlchemy's default dialect renders
/// it when printed, with named binds (`:name_1`, `:param_1`, `IN
/// (__[POSTCOMPILE_id_1])`).
pub fn to_string(statement: Statement<'_>) -> Result<Compiled, SqlError> {
    let w = Writer { named: true, ..Writer::default() };
    match statement {
        Statement::Select(s) => select_with(w, s),
        Statement::Compound(c) => compound_with(w, c),
        Statement::Insert(i, t) => insert_with(w, i, t),
        Statement::Update(u, t) => update_with(w, u, t),
        Statement::Delete(d) => delete_with(w, d),
    }
}

/// Mirrors `SQLCompiler.visit_select` for the clauses modelled so far.
pub fn select(select: &Select) -> Result<Compiled, SqlError> {
    select_with(Writer::default(), select)
}

fn select_with(mut w: Writer, select: &Select) -> Result<Compiled, SqlError> {
    let mut ctes = Vec::new();
    collect_ctes(select, &mut ctes);
    w.with_clause(&ctes);
    w.select(select, SelectContext::Top);
    w.finish()
}

/// The CTEs a SELECT's FROM items (and their subqueries) refer to, in order
/// of first appearance: what its WITH clause declares.
fn collect_ctes(select: &Select, out: &mut Vec<Rc<Cte>>) {
    fn from(item: &FromItem, out: &mut Vec<Rc<Cte>>) {
        match item {
            FromItem::Table { .. } | FromItem::AnonAlias { .. } | FromItem::TextSubquery { .. } => {}
            FromItem::Join { left, right, .. } => {
                from(left, out);
                from(right, out);
            }
            FromItem::Subquery { select, .. } => collect_ctes(select, out),
            FromItem::CompoundSubquery { compound, .. } => compound.selects.iter().for_each(|s| collect_ctes(s, out)),
            FromItem::Cte(cte) => {
                if !out.iter().any(|c| c.name == cte.name) {
                    // A CTE's own body may use further CTEs: those come
                    // first, as SQLAlchemy's compiler registers a CTE once
                    // its body is compiled. (It is listed while its body is
                    // looked through, so a recursive one's reference to
                    // itself adds nothing.)
                    let at = out.len();
                    out.push(cte.clone());
                    let inner: Vec<&Select> = match &cte.body {
                        CteBody::Select(s) => vec![s],
                        CteBody::Compound(c) => c.selects.iter().collect(),
                    };
                    for s in inner {
                        collect_ctes(s, out);
                    }
                    let this = out.remove(at);
                    out.push(this);
                }
            }
        }
    }
    let nested = |exprs: &mut dyn Iterator<Item = &Expr>, out: &mut Vec<Rc<Cte>>| {
        let mut selects = Vec::new();
        for e in exprs {
            e.subqueries(&mut selects);
        }
        for s in selects {
            collect_ctes(s, out);
        }
    };
    // in the order SQLAlchemy compiles the clauses: the columns (their
    // subqueries), the FROM list, then WHERE and HAVING
    nested(&mut select.columns.iter(), out);
    for item in &select.from {
        from(item, out);
    }
    nested(&mut select.where_.iter().chain(&select.having), out);
}

impl Writer {
    fn select(&mut self, select: &Select, context: SelectContext) {
        let froms = self.froms(select, context);
        self.sql += if select.distinct { "SELECT DISTINCT " } else { "SELECT " };
        let style = match (context, select.label_style) {
            (_, LabelStyle::TablenamePlusCol) => ColumnLabels::TablenamePlusCol,
            (_, LabelStyle::None) => ColumnLabels::Plain,
            (SelectContext::Derived, LabelStyle::Disambiguate) => ColumnLabels::Key,
            (_, LabelStyle::Disambiguate) => ColumnLabels::Disambiguate,
        };
        self.scopes.push(froms.iter().flat_map(FromItem::names).collect());
        let mut seen = Seen::default();
        self.list(&select.columns, ", ", |w, column| w.column(column, style, &mut seen));
        if !froms.is_empty() {
            self.sql += " \nFROM ";
            self.list(&froms, ", ", Self::visit_from_item);
        }
        self.where_clause(" \nWHERE ", &select.where_);
        if !select.group_by.is_empty() {
            self.sql += " GROUP BY ";
            self.list(&select.group_by, ", ", |w, e| w.expr(e, None));
        }
        self.where_clause(" \nHAVING ", &select.having);
        // ORDER BY a label of the columns clause names the label (`ORDER BY n DESC`)
        let labels: Vec<String> =
            select.columns.iter().filter_map(|c| if let Expr::Label { name, .. } = c { Some(name.clone()) } else { None }).collect();
        let outer = std::mem::replace(&mut self.order_labels, labels);
        self.order_by(&select.order_by);
        self.order_labels = outer;
        self.limit(select.limit, select.offset);
        if select.for_update && self.named {
            self.sql += " FOR UPDATE";
        }
        self.scopes.pop();
    }

    /// Mirrors `SQLCompiler._render_cte_clause`.
    fn with_clause(&mut self, ctes: &[Rc<Cte>]) {
        if ctes.is_empty() {
            return;
        }
        self.sql += if ctes.iter().any(|c| c.recursive) { "WITH RECURSIVE " } else { "WITH " };
        // (SQLCompiler._render_cte_clause's layout: `name AS \n(...)`, joined
        // by `, \n`, then `\n ` before the statement)
        for (i, cte) in ctes.iter().enumerate() {
            if i > 0 {
                self.sql += ", \n";
            }
            let name = self.render_from_name(&cte.from_name());
            self.sql += &name;
            let selects: Vec<&Select> = match &cte.body {
                CteBody::Select(s) => vec![s],
                CteBody::Compound(c) => c.selects.iter().collect(),
            };
            if cte.recursive {
                let names: Vec<String> = selects[0].columns.iter().filter_map(column_key).map(|n| quote(&n)).collect();
                self.sql += &format!("({})", names.join(", "));
            }
            self.sql += " AS \n(";
            let keyword = match &cte.body {
                CteBody::Compound(c) => set_keyword(c.op),
                CteBody::Select(_) => "",
            };
            self.list(&selects, keyword, |w, select| w.select(select, SelectContext::Derived));
            self.sql += ")";
        }
        self.sql += "\n ";
    }

    fn order_by(&mut self, items: &[OrderBy]) {
        if !items.is_empty() {
            self.sql += " ORDER BY ";
            self.list(items, ", ", Self::order_item);
        }
    }

    fn order_item(&mut self, item: &OrderBy) {
        if let OrderBy::Plain(Expr::Label { name, .. }) | OrderBy::Asc(Expr::Label { name, .. }) | OrderBy::Desc(Expr::Label { name, .. }) =
            item
        {
            if self.order_labels.contains(name) {
                let name = self.label_name(name);
                self.sql += &name;
                match item {
                    OrderBy::Asc(_) => self.sql += " ASC",
                    OrderBy::Desc(_) => self.sql += " DESC",
                    _ => {}
                }
                return;
            }
        }
        match item {
            OrderBy::Plain(e) => self.expr(e, None),
            OrderBy::Asc(e) => {
                self.expr(e, Some(AND));
                self.sql += " ASC";
            }
            OrderBy::Desc(e) => {
                self.expr(e, Some(AND));
                self.sql += " DESC";
            }
            OrderBy::Nulls(inner, first) => {
                self.order_item(inner);
                self.sql += if *first { " NULLS FIRST" } else { " NULLS LAST" };
            }
        }
    }

    /// Mirrors `SQLiteCompiler.limit_clause`: SQLite needs LIMIT before
    /// OFFSET, so each implies the other (-1 and 0 are "no limit", "no offset").
    fn limit(&mut self, limit: Option<i64>, offset: Option<i64>) {
        if self.named {
            // `SQLCompiler.limit_clause`, the default dialect's
            if let Some(l) = limit {
                self.sql += "\n LIMIT ";
                self.bind(&Literal::Int(l));
            }
            if let Some(o) = offset {
                if limit.is_none() {
                    self.sql += "\n LIMIT -1";
                }
                self.sql += " OFFSET ";
                self.bind(&Literal::Int(o));
            }
            return;
        }
        if limit.is_some() || offset.is_some() {
            self.sql += "\n LIMIT ";
            self.bind(&Literal::Int(limit.unwrap_or(-1)));
            self.sql += " OFFSET ";
            self.bind(&Literal::Int(offset.unwrap_or(0)));
        }
    }

    /// Mirrors `Select._get_display_froms`: the explicit FROM items, then the
    /// tables the columns and the WHERE criteria name, less those the
    /// explicit items cover; then `_correlate_froms`: a nested SELECT leaves
    /// out the enclosing SELECTs' FROMs it correlates to.
    fn froms(&mut self, select: &Select, context: SelectContext) -> Vec<FromItem> {
        let mut implied: Vec<&FromName> = Vec::new();
        for e in select.columns.iter().chain(&select.where_) {
            e.tables(&mut implied);
        }
        let mut froms = select.from.clone();
        let mut extra: Vec<FromName> = Vec::new();
        for name in implied {
            if !froms.iter().any(|f| f.covers(name)) && !extra.contains(name) {
                extra.push(name.clone());
            }
        }
        froms.extend(extra.into_iter().filter_map(|name| match name {
            FromName::Named(name) => Some(match select.aliases.iter().find(|(alias, _)| *alias == name) {
                Some((alias, table)) => FromItem::Table { name: table.clone(), alias: Some(alias.clone()) },
                None => FromItem::table(&name),
            }),
            FromName::AnonOf(id, table) => Some(FromItem::AnonAlias { table, id }),
            FromName::Anon(_) => None,
        }));
        self.correlate(select, context, froms)
    }

    /// `SelectState._correlate_froms` with the FROMs `_enclosing_correlate_froms`
    /// gives: explicit correlation to any enclosing SELECT's FROMs (a subquery
    /// in a FROM clause: any but the immediately enclosing one's), automatic
    /// to the immediately enclosing SELECT's, when more than one FROM.
    fn correlate(&mut self, select: &Select, context: SelectContext, mut froms: Vec<FromItem>) -> Vec<FromItem> {
        let (explicit, implicit): (Vec<&FromName>, &[FromName]) = match (context, self.scopes.split_last()) {
            (SelectContext::Nested, Some((last, _))) => (self.scopes.iter().flatten().collect(), last),
            (SelectContext::Derived, Some((_, outer))) => (outer.iter().flatten().collect(), &[]),
            _ => (Vec::new(), &[]),
        };
        // (a FROM item is one of a set when it is one table, alias or subquery of it)
        let single = |item: &FromItem| match item.names().as_slice() {
            [name] => Some(name.clone()),
            _ => None,
        };
        let in_explicit = |item: &FromItem| single(item).is_some_and(|n| explicit.contains(&&n));
        match &select.correlation {
            Some(correlation) => {
                froms.retain(|f| !(in_explicit(f) && single(f).is_some_and(|n| correlation.only.contains(&n))));
                if let Some(except) = &correlation.except {
                    froms.retain(|f| !(in_explicit(f) && single(f).is_some_and(|n| !except.contains(&n))));
                }
            }
            None if !implicit.is_empty() && froms.len() > 1 => {
                froms.retain(|f| !single(f).is_some_and(|n| implicit.contains(&n)));
                if froms.is_empty() && self.error.is_none() {
                    self.error = Some(SqlError::InvalidRequest(format!(
                        "Select statement '<sqlalchemy.sql.selectable.Select object at {:#x}>' returned no FROM clauses due to auto-correlation; specify correlate(<tables>) to control correlation manually.",
                        select.origin
                    )));
                }
            }
            None => {}
        }
        froms
    }

    fn visit_from_item(&mut self, item: &FromItem) {
        match item {
            FromItem::Table { name, alias: None } => self.sql += &quote(name),
            FromItem::Table { name, alias: Some(alias) } => self.sql += &format!("{} AS {}", quote(name), quote(alias)),
            FromItem::Join { left, right, on, outer } => {
                self.visit_from_item(left);
                self.sql += if *outer { " LEFT OUTER JOIN " } else { " JOIN " };
                // a join on the right is grouped: `a LEFT OUTER JOIN (b JOIN c ON ...) ON ...`
                let nested = matches!(**right, FromItem::Join { .. });
                if nested {
                    self.sql.push('(');
                }
                self.visit_from_item(right);
                if nested {
                    self.sql.push(')');
                }
                self.sql += " ON ";
                self.expr(on, None);
            }
            FromItem::Cte(cte) => {
                let name = self.render_from_name(&cte.from_name());
                self.sql += &name;
            }
            FromItem::AnonAlias { table, id } => {
                let alias = self.render_from_name(&FromName::AnonOf(*id, table.clone()));
                self.sql += &format!("{} AS {alias}", quote(table));
            }
            FromItem::CompoundSubquery { compound, name } => {
                let name = self.render_from_name(name);
                self.sql.push('(');
                let scopes = std::mem::take(&mut self.scopes);
                self.list(&compound.selects, set_keyword(compound.op), |w, select| w.select(select, SelectContext::Derived));
                self.order_by(&compound.order_by);
                self.limit(compound.limit, compound.offset);
                self.scopes = scopes;
                self.sql += ") AS ";
                self.sql += &name;
            }
            FromItem::TextSubquery { sql, params, name } => {
                let name = self.render_from_name(name);
                self.sql.push('(');
                self.sql += sql;
                self.params.extend(params.iter().cloned());
                self.sql += ") AS ";
                self.sql += &name;
            }
            FromItem::Subquery { select, name } => {
                // named before its contents, as SQLAlchemy numbers anonymous names
                let name = self.render_from_name(name);
                self.sql.push('(');
                // A derived table does not correlate to the SELECT around it.
                let scopes = std::mem::take(&mut self.scopes);
                self.select(select, SelectContext::Derived);
                self.scopes = scopes;
                self.sql += ") AS ";
                self.sql += &name;
            }
        }
    }
}

/// Mirrors `SQLCompiler.visit_compound_select`.
pub fn compound_select(compound: &CompoundSelect) -> Result<Compiled, SqlError> {
    compound_with(Writer::default(), compound)
}

fn compound_with(mut w: Writer, compound: &CompoundSelect) -> Result<Compiled, SqlError> {
    let keyword = set_keyword(compound.op);
    let mut ctes = Vec::new();
    for select in &compound.selects {
        collect_ctes(select, &mut ctes);
    }
    w.with_clause(&ctes);
    w.list(&compound.selects, keyword, |w, select| w.select(select, SelectContext::Top));
    w.order_by(&compound.order_by);
    w.limit(compound.limit, compound.offset);
    w.finish()
}

fn set_keyword(op: SetOp) -> &'static str {
    match op {
        SetOp::Union => " UNION ",
        SetOp::UnionAll => " UNION ALL ",
        SetOp::Intersect => " INTERSECT ",
        SetOp::Except => " EXCEPT ",
    }
}

/// The name a SELECT column is known by in a CTE or subquery.
fn column_key(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Label { name, .. } => Some(name.clone()),
        Expr::Column(c) => Some(c.name.clone()),
        _ => None,
    }
}

/// The statement's values in the table's column order, as SQLAlchemy orders them.
fn in_table_order<'a>(table: &Table, values: &'a [(String, Expr)]) -> Result<Vec<&'a (String, Expr)>, SqlError> {
    for (name, _) in values {
        if table.column(name).is_none() {
            return Err(SqlError::Compile(format!("Unconsumed column names: {name}")));
        }
    }
    Ok(table.columns.iter().filter_map(|c| values.iter().find(|(n, _)| *n == c.name)).collect())
}

/// Mirrors `SQLCompiler.visit_insert`: one row or several of VALUES, or
/// `INSERT … SELECT`.
pub fn insert(insert: &Insert, table: &Table) -> Result<Compiled, SqlError> {
    insert_with(Writer::default(), insert, table)
}

/// `SQLCompiler._generate_prefixes`: each prefix and a space.
fn prefixes(prefixes: &[String]) -> String {
    prefixes.iter().map(|p| format!("{p} ")).collect()
}

fn insert_with(mut w: Writer, insert: &Insert, table: &Table) -> Result<Compiled, SqlError> {
    if let InsertSource::Values(rows) = &insert.source {
        if rows.len() == 1 && rows[0].is_empty() {
            // no column has a value: SQLite's form (`SQLiteCompiler` renders it so)
            w.sql += &format!("INSERT {}INTO {} DEFAULT VALUES", prefixes(&insert.prefixes), quote(&insert.table));
            w.returning(&insert.table, &insert.returning);
            return w.finish();
        }
    }
    w.sql += &format!("INSERT {}INTO {} (", prefixes(&insert.prefixes), quote(&insert.table));
    match &insert.source {
        InsertSource::Values(rows) => {
            let first = rows.first().ok_or_else(|| SqlError::Compile("an INSERT needs at least one row of values".into()))?;
            let names: Vec<&String> = in_table_order(table, first)?.into_iter().map(|(n, _)| n).collect();
            w.sql += &names.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", ");
            w.sql += ") VALUES ";
            for (r, row) in rows.iter().enumerate() {
                if r > 0 {
                    w.sql += ", ";
                }
                w.sql.push('(');
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        w.sql += ", ";
                    }
                    let (_, value) = row.iter().find(|(n, _)| n == *name).ok_or_else(|| {
                        SqlError::Argument(format!("INSERT value for column {}.{name} is explicitly rendered as a boundparameter in the VALUES clause; a Python-side value or SQL expression is required", insert.table))
                    })?;
                    w.expr(value, None);
                }
                w.sql.push(')');
            }
        }
        InsertSource::Select { columns, select } => {
            w.sql += &columns.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", ");
            w.sql += ") ";
            w.select(select, SelectContext::Top);
        }
    }
    if let Some(on_conflict) = &insert.on_conflict {
        w.on_conflict(on_conflict, table)?;
    }
    w.returning(&insert.table, &insert.returning);
    w.finish()
}

/// SQLAlchemy's functions rendered as keywords: the ANSI ones without
/// parentheses (`CURRENT_TIMESTAMP`), and on SQLite `now()` as
/// CURRENT_TIMESTAMP and `localtimestamp` as `DATETIME(CURRENT_TIMESTAMP,
/// 'localtime')` (`named`: the default dialect's rendering, for `str()`).
fn ansi_function(name: &str, no_args: bool, named: bool) -> Option<&'static str> {
    if !no_args {
        return None;
    }
    Some(match name.to_ascii_lowercase().as_str() {
        "current_timestamp" => "CURRENT_TIMESTAMP",
        "current_date" => "CURRENT_DATE",
        "current_time" => "CURRENT_TIME",
        "current_user" => "CURRENT_USER",
        "localtime" => "LOCALTIME",
        "localtimestamp" if named => "LOCALTIMESTAMP",
        "localtimestamp" => "DATETIME(CURRENT_TIMESTAMP, 'localtime')",
        "now" if !named => "CURRENT_TIMESTAMP",
        _ => return None,
    })
}

/// A column's `server_default` expression as DDL text, its values rendered
/// inline (`lower('ABC')`; `now()` is CURRENT_TIMESTAMP on SQLite, `now()`
/// in the default dialect: `generic`); None for what a default cannot hold here.
pub fn default_sql(expr: &Expr, generic: bool) -> Option<String> {
    Some(match expr {
        Expr::Function { name, args } => {
            if let Some(sql) = ansi_function(name, args.is_empty(), generic) {
                return Some(sql.to_owned());
            }
            let args: Option<Vec<String>> = args.iter().map(|a| default_sql(a, generic)).collect();
            format!("{name}({})", args?.join(", "))
        }
        Expr::Literal(text) => text.clone(),
        Expr::Bind(l) | Expr::Param { value: l, .. } => match l {
            Literal::None => "NULL".into(),
            Literal::Bool(b) => (if *b { "1" } else { "0" }).into(),
            Literal::Int(i) => i.to_string(),
            Literal::Float(f) => crate::value::float_repr(*f),
            Literal::Str(s) => format!("'{}'", s.replace('\'', "''")),
            Literal::Bytes(_) => return None,
        },
        Expr::Null => "NULL".into(),
        _ => return None,
    })
}

impl Writer {
    /// Mirrors `SQLiteCompiler.visit_on_conflict_do_nothing/_do_update`: the
    /// target's bare column names; SET in the table's column order, each
    /// value self-grouped (`qty = (stock.qty + excluded.qty)`).
    fn on_conflict(&mut self, on_conflict: &OnConflict, table: &Table) -> Result<(), SqlError> {
        self.sql += " ON CONFLICT ";
        if !on_conflict.target.is_empty() {
            self.sql += &format!("({}) ", on_conflict.target.iter().map(|n| quote(n)).collect::<Vec<_>>().join(", "));
        }
        let Some(set) = &on_conflict.set else {
            self.sql += "DO NOTHING";
            return Ok(());
        };
        self.sql += "DO UPDATE SET ";
        let values = in_table_order(table, set)?;
        self.list(&values, ", ", |w, (name, value)| {
            w.sql += &quote(name);
            w.sql += " = ";
            w.expr(value, Some(i32::MAX));
        });
        self.where_clause(" WHERE ", &on_conflict.where_);
        Ok(())
    }
}

/// Mirrors `SQLCompiler.visit_update`: `SET col=value`, values grouped.
pub fn update(update: &Update, table: &Table) -> Result<Compiled, SqlError> {
    update_with(Writer::default(), update, table)
}

fn update_with(mut w: Writer, update: &Update, table: &Table) -> Result<Compiled, SqlError> {
    let values = in_table_order(table, &update.values)?;
    let values = if update.ordered { update.values.iter().collect() } else { values };
    let extra = extra_froms(&update.table, update.where_.iter().chain(update.values.iter().map(|(_, v)| v)));
    // subqueries in SET and WHERE correlate to the tables being updated
    w.scopes.push(std::iter::once(FromName::Named(update.table.clone())).chain(extra.iter().cloned()).collect());
    w.sql += &format!("UPDATE {} SET ", quote(&update.table));
    w.list(&values, ", ", |w, (name, value)| {
        w.sql += &quote(name);
        w.sql.push('=');
        // A SET value is self_group()ed against nothing: any operator gets parentheses.
        w.expr(value, Some(i32::MAX));
    });
    if !extra.is_empty() {
        // `update_from_clause` (SQLite's and the default dialect's: UPDATE..FROM)
        w.sql += " FROM ";
        w.list(&extra, ", ", |w, name| w.visit_from_name(name));
    }
    w.where_clause(" WHERE ", &update.where_);
    w.returning(&update.table, &update.returning);
    w.finish()
}

/// Mirrors `SQLCompiler.visit_delete`.
pub fn delete(delete: &Delete) -> Result<Compiled, SqlError> {
    delete_with(Writer::default(), delete)
}

fn delete_with(mut w: Writer, delete: &Delete) -> Result<Compiled, SqlError> {
    let extra = extra_froms(&delete.table, delete.where_.iter());
    w.scopes.push(std::iter::once(FromName::Named(delete.table.clone())).chain(extra.iter().cloned()).collect());
    w.sql += &format!("DELETE FROM {}", quote(&delete.table));
    if !extra.is_empty() {
        if !w.named {
            // (SQLite's compiler has no `delete_extra_from_clause`)
            return Err(SqlError::Backend("This backend does not support multiple-table criteria within DELETE".into()));
        }
        // the default dialect's `delete_extra_from_clause`
        w.sql += " , ";
        w.list(&extra, ", ", |w, name| w.visit_from_name(name));
    }
    w.where_clause(" WHERE ", &delete.where_);
    w.returning(&delete.table, &delete.returning);
    w.finish()
}

/// `DMLState._make_extra_froms`: the tables a DML statement's criteria (and
/// values) name besides its own table, in order.
fn extra_froms<'a>(table: &str, exprs: impl Iterator<Item = &'a Expr>) -> Vec<FromName> {
    let mut named: Vec<&FromName> = Vec::new();
    for e in exprs {
        e.tables(&mut named);
    }
    let own = FromName::Named(table.to_owned());
    let mut out: Vec<FromName> = Vec::new();
    for name in named {
        if *name != own && !out.contains(name) && !matches!(name, FromName::Anon(_)) {
            out.push(name.clone());
        }
    }
    out
}
