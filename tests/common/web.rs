//! The browser tests' way of using the app as a person would: mount it into a fresh element,
//! find things by selector, click, choose, and await `yew::scheduler::flush()` after each
//! step (never a sleep). Written once here for tests/web.rs and tests/web_reach.rs.

use fuzhu::app::{App, AppProps, State};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Storage};

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub fn storage() -> Storage {
    window().local_storage().unwrap().unwrap()
}

pub fn session() -> Storage {
    window().session_storage().unwrap().unwrap()
}

pub fn cookies() -> String {
    let doc = window().document().unwrap();
    Reflect::get(&doc, &"cookie".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// The address's fragment, with its `#`.
pub fn hash() -> String {
    window().location().hash().unwrap()
}

/// Replaces the address's fragment (`h` with its `#`, or empty) without a navigation; nothing
/// when it already is `h` (Chromium ignores `history.replaceState` for a while after 200 calls
/// in 10 seconds, and the tests mount many apps: see `Mounted::clean`).
pub fn set_hash(h: &str) {
    if hash() == h {
        return;
    }
    let loc = window().location();
    let url = format!("{}{}{h}", loc.pathname().unwrap(), loc.search().unwrap());
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// Waits `ms` milliseconds (a timer, for the browser's own limits only: never to wait for the
/// app, which `yew::scheduler::flush()` is for).
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the browser run its own tasks (a timer of 0 ms): a test that mounts an app for each of
/// 170 households awaits only `flush()`, which never leaves the microtask queue, so the page
/// would answer the test driver's messages only at the end; on a busy machine that passes
/// ChromeDriver's 30-second limit ("Timed out receiving message from renderer") and the whole
/// run fails. Called once per household.
pub async fn yield_to_browser() {
    sleep_ms(0).await;
}

/// Leaves the page as a first visit finds it: no saved answers, no fragment.
pub fn forget_everything() {
    storage().clear().unwrap();
    session().clear().unwrap();
    set_hash("");
}

/// The texts the app fetches, here from this build's own tables (the test runner serves no
/// release files): the English sentences (crate::english), fetched when English is chosen, and
/// the Chinese of the results (crate::later), fetched as soon as the app is up.
pub fn install_tables() {
    if !fuzhu::english::installed() {
        assert!(fuzhu::english::install(fuzhu::english::BUNDLED.to_owned()));
    }
    if !fuzhu::later::installed() {
        assert!(fuzhu::later::install(fuzhu::later::BUNDLED.to_owned()));
    }
}

/// A fresh element appended to `<body>` with the app mounted in it, rendered. Dropping it
/// removes the element and forgets everything the app kept, so the next test starts clean.
pub struct Mounted(Element);

impl Mounted {
    /// The app as a visitor opens it: from the address and this device's storage as they are.
    pub async fn new() -> Self {
        Self::with(None).await
    }

    /// The app starting from `initial` (or a first visit), after forgetting anything an
    /// earlier test left in the address or storage: a test that failed (a panic aborts
    /// before `Drop`) cannot change where the next one starts.
    pub async fn clean(initial: Option<State>) -> Self {
        forget_everything();
        // After some 200 changes of the address in 10 seconds (the every-scenario tests mount
        // 170 apps, each writing its answers there) Chromium ignores the next ones for a
        // while: wait until the fragment is really gone, or a test would start from the
        // answers an earlier one left.
        for _ in 0..30 {
            if hash().is_empty() {
                break;
            }
            sleep_ms(500).await;
            set_hash("");
        }
        assert_eq!(hash(), "", "the address keeps an earlier test's fragment");
        Self::with(initial).await
    }

    /// The app starting from `initial` (or, with `None`, as [`Mounted::new`]).
    pub async fn with(initial: Option<State>) -> Self {
        install_tables();
        let document = window().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { initial }).render();
        yew::scheduler::flush().await;
        Mounted(root)
    }

    /// Removes the app as closing the tab would: what it left in the address and in storage
    /// stays, for the next visit to find.
    pub fn leave(self) {
        self.0.remove();
        std::mem::forget(self);
    }

    /// How many elements match `selector`.
    pub fn count(&self, selector: &str) -> u32 {
        self.0.query_selector_all(selector).unwrap().length()
    }

    pub fn has(&self, selector: &str) -> bool {
        self.element(selector).is_some()
    }

    /// Any element, SVG ones included.
    pub fn element(&self, selector: &str) -> Option<Element> {
        self.0.query_selector(selector).unwrap()
    }

    pub fn get(&self, selector: &str) -> Option<HtmlElement> {
        self.element(selector).map(|e| e.dyn_into().unwrap())
    }

    pub fn find(&self, selector: &str) -> HtmlElement {
        self.get(selector)
            .unwrap_or_else(|| panic!("no {selector} in {}", self.0.inner_html()))
    }

    pub fn text(&self, selector: &str) -> String {
        self.find(selector)
            .text_content()
            .unwrap()
            .trim()
            .to_owned()
    }

    pub async fn click(&self, selector: &str) {
        self.find(selector).click();
        yew::scheduler::flush().await;
    }

    /// Picks the `i`th radio card or tick box on the screen.
    pub async fn choose(&self, i: usize) {
        let inputs = self.0.query_selector_all("label.card input").unwrap();
        let input: HtmlInputElement = inputs.item(i as u32).unwrap().dyn_into().unwrap();
        input.click();
        yew::scheduler::flush().await;
    }

    /// Presses the screen's main button (下一步 / Next).
    pub async fn next(&self) {
        self.click("button[type=submit]").await;
    }

    /// Types `text` into the input `selector` as a keyboard would leave it (its value, then
    /// an `input` event).
    pub async fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    /// Sets the `nth` select of the date picker (year, month, day) to `value`.
    pub async fn select(&self, nth: usize, value: &str) {
        let selects = self.0.query_selector_all(".date-picker select").unwrap();
        let select: HtmlSelectElement = selects.item(nth as u32).unwrap().dyn_into().unwrap();
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.0.remove();
        forget_everything();
    }
}
