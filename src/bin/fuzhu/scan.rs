//! Reads a register as a stream: checks the JSON's syntax byte by byte and hands over one
//! record's text at a time, so memory stays bounded whatever the file's size. Each record is at
//! most [`RECORD_LIMIT`] bytes; a longer one is skipped (still checked, not kept) and reported.
//! serde then only ever sees syntactically valid records, so every syntax error is worded here,
//! with its line and column, and invalid UTF-8 with its byte offset.

use std::io::{self, BufRead};

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

/// One record: its text, or only its length when it was over the limit.
pub enum Record {
    Text(Vec<u8>),
    TooLong,
}

pub struct Scanner<R> {
    r: R,
    /// Bytes consumed so far.
    offset: u64,
    line: u64,
    column: u64,
    /// The record being read, while one is.
    rec: Option<Vec<u8>>,
    rec_len: usize,
}

type Result<T> = std::result::Result<T, ScanError>;

impl<R: BufRead> Scanner<R> {
    pub fn new(r: R) -> Self {
        Scanner {
            r,
            offset: 0,
            line: 1,
            column: 1,
            rec: None,
            rec_len: 0,
        }
    }

    pub fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn syntax(&self, what: Syntax) -> ScanError {
        ScanError::Syntax {
            pos: self.pos(),
            what,
        }
    }

