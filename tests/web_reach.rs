//! Browser tests for reaching more people: large text, read-aloud, the volunteer's voice,
//! answers kept in the link's fragment, saving only with consent, and the QR code.
//! `. scripts/env.sh && cargo test --target wasm32-unknown-unknown --test web_reach`
//! (also part of `make test-web`). Expected strings come from `flow::text`.
#![cfg(target_arch = "wasm32")]

mod common;

use chrono::NaiveDate;
use common::bereaved_couple;
use common::web::{cookies, forget_everything, hash, session, set_hash, storage, window, Mounted};
use fuzhu::app::{Screen, State};
use fuzhu::flow::text::{Key, Lang, Voice};
use fuzhu::flow::{AnswerValue, Answers};
use fuzhu::rules::CareSetting;
use fuzhu::share;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap()
}

/// The shared bereaved couple, with ten days in hospital for the mother and both at home.
fn couple() -> Answers {
    let mut a = bereaved_couple();
    a.apply(AnswerValue::HospitalDays([Some(10), Some(0)]));
    a.apply(AnswerValue::Care([
        Some(CareSetting::Home),
        Some(CareSetting::Home),
    ]));
    assert_eq!(a.first_unanswered(today()), None);
    a
}

fn at(screen: Screen, voice: Voice) -> State {
    let mut s = State::new(today());
    s.answers = couple();
    s.screen = screen;
    s.voice = voice;
    s
}

fn zh(key: Key, voice: Voice) -> String {
    common::web::install_tables();
    key.text(Lang::Zh, voice).into_owned()
}

fn can_speak() -> bool {
    Reflect::get(&window(), &"speechSynthesis".into()).is_ok_and(|v| !v.is_undefined())
}

#[wasm_bindgen_test]
async fn large_text_toggles_a_class_on_the_root() {
    forget_everything();
    let app = Mounted::new().await;
    let root = window().document().unwrap().document_element().unwrap();
    assert!(!app.find(".shell").class_name().contains("large-text"));
    app.click(".large-toggle").await;
    assert!(app.find(".shell").class_name().contains("large-text"));
    assert_eq!(
        app.find(".large-toggle")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(root.has_attribute("data-large-text"));
    // Not remembered without consent.
    assert_eq!(storage().length().unwrap(), 0);
    app.click(".large-toggle").await;
    assert!(!app.find(".shell").class_name().contains("large-text"));
    assert!(!root.has_attribute("data-large-text"));
}

#[wasm_bindgen_test]
async fn read_aloud_is_offered_exactly_where_the_browser_can_speak() {
    forget_everything();
    let app = Mounted::new().await;
    app.click(".welcome button.primary").await;
    assert_eq!(app.get(".question .read-aloud").is_some(), can_speak());
    if can_speak() {
        // Speaking never throws, whatever the machine's voices: the button reads (停止朗读),
        // has read already, or says the machine has no Chinese voice.
        app.click(".question .read-aloud").await;
        let label = app
            .find(".question .read-aloud")
            .get_attribute("aria-label");
        let no_voice = app.get(".question .no-voice").is_some();
        assert!(
            no_voice
                || label == Some(zh(Key::ReadQuestion, Voice::Family))
                || label == Some(zh(Key::StopReadingLabel, Voice::Family)),
            "{label:?}"
        );
    }
    drop(app);

    // Hide the browser's speech synthesis: no button, and nothing breaks.
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    let global: Object = window().unchecked_into();
    Reflect::define_property(&global, &"speechSynthesis".into(), &descriptor).unwrap();
    assert!(!can_speak());
    let app = Mounted::new().await;
    app.click(".welcome button.primary").await;
    assert!(app.get(".read-aloud").is_none());
    drop(app);
    let results = Mounted::with(Some(at(Screen::Results, Voice::Family))).await;
    assert!(results.get(".item").is_some());
    assert!(results.get(".read-aloud").is_none());
    drop(results);
    Reflect::delete_property(&global, &"speechSynthesis".into()).unwrap();

    if can_speak() {
        let results = Mounted::with(Some(at(Screen::Results, Voice::Family))).await;
        assert!(results.get(".item .read-aloud").is_some());
    }
}

#[wasm_bindgen_test]
async fn choosing_to_fill_in_for_someone_switches_the_wording() {
    forget_everything();
    let app = Mounted::new().await;
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle, Voice::Family));
    app.click(".who input[value='1']").await;
    let title = app.text("h1");
    assert_eq!(title, zh(Key::WelcomeTitle, Voice::Volunteer));
    assert_eq!(title, "看看老人家可以享受哪些帮扶");
    // The questions are read to the elder, who stays 您; never 他/她.
    app.click(".welcome button.primary").await;
    let question = app.text(".question");
    assert!(
        !question.contains("他/她") && question.contains('您'),
        "{question}"
    );

    // In English too: "your" in the question.
    app.click(".lang-switch").await;
    assert!(app.text("h1").contains("your"), "{}", app.text("h1"));
}

