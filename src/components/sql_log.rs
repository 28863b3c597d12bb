//! The SQL log: every statement the run sent, in order, with its source
//! line, parameters, rows affected, time and error, a preview of the rows
//! it returned, and transaction boundaries; a button copies it as text.

use retort_engine::log::{Event, EventKind, Params, Preview, SqlEvent, TxKind};
use retort_engine::Value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SqlLogProps {
    pub log: std::rc::Rc<Vec<Event>>,
    /// The source line whose statements are highlighted.
    pub selected: Option<u32>,
    /// A click on an entry selects its line.
    pub on_select: Callback<u32>,
    /// The timeline's step: its entries (the ones after it are marked as later).
    #[prop_or_default]
    pub step: Option<std::ops::Range<usize>>,
    /// The table selected in the relationship graph: the statements naming it are marked.
    #[prop_or_default]
    pub table: Option<String>,
    /// Clears the table selection.
    #[prop_or_default]
    pub on_table: Callback<()>,
    /// The log in SQLAlchemy's `echo` format (a Python run's), for the text view.
    #[prop_or_default]
    pub echo: Option<String>,
}

#[function_component(SqlLog)]
pub fn sql_log(props: &SqlLogProps) -> Html {
    // (hooks before any early return: Yew requires the same hooks in the same order on every render)
    let as_echo = use_state(|| false);
    if props.log.is_empty() {
        return html! { <div class="sql-log empty" data-testid="sql-log">{ "No SQL was sent yet." }</div> };
    }
    let text = props.echo.clone().unwrap_or_else(|| as_text(&props.log));
    let echo_view = (*as_echo).then(|| props.echo.clone()).flatten();
    let toggle = props.echo.is_some().then(|| {
        let as_echo = as_echo.clone();
        let label = if *as_echo { "Show entries" } else { "Show as echo text" };
        html! { <button data-testid="echo-view" onclick={Callback::from(move |_: MouseEvent| as_echo.set(!*as_echo))}>{ label }</button> }
    });
    let copy = Callback::from(move |_: MouseEvent| {
        let text = text.clone();
        // Best effort: without clipboard permission nothing happens.
        wasm_bindgen_futures::spawn_local(async move {
            crate::clipboard::copy(&text).await;
        });
    });
    // which entries name the table selected in the graph (none without one)
    let touches: Vec<bool> = props.log.iter().map(|e| props.table.as_deref().is_some_and(|t| e.names_table(t))).collect();
    let table = props.table.as_ref().map(|t| {
        let n = touches.iter().filter(|&&hit| hit).count();
        let clear = props.on_table.reform(|_: MouseEvent| ());
        html! {
            <span class="table-filter" data-testid="table-filter">
                { format!("{n} statement{} name table {t}", if n == 1 { "" } else { "s" }) }
                <button onclick={clear} aria-label="Stop marking the table's statements">{ "×" }</button>
            </span>
        }
    });
    html! {
        <div class="sql-log" data-testid="sql-log">
            <div class="log-tools">{ for toggle }<button data-testid="copy-log" onclick={copy}>{ "Copy as text" }</button>{ for table }</div>
            if let Some(echo) = echo_view {
                <pre class="echo" data-testid="sql-echo">{ echo }</pre>
            } else {
            <ol>{ for props.log.iter().zip(&touches).enumerate().map(|(i, (e, &touches))| {
                entry(e, props.selected, &props.on_select, when(&props.step, i), touches)
            }) }</ol>
            }
        </div>
    }
}

/// Where entry `i` stands to the timeline's step: `before` it, in it (`step`), or `later`.
fn when(step: &Option<std::ops::Range<usize>>, i: usize) -> Option<&'static str> {
    let step = step.as_ref()?;
    Some(if i < step.start {
        "before"
    } else if i < step.end {
        "step"
    } else {
        "later"
    })
}

fn entry(event: &Event, selected: Option<u32>, on_select: &Callback<u32>, when: Option<&'static str>, touches: bool) -> Html {
    let line = event.line.map(|l| format!("line {l}")).unwrap_or_default();
    let is_selected = selected.is_some() && event.line == selected;
    let onclick = event.line.map(|l| on_select.reform(move |_: MouseEvent| l));
    let timing = when.map(|w| format!("at-{w}"));
    match &event.kind {
        EventKind::Tx(kind) => html! {
            <li class={classes!("tx", is_selected.then_some("selected"), timing)} data-testid="sql-entry" data-when={when}
                data-kind={tx_kind(*kind)} data-line={event.line.map(|l| l.to_string())} {onclick}>
                <span class="line">{ line }</span><code>{ tx_name(*kind) }</code>
            </li>
        },
        EventKind::Sql(sql) => html! {
            <li class={classes!("sql", sql.error.is_some().then_some("failed"), is_selected.then_some("selected"), timing, touches.then_some("touches"))}
                data-testid="sql-entry" data-kind="sql" data-line={event.line.map(|l| l.to_string())} data-when={when}
                data-touches={touches.then_some("true")}
                data-many={matches!(sql.params, Params::Many(_)).then_some("true")} {onclick}>
                <span class="line">{ line }</span>
                <pre class="statement" data-testid="sql-text">{ &sql.sql }</pre>
                <div class="meta">
                    <code class="params" data-testid="sql-params" title="parameters">{ params_json(&sql.params) }</code>
                    <span>{ summary(sql) }</span>
                    <span class="time">{ format!("{:.2} ms", event.duration_ms) }</span>
                </div>
                { for sql.error.as_ref().map(|e| html! { <div class="why">{ format!("{}: {}", e.dbapi_class(), e.message) }</div> }) }
                { for sql.preview.as_ref().map(|p| preview(p, sql.rows_returned)) }
            </li>
        },
    }
}

