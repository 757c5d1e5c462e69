//! Facts that contradict each other or cannot be real are refused, never guessed (RULINGS,
//! "Families as caseworkers meet them"): each limit is tried just below, at and just above, and
//! a refusal names its field in both languages. The command line's own tests (tests/cli.rs)
//! check the same refusals arrive as one line on stderr with exit code 2.

use chrono::NaiveDate;
use fuzhu::rules::{self, Facts, FactsError};
use serde_json::{json, Value};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A bereaved couple in their fifties, both registered in Kaifeng, checked on `as_of`.
fn couple(as_of: &str) -> Value {
    json!({
        "as_of": as_of, "residence": "urban", "child": {"status": "deceased"},
        "has_other_child": false,
        "parents": [
            {"role": "mother", "birth_date": "1970-03-15", "kaifeng_hukou": true},
            {"role": "father", "birth_date": "1968-09-20", "kaifeng_hukou": true}
        ]
    })
}

/// Decides `v` on `today`: Ok, or the refusal; a household serde cannot read is an Err too.
fn decide(v: &Value, today: NaiveDate) -> Result<rules::Outcome, FactsError> {
    let facts: Facts = serde_json::from_value(v.clone()).map_err(|e| FactsError {
        field: "json".into(),
        en: e.to_string(),
        zh: String::new(),
    })?;
    rules::evaluate(&facts, today)
}

fn refused(v: &Value, today: NaiveDate, field: &str, zh: &str) {
    match decide(v, today) {
        Ok(_) => panic!("accepted, but {field} should be refused: {v}"),
        Err(e) => {
            assert_eq!(e.field, field, "{e:?}");
            assert!(e.zh.contains(zh), "{e:?} should say {zh:?}");
            assert!(!e.en.is_empty());
        }
    }
}

fn accepted(v: &Value, today: NaiveDate) {
    if let Err(e) = decide(v, today) {
        panic!("refused {e:?}: {v}");
    }
}

fn with_days(mut v: Value, days: i64) -> Value {
    v["parents"][0]["hospital_days"] = json!(days);
    v
}

#[test]
fn ten_days_in_hospital_by_10_january_are_accepted_and_eleven_refused() {
    let today = day(2024, 1, 10);
    accepted(&with_days(couple("2024-01-10"), 9), today);
    accepted(&with_days(couple("2024-01-10"), 10), today);
    refused(
        &with_days(couple("2024-01-10"), 11),
        today,
        "parents[0].hospital_days",
        "最多10天",
    );
}

#[test]
fn on_1_january_one_day_in_hospital_is_the_most() {
    let today = day(2024, 1, 1);
    accepted(&with_days(couple("2024-01-01"), 1), today);
    refused(
        &with_days(couple("2024-01-01"), 2),
        today,
        "parents[0].hospital_days",
        "最多1天",
    );
}

#[test]
fn a_whole_leap_year_holds_366_days_and_a_common_year_365() {
    accepted(&with_days(couple("2024-12-31"), 366), day(2024, 12, 31));
    accepted(&with_days(couple("2025-12-31"), 365), day(2025, 12, 31));
    refused(
        &with_days(couple("2025-12-31"), 366),
        day(2025, 12, 31),
        "parents[0].hospital_days",
        "最多365天",
    );
}

#[test]
fn negative_hospital_days_are_refused() {
    refused(
        &with_days(couple("2024-06-01"), -1),
        day(2024, 6, 1),
        "parents[0].hospital_days",
        "负数",
    );
}

fn mother_born(born: &str) -> Value {
    let mut v = couple("2024-06-01");
    v["parents"][0]["birth_date"] = json!(born);
    v
}

#[test]
fn a_mother_who_turns_16_on_the_check_date_is_accepted_and_one_day_younger_is_refused() {
    let today = day(2024, 6, 1);
    accepted(&mother_born("2008-05-31"), today);
    accepted(&mother_born("2008-06-01"), today);
    refused(
        &mother_born("2008-06-02"),
        today,
        "parents[0].birth_date",
        "不满16周岁",
    );
}

