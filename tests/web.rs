//! Browser tests of the app, run by wasm-bindgen-test in headless Chromium:
//! `make test-web`, i.e. `. scripts/env.sh && cargo test --target wasm32-unknown-unknown --test web`.
//! Expected strings come from `flow::text`, so rewording a text does not break these tests.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::Datelike;
use chrono::NaiveDate;
use common::web::Mounted;
use common::{bereaved_couple, day};
use fuzhu::flow::nav::{Action, Screen, State};
use fuzhu::flow::text::{Key, Lang, Voice};
use fuzhu::flow::{AnswerValue, Answers, Birth, HukouHolders, Living, Question};
use fuzhu::results::present;
use fuzhu::rules::{self, Area, ChildStatus, Facts};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlInputElement;

include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));

wasm_bindgen_test_configure!(run_in_browser);

fn zh(key: Key) -> String {
    common::web::install_tables();
    key.text(Lang::Zh, Voice::Family).into_owned()
}

fn en(key: Key) -> String {
    common::web::install_tables();
    key.text(Lang::En, Voice::Family).into_owned()
}

#[wasm_bindgen_test]
async fn opens_on_the_welcome_screen_in_chinese() {
    let app = Mounted::clean(None).await;
    assert_eq!(app.text(".brand"), "扶助通");
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle));
    assert_eq!(app.text(".welcome button.primary"), zh(Key::Start));
}

#[wasm_bindgen_test]
async fn start_moves_to_the_first_question() {
    let app = Mounted::clean(None).await;
    let before = app.text("h1");
    app.click(".welcome button.primary").await;
    let after = app.text("h1");
    assert_ne!(after, before, "the heading did not change after 开始");
    assert!(!app.has(".welcome"));
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_texts() {
    let app = Mounted::clean(None).await;
    app.click(".lang-switch").await;
    assert_eq!(app.text("h1"), en(Key::WelcomeTitle));
    app.click(".lang-switch").await;
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle));
}

fn at(screen: Screen, answers: Answers, today: NaiveDate) -> State {
    let mut s = State::new(today);
    s.answers = answers;
    s.screen = screen;
    s
}

#[wasm_bindgen_test]
async fn answering_that_the_child_died_asks_about_another_child_next() {
    let app = Mounted::clean(None).await;
    app.click(".welcome button.primary").await;
    assert_eq!(app.text("h1"), zh(Key::QChild));
    app.choose(0).await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QOtherChild));
}

#[wasm_bindgen_test]
async fn pressing_next_without_choosing_says_to_choose_and_stays() {
    let app = Mounted::clean(None).await;
    app.click(".welcome button.primary").await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QChild));
    assert_eq!(app.text(".error"), zh(Key::ChooseOne));
}

#[wasm_bindgen_test]
async fn a_disabled_child_is_asked_the_grade_and_a_grade_4_ends_at_the_summary() {
    let app = Mounted::clean(None).await;
    app.click(".welcome button.primary").await;
    app.choose(1).await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QGrade));
    app.choose(3).await;
    app.next().await;
    assert!(
        app.has(".screen.summary"),
        "grade 4 should end the questions"
    );
    app.click(".summary button.primary").await;
    assert_eq!(app.text("h1"), zh(Key::NotSpecialTitle));
}

#[wasm_bindgen_test]
async fn back_returns_to_the_previous_question_with_its_answer_still_chosen() {
    let app = Mounted::clean(None).await;
    app.click(".welcome button.primary").await;
    app.choose(0).await;
    app.next().await;
    app.click("button.secondary").await;
    assert_eq!(app.text("h1"), zh(Key::QChild));
    let first: HtmlInputElement = app.find("label.card input").dyn_into().unwrap();
    assert!(
        first.checked(),
        "the answer given before Back is no longer chosen"
    );
}

