//! `dict` and `set` storage: insertion-ordered hash tables keyed by a
//! `Key`, the hashable identity of a Python value (so `1`, `1.0` and `True`
//! are one key, as in Python, while the original key object is kept).

use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::IndexMap;
use num_bigint::BigInt;

use crate::value::{PyStr, Value};

/// The hashable identity of a value.
#[derive(Clone)]
pub enum Key {
    None,
    Ellipsis,
    Int(i64),
    Big(Rc<BigInt>),
    Float(u64),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    Tuple(Rc<[Key]>),
    FrozenSet(Rc<Set>),
    /// Objects hashed by identity (functions, classes, plain instances).
    Id(usize),
    /// Instances with their own `__hash__`: the hash it returned and the
    /// object's identity; equal-but-distinct objects are matched by the VM.
    Custom(i64, usize),
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::None, Key::None) | (Key::Ellipsis, Key::Ellipsis) => true,
            (Key::Int(a), Key::Int(b)) => a == b,
            (Key::Big(a), Key::Big(b)) => a == b,
            (Key::Float(a), Key::Float(b)) => a == b,
            (Key::Str(a), Key::Str(b)) => Rc::ptr_eq(a, b) || a.s == b.s,
            (Key::Bytes(a), Key::Bytes(b)) => a == b,
            (Key::Tuple(a), Key::Tuple(b)) => a == b,
            (Key::FrozenSet(a), Key::FrozenSet(b)) => a.len() == b.len() && a.keys().all(|k| b.contains_key(k)),
            (Key::Id(a), Key::Id(b)) => a == b,
            (Key::Custom(_, a), Key::Custom(_, b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        match self {
            Key::None => 0u8.hash(h),
            Key::Ellipsis => 1u8.hash(h),
            Key::Int(i) => i.hash(h),
            Key::Big(b) => b.hash(h),
            Key::Float(f) => f.hash(h),
            Key::Str(s) => s.s.hash(h),
            Key::Bytes(b) => b.hash(h),
            Key::Tuple(t) => t.hash(h),
            Key::FrozenSet(s) => {
                let mut acc: u64 = 0;
                for k in s.keys() {
                    let mut inner = rustc_hash::FxHasher::default();
                    k.hash(&mut inner);
                    acc = acc.wrapping_add(inner.finish());
                }
                acc.hash(h)
            }
            Key::Id(i) => i.hash(h),
            Key::Custom(hash, _) => hash.hash(h),
        }
    }
}

impl Key {
    /// The Python `hash()` of the key, where Python's is deterministic.
    pub fn py_hash(&self) -> i64 {
        match self {
            Key::Int(i) => {
                if *i == -1 {
                    -2
                } else {
                    let m = (1i64 << 61) - 1;
                    let r = i.rem_euclid(m);
                    if *i < 0 {
                        let v = -((-i128::from(*i)) % i128::from(m)) as i64;
                        if v == -1 {
                            -2
                        } else {
                            v
                        }
                    } else {
                        r
                    }
                }
            }
            Key::Custom(h, _) => *h,
            Key::None => 0x5f5e1000,
            other => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                other.hash(&mut h);
                (h.finish() >> 2) as i64
            }
        }
    }
}

/// The hasher of every table: fast and deterministic (Python's own string
/// hashes are randomised, so no script can depend on them).
pub type FastHash = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// An insertion-ordered dict: key identity → (original key, value).
pub type Dict = IndexMap<Key, (Value, Value), FastHash>;

/// An insertion-ordered set: key identity → original element.
pub type Set = IndexMap<Key, Value, FastHash>;

/// A dict with string keys only, for instance and class attributes.
pub type AttrMap = IndexMap<Rc<str>, Value, FastHash>;

/// Whether two names are the same text. Names are short: compared in
/// overlapping word loads instead of a call to `memcmp` (which `==` on
/// `str` makes: ~20 instructions before it compares anything).
#[inline]
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_ne_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    let half = |s: &[u8], at: usize| u32::from_ne_bytes(s[at..at + 4].try_into().expect("4 bytes"));
    match n {
        0 => true,
        // (the first, middle and last bytes: all of them)
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        17..=32 => {
            word(a, 0) == word(b, 0) && word(a, 8) == word(b, 8) && word(a, n - 16) == word(b, n - 16) && word(a, n - 8) == word(b, n - 8)
        }
        _ => a == b,
    }
}

/// `map[name]`, looked for first at the position `hint` remembers (where
/// the name was last found, in this map or one built the same way, such as
/// another instance of the same class), which then needs no hashing; the
/// hint follows the name when it is elsewhere.
pub fn hinted_get<'m>(map: &'m AttrMap, name: &str, hint: &std::cell::Cell<u32>) -> Option<&'m Value> {
    if let Some((k, v)) = map.get_index(hint.get() as usize) {
        if same_name(k, name) {
            return Some(v);
        }
    }
    let (i, _, v) = map.get_full(name)?;
    hint.set(i as u32);
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::same_name;

    #[test]
    fn same_name_agrees_with_str_equality() {
        // every length up to past 32, with a difference at each position
        let base = "abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 0..=34 {
            let a = &base[..n];
            assert!(same_name(a, a), "{a:?}");
            // (the same text at another address)
            let copy = String::from(a);
            assert!(same_name(a, &copy), "{a:?}");
            for i in 0..n {
                let mut other = a.as_bytes().to_vec();
                other[i] = b'_';
                let other = String::from_utf8(other).expect("ascii");
                assert!(!same_name(a, &other), "{a:?} {other:?}");
            }
            assert!(!same_name(a, &base[..n + 1]), "{a:?}");
        }
        assert!(same_name("émile", "émile") && !same_name("émile", "emile"));
    }
}
