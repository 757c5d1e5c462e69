//! The street office's register (台账): spreadsheet rows in, one household's facts per row,
//! the rules' answer per row out, with the outreach lines an office acts on (政策找人).
//!
//! The row logic here is pure: it works on `Vec<Vec<Cell>>` and calls `crate::rules` only,
//! never the questionnaire, so the office page (office.html) runs the same code in the
//! browser. Reading and writing files (`file`) works on bytes on both sides; the command
//! line (`cli`) is native. What the office page filters and says (`view`, `text`) is pure
//! too, so it is tested natively. The contract is `docs/register.md`.

pub mod application_form;
pub mod columns;
// In the browser, only the office page reads files (see the feature "office" in Cargo.toml).
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod file;
pub mod money;
pub mod outreach;
pub mod roster;
mod row;
pub mod template;
pub mod text;
pub mod values;
pub mod view;
// The office page's worker hands decided rows to the page as bytes (app::desk::worker).
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod wire;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::rules::outcome::Yuan;
use crate::rules::{self, BenefitId, Facts, Outcome, Status, Totals, BENEFITS};
use columns::{letter, Field};
pub use row::{Extra, Layout};

/// One spreadsheet cell as read from any file format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date cell (Excel's date serials are turned into dates when the file is read).
    Date(NaiveDate),
    /// A formula whose result the file did not save.
    Formula(String),
    /// An error value such as #N/A.
    Error(String),
}

impl Cell {
    /// A text cell, blank when the text is empty (as CSV gives them).
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

/// Why a whole file cannot be read as a register; the command line exits 2 with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub zh: String,
    pub en: String,
}

impl FileError {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        FileError {
            zh: zh.into(),
            en: en.into(),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} / {}", self.zh, self.en)
    }
}

impl std::error::Error for FileError {}

/// Something about the file worth telling the office, though every row was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub zh: String,
    pub en: String,
}

/// How many rows from the top are searched for the header row (titles may sit above it).
pub const HEADER_SEARCH_ROWS: usize = 10;

/// The columns the register adds after the input's, in order; then one per item.
pub const RESULT_HEADERS: [&str; 15] = [
    "判断日期",
    "特殊家庭",
    "适用本政策",
    "每月现金（元）",
    "一次性现金（元）",
    "今年住院护理补贴（元）",
    "待核实金额（元）",
    "金额未计入的项目",
    "可以享受",
    "需要核实",
    "将来可以享受",
    "最近日期",
    "先去哪里",
    "提醒",
    "错误",
];

/// What a good row's answer comes to, kept small so 100,000 rows fit in memory: the full
/// results are `rules::evaluate(&facts)` again when a family's sheet is opened.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The day the row was decided for (its 核查日期, or the day of the check).
    pub as_of: NaiveDate,
    pub special_family: bool,
    pub covered: bool,
    pub totals: Totals,
    pub totals_to_confirm: Totals,
    /// Per catalogue item: its status and, when `future`, the day it starts.
    pub items: Vec<(Status, Option<NaiveDate>)>,
    /// The first stop of each item that is `eligible` or `check`, distinct, in catalogue order.
    pub first_stops: Vec<String>,
    /// The outreach lines (提醒).
    pub reminders: Vec<String>,
}

impl Summary {
    pub fn new(facts: &Facts, extra: Extra, out: &Outcome) -> Summary {
        let mut first_stops: Vec<String> = Vec::new();
        for b in out.benefits.iter() {
            if matches!(b.status, Status::Eligible | Status::Check) {
                let name = b.first_stop.name_zh(out.area);
                if !first_stops.contains(&name) {
                    first_stops.push(name);
                }
            }
        }
        Summary {
            as_of: out.as_of,
            special_family: out.special_family,
            covered: out.covered,
            totals: out.totals,
            totals_to_confirm: out.totals_to_confirm,
            items: out
                .benefits
                .iter()
                .map(|b| (b.status, b.eligible_from))
                .collect(),
            first_stops,
            reminders: outreach::lines(facts, extra, out),
        }
    }

