//! Behaviour of the adapter over Limbo: values, outcomes, errors, the
//! statement cache, transactions and the SQL log.

use retort_engine::log::{EventKind, Params, TxKind};
use retort_engine::{open_in_memory, ErrorKind, Value};

fn int(i: i64) -> Value {
    Value::Integer(i)
}

#[test]
fn values_of_every_storage_class_round_trip() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE t (a, b, c, d, e)", &[]).unwrap();
    let row = vec![Value::Null, int(-7), Value::Real(2.5), Value::Text("héllo".into()), Value::Blob(vec![0, 1, 255])];
    db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", &row).unwrap();
    let out = db.execute("SELECT a, b, c, d, e, typeof(e) FROM t", &[]).unwrap();
    assert_eq!(out.columns, ["a", "b", "c", "d", "e", "typeof(e)"]);
    let mut want = row.clone();
    want.push(Value::Text("blob".into()));
    assert_eq!(out.rows, vec![want]);
}

#[test]
fn outcome_reports_rows_affected_and_last_insert_rowid() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)", &[]).unwrap();
    let first = db.execute("INSERT INTO t (name) VALUES (?)", &["a".into()]).unwrap();
    assert_eq!((first.rows_affected, first.last_insert_rowid), (1, 1));
    db.execute("INSERT INTO t (name) VALUES (?)", &["b".into()]).unwrap();
    let updated = db.execute("UPDATE t SET name = upper(name)", &[]).unwrap();
    assert_eq!(updated.rows_affected, 2);
    let returning = db.execute("INSERT INTO t (name) VALUES (?) RETURNING id", &["c".into()]).unwrap();
    assert_eq!(returning.rows, vec![vec![int(3)]]);
    let selected = db.execute("SELECT name FROM t ORDER BY id", &[]).unwrap();
    assert_eq!(selected.rows_affected, 0);
    assert_eq!(selected.rows.len(), 3);
}

#[test]
fn a_cached_statement_is_rebound_on_reuse() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE t (n INTEGER)", &[]).unwrap();
    for n in 0..100 {
        db.execute("INSERT INTO t (n) VALUES (?)", &[int(n)]).unwrap();
    }
    let sum = db.execute("SELECT sum(n), count(*) FROM t WHERE n >= ?", &[int(50)]).unwrap();
    assert_eq!(sum.rows, vec![vec![int((50..100).sum()), int(50)]]);
    let sum = db.execute("SELECT sum(n), count(*) FROM t WHERE n >= ?", &[int(98)]).unwrap();
    assert_eq!(sum.rows, vec![vec![int(98 + 99), int(2)]]);
}

#[test]
fn a_cached_statement_that_failed_runs_again() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT NOT NULL)", &[]).unwrap();
    let insert = "INSERT INTO u (id, name) VALUES (?, ?)";
    db.execute(insert, &[int(1), "ada".into()]).unwrap();
    let err = db.execute(insert, &[int(1), "bob".into()]).unwrap_err();
    assert_eq!(err.message, "UNIQUE constraint failed: u.id");
    let err = db.execute(insert, &[int(2), Value::Null]).unwrap_err();
    assert_eq!(err.message, "NOT NULL constraint failed: u.name");
    let err = db.execute(insert, &[int(2)]).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Programming);
    // every parameter is bound afresh: nothing of the failed rows remains
    db.execute(insert, &[int(2), "cy".into()]).unwrap();
    let names = db.execute("SELECT id, name FROM u ORDER BY id", &[]).unwrap();
    assert_eq!(names.rows, vec![vec![int(1), "ada".into()], vec![int(2), "cy".into()]]);
    // a SELECT left after its first rows starts from the top next time
    let first = db.execute_limited("SELECT name FROM u ORDER BY id", &[], 1).unwrap();
    let again = db.execute_limited("SELECT name FROM u ORDER BY id", &[], 1).unwrap();
    assert_eq!((first.rows, again.rows), (vec![vec!["ada".into()]], vec![vec!["ada".into()]]));
}

