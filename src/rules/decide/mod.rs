//! The deciding functions, one per catalogue item, grouped by the policy's sections. Each sits
//! under the sentence it implements. This module holds what several of them share: who is a
//! special family, who is covered, and when someone reaches an age.

use std::borrow::Cow;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::benefits::{
    BenefitId, Document, Group, FATHER_ID, GUARDIAN_ID, ID_CARD, LATE_SPOUSE_DEATH, MOTHER_ID,
    SUPPORT_CARD,
};
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
    /// The real date the check is made on; amounts for a later date are today's rates.
    pub today: NaiveDate,
    /// 独生子女三级以上残疾或死亡、未再生育或收养子女的家庭
    pub special: bool,
    /// At least one listed parent, living or late, holds or held Kaifeng 户籍 (RULINGS:
    /// the one-off relief is for the couple, 夫妻一方为我市户籍).
    pub covered: bool,
    pub child_died: bool,
    /// Some parent is living.
    pub any_living: bool,
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
    /// A widower reckoned by his late wife's age: the office must confirm (RULINGS).
    MeetsByLateMother,
    FromByLateMother(NaiveDate),
}

impl SupportState {
    /// The conditions hold today, surely or to be confirmed.
    pub fn holds(self) -> bool {
        matches!(
            self,
            SupportState::Meets | SupportState::MeetsByFatherAge | SupportState::MeetsByLateMother
        )
    }
}

