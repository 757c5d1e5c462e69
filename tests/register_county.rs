//! The county's view of a register (issue 22): the statistics add up to the rows' own answers
//! on the LibreOffice fixtures; a register as of a later day moves a family exactly as the
//! rules do; the comparison with an earlier export finds who was added, removed and changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use fuzhu::register::{changes, check, check_sheets, compare, file, stats, Register};
use fuzhu::rules::{self, BenefitId, Status, BENEFITS};
use rust_decimal::Decimal;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/register")
}

fn read(name: &str, today: NaiveDate) -> Register {
    let sheets = file::read_path(&fixtures().join(name)).unwrap();
    check_sheets(sheets, today).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("register_county");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A register typed as CSV: the headers of the template, then one line per family.
fn csv_register(lines: &[&str], today: NaiveDate) -> Register {
    let mut text = String::from(
        "编号,县区,城乡,子女情况,子女出生日期,再生育或收养,女方姓名,女方出生日期,女方状况,女方开封户籍,男方姓名,男方出生日期,男方状况,男方开封户籍,社区\n",
    );
    for l in lines {
        text.push_str(l);
        text.push('\n');
    }
    check(file::read_csv(text.as_bytes()).unwrap(), today).unwrap()
}

#[test]
fn the_statistics_add_up_to_each_rows_answer_on_every_libreoffice_fixture() {
    let today = day(2026, 12, 1);
    for name in ["register.xlsx", "register.ods", "register.xls"] {
        let reg = read(name, today);
        let s = stats::compute(&reg, today);
        let decided: Vec<_> = reg.rows.iter().filter_map(|r| r.result.as_ref()).collect();
        assert_eq!(s.decided, decided.len(), "{name}");
        assert_eq!(
            s.failed,
            reg.rows.iter().filter(|r| r.error.is_some()).count()
        );
        assert_eq!(s.types[3].families, s.decided, "{name}: 合计");
        assert_eq!(
            s.types[..3].iter().map(|t| t.families).sum::<usize>(),
            s.decided
        );
        assert_eq!(
            s.types[3].special,
            decided.iter().filter(|d| d.special_family).count()
        );
        assert_eq!(
            s.types[3].covered,
            decided.iter().filter(|d| d.covered).count()
        );
        assert_eq!(s.by_area.iter().map(|(_, n)| n).sum::<usize>(), s.decided);
        for (k, item) in s.items.iter().enumerate() {
            let n = |st: Status| decided.iter().filter(|d| d.items[k].0 == st).count();
            assert_eq!(item.eligible, n(Status::Eligible), "{name}: {}", item.zh);
            assert_eq!(item.check, n(Status::Check), "{name}: {}", item.zh);
            assert_eq!(item.future, n(Status::Future), "{name}: {}", item.zh);
        }
        let sum = |f: &dyn Fn(&fuzhu::register::Summary) -> Decimal| {
            decided.iter().map(|d| f(d)).sum::<Decimal>()
        };
        assert_eq!(s.money.sure.monthly, sum(&|d| d.totals.monthly), "{name}");
        assert_eq!(s.money.sure.one_off, sum(&|d| d.totals.one_off));
        assert_eq!(s.money.sure.annual, sum(&|d| d.totals.annual));
        assert_eq!(
            s.money.to_confirm.one_off,
            sum(&|d| d.totals_to_confirm.one_off)
        );
        // What the policy states no amount for is counted, item by item, never summed as 0.
        let mut not_stated = 0;
        for r in &reg.rows {
            let (Some(f), Some(sm)) = (&r.facts, &r.result) else {
                continue;
            };
            let o = rules::evaluate(f, sm.as_of).unwrap();
            not_stated += o
                .benefits
                .iter()
                .filter(|b| {
                    b.status == Status::Eligible
                        && BENEFITS[b.id as usize].group == rules::Group::Cash
                        && b.monthly_total.is_none()
                        && b.one_off_total.is_none()
                        && b.annual_total.is_none()
                })
                .count();
        }
        assert_eq!(s.money.sure_not_stated, not_stated, "{name}");
        let rewards = &s.items[BenefitId::ParentRewards as usize];
        assert!(rewards.eligible > 0 && rewards.not_stated == rewards.eligible);
        // 已领: the register's own column, counted as it says 是.
        let received = reg
            .rows
            .iter()
            .filter(|r| r.result.is_some())
            .filter(|r| {
                let c = reg
                    .layout
                    .cell(&r.input, fuzhu::register::columns::Field::Received);
                fuzhu::register::values::text(c).as_deref() == Some("是")
            })
            .count();
        assert_eq!(
            s.items[BenefitId::SpecialSupport as usize].received,
            Some(received)
        );
        assert_eq!(s.items[BenefitId::DeathRelief as usize].received, None);
    }
}

#[test]
fn mothers_turning_49_and_parents_turning_60_are_counted_in_their_month_from_the_date_on() {
    let date = day(2026, 12, 7);
    let reg = csv_register(
        &[
            // She turns 49 on 2027-02-15: the third month.
            "A,鼓楼区,城镇,死亡,,否,甲,1978-02-15,在世,是,乙,1970-01-01,在世,是,西司门社区",
            // She turned 49 the day before the date: not in the coming months.
            "B,鼓楼区,城镇,死亡,,否,丙,1977-12-06,在世,是,丁,1975-01-01,在世,是,西司门社区",
            // He turns 60 on 2027-11-30, the twelfth month; she on 2027-12-07, outside.
            "C,杞县,农村,死亡,,否,戊,1967-12-07,在世,是,己,1967-11-30,在世,是,",
            // A late father's 60th is nobody's.
            "D,杞县,农村,死亡,,否,庚,1980-01-01,在世,是,辛,1967-01-10,去世,是,城关村",
        ],
        date,
    );
    assert!(reg.rows.iter().all(|r| r.error.is_none()), "{:?}", reg.rows);
    let s = stats::compute(&reg, date);
    let m49: Vec<usize> = s.months.iter().map(|m| m.mothers_49).collect();
    let m60: Vec<usize> = s.months.iter().map(|m| m.parents_60).collect();
    assert_eq!(m49, [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(m60, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert_eq!(s.months[0].month, day(2026, 12, 1));
    assert_eq!(s.months[11].month, day(2027, 11, 1));
    let (header, comm) = s.by_community.clone().unwrap();
    assert_eq!(header, "社区");
    assert_eq!(
        comm,
        [
            ("西司门社区".to_string(), 2),
            (stats::UNSTATED_PLACE.to_string(), 1),
            ("城关村".to_string(), 1)
        ]
    );
    assert_eq!(
        s.by_area,
        [("鼓楼区".to_string(), 2), ("杞县".to_string(), 2)]
    );
}

#[test]
fn a_mother_turning_49_between_the_two_dates_moves_to_eligible_exactly_on_her_birthday() {
    let today = day(2026, 12, 7);
    let family = "A,鼓楼区,城镇,死亡,,否,甲,1978-02-15,在世,是,乙,1970-01-01,在世,是,";
    let before = csv_register(&[family], today);
    let s = before.rows[0].result.as_ref().unwrap();
    let support = BenefitId::SpecialSupport as usize;
    assert_eq!(s.items[support], (Status::Future, Some(day(2027, 2, 15))));

    // The day before her birthday: nothing moves.
    let eve = changes::redecide(&before, day(2027, 2, 14), today);
    assert!(changes::between(&before, &eve, day(2027, 2, 14)).is_empty());

    for date in [day(2027, 2, 15), day(2027, 3, 1)] {
        let after = changes::redecide(&before, date, today);
        let list = changes::between(&before, &after, date);
        assert_eq!(list.len(), 1, "{date}");
        let c = &list[0];
        let moved: Vec<_> = c.items.iter().filter(|i| i.zh == "特别扶助金").collect();
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].before, "将来可以享受（2027-02-15起）");
        assert_eq!(moved[0].after, "可以享受");
        assert!(!moved[0].amount_not_stated);
        assert_eq!(c.because, ["2027-02-15女方满49周岁"]);
        // The money moves by what the rules pay on that day, no more, no less.
        let facts = after.rows[0].facts.as_ref().unwrap();
        let o = rules::evaluate(facts, today).unwrap();
        assert_eq!(o.benefits[support].status, Status::Eligible);
        assert_eq!(c.monthly.0, s.totals.monthly);
        assert_eq!(
            c.monthly.1,
            s.totals.monthly + o.benefits[support].monthly_total.unwrap()
        );
        assert_eq!(after.rows[0].result.as_ref().unwrap().as_of, date);
        assert!(changes::line(c).contains("特别扶助金 将来可以享受（2027-02-15起） → 可以享受"));
    }
}

fn fuzhu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fuzhu"))
        .arg("register")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let sheets = file::read_path(path).unwrap();
    let (_, rows) = sheets.into_iter().find(|(n, _)| n == name).unwrap();
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    fuzhu::register::Cell::Number(n) => fuzhu::register::values::number_text(*n),
                    fuzhu::register::Cell::Text(t) => t.clone(),
                    c => fuzhu::register::values::text(c).unwrap_or_default(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_stats_sheet_read_back_holds_the_numbers_of_the_statistics_and_the_table() {
    let fixture = fixtures().join("register.xlsx");
    let out = scratch("stats.xlsx");
    let (code, stdout, _) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--stats",
        "--today",
        "2026-12-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let s = stats::compute(&read("register.xlsx", day(2026, 12, 1)), day(2026, 12, 1));
    let rows = sheet(&out, stats::SHEET);
    let find = |label: &str| {
        rows.iter()
            .find(|r| r.first().is_some_and(|c| c == label))
            .unwrap()
            .clone()
    };
    for item in &s.items {
        let r = find(item.zh);
        assert_eq!(r[1], item.eligible.to_string(), "{}", item.zh);
        assert_eq!(r[2], item.check.to_string());
        assert_eq!(r[3], item.future.to_string());
        assert_eq!(r[4], item.received.map_or("—".into(), |n| n.to_string()));
        assert_eq!(r[5], item.not_stated.to_string());
        // The terminal's table says the same.
        let line = stdout.lines().find(|l| l.starts_with(item.zh)).unwrap();
        let nums: Vec<&str> = line[item.zh.len()..].split_whitespace().collect();
        assert_eq!(nums, r[1..6].iter().map(String::as_str).collect::<Vec<_>>());
    }
    let sure = find("可以享受");
    assert_eq!(sure[1], stats::yuan(s.money.sure.monthly));
    assert_eq!(sure[2], stats::yuan(s.money.sure.one_off));
    let total = find("合计");
    assert_eq!(total[1], s.decided.to_string());
    // The answers' sheet is still the first, as without --stats.
    let sheets = file::read_path(&out).unwrap();
    assert_eq!(sheets[0].0, "核查结果");
}

#[test]
fn as_of_on_the_command_line_decides_every_row_for_that_day_and_lists_who_changes() {
    let fixture = fixtures().join("register.xlsx");
    let out = scratch("as-of.xlsx");
    let (code, _, stderr) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "--as-of",
        "2027-12-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("到2027-12-01，"), "{stderr}");
    let answers = sheet(&out, "核查结果");
    let h = &answers[0];
    let latest = h.iter().position(|c| c == "最近日期").unwrap();
    assert!(answers[1..].iter().all(|r| r
        .get(latest)
        .is_none_or(|d| d.is_empty() || d.as_str() > "2027-12-01")));
    let changed = sheet(&out, "变化");
    assert_eq!(changed[0][4], "到2027-12-01");
    // KF-002's mother turned 49 on 2026-08-01, after the row's 核查日期 2026-06-01; the child is
    // disabled, so the province sets the amount: said, not shown as 0 yuan more.
    let kf2 = changed
        .iter()
        .find(|r| r[1].starts_with("KF-002") && r[2] == "特别扶助金")
        .unwrap();
    assert_eq!(kf2[3], "将来可以享受（2026-08-01起）");
    assert_eq!(kf2[4], "可以享受（本政策未写明金额，未计入每月现金）");
    assert_eq!(kf2[7], "2026-08-01女方满49周岁");
    let (code, _, stderr) = fuzhu(&[fixture.to_str().unwrap(), "--as-of", "2027-13-01"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--as-of的日期“2027-13-01”要写成YYYY-MM-DD"));
    assert!(stderr.contains("error: --as-of \"2027-13-01\""));
    let (code, _, stderr) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "--as-of",
        "2029-12-02",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("晚了2年以上"), "{stderr}");
    // Two years ahead to the day is still answered.
    let (code, _, stderr) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "--as-of",
        "2028-12-01",
        "--stats",
    ]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn comparing_with_an_earlier_export_finds_the_families_added_removed_and_changed() {
    let today = day(2026, 12, 1);
    let fixture = fixtures().join("register.xlsx");
    let old = scratch("old.xlsx");
    let (code, _, _) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "-o",
        old.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    // The same register: nothing changed.
    let same = compare::diff(
        &compare::read_export(&old).unwrap(),
        &compare::table(&read("register.xlsx", today)),
    );
    assert!(same.is_empty(), "{same:?}");

    // This time: KF-003 left the books, KF-001's woman lost her Kaifeng 户籍, a new row came.
    let mut sheets = file::read_path(&fixture).unwrap();
    let rows = &mut sheets[0].1;
    let header: Vec<String> = rows[0]
        .iter()
        .map(|c| fuzhu::register::values::text(c).unwrap_or_default())
        .collect();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let number = |r: &Vec<fuzhu::register::Cell>| fuzhu::register::values::text(&r[0]);
    let at = |rows: &Vec<Vec<fuzhu::register::Cell>>, n: &str| {
        rows.iter()
            .position(|r| number(r).as_deref() == Some(n))
            .unwrap()
    };
    let i1 = at(rows, "KF-001");
    let mut new_family = rows[i1].clone();
    rows[i1][col("女方户籍")] = fuzhu::register::Cell::text("否");
    new_family[0] = fuzhu::register::Cell::text("KF-100");
    new_family[col("女方身份证号码")] = fuzhu::register::Cell::Empty;
    new_family[col("男方公民身份号码")] = fuzhu::register::Cell::Empty;
    let i3 = at(rows, "KF-003");
    rows.remove(i3);
    rows.push(new_family);
    let now = check_sheets(sheets, today).unwrap();
    let list = compare::diff(&compare::read_export(&old).unwrap(), &compare::table(&now));
    let kinds: Vec<(&str, &str)> = list.iter().map(|d| (d.kind, d.key.as_str())).collect();
    assert!(kinds.contains(&("新增", "编号KF-100")), "{kinds:?}");
    assert_eq!(list.iter().filter(|d| d.kind == "减少").count(), 1);
    // Rows below the removed one moved up a line: their 错误 is the same, not a change.
    assert!(
        !list.iter().any(|d| d.who.starts_with("KF-006")),
        "{list:?}"
    );
    assert!(list
        .iter()
        .any(|d| d.kind == "减少" && d.who.starts_with("KF-003")));
    let kf1 = list
        .iter()
        .find(|d| d.kind == "变化" && d.who.starts_with("KF-001"))
        .unwrap();
    // Each changed item is old → new as the two exports write them.
    let old_row = compare::read_export(&old).unwrap();
    let new_row = compare::table(&now);
    for (item, was, is) in &kf1.items {
        let c_old = old_row.headers.iter().position(|h| h == item).unwrap();
        let c_new = new_row.headers.iter().position(|h| h == item).unwrap();
        let o = old_row.rows.iter().find(|r| r.1[0] == "KF-001").unwrap();
        let n = new_row.rows.iter().find(|r| r.1[0] == "KF-001").unwrap();
        assert_eq!((&o.1[c_old], &n.1[c_new]), (was, is));
    }
    let monthly = |t: &compare::Table| {
        let c = t
            .headers
            .iter()
            .position(|h| h == "每月现金（元）")
            .unwrap();
        let r = t.rows.iter().find(|r| r.1[0] == "KF-001").unwrap();
        r.1[c].parse::<Decimal>().unwrap_or_default()
    };
    assert_eq!(kf1.money[0], monthly(&new_row) - monthly(&old_row));

    // And on the command line: the changes as an .xlsx, a summary on standard error.
    let changed = scratch("changed.xlsx");
    file::xlsx(&now)
        .map(|b| std::fs::write(&changed, b).unwrap())
        .unwrap();
    let out = scratch("changes.xlsx");
    let (code, _, stderr) = fuzhu(&[
        changed.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "--compare",
        old.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("新增1户，减少1户"), "{stderr}");
    let rows = sheet(&out, "比较");
    assert_eq!(rows[0][0], "变化");
    assert!(rows.iter().any(|r| r[0] == "新增" && r[1] == "编号KF-100"));

    // Not an export of this tool: said, with the file's name, in both languages.
    let (code, _, stderr) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--compare",
        fixture.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("不是本工具导出的核查结果"), "{stderr}");
    assert!(stderr.contains("is not this tool's export"));
    let (code, _, stderr) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--compare",
        old.to_str().unwrap(),
        "--stats",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("不能同时用--stats"), "{stderr}");
    let (code, _, stderr) = fuzhu(&[fixture.to_str().unwrap(), "--compare", "x.xlsx"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--compare要用-o"), "{stderr}");
}

/// Every cell of a register as its export writes it: the table the comparison built before
/// it kept only the columns it compares.
fn every_cell(reg: &Register) -> compare::Table {
    compare::Table {
        headers: reg.output_headers(),
        rows: (0..reg.rows.len())
            .filter(|&i| !reg.rows[i].is_blank())
            .map(|i| {
                let out = reg.output_row(i);
                let cells = out.iter().map(|o| o.as_text().into_owned());
                (reg.rows[i].line, cells.collect())
            })
            .collect(),
    }
}

#[test]
fn comparing_only_the_columns_compared_finds_what_comparing_every_cell_finds() {
    let today = day(2026, 12, 1);
    let later = day(2028, 11, 30);
    let fixture = fixtures().join("register.xlsx");
    let before = read("register.xlsx", today);
    // The earlier export lacks the first family (so it is new now) …
    let mut older = before.clone();
    let first = older.rows.iter().position(|r| !r.is_blank()).unwrap();
    older.rows.remove(first);
    let old = scratch("every-cell-old.xlsx");
    std::fs::write(&old, file::xlsx(&older).unwrap()).unwrap();
    // … and today's register lacks its last (so it is gone), decided two years on.
    let mut now = changes::redecide(&before, later, today);
    let last = now.rows.iter().rposition(|r| !r.is_blank()).unwrap();
    now.rows.remove(last);
    let whole = compare::diff(&every_cell(&older), &every_cell(&now));
    for kind in ["新增", "减少", "变化"] {
        assert!(whole.iter().any(|d| d.kind == kind), "{kind}: {whole:?}");
    }
    let read_back = compare::read_export(&old).unwrap();
    assert!(read_back.headers.len() < every_cell(&older).headers.len());
    assert_eq!(compare::with_register(&read_back, &now, &mut |_| {}), whole);
    assert_eq!(compare::diff(&read_back, &compare::table(&now)), whole);

    // The command line's changes, line by line, are the same.
    let whole = compare::diff(
        &every_cell(&older),
        &every_cell(&changes::redecide(&before, later, today)),
    );
    let out = scratch("every-cell-changes.xlsx");
    let (code, _, stderr) = fuzhu(&[
        fixture.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "--as-of",
        "2028-11-30",
        "--compare",
        old.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<Vec<String>> = whole
        .iter()
        .flat_map(|d| {
            let items = if d.items.is_empty() {
                vec![Default::default()]
            } else {
                d.items.clone()
            };
            items
                .into_iter()
                .map(|(i, a, b)| vec![d.kind.to_string(), d.key.clone(), d.who.clone(), i, a, b])
        })
        .collect();
    let written: Vec<Vec<String>> = sheet(&out, "比较")[1..]
        .iter()
        .map(|r| {
            (0..6)
                .map(|c| r.get(c).cloned().unwrap_or_default())
                .collect()
        })
        .collect();
    assert_eq!(written, lines);
}

/// The numbers a chart writes beside its bars, per series, in row order (`data-series="KEY"`).
fn chart_numbers(svg: &str, key: &str) -> Vec<String> {
    let tag = format!("data-series=\"{key}\"");
    svg.split("<text class=\"n\" ")
        .skip(1)
        .filter(|t| t.starts_with(&tag))
        .map(|t| t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_string())
        .collect()
}

#[test]
fn the_charts_write_the_numbers_of_the_statistics_and_of_the_stats_sheet() {
    use fuzhu::flow::text::Lang;
    use fuzhu::register::chart::of_stats;
    let today = day(2026, 12, 1);
    let reg = read("register.xlsx", today);
    let s = stats::compute(&reg, today);
    let items = of_stats::items(&s, Lang::Zh);
    let tables = stats::sheet_tables(&s);
    let sheet = &tables.iter().find(|(t, _)| *t == "各项目户数").unwrap().1;
    for (k, key) in ["eligible", "check", "future"].iter().enumerate() {
        let drawn = chart_numbers(&items, key);
        assert_eq!(drawn.len(), BENEFITS.len(), "{key}: one number per item");
        let from_sheet: Vec<String> = sheet[1..].iter().map(|r| r[k + 1].clone()).collect();
        assert_eq!(
            drawn, from_sheet,
            "{key}: the chart's numbers are the sheet's"
        );
    }
    let eligible: Vec<usize> = s.items.iter().map(|i| i.eligible).collect();
    let drawn: Vec<usize> = chart_numbers(&items, "eligible")
        .iter()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(drawn, eligible);
    // Each bar row is the item's whole name (the tooltip), in the catalogue's order.
    for b in BENEFITS.iter() {
        assert!(
            items.contains(&format!("data-label=\"{}\"", b.zh)),
            "{}",
            b.zh
        );
    }
    let months = of_stats::months(&s, Lang::Zh);
    let m49: Vec<String> = s.months.iter().map(|m| m.mothers_49.to_string()).collect();
    let p60: Vec<String> = s.months.iter().map(|m| m.parents_60.to_string()).collect();
    assert_eq!(chart_numbers(&months, "mothers49"), m49);
    assert_eq!(chart_numbers(&months, "parents60"), p60);
}

#[test]
fn an_earlier_export_read_from_its_bytes_is_the_same_table_as_read_from_its_file() {
    let today = day(2026, 12, 1);
    let reg = read("register.xlsx", today);
    let out = scratch("export-bytes.xlsx");
    std::fs::write(&out, file::xlsx(&reg).unwrap()).unwrap();
    let from_path = compare::read_export(&out).unwrap();
    let from_bytes =
        compare::read_export_bytes(&std::fs::read(&out).unwrap(), "export-bytes.xlsx").unwrap();
    assert_eq!(from_path.headers, from_bytes.headers);
    assert_eq!(from_path.rows, from_bytes.rows);
    assert!(compare::diff(&from_bytes, &compare::table(&reg)).is_empty());
    let refused = compare::read_export_bytes(b"a,b\n1,2\n", "x.csv")
        .err()
        .unwrap();
    assert!(
        refused.zh.contains("不是本工具导出的核查结果"),
        "{}",
        refused.zh
    );
}
