//! The street office's register (台账): spreadsheet rows in, one household's facts per row,
//! the rules' answer per row out, with the outreach lines an office acts on (政策找人).
//!
//! The row logic here is pure: it works on `Vec<Vec<Cell>>` and calls `crate::rules` only,
//! never the questionnaire, so the office page (office.html) runs the same code in the
//! browser. Reading and writing files (`file`) works on bytes on both sides; the command
//! line (`cli`) is native. What the office page filters and says (`view`, `text`) is pure
//! too, so it is tested natively. The contract is `docs/register.md`.

pub mod application_form;
pub mod changes;
pub mod chart;
pub mod columns;
pub mod layout;
pub mod map;
pub mod matching;
mod persons;
mod vague;
// In the browser, only the office page reads files (see the feature "office" in Cargo.toml).
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod file;
pub mod money;
pub mod outreach;
pub mod roster;
mod row;
pub mod stats;
pub mod template;
pub mod text;
pub mod values;
pub mod view;
// The office page's worker hands decided rows to the page as bytes (app::desk::worker).
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod wire;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
// The office page compares with an earlier export too (its 与上次比较).
#[cfg(any(not(target_arch = "wasm32"), feature = "office"))]
pub mod compare;
#[cfg(not(target_arch = "wasm32"))]
pub mod county;

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::rules::outcome::Yuan;
use crate::rules::{self, BenefitId, Facts, Outcome, Status, Totals, BENEFITS};
use columns::{letter, Field, ParentField};
pub use layout::HEADER_SEARCH_ROWS;
use layout::{Header, Skip};
pub use map::ColumnMap;
pub use row::{Extra, Layout, Need};

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
                // In the receivers' own county where it is not the household's (RULINGS,
                // Round 3), and both counties' offices where the two differ.
                for name in std::iter::once(b.first_stop_zh(out.area)).chain(b.first_stop_also_zh())
                {
                    if !first_stops.contains(&name) {
                        first_stops.push(name);
                    }
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
    /// `第N行 X列“表头”：问题；…`, when the row could not be decided.
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
    /// The office its 填报 line names (填报单位：某某街道办事处), when it has one.
    pub filed_by: Option<String>,
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
                // The second row of a couple (one row per person) is the same household.
                (Some(s), _) if persons::second_of_pair(r.line, &s.reminders) => {}
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

/// Reads the sheets of a workbook (first to last) and decides the first that is a
/// register; a single CSV is one sheet.
pub fn check_sheets(
    sheets: Vec<(String, Vec<Vec<Cell>>)>,
    today: NaiveDate,
) -> Result<Register, FileError> {
    check_sheets_with(sheets, today, None)
}

/// [`check_sheets`] with a column matching (`--map`, the office page's matching step).
pub fn check_sheets_with(
    sheets: Vec<(String, Vec<Vec<Cell>>)>,
    today: NaiveDate,
    map: Option<&ColumnMap>,
) -> Result<Register, FileError> {
    let mut pending = start_sheets_with(sheets, today, map)?;
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
    start_sheets_with(sheets, today, None)
}

/// [`start_sheets`] with a column matching.
pub fn start_sheets_with(
    sheets: Vec<(String, Vec<Vec<Cell>>)>,
    today: NaiveDate,
    map: Option<&ColumnMap>,
) -> Result<Pending, FileError> {
    let many = sheets.len() > 1;
    let mut first_error = None;
    let mut all_empty = true;
    for (name, rows) in sheets {
        if rows.iter().all(|r| row::blank(r)) {
            continue;
        }
        all_empty = false;
        match header_of(&rows) {
            Ok(found) => {
                let mut pending = start(found, rows, today, map)?;
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

/// The column matching a workbook's register would be read with (its first sheet with a
/// header; `map` applied): what `--show-map` prints and the office page's matching step shows.
pub fn column_map(
    sheets: &[(String, Vec<Vec<Cell>>)],
    map: Option<&ColumnMap>,
) -> Result<ColumnMap, FileError> {
    first_header(sheets, map).map(|(_, h)| ColumnMap::of(&h.headers, &h.fields))
}

/// The first sheet with a header, and that header with `map` applied; else why none has one.
fn first_header<'a>(
    sheets: &'a [(String, Vec<Vec<Cell>>)],
    map: Option<&ColumnMap>,
) -> Result<(&'a [Vec<Cell>], Header), FileError> {
    let mut first_error = None;
    for (_, rows) in sheets {
        match header_of(rows) {
            Ok(mut h) => {
                if let Some(m) = map {
                    m.apply(&h.headers, &mut h.fields);
                }
                return Ok((rows, h));
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| FileError::new("表格是空的", "the file is empty")))
}

/// The sheet's header, or why there is none.
fn header_of(rows: &[Vec<Cell>]) -> Result<Header, FileError> {
    if let Some(h) = layout::find_header(rows) {
        return Ok(h);
    }
    let top = rows.len().min(HEADER_SEARCH_ROWS);
    Err(match layout::some_known(rows) {
        Some(h) => FileError::new(
            format!(
                "第{}行像是表头，但认得的列太少（{}），看不出是台账；请检查表头，或用列匹配指明每一列是什么",
                h.line,
                found_columns(&h.headers, &h.fields)
            ),
            format!(
                "row {} looks like the header, but too few of its columns are known; check the header, or say what each column is with a column matching",
                h.line
            ),
        ),
        None => FileError::new(
            format!(
                "在前{top}行里找不到表头：没有一个认得的列名（应有“子女情况”或“家庭类别”、“城乡”、“女方身份证号”等，见模板：fuzhu register --template 模板.xlsx）"
            ),
            format!(
                "no header row in the first {top} rows: no known column name (expected 子女情况 or 家庭类别, 城乡, 女方身份证号… as in the template: fuzhu register --template template.xlsx)"
            ),
        ),
    })
}

/// Every column with a header, and what it was taken for: A 序号、B 社区（不用）….
fn found_columns(headers: &[String], fields: &[Option<Field>]) -> String {
    headers
        .iter()
        .zip(fields)
        .enumerate()
        .filter(|(_, (h, _))| !h.is_empty())
        .map(|(j, (h, f))| match f {
            Some(f) if columns::header(*f) != columns::normalise(h) => {
                format!("{}列“{h}”＝{}", letter(j), columns::header(*f))
            }
            Some(_) => format!("{}列“{h}”", letter(j)),
            None => format!("{}列“{h}”（不认识）", letter(j)),
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// A register whose header is read and whose rows are being decided, a few at a time.
pub struct Pending {
    /// Everything but the rows, and the rows decided so far.
    reg: Register,
    /// The family rows (and blank rows between them) with their spreadsheet numbers; a row's
    /// cells are taken out when it is decided.
    data: Vec<(usize, Vec<Cell>)>,
    next: usize,
    /// The register's date (填报日期) or today: what a blank 核查日期 stands for.
    today: NaiveDate,
    /// Whether `today` is the register's own 填报日期: then a row decided for it says so in
    /// its facts (`as_of`), so its full results (the office page's household view, a facts
    /// file) are for the same day as its row.
    dated: bool,
    plan: Plan,
}

/// What is known of all rows before any is decided: ID numbers on several rows, and (one
/// row per person) whose row pairs with whose.
#[derive(Default)]
struct Plan {
    /// The rows sharing an ID number with another row, once per group, never per row.
    duplicates: Duplicates,
    persons: Option<persons::Persons>,
}

impl Pending {
    /// The data rows to decide in all (blank rows at the end are not counted).
    pub fn total(&self) -> usize {
        self.data.len()
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
        let end = self.data.len().min(self.next.saturating_add(n));
        let decide = Decide {
            layout: &self.reg.layout,
            today: self.today,
            dated: self.dated,
            duplicates: &self.plan.duplicates,
        };
        if let Some(p) = &mut self.plan.persons {
            // A person's row may be decided with a later row (the spouse's): in order.
            while self.next < end {
                let i = self.next;
                self.next += 1;
                let checked = p.check(i, &mut self.data, decide.layout, decide.today);
                let checked = decide.said(checked, i, self.data[i].0);
                self.reg.rows.push(checked);
            }
        } else {
            let decided = decide.rows(self.next, &mut self.data[self.next..end]);
            self.reg.rows.extend(decided);
            self.next = end;
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

/// What deciding a row (one household a row) needs besides the row: shared, so that the
/// command line decides the two halves of a large register on two threads (about half a
/// second of 100,000 rows, docs/benchmarks.md); the page's worker decides in order.
struct Decide<'a> {
    layout: &'a Layout,
    today: NaiveDate,
    dated: bool,
    duplicates: &'a Duplicates,
}

/// Rows from which deciding is split over two threads natively.
#[cfg(not(target_arch = "wasm32"))]
const TWO_THREADS_FROM: usize = 4096;

impl Decide<'_> {
    /// Rows `first..` of the data decided, their cells taken out.
    fn rows(&self, first: usize, rows: &mut [(usize, Vec<Cell>)]) -> Vec<Checked> {
        #[cfg(not(target_arch = "wasm32"))]
        if rows.len() >= TWO_THREADS_FROM {
            let half = rows.len() / 2;
            let (a, b) = rows.split_at_mut(half);
            let (mut early, late) = std::thread::scope(|s| {
                let late = s.spawn(|| self.in_order(first + half, b));
                let early = self.in_order(first, a);
                (early, late.join())
            });
            early.extend(late.unwrap_or_else(|e| std::panic::resume_unwind(e)));
            return early;
        }
        self.in_order(first, rows)
    }

    fn in_order(&self, first: usize, rows: &mut [(usize, Vec<Cell>)]) -> Vec<Checked> {
        rows.iter_mut()
            .enumerate()
            .map(|(k, (line, input))| {
                let checked = check_row(self.layout, std::mem::take(input), *line, self.today);
                self.said(checked, first + k, *line)
            })
            .collect()
    }

    /// A decided row with its date (when the register's own) and its duplicates said.
    fn said(&self, mut checked: Checked, i: usize, line: usize) -> Checked {
        if self.dated {
            if let Some(f) = checked.facts.as_mut() {
                f.as_of.get_or_insert(self.today);
            }
        }
        let dups = self.duplicates;
        let from = dups.rows.partition_point(|(x, _, _)| *x < i);
        for (_, field, g) in dups.rows[from..].iter().take_while(|(x, _, _)| *x == i) {
            duplicates_said(&mut checked, *field, line, &dups.groups[*g], self.layout);
        }
        checked
    }
}

/// The most other rows a row's 提醒 names for its ID number; past them, how many there are.
/// One number on 20,000 rows (a copied-down column) then costs each row one short line, not
/// the whole list (which took 661 MB and each row 100 KB).
const DUPLICATES_NAMED: usize = 10;

/// Names, on a row, the other rows with the same ID number (at most [`DUPLICATES_NAMED`] of
/// them, then the count); the row is still decided. `group` is every row with the number,
/// this row's `line` among them.
fn duplicates_said(
    checked: &mut Checked,
    field: Field,
    line: usize,
    group: &[usize],
    layout: &Layout,
) {
    let others = group.iter().filter(|l| **l != line);
    let named = others
        .clone()
        .take(DUPLICATES_NAMED)
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("、");
    let label = layout.label(field);
    let line = match group.len() - 1 {
        n if n <= DUPLICATES_NAMED => {
            format!("{label}与第{named}行的身份证号相同（同一人登记了不止一次？），请核对")
        }
        n => format!(
            "{label}与第{named}行等{n}行的身份证号相同（共{}行是这个号码，同一人登记了不止一次？），请核对",
            group.len()
        ),
    };
    match (&mut checked.result, &mut checked.error) {
        (Some(s), _) => s.reminders.push(line),
        (None, Some(e)) => {
            e.push('；');
            e.push_str(&line);
        }
        (None, None) => {}
    }
}

/// Reads and decides one sheet's rows. `today` stands in for a blank 核查日期.
pub fn check(rows: Vec<Vec<Cell>>, today: NaiveDate) -> Result<Register, FileError> {
    check_sheets(vec![(String::new(), rows)], today)
}

/// The fields a register must give, one way or another, for any family to be read: which
/// are missing, in words.
fn missing_fields(fields: &[Option<Field>]) -> Vec<&'static str> {
    let has = |f: &dyn Fn(Field) -> bool| fields.iter().flatten().any(|x| f(*x));
    let mut missing = Vec::new();
    if !has(&|f| matches!(f, Field::ChildStatus | Field::Category)) {
        missing.push("子女情况（或家庭类别：失独、伤残）");
    }
    if !has(&|f| {
        matches!(
            f,
            Field::Parent(_, ParentField::IdNumber | ParentField::Birth)
                | Field::Person(ParentField::IdNumber | ParentField::Birth)
        )
    }) {
        missing.push("女方或男方的身份证号或出生日期");
    }
    if !has(&|f| {
        matches!(
            f,
            Field::Parent(_, ParentField::Hukou | ParentField::Address)
                | Field::Person(ParentField::Hukou | ParentField::Address)
        )
    }) {
        missing.push("开封户籍（或户籍地址）");
    }
    missing
}

fn start(
    found: Header,
    rows: Vec<Vec<Cell>>,
    today: NaiveDate,
    map: Option<&ColumnMap>,
) -> Result<Pending, FileError> {
    let Header {
        line: header_line,
        first_line,
        headers,
        mut fields,
        grouped,
    } = found;
    let mut notices = Vec::new();
    if let Some(map) = map {
        let used = map.apply(&headers, &mut fields);
        notices.push(Notice {
            zh: format!("按列匹配文件读了{used}列"),
            en: format!("{used} columns read as the column matching says"),
        });
    }
    // Two columns for one field: which one holds the truth cannot be guessed. A second 序号
    // or 社区 is only kept.
    for j in 0..fields.len() {
        let Some(f) = fields[j] else { continue };
        if let Some(k) = fields[..j].iter().position(|g| g == &Some(f)) {
            if matches!(f, Field::Number | Field::Kept(_)) {
                fields[j] = None;
                continue;
            }
            let name = columns::header(f);
            return Err(FileError::new(
                format!(
                    "第{header_line}行有两列都是“{name}”（{}列“{}”和{}列“{}”），无法确定用哪一列；请删除或改名其中一列，或用列匹配指明用哪一列",
                    letter(k), headers[k], letter(j), headers[j]
                ),
                format!(
                    "row {header_line} has two columns for {name} (column {} \"{}\" and column {} \"{}\"); delete or rename one of them, or say which to use with a column matching",
                    letter(k), headers[k], letter(j), headers[j]
                ),
            ));
        }
    }
    // A person's own columns (姓名, 身份证号 without 女方 / 男方) with 性别 or 配偶身份证号 and no
    // parent's columns: one row per person.
    let per_person = fields
        .iter()
        .flatten()
        .any(|f| matches!(f, Field::Person(ParentField::IdNumber | ParentField::Birth)))
        && !fields
            .iter()
            .flatten()
            .any(|f| matches!(f, Field::Parent(..)));
    // The rows above the header: titles, the 填报单位/填报日期 line.
    let register_date = layout::register_date(&rows[..first_line.saturating_sub(1)]);
    let filed_by = roster::filed_by(&rows[..first_line.saturating_sub(1)]);
    let mut said = Vec::new();
    let mut said_en = Vec::new();
    if first_line > 1 {
        let top = &rows[..first_line - 1];
        let filled_in = register_date.is_some()
            || top
                .iter()
                .flatten()
                .any(|c| matches!(c, Cell::Text(t) if t.contains("填报") || t.contains("填表")));
        said.push(format!(
            "第{}行是{}",
            layout::ranges(&(1..first_line).collect::<Vec<_>>()),
            if filled_in {
                "标题和填报行"
            } else {
                "标题"
            }
        ));
        said_en.push(format!(
            "{} titles",
            layout::ranges(&(1..first_line).collect::<Vec<_>>())
        ));
    }
    if first_line < header_line {
        said.push(if grouped {
            format!("第{first_line}行是分组行（女方、男方等已并入列名）")
        } else {
            format!("第{first_line}行是表头的上半行")
        });
        said_en.push(if grouped {
            format!("{first_line} the group row (女方, 男方 … joined to the headers)")
        } else {
            format!("{first_line} the header's upper row")
        });
    }
    let mut data: Vec<(usize, Vec<Cell>)> = rows
        .into_iter()
        .enumerate()
        .skip(header_line)
        .map(|(i, r)| (i + 1, r))
        .collect();
    let width = data
        .iter()
        .map(|(_, r)| r.len())
        .max()
        .unwrap_or(0)
        .max(headers.len());
    let mut headers = headers;
    headers.resize(width, String::new());
    fields.resize(width, None);

    // Rows after the header that are not families: column numbers, 合计, signatures.
    let id_columns: Vec<usize> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            matches!(
                f,
                Some(
                    Field::Parent(_, ParentField::IdNumber) | Field::Person(ParentField::IdNumber)
                )
            )
        })
        .map(|(j, _)| j)
        .collect();
    let mut skipped: Vec<(Skip, usize)> = Vec::new();
    if data
        .first()
        .is_some_and(|(_, r)| layout::is_column_numbers(r))
    {
        skipped.push((Skip::ColumnNumbers, data[0].0));
        data.remove(0);
    }
    data.retain(|(line, r)| match layout::skip(r, &id_columns) {
        Some(s) => {
            skipped.push((s, *line));
            false
        }
        None => true,
    });
    let last = data
        .iter()
        .rposition(|(_, r)| !row::blank(r))
        .map_or(0, |i| i + 1);
    data.truncate(last);
    let missing = missing_fields(&fields);
    // Refused only with families to read: a sheet with only its header says so instead.
    if !missing.is_empty() && !data.is_empty() {
        return Err(FileError::new(
            format!(
                "第{header_line}行是表头，但找不到{}，无法判断任何一户。找到的列：{}。请用列匹配指明哪一列是什么（命令行：fuzhu register 台账 --show-map 看匹配，--map 匹配.json 改用自己的匹配）",
                missing.join("、"),
                found_columns(&headers, &fields)
            ),
            format!(
                "row {header_line} is the header, but it has no column for {}: no household can be decided. Say which column is which with a column matching (--show-map, --map MAP.json)",
                missing.join(", ")
            ),
        ));
    }

    for kind in [Skip::ColumnNumbers, Skip::Total, Skip::Signature] {
        let lines: Vec<usize> = skipped
            .iter()
            .filter(|(s, _)| *s == kind)
            .map(|(_, l)| *l)
            .collect();
        if !lines.is_empty() {
            said.push(format!("第{}行是{}", layout::ranges(&lines), kind.zh()));
            said_en.push(format!(
                "{} {}",
                layout::ranges(&lines).replace('、', ", "),
                kind.en()
            ));
        }
    }
    if !said.is_empty() {
        notices.push(Notice {
            zh: format!(
                "表头在第{header_line}行；{}，不是家庭，不参与判断",
                said.join("，")
            ),
            en: format!(
                "the header is row {header_line}; rows {} are not households and are not decided",
                said_en.join("; ")
            ),
        });
    }

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
                    .any(|(_, r)| r.get(j).is_some_and(|c| values::text(c).is_some()))
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

    // Defaults the register's layout calls for, each said once.
    let has = |f: Field| fields.contains(&Some(f));
    if !has(Field::Residence) {
        notices.push(Notice {
            zh: "表中没有“城乡”一列：每户按城镇和农村各判断一次，两者不同的项目写“需要核实”".into(),
            en: "no 城乡 (urban/rural) column: each household is decided both ways; items that differ are marked to confirm".into(),
        });
    }
    if let Some((zh, en)) = view::unasked_notice(&has) {
        notices.push(Notice { zh, en });
    }
    if !has(Field::OtherChild) {
        notices.push(Notice {
            zh: "表中没有“再生育或收养”一列：按特殊家庭台账的惯例，视为没有再生育或收养".into(),
            en:
                "no 再生育或收养 column: as a register of special families, no other child is taken"
                    .into(),
        });
    }
    let has_as_of = has(Field::AsOf);
    let as_of_default = match register_date {
        Some(d) if !has(Field::AsOf) => d,
        _ => today,
    };
    if !has(Field::AsOf) {
        notices.push(Notice {
            zh: if register_date.is_some() {
                format!(
                    "按表头上的填报日期{}判断（表中没有核查日期）",
                    values::zh(as_of_default)
                )
            } else {
                format!("按今天{}判断（表中没有核查日期）", values::zh(today))
            },
            en: format!("decided as of {as_of_default} (no 核查日期 column)"),
        });
    }

    let layout = Layout::new(fields, headers.clone());
    // A field some rows need and no column gives: one notice for the file, not one per row.
    for need in Need::ALL {
        if need.absent(&layout.fields) {
            let lines: Vec<usize> = data
                .iter()
                .filter(|(_, r)| need.wanted(&layout, r))
                .map(|(l, _)| *l)
                .collect();
            if !lines.is_empty() {
                let (zh, en) = need.notice(&lines);
                notices.push(Notice { zh, en });
            }
        }
    }
    let mut plan = Plan {
        duplicates: duplicates(&data, &layout),
        persons: None,
    };
    if per_person {
        let p = persons::Persons::new(&data, &layout);
        notices.push(Notice {
            zh: p.said_zh(),
            en: p.said_en(),
        });
        plan.persons = Some(p);
    }
    Ok(Pending {
        reg: Register {
            sheet: None,
            header_line,
            headers,
            layout,
            kept,
            rows: Vec::with_capacity(data.len()),
            notices,
            filed_by,
        },
        data,
        next: 0,
        today: as_of_default,
        dated: register_date.is_some() && !has_as_of,
        plan,
    })
}

/// An ID number as written, for comparing rows: no spaces, x as X.
pub(crate) fn id_key(c: &Cell) -> Option<String> {
    let t = values::text(c)?;
    let k: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\'')
        .collect::<String>()
        .to_uppercase();
    (k.len() >= 15).then_some(k)
}

/// The rows that share an ID number with another row: per group, the rows' spreadsheet
/// numbers (in order), kept once; per row, which group and the column it is in.
#[derive(Default)]
struct Duplicates {
    /// Per data row index (sorted): the column of the shared ID number and its group.
    rows: Vec<(usize, Field, usize)>,
    groups: Vec<Vec<usize>>,
}

/// The rows that share an ID number with another row: one pass over the ID columns, then a
/// sort (a sorted list, not a hash map: the office page's wasm carries less code). Linear in
/// the rows however many share one number.
fn duplicates(data: &[(usize, Vec<Cell>)], layout: &Layout) -> Duplicates {
    let id_fields: Vec<(Field, usize)> = layout
        .fields
        .iter()
        .enumerate()
        .filter_map(|(j, f)| match f {
            Some(
                f
                @ (Field::Parent(_, ParentField::IdNumber) | Field::Person(ParentField::IdNumber)),
            ) => Some((*f, j)),
            _ => None,
        })
        .collect();
    let mut seen: Vec<(String, usize, Field)> = Vec::new();
    for (i, (_, r)) in data.iter().enumerate() {
        for &(f, j) in &id_fields {
            if let Some(k) = r.get(j).and_then(id_key) {
                seen.push((k, i, f));
            }
        }
    }
    seen.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    // The same number twice in one row (both parents' columns) is not a second row.
    seen.dedup_by(|later, first| later.0 == first.0 && later.1 == first.1);
    let mut out = Duplicates::default();
    for group in seen.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        let g = out.groups.len();
        out.groups
            .push(group.iter().map(|(_, i, _)| data[*i].0).collect());
        out.rows.extend(group.iter().map(|(_, i, f)| (*i, *f, g)));
    }
    out.rows.sort_by_key(|(i, _, _)| *i);
    out
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
    let read = row::facts(layout, &input);
    decided(layout, input, line, today, read)
}

/// A row whose facts are read (or whose problems are listed), decided.
fn decided(
    layout: &Layout,
    input: Vec<Cell>,
    line: usize,
    today: NaiveDate,
    read: Result<(Facts, Extra), Vec<String>>,
) -> Checked {
    let fail = |problems: Vec<String>, input: Vec<Cell>| Checked {
        line,
        input,
        facts: None,
        result: None,
        error: Some(format!("第{line}行 {}", problems.join("；"))),
    };
    match read {
        Err(problems) => fail(problems, input),
        Ok((facts, extra)) => match rules::evaluate(&facts, today) {
            Err(e) => {
                let p = row::engine_problem(layout, &input, &facts, &e);
                fail(vec![p], input)
            }
            Ok(outcome) => {
                let mut result = Summary::new(&facts, extra, &outcome);
                vague::settle(&mut result, &facts, extra, today);
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
