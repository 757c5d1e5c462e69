//! A shared device and links that meet saved answers, natively: what 下一位 and the idle
//! timeout leave, how answers saved earlier are set aside by a link and never written over
//! until the person chooses, and which links wait for a newer release. The browser side
//! (storage, fragment, timers) is tested in tests/web_reach.rs and e2e/session.test.mjs.

mod common;

use common::{bereaved_couple, day};

use fuzhu::flow::nav::{Action, Screen, State};
use fuzhu::flow::text::{Lang, Voice};
use fuzhu::flow::{AnswerValue, Answers};
use fuzhu::rules::ChildStatus;
use fuzhu::share::{self, VERSION};

fn today() -> chrono::NaiveDate {
    day(2026, 11, 29)
}

/// A volunteer halfway through a family, in English, large text, saving.
fn volunteer_mid_session() -> State {
    let s = State::new(today())
        .reduce(Action::SetVoice(Voice::Volunteer))
        .reduce(Action::SetLang(Lang::En))
        .reduce(Action::SetLargeText(true))
        .reduce(Action::Start)
        .reduce(Action::Answer(AnswerValue::Child(ChildStatus::Deceased)))
        .reduce(Action::SetSaving(true));
    assert!(s.in_session());
    s
}

/// The state `persist::boot` makes when a link brings `shown` and `saved` was on the device.
fn link_over(saved: Answers, shown: Answers) -> State {
    let mut s = State::new(today());
    s.aside = Some(saved);
    s.reduce(Action::Restore(shown))
}

#[test]
fn next_person_forgets_the_family_and_returns_to_the_welcome_screen_for_a_volunteer() {
    let next = volunteer_mid_session().reduce(Action::NextFamily);
    assert_eq!(next.answers, Answers::default());
    assert_eq!(next.screen, Screen::Welcome);
    assert_eq!(next.voice, Voice::Volunteer);
    assert!(!next.saving, "the family's consent ends with their session");
    assert!(!next.in_session());
    assert!(next.may_store(), "so the app removes what was stored");
    // The volunteer's own settings stay.
    assert_eq!(next.lang, Lang::En);
    assert!(next.large_text);
    // Even answers set aside by a link are forgotten: 下一位 ends everything.
    let mut aside = volunteer_mid_session();
    aside.aside = Some(bereaved_couple());
    let next = aside.reduce(Action::NextFamily);
    assert_eq!(next.aside, None);
}

#[test]
fn the_idle_timeout_forgets_the_answers_in_the_same_voice_but_keeps_what_was_saved_with_consent() {
    let mut family = State::new(today()).reduce(Action::Restore(bereaved_couple()));
    family.screen = Screen::Results;
    let wiped = family.reduce(Action::Timeout);
    assert_eq!(wiped.answers, Answers::default());
    assert_eq!(wiped.screen, Screen::Welcome);
    assert_eq!(wiped.voice, Voice::Family);
    assert!(!wiped.in_session());

    let mut shown = Answers::default();
    shown.apply(AnswerValue::Child(ChildStatus::Deceased));
    let over = link_over(bereaved_couple(), shown);
    let wiped = over.reduce(Action::Timeout);
    assert_eq!(wiped.answers, Answers::default());
    assert_eq!(wiped.aside, Some(bereaved_couple()));
    assert!(!wiped.may_store());
}

#[test]
fn a_link_over_saved_answers_writes_nothing_until_the_person_chooses() {
    let mut shown = Answers::default();
    shown.apply(AnswerValue::Child(ChildStatus::Deceased));
    let s = link_over(bereaved_couple(), shown.clone());
    assert_eq!(s.answers, shown, "the link's answers are shown");
    assert!(!s.may_store());
    assert!(s.offers_aside());
    // Answering more still writes nothing.
    let s = s.reduce(Action::Answer(AnswerValue::OtherChild(false)));
    assert!(!s.may_store());

    // Open the saved ones: they are shown and saved again.
    let opened = s.reduce(Action::OpenSaved);
    assert_eq!(opened.answers, bereaved_couple());
    assert!(opened.saving && opened.may_store() && !opened.offers_aside());
    assert_eq!(opened.screen, Screen::Summary);

    // Replace them: the link's answers are saved.
    let replaced = s.reduce(Action::ReplaceSaved);
    assert_eq!(replaced.answers, s.answers);
    assert!(replaced.saving && replaced.may_store());

    // Keep them: the choice is made, and still nothing is written.
    let kept = s.reduce(Action::KeepSaved);
    assert!(!kept.offers_aside());
    assert!(!kept.may_store());
    assert_eq!(kept.aside, Some(bereaved_couple()));
    // Ticking 保存 afterwards is a choice to save these instead.
    let ticked = kept.reduce(Action::SetSaving(true));
    assert!(ticked.saving && ticked.may_store() && ticked.aside.is_none());
    // Starting again keeps them aside.
    assert_eq!(kept.reduce(Action::Restart).aside, Some(bereaved_couple()));
    // 清除全部 forgets them too.
    assert_eq!(kept.reduce(Action::ClearAll).aside, None);
}

#[test]
fn a_damaged_link_over_saved_answers_offers_to_open_them() {
    let mut s = State::new(today());
    s.aside = Some(bereaved_couple());
    assert!(s.offers_aside() && !s.may_store());
    assert_eq!(s.answers, Answers::default());
    assert_eq!(s.reduce(Action::OpenSaved).answers, bereaved_couple());
}

#[test]
fn waiting_for_a_newer_release_writes_nothing_and_giving_up_starts_afresh() {
    let mut s = State::new(today());
    s.saving = true;
    s.awaiting_release = true;
    assert!(!s.may_store());
    assert!(!s.offers_aside());
    let fresh = s.reduce(Action::StopAwaiting);
    assert!(!fresh.awaiting_release);
    assert_eq!(fresh.screen, Screen::Welcome);
}

#[test]
fn only_a_link_of_a_higher_format_number_waits_for_a_newer_release() {
    let ours: u32 = VERSION.parse().unwrap();
    let code = share::encode(&bereaved_couple());
    assert!(!share::is_newer(&code));
    assert!(!share::is_newer(&format!("#{code}")));
    let newer = format!("v{}.AAAA", ours + 1);
    assert!(share::is_newer(&newer));
    assert!(share::is_newer(&format!("#v{}.whatever", ours + 40)));
    assert!(share::is_newer("v999999.x"));
    for not in [
        "",
        "#",
        "v0.AAAA",
        "v1.AAAA",
        "v.AAAA",
        "vx.AAAA",
        "v9999999.AAAA",
        "v+9.AAAA",
        "9.AAAA",
        "v9",
        "hello",
    ] {
        assert!(!share::is_newer(not), "{not}");
    }
}
