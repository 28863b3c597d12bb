//! The SQL expression tree: column references, bound literals, operators,
//! functions and labels, and the statements built from them ([`Select`],
//! [`Insert`], [`Update`], [`Delete`]). Construction follows SQLAlchemy's
//! rules where they change the tree (`x == None` is `IS NULL`, negating a
//! comparison flips its operator); rendering is the compiler's.

/// A Python value bound as a statement parameter, before type processing.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Bytes(Vec<u8>),
}

/// How the default dialect names a bound parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamName {
    /// Anonymous, numbered per stem: `name_1` for a value compared with a
    /// `name` column, `coalesce_2` for a function's argument.
    Anon(String),
    /// As given: `bindparam("ident")`, an INSERT's or UPDATE's column.
    Exact(String),
}

/// Binary operators, each with SQLAlchemy's operator precedence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Like,
    NotLike,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Concat,
    /// `is_()` / `is_not()` of something other than NULL (`IS 0`).
    Is,
    IsNot,
    /// `collate(x, "NOCASE")`: `x COLLATE "NOCASE"` (the right side the collation's name).
    Collate,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
    IsDistinctFrom,
    IsNotDistinctFrom,
    Match,
    /// `regexp_match()`: SQLite's `REGEXP` (the default dialect shows `<regexp>`).
    RegexpMatch,
    NotRegexpMatch,
    /// Python's `/`: the right side a `Cast` to a numeric type, which
    /// SQLite's dialect renders as `(right + 0.0)` instead.
    TrueDiv,
}

impl BinOp {
    pub fn sql(self) -> &'static str {
        match self {
            BinOp::Eq => "=",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Like => "LIKE",
            BinOp::NotLike => "NOT LIKE",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div | BinOp::TrueDiv => "/",
            BinOp::Mod => "%",
            BinOp::Concat => "||",
            BinOp::Is => "IS",
            BinOp::IsNot => "IS NOT",
            BinOp::Collate => "COLLATE",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::IsDistinctFrom => "IS DISTINCT FROM",
            BinOp::IsNotDistinctFrom => "IS NOT DISTINCT FROM",
            BinOp::Match => "MATCH",
            BinOp::RegexpMatch => "REGEXP",
            BinOp::NotRegexpMatch => "NOT REGEXP",
        }
    }

    /// Mirrors `operators._PRECEDENCE`.
    pub fn precedence(self) -> i32 {
        match self {
            BinOp::Mul | BinOp::Div | BinOp::TrueDiv | BinOp::Mod => 8,
            BinOp::Add | BinOp::Sub | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift => 7,
            BinOp::Collate => 4,
            _ => 5,
        }
    }

    /// The operator `not_()` turns this one into, if it has one.
    fn negated(self) -> Option<BinOp> {
        Some(match self {
            BinOp::Eq => BinOp::Ne,
            BinOp::Ne => BinOp::Eq,
            BinOp::Lt => BinOp::Ge,
            BinOp::Ge => BinOp::Lt,
            BinOp::Gt => BinOp::Le,
            BinOp::Le => BinOp::Gt,
            BinOp::Like => BinOp::NotLike,
            BinOp::NotLike => BinOp::Like,
            BinOp::Is => BinOp::IsNot,
            BinOp::IsNot => BinOp::Is,
            BinOp::IsDistinctFrom => BinOp::IsNotDistinctFrom,
            BinOp::IsNotDistinctFrom => BinOp::IsDistinctFrom,
            BinOp::RegexpMatch => BinOp::NotRegexpMatch,
            BinOp::NotRegexpMatch => BinOp::RegexpMatch,
            _ => return None,
        })
    }
}

/// The name a FROM item is known by: a table's (or alias's) own name, an
/// anonymous subquery's, numbered `anon_N` by the compiler on first use, or
/// an anonymous alias of a table (`table.alias()`), numbered `table_N`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FromName {
    Named(String),
    Anon(u32),
    AnonOf(u32, String),
}

