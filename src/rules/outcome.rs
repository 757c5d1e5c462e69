//! What the rules answer. The JSON form is a public contract (see `docs/facts-and-results.md`);
//! the Rust form keeps ids and reasons structured so the app can show them in either language.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

use super::agencies::AgencyId;
use super::benefits::{BenefitId, Document, BENEFITS};
use super::facts::Area;
use super::words::push_number;
pub use super::words::{fill, Piece};

/// Bumped whenever a rule or amount changes, so a printed sheet says which rules made it.
pub const RULES_VERSION: &str = "kaifeng-2023-24/1.2.0";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The text grants it on the facts given.
    Eligible,
    /// Likely: the agency must confirm a condition the text leaves to it.
    Check,
    /// Will hold from `eligible_from`.
    Future,
    NotEligible,
}

/// One short sentence of why, in both languages. Mostly fixed text, so deciding a household
/// allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Reason {
    pub const fn fixed(zh: &'static str, en: &'static str) -> Reason {
        Reason {
            zh: Cow::Borrowed(zh),
            en: Cow::Borrowed(en),
        }
    }

    pub fn owned(zh: String, en: String) -> Reason {
        Reason {
            zh: Cow::Owned(zh),
            en: Cow::Owned(en),
        }
    }
}

impl Piece for Yuan {
    fn put(&self, out: &mut String) {
        push_yuan(out, self.0);
    }
}

/// `n / 10` and `n % 10`, by 32-bit limbs in 64-bit arithmetic: a 128-bit `/` or `%` (a
/// decimal's mantissa is an i128) brings compiler_builtins' 128-bit divider, 1.3 KB of
/// wasm, into the family page's first load (docs/quality.md, "Over the family budget").
pub(crate) fn div_rem_10(n: u128) -> (u128, u32) {
    let mut q: u128 = 0;
    let mut rem: u64 = 0;
    for shift in [96, 64, 32, 0] {
        let limb = (rem << 32) | u64::from((n >> shift) as u32);
        q |= u128::from(limb / 10) << shift;
        rem = limb % 10;
    }
    (q, rem as u32)
}

/// Displays an amount in yuan as the JSON does (no trailing zeros). Whole amounts, which all
/// of the policy's are, skip Decimal's general formatting, the slowest part of deciding a
/// household before this (see docs/benchmarks.md).
pub struct Yuan(pub Decimal);

impl Yuan {
    /// The amount as [`Yuan`] displays it, written by hand (see [`Piece`]).
    pub fn text(&self) -> String {
        let mut s = String::with_capacity(8);
        self.put(&mut s);
        s
    }
}

impl std::fmt::Display for Yuan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// Pushes an amount as [`Yuan`] displays it.
fn push_yuan(out: &mut String, amount: Decimal) {
    match u32::try_from(amount.mantissa()) {
        Ok(whole) if amount.scale() == 0 => push_number(out, u64::from(whole)),
        // Digit by digit rather than Decimal's Display, whose code the app would carry
        // only for amounts the policy never has (`outcome::tests` checks both agree).
        _ => {
            let d = amount.normalize();
            let m = d.mantissa();
            if m < 0 {
                out.push('-');
            }
            let mut digits = [0u8; 40];
            let mut n = m.unsigned_abs();
            let mut len = 0;
            while n > 0 || len == 0 {
                let (q, r) = div_rem_10(n);
                digits[len] = b'0' + r as u8;
                n = q;
                len += 1;
            }
            let scale = d.scale() as usize;
            while len <= scale {
                digits[len] = b'0';
                len += 1;
            }
            for i in (0..len).rev() {
                if i + 1 == scale {
                    out.push('.');
                }
                out.push(char::from(digits[i]));
            }
        }
    }
}

/// `a + b`, exactly, on the amounts' integer mantissas. The policy's amounts are whole yuan,
/// so rust_decimal's general addition and multiplication (which rescale, round and carry in
/// 96 bits: about 2.5 KB of the app's first load gzipped, docs/quality.md) are never needed;
/// `outcome::tests` checks these against Decimal's own operators. Beyond Decimal's range
/// (never, for the policy's amounts) the result is Decimal's largest or smallest value.
pub fn plus(a: Decimal, b: Decimal) -> Decimal {
    let (scale, ma, mb) = if a.scale() >= b.scale() {
        (a.scale(), Some(a.mantissa()), rescaled(b, a.scale()))
    } else {
        (b.scale(), rescaled(a, b.scale()), Some(b.mantissa()))
    };
    // Only two amounts of one sign can overflow: the result has a's sign.
    let m = ma.zip(mb).and_then(|(x, y)| x.checked_add(y));
    from_mantissa(m, scale, a.is_sign_negative())
}

