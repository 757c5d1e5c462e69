//! How an engine result reads on screen and on paper: amounts with their units, dates the
//! way people write them, items grouped as a family would look for them. Presentation only:
//! every figure comes from the engine's result or its dated parameters.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::flow::text::{Key, Lang, Voice};
pub use crate::flow::words::{birth, colon, date, join};
use crate::rules::facts::number;
use crate::rules::params::{on, NURSING_DAILY, NURSING_MAX_DAYS, SPECIAL_SUPPORT_DEATH_MONTHLY};
use crate::rules::{
    AgencyId, Area, BenefitId, BenefitResult, Document, Group, Outcome, Status, BENEFITS,
};

/// What the results assumed of each birth given without its day or month, one line each:
/// "母亲的出生日期只填到1948年：这期间哪一天出生，结果都一样。办理时以身份证上的日期为准。"
/// (the questionnaire takes such a date only where every day of it gives the same results,
/// `Birth::needs_day`).
pub fn births_assumed(a: &crate::flow::Answers, lang: Lang, voice: Voice) -> Vec<String> {
    use crate::flow::answers::ParentSlot;
    // A plain loop over the three people: the iterator chain it replaced was 1 KB of the
    // first load's wasm (docs/quality.md, "Over the family budget").
    let child = a.child == Some(crate::rules::ChildStatus::Disabled);
    let mut lines = Vec::new();
    for (who, given) in [
        (
            Some(Key::Mother),
            a.birth_asked(ParentSlot::Mother).then_some(a.mother_birth),
        ),
        (
            Some(Key::Father),
            a.birth_asked(ParentSlot::Father).then_some(a.father_birth),
        ),
        (None, child.then_some(a.child_birth)),
    ] {
        let Some(b) = given.flatten().filter(|b| !b.day_known()) else {
            continue;
        };
        let who = match who {
            Some(k) => k.text(lang, voice),
            None => lang.pick(later!("孩子"), en!("The child")).into(),
        };
        let given = birth(b, lang);
        lines.push(crate::flow::text::fill_fields(
            &Key::BirthAssumed.text(lang, voice),
            |f| match f {
                "who" => Some(&who),
                "given" => Some(given.as_str()),
                _ => None,
            },
        ));
    }
    lines
}

/// This build's version ([package] version in Cargo.toml: the release zip's name).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// "查询日期：2026年11月29日　规则版本：…　扶助通版本：…" / "Checked on: 29 November 2026;
/// Rules version: …; Fuzhu version: …", at the top of the results and of every printed page.
pub fn checked_line(outcome: &Outcome, lang: Lang) -> String {
    let v = Voice::Family;
    [
        &*Key::CheckedOn.text(lang, v),
        colon(lang),
        &date(outcome.as_of, lang),
        lang.pick("　", "; "),
        &version_line(outcome.rules_version, lang),
    ]
    .concat()
}

/// "规则版本：…　扶助通版本：…" / "Rules version: …; Fuzhu version: …": the app's footer, and
/// the end of [`checked_line`].
pub fn version_line(rules_version: &str, lang: Lang) -> String {
    let v = Voice::Family;
    [
        &*Key::RulesVersion.text(lang, v),
        colon(lang),
        rules_version,
        lang.pick("　", "; "),
        &*Key::AppVersion.text(lang, v),
        colon(lang),
        APP_VERSION,
    ]
    .concat()
}

/// An agency's name in `lang`, for this family's area (local offices carry the area's name).
pub fn agency_name(
    a: crate::rules::AgencyId,
    area: Option<crate::rules::Area>,
    lang: Lang,
) -> String {
    match lang {
        Lang::Zh => a.name_zh(area),
        Lang::En => a.name_en(area),
    }
}

/// A sum of yuan without trailing zeros.
pub fn money(d: Decimal) -> String {
    crate::rules::outcome::Yuan(d).text()
}

