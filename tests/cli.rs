//! The `fuzhu` command line, run as a Kaifeng street office runs it on a register. Answers go
//! to stdout as JSON. A refused input is exit code 2 with nothing on stdout and one line per
//! problem on stderr, plain Chinese first and English after it, naming the field; a failed
//! write is exit code 1. Nothing from the input is ever echoed raw into a message.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fuzhu"));
    c.args(args);
    c
}

fn run_with(mut c: Command, stdin: Option<&[u8]>) -> Run {
    let mut child = c
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("fuzhu runs");
    let feeder = stdin.map(|text| {
        let text = text.to_vec();
        let mut pipe = child.stdin.take().unwrap();
        // Fed from a thread: fuzhu writes while it reads, and may refuse before reading all.
        std::thread::spawn(move || {
            if let Err(e) = pipe.write_all(&text) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
        })
    });
    let out = child.wait_with_output().unwrap();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    Run {
        code: out.status.code().expect("fuzhu exits, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn fuzhu(args: &[&str], stdin: Option<&str>) -> Run {
    run_with(command(args), stdin.map(str::as_bytes))
}

/// `fuzhu check -` with `input` on stdin.
fn check(input: &str) -> Run {
    fuzhu(&["check", "-"], Some(input))
}

fn check_bytes(input: &[u8]) -> Run {
    run_with(command(&["check", "-"]), Some(input))
}

fn check_value(v: &Value) -> Run {
    check(&v.to_string())
}

/// A file in a fresh temporary directory, removed with it.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> Self {
        let dir =
            std::env::temp_dir().join(format!("fuzhu-cli-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A bereaved couple in their fifties, both with Kaifeng 户籍.
fn household() -> Value {
    json!({
        "as_of": "2024-06-01",
        "area": "gulou",
        "residence": "urban",
        "child": {"status": "deceased"},
        "has_other_child": false,
        "parents": [
            {"role": "mother", "birth_date": "1970-03-15", "kaifeng_hukou": true},
            {"role": "father", "birth_date": "1968-09-20", "kaifeng_hukou": true}
        ]
    })
}

fn parse(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {stdout}"))
}

fn status(outcome: &Value, id: &str) -> Value {
    outcome["benefits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))["status"]
        .clone()
}

/// serde's programmer wording, which must never reach the Chinese half of a message.
const SERDE_WORDS: [&str; 10] = [
    "expected",
    "invalid type",
    "invalid value",
    "unknown variant",
    "unknown field",
    "missing field",
    "duplicate field",
    "struct ",
    "i64",
    "`",
];

/// One message line: `lead_zh…` in Chinese, then ` / lead_en…` in English. Returns the
/// Chinese half after its lead.
#[track_caller]
fn assert_line<'a>(line: &'a str, lead_zh: &str, lead_en: &str, needles: &[&str]) -> &'a str {
    assert!(line.starts_with(lead_zh), "starts with {lead_zh:?}: {line}");
    let sep = format!(" / {lead_en}");
    let (zh, en) = line
        .split_once(&sep)
        .unwrap_or_else(|| panic!("English after {sep:?}: {line}"));
    let zh = &zh[lead_zh.len()..];
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "the first half is Chinese: {line}"
    );
    assert!(!en.is_empty(), "{line}");
    for w in SERDE_WORDS {
        assert!(
            !zh.contains(w),
            "no serde wording ({w:?}) in the Chinese: {line}"
        );
    }
    assert!(
        !line.chars().any(|c| c.is_control()),
        "no control characters: {line:?}"
    );
    // A parent's 14 field names, listed in both languages, are the longest line.
    assert!(
        line.chars().count() < 480,
        "the message is short enough to read: {line}"
    );
    for n in needles {
        assert!(line.contains(n), "the message should mention {n:?}: {line}");
    }
    zh
}

/// The refusal of a single household: exit 2, empty stdout, one line `错误：… / error: …`.
#[track_caller]
fn assert_refused(run: &Run, needles: &[&str]) {
    assert_eq!(run.code, 2, "exit code; stderr: {}", run.stderr);
    assert!(
        run.stdout.is_empty(),
        "stdout must be empty: {}",
        run.stdout
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line on stderr, got: {:?}", run.stderr);
    assert_line(lines[0], "错误：", "error: ", needles);
}

/// The refusal of a household `index` (from 1) of a register, by its field: exit 2, empty
/// stdout, and exactly the lines `第N条：FIELD：… / record N: FIELD: …` for each bad record.
#[track_caller]
fn assert_records_refused(run: &Run, bad: &[(u64, &str, &[&str])]) {
    assert_eq!(run.code, 2, "exit code; stderr: {}", run.stderr);
    assert!(run.stdout.is_empty(), "stdout must be empty");
    assert_record_lines(&run.stderr, bad);
}

#[track_caller]
fn assert_record_lines(stderr: &str, bad: &[(u64, &str, &[&str])]) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), bad.len(), "one line per bad record: {stderr}");
    for (line, (n, field, needles)) in lines.iter().zip(bad) {
        let (lead_zh, lead_en) = if field.is_empty() {
            (format!("第{n}条："), format!("record {n}: "))
        } else {
            (
                format!("第{n}条：{field}："),
                format!("record {n}: {field}: "),
            )
        };
        assert_line(line, &lead_zh, &lead_en, needles);
    }
}

