//! Register files: .xlsx, .xls and .ods through calamine, .csv in UTF-8 (with or without a
//! byte-order mark) or GBK/GB18030 through encoding_rs and csv; the answers written as .xlsx
//! (rust_xlsxwriter: header frozen, columns sized, filters on) or as UTF-8 CSV with a BOM.
//! Everything works on bytes, so the office page can hand it a file's contents.

use std::io::{Cursor, Write};
use std::path::Path;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsx};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::template;
use super::{Cell, FileError, Out, Register};

/// A workbook's sheets, first to last: name and rows.
pub type Sheets = Vec<(String, Vec<Vec<Cell>>)>;

/// The formats a register can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

fn not_spreadsheet(what: &str, what_en: &str) -> FileError {
    FileError::new(
        format!(
            "这不是表格文件：{what}。请选择Excel或WPS表格（.xlsx、.xls）、LibreOffice表格（.ods）或CSV文件"
        ),
        format!(
            "this is not a spreadsheet: {what_en}. Choose an Excel or WPS workbook (.xlsx, .xls), a LibreOffice one (.ods) or a CSV file"
        ),
    )
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// What the file is, from its first bytes, then its name.
pub fn kind(bytes: &[u8], name: &str) -> Result<Kind, FileError> {
    let ext = extension(name);
    let starts = |m: &[u8]| bytes.starts_with(m);
    if bytes.is_empty() {
        return Err(FileError::new(
            "文件是空的（0字节）",
            "the file is empty (0 bytes)",
        ));
    }
    if starts(b"\x89PNG") || starts(b"\xFF\xD8\xFF") || starts(b"GIF8") || starts(b"BM") {
        return Err(not_spreadsheet(
            "文件内容是一张图片",
            "the file holds an image",
        ));
    }
    if starts(b"%PDF") {
        return Err(not_spreadsheet(
            "文件内容是PDF文档",
            "the file is a PDF document",
        ));
    }
    if starts(b"PK\x03\x04") {
        return Ok(if ext == "ods" { Kind::Ods } else { Kind::Xlsx });
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Ok(Kind::Xls);
    }
    let head = &bytes[..bytes.len().min(2048)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    if lower.contains("<html") || lower.contains("<table") {
        return Err(not_spreadsheet(
            "文件内容是网页（HTML），只是扩展名像表格；请用Excel或WPS打开后“另存为”.xlsx",
            "the file is a web page (HTML) with a spreadsheet's name; open it in Excel or WPS and save it as .xlsx",
        ));
    }
    let utf16 = starts(b"\xFF\xFE") || starts(b"\xFE\xFF");
    if !utf16 && head.contains(&0) {
        return Err(not_spreadsheet(
            "文件内容不是文字，也不是认得的表格格式",
            "the contents are neither text nor a known spreadsheet format",
        ));
    }
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" | "et" => Err(FileError::new(
            format!(
                "文件扩展名是.{ext}，但内容是纯文字；如果是CSV文件，请把扩展名改成.csv"
            ),
            format!("the name ends in .{ext} but the contents are plain text; if it is a CSV file, name it .csv"),
        )),
        _ => Ok(Kind::Csv),
    }
}

/// Reads a register file's bytes: every sheet, with cells as the file holds them.
pub fn read_bytes(bytes: &[u8], name: &str) -> Result<Sheets, FileError> {
    match kind(bytes, name)? {
        Kind::Csv => Ok(vec![(String::new(), read_csv(bytes)?)]),
        Kind::Xlsx => match calamine::open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
            Ok(mut wb) => workbook(&mut wb),
            Err(e) => match calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
                Ok(mut wb) => workbook(&mut wb),
                Err(_) => Err(damaged("xlsx", &e.to_string())),
            },
        },
        Kind::Ods => match calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
            Ok(mut wb) => workbook(&mut wb),
            Err(e) => Err(damaged("ods", &e.to_string())),
        },
        Kind::Xls => match calamine::open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)) {
            Ok(mut wb) => workbook(&mut wb),
            Err(e) => Err(damaged("xls", &e.to_string())),
        },
    }
}

