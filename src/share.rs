//! The answers as a short text for the address bar's fragment (`#v6.<payload>`), so a family
//! can reopen or pass on their results without any server: the fragment never leaves the
//! phone, unlike a query string. The same text is what "save on this device" keeps.
//!
//! Format 6, read left to right:
//!
//! * `v6.`, the format's version;
//! * base64url without padding (RFC 4648 §5) of the payload followed by its CRC-32
//!   (IEEE, big-endian), taken over `v6` and the payload, so a damaged, cut or altered link
//!   is refused rather than read as other answers;
//! * the payload: every answer bit-packed in [`Answers`]' field order, most significant bit
//!   first, each optional value as 0 for "not answered" or 1 + its index in the tables below,
//!   birth dates as a presence bit, a bit that is 1 when the day was given and 0 when it was
//!   not, then (only when it was not) a bit that is 1 when the month was given and 0 when
//!   only the year was (the date is then the month's or the year's first day), and 17 bits
//!   of days since 1900-01-01, hospital days as a presence bit and 9 bits, tick boxes as a presence
//!   bit and one bit each; which parents are living takes 3 bits (its fourth value, both
//!   parents late, came with format 3), and the adult child's civil capacity (0 not
//!   answered, 1 has it, 2 has not) follows the disability types; last come the items marked
//!   已经在享受 (11.1: not a fact, the rules never see them): 5 bits of how many, then each
//!   one's 5-bit place in `ITEMS`, in that table's order; then one bit, 1 when the living
//!   couple is divorced (离婚了, RULINGS Round 3); then 2 bits for one parent's own other
//!   child (0 neither alone, 1 the mother, 2 the father; RULINGS Round 3, only with "no other
//!   child" for the household); then one bit, 1 when the two parents are registered in
//!   different counties (only of a living couple both registered in Kaifeng), and then each
//!   parent's own county in 4 bits as the household's; the last byte is padded with zero bits.
//!
//! Older links still open. Format 5 (`v5.`, before a birth could be given as its year alone
//! and before one parent's own other child was asked) is format 6 without the month bit and
//! without its last field. Format 4 (`v4.`, before divorce was asked) is format 5 without its
//! last bit. Format 3 (`v3.`, before items could be marked 已经在享受) is
//! format 4 without its last field. Format 2 (`v2.`, before both parents could be late and before the
//! child's civil capacity was asked) is the same with 2 bits for the living parents and no
//! civil-capacity field; format 1 (`v1.`, before a birth date could be given without its
//! day) is format 2 without the day bit. Each one's checksum is taken over its own `vN`.
//!
//! The tables below are the wire format: never reorder them; new values go at the end, and a
//! change of layout is a new version. Decoding checks every field (dates real and not after
//! today, values in range, at most [`MAX_HOSPITAL_DAYS`] days) and never panics.
//!
//! A room of its own beside the questionnaire (`crate::flow`), not inside it: the format is a
//! contract with every link already printed or bookmarked, read by the family page, the saved
//! answers and the office page alike, while the questionnaire only decides what to ask.

use chrono::{Datelike, NaiveDate};

use crate::flow::answers::{
    Answers, Birth, Health, HukouHolders, Living, ParentSlot, MAX_HOSPITAL_DAYS,
};
use crate::flow::text::{Key, Lang, Voice};
use crate::rules::{
    Area, BenefitId, CareSetting, ChildStatus, Circumstances, DisabilityType, Residence, Scheme,
    Schooling,
};

/// The version this build writes.
pub const VERSION: &str = "6";

