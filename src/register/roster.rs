//! 今年需申报特别扶助 名单: who the office must collect a 特别扶助 application from in a year,
//! and the list as offices send it up (花名册) and post it (公示).
//!
//! Henan's procedure: one applies in the year the mother turns 49, at the 村（居）委会 of one's
//! 户籍 (初审) → 乡（镇、街道） (审核) → 县（区）卫生健康委 (确认). So a year's list is the
//! households whose mother turns 49 that year and whose special support the rules do not rule
//! out, and the households the register marks as not receiving it though it is (or may be) due.
//! Which households is pure (`due`, `entries`) and tested natively; the workbooks are written
//! with rust_xlsxwriter on both sides (the command line's `--list-apply`, the office page).
//! The 公示 never shows a full ID number (410204********0520), a birth date, or any detail of a
//! child's disability beyond 伤残.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::columns::{normalise, Field, ParentField};
use super::money::PROVINCIAL;
use super::values::Born;
use super::{values, Checked, Register};
use crate::rules::facts::birthday;
use crate::rules::facts::{ChildStatus, ZhDate};
use crate::rules::params::{SPECIAL_SUPPORT_DEATH_MONTHLY, SPECIAL_SUPPORT_MOTHER_AGE};
use crate::rules::{BenefitId, Role, Status};

/// Why a household is on the year's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The mother turns 49 on this day, in the list's year.
    TurnsThisYear(NaiveDate),
    /// The register's 已领特别扶助金 says 否, yet special support is due (or may be).
    NotReceived,
}

/// What the register's 已领特别扶助金 says of row `r` (blank or no such column: `None`).
pub fn received(reg: &Register, r: &Checked) -> Option<bool> {
    if !reg.layout.index.contains_key(&Field::Received) {
        return None;
    }
    values::yes_no(reg.layout.cell(&r.input, Field::Received), "是", "否")
        .ok()
        .flatten()
}

/// The mother's 49th birthday, as the rules count it, when the row lists her.
fn mother_49(r: &Checked, as_of: NaiveDate) -> Option<NaiveDate> {
    let age = SPECIAL_SUPPORT_MOTHER_AGE.at(as_of).unwrap_or(49);
    r.facts
        .as_ref()?
        .parents
        .iter()
        .find(|p| p.role == Role::Mother)
        .map(|m| birthday(m.birth_date, age))
}

/// Whether row `r` belongs on the list for `year`, and why. A household the register marks
/// as already receiving (已领特别扶助金 = 是) is not listed, nor one whose special support the
/// rules rule out (`not_eligible`).
pub fn due(reg: &Register, r: &Checked, year: i32) -> Option<Due> {
    let s = r.result.as_ref()?;
    let ss = s.status(BenefitId::SpecialSupport);
    if ss == Status::NotEligible {
        return None;
    }
    let got = received(reg, r);
    if got == Some(true) {
        return None;
    }
    let b49 = mother_49(r, s.as_of);
    if let Some(d) = b49.filter(|d| d.year() == year) {
        return Some(Due::TurnsThisYear(d));
    }
    let before = b49.is_none_or(|d| d.year() < year);
    (got == Some(false) && matches!(ss, Status::Eligible | Status::Check) && before)
        .then_some(Due::NotReceived)
}

/// A parent as the list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    pub name: String,
    /// The ID number as the register has it (spaces taken out).
    pub id: String,
    /// The birth as the register states it: a day, or only its month (1977.11 and no ID
    /// number), never a day made up for it.
    pub birth: Option<Born>,
    pub alive: bool,
}

/// One household on the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Index into the register's rows, and its spreadsheet row number.
    pub row: usize,
    pub line: usize,
    pub number: String,
    /// 社区 / 村（居）, from a column of that name when the register has one.
    pub community: String,
    pub mother: Option<Person>,
    pub father: Option<Person>,
    /// 失独 or 伤残.
    pub category: &'static str,
    /// The disability's kind and grade, as the register gives it (智力二级): 花名册 only.
    pub disability: String,
    /// 独生子女死亡特别扶助 / 独生子女伤残特别扶助.
    pub support: &'static str,
    /// The day it applies from: the mother's 49th birthday, or the rules' start day; only
    /// its month when the mother's birth is given to the month (`Born::Month`).
    pub from: Option<Born>,
    /// 元/人/月 where the policy states it (a child's death: 1430); `None`: 按省定标准.
    pub monthly: Option<Decimal>,
    pub due: Due,
}