    pub fn status(&self, id: BenefitId) -> Status {
        self.items[id as usize].0
    }

    /// The earliest day a `future` item starts.
    pub fn next_date(&self) -> Option<NaiveDate> {
        self.items.iter().filter_map(|(_, d)| *d).min()
    }

    fn titles(&self, status: Status) -> String {
        let mut s = String::new();
        for (b, (st, from)) in BENEFITS.iter().zip(self.items.iter()) {
            if *st != status {
                continue;
            }
            if !s.is_empty() {
                s.push('；');
            }
            s.push_str(b.zh);
            if let Some(d) = from {
                s.push_str(&format!("（{}起）", d.format("%Y-%m-%d")));
            }
        }
        s
    }
}

/// One data row of the register and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The spreadsheet's own row number (1 is the first row of the sheet).
    pub line: usize,
    /// The row's cells as they came, one per input column.
    pub input: Vec<Cell>,
    pub facts: Option<Facts>,
    pub result: Option<Summary>,
    /// `第N行 列（X列）：问题；…`, when the row could not be decided.
    pub error: Option<String>,
}

impl Checked {
    pub fn is_blank(&self) -> bool {
        self.facts.is_none() && self.error.is_none()
    }
}

/// A register read and decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    /// The sheet used, when the file had more than one.
    pub sheet: Option<String>,
    /// The header row's number in the sheet (1-based).
    pub header_line: usize,
    /// The input columns as their headers came (a group row's 女方 / 男方 joined on).
    pub headers: Vec<String>,
    pub layout: Layout,
    /// The input columns kept in the output (a previous run's result columns are dropped).
    kept: Vec<usize>,
    pub rows: Vec<Checked>,
    pub notices: Vec<Notice>,
}

/// One output cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Out<'a> {
    Empty,
    Text(Cow<'a, str>),
    Number(f64),
    Date(NaiveDate),
}

impl Out<'_> {
    /// As the CSV writes it.
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Out::Empty => Cow::Borrowed(""),
            Out::Text(t) => Cow::Borrowed(t.as_ref()),
            Out::Number(n) => Cow::Owned(values::number_text(*n)),
            Out::Date(d) => Cow::Owned(d.format("%Y-%m-%d").to_string()),
        }
    }
}

fn money(d: Decimal) -> Out<'static> {
    Out::Number(Yuan(d).to_string().parse().unwrap_or(0.0))
}

/// The money to be confirmed: a plain number when it is one-off only (the common case:
/// the one-off relief), else each kind named.
fn to_confirm(t: &Totals) -> Out<'static> {
    if t.monthly.is_zero() && t.annual.is_zero() {
        return money(t.one_off);
    }
    let mut parts = Vec::new();
    for (label, v) in [
        ("每月", t.monthly),
        ("一次性", t.one_off),
        ("每年", t.annual),
    ] {
        if !v.is_zero() {
            parts.push(format!("{label}{}", Yuan(v)));
        }
    }
    Out::Text(Cow::Owned(parts.join("；")))
}

/// An item's cell: 可以享受 / 需要核实 / 将来可以享受（YYYY-MM-DD起）/ 不符合.
pub fn status_zh(status: Status, from: Option<NaiveDate>) -> Cow<'static, str> {
    match status {
        Status::Eligible => Cow::Borrowed("可以享受"),
        Status::Check => Cow::Borrowed("需要核实"),
        Status::Future => match from {
            Some(d) => Cow::Owned(format!("将来可以享受（{}起）", d.format("%Y-%m-%d"))),
            None => Cow::Borrowed("将来可以享受"),
        },
        Status::NotEligible => Cow::Borrowed("不符合"),
    }
}

fn yes(b: bool) -> Out<'static> {
    Out::Text(Cow::Borrowed(if b { "是" } else { "否" }))
}

