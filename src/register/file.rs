//! Register files: .xlsx, .xls and .ods through calamine, .csv in UTF-8 (with or without a
//! byte-order mark) or GBK/GB18030 through encoding_rs and csv; the answers written as .xlsx
//! (rust_xlsxwriter: header frozen, columns sized, filters on) or as UTF-8 CSV with a BOM.
//! Everything works on bytes, so the office page can hand it a file's contents.
//!
//! Reading is bounded by design ([`LIMITS`], docs/register.md "Limits"): a zipped workbook is
//! checked part by part before calamine opens it (`package`), an .xlsx sheet is read cell by
//! cell, sparse (`xlsx`), an .xls file's sector chains are checked for loops and its records
//! for the sheet's extent (`cfb`), and every cell goes through one [`Grid`] that refuses what
//! a register cannot use before storing it. Nothing a file declares is trusted for allocation.

mod answers;
mod cfb;
mod package;
mod xlsx;

use std::io::{Cursor, Write};
use std::path::Path;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsx};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use super::template;
use super::{Cell, FileError, Notice, Out, Register};

/// What a register file may hold; past any of these the file is refused with the limit named
/// (and the row, where there is one). docs/register.md states each.
pub struct Limits {
    /// Rows of a sheet: a spreadsheet's own limit.
    pub rows: u32,
    /// Columns a register can use (a few hundred at most mean anything).
    pub columns: u32,
    /// Cells stored for one workbook, blank places inside a row counted, and each row
    /// counted as [`Limits::row_cells`] more (a blank one as [`Limits::blank_row_cells`]):
    /// what keeps memory bounded. Measured (release build, docs/register.md "Limits"): a
    /// short text cell held to the end takes about 85 bytes, a decided row about 1.75 KB
    /// besides its cells, a blank row 360 bytes; the worst files within the limit peak at
    /// 253–293 MB natively, and less in the page's wasm32 worker.
    /// 100,000 households of 20 columns fit.
    pub cells: usize,
    /// What a row with something in it counts, in cells, besides its own: what deciding it
    /// holds (its facts, answers and 提醒), about 20 short cells' worth.
    pub row_cells: usize,
    /// What a blank row inside the sheet counts, in cells.
    pub blank_row_cells: usize,
    /// Characters in one cell: what Excel allows.
    pub cell_chars: usize,
    /// Bytes of one line of a CSV file.
    pub csv_line_bytes: usize,
    /// Bytes one part of a zipped workbook (a sheet's XML) may inflate to.
    pub part_bytes: u64,
    /// Bytes the shared strings of an .xlsx may inflate to (they are held whole).
    pub shared_strings_bytes: u64,
    /// Bytes a whole zipped workbook may inflate to.
    pub workbook_bytes: u64,
    /// The longest text or tag inside a workbook's XML, in bytes.
    pub token_bytes: u64,
}

pub const LIMITS: Limits = Limits {
    rows: 1_048_576,
    columns: 1_000,
    cells: 4_400_000,
    row_cells: 20,
    blank_row_cells: 4,
    cell_chars: 32_767,
    csv_line_bytes: 1 << 20,
    part_bytes: 512 << 20,
    shared_strings_bytes: 32 << 20,
    workbook_bytes: 1 << 30,
    token_bytes: 1 << 20,
};

/// The refusal of a file past a limit.
fn too_large(what: &str, what_en: &str) -> FileError {
    FileError::new(
        format!("文件超出了台账能读的范围：{what}。请确认选的是台账，或把台账分成几个较小的文件再试"),
        format!("the file is past what a register can hold: {what_en}. Check that it is the register, or split it into smaller files"),
    )
}

