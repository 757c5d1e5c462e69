//! The catalogue: every item a family can claim, as data. One row per item, naming its clause,
//! the exact sentence it rests on, the agencies responsible, where to go first and what to
//! bring. The deciding functions live in `decide/`; this table is what the app, the command
//! line's `explain` and the printed sheet read. `tests/catalogue.rs` holds it to the policy.

use serde::Serialize;

use super::agencies::AgencyId::{self, *};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BenefitId {
    SpecialSupport,
    DeathRelief,
    ParentRewards,
    PensionSubsidy,
    CareHomePriority,
    HomeCareServices,
    HomeCareAllowance,
    DisabledCareSupport,
    MedicalInsuranceSubsidy,
    MedicalAid,
    MedicalPriority,
    NursingInsurance,
    RebirthSupport,
    AssignedHelpers,
    Guardianship,
    FestivalVisits,
    VolunteerSupport,
    PublicRentalPriority,
    RuralHouseRenovation,
    AdoptionPriority,
    LegalAid,
    EmploymentSupport,
    StudentAidPriority,
    RehabilitationAid,
    FreeGravePlot,
}

/// How results are grouped on screen, so a family reads them at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Cash,
    Insurance,
    Medical,
    ElderCare,
    Housing,
    Family,
    Care,
    Legal,
    StudyWorkRehab,
    AfterDeath,
}

impl Group {
    pub const ALL: [Group; 10] = [
        Group::Cash,
        Group::Insurance,
        Group::Medical,
        Group::ElderCare,
        Group::Housing,
        Group::Family,
        Group::Care,
        Group::Legal,
        Group::StudyWorkRehab,
        Group::AfterDeath,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Group::Cash => later!("现金扶助"),
            Group::Insurance => later!("养老和医疗保险"),
            Group::Medical => later!("看病就医"),
            Group::ElderCare => later!("养老照料"),
            Group::Housing => later!("住房"),
            Group::Family => later!("再生育和收养"),
            Group::Care => later!("关怀陪伴"),
            Group::Legal => later!("法律援助"),
            Group::StudyWorkRehab => later!("上学、就业和康复"),
            Group::AfterDeath => later!("身后事"),
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Group::Cash => en!("Cash support"),
            Group::Insurance => en!("Pension and medical insurance"),
            Group::Medical => en!("Medical care"),
            Group::ElderCare => en!("Elder care"),
            Group::Housing => en!("Housing"),
            Group::Family => en!("Another child or adoption"),
            Group::Care => en!("Care and company"),
            Group::Legal => en!("Legal aid"),
            Group::StudyWorkRehab => en!("Study, work and rehabilitation"),
            Group::AfterDeath => en!("After death"),
        }
    }
}

/// A paper to bring, in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document {
    pub zh: &'static str,
    pub en: &'static str,
}

