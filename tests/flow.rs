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
fn the_volunteer_voice_keeps_you_for_the_elder_in_questions_and_never_says_he_or_she() {
    for k in Key::ALL {
        let zh = k.text(Lang::Zh, Voice::Volunteer);
        assert!(!zh.contains("他/她") && !zh.contains('她'), "{k:?}: {zh}");
        // Only the questions, read to the elder, say 您.
        assert!(k.asks() || !zh.contains('您'), "{k:?}: {zh}");
        let en = k.text(Lang::En, Voice::Volunteer);
        assert!(!en.contains("{you") && !en.contains("{You"), "{k:?}: {en}");
        assert!(
            !en.contains("he/she") && !en.contains("him/her"),
            "{k:?}: {en}"
        );
        let family = k.text(Lang::En, Voice::Family);
        assert!(
            !family.contains("{you") && !family.contains("{Your"),
            "{k:?}: {family}"
        );
    }
    assert_eq!(
        Key::WelcomeTitle.text(Lang::Zh, Voice::Volunteer),
        "看看老人家可以享受哪些帮扶"
    );
    assert_eq!(
        Key::SummaryTitle.text(Lang::Zh, Voice::Volunteer),
        "核对老人的回答"
    );
    assert_eq!(
        Key::QChild.text(Lang::Zh, Voice::Volunteer),
        "您的独生子女现在的情况是？"
    );
    assert_eq!(
        Key::WelcomeTitle.text(Lang::En, Voice::Volunteer),
        "What support can their family get?"
    );
    assert_eq!(Key::HandoverTitle.pair().0, "交给老人或家属");
}

/// Everything a volunteer sees or hears on a walk, for every scenario household: every
/// question read aloud, every summary line, every result read aloud: never 他/她.
#[test]
fn nothing_a_volunteer_sees_or_hears_says_he_or_she() {
    use fuzhu::read_aloud;
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Some(a) = Answers::from_facts(&facts, as_of) else {
            continue;
        };
        for lang in [Lang::Zh, Lang::En] {
            for q in a.questions(as_of) {
                let said = read_aloud::question(q, &a, lang, Voice::Volunteer, as_of);
                let shown = questions::describe(q, &a, lang, Voice::Volunteer, as_of);
                for t in [said, shown] {
                    assert!(!t.contains("他/她") && !t.contains("he/she"), "{name}: {t}");
                }
            }
            if let Ok(o) = rules::evaluate(&a.to_facts(as_of).unwrap(), as_of) {
                for r in &o.benefits {
                    let said = read_aloud::item(r, &o, lang);
                    assert!(!said.contains("他/她"), "{name}: {said}");
                }
            }
        }
    }
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
    assert!(qs.contains(&Question::ChildBirth));
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
fn a_widow_is_asked_where_her_late_husband_was_registered_in_her_own_words() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Living(Living::MotherOnly));
    assert_eq!(questions::title_for(Question::Hukou, &a), Key::QHukouWidow);
    assert_eq!(Key::QHukouWidow.pair().0, "您丈夫去世时，户口在开封吗？");
    let options = questions::single_options_for(Question::Hukou, &a);
    assert!(
        options.iter().all(|(zh, _)| !zh.contains("夫妻")),
        "{options:?}"
    );
    // Her husband's 户口 was in Kaifeng when he died, and hers is: both count (10000, not 5000).
    let yes = options
        .iter()
        .position(|o| o.0 == "在，我的户口也在开封")
        .unwrap();
    a.apply(questions::single_value(Question::Hukou, yes).unwrap());
    assert_eq!(a.hukou, Some(HukouHolders::Both));
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    let relief = outcome.get(rules::BenefitId::DeathRelief);
    assert_eq!(relief.one_off_total.unwrap().to_string(), "10000");
    // "No, only mine": only she (the mother) holds it.
    let only_mine = options
        .iter()
        .position(|o| o.0.starts_with("不在"))
        .unwrap();
    assert_eq!(
        questions::single_value(Question::Hukou, only_mine),
        Some(AnswerValue::Hukou(HukouHolders::MotherOnly))
    );
    let his_only = options
        .iter()
        .position(|o| o.0 == "在，我的户口不在开封")
        .unwrap();
    assert_eq!(
        questions::single_value(Question::Hukou, his_only),
        Some(AnswerValue::Hukou(HukouHolders::FatherOnly))
    );
}

#[test]
fn a_widower_is_asked_about_his_late_wife_and_only_mine_means_the_father() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Living(Living::FatherOnly));
    assert_eq!(
        questions::title_for(Question::Hukou, &a),
        Key::QHukouWidower
    );
    assert!(Key::QHukouWidower.pair().0.starts_with("您妻子去世时"));
    let options = questions::single_options_for(Question::Hukou, &a);
    let only_mine = options
        .iter()
        .position(|o| o.0.starts_with("不在"))
        .unwrap();
    assert_eq!(
        questions::single_value(Question::Hukou, only_mine),
        Some(AnswerValue::Hukou(HukouHolders::FatherOnly))
    );
    a.apply(AnswerValue::Hukou(HukouHolders::MotherOnly));
    assert_eq!(
        questions::describe(Question::Hukou, &a, Lang::En, Voice::Family, today()),
        "Yes, but mine is not in Kaifeng"
    );
    // Both living: the couple's words stay.
    let couple = bereaved_couple();
    assert_eq!(questions::title_for(Question::Hukou, &couple), Key::QHukou);
}

