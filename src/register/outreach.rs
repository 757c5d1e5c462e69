//! 政策找人: the lines an office acts on, from the rules' answer and the register's own note
//! on special support. Every date comes from the answer (`eligible_from`) or the birthdays
//! the rules count by; nothing here decides eligibility.

use chrono::{Datelike, NaiveDate};

use super::row::Extra;
use super::values::zh;
use crate::rules::facts::birthday;
use crate::rules::params::{ELDER_CARE_AGE, SPECIAL_SUPPORT_MOTHER_AGE};
use crate::rules::{BenefitId, Facts, Outcome, Role, Status, BENEFITS};

/// How far ahead the 将于… lines look: one year from the check date.
pub const HORIZON_YEARS: u32 = 1;

/// The applications open in the year the mother turns 49 (Henan's procedure).
pub const APPLY_THIS_YEAR: &str = "女方今年年满49周岁，可在户籍所在地村（居）委会申请特别扶助金";
pub const NOT_RECEIVED: &str = "符合特别扶助金条件，台账显示未领取";
pub const MAYBE_NOT_RECEIVED: &str = "可能符合特别扶助金条件（需要核实），台账显示未领取";
pub const RECEIVED_NOT_ELIGIBLE: &str = "台账显示已领特别扶助金，但按本政策不符合条件，请核实";

fn role_zh(role: Role) -> &'static str {
    match role {
        Role::Mother => "女方",
        Role::Father => "男方",
    }
}

fn titles_from(out: &Outcome, day: NaiveDate) -> String {
    out.benefits
        .iter()
        .zip(BENEFITS.iter())
        .filter(|(b, _)| b.status == Status::Future && b.eligible_from == Some(day))
        .map(|(_, info)| info.zh)
        .collect::<Vec<_>>()
        .join("；")
}

pub fn lines(facts: &Facts, extra: Extra, out: &Outcome) -> Vec<String> {
    let mut lines = Vec::new();
    let as_of = out.as_of;
    let horizon = birthday(as_of, HORIZON_YEARS);
    let ss = out.get(BenefitId::SpecialSupport);
    let mut explained: Vec<NaiveDate> = Vec::new();

    let mother_age = SPECIAL_SUPPORT_MOTHER_AGE.at(as_of).unwrap_or(49);
    if let Some(m) = facts.parents.iter().find(|p| p.role == Role::Mother) {
        let b49 = birthday(m.birth_date, mother_age);
        if ss.applies() && b49.year() == as_of.year() {
            lines.push(APPLY_THIS_YEAR.to_string());
            explained.push(b49);
        } else if ss.status == Status::Future && b49 > as_of && b49 <= horizon {
            lines.push(format!(
                "女方将于{}年满{mother_age}周岁，届时可在户籍所在地村（居）委会申请特别扶助金",
                zh(b49)
            ));
            explained.push(b49);
        }
    }

    let elder_age = ELDER_CARE_AGE.at(as_of).unwrap_or(60);
    for p in facts.parents.iter().filter(|p| p.alive) {
        let b60 = birthday(p.birth_date, elder_age);
        if b60 > as_of && b60 <= horizon {
            let items = titles_from(out, b60);
            if !items.is_empty() {
                lines.push(format!(
                    "{}将于{}年满{elder_age}周岁，届时可享受：{items}",
                    role_zh(p.role),
                    zh(b60)
                ));
                explained.push(b60);
            }
        }
    }

    let mut days: Vec<NaiveDate> = out
        .benefits
        .iter()
        .filter(|b| b.status == Status::Future)
        .filter_map(|b| b.eligible_from)
        .filter(|d| *d <= horizon && !explained.contains(d))
        .collect();
    days.sort();
    days.dedup();
    for d in days {
        lines.push(format!("{}起可享受：{}", zh(d), titles_from(out, d)));
    }

    match (extra.received_special_support, ss.status) {
        (Some(false), Status::Eligible) => lines.push(NOT_RECEIVED.to_string()),
        (Some(false), Status::Check) => lines.push(MAYBE_NOT_RECEIVED.to_string()),
        (Some(true), Status::NotEligible) => lines.push(RECEIVED_NOT_ELIGIBLE.to_string()),
        (Some(true), Status::Future) => {
            if let Some(d) = ss.eligible_from {
                lines.push(format!(
                    "台账显示已领特别扶助金，但按本政策要到{}才符合条件，请核实",
                    zh(d)
                ));
            }
        }
        _ => {}
    }
    lines
}
