//! A panic must not leave a frozen or blank page. The hook, installed before the app mounts,
//! logs the panic to the console and replaces the app with a short page in Chinese (and a
//! line of English) and a 重新打开 button that reloads the page. The answers live in the
//! address's fragment (`persist::set_fragment`), which a reload keeps, so nothing typed is lost.
//!
//! The release build has `panic = "abort"`: on wasm32 the hook still runs first, then the
//! module traps (`unreachable`). So the page is built from a fixed string with the DOM alone,
//! never from the app's state (which the panic may have left half-changed), and the button's
//! listener only calls `location.reload()`.

// The release build keeps only `fuzhu_force_panic` (see `install`).
#![cfg_attr(panic = "immediate-abort", allow(dead_code, unused_imports))]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The restart button's id (the end-to-end test clicks it).
pub const RESTART_ID: &str = "fuzhu-restart";

/// The page shown instead of the app. Plain markup: no style attribute, no inline script, so
/// the page's Content-Security-Policy allows it.
const PAGE: &str = "<main class=\"app panic-screen\" id=\"main\">\
<h1 id=\"panic-title\" tabindex=\"-1\">出了点问题</h1>\
<p class=\"lead\" role=\"alert\">这一页意外出错了。您已经填写的答案还保存在本页的网址里，不会丢失。</p>\
<p>请点下面的按钮重新打开本页，再接着看。</p>\
<div class=\"actions\"><button type=\"button\" class=\"primary\" id=\"fuzhu-restart\">重新打开</button></div>\
<p class=\"hint\" lang=\"en\">Something went wrong. Your answers are kept in this page's address: \
press 重新打开 (open again) to carry on.</p>\
</main>";

/// Installs the hook; Yew's renderer then leaves it in place (see `yew::set_custom_panic_hook`).
/// Not in the family page's release build (`-Cpanic=immediate-abort`, scripts/env.sh): there a
/// panic traps before any hook could run, and static/boot.js shows the same page, so the hook,
/// the page and console_error_panic_hook would only be bytes of the first load (about 0.9 KB
/// gzipped, docs/quality.md).
#[cfg(not(panic = "immediate-abort"))]
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show();
    }));
}

/// Nothing to install where a panic traps at once (see above). (An empty custom hook, to keep
/// Yew from installing console_error_panic_hook, measured 379 bytes more, not less.)
#[cfg(panic = "immediate-abort")]
pub fn install() {}

/// Replaces the app with [`PAGE`] and wires its button.
#[cfg(not(panic = "immediate-abort"))]
fn show() -> Option<()> {
    let document = web_sys::window()?.document()?;
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", "zh-CN");
    }
    let root = document
        .get_element_by_id(super::MOUNT_ID)
        .or_else(|| document.body().map(Into::into))?;
    root.set_inner_html(PAGE);
    let button = document.get_element_by_id(RESTART_ID)?;
    let reload = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        // Not on to the app's own listeners on #app: its state is not to be trusted now.
        e.stop_propagation();
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    button
        .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())
        .ok()?;
    reload.forget();
    let title = document.get_element_by_id("panic-title")?;
    let _ = title.dyn_into::<web_sys::HtmlElement>().ok()?.focus();
    Some(())
}

/// Panics on purpose, so the end-to-end test can check the page above
/// (`window.wasmBindings.fuzhu_force_panic()`, through Trunk's loader). Harmless to anyone
/// else: it only stops their own page until they press 重新打开.
#[wasm_bindgen]
pub fn fuzhu_force_panic() {
    panic!("fuzhu_force_panic: a test asked for a panic");
}