/// The first rows a statement returned, as a small table (folded).
fn preview(p: &Preview, total: u64) -> Html {
    let shown = p.rows.len() as u64;
    let label = if total > shown {
        format!("first {shown} of {total} rows")
    } else if shown == 1 {
        "the row".into()
    } else {
        format!("the {shown} rows")
    };
    let cell = |v: &Value| match v {
        Value::Null => html! { <td class="null">{ "NULL" }</td> },
        other => html! { <td>{ other.to_string() }</td> },
    };
    html! {
        <details class="preview" data-testid="sql-preview" onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
            <summary>{ label }</summary>
            <table>
                <thead><tr>{ for p.columns.iter().map(|c| html! { <th>{ c }</th> }) }</tr></thead>
                <tbody>{ for p.rows.iter().map(|r| html! { <tr>{ for r.iter().map(cell) }</tr> }) }</tbody>
            </table>
        </details>
    }
}

fn tx_kind(kind: TxKind) -> &'static str {
    match kind {
        TxKind::Begin => "begin",
        TxKind::Commit => "commit",
        TxKind::Rollback => "rollback",
    }
}

/// The parameters as JSON, as the oracle trace writes them (FORMAT.md):
/// a list, or a list of lists for an executemany; bytes as `{"bytes": hex}`.
fn params_json(params: &Params) -> String {
    let value = |v: &Value| match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => serde_json::json!(i),
        Value::Real(r) => serde_json::json!(r),
        Value::Text(t) => serde_json::json!(t),
        Value::Blob(b) => serde_json::json!({ "bytes": b.iter().map(|x| format!("{x:02x}")).collect::<String>() }),
    };
    let row = |r: &[Value]| serde_json::Value::Array(r.iter().map(value).collect());
    let json = match params {
        Params::One(r) => row(r),
        Params::Many(rows) => serde_json::Value::Array(rows.iter().map(|r| row(r)).collect()),
    };
    json.to_string()
}

fn tx_name(kind: TxKind) -> &'static str {
    match kind {
        TxKind::Begin => "BEGIN (implicit)",
        TxKind::Commit => "COMMIT",
        TxKind::Rollback => "ROLLBACK",
    }
}

fn summary(sql: &SqlEvent) -> String {
    match (sql.rows_affected, sql.rows_returned) {
        (None, _) => "failed".into(),
        (Some(_), n) if n > 0 => format!("{n} row{} returned", if n == 1 { "" } else { "s" }),
        (Some(0), _) => "done".into(),
        (Some(n), _) => format!("{n} row{} affected", if n == 1 { "" } else { "s" }),
    }
}

/// Parameters as Python's sqlite3 receives them: a tuple, or a list of tuples.
fn params_text(params: &Params) -> String {
    let tuple = |row: &[Value]| {
        let items: Vec<String> = row.iter().map(python_repr).collect();
        if items.len() == 1 {
            format!("({},)", items[0])
        } else {
            format!("({})", items.join(", "))
        }
    };
    match params {
        Params::One(row) if row.is_empty() => String::new(),
        Params::One(row) => tuple(row),
        Params::Many(rows) => format!("[{}]", rows.iter().map(|r| tuple(r)).collect::<Vec<_>>().join(", ")),
    }
}

fn python_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Text(t) => format!("'{}'", t.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Blob(b) => format!("b'{}'", b.iter().map(|x| format!("\\x{x:02x}")).collect::<String>()),
        other => other.to_string(),
    }
}

/// The log as plain text: each statement, its parameters, and the boundaries.
fn as_text(log: &[Event]) -> String {
    let mut out = String::new();
    for event in log {
        match &event.kind {
            EventKind::Tx(kind) => out += &format!("{}\n", tx_name(*kind)),
            EventKind::Sql(sql) => {
                out += &format!("{};\n", sql.sql.trim_end_matches(';'));
                let params = params_text(&sql.params);
                if !params.is_empty() {
                    out += &format!("-- parameters: {params}\n");
                }
            }
        }
    }
    out
}
