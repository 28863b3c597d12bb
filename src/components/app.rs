//! The root component: holds the state reducer, the engine client and the
//! editor handle, and wires Run and Stop between them.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::editor_pane::EditorPane;
use super::error_panel::ErrorPanel;
use super::output::Output;
use super::splitter::Splitter;
use super::toolbar::Toolbar;
use crate::editor::{self, EditorView};
use crate::engine_client::{EngineClient, Event};
use crate::protocol::{Request, Response, RevisionScript};
use crate::share;
use crate::state::{Action, AppState, Outgoing};

/// The SQL the editor opens with.
const WELCOME: &str = crate::examples::EXAMPLES[0].1;

/// What the page opens with: the code of a share link, or the example.
struct Opening {
    code: String,
    revisions: Vec<RevisionScript>,
    broken_link: Option<String>,
    autorun: bool,
    /// `?embed=1` and its options.
    embed: crate::embed::Options,
}

fn opening() -> Opening {
    let location = web_sys::window().map(|w| w.location());
    let hash = location.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
    let embed = crate::embed::options(&search);
    let autorun = embed.autorun;
    match share::decode(&hash) {
        Ok(Some(shared)) => Opening { code: shared.code, revisions: shared.revisions, broken_link: None, autorun, embed },
        // an embed may autorun its default example; the full page waits for the user
        Ok(None) => Opening { code: WELCOME.to_owned(), revisions: Vec::new(), broken_link: None, autorun: autorun && embed.embed, embed },
        Err(e) => Opening { code: WELCOME.to_owned(), revisions: Vec::new(), broken_link: Some(e.to_string()), autorun: false, embed },
    }
}

/// The page that asked for a run by `postMessage`, to send its trace to.
struct Requester {
    source: js_sys::Object,
    origin: String,
}

