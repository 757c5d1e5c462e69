//! The street office's page (office.html, its own wasm: `src/bin/fuzhu_office.rs`): a
//! register opened from a file, every household decided by `crate::register` in the browser,
//! a paged table with the filters and search of `register::view`, one household's results
//! with the family page's own view and print sheet (`screens::household`), every listed
//! sheet printed at once, and the answers exported as the command line writes them. It holds
//! no rule and stores nothing: the register lives in this page's memory until 清除, 30
//! minutes without use, or the page is closed.

mod application;
mod asof;
mod browser;
mod compare_view;
mod county;
mod guard;
mod matching;
mod named;
mod office_details;
pub mod scrub;
mod state;
mod stats_view;
pub mod worker;
mod yearly;

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::hooks::{today, TITLE_ID};
use super::screens;
use crate::flow::nav::State;
use crate::flow::text::{Lang, Voice};
use crate::flow::Answers;
use crate::register::text::Desk as T;
use crate::register::view::{self, Filter};
use crate::register::{file, Checked, ColumnMap};
use crate::rules;
use state::{
    Desk, DeskAction, DeskState, Loaded, Status, PAGE_ROWS, PRINT_CHUNK, PRINT_CHUNK_MAX,
    PRINT_TASK_MS,
};

/// The id of the element in office.html that the page mounts into.
pub const MOUNT_ID: &str = "app";
const LIST_TITLE_ID: &str = "list-title";
const FILE_INPUT_ID: &str = "register-file";

/// Reads, decides and hands over a file's contents, in the page (where no worker can: see
/// `worker`; called after a frame, see `browser::read`).
fn check_file(
    (f, name): (web_sys::File, String),
    bytes: Option<Vec<u8>>,
    today: NaiveDate,
    (map, ask): (Option<Rc<ColumnMap>>, u8),
    dispatch: Callback<DeskAction>,
) {
    let result = match bytes {
        None => Err(worker::unreadable()),
        Some(bytes) => file::read_with_notices(&bytes, &name).and_then(|(s, n)| {
            match matching::next(s, today, map.as_deref(), ask)? {
                matching::Next::Decide(mut p) => {
                    p.step(usize::MAX);
                    Ok(Some(file::with_notices(p.finish(), n)))
                }
                matching::Next::Ask(m) => {
                    let a = matching::Asked {
                        file: f,
                        name: name.clone(),
                        matching: m,
                    };
                    dispatch.emit(DeskAction::Ask(Rc::new(a)));
                    Ok(None)
                }
            }
        }),
    };
    dispatch.emit(match result {
        Ok(None) => return,
        Ok(Some(reg)) => DeskAction::Loaded(Rc::new(Loaded::new(name, today, reg))),
        Err(e) => DeskAction::Failed(name, e),
    });
}

/// Reads and decides `f`: with the matching 记住这个表格的列 kept, stopping at the matching
/// step where it is needed (`matching::IF_NEEDED`), or with the clerk's (`matching::DECIDE`).
fn open_file(f: web_sys::File, dispatch: &Callback<DeskAction>) {
    let map = matching::remembered().map(Rc::new);
    read_file(f, dispatch, map, matching::IF_NEEDED);
}

fn read_file(
    f: web_sys::File,
    dispatch: &Callback<DeskAction>,
    map: Option<Rc<ColumnMap>>,
    ask: u8,
) {
    let name = f.name();
    dispatch.emit(DeskAction::Reading(name.clone()));
    let day = today();
    let in_page = {
        let (f, name, dispatch, map) = (f.clone(), name.clone(), dispatch.clone(), map.clone());
        move || {
            let file = (f.clone(), name);
            browser::read(f, move |bytes| {
                check_file(file, bytes, day, (map, ask), dispatch)
            })
        }
    };
    let events = {
        let (name, dispatch, f) = (name.clone(), dispatch.clone(), f.clone());
        move |e: worker::Event| {
            dispatch.emit(match e {
                worker::Event::Progress(n, total) => DeskAction::Progress(name.clone(), n, total),
                worker::Event::Done(reg, counts) => {
                    DeskAction::Loaded(Rc::new(Loaded::counted(name.clone(), day, reg, counts)))
                }
                worker::Event::Failed(e) => DeskAction::Failed(name.clone(), e),
                worker::Event::Ask(m) => DeskAction::Ask(Rc::new(matching::Asked {
                    file: f.clone(),
                    name: name.clone(),
                    matching: m,
                })),
            })
        }
    };
    worker::read(f.clone(), &name, day, map.as_deref(), ask, events, in_page);
    matching::keep(f, map);
}

