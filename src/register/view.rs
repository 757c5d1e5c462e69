//! What the office page lists: which households each filter keeps (全部, 现在可以申请, …) and
//! the search by 编号, 姓名 or ID number. Pure, on the decided register, so every filter is
//! tested natively; the page only shows the rows these return.

use chrono::{Datelike, Months};

use super::columns::{Field, ParentField};
use super::outreach::{MAYBE_NOT_RECEIVED, NOT_RECEIVED};
use super::text::Desk;
use super::{roster, values, Checked, Register};
use crate::rules::benefits::Claim;
use crate::rules::{BenefitId, Role, Status, BENEFITS};

/// How far ahead 三个月内 looks from the row's check date.
pub const SOON_MONTHS: u32 = 3;

/// The page's filters, in the order its buttons show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    /// 全部: every household (blank rows are not households).
    All,
    /// 现在可以申请: at least one item 可以享受 that the family must apply for
    /// (`Benefit::claim`) and that the register does not show as received (特别扶助金 with
    /// 已领特别扶助金 = 是), or the nursing allowance for days in hospital the register reports.
    /// The services every special family has without asking do not count.
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
    /// 今年需申报特别扶助: the mother turns 49 in the check date's year, or the register shows
    /// special support as not received though it is (or may be) due (`roster::due`).
    ApplyThisYear,
    /// 不适用本政策: decided, and not a special family or not covered (no Kaifeng 户籍).
    NotCovered,
}

/// How many filters the page shows.
pub const FILTERS: usize = 9;

impl Filter {
    pub const ALL: [Filter; FILTERS] = [
        Filter::All,
        Filter::ClaimNow,
        Filter::Check,
        Filter::Soon,
        Filter::ThisYear,
        Filter::Errors,
        Filter::NotReceived,
        Filter::ApplyThisYear,
        Filter::NotCovered,
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
            Filter::ApplyThisYear => Desk::FilterApplyThisYear,
            Filter::NotCovered => Desk::FilterNotCovered,
        }
    }

    /// Whether row `r` of `reg` is listed under this filter.
    pub fn keeps(self, reg: &Register, r: &Checked) -> bool {
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
            Filter::ClaimNow => {
                let received = roster::received(reg, r) == Some(true);
                BENEFITS.iter().zip(s.items.iter()).any(|(b, (st, _))| {
                    *st == Status::Eligible
                        && match b.claim {
                            Claim::Apply => !(received && b.id == BenefitId::SpecialSupport),
                            // Days in hospital reported: the stay's allowance is to be claimed.
                            Claim::PerStay => !s.totals.annual.is_zero(),
                            Claim::Given | Claim::AfterDeath => false,
                        }
                })
            }
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
            Filter::ApplyThisYear => roster::due(reg, r, s.as_of.year()).is_some(),
            Filter::NotCovered => !(s.special_family && s.covered),
        }
    }
}

/// The fewest trailing characters of an ID number the search matches on (a shorter query
/// would match most of the register).
pub const ID_TAIL_MIN: usize = 4;

/// An ID number as typed, without spaces or hyphens and with a lower-case x.
fn id_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Whether row `r`'s 编号 or a parent's 姓名 contains `query` (spaces around it ignored;
/// letters in 编号 match in either case), or a parent's ID number is `query` or ends with it
/// (at least [`ID_TAIL_MIN`] characters: 0520 finds 410204197001010520). An empty query
/// matches every row.
pub fn matches(reg: &Register, r: &Checked, query: &str) -> bool {
    let q = query.trim();
    if q.is_empty() {
        return true;
    }
    let q = q.to_ascii_lowercase();
    let key = id_key(&q);
    if key.chars().count() >= ID_TAIL_MIN
        && key.chars().all(|c| c.is_ascii_digit() || c == 'x')
        && [Role::Mother, Role::Father].into_iter().any(|role| {
            let f = Field::Parent(role, ParentField::IdNumber);
            reg.layout.index.contains_key(&f)
                && values::text(reg.layout.cell(&r.input, f))
                    .is_some_and(|t| id_key(&t).ends_with(&key))
        })
    {
        return true;
    }
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
        .filter(|(_, r)| filter.keeps(reg, r) && matches(reg, r, query))
        .map(|(i, _)| i)
        .collect()
}

/// The table's columns, as positions in `reg.output_headers()`, answers first: the
/// household's 编号 and the parents' names, then every result column and item, then the
/// office's own columns (`true`: foldable), as the register has them.
pub fn table_order(reg: &Register) -> Vec<(usize, bool)> {
    let headers = reg.output_headers();
    let inputs = headers.len() - super::RESULT_HEADERS.len() - BENEFITS.len();
    let mut lead = Vec::new();
    for f in [
        Field::Number,
        Field::Parent(Role::Mother, ParentField::Name),
        Field::Parent(Role::Father, ParentField::Name),
    ] {
        if let Some(&j) = reg.layout.index.get(&f) {
            let h = reg.headers.get(j).map(String::as_str).unwrap_or("");
            if let Some(p) = headers[..inputs].iter().position(|x| x == h) {
                if !lead.contains(&p) {
                    lead.push(p);
                }
            }
        }
    }
    let mut order: Vec<(usize, bool)> = lead.iter().map(|&p| (p, false)).collect();
    order.extend((inputs..headers.len()).map(|p| (p, false)));
    order.extend((0..inputs).filter(|p| !lead.contains(p)).map(|p| (p, true)));
    order
}

/// The register with only `rows` (indices into `reg.rows`), for exporting the households
/// listed: the same columns, notices and layout.
pub fn subset(reg: &Register, rows: &[usize]) -> Register {
    let mut sub = reg.clone();
    sub.rows = rows.iter().map(|&i| reg.rows[i].clone()).collect();
    sub
}

/// How many households each filter keeps, in `Filter::ALL`'s order.
pub fn counts(reg: &Register) -> [usize; FILTERS] {
    let mut n = [0; FILTERS];
    for r in &reg.rows {
        for (k, f) in Filter::ALL.iter().enumerate() {
            if f.keeps(reg, r) {
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
