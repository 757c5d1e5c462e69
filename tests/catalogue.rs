//! The catalogue, the clauses, the agencies and the dated parameters, held to the policy text:
//! every sentence the product quotes must be the policy's own, word for word.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fuzhu::rules::{
    self, clause, params, AgencyId, BenefitId, AGENCIES, BENEFITS, CLAUSES, HOTLINES,
};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn policy() -> String {
    std::fs::read_to_string(repo().join("policy/kaifeng-2023-24.txt"))
        .expect("policy/kaifeng-2023-24.txt is in the repository")
}

/// The shared copy next to the repository, when this checkout has one.
fn shared(file: &str) -> Option<PathBuf> {
    let p = repo().join("../shared/policy").join(file);
    p.exists().then_some(p)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn has_ascii_letters(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic())
}

/// Every agency id. The match below stops compiling when a variant is added and not listed.
fn all_agency_ids() -> Vec<AgencyId> {
    use AgencyId::*;
    let all = vec![
        CountyGovernment,
        CountyCivilAffairs,
        CountyHealth,
        VillageCommittee,
        Township,
        LegalAidCentre,
        CountyHumanResources,
        CountyMedicalSecurity,
        CountyHousing,
        CountyDisabledFederation,
        CountyFamilyPlanningAssociation,
        CountyRuralRevitalization,
        SchoolAidOffice,
        Hospital,
        CityFinance,
        CityHealth,
        CityHumanResources,
        CityCivilAffairs,
        CityMedicalSecurity,
        CityRuralRevitalization,
        CityFamilyPlanningAssociation,
        CityJustice,
        CityTradeUnions,
        CityPropaganda,
        CityYouthLeague,
        CityWomensFederation,
        CityDisabledFederation,
        CityHousing,
        CityEducation,
    ];
    for a in &all {
        match a {
            CountyGovernment
            | CountyCivilAffairs
            | CountyHealth
            | VillageCommittee
            | Township
            | LegalAidCentre
            | CountyHumanResources
            | CountyMedicalSecurity
            | CountyHousing
            | CountyDisabledFederation
            | CountyFamilyPlanningAssociation
            | CountyRuralRevitalization
            | SchoolAidOffice
            | Hospital
            | CityFinance
            | CityHealth
            | CityHumanResources
            | CityCivilAffairs
            | CityMedicalSecurity
            | CityRuralRevitalization
            | CityFamilyPlanningAssociation
            | CityJustice
            | CityTradeUnions
            | CityPropaganda
            | CityYouthLeague
            | CityWomensFederation
            | CityDisabledFederation
            | CityHousing
            | CityEducation => {}
        }
    }
    all
}

#[test]
fn the_catalogue_has_25_items_with_unique_ids_and_stable_names() {
    assert_eq!(BENEFITS.len(), 25);
    let ids: BTreeSet<BenefitId> = BENEFITS.iter().map(|b| b.id).collect();
    assert_eq!(ids.len(), 25, "duplicate ids in BENEFITS");
    let names: BTreeSet<&str> = BENEFITS.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(names.len(), 25, "duplicate stable names");
    for b in BENEFITS.iter() {
        let name = b.id.as_str();
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{name} is not snake_case"
        );
        assert_eq!(
            BenefitId::parse(name),
            Some(b.id),
            "{name} does not parse back"
        );
        // The JSON name is the stable name.
        assert_eq!(serde_json::to_value(b.id).unwrap(), name);
    }
}

#[test]
fn each_item_is_found_by_its_own_id() {
    // `BenefitId::info` indexes BENEFITS by the id's position.
    for (i, b) in BENEFITS.iter().enumerate() {
        assert_eq!(b.id as usize, i, "{} is out of place", b.id.as_str());
        assert_eq!(b.id.info().id, b.id);
    }
}

