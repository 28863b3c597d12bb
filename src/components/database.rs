//! The database browser: every table as the run left it, with its first rows.

use retort_engine::snapshot::TableSnapshot;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::rows_table::RowsTable;

#[derive(Properties, PartialEq)]
pub struct DatabaseProps {
    pub tables: std::rc::Rc<Vec<TableSnapshot>>,
    /// The file runs start from, by name and size.
    pub start_file: Option<(String, usize)>,
    pub on_save: Callback<()>,
    pub on_open: Callback<Option<web_sys::File>>,
}

#[function_component(Database)]
pub fn database(props: &DatabaseProps) -> Html {
    let save = props.on_save.reform(|_: MouseEvent| ());
    let open = props.on_open.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target().expect("a change has a target").unchecked_into();
        let file = input.files().and_then(|files| files.get(0));
        // Picking the same file again must fire another change.
        input.set_value("");
        file
    });
    let clear = props.on_open.reform(|_: MouseEvent| None);
    let start = match &props.start_file {
        Some((name, bytes)) => html! {
            <span class="start-file">
                { format!("Runs start from {name} ({:.1} KB)", *bytes as f64 / 1024.0) }
                <button data-testid="clear-db" onclick={clear}>{ "Start empty" }</button>
            </span>
        },
        None => html! { <span class="start-file">{ "Runs start from an empty database" }</span> },
    };
    let tools = html! {
        <div class="db-tools">
            { start }
            <label class="button">{ "Open .sqlite…" }
                <input type="file" data-testid="open-db" accept=".sqlite,.sqlite3,.db" onchange={open} />
            </label>
            <button data-testid="download-db" onclick={save} disabled={props.tables.is_empty()}>{ "Download .sqlite" }</button>
        </div>
    };
    if props.tables.is_empty() {
        return html! {
            <div class="database empty" data-testid="database">{ tools }<p>{ "The database has no tables." }</p></div>
        };
    }
    html! {
        <div class="database" data-testid="database">
            { tools }
            { for props.tables.iter().map(|t| {
                let shown = t.rows.len() as u64;
                let count = if t.total_rows > shown {
                    format!("first {shown} of {} rows", t.total_rows)
                } else {
                    format!("{} row{}", t.total_rows, if t.total_rows == 1 { "" } else { "s" })
                };
                html! {
                    <section class="db-table" data-table={t.name.clone()}>
                        <h3>{ &t.name }<span class="count">{ count }</span></h3>
                        <RowsTable columns={t.columns.clone()} rows={t.rows.clone()} />
                    </section>
                }
            }) }
        </div>
    }
}
