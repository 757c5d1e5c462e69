//! The office page's allocator: every block is overwritten with zeros when it is freed (and
//! when a reallocation moves or shrinks it), so once 清除 or the idle wipe drops the
//! register, no name or ID number of it stays in the page's wasm memory, which never
//! shrinks and otherwise keeps freed bytes as they were (the probe found 150 copies after
//! 清除). The worker runs the same wasm, and is ended as well.

use std::alloc::{GlobalAlloc, Layout};

/// Wraps an allocator so that freed memory is zeroed first.
pub struct Scrubbing<A>(pub A);

// SAFETY: every call is passed on to the wrapped allocator with the layout it was given; the
// bytes zeroed are those of a block still owned by the caller, before it is given back.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Scrubbing<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe {
            std::ptr::write_bytes(ptr, 0, layout.size());
            self.0.dealloc(ptr, layout);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe {
            if new_size <= layout.size() {
                // Shrinking in place: the tail given back is zeroed first.
                std::ptr::write_bytes(ptr.add(new_size), 0, layout.size() - new_size);
                return self.0.realloc(ptr, layout, new_size);
            }
            // Growing: a new block, the old one zeroed and freed (never moved unzeroed).
            let new = Layout::from_size_align_unchecked(new_size, layout.align());
            let to = self.0.alloc(new);
            if !to.is_null() {
                std::ptr::copy_nonoverlapping(ptr, to, layout.size());
                self.dealloc(ptr, layout);
            }
            to
        }
    }
}