/// `a × n`, exactly (see [`plus`]).
pub fn times(a: Decimal, n: i64) -> Decimal {
    // Multiplied in u128 where the product fits, without i128's checked multiply (its
    // overflow check is 0.5 KB of compiler_builtins in the first load): a mantissa is below
    // 2^96, so the product fits when the mantissa is below 2^64 or `n` below 2^32; otherwise
    // it is 2^96 or more, out of a decimal's range as an overflow is.
    let (m, k) = (a.mantissa().unsigned_abs(), u128::from(n.unsigned_abs()));
    let negative = a.is_sign_negative() != (n < 0);
    let p = (m >> 64 == 0 || k >> 32 == 0)
        .then(|| m * k)
        .filter(|p| p >> 96 == 0)
        .map(|p| if negative { -(p as i128) } else { p as i128 });
    from_mantissa(p, a.scale(), negative)
}

/// `d`'s mantissa at a larger `scale`.
fn rescaled(d: Decimal, scale: u32) -> Option<i128> {
    let mut m = Some(d.mantissa());
    for _ in d.scale()..scale {
        // As `checked_mul(10)`, without i128's checked multiply (see [`times`]).
        m = m
            .filter(|m| m.unsigned_abs() <= (i128::MAX / 10) as u128)
            .map(|m| m * 10);
    }
    m
}

/// The decimal `m / 10^scale`; out of range, the largest or (`negative`) smallest one.
fn from_mantissa(m: Option<i128>, scale: u32, negative: bool) -> Decimal {
    match m.map(|m| Decimal::try_from_i128_with_scale(m, scale)) {
        Some(Ok(d)) => d,
        _ if negative => Decimal::MIN,
        _ => Decimal::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::Yuan;
    use rust_decimal::Decimal;

    #[test]
    fn multiplying_without_i128s_checked_multiply_gives_what_it_gave() {
        use rust_decimal::prelude::FromPrimitive;
        let reference = |a: Decimal, n: i64| match a
            .mantissa()
            .checked_mul(i128::from(n))
            .map(|m| Decimal::try_from_i128_with_scale(m, a.scale()))
        {
            Some(Ok(d)) => d,
            _ if a.is_sign_negative() != (n < 0) => Decimal::MIN,
            _ => Decimal::MAX,
        };
        let amounts = [
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(360, 0),
            Decimal::new(-12345, 2),
            Decimal::from_i128_with_scale((1 << 64) + 7, 3),
            Decimal::from_i128_with_scale(-(1 << 70), 0),
            Decimal::from_f64(0.5).unwrap(),
        ];
        let ns = [
            0,
            1,
            -1,
            12,
            365,
            -7,
            (1 << 31) - 1,
            1 << 32,
            -(1 << 40),
            i64::MAX,
            i64::MIN,
        ];
        for a in amounts {
            for n in ns {
                assert_eq!(super::times(a, n), reference(a, n), "{a} × {n}");
            }
        }
    }

    #[test]
    fn a_sentence_filled_by_hand_is_what_format_wrote() {
        use super::fill;
        use crate::rules::words::ZhDate;
        use chrono::NaiveDate;
        let d = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let amount = Decimal::new(-12345, 2);
        assert_eq!(
            fill(
                "{}：{}，{} {} {} {}{}",
                &[
                    &"母亲",
                    &ZhDate(d),
                    &d,
                    &-7i64,
                    &366u32,
                    &Yuan(amount),
                    &2usize
                ]
            ),
            format!("母亲：{}，{d} -7 366 {}2", ZhDate(d), Yuan(amount))
        );
        // More places than values: the rest are left out, as before; a lone brace is text.
        assert_eq!(fill("{} and {} {x}", &[&1u8]), "1 and  {x}");
    }

    #[test]
    fn dividing_by_ten_by_limbs_agrees_with_u128_division() {
        for n in [
            0u128,
            9,
            10,
            11,
            u64::MAX as u128,
            u64::MAX as u128 + 1,
            (1u128 << 96) - 1,
            u128::MAX,
            123_456_789_012_345_678_901_234_567_890,
        ] {
            assert_eq!(super::div_rem_10(n), (n / 10, (n % 10) as u32), "{n}");
        }
    }

    #[test]
    fn sums_and_products_are_decimals_own() {
        use super::{plus, times};
        let values = [
            Decimal::ZERO,
            Decimal::new(1430, 0),
            Decimal::new(10_000, 0),
            Decimal::new(-5, 1),
            Decimal::new(12_345, 2),
            Decimal::new(7, 4),
            Decimal::new(4_294_967_296, 0),
        ];
        for a in values {
            for b in values {
                assert_eq!(plus(a, b), a + b, "{a} + {b}");
            }
            for n in [0i64, 1, 2, 15, 60, 366, -3] {
                assert_eq!(times(a, n), a * Decimal::from(n), "{a} × {n}");
            }
        }
        assert_eq!(plus(Decimal::MAX, Decimal::ONE), Decimal::MAX);
        assert_eq!(plus(Decimal::MIN, Decimal::NEGATIVE_ONE), Decimal::MIN);
        assert_eq!(times(Decimal::MAX, 2), Decimal::MAX);
    }

    #[test]
    fn amounts_read_as_decimal_writes_them() {
        for (m, scale) in [
            (0i64, 0u32),
            (5, 1),
            (-5, 1),
            (143000, 2),
            (1, 5),
            (-1, 3),
            (4_294_967_296, 0),
            (-300, 0),
            (123_456_789_012, 4),
            (i64::MAX, 7),
        ] {
            let d = Decimal::new(m, scale);
            assert_eq!(
                Yuan(d).to_string(),
                d.normalize().to_string(),
                "{m} / 10^{scale}"
            );
        }
        let big = Decimal::MAX;
        assert_eq!(Yuan(big).to_string(), big.to_string());
        assert_eq!(Yuan(Decimal::MIN).to_string(), Decimal::MIN.to_string());
    }
}

/// The decision on one item for one household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenefitResult {
    pub id: BenefitId,
    pub status: Status,
    pub eligible_from: Option<NaiveDate>,
    /// The last day it holds, where the policy sets an end: 康复救助 for 0—6岁 ends the day
    /// before the 7th birthday. The results put the nearest such day on top.
    pub until: Option<NaiveDate>,
    pub reasons: Vec<Reason>,
    /// For the household, in yuan. On a `future` item: what it will be from `eligible_from`
    /// at today's rate; household totals count `eligible` items only.
    pub monthly_total: Option<Decimal>,
    pub one_off_total: Option<Decimal>,
    pub annual_total: Option<Decimal>,
    /// The one office to walk into first (named for the family's area where it is local).
    pub first_stop: AgencyId,
    /// The county the first stop is named for where it is not the household's: every parent
    /// counted for an item paid or given to a person is registered there (RULINGS, Round 3:
    /// their first stop follows their own county). None names it for the household's area.
    pub stop_area: Option<Area>,
    /// Where the two counted parents are registered in different counties: the other one's
    /// county, whose office is named beside the first (JSON `first_stop.also`).
    pub stop_also: Option<Area>,
    /// The papers to bring, for this family: the living parents' ID cards, a late spouse's
    /// death certificate, the special support certificate only once it can be held.
    pub documents: Cow<'static, [Document]>,
}

