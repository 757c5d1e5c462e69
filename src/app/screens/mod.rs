//! One component per kind of screen. Each takes the whole state (cheap to compare) and a
//! dispatch callback, as todomvc's components take props and callbacks.

mod print;
mod question;
mod reach;
mod results;
mod summary;
mod welcome;
mod widgets;

pub use question::QuestionScreen;
pub use results::Results;
pub use summary::Summary;
pub use welcome::Welcome;

use yew::prelude::*;

use super::state::{Action, State};

#[derive(Properties, PartialEq, Clone)]
pub struct ScreenProps {
    pub state: State,
    pub dispatch: Callback<Action>,
}
