//! The output pane: tabs for the results, the SQL log, the ORM's models and
//! session, the database, and the migrations.

use yew::prelude::*;

use super::database::Database;
use super::graph::ErGraph;
use super::migrations::MigrationsPanel;
use super::results::Results;
use super::session::SessionPanel;
use super::sql_log::SqlLog;
use super::timeline::Timeline;
use crate::state::{Action, AppState, Tab};

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    pub state: UseReducerHandle<AppState>,
    /// Download the database the last run left.
    pub on_save_db: Callback<()>,
    /// Start runs from this `.sqlite` file (None: from an empty database).
    pub on_open_db: Callback<Option<web_sys::File>>,
    /// The tabs on show (an embed names its panes).
    pub panes: Vec<Tab>,
}

#[function_component(Output)]
pub fn output(props: &OutputProps) -> Html {
    let state = &props.state;
    // a tab an embed does not show falls back to its first pane
    let current = if props.panes.contains(&state.tab) { state.tab } else { props.panes.first().copied().unwrap_or(Tab::Results) };
    let tabs = props.panes.iter().map(|&tab| {
        let dispatch = state.dispatcher();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ShowTab(tab)));
        let class = classes!("tab", (current == tab).then_some("active"));
        html! { <button {class} data-testid={tab.test_id()} {onclick}>{ tab.title() }</button> }
    });
    let body = match current {
        Tab::Results => html! { <Results run={state.run.clone()} python={state.python.clone()} /> },
        Tab::SqlLog => {
            let dispatch = state.dispatcher();
            let on_select = Callback::from(move |line| dispatch.dispatch(Action::SelectLine(line)));
            let on_table = {
                let dispatch = state.dispatcher();
                Callback::from(move |_| dispatch.dispatch(Action::SelectTable(None)))
            };
            html! {
                <SqlLog log={state.log.clone()} selected={state.selected_line} {on_select} step={state.step_events()}
                        table={state.selected_table.clone()} {on_table}
                        echo={state.python.as_ref().map(|p| p.echo.clone()).filter(|t| !t.is_empty())} />
            }
        }
        Tab::Session => html! { <SessionPanel view={state.orm_view()} /> },
        Tab::Database => html! {
            <Database tables={state.tables.clone()} start_file={state.start_file.clone()}
                      on_save={props.on_save_db.clone()} on_open={props.on_open_db.clone()} />
        },
        Tab::Migrations => html! { <MigrationsPanel state={state.clone()} /> },
        Tab::Graph => {
            let on_select = {
                let dispatch = state.dispatcher();
                Callback::from(move |table| dispatch.dispatch(Action::SelectTable(table)))
            };
            let on_show_sql = {
                let dispatch = state.dispatcher();
                Callback::from(move |_| dispatch.dispatch(Action::ShowTab(Tab::SqlLog)))
            };
            let touched = state.selected_table.as_deref().map_or(0, |t| state.log.iter().filter(|e| e.names_table(t)).count());
            html! {
                <ErGraph view={state.orm_view()} selected={state.selected_table.clone()} {on_select} {touched} {on_show_sql} />
            }
        }
    };
    // the timeline steps through what the SQL log, the session and the graph show
    let timeline = match (&state.python, current) {
        (Some(run), Tab::SqlLog | Tab::Session | Tab::Graph) => {
            let dispatch = state.dispatcher();
            let on_select = Callback::from(move |step| dispatch.dispatch(Action::SelectStep(step)));
            html! { <Timeline steps={run.steps.clone()} truncated={run.steps_truncated} step={state.step} {on_select} /> }
        }
        _ => html! {},
    };
    html! {
        <div class="output-tabs">
            <nav class="tabs">{ for tabs }</nav>
            { timeline }
            { body }
        </div>
    }
}