/// Excel's name of a 0-based column: 0 → A, 27 → AB.
pub fn column_name(mut c: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A sheet's rows as they are read, each cell checked before it is stored.
#[derive(Default)]
pub struct Grid {
    pub rows: Vec<Vec<Cell>>,
    /// Cells stored, counting the sheets read before this one.
    slots: usize,
}

impl Grid {
    /// A grid for the next sheet of a workbook whose earlier sheets stored `before` cells.
    pub fn after(before: usize) -> Grid {
        Grid {
            rows: Vec::new(),
            slots: before,
        }
    }

    /// Cells stored so far in the workbook.
    pub fn used(&self) -> usize {
        self.slots
    }

    /// Stores `cell` at 0-based (`r`, `c`), or says which limit it passes.
    pub fn put(&mut self, r: u32, c: u32, cell: Cell) -> Result<(), FileError> {
        if cell == Cell::Empty {
            return Ok(());
        }
        let at = || format!("{}{}", column_name(c), u64::from(r) + 1);
        if r >= LIMITS.rows {
            let at = at();
            return Err(too_large(
                &format!(
                    "单元格{at}在第{}行，表格最多只有{}行",
                    u64::from(r) + 1,
                    LIMITS.rows
                ),
                &format!(
                    "cell {at} is in row {}; a sheet has at most {} rows",
                    u64::from(r) + 1,
                    LIMITS.rows
                ),
            ));
        }
        let row = r as usize + 1;
        if c >= LIMITS.columns {
            // Past XFD no spreadsheet has a column: the file's reference was longer than any
            // real one and wrapped round as it was read, so a name made of it would be a
            // cell that is not in the file; such a cell is told by what it is instead.
            let (what_zh, what_en) = if c < XLSX_COLUMNS as u32 {
                let at = at();
                (
                    format!("的单元格{at}有内容，在第{}列", u64::from(c) + 1),
                    format!("cell {at} holds something in column {}", u64::from(c) + 1),
                )
            } else {
                (
                    "有一个单元格的位置写在XFD列之后（任何表格都没有这样的列）".to_string(),
                    "a cell's reference lies past column XFD (no spreadsheet has such a column)"
                        .to_string(),
                )
            };
            return Err(too_large(
                &format!(
                    "第{row}行{what_zh}，台账最多能用{}列（到{}列）；如果那里的内容不需要，请删去后再试",
                    LIMITS.columns,
                    column_name(LIMITS.columns - 1)
                ),
                &format!(
                    "row {row}: {what_en}; a register can use at most {} columns (up to {}); if it is not needed, delete it and try again",
                    LIMITS.columns,
                    column_name(LIMITS.columns - 1)
                ),
            ));
        }
        if let Cell::Text(t) | Cell::Formula(t) = &cell {
            // Bytes first: most cells are far shorter than the limit even at one byte a char.
            let n = if t.len() > LIMITS.cell_chars {
                t.chars().count()
            } else {
                0
            };
            if n > LIMITS.cell_chars {
                let at = at();
                return Err(too_large(
                    &format!(
                        "第{row}行的单元格{at}有{n}个字符，一个单元格最多{}个",
                        LIMITS.cell_chars
                    ),
                    &format!(
                        "row {row}: cell {at} holds {n} characters; a cell holds at most {}",
                        LIMITS.cell_chars
                    ),
                ));
            }
        }
        let (r, c) = (r as usize, c as usize);
        if self.rows.len() <= r {
            // The row before is done: its spare capacity (up to half, as a row grows by
            // doubling) is given back rather than held to the end.
            if let Some(last) = self.rows.last_mut() {
                last.shrink_to_fit();
            }
            self.slots += (r - self.rows.len()) * LIMITS.blank_row_cells + LIMITS.row_cells;
            self.check_slots(row)?;
            self.rows.resize_with(r + 1, Vec::new);
        }
        let cells = &mut self.rows[r];
        if cells.len() <= c {
            self.slots += c + 1 - cells.len();
            if self.slots > LIMITS.cells {
                return Err(Self::too_many(row));
            }
            cells.resize(c + 1, Cell::Empty);
        }
        cells[c] = cell;
        Ok(())
    }

    /// A blank row after the rows stored (a CSV's empty line), counted as one.
    pub fn blank_row(&mut self, row: usize) -> Result<(), FileError> {
        self.slots += LIMITS.blank_row_cells;
        self.check_slots(row)?;
        self.rows.push(Vec::new());
        Ok(())
    }

    fn check_slots(&self, row: usize) -> Result<(), FileError> {
        if self.slots > LIMITS.cells {
            return Err(Self::too_many(row));
        }
        Ok(())
    }

    fn too_many(row: usize) -> FileError {
        too_large(
            &format!(
                "读到第{row}行时已超过{}万个单元格（每行另计{}个）",
                LIMITS.cells / 10_000,
                LIMITS.row_cells
            ),
            &format!(
                "past {} cells by row {row} (each row counting {} more)",
                LIMITS.cells, LIMITS.row_cells
            ),
        )
    }
}

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
    read_with_notices(bytes, name).map(|(sheets, _)| sheets)
}