/// The versions this build reads, with the layout of each.
const READS: [(&str, Layout); 6] = [
    (
        "1",
        Layout {
            day_bit: false,
            month_bit: false,
            living_bits: 2,
            child_capacity: false,
            received: false,
            divorced: false,
            other_child_of: false,
        },
    ),
    (
        "2",
        Layout {
            day_bit: true,
            month_bit: false,
            living_bits: 2,
            child_capacity: false,
            received: false,
            divorced: false,
            other_child_of: false,
        },
    ),
    (
        "3",
        Layout {
            day_bit: true,
            month_bit: false,
            living_bits: 3,
            child_capacity: true,
            received: false,
            divorced: false,
            other_child_of: false,
        },
    ),
    (
        "4",
        Layout {
            day_bit: true,
            month_bit: false,
            living_bits: 3,
            child_capacity: true,
            received: true,
            divorced: false,
            other_child_of: false,
        },
    ),
    (
        "5",
        Layout {
            day_bit: true,
            month_bit: false,
            living_bits: 3,
            child_capacity: true,
            received: true,
            divorced: true,
            other_child_of: false,
        },
    ),
    (
        "6",
        Layout {
            day_bit: true,
            month_bit: true,
            living_bits: 3,
            child_capacity: true,
            received: true,
            divorced: true,
            other_child_of: true,
        },
    ),
];

/// How a format differs from the current one.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// A birth date carries the bit saying whether its day was given (format 2 on).
    day_bit: bool,
    /// A birth date without its day carries the bit saying whether its month was given
    /// (format 6 on).
    month_bit: bool,
    /// The width of the living-parents field: 2 held three values, 3 holds four.
    living_bits: u32,
    /// The adult child's civil capacity follows the disability types (format 3 on).
    child_capacity: bool,
    /// The items marked 已经在享受 follow the child's capacity (format 4 on).
    received: bool,
    /// The divorced bit closes the payload (format 5 on).
    divorced: bool,
    /// One parent's own other child follows it (format 6 on).
    other_child_of: bool,
}

// The wire order of a choice is its place in the type's `ALL` list; `tests/share.rs` pins
// every list independently, so reordering one for display breaks a test, not old links.
const CHILD: [ChildStatus; 3] = ChildStatus::ALL;
const LIVING: [Living; 4] = Living::ALL;
const HUKOU: [HukouHolders; 4] = HukouHolders::ALL;
const AREA: [Area; 10] = Area::ALL;
const RESIDENCE: [Residence; 2] = Residence::ALL;

const SCHEME: [Scheme; 3] = [Scheme::Resident, Scheme::Employee, Scheme::None];
const CARE: [CareSetting; 5] = [
    CareSetting::Home,
    CareSetting::PublicHome,
    CareSetting::PublicPrivateHome,
    CareSetting::PrivateHome,
    // Appended (issue 12.8): 3 bits already held up to seven values, so no layout changes.
    CareSetting::CareHomeUnknownType,
];
const SCHOOLING: [Schooling; 4] = [
    Schooling::None,
    Schooling::HighSchool,
    Schooling::Vocational,
    Schooling::College,
];
const DISABILITY: [DisabilityType; 8] = DisabilityType::ALL;
/// The items a family can mark 已经在享受, in format 4's order: each record's `link` in
/// policy/catalogue.toml, fixed once given (tests/share.rs pins it).
const ITEMS: [BenefitId; 25] = crate::rules::benefits::LINK_ORDER;
/// An item's place in [`ITEMS`], and the count of marked items: 5 bits each.
const ITEM_BITS: u32 = 5;

const DATE_BITS: u32 = 17;
const DAYS_BITS: u32 = 9;
const CRC_LEN: usize = 4;

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`): a few lines, where chrono's day counts cost the first load 367 bytes
/// (docs/quality.md, "Crates for what crates do": `crc` and `base64` cost it too).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// 1900-01-01, day 0 of the dates in a link.
const EPOCH: i64 = -25_567;

/// Why a link could not be read. Whatever the reason, the app starts afresh and says so:
/// it never shows results for answers it could not read exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`.
    Empty,
    /// Made by another version of the format.
    Version,
    /// Cut short, changed or garbled: the checksum or the layout does not match.
    Damaged,
    /// Intact, but an answer is impossible (a date after today, a value out of range).
    Invalid,
}

impl ShareError {
    pub fn key(self) -> Key {
        match self {
            ShareError::Empty => Key::ShareEmpty,
            ShareError::Version => Key::ShareVersion,
            ShareError::Damaged => Key::ShareDamaged,
            ShareError::Invalid => Key::ShareInvalid,
        }
    }

    /// What to tell the person, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        self.key().text(lang, Voice::Family).into_owned()
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Zh))?;
        f.write_str(" / ")?;
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ShareError {}