/// The family page's state for one register row, so the family's own results view and print
/// sheet show it: the answers the questionnaire would have given (for the sheet's code),
/// where it can express them; in the register's voice (这户家庭, 根据台账: never 老人 or 您,
/// whatever the parents' ages).
fn family_state(lang: Lang, today: NaiveDate, facts: &rules::Facts) -> State {
    let as_of = facts.as_of.unwrap_or(today);
    let mut s = State::new(as_of);
    s.lang = lang;
    s.voice = Voice::Register;
    s.answers = Answers::from_facts(facts, as_of).unwrap_or_default();
    s
}

#[function_component(OfficeApp)]
pub fn office_app() -> Html {
    let desk = use_reducer(|| Desk(DeskState::default()));
    let dispatch = {
        let desk = desk.clone();
        Callback::from(move |a: DeskAction| desk.dispatch(a))
    };
    // A household's 朗读 buttons show what is being read (its results view is drawn here).
    let redraw = use_force_update();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            crate::app::speech::on_change(redraw);
            browser::on_idle(move || {
                worker::cancel();
                dispatch.emit(DeskAction::Wipe);
            });
            // A worker started now is ready by the time a file is chosen.
            browser::later(worker::prepare);
        });
    }
    let s = &desk.0;
    use_effect_with(s.lang, |l| browser::root_lang(l.code()));
    // Focus follows the view: the household's heading when one opens, the list's when back.
    {
        let open = s.open;
        let first = use_mut_ref(|| true);
        use_effect_with(open, move |open| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            browser::focus(if open.is_some() {
                TITLE_ID
            } else {
                LIST_TITLE_ID
            });
            if open.is_some() {
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        });
    }
    let lang = s.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let switch = dispatch.reform(move |_: MouseEvent| DeskAction::SetLang(other));
    let body = match (&s.loaded, s.open) {
        (Some(l), Some(i)) => household(s, l, i, &dispatch),
        (Some(l), None) if s.county.view != county::View::Table => county_page(s, l, &dispatch),
        _ => list(s, &dispatch),
    };
    html! {
        <div class="shell desk">
            <header class="topbar">
                <span class="brand">{ T::Brand.text(lang) }</span>
                <button type="button" class="link-button lang-switch" onclick={switch}
                    lang={other.code()} aria-label={T::LangSwitchLabel.text(lang)}>
                    { T::LangSwitch.text(lang) }
                </button>
            </header>
            <main class="app desk-main" id="main">
                if s.loaded.is_some() {
                    <guard::IdleWarning {lang} />
                }
                { body }
            </main>
        </div>
    }
}

