//! SQL types: SQLAlchemy's generic types and the upper-case SQL types, with
//! the names the SQLite dialect gives them in DDL (mirrors `SQLiteTypeCompiler`).

use std::fmt;

/// A column's type.
#[derive(Clone, Debug, PartialEq)]
pub enum SqlType {
    Integer,
    BigInteger,
    SmallInteger,
    /// `String(n)`; `Unicode(n)` renders the same on SQLite.
    String {
        length: Option<u32>,
    },
    /// `Text`, `UnicodeText`.
    Text,
    Boolean,
    Float,
    Double,
    Numeric {
        precision: Option<u32>,
        scale: Option<u32>,
    },
    Date,
    DateTime,
    Time,
    /// Stored as a DATETIME counted from the epoch (non-native interval).
    Interval,
    /// A non-native Enum: VARCHAR as long as the longest member name.
    Enum {
        name: Option<String>,
        /// What is stored: the members' names, or `values_callable`'s values.
        members: Vec<String>,
        /// The enum class's member names, in the order of `members` (empty
        /// for an Enum of strings, or when they are what is stored).
        keys: Vec<String>,
        /// VARCHAR's length: the longest stored value unless given.
        length: u32,
        /// `validate_strings=True`: a string bound that is not among
        /// `members` is a LookupError (else it is sent as it is).
        validate_strings: bool,
    },
    Json,
    LargeBinary,
    /// Stored as 32 hex characters on SQLite.
    Uuid,
    /// A string type with a collation: `VARCHAR(20) COLLATE "NOCASE"`
    /// (processed as the type it wraps).
    Collated {
        ty: Box<SqlType>,
        collation: String,
    },
    /// A `TypeDecorator` of the script's over `ty`: the host runs its hooks
    /// (`id` names it to the host) around `ty`'s processing.
    Decorated {
        ty: Box<SqlType>,
        id: usize,
    },
    /// An upper-case SQL type, rendered by its own name and arguments:
    /// `VARCHAR(12)`, `DECIMAL(8, 3)`, `CLOB`.
    Named {
        name: String,
        args: Vec<u32>,
    },
}

impl SqlType {
    /// The generic type whose processing an upper-case type shares
    /// (`NUMERIC(8, 2)` is a `Numeric`, `DATETIME` a `DateTime`: SQLAlchemy's
    /// upper-case types subclass the generic ones); None for the others.
    pub fn generic(&self) -> Option<SqlType> {
        if let SqlType::Collated { ty, .. } | SqlType::Decorated { ty, .. } = self {
            return Some((**ty).clone());
        }
        let SqlType::Named { name, args } = self else { return None };
        Some(match name.as_str() {
            "NUMERIC" | "DECIMAL" => SqlType::Numeric { precision: args.first().copied(), scale: args.get(1).copied() },
            "FLOAT" | "REAL" => SqlType::Float,
            "DOUBLE" | "DOUBLE_PRECISION" => SqlType::Double,
            "DATE" => SqlType::Date,
            "DATETIME" | "TIMESTAMP" => SqlType::DateTime,
            "TIME" => SqlType::Time,
            "BOOLEAN" => SqlType::Boolean,
            _ => return None,
        })
    }

    /// Whether the type has INTEGER affinity (`_type_affinity` is Integer),
    /// which decides SQLite's rowid aliasing and autoincrement.
    pub fn is_integer(&self) -> bool {
        match self {
            SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => true,
            SqlType::Named { name, .. } => matches!(name.as_str(), "INTEGER" | "INT" | "BIGINT" | "SMALLINT"),
            _ => false,
        }
    }
}

/// The type as SQLite DDL names it.
impl fmt::Display for SqlType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlType::Integer => f.write_str("INTEGER"),
            SqlType::BigInteger => f.write_str("BIGINT"),
            SqlType::SmallInteger => f.write_str("SMALLINT"),
            SqlType::String { length: None } => f.write_str("VARCHAR"),
            SqlType::String { length: Some(n) } => write!(f, "VARCHAR({n})"),
            SqlType::Text => f.write_str("TEXT"),
            SqlType::Boolean => f.write_str("BOOLEAN"),
            SqlType::Float => f.write_str("FLOAT"),
            SqlType::Double => f.write_str("DOUBLE"),
            SqlType::Numeric { precision: None, .. } => f.write_str("NUMERIC"),
            SqlType::Numeric { precision: Some(p), scale: None } => write!(f, "NUMERIC({p})"),
            SqlType::Numeric { precision: Some(p), scale: Some(s) } => write!(f, "NUMERIC({p}, {s})"),
            SqlType::Date => f.write_str("DATE"),
            SqlType::DateTime | SqlType::Interval => f.write_str("DATETIME"),
            SqlType::Time => f.write_str("TIME"),
            SqlType::Enum { length, .. } => write!(f, "VARCHAR({length})"),
            SqlType::Json => f.write_str("JSON"),
            SqlType::LargeBinary => f.write_str("BLOB"),
            SqlType::Uuid => f.write_str("CHAR(32)"),
            SqlType::Decorated { ty, .. } => ty.fmt(f),
            SqlType::Collated { ty, collation } => write!(f, "{ty} COLLATE {}", crate::quote::quote(collation)),
            SqlType::Named { name, args } if args.is_empty() => f.write_str(name),
            SqlType::Named { name, args } => {
                let args: Vec<String> = args.iter().map(u32::to_string).collect();
                write!(f, "{name}({})", args.join(", "))
            }
        }
    }
}