#[test]
fn the_ids_are_those_of_the_rulings_table() {
    let Some(path) = shared("RULINGS.md") else {
        println!(
            "note: ../shared/policy/RULINGS.md is not here; the ids were not compared with it"
        );
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let mut table: Vec<(String, u8)> = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let (Some(first), Some(Ok(clause))) = (cells.first(), cells.get(1).map(|c| c.parse()))
        else {
            continue;
        };
        let id = first.split_whitespace().next().unwrap_or_default();
        if id.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !id.is_empty() {
            table.push((id.to_string(), clause));
        }
    }
    let ours: Vec<(String, u8)> = BENEFITS
        .iter()
        .map(|b| (b.id.as_str().to_string(), b.clause))
        .collect();
    assert_eq!(
        ours, table,
        "the catalogue (id, clause) must match RULINGS.md's table, in order"
    );
}

#[test]
fn each_items_quote_is_the_policys_own_words_within_its_clause() {
    let policy = policy();
    for b in BENEFITS.iter() {
        let id = b.id.as_str();
        assert!(!b.quote.is_empty(), "{id} has no quote");
        assert!(
            policy.contains(b.quote),
            "{id}'s quote is not in the policy verbatim: {}",
            b.quote
        );
        let c = clause(b.clause).unwrap_or_else(|| panic!("{id} names clause {}", b.clause));
        assert!(
            c.text.contains(b.quote),
            "{id}'s quote is not inside clause {}: {}",
            b.clause,
            b.quote
        );
        // Only clauses 1 to 17 grant anything.
        assert!(
            (1..=17).contains(&b.clause),
            "{id} rests on clause {}",
            b.clause
        );
    }
}

#[test]
fn every_clause_text_is_in_the_policy_verbatim() {
    let policy = policy();
    assert_eq!(CLAUSES.len(), 21);
    for (i, c) in CLAUSES.iter().enumerate() {
        assert_eq!(
            c.number as usize,
            i + 1,
            "clauses are numbered 1 to 21 in order"
        );
        assert!(
            policy.contains(c.text),
            "clause {} is not in the policy verbatim",
            c.number
        );
        assert!(
            policy.contains(&format!("{}. {}", c.number, c.text)),
            "clause {}'s text does not follow its number in the policy",
            c.number
        );
        assert!(
            c.text.starts_with(c.title),
            "clause {} starts with its title",
            c.number
        );
        assert!(policy.contains(c.section), "clause {}'s section", c.number);
    }
    assert!(clause(0).is_none() && clause(22).is_none());
}

#[test]
fn the_repositorys_policy_is_the_shared_policy() {
    let Some(path) = shared("kaifeng-2023-24.txt") else {
        println!("note: ../shared/policy/kaifeng-2023-24.txt is not here; not compared");
        return;
    };
    assert!(
        std::fs::read(path).unwrap()
            == std::fs::read(repo().join("policy/kaifeng-2023-24.txt")).unwrap(),
        "policy/kaifeng-2023-24.txt differs from ../shared/policy/kaifeng-2023-24.txt"
    );
}

#[test]
fn each_item_names_agencies_a_contact_documents_and_both_names() {
    for b in BENEFITS.iter() {
        let id = b.id.as_str();
        assert!(!b.agencies.is_empty(), "{id} has no agency");
        let unique: BTreeSet<_> = b.agencies.iter().collect();
        assert_eq!(unique.len(), b.agencies.len(), "{id} lists an agency twice");
        assert!(!b.contact.agency().zh.is_empty(), "{id}'s contact");
        assert!(!b.documents.is_empty(), "{id} lists no document");
        for d in b.documents {
            assert!(
                has_cjk(d.zh) && has_ascii_letters(d.en),
                "{id}'s document {}",
                d.zh
            );
        }
        assert!(has_cjk(b.zh), "{id}'s Chinese name {:?}", b.zh);
        assert!(has_ascii_letters(b.en), "{id}'s English name {:?}", b.en);
    }
}

