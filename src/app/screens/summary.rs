//! Every answer on one page, each with a way to change it; changing one keeps the rest.

use yew::prelude::*;

use super::reach::{clear_all, save_controls};
use super::ScreenProps;
use crate::app::hooks::TITLE_ID;
use crate::app::state::Action;
use crate::flow::questions;
use crate::flow::text::Key;

/// The summary screen (a plain function: see `screens/mod.rs`).
pub fn summary(props: &ScreenProps) -> Html {
    let s = &props.state;
    let t = |k: Key| k.text(s.lang, s.voice);
    let back = props.dispatch.reform(|_: MouseEvent| Action::Back);
    let results = props.dispatch.reform(|_: MouseEvent| Action::ShowResults);
    html! {
        <section key="summary" class="screen summary" aria-labelledby={TITLE_ID}>
            <h1 id={TITLE_ID} tabindex="-1">{ t(Key::SummaryTitle) }</h1>
            <p class="hint">{ t(Key::SummaryHint) }</p>
            <dl class="answers">
                { for s.questions().into_iter().map(|q| {
                    let edit = props.dispatch.reform(move |_: MouseEvent| Action::Edit(q));
                    let title = t(questions::title_for(q, &s.answers)).into_owned();
                    let label = [&*t(Key::Change), crate::results::present::colon(s.lang), &*title].concat();
                    html! {
                        <div class="answer-row">
                            <dt>{ title }</dt>
                            <dd>
                                <span class="answer">{ questions::describe(q, &s.answers, s.lang, s.voice, s.today) }</span>
                                <button type="button" class="link-button" aria-label={label} onclick={edit}>
                                    { t(Key::Change) }
                                </button>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <div class="actions">
                <button type="button" class="secondary" onclick={back}>{ t(Key::Back) }</button>
                <button type="button" class="primary" onclick={results}>{ t(Key::SeeResults) }</button>
            </div>
            { save_controls(s, &props.dispatch) }
            { clear_all(s, &props.dispatch) }
        </section>
    }
}
