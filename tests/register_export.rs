//! The exported .xlsx's rows are written by hand into the workbook rust_xlsxwriter makes
//! around them (src/register/file/answers.rs), for speed. These tests hold them to what
//! rust_xlsxwriter itself writes for the same cells: both workbooks read back by calamine and
//! by LibreOffice Calc cell for cell, with the texts that need escaping (control characters, a
//! literal `_x0041_`, `&<>`, edge spaces, U+FFFE), numbers, dates, blank and error rows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use calamine::Data;
use chrono::NaiveDate;
use fuzhu::register::{self, file, Cell, Out, Register};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/register")
        .join(name)
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("export")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Texts that rust_xlsxwriter escapes, or keeps spaces of, in a cell.
const AWKWARD: [&str; 14] = [
    "a\u{1}b\u{8}c\u{b}d\u{1f}e",
    "_x0041_",
    "_x0041_x0042_",
    "__x00_ and _xABCG_ and _x12345",
    "前_x00ff_后",
    "&amp; <b> \"quoted\" 'single'",
    " leading space",
    "trailing space ",
    "\ttab first",
    "newline last\n",
    "line one\nline two\ttab",
    "non-characters \u{fffe} and \u{ffff} and \u{fffd}",
    "𠀀 astral, 中文，émoji 😀",
    "x\u{0}y\r\n",
];

/// The fixture register with awkward texts, numbers and dates in two new columns, a blank
/// row and a row whose ID number does not pass its check.
fn awkward_register() -> Register {
    let text = std::fs::read_to_string(fixture("register-utf8.csv")).unwrap();
    let mut rows = file::read_csv(text.as_bytes()).unwrap();
    let width = rows[0].len();
    for (k, row) in rows.iter_mut().enumerate() {
        row.resize(width, Cell::Empty);
        if k == 0 {
            row.push(Cell::Text("附注".into()));
            row.push(Cell::Text("附数".into()));
            row.push(Cell::Text("附日".into()));
            continue;
        }
        row.push(Cell::Text(AWKWARD[k % AWKWARD.len()].into()));
        row.push(match k % 4 {
            0 => Cell::Number(1234.5),
            1 => Cell::Number(-0.000_125),
            2 => Cell::Number(1e21),
            _ => Cell::Number(f64::NAN),
        });
        row.push(Cell::Date(
            NaiveDate::from_ymd_opt(1900 + k as i32 * 7, 1 + k as u32 % 12, 1 + k as u32 % 28)
                .unwrap(),
        ));
    }
    // More rows than there are awkward texts, so every text lands in a row.
    while rows.len() < AWKWARD.len() + 3 {
        let again = rows[1 + rows.len() % (rows.len() - 1)].clone();
        let k = rows.len();
        let mut again = again;
        let n = again.len();
        again[n - 3] = Cell::Text(AWKWARD[k % AWKWARD.len()].into());
        rows.push(again);
    }
    let n = rows.len();
    rows.insert(n / 2, vec![Cell::Empty; width + 3]);
    // An ID number that fails its check: an error row.
    let id = rows[0]
        .iter()
        .position(|h| matches!(h, Cell::Text(t) if t.contains("女方身份证号")))
        .unwrap();
    rows[2][id] = Cell::Text("410299197003150023".into());
    register::check(rows, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()).unwrap()
}