/// The status as its card words it: an item that can be received but whose card asks the
/// family to confirm something (the amount, what they are insured in) says so in its status
/// too, so no 可以享受 stands above a 请…核实.
pub fn status_label(r: &BenefitResult, lang: Lang) -> String {
    let v = Voice::Family;
    match r.status {
        Status::Eligible
            if r.reasons
                .iter()
                .any(|x| crate::flow::text::has(crate::later::resolve(&x.zh), "核实")) =>
        {
            Key::StatusEligibleDetails.text(lang, v).into_owned()
        }
        Status::Eligible => Key::StatusEligible.text(lang, v).into_owned(),
        Status::Check => Key::StatusCheck.text(lang, v).into_owned(),
        Status::NotEligible => Key::StatusNotEligible.text(lang, v).into_owned(),
        Status::Future => {
            let when = r.eligible_from.map(|d| date(d, lang)).unwrap_or_default();
            Key::StatusFuture.fill(lang, v, &[("date", &when)])
        }
    }
}

/// The amount with its unit, where the policy gives one.
pub fn amount_line(r: &BenefitResult, as_of: NaiveDate, lang: Lang) -> Option<String> {
    let v = Voice::Family;
    match r.id {
        BenefitId::SpecialSupport => Some(match r.monthly_total {
            Some(total) => {
                let rate = money(on(&SPECIAL_SUPPORT_DEATH_MONTHLY, as_of));
                Key::PerPersonMonthly.fill(lang, v, &[("rate", &rate), ("total", &money(total))])
            }
            None => Key::NationalRate.text(lang, v).into_owned(),
        }),
        BenefitId::DeathRelief => r
            .one_off_total
            .map(|a| Key::OneOff.fill(lang, v, &[("amount", &money(a))])),
        BenefitId::NursingInsurance => r.annual_total.map(|a| {
            Key::NursingLine.fill(
                lang,
                v,
                &[
                    ("daily", &money(on(&NURSING_DAILY, as_of))),
                    ("cap", &number(u64::from(on(&NURSING_MAX_DAYS, as_of)))),
                    ("annual", &money(a)),
                ],
            )
        }),
        _ => None,
    }
}

/// The household's monthly cash for the totals: the sum where the policy gives amounts, the
/// national rate where it does not (a disabled child's family), nothing where none is due.
pub fn monthly_total(outcome: &Outcome, lang: Lang) -> Option<String> {
    monthly(outcome, Status::Eligible, outcome.totals.monthly, lang)
}

fn monthly(outcome: &Outcome, status: Status, sum: Decimal, lang: Lang) -> Option<String> {
    if !sum.is_zero() {
        return Some(yuan(sum, lang));
    }
    let support = outcome.get(BenefitId::SpecialSupport);
    (support.status == status && support.monthly_total.is_none())
        .then(|| Key::NationalRate.text(lang, Voice::Family).into_owned())
}

fn yuan(d: Decimal, lang: Lang) -> String {
    Key::Yuan.fill(lang, Voice::Family, &[("amount", &money(d))])
}

/// One line of the results' headline: what it is, and how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalRow {
    pub label: Key,
    pub value: String,
    /// Money a `check` item would pay once the office confirms it (kept apart from the sure
    /// sums, never hidden).
    pub to_confirm: bool,
}

/// The headline's sums: what is sure (`totals`, from `eligible` items), then what is still to
/// be confirmed (`totals_to_confirm`), each only where there is something to say, so no line
/// ever reads 0元: a sum the policy does not state reads as the national rate.
pub fn totals_rows(outcome: &Outcome, lang: Lang) -> Vec<TotalRow> {
    let mut rows = Vec::new();
    let mut row = |label, value: Option<String>, to_confirm| {
        if let Some(value) = value {
            rows.push(TotalRow {
                label,
                value,
                to_confirm,
            });
        }
    };
    let nonzero = |d: Decimal| (!d.is_zero()).then(|| yuan(d, lang));
    let (sure, confirm) = (outcome.totals, outcome.totals_to_confirm);
    row(Key::TotalMonthly, monthly_total(outcome, lang), false);
    row(Key::TotalOneOff, nonzero(sure.one_off), false);
    row(Key::TotalAnnual, nonzero(sure.annual), false);
    row(
        Key::ToConfirmMonthly,
        monthly(outcome, Status::Check, confirm.monthly, lang),
        true,
    );
    row(Key::ToConfirmOneOff, nonzero(confirm.one_off), true);
    row(Key::ToConfirmAnnual, nonzero(confirm.annual), true);
    rows
}

