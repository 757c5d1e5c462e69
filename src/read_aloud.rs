//! What the read-aloud buttons say: a question with its choices, or one result with its
//! status, amount and reasons, as plain sentences for a speech synthesiser. Pure text, so it
//! is tested natively; `app::speech` only hands it to the browser. A room of its own, reading
//! both the questionnaire (`crate::flow`) and the results (`crate::results`), which read
//! neither it nor each other's way back.

use chrono::NaiveDate;

use crate::flow::answers::{Answers, Question};
use crate::flow::questions::{self, Kind};
use crate::flow::text::{Key, Lang, Voice};
use crate::results::present;
use crate::rules::{BenefitResult, Outcome};

/// Joins the parts into sentences, ending each that has no closing punctuation yet.
fn sentences(parts: &[String], lang: Lang) -> String {
    let stop = lang.pick("。", ". ");
    let mut out = String::new();
    for p in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        out.push_str(p);
        if p.ends_with(['。', '？', '！', '.', '?', '!', '：', ':']) {
            if lang == Lang::En {
                out.push(' ');
            }
        } else {
            out.push_str(stop);
        }
    }
    out.trim_end().to_owned()
}

/// The question's title and what can be chosen.
pub fn question(q: Question, a: &Answers, lang: Lang, voice: Voice, today: NaiveDate) -> String {
    let t = |k: Key| k.text(lang, voice).into_owned();
    let or = lang.pick("；", "; ");
    let labels = |ls: Vec<(&'static str, &'static str)>| {
        ls.into_iter()
            .map(|l| lang.pick(l.0, l.1))
            .collect::<Vec<_>>()
            .join(or)
    };
    let mut parts = vec![t(questions::title_for(q, a))];
    match questions::kind(q) {
        Kind::Single => parts.push(labels(questions::single_options_for(q, a))),
        Kind::PerParent => {
            let who: Vec<&str> = a
                .living_slots()
                .iter()
                .map(|p| questions::parent_name(*p, lang))
                .collect();
            parts.push(who.join(lang.pick("、", ", ")));
            parts.push(labels(questions::parent_options(q)));
        }
        Kind::Date => parts.push(t(Key::PickDate)),
        Kind::Days => parts.push(t(Key::DaysRange)),
        Kind::Checks => {
            parts.push(t(Key::MultiHint));
            let mut seen: Vec<Key> = Vec::new();
            for c in questions::checks(q, a, today) {
                if !seen.contains(&c.label) {
                    seen.push(c.label);
                }
            }
            parts.push(present::join(
                &seen.into_iter().map(t).collect::<Vec<_>>(),
                or,
            ));
        }
    }
    sentences(&parts, lang)
}

/// One result: its name, status, amount, reasons and where to go first.
pub fn item(r: &BenefitResult, outcome: &Outcome, lang: Lang) -> String {
    let b = r.id.info();
    let mut parts = vec![
        lang.pick(b.zh, b.en).to_owned(),
        present::status_label(r, lang),
    ];
    parts.extend(present::amount_line(r, outcome.as_of, lang));
    parts.extend(
        r.reasons
            .iter()
            .map(|x| present::reason(x, lang).to_owned()),
    );
    if r.applies() {
        let go = Key::GoFirst.text(lang, Voice::Family);
        let agency = present::agency_name(r.first_stop, outcome.area, lang);
        parts.push([&*go, lang.pick("：", ": "), &agency].concat());
    }
    sentences(&parts, lang)
}

/// The results' first card: the money, where to go first and what to bring, the nearest
/// deadline. 先去 is read as the card shows it, each parent registered in another county sent
/// to their own office (`present::go_first`).
pub fn first_card(
    view: &present::ResultsView<'_>,
    outcome: &Outcome,
    a: &Answers,
    lang: Lang,
) -> String {
    let v = Voice::Family;
    let colon = present::colon(lang);
    let mut parts = vec![Key::FirstTitle.text(lang, v).into_owned()];
    // As the card reads: where to go and what to bring, the deadline, then the money.
    if let Some(stop) = &view.first_stop {
        let agency = present::go_first(stop, outcome, a, lang);
        parts.push([&*Key::GoFirst.text(lang, v), colon, &agency].concat());
        let papers: Vec<&str> = stop
            .documents
            .iter()
            .map(|d| lang.pick(d.zh, d.en))
            .collect();
        parts.push(
            [
                &*Key::Bring.text(lang, v),
                colon,
                &papers.join(lang.pick("、", ", ")),
            ]
            .concat(),
        );
    }
    if let Some(line) = present::deadline_line(view, lang) {
        parts.push(line);
    }
    for row in present::totals_rows(outcome, lang) {
        parts.push([&*row.label.text(lang, v), colon, &row.value].concat());
    }
    sentences(&parts, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_once() {
        let parts = [
            "可以享受".to_owned(),
            "已经满49岁。".to_owned(),
            String::new(),
        ];
        assert_eq!(sentences(&parts, Lang::Zh), "可以享受。已经满49岁。");
        let parts = ["Can receive".to_owned(), "She is 49.".to_owned()];
        assert_eq!(sentences(&parts, Lang::En), "Can receive. She is 49.");
    }

    #[test]
    fn a_question_is_read_with_its_choices() {
        let a = Answers::default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let zh = question(Question::Child, &a, Lang::Zh, Voice::Family, today);
        assert!(zh.starts_with("您的独生子女现在的情况是？"), "{zh}");
        assert!(zh.contains("孩子已经离世；孩子有残疾"), "{zh}");
        let volunteer = question(Question::Child, &a, Lang::Zh, Voice::Volunteer, today);
        assert!(volunteer.starts_with("您的独生子女"), "{volunteer}");
        let en = question(Question::Child, &a, Lang::En, Voice::Family, today);
        assert!(en.contains("The child has passed away; "), "{en}");
    }
}
