//! The sheet a street office prints for the family (or the family saves as PDF): hidden on
//! screen, the only thing printed. A cover page (where to go, the embedding office if any,
//! the QR code that reopens these results, the hotlines), then one page per place to go with
//! the items to claim there, the papers to bring, and each item's clause in the policy's own
//! words. The grouping is `results::present::by_agency`; this only lays it out.

use yew::prelude::*;

use super::shared::qr_code;
use crate::app::state::State;
use crate::app::{host, persist};
use crate::flow::text::{Key, Lang, Voice};
use crate::results::present;
use crate::results::print::{after_death, by_agency, citation, with_chinese, AgencyVisit};
use crate::rules::facts::number;
use crate::rules::{Outcome, Status, HOTLINES};

/// "打印 / 保存为PDF": the browser's print dialog, which also saves a PDF.
/// `main`: the hand-over's main action (a volunteer's), not a secondary one.
pub fn print_button(s: &State, main: bool) -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="print-action no-print">
            <button type="button" ~className={if main { "primary print-button" } else { "secondary print-button" }} {onclick}>
                <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24">
                    <path fill="currentColor" d="M6 2h12v5H6V2zm-2 7h16a2 2 0 0 1 2 2v6h-4v5H6v-5H2v-6a2 2 0 0 1 2-2zm4 8v3h8v-5H8v2zm10-5a1 1 0 1 0 0 2 1 1 0 0 0 0-2z"/>
                </svg>
                { Key::PrintButton.text(s.lang, s.voice) }
            </button>
        </div>
    }
}

/// The whole printed sheet for an outcome whose family the policy covers.
pub fn sheet(s: &State, outcome: &Outcome) -> Html {
    // The sheet is handed to the family: addressed to them whoever printed it.
    // The office page's sheets speak from its register (Voice::Register); else to the family.
    let v = if s.voice == Voice::Register {
        Voice::Register
    } else {
        Voice::Family
    };
    let lang = s.lang;
    let t = |k: Key| k.text(lang, v);
    let visits = by_agency(outcome, &s.answers.received);
    let received: Vec<String> = outcome
        .benefits
        .iter()
        .filter(|b| b.applies() && s.answers.is_received(b.id))
        .map(|b| with_chinese(b.id.info().zh, b.id.info().en, lang))
        .collect();
    let total = visits.len();
    let meta = present::checked_line(outcome, lang);
    let head = html! {
        <header class="print-head">
            <span class="print-brand">{ t(Key::AppName) }{ " · " }{ t(Key::PrintTitle) }</span>
            <span class="print-meta">{ meta.clone() }</span>
        </header>
    };
    let office = host::current();
    let office_line = host::contact(lang, v);
    let link = persist::link(&s.answers);
    html! {
        <div class="print-sheet print-only" lang={lang.code()}>
            <section class="print-cover">
                { head.clone() }
                <h2 class="print-title">{ t(Key::PrintTitle) }</h2>
                <p>{ t(Key::PrintIntro) }</p>
                if office.has_contact() {
                    { office_line.clone() }
                } else {
                    <p class="print-no-office">{ t(Key::PrintNoOffice) }</p>
                }
                <h3>{ t(Key::PrintPlaces) }</h3>
                <ol class="print-places">
                    { for visits.iter().map(|visit| html! {
                        <li>
                            <strong>{ with_chinese(&visit.name(outcome.area, Lang::Zh), &visit.name(outcome.area, lang), lang) }</strong>
                            { lang.pick("：", ": ") }
                            { present::join(&visit.items.iter().map(|r| with_chinese(r.id.info().zh, r.id.info().en, lang)).collect::<Vec<_>>(), lang.pick("、", "; ")) }
                        </li>
                    }) }
                </ol>
                // 身后事: claimed after the parents' death, apart from the places to go now.
                { for after_death(outcome, &s.answers.received).into_iter().map(|r| html! {
                    <section class="print-after-death">
                        <h3>{ t(Key::AfterDeath) }</h3>
                        <p>
                            <strong>{ with_chinese(r.id.info().zh, r.id.info().en, lang) }</strong>{ lang.pick("：", ": ") }
                            { for r.reasons.iter().map(|x| present::reason(x, lang).to_string()) }
                        </p>
                        <p>{ t(Key::Bring) }{ lang.pick("：", ": ") }{ present::papers(r, present::child(outcome)).iter().map(|d| lang.pick(d.zh, d.en)).collect::<Vec<_>>().join(lang.pick("、", "; ")) }</p>
                    </section>
                }) }
                if !received.is_empty() {
                    <h3>{ t(Key::PrintReceived) }</h3>
                    <p class="print-received">{ present::join(&received, lang.pick("、", "; ")) }</p>
                }
                // The share link's QR code (shared::qr_code), so the family can reopen these
                // results on a phone; absent when there is no link to draw.
                if let Some(link) = link {
                    <figure class="print-qr" data-slot="share-qr">
                        { qr_code(&link, t(Key::PrintQr).into_owned()) }
                        <figcaption><strong>{ t(Key::PrintQr) }</strong><br />{ t(Key::QrCaption) }</figcaption>
                    </figure>
                }
                { hotlines(lang) }
                <p class="print-disclaimer">{ t(Key::Disclaimer) }</p>
            </section>
            { for visits.iter().enumerate().map(|(i, visit)| agency_page(s, outcome, visit, i + 1, total, &head, &office_line)) }
        </div>
    }
}

