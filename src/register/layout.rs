//! Where a register's families are in the sheet, as offices lay it out: title rows, a
//! 填报单位/填报日期 line, a header over one or two rows (女方 / 男方 / 独生子女 merged or
//! repeated over 姓名 / 身份证号码 / 出生年月), a column-number row ((1)(2)…), then the
//! families, then 合计/小计 rows, blank rows and a signature line. Only the families are
//! decided; every other row is named in the summary, and rows keep their spreadsheet numbers.

use chrono::NaiveDate;

use super::columns::{self, Field};
use super::values;
use super::Cell;

/// How many rows from the top are searched for the header row (titles may sit above it).
pub const HEADER_SEARCH_ROWS: usize = 10;

/// A sheet's header as found: the row of the leaf headers, the group row above it (when
/// there is one), and per column the header as the register shows it and the field.
pub struct Header {
    /// The leaf row's spreadsheet number (1-based).
    pub line: usize,
    /// The first header row's number: the group row's when the header spans two rows.
    pub first_line: usize,
    pub headers: Vec<String>,
    pub fields: Vec<Option<Field>>,
    /// Whether a group row gave some columns their 女方 / 男方 / 子女.
    pub grouped: bool,
}

impl Header {
    /// How many distinct fields it names: the better header has more.
    fn score(&self) -> usize {
        let mut seen: Vec<Field> = self.fields.iter().flatten().copied().collect();
        seen.sort();
        seen.dedup();
        seen.len()
    }
}

fn cell_text(c: &Cell) -> String {
    values::text(c).unwrap_or_default()
}

