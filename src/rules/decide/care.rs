//! （四）开展社会关怀活动 and （五）落实殡葬服务: clauses 8 to 17, help in kind.

use super::super::benefits::BenefitId;
use super::super::facts::{birthday, ChildStatus, DisabilityType, Residence, Schooling, ZhDate};
use super::super::outcome::{fill, BenefitResult, Reason, Status};
use super::super::params::{child_rehab_end_age, ADULT_AGE};
use super::{result, Household};

/// Clause 8, named helpers.
///
/// > 对每一户计划生育特殊家庭，定一名乡镇（街道）领导干部、定一名卫生计生干部、定一名村（社区）干部作为帮扶联系人，定帮扶内容、定帮扶时间，包政策落实，包和谐稳定。
pub(crate) fn assigned_helpers(_: &Household) -> BenefitResult {
    result(
        BenefitId::AssignedHelpers,
        Status::Eligible,
        vec![Reason::fixed(
            later!("每一户特殊家庭都有乡镇（街道）领导干部、卫生计生干部和村（社区）干部各一名作为帮扶联系人。"),
            en!("Three named helpers: a township leader, a health officer and a village officer."),
        )],
    )
}

/// Clause 8, adult guardianship.
///
/// > 将失去民事行为能力的计划生育特殊家庭成员纳入国家成年监护制度安排中，及时沟通情况，了解实际需求，提供必要帮助。
pub(crate) fn guardianship(h: &Household) -> BenefitResult {
    let id = BenefitId::Guardianship;
    let mut reasons = Vec::with_capacity(2);
    let mut status = Status::NotEligible;
    if h.living().any(|p| !p.civil_capacity) {
        status = Status::Eligible;
        reasons.push(Reason::fixed(
            later!("父母中有人失去民事行为能力：纳入成年监护安排，提供必要帮助。"),
            en!("A parent has lost civil capacity: adult guardianship applies, with help as needed."),
        ));
    }
    let child = &h.facts.child;
    // RULINGS: 家庭成员 includes an adult disabled only child.
    if child.status == ChildStatus::Disabled && !child.has_civil_capacity() {
        match child.birth_date {
            Some(born) if birthday(born, ADULT) <= h.as_of => {
                status = Status::Eligible;
                reasons.push(Reason::fixed(
                    later!("孩子已成年、没有民事行为能力：纳入成年监护安排，提供必要帮助。"),
                    en!("The adult child has no civil capacity: adult guardianship applies, with help as needed."),
                ));
            }
            // RULINGS, Round 3: a minor who will lack capacity is `future` from the 18th
            // birthday (a reminder can be set).
            Some(born) => {
                let adult = birthday(born, ADULT);
                reasons.push(Reason::owned(
                    fill(later!("未成年的孩子由父母监护；孩子将于{}年满18周岁，届时可纳入成年监护安排。"), &[&ZhDate(adult)]),
                    fill(en!("A child under 18 is in the parents' care; from the 18th birthday, {}, adult guardianship can apply."), &[&adult]),
                ));
                if status == Status::NotEligible {
                    let mut r = result(id, Status::Future, reasons);
                    r.eligible_from = Some(adult);
                    return r;
                }
            }
            None => {
                if status == Status::NotEligible {
                    status = Status::Check;
                }
                reasons.push(Reason::fixed(
                    later!("孩子没有民事行为能力；未填写孩子的出生日期，年满18周岁的可纳入成年监护，请核实。"),
                    en!("The child has no civil capacity and no birth date was given: from 18, adult guardianship applies. Confirm the age."),
                ));
            }
        }
    }
    if reasons.is_empty() {
        reasons.push(Reason::fixed(
            later!("本项是给失去民事行为能力的家庭成员的；未填写或没有这种情况。"),
            en!("This is for a family member who has lost civil capacity; none was indicated."),
        ));
    }
    result(id, status, reasons)
}

/// 成年 (`params::ADULT_AGE`, 18周岁): the age from which adult guardianship, not a parent's
/// care, applies.
const ADULT: u32 = ADULT_AGE.fixed();

/// Clause 9, festival visits and health talks.
///
/// > 各级卫生健康部门在每年重大节日由乡镇（街道）领导带队逐户逐人慰问，从物资和精神上给予帮助和慰藉。
pub(crate) fn festival_visits(_: &Household) -> BenefitResult {
    result(
        BenefitId::FestivalVisits,
        Status::Eligible,
        vec![Reason::fixed(
            later!("每年重大节日有上门慰问；县区每年组织1—2次健康养生讲座或联谊活动，必要时可请心理专家或社工上门。"),
            en!("Festival visits, yearly health talks, and home visits by psychologists when needed."),
        )],
    )
}

