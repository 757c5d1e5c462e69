//! （一）加大经济扶助力度: clauses 1 and 2, the cash the family receives directly.

use super::super::benefits::BenefitId;
use super::super::facts::{ChildStatus, Parent, ZhDate};
use super::super::outcome::{fill, times, BenefitResult, Reason, Status, Yuan};
use super::super::params::{
    on, DEATH_RELIEF_BOTH_HUKOU, DEATH_RELIEF_ONE_HUKOU, SPECIAL_SUPPORT_DEATH_MONTHLY,
};
use super::{future, result, Household, SupportState};

/// Clause 1, 特别扶助金.
///
/// > 认真执行国家和省有关计划生育家庭特别扶助制度，将符合条件的计划生育特殊家庭成员纳入计划生育特别扶助范围
/// > 对独生子女死亡、女方年满49周岁的夫妻的特别扶助金由每人每月1180元提高到每人每月1430元
///
/// Paid per living parent with Kaifeng 户籍. For a disabled only child the national and
/// provincial standard applies, which this text does not state, so no amount is given.
pub(crate) fn special_support(h: &Household) -> BenefitResult {
    let id = BenefitId::SpecialSupport;
    let mut reasons = Vec::with_capacity(4);
    let died = h.facts.child.status == ChildStatus::Deceased;
    reasons.push(if died {
        Reason::fixed(
            later!("独生子女离世、未再生育或收养子女，属于特别扶助对象。"),
            en!("The only child died and no other child was had or adopted: special support applies."),
        )
    } else {
        Reason::fixed(
            later!("独生子女三级以上残疾、未再生育或收养子女，属于特别扶助对象。"),
            en!("The only child has a grade 1 to 3 disability and no other child: special support applies."),
        )
    });
    let paid: u32 = h.counted().count() as u32;
    if paid == 0 {
        // Covered through a late spouse's 户籍: the living parent is paid where registered.
        let reasons = if h.living().next().is_some() {
            vec![Reason::fixed(
                later!("在世的一方不是开封市户籍，特别扶助金请向其户籍所在地的卫生健康部门申请。"),
                en!("Paid where the living parent is registered, which is not Kaifeng: apply to the health department there."),
            )]
        } else {
            h.not_counted()
        };
        return result(id, Status::NotEligible, reasons);
    }
    let monthly = died.then(|| times(on(&SPECIAL_SUPPORT_DEATH_MONTHLY, h.as_of), i64::from(paid)));
    if died {
        let rate = Yuan(on(&SPECIAL_SUPPORT_DEATH_MONTHLY, h.as_of));
        let (zh, en) = if paid == 1 {
            ("1位", "1 living parent")
        } else {
            ("2位", "2 living parents")
        };
        reasons.push(Reason::owned(
            fill(
                later!("每人每月{}元，按{}在世且为开封户籍的父母计算。"),
                &[&rate, &zh],
            ),
            fill(
                en!("{} yuan per person per month, for {} with Kaifeng registration."),
                &[&rate, &en],
            ),
        ));
    } else {
        reasons.push(Reason::fixed(
            later!("残疾独生子女家庭的扶助标准按国家和省规定执行，本文件未写明金额，请向县（区）卫生健康委核实。"),
            en!("For a disabled only child the national and provincial rate applies (no amount here): confirm with the county health commission."),
        ));
    }
    // Death and disabled-child families alike: a parent registered elsewhere, or with
    // another child of their own, is told so and where to ask (RULINGS, Round 3).
    reasons.extend(h.not_counted());
    let mut r = match h.special_support {
        SupportState::Meets => {
            reasons.push(Reason::fixed(
                later!("女方已年满49周岁。"),
                en!("The mother is 49 or older."),
            ));
            result(id, Status::Eligible, reasons)
        }
        SupportState::MeetsByFatherAge => {
            reasons.push(Reason::fixed(
                later!("未填写女方信息，按男方已年满49周岁判断；请向县（区）卫生健康委核实。"),
                en!("No mother listed: the father's age (49 or older) was used; confirm with the county health commission."),
            ));
            result(id, Status::Check, reasons)
        }
        SupportState::MeetsByLateMother => {
            reasons.push(Reason::fixed(
                later!("按已故女方的年龄判断：她已满49周岁；请向县（区）卫生健康委核实。"),
                en!("Reckoned by the late mother's age (49 or older): confirm with the county health commission."),
            ));
            result(id, Status::Check, reasons)
        }
        SupportState::From(d) => {
            reasons.push(Reason::owned(
                fill(later!("女方将于{}年满49周岁，当年即可在户籍所在地村（居）委会申请。"), &[&ZhDate(d)]),
                fill(en!("The mother turns 49 on {}; apply that year at the village or residents' committee."), &[&d]),
            ));
            future(id, d, reasons)
        }
        SupportState::FromByFatherAge(d) => {
            reasons.push(Reason::owned(
                fill(later!("未填写女方信息，按男方将于{}年满49周岁判断；请向县（区）卫生健康委核实。"), &[&ZhDate(d)]),
                fill(en!("No mother listed: the father's 49th birthday ({}) was used; confirm with the county health commission."), &[&d]),
            ));
            future(id, d, reasons)
        }
        SupportState::FromByLateMother(d) => {
            reasons.push(Reason::owned(
                fill(later!("按已故女方的年龄判断：她将于{}满49周岁；请向县（区）卫生健康委核实。"), &[&ZhDate(d)]),
                fill(en!("Reckoned by the late mother's age (49 on {}): confirm with the county health commission."), &[&d]),
            ));
            future(id, d, reasons)
        }
    };
    r.monthly_total = monthly;
    r
}

