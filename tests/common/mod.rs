//! Households the tests share, so each is written once, and LibreOffice reading back what
//! the register writes.

#![allow(dead_code)] // each test file uses some of these

#[cfg(target_arch = "wasm32")]
pub mod web;

use chrono::NaiveDate;
use fuzhu::flow::{AnswerValue, Answers, Birth, HukouHolders, Living};
use fuzhu::rules::{Area, ChildStatus, Residence, Scheme};

/// Proptest's settings for the fuzzing suites: `PROPTEST_CASES` cases per property (the long
/// runs in docs/quality.md), else 2,000 (CI).
#[cfg(not(target_arch = "wasm32"))]
pub fn proptest_config() -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    proptest::test_runner::Config {
        cases,
        ..Default::default()
    }
}

/// Every engine scenario's household (`tests/scenarios/*.json`), by file name, in name order.
#[cfg(not(target_arch = "wasm32"))]
pub fn scenario_households() -> Vec<(String, fuzhu::rules::Facts)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let facts = serde_json::from_value(v["household"].clone()).unwrap();
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                facts,
            )
        })
        .collect()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The answers after applying `values` in order.
pub fn answers(values: impl IntoIterator<Item = AnswerValue>) -> Answers {
    let mut a = Answers::default();
    for v in values {
        a.apply(v);
    }
    a
}

/// Every answer of a bereaved couple in their fifties (born 1972 and 1970), both registered
/// in Longting, in the resident schemes, no days in hospital, nothing else to tick.
pub fn bereaved_couple() -> Answers {
    answers([
        AnswerValue::Child(ChildStatus::Deceased),
        AnswerValue::OtherChild(false),
        AnswerValue::Living(Living::Both),
        AnswerValue::MotherBirth(Birth::Day(day(1972, 3, 15))),
        AnswerValue::FatherBirth(Birth::Day(day(1970, 6, 1))),
        AnswerValue::Hukou(HukouHolders::Both),
        AnswerValue::Area(Area::Longting),
        AnswerValue::Residence(Residence::Urban),
        AnswerValue::Pension([Some(Scheme::Resident), Some(Scheme::Resident)]),
        AnswerValue::Medical([Some(Scheme::Resident), Some(Scheme::Resident)]),
        AnswerValue::HospitalDays([Some(0), Some(0)]),
        AnswerValue::Health(Default::default()),
        AnswerValue::Circumstances(Default::default()),
    ])
}

/// LibreOffice's `soffice`, where it is installed (scripts/setup.sh installs it).
#[cfg(not(target_arch = "wasm32"))]
pub fn soffice() -> Option<std::path::PathBuf> {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .ok()?;
    found
        .status
        .success()
        .then(|| std::path::PathBuf::from("soffice"))
}

/// The spreadsheets `files` of `dir` saved by LibreOffice as UTF-8 CSV beside them
/// (`name.csv`), as an office's own spreadsheet program reads them; its profile kept in `dir`.
#[cfg(not(target_arch = "wasm32"))]
pub fn libreoffice_csv(
    soffice: &std::path::Path,
    dir: &std::path::Path,
    files: &[&str],
) -> std::process::Output {
    std::process::Command::new(soffice)
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/profile", dir.display()),
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(dir)
        .args(files.iter().map(|f| dir.join(f)))
        .output()
        .unwrap()
}

/// The 核查结果 sheet of an exported .xlsx, as calamine reads it.
#[cfg(not(target_arch = "wasm32"))]
pub fn export_sheet(bytes: &[u8]) -> calamine::Range<calamine::Data> {
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    wb.worksheet_range("核查结果").unwrap()
}

/// A sheet's first row, each cell as text.
#[cfg(not(target_arch = "wasm32"))]
pub fn header_of(sheet: &calamine::Range<calamine::Data>) -> Vec<String> {
    sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect()
}