    /// The next byte, not consumed; `None` at the end of the input.
    pub fn peek(&mut self) -> Result<Option<u8>> {
        loop {
            match self.r.fill_buf() {
                Ok(b) => return Ok(b.first().copied()),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ScanError::Io(e)),
            }
        }
    }

    /// Consumes the byte `peek` returned.
    pub fn bump(&mut self, b: u8) {
        self.r.consume(1);
        self.offset += 1;
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if b & 0xC0 != 0x80 {
            self.column += 1;
        }
        self.keep(std::slice::from_ref(&b));
    }

    fn keep(&mut self, bytes: &[u8]) {
        if let Some(rec) = &mut self.rec {
            self.rec_len = self.rec_len.saturating_add(bytes.len());
            if self.rec_len <= RECORD_LIMIT {
                rec.extend_from_slice(bytes);
            } else if rec.capacity() > 0 {
                // Over the limit: give the memory back and only count from here on.
                *rec = Vec::new();
            }
        }
    }

    /// Consumes a run of plain ASCII bytes (no quote, backslash or control character) at
    /// once: most of a register's bytes, read without the per-byte bookkeeping.
    fn plain_run(&mut self) -> Result<()> {
        loop {
            let buf = match self.r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(ScanError::Io(e)),
            };
            let n = buf
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b))
                .unwrap_or(buf.len());
            if n == 0 {
                return Ok(());
            }
            if let Some(rec) = &mut self.rec {
                self.rec_len = self.rec_len.saturating_add(n);
                if self.rec_len <= RECORD_LIMIT {
                    rec.extend_from_slice(&buf[..n]);
                } else if rec.capacity() > 0 {
                    *rec = Vec::new();
                }
            }
            let whole = n == buf.len();
            self.r.consume(n);
            self.offset += n as u64;
            self.column += n as u64;
            if !whole {
                return Ok(());
            }
        }
    }

    /// Skips white space; the next byte, not consumed.
    pub fn ws(&mut self) -> Result<Option<u8>> {
        loop {
            match self.peek()? {
                Some(b @ (b' ' | b'\t' | b'\n' | b'\r')) => self.bump(b),
                other => return Ok(other),
            }
        }
    }

    /// Skips a byte-order mark at the very start (spreadsheet programs on Windows write one).
    pub fn skip_bom(&mut self) -> Result<()> {
        if self.peek()? == Some(0xEF) {
            let at = self.pos();
            let c = self.utf8_char()?;
            if c != '\u{feff}' {
                return Err(ScanError::Syntax {
                    pos: at,
                    what: Syntax::Unexpected(c),
                });
            }
            self.column = 1;
        }
        Ok(())
    }

    /// The error for the character at the current position, consuming it.
    pub fn unexpected(&mut self) -> ScanError {
        let at = self.pos();
        match self.peek() {
            Err(e) => e,
            Ok(None) => self.syntax(Syntax::Eof),
            Ok(Some(b)) if b < 0x80 => ScanError::Syntax {
                pos: at,
                what: Syntax::Unexpected(b as char),
            },
            Ok(Some(_)) => match self.utf8_char() {
                Ok(c) => ScanError::Syntax {
                    pos: at,
                    what: Syntax::Unexpected(c),
                },
                Err(e) => e,
            },
        }
    }

    /// `what` was expected: said as such, unless the character there is a full-width quote,
    /// comma, colon or bracket (typed with a Chinese input method), which is named instead.
    pub fn expected(&mut self, what: Syntax) -> ScanError {
        match self.peek() {
            Ok(Some(b)) if b >= 0x80 => match self.unexpected() {
                ScanError::Syntax {
                    what: Syntax::Unexpected(c),
                    pos,
                } if is_wide_punctuation(c) => ScanError::Syntax {
                    pos,
                    what: Syntax::Unexpected(c),
                },
                ScanError::Syntax { pos, .. } => ScanError::Syntax { pos, what },
                e => e,
            },
            _ => self.syntax(what),
        }
    }

    /// Reads one whole value, keeping its text (up to the limit).
    pub fn record(&mut self) -> Result<Record> {
        self.rec = Some(Vec::new());
        self.rec_len = 0;
        let read = self.value(0);
        let rec = self.rec.take().unwrap_or_default();
        read?;
        Ok(if self.rec_len > RECORD_LIMIT {
            Record::TooLong
        } else {
            Record::Text(rec)
        })
    }

    fn value(&mut self, depth: usize) -> Result<()> {
        match self.peek()? {
            None => Err(self.syntax(Syntax::Eof)),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(_) => Err(self.unexpected()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(self.syntax(Syntax::TooDeep));
        }
        self.bump(b'{');
        if self.ws()? == Some(b'}') {
            self.bump(b'}');
            return Ok(());
        }
        loop {
            match self.ws()? {
                Some(b'"') => self.string()?,
                None => return Err(self.syntax(Syntax::Eof)),
                Some(b'}') => return Err(self.syntax(Syntax::TrailingComma)),
                Some(_) => return Err(self.expected(Syntax::ExpectedKey)),
            }
            match self.ws()? {
                Some(b':') => self.bump(b':'),
                None => return Err(self.syntax(Syntax::Eof)),
                Some(_) => return Err(self.expected(Syntax::ExpectedColon)),
            }
            self.ws()?;
            self.value(depth)?;
            match self.ws()? {
                Some(b',') => self.bump(b','),
                Some(b'}') => {
                    self.bump(b'}');
                    return Ok(());
                }
                None => return Err(self.syntax(Syntax::Eof)),
                Some(_) => return Err(self.expected(Syntax::ExpectedCommaOrBrace)),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(self.syntax(Syntax::TooDeep));
        }
        self.bump(b'[');
        if self.ws()? == Some(b']') {
            self.bump(b']');
            return Ok(());
        }
        loop {
            if self.ws()? == Some(b']') {
                return Err(self.syntax(Syntax::TrailingComma));
            }
            self.value(depth)?;
            match self.ws()? {
                Some(b',') => self.bump(b','),
                Some(b']') => {
                    self.bump(b']');
                    return Ok(());
                }
                None => return Err(self.syntax(Syntax::Eof)),
                Some(_) => return Err(self.expected(Syntax::ExpectedCommaOrBracket)),
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<()> {
        for &want in word {
            match self.peek()? {
                Some(b) if b == want => self.bump(b),
                _ => return Err(self.unexpected()),
            }
        }
        Ok(())
    }

    fn digits(&mut self) -> Result<usize> {
        let mut n = 0;
        while let Some(b @ b'0'..=b'9') = self.peek()? {
            self.bump(b);
            n += 1;
        }
        Ok(n)
    }

    fn number(&mut self) -> Result<()> {
        if self.peek()? == Some(b'-') {
            self.bump(b'-');
        }
        match self.peek()? {
            Some(b'0') => {
                self.bump(b'0');
                if let Some(b'0'..=b'9') = self.peek()? {
                    return Err(self.syntax(Syntax::BadNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits()?;
            }
            _ => return Err(self.syntax(Syntax::BadNumber)),
        }
        if self.peek()? == Some(b'.') {
            self.bump(b'.');
            if self.digits()? == 0 {
                return Err(self.syntax(Syntax::BadNumber));
            }
        }
        if let Some(b @ (b'e' | b'E')) = self.peek()? {
            self.bump(b);
            if let Some(b @ (b'+' | b'-')) = self.peek()? {
                self.bump(b);
            }
            if self.digits()? == 0 {
                return Err(self.syntax(Syntax::BadNumber));
            }
        }
        Ok(())
    }

    fn string(&mut self) -> Result<()> {
        self.bump(b'"');
        loop {
            self.plain_run()?;
            match self.peek()? {
                None => return Err(self.syntax(Syntax::Eof)),
                Some(b'"') => {
                    self.bump(b'"');
                    return Ok(());
                }
                Some(b'\\') => {
                    self.bump(b'\\');
                    self.escape()?;
                }
                Some(b) if b < 0x20 => return Err(self.syntax(Syntax::ControlInString)),
                Some(_) => {
                    self.utf8_char()?;
                }
            }
        }
    }

    fn escape(&mut self) -> Result<()> {
        match self.peek()? {
            None => Err(self.syntax(Syntax::Eof)),
            Some(b @ (b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't')) => {
                self.bump(b);
                Ok(())
            }
            Some(b'u') => {
                self.bump(b'u');
                let unit = self.hex4()?;
                if (0xDC00..0xE000).contains(&unit) {
                    return Err(self.syntax(Syntax::BadUnicodeEscape));
                }
                if (0xD800..0xDC00).contains(&unit) {
                    // A leading surrogate must be followed by a trailing one.
                    for want in [b'\\', b'u'] {
                        match self.peek()? {
                            Some(b) if b == want => self.bump(b),
                            _ => return Err(self.syntax(Syntax::BadUnicodeEscape)),
                        }
                    }
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.syntax(Syntax::BadUnicodeEscape));
                    }
                }
                Ok(())
            }
            Some(_) => Err(self.syntax(Syntax::BadEscape)),
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut v = 0;
        for _ in 0..4 {
            match self.peek()? {
                Some(b) if b.is_ascii_hexdigit() => {
                    self.bump(b);
                    v = v * 16 + (b as char).to_digit(16).unwrap_or(0);
                }
                None => return Err(self.syntax(Syntax::Eof)),
                Some(_) => return Err(self.syntax(Syntax::BadUnicodeEscape)),
            }
        }
        Ok(v)
    }

    /// Consumes one UTF-8 encoded character (the next byte is not ASCII, or is), refusing
    /// any byte sequence that is not valid UTF-8 with the offset of its first byte.
    fn utf8_char(&mut self) -> Result<char> {
        let at = self.pos();
        let byte = self.offset + 1;
        let bad = || ScanError::Utf8 { pos: at, byte };
        let Some(lead) = self.peek()? else {
            return Err(self.syntax(Syntax::Eof));
        };
        let (more, lo, hi, init) = match lead {
            0x00..=0x7F => {
                self.bump(lead);
                return Ok(lead as char);
            }
            0xC2..=0xDF => (1, 0x80, 0xBF, u32::from(lead & 0x1F)),
            0xE0 => (2, 0xA0, 0xBF, 0),
            0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF, u32::from(lead & 0x0F)),
            0xED => (2, 0x80, 0x9F, 0x0D),
            0xF0 => (3, 0x90, 0xBF, 0),
            0xF1..=0xF3 => (3, 0x80, 0xBF, u32::from(lead & 0x07)),
            0xF4 => (3, 0x80, 0x8F, 4),
            _ => return Err(bad()),
        };
        self.bump(lead);
        let mut code = init;
        for i in 0..more {
            let (lo, hi) = if i == 0 { (lo, hi) } else { (0x80, 0xBF) };
            match self.peek()? {
                Some(b) if (lo..=hi).contains(&b) => {
                    self.bump(b);
                    code = (code << 6) | u32::from(b & 0x3F);
                }
                _ => return Err(bad()),
            }
        }
        char::from_u32(code).ok_or_else(bad)
    }
}

/// Punctuation a Chinese input method types in place of JSON's.
pub fn is_wide_punctuation(c: char) -> bool {
    "“”‘’，：｛｝［］　".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &[u8]) -> Result<Record> {
        let mut s = Scanner::new(text);
        s.ws()?;
        let r = s.record()?;
        match s.ws()? {
            None => Ok(r),
            Some(_) => Err(s.syntax(Syntax::Trailing)),
        }
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
            "0",
            "[]",
        ] {
            match scan(text.as_bytes()) {
                Ok(Record::Text(t)) => assert_eq!(t, text.trim().as_bytes()),
                Ok(Record::TooLong) => panic!("too long"),
                Err(e) => panic!("{text}: {e:?}"),
            }
        }
    }

    #[test]
    fn syntax_errors_say_where_and_what() {
        assert_eq!(syntax("{\"a\": }"), (1, 7, Syntax::Unexpected('}')));
        assert_eq!(syntax("{\"a\" 1}"), (1, 6, Syntax::ExpectedColon));
        assert_eq!(syntax("{\"a\": 1,}"), (1, 9, Syntax::TrailingComma));
        assert_eq!(syntax("[1,]"), (1, 4, Syntax::TrailingComma));
        assert_eq!(syntax("[1 2]"), (1, 4, Syntax::ExpectedCommaOrBracket));
        assert_eq!(syntax("{\n\"键\": 01}"), (2, 7, Syntax::BadNumber));
        assert_eq!(syntax("\"a\nb\""), (1, 3, Syntax::ControlInString));
        assert_eq!(syntax("\"\\x\""), (1, 3, Syntax::BadEscape));
        assert_eq!(syntax("\"\\ud800\""), (1, 8, Syntax::BadUnicodeEscape));
        assert_eq!(syntax("{\"a\": 1"), (1, 8, Syntax::Eof));
        assert_eq!(syntax("{\"a\"：1}"), (1, 5, Syntax::Unexpected('：')));
        assert_eq!(syntax("{\"a\"é1}"), (1, 5, Syntax::ExpectedColon));
        assert_eq!(syntax("{“a”: 1}"), (1, 2, Syntax::Unexpected('“')));
        assert_eq!(syntax("1 2"), (1, 3, Syntax::Trailing));
        assert_eq!(syntax("\0"), (1, 1, Syntax::Unexpected('\0')));
        assert_eq!(syntax("“a”"), (1, 1, Syntax::Unexpected('“')));
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
            (b"  \xc0\xaf", 3),
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
