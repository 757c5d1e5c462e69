//! The office page's worker decides a register in steps and hands the rows to the page as
//! bytes (`register::wire`): decided in steps it is the register `check_sheets` gives, and
//! the bytes read back to the very same rows, whatever the file; bytes cut short or spoiled
//! read as nothing, never as a panic.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use chrono::NaiveDate;
use fuzhu::register::values::check_char;
use fuzhu::register::{check_sheets, file, start_sheets, wire, Checked, Register};
use fuzhu::rules::facts::{
    Area, CareSetting, Child, ChildStatus, Circumstances, DisabilityType, Marital, Parent,
    Residence, Role, Scheme, Schooling,
};
use fuzhu::rules::Facts;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 12, 1)
}

fn fixture(name: &str) -> Vec<(String, Vec<Vec<fuzhu::register::Cell>>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/register")
        .join(name);
    file::read_path(&path).unwrap()
}

/// What the worker does: decide `chunk` rows at a time, post each chunk's bytes, then the
/// head; what the page does: read them back into one register.
fn through_the_worker(
    sheets: Vec<(String, Vec<Vec<fuzhu::register::Cell>>)>,
    chunk: usize,
) -> Register {
    let mut pending = start_sheets(sheets, today()).unwrap();
    let total = pending.total();
    let mut posted = Vec::new();
    loop {
        let from = pending.done();
        if pending.step(chunk) == 0 {
            break;
        }
        posted.push(wire::rows(&pending.rows()[from..]));
    }
    assert_eq!(pending.done(), total);
    let reg = pending.finish();
    let mut page = wire::read_head(&wire::head(&reg)).expect("the head reads back");
    for bytes in &posted {
        page.rows
            .extend(wire::read_rows(bytes).expect("a chunk reads back"));
    }
    page
}

#[test]
fn every_fixture_reads_back_to_the_register_check_sheets_gives() {
    for name in [
        "register.xlsx",
        "register.xls",
        "register.ods",
        "register-utf8.csv",
        "register-gbk.csv",
        "formulas-saved.xlsx",
        "formulas-unsaved.xlsx",
    ] {
        let whole = check_sheets(fixture(name), today()).unwrap();
        for chunk in [1, 5, 1000] {
            assert_eq!(
                through_the_worker(fixture(name), chunk),
                whole,
                "{name} in chunks of {chunk}"
            );
        }
    }
}

fn big_csv(n: usize) -> String {
    let mut s = String::from("编号,核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方户籍,男方出生日期,男方开封户籍,女方今年住院天数\n");
    for i in 0..n {
        let birth = format!("19{:02}0{}1{}", 60 + i % 20, 1 + i % 9, i % 10);
        let id17 = format!("410299{birth}{:03}", (i * 2) % 1000);
        let id = format!("{id17}{}", check_char(id17.as_bytes()));
        // Every 97th row has a mistake, every 50th is blank.
        if i % 50 == 49 {
            s.push_str(",,,,,,,,,\n");
            continue;
        }
        let days = if i % 97 == 0 { 400 } else { i % 100 };
        s.push_str(&format!(
            "K{i},2026-06-01,{},死亡,否,{id},是,1960/1/{},{},{days}\n",
            if i % 2 == 0 { "城镇" } else { "农村" },
            1 + i % 28,
            if i % 3 == 0 { "否" } else { "是" },
        ));
    }
    s
}

#[test]
fn a_register_of_3000_rows_decided_in_steps_of_500_is_the_same_register() {
    let csv = big_csv(3000);
    let sheets = || vec![(String::new(), file::read_csv(csv.as_bytes()).unwrap())];
    let whole = check_sheets(sheets(), today()).unwrap();
    let pending = start_sheets(sheets(), today()).unwrap();
    // The last row is blank, and blank rows at the end are no rows.
    assert_eq!(pending.total(), 2999);
    assert_eq!(through_the_worker(sheets(), 500), whole);
    assert!(whole.rows.iter().any(|r| r.error.is_some()));
    assert!(whole.rows.iter().any(Checked::is_blank));
}