/// A column of a table, alias or subquery.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnRef {
    pub table: FromName,
    pub name: String,
}

/// An SQL expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Column(ColumnRef),
    /// An anonymous bound parameter (`?`).
    Bind(Literal),
    /// A bound parameter with the name the default dialect prints it by.
    Param {
        name: ParamName,
        value: Literal,
    },
    Null,
    Binary {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    /// `column.op("@>")(value)`: an operator SQLAlchemy does not know,
    /// rendered as written, with the precedence it was given (0 unless said).
    CustomOp {
        left: Box<Expr>,
        op: String,
        right: Box<Expr>,
        precedence: i32,
    },
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    /// `true()` / `false()`: `1` / `0` on SQLite, `true` / `false` in the default dialect.
    BoolConst(bool),
    /// `AsBoolean`: a Boolean column where a condition is expected
    /// (`where(Note.done)`, `~Note.done`): `x = 1` / `x = 0` on SQLite,
    /// which has no native booleans; `x` / `NOT x` in the default dialect.
    AsBoolean {
        expr: Box<Expr>,
        negated: bool,
    },
    IsNull {
        expr: Box<Expr>,
        negated: bool,
    },
    In {
        expr: Box<Expr>,
        values: Vec<Literal>,
        negated: bool,
    },
    Between {
        expr: Box<Expr>,
        low: Box<Expr>,
        high: Box<Expr>,
    },
    /// `func.name(*args)`; `count()` with no arguments renders `count(*)`.
    Function {
        name: String,
        args: Vec<Expr>,
    },
    Label {
        expr: Box<Expr>,
        name: String,
    },
    /// `*`, as `exists()` selects it.
    Star,
    /// `select(...).scalar_subquery()`.
    ScalarSubquery(Box<Select>),
    /// `exists().where(...)`.
    Exists(Box<Select>),
    /// `x.in_(select(...))`.
    InSelect {
        expr: Box<Expr>,
        select: Box<Select>,
        negated: bool,
    },
    /// SQL text rendered as is: `literal_column("'%'")`, `text("id")` in ORDER BY.
    Literal(String),
    /// `x LIKE pattern [ESCAPE 'c']`; `wrapped` for the forms SQLAlchemy
    /// parenthesises (`contains`, `startswith`, `endswith`).
    Like {
        expr: Box<Expr>,
        pattern: Box<Expr>,
        escape: Option<char>,
        negated: bool,
        wrapped: bool,
    },
    /// `case((cond, result), ..., else_=...)`, or with `value=` the simple form.
    Case {
        value: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        else_: Option<Box<Expr>>,
    },
    /// `cast(x, Type)`.
    Cast {
        expr: Box<Expr>,
        ty: crate::types::SqlType,
    },
    /// `-x`.
    Neg(Box<Expr>),
    /// `bitwise_not()`: `~x`.
    BitNot(Box<Expr>),
    /// `func.f(...).over(partition_by=..., order_by=..., rows=...)`.
    Over {
        func: Box<Expr>,
        partition_by: Vec<Expr>,
        order_by: Vec<OrderBy>,
        frame: Option<Frame>,
    },
    /// `extract("year", x)`: on SQLite `CAST(STRFTIME('%Y', x) AS INTEGER)`.
    Extract {
        field: String,
        expr: Box<Expr>,
    },
    /// `json_column["key"]`: `JSON_QUOTE(JSON_EXTRACT(expr, path))`.
    JsonGet {
        expr: Box<Expr>,
        path: Box<Expr>,
    },
    /// `func.count().filter(criterion)`: `count(*) FILTER (WHERE criterion)`.
    Filter {
        func: Box<Expr>,
        criterion: Box<Expr>,
    },
    /// `func.f(x).within_group(order)`: `f(x) WITHIN GROUP (ORDER BY order)`.
    WithinGroup {
        func: Box<Expr>,
        order_by: Vec<OrderBy>,
    },
    /// `func.f(x).aggregate_order_by(order)`: `f(x ORDER BY order)`, or
    /// WITHIN GROUP where the dialect orders aggregates so (Oracle).
    AggregateOrderBy {
        func: Box<Expr>,
        order_by: Vec<OrderBy>,
    },
    /// `func.f(...).column_valued(name)`: the function's row value, known by
    /// the name of the FROM item it is (Oracle: `name.COLUMN_VALUE`).
    TableValuedColumn(FromName),
    /// `distinct(x)`: `DISTINCT x`, as in `count(DISTINCT x)`.
    Distinct(Box<Expr>),
    /// `tuple_(a, b).in_([(1, 2), ...])`: `(a, b) IN (VALUES (?, ?), ...)`.
    TupleIn {
        exprs: Vec<Expr>,
        rows: Vec<Vec<Literal>>,
        negated: bool,
    },
}

