//! As of another date: the register decided again for a day ahead (the next 联席会议, say),
//! and the families whose answers change by then, item by item, with the birthdays that
//! move them (she turns 49, a parent turns 60, the child turns 7 or 18).
//!
//! The later answers are the rules' own for that day: each row's facts with its 核查日期 set
//! to the day, decided again; nothing here knows a rule.

use chrono::NaiveDate;

use super::columns::{Field, ParentField};
use super::{row, status_zh, values, Checked, Register, Summary};
use crate::rules::facts::birthday;
use crate::rules::{self, Group, Role, Status, BENEFITS};

/// The register with every household decided for `date` instead of its own 核查日期;
/// `today` is the real day (how far ahead a date may be is counted from it).
pub fn redecide(reg: &Register, date: NaiveDate, today: NaiveDate) -> Register {
    redecide_with(reg, date, today, &mut |_| {})
}

/// [`redecide`], calling `progress` with the rows done every `stats::STEP` rows.
pub fn redecide_with(
    reg: &Register,
    date: NaiveDate,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize),
) -> Register {
    let mut out = reg.clone();
    for (k, r) in out.rows.iter_mut().enumerate() {
        if k % super::stats::STEP == 0 {
            progress(k);
        }
        let Some(mut facts) = r.facts.clone() else {
            continue;
        };
        facts.as_of = Some(date);
        let extra = row::facts(&reg.layout, &r.input)
            .map(|(_, e)| e)
            .unwrap_or_default();
        match rules::evaluate(&facts, today) {
            Ok(o) => {
                r.result = Some(Summary::new(&facts, extra, &o));
                r.error = None;
            }
            Err(e) => {
                let p = row::engine_problem(&reg.layout, &r.input, &facts, &e);
                r.result = None;
                r.error = Some(format!("第{}行 {p}", r.line));
            }
        }
        r.facts = Some(facts);
    }
    out
}

/// One item of one family that changes between the two days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    pub zh: &'static str,
    pub before: String,
    pub after: String,
    /// It can be claimed (or is to confirm) on the later day, but the policy states no
    /// amount for this family (a disabled child's 特别扶助金, set by the province): the
    /// monthly cash does not count it, and the list says so rather than show a 0.
    pub amount_not_stated: bool,
}

/// A family whose answers differ between the two days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub line: usize,
    /// 编号 and the parents' names, as the register writes them.
    pub who: String,
    /// The birthdays between the two days that matter to the rules.
    pub because: Vec<String>,
    pub items: Vec<ItemChange>,
    /// Monthly cash before and after (yuan).
    pub monthly: (rust_decimal::Decimal, rust_decimal::Decimal),
    /// The row could not be decided on one of the days: why.
    pub error: Option<String>,
}

/// How a row is named in a list: 编号, the parents' names.
pub fn who(reg: &Register, r: &Checked) -> String {
    let mut parts = Vec::new();
    for f in [
        Field::Number,
        Field::Parent(Role::Mother, ParentField::Name),
        Field::Parent(Role::Father, ParentField::Name),
    ] {
        if let Some(t) = values::text(reg.layout.cell(&r.input, f)) {
            parts.push(t);
        }
    }
    parts.join(" ")
}

/// The birthdays between the two days (after `from`, up to `to`) that the rules turn on.
fn birthdays(r: &Checked, from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let Some(f) = &r.facts else { return Vec::new() };
    let mut out = Vec::new();
    let mut note = |d: NaiveDate, what: &str| {
        if d > from && d <= to {
            // In order of the day, as they come (a few at most: no sort needed).
            let at = out.partition_point(|(x, _): &(NaiveDate, String)| *x <= d);
            out.insert(at, (d, format!("{}{what}", d.format("%Y-%m-%d"))));
        }
    };
    for p in f.parents.iter().filter(|p| p.alive) {
        let whose = match p.role {
            Role::Mother => "女方",
            Role::Father => "男方",
        };
        if p.role == Role::Mother {
            note(birthday(p.birth_date, 49), "女方满49周岁");
        }
        note(birthday(p.birth_date, 60), &format!("{whose}满60周岁"));
    }
    if let Some(b) = f.child.birth_date {
        note(birthday(b, 7), "子女满7周岁（0–6岁优先康复结束）");
        note(birthday(b, 18), "子女满18周岁");
    }
    out.into_iter().map(|(_, s)| s).collect()
}

/// The families whose answers differ between `before` and `after` (the same register
/// decided for two days), in row order.
pub fn between(before: &Register, after: &Register, to: NaiveDate) -> Vec<Change> {
    between_with(before, after, to, &mut |_| {})
}

