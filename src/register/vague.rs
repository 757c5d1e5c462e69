//! A row the register cannot state exactly, decided for every way it could be: a birth given
//! only to the month (1968.06) is decided for the month's first and last days, a register
//! without 城乡 for 城镇 and 农村. An item that comes out the same every way is as decided; one
//! that differs is `check`, with a line in 提醒 saying what to confirm (the questionnaire's
//! 记不清 rule: a month is enough unless the day can change a result). The amounts are the
//! least of the ways; what more one way would pay is in 待核实金额.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::values::zh_month;
use super::{Extra, Summary};
use crate::rules::{self, Facts, Residence, Role, Status, Totals, BENEFITS};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cause {
    Day,
    Residence,
}

fn least(a: &Totals, b: &Totals) -> Totals {
    Totals {
        monthly: a.monthly.min(b.monthly),
        one_off: a.one_off.min(b.one_off),
        annual: a.annual.min(b.annual),
    }
}

fn most(a: &Totals, b: &Totals) -> Totals {
    Totals {
        monthly: a.monthly.max(b.monthly),
        one_off: a.one_off.max(b.one_off),
        annual: a.annual.max(b.annual),
    }
}

fn plus(a: &Totals, b: &Totals, c: &Totals) -> Totals {
    let f = |x: Decimal, y: Decimal, z: Decimal| x + (y - z);
    Totals {
        monthly: f(a.monthly, b.monthly, c.monthly),
        one_off: f(a.one_off, b.one_off, c.one_off),
        annual: f(a.annual, b.annual, c.annual),
    }
}

/// The facts with every month-only birth on its month's last day.
fn latest(facts: &Facts, extra: &Extra) -> Facts {
    let mut f = facts.clone();
    for p in f.parents.iter_mut() {
        let k = if p.role == Role::Mother { 0 } else { 1 };
        if let Some(last) = extra.month_only[k] {
            p.birth_date = last;
        }
    }
    if let Some(last) = extra.month_only[2] {
        f.child.birth_date = Some(last);
    }
    f
}

/// Settles `s` (decided on `facts`) for the other ways the row could be.
pub fn settle(s: &mut Summary, facts: &Facts, extra: Extra, today: NaiveDate) {
    let month = extra.month_only.iter().any(Option::is_some);
    if !month && !extra.residence_unknown {
        return;
    }
    let mut ways: Vec<(Facts, Cause)> = Vec::new();
    if month {
        ways.push((latest(facts, &extra), Cause::Day));
    }
    if extra.residence_unknown {
        let mut f = facts.clone();
        f.residence = Residence::Rural;
        if month {
            ways.push((latest(&f, &extra), Cause::Day));
        }
        ways.push((f, Cause::Residence));
    }
    let base_items = s.items.clone();
    let mut low = s.totals;
    let mut high = s.totals;
    let mut confirm = s.totals_to_confirm;
    let mut changed: Vec<(usize, Cause)> = Vec::new();
    for (f, cause) in &ways {
        let Ok(o) = rules::evaluate(f, today) else {
            continue;
        };
        let other = Summary::new(f, extra, &o);
        for (k, (a, b)) in base_items.iter().zip(&other.items).enumerate() {
            if a != b && !changed.iter().any(|(x, c)| *x == k && c == cause) {
                changed.push((k, *cause));
            }
        }
        low = least(&low, &other.totals);
        high = most(&high, &other.totals);
        confirm = most(&confirm, &other.totals_to_confirm);
        for stop in other.first_stops {
            if !s.first_stops.contains(&stop) {
                s.first_stops.push(stop);
            }
        }
        // A line that names a day the month does not give is not said.
        s.reminders.retain(|r| other.reminders.contains(r));
    }
    s.totals = low;
    s.totals_to_confirm = plus(&confirm, &high, &low);
    let mut lines = Vec::new();
    for cause in [Cause::Day, Cause::Residence] {
        let mut titles: Vec<&str> = Vec::new();
        for (k, c) in &changed {
            if *c == cause && !titles.contains(&BENEFITS[*k].zh) {
                titles.push(BENEFITS[*k].zh);
            }
        }
        if titles.is_empty() {
            continue;
        }
        for (k, _) in changed.iter().filter(|(_, c)| *c == cause) {
            s.items[*k] = (Status::Check, None);
        }
        lines.push(match cause {
            Cause::Day => {
                let who: Vec<String> = [("女方", 0), ("男方", 1), ("子女", 2)]
                    .iter()
                    .filter_map(|(w, k)| {
                        let last = extra.month_only[*k]?;
                        Some(format!("{w}{}", zh_month(last)))
                    })
                    .collect();
                format!(
                    "出生日期只写到月（{}），{}要看具体是哪一天，请核对出生日期",
                    who.join("、"),
                    titles.join("、")
                )
            }
            Cause::Residence => format!(
                "表中没有城乡，{}在城镇和农村不同，请核实是城镇还是农村",
                titles.join("、")
            ),
        });
    }
    s.reminders.extend(lines);
}