fn agency_page(
    s: &State,
    outcome: &Outcome,
    visit: &AgencyVisit<'_>,
    n: usize,
    total: usize,
    head: &Html,
    office_line: &Html,
) -> Html {
    let lang = s.lang;
    // The office page's sheets speak from its register (Voice::Register); else to the family.
    let v = if s.voice == Voice::Register {
        Voice::Register
    } else {
        Voice::Family
    };
    let t = |k: Key| k.text(lang, v);
    let child = present::child(outcome);
    let name = with_chinese(
        &visit.name(outcome.area, Lang::Zh),
        &visit.name(outcome.area, lang),
        lang,
    );
    html! {
        <section class="agency-sheet" data-agency={number(u64::from(visit.agency as u8))}>
            { head.clone() }
            <p class="print-place-n">{ Key::PrintPlace.fill(lang, v, &[("n", &number(n as u64)), ("total", &number(total as u64))]) }</p>
            <h2>{ Key::PrintAt.fill(lang, v, &[("agency", &name)]) }</h2>
            { office_line.clone() }
            <h3>{ t(Key::PrintItems) }</h3>
            <ol class="print-items">
                { for visit.items.iter().map(|r| {
                    let b = r.id.info();
                    let explain = matches!(r.status, Status::Check | Status::Future);
                    html! {
                        <li>
                            <strong>{ with_chinese(b.zh, b.en, lang) }</strong>
                            { lang.pick("　", " — ") }
                            <span class="print-status">{ present::status_label(r, lang) }</span>
                            if let Some(line) = present::amount_line(r, outcome.as_of, lang) {
                                <span class="print-amount">{ lang.pick("　", " — ") }{ line }</span>
                            }
                            if explain {
                                <ul class="print-reasons">
                                    { for r.reasons.iter().map(|x| html! { <li>{ present::reason(x, lang).to_string() }</li> }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ol>
            <h3>{ t(Key::Bring) }</h3>
            <ul class="print-documents">
                { for visit.documents.iter().map(|d| html! { <li>{ lang.pick(d.zh, d.en) }</li> }) }
            </ul>
            <h3>{ t(Key::PrintBasis) }</h3>
            <dl class="print-basis">
                { for visit.items.iter().map(|r| {
                    let b = r.id.info();
                    html! {
                        <>
                            <dt>{ with_chinese(b.zh, b.en, lang) }{ lang.pick("：", ": ") }<span class="print-citation">{ citation(b.clause, lang) }</span></dt>
                            <dd><blockquote lang="zh-CN">{ present::basis(r.id, child) }</blockquote></dd>
                        </>
                    }
                }) }
            </dl>
            <footer class="print-foot">{ hotline_line(lang) }</footer>
        </section>
    }
}

fn hotlines(lang: Lang) -> Html {
    html! {
        <section class="print-hotlines">
            <h3>{ Key::Hotlines.text(lang, Voice::Family) }</h3>
            <p>{ hotline_line(lang) }</p>
        </section>
    }
}

/// "12345 政务服务便民热线　12320 卫生健康热线　12348 公共法律服务热线".
fn hotline_line(lang: Lang) -> String {
    let lines: Vec<String> = HOTLINES
        .iter()
        .map(|(n, zh, en)| [*n, " ", lang.pick(zh, en)].concat())
        .collect();
    present::join(&lines, lang.pick("　", "; "))
}