/// Clause 2, 一次性救助.
///
/// > 对符合条件的，按照《开封市独生子女死亡家庭救助办法》（汴政办〔2014〕50号）规定，以家庭为单位，夫妻双方为我市户籍的，一次性救助1万元，夫妻一方为我市户籍的，一次性救助0.5万元。
///
/// Counts every listed spouse with Kaifeng 户籍, a late spouse included: the relief is per
/// family, for the couple.
pub(crate) fn death_relief(h: &Household) -> BenefitResult {
    let id = BenefitId::DeathRelief;
    if !h.child_died {
        return result(id, Status::NotEligible, vec![ONLY_IF_CHILD_DIED]);
    }
    let with_hukou = h.facts.parents.iter().filter(|p| p.kaifeng_hukou).count();
    let both = with_hukou == 2;
    let amount = if both {
        on(&DEATH_RELIEF_BOTH_HUKOU, h.as_of)
    } else {
        on(&DEATH_RELIEF_ONE_HUKOU, h.as_of)
    };
    let shown = Yuan(amount);
    let late_holder = h.facts.parents.iter().any(|p| !p.alive && p.kaifeng_hukou);
    let mut reasons = Vec::with_capacity(4);
    reasons.push(match (both, late_holder) {
        (true, false) => Reason::owned(
            fill(
                later!("夫妻双方都是开封市户籍，以家庭为单位一次性救助{}元。"),
                &[&shown],
            ),
            fill(
                en!("Both spouses hold Kaifeng registration: a one-off {} yuan for the family."),
                &[&shown],
            ),
        ),
        (true, true) => Reason::owned(
            fill(
                later!("夫妻双方（包括已去世的一方）都是开封市户籍，以家庭为单位一次性救助{}元。"),
                &[&shown],
            ),
            fill(
                en!("Both spouses (one late) held Kaifeng registration: a one-off {} yuan."),
                &[&shown],
            ),
        ),
        (false, false) => Reason::owned(
            fill(
                later!("夫妻一方是开封市户籍，以家庭为单位一次性救助{}元。"),
                &[&shown],
            ),
            fill(
                en!("One spouse holds Kaifeng registration: a one-off {} yuan for the family."),
                &[&shown],
            ),
        ),
        (false, true) => Reason::owned(
            fill(
                later!("夫妻一方（已去世的一方）是开封市户籍，以家庭为单位一次性救助{}元。"),
                &[&shown],
            ),
            fill(
                en!("The late spouse held Kaifeng registration: a one-off {} yuan."),
                &[&shown],
            ),
        ),
    });
    reasons.push(Reason::fixed(
        later!("救助条件按汴政办〔2014〕50号执行，本文件未写明，请向村（居）委会或县（区）卫生健康委核实。"),
        en!("Its conditions are in 汴政办〔2014〕50号, not in this text: confirm with the village committee or the county health commission."),
    ));
    if h.facts.parents.len() == 1 {
        reasons.push(Reason::fixed(
            later!("只填写了一位父母；如另一方（包括已去世的）也是开封市户籍，请一并填写，救助金额会不同。"),
            en!("Only one parent was listed; if the other (even if late) held Kaifeng registration, the amount differs."),
        ));
    }
    // RULINGS, Round 3: "离异家庭请向县（区）卫生健康委核实由谁申领"; a remarried parent is apart
    // from the other listed parent as a divorced one is (decision 42).
    if h.facts.parents.iter().any(Parent::apart) {
        reasons.push(Reason::fixed(
            later!("离异家庭请向县（区）卫生健康委核实由谁申领。"),
            en!("A divorced couple: confirm with the county health commission who claims it."),
        ));
    }
    reasons.push(Reason::fixed(
        later!("一次性救助每个家庭只发一次，此前已领取的不再重复发放。"),
        en!("Paid once per family."),
    ));
    let mut r = result(id, Status::Check, reasons);
    r.one_off_total = Some(amount);
    r
}

/// Clause 2, 独生子女父母奖励优待 continued.
///
/// > 对独生子女死亡的夫妻，未再生育或收养子女的，按照《河南省人口与计划生育条例》等规定，继续给予其独生子女父母（家庭）有关奖励优待。
pub(crate) fn parent_rewards(h: &Household) -> BenefitResult {
    let id = BenefitId::ParentRewards;
    if !h.child_died {
        return result(id, Status::NotEligible, vec![ONLY_IF_CHILD_DIED]);
    }
    // RULINGS, Round 3: a person's own 户籍 for what a person receives.
    let notes = h.not_counted();
    if h.counted().next().is_none() {
        return result(id, Status::NotEligible, notes);
    }
    let mut reasons = Vec::with_capacity(1 + notes.len());
    reasons.push(Reason::fixed(
        later!("独生子女离世、未再生育或收养子女的，原有的独生子女父母奖励优待继续享受，标准按《河南省人口与计划生育条例》执行。"),
        en!("The only-child parents' rewards continue, at the rates of Henan's family planning regulations."),
    ));
    reasons.extend(notes);
    result(id, Status::Eligible, reasons)
}

pub(crate) const ONLY_IF_CHILD_DIED: Reason = Reason::fixed(
    later!("本项只适用于独生子女离世的家庭。"),
    en!("This applies only to families whose only child died."),
);
