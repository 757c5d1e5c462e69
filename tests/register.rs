//! The street office's register (台账): fixtures saved by LibreOffice Calc in every format an
//! office uses, each row's answer compared with `rules::evaluate` on the same household; the
//! exported .xlsx read back by calamine and by LibreOffice; bad files refused with a clear
//! message; every threshold the register adds tried just below, at and above it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use fuzhu::register::values::{self, check_char};
use fuzhu::register::{self, check, check_sheets, file, Cell, Register, RESULT_HEADERS};
use fuzhu::rules::{self, Facts, Outcome, Status, BENEFITS};
use serde_json::Value;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the tests run "today" (the fixtures' rows all give their own 核查日期).
fn today() -> NaiveDate {
    day(2026, 12, 1)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/register")
}

fn expected() -> Vec<Value> {
    let text = std::fs::read_to_string(fixtures().join("households.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn read(name: &str) -> Register {
    let sheets = file::read_path(&fixtures().join(name)).unwrap();
    check_sheets(sheets, today()).unwrap()
}

/// The output cells of a row as text, by header.
fn out_row(reg: &Register, i: usize) -> Vec<(String, String)> {
    reg.output_headers()
        .into_iter()
        .zip(reg.output_row(i).iter().map(|c| c.as_text().into_owned()))
        .collect()
}

fn get<'a>(row: &'a [(String, String)], header: &str) -> &'a str {
    &row.iter()
        .find(|(h, _)| h == header)
        .unwrap_or_else(|| panic!("no column {header}"))
        .1
}

fn yuan(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// What the result columns must say for this outcome, worked out here from the outcome
/// alone (not with the register's own code).
fn expected_columns(o: &Outcome) -> Vec<(String, String)> {
    let yes = |b: bool| if b { "是" } else { "否" }.to_string();
    let titles = |st: Status| {
        o.benefits
            .iter()
            .filter(|b| b.status == st)
            .map(|b| match b.eligible_from {
                Some(d) => format!("{}（{}起）", b.id.info().zh, d),
                None => b.id.info().zh.to_string(),
            })
            .collect::<Vec<_>>()
            .join("；")
    };
    let c = o.totals_to_confirm;
    let confirm = if c.monthly.is_zero() && c.annual.is_zero() {
        yuan(c.one_off)
    } else {
        let mut parts = Vec::new();
        if !c.monthly.is_zero() {
            parts.push(format!("每月{}", yuan(c.monthly)));
        }
        if !c.one_off.is_zero() {
            parts.push(format!("一次性{}", yuan(c.one_off)));
        }
        if !c.annual.is_zero() {
            parts.push(format!("每年{}", yuan(c.annual)));
        }
        parts.join("；")
    };
    let mut stops: Vec<String> = Vec::new();
    for b in &o.benefits {
        if matches!(b.status, Status::Eligible | Status::Check) {
            for n in std::iter::once(b.first_stop_zh(o.area)).chain(b.first_stop_also_zh()) {
                if !stops.contains(&n) {
                    stops.push(n);
                }
            }
        }
    }
    // 特别扶助金 granted at the province's standard (a disabled child) is never written as 0.
    let ss = o.get(rules::BenefitId::SpecialSupport);
    let provincial = ss.status == Status::Eligible && ss.monthly_total.is_none();
    let mut cols = vec![
        ("判断日期", o.as_of.to_string()),
        ("特殊家庭", yes(o.special_family)),
        ("适用本政策", yes(o.covered)),
        (
            "每月现金（元）",
            if provincial && o.totals.monthly.is_zero() {
                "按省定标准".to_string()
            } else {
                yuan(o.totals.monthly)
            },
        ),
        ("一次性现金（元）", yuan(o.totals.one_off)),
        ("今年住院护理补贴（元）", yuan(o.totals.annual)),
        ("待核实金额（元）", confirm),
        ("可以享受", titles(Status::Eligible)),
        ("需要核实", titles(Status::Check)),
        ("将来可以享受", titles(Status::Future)),
        (
            "最近日期",
            o.benefits
                .iter()
                .filter_map(|b| b.eligible_from)
                .min()
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        ("先去哪里", stops.join("；")),
        ("错误", String::new()),
    ]
    .into_iter()
    .map(|(h, v)| (h.to_string(), v))
    .collect::<Vec<_>>();
    for b in &o.benefits {
        let v = match (b.status, b.eligible_from) {
            (Status::Eligible, _) => "可以享受".to_string(),
            (Status::Check, _) => "需要核实".to_string(),
            (Status::Future, Some(d)) => format!("将来可以享受（{d}起）"),
            (Status::Future, None) => "将来可以享受".to_string(),
            (Status::NotEligible, _) => "不符合".to_string(),
        };
        cols.push((b.id.info().zh.to_string(), v));
    }
    cols
}

/// Every fixture row: the household read equals the expected facts, its result columns
/// equal what `rules::evaluate` says of those facts, and a bad row names its line and column.
fn each_row_is_the_rules_answer(reg: &Register, name: &str) {
    let want = expected();
    assert_eq!(reg.rows.len(), want.len(), "{name}: rows");
    for (i, w) in want.iter().enumerate() {
        let r = &reg.rows[i];
        let line = w["line"].as_u64().unwrap() as usize;
        assert_eq!(r.line, line, "{name}: row {i}'s line");
        let row = out_row(reg, i);
        if let Some(needles) = w.get("error") {
            let err = r.error.as_deref().unwrap_or_else(|| {
                panic!("{name}: line {line} should be refused, got {:?}", r.facts)
            });
            for n in needles.as_array().unwrap() {
                assert!(err.contains(n.as_str().unwrap()), "{name}: {err} lacks {n}");
            }
            for h in RESULT_HEADERS.iter().filter(|h| **h != "错误") {
                assert_eq!(get(&row, h), "", "{name}: line {line}: {h} must stay blank");
            }
            for b in BENEFITS.iter() {
                assert_eq!(get(&row, b.zh), "", "{name}: line {line}: {} blank", b.zh);
            }
            assert_eq!(get(&row, "错误"), err);
            continue;
        }
        assert_eq!(r.error, None, "{name}: line {line}");
        let facts: Facts = serde_json::from_value(w["facts"].clone()).unwrap();
        assert_eq!(
            r.facts.as_ref(),
            Some(&facts),
            "{name}: line {line}'s household"
        );
        let outcome = rules::evaluate(&facts, today()).unwrap();
        for (h, v) in expected_columns(&outcome) {
            assert_eq!(get(&row, &h), v, "{name}: line {line}, column {h}");
        }
        let reminders = get(&row, "提醒");
        if let Some(list) = w.get("reminders") {
            let want: Vec<&str> = list
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(reminders, want.join("；"), "{name}: line {line}'s 提醒");
        }
        if let Some(list) = w.get("reminders_prefix") {
            for p in list.as_array().unwrap() {
                assert!(
                    reminders.starts_with(p.as_str().unwrap()),
                    "{name}: line {line}: {reminders}"
                );
            }
        }
    }
}

#[test]
fn every_fixture_format_reads_each_household_as_the_rules_see_it() {
    for name in [
        "source.csv",
        "register.xlsx",
        "register.xls",
        "register.ods",
        "register-utf8.csv",
        "register-gbk.csv",
    ] {
        let reg = read(name);
        each_row_is_the_rules_answer(&reg, name);
        // The input columns come out as they went in, the 备注 column too.
        let headers = reg.output_headers();
        assert_eq!(headers[0], "编号");
        assert_eq!(headers[33], "备注", "{name}");
        assert_eq!(headers[34], "判断日期", "{name}");
        assert_eq!(headers[35], "特殊家庭", "{name}");
        assert_eq!(headers.len(), 34 + 15 + 25, "{name}");
        assert_eq!(get(&out_row(&reg, 0), "备注"), "低保户");
        // 备注 is a column offices keep: understood, kept, not used and not called unknown.
        assert!(
            !reg.notices.iter().any(|n| n.zh.contains("备注")),
            "{name}: {:?}",
            reg.notices
        );
    }
}

#[test]
fn a_utf8_csv_with_a_byte_order_mark_reads_the_same_as_without() {
    let plain = std::fs::read(fixtures().join("register-utf8.csv")).unwrap();
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(&plain);
    let a = check(file::read_csv(&plain).unwrap(), today()).unwrap();
    let b = check(file::read_csv(&bom).unwrap(), today()).unwrap();
    assert_eq!(a, b);
    each_row_is_the_rules_answer(&b, "register-utf8.csv with BOM");
}

#[test]
fn the_gbk_fixture_really_is_gbk_and_not_utf8() {
    let bytes = std::fs::read(fixtures().join("register-gbk.csv")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(file::decode(&bytes).starts_with("编号,核查日期"));
}

/// A cell's text exactly as stored (values::text normalises full-width punctuation).
fn raw(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        other => values::text(other).unwrap_or_default(),
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fuzhu-register-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn our_csv(reg: &Register) -> String {
    let mut buf = Vec::new();
    file::write_csv(reg, &mut buf).unwrap();
    let s = String::from_utf8(buf).unwrap();
    assert!(
        s.starts_with('\u{feff}'),
        "the CSV starts with a byte-order mark"
    );
    s.trim_start_matches('\u{feff}').replace("\r\n", "\n")
}

#[test]
fn the_exported_xlsx_reads_back_in_calamine_as_the_table() {
    let reg = read("register.xlsx");
    let bytes = file::xlsx(&reg).unwrap();
    let sheets = file::read_bytes(&bytes, "out.xlsx").unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].0, "核查结果");
    let rows = &sheets[0].1;
    let headers: Vec<String> = rows[0].iter().map(raw).collect();
    assert_eq!(headers, reg.output_headers());
    assert_eq!(rows.len(), reg.rows.len() + 1);
    for i in 0..reg.rows.len() {
        let want: Vec<String> = reg
            .output_row(i)
            .iter()
            .map(|c| c.as_text().into_owned())
            .collect();
        let mut got: Vec<String> = rows[i + 1].iter().map(raw).collect();
        got.resize(want.len(), String::new());
        assert_eq!(got, want, "row {}", i + 2);
    }
    // And reading the output back decides the same households afresh.
    let again = check_sheets(sheets, today()).unwrap();
    assert!(again.notices.iter().any(|n| n.zh.contains("上次核查结果")));
    assert_eq!(again.output_headers(), reg.output_headers());
    for i in 0..reg.rows.len() {
        assert_eq!(again.rows[i].facts, reg.rows[i].facts);
        assert_eq!(again.rows[i].error.is_some(), reg.rows[i].error.is_some());
    }
}

#[test]
fn the_exported_xlsx_reads_back_in_libreoffice_as_the_csv() {
    let Some(soffice) = common::soffice() else {
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed; scripts/setup.sh installs libreoffice-calc-nogui");
        return;
    };
    let reg = read("register.ods");
    let dir = scratch("lo");
    std::fs::write(dir.join("out.xlsx"), file::xlsx(&reg).unwrap()).unwrap();
    let status = common::libreoffice_csv(&soffice, &dir, &["out.xlsx"]);
    assert!(status.status.success(), "{status:?}");
    let lo = std::fs::read_to_string(dir.join("out.csv")).unwrap();
    let lo = lo.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let ours = our_csv(&reg);
    for (k, (a, b)) in lo.lines().zip(ours.lines()).enumerate() {
        assert_eq!(a, b, "line {}", k + 1);
    }
    assert_eq!(lo.lines().count(), ours.lines().count());
    let _ = std::fs::remove_dir_all(&dir);
}

fn refusal(bytes: &[u8], name: &str) -> register::FileError {
    match file::read_bytes(bytes, name).and_then(|s| check_sheets(s, today())) {
        Ok(_) => panic!("{name} should be refused"),
        Err(e) => e,
    }
}

/// The smallest PNG there is: one transparent pixel.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";

#[test]
fn an_image_renamed_xlsx_is_refused_as_not_a_spreadsheet() {
    let e = refusal(PNG, "台账.xlsx");
    assert!(
        e.zh.contains("不是表格文件") && e.zh.contains("图片"),
        "{}",
        e.zh
    );
    assert!(e.en.contains("not a spreadsheet"), "{}", e.en);
    for (bytes, name, says) in [
        (&b"%PDF-1.4 ..."[..], "a.xlsx", "PDF"),
        (b"PK\x03\x04not really a zip", "a.xlsx", "无法读取"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 broken",
            "a.xls",
            "无法读取",
        ),
        (
            b"<html><table><tr><td>1</td></tr></table></html>",
            "a.xls",
            "网页",
        ),
        (b"a,b\n1,2\n", "a.xlsx", "纯文字"),
        (b"", "a.csv", "空的"),
        (b"\0\0\0\x01binary", "a.csv", "不是文字"),
    ] {
        let e = refusal(bytes, name);
        assert!(e.zh.contains(says), "{name}: {}", e.zh);
    }
}

fn xlsx_with(build: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    build(wb.add_worksheet());
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_empty_sheet_is_refused_as_empty() {
    let e = refusal(&xlsx_with(|_| {}), "empty.xlsx");
    assert!(e.zh.contains("表格是空的"), "{}", e.zh);
    let e = refusal(b"\n\n,,,\n", "empty.csv");
    assert!(e.zh.contains("表格是空的"), "{}", e.zh);
}

#[test]
fn a_header_only_sheet_reads_with_no_households_and_says_so() {
    let bytes = xlsx_with(|ws| {
        for (c, h) in register::template::headers().iter().enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
    });
    let reg = check_sheets(file::read_bytes(&bytes, "h.xlsx").unwrap(), today()).unwrap();
    assert!(reg.rows.is_empty());
    assert!(reg.notices.iter().any(|n| n.zh.contains("只有表头")));
    assert_eq!(reg.notices.len(), 1, "{:?}", reg.notices);
}

#[test]
fn a_sheet_without_the_child_column_or_any_header_is_refused() {
    let e = refusal("编号,城乡,女方身份证号\n1,城镇,\n".as_bytes(), "a.csv");
    assert!(e.zh.contains("子女情况"), "{}", e.zh);
    let e = refusal("甲,乙\n1,2\n".as_bytes(), "a.csv");
    assert!(e.zh.contains("找不到表头"), "{}", e.zh);
}

#[test]
fn merged_group_cells_over_the_header_give_its_columns_their_parent() {
    // 女方 and 男方 merged over their columns, the titles below them; a title row on top.
    let bytes = xlsx_with(|ws| {
        let fmt = rust_xlsxwriter::Format::new();
        ws.merge_range(0, 0, 0, 7, "某某街道计划生育特殊家庭台账", &fmt)
            .unwrap();
        ws.merge_range(1, 3, 1, 5, "女方", &fmt).unwrap();
        ws.merge_range(1, 6, 1, 7, "男方", &fmt).unwrap();
        for (c, h) in [
            "城乡",
            "子女情况",
            "再生育或收养",
            "姓名",
            "出生日期",
            "户籍",
            "出生日期",
            "户籍",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for (c, v) in [
            "城镇",
            "死亡",
            "否",
            "张某",
            "1970-03-15",
            "是",
            "1968-01-01",
            "是",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(3, c as u16, *v).unwrap();
        }
    });
    let reg = check_sheets(file::read_bytes(&bytes, "m.xlsx").unwrap(), today()).unwrap();
    assert_eq!(reg.header_line, 3);
    assert_eq!(
        &reg.output_headers()[..8],
        [
            "城乡",
            "子女情况",
            "再生育或收养",
            "女方姓名",
            "女方出生日期",
            "女方户籍",
            "男方出生日期",
            "男方户籍"
        ]
    );
    let facts = reg.rows[0].facts.as_ref().expect("decided");
    assert_eq!(facts.parents.len(), 2);
    assert_eq!(facts.parents[1].birth_date, day(1968, 1, 1));
    assert_eq!(reg.rows[0].line, 4);
    assert!(reg.notices.iter().any(|n| n.zh.contains("分组行")));
}

#[test]
fn merged_cells_saved_by_libreoffice_give_the_parents_columns_and_name_the_column_without_a_header()
{
    let reg = read("merged-header.xlsx");
    assert_eq!(reg.header_line, 3);
    assert_eq!(
        &reg.output_headers()[3..8],
        [
            "女方姓名",
            "女方出生日期",
            "女方户籍",
            "男方出生日期",
            "男方户籍"
        ]
    );
    assert_eq!(reg.rows.len(), 2);
    for r in &reg.rows {
        assert!(r.facts.is_some(), "{:?}", r.error);
    }
    assert_eq!(
        reg.rows[1].facts.as_ref().unwrap().parents[1].birth_date,
        day(1975, 10, 10)
    );
    assert!(reg.notices.iter().any(|n| n.zh.contains("分组行")));
    assert!(
        reg.notices.iter().any(|n| n.zh.contains("J列没有表头")),
        "{:?}",
        reg.notices
    );
}

#[test]
fn a_header_merged_across_two_columns_leaves_the_second_unread_and_says_so() {
    let bytes = xlsx_with(|ws| {
        let fmt = rust_xlsxwriter::Format::new();
        for (c, h) in ["城乡", "子女情况", "再生育或收养", "女方出生日期"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.merge_range(0, 4, 0, 5, "女方开封户籍", &fmt).unwrap();
        for (c, v) in ["城镇", "死亡", "否", "1970-03-15", "是", "备注"]
            .iter()
            .enumerate()
        {
            ws.write_string(1, c as u16, *v).unwrap();
        }
    });
    let reg = check_sheets(file::read_bytes(&bytes, "m.xlsx").unwrap(), today()).unwrap();
    assert!(reg.rows[0].facts.is_some());
    assert!(
        reg.notices.iter().any(|n| n.zh.contains("F列没有表头")),
        "{:?}",
        reg.notices
    );
}

#[test]
fn duplicated_headers_are_refused_naming_both_columns() {
    let e = refusal(
        "城乡,子女情况,女方身份证号,再生育或收养,女方身份证号码\n城镇,死亡,,否,\n".as_bytes(),
        "d.csv",
    );
    assert!(e.zh.contains("两列都是“女方身份证号”"), "{}", e.zh);
    assert!(e.zh.contains("C列") && e.zh.contains("E列"), "{}", e.zh);
    // Two columns the register does not read may share a name.
    let ok = "城乡,子女情况,再生育或收养,女方出生日期,女方户籍,备注,备注\n城镇,死亡,否,1970-01-01,是,a,b\n";
    let reg = check(file::read_csv(ok.as_bytes()).unwrap(), today()).unwrap();
    assert!(reg.rows[0].facts.is_some());
}

#[test]
fn formulas_are_read_by_their_saved_result_and_refused_without_one() {
    let bytes = xlsx_with(|ws| {
        for (c, h) in [
            "城乡",
            "子女情况",
            "再生育或收养",
            "女方出生日期",
            "女方户籍",
            "女方今年住院天数",
            "核查日期",
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for r in 1..=1u32 {
            for (c, v) in ["城镇", "死亡", "否", "1970-03-15", "是"]
                .iter()
                .enumerate()
            {
                ws.write_string(r, c as u16, *v).unwrap();
            }
            ws.write_string(r, 6, "2026-06-01").unwrap();
        }
        // Saved with its result, as Excel, WPS and Calc save formulas.
        ws.write_formula(
            1,
            5,
            rust_xlsxwriter::Formula::new("=10+5").set_result("15"),
        )
        .unwrap();
    });
    let reg = check_sheets(file::read_bytes(&bytes, "f.xlsx").unwrap(), today()).unwrap();
    let first = reg.rows[0]
        .facts
        .as_ref()
        .expect("the saved result is used");
    assert_eq!(first.parents[0].hospital_days, 15);
    // openpyxl saves formulas without a result; LibreOffice saves the result with them.
    let reg = read("formulas-unsaved.xlsx");
    let err = reg.rows[0].error.as_deref().expect("no saved result");
    assert!(
        err.contains("第2行 F列“女方今年住院天数”：是公式“=10+5”"),
        "{err}"
    );
    let reg = read("formulas-saved.xlsx");
    let f = reg.rows[0]
        .facts
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", reg.rows[0].error));
    assert_eq!(f.parents[0].hospital_days, 15);
    // A formula typed into a CSV is text, and refused where a value is needed.
    let csv =
        "城乡,子女情况,再生育或收养,女方出生日期,女方户籍\n城镇,死亡,否,=DATE(1970;3;15),是\n";
    let reg = check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap();
    assert!(reg.rows[0].error.as_deref().unwrap().contains("公式"));
}

/// A register of `n` households, as CSV text: every row a good household.
fn big_csv(n: usize) -> String {
    let mut s = String::from("编号,核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方户籍,男方出生日期,男方开封户籍,女方今年住院天数\n");
    for i in 0..n {
        let birth = format!("19{:02}0{}1{}", 60 + i % 20, 1 + i % 9, i % 10);
        let id17 = format!("410299{birth}{:03}", (i * 2) % 1000);
        let id = format!("{id17}{}", check_char(id17.as_bytes()));
        s.push_str(&format!(
            "K{i},2026-06-01,{},死亡,否,{id},是,1960/1/{},{},{}\n",
            if i % 2 == 0 { "城镇" } else { "农村" },
            1 + i % 28,
            if i % 3 == 0 { "否" } else { "是" },
            i % 100
        ));
    }
    s
}

#[test]
fn a_100000_row_register_is_read_decided_and_written_without_trouble() {
    let csv = big_csv(100_000);
    let start = Instant::now();
    let rows = file::read_csv(csv.as_bytes()).unwrap();
    eprintln!("read {:?}", start.elapsed());
    let reg = check(rows, today()).unwrap();
    eprintln!("decided {:?}", start.elapsed());
    let c = reg.counts();
    assert_eq!(
        c.decided,
        100_000,
        "{:?}",
        &c.failed_lines[..c.failed_lines.len().min(5)]
    );
    let bytes = file::xlsx(&reg).unwrap();
    eprintln!("written {:?}", start.elapsed());
    // Read back by calamine itself: with its 66 columns the export is past what the reader
    // takes as a register (docs/register.md, "Limits"), which is not what is tested here.
    use calamine::Reader;
    let mut back = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = back.worksheet_range("核查结果").unwrap();
    assert_eq!(sheet.height(), 100_001);
    eprintln!(
        "100,000 rows: CSV read, decided, xlsx written and read back in {:?}",
        start.elapsed()
    );
}

fn one(row: &str) -> register::Checked {
    let csv = format!(
        "核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方出生日期,女方户籍,女方状况,男方身份证号,男方出生日期,男方开封户籍,已领特别扶助金\n{row}\n"
    );
    let mut reg = check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap();
    reg.rows.remove(0)
}

fn id(birth: &str, seq: &str) -> String {
    let first = format!("410299{birth}{seq}");
    format!("{first}{}", check_char(first.as_bytes()))
}

#[test]
fn the_id_check_character_is_accepted_only_when_right() {
    let good = id("19700315", "002");
    let right = good.as_bytes()[17];
    let chars = b"0123456789X";
    let at = chars.iter().position(|c| *c == right).unwrap();
    let r = one(&format!("2026-06-01,城镇,死亡,否,{good},,是,,,,,"));
    assert!(r.facts.is_some(), "{:?}", r.error);
    assert_eq!(r.facts.unwrap().parents[0].birth_date, day(1970, 3, 15));
    for k in [at.wrapping_sub(1), at + 1] {
        let Some(&c) = chars.get(k) else { continue };
        let bad = format!("{}{}", &good[..17], c as char);
        let r = one(&format!("2026-06-01,城镇,死亡,否,{bad},,是,,,,,"));
        assert!(r.error.unwrap().contains("校验位不对"), "{bad}");
    }
    // Lower-case x is the same X.
    let x = (0..1000)
        .map(|s| id("19700315", &format!("{:03}", s * 2 % 1000)))
        .find(|i| i.ends_with('X'))
        .unwrap();
    let r = one(&format!(
        "2026-06-01,城镇,死亡,否,{},,是,,,,,",
        x.to_lowercase()
    ));
    assert!(r.facts.is_some(), "{:?}", r.error);
}

#[test]
fn an_id_number_has_exactly_18_characters() {
    let good = id("19700315", "002");
    for (typed, says) in [
        (good[..17].to_string(), "17位"),
        (format!("{good}1"), "19位"),
        ("410299700315002".to_string(), "15位"),
    ] {
        let r = one(&format!("2026-06-01,城镇,死亡,否,{typed},,是,,,,,"));
        assert!(r.error.as_deref().unwrap().contains(says), "{:?}", r.error);
    }
    let spaced = format!("{} {} {}", &good[..6], &good[6..14], &good[14..]);
    assert!(one(&format!("2026-06-01,城镇,死亡,否,{spaced},,是,,,,,"))
        .facts
        .is_some());
    // A number cell has lost the last digits already.
    let c = values::id_number(&Cell::Number(4.10299197003150e17));
    assert!(c.unwrap_err().contains("丢失"));
}

#[test]
fn the_sex_digit_must_match_the_column() {
    let (even, odd) = (id("19700315", "002"), id("19700315", "003"));
    assert!(one(&format!("2026-06-01,城镇,死亡,否,{even},,是,,,,,"))
        .facts
        .is_some());
    let r = one(&format!("2026-06-01,城镇,死亡,否,{odd},,是,,,,,"));
    assert!(r.error.unwrap().contains("第17位是单数"));
    let (m_even, m_odd) = (id("19680101", "004"), id("19680101", "005"));
    assert!(one(&format!("2026-06-01,城镇,死亡,否,,,,,{m_odd},,是,"))
        .facts
        .is_some());
    let r = one(&format!("2026-06-01,城镇,死亡,否,,,,,{m_even},,是,"));
    assert!(r.error.unwrap().contains("第17位是双数"));
}

#[test]
fn the_id_and_the_birth_date_must_agree_when_both_are_given() {
    let good = id("19700315", "002");
    for (typed, ok) in [
        ("1970-03-14", false),
        ("1970-03-15", true),
        ("1970/3/15", true),
        ("1970-03-16", false),
    ] {
        let r = one(&format!("2026-06-01,城镇,死亡,否,{good},{typed},是,,,,,"));
        assert_eq!(r.facts.is_some(), ok, "{typed}: {:?}", r.error);
        if !ok {
            assert!(r.error.unwrap().contains("不一致"));
        }
    }
    // The birth date in the number must itself be a real day.
    let bad = id("19700230", "002");
    let r = one(&format!("2026-06-01,城镇,死亡,否,{bad},,是,,,,,"));
    assert!(r.error.unwrap().contains("第7–14位"));
}

#[test]
fn dates_are_read_in_every_shape_offices_type() {
    let want = day(1968, 6, 15);
    for t in [
        "1968-06-15",
        "1968/6/15",
        "1968.6.15",
        "1968年6月15日",
        "1968年06月15日",
        "19680615",
        "1968-6-15",
        "1968-06-15 00:00:00",
        "１９６８－０６－１５",
        " 1968/06/15 ",
    ] {
        assert_eq!(values::date(&Cell::text(t)), Ok(Some(want)), "{t}");
    }
    assert_eq!(values::date(&Cell::Number(19680615.0)), Ok(Some(want)));
    assert_eq!(values::date(&Cell::Date(want)), Ok(Some(want)));
    // Excel's serial for 1968-06-15.
    assert_eq!(values::date(&Cell::Number(25004.0)), Ok(Some(want)));
    assert_eq!(values::date(&Cell::Empty), Ok(None));
    for t in [
        "68/6/15",
        "1968",
        "6/15/1968",
        "1968-06",
        "一九六八年",
        "1968-06-15x",
        "1968--06-15",
    ] {
        assert!(values::date(&Cell::text(t)).is_err(), "{t}");
    }
    assert!(values::date(&Cell::Number(1968.0))
        .unwrap_err()
        .contains("只写了年份"));
}

#[test]
fn a_date_must_exist_on_the_calendar() {
    let ok = |t: &str| values::date(&Cell::text(t)).is_ok();
    // Day of the month: the last day, one past it.
    assert!(ok("1968-04-30") && !ok("1968-04-31"));
    assert!(ok("1968-12-31") && !ok("1968-12-32"));
    assert!(!ok("1968-06-00") && ok("1968-06-01"));
    // 29 February only in leap years (2000 was one, 1900 was not).
    assert!(ok("1968-02-29") && !ok("1969-02-29") && ok("2000-02-29") && !ok("1900-02-29"));
    // Month 1 to 12.
    assert!(!ok("1968-00-15") && ok("1968-01-15") && ok("1968-12-15") && !ok("1968-13-15"));
    // Years 1900 to 2100.
    assert!(!ok("1899-12-31") && ok("1900-01-01") && ok("2100-12-31") && !ok("2101-01-01"));
    assert!(!ok("19681301") && ok("19681231") && !ok("19680230"));
}

#[test]
fn excel_date_serials_follow_the_1900_date_system_and_its_missing_leap_day() {
    let serial = |n: f64| values::date(&Cell::Number(n));
    assert!(serial(0.0).is_err());
    assert_eq!(serial(1.0), Ok(Some(day(1900, 1, 1))));
    assert_eq!(serial(59.0), Ok(Some(day(1900, 2, 28))));
    assert!(serial(60.0).unwrap_err().contains("1900年2月29日"));
    assert_eq!(serial(61.0), Ok(Some(day(1900, 3, 1))));
    assert_eq!(serial(45292.0), Ok(Some(day(2024, 1, 1))));
    assert!(
        serial(25004.5).is_err(),
        "a time of day is not a birth date"
    );
    assert!(serial(2_958_465.0).is_ok(), "9999-12-31, the last serial");
    assert!(serial(2_958_466.0).is_err());
    // Eight digits are read as YYYYMMDD, not as a serial.
    assert!(
        serial(9_999_999.0).is_err(),
        "seven digits: a serial past the last"
    );
    assert!(serial(10_000_101.0).is_err(), "year 1000 is out of range");
    assert_eq!(serial(19_000_101.0), Ok(Some(day(1900, 1, 1))));
}

#[test]
fn a_parent_whose_columns_are_all_blank_is_not_listed() {
    let r = one("2026-06-01,城镇,死亡,否,,,,,,1960-01-01,是,");
    let f = r.facts.unwrap();
    assert_eq!(f.parents.len(), 1);
    assert_eq!(f.parents[0].role, rules::Role::Father);
    // One cell is enough to list a parent, and then the rest must be there.
    let r = one("2026-06-01,城镇,死亡,否,,,,已故,,1960-01-01,是,");
    let e = r.error.unwrap();
    assert!(
        e.contains("E列“女方身份证号”：") && e.contains("G列“女方户籍”："),
        "{e}"
    );
    // Nobody at all: the rules' own words.
    let r = one("2026-06-01,城镇,死亡,否,,,,,,,,");
    assert!(r
        .error
        .unwrap()
        .contains("女方、男方：请至少填写一位父母的信息"));
}

#[test]
fn a_bad_row_names_its_line_and_every_column_wrong_in_it() {
    let r = one("2026-13-01,郊区,死了,不知道,,,,,,1960-01-01,是,也许");
    let e = r.error.unwrap();
    assert!(e.starts_with("第2行 "), "{e}");
    for col in [
        "A列“核查日期”：",
        "B列“城乡”：",
        "C列“子女情况”：",
        "D列“再生育或收养”：",
        "L列“已领特别扶助金”：",
    ] {
        assert!(e.contains(col), "{e} lacks {col}");
    }
    assert!(r.facts.is_none() && r.result.is_none());
}

#[test]
fn engine_refusals_carry_the_rules_own_chinese() {
    // as_of before the policy took effect: the rules' own message, under 核查日期.
    let r = one("2023-07-31,城镇,死亡,否,,1970-01-01,是,,,,,");
    let e = r.error.unwrap();
    let facts: Facts = serde_json::from_value(serde_json::json!({
        "as_of": "2023-07-31", "residence": "urban", "child": {"status": "deceased"},
        "has_other_child": false,
        "parents": [{"role": "mother", "birth_date": "1970-01-01", "kaifeng_hukou": true}]
    }))
    .unwrap();
    let zh = rules::evaluate(&facts, today()).unwrap_err().zh;
    assert_eq!(e, format!("第2行 A列“核查日期”：{zh}"));
    let r = one("2023-08-01,城镇,死亡,否,,1970-01-01,是,,,,,");
    assert!(r.facts.is_some());
}

/// A mother's row decided on `as_of`, with a living father born `father`.
fn reminders(as_of: &str, mother: &str, father: &str, received: &str) -> String {
    let r = one(&format!(
        "{as_of},城镇,死亡,否,,{mother},是,,,{father},是,{received}"
    ));
    r.result
        .unwrap_or_else(|| panic!("{:?}", r.error))
        .reminders
        .join("；")
}

#[test]
fn the_49th_birthday_this_year_says_to_apply_now() {
    let apply = "女方今年年满49周岁，可在户籍所在地村（居）委会申请特别扶助金";
    // As of 2026-06-01: born 1977-12-31 turns 49 this year; 1978-01-01 next year.
    assert!(reminders("2026-06-01", "1977-12-31", "1975-01-01", "").contains(apply));
    assert!(reminders("2026-06-01", "1977-01-01", "1975-01-01", "").contains(apply));
    let next = reminders("2026-06-01", "1978-01-01", "1975-01-01", "");
    assert!(
        !next.contains(apply) && next.contains("女方将于2027年1月1日年满49周岁"),
        "{next}"
    );
    assert!(!reminders("2026-06-01", "1976-12-31", "1975-01-01", "").contains("49周岁"));
}

#[test]
fn a_60th_birthday_within_a_year_is_announced_and_not_one_later() {
    // As of 2026-06-01, the horizon is 2027-06-01.
    let line = |father: &str| reminders("2026-06-01", "1975-01-01", father, "");
    assert!(line("1967-06-01").contains("男方将于2027年6月1日年满60周岁"));
    assert!(!line("1967-06-02").contains("60周岁"));
    assert!(line("1966-06-02").contains("男方将于2026年6月2日年满60周岁"));
    // Turning 60 today: already eligible, nothing to announce.
    assert!(!line("1966-06-01").contains("60周岁"));
}

#[test]
fn the_register_note_on_special_support_is_checked_against_the_rules() {
    assert!(reminders("2026-06-01", "1970-01-01", "1968-01-01", "否")
        .contains("符合特别扶助金条件，台账显示未领取"));
    assert!(!reminders("2026-06-01", "1970-01-01", "1968-01-01", "是").contains("未领取"));
    assert!(!reminders("2026-06-01", "1970-01-01", "1968-01-01", "").contains("未领取"));
    // 48 and a half: not yet; a register saying it is paid is flagged with the date.
    let r = reminders("2026-06-01", "1978-01-01", "1968-01-01", "是");
    assert!(
        r.contains("台账显示已领特别扶助金，但按本政策要到2027年1月1日才符合条件，请核实"),
        "{r}"
    );
}

#[test]
fn the_header_row_is_found_within_the_first_ten_rows_only() {
    let header = "城乡,子女情况,再生育或收养,女方出生日期,女方户籍\n";
    let row = "城镇,死亡,否,1970-01-01,是\n";
    let at = |blank_rows: usize| {
        let csv = format!("{}{header}{row}", "标题\n".repeat(blank_rows));
        file::read_csv(csv.as_bytes()).and_then(|rows| check(rows, today()))
    };
    let reg = at(9).unwrap();
    assert_eq!(reg.header_line, 10);
    assert_eq!(reg.rows[0].line, 11);
    assert!(at(10).unwrap_err().zh.contains("找不到表头"));
}

#[test]
fn headers_are_recognised_in_their_variants_and_any_order() {
    let csv = "公民身份号码,是否开封户籍,城乡（城镇/农村）,子女状况,再生育（收养）,县（区）\n";
    // Variants without a parent prefix are the row's own person (one row per person): the
    // ID number says whether the person is the mother or the father; without one, the row
    // says it cannot tell, not a guess.
    let reg = check(
        file::read_csv(format!("{csv}x,是,城镇,死亡,否,鼓楼\n").as_bytes()).unwrap(),
        today(),
    )
    .unwrap();
    let err = reg.rows[0].error.as_deref().unwrap_or_default();
    assert!(err.contains("女方还是男方"), "{err}");
    let reg = check(
        file::read_csv(format!("{csv}{},是,城镇,死亡,否,鼓楼\n", id("19700315", "002")).as_bytes())
            .unwrap(),
        today(),
    )
    .unwrap();
    let f = reg.rows[0].facts.as_ref().expect("decided");
    assert_eq!(f.parents[0].role, rules::Role::Mother);
    let csv = "母亲公民身份号码,女方 户籍 ,城乡（城镇/农村）,子女状况,再生育（收养）,县（区）,丈夫出生日期,男方户口\n";
    let row = format!(
        "{},是,农村,离世,否,开封市鼓楼区,1968年1月1日,否\n",
        id("19700315", "002")
    );
    let reg = check(
        file::read_csv(format!("{csv}{row}").as_bytes()).unwrap(),
        today(),
    )
    .unwrap();
    let f = reg.rows[0]
        .facts
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", reg.rows[0].error));
    assert_eq!(f.area, Some(rules::Area::Gulou));
    assert_eq!(f.residence, rules::Residence::Rural);
    assert_eq!(f.parents.len(), 2);
    assert!(!f.parents[1].kaifeng_hukou);
    // Only the date used is said, and that the insurance schemes are not in the register
    // (`view::unasked_notice`): every other column is known.
    assert!(
        reg.notices
            .iter()
            .all(|n| n.zh.contains("表中没有核查日期") || n.zh.starts_with("表中没有“养老保险”")),
        "{:?}",
        reg.notices
    );
}

#[test]
fn the_template_has_every_header_an_example_that_decides_and_an_explanation_sheet() {
    let bytes = file::template_xlsx().unwrap();
    let sheets = file::read_bytes(&bytes, "模板.xlsx").unwrap();
    assert_eq!(sheets.len(), 2);
    assert_eq!(sheets[0].0, "台账");
    assert_eq!(sheets[1].0, "填写说明");
    let explained: Vec<String> = sheets[1].1[1..]
        .iter()
        .filter_map(|r| r.first().and_then(values::text))
        .collect();
    for h in register::template::headers() {
        assert!(explained.contains(&h), "{h} is explained");
    }
    let reg = check_sheets(sheets, day(2024, 6, 1)).unwrap();
    assert_eq!(reg.sheet.as_deref(), Some("台账"));
    assert_eq!(reg.rows.len(), 1);
    let s = reg.rows[0]
        .result
        .as_ref()
        .unwrap_or_else(|| panic!("{:?}", reg.rows[0].error));
    assert!(s.special_family && s.covered);
    assert!(reg.notices.iter().all(|n| !n.zh.contains("不认识")));
}

fn fuzhu(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fuzhu"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_writes_xlsx_csv_and_the_template() {
    let dir = scratch("cli");
    let input = fixtures().join("register.xlsx");
    let out = dir.join("结果.xlsx");
    let r = fuzhu(&[
        "register",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let stderr = String::from_utf8(r.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    let zh = lines[lines.len() - 2];
    assert!(zh.starts_with("共12户：8户已判断"), "{stderr}");
    assert!(
        zh.contains("4户有错误，见“错误”列：第7、8、9、12行"),
        "{stderr}"
    );
    assert!(
        lines[lines.len() - 1].starts_with("12 households: 8 decided"),
        "{stderr}"
    );
    let back = check_sheets(file::read_path(&out).unwrap(), today()).unwrap();
    assert_eq!(back.rows.len(), 12);

    let r = fuzhu(&["register", input.to_str().unwrap(), "--today", "2026-12-01"]);
    assert_eq!(r.status.code(), Some(0));
    let csv = String::from_utf8(r.stdout).unwrap();
    assert!(csv.starts_with("\u{feff}编号,核查日期"));
    assert_eq!(
        csv.trim_start_matches('\u{feff}').replace("\r\n", "\n"),
        our_csv(&read("register.xlsx"))
    );

    let t = dir.join("模板.xlsx");
    let r = fuzhu(&["register", "--template", t.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(0));
    assert_eq!(file::read_path(&t).unwrap().len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_line_exits_2_only_when_the_file_cannot_be_read() {
    let dir = scratch("cli2");
    let img = dir.join("台账.xlsx");
    std::fs::write(&img, PNG).unwrap();
    let r = fuzhu(&["register", img.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(r.stdout.is_empty());
    let e = String::from_utf8(r.stderr).unwrap();
    let lines: Vec<&str> = e.lines().collect();
    assert!(lines[0].contains("不是表格文件"), "{e}");
    assert!(
        lines[1].starts_with("error: ") && lines[1].contains("not a spreadsheet"),
        "{e}"
    );
    let r = fuzhu(&["register", dir.join("missing.csv").to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2));
    // Rows with errors are not a failure of the file.
    let r = fuzhu(&[
        "register",
        fixtures().join("register-gbk.csv").to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(0));
    // A write that fails is not success.
    let bad = dir.join("no-such-dir").join("out.xlsx");
    let r = fuzhu(&[
        "register",
        fixtures().join("source.csv").to_str().unwrap(),
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8(r.stderr).unwrap().contains("无法写入"));
    // Wrong calls.
    for args in [
        &["register"][..],
        &["register", "a.csv", "-o", "out.txt"],
        &["register", "--template"],
        &["register", "a.csv", "--today", "2026/1/1"],
    ] {
        assert_eq!(fuzhu(args).status.code(), Some(2), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_register_cell_that_looks_like_a_formula_is_written_to_csv_as_text() {
    let csv = "编号,子女情况,女方出生日期,女方开封户籍,核查日期\n=HYPERLINK(\"http://x\"),死亡,1970-03-15,是,2024-06-01\n@SUM(A1),死亡,1970-03-15,是,2024-06-01\n";
    let dir = std::env::temp_dir().join(format!("fuzhu-csv-injection-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.csv");
    let output = dir.join("out.csv");
    std::fs::write(&input, csv).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fuzhu"))
        .args([
            "register",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains("'@SUM(A1)"), "{text}");
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("=") || l.starts_with("\"=")),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bare_养老机构_reads_as_a_care_home_of_unknown_kind() {
    use fuzhu::rules::CareSetting;
    for t in [
        "养老机构",
        "养老院",
        "机构养老",
        "养老机构（不清楚类型）",
        " 养老机构 ",
    ] {
        assert_eq!(
            values::care_setting(&Cell::text(t)),
            Ok(Some(CareSetting::CareHomeUnknownType)),
            "{t}"
        );
    }
    // The named kinds still read as themselves.
    assert_eq!(
        values::care_setting(&Cell::text("公办养老机构")),
        Ok(Some(CareSetting::PublicHome))
    );
    let e = values::care_setting(&Cell::text("老年公寓")).unwrap_err();
    assert!(e.contains("养老机构（不清楚类型）"), "{e}");
}