/// Headers an office may give its 社区 / 村 column (compared without spaces or brackets' kind).
const COMMUNITY_HEADERS: [&str; 10] = [
    "社区",
    "村（社区）",
    "社区（村）",
    "村（居）",
    "村居",
    "所在社区",
    "所属社区",
    "村（居）委会",
    "村委会",
    "居委会",
];

fn community_column(reg: &Register) -> Option<usize> {
    column_named(reg, &COMMUNITY_HEADERS)
}

/// The first input column whose header is one of `names` (compared as headers are), for the
/// columns the register keeps but the rules do not read (社区, 户籍地址, 联系电话, …).
pub fn column_named(reg: &Register, names: &[&str]) -> Option<usize> {
    reg.headers.iter().position(|h| {
        let n = normalise(h);
        names.iter().any(|c| normalise(c) == n)
    })
}

/// The text of row `r`'s cell in the first column named one of `names`, or "".
pub fn text_named(reg: &Register, r: &Checked, names: &[&str]) -> String {
    column_named(reg, names)
        .and_then(|c| r.input.get(c))
        .and_then(values::text)
        .unwrap_or_default()
}

pub fn cell_text(reg: &Register, r: &Checked, f: Field) -> String {
    if !reg.layout.index.contains_key(&f) {
        return String::new();
    }
    values::text(reg.layout.cell(&r.input, f)).unwrap_or_default()
}

fn person(reg: &Register, r: &Checked, role: Role) -> Option<Person> {
    let p = r.facts.as_ref()?.parents.iter().find(|p| p.role == role)?;
    Some(Person {
        name: cell_text(reg, r, Field::Parent(role, ParentField::Name)),
        id: cell_text(reg, r, Field::Parent(role, ParentField::IdNumber))
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect(),
        birth: Some(born(reg, r, Some(role), p.birth_date)),
        alive: p.alive,
    })
}

/// A birth as the register states it: `day` (what the facts hold) when an ID number or a
/// full date gives it, else only its month. `who` is a parent, or `None` for the child. The
/// register's reader decides a month-only birth for every day of the month (`vague`); a file
/// sent up must not show one of those days as if the register had it.
pub fn born(reg: &Register, r: &Checked, who: Option<Role>, day: NaiveDate) -> Born {
    let cell = |f: Field| reg.layout.cell(&r.input, f);
    let birth = match who {
        Some(role) => {
            let id = values::id_number(cell(Field::Parent(role, ParentField::IdNumber)));
            if matches!(id, Ok(Some(_))) {
                return Born::Day(day);
            }
            cell(Field::Parent(role, ParentField::Birth))
        }
        None => cell(Field::ChildBirth),
    };
    match values::birth(birth) {
        Ok(Some(Born::Month(m))) if m.year() == day.year() && m.month() == day.month() => {
            Born::Month(m)
        }
        _ => Born::Day(day),
    }
}

/// The child's disability as the register gives it: its kind from 残疾类别, or from the one
/// cell 残疾类别及等级 (视力一级) split as the reader splits it; its grade as the rules read
/// it (一级 … 四级). Either is "" where the register has none.
pub fn disability(reg: &Register, r: &Checked) -> (String, &'static str) {
    let mut kind = cell_text(reg, r, Field::Types);
    if kind.is_empty() {
        let both = reg.layout.cell(&r.input, Field::TypeGrade);
        if let (Ok(Some(_)), Some(t)) = (values::type_and_grade(both), values::text(both)) {
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if let Some((at, _)) = t
                .char_indices()
                .find(|(_, c)| "一二三四五壹贰叁肆12345".contains(*c))
            {
                kind = t[..at]
                    .trim_end_matches(['、', ',', '，', '-', '：', ':'])
                    .to_string();
            }
        }
    }
    let grade = match r.facts.as_ref().and_then(|f| f.child.disability_grade) {
        Some(1) => "一级",
        Some(2) => "二级",
        Some(3) => "三级",
        Some(4) => "四级",
        _ => "",
    };
    (kind, grade)
}

/// How many households [`entries`] lists for `year` among all the rows, and how many of them
/// because the mother turns 49 that year: counted without writing their entries (the page
/// shows the counts for 100,000 households each time it draws them).
pub fn count(reg: &Register, year: i32) -> (usize, usize) {
    let mut n = (0, 0);
    for r in reg.rows.iter().filter(|r| r.facts.is_some()) {
        if let Some(due) = due(reg, r, year) {
            n.0 += 1;
            n.1 += matches!(due, Due::TurnsThisYear(_)) as usize;
        }
    }
    n
}

