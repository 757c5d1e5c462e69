//! Browser tests of the app, run by wasm-bindgen-test in headless Chromium:
//! `make test-web`, i.e. `. scripts/env.sh && cargo test --target wasm32-unknown-unknown --test web`.
//! Expected strings come from `flow::text`, so rewording a text does not break these tests.
#![cfg(target_arch = "wasm32")]

use fuzhu::app::App;
use fuzhu::flow::text::{Key, Lang, Voice};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element appended to `<body>` with the app mounted in it, rendered.
struct Mounted(Element);

impl Mounted {
    async fn new() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Mounted(root)
    }

    fn find(&self, selector: &str) -> HtmlElement {
        self.0
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector} in {}", self.0.inner_html()))
            .dyn_into()
            .unwrap()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .text_content()
            .unwrap()
            .trim()
            .to_owned()
    }

    async fn click(&self, selector: &str) {
        self.find(selector).click();
        yew::scheduler::flush().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn zh(key: Key) -> String {
    key.text(Lang::Zh, Voice::Family).into_owned()
}

fn en(key: Key) -> String {
    key.text(Lang::En, Voice::Family).into_owned()
}

#[wasm_bindgen_test]
async fn opens_on_the_welcome_screen_in_chinese() {
    let app = Mounted::new().await;
    assert_eq!(app.text(".brand"), "扶助通");
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle));
    assert_eq!(app.text(".welcome button.primary"), zh(Key::Start));
}

#[wasm_bindgen_test]
async fn start_moves_to_the_first_question() {
    let app = Mounted::new().await;
    let before = app.text("h1");
    app.click(".welcome button.primary").await;
    let after = app.text("h1");
    assert_ne!(after, before, "the heading did not change after 开始");
    assert!(app.0.query_selector(".welcome").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_texts() {
    let app = Mounted::new().await;
    app.click(".lang-switch").await;
    assert_eq!(app.text("h1"), en(Key::WelcomeTitle));
    app.click(".lang-switch").await;
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle));
}