fn with(mut v: Value, path: &[&str], new: Value) -> Value {
    let mut at = &mut v;
    for key in &path[..path.len() - 1] {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    let last = path[path.len() - 1];
    match last.parse::<usize>() {
        Ok(i) => at[i] = new,
        Err(_) => at[last] = new,
    }
    v
}

fn without(mut v: Value, key: &str) -> Value {
    v.as_object_mut().unwrap().remove(key);
    v
}

// ------------------------------------------------------------------------------ answers

#[test]
fn a_single_household_gives_a_single_object() {
    let file = TempFile::new("one.json", household().to_string().as_bytes());
    let run = fuzhu(&["check", file.path()], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty());
    let v = parse(&run.stdout);
    assert!(v.is_object());
    assert!(v.get("index").is_none(), "no index without --skip-invalid");
    assert_eq!(v["covered"], true);
    assert_eq!(v["special_family"], true);
    assert_eq!(v["totals"]["monthly"], "2860");
    assert_eq!(v["benefits"].as_array().unwrap().len(), 25);
    assert_eq!(v["benefits"][0]["id"], "special_support");
    assert_eq!(v["benefits"][0]["status"], "eligible");
}

#[test]
fn an_array_gives_an_array_of_the_same_length_in_the_same_order() {
    let other = with(household(), &["has_other_child"], json!(true));
    let input = json!([household(), other, household()]);
    let run = check_value(&input);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = parse(&run.stdout);
    let items = v.as_array().expect("an array");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["special_family"], true);
    assert_eq!(items[1]["special_family"], false);
    assert_eq!(items[2]["special_family"], true);
    assert!(items.iter().all(|o| o.get("index").is_none()));
}

