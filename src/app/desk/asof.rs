//! 核查日期 ahead on the office page: the clerk picks a day (the next 联席会议, say) and every
//! answer, filter and statistic on the page is given for that day (`register::changes::
//! redecide`, as `fuzhu register --as-of`), with the families whose answers change by then
//! and why (`changes::between`): she turns 49, a parent turns 60, the child turns 7.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::county::{self, day, Ahead, CountyAction};
use super::state::{DeskAction, Loaded};
use super::{browser, worker};
use crate::flow::text::Lang;
use crate::register::changes;
use crate::rules::facts::{birthday, MAX_YEARS_AHEAD};

#[derive(Properties)]
pub struct Props {
    /// The register as read.
    pub base: Rc<Loaded>,
    pub ahead: Option<Rc<Ahead>>,
    pub lang: Lang,
    pub dispatch: Callback<DeskAction>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base, &other.base)
            && match (&self.ahead, &other.ahead) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
            && self.lang == other.lang
    }
}

/// Changes listed on the page; the rest are in the export's 变化 sheet.
const LISTED: usize = 100;

const INPUT_ID: &str = "as-of-date";

#[function_component(AsOf)]
pub fn as_of(p: &Props) -> Html {
    let lang = p.lang;
    let base = p.base.clone();
    let today = base.today;
    let latest = birthday(today, MAX_YEARS_AHEAD);
    let typed = use_state(|| None::<String>);
    let working = use_state(|| false);
    // The day typed, read once: none typed, or what it reads as.
    let parsed = typed
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok());
    let problem = match parsed {
        None => None,
        Some(Some(d)) if d > today && d <= latest => None,
        Some(_) => Some(lang.pick(
            "请选今天以后、两年以内的日期",
            "Pick a day after today and within two years",
        )),
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(Some(input.value()));
        })
    };
    let chosen = parsed.flatten().filter(|_| problem.is_none());
    let progress = use_state(|| None::<(usize, usize)>);
    let go = {
        let (dispatch, base, working) = (p.dispatch.clone(), base.clone(), working.clone());
        let progress = progress.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(date) = chosen else { return };
            working.set(true);
            progress.set(None);
            let real = crate::app::hooks::today();
            // In the worker that holds the register, with its progress; else on the page's
            // thread, after a frame, so 正在计算 is painted first.
            let m = county::question("ahead", &base, None);
            let _ = js_sys::Reflect::set(&m, &"date".into(), &date.to_string().into());
            let _ = js_sys::Reflect::set(&m, &"today".into(), &real.to_string().into());
            let (dispatch, base, working, progress) = (
                dispatch.clone(),
                base.clone(),
                working.clone(),
                progress.clone(),
            );
            worker::ask(&m, move |a| {
                let done = {
                    let (dispatch, working) = (dispatch.clone(), working.clone());
                    move |a: Rc<Ahead>| {
                        working.set(false);
                        dispatch.emit(DeskAction::County(CountyAction::AsOf(a)));
                    }
                };
                match a {
                    worker::Answer::Progress(n, total) => progress.set(Some((n, total))),
                    worker::Answer::Ahead(reg, counts, changes) => {
                        let after = Rc::new(Loaded::counted(base.name.clone(), date, reg, counts));
                        done(Rc::new(Ahead {
                            date,
                            base: base.clone(),
                            after,
                            changes,
                        }));
                    }
                    _ => {
                        let base = base.clone();
                        browser::later(move || done(county::ahead(base, date, real)));
                    }
                }
            });
        })
    };
    let back = {
        let typed = typed.clone();
        p.dispatch.reform(move |_: MouseEvent| {
            typed.set(None);
            DeskAction::County(CountyAction::AsOfEnd)
        })
    };
    html! {
        <div class="as-of no-print">
            <div class="as-of-line">
                <label for={INPUT_ID}>{ lang.pick("核查日期", "Check as of") }</label>
                <input id={INPUT_ID} type="date" min={today.succ_opt().unwrap_or(today).to_string()} max={latest.to_string()}
                    value={typed.as_deref().map(str::to_string).or_else(|| p.ahead.as_ref().map(|a| a.date.to_string())).unwrap_or_default()}
                    aria-describedby="as-of-hint" {oninput} />
                <button type="button" class="secondary as-of-go" onclick={go} disabled={chosen.is_none() || *working}>
                    { lang.pick("按这一天核查", "Check for this day") }
                </button>
                if p.ahead.is_some() {
                    <button type="button" class="link-button as-of-back" onclick={back}>
                        { match lang {
                            Lang::Zh => format!("回到{}", day(today, lang)),
                            Lang::En => format!("Back to {}", day(today, lang)),
                        } }
                    </button>
                }
            </div>
            <p class="hint" id="as-of-hint">{ lang.pick(
                "选一个以后的日期（例如下次联席会议），全部结果、筛选和统计都按那一天判断，并列出到那时结果会变化的家庭。",
                "Pick a day ahead (the next joint meeting, say): every answer, filter and statistic is then given for that day, with the households whose answers change by then.",
            ) }</p>
            if let Some(msg) = problem {
                <p class="error" role="alert">{ msg }</p>
            }
            if *working {
                { county::working(lang, "正在按新的日期逐户判断……", "Deciding every household for that day…", *progress) }
            }
            if let Some(a) = &p.ahead {
                { changes_list(a, lang) }
            }
        </div>
    }
}