#[test]
fn a_header_only_sheet_and_a_workbook_of_several_sheets_keep_their_notices_in_order() {
    let header_only = || {
        vec![(
            String::new(),
            file::read_csv("编号,城乡,子女情况\n".as_bytes()).unwrap(),
        )]
    };
    let reg = through_the_worker(header_only(), 100);
    assert_eq!(reg, check_sheets(header_only(), today()).unwrap());
    assert!(reg.notices.iter().any(|n| n.zh.contains("只有表头")));
    let two = || {
        let rows = file::read_csv("城乡,子女情况\n".as_bytes()).unwrap();
        vec![("说明".to_string(), vec![]), ("台账".to_string(), rows)]
    };
    let reg = through_the_worker(two(), 100);
    assert_eq!(reg, check_sheets(two(), today()).unwrap());
    assert_eq!(reg.sheet.as_deref(), Some("台账"));
    assert!(reg.notices[0].zh.contains("台账"));
}

#[test]
fn a_file_that_is_not_a_register_is_refused_before_any_row_is_decided() {
    let sheets = vec![(
        String::new(),
        file::read_csv("子女情况,城乡,城乡\n死亡,城镇,农村\n".as_bytes()).unwrap(),
    )];
    let e = start_sheets(sheets, today()).err().expect("refused");
    assert!(e.zh.contains("两列都是“城乡”"), "{}", e.zh);
    let mut w = wire::Writer::new();
    w.file_error(&e);
    assert_eq!(wire::Reader::new(&w.bytes).file_error(), Some(e));
}

#[test]
fn every_value_of_every_fact_reads_back() {
    let parent = |k: usize| Parent {
        role: [Role::Mother, Role::Father][k % 2],
        birth_date: day(1940 + k as i32, 1 + (k % 12) as u32, 1 + (k % 28) as u32),
        alive: k % 3 != 0,
        kaifeng_hukou: k % 2 == 0,
        self_care: [None, Some(true), Some(false)][k % 3],
        civil_capacity: k % 7 != 0,
        mobility_limited: k % 2 == 1,
        pension: [Scheme::Resident, Scheme::Employee, Scheme::None][k % 3],
        medical: [Scheme::None, Scheme::Resident, Scheme::Employee][k % 3],
        care_setting: std::iter::once(None)
            .chain(CareSetting::ALL.map(Some))
            .nth(k % 6)
            .unwrap(),
        hospital_days: [0, 1, 90, 366, -5, i64::MAX][k % 6],
        other_child: k % 4 == 3,
        marital: Marital::ALL[k % 3],
        area: [None, Some(Area::Lankao), Some(Area::Shifanqu)][k % 3],
    };
    for k in 0..40 {
        let f = Facts {
            as_of: [None, Some(day(2026, 6, 1)), Some(day(1, 1, 1))][k % 3],
            area: if k % 11 == 10 {
                None
            } else {
                Some(Area::ALL[k % 10])
            },
            residence: Residence::ALL[k % 2],
            child: Child {
                status: ChildStatus::ALL[k % 3],
                disability_grade: [None, Some(1), Some(4), Some(-1), Some(i64::MIN)][k % 5],
                disability_types: DisabilityType::ALL[..k % 9].to_vec(),
                birth_date: [None, Some(day(2005, 5, 1))][k % 2],
                schooling: [
                    None,
                    Some(Schooling::None),
                    Some(Schooling::HighSchool),
                    Some(Schooling::Vocational),
                    Some(Schooling::College),
                ][k % 5],
                civil_capacity: [None, Some(true), Some(false)][k % 3],
            },
            has_other_child: k % 2 == 1,
            parents: (0..k % 4).map(|j| parent(k + j)).collect(),
            circumstances: Circumstances {
                low_income: k & 1 != 0,
                housing_difficulty: k & 2 != 0,
                dilapidated_house: k & 4 != 0,
                poverty_registered: k & 8 != 0,
                wants_another_child: k & 16 != 0,
                needs_ivf: k & 32 != 0,
                wants_to_adopt: k % 3 == 0,
                legal_dispute: k % 5 == 0,
            },
        };
        let mut w = wire::Writer::new();
        w.facts(&f);
        let mut r = wire::Reader::new(&w.bytes);
        assert_eq!(r.facts().as_ref(), Some(&f), "case {k}");
        assert!(r.at_end());
    }
}

