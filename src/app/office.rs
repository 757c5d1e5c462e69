//! The embedding street office, read once from the page's query string (`flow::office` checks
//! every value), and its accent colour applied to the page. Without parameters there is no
//! office and nothing changes: the app never makes up an office's details.

use std::rc::Rc;

use yew::prelude::*;

use crate::flow::office::Office;
use crate::flow::text::{Key, Lang, Voice};

thread_local! {
    static OFFICE: Rc<Office> = Rc::new(read());
}

fn read() -> Office {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|q| Office::from_query(&q))
        .unwrap_or_default()
}

/// The office given in the page's address (read on first use; the query never changes while
/// the app runs: only the fragment does).
pub fn current() -> Rc<Office> {
    OFFICE.with(Rc::clone)
}

/// Sets `--office-accent` on the root element, which the stylesheet uses as the accent in the
/// light colour scheme. Through the CSSOM, not a `style` attribute, so a strict CSP allows it.
pub fn apply_accent() {
    let office = current();
    let Some(accent) = office.accent.as_deref() else {
        return;
    };
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = root.style().set_property("--office-accent", accent);
    }
}

/// "您可以先联系：<office> <address> <phone> <hours>", the phone as a link; nothing without
/// an office.
pub fn contact(lang: Lang, voice: Voice) -> Html {
    let office = current();
    if !office.has_contact() {
        return Html::default();
    }
    let part = |class: &'static str, v: &Option<String>| match v {
        Some(text) => html! { <><span ~className={class}>{ text.clone() }</span>{ " " }</> },
        None => Html::default(),
    };
    let phone = match (&office.phone, office.tel_href()) {
        (Some(p), Some(href)) => html! {
            <><a class="office-phone" href={href} aria-label={[&*Key::OfficeCall.text(lang, voice), " ", p].concat()}>{ p.clone() }</a>{ " " }</>
        },
        _ => Html::default(),
    };
    html! {
        <p class="office-contact">
            <strong>{ Key::OfficeFirst.text(lang, voice) }</strong>
            { part("office-name", &office.name) }
            { part("office-address", &office.address) }
            { phone }
            { part("office-hours", &office.hours) }
        </p>
    }
}
