//! `cargo xtask doctest`: SQLAlchemy's own documentation as the acceptance
//! suite, run as its `test/base/test_tutorials.py` runs it (the same files
//! in the same groups, the same doctest flags, the engine's log in the
//! output, tables created in key order).
//!
//! - `cargo xtask doctest`: runs every group in Retort and prints per file
//!   `FILE: P/T examples pass`, each failing example (file, line, source,
//!   expected, got) and `doctests: P/T examples pass`.
//! - `--cpython`: the same runner on CPython with real SQLAlchemy (the
//!   oracle's virtual environment): proves the runner, not Retort.
//! - `--check`: fails when an example outside `tests/doctest/known_failures.txt`
//!   fails or one on it passes (what `cargo xtask test` runs).
//! - `--record`: rewrites that list from this run.
//!
//! Parsing ([`parse`]) and comparing ([`check`]) are here, in Rust; the
//! examples run through `xtask/doctest/driver.py`, the same file on both.

mod check;
mod fetch;
mod parse;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use check::Got;
use parse::Example;

/// test_tutorials.py's groups: the files of one group run in one namespace.
const GROUPS: &[&[&str]] = &[
    &[
        "tutorial/index.rst",
        "tutorial/engine.rst",
        "tutorial/dbapi_transactions.rst",
        "tutorial/metadata.rst",
        "tutorial/data.rst",
        "tutorial/data_insert.rst",
        "tutorial/data_select.rst",
        "tutorial/data_update.rst",
        "tutorial/orm_data_manipulation.rst",
        "tutorial/orm_related_objects.rst",
    ],
    &["core/operators.rst"],
    &["orm/queryguide/_plain_setup.rst", "orm/queryguide/select.rst", "orm/queryguide/api.rst", "orm/queryguide/_end_doctest.rst"],
    &["orm/queryguide/inheritance.rst"],
    &["orm/queryguide/dml.rst"],
    &["orm/large_collections.rst"],
    &["orm/queryguide/columns.rst"],
    &["orm/quickstart.rst"],
];

const KNOWN_FAILURES: &str = "tests/doctest/known_failures.txt";

