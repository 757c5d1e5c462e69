//! What the office page lists: which households each filter keeps (全部, 现在可以申请, …) and
//! the search by 编号 or 姓名. Pure, on the decided register, so every filter is tested
//! natively; the page only shows the rows these return.

use chrono::{Datelike, Months};

use super::columns::{Field, ParentField};
use super::outreach::{MAYBE_NOT_RECEIVED, NOT_RECEIVED};
use super::text::Desk;
use super::{values, Checked, Register};
use crate::rules::{Role, Status};

/// How far ahead 三个月内 looks from the row's check date.
pub const SOON_MONTHS: u32 = 3;

/// The page's filters, in the order its buttons show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    /// 全部: every household (blank rows are not households).
    All,
    /// 现在可以申请: at least one item 可以享受.
    ClaimNow,
    /// 需要核实: at least one item to confirm.
    Check,
    /// 三个月内: an item starts within three months of the check date.
    Soon,
    /// 今年内将符合: an item starts later in the check date's year.
    ThisYear,
    /// 有错误: the row could not be decided.
    Errors,
    /// 台账未领: the register says special support is not received, yet it is (or may be) due.
    NotReceived,
}

impl Filter {
    pub const ALL: [Filter; 7] = [
        Filter::All,
        Filter::ClaimNow,
        Filter::Check,
        Filter::Soon,
        Filter::ThisYear,
        Filter::Errors,
        Filter::NotReceived,
    ];

    /// The button's words.
    pub fn label(self) -> Desk {
        match self {
            Filter::All => Desk::FilterAll,
            Filter::ClaimNow => Desk::FilterClaimNow,
            Filter::Check => Desk::FilterCheck,
            Filter::Soon => Desk::FilterSoon,
            Filter::ThisYear => Desk::FilterThisYear,
            Filter::Errors => Desk::FilterErrors,
            Filter::NotReceived => Desk::FilterNotReceived,
        }
    }

    /// Whether row `r` is listed under this filter.
    pub fn keeps(self, r: &Checked) -> bool {
        if r.is_blank() {
            return false;
        }
        let Some(s) = &r.result else {
            return matches!(self, Filter::All | Filter::Errors);
        };
        let any = |st: Status| s.items.iter().any(|(x, _)| *x == st);
        let starts = |within: &dyn Fn(chrono::NaiveDate) -> bool| {
            s.items
                .iter()
                .any(|(st, from)| *st == Status::Future && from.is_some_and(within))
        };
        match self {
            Filter::All => true,
            Filter::ClaimNow => any(Status::Eligible),
            Filter::Check => any(Status::Check),
            Filter::Soon => {
                let end = s
                    .as_of
                    .checked_add_months(Months::new(SOON_MONTHS))
                    .unwrap_or(s.as_of);
                starts(&|d| d > s.as_of && d <= end)
            }
            Filter::ThisYear => starts(&|d| d > s.as_of && d.year() == s.as_of.year()),
            Filter::Errors => false,
            Filter::NotReceived => s
                .reminders
                .iter()
                .any(|l| l == NOT_RECEIVED || l == MAYBE_NOT_RECEIVED),
        }
    }
}

/// Whether row `r`'s 编号 or a parent's 姓名 contains `query` (spaces around it ignored;
/// letters in 编号 match in either case). An empty query matches every row.
pub fn matches(reg: &Register, r: &Checked, query: &str) -> bool {
    let q = query.trim();
    if q.is_empty() {
        return true;
    }
    let q = q.to_ascii_lowercase();
    [
        Field::Number,
        Field::Parent(Role::Mother, ParentField::Name),
        Field::Parent(Role::Father, ParentField::Name),
    ]
    .into_iter()
    .filter(|f| reg.layout.index.contains_key(f))
    .any(|f| {
        values::text(reg.layout.cell(&r.input, f))
            .is_some_and(|t| t.to_ascii_lowercase().contains(&q))
    })
}

/// The rows (indices into `reg.rows`) listed under `filter` and matching `query`, in order.
pub fn select(reg: &Register, filter: Filter, query: &str) -> Vec<usize> {
    reg.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| filter.keeps(r) && matches(reg, r, query))
        .map(|(i, _)| i)
        .collect()
}

/// How many households each filter keeps, in `Filter::ALL`'s order.
pub fn counts(reg: &Register) -> [usize; 7] {
    let mut n = [0; 7];
    for r in &reg.rows {
        for (k, f) in Filter::ALL.iter().enumerate() {
            if f.keeps(r) {
                n[k] += 1;
            }
        }
    }
    n
}

/// The household's name for a heading: 编号 and the parents' names, as the register has them.
pub fn label(reg: &Register, r: &Checked) -> String {
    let mut parts: Vec<String> = Vec::new();
    for f in [
        Field::Number,
        Field::Parent(Role::Mother, ParentField::Name),
        Field::Parent(Role::Father, ParentField::Name),
    ] {
        if reg.layout.index.contains_key(&f) {
            if let Some(t) = values::text(reg.layout.cell(&r.input, f)) {
                parts.push(t);
            }
        }
    }
    parts.join(" ")
}
