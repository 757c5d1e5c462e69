//! The office page's filters and search (`register::view`), on registers as an office types
//! them: each date filter tried the day before, on and after its edge, every filter against
//! the fixtures' answers, the search by 编号 and by 姓名.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use chrono::NaiveDate;
use fuzhu::register::columns::{Field, ParentField};
use fuzhu::register::roster;
use fuzhu::register::values::check_char;
use fuzhu::register::view::{self, Filter};
use fuzhu::register::{check, check_sheets, file, Register};
use fuzhu::rules::benefits::Claim;
use fuzhu::rules::{BenefitId, Role, Status};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 12, 1)
}

fn id(birth: &str, seq: &str) -> String {
    let first = format!("410299{birth}{seq}");
    format!("{first}{}", check_char(first.as_bytes()))
}

const HEAD: &str = "编号,核查日期,城乡,子女情况,再生育或收养,女方姓名,女方身份证号,女方户籍,男方姓名,男方出生日期,男方开封户籍,已领特别扶助金";

fn register(rows: &[String]) -> Register {
    let csv = format!("{HEAD}\n{}\n", rows.join("\n"));
    check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap()
}

/// A bereaved mother alone on the register, checked on 2026-06-01, born on `birth`.
fn mother_born(birth: &str) -> String {
    format!(
        "M{birth},2026-06-01,城镇,死亡,否,某某,{},是,,,,",
        id(birth, "002")
    )
}

fn kept(reg: &Register, f: Filter) -> Vec<usize> {
    view::select(reg, f, "")
}

/// The day special support starts for the one household of `reg`, as the rules say.
fn special_support_from(reg: &Register) -> NaiveDate {
    let s = reg.rows[0].result.as_ref().expect("decided");
    let (st, from) = s.items[fuzhu::rules::BenefitId::SpecialSupport as usize];
    assert_eq!(st, Status::Future);
    from.unwrap()
}

#[test]
fn within_three_months_keeps_an_item_starting_on_the_last_day_of_the_three_months_but_not_the_day_after(
) {
    // Checked 2026-06-01: three months on is 2026-09-01. Special support starts on the
    // mother's 49th birthday.
    let before = register(&[mother_born("19770831")]);
    let at = register(&[mother_born("19770901")]);
    let after = register(&[mother_born("19770902")]);
    assert_eq!(special_support_from(&before), day(2026, 8, 31));
    assert_eq!(special_support_from(&at), day(2026, 9, 1));
    assert_eq!(special_support_from(&after), day(2026, 9, 2));
    assert_eq!(kept(&before, Filter::Soon), vec![0]);
    assert_eq!(kept(&at, Filter::Soon), vec![0]);
    assert!(kept(&after, Filter::Soon).is_empty());
    // All three are later this year.
    for reg in [&before, &at, &after] {
        assert_eq!(kept(reg, Filter::ThisYear), vec![0]);
    }
}

#[test]
fn later_this_year_keeps_an_item_starting_on_31_december_but_not_on_1_january() {
    let dec = register(&[mother_born("19771231")]);
    let jan = register(&[mother_born("19780101")]);
    assert_eq!(special_support_from(&dec), day(2026, 12, 31));
    assert_eq!(special_support_from(&jan), day(2027, 1, 1));
    assert_eq!(kept(&dec, Filter::ThisYear), vec![0]);
    assert!(kept(&jan, Filter::ThisYear).is_empty());
    assert!(kept(&dec, Filter::Soon).is_empty());
}

#[test]
fn not_received_keeps_a_mother_owed_special_support_whom_the_register_marks_as_not_receiving_it() {
    let owed = |received: &str| {
        format!(
            "K1,2026-06-01,城镇,死亡,否,某某,{},是,,,,{received}",
            id("19700315", "002")
        )
    };
    let not = register(&[owed("否")]);
    assert_eq!(
        not.rows[0]
            .result
            .as_ref()
            .unwrap()
            .status(fuzhu::rules::BenefitId::SpecialSupport),
        Status::Eligible
    );
    assert_eq!(kept(&not, Filter::NotReceived), vec![0]);
    assert_eq!(kept(&not, Filter::ClaimNow), vec![0]);
    assert!(kept(&register(&[owed("是")]), Filter::NotReceived).is_empty());
    assert!(kept(&register(&[owed("")]), Filter::NotReceived).is_empty());
}