#[test]
fn the_bereaved_couple_in_their_fifties_gets_2860_a_month_and_10000_once_to_confirm() {
    let a = bereaved_couple();
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    assert_eq!(outcome.totals.monthly.to_string(), "2860");
    // The one-off relief is `check` (its conditions are 汴政办〔2014〕50号's).
    assert_eq!(outcome.totals.one_off.to_string(), "0");
    assert_eq!(outcome.totals_to_confirm.one_off.to_string(), "10000");
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
                // The couple both living and registered in Kaifeng: every option is offered
                // (the area question's 两人不在同一个县（区） too).
                let couple = bereaved_couple();
                let options = questions::single_options_for(q, &couple);
                assert!(!options.is_empty(), "{q:?}");
                for i in 0..options.len() {
                    let mut a = couple.clone();
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
        for c in questions::checks(q, &a, today()) {
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
    // The child's birth date first: it decides which of the child's questions follow.
    assert_eq!(s.screen, Screen::Ask(Question::ChildBirth));
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
fn the_progress_indicator_counts_the_most_questions_left_before_the_first_answer() {
    let s = State::new(today()).reduce(Action::Start);
    let (done, left) = s.progress().unwrap();
    assert_eq!(done, 0);
    assert!(left >= 15, "left {left}");
    assert_eq!(
        Key::Progress.fill(Lang::Zh, Voice::Family, &[("n", "15")]),
        "还剩15题"
    );
}

/// The answer `target` gives to `q`, as its screen would send it.
fn value_of(q: Question, a: &Answers) -> Option<AnswerValue> {
    Some(match q {
        Question::Child => AnswerValue::Child(a.child?),
        Question::Grade => AnswerValue::Grade(a.grade?),
        Question::OtherChild => match a.other_child_of {
            Some(slot) => AnswerValue::OtherChildOf(slot),
            None => AnswerValue::OtherChild(a.other_child?),
        },
        Question::Parents => AnswerValue::Living(a.living?),
        Question::MotherBirth => AnswerValue::MotherBirth(a.mother_birth?),
        Question::FatherBirth => AnswerValue::FatherBirth(a.father_birth?),
        Question::Hukou => AnswerValue::Hukou(a.hukou?),
        Question::Area if a.areas_differ => AnswerValue::AreasDiffer,
        Question::Area => AnswerValue::Area(a.area?),
        Question::ParentAreas => AnswerValue::ParentAreas(a.parent_areas),
        Question::Residence => AnswerValue::Residence(a.residence?),
        Question::Pension => AnswerValue::Pension(a.pension),
        Question::Medical => AnswerValue::Medical(a.medical),
        Question::HospitalDays => AnswerValue::HospitalDays(a.hospital_days),
        Question::CareSetting => AnswerValue::Care(a.care),
        Question::Health => AnswerValue::Health(a.health?),
        Question::Circumstances => AnswerValue::Circumstances(a.circumstances.clone()?),
        Question::Schooling => AnswerValue::Schooling(a.schooling?),
        Question::ChildBirth => AnswerValue::ChildBirth(a.child_birth?),
        Question::DisabilityTypes => AnswerValue::DisabilityTypes(a.disability_types.clone()?),
        Question::ChildCapacity => AnswerValue::ChildCapacity(a.child_capacity?),
    })
}

/// Walks from the welcome screen to the summary answering as `target` does, checking the
/// questions left never grow and the bar never goes back; returns the counts shown.
fn walk_counting(target: &Answers, today: NaiveDate, name: &str) -> Vec<usize> {
    let mut s = State::new(today).reduce(Action::Start);
    let mut shown = Vec::new();
    let mut bar = 0.0_f64;
    while let Screen::Ask(q) = s.screen {
        let (done, left) = s.progress().unwrap();
        assert!(left >= 1, "{name}: 0 left on {q:?}");
        if let Some(last) = shown.last() {
            assert!(
                left < *last,
                "{name}: {last} then {left} left on {q:?} ({shown:?})"
            );
        }
        let fill = done as f64 / (done + left) as f64;
        assert!(fill >= bar, "{name}: the bar went back on {q:?}");
        bar = fill;
        shown.push(left);
        let value = value_of(q, target).unwrap_or_else(|| panic!("{name}: no answer to {q:?}"));
        s = s.reduce(Action::Answer(value));
        assert!(shown.len() < 30, "{name}: no end");
    }
    assert_eq!(s.screen, Screen::Summary, "{name}");
    shown
}

#[test]
fn the_questions_left_never_grow_on_any_scenario_household() {
    let mut walked = 0;
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Some(target) = Answers::from_facts(&facts, as_of) else {
            continue;
        };
        walk_counting(&target, as_of, &name);
        walked += 1;
    }
    assert!(walked >= 50, "only {walked} households walked");
}

#[test]
fn the_questions_left_never_grow_on_any_path_of_the_choices_that_decide_it() {
    use fuzhu::rules::{CareSetting, DisabilityType, Schooling};
    let t = today();
    let mut walked = 0;
    for child in ChildStatus::ALL {
        for grade in [1, 4] {
            for other in [false, true] {
                for living in Living::ALL {
                    for hukou in HukouHolders::ALL {
                        for parents in [1990, 1975, 1960, 1940] {
                            for born in [2024, 2016, 2010, 2000, 1980] {
                                let mut a = bereaved_couple();
                                a.child = Some(child);
                                a.grade = Some(grade);
                                a.other_child = Some(other);
                                a.living = Some(living);
                                a.hukou = Some(hukou);
                                a.mother_birth = Some(Birth::Day(day(parents, 5, 1)));
                                a.father_birth = Some(Birth::Day(day(parents - 2, 5, 1)));
                                a.child_birth = Some(Birth::Day(day(born, 5, 1)));
                                a.care = [Some(CareSetting::Home); 2];
                                a.schooling = Some(Schooling::None);
                                a.disability_types = Some(vec![DisabilityType::Autism]);
                                a.child_capacity = Some(true);
                                let name = format!("{child:?} {grade} {other} {living:?} {hukou:?} {parents} {born}");
                                walk_counting(&a, t, &name);
                                walked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(walked, 3 * 2 * 2 * 4 * 4 * 4 * 5);
}

#[test]
fn a_disabled_childs_birth_date_and_disability_type_come_before_the_parents() {
    let mut a = bereaved_couple();
    a.child = Some(ChildStatus::Disabled);
    a.grade = Some(1);
    a.child_birth = Some(Birth::Day(day(2023, 2, 1)));
    let qs = a.questions(today());
    assert_eq!(
        &qs[..6],
        &[
            Question::Child,
            Question::Grade,
            Question::OtherChild,
            Question::ChildBirth,
            Question::DisabilityTypes,
            Question::Parents
        ]
    );
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
            let text = questions::describe(q, &a, lang, Voice::Family, today());
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
        // A household the engine now refuses (the scenarios are being brought up to date
        // with its new checks) is the engine's tests' business, not the questionnaire's.
        let Ok(direct) = rules::evaluate(&facts, as_of) else {
            skipped.push(name);
            continue;
        };
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

// Late parents: "父母都已去世", asked of the relative or the person they entrusted.

/// A child who died and both parents late, the father registered in 尉氏县.
fn late_parents() -> Answers {
    common::answers([
        AnswerValue::Child(ChildStatus::Deceased),
        AnswerValue::OtherChild(false),
        AnswerValue::Living(Living::Neither),
        AnswerValue::Hukou(HukouHolders::FatherOnly),
        AnswerValue::Area(Area::Weishi),
    ])
}

/// A disabled child (grade 1) born on `born`, both parents late and registered in Kaifeng.
fn late_parents_disabled_child(born: NaiveDate) -> Answers {
    common::answers([
        AnswerValue::Child(ChildStatus::Disabled),
        AnswerValue::Grade(1),
        AnswerValue::OtherChild(false),
        AnswerValue::Living(Living::Neither),
        AnswerValue::Hukou(HukouHolders::Both),
        AnswerValue::Area(Area::Longting),
        AnswerValue::ChildBirth(Birth::Day(born)),
    ])
}

fn years_before(d: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() - years, d.month(), d.day()).unwrap()
}

use chrono::Datelike;
use fuzhu::flow::questions::Problem;
use fuzhu::read_aloud;
use fuzhu::results::present;
use fuzhu::rules::facts::{check_child_after_parent, check_hospital_days, check_parent_birth};
use fuzhu::rules::{Area, BenefitId, Status};

#[test]
fn the_living_parents_question_offers_both_parents_late_worded_for_whoever_asks_for_them() {
    let options = questions::single_options(Question::Parents);
    let (zh, en) = options.last().copied().unwrap();
    assert!(zh.starts_with("父母都已去世"), "{zh}");
    assert!(zh.contains("亲属") && zh.contains("委托"), "{zh}");
    assert!(en.starts_with("Both parents have died"), "{en}");
    assert_eq!(
        questions::single_value(Question::Parents, options.len() - 1),
        Some(AnswerValue::Living(Living::Neither))
    );
}

#[test]
fn with_both_parents_late_only_their_registration_and_area_are_asked() {
    let a = late_parents();
    assert_eq!(
        a.questions(today()),
        vec![
            Question::Child,
            Question::OtherChild,
            Question::Parents,
            Question::Hukou,
            Question::Area,
        ]
    );
    assert_eq!(a.first_unanswered(today()), None);
}

#[test]
fn the_registration_question_speaks_of_late_parents_as_they_were() {
    let a = late_parents();
    assert_eq!(questions::title_for(Question::Hukou, &a), Key::QHukouLate);
    assert!(Key::QHukouLate.pair().0.contains("生前"));
    let options = questions::single_options_for(Question::Hukou, &a);
    assert_eq!(options.len(), 4);
    assert!(options.iter().all(|(zh, _)| zh.contains("开封户口")));
    // The summary reads the answer back in the same words.
    let text = questions::describe(Question::Hukou, &a, Lang::Zh, Voice::Family, today());
    assert_eq!(text, Key::HukouLateFather.pair().0);
    // A living couple keeps the usual wording.
    let couple = bereaved_couple();
    assert_eq!(questions::title_for(Question::Hukou, &couple), Key::QHukou);
}

#[test]
fn with_both_parents_late_the_grave_plot_applies_and_nothing_for_a_living_parent_does() {
    let facts = late_parents().to_facts(today()).unwrap();
    assert_eq!(facts.parents.len(), 2);
    assert!(facts.parents.iter().all(|p| !p.alive));
    let outcome = rules::evaluate(&facts, today()).unwrap();
    assert!(outcome.covered && outcome.special_family);
    assert_eq!(
        outcome.get(BenefitId::FreeGravePlot).status,
        Status::Eligible
    );
    for id in [
        BenefitId::SpecialSupport,
        BenefitId::DeathRelief,
        BenefitId::CareHomePriority,
        BenefitId::NursingInsurance,
    ] {
        assert_eq!(outcome.get(id).status, Status::NotEligible, "{id:?}");
    }
}

#[test]
fn answers_given_before_both_parents_were_said_to_be_late_change_nothing() {
    // A couple's answers (births, schemes, days, circumstances), then "both late".
    let mut stale = bereaved_couple();
    stale.apply(AnswerValue::HospitalDays([Some(20), Some(3)]));
    stale.apply(AnswerValue::Living(Living::Neither));
    stale.apply(AnswerValue::Hukou(HukouHolders::FatherOnly));
    stale.apply(AnswerValue::Area(Area::Weishi));
    let from_stale = rules::evaluate(&stale.to_facts(today()).unwrap(), today()).unwrap();
    let fresh = rules::evaluate(&late_parents().to_facts(today()).unwrap(), today()).unwrap();
    assert_eq!(from_stale, fresh);
}

#[test]
fn the_stand_in_births_of_late_parents_pass_the_engine_for_a_child_of_any_age() {
    // A parent is at most 120 and was at least 14 at the birth (RULINGS, Round 3): a child
    // can be at most 106.
    for age in 0..=106 {
        let born = years_before(today(), age);
        let mut a = late_parents_disabled_child(born);
        a.apply(AnswerValue::ChildCapacity(true));
        a.apply(AnswerValue::Schooling(rules::Schooling::None));
        a.apply(AnswerValue::DisabilityTypes(vec![]));
        let facts = a.to_facts(today()).unwrap();
        assert!(
            rules::evaluate(&facts, today()).is_ok(),
            "child of {age}: {:?}",
            rules::evaluate(&facts, today()).err()
        );
    }
}

#[test]
fn a_household_of_late_parents_comes_back_from_its_facts() {
    let facts = late_parents().to_facts(today()).unwrap();
    let a = Answers::from_facts(&facts, today()).unwrap();
    assert_eq!(a.living, Some(Living::Neither));
    assert_eq!(a.mother_birth, None);
    let again = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    assert_eq!(again, rules::evaluate(&facts, today()).unwrap());
}

// The adult child's civil capacity.

#[test]
fn the_civil_capacity_question_is_asked_of_a_disabled_child_from_the_18th_birthday() {
    let eighteen_today = years_before(today(), 18);
    let a = late_parents_disabled_child(eighteen_today);
    assert!(a.questions(today()).contains(&Question::ChildCapacity));
    let seventeen = eighteen_today.succ_opt().unwrap();
    let a = late_parents_disabled_child(seventeen);
    assert!(!a.questions(today()).contains(&Question::ChildCapacity));
    // Never for a child who died, nor before the birth date is known.
    assert!(!bereaved_couple()
        .questions(today())
        .contains(&Question::ChildCapacity));
    let mut unknown = late_parents_disabled_child(seventeen);
    unknown.child_birth = None;
    assert!(!unknown
        .questions(today())
        .contains(&Question::ChildCapacity));
}

#[test]
fn the_civil_capacity_question_comes_right_after_the_child_birth_date() {
    let a = late_parents_disabled_child(day(1998, 4, 2));
    let qs = a.questions(today());
    let at = qs.iter().position(|q| *q == Question::ChildBirth).unwrap();
    assert_eq!(qs.get(at + 1), Some(&Question::ChildCapacity));
    assert_eq!(a.first_unanswered(today()), Some(Question::ChildCapacity));
}

#[test]
fn an_adult_child_who_cannot_handle_their_affairs_makes_adult_guardianship_eligible() {
    let mut a = late_parents_disabled_child(day(1998, 4, 2));
    let options = questions::single_options(Question::ChildCapacity);
    assert_eq!(options.len(), 2);
    assert!(options[1].0.starts_with("不能"), "{:?}", options[1]);
    a.apply(questions::single_value(Question::ChildCapacity, 1).unwrap());
    a.apply(AnswerValue::Schooling(rules::Schooling::None));
    assert_eq!(a.child_capacity, Some(false));
    let facts = a.to_facts(today()).unwrap();
    assert_eq!(facts.child.civil_capacity, Some(false));
    let outcome = rules::evaluate(&facts, today()).unwrap();
    assert_eq!(
        outcome.get(BenefitId::Guardianship).status,
        Status::Eligible
    );
    assert_eq!(
        outcome.get(BenefitId::FreeGravePlot).status,
        Status::Eligible
    );

    a.apply(questions::single_value(Question::ChildCapacity, 0).unwrap());
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    assert_eq!(
        outcome.get(BenefitId::Guardianship).status,
        Status::NotEligible
    );
}

#[test]
fn a_capacity_answer_left_from_an_older_birth_date_is_not_a_fact() {
    let mut a = late_parents_disabled_child(day(1998, 4, 2));
    a.apply(AnswerValue::ChildCapacity(false));
    a.apply(AnswerValue::Schooling(rules::Schooling::None));
    a.apply(AnswerValue::ChildBirth(Birth::Day(day(2015, 4, 2))));
    let facts = a.to_facts(today()).unwrap();
    assert_eq!(facts.child.civil_capacity, None);
}

// Schooling only at ages that can be at senior school or college (14 to 30).

#[test]
fn the_schooling_question_is_asked_from_14_to_30_only() {
    for (age, asked) in [
        (5, false),
        (13, false),
        (14, true),
        (22, true),
        (30, true),
        (31, false),
        (48, false),
    ] {
        let a = late_parents_disabled_child(years_before(today(), age));
        assert_eq!(
            a.questions(today()).contains(&Question::Schooling),
            asked,
            "a child of {age}"
        );
    }
}

// The circumstances: no 再生育 or 试管婴儿 options once the mother is 49 or has died.

fn offers(a: &Answers, k: Key) -> bool {
    questions::checks(Question::Circumstances, a, today())
        .iter()
        .any(|c| c.label == k)
}

#[test]
fn a_mother_of_48_is_offered_another_child_and_ivf() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::MotherBirth(Birth::Day(
        years_before(today(), 49).succ_opt().unwrap(),
    )));
    assert!(offers(&a, Key::WantsAnotherChild));
    assert!(offers(&a, Key::NeedsIvf));
    assert!(offers(&a, Key::WantsToAdopt));
}

#[test]
fn a_mother_of_49_or_a_late_mother_is_not_offered_another_child_or_ivf_but_adoption_stays() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::MotherBirth(Birth::Day(years_before(
        today(),
        49,
    ))));
    assert!(!offers(&a, Key::WantsAnotherChild));
    assert!(!offers(&a, Key::NeedsIvf));
    assert!(offers(&a, Key::WantsToAdopt));
    let mut widower = bereaved_couple();
    widower.apply(AnswerValue::Living(Living::FatherOnly));
    assert!(!offers(&widower, Key::WantsAnotherChild));
    assert!(!offers(&widower, Key::NeedsIvf));
    assert!(offers(&widower, Key::WantsToAdopt));
}

#[test]
fn a_wish_for_another_child_ticked_before_the_mother_turned_49_is_not_a_fact() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1990, 1, 1))));
    a.apply(AnswerValue::Circumstances(rules::Circumstances {
        wants_another_child: true,
        needs_ivf: true,
        ..Default::default()
    }));
    assert!(
        a.to_facts(today())
            .unwrap()
            .circumstances
            .wants_another_child
    );
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1975, 1, 1))));
    let facts = a.to_facts(today()).unwrap();
    assert!(!facts.circumstances.wants_another_child);
    assert!(!facts.circumstances.needs_ivf);
}

