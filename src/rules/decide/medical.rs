//! （三）提高医疗保障水平: clauses 5 to 7, insurance, medical care, hospital nursing and
//! having another child.

use rust_decimal::Decimal;

use super::super::benefits::BenefitId;
use super::super::facts::{Residence, ZhDate};
use super::super::outcome::{fill, plus, times, BenefitResult, Reason, Status, Yuan};
use super::super::params::{on, NURSING_DAILY, NURSING_MAX_DAYS, NURSING_PREMIUM_YEARLY};
use super::elder::{scheme_subsidy, MEDICAL_SCHEME};
use super::{result, role_index, who, Household, SupportState, ELSEWHERE, OTHER_CHILD_OF};

/// Clause 5, subsidy for the resident medical insurance.
///
/// > 对独生子女三级以上残疾或死亡、未再生育或收养子女的夫妻参加城乡居民基本医疗保险，由县（区）人民政府给予适当补贴；
pub(crate) fn medical_insurance_subsidy(h: &Household) -> BenefitResult {
    scheme_subsidy(
        h,
        BenefitId::MedicalInsuranceSubsidy,
        |p| p.medical,
        MEDICAL_SCHEME,
        false,
    )
}

/// Clause 5, medical assistance for families in hardship.
///
/// > 将符合条件的困难家庭纳入医疗救助范围，给予相应的医疗救助。
///
/// Which families count as 困难家庭 is the medical security bureau's call: `check`.
pub(crate) fn medical_aid(h: &Household) -> BenefitResult {
    let id = BenefitId::MedicalAid;
    if !h.facts.circumstances.low_income {
        return result(
            id,
            Status::NotEligible,
            vec![Reason::fixed(
                later!("医疗救助是给生活困难家庭的；未填写或没有家庭生活困难的情况。"),
                en!("Medical assistance is for families in hardship; hardship was not indicated."),
            )],
        );
    }
    result(
        id,
        Status::Check,
        vec![Reason::fixed(
            later!("家庭生活困难的，可纳入医疗救助范围；是否符合困难家庭条件由医保部门认定。"),
            en!("A family in hardship can receive medical assistance; the healthcare security bureau decides."),
        )],
    )
}

/// Clause 5, priority medical care.
///
/// > 各级医疗机构要开通“绿色通道”，建立社区医疗服务巡诊制度，为计划生育特殊家庭建立健康档案，提供便利的就医条件，对行动不便的特殊家庭老人提供上门服务。
/// > 特殊家庭父母凭计划生育家庭特别扶助制度扶助证、居民身份证优先就诊并免除门诊挂号费；在急诊和大病诊疗过程中，给予优惠待遇，免除120等急救车辆使用费用，优先安排住院床位。
pub(crate) fn medical_priority(h: &Household) -> BenefitResult {
    let mut reasons = Vec::with_capacity(3);
    reasons.push(Reason::fixed(
        later!("医疗机构为特殊家庭开通“绿色通道”，建立健康档案，提供便利的就医条件。"),
        en!("A green channel in hospitals and a family health record."),
    ));
    if h.living().any(|p| p.mobility_limited) {
        reasons.push(Reason::fixed(
            later!("家中老人行动不便，可以请医生上门服务。"),
            en!("A parent has limited mobility: doctors can visit at home."),
        ));
    }
    let certified_here = h.living().any(|p| p.kaifeng_hukou);
    reasons.push(match h.special_support {
        _ if !certified_here => Reason::fixed(
            later!("免挂号费、免120费用和优先住院需凭特别扶助证，由在世一方户籍所在地办理。"),
            en!("Free registration, 120 ambulance and priority beds need the special support certificate, from where the living parent is registered."),
        ),
        SupportState::Meets => Reason::fixed(
            later!("凭特别扶助证和身份证，优先就诊并免门诊挂号费；急诊和大病时免120等急救车费用，优先安排住院床位。"),
            en!("With the special support certificate and ID card: seen first, no registration fee, free 120 ambulance, priority beds."),
        ),
        SupportState::MeetsByFatherAge | SupportState::MeetsByLateMother => Reason::fixed(
            later!("凭特别扶助证和身份证，优先就诊并免门诊挂号费；急诊和大病时免120等急救车费用，优先安排住院床位（特别扶助资格请向县（区）卫生健康委核实）。"),
            en!("With the special support certificate and ID card: seen first, no registration fee, free 120 ambulance, priority beds (confirm special support with the county health commission)."),
        ),
        SupportState::From(d)
        | SupportState::FromByFatherAge(d)
        | SupportState::FromByLateMother(d) => Reason::owned(
            fill(later!("免门诊挂号费、免120急救车费用和优先住院需凭特别扶助证；自{}起符合特别扶助条件，领证后即可享受。"), &[&ZhDate(d)]),
            fill(en!("Free registration, 120 ambulance and priority beds need the special support certificate, held from {}."), &[&d]),
        ),
    });
    result(BenefitId::MedicalPriority, Status::Eligible, reasons)
}