#[wasm_bindgen_test]
async fn a_date_that_does_not_exist_is_refused_with_a_message() {
    let today = day(2026, 11, 29);
    let mut answers = bereaved_couple();
    answers.mother_birth = None;
    let app = Mounted::clean(Some(at(Screen::Ask(Question::MotherBirth), answers, today))).await;
    app.select(0, "1971").await;
    app.select(1, "2").await;
    app.select(2, "30").await;
    app.next().await;
    assert_eq!(app.text(".error"), zh(Key::NotARealDate));
    app.select(2, "28").await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QFatherBirth));
}

/// The parents' year list opens at 1969 (the empty choice just before it, so a phone's
/// picker opens there) and answers nothing; the child's opens at this year.
#[wasm_bindgen_test]
async fn the_parents_year_list_opens_at_1969_with_nothing_chosen() {
    let today = day(2026, 11, 29);
    let mut answers = bereaved_couple();
    answers.mother_birth = None;
    let app = Mounted::clean(Some(at(Screen::Ask(Question::MotherBirth), answers, today))).await;
    let year: web_sys::HtmlSelectElement = app.find(".date-picker select").dyn_into().unwrap();
    let i = year.selected_index() as u32;
    let value = |i: u32| {
        let option = year.item(i).unwrap();
        js_sys::Reflect::get(&option, &"value".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(value(i), "");
    assert_eq!(value(i + 1), "1969");
    assert_eq!(value(i - 1), "1970");
    assert_eq!(value(0), "2026", "newest first");
    assert_eq!(year.length(), 112, "every year, and one empty choice");
    app.next().await;
    assert_eq!(app.text(".error"), zh(Key::PickDate));
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
    drop(app);

    let mut answers = bereaved_couple();
    answers.child = Some(fuzhu::rules::ChildStatus::Disabled);
    answers.grade = Some(1);
    let app = Mounted::clean(Some(at(Screen::Ask(Question::ChildBirth), answers, today))).await;
    let year: web_sys::HtmlSelectElement = app.find(".date-picker select").dyn_into().unwrap();
    assert_eq!(year.selected_index(), 0);
    assert_eq!(year.value(), "");
}

#[wasm_bindgen_test]
async fn not_sure_of_the_day_is_enough_at_75_and_the_summary_shows_the_month() {
    let today = day(2026, 11, 29);
    let mut answers = bereaved_couple();
    answers.mother_birth = None;
    let app = Mounted::clean(Some(at(Screen::Ask(Question::MotherBirth), answers, today))).await;
    // Not sure at 55: the day decides when elder care begins, and the screen says so.
    app.select(0, "1971").await;
    app.select(1, "5").await;
    app.select(2, "0").await;
    app.next().await;
    assert_eq!(app.text(".error"), zh(Key::DayMattersParent));
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
    // Not sure at 75: every deciding birthday has passed.
    app.select(0, "1951").await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QFatherBirth));
    app.click("button.secondary").await;
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
    // The picker's third part is the day (`q<question>-2`).
    let day_id = format!("#q{}-2", Question::MotherBirth as u8);
    assert_eq!(
        app.find(&day_id)
            .dyn_into::<web_sys::HtmlSelectElement>()
            .unwrap()
            .value(),
        "0",
        "the day comes back as not sure"
    );
}

#[wasm_bindgen_test]
async fn not_sure_of_the_month_is_enough_at_78_and_the_results_say_what_was_assumed() {
    let today = day(2026, 11, 29);
    let mut answers = bereaved_couple();
    answers.mother_birth = None;
    let app = Mounted::clean(Some(at(
        Screen::Ask(Question::MotherBirth),
        answers.clone(),
        today,
    )))
    .await;
    // 记不清 the month at 60 or so: whether she is 60 yet depends on it, and the screen says so.
    app.select(0, "1966").await;
    app.select(1, "0").await;
    app.next().await;
    assert_eq!(app.text(".error"), zh(Key::MonthMatters));
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
    // At 78 the year decides everything: the day needs no answer of its own.
    app.select(0, "1948").await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QFatherBirth));
    drop(app);

    answers.mother_birth = Birth::year(1948);
    answers.father_birth = Birth::year(1946);
    answers.care = [Some(fuzhu::rules::CareSetting::Home); 2];
    let app = Mounted::clean(Some(at(Screen::Summary, answers.clone(), today))).await;
    assert!(
        app.text(".answers").contains("1948年"),
        "{}",
        app.text(".answers")
    );
    drop(app);
    let app = Mounted::clean(Some(at(Screen::Results, answers, today))).await;
    let said = app.text(".meta");
    assert!(
        said.contains("母亲的出生日期只填到1948年") && said.contains("父亲的出生日期只填到1946年"),
        "{said}"
    );
}

