//! SQLAlchemy oracle cases run through the runtime: each case under
//! `tests/oracle/{core,ddl,orm,public,migrations}` must agree with its recorded trace (real SQLAlchemy's) at the SQL
//! level: the same stdout, the same uncaught error class, and the same
//! statements, parameters and transaction events once schema introspection
//! (PRAGMA, sqlite_master) is left out, as `oracle.py suite` judges it.
//! Cases Retort cannot run yet are listed in `KNOWN_GAPS` with the reason;
//! one that starts passing must leave the list.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Cases that do not agree yet, and what is missing.
const KNOWN_GAPS: &[(&str, &str)] = &[];

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oracle").join(name)
}

fn trace(source: String) -> Value {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || retort_runtime::trace::trace(&source))
        .expect("a thread")
        .join()
        .expect("no panic")
}

/// The events the SQL level compares: no introspection, no Retort-only fields.
fn sql_events(trace: &Value) -> Vec<Value> {
    let events = trace["events"].as_array().cloned().unwrap_or_default();
    events
        .into_iter()
        .filter(|e| e["sql"].as_str().is_none_or(|s| !s.starts_with("PRAGMA") && !s.contains("sqlite_master")))
        .map(|e| {
            let mut e = e.clone();
            if let Some(o) = e.as_object_mut() {
                o.remove("line");
                if let Some(s) = o.get("sql").and_then(Value::as_str) {
                    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    o.insert("sql".into(), Value::String(collapsed));
                }
            }
            // the rows of one executemany are compared as a set (SQLAlchemy
            // orders association rows by object identity)
            if e["many"] == Value::Bool(true) {
                if let Some(rows) = e.get_mut("params").and_then(Value::as_array_mut) {
                    rows.sort_by_key(|r| r.to_string());
                }
            }
            e
        })
        .collect()
}

/// Sorts each run of consecutive CREATE INDEX statements: SQLAlchemy keeps
/// `Table.indexes` in a set, so CPython's order among them is arbitrary.
fn sort_index_runs(events: &mut [Value]) {
    let is_index = |e: &Value| e["sql"].as_str().is_some_and(|s| s.starts_with("CREATE INDEX") || s.starts_with("CREATE UNIQUE INDEX"));
    let mut i = 0;
    while i < events.len() {
        let j = (i..events.len()).find(|&k| !is_index(&events[k])).unwrap_or(events.len());
        events[i..j].sort_by_key(|e| e["sql"].as_str().unwrap_or("").to_owned());
        i = j.max(i + 1);
    }
}

/// What differs between the recorded trace and Retort's, if anything.
fn difference(want: &Value, got: &Value) -> Option<String> {
    if want["stdout"] != got["stdout"] {
        return Some(format!("stdout: want {}\n  got {}", want["stdout"], got["stdout"]));
    }
    if want["error"]["type"] != got["error"]["type"] {
        return Some(format!("error: want {}, got {}", want["error"], got["error"]));
    }
    let (mut w, mut g) = (sql_events(want), sql_events(got));
    sort_index_runs(&mut w);
    sort_index_runs(&mut g);
    let i = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i))?;
    Some(format!("event {}: want {:?}\n  got {:?}", i + 1, w.get(i), g.get(i)))
}

/// Runs every case of `dirs`; at least `at_least` must agree.
fn agree(dirs: &[&str], at_least: usize) {
    let mut cases: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(dir(d)).expect("the cases"))
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    let mut problems = Vec::new();
    let mut passed = 0;
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(case.with_extension("trace.json")).expect("a recorded trace")).expect("JSON");
        let got = trace(std::fs::read_to_string(case).expect("the case"));
        let gap = KNOWN_GAPS.iter().any(|(n, _)| *n == name);
        match (difference(&want, &got), gap) {
            (Some(d), false) => problems.push(format!("{name}: {d}")),
            (None, true) => problems.push(format!("{name} agrees now: take it out of KNOWN_GAPS")),
            (None, false) => passed += 1,
            (Some(_), true) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(passed >= at_least, "only {passed} cases agree");
}

#[test]
fn core_cases_agree_with_sqlalchemy() {
    agree(&["core", "ddl"], 97);
}

#[test]
fn orm_cases_agree_with_sqlalchemy() {
    agree(&["orm", "public"], 163);
}

#[test]
fn migration_cases_agree_with_alembic() {
    agree(&["migrations"], 32);
}
