//! The host: the street office (街道办/社区) that embeds the app or hands out its links. Its details
//! never come from the link: a link names an office only by a short id
//! (`?office=longting-xinhua`), and the details are read from `offices.json` on the app's own
//! origin, which whoever publishes the app writes (docs/deploy.md). So nobody who can send a
//! link can put words in the official contact box, on the printed sheet or in its QR code, and
//! links stay short.
//!
//! Every value is checked here, at build time (`fuzhu offices`, run by scripts/post-build.mjs)
//! and again when the app loads the file; an office with any doubtful value is not shown at
//! all, never repaired: a wrong phone number on a printed sheet is worse than none. Without
//! an office the app names only the policy's agencies and the public hotlines.
//!
//! The values are shown as text (Yew escapes it); nothing here is ever parsed as HTML.
//!
//! A room of its own (`crate::host`, the app's side in `app::host`), not the questionnaire's:
//! it is the publishing site's configuration. "host" is this office's one word in the code;
//! "office" and "desk" are the office page (office.html, `app::desk`). The address's
//! `?office=` and the file's name `offices.json` are the published contract and keep their
//! names (docs/decisions.md).

use crate::flow::text::{Key, Lang, Voice};

/// Longest accepted values, in characters. Longer ones are refused, not cut: a cut address
/// could send a family to the wrong door.
pub const MAX_NAME: usize = 40;
pub const MAX_ADDRESS: usize = 80;
pub const MAX_PHONE: usize = 20;
pub const MAX_HOURS: usize = 40;
/// Longest office id: lower-case ASCII letters, digits and `-`.
pub const MAX_ID: usize = 40;
/// A query string longer than this is ignored as a whole.
pub const MAX_QUERY: usize = 2048;
/// Largest `offices.json` read (a county's every office fits in a few KB).
pub const MAX_FILE: usize = 256 * 1024;

/// The contrast an accent needs against white: it colours buttons with white text and links
/// on white (WCAG AA for normal text).
pub const MIN_ACCENT_CONTRAST: f64 = 4.5;

/// An office's details, each checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Office {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<String>,
    /// `#rrggbb`, lower case.
    pub accent: Option<String>,
}

/// The fields an office may have in `offices.json`, in the order they are shown.
pub const FIELDS: [&str; 5] = ["name", "address", "phone", "hours", "accent"];

/// What is wrong with `offices.json`, naming the office and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeProblem {
    /// The office's id ("" for the file as a whole).
    pub office: String,
    /// The field ("" for the office or file as a whole).
    pub field: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON of the expected shape, at this byte offset.
    Syntax(usize),
    /// Larger than [`MAX_FILE`].
    TooLarge,
    /// The id is not 1 to [`MAX_ID`] of `a-z`, `0-9`, `-`.
    BadId,
    /// The same id or field twice.
    Duplicate,
    /// A field this app does not know (a typo such as "adress").
    UnknownField,
    /// No `name`.
    NoName,
    /// Empty after trimming.
    Empty,
    /// Longer than the field allows (characters).
    TooLong(usize),
    /// A character that could mislead when shown: markup, a control, an invisible or
    /// direction mark (the code point).
    Refused(char),
    /// A phone with something besides digits, spaces, `-`, `(`, `)` and a leading `+`, or
    /// fewer than 3 digits.
    BadPhone,
    /// Not `#rgb`/`#rrggbb`, or too light to carry white text.
    BadAccent,
}

impl OfficeProblem {
    fn new(office: &str, field: &str, problem: Problem) -> Self {
        OfficeProblem {
            office: office.to_owned(),
            field: field.to_owned(),
            problem,
        }
    }

