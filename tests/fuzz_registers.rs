//! Hostile bytes for the register's spreadsheet reader (issue 18): the fixtures of
//! tests/register, made by LibreOffice, with bytes changed, cut short or spliced, read as
//! .xlsx, .xls, .ods and .csv. `file::read_bytes` must answer or refuse with a message; it
//! must never panic or ask for memory past docs/register.md's limits (an allocation failure
//! aborts this test binary). The gate runs a bounded number of cases per format
//! (`PROPTEST_CASES`, else 500: each case reads a file four ways). The coverage-guided target
//! `fuzz/fuzz_targets/register_file.rs` runs 60 s in `make test` and long by hand
//! (`scripts/fuzz.sh`, docs/quality.md 4c); the files it stopped on are tests here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use fuzhu::register::file;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/register")
            .join(name),
    )
    .unwrap()
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Change {
    /// Sets the byte at this share of the file.
    Set(f64, u8),
    /// Cuts the file at this share of its length.
    Cut(f64),
    /// Repeats a stretch (share, length) in place.
    Repeat(f64, usize),
    /// Writes a 32-bit number (a sector id, a count) at this share of the file.
    Word(f64, u32),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        4 => (0.0..1.0f64, any::<u8>()).prop_map(|(a, b)| Change::Set(a, b)),
        1 => (0.0..1.0f64).prop_map(Change::Cut),
        1 => (0.0..1.0f64, 1..64usize).prop_map(|(a, n)| Change::Repeat(a, n)),
        2 => (0.0..1.0f64, prop_oneof![Just(0u32), Just(1), Just(u32::MAX), Just(0xFFFF_FFFE), Just(0x7FFF_FFFF), any::<u32>()])
            .prop_map(|(a, w)| Change::Word(a, w)),
    ]
}

fn apply(mut b: Vec<u8>, changes: &[Change]) -> Vec<u8> {
    for c in changes {
        if b.is_empty() {
            break;
        }
        let at = |share: f64, len: usize| ((share * len as f64) as usize).min(len - 1);
        match *c {
            Change::Set(s, v) => {
                let i = at(s, b.len());
                b[i] = v;
            }
            Change::Cut(s) => b.truncate(at(s, b.len())),
            Change::Repeat(s, n) => {
                let i = at(s, b.len());
                let piece: Vec<u8> = b[i..(i + n).min(b.len())].to_vec();
                b.splice(i..i, piece);
            }
            Change::Word(s, w) => {
                let i = at(s, b.len());
                for (k, byte) in w.to_le_bytes().iter().enumerate() {
                    if let Some(x) = b.get_mut(i + k) {
                        *x = *byte;
                    }
                }
            }
        }
    }
    b
}

fn read_every_way(bytes: &[u8]) {
    for name in ["台账.xlsx", "台账.xls", "台账.ods", "台账.csv"] {
        if let Err(e) = file::read_bytes(bytes, name) {
            assert!(!e.zh.is_empty() && !e.en.is_empty());
        }
    }
}

/// Cases per format: `PROPTEST_CASES`, else 500.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    ProptestConfig {
        cases,
        ..common::proptest_config()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_changed_xlsx_is_read_or_refused(changes in proptest::collection::vec(change(), 1..6)) {
        read_every_way(&apply(fixture("register.xlsx"), &changes));
    }

    #[test]
    fn a_changed_xls_is_read_or_refused(changes in proptest::collection::vec(change(), 1..6)) {
        read_every_way(&apply(fixture("register.xls"), &changes));
    }

    #[test]
    fn a_changed_ods_is_read_or_refused(changes in proptest::collection::vec(change(), 1..6)) {
        read_every_way(&apply(fixture("register.ods"), &changes));
    }

    #[test]
    fn a_changed_csv_is_read_or_refused(changes in proptest::collection::vec(change(), 1..6)) {
        read_every_way(&apply(fixture("register-gbk.csv"), &changes));
    }
}

/// The inputs the coverage-guided target (fuzz/fuzz_targets/register_file.rs) stopped on,
/// kept in tests/register/fuzz/ (and so among its seeds): each is now read or refused with a
/// message, as every kind; an .xls among them is refused as damaged, in both languages.
#[test]
fn every_file_the_coverage_guided_fuzzer_stopped_on_is_read_or_refused_in_words() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/register/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        read_every_way(&bytes);
        if path.extension().is_some_and(|e| e == "xls") {
            let e = file::read_bytes(&bytes, "台账.xls").unwrap_err();
            assert!(
                e.zh.contains("已损坏") && e.en.contains("damaged"),
                "{path:?}: {e:?}"
            );
        }
        seen += 1;
    }
    assert!(seen >= 1, "no files in {dir:?}");
}

/// The offset of the first record of this type in an .xls file's bytes whose length fits the
/// test's `fits` (the fixtures' workbook stream lies whole in the file).
fn xls_record(bytes: &[u8], typ: u16, fits: impl Fn(&[u8]) -> bool) -> usize {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
    (0..bytes.len() - 4)
        .find(|&i| {
            let len = usize::from(u16_at(i + 2));
            u16_at(i) == typ && i + 4 + len <= bytes.len() && fits(&bytes[i + 4..i + 4 + len])
        })
        .unwrap_or_else(|| panic!("no record {typ:#06x}"))
}

#[test]
fn an_xls_whose_externsheet_record_is_empty_is_refused_as_damaged() {
    // The fuzzer's find (calamine 0.38 reads the count from an empty record and stops the
    // program), made from LibreOffice's register: its WRITEACCESS record (the author's name,
    // 112 bytes, which calamine skips) becomes an empty EXTERNSHEET and a shorter WRITEACCESS.
    let mut b = fixture("register.xls");
    let at = xls_record(&b, 0x005C, |r| r.len() >= 8);
    let len = usize::from(u16::from_le_bytes([b[at + 2], b[at + 3]]));
    b[at..at + 4].copy_from_slice(&[0x17, 0, 0, 0]);
    b[at + 4..at + 6].copy_from_slice(&0x005Cu16.to_le_bytes());
    b[at + 6..at + 8].copy_from_slice(&u16::try_from(len - 4).unwrap().to_le_bytes());
    let e = file::read_bytes(&b, "台账.xls").unwrap_err();
    assert!(
        e.zh.contains("EXTERNSHEET") && e.zh.contains("太短"),
        "{e:?}"
    );
    assert!(e.en.contains("damaged"), "{e:?}");
}

#[test]
fn an_xls_whose_dimensions_end_before_they_begin_is_refused_as_damaged() {
    // calamine reserves (last row − first row + 1) × columns in 32-bit arithmetic that wraps
    // round: a first row after the last asked for billions of cells.
    let mut b = fixture("register.xls");
    let at = xls_record(&b, 0x0200, |r| r.len() == 14);
    b[at + 4..at + 8].copy_from_slice(&65_536u32.to_le_bytes());
    let e = file::read_bytes(&b, "台账.xls").unwrap_err();
    assert!(e.zh.contains("首行在末行之后"), "{e:?}");
    assert!(e.en.contains("DIMENSIONS end before they begin"), "{e:?}");
}

#[test]
fn the_unchanged_xls_is_still_read_after_the_record_checks() {
    let sheets = file::read_bytes(&fixture("register.xls"), "台账.xls").unwrap();
    assert!(!sheets.is_empty() && sheets[0].1.len() > 1);
}
