//! The memory budget's meter. A binary that runs scripts counts its heap
//! with a counting global allocator (`retort_heap::Counting`) and hands the VM a way
//! to read it, once, with `set_meter`; the VM then ends a script whose heap
//! grows past `Budget::memory` with a `MemoryError`. Without a meter only
//! single big objects are measured.

use std::sync::OnceLock;

static METER: OnceLock<fn() -> usize> = OnceLock::new();

/// Installs the function that tells how many bytes the heap holds now.
pub fn set_meter(meter: fn() -> usize) {
    let _ = METER.set(meter);
}

/// Bytes the heap holds now (0 without a meter).
pub fn held() -> usize {
    METER.get().map_or(0, |m| m())
}