/// The opening block: choose or drop a file, the template, what happens to the file.
fn opener(s: &DeskState, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = browser::first_file(input.files()) {
                open_file(f, &dispatch);
            }
            // The same file chosen again (after 清除, or corrected) is a change again.
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = browser::first_file(e.data_transfer().and_then(|d| d.files())) {
                open_file(f, &dispatch);
            }
        })
    };
    let template = Callback::from(|_: MouseEvent| {
        if let Ok(bytes) = file::template_xlsx() {
            browser::download(&bytes, "特殊家庭台账模板.xlsx", browser::XLSX_TYPE);
        }
    });
    let status = match &s.status {
        Status::Idle => Html::default(),
        Status::Reading(name, progress) => html! {
            <div class="desk-status reading" role="status">
                <p>{ T::Reading.fill(lang, &[("file", name)]) }</p>
                if let Some((n, total)) = progress {
                    <p class="progress-line">
                        <progress max={total.max(&1).to_string()} value={n.min(total).to_string()}></progress>
                        { T::ReadSoFar.fill(lang, &[("n", &n.to_string())]) }
                    </p>
                }
            </div>
        },
        Status::Failed(name, e) => html! {
            <div class="notice desk-error" role="alert">
                <p><strong>{ T::Failed.fill(lang, &[("file", name)]) }</strong>{ lang.pick(&e.zh, &e.en).to_string() }</p>
            </div>
        },
        Status::Cleared => {
            html! { <p class="desk-status" role="status">{ T::Cleared.text(lang) }</p> }
        }
        Status::Wiped => html! { <p class="desk-status" role="status">{ T::Wiped.text(lang) }</p> },
        Status::Matching(a) => {
            let dispatch = dispatch.clone();
            let decide =
                Callback::from(move |(f, map, ask)| read_file(f, &dispatch, Some(map), ask));
            // The matching asked's address, as a number (no pointer formatting in the wasm).
            let key = (Rc::as_ptr(a) as usize).to_string();
            html! { <matching::Step {key} asked={a.clone()} {decide} {lang} /> }
        }
    };
    // With a register open: one line, to open another file or get the template.
    let compact = s.loaded.is_some();
    html! {
        <section ~className={if compact { "desk-open compact no-print" } else { "desk-open no-print" }} aria-labelledby="open-title">
            <div class="drop-zone" {ondragover} {ondrop}>
                <label class="file-button primary" for={FILE_INPUT_ID} id="open-title">
                    { if compact { T::ChooseAnother.text(lang) } else { T::ChooseFile.text(lang) } }
                </label>
                <input type="file" id={FILE_INPUT_ID} class="file-input"
                    accept=".xlsx,.xls,.ods,.csv,.xlsm,.et,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv"
                    {onchange} />
                if !compact {
                    <p class="hint">{ T::DropHint.text(lang) }</p>
                }
            </div>
            <p class="template-line">
                <button type="button" class="link-button template" onclick={template}>{ T::Template.text(lang) }</button>
                if !compact {
                    <span class="hint">{ T::TemplateHint.text(lang) }</span>
                }
            </p>
            { status }
        </section>
    }
}

