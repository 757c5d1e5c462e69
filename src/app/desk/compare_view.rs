//! 与上次比较 on the office page: the clerk opens this tool's earlier .xlsx export beside the
//! register on the page and sees the families added and removed (by ID number, else 编号)
//! and each family whose answers changed, item by item, old → new, with the money
//! difference (`register::compare`, as `fuzhu register --compare`); the list downloads as an
//! .xlsx. The earlier file is read in this browser only, as the register is.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::county::{self, Compared, CountyAction};
use super::state::{DeskAction, DeskState, Loaded};
use super::{browser, worker};
use crate::flow::text::Lang;
use crate::register::compare;
use crate::register::stats::yuan;

/// Families listed on the page; the download has them all.
const LISTED: usize = 200;
const INPUT_ID: &str = "previous-export";

fn compare_file(
    f: web_sys::File,
    l: Rc<Loaded>,
    ahead: Option<&county::Ahead>,
    dispatch: Callback<DeskAction>,
) {
    let name = f.name();
    let act = DeskAction::County;
    dispatch.emit(act(CountyAction::Comparing(0, 0)));
    // In the worker that holds the register (it reads the earlier file too), with its
    // progress; else on the page's thread.
    let m = county::question("compare", &l, ahead);
    let _ = js_sys::Reflect::set(&m, &"file".into(), &f);
    let _ = js_sys::Reflect::set(&m, &"name".into(), &name.clone().into());
    worker::ask(&m, move |a| {
        let compared = |list| {
            CountyAction::Compared(Rc::new(Compared {
                name: name.clone(),
                with: l.clone(),
                list,
            }))
        };
        dispatch.emit(act(match a {
            worker::Answer::Progress(n, total) => CountyAction::Comparing(n, total),
            worker::Answer::Diffs(list) => compared(list),
            worker::Answer::Failed(e) => CountyAction::CompareFailed(e.zh, e.en),
            _ => {
                let (name, l, dispatch) = (name.clone(), l.clone(), dispatch.clone());
                browser::read(f.clone(), move |bytes| {
                    let action = match bytes {
                        None => CountyAction::CompareFailed(
                            "浏览器读不出这个文件，请再选一次".into(),
                            "the browser could not read the file: choose it again".into(),
                        ),
                        Some(bytes) => match compare::read_export_bytes(&bytes, &name) {
                            Ok(old) => CountyAction::Compared(Rc::new(Compared {
                                list: compare::with_register(&old, &l.reg, &mut |_| {}),
                                name,
                                with: l,
                            })),
                            Err(e) => CountyAction::CompareFailed(e.zh, e.en),
                        },
                    };
                    dispatch.emit(DeskAction::County(action));
                });
                return;
            }
        }));
    });
}

fn signed(d: Decimal) -> String {
    if d.is_sign_negative() && !d.is_zero() {
        yuan(d)
    } else {
        format!("+{}", yuan(d))
    }
}

pub fn view(s: &DeskState, l: &Rc<Loaded>, dispatch: &Callback<DeskAction>) -> Html {
    let lang = s.lang;
    let onchange = {
        let (l, dispatch) = (l.clone(), dispatch.clone());
        let ahead = s.county.ahead.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = browser::first_file(input.files()) {
                compare_file(f, l.clone(), ahead.as_deref(), dispatch.clone());
            }
            input.set_value("");
        })
    };
    let compared = s
        .county
        .compared
        .as_ref()
        .filter(|c| Rc::ptr_eq(&c.with, l));
    html! {
        <section class="compare-view" aria-labelledby="compare-title">
            <h2 id="compare-title">{ lang.pick("与上次比较", "Compare with last time") }</h2>
            <p class="hint">{ lang.pick(
                "打开上次用本工具导出的核查结果（.xlsx），与现在这份台账比较：新增和减少的家庭（按身份证号，没有时按编号对应），以及结果有变化的家庭，逐项列出原来和现在，并算出金额差。文件只在本机读取。",
                "Open the results this tool exported last time (.xlsx) to compare them with the register now: households added and removed (matched by ID number, else by number), and each household whose answers changed, item by item, old and new, with the difference in money. The file is read on this computer only.",
            ) }</p>
            <div class="desk-actions">
                <label class="file-button secondary" for={INPUT_ID}>{ lang.pick("打开上次导出的核查结果", "Open the last export") }</label>
                <input type="file" id={INPUT_ID} class="file-input" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {onchange} />
            </div>
            if let Some(p) = s.county.comparing {
                { county::working(lang, "正在比较……", "Comparing…", Some(p).filter(|p| p.1 > 0)) }
            }
            if let Some((zh, en)) = &s.county.compare_error {
                <p class="notice desk-error compare-error" role="alert">{ lang.pick(zh, en).to_string() }</p>
            }
            if let Some(c) = compared {
                { result(c, lang) }
            }
        </section>
    }
}

