//! The typed values that cross the adapter: SQLite's five storage classes.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One SQL value, as SQLite stores it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    /// SQLite's name for the value's storage class, as `typeof()` reports it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Integer(_) => "integer",
            Value::Real(_) => "real",
            Value::Text(_) => "text",
            Value::Blob(_) => "blob",
        }
    }
}

/// Renders a value as the SQLite shell does in a table, blobs as `x'…'` hex
/// (at most 32 bytes, then an ellipsis and the length).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("NULL"),
            Value::Integer(i) => write!(f, "{i}"),
            Value::Real(r) => write!(f, "{}", format_real(*r)),
            Value::Text(t) => f.write_str(t),
            Value::Blob(b) => {
                f.write_str("x'")?;
                for byte in b.iter().take(32) {
                    write!(f, "{byte:02x}")?;
                }
                if b.len() > 32 {
                    write!(f, "…' ({} bytes)", b.len())
                } else {
                    f.write_str("'")
                }
            }
        }
    }
}

/// Formats a float as SQLite's shell and Python do for whole numbers (`1.0`),
/// otherwise with Rust's shortest round-trip digits.
fn format_real(r: f64) -> String {
    if r.is_finite() && r.fract() == 0.0 && r.abs() < 1e16 {
        format!("{r:.1}")
    } else {
        format!("{r}")
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Integer(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value::Blob(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn display_matches_the_sqlite_shell() {
        let cases: [(Value, &str); 6] = [
            (Value::Null, "NULL"),
            (Value::Integer(-3), "-3"),
            (Value::Real(2.0), "2.0"),
            (Value::Real(0.1), "0.1"),
            (Value::Text("ada".into()), "ada"),
            (Value::Blob(vec![0, 255, 16]), "x'00ff10'"),
        ];
        for (value, want) in cases {
            assert_eq!(value.to_string(), want);
        }
        let long = Value::Blob(vec![1; 40]).to_string();
        assert!(long.ends_with("…' (40 bytes)"), "{long}");
    }
}
