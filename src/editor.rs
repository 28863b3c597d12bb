//! The CodeMirror 6 editor seen from Rust: `www/editor.js`, bundled by esbuild
//! into `static/editor.js` before the build.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/static/editor.js")]
extern "C" {
    /// A CodeMirror `EditorView`.
    pub type EditorView;

    /// Creates an editor in `parent` holding `doc`; Ctrl/Cmd-Enter calls
    /// `on_run`, a click on a line's SQL count calls `on_select_line(line)`.
    #[wasm_bindgen(js_name = createEditor)]
    pub fn create_editor(parent: &web_sys::Element, doc: &str, on_run: &js_sys::Function, on_select_line: &js_sys::Function) -> EditorView;

    /// Shows how many statements each line sent: `counts` is `[[line, count], ...]`.
    #[wasm_bindgen(js_name = setSqlCounts)]
    pub fn set_sql_counts(view: &EditorView, counts: &wasm_bindgen::JsValue);

    /// Highlights `line` (1-based; 0 clears) and scrolls to it.
    #[wasm_bindgen(js_name = selectLine)]
    pub fn select_line(view: &EditorView, line: u32);

    #[wasm_bindgen(js_name = getText)]
    pub fn get_text(view: &EditorView) -> String;

    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(view: &EditorView, text: &str);

    /// Makes the editor read-only (an embedded snippet with `readonly=1`) or editable again.
    #[wasm_bindgen(js_name = setReadOnly)]
    pub fn set_read_only(view: &EditorView, read_only: bool);

    /// Underlines `line` (1-based) with `message` as its tooltip; 0 clears it.
    #[wasm_bindgen(js_name = markError)]
    pub fn mark_error(view: &EditorView, line: u32, message: &str);
}
