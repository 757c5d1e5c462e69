//! The catalogue: every item a family can claim, as data. One record per item in
//! `policy/catalogue.toml`, naming its clause, the exact sentence it rests on, the agencies
//! responsible, where to go first and what to bring; the build writes the Rust tables from it
//! (build/catalogue.rs) and this module includes them. The deciding functions live in
//! `decide/`; this table is what the app, the command line's `explain` and the printed sheet
//! read. `tests/catalogue.rs` holds it to the policy.

use serde::Serialize;

use super::agencies::AgencyId;

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

// `BenefitId`, the documents, `BENEFITS`, `LINK_ORDER`, `as_str` and `in_kind`, from the
// records in policy/catalogue.toml (build/catalogue.rs).
include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

impl BenefitId {
    /// Whether the family must apply for this item now (see [`Claim`]).
    pub fn needs_application(self) -> bool {
        matches!(self.info().claim, Claim::Apply)
    }

    pub fn info(self) -> &'static Benefit {
        &BENEFITS[self as usize]
    }

    pub fn parse(s: &str) -> Option<BenefitId> {
        BENEFITS.iter().map(|b| b.id).find(|id| id.as_str() == s)
    }
}