/// The items that apply, grouped in screen order, each group with its items.
pub fn grouped(outcome: &Outcome) -> Vec<(Group, Vec<&BenefitResult>)> {
    Group::ALL
        .iter()
        .map(|g| {
            let items: Vec<&BenefitResult> = outcome
                .benefits
                .iter()
                .filter(|b| b.applies() && BENEFITS[b.id as usize].group == *g)
                .collect();
            (*g, items)
        })
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

pub fn not_applying(outcome: &Outcome) -> Vec<&BenefitResult> {
    outcome.benefits.iter().filter(|b| !b.applies()).collect()
}

/// A reason in the chosen language.
pub fn reason(r: &crate::rules::Reason, lang: Lang) -> &str {
    match lang {
        Lang::Zh => crate::later::resolve(&r.zh),
        Lang::En => crate::english::resolve(&r.en),
    }
}

/// The title of the policy's clause `n` (1 to 21), exactly as `rules::clause(n)` gives it;
/// empty for any other number. The app shows only the titles, and reading them from
/// `rules::CLAUSES` would carry every clause's whole text into the wasm as well (10 KB, about
/// 3 KB gzipped; see docs/quality.md), so they are repeated here and the test below keeps the
/// two the same.
pub fn clause_title(n: u8) -> &'static str {
    // Clauses 18 to 21 create no item, so no result names them.
    const TITLES: [&str; 17] = [
        later!("提高经济扶助标准"),
        later!("实施经济救助"),
        later!("参加社会养老保险"),
        later!("落实养老照料"),
        later!("建立完善医疗保障服务制度"),
        later!("建立完善住院护理补贴保险制度"),
        later!("建立完善再生育扶助制度"),
        later!("建立计划生育特殊家庭“五定两包”责任制"),
        later!("开展慰问活动及心理健康讲座"),
        later!("鼓励支持社会力量发挥作用"),
        later!("解决住房困难"),
        later!("优先安排其收养子女"),
        later!("开展法律援助"),
        later!("在就业等方面给予政策优惠"),
        later!("加大对残疾独生子女的帮扶力度"),
        later!("给予康复救助和优先训练"),
        later!("提供免费公墓墓穴"),
    ];
    usize::from(n)
        .checked_sub(1)
        .and_then(|i| TITLES.get(i))
        .map_or("", |t| crate::later::resolve(t))
}

/// The title of clause `n` in `lang`: in English, translated.
pub fn clause_title_in(n: u8, lang: Lang) -> &'static str {
    const EN: [&str; 17] = [
        en!("Higher support payments"),
        en!("Financial relief"),
        en!("Joining the social pension schemes"),
        en!("Elder care"),
        en!("Medical care and insurance"),
        en!("Hospital nursing allowance insurance"),
        en!("Help with having another child"),
        en!("Named helpers for each family"),
        en!("Visits and mental health talks"),
        en!("Community support"),
        en!("Help with housing"),
        en!("Priority for adoption"),
        en!("Legal aid"),
        en!("Help with work"),
        en!("More help for disabled only children"),
        en!("Rehabilitation help and priority training"),
        en!("A free grave plot"),
    ];
    match lang {
        Lang::Zh => clause_title(n),
        Lang::En => crate::english::resolve(
            usize::from(n)
                .checked_sub(1)
                .and_then(|i| EN.get(i))
                .copied()
                .unwrap_or_default(),
        ),
    }
}

#[cfg(test)]
mod clause_titles {
    use super::clause_title;
    use crate::rules::{clause, CLAUSES};