pub(crate) const ID_CARD: Document = Document {
    zh: later!("夫妻双方居民身份证"),
    en: en!("Both spouses' resident ID cards"),
};
const HUKOU: Document = Document {
    zh: later!("户口簿"),
    en: en!("Household registration booklet (户口簿)"),
};
pub(crate) const MARRIAGE: Document = Document {
    zh: later!("结婚证"),
    en: en!("Marriage certificate"),
};
const ONLY_CHILD: Document = Document {
    zh: later!("独生子女父母光荣证（或村（居）委会出具的独生子女证明）"),
    en: en!("Only-child parents' certificate, or a village or residents' committee letter confirming the only child"),
};
pub(crate) const CHILD_PROOF: Document = Document {
    zh: later!("子女死亡证明或残疾人证（一至三级）"),
    en: en!("The child's death certificate or disability certificate (grade 1 to 3)"),
};
pub(crate) const DEATH_PROOF: Document = Document {
    zh: later!("子女死亡证明"),
    en: en!("The child's death certificate"),
};
pub(crate) const DISABILITY_CARD: Document = Document {
    zh: later!("子女残疾人证"),
    en: en!("The child's disability certificate"),
};
const BANK_CARD: Document = Document {
    zh: later!("本人银行卡或存折（用于发放）"),
    en: en!("Your own bank card or passbook, for payment"),
};
pub(crate) const SUPPORT_CARD: Document = Document {
    zh: later!("计划生育家庭特别扶助制度扶助证"),
    en: en!("Special support certificate (计划生育家庭特别扶助制度扶助证)"),
};
const INSURANCE_PROOF: Document = Document {
    zh: later!("参保凭证或社会保障卡"),
    en: en!("Proof of insurance or social security card"),
};
const HOSPITAL_PAPERS: Document = Document {
    zh: later!("住院证明、出院小结和住院天数清单"),
    en: en!("Hospital admission papers, discharge summary and a list of days in hospital"),
};
const HARDSHIP_PROOF: Document = Document {
    zh: later!("家庭收入或生活困难证明"),
    en: en!("Proof of household income or hardship"),
};
const HOUSING_PROOF: Document = Document {
    zh: later!("现住房情况说明"),
    en: en!("A statement of current housing"),
};
const POVERTY_PROOF: Document = Document {
    zh: later!("建档立卡脱贫户相关证明"),
    en: en!("Proof of 建档立卡脱贫户 registration"),
};
const STUDENT_PROOF: Document = Document {
    zh: later!("学生证或录取通知书"),
    en: en!("Student card or admission letter"),
};
const DISPUTE_PAPERS: Document = Document {
    zh: later!("纠纷或诉讼的相关材料"),
    en: en!("Papers about the dispute or lawsuit"),
};
const MEDICAL_PAPERS: Document = Document {
    zh: later!("医院诊断证明或失能评估材料"),
    en: en!("A hospital diagnosis or an assessment of lost self-care"),
};
const COURT_RULING: Document = Document {
    zh: later!("人民法院认定无民事行为能力或限制民事行为能力的判决书"),
    en: en!("The court ruling on civil capacity"),
};
/// For a family where one spouse has died: the papers then name who is who.
pub(crate) const LATE_SPOUSE_DEATH: Document = Document {
    zh: later!("已故配偶的死亡证明"),
    en: en!("The late spouse's death certificate"),
};
pub(crate) const MOTHER_ID: Document = Document {
    zh: later!("母亲的居民身份证"),
    en: en!("The mother's resident ID card"),
};
pub(crate) const FATHER_ID: Document = Document {
    zh: later!("父亲的居民身份证"),
    en: en!("The father's resident ID card"),
};
const AGENT_ID: Document = Document {
    zh: later!("受委托人的居民身份证"),
    en: en!("The resident ID card of the person entrusted"),
};
/// A divorced (or remarried) parent applies alone, with their own card (RULINGS, Round 3).
pub(crate) const OWN_ID: Document = Document {
    zh: later!("申请人本人的居民身份证"),
    en: en!("The applicant's own resident ID card"),
};
pub(crate) const DIVORCE: Document = Document {
    zh: later!("离婚证"),
    en: en!("Divorce certificate"),
};
/// An adult child with civil capacity asking for himself brings his own card.
pub(crate) const CHILD_ID: Document = Document {
    zh: later!("孩子本人的居民身份证"),
    en: en!("The child's own resident ID card"),
};
/// Once both parents have died, the child's items are claimed by the child's guardian.
pub(crate) const GUARDIAN_ID: Document = Document {
    zh: later!("孩子的监护人或代办人的居民身份证"),
    en: en!("ID card of the child's guardian or applicant"),
};
const ENTRUSTMENT: Document = Document {
    zh: later!("父母生前的委托书、死亡证明"),
    en: en!("The parents' written entrustment and death certificate"),
};

