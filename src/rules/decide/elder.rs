//! （二）做好养老保障工作: clauses 3 and 4, pension subsidy and care in old age.

use super::super::benefits::BenefitId;
use super::super::facts::{CareSetting, Parent, Role, Scheme, ZhDate};
use super::super::outcome::{fill, BenefitResult, Reason, Status};
use super::{
    future, leaving_room, result, role_index, Household, SupportState, AT_SIXTY_OF, OTHER_CHILD_OF,
};

/// How each parent stands with a resident insurance scheme; shared by clause 3 (pension) and
/// clause 5 (medical), which are worded alike.
pub(crate) fn scheme_subsidy(
    h: &Household,
    id: BenefitId,
    scheme: fn(&Parent) -> Scheme,
    names: SchemeNames,
    contributing_until_sixty: bool,
) -> BenefitResult {
    let mut reasons = Vec::with_capacity(3);
    let (mut resident, mut none, mut past_sixty) = (false, false, false);
    for p in h.living() {
        // Fixed sentences, not format!: this runs four times per household (see the benchmark).
        let i = match p.role {
            Role::Mother => 0,
            Role::Father => 1,
        };
        // The subsidy is paid by the Kaifeng county where the parent is registered.
        if !p.kaifeng_hukou {
            reasons.push(OTHER_HUKOU[i].clone());
            continue;
        }
        // RULINGS: 城乡居民养老保险 is paid into until 60; the 60th birthday counts as 60.
        if contributing_until_sixty && h.is_sixty(p) {
            past_sixty = true;
            reasons.push(PAST_SIXTY[i].clone());
            continue;
        }
        match scheme(p) {
            Scheme::Resident => {
                resident = true;
                reasons.push(names.resident[i].clone());
            }
            Scheme::Employee => reasons.push(names.employee[i].clone()),
            Scheme::None => {
                none = true;
                reasons.push(names.none[i].clone());
            }
        }
    }
    for p in h.facts.parents.iter().filter(|p| p.alive && p.other_child) {
        reasons.push(OTHER_CHILD_OF[role_index(p)].clone());
    }
    let status = if resident {
        reasons.push(Reason::fixed(
            later!("补贴标准由各县（区）确定，请向县（区）人民政府核实。"),
            en!("Each county sets the amount; confirm with the county government."),
        ));
        Status::Eligible
    } else if none {
        Status::Check
    } else {
        Status::NotEligible
    };
    if status == Status::NotEligible && past_sixty {
        reasons.push(Reason::fixed(
            later!("本项是缴费补贴，60周岁起不再缴费；当地是否另有补助，请向县（区）人社局咨询。"),
            en!("This subsidises contributions, which stop at 60: ask the county social security bureau about any local top-up."),
        ));
    }
    result(id, status, reasons)
}

const PAST_SIXTY: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已年满60周岁，不再缴费，不计入。"),
        en!("The mother is 60 or older and no longer contributes: not counted."),
    ),
    Reason::fixed(
        later!("父亲已年满60周岁，不再缴费，不计入。"),
        en!("The father is 60 or older and no longer contributes: not counted."),
    ),
];

const OTHER_HUKOU: [Reason; 2] = [
    Reason::fixed(
        later!("母亲不是开封市户籍，她的参保补贴请向其户籍所在地咨询。"),
        en!("The mother is registered outside Kaifeng: ask there about her subsidy."),
    ),
    Reason::fixed(
        later!("父亲不是开封市户籍，他的参保补贴请向其户籍所在地咨询。"),
        en!("The father is registered outside Kaifeng: ask there about his subsidy."),
    ),
];

/// The sentences for the mother and the father, in a scheme's own name.
pub(crate) struct SchemeNames {
    pub resident: [Reason; 2],
    pub employee: [Reason; 2],
    pub none: [Reason; 2],
}