fn input_out(c: &Cell) -> Out<'_> {
    match c {
        Cell::Empty => Out::Empty,
        Cell::Text(s) | Cell::Formula(s) | Cell::Error(s) => Out::Text(Cow::Borrowed(s)),
        Cell::Number(n) => Out::Number(*n),
        Cell::Bool(b) => yes(*b),
        Cell::Date(d) => Out::Date(*d),
    }
}

impl Register {
    /// The output's headers: every input column as it came, the result columns, the items.
    pub fn output_headers(&self) -> Vec<String> {
        let mut h: Vec<String> = self.kept.iter().map(|&i| self.headers[i].clone()).collect();
        h.extend(RESULT_HEADERS.iter().map(|s| s.to_string()));
        h.extend(BENEFITS.iter().map(|b| b.zh.to_string()));
        h
    }

    /// The output cells of row `i`, in the order of `output_headers`.
    pub fn output_row(&self, i: usize) -> Vec<Out<'_>> {
        let r = &self.rows[i];
        let mut out: Vec<Out<'_>> = self
            .kept
            .iter()
            .map(|&c| r.input.get(c).map(input_out).unwrap_or(Out::Empty))
            .collect();
        match &r.result {
            Some(s) => {
                let text = |t: String| {
                    if t.is_empty() {
                        Out::Empty
                    } else {
                        Out::Text(Cow::Owned(t))
                    }
                };
                let provincial = r
                    .facts
                    .as_ref()
                    .is_some_and(|f| money::provincial_special_support(f, s));
                out.push(Out::Date(s.as_of));
                out.push(yes(s.special_family));
                out.push(yes(s.covered));
                out.push(if provincial && s.totals.monthly.is_zero() {
                    Out::Text(Cow::Borrowed(money::PROVINCIAL))
                } else {
                    money(s.totals.monthly)
                });
                out.push(money(s.totals.one_off));
                out.push(money(s.totals.annual));
                out.push(to_confirm(&s.totals_to_confirm));
                out.push(text(
                    r.facts
                        .as_ref()
                        .map(|f| money::left_out(f, s).join("；"))
                        .unwrap_or_default(),
                ));
                out.push(text(s.titles(Status::Eligible)));
                out.push(text(s.titles(Status::Check)));
                out.push(text(s.titles(Status::Future)));
                out.push(s.next_date().map(Out::Date).unwrap_or(Out::Empty));
                out.push(text(s.first_stops.join("；")));
                out.push(text(s.reminders.join("；")));
                out.push(Out::Empty);
                out.extend(
                    s.items
                        .iter()
                        .map(|(st, from)| Out::Text(status_zh(*st, *from))),
                );
            }
            None => {
                out.extend((0..RESULT_HEADERS.len() - 1).map(|_| Out::Empty));
                out.push(match &r.error {
                    Some(e) => Out::Text(Cow::Borrowed(e)),
                    None => Out::Empty,
                });
                out.extend(BENEFITS.iter().map(|_| Out::Empty));
            }
        }
        out
    }

    /// Households decided, rows refused, blank rows.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for r in &self.rows {
            match (&r.result, &r.error) {
                (Some(s), _) => {
                    c.decided += 1;
                    let any = |st: Status| s.items.iter().any(|(x, _)| *x == st);
                    if any(Status::Eligible) {
                        c.eligible += 1;
                    }
                    if any(Status::Check) {
                        c.check += 1;
                    }
                    if any(Status::Future) {
                        c.future += 1;
                    }
                    if !s.reminders.is_empty() {
                        c.reminded += 1;
                    }
                }
                (None, Some(_)) => c.failed_lines.push(r.line),
                (None, None) => c.blank += 1,
            }
        }
        c
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub decided: usize,
    pub eligible: usize,
    pub check: usize,
    pub future: usize,
    pub reminded: usize,
    pub blank: usize,
    pub failed_lines: Vec<usize>,
}

/// Every title a previous run's output carries, so that feeding an output back in decides
/// afresh instead of copying old answers along.
fn is_result_header(h: &str) -> bool {
    RESULT_HEADERS.contains(&h) || BENEFITS.iter().any(|b| b.zh == h)
}

