//! Type processing on SQLite: how each type's Python values are stored and
//! read back. Mirrors the SQLite dialect's bind and result processors
//! (`sqlite.DATE`, `DATETIME`, `TIME` storage formats, `processors.
//! to_decimal_processor_factory`, `Enum`, `Uuid`, `Interval`, `JSON`).

use crate::expr::Literal;
use crate::types::SqlType;
use crate::value::{float_repr, parse_py_float, str_repr, Json, SqlValue};
use crate::SqlError;

/// SQLAlchemy's `_default_decimal_return_scale` for Numeric without a scale.
const DEFAULT_DECIMAL_SCALE: u32 = 10;

/// Mirrors the bind processors: the value as it is sent to SQLite.
pub fn bind(ty: &SqlType, value: SqlValue) -> Result<Literal, SqlError> {
    if let Some(generic) = ty.generic() {
        return bind(&generic, value);
    }
    // JSON stores Python's None as the text 'null', not as NULL.
    if value.is_none() && !matches!(ty, SqlType::Json) {
        return Ok(Literal::None);
    }
    Ok(match (ty, value) {
        (SqlType::Boolean, SqlValue::Plain(Literal::Bool(b))) => Literal::Int(i64::from(b)),
        (SqlType::Date, SqlValue::Date { year, month, day } | SqlValue::DateTime { year, month, day, .. }) => {
            Literal::Str(format!("{year:04}-{month:02}-{day:02}"))
        }
        (SqlType::DateTime, v @ SqlValue::DateTime { .. }) => Literal::Str(datetime_text(&v)),
        (SqlType::DateTime, SqlValue::Date { year, month, day }) => {
            Literal::Str(datetime_text(&SqlValue::DateTime { year, month, day, hour: 0, minute: 0, second: 0, micro: 0 }))
        }
        // the SQLite dialect's bind processors take only Python's date and time objects
        (SqlType::Date, SqlValue::Plain(_)) => {
            return Err(SqlError::BindType("SQLite Date type only accepts Python date objects as input.".into()))
        }
        (SqlType::DateTime, SqlValue::Plain(_)) => {
            return Err(SqlError::BindType("SQLite DateTime type only accepts Python datetime and date objects as input.".into()))
        }
        (SqlType::Time, SqlValue::Plain(_)) => {
            return Err(SqlError::BindType("SQLite Time type only accepts Python time objects as input.".into()))
        }
        (SqlType::Time, SqlValue::Time { hour, minute, second, micro }) => {
            Literal::Str(format!("{hour:02}:{minute:02}:{second:02}.{micro:06}"))
        }
        // Numeric, Float and Double send `float(value)` (SQLite has no
        // decimal type: `NumericCommon.bind_processor`'s `to_float`)
        (
            SqlType::Numeric { .. } | SqlType::Float | SqlType::Double,
            value @ (SqlValue::Decimal(_) | SqlValue::Plain(Literal::Int(_) | Literal::Bool(_) | Literal::Str(_))),
        ) => Literal::Float(to_float(value)?),
        // a member is stored as its name, or as values_callable's value for it
        (SqlType::Enum { members, keys, .. }, SqlValue::EnumMember(name)) => match keys.iter().position(|k| *k == name) {
            Some(i) if i < members.len() => Literal::Str(members[i].clone()),
            _ => Literal::Str(name),
        },
        (SqlType::Enum { members, .. }, SqlValue::Plain(Literal::Str(name))) if members.contains(&name) => Literal::Str(name),
        (SqlType::Enum { name: enum_name, members, validate_strings: true, .. }, SqlValue::Plain(Literal::Str(given))) => {
            return Err(not_among(&given, enum_name, members));
        }
        (SqlType::Uuid, SqlValue::Uuid(u)) => Literal::Str(format!("{u:032x}")),
        (SqlType::Interval, SqlValue::Timedelta { days, seconds, micros }) => {
            let epoch_micros = (days * 86_400 + seconds) * 1_000_000 + micros;
            Literal::Str(datetime_text(&datetime_from_epoch_micros(epoch_micros)))
        }
        (SqlType::Json, SqlValue::Json(doc)) => Literal::Str(json_dumps(&doc)),
        (SqlType::Json, v) if v.is_none() => Literal::Str("null".into()),
        (_, SqlValue::Plain(plain)) => plain,
        (ty, value) => {
            return Err(SqlError::Argument(format!("Retort cannot bind {value:?} to a column of type {ty}")));
        }
    })
}