/// In the employee scheme: the same for either subsidy.
const EMPLOYEE_SCHEME: [Reason; 2] = [
    Reason::fixed(
        later!("母亲参加的是职工保险，不在这项补贴范围内。"),
        en!("The mother is in the employee scheme, which this subsidy does not cover."),
    ),
    Reason::fixed(
        later!("父亲参加的是职工保险，不在这项补贴范围内。"),
        en!("The father is in the employee scheme, which this subsidy does not cover."),
    ),
];

/// The resident pension scheme's sentences (written out whole: `later!` and `en!` take whole
/// literals).
pub(crate) const PENSION_SCHEME: SchemeNames = SchemeNames {
    resident: [
        Reason::fixed(
            later!("母亲参加了城乡居民养老保险，可由县（区）人民政府给予适当补贴。"),
            en!("The mother is in the resident pension scheme: the county government gives a suitable subsidy."),
        ),
        Reason::fixed(
            later!("父亲参加了城乡居民养老保险，可由县（区）人民政府给予适当补贴。"),
            en!("The father is in the resident pension scheme: the county government gives a suitable subsidy."),
        ),
    ],
    employee: EMPLOYEE_SCHEME,
    none: [
        Reason::fixed(
            later!("未填写或母亲尚未参加城乡居民养老保险；已参加或参加后即可申请补贴，请核实参保情况。"),
            en!("Not answered, or the mother is not yet in the resident pension scheme; once enrolled, the subsidy can be claimed: confirm her enrolment."),
        ),
        Reason::fixed(
            later!("未填写或父亲尚未参加城乡居民养老保险；已参加或参加后即可申请补贴，请核实参保情况。"),
            en!("Not answered, or the father is not yet in the resident pension scheme; once enrolled, the subsidy can be claimed: confirm his enrolment."),
        ),
    ],
};

/// The resident medical insurance's sentences (clause 5's subsidy, `medical.rs`).
pub(crate) const MEDICAL_SCHEME: SchemeNames = SchemeNames {
    resident: [
        Reason::fixed(
            later!("母亲参加了城乡居民基本医疗保险，可由县（区）人民政府给予适当补贴。"),
            en!("The mother is in the resident medical insurance: the county government gives a suitable subsidy."),
        ),
        Reason::fixed(
            later!("父亲参加了城乡居民基本医疗保险，可由县（区）人民政府给予适当补贴。"),
            en!("The father is in the resident medical insurance: the county government gives a suitable subsidy."),
        ),
    ],
    employee: EMPLOYEE_SCHEME,
    none: [
        Reason::fixed(
            later!("未填写或母亲尚未参加城乡居民基本医疗保险；已参加或参加后即可申请补贴，请核实参保情况。"),
            en!("Not answered, or the mother is not yet in the resident medical insurance; once enrolled, the subsidy can be claimed: confirm her enrolment."),
        ),
        Reason::fixed(
            later!("未填写或父亲尚未参加城乡居民基本医疗保险；已参加或参加后即可申请补贴，请核实参保情况。"),
            en!("Not answered, or the father is not yet in the resident medical insurance; once enrolled, the subsidy can be claimed: confirm his enrolment."),
        ),
    ],
};

/// Clause 3, 城乡居民养老保险补贴.
///
/// > 对独生子女三级以上残疾或死亡、未再生育或收养子女的夫妻参加城乡居民养老保险，由县（区）人民政府给予适当补贴。
pub(crate) fn pension_subsidy(h: &Household) -> BenefitResult {
    scheme_subsidy(
        h,
        BenefitId::PensionSubsidy,
        |p| p.pension,
        PENSION_SCHEME,
        true,
    )
}