/// The list: the file's notices, filters, search, export, the table page by page.
fn list(s: &DeskState, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let head = html! {
        <>
            <h1 id={LIST_TITLE_ID} tabindex="-1">{ T::Title.text(lang) }</h1>
            if s.loaded.is_none() {
                <p class="lead no-print">{ T::Intro.text(lang) }</p>
            }
            <p class="privacy no-print">{ T::Privacy.text(lang) }</p>
        </>
    };
    let Some(l) = &s.loaded else {
        return html! { <section key="start" class="screen desk-list">{ head }{ opener(s, dispatch) }</section> };
    };
    let reg = &l.reg;
    let listed = s.listed();
    let n = listed.len();
    let pages = n.div_ceil(PAGE_ROWS).max(1);
    let page = s.page.min(pages - 1);
    let from = page * PAGE_ROWS;
    let to = (from + PAGE_ROWS).min(n);
    let households = l.counts[0];
    let filters = Filter::ALL.iter().enumerate().map(|(k, f)| {
        let f = *f;
        let on = s.filter == f;
        let onclick = dispatch.reform(move |_: MouseEvent| DeskAction::Filter(f));
        html! {
            <button type="button" ~className={if on { "filter on" } else { "filter" }}
                aria-pressed={if on { "true" } else { "false" }} {onclick}>
                { f.label().text(lang) }<span class="count">{ l.counts[k].to_string() }</span>
            </button>
        }
    });
    let oninput = dispatch.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        DeskAction::Query(input.value())
    });
    let listed_rc = Rc::new(listed.clone());
    let export_xlsx = {
        let (l, listed, dispatch) = (l.clone(), listed_rc.clone(), dispatch.clone());
        let ahead = s.county.ahead.clone();
        Callback::from(move |_: MouseEvent| {
            let only = export_listed_only();
            // The 统计 sheet's sums from the worker holding the register (of the families
            // listed, for their export), else summed here.
            let m = county::question("stats", &l, ahead.as_deref());
            if only {
                let mut w = crate::register::wire::Writer::new();
                listed.iter().for_each(|&i| w.n(i));
                let rows = js_sys::Uint8Array::from(&w.bytes[..]);
                let _ = js_sys::Reflect::set(&m, &"rows".into(), &rows);
            }
            let (l, listed, dispatch, ahead) =
                (l.clone(), listed.clone(), dispatch.clone(), ahead.clone());
            worker::ask(&m, move |a| {
                let st = match a {
                    worker::Answer::Progress(..) => return,
                    worker::Answer::Stats(st) => Some(st),
                    _ => None,
                };
                let sub = only.then(|| view::subset(&l.reg, &listed));
                let reg = sub.as_ref().unwrap_or(&l.reg);
                let st = st.unwrap_or_else(|| crate::register::stats::compute(reg, l.today));
                let notices = match county::xlsx(reg, &st, ahead.as_deref()) {
                    Ok((bytes, notices)) => {
                        let name = export_name(&l.name, l.today, only, "xlsx");
                        browser::download(&bytes, &name, browser::XLSX_TYPE);
                        notices
                    }
                    Err(e) => vec![file::export_failed("xlsx", &e.to_string())],
                };
                dispatch.emit(DeskAction::Exported(notices));
            });
        })
    };
    let export_csv = {
        let (l, listed, dispatch) = (l.clone(), listed_rc.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let only = export_listed_only();
            let sub = only.then(|| view::subset(&l.reg, &listed));
            let mut bytes = Vec::new();
            let notices = match file::write_csv(sub.as_ref().unwrap_or(&l.reg), &mut bytes) {
                Ok(()) => {
                    let name = export_name(&l.name, l.today, only, "csv");
                    browser::download(&bytes, &name, browser::CSV_TYPE);
                    Vec::new()
                }
                Err(e) => vec![file::export_failed("csv", &e.to_string())],
            };
            dispatch.emit(DeskAction::Exported(notices));
        })
    };
    let printable: Vec<usize> = listed
        .iter()
        .copied()
        .filter(|&i| {
            reg.rows[i]
                .result
                .as_ref()
                .is_some_and(|r| r.special_family && r.covered)
        })
        .collect();
    let print_count = printable.len();
    let print_all = {
        let rows = Rc::new(printable.clone());
        dispatch.reform(move |_: MouseEvent| DeskAction::PrintAll(rows.clone()))
    };
    let prev = dispatch.reform(move |_: MouseEvent| DeskAction::Page(page.saturating_sub(1)));
    let next = dispatch.reform(move |_: MouseEvent| DeskAction::Page(page + 1));
    let clear = dispatch.reform(|_: ()| {
        worker::cancel();
        DeskAction::Clear
    });
    let show_matching = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((f, map)) = matching::last() {
                read_file(f, &dispatch, map, matching::ALWAYS);
            }
        })
    };
    let headers = reg.output_headers();
    let order = Rc::new(view::table_order(reg));
    let lead = order
        .iter()
        .take_while(|(p, _)| {
            *p < headers.len() - crate::register::RESULT_HEADERS.len() - rules::BENEFITS.len()
        })
        .count();
    let folded = order.iter().filter(|(_, own)| *own).count();
    let showing = if n == 0 {
        T::NoneFound.text(lang).to_string()
    } else {
        T::Showing.fill(
            lang,
            &[
                ("from", &(from + 1).to_string()),
                ("to", &to.to_string()),
                ("n", &n.to_string()),
            ],
        )
    };
    html! {
        <section key="list" class="screen desk-list">
            { head }
            { opener(s, dispatch) }
            <div class="desk-file no-print">
                <p class="loaded" role="status"><strong>{ T::Loaded.fill(lang, &[("file", &l.name), ("n", &households.to_string())]) }</strong></p>
                <p><button type="button" class="link-button show-matching" onclick={show_matching}>{ T::MatchShow.text(lang) }</button></p>
                <asof::AsOf base={county::base(s).unwrap_or_else(|| l.clone())} ahead={s.county.ahead.clone()} {lang} dispatch={dispatch.clone()} />
                if !reg.notices.is_empty() {
                    <details class="notices" open=true>
                        <summary>{ T::Notices.text(lang) }</summary>
                        <ul>{ for reg.notices.iter().map(|x| html! { <li>{ lang.pick(&x.zh, &x.en).to_string() }</li> }) }</ul>
                    </details>
                }
                <div class="desk-actions">
                    <button type="button" class="secondary export-xlsx" onclick={export_xlsx}>{ T::ExportXlsx.text(lang) }</button>
                    <button type="button" class="secondary export-csv" onclick={export_csv}>{ T::ExportCsv.text(lang) }</button>
                    <button type="button" class="secondary print-all" onclick={print_all} disabled={print_count == 0}>
                        { T::PrintAll.fill(lang, &[("n", &print_count.to_string())]) }
                    </button>
                    <application::ApplicationDrafts loaded={l.clone()} rows={listed_rc.clone()} {lang} one={false} />
                    <guard::ClearButton {lang} {clear} />
                </div>
                <label class="export-listed">
                    <input type="checkbox" id={EXPORT_LISTED_ID} />
                    { T::ExportListed.fill(lang, &[("n", &n.to_string())]) }
                </label>
                <p class="hint">{ T::ExportHintDated.text(lang) }</p>
                if !s.export.is_empty() {
                    <ul class="export-notices" role="alert">{ for s.export.iter().map(|x| html! { <li>{ lang.pick(&x.zh, &x.en).to_string() }</li> }) }</ul>
                }
                { print_status(s, dispatch) }
            </div>
            { tabs(s, dispatch) }
            <office_details::OfficeDetails {lang} filed_by={l.reg.filed_by.clone()} />
            <yearly::Yearly loaded={l.clone()} {lang} />
            <div class="desk-tools no-print">
                <div class="filters" role="group" aria-label={T::Filters.text(lang)}>{ for filters }</div>
                <label class="search">
                    <span>{ T::Search.text(lang) }</span>
                    <input type="search" value={s.query.clone()} {oninput} autocomplete="off" />
                </label>
            </div>
            <p class="showing no-print" aria-live="polite">{ showing.clone() }</p>
            if n > 0 {
                if folded > 0 {
                    <label class="show-own no-print">
                        <input type="checkbox" id="show-own-columns" />
                        { T::ShowOwnColumns.fill(lang, &[("n", &folded.to_string())]) }
                    </label>
                }
                <div class="table-scroll no-print" role="region" tabindex="0" aria-label={T::TableLabel.text(lang)}>
                    <table class="register">
                        <thead>
                            <tr>
                                <th scope="col" class="c-row">{ T::Row.text(lang) }</th>
                                { for order.iter().enumerate().map(|(k, &(p, own))| html! {
                                    <th scope="col" ~className={column_class(k, lead, own)}>{ headers[p].clone() }</th>
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for listed[from..to].iter().map(|&i| row(s, l, i, &order, lead, dispatch)) }
                        </tbody>
                    </table>
                </div>
                if pages > 1 {
                    <nav class="pager no-print" aria-label={showing}>
                        <button type="button" class="secondary prev" onclick={prev} disabled={page == 0}>{ T::Prev.text(lang) }</button>
                        <span>{ [(page + 1).to_string(), " / ".into(), pages.to_string()].concat() }</span>
                        <button type="button" class="secondary next" onclick={next} disabled={page + 1 >= pages}>{ T::Next.text(lang) }</button>
                    </nav>
                }
            }
            if let Some(p) = s.printing.as_ref().filter(|p| !p.asking) {
                <PrintAll loaded={l.clone()} rows={p.rows.clone()} lang={s.lang}
                    done={dispatch.reform(|_| DeskAction::PrintEnd)} />
            }
        </section>
    }
}

const EXPORT_LISTED_ID: &str = "export-listed";

/// Whether 只导出所列家庭 is ticked (read when an export is clicked).
fn export_listed_only() -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(EXPORT_LISTED_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// 核查结果-台账-20261201.xlsx (所列家庭: 核查结果-台账-所列-20261201.xlsx): the day the
/// answers were decided for, so two exports on different days never share a name.
fn export_name(input: &str, day: NaiveDate, listed: bool, ext: &str) -> String {
    let stem = input.rsplit_once('.').map_or(input, |(s, _)| s);
    let part = if listed { "-所列" } else { "" };
    format!(
        "核查结果-{stem}{part}-{}.{ext}",
        crate::calendar::basic(day)
    )
}

/// A column's classes: the first after 行号 stays in place when scrolling sideways; the
/// office's own columns fold away unless shown.
fn column_class(k: usize, lead: usize, own: bool) -> &'static str {
    match (k, own) {
        (0, _) if lead > 0 => "c-lead",
        (_, true) => "own",
        _ => "",
    }
}

/// Cells longer than this many characters may be cut: they show their whole text on hover
/// (title) and on focus (office.css), and take focus for that.
const CUT_CHARS: usize = 14;

fn row(
    s: &DeskState,
    l: &Loaded,
    i: usize,
    order: &[(usize, bool)],
    lead: usize,
    dispatch: &Callback<DeskAction>,
) -> Html {
    let r: &Checked = &l.reg.rows[i];
    let line = r.line.to_string();
    let open = dispatch.reform(move |_: MouseEvent| DeskAction::Open(i));
    let cells = l.reg.output_row(i);
    html! {
        <tr key={i} ~className={if r.error.is_some() { "row-error" } else { "" }}>
            <th scope="row" class="c-row">
                <button type="button" class="link-button open-row" onclick={open}
                    aria-label={T::OpenLabel.fill(s.lang, &[("n", &line)])}>
                    { T::Open.fill(s.lang, &[("n", &line)]) }
                </button>
            </th>
            { for order.iter().enumerate().map(|(k, &(p, own))| {
                let text = cells[p].as_text().into_owned();
                let class = column_class(k, lead, own);
                if text.chars().count() > CUT_CHARS {
                    html! { <td ~className={class} title={text.clone()} tabindex="0">{ text }</td> }
                } else {
                    html! { <td ~className={class}>{ text }</td> }
                }
            }) }
        </tr>
    }
}

/// One household: the family page's results view and print sheet, or what is wrong.
fn household(s: &DeskState, l: &Rc<Loaded>, i: usize, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let r = &l.reg.rows[i];
    let back = dispatch.reform(|_: MouseEvent| DeskAction::Close);
    let name = view::label(&l.reg, r);
    let title = T::Household.fill(lang, &[("n", &r.line.to_string()), ("name", &name)]);
    let body = match (&r.facts, &r.error) {
        (Some(facts), _) => {
            let fs = family_state(lang, l.today, facts);
            match rules::evaluate(facts, fs.today) {
                Ok(outcome) => named::named(
                    named::heading(l, i, lang),
                    named::Printed::Alone.class(lang),
                    with_code(&fs, screens::household(&fs, &outcome)),
                ),
                Err(e) => {
                    html! { <p class="error" role="alert">{ lang.pick(&e.zh, &e.en).to_string() }</p> }
                }
            }
        }
        (None, Some(e)) => html! {
            <section class="screen results">
                <h1 id={TITLE_ID} tabindex="-1">{ title.clone() }</h1>
                <p class="error" role="alert">{ T::RowError.text(lang) }</p>
                <p class="row-error-text">{ e.clone() }</p>
            </section>
        },
        (None, None) => Html::default(),
    };
    html! {
        <div key={["household-", &i.to_string()].concat()} class="desk-household">
            <div class="actions no-print">
                <button type="button" class="secondary back-to-list" onclick={back}>{ T::BackToList.text(lang) }</button>
                <application::ApplicationDrafts loaded={l.clone()} rows={Rc::new(vec![i])} {lang} one={true} />
            </div>
            if r.facts.is_some() {
                <p class="household-of no-print">{ title }</p>
            }
            { body }
        </div>
    }
}

/// The sheet's QR code opens the answers on the family page; a row the questionnaire cannot
/// express (`Answers::from_facts`: no mother listed, say) has none to open, so its code is
/// hidden (office.css: `.no-code`).
fn with_code(fs: &State, view: Html) -> Html {
    html! { <div ~className={if fs.answers.child.is_some() { "sheet-of" } else { "sheet-of no-code" }}>{ view }</div> }
}

/// Printing many listed sheets: the office confirms first.
fn print_status(s: &DeskState, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let Some(p) = s.printing.as_ref().filter(|p| p.asking) else {
        return Html::default();
    };
    let n = p.rows.len().to_string();
    let go = dispatch.reform(|_: MouseEvent| DeskAction::PrintConfirm);
    let cancel = dispatch.reform(|_: MouseEvent| DeskAction::PrintEnd);
    html! {
        <div class="notice print-ask" role="alert">
            <p>{ T::PrintAsk.fill(lang, &[("n", &n)]) }</p>
            <div class="desk-actions">
                <button type="button" class="primary print-go" onclick={go}>{ T::PrintGo.fill(lang, &[("n", &n)]) }</button>
                <button type="button" class="secondary print-cancel" onclick={cancel}>{ T::PrintCancel.text(lang) }</button>
            </div>
        </div>
    }
}

#[derive(Properties)]
struct PrintProps {
    loaded: Rc<Loaded>,
    rows: Rc<Vec<usize>>,
    lang: Lang,
    /// Printed, or cancelled.
    done: Callback<()>,
}

/// Compared as `SheetsProps` are; `done` does not count (a new callback every render).
impl PartialEq for PrintProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.rows, &other.rows)
            && self.lang == other.lang
    }
}

