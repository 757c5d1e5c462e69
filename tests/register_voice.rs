//! The office page shows a household from its register in the register's voice
//! (`Voice::Register`): the facts came from the register, and the parents may be 49, so no
//! text outside the questions says 您 or 老人, and what the results rest on is 台账.
#![cfg(not(target_arch = "wasm32"))]

use fuzhu::flow::text::{Key, Lang, Voice};

#[test]
fn no_text_in_the_register_voice_calls_the_family_you_or_elders() {
    for k in Key::ALL.iter().filter(|k| !k.asks()) {
        let zh = k.text(Lang::Zh, Voice::Register);
        assert!(!zh.contains('您') && !zh.contains("老人"), "{k:?}: {zh}");
        let en = k.text(Lang::En, Voice::Register);
        assert!(!en.contains("{you") && !en.contains("{your"), "{k:?}: {en}");
    }
}

#[test]
fn the_results_say_they_rest_on_the_register_not_on_answers() {
    let zh = Key::Disclaimer.text(Lang::Zh, Voice::Register);
    assert!(zh.contains("根据台账"), "{zh}");
    assert!(Key::NotSpecialBody
        .text(Lang::Zh, Voice::Register)
        .starts_with("根据台账"));
    let en = Key::Disclaimer.text(Lang::En, Voice::Register);
    assert!(en.contains("from the register"), "{en}");
    // The family's and the volunteer's voices are as they were.
    assert!(Key::Disclaimer
        .text(Lang::Zh, Voice::Family)
        .contains("根据您的回答"));
    assert!(Key::Disclaimer
        .text(Lang::Zh, Voice::Volunteer)
        .contains("根据老人的回答"));
}
