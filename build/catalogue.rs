//! Reads `policy/catalogue.toml` (one record per item, agency and document) and writes the Rust
//! that names them: `BenefitId`, `BENEFITS`, `as_str`, `in_kind`, the share link's order and the
//! documents (`catalogue.rs`, included by src/rules/benefits.rs), and `AgencyId`, `AGENCIES`
//! (`agencies.rs`), `is_city` and the local names (`agency_names.rs`), included by
//! src/rules/agencies.rs. Each is included where the hand-written code stood. The tables
//! are `const` arrays of the same shape as when they were written by hand, so the web app's
//! wasm is the same. Every text goes in as `later!("…")` or `en!("…")`, for build/english.rs.
//! A record that names an id no record defines, or two items with one link place, stops the
//! build with the record's id.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    item: Vec<Item>,
    agency: Vec<Agency>,
    document: Vec<Document>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    link: usize,
    clause: u8,
    group: String,
    in_kind: bool,
    claim: String,
    zh: String,
    en: String,
    quote: String,
    agencies: Vec<String>,
    first_stop: String,
    documents: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Agency {
    id: String,
    #[serde(default)]
    note: String,
    zh: String,
    en: String,
    hotline: Option<String>,
    #[serde(default)]
    city: bool,
    local_zh: Option<String>,
    local_en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    id: String,
    #[serde(default)]
    note: String,
    zh: String,
    en: String,
}

const SOURCE: &str = "policy/catalogue.toml";
const GROUPS: [&str; 10] = [
    "cash",
    "insurance",
    "medical",
    "elder_care",
    "housing",
    "family",
    "care",
    "legal",
    "study_work_rehab",
    "after_death",
];
const CLAIMS: [&str; 4] = ["apply", "given", "after_death", "per_stay"];

/// `special_support` → `SpecialSupport`; serde's `rename_all = "snake_case"` turns it back.
fn camel(id: &str) -> String {
    let ok = !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .split('_')
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
    assert!(ok, "{SOURCE}: {id:?} is not an id in snake_case");
    id.split('_')
        .map(|w| w[..1].to_uppercase() + &w[1..])
        .collect()
}

/// Writes the two files; returns their paths, for the text tables.
pub fn generate(out: &Path) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let c: Catalogue = toml::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    check(&c);
    let benefits = out.join("catalogue.rs");
    let names = out.join("agency_names.rs");
    std::fs::write(&benefits, benefits_rs(&c)).expect("OUT_DIR is writable");
    std::fs::write(&names, agencies_rs(&c, out)).expect("OUT_DIR is writable");
    vec![benefits, out.join("agencies.rs"), names]
}

fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a String>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        camel(id);
        assert!(
            seen.insert(id.as_str()),
            "{SOURCE}: two {what} records {id:?}"
        );
    }
    seen
}

fn check(c: &Catalogue) {
    unique("item", c.item.iter().map(|i| &i.id));
    let agencies = unique("agency", c.agency.iter().map(|a| &a.id));
    let documents = unique("document", c.document.iter().map(|d| &d.id));
    let mut links: Vec<usize> = c.item.iter().map(|i| i.link).collect();
    links.sort_unstable();
    assert!(
        links.iter().enumerate().all(|(n, l)| n == *l),
        "{SOURCE}: the items' `link` places must be 0, 1, 2, … each once (they are {links:?})"
    );
    for i in &c.item {
        let id = &i.id;
        assert!(
            GROUPS.contains(&i.group.as_str()),
            "{SOURCE}: {id}: group {:?}",
            i.group
        );
        assert!(
            CLAIMS.contains(&i.claim.as_str()),
            "{SOURCE}: {id}: claim {:?}",
            i.claim
        );
        assert!(
            (1..=17).contains(&i.clause),
            "{SOURCE}: {id}: clause {}",
            i.clause
        );
        for a in i.agencies.iter().chain([&i.first_stop]) {
            assert!(
                agencies.contains(a.as_str()),
                "{SOURCE}: {id}: no agency {a:?}"
            );
        }
        for d in &i.documents {
            assert!(
                documents.contains(d.as_str()),
                "{SOURCE}: {id}: no document {d:?}"
            );
        }
        for (field, t) in [("zh", &i.zh), ("en", &i.en), ("quote", &i.quote)] {
            assert!(!t.trim().is_empty(), "{SOURCE}: {id}: empty {field}");
        }
    }
    for a in &c.agency {
        assert!(
            a.local_zh.is_some() == a.local_en.is_some(),
            "{SOURCE}: agency {}: local_zh and local_en go together",
            a.id
        );
    }
}

fn doc_comment(rs: &mut String, indent: &str, note: &str) {
    if !note.is_empty() {
        let _ = writeln!(rs, "{indent}/// {note}");
    }
}