/// Clause 4, priority and fees in care homes.
///
/// > 各级养老服务机构要优先为年满60周岁的计划生育特殊家庭父母提供全托、日托、临托等多种形式的照料服务。
/// > 入住公立养老机构的免除床位费，其余费用自理；入住公建民营养老机构的按照成本价收费。
pub(crate) fn care_home_priority(h: &Household) -> BenefitResult {
    let id = BenefitId::CareHomePriority;
    let mut reasons = Vec::with_capacity(3);
    let (mut any, mut kind_unknown) = (false, false);
    for p in h.living().filter(|p| h.is_sixty(p)) {
        any = true;
        let i = role_index(p);
        reasons.push(match p.care_setting {
            Some(CareSetting::PublicHome) => IN_PUBLIC_HOME[i].clone(),
            Some(CareSetting::PublicPrivateHome) => IN_PUBLIC_PRIVATE_HOME[i].clone(),
            // RULINGS, Round 3: a private home is told plainly the fee rules are not its.
            Some(CareSetting::PrivateHome) => IN_PRIVATE_HOME[i].clone(),
            Some(CareSetting::Home) | None => SIXTY_ANYWHERE[i].clone(),
            // The fee rule turns on the home's kind: what a caseworker would confirm first.
            Some(CareSetting::CareHomeUnknownType) => {
                kind_unknown = true;
                IN_HOME_OF_UNKNOWN_KIND[i].clone()
            }
        });
    }
    // A parent under 60 already in a home: the fee rules are theirs only from their own 60th
    // birthday, whoever else in the household is 60 first.
    for p in h.living().filter(|p| !h.is_sixty(p)) {
        let (zh, en) = super::who(p);
        let from = h.sixtieth(p);
        match p.care_setting {
            Some(CareSetting::PublicHome) => reasons.push(Reason::owned(
                fill(later!("{}住在公办养老机构，免除床位费从{}本人年满60周岁（{}）起适用。"), &[&zh, &zh, &ZhDate(from)]),
                fill(en!("{} is in a public home: no bed fee from their own 60th birthday, {}."), &[&en, &from]),
            )),
            Some(CareSetting::PublicPrivateHome) => reasons.push(Reason::owned(
                fill(later!("{}住在公建民营养老机构，按成本价收费从{}本人年满60周岁（{}）起适用。"), &[&zh, &zh, &ZhDate(from)]),
                fill(en!("{} is in a publicly built, privately run home: cost price from their own 60th birthday, {}."), &[&en, &from]),
            )),
            Some(CareSetting::PrivateHome) => {
                reasons.push(PRIVATE_HOME_RULES[role_index(p)].clone())
            }
            _ => {}
        }
    }
    reasons.extend(h.not_counted().into_iter().filter(is_other_child));
    if any {
        let status = if kind_unknown {
            Status::Check
        } else {
            Status::Eligible
        };
        return result(id, status, reasons);
    }
    match h.first_sixty(h.living()) {
        Some((from, p)) => {
            reasons.insert(0, AT_SIXTY_OF[role_index(p)].clone());
            future(id, from, reasons)
        }
        None => {
            reasons.insert(0, AT_SIXTY);
            result(id, Status::NotEligible, reasons)
        }
    }
}

/// Whether `r` is the sentence about a parent with another child of their own (care homes
/// do not ask for Kaifeng 户籍: only that note applies to them).
fn is_other_child(r: &Reason) -> bool {
    OTHER_CHILD_OF.contains(r)
}

const IN_PRIVATE_HOME: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已年满60周岁，住在民办养老机构：养老机构优先为她提供照料；公办免床位费、公建民营按成本价的规定不适用于民办机构。"),
        en!("The mother is 60 or older, in a private home: priority care applies; the public homes' fee rules do not apply to a private home."),
    ),
    Reason::fixed(
        later!("父亲已年满60周岁，住在民办养老机构：养老机构优先为他提供照料；公办免床位费、公建民营按成本价的规定不适用于民办机构。"),
        en!("The father is 60 or older, in a private home: priority care applies; the public homes' fee rules do not apply to a private home."),
    ),
];

