//! Reading aloud with the browser's own speech synthesis (`window.speechSynthesis`), for
//! people who find small print hard. Where the browser has none the buttons are not shown;
//! every call goes through `Function.call` or `Reflect`, which report a JavaScript exception
//! as an error instead of throwing, so speaking can never break the page (nor can a
//! browser's odd or partial speech object).
//!
//! What is being read is the browser's state, not the app's: it is mirrored here, one
//! reading at a time, and the app redraws whenever it changes (a reading starts, ends, is
//! stopped, or finds no voice for its language) through the handle given to [`on_change`].
//! The buttons (`screens::reach::read_aloud`) ask [`reading`] how to show themselves.

use std::cell::RefCell;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::SpeechSynthesisUtterance;
use yew::functional::UseForceUpdateHandle;

use crate::flow::text::Lang;

fn global(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn synth() -> Option<JsValue> {
    global("speechSynthesis")
}

/// Whether this browser can speak.
pub fn available() -> bool {
    synth().is_some() && global("SpeechSynthesisUtterance").is_some_and(|c| c.is_function())
}

fn call(target: &JsValue, method: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let f = Reflect::get(target, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    match arg {
        Some(a) => f.call1(target, a),
        None => f.call0(target),
    }
    .ok()
}

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(name), value);
}

/// How a read-aloud button shows itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// 朗读: nothing of this button's is being read.
    Idle,
    /// 正在朗读 / 停止.
    Speaking,
    /// The phone has no voice for the language: said in words.
    NoVoice,
}

/// The one reading there can be.
struct Now {
    /// Counts every change; a reading's end counts only while it is still the current one.
    version: u32,
    /// The text being read, or the one that found no voice.
    text: Option<String>,
    no_voice: bool,
    /// Kept, so the browser does not drop the utterance (and its end event) while it speaks.
    utterance: Option<JsValue>,
    redraw: Option<UseForceUpdateHandle>,
}

thread_local! {
    static NOW: RefCell<Now> = const {
        RefCell::new(Now {
            version: 0,
            text: None,
            no_voice: false,
            utterance: None,
            redraw: None,
        })
    };
}

/// Redraws the app with `redraw` whenever the reading changes.
pub fn on_change(redraw: UseForceUpdateHandle) {
    NOW.with(|now| now.borrow_mut().redraw = Some(redraw));
}

/// Changes with every change of the reading: a prop made of it redraws a component.
pub fn version() -> u32 {
    NOW.with(|now| now.borrow().version)
}

/// Sets the reading (`text` None: nothing is read) and redraws the app.
fn change(text: Option<String>, no_voice: bool, utterance: Option<JsValue>) {
    let redraw = NOW.with(|now| {
        let mut now = now.borrow_mut();
        now.version = now.version.wrapping_add(1);
        now.text = text;
        now.no_voice = no_voice;
        now.utterance = utterance;
        now.redraw.clone()
    });
    if let Some(r) = redraw {
        r.force_update();
    }
}

/// How the button that reads `text` shows itself now.
pub fn reading(text: &str) -> Reading {
    NOW.with(|now| {
        let now = now.borrow();
        match now.text.as_deref() {
            Some(t) if t == text && now.no_voice => Reading::NoVoice,
            Some(t) if t == text => Reading::Speaking,
            _ => Reading::Idle,
        }
    })
}

/// Whether the browser has a voice for `lang` (zh-CN, zh-TW, zh_HK for Chinese; en-GB for
/// English); None while it lists no voice at all (they load after the page, see
/// `voiceschanged`; some browsers never list them and still speak).
fn has_voice(lang: Lang) -> Option<bool> {
    let voices = call(&synth()?, "getVoices", None)?
        .dyn_into::<Array>()
        .ok()
        .filter(|v| v.length() > 0)?;
    let want = &lang.code()[..2];
    Some(voices.iter().any(|v| {
        get(&v, "lang")
            .as_string()
            .is_some_and(|tag| tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(want)))
    }))
}

/// Starts reading `text` in `lang` (zh-CN or en), a little slower than usual, after stopping
/// anything still being read; pressed while it is being read, stops it. Where the phone has
/// no voice for `lang`, reads nothing and the button says so.
pub fn toggle(text: &str, lang: Lang) {
    if reading(text) == Reading::Speaking {
        cancel();
        return;
    }
    let Some(synth) = synth() else {
        return;
    };
    call(&synth, "cancel", None);
    if has_voice(lang) == Some(false) {
        change(Some(text.to_owned()), true, None);
        return;
    }
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang(lang.code());
    utterance.set_rate(0.9);
    let mine = version().wrapping_add(1);
    let owned = text.to_owned();
    // This reading's end or error, and the voices arriving (often after the page: they are
    // looked at again then); nothing once another reading has started or this one stopped.
    let event = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
        if version() != mine {
            return;
        }
        // language-unavailable, voice-unavailable, synthesis-unavailable
        let unavailable = get(&e, "error")
            .as_string()
            .is_some_and(|x| x.ends_with("-unavailable"));
        if unavailable || has_voice(lang) == Some(false) {
            if let Some(s) = self::synth() {
                call(&s, "cancel", None);
            }
            change(Some(owned.clone()), true, None);
        } else if get(&e, "type").as_string().as_deref() != Some("voiceschanged") {
            cancel();
        }
    })
    .into_js_value();
    set(&utterance, "onend", &event);
    set(&utterance, "onerror", &event);
    set(&synth, "onvoiceschanged", &event);
    let utterance: JsValue = utterance.into();
    change(Some(text.to_owned()), false, Some(utterance.clone()));
    call(&synth, "speak", Some(&utterance));
}

/// Stops reading, e.g. when the screen changes; the buttons show 朗读 again.
pub fn cancel() {
    if let Some(synth) = synth() {
        call(&synth, "cancel", None);
    }
    if NOW.with(|now| now.borrow().text.is_some()) {
        change(None, false, None);
    }
}
