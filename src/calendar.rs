//! Reminders a phone's own calendar can hold: one all-day event on the first day each `future`
//! item holds, and for 特别扶助金 one more on 1 January of the year the mother turns 49, when
//! the application opens (Henan: 在女方年满49周岁的当年申请). No network and no account: an
//! iCalendar file (RFC 5545) the family saves or opens. Written here by hand because it is
//! small, and tested by parsing it back with an independent parser (`tests/calendar.rs`). Its own
//! room, not the questionnaire's: it is a file format written from the results.

use chrono::{Datelike, NaiveDate};

use crate::flow::text::Lang;
use crate::results::present;
use crate::rules::facts::push_num;
use crate::rules::outcome::fill;
use crate::rules::{BenefitId, Document, Outcome, Status};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub day: NaiveDate,
    pub item: BenefitId,
    pub summary: String,
    pub description: String,
}

/// The reminders for an outcome, earliest first: every `future` item on its first day, and
/// the year of the 49th birthday for special support when that year is still to come.
pub fn reminders(outcome: &Outcome, lang: Lang) -> Vec<Reminder> {
    let mut out = Vec::new();
    for b in outcome
        .benefits
        .iter()
        .filter(|b| b.status == Status::Future)
    {
        let Some(day) = b.eligible_from else { continue };
        let info = b.id.info();
        let title = lang.pick(info.zh, info.en);
        let stop = present::agency_name(b.first_stop, outcome.area, lang);
        let papers: Vec<Document> = present::papers(b, present::child(outcome));
        let papers: Vec<&str> = papers.iter().map(|d| lang.pick(d.zh, d.en)).collect();
        let description = match lang {
            // Results-only words: `later!`/`en!` templates, out of the first load.
            Lang::Zh => fill(
                later!("依据汴政办〔2023〕24号第{}条。先去：{}。带上：{}。"),
                &[&info.clause, &stop, &papers.join("、")],
            ),
            Lang::En => fill(
                en!("Kaifeng policy 汴政办〔2023〕24号, clause {}. Go first to: {}. Bring: {}."),
                &[&info.clause, &stop, &papers.join("; ")],
            ),
        };
        if b.id == BenefitId::SpecialSupport {
            if let Some(new_year) = NaiveDate::from_ymd_opt(day.year(), 1, 1) {
                if new_year > outcome.as_of && new_year < day {
                    out.push(Reminder {
                        day: new_year,
                        item: b.id,
                        summary: match lang {
                            Lang::Zh => fill(later!("今年可以申请{}"), &[&title]),
                            Lang::En => fill(en!("{}: the application opens this year"), &[&title]),
                        },
                        description: description.clone(),
                    });
                }
            }
        }
        out.push(Reminder {
            day,
            item: b.id,
            summary: match lang {
                Lang::Zh => fill(later!("从今天起可以享受：{}"), &[&title]),
                Lang::En => fill(en!("From today: {}"), &[&title]),
            },
            description,
        });
    }
    crate::flow::sort_small(&mut out, |a, b| a.day.cmp(&b.day).then(a.item.cmp(&b.item)));
    out
}

/// 20300615: a date in the iCalendar (ISO 8601 basic) form, by hand: chrono's `format` would
/// bring its whole strftime machinery (9 KB of wasm) into the first load for this one use.
pub fn basic(d: NaiveDate) -> String {
    // As format!("{:04}{:02}{:02}", …), whose machinery the first load would carry: a
    // negative year's sign counts in its width.
    let mut out = String::with_capacity(8);
    let year = d.year();
    if year < 0 {
        out.push('-');
    }
    push_num(
        &mut out,
        u64::from(year.unsigned_abs()),
        if year < 0 { 3 } else { 4 },
    );
    push_num(&mut out, u64::from(d.month()), 2);
    push_num(&mut out, u64::from(d.day()), 2);
    out
}

/// The reminders as one iCalendar file. `stamp` is the day the file is made (DTSTAMP); the
/// text depends on nothing else, so the same results always give the same file.
pub fn ics(reminders: &[Reminder], stamp: NaiveDate) -> String {
    let mut out = String::with_capacity(256 + reminders.len() * 512);
    let mut line = |s: &str| fold(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//fuzhu//扶助通//ZH");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for r in reminders {
        let end = r.day.succ_opt().unwrap_or(r.day);
        line("BEGIN:VEVENT");
        line(&["UID:", r.item.as_str(), "-", &basic(r.day), "@fuzhu"].concat());
        line(&["DTSTAMP:", &basic(stamp), "T000000Z"].concat());
        line(&["DTSTART;VALUE=DATE:", &basic(r.day)].concat());
        line(&["DTEND;VALUE=DATE:", &basic(end)].concat());
        line(&["SUMMARY:", &escape(&r.summary)].concat());
        line(&["DESCRIPTION:", &escape(&r.description)].concat());
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in text values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 3.1: lines end in CRLF and are folded so that none is longer than 75 octets,
/// never inside a UTF-8 character; a continuation line starts with one space.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_in_the_basic_form() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        for day in [
            d(2030, 6, 15),
            d(1999, 12, 31),
            d(2024, 2, 29),
            d(2031, 1, 1),
        ] {
            assert_eq!(basic(day), day.format("%Y%m%d").to_string());
        }
    }

    #[test]
    fn a_date_in_the_basic_form_is_what_format_wrote_in_any_year() {
        for y in [
            -262_000, -1000, -999, -10, -1, 0, 7, 999, 2030, 9999, 10_000, 262_000,
        ] {
            for (m, day) in [(1, 1), (6, 15), (12, 31)] {
                let d = NaiveDate::from_ymd_opt(y, m, day).unwrap();
                assert_eq!(
                    basic(d),
                    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
                );
            }
        }
    }

    #[test]
    fn no_folded_line_is_longer_than_75_octets_and_none_splits_a_character() {
        let mut out = String::new();
        fold(
            &mut out,
            &format!("DESCRIPTION:{}", "特别扶助金".repeat(30)),
        );
        for l in out.split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("DESCRIPTION:{}\r\n", "特别扶助金".repeat(30))
        );
    }

    #[test]
    fn text_values_escape_commas_semicolons_backslashes_and_newlines() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
