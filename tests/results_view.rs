//! The results screen's order (`flow::present::results_view`, issue 12.5): a first card with
//! what to do, then what is still to claim, most urgent first, the services folded into one
//! group, and what the family already gets (issue 11.1) kept apart. Natively, for every
//! scenario household and for the thresholds that move an item up or down.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{Datelike, NaiveDate};
use common::day;
use fuzhu::flow::present::{self, results_view};
use fuzhu::flow::read_aloud;
use fuzhu::flow::text::Lang;
use fuzhu::rules::{self, AgencyId, BenefitId, Facts, Status};

fn evaluate(facts: serde_json::Value) -> rules::Outcome {
    let facts: Facts = serde_json::from_value(facts).expect("valid facts");
    let today = facts.as_of.expect("as_of");
    rules::evaluate(&facts, today).expect("a real household")
}

/// A widow of 66 in 尉氏县, her late husband registered there too, in the resident schemes,
/// 12 days in hospital this year, at home.
fn widow() -> rules::Outcome {
    evaluate(serde_json::json!({
        "as_of": "2026-11-29",
        "area": "weishi",
        "residence": "rural",
        "child": { "status": "deceased" },
        "has_other_child": false,
        "parents": [
            { "role": "mother", "birth_date": "1960-04-02", "kaifeng_hukou": true,
              "pension": "resident", "medical": "resident", "hospital_days": 12,
              "care_setting": "home" },
            { "role": "father", "birth_date": "1958-01-09", "alive": false, "kaifeng_hukou": true }
        ]
    }))
}

/// A family whose autistic child of six turns 7 on `seventh`, checked on 2024-06-01.
fn child_turning_seven(seventh: NaiveDate) -> rules::Outcome {
    let born = day(seventh.year() - 7, seventh.month(), seventh.day());
    evaluate(serde_json::json!({
        "as_of": "2024-06-01",
        "area": "longting",
        "residence": "urban",
        "child": { "status": "disabled", "disability_grade": 1,
                   "disability_types": ["autism"], "birth_date": born.to_string() },
        "has_other_child": false,
        "parents": [
            { "role": "mother", "birth_date": "1990-02-14", "kaifeng_hukou": true },
            { "role": "father", "birth_date": "1988-10-30", "kaifeng_hukou": true }
        ]
    }))
}

