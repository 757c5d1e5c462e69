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

include!(concat!(env!("OUT_DIR"), "/english.rs"));

/// An English literal: the literal natively, a tag in the web build.
#[macro_export]
macro_rules! en {
    ($s:tt) => {{
        #[cfg(target_arch = "wasm32")]
        {
            __english_tag!($s)
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            $s
        }
    }};
}

/// The table as this build wrote it, for the browser tests (the app fetches [`FILE`] instead,
/// and this constant is not in its download).
pub const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/english.txt"));

#[cfg(target_arch = "wasm32")]
mod table {
    use std::sync::OnceLock;

    static LINES: OnceLock<Vec<&'static str>> = OnceLock::new();

    pub fn install(text: String) -> bool {
        if let Some(lines) = LINES.get() {
            return lines.len() == super::COUNT;
        }
        let text: &'static str = String::leak(text);
        let lines: Vec<&'static str> = text.lines().collect();
        if lines.len() != super::COUNT {
            return false;
        }
        LINES.set(lines).is_ok()
    }

    pub fn installed() -> bool {
        LINES.get().is_some()
    }

    pub fn resolve(s: &str) -> &str {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if ('\u{e000}'..='\u{f8ff}').contains(&c) => LINES
                .get()
                .and_then(|l| l.get(c as usize - 0xe000))
                .copied()
                .unwrap_or(""),
            _ => s,
        }
    }
}

/// Takes the fetched table; false when it is not this build's (a stale or damaged file).
#[cfg(target_arch = "wasm32")]
pub fn install(text: String) -> bool {
    table::install(text)
}

/// Whether the English sentences are here to show.
pub fn installed() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        table::installed()
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
        table::resolve(s)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_line_per_english_text_and_no_two_alike() {
        let lines: Vec<&str> = BUNDLED.lines().collect();
        assert_eq!(lines.len(), COUNT);
        let mut seen = std::collections::HashSet::new();
        for l in &lines {
            assert!(!l.trim().is_empty());
            assert!(seen.insert(*l), "twice in the table: {l}");
        }
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