/// The households on the list for `year` among `rows` (indices into `reg.rows`), in order.
pub fn entries(reg: &Register, rows: &[usize], year: i32) -> Vec<Entry> {
    let community = community_column(reg);
    rows.iter()
        .filter_map(|&i| {
            let r = &reg.rows[i];
            let due = due(reg, r, year)?;
            let facts = r.facts.as_ref()?;
            let s = r.result.as_ref()?;
            let died = facts.child.status == ChildStatus::Deceased;
            let (st, start) = s.items[BenefitId::SpecialSupport as usize];
            let from = match due {
                Due::TurnsThisYear(d) => Some(start.filter(|_| st == Status::Future).unwrap_or(d)),
                Due::NotReceived => mother_49(r, s.as_of),
            };
            // The 49th birthday of a mother born in a known month only: its month, not a day.
            let mother = person(reg, r, Role::Mother);
            let month_only = mother
                .as_ref()
                .is_some_and(|m| matches!(m.birth, Some(Born::Month(_))));
            let from = from.map(|d| match mother_49(r, s.as_of) {
                Some(b) if month_only && (b.year(), b.month()) == (d.year(), d.month()) => {
                    Born::Month(b)
                }
                _ => Born::Day(d),
            });
            let (kind, grade) = disability(reg, r);
            Some(Entry {
                row: i,
                line: r.line,
                number: cell_text(reg, r, Field::Number),
                community: community
                    .and_then(|c| r.input.get(c))
                    .and_then(values::text)
                    .unwrap_or_default(),
                mother,
                father: person(reg, r, Role::Father),
                category: if died { "失独" } else { "伤残" },
                disability: if died { String::new() } else { kind + grade },
                support: if died {
                    "独生子女死亡特别扶助"
                } else {
                    "独生子女伤残特别扶助"
                },
                from,
                monthly: if died {
                    SPECIAL_SUPPORT_DEATH_MONTHLY.at(s.as_of)
                } else {
                    None
                },
                due,
            })
        })
        .collect()
}

/// An ID number for the 公示: the first six and the last four characters, the eight between
/// (the birth date) starred: 410204********0520. Anything shorter than 18 characters keeps
/// only its last four, so no full number is ever shown.
pub fn mask_id(id: &str) -> String {
    let c: Vec<char> = id.chars().filter(|c| !c.is_whitespace()).collect();
    match c.len() {
        0 => String::new(),
        18 => format!(
            "{}********{}",
            c[..6].iter().collect::<String>(),
            c[14..].iter().collect::<String>()
        ),
        n if n > 4 => format!(
            "{}{}",
            "*".repeat(n - 4),
            c[n - 4..].iter().collect::<String>()
        ),
        n => "*".repeat(n),
    }
}

/// The office that makes the list: it heads the 花名册 and the 公示 (and the family sheets).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Office {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub hours: String,
}

/// The words that label the office on a register's 填报 line.
const FILED_BY: [&str; 4] = ["填报单位", "填表单位", "报送单位", "制表单位"];

/// The words that end the office's name on the same line (填报单位：… 填报日期：…).
const NEXT_LABEL: [&str; 8] = [
    "填报日期",
    "填表日期",
    "填报人",
    "填表人",
    "制表人",
    "联系电话",
    "审核人",
    "日期",
];

/// The office that filled in the register, from its 填报 line above the header
/// (填报单位：某某街道办事处（盖章）→ 某某街道办事处; the name in the same cell or the next
/// one): the 名单's office when the clerk gives none. `None` when no such line names one.
pub fn filed_by(top: &[Vec<super::Cell>]) -> Option<String> {
    let seal = ["（盖章）", "(盖章)", "盖章"];
    let clean = |t: &str| -> String {
        let mut t: String = t
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .collect();
        if let Some(at) = NEXT_LABEL.iter().filter_map(|w| t.find(w)).min() {
            t.truncate(at);
        }
        for s in seal {
            t = t.replace(s, "");
        }
        t.trim_matches([':', '：', '_', '＿']).to_string()
    };
    for row in top {
        for (j, c) in row.iter().enumerate() {
            let Some(t) = values::text(c) else { continue };
            let t: String = t
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
                .collect();
            let Some(at) = FILED_BY.iter().find_map(|w| t.find(w).map(|i| i + w.len())) else {
                continue;
            };
            let name = clean(&t[at..]);
            if !name.is_empty() {
                return Some(name);
            }
            // 填报单位： in one cell, the name in the next one given.
            let next = row[j + 1..].iter().find_map(values::text)?;
            let name = clean(&next);
            let label = NEXT_LABEL.iter().any(|w| next.starts_with(w));
            return (!name.is_empty() && !label).then_some(name);
        }
    }
    None
}

