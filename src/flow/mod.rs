//! The questionnaire, without the browser: what has been answered, which question still
//! matters, and how the answers become the engine's facts. Kept apart from the Yew components
//! so the flow is tested natively and no rule hides in a component: this module only decides
//! what to *ask*; the engine decides what the family *gets*.

pub mod answers;
pub mod nav;
pub mod questions;
pub mod text;
pub mod words;

pub use answers::{
    AnswerValue, Answers, Birth, BirthOf, Health, HukouHolders, Living, ParentSlot, Question,
    MAX_HOSPITAL_DAYS,
};
pub use text::{Lang, Voice};

/// Sorts one of the app's short lists (at most the 25 items) by `order`, keeping equal
/// elements in their order. Insertion, by hand: std's sort is kilobytes of wasm for each type
/// it sorts, which the first load would carry to order a handful of results.
pub fn sort_small<T>(list: &mut [T], mut order: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && order(&list[j - 1], &list[j]) == std::cmp::Ordering::Greater {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}