/// The households that differ as a table (text: `chart::html_table`), the first [`LISTED`].
fn table(c: &Compared, lang: Lang) -> Html {
    let head: Vec<String> = [
        lang.pick("变化", "Change"),
        lang.pick("家庭", "Household"),
        lang.pick("项目：上次 → 这次", "Item: last time → now"),
        lang.pick("每月现金差额（元）", "Monthly cash difference (yuan)"),
        lang.pick("一次性现金差额（元）", "One-off cash difference (yuan)"),
    ]
    .map(str::to_string)
    .to_vec();
    let blank = |s: &str| {
        if s.is_empty() {
            "（空）".to_string()
        } else {
            s.to_string()
        }
    };
    let rows: Vec<(String, Vec<String>)> = c
        .list
        .iter()
        .take(LISTED)
        .map(|d| {
            let (class, en) = match d.kind {
                "新增" => ("added", "added"),
                "减少" => ("removed", "removed"),
                _ => ("changed", "changed"),
            };
            let items = d
                .items
                .iter()
                .map(|(i, a, b)| format!("{i}：{} → {}", blank(a), blank(b)))
                .collect::<Vec<_>>()
                .join("；");
            (
                format!("class=\"compare-row {class}\""),
                vec![
                    lang.pick(d.kind, en).to_string(),
                    format!("{} {}", d.who, d.key),
                    items,
                    signed(d.money[0]),
                    signed(d.money[1]),
                ],
            )
        })
        .collect();
    Html::from_html_unchecked(AttrValue::from(crate::register::chart::html_table(
        "class=\"register compare-table\"",
        None,
        &head,
        &rows,
        false,
    )))
}

fn result(c: &Rc<Compared>, lang: Lang) -> Html {
    let n = |k: &str| c.list.iter().filter(|d| d.kind == k).count();
    let monthly = c.list.iter().fold(Decimal::ZERO, |a, d| {
        crate::rules::outcome::plus(a, d.money[0])
    });
    let one_off = c.list.iter().fold(Decimal::ZERO, |a, d| {
        crate::rules::outcome::plus(a, d.money[1])
    });
    let summary = match lang {
        Lang::Zh => format!(
            "与“{}”比较：新增{}户，减少{}户，{}户的结果有变化；每月现金合计{}元，一次性现金合计{}元。",
            c.name,
            n("新增"),
            n("减少"),
            n("变化"),
            signed(monthly),
            signed(one_off)
        ),
        Lang::En => format!(
            "Compared with \"{}\": {} households added, {} removed, {} changed; monthly cash in all {} yuan, one-off cash {} yuan.",
            c.name,
            n("新增"),
            n("减少"),
            n("变化"),
            signed(monthly),
            signed(one_off)
        ),
    };
    let download = {
        let c = c.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(bytes) = compare::xlsx(&c.list) {
                let stem = c
                    .with
                    .name
                    .rsplit_once('.')
                    .map_or(c.with.name.as_str(), |(s, _)| s);
                let name = format!("与上次比较-{stem}-{}.xlsx", c.with.today.format("%Y%m%d"));
                browser::download(&bytes, &name, browser::XLSX_TYPE);
            }
        })
    };
    html! {
        <div class="compare-result">
            <p class="compare-summary" role="status"><strong>{ summary }</strong></p>
            if !c.list.is_empty() {
                <div class="desk-actions">
                    <button type="button" class="secondary export-compare" onclick={download}>{ lang.pick("下载变化表（.xlsx）", "Download the changes (.xlsx)") }</button>
                </div>
                <div class="table-scroll" role="region" tabindex="0" aria-label={lang.pick("与上次比较的变化", "The changes since last time")}>
                    { table(c, lang) }
                </div>
                if c.list.len() > LISTED {
                    <p class="hint">{ match lang {
                        Lang::Zh => format!("只列出前{LISTED}户，全部见下载的变化表。"),
                        Lang::En => format!("The first {LISTED} are listed; the download has them all."),
                    } }</p>
                }
            }
        </div>
    }
}