/// The changes as a table (text: `chart::html_table`), the first [`LISTED`].
fn table(a: &Ahead, lang: Lang) -> Html {
    let head: Vec<String> = [
        lang.pick("行号", "Row"),
        lang.pick("家庭", "Household"),
        lang.pick("怎样变化", "What changes"),
        lang.pick("每月现金（元）", "Monthly cash (yuan)"),
        lang.pick("原因", "Because"),
    ]
    .map(str::to_string)
    .to_vec();
    let yuan = crate::register::stats::yuan;
    let rows: Vec<(String, Vec<String>)> = a
        .changes
        .iter()
        .take(LISTED)
        .map(|c| {
            let what = match &c.error {
                Some(e) => e.clone(),
                None => c
                    .items
                    .iter()
                    .map(|i| {
                        format!(
                            "{}：{} → {}{}",
                            i.zh,
                            i.before,
                            i.after,
                            changes::unstated_note(i)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("；"),
            };
            let money = if c.monthly.0 == c.monthly.1 {
                yuan(c.monthly.0)
            } else {
                format!("{} → {}", yuan(c.monthly.0), yuan(c.monthly.1))
            };
            (
                format!("class=\"as-of-change\" data-line=\"{}\"", c.line),
                vec![
                    c.line.to_string(),
                    c.who.clone(),
                    what,
                    money,
                    c.because.join("、"),
                ],
            )
        })
        .collect();
    Html::from_html_unchecked(AttrValue::from(crate::register::chart::html_table(
        "class=\"register as-of-table\"",
        None,
        &head,
        &rows,
        false,
    )))
}

fn changes_list(a: &Ahead, lang: Lang) -> Html {
    let (from, to) = (day(a.base.today, lang), day(a.date, lang));
    let n = a.changes.len();
    html! {
        <section class="as-of-changes">
            <div role="status">
                <h2 id="as-of-title">{ match lang {
                    Lang::Zh => format!("现在按{to}判断。从{from}到{to}，{n}户的结果会变化"),
                    Lang::En => format!("Now decided for {to}. From {from} to {to}, {n} households' answers change"),
                } }</h2>
            </div>
            if n > 0 {
                <div class="table-scroll" role="region" tabindex="0" aria-label={lang.pick("到那时结果会变化的家庭（可左右滚动）", "The households whose answers change (scrolls sideways)")}>
                    { table(a, lang) }
                </div>
                if n > LISTED {
                    <p class="hint">{ match lang {
                        Lang::Zh => format!("只列出前{LISTED}户，全部见导出Excel的“变化”表。"),
                        Lang::En => format!("The first {LISTED} are listed; the Excel export's 变化 sheet has them all."),
                    } }</p>
                }
            }
        </section>
    }
}
