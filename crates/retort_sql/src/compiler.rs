//! Statements compiled to SQLAlchemy's SQLite text with positional `?`
//! parameters in the order they appear, or for display in another dialect
//! (`str()`, `compile(dialect=...)`). Mirrors `SQLCompiler`'s
//! `visit_binary` (with `self_group`'s precedence rules) and the other
//! expressions here; SELECTs in `select`, DML in `dml`.

use std::collections::HashMap;

use std::rc::Rc;

use crate::expr::{
    BinOp, ColumnRef, CompoundSelect, Cte, CteBody, Delete, Expr, FrameBound, FromItem, FromName, Insert, InsertSource, LabelStyle,
    Literal, OnConflict, OrderBy, ParamName, Select, SetOp, Update,
};
use crate::quote::quote;
use crate::schema::Table;
use crate::SqlError;

mod dml;
mod select;

pub use dml::{delete, insert, update};
use dml::{delete_with, insert_with, update_with};
pub use select::{compound_select, select};
use select::{compound_with, select_with};

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

/// The dialect a statement is compiled for: SQLite's, to run it, or one
/// to show it in (SQLAlchemy's dialects' compilers and paramstyles).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite (pysqlite), executing: positional `?`.
    #[default]
    Sqlite,
    /// `str(statement)`: SQLAlchemy's default string dialect, `:name` binds.
    Default,
    /// `postgresql.dialect()` (psycopg): `%(name)s` binds cast to their type.
    Postgresql,
    /// `mysql.dialect()` (mysqlclient): `%s` binds.
    Mysql,
    /// `oracle.dialect()` (oracledb): `:name` binds.
    Oracle,
}

#[derive(Default)]
struct Writer {
    /// The dialect being rendered (`named` is true for all but SQLite's).
    dialect: Dialect,
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
    /// The type the next PostgreSQL bind is cast to, when not its value's.
    cast_next: Option<&'static str>,
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

    /// Records the first error met: the statement cannot be compiled.
    fn fail(&mut self, e: SqlError) {
        self.error.get_or_insert(e);
    }

    /// A bound value rendered into the SQL when it runs
    /// (`render_literal_execute`): `__[POSTCOMPILE_param_1]`.
    fn literal_execute(&mut self, value: &Literal) {
        let name = self.anon_label("param");
        self.sql += &format!("__[POSTCOMPILE_{name}]");
        self.params.push(value.clone());
        self.names.push(name);
    }