/// One row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Benefit {
    pub id: BenefitId,
    pub zh: &'static str,
    pub en: &'static str,
    pub group: Group,
    pub clause: u8,
    /// The sentence of the clause this item rests on, exactly as the policy writes it.
    pub quote: &'static str,
    /// The clause's 责任单位, in the policy's order.
    pub agencies: &'static [AgencyId],
    /// Where a family goes first.
    pub contact: AgencyId,
    pub documents: &'static [Document],
    /// Whether a family must apply for it (cash, subsidies, insurance, priorities that need
    /// an application) or has it as every special family does (五定两包, 节日慰问, …). The
    /// office page's 现在可以申请 lists only the first kind (`register::view`).
    pub claim: Claim,
}

/// How an item reaches a family: by its own application, by the office's care as a matter
/// of course, or by someone else's application after the parents' death.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// The family applies (or claims, as for a hospital stay) at the item's first stop.
    Apply,
    /// Every special family it applies to has it without applying: the office, the health
    /// service or the volunteers come to them (clauses 5, 8, 9, 10).
    Given,
    /// Claimed after the parents' death by the person they entrust (clause 17): never
    /// something to apply for now (RULINGS, "After death is not now").
    AfterDeath,
    /// Bought for them by the government (统一缴纳); each hospital stay is claimed once it has
    /// happened (clause 6): something to claim only where days in hospital are reported.
    PerStay,
}

/// Each item's [`Claim`], read from the clause's own words: 申请 / 给予补贴 / 救助 / 发放 /
/// 优先安排 need the family to come forward; 建立健康档案, 定帮扶联系人, 逐户慰问, 咨询热线,
/// 纳入成年监护 and 继续给予 are the offices' own duty to every family. One arm per item, so adding an item
/// without deciding this fails to compile.
const fn claim(id: BenefitId) -> Claim {
    match id {
        // 由每人每月1180元提高到每人每月1430元: paid once applied for (Henan: 村（居）初审).
        BenefitId::SpecialSupport => Claim::Apply,
        // 一次性救助: applied for with the death certificate.
        BenefitId::DeathRelief => Claim::Apply,
        // 继续给予其独生子女父母（家庭）有关奖励优待: what they had goes on; nothing new to apply for.
        BenefitId::ParentRewards => Claim::Given,
        // 给予适当补贴: for those enrolled, on application.
        BenefitId::PensionSubsidy => Claim::Apply,
        // 自愿入住…给予优先保障: on the parent's own request to enter a home.
        BenefitId::CareHomePriority => Claim::Apply,
        // 以县（区）政府购买服务的方式提供: the family asks the 民政局 for the services.
        BenefitId::HomeCareServices => Claim::Apply,
        // 每人每月发放适当的养老补贴，每年随特别扶助金一同发放.
        BenefitId::HomeCareAllowance => Claim::Apply,
        // 参照特困人员…供养: assessed on application.
        BenefitId::DisabledCareSupport => Claim::Apply,
        // 给予适当补贴.
        BenefitId::MedicalInsuranceSubsidy => Claim::Apply,
        // 纳入医疗救助范围: on application as a 困难家庭.
        BenefitId::MedicalAid => Claim::Apply,
        // 开通“绿色通道”…建立健康档案…凭扶助证优先就诊: the hospitals' duty, shown with the card.
        BenefitId::MedicalPriority => Claim::Given,
        // 统一缴纳…住院期间享受每日300元: the premium is paid for them; each stay is claimed.
        BenefitId::NursingInsurance => Claim::PerStay,
        // 享受相应的医保待遇…给予适当补助: on application.
        BenefitId::RebirthSupport => Claim::Apply,
        // 对每一户…定一名…干部作为帮扶联系人.
        BenefitId::AssignedHelpers => Claim::Given,
        // 纳入国家成年监护制度安排中，及时沟通情况: the office's duty.
        BenefitId::Guardianship => Claim::Given,
        // 逐户逐人慰问…每年组织1—2次…讲座.
        BenefitId::FestivalVisits => Claim::Given,
        // 开通咨询热线…深入开展各种形式的社会关怀活动.
        BenefitId::VolunteerSupport => Claim::Given,
        // 申请公共租赁住房的，要优先给予安排.
        BenefitId::PublicRentalPriority => Claim::Apply,
        // 优先纳入农村危房改造范围: on application for renovation.
        BenefitId::RuralHouseRenovation => Claim::Apply,
        // 有收养意愿的…优先收养子女.
        BenefitId::AdoptionPriority => Claim::Apply,
        // 提起诉讼，符合法律援助事项的…提供无偿法律援助: on application to the centre.
        BenefitId::LegalAid => Claim::Apply,
        // 优先安排到户增收、小额贷款贴息…: on application.
        BenefitId::EmploymentSupport => Claim::Apply,
        // 优先享受…学生资助项目: on application at the school.
        BenefitId::StudentAidPriority => Claim::Apply,
        // 优先给予补贴适配…优先实施康复救助服务: on application to the 残联.
        BenefitId::RehabilitationAid => Claim::Apply,
        // 可委托他人在本人去世后…提出申请.
        BenefitId::FreeGravePlot => Claim::AfterDeath,
    }
}

