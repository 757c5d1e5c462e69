//! Named sheets: every printed page of a household's sheet says whose it is (第N行, 编号, the
//! parents' names) and which page it is, so a stack of printed sheets can be sorted and
//! handed out. The family page's sheet (`screens::print_sheet`) is drawn as it is, inside a
//! table whose header row, naming the household, repeats on every printed page (office.css: a
//! table's header group repeats at each page break); on screen the wrapper is not there
//! (`display: contents`). The page numbers are the printed pages' own, in the page's margin
//! (office.css `@page`): a household printed alone prints on the named page `sheet-one`
//! (第N页，共M页 of the printout); print-all's households alternate between `sheet-a` and
//! `sheet-b`, so that each starts a new page and its own counter (本户第N页) starts again at 1,
//! beside the printout's 第P页，共M页. Print-all starts with a cover list of the households.

use yew::prelude::*;

use super::state::Loaded;
use crate::flow::text::Lang;
use crate::register::text::Desk as T;
use crate::register::{columns::Field, columns::ParentField, values};
use crate::rules::Role;

/// How a sheet is printed: a household alone, or the k-th (from 0) of print-all's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printed {
    Alone,
    Nth(usize),
}

impl Printed {
    /// The sheet's class, naming its `@page` in office.css (the English ones say it in
    /// English: a page's margin has no other way of knowing the language).
    pub fn class(self, lang: Lang) -> String {
        let page = match self {
            Printed::Alone => "sheet-one",
            Printed::Nth(k) if k % 2 == 0 => "sheet-a",
            Printed::Nth(_) => "sheet-b",
        };
        let en = if lang == Lang::En { "-en" } else { "" };
        ["named-sheet ", page, en].concat()
    }
}

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

/// `sheet` with the household named on every printed page.
pub fn named(title: String, class: String, sheet: Html) -> Html {
    html! {
        <table ~className={class} role="presentation">
            <thead><tr><td><p class="sheet-name">{ title }</p></td></tr></thead>
            <tbody><tr><td>{ sheet }</td></tr></tbody>
        </table>
    }
}

/// Print-all's first page: the households printed, in order.
pub fn cover(l: &Loaded, rows: &[usize], lang: Lang) -> Html {
    let office = crate::app::host::current();
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
