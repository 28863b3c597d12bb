//! A case agrees with real SQLAlchemy at the SQL level: the same stdout,
//! the same uncaught error class, and the same statements, parameters and
//! transaction events once schema introspection (PRAGMA, sqlite_master) is
//! left out, as `oracle.py suite` judges it.

use std::path::Path;

use serde_json::Value;

use crate::support::{mismatch, on_interpreter_stack, recorded_trace};

pub fn agrees_with_sqlalchemy(case: &Path, source: String) -> datatest_stable::Result<()> {
    let want = recorded_trace(case)?;
    let got = on_interpreter_stack(move || retort_runtime::trace::trace(&source));
    match difference(&want, &got) {
        Some(d) => mismatch(d),
        None => Ok(()),
    }
}

/// The events the SQL level compares: no introspection, no Retort-only fields.
fn sql_events(trace: &Value) -> Vec<Value> {
    let events = trace["events"].as_array().cloned().unwrap_or_default();
    events
        .into_iter()
        .filter(|e| e["sql"].as_str().is_none_or(|s| !s.starts_with("PRAGMA") && !s.contains("sqlite_master")))
        .map(|mut e| {
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
        let (w, g) = (want["stdout"].as_str().unwrap_or(""), got["stdout"].as_str().unwrap_or(""));
        let (wl, gl): (Vec<&str>, Vec<&str>) = (w.lines().collect(), g.lines().collect());
        let i = (0..wl.len().max(gl.len())).find(|&i| wl.get(i) != gl.get(i)).unwrap_or(0);
        return Some(format!("stdout differs at line {}:\n  want {:?}\n  got  {:?}", i + 1, wl.get(i), gl.get(i)));
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
