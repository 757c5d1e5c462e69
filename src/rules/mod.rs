//! Kaifeng's 汴政办〔2023〕24号 as rules: household facts in, one decision per item out. Pure
//! Rust with no browser in it, so the same rules run in the app, on the command line, in the
//! tests and in the benchmark, and always agree.

pub mod agencies;
pub mod benefits;
pub mod clauses;
pub mod conditions;
mod decide;
pub mod facts;
pub mod outcome;
pub mod params;
pub mod words;

use chrono::NaiveDate;

pub use agencies::{Agency, AgencyId, AGENCIES, HOTLINES};
pub use benefits::{Benefit, BenefitId, Document, Group, BENEFITS};
pub use clauses::{clause, Clause, CLAUSES};
/// What a person receives, whose first stop is that person's own county's (RULINGS, Round 3).
pub use decide::for_a_person;
pub use facts::{
    Area, CareSetting, Child, ChildStatus, Circumstances, DisabilityType, Facts, FactsError,
    Marital, Parent, Residence, Role, Scheme, Schooling,
};
pub use outcome::{BenefitResult, Outcome, Reason, Status, Totals, RULES_VERSION};

use decide::{care, cash, elder, medical, Household};

type Decider = fn(&Household) -> BenefitResult;

/// The deciding function of every catalogue item, in catalogue order.
const DECIDERS: [(BenefitId, Decider); 25] = [
    (BenefitId::SpecialSupport, cash::special_support),
    (BenefitId::DeathRelief, cash::death_relief),
    (BenefitId::ParentRewards, cash::parent_rewards),
    (BenefitId::PensionSubsidy, elder::pension_subsidy),
    (BenefitId::CareHomePriority, elder::care_home_priority),
    (BenefitId::HomeCareServices, elder::home_care_services),
    (BenefitId::HomeCareAllowance, elder::home_care_allowance),
    (BenefitId::DisabledCareSupport, elder::disabled_care_support),
    (
        BenefitId::MedicalInsuranceSubsidy,
        medical::medical_insurance_subsidy,
    ),
    (BenefitId::MedicalAid, medical::medical_aid),
    (BenefitId::MedicalPriority, medical::medical_priority),
    (BenefitId::NursingInsurance, medical::nursing_insurance),
    (BenefitId::RebirthSupport, medical::rebirth_support),
    (BenefitId::AssignedHelpers, care::assigned_helpers),
    (BenefitId::Guardianship, care::guardianship),
    (BenefitId::FestivalVisits, care::festival_visits),
    (BenefitId::VolunteerSupport, care::volunteer_support),
    (
        BenefitId::PublicRentalPriority,
        care::public_rental_priority,
    ),
    (
        BenefitId::RuralHouseRenovation,
        care::rural_house_renovation,
    ),
    (BenefitId::AdoptionPriority, care::adoption_priority),
    (BenefitId::LegalAid, care::legal_aid),
    (BenefitId::EmploymentSupport, care::employment_support),
    (BenefitId::StudentAidPriority, care::student_aid_priority),
    (BenefitId::RehabilitationAid, care::rehabilitation_aid),
    (BenefitId::FreeGravePlot, care::free_grave_plot),
];

/// The ids in the order `evaluate` decides them; the catalogue tests compare it with
/// `BENEFITS`.
pub fn decided_ids() -> impl Iterator<Item = BenefitId> {
    DECIDERS.iter().map(|(id, _)| *id)
}

/// Decides every item for one household. `today` stands in for a missing `as_of`.
///
/// Facts that cannot describe a real household are refused with the field and the reason;
/// nothing is guessed.
pub fn evaluate(facts: &Facts, today: NaiveDate) -> Result<Outcome, FactsError> {
    facts.validate(today)?;
    let as_of = facts.date(today);
    let h = Household::new(facts, as_of, today);
    let outside = decide::outside(&h);
    let blocked = !outside.is_empty();
    let benefits: Vec<BenefitResult> = DECIDERS
        .iter()
        .map(|(id, decide)| {
            if blocked {
                // Why is said once, in `outside`, not on each of the 25 items.
                return BenefitResult::new(*id, Status::NotEligible);
            }
            let mut r = match decide::late_parents(&h, *id) {
                Some(reason) => {
                    let mut r = BenefitResult::new(*id, Status::NotEligible);
                    r.reasons.push(reason);
                    r
                }
                None => {
                    let mut r = decide(&h);
                    decide::local_note(&h, &mut r);
                    let has_amount = r.monthly_total.is_some()
                        || r.one_off_total.is_some()
                        || r.annual_total.is_some();
                    if has_amount && r.applies() {
                        let from = r.eligible_from.unwrap_or(as_of).max(as_of);
                        r.reasons.extend(decide::at_current_rate(&h, from));
                    }
                    r
                }
            };
            r.documents = decide::documents(&h, &r);
            r
        })
        .collect();
    debug_assert_eq!(benefits.len(), outcome::catalogue_len());
    let mut totals = Totals::default();
    let mut totals_to_confirm = Totals::default();
    for b in benefits.iter() {
        let sum = match b.status {
            Status::Eligible => &mut totals,
            Status::Check => &mut totals_to_confirm,
            Status::Future | Status::NotEligible => continue,
        };
        // Addition is not free: add only the amounts there are (`outcome::plus`, not
        // Decimal's own: see there).
        if let Some(m) = b.monthly_total {
            sum.monthly = outcome::plus(sum.monthly, m);
        }
        if let Some(o) = b.one_off_total {
            sum.one_off = outcome::plus(sum.one_off, o);
        }
        if let Some(a) = b.annual_total {
            sum.annual = outcome::plus(sum.annual, a);
        }
    }
    Ok(Outcome {
        rules_version: RULES_VERSION,
        as_of,
        area: facts.area,
        covered: h.covered,
        special_family: h.special,
        outside,
        benefits,
        totals,
        totals_to_confirm,
    })
}
