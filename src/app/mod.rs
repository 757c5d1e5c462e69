//! The browser app: asks the questions and shows what the rules return. It holds no rule;
//! every decision comes from `crate::rules::evaluate` on the facts `crate::flow` builds.

#[cfg(feature = "office")]
pub mod desk;
mod download;
mod hooks;
mod host;
mod panic;
mod persist;
mod screens;
mod session;
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
    // The Chinese of the results (crate::later), fetched now, long before the results.
    let later = hooks::use_later();
    let mut shown = state.0.clone();
    shown.lang = english.lang;
    let s = &shown;
    // The results' heading takes the focus again once their texts have arrived.
    let results_here = s.screen == Screen::Results && later.here;
    use_focus_title(
        (s.screen, s.lang, results_here),
        s.screen == Screen::Welcome,
    );
    // The street office the address names, from the site's offices.json (shown once read).
    let redraw = use_force_update();
    // The same redraw when what is read aloud changes: 朗读's buttons show it.
    use_effect_with((), move |_| {
        speech::on_change(redraw.clone());
        host::load(move || redraw.force_update())
    });
    use_effect_with(s.screen, |_| speech::cancel());
    // While a newer release is awaited the fragment is the link itself: left alone.
    use_effect_with((s.answers.clone(), s.awaiting_release), |(a, awaiting)| {
        if !*awaiting {
            persist::set_fragment(a)
        }
    });
    use_effect_with((), |_| persist::reload_on_new_link());
    // Nothing is written to or removed from the device while saved answers are set aside.
    use_effect_with(
        (s.answers.clone(), s.saving, s.large_text, s.may_store()),
        |(a, saving, large, may)| {
            if *may {
                persist::store(a, *saving, *large)
            }
        },
    );
    // A shared device: 下一位, and the idle timer without consent to save.
    // 下一位 asks first (issue 20.6): one tap opens the question, the second clears.
    let asking = use_state_eq(|| false);
    let next_family = {
        let state = state.clone();
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            speech::cancel();
            persist::clear();
            state.dispatch(Action::NextFamily);
        })
    };
    let ask_next = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let keep_filling = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let confirm_ref = use_node_ref();
    {
        let confirm_ref = confirm_ref.clone();
        use_effect_with(*asking, move |on| {
            if *on {
                if let Some(b) = confirm_ref.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        });
    }
    let (idle, resume) = session::use_idle(!s.saving && s.in_session() && !s.awaiting_release, {
        let state = state.clone();
        Callback::from(move |_| {
            speech::cancel();
            state.dispatch(Action::Timeout);
        })
    });
    // "还在填写吗？" takes the focus, so a screen reader announces it.
    use_effect_with(idle, |idle| {
        if *idle {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(".still-there-continue").ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        }
    });
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
    let next_button = (s.voice == crate::flow::Voice::Volunteer && s.in_session()).then(|| {
        html! {
            <button type="button" class="link-button next-family" onclick={ask_next}
                aria-expanded={if *asking { "true" } else { "false" }}
                aria-label={t(Key::NextFamilyLabel).into_owned()}>
                { t(Key::NextFamily) }
            </button>
        }
    });
    let props = screens::ScreenProps {
        state: s.clone(),
        dispatch: dispatch.clone(),
    };
    let body = match s.screen {
        Screen::Welcome => screens::welcome(&props),
        Screen::Ask(q) => html! {
            <screens::QuestionScreen key={q as u8} question={q} state={s.clone()} dispatch={dispatch.clone()} reading={speech::version()} />
        },
        Screen::Summary => screens::summary(&props),
        Screen::Results if !later.here => screens::preparing(&props, later.failed, later.retry),
        Screen::Results => screens::results(&props),
    };
    html! {
        <div ~className={if large { "shell large-text" } else { "shell" }}>
            <header class="topbar">
                <span class="brand" lang="zh-CN">{ t(Key::AppName) }</span>
                // 下一位 beside the name rather than among the tools: in English 大字 the three
                // controls cannot share a 360px row, and it would wrap alone (issue 20.8).
                { next_button.unwrap_or_default() }
                <div class="tools">
                    <button type="button" class="link-button large-toggle" onclick={toggle_large}
                        aria-pressed={if large { "true" } else { "false" }}
                        aria-label={t(Key::LargeTextLabel).into_owned()}>
                        { t(Key::LargeText) }
                    </button>
                    <button type="button" class="link-button lang-switch" onclick={switch}
                        lang={other.code()} aria-label={t(Key::LangSwitchLabel).into_owned()}>
                        { t(Key::LangSwitch) }
                    </button>
                </div>
            </header>
            <main class="app" id="main">
                if *asking && s.voice == crate::flow::Voice::Volunteer && s.in_session() {
                    <section class="notice confirm-next" role="alertdialog" aria-labelledby="confirm-next">
                        <p id="confirm-next">{ t(Key::NextFamilyAsk) }</p>
                        <div class="aside-choices">
                            <button type="button" class="primary" ref={confirm_ref} onclick={next_family}>{ t(Key::NextFamilyYes) }</button>
                            <button type="button" class="secondary" onclick={keep_filling}>{ t(Key::KeepFilling) }</button>
                        </div>
                    </section>
                }
                if english.failed {
                    <p class="notice link-notice" role="alert">{ t(Key::EnglishUnavailable) }</p>
                }
                if let Some(e) = notice {
                    <p class="notice link-notice" role="alert">{ e.message(s.lang) }</p>
                }
                if s.awaiting_release {
                    { screens::awaiting(&props) }
                } else {
                    { screens::saved_aside(&props) }
                    { body }
                }
                if idle {
                    { screens::still_there(s, resume) }
                }
            </main>
            // The results end with their own checked line, which names both versions: the
            // version line once (issue 20.8).
            if s.screen != Screen::Results {
                <footer class="app-footer no-print">
                    { crate::results::present::version_line(crate::rules::RULES_VERSION, s.lang) }
                </footer>
            }
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