fn damaged(kind: &str, detail: &str) -> FileError {
    FileError::new(
        format!(
            "无法读取这个.{kind}文件：文件可能已损坏、加了密码，或不是表格（{detail}）；请用表格软件打开后另存为.xlsx再试"
        ),
        format!(
            "cannot read this .{kind} file: it may be damaged, password-protected or not a spreadsheet ({detail}); open it in a spreadsheet program and save it as .xlsx"
        ),
    )
}

/// Reads a register file from disk.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_path(path: &Path) -> Result<Sheets, FileError> {
    let bytes = std::fs::read(path).map_err(|e| {
        FileError::new(
            format!("无法读取文件{}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    read_bytes(&bytes, &path.to_string_lossy())
}

fn workbook<RS, R>(wb: &mut R) -> Result<Sheets, FileError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| damaged("表格", &e.to_string()))?;
        let mut rows = rows_of(&range);
        drop(range);
        // A formula's saved result is what the sheet shows and is used; a formula saved
        // without one (some programs write them so) must not read as a blank.
        if let Ok(formulas) = wb.worksheet_formula(&name) {
            if let Some((r0, c0)) = formulas.start() {
                for (r, c, f) in formulas.used_cells() {
                    if f.is_empty() {
                        continue;
                    }
                    let (r, c) = (r + r0 as usize, c + c0 as usize);
                    if rows.len() <= r {
                        rows.resize(r + 1, Vec::new());
                    }
                    let row = &mut rows[r];
                    if row.len() <= c {
                        row.resize(c + 1, Cell::Empty);
                    }
                    if row[c] == Cell::Empty {
                        row[c] = Cell::Formula(format!("={f}"));
                    }
                }
            }
        }
        out.push((name, rows));
    }
    Ok(out)
}

/// The range's cells at their places in the sheet (a range starts at its first used cell).
fn rows_of(range: &Range<Data>) -> Vec<Vec<Cell>> {
    let Some((r0, c0)) = range.start() else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); r0 as usize];
    for r in range.rows() {
        let mut row = Vec::with_capacity(c0 as usize + r.len());
        row.resize(c0 as usize, Cell::Empty);
        row.extend(r.iter().map(cell));
        while row.last() == Some(&Cell::Empty) {
            row.pop();
        }
        rows.push(row);
    }
    rows
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                // Excel's 1900-02-29 does not exist; the serial goes on to be refused.
                Some(day) if dt.as_f64() >= 1.0 => Cell::Date(day),
                _ => Cell::Number(dt.as_f64().floor()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::text(s.clone())),
        Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::Error(format!("#{e:?}")),
    }
}

/// The text of a CSV file: UTF-8 (a BOM dropped) when it is valid UTF-8, else GB18030
/// (which includes GBK, what Excel and WPS write on Chinese Windows); UTF-16 with a BOM.
pub fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// A CSV register's rows: comma-separated, or tab- or semicolon-separated when the first
/// line says so.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, FileError> {
    let text = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let delimiter = [(',', b','), ('\t', b'\t'), (';', b';')]
        .into_iter()
        .max_by_key(|(c, _)| count(*c))
        .filter(|(c, _)| count(*c) > 0)
        .map_or(b',', |(_, b)| b);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            FileError::new(
                format!("CSV文件第{}行读不出来：{e}", i + 1),
                format!("row {} of the CSV file cannot be read: {e}", i + 1),
            )
        })?;
        let mut row: Vec<Cell> = rec.iter().map(Cell::text).collect();
        while row.last() == Some(&Cell::Empty) {
            row.pop();
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Writes the answers as UTF-8 CSV with a byte-order mark (so Excel opens it as UTF-8).
pub fn write_csv<W: Write>(reg: &Register, w: W) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(w);
    w.write_all("\u{feff}".as_bytes())?;
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    csv.write_record(reg.output_headers())?;
    for i in 0..reg.rows.len() {
        let row = reg.output_row(i);
        csv.write_record(row.iter().map(csv_text))?;
    }
    csv.flush()?;
    Ok(())
}