#[wasm_bindgen_test]
async fn two_counties_lead_to_one_screen_asking_each_parents_county_then_the_summary() {
    let today = day(2026, 11, 29);
    let mut answers = bereaved_couple();
    answers.area = None;
    let app = Mounted::clean(Some(at(Screen::Ask(Question::Area), answers, today))).await;
    assert_eq!(app.text("h1"), zh(Key::QArea));
    // The last choice, after the ten counties.
    app.choose(Area::ALL.len()).await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QParentAreas));
    // One set of counties for each parent; 杞县 for the father.
    assert_eq!(app.count("fieldset.sub"), 2);
    app.choose(0).await;
    let qixian = Area::ALL.iter().position(|a| *a == Area::Qixian).unwrap();
    app.choose(Area::ALL.len() + qixian).await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QResidence));
}

#[wasm_bindgen_test]
async fn a_month_whose_day_now_matters_is_asked_again_with_the_reason_at_once() {
    // As an old link would bring it: the mother's birth as year and month only, at 55.
    let today = day(2026, 11, 29);
    let mut answers = bereaved_couple();
    answers.mother_birth = Birth::month(1971, 5);
    let s = at(Screen::Welcome, Answers::default(), today).reduce(Action::Restore(answers));
    assert_eq!(s.screen, Screen::Ask(Question::MotherBirth));
    let app = Mounted::clean(Some(s)).await;
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
    assert_eq!(app.text(".error"), zh(Key::DayMattersParent));
}

#[wasm_bindgen_test]
async fn changing_one_answer_from_the_summary_keeps_the_others_and_the_results_follow() {
    let today = day(2026, 11, 29);
    let app = Mounted::clean(Some(at(Screen::Summary, bereaved_couple(), today))).await;
    let before = app.text(".answers");
    // The change buttons are labelled with their question.
    let label = format!("{}：{}", zh(Key::Change), zh(Key::QHukou));
    app.click(&format!("button[aria-label='{label}']")).await;
    assert_eq!(app.text("h1"), zh(Key::QHukou));
    app.choose(1).await; // only the mother
    app.next().await;
    assert!(app.has(".screen.summary"));
    let after = app.text(".answers");
    assert_ne!(after, before);
    let only_mother = Key::HukouMotherOnly.pair().0;
    assert!(after.contains(only_mother));
    assert_eq!(
        after.replace(only_mother, Key::HukouBoth.pair().0),
        before,
        "another answer changed"
    );
    app.click(".summary button.primary").await;
    let totals = app.text(".totals");
    assert!(totals.contains("1430"), "{totals}");
    assert!(totals.contains("5000"), "{totals}");
}

