//! Hostile input for the facts parser: the JSON that `fuzhu check` takes (street offices feed it
//! whole registers). Whatever the text, the path the command line takes — serde_json, then
//! `Facts` via serde_path_to_error, then `evaluate` (which validates) — must answer or refuse
//! with a clear error that names a field; it must never panic.
//!
//! 2,000 cases per property in `cargo test` (CI). The long run (docs/quality.md):
//!
//! ```sh
//! PROPTEST_CASES=200000 cargo test --release --test fuzz_facts
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::NaiveDate;
use fuzhu::rules::{evaluate, Facts};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{json, Map, Value};

/// Cases per property: `PROPTEST_CASES`, else 2,000.
fn config() -> ProptestConfig {
    ProptestConfig {
        // Shrinking a JSON tree can take long; the failing input is printed either way.
        max_shrink_iters: 2000,
        ..common::proptest_config()
    }
}

/// Every field name of the contract (docs/facts-and-results.md): a refusal must name one.
const FIELDS: &[&str] = &[
    "as_of",
    "area",
    "residence",
    "child",
    "status",
    "disability_grade",
    "disability_types",
    "birth_date",
    "schooling",
    "has_other_child",
    "parents",
    "role",
    "alive",
    "kaifeng_hukou",
    "self_care",
    "civil_capacity",
    "mobility_limited",
    "pension",
    "medical",
    "care_setting",
    "hospital_days",
    "circumstances",
    "low_income",
    "housing_difficulty",
    "dilapidated_house",
    "poverty_registered",
    "wants_another_child",
    "needs_ivf",
    "wants_to_adopt",
    "legal_dispute",
];

/// Whether `path` ("parents[1].birth_date", "child.status", "as_of"…) is made of the
/// contract's field names and array indices only.
fn names_fields(path: &str) -> bool {
    !path.is_empty()
        && path.split('.').all(|segment| {
            let name = segment.split('[').next().unwrap_or_default();
            FIELDS.contains(&name)
                && segment[name.len()..].split_terminator(']').all(|i| {
                    i.strip_prefix('[')
                        .is_some_and(|n| n.parse::<usize>().is_ok())
                })
        })
}

/// The command line's path for one household, with every way it can end checked.
fn check_text(text: &str, today: NaiveDate) -> Result<(), TestCaseError> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // Not JSON: serde_json says where ("… at line 1 column 7").
            prop_assert!(e.to_string().contains("line"), "unclear JSON error: {e}");
            return Ok(());
        }
    };
    match value {
        Value::Array(items) => {
            for item in items {
                check_value(item, today)?;
            }
            Ok(())
        }
        other => check_value(other, today),
    }
}

fn check_value(value: Value, today: NaiveDate) -> Result<(), TestCaseError> {
    let is_object = value.is_object();
    let facts: Facts = match serde_path_to_error::deserialize(value) {
        Ok(f) => f,
        Err(e) => {
            let path = e.path().to_string();
            let msg = e.into_inner().to_string();
            prop_assert!(!msg.is_empty());
            if is_object {
                // Either the place is named ("parents[0].role: unknown variant …") or the
                // message names the field ("missing field `child`", "unknown field `x`").
                prop_assert!(
                    (path != "." && names_fields(&path)) || msg.contains('`'),
                    "the refusal names no field: {path}: {msg}"
                );
            }
            return Ok(());
        }
    };
    prop_assert!(is_object, "a non-object was read as a household");
    match evaluate(&facts, today) {
        Ok(outcome) => {
            prop_assert_eq!(outcome.benefits.len(), fuzhu::rules::BENEFITS.len());
            // The command line writes it out: that must not panic either.
            prop_assert!(serde_json::to_string(&outcome).is_ok());
        }
        Err(e) => {
            prop_assert!(names_fields(&e.field), "unclear field {:?}", e.field);
            prop_assert!(!e.en.is_empty() && !e.zh.is_empty());
            prop_assert!(e.to_string().starts_with(&e.field));
        }
    }
    Ok(())
}

// --- generators ------------------------------------------------------------------------------