/// Reads a register file's bytes, with what is worth telling about the reading (a CSV's
/// encoding, rows with bytes that could not be read): the callers add these to the
/// register's notices.
pub fn read_with_notices(bytes: &[u8], name: &str) -> Result<(Sheets, Vec<Notice>), FileError> {
    let open_xlsx = || {
        package::check(bytes)?;
        match calamine::open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
            Ok(mut wb) => xlsx::read(&mut wb),
            Err(e) => match package::check_ods(bytes).and_then(|()| {
                calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes))
                    .map_err(|_| damaged("xlsx", &e.to_string()))
            }) {
                Ok(mut wb) => workbook(&mut wb),
                Err(_) => Err(damaged("xlsx", &e.to_string())),
            },
        }
    };
    let sheets = match kind(bytes, name)? {
        Kind::Csv => {
            let (rows, notices) = read_csv_with_notices(bytes)?;
            return Ok((vec![(String::new(), rows)], notices));
        }
        Kind::Xlsx => open_xlsx()?,
        Kind::Ods => {
            package::check(bytes)?;
            package::check_ods(bytes)?;
            match calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
                Ok(mut wb) => workbook(&mut wb)?,
                // A workbook saved as .xlsx and named .ods is still read.
                Err(e) => open_xlsx().map_err(|_| damaged("ods", &e.to_string()))?,
            }
        }
        Kind::Xls => {
            cfb::check(bytes)?;
            match calamine::open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)) {
                Ok(mut wb) => workbook(&mut wb)?,
                Err(e) => return Err(damaged("xls", &e.to_string())),
            }
        }
    };
    Ok((sheets, Vec::new()))
}

/// `kind` is a file's extension (xlsx) or a word for it (表格, "spreadsheet").
fn damaged(kind: &str, detail: &str) -> FileError {
    let (zh, en) = match kind {
        "xlsx" | "xls" | "ods" => (format!("这个.{kind}文件"), format!("this .{kind} file")),
        _ => ("这个表格文件".to_string(), "this spreadsheet".to_string()),
    };
    FileError::new(
        format!(
            "无法读取{zh}：文件可能已损坏、加了密码，或不是表格（{detail}）；请用表格软件打开后另存为.xlsx再试"
        ),
        format!(
            "cannot read {en}: it may be damaged, password-protected or not a spreadsheet ({detail}); open it in a spreadsheet program and save it as .xlsx"
        ),
    )
}

/// Reads a register file from disk.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_path(path: &Path) -> Result<Sheets, FileError> {
    read_path_with_notices(path).map(|(sheets, _)| sheets)
}

/// Reads a register file from disk, with the reading's notices.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_path_with_notices(path: &Path) -> Result<(Sheets, Vec<Notice>), FileError> {
    let bytes = std::fs::read(path).map_err(|e| {
        FileError::new(
            format!("无法读取文件{}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    read_with_notices(&bytes, &path.to_string_lossy())
}

/// The register with the reading's notices put first.
pub fn with_notices(mut reg: Register, notices: Vec<Notice>) -> Register {
    reg.notices.splice(0..0, notices);
    reg
}

fn workbook<RS, R>(wb: &mut R) -> Result<Sheets, FileError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    let mut used = 0;
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| damaged("表格", &e.to_string()))?;
        let mut grid = grid_of(&range, used)?;
        drop(range);
        // A formula's saved result is what the sheet shows and is used; a formula saved
        // without one (some programs write them so) must not read as a blank.
        if let Ok(formulas) = wb.worksheet_formula(&name) {
            for (r, c, f) in formulas.used_cells() {
                let (r, c) = (r as u32, c as u32);
                let (r, c) = match formulas.start() {
                    Some((r0, c0)) => (r + r0, c + c0),
                    None => (r, c),
                };
                let blank = grid
                    .rows
                    .get(r as usize)
                    .is_none_or(|row| row.get(c as usize).is_none_or(|x| *x == Cell::Empty));
                if !f.is_empty() && blank {
                    grid.put(r, c, Cell::Formula(format!("={f}")))?;
                }
            }
        }
        used = grid.used();
        out.push((name, grid.rows));
    }
    Ok(out)
}

