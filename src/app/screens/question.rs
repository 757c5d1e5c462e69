//! One question per screen. The screen keeps a draft of the answer until Next, so a half-made
//! choice never reaches the answers; Back leaves the answers as they were.

use chrono::Datelike;
use yew::prelude::*;

use super::reach;
use super::widgets::{
    date_picker, number_box, radio_cards, tick, DatePickerProps, NumberBoxProps, RadioCardsProps,
    TickProps,
};
use crate::app::hooks::TITLE_ID;
use crate::app::state::{Action, State};
use crate::flow::answers::Question;
use crate::flow::questions::{self, Check, DateParts, Kind, Problem};
use crate::flow::text::Key;
use crate::read_aloud;
use crate::rules::facts::number;

#[derive(Properties, PartialEq, Clone)]
pub struct QuestionProps {
    pub question: Question,
    pub state: State,
    pub dispatch: Callback<Action>,
    /// Changes whenever what is read aloud changes (`speech::version`), so the screen's
    /// 朗读 button is redrawn.
    #[prop_or_default]
    pub reading: u32,
}

/// The answer being made on this screen.
#[derive(Debug, Clone, PartialEq)]
enum Draft {
    Single(Option<usize>),
    PerParent([Option<usize>; 2]),
    Date(DateParts),
    Days([String; 2]),
    Checks(Vec<Check>),
}

fn initial(q: Question, s: &State) -> Draft {
    let a = &s.answers;
    match questions::kind(q) {
        Kind::Single => Draft::Single(questions::single_selected(q, a)),
        Kind::PerParent => Draft::PerParent(questions::parent_selected(q, a)),
        Kind::Date => Draft::Date(a.birth_answer(q).map(DateParts::of).unwrap_or_default()),
        Kind::Days => Draft::Days(
            a.hospital_days
                .map(|d| d.map(|d| number(u64::from(d))).unwrap_or_default()),
        ),
        Kind::Checks => Draft::Checks(
            questions::checks(q, a, s.today)
                .into_iter()
                .filter(|c| questions::is_checked(*c, a))
                .collect(),
        ),
    }
}

/// The answer the draft gives, or the message saying what is missing or impossible.
fn finish(q: Question, s: &State, draft: &Draft) -> Result<crate::flow::AnswerValue, Problem> {
    let living = s.answers.living_slots();
    match draft {
        Draft::Single(i) => Ok(i
            .and_then(|i| questions::single_value(q, i))
            .ok_or(Key::ChooseOne)?),
        Draft::PerParent(chosen) => {
            if living.iter().any(|p| chosen[*p as usize].is_none()) {
                return Err(Key::ChooseEach.into());
            }
            let mut only_living = [None, None];
            for p in living {
                only_living[*p as usize] = chosen[*p as usize];
            }
            Ok(questions::parent_value(q, only_living).ok_or(Key::ChooseEach)?)
        }
        Draft::Date(parts) => questions::date_value(q, *parts, &s.answers, s.today),
        Draft::Days(texts) => {
            questions::days_value([texts[0].as_str(), texts[1].as_str()], &s.answers, s.today)
        }
        Draft::Checks(ticked) => Ok(questions::checks_value(q, ticked).ok_or(Key::ChooseOne)?),
    }
}

