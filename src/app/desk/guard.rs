//! Shared offices, shared PCs: 清除 asks first (a click by mistake would lose an hour's
//! filtering), and a minute before the 30-minute wipe (`browser::on_idle`) the page says so
//! and offers to continue. Pressing 继续使用 is itself use, which sets the wipe's clock back.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser::IDLE_MS;
use crate::flow::text::Lang;
use crate::register::text::Desk as T;

/// How long before the wipe the warning shows.
pub const WARN_BEFORE_MS: f64 = 60_000.0;
/// How often the page looks at the clock while a register is open.
const TICK_MS: i32 = 5_000;

#[derive(Properties, PartialEq)]
pub struct ClearProps {
    pub lang: Lang,
    pub clear: Callback<()>,
}

/// 清除, then 确定清除 / 不清除.
#[function_component(ClearButton)]
pub fn clear_button(p: &ClearProps) -> Html {
    let lang = p.lang;
    let asking = use_state(|| false);
    let ask = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(true))
    };
    let keep = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(false))
    };
    let go = {
        let (asking, clear) = (asking.clone(), p.clear.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            clear.emit(());
        })
    };
    // Focus goes to the question's first button when it opens.
    {
        let on = *asking;
        use_effect_with(on, move |on| {
            if *on {
                super::browser::focus("clear-go");
            }
        });
    }
    html! {
        <>
            <button type="button" class="secondary desk-clear" onclick={ask} aria-expanded={if *asking { "true" } else { "false" }}
                aria-label={T::ClearLabel.text(lang)}>{ T::Clear.text(lang) }</button>
            if *asking {
                <div class="notice clear-ask" role="alertdialog" aria-labelledby="clear-ask-text">
                    <p id="clear-ask-text">{ T::ClearAsk.text(lang) }</p>
                    <div class="desk-actions">
                        <button type="button" class="primary clear-go" id="clear-go" onclick={go}>{ T::ClearGo.text(lang) }</button>
                        <button type="button" class="secondary clear-keep" onclick={keep}>{ T::ClearKeep.text(lang) }</button>
                    </div>
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct IdleProps {
    pub lang: Lang,
}

/// The warning a minute before the wipe, while a register is open (this component is drawn
/// only then). It watches the same kinds of use as `browser::on_idle`.
#[function_component(IdleWarning)]
pub fn idle_warning(p: &IdleProps) -> Html {
    let lang = p.lang;
    let warn = use_state(|| false);
    {
        let warn = warn.clone();
        use_effect_with((), move |_| {
            let last = Rc::new(Cell::new(js_sys::Date::now()));
            let seen = {
                let last = last.clone();
                Closure::<dyn Fn()>::new(move || last.set(js_sys::Date::now()))
            };
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(doc) = &doc {
                for event in ["pointerdown", "keydown", "input", "wheel", "drop"] {
                    let _ = doc.add_event_listener_with_callback_and_bool(
                        event,
                        seen.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
            // The tick is handed to the browser (freed when it lets go of it) and switched off
            // when the warning goes: an interval that clearInterval misses (its id past an
            // i32, as a test's fake clock gives them) then finds it off, not freed.
            let on = Rc::new(Cell::new(true));
            let tick = {
                let (warn, on) = (warn.clone(), on.clone());
                Closure::<dyn Fn()>::new(move || {
                    if on.get() {
                        let idle = js_sys::Date::now() - last.get();
                        warn.set((IDLE_MS - WARN_BEFORE_MS..IDLE_MS).contains(&idle));
                    }
                })
                .into_js_value()
            };
            let id = web_sys::window().and_then(|w| {
                w.set_interval_with_callback_and_timeout_and_arguments_0(
                    tick.unchecked_ref(),
                    TICK_MS,
                )
                .ok()
            });
            move || {
                on.set(false);
                if let (Some(w), Some(id)) = (web_sys::window(), id) {
                    w.clear_interval_with_handle(id);
                }
                if let Some(doc) = &doc {
                    for event in ["pointerdown", "keydown", "input", "wheel", "drop"] {
                        let _ = doc.remove_event_listener_with_callback_and_bool(
                            event,
                            seen.as_ref().unchecked_ref(),
                            true,
                        );
                    }
                }
            }
        });
    }
    let onclick = {
        let warn = warn.clone();
        Callback::from(move |_: MouseEvent| warn.set(false))
    };
    html! {
        if *warn {
            <div class="notice idle-warning no-print" role="alertdialog" aria-labelledby="idle-text">
                <p id="idle-text">{ T::IdleSoon.text(lang) }</p>
                <button type="button" class="primary idle-continue" {onclick}>{ T::IdleContinue.text(lang) }</button>
            </div>
        }
    }
}