/// Whether `text` is a link of a share format newer than this build reads (`v<N>.…` with N
/// above [`VERSION`]): made by a newer release, so it must wait for that release rather than
/// be refused. Only the version is looked at; the newer release checks the rest.
pub fn is_newer(text: &str) -> bool {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    let Some((version, _)) = text.strip_prefix('v').and_then(|r| r.split_once('.')) else {
        return false;
    };
    let number = |v: &str| -> Option<u32> {
        if v.is_empty() || v.len() > 6 || !v.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        v.parse().ok()
    };
    matches!((number(version), number(VERSION)), (Some(n), Some(ours)) if n > ours)
}

/// The answers as `v6.<payload>`, to put after the `#`. Every answer the app can collect is
/// carried exactly; disability types come back in the fixed order above, without repeats.
pub fn encode(a: &Answers) -> String {
    let mut w = Bits::default();
    w.opt(a.child.and_then(|v| index(&CHILD, v)), 2);
    w.put(
        u32::from(a.grade.filter(|g| (1..=4).contains(g)).unwrap_or(0)),
        3,
    );
    w.put(a.other_child.map_or(0, |b| 1 + u32::from(b)), 2);
    w.opt(a.living.and_then(|v| index(&LIVING, v)), 3);
    w.date(a.mother_birth);
    w.date(a.father_birth);
    w.opt(a.hukou.and_then(|v| index(&HUKOU, v)), 3);
    w.opt(a.area.and_then(|v| index(&AREA, v)), 4);
    w.opt(a.residence.and_then(|v| index(&RESIDENCE, v)), 2);
    for v in a.pension.iter().chain(&a.medical) {
        w.opt(v.and_then(|v| index(&SCHEME, v)), 2);
    }
    for d in a.hospital_days {
        let d = d.filter(|d| i64::from(*d) <= MAX_HOSPITAL_DAYS);
        w.put(u32::from(d.is_some()), 1);
        if let Some(d) = d {
            w.put(u32::from(d), DAYS_BITS);
        }
    }
    for v in a.care {
        w.opt(v.and_then(|v| index(&CARE, v)), 3);
    }
    w.flags(a.health.map(|h| {
        [
            h.mobility_limited[0],
            h.no_self_care[0],
            h.no_civil_capacity[0],
            h.mobility_limited[1],
            h.no_self_care[1],
            h.no_civil_capacity[1],
        ]
    }));
    w.flags(a.circumstances.as_ref().map(|c| {
        [
            c.low_income,
            c.housing_difficulty,
            c.dilapidated_house,
            c.poverty_registered,
            c.wants_another_child,
            c.needs_ivf,
            c.wants_to_adopt,
            c.legal_dispute,
        ]
    }));
    w.opt(a.schooling.and_then(|v| index(&SCHOOLING, v)), 3);
    w.date(a.child_birth);
    w.flags(
        a.disability_types
            .as_ref()
            .map(|ts| DISABILITY.map(|t| ts.contains(&t))),
    );
    w.put(a.child_capacity.map_or(0, |has| 1 + u32::from(!has)), 2);
    let marked: Vec<u32> = ITEMS
        .iter()
        .enumerate()
        .filter(|(_, id)| a.received.contains(id))
        .map(|(i, _)| i as u32)
        .collect();
    w.put(marked.len() as u32, ITEM_BITS);
    for i in marked {
        w.put(i, ITEM_BITS);
    }
    w.put(u32::from(a.divorced && a.living == Some(Living::Both)), 1);
    let alone = a.other_child_of.filter(|_| a.other_child == Some(false));
    w.put(alone.map_or(0, |slot| 1 + slot as u32), 2);
    let own = a.own_areas();
    w.put(u32::from(own.is_some()), 1);
    for v in own.into_iter().flatten() {
        w.opt(v.and_then(|v| index(&AREA, v)), 4);
    }

    let mut bytes = w.bytes;
    let crc = crc32(&[b"v", VERSION.as_bytes(), &bytes]);
    bytes.extend_from_slice(&crc.to_be_bytes());
    let mut out = String::with_capacity(3 + bytes.len() * 4 / 3 + 2);
    out.push('v');
    out.push_str(VERSION);
    out.push('.');
    base64url(&bytes, &mut out);
    out
}