/// Posts `message` (a JSON text) to the page that asked.
fn reply(requester: &Requester, message: &serde_json::Value) {
    let Ok(value) = js_sys::JSON::parse(&message.to_string()) else { return };
    let post = js_sys::Reflect::get(&requester.source, &"postMessage".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    // an opaque origin ("null", a sandboxed or file:// page) can only be answered with "*"
    let origin = if requester.origin == "null" { "*".to_owned() } else { requester.origin.clone() };
    if let Some(post) = post {
        let _ = post.call2(&requester.source, &value, &origin.into());
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let opening = use_memo((), |_| opening());
    {
        let dispatch = state.dispatcher();
        let broken = opening.broken_link.clone();
        let revisions = opening.revisions.clone();
        use_effect_with((), move |_| {
            if let Some(reason) = broken {
                dispatch.dispatch(Action::LinkBroken(reason));
            }
            if !revisions.is_empty() {
                dispatch.dispatch(Action::SetRevisions(revisions));
            }
        });
    }
    // ?autorun=1 on a share link: run once, as soon as the engine is ready.
    {
        let dispatch = state.dispatcher();
        let pending = use_mut_ref(|| opening.autorun);
        use_effect_with(state.can_run(), move |can_run| {
            if *can_run && std::mem::take(&mut *pending.borrow_mut()) {
                dispatch.dispatch(Action::Run);
            }
        });
    }
    let view: Rc<RefCell<Option<EditorView>>> = use_mut_ref(|| None);
    let requester: Rc<RefCell<Option<Requester>>> = use_mut_ref(|| None);
    // Embed mode: theme and read-only editor, and the postMessage API.
    {
        let embed = opening.embed.clone();
        let view = view.clone();
        let requester = requester.clone();
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            if let (Some(theme), Some(root)) = (embed.theme, document.as_ref().and_then(|d| d.document_element())) {
                let _ = root.set_attribute("data-theme", theme);
            }
            if let (true, Some(view)) = (embed.read_only, &*view.borrow()) {
                editor::set_read_only(view, true);
            }
            // {type: "retort:run", code}: run it and answer {type: "retort:trace", trace}
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let kind = js_sys::Reflect::get(&data, &"type".into()).ok().and_then(|t| t.as_string());
                if kind.as_deref() != Some("retort:run") {
                    return;
                }
                let Some(source) = event.source() else { return };
                let asker = Requester { source, origin: event.origin() };
                let Some(code) = js_sys::Reflect::get(&data, &"code".into()).ok().and_then(|c| c.as_string()) else {
                    reply(&asker, &serde_json::json!({"type": "retort:error", "message": "retort:run needs `code`, a string"}));
                    return;
                };
                if !crate::language::is_python(&code) {
                    reply(
                        &asker,
                        &serde_json::json!({"type": "retort:error", "message": "retort:run takes a Python script (traces are of Python runs)"}),
                    );
                    return;
                }
                if let Some(view) = &*view.borrow() {
                    editor::set_text(view, &code);
                }
                *requester.borrow_mut() = Some(asker);
                dispatch.dispatch(Action::RunTraced);
            });
            if let Some(window) = web_sys::window() {
                let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
            }
            // listens for as long as the page lives
            on_message.forget();
        });
    }
    // The trace of a run an embedding page asked for goes back to it.
    {
        let requester = requester.clone();
        let trace = state.python.as_ref().and_then(|p| p.trace.clone());
        use_effect_with(trace, move |trace| {
            if let Some(trace) = trace {
                if let Some(asker) = requester.borrow_mut().take() {
                    let trace: serde_json::Value = serde_json::from_str(trace).unwrap_or(serde_json::Value::Null);
                    reply(&asker, &serde_json::json!({"type": "retort:trace", "trace": trace}));
                }
            }
        });
    }
    let client: Rc<RefCell<Option<EngineClient>>> = use_mut_ref(|| None);
    // The .sqlite file runs start from; kept out of the reducer (it may be large).
    let start_image: Rc<RefCell<Option<Rc<Vec<u8>>>>> = use_mut_ref(|| None);

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
    let on_save_db = {
        let client = client.clone();
        Callback::from(move |()| {
            if let Some(client) = &*client.borrow() {
                client.send(&Request::SaveDatabase { id: 0 });
            }
        })
    };
    let on_open_db = {
        let dispatch = state.dispatcher();
        let start_image = start_image.clone();
        Callback::from(move |file: Option<web_sys::File>| {
            let Some(file) = file else {
                *start_image.borrow_mut() = None;
                dispatch.dispatch(Action::StartFrom(None));
                return;
            };
            let dispatch = dispatch.clone();
            let start_image = start_image.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::files::read(&file).await {
                    Ok(bytes) => {
                        let size = bytes.len();
                        *start_image.borrow_mut() = Some(Rc::new(bytes));
                        dispatch.dispatch(Action::StartFrom(Some((file.name(), size))));
                    }
                    Err(message) => dispatch.dispatch(Action::WorkerError { id: None, message }),
                }
            });
        })
    };

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
    {
        let view = view.clone();
        let failure = state.python.as_ref().and_then(|r| r.error.clone());
        use_effect_with(failure, move |failure| {
            if let (Some(failure), Some(view)) = (failure, &*view.borrow()) {
                if let Some(line) = failure.line {
                    editor::mark_error(view, line, &format!("{}: {}", failure.type_name, failure.message));
                }
            }
        });
    }

    // Counts of statements per line in the editor's gutter.
    {
        let view = view.clone();
        use_effect_with(state.log.clone(), move |log| {
            if let Some(view) = &*view.borrow() {
                let mut counts: Vec<(u32, u32)> = Vec::new();
                for line in log.iter().filter(|e| matches!(e.kind, retort_engine::log::EventKind::Sql(_))).filter_map(|e| e.line) {
                    match counts.iter_mut().find(|(l, _)| *l == line) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((line, 1)),
                    }
                }
                let array = js_sys::Array::new();
                for (line, n) in counts {
                    array.push(&js_sys::Array::of2(&line.into(), &n.into()));
                }
                editor::set_sql_counts(view, &array);
            }
        });
    }
    // The selected line, highlighted in the editor.
    {
        let view = view.clone();
        use_effect_with(state.selected_line, move |line| {
            if let Some(view) = &*view.borrow() {
                editor::select_line(view, line.unwrap_or(0));
            }
        });
    }
    let on_select_line = {
        let dispatch = state.dispatcher();
        Callback::from(move |line: u32| dispatch.dispatch(Action::SelectLine(line)))
    };

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
    let on_share = {
        let dispatch = state.dispatcher();
        let view = view.clone();
        let revisions = state.revisions.clone();
        Callback::from(move |()| {
            let Some(view) = &*view.borrow() else { return };
            let fragment = share::encode(&editor::get_text(view), &revisions);
            let Some(window) = web_sys::window() else { return };
            let location = window.location();
            let base = format!(
                "{}{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let url = format!("{base}#{fragment}");
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = crate::clipboard::copy(&url).await;
                dispatch.dispatch(Action::Shared { url, copied });
            });
        })
    };
    let on_embed = {
        let dispatch = state.dispatcher();
        let view = view.clone();
        let revisions = state.revisions.clone();
        Callback::from(move |()| {
            let (Some(view), Some(window)) = (&*view.borrow(), web_sys::window()) else { return };
            let location = window.location();
            let page = format!(
                "{}{}#{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default(),
                share::encode(&editor::get_text(view), &revisions)
            );
            let snippet = crate::embed::snippet(&page, "output,sql");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = crate::clipboard::copy(&snippet).await;
                dispatch.dispatch(Action::Embedded { snippet, copied });
            });
        })
    };
    let on_example = {
        let view = view.clone();
        Callback::from(move |i: usize| {
            if let (Some(view), Some((_, source))) = (&*view.borrow(), crate::examples::EXAMPLES.get(i)) {
                editor::set_text(view, source);
            }
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

    let embedded = opening.embed.embed;
    let split = use_state(|| 50.0_f64);
    let on_split = {
        let split = split.clone();
        Callback::from(move |percent: f64| split.set(percent))
    };
    // the language the last run was in (the editor tells them apart by its text)
    let mode = if state.python.is_some() {
        Some("Python")
    } else if state.run.is_some() {
        Some("SQL")
    } else {
        None
    };
    html! {
        <div class={classes!("app", embedded.then_some("embed"))}>
            <header class="topbar">
                <h1 class="brand">{ "Retort" }{ for mode.map(|m| html! { <span class="mode" title="the language of the last run">{ m }</span> }) }</h1>
                <Toolbar status={state.status.clone()} message={state.message.clone()}
                         can_run={state.can_run()} on_run={on_run.clone()} on_stop={on_stop} {on_share}
                         share_url={state.share_url.clone()} {on_example} {on_embed}
                         embed_snippet={state.embed_snippet.clone().map(AttrValue::from)} {embedded} />
            </header>
            <main class="panes" style={format!("--split: {:.1}%", *split)}>
                <EditorPane view={view} initial={AttrValue::from(opening.code.clone())} on_run={on_run}
                            on_select_line={on_select_line} />
                <Splitter percent={*split} on_change={on_split} />
                <section class="output">
                    <ErrorPanel error={state.error.clone()} retry={state.engine_failed.then_some(on_retry)} />
                    <Output state={state.clone()} {on_save_db} {on_open_db} panes={opening.embed.panes.clone()} />
                </section>
            </main>
        </div>
    }
}
