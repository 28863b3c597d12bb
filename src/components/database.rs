//! The database browser: every table as the run left it, with its first rows.

use retort_engine::snapshot::TableSnapshot;
use yew::prelude::*;

use super::rows_table::RowsTable;

#[derive(Properties, PartialEq)]
pub struct DatabaseProps {
    pub tables: Vec<TableSnapshot>,
}

#[function_component(Database)]
pub fn database(props: &DatabaseProps) -> Html {
    if props.tables.is_empty() {
        return html! { <div class="database empty" data-testid="database">{ "The database has no tables." }</div> };
    }
    html! {
        <div class="database" data-testid="database">
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