fn benefits_rs(c: &Catalogue) -> String {
    let mut rs =
        format!("// Generated by build/catalogue.rs from {SOURCE}: edit the records there.\n\n");
    rs.push_str(
        "/// Every item of the catalogue, in its order (one record each in policy/catalogue.toml).\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]\n\
         #[serde(rename_all = \"snake_case\")]\npub enum BenefitId {\n",
    );
    for i in &c.item {
        let _ = writeln!(rs, "    {},", camel(&i.id));
    }
    rs.push_str("}\n\n");
    for d in &c.document {
        doc_comment(&mut rs, "", &d.note);
        let _ = writeln!(
            rs,
            "pub(crate) const {}: Document = Document {{\n    zh: later!({:?}),\n    en: en!({:?}),\n}};",
            d.id.to_uppercase(),
            d.zh,
            d.en
        );
    }
    let _ = writeln!(rs, "\npub const BENEFITS: [Benefit; {}] = [", c.item.len());
    for i in &c.item {
        let list = |ids: &[String], f: &dyn Fn(&str) -> String| {
            ids.iter().map(|a| f(a)).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(
            rs,
            "    Benefit {{\n        id: BenefitId::{},\n        zh: later!({:?}),\n        en: en!({:?}),\n        \
             group: Group::{},\n        clause: {},\n        quote: later!({:?}),\n        agencies: &[{}],\n        \
             contact: AgencyId::{},\n        documents: &[{}],\n        claim: Claim::{},\n    }},",
            camel(&i.id),
            i.zh,
            i.en,
            camel(&i.group),
            i.clause,
            i.quote,
            list(&i.agencies, &|a| format!("AgencyId::{}", camel(a))),
            camel(&i.first_stop),
            list(&i.documents, &|d| d.to_uppercase()),
            camel(&i.claim),
        );
    }
    rs.push_str("];\n\n");
    let mut by_link: Vec<&Item> = c.item.iter().collect();
    by_link.sort_by_key(|i| i.link);
    let _ = writeln!(
        rs,
        "/// The items in the share link's order (each record's `link`: fixed once given).\n\
         pub const LINK_ORDER: [BenefitId; {}] = [",
        by_link.len()
    );
    for i in by_link {
        let _ = writeln!(rs, "    BenefitId::{},", camel(&i.id));
    }
    rs.push_str("];\n\nimpl BenefitId {\n");
    rs.push_str(
        "    /// The stable API name, as in the JSON.\n    pub fn as_str(self) -> &'static str {\n        match self {\n",
    );
    for i in &c.item {
        let _ = writeln!(rs, "            BenefitId::{} => {:?},", camel(&i.id), i.id);
    }
    rs.push_str("        }\n    }\n\n");
    rs.push_str(
        "    /// A service or a priority rather than money or care the family claims: the results fold\n    \
         /// these into one group after the items that pay, subsidise or look after someone (a\n    \
         /// choice of presentation, docs/decisions.md; the rules decide them like any other).\n    \
         pub fn in_kind(self) -> bool {\n",
    );
    // `matches!` as when it was written by hand: the same code in the wasm.
    let in_kind = c.item.iter().filter(|i| i.in_kind).map(|i| &i.id);
    rs.push_str(&any_of("BenefitId", in_kind));
    rs.push_str("    }\n}\n");
    rs
}

/// `agencies.rs` (the enum and the table) and `agency_names.rs` (`is_city`, `local_suffix`).
fn agencies_rs(c: &Catalogue, out: &Path) -> String {
    let mut rs =
        format!("// Generated by build/catalogue.rs from {SOURCE}: edit the records there.\n\n");
    rs.push_str(
        "/// Every agency the catalogue names (one record each in policy/catalogue.toml).\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]\n\
         #[serde(rename_all = \"snake_case\")]\npub enum AgencyId {\n",
    );
    for a in &c.agency {
        doc_comment(&mut rs, "    ", &a.note);
        let _ = writeln!(rs, "    {},", camel(&a.id));
    }
    rs.push_str("}\n\n");
    let _ = writeln!(rs, "pub const AGENCIES: [Agency; {}] = [", c.agency.len());
    for a in &c.agency {
        let hotline = match &a.hotline {
            Some(h) => format!("Some({h:?})"),
            None => "None".to_owned(),
        };
        let _ = writeln!(
            rs,
            "    Agency {{\n        id: AgencyId::{},\n        zh: later!({:?}),\n        en: en!({:?}),\n        hotline: {hotline},\n    }},",
            camel(&a.id),
            a.zh,
            a.en
        );
    }
    rs.push_str("];\n");
    std::fs::write(out.join("agencies.rs"), rs).expect("OUT_DIR is writable");
    let mut rs =
        format!("// Generated by build/catalogue.rs from {SOURCE}: edit the records there.\n\n");
    rs.push_str("impl AgencyId {\n");
    rs.push_str(
        "    /// Whether it is one of the city's own bureaus, which a family is never sent to first\n    \
         /// where its own county's office serves it. By id, not by name: the names are tags in\n    \
         /// the web build (`crate::later`). The catalogue test keeps it the same as \"its name\n    \
         /// starts with 市, or it is 团市委\".\n    pub fn is_city(self) -> bool {\n",
    );
    rs.push_str(&any_of(
        "AgencyId",
        c.agency.iter().filter(|a| a.city).map(|a| &a.id),
    ));
    rs.push_str("    }\n\n");
    // `Some(match … _ => return None)` as when it was written by hand: the same code.
    rs.push_str(
        "    /// For a county-level office, its name after the area's: 民政局 in 龙亭区民政局.\n    \
         fn local_suffix(self) -> Option<(&'static str, &'static str)> {\n        Some(match self {\n",
    );
    for a in &c.agency {
        if let (Some(zh), Some(en)) = (&a.local_zh, &a.local_en) {
            let _ = writeln!(
                rs,
                "            AgencyId::{} => (later!({zh:?}), en!({en:?})),",
                camel(&a.id)
            );
        }
    }
    rs.push_str("            _ => return None,\n        })\n    }\n}\n");
    rs
}

/// `matches!(self, Id::A | Id::B)` (`false` for none).
fn any_of<'a>(ty: &str, ids: impl Iterator<Item = &'a String>) -> String {
    let arms: Vec<String> = ids.map(|id| format!("{ty}::{}", camel(id))).collect();
    if arms.is_empty() {
        return "        false\n".to_owned();
    }
    format!("        matches!(self, {})\n", arms.join(" | "))
}
