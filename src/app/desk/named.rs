//! Named sheets: every printed page of a household's sheet says whose it is (第N行, 编号, the
//! parents' names) and which page of the household's it is, so a stack of printed sheets can
//! be sorted and handed out. The family page's sheet (`screens::print_sheet`) is drawn as it
//! is, inside a table whose header row repeats on every printed page (office.css: a table's
//! header group repeats at each page break); on screen the wrapper is not there
//! (`display: contents`). A household's pages are its sheet's sections: the cover and one
//! page per place to go (`flow::print::by_agency`), counted in office.css. Print-all starts
//! with a cover list of the households it prints.

use yew::prelude::*;

use super::state::Loaded;
use crate::flow::print::by_agency;
use crate::flow::text::Lang;
use crate::register::text::Desk as T;
use crate::register::{columns::Field, columns::ParentField, values};
use crate::rules::{Outcome, Role};

/// The most pages office.css numbers (`.pages-N`); a sheet with more says 共N+页 no more.
pub const MAX_PAGES: usize = 24;

fn cell(l: &Loaded, i: usize, f: Field) -> String {
    if !l.reg.layout.index.contains_key(&f) {
        return String::new();
    }
    values::text(l.reg.layout.cell(&l.reg.rows[i].input, f)).unwrap_or_default()
}

/// 编号, 女方姓名, 男方姓名 as the register has them (blank where it has none).
pub fn names(l: &Loaded, i: usize) -> [String; 3] {
    [
        cell(l, i, Field::Number),
        cell(l, i, Field::Parent(Role::Mother, ParentField::Name)),
        cell(l, i, Field::Parent(Role::Father, ParentField::Name)),
    ]
}

/// 第12行　编号 KF-001　女方 张秀英　男方 李建国
pub fn heading(l: &Loaded, i: usize, lang: Lang) -> String {
    let [no, mother, father] = names(l, i);
    let mut parts = vec![T::Open.fill(lang, &[("n", &l.reg.rows[i].line.to_string())])];
    for (label, v) in [
        (lang.pick("编号 ", "No. "), no),
        (lang.pick("女方 ", "Mother "), mother),
        (lang.pick("男方 ", "Father "), father),
    ] {
        if !v.is_empty() {
            parts.push([label, &v].concat());
        }
    }
    parts.join("　")
}

/// The pages of a household's sheet: the cover and one per place to go.
pub fn pages(outcome: &Outcome, received: &[crate::rules::BenefitId]) -> usize {
    1 + by_agency(outcome, received).len()
}

/// `sheet` with the household named on every printed page.
pub fn named(title: String, pages: usize, sheet: Html) -> Html {
    let class = format!("named-sheet pages-{}", pages.clamp(1, MAX_PAGES));
    html! {
        <table ~className={class} role="presentation">
            <thead><tr><td><p class="sheet-name">{ title }</p></td></tr></thead>
            <tbody><tr><td>{ sheet }</td></tr></tbody>
        </table>
    }
}

/// Print-all's first page: the households printed, in order.
pub fn cover(l: &Loaded, rows: &[usize], lang: Lang) -> Html {
    let office = crate::app::office::current();
    html! {
        <section class="print-all-cover">
            <h2>{ T::PrintCoverTitle.fill(lang, &[("n", &rows.len().to_string())]) }</h2>
            if let Some(name) = &office.name {
                <p class="print-cover-office">{ name.clone() }</p>
            }
            <p>{ T::PrintCoverDate.fill(lang, &[("date", &crate::register::values::zh(l.today))]) }</p>
            <table class="print-cover-list">
                <thead>
                    <tr>
                        <th scope="col">{ lang.pick("序号", "#") }</th>
                        <th scope="col">{ T::Row.text(lang) }</th>
                        <th scope="col">{ lang.pick("编号", "No.") }</th>
                        <th scope="col">{ lang.pick("女方姓名", "Mother") }</th>
                        <th scope="col">{ lang.pick("男方姓名", "Father") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(k, &i)| {
                        let [no, mother, father] = names(l, i);
                        html! {
                            <tr>
                                <td>{ (k + 1).to_string() }</td>
                                <td>{ l.reg.rows[i].line.to_string() }</td>
                                <td>{ no }</td>
                                <td>{ mother }</td>
                                <td>{ father }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