/// Clause 10, volunteers and the advice hotline.
///
/// > 通过开通咨询热线等方式，以精神慰藉和心理咨询、心理疏导为重点，深入开展各种形式的社会关怀活动
pub(crate) fn volunteer_support(_: &Household) -> BenefitResult {
    result(
        BenefitId::VolunteerSupport,
        Status::Eligible,
        vec![Reason::fixed(
            later!("计生协牵头的志愿服务和咨询热线，重点提供精神慰藉、心理咨询和心理疏导。"),
            en!("Volunteers and an advice hotline, for comfort and counselling."),
        )],
    )
}

/// Clause 11, public rental housing.
///
/// > 对生活贫困、住房困难的城镇计划生育特殊家庭申请公共租赁住房的，要优先给予安排；
pub(crate) fn public_rental_priority(h: &Household) -> BenefitResult {
    let id = BenefitId::PublicRentalPriority;
    let c = &h.facts.circumstances;
    if h.facts.residence != Residence::Urban {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("公共租赁住房优先是给城镇特殊家庭的；农村家庭可看危房改造一项。"),
                en!("Public rental priority is for urban families."),
            )],
        );
    }
    if !(c.low_income && c.housing_difficulty) {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("需同时生活贫困和住房困难；未填写或没有这两种情况。"),
                en!("It needs both hardship and a housing difficulty; both were not indicated."),
            )],
        );
    }
    result(
        id,
        Status::Eligible,
        vec![Reason::fixed(
            later!("城镇特殊家庭生活贫困、住房困难，申请公共租赁住房的优先安排。"),
            en!("In hardship and short of housing: priority for public rental housing."),
        )],
    )
}

/// Clause 11, rural dilapidated-house renovation.
///
/// > 对农村计划生育特殊家庭，要按照有关规定优先纳入农村危房改造范围。
pub(crate) fn rural_house_renovation(h: &Household) -> BenefitResult {
    let id = BenefitId::RuralHouseRenovation;
    if h.facts.residence != Residence::Rural {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("危房改造优先是给农村特殊家庭的。"),
                en!("Priority for renovating dilapidated houses is for rural families."),
            )],
        );
    }
    if !h.facts.circumstances.dilapidated_house {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("未填写或住房不是危房；如房屋有安全问题，可随时申请。"),
                en!("The house was not said to be dilapidated; apply at any time if it becomes unsafe."),
            )],
        );
    }
    result(
        id,
        Status::Eligible,
        vec![Reason::fixed(
            later!("农村特殊家庭住的是危房：按有关规定优先纳入农村危房改造。"),
            en!("A rural special family living in a dilapidated house is given priority for renovation."),
        )],
    )
}

/// Clause 12, adoption.
///
/// > 对符合条件、有收养意愿的计划生育特殊家庭，在同等条件下，优先收养子女。
///
/// The adoption conditions are the civil affairs bureau's to judge: `check`.
pub(crate) fn adoption_priority(h: &Household) -> BenefitResult {
    let id = BenefitId::AdoptionPriority;
    if !h.facts.circumstances.wants_to_adopt {
        // RULINGS (registers): adoption is not asked of the old. Quiet and neutral when every
        // living parent is 60 or older, as rebirth support is once the mother is 49.
        let all_old = h
            .facts
            .parents
            .iter()
            .filter(|p| p.alive)
            .all(|p| h.is_sixty(p));
        return result(
            id,
            Status::NotEligible,
            vec![if all_old {
                Reason::fixed(
                    later!("本项适用于有收养意愿的家庭。"),
                    en!("This applies to families who wish to adopt."),
                )
            } else {
                Reason::fixed(
                    later!("本项适用于有收养意愿的家庭；未填写或没有收养意愿。"),
                    en!("This applies to families who wish to adopt."),
                )
            }],
        );
    }
    result(
        id,
        Status::Check,
        vec![Reason::fixed(
            later!("有收养意愿：符合收养条件的，同等条件下优先收养；收养条件由民政部门审核。"),
            en!("Wishing to adopt: priority where the adoption conditions are met, which the civil affairs bureau checks."),
        )],
    )
}

