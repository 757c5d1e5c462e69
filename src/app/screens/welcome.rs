//! The first screen: what this checks, under which policy, how long, and that answers stay
//! on the device.

use yew::prelude::*;

use super::widgets::{radio_cards, RadioCardsProps};
use super::ScreenProps;
use crate::app::hooks::TITLE_ID;
use crate::app::state::Action;
use crate::flow::text::{Key, Voice};

/// The welcome screen (a plain function: see `screens/mod.rs`).
pub fn welcome(props: &ScreenProps) -> Html {
    let s = &props.state;
    let t = |k: Key| k.text(s.lang, s.voice);
    let start = props.dispatch.reform(|_: MouseEvent| Action::Start);
    let who = props.dispatch.reform(|i: usize| {
        Action::SetVoice(if i == 1 {
            Voice::Volunteer
        } else {
            Voice::Family
        })
    });
    let voices =
        [Key::ForOwnFamily, Key::ForSomeoneElse].map(|k| AttrValue::from(t(k).into_owned()));
    html! {
        <section key="welcome" class="screen welcome" aria-labelledby={TITLE_ID}>
            <h1 id={TITLE_ID} tabindex="-1">{ t(Key::WelcomeTitle) }</h1>
            // 谁在填写 right under the title: on the first screen above 开始 in every text
            // size, so a volunteer sees it before starting (issue 20.7).
            <fieldset class="who">
                <legend><h2>{ t(Key::WhoFills) }</h2></legend>
                { radio_cards(RadioCardsProps {
                    name: "voice".into(),
                    options: voices.to_vec(),
                    selected: Some(usize::from(s.voice == Voice::Volunteer)),
                    on_select: who,
                }) }
            </fieldset>
            <p class="lead">{ t(Key::WelcomeWho) }</p>
            <ul class="facts">
                <li>{ t(Key::WelcomeTime) }</li>
                <li>{ t(Key::WelcomePrivacy) }</li>
                <li>{ t(Key::WelcomeGentle) }</li>
            </ul>
            <p class="policy">{ t(Key::WelcomePolicy) }</p>
            <div class="actions">
                <button type="button" class="primary" onclick={start}>{ t(Key::Start) }</button>
            </div>
        </section>
    }
}