/// The agencies each item lists are its clause's 责任单位, in the policy's order.
#[test]
fn each_items_agencies_are_its_clauses_responsible_units_in_order() {
    let policy = policy();
    for b in BENEFITS.iter() {
        let id = b.id.as_str();
        let c = clause(b.clause).unwrap();
        // Most clauses end with their list; clause 1's follows on its own line.
        let at = policy.find(c.text).unwrap();
        let rest = &policy[at..];
        let start =
            rest.find("（责任单位：").expect("a 责任单位 list follows") + "（责任单位：".len();
        // The list must belong to this clause, not to the next one.
        let next = format!("{}. ", c.number + 1);
        assert!(
            rest.find(&next).is_none_or(|n| n > start),
            "clause {} has no 责任单位 of its own",
            c.number
        );
        let list = &rest[start..];
        let names: Vec<&str> = list[..list.find("）\n").unwrap_or(list.len())]
            .trim_end_matches('）')
            .split('、')
            .collect();
        let listed: Vec<&str> = b.agencies.iter().map(|a| a.agency().zh).collect();
        assert_eq!(
            listed, names,
            "{id}: agencies against clause {}'s 责任单位",
            c.number
        );
    }
}

#[test]
fn every_agency_has_exactly_one_row_with_both_names() {
    let all = all_agency_ids();
    assert_eq!(AGENCIES.len(), all.len());
    for a in &all {
        let rows: Vec<_> = AGENCIES.iter().filter(|r| r.id == *a).collect();
        assert_eq!(rows.len(), 1, "{a:?} has {} rows in AGENCIES", rows.len());
        let row = rows[0];
        assert!(has_cjk(row.zh), "{a:?} zh name");
        assert!(has_ascii_letters(row.en), "{a:?} en name");
        if let Some(h) = row.hotline {
            assert!(
                HOTLINES.iter().any(|(n, _, _)| *n == h),
                "{a:?}'s hotline {h} is not one RULINGS.md confirms"
            );
        }
    }
}

#[test]
fn the_city_bureaus_are_those_whose_names_start_with_the_city() {
    // `is_city` goes by id (the names are tags in the web build); the names say the same.
    for a in all_agency_ids() {
        let by_name = a.agency().zh.starts_with('市') || a == AgencyId::CityYouthLeague;
        assert_eq!(a.is_city(), by_name, "{a:?}");
    }
}

#[test]
fn the_rules_decide_the_items_in_catalogue_order() {
    let decided: Vec<BenefitId> = rules::decided_ids().collect();
    let catalogue: Vec<BenefitId> = BENEFITS.iter().map(|b| b.id).collect();
    assert_eq!(decided, catalogue);
}

