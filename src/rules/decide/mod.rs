//! The deciding functions, one per catalogue item, grouped by the policy's sections. Each sits
//! under the sentence it implements. This module holds what several of them share: who is a
//! special family, who is covered, and when someone reaches an age.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::benefits::{
    BenefitId, Document, Group, CHILD_ID, CHILD_PROOF, DEATH_PROOF, DISABILITY_CARD, DIVORCE,
    FATHER_ID, GUARDIAN_ID, ID_CARD, LATE_SPOUSE_DEATH, MARRIAGE, MOTHER_ID, OWN_ID, SUPPORT_CARD,
};
use super::facts::{birthday, push_iso_date, push_zh_date, Area, ChildStatus, Facts, Parent, Role};
use super::outcome::{fill, BenefitResult, Reason, Status};
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
        // RULINGS, Round 3: another child is per parent; the household is a special family
        // while at least one listed parent has none.
        let special = (child_died || grade_1_to_3)
            && !facts.has_other_child
            && facts.parents.iter().any(|p| !p.other_child);
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

    /// The living parents the policy serves as persons: alive and without another child of
    /// their own (RULINGS, Round 3: a parent who had or adopted another child is not counted
    /// for any item paid or given to a person).
    pub fn living(&self) -> impl Iterator<Item = &'a Parent> + '_ {
        self.facts
            .parents
            .iter()
            .filter(|p| p.alive && !p.other_child)
    }

    /// The living parents counted for what a person receives: with their own Kaifeng 户籍
    /// (RULINGS, Round 3).
    pub fn counted(&self) -> impl Iterator<Item = &'a Parent> + '_ {
        self.living().filter(|p| p.kaifeng_hukou)
    }

    /// Why each living parent who is not [`counted`](Self::counted) is not: another child
    /// of their own, or 户籍 elsewhere, with where to ask. Empty for most families.
    pub fn not_counted(&self) -> Vec<Reason> {
        self.facts
            .parents
            .iter()
            .filter(|p| p.alive)
            .filter_map(|p| {
                let i = role_index(p);
                if p.other_child {
                    Some(OTHER_CHILD_OF[i].clone())
                } else if !p.kaifeng_hukou {
                    Some(ELSEWHERE[i].clone())
                } else {
                    None
                }
            })
            .collect()
    }

    /// The first of `parents` to turn 60, and when.
    pub fn first_sixty<'p>(
        &self,
        parents: impl Iterator<Item = &'p Parent>,
    ) -> Option<(NaiveDate, &'p Parent)> {
        parents
            .map(|p| (self.sixtieth(p), p))
            .min_by_key(|(d, _)| *d)
    }

    pub fn is_sixty(&self, p: &Parent) -> bool {
        self.sixtieth(p) <= self.as_of
    }
}

/// 0 for the mother, 1 for the father: the index of the per-parent sentence arrays.
pub(crate) fn role_index(p: &Parent) -> usize {
    match p.role {
        Role::Mother => 0,
        Role::Father => 1,
    }
}

/// A living parent registered outside Kaifeng, sent to their 户籍地 (RULINGS, Round 3).
pub(crate) const ELSEWHERE: [Reason; 2] = [
    Reason::fixed(
        later!("母亲不是开封市户籍，本项不按她计算；她的这一项请向其户籍所在地咨询。"),
        en!("The mother is registered outside Kaifeng and is not counted: she should ask where she is registered."),
    ),
    Reason::fixed(
        later!("父亲不是开封市户籍，本项不按他计算；他的这一项请向其户籍所在地咨询。"),
        en!("The father is registered outside Kaifeng and is not counted: he should ask where he is registered."),
    ),
];

/// A parent who had or adopted another child of their own (RULINGS, Round 3).
pub(crate) const OTHER_CHILD_OF: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已另外生育或收养子女，不再按特殊家庭父母计算。"),
        en!("The mother has had or adopted another child: she is not counted as a special family's parent."),
    ),
    Reason::fixed(
        later!("父亲已另外生育或收养子女，不再按特殊家庭父母计算。"),
        en!("The father has had or adopted another child: he is not counted as a special family's parent."),
    ),
];

/// Whose 60th birthday a `future` elder-care item waits for (RULINGS, Round 3).
pub(crate) const AT_SIXTY_OF: [Reason; 2] = [
    Reason::fixed(
        later!("养老照料从年满60周岁起适用，按母亲的60周岁生日计。"),
        en!("Elder care applies from the 60th birthday: the mother's."),
    ),
    Reason::fixed(
        later!("养老照料从年满60周岁起适用，按父亲的60周岁生日计。"),
        en!("Elder care applies from the 60th birthday: the father's."),
    ),
];

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
    zh.push_str("将于");
    push_zh_date(&mut zh, from);
    zh.push_str("起可以享受。");
    en.push_str(crate::english::resolve(en!("Available from ")));
    push_iso_date(&mut en, from);
    en.push('.');
    reasons.push(Reason::owned(zh, en));
    let mut r = result(id, Status::Future, reasons);
    r.eligible_from = Some(from);
    r
}