/// Clause 13, legal aid.
///
/// > 计划生育特殊家庭成员遭遇侵害或民事纠纷等提起诉讼，符合法律援助事项的，法律援助中心应提供无偿法律援助。
pub(crate) fn legal_aid(h: &Household) -> BenefitResult {
    let id = BenefitId::LegalAid;
    if !h.facts.circumstances.legal_dispute {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("本项适用于遭遇侵害或民事纠纷需要打官司时；需要时可随时拨打12348。"),
                en!("For a lawsuit over a wrong or a civil dispute; call 12348 whenever needed."),
            )],
        );
    }
    result(
        id,
        Status::Check,
        vec![Reason::fixed(
            later!("遭遇侵害或民事纠纷提起诉讼的，属于法律援助事项的，法律援助中心免费提供法律援助；可拨打12348咨询。"),
            en!("In a lawsuit over a wrong or a civil dispute, the legal aid centre helps free if legal aid covers the matter; call 12348."),
        )],
    )
}

/// Clause 14, employment and income projects.
///
/// > 对计划生育特殊家庭中的建档立卡脱贫户优先安排到户增收、小额贷款贴息、扶贫就业培训等项目。
pub(crate) fn employment_support(h: &Household) -> BenefitResult {
    let id = BenefitId::EmploymentSupport;
    if !h.facts.circumstances.poverty_registered {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("本项适用于建档立卡脱贫户；未填写或不是建档立卡脱贫户。"),
                en!("This applies to households registered as lifted out of poverty (建档立卡脱贫户)."),
            )],
        );
    }
    result(
        id,
        Status::Eligible,
        vec![Reason::fixed(
            later!("建档立卡脱贫户：优先安排到户增收、小额贷款贴息和就业培训项目。"),
            en!("Registered out of poverty: priority for income projects, loan interest subsidies and job training."),
        )],
    )
}

/// Clause 15, student aid for the disabled only child.
///
/// > 对残疾独生子女接受普通高中教育、中等职业教育、普通高校全日制本专科教育的，在国家资助政策体系下，按照有关规定，残疾独生子女优先享受相应的困难家庭学生生活补助或助学金等学生资助项目。
///
/// The school's aid office applies the national rules: `check`.
pub(crate) fn student_aid_priority(h: &Household) -> BenefitResult {
    let id = BenefitId::StudentAidPriority;
    let child = &h.facts.child;
    if child.status != ChildStatus::Disabled {
        return result(id, Status::NotEligible, vec![ONLY_IF_DISABLED]);
    }
    match child.schooling {
        Some(Schooling::HighSchool | Schooling::Vocational | Schooling::College) => result(
            id,
            Status::Check,
            vec![Reason::fixed(
                later!("孩子在读普通高中、中职或全日制本专科：优先享受困难家庭学生生活补助、助学金等资助，由学校资助部门按规定审核。"),
                en!("The child is in senior high, vocational school or full-time college: priority for student allowances and grants, assessed by the school."),
            )],
        ),
        _ => result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("本项适用于在读普通高中、中职或全日制本专科的残疾独生子女。"),
                en!("This applies while the child is in senior high, vocational school or full-time college."),
            )],
        ),
    }
}

const ONLY_IF_DISABLED: Reason = Reason::fixed(
    later!("本项只适用于独生子女残疾的家庭。"),
    en!("This applies only to families whose only child is disabled."),
);