    #[test]
    fn every_clause_title_is_the_rules_own() {
        // Every clause an item rests on (1 to 17); 18 to 21 create no item.
        for c in CLAUSES.iter() {
            let want = if c.number <= 17 { c.title } else { "" };
            assert_eq!(clause_title(c.number), want, "clause {}", c.number);
        }
        for b in crate::rules::BENEFITS.iter() {
            assert!(!clause_title(b.clause).is_empty(), "{:?}", b.id);
            assert!(!super::clause_title_in(b.clause, crate::flow::Lang::En).is_empty());
        }
        for n in [0, 22, 255] {
            assert!(clause(n).is_none());
            assert_eq!(clause_title(n), "");
        }
    }
}

/// What the results screen shows, in its order (issue 12.5: lead with what to do). Pure, so
/// the order is tested natively; `app::screens::results` only lays it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsView<'a> {
    /// The items still to claim that pay, subsidise or look after someone: most urgent first
    /// (an end date soonest, then what can be claimed now, then what to confirm, then what
    /// comes later by its date), and within each, the most money first.
    pub cards: Vec<&'a BenefitResult>,
    /// The services and priorities still to claim ([`BenefitId::in_kind`]), folded into one
    /// group after the cards, in the same order.
    pub services: Vec<&'a BenefitResult>,
    /// What is claimed only after the parents' death ([`after_death`]): the 身后事 section,
    /// never among what to apply for now.
    pub after_death: Vec<&'a BenefitResult>,
    /// The applying items the family marked 已经在享受, in catalogue order.
    pub received: Vec<&'a BenefitResult>,
    pub not_applying: Vec<&'a BenefitResult>,
    /// Where to go first ([`first_claim`]'s place), with every item still to claim there and
    /// the papers they need, each once (that place's page of the print sheet,
    /// [`by_agency`]).
    pub first_stop: Option<FirstStop<'a>>,
    /// The nearest last day of an item still to claim, and that item.
    pub deadline: Option<(NaiveDate, &'a BenefitResult)>,
    /// The child's status as the papers and the basis follow it.
    pub child: Child,
}

/// The first place to go, from the results' first card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstStop<'a> {
    pub agency: crate::rules::AgencyId,
    pub items: Vec<&'a BenefitResult>,
    pub documents: Vec<Document>,
}

/// 先去 on the first card: the office named for the household's county and, where a parent
/// is registered in another Kaifeng county and something there is paid or given to a person,
/// that parent's own office too (RULINGS, Round 3: a parent goes to their own 户籍地):
/// "龙亭区卫生健康委；父亲：杞县卫生健康委".
pub fn go_first(
    stop: &FirstStop<'_>,
    outcome: &Outcome,
    a: &crate::flow::Answers,
    lang: Lang,
) -> String {
    use crate::flow::answers::ParentSlot;
    let mut line = agency_name(stop.agency, outcome.area, lang);
    let personal = stop.items.iter().any(|r| crate::rules::for_a_person(r.id));
    if let (Some(areas), true) = (a.own_areas(), personal) {
        for slot in ParentSlot::BOTH {
            let own = areas[slot as usize].filter(|own| Some(*own) != outcome.area);
            // Where the office is named for no county (户籍所在地村（居）委会), it already sends
            // each one to their own.
            let theirs = own.map(|own| agency_name(stop.agency, Some(own), lang));
            if let (Some(theirs), false) = (
                theirs.filter(|t| *t != line),
                a.other_child_of == Some(slot),
            ) {
                let who = match slot {
                    ParentSlot::Mother => Key::Mother,
                    ParentSlot::Father => Key::Father,
                };
                line.push_str(lang.pick("；", "; "));
                line.push_str(&who.text(lang, Voice::Family));
                line.push_str(colon(lang));
                line.push_str(&theirs);
            }
        }
    }
    line
}

