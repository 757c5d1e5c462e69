//! Pieces for reaching more people: the read-aloud button, the QR code that opens the
//! results on another phone, the volunteer's hand-over to the family, and saving on this
//! device with the person's agreement.

use yew::prelude::*;

use crate::app::persist;
use crate::app::speech;
use crate::app::state::{Action, State};
use crate::flow::text::{Key, Lang, Voice};
use crate::results::present;
use crate::rules::{AgencyId, Outcome, Status};

/// A button that reads `text` aloud in `lang`, with `label` as its accessible name and
/// `word` as its visible text; nothing at all where the browser cannot speak. While it reads,
/// it says 正在朗读 and becomes 停止; where the phone has no voice for `lang`, it says so.
/// A plain function rather than a component, which keeps the wasm smaller; what it shows
/// comes from `speech::reading`, and the app redraws it when that changes.
pub fn read_aloud(text: String, lang: Lang, label: String, word: &str) -> Html {
    if !speech::available() {
        return Html::default();
    }
    let t = |k: Key| k.text(lang, Voice::Family);
    let now = speech::reading(&text);
    let speaking = now == speech::Reading::Speaking;
    let onclick = Callback::from(move |_: MouseEvent| speech::toggle(&text, lang));
    let (label, word) = if speaking {
        (
            t(Key::StopReadingLabel).into_owned(),
            t(Key::StopReading).into_owned(),
        )
    } else {
        (label, word.to_owned())
    };
    // The same button element in every state, so the focus stays on it.
    html! {
        <>
            <button type="button" ~className={if speaking { "read-aloud reading" } else { "read-aloud" }}
                aria-label={label} {onclick}>
                <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
                    <path fill="currentColor" d={if speaking { "M6 6h12v12H6z" } else { "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" }}/>
                </svg>
                { word }
            </button>
            if speaking {
                <span class="reading-now">{ t(Key::ReadingNow) }</span>
            }
            if now == speech::Reading::NoVoice {
                <p class="no-voice" role="alert">{ t(Key::NoVoice) }</p>
            }
        </>
    }
}

/// The QR code with its title and caption; for a volunteer, inside the hand-over to the
/// family with the totals, the items to claim and where to go first.
pub fn share_section(s: &State, outcome: Option<&Outcome>) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let Some(link) = persist::link(&s.answers) else {
        return Html::default();
    };
    let qr = html! {
        <figure class="qr-figure">
            { super::shared::qr_code(&link, t(Key::QrTitle).into_owned()) }
            <figcaption>{ t(Key::QrCaption) }</figcaption>
        </figure>
    };
    if s.voice == Voice::Family {
        // Folded: opened when wanted, so the results stay short (issue 20.2).
        return html! {
            <details class="share no-print">
                <summary><h2 id="share-title">{ t(Key::QrTitle) }</h2></summary>
                { qr }
            </details>
        };
    }
    // Addressed to the family, so in their voice whoever holds the phone.
    let f = |k: Key| k.text(s.lang, Voice::Family);
    let summary = outcome.filter(|o| o.special_family && o.covered).map(|o| {
        // What can be claimed now; items from a later date are on the full results above.
        let items: Vec<_> = o
            .benefits
            .iter()
            .filter(|b| {
                matches!(b.status, Status::Eligible | Status::Check) && !present::after_death(b)
            })
            .collect();
        let mut places: Vec<AgencyId> = Vec::new();
        for r in &items {
            let c = r.first_stop;
            if !places.contains(&c) {
                places.push(c);
            }
        }
        let agency = |a: AgencyId| crate::results::present::agency_name(a, o.area, s.lang);
        html! {
            <>
                { super::print::print_button(s, true) }
                // The same sums as the headline: never 每月现金 0元 for an amount the policy
                // does not state.
                { super::shared::totals(s.lang, o) }
                <h3>{ f(Key::HandoverItems) }</h3>
                <ul class="handover-items">
                    { for items.iter().map(|r| {
                        let b = r.id.info();
                        html! { <li>{ s.lang.pick(b.zh, b.en) }{ s.lang.pick("：", ": ") }{ present::status_label(r, s.lang) }</li> }
                    }) }
                </ul>
                <h3>{ f(Key::GoFirstList) }</h3>
                <ol class="handover-places">
                    { for places.into_iter().map(|a| html! { <li>{ agency(a) }</li> }) }
                </ol>
            </>
        }
    });
    html! {
        <section class="handover" aria-labelledby="handover-title">
            <h2 id="handover-title">{ f(Key::HandoverTitle) }</h2>
            <p>{ f(Key::HandoverIntro) }</p>
            { summary.unwrap_or_default() }
            { qr }
        </section>
    }
}

/// "Save my answers on this device"; where the browser lets this page store nothing (an
/// embedding frame on another site), says so instead, with a link to the full page.
pub fn save_controls(s: &State, dispatch: &Callback<Action>) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    if !persist::can_store() {
        // The full page at the app's own address, with these answers: storage works there.
        let full = persist::link(&s.answers);
        return html! {
            <section class="keep no-print cannot-save">
                <p>{ t(Key::CannotSave) }</p>
                if let Some(href) = full.filter(|_| crate::app::hooks::embedded()) {
                    <p><a class="open-full-page" {href} target="_blank" rel="noopener">{ t(Key::OpenFullPage) }</a></p>
                }
            </section>
        };
    }
    let onchange = dispatch.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetSaving(input.checked())
    });
    html! {
        <section class="keep no-print">
            <label ~className={if s.saving { "card tick save checked" } else { "card tick save" }}>
                <input type="checkbox" checked={s.saving} {onchange} />
                <span>{ t(Key::SaveConsent) }</span>
            </label>
            <p class="hint">{ t(if s.aside.is_some() { Key::SaveReplaces } else { Key::SaveHint }) }</p>
        </section>
    }
}

/// "Clear all answers", at the bottom of the page: it first says what it removes and asks,
/// in the page (a `<details>`, so no state and no window.confirm).
pub fn clear_all(s: &State, dispatch: &Callback<Action>) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let clear = dispatch.reform(|_: MouseEvent| {
        persist::clear();
        speech::cancel();
        Action::ClearAll
    });
    html! {
        <details class="clear no-print">
            <summary>{ t(Key::ClearAll) }</summary>
            <p>{ t(Key::ClearAllHint) }</p>
            <button type="button" class="secondary clear-all" onclick={clear}>{ t(Key::ClearConfirm) }</button>
        </details>
    }
}
