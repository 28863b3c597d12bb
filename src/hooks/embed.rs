//! Embed mode's side effects: the theme and read-only editor an iframe asks
//! for, and the `postMessage` API (`{type: "retort:run", code}` runs the code
//! and the page answers `{type: "retort:trace", trace}`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::editor::{self, EditorView};
use crate::state::{Action, AppState};

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

/// Applies `embed`'s options to the page and answers the embedding page's runs.
#[hook]
pub fn use_embed_api(embed: &crate::embed::Options, view: Rc<RefCell<Option<EditorView>>>, state: &UseReducerHandle<AppState>) {
    let requester: Rc<RefCell<Option<Requester>>> = use_mut_ref(|| None);
    // Embed mode: theme and read-only editor, and the postMessage API.
    {
        let embed = embed.clone();
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
}
