//! `cargo xtask bench`: how big and how fast the playground is. Figures, not
//! assertions: sizes of the app's and the worker's wasm (raw and gzip), the
//! gzip transfer of a cold load, and, in headless Chromium, the median of 5
//! cold loads for "editor interactive" and "ready to run", then what the
//! worker's wasm is made of (twiggy, when installed), and the Python
//! interpreter's workload against CPython (`crates/retort_python/examples/bench.rs`)
//! and SQLAlchemy's unified tutorial (its doctest script) against CPython.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::{serve, setup};

pub fn run(root: &Path) -> Result<()> {
    let dist = root.join("dist");
    println!("== sizes (dist/)");
    let mut total_raw = 0;
    let mut total_gzip = 0;
    let mut files = Vec::new();
    collect(&dist, &mut files)?;
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file)?;
        let gzip = gzip_len(&bytes)?;
        total_raw += bytes.len();
        total_gzip += gzip;
        let name = file.strip_prefix(&dist)?.display().to_string();
        println!("{name:<60} {:>10} raw {:>10} gzip", kb(bytes.len()), kb(gzip));
    }
    println!("{:<60} {:>10} raw {:>10} gzip  (cold load: the page fetches every file)", "total", kb(total_raw), kb(total_gzip));

    println!("\n== start-up in headless Chromium (median of 5 cold loads)");
    let server = serve::spawn(&dist, 0)?;
    let script = root.join("tests/browser/bench.mjs");
    crate::run(Command::new("node").arg(script).env("RETORT_URL", server.url()).env("PATH", setup::path_with_node_bin(root)))?;

    println!("\n== the engine natively (release): the statement cache");
    crate::run(Command::new("cargo").args(["bench", "--quiet", "-p", "retort_engine", "--bench", "statements"]))?;

    println!("\n== the Python interpreter natively (profile native) against CPython in the same run");
    crate::run(Command::new("cargo").args(["run", "--quiet", "--profile", "native", "-p", "retort_python", "--example", "bench"]))?;
    println!("\n== SQLAlchemy Core natively (profile native) against CPython with SQLAlchemy and the raw engine");
    crate::run(Command::new("cargo").args(["run", "--quiet", "--profile", "native", "-p", "retort_runtime", "--example", "bench"]))?;
    println!("\n== SQLAlchemy's unified tutorial, its 341 doctest examples as one script, natively: process start to exit");
    tutorial(root)?;
    println!("\n== the same interpreter benchmark in wasm (wasm32-wasip1 in Node's V8)");
    crate::run(Command::new("rustup").args(["target", "add", "wasm32-wasip1"]))?;
    crate::run(Command::new("cargo").args([
        "build",
        "--quiet",
        "--profile",
        "native",
        "--target",
        "wasm32-wasip1",
        "-p",
        "retort_python",
        "--example",
        "bench",
    ]))?;
    let wasm = root.join("target/wasm32-wasip1/native/examples/bench.wasm");
    crate::run(Command::new("node").arg("--no-warnings").arg(root.join("tests/bench/wasi.mjs")).arg(&wasm))?;

    println!("\n== what the worker's wasm is made of (before wasm-opt, with names)");
    let worker = root.join("target/wasm32-unknown-unknown/release/worker.wasm");
    let out = Command::new("twiggy").args(["top", "-n", "20"]).arg(&worker).output().context("twiggy")?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    Ok(())
}

/// The tutorial's doctest script on Retort (release) and on CPython with
/// SQLAlchemy 2.1.9, each run 5 times, medians compared; not run (said so)
/// when the documentation cannot be fetched (`cargo xtask bench tutorial`
/// runs only this).
pub fn tutorial(root: &Path) -> Result<()> {
    let script = match crate::doctest::tutorial_script(root) {
        Ok(script) => script,
        Err(e) => {
            println!("not run: {e:#}");
            return Ok(());
        }
    };
    let (retort, cpython) = crate::doctest::programs(root)?;
    let retort_ms = median_run(&retort, &script)?;
    let cpython_ms = median_run(&cpython, &script)?;
    println!("{:<40} {retort_ms:>8.0} ms", "Retort (target/release/retort run)");
    println!("{:<40} {cpython_ms:>8.0} ms", "CPython + SQLAlchemy 2.1.9");
    println!("{:<40} {:>8.2}x", "CPython / Retort", cpython_ms / retort_ms);
    Ok(())
}

/// The median wall time, in milliseconds, of 5 runs of `program script`.
fn median_run(program: &[String], script: &Path) -> Result<f64> {
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let out =
            Command::new(&program[0]).args(&program[1..]).arg(script).output().with_context(|| format!("cannot start {}", program[0]))?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if !out.status.success() {
            anyhow::bail!("{} exited with {}: {}", program[0], out.status, String::from_utf8_lossy(&out.stderr));
        }
    }
    times.sort_by(f64::total_cmp);
    Ok(times[2])
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("{} (run `cargo xtask dist`)", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