const PRIVATE_HOME_RULES: [Reason; 2] = [
    Reason::fixed(
        later!("母亲住在民办养老机构：公办免床位费、公建民营按成本价的规定不适用于民办机构，年满60周岁后可享受优先照料。"),
        en!("The mother is in a private home: the public homes' fee rules do not apply to it; priority care from her 60th birthday."),
    ),
    Reason::fixed(
        later!("父亲住在民办养老机构：公办免床位费、公建民营按成本价的规定不适用于民办机构，年满60周岁后可享受优先照料。"),
        en!("The father is in a private home: the public homes' fee rules do not apply to it; priority care from his 60th birthday."),
    ),
];

// The same sentence for the mother and for the father (fixed text: no allocation), each
// written out whole: `later!` and `en!` take whole literals.
const IN_PUBLIC_HOME: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已年满60周岁，住在公办养老机构：免除床位费，其余费用自理。"),
        en!("The mother is 60 or older, in a public care home: no bed fee."),
    ),
    Reason::fixed(
        later!("父亲已年满60周岁，住在公办养老机构：免除床位费，其余费用自理。"),
        en!("The father is 60 or older, in a public care home: no bed fee."),
    ),
];
const IN_PUBLIC_PRIVATE_HOME: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已年满60周岁，住在公建民营养老机构：按成本价收费。"),
        en!("The mother is 60 or older, in a publicly built, privately run home: charged at cost."),
    ),
    Reason::fixed(
        later!("父亲已年满60周岁，住在公建民营养老机构：按成本价收费。"),
        en!("The father is 60 or older, in a publicly built, privately run home: charged at cost."),
    ),
];
const SIXTY_ANYWHERE: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已年满60周岁：养老机构优先提供全托、日托、临托；自愿入住公办养老机构的优先保障并免除床位费，入住公建民营机构按成本价收费。"),
        en!("The mother is 60 or older: priority in care homes; no bed fee in public homes, cost price in publicly built, privately run ones."),
    ),
    Reason::fixed(
        later!("父亲已年满60周岁：养老机构优先提供全托、日托、临托；自愿入住公办养老机构的优先保障并免除床位费，入住公建民营机构按成本价收费。"),
        en!("The father is 60 or older: priority in care homes; no bed fee in public homes, cost price in publicly built, privately run ones."),
    ),
];

/// Whole sentences with `en!`, not `by_role!`'s `concat!`: the English stays out of the wasm.
const IN_HOME_OF_UNKNOWN_KIND: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已年满60周岁，住养老机构但不清楚是哪种：公办养老机构的免除床位费，公建民营养老机构的按成本价收费；请向县（区）民政局核实所住机构的类型。"),
        en!("The mother is 60 or older, in a care home of unknown kind: no bed fee in a public home, cost price in a publicly built, privately run one. Confirm the home's kind with the county civil affairs bureau."),
    ),
    Reason::fixed(
        later!("父亲已年满60周岁，住养老机构但不清楚是哪种：公办养老机构的免除床位费，公建民营养老机构的按成本价收费；请向县（区）民政局核实所住机构的类型。"),
        en!("The father is 60 or older, in a care home of unknown kind: no bed fee in a public home, cost price in a publicly built, privately run one. Confirm the home's kind with the county civil affairs bureau."),
    ),
];

const AT_SIXTY: Reason = Reason::fixed(
    later!("养老照料从父母年满60周岁起适用。"),
    en!("Elder care applies from the parent's 60th birthday."),
);