    /// A binary operator's SQL in SQLite's or the default dialect.
    fn binary_operator(&self, op: BinOp) -> &'static str {
        match op {
            // the default dialect has no REGEXP: it shows SQLAlchemy's placeholders
            BinOp::RegexpMatch if self.named => "<regexp>",
            BinOp::NotRegexpMatch if self.named => "<not regexp>",
            // SQLiteCompiler.visit_is_(not_)distinct_from_binary
            BinOp::IsDistinctFrom if !self.named => "IS NOT",
            BinOp::IsNotDistinctFrom if !self.named => "IS",
            op => op.sql(),
        }
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
        match self.dialect {
            // mysqlclient's "format" paramstyle
            Dialect::Mysql => self.sql += "%s",
            // psycopg's "pyformat", each bind cast to its type (`render_bind_cast`)
            Dialect::Postgresql => {
                self.sql += &format!("%({name})s");
                if let Some(cast) = self.cast_next.take().or_else(|| pg_bind_cast(value)) {
                    self.sql += "::";
                    self.sql += cast;
                }
            }
            _ => {
                self.sql.push(':');
                self.sql += &name;
            }
        }
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
        // (named after what it labels: `count_1` for a function, else `anon_1`)
        let stem = name.rsplit('\u{0}').next().filter(|s| !s.is_empty()).unwrap_or("anon");
        let given = self.anon_label(stem);
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
            Expr::CustomOp { left, op, right, precedence } => {
                // (compiler.visit_custom_op_binary: the operator between spaces)
                self.expr(left, Some(*precedence));
                self.sql += &format!(" {op} ");
                self.expr(right, Some(*precedence));
            }
            Expr::Binary { left, op, right } => {
                let p = Some(op.precedence());
                // Chains of the same associative operator need no parentheses.
                let left_against = if is_same_associative(left, *op) { None } else { p };
                let right_against = if is_same_associative(right, *op) { None } else { p };
                let oracle_function = match op {
                    BinOp::RegexpMatch => "REGEXP_LIKE(",
                    BinOp::NotRegexpMatch => "NOT REGEXP_LIKE(",
                    BinOp::BitXor => "BITXOR(",
                    _ => "",
                };
                if self.dialect == Dialect::Oracle && !oracle_function.is_empty() {
                    // OracleCompiler.visit_regexp_match_op_binary, visit_bitwise_xor_op_binary
                    self.sql += oracle_function;
                    self.expr(left, None);
                    self.sql += ", ";
                    self.expr(right, None);
                    self.sql.push(')');
                    return;
                }
                if *op == BinOp::BitXor && self.dialect == Dialect::Sqlite {
                    // SQLiteCompiler.visit_bitwise_xor_op_binary: SQLite has no XOR
                    self.sql.push('(');
                    self.expr(left, None);
                    self.sql += " | ";
                    self.expr(right, None);
                    self.sql += " - ";
                    self.expr(left, None);
                    self.sql += " & ";
                    self.expr(right, None);
                    self.sql.push(')');
                    return;
                }
                if *op == BinOp::Concat && self.dialect == Dialect::Mysql {
                    // MySQLCompiler.visit_concat_op_binary
                    self.sql += "concat(";
                    self.expr(left, None);
                    self.sql += ", ";
                    self.expr(right, None);
                    self.sql.push(')');
                    return;
                }
                self.expr(left, left_against);
                if let (BinOp::TrueDiv, false, Expr::Cast { expr: divisor, .. }) = (op, self.named, &**right) {
                    // SQLiteCompiler.visit_truediv_binary
                    self.sql += " / (";
                    self.expr(divisor, None);
                    self.sql += " + 0.0)";
                    return;
                }
                let sql = match (op, self.dialect) {
                    (BinOp::RegexpMatch, Dialect::Postgresql) => "~",
                    (BinOp::NotRegexpMatch, Dialect::Postgresql) => "!~",
                    (BinOp::BitXor, Dialect::Postgresql) => "#",
                    (BinOp::RegexpMatch | BinOp::NotRegexpMatch, Dialect::Mysql) => op.sql(),
                    _ => self.binary_operator(*op),
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
                if self.dialect == Dialect::Oracle && args.is_empty() && name.eq_ignore_ascii_case("now") {
                    // OracleCompiler.visit_now_func
                    self.sql += "CURRENT_TIMESTAMP";
                    return;
                }
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
                self.function_args(args);
                self.sql.push(')');
            }
            Expr::Label { expr, .. } => self.expr(expr, None),
            Expr::JsonGet { expr, path } if self.dialect == Dialect::Mysql => {
                // MySQLCompiler.visit_json_getitem_op_binary
                self.sql += "JSON_EXTRACT(";
                self.expr(expr, None);
                self.sql += ", ";
                self.expr(path, None);
                self.sql.push(')');
            }
            Expr::JsonGet { expr, path } if self.dialect == Dialect::Postgresql => {
                // PGCompiler.visit_json_getitem_op_binary: the JSON value and
                // the index cast as their types (JSON; JSON's index type, TEXT)
                self.cast_next = Some("JSON");
                self.expr(expr, None);
                self.sql += " -> ";
                self.cast_next = Some("TEXT");
                self.expr(path, None);
                self.cast_next = None;
            }
            Expr::JsonGet { .. } if self.dialect == Dialect::Oracle => {
                self.fail(SqlError::NotSupported("JSON indexing in the Oracle dialect".into()));
            }
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
            Expr::WithinGroup { func, order_by } => self.within_group(func, order_by),
            Expr::AggregateOrderBy { func, order_by } if self.dialect == Dialect::Oracle => self.within_group(func, order_by),
            Expr::AggregateOrderBy { func, order_by } => match &**func {
                // SQLCompiler.visit_aggregateorderby: INLINE, `f(x ORDER BY y)`
                Expr::Function { name, args } if !args.is_empty() => {
                    self.sql += name;
                    self.sql.push('(');
                    self.function_args(args);
                    self.sql += " ORDER BY ";
                    self.list(order_by, ", ", |w, o| w.order_item(o));
                    self.sql.push(')');
                }
                _ => self.fail(SqlError::NotSupported("aggregate_order_by() of a function without arguments".into())),
            },
            Expr::TableValuedColumn(name) => {
                let rendered = self.render_from_name(name);
                self.sql += &rendered;
                if self.dialect == Dialect::Oracle {
                    // OracleCompiler.visit_table_valued_column
                    self.sql += ".COLUMN_VALUE";
                }
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

    /// A function's arguments, comma-separated (`DISTINCT x` is at home there).
    fn function_args(&mut self, args: &[Expr]) {
        self.in_function += 1;
        self.list(args, ", ", |w, arg| w.expr(arg, None));
        self.in_function -= 1;
    }

    /// SQLCompiler.visit_withingroup.
    fn within_group(&mut self, func: &Expr, order_by: &[OrderBy]) {
        self.expr(func, None);
        self.sql += " WITHIN GROUP (ORDER BY ";
        self.list(order_by, ", ", |w, o| w.order_item(o));
        self.sql.push(')');
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
            Expr::TableValuedColumn(_) => None,
            // (a function keeps its name under within_group() and aggregate_order_by())
            _ => Some(self.anon_label(&expr.function_name().map_or_else(|| "anon".to_owned(), str::to_lowercase))),
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
        Expr::CustomOp { precedence, .. } => Some(*precedence),
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
    compile(Dialect::Default, statement)
}

/// `statement.compile(dialect=...)`: the statement as that dialect shows it.
pub fn compile(dialect: Dialect, statement: Statement<'_>) -> Result<Compiled, SqlError> {
    let w = Writer { named: dialect != Dialect::Sqlite, dialect, ..Writer::default() };
    match statement {
        Statement::Select(s) => select_with(w, s),
        Statement::Compound(c) => compound_with(w, c),
        Statement::Insert(i, t) => insert_with(w, i, t),
        Statement::Update(u, t) => update_with(w, u, t),
        Statement::Delete(d) => delete_with(w, d),
    }
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

/// The type psycopg's dialect casts a bind to (`%(x_1)s::VARCHAR`), as its
/// value's type implies it.
fn pg_bind_cast(value: &Literal) -> Option<&'static str> {
    match value {
        Literal::Str(_) => Some("VARCHAR"),
        Literal::Int(_) => Some("INTEGER"),
        Literal::Float(_) => Some("FLOAT"),
        Literal::Bool(_) => Some("BOOLEAN"),
        _ => None,
    }
}
