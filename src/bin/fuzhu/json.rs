//! Reads `fuzhu check`'s JSON as a stream with serde_json: a register's array element by
//! element ([`RecordSeed`] in a sequence visitor), each record's text kept up to
//! [`RECORD_LIMIT`] (a longer one is still read, not kept), so memory stays bounded whatever
//! the file's size. serde_json checks the syntax; this file only keeps the place of each byte
//! (line and column in characters, as people count them, and the byte offset), refuses
//! invalid UTF-8 with the offset of its first byte, and turns serde_json's errors into the
//! [`Syntax`] the messages name. The records' fields are read afterwards by serde's derives,
//! whose map visitors refuse a key given twice.

use std::cell::RefCell;
use std::fmt;
use std::io::{self, BufRead, Read};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;

/// The most bytes one household's record may hold: a real one is under 2 KB.
pub const RECORD_LIMIT: usize = 1 << 20;

/// Deeper nesting than any household has (it has four levels); refused before it costs stack.
pub const MAX_DEPTH: usize = 64;

/// Where in the input, both counted from 1; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u64,
    pub column: u64,
}

#[derive(Debug)]
pub enum ScanError {
    Io(io::Error),
    Syntax {
        pos: Pos,
        what: Syntax,
    },
    /// `byte` counts from 1.
    Utf8 {
        pos: Pos,
        byte: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// The input ends inside a value.
    Eof,
    /// A character that cannot stand here.
    Unexpected(char),
    ControlInString,
    BadEscape,
    BadUnicodeEscape,
    BadNumber,
    TooDeep,
    ExpectedColon,
    ExpectedKey,
    ExpectedCommaOrBrace,
    ExpectedCommaOrBracket,
    TrailingComma,
    /// More than white space after the input's one value.
    Trailing,
}

/// One record: its text, or nothing when it was over the limit.
pub enum Record {
    Text(Vec<u8>),
    TooLong,
}

/// Punctuation a Chinese input method types in place of JSON's.
pub fn is_wide_punctuation(c: char) -> bool {
    "“”‘’，：｛｝［］　".contains(c)
}

/// The input, handed to serde_json a byte at a time (as `&Input` is `Read`), counting where
/// each byte stands and checking that the bytes are UTF-8.
pub struct Input<R> {
    inner: RefCell<R>,
    st: RefCell<State>,
}

struct State {
    /// Bytes taken so far.
    offset: u64,
    /// Where the next byte stands, and where the last one taken stood.
    next: Pos,
    last: Pos,
    last_byte: u8,
    /// UTF-8: continuation bytes still to come, the range of the next one, and where the
    /// character began (position and offset from 1).
    more: u8,
    lo: u8,
    hi: u8,
    lead: Pos,
    lead_byte: u64,
    /// The record being read, while one is, and its length so far.
    capture: Option<Vec<u8>>,
    captured: usize,
    /// Records begun, and whether the last one is still being read.
    records: u64,
    inside: bool,
    /// What stopped the reading when serde_json only saw an I/O error or a visitor's refusal.
    fault: Option<ScanError>,
    /// An error was met: serde_json, tidying up, reads no further (the end of the input from
    /// here), so the place of the error stays where it was.
    stopped: bool,
}

type Result<T> = std::result::Result<T, ScanError>;

impl<R: BufRead> Input<R> {
    pub fn new(r: R) -> Self {
        let start = Pos { line: 1, column: 1 };
        Input {
            inner: RefCell::new(r),
            st: RefCell::new(State {
                offset: 0,
                next: start,
                last: start,
                last_byte: 0,
                more: 0,
                lo: 0x80,
                hi: 0xBF,
                lead: start,
                lead_byte: 0,
                capture: None,
                captured: 0,
                records: 0,
                inside: false,
                fault: None,
                stopped: false,
            }),
        }
    }

    /// The next byte, not taken; `None` at the end of the input.
    fn peek(&self) -> Result<Option<u8>> {
        let mut r = self.inner.borrow_mut();
        loop {
            match r.fill_buf() {
                Ok(b) => return Ok(b.first().copied()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ScanError::Io(e)),
            }
        }
    }

