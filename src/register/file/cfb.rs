//! An .xls file (a Compound File Binary: sectors chained through a table, the FAT) checked
//! before calamine opens it. calamine follows a chain until it ends, so a FAT that points a
//! sector at itself grows one buffer without end (a 7.5 KB file asked for 2 GB); it indexes
//! its tables with the ids it finds; and it reserves what the sheet's DIMENSIONS record
//! declares, then builds a dense range from the first cell to the last. So here the tables
//! are read from the file's own bytes: every chain must end within the file, every id must
//! be in its table, and each sheet's declared and real extent must fit in [`LIMITS`].

use super::super::FileError;
use super::{column_name, too_large, LIMITS};

/// Ids from here up are markers (free, end of chain, FAT or DIFAT sector), not pointers.
const MAXREGSECT: u32 = 0xFFFF_FFFA;

fn damaged(what: &str, what_en: &str) -> FileError {
    FileError::new(
        format!("无法读取这个.xls文件：文件已损坏（{what}）；请用表格软件打开后另存为.xlsx再试"),
        format!("cannot read this .xls file: it is damaged ({what_en}); open it in a spreadsheet program and save it as .xlsx"),
    )
}

/// A sector of the file's tables ends with the file, part of it missing: calamine reads its
/// ids four bytes at a time and stops the program on the rest.
fn cut_short() -> FileError {
    damaged("扇区表被截断", "a sector table is cut short")
}

fn u16_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 2)
        .map_or(0, |s| u32::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

struct File<'a> {
    bytes: &'a [u8],
    size: usize,
}

impl File<'_> {
    fn sector(&self, id: u32) -> &[u8] {
        let start = (id as usize + 1).saturating_mul(self.size);
        let end = start.saturating_add(self.size).min(self.bytes.len());
        self.bytes.get(start..end).unwrap_or(&[])
    }

    fn sectors(&self) -> usize {
        self.bytes
            .len()
            .saturating_sub(self.size)
            .div_ceil(self.size)
    }
}

/// Follows the chain from `start` in `table`, which `acyclic` has checked: the ids in order.
fn chain(table: &[u32], start: u32) -> Vec<u32> {
    let mut ids = Vec::new();
    let mut id = start;
    while id < MAXREGSECT && (id as usize) < table.len() && ids.len() <= table.len() {
        ids.push(id);
        id = table[id as usize];
    }
    ids
}

/// Whether every chain in `table` ends, every pointer staying inside it.
fn acyclic(table: &[u32]) -> Result<(), (&'static str, &'static str)> {
    // 0 unseen, 1 on the path being followed, 2 known to end.
    let mut state = vec![0u8; table.len()];
    let mut path = Vec::new();
    for s in 0..table.len() {
        let mut id = s;
        while state[id] == 0 {
            state[id] = 1;
            path.push(id);
            let next = table[id];
            if next >= MAXREGSECT {
                break;
            }
            if next as usize >= table.len() {
                return Err((
                    "扇区链指向文件之外",
                    "a sector chain points outside the file",
                ));
            }
            id = next as usize;
            if state[id] == 1 {
                return Err((
                    "扇区链首尾相连，成了一个环",
                    "a sector chain loops back on itself",
                ));
            }
        }
        for p in path.drain(..) {
            state[p] = 2;
        }
    }
    Ok(())
}

fn start_ok(table: &[u32], start: u32) -> bool {
    start >= MAXREGSECT || (start as usize) < table.len()
}