/// Reads what [`encode`] wrote, with or without the leading `#`. Every field is checked;
/// nothing is guessed. `today` bounds the dates.
pub fn decode(text: &str, today: NaiveDate) -> Result<Answers, ShareError> {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    let rest = text.strip_prefix('v').ok_or(ShareError::Damaged)?;
    let (version, body) = rest.split_once('.').ok_or(ShareError::Damaged)?;
    if version.is_empty() || version.len() > 6 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Damaged);
    }
    let Some(&(version, layout)) = READS.iter().find(|(v, _)| *v == version) else {
        return Err(ShareError::Version);
    };
    let bytes = unbase64url(body).ok_or(ShareError::Damaged)?;
    if bytes.len() <= CRC_LEN {
        return Err(ShareError::Damaged);
    }
    let (payload, sum) = bytes.split_at(bytes.len() - CRC_LEN);
    if crc32(&[b"v", version.as_bytes(), payload]).to_be_bytes() != sum {
        return Err(ShareError::Damaged);
    }
    let mut r = Reader {
        bytes: payload,
        at: 0,
        today,
        day_bit: layout.day_bit,
        month_bit: layout.month_bit,
    };
    let a = read_answers(&mut r, layout)?;
    // Nothing may follow the answers but the zero bits padding the last byte.
    let pad = ((8 - r.at % 8) % 8) as u32;
    if r.at.div_ceil(8) != payload.len() || r.take(pad)? != 0 {
        return Err(ShareError::Damaged);
    }
    Ok(a)
}

fn read_answers(r: &mut Reader, layout: Layout) -> Result<Answers, ShareError> {
    let mut a = Answers {
        child: r.opt(&CHILD, 2)?,
        grade: match r.take(3)? {
            0 => None,
            g @ 1..=4 => Some(g as u8),
            _ => return Err(ShareError::Invalid),
        },
        other_child: match r.take(2)? {
            0 => None,
            1 => Some(false),
            2 => Some(true),
            _ => return Err(ShareError::Invalid),
        },
        living: r.opt(&LIVING, layout.living_bits)?,
        mother_birth: r.date()?,
        father_birth: r.date()?,
        hukou: r.opt(&HUKOU, 3)?,
        area: r.opt(&AREA, 4)?,
        residence: r.opt(&RESIDENCE, 2)?,
        ..Answers::default()
    };
    for i in 0..2 {
        a.pension[i] = r.opt(&SCHEME, 2)?;
    }
    for i in 0..2 {
        a.medical[i] = r.opt(&SCHEME, 2)?;
    }
    for i in 0..2 {
        if r.take(1)? == 1 {
            let d = r.take(DAYS_BITS)?;
            if i64::from(d) > MAX_HOSPITAL_DAYS {
                return Err(ShareError::Invalid);
            }
            a.hospital_days[i] = Some(d as u16);
        }
    }
    for i in 0..2 {
        a.care[i] = r.opt(&CARE, 3)?;
    }
    a.health = r.flags::<6>()?.map(|f| Health {
        mobility_limited: [f[0], f[3]],
        no_self_care: [f[1], f[4]],
        no_civil_capacity: [f[2], f[5]],
    });
    a.circumstances = r.flags::<8>()?.map(|f| Circumstances {
        low_income: f[0],
        housing_difficulty: f[1],
        dilapidated_house: f[2],
        poverty_registered: f[3],
        wants_another_child: f[4],
        needs_ivf: f[5],
        wants_to_adopt: f[6],
        legal_dispute: f[7],
    });
    a.schooling = r.opt(&SCHOOLING, 3)?;
    a.child_birth = r.date()?;
    a.disability_types = r.flags::<8>()?.map(|f| {
        DISABILITY
            .iter()
            .zip(f)
            .filter(|(_, on)| *on)
            .map(|(t, _)| *t)
            .collect()
    });
    if layout.child_capacity {
        a.child_capacity = match r.take(2)? {
            0 => None,
            1 => Some(true),
            2 => Some(false),
            _ => return Err(ShareError::Invalid),
        };
    }
    if layout.received {
        let n = r.take(ITEM_BITS)?;
        let mut next = 0;
        for _ in 0..n {
            // In the table's order, each once, as `encode` writes them.
            let i = r.take(ITEM_BITS)? as usize;
            let id = *ITEMS
                .get(i)
                .filter(|_| i >= next)
                .ok_or(ShareError::Invalid)?;
            next = i + 1;
            a.mark_received(id, true);
        }
    }
    if layout.divorced && r.take(1)? == 1 {
        // Said only of a living couple, as the question offers it.
        if a.living != Some(Living::Both) {
            return Err(ShareError::Invalid);
        }
        a.divorced = true;
    }
    if layout.other_child_of {
        a.other_child_of = match r.take(2)? {
            0 => None,
            // Said only beside "no other child" for the household, as the question offers it.
            n @ (1 | 2) if a.other_child == Some(false) => Some(if n == 1 {
                ParentSlot::Mother
            } else {
                ParentSlot::Father
            }),
            _ => return Err(ShareError::Invalid),
        };
        if r.take(1)? == 1 {
            // Said only of a living couple both registered in Kaifeng, as the question
            // offers it.
            a.areas_differ = true;
            if !a.offers_areas_differ() || a.area.is_some() {
                return Err(ShareError::Invalid);
            }
            for i in 0..2 {
                a.parent_areas[i] = r.opt(&AREA, 4)?;
            }
        }
    }
    Ok(a)
}

