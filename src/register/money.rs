//! Money as the policy states it. Where an item is granted but the text gives no amount (a
//! disabled child's family's 特别扶助金 is the province's standard; 适当补贴 and 奖励优待 name
//! none), the register never writes 0 for it: 每月现金 says 按省定标准 when that is all there
//! is, and 金额未计入的项目 names what the sums leave out, so a report that adds the columns
//! says what it does not count.

use super::Summary;
use crate::rules::facts::ChildStatus;
use crate::rules::{BenefitId, Facts, Status};

/// The words for the province's standard.
pub const PROVINCIAL: &str = "按省定标准";

/// Items paid to the family as money or subsidy whose amount the text never states.
const NEVER_STATED: [BenefitId; 4] = [
    BenefitId::ParentRewards,
    BenefitId::PensionSubsidy,
    BenefitId::HomeCareAllowance,
    BenefitId::MedicalInsuranceSubsidy,
];

/// Whether the household's 特别扶助金 is granted at the province's standard, not in the text:
/// the child is disabled and the item is `eligible`.
pub fn provincial_special_support(facts: &Facts, s: &Summary) -> bool {
    facts.child.status == ChildStatus::Disabled
        && s.status(BenefitId::SpecialSupport) == Status::Eligible
}

/// The `eligible` items the money columns do not count, each with why: 特别扶助金（按省定标准）,
/// 居家养老补贴（金额未写明）.
pub fn left_out(facts: &Facts, s: &Summary) -> Vec<String> {
    let mut v = Vec::new();
    if provincial_special_support(facts, s) {
        v.push(format!(
            "{}（{PROVINCIAL}）",
            BenefitId::SpecialSupport.info().zh
        ));
    }
    for id in NEVER_STATED {
        if s.status(id) == Status::Eligible {
            v.push(format!("{}（政策未写明金额）", id.info().zh));
        }
    }
    v
}
