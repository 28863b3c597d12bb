//! The root component: holds the state reducer, the engine client and the
//! editor handle, and wires Run and Stop between them.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::editor_pane::EditorPane;
use super::error_panel::ErrorPanel;
use super::results::Results;
use super::toolbar::Toolbar;
use crate::editor::{self, EditorView};
use crate::engine_client::{EngineClient, Event};
use crate::protocol::{Request, Response};
use crate::state::{Action, AppState};

/// The SQL the editor opens with.
const WELCOME: &str = include_str!("../../static/examples/welcome.sql");

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let view: Rc<RefCell<Option<EditorView>>> = use_mut_ref(|| None);
    let client: Rc<RefCell<Option<EngineClient>>> = use_mut_ref(|| None);

    // Start loading the engine once, when the page mounts.
    {
        let dispatch = state.dispatcher();
        let client = client.clone();
        use_effect_with((), move |_| {
            let started = js_sys::Date::now();
            *client.borrow_mut() = Some(EngineClient::start(move |event| {
                dispatch.dispatch(match event {
                    Event::Progress { loaded, total } => Action::Progress { loaded, total },
                    Event::Failed(message) => Action::EngineFailed(message),
                    Event::Crashed(message) => Action::EngineCrashed(message),
                    Event::Message(Response::Ready) => Action::EngineReady { load_ms: js_sys::Date::now() - started },
                    Event::Message(Response::SqlDone { id, run, elapsed_ms }) => Action::SqlDone { id, run, elapsed_ms },
                    Event::Message(Response::Failed { id, message }) => Action::WorkerError { id, message },
                    Event::Message(Response::Crashed { message }) => Action::EngineCrashed(message),
                });
            }));
        });
    }

    // Send the editor's text when a run is granted an id.
    {
        let client = client.clone();
        let view = view.clone();
        use_effect_with(state.pending(), move |pending| {
            if let (Some(id), Some(client), Some(view)) = (*pending, &*client.borrow(), &*view.borrow()) {
                editor::mark_error(view, 0, "");
                client.send(&Request::RunSql { id, script: editor::get_text(view) });
            }
        });
    }

    // Underline the failing line.
    {
        let view = view.clone();
        let failure = state.run.as_ref().and_then(|r| r.error.clone());
        use_effect_with(failure, move |failure| {
            if let (Some(failure), Some(view)) = (failure, &*view.borrow()) {
                editor::mark_error(view, failure.line, &failure.error.message);
            }
        });
    }

    let on_run = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::Run))
    };
    let on_stop = {
        let dispatch = state.dispatcher();
        let client = client.clone();
        Callback::from(move |()| {
            if let Some(client) = &*client.borrow() {
                client.stop();
            }
            dispatch.dispatch(Action::Stopped);
        })
    };
    let on_retry = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| {
            dispatch.dispatch(Action::Progress { loaded: 0, total: None });
            if let Some(client) = &*client.borrow() {
                client.load();
            }
        })
    };

    html! {
        <div class="app">
            <header class="topbar">
                <h1 class="brand">{ "Retort" }<span class="mode">{ "SQL" }</span></h1>
                <Toolbar status={state.status.clone()} message={state.message.clone()}
                         can_run={state.can_run()} on_run={on_run.clone()} on_stop={on_stop} />
            </header>
            <main class="panes">
                <EditorPane view={view} initial={WELCOME} on_run={on_run} />
                <section class="output">
                    <ErrorPanel error={state.error.clone()} retry={state.engine_failed.then_some(on_retry)} />
                    <Results run={state.run.clone()} />
                </section>
            </main>
        </div>
    }
}
