//! A decided register as bytes and back, for the office page's worker (`app::desk::worker`):
//! the worker reads and decides the file off the page's thread and posts the rows to the
//! page in chunks of these bytes, which the page turns back into the same `Checked` rows in a
//! few milliseconds per chunk; and the county's view's answers (the 统计, the families that
//! change by a day ahead, 与上次比较's list), worked out by the worker that holds the register.
//! Compact (variable-length integers, no field names) and private to one build: both ends
//! are the same wasm, so there is no version to keep.
//!
//! Decoding never panics: bytes that are cut short or wrong give `None`, and the page then
//! reads the file itself. Every struct is taken apart with a pattern that names every field,
//! so a field added to `Facts` or `Summary` fails to compile here until it is carried.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::changes::{Change, ItemChange};
use super::columns::{canonical_order, Field};
use super::compare::Diff;
use super::stats::{ItemRow, Money, Month, Stats, TypeRow, TYPES};
use super::{Cell, Checked, FileError, Layout, Notice, Register, Summary};
use crate::rules::facts::{
    Area, CareSetting, Child, ChildStatus, Circumstances, DisabilityType, Marital, Parent,
    Residence, Role, Scheme, Schooling,
};
use crate::rules::{Facts, Status, Totals, BENEFITS};

/// The kinds of a [`Diff`], by their place.
const DIFF_KINDS: [&str; 3] = ["新增", "减少", "变化"];