/// Where a sheet's header row is and which column holds what.
struct Found {
    line: usize,
    headers: Vec<String>,
    fields: Vec<Option<Field>>,
    grouped: bool,
}

fn cell_text(c: &Cell) -> String {
    values::text(c).unwrap_or_default()
}

/// The header row read as row `r`, with the group row above (merged 女方 / 男方 cells)
/// giving its prefix where that makes a header known.
fn read_header(rows: &[Vec<Cell>], r: usize) -> Found {
    let header = &rows[r];
    let group_row = r.checked_sub(1).map(|g| &rows[g]);
    let mut group: Option<&'static str> = None;
    let mut grouped = false;
    let width = header.len().max(group_row.map_or(0, |g| g.len()));
    let mut headers = Vec::with_capacity(width);
    let mut fields = Vec::with_capacity(width);
    for j in 0..width {
        if let Some(g) = group_row.and_then(|g| g.get(j)) {
            let t = cell_text(g);
            if !t.is_empty() {
                group = columns::group_prefix(&t);
            }
        }
        let plain = header.get(j).map(cell_text).unwrap_or_default();
        let with_group = group.filter(|_| !plain.is_empty()).and_then(|p| {
            let joined = format!("{p}{plain}");
            columns::resolve(&joined).map(|f| (joined, f))
        });
        match with_group {
            Some((joined, f)) if columns::resolve(&plain) != Some(f) => {
                grouped = true;
                headers.push(joined);
                fields.push(Some(f));
            }
            _ => {
                fields.push(columns::resolve(&plain));
                headers.push(plain);
            }
        }
    }
    Found {
        line: r + 1,
        headers,
        fields,
        grouped,
    }
}

/// Finds the header row: the first of the top rows with a 子女情况 column.
fn find_header(rows: &[Vec<Cell>]) -> Result<Found, FileError> {
    let top = rows.len().min(HEADER_SEARCH_ROWS);
    if rows.iter().all(|r| row::blank(r)) {
        return Err(FileError::new(
            "表格是空的：没有表头，也没有数据",
            "the sheet is empty: no header row and no data",
        ));
    }
    let mut some_known = None;
    for r in 0..top {
        let found = read_header(rows, r);
        if found.fields.contains(&Some(Field::ChildStatus)) {
            return Ok(found);
        }
        if some_known.is_none() && found.fields.iter().any(Option::is_some) {
            some_known = Some(found.line);
        }
    }
    Err(match some_known {
        Some(line) => FileError::new(
            format!(
                "第{line}行像是表头，但没有“子女情况”列（填死亡、伤残或健在），无法判断；请按模板加上这一列"
            ),
            format!(
                "row {line} looks like the header, but there is no 子女情况 (the child's status) column; add it as in the template"
            ),
        ),
        None => FileError::new(
            format!(
                "在前{top}行里找不到表头：没有一个认得的列名（应有“子女情况”“城乡”“女方身份证号”等，见模板：fuzhu register --template 模板.xlsx）"
            ),
            format!(
                "no header row in the first {top} rows: no known column name (expected 子女情况, 城乡, 女方身份证号… as in the template: fuzhu register --template template.xlsx)"
            ),
        ),
    })
}

/// Reads the sheets of a workbook (first to last) and decides the first that is a
/// register; a single CSV is one sheet.
pub fn check_sheets(
    sheets: Vec<(String, Vec<Vec<Cell>>)>,
    today: NaiveDate,
) -> Result<Register, FileError> {
    let mut pending = start_sheets(sheets, today)?;
    pending.step(usize::MAX);
    Ok(pending.finish())
}

