//! The lints `cargo xtask test` runs before the tests: `cargo fmt --check`,
//! clippy on every target natively, and clippy on the worker's wasm32 build
//! with `xtask/clippy-wasm/clippy.toml` (std's clock, which panics there, is
//! banned; natively web_time's clock is std's, so only this build can tell).
//! Warnings are errors.

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::run;

pub fn fmt_check() -> Result<()> {
    eprintln!("xtask: cargo fmt --check");
    run(Command::new("cargo").args(["fmt", "--all", "--check"]))
}

pub fn clippy_native() -> Result<()> {
    eprintln!("xtask: clippy (native, every target)");
    run(Command::new("cargo").args([
        "clippy",
        "--quiet",
        "--workspace",
        "--all-targets",
        "--features",
        "retort_app/worker",
        "--",
        "-D",
        "warnings",
    ]))
}

/// Needs the wasm32 target (`setup::web_tools` installs it).
pub fn clippy_wasm(root: &Path) -> Result<()> {
    eprintln!("xtask: clippy (the page and the worker on wasm32)");
    run(Command::new("cargo")
        .args([
            "clippy",
            "--quiet",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "retort_app",
            "--features",
            "worker",
            "--bins",
            "--lib",
            "--",
            "-D",
            "warnings",
        ])
        .env("CLIPPY_CONF_DIR", root.join("xtask/clippy-wasm")))
}