/// An item's (or a table line's) place among `all`, for the `&'static str` a struct names it by.
fn place(mut all: impl Iterator<Item = &'static str>, name: &str) -> usize {
    all.position(|x| x == name).unwrap_or(0)
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

    fn u(&mut self, mut v: u128) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(b);
                return;
            }
            self.bytes.push(b | 0x80);
        }
    }

    pub fn n(&mut self, v: usize) {
        self.u(v as u128);
    }

    fn i(&mut self, v: i128) {
        self.u(((v << 1) ^ (v >> 127)) as u128);
    }

    fn b(&mut self, v: bool) {
        self.bytes.push(v as u8);
    }

    fn tag(&mut self, t: u8) {
        self.bytes.push(t);
    }

    fn s(&mut self, v: &str) {
        self.n(v.len());
        self.bytes.extend_from_slice(v.as_bytes());
    }

    fn date(&mut self, d: NaiveDate) {
        self.i(i128::from(d.num_days_from_ce()));
    }

    fn opt<T>(&mut self, v: &Option<T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            None => self.tag(0),
            Some(x) => {
                self.tag(1);
                f(self, x);
            }
        }
    }

    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.n(v.len());
        for x in v {
            f(self, x);
        }
    }

    fn decimal(&mut self, d: Decimal) {
        self.i(d.mantissa());
        self.n(d.scale() as usize);
    }

    fn totals(&mut self, t: &Totals) {
        let Totals {
            monthly,
            one_off,
            annual,
        } = t;
        for d in [monthly, one_off, annual] {
            self.decimal(*d);
        }
    }

    pub fn cell(&mut self, c: &Cell) {
        match c {
            Cell::Empty => self.tag(0),
            Cell::Text(s) => {
                self.tag(1);
                self.s(s);
            }
            Cell::Number(x) => {
                self.tag(2);
                self.bytes.extend_from_slice(&x.to_le_bytes());
            }
            Cell::Bool(b) => {
                self.tag(3);
                self.b(*b);
            }
            Cell::Date(d) => {
                self.tag(4);
                self.date(*d);
            }
            Cell::Formula(s) => {
                self.tag(5);
                self.s(s);
            }
            Cell::Error(s) => {
                self.tag(6);
                self.s(s);
            }
        }
    }

    pub fn facts(&mut self, f: &Facts) {
        let Facts {
            as_of,
            area,
            residence,
            child,
            has_other_child,
            parents,
            circumstances,
        } = f;
        self.opt(as_of, |w, d| w.date(*d));
        self.opt(area, |w, a| w.tag(area_tag(*a)));
        self.tag(residence_tag(*residence));
        let Child {
            status,
            disability_grade,
            disability_types,
            birth_date,
            schooling,
            civil_capacity,
        } = child;
        self.tag(child_tag(*status));
        self.opt(disability_grade, |w, g| w.i(i128::from(*g)));
        self.list(disability_types, |w, t| w.tag(disability_tag(*t)));
        self.opt(birth_date, |w, d| w.date(*d));
        self.opt(schooling, |w, s| w.tag(schooling_tag(*s)));
        self.opt(civil_capacity, |w, b| w.b(*b));
        self.b(*has_other_child);
        self.list(parents, |w, p| w.parent(p));
        let Circumstances {
            low_income,
            housing_difficulty,
            dilapidated_house,
            poverty_registered,
            wants_another_child,
            needs_ivf,
            wants_to_adopt,
            legal_dispute,
        } = circumstances;
        for b in [
            low_income,
            housing_difficulty,
            dilapidated_house,
            poverty_registered,
            wants_another_child,
            needs_ivf,
            wants_to_adopt,
            legal_dispute,
        ] {
            self.b(*b);
        }
    }

    fn parent(&mut self, p: &Parent) {
        let Parent {
            role,
            birth_date,
            alive,
            kaifeng_hukou,
            self_care,
            civil_capacity,
            mobility_limited,
            pension,
            medical,
            care_setting,
            hospital_days,
            other_child,
            marital,
            area,
        } = p;
        self.tag(role_tag(*role));
        self.date(*birth_date);
        for b in [alive, kaifeng_hukou, civil_capacity, mobility_limited] {
            self.b(*b);
        }
        self.opt(self_care, |w, b| w.b(*b));
        self.tag(scheme_tag(*pension));
        self.tag(scheme_tag(*medical));
        self.opt(care_setting, |w, c| w.tag(care_tag(*c)));
        self.i(i128::from(*hospital_days));
        self.b(*other_child);
        self.tag(marital_tag(*marital));
        self.opt(area, |w, a| w.tag(area_tag(*a)));
    }

    fn summary(&mut self, s: &Summary) {
        let Summary {
            as_of,
            special_family,
            covered,
            totals,
            totals_to_confirm,
            items,
            first_stops,
            reminders,
        } = s;
        self.date(*as_of);
        self.b(*special_family);
        self.b(*covered);
        self.totals(totals);
        self.totals(totals_to_confirm);
        self.list(items, |w, (st, from)| {
            w.tag(status_tag(*st));
            w.opt(from, |w, d| w.date(*d));
        });
        self.list(first_stops, |w, x| w.s(x));
        self.list(reminders, |w, x| w.s(x));
    }

    /// One decided row.
    pub fn row(&mut self, r: &Checked) {
        let Checked {
            line,
            input,
            facts,
            result,
            error,
        } = r;
        self.n(*line);
        self.list(input, |w, c| w.cell(c));
        self.opt(facts, |w, f| w.facts(f));
        self.opt(result, |w, s| w.summary(s));
        self.opt(error, |w, e| w.s(e));
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
            filed_by,
        } = reg;
        let order = canonical_order();
        self.opt(sheet, |w, s| w.s(s));
        self.n(*header_line);
        self.list(headers, |w, h| w.s(h));
        self.list(&layout.fields, |w, f| {
            w.n(f
                .and_then(|f| order.iter().position(|g| *g == f))
                .map_or(0, |k| k + 1))
        });
        self.list(kept, |w, k| w.n(*k));
        self.list(notices, |w, x| {
            w.s(&x.zh);
            w.s(&x.en);
        });
        self.opt(filed_by, |w, s| w.s(s));
    }

    fn counts(&mut self, v: &[(String, usize)]) {
        self.list(v, |w, (k, n)| {
            w.s(k);
            w.n(*n);
        });
    }

    /// The 统计 of a register (`stats::compute`), computed in the worker.
    pub fn stats(&mut self, st: &Stats) {
        let Stats {
            date,
            households,
            decided,
            failed,
            types,
            by_area,
            by_community,
            items,
            money,
            months,
        } = st;
        self.date(*date);
        for n in [households, decided, failed] {
            self.n(*n);
        }
        self.list(types, |w, t| {
            let TypeRow {
                label,
                families,
                special,
                covered,
            } = t;
            w.n(place(TYPES.into_iter(), label));
            for n in [families, special, covered] {
                w.n(*n);
            }
        });
        self.counts(by_area);
        self.opt(by_community, |w, (h, v)| {
            w.s(h);
            w.counts(v);
        });
        self.list(items, |w, i| {
            let ItemRow {
                zh,
                eligible,
                check,
                future,
                received,
                not_stated,
            } = i;
            w.n(place(BENEFITS.iter().map(|b| b.zh), zh));
            for n in [eligible, check, future, not_stated] {
                w.n(*n);
            }
            w.opt(received, |w, n| w.n(*n));
        });
        let Money {
            sure,
            to_confirm,
            sure_not_stated,
            to_confirm_not_stated,
        } = money;
        self.totals(sure);
        self.totals(to_confirm);
        self.n(*sure_not_stated);
        self.n(*to_confirm_not_stated);
        self.list(months, |w, m| {
            let Month {
                month,
                mothers_49,
                parents_60,
            } = m;
            w.date(*month);
            w.n(*mothers_49);
            w.n(*parents_60);
        });
    }

    /// The families that change by a day ahead (`changes::between`).
    pub fn changes(&mut self, list: &[Change]) {
        self.list(list, |w, c| {
            let Change {
                line,
                who,
                because,
                items,
                monthly,
                error,
            } = c;
            w.n(*line);
            w.s(who);
            w.list(because, |w, b| w.s(b));
            w.list(items, |w, i| {
                let ItemChange {
                    zh,
                    before,
                    after,
                    amount_not_stated,
                } = i;
                w.n(place(BENEFITS.iter().map(|b| b.zh), zh));
                w.s(before);
                w.s(after);
                w.b(*amount_not_stated);
            });
            w.decimal(monthly.0);
            w.decimal(monthly.1);
            w.opt(error, |w, e| w.s(e));
        });
    }

    /// 与上次比较's list (`compare::diff`).
    pub fn diffs(&mut self, list: &[Diff]) {
        self.list(list, |w, d| {
            let Diff {
                kind,
                key,
                who,
                items,
                money,
            } = d;
            w.n(place(DIFF_KINDS.into_iter(), kind));
            w.s(key);
            w.s(who);
            w.list(items, |w, (i, a, b)| {
                for x in [i, a, b] {
                    w.s(x);
                }
            });
            for m in money {
                w.decimal(*m);
            }
        });
    }

    pub fn file_error(&mut self, e: &FileError) {
        self.s(&e.zh);
        self.s(&e.en);
    }
}

