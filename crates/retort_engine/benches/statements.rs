//! Engine figures for `cargo xtask bench` (native, release): inserts through
//! one cached statement against a new statement text each time (which must
//! be prepared each time), and reading many rows.

use std::time::Instant;

use retort_engine::{open_in_memory, Value};

const ROWS: i64 = 10_000;

fn main() {
    let mut db = open_in_memory().expect("an in-memory database");
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL)", &[]).unwrap();
    db.execute("BEGIN", &[]).unwrap();
    let started = Instant::now();
    for i in 0..ROWS {
        let params = [Value::Integer(i), Value::Text(format!("name {i}")), Value::Real(i as f64 / 3.0)];
        db.execute("INSERT INTO t (id, name, score) VALUES (?, ?, ?)", &params).unwrap();
    }
    let cached = started.elapsed();
    db.execute("DELETE FROM t", &[]).unwrap();
    let started = Instant::now();
    for i in 0..ROWS {
        // A distinct text per row defeats the cache, as a naive adapter would.
        let sql = format!("INSERT INTO t (id, name, score) VALUES ({i}, 'name {i}', {})", i as f64 / 3.0);
        db.execute(&sql, &[]).unwrap();
    }
    let prepared_each = started.elapsed();
    db.execute("COMMIT", &[]).unwrap();
    let started = Instant::now();
    let out = db.execute("SELECT id, name, score FROM t", &[]).unwrap();
    let select = started.elapsed();
    assert_eq!(out.rows.len() as i64, ROWS);
    println!("{ROWS} inserts, one cached statement:     {:>8.1} ms", cached.as_secs_f64() * 1e3);
    println!("{ROWS} inserts, prepared one by one:      {:>8.1} ms", prepared_each.as_secs_f64() * 1e3);
    println!("select {ROWS} rows:                       {:>8.1} ms", select.as_secs_f64() * 1e3);
}