#[test]
fn a_mother_of_120_is_accepted_until_her_121st_birthday() {
    let today = day(2024, 6, 1);
    accepted(&mother_born("1903-06-02"), today);
    refused(
        &mother_born("1903-06-01"),
        today,
        "parents[0].birth_date",
        "超过120周岁",
    );
    refused(
        &mother_born("1903-05-31"),
        today,
        "parents[0].birth_date",
        "超过120周岁",
    );
}

#[test]
fn a_late_father_over_120_is_refused_as_a_likely_typo_too() {
    let mut v = couple("2024-06-01");
    v["parents"][1]["alive"] = json!(false);
    v["parents"][1]["birth_date"] = json!("1900-01-01");
    refused(&v, day(2024, 6, 1), "parents[1].birth_date", "超过120周岁");
}

fn disabled_child_born(born: &str) -> Value {
    let mut v = couple("2024-06-01");
    v["child"] = json!({"status": "disabled", "disability_grade": 2, "birth_date": born});
    v
}

#[test]
fn a_child_born_the_day_before_the_father_is_refused_and_a_child_born_after_both_is_accepted() {
    let today = day(2024, 6, 1);
    accepted(&disabled_child_born("1990-01-01"), today);
    // Born on the mother's own birthday: not before her, but she was not 14 (Round 3).
    refused(
        &disabled_child_born("1970-03-15"),
        today,
        "parents[0].birth_date",
        "不满14周岁",
    );
    refused(
        &disabled_child_born("1970-03-14"),
        today,
        "child.birth_date",
        "早于父母的出生日期",
    );
    refused(
        &disabled_child_born("1968-09-19"),
        today,
        "child.birth_date",
        "早于父母的出生日期",
    );
}

#[test]
fn a_check_dated_two_years_ahead_is_accepted_and_one_day_more_is_refused_as_a_typo() {
    let today = day(2024, 6, 1);
    accepted(&couple("2026-05-31"), today);
    accepted(&couple("2026-06-01"), today);
    refused(&couple("2026-06-02"), today, "as_of", "请检查年份是否填错");
    refused(&couple("2204-06-01"), today, "as_of", "请检查年份是否填错");
}

#[test]
fn disability_fields_on_a_living_child_are_refused_each_by_name() {
    let today = day(2024, 6, 1);
    for (field, value) in [
        ("disability_grade", json!(2)),
        ("disability_types", json!(["autism"])),
        ("schooling", json!("college")),
        ("civil_capacity", json!(false)),
    ] {
        let mut v = couple("2024-06-01");
        v["child"] = json!({"status": "living"});
        v["child"][field] = value;
        refused(&v, today, &format!("child.{field}"), "健在");
    }
    // A living child with nothing of the kind is a plain not-special family.
    let mut v = couple("2024-06-01");
    v["child"] = json!({"status": "living"});
    let out = decide(&v, today).unwrap();
    assert!(!out.special_family);
}

#[test]
fn disability_fields_on_a_late_child_are_ignored() {
    let mut v = couple("2024-06-01");
    v["child"] = json!({"status": "deceased", "disability_grade": 1,
                        "schooling": "college", "civil_capacity": false});
    let out = decide(&v, day(2024, 6, 1)).unwrap();
    assert!(out.special_family);
    assert!(!out.get(rules::BenefitId::Guardianship).applies());
}

#[test]
fn dates_are_exactly_yyyy_mm_dd() {
    let today = day(2024, 6, 1);
    accepted(&couple("2024-06-01"), today);
    for bad in [
        "2024-6-1",
        " 2024-06-01",
        "2024-06-01 ",
        "+2024-06-01",
        "2024/06/01",
        "20240601",
        "2024-02-30",
        "",
    ] {
        let v = couple(bad);
        let e = decide(&v, today).expect_err(bad);
        assert!(
            e.en.contains("YYYY-MM-DD"),
            "{bad:?} should be refused as not YYYY-MM-DD: {e:?}"
        );
    }
    let v = mother_born("1970-3-15");
    assert!(decide(&v, today).is_err());
}

