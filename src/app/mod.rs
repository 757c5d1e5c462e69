//! The browser app: asks the questions and shows what the rules return. It holds no rule;
//! every decision comes from `crate::rules::evaluate` on the facts `crate::flow` builds.

#[cfg(feature = "office")]
pub mod desk;
mod hooks;
mod office;
mod panic;
mod persist;
mod screens;
mod speech;
mod state;

use yew::prelude::*;

use crate::flow::text::{Key, Lang};
use hooks::use_focus_title;
pub use state::{Action, AppState, Screen, State};

/// The id of the element in `index.html` that the app mounts into, replacing the static
/// first screen there.
pub const MOUNT_ID: &str = "app";

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start from this state instead of a fresh one (tests).
    #[prop_or_default]
    pub initial: Option<State>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The first state: given (tests), or from the link's fragment or this device's saved
    // answers; a fragment that cannot be read gives a fresh start and a message.
    let boot = {
        let initial = props.initial.clone();
        use_memo((), move |_| match initial {
            Some(s) => (s, None),
            None => persist::boot(hooks::today()),
        })
    };
    let state = {
        let boot = boot.clone();
        use_reducer(move || AppState(boot.0.clone()))
    };
    // English is shown once its sentences are here (crate::english); Chinese until then.
    let english = hooks::use_english(state.0.lang);
    let mut shown = state.0.clone();
    shown.lang = english.lang;
    let s = &shown;
    use_focus_title((s.screen, s.lang), s.screen == Screen::Welcome);
    // The embedding street office's colour, if its address gave a valid one.
    use_effect_with((), |_| office::apply_accent());
    use_effect_with(s.screen, |_| speech::cancel());
    use_effect_with(s.answers.clone(), persist::set_fragment);
    use_effect_with((), |_| persist::reload_on_new_link());
    use_effect_with(
        (s.answers.clone(), s.saving, s.large_text),
        |(a, saving, large)| persist::store(a, *saving, *large),
    );
    use_effect_with(s.large_text, |large| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = if *large {
                root.set_attribute("data-large-text", "")
            } else {
                root.remove_attribute("data-large-text")
            };
        }
    });
    {
        let lang = s.lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.code());
            }
        });
    }
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let other = match s.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = {
        let dispatch = dispatch.clone();
        let retry = english.retry.clone();
        Callback::from(move |_: MouseEvent| {
            if other == Lang::En {
                retry.emit(());
            }
            dispatch.emit(Action::SetLang(other));
        })
    };
    let t = |k: Key| k.text(s.lang, s.voice);
    let large = s.large_text;
    let toggle_large = dispatch.reform(move |_: MouseEvent| Action::SetLargeText(!large));
    // The link's problem, shown until something is answered.
    let notice = boot
        .1
        .filter(|_| s.screen == Screen::Welcome && s.answers == Default::default());
    let props = screens::ScreenProps {
        state: s.clone(),
        dispatch: dispatch.clone(),
    };
    let body = match s.screen {
        Screen::Welcome => screens::welcome(&props),
        Screen::Ask(q) => html! {
            <screens::QuestionScreen key={q as u8} question={q} state={s.clone()} dispatch={dispatch.clone()} />
        },
        Screen::Summary => screens::summary(&props),
        Screen::Results => screens::results(&props),
    };
    html! {
        <div ~className={if large { "shell large-text" } else { "shell" }}>
            <header class="topbar">
                <span class="brand" lang="zh-CN">{ t(Key::AppName) }</span>
                <button type="button" class="link-button large-toggle" onclick={toggle_large}
                    aria-pressed={if large { "true" } else { "false" }}
                    aria-label={t(Key::LargeTextLabel).into_owned()}>
                    { t(Key::LargeText) }
                </button>
                <button type="button" class="link-button lang-switch" onclick={switch}
                    lang={other.code()} aria-label={t(Key::LangSwitchLabel).into_owned()}>
                    { t(Key::LangSwitch) }
                </button>
            </header>
            <main class="app" id="main">
                if english.failed {
                    <p class="notice link-notice" role="alert">{ t(Key::EnglishUnavailable) }</p>
                }
                if let Some(e) = notice {
                    <p class="notice link-notice" role="alert">{ e.message(s.lang) }</p>
                }
                { body }
            </main>
        </div>
    }
}

/// Mounts [`App`] into `#app`, replacing the static first screen. Installs the panic hook
/// first, so a panic anywhere shows the friendly page of `panic.rs`. (The loader in
/// Trunk.toml starts the app only once the static screen has been painted.)
pub fn start() {
    panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    match document.get_element_by_id(MOUNT_ID) {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
