//! The street office (街道办/社区) that embeds the app, from the page's query string:
//! `?office=…&address=…&phone=…&hours=…&accent=%23…`. Every value is checked here and
//! anything doubtful is dropped, never repaired: a wrong phone number on a printed sheet is
//! worse than none. Without these parameters the app names only the policy's agencies and
//! the public hotlines; it never makes up an office's details.
//!
//! The values are shown as text (Yew escapes it); nothing here is ever parsed as HTML.

use super::text::{Key, Lang, Voice};

/// Longest accepted values, in characters. Longer ones are refused, not cut: a cut address
/// could send a family to the wrong door.
pub const MAX_NAME: usize = 40;
pub const MAX_ADDRESS: usize = 80;
pub const MAX_PHONE: usize = 20;
pub const MAX_HOURS: usize = 40;
/// A query string longer than this is ignored as a whole.
pub const MAX_QUERY: usize = 2048;

/// The contrast an accent needs against white: it colours buttons with white text and links
/// on white (WCAG AA for normal text).
pub const MIN_ACCENT_CONTRAST: f64 = 4.5;

/// The embedding office's details, each present only if it passed its check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Office {
    pub name: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub hours: Option<String>,
    /// `#rrggbb`, lower case.
    pub accent: Option<String>,
}

impl Office {
    /// Reads the office's parameters from a query string, with or without its leading `?`.
    /// Other parameters are left alone; a parameter given twice counts the first time.
    pub fn from_query(query: &str) -> Office {
        let mut office = Office::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        if query.len() > MAX_QUERY {
            return office;
        }
        let mut seen: Vec<&str> = Vec::new();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(key) = percent_decode(key) else {
                continue;
            };
            let key = match key.as_str() {
                "office" => "office",
                "address" => "address",
                "phone" => "phone",
                "hours" => "hours",
                "accent" => "accent",
                _ => continue,
            };
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let Some(value) = percent_decode(value) else {
                continue;
            };
            match key {
                "office" => office.name = clean_text(&value, MAX_NAME),
                "address" => office.address = clean_text(&value, MAX_ADDRESS),
                "phone" => office.phone = clean_phone(&value),
                "hours" => office.hours = clean_text(&value, MAX_HOURS),
                _ => office.accent = clean_accent(&value),
            }
        }
        office
    }

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
        Some(format!(
            "{}{}",
            Key::OfficeFirst.text(lang, voice),
            self.parts().join(" ")
        ))
    }

    /// A `tel:` link for the phone: its digits, with a leading `+` if it had one.
    pub fn tel_href(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let mut href = String::from("tel:");
        if phone.trim_start().starts_with('+') {
            href.push('+');
        }
        href.extend(phone.chars().filter(char::is_ascii_digit));
        Some(href)
    }
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte. None for a
/// broken escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Characters a name, address or opening hours never need and that could mislead when shown:
/// markup, control characters and the invisible ones that reorder or hide text.
fn is_refused(c: char) -> bool {
    c.is_control()
        || matches!(c, '<' | '>' | '"' | '`' | '\\' | '{' | '}')
        || matches!(c,
            '\u{200b}'..='\u{200f}'   // zero-width and direction marks
            | '\u{202a}'..='\u{202e}' // direction embeddings and overrides
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' // direction isolates
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}')
}

/// Trimmed, inner whitespace runs made one space; None if empty, too long, or holding a
/// refused character.
pub fn clean_text(value: &str, max_chars: usize) -> Option<String> {
    if value.chars().any(|c| c != '\t' && is_refused(c)) {
        return None;
    }
    // Runs of white space become one space, none at either end.
    let mut text = String::with_capacity(value.len());
    for word in value.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    if text.is_empty() || text.chars().count() > max_chars {
        return None;
    }
    Some(text)
}

/// Digits, spaces, dashes, parentheses and a leading plus; at least 3 digits; at most
/// [`MAX_PHONE`] characters.
pub fn clean_phone(value: &str) -> Option<String> {
    let text = clean_text(value, MAX_PHONE)?;
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+');
    if !text.chars().all(allowed) {
        return None;
    }
    if text.char_indices().any(|(i, c)| c == '+' && i != 0) {
        return None;
    }
    if text.chars().filter(char::is_ascii_digit).count() < 3 {
        return None;
    }
    Some(text)
}