/// [`between`], calling `progress` with the rows done every `stats::STEP` rows.
pub fn between_with(
    before: &Register,
    after: &Register,
    to: NaiveDate,
    progress: &mut dyn FnMut(usize),
) -> Vec<Change> {
    let mut out = Vec::new();
    for (k, (b, a)) in before.rows.iter().zip(&after.rows).enumerate() {
        if k % super::stats::STEP == 0 {
            progress(k);
        }
        if b.is_blank() {
            continue;
        }
        let from = b.result.as_ref().map_or(to, |s| s.as_of);
        match (&b.result, &a.result) {
            (Some(sb), Some(sa)) => {
                let full = a
                    .facts
                    .as_ref()
                    .and_then(|f| rules::evaluate(f, sa.as_of).ok());
                let unstated = |k: usize| {
                    full.as_ref().is_some_and(|o| {
                        let r = &o.benefits[k];
                        BENEFITS[k].group == Group::Cash
                            && matches!(r.status, Status::Eligible | Status::Check)
                            && r.monthly_total.is_none()
                            && r.one_off_total.is_none()
                            && r.annual_total.is_none()
                    })
                };
                let items: Vec<ItemChange> = BENEFITS
                    .iter()
                    .zip(sb.items.iter().zip(&sa.items))
                    .filter(|(_, (x, y))| status_zh(x.0, x.1) != status_zh(y.0, y.1))
                    .map(|(bn, (x, y))| ItemChange {
                        zh: bn.zh,
                        before: status_zh(x.0, x.1).into_owned(),
                        after: status_zh(y.0, y.1).into_owned(),
                        amount_not_stated: unstated(bn.id as usize),
                    })
                    .collect();
                if items.is_empty() && sb.totals == sa.totals {
                    continue;
                }
                out.push(Change {
                    line: b.line,
                    who: who(before, b),
                    because: birthdays(a, from, to),
                    items,
                    monthly: (sb.totals.monthly, sa.totals.monthly),
                    error: None,
                });
            }
            (None, None) => {}
            (_, _) => out.push(Change {
                line: b.line,
                who: who(before, b),
                because: Vec::new(),
                items: Vec::new(),
                monthly: Default::default(),
                error: a.error.clone().or_else(|| b.error.clone()),
            }),
        }
    }
    out
}

/// What an item whose amount the policy does not state adds to its new status.
pub fn unstated_note(i: &ItemChange) -> &'static str {
    if i.amount_not_stated {
        "（本政策未写明金额，未计入每月现金）"
    } else {
        ""
    }
}

/// One line per change, as standard error says it.
pub fn line(c: &Change) -> String {
    let mut s = format!("第{}行", c.line);
    if !c.who.is_empty() {
        s.push_str(&format!("（{}）", c.who));
    }
    s.push('：');
    if let Some(e) = &c.error {
        s.push_str(e);
        return s;
    }
    let items: Vec<String> = c
        .items
        .iter()
        .map(|i| format!("{} {} → {}{}", i.zh, i.before, i.after, unstated_note(i)))
        .collect();
    s.push_str(&items.join("；"));
    if c.monthly.0 != c.monthly.1 {
        s.push_str(&format!(
            "；每月现金{}元 → {}元",
            super::stats::yuan(c.monthly.0),
            super::stats::yuan(c.monthly.1)
        ));
    }
    if !c.because.is_empty() {
        s.push_str(&format!("（因为{}）", c.because.join("、")));
    }
    s
}

/// The 变化 sheet: one line per item that changes, with the family, why and the money.
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub fn write_sheet(
    wb: &mut rust_xlsxwriter::Workbook,
    d: NaiveDate,
    list: &[Change],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::Format;
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("变化")?;
    let to = format!("到{}", d.format("%Y-%m-%d"));
    let heads = [
        "行",
        "家庭",
        "项目",
        "原来",
        to.as_str(),
        "每月现金原来（元）",
        "每月现金以后（元）",
        "原因",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (c, w) in [6, 24, 30, 24, 24, 14, 14, 40].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let money = |v: rust_decimal::Decimal| super::stats::yuan(v).parse::<f64>().unwrap_or(0.0);
    let mut r = 1u32;
    for c in list {
        let because = c.because.join("、");
        let items: Vec<(&str, &str, String)> = match &c.error {
            Some(e) => vec![("", "", e.clone())],
            None if c.items.is_empty() => vec![("", "", String::new())],
            None => c
                .items
                .iter()
                .map(|i| {
                    let after = format!("{}{}", i.after, unstated_note(i));
                    (i.zh, i.before.as_str(), after)
                })
                .collect(),
        };
        for (zh, b, a) in items {
            ws.write_number(r, 0, c.line as f64)?;
            ws.write_string(r, 1, &c.who)?;
            ws.write_string(r, 2, zh)?;
            ws.write_string(r, 3, b)?;
            ws.write_string(r, 4, &a)?;
            if c.error.is_none() {
                ws.write_number(r, 5, money(c.monthly.0))?;
                ws.write_number(r, 6, money(c.monthly.1))?;
            }
            ws.write_string(r, 7, &because)?;
            r += 1;
        }
    }
    Ok(())
}