/// Every scenario household the questionnaire can express and the engine answers: its name,
/// the answers, the day it is checked on and the engine's outcome. A household the engine
/// refuses is the engine's tests' business.
fn scenario_households() -> impl Iterator<Item = (&'static str, Answers, NaiveDate, rules::Outcome)>
{
    SCENARIOS.iter().filter_map(|(name, text)| {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let facts: Facts = serde_json::from_value(v["household"].clone()).unwrap();
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let answers = Answers::from_facts(&facts, today)?;
        let outcome = rules::evaluate(&answers.to_facts(today).unwrap(), today).ok()?;
        Some((*name, answers, today, outcome))
    })
}

#[wasm_bindgen_test]
async fn the_results_show_what_the_engine_decides_for_every_scenario_household() {
    let mut shown = 0;
    for (name, answers, today, outcome) in scenario_households() {
        // Each app writes its answers into the address; leaving it (not forgetting) keeps
        // to one history.replaceState per household: Chromium ignores them for a while after
        // 200 in 10 seconds.
        let app = Mounted::with(Some(at(Screen::Results, answers, today))).await;
        if !outcome.special_family || !outcome.covered {
            let title = if outcome.special_family {
                Key::NotCoveredTitle
            } else {
                Key::NotSpecialTitle
            };
            assert_eq!(app.text("h1"), zh(title), "{name}");
            assert!(!app.has(".item"), "{name}: items shown outside the policy");
        } else {
            for r in &outcome.benefits {
                let selector = format!("#item-{}", r.id.as_str());
                if present::after_death(r) {
                    // 身后事 (issue 20.3): its own section, never a card to apply for now.
                    assert!(!app.has(&selector), "{name}: {selector} among the cards");
                    assert!(
                        app.text(".after-death").contains(&*crate::zh_name(r.id)),
                        "{name}: {selector} not in 身后事"
                    );
                } else if r.applies() {
                    assert_eq!(
                        app.text(&format!("{selector} .status")),
                        present::status_label(r, Lang::Zh),
                        "{name}: {selector}"
                    );
                    if let Some(line) = present::amount_line(r, outcome.as_of, Lang::Zh) {
                        assert_eq!(app.text(&format!("{selector} .amount")), line, "{name}");
                    }
                } else {
                    assert!(
                        !app.has(&selector),
                        "{name}: {selector} shown but does not apply"
                    );
                }
            }
        }
        // The whole page, the print sheet and folded details included: the results' Chinese
        // (crate::later) is looked up everywhere it shows.
        assert_eq!(
            tag_in(&app.text("main")),
            None,
            "{name}: a text was not looked up"
        );
        shown += 1;
        app.leave();
        common::web::yield_to_browser().await;
    }
    common::web::forget_everything();
    assert!(shown >= 80, "only {shown} scenarios shown");
}

/// The web build carries English and the results' Chinese as tags (`fuzhu::english`,
/// `fuzhu::later`); any text that reaches the page without passing through their `resolve`
/// would show a private-use character instead.
fn tag_in(text: &str) -> Option<char> {
    text.chars().find(|c| ('\u{e000}'..='\u{f8ff}').contains(c))
}

#[wasm_bindgen_test]
async fn every_scenario_household_reads_in_english_with_no_tag_left_untranslated() {
    let mut shown = 0;
    for (name, answers, today, _) in scenario_households() {
        let mut state = at(Screen::Results, answers, today);
        state.lang = Lang::En;
        let app = Mounted::with(Some(state)).await;
        // The whole page, the print sheet and folded details included.
        let all = app.text("main");
        let lang = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"));
        assert_eq!(lang.as_deref(), Some("en"), "{name}: not shown in English");
        assert_eq!(
            tag_in(&all),
            None,
            "{name}: an English text was not looked up"
        );
        shown += 1;
        app.leave();
        common::web::yield_to_browser().await;
    }
    common::web::forget_everything();
    assert!(shown >= 80, "only {shown} scenarios shown");
}

// Late parents, the adult child's civil capacity, and the impossible refused on the question.

fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap()
}

fn status(app: &Mounted, id: rules::BenefitId) -> String {
    app.text(&format!("#item-{} .status", id.as_str()))
}