/// `#rgb` or `#rrggbb`, dark enough to carry white text ([`MIN_ACCENT_CONTRAST`]); returned
/// as `#rrggbb` in lower case.
pub fn clean_accent(value: &str) -> Option<String> {
    let hex = value.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    }
    .to_ascii_lowercase();
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
    let rgb = [channel(0)?, channel(2)?, channel(4)?];
    if contrast_with_white(rgb) < MIN_ACCENT_CONTRAST {
        return None;
    }
    Some(format!("#{full}"))
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

    const FULL: &str = "?office=%E7%A4%BA%E4%BE%8B%E7%A4%BE%E5%8C%BA&address=%E7%A4%BA%E4%BE%8B%E8%B7%AF1%E5%8F%B7&phone=000-0000+0000&hours=%E5%91%A8%E4%B8%80%E8%87%B3%E5%91%A8%E4%BA%94+9%3A00-17%3A00&accent=%23a33";

    #[test]
    fn reads_all_five_parameters() {
        let o = Office::from_query(FULL);
        assert_eq!(o.name.as_deref(), Some("示例社区"));
        assert_eq!(o.address.as_deref(), Some("示例路1号"));
        assert_eq!(o.phone.as_deref(), Some("000-0000 0000"));
        assert_eq!(o.hours.as_deref(), Some("周一至周五 9:00-17:00"));
        assert_eq!(o.accent.as_deref(), Some("#aa3333"));
        assert!(o.has_contact());
        assert_eq!(
            o.contact_line(Lang::Zh, Voice::Family).unwrap(),
            "您可以先联系：示例社区 示例路1号 000-0000 0000 周一至周五 9:00-17:00"
        );
        assert_eq!(o.tel_href().unwrap(), "tel:00000000000");
    }

    #[test]
    fn without_parameters_there_is_no_office() {
        for q in ["", "?", "?a=1&b=2", "?lang=en&answers=xyz"] {
            let o = Office::from_query(q);
            assert_eq!(o, Office::default(), "{q}");
            assert!(!o.has_contact());
            assert_eq!(o.contact_line(Lang::Zh, Voice::Family), None);
            assert_eq!(o.tel_href(), None);
        }
    }

    #[test]
    fn markup_and_invisible_characters_are_refused() {
        for bad in [
            "<script>alert(1)</script>",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%3Cb%3E%E7%A4%BE%E5%8C%BA%3C%2Fb%3E",
            "a%22onmouseover%3D%22x",
            "%E7%A4%BE%E5%8C%BA%E2%80%AE",
            "%E7%A4%BE%0A%E5%8C%BA",
            "%E7%A4%BE%00",
        ] {
            let o = Office::from_query(&format!("office={bad}&address={bad}&hours={bad}"));
            assert_eq!(o, Office::default(), "{bad}");
        }
    }

    #[test]
    fn overlong_values_are_refused_not_cut() {
        let name_ok = "社".repeat(MAX_NAME);
        let name_long = "社".repeat(MAX_NAME + 1);
        assert_eq!(
            Office::from_query(&format!("office={name_ok}")).name,
            Some(name_ok)
        );
        assert_eq!(
            Office::from_query(&format!("office={name_long}")).name,
            None
        );
        let addr_long = "路".repeat(MAX_ADDRESS + 1);
        assert_eq!(
            Office::from_query(&format!("address={addr_long}")).address,
            None
        );
        let hours_long = "9".repeat(MAX_HOURS + 1);
        assert_eq!(
            Office::from_query(&format!("hours={hours_long}")).hours,
            None
        );
        assert_eq!(
            Office::from_query(&format!("phone={}", "1".repeat(MAX_PHONE + 1))).phone,
            None
        );
        assert_eq!(
            Office::from_query(&format!("office=x&pad={}", "a".repeat(MAX_QUERY))),
            Office::default()
        );
    }

    #[test]
    fn phones_take_digits_spaces_dashes_parentheses_and_a_leading_plus() {
        for ok in [
            "12345",
            "(0371) 1234-5678",
            "+86 371 1234 5678",
            "0000-0000000",
        ] {
            assert_eq!(clean_phone(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "12",
            "1234a",
            "123;456",
            "86+123",
            "tel:123",
            "javascript:1",
            "１２３４５",
            "",
        ] {
            assert_eq!(clean_phone(bad), None, "{bad}");
        }
        let o = Office::from_query("phone=%2B86+(371)+1234-5678");
        assert_eq!(o.phone.as_deref(), Some("+86 (371) 1234-5678"));
        assert_eq!(o.tel_href().as_deref(), Some("tel:+8637112345678"));
        assert!(o.has_contact());
    }

    #[test]
    fn accents_are_hex_colours_dark_enough_for_white_text() {
        assert_eq!(clean_accent("#0b5cad").as_deref(), Some("#0b5cad"));
        assert_eq!(clean_accent("#A33").as_deref(), Some("#aa3333"));
        assert_eq!(clean_accent("#000").as_deref(), Some("#000000"));
        for bad in [
            "red",
            "0b5cad",
            "#0b5cad0",
            "#12345",
            "#ggg",
            "#fff",
            "#ffff00",
            "#0b5cad;background:url(x)",
            "var(--x)",
            "",
        ] {
            assert_eq!(clean_accent(bad), None, "{bad}");
        }
        assert!((contrast_with_white([0, 0, 0]) - 21.0).abs() < 1e-9);
        assert!((contrast_with_white([255, 255, 255]) - 1.0).abs() < 1e-9);
        // An accent alone is not contact details.
        let o = Office::from_query("accent=%23123456");
        assert_eq!(o.accent.as_deref(), Some("#123456"));
        assert!(!o.has_contact());
    }

    #[test]
    fn whitespace_is_tidied_and_the_first_value_wins() {
        let o = Office::from_query("office=++%E7%A4%BE++%E5%8C%BA++&office=%E5%8F%A6");
        assert_eq!(o.name.as_deref(), Some("社 区"));
        assert_eq!(Office::from_query("office=+++").name, None);
        assert_eq!(Office::from_query("office=%E7%A4%BE%ZZ").name, None);
        assert_eq!(Office::from_query("office=%FF").name, None);
        assert_eq!(Office::from_query("office=%E7%A4").name, None);
    }

    #[test]
    fn the_line_follows_language_and_voice() {
        let o = Office::from_query("office=A&hours=B");
        assert_eq!(
            o.contact_line(Lang::En, Voice::Family).unwrap(),
            "You can contact first: A B"
        );
        assert_eq!(
            o.contact_line(Lang::Zh, Voice::Volunteer).unwrap(),
            "老人可以先联系：A B"
        );
        // Hours alone say nothing about whom to contact.
        assert_eq!(
            Office::from_query("hours=B").contact_line(Lang::Zh, Voice::Family),
            None
        );
    }
}