#[test]
fn only_the_first_rows_are_kept_but_all_are_counted() {
    let mut db = open_in_memory().unwrap();
    let sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) SELECT x FROM c";
    let out = db.execute_limited(sql, &[], 10).unwrap();
    assert_eq!(out.rows.len(), 10);
    assert_eq!(out.total_rows, 5000);
    assert_eq!(out.rows[9], vec![int(10)]);
}

#[test]
fn errors_are_classified_as_python_sqlite3_does() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE u (name TEXT UNIQUE NOT NULL)", &[]).unwrap();
    db.execute("INSERT INTO u VALUES ('ada')", &[]).unwrap();
    let cases: [(&str, Vec<Value>, ErrorKind, &str); 5] = [
        ("INSERT INTO u VALUES ('ada')", vec![], ErrorKind::Integrity, "UNIQUE constraint failed: u.name"),
        ("INSERT INTO u VALUES (NULL)", vec![], ErrorKind::Integrity, "NOT NULL constraint failed: u.name"),
        ("SELECT * FROM nowhere", vec![], ErrorKind::Operational, "no such table: nowhere"),
        ("SELEC 1", vec![], ErrorKind::Operational, "near \"SELEC\": syntax error"),
        (
            "SELECT ?",
            vec![int(1), int(2)],
            ErrorKind::Programming,
            "Incorrect number of bindings supplied. The current statement uses 1, and there are 2 supplied.",
        ),
    ];
    for (sql, params, kind, message) in cases {
        let err = db.execute(sql, &params).unwrap_err();
        assert_eq!((err.kind, err.message.as_str()), (kind, message), "{sql}");
    }
    // The connection is still usable after every error.
    assert_eq!(db.execute("SELECT count(*) FROM u", &[]).unwrap().rows, vec![vec![int(1)]]);
}

#[test]
fn foreign_keys_are_off_until_turned_on() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)", &[]).unwrap();
    db.execute("CREATE TABLE c (p_id INTEGER REFERENCES p(id))", &[]).unwrap();
    assert_eq!(db.execute("PRAGMA foreign_keys", &[]).unwrap().rows, vec![vec![int(0)]]);
    db.execute("INSERT INTO c VALUES (42)", &[]).unwrap();
    db.execute("PRAGMA foreign_keys = ON", &[]).unwrap();
    let err = db.execute("INSERT INTO c VALUES (43)", &[]).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Integrity);
}

#[test]
fn transactions_and_savepoints() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE t (n)", &[]).unwrap();
    assert!(!db.in_transaction());
    db.begin();
    assert!(!db.in_transaction(), "BEGIN waits for the first write, as in pysqlite");
    db.execute("INSERT INTO t VALUES (1)", &[]).unwrap();
    assert!(db.in_transaction());
    db.execute("SAVEPOINT sa_savepoint_1", &[]).unwrap();
    db.execute("INSERT INTO t VALUES (2)", &[]).unwrap();
    db.execute("ROLLBACK TO SAVEPOINT sa_savepoint_1", &[]).unwrap();
    db.execute("RELEASE SAVEPOINT sa_savepoint_1", &[]).unwrap();
    db.commit().unwrap();
    assert!(!db.in_transaction());
    assert_eq!(db.execute("SELECT n FROM t", &[]).unwrap().rows, vec![vec![int(1)]]);
    // Commit and rollback with nothing open send nothing and do not fail.
    db.rollback().unwrap();
    // Without implicit BEGIN (the SQL console) every statement autocommits.
    db.set_implicit_begin(false);
    db.execute("INSERT INTO t VALUES (3)", &[]).unwrap();
    assert!(!db.in_transaction());
}

