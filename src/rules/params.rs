//! Every amount and threshold the policy names, each with the day it took effect and its
//! source, kept as data in `policy/parameters.toml` (build/parameters.rs writes the tables this
//! module includes). When Kaifeng raises an amount, the change is one new dated value there,
//! and checks dated before the change keep the old amount.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A value in force from `from` until the next entry of its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated<T: 'static> {
    pub from: NaiveDate,
    pub value: T,
}

/// A table of dated values, oldest first.
#[derive(Debug, Clone, Copy)]
pub struct Parameter<T: 'static> {
    pub name: &'static str,
    pub unit: &'static str,
    pub history: &'static [Dated<T>],
}

impl<T: Copy> Parameter<T> {
    /// The value in force on `day`, if any entry had begun by then.
    pub fn at(&self, day: NaiveDate) -> Option<T> {
        self.history
            .iter()
            .rev()
            .find(|d| d.from <= day)
            .map(|d| d.value)
    }
}

impl<T: Copy> Parameter<T> {
    /// The one value of a parameter this policy does not date (the civil law's age of
    /// majority): a constant, as cheap as a literal. Refused at compile time for a parameter
    /// with more than one value.
    pub const fn fixed(&self) -> T {
        assert!(
            self.history.len() == 1,
            "a fixed parameter has exactly one value"
        );
        self.history[0].value
    }
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("not a calendar date"),
    }
}

/// `mantissa` × 10^-`scale`: 1430 is `dec(1430, 0)`, 0.5 is `dec(5, 1)`.
const fn dec(mantissa: u32, scale: u32) -> Decimal {
    Decimal::from_parts(mantissa, 0, 0, false, scale)
}

/// Where a parameter's value was set: the text and clause, and its own words. Read by the
/// command line and the tests only, so the web app does not carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The parameter's stable name.
    pub name: &'static str,
    /// The day the value takes effect.
    pub from: NaiveDate,
    /// The value as written in policy/parameters.toml.
    pub value: &'static str,
    /// The text and its clause.
    pub reference: &'static str,
    /// The text's own words that state it.
    pub words: &'static str,
}

/// 本实施意见自2023年8月1日起实施。
pub const POLICY_IN_FORCE: NaiveDate = date(2023, 8, 1);

// Every parameter (`SPECIAL_SUPPORT_DEATH_MONTHLY`, `SPECIAL_SUPPORT_MOTHER_AGE`, …, `ADULT_AGE`),
// `MONEY`, `THRESHOLDS` and `SOURCES`, from policy/parameters.toml (build/parameters.rs).
include!(concat!(env!("OUT_DIR"), "/parameters.rs"));

/// The birthday that ends 0—6岁 as [`CHILD_REHAB_MAX_AGE`] stands on `day`: the 7th.
pub(crate) fn child_rehab_end_age(day: NaiveDate) -> u32 {
    on(&CHILD_REHAB_MAX_AGE, day) + 1
}

/// Value of `p` on `day`; every parameter has an entry from the day the policy took effect,
/// and days before that are refused by validation. Its values are oldest first and it has one
/// at least (build/parameters.rs refuses anything else), so the last one begun by `day` is
/// the one in force; the first stands in for a day before them all.
pub(crate) fn on<T: Copy>(p: &Parameter<T>, day: NaiveDate) -> T {
    let mut value = p.history[0].value;
    for d in p.history {
        if d.from <= day {
            value = d.value;
        }
    }
    value
}

/// The newest value of the parameter named `name` (its stable name), as a sentence writes it:
/// `1430`, `49`; with `thousands`, `10,000` (for English).
pub fn newest(name: &str, thousands: bool) -> Option<String> {
    let money = MONEY.iter().find(|p| p.name == name);
    let text = match money {
        Some(p) => p.history.last()?.value.normalize().to_string(),
        None => THRESHOLDS
            .iter()
            .find(|p| p.name == name)?
            .history
            .last()?
            .value
            .to_string(),
    };
    if !thousands || text.contains('.') {
        return Some(text);
    }
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 && (text.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    Some(out)
}

/// A sentence with each `{name}` replaced by `value(name, false)`, each `{name,}` by
/// `value(name, true)` (thousands with commas) and each `{name+1}` by the whole number one
/// more. A name with no value is left as written, which
/// the catalogue test refuses: the sentences that state an amount or an age say the
/// parameter's own value, and a raise in policy/parameters.toml changes them with it.
pub fn fill_with(template: &str, value: impl Fn(&str, bool) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let field = &after[..close];
        let (field, thousands) = match field.strip_suffix(',') {
            Some(n) => (n, true),
            None => (field, false),
        };
        // `{name+1}`: the birthday after an age's last year (0—6岁 ends on the 7th).
        let (name, plus) = match field.split_once('+') {
            Some((n, k)) => (n, k.parse::<u32>().ok()),
            None => (field, Some(0)),
        };
        let v = match (value(name, thousands), plus) {
            (Some(v), Some(0)) => Some(v),
            (Some(v), Some(k)) => v.parse::<u32>().ok().map(|n| (n + k).to_string()),
            _ => None,
        };
        match v {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[open..=open + 1 + close]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// [`fill_with`] with each parameter's [`newest`] value.
pub fn fill(template: &str) -> String {
    fill_with(template, newest)
}
