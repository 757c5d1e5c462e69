//! What a link and a shared device bring besides the questions: the wait for a newer
//! release, the choice when a link meets answers saved earlier, and "还在填写吗？".

use yew::prelude::*;

use super::ScreenProps;
use crate::app::hooks::TITLE_ID;
use crate::app::state::{Action, State};
use crate::flow::text::Key;

/// A link of a newer share format: it opens by itself once the newer release is in.
pub fn awaiting(props: &ScreenProps) -> Html {
    let s = &props.state;
    let t = |k: Key| k.text(s.lang, s.voice);
    let give_up = props.dispatch.reform(|_: MouseEvent| Action::StopAwaiting);
    html! {
        <section key="awaiting" class="screen awaiting" aria-labelledby={TITLE_ID}>
            <h1 id={TITLE_ID} tabindex="-1">{ t(Key::ShareNewerTitle) }</h1>
            <p class="notice link-notice" role="status">{ t(Key::ShareNewer) }</p>
            <div class="actions">
                <button type="button" class="secondary stop-awaiting" onclick={give_up}>{ t(Key::ShareNewerGiveUp) }</button>
            </div>
        </section>
    }
}

/// The results screen while the Chinese of the results (`crate::later`) is on its way, or,
/// when it could not be had (offline before the service worker kept a copy, a server without
/// the file), what to do: connect and try again. The rest of the page stays as it is.
pub fn preparing(props: &ScreenProps, failed: bool, retry: Callback<()>) -> Html {
    let s = &props.state;
    let t = |k: Key| k.text(s.lang, s.voice);
    if !failed {
        return html! {
            <section key="preparing" class="screen preparing">
                <h1 id={TITLE_ID} tabindex="-1">{ t(Key::Preparing) }</h1>
            </section>
        };
    }
    let back = props.dispatch.reform(|_: MouseEvent| Action::Back);
    html! {
        <section key="preparing" class="screen preparing">
            <h1 id={TITLE_ID} tabindex="-1">{ t(Key::ResultsUnavailable) }</h1>
            <p class="notice link-notice" role="alert">{ t(Key::PreparingFailed) }</p>
            <div class="actions">
                <button type="button" class="primary retry" onclick={retry.reform(|_: MouseEvent| ())}>{ t(Key::Retry) }</button>
                <button type="button" class="secondary" onclick={back}>{ t(Key::Back) }</button>
            </div>
        </section>
    }
}

/// Answers saved earlier and set aside by a link: they stay as they are until the person
/// chooses to open them, to save the link's answers instead, or to keep them and not save.
pub fn saved_aside(props: &ScreenProps) -> Html {
    let s = &props.state;
    if !s.offers_aside() {
        return Html::default();
    }
    let t = |k: Key| k.text(s.lang, s.voice);
    let open = props.dispatch.reform(|_: MouseEvent| Action::OpenSaved);
    let replace = props.dispatch.reform(|_: MouseEvent| Action::ReplaceSaved);
    let keep = props.dispatch.reform(|_: MouseEvent| Action::KeepSaved);
    let has_answers = s.answers != Default::default();
    html! {
        <section class="notice saved-aside no-print" aria-labelledby="saved-aside-text">
            <p id="saved-aside-text">{ t(Key::SavedAside) }</p>
            <div class="aside-choices">
                <button type="button" class="secondary open-saved" onclick={open}>{ t(Key::OpenSaved) }</button>
                if has_answers {
                    <button type="button" class="secondary replace-saved" onclick={replace}>{ t(Key::ReplaceSaved) }</button>
                    <button type="button" class="link-button keep-saved" onclick={keep}>{ t(Key::KeepSaved) }</button>
                }
            </div>
        </section>
    }
}

/// "还在填写吗？" with 继续 (any touch elsewhere also answers it).
pub fn still_there(s: &State, resume: Callback<MouseEvent>) -> Html {
    let t = |k: Key| k.text(s.lang, s.voice);
    html! {
        <div class="still-there no-print" role="alertdialog" aria-labelledby="still-there-title"
            aria-describedby="still-there-hint">
            <h2 id="still-there-title">{ t(Key::StillThere) }</h2>
            <p id="still-there-hint">{ t(Key::StillThereHint) }</p>
            <button type="button" class="primary still-there-continue" onclick={resume}>{ t(Key::Continue) }</button>
        </div>
    }
}
