//! 今年需申报特别扶助 名单 (`register::roster`): who is on a year's list and why, the 花名册
//! and the 公示 as workbooks, read back by calamine and by LibreOffice: every household
//! expected is there, and the 公示 shows no full ID number and nothing of a disability but 伤残.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;

use chrono::NaiveDate;
use fuzhu::register::roster::{self, Due, Kind, Office};
use fuzhu::register::values::{check_char, Born};
use fuzhu::register::view::{self, Filter};
use fuzhu::register::{check, file, Cell, Register};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 3, 1)
}

fn id(birth: &str, seq: &str) -> String {
    let first = format!("410204{birth}{seq}");
    format!("{first}{}", check_char(first.as_bytes()))
}

const HEAD: &str = "编号,社区,城乡,子女情况,残疾等级,残疾类别,再生育或收养,女方姓名,女方身份证号,女方开封户籍,男方姓名,男方身份证号,男方开封户籍,已领特别扶助金";

/// One household: 编号, the child, the mother's birth day, whether support is received.
fn row(no: &str, child: &str, grade: &str, kind: &str, mother: &str, got: &str) -> String {
    format!(
        "{no},东苑社区,城镇,{child},{grade},{kind},否,王{no},{},是,李{no},{},是,{got}",
        id(mother, "002"),
        id("19650505", "011")
    )
}

fn register() -> Register {
    let rows = [
        // Turns 49 on 2026-07-15: on the 2026 list.
        row("A1", "死亡", "", "", "19770715", ""),
        // 56, due and marked not received: on the list.
        row("A2", "死亡", "", "", "19700315", "否"),
        // 56 and receiving: not on it.
        row("A3", "死亡", "", "", "19700315", "是"),
        // The child is living: not a special family, not on it.
        row("A4", "健在", "", "", "19770715", ""),
        // A disabled child, grade 2, intellectual; the mother turns 49 this year.
        row("A5", "伤残", "二级", "智力", "19771001", ""),
        // Turns 49 in 2027: not on the 2026 list, on 2027's.
        row("A6", "死亡", "", "", "19780220", ""),
        // An ID whose check digit is wrong: the row is refused, so not on any list.
        "A7,东苑社区,城镇,死亡,,,否,王A7,410204197707150020,是,,,,".to_string(),
    ];
    let csv = format!("{HEAD}\n{}\n", rows.join("\n"));
    check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap()
}

fn numbers(entries: &[roster::Entry]) -> Vec<&str> {
    entries.iter().map(|e| e.number.as_str()).collect()
}

fn all(reg: &Register) -> Vec<usize> {
    (0..reg.rows.len()).collect()
}

#[test]
fn the_year_s_list_holds_the_mothers_turning_49_that_year_and_those_marked_as_not_receiving() {
    let reg = register();
    assert!(reg.rows[6].error.is_some(), "the bad ID is refused");
    let list = roster::entries(&reg, &all(&reg), 2026);
    assert_eq!(numbers(&list), ["A1", "A2", "A5"]);
    assert_eq!(list[0].due, Due::TurnsThisYear(day(2026, 7, 15)));
    assert_eq!(list[0].from, Some(Born::Day(day(2026, 7, 15))));
    assert_eq!(list[1].due, Due::NotReceived);
    assert_eq!(list[0].monthly.map(|m| m.to_string()), Some("1430".into()));
    // The disabled child's family: the province's standard, never 0.
    assert_eq!(list[2].monthly, None);
    assert_eq!(list[2].category, "伤残");
    assert_eq!(list[2].disability, "智力二级");
    assert_eq!(list[0].community, "东苑社区");
    assert_eq!(list[0].mother.as_ref().unwrap().name, "王A1");
    let next = roster::entries(&reg, &all(&reg), 2027);
    assert_eq!(numbers(&next), ["A2", "A6"]);
}

#[test]
fn the_page_s_counts_of_the_year_s_list_are_its_households_and_those_whose_mother_turns_49() {
    let reg = register();
    for year in [2025, 2026, 2027] {
        let list = roster::entries(&reg, &all(&reg), year);
        let turning = list
            .iter()
            .filter(|e| matches!(e.due, Due::TurnsThisYear(_)))
            .count();
        assert_eq!(roster::count(&reg, year), (list.len(), turning), "{year}");
    }
    // A1 and A5 because the mother turns 49, A2 marked as not receiving.
    assert_eq!(roster::count(&reg, 2026), (3, 2));
}