#[wasm_bindgen_test]
async fn both_parents_late_walks_to_the_free_grave_plot_asking_only_what_matters() {
    let app = Mounted::clean(None).await;
    app.click(".welcome button.primary").await;
    app.choose(0).await; // the child has passed away
    app.next().await;
    app.choose(0).await; // no other child
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QParents));
    assert_eq!(app.text("label.card:nth-child(5)"), zh(Key::LivingNeither));
    app.choose(4).await;
    app.next().await;
    // Their registration, asked of them as they were.
    assert_eq!(app.text("h1"), zh(Key::QHukouLate));
    assert_eq!(app.text("label.card:nth-child(1)"), zh(Key::HukouLateBoth));
    app.choose(0).await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QArea));
    app.choose(0).await;
    app.next().await;
    // Nothing about pensions, hospital days, care or health for the late.
    assert!(app.has(".screen.summary"), "{}", app.text("h1"));
    assert_eq!(app.count(".answer-row"), 5);
    app.click(".summary button.primary").await;
    assert_eq!(app.text("h1"), zh(Key::ResultsTitleLate));
    assert_eq!(
        status(&app, rules::BenefitId::FreeGravePlot),
        zh(Key::StatusEligible)
    );
    assert!(!app.has("#item-special_support"));
    assert!(!app.has(".totals"), "no sums, and never 0元");
    let stop = app.text("#item-free_grave_plot .contact");
    assert!(stop.starts_with(&zh(Key::GoFirst)), "{stop}");
    let area = Area::ALL[0].name_zh();
    assert!(stop.contains(&format!("{area}民政局")), "{stop}");
}

/// A disabled child (grade 1), both parents late and registered in 龙亭区, on the child's
/// birth-date question.
fn late_parents_disabled_child() -> State {
    let answers = common::answers([
        AnswerValue::Child(ChildStatus::Disabled),
        AnswerValue::Grade(1),
        AnswerValue::OtherChild(false),
        AnswerValue::Living(Living::Neither),
        AnswerValue::Hukou(HukouHolders::Both),
        AnswerValue::Area(Area::Longting),
    ]);
    at(Screen::Ask(Question::ChildBirth), answers, today())
}

#[wasm_bindgen_test]
async fn an_adult_child_is_asked_about_civil_capacity_and_without_it_gets_adult_guardianship() {
    let app = Mounted::clean(Some(late_parents_disabled_child())).await;
    assert_eq!(app.text("h1"), zh(Key::QChildBirth));
    app.select(0, &(today().year() - 28).to_string()).await;
    app.select(1, "3").await;
    app.select(2, "5").await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QChildCapacity));
    assert_eq!(app.text("label.card:nth-child(2)"), zh(Key::CapacityNo));
    app.choose(1).await;
    app.next().await;
    assert_eq!(app.text("h1"), zh(Key::QSchooling));
    app.choose(3).await;
    app.next().await;
    // The child's questions come before the parents', whose answers are already given.
    for _ in 0..4 {
        if app.has(".screen.summary") {
            break;
        }
        app.next().await;
    }
    assert!(app.has(".screen.summary"));
    app.click(".summary button.primary").await;
    assert_eq!(
        status(&app, rules::BenefitId::Guardianship),
        zh(Key::StatusEligible)
    );
    assert_eq!(
        status(&app, rules::BenefitId::FreeGravePlot),
        zh(Key::StatusEligible)
    );
}

#[wasm_bindgen_test]
async fn a_child_under_18_is_not_asked_about_civil_capacity() {
    let app = Mounted::clean(Some(late_parents_disabled_child())).await;
    app.select(0, &(today().year() - 10).to_string()).await;
    app.select(1, "3").await;
    app.select(2, "5").await;
    app.next().await;
    assert_ne!(app.text("h1"), zh(Key::QChildCapacity));
    assert_ne!(app.text("h1"), zh(Key::QChildBirth));
}

#[wasm_bindgen_test]
async fn a_mother_born_ten_years_ago_is_refused_on_the_question_in_the_engines_words() {
    let mut answers = bereaved_couple();
    answers.mother_birth = None;
    let app = Mounted::clean(Some(at(
        Screen::Ask(Question::MotherBirth),
        answers,
        today(),
    )))
    .await;
    let born = day(today().year() - 10, 1, 1);
    app.select(0, &born.year().to_string()).await;
    app.select(1, "1").await;
    app.select(2, "1").await;
    app.next().await;
    let (_, words) = rules::facts::check_parent_birth(born, today()).unwrap_err();
    assert_eq!(app.text(".error"), format!("{words}。"));
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
}

