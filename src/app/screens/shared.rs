//! Pieces of the results shown in more than one place: the share link's QR code (on the
//! results, in a volunteer's hand-over and on the printed sheet) and the headline's sums (on
//! the results and in the hand-over). A file of their own, so the screens that show them
//! (`results`, `reach`, `print`) never import one another in a circle.

use yew::prelude::*;

use crate::flow::text::Lang;
use crate::results::present;
use crate::rules::facts::signed_number;
use crate::rules::Outcome;
use crate::share;

/// The link as a QR code, drawn in Rust as one SVG path: always dark on white with its quiet
/// zone, whatever the colour scheme, so every phone camera can read it. A plain function,
/// not a component (a component's machinery cost 2 KB of the first load); the last code drawn
/// is kept, so re-rendering the results does not encode it again.
pub fn qr_code(link: &str, label: String) -> Html {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, std::rc::Rc<share::QrPath>)>> =
            const { std::cell::RefCell::new(None) };
    }
    let qr = LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((l, qr)) = last.as_ref() {
            if l == link {
                return Some(qr.clone());
            }
        }
        let qr = std::rc::Rc::new(share::qr(link)?);
        *last = Some((link.to_owned(), qr.clone()));
        Some(qr)
    });
    let Some(qr) = qr else {
        return Html::default();
    };
    html! {
        <svg class="qr" role="img" aria-label={label}
            viewBox={{
                let size = signed_number(i64::from(qr.size));
                ["0 0 ", &size, " ", &size].concat()
            }} shape-rendering="crispEdges">
            <rect width="100%" height="100%" fill="#fff" />
            <path fill="#000" d={qr.d.clone()} />
        </svg>
    }
}

/// The headline's sums, sure and to be confirmed (`present::totals_rows`): never a 0元.
pub fn totals(lang: Lang, outcome: &Outcome) -> Html {
    let rows = present::totals_rows(outcome, lang);
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <dl class="totals">
            { for rows.into_iter().map(|r| html! {
                // A rate in words (the national rate) reads smaller than a sum in figures.
                <div ~className={if r.to_confirm { "to-confirm" } else { "" }}>
                    <dt>{ r.label.text(lang, crate::flow::Voice::Family) }</dt>
                    <dd ~className={if r.value.ends_with(['元', 'n']) { "" } else { "words" }}>{ r.value }</dd>
                </div>
            }) }
        </dl>
    }
}