/// Checks the file's sector tables, then each sheet's extent.
pub fn check(bytes: &[u8]) -> Result<(), FileError> {
    if bytes.len() < 512 {
        return Ok(()); // calamine says it is too short
    }
    let size = match u16_at(bytes, 30) {
        9 => 512,
        12 => 4096,
        _ => return Ok(()), // calamine names the bad sector shift
    };
    let f = File { bytes, size };
    let n = f.sectors();
    // The DIFAT: 109 FAT sector ids in the header, then a chain of DIFAT sectors.
    let mut fat_ids: Vec<u32> = (0..109).map(|k| u32_at(bytes, 76 + 4 * k)).collect();
    let mut next = u32_at(bytes, 68);
    let mut seen = 0;
    while next < MAXREGSECT {
        seen += 1;
        if seen > n || next as usize >= n {
            return Err(damaged(
                "主扇区分配表的链超出了文件",
                "the DIFAT chain runs past the file",
            ));
        }
        let s = f.sector(next);
        if s.len() != size {
            return Err(cut_short());
        }
        let per = size / 4 - 1;
        fat_ids.extend((0..per).map(|k| u32_at(s, 4 * k)));
        next = u32_at(s, 4 * per);
    }
    let mut fat = Vec::new();
    for id in fat_ids.into_iter().filter(|&id| id < MAXREGSECT) {
        if id as usize >= n {
            return Err(damaged(
                "扇区分配表在文件之外",
                "a FAT sector lies outside the file",
            ));
        }
        let s = f.sector(id);
        if s.len() != size {
            return Err(cut_short());
        }
        fat.extend((0..s.len() / 4).map(|k| u32_at(s, 4 * k)));
    }
    fat.truncate(n.max(1));
    acyclic(&fat).map_err(|(zh, en)| damaged(zh, en))?;
    let dir_start = u32_at(bytes, 48);
    let mini_fat_start = u32_at(bytes, 60);
    if !start_ok(&fat, dir_start) || !start_ok(&fat, mini_fat_start) {
        return Err(damaged(
            "目录或小扇区表的起点在文件之外",
            "the directory or the mini FAT starts outside the file",
        ));
    }
    let read = |start: u32| -> Vec<u8> {
        chain(&fat, start)
            .into_iter()
            .flat_map(|id| f.sector(id).iter().copied())
            .collect()
    };
    // calamine reads the mini FAT's declared number of sectors, each as 32-bit ids.
    let mini_fat_sectors = u32_at(bytes, 64) as usize;
    if chain(&fat, mini_fat_start)
        .into_iter()
        .take(mini_fat_sectors)
        .any(|id| f.sector(id).len() != size)
    {
        return Err(cut_short());
    }
    let mini_fat: Vec<u32> = {
        let b = read(mini_fat_start);
        (0..b.len() / 4).map(|k| u32_at(&b, 4 * k)).collect()
    };
    acyclic(&mini_fat).map_err(|(zh, en)| damaged(zh, en))?;
    let dirs = read(dir_start);
    let mut workbook = None;
    let mut root_stream = None;
    for (k, d) in dirs.chunks_exact(128).enumerate() {
        let kind = d[66];
        if kind != 2 && kind != 5 {
            continue;
        }
        let start = u32_at(d, 116);
        let len = u64::from(u32_at(d, 120)) | (u64::from(u32_at(d, 124)) << 32);
        let len = if size == 512 { len & 0xFFFF_FFFF } else { len };
        if len > u64::from(u32::MAX) {
            return Err(damaged(
                "一个数据流声称的长度超过4GB",
                "a stream claims more than 4 GB",
            ));
        }
        // The root entry (first) holds the mini stream, in regular sectors.
        let table = if k > 0 && len < 4096 { &mini_fat } else { &fat };
        if !start_ok(table, start) {
            return Err(damaged(
                "一个数据流的起点在文件之外",
                "a stream starts outside the file",
            ));
        }
        let name: Vec<u16> = (0..32)
            .map(|i| u16_at(d, 2 * i) as u16)
            .take_while(|&c| c != 0)
            .collect();
        let name = String::from_utf16_lossy(&name);
        if k == 0 {
            root_stream = Some(start);
        } else if name.eq_ignore_ascii_case("Workbook")
            || (workbook.is_none() && name.eq_ignore_ascii_case("Book"))
        {
            workbook = Some((start, len as usize));
        }
    }
    if let Some((start, len)) = workbook {
        let mut stream = if len < 4096 {
            // In the mini stream: 64-byte sectors inside the root entry's stream.
            let mini = root_stream.map(read).unwrap_or_default();
            chain(&mini_fat, start)
                .into_iter()
                .flat_map(|id| {
                    let at = (id as usize).saturating_mul(64);
                    mini.get(at..(at + 64).min(mini.len()))
                        .unwrap_or(&[])
                        .iter()
                        .copied()
                })
                .collect()
        } else {
            read(start)
        };
        stream.truncate(len);
        sheets(&stream)?;
    }
    Ok(())
}