/// The range's cells at their places in the sheet (a range starts at its first used cell).
fn grid_of(range: &Range<Data>, before: usize) -> Result<Grid, FileError> {
    let mut grid = Grid::after(before);
    let Some((r0, c0)) = range.start() else {
        return Ok(grid);
    };
    for (r, c, d) in range.used_cells() {
        grid.put(r as u32 + r0, c as u32 + c0, cell_of(d))?;
    }
    Ok(grid)
}

fn cell_of(d: &Data) -> Cell {
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
    decode_with_encoding(bytes).0
}

/// The encodings a CSV is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
    Utf16,
}

/// The text, the encoding used, and the 1-based lines holding bytes that could not be read
/// in it (shown as �). UTF-8 is chosen when most of the file's non-ASCII bytes form valid
/// UTF-8 sequences, so one stray byte in a UTF-8 file does not turn it into GB18030.
pub fn decode_with_encoding(bytes: &[u8]) -> (String, Encoding, Vec<usize>) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        let (text, _) = enc.decode_without_bom_handling(body);
        let kind = if enc == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        let bad = if kind == Encoding::Utf8 {
            bad_utf8_lines(body)
        } else {
            Vec::new()
        };
        return (text.into_owned(), kind, bad);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), Encoding::Utf8, Vec::new());
    }
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let mut invalid = 0usize;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        let n = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        invalid += n;
        rest = &rest[e.valid_up_to() + n..];
    }
    if invalid * 10 < non_ascii {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return (text, Encoding::Utf8, bad_utf8_lines(bytes));
    }
    let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let bad = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.contains('\u{FFFD}'))
        .map(|(i, _)| i + 1)
        .collect();
    (text, Encoding::Gb18030, bad)
}

fn bad_utf8_lines(bytes: &[u8]) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut line = 1;
    let mut at = 0;
    let mut rest = bytes;
    while let Err(e) = std::str::from_utf8(rest) {
        let pos = at + e.valid_up_to();
        line += memchr::memchr_iter(b'\n', &bytes[at..pos]).count();
        if lines.last() != Some(&line) {
            lines.push(line);
        }
        let n = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        at = pos + n;
        rest = &bytes[at..];
    }
    lines
}

/// At most this many line numbers are listed in a message; the rest are counted.
const LISTED: usize = 20;

fn list_lines(lines: &[usize]) -> (String, String) {
    let shown: Vec<String> = lines.iter().take(LISTED).map(|l| l.to_string()).collect();
    let more = lines.len().saturating_sub(LISTED);
    let (mut zh, mut en) = (shown.join("、"), shown.join(", "));
    if more > 0 {
        zh.push_str(&format!("等{}行", lines.len()));
        en.push_str(&format!(" and {more} more"));
    }
    (zh, en)
}

/// A CSV register's rows: comma-separated, or tab- or semicolon-separated when the first
/// line says so.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, FileError> {
    read_csv_with_notices(bytes).map(|(rows, _)| rows)
}