/// Bytes being read; every method is `None` once they run out or make no sense.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// Whether every byte has been read.
    pub fn at_end(&self) -> bool {
        self.bytes.is_empty()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (a, b) = self.bytes.split_at(n);
        self.bytes = b;
        Some(a)
    }

    pub fn tag(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn u(&mut self) -> Option<u128> {
        let mut v: u128 = 0;
        for shift in (0..128).step_by(7) {
            let b = self.tag()?;
            v |= u128::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub fn n(&mut self) -> Option<usize> {
        usize::try_from(self.u()?).ok()
    }

    fn i(&mut self) -> Option<i128> {
        let u = self.u()?;
        Some((u >> 1) as i128 ^ -((u & 1) as i128))
    }

    fn i64(&mut self) -> Option<i64> {
        i64::try_from(self.i()?).ok()
    }

    fn b(&mut self) -> Option<bool> {
        match self.tag()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn s(&mut self) -> Option<String> {
        let n = self.n()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.i()?).ok()?)
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.tag()? {
            0 => Some(None),
            1 => Some(Some(f(self)?)),
            _ => None,
        }
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.n()?;
        // Never trust a length further than the bytes left could hold (one byte each at least).
        let mut v = Vec::with_capacity(n.min(self.bytes.len()));
        for _ in 0..n {
            v.push(f(self)?);
        }
        Some(v)
    }

    fn of<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::from(self.tag()?)).copied()
    }

    fn decimal(&mut self) -> Option<Decimal> {
        let m = self.i()?;
        let scale = u32::try_from(self.n()?).ok()?;
        Decimal::try_from_i128_with_scale(m, scale).ok()
    }

    fn totals(&mut self) -> Option<Totals> {
        Some(Totals {
            monthly: self.decimal()?,
            one_off: self.decimal()?,
            annual: self.decimal()?,
        })
    }

    pub fn cell(&mut self) -> Option<Cell> {
        Some(match self.tag()? {
            0 => Cell::Empty,
            1 => Cell::Text(self.s()?),
            2 => Cell::Number(f64::from_le_bytes(self.take(8)?.try_into().ok()?)),
            3 => Cell::Bool(self.b()?),
            4 => Cell::Date(self.date()?),
            5 => Cell::Formula(self.s()?),
            6 => Cell::Error(self.s()?),
            _ => return None,
        })
    }

    pub fn facts(&mut self) -> Option<Facts> {
        let as_of = self.opt(Self::date)?;
        let area = self.opt(|r| r.of(&Area::ALL))?;
        let residence = self.of(&Residence::ALL)?;
        let child = Child {
            status: self.of(&ChildStatus::ALL)?,
            disability_grade: self.opt(Self::i64)?,
            disability_types: self.list(|r| r.of(&DisabilityType::ALL))?,
            birth_date: self.opt(Self::date)?,
            schooling: self.opt(|r| r.of(&SCHOOLING))?,
            civil_capacity: self.opt(Self::b)?,
        };
        let has_other_child = self.b()?;
        let parents = self.list(Self::parent)?;
        let circumstances = Circumstances {
            low_income: self.b()?,
            housing_difficulty: self.b()?,
            dilapidated_house: self.b()?,
            poverty_registered: self.b()?,
            wants_another_child: self.b()?,
            needs_ivf: self.b()?,
            wants_to_adopt: self.b()?,
            legal_dispute: self.b()?,
        };
        Some(Facts {
            as_of,
            area,
            residence,
            child,
            has_other_child,
            parents,
            circumstances,
        })
    }

    fn parent(&mut self) -> Option<Parent> {
        Some(Parent {
            role: self.of(&ROLES)?,
            birth_date: self.date()?,
            alive: self.b()?,
            kaifeng_hukou: self.b()?,
            civil_capacity: self.b()?,
            mobility_limited: self.b()?,
            self_care: self.opt(Self::b)?,
            pension: self.of(&SCHEMES)?,
            medical: self.of(&SCHEMES)?,
            care_setting: self.opt(|r| r.of(&CARE_SETTINGS))?,
            hospital_days: self.i64()?,
            other_child: self.b()?,
            marital: self.of(&Marital::ALL)?,
            area: self.opt(|r| r.of(&Area::ALL))?,
        })
    }

    fn summary(&mut self) -> Option<Summary> {
        Some(Summary {
            as_of: self.date()?,
            special_family: self.b()?,
            covered: self.b()?,
            totals: self.totals()?,
            totals_to_confirm: self.totals()?,
            items: self.list(|r| Some((r.of(&STATUSES)?, r.opt(Self::date)?)))?,
            first_stops: self.list(Self::s)?,
            reminders: self.list(Self::s)?,
        })
    }

    /// One decided row, as [`Writer::row`] wrote it.
    pub fn row(&mut self) -> Option<Checked> {
        Some(Checked {
            line: self.n()?,
            input: self.list(Self::cell)?,
            facts: self.opt(Self::facts)?,
            result: self.opt(Self::summary)?,
            error: self.opt(Self::s)?,
        })
    }

    /// A register without rows, as [`Writer::head`] wrote it.
    pub fn head(&mut self) -> Option<Register> {
        let order = canonical_order();
        let sheet = self.opt(Self::s)?;
        let header_line = self.n()?;
        let headers = self.list(Self::s)?;
        let fields = self.list(|r| match r.n()? {
            0 => Some(None),
            k => order.get(k - 1).copied().map(Some),
        })?;
        let kept = self.list(Self::n)?;
        let notices = self.list(|r| {
            Some(Notice {
                zh: r.s()?,
                en: r.s()?,
            })
        })?;
        let filed_by = self.opt(Self::s)?;
        let fields: Vec<Option<Field>> = fields;
        Some(Register {
            sheet,
            header_line,
            layout: Layout::new(fields, headers.clone()),
            headers,
            kept,
            rows: Vec::new(),
            notices,
            filed_by,
        })
    }

    fn counts(&mut self) -> Option<Vec<(String, usize)>> {
        self.list(|r| Some((r.s()?, r.n()?)))
    }

    /// What [`Writer::stats`] wrote.
    pub fn stats(&mut self) -> Option<Stats> {
        let date = self.date()?;
        let (households, decided, failed) = (self.n()?, self.n()?, self.n()?);
        let types = self.list(|r| {
            Some(TypeRow {
                label: TYPES.get(r.n()?)?,
                families: r.n()?,
                special: r.n()?,
                covered: r.n()?,
            })
        })?;
        let by_area = self.counts()?;
        let by_community = self.opt(|r| Some((r.s()?, r.counts()?)))?;
        let items = self.list(|r| {
            Some(ItemRow {
                zh: BENEFITS.get(r.n()?)?.zh,
                eligible: r.n()?,
                check: r.n()?,
                future: r.n()?,
                not_stated: r.n()?,
                received: r.opt(Self::n)?,
            })
        })?;
        let money = Money {
            sure: self.totals()?,
            to_confirm: self.totals()?,
            sure_not_stated: self.n()?,
            to_confirm_not_stated: self.n()?,
        };
        let months = self.list(|r| {
            Some(Month {
                month: r.date()?,
                mothers_49: r.n()?,
                parents_60: r.n()?,
            })
        })?;
        Some(Stats {
            date,
            households,
            decided,
            failed,
            types,
            by_area,
            by_community,
            items,
            money,
            months,
        })
    }

    /// What [`Writer::changes`] wrote.
    pub fn changes(&mut self) -> Option<Vec<Change>> {
        self.list(|r| {
            Some(Change {
                line: r.n()?,
                who: r.s()?,
                because: r.list(Self::s)?,
                items: r.list(|r| {
                    Some(ItemChange {
                        zh: BENEFITS.get(r.n()?)?.zh,
                        before: r.s()?,
                        after: r.s()?,
                        amount_not_stated: r.b()?,
                    })
                })?,
                monthly: (r.decimal()?, r.decimal()?),
                error: r.opt(Self::s)?,
            })
        })
    }

    /// What [`Writer::diffs`] wrote.
    pub fn diffs(&mut self) -> Option<Vec<Diff>> {
        self.list(|r| {
            Some(Diff {
                kind: DIFF_KINDS.get(r.n()?)?,
                key: r.s()?,
                who: r.s()?,
                items: r.list(|r| Some((r.s()?, r.s()?, r.s()?)))?,
                money: [r.decimal()?, r.decimal()?, r.decimal()?],
            })
        })
    }

    pub fn file_error(&mut self) -> Option<FileError> {
        Some(FileError {
            zh: self.s()?,
            en: self.s()?,
        })
    }
}

