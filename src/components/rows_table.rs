//! A grid of rows: column names and typed cells (NULL, numbers, text, blobs).

use retort_engine::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RowsTableProps {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

#[function_component(RowsTable)]
pub fn rows_table(props: &RowsTableProps) -> Html {
    html! {
        <table class="rows">
            <thead><tr>{ for props.columns.iter().map(|c| html! { <th>{ c }</th> }) }</tr></thead>
            <tbody>
                { for props.rows.iter().map(|row| html! { <tr>{ for row.iter().map(cell) }</tr> }) }
            </tbody>
        </table>
    }
}

fn cell(value: &Value) -> Html {
    let class = format!("v-{}", value.type_name());
    html! { <td {class}>{ value.to_string() }</td> }
}
