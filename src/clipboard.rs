//! Writing to the clipboard, the one place the page does it.

use wasm_bindgen::JsCast;

/// Writes `text` to the clipboard; false where the page may not (no
/// permission, an insecure origin).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else { return false };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await.is_ok(),
        Err(_) => false,
    }
}
