//! Identity keys: which row an object stands for (`(Book, (1,), None)` in
//! SQLAlchemy), hashable so the identity map can find it.

use std::hash::{Hash, Hasher};

use retort_sql::expr::Literal;

use crate::mapper::MapperId;

/// A mapper and the primary key values of a row.
#[derive(Clone, Debug)]
pub struct IdentityKey {
    pub mapper: MapperId,
    pub values: Vec<Literal>,
}

impl IdentityKey {
    /// A key is only complete when no primary key value is NULL.
    pub fn new(mapper: MapperId, values: Vec<Literal>) -> Option<IdentityKey> {
        if values.iter().any(|v| matches!(v, Literal::None)) {
            return None;
        }
        Some(IdentityKey { mapper, values })
    }
}

/// Python's `1 == 1.0 == True` hold for keys too: numbers compare by value.
fn number(l: &Literal) -> Option<f64> {
    match l {
        Literal::Bool(b) => Some(f64::from(u8::from(*b))),
        Literal::Int(i) => Some(*i as f64),
        Literal::Float(f) => Some(*f),
        _ => None,
    }
}

impl PartialEq for IdentityKey {
    fn eq(&self, other: &Self) -> bool {
        self.mapper == other.mapper
            && self.values.len() == other.values.len()
            && self.values.iter().zip(&other.values).all(|(a, b)| match (number(a), number(b)) {
                (Some(x), Some(y)) => x == y,
                _ => a == b,
            })
    }
}

impl Eq for IdentityKey {}

impl Hash for IdentityKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.mapper.hash(state);
        for v in &self.values {
            match (v, number(v)) {
                (_, Some(n)) => n.to_bits().hash(state),
                (Literal::Str(s), _) => s.hash(state),
                (Literal::Bytes(b), _) => b.hash(state),
                _ => 0u8.hash(state),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn numbers_are_one_key_whatever_their_type() {
        let mut map = HashMap::new();
        map.insert(IdentityKey::new(0, vec![Literal::Int(1)]).unwrap(), "a");
        assert_eq!(map.get(&IdentityKey::new(0, vec![Literal::Float(1.0)]).unwrap()), Some(&"a"));
        assert_eq!(map.get(&IdentityKey::new(1, vec![Literal::Int(1)]).unwrap()), None);
        assert!(IdentityKey::new(0, vec![Literal::Int(1), Literal::None]).is_none());
    }
}
