//! One view per kind of screen. Each takes the whole state and a dispatch callback, as
//! todomvc's components take props and callbacks. Only the question screen, which keeps a
//! draft answer in its own state, is a component; the others are plain functions, because
//! each component type costs the wasm its own copy of Yew's component machinery (see
//! docs/quality.md). Their root elements carry a key, so going from one screen to another
//! replaces the page's elements instead of patching one screen's into the next's.

#[cfg(feature = "office")]
mod household;
mod print;
mod question;
mod reach;
mod results;
mod session;
mod shared;
mod summary;
mod welcome;
mod widgets;

#[cfg(feature = "office")]
pub use household::household;
#[cfg(feature = "office")]
pub use print::sheet as print_sheet;
pub use question::QuestionScreen;
pub use results::results;
pub use session::{awaiting, preparing, saved_aside, still_there};
pub use summary::summary;
pub use welcome::welcome;

use yew::prelude::*;

use super::state::{Action, State};

#[derive(PartialEq, Clone)]
pub struct ScreenProps {
    pub state: State,
    pub dispatch: Callback<Action>,
}