#[wasm_bindgen_test]
async fn a_child_born_before_the_mother_is_refused_on_the_childs_question() {
    let mut answers = bereaved_couple();
    answers.apply(AnswerValue::Child(ChildStatus::Disabled));
    answers.apply(AnswerValue::Grade(2));
    let app = Mounted::clean(Some(at(
        Screen::Ask(Question::ChildBirth),
        answers,
        today(),
    )))
    .await;
    app.select(0, "1969").await;
    app.select(1, "1").await;
    app.select(2, "1").await;
    app.next().await;
    let (_, words) =
        rules::facts::check_child_after_parent(day(1969, 1, 1), day(1970, 6, 1)).unwrap_err();
    assert_eq!(app.text(".error"), format!("{words}。"));
    assert_eq!(app.text("h1"), zh(Key::QChildBirth));
}

#[wasm_bindgen_test]
async fn hospital_days_the_browser_cannot_read_as_a_number_are_refused_never_taken_as_0() {
    let mut answers = bereaved_couple();
    answers.hospital_days = [None, None];
    let app = Mounted::clean(Some(at(
        Screen::Ask(Question::HospitalDays),
        answers,
        today(),
    )))
    .await;
    for text in ["12-", "1e400", "1.5"] {
        app.type_into("#days-0", text).await;
        app.type_into("#days-1", "0").await;
        app.next().await;
        assert_eq!(app.text(".error"), zh(Key::DaysNotANumber), "{text}");
        assert_eq!(app.text("h1"), zh(Key::QHospitalDays), "{text}");
    }
    // More days than this year has had, in the engine's words.
    let over = today().ordinal() + 1;
    app.type_into("#days-0", &over.to_string()).await;
    app.next().await;
    let (_, words) = rules::facts::check_hospital_days(i64::from(over), today()).unwrap_err();
    assert_eq!(app.text(".error"), format!("{words}。"));
    // Typing again clears the message; a real number goes on.
    app.type_into("#days-0", "12").await;
    assert_eq!(app.text(".error"), "");
    app.next().await;
    assert_ne!(app.text("h1"), zh(Key::QHospitalDays));
}

#[wasm_bindgen_test]
async fn a_widow_is_asked_about_her_late_husbands_registration_and_keeps_his_5000() {
    let today = day(2026, 11, 29);
    let mut a = bereaved_couple();
    a.living = Some(Living::MotherOnly);
    a.hukou = None;
    for lang in [Lang::Zh, Lang::En] {
        let mut s = at(Screen::Ask(Question::Hukou), a.clone(), today);
        s.lang = lang;
        let app = Mounted::clean(Some(s)).await;
        let t = |k: Key| k.text(lang, Voice::Family).into_owned();
        assert_eq!(app.text("h1"), t(Key::QHukouWidow));
        let screen = app.text(".question .cards");
        assert!(
            !screen.contains("夫妻") && !screen.contains("spouses"),
            "{screen}"
        );
        assert!(screen.contains(&t(Key::HukouYesMineToo)), "{screen}");
        app.choose(0).await;
        app.next().await;
        app.leave();
    }
    let mut done = a.clone();
    done.hukou = Some(HukouHolders::Both);
    let app = Mounted::clean(Some(at(Screen::Results, done, today))).await;
    let totals = app.text(".totals");
    assert!(totals.contains("10000"), "{totals}");
    app.leave();
}

#[wasm_bindgen_test]
async fn the_results_explain_the_statuses_once_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut s = at(Screen::Results, bereaved_couple(), day(2026, 11, 29));
        s.lang = lang;
        let app = Mounted::clean(Some(s)).await;
        assert_eq!(app.count(".results .legend"), 1);
        assert_eq!(
            app.text(".results .legend"),
            Key::StatusLegend.text(lang, Voice::Family)
        );
        app.leave();
    }
}