impl BenefitResult {
    pub fn new(id: BenefitId, status: Status) -> Self {
        BenefitResult {
            id,
            status,
            eligible_from: None,
            until: None,
            reasons: Vec::new(),
            monthly_total: None,
            one_off_total: None,
            annual_total: None,
            first_stop: id.info().contact,
            stop_area: None,
            stop_also: None,
            documents: Cow::Borrowed(&[]),
        }
    }

    /// The first stop's name for a household in `area`, in its receivers' own county where
    /// they share one.
    pub fn first_stop_zh(&self, area: Option<Area>) -> String {
        self.first_stop.name_zh(self.stop_area.or(area))
    }

    /// The other county's office, where the two receivers are registered in different ones.
    pub fn first_stop_also_zh(&self) -> Option<String> {
        self.stop_also.map(|a| self.first_stop.name_zh(Some(a)))
    }

    pub fn applies(&self) -> bool {
        self.status != Status::NotEligible
    }
}

/// Cash the household itself receives, from `eligible` items only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    #[serde(serialize_with = "money")]
    pub monthly: Decimal,
    #[serde(serialize_with = "money")]
    pub one_off: Decimal,
    #[serde(serialize_with = "money")]
    pub annual: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub rules_version: &'static str,
    pub as_of: NaiveDate,
    pub area: Option<Area>,
    /// At least one listed parent, living or late, holds or held Kaifeng 户籍.
    pub covered: bool,
    pub special_family: bool,
    /// Why this policy gives the household nothing, said once for all its items, with where
    /// to turn instead (RULINGS, Round 3: one pointer, not 25 copies of one sentence). Empty
    /// for a covered special family; the items then carry their own reasons.
    pub outside: Vec<Reason>,
    /// One entry per catalogue item, in catalogue order.
    pub benefits: Vec<BenefitResult>,
    /// What `eligible` items pay.
    pub totals: Totals,
    /// What `check` items would pay once the office confirms them; never in `totals`.
    pub totals_to_confirm: Totals,
}