#[test]
fn a_register_says_exactly_what_its_households_say_one_by_one() {
    let other = with(household(), &["residence"], json!("rural"));
    for compact in [false, true] {
        let flag: &[&str] = if compact { &["--compact"] } else { &[] };
        let args = |a: &[&'static str]| [a, flag].concat();
        let one = fuzhu(&args(&["check", "-"]), Some(&household().to_string()));
        let two = fuzhu(&args(&["check", "-"]), Some(&other.to_string()));
        let both = fuzhu(
            &args(&["check", "-"]),
            Some(&json!([household(), other]).to_string()),
        );
        assert_eq!(both.code, 0, "{}", both.stderr);
        assert_eq!(
            parse(&both.stdout),
            json!([parse(&one.stdout), parse(&two.stdout)])
        );
        if !compact {
            // The register's pretty output is the households' pretty output, indented once.
            let indented: String = one
                .stdout
                .trim_end()
                .lines()
                .map(|l| format!("  {l}\n"))
                .collect();
            assert!(both
                .stdout
                .starts_with(&format!("[\n{},\n", indented.trim_end())));
        }
    }
}

#[test]
fn an_array_of_one_gives_an_array_of_one() {
    let run = check_value(&json!([household()]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(parse(&run.stdout).as_array().map(Vec::len), Some(1));
}

#[test]
fn a_dash_reads_the_household_from_standard_input() {
    let run = check_value(&household());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(parse(&run.stdout)["as_of"], "2024-06-01");
}

#[test]
fn compact_output_is_one_line_and_says_the_same() {
    let pretty = check_value(&household());
    let compact = fuzhu(&["check", "-", "--compact"], Some(&household().to_string()));
    assert_eq!(compact.code, 0, "{}", compact.stderr);
    assert_eq!(compact.stdout.trim_end().lines().count(), 1);
    assert!(pretty.stdout.lines().count() > 100);
    assert_eq!(parse(&compact.stdout), parse(&pretty.stdout));
}

#[test]
fn a_household_without_as_of_is_answered_for_today() {
    let h = without(household(), "as_of");
    let before = chrono::Local::now().date_naive().to_string();
    let run = check_value(&h);
    let after = chrono::Local::now().date_naive().to_string();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let as_of = parse(&run.stdout)["as_of"].as_str().unwrap().to_string();
    assert!(as_of == before || as_of == after, "{as_of}");
}

#[test]
fn a_file_starting_with_a_byte_order_mark_is_read() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(household().to_string().as_bytes());
    let file = TempFile::new("bom.json", &bytes);
    let run = fuzhu(&["check", file.path()], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(parse(&run.stdout)["covered"], true);
}

#[test]
fn parents_who_have_both_died_are_answered_with_the_grave_plot() {
    let h = with(household(), &["parents", "0", "alive"], json!(false));
    let h = with(h, &["parents", "1", "alive"], json!(false));
    let run = check_value(&h);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = parse(&run.stdout);
    assert_eq!(status(&v, "free_grave_plot"), "eligible");
    assert_eq!(status(&v, "special_support"), "not_eligible");
}

#[test]
fn the_documented_examples_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = root.join("examples/household.json");
    let run = fuzhu(&["check", one.to_str().unwrap()], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = parse(&run.stdout);
    assert_eq!(v["totals"]["monthly"], "2860");
    assert_eq!(v["totals"]["annual"], "6000");
    assert_eq!(status(&v, "care_home_priority"), "eligible");
    assert_eq!(status(&v, "home_care_allowance"), "check");
    assert_eq!(status(&v, "medical_aid"), "check");
    assert_eq!(status(&v, "pension_subsidy"), "eligible");

    let register = root.join("examples/register.json");
    let run = fuzhu(&["check", register.to_str().unwrap(), "--compact"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = parse(&run.stdout);
    let covered: Vec<&Value> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|o| &o["covered"])
        .collect();
    assert_eq!(covered, [&json!(true), &json!(true), &json!(false)]);
}

// ------------------------------------------------------------------------------ explain

fn explain(id: &str) -> String {
    let run = fuzhu(&["explain", id], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn explain_special_support_prints_the_age_of_49_and_the_sentence_for_a_disabled_child() {
    let out = explain("special_support");
    let policy = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/kaifeng-2023-24.txt"),
    )
    .unwrap();
    let clause = fuzhu::rules::clause(1).unwrap();
    assert!(policy.contains(clause.text));
    assert!(out.contains(clause.text), "{out}");
    let disability = "认真执行国家和省有关计划生育家庭特别扶助制度，将符合条件的计划生育特殊家庭成员纳入计划生育特别扶助范围";
    assert!(clause.text.contains(disability));
    // Quoted on its own, not only inside the whole clause.
    assert!(out.matches(disability).count() >= 2, "{out}");
    assert!(out.contains("49周岁"));
    assert!(
        out.contains("核实"),
        "a widower by his late wife's age: {out}"
    );
    assert!(out.contains("第1条"));
    assert!(out.contains("每人每月1430元"));
    assert!(out.contains("市卫生健康委"));
    assert!(out.contains("户口簿"));
}

#[test]
fn explain_pension_subsidy_says_parents_of_60_or_over_do_not_count() {
    let out = explain("pension_subsidy");
    assert!(out.contains("未满60周岁"), "{out}");
    assert!(out.contains("年满60周岁"), "{out}");
    assert!(out.contains("城乡居民养老保险"));
    assert!(out.contains("人社局"));
}

#[test]
fn explain_nursing_insurance_gives_300_a_day_for_at_most_90_days_of_this_year() {
    let out = explain("nursing_insurance");
    assert!(out.contains("300元") && out.contains("90天"), "{out}");
    assert!(out.contains("今年1月1日"), "{out}");
}

#[test]
fn explain_guardianship_names_an_adult_childs_civil_capacity() {
    let out = explain("guardianship");
    assert!(out.contains("民事行为能力"), "{out}");
    assert!(out.contains("child.civil_capacity"), "{out}");
}

#[test]
fn explain_prints_every_items_conditions_and_the_conditions_of_every_item() {
    for b in fuzhu::rules::BENEFITS.iter() {
        let out = explain(b.id.as_str());
        let conditions = fuzhu::rules::conditions::conditions(b.id);
        assert!(!conditions.is_empty(), "{}", b.id.as_str());
        for c in conditions
            .iter()
            .chain(&fuzhu::rules::conditions::EVERY_ITEM)
        {
            assert!(out.contains(c.zh), "{}: {}", b.id.as_str(), c.zh);
            assert!(out.contains(c.en), "{}: {}", b.id.as_str(), c.en);
        }
        assert!(out.contains("三级"), "the special family, for every item");
    }
}

#[test]
fn explain_with_no_id_lists_the_25_ids() {
    let run = fuzhu(&["explain"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    let want: Vec<&str> = fuzhu::rules::BENEFITS
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(ids, want);
}

#[test]
fn explain_an_unknown_item_is_refused_listing_the_items() {
    let run = fuzhu(&["explain", "pension"], None);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.starts_with("错误：没有“pension”这一项"));
    assert!(run.stderr.contains(" / error: unknown item `pension`"));
    for b in fuzhu::rules::BENEFITS.iter() {
        assert!(run.stderr.contains(b.id.as_str()), "{}", b.id.as_str());
    }
}

#[test]
fn help_is_printed_and_succeeds() {
    let run = fuzhu(&["--help"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("fuzhu check FILE"));
    assert!(run.stdout.contains("--skip-invalid"));
}

#[test]
fn no_command_or_no_file_is_refused_with_the_usage() {
    for args in [&[][..], &["frobnicate"][..], &["check"][..]] {
        let run = fuzhu(args, None);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty());
        let first = run.stderr.lines().next().unwrap();
        assert_line(first, "错误：", "error: ", &[]);
        assert!(run.stderr.contains("usage:"));
    }
}

#[test]
fn an_unexpected_argument_is_refused() {
    let run = fuzhu(&["check", "-", "extra"], Some(&household().to_string()));
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_line(
        run.stderr.lines().next().unwrap(),
        "错误：",
        "error: ",
        &["extra", "unexpected argument"],
    );
}

// ------------------------------------------------------------------------------ a register

#[test]
fn a_register_with_two_bad_records_lists_both_and_prints_nothing() {
    let bad_date = with(
        household(),
        &["parents", "0", "birth_date"],
        json!("1968-02-30"),
    );
    let bad_days = with(household(), &["parents", "1", "hospital_days"], json!(-3));
    let input = json!([household(), household(), bad_date, household(), bad_days]);
    let run = check_value(&input);
    assert_records_refused(
        &run,
        &[
            (
                3,
                "parents[0].birth_date",
                &[
                    "不是真实的日期，请按YYYY-MM-DD填写（例如1968-06-15）",
                    "not a real date",
                ],
            ),
            (5, "parents[1].hospital_days", &["负数", "negative"]),
        ],
    );
}

#[test]
fn each_kind_of_refusal_gives_its_record_number_and_field_in_chinese_then_english() {
    let p0 = |key: &str, v: Value| with(household(), &["parents", "0", key], v);
    let dup = household().to_string().replacen(
        "\"residence\":\"urban\"",
        "\"residence\":\"urban\",\"residence\":\"rural\"",
        1,
    );
    assert!(dup.contains("\"rural\""), "{dup}");
    let cases: Vec<(String, &str, Vec<&str>)> = vec![
        (
            with(household(), &["parnets"], json!([])).to_string(),
            "parnets",
            vec!["不认识的字段", "可用的字段有", "parents", "unknown field"],
        ),
        (
            with(household(), &["residence"], json!("城镇")).to_string(),
            "residence",
            vec!["不认识的取值“城镇”", "可选：urban、rural", "unknown value"],
        ),
        (
            p0("kaifeng_hukou", json!("yes")).to_string(),
            "parents[0].kaifeng_hukou",
            vec!["应为true或false", "文字“yes”", "true or false"],
        ),
        (
            p0("hospital_days", json!("3")).to_string(),
            "parents[0].hospital_days",
            vec!["应为整数", "whole number"],
        ),
        (
            p0("hospital_days", json!(2.5)).to_string(),
            "parents[0].hospital_days",
            vec!["应为整数", "小数2.5"],
        ),
        (
            p0("role", json!(1)).to_string(),
            "parents[0].role",
            vec!["应为加英文双引号的取值", "mother、father"],
        ),
        (
            p0("birth_date", json!(19700315)).to_string(),
            "parents[0].birth_date",
            vec!["应为日期", "YYYY-MM-DD"],
        ),
        (
            with(household(), &["child"], json!("deceased")).to_string(),
            "child",
            vec!["应为用花括号{}括起来的一组字段", "an object"],
        ),
        (
            with(household(), &["parents"], json!({})).to_string(),
            "parents",
            vec!["应为用方括号[]括起来的列表", "a list"],
        ),
        (
            without(household(), "has_other_child").to_string(),
            "has_other_child",
            vec!["缺少必填字段", "required"],
        ),
        (dup, "residence", vec!["同一个字段填写了两次", "twice"]),
        (
            p0("birth_date", json!("1970-13-01")).to_string(),
            "parents[0].birth_date",
            vec!["不是真实的日期", "not a real date"],
        ),
        (
            with(household(), &["child", "disability_grade"], json!(7)).to_string(),
            "child.disability_grade",
            vec!["一至四级", "1, 2, 3 or 4"],
        ),
        (
            json!("a household").to_string(),
            "",
            vec!["不是一个家庭", "not a household"],
        ),
        (
            json!(["mother"]).to_string(),
            "",
            vec!["不是一个家庭", "not a household"],
        ),
    ];
    for (bad, field, needles) in &cases {
        let input = format!("[{},\n{bad},\n{}]", household(), household());
        let run = check(&input);
        assert_records_refused(&run, &[(2, field, needles.as_slice())]);
    }
}

#[test]
fn a_syntax_error_says_its_record_line_and_column_and_reading_stops_there() {
    let input = format!("[{},\n{{\"as_of\": }},\n{}]", household(), household());
    let run = check(&input);
    assert_records_refused(
        &run,
        &[(2, "", &["第2行第11列", "line 2, column 11", "不应出现“}”"])],
    );
    // A missing comma between records, and a comma after the last one.
    let run = check(&format!("[{} {}]", household(), household()));
    assert_records_refused(&run, &[(1, "", &["逗号", "comma"])]);
    let run = check(&format!("[{},]", household()));
    assert_records_refused(
        &run,
        &[(1, "", &["多了一个逗号", "a comma after the last item"])],
    );
    let run = check(&format!("[{},", household()));
    assert_records_refused(&run, &[(2, "", &["就结束了", "ends too early"])]);
}

#[test]
fn chinese_quotation_marks_instead_of_json_ones_are_named() {
    let run = check("{“as_of”: 1}");
    assert_refused(&run, &["第1行第2列", "英文半角", "“"]);
}

#[test]
fn skip_invalid_writes_the_good_records_with_their_index_and_exits_0() {
    let bad = with(household(), &["area"], json!("beijing"));
    let other = with(household(), &["residence"], json!("rural"));
    let input = json!([bad, household(), bad, other]);
    let run = fuzhu(&["check", "-", "--skip-invalid"], Some(&input.to_string()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_record_lines(
        &run.stderr,
        &[
            (1, "area", &["beijing", "gulou"]),
            (3, "area", &["beijing", "gulou"]),
        ],
    );
    let v = parse(&run.stdout);
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["index"], 2);
    assert_eq!(items[1]["index"], 4);
    // Apart from its index, each is the household's own answer.
    let mut alone = parse(&check_value(&other).stdout);
    alone["index"] = json!(4);
    assert_eq!(items[1], alone);
}

#[test]
fn skip_invalid_with_no_good_record_is_refused_and_prints_nothing() {
    let bad = with(household(), &["area"], json!("beijing"));
    let run = fuzhu(
        &["check", "-", "--skip-invalid"],
        Some(&json!([bad, bad]).to_string()),
    );
    assert_records_refused(&run, &[(1, "area", &[]), (2, "area", &[])]);
}

#[test]
fn skip_invalid_still_stops_at_a_syntax_error() {
    let input = format!("[{},\n{{\"as_of\" 1}}]", household());
    let run = fuzhu(&["check", "-", "--skip-invalid"], Some(&input));
    assert_records_refused(&run, &[(2, "", &["第2行第10列", "冒号"])]);
}

#[test]
fn skip_invalid_on_a_single_household_answers_it_as_usual() {
    let run = fuzhu(
        &["check", "-", "--skip-invalid"],
        Some(&household().to_string()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = parse(&run.stdout);
    assert!(v.is_object() && v.get("index").is_none());
}

#[test]
fn a_record_over_one_mebibyte_is_refused_and_the_others_are_still_checked() {
    // A 10 MB value: never echoed, never kept.
    let huge = with(household(), &["area"], json!("x".repeat(10 << 20)));
    let input = json!([household(), huge, household()]).to_string();
    let run = fuzhu(&["check", "-", "--skip-invalid", "--compact"], Some(&input));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_record_lines(&run.stderr, &[(2, "", &["超过1 MiB", "1 MiB"])]);
    let v = parse(&run.stdout);
    assert_eq!(v[0]["index"], 1);
    assert_eq!(v[1]["index"], 3);
}

#[test]
fn a_long_value_is_cut_in_the_message() {
    let long = "北".repeat(300_000);
    let run = check_value(&with(household(), &["area"], json!(long)));
    assert_refused(&run, &["area", "…"]);
    assert!(run.stderr.contains(&format!("“{}…”", "北".repeat(40))));
    assert!(!run.stderr.contains(&"北".repeat(41)));
}

#[test]
fn control_characters_in_a_field_name_are_escaped_and_the_message_stays_one_line() {
    let input = household()
        .to_string()
        .replacen('{', "{\"\\u001b[31mred\\nline\\r\":1,", 1);
    let run = check(&input);
    assert_refused(&run, &["\\u{1b}[31mred\\u{a}line\\u{d}", "不认识的字段"]);
    assert!(!run.stderr.contains('\u{1b}'));
    // And inside a register.
    let run = check(&format!("[{input}]"));
    assert_records_refused(&run, &[(1, "\\u{1b}[31mred\\u{a}line\\u{d}", &[])]);
}

#[test]
fn bidi_controls_and_c1_controls_in_a_value_are_escaped() {
    let v = "gulou\u{202e}uolug\u{2066}\u{61c}\u{85}";
    let run = check_value(&with(household(), &["area"], json!(v)));
    assert_refused(&run, &["\\u{202e}", "\\u{2066}", "\\u{61c}", "\\u{85}"]);
    assert!(!run.stderr.contains('\u{202e}'));
}

#[test]
fn invalid_utf8_is_refused_with_its_byte_offset() {
    // "开封" in GBK, as a spreadsheet on a Chinese Windows may save it.
    let mut bytes = br#"{"area": ""#.to_vec();
    bytes.extend([0xBF, 0xAA, 0xB7, 0xE2]);
    bytes.extend(br#""}"#);
    let run = check_bytes(&bytes);
    assert_refused(
        &run,
        &["第11个字节不是有效的UTF-8文字", "byte 11", "第1行第11列"],
    );
}

#[test]
fn a_duplicate_key_inside_a_parent_is_refused_naming_it() {
    let input = household().to_string().replacen(
        "\"kaifeng_hukou\":true",
        "\"kaifeng_hukou\":true,\"kaifeng_hukou\":false",
        1,
    );
    assert_refused(
        &check(&input),
        &["parents[0].kaifeng_hukou：同一个字段填写了两次"],
    );
}

// ------------------------------------------------------------------------------ big inputs, failed writes

/// Peak resident memory of a running child, in KiB, polled from /proc until it exits.
fn wait_measuring_peak(mut child: Child) -> (i32, u64) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code().expect("exits, not killed"), peak);
        }
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            for line in s.lines() {
                if let Some(kb) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = kb.trim().trim_end_matches("kB").trim().parse().unwrap();
                    peak = peak.max(kb);
                }
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_large_register_is_decided_in_bounded_memory() {
    if !Path::new("/proc/self/status").exists() {
        eprintln!("no /proc: the memory test needs Linux");
        return;
    }
    // 70 households of 1 MB each (just under the limit): a 70 MB register. Each lists its
    // disability types 100,000 times over, which the facts accept and which cost a program
    // that holds the whole input (as fuzhu once did) several times the file's size.
    const TYPES: [&str; 8] = [
        "vision",
        "hearing",
        "intellectual",
        "speech",
        "autism",
        "physical",
        "mental",
        "multiple",
    ];
    let types: Vec<&str> = (0..100_000).map(|i| TYPES[i % 8]).collect();
    let record = with(
        household(),
        &["child"],
        json!({"status": "disabled", "disability_grade": 2, "disability_types": types}),
    )
    .to_string();
    assert!(record.len() < 1 << 20, "{}", record.len());
    let mut text = Vec::with_capacity(72 << 20);
    text.push(b'[');
    for i in 0..70 {
        if i > 0 {
            text.extend(b",\n");
        }
        text.extend(record.as_bytes());
    }
    text.push(b']');
    let file = TempFile::new("large.json", &text);
    let size = text.len();
    drop(text);
    let started = Instant::now();
    let child = command(&["check", file.path(), "--compact"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (code, peak_kib) = wait_measuring_peak(child);
    assert_eq!(code, 0);
    eprintln!(
        "{} MB register: peak {} MB in {:.1} s",
        size >> 20,
        peak_kib >> 10,
        started.elapsed().as_secs_f64()
    );
    assert!(size > 60 << 20);
    assert!(peak_kib < 256 << 10, "peak memory {peak_kib} KiB");
}

#[test]
fn reading_dev_zero_stops_at_once_with_a_clear_message() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let started = Instant::now();
    let child = command(&["check", "/dev/zero"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (code, peak_kib) = wait_measuring_peak(child);
    assert_eq!(code, 2);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(peak_kib < 64 << 10, "{peak_kib} KiB");
    let run = fuzhu(&["check", "/dev/zero"], None);
    assert_refused(&run, &["第1行第1列", "\\u{0}", "not JSON"]);
    // A register that turns into zeros stops there too.
    let mut bytes = format!("[{},", household()).into_bytes();
    bytes.extend(vec![0u8; 4 << 20]);
    let run = check_bytes(&bytes);
    assert_records_refused(&run, &[(2, "", &["第1行第", "\\u{0}"])]);
}

#[test]
fn a_full_disk_is_an_error_not_success() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let file = TempFile::new("full.json", json!([household()]).to_string().as_bytes());
    for args in [
        &["check", file.path()][..],
        &["check", file.path(), "--compact"][..],
        &["explain", "special_support"][..],
        &["explain"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut c = command(args);
        c.stdout(full).stderr(Stdio::piped()).stdin(Stdio::null());
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_line(
            stderr.trim_end(),
            "错误：无法写出结果：",
            "error: cannot write the output: ",
            &["磁盘已满", "No space left on device"],
        );
    }
}

#[test]
fn a_reader_that_stops_reading_is_not_told_everything_was_written() {
    let input: Vec<Value> = (0..60).map(|_| household()).collect();
    let file = TempFile::new("pipe.json", json!(input).to_string().as_bytes());
    let mut child = command(&["check", file.path()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close our end at once, as `| head -c 0` would: the ~1 MB answer cannot all be written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "a closed pipe is not worth a message"
    );
}

#[test]
fn waiting_on_a_terminal_for_standard_input_says_so() {
    // `script` (util-linux) gives fuzhu a terminal; Ctrl-D ends the input.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("no `script` here: skipped");
        return;
    }
    let cmd = format!("{} check - --compact", env!("CARGO_BIN_EXE_fuzhu"));
    let mut c = Command::new("script");
    c.args(["-qec", &cmd, "/dev/null"]);
    let mut input = household().to_string().into_bytes();
    input.extend(b"\n\x04");
    let run = run_with(c, Some(&input));
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("正在从标准输入读取JSON"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("rules_version"), "{}", run.stdout);
}

// ------------------------------------------------------------------------------ refusals of one household

#[test]
fn malformed_json_is_refused_saying_where() {
    assert_refused(
        &check("{\"as_of\": "),
        &["第1行第11列", "line 1, column 11"],
    );
}

#[test]
fn input_that_is_neither_an_object_nor_an_array_is_refused() {
    assert_refused(&check("42"), &["household object or an array"]);
}

#[test]
fn trailing_text_after_the_household_is_refused() {
    let run = check(&format!("{} {{}}", household()));
    assert_refused(&run, &["多余的内容", "more text"]);
}

#[test]
fn an_unknown_field_is_refused_naming_it() {
    let mut h = household();
    let parents = h.as_object_mut().unwrap().remove("parents").unwrap();
    h["parnets"] = parents;
    assert_refused(
        &check_value(&h),
        &[
            "parnets：不认识的字段",
            "可用的字段有",
            "parents",
            "unknown field",
        ],
    );
}

#[test]
fn an_unknown_field_inside_a_parent_is_refused_naming_its_path() {
    let h = with(household(), &["parents", "1", "hukou"], json!(true));
    assert_refused(
        &check_value(&h),
        &["parents[1].hukou：不认识的字段“hukou”", "kaifeng_hukou"],
    );
}

#[test]
fn an_unknown_area_is_refused_naming_the_field_and_the_choices() {
    let h = with(household(), &["area"], json!("beijing"));
    assert_refused(&check_value(&h), &["area", "beijing", "gulou", "lankao"]);
}

#[test]
fn a_missing_required_field_is_refused_naming_it() {
    let h = without(household(), "has_other_child");
    assert_refused(&check_value(&h), &["has_other_child：缺少必填字段"]);
    let mut h = household();
    h["parents"][0]
        .as_object_mut()
        .unwrap()
        .remove("kaifeng_hukou");
    assert_refused(
        &check_value(&h),
        &["parents[0].kaifeng_hukou：缺少必填字段"],
    );
}

#[test]
fn a_duplicate_field_is_refused_naming_it() {
    let input = household().to_string().replacen(
        "\"as_of\":\"2024-06-01\"",
        "\"as_of\":\"2024-06-01\",\"as_of\":\"2024-06-02\"",
        1,
    );
    assert_refused(&check(&input), &["as_of：同一个字段填写了两次", "twice"]);
}

#[test]
fn a_wrong_type_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "0", "kaifeng_hukou"],
        json!("yes"),
    );
    assert_refused(
        &check_value(&h),
        &["parents[0].kaifeng_hukou：应为true或false", "true or false"],
    );
}

#[test]
fn disability_grade_0_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["child"],
        json!({"status": "disabled", "disability_grade": 0}),
    );
    assert_refused(
        &check_value(&h),
        &["child.disability_grade", "1, 2, 3 or 4", "got 0"],
    );
}

#[test]
fn disability_grade_5_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["child"],
        json!({"status": "disabled", "disability_grade": 5}),
    );
    assert_refused(&check_value(&h), &["child.disability_grade", "got 5"]);
}

#[test]
fn a_disabled_child_without_a_grade_is_refused_naming_the_field() {
    let h = with(household(), &["child"], json!({"status": "disabled"}));
    assert_refused(&check_value(&h), &["child.disability_grade", "required"]);
}

#[test]
fn disability_fields_on_a_living_child_are_refused_naming_the_field() {
    for (field, value) in [
        ("disability_grade", json!(2)),
        ("disability_types", json!(["vision"])),
        ("schooling", json!("college")),
        ("civil_capacity", json!(false)),
    ] {
        let mut child = json!({"status": "living"});
        child[field] = value;
        let h = with(household(), &["child"], child);
        assert_refused(&check_value(&h), &[&format!("child.{field}："), "living"]);
    }
}

#[test]
fn negative_hospital_days_are_refused_naming_the_field() {
    let h = with(household(), &["parents", "0", "hospital_days"], json!(-1));
    assert_refused(
        &check_value(&h),
        &["parents[0].hospital_days", "负数", "negative", "-1"],
    );
}

#[test]
fn more_hospital_days_than_days_of_the_year_so_far_are_refused() {
    // 2024-06-01 is the 153rd day of 2024.
    let h = with(household(), &["parents", "1", "hospital_days"], json!(154));
    assert_refused(
        &check_value(&h),
        &["parents[1].hospital_days", "153", "154"],
    );
    let h = with(household(), &["parents", "1", "hospital_days"], json!(153));
    assert_eq!(check_value(&h).code, 0);
}

#[test]
fn a_parent_born_after_as_of_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "1", "birth_date"],
        json!("2024-06-02"),
    );
    assert_refused(
        &check_value(&h),
        &["parents[1].birth_date", "2024-06-02", "after as_of"],
    );
}

#[test]
fn a_parent_under_16_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "1", "birth_date"],
        json!("2008-06-02"),
    );
    assert_refused(&check_value(&h), &["parents[1].birth_date", "16"]);
}

