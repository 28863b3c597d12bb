//! The CodeMirror 6 editor seen from Rust: `www/editor.js`, bundled by esbuild
//! into `static/editor.js` before the build.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/static/editor.js")]
extern "C" {
    /// A CodeMirror `EditorView`.
    pub type EditorView;

    /// Creates an editor in `parent` holding `doc`; Ctrl/Cmd-Enter calls `on_run`.
    #[wasm_bindgen(js_name = createEditor)]
    pub fn create_editor(parent: &web_sys::Element, doc: &str, on_run: &js_sys::Function) -> EditorView;

    #[wasm_bindgen(js_name = getText)]
    pub fn get_text(view: &EditorView) -> String;

    #[wasm_bindgen(js_name = setText)]
    pub fn set_text(view: &EditorView, text: &str);

    /// Underlines `line` (1-based) with `message` as its tooltip; 0 clears it.
    #[wasm_bindgen(js_name = markError)]
    pub fn mark_error(view: &EditorView, line: u32, message: &str);
}
