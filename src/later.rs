//! The Chinese shown only from the results on, out of the web app's first load: each item's
//! title, the clause it rests on word for word, the papers to bring, the reasons, the agencies'
//! names, the results' and the printed sheet's own words. In the web build every literal
//! written `later!("…")` is a one-character tag, like English's (`crate::english`), and the
//! texts come in one small file that the app fetches as soon as its first screen is up, long
//! before anyone reaches the results, and that the service worker keeps for offline use. The
//! results screen waits for it (`app::screens::preparing`), and says so, with a retry, when it
//! cannot be had. Natively, and in the office page (`FUZHU_PAGE=office`), `later!` is the
//! literal itself.
//!
//! Code that shows or builds Chinese text from such a literal passes it through [`resolve`]
//! (`Lang::pick`, `Key::text`, `present::reason`, `AgencyId::name_zh` do). Never write
//! `later!` for a text the first screen or the questions show.

/// A Chinese literal shown only from the results on: the literal natively, a tag in the web
/// build.
///
/// The office page carries these texts as they are: it is opened on an office's PC, not
/// budgeted like a phone's first load, and its register code reads the items' titles
/// directly. Its build says so with `FUZHU_PAGE=office` (build.rs sets `fuzhu_later_literal`),
/// not with the feature `office`, so that features only add code: `--all-features` builds the
/// family page with its tags, as without.
#[macro_export]
macro_rules! later {
    ($s:tt) => {{
        #[cfg(all(target_arch = "wasm32", not(fuzhu_later_literal)))]
        {
            __later_tag!($s)
        }
        #[cfg(not(all(target_arch = "wasm32", not(fuzhu_later_literal))))]
        {
            $s
        }
    }};
}

/// How many texts the table has.
pub const COUNT: usize = crate::english::LATER_COUNT;
/// The table's file name in the release (`later-<hash>.txt`).
pub const FILE: &str = crate::english::LATER_FILE;

/// The table as this build wrote it, for the browser tests (the family page fetches [`FILE`] instead, and this constant is not in its download).
pub const BUNDLED: &str = include_str!(concat!(env!("OUT_DIR"), "/later.txt"));

#[cfg(all(target_arch = "wasm32", not(fuzhu_later_literal)))]
static TABLE: crate::english::Table = crate::english::Table::new(0xF000, COUNT);

/// Takes the fetched table; false when it is not this build's (a stale or damaged file). (The
/// office page carries the texts and needs none.)
#[cfg(target_arch = "wasm32")]
pub fn install(text: String) -> bool {
    #[cfg(not(fuzhu_later_literal))]
    {
        TABLE.install(text)
    }
    #[cfg(fuzhu_later_literal)]
    {
        drop(text);
        true
    }
}

/// Whether the texts are here to show.
pub fn installed() -> bool {
    #[cfg(all(target_arch = "wasm32", not(fuzhu_later_literal)))]
    {
        TABLE.installed()
    }
    #[cfg(not(all(target_arch = "wasm32", not(fuzhu_later_literal))))]
    {
        true
    }
}

/// The text for a tag; any other text as it is.
#[inline]
pub fn resolve(s: &str) -> &str {
    #[cfg(all(target_arch = "wasm32", not(fuzhu_later_literal)))]
    {
        TABLE.resolve(s)
    }
    #[cfg(not(all(target_arch = "wasm32", not(fuzhu_later_literal))))]
    {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_line_per_text_and_no_two_alike() {
        crate::english::check_table(BUNDLED, COUNT);
    }

    #[test]
    fn the_file_is_named_by_its_content() {
        assert!(FILE.starts_with("later-") && FILE.ends_with(".txt") && FILE.len() == 26);
    }

    #[test]
    fn natively_a_later_literal_is_itself() {
        assert_eq!(later!("法律援助"), "法律援助");
        assert_eq!(resolve("法律援助"), "法律援助");
    }

    #[test]
    fn every_clause_quote_and_item_title_is_in_the_table() {
        for b in crate::rules::BENEFITS.iter() {
            for text in [b.zh, b.quote] {
                assert!(
                    BUNDLED.lines().any(|l| l == text),
                    "not in the table: {text}"
                );
            }
        }
    }
}
