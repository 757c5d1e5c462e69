//! The answers' rows written straight into the sheet's XML, inside the workbook rust_xlsxwriter
//! made around them. rust_xlsxwriter writes everything else (the header, widths, filters,
//! frozen pane, styles, the 统计 and 变化 sheets); only the families' rows are poured here,
//! because writing them cell by cell through it took 2.1 s of a 100,000-row register's 5 s
//! (a string and a map entry per cell, then the XML), and issue 17 asks for the whole run
//! in a third of that (docs/benchmarks.md, docs/quality.md). Natively the XML is deflated on
//! a second thread while the next rows are written.
//!
//! The rows are written as rust_xlsxwriter writes them in its constant-memory mode: inline
//! strings escaped as it escapes them (`&<>`, control characters as `_xHHHH_`, a literal
//! `_xHHHH_` as `_x005F_xHHHH_`), numbers as Rust prints them, dates as Excel serials in the
//! date style it registered for the sheet. `tests/register_export.rs` reads both back.

use std::io::{self, Cursor, Read, Write};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, XlsxError};
use zip::write::SimpleFileOptions;
use zip::{DateTime, ZipArchive, ZipWriter};

/// The sheet rust_xlsxwriter writes first.
const SHEET: &str = "xl/worksheets/sheet1.xml";

/// Bytes of XML handed to the compressor at a time.
const CHUNK: usize = 256 * 1024;

/// Where the rows' XML goes, a chunk at a time.
type Sink<'a> = dyn FnMut(Vec<u8>) -> io::Result<()> + 'a;

/// Rows of cells, as XML, into a [`Sink`].
pub struct Rows<'a> {
    buf: Vec<u8>,
    sink: &'a mut Sink<'a>,
    columns: Vec<String>,
    date_style: u32,
    row: String,
    row_open: bool,
}

impl Rows<'_> {
    /// Starts spreadsheet row `r` (0-based, as rust_xlsxwriter counts). A row with no cell
    /// written leaves no `<row>` element, as in rust_xlsxwriter.
    pub fn start(&mut self, r: u32) {
        self.row.clear();
        let _ = std::fmt::Write::write_fmt(&mut self.row, format_args!("{}", r + 1));
        self.row_open = false;
    }

    fn cell_head(&mut self, col: usize) {
        if !self.row_open {
            self.buf.extend_from_slice(b"<row r=\"");
            self.buf.extend_from_slice(self.row.as_bytes());
            self.buf.extend_from_slice(b"\">");
            self.row_open = true;
        }
        self.buf.extend_from_slice(b"<c r=\"");
        self.buf.extend_from_slice(self.columns[col].as_bytes());
        self.buf.extend_from_slice(self.row.as_bytes());
        self.buf.push(b'"');
    }

    /// A text cell (empty text writes nothing).
    pub fn text(&mut self, col: usize, t: &str) {
        if t.is_empty() {
            return;
        }
        self.cell_head(col);
        let edge = ['\t', '\n', ' '];
        if t.starts_with(edge) || t.ends_with(edge) {
            self.buf
                .extend_from_slice(br#" t="inlineStr"><is><t xml:space="preserve">"#);
        } else {
            self.buf.extend_from_slice(br#" t="inlineStr"><is><t>"#);
        }
        escape(&mut self.buf, t);
        self.buf.extend_from_slice(b"</t></is></c>");
    }

    /// A number cell; what is not a number is written as text, as rust_xlsxwriter does.
    pub fn number(&mut self, col: usize, n: f64) {
        if n.is_nan() {
            return self.text(col, "NAN");
        }
        if n.is_infinite() {
            return self.text(col, if n > 0.0 { "INF" } else { "-INF" });
        }
        self.cell_head(col);
        let _ = write!(self.buf, "><v>{n}</v></c>");
    }

    /// A date cell, in the sheet's date style.
    pub fn date(&mut self, col: usize, d: NaiveDate) -> Result<(), XlsxError> {
        let serial =
            ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?.to_excel();
        self.cell_head(col);
        let _ = write!(self.buf, " s=\"{}\"><v>{serial}</v></c>", self.date_style);
        Ok(())
    }

    /// Ends the row; hands a full chunk to the sink.
    pub fn end(&mut self) -> Result<(), XlsxError> {
        if self.row_open {
            self.buf.extend_from_slice(b"</row>");
            self.row_open = false;
        }
        if self.buf.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), XlsxError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK + CHUNK / 4));
        (self.sink)(chunk).map_err(XlsxError::IoError)
    }
}

/// Which bytes need more than copying: `& < >`, control characters, `_` (a literal
/// `_xHHHH_`) and 0xEF (U+FFFE and U+FFFF start with it).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\t' as usize && b != b'\n' as usize;
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'_' as usize] = true;
    t[0xEF] = true;
    t
};

