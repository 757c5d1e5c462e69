//! The questionnaire, natively: which questions are asked, how Back and Change behave, every
//! string in both languages, and every engine scenario replayed through the answers the app
//! would collect, giving the same results.

mod common;

use common::{bereaved_couple, day};

use chrono::NaiveDate;
use fuzhu::flow::nav::{Action, Screen, State};
use fuzhu::flow::questions::{self, Kind};
use fuzhu::flow::text::{Key, Lang, Voice};
use fuzhu::flow::{AnswerValue, Answers, Birth, HukouHolders, Living, Question};
use fuzhu::rules::{self, ChildStatus, Residence};

const TODAY: (i32, u32, u32) = (2026, 11, 29);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_string_is_written_in_chinese_and_in_english() {
    for k in Key::ALL {
        let (zh, en) = k.pair();
        // The language switch is written in the language it switches to.
        if matches!(k, Key::LangSwitch | Key::LangSwitchLabel) {
            assert!(has_cjk(en) && !has_cjk(zh), "{k:?}");
            continue;
        }
        assert!(has_cjk(zh), "{k:?} has no Chinese: {zh:?}");
        assert!(
            en.chars().any(|c| c.is_ascii_alphabetic()),
            "{k:?} has no English: {en:?}"
        );
    }
}

#[test]
fn the_volunteer_voice_never_says_you_to_the_person_holding_the_phone() {
    for k in Key::ALL {
        let zh = k.text(Lang::Zh, Voice::Volunteer);
        assert!(!zh.contains('您'), "{k:?}: {zh}");
        let en = k.text(Lang::En, Voice::Volunteer);
        assert!(!en.contains("{you") && !en.contains("{You"), "{k:?}: {en}");
        let family = k.text(Lang::En, Voice::Family);
        assert!(
            !family.contains("{you") && !family.contains("{Your"),
            "{k:?}: {family}"
        );
    }
    assert_eq!(
        Key::WelcomeTitle.text(Lang::Zh, Voice::Volunteer),
        "看看他/她家可以享受哪些帮扶"
    );
    assert_eq!(
        Key::WelcomeTitle.text(Lang::En, Voice::Volunteer),
        "See what support their family can receive"
    );
}

#[test]
fn a_child_who_died_is_never_asked_about_school() {
    let qs = bereaved_couple().questions(today());
    assert!(!qs.contains(&Question::Schooling));
    assert!(!qs.contains(&Question::Grade));
    assert!(qs.contains(&Question::HospitalDays));
}

#[test]
fn hospital_days_are_asked_only_when_the_child_died() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(2));
    let qs = a.questions(today());
    assert!(!qs.contains(&Question::HospitalDays));
    assert!(qs.contains(&Question::Schooling));
}

#[test]
fn a_couple_of_forty_is_not_asked_where_they_live_in_old_age() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1986, 1, 1))));
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1986, 1, 1))));
    assert!(!a.questions(today()).contains(&Question::CareSetting));
}

#[test]
fn a_father_who_turns_60_today_is_asked_where_he_lives() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1966, 11, 29))));
    assert!(a.questions(today()).contains(&Question::CareSetting));
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1966, 11, 30))));
    assert!(!a.questions(today()).contains(&Question::CareSetting));
}

#[test]
fn a_grade_4_disability_ends_the_questions() {
    let mut a = Answers::default();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(4));
    assert_eq!(a.questions(today()), vec![Question::Child, Question::Grade]);
    assert!(a.first_unanswered(today()).is_none());
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    assert!(!outcome.special_family);
    assert!(outcome.benefits.iter().all(|b| !b.applies()));
}

#[test]
fn a_grade_3_disability_goes_on_to_ask_about_another_child() {
    let mut a = Answers::default();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(3));
    assert_eq!(a.first_unanswered(today()), Some(Question::OtherChild));
}

#[test]
fn neither_parent_registered_in_kaifeng_ends_the_questions_at_registration() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Hukou(HukouHolders::Neither));
    assert_eq!(a.questions(today()).last(), Some(&Question::Hukou));
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    assert!(!outcome.covered);
    assert!(outcome.special_family);
}

#[test]
fn a_widowed_mother_keeps_her_late_husbands_registration_for_the_relief() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Living(Living::MotherOnly));
    assert!(!a.questions(today()).contains(&Question::FatherBirth));
    let facts = a.to_facts(today()).unwrap();
    let outcome = rules::evaluate(&facts, today()).unwrap();
    let relief = outcome.get(rules::BenefitId::DeathRelief);
    assert_eq!(relief.one_off_total.unwrap().to_string(), "10000");
    let support = outcome.get(rules::BenefitId::SpecialSupport);
    assert_eq!(support.monthly_total.unwrap().to_string(), "1430");
}

#[test]
fn the_bereaved_couple_in_their_fifties_gets_2860_a_month_and_10000_once() {
    let a = bereaved_couple();
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    assert_eq!(outcome.totals.monthly.to_string(), "2860");
    assert_eq!(outcome.totals.one_off.to_string(), "10000");
}

#[test]
fn answers_are_not_facts_until_every_question_that_matters_is_answered() {
    let mut a = bereaved_couple();
    a.circumstances = None;
    assert!(a.to_facts(today()).is_none());
    assert_eq!(a.first_unanswered(today()), Some(Question::Circumstances));
}

