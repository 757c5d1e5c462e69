//! The street office's page, office.html: `trunk build --config Trunk.office.toml` compiles
//! this to its own wasm, so the family page (fuzhu-web) never carries the register's
//! spreadsheet code and this page never carries the questionnaire. Natively it is a stub;
//! the native twin is `fuzhu register`.

/// talc, as the family page's bin (src/bin/fuzhu_web.rs), zeroing what is freed
/// (`app::desk::scrub`: nothing of a register stays in memory after 清除).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: fuzhu::app::desk::scrub::Scrubbing<talc::wasm::WasmDynamicTalc> =
    fuzhu::app::desk::scrub::Scrubbing(talc::wasm::new_wasm_dynamic_allocator());

#[cfg(target_arch = "wasm32")]
fn main() {
    fuzhu::app::desk::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("fuzhu-office is the office page (office.html): build it with `make build`; natively, use `fuzhu register`.");
}
