//! A prepared run (the libraries imported before the script, as the
//! playground's worker does between runs) gives the same run as a fresh
//! interpreter: the same trace (output, error, every statement with its
//! line), the same final ORM snapshot and the same timeline steps.
//! Addresses in default reprs (`<X object at 0x…>`) are the only thing
//! allowed to differ: the imports advanced the serials they show.

use std::path::Path;

use retort_python::Budget;
use retort_runtime::{run_with, Prepared};

use crate::support::{mismatch, on_interpreter_stack};

pub fn prepared_is_the_same_run(_case: &Path, source: String) -> datatest_stable::Result<()> {
    let both = move || {
        let (r1, rt1) = run_with(&source, Budget::default(), true);
        let (r2, rt2) = Prepared::new(Budget::default()).run(&source, true);
        (shown(&r1, &rt1), shown(&r2, &rt2))
    };
    let (mut fresh, mut again) = on_interpreter_stack(both.clone());
    if fresh != again {
        // a server default of now() shows the database's clock: two runs
        // straddling a second differ once, a real difference every time
        (fresh, again) = on_interpreter_stack(both);
    }
    if fresh == again {
        return Ok(());
    }
    let at = fresh.bytes().zip(again.bytes()).position(|(a, b)| a != b).unwrap_or(fresh.len().min(again.len()));
    let from = at.saturating_sub(80);
    mismatch(format!("fresh …{}…\n  prepared …{}…", &fresh[from..(at + 80).min(fresh.len())], &again[from..(at + 80).min(again.len())]))
}

/// What a run shows, with object addresses blanked.
fn shown(result: &retort_python::RunResult, runtime: &retort_runtime::Runtime) -> String {
    let trace = retort_runtime::trace::of_run(result, &runtime.log.borrow());
    let steps: Vec<_> = runtime.steps.iter().map(|s| (s.line, s.events, s.orm.clone())).collect();
    let text = format!("{trace}\n{:?}\n{steps:?}\n{}", runtime.orm, runtime.steps_truncated);
    blank_addresses(&text)
}

/// `0x` and 8 or more hex digits (an address in a default repr) as `0xADDR`.
fn blank_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        let digits = rest[i + 2..].bytes().take_while(u8::is_ascii_hexdigit).count();
        out.push_str(&rest[..i + 2]);
        if digits >= 8 {
            out.push_str("ADDR");
        } else {
            out.push_str(&rest[i + 2..i + 2 + digits]);
        }
        rest = &rest[i + 2 + digits..];
    }
    out.push_str(rest);
    out
}
