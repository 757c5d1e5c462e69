//! The county's view on the office page (issue 22): the register's 统计 (charts and tables),
//! the whole register decided for a day ahead (the next 联席会议) with the families that
//! change by then, and 与上次比较 (an earlier export beside today's register). Its state is
//! one part of the page's reducer (`DeskState::county`), reduced here; the numbers are
//! `register::stats`, `register::changes` and `register::compare`'s, as the command line's.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::state::{DeskAction, DeskState, Loaded};
use crate::flow::text::Lang;
use crate::register::changes::{self, Change};
use crate::register::compare::Diff;
use crate::register::{file, stats, Notice, Register};

/// Which view of the open register is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The table, household by household (the page as before).
    #[default]
    Table,
    Stats,
    Compare,
}

/// The register decided for a day ahead: the day, the register as read (for the real day),
/// and the families whose answers change by then.
#[derive(Debug)]
pub struct Ahead {
    pub date: NaiveDate,
    pub base: Rc<Loaded>,
    /// The register decided for the day: what the table, the filters and the 统计 show.
    pub after: Rc<Loaded>,
    pub changes: Vec<Change>,
}

/// An earlier export compared with the register on the page.
#[derive(Debug)]
pub struct Compared {
    /// The earlier export's file name.
    pub name: String,
    /// The register it was compared with (a new file or a new day compares again).
    pub with: Rc<Loaded>,
    pub list: Vec<Diff>,
}

#[derive(Debug, Clone, Default)]
pub struct County {
    pub view: View,
    pub ahead: Option<Rc<Ahead>>,
    pub compared: Option<Rc<Compared>>,
    /// Why the earlier export could not be compared.
    pub compare_error: Option<(String, String)>,
    /// An earlier export being compared: rows done, rows in all (0 until the worker says).
    pub comparing: Option<(usize, usize)>,
}

/// The same views of the same results: compared by address (a deep comparison of 100,000
/// families' changes on every render would cost what the views save, and bytes).
impl PartialEq for County {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        self.view == other.view
            && same(&self.ahead, &other.ahead)
            && same(&self.compared, &other.compared)
            && self.compare_error == other.compare_error
            && self.comparing == other.comparing
    }
}

pub enum CountyAction {
    Show(View),
    /// The register decided for a day ahead (`ahead.base` must be the register on the page).
    AsOf(Rc<Ahead>),
    /// Back to the register as read.
    AsOfEnd,
    /// Comparing with an earlier export: rows done, rows in all.
    Comparing(usize, usize),
    Compared(Rc<Compared>),
    CompareFailed(String, String),
}

/// The register as read, before any day ahead.
pub fn base(s: &DeskState) -> Option<Rc<Loaded>> {
    match &s.county.ahead {
        Some(a) => Some(a.base.clone()),
        None => s.loaded.clone(),
    }
}

/// The page's state after `a`.
pub fn reduce(s: &DeskState, a: CountyAction) -> DeskState {
    let mut next = s.clone();
    match a {
        CountyAction::Show(v) => {
            next.county.view = v;
            next.open = None;
        }
        CountyAction::AsOf(ahead) => {
            // Worked out for a register no longer on the page: dropped.
            if !base(s).is_some_and(|b| Rc::ptr_eq(&b, &ahead.base)) {
                return next;
            }
            next.loaded = Some(ahead.after.clone());
            next.county.ahead = Some(ahead);
            next.county.compared = None;
            next.page = 0;
            next.open = None;
        }
        CountyAction::AsOfEnd => {
            if let Some(a) = next.county.ahead.take() {
                next.loaded = Some(a.base.clone());
                next.county.compared = None;
                next.page = 0;
                next.open = None;
            }
        }
        CountyAction::Comparing(n, total) => next.county.comparing = Some((n, total)),
        CountyAction::Compared(c) => {
            next.county.comparing = None;
            if s.loaded.as_ref().is_some_and(|l| Rc::ptr_eq(l, &c.with)) {
                next.county.compared = Some(c);
                next.county.compare_error = None;
            }
        }
        CountyAction::CompareFailed(zh, en) => {
            next.county.comparing = None;
            next.county.compared = None;
            next.county.compare_error = Some((zh, en));
        }
    }
    next
}

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

/// The tabs over the open register: 逐户结果, 统计, 与上次比较.
pub fn tabs(s: &DeskState, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    // The button's classes, as it is off and on (written out: no string built per tab).
    let tab = |v: View, zh: &'static str, en: &'static str, class: [&'static str; 2]| {
        let on = s.county.view == v;
        let onclick =
            dispatch.reform(move |_: MouseEvent| DeskAction::County(CountyAction::Show(v)));
        html! {
            <button type="button" ~className={class[on as usize]}
                aria-pressed={if on { "true" } else { "false" }} {onclick}>
                { lang.pick(zh, en) }
            </button>
        }
    };
    html! {
        <nav class="desk-tabs no-print" aria-label={lang.pick("查看方式", "Views")}>
            { tab(View::Table, "逐户结果", "Households", ["tab tab-table", "tab on tab-table"]) }
            { tab(View::Stats, "统计", "Statistics", ["tab tab-stats", "tab on tab-stats"]) }
            { tab(View::Compare, "与上次比较", "Compare with last time", ["tab tab-compare", "tab on tab-compare"]) }
        </nav>
    }
}

/// The page with the 统计 or 与上次比较 view instead of the table.
pub fn page(s: &DeskState, l: &Rc<Loaded>, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let view = match s.county.view {
        View::Stats => html! {
            <super::stats_view::StatsView loaded={l.clone()} {lang} ahead={s.county.ahead.clone()} />
        },
        _ => super::compare_view::view(s, l, dispatch),
    };
    html! {
        <section key="county" class="screen desk-list desk-county">
            <h1 id={super::LIST_TITLE_ID} tabindex="-1" class="no-print">{ crate::register::text::Desk::Title.text(lang) }</h1>
            { super::opener(s, dispatch) }
            <div class="desk-file no-print">
                <p class="loaded" role="status"><strong>{ crate::register::text::Desk::Loaded.fill(lang, &[("file", &l.name), ("n", &l.counts[0].to_string())]) }</strong></p>
                <super::asof::AsOf base={base(s).unwrap_or_else(|| l.clone())} ahead={s.county.ahead.clone()} {lang} dispatch={dispatch.clone()} />
            </div>
            { tabs(s, dispatch) }
            if s.county.view == View::Stats {
                <super::office_details::OfficeDetails {lang} />
            }
            { view }
        </section>
    }
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
