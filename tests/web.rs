//! Browser tests of the app, run by wasm-bindgen-test in headless Chromium:
//! `make test-web`, i.e. `. scripts/env.sh && cargo test --target wasm32-unknown-unknown --test web`.
//! Expected strings come from `flow::text`, so rewording a text does not break these tests.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::NaiveDate;
use common::web::Mounted;
use common::{bereaved_couple, day};
use fuzhu::flow::nav::{Action, Screen, State};
use fuzhu::flow::present;
use fuzhu::flow::text::{Key, Lang, Voice};
use fuzhu::flow::{Answers, Birth, Question};
use fuzhu::rules::{self, Facts};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlInputElement;

include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));

wasm_bindgen_test_configure!(run_in_browser);

fn zh(key: Key) -> String {
    key.text(Lang::Zh, Voice::Family).into_owned()
}

fn en(key: Key) -> String {
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

#[wasm_bindgen_test]
async fn the_results_show_what_the_engine_decides_for_every_scenario_household() {
    let mut shown = 0;
    for (name, text) in SCENARIOS {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let facts: Facts = serde_json::from_value(v["household"].clone()).unwrap();
        let today = facts.as_of.unwrap_or_else(|| day(2026, 11, 29));
        let Some(answers) = Answers::from_facts(&facts, today) else {
            continue;
        };
        let outcome = rules::evaluate(&answers.to_facts(today).unwrap(), today).unwrap();
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
                if r.applies() {
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
        shown += 1;
        app.leave();
    }
    common::web::forget_everything();
    assert!(shown >= 80, "only {shown} scenarios shown");
}