impl Expr {
    pub fn column(table: &str, name: &str) -> Expr {
        Expr::Column(ColumnRef { table: FromName::Named(table.to_owned()), name: name.to_owned() })
    }

    /// Mirrors `ColumnOperators.__eq__` and friends: comparing with `None`
    /// makes `IS NULL` / `IS NOT NULL`.
    pub fn compare(self, op: BinOp, right: Expr) -> Expr {
        match (op, &right) {
            (BinOp::Eq | BinOp::Is, Expr::Null | Expr::Bind(Literal::None)) => Expr::IsNull { expr: Box::new(self), negated: false },
            (BinOp::Ne | BinOp::IsNot, Expr::Null | Expr::Bind(Literal::None)) => Expr::IsNull { expr: Box::new(self), negated: true },
            _ => Expr::Binary { left: Box::new(self), op, right: Box::new(right) },
        }
    }

    /// Mirrors `not_()`: a comparison flips its operator, IS/IN flip their
    /// negation, anything else is wrapped in NOT.
    pub fn negate(self) -> Expr {
        match self {
            Expr::Binary { left, op, right } if op.negated().is_some() => Expr::Binary { left, op: op.negated().expect("checked"), right },
            Expr::IsNull { expr, negated } => Expr::IsNull { expr, negated: !negated },
            Expr::In { expr, values, negated } => Expr::In { expr, values, negated: !negated },
            Expr::Like { expr, pattern, escape, negated, wrapped } => Expr::Like { expr, pattern, escape, negated: !negated, wrapped },
            Expr::InSelect { expr, select, negated } => Expr::InSelect { expr, select, negated: !negated },
            Expr::Not(inner) => *inner,
            Expr::AsBoolean { expr, negated } => Expr::AsBoolean { expr, negated: !negated },
            other => Expr::Not(Box::new(other)),
        }
    }

    /// Mirrors `ColumnOperators.ilike`: `lower(x) LIKE lower(?)`.
    pub fn ilike(self, pattern: Expr) -> Expr {
        let lower = |e| Expr::Function { name: "lower".into(), args: vec![e] };
        Expr::Like { expr: Box::new(lower(self)), pattern: Box::new(lower(pattern)), escape: None, negated: false, wrapped: false }
    }

    /// Mirrors `contains`/`startswith`/`endswith`: the value bound between
    /// `'%'` wildcards; with `autoescape`, `%`, `_` and `/` in it are escaped
    /// with `/`.
    pub fn like_parts(self, value: &str, leading: bool, trailing: bool, autoescape: bool) -> Expr {
        let value = if autoescape { value.replace('/', "//").replace('%', "/%").replace('_', "/_") } else { value.to_owned() };
        let percent = || Expr::Literal("'%'".into());
        let mut pattern = Expr::Bind(Literal::Str(value));
        if leading {
            pattern = Expr::Binary { left: Box::new(percent()), op: BinOp::Concat, right: Box::new(pattern) };
        }
        if trailing {
            pattern = Expr::Binary { left: Box::new(pattern), op: BinOp::Concat, right: Box::new(percent()) };
        }
        Expr::Like { expr: Box::new(self), pattern: Box::new(pattern), escape: autoescape.then_some('/'), negated: false, wrapped: true }
    }

