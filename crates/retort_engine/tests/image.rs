//! Database files: Limbo's in-memory database saved as a `.sqlite` file that
//! real SQLite opens, and a file real SQLite wrote opened by Limbo.

use retort_engine::{Connection, ErrorKind, Limbo, Value};

#[test]
fn a_saved_database_opens_in_sqlite_and_back_in_limbo() {
    let mut db = Connection::new(Limbo::open_in_memory().unwrap());
    db.execute("CREATE TABLE user_account (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL UNIQUE)", &[]).unwrap();
    db.begin();
    for name in ["ada", "grace", "linus"] {
        db.execute("INSERT INTO user_account (name) VALUES (?)", &[Value::Text(name.into())]).unwrap();
    }
    db.commit().unwrap();
    let image = db.backend_mut().image().unwrap();
    assert!(image.starts_with(b"SQLite format 3\0"));

    let path = std::env::temp_dir().join(format!("retort-image-{}.sqlite", std::process::id()));
    std::fs::write(&path, &image).unwrap();
    let sqlite = rusqlite::Connection::open(&path).unwrap();
    let names: Vec<String> = sqlite
        .prepare("SELECT name FROM user_account ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(names, ["ada", "grace", "linus"]);
    let check: String = sqlite.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    drop(sqlite);
    std::fs::remove_file(&path).unwrap();

    let mut again = Connection::new(Limbo::open_image(&image).unwrap());
    let out = again.execute("SELECT count(*) FROM user_account", &[]).unwrap();
    assert_eq!(out.rows, vec![vec![Value::Integer(3)]]);
}

#[test]
fn a_file_sqlite_wrote_opens_in_limbo() {
    let path = std::env::temp_dir().join(format!("retort-from-sqlite-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    {
        let sqlite = rusqlite::Connection::open(&path).unwrap();
        sqlite
            .execute_batch("PRAGMA journal_mode = DELETE; CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y');")
            .unwrap();
    }
    let image = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let mut db = Connection::new(Limbo::open_image(&image).unwrap());
    let out = db.execute("SELECT a, b FROM t ORDER BY a", &[]).unwrap();
    assert_eq!(out.rows, vec![vec![Value::Integer(1), Value::Text("x".into())], vec![Value::Integer(2), Value::Text("y".into())]]);
    db.execute("INSERT INTO t VALUES (3, 'z')", &[]).unwrap();
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let err = Limbo::open_image(b"hello, not a database").err().unwrap();
    assert_eq!((err.kind, err.message.as_str()), (ErrorKind::Operational, "file is not a database"));
}