impl<'a> Household<'a> {
    pub fn new(facts: &'a Facts, as_of: NaiveDate, today: NaiveDate) -> Self {
        let child = &facts.child;
        let child_died = child.status == ChildStatus::Deceased;
        let grade_1_to_3 =
            child.status == ChildStatus::Disabled && matches!(child.disability_grade, Some(1..=3));
        let special = (child_died || grade_1_to_3) && !facts.has_other_child;
        let covered = facts.parents.iter().any(|p| p.kaifeng_hukou);
        let age = on(&SPECIAL_SUPPORT_MOTHER_AGE, as_of);
        #[derive(PartialEq)]
        enum By {
            Mother,
            LateMother,
            Father,
        }
        let (reference, by) = match facts.parents.iter().find(|p| p.role == Role::Mother) {
            Some(mother) if mother.alive => (mother, By::Mother),
            Some(mother) => (mother, By::LateMother),
            None => (&facts.parents[0], By::Father),
        };
        let from = birthday(reference.birth_date, age);
        let special_support = match (from <= as_of, by) {
            (true, By::Mother) => SupportState::Meets,
            (false, By::Mother) => SupportState::From(from),
            (true, By::Father) => SupportState::MeetsByFatherAge,
            (false, By::Father) => SupportState::FromByFatherAge(from),
            (true, By::LateMother) => SupportState::MeetsByLateMother,
            (false, By::LateMother) => SupportState::FromByLateMother(from),
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
            today,
            special,
            covered,
            child_died,
            any_living: facts.parents.iter().any(|p| p.alive),
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

pub(crate) fn result(id: BenefitId, status: Status, reasons: Vec<Reason>) -> BenefitResult {
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
pub(crate) fn future(id: BenefitId, from: NaiveDate, mut reasons: Vec<Reason>) -> BenefitResult {
    // Written piece by piece rather than with format!: most households have several future
    // items, and this was the costliest line in the benchmark.
    let mut zh = String::with_capacity(48);
    let mut en = String::with_capacity(32);
    let written = (|| -> std::fmt::Result {
        zh.push_str("将于");
        write!(zh, "{}", ZhDate(from))?;
        zh.push_str("起可以享受。");
        en.push_str(crate::english::resolve(en!("Available from ")));
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
    later!("家中已再生育或收养了子女，按本政策不属于计划生育特殊家庭，本项不适用。"),
    en!("Another child was had or adopted: not a special family."),
);
pub(crate) const NOT_SPECIAL_GRADE_4: Reason = Reason::fixed(
    later!("本政策所说的残疾是三级以上（一至三级）；孩子是四级残疾，本项不适用。"),
    en!("The policy covers disability of grade 1 to 3; a grade 4 disability is not covered."),
);
pub(crate) const NOT_SPECIAL_LIVING: Reason = Reason::fixed(
    later!("本政策帮扶独生子女离世或一至三级残疾、且未再生育或收养子女的家庭；这个家庭不在此列。"),
    en!("The policy is for families whose only child died or has a grade 1-3 disability."),
);
pub(crate) const NOT_COVERED: Reason = Reason::fixed(
    later!("本政策适用于父母至少一方（包括已去世的一方）为开封市户籍的家庭。当地的扶助政策请向户籍所在地的卫生健康部门咨询。"),
    en!("This is Kaifeng's policy, for families with a parent (living or late) registered in Kaifeng. Ask the health department where the family is registered about local support."),
);

/// The items that still concern a household whose parents have both died (RULINGS): the
/// child's own, the household's, and the grave plot.
fn after_both_parents(id: BenefitId) -> bool {
    matches!(
        id,
        BenefitId::Guardianship
            | BenefitId::RehabilitationAid
            | BenefitId::StudentAidPriority
            | BenefitId::AssignedHelpers
            | BenefitId::FestivalVisits
            | BenefitId::VolunteerSupport
            | BenefitId::FreeGravePlot
    )
}

const FOR_LIVING_PARENTS: Reason = Reason::fixed(
    later!("父母都已去世。本项是为在世的父母提供的，不再办理。"),
    en!("Both parents have died; this is for living parents."),
);
const NO_ONE_LIVING: Reason = Reason::fixed(
    later!("父母和孩子都已去世，本项不再办理。"),
    en!("The parents and the child have all died: this no longer applies."),
);

/// Why an item does not apply once both parents have died, or None where it still may.
pub(crate) fn late_parents(h: &Household, id: BenefitId) -> Option<Reason> {
    if h.any_living {
        return None;
    }
    if !after_both_parents(id) {
        return Some(FOR_LIVING_PARENTS);
    }
    let child_lives = h.facts.child.status != ChildStatus::Deceased;
    (!child_lives && id != BenefitId::FreeGravePlot).then_some(NO_ONE_LIVING)
}

/// "按现行标准" where an amount is for a day after today: the policy 建立动态增长机制, so a
/// later rate may differ.
pub(crate) fn at_current_rate(h: &Household, from: NaiveDate) -> Option<Reason> {
    (from > h.today).then_some(Reason::fixed(
        later!("金额按现行标准计算，届时以当时标准为准。"),
        en!("At today's rates; the rate then applies."),
    ))
}

/// The papers this family brings for an item: the catalogue's list, with the ID cards of
/// the parents who are living (or the entrusted person's once none is), a late spouse's
/// death certificate beside the marriage certificate, and the special support certificate
/// only where the family can hold it.
pub(crate) fn documents(h: &Household, r: &BenefitResult) -> Cow<'static, [Document]> {
    let listed = r.id.info().documents;
    let mother = h.facts.parents.iter().find(|p| p.role == Role::Mother);
    let father = h.facts.parents.iter().find(|p| p.role == Role::Father);
    let both_living = mother.is_some_and(|p| p.alive) && father.is_some_and(|p| p.alive);
    let late_spouse = h.any_living && h.facts.parents.iter().any(|p| !p.alive);
    // The certificate is Kaifeng's, issued to a living parent registered here.
    let card = h.special_support.holds() && h.living().any(|p| p.kaifeng_hukou);
    // Most families need the catalogue's list as it is: no copy then.
    let changes = listed.iter().any(|d| match *d {
        ID_CARD => !both_living,
        SUPPORT_CARD => !card,
        _ => false,
    });
    if !changes {
        return Cow::Borrowed(listed);
    }
    let mut out = Vec::with_capacity(listed.len() + 1);
    for d in listed {
        match *d {
            ID_CARD => match (
                mother.is_some_and(|p| p.alive),
                father.is_some_and(|p| p.alive),
            ) {
                (true, true) => out.push(ID_CARD),
                (true, false) => out.push(MOTHER_ID),
                (false, true) => out.push(FATHER_ID),
                (false, false) => out.push(GUARDIAN_ID),
            },
            SUPPORT_CARD => {
                if card {
                    out.push(SUPPORT_CARD);
                }
            }
            other => out.push(other),
        }
        if late_spouse && matches!(*d, ID_CARD) {
            out.push(LATE_SPOUSE_DEATH);
        }
    }
    Cow::Owned(out)
}

const LANKAO: Reason = Reason::fixed(
    later!("兰考县财政由省直管，本项以兰考县的规定为准，请向兰考县有关部门核实。"),
    en!("Lankao's finances are run by the province: confirm this item with Lankao's own offices."),
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
