//! What the engine checks for each item, one short line per condition, as data: `fuzhu explain`
//! prints it under the clause. It restates the deciding functions in `decide/` (and
//! `RULINGS.md`), for people; it decides nothing. Each condition names the facts it reads, so
//! a test (tests/catalogue.rs, RULINGS Round 3) can hold the two to each other: every fact
//! that changes an item's decision is read by one of the item's printed conditions, and every
//! fact a printed condition reads changes what the engine says about the item somewhere.

use std::sync::OnceLock;

use super::benefits::{BenefitId, BENEFITS};
use super::params;

/// A fact of the household JSON a condition reads (docs/facts-and-results.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fact {
    /// `child.status`.
    ChildStatus,
    /// `child.disability_grade`.
    DisabilityGrade,
    /// `child.disability_types`.
    DisabilityTypes,
    /// `child.birth_date`.
    ChildBirth,
    /// `child.civil_capacity`.
    ChildCapacity,
    /// `child.schooling`.
    Schooling,
    /// `has_other_child`, or a parent's own `other_child`.
    OtherChild,
    /// `parents[i].alive`.
    Alive,
    /// `parents[i].kaifeng_hukou`.
    Hukou,
    /// `parents[i].birth_date`: the ages of 49 and 60.
    ParentBirth,
    /// `parents[i].self_care`.
    SelfCare,
    /// `parents[i].civil_capacity`.
    CivilCapacity,
    /// `parents[i].mobility_limited`.
    Mobility,
    /// `parents[i].pension`.
    Pension,
    /// `parents[i].medical`.
    Medical,
    /// `parents[i].care_setting`.
    CareSetting,
    /// `parents[i].hospital_days`.
    HospitalDays,
    /// `parents[i].marital`.
    Marital,
    /// `parents[i].area`.
    ParentArea,
    /// `residence`.
    Residence,
    /// `circumstances.low_income`.
    LowIncome,
    /// `circumstances.housing_difficulty`.
    HousingDifficulty,
    /// `circumstances.dilapidated_house`.
    Dilapidated,
    /// `circumstances.poverty_registered`.
    Poverty,
    /// `circumstances.wants_another_child`.
    WantsChild,
    /// `circumstances.needs_ivf`.
    NeedsIvf,
    /// `circumstances.wants_to_adopt`.
    WantsAdopt,
    /// `circumstances.legal_dispute`.
    LegalDispute,
}

/// One condition the engine checks, in Chinese and English, with the facts it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    pub zh: &'static str,
    pub en: &'static str,
    pub reads: &'static [Fact],
}

/// A condition as a constant expression, so each list is a `'static` slice.
macro_rules! c {
    ($zh:expr, $en:expr, [$($f:ident),* $(,)?] $(,)?) => {
        Condition { zh: $zh, en: $en, reads: &[$(Fact::$f),*] }
    };
}

/// Said of every item a person receives (RULINGS, Round 3: each parent's own county).
const OWN_COUNTY: Condition = c!(
    "父母本人户籍在另一县（区）的，本人的这一项由其户籍所在县（区）办理，理由中写明；都在另一县（区）的，先去该县（区）的部门，两人在不同县（区）的，两处都写明",
    "a parent registered in another Kaifeng county is sent to that county's office for their own part, and the reason says so; the first stop is that county's office when every parent counted is registered there, and both offices are named when the two differ",
    [ParentArea],
);
/// Said of every item a person receives (RULINGS, Round 3: another child is per parent).
const NO_OTHER_CHILD: Condition = c!(
    "本人另外生育或收养了子女的父母不计入",
    "a parent who had or adopted another child of their own is not counted",
    [OtherChild],
);

/// Checked for every item before its own conditions.
pub const EVERY_ITEM: [Condition; 3] = [
    c!(
        "计划生育特殊家庭：独生子女死亡，或持有一至三级残疾人证，且至少一位父母未再生育或收养子女",
        "a special family: the only child died or holds a grade 1–3 残疾人证, and at least one listed parent has had or adopted no other child",
        [ChildStatus, DisabilityGrade, OtherChild],
    ),
    c!(
        "本政策覆盖：填写的父母中至少一位（在世或已故）是或曾是开封市户籍",
        "covered: at least one listed parent, living or late, holds or held Kaifeng 户籍",
        [Hukou],
    ),
    c!(
        "父母都已故也可以查询：只有为孩子和为家庭的事项（以及墓穴）仍可适用",
        "both parents late is valid input: only the items for the child and the household (and the grave plot) still apply",
        [Alive],
    ),
];