/// Clause 4, home care services bought by the county.
///
/// > 对居家养老的，以县（区）政府购买服务的方式提供生活照料、家政服务、康复护理和医疗保健等服务。
pub(crate) fn home_care_services(h: &Household) -> BenefitResult {
    let id = BenefitId::HomeCareServices;
    // RULINGS, Round 3: a person's own 户籍 for what a person receives.
    let at_home = || h.counted().filter(|p| p.at_home());
    let mut notes = h.not_counted();
    if at_home().any(|p| h.is_sixty(p)) {
        let mut reasons = Vec::with_capacity(3 + notes.len());
        // Whose care setting was not answered, said once (bit 0 the mother, bit 1 the father).
        let mut unanswered = 0;
        for p in at_home().filter(|p| h.is_sixty(p)) {
            reasons.push(SERVICES_AT_HOME[role_index(p)].clone());
            if p.care_setting.is_none() {
                unanswered |= 1 << role_index(p);
            }
        }
        if unanswered != 0 {
            reasons.push(SETTING_UNANSWERED[unanswered - 1].clone());
        }
        reasons.append(&mut notes);
        return result(id, Status::Eligible, reasons);
    }
    match h.first_sixty(at_home()) {
        Some((from, p)) => {
            notes.insert(0, AT_SIXTY_OF[role_index(p)].clone());
            future(id, from, notes)
        }
        None if h.counted().next().is_some() => {
            notes.insert(0, IN_A_HOME);
            result(id, Status::NotEligible, notes)
        }
        None => result(id, Status::NotEligible, notes),
    }
}

const SERVICES_AT_HOME: [Reason; 2] = [
    Reason::fixed(
        later!("母亲年满60周岁、在家养老：由县（区）政府购买服务，提供生活照料、家政服务、康复护理和医疗保健。"),
        en!("The mother is 60 or older at home: the county buys daily care, housekeeping, nursing and health care."),
    ),
    Reason::fixed(
        later!("父亲年满60周岁、在家养老：由县（区）政府购买服务，提供生活照料、家政服务、康复护理和医疗保健。"),
        en!("The father is 60 or older at home: the county buys daily care, housekeeping, nursing and health care."),
    ),
];

/// The mother's, the father's, both parents' care setting not answered.
const SETTING_UNANSWERED: [Reason; 3] = [
    Reason::fixed(
        later!("母亲未填写养老方式，按在家养老判断。"),
        en!("The mother's care setting was not answered: living at home was assumed."),
    ),
    Reason::fixed(
        later!("父亲未填写养老方式，按在家养老判断。"),
        en!("The father's care setting was not answered: living at home was assumed."),
    ),
    Reason::fixed(
        later!("父母都未填写养老方式，按在家养老判断。"),
        en!("Neither parent's care setting was answered: living at home was assumed."),
    ),
];

const IN_A_HOME: Reason = Reason::fixed(
    later!("本项是给在家养老的父母的；父母已住在养老机构。"),
    en!("This is for parents living at home."),
);

/// Clause 4, the home care allowance for parents whose child died.
///
/// > 对居家养老的独生子女死亡人员，可由政府购买服务，或者每人每月发放适当的养老补贴（不含失能人员），每年随特别扶助金一同发放。
///
/// The county chooses services or an allowance, and sets the amount: `check`.
pub(crate) fn home_care_allowance(h: &Household) -> BenefitResult {
    let id = BenefitId::HomeCareAllowance;
    if !h.child_died {
        return result(
            id,
            Status::NotEligible,
            vec![super::cash::ONLY_IF_CHILD_DIED],
        );
    }
    // A monthly allowance paid with the special support: to a parent with their own Kaifeng
    // 户籍 (RULINGS, Round 3), at home, still looking after themselves (不含失能人员).
    let able_at_home = || h.counted().filter(|p| p.at_home() && p.cares_for_self());
    let mut reasons = Vec::with_capacity(4);
    // Who is left out for having lost self-care, and what applies instead (RULINGS, Round 3).
    for p in h.counted().filter(|p| p.at_home() && !p.cares_for_self()) {
        reasons.push(LOST_SELF_CARE[role_index(p)].clone());
    }
    reasons.extend(h.not_counted());
    if able_at_home().any(|p| h.is_sixty(p)) {
        let mut first = Vec::with_capacity(reasons.len() + 3);
        for p in able_at_home().filter(|p| h.is_sixty(p)) {
            // RULINGS, Round 3: unknown stays unknown. Without an answer, 生活能自理 is not
            // said of this parent; the reason says, naming them, that it was assumed.
            let i = role_index(p);
            if p.self_care.is_none() {
                first.push(ALLOWANCE_FOR_UNANSWERED[i].clone());
                first.push(SELF_CARE_UNANSWERED_OF[i].clone());
            } else {
                first.push(ALLOWANCE_FOR[i].clone());
            }
        }
        first.push(Reason::fixed(
            later!("是发补贴还是提供服务、补贴多少，由县（区）确定，请向县（区）民政局核实。"),
            en!("The county sets form and amount: ask the civil affairs bureau."),
        ));
        first.append(&mut reasons);
        return result(id, Status::Check, first);
    }
    if let Some((from, p)) = h.first_sixty(able_at_home()) {
        reasons.insert(0, AT_SIXTY_OF[role_index(p)].clone());
        // The date assumes this parent still looks after themselves: say so when nobody did.
        if p.self_care.is_none() {
            reasons.insert(1, SELF_CARE_UNANSWERED_OF[role_index(p)].clone());
        }
        return future(id, from, reasons);
    }
    if h.counted().next().is_some() && !h.counted().any(|p| p.at_home()) {
        reasons.insert(0, IN_A_HOME);
    }
    if reasons.is_empty() {
        reasons.push(IN_A_HOME);
    }
    result(id, Status::NotEligible, reasons)
}

