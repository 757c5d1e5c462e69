//! Keeping the answers without a server: in the address bar's fragment (always, with
//! `history.replaceState`, never a request) and in `localStorage` (only after the person
//! agreed). The codec is `crate::share`; this module only reads and writes the browser.
//! Every browser call here may fail (private modes, blocked storage): failures are ignored,
//! so the worst case is that nothing is remembered.

use chrono::NaiveDate;
use wasm_bindgen::JsValue;
use web_sys::Storage;

use crate::flow::nav::{Action, State};
use crate::flow::Answers;
use crate::share::{self, ShareError};

/// The saved answers, as a share code. Its presence means the person agreed to saving.
pub const ANSWERS_KEY: &str = "fuzhu.answers";
/// "1" when large text is on; written only with the same agreement.
pub const LARGE_TEXT_KEY: &str = "fuzhu.large-text";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The fragment without its `#`, or an empty string.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Whether this page can keep anything on the device: not where the browser blocks storage
/// (an embedding frame on another site, some private modes).
pub fn can_store() -> bool {
    storage().is_some()
}

/// The first state: answers from the link's fragment if it has one, else those saved on this
/// device; and the error to show when the fragment could not be read (then a fresh start).
/// A link never overwrites what was saved: when its answers differ from the saved ones (or it
/// cannot be read), the saved ones are set aside (`State::aside`), untouched, and the person
/// chooses. A link of a newer share format waits for the newer release, the fragment and
/// everything stored left as they are.
pub fn boot(today: NaiveDate) -> (State, Option<ShareError>) {
    let mut state = State::new(today);
    let mut saved = None;
    if let Some(store) = storage() {
        if let Ok(Some(code)) = store.get_item(ANSWERS_KEY) {
            state.saving = true;
            state.large_text = matches!(store.get_item(LARGE_TEXT_KEY), Ok(Some(v)) if v == "1");
            if share::is_newer(&code) {
                state.awaiting_release = true;
            }
            saved = share::decode(&code, today).ok();
        }
    }
    let fragment = fragment();
    if state.awaiting_release || share::is_newer(&fragment) {
        state.awaiting_release = true;
        state.aside = saved;
        await_release();
        return (state, None);
    }
    if !fragment.trim().is_empty() {
        return match share::decode(&fragment, today) {
            Ok(a) => {
                if saved.as_ref().is_some_and(|s| *s != a) {
                    state.saving = false;
                    state.aside = saved;
                }
                (state.reduce(Action::Restore(a)), None)
            }
            Err(e) => {
                if saved.is_some() {
                    state.saving = false;
                    state.aside = saved;
                }
                (state, Some(e))
            }
        };
    }
    if let Some(a) = saved {
        state = state.reduce(Action::Restore(a));
    }
    (state, None)
}

/// Asks boot.js to fetch the newer release and reopen the link there (`fuzhuAwaitRelease`);
/// nothing where it is missing (the browser tests, a browser without service workers).
fn await_release() {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&window, &JsValue::from_str("fuzhuAwaitRelease")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&window);
        }
    }
}

/// Reloads the page when someone opens another share link in this tab: changing only the
/// fragment does not reload a page, and the new answers must go through [`boot`] like any
/// link. The app's own `replaceState` fires no `hashchange`, so this never loops.
pub fn reload_on_new_link() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(|| {
        if fragment().starts_with('v') {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    let _ =
        window.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    listener.forget();
}

/// The page's address without its fragment.
fn base() -> Option<String> {
    let loc = web_sys::window()?.location();
    Some(loc.pathname().ok()? + &loc.search().ok()?)
}

/// Puts the answers in the fragment (or removes it when there are none), replacing the
/// history entry so Back is not filled with every answer.
pub fn set_fragment(a: &Answers) {
    let code = if *a == Answers::default() {
        String::new()
    } else {
        share::encode(a)
    };
    if fragment() == code {
        return;
    }
    let (Some(window), Some(base)) = (web_sys::window(), base()) else {
        return;
    };
    let url = if code.is_empty() {
        base
    } else {
        base + "#" + &code
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The full address that opens these answers on another phone: the page's path, the office
/// id if the address names a valid one (`?office=<id>`), and the answers. Nothing else from
/// the address is carried, so the link and its QR code stay short and hold no one's words.
pub fn link(a: &Answers) -> Option<String> {
    let loc = web_sys::window()?.location();
    let mut url = loc.origin().ok()? + &loc.pathname().ok()?;
    if let Some(id) = crate::host::id_from_query(&loc.search().ok()?) {
        url.push_str("?office=");
        url.push_str(&id);
    }
    url.push('#');
    url.push_str(&share::encode(a));
    Some(url)
}

/// Writes the answers and the large-text choice when `saving`; otherwise removes both, so
/// nothing is ever written without agreement and withdrawing it forgets everything.
pub fn store(a: &Answers, saving: bool, large_text: bool) {
    let Some(store) = storage() else {
        return;
    };
    if saving {
        let _ = store.set_item(ANSWERS_KEY, &share::encode(a));
        let _ = if large_text {
            store.set_item(LARGE_TEXT_KEY, "1")
        } else {
            store.remove_item(LARGE_TEXT_KEY)
        };
    } else {
        let _ = store.remove_item(ANSWERS_KEY);
        let _ = store.remove_item(LARGE_TEXT_KEY);
    }
}

/// "Clear everything" and 下一位: the saved answers and the fragment, at once. The page's
/// history keeps one entry for the answers (the app only ever replaces it), so the fragment
/// removed here is the only place a link's answers stood.
pub fn clear() {
    store(&Answers::default(), false, false);
    set_fragment(&Answers::default());
}
