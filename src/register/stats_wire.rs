//! The statistics as the office page's worker posts them to the page: a 100,000-family
//! register's statistics are summed in the worker, beside the rows it decides, never on the
//! page's thread (issue 22). Plain serde structs encoded with `postcard`, in a file of their
//! own beside `wire`'s codec for the rows; the labels (the types', the items') are the
//! statistics' own constants, put back on decoding rather than sent.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::stats::{ItemRow, Money, Month, Stats, TypeRow, TYPES};
use crate::rules::{Totals, BENEFITS};

#[derive(Serialize, Deserialize)]
struct Item {
    eligible: u64,
    check: u64,
    future: u64,
    received: Option<u64>,
    not_stated: u64,
}

type Places = Vec<(String, u64)>;

#[derive(Serialize, Deserialize)]
struct Message {
    /// Days from the common era (`NaiveDate::num_days_from_ce`), and sums of money as
    /// `Decimal::serialize`'s 16 bytes: no date or number parsing on the page.
    date: i32,
    households: u64,
    decided: u64,
    failed: u64,
    /// families, special, covered per line of `TYPES`.
    types: Vec<[u64; 3]>,
    by_area: Places,
    by_community: Option<(String, Places)>,
    items: Vec<Item>,
    /// Sure, then to confirm: monthly, one-off, annual.
    money: [[[u8; 16]; 3]; 2],
    not_stated: [u64; 2],
    months: Vec<(i32, u64, u64)>,
}

const fn n(v: usize) -> u64 {
    v as u64
}

fn u(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

fn places(p: &[(String, usize)]) -> Places {
    p.iter().map(|(k, v)| (k.clone(), n(*v))).collect()
}

fn unplaces(p: Places) -> Vec<(String, usize)> {
    p.into_iter().map(|(k, v)| (k, u(v))).collect()
}

fn totals(t: &Totals) -> [[u8; 16]; 3] {
    [t.monthly, t.one_off, t.annual].map(|d| d.serialize())
}

fn untotals(t: [[u8; 16]; 3]) -> Totals {
    let [monthly, one_off, annual] = t.map(Decimal::deserialize);
    Totals {
        monthly,
        one_off,
        annual,
    }
}

fn day(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn unday(n: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(n)
}

/// The statistics as bytes for the page.
pub fn encode(s: &Stats) -> Vec<u8> {
    let m = Message {
        date: day(s.date),
        households: n(s.households),
        decided: n(s.decided),
        failed: n(s.failed),
        types: s
            .types
            .iter()
            .map(|t| [n(t.families), n(t.special), n(t.covered)])
            .collect(),
        by_area: places(&s.by_area),
        by_community: s.by_community.as_ref().map(|(h, p)| (h.clone(), places(p))),
        items: s
            .items
            .iter()
            .map(|i| Item {
                eligible: n(i.eligible),
                check: n(i.check),
                future: n(i.future),
                received: i.received.map(n),
                not_stated: n(i.not_stated),
            })
            .collect(),
        money: [totals(&s.money.sure), totals(&s.money.to_confirm)],
        not_stated: [n(s.money.sure_not_stated), n(s.money.to_confirm_not_stated)],
        months: s
            .months
            .iter()
            .map(|m| (day(m.month), n(m.mothers_49), n(m.parents_60)))
            .collect(),
    };
    postcard::to_allocvec(&m).unwrap_or_default()
}

/// The statistics back from [`encode`]'s bytes; `None` for bytes that are not (a type or
/// an item more or fewer than this build has).
pub fn decode(bytes: &[u8]) -> Option<Stats> {
    let m: Message = postcard::from_bytes(bytes).ok()?;
    if m.types.len() != TYPES.len() || m.items.len() != BENEFITS.len() {
        return None;
    }
    let months = m
        .months
        .into_iter()
        .map(|(month, a, b)| {
            Some(Month {
                month: unday(month)?,
                mothers_49: u(a),
                parents_60: u(b),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Stats {
        date: unday(m.date)?,
        households: u(m.households),
        decided: u(m.decided),
        failed: u(m.failed),
        types: TYPES
            .iter()
            .zip(m.types)
            .map(|(&label, [families, special, covered])| TypeRow {
                label,
                families: u(families),
                special: u(special),
                covered: u(covered),
            })
            .collect(),
        by_area: unplaces(m.by_area),
        by_community: m.by_community.map(|(h, p)| (h, unplaces(p))),
        items: BENEFITS
            .iter()
            .zip(m.items)
            .map(|(b, i)| ItemRow {
                zh: b.zh,
                eligible: u(i.eligible),
                check: u(i.check),
                future: u(i.future),
                received: i.received.map(u),
                not_stated: u(i.not_stated),
            })
            .collect(),
        money: Money {
            sure: untotals(m.money[0]),
            to_confirm: untotals(m.money[1]),
            sure_not_stated: u(m.not_stated[0]),
            to_confirm_not_stated: u(m.not_stated[1]),
        },
        months,
    })
}