    /// Takes the byte `peek` returned, counting it.
    fn pass(&self, b: u8) -> Result<()> {
        self.inner.borrow_mut().consume(1);
        self.st.borrow_mut().count(b)
    }

    /// Skips a byte-order mark at the very start (spreadsheet programs on Windows write one)
    /// and white space; the first byte of the value, not taken.
    pub fn start(&self) -> Result<Option<u8>> {
        if self.peek()? == Some(0xEF) {
            self.pass(0xEF)?;
            let c = self.rest_of_char()?;
            if c != '\u{feff}' {
                return Err(ScanError::Syntax {
                    pos: Pos { line: 1, column: 1 },
                    what: Syntax::Unexpected(c),
                });
            }
            self.st.borrow_mut().next.column = 1;
        }
        loop {
            match self.peek()? {
                Some(b @ (b' ' | b'\t' | b'\n' | b'\r')) => self.pass(b)?,
                other => return Ok(other),
            }
        }
    }

    /// The character whose first byte was the last taken, its other bytes taken now.
    fn rest_of_char(&self) -> Result<char> {
        let mut bytes = vec![self.st.borrow().last_byte];
        while self.st.borrow().more > 0 {
            match self.peek()? {
                Some(b) => {
                    self.pass(b)?;
                    bytes.push(b);
                }
                None => return Err(self.st.borrow_mut().bad_utf8()),
            }
        }
        let s = std::str::from_utf8(&bytes).map_err(|_| self.st.borrow_mut().bad_utf8())?;
        Ok(s.chars().next().unwrap_or('\u{fffd}'))
    }

    /// The error for the character that starts at the next byte, taking it.
    pub fn unexpected_next(&self) -> ScanError {
        match self.peek() {
            Err(e) => e,
            Ok(None) => self.at_next(Syntax::Eof),
            Ok(Some(b)) => match self.pass(b) {
                Err(e) => e,
                Ok(()) => self.unexpected_last(),
            },
        }
    }

    /// The error for the character whose first byte was the last taken.
    fn unexpected_last(&self) -> ScanError {
        let pos = self.st.borrow().last;
        match self.rest_of_char() {
            Ok(c) => ScanError::Syntax {
                pos,
                what: Syntax::Unexpected(c),
            },
            Err(e) => e,
        }
    }

    /// `what` was expected where the last byte taken stands: said as such, unless the
    /// character there is a full-width quote, comma, colon or bracket (typed with a Chinese
    /// input method), which is named instead.
    fn expected(&self, what: Syntax) -> ScanError {
        let pos = self.st.borrow().last;
        if self.st.borrow().last_byte < 0x80 {
            return ScanError::Syntax { pos, what };
        }
        match self.rest_of_char() {
            Ok(c) if is_wide_punctuation(c) => ScanError::Syntax {
                pos,
                what: Syntax::Unexpected(c),
            },
            Ok(_) => ScanError::Syntax { pos, what },
            Err(e) => e,
        }
    }

    fn at_next(&self, what: Syntax) -> ScanError {
        ScanError::Syntax {
            pos: self.st.borrow().next,
            what,
        }
    }

    fn at_last(&self, what: Syntax) -> ScanError {
        ScanError::Syntax {
            pos: self.st.borrow().last,
            what,
        }
    }

    /// The input's one value, a household, read through serde_json and kept as text (up to
    /// the limit), with nothing but white space after it.
    pub fn one(&self) -> Result<Record> {
        let mut de = serde_json::Deserializer::from_reader(self);
        let rec = RecordSeed {
            input: self,
            started: false,
        }
        .deserialize(&mut de)
        .map_err(|e| self.error(e))?;
        de.end().map_err(|e| self.error(e))?;
        Ok(rec)
    }

    /// Called where an error from serde_json is first seen: nothing more is read.
    fn stop(&self) {
        self.st.borrow_mut().stopped = true;
    }

    /// A register's sequence visitor calls this where `next_element_seed` fails.
    pub fn stopped_at_error<T, E>(
        &self,
        r: std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if r.is_err() {
            self.stop();
        }
        r
    }

