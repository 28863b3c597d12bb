//! Plain-text tables of results, as the `sqlite3` shell's `.mode table` draws them.

use retort_engine::Outcome;

/// Renders one statement's outcome: a table for rows, a count for changes,
/// nothing for other statements.
pub fn render(outcome: &Outcome) -> String {
    if outcome.columns.is_empty() {
        return match outcome.rows_affected {
            0 => String::new(),
            1 => "1 row affected\n".to_owned(),
            n => format!("{n} rows affected\n"),
        };
    }
    let cells: Vec<Vec<String>> = outcome.rows.iter().map(|row| row.iter().map(ToString::to_string).collect()).collect();
    let widths: Vec<usize> = outcome
        .columns
        .iter()
        .enumerate()
        .map(|(i, name)| cells.iter().map(|row| row[i].chars().count()).chain([name.chars().count()]).max().unwrap_or(0))
        .collect();
    let rule = format!("+{}+\n", widths.iter().map(|w| "-".repeat(w + 2)).collect::<Vec<_>>().join("+"));
    let line = |values: &[String]| {
        let padded: Vec<String> = values.iter().zip(&widths).map(|(v, w)| format!(" {v:<w$} ")).collect();
        format!("|{}|\n", padded.join("|"))
    };
    let mut out = rule.clone();
    out += &line(&outcome.columns);
    out += &rule;
    for row in &cells {
        out += &line(row);
    }
    out += &rule;
    let shown = outcome.rows.len() as u64;
    if outcome.total_rows > shown {
        out += &format!("(first {shown} of {} rows)\n", outcome.total_rows);
    }
    out
}
