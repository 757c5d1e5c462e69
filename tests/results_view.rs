//! The results screen's order (`results::present::results_view`, issue 12.5): a first card with
//! what to do, then what is still to claim, most urgent first, the services folded into one
//! group, and what the family already gets (issue 11.1) kept apart. Natively, for every
//! scenario household and for the thresholds that move an item up or down.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{Datelike, NaiveDate};
use common::day;
use fuzhu::flow::text::Lang;
use fuzhu::read_aloud;
use fuzhu::results::present::{self, results_view};
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
                .chain(&v.after_death)
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
            assert!(
                v.after_death.iter().all(|r| present::after_death(r)),
                "{name}"
            );
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
    let spoken = read_aloud::first_card(&v, &o, &fuzhu::flow::Answers::default(), Lang::Zh);
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

/// What an item pays in a year, for comparing claims: twelve months of a monthly sum, a
/// one-off sum, a yearly sum; 0 where the policy gives no amount.
fn yearly_value(r: &rules::BenefitResult) -> rust_decimal::Decimal {
    let m = r.monthly_total.unwrap_or_default() * rust_decimal::Decimal::from(12);
    m + r.one_off_total.unwrap_or_default() + r.annual_total.unwrap_or_default()
}

/// Issue 20.1: in every scenario household, with nothing marked and with the special support
/// marked 已经在享受, the first stop is where the most valuable claim to make now is made (or,
/// with none, the next claim to come); an item of 0元 never decides it; the grave plot while
/// the parents live never does; its papers are that place's papers, each once, as the child's
/// status has them.
#[test]
fn the_first_stop_is_where_the_most_valuable_claim_to_make_now_is_made_in_every_scenario() {
    let mut decided_by_money = 0;
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Ok(o) = rules::evaluate(&facts, today) else {
            continue;
        };
        for received in [vec![], vec![BenefitId::SpecialSupport]] {
            let v = results_view(&o, &received);
            let open: Vec<&rules::BenefitResult> = o
                .benefits
                .iter()
                .filter(|b| b.applies() && !received.contains(&b.id) && !present::after_death(b))
                .collect();
            let now: Vec<&rules::BenefitResult> = open
                .iter()
                .copied()
                .filter(|b| matches!(b.status, Status::Eligible | Status::Check))
                .collect();
            let Some(top) = present::first_claim(&o, &received) else {
                assert!(open.is_empty(), "{name}: something is left to claim");
                assert!(v.first_stop.is_none(), "{name}");
                continue;
            };
            let stop = v.first_stop.as_ref().expect("a first stop");
            assert_eq!(stop.agency, top.first_stop, "{name}");
            assert!(!present::after_death(top), "{name}");
            if now.is_empty() {
                // The next claim to come.
                let soonest = open.iter().filter_map(|b| b.eligible_from).min();
                assert_eq!(top.eligible_from, soonest, "{name}");
            } else {
                assert!(now.iter().any(|b| b.id == top.id), "{name}: {:?}", top.id);
                let best = now.iter().map(|b| yearly_value(b)).max().unwrap();
                assert_eq!(
                    yearly_value(top),
                    best,
                    "{name}: {:?} decides the first stop, not the most valuable claim",
                    top.id
                );
                if best.is_zero() {
                    // No money anywhere: a claim with a last day, else a sure one before one
                    // to confirm.
                    let sure = now
                        .iter()
                        .any(|b| b.status == Status::Eligible && b.until.is_none());
                    assert!(
                        top.until.is_some() || top.status == Status::Eligible || !sure,
                        "{name}: {:?}",
                        top.id
                    );
                } else {
                    decided_by_money += 1;
                }
            }
            // That place's papers, each once, from its items only, never "either" paper where
            // the child's status is known, never the papers of what comes after death.
            let zh: Vec<&str> = stop.documents.iter().map(|d| d.zh).collect();
            let mut once = zh.clone();
            once.sort_unstable();
            once.dedup();
            assert_eq!(once.len(), zh.len(), "{name}: {zh:?}");
            let mut want: Vec<&str> = stop
                .items
                .iter()
                .flat_map(|r| present::papers(r, v.child))
                .map(|d| d.zh)
                .collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(once, want, "{name}");
            assert!(
                stop.items.iter().all(|r| r.first_stop == stop.agency),
                "{name}"
            );
            if stop.items.iter().all(|r| r.id != BenefitId::FreeGravePlot) {
                assert!(!zh.iter().any(|d| d.contains("委托书")), "{name}: {zh:?}");
            }
            if v.child != present::Child::Unknown {
                assert!(
                    !zh.iter().any(|d| d.contains("或残疾人证")),
                    "{name}: {zh:?}"
                );
            }
        }
    }
    assert!(decided_by_money > 50, "the scenarios should test the money");
}

