//! The host, the street office the page's address names (`?office=<id>`), read from the publishing
//! site's `offices.json` next to index.html and checked by `crate::host`; its accent colour
//! applied to the page. The address itself never carries an office's words: without an id, or
//! with one the file does not hold (or holds with a doubtful value), there is no office and
//! the app names only the policy's agencies. It never makes up an office's details.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::flow::text::{Key, Lang, Voice};
use crate::host::{self, Office};

thread_local! {
    static OFFICE: RefCell<Rc<Office>> = RefCell::new(Rc::new(Office::default()));
}

/// The office named by the page's address, once [`load`] has read it (none before).
pub fn current() -> Rc<Office> {
    OFFICE.with(|o| o.borrow().clone())
}

/// Sets the office the sheets name: the host's, read by [`load`], or the office page's own
/// details, typed by its clerk (`app::desk::office_details`), so its printed sheets are
/// headed as the family page's are for a host.
pub fn set(office: Office) {
    OFFICE.with(|o| *o.borrow_mut() = Rc::new(office));
}

/// The office id in the page's address, if it is a valid one.
fn requested() -> Option<String> {
    let query = web_sys::window()?.location().search().ok()?;
    host::id_from_query(&query)
}

/// Reads the office the address names from `offices.json` (same origin: the CSP's
/// `connect-src 'self'`), applies its accent, then calls `done` so the page shows it.
/// Nothing at all without an id; any failure (no file, offline without a copy, a bad value)
/// leaves no office.
pub fn load(done: impl FnOnce() + 'static) {
    let Some(id) = requested() else {
        return;
    };
    super::hooks::fetch_text(
        "offices.json",
        Box::new(move |text| {
            if let Some(found) = text.and_then(|t| host::find(&t, &id)) {
                set(found);
                apply_accent();
                done();
            }
        }),
    );
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
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
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