/// Text as rust_xlsxwriter escapes it in a cell: a literal `_xHHHH_` gets `_x005F` before
/// it (so Excel does not read it as an escape), then `&<>` as entities, control characters
/// other than tab and newline as `_x00HH_`, and the non-characters U+FFFE/U+FFFF as
/// `_xFFFE_`/`_xFFFF_`.
fn escape(out: &mut Vec<u8>, t: &str) {
    let b = t.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if !SPECIAL[c as usize] {
            i += 1;
            continue;
        }
        out.extend_from_slice(&b[from..i]);
        let mut step = 1;
        match c {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'_' => {
                let escape_like = b.len() >= i + 7
                    && b[i + 1] == b'x'
                    && b[i + 2..i + 6].iter().all(u8::is_ascii_hexdigit)
                    && b[i + 6] == b'_';
                if escape_like {
                    out.extend_from_slice(b"_x005F");
                }
                out.push(b'_');
            }
            0xEF if b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)) => {
                out.extend_from_slice(if b[i + 2] == 0xBE {
                    b"_xFFFE_"
                } else {
                    b"_xFFFF_"
                });
                step = 3;
            }
            0xEF => out.push(c),
            _ => {
                let hex = b"0123456789ABCDEF";
                out.extend_from_slice(b"_x00");
                out.push(hex[(c >> 4) as usize]);
                out.push(hex[(c & 15) as usize]);
                out.push(b'_');
            }
        }
        i += step;
        from = i;
    }
    out.extend_from_slice(&b[from..]);
}

/// The workbook `frame` with rows poured into its first sheet after its header row:
/// `write` writes them, `last` is the sheet's last row and column (0-based) for its
/// `<dimension>`, and `date_column` a column rust_xlsxwriter gave the date style.
pub fn pour(
    frame: &[u8],
    last: (u32, u16),
    date_column: u16,
    write: impl FnOnce(&mut Rows<'_>) -> Result<(), XlsxError>,
) -> Result<Vec<u8>, XlsxError> {
    let mut write = Some(write);
    let mut archive = ZipArchive::new(Cursor::new(frame))?;
    // The zip writer rust_xlsxwriter itself uses (`save_to_buffer`), with its options: the
    // same code in the office page's wasm, not a second copy of it (docs/quality.md).
    let mut out = Vec::with_capacity(frame.len() * 4);
    let mut zip = ZipWriter::new_stream(Cursor::new(&mut out));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .unix_permissions(0o600)
        .last_modified_time(DateTime::default())
        .large_file(false);
    let mut part = Vec::new();
    for i in 0..archive.len() {
        part.clear();
        let name = {
            let mut file = archive.by_index(i)?;
            file.read_to_end(&mut part)?;
            file.name()?.into_owned()
        };
        zip.start_file(name.as_str(), options)?;
        if name != SHEET {
            // The workbook's other parts are a few KB: written again as they were.
            zip.write_all(&part)?;
            continue;
        }
        let Some(write) = write.take() else {
            zip.write_all(&part)?;
            continue;
        };
        let xml = std::str::from_utf8(&part)
            .map_err(|_| XlsxError::IoError(io::Error::other("the sheet's frame is not UTF-8")))?;
        let (head, tail) = split(xml, last)?;
        let date_style = style_of(xml, date_column).ok_or_else(|| {
            XlsxError::IoError(io::Error::other("the sheet's frame has no date style"))
        })?;
        zip.write_all(head.as_bytes())?;
        let columns = (0..=u32::from(last.1)).map(super::column_name).collect();
        beside(&mut zip, |sink| {
            let mut rows = Rows {
                buf: Vec::with_capacity(CHUNK + CHUNK / 4),
                sink,
                columns,
                date_style,
                row: String::new(),
                row_open: false,
            };
            write(&mut rows)?;
            rows.flush()
        })?;
        zip.write_all(tail.as_bytes())?;
    }
    if write.is_some() {
        return Err(XlsxError::IoError(io::Error::other(
            "the workbook's frame has no first sheet",
        )));
    }
    zip.finish()?;
    Ok(out)
}

/// Runs `produce` with a sink into the zip entry being written: natively the chunks are
/// deflated on a second thread while the next are made; the browser's worker has one.
#[cfg(not(target_arch = "wasm32"))]
fn beside<W: Write + Send>(
    zip: &mut W,
    produce: impl FnOnce(&mut Sink<'_>) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    std::thread::scope(|s| {
        let deflate = s.spawn(move || -> io::Result<()> {
            for chunk in rx {
                zip.write_all(&chunk)?;
            }
            Ok(())
        });
        let mut send = move |chunk: Vec<u8>| {
            tx.send(chunk)
                .map_err(|_| io::Error::other("the compressing thread stopped"))
        };
        let made = produce(&mut send);
        drop(send);
        let deflated = deflate
            .join()
            .map_err(|_| XlsxError::IoError(io::Error::other("the compressing thread failed")))?;
        // The compressor's own error says more than the send that failed because of it.
        deflated.map_err(XlsxError::IoError)?;
        made
    })
}