#[test]
fn the_filter_this_year_s_applications_lists_the_same_households_as_the_year_s_list() {
    let reg = register();
    let listed = view::select(&reg, Filter::ApplyThisYear, "");
    let list = roster::entries(&reg, &all(&reg), 2026);
    assert_eq!(listed, list.iter().map(|e| e.row).collect::<Vec<_>>());
}

#[test]
fn an_id_number_on_the_public_list_keeps_only_its_first_six_and_last_four_characters() {
    assert_eq!(roster::mask_id("410204197001010520"), "410204********0520");
    assert_eq!(roster::mask_id("41020419700101052X"), "410204********052X");
    assert_eq!(roster::mask_id("4102041970"), "******1970");
    assert_eq!(roster::mask_id("123"), "***");
    assert_eq!(roster::mask_id(""), "");
}

fn office() -> Office {
    Office {
        name: "开封市鼓楼区东苑街道办事处".into(),
        address: "东苑路1号".into(),
        phone: "0371-12345678".into(),
        hours: String::new(),
    }
}

fn text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => n.to_string(),
        other => format!("{other:?}"),
    }
}

/// The workbook's one sheet as lines of text, cells joined by tabs.
fn calamine_lines(bytes: &[u8]) -> Vec<String> {
    let sheets = file::read_bytes(bytes, "名单.xlsx").unwrap();
    assert_eq!(sheets.len(), 1);
    sheets[0]
        .1
        .iter()
        .map(|r| r.iter().map(text).collect::<Vec<_>>().join("\t"))
        .collect()
}

/// Whether `s` holds 18 characters that make a full ID number.
fn has_full_id(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    c.windows(18).any(|w| {
        w[..17].iter().all(|c| c.is_ascii_digit()) && (w[17].is_ascii_digit() || w[17] == 'X')
    })
}

fn workbooks() -> (Register, Vec<u8>, Vec<u8>) {
    let reg = register();
    let list = roster::entries(&reg, &all(&reg), 2026);
    let roster = roster::xlsx(&list, &office(), 2026, today(), Kind::Roster).unwrap();
    let public = roster::xlsx(&list, &office(), 2026, today(), Kind::Public).unwrap();
    (reg, roster, public)
}

#[test]
fn the_roster_reads_back_in_calamine_with_its_title_byline_every_household_total_and_signatures() {
    let (_, roster, _) = workbooks();
    let lines = calamine_lines(&roster);
    assert!(lines[0]
        .starts_with("开封市鼓楼区东苑街道办事处2026年度计划生育家庭特别扶助申报对象花名册"));
    assert!(lines[1].contains("填报单位（盖章）：开封市鼓楼区东苑街道办事处"));
    assert!(lines[1].contains("填报日期：2026年3月1日"));
    assert!(lines[2].starts_with("序号\t社区（村）\t编号\t女方"));
    assert!(lines[3].contains("姓名\t身份证号码\t出生日期"));
    let body = lines.join("\n");
    for no in ["A1", "A2", "A5"] {
        assert!(body.contains(&format!("王{no}")), "{no}");
        assert!(body.contains(&format!("李{no}")), "{no}");
    }
    for no in ["A3", "A4", "A6", "A7"] {
        assert!(!body.contains(&format!("王{no}")), "{no}");
    }
    assert!(
        body.contains(&id("19770715", "002")),
        "the 花名册 has full ID numbers"
    );
    assert!(body.contains("智力二级"));
    assert!(body.contains("按省定标准"));
    assert!(body.contains("合计：3户，6人"));
    assert!(body.contains("单位负责人"));
    assert!(body.contains("台账第2行"));
}

#[test]
fn the_public_list_reads_back_in_calamine_with_every_household_and_no_full_id_nor_disability_detail(
) {
    let (_, _, public) = workbooks();
    let lines = calamine_lines(&public);
    assert!(lines[0].ends_with("申报对象公示") || lines[0].contains("申报对象公示"));
    let body = lines.join("\n");
    for no in ["A1", "A2", "A5"] {
        assert!(body.contains(&format!("王{no}")), "{no}");
    }
    assert!(!has_full_id(&body), "{body}");
    assert!(body.contains("410204********0022") || body.contains("410204********"));
    assert!(!body.contains("智力") && !body.contains("二级"), "{body}");
    assert!(!body.contains("1977-07-15"), "no birth dates");
    assert!(body.contains("伤残"));
    assert!(body.contains("监督电话：0371-12345678"));
}