/// The sheets of the households being printed, drawn a few per frame by this component alone
/// (the rest of the page is not drawn again meanwhile), as many as fit in about
/// PRINT_TASK_MS by how long the last frame's took; printed once all are drawn. On screen
/// only how far it has got, with 取消; in print only the sheets, each from a new page.
#[function_component(PrintAll)]
fn print_all(p: &PrintProps) -> Html {
    // Where each frame's sheets start, and how many are drawn.
    let drawn = use_state(|| (Rc::new(Vec::<usize>::new()), 0usize));
    // When the last frame's sheets were asked for, and how many.
    let asked = use_mut_ref(|| None::<(f64, usize)>);
    let total = p.rows.len();
    {
        let (drawn, asked, done) = (drawn.clone(), asked.clone(), p.done.clone());
        use_effect_with(drawn.1, move |&ready| {
            if ready >= total {
                browser::root_flag("data-print-all", true);
                browser::print();
                browser::root_flag("data-print-all", false);
                done.emit(());
                return;
            }
            let n = match asked.borrow_mut().take() {
                Some((t0, n)) => {
                    let took = (browser::now() - t0).max(1.0);
                    ((n as f64 * PRINT_TASK_MS / took) as usize)
                        .clamp(1, (4 * n).min(PRINT_CHUNK_MAX))
                }
                None => PRINT_CHUNK,
            };
            browser::soon(move || {
                let mut chunks = (*drawn.0).clone();
                chunks.push(ready);
                *asked.borrow_mut() = Some((browser::now(), n));
                drawn.set((Rc::new(chunks), (ready + n).min(total)));
            });
        });
    }
    let lang = p.lang;
    let (chunks, ready) = (&drawn.0, drawn.1);
    let cancel = p.done.reform(|_: MouseEvent| ());
    html! {
        <>
            <p class="desk-status print-preparing no-print" role="status">
                <progress max={total.to_string()} value={ready.to_string()}></progress>
                { T::PrintPreparing.fill(lang, &[("n", &ready.to_string()), ("total", &total.to_string())]) }
                { " " }
                <button type="button" class="link-button print-cancel" onclick={cancel}>{ T::PrintCancel.text(lang) }</button>
            </p>
            <div class="print-all print-only">
                { for chunks.iter().enumerate().map(|(k, &from)| {
                    let to = chunks.get(k + 1).copied().unwrap_or(ready);
                    html! { <Sheets key={from} loaded={p.loaded.clone()} rows={p.rows.clone()} {from} {to} {lang} /> }
                }) }
            </div>
        </>
    }
}

