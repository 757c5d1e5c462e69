//! A decided register as bytes and back, for the office page's worker (`app::desk::worker`):
//! the worker reads and decides the file off the page's thread and posts the rows to the
//! page in chunks of these bytes, which the page turns back into the same `Checked` rows in a
//! few milliseconds per chunk. serde derives in postcard: compact (variable-length integers,
//! no field names) and private to one build, as both ends are the same wasm.
//!
//! The facts' own serde is the JSON contract (objects only, fields left out when empty), which
//! postcard cannot carry, so the facts and the rows travel as serde "remote" definitions: each
//! names every field of its type, so a field added to `Facts` or `Summary` fails to compile
//! here until it is carried. Decoding never panics: bytes that are cut short or wrong give
//! `None`, and the page then reads the file itself.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::columns::canonical_order;
use super::{Cell, Checked, FileError, Layout, Notice, Register, Summary};
use crate::rules::facts::{
    Area, CareSetting, Child, ChildStatus, Circumstances, DisabilityType, Marital, Parent,
    Residence, Role, Scheme, Schooling,
};
use crate::rules::{Facts, Status, Totals};

#[derive(Serialize, Deserialize)]
#[serde(remote = "Facts")]
struct FactsDef {
    as_of: Option<NaiveDate>,
    area: Option<Area>,
    residence: Residence,
    #[serde(with = "ChildDef")]
    child: Child,
    has_other_child: bool,
    #[serde(with = "parents")]
    parents: Vec<Parent>,
    #[serde(with = "CircumstancesDef")]
    circumstances: Circumstances,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Child")]
struct ChildDef {
    status: ChildStatus,
    disability_grade: Option<i64>,
    disability_types: Vec<DisabilityType>,
    birth_date: Option<NaiveDate>,
    schooling: Option<Schooling>,
    civil_capacity: Option<bool>,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Parent")]
struct ParentDef {
    role: Role,
    birth_date: NaiveDate,
    alive: bool,
    kaifeng_hukou: bool,
    self_care: Option<bool>,
    civil_capacity: bool,
    mobility_limited: bool,
    pension: Scheme,
    medical: Scheme,
    care_setting: Option<CareSetting>,
    hospital_days: i64,
    other_child: bool,
    marital: Marital,
    area: Option<Area>,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Circumstances")]
struct CircumstancesDef {
    low_income: bool,
    housing_difficulty: bool,
    dilapidated_house: bool,
    poverty_registered: bool,
    wants_another_child: bool,
    needs_ivf: bool,
    wants_to_adopt: bool,
    legal_dispute: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Cell")]
enum CellDef {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
    Formula(String),
    Error(String),
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Status")]
enum StatusDef {
    Eligible,
    Check,
    Future,
    NotEligible,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Totals")]
struct TotalsDef {
    monthly: Decimal,
    one_off: Decimal,
    annual: Decimal,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Summary")]
struct SummaryDef {
    as_of: NaiveDate,
    special_family: bool,
    covered: bool,
    #[serde(with = "TotalsDef")]
    totals: Totals,
    #[serde(with = "TotalsDef")]
    totals_to_confirm: Totals,
    #[serde(with = "items")]
    items: Vec<(Status, Option<NaiveDate>)>,
    first_stops: Vec<String>,
    reminders: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Checked")]
struct CheckedDef {
    line: usize,
    #[serde(with = "cells")]
    input: Vec<Cell>,
    #[serde(with = "some_facts")]
    facts: Option<Facts>,
    #[serde(with = "some_summary")]
    result: Option<Summary>,
    error: Option<String>,
}

/// A value of a remote type, to write (`By`) and to read (`Own`).
macro_rules! carried {
    ($by:ident, $own:ident, $t:ty, $def:literal) => {
        #[derive(Serialize)]
        struct $by<'a>(#[serde(with = $def)] &'a $t);
        #[derive(Deserialize)]
        struct $own(#[serde(with = $def)] $t);
    };
}

carried!(FactsBy, FactsOwn, Facts, "FactsDef");
carried!(ParentBy, ParentOwn, Parent, "ParentDef");
carried!(CellBy, CellOwn, Cell, "CellDef");
carried!(StatusBy, StatusOwn, Status, "StatusDef");
carried!(SummaryBy, SummaryOwn, Summary, "SummaryDef");
carried!(CheckedBy, CheckedOwn, Checked, "CheckedDef");

/// A list or an option of a remote type (serde's `with` for the field that holds it).
macro_rules! list_of {
    ($m:ident, $t:ty, $by:ident, $own:ident) => {
        mod $m {
            use super::*;
            pub fn serialize<S: Serializer>(v: &[$t], s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(v.iter().map($by))
            }
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<$t>, D::Error> {
                Ok(Vec::<$own>::deserialize(d)?
                    .into_iter()
                    .map(|x| x.0)
                    .collect())
            }
        }
    };
}

macro_rules! option_of {
    ($m:ident, $t:ty, $by:ident, $own:ident) => {
        mod $m {
            use super::*;
            pub fn serialize<S: Serializer>(v: &Option<$t>, s: S) -> Result<S::Ok, S::Error> {
                v.as_ref().map($by).serialize(s)
            }
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$t>, D::Error> {
                Ok(Option::<$own>::deserialize(d)?.map(|x| x.0))
            }
        }
    };
}

list_of!(parents, Parent, ParentBy, ParentOwn);
list_of!(cells, Cell, CellBy, CellOwn);
option_of!(some_facts, Facts, FactsBy, FactsOwn);
option_of!(some_summary, Summary, SummaryBy, SummaryOwn);

mod items {
    use super::*;
    pub fn serialize<S: Serializer>(
        v: &[(Status, Option<NaiveDate>)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|(st, d)| (StatusBy(st), d)))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(Status, Option<NaiveDate>)>, D::Error> {
        let v = Vec::<(StatusOwn, Option<NaiveDate>)>::deserialize(d)?;
        Ok(v.into_iter().map(|(st, d)| (st.0, d)).collect())
    }
}

/// Everything of a register but its rows; each column's field by its place in
/// `canonical_order` (from 1; 0: a column kept, not read).
#[derive(Serialize, Deserialize)]
struct Head {
    sheet: Option<String>,
    header_line: usize,
    headers: Vec<String>,
    fields: Vec<usize>,
    kept: Vec<usize>,
    notices: Vec<(String, String)>,
}

/// Bytes being written.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    fn put<T: Serialize>(&mut self, v: &T) {
        let bytes = std::mem::take(&mut self.bytes);
        // Writing to a Vec fails only where the value cannot be written at all (a sequence
        // of unknown length), which none of these is.
        self.bytes = postcard::to_extend(v, bytes).unwrap_or_default();
    }