    /// One line, Chinese then English, naming the office and the field.
    pub fn message(&self) -> String {
        let (zh, en) = match self.problem {
            Problem::Syntax(at) => (
                format!("不是正确的JSON（第{}个字节附近），格式见docs/deploy.md", at + 1),
                format!("not valid JSON of the documented shape (near byte {})", at + 1),
            ),
            Problem::TooLarge => (
                format!("文件太大（最多{MAX_FILE}字节）"),
                format!("the file is larger than {MAX_FILE} bytes"),
            ),
            Problem::BadId => (
                format!("编号只能用小写英文字母、数字和-，最多{MAX_ID}个"),
                format!("an id is 1 to {MAX_ID} of a-z, 0-9 and -"),
            ),
            Problem::Duplicate => ("重复出现".into(), "given twice".into()),
            Problem::UnknownField => (
                "不认识这一项（可以有：name、address、phone、hours、accent）".into(),
                "unknown field (allowed: name, address, phone, hours, accent)".into(),
            ),
            Problem::NoName => ("缺少name（单位名称）".into(), "no name".into()),
            Problem::Empty => ("是空的".into(), "is empty".into()),
            Problem::TooLong(max) => (
                format!("太长（最多{max}个字）"),
                format!("longer than {max} characters"),
            ),
            Problem::Refused(c) => (
                format!("含有不允许的字符U+{:04X}（标记、控制字符或看不见的字符）", c as u32),
                format!(
                    "holds U+{:04X}, a markup, control, invisible or direction character",
                    c as u32
                ),
            ),
            Problem::BadPhone => (
                "电话只能有数字、空格、-、括号和开头的+，至少3位数字".into(),
                "a phone holds only digits, spaces, -, parentheses and a leading +, at least 3 digits".into(),
            ),
            Problem::BadAccent => (
                "颜色要写成#rrggbb，并且要足够深，白字才看得清".into(),
                "an accent is #rgb or #rrggbb, dark enough for white text".into(),
            ),
        };
        // The id and field as written, but never a control or invisible character (they
        // would reach the terminal) and never more than MAX_ID characters.
        let safe = |s: &str| -> String {
            let mut out: String = s
                .chars()
                .take(MAX_ID)
                .map(|c| if is_refused(c) { '\u{fffd}' } else { c })
                .collect();
            if s.chars().count() > MAX_ID {
                out.push('…');
            }
            out
        };
        let mut place_zh = String::from("offices.json");
        let mut place_en = String::from("offices.json");
        if !self.office.is_empty() {
            place_zh.push_str(&format!("：单位“{}”", safe(&self.office)));
            place_en.push_str(&format!(": office \"{}\"", safe(&self.office)));
        }
        if !self.field.is_empty() {
            place_zh.push_str(&format!("的{}", safe(&self.field)));
            place_en.push_str(&format!(", {}", safe(&self.field)));
        }
        format!("{place_zh}：{zh} / {place_en}: {en}")
    }
}

impl std::fmt::Display for OfficeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// Whether `id` can name an office: 1 to [`MAX_ID`] of `a-z`, `0-9` and `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The office id a page address names (`?office=<id>`, the first `office` parameter), if it
/// is a valid id. Any other value (free text, as older links carried) names no office.
pub fn id_from_query(query: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY {
        return None;
    }
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("office="))?;
    valid_id(value).then(|| value.to_owned())
}

