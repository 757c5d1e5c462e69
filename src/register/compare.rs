//! 与上次比较: this tool's earlier .xlsx export beside today's register: the families added
//! and removed (matched by ID number, else 编号), and each family whose answers changed,
//! item by item, old → new, with the money difference. A later release run over the same
//! register gives the same kind of list: who gains, who loses, by how much.
//!
//! Both sides are compared as the export writes them (its headers and cell texts), so an
//! old export is read by the same names this tool wrote.

use std::collections::HashMap;
#[cfg(not(target_arch = "wasm32"))]
use std::io::Write;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

#[cfg(not(target_arch = "wasm32"))]
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook};

use super::columns::{self, Field, ParentField};
#[cfg(not(target_arch = "wasm32"))]
use super::{changes, cli, ColumnMap};
use super::{file, values, Cell, FileError, RESULT_HEADERS};
use crate::rules::{Role, BENEFITS};

/// A table as the export writes it, cut to the columns compared: headers and text cells.
pub struct Table {
    pub headers: Vec<String>,
    /// Each row's spreadsheet line and cells.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The money columns compared, as the export names them.
const MONEY: [&str; 3] = [
    "每月现金（元）",
    "一次性现金（元）",
    "今年住院护理补贴（元）",
];

/// One family's difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// 新增, 减少 or 变化.
    pub kind: &'static str,
    pub key: String,
    pub who: String,
    /// Item (or column), old, new.
    pub items: Vec<(String, String, String)>,
    /// New minus old: monthly, one-off, this year's hospital allowance.
    pub money: [Decimal; 3],
}

fn col(h: &[String], name: &str) -> Option<usize> {
    h.iter().position(|x| x == name)
}

fn cell(row: &[String], c: Option<usize>) -> &str {
    c.and_then(|c| row.get(c)).map_or("", |s| s.trim())
}

/// The columns a family is known by: the woman's ID number, the man's, 编号, the two names.
const KEYS: [Field; 5] = [
    Field::Parent(Role::Mother, ParentField::IdNumber),
    Field::Parent(Role::Father, ParentField::IdNumber),
    Field::Number,
    Field::Parent(Role::Mother, ParentField::Name),
    Field::Parent(Role::Father, ParentField::Name),
];

/// Where the columns [`diff`] reads are in a table: the keys, the items and results
/// compared, the money. Each is the first column of its name, as a reader of the sheet sees.
struct Cols {
    keys: [Option<usize>; 5],
    compared: Vec<(&'static str, Option<usize>)>,
    money: [Option<usize>; 3],
}

impl Cols {
    fn of(h: &[String]) -> Cols {
        Cols {
            keys: KEYS.map(|f| h.iter().position(|x| columns::resolve(x) == Some(f))),
            compared: BENEFITS
                .iter()
                .map(|b| b.zh)
                .chain(["特殊家庭", "适用本政策", "错误"])
                .map(|n| (n, col(h, n)))
                .collect(),
            money: MONEY.map(|m| col(h, m)),
        }
    }