pub(crate) const NOT_SPECIAL_DIED_OTHER_CHILD: Reason = Reason::fixed(
    later!("家中已再生育或收养了子女，按本政策不属于计划生育特殊家庭，本政策的各项不适用。"),
    en!("Another child was had or adopted: not a special family."),
);
pub(crate) const NOT_SPECIAL_GRADE_4: Reason = Reason::fixed(
    later!("本政策所说的残疾是三级以上（一至三级）；孩子是四级残疾，本政策的各项不适用。"),
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
/// only where the family can hold it. RULINGS, Round 3: the child's paper follows the
/// child's status (死亡证明 or 残疾人证, never "或"); a divorced parent brings the 离婚证 and
/// their own card; an adult child with civil capacity brings their own card; no paper twice.
pub(crate) fn documents(h: &Household, r: &BenefitResult) -> Cow<'static, [Document]> {
    let listed = r.id.info().documents;
    // A parent with another child of their own applies for nothing here (RULINGS, Round 3):
    // their card is not asked for.
    let mother = h.living().find(|p| p.role == Role::Mother);
    let father = h.living().find(|p| p.role == Role::Father);
    let both_living = mother.is_some() && father.is_some();
    let late_spouse = h.any_living && h.facts.parents.iter().any(|p| !p.alive);
    let apart = h.facts.parents.iter().any(Parent::apart);
    // The certificate is Kaifeng's, issued to a living parent registered here.
    let card = h.special_support.holds() && h.counted().next().is_some();
    let child = &h.facts.child;
    // A paper of a status the child does not have: a death-only item of a disabled child's
    // family (which does not apply to it) asks for no death certificate, and the disabled
    // child's items of a bereaved family ask for no disability certificate.
    let other_status = |d: Document| match d {
        DEATH_PROOF => child.status != ChildStatus::Deceased,
        DISABILITY_CARD => child.status != ChildStatus::Disabled,
        _ => false,
    };
    // Most families need the catalogue's list as it is: no copy then.
    let changes = listed.iter().any(|d| match *d {
        ID_CARD => !both_living || apart,
        SUPPORT_CARD => !card,
        CHILD_PROOF => true,
        MARRIAGE => apart,
        other => other_status(other),
    });
    if !changes {
        return Cow::Borrowed(listed);
    }
    let adult_child_for_himself = child.status == ChildStatus::Disabled
        && child.has_civil_capacity()
        && child
            .birth_date
            .is_some_and(|born| birthday(born, 18) <= h.as_of);
    let mut out: Vec<Document> = Vec::with_capacity(listed.len() + 1);
    let mut add = |d: Document| {
        if !out.contains(&d) {
            out.push(d);
        }
    };
    for d in listed {
        match *d {
            ID_CARD if apart && h.any_living => add(OWN_ID),
            ID_CARD => match (mother.is_some(), father.is_some()) {
                (true, true) => add(ID_CARD),
                (true, false) => add(MOTHER_ID),
                (false, true) => add(FATHER_ID),
                (false, false) if adult_child_for_himself => add(CHILD_ID),
                (false, false) => add(GUARDIAN_ID),
            },
            MARRIAGE if apart && !late_spouse => add(DIVORCE),
            other if other_status(other) => {}
            SUPPORT_CARD => {
                if card {
                    add(SUPPORT_CARD);
                }
            }
            CHILD_PROOF => add(match child.status {
                ChildStatus::Deceased => DEATH_PROOF,
                ChildStatus::Disabled => DISABILITY_CARD,
                ChildStatus::Living => CHILD_PROOF,
            }),
            other => add(other),
        }
        if late_spouse && matches!(*d, ID_CARD) {
            add(LATE_SPOUSE_DEATH);
        }
    }
    Cow::Owned(out)
}

const LANKAO: Reason = Reason::fixed(
    later!("兰考县财政由省直管，本项以兰考县的规定为准，请向兰考县有关部门核实。"),
    en!("Lankao's finances are run by the province: confirm this item with Lankao's own offices."),
);

/// The same, for the part of a parent whose own county is 兰考 in a household elsewhere.
const LANKAO_OF: [Reason; 2] = [
    Reason::fixed(
        later!("母亲的户籍在兰考县：兰考县财政由省直管，母亲的这一项以兰考县的规定为准，请向兰考县有关部门核实。"),
        en!("The mother is registered in Lankao, whose finances are run by the province: confirm her part with Lankao's own offices."),
    ),
    Reason::fixed(
        later!("父亲的户籍在兰考县：兰考县财政由省直管，父亲的这一项以兰考县的规定为准，请向兰考县有关部门核实。"),
        en!("The father is registered in Lankao, whose finances are run by the province: confirm his part with Lankao's own offices."),
    ),
];

