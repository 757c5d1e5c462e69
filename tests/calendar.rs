//! The reminders file is real iCalendar: an independent parser (the `icalendar` crate) reads
//! back every event with its day, summary and description, for every scenario household.

use std::str::FromStr;

use chrono::NaiveDate;
use fuzhu::calendar::{ics, reminders};
use fuzhu::flow::Lang;
use fuzhu::rules::{self, BenefitId, Facts, Status};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use serde_json::json;

mod common;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A couple in their forties: special support from the mother's 49th birthday, elder care
/// from the 60th birthdays.
fn young_couple() -> Facts {
    serde_json::from_value(json!({
        "as_of": "2024-06-01", "area": "qixian", "residence": "rural",
        "child": {"status": "deceased"}, "has_other_child": false,
        "parents": [
            {"role": "mother", "birth_date": "1980-09-15", "kaifeng_hukou": true},
            {"role": "father", "birth_date": "1978-02-01", "kaifeng_hukou": true}
        ]
    }))
    .unwrap()
}

fn events(text: &str) -> Vec<(NaiveDate, String, String)> {
    let cal = Calendar::from_str(text).expect("a real iCalendar file");
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            let start = match e.get_start() {
                Some(DatePerhapsTime::Date(d)) => d,
                other => panic!("an all-day event, got {other:?}"),
            };
            (
                start,
                e.get_summary().unwrap_or_default().to_string(),
                e.get_description().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_mother_who_turns_49_in_2029_gets_a_reminder_on_1_january_2029_and_on_her_birthday() {
    let out = rules::evaluate(&young_couple(), day(2024, 6, 1)).unwrap();
    let text = ics(&reminders(&out, Lang::Zh), day(2024, 6, 1));
    let got = events(&text);
    let support: Vec<_> = got.iter().filter(|e| e.1.contains("特别扶助金")).collect();
    assert_eq!(support.len(), 2, "{got:?}");
    assert_eq!(support[0].0, day(2029, 1, 1));
    assert_eq!(support[0].1, "今年可以申请特别扶助金");
    assert_eq!(support[1].0, day(2029, 9, 15));
    assert!(
        support[1].2.contains("户籍所在地村（居）委会"),
        "{}",
        support[1].2
    );
    assert!(support[1].2.contains("户口簿"), "{}", support[1].2);
    // The father's 60th birthday brings elder care in 2038.
    assert!(got
        .iter()
        .any(|e| e.0 == day(2038, 2, 1) && e.1.contains("养老")));
    // Commas and semicolons in the description survive the escaping.
    assert!(support[1].2.contains("第1条"));
}

#[test]
fn a_mother_who_turns_49_on_1_january_gets_one_reminder_that_day() {
    let mut f = young_couple();
    f.parents[0].birth_date = day(1980, 1, 1);
    let out = rules::evaluate(&f, day(2024, 6, 1)).unwrap();
    let r = reminders(&out, Lang::Zh);
    let support: Vec<_> = r
        .iter()
        .filter(|r| r.item == BenefitId::SpecialSupport)
        .collect();
    assert_eq!(support.len(), 1);
    assert_eq!(support[0].day, day(2029, 1, 1));
}

#[test]
fn every_future_item_of_every_scenario_has_its_event_and_the_file_reads_back() {
    let mut checked = 0;
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or(day(2024, 6, 1));
        let Ok(out) = rules::evaluate(&facts, today) else {
            continue;
        };
        for lang in [Lang::Zh, Lang::En] {
            let r = reminders(&out, lang);
            let text = ics(&r, today);
            assert!(text.ends_with("END:VCALENDAR\r\n"), "{name}");
            assert!(
                text.split("\r\n").all(|l| l.len() <= 75),
                "{name}: a line longer than 75 octets"
            );
            let got = events(&text);
            assert_eq!(got.len(), r.len(), "{name}");
            for b in out.benefits.iter().filter(|b| b.status == Status::Future) {
                let from = b.eligible_from.unwrap();
                assert!(
                    got.iter().any(|e| e.0 == from),
                    "{name}: no event on {from} for {:?}",
                    b.id
                );
            }
            for (e, want) in got.iter().zip(&r) {
                assert_eq!(e.0, want.day);
                assert_eq!(e.1, want.summary, "{name}");
                assert_eq!(e.2, want.description, "{name}");
            }
            checked += got.len();
        }
    }
    assert!(checked >= 100, "only {checked} events read back");
}

#[test]
fn a_household_with_nothing_to_come_gets_an_empty_calendar_that_still_reads() {
    let mut f = young_couple();
    f.parents[0].birth_date = day(1950, 1, 1);
    f.parents[1].birth_date = day(1950, 1, 1);
    let out = rules::evaluate(&f, day(2024, 6, 1)).unwrap();
    let r = reminders(&out, Lang::En);
    assert!(r.is_empty(), "{r:?}");
    assert!(events(&ics(&r, day(2024, 6, 1))).is_empty());
}
