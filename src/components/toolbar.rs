//! Run and Stop, the Examples menu, Share, and the status element whose
//! `data-state` tests and users watch.

use yew::prelude::*;

use crate::state::Status;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub status: Status,
    pub message: AttrValue,
    pub can_run: bool,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_share: Callback<()>,
    /// The last share link, shown for copying by hand.
    pub share_url: Option<AttrValue>,
    /// An entry of [`crate::examples::EXAMPLES`] was chosen.
    pub on_example: Callback<usize>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let running = props.status == Status::Running;
    let run = props.on_run.reform(|_: MouseEvent| ());
    let stop = props.on_stop.reform(|_: MouseEvent| ());
    let share = props.on_share.reform(|_: MouseEvent| ());
    let on_example = props.on_example.clone();
    let choose = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(i) = select.value().parse::<usize>() {
            on_example.emit(i);
        }
        select.set_value("");
    });
    let examples = crate::examples::EXAMPLES.iter().enumerate().map(|(i, (title, _))| {
        html! { <option value={i.to_string()}>{ *title }</option> }
    });
    let progress = match props.status {
        Status::Loading { loaded, total: Some(total) } if total > 0 => {
            html! { <progress max={total.to_string()} value={loaded.to_string()}></progress> }
        }
        _ => html! {},
    };
    html! {
        <div class="toolbar">
            <button data-testid="run" class="run" onclick={run} disabled={!props.can_run}
                    title="Run (Ctrl-Enter)">{ "▶ Run" }</button>
            <button data-testid="stop" class="stop" onclick={stop} disabled={!running}>{ "■ Stop" }</button>
            <select data-testid="examples" class="examples" onchange={choose} aria-label="Examples">
                <option value="" selected=true disabled=true>{ "Examples…" }</option>
                { for examples }
            </select>
            <button data-testid="share" class="share" onclick={share} title="Copy a link that opens this code">{ "Share" }</button>
            { for props.share_url.as_ref().map(|url| html! {
                <input data-testid="share-url" class="share-url" readonly=true value={url.clone()} aria-label="Share link" />
            }) }
            <span data-testid="status" class="status" data-state={props.status.name()}>{ &props.message }</span>
            { progress }
        </div>
    }
}