/// A CSV register's rows, and what is worth telling about its encoding. A line longer than
/// [`Limits::csv_line_bytes`], a quote never closed, more columns than a register can use
/// or a cell longer than a spreadsheet allows refuse the file, naming the line.
pub fn read_csv_with_notices(bytes: &[u8]) -> Result<(Vec<Vec<Cell>>, Vec<Notice>), FileError> {
    let mut line = 1usize;
    let mut from = 0usize;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes).chain([bytes.len()]) {
        if end - from > LIMITS.csv_line_bytes {
            return Err(too_large(
                &format!("CSV文件第{line}行超过{}MB", LIMITS.csv_line_bytes >> 20),
                &format!(
                    "line {line} of the CSV file is longer than {} MB",
                    LIMITS.csv_line_bytes >> 20
                ),
            ));
        }
        // A line ends at LF, CRLF, or a lone CR.
        if bytes.get(end) == Some(&b'\n') || bytes.get(end + 1) != Some(&b'\n') {
            line += 1;
        }
        from = end + 1;
    }
    let (text, encoding, bad) = decode_with_encoding(bytes);
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let delimiter = [(',', b','), ('\t', b'\t'), (';', b';')]
        .into_iter()
        .max_by_key(|(c, _)| count(*c))
        .filter(|(c, _)| count(*c) > 0)
        .map_or(b',', |(_, b)| b);
    if let Some(open) = unclosed_quote(&text, delimiter) {
        return Err(FileError::new(
            format!("CSV文件第{open}行有一个双引号（\"）没有配对：从这里到文件末尾都会被读成一个单元格。请在表格软件里检查这一行，或删去多余的引号再试"),
            format!("line {open} of the CSV file opens a double quote (\") that is never closed: everything from there to the end would be read as one cell. Check that line in a spreadsheet program, or delete the stray quote"),
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Grid::default();
    let mut record = csv::StringRecord::new();
    let mut i: u32 = 0;
    loop {
        let more = reader.read_record(&mut record).map_err(|e| {
            FileError::new(
                format!("CSV文件第{}行读不出来：{e}", i + 1),
                format!("row {} of the CSV file cannot be read: {e}", i + 1),
            )
        })?;
        if !more {
            break;
        }
        let n = record.len();
        if n > LIMITS.columns as usize {
            let used = (0..n)
                .rev()
                .find(|&k| !record[k].is_empty())
                .map_or(0, |k| k + 1);
            if used > LIMITS.columns as usize {
                let row = i + 1;
                return Err(too_large(
                    &format!("第{row}行有{used}列，台账最多能用{}列", LIMITS.columns),
                    &format!(
                        "row {row} has {used} columns; a register can use at most {}",
                        LIMITS.columns
                    ),
                ));
            }
        }
        for (c, f) in record.iter().enumerate().take(LIMITS.columns as usize) {
            grid.put(i, c as u32, Cell::text(f))?;
        }
        if grid.rows.len() <= i as usize {
            grid.blank_row(i as usize + 1)?;
        }
        i += 1;
    }
    let mut notices = Vec::new();
    let (name_zh, name_en) = match encoding {
        Encoding::Utf8 => ("UTF-8", "UTF-8"),
        Encoding::Gb18030 => ("GBK（GB18030）", "GBK (GB18030)"),
        Encoding::Utf16 => ("UTF-16", "UTF-16"),
    };
    if encoding != Encoding::Utf8 || !bad.is_empty() {
        notices.push(Notice {
            zh: format!("CSV文件按{name_zh}编码读取"),
            en: format!("the CSV file was read as {name_en}"),
        });
    }
    if !bad.is_empty() {
        let (zh, en) = list_lines(&bad);
        notices.push(Notice {
            zh: format!("CSV文件第{zh}行有按{name_zh}读不出来的字节，显示为�，请核对这些行"),
            en: if bad.len() == 1 {
                format!("line {en} of the CSV file holds bytes that cannot be read as {name_en} (shown as �); check that line")
            } else {
                format!("lines {en} of the CSV file hold bytes that cannot be read as {name_en} (shown as �); check those lines")
            },
        });
    }
    Ok((grid.rows, notices))
}

/// The 1-based line where a quoted field opens that is never closed, if one does: a field
/// is quoted when its first character is `"`, and its quote closes at a `"` not doubled.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line = 1usize;
    let mut field_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if field_start && b == b'"' {
            let open = line;
            i += 1;
            loop {
                let Some(k) = memchr::memchr2(b'"', b'\n', &bytes[i..]) else {
                    return Some(open);
                };
                i += k;
                if bytes[i] == b'\n' {
                    line += 1;
                    i += 1;
                    continue;
                }
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                i += 1;
                break;
            }
            field_start = false;
            continue;
        }
        match b {
            b'\n' => {
                line += 1;
                field_start = true;
            }
            b'\r' => field_start = true,
            _ if b == delimiter => field_start = true,
            _ => field_start = false,
        }
        i += 1;
    }
    None
}

/// Writes the answers as UTF-8 CSV with a byte-order mark (so Excel opens it as UTF-8).
pub fn write_csv<W: Write>(reg: &Register, w: W) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(w);
    w.write_all("\u{feff}".as_bytes())?;
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    csv.write_record(
        reg.output_headers()
            .iter()
            .map(|h| csv_text(&Out::Text(h.as_str().into()))),
    )?;
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
        Out::Text(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(s) => {
            format!("'{s}")
        }
        other => other.as_text().into_owned(),
    }
}

