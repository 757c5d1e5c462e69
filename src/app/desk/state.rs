//! The office page's one reducer, as the family page's: which register is open, the filter,
//! the search, the page of the table, the household shown. Nothing in it is ever stored.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use crate::flow::text::Lang;
use crate::register::view::{self, Filter};
use crate::register::{FileError, Notice, Register};

/// Rows per page of the table: a page renders at once, whatever the register's length.
pub const PAGE_ROWS: usize = 50;

/// A register read and decided, with its file's name and the day it was decided for.
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub name: String,
    pub today: NaiveDate,
    pub reg: Register,
    pub counts: [usize; view::FILTERS],
}

impl Loaded {
    /// With its filters' counts worked out here (a register the page read or decided itself).
    pub fn new(name: String, today: NaiveDate, reg: Register) -> Loaded {
        let counts = view::counts(&reg);
        Loaded::counted(name, today, reg, counts)
    }

    /// With the counts the worker worked out (`worker::Counts`).
    pub fn counted(
        name: String,
        today: NaiveDate,
        reg: Register,
        counts: [usize; view::FILTERS],
    ) -> Loaded {
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
    /// A file being read: its name, and once the worker says, households read and rows in all.
    Reading(String, Option<(usize, usize)>),
    Failed(String, FileError),
    /// The file's columns, to match before it is decided (`matching::Step`).
    Matching(Rc<super::matching::Asked>),
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
    /// Printing the listed households' sheets: asking first, preparing them, printing.
    pub printing: Option<Printing>,
    /// What the last export could not write as it was (cut cells, columns left out), or why
    /// it failed: said on the page in words.
    pub export: Vec<Notice>,
    /// The 统计 and 与上次比较 views and the day ahead (`desk::county`).
    pub county: super::county::County,
}

/// Sheets of this many households or more are printed only once confirmed.
pub const PRINT_ASK_FROM: usize = 100;
/// Sheets drawn in the first frame while they are prepared for printing; each next frame
/// draws as many as fit in about [`PRINT_TASK_MS`], judged by how long the last one took, at
/// most four times as many as the last and at most [`PRINT_CHUNK_MAX`].
pub const PRINT_CHUNK: usize = 10;
pub const PRINT_CHUNK_MAX: usize = 100;
/// How long one frame's drawing of sheets may take, in milliseconds.
pub const PRINT_TASK_MS: f64 = 50.0;

/// 打印所列家庭的告知单: the households whose sheets print (as listed when it was clicked), and
/// whether the office has still to confirm. The sheets are then drawn by `desk::PrintAll`.
#[derive(Debug, Clone, PartialEq)]
pub struct Printing {
    pub rows: Rc<Vec<usize>>,
    pub asking: bool,
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
            printing: None,
            export: Vec::new(),
            county: Default::default(),
        }
    }
}

pub enum DeskAction {
    SetLang(Lang),
    Reading(String),
    /// The worker's progress on the file being read: households read, data rows in all.
    Progress(String, usize, usize),
    Loaded(Rc<Loaded>),
    Failed(String, FileError),
    /// The file being read stops at the matching step.
    Ask(Rc<super::matching::Asked>),
    Filter(Filter),
    Query(String),
    Page(usize),
    Open(usize),
    Close,
    /// 打印所列家庭的告知单 clicked, with the households whose sheets print.
    PrintAll(Rc<Vec<usize>>),
    /// The office confirmed printing many sheets.
    PrintConfirm,
    /// Printed, or cancelled.
    PrintEnd,
    /// An export was written, with what it could not hold, or failed and why.
    Exported(Vec<Notice>),
    /// 清除: the register and every result forgotten.
    Clear,
    /// The same after 30 minutes without use.
    Wipe,
    /// The county's views (`desk::county`).
    County(super::county::CountyAction),
}

impl DeskState {
    /// The rows the table lists now.
    pub fn listed(&self) -> Vec<usize> {
        match &self.loaded {
            Some(l) => view::select(&l.reg, self.filter, &self.query),
            None => Vec::new(),
        }
    }

    /// Whether the file `name` is being read now.
    fn reading(&self, name: &str) -> bool {
        matches!(&self.status, Status::Reading(n, _) if n == name)
    }

    pub fn reduce(&self, action: DeskAction) -> DeskState {
        let mut next = self.clone();
        match action {
            DeskAction::SetLang(l) => next.lang = l,
            DeskAction::Reading(name) => {
                next = DeskState {
                    lang: self.lang,
                    status: Status::Reading(name, None),
                    ..DeskState::default()
                };
            }
            // What comes of a file no longer being read (清除 meanwhile, or another file
            // chosen) is dropped.
            DeskAction::Progress(name, ..) | DeskAction::Failed(name, _)
                if !self.reading(&name) =>
            {
                return next;
            }
            DeskAction::Loaded(l) if !self.reading(&l.name) => return next,
            DeskAction::Ask(a) if !self.reading(&a.name) => return next,
            DeskAction::Ask(a) => {
                next = DeskState {
                    lang: self.lang,
                    status: Status::Matching(a),
                    ..DeskState::default()
                };
            }
            DeskAction::Progress(name, n, total) => {
                next.status = Status::Reading(name, Some((n, total)));
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
            DeskAction::PrintAll(rows) => {
                next.printing = Some(Printing {
                    asking: rows.len() >= PRINT_ASK_FROM,
                    rows,
                })
            }
            DeskAction::PrintConfirm => {
                if let Some(p) = &mut next.printing {
                    p.asking = false;
                }
            }
            DeskAction::PrintEnd => next.printing = None,
            DeskAction::Exported(notices) => next.export = notices,
            DeskAction::County(a) => next = super::county::reduce(self, a),
            DeskAction::Clear | DeskAction::Wipe => {
                // Nothing to wipe: an idle page stays as it is.
                if matches!(action, DeskAction::Wipe)
                    && self.loaded.is_none()
                    && !matches!(
                        self.status,
                        Status::Failed(..) | Status::Reading(..) | Status::Matching(..)
                    )
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