    /// The columns read, in the table's order: a table cut to them compares as the whole.
    fn read(h: &[String]) -> Vec<usize> {
        let c = Cols::of(h);
        (0..h.len())
            .filter(|&i| {
                let i = Some(i);
                c.keys.contains(&i) || c.money.contains(&i) || c.compared.iter().any(|x| x.1 == i)
            })
            .collect()
    }
}

/// The key a family is matched by (the woman's ID number, else the man's, else 编号, else
/// its line), and who it is (编号 and the names).
fn key_of(k: &[Option<usize>; 5], line: usize, r: &[String]) -> (String, String) {
    let key = k[..2]
        .iter()
        .map(|&c| cell(r, c).to_uppercase())
        .find(|s| !s.is_empty())
        .map(|s| format!("身份证号{s}"))
        .or_else(|| {
            let n = cell(r, k[2]);
            (!n.is_empty()).then(|| format!("编号{n}"))
        })
        .unwrap_or_else(|| format!("第{line}行"));
    let who: Vec<&str> = k[2..]
        .iter()
        .map(|&c| cell(r, c))
        .filter(|s| !s.is_empty())
        .collect();
    (key, who.join(" "))
}

/// An 错误 without its leading 第N行: a row moved up or down is not a change.
fn without_line(s: &str) -> &str {
    let Some(rest) = s.strip_prefix('第') else {
        return s;
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match rest[digits..].strip_prefix('行') {
        Some(tail) if digits > 0 => tail.trim_start(),
        _ => s,
    }
}

fn money_of(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// The differences from `old` to `new`, in the new table's order, then the removed.
pub fn diff(old: &Table, new: &Table) -> Vec<Diff> {
    diff_rows(old, &new.headers, new.rows.iter().cloned())
}

/// [`diff`] with today's register, row by row as its export would write it: only the
/// columns compared are written, and no table of them is kept (100,000 families' cells as
/// text would be hundreds of MB in the office page's worker). `progress` hears the rows
/// done every `stats::STEP` rows.
pub fn with_register(
    old: &Table,
    reg: &super::Register,
    progress: &mut dyn FnMut(usize),
) -> Vec<Diff> {
    let headers = reg.output_headers();
    let read = Cols::read(&headers);
    let headers: Vec<String> = read.iter().map(|&c| headers[c].clone()).collect();
    diff_rows(old, &headers, rows(reg, &read, progress))
}

/// Today's register as its export would write it, cut to the columns [`diff`] reads.
pub fn table(reg: &super::Register) -> Table {
    let headers = reg.output_headers();
    let read = Cols::read(&headers);
    Table {
        headers: read.iter().map(|&c| headers[c].clone()).collect(),
        rows: rows(reg, &read, &mut |_| {}).collect(),
    }
}

/// The register's rows (not blank) as its export writes them, the columns `read` only.
fn rows<'a>(
    reg: &'a super::Register,
    read: &'a [usize],
    progress: &'a mut dyn FnMut(usize),
) -> impl Iterator<Item = (usize, Vec<String>)> + 'a {
    (0..reg.rows.len())
        .filter(|&i| !reg.rows[i].is_blank())
        .map(move |i| {
            if i % super::stats::STEP == 0 {
                progress(i);
            }
            let out = reg.output_row(i);
            let cells = read.iter().map(|&c| out[c].as_text().into_owned());
            (reg.rows[i].line, cells.collect())
        })
}

fn diff_rows(
    old: &Table,
    new_headers: &[String],
    new_rows: impl Iterator<Item = (usize, Vec<String>)>,
) -> Vec<Diff> {
    let (oc, nc) = (Cols::of(&old.headers), Cols::of(new_headers));
    let ok: Vec<(String, String)> = old
        .rows
        .iter()
        .map(|(line, r)| key_of(&oc.keys, *line, r))
        .collect();
    // Two rows with one key (a typo, a family entered twice) are matched in order.
    let mut old_at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (k, _)) in ok.iter().enumerate() {
        old_at.entry(k.as_str()).or_default().push(i);
    }
    let money = |m: &[Option<usize>; 3], r: &[String]| m.map(|c| money_of(cell(r, c)));
    let mut seen = vec![false; old.rows.len()];
    let mut out = Vec::new();
    for (line, nr) in new_rows {
        let (key, who) = key_of(&nc.keys, line, &nr);
        let now = money(&nc.money, &nr);
        let first_unseen = old_at
            .get(key.as_str())
            .and_then(|v| v.iter().copied().find(|&i| !seen[i]));
        match first_unseen {
            Some(i) => {
                seen[i] = true;
                let or = &old.rows[i].1;
                let before = money(&oc.money, or);
                let items: Vec<(String, String, String)> = oc
                    .compared
                    .iter()
                    .zip(&nc.compared)
                    .filter_map(|(&(name, o), &(_, n))| {
                        let (a, b) = (cell(or, o), cell(&nr, n));
                        (without_line(a) != without_line(b))
                            .then(|| (name.to_string(), a.to_string(), b.to_string()))
                    })
                    .collect();
                let d = [0, 1, 2].map(|k| now[k] - before[k]);
                if !items.is_empty() || d.iter().any(|x| !x.is_zero()) {
                    out.push(Diff {
                        kind: "变化",
                        key,
                        who,
                        items,
                        money: d,
                    });
                }
            }
            None => out.push(Diff {
                kind: "新增",
                key,
                who,
                items: Vec::new(),
                money: now,
            }),
        }
    }
    for (i, (key, who)) in ok.into_iter().enumerate() {
        if !seen[i] {
            let before = money(&oc.money, &old.rows[i].1);
            out.push(Diff {
                kind: "减少",
                key,
                who,
                items: Vec::new(),
                money: before.map(|v| -v),
            });
        }
    }
    out
}