/// calamine's BIFF version from a BOF record, as it reads one: true for BIFF8 (Excel 97 on).
fn biff8(bof: &[u8]) -> bool {
    match u16_at(bof, 0) {
        0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => false,
        0 => u16_at(bof, 2) != 0x1000,
        _ => true,
    }
}

/// The records of a stream from its start: (type, data), as calamine's record reader cuts
/// them; a record that runs past the stream ends it (calamine then refuses the file).
fn records(s: &[u8]) -> impl Iterator<Item = (u32, &[u8])> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let len = u16_at(s, at + 2) as usize;
        let r = s.get(at + 4..at + 4 + len)?;
        let typ = u16_at(s, at);
        at += 4 + len;
        Some((typ, r))
    })
}

fn short_record(what: &str, what_en: &str) -> FileError {
    damaged(
        &format!("{what}记录太短"),
        &format!("a {what_en} record is too short"),
    )
}

/// Checks the workbook stream where calamine reads it without checking: the fixed fields
/// of the workbook's own records (calamine 0.38 slices them unchecked, so a short one would
/// stop the program), then each sheet from where its BOUNDSHEET record says it starts, for
/// its records and its extent. A damaged record is refused here, in words.
fn sheets(s: &[u8]) -> Result<(), FileError> {
    let mut starts = Vec::new();
    let mut is_biff8 = true;
    for (typ, r) in records(s) {
        match typ {
            // EOF: the workbook's own records end.
            0x000A => break,
            // BOF: the file's BIFF version.
            0x0809 if r.len() < 2 => return Err(short_record("开头（BOF）", "BOF")),
            0x0809 => is_biff8 = biff8(r),
            // FILEPASS, CODEPAGE, DATEMODE: one 16-bit field each.
            0x002F | 0x0042 | 0x0022 if r.len() < 2 => {
                return Err(short_record("工作簿设置", "workbook setting"))
            }
            // EXTERNSHEET (BIFF8): a count, then the references.
            0x0017 if is_biff8 && r.len() < 2 => {
                return Err(short_record("外部工作表（EXTERNSHEET）", "EXTERNSHEET"))
            }
            // BOUNDSHEET: where a sheet starts, its state and kind, then its name.
            0x0085 if r.len() < 6 => {
                return Err(short_record("工作表（BOUNDSHEET）", "BOUNDSHEET"))
            }
            0x0085 => {
                let start = u32_at(r, 0) as usize;
                if start > s.len() {
                    return Err(damaged(
                        "工作表的位置在文件之外",
                        "a sheet's position lies outside the file",
                    ));
                }
                starts.push(start);
            }
            // LBL: a defined name and the formula behind it.
            0x0018 if !name_ok(r, is_biff8) => {
                return Err(short_record("名称（LBL）", "LBL (defined name)"))
            }
            _ => {}
        }
    }
    for start in starts {
        sheet(&s[start..])?;
    }
    Ok(())
}

/// A defined name's record: its fixed fields (14 bytes), a formula that fits in it, and the
/// formula's first token as long as calamine reads it.
fn name_ok(r: &[u8], is_biff8: bool) -> bool {
    let cce = u16_at(r, 4) as usize;
    if r.len() < 14 || cce > r.len() {
        return false;
    }
    let rgce = &r[r.len() - cce..];
    let needs = match (rgce.first(), is_biff8) {
        (None, _) => 0,
        (Some(0x3a | 0x5a | 0x7a), true) => 7,
        (Some(0x3a | 0x5a | 0x7a), false) => 18,
        (Some(0x3b | 0x5b | 0x7b), true) => 11,
        (Some(0x3b | 0x5b | 0x7b), false) => 21,
        (Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d), true) => 3,
        (Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d), false) => 13,
        (Some(_), _) => 0,
    };
    rgce.len() >= needs
}

