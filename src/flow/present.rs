//! How an engine result reads on screen and on paper: amounts with their units, dates the
//! way people write them, items grouped as a family would look for them. Presentation only:
//! every figure comes from the engine's result or its dated parameters.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::text::{Key, Lang, Voice};
use crate::rules::params::{on, NURSING_DAILY, NURSING_MAX_DAYS, SPECIAL_SUPPORT_DEATH_MONTHLY};
use crate::rules::{BenefitId, BenefitResult, Group, Outcome, Status, BENEFITS};

/// 2027年3月1日 / 1 March 2027.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
        }
    }
}

/// A sum of yuan without trailing zeros.
pub fn money(d: Decimal) -> String {
    d.normalize().to_string()
}

pub fn status_label(r: &BenefitResult, lang: Lang) -> String {
    let v = Voice::Family;
    match r.status {
        Status::Eligible => Key::StatusEligible.text(lang, v).into_owned(),
        Status::Check => Key::StatusCheck.text(lang, v).into_owned(),
        Status::NotEligible => Key::StatusNotEligible.text(lang, v).into_owned(),
        Status::Future => {
            let when = r.eligible_from.map(|d| date(d, lang)).unwrap_or_default();
            Key::StatusFuture.fill(lang, v, &[("date", &when)])
        }
    }
}

/// The amount with its unit, where the policy gives one.
pub fn amount_line(r: &BenefitResult, as_of: NaiveDate, lang: Lang) -> Option<String> {
    let v = Voice::Family;
    match r.id {
        BenefitId::SpecialSupport => Some(match r.monthly_total {
            Some(total) => {
                let rate = money(on(&SPECIAL_SUPPORT_DEATH_MONTHLY, as_of));
                Key::PerPersonMonthly.fill(lang, v, &[("rate", &rate), ("total", &money(total))])
            }
            None => Key::NationalRate.text(lang, v).into_owned(),
        }),
        BenefitId::DeathRelief => r
            .one_off_total
            .map(|a| Key::OneOff.fill(lang, v, &[("amount", &money(a))])),
        BenefitId::NursingInsurance => r.annual_total.map(|a| {
            Key::NursingLine.fill(
                lang,
                v,
                &[
                    ("daily", &money(on(&NURSING_DAILY, as_of))),
                    ("cap", &on(&NURSING_MAX_DAYS, as_of).to_string()),
                    ("annual", &money(a)),
                ],
            )
        }),
        _ => None,
    }
}

/// The household's monthly cash for the totals: the sum where the policy gives amounts, the
/// national rate where it does not (a disabled child's family), nothing where none is due.
pub fn monthly_total(outcome: &Outcome, lang: Lang) -> Option<String> {
    if !outcome.totals.monthly.is_zero() {
        return Some(Key::Yuan.fill(
            lang,
            Voice::Family,
            &[("amount", &money(outcome.totals.monthly))],
        ));
    }
    let support = outcome.get(BenefitId::SpecialSupport);
    (support.status == Status::Eligible && support.monthly_total.is_none())
        .then(|| Key::NationalRate.text(lang, Voice::Family).into_owned())
}

/// The items that apply, grouped in screen order, each group with its items.
pub fn grouped(outcome: &Outcome) -> Vec<(Group, Vec<&BenefitResult>)> {
    Group::ALL
        .iter()
        .map(|g| {
            let items: Vec<&BenefitResult> = outcome
                .benefits
                .iter()
                .filter(|b| b.applies() && BENEFITS[b.id as usize].group == *g)
                .collect();
            (*g, items)
        })
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

pub fn not_applying(outcome: &Outcome) -> Vec<&BenefitResult> {
    outcome.benefits.iter().filter(|b| !b.applies()).collect()
}

/// A reason in the chosen language.
pub fn reason(r: &crate::rules::Reason, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &r.zh,
        Lang::En => &r.en,
    }
}
