//! The few ways every page puts words together: a date as people write it, a birth as it was
//! given, a list of owned strings joined, the colon of each language. The questions' summary,
//! the results and the printed sheet all use them, so they sit with the questionnaire's texts
//! (`crate::results::present` re-exports them for the results), and the questionnaire never
//! reaches into the results to phrase an answer.

use chrono::{Datelike, NaiveDate};

use super::answers::Birth;
use super::text::Lang;
use crate::rules::facts::{number, push_signed, zh_date};

/// 2027年3月1日 / 1 March 2027.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh_date(d),
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            let mut out = number(u64::from(d.day()));
            out.push(' ');
            out.push_str(MONTHS[d.month0() as usize]);
            out.push(' ');
            push_signed(&mut out, i64::from(d.year()));
            out
        }
    }
}

/// A birth date as it was given: 1955年3月8日, 1955年3月 when the day was not given, 1955年
/// when only the year was.
pub fn birth(b: Birth, lang: Lang) -> String {
    // The whole date, cut after its month or year: one formatter for all three (the code
    // of each `format!` call is in the first load, docs/quality.md).
    let full = date(b.date(), lang);
    let kept = match (b.day_known(), b.month_known(), lang) {
        (true, _, _) => None,
        (false, true, Lang::Zh) => full.find('月').map(|i| &full[..i + '月'.len_utf8()]),
        (false, false, Lang::Zh) => full.find('年').map(|i| &full[..i + '年'.len_utf8()]),
        // "8 March 1955" without its day, or without its day and month.
        (false, true, Lang::En) => full.split_once(' ').map(|(_, rest)| rest),
        (false, false, Lang::En) => full.rsplit_once(' ').map(|(_, year)| year),
    };
    kept.map_or_else(|| full.clone(), str::to_owned)
}

/// `parts.join(sep)` for owned strings: one plain loop instead of std's join for `String`
/// items, which the first load would carry beside its join for `&str` (docs/quality.md).
pub fn join(parts: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

/// "：" in Chinese, ": " in English.
pub fn colon(lang: Lang) -> &'static str {
    lang.pick("：", ": ")
}
