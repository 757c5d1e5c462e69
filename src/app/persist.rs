//! Keeping the answers without a server: in the address bar's fragment (always, with
//! `history.replaceState`, never a request) and in `localStorage` (only after the person
//! agreed). The codec is `flow::share`; this module only reads and writes the browser.
//! Every browser call here may fail (private modes, blocked storage): failures are ignored,
//! so the worst case is that nothing is remembered.

use chrono::NaiveDate;
use wasm_bindgen::JsValue;
use web_sys::Storage;

use crate::flow::nav::{Action, State};
use crate::flow::share::{self, ShareError};
use crate::flow::Answers;

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

/// The first state: answers from the link's fragment if it has one, else those saved on this
/// device; and the error to show when the fragment could not be read (then a fresh start).
pub fn boot(today: NaiveDate) -> (State, Option<ShareError>) {
    let mut state = State::new(today);
    let mut saved = None;
    if let Some(store) = storage() {
        if let Ok(Some(code)) = store.get_item(ANSWERS_KEY) {
            state.saving = true;
            state.large_text = matches!(store.get_item(LARGE_TEXT_KEY), Ok(Some(v)) if v == "1");
            saved = share::decode(&code, today).ok();
        }
    }
    let fragment = fragment();
    if !fragment.trim().is_empty() {
        return match share::decode(&fragment, today) {
            Ok(a) => (state.reduce(Action::Restore(a)), None),
            Err(e) => (state, Some(e)),
        };
    }
    if let Some(a) = saved {
        state = state.reduce(Action::Restore(a));
    }
    (state, None)
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
    Some(format!("{}{}", loc.pathname().ok()?, loc.search().ok()?))
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
        format!("{base}#{code}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The full address that opens these answers on another phone.
pub fn link(a: &Answers) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    Some(format!("{origin}{}#{}", base()?, share::encode(a)))
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

/// "Clear everything": the saved answers and the fragment, at once.
pub fn clear() {
    store(&Answers::default(), false, false);
    set_fragment(&Answers::default());
}
