//! The English texts, out of the web app's first load. Most families read Chinese, and the
//! English sentences were a tenth of the first download; so in the web build every English
//! literal written `en!("…")` (and the English side of every `texts!` entry) is a one-character
//! tag, and the sentences come in one small file, fetched when someone chooses English and kept
//! by the service worker for offline use. Natively `en!` is the literal itself, so the rules,
//! the command line and the tests read exactly what is written.
//!
//! Code that shows or builds English text from such a literal passes it through [`resolve`]
//! (`Lang::pick` and `Key::text` do), which gives the sentence back for a tag and any other
//! text unchanged.

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// How many English texts there are.
pub const COUNT: usize = EN_COUNT;
/// The English table's file name in the release (`en-<hash>.txt`).
pub const FILE: &str = EN_FILE;

/// An English literal: the literal natively, a tag in the web build.
#[macro_export]
macro_rules! en {
    ($s:tt) => {{
        #[cfg(target_arch = "wasm32")]
        {
            __en_tag!($s)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            $s
        }
    }};
}

/// The table as this build wrote it, for the browser tests (the app fetches [`FILE`] instead,
/// and this constant is not in its download).
pub const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/en.txt"));

/// A fetched table of texts, one per line, whose tags are `first`, `first + 1`, … (the English
/// one here, the later Chinese one in `crate::later`).
#[cfg(target_arch = "wasm32")]
pub(crate) struct Table {
    lines: std::sync::OnceLock<Vec<&'static str>>,
    first: u32,
    count: usize,
}

#[cfg(target_arch = "wasm32")]
impl Table {
    pub(crate) const fn new(first: u32, count: usize) -> Self {
        Table {
            lines: std::sync::OnceLock::new(),
            first,
            count,
        }
    }

    /// Takes the fetched text; false when it is not this build's (a stale or damaged file).
    pub(crate) fn install(&self, text: String) -> bool {
        if let Some(lines) = self.lines.get() {
            return lines.len() == self.count;
        }
        let text: &'static str = String::leak(text);
        let lines: Vec<&'static str> = text.lines().collect();
        if lines.len() != self.count {
            return false;
        }
        self.lines.set(lines).is_ok()
    }

    pub(crate) fn installed(&self) -> bool {
        self.lines.get().is_some()
    }

    /// The text for one of this table's tags ("" until the table is here); any other text as
    /// it is.
    pub(crate) fn resolve<'a>(&self, s: &'a str) -> &'a str {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None)
                if (self.first..self.first + self.count as u32).contains(&(c as u32)) =>
            {
                self.lines
                    .get()
                    .and_then(|l| l.get((c as u32 - self.first) as usize))
                    .copied()
                    .unwrap_or("")
            }
            _ => s,
        }
    }
}

#[cfg(target_arch = "wasm32")]
static TABLE: Table = Table::new(0xE000, COUNT);

/// Takes the fetched table; false when it is not this build's (a stale or damaged file).
#[cfg(target_arch = "wasm32")]
pub fn install(text: String) -> bool {
    TABLE.install(text)
}

/// Whether the English sentences are here to show.
pub fn installed() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        TABLE.installed()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}

/// The sentence for a tag; any other text as it is.
#[inline]
pub fn resolve(s: &str) -> &str {
    #[cfg(target_arch = "wasm32")]
    {
        TABLE.resolve(s)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s
    }
}

/// What both text tables (this one and `crate::later`'s) hold to: one line per text, none
/// empty, no two alike.
#[cfg(test)]
pub(crate) fn check_table(bundled: &str, count: usize) {
    let lines: Vec<&str> = bundled.lines().collect();
    assert_eq!(lines.len(), count);
    let mut seen = std::collections::HashSet::new();
    for l in &lines {
        assert!(!l.trim().is_empty());
        assert!(seen.insert(*l), "twice in the table: {l}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_line_per_english_text_and_no_two_alike() {
        check_table(BUNDLED, COUNT);
    }

    #[test]
    fn the_file_is_named_by_its_content() {
        assert!(FILE.starts_with("en-") && FILE.ends_with(".txt") && FILE.len() == 23);
    }

    #[test]
    fn natively_an_english_literal_is_itself() {
        assert_eq!(en!("Legal aid"), "Legal aid");
        assert_eq!(resolve("Legal aid"), "Legal aid");
    }

    #[test]
    fn every_english_text_of_the_app_is_in_the_table() {
        for k in crate::flow::text::Key::ALL {
            let en = k.pair().1;
            assert!(BUNDLED.lines().any(|l| l == en), "not in the table: {en}");
        }
        for b in crate::rules::BENEFITS.iter() {
            assert!(
                BUNDLED.lines().any(|l| l == b.en),
                "not in the table: {}",
                b.en
            );
        }
    }
}