/// Every office in `offices.json`, checked; or every problem found, each naming its office
/// and field. The file is one JSON object: each key an office id, each value an object of
/// [`FIELDS`] as strings, `name` required.
pub fn parse_offices(text: &str) -> Result<Vec<(String, Office)>, Vec<OfficeProblem>> {
    let raw = read_json(text).map_err(|p| vec![p])?;
    let mut offices = Vec::new();
    let mut problems = Vec::new();
    for (i, (id, fields)) in raw.iter().enumerate() {
        if !valid_id(id) {
            problems.push(OfficeProblem::new(id, "", Problem::BadId));
        } else if raw[..i].iter().any(|(other, _)| other == id) {
            problems.push(OfficeProblem::new(id, "", Problem::Duplicate));
        }
        match check_office(id, fields) {
            Ok(o) => offices.push((id.clone(), o)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(offices)
    } else {
        Err(problems)
    }
}

/// The office `id` from `offices.json`, only if the file reads and that office's every
/// value passes its check; None otherwise (then the app shows the policy's agencies only).
pub fn find(text: &str, id: &str) -> Option<Office> {
    if !valid_id(id) {
        return None;
    }
    let raw = read_json(text).ok()?;
    let mut matching = raw.iter().filter(|(k, _)| k == id);
    let (_, fields) = matching.next()?;
    if matching.next().is_some() {
        return None;
    }
    check_office(id, fields).ok()
}

fn check_office(id: &str, fields: &[(String, String)]) -> Result<Office, Vec<OfficeProblem>> {
    let mut office = Office::default();
    let mut problems = Vec::new();
    for (i, (key, value)) in fields.iter().enumerate() {
        let mut fail = |p: Problem| problems.push(OfficeProblem::new(id, key, p));
        if fields[..i].iter().any(|(k, _)| k == key) {
            fail(Problem::Duplicate);
            continue;
        }
        let checked = match key.as_str() {
            "name" => check_text(value, MAX_NAME).map(|v| office.name = Some(v)),
            "address" => check_text(value, MAX_ADDRESS).map(|v| office.address = Some(v)),
            "phone" => check_phone(value).map(|v| office.phone = Some(v)),
            "hours" => check_text(value, MAX_HOURS).map(|v| office.hours = Some(v)),
            "accent" => check_accent(value).map(|v| office.accent = Some(v)),
            _ => Err(Problem::UnknownField),
        };
        if let Err(p) = checked {
            fail(p);
        }
    }
    if office.name.is_none() && !fields.iter().any(|(k, _)| k == "name") {
        problems.push(OfficeProblem::new(id, "name", Problem::NoName));
    }
    if problems.is_empty() {
        Ok(office)
    } else {
        Err(problems)
    }
}

impl Office {
    /// Whether there is anything to tell the family (the accent alone is not).
    pub fn has_contact(&self) -> bool {
        self.name.is_some() || self.address.is_some() || self.phone.is_some()
    }

    /// The details in reading order: name, address, phone, hours.
    pub fn parts(&self) -> Vec<&str> {
        [&self.name, &self.address, &self.phone, &self.hours]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }

    /// "您可以先联系：<name> <address> <phone> <hours>", or None without contact details.
    pub fn contact_line(&self, lang: Lang, voice: Voice) -> Option<String> {
        if !self.has_contact() {
            return None;
        }
        Some(
            [
                &*Key::OfficeFirst.text(lang, voice),
                &self.parts().join(" "),
            ]
            .concat(),
        )
    }

    /// A `tel:` link for the phone: its digits, with its leading `+` if it had one.
    pub fn tel_href(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let mut href = String::from("tel:");
        if phone.starts_with('+') {
            href.push('+');
        }
        href.extend(phone.chars().filter(char::is_ascii_digit));
        Some(href)
    }
}

/// Characters a name, address or opening hours never need and that could mislead when shown:
/// markup, and the invisible characters of [`is_invisible`].
pub fn is_refused(c: char) -> bool {
    matches!(c, '<' | '>' | '"' | '`' | '\\' | '{' | '}') || is_invisible(c)
}

/// Control characters and the invisible ones that reorder, hide or blank text (direction
/// marks such as U+061C, fillers such as U+3164, soft hyphens, tags, variation selectors,
/// private use): the one list, for the embedding office's configuration and for the command
/// line, which writes them escaped in its messages.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}'                 // soft hyphen
            | '\u{034f}'               // combining grapheme joiner
            | '\u{061c}'               // Arabic letter mark (reorders 8:30-17:30)
            | '\u{115f}' | '\u{1160}'  // Hangul fillers
            | '\u{17b4}' | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'  // Mongolian selectors and vowel separator
            | '\u{200b}'..='\u{200f}'  // zero-width and direction marks
            | '\u{2028}'..='\u{202e}'  // line separators, direction embeddings and overrides
            | '\u{2060}'..='\u{206f}'  // word joiner, invisible operators, isolates
            | '\u{3164}'               // Hangul filler (an office name of it shows blank)
            | '\u{e000}'..='\u{f8ff}'  // private use
            | '\u{fe00}'..='\u{fe0f}'  // variation selectors
            | '\u{feff}'
            | '\u{ffa0}'               // halfwidth Hangul filler
            | '\u{fff0}'..='\u{ffff}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}' // tags, variation selectors supplement
            | '\u{f0000}'..)
}

