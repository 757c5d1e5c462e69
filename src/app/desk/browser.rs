//! The office page's browser work, kept out of its view: reading a chosen or dropped file
//! (FileReader, never a request), saving a download (a `blob:` address made here and
//! revoked), and the idle timer that wipes the page after 30 minutes without use.

use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReader};

/// Wiped after this long without a key, a click or a touch.
pub const IDLE_MS: f64 = 30.0 * 60.0 * 1000.0;

pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV_TYPE: &str = "text/csv;charset=utf-8";

/// Reads `file` and calls `done` with its bytes (None when the browser could not read it),
/// after the page has had a frame to show that it is reading.
pub fn read(file: File, done: impl FnOnce(Option<Vec<u8>>) + 'static) {
    read_dyn(file, Box::new(done));
}

/// [`read`], one copy for all its callers (the office bundle's budget).
fn read_dyn(file: File, done: Box<dyn FnOnce(Option<Vec<u8>>)>) {
    let Ok(reader) = FileReader::new() else {
        done(None);
        return;
    };
    let r = reader.clone();
    let finish = move || {
        let bytes = r
            .result()
            .ok()
            .filter(|v| v.is_instance_of::<js_sys::ArrayBuffer>())
            .map(|buf| Uint8Array::new(&buf).to_vec());
        later(move || done(bytes));
    };
    let on_end = Closure::once_into_js(finish);
    reader.set_onloadend(Some(on_end.unchecked_ref()));
    if reader.read_as_array_buffer(&file).is_err() {
        reader.set_onloadend(None);
    }
}

/// Runs `f` in a task of its own after the next frame, so what the page shows before it
/// (正在读取……) is painted first.
pub fn later(f: impl FnOnce() + 'static) {
    later_dyn(Box::new(f));
}

/// [`later`], one copy for all its callers (the office bundle's budget).
fn later_dyn(f: Box<dyn FnOnce()>) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let task = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// Runs `f` in a task of its own as soon as the browser has handled what waits (input, and a
/// frame when one is due).
pub fn soon(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let task = Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    }
}

pub use crate::app::download::save as download;

/// Calls `wipe` once the page has seen no key, click, touch or input for [`IDLE_MS`], and
/// again after each later such stretch: one timer, which on firing early (there was use since
/// it was set) sets itself again for the rest. Lives as long as the page.
pub fn on_idle(wipe: impl Fn() + 'static) {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let Some(window) = web_sys::window() else {
        return;
    };
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let seen = {
        let last = last.clone();
        Closure::<dyn Fn()>::new(move || last.set(js_sys::Date::now()))
    };
    if let Some(doc) = window.document() {
        for event in ["pointerdown", "keydown", "input", "wheel", "drop"] {
            let _ = doc.add_event_listener_with_callback_and_bool(
                event,
                seen.as_ref().unchecked_ref(),
                true,
            );
        }
    }
    seen.forget();
    type Tick = Rc<RefCell<Option<Closure<dyn Fn()>>>>;
    let tick: Tick = Rc::new(RefCell::new(None));
    let arm = |tick: &Tick, ms: f64| {
        if let (Some(w), Some(f)) = (web_sys::window(), tick.borrow().as_ref()) {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                f.as_ref().unchecked_ref(),
                ms.ceil() as i32,
            );
        }
    };
    let again = tick.clone();
    *tick.borrow_mut() = Some(Closure::<dyn Fn()>::new(move || {
        let idle = js_sys::Date::now() - last.get();
        if idle >= IDLE_MS {
            last.set(js_sys::Date::now());
            wipe();
            arm(&again, IDLE_MS);
        } else {
            arm(&again, IDLE_MS - idle);
        }
    }));
    arm(&tick, IDLE_MS);
}

/// The first file of a drop or a file input's list.
pub fn first_file(list: Option<web_sys::FileList>) -> Option<File> {
    list?.get(0)
}

/// The page's clock, in milliseconds (`performance.now()`, else the date's).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok())
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            now.dyn_ref::<js_sys::Function>()?.call0(&p).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}

/// Calls `print()` on the window.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Sets or removes an attribute on the root element.
pub fn root_flag(name: &str, on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            root.set_attribute(name, "")
        } else {
            root.remove_attribute(name)
        };
    }
}

/// Sets the root element's lang.
pub fn root_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Moves focus to the element with `id`, if there is one.
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