/// Clause 6, hospital nursing allowance insurance.
///
/// > 对独生子女死亡的特殊家庭父母统一缴纳每人每年900元的住院护理补贴保险，住院期间享受每日300元的住院护理补贴，每年最长不超过90天。
///
/// The government pays the 900 yuan premium to the insurer; the household receives only the
/// daily allowance, so only that is counted. Insured: living parents with Kaifeng 户籍.
pub(crate) fn nursing_insurance(h: &Household) -> BenefitResult {
    let id = BenefitId::NursingInsurance;
    if !h.child_died {
        return result(
            id,
            Status::NotEligible,
            vec![super::cash::ONLY_IF_CHILD_DIED],
        );
    }
    if h.counted().next().is_none() {
        let mut reasons = vec![Reason::fixed(
            later!("本项为开封户籍的在世父母投保；请向在世一方的户籍所在地咨询。"),
            en!("It insures living parents registered in Kaifeng; ask where the living parent is registered."),
        )];
        reasons.extend(
            h.not_counted()
                .into_iter()
                .filter(|r| OTHER_CHILD_OF.contains(r)),
        );
        return result(id, Status::NotEligible, reasons);
    }
    let premium = Yuan(on(&NURSING_PREMIUM_YEARLY, h.as_of));
    let rate = on(&NURSING_DAILY, h.as_of);
    let daily = Yuan(rate);
    let cap = on(&NURSING_MAX_DAYS, h.as_of);
    let mut reasons = Vec::with_capacity(4);
    reasons.push(Reason::owned(
        fill(later!("政府为父母每人每年缴纳{}元住院护理补贴保险；住院期间每天补贴{}元，每年最多{}天。"), &[&premium, &daily, &cap]),
        fill(en!("The government pays {} yuan a year per parent; in hospital {} yuan a day, at most {} days a year."), &[&premium, &daily, &cap]),
    ));
    let mut annual = Decimal::ZERO;
    for p in h.living().filter(|p| p.kaifeng_hukou) {
        let days = p.hospital_days.clamp(0, i64::from(cap));
        annual = plus(annual, times(rate, days));
        if p.hospital_days > 0 {
            let (zh, en) = who(p);
            let amount = Yuan(times(rate, days));
            reasons.push(if p.hospital_days > i64::from(cap) {
                Reason::owned(
                    fill(
                        later!("{}今年住院{}天，按最多{}天计，补贴{}元。"),
                        &[&zh, &p.hospital_days, &cap, &amount],
                    ),
                    fill(
                        en!("{} spent {} days in hospital this year; at most {} count: {} yuan."),
                        &[&en, &p.hospital_days, &cap, &amount],
                    ),
                )
            } else {
                Reason::owned(
                    fill(later!("{}今年住院{}天，补贴{}元。"), &[&zh, &days, &amount]),
                    fill(
                        en!("{} spent {} days in hospital this year: {} yuan."),
                        &[&en, &days, &amount],
                    ),
                )
            });
        }
    }
    // Say why days a parent entered were not counted, rather than drop them silently.
    for p in h
        .facts
        .parents
        .iter()
        .filter(|p| !p.alive && p.hospital_days > 0)
    {
        let (zh, en) = who(p);
        reasons.push(Reason::owned(
            fill(later!("已故的{}今年住院{}天，补贴只按在世父母计算，未计入；请向县（区）计生协咨询。"), &[&zh, &p.hospital_days]),
            fill(en!("{}, now deceased, spent {} days in hospital this year: not counted, as the allowance is for living parents; ask the county family planning association."), &[&en, &p.hospital_days]),
        ));
    }
    for p in h.living().filter(|p| !p.kaifeng_hukou) {
        let (zh, en) = who(p);
        reasons.push(if p.hospital_days > 0 {
            Reason::owned(
                fill(later!("{}不是开封市户籍，不在本市的住院护理补贴保险范围内，住院天数未计入；请向其户籍所在地咨询。"), &[&zh]),
                fill(en!("{} is not registered in Kaifeng: not insured here, days not counted; ask where registered."), &[&en]),
            )
        } else {
            ELSEWHERE[role_index(p)].clone()
        });
    }
    for p in h.facts.parents.iter().filter(|p| p.alive && p.other_child) {
        reasons.push(OTHER_CHILD_OF[role_index(p)].clone());
    }
    let mut r = result(id, Status::Eligible, reasons);
    r.annual_total = Some(annual);
    r
}

