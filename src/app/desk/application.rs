//! 申请审核表（参考） on the office page: one household's draft from its view, or the drafts of
//! every household listed, printed one per page (`register::application_form`). Drawn only
//! while printing, then removed; the heading says the county's own form is the one that counts.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::office_details;
use super::state::Loaded;
use crate::flow::text::Lang;
use crate::register::application_form::{self as af, Form, REFERENCE, REVIEWS, TITLE};
use crate::register::text::Desk as T;

fn draft(f: &Form, office: &str) -> Html {
    let person = |p: &af::Person| {
        html! {
            <tr>
                <th scope="row">{ if p.alive { p.role.to_string() } else { [p.role, "（已故）"].concat() } }</th>
                <td>{ p.name.clone() }</td>
                <td>{ p.sex }</td>
                <td>{ p.birth.clone() }</td>
                <td class="id">{ p.id.clone() }</td>
            </tr>
        }
    };
    html! {
        <section class="application-form">
            <p class="af-reference">{ REFERENCE }</p>
            <h2>{ TITLE }</h2>
            <p class="af-meta">
                { format!("台账第{}行", f.line) }
                if !f.number.is_empty() { { format!("　编号：{}", f.number) } }
                if !office.is_empty() { { format!("　填表单位：{office}") } }
            </p>
            <table class="af-table">
                <thead>
                    <tr><th scope="col"></th><th scope="col">{ "姓名" }</th><th scope="col">{ "性别" }</th><th scope="col">{ "出生日期" }</th><th scope="col">{ "公民身份号码" }</th></tr>
                </thead>
                <tbody>
                    { for f.people.iter().map(person) }
                    <tr><th scope="row">{ "婚姻状况" }</th><td colspan="4">{ f.marital.clone() }</td></tr>
                    <tr><th scope="row">{ "户籍地址" }</th><td colspan="4">{ f.address.clone() }</td></tr>
                    <tr><th scope="row">{ "联系电话" }</th><td colspan="4">{ f.phone.clone() }</td></tr>
                    <tr><th scope="row">{ "独生子女" }</th><td colspan="4">{ format!("姓名：{}　出生日期：{}　现状：{}", f.child_name, f.child_birth, f.child_status) }</td></tr>
                    if !f.certificate.is_empty() {
                        <tr><th scope="row">{ "残疾证" }</th><td colspan="4">{ f.certificate.clone() }</td></tr>
                    }
                    <tr><th scope="row">{ "申请理由" }</th><td colspan="4">{ f.reason.clone() }<p class="af-sign">{ "申请人（签字或按手印）：　　　　　　　　年　　月　　日" }</p></td></tr>
                    { for REVIEWS.iter().map(|by| html! {
                        <tr class="af-review">
                            <th scope="row">{ *by }</th>
                            <td colspan="4"><div class="af-space"></div><p class="af-sign">{ "经办人：　　　　　负责人：　　　　　（盖章）　　　　年　　月　　日" }</p></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

#[derive(Properties)]
pub struct Props {
    pub loaded: Rc<Loaded>,
    /// The households whose drafts print (those without one are skipped).
    pub rows: Rc<Vec<usize>>,
    pub lang: Lang,
    /// One household (its view) or the list.
    pub one: bool,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.rows, &other.rows)
            && self.lang == other.lang
            && self.one == other.one
    }
}

/// The button, and while printing the drafts themselves.
#[function_component(ApplicationDrafts)]
pub fn application_drafts(p: &Props) -> Html {
    let printing = use_state(|| false);
    let l = &p.loaded;
    let n = p.rows.iter().filter(|&&i| af::has_form(&l.reg, i)).count();
    {
        let printing = printing.clone();
        use_effect_with(*printing, move |on| {
            if *on {
                browser::root_flag("data-print-forms", true);
                browser::print();
                browser::root_flag("data-print-forms", false);
                printing.set(false);
            }
        });
    }
    let onclick = {
        let printing = printing.clone();
        Callback::from(move |_: MouseEvent| printing.set(true))
    };
    let label = if p.one {
        T::DraftOne.text(p.lang).to_string()
    } else {
        T::DraftAll.fill(p.lang, &[("n", &n.to_string())])
    };
    let office = office_details::for_roster().name;
    html! {
        <>
            <button type="button" class="secondary print-drafts no-print" {onclick} disabled={n == 0}>{ label }</button>
            if *printing {
                <div class="application-forms print-only">
                    { for p.rows.iter().filter_map(|&i| af::form(&l.reg, i)).map(|f| draft(&f, &office)) }
                </div>
            }
        </>
    }
}