#[test]
fn bytes_cut_short_or_spoiled_read_as_nothing() {
    let reg = check_sheets(fixture("register.xlsx"), today()).unwrap();
    let bytes = wire::rows(&reg.rows);
    for n in 0..bytes.len() {
        assert_eq!(wire::read_rows(&bytes[..n]), None, "cut at {n}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(wire::read_rows(&longer), None, "a byte too many");
    // Every byte changed in turn: whatever it reads as, it never panics.
    for k in 0..bytes.len() {
        let mut spoiled = bytes.clone();
        spoiled[k] ^= 0xa5;
        let _ = wire::read_rows(&spoiled);
    }
    let head = wire::head(&reg);
    for n in 0..head.len() {
        assert_eq!(wire::read_head(&head[..n]), None, "head cut at {n}");
    }
}

// ---- The county's view, summed in the worker (issue 22.5) ----
//
// The worker runs `stats::compute_with`, `changes::redecide_with` + `between_with` and
// `compare::with_register` on the register it holds and posts the answers as these
// bytes; the page reads them back. So the numbers the page shows from the worker are the
// native numbers exactly when each reads back equal to what it was.

use fuzhu::register::{changes, compare, stats};

fn reread<'a, T>(bytes: &'a [u8], f: impl FnOnce(&mut wire::Reader<'a>) -> Option<T>) -> T {
    wire::read_all(bytes, f).expect("the bytes read back")
}

fn registers() -> Vec<(String, Register)> {
    let csv = big_csv(3000);
    let mut out: Vec<(String, Register)> = ["register.xlsx", "register.ods", "register.xls"]
        .iter()
        .map(|n| (n.to_string(), check_sheets(fixture(n), today()).unwrap()))
        .collect();
    let sheets = vec![(String::new(), file::read_csv(csv.as_bytes()).unwrap())];
    out.push(("3000 rows".into(), check_sheets(sheets, today()).unwrap()));
    out
}

#[test]
fn the_statistics_summed_in_the_worker_read_back_equal_to_the_native_statistics() {
    for (name, reg) in registers() {
        for date in [today(), day(2027, 6, 30)] {
            let native = stats::compute(&reg, date);
            let mut w = wire::Writer::new();
            w.stats(&stats::compute_with(&reg, date, &mut |_| {}));
            let page = reread(&w.bytes, wire::Reader::stats);
            assert_eq!(page, native, "{name} on {date}");
            // The tables the view and the sheet draw from are the same too.
            assert_eq!(stats::sheet_tables(&page), stats::sheet_tables(&native));
        }
    }
}

#[test]
fn a_register_with_a_community_column_and_received_column_reads_back_its_places_and_counts() {
    let reg = check_sheets(
        vec![(
            String::new(),
            file::read_csv(
                "编号,县区,社区,城乡,子女情况,再生育或收养,女方身份证号,女方开封户籍,已领特别扶助金\n\
                 A,鼓楼区,东苑社区,城镇,死亡,否,410204197003150023,是,是\n\
                 B,兰考县,,农村,伤残,否,410204196806010029,是,否\n"
                    .as_bytes(),
            )
            .unwrap(),
        )],
        today(),
    )
    .unwrap();
    let native = stats::compute(&reg, today());
    assert!(native.by_community.is_some());
    assert!(native.items.iter().any(|i| i.received.is_some()));
    let mut w = wire::Writer::new();
    w.stats(&native);
    assert_eq!(reread(&w.bytes, wire::Reader::stats), native);
}

#[test]
fn the_changes_by_a_day_ahead_worked_out_in_the_worker_read_back_equal_to_the_native_list() {
    let ahead = day(2027, 6, 30);
    let mut some = 0;
    for (name, reg) in registers() {
        let after = changes::redecide(&reg, ahead, today());
        let native = changes::between(&reg, &after, ahead);
        some += native.len();
        // What the worker posts: the rows decided for the day, then the head and the list.
        let in_worker = changes::redecide_with(&reg, ahead, today(), &mut |_| {});
        assert_eq!(in_worker, after, "{name}");
        let mut w = wire::Writer::new();
        w.head(&in_worker);
        w.changes(&changes::between_with(&reg, &in_worker, ahead, &mut |_| {}));
        let (mut head, list) = reread(&w.bytes, |r| Some((r.head()?, r.changes()?)));
        for chunk in in_worker.rows.chunks(400) {
            head.rows
                .extend(wire::read_rows(&wire::rows(chunk)).unwrap());
        }
        assert_eq!(head, after, "{name}: the register for the day");
        assert_eq!(list, native, "{name}: the families that change");
    }
    assert!(some > 0, "some families change by then");
}

#[test]
fn the_comparison_worked_out_in_the_worker_reads_back_equal_to_the_native_list() {
    let reg = check_sheets(fixture("register.xlsx"), today()).unwrap();
    let mut old = compare::table(&reg);
    // Since then: two years on, the first family gone, the last one new.
    let later = changes::redecide(&reg, day(2028, 11, 30), day(2026, 12, 1));
    let mut new = compare::table(&later);
    new.rows.remove(0);
    old.rows.pop();
    let native = compare::diff(&old, &new);
    for kind in ["新增", "减少", "变化"] {
        assert!(native.iter().any(|d| d.kind == kind), "{kind} in the list");
    }
    let mut w = wire::Writer::new();
    w.diffs(&native);
    assert_eq!(reread(&w.bytes, wire::Reader::diffs), native);
}

#[test]
fn each_long_step_tells_its_progress_every_2000_rows_from_the_first() {
    let (_, reg) = registers().pop().unwrap();
    let n = reg.rows.len();
    assert!(n > stats::STEP);
    let every: Vec<usize> = (0..n).step_by(stats::STEP).collect();
    let mut heard = Vec::new();
    stats::compute_with(&reg, today(), &mut |k| heard.push(k));
    assert_eq!(heard, every, "stats");
    heard.clear();
    let after = changes::redecide_with(&reg, day(2027, 6, 30), today(), &mut |k| heard.push(k));
    assert_eq!(heard, every, "a day ahead");
    heard.clear();
    changes::between_with(&reg, &after, day(2027, 6, 30), &mut |k| heard.push(k));
    assert_eq!(heard, every, "its changes");
    heard.clear();
    compare::with_register(&compare::table(&reg), &reg, &mut |k| heard.push(k));
    assert!(
        !heard.is_empty() && heard.iter().all(|k| k % stats::STEP == 0),
        "compare"
    );
    heard.clear();
    let listed: Vec<usize> = (0..n).step_by(2).collect();
    stats::compute_listed(&reg, Some(&listed), today(), &mut |k| heard.push(k));
    assert_eq!(
        heard,
        (0..listed.len()).step_by(stats::STEP).collect::<Vec<_>>(),
        "the statistics of the families listed"
    );
}

#[test]
fn the_county_answers_cut_short_read_as_nothing() {
    let (_, reg) = registers().swap_remove(0);
    let mut w = wire::Writer::new();
    w.stats(&stats::compute(&reg, today()));
    for n in 0..w.bytes.len() {
        assert_eq!(
            wire::read_all(&w.bytes[..n], wire::Reader::stats),
            None,
            "cut at {n}"
        );
    }
    let mut longer = w.bytes.clone();
    longer.push(0);
    assert_eq!(wire::read_all(&longer, wire::Reader::stats), None);
    let after = changes::redecide(&reg, day(2028, 11, 30), today());
    let list = changes::between(&reg, &after, day(2028, 11, 30));
    assert!(!list.is_empty());
    let mut w = wire::Writer::new();
    w.changes(&list);
    for n in 0..w.bytes.len() {
        assert_eq!(
            wire::read_all(&w.bytes[..n], wire::Reader::changes),
            None,
            "cut at {n}"
        );
    }
    let diffs = compare::diff(&compare::table(&reg), &compare::table(&after));
    assert!(!diffs.is_empty());
    let mut w = wire::Writer::new();
    w.diffs(&diffs);
    for n in 0..w.bytes.len() {
        assert_eq!(
            wire::read_all(&w.bytes[..n], wire::Reader::diffs),
            None,
            "cut at {n}"
        );
    }
}