fn index<T: PartialEq>(all: &[T], v: T) -> Option<u32> {
    all.iter().position(|x| *x == v).map(|i| i as u32)
}

/// Bits written most significant first.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    at: usize,
}

impl Bits {
    fn put(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.at % 8 == 0 {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 0x80 >> (self.at % 8);
                }
            }
            self.at += 1;
        }
    }

    fn opt(&mut self, index: Option<u32>, width: u32) {
        self.put(index.map_or(0, |i| i + 1), width);
    }

    fn date(&mut self, b: Option<Birth>) {
        let days = b.and_then(|b| {
            let d = b.date();
            u32::try_from(days_from_civil(d.year(), d.month(), d.day()) - EPOCH)
                .ok()
                .filter(|n| *n < 1 << DATE_BITS)
                .map(|n| (b, n))
        });
        self.put(u32::from(days.is_some()), 1);
        if let Some((b, n)) = days {
            self.put(u32::from(b.day_known()), 1);
            if !b.day_known() {
                self.put(u32::from(b.month_known()), 1);
            }
            self.put(n, DATE_BITS);
        }
    }

    fn flags<const N: usize>(&mut self, flags: Option<[bool; N]>) {
        self.put(u32::from(flags.is_some()), 1);
        for f in flags.into_iter().flatten() {
            self.put(u32::from(f), 1);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    today: NaiveDate,
    /// Whether birth dates carry the day bit (format 2 on).
    day_bit: bool,
    /// Whether a birth without its day carries the month bit (format 6 on).
    month_bit: bool,
}

impl Reader<'_> {
    fn take(&mut self, width: u32) -> Result<u32, ShareError> {
        let mut v = 0u32;
        for _ in 0..width {
            let byte = self.bytes.get(self.at / 8).ok_or(ShareError::Damaged)?;
            v = (v << 1) | u32::from((byte >> (7 - self.at % 8)) & 1);
            self.at += 1;
        }
        Ok(v)
    }

    fn opt<T: Copy>(&mut self, all: &[T], width: u32) -> Result<Option<T>, ShareError> {
        match self.take(width)? {
            0 => Ok(None),
            n => all
                .get(n as usize - 1)
                .copied()
                .map(Some)
                .ok_or(ShareError::Invalid),
        }
    }

    fn date(&mut self) -> Result<Option<Birth>, ShareError> {
        if self.take(1)? == 0 {
            return Ok(None);
        }
        let day_known = !self.day_bit || self.take(1)? == 1;
        let month_known = day_known || !self.month_bit || self.take(1)? == 1;
        let n = self.take(DATE_BITS)?;
        let (y, m, d) = civil_from_days(EPOCH + i64::from(n));
        let date = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .ok_or(ShareError::Invalid)?;
        if date > self.today {
            return Err(ShareError::Invalid);
        }
        if day_known {
            Ok(Some(Birth::Day(date)))
        } else if !month_known {
            // A year is written as its 1 January.
            if date.ordinal() == 1 {
                Ok(Some(Birth::Year(date)))
            } else {
                Err(ShareError::Invalid)
            }
        } else if date.day() == 1 {
            Ok(Some(Birth::Month(date)))
        } else {
            // A month is written as its first day: anything else was not written by encode.
            Err(ShareError::Invalid)
        }
    }

    fn flags<const N: usize>(&mut self) -> Result<Option<[bool; N]>, ShareError> {
        if self.take(1)? == 0 {
            return Ok(None);
        }
        let mut f = [false; N];
        for x in &mut f {
            *x = self.take(1)? == 1;
        }
        Ok(Some(f))
    }
}