/// The conditions of one item, as the engine decides it, each amount in it the parameter's
/// own (`params::fill`: the value policy/parameters.toml holds last). Filled once per run and
/// kept for the run (the command line's `explain` and the tests read them; the web app never
/// does).
pub fn conditions(id: BenefitId) -> &'static [Condition] {
    static FILLED: OnceLock<Vec<&'static [Condition]>> = OnceLock::new();
    FILLED.get_or_init(|| BENEFITS.iter().map(|b| filled(templates(b.id))).collect())[id as usize]
}

fn filled(list: &'static [Condition]) -> &'static [Condition] {
    if !list
        .iter()
        .any(|c| c.zh.contains('{') || c.en.contains('{'))
    {
        return list;
    }
    let leak = |t: &str| -> &'static str { Box::leak(params::fill(t).into_boxed_str()) };
    let list: Vec<Condition> = list
        .iter()
        .map(|c| Condition {
            zh: leak(c.zh),
            en: leak(c.en),
            reads: c.reads,
        })
        .collect();
    Box::leak(list.into_boxed_slice())
}

/// The conditions of one item as written, a parameter's value as `{its.name}` (`{its.name,}`
/// with thousands in commas): what [`conditions`] fills in.
pub fn templates(id: BenefitId) -> &'static [Condition] {
    use BenefitId::*;
    match id {
        SpecialSupport => &[
            c!(
                "女方年满{special_support.mother_age}周岁（{special_support.mother_age}周岁生日当天起算）；未满{special_support.mother_age}周岁的，从她{special_support.mother_age}周岁生日起可以享受（future）",
                "the mother is {special_support.mother_age} or over (from her {special_support.mother_age}th birthday itself); before that `future`, from her {special_support.mother_age}th birthday",
                [ParentBirth],
            ),
            c!(
                "丧偶的父亲按已故妻子的年龄计算时，须向县（区）卫生健康委核实（check）",
                "a widower reckoned by his late wife's age: to confirm with the 县（区）卫生健康委 (`check`)",
                [Alive, ParentBirth],
            ),
            c!(
                "没有填写母亲的，按父亲的年龄计算，须核实（check）",
                "no mother listed: the father's age is used, to confirm (`check`)",
                [ParentBirth],
            ),
            c!(
                "独生子女死亡的：每位在世且为开封户籍的父母每人每月{special_support.death.monthly_per_person}元",
                "the child died: {special_support.death.monthly_per_person} yuan a month for each living parent with Kaifeng 户籍",
                [ChildStatus, Alive, Hukou],
            ),
            c!(
                "独生子女三级以上残疾的：按国家和省的标准，本文件没有给出金额",
                "a disabled only child: the national and provincial standard; this text gives no amount",
                [ChildStatus],
            ),
            c!(
                "在世的父母不是开封户籍的，请向其户籍地询问；没有在世且为开封户籍的父母时，不能享受",
                "a living parent without Kaifeng 户籍 is told to ask where they are registered; with no living parent with Kaifeng 户籍, not eligible",
                [Hukou, Alive],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        DeathRelief => &[
            c!("独生子女死亡", "the only child died", [ChildStatus]),
            c!(
                "须核实（check）：具体条件见汴政办〔2014〕50号，本文件没有列出",
                "`check`: the conditions are those of 汴政办〔2014〕50号, not given in this text",
                [],
            ),
            c!(
                "填写的夫妻双方（含已故的一方）都是开封户籍的，一次性{death_relief.both_spouses_kaifeng}元；一方是的，{death_relief.one_spouse_kaifeng}元",
                "{death_relief.both_spouses_kaifeng,} yuan once if both listed spouses (a late one counts) hold Kaifeng 户籍, {death_relief.one_spouse_kaifeng,} if one does",
                [Hukou, Alive],
            ),
            c!(
                "离异家庭：请向县（区）卫生健康委核实由谁申领",
                "a divorced couple: confirm with the 县（区）卫生健康委 who claims it",
                [Marital],
            ),
            c!("须有在世的父母", "needs a living parent", [Alive]),
        ],
        ParentRewards => &[
            c!("独生子女死亡", "the only child died", [ChildStatus]),
            c!(
                "在世且本人为开封户籍的父母；非开封户籍的一方请向其户籍地询问",
                "a living parent with their own Kaifeng 户籍; a parent registered elsewhere is sent there",
                [Alive, Hukou],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        PensionSubsidy => &[
            c!(
                "在世、未满{elder_care.age}周岁、开封户籍、参加城乡居民养老保险的父母：可以享受",
                "a living parent under {elder_care.age} with Kaifeng 户籍 in the resident pension scheme (城乡居民养老保险): eligible",
                [Alive, Hukou, Pension],
            ),
            c!(
                "未参加或未填写的：须核实（check），建议参保",
                "not enrolled or not answered: `check`, with the advice to enrol",
                [Pension],
            ),
            c!(
                "参加职工养老保险的：不适用",
                "in the employee scheme: not eligible",
                [Pension],
            ),
            c!(
                "年满{elder_care.age}周岁（{elder_care.age}周岁生日当天起算）的父母不计入：补贴是缴费期的补贴；地方是否另有补助，请问县（区）人社局",
                "parents aged {elder_care.age} or over (from the {elder_care.age}th birthday itself) do not count: the subsidy is for contribution years; ask the 县（区）人社局 about any local top-up",
                [ParentBirth],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        CareHomePriority => &[
            c!(
                "在世的父母年满{elder_care.age}周岁（未满的，从最先满{elder_care.age}周岁的一方的生日起，future，并写明是谁）",
                "a living parent aged {elder_care.age} or over (before that `future`, from the first {elder_care.age}th birthday, naming whose)",
                [Alive, ParentBirth],
            ),
            c!(
                "入住公办养老机构免床位费；入住公建民营养老机构按成本价收费；均从本人年满{elder_care.age}周岁起",
                "in a public home: no bed fee; in a publicly built, privately run home: cost price; each from the person's own {elder_care.age}th birthday",
                [CareSetting],
            ),
            c!(
                "入住民办养老机构的：只有优先照料，免床位费和成本价的规定不适用",
                "in a private (民办) home: the priority only; the fee rules do not apply",
                [CareSetting],
            ),
            c!(
                "住养老机构但不清楚是哪种的，须核实（check）：请向县（区）民政局核实机构类型",
                "in a care home of unknown kind: `check`, the county civil affairs bureau confirms the home's kind",
                [CareSetting],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        HomeCareServices => &[
            c!(
                "在世、本人为开封户籍、年满{elder_care.age}周岁的父母（未满的，从最先满{elder_care.age}周岁的一方的生日起，future）",
                "a living parent with their own Kaifeng 户籍 aged {elder_care.age} or over (before that `future`, from the first such {elder_care.age}th birthday)",
                [Alive, Hukou, ParentBirth],
            ),
            c!(
                "居家养老（未填写的按居家计算，并说明）",
                "living at home (when not answered, read as at home, and the reason says so)",
                [CareSetting],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        HomeCareAllowance => &[
            c!("独生子女死亡", "the only child died", [ChildStatus]),
            c!(
                "在世、本人为开封户籍、年满{elder_care.age}周岁、居家养老的父母（未满的，从其{elder_care.age}周岁生日起，future）",
                "a living parent with their own Kaifeng 户籍, aged {elder_care.age} or over, at home (before that `future`, from the {elder_care.age}th birthday)",
                [Alive, Hukou, ParentBirth, CareSetting],
            ),
            c!(
                "生活仍能自理（不含失能人员；未填写的按能自理，并说明）",
                "still able to look after themselves (不含失能人员; when not answered, read as able, and the reason says so)",
                [SelfCare],
            ),
            c!(
                "须核实（check）：由县（区）决定提供服务还是发放补贴及金额",
                "`check`: the county decides between services and an allowance, and the amount",
                [],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        DisabledCareSupport => &[
            c!("独生子女死亡", "the only child died", [ChildStatus]),
            c!(
                "符合特别扶助条件（女方年满{special_support.mother_age}周岁）",
                "the special-support conditions are met (the mother is {special_support.mother_age})",
                [ParentBirth],
            ),
            c!(
                "在世的父母失去生活自理能力",
                "a living parent has lost the ability to look after themselves",
                [Alive, SelfCare],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        MedicalInsuranceSubsidy => &[
            c!(
                "在世、开封户籍、参加城乡居民基本医疗保险的父母：可以享受",
                "a living parent with Kaifeng 户籍 in the resident medical scheme (城乡居民基本医疗保险): eligible",
                [Alive, Hukou, Medical],
            ),
            c!(
                "未参加或未填写的：须核实（check）",
                "not enrolled or not answered: `check`",
                [Medical],
            ),
            c!(
                "参加职工医保的：不适用",
                "in the employee scheme: not eligible",
                [Medical],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        MedicalAid => &[c!(
            "家庭生活困难：须核实（check），由医保部门认定",
            "the family is in hardship: `check`, the 医保 bureau decides",
            [LowIncome],
        )],
        MedicalPriority => &[
            c!(
                "每个本政策覆盖、有在世父母的特殊家庭：就医绿色通道、建立健康档案",
                "every covered special family with a living parent: the green channel and a health record",
                [],
            ),
            c!(
                "父母行动不便的：上门服务",
                "home visits for a parent whose mobility is limited",
                [Mobility],
            ),
            c!(
                "免门诊挂号费、免120急救车费用、优先安排住院床位，须凭特别扶助证（见特别扶助金）",
                "free registration, free 120 ambulance and priority beds need the 特别扶助证 (from special support)",
                [ParentBirth, Hukou],
            ),
        ],
        NursingInsurance => &[
            c!("独生子女死亡", "the only child died", [ChildStatus]),
            c!(
                "在世且本人为开封户籍的父母由政府投保；非开封户籍的一方请向其户籍地询问",
                "living parents with their own Kaifeng 户籍 are insured by the government; a parent registered elsewhere is sent there",
                [Alive, Hukou],
            ),
            c!(
                "每位父母每年按住院天数×{nursing_insurance.daily}元，最多{nursing_insurance.max_days_per_year}天",
                "{nursing_insurance.daily} yuan × days in hospital, at most {nursing_insurance.max_days_per_year} days, per parent per year",
                [HospitalDays],
            ),
            c!(
                "住院天数是今年1月1日到查询日期的天数，超过已过天数的不接受；已故父母的天数不计",
                "days are this calendar year's up to the check date (more than the day of the year is refused); a late parent's days are not counted",
                [HospitalDays, Alive],
            ),
            NO_OTHER_CHILD,
            OWN_COUNTY,
        ],
        RebirthSupport => &[
            c!(
                "有再生育意愿，或确需试管婴儿",
                "the family wishes for another child, or needs IVF",
                [WantsChild, NeedsIvf],
            ),
            c!(
                "本项面向夫妻：只有一位在世的父母，或父母离异、再婚的，须核实（check），请向县（区）卫生健康委咨询",
                "for couples: one living parent listed, or a parent divorced or remarried, is `check`, to ask the 县（区）卫生健康委",
                [Alive, Marital],
            ),
            c!(
                "农村居民：免费复通手术和住院分娩补助",
                "rural residents: free reversal surgery and a delivery subsidy",
                [Residence],
            ),
            c!(
                "确需试管婴儿的：给予补助",
                "an IVF subsidy where it is needed",
                [NeedsIvf],
            ),
        ],
        AssignedHelpers => &[c!(
            "每个本政策覆盖的特殊家庭（父母都已故、残疾子女在世的也包括）",
            "every covered special family (also when both parents are late and the disabled child lives)",
            [],
        )],
        Guardianship => &[
            c!(
                "在世的父母失去民事行为能力",
                "a living parent has lost civil capacity",
                [Alive, CivilCapacity, OtherChild],
            ),
            c!(
                "或：残疾的独生子女年满{civil.adult_age}周岁、失去民事行为能力（child.civil_capacity为false）；出生日期未填写的，须核实（check）",
                "or a disabled only child aged {civil.adult_age} or over without civil capacity (`child.civil_capacity: false`); with no birth date, `check`",
                [ChildStatus, ChildCapacity, ChildBirth],
            ),
            c!(
                "未满{civil.adult_age}周岁、将没有民事行为能力的孩子：从{civil.adult_age}周岁生日起（future）",
                "a child under {civil.adult_age} who will lack civil capacity: `future`, from the {civil.adult_age}th birthday",
                [ChildBirth, ChildCapacity],
            ),
        ],
        FestivalVisits => &[c!(
            "每个本政策覆盖的特殊家庭（父母都已故、残疾子女在世的也包括）",
            "every covered special family (also when both parents are late and the disabled child lives)",
            [],
        )],
        VolunteerSupport => &[c!(
            "每个本政策覆盖的特殊家庭（父母都已故、残疾子女在世的也包括）",
            "every covered special family (also when both parents are late and the disabled child lives)",
            [],
        )],
        PublicRentalPriority => &[c!(
            "住在城镇、生活困难且住房困难",
            "living in a town (urban), in hardship and short of housing",
            [Residence, LowIncome, HousingDifficulty],
        )],
        RuralHouseRenovation => &[c!(
            "住在农村、住房是危房",
            "living in the countryside (rural) in a dilapidated house",
            [Residence, Dilapidated],
        )],
        AdoptionPriority => &[
            c!(
                "有收养意愿：须核实（check）收养条件",
                "the family wishes to adopt: `check` the conditions for adoption",
                [WantsAdopt],
            ),
            c!(
                "在世的父母都已年满{elder_care.age}周岁的，不问收养意愿（理由只说本项适用于有收养意愿的家庭）",
                "when every living parent is {elder_care.age} or over, adoption is not asked about (the reason only says whom it is for)",
                [Alive, ParentBirth],
            ),
        ],
        LegalAid => &[c!(
            "遭遇侵害或民事纠纷、需要诉讼：须核实（check）；公共法律服务热线12348",
            "in a dispute or a lawsuit: `check`; the public legal service hotline is 12348",
            [LegalDispute],
        )],
        EmploymentSupport => &[c!(
            "建档立卡脱贫户；先到户籍所在地乡镇（街道）",
            "a registered formerly poor household (建档立卡脱贫户); first at the township or street office",
            [Poverty],
        )],
        StudentAidPriority => &[c!(
            "残疾的独生子女在读普通高中、中等职业学校或普通高校全日制本专科：须核实（check），请问学校的资助部门",
            "a disabled only child at 普通高中, 中职 or 本专科: `check`, with the school's student aid office",
            [ChildStatus, Schooling],
        )],
        RehabilitationAid => &[
            c!(
                "残疾的独生子女：须核实（check）",
                "a disabled only child: `check`",
                [ChildStatus],
            ),
            c!(
                "0–{rehabilitation.child_max_age}岁（到{rehabilitation.child_max_age+1}周岁生日的前一天）、有视力、听力、智力、言语、孤独症、肢体或多重残疾的：优先安排儿童康复",
                "aged 0–{rehabilitation.child_max_age} (until the day before the {rehabilitation.child_max_age+1}th birthday) with a vision, hearing, intellectual, speech, autism, physical or multiple disability: priority child rehabilitation",
                [ChildBirth, DisabilityTypes],
            ),
            c!(
                "0–{rehabilitation.child_max_age}岁、精神残疾的：请向县（区）残联确认是否孤独症（残疾人证把孤独症记为精神残疾）",
                "aged 0–{rehabilitation.child_max_age} with a mental disability: confirm with the 县（区）残联 whether it is autism (the 残疾人证 records autism as mental)",
                [ChildBirth, DisabilityTypes],
            ),
        ],
        FreeGravePlot => &[
            c!(
                "每个本政策覆盖的特殊家庭的父母",
                "the parents of every covered special family",
                [],
            ),
            c!(
                "父母去世后，由其委托的人向其户籍所在县（区）民政局申请；已故的父母现在就可以申请",
                "after a parent's death the person they entrusted applies at the 县（区）民政局 where they were registered; claimable now for a late parent",
                [Alive],
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::BENEFITS;

    #[test]
    fn every_item_has_short_conditions_in_both_languages() {
        for b in BENEFITS.iter() {
            let list = conditions(b.id);
            assert!(!list.is_empty(), "{}", b.id.as_str());
            for c in list.iter().chain(EVERY_ITEM.iter()) {
                assert!(!c.zh.is_empty() && !c.en.is_empty());
                assert!(c.zh.chars().count() <= 80, "{}", c.zh);
                assert!(!c.zh.contains('\n') && !c.en.contains('\n'));
            }
        }
    }
}
