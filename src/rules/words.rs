//! Numbers, dates and sentences written by hand, for the rules' reasons ([`fill`]) and the
//! facts' refusals alike. A module of its own, below both `facts` and `outcome`, so that
//! neither imports the other in a circle (tests/rooms.rs). By hand rather than with
//! `format!`: core's formatting machinery stays in the family page's first load while any
//! caller is left (docs/quality.md, "Over the family budget"; docs/decisions.md 89).

use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// A sentence around values: each `{}` in `template` is the next value. The template is a
/// `later!` (Chinese) or `en!` (English) literal, resolved here, so that a reason built around
/// a date or an amount keeps its words out of the web app's first load as a fixed reason does
/// (`crate::later`, `crate::english`); natively it is the literal, and the sentence is what
/// `format!` would write.
pub fn fill(template: &str, values: &[&dyn Piece]) -> String {
    let template = crate::later::resolve(crate::english::resolve(template));
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    // Split at "{}" by the byte '{' (a string pattern would bring core's two-way searcher into
    // the first load, docs/quality.md).
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        if rest.as_bytes().get(i + 1) == Some(&b'}') {
            out.push_str(&rest[..i]);
            if let Some(v) = values.next() {
                v.put(&mut out);
            }
            rest = &rest[i + 2..];
        } else {
            out.push_str(&rest[..=i]);
            rest = &rest[i + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// A value in a sentence [`fill`] writes, pushed as its `Display` would write it but by hand:
/// core's formatting machinery (`fmt::write`, `Formatter::pad`, the integers' `Display`, about
/// 2 KB of the family page's first load) leaves the wasm only when no caller is left
/// (docs/quality.md, "Over the family budget"). Dates in Chinese are [`ZhDate`]s; a
/// `NaiveDate` is written as chrono writes it (2027-03-01).
pub trait Piece {
    fn put(&self, out: &mut String);
}

impl Piece for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

impl Piece for u8 {
    fn put(&self, out: &mut String) {
        push_number(out, u64::from(*self));
    }
}

impl Piece for u32 {
    fn put(&self, out: &mut String) {
        push_number(out, u64::from(*self));
    }
}

impl Piece for usize {
    fn put(&self, out: &mut String) {
        push_number(out, *self as u64);
    }
}

impl Piece for i64 {
    fn put(&self, out: &mut String) {
        push_signed(out, *self);
    }
}

impl Piece for NaiveDate {
    fn put(&self, out: &mut String) {
        push_iso_date(out, *self);
    }
}

impl Piece for ZhDate {
    fn put(&self, out: &mut String) {
        push_zh_date(out, self.0);
    }
}

/// A date the way people read it in Chinese: 2027年3月1日.
pub fn zh_date(d: NaiveDate) -> String {
    let mut s = String::with_capacity(18);
    push_zh_date(&mut s, d);
    s
}

/// Pushes a date as 2027年3月1日. The dates of the family page's sentences are written by
/// hand, here and in [`push_iso_date`]: core's formatting machinery (`fmt::write`,
/// `Formatter::pad`, the integers' `Display`) stays in the first load while any caller is left
/// (docs/quality.md, "Over the family budget").
pub fn push_zh_date(out: &mut String, d: NaiveDate) {
    push_zh_month(out, d);
    push_num(out, u64::from(d.day()), 1);
    out.push('日');
}

/// Displays a date as 2027年3月1日 (natively, inside `format!`).
pub struct ZhDate(pub NaiveDate);

impl std::fmt::Display for ZhDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&zh_date(self.0))
    }
}

/// A month the way people read it in Chinese: 1968年6月 (a birth given without its day). The
/// one Chinese date formatter, with [`zh_date`]: the results, the printed sheets and the
/// register's messages all write their dates with these two.
pub fn zh_month(d: NaiveDate) -> String {
    let mut s = String::with_capacity(12);
    push_zh_month(&mut s, d);
    s
}

/// Pushes a date's month as 1968年6月 (a year before 1 as a negative number).
pub fn push_zh_month(out: &mut String, d: NaiveDate) {
    if d.year() < 0 {
        out.push('-');
    }
    push_num(out, u64::from(d.year().unsigned_abs()), 1);
    out.push('年');
    push_num(out, u64::from(d.month()), 1);
    out.push('月');
}

/// Displays a date's month as 1968年6月 (natively, inside `format!`).
pub struct ZhMonth(pub NaiveDate);

impl std::fmt::Display for ZhMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&zh_month(self.0))
    }
}

/// Pushes a date as chrono's `Display` writes it: 2027-03-01, and a year beyond 0–9999 with
/// its sign and at least four digits (+10000-01-01, -0005-06-01).
pub fn push_iso_date(out: &mut String, d: NaiveDate) {
    let year = d.year();
    if !(0..=9999).contains(&year) {
        out.push(if year < 0 { '-' } else { '+' });
    }
    push_num(out, u64::from(year.unsigned_abs()), 4);
    out.push('-');
    push_num(out, u64::from(d.month()), 2);
    out.push('-');
    push_num(out, u64::from(d.day()), 2);
}

/// A date as chrono's `Display` writes it (see [`push_iso_date`]).
pub fn iso_date(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_iso_date(&mut s, d);
    s
}

/// Pushes `n` in decimal, zero-padded to at least `width` digits (up to 20), by hand: dates
/// and amounts are written into most results (see docs/benchmarks.md), and the family page's
/// first load carries no `format!` (see [`push_zh_date`]).
pub(crate) fn push_num(out: &mut String, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    let mut rest = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &d in &digits[i.min(digits.len().saturating_sub(width))..] {
        out.push(char::from(d));
    }
}

/// Pushes `n` in decimal, as its `Display` would, by hand (see [`push_zh_date`]).
pub fn push_number(out: &mut String, n: u64) {
    push_num(out, n, 1);
}

/// `n` in decimal, as `n.to_string()` writes it, by hand (see [`push_zh_date`]).
pub fn number(n: u64) -> String {
    let mut s = String::with_capacity(4);
    push_number(&mut s, n);
    s
}

/// Pushes `n` in decimal with its sign when negative, as its `Display` would.
pub fn push_signed(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_number(out, n.unsigned_abs());
}

/// `n` in decimal, as `n.to_string()` writes it, by hand (see [`push_zh_date`]).
pub fn signed_number(n: i64) -> String {
    let mut s = String::with_capacity(5);
    push_signed(&mut s, n);
    s
}