#[wasm_bindgen_test]
async fn the_answers_round_trip_through_the_fragment() {
    forget_everything();
    let first = Mounted::with(Some(at(Screen::Summary, Voice::Family))).await;
    let code = share::encode(&couple());
    assert_eq!(hash(), format!("#{code}"));
    let answers = first.text(".answers");
    first.leave();

    // A new visit with that address: the same answers, on the summary.
    let second = Mounted::new().await;
    assert_eq!(second.text("h1"), zh(Key::SummaryTitle, Voice::Family));
    assert_eq!(second.text(".answers"), answers);
    assert_eq!(hash(), format!("#{code}"));
    // Nothing was written to the device on the way.
    assert_eq!(storage().length().unwrap(), 0);
}

#[wasm_bindgen_test]
async fn a_tampered_fragment_gives_a_message_and_a_fresh_start() {
    forget_everything();
    let code = share::encode(&couple());
    let mut bytes = code.into_bytes();
    let last = bytes.len() - 6;
    bytes[last] = if bytes[last] == b'A' { b'B' } else { b'A' };
    set_hash(&format!("#{}", String::from_utf8(bytes).unwrap()));

    let app = Mounted::new().await;
    assert_eq!(
        app.text(".link-notice"),
        zh(Key::ShareDamaged, Voice::Family)
    );
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle, Voice::Family));
    assert_eq!(hash(), "", "the bad fragment is removed");
    // Starting asks the first question, with no answer carried over.
    app.click(".welcome button.primary").await;
    assert_eq!(app.text("h1"), zh(Key::QChild, Voice::Family));
    assert!(app.get("input:checked").is_none());
    assert!(app.get(".link-notice").is_none());
}

#[wasm_bindgen_test]
async fn an_unknown_older_version_is_refused_with_its_own_message() {
    forget_everything();
    set_hash("#v0.AAAA");
    let app = Mounted::new().await;
    assert_eq!(
        app.text(".link-notice"),
        zh(Key::ShareVersion, Voice::Family)
    );
}

#[wasm_bindgen_test]
async fn a_newer_format_waits_for_the_newer_release_and_keeps_the_link_and_the_saved_answers() {
    forget_everything();
    let saved = share::encode(&couple());
    storage().set_item("fuzhu.answers", &saved).unwrap();
    let newer = format!("#v{}.AAAA", share::VERSION.parse::<u32>().unwrap() + 1);
    set_hash(&newer);
    let app = Mounted::new().await;
    assert_eq!(
        app.text(".awaiting .link-notice"),
        zh(Key::ShareNewer, Voice::Family)
    );
    assert!(
        app.get(".screen.question, .screen.welcome").is_none(),
        "no questions while it waits"
    );
    assert_eq!(app.text("h1"), zh(Key::ShareNewerTitle, Voice::Family));
    assert_eq!(hash(), newer, "the link is never erased");
    assert_eq!(storage().get_item("fuzhu.answers").unwrap(), Some(saved));
    // Giving up: a fresh start; the saved answers are still offered, untouched.
    app.click(".stop-awaiting").await;
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle, Voice::Family));
    assert!(app.has(".saved-aside .open-saved"));
    app.click(".saved-aside .open-saved").await;
    assert_eq!(app.text("h1"), zh(Key::SummaryTitle, Voice::Family));
}

