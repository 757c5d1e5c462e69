//! index.html's static first screen is what a phone shows before the wasm arrives (and the
//! page's largest contentful paint): the welcome screen's own words, so the app's arrival
//! changes nothing a reader is reading. These tests keep the two equal.

use fuzhu::flow::text::{Key, Lang, Voice};

const INDEX: &str = include_str!("../index.html");

/// The static screen: from `<div id="app">` to the end of the body.
fn static_screen() -> &'static str {
    let from = INDEX.find("<div id=\"app\">").expect("index.html has #app");
    let to = INDEX.rfind("</body>").expect("index.html has a body");
    &INDEX[from..to]
}

#[test]
fn the_static_first_screen_says_what_the_welcome_screen_says() {
    let screen = static_screen();
    for key in [
        Key::AppName,
        Key::WelcomeTitle,
        Key::WelcomeWho,
        Key::WelcomeTime,
        Key::WelcomePrivacy,
        Key::WelcomeGentle,
        Key::WelcomePolicy,
    ] {
        let zh = key.text(Lang::Zh, Voice::Family);
        assert!(
            screen.contains(&*zh),
            "index.html's first screen lacks {key:?}: {zh}"
        );
    }
}

#[test]
fn the_static_first_screen_has_one_heading_and_the_welcome_title() {
    let screen = static_screen();
    assert_eq!(screen.matches("<h1").count(), 1);
    let title = Key::WelcomeTitle.text(Lang::Zh, Voice::Family);
    assert!(screen.contains(&format!("<h1>{title}</h1>")));
    // The markers the boot script and the tests wait on.
    assert!(screen.contains("class=\"app static-screen\""));
    assert!(screen.contains("id=\"fallback\""));
}

#[test]
fn index_html_has_no_inline_style_or_handler() {
    // The Content-Security-Policy (scripts/csp.mjs) allows no style attribute and no inline
    // event handler; the only inline style is the <noscript> rule, allowed by its hash.
    assert!(
        !INDEX.contains(" style="),
        "a style attribute in index.html"
    );
    assert!(
        !INDEX.contains(" onclick="),
        "an inline handler in index.html"
    );
    assert!(
        !INDEX.contains(" onload="),
        "an inline handler in index.html"
    );
}
