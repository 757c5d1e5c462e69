//! Every file in `tests/scenarios/` is one household and what the policy says it gets. The file
//! name is the sentence the scenario stands for; the expectations were worked out from
//! `policy/kaifeng-2023-24.txt` and `RULINGS.md`, not copied from the engine's output.
//!
//! A file holds:
//!
//! ```json
//! {"note": "optional: why, citing the clause",
//!  "household": { ...facts, as the CLI takes them, always with an explicit as_of... },
//!  "expect": {"covered": true, "special_family": true,
//!             "totals": {"monthly": "2860", "one_off": "10000", "annual": "0"},
//!             "benefits": {"special_support": {"status": "eligible", "monthly_total": "2860",
//!                                              "eligible_from": null,
//!                                              "reasons_contain": ["女方已年满49周岁"],
//!                                              "reasons_omit": ["未填写女方信息"]}},
//!             "otherwise": "not_eligible"}}
//! ```
//!
//! Every key of `expect` and of each benefit is optional; what is present is asserted. An amount
//! or `eligible_from` (or `until`, the last day an item holds) given as `null` asserts that
//! there is none. `reasons_contain` strings must
//! each occur in some reason's Chinese text, `reasons_omit` strings in none; `documents_contain`
//! and `documents_omit` do the same for the item's papers, and `first_stop` is the first
//! office's name exactly (`first_stop_also` the other county's office named beside it, or
//! `null` for none). `outside_contain` and `outside_omit` do for the household's
//! `outside` (why the policy gives it nothing, said once) what `reasons_contain` and
//! `reasons_omit` do for an item. `totals_to_confirm` is asserted like `totals`. `today` (optional) is
//! the real date of the check when it differs from `as_of`. `otherwise` is the status of every
//! item not listed. Unknown keys are refused, so a typo cannot pass silently.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fuzhu::rules::{self, BenefitId, BenefitResult, Facts, Outcome, BENEFITS};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Fewer files than this means scenarios were lost, not that the rules got simpler.
const AT_LEAST: usize = 80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    household: Value,
    expect: Expect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    covered: Option<bool>,
    special_family: Option<bool>,
    totals: Option<ExpectTotals>,
    totals_to_confirm: Option<ExpectTotals>,
    /// The real date of the check, when it is not `as_of` (amounts after it are 按现行标准).
    today: Option<NaiveDate>,
    #[serde(default)]
    benefits: BTreeMap<String, ExpectBenefit>,
    otherwise: Option<String>,
    /// Strings each in some sentence of the household's `outside` (why this policy gives it
    /// nothing, said once), and strings in none.
    #[serde(default)]
    outside_contain: Vec<String>,
    #[serde(default)]
    outside_omit: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectTotals {
    monthly: Option<String>,
    one_off: Option<String>,
    annual: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectBenefit {
    status: Option<String>,
    #[serde(default, deserialize_with = "present")]
    monthly_total: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    one_off_total: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    annual_total: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    eligible_from: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    until: Option<Value>,
    #[serde(default)]
    reasons_contain: Vec<String>,
    #[serde(default)]
    reasons_omit: Vec<String>,
    /// The first stop's name, exactly, as the JSON gives it.
    first_stop: Option<String>,
    /// The other county's office named beside it (JSON `first_stop.also`); `null` asserts
    /// that there is none.
    #[serde(default, deserialize_with = "present")]
    first_stop_also: Option<Value>,
    #[serde(default)]
    documents_contain: Vec<String>,
    #[serde(default)]
    documents_omit: Vec<String>,
}

/// A key that is present is `Some`, even when its value is `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

const STATUSES: [&str; 4] = ["eligible", "check", "future", "not_eligible"];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/scenarios exists")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn load(path: &Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("unreadable: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("not a scenario: {e}"))
}

