//! Tidy checks that keep the codebase's habits: every Rust file opens with a
//! `//!` comment saying what it owns, and only the engine crate names
//! `turso_core`.

use std::path::Path;

use anyhow::{bail, Result};

pub fn check(root: &Path) -> Result<()> {
    let mut problems = Vec::new();
    for dir in ["src", "crates", "xtask/src"] {
        walk(&root.join(dir), &mut |path, text| {
            let rel = path.strip_prefix(root).unwrap_or(path).display().to_string();
            if !text.trim_start().starts_with("//!") {
                problems.push(format!("{rel}: does not open with a //! comment saying what it owns"));
            }
            if text.contains("turso_core") && !rel.starts_with("crates/retort_engine/") {
                problems.push(format!("{rel}: names turso_core, which only crates/retort_engine may touch"));
            }
        })?;
    }
    if !problems.is_empty() {
        bail!("tidy:\n  {}", problems.join("\n  "));
    }
    Ok(())
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path, &str)) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if !path.ends_with("target") {
                walk(&path, f)?;
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            f(&path, &std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}