    pub fn n(&mut self, v: usize) {
        self.put(&v);
    }

    pub fn cell(&mut self, c: &Cell) {
        self.put(&CellBy(c));
    }

    pub fn facts(&mut self, f: &Facts) {
        self.put(&FactsBy(f));
    }

    /// One decided row.
    pub fn row(&mut self, r: &Checked) {
        self.put(&CheckedBy(r));
    }

    /// Everything of a register but its rows.
    pub fn head(&mut self, reg: &Register) {
        let Register {
            sheet,
            header_line,
            headers,
            layout,
            kept,
            rows: _,
            notices,
        } = reg;
        let order = canonical_order();
        self.put(&Head {
            sheet: sheet.clone(),
            header_line: *header_line,
            headers: headers.clone(),
            fields: layout
                .fields
                .iter()
                .map(|f| {
                    f.and_then(|f| order.iter().position(|g| *g == f))
                        .map_or(0, |k| k + 1)
                })
                .collect(),
            kept: kept.clone(),
            notices: notices
                .iter()
                .map(|n| (n.zh.clone(), n.en.clone()))
                .collect(),
        });
    }

    pub fn file_error(&mut self, e: &FileError) {
        self.put(&(&e.zh, &e.en));
    }
}

/// Bytes being read.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    pub fn at_end(&self) -> bool {
        self.bytes.is_empty()
    }

    fn get<T: DeserializeOwned>(&mut self) -> Option<T> {
        let (v, rest) = postcard::take_from_bytes(self.bytes).ok()?;
        self.bytes = rest;
        Some(v)
    }

    pub fn n(&mut self) -> Option<usize> {
        self.get()
    }

    pub fn cell(&mut self) -> Option<Cell> {
        self.get().map(|c: CellOwn| c.0)
    }

    pub fn facts(&mut self) -> Option<Facts> {
        self.get().map(|f: FactsOwn| f.0)
    }

    /// One decided row, as [`Writer::row`] wrote it.
    pub fn row(&mut self) -> Option<Checked> {
        self.get().map(|r: CheckedOwn| r.0)
    }

    /// A register without rows, as [`Writer::head`] wrote it.
    pub fn head(&mut self) -> Option<Register> {
        let h: Head = self.get()?;
        let order = canonical_order();
        let fields = h
            .fields
            .iter()
            .map(|k| match k {
                0 => Some(None),
                k => order.get(k - 1).copied().map(Some),
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Register {
            sheet: h.sheet,
            header_line: h.header_line,
            headers: h.headers,
            layout: Layout::new(fields),
            kept: h.kept,
            rows: Vec::new(),
            notices: h
                .notices
                .into_iter()
                .map(|(zh, en)| Notice { zh, en })
                .collect(),
        })
    }

    pub fn file_error(&mut self) -> Option<FileError> {
        self.get().map(|(zh, en)| FileError { zh, en })
    }
}

/// Rows `rows` as one chunk: their count, then each row.
pub fn rows(rows: &[Checked]) -> Vec<u8> {
    let mut w = Writer::new();
    w.put(&RowsBy(rows));
    w.bytes
}

struct RowsBy<'a>(&'a [Checked]);

impl Serialize for RowsBy<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(CheckedBy))
    }
}

/// A chunk [`rows`] wrote.
pub fn read_rows(bytes: &[u8]) -> Option<Vec<Checked>> {
    let mut r = Reader::new(bytes);
    let rows: Vec<CheckedOwn> = r.get()?;
    r.at_end().then(|| rows.into_iter().map(|c| c.0).collect())
}

/// The register without its rows.
pub fn head(reg: &Register) -> Vec<u8> {
    let mut w = Writer::new();
    w.head(reg);
    w.bytes
}

/// What [`head`] wrote.
pub fn read_head(bytes: &[u8]) -> Option<Register> {
    let mut r = Reader::new(bytes);
    let reg = r.head()?;
    r.at_end().then_some(reg)
}
