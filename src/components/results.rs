//! The results of a run: one block per statement, a table for rows
//! (the first rows of a large result, and how many there were in all).

use retort_engine::console::{ScriptRun, StatementResult};
use yew::prelude::*;

use super::rows_table::RowsTable;
use crate::protocol::PythonRun;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub run: Option<std::rc::Rc<ScriptRun>>,
    /// A Python run's output, shown instead of statement results.
    #[prop_or_default]
    pub python: Option<std::rc::Rc<PythonRun>>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    if let Some(py) = &props.python {
        return html! {
            <div class="results python" data-testid="results">
                <pre class="stdout" data-testid="stdout">{ &py.stdout }</pre>
                if !py.stderr.is_empty() {
                    <pre class="stderr" data-testid="stderr">{ &py.stderr }</pre>
                }
            </div>
        };
    }
    let Some(run) = &props.run else {
        return html! { <div class="results empty" data-testid="results">{ "Results appear here." }</div> };
    };
    if run.results.is_empty() && run.error.is_none() {
        return html! { <div class="results empty" data-testid="results">{ "Nothing to run: the editor holds no SQL statement." }</div> };
    }
    html! {
        <div class="results" data-testid="results">
            { for run.results.iter().map(statement) }
        </div>
    }
}

fn statement(result: &StatementResult) -> Html {
    let outcome = &result.outcome;
    let summary = if outcome.columns.is_empty() {
        match outcome.rows_affected {
            0 => "done".to_owned(),
            1 => "1 row affected".to_owned(),
            n => format!("{n} rows affected"),
        }
    } else if outcome.total_rows > outcome.rows.len() as u64 {
        format!("first {} of {} rows", outcome.rows.len(), outcome.total_rows)
    } else {
        format!("{} row{}", outcome.total_rows, if outcome.total_rows == 1 { "" } else { "s" })
    };
    let table =
        (!outcome.columns.is_empty()).then(|| html! { <RowsTable columns={outcome.columns.clone()} rows={outcome.rows.clone()} /> });
    html! {
        <div class="statement" data-line={result.line.to_string()}>
            <div class="statement-head">
                <span class="line">{ format!("line {}", result.line) }</span>
                <code class="sql">{ first_line(&result.sql) }</code>
                <span class="summary">{ summary }</span>
            </div>
            { for table }
        </div>
    }
}

fn first_line(sql: &str) -> String {
    let line = sql.lines().find(|l| !l.trim().is_empty() && !l.trim_start().starts_with("--")).unwrap_or(sql);
    if line.chars().count() > 80 {
        format!("{}…", line.chars().take(80).collect::<String>())
    } else {
        line.to_owned()
    }
}