/// `processors.to_float`: Python's `float(value)` of a Decimal, an int, a
/// bool or text (a ValueError for text that is no number).
fn to_float(value: SqlValue) -> Result<f64, SqlError> {
    Ok(match value {
        SqlValue::Decimal(text) => text.parse().map_err(|_| SqlError::Argument(format!("invalid decimal literal: {text}")))?,
        SqlValue::Plain(Literal::Int(i)) => i as f64,
        SqlValue::Plain(Literal::Bool(b)) => f64::from(u8::from(b)),
        SqlValue::Plain(Literal::Str(text)) => {
            parse_py_float(&text).ok_or_else(|| SqlError::BindValue(format!("could not convert string to float: {}", str_repr(&text))))?
        }
        other => return Err(SqlError::Argument(format!("Retort cannot bind {other:?} as a float"))),
    })
}

/// An Enum's LookupError for a value not among its stored ones.
fn not_among(value: &str, name: &Option<String>, members: &[String]) -> SqlError {
    SqlError::Lookup(format!(
        "'{value}' is not among the defined enum values. Enum name: {}. Possible values: {}",
        name.as_deref().unwrap_or(""),
        members.join(", ")
    ))
}

/// Whether [`bind`] hands every plain value (None, bool, int, float, str,
/// bytes) on unchanged for this type: the types without a bind processor,
/// whose values a caller may take as they are.
pub fn passes_plain(ty: &SqlType) -> bool {
    match ty {
        SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger | SqlType::String { .. } | SqlType::Text | SqlType::LargeBinary => {
            true
        }
        SqlType::Named { .. } => ty.generic().is_none(),
        SqlType::Collated { ty, .. } => passes_plain(ty),
        _ => false,
    }
}

/// Mirrors the result processors: the Python value of what SQLite returned.
pub fn result(ty: &SqlType, stored: &Literal) -> Result<SqlValue, SqlError> {
    if let Some(generic) = ty.generic() {
        return result(&generic, stored);
    }
    if *stored == Literal::None {
        return Ok(SqlValue::none());
    }
    let text = || match stored {
        Literal::Str(s) => Ok(s.as_str()),
        other => Err(SqlError::Argument(format!("Couldn't parse {ty} value: {other:?}"))),
    };
    Ok(match ty {
        SqlType::Boolean => SqlValue::Plain(Literal::Bool(match stored {
            Literal::Int(i) => *i != 0,
            Literal::Float(f) => *f != 0.0,
            _ => true,
        })),
        SqlType::Date => {
            let [year, month, day] = numbers::<3>(text()?, "date")?;
            SqlValue::Date { year: year as i32, month: month as u32, day: day as u32 }
        }
        SqlType::DateTime => parse_datetime(text()?)?,
        SqlType::Time => {
            let [hour, minute, second, micro] = numbers::<4>(text()?, "time")?;
            SqlValue::Time { hour: hour as u32, minute: minute as u32, second: second as u32, micro: micro as u32 }
        }
        SqlType::Numeric { scale, .. } => {
            let f = match stored {
                Literal::Int(i) => *i as f64,
                Literal::Float(f) => *f,
                Literal::Str(s) => s.parse().unwrap_or(0.0),
                _ => 0.0,
            };
            let scale = scale.unwrap_or(DEFAULT_DECIMAL_SCALE) as usize;
            SqlValue::Decimal(format!("{f:.scale$}"))
        }
        SqlType::Enum { name, members, keys, .. } => {
            let stored = text()?;
            let Some(i) = members.iter().position(|m| m == stored) else { return Err(not_among(stored, name, members)) };
            // (the member whose stored value it is)
            SqlValue::EnumMember(keys.get(i).unwrap_or(&members[i]).clone())
        }
        SqlType::Uuid => {
            let hex: String = text()?.chars().filter(|c| *c != '-').collect();
            SqlValue::Uuid(
                u128::from_str_radix(&hex, 16).map_err(|_| SqlError::Argument(format!("badly formed hexadecimal UUID string: {hex}")))?,
            )
        }
        SqlType::Interval => {
            let SqlValue::DateTime { year, month, day, hour, minute, second, micro } = parse_datetime(text()?)? else {
                unreachable!("parse_datetime returns a DateTime")
            };
            let days = days_from_civil(year, month, day);
            let total =
                ((days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second)) * 1_000_000) + i64::from(micro);
            let days = total.div_euclid(86_400 * 1_000_000);
            let rest = total.rem_euclid(86_400 * 1_000_000);
            SqlValue::Timedelta { days, seconds: rest / 1_000_000, micros: rest % 1_000_000 }
        }
        SqlType::Json => {
            let doc: serde_json::Value =
                serde_json::from_str(text()?).map_err(|e| SqlError::Argument(format!("invalid JSON in the database: {e}")))?;
            match doc {
                serde_json::Value::Null => SqlValue::none(),
                doc => SqlValue::Json(from_serde(doc)),
            }
        }
        _ => SqlValue::Plain(stored.clone()),
    })
}

