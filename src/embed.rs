//! Embed mode, for documentation: `?embed=1` gives a compact page for an
//! iframe with the editor, Run and the panes named in
//! `&panes=output,sql,graph,session,db,migrations`, and `&readonly=1`,
//! `&theme=light|dark`, `&autorun=1`. A parent page drives it with
//! `postMessage`: it posts `{type: "retort:run", code}` and gets back
//! `{type: "retort:trace", trace}` (the `retort-trace/1` JSON, with the
//! source `line` of each event). Pure, so tested natively.

use crate::state::Tab;

/// What the query string asks of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub embed: bool,
    /// The output tabs on show, in order (all of them when not embedded).
    pub panes: Vec<Tab>,
    pub read_only: bool,
    /// `light` or `dark`; None follows the system.
    pub theme: Option<&'static str>,
    pub autorun: bool,
}

/// The tab a `panes=` name stands for.
fn pane(name: &str) -> Option<Tab> {
    match name {
        "output" | "results" => Some(Tab::Results),
        "sql" => Some(Tab::SqlLog),
        "session" | "models" => Some(Tab::Session),
        "graph" => Some(Tab::Graph),
        "db" | "database" => Some(Tab::Database),
        "migrations" => Some(Tab::Migrations),
        _ => None,
    }
}

fn truthy(v: &str) -> bool {
    v == "1" || v == "true"
}

/// Reads `?embed=1&panes=...&readonly=1&theme=dark&autorun=1` (autorun
/// also applies to the full page: a share link with `?autorun=1`).
pub fn options(query: &str) -> Options {
    let mut o = Options { panes: Tab::ALL.to_vec(), ..Options::default() };
    let mut panes: Option<Vec<Tab>> = None;
    for part in query.trim_start_matches('?').split('&') {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match key {
            "embed" => o.embed = truthy(value),
            "readonly" => o.read_only = truthy(value),
            "autorun" => o.autorun = truthy(value),
            "theme" => o.theme = ["light", "dark"].into_iter().find(|t| *t == value),
            "panes" => {
                let mut list = Vec::new();
                for tab in value.split(',').filter_map(pane) {
                    if !list.contains(&tab) {
                        list.push(tab);
                    }
                }
                panes = Some(list);
            }
            _ => {}
        }
    }
    if o.embed {
        o.panes = panes.filter(|p| !p.is_empty()).unwrap_or_else(|| vec![Tab::Results, Tab::SqlLog]);
    }
    o
}

/// The `<iframe>` that embeds `page_url` (the playground's address with the
/// code in its fragment).
pub fn snippet(page_url: &str, panes: &str) -> String {
    let (base, fragment) = page_url.split_once('#').unwrap_or((page_url, ""));
    let base = base.split('?').next().unwrap_or(base);
    let hash = if fragment.is_empty() { String::new() } else { format!("#{fragment}") };
    format!(
        "<iframe src=\"{base}?embed=1&amp;panes={panes}{hash}\" width=\"100%\" height=\"480\" \
         style=\"border: 1px solid #ddd; border-radius: 6px\" allow=\"clipboard-write\" loading=\"lazy\" \
         title=\"Retort: a runnable SQLAlchemy snippet\"></iframe>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_whole_unless_embedded() {
        let o = options("");
        assert!(!o.embed && !o.read_only && !o.autorun);
        assert_eq!(o.panes, Tab::ALL.to_vec());
        assert_eq!(options("?panes=sql").panes, Tab::ALL.to_vec(), "panes only apply to embeds");
    }

    #[test]
    fn embeds_show_the_panes_asked_for() {
        let o = options("?embed=1&panes=sql,db,nonsense,sql&readonly=1&theme=dark&autorun=1");
        assert!(o.embed && o.read_only && o.autorun);
        assert_eq!(o.panes, vec![Tab::SqlLog, Tab::Database]);
        assert_eq!(o.theme, Some("dark"));
        assert_eq!(options("?embed=1&theme=purple").theme, None);
        assert_eq!(options("?embed=true").panes, vec![Tab::Results, Tab::SqlLog]);
        assert_eq!(options("?embed=1&panes=output,session").panes, vec![Tab::Results, Tab::Session]);
    }

    #[test]
    fn autorun_is_read_from_the_query() {
        assert!(options("?autorun=1").autorun);
        assert!(options("?x=2&autorun=true").autorun);
        assert!(!options("?autorun=0").autorun);
        assert!(!options("").autorun);
    }

    #[test]
    fn the_snippet_keeps_the_code_and_drops_the_old_query() {
        let s = snippet("https://x.dev/play/?autorun=1#code=v1.abc", "output,sql");
        assert_eq!(
            s,
            "<iframe src=\"https://x.dev/play/?embed=1&amp;panes=output,sql#code=v1.abc\" width=\"100%\" height=\"480\" \
             style=\"border: 1px solid #ddd; border-radius: 6px\" allow=\"clipboard-write\" loading=\"lazy\" \
             title=\"Retort: a runnable SQLAlchemy snippet\"></iframe>"
        );
    }
}
