//! The browser app: asks the questions and shows what the rules return. It holds no rule;
//! every decision comes from `crate::rules::evaluate` on the facts `crate::flow` builds.

mod hooks;
mod screens;
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
    let initial = props.initial.clone();
    let state =
        use_reducer(move || AppState(initial.unwrap_or_else(|| State::new(hooks::today()))));
    let s = &state.0;
    use_focus_title((s.screen, s.lang));
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
    let switch = dispatch.reform(move |_: MouseEvent| Action::SetLang(other));
    let t = |k: Key| k.text(s.lang, s.voice);
    let body = match s.screen {
        Screen::Welcome => {
            html! { <screens::Welcome state={s.clone()} dispatch={dispatch.clone()} /> }
        }
        Screen::Ask(q) => html! {
            <screens::QuestionScreen key={format!("{q:?}")} question={q} state={s.clone()} dispatch={dispatch.clone()} />
        },
        Screen::Summary => {
            html! { <screens::Summary state={s.clone()} dispatch={dispatch.clone()} /> }
        }
        Screen::Results => {
            html! { <screens::Results state={s.clone()} dispatch={dispatch.clone()} /> }
        }
    };
    html! {
        <div class="shell">
            <header class="topbar">
                <span class="brand" lang="zh-CN">{ t(Key::AppName) }</span>
                <button type="button" class="link-button lang-switch" onclick={switch}
                    lang={other.code()} aria-label={t(Key::LangSwitchLabel).into_owned()}>
                    { t(Key::LangSwitch) }
                </button>
            </header>
            <main class="app" id="main">{ body }</main>
        </div>
    }
}

/// Mounts [`App`] into `#app`, replacing the static first screen.
pub fn start() {
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