// The impossible, refused on the question in the engine's words.

fn engine_words((_, zh): (String, String)) -> String {
    format!("{zh}。")
}

#[test]
fn a_parent_born_less_than_16_years_ago_is_refused_on_the_question_in_the_engines_words() {
    let young = years_before(today(), 15);
    let parts = questions::DateParts {
        year: Some(young.year()),
        month: Some(young.month()),
        day: Some(questions::DayPick::Day(young.day())),
    };
    let err = questions::date_value(Question::MotherBirth, parts, &Answers::default(), today())
        .unwrap_err();
    let want = engine_words(check_parent_birth(young, today()).unwrap_err());
    assert_eq!(err.text(Lang::Zh, Voice::Family), want);
    assert!(err
        .text(Lang::En, Voice::Family)
        .contains("younger than 16"));
}

#[test]
fn a_parent_over_120_is_refused_on_the_question_in_the_engines_words() {
    let old = years_before(today(), 121);
    let parts = questions::DateParts {
        year: Some(old.year()),
        month: Some(old.month()),
        day: Some(questions::DayPick::Day(old.day())),
    };
    let err = questions::date_value(Question::FatherBirth, parts, &Answers::default(), today())
        .unwrap_err();
    let want = engine_words(check_parent_birth(old, today()).unwrap_err());
    assert_eq!(err.text(Lang::Zh, Voice::Family), want);
}

