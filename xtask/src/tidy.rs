//! Tidy checks that keep the codebase's habits, run first by `cargo xtask
//! test`: every Rust file opens with a `//!` comment and every Python module
//! with a docstring saying what it owns; no source file is over
//! [`MAX_LINES`]; each crate depends on exactly the crates its arrow in
//! ARCHITECTURE.md names (so only the engine crate reaches `turso_core`);
//! no file git ignores (something a build or a run generates) is
//! committed; and commit subjects stay short (the detail goes in the body).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The most lines a source file (Rust or Python) may have.
const MAX_LINES: usize = 1200;

/// The longest commit subject; the detail goes in the body.
const MAX_SUBJECT: usize = 72;

/// The first commit whose subject is checked (earlier ones predate the rule).
const FIRST_CHECKED_COMMIT: &str = "722476adb28ca4705fd70f5c99bc882a349c1da9";

pub fn check(root: &Path) -> Result<()> {
    let mut problems = Vec::new();
    for dir in ["src", "crates", "xtask"] {
        walk(&root.join(dir), &mut |path, text| {
            let rel = path.strip_prefix(root).unwrap_or(path).display().to_string();
            problems.extend(file_problems(&rel, text));
        })?;
    }
    problems.extend(dependency_problems(root)?);
    problems.extend(committed_generated_files(root));
    problems.extend(long_commit_subjects(root));
    if !problems.is_empty() {
        bail!("tidy:\n  {}", problems.join("\n  "));
    }
    Ok(())
}

/// What is wrong with one source file (`rel`: its path from the root).
fn file_problems(rel: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let source = rel.ends_with(".rs") || rel.ends_with(".py");
    if rel.ends_with(".rs") && !text.trim_start().starts_with("//!") {
        problems.push(format!("{rel}: does not open with a //! comment saying what it owns"));
    }
    if rel.ends_with(".py") && !text.trim().is_empty() && !opens_with_docstring(text) {
        problems.push(format!("{rel}: does not open with a docstring saying what it owns"));
    }
    let lines = text.lines().count();
    if source && lines > MAX_LINES {
        problems.push(format!("{rel}: {lines} lines, over {MAX_LINES}: split it by what its parts own"));
    }
    problems
}

/// A module's docstring comes first (after a part's `# Part of ...` line).
fn opens_with_docstring(text: &str) -> bool {
    let body = text.trim_start();
    let body = match body.strip_prefix("# Part of ") {
        Some(rest) => rest.split_once('\n').map_or("", |(_, r)| r).trim_start(),
        None => body,
    };
    body.starts_with("\"\"\"") || body.starts_with("r\"\"\"")
}

/// Each workspace crate's `[dependencies]` on the project's crates (and on
/// `turso_core`) against the arrows of ARCHITECTURE.md's dependency block.
fn dependency_problems(root: &Path) -> Result<Vec<String>> {
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).context("ARCHITECTURE.md")?;
    let arrows = arrows(&architecture)?;
    let mut manifests = vec![("retort_app".to_owned(), root.join("Cargo.toml"))];
    for entry in std::fs::read_dir(root.join("crates"))? {
        let path = entry?.path();
        if path.join("Cargo.toml").exists() {
            manifests.push((path.file_name().unwrap_or_default().to_string_lossy().into_owned(), path.join("Cargo.toml")));
        }
    }
    manifests.push(("xtask".to_owned(), root.join("xtask/Cargo.toml")));
    let mut problems = Vec::new();
    for (name, manifest) in &manifests {
        let used = dependencies(&std::fs::read_to_string(manifest)?);
        match arrows.get(name) {
            None => problems.push(format!("ARCHITECTURE.md: no arrow for {name} in its dependency block")),
            Some(allowed) if *allowed != used => {
                problems.push(format!("{name}: depends on {used:?}, but ARCHITECTURE.md's arrow says {allowed:?}"))
            }
            Some(_) => {}
        }
    }
    for name in arrows.keys() {
        if !manifests.iter().any(|(n, _)| n == name) {
            problems.push(format!("ARCHITECTURE.md: an arrow for {name}, which is no crate of the workspace"));
        }
    }
    Ok(problems)
}