/// Clause 7, support for having another child.
///
/// > 对独生子女三级以上残疾或死亡后有再生育意愿的夫妻，参加城镇职工生育保险或城乡居民基本医疗保险的，享受相应的医保待遇；免费向农村居民提供取环、输卵（精）管复通等计划生育手术服务，并给予住院分娩补助；对确需实施试管婴儿辅助生殖技术的，由县（区）人民政府给予适当补助。
pub(crate) fn rebirth_support(h: &Household) -> BenefitResult {
    let id = BenefitId::RebirthSupport;
    let c = &h.facts.circumstances;
    // Needing IVF is wanting another child, whichever box was ticked.
    if !(c.wants_another_child || c.needs_ivf) {
        // Quiet and neutral where the family cannot have another child (a widow, a mother
        // of 49 or over): no suggestion that they might want one.
        let young_couple = h.living().count() == 2
            && matches!(
                h.special_support,
                SupportState::From(_) | SupportState::FromByFatherAge(_)
            );
        return result(
            id,
            Status::NotEligible,
            vec![if young_couple {
                Reason::fixed(
                    later!("本项适用于有再生育意愿的夫妻；如有意愿，可随时咨询。"),
                    en!("This applies to couples who wish to have another child; they can ask at any time if they do."),
                )
            } else {
                Reason::fixed(
                    later!("本项适用于有再生育意愿的夫妻。"),
                    en!("This applies to couples who wish to have another child."),
                )
            }],
        );
    }
    let mut reasons = Vec::with_capacity(4);
    // RULINGS, Round 3: clause 7 is for 夫妻. One living parent listed, or a couple apart, is
    // for the office to advise on, never simply granted.
    let living = h.facts.parents.iter().filter(|p| p.alive).count();
    let apart = h
        .facts
        .parents
        .iter()
        .any(super::super::facts::Parent::apart);
    let for_couples = living < 2 || apart;
    if for_couples {
        reasons.push(Reason::fixed(
            later!("本项面向夫妻，请向县（区）卫生健康委咨询。"),
            en!("This is for couples: ask the county health commission."),
        ));
    }
    reasons.push(Reason::fixed(
        later!("有再生育意愿：参加职工生育保险或城乡居民医保的，享受相应的医保待遇。"),
        en!("Wishing for another child: the maternity or resident medical insurance pays its benefits."),
    ));
    if h.facts.residence == Residence::Rural {
        reasons.push(Reason::fixed(
            later!("农村居民可免费做取环、输卵（精）管复通等手术，并有住院分娩补助。"),
            en!("Rural residents: free IUD removal and sterilisation reversal, and a delivery subsidy."),
        ));
    }
    if c.needs_ivf {
        reasons.push(Reason::fixed(
            later!("确需做试管婴儿的，由县（区）人民政府给予适当补助，标准请向县（区）卫生健康委核实。"),
            en!("Where IVF is needed, the county gives a subsidy; confirm the amount with the county health commission."),
        ));
    }
    let status = if for_couples {
        Status::Check
    } else {
        Status::Eligible
    };
    result(id, status, reasons)
}
