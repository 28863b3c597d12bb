//! The editor pane: mounts CodeMirror once and hands its view to the app.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::editor::{self, EditorView};

#[derive(Properties, Clone)]
pub struct EditorPaneProps {
    /// Where the mounted editor is kept for the app to read.
    pub view: Rc<RefCell<Option<EditorView>>>,
    pub initial: AttrValue,
    /// Ctrl/Cmd-Enter.
    pub on_run: Callback<()>,
}

impl PartialEq for EditorPaneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view) && self.initial == other.initial
    }
}

#[function_component(EditorPane)]
pub fn editor_pane(props: &EditorPaneProps) -> Html {
    let host = use_node_ref();
    {
        let host = host.clone();
        let props = props.clone();
        use_effect_with((), move |_| {
            let on_run = Closure::<dyn Fn()>::new(move || props.on_run.emit(()));
            if let Some(element) = host.cast::<web_sys::Element>() {
                let view = editor::create_editor(&element, &props.initial, on_run.as_ref().unchecked_ref());
                *props.view.borrow_mut() = Some(view);
            }
            // The editor calls back for as long as the page lives.
            on_run.forget();
        });
    }
    html! { <div class="editor" data-testid="editor" ref={host}></div> }
}
