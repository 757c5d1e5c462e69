//! A shared device: on a volunteer's or a community centre's phone, what one family typed
//! must not greet the next. Without consent to save, [`IDLE_MS`] without a touch asks
//! "还在填写吗？"; [`WIPE_MS`] later the session ends as 下一位 ends it. Timers are the page's
//! own `setTimeout`, so tests drive them with a paused clock.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Function;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Twenty minutes without a touch before the question.
pub const IDLE_MS: i32 = 20 * 60 * 1000;
/// A minute after the question, everything is wiped.
pub const WIPE_MS: i32 = 60 * 1000;

/// What counts as a touch.
const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "input"];

/// The timers and listeners of one watched session; dropping it stops watching.
struct Watch {
    listener: Closure<dyn FnMut()>,
    _warn: Closure<dyn FnMut()>,
    _wipe: Closure<dyn FnMut()>,
    handles: Rc<Cell<(i32, i32)>>,
}

impl Watch {
    fn start(warning: UseStateHandle<bool>, on_wipe: Callback<()>) -> Option<Watch> {
        let window = web_sys::window()?;
        let handles = Rc::new(Cell::new((0, 0)));
        let clear = {
            let window = window.clone();
            move |h: &Cell<(i32, i32)>| {
                let (a, b) = h.replace((0, 0));
                window.clear_timeout_with_handle(a);
                window.clear_timeout_with_handle(b);
            }
        };
        let wipe = {
            let warning = warning.clone();
            let handles = handles.clone();
            Closure::<dyn FnMut()>::new(move || {
                handles.set((0, 0));
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
                let h = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&wipe_fn, WIPE_MS)
                    .unwrap_or(0);
                handles.set((0, h));
            })
        };
        let warn_fn: Function = warn.as_ref().unchecked_ref::<Function>().clone();
        let listener = {
            let window = window.clone();
            let handles = handles.clone();
            Closure::<dyn FnMut()>::new(move || {
                clear(&handles);
                warning.set(false);
                let h = window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&warn_fn, IDLE_MS)
                    .unwrap_or(0);
                handles.set((h, 0));
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
        listener
            .as_ref()
            .unchecked_ref::<Function>()
            .call0(&window)
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
        let (a, b) = self.handles.replace((0, 0));
        window.clear_timeout_with_handle(a);
        window.clear_timeout_with_handle(b);
    }
}

/// Watches for touches while `active` (a session under way without consent to save); true
/// while "还在填写吗？" is to be shown. `on_wipe` ends the session.
#[hook]
pub fn use_idle(active: bool, on_wipe: Callback<()>) -> bool {
    let warning = use_state_eq(|| false);
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
    *warning
}