    /// What a value compared with this expression names its bind after
    /// (`:name_1`; the compiler makes it safe): a column's name, a literal
    /// column's text, else `param`.
    pub fn bind_stem(&self) -> String {
        match self {
            Expr::Column(c) => c.name.clone(),
            Expr::Literal(text) => text.clone(),
            _ => "param".to_owned(),
        }
    }

    /// The SQL function this expression calls, itself or modified
    /// (`within_group()`, `aggregate_order_by()`): what its anonymous label
    /// and result key are named after.
    pub fn function_name(&self) -> Option<&str> {
        match self {
            Expr::Function { name, .. } => Some(name),
            Expr::WithinGroup { func, .. } | Expr::AggregateOrderBy { func, .. } => match &**func {
                Expr::Function { name, .. } => Some(name),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn label(self, name: &str) -> Expr {
        Expr::Label { expr: Box::new(self), name: name.to_owned() }
    }

    /// The FROM names this expression's columns belong to, in order of
    /// appearance; subqueries inside it keep theirs.
    pub fn tables<'a>(&'a self, out: &mut Vec<&'a FromName>) {
        self.walk(&mut |e| {
            if let Expr::Column(c) = e {
                if !out.contains(&&c.table) {
                    out.push(&c.table);
                }
            }
        });
    }

    /// The SELECTs nested in this expression (scalar subqueries, EXISTS, IN
    /// (SELECT ...)), not looking inside them.
    pub fn subqueries<'a>(&'a self, out: &mut Vec<&'a Select>) {
        self.walk(&mut |e| match e {
            Expr::ScalarSubquery(s) | Expr::Exists(s) | Expr::InSelect { select: s, .. } => out.push(s),
            _ => {}
        });
    }

    /// Calls `f` on this expression and every expression in it, outside
    /// nested SELECTs.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Column(_)
            | Expr::Bind(_)
            | Expr::Param { .. }
            | Expr::Null
            | Expr::Star
            | Expr::BoolConst(_)
            | Expr::ScalarSubquery(_)
            | Expr::Exists(_)
            | Expr::TableValuedColumn(_)
            | Expr::Literal(_) => {}
            Expr::WithinGroup { func, order_by } | Expr::AggregateOrderBy { func, order_by } => {
                func.walk(f);
                for o in order_by {
                    o.expr().walk(f);
                }
            }
            Expr::Like { expr, pattern, .. } => {
                expr.walk(f);
                pattern.walk(f);
            }
            Expr::Case { value, whens, else_ } => {
                value.iter().chain(else_).for_each(|e| e.walk(f));
                for (when, then) in whens {
                    when.walk(f);
                    then.walk(f);
                }
            }
            Expr::Cast { expr, .. } | Expr::Neg(expr) | Expr::BitNot(expr) | Expr::Distinct(expr) | Expr::JsonGet { expr, .. } => {
                expr.walk(f)
            }
            Expr::Over { func, partition_by, order_by, frame } => {
                func.walk(f);
                partition_by.iter().for_each(|e| e.walk(f));
                for o in order_by {
                    o.expr().walk(f);
                }
                for bound in frame.iter().flat_map(|fr| [&fr.lower, &fr.upper]) {
                    if let FrameBound::Preceding(e) | FrameBound::Following(e) = bound {
                        e.walk(f);
                    }
                }
            }
            Expr::Extract { expr, .. } => expr.walk(f),
            Expr::Filter { func, criterion } => {
                func.walk(f);
                criterion.walk(f);
            }
            Expr::TupleIn { exprs, .. } => exprs.iter().for_each(|e| e.walk(f)),
            Expr::InSelect { expr, .. } => expr.walk(f),
            Expr::Binary { left, right, .. } | Expr::CustomOp { left, right, .. } => {
                left.walk(f);
                right.walk(f);
            }
            Expr::And(items) | Expr::Or(items) | Expr::Function { args: items, .. } => items.iter().for_each(|e| e.walk(f)),
            Expr::Not(e)
            | Expr::IsNull { expr: e, .. }
            | Expr::In { expr: e, .. }
            | Expr::Label { expr: e, .. }
            | Expr::AsBoolean { expr: e, .. } => e.walk(f),
            Expr::Between { expr, low, high } => {
                expr.walk(f);
                low.walk(f);
                high.walk(f);
            }
        }
    }
}

