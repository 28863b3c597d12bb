//! What every oracle test shares: running on a thread with the stack the
//! playground's worker has, and reading a case's recorded trace.

use std::path::Path;

use serde_json::Value;

/// The playground worker's stack (`-zstack-size` in `.cargo/config.toml`):
/// a case that needs more would overflow there.
const STACK: usize = 16 << 20;

/// `f` on a thread with [`STACK`]; a panic there is this test's failure.
pub fn on_interpreter_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(STACK).spawn(f).expect("a thread").join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// The trace real SQLAlchemy left beside `case` (`NAME.trace.json`).
pub fn recorded_trace(case: &Path) -> datatest_stable::Result<Value> {
    let path = case.with_extension("trace.json");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e} (record it: cargo xtask record {})", path.display(), case.display()))?;
    Ok(serde_json::from_str(&text)?)
}

/// How a case differs from what it should do, shown as written (a test's
/// error is printed with `Debug`, which would quote and escape it).
pub struct Mismatch(pub String);

impl std::fmt::Debug for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Mismatch {}

/// A failed case: `text` as written.
pub fn mismatch(text: String) -> datatest_stable::Result<()> {
    Err(Box::new(Mismatch(text)))
}