fn datetime_text(value: &SqlValue) -> String {
    let SqlValue::DateTime { year, month, day, hour, minute, second, micro } = value else { unreachable!("called with a DateTime") };
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}.{micro:06}")
}

/// Mirrors `str_to_datetime`: `YYYY-MM-DD HH:MM:SS[.ffffff]`.
fn parse_datetime(text: &str) -> Result<SqlValue, SqlError> {
    let [year, month, day, hour, minute, second, micro] = numbers::<7>(text, "datetime")?;
    Ok(SqlValue::DateTime {
        year: year as i32,
        month: month as u32,
        day: day as u32,
        hour: hour as u32,
        minute: minute as u32,
        second: second as u32,
        micro: micro as u32,
    })
}

/// The first N runs of digits of `text` (missing trailing ones are 0); a run
/// after a `.` is a fraction of seconds, read as microseconds.
fn numbers<const N: usize>(text: &str, what: &str) -> Result<[i64; N], SqlError> {
    let bad = || SqlError::Argument(format!("Couldn't parse {what} string: '{text}'"));
    let mut out = [0i64; N];
    let mut found = 0;
    let mut rest = text;
    let mut after_dot = false;
    while found < N {
        let Some(start) = rest.find(|c: char| c.is_ascii_digit()) else { break };
        after_dot = rest[..start].ends_with('.');
        let run = &rest[start..];
        let len = run.find(|c: char| !c.is_ascii_digit()).unwrap_or(run.len());
        let digits = &run[..len];
        out[found] =
            if after_dot { format!("{digits:0<6}")[..6].parse().map_err(|_| bad())? } else { digits.parse().map_err(|_| bad())? };
        found += 1;
        rest = &run[len..];
    }
    // A fraction that came early (no seconds) or too few fields is not a date.
    if found < N.min(3) || (after_dot && found < N) {
        return Err(bad());
    }
    Ok(out)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn datetime_from_epoch_micros(micros: i64) -> SqlValue {
    let days = micros.div_euclid(86_400 * 1_000_000);
    let rest = micros.rem_euclid(86_400 * 1_000_000);
    // The inverse of days_from_civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    let seconds = rest / 1_000_000;
    SqlValue::DateTime {
        year,
        month,
        day,
        hour: (seconds / 3600) as u32,
        minute: (seconds / 60 % 60) as u32,
        second: (seconds % 60) as u32,
        micro: (rest % 1_000_000) as u32,
    }
}

/// Python's `json.dumps` with its defaults: `", "` and `": "` separators,
/// ASCII only (other characters as `\uXXXX`), floats as `repr`.
pub fn json_dumps(doc: &Json) -> String {
    let mut out = String::new();
    write_json(doc, &mut out);
    out
}

fn write_json(doc: &Json, out: &mut String) {
    match doc {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(i) => out.push_str(&i.to_string()),
        Json::Float(f) if f.is_nan() => out.push_str("NaN"),
        Json::Float(f) if f.is_infinite() => out.push_str(if *f > 0.0 { "Infinity" } else { "-Infinity" }),
        Json::Float(f) => out.push_str(&float_repr(*f)),
        Json::Str(s) => write_json_str(s, out),
        Json::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Json::Object(entries) => {
            out.push('{');
            for (i, (key, value)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_json_str(key, out);
                out.push_str(": ");
                write_json(value, out);
            }
            out.push('}');
        }
    }
}

fn write_json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn from_serde(doc: serde_json::Value) -> Json {
    match doc {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(b),
        serde_json::Value::Number(n) => n.as_i64().map_or_else(|| Json::Float(n.as_f64().unwrap_or(f64::NAN)), Json::Int),
        serde_json::Value::String(s) => Json::Str(s),
        serde_json::Value::Array(items) => Json::List(items.into_iter().map(from_serde).collect()),
        serde_json::Value::Object(map) => Json::Object(map.into_iter().map(|(k, v)| (k, from_serde(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_said_to_pass_plain_values_bind_them_unchanged() {
        let plain = [
            Literal::None,
            Literal::Bool(true),
            Literal::Int(-3),
            Literal::Float(0.5),
            Literal::Str("x".into()),
            Literal::Bytes(vec![0, 255]),
        ];
        let named = |name: &str| SqlType::Named { name: name.into(), args: vec![] };
        let types = [
            SqlType::Integer,
            SqlType::BigInteger,
            SqlType::SmallInteger,
            SqlType::String { length: Some(5) },
            SqlType::Text,
            SqlType::Boolean,
            SqlType::Float,
            SqlType::Double,
            SqlType::Numeric { precision: None, scale: None },
            SqlType::Date,
            SqlType::DateTime,
            SqlType::Time,
            SqlType::Interval,
            SqlType::Enum { name: None, members: vec!["x".into()], keys: vec![], length: 1, validate_strings: false },
            SqlType::Json,
            SqlType::LargeBinary,
            SqlType::Uuid,
            named("VARCHAR"),
            named("CLOB"),
            named("NUMERIC"),
            named("BOOLEAN"),
            named("DATETIME"),
        ];
        for ty in &types {
            let unchanged = plain.iter().all(|l| matches!(bind(ty, SqlValue::Plain(l.clone())), Ok(b) if b == *l));
            // (Numeric, Enum and Uuid pass some plain values too, but process others)
            assert!(!passes_plain(ty) || unchanged, "{ty:?}");
        }
    }

    #[test]
    fn numeric_and_float_types_send_ints_and_bools_as_floats() {
        // (SQLAlchemy's `to_float` bind processor, as the SQLite dialect has no native decimal)
        let named = |name: &str| SqlType::Named { name: name.into(), args: vec![] };
        for ty in [SqlType::Float, SqlType::Double, SqlType::Numeric { precision: Some(10), scale: Some(2) }, named("REAL")] {
            assert_eq!(bind(&ty, SqlValue::Plain(Literal::Int(3))).ok(), Some(Literal::Float(3.0)), "{ty:?}");
            assert_eq!(bind(&ty, SqlValue::Plain(Literal::Bool(true))).ok(), Some(Literal::Float(1.0)), "{ty:?}");
            assert_eq!(bind(&ty, SqlValue::Plain(Literal::Float(2.5))).ok(), Some(Literal::Float(2.5)), "{ty:?}");
        }
        assert_eq!(bind(&SqlType::Integer, SqlValue::Plain(Literal::Int(3))).ok(), Some(Literal::Int(3)));
    }

    #[test]
    fn numeric_and_float_types_send_text_as_float_makes_it() {
        // (what CPython's float() says of each: a number, or its ValueError)
        let text = |s: &str| SqlValue::Plain(Literal::Str(s.into()));
        for ty in [SqlType::Float, SqlType::Double, SqlType::Numeric { precision: Some(10), scale: Some(2) }] {
            for (given, want) in
                [("3.5", 3.5), (" 0.25\n", 0.25), ("1_000.5", 1000.5), ("+7", 7.0), ("-1e2", -100.0), (".5", 0.5), ("5.", 5.0)]
            {
                assert_eq!(bind(&ty, text(given)).ok(), Some(Literal::Float(want)), "{ty:?} {given:?}");
            }
            assert_eq!(bind(&ty, text("-Infinity")).ok(), Some(Literal::Float(f64::NEG_INFINITY)));
            assert!(matches!(bind(&ty, text("nan")), Ok(Literal::Float(f)) if f.is_nan()));
            for bad in ["abc", "", " ", "1_", "_1", "1__0", "1_.5", "0x10", "1,5", "+", ".", "e5", "1e"] {
                let Err(SqlError::BindValue(message)) = bind(&ty, text(bad)) else { panic!("{ty:?} {bad:?}") };
                assert_eq!(message, format!("could not convert string to float: {}", crate::value::str_repr(bad)));
            }
        }
        assert_eq!(crate::value::str_repr("it's"), "\"it's\"");
        assert_eq!(crate::value::str_repr("a'\"\\\n\u{1}"), "'a\\'\"\\\\\\n\\x01'");
        // (text for a String column is sent as it is)
        assert_eq!(bind(&SqlType::Text, text("abc")).ok(), Some(Literal::Str("abc".into())));
    }

    #[test]
    fn epoch_arithmetic_round_trips() {
        for micros in [0, -1, 86_400_000_000 + 5_000_007, -86_400_000_000 * 800_000, 253_402_300_799_999_999] {
            let SqlValue::DateTime { year, month, day, hour, minute, second, micro } = datetime_from_epoch_micros(micros) else {
                unreachable!()
            };
            let back =
                (days_from_civil(year, month, day) * 86_400 + i64::from(hour * 3600 + minute * 60 + second)) * 1_000_000 + i64::from(micro);
            assert_eq!(back, micros);
        }
    }

    #[test]
    fn unparsable_dates_are_errors_not_zeros() {
        assert!(result(&SqlType::Date, &Literal::Str("yesterday".into())).is_err());
        assert!(result(&SqlType::DateTime, &Literal::Str("2024-01".into())).is_err());
    }
}
