//! The county's view on the office page (issue 22): the register's 统计 (charts and tables),
//! the whole register decided for a day ahead (the next 联席会议) with the families that
//! change by then, and 与上次比较 (an earlier export beside today's register). What the views
//! share is here: the day ahead worked out, the export, the question to the worker, its
//! progress bar, a day written out. Their state is one part of the page's reducer
//! (`DeskState::county`), kept and reduced in `state.rs` with the rest (re-exported here), so
//! imports go one way: the page (`desk/mod.rs`) → the views → this file → the state. The
//! numbers are `register::stats`, `register::changes` and `register::compare`'s, as the
//! command line's.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::state::Loaded;
pub use super::state::{base, Ahead, Compared, CountyAction, View};
use crate::flow::text::Lang;
use crate::register::changes;
use crate::register::{file, stats, Notice, Register};

/// The register on the page decided for `date`, with what changes by then.
pub fn ahead(base: Rc<Loaded>, date: NaiveDate, today: NaiveDate) -> Rc<Ahead> {
    let after = changes::redecide(&base.reg, date, today);
    let list = changes::between(&base.reg, &after, date);
    let after = Rc::new(Loaded::new(base.name.clone(), date, after));
    Rc::new(Ahead {
        date,
        base,
        after,
        changes: list,
    })
}

/// The page's .xlsx export: the answers, the 统计 sheet (`st`: the register's statistics,
/// summed in the worker), and for a day ahead the 变化 sheet.
pub fn xlsx(
    reg: &Register,
    st: &stats::Stats,
    ahead: Option<&Ahead>,
) -> Result<(Vec<u8>, Vec<Notice>), rust_xlsxwriter::XlsxError> {
    file::xlsx_with_sheets(reg, |wb| {
        stats::write_sheet(wb, st)?;
        if let Some(a) = ahead {
            changes::write_sheet(wb, a.date, &a.changes)?;
        }
        Ok(())
    })
}

/// How far the worker has got with a question about the register (`worker::ask`): what it
/// does, a bar and the share done.
pub fn working(lang: Lang, zh: &str, en: &str, progress: Option<(usize, usize)>) -> Html {
    html! {
        <div class="desk-status county-working" role="status">
            <p>{ lang.pick(zh, en).to_string() }</p>
            if let Some((n, total)) = progress {
                <p class="progress-line">
                    <progress max={total.max(1).to_string()} value={n.min(total).to_string()}></progress>
                    { format!(" {}%", n.min(total) * 100 / total.max(1)) }
                </p>
            }
        </div>
    }
}

/// The message asking the worker holding the register `do` about `l`: `ahead` names the
/// day ahead when `l` is the register decided for it.
pub fn question(what: &str, l: &Loaded, ahead: Option<&Ahead>) -> js_sys::Object {
    let m = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&m, &k.into(), &v);
    };
    set("do", what.into());
    set("date", l.today.to_string().into());
    if let Some(a) = ahead.filter(|a| std::ptr::eq(&*a.after, l)) {
        set("ahead", a.date.to_string().into());
    }
    m
}

/// A day as the page writes it: 2026年12月7日 / 2026-12-07.
pub fn day(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => crate::register::values::zh(d),
        Lang::En => d.to_string(),
    }
}
