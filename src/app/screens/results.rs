//! What the rules returned, grouped so a family reads it at a glance: totals on top, each
//! item with its amount, why, the clause and its exact words, where to go and what to bring;
//! the items that do not apply folded away below.

use yew::prelude::*;

use super::print;
use super::reach::{clear_all, read_aloud, save_controls, share_section};
use super::shared;
use super::ScreenProps;
use crate::app::download;
use crate::app::hooks::TITLE_ID;
use crate::app::host;
use crate::app::state::{Action, State};
use crate::calendar;
use crate::flow::text::{Key, Voice};
use crate::read_aloud as aloud;
use crate::results::present;
use crate::rules::facts::number;
use crate::rules::{self, BenefitId, BenefitResult, Outcome, Status, HOTLINES};

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
        inside(s, &outcome, Some(&props.dispatch))
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
                // A birth given without its day or month: what the results took it as.
                { for present::births_assumed(&s.answers, s.lang, s.voice).into_iter().map(|l| html! { <p class="assumed">{ l }</p> }) }
                <p>{ present::checked_line(&outcome, s.lang) }</p>
            </footer>
            { actions }
            { clear_all(s, &props.dispatch) }
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
pub(super) fn outside(s: &State, outcome: &Outcome) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let title = if outcome.special_family {
        t(Key::NotCoveredTitle)
    } else {
        t(Key::NotSpecialTitle)
    };
    // Said once for the household (RULINGS, Round 3), with where to turn instead.
    let mut why = outcome
        .outside
        .iter()
        .map(|r| present::reason(r, s.lang).to_string());
    let lead = why.next().unwrap_or_default();
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ title }</h1>
            <p class="lead">{ lead }</p>
            { for why.map(|w| html! { <p class="pointer">{ w }</p> }) }
            <p>{ t(Key::NotSpecialBody) }</p>
            { host::contact(s.lang, s.voice) }
            { hotlines(s) }
        </>
    }
}