/// A signed decimal number such as -2 or +86, which a spreadsheet reads as that number and
/// never as a formula: written without the apostrophe.
fn plain_number(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body.bytes().any(|b| b.is_ascii_digit())
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

/// How many rows the column widths are measured on (the rest follow their lead).
const WIDTH_SAMPLE_ROWS: usize = 2000;

/// What the page says when an export could not be written at all.
pub fn export_failed(ext: &str, why: &str) -> Notice {
    Notice {
        zh: format!("导出.{ext}没有成功（{why}），没有下载任何文件；请再试一次，或换另一种格式导出"),
        en: format!("the .{ext} export failed ({why}); nothing was downloaded. Try again, or export the other format"),
    }
}

/// An .xlsx sheet's columns: what Excel opens.
pub const XLSX_COLUMNS: usize = 16_384;

/// The answers as an .xlsx workbook (see [`xlsx_with_notices`]).
pub fn xlsx(reg: &Register) -> Result<Vec<u8>, XlsxError> {
    xlsx_with_notices(reg).map(|(bytes, _)| bytes)
}

/// The answers as an .xlsx workbook: one sheet, header frozen, columns sized, filters on.
/// rust_xlsxwriter makes the workbook around the families' rows (header, widths, filters,
/// styles, further sheets); the rows are poured into it by `answers`, in order, on both sides
/// (100,000 rows: docs/benchmarks.md). Compressed at zlib level 1, not 6: a third of a
/// 100,000-row register's time went on compressing its 378 MB of sheet XML.
///
/// It never fails whole for what the format cannot hold: a cell longer than
/// [`Limits::cell_chars`] is cut, with a note in its row's 提醒; columns past
/// [`XLSX_COLUMNS`] are left out, named in the notices returned.
pub fn xlsx_with_notices(reg: &Register) -> Result<(Vec<u8>, Vec<Notice>), XlsxError> {
    xlsx_with_sheets(reg, |_| Ok(()))
}

/// [`xlsx_with_notices`], with more sheets after the answers (the 统计 and 变化 sheets of
/// `fuzhu register --stats / --as-of`).
pub fn xlsx_with_sheets(
    reg: &Register,
    more: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>,
) -> Result<(Vec<u8>, Vec<Notice>), XlsxError> {
    let mut notices = Vec::new();
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let ws = wb.add_worksheet();
    ws.set_name("核查结果")?;
    let head = header_format();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let all_headers = reg.output_headers();
    // The answers' columns come last; the input's columns are the ones left out.
    let cols: Vec<usize> = if all_headers.len() > XLSX_COLUMNS {
        let extra = all_headers.len() - XLSX_COLUMNS;
        let first_result = all_headers
            .iter()
            .position(|h| h == super::RESULT_HEADERS[0])
            .unwrap_or(all_headers.len());
        let cut_from = first_result.saturating_sub(extra);
        let left: Vec<String> = (cut_from..first_result)
            .map(|c| format!("{}（{}）", all_headers[c], column_name(c as u32)))
            .collect();
        let (zh, en) = (
            left.iter()
                .take(LISTED)
                .cloned()
                .collect::<Vec<_>>()
                .join("、"),
            left.len(),
        );
        notices.push(Notice {
            zh: format!("Excel表格最多{XLSX_COLUMNS}列，导出的.xlsx没有这{en}列：{zh}{}；要看全部列，请导出CSV", if en > LISTED { "等" } else { "" }),
            en: format!("an Excel sheet holds at most {XLSX_COLUMNS} columns: the .xlsx leaves out {en} input columns ({}); export CSV to keep them all", left.iter().take(LISTED).cloned().collect::<Vec<_>>().join(", ")),
        });
        (0..all_headers.len())
            .filter(|c| *c < cut_from || *c >= first_result)
            .collect()
    } else {
        (0..all_headers.len()).collect()
    };
    let headers: Vec<&str> = cols.iter().map(|&c| all_headers[c].as_str()).collect();
    let note_col = headers.iter().rposition(|h| *h == "提醒");
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h) + 2).collect();
    for i in 0..reg.rows.len().min(WIDTH_SAMPLE_ROWS) {
        let row = reg.output_row(i);
        for (k, &c) in cols.iter().enumerate() {
            let w = match row.get(c) {
                None | Some(Out::Empty) => 0,
                Some(Out::Date(_)) => 10,
                Some(other) => width(&other.as_text()),
            };
            if w > widths[k] {
                widths[k] = w;
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
        ws.write_string_with_format(0, c as u16, cut(h).0, &head)?;
    }
    // The date style, registered on the 判断日期 column for the rows poured below.
    let date_column = headers
        .iter()
        .position(|h| *h == super::RESULT_HEADERS[0])
        .unwrap_or(0) as u16;
    ws.set_column_format(date_column, &date)?;
    more(&mut wb)?;
    let frame = wb.save_to_buffer()?;
    let mut cut_rows = Vec::new();
    let last = (reg.rows.len() as u32, last_col);
    let bytes = answers::pour(&frame, last, date_column, |out| {
        for i in 0..reg.rows.len() {
            out.start((i + 1) as u32);
            let row = reg.output_row(i);
            let mut cut_cols = Vec::new();
            for (k, &c) in cols.iter().enumerate() {
                let Some(cell) = row.get(c) else { continue };
                if Some(k) == note_col {
                    continue;
                }
                match cell {
                    Out::Empty => {}
                    Out::Text(t) => {
                        let (text, was_cut) = cut(t);
                        if was_cut {
                            cut_cols.push(format!("{}（{}列）", headers[k], column_name(k as u32)));
                        }
                        out.text(k, text);
                    }
                    Out::Number(n) => out.number(k, *n),
                    Out::Date(d) => out.date(k, *d)?,
                }
            }
            if let Some(k) = note_col {
                let mut note = row
                    .get(cols[k])
                    .map(|o| o.as_text().into_owned())
                    .unwrap_or_default();
                if !cut_cols.is_empty() {
                    if !note.is_empty() {
                        note.push('；');
                    }
                    note.push_str(&format!(
                        "{}的内容超过{}个字符，.xlsx里只保留了前{}个（CSV里是全文）",
                        cut_cols.join("、"),
                        LIMITS.cell_chars,
                        LIMITS.cell_chars
                    ));
                    cut_rows.push(i);
                }
                out.text(k, cut(&note).0);
            }
            out.end()?;
        }
        Ok(())
    })?;
    if !cut_rows.is_empty() {
        let n = cut_rows.len();
        notices.push(Notice {
            zh: format!(
                "{n}行有超过{}个字符的单元格，导出的.xlsx里已截断，见这些行的“提醒”",
                LIMITS.cell_chars
            ),
            en: format!(
                "{n} rows have cells longer than {} characters, cut in the .xlsx: see their 提醒",
                LIMITS.cell_chars
            ),
        });
    }
    Ok((bytes, notices))
}

/// A text cut to what an .xlsx cell holds, and whether it was cut.
fn cut(t: &str) -> (&str, bool) {
    // No more bytes than the limit's characters: nothing to count (nearly every cell).
    if t.len() <= LIMITS.cell_chars {
        return (t, false);
    }
    match t.char_indices().nth(LIMITS.cell_chars) {
        Some((at, _)) => (&t[..at], true),
        None => (t, false),
    }
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

#[cfg(test)]
mod tests {
    use super::{cut, plain_number, LIMITS};

    #[test]
    fn a_cell_is_cut_for_the_xlsx_at_32767_characters_and_not_before() {
        let at = "长".repeat(LIMITS.cell_chars);
        assert_eq!(cut(&at), (at.as_str(), false));
        let over = format!("{at}长");
        assert_eq!(cut(&over), (at.as_str(), true));
        let under = "a".repeat(LIMITS.cell_chars - 1);
        assert_eq!(cut(&under), (under.as_str(), false));
        // One byte a character: at the limit kept whole, one more cut.
        let ascii = "a".repeat(LIMITS.cell_chars);
        assert_eq!(cut(&ascii), (ascii.as_str(), false));
        assert_eq!(cut(&format!("{ascii}a")), (ascii.as_str(), true));
    }

    #[test]
    fn a_plain_signed_number_is_no_formula_but_a_signed_expression_is() {
        for s in ["-2", "+86", "-0.5", "+1.25"] {
            assert!(plain_number(s), "{s}");
        }
        for s in [
            "-", "+", "-2+3", "+86 138", "-1.2.3", "=1", "-A1", "@SUM(A1)",
        ] {
            assert!(!plain_number(s), "{s}");
        }
    }
}
