//! Hostile bytes for the register's spreadsheet reader (issue 18): the fixtures of
//! tests/register, made by LibreOffice, with bytes changed, cut short or spliced, read as
//! .xlsx, .xls, .ods and .csv. `file::read_bytes` must answer or refuse with a message; it
//! must never panic or ask for memory past docs/register.md's limits (an allocation failure
//! aborts this test binary). The gate runs a bounded number of cases per format
//! (`PROPTEST_CASES`, else 500: each case reads a file four ways); the long coverage-guided run is the cargo-fuzz target
//! `fuzz/fuzz_targets/register_file.rs` (docs/quality.md).
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
