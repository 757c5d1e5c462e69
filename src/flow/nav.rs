//! Moving through the questionnaire: forward, back, editing from the summary. The app's
//! reducer is a thin wrapper over [`State::reduce`], so every transition is tested natively.

use chrono::NaiveDate;

use super::answers::{AnswerValue, Answers, Question};
use super::text::{Lang, Voice};
use crate::rules::BenefitId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Ask(Question),
    Summary,
    Results,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Start,
    Answer(AnswerValue),
    Back,
    /// Change one answer from the summary; afterwards the flow returns to the summary.
    Edit(Question),
    ShowResults,
    Restart,
    SetLang(Lang),
    SetVoice(Voice),
    /// Answers from a link or from this device: to the summary when they are complete, to
    /// the first open question when not, to the welcome screen when there are none.
    Restore(Answers),
    /// Forget the answers and who is filling in, stop saving; keep the language and text size.
    ClearAll,
    SetLargeText(bool),
    /// Whether the person agreed to keep the answers on this device. Either way it ends any
    /// setting aside: ticking saves the answers shown (replacing the saved ones).
    SetSaving(bool),
    /// A volunteer's 下一位: this family's session ends. Answers, consent and whatever was
    /// set aside are forgotten (the app removes what is stored and the fragment); the welcome
    /// screen, in the volunteer's voice, language and text size.
    NextFamily,
    /// Twenty-one minutes without a touch and no consent to save: as [`Action::NextFamily`],
    /// in whichever voice, except that answers saved earlier with consent and set aside by a
    /// link stay on the device, still aside.
    Timeout,
    /// Show the answers that were set aside and save again (they are the saved ones).
    OpenSaved,
    /// Save the answers shown in place of those set aside.
    ReplaceSaved,
    /// Leave the saved answers as they are and do not save the ones shown; the choice is made.
    KeepSaved,
    /// Stop waiting for the newer release a link needs: a fresh start (the link is dropped).
    StopAwaiting,
    /// 已经在享受 on an item of the results (`true`), or the mark taken off. The rules never
    /// see it; the item moves to the list of what the family already gets.
    MarkReceived(BenefitId, bool),
}

/// Everything the app holds: the answers and where the person is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub answers: Answers,
    pub screen: Screen,
    pub lang: Lang,
    pub voice: Voice,
    /// Set while changing an answer from the summary.
    pub editing: bool,
    pub today: NaiveDate,
    /// Large-text mode, for older eyes.
    pub large_text: bool,
    /// The person agreed to keep the answers (and large text) on this device.
    pub saving: bool,
    /// Answers saved on this device earlier, set aside because a link brought others (or
    /// could not be read): while set, nothing is written to or removed from the device.
    pub aside: Option<Answers>,
    /// The person chose to keep the set-aside answers (and not save the ones shown).
    pub aside_kept: bool,
    /// A link of a newer share format is waiting for the newer release: nothing is written,
    /// the fragment is left as it is.
    pub awaiting_release: bool,
}

impl State {
    pub fn new(today: NaiveDate) -> Self {
        State {
            answers: Answers::default(),
            screen: Screen::Welcome,
            lang: Lang::Zh,
            voice: Voice::Family,
            editing: false,
            today,
            large_text: false,
            saving: false,
            aside: None,
            aside_kept: false,
            awaiting_release: false,
        }
    }

    /// Whether the app may write the answers to (or remove them from) this device now: not
    /// while saved answers are set aside, nor while a newer release is awaited.
    pub fn may_store(&self) -> bool {
        self.aside.is_none() && !self.awaiting_release
    }

    /// Whether the set-aside answers' choice is still to be offered.
    pub fn offers_aside(&self) -> bool {
        self.aside.is_some() && !self.aside_kept && !self.awaiting_release
    }

    /// Whether a session is under way that 下一位 or the idle timer would end.
    pub fn in_session(&self) -> bool {
        self.answers != Answers::default() || self.screen != Screen::Welcome
    }

    /// The questions that matter now.
    pub fn questions(&self) -> Vec<Question> {
        self.answers.questions(self.today)
    }

