//! The browser entry point: `trunk build` compiles this to wasm32 (see index.html).
//! Natively it is a stub, so that `cargo build` and `cargo test` on the host still work.

/// talc instead of std's dlmalloc: smaller and faster on single-threaded wasm32 (see
/// docs/quality.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    fuzhu::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("fuzhu-web is the browser app: build it with `make build` (trunk), not natively.");
}
