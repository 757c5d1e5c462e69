//! The statistics a 联席会议 asks for (clauses 18 and 20), from a decided register: families
//! by type, by 县区 and by 社区; per item how many can claim, must confirm, will claim later,
//! already receive; the money; the mothers turning 49 and parents turning 60 month by month.
//!
//! Every number is a sum of the per-row answers (`Summary`), so the table, the 统计 sheet
//! and the rows never disagree. An item whose amount the policy does not state (the 特别扶助金
//! of a disabled child's family, set by the province; the 奖励优待 of the 条例) is counted as
//! such and never summed as 0.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;

use super::columns::{self, Field};
use super::{values, Register};
use crate::rules::facts::birthday;
use crate::rules::outcome::plus;
use crate::rules::{self, ChildStatus, Group, Role, Status, Totals, BENEFITS};

/// One line of the families-by-type table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeRow {
    pub label: &'static str,
    pub families: usize,
    pub special: usize,
    /// 适用本政策, as the rows' column of that name (Kaifeng 户籍), special or not.
    pub covered: usize,
}

/// One item's counts over the decided families.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemRow {
    pub zh: &'static str,
    pub eligible: usize,
    pub check: usize,
    pub future: usize,
    /// Families the register marks as already receiving it (its 已领 column); `None` where
    /// the register has no such column for the item.
    pub received: Option<usize>,
    /// `eligible` or `check` families whose amount the policy does not state.
    pub not_stated: usize,
}

/// The money, as the rows' totals add up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Money {
    /// What `eligible` items pay (the rows' 每月现金, 一次性现金, 今年住院护理补贴).
    pub sure: Totals,
    /// What `check` items would pay once confirmed (the rows' 待核实金额).
    pub to_confirm: Totals,
    /// Eligible cash items whose amount is not stated, over all families.
    pub sure_not_stated: usize,
    /// Cash items to confirm whose amount is not stated.
    pub to_confirm_not_stated: usize,
}

/// One calendar month of the coming twelve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// The month's first day.
    pub month: NaiveDate,
    /// Living mothers of covered special families turning 49 this month (from the date used on).
    pub mothers_49: usize,
    /// Living parents of covered special families turning 60 this month.
    pub parents_60: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// The day the months count from.
    pub date: NaiveDate,
    pub households: usize,
    pub decided: usize,
    /// Rows that could not be decided (their 错误), not counted below.
    pub failed: usize,
    /// 失独, 伤残, 其他, 合计.
    pub types: Vec<TypeRow>,
    /// Families per 县区, in the order first met; "未填" for a blank cell.
    pub by_area: Vec<(String, usize)>,
    /// The register's 社区 (or 村, 街道) column's header and the families per value.
    pub by_community: Option<(String, Vec<(String, usize)>)>,
    pub items: Vec<ItemRow>,
    pub money: Money,
    /// The twelve months starting with the date's own.
    pub months: Vec<Month>,
}

/// The lines of the families-by-type table, in order.
pub const TYPES: [&str; 4] = ["失独家庭", "伤残家庭", "其他（子女健在）", "合计"];

/// A blank cell in a by-place table.
pub const UNSTATED_PLACE: &str = "未填";

/// The column a register names its 社区 (or 村, else 街道 / 乡镇) in, if any.
pub fn community_column(reg: &Register) -> Option<usize> {
    // The column the reader understood as 社区 (村（社区）, 所在社区 …), else an unread one
    // whose header names a 社区, 村, 街道 or 乡镇.
    let kept = columns::Field::Kept(columns::KeptField::Community);
    if let Some(j) = (0..reg.headers.len()).find(|&j| reg.layout.fields.get(j) == Some(&Some(kept)))
    {
        return Some(j);
    }
    let unread = |j: &usize| reg.layout.fields.get(*j).is_none_or(Option::is_none);
    let norm: Vec<String> = reg.headers.iter().map(|h| columns::normalise(h)).collect();
    let find = |ok: &dyn Fn(&str) -> bool| (0..norm.len()).filter(unread).find(|&j| ok(&norm[j]));
    find(&|h| h.contains("社区") || h == "村" || h.contains("行政村") || h.contains("村委"))
        .or_else(|| find(&|h| h.contains("街道") || h.contains("乡镇")))
}

