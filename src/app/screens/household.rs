//! The office page's view of one household (`app::desk`): the family page's results and print
//! sheet, drawn by the same screens, without the questionnaire's controls. The office page's
//! own file among the screens (only its build, feature "office", compiles it), so the family
//! page's files hold none of its code.

use yew::prelude::*;

use super::{print, results};
use crate::app::state::State;
use crate::flow::text::Key;
use crate::results::present;
use crate::rules::Outcome;

/// One household's results and its print sheet, without the questionnaire's controls (back,
/// start again, share, save, clear): the same view as `results::results`, for the office page's
/// register rows, whose facts come from a spreadsheet rather than from answers.
pub fn household(s: &State, outcome: &Outcome) -> Html {
    let printable = outcome.special_family && outcome.covered;
    html! {
        <section key="household" class="screen results">
            if printable {
                { results::inside(s, outcome, None) }
                { print::print_button(s, false) }
                { print::sheet(s, outcome) }
            } else {
                { results::outside(s, outcome) }
            }
            <footer class="meta">
                <p>{ Key::Disclaimer.text(s.lang, s.voice) }</p>
                <p>{ present::checked_line(outcome, s.lang) }</p>
            </footer>
        </section>
    }
}
