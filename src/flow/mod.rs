//! The questionnaire, without the browser: what has been answered, which question still
//! matters, and how the answers become the engine's facts. Kept apart from the Yew components
//! so the flow is tested natively and no rule hides in a component: this module only decides
//! what to *ask*; the engine decides what the family *gets*.

pub mod answers;
pub mod calendar;
pub mod nav;
pub mod office;
pub mod policy_page;
pub mod present;
pub mod print;
pub mod questions;
pub mod read_aloud;
pub mod share;
pub mod text;

pub use answers::{
    AnswerValue, Answers, Birth, BirthOf, Health, HukouHolders, Living, ParentSlot, Question,
    MAX_HOSPITAL_DAYS,
};
pub use text::{Lang, Voice};