#[test]
fn every_applying_item_is_shown_exactly_once_in_every_scenario_household() {
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Ok(o) = rules::evaluate(&facts, today) else {
            continue;
        };
        for received in [
            vec![],
            vec![BenefitId::SpecialSupport, BenefitId::FreeGravePlot],
        ] {
            let v = results_view(&o, &received);
            let mut shown: Vec<BenefitId> = v
                .cards
                .iter()
                .chain(&v.services)
                .chain(&v.received)
                .map(|r| r.id)
                .collect();
            shown.sort();
            let mut applying: Vec<BenefitId> = o
                .benefits
                .iter()
                .filter(|b| b.applies())
                .map(|b| b.id)
                .collect();
            applying.sort();
            assert_eq!(shown, applying, "{name}");
            assert_eq!(
                v.not_applying.len() + applying.len(),
                o.benefits.len(),
                "{name}"
            );
            assert!(v.cards.iter().all(|r| !r.id.in_kind()), "{name}");
            assert!(v.services.iter().all(|r| r.id.in_kind()), "{name}");
            assert!(
                v.received.iter().all(|r| received.contains(&r.id)),
                "{name}"
            );
            // The first card names a place exactly when something is still to claim, and
            // lists there only what is still to claim there.
            let to_claim = v.cards.len() + v.services.len();
            assert_eq!(v.first_stop.is_some(), to_claim > 0, "{name}");
            if let Some(stop) = &v.first_stop {
                assert!(!stop.items.is_empty(), "{name}");
                assert!(
                    stop.items.iter().all(|r| r.first_stop == stop.agency),
                    "{name}"
                );
                assert!(
                    stop.items.iter().all(|r| !received.contains(&r.id)),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn the_widows_first_card_sends_her_to_the_village_committee_for_her_special_support() {
    let o = widow();
    let v = results_view(&o, &[]);
    assert_eq!(v.cards[0].id, BenefitId::SpecialSupport);
    let stop = v.first_stop.as_ref().unwrap();
    assert_eq!(stop.agency, AgencyId::VillageCommittee);
    assert!(stop.items.iter().any(|r| r.id == BenefitId::SpecialSupport));
    // Her papers for everything claimed there, each once; a late husband's death certificate
    // among them (the engine's per-family documents).
    let zh: Vec<&str> = stop.documents.iter().map(|d| d.zh).collect();
    let mut once = zh.clone();
    once.sort_unstable();
    once.dedup();
    assert_eq!(once.len(), zh.len(), "{zh:?}");
    assert!(zh.iter().any(|d| d.contains("身份证")), "{zh:?}");
    // No deadline for her: nothing she can claim ends on a date.
    assert_eq!(v.deadline, None);
    assert_eq!(present::deadline_line(&v, Lang::Zh), None);
    let spoken = read_aloud::first_card(&v, &o, Lang::Zh);
    assert!(spoken.starts_with("先做这几件事。"), "{spoken}");
    assert!(spoken.contains("先去："), "{spoken}");
}

#[test]
fn what_can_be_claimed_now_comes_before_what_to_confirm_and_what_comes_later() {
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Ok(o) = rules::evaluate(&facts, today) else {
            continue;
        };
        let v = results_view(&o, &[]);
        for list in [&v.cards, &v.services] {
            let ranks: Vec<(u8, Option<NaiveDate>)> = list
                .iter()
                .map(|r| match (r.until, r.status) {
                    (Some(d), _) => (0, Some(d)),
                    (None, Status::Eligible) => (1, None),
                    (None, Status::Check) => (2, None),
                    (None, _) => (3, r.eligible_from),
                })
                .collect();
            let mut sorted = ranks.clone();
            sorted.sort();
            assert_eq!(ranks, sorted, "{name}");
        }
    }
}

#[test]
fn among_items_claimed_now_the_monthly_money_comes_first() {
    let o = widow();
    let v = results_view(&o, &[]);
    let eligible: Vec<BenefitId> = v
        .cards
        .iter()
        .filter(|r| r.status == Status::Eligible && r.until.is_none())
        .map(|r| r.id)
        .collect();
    let monthly = eligible
        .iter()
        .position(|id| *id == BenefitId::SpecialSupport)
        .unwrap();
    assert_eq!(monthly, 0, "{eligible:?}");
}

#[test]
fn a_child_who_turns_7_the_day_after_tomorrow_has_the_rehabilitation_deadline_on_top() {
    let o = child_turning_seven(day(2024, 6, 3));
    let v = results_view(&o, &[]);
    let (d, r) = v.deadline.expect("a deadline");
    assert_eq!(d, day(2024, 6, 2));
    assert_eq!(r.id, BenefitId::RehabilitationAid);
    assert_eq!(v.cards[0].id, BenefitId::RehabilitationAid);
    assert_eq!(
        present::deadline_line(&v, Lang::Zh).unwrap(),
        "康复救助和辅助器具：请在2024年6月2日前办理"
    );
    assert_eq!(
        v.first_stop.as_ref().unwrap().agency,
        v.cards[0].first_stop,
        "the first card sends the family where the deadline is"
    );
}

#[test]
fn a_child_who_turns_7_tomorrow_has_today_as_the_last_day() {
    let o = child_turning_seven(day(2024, 6, 2));
    let v = results_view(&o, &[]);
    assert_eq!(v.deadline.map(|(d, _)| d), Some(day(2024, 6, 1)));
}

#[test]
fn a_child_who_turns_7_today_has_no_deadline_left() {
    let o = child_turning_seven(day(2024, 6, 1));
    let v = results_view(&o, &[]);
    assert_eq!(v.deadline, None);
    assert!(o.get(BenefitId::RehabilitationAid).until.is_none());
}

#[test]
fn an_item_marked_already_received_leaves_the_cards_and_the_first_card() {
    let o = widow();
    let v = results_view(&o, &[BenefitId::SpecialSupport]);
    assert!(v.cards.iter().all(|r| r.id != BenefitId::SpecialSupport));
    assert_eq!(
        v.received.iter().map(|r| r.id).collect::<Vec<_>>(),
        [BenefitId::SpecialSupport]
    );
    let stop = v.first_stop.as_ref().unwrap();
    assert!(stop.items.iter().all(|r| r.id != BenefitId::SpecialSupport));
    // The money is the rules' own: a mark changes nothing the rules decided.
    assert_eq!(
        present::totals_rows(&o, Lang::Zh),
        present::totals_rows(&widow(), Lang::Zh)
    );
}

#[test]
fn a_mark_on_an_item_that_does_not_apply_shows_nowhere_but_under_not_applying() {
    let o = widow();
    let not = o
        .benefits
        .iter()
        .find(|b| !b.applies())
        .expect("something does not apply to her")
        .id;
    let v = results_view(&o, &[not]);
    assert!(v.received.is_empty());
    assert!(v.not_applying.iter().any(|r| r.id == not));
}

#[test]
fn each_kind_of_sum_belongs_to_one_item_so_which_sums_an_item_has_orders_it() {
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Ok(o) = rules::evaluate(&facts, today) else {
            continue;
        };
        for b in &o.benefits {
            let (m, one, year) = (
                b.monthly_total.is_some(),
                b.one_off_total.is_some(),
                b.annual_total.is_some(),
            );
            assert!(
                !m || b.id == BenefitId::SpecialSupport,
                "{name}: {:?}",
                b.id
            );
            assert!(!one || b.id == BenefitId::DeathRelief, "{name}: {:?}", b.id);
            assert!(
                !year || b.id == BenefitId::NursingInsurance,
                "{name}: {:?}",
                b.id
            );
        }
    }
}

#[test]
fn the_short_sort_keeps_equal_items_in_their_order() {
    let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
    fuzhu::flow::sort_small(&mut v, |x, y| x.0.cmp(&y.0));
    assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    let mut empty: Vec<u8> = vec![];
    fuzhu::flow::sort_small(&mut empty, |x, y| x.cmp(y));
    assert!(empty.is_empty());
}
