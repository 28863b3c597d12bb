//! `cargo xtask surface`: the real packages' public API, name by name,
//! against Retort's: each name works, refuses (`NotImplementedError: Retort
//! does not support X yet`) or is missing.
//!
//! - The real names come from `xtask/surface/introspect.py` on the oracle's
//!   CPython (SQLAlchemy 2.1.9, Flask-SQLAlchemy 3.1.1, alembic 1.20.1) and
//!   are committed as `tests/surface/real.json` (names only), refreshed when
//!   that environment is here.
//! - Retort's answer comes from `xtask/surface/check.py` on `retort run`.
//! - It writes `docs/surface.md` (the table) and the host Python's
//!   `_retort_surface.py` (every real name Retort does not do, refused by a
//!   stub so it is never an AttributeError), rebuilding until both agree,
//!   and prints `surface: W works, R refuses, M missing of T`.
//! - `--check` (in `cargo xtask test`): fails when either file is not
//!   current or a name is missing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

const REAL: &str = "tests/surface/real.json";
const TABLE: &str = "docs/surface.md";
const STUBS: &str = "crates/retort_runtime/python/_retort_surface.py";

/// A name's kind in the real package (`class`, `function`, `value`; `method`, `property`, `attribute`).
type Names = BTreeMap<String, String>;

#[derive(Deserialize)]
struct Real {
    modules: BTreeMap<String, Names>,
    classes: BTreeMap<String, Names>,
}

/// What `check.py` answers: each name's status, and where Retort defines each class.
#[derive(Deserialize)]
struct Answer {
    modules: BTreeMap<String, BTreeMap<String, String>>,
    classes: BTreeMap<String, BTreeMap<String, String>>,
    /// real class path -> [Retort's `__module__`, `__qualname__`]
    homes: BTreeMap<String, (String, String)>,
}

pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let check = args.iter().any(|a| a == "--check");
    if !check {
        refresh_real(root)?;
    }
    let real_text = std::fs::read_to_string(root.join(REAL)).with_context(|| format!("cannot read {REAL}"))?;
    let real: Real = serde_json::from_str(&real_text)?;
    let mut rounds = 0;
    loop {
        let answer = ask_retort(root, &real_text)?;
        let (table, stubs) = (table(&real, &answer), stubs(&real, &answer));
        let current = |path: &str, text: &str| std::fs::read_to_string(root.join(path)).is_ok_and(|t| t == text);
        let (table_ok, stubs_ok) = (current(TABLE, &table), current(STUBS, &stubs));
        let (w, r, m, t) = totals(&answer);
        if check {
            println!("surface: {w} works, {r} refuses, {m} missing of {t}");
            if !table_ok || !stubs_ok {
                bail!("surface: {TABLE} or {STUBS} is not current: run `cargo xtask surface`");
            }
            if m > 0 {
                bail!("surface: {m} real names are missing in Retort (see {TABLE})");
            }
            return Ok(());
        }
        std::fs::write(root.join(TABLE), &table)?;
        std::fs::write(root.join(STUBS), &stubs)?;
        rounds += 1;
        if stubs_ok || rounds == 3 {
            println!("surface: {w} works, {r} refuses, {m} missing of {t}");
            return Ok(());
        }
        eprintln!("xtask: {STUBS} changed: building and asking again");
    }
}

