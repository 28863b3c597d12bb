//! The error panel: what went wrong, in words, and a retry when the engine failed to load.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub error: Option<AttrValue>,
    /// Offered when the engine could not start.
    pub retry: Option<Callback<()>>,
}

#[function_component(ErrorPanel)]
pub fn error_panel(props: &ErrorPanelProps) -> Html {
    let Some(error) = &props.error else { return html! {} };
    let retry = props.retry.as_ref().map(|retry| {
        let onclick = retry.reform(|_: MouseEvent| ());
        html! { <button data-testid="retry" {onclick}>{ "Retry" }</button> }
    });
    html! {
        <div class="error" data-testid="error" role="alert">
            <span>{ error }</span>
            { for retry }
        </div>
    }
}
