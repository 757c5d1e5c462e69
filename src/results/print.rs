//! The printed sheet, organised the way a family uses it: one section per place to go. Each
//! applying item is claimed first at its `first_stop`, the one office the engine names for
//! this family (resolved to the family's 县（区）), so the sheet for that place lists the
//! items to claim there, every paper this family brings for them once (the engine's
//! per-family `documents`), and the clause each item rests on. Pure, so the grouping is tested natively; the Yew view in
//! `app::screens::print` only lays it out.

use super::present;
/// The places to go: the results' first stop is the first of them, so they are worked out
/// with the rest of the results (`present`), which never reads the sheet.
pub use super::present::{by_agency, AgencyVisit};
use crate::flow::text::{Key, Lang, Voice};
use crate::rules::facts::number;
use crate::rules::{BenefitId, BenefitResult, Outcome};

/// What is claimed only after the parents' death (the grave plot while they live): the
/// sheet's short 身后事 section, apart from the places to go now.
pub fn after_death<'a>(outcome: &'a Outcome, received: &[BenefitId]) -> Vec<&'a BenefitResult> {
    outcome
        .benefits
        .iter()
        .filter(|b| b.applies() && !received.contains(&b.id) && present::after_death(b))
        .collect()
}

/// A name on the printed sheet: in English with its Chinese beside it, "Special support
/// (特别扶助金)", so the clerk at the counter can match it; in Chinese as it is.
pub fn with_chinese(zh: &str, en: &str, lang: Lang) -> String {
    let zh = crate::later::resolve(zh);
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => [crate::english::resolve(en), " (", zh, ")"].concat(),
    }
}