#[test]
fn the_same_key_twice_is_refused() {
    let text = r#"{"as_of": "2024-06-01", "residence": "urban", "child": {"status": "deceased"},
        "has_other_child": true, "has_other_child": false,
        "parents": [{"role": "mother", "birth_date": "1970-03-15", "kaifeng_hukou": true}]}"#;
    let e = serde_json::from_str::<Facts>(text).expect_err("a key given twice");
    assert!(e.to_string().contains("duplicate field"), "{e}");
    let text = r#"{"as_of": "2024-06-01", "residence": "urban",
        "child": {"status": "deceased", "status": "living"}, "has_other_child": false,
        "parents": [{"role": "mother", "birth_date": "1970-03-15", "kaifeng_hukou": true}]}"#;
    assert!(serde_json::from_str::<Facts>(text).is_err());
}

#[test]
fn both_parents_deceased_is_valid_input() {
    let mut v = couple("2024-06-01");
    v["parents"][0]["alive"] = json!(false);
    v["parents"][1]["alive"] = json!(false);
    let out = decide(&v, day(2024, 6, 1)).unwrap();
    assert_eq!(
        out.get(rules::BenefitId::FreeGravePlot).status,
        rules::Status::Eligible
    );
}

#[test]
fn a_child_parent_or_circumstances_written_as_an_array_is_refused() {
    let today = day(2024, 6, 1);
    let mut v = couple("2024-06-01");
    v["child"] = json!(["deceased"]);
    assert!(decide(&v, today).is_err(), "child as an array");
    let mut v = couple("2024-06-01");
    v["parents"] = json!([["mother", "1970-03-15", true, true]]);
    assert!(decide(&v, today).is_err(), "a parent as an array");
    let mut v = couple("2024-06-01");
    v["circumstances"] = json!([true, false]);
    assert!(decide(&v, today).is_err(), "circumstances as an array");
    // Through the text parser too, and a duplicate key inside a parent is still caught.
    let text = r#"{"as_of": "2024-06-01", "residence": "urban", "child": {"status": "deceased"},
        "has_other_child": false,
        "parents": [{"role": "mother", "birth_date": "1970-03-15", "kaifeng_hukou": true,
                     "kaifeng_hukou": false}]}"#;
    let e = serde_json::from_str::<Facts>(text).expect_err("a key twice in a parent");
    assert!(e.to_string().contains("duplicate field"), "{e}");
    let ok = serde_json::to_string(&couple("2024-06-01")).unwrap();
    assert!(serde_json::from_str::<Facts>(&ok).is_ok());
}

// ------------------------------------------------ implausible births (RULINGS, Round 3)

/// The couple above with a child born on `child`, the mother born on `mother` and the father
/// on `father`.
fn family(mother: &str, father: &str, child: &str) -> Value {
    let mut v = couple("2024-06-01");
    v["child"]["birth_date"] = json!(child);
    v["parents"][0]["birth_date"] = json!(mother);
    v["parents"][1]["birth_date"] = json!(father);
    v
}

#[test]
fn a_mother_a_day_short_of_14_at_the_birth_is_refused_and_one_of_14_accepted() {
    let today = day(2024, 6, 1);
    accepted(&family("1970-03-15", "1968-09-20", "1984-03-15"), today);
    accepted(&family("1970-03-15", "1968-09-20", "1984-03-16"), today);
    refused(
        &family("1970-03-15", "1968-09-20", "1984-03-14"),
        today,
        "parents[0].birth_date",
        "孩子出生时母亲还不满14周岁",
    );
}