#[test]
fn the_roster_and_the_public_list_read_back_in_libreoffice() {
    let Some(soffice) = common::soffice() else {
        eprintln!("SKIPPED: soffice (LibreOffice) is not installed; scripts/setup.sh installs libreoffice-calc-nogui");
        return;
    };
    let (_, roster, public) = workbooks();
    let dir = std::env::temp_dir().join(format!("fuzhu-roster-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("roster.xlsx"), roster).unwrap();
    std::fs::write(dir.join("public.xlsx"), public).unwrap();
    let out = common::libreoffice_csv(&soffice, &dir, &["roster.xlsx", "public.xlsx"]);
    assert!(out.status.success(), "{out:?}");
    let roster = std::fs::read_to_string(dir.join("roster.csv")).unwrap();
    let public = std::fs::read_to_string(dir.join("public.csv")).unwrap();
    for no in ["A1", "A2", "A5"] {
        assert!(roster.contains(&format!("王{no}")) && public.contains(&format!("王{no}")));
    }
    assert!(roster.contains(&id("19700315", "002")));
    assert!(!has_full_id(&public), "{public}");
    assert!(!public.contains("智力"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn out_cell(reg: &Register, i: usize, header: &str) -> String {
    let h = reg.output_headers();
    let k = h.iter().position(|x| x == header).unwrap();
    reg.output_row(i)[k].as_text().into_owned()
}

#[test]
fn a_disabled_child_s_family_s_special_support_is_written_at_the_province_s_standard_never_0() {
    // The mother is 56: special support is granted, at a standard the policy does not state.
    let csv = format!(
        "{HEAD}\n{}\n{}\n",
        row("D1", "伤残", "二级", "智力", "19700315", ""),
        row("D2", "死亡", "", "", "19700315", "")
    );
    let reg = check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap();
    assert_eq!(out_cell(&reg, 0, "每月现金（元）"), "按省定标准");
    assert!(out_cell(&reg, 0, "金额未计入的项目").contains("特别扶助金（按省定标准）"));
    // A bereaved couple's is in the text: 1430 each.
    assert_eq!(out_cell(&reg, 1, "每月现金（元）"), "2860");
    assert!(!out_cell(&reg, 1, "金额未计入的项目").contains("特别扶助金"));
    // Every decided row says the day it was decided for, though 核查日期 was left blank.
    assert_eq!(out_cell(&reg, 0, "判断日期"), "2026-03-01");
    assert_eq!(out_cell(&reg, 1, "判断日期"), "2026-03-01");
}

#[test]
fn the_application_draft_is_filled_from_the_register_with_empty_review_blocks() {
    use fuzhu::register::application_form::{self, NOT_IN_REGISTER, REFERENCE, REVIEWS};
    let head = format!("{HEAD},户籍地址,联系电话,子女姓名");
    let csv = format!(
        "{head}\n{},开封市鼓楼区东苑路1号,13800000000,李小明\n{},,,\n{},,,\n",
        row("F1", "死亡", "", "", "19770715", ""),
        row("F2", "伤残", "二级", "智力", "19700315", ""),
        row("F3", "健在", "", "", "19700315", ""),
    );
    let reg = check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap();
    let f = application_form::form(&reg, 0).expect("a bereaved family has a draft");
    assert_eq!(REFERENCE, "供参考，以县（区）卫生健康委的正式表格为准");
    assert_eq!(f.people.len(), 2);
    assert_eq!(f.people[0].name, "王F1");
    assert_eq!(f.people[0].id, id("19770715", "002"));
    assert_eq!(f.people[1].name, "李F1");
    assert_eq!(f.address, "开封市鼓楼区东苑路1号");
    assert_eq!(f.phone, "13800000000");
    assert_eq!(f.child_name, "李小明");
    assert_eq!(f.child_status, "死亡");
    assert!(
        f.reason.contains("女方将于2026年7月15日年满49周岁"),
        "{}",
        f.reason
    );
    // Where the register has nothing, the draft says so rather than leaving a blank.
    let g = application_form::form(&reg, 1).unwrap();
    assert_eq!(g.phone, NOT_IN_REGISTER);
    assert_eq!(g.certificate, "残疾人证：智力二级");
    assert!(g.reason.starts_with("独生子女三级以上残疾"));
    // Not a special family: no draft.
    assert!(application_form::form(&reg, 2).is_none());
    assert_eq!(REVIEWS.len(), 3);
    // The page's count of drafts (has_form, which writes none) says what form does, row by
    // row, and nothing past the last row.
    for i in 0..=reg.rows.len() {
        assert_eq!(
            application_form::has_form(&reg, i),
            application_form::form(&reg, i).is_some(),
            "row {i}"
        );
    }
}

/// `fuzhu ARGS`: its exit code, standard error.
fn fuzhu(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fuzhu"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_writes_the_year_s_list_and_its_public_version() {
    let dir = std::env::temp_dir().join(format!("fuzhu-roster-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let rows = [
        row("A1", "死亡", "", "", "19770715", ""),
        row("A2", "死亡", "", "", "19700315", "否"),
        row("A4", "健在", "", "", "19770715", ""),
    ];
    let input = dir.join("台账.csv");
    std::fs::write(&input, format!("{HEAD}\n{}\n", rows.join("\n"))).unwrap();
    let input = input.to_str().unwrap();
    let roster_path = dir.join("名单.xlsx");
    let public_path = dir.join("公示.xlsx");
    let (code, err) = fuzhu(&[
        "register",
        input,
        "--list-apply",
        "2026",
        "--today",
        "2026-03-01",
        "--office",
        "东苑街道办事处",
        "-o",
        roster_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2026年需申报特别扶助：2户"), "{err}");
    let (code, err) = fuzhu(&[
        "register",
        input,
        "--list-apply",
        "2026",
        "--public",
        "--today",
        "2026-03-01",
        "--phone",
        "0371-12345678",
        "-o",
        public_path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let roster = calamine_lines(&std::fs::read(&roster_path).unwrap()).join("\n");
    let public = calamine_lines(&std::fs::read(&public_path).unwrap()).join("\n");
    assert!(roster.starts_with("东苑街道办事处2026年度"));
    for no in ["A1", "A2"] {
        assert!(roster.contains(&format!("王{no}")) && public.contains(&format!("王{no}")));
    }
    assert!(!roster.contains("王A4"));
    assert!(has_full_id(&roster) && !has_full_id(&public));
    assert!(public.contains("监督电话：0371-12345678"));
    // Wrong calls are refused with the usage, in Chinese then English.
    let (code, err) = fuzhu(&["register", input, "--list-apply", "26", "-o", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(err.contains("--list-apply的年份“26”要写成四位数"), "{err}");
    let (code, err) = fuzhu(&["register", input, "--list-apply", "2026"]);
    assert_eq!(code, 2);
    assert!(err.contains("--list-apply需要用-o给出.xlsx文件名"), "{err}");
    let (code, _) = fuzhu(&["register", input, "--public"]);
    assert_eq!(code, 2);
    let (code, _) = fuzhu(&["register", input, "--list-apply", "2026", "-o", "x.csv"]);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The register as offices publish it (tests/register/office/published.xlsx, saved by
/// LibreOffice): one 残疾类别及等级 column, births to the month, a 填报 line.
fn published() -> Register {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/register/office/published.xlsx");
    let sheets = file::read_path(&path).unwrap();
    fuzhu::register::check_sheets(sheets, day(2026, 12, 7)).unwrap()
}

fn at_line(reg: &Register, line: usize) -> usize {
    reg.rows.iter().position(|r| r.line == line).unwrap()
}

#[test]
fn a_register_with_one_disability_column_gives_its_kind_and_grade_to_the_roster_and_the_draft() {
    use fuzhu::register::application_form;
    let reg = published();
    // Row 12: 视力一级 in 残疾类别及等级, the mother turning 49 in 2026.
    let i = at_line(&reg, 12);
    let list = roster::entries(&reg, &all(&reg), 2026);
    let e = list
        .iter()
        .find(|e| e.line == 12)
        .expect("row 12 is listed");
    assert_eq!(e.disability, "视力一级");
    let f = application_form::form(&reg, i).unwrap();
    assert_eq!(f.certificate, "残疾人证：视力一级");
    // Read back from the workbooks: in the 花名册, not in the 公示 (伤残 only).
    let office = Office::default();
    let roster = roster::xlsx(&list, &office, 2026, day(2026, 12, 7), Kind::Roster).unwrap();
    let public = roster::xlsx(&list, &office, 2026, day(2026, 12, 7), Kind::Public).unwrap();
    let roster = calamine_lines(&roster).join("\n");
    let public = calamine_lines(&public).join("\n");
    assert!(roster.contains("视力一级"), "{roster}");
    assert!(
        !public.contains("视力") && !public.contains("一级"),
        "{public}"
    );
    assert!(public.contains("伤残"));
    // The separate columns still win where a register has them (智力 and 二级: 智力二级).
    let reg = register();
    let f = application_form::form(&reg, 4).unwrap();
    assert_eq!(f.certificate, "残疾人证：智力二级");
}

#[test]
fn a_birth_given_only_to_the_month_is_written_to_the_month_in_the_roster_and_the_draft() {
    use fuzhu::register::application_form;
    // B1's mother has no ID number and a birth month 1977.11: she turns 49 in November 2026,
    // on a day the register does not give. B2's mother has an ID number: her day is known.
    let head = "编号,社区,城乡,子女情况,子女出生日期,再生育或收养,女方姓名,女方身份证号,女方出生日期,女方开封户籍,男方姓名,男方身份证号,男方开封户籍";
    let csv = format!(
        "{head}\nB1,东苑社区,城镇,死亡,2005.04,否,王B1,,1977.11,是,李B1,{},是\n\
         B2,东苑社区,城镇,死亡,2005-04-12,否,王B2,{},,是,李B2,{},是\n",
        id("19650505", "011"),
        id("19770715", "002"),
        id("19650505", "031"),
    );
    let reg = check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap();
    assert!(reg.rows.iter().all(|r| r.error.is_none()), "{:?}", reg.rows);
    let list = roster::entries(&reg, &all(&reg), 2026);
    assert_eq!(numbers(&list), ["B1", "B2"]);
    let t = roster::table(&list, Kind::Roster);
    let col = |h: &str| t.headers.iter().position(|x| *x == h).unwrap();
    let birth = col("出生日期");
    assert_eq!(t.rows[0][birth], "1977-11", "the month, no day made up");
    assert_eq!(t.rows[0][col("起始日期")], "2026-11");
    assert!(t.rows[0][col("备注")].contains(roster::MONTH_ONLY_NOTE));
    assert_eq!(t.rows[1][birth], "1977-07-15", "a day from the ID number");
    assert_eq!(t.rows[1][col("起始日期")], "2026-07-15");
    assert!(!t.rows[1][col("备注")].contains(roster::MONTH_ONLY_NOTE));
    // The workbook as calamine reads it has no 1977-11-01 nor 2026-11-01.
    let bytes = roster::xlsx(&list, &office(), 2026, today(), Kind::Roster).unwrap();
    let body = calamine_lines(&bytes).join("\n");
    assert!(
        body.contains("1977-11") && !body.contains("1977-11-01"),
        "{body}"
    );
    assert!(
        body.contains("2026-11") && !body.contains("2026-11-01"),
        "{body}"
    );
    // The draft: 1977年11月, the child 2005年4月, turning 49 in 2026年11月.
    let f = application_form::form(&reg, 0).unwrap();
    assert_eq!(f.people[0].birth, "1977年11月");
    assert_eq!(f.child_birth, "2005年4月");
    assert!(
        f.reason.contains("女方将于2026年11月年满49周岁"),
        "{}",
        f.reason
    );
    let g = application_form::form(&reg, 1).unwrap();
    assert_eq!(g.people[0].birth, "1977年7月15日");
    assert_eq!(g.child_birth, "2005年4月12日");
    // The published register's child born 2005.04 (row 12): the draft says 2005年4月.
    let reg = published();
    let f = application_form::form(&reg, at_line(&reg, 12)).unwrap();
    assert_eq!(f.child_birth, "2005年4月");
}

#[test]
fn the_command_line_writes_the_drafts_of_the_year_s_list_as_one_printable_html_file() {
    let dir = std::env::temp_dir().join(format!("fuzhu-drafts-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/register/office/published.xlsx");
    let input = input.to_str().unwrap();
    let out = dir.join("申请审核表.html");
    let (code, err) = fuzhu(&[
        "register",
        input,
        "--applications",
        "2026",
        "--office",
        "某某街道办事处",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    // On the 2026 list of the published register: row 12 only (何某, the mother turning 49).
    assert!(
        err.contains("申请审核表（参考）：2026年名单上的1户"),
        "{err}"
    );
    let page = std::fs::read_to_string(&out).unwrap();
    assert_eq!(page.matches("<section>").count(), 1);
    for words in [
        "供参考，以县（区）卫生健康委的正式表格为准",
        "台账第12行",
        "填表单位：某某街道办事处",
        "何某",
        "许某",
        "410299197711200422",
        "残疾人证：视力一级",
        "2005年4月",
        "村（居）委会初审意见",
        "乡（镇、街道）审核意见",
        "县（区）卫生健康委审批意见",
        "size: A4",
    ] {
        assert!(page.contains(words), "{words}");
    }
    // Nothing runs and nothing is fetched: it opens and prints on a PC without a network.
    for never in ["<script", "http:", "https:", "src=", "@import", "url("] {
        assert!(!page.contains(never), "{never}");
    }
    // all: every household whose special support is not ruled out, one page each.
    let (code, err) = fuzhu(&[
        "register",
        input,
        "--applications",
        "all",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&out).unwrap();
    let reg = published();
    let n = (0..reg.rows.len())
        .filter(|&i| fuzhu::register::application_form::has_form(&reg, i))
        .count();
    assert!(n >= 2, "{n}");
    assert_eq!(page.matches("<section>").count(), n);
    assert!(err.contains(&format!("申请审核表（参考）：{n}户")), "{err}");
    // LibreOffice (Calc's HTML import) reads it back with every household's names.
    if let Some(soffice) = common::soffice() {
        let o = Command::new(soffice)
            .args([
                "--headless",
                &format!("-env:UserInstallation=file://{}/profile", dir.display()),
                "--infilter=HTML (StarCalc)",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        let text = std::fs::read_to_string(dir.join("申请审核表.csv")).unwrap();
        for name in ["何某", "张某英", "王某芳"] {
            assert!(text.contains(name), "{name}: {text}");
        }
        assert!(text.contains("县（区）卫生健康委审批意见"), "{text}");
    } else {
        eprintln!("SKIPPED the LibreOffice read-back: soffice is not installed");
    }
    // Wrong calls are refused with the usage, in Chinese then English.
    let (code, err) = fuzhu(&["register", input, "--applications", "26", "-o", "x.html"]);
    assert_eq!(code, 2);
    assert!(err.contains("--applications后面写年份"), "{err}");
    let (code, err) = fuzhu(&["register", input, "--applications", "all"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--applications需要用-o给出.html文件名"),
        "{err}"
    );
    let (code, _) = fuzhu(&["register", input, "--applications", "all", "-o", "x.xlsx"]);
    assert_eq!(code, 2);
    let (code, _) = fuzhu(&[
        "register",
        input,
        "--applications",
        "all",
        "--list-apply",
        "2026",
        "-o",
        "x.html",
    ]);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_office_named_on_the_register_s_filing_line_is_the_list_s_office_unless_one_is_given() {
    let t = |s: &str| Cell::Text(s.into());
    // The published register: 填报单位：某某街道办事处（盖章）.
    assert_eq!(published().filed_by.as_deref(), Some("某某街道办事处"));
    // In one cell with the date after it, or the name in the next cell.
    for (row, want) in [
        (
            vec![t(
                "填报单位：东苑街道办事处（盖章）    填报日期：2026年11月30日",
            )],
            Some("东苑街道办事处"),
        ),
        (
            vec![
                t("填报单位（盖章）："),
                t("东苑街道办事处"),
                t("填报日期："),
            ],
            Some("东苑街道办事处"),
        ),
        (vec![t("填表单位: 城关镇人民政府")], Some("城关镇人民政府")),
        // A line that names no office: none made up.
        (vec![t("填报单位："), t("填报日期：2026年11月30日")], None),
        (vec![t("某某街道计划生育特殊家庭信息台账")], None),
    ] {
        assert_eq!(
            roster::filed_by(std::slice::from_ref(&row)).as_deref(),
            want,
            "{row:?}"
        );
    }
    // The command line: the register's office heads the list; --office overrides it.
    let dir = std::env::temp_dir().join(format!("fuzhu-filed-by-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/register/office/published.xlsx");
    let out = dir.join("名单.xlsx");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "register",
            input.to_str().unwrap(),
            "--list-apply",
            "2026",
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, err) = fuzhu(&args);
        assert_eq!(code, 0, "{err}");
        calamine_lines(&std::fs::read(&out).unwrap())
    };
    let lines = run(&[]);
    assert!(
        lines[0].starts_with("某某街道办事处2026年度"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("填报单位（盖章）：某某街道办事处"),
        "{}",
        lines[1]
    );
    let lines = run(&["--office", "东苑街道办事处"]);
    assert!(
        lines[0].starts_with("东苑街道办事处2026年度"),
        "{}",
        lines[0]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