fn count(list: &mut Vec<(String, usize)>, key: String) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => list.push((key, 1)),
    }
}

fn add(t: &mut Totals, u: &Totals) {
    t.monthly = plus(t.monthly, u.monthly);
    t.one_off = plus(t.one_off, u.one_off);
    t.annual = plus(t.annual, u.annual);
}

/// Which month of the twelve from `date` the day falls in (days before `date` in none).
fn month_index(date: NaiveDate, day: NaiveDate) -> Option<usize> {
    if day < date {
        return None;
    }
    let k = (day.year() - date.year()) * 12 + day.month() as i32 - date.month() as i32;
    (0..12).contains(&k).then_some(k as usize)
}

/// Rows between two calls of a long step's progress (`compute_with`, `changes::redecide_with`,
/// `compare::with_register`): the office page's worker posts each to the page.
pub const STEP: usize = 2_000;

/// The statistics of a decided register; `date` is the day the coming months count from
/// (the day of the check, or `--as-of`).
pub fn compute(reg: &Register, date: NaiveDate) -> Stats {
    compute_with(reg, date, &mut |_| {})
}

/// [`compute`], calling `progress` with the rows done every [`STEP`] rows.
pub fn compute_with(reg: &Register, date: NaiveDate, progress: &mut dyn FnMut(usize)) -> Stats {
    compute_listed(reg, None, date, progress)
}

/// [`compute_with`] of the rows at the places `listed` only, when given (the office page's
/// export of the families it lists), without a copy of them; a place past the register is
/// no row.
pub fn compute_listed(
    reg: &Register,
    listed: Option<&[usize]>,
    date: NaiveDate,
    progress: &mut dyn FnMut(usize),
) -> Stats {
    let mut types: Vec<TypeRow> = TYPES
        .iter()
        .map(|&label| TypeRow {
            label,
            ..Default::default()
        })
        .collect();
    let has_received = reg.layout.index.contains_key(&Field::Received);
    let mut items: Vec<ItemRow> = BENEFITS
        .iter()
        .map(|b| ItemRow {
            zh: b.zh,
            received: (has_received && b.id == rules::BenefitId::SpecialSupport).then_some(0),
            ..Default::default()
        })
        .collect();
    let first = NaiveDate::from_ymd_opt(date.year(), date.month(), 1).unwrap_or(date);
    let mut months: Vec<Month> = (0..12)
        .map(|k| Month {
            month: first.checked_add_months(Months::new(k)).unwrap_or(first),
            mothers_49: 0,
            parents_60: 0,
        })
        .collect();
    let community = community_column(reg);
    let mut by_area = Vec::new();
    let mut by_comm = Vec::new();
    let mut money = Money::default();
    let (mut decided, mut failed, mut households) = (0, 0, 0);
    let n = listed.map_or(reg.rows.len(), <[usize]>::len);
    for k in 0..n {
        if k % STEP == 0 {
            progress(k);
        }
        let Some(r) = reg.rows.get(listed.map_or(k, |l| l[k])) else {
            continue;
        };
        if r.is_blank() {
            continue;
        }
        households += 1;
        let (Some(f), Some(s)) = (&r.facts, &r.result) else {
            failed += 1;
            continue;
        };
        decided += 1;
        let t = match f.child.status {
            ChildStatus::Deceased => 0,
            ChildStatus::Disabled => 1,
            ChildStatus::Living => 2,
        };
        for k in [t, 3] {
            types[k].families += 1;
            types[k].special += s.special_family as usize;
            types[k].covered += s.covered as usize;
        }
        count(
            &mut by_area,
            f.area
                .map_or(UNSTATED_PLACE.to_string(), |a| a.name_zh().to_string()),
        );
        if let Some(j) = community {
            let v = r.input.get(j).and_then(values::text);
            count(&mut by_comm, v.unwrap_or_else(|| UNSTATED_PLACE.into()));
        }
        add(&mut money.sure, &s.totals);
        add(&mut money.to_confirm, &s.totals_to_confirm);
        for (item, (st, _)) in items.iter_mut().zip(&s.items) {
            match st {
                Status::Eligible => item.eligible += 1,
                Status::Check => item.check += 1,
                Status::Future => item.future += 1,
                Status::NotEligible => {}
            }
        }
        if let Some(n) = items[rules::BenefitId::SpecialSupport as usize]
            .received
            .as_mut()
        {
            let cell = reg.layout.cell(&r.input, Field::Received);
            if matches!(values::yes_no(cell, "是", "否"), Ok(Some(true))) {
                *n += 1;
            }
        }
        // The amounts are on the full results: decided again for the same day.
        if s.items
            .iter()
            .any(|(st, _)| matches!(st, Status::Eligible | Status::Check))
        {
            if let Ok(out) = rules::evaluate(f, s.as_of) {
                for (b, res) in BENEFITS.iter().zip(&out.benefits) {
                    let stated = res.monthly_total.is_some()
                        || res.one_off_total.is_some()
                        || res.annual_total.is_some();
                    if b.group != Group::Cash || stated {
                        continue;
                    }
                    match res.status {
                        Status::Eligible => money.sure_not_stated += 1,
                        Status::Check => money.to_confirm_not_stated += 1,
                        _ => continue,
                    }
                    items[b.id as usize].not_stated += 1;
                }
            }
        }
        if s.special_family && s.covered {
            for p in f.parents.iter().filter(|p| p.alive) {
                if p.role == Role::Mother {
                    if let Some(k) = month_index(date, birthday(p.birth_date, 49)) {
                        months[k].mothers_49 += 1;
                    }
                }
                if let Some(k) = month_index(date, birthday(p.birth_date, 60)) {
                    months[k].parents_60 += 1;
                }
            }
        }
    }
    // The counties in the policy's order, a blank last (taken in that order rather than
    // sorted: the office page's wasm carries no sort for it).
    let mut ordered = Vec::with_capacity(by_area.len());
    for a in rules::Area::ALL {
        if let Some(k) = by_area.iter().position(|(n, _)| n == a.name_zh()) {
            ordered.push(by_area.swap_remove(k));
        }
    }
    ordered.append(&mut by_area);
    let by_area = ordered;
    let by_community = community.map(|j| (reg.headers[j].clone(), by_comm));
    Stats {
        date,
        households,
        decided,
        failed,
        types,
        by_area,
        by_community,
        items,
        money,
        months,
    }
}

