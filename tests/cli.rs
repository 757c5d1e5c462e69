//! The `fuzhu` command line, run as a street office would run it. Answers go to stdout as JSON;
//! every refusal is exit code 2, nothing on stdout, and one line on stderr that names the field.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn fuzhu(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fuzhu"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("fuzhu runs");
    if let Some(text) = stdin {
        // fuzhu may refuse (and exit) before reading it all: a broken pipe is not a failure.
        let written = child.stdin.take().unwrap().write_all(text.as_bytes());
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().expect("fuzhu exits, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `fuzhu check -` with `input` on stdin.
fn check(input: &str) -> Run {
    fuzhu(&["check", "-"], Some(input))
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

/// The refusal contract: exit 2, empty stdout, one line on stderr containing every `needle`.
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
    let line = lines[0];
    assert!(line.starts_with("error: "), "{line}");
    assert!(
        line.len() < 400,
        "the message is short enough to read: {line}"
    );
    for n in needles {
        assert!(line.contains(n), "stderr should mention {n:?}: {line}");
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

// ------------------------------------------------------------------------------ answers

#[test]
fn a_single_household_gives_a_single_object() {
    let file = TempFile::new("one.json", household().to_string().as_bytes());
    let run = fuzhu(&["check", file.path()], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty());
    let v = parse(&run.stdout);
    assert!(v.is_object());
    assert_eq!(v["covered"], true);
    assert_eq!(v["special_family"], true);
    assert_eq!(
        v["totals"],
        json!({"monthly": "2860", "one_off": "10000", "annual": "0"})
    );
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
    let mut h = household();
    h.as_object_mut().unwrap().remove("as_of");
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
fn the_documented_examples_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = root.join("examples/household.json");
    let run = fuzhu(&["check", one.to_str().unwrap()], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = parse(&run.stdout);
    // The figures docs/facts-and-results.md shows for this example.
    assert_eq!(
        v["totals"],
        json!({"monthly": "2860", "one_off": "10000", "annual": "6000"})
    );
    let status = |id: &str| {
        v["benefits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("care_home_priority"), "eligible");
    assert_eq!(status("home_care_allowance"), "check");
    assert_eq!(status("medical_aid"), "check");
    assert_eq!(status("pension_subsidy"), "eligible");

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

#[test]
fn explain_special_support_prints_its_clause_agencies_and_documents() {
    let run = fuzhu(&["explain", "special_support"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let policy = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/kaifeng-2023-24.txt"),
    )
    .unwrap();
    let clause = fuzhu::rules::clause(1).unwrap();
    assert!(policy.contains(clause.text));
    assert!(run.stdout.contains(clause.text), "{}", run.stdout);
    assert!(run.stdout.contains("第1条"));
    assert!(run.stdout.contains("每人每月1430元"));
    assert!(run.stdout.contains("市卫生健康委"));
    assert!(run.stdout.contains("户口簿"));
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
    assert!(run.stderr.contains("unknown item `pension`"));
    for b in fuzhu::rules::BENEFITS.iter() {
        assert!(run.stderr.contains(b.id.as_str()), "{}", b.id.as_str());
    }
}

#[test]
fn help_is_printed_and_succeeds() {
    let run = fuzhu(&["--help"], None);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("fuzhu check FILE"));
}

#[test]
fn no_command_or_no_file_is_refused_with_the_usage() {
    for args in [&[][..], &["frobnicate"][..], &["check"][..]] {
        let run = fuzhu(args, None);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stdout.is_empty());
        assert!(run.stderr.starts_with("error: ") && run.stderr.contains("usage:"));
    }
}

// ------------------------------------------------------------------------------ refusals

#[test]
fn malformed_json_is_refused_saying_where() {
    assert_refused(&check("{\"as_of\": "), &["not valid JSON", "line 1"]);
}

#[test]
fn input_that_is_neither_an_object_nor_an_array_is_refused() {
    assert_refused(&check("42"), &["household object or an array"]);
}

#[test]
fn an_unknown_field_is_refused_naming_it() {
    let mut h = household();
    let parents = h.as_object_mut().unwrap().remove("parents").unwrap();
    h["parnets"] = parents;
    assert_refused(&check_value(&h), &["parnets", "unknown field", "parents"]);
}

#[test]
fn an_unknown_field_inside_a_parent_is_refused_naming_its_path() {
    let h = with(household(), &["parents", "1", "hukou"], json!(true));
    assert_refused(&check_value(&h), &["parents[1]", "unknown field `hukou`"]);
}

#[test]
fn an_unknown_area_is_refused_naming_the_field_and_the_choices() {
    let h = with(household(), &["area"], json!("beijing"));
    assert_refused(&check_value(&h), &["area", "beijing", "gulou", "lankao"]);
}

#[test]
fn a_missing_required_field_is_refused_naming_it() {
    let mut h = household();
    h.as_object_mut().unwrap().remove("has_other_child");
    assert_refused(&check_value(&h), &["missing field `has_other_child`"]);
}

#[test]
fn a_wrong_type_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "0", "kaifeng_hukou"],
        json!("yes"),
    );
    assert_refused(&check_value(&h), &["parents[0].kaifeng_hukou", "boolean"]);
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
fn negative_hospital_days_are_refused_naming_the_field() {
    let h = with(household(), &["parents", "0", "hospital_days"], json!(-1));
    assert_refused(
        &check_value(&h),
        &["parents[0].hospital_days", "negative", "-1"],
    );
}

#[test]
fn hospital_days_of_367_are_refused_naming_the_field() {
    let h = with(household(), &["parents", "1", "hospital_days"], json!(367));
    assert_refused(
        &check_value(&h),
        &["parents[1].hospital_days", "at most 366", "367"],
    );
}

#[test]
fn hospital_days_of_366_are_accepted() {
    let h = with(household(), &["parents", "1", "hospital_days"], json!(366));
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
fn a_date_that_does_not_exist_is_refused_naming_the_field() {
    let h = with(
        household(),
        &["parents", "0", "birth_date"],
        json!("1979-02-29"),
    );
    assert_refused(
        &check_value(&h),
        &["parents[0].birth_date", "not a real date", "YYYY-MM-DD"],
    );
}

#[test]
fn a_date_in_another_format_is_refused_naming_the_field() {
    let h = with(household(), &["as_of"], json!("01/06/2024"));
    assert_refused(&check_value(&h), &["as_of", "YYYY-MM-DD"]);
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
fn parents_who_are_all_deceased_are_refused() {
    let h = with(household(), &["parents", "0", "alive"], json!(false));
    let h = with(h, &["parents", "1", "alive"], json!(false));
    assert_refused(&check_value(&h), &["parents", "no parent is alive"]);
}

#[test]
fn a_missing_file_is_refused_naming_it() {
    let run = fuzhu(&["check", "/nonexistent/fuzhu/register.json"], None);
    assert_refused(&run, &["cannot read", "/nonexistent/fuzhu/register.json"]);
}

#[test]
fn an_empty_array_is_refused() {
    assert_refused(&check("[]"), &["empty array", "no household"]);
}

#[test]
fn an_empty_input_is_refused() {
    assert_refused(&check(""), &["not valid JSON"]);
}

#[test]
fn a_bad_household_in_an_array_is_refused_naming_its_index_and_nothing_is_printed() {
    let bad = with(household(), &["parents", "0", "hospital_days"], json!(-3));
    let input = json!([household(), household(), bad, household()]);
    assert_refused(
        &check_value(&input),
        &["household [2]", "parents[0].hospital_days", "negative"],
    );
}

#[test]
fn a_household_in_an_array_that_is_not_an_object_is_refused_naming_its_index() {
    let input = json!([household(), "not a household"]);
    assert_refused(&check_value(&input), &["household [1]"]);
}

#[test]
fn an_unexpected_argument_is_refused() {
    let run = fuzhu(&["check", "-", "extra"], Some(&household().to_string()));
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("unexpected argument `extra`"));
}