#[wasm_bindgen_test]
async fn another_familys_link_is_shown_without_touching_the_saved_answers() {
    forget_everything();
    let saved = share::encode(&couple());
    storage().set_item("fuzhu.answers", &saved).unwrap();
    let mut theirs = Answers::default();
    theirs.apply(AnswerValue::Child(fuzhu::rules::ChildStatus::Deceased));
    let link = share::encode(&theirs);
    set_hash(&format!("#{link}"));
    let app = Mounted::new().await;
    assert_eq!(
        app.text(".saved-aside p"),
        zh(Key::SavedAside, Voice::Family)
    );
    assert_eq!(hash(), format!("#{link}"));
    // Answering on changes the fragment, never the device.
    app.choose(0).await;
    app.next().await;
    assert_ne!(hash(), format!("#{link}"));
    assert_eq!(
        storage().get_item("fuzhu.answers").unwrap(),
        Some(saved.clone())
    );
    // Replacing them saves what is shown.
    app.click(".saved-aside .replace-saved").await;
    assert!(app.get(".saved-aside").is_none());
    assert_eq!(
        storage()
            .get_item("fuzhu.answers")
            .unwrap()
            .map(|c| format!("#{c}")),
        Some(hash())
    );
}

#[wasm_bindgen_test]
async fn next_person_clears_everything_and_greets_the_next_family_as_a_volunteer() {
    forget_everything();
    let mut s = at(Screen::Results, Voice::Volunteer);
    s.saving = true;
    let app = Mounted::with(Some(s)).await;
    assert!(storage().get_item("fuzhu.answers").unwrap().is_some());
    assert_eq!(
        app.text(".topbar .next-family"),
        zh(Key::NextFamily, Voice::Volunteer)
    );
    // It asks first (issue 20.6): 不 keeps everything; the second choice clears.
    app.click(".topbar .next-family").await;
    assert!(app.get(".confirm-next").is_some());
    app.click(".confirm-next button.secondary").await;
    assert!(app.get(".confirm-next").is_none());
    assert!(storage().get_item("fuzhu.answers").unwrap().is_some());
    app.click(".topbar .next-family").await;
    app.click(".confirm-next button.primary").await;
    assert_eq!(storage().length().unwrap(), 0);
    assert_eq!(hash(), "");
    assert_eq!(app.text("h1"), zh(Key::WelcomeTitle, Voice::Volunteer));
    assert!(app.get(".next-family").is_none());
    // The volunteer card stays chosen.
    let chosen: web_sys::HtmlInputElement = app
        .find(".who label.card:nth-of-type(2) input")
        .dyn_into()
        .unwrap();
    assert!(chosen.checked());
    // The family's own voice never shows 下一位.
    drop(app);
    let family = Mounted::with(Some(at(Screen::Results, Voice::Family))).await;
    assert!(family.get(".next-family").is_none());
}

#[wasm_bindgen_test]
async fn the_footer_shows_the_app_and_rules_versions() {
    let app = Mounted::clean(None).await;
    let footer = app.text(".app-footer");
    assert!(
        footer.contains(fuzhu::results::present::APP_VERSION),
        "{footer}"
    );
    assert!(footer.contains(fuzhu::rules::RULES_VERSION), "{footer}");
    assert!(footer.starts_with("规则版本："), "{footer}");
}