// Each enum as one byte: written by an exhaustive match (a new variant fails to compile
// here), read back by its place in the table beside it (tests/register_wire.rs reads every
// variant back).

fn area_tag(a: Area) -> u8 {
    Area::ALL.iter().position(|x| *x == a).unwrap_or(0) as u8
}

fn marital_tag(m: Marital) -> u8 {
    match m {
        Marital::Married => 0,
        Marital::Divorced => 1,
        Marital::Remarried => 2,
    }
}

fn residence_tag(r: Residence) -> u8 {
    match r {
        Residence::Urban => 0,
        Residence::Rural => 1,
    }
}

fn child_tag(s: ChildStatus) -> u8 {
    match s {
        ChildStatus::Deceased => 0,
        ChildStatus::Disabled => 1,
        ChildStatus::Living => 2,
    }
}

fn disability_tag(t: DisabilityType) -> u8 {
    DisabilityType::ALL
        .iter()
        .position(|x| *x == t)
        .unwrap_or(0) as u8
}

const SCHOOLING: [Schooling; 4] = [
    Schooling::None,
    Schooling::HighSchool,
    Schooling::Vocational,
    Schooling::College,
];

fn schooling_tag(s: Schooling) -> u8 {
    match s {
        Schooling::None => 0,
        Schooling::HighSchool => 1,
        Schooling::Vocational => 2,
        Schooling::College => 3,
    }
}

