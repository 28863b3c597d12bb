//! What the editor shows of the last run: the failing line underlined, the
//! number of statements each line sent in the gutter, the selected line.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::editor::{self, EditorView};
use crate::state::AppState;

/// Keeps the editor's marks in step with `state`.
#[hook]
pub fn use_editor_marks(view: Rc<RefCell<Option<EditorView>>>, state: &UseReducerHandle<AppState>) {
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
}