/// A rank for "most urgent first": an end date soonest, then eligible, check, future (by its
/// first day).
fn urgency(r: &BenefitResult) -> (u8, Option<NaiveDate>) {
    match (r.until, r.status) {
        (Some(d), _) => (0, Some(d)),
        (None, Status::Eligible) => (1, None),
        (None, Status::Check) => (2, None),
        (None, _) => (3, r.eligible_from),
    }
}

/// "The most money first": a monthly payment before a one-off sum before a yearly one; a sum
/// of 0元 (no hospital days yet) is no money. Each kind of sum belongs to one item of the
/// policy (special support, the one-off relief, the nursing allowance), so which sums an item
/// has orders it: no two amounts are compared (Decimal's comparison would cost the first load
/// its code to order a list).
fn worth(r: &BenefitResult) -> (bool, bool, bool) {
    let paid = |d: Option<Decimal>| d.is_some_and(|d| !d.is_zero());
    (
        paid(r.monthly_total),
        paid(r.one_off_total),
        paid(r.annual_total),
    )
}

/// What an item pays in a year, in fen: twelve months of a monthly sum, a one-off sum, a
/// yearly sum; 0 where the policy gives no amount (or 0元: no hospital days yet). Read from
/// the decimals' parts rather than by Decimal arithmetic, which would cost the first load
/// its code.
pub fn yearly_fen(r: &BenefitResult) -> i128 {
    fn fen(d: Option<Decimal>) -> i128 {
        let Some(d) = d else { return 0 };
        let (m, s) = (d.mantissa(), d.scale());
        if s <= 2 {
            m * 10i128.pow(2 - s)
        } else {
            // Truncated toward zero as `m / 10i128.pow(s - 2)`, without a 128-bit divider
            // (`crate::rules::outcome::div_rem_10`).
            let mut n = m.unsigned_abs();
            for _ in 2..s {
                n = crate::rules::outcome::div_rem_10(n).0;
            }
            if m < 0 {
                -(n as i128)
            } else {
                n as i128
            }
        }
    }
    12 * fen(r.monthly_total) + fen(r.one_off_total) + fen(r.annual_total)
}

/// The claim that decides where to go first (RULINGS "Where to go first", issue 20.1): of the
/// items still to claim now (eligible or to confirm; not what is claimed after the parents'
/// death), the most valuable: the most money in a year ([`yearly_fen`]; an item of 0元 has
/// none), then one with a last day, then what is sure before what is to confirm, then what
/// pays or looks after someone before a service, then the catalogue's order. Failing any,
/// the next claim to come (the soonest first day). None when nothing is left to claim.
pub fn first_claim<'a>(outcome: &'a Outcome, received: &[BenefitId]) -> Option<&'a BenefitResult> {
    let mut best: Option<&BenefitResult> = None;
    // Lower ranks first; ties keep the catalogue's order (the first one found stays).
    type Rank = (bool, Option<NaiveDate>, i128, bool, bool, bool);
    let rank = |r: &BenefitResult| -> Rank {
        let later = r.status == Status::Future;
        (
            later,
            later.then_some(r.eligible_from).flatten(),
            -yearly_fen(r),
            r.until.is_none(),
            r.status != Status::Eligible,
            r.id.in_kind(),
        )
    };
    for r in outcome
        .benefits
        .iter()
        .filter(|b| b.applies() && !received.contains(&b.id) && !after_death(b))
    {
        if best.is_none_or(|b| rank(r) < rank(b)) {
            best = Some(r);
        }
    }
    best
}

