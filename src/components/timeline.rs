//! The timeline: a slider over the run's steps (each top-level line that
//! sent SQL or changed mapped objects). Moving it shows the session, the
//! object graph and the SQL log as they were when that step was done, and
//! selects its line in the editor; at its right end, the end of the run.

use yew::prelude::*;

use crate::protocol::RunStep;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub steps: Vec<RunStep>,
    /// Whether the run had more steps than were kept.
    pub truncated: bool,
    /// The step on show (None: the end of the run).
    pub step: Option<usize>,
    pub on_select: Callback<Option<usize>>,
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let n = props.steps.len();
    if n == 0 {
        return html! {};
    }
    // the slider's positions: one per step, then the end of the run
    let at = props.step.unwrap_or(n);
    let select = {
        let on_select = props.on_select.clone();
        move |i: usize| on_select.emit((i < n).then_some(i))
    };
    let oninput = {
        let select = select.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(i) = input.value().parse::<usize>() {
                select(i);
            }
        })
    };
    let previous = {
        let select = select.clone();
        Callback::from(move |_: MouseEvent| select(at.saturating_sub(1)))
    };
    let next = Callback::from(move |_: MouseEvent| select((at + 1).min(n)));
    let label = match props.steps.get(at) {
        Some(step) => format!("Step {} of {n} · line {}", at + 1, step.line),
        None if props.truncated => format!("End of the run (the first {n} steps are kept)"),
        None => format!("End of the run · {n} step{}", if n == 1 { "" } else { "s" }),
    };
    html! {
        <div class="timeline">
            <button data-testid="timeline-previous" title="Previous step" aria-label="Previous step"
                    disabled={at == 0} onclick={previous}>{ "◀" }</button>
            <input type="range" data-testid="timeline" min="0" max={n.to_string()} value={at.to_string()}
                   aria-label="Timeline: the run step by step" aria-valuetext={label.clone()} {oninput} />
            <button data-testid="timeline-next" title="Next step" aria-label="Next step"
                    disabled={at == n} onclick={next}>{ "▶" }</button>
            <span class="timeline-label" data-testid="timeline-label">{ label }</span>
        </div>
    }
}