#[test]
fn a_row_with_an_error_is_listed_under_all_and_errors_only() {
    let mut bad = id("19700315", "002");
    bad.replace_range(17.., if bad.ends_with('0') { "1" } else { "0" });
    let reg = register(&[
        format!("K1,2026-06-01,城镇,死亡,否,某某,{bad},是,,,,"),
        ",,,,,,,,,,,".to_string(),
        mother_born("19700315"),
    ]);
    assert!(reg.rows[0].error.is_some());
    assert!(reg.rows[1].is_blank());
    assert_eq!(kept(&reg, Filter::Errors), vec![0]);
    // The blank row between them is no household.
    assert_eq!(kept(&reg, Filter::All), vec![0, 2]);
    for f in [
        Filter::ClaimNow,
        Filter::Check,
        Filter::Soon,
        Filter::ThisYear,
        Filter::NotReceived,
    ] {
        assert!(!kept(&reg, f).contains(&0), "{f:?}");
    }
    assert_eq!(view::counts(&reg)[0], 2);
}

#[test]
fn the_search_finds_a_household_by_its_number_or_either_parents_name() {
    let rows = [
        format!(
            "KF-001,2026-06-01,城镇,死亡,否,张秀英,{},是,李建国,1963/9/20,是,",
            id("19700315", "002")
        ),
        format!(
            "kf-002,2026-06-01,农村,死亡,否,王桂兰,{},是,赵长顺,1962/1/2,是,",
            id("19710101", "004")
        ),
    ];
    let reg = register(&rows);
    assert_eq!(view::select(&reg, Filter::All, "KF-001"), vec![0]);
    assert_eq!(
        view::select(&reg, Filter::All, " KF-002 "),
        vec![1],
        "case and spaces"
    );
    assert_eq!(view::select(&reg, Filter::All, "秀英"), vec![0]);
    assert_eq!(view::select(&reg, Filter::All, "长顺"), vec![1]);
    assert_eq!(view::select(&reg, Filter::All, "kf"), vec![0, 1]);
    assert!(view::select(&reg, Filter::All, "刘").is_empty());
    assert_eq!(view::select(&reg, Filter::All, ""), vec![0, 1]);
    assert_eq!(view::label(&reg, &reg.rows[0]), "KF-001 张秀英 李建国");
}

#[test]
fn every_filter_on_the_libreoffice_fixture_keeps_the_households_the_answers_say() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/register/register.xlsx");
    let reg = check_sheets(file::read_path(&path).unwrap(), today()).unwrap();
    let counts = view::counts(&reg);
    for (k, f) in Filter::ALL.iter().enumerate() {
        let listed = kept(&reg, *f);
        assert_eq!(listed.len(), counts[k], "{f:?}");
        for (i, r) in reg.rows.iter().enumerate() {
            let want =
                match (&r.result, *f) {
                    _ if r.is_blank() => false,
                    (_, Filter::All) => true,
                    (None, Filter::Errors) => true,
                    (None, _) | (Some(_), Filter::Errors) => false,
                    (Some(s), Filter::ClaimNow) => fuzhu::rules::BENEFITS
                        .iter()
                        .zip(s.items.iter())
                        .any(|(b, (x, _))| {
                            *x == Status::Eligible
                                && match b.claim {
                                    Claim::Apply => {
                                        !(b.id == BenefitId::SpecialSupport
                                            && roster::received(&reg, r) == Some(true))
                                    }
                                    Claim::PerStay => !s.totals.annual.is_zero(),
                                    _ => false,
                                }
                        }),
                    (Some(s), Filter::Check) => fuzhu::rules::BENEFITS
                        .iter()
                        .zip(s.items.iter())
                        .any(|(b, (x, _))| {
                            // A scheme subsidy counts only where the register has the scheme's
                            // column, or a 提醒 line names it.
                            let scheme = match b.id {
                                BenefitId::PensionSubsidy => Some(ParentField::Pension),
                                BenefitId::MedicalInsuranceSubsidy => Some(ParentField::Medical),
                                _ => None,
                            };
                            let asked = scheme.is_none_or(|pf| {
                                [
                                    Field::Parent(Role::Mother, pf),
                                    Field::Parent(Role::Father, pf),
                                    Field::Person(pf),
                                ]
                                .iter()
                                .any(|f| reg.layout.has(*f))
                                    || s.reminders.iter().any(|l| l.contains(b.zh))
                            });
                            *x == Status::Check
                                && matches!(b.claim, Claim::Apply | Claim::PerStay)
                                && !view::STANDING_CHECKS.contains(&b.id)
                                && asked
                        }),
                    (Some(s), Filter::Soon) => s.items.iter().any(|(x, d)| {
                        *x == Status::Future
                            && d.is_some_and(|d| {
                                d <= s.as_of.checked_add_months(chrono::Months::new(3)).unwrap()
                            })
                    }),
                    (Some(s), Filter::ThisYear) => s.items.iter().any(|(x, d)| {
                        *x == Status::Future
                            && d.is_some_and(|d| {
                                d.format("%Y").to_string() == s.as_of.format("%Y").to_string()
                            })
                    }),
                    (Some(s), Filter::NotReceived) => {
                        s.reminders.iter().any(|l| l.contains("台账显示未领取"))
                    }
                    (Some(s), Filter::ApplyThisYear) => {
                        roster::due(&reg, r, s.as_of.format("%Y").to_string().parse().unwrap())
                            .is_some()
                    }
                    (Some(s), Filter::NotCovered) => !s.special_family || !s.covered,
                };
            assert_eq!(listed.contains(&i), want, "{f:?}, row {}", r.line);
        }
    }
    // The fixture has households under every filter but 三个月内 and 今年内将符合 (which
    // depend on its check dates), and rows with errors.
    assert!(
        counts[0] >= 10 && counts[1] > 0 && counts[5] > 0,
        "{counts:?}"
    );
}