const ROLES: [Role; 2] = [Role::Mother, Role::Father];

fn role_tag(r: Role) -> u8 {
    match r {
        Role::Mother => 0,
        Role::Father => 1,
    }
}

const SCHEMES: [Scheme; 3] = [Scheme::Resident, Scheme::Employee, Scheme::None];

fn scheme_tag(s: Scheme) -> u8 {
    match s {
        Scheme::Resident => 0,
        Scheme::Employee => 1,
        Scheme::None => 2,
    }
}

const CARE_SETTINGS: [CareSetting; 5] = [
    CareSetting::Home,
    CareSetting::PublicHome,
    CareSetting::PublicPrivateHome,
    CareSetting::PrivateHome,
    CareSetting::CareHomeUnknownType,
];

fn care_tag(c: CareSetting) -> u8 {
    match c {
        CareSetting::Home => 0,
        CareSetting::PublicHome => 1,
        CareSetting::PublicPrivateHome => 2,
        CareSetting::PrivateHome => 3,
        CareSetting::CareHomeUnknownType => 4,
    }
}

const STATUSES: [Status; 4] = [
    Status::Eligible,
    Status::Check,
    Status::Future,
    Status::NotEligible,
];

fn status_tag(s: Status) -> u8 {
    match s {
        Status::Eligible => 0,
        Status::Check => 1,
        Status::Future => 2,
        Status::NotEligible => 3,
    }
}

/// Rows `rows` as one chunk: their count, then each row.
pub fn rows(rows: &[Checked]) -> Vec<u8> {
    let mut w = Writer::new();
    w.list(rows, |w, r| w.row(r));
    w.bytes
}

/// A chunk [`rows`] wrote.
pub fn read_rows(bytes: &[u8]) -> Option<Vec<Checked>> {
    let mut r = Reader::new(bytes);
    let rows = r.list(Reader::row)?;
    r.at_end().then_some(rows)
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

/// The whole of `bytes` as one `T`, read by `f`: `None` if any byte is left over.
pub fn read_all<'a, T>(bytes: &'a [u8], f: impl FnOnce(&mut Reader<'a>) -> Option<T>) -> Option<T> {
    let mut r = Reader::new(bytes);
    let v = f(&mut r)?;
    r.at_end().then_some(v)
}