impl Outcome {
    pub fn get(&self, id: BenefitId) -> &BenefitResult {
        self.benefits
            .iter()
            .find(|b| b.id == id)
            .expect("an outcome holds every catalogue item")
    }
}

fn money<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&Yuan(*d))
}

// The JSON form is written straight from the outcome: no Vec or String is built per item, since
// a register of 20,000 households serialises half a million items (see docs/benchmarks.md).

/// An amount as a string ("2860"), or null.
struct Money(Option<Decimal>);

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(d) => money(&d, s),
            None => s.serialize_none(),
        }
    }
}

/// The Chinese text of each reason.
struct ReasonsJson<'a>(&'a [Reason]);

impl Serialize for ReasonsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|r| r.zh.as_ref()))
    }
}

#[derive(Serialize)]
struct AgencyJson {
    id: AgencyId,
    name: Cow<'static, str>,
    /// On `first_stop` only, where the two parents who receive an item are registered in
    /// different counties: the other county's office (absent otherwise, so older readers of
    /// `{id, name}` read what they always did).
    #[serde(skip_serializing_if = "Option::is_none")]
    also: Option<String>,
}

/// One agency named for the family's area.
fn agency_json(a: AgencyId, area: Option<Area>) -> AgencyJson {
    AgencyJson {
        id: a,
        name: if a.is_local() && area.is_some() {
            Cow::Owned(a.name_zh(area))
        } else {
            Cow::Borrowed(a.agency().zh)
        },
        also: None,
    }
}

/// The papers, in Chinese.
struct DocumentsJson<'a>(&'a [Document]);

impl Serialize for DocumentsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|d| d.zh))
    }
}

/// The agencies, named for the family's area.
struct AgenciesJson {
    ids: &'static [AgencyId],
    area: Option<Area>,
}

impl Serialize for AgenciesJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.ids.iter().map(|&a| agency_json(a, self.area)))
    }
}

#[derive(Serialize)]
struct BenefitJson<'a> {
    id: BenefitId,
    status: Status,
    clause: u8,
    title: &'static str,
    title_en: &'static str,
    reasons: ReasonsJson<'a>,
    agencies: AgenciesJson,
    first_stop: AgencyJson,
    documents: DocumentsJson<'a>,
    eligible_from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    monthly_total: Money,
    one_off_total: Money,
    annual_total: Money,
}

/// Every item, in catalogue order.
struct BenefitsJson<'a>(&'a Outcome);

impl Serialize for BenefitsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let area = self.0.area;
        s.collect_seq(self.0.benefits.iter().map(|b| {
            let info = b.id.info();
            BenefitJson {
                id: b.id,
                status: b.status,
                clause: info.clause,
                title: info.zh,
                title_en: crate::english::resolve(info.en),
                reasons: ReasonsJson(&b.reasons),
                agencies: AgenciesJson {
                    ids: info.agencies,
                    area,
                },
                first_stop: AgencyJson {
                    also: b.first_stop_also_zh(),
                    ..agency_json(b.first_stop, b.stop_area.or(area))
                },
                documents: DocumentsJson(&b.documents),
                eligible_from: b.eligible_from,
                until: b.until,
                monthly_total: Money(b.monthly_total),
                one_off_total: Money(b.one_off_total),
                annual_total: Money(b.annual_total),
            }
        }))
    }
}

#[derive(Serialize)]
struct OutcomeJson<'a> {
    rules_version: &'static str,
    as_of: NaiveDate,
    covered: bool,
    special_family: bool,
    outside: ReasonsJson<'a>,
    totals: Totals,
    totals_to_confirm: Totals,
    benefits: BenefitsJson<'a>,
}

impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        OutcomeJson {
            rules_version: self.rules_version,
            as_of: self.as_of,
            covered: self.covered,
            special_family: self.special_family,
            outside: ReasonsJson(&self.outside),
            totals: self.totals,
            totals_to_confirm: self.totals_to_confirm,
            benefits: BenefitsJson(self),
        }
        .serialize(s)
    }
}

/// The catalogue order is the output order; this keeps the two in step.
pub(crate) fn catalogue_len() -> usize {
    BENEFITS.len()
}
