//! What the rules returned, grouped so a family reads it at a glance: totals on top, each
//! item with its amount, why, the clause and its exact words, where to go and what to bring;
//! the items that do not apply folded away below.

use yew::prelude::*;

use super::print;
use super::reach::{clear_all, read_aloud, save_controls, share_section};
use super::ScreenProps;
use crate::app::hooks::TITLE_ID;
use crate::app::office;
use crate::app::state::{Action, State};
use crate::flow::present;
use crate::flow::read_aloud as aloud;
use crate::flow::text::{Key, Lang, Voice};
use crate::rules::{self, BenefitResult, Outcome, Status, HOTLINES};

/// The results screen (a plain function: see `screens/mod.rs`).
pub fn results(props: &ScreenProps) -> Html {
    let s = &props.state;
    let t = |k: Key| k.text(s.lang, s.voice);
    let back = props.dispatch.reform(|_: MouseEvent| Action::Back);
    let restart = props.dispatch.reform(|_: MouseEvent| Action::Restart);
    let actions = html! {
        <div class="actions no-print">
            <button type="button" class="secondary" onclick={back}>{ t(Key::Back) }</button>
            <button type="button" class="secondary" onclick={restart}>{ t(Key::StartAgain) }</button>
        </div>
    };
    let Some(facts) = s.answers.to_facts(s.today) else {
        // The reducer only shows results once every question is answered.
        return html! { <section key="results" class="screen"><h1 id={TITLE_ID} tabindex="-1">{ t(Key::SummaryTitle) }</h1>{ actions }</section> };
    };
    let outcome = match rules::evaluate(&facts, s.today) {
        Ok(o) => o,
        Err(e) => {
            return html! {
                <section key="results" class="screen results">
                    <h1 id={TITLE_ID} tabindex="-1">{ t(Key::ErrorTitle) }</h1>
                    <p class="error" role="alert">{ t(Key::EngineRefused) }{ s.lang.pick(&e.zh, &e.en).to_string() }</p>
                    { actions }
                </section>
            };
        }
    };
    let printable = outcome.special_family && outcome.covered;
    let main = if printable {
        inside(s, &outcome)
    } else {
        outside(s, &outcome)
    };
    html! {
        <section key="results" class="screen results">
            { main }
            if printable {
                // A volunteer prints from the hand-over, where it is the main action.
                if s.voice == Voice::Family {
                    { print::print_button(s, false) }
                }
                { print::sheet(s, &outcome) }
            }
            { share_section(s, Some(&outcome)) }
            { save_controls(s, &props.dispatch) }
            <footer class="meta">
                <p>{ t(Key::Disclaimer) }</p>
                <p>{ present::checked_line(&outcome, s.lang) }</p>
            </footer>
            { actions }
            { clear_all(s, &props.dispatch) }
        </section>
    }
}

/// One household's results and its print sheet, without the questionnaire's controls (back,
/// start again, share, save, clear): the same view as [`results`], for the office page's
/// register rows, whose facts come from a spreadsheet rather than from answers.
#[cfg(feature = "office")]
pub fn household(s: &State, outcome: &Outcome) -> Html {
    let printable = outcome.special_family && outcome.covered;
    html! {
        <section key="household" class="screen results">
            if printable {
                { inside(s, outcome) }
                { print::print_button(s, false) }
                { print::sheet(s, outcome) }
            } else {
                { outside(s, outcome) }
            }
            <footer class="meta">
                <p>{ Key::Disclaimer.text(s.lang, s.voice) }</p>
                <p>{ present::checked_line(outcome, s.lang) }</p>
            </footer>
        </section>
    }
}

fn hotlines(s: &State) -> Html {
    html! {
        <section class="hotlines" aria-labelledby="hotlines-title">
            <h2 id="hotlines-title">{ Key::Hotlines.text(s.lang, s.voice) }</h2>
            <ul>
                { for HOTLINES.iter().map(|(n, zh, en)| html! {
                    <li><a href={["tel:", n].concat()}>{ *n }</a>{ " " }{ s.lang.pick(zh, en) }</li>
                }) }
            </ul>
        </section>
    }
}

/// Not a special family, or not covered by Kaifeng: say so kindly, and why.
fn outside(s: &State, outcome: &Outcome) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let title = if outcome.special_family {
        t(Key::NotCoveredTitle)
    } else {
        t(Key::NotSpecialTitle)
    };
    let why = outcome
        .benefits
        .first()
        .and_then(|b| b.reasons.first())
        .map(|r| present::reason(r, s.lang).to_string())
        .unwrap_or_default();
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ title }</h1>
            <p class="lead">{ why }</p>
            <p>{ t(Key::NotSpecialBody) }</p>
            { office::contact(s.lang, s.voice) }
            { hotlines(s) }
        </>
    }
}

