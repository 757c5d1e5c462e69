//! Which catalogue items a family must apply for (`Benefit::claim`): the office page's
//! 现在可以申请 lists a household only for these, so the services every special family has
//! without asking (五定两包, 节日慰问, 志愿服务, the hospitals' green channel) no longer make every
//! household match. Every item is named here with its answer, independently of the code.
#![cfg(not(target_arch = "wasm32"))]

use fuzhu::rules::benefits::Claim;
use fuzhu::rules::{BenefitId, BENEFITS};

/// Every item and how it reaches a family, as a caseworker reads its clause.
const EXPECTED: [(BenefitId, Claim); 25] = [
    (BenefitId::SpecialSupport, Claim::Apply),
    (BenefitId::DeathRelief, Claim::Apply),
    (BenefitId::ParentRewards, Claim::Given),
    (BenefitId::PensionSubsidy, Claim::Apply),
    (BenefitId::CareHomePriority, Claim::Apply),
    (BenefitId::HomeCareServices, Claim::Apply),
    (BenefitId::HomeCareAllowance, Claim::Apply),
    (BenefitId::DisabledCareSupport, Claim::Apply),
    (BenefitId::MedicalInsuranceSubsidy, Claim::Apply),
    (BenefitId::MedicalAid, Claim::Apply),
    (BenefitId::MedicalPriority, Claim::Given),
    (BenefitId::NursingInsurance, Claim::PerStay),
    (BenefitId::RebirthSupport, Claim::Apply),
    (BenefitId::AssignedHelpers, Claim::Given),
    (BenefitId::Guardianship, Claim::Given),
    (BenefitId::FestivalVisits, Claim::Given),
    (BenefitId::VolunteerSupport, Claim::Given),
    (BenefitId::PublicRentalPriority, Claim::Apply),
    (BenefitId::RuralHouseRenovation, Claim::Apply),
    (BenefitId::AdoptionPriority, Claim::Apply),
    (BenefitId::LegalAid, Claim::Apply),
    (BenefitId::EmploymentSupport, Claim::Apply),
    (BenefitId::StudentAidPriority, Claim::Apply),
    (BenefitId::RehabilitationAid, Claim::Apply),
    (BenefitId::FreeGravePlot, Claim::AfterDeath),
];

#[test]
fn every_catalogue_item_says_whether_the_family_must_apply_for_it() {
    assert_eq!(EXPECTED.len(), BENEFITS.len());
    for ((id, claim), b) in EXPECTED.iter().zip(BENEFITS.iter()) {
        assert_eq!(*id, b.id, "the list follows the catalogue's order");
        assert_eq!(b.claim, *claim, "{}", b.zh);
        assert_eq!(id.needs_application(), *claim == Claim::Apply, "{}", b.zh);
    }
}

#[test]
fn the_services_every_special_family_has_without_asking_are_not_applied_for() {
    // Clause 8's 五定两包, clause 9's visits, clause 10's volunteers: every special family.
    for id in [
        BenefitId::ParentRewards,
        BenefitId::AssignedHelpers,
        BenefitId::FestivalVisits,
        BenefitId::VolunteerSupport,
        BenefitId::MedicalPriority,
    ] {
        assert!(!id.needs_application(), "{:?}", id);
    }
}

#[test]
fn every_item_that_pays_money_must_be_applied_for() {
    for id in [
        BenefitId::SpecialSupport,
        BenefitId::DeathRelief,
        BenefitId::PensionSubsidy,
        BenefitId::HomeCareAllowance,
        BenefitId::MedicalInsuranceSubsidy,
    ] {
        assert!(id.needs_application(), "{:?}", id);
    }
}

#[test]
fn the_nursing_insurance_is_bought_for_the_family_and_claimed_per_hospital_stay() {
    let b = BenefitId::NursingInsurance.info();
    assert!(b.quote.contains("统一缴纳") && b.quote.contains("住院期间享受每日300元"));
    assert_eq!(b.claim, Claim::PerStay);
}

#[test]
fn the_parents_rewards_go_on_without_a_new_application() {
    let b = BenefitId::ParentRewards.info();
    assert!(b.quote.contains("继续给予"));
    assert_eq!(b.claim, Claim::Given);
}

#[test]
fn the_free_grave_plot_is_claimed_after_death_and_never_now() {
    let b = BenefitId::FreeGravePlot.info();
    assert_eq!(b.claim, Claim::AfterDeath);
    assert!(b.quote.contains("可委托他人在本人去世后"));
    assert!(!BenefitId::FreeGravePlot.needs_application());
}
