//! 今年需申报特别扶助名单 on the office page: a year (the check date's by default), how many
//! households are due and why, and the 花名册 and 公示 workbooks (`register::roster`, the same
//! files as `fuzhu register --list-apply YEAR [--public]`), headed by the office's details.

use std::rc::Rc;

use chrono::Datelike;
use yew::prelude::*;

use super::browser;
use super::office_details;
use super::state::Loaded;
use crate::flow::text::Lang;
use crate::register::roster::{self, Kind};
use crate::register::text::Desk as T;

#[derive(Properties)]
pub struct Props {
    pub loaded: Rc<Loaded>,
    pub lang: Lang,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded) && self.lang == other.lang
    }
}

/// The file's name: 2026年特别扶助申报花名册-20261201.xlsx.
pub fn file_name(year: i32, kind: Kind, today: chrono::NaiveDate) -> String {
    let what = match kind {
        Kind::Roster => "花名册",
        Kind::Public => "公示",
    };
    format!(
        "{year}年特别扶助申报{what}-{}.xlsx",
        crate::calendar::basic(today)
    )
}

#[function_component(Yearly)]
pub fn yearly(p: &Props) -> Html {
    let lang = p.lang;
    let l = p.loaded.clone();
    let year = use_state(|| l.today.year());
    // Only the counts here (the households' entries, with their names and ID numbers, are
    // written when a workbook is asked for): drawn again for each register and year.
    let (n, turning) = roster::count(&l.reg, *year);
    let errors = l.reg.rows.iter().filter(|r| r.error.is_some()).count();
    let oninput = {
        let year = year.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(y) = input.value().trim().parse::<i32>() {
                if (2023..=2100).contains(&y) {
                    year.set(y);
                }
            }
        })
    };
    let export = |kind: Kind| {
        let (l, y, today) = (l.clone(), *year, l.today);
        Callback::from(move |_: MouseEvent| {
            let office = office_details::for_roster();
            let all: Vec<usize> = (0..l.reg.rows.len()).collect();
            let entries = roster::entries(&l.reg, &all, y);
            if let Ok(bytes) = roster::xlsx(&entries, &office, y, today, kind) {
                browser::download(&bytes, &file_name(y, kind, today), browser::XLSX_TYPE);
            }
        })
    };
    html! {
        <section class="yearly no-print" aria-labelledby="yearly-title">
            <h2 id="yearly-title">{ T::YearlyTitle.text(lang) }</h2>
            <p class="hint">{ T::YearlyIntro.text(lang) }</p>
            <div class="yearly-line">
                <label class="yearly-year" for="yearly-year">
                    <span>{ T::YearlyYear.text(lang) }</span>
                    <input id="yearly-year" type="number" min="2023" max="2100" step="1"
                        value={year.to_string()} {oninput} />
                </label>
                <p class="yearly-count" role="status">{ T::YearlyCount.fill(lang, &[
                    ("year", &year.to_string()),
                    ("n", &n.to_string()),
                    ("turning", &turning.to_string()),
                    ("missing", &(n - turning).to_string()),
                ]) }</p>
            </div>
            if errors > 0 {
                <p class="hint">{ T::YearlyErrors.fill(lang, &[("n", &errors.to_string())]) }</p>
            }
            <div class="desk-actions">
                <button type="button" class="secondary export-roster" onclick={export(Kind::Roster)} disabled={n == 0}>{ T::YearlyRoster.text(lang) }</button>
                <button type="button" class="secondary export-public" onclick={export(Kind::Public)} disabled={n == 0}>{ T::YearlyPublic.text(lang) }</button>
            </div>
        </section>
    }
}