/// RULINGS: 兰考 is administered directly by the province for finance, so its families are told
/// to confirm locally every cash or insurance item that applies to them; RULINGS, Round 3: so
/// is a parent whose own county is 兰考.
pub(crate) fn local_note(h: &Household, r: &mut BenefitResult) {
    // The home care allowance is paid with the special support (RULINGS, Round 3).
    let paid = matches!(r.id.info().group, Group::Cash | Group::Insurance)
        || r.id == BenefitId::HomeCareAllowance;
    if r.applies() && paid {
        if h.facts.area == Some(Area::Lankao) {
            r.reasons.push(LANKAO);
        } else if for_a_person(r.id) {
            // From one parent's own county: say whose part it concerns (audit of Round 3).
            for p in h.counted().filter(|p| p.area == Some(Area::Lankao)) {
                r.reasons.push(LANKAO_OF[role_index(p)].clone());
            }
        }
    }
    own_county(h, r);
}

/// The items paid or given to a person, whose office is that person's own county's.
pub fn for_a_person(id: BenefitId) -> bool {
    matches!(
        id,
        BenefitId::SpecialSupport
            | BenefitId::ParentRewards
            | BenefitId::PensionSubsidy
            | BenefitId::CareHomePriority
            | BenefitId::HomeCareServices
            | BenefitId::HomeCareAllowance
            | BenefitId::DisabledCareSupport
            | BenefitId::MedicalInsuranceSubsidy
            | BenefitId::NursingInsurance
    )
}

/// RULINGS, Round 3: each parent's own county. What a person receives, and their first stop
/// for it, follow the county where they are registered: a parent registered in another
/// Kaifeng county than the household's is sent to that county's office, by name; where every
/// counted parent is registered in one such county, the item's first stop is that county's
/// office, and where the two are in different counties, both offices are named (the
/// household's first when one of them is registered there).
fn own_county(h: &Household, r: &mut BenefitResult) {
    if !for_a_person(r.id) || !r.applies() {
        return;
    }
    if r.first_stop.is_local() {
        let home = h.facts.area;
        let mut areas = h.counted().map(|p| p.area.or(home));
        if let Some(first) = areas.next() {
            let (main, other) = match areas.find(|a| *a != first) {
                None => (first, None),
                Some(second) if second == home => (second, Some(first)),
                Some(second) => (first, Some(second)),
            };
            r.stop_area = main.filter(|_| main != home);
            r.stop_also = other.flatten();
        }
    }
    for p in h.counted() {
        let Some(area) = p.area.filter(|a| Some(*a) != h.facts.area) else {
            continue;
        };
        let (zh, en) = who(p);
        let office_zh = r.first_stop.name_zh(Some(area));
        let office_en = r.first_stop.name_en(Some(area));
        r.reasons.push(Reason::owned(
            fill(
                later!("{}的户籍在{}，{}的这一项由{}办理，请先到{}。"),
                &[&zh, &area.name_zh(), &zh, &area.name_zh(), &office_zh],
            ),
            fill(
                en!("{} is registered in {}: this is handled there, first at the {}."),
                &[&en, &crate::english::resolve(area.name_en()), &office_en],
            ),
        ));
    }
}

/// Why a household gets nothing under this policy, and where it can turn instead; empty
/// if it is covered and special. Said once for the household (RULINGS, Round 3).
pub(crate) fn outside(h: &Household) -> Vec<Reason> {
    if !h.special {
        let child = &h.facts.child;
        let other_child = h.facts.has_other_child || h.facts.parents.iter().all(|p| p.other_child);
        return match child.status {
            _ if other_child && child.status != ChildStatus::Living => {
                vec![NOT_SPECIAL_DIED_OTHER_CHILD, ELSEWHERE_IN_GENERAL]
            }
            ChildStatus::Disabled => vec![NOT_SPECIAL_GRADE_4, GENERAL_FOR_DISABILITY],
            _ => vec![NOT_SPECIAL_LIVING, ELSEWHERE_IN_GENERAL],
        };
    }
    if !h.covered {
        return vec![NOT_COVERED];
    }
    Vec::new()
}

/// Grade 4: the general services outside this policy (RULINGS, Round 3).
const GENERAL_FOR_DISABILITY: Reason = Reason::fixed(
    later!("本政策之外，孩子的康复训练和辅助器具可向县（区）残联咨询一般康复服务；看病负担重的，可向县（区）医保局咨询医疗救助。"),
    en!("Outside this policy: the county disabled persons' federation for general rehabilitation and aids; the county healthcare security bureau for medical assistance."),
);
/// Other not-special families: where general help is asked for.
const ELSEWHERE_IN_GENERAL: Reason = Reason::fixed(
    later!("本政策之外，看病负担重的可向县（区）医保局咨询医疗救助；其他困难可拨打12345政务服务便民热线咨询。"),
    en!("Outside this policy: the county healthcare security bureau for medical assistance; call 12345 about other difficulties."),
);