/// Clause 16, rehabilitation aid.
///
/// > 对符合康复救助条件的，根据相关政策和救助项目优先给予补贴适配假肢（上下肢、特殊假肢）、辅助器具（轮椅、助行器、助视器、助听器等）；
/// > 对符合康复救助政策和条件的0—6岁视力、听力、智力、言语、孤独症、肢体（脑瘫）残疾儿童优先实施康复救助服务。
///
/// 0—6岁 includes 6: the child qualifies until the day before their 7th birthday.
pub(crate) fn rehabilitation_aid(h: &Household) -> BenefitResult {
    let id = BenefitId::RehabilitationAid;
    let child = &h.facts.child;
    if child.status != ChildStatus::Disabled {
        return result(id, Status::NotEligible, vec![ONLY_IF_DISABLED]);
    }
    let mut reasons = vec![Reason::fixed(
        later!("符合康复救助条件的，优先补贴适配假肢和轮椅、助行器、助视器、助听器等辅助器具；条件由残联审核。"),
        en!("Priority subsidies for prostheses and aids (wheelchairs, walkers, low-vision and hearing aids) where the conditions are met; the disabled persons' federation checks them."),
    )];
    // RULINGS, Round 3: 多重残疾 is two or more categories, so one listed kind is always
    // among them; 精神残疾 may be 孤独症 (the 残疾人证 records it as 精神), to confirm.
    let listed = |t: &DisabilityType| {
        matches!(
            t,
            DisabilityType::Vision
                | DisabilityType::Hearing
                | DisabilityType::Intellectual
                | DisabilityType::Speech
                | DisabilityType::Autism
                | DisabilityType::Physical
                | DisabilityType::Multiple
        )
    };
    let types = &child.disability_types;
    let type_fits = types.is_empty() || types.iter().any(listed);
    let maybe_autism = !type_fits && types.contains(&DisabilityType::Mental);
    let mut until = None;
    match child.birth_date {
        Some(born) => {
            let seven = birthday(born, child_rehab_end_age(h.as_of));
            if h.as_of < seven && (type_fits || maybe_autism) {
                until = seven.pred_opt();
                reasons.push(Reason::owned(
                    fill(later!("孩子不满7周岁（0—6岁）：视力、听力、智力、言语、孤独症、肢体（脑瘫）残疾儿童优先实施康复救助服务，至{}前。"), &[&ZhDate(seven)]),
                    fill(en!("The child is 6 or under: priority rehabilitation for vision, hearing, intellectual, speech, autism or physical (cerebral palsy) disability, until {}."), &[&seven]),
                ));
                if maybe_autism {
                    reasons.push(MENTAL_MAY_BE_AUTISM);
                }
            } else if h.as_of < seven {
                reasons.push(Reason::fixed(
                    later!("0—6岁儿童优先康复服务限于视力、听力、智力、言语、孤独症、肢体（脑瘫）残疾。"),
                    en!("Priority rehabilitation at 0 to 6 covers vision, hearing, intellectual, speech, autism and physical disability."),
                ));
            }
        }
        None => reasons.push(Reason::fixed(
            later!("如孩子在0—6岁，视力、听力、智力、言语、孤独症、肢体（脑瘫）残疾儿童还可优先实施康复救助服务。"),
            en!("At 6 or under, children with vision, hearing, intellectual, speech, autism or physical disability also get rehabilitation first."),
        )),
    }
    let mut r = result(id, Status::Check, reasons);
    r.until = until;
    r
}

const MENTAL_MAY_BE_AUTISM: Reason = Reason::fixed(
    later!("残疾人证上的孤独症记为精神残疾：请向县（区）残联确认孩子是否属于孤独症，属于的优先实施康复救助服务。"),
    en!("The 残疾人证 records autism as a mental disability: confirm with the county disabled persons' federation whether it is autism, which gets rehabilitation first."),
);

/// Clause 17, a free grave plot.
///
/// > 计划生育特殊家庭父母死亡后，可委托他人在本人去世后，向户籍所在地县（区）民政局提出申请，各公益性公墓结合建设实际，按照相关规定将墓穴免费提供给辖区死亡的计划生育特殊家庭父母使用。
pub(crate) fn free_grave_plot(h: &Household) -> BenefitResult {
    let late = h.facts.parents.iter().find(|p| !p.alive);
    let reason = match (h.any_living, late) {
        (false, _) => Reason::fixed(
            later!("父母已去世：受他们委托的人现在就可以向其户籍所在地县（区）民政局申请。"),
            en!("The parents have died: the person they entrusted can now apply at the county civil affairs bureau where they were registered."),
        ),
        (true, Some(_)) => Reason::fixed(
            later!("已故的一方现在就可以申请：由受委托的人向其户籍所在地县（区）民政局申请；在世的一方也可事先委托他人。"),
            en!("For the late parent it can be claimed now by the person entrusted, at the county civil affairs bureau where they were registered; the living parent can entrust someone too."),
        ),
        (true, None) => Reason::fixed(
            later!("特殊家庭父母身后可免费使用公益性公墓墓穴；可事先委托他人，在身后向户籍所在地县（区）民政局申请。"),
            en!("A free public cemetery plot for the parents; they can entrust someone now to apply after their death at the county civil affairs bureau where they are registered."),
        ),
    };
    result(BenefitId::FreeGravePlot, Status::Eligible, vec![reason])
}