#[test]
fn a_father_a_day_short_of_14_at_the_birth_is_refused_and_one_of_14_accepted() {
    let today = day(2024, 6, 1);
    accepted(&family("1960-01-01", "1970-03-15", "1984-03-15"), today);
    refused(
        &family("1960-01-01", "1970-03-15", "1984-03-14"),
        today,
        "parents[1].birth_date",
        "孩子出生时父亲还不满14周岁",
    );
}

#[test]
fn a_mother_of_59_at_the_birth_is_accepted_and_one_of_60_refused() {
    let today = day(2024, 6, 1);
    accepted(&family("1950-03-15", "1950-01-01", "2010-03-14"), today);
    refused(
        &family("1950-03-15", "1950-01-01", "2010-03-15"),
        today,
        "parents[0].birth_date",
        "孩子出生时母亲已年满60周岁",
    );
    refused(
        &family("1950-03-15", "1950-01-01", "2010-03-16"),
        today,
        "parents[0].birth_date",
        "请检查母亲或孩子的出生年份",
    );
}

#[test]
fn a_mother_written_1936_beside_a_child_of_2010_is_refused_never_paid() {
    refused(
        &family("1936-05-01", "1984-02-01", "2010-03-01"),
        day(2024, 6, 1),
        "parents[0].birth_date",
        "不合常理",
    );
}

#[test]
fn a_father_of_79_at_the_birth_is_accepted_and_one_of_80_refused() {
    let today = day(2024, 6, 1);
    accepted(&family("1975-01-01", "1925-03-15", "2005-03-14"), today);
    refused(
        &family("1975-01-01", "1925-03-15", "2005-03-15"),
        today,
        "parents[1].birth_date",
        "孩子出生时父亲已年满80周岁",
    );
}

#[test]
fn a_father_of_81_at_the_birth_is_refused_naming_the_father() {
    refused(
        &family("1975-01-01", "1924-03-15", "2005-03-15"),
        day(2024, 6, 1),
        "parents[1].birth_date",
        "孩子出生时父亲已年满80周岁",
    );
}

#[test]
fn a_mother_of_61_beside_a_father_of_79_at_the_birth_names_the_mother() {
    refused(
        &family("1949-01-01", "1931-01-01", "2010-06-01"),
        day(2024, 6, 1),
        "parents[0].birth_date",
        "母亲",
    );
}

/// A register row whose mother is written 1936 beside a child of 2010 names its row and the
/// column the office typed the mother's birth in (RULINGS, Round 3).
#[test]
fn a_register_row_with_a_mother_of_74_at_the_birth_names_its_row_and_column() {
    use fuzhu::register::{check_sheets, file};
    let csv = "编号,核查日期,县（区）,城乡,子女情况,残疾等级,子女出生日期,再生育或收养,女方姓名,女方出生日期,女方状况,女方户籍,男方姓名,男方出生日期,男方状况,男方开封户籍\n\
               KF-1,2024-06-01,鼓楼区,城镇,伤残,二级,2010-03-01,否,张某,1936-05-01,在世,是,李某,1984-02-01,在世,是\n\
               KF-2,2024-06-01,鼓楼区,城镇,伤残,二级,2010-03-01,否,王某,1986-05-01,在世,是,赵某,1984-02-01,在世,是\n";
    let sheets = file::read_bytes(csv.as_bytes(), "台账.csv").unwrap();
    let reg = check_sheets(sheets, day(2024, 6, 1)).unwrap();
    let bad = reg.rows[0]
        .error
        .as_deref()
        .expect("the 1936 row is refused");
    for needle in [
        "第2行",
        "女方出生日期",
        "孩子出生时母亲已年满60周岁",
        "出生年份",
    ] {
        assert!(bad.contains(needle), "{bad} should say {needle}");
    }
    assert!(reg.rows[0].result.is_none());
    assert_eq!(reg.rows[1].error, None, "the 1986 row is answered");
}