fn status_str(b: &BenefitResult) -> String {
    serde_json::to_value(b.status)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn money(d: Option<Decimal>) -> Value {
    match d {
        Some(d) => Value::String(d.normalize().to_string()),
        None => Value::Null,
    }
}

/// Normalises an expected amount written as a string ("2860", "2860.00") or null.
fn expected_money(v: &Value) -> Result<Value, String> {
    match v {
        Value::Null => Ok(Value::Null),
        Value::String(s) => s
            .parse::<Decimal>()
            .map(|d| Value::String(d.normalize().to_string()))
            .map_err(|e| format!("expected amount {s:?} is not a number: {e}")),
        other => Err(format!("expected amount {other} must be a string or null")),
    }
}

fn evaluate(s: &Scenario) -> Result<Outcome, String> {
    if s.household.get("as_of").and_then(Value::as_str).is_none() {
        return Err("the household must give an explicit as_of".into());
    }
    let facts: Facts =
        serde_json::from_value(s.household.clone()).map_err(|e| format!("bad household: {e}"))?;
    // Each scenario is checked on its own as_of, as a family checks on the day, unless it
    // says which day it is.
    let today = s
        .expect
        .today
        .or(facts.as_of)
        .unwrap_or(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap());
    rules::evaluate(&facts, today).map_err(|e| format!("refused: {e}"))
}

/// Every way the outcome differs from the expectation.
fn mismatches(s: &Scenario) -> Vec<String> {
    let mut bad = Vec::new();
    let out = match evaluate(s) {
        Ok(out) => out,
        Err(e) => return vec![e],
    };
    // Reasons stay neutral (no 您) so the app can word them for a family or a volunteer.
    for b in &out.benefits {
        for r in b.reasons.iter().filter(|r| r.zh.contains('您')) {
            bad.push(format!("{}: a reason says 您: {}", b.id.as_str(), r.zh));
        }
    }
    let e = &s.expect;
    // RULINGS, Round 3: why a household is outside is said once, never on each item; and a
    // paper follows the child's status and is never listed twice.
    let inside = out.special_family && out.covered;
    if inside != out.outside.is_empty() {
        bad.push(format!(
            "outside: {:?} for a household that is {}",
            out.outside
                .iter()
                .map(|r| r.zh.as_ref())
                .collect::<Vec<_>>(),
            if inside {
                "covered and special"
            } else {
                "outside the policy"
            }
        ));
    }
    for b in &out.benefits {
        if !inside && !b.reasons.is_empty() {
            bad.push(format!(
                "{}: reasons repeated on an item of a household outside the policy",
                b.id.as_str()
            ));
        }
        let docs: Vec<&str> = b.documents.iter().map(|d| d.zh).collect();
        for (i, d) in docs.iter().enumerate() {
            if docs[..i].contains(d) {
                bad.push(format!("{}: {d} listed twice", b.id.as_str()));
            }
            if d.contains("死亡证明或残疾人证") {
                bad.push(format!(
                    "{}: {d} does not follow the child's status",
                    b.id.as_str()
                ));
            }
        }
    }
    let said: Vec<&str> = out.outside.iter().map(|r| r.zh.as_ref()).collect();
    for needle in &e.outside_contain {
        if !said.iter().any(|r| r.contains(needle.as_str())) {
            bad.push(format!(
                "outside: nothing contains {needle:?}; outside: {said:?}"
            ));
        }
    }
    for needle in &e.outside_omit {
        if said.iter().any(|r| r.contains(needle.as_str())) {
            bad.push(format!(
                "outside: {needle:?} should not be there; outside: {said:?}"
            ));
        }
    }
    if let Some(c) = e.covered {
        if out.covered != c {
            bad.push(format!("covered: expected {c}, got {}", out.covered));
        }
    }
    if let Some(sf) = e.special_family {
        if out.special_family != sf {
            bad.push(format!(
                "special_family: expected {sf}, got {}",
                out.special_family
            ));
        }
    }
    for (name, expected, totals) in [
        ("totals", &e.totals, out.totals),
        (
            "totals_to_confirm",
            &e.totals_to_confirm,
            out.totals_to_confirm,
        ),
    ] {
        let Some(t) = expected else { continue };
        for (key, want, got) in [
            ("monthly", &t.monthly, totals.monthly),
            ("one_off", &t.one_off, totals.one_off),
            ("annual", &t.annual, totals.annual),
        ] {
            if let Some(want) = want {
                let got = money(Some(got));
                match expected_money(&Value::String(want.clone())) {
                    Ok(w) if w == got => {}
                    Ok(w) => bad.push(format!("{name}.{key}: expected {w}, got {got}")),
                    Err(err) => bad.push(format!("{name}.{key}: {err}")),
                }
            }
        }
    }
    if let Some(o) = &e.otherwise {
        if !STATUSES.contains(&o.as_str()) {
            bad.push(format!("otherwise: {o:?} is not a status"));
        }
    }
    for key in e.benefits.keys() {
        if BenefitId::parse(key).is_none() {
            bad.push(format!("benefits: {key:?} is not an item id"));
        }
    }
    for b in &out.benefits {
        let id = b.id.as_str();
        let got_status = status_str(b);
        let Some(want) = e.benefits.get(id) else {
            if let Some(o) = &e.otherwise {
                if *o != got_status {
                    bad.push(format!(
                        "{id}: expected {o} (otherwise), got {got_status} ({})",
                        first_reason(b)
                    ));
                }
            }
            continue;
        };
        if let Some(st) = &want.status {
            if !STATUSES.contains(&st.as_str()) {
                bad.push(format!("{id}.status: {st:?} is not a status"));
            } else if *st != got_status {
                bad.push(format!(
                    "{id}: expected {st}, got {got_status} ({})",
                    first_reason(b)
                ));
            }
        }
        for (field, want, got) in [
            ("monthly_total", &want.monthly_total, b.monthly_total),
            ("one_off_total", &want.one_off_total, b.one_off_total),
            ("annual_total", &want.annual_total, b.annual_total),
        ] {
            if let Some(want) = want {
                let got = money(got);
                match expected_money(want) {
                    Ok(w) if w == got => {}
                    Ok(w) => bad.push(format!("{id}.{field}: expected {w}, got {got}")),
                    Err(err) => bad.push(format!("{id}.{field}: {err}")),
                }
            }
        }
        for (field, want, got) in [
            ("eligible_from", &want.eligible_from, b.eligible_from),
            ("until", &want.until, b.until),
        ] {
            let Some(want) = want else { continue };
            let got = match got {
                Some(d) => Value::String(d.to_string()),
                None => Value::Null,
            };
            if *want != got {
                bad.push(format!("{id}.{field}: expected {want}, got {got}"));
            }
        }
        for needle in &want.reasons_contain {
            if !b.reasons.iter().any(|r| r.zh.contains(needle.as_str())) {
                bad.push(format!(
                    "{id}: no reason contains {needle:?}; reasons: {:?}",
                    zh_reasons(b)
                ));
            }
        }
        if let Some(stop) = &want.first_stop {
            let got = b.first_stop_zh(out.area);
            if *stop != got {
                bad.push(format!("{id}.first_stop: expected {stop}, got {got}"));
            }
        }
        if let Some(also) = &want.first_stop_also {
            let got = b.first_stop_also_zh().map_or(Value::Null, Value::String);
            if *also != got {
                bad.push(format!("{id}.first_stop_also: expected {also}, got {got}"));
            }
        }
        let docs: Vec<&str> = b.documents.iter().map(|d| d.zh).collect();
        for needle in &want.documents_contain {
            if !docs.iter().any(|d| d.contains(needle.as_str())) {
                bad.push(format!(
                    "{id}: no document contains {needle:?}; documents: {docs:?}"
                ));
            }
        }
        for needle in &want.documents_omit {
            if docs.iter().any(|d| d.contains(needle.as_str())) {
                bad.push(format!(
                    "{id}: a document contains {needle:?}; documents: {docs:?}"
                ));
            }
        }
        for needle in &want.reasons_omit {
            if b.reasons.iter().any(|r| r.zh.contains(needle.as_str())) {
                bad.push(format!(
                    "{id}: a reason contains {needle:?}, which should not be there; reasons: {:?}",
                    zh_reasons(b)
                ));
            }
        }
    }
    bad
}

fn first_reason(b: &BenefitResult) -> &str {
    b.reasons
        .first()
        .map(|r| r.zh.as_ref())
        .unwrap_or("no reason")
}

fn zh_reasons(b: &BenefitResult) -> Vec<&str> {
    b.reasons.iter().map(|r| r.zh.as_ref()).collect()
}

#[test]
fn every_scenario_gets_what_the_policy_says() {
    let mut report = Vec::new();
    let files = files();
    for path in &files {
        let problems = match load(path) {
            Ok(s) => mismatches(&s),
            Err(e) => vec![e],
        };
        if !problems.is_empty() {
            report.push(format!("{}:\n    {}", name(path), problems.join("\n    ")));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} scenarios disagree with the rules:\n{}",
        report.len(),
        files.len(),
        report.join("\n")
    );
}

#[test]
fn there_are_enough_scenarios_and_each_is_named_as_a_sentence() {
    let files = files();
    assert!(
        files.len() >= AT_LEAST,
        "only {} scenario files in {}; expected at least {AT_LEAST}",
        files.len(),
        dir().display()
    );
    let badly_named: Vec<String> = files
        .iter()
        .map(|p| name(p))
        .filter(|n| {
            let stem = n.trim_end_matches(".json");
            !stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                || stem.split('_').filter(|w| !w.is_empty()).count() < 4
        })
        .collect();
    assert!(
        badly_named.is_empty(),
        "scenario names must be sentences in snake_case: {badly_named:?}"
    );
}

/// Every item is asserted to apply (eligible, check or future) somewhere and not to apply
/// somewhere else, so no item's rule goes untested in either direction.
#[test]
fn every_item_is_asserted_both_applying_and_not_applying() {
    let mut applies: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for path in files() {
        let Ok(s) = load(&path) else { continue };
        for b in BENEFITS.iter() {
            let id = b.id.as_str();
            let status = match s.expect.benefits.get(id) {
                Some(want) => want.status.clone(),
                None => s.expect.otherwise.clone(),
            };
            if let Some(status) = status {
                applies.entry(id).or_default().insert(status);
            }
        }
    }
    let mut missing = Vec::new();
    for b in BENEFITS.iter() {
        let id = b.id.as_str();
        let seen = applies.get(id).cloned().unwrap_or_default();
        if !seen.contains("not_eligible") {
            missing.push(format!("{id} is never asserted not_eligible"));
        }
        if !seen.iter().any(|s| s != "not_eligible") {
            missing.push(format!("{id} is never asserted eligible, check or future"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The statuses the catalogue's rules can give, each asserted somewhere: `future` for every
/// item that waits on an age, `check` for every item with a condition left to an agency.
#[test]
fn every_status_an_item_can_take_is_asserted_somewhere() {
    use BenefitId::*;
    let reachable: [(BenefitId, &[&str]); 12] = [
        (SpecialSupport, &["eligible", "check", "future"]),
        (PensionSubsidy, &["eligible", "check"]),
        (CareHomePriority, &["eligible", "future"]),
        (HomeCareServices, &["eligible", "future"]),
        (HomeCareAllowance, &["check", "future"]),
        (DisabledCareSupport, &["eligible", "check", "future"]),
        (MedicalInsuranceSubsidy, &["eligible", "check"]),
        (MedicalAid, &["check"]),
        (AdoptionPriority, &["check"]),
        (LegalAid, &["check"]),
        (StudentAidPriority, &["check"]),
        (RehabilitationAid, &["check"]),
    ];
    let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for path in files() {
        let Ok(s) = load(&path) else { continue };
        for (id, want) in &s.expect.benefits {
            if let (Some(b), Some(st)) = (BenefitId::parse(id), &want.status) {
                seen.entry(b.as_str()).or_default().insert(st.clone());
            }
        }
    }
    let mut missing = Vec::new();
    for (id, statuses) in reachable {
        for st in statuses {
            if !seen.get(id.as_str()).is_some_and(|s| s.contains(*st)) {
                missing.push(format!("{} is never asserted {st}", id.as_str()));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