/// A sum of money as the tables write it.
pub fn yuan(d: Decimal) -> String {
    rules::outcome::Yuan(d).to_string()
}

/// The plain-text table for a terminal (`fuzhu register --stats`).
pub fn text(s: &Stats) -> String {
    let mut o = String::new();
    let line = |o: &mut String, cells: &[String], widths: &[usize]| {
        for (k, c) in cells.iter().enumerate() {
            let w = display_width(c);
            if k > 0 {
                o.push_str("  ");
            }
            if k == 0 {
                o.push_str(c);
                o.push_str(&" ".repeat(widths[k].saturating_sub(w)));
            } else {
                o.push_str(&" ".repeat(widths[k].saturating_sub(w)));
                o.push_str(c);
            }
        }
        o.push('\n');
    };
    let table = |o: &mut String, title: &str, rows: Vec<Vec<String>>| {
        o.push_str(&format!("\n【{title}】\n"));
        let n = rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..n)
            .map(|k| {
                rows.iter()
                    .filter_map(|r| r.get(k))
                    .map(|c| display_width(c))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for r in &rows {
            line(o, r, &widths);
        }
    };
    o.push_str(&format!(
        "统计（{}）：共{}户，{}户已判断，{}户有错误未计入\n",
        s.date.format("%Y-%m-%d"),
        s.households,
        s.decided,
        s.failed
    ));
    for (title, rows) in sheet_tables(s) {
        table(&mut o, title, rows);
    }
    o
}

fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The tables of the statistics, each a title and its rows (the first row the headers), as
/// both the terminal table and the 统计 sheet write them.
pub fn sheet_tables(s: &Stats) -> Vec<(&'static str, Vec<Vec<String>>)> {
    let n = |v: usize| v.to_string();
    let mut out = Vec::new();
    let mut t = vec![vec![
        "家庭类别".to_string(),
        "户数".into(),
        "特殊家庭".into(),
        "适用本政策".into(),
    ]];
    for r in &s.types {
        t.push(vec![
            r.label.to_string(),
            n(r.families),
            n(r.special),
            n(r.covered),
        ]);
    }
    out.push(("家庭类别", t));
    let mut a = vec![vec!["县区".to_string(), "户数".into()]];
    a.extend(s.by_area.iter().map(|(k, v)| vec![k.clone(), n(*v)]));
    out.push(("按县区", a));
    if let Some((h, list)) = &s.by_community {
        let mut c = vec![vec![h.clone(), "户数".into()]];
        c.extend(list.iter().map(|(k, v)| vec![k.clone(), n(*v)]));
        out.push(("按社区", c));
    }
    let mut i = vec![vec![
        "项目".to_string(),
        "可以享受".into(),
        "需要核实".into(),
        "将来可以享受".into(),
        "已领".into(),
        "金额未定".into(),
    ]];
    for r in &s.items {
        i.push(vec![
            r.zh.to_string(),
            n(r.eligible),
            n(r.check),
            n(r.future),
            r.received.map_or("—".into(), n),
            n(r.not_stated),
        ]);
    }
    out.push(("各项目户数", i));
    let m = &s.money;
    out.push((
        "金额（元）",
        vec![
            vec![
                "".to_string(),
                "每月".into(),
                "一次性".into(),
                "今年住院护理补贴".into(),
                "金额未定的项目".into(),
            ],
            vec![
                "可以享受".to_string(),
                yuan(m.sure.monthly),
                yuan(m.sure.one_off),
                yuan(m.sure.annual),
                n(m.sure_not_stated),
            ],
            vec![
                "需要核实".to_string(),
                yuan(m.to_confirm.monthly),
                yuan(m.to_confirm.one_off),
                yuan(m.to_confirm.annual),
                n(m.to_confirm_not_stated),
            ],
        ],
    ));
    let mut mo = vec![vec![
        "月份".to_string(),
        "女方满49周岁".into(),
        "父母满60周岁".into(),
    ]];
    mo.extend(s.months.iter().map(|m| {
        vec![
            m.month.format("%Y-%m").to_string(),
            n(m.mothers_49),
            n(m.parents_60),
        ]
    }));
    out.push(("今后12个月（特殊家庭）", mo));
    out
}

/// The name of the statistics sheet in the .xlsx export.
pub const SHEET: &str = "统计";

/// Writes the 统计 sheet: a title line, then each table under its title, numbers as numbers.
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub fn write_sheet(
    wb: &mut rust_xlsxwriter::Workbook,
    s: &Stats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::Format;
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    ws.set_column_width(0, 34)?;
    for c in 1..6 {
        ws.set_column_width(c, 16)?;
    }
    ws.write_string_with_format(
        0,
        0,
        format!(
            "统计（{}）：共{}户，{}户已判断，{}户有错误未计入",
            s.date.format("%Y-%m-%d"),
            s.households,
            s.decided,
            s.failed
        ),
        &bold,
    )?;
    let mut r = 2u32;
    for (title, rows) in sheet_tables(s) {
        ws.write_string_with_format(r, 0, title, &bold)?;
        r += 1;
        for (i, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match v.parse::<f64>() {
                    Ok(n) if i > 0 && c > 0 => ws.write_number(r, c as u16, n)?,
                    _ if i == 0 => ws.write_string_with_format(r, c as u16, v, &bold)?,
                    _ => ws.write_string(r, c as u16, v)?,
                };
            }
            r += 1;
        }
        r += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_birthday_counts_in_its_month_from_the_date_on_and_not_before_or_after_twelve() {
        let date = day(2026, 12, 7);
        assert_eq!(month_index(date, day(2026, 12, 6)), None);
        assert_eq!(month_index(date, day(2026, 12, 7)), Some(0));
        assert_eq!(month_index(date, day(2027, 1, 1)), Some(1));
        assert_eq!(month_index(date, day(2027, 11, 30)), Some(11));
        assert_eq!(month_index(date, day(2027, 12, 1)), None);
    }

    #[test]
    fn chinese_characters_take_two_columns_in_a_terminal() {
        assert_eq!(display_width("户数12"), 6);
    }
}