/// Which of the two lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 花名册: full ID numbers, birth dates and the disability's kind and grade, to send up.
    Roster,
    /// 公示: for the notice board.
    Public,
}

/// The list's title.
pub fn title(office: &Office, year: i32, kind: Kind) -> String {
    let who = office.name.trim();
    match kind {
        Kind::Roster => format!("{who}{year}年度计划生育家庭特别扶助申报对象花名册"),
        Kind::Public => format!("{who}{year}年度计划生育家庭特别扶助申报对象公示"),
    }
}

/// What the 备注 of a 花名册 row whose 起始日期 is only a month says.
pub const MONTH_ONLY_NOTE: &str = "出生日期只写到月，起始日以身份证为准";

/// Why the household is listed, in the 备注 column.
pub fn note(e: &Entry, kind: Kind) -> String {
    let why = match e.due {
        Due::TurnsThisYear(_) => "女方本年度年满49周岁".to_string(),
        Due::NotReceived => "台账显示未领取".to_string(),
    };
    match kind {
        Kind::Roster if matches!(e.from, Some(Born::Month(_))) => {
            format!("{why}；{MONTH_ONLY_NOTE}；台账第{}行", e.line)
        }
        Kind::Roster => format!("{why}；台账第{}行", e.line),
        Kind::Public => why,
    }
}

/// A date as the 花名册 writes it: 1977-11-20, or 1977-11 when only the month is known.
pub fn date_text(d: Option<Born>) -> String {
    match d {
        Some(Born::Day(d)) => d.format("%Y-%m-%d").to_string(),
        Some(Born::Month(m)) => m.format("%Y-%m").to_string(),
        None => String::new(),
    }
}

fn money_text(m: Option<Decimal>) -> String {
    match m {
        Some(v) => v.normalize().to_string(),
        None => PROVINCIAL.to_string(),
    }
}

/// The list as rows of text: the two header rows (a group row 女方 / 男方 over its leaves, as
/// offices lay them out), then one row per household, then the 合计 row. Both workbooks
/// and the page's printed list are drawn from this.
pub struct Table {
    pub groups: Vec<(String, usize)>,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    pub total: String,
}

pub fn table(entries: &[Entry], kind: Kind) -> Table {
    let public = kind == Kind::Public;
    let parent_cols: Vec<&'static str> = if public {
        vec!["姓名", "身份证号码"]
    } else {
        vec!["姓名", "身份证号码", "出生日期"]
    };
    let mut groups: Vec<(String, usize)> = vec![
        ("序号".into(), 1),
        ("社区（村）".into(), 1),
        ("编号".into(), 1),
    ];
    groups.push(("女方".into(), parent_cols.len()));
    groups.push(("男方".into(), parent_cols.len()));
    let mut headers: Vec<&'static str> = vec!["序号", "社区（村）", "编号"];
    headers.extend(parent_cols.iter());
    headers.extend(parent_cols.iter());
    let tail: Vec<&'static str> = if public {
        vec!["家庭类别", "扶助类别", "扶助标准（元/人/月）", "备注"]
    } else {
        vec![
            "家庭类别",
            "残疾类别及等级",
            "扶助类别",
            "起始日期",
            "扶助标准（元/人/月）",
            "备注",
        ]
    };
    for t in &tail {
        groups.push((t.to_string(), 1));
    }
    headers.extend(tail.iter());
    let mut rows = Vec::new();
    let mut people = 0;
    for (k, e) in entries.iter().enumerate() {
        let mut row = vec![(k + 1).to_string(), e.community.clone(), e.number.clone()];
        for p in [&e.mother, &e.father] {
            let (name, id, birth) = match p {
                Some(p) => {
                    if p.alive {
                        people += 1;
                    }
                    let name = if p.alive {
                        p.name.clone()
                    } else {
                        format!("{}（已故）", p.name)
                    };
                    (name, p.id.clone(), date_text(p.birth))
                }
                None => Default::default(),
            };
            row.push(name);
            row.push(if public { mask_id(&id) } else { id });
            if !public {
                row.push(birth);
            }
        }
        row.push(e.category.to_string());
        if !public {
            row.push(e.disability.clone());
        }
        row.push(e.support.to_string());
        if !public {
            row.push(date_text(e.from));
        }
        row.push(money_text(e.monthly));
        row.push(note(e, kind));
        rows.push(row);
    }
    let provincial = entries.iter().filter(|e| e.monthly.is_none()).count();
    let mut total = format!("合计：{}户，{}人（在世）", entries.len(), people);
    if provincial > 0 {
        total.push_str(&format!(
            "；其中{provincial}户为独生子女伤残家庭，扶助标准{PROVINCIAL}，本表未计金额"
        ));
    }
    Table {
        groups,
        headers,
        rows,
        total,
    }
}

