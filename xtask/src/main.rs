//! `cargo xtask`: the project's automation, one binary with few dependencies.
//!
//! - `serve [--port N]`: install what is missing, build the release site, serve it on 127.0.0.1.
//! - `test`: tidy, the lints ([`lint`]), every Rust test, a short fuzz run, the documentation's
//!   examples ([`doctest`] `--check`), the browser tests,
//!   and a smoke test of the page's debug build.
//! - `dist`: the static site into `dist/`.
//! - `bench`: sizes, cold-load transfer and start-up times in headless Chromium;
//!   `bench tutorial`: only SQLAlchemy's unified tutorial, Retort against CPython.
//! - `record FILE...`: real SQLAlchemy's trace of oracle cases, through `../shared/oracle` ([`record`]).
//! - `doctest`: SQLAlchemy's documentation examples, run as its own tests run them ([`doctest`]).
//! - `surface [--check]`: the real packages' public names in Retort ([`surface`]).
//! - `tidy`: the repository's own rules ([`tidy`]).
//!
//! Each installs what it needs and only that (see [`setup`]), and is quick when
//! everything is present.

mod bench;
mod doctest;
mod lint;
mod record;
mod serve;
mod setup;
mod surface;
mod tidy;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    std::env::set_current_dir(&root)?;
    match args.first().map(String::as_str) {
        Some("serve") => {
            let port = match args.iter().position(|a| a == "--port") {
                Some(i) => args.get(i + 1).context("--port needs a number")?.parse()?,
                None => 8080,
            };
            dist(&root)?;
            serve::serve_forever(&root.join("dist"), port)
        }
        Some("dist") => dist(&root),
        Some("test") => test(&root),
        Some("bench") if args.get(1).map(String::as_str) == Some("tutorial") => bench::tutorial(&root),
        Some("bench") => {
            dist(&root)?;
            setup::chromium()?;
            setup::twiggy()?;
            bench::run(&root)
        }
        Some("record") => record::record(&root, &args[1..]),
        Some("doctest") => doctest::run(&root, &args[1..]),
        Some("surface") => surface::run(&root, &args[1..]),
        Some("tidy") => tidy::check(&root),
        _ => bail!(
            "usage: cargo xtask serve [--port N] | test | dist | bench [tutorial] | record FILE... | doctest [--cpython|--check|--record] | surface [--check] | tidy"
        ),
    }
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the project root").to_path_buf()
}

/// Builds the release site into `dist/`.
fn dist(root: &Path) -> Result<()> {
    trunk_build(root, &["--release"], "the site (trunk build --release)")
}

/// Builds the site with the dev profile into `dist-debug/`: Yew checks
/// there what the release build does not (a hook called conditionally).
fn dist_debug(root: &Path) -> Result<()> {
    trunk_build(root, &["--dist", "dist-debug"], "the debug site (trunk build, into dist-debug/)")
}

/// `trunk build --offline ARGS`, with what it needs installed.
fn trunk_build(root: &Path, args: &[&str], what: &str) -> Result<()> {
    setup::web_tools(root)?;
    eprintln!("xtask: building {what}");
    run(Command::new("trunk").args(["build", "--offline"]).args(args).env("PATH", setup::path_with_node_bin(root)))
}

fn test(root: &Path) -> Result<()> {
    eprintln!("xtask: tidy");
    tidy::check(root)?;
    lint::fmt_check()?;
    lint::clippy_native()?;
    eprintln!("xtask: Rust tests");
    run(Command::new("cargo").args(["test", "--workspace", "--quiet"]))?;
    eprintln!("xtask: a short fuzz run of the Python interpreter");
    run(Command::new("cargo").args(["run", "--quiet", "-p", "retort_python", "--example", "fuzz", "--", "20"]))?;
    eprintln!("xtask: SQLAlchemy's documentation examples, against the known failures");
    doctest::run(root, &["--check".to_owned()])?;
    eprintln!("xtask: the real packages' API surface, against docs/surface.md");
    surface::run(root, &["--check".to_owned()])?;
    dist(root)?;
    lint::clippy_wasm(root)?;
    setup::chromium()?;
    eprintln!("xtask: browser tests");
    let server = serve::spawn(&root.join("dist"), 0)?;
    let mut node = Command::new("node");
    node.args(["--test", "--test-reporter=spec", "--test-concurrency=1"]).env("RETORT_URL", server.url());
    for entry in std::fs::read_dir(root.join("tests/browser"))? {
        let path = entry?.path();
        if path.to_string_lossy().ends_with(".test.mjs") {
            node.arg(path);
        }
    }
    run(&mut node)?;
    dist_debug(root)?;
    eprintln!("xtask: the debug build's smoke test");
    let debug = serve::spawn(&root.join("dist-debug"), 0)?;
    run(Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .arg(root.join("tests/browser/debug_build.smoke.mjs"))
        .env("RETORT_URL", debug.url()))
}

/// Runs a command, failing with its name if it fails.
pub(crate) fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    if !status.success() {
        bail!("{:?} failed: {status}", cmd.get_program());
    }
    Ok(())
}