/// An ORDER BY item.
#[derive(Clone, Debug, PartialEq)]
pub enum OrderBy {
    Plain(Expr),
    Asc(Expr),
    Desc(Expr),
    /// `nulls_first(item)` (true) or `nulls_last(item)` (false).
    Nulls(Box<OrderBy>, bool),
}

impl OrderBy {
    /// The expression ordered by.
    pub fn expr(&self) -> &Expr {
        match self {
            OrderBy::Plain(e) | OrderBy::Asc(e) | OrderBy::Desc(e) => e,
            OrderBy::Nulls(inner, _) => inner.expr(),
        }
    }
}

/// `union`, `union_all`, `intersect`, `except_`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    Union,
    UnionAll,
    Intersect,
    IntersectAll,
    Except,
    ExceptAll,
}

/// A compound SELECT: SELECTs joined by a set operator, then ORDER BY and LIMIT.
#[derive(Clone, Debug, PartialEq)]
pub struct CompoundSelect {
    pub op: SetOp,
    pub selects: Vec<Select>,
    pub order_by: Vec<OrderBy>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// A FROM item: a table (or an alias of one), a join, a subquery.
#[derive(Clone, Debug, PartialEq)]
pub enum FromItem {
    /// `table`, or `table AS alias` when `alias` is given.
    Table {
        name: String,
        alias: Option<String>,
    },
    Join {
        left: Box<FromItem>,
        right: Box<FromItem>,
        on: Expr,
        outer: bool,
    },
    /// `select(...).subquery(name)`: its columns are labelled with their keys.
    Subquery {
        select: Box<Select>,
        name: FromName,
    },
    /// A reference to a common table expression, declared in the statement's WITH.
    Cte(std::rc::Rc<Cte>),
    /// `union(...).subquery()`: the compound select in parentheses.
    CompoundSubquery {
        compound: Box<CompoundSelect>,
        name: FromName,
    },
    /// `text(...).columns(...).subquery()`: the text, its binds already `?`.
    TextSubquery {
        sql: String,
        params: Vec<Literal>,
        name: FromName,
    },
    /// `table.alias()` without a name: `table AS table_N`.
    AnonAlias {
        table: String,
        id: u32,
    },
    /// A table-valued function (`func.json_each(x).table_valued("value")`,
    /// `.column_valued()`, `.alias()`): `json_each(?) AS name`; `derived`:
    /// the column names `render_derived()` lists after the name.
    TableValued {
        func: Box<Expr>,
        name: FromName,
        derived: Vec<String>,
    },
}

/// `select(...).cte(name, recursive=...)`; a recursive CTE's body is the
/// compound SELECT that refers to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cte {
    pub name: String,
    pub body: CteBody,
    pub recursive: bool,
    /// An unnamed `cte()`: numbered `anon_N` by the compiler like an
    /// anonymous subquery (`name` is then only its key).
    pub anon: Option<u32>,
}