/// Trimmed, inner whitespace runs made one space; refused if empty, too long, or holding a
/// refused character.
pub fn check_text(value: &str, max_chars: usize) -> Result<String, Problem> {
    if let Some(c) = value.chars().find(|&c| is_refused(c)) {
        return Err(Problem::Refused(c));
    }
    let mut text = String::with_capacity(value.len());
    for word in value.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    if text.is_empty() {
        return Err(Problem::Empty);
    }
    if text.chars().count() > max_chars {
        return Err(Problem::TooLong(max_chars));
    }
    Ok(text)
}

/// Digits, spaces, dashes, parentheses and a leading plus (kept); at least 3 digits; at most
/// [`MAX_PHONE`] characters.
pub fn check_phone(value: &str) -> Result<String, Problem> {
    let text = check_text(value, MAX_PHONE)?;
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+');
    if !text.chars().all(allowed)
        || text.char_indices().any(|(i, c)| c == '+' && i != 0)
        || text.chars().filter(char::is_ascii_digit).count() < 3
    {
        return Err(Problem::BadPhone);
    }
    Ok(text)
}

/// `#rgb` or `#rrggbb`, dark enough to carry white text ([`MIN_ACCENT_CONTRAST`]); returned
/// as `#rrggbb` in lower case.
pub fn check_accent(value: &str) -> Result<String, Problem> {
    let hex = value.trim().strip_prefix('#').ok_or(Problem::BadAccent)?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Problem::BadAccent);
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return Err(Problem::BadAccent),
    }
    .to_ascii_lowercase();
    let channel =
        |i: usize| u8::from_str_radix(&full[i..i + 2], 16).map_err(|_| Problem::BadAccent);
    let rgb = [channel(0)?, channel(2)?, channel(4)?];
    if contrast_with_white(rgb) < MIN_ACCENT_CONTRAST {
        return Err(Problem::BadAccent);
    }
    Ok(["#", &full].concat())
}

/// An office as written: its id and its (field, value) pairs, in the file's order.
type RawOffice = (String, Vec<(String, String)>);

/// The file as (id, [(field, value)]) in its order: one JSON object of objects of strings,
/// nothing else. A small reader of just that shape keeps a JSON library out of the wasm.
fn read_json(text: &str) -> Result<Vec<RawOffice>, OfficeProblem> {
    if text.len() > MAX_FILE {
        return Err(OfficeProblem::new("", "", Problem::TooLarge));
    }
    let mut r = Json {
        s: text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes(),
        at: 0,
    };
    let syntax = |at: usize| OfficeProblem::new("", "", Problem::Syntax(at));
    let mut offices = Vec::new();
    r.object(|r, id| {
        let mut fields = Vec::new();
        r.object(|r, key| {
            fields.push((key, r.string()?));
            Ok(())
        })?;
        offices.push((id, fields));
        Ok(())
    })
    .map_err(syntax)?;
    r.ws();
    if r.at != r.s.len() {
        return Err(syntax(r.at));
    }
    Ok(offices)
}

struct Json<'a> {
    s: &'a [u8],
    at: usize,
}

impl Json<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), usize> {
        self.ws();
        if self.s.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.at)
        }
    }

    /// `{ "key": <value>, … }`, calling `each` with the key after its colon.
    fn object(
        &mut self,
        mut each: impl FnMut(&mut Self, String) -> Result<(), usize>,
    ) -> Result<(), usize> {
        self.eat(b'{')?;
        self.ws();
        if self.s.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            each(self, key)?;
            self.ws();
            match self.s.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                _ => return Err(self.at),
            }
        }
    }

    /// A JSON string, its escapes decoded (a lone surrogate refused).
    fn string(&mut self) -> Result<String, usize> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let at = self.at;
            let b = *self.s.get(at).ok_or(at)?;
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| at),
                b'\\' => {
                    let e = *self.s.get(self.at).ok_or(self.at)?;
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                if self.s.get(self.at..self.at + 2) != Some(b"\\u") {
                                    return Err(self.at);
                                }
                                self.at += 2;
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return Err(self.at);
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            char::from_u32(code).ok_or(self.at)?
                        }
                        _ => return Err(at),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(at),
                _ => out.push(b),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, usize> {
        let at = self.at;
        let digits = self.s.get(at..at + 4).ok_or(at)?;
        let digits = std::str::from_utf8(digits).map_err(|_| at)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(at);
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| at)
    }
}
/// WCAG 2 contrast ratio of a colour against white.
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| f64::from(SRGB_LINEAR[usize::from(c)]) / 65535.0;
    let l = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (l + 0.05)
}