/// The results in the order they are shown, with `received` (the items marked 已经在享受)
/// kept apart. Every applying item is in exactly one of `cards`, `services`, `after_death`
/// and `received`.
pub fn results_view<'a>(outcome: &'a Outcome, received: &[BenefitId]) -> ResultsView<'a> {
    let mut to_claim: Vec<&BenefitResult> = outcome
        .benefits
        .iter()
        .filter(|b| b.applies() && !received.contains(&b.id))
        .collect();
    // Stable: equal ranks keep the catalogue's order.
    crate::flow::sort_small(&mut to_claim, |a, b| {
        urgency(a)
            .cmp(&urgency(b))
            .then_with(|| worth(b).cmp(&worth(a)))
    });
    let (later, to_claim): (Vec<&BenefitResult>, Vec<&BenefitResult>) =
        to_claim.into_iter().partition(|r| after_death(r));
    // The first stop's items and papers are its page of the print sheet.
    let first_stop = first_claim(outcome, received).and_then(|top| {
        by_agency(outcome, received)
            .into_iter()
            .find(|v| v.agency == top.first_stop)
            .map(|v| FirstStop {
                agency: v.agency,
                items: v.items,
                documents: v.documents,
            })
    });
    let deadline = to_claim
        .iter()
        .filter_map(|r| r.until.map(|d| (d, *r)))
        .min_by_key(|(d, _)| *d);
    let (services, cards) = to_claim.into_iter().partition(|r| r.id.in_kind());
    ResultsView {
        cards,
        services,
        after_death: later,
        received: outcome
            .benefits
            .iter()
            .filter(|b| b.applies() && received.contains(&b.id))
            .collect(),
        not_applying: not_applying(outcome),
        first_stop,
        deadline,
        child: child(outcome),
    }
}

/// "康复救助和辅助器具：请在2031年5月5日前办理", the first card's nearest deadline.
pub fn deadline_line(view: &ResultsView<'_>, lang: Lang) -> Option<String> {
    let (day, r) = view.deadline?;
    let b = r.id.info();
    Some(Key::DeadlineLine.fill(
        lang,
        Voice::Family,
        &[("item", lang.pick(b.zh, b.en)), ("date", &date(day, lang))],
    ))
}

/// One place the family goes to, with what to do there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyVisit<'a> {
    pub agency: AgencyId,
    /// The applying items claimed here, in catalogue order.
    pub items: Vec<&'a BenefitResult>,
    /// The papers to bring here: every item's documents for this family, each once, in
    /// first-seen order.
    pub documents: Vec<Document>,
    /// The clauses the items rest on, each once, ascending.
    pub clauses: Vec<u8>,
}

impl AgencyVisit<'_> {
    /// The agency's name for this family (local offices carry the area's name).
    pub fn name(&self, area: Option<Area>, lang: Lang) -> String {
        agency_name(self.agency, area, lang)
    }
}

/// The applying items (eligible, to be checked, or from a later date) still to claim, that
/// is not in `received` (marked 已经在享受) nor claimed only after the parents' death
/// ([`after_death`]), grouped by the place the family goes to first, places in the order
/// their first item appears in the catalogue. The papers follow the child's status
/// (`present::papers`).
pub fn by_agency<'a>(outcome: &'a Outcome, received: &[BenefitId]) -> Vec<AgencyVisit<'a>> {
    let mut visits: Vec<AgencyVisit<'_>> = Vec::new();
    let child = child(outcome);
    for r in outcome
        .benefits
        .iter()
        .filter(|b| b.applies() && !received.contains(&b.id) && !after_death(b))
    {
        let b = r.id.info();
        let at = match visits.iter().position(|v| v.agency == r.first_stop) {
            Some(i) => i,
            None => {
                visits.push(AgencyVisit {
                    agency: r.first_stop,
                    items: Vec::new(),
                    documents: Vec::new(),
                    clauses: Vec::new(),
                });
                visits.len() - 1
            }
        };
        let v = &mut visits[at];
        v.items.push(r);
        for d in papers(r, child) {
            add_paper(&mut v.documents, d);
        }
        if !v.clauses.contains(&b.clause) {
            v.clauses.push(b.clause);
        }
    }
    for v in &mut visits {
        v.clauses.sort_unstable();
    }
    visits
}

/// What the child's papers are: the child died, or holds a 残疾人证. The outcome says which
/// by the items that apply (the one-off relief, the parents' rewards and a special support
/// paid at the 1430元 rate are only for a child who died; a special support at the national
/// rate and rehabilitation only for a disabled child), so the office page's register rows,
/// which have no answers, read the same. `tests/results_view.rs` checks this against every
/// scenario household's own facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Child {
    Died,
    Disabled,
    /// Nothing that applies tells (no item the child's papers are brought for applies).
    Unknown,
}