/// 汴政办〔2023〕24号 第N条.
pub fn citation(clause: u8, lang: Lang) -> String {
    Key::ClauseRef.fill(lang, Voice::Family, &[("n", &number(u64::from(clause)))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{self, AgencyId, BenefitId, Facts, Status};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    /// A bereaved couple in 龙亭区, both over 60, at home, resident schemes, 12 days in
    /// hospital, wanting legal aid.
    fn bereaved() -> Outcome {
        let facts: Facts = serde_json::from_value(serde_json::json!({
            "child": { "status": "deceased" },
            "has_other_child": false,
            "parents": [
                { "role": "mother", "birth_date": "1960-05-20", "kaifeng_hukou": true,
                  "pension": "resident", "medical": "resident", "hospital_days": 12 },
                { "role": "father", "birth_date": "1958-08-01", "kaifeng_hukou": true,
                  "pension": "resident", "medical": "resident" }
            ],
            "area": "longting",
            "residence": "urban",
            "circumstances": { "legal_dispute": true }
        }))
        .expect("the fixture is valid facts");
        rules::evaluate(&facts, today()).expect("the fixture is a real household")
    }

    #[test]
    fn every_applying_item_is_under_exactly_its_first_stop() {
        let o = bereaved();
        let visits = by_agency(&o, &[]);
        let listed: Vec<BenefitId> = visits
            .iter()
            .flat_map(|v| v.items.iter().map(|r| r.id))
            .collect();
        let applying: Vec<BenefitId> = o
            .benefits
            .iter()
            .filter(|b| b.applies() && !present::after_death(b))
            .map(|b| b.id)
            .collect();
        assert!(applying.len() > 5, "the fixture should apply widely");
        // The grave plot is the parents' after their death: in its own section, never a
        // place to go now.
        assert_eq!(
            after_death(&o, &[])
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>(),
            [BenefitId::FreeGravePlot]
        );
        let mut sorted = listed.clone();
        sorted.sort();
        let mut want = applying.clone();
        want.sort();
        assert_eq!(sorted, want, "each applying item once, nothing else");
        for v in &visits {
            assert!(!v.items.is_empty());
            for r in &v.items {
                assert_eq!(r.first_stop, v.agency);
                assert_ne!(r.status, Status::NotEligible);
            }
        }
        let agencies: Vec<AgencyId> = visits.iter().map(|v| v.agency).collect();
        let mut unique = agencies.clone();
        unique.dedup();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), agencies.len(), "one section per agency");
    }

    #[test]
    fn an_item_marked_already_received_leaves_the_sheet_and_an_empty_place_goes_with_it() {
        let o = bereaved();
        let at_village: Vec<BenefitId> = by_agency(&o, &[])
            .into_iter()
            .find(|v| v.agency == AgencyId::VillageCommittee)
            .expect("special support is claimed at the village committee")
            .items
            .iter()
            .map(|r| r.id)
            .collect();
        let fewer = by_agency(&o, &[BenefitId::SpecialSupport]);
        assert!(fewer
            .iter()
            .all(|v| v.items.iter().all(|r| r.id != BenefitId::SpecialSupport)));
        // Every item claimed at the village committee marked: no page for it at all.
        let none_there = by_agency(&o, &at_village);
        assert!(none_there
            .iter()
            .all(|v| v.agency != AgencyId::VillageCommittee));
        assert_eq!(
            none_there.iter().map(|v| v.items.len()).sum::<usize>() + at_village.len(),
            by_agency(&o, &[])
                .iter()
                .map(|v| v.items.len())
                .sum::<usize>()
        );
    }

    #[test]
    fn places_follow_the_catalogue_and_items_keep_its_order() {
        let o = bereaved();
        let visits = by_agency(&o, &[]);
        // Special support comes first in the catalogue and is claimed at the village committee.
        assert_eq!(visits[0].agency, AgencyId::VillageCommittee);
        assert_eq!(visits[0].items[0].id, BenefitId::SpecialSupport);
        for v in &visits {
            let ids: Vec<usize> = v.items.iter().map(|r| r.id as usize).collect();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            assert_eq!(ids, sorted);
        }
    }

    #[test]
    fn documents_are_the_union_of_the_items_papers_each_once() {
        let o = bereaved();
        for v in by_agency(&o, &[]) {
            let mut zh: Vec<&str> = v.documents.iter().map(|d| d.zh).collect();
            let n = zh.len();
            zh.sort_unstable();
            zh.dedup();
            assert_eq!(zh.len(), n, "a paper is listed twice at {:?}", v.agency);
            for r in &v.items {
                for d in present::papers(r, present::Child::Died) {
                    assert!(
                        v.documents.iter().any(|x| x.zh == d.zh),
                        "{} is missing at {:?}",
                        d.zh,
                        v.agency
                    );
                }
            }
            for d in &v.documents {
                assert!(
                    v.items
                        .iter()
                        .any(|r| present::papers(r, present::Child::Died)
                            .iter()
                            .any(|x| x.zh == d.zh)),
                    "{} is needed by no item at {:?}",
                    d.zh,
                    v.agency
                );
            }
        }
        // The village committee handles several cash items that all need the ID card.
        let village = by_agency(&o, &[])
            .into_iter()
            .find(|v| v.agency == AgencyId::VillageCommittee)
            .unwrap();
        assert!(village.items.len() >= 3);
        assert_eq!(
            village
                .documents
                .iter()
                .filter(|d| d.zh == "夫妻双方居民身份证")
                .count(),
            1
        );
        // The child died: its death certificate, once, and never "either" paper.
        let zh: Vec<&str> = village.documents.iter().map(|d| d.zh).collect();
        assert_eq!(
            zh.iter().filter(|d| **d == "子女死亡证明").count(),
            1,
            "{zh:?}"
        );
        assert!(!zh.iter().any(|d| d.contains("或残疾人证")), "{zh:?}");
    }

    #[test]
    fn clauses_are_each_cited_once_in_order() {
        let o = bereaved();
        for v in by_agency(&o, &[]) {
            let mut want: Vec<u8> = v.items.iter().map(|r| r.id.info().clause).collect();
            want.sort_unstable();
            want.dedup();
            assert_eq!(v.clauses, want);
        }
        assert_eq!(citation(4, Lang::Zh), "汴政办〔2023〕24号 第4条");
        assert_eq!(citation(13, Lang::En), "汴政办〔2023〕24号, clause 13");
    }

    #[test]
    fn local_offices_carry_the_family_area() {
        let o = bereaved();
        let visits = by_agency(&o, &[]);
        let civil = visits
            .iter()
            .find(|v| v.agency == AgencyId::CountyCivilAffairs)
            .expect("elder care is claimed at the county civil affairs bureau");
        assert_eq!(civil.name(o.area, Lang::Zh), "龙亭区民政局");
        assert_eq!(
            civil.name(o.area, Lang::En),
            "Longting District civil affairs bureau"
        );
        assert_eq!(civil.name(None, Lang::Zh), "县（区）民政局");
    }

    #[test]
    fn nothing_applies_gives_no_sections() {
        let facts: Facts = serde_json::from_value(serde_json::json!({
            "residence": "urban",
            "child": { "status": "living" },
            "has_other_child": false,
            "parents": [
                { "role": "mother", "birth_date": "1960-05-20", "kaifeng_hukou": true }
            ]
        }))
        .unwrap();
        let o = rules::evaluate(&facts, today()).unwrap();
        assert!(by_agency(&o, &[]).is_empty());
    }
}