#[test]
fn a_child_born_before_a_parent_is_refused_on_whichever_birth_comes_second() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(2));
    // The mother was born in 1972: a child born in 1970 is refused on the child's question.
    let parts = questions::DateParts {
        year: Some(1970),
        month: Some(1),
        day: Some(questions::DayPick::Day(1)),
    };
    let err = questions::date_value(Question::ChildBirth, parts, &a, today()).unwrap_err();
    let want =
        engine_words(check_child_after_parent(day(1970, 1, 1), day(1970, 6, 1)).unwrap_err());
    assert_eq!(err.text(Lang::Zh, Voice::Family), want);
    // With the child born in 1995, changing the mother's birth to 2000 is refused there.
    a.apply(AnswerValue::ChildBirth(Birth::Day(day(1995, 1, 1))));
    let parts = questions::DateParts {
        year: Some(2000),
        month: Some(1),
        day: Some(questions::DayPick::Day(1)),
    };
    let err = questions::date_value(Question::MotherBirth, parts, &a, today()).unwrap_err();
    assert_eq!(err.text(Lang::Zh, Voice::Family), want);
}

#[test]
fn more_hospital_days_than_this_year_has_had_are_refused_in_the_engines_words() {
    let a = bereaved_couple();
    let so_far = today().ordinal();
    assert!(questions::days_value([&so_far.to_string(), "0"], &a, today()).is_ok());
    let over = (so_far + 1).to_string();
    let err = questions::days_value([&over, "0"], &a, today()).unwrap_err();
    let want = engine_words(check_hospital_days(i64::from(so_far + 1), today()).unwrap_err());
    assert_eq!(err.text(Lang::Zh, Voice::Family), want);
    // On 1 March only 60 days (31 + 28 + 1) have passed.
    let march = day(2027, 3, 1);
    assert!(questions::days_value(["60", ""], &a, march).is_ok());
    assert!(questions::days_value(["61", ""], &a, march).is_err());
}

#[test]
fn hospital_days_the_browser_cannot_read_as_a_number_are_refused_never_taken_as_0() {
    let a = bereaved_couple();
    for text in [
        "12-", "--12", "12e", "+-3", "1e400", "1.5", "-3", "+3", "十二", "1 2", "0x10",
    ] {
        assert_eq!(
            questions::days_value([text, "0"], &a, today()),
            Err(Problem::Text(Key::DaysNotANumber)),
            "{text:?}"
        );
        assert_eq!(
            questions::days_value(["0", text], &a, today()),
            Err(Problem::Text(Key::DaysNotANumber)),
            "{text:?} for the father"
        );
    }
    assert_eq!(
        questions::days_value(["99999999999999999999", "0"], &a, today()),
        Err(Problem::Text(Key::DaysRange))
    );
}

#[test]
fn hospital_days_are_read_as_typed_including_full_width_digits_and_an_empty_box_as_0() {
    let a = bereaved_couple();
    for (text, n) in [
        ("12", 12),
        (" 7 ", 7),
        ("012", 12),
        ("１２", 12),
        ("", 0),
        ("0", 0),
    ] {
        assert_eq!(
            questions::days_value([text, "3"], &a, today()),
            Ok(AnswerValue::HospitalDays([Some(n), Some(3)])),
            "{text:?}"
        );
    }
    // Only the living parents' boxes are read.
    let mut widow = bereaved_couple();
    widow.apply(AnswerValue::Living(Living::MotherOnly));
    assert_eq!(
        questions::days_value(["5", "12-"], &widow, today()),
        Ok(AnswerValue::HospitalDays([Some(5), None]))
    );
}

