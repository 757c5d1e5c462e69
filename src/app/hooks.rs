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

/// Moves keyboard and screen-reader focus to the heading whenever `key` changes.
#[hook]
pub fn use_focus_title<K: PartialEq + Clone + 'static>(key: K) {
    use_effect_with(key, |_| {
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