impl Cte {
    /// The name columns of this CTE refer to it by.
    pub fn from_name(&self) -> FromName {
        match self.anon {
            Some(id) => FromName::Anon(id),
            None => FromName::Named(self.name.clone()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum CteBody {
    Select(Select),
    Compound(CompoundSelect),
}

impl FromItem {
    pub fn table(name: &str) -> FromItem {
        FromItem::Table { name: name.to_owned(), alias: None }
    }

    /// Whether this item and `other` share a table (or alias, subquery).
    pub fn overlaps(&self, other: &FromItem) -> bool {
        match other {
            FromItem::Join { left, right, .. } => self.overlaps(left) || self.overlaps(right),
            FromItem::Table { name: table, alias } => self.covers(&FromName::Named(alias.clone().unwrap_or_else(|| table.clone()))),
            FromItem::Subquery { name, .. } | FromItem::TextSubquery { name, .. } | FromItem::CompoundSubquery { name, .. } => {
                self.covers(name)
            }
            FromItem::Cte(cte) => self.covers(&cte.from_name()),
            FromItem::AnonAlias { table, id } => self.covers(&FromName::AnonOf(*id, table.clone())),
            FromItem::TableValued { name, .. } => self.covers(name),
        }
    }

    /// The names this item makes visible (a join's: both sides').
    pub fn names(&self) -> Vec<FromName> {
        match self {
            FromItem::Table { name, alias } => vec![FromName::Named(alias.clone().unwrap_or_else(|| name.clone()))],
            FromItem::Join { left, right, .. } => left.names().into_iter().chain(right.names()).collect(),
            FromItem::Subquery { name, .. } | FromItem::TextSubquery { name, .. } | FromItem::CompoundSubquery { name, .. } => {
                vec![name.clone()]
            }
            FromItem::Cte(cte) => vec![cte.from_name()],
            FromItem::AnonAlias { table, id } => vec![FromName::AnonOf(*id, table.clone())],
            FromItem::TableValued { name, .. } => vec![name.clone()],
        }
    }

    /// Whether this item makes `name` visible.
    pub fn covers(&self, name: &FromName) -> bool {
        match self {
            FromItem::Table { name: table, alias } => *name == FromName::Named(alias.clone().unwrap_or_else(|| table.clone())),
            FromItem::Join { left, right, .. } => left.covers(name) || right.covers(name),
            FromItem::Subquery { name: own, .. }
            | FromItem::TextSubquery { name: own, .. }
            | FromItem::CompoundSubquery { name: own, .. } => own == name,
            FromItem::Cte(cte) => *name == cte.from_name(),
            FromItem::AnonAlias { table, id } => *name == FromName::AnonOf(*id, table.clone()),
            FromItem::TableValued { name: own, .. } => own == name,
        }
    }
}

/// The name of an anonymous label (`label(None)`), `id` telling one from
/// another: the compiler names it `anon_N` where it first renders it.
pub fn anon_label(id: u64, stem: &str) -> String {
    format!("\u{0}anon{id}\u{0}{stem}")
}

/// Whether a label's name is an anonymous one (see `anon_label`).
pub fn is_anon_label(name: &str) -> bool {
    name.starts_with('\u{0}')
}

/// How SELECT columns are labelled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelStyle {
    /// 2.0 style: only repeated names (`name_1`) and expressions get labels.
    #[default]
    Disambiguate,
    /// Legacy `Query`: every column as `table_column`.
    TablenamePlusCol,
    /// `LABEL_STYLE_NONE`: columns as they are, repeated names too (the ORM's selectin loads).
    None,
}

/// `select(...)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Select {
    pub columns: Vec<Expr>,
    /// Explicit FROM items (`select_from`, `join_from`), before those the
    /// columns and criteria imply.
    pub from: Vec<FromItem>,
    pub label_style: LabelStyle,
    pub distinct: bool,
    pub where_: Vec<Expr>,
    pub group_by: Vec<Expr>,
    pub having: Vec<Expr>,
    pub order_by: Vec<OrderBy>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    /// Aliases of tables named only by columns (`alias -> table`): an implied
    /// FROM item renders as `table AS alias`.
    pub aliases: Vec<(String, String)>,
    /// `with_for_update()`: ` FOR UPDATE` in the default dialect's text;
    /// SQLite's compiler renders nothing for it.
    pub for_update: bool,
    /// `correlate()` / `correlate_except()`; None: auto-correlation.
    pub correlation: Option<Correlation>,
    /// The Python object's identity: its `repr` in messages naming the statement.
    pub origin: usize,
}

/// Explicit correlation (`Select.correlate`, `correlate_except`): which of
/// the enclosing SELECTs' FROMs a nested SELECT leaves out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Correlation {
    /// `correlate(a, b)`: these, when an enclosing SELECT has them.
    pub only: Vec<FromName>,
    /// `correlate_except(a)`: every enclosing FROM but these (`Some(vec![])`:
    /// `correlate_except(None)`, all of them).
    pub except: Option<Vec<FromName>>,
}

/// What an INSERT inserts.
#[derive(Clone, Debug, PartialEq)]
pub enum InsertSource {
    /// `values(...)`: one row, or several (`values([{...}, {...}])`), each
    /// naming the same columns.
    Values(Vec<Vec<(String, Expr)>>),
    /// `from_select(columns, select)`.
    Select { columns: Vec<String>, select: Box<Select> },
}

/// `insert(table)...`.
#[derive(Clone, Debug, PartialEq)]
pub struct Insert {
    pub table: String,
    pub source: InsertSource,
    pub returning: Vec<String>,
    /// SQLite's upsert (`sqlalchemy.dialects.sqlite.insert(...).on_conflict_do_...()`).
    pub on_conflict: Option<OnConflict>,
    /// `prefix_with("OR REPLACE")`: words after INSERT (`INSERT OR REPLACE INTO`).
    pub prefixes: Vec<String>,
}

/// `ON CONFLICT (target) DO NOTHING` / `DO UPDATE SET ... WHERE ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct OnConflict {
    /// `index_elements`: the conflict target's column names (none: any conflict).
    pub target: Vec<String>,
    /// `None`: DO NOTHING; else DO UPDATE SET these (column, value), in the table's order.
    pub set: Option<Vec<(String, Expr)>>,
    /// `where=`: the DO UPDATE's condition.
    pub where_: Vec<Expr>,
}