/// Reads this tool's earlier export: its 核查结果 sheet (else the first), header on row 1.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_export(path: &Path) -> Result<Table, FileError> {
    let sheets = file::read_path(path)?;
    from_sheets(sheets, &path.display().to_string())
}

/// [`read_export`] of a file's bytes (the office page's 与上次比较), `name` its file name.
pub fn read_export_bytes(bytes: &[u8], name: &str) -> Result<Table, FileError> {
    from_sheets(file::read_bytes(bytes, name)?, name)
}

fn from_sheets(sheets: file::Sheets, name: &str) -> Result<Table, FileError> {
    let pick = sheets
        .iter()
        .position(|(n, _)| n == "核查结果")
        .unwrap_or(0);
    let Some((_, rows)) = sheets.into_iter().nth(pick) else {
        return Err(FileError::new(
            format!("{name}里没有工作表"),
            format!("{name} has no sheet"),
        ));
    };
    let mut it = rows.into_iter();
    let headers: Vec<String> = it
        .next()
        .unwrap_or_default()
        .iter()
        .map(|c| values::text(c).unwrap_or_default())
        .collect();
    if !headers.iter().any(|h| h == RESULT_HEADERS[0])
        || !BENEFITS.iter().all(|b| headers.iter().any(|h| h == b.zh))
    {
        return Err(FileError::new(
            format!(
                "{name}不是本工具导出的核查结果：第1行没有“特殊家庭”和各项目的列；请用fuzhu register -o 结果.xlsx导出的文件"
            ),
            format!(
                "{name} is not this tool's export: row 1 lacks the 特殊家庭 and item columns; use a file written by fuzhu register -o OUT.xlsx"
            ),
        ));
    }
    // Only the columns compared are kept (an export has about 66 a family).
    let read = Cols::read(&headers);
    let rows = it
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| values::text(c).is_some()))
        .map(|(i, r)| {
            let cells = read
                .iter()
                .map(|&c| r.get(c).map(text_of).unwrap_or_default());
            (i + 2, cells.collect())
        })
        .collect();
    let headers = read.iter().map(|&c| headers[c].clone()).collect();
    Ok(Table { headers, rows })
}

/// A cell's text as the CSV export writes it (numbers without a trailing .0, dates ISO).
fn text_of(c: &Cell) -> String {
    match c {
        Cell::Number(n) => values::number_text(*n),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Text(t) => t.clone(),
        other => values::text(other).unwrap_or_default(),
    }
}

