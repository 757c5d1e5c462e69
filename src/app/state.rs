//! The one reducer, as in Yew's todomvc: the pure [`State`] from `flow::nav`, made
//! `Reducible` so components dispatch actions and never hold answers of their own.

use std::rc::Rc;

use yew::Reducible;

pub use crate::flow::nav::{Action, Screen, State};

/// `State` behind the `Reducible` trait.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState(pub State);

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(AppState(self.0.reduce(action)))
    }
}