#[test]
fn every_option_of_every_single_choice_question_reads_back_as_chosen() {
    for q in Question::ALL {
        match questions::kind(q) {
            Kind::Single => {
                let options = questions::single_options(q);
                assert!(!options.is_empty(), "{q:?}");
                for i in 0..options.len() {
                    let mut a = Answers::default();
                    a.apply(questions::single_value(q, i).unwrap());
                    assert_eq!(
                        questions::single_selected(q, &a),
                        Some(i),
                        "{q:?} option {i}"
                    );
                }
                assert!(questions::single_value(q, options.len()).is_none());
            }
            Kind::PerParent => {
                for i in 0..questions::parent_options(q).len() {
                    let mut a = Answers::default();
                    a.apply(questions::parent_value(q, [Some(i), Some(i)]).unwrap());
                    assert_eq!(questions::parent_selected(q, &a), [Some(i), Some(i)]);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn every_tick_box_reads_back_as_ticked() {
    let a = bereaved_couple();
    for q in [
        Question::Health,
        Question::Circumstances,
        Question::DisabilityTypes,
    ] {
        for c in questions::checks(q, &a) {
            let mut b = a.clone();
            b.apply(questions::checks_value(q, &[c]).unwrap());
            assert!(questions::is_checked(c, &b), "{q:?} {c:?}");
        }
    }
}

#[test]
fn back_from_the_second_question_returns_to_the_first_with_its_answer_kept() {
    let s = State::new(today()).reduce(Action::Start);
    assert_eq!(s.screen, Screen::Ask(Question::Child));
    let s = s.reduce(Action::Answer(AnswerValue::Child(ChildStatus::Deceased)));
    assert_eq!(s.screen, Screen::Ask(Question::OtherChild));
    let s = s.reduce(Action::Back);
    assert_eq!(s.screen, Screen::Ask(Question::Child));
    assert_eq!(s.answers.child, Some(ChildStatus::Deceased));
    let s = s.reduce(Action::Back);
    assert_eq!(s.screen, Screen::Welcome);
}

#[test]
fn changing_one_answer_from_the_summary_keeps_the_others_and_returns_to_the_summary() {
    let mut s = State::new(today());
    s.answers = bereaved_couple();
    s.screen = Screen::Summary;
    let s = s.reduce(Action::Edit(Question::Residence));
    assert_eq!(s.screen, Screen::Ask(Question::Residence));
    let s = s.reduce(Action::Answer(AnswerValue::Residence(Residence::Rural)));
    assert_eq!(s.screen, Screen::Summary);
    let mut expected = bereaved_couple();
    expected.residence = Some(Residence::Rural);
    assert_eq!(s.answers, expected);
}

#[test]
fn changing_the_child_from_died_to_disabled_asks_the_new_questions_then_returns() {
    let mut s = State::new(today());
    s.answers = bereaved_couple();
    s.screen = Screen::Summary;
    let s = s
        .reduce(Action::Edit(Question::Child))
        .reduce(Action::Answer(AnswerValue::Child(ChildStatus::Disabled)));
    assert_eq!(s.screen, Screen::Ask(Question::Grade));
    let s = s.reduce(Action::Answer(AnswerValue::Grade(2)));
    assert_eq!(s.screen, Screen::Ask(Question::Schooling));
    assert_eq!(s.answers.mother_birth, Some(Birth::Day(day(1972, 3, 15))));
}

#[test]
fn results_wait_until_every_question_is_answered() {
    let mut s = State::new(today());
    s.answers = bereaved_couple();
    s.answers.health = None;
    s.screen = Screen::Summary;
    let s = s.reduce(Action::ShowResults);
    assert_eq!(s.screen, Screen::Ask(Question::Health));
}

#[test]
fn the_progress_indicator_counts_a_typical_path_before_the_first_answer() {
    let s = State::new(today()).reduce(Action::Start);
    let (n, total) = s.progress().unwrap();
    assert_eq!(n, 1);
    assert!(total >= 10, "total {total}");
}

#[test]
fn starting_again_forgets_every_answer_but_keeps_the_language() {
    let mut s = State::new(today());
    s.answers = bereaved_couple();
    let s = s.reduce(Action::SetLang(Lang::En)).reduce(Action::Restart);
    assert_eq!(s.answers, Answers::default());
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.screen, Screen::Welcome);
}

#[test]
fn every_answer_reads_back_on_the_summary_in_both_languages() {
    let a = bereaved_couple();
    for q in a.questions(today()) {
        for lang in [Lang::Zh, Lang::En] {
            let text = questions::describe(q, &a, lang, Voice::Family);
            assert!(!text.is_empty(), "{q:?} in {lang:?}");
        }
    }
}

/// Every engine scenario the questionnaire can express gives the same decisions when its
/// household is turned into answers and back into facts.
#[test]
fn every_engine_scenario_gives_the_same_results_through_the_questionnaire() {
    let mut replayed = 0;
    let mut skipped = Vec::new();
    let mut failures = Vec::new();
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Some(answers) = Answers::from_facts(&facts, as_of) else {
            skipped.push(name);
            continue;
        };
        let direct = rules::evaluate(&facts, as_of).unwrap();
        let through = rules::evaluate(&answers.to_facts(as_of).unwrap(), as_of).unwrap();
        for (d, t) in direct.benefits.iter().zip(&through.benefits) {
            let same = d.status == t.status
                && d.eligible_from == t.eligible_from
                && d.monthly_total == t.monthly_total
                && d.one_off_total == t.one_off_total
                && d.annual_total == t.annual_total;
            if !same {
                failures.push(format!("{name}: {:?}: {d:?} vs {t:?}", d.id));
            }
        }
        replayed += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        replayed >= 20,
        "only {replayed} scenarios replayed; skipped {skipped:?}"
    );
    println!("replayed {replayed} scenarios; not expressible in the app: {skipped:?}");
}