#[test]
fn a_parent_over_120_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "0", "birth_date"],
        json!("1903-06-01"),
    );
    assert_refused(&check_value(&h), &["parents[0].birth_date", "120"]);
}

#[test]
fn a_child_born_before_a_parent_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["child"],
        json!({"status": "disabled", "disability_grade": 1, "birth_date": "1969-01-01"}),
    );
    assert_refused(&check_value(&h), &["child.birth_date", "父母"]);
}

#[test]
fn an_as_of_more_than_two_years_after_today_is_refused() {
    let ahead = chrono::Local::now().date_naive() + chrono::Days::new(3 * 366);
    let h = with(household(), &["as_of"], json!(ahead.to_string()));
    assert_refused(&check_value(&h), &["as_of", "2"]);
}

#[test]
fn a_date_that_does_not_exist_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "0", "birth_date"],
        json!("1979-02-29"),
    );
    assert_refused(
        &check_value(&h),
        &[
            "parents[0].birth_date：不是真实的日期，请按YYYY-MM-DD填写（例如1968-06-15）",
            "not a real date",
        ],
    );
}

#[test]
fn dates_not_written_exactly_yyyy_mm_dd_are_refused_naming_the_field() {
    for d in [
        "01/06/2024",
        "2024-6-1",
        "+2024-06-01",
        " 2024-06-01",
        "2024-06-01T00:00",
    ] {
        let h = with(household(), &["as_of"], json!(d));
        assert_refused(&check_value(&h), &["as_of：", "YYYY-MM-DD"]);
    }
}

