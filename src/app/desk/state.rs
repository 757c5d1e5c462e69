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
    pub county: County,
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
    County(CountyAction),
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
            DeskAction::County(a) => next = reduce(self, a),
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

// The county's views' part of the state (`desk::county` draws them), reduced here with
// the rest, so the reducer imports no view.

/// Which view of the open register is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The table, household by household (the page as before).
    #[default]
    Table,
    Stats,
    Compare,
}

/// The register decided for a day ahead: the day, the register as read (for the real day),
/// and the families whose answers change by then.
#[derive(Debug)]
pub struct Ahead {
    pub date: NaiveDate,
    pub base: Rc<Loaded>,
    /// The register decided for the day: what the table, the filters and the 统计 show.
    pub after: Rc<Loaded>,
    pub changes: Vec<crate::register::changes::Change>,
}

/// An earlier export compared with the register on the page.
#[derive(Debug)]
pub struct Compared {
    /// The earlier export's file name.
    pub name: String,
    /// The register it was compared with (a new file or a new day compares again).
    pub with: Rc<Loaded>,
    pub list: Vec<crate::register::compare::Diff>,
}

#[derive(Debug, Clone, Default)]
pub struct County {
    pub view: View,
    pub ahead: Option<Rc<Ahead>>,
    pub compared: Option<Rc<Compared>>,
    /// Why the earlier export could not be compared.
    pub compare_error: Option<(String, String)>,
    /// An earlier export being compared: rows done, rows in all (0 until the worker says).
    pub comparing: Option<(usize, usize)>,
}

/// The same views of the same results: compared by address (a deep comparison of 100,000
/// families' changes on every render would cost what the views save, and bytes).
impl PartialEq for County {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
        }
        self.view == other.view
            && same(&self.ahead, &other.ahead)
            && same(&self.compared, &other.compared)
            && self.compare_error == other.compare_error
            && self.comparing == other.comparing
    }
}

pub enum CountyAction {
    Show(View),
    /// The register decided for a day ahead (`ahead.base` must be the register on the page).
    AsOf(Rc<Ahead>),
    /// Back to the register as read.
    AsOfEnd,
    /// Comparing with an earlier export: rows done, rows in all.
    Comparing(usize, usize),
    Compared(Rc<Compared>),
    CompareFailed(String, String),
}

/// The register as read, before any day ahead.
pub fn base(s: &DeskState) -> Option<Rc<Loaded>> {
    match &s.county.ahead {
        Some(a) => Some(a.base.clone()),
        None => s.loaded.clone(),
    }
}

/// The page's state after `a`.
pub fn reduce(s: &DeskState, a: CountyAction) -> DeskState {
    let mut next = s.clone();
    match a {
        CountyAction::Show(v) => {
            next.county.view = v;
            next.open = None;
        }
        CountyAction::AsOf(ahead) => {
            // Worked out for a register no longer on the page: dropped.
            if !base(s).is_some_and(|b| Rc::ptr_eq(&b, &ahead.base)) {
                return next;
            }
            next.loaded = Some(ahead.after.clone());
            next.county.ahead = Some(ahead);
            next.county.compared = None;
            next.page = 0;
            next.open = None;
        }
        CountyAction::AsOfEnd => {
            if let Some(a) = next.county.ahead.take() {
                next.loaded = Some(a.base.clone());
                next.county.compared = None;
                next.page = 0;
                next.open = None;
            }
        }
        CountyAction::Comparing(n, total) => next.county.comparing = Some((n, total)),
        CountyAction::Compared(c) => {
            next.county.comparing = None;
            if s.loaded.as_ref().is_some_and(|l| Rc::ptr_eq(l, &c.with)) {
                next.county.compared = Some(c);
                next.county.compare_error = None;
            }
        }
        CountyAction::CompareFailed(zh, en) => {
            next.county.comparing = None;
            next.county.compared = None;
            next.county.compare_error = Some((zh, en));
        }
    }
    next
}