/// The child's status the papers and the basis follow, read from the outcome, is the
/// household's own wherever an item that asks for the child's papers applies.
#[test]
fn the_childs_status_read_from_the_results_is_the_households_own_in_every_scenario() {
    use fuzhu::rules::ChildStatus;
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Ok(o) = rules::evaluate(&facts, today) else {
            continue;
        };
        let asks = o
            .benefits
            .iter()
            .any(|b| b.applies() && b.documents.iter().any(|d| d.zh.starts_with("子女")));
        let read = present::child(&o);
        if asks {
            let want = match facts.child.status {
                ChildStatus::Deceased => present::Child::Died,
                ChildStatus::Disabled => present::Child::Disabled,
                ChildStatus::Living => present::Child::Unknown,
            };
            assert_eq!(read, want, "{name}");
        }
        // Every card's papers: each once, and the child's own.
        for b in o.benefits.iter().filter(|b| b.applies()) {
            let p: Vec<&str> = present::papers(b, read).iter().map(|d| d.zh).collect();
            let mut once = p.clone();
            once.sort_unstable();
            once.dedup();
            assert_eq!(once.len(), p.len(), "{name}: {p:?}");
            match read {
                present::Child::Died => {
                    assert!(!p.iter().any(|d| d.contains("残疾人证")), "{name}: {p:?}")
                }
                present::Child::Disabled => {
                    assert!(!p.iter().any(|d| d.contains("子女死亡")), "{name}: {p:?}")
                }
                present::Child::Unknown => {}
            }
        }
    }
}

/// RULINGS "After death is not now": while every listed parent lives, the grave plot is in the
/// 身后事 section only; once a parent has died it can be claimed now for them.
#[test]
fn the_grave_plot_waits_in_its_own_section_while_every_parent_lives_in_every_scenario() {
    for (name, facts) in common::scenario_households() {
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Ok(o) = rules::evaluate(&facts, today) else {
            continue;
        };
        let grave = o.get(BenefitId::FreeGravePlot);
        if !grave.applies() {
            continue;
        }
        let all_living = facts.parents.iter().all(|p| p.alive);
        assert_eq!(present::after_death(grave), all_living, "{name}");
        let v = results_view(&o, &[]);
        let in_now = v
            .cards
            .iter()
            .chain(&v.services)
            .any(|r| r.id == BenefitId::FreeGravePlot);
        assert_eq!(in_now, !all_living, "{name}");
        assert_eq!(
            v.after_death
                .iter()
                .any(|r| r.id == BenefitId::FreeGravePlot),
            all_living,
            "{name}"
        );
        if let Some(stop) = &v.first_stop {
            if all_living {
                assert!(
                    stop.items.iter().all(|r| r.id != BenefitId::FreeGravePlot),
                    "{name}"
                );
            }
        }
        assert!(fuzhu::results::print::by_agency(&o, &[]).iter().all(|p| p
            .items
            .iter()
            .all(|r| !all_living || r.id != BenefitId::FreeGravePlot)));
    }
}