#[derive(Properties)]
struct SheetsProps {
    loaded: Rc<Loaded>,
    rows: Rc<Vec<usize>>,
    from: usize,
    to: usize,
    lang: Lang,
}

/// The same register and the same rows: compared by address, as comparing a whole
/// register's contents on every frame would cost what the chunks save.
impl PartialEq for SheetsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.rows, &other.rows)
            && (self.from, self.to, self.lang) == (other.from, other.to, other.lang)
    }
}

/// The print sheets of `rows[from..to]`, the first chunk's after the cover list. Every child
/// of `.print-all` is one of these, keyed: in a list that is not wholly keyed, yew matches
/// children from the end, so each frame's appended sheets would rebuild every one before; and
/// the cover, drawn here once, is not drawn again on every frame.
#[function_component(Sheets)]
fn sheets(p: &SheetsProps) -> Html {
    let l = &p.loaded;
    html! {
        <>
        if p.from == 0 {
            { named::cover(l, &p.rows, p.lang) }
        }
        { for p.rows[p.from..p.to].iter().enumerate().filter_map(|(j, &i)| {
            let facts = l.reg.rows[i].facts.as_ref()?;
            let fs = family_state(p.lang, l.today, facts);
            let outcome = rules::evaluate(facts, fs.today).ok()?;
            Some(named::named(
                named::heading(l, i, p.lang),
                named::Printed::Nth(p.from + j).class(p.lang),
                with_code(&fs, screens::print_sheet(&fs, &outcome)),
            ))
        }) }
        </>
    }
}

