//! Helpers shared by the oracle-backed tests: parameters as the oracle's
//! trace writes them (FORMAT.md).

use retort_sql::expr::Literal;
use serde_json::{json, Value as Json};

/// A bound value as JSON, `bytes` as `{"bytes": hex}`.
pub fn literal_json(l: &Literal) -> Json {
    match l {
        Literal::None => Json::Null,
        Literal::Bool(b) => json!(b),
        Literal::Int(i) => json!(i),
        Literal::Float(f) => json!(f),
        Literal::Str(s) => json!(s),
        Literal::Bytes(b) => json!({ "bytes": b.iter().map(|x| format!("{x:02x}")).collect::<String>() }),
    }
}