/// Issue 20.5: a focused choice is seen whole above the sticky bar. The browser scrolls to a
/// focused input, but a radio's or a tick's card runs on below its small input; when the
/// card ends under the bar it is scrolled up (the page's scroll-padding leaves the bar's
/// height free). Geometry through `js_sys::Reflect`, so no web-sys feature is added.
fn reveal(e: FocusEvent) {
    use wasm_bindgen::JsCast;
    let Some(el) = e.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    // Only a choice's card (the bar's own buttons are where they are).
    let Some(card) = el.closest("label.card").ok().flatten() else {
        return;
    };
    let edge = |x: &web_sys::Element, side: &str| -> Option<f64> {
        let f: js_sys::Function = js_sys::Reflect::get(x, &"getBoundingClientRect".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let r = f.call0(x).ok()?;
        js_sys::Reflect::get(&r, &side.into()).ok()?.as_f64()
    };
    let bar = card
        .owner_document()
        .and_then(|d| d.query_selector(".screen .actions").ok().flatten());
    if let (Some(bottom), Some(top)) = (
        edge(&card, "bottom"),
        bar.as_ref().and_then(|b| edge(b, "top")),
    ) {
        if bottom > top {
            card.scroll_into_view_with_bool(false);
        }
    }
}

#[function_component(QuestionScreen)]
pub fn question_screen(props: &QuestionProps) -> Html {
    let q = props.question;
    let s = &props.state;
    let draft = {
        let s = s.clone();
        use_state(move || initial(q, &s))
    };
    let error = {
        let s = s.clone();
        // An earlier answer of only the year and month whose day has come to matter (an old
        // link): say why at once, not only after Next.
        use_state(move || {
            s.answers
                .birth_answer(q)
                .filter(|b| s.answers.needs_day(q, *b, s.today))
                .and_then(|b| questions::date_value(q, DateParts::of(b), &s.answers, s.today).err())
        })
    };
    let t = |k: Key| k.text(s.lang, s.voice);
    let pick = |l: (&'static str, &'static str)| AttrValue::from(s.lang.pick(l.0, l.1));
    // Issue 20.5: a refusal is where the eye is. Each refusal (even the same one twice) moves
    // the focus to the message, which scrolls it into view above the sticky bar (the page's
    // scroll-padding), and role="alert" announces it.
    let refusals = use_state(|| 0u32);
    let error_ref = use_node_ref();
    {
        let error_ref = error_ref.clone();
        use_effect_with(*refusals, move |n| {
            if *n > 0 {
                if let Some(el) = error_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                    el.scroll_into_view_with_bool(false);
                }
            }
        });
    }

    let onsubmit = {
        let draft = draft.clone();
        let error = error.clone();
        let refusals = refusals.clone();
        let dispatch = props.dispatch.clone();
        let s = s.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match finish(q, &s, &draft) {
                Ok(value) => dispatch.emit(Action::Answer(value)),
                Err(p) => {
                    error.set(Some(p));
                    refusals.set(*refusals + 1);
                }
            }
        })
    };
    let back = props.dispatch.reform(|_: MouseEvent| Action::Back);
    let set = {
        let draft = draft.clone();
        let error = error.clone();
        move |d: Draft| {
            error.set(None);
            draft.set(d);
        }
    };

    let body = match (*draft).clone() {
        Draft::Single(selected) => {
            let set = set.clone();
            radio_cards(RadioCardsProps {
                name: ["q", &number(u64::from(q as u8))].concat().into(),
                options: questions::single_options_for(q, &s.answers)
                    .into_iter()
                    .map(pick)
                    .collect(),
                selected,
                on_select: Callback::from(move |i| set(Draft::Single(Some(i)))),
            })
        }
        Draft::PerParent(chosen) => {
            let options: Vec<AttrValue> =
                questions::parent_options(q).into_iter().map(pick).collect();
            html! { <>{ for s.answers.living_slots().iter().map(|p| {
                let p = *p;
                let set = set.clone();
                html! {
                    <fieldset class="sub">
                        <legend>{ questions::parent_name(p, s.lang) }</legend>
                        { radio_cards(RadioCardsProps {
                            name: ["q", &number(u64::from(q as u8)), "-", &number(u64::from(p as u8))].concat().into(),
                            options: options.clone(),
                            selected: chosen[p as usize],
                            on_select: Callback::from(move |i| {
                                let mut next = chosen;
                                next[p as usize] = Some(i);
                                set(Draft::PerParent(next));
                            }),
                        }) }
                    </fieldset>
                }
            }) }</> }
        }
        Draft::Date(parts) => {
            let set = set.clone();
            date_picker(DatePickerProps {
                id: ["q", &number(u64::from(q as u8))].concat().into(),
                value: parts,
                first_year: s.today.year() - 110,
                last_year: s.today.year(),
                opens_at: questions::year_list_opens_at(q),
                labels: [
                    t(Key::Year).into_owned().into(),
                    t(Key::Month).into_owned().into(),
                    t(Key::Day).into_owned().into(),
                    AttrValue::from("—"),
                    t(Key::DayNotSure).into_owned().into(),
                ],
                on_change: Callback::from(move |p| set(Draft::Date(p))),
            })
        }
        Draft::Days(texts) => html! { <>{ for s.answers.living_slots().iter().map(|p| {
            let p = *p;
            let set = set.clone();
            let texts = texts.clone();
            number_box(NumberBoxProps {
                id: ["days-", &number(u64::from(p as u8))].concat().into(),
                label: questions::parent_name(p, s.lang).into(),
                unit: t(Key::Days).into_owned().into(),
                value: texts[p as usize].clone().into(),
                on_input: Callback::from(move |v: String| {
                    let mut next = texts.clone();
                    next[p as usize] = v;
                    set(Draft::Days(next));
                }),
            })
        }) }</> },
        Draft::Checks(ticked) => {
            let all = questions::checks(q, &s.answers, s.today);
            let check_card = |c: Check| {
                let set = set.clone();
                let ticked = ticked.clone();
                let checked = ticked.contains(&c);
                tick(TickProps {
                    label: t(c.label).into_owned().into(),
                    checked,
                    on_toggle: Callback::from(move |on: bool| {
                        let mut next: Vec<Check> =
                            ticked.iter().copied().filter(|x| *x != c).collect();
                        if on {
                            next.push(c);
                        }
                        set(Draft::Checks(next));
                    }),
                })
            };
            let per_parent = all.iter().any(|c| c.parent.is_some());
            if per_parent {
                html! { <>{ for s.answers.living_slots().iter().map(|p| html! {
                    <fieldset class="sub">
                        <legend>{ questions::parent_name(*p, s.lang) }</legend>
                        <div class="cards">
                            { for all.iter().copied().filter(|c| c.parent == Some(*p)).map(check_card) }
                        </div>
                    </fieldset>
                }) }</> }
            } else {
                html! { <div class="cards">{ for all.iter().copied().map(check_card) }</div> }
            }
        }
    };
    let multi = questions::kind(q) == Kind::Checks;
    let (done, left) = s.progress().unwrap_or((0, 1));
    let progress_text = Key::Progress.fill(s.lang, s.voice, &[("n", &number(left as u64))]);
    let (n, total) = (number(done as u64), number((done + left) as u64));

    html! {
        <section class="screen question">
            <p class="progress-text">{ progress_text }</p>
            // A native <progress>, not a width in a style attribute: the page's CSP forbids those.
            <progress class="progress-bar" max={total} value={n} aria-hidden="true"></progress>
            <form {onsubmit} onfocusin={Callback::from(reveal)} novalidate=true>
                <fieldset class="question-set">
                    <legend><h1 id={TITLE_ID} tabindex="-1">{ t(questions::title_for(q, &s.answers)) }</h1></legend>
                    { reach::read_aloud(read_aloud::question(q, &s.answers, s.lang, s.voice, s.today), s.lang,
                        t(Key::ReadQuestion).into_owned(), &t(Key::ReadAloud)) }
                    if multi { <p class="hint">{ t(Key::MultiHint) }</p> }
                    { body }
                </fieldset>
                <details class="why">
                    <summary>{ t(Key::WhyWeAsk) }</summary>
                    <p>{ questions::why_text(q, s.lang, s.voice, s.today) }</p>
                </details>
                <p class="error" role="alert" tabindex="-1" ref={error_ref}>{ error.as_ref().map(|p| p.text(s.lang, s.voice)).unwrap_or_default() }</p>
                <div class="actions">
                    <button type="button" class="secondary" onclick={back}>{ t(Key::Back) }</button>
                    <button type="submit" class="primary">{ t(Key::Next) }</button>
                </div>
            </form>
        </section>
    }
}
