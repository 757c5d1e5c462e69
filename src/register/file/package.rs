//! A zipped workbook (.xlsx, .ods) checked before calamine opens it: calamine inflates each
//! part it reads in full (the shared strings, the styles) or through quick-xml, whose buffer
//! grows to the longest text or tag, and it reserves what `uniqueCount` declares. So every
//! part is inflated here once, in 64 KiB steps and into nothing, counting: its bytes (a limit
//! per part and for the whole file), its longest stretch without `<` or `>` (what quick-xml
//! would hold at once), and, for the shared strings, whether the declared count could fit in
//! the part at all. A file past a limit is refused with the limit named; nothing it declares
//! is allocated here.

use std::io::{Cursor, Read};

use super::super::FileError;
use super::{too_large, LIMITS};

/// What the check learnt: nothing needed later but that the file is within the limits.
pub fn check(bytes: &[u8]) -> Result<(), FileError> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // Not a zip calamine could open either; it says why.
        return Ok(());
    };
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let shared = name.to_ascii_lowercase().ends_with("sharedstrings.xml");
        let limit = if shared {
            LIMITS.shared_strings_bytes
        } else {
            LIMITS.part_bytes
        };
        let mut size: u64 = 0;
        let mut run: u64 = 0;
        let mut head: Vec<u8> = Vec::new();
        loop {
            let n = match part.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                // A damaged part: calamine reports it when it reads it.
                Err(_) => break,
            };
            let chunk = &buf[..n];
            size += n as u64;
            total += n as u64;
            if size > limit {
                return Err(too_large(
                    &format!("文件里的“{name}”解压后超过{}MB", limit >> 20),
                    &format!("the part “{name}” inflates to more than {} MB", limit >> 20),
                ));
            }
            if total > LIMITS.workbook_bytes {
                return Err(too_large(
                    &format!("文件解压后超过{}MB", LIMITS.workbook_bytes >> 20),
                    &format!(
                        "the file inflates to more than {} MB",
                        LIMITS.workbook_bytes >> 20
                    ),
                ));
            }
            if shared && head.len() < 4096 {
                let take = (4096 - head.len()).min(chunk.len());
                head.extend_from_slice(&chunk[..take]);
            }
            let mut rest = chunk;
            while let Some(at) = memchr::memchr2(b'<', b'>', rest) {
                run += at as u64;
                if run > LIMITS.token_bytes {
                    break;
                }
                run = 0;
                rest = &rest[at + 1..];
            }
            run += rest.len() as u64;
            if run > LIMITS.token_bytes {
                return Err(too_large(
                    &format!(
                        "文件里的“{name}”有一段超过{}MB的文字或标记",
                        LIMITS.token_bytes >> 20
                    ),
                    &format!(
                        "the part “{name}” holds a text or tag longer than {} MB",
                        LIMITS.token_bytes >> 20
                    ),
                ));
            }
        }
        if shared {
            // `<si/>` is the shortest string the part can hold: five bytes.
            let fits = size / 5 + 16;
            if let Some(declared) = unique_count(&head).filter(|&d| d > fits) {
                return Err(FileError::new(
                    format!(
                        "文件已损坏：共享字符串表声称有{declared}个字符串，但它的大小最多只装得下{fits}个；请用表格软件打开后另存为.xlsx再试"
                    ),
                    format!(
                        "the file is damaged: its shared strings claim {declared} strings, but the part can hold at most {fits}; open it in a spreadsheet program and save it as .xlsx"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The `uniqueCount` the shared strings' `<sst>` tag declares (saturating).
fn unique_count(head: &[u8]) -> Option<u64> {
    let key = b"uniqueCount=";
    let at = memchr::memmem::find(head, key)? + key.len();
    let digits = head[at..]
        .iter()
        .skip(1)
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        });
    Some(digits)
}

/// An .ods sheet's extent, first to last cell with something in it, checked before calamine
/// builds it as a dense range (it caps repeat counts, but at 100 million cells): each table's
/// rows and cells are counted with their repeat attributes, streaming, nothing stored.
pub fn check_ods(bytes: &[u8]) -> Result<(), FileError> {
    use quick_xml::events::{BytesStart, Event};
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    // Read as leniently as calamine reads it (ods.rs), so that no part it reads is one this
    // count stopped before: a file whose end tags do not match is counted, not waved through.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    let repeat = |e: &BytesStart<'_>, key: &str| -> u64 {
        e.try_get_attribute(key)
            .ok()
            .flatten()
            .and_then(|a| a.value.parse::<u64>().ok())
            .unwrap_or(1)
            .clamp(1, u64::from(u32::MAX))
    };
    // The table's name, its next row, the current row's repeat, next column, whether the row
    // holds something, and the extent (first row, last row, first column, last column).
    let mut table = String::new();
    let (mut row, mut rows_here, mut col, mut filled) = (0u64, 1u64, 0u64, false);
    let mut extent: Option<(u64, u64, u64, u64)> = None;
    let check = |table: &str, e: Option<(u64, u64, u64, u64)>| -> Result<(), FileError> {
        if let Some((r0, r1, c0, c1)) = e {
            let cells = (r1 - r0 + 1).saturating_mul(c1 - c0 + 1);
            if cells > LIMITS.cells as u64 {
                return Err(too_large(
                    &format!(
                        "工作表“{table}”从第{}行到第{}行、第{}列到第{}列，共{cells}个单元格，超过{}万个",
                        r0 + 1,
                        r1 + 1,
                        c0 + 1,
                        c1 + 1,
                        LIMITS.cells / 10_000
                    ),
                    &format!(
                        "the sheet “{table}” spans rows {} to {} and columns {} to {}, {cells} cells, past {}",
                        r0 + 1,
                        r1 + 1,
                        c0 + 1,
                        c1 + 1,
                        LIMITS.cells
                    ),
                ));
            }
        }
        Ok(())
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (e, empty) = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                if e.local_name().as_ref() == "table-row" {
                    if filled {
                        let last = row + rows_here - 1;
                        extent = extent.map(|(a, b, c, d)| (a.min(row), b.max(last), c, d));
                    }
                    row = row.saturating_add(rows_here);
                }
                continue;
            }
            Ok(Event::Eof) => break,
            // What cannot be read to its end here is not handed to calamine, whose dense
            // range could be built from the part before the damage.
            Err(e) => {
                let at = xml.error_position();
                return Err(FileError::new(
                    format!(
                        "文件已损坏：表格内容（content.xml）第{at}字节处无法读取；请用表格软件打开后另存为.xlsx再试"
                    ),
                    format!(
                        "the file is damaged: its content (content.xml) cannot be read at byte {at} ({e}); open it in a spreadsheet program and save it as .xlsx"
                    ),
                ));
            }
            Ok(_) => continue,
        };
        match e.local_name().as_ref() {
            "table" => {
                check(&table, extent.take())?;
                table = e
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                row = 0;
            }
            "table-row" => {
                rows_here = repeat(&e, "table:number-rows-repeated");
                col = 0;
                filled = false;
                if empty {
                    row = row.saturating_add(rows_here);
                }
            }
            "table-cell" | "covered-table-cell" => {
                let n = repeat(&e, "table:number-columns-repeated");
                let has = !empty
                    || e.try_get_attribute("office:value-type")
                        .ok()
                        .flatten()
                        .is_some();
                if has {
                    let (c0, c1) = (col, col + n - 1);
                    filled = true;
                    extent = Some(match extent {
                        None => (row, row, c0, c1),
                        Some((a, b, c, d)) => (a.min(row), b.max(row), c.min(c0), d.max(c1)),
                    });
                }
                col = col.saturating_add(n);
            }
            _ => {}
        }
    }
    check(&table, extent)
}
