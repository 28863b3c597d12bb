//! The worker's side: owns the engine, answers [`Request`]s with [`Response`]s.
//! Everything here runs off the page's thread, so a long statement never
//! freezes the page, and Stop can simply terminate this worker.

use retort_engine::console::run_script;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::protocol::{Request, Response, ROW_LIMIT, TABLE_ROW_LIMIT};

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
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    post(&Response::Ready);
}

fn answer(request: Request) -> Response {
    match request {
        Request::RunSql { id, script } => {
            let started = web_time::Instant::now();
            match retort_engine::open_in_memory() {
                Ok(mut db) => {
                    let run = run_script(&mut db, &script, ROW_LIMIT);
                    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
                    let log = db.take_events();
                    match retort_engine::snapshot::snapshot(&mut db, TABLE_ROW_LIMIT) {
                        Ok(tables) => Response::SqlDone { id, run, log, tables, elapsed_ms },
                        Err(e) => Response::Failed { id: Some(id), message: format!("cannot read the tables back: {e}") },
                    }
                }
                Err(e) => Response::Failed { id: Some(id), message: format!("cannot open the database: {e}") },
            }
        }
    }
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
