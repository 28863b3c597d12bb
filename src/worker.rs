//! The worker's side: owns the engine, answers [`Request`]s with [`Response`]s.
//! Everything here runs off the page's thread, so a long statement never
//! freezes the page, and Stop can simply terminate this worker.

use std::cell::RefCell;

use retort_engine::console::run_script;
use retort_engine::{Connection, Limbo};
use serde_bytes::ByteBuf;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{MigrationAction, PythonError, PythonRun, Request, Response, RevisionScript, ROW_LIMIT, TABLE_ROW_LIMIT};
use retort_python::{Budget, Interpreter};
use retort_runtime::{migrations, Prepared};

/// Installs the message handler and tells the page the engine is ready.
pub fn start() {
    // A panic aborts the worker (panic = "abort"); say why first, so the page
    // can show it and start a fresh worker.
    std::panic::set_hook(Box::new(|info| post(&Response::Crashed { message: info.to_string() })));
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let response = match serde_wasm_bindgen::from_value::<Request>(event.data()) {
            Ok(request) => answer(request),
            Err(e) => Response::Failed { id: None, message: format!("the worker got a message it does not understand: {e}") },
        };
        post(&response);
        // the last run's objects are freed once its answer is on its way
        SPENT.with(|spent| spent.borrow_mut().take());
        prepare_next_run();
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    post(&Response::Ready);
    warm_up();
}

/// Gets the next Python run ready while the page shows the last answer (see
/// `retort_runtime::prepared`): the libraries nearly every script imports
/// are imported before Run is pressed again. Not at start-up: the page
/// opens with a SQL example, whose first run would wait for it.
fn prepare_next_run() {
    PREPARED.with(|p| {
        if p.borrow().is_none() {
            *p.borrow_mut() = Some(Prepared::new(Budget::default()));
        }
    });
}

/// What a first run would otherwise pay for: the engine builds parts of
/// itself lazily, and the browser compiles hot wasm code again on first use
/// (measured in headless Chromium: the example's first run took 149 ms, the
/// second 16 ms, the third 3 ms). Done right after Ready, so a Run pressed at
/// once waits at most for this, and the page is never blocked.
fn warm_up() {
    const SCRIPT: &str = "CREATE TABLE w (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL UNIQUE, v REAL, d DATE);\n\
        CREATE INDEX ix_w_v ON w (v);\n\
        CREATE TABLE x (id INTEGER PRIMARY KEY, w_id INTEGER REFERENCES w (id), t TEXT DEFAULT 'a');\n\
        INSERT INTO w (name, v, d) VALUES ('a', 1.5, '2024-01-01'), ('b', NULL, date('now'));\n\
        INSERT INTO x (w_id) SELECT id FROM w RETURNING id;\n\
        SELECT w.name, count(x.id) AS n FROM w LEFT OUTER JOIN x ON w.id = x.w_id \
        WHERE w.name LIKE 'a%' OR w.v IS NULL GROUP BY w.name ORDER BY w.name LIMIT 10 OFFSET 0;\n\
        UPDATE w SET v = v + 1 WHERE id IN (1, 2);\n\
        DELETE FROM x WHERE t = 'a';";
    for _ in 0..2 {
        if let Ok(mut db) = retort_engine::open_in_memory() {
            let _ = run_script(&mut db, SCRIPT, ROW_LIMIT);
        }
    }
}

thread_local! {
    /// The database the last run left, for "Download .sqlite".
    static LAST: RefCell<Option<Connection<Limbo>>> = const { RefCell::new(None) };
    /// The interpreter the next Python run starts from.
    static PREPARED: RefCell<Option<Prepared>> = const { RefCell::new(None) };
    /// The interpreter of the run being answered (its teardown, a few ms, waits until the answer is sent).
    static SPENT: RefCell<Option<Interpreter>> = const { RefCell::new(None) };
}

