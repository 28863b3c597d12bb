//! The engine worker seen from the page's component tree: starting it once
//! (its events become reducer actions) and sending it the request a run,
//! a migration or a save was granted.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::editor::{self, EditorView};
use crate::engine_client::{EngineClient, Event};
use crate::protocol::{Request, Response};
use crate::state::{Action, AppState, Outgoing};

/// The engine client, started when the page mounts; its events are `dispatch`ed.
#[hook]
pub fn use_engine(dispatch: UseReducerDispatcher<AppState>) -> Rc<RefCell<Option<EngineClient>>> {
    let client: Rc<RefCell<Option<EngineClient>>> = use_mut_ref(|| None);
    // Start loading the engine once, when the page mounts.
    {
        let client = client.clone();
        use_effect_with((), move |_| {
            let started = js_sys::Date::now();
            *client.borrow_mut() = Some(EngineClient::start(move |event| {
                dispatch.dispatch(match event {
                    Event::Progress { loaded, total } => Action::Progress { loaded, total },
                    Event::Failed(message) => Action::EngineFailed(message),
                    Event::Crashed(message) => Action::EngineCrashed(message),
                    Event::Message(Response::Ready) => Action::EngineReady { load_ms: js_sys::Date::now() - started },
                    Event::Message(Response::SqlDone { id, run, log, tables, elapsed_ms }) => {
                        Action::SqlDone { id, run, log, tables, elapsed_ms }
                    }
                    Event::Message(Response::PythonDone { id, run, log, tables, elapsed_ms }) => {
                        Action::PythonDone { id, run, log, tables, elapsed_ms }
                    }
                    Event::Message(Response::Migrated { id, run, log, tables, current, revision, elapsed_ms }) => {
                        Action::Migrated { id, run, log, tables, current, revision, elapsed_ms }
                    }
                    Event::Message(Response::Failed { id, message }) => Action::WorkerError { id, message },
                    Event::Message(Response::Database { image, .. }) => {
                        match crate::files::download("retort.sqlite", &image, "application/vnd.sqlite3") {
                            Ok(()) => Action::Saved(image.len()),
                            Err(message) => Action::WorkerError { id: None, message },
                        }
                    }
                    Event::Message(Response::Crashed { message }) => Action::EngineCrashed(message),
                });
            }));
        });
    }
    client
}

/// Sends the editor's text (a Python or SQL run, or a migration) when a
/// request is granted an id; runs start from `start_image` when one is open.
#[hook]
pub fn use_requests(
    client: Rc<RefCell<Option<EngineClient>>>,
    view: Rc<RefCell<Option<EditorView>>>,
    start_image: Rc<RefCell<Option<Rc<Vec<u8>>>>>,
    state: &UseReducerHandle<AppState>,
) {
    // Send the editor's text when a run is granted an id.
    {
        let client = client.clone();
        let view = view.clone();
        let start_image = start_image.clone();
        let revisions = state.revisions.clone();
        use_effect_with((state.pending(), state.outgoing().cloned()), move |(pending, outgoing)| {
            if let (Some(id), Some(client), Some(view)) = (*pending, &*client.borrow(), &*view.borrow()) {
                editor::mark_error(view, 0, "");
                let text = editor::get_text(view);
                let trace = matches!(outgoing, Some(Outgoing::Run { trace: true }));
                if let Some(Outgoing::Migrate(action)) = outgoing {
                    client.send(&Request::Migrate { id, source: text, revisions, action: action.clone() });
                } else if crate::language::is_python(&text) {
                    client.send(&Request::RunPython { id, source: text, trace });
                } else {
                    let start = start_image.borrow().as_ref().map(|image| serde_bytes::ByteBuf::from(image.to_vec()));
                    client.send(&Request::RunSql { id, script: text, start });
                }
            }
        });
    }
}