#[test]
fn can_claim_now_does_not_list_a_household_whose_only_items_are_the_services_every_family_has() {
    // A bereaved mother of 44 in town, no pension or medical scheme given, no days in hospital:
    // special support is to come, and what she has now (五定两包, visits, the rewards that go
    // on, the insurance bought for her) needs no application.
    let young = format!(
        "Y1,2026-06-01,城镇,死亡,否,某某,{},是,,,,",
        id("19820315", "002")
    );
    // A mother of 56 owed special support, the register showing it not received; and one
    // showing it received, with nothing else to apply for.
    let owed = format!(
        "K1,2026-06-01,城镇,死亡,否,某某,{},是,,,,否",
        id("19700315", "002")
    );
    let received = format!(
        "K2,2026-06-01,城镇,死亡,否,某某,{},是,,,,是",
        id("19700315", "002")
    );
    let reg = register(&[young, owed, received]);
    for r in &reg.rows {
        let s = r.result.as_ref().expect("decided");
        assert!(s.items.iter().any(|(st, _)| *st == Status::Eligible));
    }
    assert_eq!(kept(&reg, Filter::ClaimNow), vec![1]);
    assert_eq!(kept(&reg, Filter::All), vec![0, 1, 2]);
}

#[test]
fn can_claim_now_narrows_the_fixture_while_all_still_lists_every_household() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/register/register.xlsx");
    let reg = check_sheets(file::read_path(&path).unwrap(), today()).unwrap();
    let counts = view::counts(&reg);
    let decided = reg.rows.iter().filter(|r| r.result.is_some()).count();
    let covered = reg
        .rows
        .iter()
        .filter_map(|r| r.result.as_ref())
        .filter(|s| s.special_family && s.covered)
        .count();
    // Every covered family has the universal services; fewer have something to apply for.
    assert!(counts[1] <= covered, "{counts:?}");
    assert_eq!(
        counts[8],
        decided - covered,
        "不适用本政策 counts the households decided and not covered"
    );
}

#[test]
fn not_covered_lists_a_family_whose_child_is_living_or_who_has_no_kaifeng_hukou() {
    let living = format!(
        "L1,2026-06-01,城镇,健在,否,某某,{},是,,,,",
        id("19700315", "002")
    );
    let elsewhere = format!(
        "L2,2026-06-01,城镇,死亡,否,某某,{},否,,,,",
        id("19700315", "002")
    );
    let reg = register(&[living, elsewhere, mother_born("19700315")]);
    assert_eq!(kept(&reg, Filter::NotCovered), vec![0, 1]);
    assert!(!kept(&reg, Filter::ClaimNow).contains(&0));
}

#[test]
fn the_search_finds_a_household_by_a_full_id_number_or_its_last_four_or_more_characters() {
    let a = id("19700315", "002");
    let b = id("19710101", "004");
    let reg = register(&[
        format!("KF-001,2026-06-01,城镇,死亡,否,张秀英,{a},是,,,,"),
        format!("KF-002,2026-06-01,城镇,死亡,否,王桂兰,{b},是,,,,"),
    ]);
    assert_eq!(view::select(&reg, Filter::All, &a), vec![0]);
    assert_eq!(view::select(&reg, Filter::All, &b[14..]), vec![1]);
    assert_eq!(view::select(&reg, Filter::All, &b[12..]), vec![1]);
    // Spaces typed inside the number are ignored; a lower-case x matches X.
    let spaced = format!("{} {} {}", &a[..6], &a[6..14], &a[14..]);
    assert_eq!(view::select(&reg, Filter::All, &spaced), vec![0]);
    // Three digits are too few to mean an ID number's end (and match no 编号 or name).
    assert!(view::select(&reg, Filter::All, &b[15..]).is_empty());
    // The middle of a number (the birth date) is not its end.
    assert!(view::select(&reg, Filter::All, "19700315").is_empty());
}