/// The results of a special family: a first card with what to do, then the items still to
/// claim (most urgent first), the services folded into one group, what the family already
/// gets, and what does not apply (`present::results_view` decides the order).
pub(super) fn inside(s: &State, outcome: &Outcome, dispatch: Option<&Callback<Action>>) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let view = present::results_view(outcome, &s.answers.received);
    let reminders = calendar::reminders(outcome, s.lang);
    let title = if s.answers.parents_late() {
        Key::ResultsTitleLate
    } else {
        Key::ResultsTitle
    };
    let n = |k: Key, n: usize| Key::fill(k, s.lang, s.voice, &[("n", &number(n as u64))]);
    let list = |items: &[&BenefitResult]| {
        html! {
            <ul class="items">
                { for items.iter().map(|r| html! { <li>{ item(s, outcome, r, dispatch, &reminders) }</li> }) }
            </ul>
        }
    };
    html! {
        <>
            <h1 id={TITLE_ID} tabindex="-1">{ t(title) }</h1>
            // What to do first, before anything else (issue 20.2); each group's heading
            // says how many items it has.
            { first_card(s, outcome, &view) }
            <details class="legend-more">
                <summary>{ t(Key::LegendTitle) }</summary>
                <p class="legend">{ t(Key::StatusLegend) }</p>
            </details>
            { host::contact(s.lang, s.voice) }
            if !view.cards.is_empty() {
                <section class="group" aria-labelledby="to-claim">
                    <h2 id="to-claim">{ n(Key::ToClaim, view.cards.len()) }</h2>
                    { list(&view.cards) }
                </section>
            }
            if !view.services.is_empty() {
                <details class="group services">
                    <summary><h2>{ n(Key::Services, view.services.len()) }</h2></summary>
                    { list(&view.services) }
                </details>
            }
            if !view.after_death.is_empty() {
                { after_death(s, outcome, &view.after_death) }
            }
            if !view.received.is_empty() {
                <section class="group received" aria-labelledby="received">
                    <h2 id="received">{ n(Key::Received, view.received.len()) }</h2>
                    <ul class="received-list">
                        { for view.received.iter().map(|r| html! {
                            <li>
                                <span>{ s.lang.pick(r.id.info().zh, r.id.info().en) }</span>
                                { mark_button(s, r.id, false, dispatch) }
                            </li>
                        }) }
                    </ul>
                </section>
            }
            <details class="not-applying">
                <summary>{ n(Key::NotApplying, view.not_applying.len()) }</summary>
                <ul>
                    { for view.not_applying.iter().map(|r| {
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

/// What to do first: where to go first and what to bring there (issue 20.2: on the first
/// screen in every text size and language); the nearest deadline; then the money, sure and
/// to confirm.
fn first_card(s: &State, outcome: &Outcome, view: &present::ResultsView<'_>) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    html! {
        <section class="first-card" aria-labelledby="first-title">
            <h2 id="first-title">{ t(Key::FirstTitle) }</h2>
            if let Some(stop) = &view.first_stop {
                { labelled(s, "contact", Key::GoFirst, present::go_first(stop, outcome, &s.answers, s.lang)) }
                { labelled(s, "bring", Key::Bring, stop.documents.iter().map(|d| s.lang.pick(d.zh, d.en)).collect::<Vec<_>>().join(s.lang.pick("、", "; "))) }
            }
            if let Some(line) = present::deadline_line(view, s.lang) {
                { labelled(s, "deadline", Key::Deadline, line) }
            }
            { shared::totals(s.lang, outcome) }
            { read_aloud(aloud::first_card(view, outcome, &s.answers, s.lang), s.lang, t(Key::ReadFirst).into_owned(), &t(Key::ReadAloud)) }
        </section>
    }
}

/// 身后事 (issue 20.3): what is claimed only after the parents' death (the grave plot while
/// they live), short and apart from what to apply for now: what it is, who claims it and how
/// (the item's reason), where, and the papers.
fn after_death(s: &State, outcome: &Outcome, items: &[&BenefitResult]) -> Html {
    let child = present::child(outcome);
    html! {
        <section class="group after-death" aria-labelledby="after-death">
            <h2 id="after-death">{ Key::AfterDeath.text(s.lang, s.voice) }</h2>
            { for items.iter().map(|r| html! {
                <div class="after-death-item">
                    <h3>{ s.lang.pick(r.id.info().zh, r.id.info().en) }</h3>
                    { for r.reasons.iter().map(|x| html! { <p>{ present::reason(x, s.lang).to_string() }</p> }) }
                    { labelled(s, "contact", Key::AfterDeathWhere, agency(s, outcome, r.first_stop)) }
                    { labelled(s, "bring", Key::Bring, present::papers(r, child).iter().map(|d| s.lang.pick(d.zh, d.en)).collect::<Vec<_>>().join(s.lang.pick("、", "; "))) }
                </div>
            }) }
        </section>
    }
}

/// "<strong>先去：</strong>龙亭区卫生健康委": one labelled line, written once for the first card
/// and every card (each `html!` element is code in the first load).
fn labelled(s: &State, class: &'static str, label: Key, value: String) -> Html {
    html! {
        <p ~className={class}><strong>{ label.text(s.lang, s.voice) }{ present::colon(s.lang) }</strong>{ value }</p>
    }
}

fn agency(s: &State, outcome: &Outcome, a: rules::AgencyId) -> String {
    present::agency_name(a, outcome.area, s.lang)
}

/// 我家已经在享受 (issue 20.6: plainly a control): a checkbox with its label, unticked on a card
/// (`to` true: ticking it marks the item), ticked in the list of what the family gets; none
/// where nothing can be marked (the office page's register rows).
fn mark_button(s: &State, id: BenefitId, to: bool, dispatch: Option<&Callback<Action>>) -> Html {
    let Some(dispatch) = dispatch else {
        return Html::default();
    };
    let onchange = dispatch.reform(move |_: Event| Action::MarkReceived(id, to));
    let word = Key::MarkReceived.text(s.lang, s.voice);
    let name = s.lang.pick(id.info().zh, id.info().en);
    html! {
        <label class="mark">
            <input type="checkbox" checked={!to} {onchange}
                aria-label={[name, present::colon(s.lang), &word].concat()} />
            <span>{ word }</span>
        </label>
    }
}

fn item(
    s: &State,
    outcome: &Outcome,
    r: &BenefitResult,
    dispatch: Option<&Callback<Action>>,
    reminders: &[calendar::Reminder],
) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    let b = r.id.info();
    let child = present::child(outcome);
    let (item_class, status_class) = match r.status {
        Status::Eligible => ("item eligible", "status eligible"),
        Status::Check => ("item check", "status check"),
        Status::Future => ("item future", "status future"),
        Status::NotEligible => ("item not-eligible", "status not-eligible"),
    };
    let colon = present::colon(s.lang);
    let name = s.lang.pick(b.zh, b.en);
    // Not rules::clause(): that would carry every clause's whole text into the wasm.
    let clause_text = present::clause_title_in(b.clause, s.lang);
    let reminders: Vec<calendar::Reminder> = reminders
        .iter()
        .filter(|x| x.item == r.id)
        .cloned()
        .collect();
    html! {
        <article ~className={item_class} id={["item-", r.id.as_str()].concat()}>
            <h3>{ name }</h3>
            <div class="item-actions">
                <p ~className={status_class}>{ present::status_label(r, s.lang) }</p>
                { mark_button(s, r.id, true, dispatch) }
                if !reminders.is_empty() {
                    { calendar_button(s, outcome, r.id, name, reminders) }
                }
            </div>
            if let Some(line) = present::amount_line(r, outcome.as_of, s.lang) {
                <p class="amount">{ line }</p>
            }
            { labelled(s, "contact", Key::GoFirst, agency(s, outcome, r.first_stop)) }
            <details class="more">
                <summary>{ t(Key::Details) }</summary>
                { read_aloud(aloud::item(r, outcome, s.lang), s.lang,
                    [&*t(Key::ReadItem), colon, name].concat(), &t(Key::ReadAloud)) }
                <h4>{ t(Key::Why) }</h4>
                <ul class="reasons">
                    { for r.reasons.iter().map(|x| html! { <li>{ present::reason(x, s.lang).to_string() }</li> }) }
                </ul>
                <h4>{ t(Key::Bring) }</h4>
                <ul class="documents">
                    { for present::papers(r, child).into_iter().map(|d| html! { <li>{ s.lang.pick(d.zh, d.en) }</li> }) }
                </ul>
                <h4 class="clause">{ t(Key::Basis) }{ colon }{ Key::ClauseRef.fill(s.lang, s.voice, &[("n", &number(u64::from(b.clause)))]) }{ s.lang.pick("　", " ") }{ clause_text }</h4>
                <blockquote lang="zh-CN">{ present::basis(r.id, child) }</blockquote>
                <h4>{ t(Key::Responsible) }</h4>
                <p class="agencies">{ present::join(&b.agencies.iter().map(|a| agency(s, outcome, *a)).collect::<Vec<_>>(), s.lang.pick("、", "; ")) }</p>
            </details>
        </article>
    }
}

/// 加到日历: the item's reminders as an iCalendar file the phone's calendar opens.
fn calendar_button(
    s: &State,
    outcome: &Outcome,
    id: BenefitId,
    name: &str,
    reminders: Vec<calendar::Reminder>,
) -> Html {
    let file = ["fuzhu-", id.as_str(), ".ics"].concat();
    let text = calendar::ics(&reminders, outcome.as_of);
    // Issue 20.6: say what the tap did, in a polite live region beside the button.
    let said = ["saved-", id.as_str()].concat();
    let saved = Key::CalendarSaved.text(s.lang, s.voice).into_owned();
    let at = said.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        if download::save(text.as_bytes(), &file, "text/calendar;charset=utf-8").is_some() {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&at))
            {
                el.set_text_content(Some(&saved));
            }
        }
    });
    html! {
        <>
            <button type="button" class="secondary calendar" {onclick}
                aria-label={Key::CalendarLabel.fill(s.lang, s.voice, &[("item", name)])}>
                { Key::AddToCalendar.text(s.lang, s.voice) }
            </button>
            <span class="saved" id={said} role="status" aria-live="polite"></span>
        </>
    }
}