/// The page shown after a panic (see `app::panic`): the file on the PC is untouched.
const PANIC_PAGE: &str = "<main class=\"app panic-screen\" id=\"main\">\
<h1 id=\"panic-title\" tabindex=\"-1\">出了点问题</h1>\
<p class=\"lead\" role=\"alert\">这一页意外出错了。台账文件本身没有任何改动。</p>\
<p>请点下面的按钮重新打开本页，再选一次文件。</p>\
<div class=\"actions\"><button type=\"button\" class=\"primary\" id=\"fuzhu-restart\">重新打开</button></div>\
<p class=\"hint\" lang=\"en\">Something went wrong; the register file itself is unchanged. \
Press 重新打开 (open again) and choose the file again.</p>\
</main>";

/// After a panic: [`PANIC_PAGE`] instead of the page, its button reloading (as `app::panic`
/// does for the family page, whose words speak of answers kept in the address).
fn install_panic_page() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let _ = show_panic_page();
    }));
}

fn show_panic_page() -> Option<()> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let root = document
        .get_element_by_id(MOUNT_ID)
        .or_else(|| document.body().map(Into::into))?;
    root.set_inner_html(PANIC_PAGE);
    let reload = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.stop_propagation();
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    document
        .get_element_by_id("fuzhu-restart")?
        .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())
        .ok()?;
    reload.forget();
    Some(())
}