/// The ```dependencies block: `crate -> a, b` per line.
fn arrows(architecture: &str) -> Result<BTreeMap<String, Vec<String>>> {
    let start = architecture.find("```dependencies\n").context("ARCHITECTURE.md has no ```dependencies block")?;
    let block = &architecture[start + "```dependencies\n".len()..];
    let block = &block[..block.find("```").context("the dependencies block is not closed")?];
    let mut arrows = BTreeMap::new();
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        let (from, to) = line.split_once("->").with_context(|| format!("not an arrow: {line}"))?;
        let mut to: Vec<String> = to.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect();
        to.sort();
        arrows.insert(from.trim().to_owned(), to);
    }
    Ok(arrows)
}

/// The project's crates (and `turso_core`) a manifest's `[dependencies]` names, sorted.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_dependencies = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_dependencies = line == "[dependencies]";
            continue;
        }
        let name = line.split(['=', ' ']).next().unwrap_or("");
        if in_dependencies && (name.starts_with("retort_") || name == "turso_core") {
            names.push(name.to_owned());
        }
    }
    names.sort();
    names
}

/// Files git tracks although it ignores them: what a build or a run
/// generated (bundles, databases) committed by mistake. Outside a git
/// checkout there is nothing to check.
fn committed_generated_files(root: &Path) -> Vec<String> {
    let Ok(out) = Command::new("git").args(["ls-files", "--cached", "--ignored", "--exclude-standard"]).current_dir(root).output() else {
        return Vec::new();
    };
    String::from_utf8_lossy(&out.stdout).lines().map(|f| format!("{f}: generated (git ignores it) but committed")).collect()
}

/// Commits since [`FIRST_CHECKED_COMMIT`] whose subject is over
/// [`MAX_SUBJECT`] characters (nothing to check outside a git checkout, or
/// in a shallow one without that commit).
fn long_commit_subjects(root: &Path) -> Vec<String> {
    let range = format!("{FIRST_CHECKED_COMMIT}^..HEAD");
    let Ok(out) = Command::new("git").args(["log", "--format=%h %s", &range]).current_dir(root).output() else {
        return Vec::new();
    };
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_once(' '))
        .filter(|(_, subject)| subject.chars().count() > MAX_SUBJECT)
        .map(|(hash, subject)| format!("commit {hash}: its subject has {} characters, over {MAX_SUBJECT}", subject.chars().count()))
        .collect()
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path, &str)) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            // (a fuzzer's corpus is data, not source)
            if !["target", "node_modules", "corpus", "crashes"].iter().any(|d| path.ends_with(d)) {
                walk(&path, f)?;
            }
        } else if path.extension().is_some_and(|e| e == "rs" || e == "py") {
            f(&path, &std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{arrows, dependencies, file_problems};

    #[test]
    fn reads_the_project_crates_a_manifest_depends_on() {
        let manifest = "[dependencies]\nturso_core = { workspace = true }\nserde = \"1\"\nretort_sql = { path = \"../retort_sql\" }\n\
                        [dev-dependencies]\nretort_heap = { path = \"../retort_heap\" }\n";
        assert_eq!(dependencies(manifest), ["retort_sql", "turso_core"]);
    }

    #[test]
    fn reads_the_arrows() {
        let doc = "text\n```dependencies\nretort_orm -> retort_sql\nretort_sql ->\n```\n";
        let arrows = arrows(doc).unwrap();
        assert_eq!(arrows["retort_orm"], ["retort_sql"]);
        assert!(arrows["retort_sql"].is_empty());
    }

    #[test]
    fn a_module_says_what_it_owns_and_stays_small() {
        assert!(file_problems("a.py", "\"\"\"Owns x.\"\"\"\nx = 1\n").is_empty());
        assert!(file_problems("a.py", "# Part of p: ...\n\"\"\"Owns x.\"\"\"\n").is_empty());
        assert!(file_problems("a/__init__.py", "").is_empty());
        assert_eq!(file_problems("a.py", "x = 1\n").len(), 1);
        assert_eq!(file_problems("a.rs", "fn f() {}\n").len(), 1);
        assert_eq!(file_problems("a.rs", &"//! x\n".repeat(1201)).len(), 1);
    }
}
