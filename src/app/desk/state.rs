//! The office page's one reducer, as the family page's: which register is open, the filter,
//! the search, the page of the table, the household shown. Nothing in it is ever stored.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use crate::flow::text::Lang;
use crate::register::view::{self, Filter};
use crate::register::{FileError, Register};

/// Rows per page of the table: a page renders at once, whatever the register's length.
pub const PAGE_ROWS: usize = 50;

/// A register read and decided, with its file's name and the day it was decided for.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub name: String,
    pub today: NaiveDate,
    pub reg: Register,
    pub counts: [usize; 7],
}

impl Loaded {
    pub fn new(name: String, today: NaiveDate, reg: Register) -> Loaded {
        let counts = view::counts(&reg);
        Loaded {
            name,
            today,
            reg,
            counts,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Idle,
    Reading(String),
    Failed(String, FileError),
    Cleared,
    Wiped,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeskState {
    pub lang: Lang,
    pub loaded: Option<Rc<Loaded>>,
    pub status: Status,
    pub filter: Filter,
    pub query: String,
    /// The table's page, from 0.
    pub page: usize,
    /// The row (index into the register's rows) whose results are shown.
    pub open: Option<usize>,
    /// Printing every listed household's sheet.
    pub print_all: bool,
}

impl Default for DeskState {
    fn default() -> Self {
        DeskState {
            lang: Lang::Zh,
            loaded: None,
            status: Status::Idle,
            filter: Filter::All,
            query: String::new(),
            page: 0,
            open: None,
            print_all: false,
        }
    }
}

pub enum DeskAction {
    SetLang(Lang),
    Reading(String),
    Loaded(Rc<Loaded>),
    Failed(String, FileError),
    Filter(Filter),
    Query(String),
    Page(usize),
    Open(usize),
    Close,
    PrintAll(bool),
    /// 清除: the register and every result forgotten.
    Clear,
    /// The same after 30 minutes without use.
    Wipe,
}

impl DeskState {
    /// The rows the table lists now.
    pub fn listed(&self) -> Vec<usize> {
        match &self.loaded {
            Some(l) => view::select(&l.reg, self.filter, &self.query),
            None => Vec::new(),
        }
    }

    pub fn reduce(&self, action: DeskAction) -> DeskState {
        let mut next = self.clone();
        match action {
            DeskAction::SetLang(l) => next.lang = l,
            DeskAction::Reading(name) => {
                next = DeskState {
                    lang: self.lang,
                    status: Status::Reading(name),
                    ..DeskState::default()
                };
            }
            DeskAction::Loaded(l) => {
                next = DeskState {
                    lang: self.lang,
                    loaded: Some(l),
                    ..DeskState::default()
                };
            }
            DeskAction::Failed(name, e) => {
                next = DeskState {
                    lang: self.lang,
                    status: Status::Failed(name, e),
                    ..DeskState::default()
                };
            }
            DeskAction::Filter(f) => {
                next.filter = f;
                next.page = 0;
            }
            DeskAction::Query(q) => {
                next.query = q;
                next.page = 0;
            }
            DeskAction::Page(p) => next.page = p,
            DeskAction::Open(i) => next.open = Some(i),
            DeskAction::Close => next.open = None,
            DeskAction::PrintAll(on) => next.print_all = on,
            DeskAction::Clear | DeskAction::Wipe => {
                // Nothing to wipe: an idle page stays as it is.
                if matches!(action, DeskAction::Wipe)
                    && self.loaded.is_none()
                    && !matches!(self.status, Status::Failed(..))
                {
                    return next;
                }
                next = DeskState {
                    lang: self.lang,
                    status: if matches!(action, DeskAction::Wipe) {
                        Status::Wiped
                    } else {
                        Status::Cleared
                    },
                    ..DeskState::default()
                };
            }
        }
        next
    }
}

/// `DeskState` behind the `Reducible` trait.
#[derive(Debug, Clone, PartialEq)]
pub struct Desk(pub DeskState);

impl Reducible for Desk {
    type Action = DeskAction;

    fn reduce(self: Rc<Self>, action: DeskAction) -> Rc<Self> {
        Rc::new(Desk(self.0.reduce(action)))
    }
}