    /// Records begun so far.
    pub fn records(&self) -> u64 {
        self.st.borrow().records
    }

    /// What serde_json's error means, said as a [`ScanError`] at its place.
    pub fn error(&self, e: serde_json::Error) -> ScanError {
        if let Some(f) = self.st.borrow_mut().fault.take() {
            return f;
        }
        match e.classify() {
            Category::Io => ScanError::Io(e.into()),
            Category::Eof => self.at_next(Syntax::Eof),
            Category::Syntax | Category::Data => {
                let text = e.to_string();
                let code = text.split(" at line ").next().unwrap_or("");
                let what = match code {
                    "expected `:`" => return self.expected(Syntax::ExpectedColon),
                    "expected `,` or `]`" => return self.expected(Syntax::ExpectedCommaOrBracket),
                    "expected `,` or `}`" => return self.expected(Syntax::ExpectedCommaOrBrace),
                    "key must be a string" => return self.expected(Syntax::ExpectedKey),
                    "expected value" | "expected ident" => return self.unexpected_last(),
                    "invalid escape" => Syntax::BadEscape,
                    "invalid number" | "number out of range" => Syntax::BadNumber,
                    "invalid unicode code point"
                    | "lone leading surrogate in hex escape"
                    | "unexpected end of hex escape" => Syntax::BadUnicodeEscape,
                    "trailing comma" => Syntax::TrailingComma,
                    "trailing characters" => Syntax::Trailing,
                    "recursion limit exceeded" => Syntax::TooDeep,
                    c if c.starts_with("control character") => Syntax::ControlInString,
                    _ => return self.unexpected_last(),
                };
                self.at_last(what)
            }
        }
    }

    /// The same for a register: the error, and the record it belongs to (0: none). The end
    /// of the input right after a comma, or right after the opening bracket, is in the record
    /// that should have begun there.
    pub fn error_in_register(&self, e: serde_json::Error) -> (u64, ScanError) {
        let (n, inside) = {
            let st = self.st.borrow();
            (st.records, st.inside)
        };
        let after_comma = e.to_string().starts_with("EOF while parsing a value");
        let in_next = !inside && e.classify() == Category::Eof && (after_comma || n == 0);
        (if in_next { n + 1 } else { n }, self.error(e))
    }
}

impl State {
    fn count(&mut self, b: u8) -> Result<()> {
        let at = self.next;
        self.offset += 1;
        if self.more > 0 {
            if !(self.lo..=self.hi).contains(&b) {
                return Err(self.bad_utf8());
            }
            self.more -= 1;
            (self.lo, self.hi) = (0x80, 0xBF);
        } else if b >= 0x80 {
            let (more, lo, hi) = match b {
                0xC2..=0xDF => (1, 0x80, 0xBF),
                0xE0 => (2, 0xA0, 0xBF),
                0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF),
                0xED => (2, 0x80, 0x9F),
                0xF0 => (3, 0x90, 0xBF),
                0xF1..=0xF3 => (3, 0x80, 0xBF),
                0xF4 => (3, 0x80, 0x8F),
                _ => {
                    return Err(ScanError::Utf8 {
                        pos: at,
                        byte: self.offset,
                    })
                }
            };
            (self.more, self.lo, self.hi) = (more, lo, hi);
            (self.lead, self.lead_byte) = (at, self.offset);
        }
        self.last = at;
        self.last_byte = b;
        if b == b'\n' {
            self.next.line += 1;
            self.next.column = 1;
        } else if b & 0xC0 != 0x80 {
            self.next.column += 1;
        }
        if let Some(rec) = &mut self.capture {
            self.captured = self.captured.saturating_add(1);
            if self.captured <= RECORD_LIMIT {
                rec.push(b);
            } else if rec.capacity() > 0 {
                // Over the limit: give the memory back and only count from here on.
                *rec = Vec::new();
            }
        }
        Ok(())
    }

    /// The character begun at `lead` is not UTF-8.
    fn bad_utf8(&mut self) -> ScanError {
        self.more = 0;
        ScanError::Utf8 {
            pos: self.lead,
            byte: self.lead_byte,
        }
    }
}

