//! A shared device: on a volunteer's or a community centre's phone, what one family typed
//! must not greet the next. Without consent to save, [`IDLE_MS`] without a touch asks
//! "还在填写吗？"; [`WIPE_MS`] later the session ends as 下一位 ends it. Timers are the page's
//! own `setTimeout`, so tests drive them with a paused clock.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Twenty minutes without a touch before the question.
pub const IDLE_MS: i32 = 20 * 60 * 1000;
/// A minute after the question, everything is wiped.
pub const WIPE_MS: i32 = 60 * 1000;

/// What counts as a touch.
const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "input"];

/// `setTimeout(f, ms)`, its handle kept as the JavaScript value it is (a fake clock's
/// handles do not fit the `i32` web-sys gives).
fn set_timeout(window: &web_sys::Window, f: &Function, ms: i32) -> JsValue {
    js_sys::Reflect::get(window, &JsValue::from_str("setTimeout"))
        .ok()
        .and_then(|st| st.dyn_into::<Function>().ok())
        .and_then(|st| st.call2(window, f, &JsValue::from(ms)).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

fn clear_timeout(window: &web_sys::Window, handle: &JsValue) {
    if handle.is_undefined() {
        return;
    }
    if let Some(ct) = js_sys::Reflect::get(window, &JsValue::from_str("clearTimeout"))
        .ok()
        .and_then(|ct| ct.dyn_into::<Function>().ok())
    {
        let _ = ct.call1(window, handle);
    }
}

type Handles = Rc<RefCell<(JsValue, JsValue)>>;

/// The timers and listeners of one watched session; dropping it stops watching.
struct Watch {
    listener: Closure<dyn FnMut(web_sys::Event)>,
    _warn: Closure<dyn FnMut()>,
    _wipe: Closure<dyn FnMut()>,
    handles: Handles,
}

impl Watch {
    fn start(warning: UseStateHandle<bool>, on_wipe: Callback<()>) -> Option<Watch> {
        let window = web_sys::window()?;
        let handles: Handles = Rc::new(RefCell::new((JsValue::UNDEFINED, JsValue::UNDEFINED)));
        let clear = {
            let window = window.clone();
            move |h: &Handles| {
                let (a, b) = h.replace((JsValue::UNDEFINED, JsValue::UNDEFINED));
                clear_timeout(&window, &a);
                clear_timeout(&window, &b);
            }
        };
        let wipe = {
            let warning = warning.clone();
            let handles = handles.clone();
            Closure::<dyn FnMut()>::new(move || {
                handles.replace((JsValue::UNDEFINED, JsValue::UNDEFINED));
                warning.set(false);
                on_wipe.emit(());
            })
        };
        let wipe_fn: Function = wipe.as_ref().unchecked_ref::<Function>().clone();
        let warn = {
            let window = window.clone();
            let handles = handles.clone();
            let warning = warning.clone();
            Closure::<dyn FnMut()>::new(move || {
                warning.set(true);
                let h = set_timeout(&window, &wipe_fn, WIPE_MS);
                handles.replace((JsValue::UNDEFINED, h));
            })
        };
        let warn_fn: Function = warn.as_ref().unchecked_ref::<Function>().clone();
        let listener = {
            let window = window.clone();
            let handles = handles.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                clear(&handles);
                // A touch on the question itself restarts the watch but leaves the question
                // to its 继续 button: hidden at pointerdown, the button's click would land on
                // whatever lay under it.
                let on_question = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest(".still-there").ok().flatten())
                    .is_some();
                if !on_question {
                    warning.set(false);
                }
                let h = set_timeout(&window, &warn_fn, IDLE_MS);
                handles.replace((h, JsValue::UNDEFINED));
            })
        };
        for event in ACTIVITY {
            let _ = window.add_event_listener_with_callback_and_bool(
                event,
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        // Watching starts as if touched now.
        let now = web_sys::Event::new("start").ok()?;
        listener
            .as_ref()
            .unchecked_ref::<Function>()
            .call1(&window, &now)
            .ok()?;
        Some(Watch {
            listener,
            _warn: warn,
            _wipe: wipe,
            handles,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        for event in ACTIVITY {
            let _ = window.remove_event_listener_with_callback_and_bool(
                event,
                self.listener.as_ref().unchecked_ref(),
                true,
            );
        }
        let (a, b) = self
            .handles
            .replace((JsValue::UNDEFINED, JsValue::UNDEFINED));
        clear_timeout(&window, &a);
        clear_timeout(&window, &b);
    }
}

/// Watches for touches while `active` (a session under way without consent to save): whether
/// "还在填写吗？" is to be shown, and the callback of its 继续. `on_wipe` ends the session.
#[hook]
pub fn use_idle(active: bool, on_wipe: Callback<()>) -> (bool, Callback<MouseEvent>) {
    let warning = use_state_eq(|| false);
    let resume = {
        let warning = warning.clone();
        Callback::from(move |_: MouseEvent| warning.set(false))
    };
    {
        let warning = warning.clone();
        use_effect_with(active, move |active| {
            let watch = if *active {
                Watch::start(warning, on_wipe)
            } else {
                warning.set(false);
                None
            };
            move || drop(watch)
        });
    }
    (*warning, resume)
}
