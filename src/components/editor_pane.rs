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
    /// A click on a line's SQL count.
    pub on_select_line: Callback<u32>,
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
            let select = props.on_select_line.clone();
            let on_select = Closure::<dyn Fn(u32)>::new(move |line| select.emit(line));
            let run = props.on_run.clone();
            let on_run = Closure::<dyn Fn()>::new(move || run.emit(()));
            if let Some(element) = host.cast::<web_sys::Element>() {
                let view =
                    editor::create_editor(&element, &props.initial, on_run.as_ref().unchecked_ref(), on_select.as_ref().unchecked_ref());
                *props.view.borrow_mut() = Some(view);
            }
            // The editor calls back for as long as the page lives.
            on_run.forget();
            on_select.forget();
        });
    }
    html! { <div class="editor" data-testid="editor" ref={host}></div> }
}