/// The .xlsx of changes: one line per changed item (or per family added or removed).
pub fn xlsx(list: &[Diff]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("比较")?;
    let heads = [
        "变化",
        "身份证号或编号",
        "家庭",
        "项目",
        "上次",
        "这次",
        "每月现金差额（元）",
        "一次性现金差额（元）",
        "住院护理补贴差额（元）",
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (c, w) in [8, 28, 20, 30, 26, 26, 16, 16, 16].iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let mut r = 1u32;
    for d in list {
        let lines: Vec<(&str, &str, &str)> = if d.items.is_empty() {
            vec![("", "", "")]
        } else {
            d.items
                .iter()
                .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
                .collect()
        };
        for (k, (item, old, new)) in lines.into_iter().enumerate() {
            ws.write_string(r, 0, d.kind)?;
            ws.write_string(r, 1, &d.key)?;
            ws.write_string(r, 2, &d.who)?;
            ws.write_string(r, 3, item)?;
            ws.write_string(r, 4, old)?;
            ws.write_string(r, 5, new)?;
            // The family's money difference once, on its first line.
            if k == 0 {
                for (m, v) in d.money.iter().enumerate() {
                    let n: f64 = super::stats::yuan(*v).parse().unwrap_or(0.0);
                    ws.write_number(r, 6 + m as u16, n)?;
                }
            }
            r += 1;
        }
    }
    wb.save_to_buffer()
}

#[cfg(not(target_arch = "wasm32"))]
fn say(zh: &str, en: &str) {
    let mut e = std::io::stderr().lock();
    let _ = writeln!(e, "{zh}");
    let _ = writeln!(e, "{en}");
}

#[cfg(not(target_arch = "wasm32"))]
/// `fuzhu register IN --compare OLD.xlsx -o CHANGES.xlsx [--as-of DATE]`.
pub fn run(
    old: &Path,
    input: &Path,
    output: Option<&Path>,
    today: NaiveDate,
    as_of: Option<NaiveDate>,
    map: Option<&ColumnMap>,
) -> i32 {
    let Some(out) = output.filter(|o| {
        o.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    }) else {
        say(
            "用法错误：--compare要用-o给出变化表的文件名（.xlsx）",
            "error: --compare needs -o CHANGES.xlsx for the list of changes",
        );
        return cli::EXIT_REFUSED;
    };
    let old_table = match read_export(old) {
        Ok(t) => t,
        Err(e) => {
            say(
                &format!("无法读取上次的导出{}：{}", old.display(), e.zh),
                &format!(
                    "error: cannot read the earlier export {}: {}",
                    old.display(),
                    e.en
                ),
            );
            return cli::EXIT_REFUSED;
        }
    };
    let reg = match cli::read_register(input, today, map) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let reg = match as_of {
        Some(d) => changes::redecide(&reg, d, today),
        None => reg,
    };
    let list = with_register(&old_table, &reg, &mut |_| {});
    let code = match xlsx(&list) {
        Ok(bytes) => match std::fs::write(out, bytes) {
            Ok(()) => 0,
            Err(e) => write_failed(out, &e.to_string()),
        },
        Err(e) => write_failed(out, &e.to_string()),
    };
    let n = |k: &str| list.iter().filter(|d| d.kind == k).count();
    let monthly = list.iter().fold(Decimal::ZERO, |a, d| {
        crate::rules::outcome::plus(a, d.money[0])
    });
    let sign = if monthly.is_sign_negative() { "" } else { "+" };
    say(
        &format!(
            "与上次比较：新增{}户，减少{}户，{}户的结果有变化；每月现金合计{sign}{}元；变化表见{}",
            n("新增"),
            n("减少"),
            n("变化"),
            super::stats::yuan(monthly),
            out.display()
        ),
        &format!(
            "compared with the earlier export: {} households added, {} removed, {} changed; monthly cash in all {sign}{} yuan; the changes are in {}",
            n("新增"),
            n("减少"),
            n("变化"),
            super::stats::yuan(monthly),
            out.display()
        ),
    );
    code
}

#[cfg(not(target_arch = "wasm32"))]
fn write_failed(path: &Path, why: &str) -> i32 {
    say(
        &format!("无法写入{}：{why}", path.display()),
        &format!("error: cannot write {}: {why}", path.display()),
    );
    cli::EXIT_IO
}

#[cfg(test)]
mod tests {
    use super::without_line;

    #[test]
    fn an_error_compares_without_its_row_number() {
        assert_eq!(
            without_line("第7行 女方身份证号（L列）：错"),
            "女方身份证号（L列）：错"
        );
        assert_eq!(without_line("第行 x"), "第行 x");
        assert_eq!(without_line("可以享受"), "可以享受");
    }
}