/// One sheet, read as calamine reads it: from its BOF to its EOF, skipping the substreams
/// nested in it (embedded charts). Its DIMENSIONS and its cells' real extent are checked
/// against the limits (calamine reserves the one and builds a dense range over the other),
/// and the records calamine slices without checking for their length.
fn sheet(s: &[u8]) -> Result<(), FileError> {
    // (first row, last row, first column, last column) of the cells.
    let mut extent: Option<(u32, u32, u32, u32)> = None;
    let mut cell = |row: u32, c0: u32, c1: u32| {
        extent = Some(match extent {
            None => (row, row, c0, c1),
            Some((a, b, c, d)) => (a.min(row), b.max(row), c.min(c0), d.max(c1)),
        });
    };
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, r) in records(s) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => dimensions(r)?,
            // Number, label, shared-string label, RK, bool/error, rich string.
            0x0203 | 0x0204 | 0x00FD | 0x027E | 0x0205 | 0x00D6 if r.len() >= 4 => {
                cell(u16_at(r, 0), u16_at(r, 2), u16_at(r, 2));
            }
            // FORMULA: calamine refuses one under 20 bytes, then reads the formula's length
            // after them and slices that much.
            0x0006 if r.len() >= 20 => {
                if r.len() < 22 || 22 + u16_at(r, 20) as usize > r.len() {
                    return Err(short_record("公式（FORMULA）", "FORMULA"));
                }
                cell(u16_at(r, 0), u16_at(r, 2), u16_at(r, 2));
            }
            // MULRK: several numbers in a row.
            0x00BD if r.len() >= 6 => {
                let last = u16_at(r, r.len() - 2);
                cell(u16_at(r, 0), u16_at(r, 2), last.max(u16_at(r, 2)));
            }
            // MERGECELLS: a count, then 8 bytes a merged range.
            0x00E5 if r.len() < 2 || r.len() < 2 + 8 * u16_at(r, 0) as usize => {
                return Err(short_record("合并单元格（MERGECELLS）", "MERGECELLS"));
            }
            _ => {}
        }
    }
    if let Some((r0, r1, c0, c1)) = extent {
        let cells = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
        if cells > LIMITS.cells as u64 {
            return Err(too_large(
                &format!(
                    "表格从{}{}到{}{}共{}个单元格，超过{}万个",
                    column_name(c0),
                    r0 + 1,
                    column_name(c1),
                    r1 + 1,
                    cells,
                    LIMITS.cells / 10_000
                ),
                &format!(
                    "the sheet spans {}{} to {}{}, {} cells, past {}",
                    column_name(c0),
                    r0 + 1,
                    column_name(c1),
                    r1 + 1,
                    cells,
                    LIMITS.cells
                ),
            ));
        }
    }
    Ok(())
}

/// A sheet's DIMENSIONS record, as calamine reads it: it reserves rows × columns from it, in
/// 32-bit arithmetic that wraps round when the last row comes before the first.
fn dimensions(r: &[u8]) -> Result<(), FileError> {
    let (r0, r1, c0, c1) = match r.len() {
        10 => (u16_at(r, 0), u16_at(r, 2), u16_at(r, 4), u16_at(r, 6)),
        14 | 16 => (u32_at(r, 0), u32_at(r, 4), u16_at(r, 8), u16_at(r, 10)),
        _ => return Ok(()), // calamine refuses the record
    };
    // calamine: a first column past 255 or after the last is taken as column A.
    let c0 = if c0 > 0xFF || c1 < c0 { 0 } else { c0 };
    if r1 == 0 || c1 == 0 {
        return Ok(()); // calamine takes one cell
    }
    if r0 > r1 {
        return Err(damaged(
            "工作表的范围（DIMENSIONS）首行在末行之后",
            "a sheet's DIMENSIONS end before they begin",
        ));
    }
    let rows = u64::from(r1 - r0);
    let cols = u64::from(c1 - c0);
    if rows.saturating_mul(cols) > LIMITS.cells as u64 {
        return Err(too_large(
            &format!(
                "工作表声称有{rows}行、{cols}列，超过{}万个单元格",
                LIMITS.cells / 10_000
            ),
            &format!(
                "a sheet declares {rows} rows and {cols} columns, past {} cells",
                LIMITS.cells
            ),
        ));
    }
    Ok(())
}
