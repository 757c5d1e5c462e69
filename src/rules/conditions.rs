//! What the engine checks for each item, one short line per condition, as data: `fuzhu explain`
//! prints it under the clause. It restates the deciding functions in `decide/` (and
//! `RULINGS.md`), for people; it decides nothing.

use super::benefits::BenefitId;

/// One condition the engine checks, in Chinese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    pub zh: &'static str,
    pub en: &'static str,
}

/// A condition as a constant expression, so each list is a `'static` slice.
macro_rules! c {
    ($zh:expr, $en:expr $(,)?) => {
        Condition { zh: $zh, en: $en }
    };
}

/// Checked for every item before its own conditions.
pub const EVERY_ITEM: [Condition; 3] = [
    c!(
        "计划生育特殊家庭：独生子女死亡，或持有一至三级残疾人证，且夫妻未再生育或收养子女",
        "a special family: the only child died or holds a grade 1–3 残疾人证, and the couple has had or adopted no other child",
    ),
    c!(
        "本政策覆盖：填写的父母中至少一位（在世或已故）是或曾是开封市户籍",
        "covered: at least one listed parent, living or late, holds or held Kaifeng 户籍",
    ),
    c!(
        "父母都已故也可以查询：只有为孩子和为家庭的事项（以及墓穴）仍可适用",
        "both parents late is valid input: only the items for the child and the household (and the grave plot) still apply",
    ),
];

