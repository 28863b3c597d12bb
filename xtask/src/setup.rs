//! Installs what a command needs, only if it is missing: the wasm32 target,
//! Trunk, wasm-bindgen-cli at the pinned version, the npm packages (esbuild,
//! CodeMirror, binaryen's wasm-opt, playwright-core) and Chromium.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

use crate::run;

const TRUNK: &str = "0.21.14";
/// Must equal the `wasm-bindgen = "=…"` pin in the root Cargo.toml.
const WASM_BINDGEN: &str = "0.2.130";

/// `PATH` with `www/node_modules/.bin` first, where wasm-opt and esbuild live.
pub fn path_with_node_bin(root: &Path) -> String {
    let bin = root.join("www/node_modules/.bin");
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Everything `trunk build` needs.
pub fn web_tools(root: &Path) -> Result<()> {
    if !output("rustup", &["target", "list", "--installed"]).is_some_and(|t| t.contains("wasm32-unknown-unknown")) {
        eprintln!("xtask: installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if output("trunk", &["--version"]).is_none_or(|v| v.trim() != format!("trunk {TRUNK}")) {
        eprintln!("xtask: installing trunk {TRUNK} (about 10 minutes, once)");
        run(Command::new("cargo").args(["install", "trunk", "--locked", "--version", TRUNK]))?;
    }
    if output("wasm-bindgen", &["--version"]).is_none_or(|v| v.trim() != format!("wasm-bindgen {WASM_BINDGEN}")) {
        eprintln!("xtask: installing wasm-bindgen-cli {WASM_BINDGEN}");
        // `--locked` fails for this version; the plain install works.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", WASM_BINDGEN, "--force"]))?;
    }
    npm(root)
}

/// `npm ci` in www/ when its node_modules is missing or older than the lock file.
fn npm(root: &Path) -> Result<()> {
    let www = root.join("www");
    let lock = www.join("package-lock.json");
    let installed = www.join("node_modules/.package-lock.json");
    let stale = match (std::fs::metadata(&lock), std::fs::metadata(&installed)) {
        (Ok(lock), Ok(installed)) => lock.modified()? > installed.modified()?,
        _ => true,
    };
    if stale {
        eprintln!("xtask: npm ci");
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&www)).context("npm ci")?;
    }
    Ok(())
}

/// twiggy, for the benchmark's breakdown of the worker's wasm.
pub fn twiggy() -> Result<()> {
    if output("twiggy", &["--version"]).is_none() {
        eprintln!("xtask: installing twiggy (a few minutes, once)");
        run(Command::new("cargo").args(["install", "twiggy", "--locked"]))?;
    }
    Ok(())
}

/// Debian's Chromium, for the browser tests and the benchmark.
pub fn chromium() -> Result<()> {
    if Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    eprintln!("xtask: installing chromium (apt-get)");
    run(Command::new("apt-get").arg("update").arg("-qq"))?;
    run(Command::new("apt-get").args(["install", "-y", "-qq", "chromium", "chromium-driver"]).env("DEBIAN_FRONTEND", "noninteractive"))
}