// The headline: what is sure and what is to be confirmed, never 0元 for an unstated amount.

#[test]
fn the_headline_shows_the_sure_monthly_sum_and_the_relief_still_to_be_confirmed() {
    let outcome = rules::evaluate(&bereaved_couple().to_facts(today()).unwrap(), today()).unwrap();
    let rows = present::totals_rows(&outcome, Lang::Zh);
    let shown: Vec<(String, String, bool)> = rows
        .iter()
        .map(|r| (r.label.pair().0.to_owned(), r.value.clone(), r.to_confirm))
        .collect();
    assert_eq!(
        shown,
        vec![
            ("每月现金".to_owned(), "2860元".to_owned(), false),
            (
                "另有待核实的一次性救助".to_owned(),
                "10000元".to_owned(),
                true
            ),
        ]
    );
    let en = present::totals_rows(&outcome, Lang::En);
    assert_eq!(en[1].label.pair().1, "One-off relief still to be confirmed");
    assert_eq!(en[1].value, "10000 yuan");
}

#[test]
fn a_disabled_childs_family_sees_the_national_rate_not_0_yuan() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(1));
    a.apply(AnswerValue::ChildBirth(Birth::Day(day(2000, 1, 1))));
    a.apply(AnswerValue::ChildCapacity(true));
    a.apply(AnswerValue::Schooling(rules::Schooling::None));
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    let rows = present::totals_rows(&outcome, Lang::Zh);
    assert_eq!(rows[0].label, Key::TotalMonthly);
    assert_eq!(
        rows[0].value,
        "按国家和省规定的标准发放，以县（区）卫生健康委核定为准"
    );
}

/// Where `text` shows a sum of exactly 0 (0元, 0 yuan), not 10元 or 2.0元.
fn shows_zero(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        let after: String = chars[i + 1..].iter().collect();
        *c == '0'
            && (after.starts_with('元') || after.starts_with(" yuan"))
            && (i == 0 || !(chars[i - 1].is_ascii_digit() || chars[i - 1] == '.'))
    })
}

#[test]
fn no_amount_shown_for_any_scenario_household_is_0_yuan_unless_the_engine_says_0() {
    assert!(shows_zero("每月现金0元") && shows_zero("0 yuan"));
    assert!(!shows_zero("10元") && !shows_zero("10 yuan") && !shows_zero("2.0元"));
    let mut checked = 0;
    let mut failures = Vec::new();
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Ok(outcome) = rules::evaluate(&facts, as_of) else {
            continue;
        };
        for lang in [Lang::Zh, Lang::En] {
            for row in present::totals_rows(&outcome, lang) {
                if shows_zero(&row.value) {
                    failures.push(format!("{name}: {:?} {}", row.label, row.value));
                }
            }
            for r in outcome.benefits.iter().filter(|b| b.applies()) {
                let Some(line) = present::amount_line(r, outcome.as_of, lang) else {
                    continue;
                };
                let engine_zero = [r.monthly_total, r.one_off_total, r.annual_total]
                    .iter()
                    .any(|a| a.is_some_and(|a| a.is_zero()));
                if shows_zero(&line) && !engine_zero {
                    failures.push(format!("{name}: {:?} {line}", r.id));
                }
            }
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 50, "only {checked} households");
}

// Where to go first and what to bring: the engine's per-family answer.

#[test]
fn each_result_is_read_aloud_with_its_own_first_stop() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Living(Living::MotherOnly));
    let outcome = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    for r in outcome.benefits.iter().filter(|b| b.applies()) {
        let said = read_aloud::item(r, &outcome, Lang::Zh);
        let stop = r.first_stop.name_zh(outcome.area);
        assert!(
            said.contains(&format!("先去：{stop}")),
            "{:?}: {said}",
            r.id
        );
    }
}

#[test]
fn no_status_says_can_receive_above_a_card_that_asks_to_confirm() {
    let mut seen_details = 0;
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Ok(outcome) = rules::evaluate(&facts, as_of) else {
            continue;
        };
        for r in &outcome.benefits {
            for lang in [Lang::Zh, Lang::En] {
                let label = fuzhu::results::present::status_label(r, lang);
                let asks = r.reasons.iter().any(|x| x.zh.contains("核实"));
                if label == Key::StatusEligible.text(lang, Voice::Family) {
                    assert!(!asks, "{name}: {:?} says {label} above 请…核实", r.id);
                }
                if label == Key::StatusEligibleDetails.text(lang, Voice::Family) {
                    seen_details += 1;
                }
            }
        }
    }
    assert!(seen_details > 0);
    // The legend names the statuses as the cards word them.
    let legend = Key::StatusLegend.pair().0;
    for k in [Key::StatusEligible, Key::StatusCheck] {
        assert!(legend.contains(k.pair().0), "{k:?}");
    }
    assert!(legend.contains("将来可以享受"));
}

/// Full-width punctuation left in English text.
const FULL_WIDTH: [char; 8] = ['，', '。', '；', '：', '（', '）', '“', '”'];

fn no_full_width(where_: &str, text: &str) {
    assert!(
        !text.chars().any(|c| FULL_WIDTH.contains(&c)),
        "{where_}: full-width punctuation in English: {text}"
    );
}

#[test]
fn english_text_has_no_full_width_punctuation_anywhere() {
    use fuzhu::read_aloud;
    use fuzhu::results::{present, print};
    for k in Key::ALL {
        for v in [Voice::Family, Voice::Volunteer] {
            no_full_width(&format!("{k:?}"), &k.text(Lang::En, v));
        }
    }
    for b in rules::BENEFITS.iter() {
        no_full_width("catalogue", b.en);
        no_full_width("catalogue group", b.group.en());
        no_full_width("clause title", present::clause_title_in(b.clause, Lang::En));
        assert!(!has_cjk(present::clause_title_in(b.clause, Lang::En)));
        no_full_width("citation", &print::citation(b.clause, Lang::En));
    }
    // Clauses 1 to 17: the ones an item rests on (18 to 21 create no item).
    for n in 1..=17 {
        let en = present::clause_title_in(n, Lang::En);
        assert!(!en.is_empty() && !has_cjk(en), "clause {n}: {en}");
    }
    for a in rules::AGENCIES.iter() {
        no_full_width("agency", a.en);
        for area in rules::Area::ALL {
            no_full_width("agency", &a.id.name_en(Some(area)));
        }
    }
    let mut households = 0;
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Ok(o) = rules::evaluate(&facts, as_of) else {
            continue;
        };
        households += 1;
        no_full_width(&name, &present::checked_line(&o, Lang::En));
        for row in present::totals_rows(&o, Lang::En) {
            no_full_width(&name, &row.value);
        }
        for r in &o.benefits {
            for x in &r.reasons {
                no_full_width(&name, &x.en);
            }
            for d in r.documents.iter() {
                no_full_width(&name, d.en);
            }
            no_full_width(&name, &present::status_label(r, Lang::En));
            no_full_width(
                &name,
                &present::amount_line(r, as_of, Lang::En).unwrap_or_default(),
            );
            no_full_width(&name, &read_aloud::item(r, &o, Lang::En));
        }
        if let Some(a) = Answers::from_facts(&facts, as_of) {
            for q in a.questions(as_of) {
                no_full_width(
                    &name,
                    &questions::describe(q, &a, Lang::En, Voice::Family, as_of),
                );
                no_full_width(
                    &name,
                    &read_aloud::question(q, &a, Lang::En, Voice::Volunteer, as_of),
                );
                for (_, en) in questions::single_options_for(q, &a) {
                    no_full_width(&name, en);
                }
            }
        }
    }
    assert!(households >= 50);
    assert_eq!(
        print::with_chinese("特别扶助金", "Special support", Lang::En),
        "Special support (特别扶助金)"
    );
}