#[test]
fn every_statement_and_boundary_lands_in_the_log_with_its_line() {
    let mut db = open_in_memory().unwrap();
    db.set_line(Some(3));
    db.execute("CREATE TABLE t (n UNIQUE)", &[]).unwrap();
    db.set_line(Some(4));
    db.begin();
    db.execute_many("INSERT INTO t VALUES (?)", &[vec![int(1)], vec![int(2)]]).unwrap();
    db.set_line(Some(5));
    assert!(db.execute("INSERT INTO t VALUES (?)", &[int(1)]).is_err());
    db.rollback().unwrap();
    let events = db.take_events();
    let lines: Vec<_> = events.iter().map(|e| e.line).collect();
    assert_eq!(lines, [Some(3), Some(4), Some(4), Some(5), Some(5)]);
    let EventKind::Sql(many) = &events[2].kind else { panic!("{:?}", events[2]) };
    assert_eq!(many.params, Params::Many(vec![vec![int(1)], vec![int(2)]]));
    assert_eq!(many.rows_affected, Some(2));
    let EventKind::Sql(failed) = &events[3].kind else { panic!("{:?}", events[3]) };
    assert_eq!(failed.error.as_ref().map(|e| e.kind), Some(ErrorKind::Integrity));
    assert_eq!(events[4].kind, EventKind::Tx(TxKind::Rollback));
    assert!(db.events().is_empty());
    // The rollback undid the executemany.
    assert_eq!(db.execute("SELECT count(*) FROM t", &[]).unwrap().rows, vec![vec![int(0)]]);
}

#[test]
fn an_executemany_stops_at_its_first_failing_row_and_its_statement_runs_again() {
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE t (n UNIQUE)", &[]).unwrap();
    db.begin();
    let rows = [vec![int(1)], vec![int(2)], vec![int(1)], vec![int(3)]];
    let failed = db.execute_many("INSERT INTO t VALUES (?)", &rows).unwrap_err();
    assert_eq!(failed.kind, ErrorKind::Integrity);
    // the rows before the failing one went in, the one after did not
    let count = |db: &mut retort_engine::Connection<_>| db.execute("SELECT count(*), max(n) FROM t", &[]).unwrap().rows;
    assert_eq!(count(&mut db), vec![vec![int(2), int(2)]]);
    // (its cached statement was reset: the next executemany re-binds it)
    assert_eq!(db.execute_many("INSERT INTO t VALUES (?)", &[vec![int(3)], vec![int(4)]]).unwrap(), 2);
    assert_eq!(count(&mut db), vec![vec![int(4), int(4)]]);
    let events = db.take_events();
    let EventKind::Sql(many) = &events[2].kind else { panic!("{:?}", events[2]) };
    assert_eq!((many.rows_affected, many.error.as_ref().map(|e| e.kind)), (None, Some(ErrorKind::Integrity)));
    assert_eq!(many.params, Params::Many(rows.to_vec()));
    // an empty executemany runs nothing
    assert_eq!(db.execute_many("INSERT INTO t VALUES (?)", &[]).unwrap(), 0);
}

#[test]
fn autoincrement_counters_live_in_a_table_of_limbos_own() {
    // FIXME(docs/engine.md #4): SQLite keeps them in sqlite_sequence, which
    // SQLAlchemy's get_table_names() filters out by name; Limbo's table is
    // listed in sqlite_master under another name.
    let mut db = open_in_memory().unwrap();
    db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT)", &[]).unwrap();
    let sql = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name";
    let names = db.execute(sql, &[]).unwrap().rows;
    assert_eq!(
        names,
        vec![vec![Value::Text("__turso_internal_seq___turso_internal_autoincrement_a".into())], vec![Value::Text("a".into())]]
    );
}

#[test]
fn date_and_json_functions_work() {
    let mut db = open_in_memory().unwrap();
    let out = db
        .execute("SELECT date('2024-02-28', '+1 day'), json_extract('{\"a\": [1, 2]}', '$.a[1]'), typeof(CURRENT_TIMESTAMP)", &[])
        .unwrap();
    assert_eq!(out.rows, vec![vec![Value::Text("2024-02-29".into()), int(2), Value::Text("text".into())]]);
}

#[test]
fn the_temp_schema_pragmas_sqlalchemy_sends_answer_without_opening_it() {
    // (opening Limbo's temp schema reads a clock wasm32-unknown-unknown lacks)
    let mut db = retort_engine::open_in_memory().expect("a database");
    let out = db.execute("PRAGMA temp.table_info(\"user_account\")", &[]).expect("the pragma");
    assert!(out.rows.is_empty());
    assert_eq!(out.columns, ["cid", "name", "type", "notnull", "dflt_value", "pk"]);
    assert_eq!(db.events().len(), 1, "the pragma is still logged");
    let main = db.execute("PRAGMA main.table_info(\"user_account\")", &[]).expect("the main pragma");
    assert!(main.rows.is_empty());
}