macro_rules! docs {
    ($($d:ident),* $(,)?) => {
        &[$($d),*]
    };
}

#[allow(clippy::too_many_arguments)] // one argument per column of the table below
const fn row(
    id: BenefitId,
    zh: &'static str,
    en: &'static str,
    group: Group,
    clause: u8,
    quote: &'static str,
    agencies: &'static [AgencyId],
    contact: AgencyId,
    documents: &'static [Document],
) -> Benefit {
    Benefit {
        id,
        zh,
        en,
        group,
        clause,
        quote,
        agencies,
        contact,
        documents,
        claim: claim(id),
    }
}

const CLAUSE_1_2: &[AgencyId] = &[CountyGovernment, CityFinance, CityHealth];
const CLAUSE_4: &[AgencyId] = &[CountyGovernment, CityCivilAffairs, CityFinance];
const CLAUSE_5: &[AgencyId] = &[
    CountyGovernment,
    CityMedicalSecurity,
    CityCivilAffairs,
    CityRuralRevitalization,
    CityHealth,
];
const CLAUSE_8: &[AgencyId] = &[
    CountyGovernment,
    CityHealth,
    CityJustice,
    CityFamilyPlanningAssociation,
];

pub const BENEFITS: [Benefit; 25] = [
    row(
        BenefitId::SpecialSupport,
        later!("特别扶助金"),
        en!("Special support payment"),
        Group::Cash,
        1,
        later!("对独生子女死亡、女方年满49周岁的夫妻的特别扶助金由每人每月1180元提高到每人每月1430元，增加资金由市、县（区）两级财政按1:1比例分担。"),
        CLAUSE_1_2,
        VillageCommittee,
        docs![ID_CARD, HUKOU, MARRIAGE, ONLY_CHILD, CHILD_PROOF, BANK_CARD],
    ),
    row(
        BenefitId::DeathRelief,
        later!("独生子女离世家庭一次性救助"),
        en!("One-off relief for families whose only child died"),
        Group::Cash,
        2,
        later!("以家庭为单位，夫妻双方为我市户籍的，一次性救助1万元，夫妻一方为我市户籍的，一次性救助0.5万元。"),
        CLAUSE_1_2,
        VillageCommittee,
        docs![ID_CARD, HUKOU, MARRIAGE, ONLY_CHILD, DEATH_PROOF, BANK_CARD],
    ),
    row(
        BenefitId::ParentRewards,
        later!("继续享受独生子女父母奖励优待"),
        en!("Only-child parents' rewards continue"),
        Group::Cash,
        2,
        later!("对独生子女死亡的夫妻，未再生育或收养子女的，按照《河南省人口与计划生育条例》等规定，继续给予其独生子女父母（家庭）有关奖励优待。"),
        CLAUSE_1_2,
        VillageCommittee,
        docs![ID_CARD, HUKOU, ONLY_CHILD, DEATH_PROOF],
    ),
    row(
        BenefitId::PensionSubsidy,
        later!("城乡居民养老保险缴费补贴"),
        en!("Subsidy for the resident pension scheme"),
        Group::Insurance,
        3,
        later!("对独生子女三级以上残疾或死亡、未再生育或收养子女的夫妻参加城乡居民养老保险，由县（区）人民政府给予适当补贴。"),
        &[CountyGovernment, CityHumanResources, CityFinance],
        CountyHumanResources,
        docs![ID_CARD, HUKOU, ONLY_CHILD, CHILD_PROOF, INSURANCE_PROOF],
    ),
    row(
        BenefitId::CareHomePriority,
        later!("养老机构优先照料（公办免床位费、公建民营按成本价）"),
        en!("Priority in care homes"),
        Group::ElderCare,
        4,
        later!("各级养老服务机构要优先为年满60周岁的计划生育特殊家庭父母提供全托、日托、临托等多种形式的照料服务。自愿入住政府举办的养老服务机构的，给予优先保障，入住公立养老机构的免除床位费，其余费用自理；入住公建民营养老机构的按照成本价收费。"),
        CLAUSE_4,
        CountyCivilAffairs,
        docs![ID_CARD, HUKOU, ONLY_CHILD, CHILD_PROOF],
    ),
    row(
        BenefitId::HomeCareServices,
        later!("居家养老服务（政府购买）"),
        en!("Home care services bought by the government"),
        Group::ElderCare,
        4,
        later!("对居家养老的，以县（区）政府购买服务的方式提供生活照料、家政服务、康复护理和医疗保健等服务。"),
        CLAUSE_4,
        CountyCivilAffairs,
        docs![ID_CARD, HUKOU, ONLY_CHILD, CHILD_PROOF],
    ),
    row(
        BenefitId::HomeCareAllowance,
        later!("居家养老补贴"),
        en!("Home care allowance"),
        Group::ElderCare,
        4,
        later!("对居家养老的独生子女死亡人员，可由政府购买服务，或者每人每月发放适当的养老补贴（不含失能人员），每年随特别扶助金一同发放。"),
        CLAUSE_4,
        CountyCivilAffairs,
        docs![ID_CARD, HUKOU, ONLY_CHILD, DEATH_PROOF, BANK_CARD],
    ),
    row(
        BenefitId::DisabledCareSupport,
        later!("失能父母参照特困人员供养"),
        en!("Care for parents who have lost self-care"),
        Group::ElderCare,
        4,
        later!("对独生子女死亡符合特别扶助条件，失去生活自理能力的夫妻，参照特困人员管理体制、供养办法和标准给予生活照顾和物质帮助，所需资金由县（区）财政承担。"),
        CLAUSE_4,
        CountyCivilAffairs,
        docs![ID_CARD, HUKOU, ONLY_CHILD, DEATH_PROOF, SUPPORT_CARD, MEDICAL_PAPERS],
    ),
    row(
        BenefitId::MedicalInsuranceSubsidy,
        later!("城乡居民医保缴费补贴"),
        en!("Subsidy for the resident medical insurance scheme"),
        Group::Insurance,
        5,
        later!("对独生子女三级以上残疾或死亡、未再生育或收养子女的夫妻参加城乡居民基本医疗保险，由县（区）人民政府给予适当补贴；"),
        CLAUSE_5,
        CountyMedicalSecurity,
        docs![ID_CARD, HUKOU, ONLY_CHILD, CHILD_PROOF, INSURANCE_PROOF],
    ),
    row(
        BenefitId::MedicalAid,
        later!("医疗救助"),
        en!("Medical assistance"),
        Group::Medical,
        5,
        later!("将符合条件的困难家庭纳入医疗救助范围，给予相应的医疗救助。"),
        CLAUSE_5,
        CountyMedicalSecurity,
        docs![ID_CARD, HUKOU, CHILD_PROOF, HARDSHIP_PROOF],
    ),
    row(
        BenefitId::MedicalPriority,
        later!("就医优先（绿色通道、健康档案、上门服务、免挂号费、免120费用、优先住院）"),
        en!("Priority medical care"),
        Group::Medical,
        5,
        later!("各级医疗机构要开通“绿色通道”，建立社区医疗服务巡诊制度，为计划生育特殊家庭建立健康档案，提供便利的就医条件，对行动不便的特殊家庭老人提供上门服务。特殊家庭父母凭计划生育家庭特别扶助制度扶助证、居民身份证优先就诊并免除门诊挂号费；在急诊和大病诊疗过程中，给予优惠待遇，免除120等急救车辆使用费用，优先安排住院床位。"),
        CLAUSE_5,
        Hospital,
        docs![ID_CARD, SUPPORT_CARD],
    ),
    row(
        BenefitId::NursingInsurance,
        later!("住院护理补贴保险"),
        en!("Hospital nursing allowance insurance"),
        Group::Cash,
        6,
        later!("对独生子女死亡的特殊家庭父母统一缴纳每人每年900元的住院护理补贴保险，住院期间享受每日300元的住院护理补贴，每年最长不超过90天。"),
        &[CountyGovernment, CityFamilyPlanningAssociation, CityFinance],
        CountyFamilyPlanningAssociation,
        docs![ID_CARD, HUKOU, DEATH_PROOF, HOSPITAL_PAPERS, BANK_CARD],
    ),
    row(
        BenefitId::RebirthSupport,
        later!("再生育扶助"),
        en!("Support for having another child"),
        Group::Family,
        7,
        later!("对独生子女三级以上残疾或死亡后有再生育意愿的夫妻，参加城镇职工生育保险或城乡居民基本医疗保险的，享受相应的医保待遇；免费向农村居民提供取环、输卵（精）管复通等计划生育手术服务，并给予住院分娩补助；对确需实施试管婴儿辅助生殖技术的，由县（区）人民政府给予适当补助。"),
        &[CountyGovernment, CityMedicalSecurity, CityHealth, CityFinance],
        CountyHealth,
        docs![ID_CARD, HUKOU, MARRIAGE, CHILD_PROOF, INSURANCE_PROOF],
    ),
    row(
        BenefitId::AssignedHelpers,
        later!("“五定两包”帮扶联系人"),
        en!("Named helpers for the family (五定两包)"),
        Group::Care,
        8,
        later!("对每一户计划生育特殊家庭，定一名乡镇（街道）领导干部、定一名卫生计生干部、定一名村（社区）干部作为帮扶联系人，定帮扶内容、定帮扶时间，包政策落实，包和谐稳定。"),
        CLAUSE_8,
        VillageCommittee,
        docs![ID_CARD, HUKOU],
    ),
    row(
        BenefitId::Guardianship,
        later!("成年监护安排"),
        en!("Adult guardianship"),
        Group::Care,
        8,
        later!("将失去民事行为能力的计划生育特殊家庭成员纳入国家成年监护制度安排中，及时沟通情况，了解实际需求，提供必要帮助。"),
        CLAUSE_8,
        VillageCommittee,
        docs![ID_CARD, HUKOU, COURT_RULING],
    ),
    row(
        BenefitId::FestivalVisits,
        later!("节日慰问、健康讲座和上门心理服务"),
        en!("Festival visits, health talks and psychological support at home"),
        Group::Care,
        9,
        later!("各级卫生健康部门在每年重大节日由乡镇（街道）领导带队逐户逐人慰问，从物资和精神上给予帮助和慰藉。以县区为单位，每年组织1—2次健康养生讲座或文化联谊活动，必要时请心理专家或社会工作者上门进行心理干预服务。"),
        &[
            CountyGovernment,
            CityFamilyPlanningAssociation,
            CityHealth,
            CityTradeUnions,
        ],
        VillageCommittee,
        docs![ID_CARD],
    ),
    row(
        BenefitId::VolunteerSupport,
        later!("志愿服务、咨询热线和心理疏导"),
        en!("Volunteers, advice hotline and counselling"),
        Group::Care,
        10,
        later!("通过开通咨询热线等方式，以精神慰藉和心理咨询、心理疏导为重点，深入开展各种形式的社会关怀活动，营造良好的社会氛围，帮助特殊家庭恢复健康的精神状态，引导其积极面对生活，重新融入社会。"),
        &[
            CountyGovernment,
            CityFamilyPlanningAssociation,
            CityPropaganda,
            CityCivilAffairs,
            CityTradeUnions,
            CityYouthLeague,
            CityWomensFederation,
            CityDisabledFederation,
        ],
        CountyFamilyPlanningAssociation,
        docs![ID_CARD],
    ),
    row(
        BenefitId::PublicRentalPriority,
        later!("公共租赁住房优先安排"),
        en!("Priority for public rental housing"),
        Group::Housing,
        11,
        later!("对生活贫困、住房困难的城镇计划生育特殊家庭申请公共租赁住房的，要优先给予安排；"),
        &[CityHousing],
        CountyHousing,
        docs![ID_CARD, HUKOU, CHILD_PROOF, HARDSHIP_PROOF, HOUSING_PROOF],
    ),
    row(
        BenefitId::RuralHouseRenovation,
        later!("农村危房改造优先"),
        en!("Priority for rural dilapidated-house renovation"),
        Group::Housing,
        11,
        later!("对农村计划生育特殊家庭，要按照有关规定优先纳入农村危房改造范围。"),
        &[CityHousing],
        CountyHousing,
        docs![ID_CARD, HUKOU, CHILD_PROOF, HOUSING_PROOF],
    ),
    row(
        BenefitId::AdoptionPriority,
        later!("收养子女优先"),
        en!("Priority in adoption"),
        Group::Family,
        12,
        later!("对符合条件、有收养意愿的计划生育特殊家庭，在同等条件下，优先收养子女。"),
        &[CityCivilAffairs],
        CountyCivilAffairs,
        docs![ID_CARD, HUKOU, MARRIAGE, CHILD_PROOF],
    ),
    row(
        BenefitId::LegalAid,
        later!("免费法律援助"),
        en!("Free legal aid"),
        Group::Legal,
        13,
        later!("计划生育特殊家庭成员遭遇侵害或民事纠纷等提起诉讼，符合法律援助事项的，法律援助中心应提供无偿法律援助。"),
        &[CityJustice],
        LegalAidCentre,
        docs![ID_CARD, HUKOU, CHILD_PROOF, DISPUTE_PAPERS],
    ),
    row(
        BenefitId::EmploymentSupport,
        later!("增收、贷款贴息和就业培训优先"),
        en!("Priority for income projects, loan interest subsidies and job training"),
        Group::StudyWorkRehab,
        14,
        later!("对计划生育特殊家庭中的建档立卡脱贫户优先安排到户增收、小额贷款贴息、扶贫就业培训等项目。"),
        &[CityRuralRevitalization],
        Township,
        docs![ID_CARD, HUKOU, CHILD_PROOF, POVERTY_PROOF],
    ),
    row(
        BenefitId::StudentAidPriority,
        later!("残疾独生子女学生资助优先"),
        en!("Priority student aid for the disabled only child"),
        Group::StudyWorkRehab,
        15,
        later!("对残疾独生子女接受普通高中教育、中等职业教育、普通高校全日制本专科教育的，在国家资助政策体系下，按照有关规定，残疾独生子女优先享受相应的困难家庭学生生活补助或助学金等学生资助项目。"),
        &[CityEducation],
        SchoolAidOffice,
        docs![DISABILITY_CARD, STUDENT_PROOF, HUKOU],
    ),
    row(
        BenefitId::RehabilitationAid,
        later!("康复救助和辅助器具"),
        en!("Rehabilitation aid and assistive devices"),
        Group::StudyWorkRehab,
        16,
        later!("对符合康复救助条件的，根据相关政策和救助项目优先给予补贴适配假肢（上下肢、特殊假肢）、辅助器具（轮椅、助行器、助视器、助听器等）；对符合康复救助政策和条件的0—6岁视力、听力、智力、言语、孤独症、肢体（脑瘫）残疾儿童优先实施康复救助服务。"),
        &[CityDisabledFederation],
        CountyDisabledFederation,
        docs![DISABILITY_CARD, HUKOU],
    ),
    row(
        BenefitId::FreeGravePlot,
        later!("免费公墓墓穴"),
        en!("Free grave plot"),
        Group::AfterDeath,
        17,
        later!("计划生育特殊家庭父母死亡后，可委托他人在本人去世后，向户籍所在地县（区）民政局提出申请，各公益性公墓结合建设实际，按照相关规定将墓穴免费提供给辖区死亡的计划生育特殊家庭父母使用。"),
        &[CountyGovernment, CityCivilAffairs],
        CountyCivilAffairs,
        docs![ENTRUSTMENT, AGENT_ID, HUKOU, ONLY_CHILD, CHILD_PROOF],
    ),
];

