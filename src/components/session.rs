//! The Models & session panel: each mapped class with its table, columns
//! and relationships, and the live mapped objects grouped by state
//! (transient, pending, persistent, deleted, detached) with their identity
//! and loaded attributes, as the run left them.

use yew::prelude::*;

use crate::protocol::{MappedObject, Model, OrmView};

#[derive(Properties, PartialEq)]
pub struct SessionProps {
    pub view: Option<OrmView>,
}

/// The states in the order an object lives through them.
const STATES: [&str; 5] = ["transient", "pending", "persistent", "deleted", "detached"];

#[function_component(SessionPanel)]
pub fn session_panel(props: &SessionProps) -> Html {
    let Some(view) = &props.view else {
        return html! {
            <div class="session empty" data-testid="session">
                { "Mapped classes and the session's objects appear here after a script that uses sqlalchemy.orm runs." }
            </div>
        };
    };
    let groups = STATES.iter().map(|&state| {
        let objects: Vec<&MappedObject> = view.objects.iter().filter(|o| o.state == state).collect();
        html! {
            <section class={classes!("state-group", state)} data-state={state}>
                <h4>{ format!("{state} ({})", objects.len()) }</h4>
                { for objects.into_iter().map(object) }
            </section>
        }
    });
    html! {
        <div class="session" data-testid="session">
            <h3>{ "Models" }</h3>
            <div class="models" data-testid="models">{ for view.models.iter().map(model) }</div>
            <h3>{ "Objects" }</h3>
            <div class="objects" data-testid="objects">{ for groups }</div>
        </div>
    }
}

fn model(m: &Model) -> Html {
    let columns = m.columns.iter().map(|c| {
        let mut flags = Vec::new();
        if c.primary_key {
            flags.push("PK".to_owned());
        }
        if let Some(fk) = &c.foreign_key {
            flags.push(format!("FK → {fk}"));
        }
        flags.push(if c.nullable { "NULL" } else { "NOT NULL" }.to_owned());
        if c.unique {
            flags.push("UNIQUE".to_owned());
        }
        if let Some(d) = &c.default {
            flags.push(format!("default {d}"));
        }
        html! {
            <tr>
                <td class="key">{ &c.key }</td>
                <td class="type">{ &c.ty }</td>
                <td class="flags">{ flags.join(" · ") }</td>
            </tr>
        }
    });
    let relationships = m.relationships.iter().map(|r| {
        let mut detail = vec![r.direction.to_lowercase().replace("to", "-to-"), if r.uselist { "list" } else { "scalar" }.to_owned()];
        if let Some(s) = &r.secondary {
            detail.push(format!("secondary {s}"));
        }
        if let Some(b) = &r.back_populates {
            detail.push(format!("back_populates {b}"));
        }
        detail.push(format!("cascade {}", r.cascade));
        detail.push(format!("lazy {}", r.lazy));
        html! { <li class="relationship"><b>{ &r.key }</b>{ format!(" → {} ({})", r.target, detail.join(", ")) }</li> }
    });
    html! {
        <article class="model" data-class={m.class_name.clone()}>
            <header><b>{ &m.class_name }</b>{ format!(" · table {}", m.table) }</header>
            <table class="columns"><tbody>{ for columns }</tbody></table>
            if !m.relationships.is_empty() {
                <ul class="relationships">{ for relationships }</ul>
            }
        </article>
    }
}

fn object(o: &MappedObject) -> Html {
    let attributes = o.attributes.iter().map(|(k, v)| match (v, o.changed.iter().find(|(c, _)| c == k)) {
        // dirty: the database's value → the new one
        (Some(v), Some((_, old))) => html! {
            <li class="changed" data-testid="changed-attribute"><span class="key">{ k }</span>{ " = " }<code class="old">{ old }</code>{ " → " }<code>{ v }</code></li>
        },
        (Some(v), None) => html! { <li><span class="key">{ k }</span>{ " = " }<code>{ v }</code></li> },
        (None, _) => html! { <li class="expired"><span class="key">{ k }</span>{ " (expired or not loaded)" }</li> },
    });
    let mut where_ = Vec::new();
    if let Some(s) = o.session {
        where_.push(format!("session {s}"));
    }
    if let Some(k) = &o.identity {
        where_.push(format!("identity {k}"));
    }
    if o.modified {
        where_.push("modified".to_owned());
    }
    html! {
        <div class="object" data-testid="session-object" data-state={o.state.clone()} data-class={o.class_name.clone()}>
            <div class="object-head"><code>{ &o.repr }</code>{ format!(" {}", where_.join(" · ")) }</div>
            <ul class="attributes">{ for attributes }</ul>
        </div>
    }
}
