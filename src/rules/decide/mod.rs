//! The deciding functions, one per catalogue item, grouped by the policy's sections. Each sits
//! under the sentence it implements. This module holds what several of them share: who is a
//! special family, who is covered, and when someone reaches an age.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::benefits::Group;
use super::facts::{birthday, write_num, Area, ChildStatus, Facts, Parent, Role, ZhDate};
use super::outcome::{BenefitResult, Reason, Status};
use super::params::{on, ELDER_CARE_AGE, SPECIAL_SUPPORT_MOTHER_AGE};

pub(crate) mod care;
pub(crate) mod cash;
pub(crate) mod elder;
pub(crate) mod medical;

/// A household with the facts every rule asks about worked out once.
pub(crate) struct Household<'a> {
    pub facts: &'a Facts,
    pub as_of: NaiveDate,
    /// 独生子女三级以上残疾或死亡、未再生育或收养子女的家庭
    pub special: bool,
    /// At least one living parent holds Kaifeng 户籍.
    pub covered: bool,
    pub child_died: bool,
    /// Whether, and from when, the couple meets 特别扶助's conditions.
    pub special_support: SupportState,
    /// Each listed parent's 60th birthday, in list order (three clause 4 items ask).
    sixty: [NaiveDate; 2],
}

/// Where the couple stands with 特别扶助, which several clauses lean on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SupportState {
    Meets,
    From(NaiveDate),
    /// The mother is not listed, so the father's age was used: the office must confirm.
    MeetsByFatherAge,
    FromByFatherAge(NaiveDate),
}

impl<'a> Household<'a> {
    pub fn new(facts: &'a Facts, as_of: NaiveDate) -> Self {
        let child = &facts.child;
        let child_died = child.status == ChildStatus::Deceased;
        let grade_1_to_3 =
            child.status == ChildStatus::Disabled && matches!(child.disability_grade, Some(1..=3));
        let special = (child_died || grade_1_to_3) && !facts.has_other_child;
        let covered = facts.parents.iter().any(|p| p.alive && p.kaifeng_hukou);
        let age = on(&SPECIAL_SUPPORT_MOTHER_AGE, as_of);
        let (reference, by_father) = match facts.parents.iter().find(|p| p.role == Role::Mother) {
            Some(mother) => (mother, false),
            None => (&facts.parents[0], true),
        };
        let from = birthday(reference.birth_date, age);
        let special_support = match (from <= as_of, by_father) {
            (true, false) => SupportState::Meets,
            (false, false) => SupportState::From(from),
            (true, true) => SupportState::MeetsByFatherAge,
            (false, true) => SupportState::FromByFatherAge(from),
        };
        let elder = on(&ELDER_CARE_AGE, as_of);
        let sixty_of = |i: usize| {
            facts
                .parents
                .get(i)
                .map_or(NaiveDate::MAX, |p| birthday(p.birth_date, elder))
        };
        Household {
            facts,
            as_of,
            special,
            covered,
            child_died,
            special_support,
            sixty: [sixty_of(0), sixty_of(1)],
        }
    }

    /// `p`'s 60th birthday; `p` is one of this household's parents.
    fn sixtieth(&self, p: &Parent) -> NaiveDate {
        match self.facts.parents.iter().position(|q| std::ptr::eq(q, p)) {
            Some(i) if i < 2 => self.sixty[i],
            _ => birthday(p.birth_date, on(&ELDER_CARE_AGE, self.as_of)),
        }
    }

    pub fn living(&self) -> impl Iterator<Item = &'a Parent> + '_ {
        self.facts.parents.iter().filter(|p| p.alive)
    }

    /// The first day any of `parents` is 60, or None if there are none.
    pub fn earliest_sixty<'p>(
        &self,
        parents: impl Iterator<Item = &'p Parent>,
    ) -> Option<NaiveDate> {
        parents.map(|p| self.sixtieth(p)).min()
    }

    pub fn is_sixty(&self, p: &Parent) -> bool {
        self.sixtieth(p) <= self.as_of
    }
}

/// How the parent is called in a sentence.
pub(crate) fn who(p: &Parent) -> (&'static str, &'static str) {
    match p.role {
        Role::Mother => ("母亲", "The mother"),
        Role::Father => ("父亲", "The father"),
    }
}

