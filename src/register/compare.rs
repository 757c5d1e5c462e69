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

/// A table as the export writes it: headers and text cells.
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

fn col(t: &Table, name: &str) -> Option<usize> {
    t.headers.iter().position(|h| h == name)
}

fn field_col(t: &Table, f: Field) -> Option<usize> {
    t.headers
        .iter()
        .position(|h| columns::resolve(h) == Some(f))
}

fn cell(row: &[String], c: Option<usize>) -> &str {
    c.and_then(|c| row.get(c)).map_or("", |s| s.trim())
}

/// The key a family is matched by: the woman's ID number, else the man's, else 编号.
fn keys(t: &Table) -> Vec<(String, String)> {
    let ids = [
        field_col(t, Field::Parent(Role::Mother, ParentField::IdNumber)),
        field_col(t, Field::Parent(Role::Father, ParentField::IdNumber)),
    ];
    let number = field_col(t, Field::Number);
    let names = [
        field_col(t, Field::Parent(Role::Mother, ParentField::Name)),
        field_col(t, Field::Parent(Role::Father, ParentField::Name)),
    ];
    t.rows
        .iter()
        .map(|(line, r)| {
            let key = ids
                .iter()
                .map(|&c| cell(r, c).to_uppercase())
                .find(|s| !s.is_empty())
                .map(|s| format!("身份证号{s}"))
                .or_else(|| {
                    let n = cell(r, number);
                    (!n.is_empty()).then(|| format!("编号{n}"))
                })
                .unwrap_or_else(|| format!("第{line}行"));
            let who: Vec<&str> = [number, names[0], names[1]]
                .iter()
                .map(|&c| cell(r, c))
                .filter(|s| !s.is_empty())
                .collect();
            (key, who.join(" "))
        })
        .collect()
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
    let ok = keys(old);
    let nk = keys(new);
    // Two rows with one key (a typo, a family entered twice) are matched in order.
    let mut old_at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (k, _)) in ok.iter().enumerate() {
        old_at.entry(k.as_str()).or_default().push(i);
    }
    let compared: Vec<&str> = BENEFITS
        .iter()
        .map(|b| b.zh)
        .chain(["特殊家庭", "适用本政策", "错误"])
        .collect();
    let money_cols = |t: &Table| MONEY.map(|m| col(t, m));
    let (om, nm) = (money_cols(old), money_cols(new));
    let money = |m: &[Option<usize>; 3], r: &[String]| m.map(|c| money_of(cell(r, c)));
    let mut seen = vec![false; old.rows.len()];
    let mut out = Vec::new();
    for (j, (key, who)) in nk.iter().enumerate() {
        let nr = &new.rows[j].1;
        let now = money(&nm, nr);
        let first_unseen = old_at
            .get(key.as_str())
            .and_then(|v| v.iter().copied().find(|&i| !seen[i]));
        match first_unseen {
            Some(i) => {
                seen[i] = true;
                let or = &old.rows[i].1;
                let before = money(&om, or);
                let items: Vec<(String, String, String)> = compared
                    .iter()
                    .filter_map(|name| {
                        let (a, b) = (cell(or, col(old, name)), cell(nr, col(new, name)));
                        (without_line(a) != without_line(b))
                            .then(|| (name.to_string(), a.to_string(), b.to_string()))
                    })
                    .collect();
                let d = [0, 1, 2].map(|k| now[k] - before[k]);
                if !items.is_empty() || d.iter().any(|x| !x.is_zero()) {
                    out.push(Diff {
                        kind: "变化",
                        key: key.clone(),
                        who: who.clone(),
                        items,
                        money: d,
                    });
                }
            }
            None => out.push(Diff {
                kind: "新增",
                key: key.clone(),
                who: who.clone(),
                items: Vec::new(),
                money: now,
            }),
        }
    }
    for (i, (key, who)) in ok.iter().enumerate() {
        if !seen[i] {
            let before = money(&om, &old.rows[i].1);
            out.push(Diff {
                kind: "减少",
                key: key.clone(),
                who: who.clone(),
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
    let rows = it
        .enumerate()
        .filter(|(_, r)| r.iter().any(|c| values::text(c).is_some()))
        .map(|(i, r)| (i + 2, r.iter().map(text_of).collect()))
        .collect();
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

/// Today's register as its export would write it.
pub fn table(reg: &super::Register) -> Table {
    table_with(reg, &mut |_| {})
}

/// [`table`], calling `progress` with the rows done every `stats::STEP` rows.
pub fn table_with(reg: &super::Register, progress: &mut dyn FnMut(usize)) -> Table {
    let headers = reg.output_headers();
    let rows = (0..reg.rows.len())
        .filter(|&i| !reg.rows[i].is_blank())
        .map(|i| {
            if i % super::stats::STEP == 0 {
                progress(i);
            }
            (
                reg.rows[i].line,
                reg.output_row(i)
                    .iter()
                    .map(|o| o.as_text().into_owned())
                    .collect(),
            )
        })
        .collect();
    Table { headers, rows }
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
    let list = diff(&old_table, &table(&reg));
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