/// A cell as CSV text. Text that a spreadsheet would take for a formula (=, +, -, @, or a
/// tab or carriage return first) gets a leading apostrophe, so opening the answers never runs
/// what someone typed into the register (CSV injection); numbers stay numbers.
fn csv_text(c: &Out<'_>) -> String {
    match c {
        Out::Text(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{s}"),
        other => other.as_text().into_owned(),
    }
}

/// Display width of a text in a spreadsheet column: CJK characters count twice.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 1 } else { 2 })
        .sum()
}

const MAX_COLUMN_WIDTH: usize = 60;

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_align(FormatAlign::Center)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn write_out(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Out<'_>,
    date: &Format,
) -> Result<(), XlsxError> {
    match cell {
        Out::Empty => {}
        Out::Text(t) => {
            ws.write_string(r, c, t.as_ref())?;
        }
        Out::Number(n) => {
            ws.write_number(r, c, *n)?;
        }
        Out::Date(d) => {
            ws.write_datetime_with_format(r, c, excel_date(*d)?, date)?;
        }
    }
    Ok(())
}

/// How many rows the column widths are measured on (the rest follow their lead).
const WIDTH_SAMPLE_ROWS: usize = 2000;

/// The answers as an .xlsx workbook: one sheet, header frozen, columns sized, filters on.
/// Natively, rows are written in order in constant-memory mode (a temporary file, not the
/// heap); in the browser, which has no temporary files, in memory (10,000 rows: a few MB).
pub fn xlsx(reg: &Register) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    #[cfg(not(target_arch = "wasm32"))]
    let ws = wb.add_worksheet_with_constant_memory()?;
    #[cfg(target_arch = "wasm32")]
    let ws = wb.add_worksheet();
    ws.set_name("核查结果")?;
    let head = header_format();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let headers = reg.output_headers();
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h) + 2).collect();
    for i in 0..reg.rows.len().min(WIDTH_SAMPLE_ROWS) {
        for (c, cell) in reg.output_row(i).iter().enumerate() {
            let w = match cell {
                Out::Empty => 0,
                Out::Date(_) => 10,
                other => width(&other.as_text()),
            };
            if w > widths[c] {
                widths[c] = w;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w).min(MAX_COLUMN_WIDTH) as f64 + 1.0)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last_col = headers.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, reg.rows.len() as u32, last_col)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    for i in 0..reg.rows.len() {
        let r = (i + 1) as u32;
        for (c, cell) in reg.output_row(i).iter().enumerate() {
            write_out(ws, r, c as u16, cell, &date)?;
        }
    }
    wb.save_to_buffer()
}

/// The template: the headers, one example row, and a sheet explaining each column.
pub fn template_xlsx() -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = header_format();
    let text = Format::new().set_num_format("@");
    {
        let ws = wb.add_worksheet();
        ws.set_name("台账")?;
        let headers = template::headers();
        for (c, h) in headers.iter().enumerate() {
            let c = c as u16;
            // ID numbers and dates typed later stay as typed: the columns are text.
            if h.ends_with("身份证号") {
                ws.set_column_format(c, &text)?;
            }
            ws.write_string_with_format(0, c, h, &head)?;
            ws.set_column_width(c, (width(h) + 4).max(10) as f64)?;
        }
        for (c, cell) in template::example_row().iter().enumerate() {
            if let Cell::Text(t) = cell {
                let c = c as u16;
                ws.write_string(1, c, t)?;
                if headers[c as usize].ends_with("身份证号") {
                    ws.set_column_width(c, 22.0)?;
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("填写说明")?;
        let wrap = Format::new().set_text_wrap();
        for (c, h) in template::EXPLANATION_HEADERS.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head)?;
        }
        for (c, w) in [16.0, 14.0, 40.0, 50.0, 40.0].iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        let rows = template::explanation();
        for (r, row) in rows.iter().enumerate() {
            for (c, t) in row.iter().enumerate() {
                ws.write_string_with_format((r + 1) as u32, c as u16, t, &wrap)?;
            }
        }
        let below = rows.len() as u32 + 2;
        for (k, note) in template::NOTES.iter().enumerate() {
            ws.write_string(below + k as u32, 0, *note)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    wb.save_to_buffer()
}