#[test]
fn every_quote_in_the_deciding_code_is_the_policys_own_words() {
    let policy = policy();
    let dir = repo().join("src/rules/decide");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 4,
        "decide/*.rs not found in {}",
        dir.display()
    );
    let mut quotes = 0;
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_start();
            let quote = line
                .strip_prefix("/// > ")
                .or_else(|| line.strip_prefix("//! > "));
            if let Some(q) = quote {
                quotes += 1;
                if !policy.contains(q.trim_end()) {
                    bad.push(format!("{}:{}: {q}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(quotes >= 25, "only {quotes} quotes found in decide/*.rs");
    assert!(
        bad.is_empty(),
        "not in the policy verbatim:\n{}",
        bad.join("\n")
    );
}

#[test]
fn every_dated_parameter_starts_when_the_policy_did_and_is_in_date_order() {
    let start = NaiveDate::from_ymd_opt(2023, 8, 1).unwrap();
    assert_eq!(params::POLICY_IN_FORCE, start);
    let mut names = BTreeSet::new();
    let money = params::MONEY.iter().map(|p| {
        (
            p.name,
            p.unit,
            p.history.iter().map(|d| d.from).collect::<Vec<_>>(),
        )
    });
    let thresholds = params::THRESHOLDS.iter().map(|p| {
        (
            p.name,
            p.unit,
            p.history.iter().map(|d| d.from).collect::<Vec<_>>(),
        )
    });
    for (name, unit, dates) in money.chain(thresholds) {
        assert!(names.insert(name), "{name} appears twice");
        assert!(!unit.is_empty(), "{name} has no unit");
        assert_eq!(dates.first(), Some(&start), "{name} must start on {start}");
        assert!(
            dates.windows(2).all(|w| w[0] < w[1]),
            "{name}'s history is not in strictly increasing date order: {dates:?}"
        );
    }
    assert_eq!(names.len(), params::MONEY.len() + params::THRESHOLDS.len());
}

#[test]
fn every_amount_and_threshold_is_written_in_the_policy() {
    let policy = policy();
    let rate = params::SPECIAL_SUPPORT_DEATH_MONTHLY
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    assert!(policy.contains(&format!("每人每月{rate}元")));
    let age = params::SPECIAL_SUPPORT_MOTHER_AGE
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    assert!(policy.contains(&format!("女方年满{age}周岁")));
    let age = params::ELDER_CARE_AGE.at(params::POLICY_IN_FORCE).unwrap();
    assert!(policy.contains(&format!("年满{age}周岁")));
    let premium = params::NURSING_PREMIUM_YEARLY
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    assert!(policy.contains(&format!("每人每年{premium}元")));
    let daily = params::NURSING_DAILY.at(params::POLICY_IN_FORCE).unwrap();
    assert!(policy.contains(&format!("每日{daily}元")));
    let days = params::NURSING_MAX_DAYS
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    assert!(policy.contains(&format!("每年最长不超过{days}天")));
    let max = params::CHILD_REHAB_MAX_AGE
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    assert!(policy.contains(&format!("0—{max}岁")));
    // 1万元 and 0.5万元.
    let both = params::DEATH_RELIEF_BOTH_HUKOU
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    let one = params::DEATH_RELIEF_ONE_HUKOU
        .at(params::POLICY_IN_FORCE)
        .unwrap();
    assert_eq!(
        (both.to_string(), one.to_string()),
        ("10000".into(), "5000".into())
    );
    assert!(policy.contains("一次性救助1万元") && policy.contains("一次性救助0.5万元"));
    // Nothing is in force before the policy.
    let before = NaiveDate::from_ymd_opt(2023, 7, 31).unwrap();
    assert!(params::SPECIAL_SUPPORT_DEATH_MONTHLY.at(before).is_none());
}

#[test]
fn no_first_stop_is_a_city_bureau_where_a_county_level_office_serves() {
    for b in BENEFITS.iter() {
        assert!(
            !b.contact.is_city(),
            "{}: first stop {:?} is a city bureau",
            b.id.as_str(),
            b.contact
        );
        // Named for the family's own area wherever it is a county-level office.
        for area in fuzhu::rules::Area::ALL {
            let name = b.contact.name_zh(Some(area));
            assert!(!name.starts_with('市'), "{}: {name}", b.id.as_str());
            if b.contact.is_local() {
                assert!(
                    name.starts_with(area.name_zh()) || name.starts_with("城乡一体化示范区"),
                    "{}: {name} is not {}'s own office",
                    b.id.as_str(),
                    area.name_zh()
                );
            }
        }
    }
    // And the city bureaus the policy names are recognised as such.
    for a in all_agency_ids() {
        let city = a.agency().zh.starts_with('市') || a.agency().zh.starts_with("团市委");
        assert_eq!(a.is_city(), city, "{a:?}");
    }
}

#[test]
fn every_item_lists_its_documents_and_the_grave_plot_asks_for_the_entrusted_persons_id() {
    for b in BENEFITS.iter() {
        assert!(
            !b.documents.is_empty(),
            "{} has no documents",
            b.id.as_str()
        );
    }
    let grave = BenefitId::FreeGravePlot.info();
    assert!(grave.documents.iter().any(|d| d.zh.contains("受委托人")));
    let guardianship = BenefitId::Guardianship.info();
    assert!(guardianship
        .documents
        .iter()
        .any(|d| d.zh.contains("判决书")));
    assert!(!guardianship.documents.iter().any(|d| d.zh.contains("失能")));
}