#[cfg(target_arch = "wasm32")]
fn beside<W: Write>(
    zip: &mut W,
    produce: impl FnOnce(&mut Sink<'_>) -> Result<(), XlsxError>,
) -> Result<(), XlsxError> {
    produce(&mut |chunk: Vec<u8>| zip.write_all(&chunk))
}

/// The sheet's XML before and after where the rows go (after the header's row, before
/// `</sheetData>`; the header row is always there), its `<dimension>` set to the rows poured.
fn split(xml: &str, last: (u32, u16)) -> Result<(String, &str), XlsxError> {
    let at = xml.find("</sheetData>").ok_or_else(|| {
        XlsxError::IoError(io::Error::other("the sheet's frame has no sheetData"))
    })?;
    let (mut head, tail) = (xml[..at].to_string(), &xml[at..]);
    if let Some(from) = head.find("<dimension ") {
        if let Some(len) = head[from..].find("/>") {
            let dimension = format!(
                "<dimension ref=\"A1:{}{}\"/>",
                super::column_name(u32::from(last.1)),
                last.0 + 1
            );
            head.replace_range(from..from + len + 2, &dimension);
        }
    }
    Ok((head, tail))
}

/// The style (`s`) of the `<col>` element that covers column `col` (0-based), if it has one:
/// read from rust_xlsxwriter's own `<cols>`, one element a line of attributes `name="value"`.
fn style_of(xml: &str, col: u16) -> Option<u32> {
    let want = u32::from(col) + 1;
    let cols = &xml[..xml.find("<sheetData")?];
    cols.split("<col ").skip(1).find_map(|element| {
        let element = &element[..element.find("/>")?];
        let attribute = |name: &str| -> Option<u32> {
            element.split(' ').find_map(|pair| {
                pair.strip_prefix(name)?
                    .strip_prefix("=\"")?
                    .strip_suffix('"')?
                    .parse()
                    .ok()
            })
        };
        let (min, max) = (attribute("min")?, attribute("max")?);
        (min..=max)
            .contains(&want)
            .then(|| attribute("style"))
            .flatten()
            .filter(|s| *s > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::{escape, style_of};

    #[test]
    fn the_date_style_is_read_from_the_col_element_that_covers_the_column() {
        let xml = r#"<sheetView/><cols><col min="1" max="3" width="9.5" style="2" customWidth="1"/><col min="4" max="4" width="12" customWidth="1"/><col min="5" max="5" style="7"/></cols><sheetData><row r="1"><c r="A1" s="9"/></row></sheetData>"#;
        assert_eq!(style_of(xml, 0), Some(2));
        assert_eq!(style_of(xml, 2), Some(2));
        assert_eq!(style_of(xml, 3), None, "a column with a width and no style");
        assert_eq!(style_of(xml, 4), Some(7));
        assert_eq!(style_of(xml, 5), None, "past the last col element");
    }

    fn escaped(t: &str) -> String {
        let mut out = Vec::new();
        escape(&mut out, t);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_text_and_chinese_are_copied_as_they_are() {
        assert_eq!(
            escaped("王某某 四级 \"引号\" 'x'"),
            "王某某 四级 \"引号\" 'x'"
        );
    }

    #[test]
    fn ampersands_and_angle_brackets_become_entities() {
        assert_eq!(escaped("a&b<c>d"), "a&amp;b&lt;c&gt;d");
    }

    #[test]
    fn control_characters_but_tab_and_newline_become_x_escapes() {
        assert_eq!(
            escaped("\u{0}\u{1}\t\n\r\u{1f}"),
            "_x0000__x0001_\t\n_x000D__x001F_"
        );
    }

    #[test]
    fn a_literal_x_escape_is_kept_literal_and_a_near_miss_left_alone() {
        assert_eq!(escaped("_x0041_"), "_x005F_x0041_");
        assert_eq!(escaped("_x0041_x0042_"), "_x005F_x0041_x005F_x0042_");
        assert_eq!(escaped("_x004G_ _x004 _x0041"), "_x004G_ _x004 _x0041");
        assert_eq!(escaped("_X0041_"), "_X0041_");
    }

    #[test]
    fn the_two_non_characters_are_escaped_and_their_neighbours_are_not() {
        assert_eq!(
            escaped("\u{fffe}\u{ffff}\u{fffd}\u{f000}"),
            "_xFFFE__xFFFF_\u{fffd}\u{f000}"
        );
    }
}
