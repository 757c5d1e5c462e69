//! The street office's page, office.html: `trunk build --config Trunk.office.toml` compiles
//! this to its own wasm, so the family page (fuzhu-web) never carries the register's
//! spreadsheet code and this page never carries the questionnaire. Natively it is a stub;
//! the native twin is `fuzhu register`.

// Built without FUZHU_PAGE=office, this page would show the results' Chinese as the family
// page's tags, with no table to read them (src/later.rs): refused rather than built wrong.
#[cfg(all(target_arch = "wasm32", not(fuzhu_later_literal)))]
compile_error!("the office page is built with FUZHU_PAGE=office (make build does): it carries the results' Chinese as literals (src/later.rs)");

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