fn inside(s: &State, outcome: &Outcome) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let groups = present::grouped(outcome);
    let count: usize = groups.iter().map(|(_, items)| items.len()).sum();
    let not = present::not_applying(outcome);
    let title = if s.answers.parents_late() {
        Key::ResultsTitleLate
    } else {
        Key::ResultsTitle
    };
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ t(title) }</h1>
            <p class="lead">{ Key::ResultsCount.fill(s.lang, s.voice, &[("n", &count.to_string())]) }</p>
            { totals(s.lang, outcome) }
            <p class="legend">{ t(Key::StatusLegend) }</p>
            { office::contact(s.lang, s.voice) }
            { for groups.into_iter().map(|(g, items)| { let gid = AttrValue::from(format!("group-{}", g as u8)); html! {
                <section class="group" aria-labelledby={gid.clone()}>
                    <h2 id={gid}>{ s.lang.pick(g.zh(), g.en()) }</h2>
                    <ul class="items">
                        { for items.into_iter().map(|r| html! { <li>{ item(s, outcome, r) }</li> }) }
                    </ul>
                </section>
            } }) }
            <details class="not-applying">
                <summary>{ Key::NotApplying.fill(s.lang, s.voice, &[("n", &not.len().to_string())]) }</summary>
                <ul>
                    { for not.into_iter().map(|r| {
                        let b = r.id.info();
                        html! {
                            <li>
                                <h3>{ s.lang.pick(b.zh, b.en) }</h3>
                                <ul class="reasons">
                                    { for r.reasons.iter().map(|x| html! { <li>{ present::reason(x, s.lang).to_string() }</li> }) }
                                </ul>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            { hotlines(s) }
        </>
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

fn item(s: &State, outcome: &Outcome, r: &BenefitResult) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let b = r.id.info();
    let (item_class, status_class) = match r.status {
        Status::Eligible => ("item eligible", "status eligible"),
        Status::Check => ("item check", "status check"),
        Status::Future => ("item future", "status future"),
        Status::NotEligible => ("item not-eligible", "status not-eligible"),
    };
    let agency = |a: rules::AgencyId| match s.lang {
        Lang::Zh => a.name_zh(outcome.area),
        Lang::En => a.name_en(outcome.area),
    };
    // Not rules::clause(): that would carry every clause's whole text into the wasm.
    let clause_text = present::clause_title_in(b.clause, s.lang);
    html! {
        <article ~className={item_class} id={["item-", r.id.as_str()].concat()}>
            <h3>{ s.lang.pick(b.zh, b.en) }</h3>
            { read_aloud(aloud::item(r, outcome, s.lang), s.lang,
                [&*t(Key::ReadItem), present::colon(s.lang), s.lang.pick(b.zh, b.en)].concat(), &t(Key::ReadAloud)) }
            <p ~className={status_class}>{ present::status_label(r, s.lang) }</p>
            if let Some(line) = present::amount_line(r, outcome.as_of, s.lang) {
                <p class="amount">{ line }</p>
            }
            <h4>{ t(Key::Why) }</h4>
            <ul class="reasons">
                { for r.reasons.iter().map(|x| html! { <li>{ present::reason(x, s.lang).to_string() }</li> }) }
            </ul>
            <p class="contact"><strong>{ t(Key::GoFirst) }{ s.lang.pick("：", ": ") }</strong>{ agency(r.first_stop) }</p>
            <details class="clause">
                <summary>{ t(Key::Basis) }{ present::colon(s.lang) }{ Key::ClauseRef.fill(s.lang, s.voice, &[("n", &b.clause.to_string())]) }{ s.lang.pick("　", " ") }{ clause_text }</summary>
                <blockquote lang="zh-CN">{ crate::later::resolve(b.quote) }</blockquote>
            </details>
            <details class="how">
                <summary>{ t(Key::HowToClaim) }</summary>
                <h4>{ t(Key::Bring) }</h4>
                <ul class="documents">
                    { for r.documents.iter().map(|d| html! { <li>{ s.lang.pick(d.zh, d.en) }</li> }) }
                </ul>
                <h4>{ t(Key::Responsible) }</h4>
                <p class="agencies">{ b.agencies.iter().map(|a| agency(*a)).collect::<Vec<_>>().join(if s.lang == Lang::Zh { "、" } else { "; " }) }</p>
            </details>
        </article>
    }
}