/// Where the examples run.
#[derive(Clone, Copy, PartialEq)]
enum On {
    Retort,
    CPython,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let on = if args.iter().any(|a| a == "--cpython") { On::CPython } else { On::Retort };
    let (check_list, record) = (args.iter().any(|a| a == "--check"), args.iter().any(|a| a == "--record"));
    let sdist = match fetch::sdist(root) {
        Ok(dir) => dir,
        Err(e) if check_list => {
            // CI without the sdist: said plainly, not passed silently
            eprintln!("xtask: doctest NOT RUN: {e:#}");
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let doc = sdist.join("doc/build");
    let program = match on {
        On::Retort => retort_binary(root)?,
        On::CPython => cpython()?,
    };
    let mut failures = Vec::new();
    let (mut passed, mut tried) = (0, 0);
    for group in GROUPS {
        let examples = group_examples(&doc, group)?;
        let results = run_group(root, &program, group, &examples)?;
        let mut per_file: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (example, got) in examples.iter().zip(results) {
            let entry = per_file.entry(example.file.as_str()).or_default();
            entry.1 += 1;
            if check::passes(&example.want, example.exc_msg.as_deref(), &got) {
                entry.0 += 1;
            } else {
                failures.push((example.clone(), got));
            }
        }
        for file in group.iter().copied().chain(per_file.keys().copied().filter(|f| !group.contains(f)).collect::<Vec<_>>()) {
            let (p, t) = per_file.get(file).copied().unwrap_or_default();
            println!("{file}: {p}/{t} examples pass");
        }
        let (p, t) = per_file.values().fold((0, 0), |(a, b), (p, t)| (a + p, b + t));
        println!("  group {}: {p}/{t} ({:.1} %)", group[0], percent(p, t));
        passed += p;
        tried += t;
    }
    let details: String = failures.iter().map(|(e, got)| failure_text(e, got)).collect();
    let report = root.join("target/doctest/failures.txt");
    std::fs::write(&report, &details)?;
    if !check_list {
        print!("{details}");
    }
    eprintln!("xtask: the failing examples, with what each expected and got: {}", report.display());
    println!("doctests: {passed}/{tried} examples pass ({:.1} %)", percent(passed, tried));
    let list = root.join(KNOWN_FAILURES);
    if record {
        write_known(&list, &failures)?;
        eprintln!("xtask: wrote {} ({} examples)", list.display(), failures.len());
    }
    if check_list {
        compare_known(&list, &failures)?;
    }
    Ok(())
}

fn percent(p: usize, t: usize) -> f64 {
    if t == 0 {
        100.0
    } else {
        p as f64 * 100.0 / t as f64
    }
}

/// The examples of a group's files, in order, skipped ones left out (as
/// doctest does not count them).
fn group_examples(doc: &Path, group: &[&str]) -> Result<Vec<Example>> {
    let mut out = Vec::new();
    for fname in group {
        for test in parse::tests_of(doc, fname)? {
            out.extend(parse::examples(&test).with_context(|| format!("parsing {}", test.name))?.into_iter().filter(|e| !e.skip));
        }
    }
    Ok(out)
}

/// The unified tutorial's group as one script (the driver and its 341
/// examples), the same file on Retort and CPython: what `cargo xtask bench`
/// times from process start to exit.
pub fn tutorial_script(root: &Path) -> Result<PathBuf> {
    let doc = fetch::sdist(root)?.join("doc/build");
    let group = GROUPS[0];
    script_for(root, group, &group_examples(&doc, group)?)
}

/// Retort's and CPython's command lines, as the doctest runs them.
pub fn programs(root: &Path) -> Result<(Vec<String>, Vec<String>)> {
    Ok((retort_binary(root)?, cpython()?))
}

/// The driver followed by the group's examples, written under `target/doctest/run`.
fn script_for(root: &Path, group: &[&str], examples: &[Example]) -> Result<PathBuf> {
    let driver = std::fs::read_to_string(root.join("xtask/doctest/driver.py"))?;
    let mut script = driver;
    script.push_str("\n_dt_main([\n");
    for (i, e) in examples.iter().enumerate() {
        let filename = format!("<doctest {}[{i}]>", e.file);
        script.push_str(&format!("    ({}, {}),\n", serde_json::to_string(&e.source)?, serde_json::to_string(&filename)?));
    }
    script.push_str("])\n");
    let dir = root.join("target/doctest/run");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{}.py", group[0].trim_end_matches(".rst").replace(['/', '.'], "_")));
    std::fs::write(&path, script)?;
    Ok(path)
}

/// The driver with the group's examples, run on `program`: one result per example.
fn run_group(root: &Path, program: &[String], group: &[&str], examples: &[Example]) -> Result<Vec<Got>> {
    let path = script_for(root, group, examples)?;
    let out = Command::new(&program[0]).args(&program[1..]).arg(&path).output().with_context(|| format!("cannot start {}", program[0]))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut results = Vec::new();
    for line in stdout.lines() {
        if let Some(json) = line.strip_prefix("@@doctest@@ ") {
            let (output, exception): (String, Option<String>) = serde_json::from_str(json).context("a driver line is not JSON")?;
            results.push(Got { output, exception });
        }
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let why = stderr.lines().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(" | ");
    while results.len() < examples.len() {
        results.push(Got { output: String::new(), exception: Some(format!("RunStopped: the run ended before this example: {why}\n")) });
    }
    Ok(results)
}

/// A failing example: where, its source, what it expected and what it got.
fn failure_text(example: &Example, got: &Got) -> String {
    use std::fmt::Write;
    let mut out = format!("---- {}:{}\n", example.file, example.line);
    for (i, l) in example.source.lines().enumerate() {
        let _ = writeln!(out, "    {} {l}", if i == 0 { ">>>" } else { "..." });
    }
    out.push_str("  expected:\n");
    for l in example.want.lines() {
        let _ = writeln!(out, "    {l}");
    }
    out.push_str("  got:\n");
    for l in got.output.lines() {
        let _ = writeln!(out, "    {l}");
    }
    for l in got.exception.iter().flat_map(|e| e.lines()) {
        let _ = writeln!(out, "    ! {l}");
    }
    out
}

/// Why an example fails, in a line: the exception it raised, or its first
/// line of output that differs.
fn reason(example: &Example, got: &Got) -> String {
    let text = match &got.exception {
        Some(e) => format!("raises {}", e.lines().next().unwrap_or("")),
        None => {
            let (w, g): (Vec<&str>, Vec<&str>) = (example.want.lines().collect(), got.output.lines().collect());
            let norm = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
            let i = w.iter().zip(&g).position(|(a, b)| !check::ellipsis_match(&norm(a), &norm(b))).unwrap_or(w.len().min(g.len()));
            format!("output differs: expected {:?}, got {:?}", w.get(i).unwrap_or(&""), g.get(i).unwrap_or(&""))
        }
    };
    text.chars().take(200).collect()
}

fn write_known(list: &Path, failures: &[(Example, Got)]) -> Result<()> {
    let mut text = String::from(
        "# Documentation examples Retort does not reproduce yet (`cargo xtask doctest`):\n# FILE:LINE, then why. CI fails when one passes (take it off) or another fails.\n",
    );
    for (e, got) in failures {
        text.push_str(&format!("{}:{}  {}\n", e.file, e.line, reason(e, got)));
    }
    std::fs::create_dir_all(list.parent().expect("a file in a folder"))?;
    std::fs::write(list, text)?;
    Ok(())
}

fn compare_known(list: &Path, failures: &[(Example, Got)]) -> Result<()> {
    let text = std::fs::read_to_string(list).with_context(|| format!("cannot read {}", list.display()))?;
    let known: Vec<&str> =
        text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| l.split_whitespace().next()).collect();
    let failing: Vec<String> = failures.iter().map(|(e, _)| format!("{}:{}", e.file, e.line)).collect();
    let new: Vec<&String> = failing.iter().filter(|f| !known.contains(&f.as_str())).collect();
    let fixed: Vec<&&str> = known.iter().filter(|k| !failing.iter().any(|f| f == *k)).collect();
    if !new.is_empty() || !fixed.is_empty() {
        bail!(
            "doctest: {} example(s) fail that {KNOWN_FAILURES} does not list: {:?}; {} listed example(s) pass now (take them off): {:?}",
            new.len(),
            new,
            fixed.len(),
            fixed
        );
    }
    eprintln!("xtask: doctest failures are those {KNOWN_FAILURES} lists ({})", known.len());
    Ok(())
}

/// `target/release/retort run`, built first.
pub fn retort_binary(root: &Path) -> Result<Vec<String>> {
    eprintln!("xtask: building the retort command (release)");
    crate::run(Command::new("cargo").args(["build", "--release", "-p", "retort_cli"]))?;
    let bin = root.join("target/release/retort");
    Ok(vec![bin.to_string_lossy().into_owned(), "run".into()])
}

/// The oracle's Python, with the pinned SQLAlchemy.
pub fn cpython() -> Result<Vec<String>> {
    let venv = std::env::var_os("RETORT_ORACLE_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cache/retort-oracle/venv"));
    let python = venv.join("bin/python");
    if !python.exists() {
        bail!("no oracle virtual environment at {} (run `python3 ../shared/oracle/oracle.py trace` on any case once)", venv.display());
    }
    Ok(vec![python.to_string_lossy().into_owned()])
}