pub(crate) fn result(
    id: super::benefits::BenefitId,
    status: Status,
    reasons: Vec<Reason>,
) -> BenefitResult {
    let mut r = BenefitResult::new(id, status);
    r.reasons = reasons;
    r
}

/// A list of reasons with room for the one `future` adds, so adding it does not reallocate.
pub(crate) fn leaving_room<const N: usize>(first: [Reason; N]) -> Vec<Reason> {
    let mut v = Vec::with_capacity(N + 1);
    v.extend(first);
    v
}

/// An item that waits only on an age: `future` from `from`, with the reason saying so.
pub(crate) fn future(
    id: super::benefits::BenefitId,
    from: NaiveDate,
    mut reasons: Vec<Reason>,
) -> BenefitResult {
    // Written piece by piece rather than with format!: most households have several future
    // items, and this was the costliest line in the benchmark.
    let mut zh = String::with_capacity(48);
    let mut en = String::with_capacity(32);
    let written = (|| -> std::fmt::Result {
        zh.push_str("将于");
        write!(zh, "{}", ZhDate(from))?;
        zh.push_str("起可以享受。");
        en.push_str("Available from ");
        match u32::try_from(from.year()) {
            Ok(year) if year <= 9999 => {
                write_num(&mut en, year, 4)?;
                en.push('-');
                write_num(&mut en, from.month(), 2)?;
                en.push('-');
                write_num(&mut en, from.day(), 2)?;
            }
            _ => write!(en, "{from}")?,
        }
        en.push('.');
        Ok(())
    })();
    written.expect("writing to a String cannot fail");
    reasons.push(Reason::owned(zh, en));
    let mut r = result(id, Status::Future, reasons);
    r.eligible_from = Some(from);
    r
}

pub(crate) const NOT_SPECIAL_DIED_OTHER_CHILD: Reason = Reason::fixed(
    "家中已再生育或收养了子女，按本政策不属于计划生育特殊家庭，本项不适用。",
    "The couple has had or adopted another child, so under this policy they are not a special family.",
);
pub(crate) const NOT_SPECIAL_GRADE_4: Reason = Reason::fixed(
    "本政策所说的残疾是三级以上（一至三级）；孩子是四级残疾，本项不适用。",
    "The policy covers disability of grade 1 to 3; a grade 4 disability is not covered.",
);
pub(crate) const NOT_SPECIAL_LIVING: Reason = Reason::fixed(
    "本政策帮扶的是独生子女离世或一至三级残疾、且未再生育或收养子女的家庭；这个家庭的情况不在此列。",
    "The policy helps families whose only child died or has a grade 1 to 3 disability; this family is not one.",
);
pub(crate) const NOT_COVERED: Reason = Reason::fixed(
    "本政策是开封市的政策，适用于在世的父母至少一方为开封市户籍的家庭。请向户籍所在地的卫生健康部门咨询当地的扶助政策。",
    "This is Kaifeng's policy, for families where at least one living parent holds Kaifeng household registration. The health department where the family is registered can advise on local support.",
);

const LANKAO: Reason = Reason::fixed(
    "兰考县财政由省直管，本项的资金和发放以兰考县的规定为准，请向兰考县有关部门核实。",
    "Lankao County's finances are managed directly by the province: confirm this item's funding and payment with Lankao's own offices.",
);

/// RULINGS: 兰考 is administered directly by the province for finance, so its families are told
/// to confirm locally every cash or insurance item that applies to them.
pub(crate) fn local_note(h: &Household, r: &mut BenefitResult) {
    if h.facts.area == Some(Area::Lankao)
        && r.applies()
        && matches!(r.id.info().group, Group::Cash | Group::Insurance)
    {
        r.reasons.push(LANKAO);
    }
}

/// Why a household gets nothing under this policy, or None if it is covered and special.
pub(crate) fn outside(h: &Household) -> Option<Reason> {
    if !h.special {
        let child = &h.facts.child;
        return Some(match child.status {
            _ if h.facts.has_other_child && child.status != ChildStatus::Living => {
                NOT_SPECIAL_DIED_OTHER_CHILD
            }
            ChildStatus::Disabled => NOT_SPECIAL_GRADE_4,
            _ => NOT_SPECIAL_LIVING,
        });
    }
    if !h.covered {
        return Some(NOT_COVERED);
    }
    None
}
