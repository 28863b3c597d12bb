//! The root component: holds the state reducer, the engine client and the
//! editor handle, and wires Run and Stop between them.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::editor_pane::EditorPane;
use super::error_panel::ErrorPanel;
use super::output::Output;
use super::splitter::Splitter;
use super::toolbar::Toolbar;
use crate::editor::{self, EditorView};
use crate::protocol::{Request, RevisionScript};
use crate::share;
use crate::state::{Action, AppState};

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
    crate::hooks::use_embed_api(&opening.embed, view.clone(), &state);
    let client = crate::hooks::use_engine(state.dispatcher());
    // The .sqlite file runs start from; kept out of the reducer (it may be large).
    let start_image: Rc<RefCell<Option<Rc<Vec<u8>>>>> = use_mut_ref(|| None);

    crate::hooks::use_requests(client.clone(), view.clone(), start_image.clone(), &state);
    crate::hooks::use_editor_marks(view.clone(), &state);
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
