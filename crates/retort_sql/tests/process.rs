//! Bind and result processing against real SQLAlchemy: the values of
//! `tests/oracle/core/type_processing.py`, processed in Rust, must be the
//! parameters SQLAlchemy sent, and read back as SQLAlchemy printed them.

use retort_sql::expr::Literal;
use retort_sql::process::{bind, result};
use retort_sql::types::SqlType;
use retort_sql::value::{Json, SqlValue};
use serde_json::Value as Json2;

mod common;

fn columns() -> Vec<SqlType> {
    vec![
        SqlType::Boolean,
        SqlType::Date,
        SqlType::DateTime,
        SqlType::Time,
        SqlType::Numeric { precision: Some(10), scale: Some(2) },
        SqlType::Float,
        SqlType::Enum {
            name: Some("color".into()),
            members: vec!["red".into(), "green".into()],
            keys: vec![],
            length: 5,
            validate_strings: false,
        },
        SqlType::Json,
        SqlType::Uuid,
        SqlType::Interval,
        SqlType::LargeBinary,
    ]
}

fn rows() -> Vec<Vec<SqlValue>> {
    let plain = SqlValue::Plain;
    vec![
        vec![
            plain(Literal::Bool(true)),
            SqlValue::Date { year: 2024, month: 2, day: 29 },
            SqlValue::DateTime { year: 2024, month: 5, day: 6, hour: 7, minute: 8, second: 9, micro: 120 },
            SqlValue::Time { hour: 23, minute: 59, second: 1, micro: 5 },
            SqlValue::Decimal("1.005".into()),
            plain(Literal::Float(0.1)),
            SqlValue::EnumMember("red".into()),
            SqlValue::Json(Json::Object(vec![
                ("a".into(), Json::List(vec![Json::Int(1), Json::Float(2.5), Json::Null, Json::Bool(true)])),
                ("b".into(), Json::Str("é\"x".into())),
            ])),
            SqlValue::Uuid(0x12345678_1234_5678_1234_567812345678),
            SqlValue::Timedelta { days: 1, seconds: 5, micros: 7 },
            plain(Literal::Bytes(vec![0, 255])),
        ],
        vec![
            plain(Literal::Bool(false)),
            SqlValue::Date { year: 1, month: 1, day: 1 },
            SqlValue::DateTime { year: 1999, month: 12, day: 31, hour: 0, minute: 0, second: 0, micro: 0 },
            SqlValue::Time { hour: 0, minute: 0, second: 0, micro: 0 },
            SqlValue::Decimal("12345678.9".into()),
            plain(Literal::Float(-2.0)),
            SqlValue::EnumMember("green".into()),
            SqlValue::Json(Json::List(vec![])),
            SqlValue::Uuid(0),
            SqlValue::Timedelta { days: -1, seconds: 86_399, micros: 0 },
            plain(Literal::Bytes(vec![])),
        ],
        vec![SqlValue::none(); 11],
    ]
}

#[test]
fn values_are_sent_as_sqlalchemy_sends_them_and_read_back() {
    let path = format!("{}/../../tests/oracle/core/type_processing.trace.json", env!("CARGO_MANIFEST_DIR"));
    let trace: Json2 = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let inserts: Vec<&Json2> =
        trace["events"].as_array().unwrap().iter().filter(|e| e["sql"].as_str().is_some_and(|s| s.starts_with("INSERT"))).collect();
    assert_eq!(inserts.len(), 3);
    let types = columns();
    for (row, insert) in rows().iter().zip(inserts) {
        let sent: Vec<Literal> = types.iter().zip(row).map(|(ty, v)| bind(ty, v.clone()).unwrap()).collect();
        assert_eq!(Json2::Array(sent.iter().map(common::literal_json).collect()), insert["params"]);
        for ((ty, original), stored) in types.iter().zip(row).zip(&sent) {
            let back = result(ty, stored).unwrap();
            match (original, &back) {
                // Numeric comes back at the column's scale, as SQLAlchemy printed it.
                (SqlValue::Decimal(_), SqlValue::Decimal(d)) => assert!(["1.00", "12345678.90"].contains(&d.as_str()), "{d}"),
                _ => assert_eq!(&back, original, "{ty}"),
            }
        }
    }
}

#[test]
fn an_unknown_enum_name_is_a_lookup_error() {
    let ty = SqlType::Enum {
        name: Some("color".into()),
        members: vec!["red".into(), "green".into()],
        keys: vec![],
        length: 5,
        validate_strings: false,
    };
    let err = result(&ty, &Literal::Str("blue".into())).unwrap_err();
    assert_eq!(err.class_name(), "LookupError");
    assert_eq!(err.to_string(), "'blue' is not among the defined enum values. Enum name: color. Possible values: red, green");
}