impl BenefitId {
    /// A service or a priority rather than money or care the family claims: the results fold
    /// these into one group after the items that pay, subsidise or look after someone (a
    /// choice of presentation, docs/decisions.md; the rules decide them like any other).
    pub fn in_kind(self) -> bool {
        matches!(
            self,
            BenefitId::HomeCareServices
                | BenefitId::MedicalPriority
                | BenefitId::AssignedHelpers
                | BenefitId::Guardianship
                | BenefitId::FestivalVisits
                | BenefitId::VolunteerSupport
                | BenefitId::PublicRentalPriority
                | BenefitId::RuralHouseRenovation
                | BenefitId::AdoptionPriority
                | BenefitId::LegalAid
                | BenefitId::EmploymentSupport
                | BenefitId::StudentAidPriority
        )
    }

    /// Whether the family must apply for this item now (see [`Claim`]).
    pub fn needs_application(self) -> bool {
        matches!(self.info().claim, Claim::Apply)
    }

    pub fn info(self) -> &'static Benefit {
        &BENEFITS[self as usize]
    }

    /// The stable API name, as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            BenefitId::SpecialSupport => "special_support",
            BenefitId::DeathRelief => "death_relief",
            BenefitId::ParentRewards => "parent_rewards",
            BenefitId::PensionSubsidy => "pension_subsidy",
            BenefitId::CareHomePriority => "care_home_priority",
            BenefitId::HomeCareServices => "home_care_services",
            BenefitId::HomeCareAllowance => "home_care_allowance",
            BenefitId::DisabledCareSupport => "disabled_care_support",
            BenefitId::MedicalInsuranceSubsidy => "medical_insurance_subsidy",
            BenefitId::MedicalAid => "medical_aid",
            BenefitId::MedicalPriority => "medical_priority",
            BenefitId::NursingInsurance => "nursing_insurance",
            BenefitId::RebirthSupport => "rebirth_support",
            BenefitId::AssignedHelpers => "assigned_helpers",
            BenefitId::Guardianship => "guardianship",
            BenefitId::FestivalVisits => "festival_visits",
            BenefitId::VolunteerSupport => "volunteer_support",
            BenefitId::PublicRentalPriority => "public_rental_priority",
            BenefitId::RuralHouseRenovation => "rural_house_renovation",
            BenefitId::AdoptionPriority => "adoption_priority",
            BenefitId::LegalAid => "legal_aid",
            BenefitId::EmploymentSupport => "employment_support",
            BenefitId::StudentAidPriority => "student_aid_priority",
            BenefitId::RehabilitationAid => "rehabilitation_aid",
            BenefitId::FreeGravePlot => "free_grave_plot",
        }
    }

    pub fn parse(s: &str) -> Option<BenefitId> {
        BENEFITS.iter().map(|b| b.id).find(|id| id.as_str() == s)
    }
}
