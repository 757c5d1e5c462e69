//! Browser work, kept out of the components: today's date, and moving focus to each new
//! screen's heading so screen readers announce it.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id every screen gives its main heading.
pub const TITLE_ID: &str = "screen-title";

/// Today on this device's calendar. The engine refuses dates before the policy, so a wildly
/// wrong clock gives a clear message, not a wrong answer.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(NaiveDate::MIN)
}

/// Whether the page runs inside another page's iframe (a street office's site).
pub fn embedded() -> bool {
    web_sys::window()
        .and_then(|w| w.parent().ok().flatten().map(|p| p != w))
        .unwrap_or(false)
}

/// Moves keyboard and screen-reader focus to the heading whenever `key` changes. On the first
/// render only where the app does not open on the welcome screen (a share link, saved
/// answers, the restart after a panic page): the welcome screen takes the place of
/// index.html's static one with the same words, so there the browser's own start applies, as
/// on any page, and focusing would force a layout in the task that starts the app (on a slow
/// phone, the largest part of its main-thread time). Never on the first render inside a
/// street office's iframe: it would scroll the office's page to the frame and take its focus
/// as soon as it loads.
#[hook]
pub fn use_focus_title<K: PartialEq + Clone + 'static>(key: K, opens_on_welcome: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(key, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) && (opens_on_welcome || embedded()) {
            return;
        }
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(TITLE_ID))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}
