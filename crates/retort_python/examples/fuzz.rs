//! A mutation fuzzer for parse-and-run that works on stable Rust (cargo
//! fuzz needs nightly, which this machine cannot install): it mutates the
//! corpus (the oracle cases plus `fuzz/corpus`), runs each input with small
//! budgets, and saves any input that panics to `fuzz/crashes`.
//!
//! `cargo run -p retort_python --example fuzz --profile native -- SECONDS [--save]`

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use retort_python::{Budget, Interpreter};

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "**",
    "*",
    "/",
    "//",
    "%",
    "@",
    "+=",
    "->",
    "lambda ",
    "yield ",
    "yield from ",
    "def f(*a, **k):\n    ",
    "class C:\n    ",
    "try:\n    pass\nexcept Exception as e:\n    ",
    "finally:\n    ",
    "with x as y:\n    ",
    "for i in range(3):\n    ",
    "while True:\n    break\n",
    "return ",
    "raise ",
    "global g\n",
    "nonlocal n\n",
    "import os\n",
    "from typing import *\n",
    "async ",
    "await ",
    "\n",
    "\n    ",
    "'",
    "\"",
    "\"\"\"",
    "\\",
    "#",
    "f'{x!r:>10}'",
    "b'\\x00'",
    "0x",
    "1e309",
    "10**100",
    "-",
    "not ",
    "is not ",
    "in ",
    "if ",
    "else ",
    "elif ",
    "None",
    "True",
    "...",
    ";",
    "del ",
    "assert ",
    "super()",
    "__init__",
    "self.",
    "*",
    "**{}",
    "[x for x in y]",
    "{k: v for k, v in d}",
    "(x := 1)",
    "print(",
    "\t",
    "\r",
    "\u{0}",
    "é",
    "☃",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The heap, counted so scripts run under the memory budget (`retort_python::memory`).
#[global_allocator]
static ALLOC: retort_heap::Counting<std::alloc::System> = retort_heap::Counting(std::alloc::System);

fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(7) {
            0 if !v.is_empty() => {
                let end = (at + rng.below(16)).min(v.len());
                v.drain(at.min(end)..end);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            2 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = (rng.next() & 0xff) as u8;
            }
            3 if !other.is_empty() => {
                let a = rng.below(other.len());
                let b = (a + rng.below(200)).min(other.len());
                v.splice(at..at, other[a..b].iter().copied());
            }
            4 if !v.is_empty() => {
                let a = rng.below(v.len());
                let b = (a + rng.below(64)).min(v.len());
                let chunk = v[a..b].to_vec();
                v.splice(at..at, chunk);
            }
            5 => v.truncate(at),
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.extend_from_slice(t);
            }
        }
    }
    v
}

fn corpus(root: &Path) -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    for dir in ["tests/oracle/python", "crates/retort_python/fuzz/corpus", "../shared/oracle/cases"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            for e in entries.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "py") {
                    if let Ok(b) = std::fs::read(&p) {
                        files.push(b);
                    }
                }
            }
        }
    }
    files.push(b"print(1)\n".to_vec());
    files
}

fn main() {
    retort_python::memory::set_meter(|| ALLOC.held());
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let crashes = root.join("crates/retort_python/fuzz/crashes");
    let mut corpus = corpus(&root);
    let initial = corpus.len();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ std::process::id() as u64);
    let budget = Budget { steps: 200_000, memory: 8 << 20, recursion: 200 };
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let (mut runs, mut panics) = (0u64, 0u64);
    let mut slowest = Duration::ZERO;
    while start.elapsed() < Duration::from_secs(seconds) {
        let a = rng.below(corpus.len());
        let b = rng.below(corpus.len());
        let input = mutate(&mut rng, &corpus[a], &corpus[b]);
        let text = String::from_utf8_lossy(&input).to_string();
        let t0 = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| Interpreter::new(budget).run(&text)));
        let took = t0.elapsed();
        slowest = slowest.max(took);
        runs += 1;
        if took > Duration::from_secs(2) {
            std::fs::create_dir_all(&crashes).ok();
            std::fs::write(crashes.join(format!("slow-{runs}.py")), &input).ok();
        }
        match result {
            Err(_) => {
                panics += 1;
                std::fs::create_dir_all(&crashes).ok();
                let path = crashes.join(format!("crash-{runs}.py"));
                std::fs::write(&path, &input).ok();
                eprintln!("panic: saved {}", path.display());
            }
            Ok(r) => {
                // inputs that still run to the end without a syntax error grow the corpus
                if r.error.as_ref().is_none_or(|e| e.type_name != "SyntaxError") && corpus.len() < 5000 && rng.below(20) == 0 {
                    corpus.push(input);
                }
            }
        }
    }
    println!(
        "fuzz: {runs} runs in {seconds} s, {panics} panics, slowest run {:.1} ms, corpus {}",
        slowest.as_secs_f64() * 1e3,
        corpus.len()
    );
    // `--save` keeps a sample of the inputs the run grew the corpus with
    if std::env::args().any(|a| a == "--save") {
        let dir = root.join("crates/retort_python/fuzz/corpus");
        std::fs::create_dir_all(&dir).ok();
        for (i, input) in corpus.iter().skip(initial).step_by(((corpus.len() - initial) / 100).max(1)).take(100).enumerate() {
            std::fs::write(dir.join(format!("grown-{i:03}.py")), input).ok();
        }
    }
    if panics > 0 {
        std::process::exit(1);
    }
}