/// A mother of 46 whose only child died: her special support comes at 49; the 10,000元 relief
/// is claimed now at the 村（居）委会, which is where she goes first, not the 计生协 for a
/// hospital allowance of 0元.
#[test]
fn a_mother_of_46_goes_first_to_the_village_committee_for_the_one_off_relief() {
    let o = evaluate(serde_json::json!({
        "as_of": "2026-11-29",
        "area": "shunhe",
        "residence": "urban",
        "child": { "status": "deceased" },
        "has_other_child": false,
        "parents": [
            { "role": "mother", "birth_date": "1980-05-02", "kaifeng_hukou": true,
              "pension": "resident", "medical": "resident", "hospital_days": 0 },
            { "role": "father", "birth_date": "1978-03-09", "kaifeng_hukou": true,
              "pension": "resident", "medical": "resident", "hospital_days": 0 }
        ]
    }));
    let v = results_view(&o, &[]);
    let top = present::first_claim(&o, &[]).unwrap();
    assert_eq!(top.id, BenefitId::DeathRelief);
    let stop = v.first_stop.as_ref().unwrap();
    assert_eq!(stop.agency, AgencyId::VillageCommittee);
    let zh: Vec<&str> = stop.documents.iter().map(|d| d.zh).collect();
    assert!(!zh.iter().any(|d| d.contains("住院")), "{zh:?}");
    assert_eq!(
        zh.iter().filter(|d| d.contains("死亡证明")).count(),
        1,
        "{zh:?}"
    );
    assert!(v
        .after_death
        .iter()
        .any(|r| r.id == BenefitId::FreeGravePlot));
    assert!(v.cards.iter().all(|r| r.id != BenefitId::FreeGravePlot));
}

/// The widow who marked her special support 已经在享受 goes where her next money is claimed,
/// not to a place of 0元.
#[test]
fn the_widow_who_already_receives_her_special_support_goes_where_her_next_money_is() {
    let o = widow();
    let top = present::first_claim(&o, &[BenefitId::SpecialSupport]).unwrap();
    assert_ne!(top.id, BenefitId::SpecialSupport);
    assert!(
        top.one_off_total.is_some_and(|d| !d.is_zero())
            || top.annual_total.is_some_and(|d| !d.is_zero()),
        "{:?}",
        top.id
    );
}

/// Issue 20.4: the parents of a living disabled daughter bring her 残疾人证, never a death
/// certificate, and their special support rests on clause 1's sentence for every special
/// family, not the 1430元 one for families whose child died.
#[test]
fn a_disabled_daughters_parents_bring_her_disability_card_and_read_their_own_basis() {
    let o = evaluate(serde_json::json!({
        "as_of": "2026-11-29",
        "area": "longting",
        "residence": "urban",
        "child": { "status": "disabled", "disability_grade": 2,
                   "disability_types": ["intellectual"], "birth_date": "2002-04-10" },
        "has_other_child": false,
        "parents": [
            { "role": "mother", "birth_date": "1972-02-14", "kaifeng_hukou": true },
            { "role": "father", "birth_date": "1970-10-30", "kaifeng_hukou": true }
        ]
    }));
    let v = results_view(&o, &[]);
    assert_eq!(v.child, present::Child::Disabled);
    for page in fuzhu::results::print::by_agency(&o, &[]) {
        for d in &page.documents {
            assert!(!d.zh.contains("死亡证明"), "{}", d.zh);
            assert!(!d.zh.contains("或残疾人证"), "{}", d.zh);
        }
    }
    let basis = present::basis(BenefitId::SpecialSupport, v.child);
    assert!(!basis.contains("1430"), "{basis}");
    assert!(
        rules::clause(1).unwrap().text.contains(basis),
        "quoted word for word"
    );
    assert!(present::basis(BenefitId::SpecialSupport, present::Child::Died).contains("1430"));
}
