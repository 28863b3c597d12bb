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
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Concat => "||",
        }
    }

    /// Mirrors `operators._PRECEDENCE`.
    pub fn precedence(self) -> i32 {
        match self {
            BinOp::Mul | BinOp::Div | BinOp::Mod => 8,
            BinOp::Add | BinOp::Sub => 7,
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
            _ => return None,
        })
    }
}

/// A column of a named table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnRef {
    pub table: String,
    pub name: String,
}

/// An SQL expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Column(ColumnRef),
    /// An anonymous bound parameter (`?`).
    Bind(Literal),
    Null,
    Binary { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    IsNull { expr: Box<Expr>, negated: bool },
    In { expr: Box<Expr>, values: Vec<Literal>, negated: bool },
    Between { expr: Box<Expr>, low: Box<Expr>, high: Box<Expr> },
    /// `func.name(*args)`; `count()` with no arguments renders `count(*)`.
    Function { name: String, args: Vec<Expr> },
    Label { expr: Box<Expr>, name: String },
}

impl Expr {
    pub fn column(table: &str, name: &str) -> Expr {
        Expr::Column(ColumnRef { table: table.to_owned(), name: name.to_owned() })
    }

    /// Mirrors `ColumnOperators.__eq__` and friends: comparing with `None`
    /// makes `IS NULL` / `IS NOT NULL`.
    pub fn compare(self, op: BinOp, right: Expr) -> Expr {
        match (op, &right) {
            (BinOp::Eq, Expr::Null | Expr::Bind(Literal::None)) => Expr::IsNull { expr: Box::new(self), negated: false },
            (BinOp::Ne, Expr::Null | Expr::Bind(Literal::None)) => Expr::IsNull { expr: Box::new(self), negated: true },
            _ => Expr::Binary { left: Box::new(self), op, right: Box::new(right) },
        }
    }

    /// Mirrors `not_()`: a comparison flips its operator, IS/IN flip their
    /// negation, anything else is wrapped in NOT.
    pub fn negate(self) -> Expr {
        match self {
            Expr::Binary { left, op, right } if op.negated().is_some() => {
                Expr::Binary { left, op: op.negated().expect("checked"), right }
            }
            Expr::IsNull { expr, negated } => Expr::IsNull { expr, negated: !negated },
            Expr::In { expr, values, negated } => Expr::In { expr, values, negated: !negated },
            Expr::Not(inner) => *inner,
            other => Expr::Not(Box::new(other)),
        }
    }

    pub fn label(self, name: &str) -> Expr {
        Expr::Label { expr: Box::new(self), name: name.to_owned() }
    }

    /// The tables this expression's columns belong to, in order of appearance.
    pub fn tables<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Column(c) => {
                if !out.contains(&c.table.as_str()) {
                    out.push(&c.table);
                }
            }
            Expr::Bind(_) | Expr::Null => {}
            Expr::Binary { left, right, .. } => {
                left.tables(out);
                right.tables(out);
            }
            Expr::And(items) | Expr::Or(items) | Expr::Function { args: items, .. } => items.iter().for_each(|e| e.tables(out)),
            Expr::Not(e) | Expr::IsNull { expr: e, .. } | Expr::In { expr: e, .. } | Expr::Label { expr: e, .. } => e.tables(out),
            Expr::Between { expr, low, high } => {
                expr.tables(out);
                low.tables(out);
                high.tables(out);
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
}

/// `select(...)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Select {
    pub columns: Vec<Expr>,
    /// Tables named with `select_from`, before those the columns imply.
    pub from: Vec<String>,
    pub distinct: bool,
    pub where_: Vec<Expr>,
    pub group_by: Vec<Expr>,
    pub having: Vec<Expr>,
    pub order_by: Vec<OrderBy>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

/// `insert(table).values(...)`: one row's columns and values.
#[derive(Clone, Debug, PartialEq)]
pub struct Insert {
    pub table: String,
    pub values: Vec<(String, Expr)>,
    pub returning: Vec<String>,
}

/// `update(table).where(...).values(...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub table: String,
    pub values: Vec<(String, Expr)>,
    pub where_: Vec<Expr>,
    pub returning: Vec<String>,
}

/// `delete(table).where(...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Delete {
    pub table: String,
    pub where_: Vec<Expr>,
    pub returning: Vec<String>,
}