#[test]
fn the_day_before_the_policy_took_effect_is_refused() {
    let h = with(household(), &["as_of"], json!("2023-07-31"));
    assert_refused(&check_value(&h), &["as_of", "2023-07-31", "2023-08-01"]);
}

#[test]
fn the_day_the_policy_took_effect_and_the_next_are_answered() {
    for day in ["2023-08-01", "2023-08-02"] {
        let run = check_value(&with(household(), &["as_of"], json!(day)));
        assert_eq!(run.code, 0, "{day}: {}", run.stderr);
        assert_eq!(parse(&run.stdout)["as_of"], day);
    }
}

#[test]
fn no_parents_are_refused_naming_the_field() {
    let h = with(household(), &["parents"], json!([]));
    assert_refused(&check_value(&h), &["parents", "at least one parent"]);
}

#[test]
fn two_mothers_are_refused_naming_the_field() {
    let h = with(household(), &["parents", "1", "role"], json!("mother"));
    assert_refused(
        &check_value(&h),
        &["parents[1].role", "one mother and one father"],
    );
}

#[test]
fn three_parents_are_refused_naming_the_field() {
    let mut h = household();
    let extra = h["parents"][0].clone();
    h["parents"].as_array_mut().unwrap().push(extra);
    assert_refused(&check_value(&h), &["parents", "at most two"]);
}