/// The answers written cell by cell through rust_xlsxwriter, as the export wrote them before.
fn reference(reg: &Register) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("核查结果").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in reg.output_headers().iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for i in 0..reg.rows.len() {
        let r = (i + 1) as u32;
        for (c, cell) in reg.output_row(i).iter().enumerate() {
            let c = c as u16;
            match cell {
                Out::Empty => {}
                Out::Text(t) => {
                    ws.write_string(r, c, t.as_ref()).unwrap();
                }
                Out::Number(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                Out::Date(d) => {
                    use chrono::Datelike;
                    let d =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .unwrap();
                    ws.write_datetime_with_format(r, c, d, &date).unwrap();
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn the_rows_written_by_hand_read_back_in_calamine_as_rust_xlsxwriter_writes_them() {
    let reg = awkward_register();
    assert!(reg.rows.iter().any(|r| r.error.is_some()), "an error row");
    let ours = common::export_sheet(&file::xlsx(&reg).unwrap());
    let theirs = common::export_sheet(&reference(&reg));
    assert_eq!(ours.start(), theirs.start());
    assert_eq!(ours.end(), theirs.end());
    let mut dates = 0;
    let mut texts = 0;
    for (r, (a, b)) in ours.rows().zip(theirs.rows()).enumerate() {
        for (c, (x, y)) in a.iter().zip(b).enumerate() {
            assert_eq!(x, y, "row {} column {}", r + 1, file::column_name(c as u32));
            dates += matches!(x, Data::DateTime(_)) as usize;
            texts += matches!(x, Data::String(s) if AWKWARD.contains(&s.as_str())) as usize;
        }
    }
    assert!(
        dates >= reg.rows.len(),
        "every row's 判断日期 is a date cell"
    );
    assert!(texts >= AWKWARD.len(), "every awkward text came back whole");
}

#[test]
fn the_rows_written_by_hand_open_in_libreoffice_as_rust_xlsxwriter_writes_them() {
    let Some(soffice) = common::soffice() else {
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed; scripts/setup.sh installs libreoffice-calc-nogui");
        return;
    };
    let reg = awkward_register();
    let dir = scratch("lo");
    std::fs::write(dir.join("ours.xlsx"), file::xlsx(&reg).unwrap()).unwrap();
    std::fs::write(dir.join("theirs.xlsx"), reference(&reg)).unwrap();
    let done = common::libreoffice_csv(&soffice, &dir, &["ours.xlsx", "theirs.xlsx"]);
    assert!(done.status.success(), "{done:?}");
    let ours = std::fs::read_to_string(dir.join("ours.csv")).unwrap();
    let theirs = std::fs::read_to_string(dir.join("theirs.csv")).unwrap();
    assert!(ours.lines().count() > reg.rows.len(), "{ours}");
    for (k, (a, b)) in ours.lines().zip(theirs.lines()).enumerate() {
        assert_eq!(a, b, "line {}", k + 1);
    }
    assert_eq!(ours.lines().count(), theirs.lines().count());
    assert!(ours.contains("_x0041_"), "a literal _x0041_ stays literal");
}

#[test]
fn the_exported_workbook_keeps_its_frame_filters_frozen_header_and_date_style() {
    let reg = awkward_register();
    let bytes = file::xlsx(&reg).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    let last = file::column_name(reg.output_headers().len() as u32 - 1);
    let n = reg.rows.len() + 1;
    assert!(
        xml.contains(&format!("<dimension ref=\"A1:{last}{n}\"/>")),
        "{}",
        &xml[..400]
    );
    assert!(xml.contains(&format!("<autoFilter ref=\"A1:{last}{n}\"/>")));
    assert!(xml.contains("<pane ySplit=\"1\""));
    assert_eq!(xml.matches("<sheetData>").count(), 1);
    assert_eq!(xml.matches("</sheetData>").count(), 1);
    // Rows in order, each once.
    let rows: Vec<usize> = xml
        .match_indices("<row r=\"")
        .map(|(at, _)| {
            let rest = &xml[at + 8..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    assert_eq!(rows[0], 1);
    assert_eq!(*rows.last().unwrap(), n);
}

#[test]
fn an_empty_register_exports_its_header_alone() {
    let text = std::fs::read_to_string(fixture("register-utf8.csv")).unwrap();
    let mut rows = file::read_csv(text.as_bytes()).unwrap();
    rows.truncate(1);
    let reg = register::check(rows, NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()).unwrap();
    let got = common::export_sheet(&file::xlsx(&reg).unwrap());
    assert_eq!(got.height(), 1);
    let header = common::header_of(&got);
    assert_eq!(header, reg.output_headers());
}
