//! The Migrations panel's revision scripts as the page holds them: what a
//! script says about itself (message, `down_revision`), the history's order,
//! where Upgrade and Downgrade go, and the text of a hand-written revision.
//! Pure, so tested natively; alembic itself runs in the worker.

use crate::protocol::RevisionScript;

/// A revision's message: the first line of its docstring.
pub fn message(source: &str) -> String {
    let body = source.trim_start();
    let Some(rest) = body.strip_prefix("\"\"\"").or_else(|| body.strip_prefix("'''")) else {
        return String::new();
    };
    rest.lines().next().unwrap_or("").trim().trim_end_matches("\"\"\"").trim().to_owned()
}

/// The revision a script says it follows (`None`: the first one).
pub fn down_revision(source: &str) -> Option<String> {
    let line = source.lines().find(|l| l.trim_start().starts_with("down_revision"))?;
    let value = line.split_once('=')?.1.trim();
    let quoted =
        value.strip_prefix('\'').and_then(|v| v.split_once('\'')).or_else(|| value.strip_prefix('"').and_then(|v| v.split_once('"')));
    quoted.map(|(id, _)| id.to_owned())
}

/// The revisions from the first to the newest, following `down_revision`
/// (scripts that do not fit the chain come last, in the order given).
pub fn history(revisions: &[RevisionScript]) -> Vec<&RevisionScript> {
    let mut out: Vec<&RevisionScript> = Vec::new();
    let mut previous: Option<String> = None;
    while let Some(next) = revisions.iter().find(|r| down_revision(&r.source) == previous && !out.iter().any(|o| o.id == r.id)) {
        out.push(next);
        previous = Some(next.id.clone());
    }
    for r in revisions {
        if !out.iter().any(|o| o.id == r.id) {
            out.push(r);
        }
    }
    out
}

/// Where "Downgrade one" goes from `current`: its down revision, or `base`.
pub fn downgrade_target(revisions: &[RevisionScript], current: Option<&str>) -> Option<String> {
    let current = revisions.iter().find(|r| Some(r.id.as_str()) == current)?;
    Some(down_revision(&current.source).unwrap_or_else(|| "base".to_owned()))
}

/// A hand-written revision (`flask db revision -m MESSAGE`) after `down`.
pub fn empty_revision(id: &str, down: Option<&str>, message: &str) -> String {
    let message = if message.trim().is_empty() { "empty message" } else { message.trim() };
    let down_repr = down.map_or("None".to_owned(), |d| format!("'{d}'"));
    format!(
        "\"\"\"{message}\n\nRevision ID: {id}\nRevises: {}\nCreate Date: \n\n\"\"\"\nfrom typing import Sequence, Union\n\n\
         from alembic import op\nimport sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\nrevision: str = '{id}'\n\
         down_revision: Union[str, Sequence[str], None] = {down_repr}\nbranch_labels: Union[str, Sequence[str], None] = None\n\
         depends_on: Union[str, Sequence[str], None] = None\n\n\ndef upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    pass\n\n\n\
         def downgrade() -> None:\n    \"\"\"Downgrade schema.\"\"\"\n    pass\n",
        down.unwrap_or("")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(id: &str, down: Option<&str>) -> RevisionScript {
        RevisionScript { id: id.into(), source: empty_revision(id, down, &format!("step {id}")) }
    }

    #[test]
    fn a_script_says_its_message_and_predecessor() {
        let r = rev("b2", Some("a1"));
        assert_eq!(message(&r.source), "step b2");
        assert_eq!(down_revision(&r.source).as_deref(), Some("a1"));
        assert_eq!(down_revision(&rev("a1", None).source), None);
        assert_eq!(down_revision("down_revision = \"x\"\n").as_deref(), Some("x"));
        assert_eq!(message("no docstring"), "");
    }

    #[test]
    fn history_follows_down_revisions() {
        let revs = vec![rev("c3", Some("b2")), rev("a1", None), rev("zz", Some("nope")), rev("b2", Some("a1"))];
        let ids: Vec<&str> = history(&revs).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a1", "b2", "c3", "zz"]);
        assert_eq!(downgrade_target(&revs, Some("c3")).as_deref(), Some("b2"));
        assert_eq!(downgrade_target(&revs, Some("a1")).as_deref(), Some("base"));
        assert_eq!(downgrade_target(&revs, None), None);
    }

    #[test]
    fn an_empty_revision_is_valid_python_alembic_can_load() {
        let text = empty_revision("abc123", Some("def456"), "");
        assert!(text.starts_with("\"\"\"empty message\n\nRevision ID: abc123\nRevises: def456\n"));
        assert!(text.contains("revision: str = 'abc123'\ndown_revision: Union[str, Sequence[str], None] = 'def456'\n"));
        let (result, _) = retort_runtime::run(
            &format!("{text}\nupgrade(); downgrade(); print(revision, down_revision)"),
            retort_python::Budget::default(),
        );
        assert_eq!(result.error.map(|e| e.message), None);
        assert_eq!(result.stdout, "abc123 def456\n");
    }
}