/// The child's status as the outcome shows it (see [`Child`]).
pub fn child(outcome: &Outcome) -> Child {
    let applies = |id| outcome.get(id).applies();
    let support = outcome.get(BenefitId::SpecialSupport);
    // With no living member at all, only the grave plot applies (RULINGS "Late parents"):
    // the child has died too.
    let nobody_left = outcome
        .benefits
        .iter()
        .all(|b| !b.applies() || b.id == BenefitId::FreeGravePlot);
    if applies(BenefitId::DeathRelief)
        || (nobody_left && applies(BenefitId::FreeGravePlot))
        || applies(BenefitId::ParentRewards)
        || (support.applies() && support.monthly_total.is_some())
    {
        Child::Died
    } else if (support.applies() && support.monthly_total.is_none())
        || applies(BenefitId::RehabilitationAid)
        || applies(BenefitId::StudentAidPriority)
    {
        Child::Disabled
    } else {
        Child::Unknown
    }
}

/// The catalogue's "either" paper, 子女死亡证明或残疾人证, and the two it stands for.
const CHILD_EITHER: &str = later!("子女死亡证明或残疾人证（一至三级）");
const CHILD_DEATH: Document = Document {
    zh: later!("子女死亡证明"),
    en: en!("The child's death certificate"),
};
const CHILD_CARD: Document = Document {
    zh: later!("子女残疾人证"),
    en: en!("The child's disability certificate"),
};

/// The papers to bring for `r`, as this family's child's status has them (a family whose
/// child died brings the death certificate, a disabled child's family the 残疾人证, never
/// "either"), each once.
pub fn papers(r: &BenefitResult, child: Child) -> Vec<Document> {
    let mut out: Vec<Document> = Vec::with_capacity(r.documents.len());
    for d in r.documents.iter() {
        let d = match child {
            Child::Died if d.zh == CHILD_EITHER => CHILD_DEATH,
            Child::Disabled if d.zh == CHILD_EITHER => CHILD_CARD,
            _ => *d,
        };
        add_paper(&mut out, d);
    }
    out
}

/// Adds `d` unless it is there already.
pub fn add_paper(to: &mut Vec<Document>, d: Document) {
    if !to.iter().any(|x| x.zh == d.zh) {
        to.push(d);
    }
}

/// Clause 1's sentence for every special family: the one the item rests on for a disabled
/// child's family, whose special support is the national scheme's (the item's own quote, the
/// 1430元 sentence, is for families whose child died).
const SUPPORT_FOR_ALL: &str = later!("认真执行国家和省有关计划生育家庭特别扶助制度，将符合条件的计划生育特殊家庭成员纳入计划生育特别扶助范围，并建立动态增长机制，特别扶助所需资金按原定比例由各级财政分担。");

/// The sentence of the policy an item rests on for this family, exactly as the policy writes
/// it (resolved for display).
pub fn basis(id: BenefitId, child: Child) -> &'static str {
    let quote = match (id, child) {
        (BenefitId::SpecialSupport, Child::Disabled) => SUPPORT_FOR_ALL,
        _ => id.info().quote,
    };
    crate::later::resolve(quote)
}

/// The grave plot's reason while every parent lives: it is theirs after their death.
const GRAVE_AFTER_DEATH: &str = later!("特殊家庭父母身后可免费使用公益性公墓墓穴；可事先委托他人，在身后向户籍所在地县（区）民政局申请。");

/// An item that is claimed only after the parents' death (the grave plot while they live,
/// RULINGS "After death is not now"): never among what to apply for now, never the first
/// stop; the results and the print sheet give it its own short section (身后事).
pub fn after_death(r: &BenefitResult) -> bool {
    r.id == BenefitId::FreeGravePlot && r.reasons.iter().any(|x| x.zh == GRAVE_AFTER_DEATH)
}
