//! The heap's meter for the memory budget: [`Counting`], a global allocator
//! that counts the bytes each thread holds, which a binary running scripts
//! installs and hands to the interpreter (`retort_python::memory::set_meter`).
//!
//! The one crate of the workspace with unsafe code: implementing
//! `GlobalAlloc` takes it. Every call goes to the wrapped allocator
//! unchanged.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

/// A global allocator around `A` that counts the bytes each thread holds.
/// The VM runs a script on one thread, whose count its meter reads. (The
/// `cap` crate, used before, counts all threads with an atomic add per
/// allocation, which took 5-8% of a native loop of INSERTs; here memory
/// allocated on one thread and freed on another shows in both counts.)
pub struct Counting<A>(pub A);

thread_local! {
    static HELD: Cell<isize> = const { Cell::new(0) };
}

fn count(bytes: isize) {
    // (a thread's count is a plain cell, without a destructor: usable even
    // while the thread ends)
    let _ = HELD.try_with(|h| h.set(h.get() + bytes));
}

impl<A> Counting<A> {
    /// Bytes the calling thread holds now.
    pub fn held(&self) -> usize {
        HELD.try_with(|h| h.get().max(0) as usize).unwrap_or(0)
    }
}

// SAFETY: every call goes to `A` unchanged; only a thread-local count is kept beside it.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on
        unsafe { self.0.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// mimalloc, asked for memory as C asks it (`mi_malloc`) whenever the
/// alignment is one every block has (8 bytes), and through its aligned
/// calls only for larger ones. (The `mimalloc` crate's allocator always
/// calls `mi_malloc_aligned`, which in mimalloc 3 serves a size class
/// whose page has used up its free list by over-allocating from a larger
/// class: the freed blocks of that class are never picked up again, and a
/// loop of INSERTs made 15% of its allocations that way, ~85 instructions
/// more each.)
#[cfg(feature = "mimalloc")]
pub struct Mimalloc;

/// The alignment every mimalloc block has (blocks are multiples of a word).
#[cfg(feature = "mimalloc")]
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: mimalloc's own calls, each with the size and alignment asked for:
// `mi_malloc` and friends return word-aligned blocks, used only when the
// alignment asked for is at most a word and at most the size.
#[cfg(feature = "mimalloc")]
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: plain calls into mimalloc
        unsafe {
            if align <= WORD && align <= size {
                libmimalloc_sys::mi_malloc(size).cast()
            } else {
                libmimalloc_sys::mi_malloc_aligned(size, align).cast()
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: plain calls into mimalloc
        unsafe {
            if align <= WORD && align <= size {
                libmimalloc_sys::mi_zalloc(size).cast()
            } else {
                libmimalloc_sys::mi_zalloc_aligned(size, align).cast()
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from mimalloc (the caller's contract)
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: `ptr` came from mimalloc with `layout` (the caller's contract)
        unsafe {
            if align <= WORD && align <= new_size {
                libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr.cast(), new_size, align).cast()
            }
        }
    }
}

/// Tells mimalloc to keep the memory a run frees for the run's next
/// allocations instead of handing it back to the OS after 10 ms (its
/// default): as the playground's WebAssembly heap does, which never
/// shrinks. A script's bursts of small objects otherwise had their pages
/// given back and faulted in again, zeroed: a quarter of a native loop of
/// INSERTs. Call it first thing in `main`.
#[cfg(feature = "mimalloc")]
pub fn keep_freed_memory() {
    /// `mi_option_purge_delay` in mimalloc 3's `mi_option_t`: -1, no purging.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: setting an option is a plain store mimalloc allows at any time
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}