/// `update(table).where(...).values(...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub table: String,
    pub values: Vec<(String, Expr)>,
    /// `ordered_values()`: SET in the given order, not the table's.
    pub ordered: bool,
    pub where_: Vec<Expr>,
    pub returning: Vec<String>,
}

/// `delete(table).where(...)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Delete {
    pub table: String,
    pub where_: Vec<Expr>,
    pub returning: Vec<String>,
    /// `using()`: FROM items besides the table, before those the criteria name.
    pub using: Vec<FromItem>,
}

/// A window's frame: `ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW`.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// `RANGE`, `ROWS` or `GROUPS`.
    pub unit: String,
    pub lower: FrameBound,
    pub upper: FrameBound,
    /// `EXCLUDE ...` (`CURRENT ROW`, `GROUP`, `TIES`, `NO OTHERS`).
    pub exclude: Option<String>,
}

/// One end of a window frame; a bound's value is a bind parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameBound {
    Unbounded,
    Current,
    Preceding(Box<Expr>),
    Following(Box<Expr>),
}

/// The STRFTIME format SQLite's `extract()` reads a field with
/// (`SQLiteCompiler.extract_map`: the compiler's `EXTRACT_MAP`, its fields
/// passed as they are, with SQLite's own formats for most); `None` for a
/// field SQLAlchemy does not know.
pub fn sqlite_extract_format(field: &str) -> Option<&str> {
    Some(match field {
        "month" => "%m",
        "day" => "%d",
        "year" => "%Y",
        "second" => "%S",
        "hour" => "%H",
        "doy" => "%j",
        "minute" => "%M",
        "epoch" => "%s",
        "dow" => "%w",
        "week" => "%W",
        "quarter" | "milliseconds" | "microseconds" | "timezone_hour" | "timezone_minute" => field,
        _ => return None,
    })
}
