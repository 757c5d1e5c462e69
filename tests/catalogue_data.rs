//! The catalogue and the parameters are data (policy/catalogue.toml, policy/parameters.toml):
//! these tests keep the records, the code that decides them and the sentences that state
//! their numbers in step, and keep docs/adding-an-item.md true.

use std::collections::BTreeSet;
use std::path::Path;

use fuzhu::flow::answers::Question;
use fuzhu::flow::questions;
use fuzhu::flow::text::{Key, Lang, Voice};
use fuzhu::rules::conditions::{conditions, templates, EVERY_ITEM};
use fuzhu::rules::params::{self, fill_with, newest, MONEY, SOURCES, THRESHOLDS};
use fuzhu::rules::{self, clause, BenefitId, BENEFITS};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(file: &str) -> String {
    std::fs::read_to_string(repo().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every (name, from) of every parameter's history.
fn values() -> Vec<(&'static str, chrono::NaiveDate)> {
    let money = MONEY
        .iter()
        .flat_map(|p| p.history.iter().map(move |d| (p.name, d.from)));
    let counts = THRESHOLDS
        .iter()
        .flat_map(|p| p.history.iter().map(move |d| (p.name, d.from)));
    money.chain(counts).collect()
}

#[test]
fn every_record_has_a_decider_and_every_decider_a_record() {
    let records: Vec<&str> = BENEFITS.iter().map(|b| b.id.as_str()).collect();
    let decided: Vec<&str> = rules::decided_ids().map(BenefitId::as_str).collect();
    assert_eq!(decided, records, "the deciders, in the catalogue's order");
    // And the records are those of the data file, in its order.
    let text = read("policy/catalogue.toml");
    let data = toml_ids::read(&text, "[[item]]");
    assert_eq!(data.ids, records);
}

#[test]
fn every_item_has_its_conditions_for_fuzhu_explain() {
    for b in BENEFITS.iter() {
        assert!(!templates(b.id).is_empty(), "{}", b.id.as_str());
    }
}

#[test]
fn the_share_links_order_is_each_records_link_place_and_never_the_file_order() {
    // Each record names its place; the places are 0, 1, 2, … each once (the build refuses
    // anything else); the order of format 4 is theirs (tests/share.rs pins today's links).
    let text = read("policy/catalogue.toml");
    let data = toml_ids::read(&text, "[[item]]");
    assert_eq!(
        data.links.len(),
        BENEFITS.len(),
        "every item has its `link`"
    );
    let mut by_link: Vec<(usize, &str)> = data
        .links
        .iter()
        .copied()
        .zip(data.ids.iter().copied())
        .collect();
    by_link.sort();
    let order: Vec<&str> = rules::benefits::LINK_ORDER
        .iter()
        .map(|id| id.as_str())
        .collect();
    assert_eq!(by_link.iter().map(|(_, id)| *id).collect::<Vec<_>>(), order);
    assert!(by_link.iter().enumerate().all(|(i, (l, _))| i == *l));
}

#[test]
fn every_parameter_value_has_a_source_in_the_policys_own_words() {
    let policy = read("policy/kaifeng-2023-24.txt");
    let mut sourced: Vec<(&str, chrono::NaiveDate)> =
        SOURCES.iter().map(|s| (s.name, s.from)).collect();
    let mut all = values();
    sourced.sort();
    all.sort();
    assert_eq!(sourced, all, "one source per value");
    for s in SOURCES.iter() {
        assert!(!s.words.is_empty(), "{}", s.name);
        if let Some(rest) = s.reference.strip_prefix("汴政办〔2023〕24号 第") {
            let n: u8 = rest.trim_end_matches('条').parse().expect("第N条");
            let c = clause(n).expect("a clause of the policy");
            assert!(
                c.text.contains(s.words),
                "{}: not in clause {n}: {}",
                s.name,
                s.words
            );
            assert!(policy.contains(s.words));
            // The words state the value (1万元 and 0.5万元 are the policy's way of writing
            // 10000 and 5000).
            let value_words = match s.value {
                "10000" => "1万元".to_owned(),
                "5000" => "0.5万元".to_owned(),
                v => v.to_owned(),
            };
            assert!(
                s.words.contains(&value_words),
                "{}: {} in {}",
                s.name,
                s.value,
                s.words
            );
        } else {
            // A value the policy relies on but does not set (the age of majority).
            assert!(s.reference.starts_with('《'), "{}: {}", s.name, s.reference);
        }
    }
}

#[test]
fn every_amount_in_a_condition_comes_from_its_parameter() {
    let all = BENEFITS
        .iter()
        .flat_map(|b| templates(b.id).iter())
        .chain(EVERY_ITEM.iter());
    for c in all {
        for text in [c.zh, c.en] {
            // No amount or count of days written as a number: each is `{parameter}`.
            let chars: Vec<char> = text.chars().collect();
            for (i, w) in chars.windows(2).enumerate() {
                let after = chars[i + 1..].iter().collect::<String>();
                let amount = after.starts_with('元')
                    || after.starts_with(" yuan")
                    || after.starts_with('天')
                    || after.starts_with(" days");
                assert!(
                    !(w[0].is_ascii_digit() && amount),
                    "a number written out: {text}"
                );
            }
            // Every `{…}` names a parameter.
            let filled = params::fill(text);
            assert!(!filled.contains('{'), "not a parameter: {text}");
            // What numbers are left are not the policy's amounts or ages: another document's
            // number (汴政办〔2014〕50号), the hotline, the 120 ambulance, 1月1日, the grades
            // 1–3 and the lower bound of 0—6岁.
            let mut bare = String::new();
            let mut depth = 0;
            for ch in text.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => bare.push(ch),
                    _ => {}
                }
            }
            for number in bare
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
            {
                assert!(
                    ["2014", "50", "12348", "120", "1", "3", "0"].contains(&number),
                    "{number} is written out, not a parameter: {text}"
                );
            }
        }
    }
}

