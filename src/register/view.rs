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
    /// 需要核实: at least one item to confirm that the family must apply for (`Benefit::claim`),
    /// other than the [`STANDING_CHECKS`]: those the policy leaves to another agency for every
    /// household of their kind, whatever its row says. They would make every bereaved or
    /// disabled child's family match (5 of 5), so the filter would not narrow; the page says
    /// them once for the file instead.
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

/// The items the rules answer 需要核实 for every household they apply to, so confirming
/// them is part of applying rather than something a row leaves open: the one-off relief to a
/// bereaved family (its conditions are in 汴政办〔2014〕50号, paid once per family, and no
/// register says whether it was paid) and the rehabilitation aid to a disabled child (the
/// disabled persons' federation assesses it). tests/register_view.rs checks for every scenario
/// household that they are never answered otherwise than 需要核实 or 不符合.
pub const STANDING_CHECKS: [BenefitId; 2] = [BenefitId::DeathRelief, BenefitId::RehabilitationAid];

/// Items whose 需要核实 a column settles (the scheme each parent is insured under): on a
/// register without that column every row would have it, so 需要核实 does not list a row for
/// it (unless a 提醒 line names the item for another reason, a birth month's day) and the
/// file says it once instead ([`unasked_notice`]).
const UNASKED: [(BenefitId, ParentField); 2] = [
    (BenefitId::PensionSubsidy, ParentField::Pension),
    (BenefitId::MedicalInsuranceSubsidy, ParentField::Medical),
];

/// Whether the register has a column for a parent's `pf` (either parent's, or a person's).
fn asks(has: &dyn Fn(Field) -> bool, pf: ParentField) -> bool {
    has(Field::Parent(Role::Mother, pf))
        || has(Field::Parent(Role::Father, pf))
        || has(Field::Person(pf))
}

/// The items whose column the register does not have (see [`UNASKED`]).
fn unasked(has: &dyn Fn(Field) -> bool) -> impl Iterator<Item = BenefitId> + '_ {
    UNASKED
        .iter()
        .filter(move |(_, pf)| !asks(has, *pf))
        .map(|(b, _)| *b)
}

/// What the file is told once when it has no column for [`UNASKED`]'s items: (Chinese, English).
pub fn unasked_notice(has: &dyn Fn(Field) -> bool) -> Option<(String, String)> {
    let items: Vec<BenefitId> = unasked(has).collect();
    if items.is_empty() {
        return None;
    }
    let zh: Vec<&str> = items.iter().map(|b| BENEFITS[*b as usize].zh).collect();
    let cols: Vec<String> = UNASKED
        .iter()
        .filter(|(b, _)| items.contains(b))
        .map(|(_, pf)| format!("“{}”", super::columns::header(Field::Person(*pf))))
        .collect();
    Some((
        format!(
            "表中没有{}一列：{}每户都写“需要核实”（请核实参保情况），“需要核实”筛选不因此列出",
            cols.join(""),
            zh.join("、")
        ),
        format!(
            "no column for {}: {} are marked to confirm for every household (confirm the scheme); the To confirm filter does not list a household for that",
            cols.join(", "),
            items
                .iter()
                .map(|b| crate::english::resolve(BENEFITS[*b as usize].en))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
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
            Filter::Check => {
                let has = |f: Field| reg.layout.has(f);
                BENEFITS.iter().zip(s.items.iter()).any(|(b, (st, _))| {
                    *st == Status::Check
                        && matches!(b.claim, Claim::Apply | Claim::PerStay)
                        && !STANDING_CHECKS.contains(&b.id)
                        && (!unasked(&has).any(|u| u == b.id)
                            || s.reminders.iter().any(|l| l.contains(b.zh)))
                })
            }
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