/// Issue 12.8: the insurance choices carry the names families know them by, and 没有参加，或不清楚
/// is the "not sure" that stands for not answered.
#[test]
fn the_insurance_choices_carry_the_names_families_use_and_not_sure_is_not_answered() {
    use fuzhu::rules::Scheme;
    let zh = |q| -> Vec<&str> { questions::parent_options(q).iter().map(|l| l.0).collect() };
    let pension = zh(Question::Pension);
    assert!(
        pension[0].contains("城乡居民养老保险")
            && pension[0].contains("新农保")
            && pension[0].contains("城居保")
    );
    let medical = zh(Question::Medical);
    assert!(medical[0].contains("城乡居民医保") && medical[0].contains("原新农合"));
    for employee in [pension[1], medical[1]] {
        assert!(
            employee.contains("职工")
                && employee.contains("单位交的")
                && employee.contains("领退休工资")
        );
    }
    for q in [Question::Pension, Question::Medical] {
        assert_eq!(zh(q)[2], "没有参加，或不清楚");
        let Some(AnswerValue::Pension(v) | AnswerValue::Medical(v)) =
            questions::parent_value(q, [Some(2), Some(2)])
        else {
            panic!("{q:?}");
        };
        assert_eq!(v, [Some(Scheme::None); 2]);
    }
    // The engine then says "未填写或…", never that the parent is not enrolled.
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Pension([Some(Scheme::None); 2]));
    let o = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    let pension = o
        .benefits
        .iter()
        .find(|b| b.id.as_str() == "pension_subsidy")
        .unwrap();
    assert!(pension
        .reasons
        .iter()
        .all(|r| !r.zh.contains("尚未参加") || r.zh.starts_with("未填写或")));
}

/// Issue 12.8: 住养老机构，不清楚是哪种 is the care-setting screen's last choice, and it is what
/// reaches the rules.
#[test]
fn a_parent_in_a_care_home_of_unknown_kind_can_say_so_and_is_told_to_confirm_the_kind() {
    use fuzhu::rules::{CareSetting, Status};
    let options = questions::parent_options(Question::CareSetting);
    assert_eq!(options.last().unwrap().0, "住养老机构，不清楚是哪种");
    let mut a = bereaved_couple();
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1960, 5, 20))));
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1958, 8, 1))));
    assert_eq!(a.first_unanswered(today()), Some(Question::CareSetting));
    let value =
        questions::parent_value(Question::CareSetting, [Some(options.len() - 1), Some(0)]).unwrap();
    assert_eq!(
        value,
        AnswerValue::Care([
            Some(CareSetting::CareHomeUnknownType),
            Some(CareSetting::Home)
        ])
    );
    a.apply(value);
    assert_eq!(
        questions::parent_selected(Question::CareSetting, &a),
        [Some(4), Some(0)]
    );
    let facts = a.to_facts(today()).unwrap();
    assert_eq!(
        facts.parents[0].care_setting,
        Some(CareSetting::CareHomeUnknownType)
    );
    assert!(!facts.parents[0].at_home());
    let o = rules::evaluate(&facts, today()).unwrap();
    let priority = o
        .benefits
        .iter()
        .find(|b| b.id.as_str() == "care_home_priority")
        .unwrap();
    assert_eq!(priority.status, Status::Check);
    assert!(priority
        .reasons
        .iter()
        .any(|r| r.zh.contains("请向县（区）民政局核实所住机构的类型")));
    let summary = questions::describe(Question::CareSetting, &a, Lang::Zh, Voice::Family, today());
    assert_eq!(summary, "母亲：住养老机构，不清楚是哪种；父亲：在家里");
}

/// Issue 12.8: the parents' year lists open at 1969, where most of these parents were born;
/// the child's at this year.
#[test]
fn the_parents_year_lists_open_at_1969_and_the_childs_at_the_top() {
    assert_eq!(
        questions::year_list_opens_at(Question::MotherBirth),
        Some(1969)
    );
    assert_eq!(
        questions::year_list_opens_at(Question::FatherBirth),
        Some(1969)
    );
    assert_eq!(questions::year_list_opens_at(Question::ChildBirth), None);
}

/// 生活不能自理 is offered only where the child died (the two items that read it): a health
/// answer given while the child was said to be disabled is asked again once the child is
/// said to have died, so the results never rest on a box that was not shown.
#[test]
fn a_health_answer_given_before_the_child_was_said_to_have_died_is_asked_again() {
    let mut s = State::new(today());
    s.answers = bereaved_couple();
    s.answers.apply(AnswerValue::Child(ChildStatus::Disabled));
    s.answers.apply(AnswerValue::Grade(1));
    s.answers
        .apply(AnswerValue::ChildBirth(Birth::Day(day(2000, 1, 1))));
    s.answers.apply(AnswerValue::ChildCapacity(true));
    s.answers
        .apply(AnswerValue::Schooling(fuzhu::rules::Schooling::None));
    assert!(!questions::checks(Question::Health, &s.answers, today())
        .iter()
        .any(|c| c.label == Key::NoSelfCare));
    assert_eq!(s.answers.first_unanswered(today()), None);
    s.screen = Screen::Summary;
    let s = s
        .reduce(Action::Edit(Question::Child))
        .reduce(Action::Answer(AnswerValue::Child(ChildStatus::Deceased)));
    // Hospital days are new; then the health screen, now with 生活不能自理 for each parent.
    let s = s.reduce(Action::Answer(AnswerValue::HospitalDays([
        Some(0),
        Some(0),
    ])));
    assert_eq!(s.screen, Screen::Ask(Question::Health));
    let boxes = questions::checks(Question::Health, &s.answers, today());
    assert_eq!(
        boxes.iter().filter(|c| c.label == Key::NoSelfCare).count(),
        2
    );
    // Answering the same again keeps it.
    let mut a = s.answers.clone();
    a.apply(AnswerValue::Health(Default::default()));
    a.apply(AnswerValue::Child(ChildStatus::Deceased));
    assert!(a.health.is_some());
}