/// Each sRGB channel value linearised (WCAG 2: c/12.92 up to 0.03928, else
/// ((c+0.055)/1.055)^2.4), times 65535: a table instead of `powf`, which would bring libm's
/// `pow` (2 KB) into the first load. `srgb_table_matches_the_formula` checks it.
const SRGB_LINEAR: [u16; 256] = [
    0, 20, 40, 60, 80, 99, 119, 139, 159, 179, 199, 219, 241, 264, 288, 313, 340, 367, 396, 427,
    458, 491, 526, 562, 599, 637, 677, 718, 761, 805, 851, 898, 947, 997, 1048, 1101, 1156, 1212,
    1270, 1330, 1391, 1453, 1517, 1583, 1651, 1720, 1790, 1863, 1937, 2013, 2090, 2170, 2250, 2333,
    2418, 2504, 2592, 2681, 2773, 2866, 2961, 3058, 3157, 3258, 3360, 3464, 3570, 3678, 3788, 3900,
    4014, 4129, 4247, 4366, 4488, 4611, 4736, 4864, 4993, 5124, 5257, 5392, 5530, 5669, 5810, 5953,
    6099, 6246, 6395, 6547, 6700, 6856, 7014, 7174, 7335, 7500, 7666, 7834, 8004, 8177, 8352, 8528,
    8708, 8889, 9072, 9258, 9445, 9635, 9828, 10022, 10219, 10417, 10619, 10822, 11028, 11235,
    11446, 11658, 11873, 12090, 12309, 12530, 12754, 12980, 13209, 13440, 13673, 13909, 14146,
    14387, 14629, 14874, 15122, 15371, 15623, 15878, 16135, 16394, 16656, 16920, 17187, 17456,
    17727, 18001, 18277, 18556, 18837, 19121, 19407, 19696, 19987, 20281, 20577, 20876, 21177,
    21481, 21787, 22096, 22407, 22721, 23038, 23357, 23678, 24002, 24329, 24658, 24990, 25325,
    25662, 26001, 26344, 26688, 27036, 27386, 27739, 28094, 28452, 28813, 29176, 29542, 29911,
    30282, 30656, 31033, 31412, 31794, 32179, 32567, 32957, 33350, 33745, 34143, 34544, 34948,
    35355, 35764, 36176, 36591, 37008, 37429, 37852, 38278, 38706, 39138, 39572, 40009, 40449,
    40891, 41337, 41785, 42236, 42690, 43147, 43606, 44069, 44534, 45002, 45473, 45947, 46423,
    46903, 47385, 47871, 48359, 48850, 49344, 49841, 50341, 50844, 51349, 51858, 52369, 52884,
    53401, 53921, 54445, 54971, 55500, 56032, 56567, 57105, 57646, 58190, 58737, 59287, 59840,
    60396, 60955, 61517, 62082, 62650, 63221, 63795, 64372, 64952, 65535,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srgb_table_matches_the_formula() {
        for (i, &v) in SRGB_LINEAR.iter().enumerate() {
            let c = i as f64 / 255.0;
            let l = if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            assert!((f64::from(v) / 65535.0 - l).abs() < 1e-5, "{i}");
        }
    }

    const FILE: &str = r##"{
      "longting-xinhua": {
        "name": "示例社区",
        "address": "示例路1号",
        "phone": "+86 371 0000 0000",
        "hours": "周一至周五  9:00-17:00",
        "accent": "#A33"
      },
      "gulou-2": { "name": "\u793a\u4f8b\u8857\u9053" }
    }"##;

    /// One office `x` whose `field` is `value` (JSON-escaped by hand where needed).
    fn one(field: &str, value: &str) -> String {
        let name = if field == "name" {
            ""
        } else {
            r#""name": "社区", "#
        };
        format!(r#"{{"x": {{{name}"{field}": "{value}"}}}}"#)
    }

    fn problem(text: &str) -> Problem {
        let problems = parse_offices(text).expect_err(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems[0].problem
    }

    #[test]
    fn an_office_is_read_from_the_file_by_its_id() {
        let o = find(FILE, "longting-xinhua").unwrap();
        assert_eq!(o.name.as_deref(), Some("示例社区"));
        assert_eq!(o.address.as_deref(), Some("示例路1号"));
        assert_eq!(o.phone.as_deref(), Some("+86 371 0000 0000"));
        assert_eq!(o.hours.as_deref(), Some("周一至周五 9:00-17:00"));
        assert_eq!(o.accent.as_deref(), Some("#aa3333"));
        assert_eq!(
            o.contact_line(Lang::Zh, Voice::Family).unwrap(),
            "您可以先联系：示例社区 示例路1号 +86 371 0000 0000 周一至周五 9:00-17:00"
        );
        // JSON escapes are read: \u793a… is 示例街道.
        assert_eq!(
            find(FILE, "gulou-2").unwrap().name.as_deref(),
            Some("示例街道")
        );
        assert_eq!(parse_offices(FILE).unwrap().len(), 2);
    }

    #[test]
    fn a_phone_keeps_its_leading_plus_in_the_text_and_the_call_link() {
        let o = find(FILE, "longting-xinhua").unwrap();
        assert_eq!(o.tel_href().as_deref(), Some("tel:+8637100000000"));
        let o = find(&one("phone", "(0371) 1234-5678"), "x").unwrap();
        assert_eq!(o.phone.as_deref(), Some("(0371) 1234-5678"));
        assert_eq!(o.tel_href().as_deref(), Some("tel:037112345678"));
    }

    #[test]
    fn unknown_or_malformed_ids_name_no_office() {
        assert_eq!(find(FILE, "nowhere"), None);
        for bad in [
            "",
            "Longting",
            "龙亭",
            "a b",
            "a_b",
            &"a".repeat(MAX_ID + 1),
        ] {
            assert_eq!(find(FILE, bad), None, "{bad}");
            assert!(!valid_id(bad), "{bad}");
        }
        assert!(valid_id(&"a".repeat(MAX_ID)));
    }

    #[test]
    fn the_link_names_an_office_only_by_a_valid_id() {
        assert_eq!(
            id_from_query("?office=longting-xinhua&lang=en").as_deref(),
            Some("longting-xinhua")
        );
        assert_eq!(id_from_query("?a=1&office=x1").as_deref(), Some("x1"));
        for q in [
            "",
            "?",
            "?offices=x",
            "?office=",
            "?office=%E7%A4%BE%E5%8C%BA",
            "?office=【重要】请先添加微信",
            "?office=A",
            "?office=a+b",
            "?office=a%2Db",
        ] {
            assert_eq!(id_from_query(q), None, "{q}");
        }
        let long = format!("?office=x&pad={}", "a".repeat(MAX_QUERY));
        assert_eq!(id_from_query(&long), None);
    }

    #[test]
    fn direction_marks_fillers_and_other_invisible_characters_are_refused() {
        for c in [
            '\u{061c}',
            '\u{3164}',
            '\u{00ad}',
            '\u{180e}',
            '\u{034f}',
            '\u{e0041}',
            '\u{200b}',
            '\u{200e}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{feff}',
            '\u{ffa0}',
            '\u{115f}',
            '\u{fe0f}',
            '\u{e000}',
            '\u{2028}',
            '\u{7}',
            '\u{85}',
        ] {
            let value = format!("8:30{c}-17:30");
            assert_eq!(
                check_text(&value, MAX_HOURS),
                Err(Problem::Refused(c)),
                "U+{:04X}",
                c as u32
            );
            // Through the file, written raw or as a \u escape.
            let raw = one("hours", &value);
            let escaped = one("hours", &format!("8:30\\u{:04x}-17:30", c as u32));
            for text in [raw, escaped] {
                if (c as u32) < 0x20 && !text.contains("\\u") {
                    continue; // a raw control character is already not JSON
                }
                if (c as u32) > 0xffff && text.contains("\\u") {
                    continue; // needs a surrogate pair, tested below
                }
                assert_eq!(find(&text, "x"), None, "U+{:04X}", c as u32);
            }
        }
        // U+E0041 (TAG LATIN CAPITAL LETTER A) as a surrogate pair.
        assert_eq!(
            problem(&one("name", r"社区\udb40\udc41")),
            Problem::Refused('\u{e0041}')
        );
        // An office named only U+3164 would show blank.
        assert_eq!(
            problem(&one("name", "\u{3164}")),
            Problem::Refused('\u{3164}')
        );
        for c in ['<', '>', '"', '`', '{', '}'] {
            assert_eq!(
                check_text(&format!("a{c}b"), MAX_NAME),
                Err(Problem::Refused(c))
            );
        }
        // Ordinary Chinese punctuation and the ideographic space are fine.
        assert_eq!(
            check_text("开封市（示例）路1号，2楼　东门", MAX_ADDRESS).as_deref(),
            Ok("开封市（示例）路1号，2楼 东门")
        );
    }

    #[test]
    fn overlong_values_are_refused_not_cut() {
        let at = "社".repeat(MAX_NAME);
        let over = "社".repeat(MAX_NAME + 1);
        assert_eq!(find(&one("name", &at), "x").unwrap().name, Some(at));
        assert_eq!(problem(&one("name", &over)), Problem::TooLong(MAX_NAME));
        assert_eq!(
            problem(&one("address", &"路".repeat(MAX_ADDRESS + 1))),
            Problem::TooLong(MAX_ADDRESS)
        );
        assert!(find(&one("address", &"路".repeat(MAX_ADDRESS)), "x").is_some());
        assert_eq!(
            problem(&one("hours", &"9".repeat(MAX_HOURS + 1))),
            Problem::TooLong(MAX_HOURS)
        );
        assert_eq!(
            problem(&one("phone", &"1".repeat(MAX_PHONE + 1))),
            Problem::TooLong(MAX_PHONE)
        );
        assert!(find(&one("phone", &"1".repeat(MAX_PHONE)), "x").is_some());
    }

    #[test]
    fn phones_take_digits_spaces_dashes_parentheses_and_a_leading_plus() {
        for ok in [
            "12345",
            "(0371) 1234-5678",
            "+86 371 1234 5678",
            "0000-0000000",
            "123",
        ] {
            assert_eq!(check_phone(ok).as_deref(), Ok(ok), "{ok}");
        }
        for bad in [
            "12",
            "1234a",
            "123;456",
            "86+123",
            "tel:123",
            "javascript:1",
            "１２３４５",
            "+ +123",
        ] {
            assert_eq!(check_phone(bad), Err(Problem::BadPhone), "{bad}");
        }
        assert_eq!(check_phone("  "), Err(Problem::Empty));
    }

    #[test]
    fn accents_are_hex_colours_dark_enough_for_white_text() {
        assert_eq!(check_accent("#0b5cad").as_deref(), Ok("#0b5cad"));
        assert_eq!(check_accent("#A33").as_deref(), Ok("#aa3333"));
        assert_eq!(check_accent("#000").as_deref(), Ok("#000000"));
        for bad in [
            "red",
            "0b5cad",
            "#0b5cad0",
            "#12345",
            "#ggg",
            "#fff",
            "#ffff00",
            "#0a5",
            "#0b5cad;background:url(x)",
            "var(--x)",
            "",
        ] {
            assert_eq!(check_accent(bad), Err(Problem::BadAccent), "{bad}");
        }
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 1e-9);
        assert!((contrast_with_white([255, 255, 255]) - 1.0).abs() < 1e-9);
        // An accent alone is not contact details, and an office needs a name.
        assert_eq!(
            problem(r##"{"x": {"accent": "#123456"}}"##),
            Problem::NoName
        );
        let o = Office {
            accent: Some("#123456".into()),
            ..Office::default()
        };
        assert!(!o.has_contact());
    }

    #[test]
    fn one_bad_value_keeps_its_whole_office_off_the_page() {
        let text = r#"{"x": {"name": "示例社区", "phone": "12<b>34</b>5"}, "y": {"name": "好的"}}"#;
        assert_eq!(find(text, "x"), None);
        assert_eq!(find(text, "y").unwrap().name.as_deref(), Some("好的"));
        let problems = parse_offices(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].office.as_str(), problems[0].field.as_str()),
            ("x", "phone")
        );
    }

    #[test]
    fn problems_name_the_office_and_the_field_in_chinese_then_english() {
        let problems =
            parse_offices(r#"{"longting-xinhua": {"name": "社区", "adress": "路"}}"#).unwrap_err();
        assert_eq!(problems[0].problem, Problem::UnknownField);
        let line = problems[0].message();
        assert!(
            line.starts_with("offices.json：单位“longting-xinhua”的adress：不认识这一项"),
            "{line}"
        );
        assert!(
            line.contains(" / offices.json: office \"longting-xinhua\", adress: unknown field"),
            "{line}"
        );
        let line = parse_offices(&one("hours", "8:30\u{061c}-17:30")).unwrap_err()[0].message();
        assert!(line.contains("U+061C"), "{line}");
        assert!(line.contains("单位“x”的hours"), "{line}");
    }

    #[test]
    fn the_file_must_be_one_object_of_offices_of_strings() {
        assert_eq!(parse_offices("{}"), Ok(vec![]));
        assert_eq!(parse_offices("\u{feff} {\n}\n"), Ok(vec![]));
        for bad in [
            "",
            "[]",
            r#"{"x": "社区"}"#,
            r#"{"x": {"name": 1}}"#,
            r#"{"x": {"name": "a"},}"#,
            r#"{"x": {"name": "a"}} {}"#,
            r#"{"x": {"name": "a\q"}}"#,
            r#"{"x": {"name": "a\ud800"}}"#,
            r#"{"x": {"name": "a"#,
            "{\"x\": {\"name\": \"a\nb\"}}",
            r#"{'x': {}}"#,
        ] {
            assert!(
                matches!(problem(bad), Problem::Syntax(_)),
                "{bad:?}: {:?}",
                parse_offices(bad)
            );
            assert_eq!(find(bad, "x"), None);
        }
        assert_eq!(
            problem(&format!(
                "{{\"x\": {{\"name\": \"{}\"}}}}",
                "a".repeat(MAX_FILE)
            )),
            Problem::TooLarge
        );
        assert_eq!(
            problem(r#"{"x": {"name": "a"}, "x": {"name": "b"}}"#),
            Problem::Duplicate
        );
        assert_eq!(
            find(r#"{"x": {"name": "a"}, "x": {"name": "b"}}"#, "x"),
            None
        );
        assert_eq!(
            problem(r#"{"x": {"name": "a", "name": "b"}}"#),
            Problem::Duplicate
        );
        assert_eq!(problem(r#"{"X": {"name": "a"}}"#), Problem::BadId);
        assert_eq!(problem(r#"{"x": {"name": "  "}}"#), Problem::Empty);
    }

    #[test]
    fn the_line_follows_language_and_voice() {
        let o = find(r#"{"x": {"name": "A", "hours": "B"}}"#, "x").unwrap();
        assert_eq!(
            o.contact_line(Lang::En, Voice::Family).unwrap(),
            "You can contact first: A B"
        );
        assert_eq!(
            o.contact_line(Lang::Zh, Voice::Volunteer).unwrap(),
            "老人可以先联系：A B"
        );
        assert_eq!(
            Office::default().contact_line(Lang::Zh, Voice::Family),
            None
        );
    }

    #[test]
    fn the_shipped_offices_file_passes_every_check() {
        let text = include_str!("../static/offices.json");
        if let Err(problems) = parse_offices(text) {
            panic!(
                "{}",
                problems
                    .iter()
                    .map(OfficeProblem::message)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}
