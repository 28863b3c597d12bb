//! `cargo xtask record FILE...`: records what real SQLAlchemy does for one
//! oracle case or a few (`tests/oracle/DIR/NAME.py` -> `NAME.trace.json`
//! beside it), through the fidelity oracle (`../shared/oracle/oracle.py`,
//! or the script `RETORT_ORACLE` names), which runs the pinned stack.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Where the oracle script is.
fn oracle(root: &Path) -> PathBuf {
    std::env::var_os("RETORT_ORACLE").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/oracle/oracle.py"))
}

pub fn record(root: &Path, files: &[String]) -> Result<()> {
    if files.is_empty() {
        bail!("usage: cargo xtask record tests/oracle/DIR/NAME.py...");
    }
    let oracle = oracle(root);
    if !oracle.exists() {
        bail!("the oracle is not at {} (set RETORT_ORACLE to its oracle.py)", oracle.display());
    }
    for file in files {
        let case = Path::new(file);
        if case.extension().is_none_or(|e| e != "py") || !case.exists() {
            bail!("{file}: not a case (a .py file under tests/oracle/)");
        }
        if case.parent().and_then(Path::file_name).is_some_and(|d| d == "echo" || d == "warnings") {
            bail!("{file}: echo and warnings cases record stderr by hand (tests/oracle/README.md)");
        }
        let out = Command::new("python3").arg(&oracle).arg("trace").arg(case).output().context("cannot start python3")?;
        if !out.status.success() {
            bail!("the oracle failed on {file}:\n{}", String::from_utf8_lossy(&out.stderr));
        }
        let target = case.with_extension("trace.json");
        std::fs::write(&target, &out.stdout).with_context(|| format!("cannot write {}", target.display()))?;
        eprintln!("xtask: recorded {}", target.display());
    }
    Ok(())
}