/// Mostly a real date in the years `years`, sometimes an edge or noise.
fn date_in(years: std::ops::Range<i32>) -> impl Strategy<Value = String> {
    prop_oneof![
        9 => (years, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => date_text(),
    ]
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Ordinary dates around the policy and the parents' lives.
        (1890i32..2060, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        // chrono's edges and other calendars' mistakes.
        prop::sample::select(vec![
            "+262142-12-31",
            "-262143-01-01",
            "+262143-01-01",
            "9999-12-31",
            "0000-01-01",
            "0000-02-29",
            "1900-02-29",
            "2000-02-29",
            "2023-02-29",
            "2023-07-31",
            "2023-08-01",
            "1899-12-31",
            "2024-13-01",
            "2024-00-10",
            "2024-1-1",
            "2024/01/01",
            "20240101",
            "2024-01-01T00:00:00",
            " 2024-01-01",
            "２０２４-01-01",
            "",
        ])
        .prop_map(String::from),
        // Date-shaped noise.
        "[+-]?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}",
    ]
}

/// A household the engine accepts or refuses for a reason of substance (not of shape).
fn household() -> impl Strategy<Value = Value> {
    let parent = |role: &'static str| {
        (
            date_in(1935..1980),
            (prop::bool::weighted(0.9), any::<[bool; 4]>())
                .prop_map(|(alive, f)| [alive, f[0], f[1], f[2], f[3]]),
            prop::sample::select(vec!["resident", "employee", "none"]),
            prop::sample::select(vec!["resident", "employee", "none"]),
            prop::sample::select(vec![
                "home",
                "public_home",
                "public_private_home",
                "private_home",
                "care_home_unknown_type",
            ]),
            // Days of this year so far: most are within the first month of any year.
            prop_oneof![4 => 0i64..31, 1 => -5i64..400],
        )
            .prop_map(move |(born, f, pension, medical, care, days)| {
                json!({
                    "role": role,
                    "birth_date": born,
                    "alive": f[0],
                    "kaifeng_hukou": f[1],
                    "self_care": f[2],
                    "civil_capacity": f[3],
                    "mobility_limited": f[4],
                    "pension": pension,
                    "medical": medical,
                    "care_setting": care,
                    "hospital_days": days,
                })
            })
    };
    let parents = prop_oneof![
        (parent("mother"), parent("father")).prop_map(|(m, f)| vec![m, f]),
        parent("mother").prop_map(|m| vec![m]),
        parent("father").prop_map(|f| vec![f]),
    ];
    let child = (
        prop::sample::select(vec!["deceased", "disabled", "living"]),
        prop_oneof![6 => (1i64..5).prop_map(Some), 1 => Just(None), 1 => (-2i64..7).prop_map(Some)],
        prop::collection::vec(
            prop::sample::select(vec![
                "vision",
                "hearing",
                "intellectual",
                "speech",
                "autism",
                "physical",
                "mental",
                "multiple",
            ]),
            0..3,
        ),
        prop::option::of(date_in(1982..2023)),
        prop::option::of(prop::sample::select(vec![
            "none",
            "high_school",
            "vocational",
            "college",
        ])),
    )
        .prop_map(|(status, grade, types, born, school)| {
            let mut c = Map::new();
            c.insert("status".into(), json!(status));
            // Disability fields on a living child are refused; most generated ones have none.
            let (grade, types, school) = if status == "living" && types.len() != 2 {
                (None, vec![], None)
            } else {
                (grade, types, school)
            };
            if let Some(g) = grade {
                c.insert("disability_grade".into(), json!(g));
            }
            if !types.is_empty() {
                c.insert("disability_types".into(), json!(types));
            }
            if let Some(b) = born {
                c.insert("birth_date".into(), json!(b));
            }
            if let Some(s) = school {
                c.insert("schooling".into(), json!(s));
            }
            Value::Object(c)
        });
    (
        // Up to two years after the test's today (2024-06-01): later is refused as a typo.
        prop::option::of(date_in(2023..2027)),
        prop::option::of(prop::sample::select(vec![
            "longting",
            "shunhe",
            "gulou",
            "yuwangtai",
            "xiangfu",
            "qixian",
            "tongxu",
            "weishi",
            "lankao",
            "shifanqu",
        ])),
        prop::sample::select(vec!["urban", "rural"]),
        child,
        any::<bool>(),
        parents,
        any::<[bool; 8]>(),
    )
        .prop_map(|(as_of, area, residence, child, other, parents, c)| {
            let mut h = Map::new();
            if let Some(d) = as_of {
                h.insert("as_of".into(), json!(d));
            }
            if let Some(a) = area {
                h.insert("area".into(), json!(a));
            }
            h.insert("residence".into(), json!(residence));
            h.insert("child".into(), child);
            h.insert("has_other_child".into(), json!(other));
            h.insert("parents".into(), json!(parents));
            h.insert(
                "circumstances".into(),
                json!({
                    "low_income": c[0], "housing_difficulty": c[1], "dilapidated_house": c[2],
                    "poverty_registered": c[3], "wants_another_child": c[4], "needs_ivf": c[5],
                    "wants_to_adopt": c[6], "legal_dispute": c[7],
                }),
            );
            Value::Object(h)
        })
}