/// The conditions of one item, as the engine decides it.
pub fn conditions(id: BenefitId) -> &'static [Condition] {
    use BenefitId::*;
    match id {
        SpecialSupport => &[
            c!(
                "女方年满49周岁（49周岁生日当天起算）；未满49周岁的，从她49周岁生日起可以享受（future）",
                "the mother is 49 or over (from her 49th birthday itself); before that `future`, from her 49th birthday",
            ),
            c!(
                "丧偶的父亲按已故妻子的年龄计算时，须向县（区）卫生健康委核实（check）",
                "a widower reckoned by his late wife's age: to confirm with the 县（区）卫生健康委 (`check`)",
            ),
            c!(
                "没有填写母亲的，按父亲的年龄计算，须核实（check）",
                "no mother listed: the father's age is used, to confirm (`check`)",
            ),
            c!(
                "独生子女死亡的：每位在世且为开封户籍的父母每人每月1430元",
                "the child died: 1430 yuan a month for each living parent with Kaifeng 户籍",
            ),
            c!(
                "独生子女三级以上残疾的：按国家和省的标准，本文件没有给出金额",
                "a disabled only child: the national and provincial standard; this text gives no amount",
            ),
            c!(
                "在世的父母不是开封户籍的，请向其户籍地询问；没有在世且为开封户籍的父母时，不能享受",
                "a living parent without Kaifeng 户籍 is told to ask where they are registered; with no living parent with Kaifeng 户籍, not eligible",
            ),
        ],
        DeathRelief => &[
            c!("独生子女死亡", "the only child died"),
            c!(
                "须核实（check）：具体条件见汴政办〔2014〕50号，本文件没有列出",
                "`check`: the conditions are those of 汴政办〔2014〕50号, not given in this text",
            ),
            c!(
                "填写的夫妻双方（含已故的一方）都是开封户籍的，一次性10000元；一方是的，5000元",
                "10,000 yuan once if both listed spouses (a late one counts) hold Kaifeng 户籍, 5,000 if one does",
            ),
            c!("须有在世的父母", "needs a living parent"),
        ],
        ParentRewards => &[
            c!("独生子女死亡", "the only child died"),
            c!("须有在世的父母", "needs a living parent"),
        ],
        PensionSubsidy => &[
            c!(
                "在世、未满60周岁、开封户籍、参加城乡居民养老保险的父母：可以享受",
                "a living parent under 60 with Kaifeng 户籍 in the resident pension scheme (城乡居民养老保险): eligible",
            ),
            c!(
                "未参加或未填写的：须核实（check），建议参保",
                "not enrolled or not answered: `check`, with the advice to enrol",
            ),
            c!(
                "参加职工养老保险的：不适用",
                "in the employee scheme: not eligible",
            ),
            c!(
                "年满60周岁（60周岁生日当天起算）的父母不计入：补贴是缴费期的补贴；地方是否另有补助，请问县（区）人社局",
                "parents aged 60 or over (from the 60th birthday itself) do not count: the subsidy is for contribution years; ask the 县（区）人社局 about any local top-up",
            ),
        ],
        CareHomePriority => &[
            c!(
                "在世的父母年满60周岁（未满的，从60周岁生日起，future）",
                "a living parent aged 60 or over (before that `future`, from the 60th birthday)",
            ),
            c!(
                "入住公办养老机构免床位费；入住公建民营养老机构按成本价收费",
                "in a public home: no bed fee; in a publicly built, privately run home: cost price",
            ),
            c!(
                "住养老机构但不清楚是哪种的，须核实（check）：请向县（区）民政局核实机构类型",
                "in a care home of unknown kind: `check`, the county civil affairs bureau confirms the home's kind",
            ),
        ],
        HomeCareServices => &[
            c!(
                "在世、开封户籍、年满60周岁的父母",
                "a living parent with Kaifeng 户籍 aged 60 or over",
            ),
            c!(
                "居家养老（未填写的按居家计算，并说明）",
                "living at home (when not answered, read as at home, and the reason says so)",
            ),
        ],
        HomeCareAllowance => &[
            c!("独生子女死亡", "the only child died"),
            c!(
                "在世的父母年满60周岁、居家养老、生活仍能自理（不含失能人员）",
                "a living parent aged 60 or over, at home, still able to look after themselves (不含失能人员)",
            ),
            c!(
                "须核实（check）：由县（区）决定提供服务还是发放补贴及金额",
                "`check`: the county decides between services and an allowance, and the amount",
            ),
        ],
        DisabledCareSupport => &[
            c!("独生子女死亡", "the only child died"),
            c!(
                "符合特别扶助条件（女方年满49周岁）",
                "the special-support conditions are met (the mother is 49)",
            ),
            c!(
                "在世的父母失去生活自理能力",
                "a living parent has lost the ability to look after themselves",
            ),
        ],
        MedicalInsuranceSubsidy => &[
            c!(
                "在世、开封户籍、参加城乡居民基本医疗保险的父母：可以享受",
                "a living parent with Kaifeng 户籍 in the resident medical scheme (城乡居民基本医疗保险): eligible",
            ),
            c!(
                "未参加或未填写的：须核实（check）",
                "not enrolled or not answered: `check`",
            ),
            c!("参加职工医保的：不适用", "in the employee scheme: not eligible"),
        ],
        MedicalAid => &[c!(
            "家庭生活困难：须核实（check），由医保部门认定",
            "the family is in hardship: `check`, the 医保 bureau decides",
        )],
        MedicalPriority => &[
            c!(
                "每个本政策覆盖、有在世父母的特殊家庭：就医绿色通道、建立健康档案",
                "every covered special family with a living parent: the green channel and a health record",
            ),
            c!(
                "父母行动不便的：上门服务",
                "home visits for a parent whose mobility is limited",
            ),
            c!(
                "免门诊挂号费、免120急救车费用、优先安排住院床位，须凭特别扶助证（见特别扶助金）",
                "free registration, free 120 ambulance and priority beds need the 特别扶助证 (from special support)",
            ),
        ],
        NursingInsurance => &[
            c!("独生子女死亡", "the only child died"),
            c!(
                "在世且为开封户籍的父母由政府投保",
                "living parents with Kaifeng 户籍 are insured by the government",
            ),
            c!(
                "每位父母每年按住院天数×300元，最多90天",
                "300 yuan × days in hospital, at most 90 days, per parent per year",
            ),
            c!(
                "住院天数是今年1月1日到查询日期的天数，超过已过天数的不接受；已故父母的天数不计",
                "days are this calendar year's up to the check date (more than the day of the year is refused); a late parent's days are not counted",
            ),
        ],
        RebirthSupport => &[
            c!(
                "有再生育意愿，或确需试管婴儿",
                "the family wishes for another child, or needs IVF",
            ),
            c!(
                "农村居民：免费复通手术和住院分娩补助",
                "rural residents: free reversal surgery and a delivery subsidy",
            ),
            c!("确需试管婴儿的：给予补助", "an IVF subsidy where it is needed"),
        ],
        AssignedHelpers => &[c!(
            "每个本政策覆盖的特殊家庭（父母都已故、残疾子女在世的也包括）",
            "every covered special family (also when both parents are late and the disabled child lives)",
        )],
        Guardianship => &[
            c!(
                "在世的父母失去民事行为能力",
                "a living parent has lost civil capacity",
            ),
            c!(
                "或：残疾的独生子女年满18周岁、失去民事行为能力（child.civil_capacity为false）",
                "or a disabled only child aged 18 or over without civil capacity (`child.civil_capacity: false`)",
            ),
        ],
        FestivalVisits => &[c!(
            "每个本政策覆盖的特殊家庭（父母都已故、残疾子女在世的也包括）",
            "every covered special family (also when both parents are late and the disabled child lives)",
        )],
        VolunteerSupport => &[c!(
            "每个本政策覆盖的特殊家庭（父母都已故、残疾子女在世的也包括）",
            "every covered special family (also when both parents are late and the disabled child lives)",
        )],
        PublicRentalPriority => &[c!(
            "住在城镇、生活困难且住房困难",
            "living in a town (urban), in hardship and short of housing",
        )],
        RuralHouseRenovation => &[c!(
            "住在农村、住房是危房",
            "living in the countryside (rural) in a dilapidated house",
        )],
        AdoptionPriority => &[c!(
            "有收养意愿：须核实（check）收养条件",
            "the family wishes to adopt: `check` the conditions for adoption",
        )],
        LegalAid => &[c!(
            "遭遇侵害或民事纠纷、需要诉讼：须核实（check）；公共法律服务热线12348",
            "in a dispute or a lawsuit: `check`; the public legal service hotline is 12348",
        )],
        EmploymentSupport => &[c!(
            "建档立卡脱贫户",
            "a registered formerly poor household (建档立卡脱贫户)",
        )],
        StudentAidPriority => &[c!(
            "残疾的独生子女在读普通高中、中等职业学校或普通高校全日制本专科：须核实（check），请问学校的资助部门",
            "a disabled only child at 普通高中, 中职 or 本专科: `check`, with the school's student aid office",
        )],
        RehabilitationAid => &[
            c!(
                "残疾的独生子女：须核实（check）",
                "a disabled only child: `check`",
            ),
            c!(
                "0–6岁（到7周岁生日的前一天）、有视力、听力、智力、言语、孤独症或肢体残疾的：优先安排儿童康复",
                "aged 0–6 (until the day before the 7th birthday) with a vision, hearing, intellectual, speech, autism or physical disability: priority child rehabilitation",
            ),
        ],
        FreeGravePlot => &[
            c!(
                "每个本政策覆盖的特殊家庭的父母",
                "the parents of every covered special family",
            ),
            c!(
                "父母去世后，由其委托的人向其户籍所在县（区）民政局申请；已故的父母现在就可以申请",
                "after a parent's death the person they entrusted applies at the 县（区）民政局 where they were registered; claimable now for a late parent",
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
