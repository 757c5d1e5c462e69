//! Reading aloud with the browser's own speech synthesis (`window.speechSynthesis`), for
//! people who find small print hard. Where the browser has none the buttons are not shown;
//! every call goes through `Function.call`, which reports a JavaScript exception as an error
//! instead of throwing, so speaking can never break the page.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

use crate::flow::text::Lang;

fn global(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn synth() -> Option<SpeechSynthesis> {
    global("speechSynthesis")?
        .dyn_into::<SpeechSynthesis>()
        .ok()
}

/// Whether this browser can speak.
pub fn available() -> bool {
    synth().is_some() && global("SpeechSynthesisUtterance").is_some_and(|c| c.is_function())
}

fn call(target: &JsValue, method: &str, arg: Option<&JsValue>) {
    let Some(f) = Reflect::get(target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let _ = match arg {
        Some(a) => f.call1(target, a),
        None => f.call0(target),
    };
}

/// Speaks `text` in `lang` (zh-CN or en), a little slower than usual, after stopping
/// anything still being read.
pub fn speak(text: &str, lang: Lang) {
    let Some(synth) = synth() else {
        return;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang(lang.code());
    utterance.set_rate(0.9);
    call(&synth, "cancel", None);
    call(&synth, "speak", Some(&utterance));
}

/// Stops reading, e.g. when the screen changes.
pub fn cancel() {
    if let Some(synth) = synth() {
        call(&synth, "cancel", None);
    }
}