/// [`check_sheets`] in steps, for a page that shows how far it has got: the register's
/// header read and its columns checked (a file that is not a register is refused here), its
/// rows still to decide ([`Pending::step`]).
pub fn start_sheets(
    sheets: Vec<(String, Vec<Vec<Cell>>)>,
    today: NaiveDate,
) -> Result<Pending, FileError> {
    let many = sheets.len() > 1;
    let mut first_error = None;
    let mut all_empty = true;
    for (name, rows) in sheets {
        if rows.iter().all(|r| row::blank(r)) {
            continue;
        }
        all_empty = false;
        match find_header(&rows) {
            Ok(found) => {
                let mut pending = start(found, rows, today)?;
                if many {
                    pending.reg.sheet = Some(name.clone());
                    pending.reg.notices.insert(
                        0,
                        Notice {
                            zh: format!("读取的是工作表“{name}”"),
                            en: format!("read the sheet \"{name}\""),
                        },
                    );
                }
                return Ok(pending);
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if all_empty {
        return Err(FileError::new(
            "表格是空的：没有表头，也没有数据",
            "the sheet is empty: no header row and no data",
        ));
    }
    Err(first_error.unwrap_or_else(|| FileError::new("表格是空的", "the file is empty")))
}

/// A register whose header is read and whose rows are being decided, a few at a time.
pub struct Pending {
    /// Everything but the rows, and the rows decided so far.
    reg: Register,
    data: std::vec::IntoIter<Vec<Cell>>,
    total: usize,
    today: NaiveDate,
}

impl Pending {
    /// The data rows to decide in all (blank rows at the end are not counted).
    pub fn total(&self) -> usize {
        self.total
    }

    /// The rows decided so far.
    pub fn done(&self) -> usize {
        self.reg.rows.len()
    }

    /// The rows decided so far, in order (to hand on while the rest are decided).
    pub fn rows(&self) -> &[Checked] {
        &self.reg.rows
    }

    /// Decides up to `n` more rows; how many it decided (0 once all are).
    pub fn step(&mut self, n: usize) -> usize {
        let before = self.reg.rows.len();
        for input in self.data.by_ref().take(n) {
            let line = self.reg.header_line + 1 + self.reg.rows.len();
            self.reg
                .rows
                .push(check_row(&self.reg.layout, input, line, self.today));
        }
        self.reg.rows.len() - before
    }

    /// The register, once every row is decided (rows not yet decided are decided now).
    pub fn finish(mut self) -> Register {
        self.step(usize::MAX);
        if self.reg.rows.is_empty() {
            self.reg.notices.push(Notice {
                zh: "表格只有表头，没有家庭数据行".into(),
                en: "the sheet has a header row but no households".into(),
            });
        }
        self.reg
    }
}

/// Reads and decides one sheet's rows. `today` stands in for a blank 核查日期.
pub fn check(rows: Vec<Vec<Cell>>, today: NaiveDate) -> Result<Register, FileError> {
    check_sheets(vec![(String::new(), rows)], today)
}

fn start(found: Found, rows: Vec<Vec<Cell>>, today: NaiveDate) -> Result<Pending, FileError> {
    let Found {
        line: header_line,
        headers,
        fields,
        grouped,
    } = found;
    let mut notices = Vec::new();
    // Two columns for one field: which one holds the truth cannot be guessed.
    for (j, f) in fields.iter().enumerate() {
        if let Some(f) = f {
            if let Some(k) = fields[..j].iter().position(|g| g == &Some(*f)) {
                let name = columns::header(*f);
                return Err(FileError::new(
                    format!(
                        "第{header_line}行有两列都是“{name}”（{}列“{}”和{}列“{}”），无法确定用哪一列；请删除或改名其中一列",
                        letter(k), headers[k], letter(j), headers[j]
                    ),
                    format!(
                        "row {header_line} has two columns for {name} (column {} \"{}\" and column {} \"{}\"); delete or rename one of them",
                        letter(k), headers[k], letter(j), headers[j]
                    ),
                ));
            }
        }
    }
    if header_line > 1 {
        let above = if grouped {
            format!(
                "第1–{}行是标题和分组行（女方、男方等已并入列名）",
                header_line - 1
            )
        } else if header_line == 2 {
            "第1行是标题".to_string()
        } else {
            format!("第1–{}行是标题", header_line - 1)
        };
        notices.push(Notice {
            zh: format!("表头在第{header_line}行；{above}，不写入结果"),
            en: format!(
                "the header is row {header_line}; the rows above it are titles and are not copied to the output"
            ),
        });
    }
    let data: Vec<Vec<Cell>> = rows.into_iter().skip(header_line).collect();
    let width = data
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(headers.len());
    let mut headers = headers;
    let mut fields = fields;
    headers.resize(width, String::new());
    fields.resize(width, None);

    let mut kept = Vec::new();
    let mut unknown = Vec::new();
    let mut nameless = Vec::new();
    let mut dropped = 0;
    for j in 0..width {
        let h = &headers[j];
        if fields[j].is_none() && is_result_header(&columns::normalise(h)) {
            dropped += 1;
            continue;
        }
        kept.push(j);
        if fields[j].is_none() {
            if h.is_empty() {
                if data
                    .iter()
                    .any(|r| r.get(j).is_some_and(|c| values::text(c).is_some()))
                {
                    nameless.push(letter(j));
                }
            } else {
                unknown.push((
                    format!("{h}（{}列）", letter(j)),
                    format!("{h} (column {})", letter(j)),
                ));
            }
        }
    }
    if dropped > 0 {
        notices.push(Notice {
            zh: format!("已去掉上次核查结果的{dropped}列，按现在的信息重新判断"),
            en: format!("dropped {dropped} columns of an earlier run's results; decided afresh"),
        });
    }
    if !unknown.is_empty() {
        let zh: Vec<&str> = unknown.iter().map(|(z, _)| z.as_str()).collect();
        let en: Vec<&str> = unknown.iter().map(|(_, e)| e.as_str()).collect();
        notices.push(Notice {
            zh: format!("这些列不认识，原样保留、不参与判断：{}", zh.join("、")),
            en: format!(
                "{} column(s) not recognised, kept as they are and not used: {}",
                en.len(),
                en.join(", ")
            ),
        });
    }
    if !nameless.is_empty() {
        notices.push(Notice {
            zh: format!(
                "{}列没有表头（可能是合并的单元格），内容原样保留、不参与判断",
                nameless.join("、")
            ),
            en: format!(
                "column(s) {} have no header (merged cells?); kept as they are and not used",
                nameless.join(", ")
            ),
        });
    }

    let layout = Layout::new(fields);
    let mut data = data;
    let last = data
        .iter()
        .rposition(|r| !row::blank(r))
        .map_or(0, |i| i + 1);
    data.truncate(last);
    Ok(Pending {
        reg: Register {
            sheet: None,
            header_line,
            headers,
            layout,
            kept,
            rows: Vec::with_capacity(last),
            notices,
        },
        total: last,
        data: data.into_iter(),
        today,
    })
}

/// Decides one data row; `line` is its row number in the sheet.
pub fn check_row(layout: &Layout, input: Vec<Cell>, line: usize, today: NaiveDate) -> Checked {
    if row::blank(&input) {
        return Checked {
            line,
            input,
            facts: None,
            result: None,
            error: None,
        };
    }
    let fail = |problems: Vec<String>, input: Vec<Cell>, facts: Option<Facts>| Checked {
        line,
        input,
        facts,
        result: None,
        error: Some(format!("第{line}行 {}", problems.join("；"))),
    };
    match row::facts(layout, &input) {
        Err(problems) => fail(problems, input, None),
        Ok((facts, extra)) => match rules::evaluate(&facts, today) {
            Err(e) => {
                let p = row::engine_problem(layout, &input, &facts, &e);
                fail(vec![p], input, None)
            }
            Ok(outcome) => {
                let result = Summary::new(&facts, extra, &outcome);
                Checked {
                    line,
                    input,
                    facts: Some(facts),
                    result: Some(result),
                    error: None,
                }
            }
        },
    }
}