/// Any JSON value, nested a little.
fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![
            i64::MIN,
            i64::MAX,
            -1,
            0,
            1,
            4,
            5,
            366,
            367,
            u32::MAX as i64
        ])
        .prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        date_text().prop_map(Value::from),
        prop::sample::select(FIELDS.to_vec()).prop_map(Value::from),
        prop::sample::select(vec![
            "mother", "father", "deceased", "disabled", "urban", "rural", "none", "home", "Mother",
            "DECEASED", "true", "1", "", "\u{feff}", "母亲",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{0,10}", inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// One change to a household: where (an index into its nodes) and what.
#[derive(Debug, Clone)]
enum Change {
    /// Replace the node with any value.
    Replace(Value),
    /// Remove the node from its object or array.
    Remove,
    /// Add a key to the object (or the nearest object above it).
    AddKey(String, Value),
    /// Repeat the array's first element (a third parent, a repeated disability type).
    Repeat,
}

fn change() -> impl Strategy<Value = (prop::sample::Index, Change)> {
    (
        any::<prop::sample::Index>(),
        prop_oneof![
            3 => junk().prop_map(Change::Replace),
            2 => Just(Change::Remove),
            1 => (
                prop_oneof![prop::sample::select(FIELDS.to_vec()).prop_map(String::from), "[a-zA-Z_]{1,12}"],
                junk()
            )
                .prop_map(|(k, v)| Change::AddKey(k, v)),
            1 => Just(Change::Repeat),
        ],
    )
}

/// The paths to every node of `v`, the root first.
fn nodes(v: &Value, here: Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let mut p = here.clone();
                p.push(PathStep::Key(k.clone()));
                nodes(child, p, out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                let mut p = here.clone();
                p.push(PathStep::Index(i));
                nodes(child, p, out);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(v: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

fn apply(mut v: Value, changes: &[(prop::sample::Index, Change)]) -> Value {
    for (at, change) in changes {
        let mut all = Vec::new();
        nodes(&v, Vec::new(), &mut all);
        let path = all[at.index(all.len())].clone();
        match change {
            Change::Replace(new) => *node_mut(&mut v, &path) = new.clone(),
            Change::Remove => {
                if let Some((last, parent)) = path.split_last() {
                    match (node_mut(&mut v, parent), last) {
                        (Value::Object(m), PathStep::Key(k)) => {
                            m.remove(k);
                        }
                        (Value::Array(a), PathStep::Index(i)) => {
                            a.remove(*i);
                        }
                        _ => {}
                    }
                }
            }
            Change::AddKey(k, new) => {
                let mut p = path.as_slice();
                loop {
                    if let Value::Object(m) = node_mut(&mut v, p) {
                        m.insert(k.clone(), new.clone());
                        break;
                    }
                    match p.split_last() {
                        Some((_, up)) => p = up,
                        None => break,
                    }
                }
            }
            Change::Repeat => {
                if let Value::Array(a) = node_mut(&mut v, &path) {
                    if let Some(first) = a.first().cloned() {
                        a.push(first);
                    }
                }
            }
        }
    }
    v
}

fn today() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (2023i32..2045, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
        1 => prop::sample::select(vec![NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()]),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Whole households of the right shape: answered, or refused naming the field.
    #[test]
    fn households_are_answered_or_refused_by_field(h in household(), today in today()) {
        check_text(&h.to_string(), today)?;
    }

    /// Households with one to four changes anywhere: a node replaced by any JSON, a field
    /// removed, an unknown or duplicate key added, an array's element repeated.
    #[test]
    fn changed_households_never_panic(
        h in household(),
        changes in prop::collection::vec(change(), 1..5),
        today in today(),
    ) {
        check_text(&apply(h, &changes).to_string(), today)?;
    }

    /// Text that is JSON only by chance: JSON-ish tokens, any characters, cut households.
    #[test]
    fn any_text_never_panics(
        text in prop_oneof![
            ".{0,64}",
            "[\\[\\]{}\":,0-9a-z_. -]{0,80}",
            prop::collection::vec(
                prop::sample::select(vec![
                    "{", "}", "[", "]", ":", ",", "\"", "\"parents\"", "\"child\"", "\"role\"",
                    "\"mother\"", "\"birth_date\"", "\"1960-01-01\"", "true", "null", "-1",
                    "1e999", "0.5", "\\u0000", "\\ud800", "\u{feff}",
                ]),
                0..40,
            )
            .prop_map(|t| t.concat()),
        ],
        today in today(),
    ) {
        check_text(&text, today)?;
    }

    /// A valid household cut short, or with a byte flipped.
    #[test]
    fn damaged_households_never_panic(
        h in household(),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        by in 1u8..=255,
        today in today(),
    ) {
        let text = h.to_string();
        let mut bytes = text.clone().into_bytes();
        let i = flip.index(bytes.len());
        bytes[i] ^= by;
        if let Ok(flipped) = String::from_utf8(bytes) {
            check_text(&flipped, today)?;
        }
        let end = cut.index(text.len());
        if text.is_char_boundary(end) {
            check_text(&text[..end], today)?;
        }
    }
}

/// The generators reach the engine: most generated households are answered, so the changes
/// above start from households that get past validation.
#[test]
fn most_generated_households_are_answered() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let n = 1000;
    let answered = (0..n)
        .filter(|_| {
            let h = household().new_tree(&mut runner).unwrap().current();
            serde_json::from_value::<Facts>(h).is_ok_and(|f| evaluate(&f, today).is_ok())
        })
        .count();
    assert!(answered * 100 >= n * 40, "only {answered} of {n} answered");
}

/// A plain valid household is answered.
#[test]
fn a_plain_household_is_answered() {
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let text = include_str!("../examples/household.json");
    let facts: Facts = serde_json::from_str(text).unwrap();
    assert!(evaluate(&facts, today).is_ok());
    check_text(text, today).unwrap();
}
