//! The Migrations panel: the revision scripts (newest first, each editable),
//! the live database's current revision, and Flask-Migrate's commands as
//! buttons: Autogenerate (`flask db migrate`), Upgrade (`flask db upgrade`),
//! Downgrade (`flask db downgrade`), a hand-written revision (`flask db
//! revision`). The SQL each runs lands in the SQL log; the rows in Database.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::protocol::{MigrationAction, RevisionScript};
use crate::revisions;
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct MigrationsProps {
    pub state: UseReducerHandle<AppState>,
}

/// alembic's revision ids: 12 hex digits.
fn new_id() -> String {
    (0..12).map(|_| format!("{:x}", (js_sys::Math::random() * 16.0) as u8 & 15)).collect()
}

#[function_component(MigrationsPanel)]
pub fn migrations_panel(props: &MigrationsProps) -> Html {
    let state = &props.state;
    let message = use_state(String::new);
    let can = state.can_run();
    let send = |action: MigrationAction| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Migrate(action.clone())))
    };
    let on_message = {
        let message = message.clone();
        Callback::from(move |e: InputEvent| message.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let history = revisions::history(&state.revisions);
    let head = history.last().map(|r| r.id.clone());
    let current = state.current_revision.clone();
    let on_autogenerate = {
        let dispatch = state.dispatcher();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Migrate(MigrationAction::Autogenerate { message: (*message).clone() }));
            message.set(String::new());
        })
    };
    let on_new = {
        let dispatch = state.dispatcher();
        let message = message.clone();
        let head = head.clone();
        Callback::from(move |_: MouseEvent| {
            let id = new_id();
            let source = revisions::empty_revision(&id, head.as_deref(), &message);
            dispatch.dispatch(Action::AddRevision(RevisionScript { id, source }));
            message.set(String::new());
        })
    };
    let downgrade_one = revisions::downgrade_target(&state.revisions, current.as_deref());
    let items = history.iter().rev().map(|r| {
        let is_current = current.as_deref() == Some(r.id.as_str());
        let is_head = head.as_deref() == Some(r.id.as_str());
        let on_edit = {
            let dispatch = state.dispatcher();
            let id = r.id.clone();
            Callback::from(move |e: Event| {
                let source = e.target_unchecked_into::<HtmlTextAreaElement>().value();
                dispatch.dispatch(Action::EditRevision { id: id.clone(), source });
            })
        };
        let on_remove = {
            let dispatch = state.dispatcher();
            let id = r.id.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveRevision(id.clone())))
        };
        let down = revisions::down_revision(&r.source).unwrap_or_else(|| "base".into());
        html! {
            <li class={classes!("revision", is_current.then_some("current"))} data-testid="revision" data-id={r.id.clone()}>
                <header>
                    <code class="rev-id">{ &r.id }</code>
                    <span class="rev-message">{ revisions::message(&r.source) }</span>
                    <span class="rev-down">{ format!("revises {down}") }</span>
                    if is_current { <span class="badge">{ "current" }</span> }
                    if is_head { <span class="badge">{ "head" }</span> }
                    <button disabled={!can} onclick={send(MigrationAction::Upgrade { target: r.id.clone() })}
                            title={format!("flask db upgrade {}", r.id)}>{ "Upgrade to here" }</button>
                    <button disabled={!can} onclick={send(MigrationAction::Downgrade { target: r.id.clone() })}
                            title={format!("flask db downgrade {}", r.id)}>{ "Downgrade to here" }</button>
                    if is_head && !is_current {
                        <button onclick={on_remove} title="Delete this revision script">{ "Delete" }</button>
                    }
                </header>
                <details>
                    <summary>{ "Script" }</summary>
                    <textarea data-testid="revision-source" spellcheck="false" rows="16" onchange={on_edit}
                              aria-label={format!("Revision {}", r.id)} value={r.source.clone()} />
                </details>
            </li>
        }
    });
    html! {
        <div class="migrations" data-testid="migrations">
            <p class="current-revision">
                { "Live database at revision " }
                <code data-testid="current-revision">{ current.clone().unwrap_or_else(|| "base".into()) }</code>
                { " · the database the last run left; Upgrade and Downgrade change it." }
            </p>
            <div class="migration-actions">
                <input data-testid="migration-message" placeholder="Revision message" aria-label="Revision message"
                       value={(*message).clone()} oninput={on_message} />
                <button data-testid="autogenerate" disabled={!can} onclick={on_autogenerate}
                        title="flask db migrate: compare the models with the live database">{ "Autogenerate" }</button>
                <button data-testid="new-revision" onclick={on_new} title="flask db revision: an empty script to write by hand">
                    { "Empty revision" }</button>
                <button data-testid="upgrade" disabled={!can || head.is_none()}
                        onclick={send(MigrationAction::Upgrade { target: "head".into() })} title="flask db upgrade">
                    { "Upgrade to head" }</button>
                <button data-testid="downgrade" disabled={!can || downgrade_one.is_none()}
                        onclick={send(MigrationAction::Downgrade { target: downgrade_one.clone().unwrap_or_default() })}
                        title="flask db downgrade">{ "Downgrade one" }</button>
            </div>
            if history.is_empty() {
                <p class="empty">{ "No revisions yet. Run a script that creates tables, change its models, then Autogenerate." }</p>
            }
            <ol class="revisions">{ for items }</ol>
        </div>
    }
}
