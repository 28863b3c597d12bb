//! Run and Stop, the Examples menu, Share, Embed, and the status element
//! whose `data-state` tests and users watch. Embedded, only Run, Stop, the
//! status and a link to the full playground.

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
    /// Copy an `<iframe>` snippet of this code.
    pub on_embed: Callback<()>,
    /// The last embed snippet, shown for copying by hand.
    pub embed_snippet: Option<AttrValue>,
    /// The page is embedded (`?embed=1`).
    pub embedded: bool,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let running = props.status == Status::Running;
    let run = props.on_run.reform(|_: MouseEvent| ());
    let stop = props.on_stop.reform(|_: MouseEvent| ());
    let share = props.on_share.reform(|_: MouseEvent| ());
    let embed = props.on_embed.reform(|_: MouseEvent| ());
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
    let run_stop = html! {
        <>
            <button data-testid="run" class="run" onclick={run} disabled={!props.can_run}
                    title="Run (Ctrl-Enter)">{ "▶ Run" }</button>
            <button data-testid="stop" class="stop" onclick={stop} disabled={!running}>{ "■ Stop" }</button>
        </>
    };
    if props.embedded {
        let full = web_sys::window().and_then(|w| w.location().href().ok()).map(|href| {
            let (base, hash) = href.split_once('#').map_or((href.as_str(), String::new()), |(b, h)| (b, format!("#{h}")));
            format!("{}{hash}", base.split('?').next().unwrap_or(base))
        });
        return html! {
            <div class="toolbar">
                { run_stop }
                <span data-testid="status" class="status" data-state={props.status.name()}>{ &props.message }</span>
                { progress }
                <a class="open-full" href={full.unwrap_or_default()} target="_blank" rel="noopener">{ "Open in Retort ↗" }</a>
            </div>
        };
    }
    html! {
        <div class="toolbar">
            { run_stop }
            <select data-testid="examples" class="examples" onchange={choose} aria-label="Examples">
                <option value="" selected=true disabled=true>{ "Examples…" }</option>
                { for examples }
            </select>
            <button data-testid="share" class="share" onclick={share} title="Copy a link that opens this code">{ "Share" }</button>
            { for props.share_url.as_ref().map(|url| html! {
                <input data-testid="share-url" class="share-url" readonly=true value={url.clone()} aria-label="Share link" />
            }) }
            <button data-testid="embed" class="share" onclick={embed} title="Copy an iframe that embeds this code in a web page">
                { "Embed" }</button>
            { for props.embed_snippet.as_ref().map(|s| html! {
                <input data-testid="embed-snippet" class="share-url" readonly=true value={s.clone()} aria-label="Embed snippet" />
            }) }
            <span data-testid="status" class="status" data-state={props.status.name()}>{ &props.message }</span>
            { progress }
        </div>
    }
}