/// Rewrites `tests/surface/real.json` from the oracle's CPython, when it is here.
fn refresh_real(root: &Path) -> Result<()> {
    let Ok(python) = crate::doctest::cpython() else {
        eprintln!("xtask: no oracle environment: {REAL} kept as committed");
        return Ok(());
    };
    let out = Command::new(&python[0]).arg(root.join("xtask/surface/introspect.py")).output().context("introspect.py")?;
    if !out.status.success() {
        bail!("introspect.py failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    std::fs::create_dir_all(root.join("tests/surface"))?;
    std::fs::write(root.join(REAL), &out.stdout)?;
    Ok(())
}

/// `check.py` on `retort run`, with the real names.
fn ask_retort(root: &Path, real_text: &str) -> Result<Answer> {
    let program = crate::doctest::retort_binary(root)?;
    let mut script = std::fs::read_to_string(root.join("xtask/surface/check.py"))?;
    writeln!(script, "\n_main(json.loads({}))", serde_json::to_string(real_text)?)?;
    let dir = root.join("target/surface");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("check.py");
    std::fs::write(&path, script)?;
    let out = Command::new(&program[0]).args(&program[1..]).arg(&path).output().context("retort run")?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    for line in stdout.lines().filter(|l| !l.starts_with("@@surface@@ ")) {
        eprintln!("{line}");
    }
    let Some(json) = stdout.lines().find_map(|l| l.strip_prefix("@@surface@@ ")) else {
        bail!("check.py gave no answer: {}", String::from_utf8_lossy(&out.stderr));
    };
    Ok(serde_json::from_str(json)?)
}

fn totals(answer: &Answer) -> (usize, usize, usize, usize) {
    let all = answer.modules.values().chain(answer.classes.values()).flat_map(|names| names.values());
    let (mut w, mut r, mut m, mut t) = (0, 0, 0, 0);
    for status in all {
        t += 1;
        match status.as_str() {
            "works" => w += 1,
            "refuses" => r += 1,
            _ => m += 1,
        }
    }
    (w, r, m, t)
}

/// `docs/surface.md`: per module and class, the counts, then the names not done.
fn table(real: &Real, answer: &Answer) -> String {
    let (w, r, m, t) = totals(answer);
    let mut out = String::from(
        "# The real packages' API surface in Retort\n\n\
         Generated by `cargo xtask surface` (do not edit): every public name of the\n\
         listed modules and main classes of SQLAlchemy 2.1.9, Flask-SQLAlchemy 3.1.1\n\
         and alembic 1.20.1 (`tests/surface/real.json`), and whether Retort has it\n\
         (works), refuses it with `NotImplementedError: Retort does not support X yet`\n\
         (refuses) or lacks it (missing).\n\n",
    );
    let percent = |a: usize, b: usize| if b == 0 { 100.0 } else { a as f64 * 100.0 / b as f64 };
    let _ = writeln!(out, "**{w} works, {r} refuses, {m} missing of {t}** ({:.1} % works)\n", percent(w, t));
    out.push_str("| module or class | works | refuses | missing | of |\n|---|---:|---:|---:|---:|\n");
    let sections = [("module", &real.modules, &answer.modules), ("class", &real.classes, &answer.classes)];
    let mut not_done = String::new();
    for (kind, names_of, statuses) in sections {
        for (path, names) in names_of {
            let status = |name: &str| statuses.get(path).and_then(|s| s.get(name)).map_or("missing", String::as_str);
            let count = |s: &str| names.keys().filter(|n| status(n) == s).count();
            let (w, r, m) = (count("works"), count("refuses"), count("missing"));
            let _ = writeln!(out, "| {kind} `{path}` | {w} | {r} | {m} | {} |", names.len());
            for (label, s) in [("refuses", "refuses"), ("missing", "missing")] {
                let list: Vec<String> = names.keys().filter(|n| status(n) == s).map(|n| format!("`{n}`")).collect();
                if !list.is_empty() {
                    let _ = writeln!(not_done, "- `{path}` {label}: {}", list.join(", "));
                }
            }
        }
    }
    out.push_str("\n## Not done\n\n");
    out.push_str(&not_done);
    out
}

/// `_retort_surface.py`: the real names Retort does not do, by module and
/// by the class that stands for a real one.
fn stubs(real: &Real, answer: &Answer) -> String {
    let mut out = String::from(
        "\"\"\"Generated by `cargo xtask surface` from tests/surface/real.json (do not edit):\n\
         the real packages' public names Retort does not do, refused by `install`\n\
         (`sqlalchemy.util.deprecations` style stubs) so they are never AttributeErrors.\"\"\"\n\n",
    );
    let not_done = |statuses: Option<&BTreeMap<String, String>>, names: &Names| -> Vec<(String, String)> {
        names
            .iter()
            .filter(|(n, _)| statuses.and_then(|s| s.get(*n)).is_none_or(|s| s != "works"))
            .map(|(n, k)| (n.clone(), k.clone()))
            .collect()
    };
    out.push_str("MODULES = {\n");
    for (path, names) in &real.modules {
        let list = not_done(answer.modules.get(path), names);
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(|(n, _)| format!("{n:?}")).collect();
            let _ = writeln!(out, "    {path:?}: frozenset(({},)),", names.join(", "));
        }
    }
    out.push_str("}\n\n# (Retort's __module__, __qualname__) -> ((name, kind), ...)\nCLASSES = {\n");
    let mut by_home: BTreeMap<&(String, String), Vec<(String, String)>> = BTreeMap::new();
    for (path, names) in &real.classes {
        if let Some(home) = answer.homes.get(path) {
            by_home.entry(home).or_default().extend(not_done(answer.classes.get(path), names));
        }
    }
    for (home, mut list) in by_home {
        list.sort();
        list.dedup_by(|a, b| a.0 == b.0);
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(|(n, k)| format!("({n:?}, {k:?})")).collect();
            let _ = writeln!(out, "    ({:?}, {:?}): ({},),", home.0, home.1, names.join(", "));
        }
    }
    out.push_str("}\n");
    out
}