/// Which parent the allowance is for (RULINGS, Round 3; review point 14).
const ALLOWANCE_FOR: [Reason; 2] = [
    Reason::fixed(
        later!("母亲年满60周岁、在家养老、生活能自理：县（区）可以为她购买服务，或者每月发放养老补贴，随特别扶助金每年一同发放。"),
        en!("The mother is 60 or older, at home and self-caring: the county buys services or pays her a monthly allowance, yearly with the special support."),
    ),
    Reason::fixed(
        later!("父亲年满60周岁、在家养老、生活能自理：县（区）可以为他购买服务，或者每月发放养老补贴，随特别扶助金每年一同发放。"),
        en!("The father is 60 or older, at home and self-caring: the county buys services or pays him a monthly allowance, yearly with the special support."),
    ),
];

const LOST_SELF_CARE: [Reason; 2] = [
    Reason::fixed(
        later!("母亲已失去生活自理能力：养老补贴不含失能人员，她可看“失能父母参照特困人员供养”一项（参照特困人员给予生活照顾和物质帮助）。"),
        en!("The mother has lost self-care: the allowance excludes those who have; see the item on care for them (as for persons in extreme poverty)."),
    ),
    Reason::fixed(
        later!("父亲已失去生活自理能力：养老补贴不含失能人员，他可看“失能父母参照特困人员供养”一项（参照特困人员给予生活照顾和物质帮助）。"),
        en!("The father has lost self-care: the allowance excludes those who have; see the item on care for them (as for persons in extreme poverty)."),
    ),
];

/// The same, for a parent whose self-care was not answered: nothing said of it here.
const ALLOWANCE_FOR_UNANSWERED: [Reason; 2] = [
    Reason::fixed(
        later!("母亲年满60周岁、在家养老：县（区）可以为她购买服务，或者每月发放养老补贴，随特别扶助金每年一同发放（不含失能人员）。"),
        en!("The mother is 60 or older and at home: the county buys services or pays her a monthly allowance, yearly with the special support (not for those who have lost self-care)."),
    ),
    Reason::fixed(
        later!("父亲年满60周岁、在家养老：县（区）可以为他购买服务，或者每月发放养老补贴，随特别扶助金每年一同发放（不含失能人员）。"),
        en!("The father is 60 or older and at home: the county buys services or pays him a monthly allowance, yearly with the special support (not for those who have lost self-care)."),
    ),
];