fn answer(request: Request) -> Response {
    match request {
        Request::RunSql { id, script, start } => {
            let started = web_time::Instant::now();
            let opened = match &start {
                Some(image) => Limbo::open_image(image).map(Connection::new),
                None => retort_engine::open_in_memory(),
            };
            match opened {
                Ok(mut db) => {
                    let run = run_script(&mut db, &script, ROW_LIMIT);
                    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
                    let log = db.take_events();
                    let response = match retort_engine::snapshot::snapshot(&mut db, TABLE_ROW_LIMIT) {
                        Ok(tables) => Response::SqlDone { id, run, log, tables, elapsed_ms },
                        Err(e) => Response::Failed { id: Some(id), message: format!("cannot read the tables back: {e}") },
                    };
                    LAST.with(|last| *last.borrow_mut() = Some(db));
                    response
                }
                Err(e) => Response::Failed { id: Some(id), message: format!("cannot open the database: {e}") },
            }
        }
        Request::RunPython { id, source, trace } => {
            let started = web_time::Instant::now();
            let prepared = PREPARED.with(|p| p.borrow_mut().take()).unwrap_or_else(|| Prepared::new(Budget::default()));
            let (result, runtime, interp) = prepared.run_keeping(&source, true);
            SPENT.with(|spent| *spent.borrow_mut() = Some(interp));
            let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
            let log = runtime.log.borrow().clone();
            let trace = trace.then(|| retort_runtime::trace::of_run(&result, &log).to_string());
            let mut stderr = result.stderr;
            let orm = match runtime.orm.as_deref().map(serde_json::from_str) {
                Some(Ok(view)) => Some(view),
                Some(Err(e)) => {
                    stderr += &format!("Retort: the session panel cannot show this run ({e})\n");
                    None
                }
                None => None,
            };
            let steps = runtime.steps.clone();
            let run = PythonRun {
                stdout: result.stdout,
                stderr,
                orm,
                trace,
                error: result.error.map(python_error),
                steps,
                steps_truncated: runtime.steps_truncated,
                echo: runtime.echo_text.join("\n"),
            };
            // the database browser shows the last engine's database
            let last = runtime.databases.borrow_mut().pop();
            match last {
                Some(mut db) => {
                    let response = match retort_engine::snapshot::snapshot(&mut db, TABLE_ROW_LIMIT) {
                        Ok(tables) => Response::PythonDone { id, run, log, tables, elapsed_ms },
                        Err(e) => Response::Failed { id: Some(id), message: format!("cannot read the tables back: {e}") },
                    };
                    LAST.with(|l| *l.borrow_mut() = Some(db));
                    response
                }
                None => Response::PythonDone { id, run, log, tables: Vec::new(), elapsed_ms },
            }
        }
        Request::Migrate { id, source, revisions, action } => migrate(id, &source, revisions, action),
        Request::SaveDatabase { id } => LAST.with(|last| match last.borrow_mut().as_mut() {
            Some(db) => match db.backend_mut().image() {
                Ok(image) => Response::Database { id, image: ByteBuf::from(image) },
                Err(e) => Response::Failed { id: Some(id), message: format!("cannot save the database: {e}") },
            },
            None => Response::Failed { id: Some(id), message: "There is no database to save yet: run the script first.".into() },
        }),
    }
}

/// An uncaught exception as the page shows it.
fn python_error(e: retort_python::ErrorInfo) -> PythonError {
    PythonError { type_name: e.type_name, message: e.message, line: e.line, traceback: e.traceback }
}

/// A Migrations panel action on the live database (the one the last run or
/// migration left); afterwards the database it leaves is the live one.
fn migrate(id: u32, source: &str, revisions: Vec<RevisionScript>, action: MigrationAction) -> Response {
    let started = web_time::Instant::now();
    let live = LAST.with(|last| match last.borrow_mut().as_mut() {
        Some(db) => {
            // a run may leave a transaction open, as a connection returned to a pool would not
            let _ = db.rollback();
            db.backend_mut().image().map(Some)
        }
        None => Ok(None),
    });
    let live = match live {
        Ok(live) => live,
        Err(e) => return Response::Failed { id: Some(id), message: format!("cannot read the live database: {e}") },
    };

    let outcome = migrations::run(source, live, &revisions, &action, retort_python::Budget::default());
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    let log = outcome.runtime.log.borrow().clone();
    let run = PythonRun {
        stdout: outcome.result.stdout,
        stderr: outcome.result.stderr,
        error: outcome.result.error.map(python_error),
        ..PythonRun::default()
    };
    let tables = match outcome.database {
        Some(mut db) => {
            let tables = match retort_engine::snapshot::snapshot(&mut db, TABLE_ROW_LIMIT) {
                Ok(tables) => tables,
                Err(e) => return Response::Failed { id: Some(id), message: format!("cannot read the tables back: {e}") },
            };
            LAST.with(|l| *l.borrow_mut() = Some(db));
            Some(tables)
        }
        None => None,
    };
    Response::Migrated { id, run, log, tables, current: outcome.current, revision: outcome.revision, elapsed_ms }
}

fn post(response: &Response) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // Integers past 2^53 travel as BigInt, so no value is rounded on the way.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible().serialize_large_number_types_as_bigints(true);
    match serde::Serialize::serialize(response, &serializer) {
        Ok(value) => {
            let _ = scope.post_message(&value);
        }
        Err(e) => {
            let failed = Response::Failed { id: None, message: format!("cannot send the answer: {e}") };
            if let Ok(value) = serde::Serialize::serialize(&failed, &serializer) {
                let _ = scope.post_message(&value);
            }
        }
    }
}