/// serde_json reads a byte at a time; an I/O or UTF-8 error is kept to be said as such.
impl<R: BufRead> Read for &Input<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() || self.st.borrow().stopped || self.st.borrow().fault.is_some() {
            return Ok(0);
        }
        let fail = |e: ScanError| {
            let shown = io::Error::new(io::ErrorKind::InvalidData, "unreadable input");
            self.st.borrow_mut().fault = Some(e);
            Err(shown)
        };
        match self.peek() {
            Err(e) => fail(e),
            Ok(None) if self.st.borrow().more > 0 => {
                let e = self.st.borrow_mut().bad_utf8();
                fail(e)
            }
            Ok(None) => Ok(0),
            Ok(Some(b)) => match self.pass(b) {
                Err(e) => fail(e),
                Ok(()) => {
                    buf[0] = b;
                    Ok(1)
                }
            },
        }
    }
}

/// One record of the input: read whole by serde_json (every string checked, numbers and
/// nesting too) and kept as text, up to [`RECORD_LIMIT`].
pub struct RecordSeed<'a, R> {
    pub input: &'a Input<R>,
    /// serde_json has already taken the record's first byte (looking for the array's end).
    pub started: bool,
}

impl<'de, R: BufRead> DeserializeSeed<'de> for RecordSeed<'_, R> {
    type Value = Record;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Record, D::Error> {
        {
            let mut st = self.input.st.borrow_mut();
            st.records += 1;
            st.inside = true;
            st.capture = Some(if self.started {
                vec![st.last_byte]
            } else {
                Vec::new()
            });
            st.captured = usize::from(self.started);
        }
        let read = d.deserialize_any(Check {
            input: self.input,
            depth: 1,
        });
        if read.is_err() {
            self.input.stop();
        }
        let mut st = self.input.st.borrow_mut();
        let text = st.capture.take().unwrap_or_default();
        read?;
        st.inside = false;
        Ok(if st.captured > RECORD_LIMIT {
            Record::TooLong
        } else {
            Record::Text(text)
        })
    }
}

/// Any JSON value, read and let go; containers deeper than [`MAX_DEPTH`] refused.
struct Check<'a, R> {
    input: &'a Input<R>,
    depth: usize,
}

impl<R> Clone for Check<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Check<'_, R> {}

impl<'de, R: BufRead> DeserializeSeed<'de> for Check<'_, R> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        let input = self.input;
        d.deserialize_any(self).inspect_err(|_| input.stop())
    }
}

impl<R: BufRead> Check<'_, R> {
    fn deeper<E: de::Error>(&self) -> std::result::Result<Self, E> {
        if self.depth > MAX_DEPTH {
            let e = self.input.at_last(Syntax::TooDeep);
            self.input.st.borrow_mut().fault = Some(e);
            self.input.stop();
            return Err(E::custom("nested too deep"));
        }
        Ok(Check {
            input: self.input,
            depth: self.depth + 1,
        })
    }
}