/// The header with `r` as its leaf row and `r - 1`, where there is one, as its group row: a
/// group cell (女方, 男方, 子女 …) holds for the columns under it until the next group cell
/// (merged cells leave the rest blank; repeated cells say it again); a column whose leaf is
/// blank takes the group row's own cell (a header merged down over both rows).
pub fn read_header(rows: &[Vec<Cell>], r: usize) -> Header {
    let leaf = &rows[r];
    let group_row = r.checked_sub(1).map(|g| &rows[g]);
    let mut group: Option<&'static str> = None;
    let mut grouped = false;
    let mut merged_down = false;
    // Columns merged down whose text is not known: kept with their text (the matching step
    // shows them, a matching names them) where the header is two rows.
    let mut unknown_down = Vec::new();
    let width = leaf.len().max(group_row.map_or(0, |g| g.len()));
    let mut headers = Vec::with_capacity(width);
    let mut fields = Vec::with_capacity(width);
    for j in 0..width {
        let upper = group_row
            .and_then(|g| g.get(j))
            .map(cell_text)
            .unwrap_or_default();
        if !upper.is_empty() {
            group = columns::group_prefix(&upper);
        }
        let plain = leaf.get(j).map(cell_text).unwrap_or_default();
        if plain.is_empty() {
            // A header merged over both rows keeps its text in the upper cell.
            let f = (!upper.is_empty() && group.is_none())
                .then(|| columns::resolve(&upper))
                .flatten();
            if f.is_some() {
                merged_down = true;
                headers.push(upper);
            } else {
                if !upper.is_empty() && group.is_none() {
                    unknown_down.push((j, upper));
                }
                headers.push(String::new());
            }
            fields.push(f);
            continue;
        }
        let with_group = group.and_then(|p| {
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
    let two_rows = grouped || merged_down;
    if two_rows {
        for (j, upper) in unknown_down {
            headers[j] = upper;
        }
    }
    Header {
        line: r + 1,
        first_line: if two_rows { r } else { r + 1 },
        headers,
        fields,
        grouped,
    }
}

/// The header row: of the top rows, the one (with the row above it as its group row) that
/// names the most fields, at least two; `None` when no row does.
pub fn find_header(rows: &[Vec<Cell>]) -> Option<Header> {
    let top = rows.len().min(HEADER_SEARCH_ROWS);
    let mut best: Option<Header> = None;
    for r in 0..top {
        let h = read_header(rows, r);
        if h.score() >= 2 && best.as_ref().is_none_or(|b| h.score() > b.score()) {
            best = Some(h);
        }
    }
    best
}

/// The first row of the top rows that names any field (for a refusal's message).
pub fn some_known(rows: &[Vec<Cell>]) -> Option<Header> {
    (0..rows.len().min(HEADER_SEARCH_ROWS))
        .map(|r| read_header(rows, r))
        .find(|h| h.score() >= 1)
}

/// Why a row is not a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A row of column numbers under the header: (1)(2)(3)…
    ColumnNumbers,
    /// 合计, 小计, 总计.
    Total,
    /// 单位负责人、审核人、制表人、填表人、填表日期 …
    Signature,
}

impl Skip {
    pub fn zh(self) -> &'static str {
        match self {
            Skip::ColumnNumbers => "列序号",
            Skip::Total => "合计",
            Skip::Signature => "签名",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Skip::ColumnNumbers => "column numbers",
            Skip::Total => "totals",
            Skip::Signature => "signatures",
        }
    }
}

const TOTAL_WORDS: &[&str] = &["合计", "小计", "总计", "共计", "累计"];
const SIGNATURE_WORDS: &[&str] = &[
    "单位负责人",
    "负责人",
    "审核人",
    "制表人",
    "填表人",
    "填报人",
    "统计人",
    "经办人",
    "填表日期",
    "制表日期",
    "填报日期",
    "审核日期",
    "（盖章）",
    "(盖章)",
    "签字",
];

/// A cell like a column number: 1, (1), （1）, ①, 一, 二十一, 第1列, 第三列.
fn column_number(t: &str) -> bool {
    let t = t.trim_matches(['(', ')', '（', '）', '[', ']']);
    let t = t
        .strip_prefix('第')
        .and_then(|x| x.strip_suffix('列'))
        .unwrap_or(t);
    let n = t.chars().count();
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        || n == 1 && ('①'..='⑳').contains(&t.chars().next().unwrap_or(' '))
        || (1..=3).contains(&n) && t.chars().all(|c| "一二三四五六七八九十".contains(c))
}

/// Whether the row right after the header is a row of column numbers.
pub fn is_column_numbers(row: &[Cell]) -> bool {
    let texts: Vec<String> = row.iter().filter_map(values::text).collect();
    texts.len() >= 3 && texts.iter().all(|t| column_number(t))
}

/// Why a row after the header is not a family, if it is not: a 合计 row, a signature line.
/// `id_columns` are the columns that hold ID numbers: a row with one filled in is a family.
pub fn skip(row: &[Cell], id_columns: &[usize]) -> Option<Skip> {
    let has_id = id_columns.iter().any(|&j| {
        row.get(j)
            .and_then(values::text)
            .is_some_and(|t| t.chars().filter(char::is_ascii_digit).count() >= 15)
    });
    if has_id {
        return None;
    }
    // One look at each text cell, allocating only for the few that may be a label.
    let mut found = None;
    for c in row {
        let Cell::Text(t) = c else { continue };
        let t = t.trim_start();
        if t.starts_with(['合', '小', '总', '共', '累']) {
            let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if TOTAL_WORDS.iter().any(|w| squeezed.starts_with(w)) {
                found = Some(Skip::Total);
                continue;
            }
        }
        if t.contains(['人', '期', '章', '字']) && SIGNATURE_WORDS.iter().any(|w| t.contains(w))
        {
            return Some(Skip::Signature);
        }
    }
    found
}

/// The register's date from the rows above the header: 填报日期：2026年11月30日 (the date in
/// the same cell or the first cell after it with something in it).
pub fn register_date(top: &[Vec<Cell>]) -> Option<NaiveDate> {
    const WORDS: &[&str] = &[
        "填报日期",
        "填表日期",
        "统计日期",
        "制表日期",
        "报送日期",
        "截止日期",
    ];
    for row in top {
        for (j, c) in row.iter().enumerate() {
            let Some(t) = values::text(c) else { continue };
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            let Some(at) = WORDS.iter().find_map(|w| t.find(w).map(|i| i + w.len())) else {
                continue;
            };
            let rest = t[at..].trim_start_matches([':', '：']);
            // The date runs to the next label (填报单位：… 填报日期：2026年11月30日 制表人：…).
            let end = rest
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_digit() || "年月日-/.".contains(*c)))
                .map_or(rest.len(), |(i, _)| i);
            if let Ok(d) = values::date_text(&rest[..end]) {
                return Some(d);
            }
            if rest[..end].is_empty() {
                let next = row[j + 1..].iter().find(|c| values::text(c).is_some());
                if let Some(Ok(Some(d))) = next.map(values::date) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// Row numbers as one list: 1–2、20、22.
pub fn ranges(lines: &[usize]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut k = i;
        while k + 1 < lines.len() && lines[k + 1] == lines[k] + 1 {
            k += 1;
        }
        out.push(if k > i {
            format!("{}–{}", lines[i], lines[k])
        } else {
            lines[i].to_string()
        });
        i = k + 1;
    }
    out.join("、")
}