/// CRC-32 (IEEE 802.3, as in zip and PNG) of the parts one after the other.
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = !0u32;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
}

/// The bytes of unpadded base64url, or None for anything else (a stray character, an
/// impossible length, or leftover bits that are not zero).
fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| B64.iter().position(|x| *x == c).map(|i| i as u32))
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | d << (18 - 6 * i));
        let len = chunk.len() - 1;
        for i in 0..len {
            out.push((n >> (16 - 8 * i)) as u8);
        }
        // Bits below the last whole byte must be zero, so each payload has one spelling.
        if n & ((1 << (24 - 8 * len)) - 1) != 0 {
            return None;
        }
    }
    Some(out)
}

/// A QR code as one SVG path of dark squares, with its four-module quiet zone included in
/// `size`: draw `d` on a white square `0 0 size size`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    pub size: i32,
    pub d: String,
}

/// The QR code (error correction level M) of `text`, or None when it cannot hold it.
pub fn qr(text: &str) -> Option<QrPath> {
    use crate::rules::facts::push_signed;
    use qrcodegen::{QrCode, QrCodeEcc};
    // Byte mode only: a link is never all digits, and the text modes' code costs wasm.
    let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut d = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            // "M{x} {y}h{w}v1h-{w}z", pushed by hand (docs/quality.md, "Over the family
            // budget": core's formatting machinery).
            d.push('M');
            push_signed(&mut d, i64::from(start + 4));
            d.push(' ');
            push_signed(&mut d, i64::from(y + 4));
            d.push('h');
            push_signed(&mut d, i64::from(x - start));
            d.push_str("v1h-");
            push_signed(&mut d, i64::from(x - start));
            d.push('z');
        }
    }
    Some(QrPath { size: n + 8, d })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_name_every_value_of_the_rules() {
        assert!(Area::ALL.iter().all(|a| AREA.contains(a)));
        assert!(DisabilityType::ALL.iter().all(|t| DISABILITY.contains(t)));
    }

    #[test]
    fn days_count_like_chrono() {
        let epoch = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        assert_eq!(days_from_civil(1900, 1, 1), EPOCH);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        let mut d = epoch;
        for _ in 0..(1 << DATE_BITS) {
            let n = days_from_civil(d.year(), d.month(), d.day());
            assert_eq!(n - EPOCH, (d - epoch).num_days());
            assert_eq!(
                civil_from_days(n),
                (i64::from(d.year()), d.month(), d.day())
            );
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn base64url_matches_rfc_4648_without_padding() {
        for (raw, text) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "-_8"),
        ] {
            let mut out = String::new();
            base64url(raw, &mut out);
            assert_eq!(out, text);
            assert_eq!(unbase64url(text).as_deref(), Some(raw));
        }
        assert_eq!(unbase64url("Zh"), None, "leftover bits");
        assert_eq!(unbase64url("Z"), None);
        assert_eq!(unbase64url("Zg=="), None);
    }

    #[test]
    fn crc32_is_the_ieee_one() {
        // The standard check value, and the same split in two parts.
        assert_eq!(crc32(&[b"123456789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
    }
}