#[test]
fn a_missing_file_is_refused_naming_it() {
    let run = fuzhu(&["check", "/nonexistent/fuzhu/register.json"], None);
    assert_refused(
        &run,
        &[
            "无法读取",
            "cannot read",
            "/nonexistent/fuzhu/register.json",
        ],
    );
}

#[test]
fn a_directory_is_refused() {
    let run = fuzhu(&["check", env!("CARGO_MANIFEST_DIR")], None);
    assert_refused(&run, &["文件夹", "directory"]);
}

#[test]
fn an_empty_array_is_refused() {
    assert_refused(&check("[]"), &["空数组", "no household"]);
}

#[test]
fn an_empty_input_is_refused() {
    assert_refused(&check(""), &["输入是空的", "empty"]);
    assert_refused(&check(" \n "), &["输入是空的", "empty"]);
}

#[test]
fn the_shipped_offices_file_passes_and_a_bad_one_fails_naming_the_office_and_the_field() {
    let ok = fuzhu(&["offices", "static/offices.json"], None);
    assert_eq!(
        (ok.code, ok.stdout.as_str(), ok.stderr.as_str()),
        (0, "", "")
    );

    let dir = std::env::temp_dir().join(format!("fuzhu-offices-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("offices.json");
    std::fs::write(
        &bad,
        "{\"longting-xinhua\": {\"name\": \"示例社区\", \"hours\": \"8:30\u{061c}-17:30\", \"phone\": \"86+371\"},\n \"\\u001b[31mx\": {\"name\": \"a\"}}",
    )
    .unwrap();
    let run = fuzhu(&["offices", bad.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stderr);
    assert!(
        lines[0].starts_with("offices.json：单位“longting-xinhua”的hours：含有不允许的字符U+061C"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains(" / offices.json: office \"longting-xinhua\", hours: holds U+061C"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("单位“longting-xinhua”的phone：电话只能有"),
        "{}",
        lines[1]
    );
    // The bad id is named without its escape character reaching the terminal.
    assert!(lines[2].contains("编号只能用"), "{}", lines[2]);
    assert!(!run.stderr.contains('\u{1b}'));

    let missing = fuzhu(&["offices", "no/such/offices.json"], None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("无法读取"), "{}", missing.stderr);
}

// ------------------------------------------------------ implausible births (RULINGS, Round 3)

#[test]
fn a_mother_written_1936_beside_a_child_of_2010_is_refused_naming_her_birth_date() {
    let v = with(
        with(household(), &["child", "birth_date"], json!("2010-03-01")),
        &["parents", "0", "birth_date"],
        json!("1936-05-01"),
    );
    let run = check_value(&v);
    assert_refused(
        &run,
        &[
            "parents[0].birth_date",
            "母亲",
            "60周岁",
            "出生年份",
            "typo",
        ],
    );
}

#[test]
fn a_father_aged_5_at_the_birth_is_refused_naming_his_birth_date() {
    let v = with(
        with(
            with(household(), &["child", "birth_date"], json!("1973-09-20")),
            &["parents", "0", "birth_date"],
            json!("1950-03-15"),
        ),
        &["parents", "1", "birth_date"],
        json!("1968-09-20"),
    );
    assert_refused(
        &check_value(&v),
        &["parents[1].birth_date", "不满14周岁", "younger than 14"],
    );
}

#[test]
fn a_father_of_80_at_the_birth_is_refused_and_the_message_says_what_to_check() {
    let v = with(
        with(household(), &["child", "birth_date"], json!("2000-01-01")),
        &["parents", "1", "birth_date"],
        json!("1920-01-01"),
    );
    assert_refused(
        &check_value(&v),
        &["parents[1].birth_date", "父亲", "80周岁"],
    );
}

#[test]
fn a_living_child_given_a_grade_is_told_the_json_value_not_a_questionnaire_label() {
    let v = with(
        with(household(), &["child", "status"], json!("living")),
        &["child", "disability_grade"],
        json!(2),
    );
    let run = check_value(&v);
    assert_refused(&run, &["child.disability_grade", "\"disabled\""]);
    assert!(!run.stderr.contains("请选择"), "{}", run.stderr);
}
