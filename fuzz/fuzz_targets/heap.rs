//! The heap limits of a fuzz run, kept by the target itself: the build has no sanitizer
//! (scripts/fuzz.sh, docs/decisions.md), so libFuzzer's `-malloc_limit_mb` and its leak
//! check have no hooks, and `-rss_limit_mb` only samples the resident size once a second.
//! This allocator counts the Rust heap instead: an input that holds more than `LIMIT` at
//! once, or that leaves bytes allocated after its reading returns, is a finding (a panic,
//! which libFuzzer keeps as a crash artifact).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// At most this much heap at once for one input: docs/register.md's 512 MB for a file.
pub const LIMIT: usize = 512 << 20;

pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// The size of an allocation refused for passing `LIMIT`, or 0.
static REFUSED: AtomicUsize = AtomicUsize::new(0);
static CHECKING: AtomicBool = AtomicBool::new(false);

impl Counting {
    fn grow(size: usize) -> bool {
        let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
        if CHECKING.load(Ordering::Relaxed) && live > LIMIT {
            LIVE.fetch_sub(size, Ordering::Relaxed);
            REFUSED.store(size, Ordering::Relaxed);
            return false;
        }
        PEAK.fetch_max(live, Ordering::Relaxed);
        true
    }
}

// SAFETY: every call is passed on to `System` unchanged; only counters are kept beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !Self::grow(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc(layout);
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !Self::grow(layout.size()) {
            return std::ptr::null_mut();
        }
        let p = System.alloc_zeroed(layout);
        if p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !Self::grow(new_size - old) {
            return std::ptr::null_mut();
        }
        let p = System.realloc(ptr, layout, new_size);
        if p.is_null() {
            if new_size > old {
                LIVE.fetch_sub(new_size - old, Ordering::Relaxed);
            }
        } else if new_size < old {
            LIVE.fetch_sub(old - new_size, Ordering::Relaxed);
        }
        p
    }
}

/// Runs `read` on one input under the limits: panics if it asked for more than `LIMIT` in
/// all (even if it then coped with the refusal) or left heap allocated when it returned.
pub fn within_limits(read: impl FnOnce()) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    REFUSED.store(0, Ordering::Relaxed);
    CHECKING.store(true, Ordering::Relaxed);
    read();
    CHECKING.store(false, Ordering::Relaxed);
    let refused = REFUSED.load(Ordering::Relaxed);
    assert!(
        refused == 0,
        "out of memory: an allocation of {refused} bytes would have passed {} MiB of heap",
        LIMIT >> 20
    );
    let after = LIVE.load(Ordering::Relaxed);
    assert!(
        after <= before,
        "leak: {} bytes still allocated after the input was read (peak {} bytes)",
        after - before,
        PEAK.load(Ordering::Relaxed) - before
    );
}