#[wasm_bindgen_test]
async fn nothing_is_stored_without_consent_and_clear_everything_forgets_all() {
    forget_everything();
    let app = Mounted::new().await;
    app.click(".large-toggle").await;
    app.click(".welcome button.primary").await;
    // "Neither of these": the shortest full run, straight to the summary.
    app.click(".question input[value='2']").await;
    app.click(".question button.primary").await;
    assert_eq!(app.text("h1"), zh(Key::SummaryTitle, Voice::Family));
    app.click(".summary button.primary").await;
    assert!(app.get(".results").is_some());
    assert_eq!(storage().length().unwrap(), 0, "localStorage");
    assert_eq!(session().length().unwrap(), 0, "sessionStorage");
    assert_eq!(cookies(), "");
    assert!(hash().starts_with(&format!("#v{}.", share::VERSION)));

    // Consent: the answers and the large-text choice are kept.
    let tick = app.find(".keep input[type='checkbox']");
    assert_eq!(app.text(".keep label"), zh(Key::SaveConsent, Voice::Family));
    tick.click();
    yew::scheduler::flush().await;
    let saved = storage().get_item("fuzhu.answers").unwrap().unwrap();
    assert_eq!(saved, hash()[1..]);
    assert_eq!(
        storage().get_item("fuzhu.large-text").unwrap().as_deref(),
        Some("1")
    );

    // A new visit without the fragment resumes from the device, large text on.
    set_hash("");
    let again = Mounted::new().await;
    assert_eq!(again.text("h1"), zh(Key::SummaryTitle, Voice::Family));
    assert!(again.find(".shell").class_name().contains("large-text"));
    assert!(again
        .find(".keep input[type='checkbox']")
        .matches(":checked")
        .unwrap());

    // Clear everything: it asks first, in the page; then nothing on the device, nothing in
    // the address, a fresh start.
    let ask = again.find("details.clear");
    assert!(!ask.has_attribute("open"));
    assert_eq!(
        again.text("details.clear > summary"),
        zh(Key::ClearAll, Voice::Family)
    );
    assert!(!again.text("details.clear").contains("地址栏"));
    again.click("details.clear > summary").await;
    assert!(ask.has_attribute("open"));
    assert!(storage().length().unwrap() > 0, "cleared before confirming");
    again.click(".clear-all").await;
    assert_eq!(storage().length().unwrap(), 0);
    assert_eq!(hash(), "");
    assert_eq!(again.text("h1"), zh(Key::WelcomeTitle, Voice::Family));
}

#[wasm_bindgen_test]
async fn withdrawing_consent_forgets_the_saved_answers() {
    forget_everything();
    let app = Mounted::with(Some(at(Screen::Summary, Voice::Family))).await;
    app.click(".keep input[type='checkbox']").await;
    assert!(storage().get_item("fuzhu.answers").unwrap().is_some());
    app.click(".keep input[type='checkbox']").await;
    assert_eq!(storage().length().unwrap(), 0);
}

#[wasm_bindgen_test]
async fn the_results_carry_a_qr_code_of_the_link() {
    forget_everything();
    let app = Mounted::with(Some(at(Screen::Results, Voice::Family))).await;
    let svg = app.element(".share svg.qr").expect("a QR code");
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(
        svg.get_attribute("aria-label"),
        Some(zh(Key::QrTitle, Voice::Family))
    );
    let d = app
        .element(".share svg.qr path")
        .unwrap()
        .get_attribute("d")
        .unwrap();
    let link = format!(
        "{}{}#{}",
        window().location().origin().unwrap(),
        window().location().pathname().unwrap(),
        share::encode(&couple())
    );
    assert_eq!(d, share::qr(&link).unwrap().d);
    assert_eq!(
        app.text(".share figcaption"),
        zh(Key::QrCaption, Voice::Family)
    );
    assert!(app.get(".handover").is_none());
}

#[wasm_bindgen_test]
async fn a_volunteer_hands_over_a_summary_and_the_qr_code() {
    forget_everything();
    let app = Mounted::with(Some(at(Screen::Results, Voice::Volunteer))).await;
    assert!(app.text("h1").contains("老人"));
    assert!(!app.text(".results").contains("他/她"));
    // The hand-over speaks to the family again, and printing is its main action.
    assert_eq!(app.text(".handover h2"), "交给老人或家属");
    assert!(app.has(".handover button.primary.print-button"));
    assert_eq!(app.count(".print-button"), 1);
    assert!(app.text(".handover .totals").contains("2860"));
    let items = app.count(".handover-items li");
    assert!(items >= 3, "{items}");
    assert!(app.get(".handover-places li").is_some());
    assert!(app.element(".handover svg.qr path").is_some());
}