impl<'de, R: BufRead> Visitor<'de> for Check<'_, R> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> std::result::Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let child = self.deeper()?;
        while seq
            .next_element_seed(child)
            .inspect_err(|_| child.input.stop())?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let child = self.deeper()?;
        let stop = |_: &A::Error| child.input.stop();
        while map.next_key_seed(child).inspect_err(stop)?.is_some() {
            map.next_value_seed(child).inspect_err(stop)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &[u8]) -> Result<Record> {
        let input = Input::new(text);
        input.start()?;
        input.one()
    }

    fn syntax(text: &str) -> (u64, u64, Syntax) {
        match scan(text.as_bytes()) {
            Err(ScanError::Syntax { pos, what }) => (pos.line, pos.column, what),
            Err(e) => panic!("{text}: {e:?}"),
            Ok(_) => panic!("{text}: accepted"),
        }
    }

    #[test]
    fn valid_json_is_kept_byte_for_byte() {
        for text in [
            r#"{"a": [1, -2.5e+3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {}}"#,
            "\"开封市鼓楼区\"",
            "[]",
            "\u{feff}{}",
        ] {
            match scan(text.as_bytes()) {
                Ok(Record::Text(t)) => {
                    assert_eq!(t, text.trim_start_matches('\u{feff}').as_bytes())
                }
                Ok(Record::TooLong) => panic!("too long"),
                Err(e) => panic!("{text}: {e:?}"),
            }
        }
    }

    #[test]
    fn syntax_errors_say_where_and_what() {
        assert_eq!(syntax("{\"a\": }"), (1, 7, Syntax::Unexpected('}')));
        assert_eq!(syntax("{\"a\" 1}"), (1, 6, Syntax::ExpectedColon));
        // What serde_json reads tidying up after an error does not move its place.
        assert_eq!(syntax("{\"a\": }}\n,\"x"), (1, 7, Syntax::Unexpected('}')));
        assert_eq!(syntax("{\"a\": 1,}"), (1, 9, Syntax::TrailingComma));
        assert_eq!(syntax("[1,]"), (1, 4, Syntax::TrailingComma));
        assert_eq!(syntax("[1 2]"), (1, 4, Syntax::ExpectedCommaOrBracket));
        assert_eq!(syntax("{\"a\": 1 2}"), (1, 9, Syntax::ExpectedCommaOrBrace));
        assert_eq!(syntax("{1: 2}"), (1, 2, Syntax::ExpectedKey));
        assert_eq!(syntax("{\n\"键\": 01}"), (2, 7, Syntax::BadNumber));
        assert_eq!(syntax("[1.]"), (1, 4, Syntax::BadNumber));
        assert_eq!(syntax("\"a\nb\""), (1, 3, Syntax::ControlInString));
        assert_eq!(syntax("\"\\x\""), (1, 3, Syntax::BadEscape));
        assert_eq!(syntax("\"\\ud800\""), (1, 8, Syntax::BadUnicodeEscape));
        assert_eq!(syntax("{\"a\": 1"), (1, 8, Syntax::Eof));
        assert_eq!(syntax("{\"a\": tru}"), (1, 10, Syntax::Unexpected('}')));
        assert_eq!(syntax("{\"a\"：1}"), (1, 5, Syntax::Unexpected('：')));
        assert_eq!(syntax("{\"a\"é1}"), (1, 5, Syntax::ExpectedColon));
        assert_eq!(syntax("{“a”: 1}"), (1, 2, Syntax::Unexpected('“')));
        assert_eq!(syntax("{\"键\": 1}}"), (1, 9, Syntax::Trailing));
        assert_eq!(syntax("\0"), (1, 1, Syntax::Unexpected('\0')));
        assert_eq!(syntax("“a”"), (1, 1, Syntax::Unexpected('“')));
        assert_eq!(syntax("\u{feff}“a”"), (1, 1, Syntax::Unexpected('“')));
        assert_eq!(syntax("｛"), (1, 1, Syntax::Unexpected('｛')));
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(syntax(&deep), (1, MAX_DEPTH as u64 + 1, Syntax::TooDeep));
    }

    #[test]
    fn invalid_utf8_is_refused_with_its_byte_offset() {
        for (text, byte) in [
            (&b"\"ab\xff\""[..], 4),
            (b"\"\xc3(\"", 2),
            (b"\"\xed\xa0\x80\"", 2),
            (b"\"\xe5\xbc\"", 2),
            (b"\"\xe5\xbc", 2),
            (b"  \xc0\xaf", 3),
            (b"{\"a\"\xe5(}", 5),
        ] {
            match scan(text) {
                Err(ScanError::Utf8 { byte: got, .. }) => assert_eq!(got, byte, "{text:?}"),
                other => panic!("{text:?}: {:?}", other.err()),
            }
        }
    }

    #[test]
    fn a_record_over_the_limit_is_read_but_not_kept() {
        let big = format!("[\"{}\", 1]", "x".repeat(RECORD_LIMIT));
        assert!(matches!(scan(big.as_bytes()), Ok(Record::TooLong)));
        let fits = format!("\"{}\"", "x".repeat(RECORD_LIMIT - 2));
        assert!(matches!(scan(fits.as_bytes()), Ok(Record::Text(t)) if t.len() == RECORD_LIMIT));
    }
}
