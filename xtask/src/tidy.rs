//! Tidy checks that keep the codebase's habits: every Rust file opens with a
//! `//!` comment saying what it owns, and only the engine crate depends on
//! the engine (`turso_core`), so no other crate can reach it.

use std::path::Path;

use anyhow::{bail, Result};

/// The engine crate's name, and the one package allowed to depend on it.
const ENGINE: &str = "turso_core";
const ADAPTER: &str = "crates/retort_engine/Cargo.toml";

pub fn check(root: &Path) -> Result<()> {
    let mut problems = Vec::new();
    for dir in ["src", "crates", "xtask"] {
        walk(&root.join(dir), &mut |path, text| {
            let rel = path.strip_prefix(root).unwrap_or(path).display().to_string();
            if rel.ends_with(".rs") && !text.trim_start().starts_with("//!") {
                problems.push(format!("{rel}: does not open with a //! comment saying what it owns"));
            }
            if rel.ends_with("Cargo.toml") && rel != ADAPTER && depends_on_engine(text) {
                problems.push(format!("{rel}: depends on {ENGINE}, which only {ADAPTER} may"));
            }
        })?;
    }
    // The root manifest declares the workspace's version of the engine, but its
    // package (the app) must not use it directly.
    let root_manifest = std::fs::read_to_string(root.join("Cargo.toml"))?;
    let package_part = root_manifest.split("[workspace]").next().unwrap_or("");
    if depends_on_engine(package_part) {
        problems.push(format!("Cargo.toml: the app depends on {ENGINE}, which only {ADAPTER} may"));
    }
    if !problems.is_empty() {
        bail!("tidy:\n  {}", problems.join("\n  "));
    }
    Ok(())
}

fn depends_on_engine(manifest: &str) -> bool {
    manifest.lines().any(|line| line.trim_start().starts_with(ENGINE))
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path, &str)) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if !path.ends_with("target") {
                walk(&path, f)?;
            }
        } else if path.extension().is_some_and(|e| e == "rs") || path.ends_with("Cargo.toml") {
            f(&path, &std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::depends_on_engine;

    #[test]
    fn finds_a_dependency_on_the_engine() {
        assert!(depends_on_engine("[dependencies]\nturso_core = { workspace = true }\n"));
        assert!(!depends_on_engine("[dependencies]\nretort_engine = { path = \"../retort_engine\" }\n"));
    }
}