/// Wherever a result changes with whether a living parent can look after themself, the
/// questions offer 生活不能自理 for that parent: checked on every scenario household the
/// questionnaire can express.
#[test]
fn self_care_is_offered_for_each_parent_wherever_a_result_depends_on_it() {
    let mut depends = 0;
    for (name, facts) in common::scenario_households() {
        let as_of = facts.as_of.unwrap_or_else(today);
        let Some(a) = Answers::from_facts(&facts, as_of) else {
            continue;
        };
        let Ok(before) = rules::evaluate(&a.to_facts(as_of).unwrap(), as_of) else {
            continue;
        };
        for slot in a.living_slots() {
            let mut b = a.clone();
            let mut h = b.health.unwrap_or_default();
            h.no_self_care[*slot as usize] ^= true;
            b.health = Some(h);
            let after = rules::evaluate(&b.to_facts(as_of).unwrap(), as_of).unwrap();
            let changes = before.benefits.iter().zip(&after.benefits).any(|(x, y)| {
                x.status != y.status || x.reasons != y.reasons || x.monthly_total != y.monthly_total
            });
            if changes {
                depends += 1;
                assert!(a.questions(as_of).contains(&Question::Health), "{name}");
                assert!(
                    questions::checks(Question::Health, &a, as_of)
                        .iter()
                        .any(|c| c.label == Key::NoSelfCare && c.parent == Some(*slot)),
                    "{name}: {slot:?} cannot say they cannot look after themself"
                );
            }
        }
    }
    assert!(
        depends >= 20,
        "only {depends} parents whose self-care matters"
    );
}

#[test]
fn divorced_is_offered_beside_both_living_and_gives_both_parents_divorced() {
    let options = questions::single_options(Question::Parents);
    assert_eq!(options.len(), 5);
    assert_eq!(options[1].0, "父母都健在，已经离婚了");
    for i in 0..options.len() {
        let v = questions::single_value(Question::Parents, i).unwrap();
        let mut a = bereaved_couple();
        a.apply(v.clone());
        assert_eq!(
            questions::single_selected(Question::Parents, &a),
            Some(i),
            "{v:?}"
        );
    }
    assert_eq!(questions::single_value(Question::Parents, 5), None);
    let mut a = bereaved_couple();
    a.apply(questions::single_value(Question::Parents, 1).unwrap());
    // No screen more than for a married couple.
    assert_eq!(a.questions(today()), bereaved_couple().questions(today()));
    let out = rules::evaluate(&a.to_facts(today()).unwrap(), today()).unwrap();
    let relief = out.get(BenefitId::DeathRelief);
    assert!(relief.reasons.iter().any(|r| r.zh.contains("离异家庭")));
    assert!(relief.documents.iter().any(|d| d.zh == "离婚证"));
    assert!(!relief.documents.iter().any(|d| d.zh == "结婚证"));
}

#[test]
fn a_mother_of_74_at_a_disabled_childs_birth_is_refused_on_the_question_in_the_rules_words() {
    use fuzhu::rules::facts::check_age_at_birth;
    use fuzhu::rules::Role;
    let child = day(2010, 3, 1);
    let mother = day(1936, 5, 1);
    let (_, words) = check_age_at_birth(child, mother, Role::Mother).unwrap_err();
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(2));
    a.apply(AnswerValue::ChildBirth(Birth::Day(child)));
    let parts = questions::DateParts {
        year: Some(1936),
        month: Some(5),
        day: Some(questions::DayPick::Day(1)),
    };
    let got = questions::date_value(Question::MotherBirth, parts, &a, today());
    match got {
        Err(Problem::Engine { zh, .. }) => assert_eq!(zh, words),
        other => panic!("{other:?}"),
    }
    // Her real year, 1986, is accepted.
    let parts = questions::DateParts {
        year: Some(1986),
        ..parts
    };
    assert!(questions::date_value(Question::MotherBirth, parts, &a, today()).is_ok());
}

/// The father's limit (RULINGS, Round 3: 80 or older at the birth is a likely typo), below,
/// at and above it, refused on the father's question in the engine's words.
#[test]
fn a_father_of_80_or_81_at_a_disabled_childs_birth_is_refused_on_the_question_and_one_of_79_accepted(
) {
    use fuzhu::rules::facts::check_age_at_birth;
    use fuzhu::rules::Role;
    let child = day(2010, 3, 1);
    let mut a = bereaved_couple();
    a.apply(AnswerValue::Child(ChildStatus::Disabled));
    a.apply(AnswerValue::Grade(2));
    a.apply(AnswerValue::ChildBirth(Birth::Day(child)));
    let on = |year: i32, d: u32| questions::DateParts {
        year: Some(year),
        month: Some(3),
        day: Some(questions::DayPick::Day(d)),
    };
    // 81 and exactly 80 at the birth: refused, in the words the engine refuses with.
    for (year, d) in [(1929, 1), (1930, 1)] {
        let (_, words) = check_age_at_birth(child, day(year, 3, d), Role::Father).unwrap_err();
        assert!(words.contains("父亲"), "{words}");
        match questions::date_value(Question::FatherBirth, on(year, d), &a, today()) {
            Err(Problem::Engine { zh, .. }) => assert_eq!(zh, words),
            other => panic!("{year}-03-{d:02}: {other:?}"),
        }
    }
    // A day short of 80: accepted.
    assert!(check_age_at_birth(child, day(1930, 3, 2), Role::Father).is_ok());
    assert!(questions::date_value(Question::FatherBirth, on(1930, 2), &a, today()).is_ok());
}

fn offers_adoption_to(a: &Answers) -> bool {
    questions::checks(Question::Circumstances, a, today())
        .iter()
        .any(|c| c.label == Key::WantsToAdopt)
}

/// RULINGS "Adoption is not asked of the old": 考虑收养一个孩子 is asked while a living parent is
/// under 60 (the 60th birthday counts as 60), below, at and above that birthday.
#[test]
fn adoption_is_not_asked_when_every_living_parent_is_60_or_older() {
    // today() is 2026-11-29.
    let mut a = bereaved_couple();
    assert!(offers_adoption_to(&a), "a couple in their fifties");
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1960, 1, 1))));
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1966, 11, 30))));
    assert!(offers_adoption_to(&a), "the father turns 60 tomorrow");
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1966, 11, 29))));
    assert!(!offers_adoption_to(&a), "the father turns 60 today");
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1946, 3, 1))));
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1948, 5, 1))));
    assert!(!offers_adoption_to(&a), "a couple of 78 and 80");
    // An earlier tick is not carried into the facts once the question is not asked.
    a.apply(AnswerValue::Care([
        Some(rules::CareSetting::Home),
        Some(rules::CareSetting::Home),
    ]));
    a.apply(AnswerValue::Circumstances(rules::Circumstances {
        wants_to_adopt: true,
        ..Default::default()
    }));
    assert!(!a.to_facts(today()).unwrap().circumstances.wants_to_adopt);
    // A widow of 66 whose late husband would have been younger: only the living count.
    a.apply(AnswerValue::Living(Living::MotherOnly));
    a.apply(AnswerValue::MotherBirth(Birth::Day(day(1960, 4, 2))));
    a.apply(AnswerValue::FatherBirth(Birth::Day(day(1975, 1, 9))));
    assert!(!offers_adoption_to(&a), "a widow of 66");
}

