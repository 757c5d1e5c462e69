//! Browser work, kept out of the components: today's date, and moving focus to each new
//! screen's heading so screen readers announce it.

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::flow::text::Lang;

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

/// What [`use_english`] gives: the language to show, and whether fetching English failed.
pub struct Shown {
    pub lang: Lang,
    pub failed: bool,
    /// Try the fetch again (the person chose English once more).
    pub retry: Callback<()>,
}

/// The language to show for the one wanted: English once its sentences are here (see
/// `crate::english`: fetched the first time English is wanted, from the service worker's
/// cache when offline), Chinese until then or when they cannot be had.
#[hook]
pub fn use_english(wanted: Lang) -> Shown {
    let english = use_table(wanted == Lang::En, &ENGLISH);
    Shown {
        lang: if english.here { wanted } else { Lang::Zh },
        failed: english.failed,
        retry: english.retry,
    }
}

/// Whether the Chinese of the results is here (`crate::later`): fetched as soon as the app
/// has mounted, from the service worker's cache when offline.
#[hook]
pub fn use_later() -> Fetched {
    use_table(true, &LATER)
}

/// A file of texts the app fetches (`crate::english`, `crate::later`).
pub struct Table {
    file: &'static str,
    installed: fn() -> bool,
    install: fn(String) -> bool,
}

static ENGLISH: Table = Table {
    file: crate::english::FILE,
    installed: crate::english::installed,
    install: crate::english::install,
};

static LATER: Table = Table {
    file: crate::later::FILE,
    installed: crate::later::installed,
    install: crate::later::install,
};

/// A table's state: here, or could not be had (while wanted), and a way to try again.
pub struct Fetched {
    pub here: bool,
    pub failed: bool,
    pub retry: Callback<()>,
}

/// Fetches `table` once it is `wanted` and not yet here; `retry` fetches it again.
#[hook]
fn use_table(wanted: bool, table: &'static Table) -> Fetched {
    // 0: not asked or loading, 1: here (the table itself says so; setting it redraws), 2: could
    // not be had.
    let status = use_state(|| 0u8);
    let attempt = use_state(|| 0u32);
    {
        let status = status.clone();
        use_effect_with((wanted, *attempt), move |(wanted, _)| {
            if *wanted && !(table.installed)() {
                fetch_text(
                    table.file,
                    Box::new(move |text| {
                        let ok = text.is_some_and(table.install);
                        status.set(if ok { 1 } else { 2 });
                    }),
                );
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        let status = status.clone();
        Callback::from(move |()| {
            status.set(0);
            attempt.set(*attempt + 1);
        })
    };
    Fetched {
        here: (table.installed)(),
        failed: wanted && *status == 2,
        retry,
    }
}

/// Fetches a file of the app's own origin (the CSP's `connect-src 'self'`) as text, then calls
/// `done` once: with the text, or with None when it cannot be had (offline without a copy, no
/// such file, a server error). Promise callbacks rather than `async` (wasm-bindgen-futures'
/// executor and JsFuture cost the first load about 2 KB gzipped, docs/quality.md); the
/// English table, offices.json and the Chinese table share it.
pub fn fetch_text(path: &str, done: Box<dyn FnOnce(Option<String>)>) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let done = Rc::new(Cell::new(Some(done)));
    let finish = move |text: Option<String>| {
        if let Some(f) = done.take() {
            f(text)
        }
    };
    let Some(window) = web_sys::window() else {
        return finish(None);
    };
    let fail = {
        let finish = finish.clone();
        Closure::once(move |_: JsValue| finish(None))
    };
    let on_response = {
        let finish = finish.clone();
        Closure::once(move |r: JsValue| {
            let text = r
                .dyn_into::<web_sys::Response>()
                .ok()
                .filter(web_sys::Response::ok)
                .and_then(|r| r.text().ok());
            let Some(text) = text else {
                return finish(None);
            };
            let got = {
                let finish = finish.clone();
                Closure::once(move |t: JsValue| finish(t.as_string()))
            };
            let fail = Closure::once(move |_: JsValue| finish(None));
            let _ = text.then2(&got, &fail);
            got.forget();
            fail.forget();
        })
    };
    let _ = window.fetch_with_str(path).then2(&on_response, &fail);
    on_response.forget();
    fail.forget();
}
