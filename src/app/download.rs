//! Saving a file the page made (the office's spreadsheets, a family's calendar reminders)
//! without any request: a `blob:` address in this page's memory, clicked through a link.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `bytes` as a download named `name`: a `blob:` address (this page's memory, no
/// request), clicked through a link, revoked a minute later.
pub fn save(bytes: &[u8], name: &str, mime: &str) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let a: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    document.body()?.append_child(&a).ok()?;
    a.click();
    a.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Some(())
}