/// The line under the table: who answers for it (花名册) or how to object (公示).
pub fn footer(office: &Office, kind: Kind) -> Vec<String> {
    match kind {
        Kind::Roster => {
            vec!["单位负责人：　　　　　　审核人：　　　　　　制表人：　　　　　　".into()]
        }
        Kind::Public => {
            let mut v = vec![
                "公示期为7天。对公示对象有异议的，请在公示期内向本单位反映（可署名或匿名）。"
                    .to_string(),
                "公示时间：　　年　　月　　日至　　年　　月　　日".to_string(),
            ];
            let mut contact = Vec::new();
            if !office.phone.trim().is_empty() {
                contact.push(format!("监督电话：{}", office.phone.trim()));
            }
            if !office.address.trim().is_empty() {
                contact.push(format!("地址：{}", office.address.trim()));
            }
            if !contact.is_empty() {
                v.push(contact.join("　"));
            }
            v.push("本公示不显示完整身份证号码和残疾详情。".into());
            v
        }
    }
}

/// The line above the table: 填报单位 and 填报日期 (公示: the publishing office and date).
pub fn byline(office: &Office, today: NaiveDate, kind: Kind) -> String {
    let name = if office.name.trim().is_empty() {
        "　　　　　　　　".to_string()
    } else {
        office.name.trim().to_string()
    };
    match kind {
        Kind::Roster => format!(
            "填报单位（盖章）：{name}　　　　填报日期：{}",
            ZhDate(today)
        ),
        Kind::Public => format!("公示单位：{name}　　　　公示日期：{}", ZhDate(today)),
    }
}

/// The list as an .xlsx workbook: one sheet, title merged over the table, 填报 line, the
/// two header rows, the households, 合计 and the signature line; A4 landscape, one page wide,
/// the header rows repeated on every printed page, page N of M in the footer.
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub fn xlsx(
    entries: &[Entry],
    office: &Office,
    year: i32,
    today: NaiveDate,
    kind: Kind,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

    let t = table(entries, kind);
    let last = (t.headers.len() - 1) as u16;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(match kind {
        Kind::Roster => "花名册",
        Kind::Public => "公示",
    })?;
    let title_f = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let text = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_num_format("@");
    ws.merge_range(0, 0, 0, last, &title(office, year, kind), &title_f)?;
    ws.set_row_height(0, 30)?;
    ws.merge_range(1, 0, 1, last, &byline(office, today, kind), &Format::new())?;
    // Row 3: the groups (merged over their leaves, or down over two rows); row 4: the leaves.
    let mut c = 0u16;
    for (g, span) in &t.groups {
        let span = *span as u16;
        if span == 1 {
            ws.merge_range(2, c, 3, c, g, &head)?;
        } else {
            ws.merge_range(2, c, 2, c + span - 1, g, &head)?;
            for k in 0..span {
                ws.write_string_with_format(3, c + k, t.headers[(c + k) as usize], &head)?;
            }
        }
        c += span;
    }
    for (j, h) in t.headers.iter().enumerate() {
        let w = match *h {
            "序号" => 5.0,
            "身份证号码" => 21.0,
            "备注" => 26.0,
            "出生日期" | "起始日期" => 11.0,
            "扶助类别" => 20.0,
            "社区（村）" | "残疾类别及等级" => 12.0,
            "扶助标准（元/人/月）" => 11.0,
            _ => 9.0,
        };
        ws.set_column_width(j as u16, w)?;
    }
    let mut r = 4u32;
    for row in &t.rows {
        for (j, v) in row.iter().enumerate() {
            let f = if t.headers[j] == "身份证号码" {
                &text
            } else {
                &cell
            };
            ws.write_string_with_format(r, j as u16, v, f)?;
        }
        r += 1;
    }
    ws.merge_range(r, 0, r, last, &t.total, &cell)?;
    r += 2;
    for line in footer(office, kind) {
        ws.merge_range(r, 0, r, last, &line, &Format::new())?;
        r += 1;
    }
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_repeat_rows(2, 3)?;
    ws.set_footer("&C第 &P 页，共 &N 页");
    ws.set_freeze_panes(4, 0)?;
    wb.save_to_buffer()
}