#[test]
fn one_parent_alone_with_another_child_is_offered_beside_no_and_yes_without_a_screen_more() {
    let options = questions::single_options(Question::OtherChild);
    assert_eq!(options.len(), 4);
    assert_eq!(options[2].0, "只有母亲有（比如再婚后），父亲没有");
    assert_eq!(options[3].0, "只有父亲有（比如再婚后），母亲没有");
    for i in 0..options.len() {
        let v = questions::single_value(Question::OtherChild, i).unwrap();
        let mut a = bereaved_couple();
        a.apply(v.clone());
        assert_eq!(
            questions::single_selected(Question::OtherChild, &a),
            Some(i),
            "{v:?}"
        );
    }
    assert_eq!(questions::single_value(Question::OtherChild, 4), None);
    let mut a = bereaved_couple();
    a.apply(questions::single_value(Question::OtherChild, 3).unwrap());
    assert_eq!(a.questions(today()), bereaved_couple().questions(today()));
    // Choosing 没有 again takes it back.
    a.apply(AnswerValue::OtherChild(false));
    assert_eq!(a.other_child_of, None);
}

#[test]
fn a_father_who_had_another_child_is_not_counted_for_special_support_and_the_family_stays_special()
{
    // RULINGS, Round 3: another child is per parent. The mother of 54 still receives special
    // support; the father, who had a child with a new wife, does not.
    let couple = bereaved_couple();
    let mut a = couple.clone();
    a.apply(AnswerValue::OtherChildOf(fuzhu::flow::ParentSlot::Father));
    let facts = a.to_facts(today()).unwrap();
    assert!(!facts.has_other_child);
    assert!(facts.parents[1].other_child && !facts.parents[0].other_child);
    let out = rules::evaluate(&facts, today()).unwrap();
    assert!(out.special_family);
    let both = rules::evaluate(&couple.to_facts(today()).unwrap(), today()).unwrap();
    let monthly = |o: &rules::Outcome| o.get(BenefitId::SpecialSupport).monthly_total.unwrap();
    assert_eq!(
        monthly(&out) * rust_decimal::Decimal::from(2),
        monthly(&both)
    );
    // The household's own answer (有) still means both: not a special family.
    let mut both_had = couple.clone();
    both_had.apply(AnswerValue::OtherChild(true));
    assert!(both_had.not_special());
}

#[test]
fn one_parents_own_other_child_in_a_scenario_is_answered_through_the_questionnaire() {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::OtherChildOf(fuzhu::flow::ParentSlot::Mother));
    let facts = a.to_facts(today()).unwrap();
    let back = Answers::from_facts(&facts, today()).unwrap();
    assert_eq!(back.other_child_of, Some(fuzhu::flow::ParentSlot::Mother));
    let again = back.to_facts(today()).unwrap();
    assert_eq!(
        rules::evaluate(&again, today()),
        rules::evaluate(&facts, today())
    );
    assert!(again.parents[0].other_child && !again.parents[1].other_child);
}

#[test]
fn two_counties_are_offered_after_the_counties_only_to_a_living_couple_both_registered_in_kaifeng()
{
    let couple = bereaved_couple();
    let options = questions::single_options_for(Question::Area, &couple);
    assert_eq!(options.len(), Area::ALL.len() + 1);
    assert_eq!(
        options[Area::ALL.len()].0,
        "夫妻两人的户籍不在同一个县（区）"
    );
    // The common couple answers one county: no screen more.
    assert!(!couple.questions(today()).contains(&Question::ParentAreas));
    // A widow, or a couple of whom only one is registered in Kaifeng, is not asked.
    let mut widow = couple.clone();
    widow.apply(AnswerValue::Living(Living::MotherOnly));
    assert_eq!(
        questions::single_options_for(Question::Area, &widow).len(),
        Area::ALL.len()
    );
    let mut one = couple.clone();
    one.apply(AnswerValue::Hukou(HukouHolders::MotherOnly));
    assert_eq!(
        questions::single_options_for(Question::Area, &one).len(),
        Area::ALL.len()
    );
}

#[test]
fn a_father_registered_in_another_county_is_sent_to_his_own_countys_office_first() {
    // RULINGS, Round 3: what a person receives, and their first stop for it, follow their own
    // county. The mother in 龙亭区, the father in 杞县.
    let mut a = bereaved_couple();
    a.apply(AnswerValue::AreasDiffer);
    assert_eq!(a.first_unanswered(today()), Some(Question::ParentAreas));
    a.apply(AnswerValue::ParentAreas([
        Some(Area::Longting),
        Some(Area::Qixian),
    ]));
    assert_eq!(a.first_unanswered(today()), None);
    let facts = a.to_facts(today()).unwrap();
    assert_eq!(facts.area, Some(Area::Longting));
    assert_eq!(facts.parents[1].area, Some(Area::Qixian));
    let out = rules::evaluate(&facts, today()).unwrap();
    let support = out.get(BenefitId::SpecialSupport);
    assert!(
        support
            .reasons
            .iter()
            .any(|r| r.zh.contains("父亲的户籍在杞县")),
        "{:?}",
        support.reasons
    );
    // Special support is claimed at 户籍所在地村（居）委会, which sends each to their own.
    let view = present::results_view(&out, &[]);
    let stop = view.first_stop.as_ref().unwrap();
    assert_eq!(
        present::go_first(stop, &out, &a, Lang::Zh),
        "户籍所在地村（居）委会"
    );
    let done: Vec<BenefitId> = out
        .benefits
        .iter()
        .map(|r| r.id)
        .take_while(|id| *id != BenefitId::PensionSubsidy)
        .collect();
    let view = present::results_view(&out, &done);
    let stop = view.first_stop.as_ref().unwrap();
    let zh = present::go_first(stop, &out, &a, Lang::Zh);
    assert!(
        zh.starts_with("龙亭区") && zh.contains("；父亲：杞县"),
        "{zh}"
    );
    let en = present::go_first(stop, &out, &a, Lang::En);
    assert!(en.contains("; Father: "), "{en}");
    // Read aloud, the first card names both offices as it shows them.
    let said = read_aloud::first_card(&view, &out, &a, Lang::Zh);
    assert!(said.contains(&format!("先去：{zh}")), "{said}");
    // One county for both: the first stop names it alone.
    let couple = bereaved_couple();
    let out = rules::evaluate(&couple.to_facts(today()).unwrap(), today()).unwrap();
    let view = present::results_view(&out, &[]);
    let zh = present::go_first(view.first_stop.as_ref().unwrap(), &out, &couple, Lang::Zh);
    assert!(!zh.contains("；"), "{zh}");
    // Choosing one county again takes the two back.
    a.apply(AnswerValue::Area(Area::Weishi));
    assert!(!a.questions(today()).contains(&Question::ParentAreas));
    assert_eq!(a.to_facts(today()).unwrap().parents[1].area, None);
}

#[test]
fn the_care_question_offers_every_care_setting_in_the_facts_order() {
    // The questionnaire offers `CareSetting::ALL` in its order: each choice is its setting.
    let q = Question::CareSetting;
    assert_eq!(
        questions::parent_options(q).len(),
        rules::CareSetting::ALL.len()
    );
    for (i, setting) in rules::CareSetting::ALL.into_iter().enumerate() {
        assert_eq!(
            questions::parent_value(q, [Some(i), None]),
            Some(AnswerValue::Care([Some(setting), None]))
        );
    }
}
