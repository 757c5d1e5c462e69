//! 统计 on the office page: the register on the page summed up for the 联席会议 (clauses 18
//! and 20), as charts with their numbers beside them (`register::chart`, SVG) and as tables,
//! every figure from `register::stats::compute` (the same as `fuzhu register --stats` and
//! the 统计 sheet of the export). Printable on one or two A4 pages, headed by the office's
//! name and the day; nothing is sent anywhere.

use std::rc::Rc;

use yew::prelude::*;

use super::county::{day, Ahead};
use super::state::Loaded;
use super::{browser, county, worker};
use crate::flow::text::Lang;
use crate::register::chart::{self, of_stats};
use crate::register::stats::{self, Stats};

#[derive(Properties)]
pub struct Props {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
    pub ahead: Option<Rc<Ahead>>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.lang == other.lang
    }
}

/// The statistics of one register (its address), and where they were summed: `worker` or
/// `page` (the view's `data-where`).
type Summed = (usize, Rc<Stats>, &'static str);

/// Sums the statistics of `l`: in the worker that holds the register, telling `progress` how
/// far it has got; else (no worker, or it stopped) on the page's thread, after a frame.
fn sum(
    l: Rc<Loaded>,
    ahead: Option<&Ahead>,
    progress: Callback<(usize, usize)>,
    done: Callback<Summed>,
) {
    let key = Rc::as_ptr(&l) as usize;
    let m = county::question("stats", &l, ahead);
    worker::ask(&m, move |a| match a {
        worker::Answer::Progress(n, total) => progress.emit((n, total)),
        worker::Answer::Stats(st) => done.emit((key, Rc::new(st), "worker")),
        _ => {
            let (l, done) = (l.clone(), done.clone());
            browser::later(move || {
                done.emit((key, Rc::new(stats::compute(&l.reg, l.today)), "page"))
            });
        }
    });
}

fn svg(markup: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup.to_string()))
}

/// One of `stats::sheet_tables` as an HTML table: the same rows as the sheet and the
/// terminal's.
fn table(id: &str, title: &str, rows: &[Vec<String>]) -> Html {
    let Some((head, body)) = rows.split_first() else {
        return Html::default();
    };
    let body: Vec<(String, Vec<String>)> =
        body.iter().map(|r| (String::new(), r.clone())).collect();
    svg(&chart::html_table(
        &format!("class=\"stats-table\" id=\"{id}\""),
        Some(title),
        head,
        &body,
        true,
    ))
}

#[function_component(StatsView)]
pub fn stats_view(p: &Props) -> Html {
    let lang = p.lang;
    let l = p.loaded.clone();
    let key = Rc::as_ptr(&l) as usize;
    let summed = use_state(|| None::<Summed>);
    let progress = use_state(|| None::<(usize, (usize, usize))>);
    {
        let (summed, progress, ahead) = (summed.clone(), progress.clone(), p.ahead.clone());
        use_effect_with(key, move |_| {
            let tell = Callback::from(move |p| progress.set(Some((key, p))));
            sum(
                l,
                ahead.as_deref(),
                tell,
                Callback::from(move |s| summed.set(Some(s))),
            );
        });
    }
    let charts = {
        let summed = (*summed).clone();
        use_memo(
            (summed.as_ref().map(|s| Rc::as_ptr(&s.1) as usize), lang),
            move |_| {
                summed.map(|(_, st, _)| {
                    vec![
                        ("items", of_stats::items(&st, lang)),
                        ("months", of_stats::months(&st, lang)),
                    ]
                })
            },
        )
    };
    let (Some((_, st, place)), Some(charts)) = (
        (*summed).as_ref().filter(|s| s.0 == key),
        (*charts).as_ref(),
    ) else {
        let progress = (*progress).filter(|(k, _)| *k == key).map(|(_, p)| p);
        return html! {
            <section class="stats-view" aria-labelledby="stats-title">
                <h2 id="stats-title">{ lang.pick("特殊家庭统计", "Statistics of the special families") }</h2>
                { county::working(lang, "正在统计……", "Summing up…", progress) }
            </section>
        };
    };
    let office = crate::app::host::current();
    let print = Callback::from(|_: MouseEvent| {
        browser::root_flag("data-print-stats", true);
        browser::print();
        browser::root_flag("data-print-stats", false);
    });
    let tables = stats::sheet_tables(st);
    let money = tables.iter().find(|(t, _)| *t == "金额（元）");
    let date = day(st.date, lang);
    let heading = |k: &str| -> &'static str {
        match k {
            "items" => lang.pick(
                "各项目：可以享受、需要核实、将来可以享受、已领的户数",
                "Each item: households that can claim, must confirm, will claim later, receive",
            ),
            _ => lang.pick("今后12个月", "The next 12 months"),
        }
    };
    html! {
        <section class="stats-view" aria-labelledby="stats-title" data-where={*place}>
            <h2 id="stats-title">{ lang.pick("特殊家庭统计", "Statistics of the special families") }</h2>
            <p class="stats-head">
                if let Some(name) = &office.name {
                    <strong class="stats-office">{ name.clone() }</strong>{ " · " }
                }
                <span class="stats-date">{ match lang {
                    Lang::Zh => format!("统计日期：{date}"),
                    Lang::En => format!("As of {date}"),
                } }</span>
            </p>
            <p class="stats-summary">{ match lang {
                Lang::Zh => format!("共{}户，{}户已判断，{}户有错误未计入。", st.households, st.decided, st.failed),
                Lang::En => format!("{} households: {} decided, {} with errors not counted.", st.households, st.decided, st.failed),
            } }</p>
            if p.ahead.is_some() {
                <p class="hint stats-ahead">{ match lang {
                    Lang::Zh => format!("以下按{date}判断（不是今天）。"),
                    Lang::En => format!("Decided for {date}, not today."),
                } }</p>
            }
            if office.name.is_none() {
                <p class="hint no-print">{ lang.pick("在“本单位信息”里填写单位名称后，打印的统计会写上单位名称。", "Fill in your office's name under the office's details and the printed statistics carry it.") }</p>
            }
            <div class="desk-actions no-print">
                <button type="button" class="secondary print-stats" onclick={print}>{ lang.pick("打印统计", "Print the statistics") }</button>
            </div>
            if let Some((_, rows)) = money {
                <div class="stats-money">
                    { table("stats-money", lang.pick("金额（元）：可以享受的为确定金额，需要核实的为核实后可得金额；政策未写明金额的项目只计户数", "Money (yuan): sure for what can be claimed, to confirm for what must be confirmed; items whose amount the policy does not state are counted, not summed"), rows) }
                </div>
            }
            { for charts.iter().map(|(k, markup)| html! {
                <figure class={format!("stats-chart chart-{k}")}>
                    <figcaption>{ heading(k) }</figcaption>
                    { svg(markup) }
                </figure>
            }) }
            <div class="stats-places">
                { for tables.iter().enumerate().filter(|(_, (t, _))| matches!(*t, "家庭类别" | "按县区" | "按社区")).map(|(k, (t, rows))| table(&format!("stats-place-{k}"), t, rows)) }
            </div>
            <details class="stats-tables">
                <summary>{ lang.pick("全部数字（表格，与导出的“统计”表相同）", "Every number as tables (the same as the export's 统计 sheet)") }</summary>
                { for tables.iter().enumerate().map(|(k, (t, rows))| table(&format!("stats-table-{k}"), t, rows)) }
            </details>
        </section>
    }
}
