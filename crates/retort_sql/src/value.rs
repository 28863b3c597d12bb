//! The values the SQL layer binds and returns, as Python sees them
//! ([`SqlValue`]: dates, decimals, UUIDs, JSON documents...) and as SQLite
//! stores them ([`crate::expr::Literal`]: NULL, integer, real, text, blob).

use crate::expr::Literal;

/// A Python value crossing the SQL layer, before bind processing or after
/// result processing.
#[derive(Clone, Debug, PartialEq)]
pub enum SqlValue {
    /// A value SQLite stores as it is: None, bool, int, float, str, bytes.
    Plain(Literal),
    /// `datetime.date`.
    Date { year: i32, month: u32, day: u32 },
    /// `datetime.datetime` (naive).
    DateTime { year: i32, month: u32, day: u32, hour: u32, minute: u32, second: u32, micro: u32 },
    /// `datetime.time`.
    Time { hour: u32, minute: u32, second: u32, micro: u32 },
    /// `datetime.timedelta`, normalised as Python does (0 <= seconds < 86400, 0 <= micros < 10**6).
    Timedelta { days: i64, seconds: i64, micros: i64 },
    /// `decimal.Decimal`, by its `str()`.
    Decimal(String),
    /// `uuid.UUID`.
    Uuid(u128),
    /// A member of a Python enum, by name.
    EnumMember(String),
    /// A JSON-able Python structure (dict, list, str, numbers, bool, None).
    Json(Json),
}

/// A JSON document as Python holds it: dicts keep insertion order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl SqlValue {
    pub fn none() -> SqlValue {
        SqlValue::Plain(Literal::None)
    }

    pub fn is_none(&self) -> bool {
        matches!(self, SqlValue::Plain(Literal::None))
    }
}

/// Python's `float(text)` for a str: surrounding whitespace ignored,
/// underscores allowed between digits, `inf` / `infinity` / `nan` in any
/// case; `None` where Python raises ValueError.
pub fn parse_py_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let b = t.as_bytes();
    for (i, c) in b.iter().enumerate() {
        if *c == b'_' && !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            return None;
        }
    }
    let plain: String = t.chars().filter(|c| *c != '_').collect();
    // (Rust also takes "infinity" and "nan" in any case, as Python does, but
    // not a lone sign or point, which Python refuses too)
    plain.parse().ok()
}

/// Python's `repr(str)`: single quotes unless the text has one and no
/// double quote; backslash escapes for quotes, backslashes and controls.
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(float)`: the shortest digits that round-trip, fixed
/// notation for exponents from -4 to 15, else `1e+16` / `1e-05`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits and the exponent.
    let sci = format!("{f:e}");
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} has an exponent");
    let exponent: i32 = exponent.parse().expect("an integer exponent");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let text = if point <= 0 {
            format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        };
        format!("{sign}{text}")
    } else {
        let rest = &digits[1..];
        let mantissa = if rest.is_empty() { digits[..1].to_owned() } else { format!("{}.{rest}", &digits[..1]) };
        format!("{sign}{mantissa}e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn floats_print_as_python_prints_them() {
        let cases = [
            (0.1, "0.1"),
            (2.5, "2.5"),
            (-2.0, "-2.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789.125, "123456789.125"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::MAX, "1.7976931348623157e+308"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f}");
        }
    }
}