#[wasm_bindgen_test]
async fn an_item_marked_already_received_moves_to_its_own_list_and_the_link_carries_the_mark() {
    common::web::forget_everything();
    let app = Mounted::clean(Some(at(
        Screen::Results,
        bereaved_couple(),
        day(2026, 11, 29),
    )))
    .await;
    let first = app.text(".first-card");
    assert!(first.contains("先做这几件事"), "{first}");
    assert!(app.has("#item-special_support"));
    assert!(!app.has(".received-list"));
    app.click("#item-special_support label.mark input").await;
    assert!(!app.has("#item-special_support"));
    assert!(app.text(".received-list").contains("特别扶助金"));
    let link = common::web::hash();
    let back = fuzhu::share::decode(&link, day(2026, 11, 29)).unwrap();
    assert_eq!(back.received, [rules::BenefitId::SpecialSupport]);
    // The print sheet names it apart from what is still to claim.
    assert!(app.text(".print-received").contains("特别扶助金"));
    app.click(".received-list label.mark input").await;
    assert!(app.has("#item-special_support"));
    assert!(!app.has(".received-list"));
    app.leave();
    common::web::forget_everything();
}

// ------------------------------------------------------------------ RULINGS, Round 3

#[wasm_bindgen_test]
async fn a_mother_of_74_at_the_disabled_childs_birth_is_refused_on_her_question_in_the_rules_words()
{
    let mut answers = bereaved_couple();
    answers.apply(AnswerValue::Child(ChildStatus::Disabled));
    answers.apply(AnswerValue::Grade(2));
    answers.apply(AnswerValue::ChildBirth(Birth::Day(day(2010, 3, 1))));
    answers.mother_birth = None;
    let app = Mounted::clean(Some(at(
        Screen::Ask(Question::MotherBirth),
        answers,
        today(),
    )))
    .await;
    app.select(0, "1936").await;
    app.select(1, "5").await;
    app.select(2, "1").await;
    app.next().await;
    let (_, words) =
        rules::facts::check_age_at_birth(day(2010, 3, 1), day(1936, 5, 1), rules::Role::Mother)
            .unwrap_err();
    assert_eq!(app.text(".error"), format!("{words}。"));
    assert_eq!(app.text("h1"), zh(Key::QMotherBirth));
}

#[wasm_bindgen_test]
async fn divorced_is_chosen_beside_both_living_and_the_results_say_who_claims_the_relief() {
    let mut answers = bereaved_couple();
    let app = Mounted::clean(Some(at(
        Screen::Ask(Question::Parents),
        answers.clone(),
        today(),
    )))
    .await;
    assert_eq!(app.text("label.card:nth-child(2)"), zh(Key::LivingDivorced));
    app.choose(1).await;
    app.next().await;
    assert_ne!(app.text("h1"), zh(Key::QParents));
    answers.apply(AnswerValue::Divorced);
    let app = Mounted::clean(Some(at(Screen::Results, answers, today()))).await;
    let relief = app.text("#item-death_relief");
    assert!(relief.contains("离异家庭"), "{relief}");
    assert!(relief.contains("离婚证"), "{relief}");
    assert!(!relief.contains("结婚证"), "{relief}");
}

#[wasm_bindgen_test]
async fn a_grade_4_family_sees_one_card_with_where_to_turn_not_25_items() {
    let answers = common::answers([
        AnswerValue::Child(ChildStatus::Disabled),
        AnswerValue::Grade(4),
    ]);
    let app = Mounted::clean(Some(at(Screen::Results, answers, today()))).await;
    assert_eq!(app.text("h1"), zh(Key::NotSpecialTitle));
    assert!(app.text(".lead").contains("四级"), "{}", app.text(".lead"));
    let pointer = app.text(".pointer");
    assert!(
        pointer.contains("残联") && pointer.contains("医疗救助"),
        "{pointer}"
    );
    assert!(!app.has(".item"));
    assert_eq!(app.text("section.results").matches("四级").count(), 1);
}

/// An item's Chinese name as shown.
fn zh_name(id: rules::BenefitId) -> String {
    fuzhu::later::resolve(id.info().zh).to_owned()
}