    /// How many questions are behind (answered on the way here) and the most still to come,
    /// this one included ([`Answers::most_left`]): 还剩N题 can only fall.
    pub fn progress(&self) -> Option<(usize, usize)> {
        let Screen::Ask(q) = self.screen else {
            return None;
        };
        let done = self
            .questions()
            .iter()
            .filter(|x| (**x as u8) < q as u8)
            .count();
        Some((done, self.answers.most_left(q, self.today)))
    }

    pub fn reduce(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Start => {
                next.editing = false;
                next.screen = match next.answers.first_unanswered(next.today) {
                    Some(q) => Screen::Ask(q),
                    None => Screen::Summary,
                };
            }
            Action::Answer(value) => {
                let q = value.question();
                next.answers.apply(value);
                let qs = next.questions();
                next.screen = if next.editing {
                    match next.answers.first_unanswered(next.today) {
                        Some(u) => Screen::Ask(u),
                        None => {
                            next.editing = false;
                            Screen::Summary
                        }
                    }
                } else {
                    match qs.iter().position(|x| *x == q).and_then(|i| qs.get(i + 1)) {
                        Some(n) => Screen::Ask(*n),
                        None => match next.answers.first_unanswered(next.today) {
                            Some(u) => Screen::Ask(u),
                            None => Screen::Summary,
                        },
                    }
                };
            }
            Action::Back => {
                next.screen = match self.screen {
                    Screen::Welcome => Screen::Welcome,
                    Screen::Ask(q) if self.editing => {
                        next.editing = false;
                        let _ = q;
                        Screen::Summary
                    }
                    Screen::Ask(q) => {
                        let qs = self.questions();
                        match qs.iter().position(|x| *x == q) {
                            Some(0) | None => Screen::Welcome,
                            Some(i) => Screen::Ask(qs[i - 1]),
                        }
                    }
                    Screen::Summary => match self.questions().last() {
                        Some(q) => Screen::Ask(*q),
                        None => Screen::Welcome,
                    },
                    Screen::Results => Screen::Summary,
                };
            }
            Action::Edit(q) => {
                next.editing = true;
                next.screen = Screen::Ask(q);
            }
            Action::ShowResults => {
                next.editing = false;
                next.screen = match next.answers.first_unanswered(next.today) {
                    Some(q) => Screen::Ask(q),
                    None => Screen::Results,
                };
            }
            Action::Restart => {
                next = State {
                    lang: self.lang,
                    voice: self.voice,
                    large_text: self.large_text,
                    saving: self.saving,
                    aside: self.aside.clone(),
                    aside_kept: self.aside_kept,
                    ..State::new(self.today)
                };
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetVoice(voice) => next.voice = voice,
            Action::Restore(answers) => {
                next.answers = answers;
                next.editing = false;
                next.screen = if next.answers == Answers::default() {
                    Screen::Welcome
                } else {
                    match next.answers.first_unanswered(next.today) {
                        Some(q) => Screen::Ask(q),
                        None => Screen::Summary,
                    }
                };
            }
            Action::ClearAll => {
                next = State {
                    lang: self.lang,
                    large_text: self.large_text,
                    ..State::new(self.today)
                };
            }
            Action::SetLargeText(on) => next.large_text = on,
            Action::SetSaving(on) => {
                next.saving = on;
                next.aside = None;
                next.aside_kept = false;
            }
            Action::NextFamily => {
                next = State {
                    lang: self.lang,
                    voice: Voice::Volunteer,
                    large_text: self.large_text,
                    ..State::new(self.today)
                };
            }
            Action::Timeout => {
                next = State {
                    lang: self.lang,
                    voice: self.voice,
                    large_text: self.large_text,
                    aside: self.aside.clone(),
                    aside_kept: self.aside_kept,
                    ..State::new(self.today)
                };
            }
            Action::OpenSaved => {
                if let Some(saved) = self.aside.clone() {
                    next = next.reduce(Action::Restore(saved));
                    next.saving = true;
                    next.aside = None;
                    next.aside_kept = false;
                }
            }
            Action::ReplaceSaved => {
                next.saving = true;
                next.aside = None;
                next.aside_kept = false;
            }
            Action::KeepSaved => next.aside_kept = next.aside.is_some(),
            Action::MarkReceived(id, on) => next.answers.mark_received(id, on),
            Action::StopAwaiting => {
                next.awaiting_release = false;
                next.answers = Answers::default();
                next.screen = Screen::Welcome;
            }
        }
        next
    }
}
