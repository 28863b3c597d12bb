//! The bar between the editor and the output: drag it (or focus it and use
//! the arrow keys) to give either side more room.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SplitterProps {
    /// The editor's share of the width, in percent.
    pub percent: f64,
    pub on_change: Callback<f64>,
}

/// The range the editor's share stays in.
pub const MIN: f64 = 15.0;
pub const MAX: f64 = 85.0;

#[function_component(Splitter)]
pub fn splitter(props: &SplitterProps) -> Html {
    let dragging = use_mut_ref(|| false);
    let on_down = {
        let dragging = dragging.clone();
        Callback::from(move |e: PointerEvent| {
            let target: web_sys::Element = e.target_unchecked_into();
            let _ = target.set_pointer_capture(e.pointer_id());
            *dragging.borrow_mut() = true;
        })
    };
    let on_move = {
        let dragging = dragging.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: PointerEvent| {
            if !*dragging.borrow() {
                return;
            }
            let width = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(1.0);
            on_change.emit((e.client_x() as f64 / width * 100.0).clamp(MIN, MAX));
        })
    };
    let on_up = {
        let dragging = dragging.clone();
        Callback::from(move |_: PointerEvent| *dragging.borrow_mut() = false)
    };
    let on_key = {
        let on_change = props.on_change.clone();
        let percent = props.percent;
        Callback::from(move |e: KeyboardEvent| {
            let step = match e.key().as_str() {
                "ArrowLeft" => -5.0,
                "ArrowRight" => 5.0,
                _ => return,
            };
            e.prevent_default();
            on_change.emit((percent + step).clamp(MIN, MAX));
        })
    };
    html! {
        <div class="splitter" data-testid="splitter" role="separator" aria-orientation="vertical" aria-label="Resize the editor"
             aria-valuemin={MIN.to_string()} aria-valuemax={MAX.to_string()} aria-valuenow={format!("{:.0}", props.percent)}
             tabindex="0" onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}
             onkeydown={on_key}></div>
    }
}