/// Self-care not answered for this parent: read as able, and said so once, naming them.
const SELF_CARE_UNANSWERED_OF: [Reason; 2] = [
    Reason::fixed(
        later!("母亲未填写生活自理情况，按能自理判断；如她已失能，请看“失能父母参照特困人员供养”一项。"),
        en!("The mother's self-care was not answered: read as self-caring; if she has lost it, see the item on care for those who have."),
    ),
    Reason::fixed(
        later!("父亲未填写生活自理情况，按能自理判断；如他已失能，请看“失能父母参照特困人员供养”一项。"),
        en!("The father's self-care was not answered: read as self-caring; if he has lost it, see the item on care for those who have."),
    ),
];

/// A parent whose self-care was not answered, on the item for those who have lost it.
const UNANSWERED_HERE: [Reason; 2] = [
    Reason::fixed(
        later!("母亲未填写生活自理情况，按能自理判断；如她已失去生活自理能力，请补填后重新查看。"),
        en!("The mother's self-care was not answered: read as self-caring; if she has lost it, answer that and check again."),
    ),
    Reason::fixed(
        later!("父亲未填写生活自理情况，按能自理判断；如他已失去生活自理能力，请补填后重新查看。"),
        en!("The father's self-care was not answered: read as self-caring; if he has lost it, answer that and check again."),
    ),
];

/// Clause 4, care for parents who have lost self-care.
///
/// > 对独生子女死亡符合特别扶助条件，失去生活自理能力的夫妻，参照特困人员管理体制、供养办法和标准给予生活照顾和物质帮助，所需资金由县（区）财政承担。
pub(crate) fn disabled_care_support(h: &Household) -> BenefitResult {
    let id = BenefitId::DisabledCareSupport;
    if !h.child_died {
        return result(
            id,
            Status::NotEligible,
            vec![super::cash::ONLY_IF_CHILD_DIED],
        );
    }
    if h.living().all(|p| p.cares_for_self()) {
        // RULINGS, Round 3: unknown stays unknown; never "能自理" of a parent nobody said it
        // of. Each parent without an answer is named once.
        let said = h.living().all(|p| p.self_care.is_some());
        let mut reasons = vec![if said {
            Reason::fixed(
                later!("本项是给失去生活自理能力的父母的；父母目前生活能自理。"),
                en!("This is for parents who can no longer look after themselves."),
            )
        } else {
            Reason::fixed(
                later!("本项是给失去生活自理能力的父母的；没有父母填写为失去生活自理能力。"),
                en!("This is for parents who can no longer look after themselves; none was said to have lost it."),
            )
        }];
        for p in h.living().filter(|p| p.self_care.is_none()) {
            reasons.push(UNANSWERED_HERE[role_index(p)].clone());
        }
        return result(id, Status::NotEligible, reasons);
    }
    let lost = Reason::fixed(
        later!("独生子女离世、父母失去生活自理能力：参照特困人员的供养办法和标准给予生活照顾和物质帮助。"),
        en!("A parent can no longer look after themselves: daily care and material help as for persons in extreme poverty."),
    );
    match h.special_support {
        SupportState::Meets => result(id, Status::Eligible, vec![lost]),
        SupportState::MeetsByFatherAge => result(
            id,
            Status::Check,
            vec![
                lost,
                Reason::fixed(
                    later!("需先符合特别扶助条件（未填写女方信息），请向县（区）民政局核实。"),
                    en!("Special support must hold first (no mother listed): confirm with the county civil affairs bureau."),
                ),
            ],
        ),
        SupportState::MeetsByLateMother => result(
            id,
            Status::Check,
            vec![
                lost,
                Reason::fixed(
                    later!("需先符合特别扶助条件（按已故女方的年龄判断），请向县（区）民政局核实。"),
                    en!("Special support must hold first (by the late mother's age): confirm with the county civil affairs bureau."),
                ),
            ],
        ),
        SupportState::From(d)
        | SupportState::FromByFatherAge(d)
        | SupportState::FromByLateMother(d) => future(
            id,
            d,
            leaving_room([
                lost,
                Reason::fixed(
                    later!("需先符合特别扶助条件（女方年满49周岁）。"),
                    en!("The special support conditions must hold first (the mother is 49)."),
                ),
            ]),
        ),
    }
}