#[test]
fn changing_a_parameter_value_changes_the_sentence() {
    let sentence = templates(BenefitId::SpecialSupport)
        .iter()
        .find(|c| c.zh.contains("每人每月"))
        .expect("the amount's condition");
    let raised = fill_with(sentence.zh, |name, thousands| {
        if name == params::SPECIAL_SUPPORT_DEATH_MONTHLY.name {
            Some("1500".into())
        } else {
            newest(name, thousands)
        }
    });
    assert!(raised.contains("每人每月1500元"), "{raised}");
    let today = conditions(BenefitId::SpecialSupport);
    assert!(today.iter().any(|c| c.zh.contains("每人每月1430元")));
    assert!(today.iter().any(|c| c.en.contains("1430 yuan a month")));
    let relief = conditions(BenefitId::DeathRelief);
    assert!(relief.iter().any(|c| c.en.starts_with("10,000 yuan once")));
    let support = conditions(BenefitId::SpecialSupport);
    assert!(support
        .iter()
        .any(|c| c.zh.starts_with("女方年满49周岁（49周岁生日当天起算）")));
    let rehab = conditions(BenefitId::RehabilitationAid);
    assert!(rehab.iter().any(|c| c
        .en
        .starts_with("aged 0–6 (until the day before the 7th birthday)")));
    let nursing = conditions(BenefitId::NursingInsurance);
    assert!(nursing
        .iter()
        .any(|c| c.zh == "每位父母每年按住院天数×300元，最多90天"));
}

#[test]
fn the_hospital_days_question_says_the_daily_allowance_and_the_days_in_force_on_the_day_of_the_check(
) {
    // Written as fields, never as the numbers: a raise in policy/parameters.toml rewords it.
    let (zh, en) = Key::QHospitalDaysWhy.pair();
    for text in [zh, fuzhu::english::resolve(en)] {
        assert_eq!(text.matches("{}").count(), 2, "{text}");
        assert!(!text.contains("300") && !text.contains("90"), "{text}");
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let daily = params::NURSING_DAILY.at(day).unwrap();
    let days = params::NURSING_MAX_DAYS.at(day).unwrap();
    let why = |lang| questions::why_text(Question::HospitalDays, lang, Voice::Family, day);
    let zh = why(Lang::Zh);
    assert!(zh.contains(&format!("每天有{daily}元")), "{zh}");
    assert!(zh.contains(&format!("每年最多{days}天")), "{zh}");
    let en = why(Lang::En);
    assert!(en.contains(&format!("{daily} yuan")), "{en}");
    assert!(en.contains(&format!("up to {days} days")), "{en}");
    // Today's values give the words the question always had.
    assert_eq!(
        zh,
        "住院期间每天有300元护理补贴，每年最多90天。没有住院就填0。"
    );
    assert_eq!(
        en,
        "A nursing allowance of 300 yuan is paid for each day in hospital, up to 90 days a \
         year. Enter 0 if none."
    );
}

#[test]
fn adding_an_item_walkthrough_names_files_and_commands_that_exist() {
    let doc = read("docs/adding-an-item.md");
    // Every path it names in backticks is in the repository.
    let mut named = BTreeSet::new();
    for part in doc.split('`').skip(1).step_by(2) {
        let looks_like_path = (part.starts_with("src/")
            || part.starts_with("policy/")
            || part.starts_with("tests/")
            || part.starts_with("build/")
            || part.starts_with("docs/"))
            && !part.contains(' ');
        if looks_like_path {
            let path = part.split(':').next().unwrap_or(part);
            assert!(
                repo().join(path).exists(),
                "docs/adding-an-item.md names {path}"
            );
            named.insert(path.to_owned());
        }
    }
    for must in [
        "policy/catalogue.toml",
        "policy/parameters.toml",
        "src/rules/mod.rs",
        "src/rules/conditions.rs",
        "src/flow/questions.rs",
    ] {
        assert!(named.contains(must), "the walkthrough should name {must}");
    }
    // Every `cargo test --test NAME` it gives names a test file.
    for line in doc.lines() {
        if let Some(at) = line.find("cargo test --test ") {
            let name = line[at + 18..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default();
            assert!(
                repo().join(format!("tests/{name}.rs")).exists(),
                "docs/adding-an-item.md runs tests/{name}.rs"
            );
        }
    }
    // Its example ids are real ones.
    assert!(doc.contains("free_grave_plot") && BenefitId::parse("free_grave_plot").is_some());
}

/// Just enough of the data file to see its ids and link places in the file's own order (the
/// build reads it with the `toml` crate; the test reads it independently).
mod toml_ids {
    pub struct Ids<'a> {
        pub ids: Vec<&'a str>,
        pub links: Vec<usize>,
    }

    pub fn read<'a>(text: &'a str, table: &str) -> Ids<'a> {
        let mut ids = Vec::new();
        let mut links = Vec::new();
        let mut inside = false;
        for line in text.lines() {
            let t = line.trim();
            if t.starts_with("[[") {
                inside = t == table;
                continue;
            }
            if !inside {
                continue;
            }
            if let Some(v) = t.strip_prefix("id = ") {
                ids.push(v.trim_matches('"'));
            }
            if let Some(v) = t.strip_prefix("link = ") {
                links.push(v.parse().expect("a link place is a number"));
            }
        }
        Ids { ids, links }
    }
}