/// Mounts [`OfficeApp`] into `#app` of office.html. An address with a share code after `#`
/// is the QR code of a sheet printed here (the family page's sheet draws its own page's
/// address): it goes on to the family page with the same code, where the answers open.
pub fn start() {
    // The same wasm in the page's worker (see `worker`): it reads and decides files there.
    // The English sentences (crate::english): the office page is used on a PC online and its
    // size is not the families', so it carries them rather than fetching them. The worker
    // needs them as much as the page: it writes the register's notices, English included.
    crate::english::install(crate::english::BUNDLED.to_owned());
    if let Some(scope) = worker::scope() {
        worker::serve(scope);
        return;
    }
    install_panic_page();
    office_details::restore();
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    if hash.len() > 1 {
        let _ = window.location().replace(&["index.html", &hash].concat());
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    match document.get_element_by_id(MOUNT_ID) {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<OfficeApp>::with_root(root).render();
        }
        None => {
            yew::Renderer::<OfficeApp>::new().render();
        }
    }
}

/// The tabs over the open register: 逐户结果, 统计, 与上次比较.
fn tabs(s: &DeskState, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    // The button's classes, as it is off and on (written out: no string built per tab).
    let tab = |v: county::View, zh: &'static str, en: &'static str, class: [&'static str; 2]| {
        let on = s.county.view == v;
        let onclick =
            dispatch.reform(move |_: MouseEvent| DeskAction::County(county::CountyAction::Show(v)));
        html! {
            <button type="button" ~className={class[on as usize]}
                aria-pressed={if on { "true" } else { "false" }} {onclick}>
                { lang.pick(zh, en) }
            </button>
        }
    };
    html! {
        <nav class="desk-tabs no-print" aria-label={lang.pick("查看方式", "Views")}>
            { tab(county::View::Table, "逐户结果", "Households", ["tab tab-table", "tab on tab-table"]) }
            { tab(county::View::Stats, "统计", "Statistics", ["tab tab-stats", "tab on tab-stats"]) }
            { tab(county::View::Compare, "与上次比较", "Compare with last time", ["tab tab-compare", "tab on tab-compare"]) }
        </nav>
    }
}

/// The page with the 统计 or 与上次比较 view instead of the table.
fn county_page(s: &DeskState, l: &Rc<Loaded>, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let view = match s.county.view {
        county::View::Stats => html! {
            <stats_view::StatsView loaded={l.clone()} {lang} ahead={s.county.ahead.clone()} />
        },
        _ => compare_view::view(s, l, dispatch),
    };
    html! {
        <section key="county" class="screen desk-list desk-county">
            <h1 id={LIST_TITLE_ID} tabindex="-1" class="no-print">{ crate::register::text::Desk::Title.text(lang) }</h1>
            { opener(s, dispatch) }
            <div class="desk-file no-print">
                <p class="loaded" role="status"><strong>{ crate::register::text::Desk::Loaded.fill(lang, &[("file", &l.name), ("n", &l.counts[0].to_string())]) }</strong></p>
                <asof::AsOf base={county::base(s).unwrap_or_else(|| l.clone())} ahead={s.county.ahead.clone()} {lang} dispatch={dispatch.clone()} />
            </div>
            { tabs(s, dispatch) }
            if s.county.view == county::View::Stats {
                <office_details::OfficeDetails {lang} filed_by={l.reg.filed_by.clone()} />
            }
            { view }
        </section>
    }
}