#[test]
fn the_table_leads_with_the_number_and_names_then_the_answers_then_the_office_s_own_columns() {
    let reg = register(&[mother_born("19700315")]);
    let headers = reg.output_headers();
    let order = view::table_order(&reg);
    let names: Vec<&str> = order.iter().map(|(p, _)| headers[*p].as_str()).collect();
    assert_eq!(&names[..4], ["编号", "女方姓名", "男方姓名", "判断日期"]);
    assert_eq!(names.len(), headers.len(), "every column once");
    let own: Vec<&str> = order
        .iter()
        .filter(|(_, own)| *own)
        .map(|(p, _)| headers[*p].as_str())
        .collect();
    assert_eq!(own[0], "核查日期");
    assert!(!own.contains(&"错误") && !own.contains(&"可以享受"));
    // The office's own columns come last.
    let first_own = order.iter().position(|(_, own)| *own).unwrap();
    assert!(order[first_own..].iter().all(|(_, own)| *own));
}

#[test]
fn exporting_the_households_listed_keeps_only_their_rows_with_every_column() {
    let reg = register(&[
        mother_born("19700315"),
        mother_born("19800315"),
        mother_born("19700316"),
    ]);
    let sub = view::subset(&reg, &[0, 2]);
    assert_eq!(sub.rows.len(), 2);
    assert_eq!(sub.output_headers(), reg.output_headers());
    assert_eq!(sub.output_row(1), reg.output_row(2));
}

#[test]
fn the_standing_checks_are_answered_to_confirm_for_every_scenario_household_they_apply_to() {
    let today = day(2026, 12, 1);
    let mut applied = [0; view::STANDING_CHECKS.len()];
    for (name, facts) in common::scenario_households() {
        let out = fuzhu::rules::evaluate(&facts, today).unwrap();
        for (k, id) in view::STANDING_CHECKS.iter().enumerate() {
            let st = out.get(*id).status;
            assert!(
                matches!(st, Status::Check | Status::NotEligible),
                "{name}: {id:?} is {st:?}"
            );
            applied[k] += (st == Status::Check) as usize;
        }
    }
    assert!(applied.iter().all(|n| *n > 0), "{applied:?}");
}

#[test]
fn to_confirm_keeps_a_day_the_register_leaves_open_but_not_the_checks_every_bereaved_family_has() {
    // A bereaved mother of 56 with her ID number: the one-off relief is to confirm for every
    // bereaved family (汴政办〔2014〕50号, paid once), nothing else is open.
    let known = format!(
        "C1,2026-06-01,城镇,死亡,否,某某,{},是,,,,",
        id("19700315", "002")
    );
    // The same mother with a husband whose birth the register gives only to the month, the
    // month he turns 60 (1966.06, checked 2026-06-01): what starts at 60 depends on the day.
    let month = format!(
        "C2,2026-06-01,城镇,死亡,否,某某,{},是,某某,1966.06,是,",
        id("19700315", "002")
    );
    let reg = register(&[known, month]);
    let s = reg.rows[0].result.as_ref().expect("decided");
    let relief = s.items[BenefitId::DeathRelief as usize].0;
    assert_eq!(relief, Status::Check, "the relief stands to confirm");
    assert_eq!(kept(&reg, Filter::Check), vec![1]);
    // The register has no 养老保险 or 医疗保险 column: the scheme subsidies are to confirm on
    // every row, said once for the file, and listed for no row on that account.
    assert_eq!(
        s.items[BenefitId::PensionSubsidy as usize].0,
        Status::Check,
        "the pension subsidy waits for the scheme"
    );
    let said: Vec<&str> = reg.notices.iter().map(|n| n.zh.as_str()).collect();
    assert!(
        said.iter()
            .any(|n| n.starts_with("表中没有“养老保险”“医疗保险”一列")
                && n.contains("城乡居民养老保险缴费补贴")),
        "{said:?}"
    );
    // With the columns, a row whose scheme is left blank is to confirm: it is listed.
    let head = format!("{HEAD},女方养老保险,女方医疗保险");
    let csv = format!(
        "{head}\nS1,2026-06-01,城镇,死亡,否,某某,{},是,,,,,,\nS2,2026-06-01,城镇,死亡,否,某某,{},是,,,,,城乡居民,城乡居民\n",
        id("19700315", "002"),
        id("19700315", "022")
    );
    let reg = check(file::read_csv(csv.as_bytes()).unwrap(), today()).unwrap();
    assert!(reg.notices.iter().all(|n| !n.zh.contains("“养老保险”")));
    assert!(
        kept(&reg, Filter::Check).contains(&0),
        "a blank scheme is to confirm"
    );
    // The count the page shows (the worker's) is the filter's.
    assert_eq!(
        view::counts(&reg)[2],
        kept(&reg, Filter::Check).len(),
        "需要核实's count"
    );
}
