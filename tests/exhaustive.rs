//! Every combination of the categorical answers, or as near as runs in a few seconds: the full
//! product over the answers that decide who is special, covered and which age threshold holds,
//! then each parent's own answers in full over a smaller set of households, then the
//! circumstance flags one at a time, all off and all on. Every outcome must keep the invariants
//! the results contract promises (`docs/facts-and-results.md`), whatever the answers.

use chrono::{Datelike, Days, NaiveDate};
use fuzhu::rules::{
    self, clause, Area, BenefitId, CareSetting, Child, ChildStatus, Circumstances, DisabilityType,
    Facts, Marital, Outcome, Parent, Residence, Role, Scheme, Schooling, Status, BENEFITS,
};
use rust_decimal::Decimal;
use serde_json::Value;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// When a parent was born, relative to the check date.
#[derive(Clone, Copy, Debug)]
enum Age {
    /// Exactly `years` old on as_of, shifted by `days` (+1: the birthday is tomorrow).
    Years(i32, i64),
    /// A fixed birth date (29 February births).
    Born(NaiveDate),
}

impl Age {
    fn birth(self, as_of: NaiveDate) -> NaiveDate {
        match self {
            Age::Born(d) => d,
            Age::Years(y, shift) => {
                let year = as_of.year() - y;
                let base = as_of.with_year(year).unwrap_or_else(|| date(year, 3, 1));
                if shift >= 0 {
                    base + Days::new(shift as u64)
                } else {
                    base - Days::new((-shift) as u64)
                }
            }
        }
    }
}

const AGES: [Age; 9] = [
    Age::Years(40, 0),
    Age::Years(49, 1),
    Age::Years(49, 0),
    Age::Years(49, -1),
    Age::Years(60, 1),
    Age::Years(60, 0),
    Age::Years(75, 0),
    Age::Born(match NaiveDate::from_ymd_opt(1976, 2, 29) {
        Some(d) => d,
        None => panic!(),
    }),
    Age::Born(match NaiveDate::from_ymd_opt(1964, 2, 29) {
        Some(d) => d,
        None => panic!(),
    }),
];

const FEW_AGES: [Age; 4] = [
    Age::Years(40, 0),
    Age::Years(49, 0),
    Age::Years(60, 0),
    Age::Years(75, 0),
];

fn as_of_dates() -> [NaiveDate; 3] {
    [date(2023, 8, 1), date(2024, 6, 1), date(2025, 3, 1)]
}

fn children() -> Vec<Child> {
    let plain = |status| Child {
        status,
        disability_grade: None,
        disability_types: vec![],
        birth_date: None,
        schooling: None,
        civil_capacity: None,
    };
    let disabled = |grade, types: Vec<DisabilityType>, born: Option<NaiveDate>, school| Child {
        status: ChildStatus::Disabled,
        disability_grade: Some(grade),
        disability_types: types,
        birth_date: born,
        schooling: school,
        civil_capacity: None,
    };
    let mut v = vec![plain(ChildStatus::Deceased), plain(ChildStatus::Living)];
    for g in 1..=4 {
        v.push(disabled(g, vec![], None, None));
    }
    v.push(disabled(
        2,
        vec![DisabilityType::Physical],
        Some(date(2007, 9, 1)),
        Some(Schooling::HighSchool),
    ));
    // Six until the day before 1 June 2024, seven from then.
    v.push(disabled(
        3,
        vec![DisabilityType::Autism],
        Some(date(2017, 6, 1)),
        Some(Schooling::None),
    ));
    v.push(disabled(
        1,
        vec![DisabilityType::Mental],
        Some(date(2020, 1, 1)),
        None,
    ));
    // An adult without civil capacity (clause 8's 家庭成员, RULINGS), and one just short of 18
    // on the middle check date.
    let mut adult = disabled(
        1,
        vec![DisabilityType::Intellectual],
        Some(date(1990, 3, 1)),
        None,
    );
    adult.civil_capacity = Some(false);
    v.push(adult.clone());
    adult.birth_date = Some(date(2006, 6, 2));
    v.push(adult);
    v
}

fn parent(role: Role, birth_date: NaiveDate, alive: bool, kaifeng_hukou: bool) -> Parent {
    Parent {
        alive,
        ..Parent::new(role, birth_date, kaifeng_hukou)
    }
}

/// Every (alive, hukou, age) for one parent.
fn states(ages: &[Age]) -> Vec<(bool, bool, Age)> {
    let mut v = Vec::new();
    for alive in [true, false] {
        for hukou in [true, false] {
            for &age in ages {
                v.push((alive, hukou, age));
            }
        }
    }
    v
}

/// Every list of parents over `ages`: a couple (in both orders for the first `reorder`
/// states), a mother alone, a father alone, living or late (both late included: RULINGS).
fn parent_lists(as_of: NaiveDate, ages: &[Age], reorder: bool) -> Vec<Vec<Parent>> {
    let st = states(ages);
    let mut out = Vec::new();
    for &(ma, mh, mage) in &st {
        for &(fa, fh, fage) in &st {
            let m = parent(Role::Mother, mage.birth(as_of), ma, mh);
            let f = parent(Role::Father, fage.birth(as_of), fa, fh);
            if reorder && matches!(mage, Age::Years(49, _)) {
                out.push(vec![f.clone(), m.clone()]);
            }
            out.push(vec![m, f]);
        }
    }
    for &(alive, hukou, age) in &st {
        out.push(vec![parent(Role::Mother, age.birth(as_of), alive, hukou)]);
        out.push(vec![parent(Role::Father, age.birth(as_of), alive, hukou)]);
    }
    out
}

fn flag_sets() -> Vec<Circumstances> {
    let mut v = vec![Circumstances::default()];
    for i in 0..8 {
        let mut c = Circumstances::default();
        *flags(&mut c)[i] = true;
        v.push(c);
    }
    let mut all = Circumstances::default();
    for f in flags(&mut all) {
        *f = true;
    }
    v.push(all);
    v
}

fn flags(c: &mut Circumstances) -> [&mut bool; 8] {
    [
        &mut c.low_income,
        &mut c.housing_difficulty,
        &mut c.dilapidated_house,
        &mut c.poverty_registered,
        &mut c.wants_another_child,
        &mut c.needs_ivf,
        &mut c.wants_to_adopt,
        &mut c.legal_dispute,
    ]
}

/// Runs the invariants over every household `each` is handed, collecting failures.
struct Run {
    count: usize,
    failures: Vec<String>,
}

impl Run {
    fn new() -> Self {
        Run {
            count: 0,
            failures: Vec::new(),
        }
    }

    fn check(&mut self, facts: &Facts) {
        self.count += 1;
        // Serialising is the slow part in debug builds (hundreds of µs): every 101st household
        // still covers every shape many times over.
        let json = self.count % 101 == 0;
        // Reason texts are nearly all fixed sentences; every 29th household reads them all.
        let texts = self.count % 29 == 0;
        // Checked on a day in the middle of the check dates: later ones are "按现行标准".
        // RULINGS, Round 3: a birth no parent could have given is refused as a typo, naming
        // the parent's birth date; every other household is answered.
        let implausible = implausible_birth(facts);
        let problems = match (rules::evaluate(facts, date(2024, 6, 1)), implausible) {
            (Ok(out), None) => invariants(facts, &out, json, texts),
            (Ok(_), Some(i)) => vec![format!("parents[{i}]'s age at the birth is accepted")],
            (Err(e), Some(i)) if e.field == format!("parents[{i}].birth_date") => vec![],
            (Err(e), _) => vec![format!("refused: {e}")],
        };
        if !problems.is_empty() && self.failures.len() < 20 {
            self.failures.push(format!(
                "{}\n    {}",
                serde_json::to_string(facts).unwrap(),
                problems.join("\n    ")
            ));
        }
    }

    fn finish(self, at_least: usize) {
        assert!(
            self.failures.is_empty(),
            "invariants broken (first {} shown):\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
        assert!(
            self.count >= at_least,
            "only {} households enumerated, expected at least {at_least}",
            self.count
        );
        println!("{} households checked", self.count);
    }
}

/// The first parent whose age at the child's birth no parent has: under 14, a mother of 60 or
/// more, a father of 80 or more.
fn implausible_birth(facts: &Facts) -> Option<usize> {
    use rules::facts::birthday;
    let child = facts.child.birth_date?;
    facts.parents.iter().position(|p| {
        let max = match p.role {
            Role::Mother => 60,
            Role::Father => 80,
        };
        child >= p.birth_date
            && (child < birthday(p.birth_date, 14) || child >= birthday(p.birth_date, max))
    })
}

fn base(as_of: NaiveDate, child: Child, other: bool, residence: Residence) -> Facts {
    Facts {
        as_of: Some(as_of),
        area: None,
        residence,
        child,
        has_other_child: other,
        parents: vec![],
        circumstances: Circumstances::default(),
    }
}

const DEATH_ONLY: [BenefitId; 5] = [
    BenefitId::DeathRelief,
    BenefitId::ParentRewards,
    BenefitId::HomeCareAllowance,
    BenefitId::DisabledCareSupport,
    BenefitId::NursingInsurance,
];

const EVERY_SPECIAL_FAMILY: [BenefitId; 6] = [
    BenefitId::MedicalPriority,
    BenefitId::AssignedHelpers,
    BenefitId::FestivalVisits,
    BenefitId::VolunteerSupport,
    BenefitId::FreeGravePlot,
    BenefitId::CareHomePriority,
];

fn invariants(facts: &Facts, out: &Outcome, json: bool, texts: bool) -> Vec<String> {
    let mut bad = Vec::new();
    let as_of = facts.as_of.unwrap();
    let c = &facts.child;
    let died = c.status == ChildStatus::Deceased;
    // RULINGS, Round 3: another child is per parent; special while one listed parent has none.
    let special = (died
        || (c.status == ChildStatus::Disabled && matches!(c.disability_grade, Some(1..=3))))
        && !facts.has_other_child
        && facts.parents.iter().any(|p| !p.other_child);
    // The living parents the policy serves as persons: without another child of their own.
    let living = || facts.parents.iter().filter(|p| p.alive && !p.other_child);
    let any_living = facts.parents.iter().any(|p| p.alive);
    // RULINGS: a late parent's 户籍 counts too.
    let covered = facts.parents.iter().any(|p| p.kaifeng_hukou);
    if out.special_family != special {
        bad.push(format!("special_family {} ≠ {special}", out.special_family));
    }
    if out.covered != covered {
        bad.push(format!("covered {} ≠ {covered}", out.covered));
    }
    if out.as_of != as_of {
        bad.push("as_of not echoed".into());
    }
    if out.benefits.len() != 25 {
        bad.push(format!("{} results", out.benefits.len()));
    }
    // Why a household is outside is said once (RULINGS, Round 3).
    let inside = special && covered;
    if inside != out.outside.is_empty() {
        bad.push(format!("outside {:?}", out.outside));
    }
    for (b, info) in out.benefits.iter().zip(BENEFITS.iter()) {
        let id = b.id.as_str();
        if b.id != info.id {
            bad.push(format!("{id} out of catalogue order"));
        }
        if (!special || !covered) && b.status != Status::NotEligible {
            bad.push(format!(
                "{id} is {:?} for a household outside the policy",
                b.status
            ));
        }
        if inside && b.reasons.is_empty() {
            bad.push(format!("{id} has no reason"));
        }
        if !inside && !b.reasons.is_empty() {
            bad.push(format!("{id} repeats why the household is outside"));
        }
        for r in b.reasons.iter().filter(|_| texts) {
            if r.zh.trim().is_empty() || r.en.trim().is_empty() {
                bad.push(format!("{id} has an empty reason: {r:?}"));
            }
            if r.zh.contains('您') {
                bad.push(format!("{id}: reasons stay neutral, no 您: {}", r.zh));
            }
            if (r.en.contains("you") || r.en.contains("You"))
                && r.en
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| matches!(w, "you" | "You" | "your" | "Your"))
            {
                bad.push(format!("{id}: reasons stay neutral, no you: {}", r.en));
            }
        }
        if b.applies() {
            if clause(info.clause).is_none() {
                bad.push(format!("{id} rests on a missing clause {}", info.clause));
            }
            if info.agencies.is_empty() {
                bad.push(format!("{id} names no agency"));
            }
        }
        for (name, amount) in [
            ("monthly", b.monthly_total),
            ("one_off", b.one_off_total),
            ("annual", b.annual_total),
        ] {
            if amount.is_some_and(|a| a.is_sign_negative() && !a.is_zero()) {
                bad.push(format!("{id} {name} amount is negative"));
            }
        }
        let future = b.status == Status::Future;
        let later = b.eligible_from.is_some_and(|d| d > as_of);
        if future != later {
            bad.push(format!(
                "{id}: status {:?} with eligible_from {:?} (as_of {as_of})",
                b.status, b.eligible_from
            ));
        }
        if !future && b.eligible_from.is_some() {
            bad.push(format!("{id}: eligible_from on a non-future item"));
        }
        if !died && DEATH_ONLY.contains(&b.id) && b.applies() {
            bad.push(format!("{id} applies though the child did not die"));
        }
        if c.status != ChildStatus::Disabled
            && matches!(
                b.id,
                BenefitId::StudentAidPriority | BenefitId::RehabilitationAid
            )
            && b.applies()
        {
            bad.push(format!("{id} applies though the child is not disabled"));
        }
        let served = living().next().is_some();
        if special && covered && served && EVERY_SPECIAL_FAMILY.contains(&b.id) && !b.applies() {
            bad.push(format!("{id} should apply to every covered special family"));
        }
        // RULINGS: with both parents late, only the child's, the household's and the grave
        // plot remain; with no one living, only the grave plot.
        if !any_living && b.applies() {
            let child_lives = c.status != ChildStatus::Deceased;
            let allowed = match b.id {
                BenefitId::FreeGravePlot => true,
                BenefitId::Guardianship
                | BenefitId::RehabilitationAid
                | BenefitId::StudentAidPriority
                | BenefitId::AssignedHelpers
                | BenefitId::FestivalVisits
                | BenefitId::VolunteerSupport => child_lives,
                _ => false,
            };
            if !allowed {
                bad.push(format!("{id} applies though both parents have died"));
            }
        }
        if special
            && covered
            && !any_living
            && b.id == BenefitId::FreeGravePlot
            && b.status != Status::Eligible
        {
            bad.push("free_grave_plot must be eligible once both parents have died".into());
        }
        // Where to go first is a place the family can walk into, never a city bureau.
        if b.first_stop.is_city() {
            bad.push(format!(
                "{id}: first stop is a city bureau {:?}",
                b.first_stop
            ));
        }
        // Papers follow the family: no ID card of a late parent, no certificate not yet held.
        if special && covered {
            let zh: Vec<&str> = b.documents.iter().map(|d| d.zh).collect();
            let needs_both_ids = zh.contains(&"夫妻双方居民身份证");
            if needs_both_ids && living().count() < 2 {
                bad.push(format!(
                    "{id}: asks for both ID cards with one parent living"
                ));
            }
            let ss = out.get(BenefitId::SpecialSupport).status;
            if zh.contains(&"计划生育家庭特别扶助制度扶助证")
                && !matches!(ss, Status::Eligible | Status::Check)
            {
                bad.push(format!(
                    "{id}: asks for the certificate before it can be held"
                ));
            }
            if b.id == BenefitId::Guardianship && zh.iter().any(|d| d.contains("失能")) {
                bad.push("guardianship asks for a self-care assessment".into());
            }
            // RULINGS, Round 3: papers follow the child's status, no paper twice, and a
            // divorced parent brings the 离婚证 and their own card.
            for (i, d) in zh.iter().enumerate() {
                if zh[..i].contains(d) {
                    bad.push(format!("{id}: {d} twice"));
                }
                if d.contains("死亡证明或残疾人证") {
                    bad.push(format!("{id}: {d} does not follow the child's status"));
                }
            }
            let divorced = facts.parents.iter().any(|p| p.marital == Marital::Divorced);
            let all_alive = facts.parents.iter().all(|p| p.alive);
            if divorced && all_alive && (zh.contains(&"结婚证") || needs_both_ids) {
                bad.push(format!("{id}: a divorced parent asked for {zh:?}"));
            }
        }
        // RULINGS, Round 3: clause 7 is for couples.
        if b.id == BenefitId::RebirthSupport && b.status == Status::Eligible {
            let alive = facts.parents.iter().filter(|p| p.alive).count();
            let apart = facts.parents.iter().any(|p| p.marital != Marital::Married);
            if alive < 2 || apart {
                bad.push("rebirth_support eligible for one living parent or a couple apart".into());
            }
        }
        // RULINGS, Round 3: a person's own 户籍, and no date from a parent who does not count.
        let own_hukou = matches!(
            b.id,
            BenefitId::ParentRewards
                | BenefitId::HomeCareServices
                | BenefitId::HomeCareAllowance
                | BenefitId::PensionSubsidy
                | BenefitId::MedicalInsuranceSubsidy
                | BenefitId::NursingInsurance
        );
        if special && covered && own_hukou && b.applies() {
            if !living().any(|p| p.kaifeng_hukou) {
                bad.push(format!(
                    "{id} applies with no living parent registered in Kaifeng"
                ));
            }
            if let Some(from) = b.eligible_from {
                let counted = living()
                    .filter(|p| p.kaifeng_hukou)
                    .any(|p| rules::facts::birthday(p.birth_date, 60) == from);
                if !counted {
                    bad.push(format!(
                        "{id}: the date {from} is not a counted parent's 60th"
                    ));
                }
            }
        }
        // RULINGS (registers): adoption is not asked of the old.
        if b.id == BenefitId::AdoptionPriority
            && !facts.circumstances.wants_to_adopt
            && b.reasons.iter().any(|r| r.zh.contains("未填写"))
            && facts
                .parents
                .iter()
                .filter(|p| p.alive)
                .all(|p| rules::facts::birthday(p.birth_date, 60) <= as_of)
        {
            bad.push("adoption is asked of parents who are all 60 or over".into());
        }
        // The pension subsidy is for contribution years: a parent of 60 makes no claim.
        if b.id == BenefitId::PensionSubsidy && b.status == Status::Eligible {
            let contributing = living().any(|p| {
                p.kaifeng_hukou
                    && p.pension == rules::Scheme::Resident
                    && rules::facts::birthday(p.birth_date, 60) > as_of
            });
            if !contributing {
                bad.push("pension_subsidy eligible with no contributing parent under 60".into());
            }
        }
        // An adult disabled child without civil capacity brings in guardianship.
        if special
            && covered
            && b.id == BenefitId::Guardianship
            && c.status == ChildStatus::Disabled
            && c.civil_capacity == Some(false)
            && c.birth_date
                .is_some_and(|d| rules::facts::birthday(d, 18) <= as_of)
            && b.status != Status::Eligible
        {
            bad.push("guardianship not eligible for an adult child without civil capacity".into());
        }
    }
    // The amounts, from the policy's own figures.
    if special && covered {
        let hukou_living = living().filter(|p| p.kaifeng_hukou).count() as i64;
        let ss = out.get(BenefitId::SpecialSupport);
        let want = (died && hukou_living > 0).then(|| Decimal::from(1430 * hukou_living));
        if ss.monthly_total != want {
            bad.push(format!(
                "special_support monthly {:?}, expected {want:?}",
                ss.monthly_total
            ));
        }
        if died && any_living {
            let listed = facts.parents.iter().filter(|p| p.kaifeng_hukou).count();
            let want = Decimal::from(if listed == 2 { 10_000 } else { 5_000 });
            let relief = out.get(BenefitId::DeathRelief);
            if relief.one_off_total != Some(want) || relief.status != Status::Check {
                bad.push(format!(
                    "death_relief {:?} {:?}, expected check with {want}",
                    relief.status, relief.one_off_total
                ));
            }
        }
        if died && hukou_living > 0 {
            let days: i64 = living()
                .filter(|p| p.kaifeng_hukou)
                .map(|p| p.hospital_days.min(90))
                .sum();
            let got = out.get(BenefitId::NursingInsurance).annual_total;
            if got != Some(Decimal::from(300 * days)) {
                bad.push(format!(
                    "nursing_insurance {got:?}, expected {}",
                    300 * days
                ));
            }
        }
    }
    // Totals: what eligible items pay, nothing else; what check items would pay apart.
    for (totals, status) in [
        (out.totals, Status::Eligible),
        (out.totals_to_confirm, Status::Check),
    ] {
        let sum = |f: fn(&rules::BenefitResult) -> Option<Decimal>| -> Decimal {
            out.benefits
                .iter()
                .filter(|b| b.status == status)
                .filter_map(f)
                .sum()
        };
        if totals.monthly != sum(|b| b.monthly_total)
            || totals.one_off != sum(|b| b.one_off_total)
            || totals.annual != sum(|b| b.annual_total)
        {
            bad.push(format!(
                "totals {totals:?} are not the sum over {status:?} items"
            ));
        }
    }
    if json {
        bad.extend(json_contract(facts, out));
    }
    bad
}

fn money(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.normalize().to_string()))
}

/// The serialised outcome has exactly the documented keys and says what the struct says; the
/// facts survive a round trip too.
fn json_contract(facts: &Facts, out: &Outcome) -> Vec<String> {
    let mut bad = Vec::new();
    let text = serde_json::to_string(out).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    if v != serde_json::to_value(out).unwrap() {
        bad.push("JSON text and value differ".into());
    }
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let want_top = [
        "as_of",
        "benefits",
        "covered",
        "outside",
        "rules_version",
        "special_family",
        "totals",
        "totals_to_confirm",
    ];
    if keys(&v) != want_top {
        bad.push(format!("top-level keys {:?}", keys(&v)));
    }
    if v["rules_version"] != rules::RULES_VERSION
        || v["as_of"] != out.as_of.to_string()
        || v["covered"] != out.covered
        || v["special_family"] != out.special_family
    {
        bad.push("top-level values".into());
    }
    if keys(&v["totals"]) != ["annual", "monthly", "one_off"]
        || v["totals"]["monthly"] != money(Some(out.totals.monthly))
        || v["totals"]["one_off"] != money(Some(out.totals.one_off))
        || v["totals"]["annual"] != money(Some(out.totals.annual))
    {
        bad.push(format!("totals {}", v["totals"]));
    }
    let want_item = [
        "agencies",
        "annual_total",
        "clause",
        "documents",
        "eligible_from",
        "first_stop",
        "id",
        "monthly_total",
        "one_off_total",
        "reasons",
        "status",
        "title",
        "title_en",
        "until",
    ];
    let items = v["benefits"].as_array().unwrap();
    if items.len() != out.benefits.len() {
        bad.push("benefits length".into());
    }
    for (j, b) in items.iter().zip(&out.benefits) {
        let id = b.id.as_str();
        let info = b.id.info();
        if keys(j) != want_item {
            bad.push(format!("{id} keys {:?}", keys(j)));
            continue;
        }
        // Only the 0—6岁 rehabilitation priority ends on a date, never before today.
        let until = b
            .until
            .map_or(Value::Null, |d| Value::String(d.to_string()));
        if j["until"] != until
            || b.until
                .is_some_and(|d| b.id != BenefitId::RehabilitationAid || d < out.as_of)
        {
            bad.push(format!("{id}: until {:?}", b.until));
        }
        let status = serde_json::to_value(b.status).unwrap();
        let from = b
            .eligible_from
            .map_or(Value::Null, |d| Value::String(d.to_string()));
        let reasons: Vec<Value> = b
            .reasons
            .iter()
            .map(|r| Value::from(r.zh.as_ref()))
            .collect();
        if j["id"] != id
            || j["status"] != status
            || j["clause"] != info.clause
            || j["title"] != info.zh
            || j["title_en"] != info.en
            || j["eligible_from"] != from
            || j["monthly_total"] != money(b.monthly_total)
            || j["one_off_total"] != money(b.one_off_total)
            || j["annual_total"] != money(b.annual_total)
            || j["reasons"] != Value::Array(reasons)
            || j["documents"].as_array().map(Vec::len) != Some(b.documents.len())
            || j["first_stop"]["id"] != serde_json::to_value(b.first_stop).unwrap()
            || j["first_stop"]["name"].as_str().is_none_or(str::is_empty)
            // `also` only where two receivers' counties differ, and never the name again.
            || j["first_stop"]["also"].as_str() != b.first_stop_also_zh().as_deref()
            || j["first_stop"]["also"] == j["first_stop"]["name"]
        {
            bad.push(format!("{id} JSON says something else: {j}"));
        }
        let agencies = j["agencies"].as_array().unwrap();
        if agencies.len() != info.agencies.len()
            || agencies
                .iter()
                .any(|a| keys(a) != ["id", "name"] || a["name"].as_str().is_none_or(str::is_empty))
        {
            bad.push(format!("{id} agencies {}", j["agencies"]));
        }
    }
    let back: Facts = serde_json::from_str(&serde_json::to_string(facts).unwrap()).unwrap();
    if back != *facts {
        bad.push("facts do not survive a JSON round trip".into());
    }
    bad
}

/// Child × other child × every list of parents (alive, 户籍, ages on both sides of 49 and 60,
/// 29 February births) × three check dates. (Residence only matters with circumstances: see
/// below.)
#[test]
fn every_household_shape_keeps_the_invariants() {
    let mut run = Run::new();
    for as_of in as_of_dates() {
        let lists = parent_lists(as_of, &AGES, true);
        for child in children() {
            for other in [false, true] {
                let mut f = base(as_of, child.clone(), other, Residence::Urban);
                for parents in &lists {
                    f.parents.clone_from(parents);
                    run.check(&f);
                }
            }
        }
    }
    run.finish(70_000);
}

/// Each circumstance flag alone, all off and all on, over the household shapes with fewer ages.
#[test]
fn every_circumstance_keeps_the_invariants() {
    let mut run = Run::new();
    let as_of = date(2024, 6, 1);
    let lists = parent_lists(as_of, &FEW_AGES, false);
    let kids = children();
    // Deceased, living, grades 3 and 4, and the disabled child at school.
    let kids = [&kids[0], &kids[1], &kids[4], &kids[5], &kids[6]];
    for circumstances in flag_sets() {
        for child in kids {
            for other in [false, true] {
                for residence in [Residence::Urban, Residence::Rural] {
                    let mut f = base(as_of, child.clone(), other, residence);
                    f.circumstances = circumstances.clone();
                    for parents in &lists {
                        f.parents.clone_from(parents);
                        run.check(&f);
                    }
                }
            }
        }
    }
    run.finish(40_000);
}

/// Every combination of one parent's own answers (pension, medical scheme, care setting,
/// self-care, civil capacity, mobility, hospital days), for either parent, over a set of
/// households that differ in who is alive, who holds 户籍, ages and the child.
#[test]
fn every_combination_of_a_parents_own_answers_keeps_the_invariants() {
    let mut run = Run::new();
    let as_of = date(2024, 6, 1);
    let schemes = [Scheme::Resident, Scheme::Employee, Scheme::None];
    let settings = std::iter::once(None)
        .chain(CareSetting::ALL.map(Some))
        .collect::<Vec<_>>();
    let days = [0, 90, 91];
    let kids = children();
    let kids = [&kids[0], &kids[3], &kids[7]];
    let age_pairs = [(55, 62), (62, 40), (48, 59)];
    for child in kids {
        for (ma, fa) in age_pairs {
            for alive in [(true, true), (true, false), (false, true), (false, false)] {
                for hukou in [(true, true), (true, false), (false, true)] {
                    for varied in 0..2 {
                        let m = parent(
                            Role::Mother,
                            Age::Years(ma, 0).birth(as_of),
                            alive.0,
                            hukou.0,
                        );
                        let f = parent(
                            Role::Father,
                            Age::Years(fa, 0).birth(as_of),
                            alive.1,
                            hukou.1,
                        );
                        let mut facts = base(as_of, child.clone(), false, Residence::Urban);
                        facts.parents = vec![m, f];
                        for pension in schemes {
                            for medical in schemes {
                                for &setting in &settings {
                                    for (self_care, civil, mobility) in [
                                        (Some(true), true, false),
                                        (None, true, false),
                                        (Some(false), true, false),
                                        (Some(true), false, false),
                                        (Some(true), true, true),
                                        (Some(false), false, true),
                                    ] {
                                        for d in days {
                                            let p = &mut facts.parents[varied];
                                            p.pension = pension;
                                            p.medical = medical;
                                            p.care_setting = setting;
                                            p.self_care = self_care;
                                            p.civil_capacity = civil;
                                            p.mobility_limited = mobility;
                                            p.hospital_days = d;
                                            run.check(&facts);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    run.finish(25_000);
}

/// Every combination of the per-parent facts of Round 3 (another child of one's own, divorce
/// or remarriage, one's own county), for either parent, over households that differ in who is
/// alive, who holds 户籍, ages, the child and the wish for another child or to adopt.
#[test]
fn every_combination_of_the_per_parent_facts_keeps_the_invariants() {
    let mut run = Run::new();
    let as_of = date(2024, 6, 1);
    let kids = children();
    let kids = [&kids[0], &kids[3], &kids[5], &kids[9]];
    let areas = [
        None,
        Some(Area::Gulou),
        Some(Area::Qixian),
        Some(Area::Shifanqu),
    ];
    let mut wishes = vec![Circumstances::default()];
    for i in [4, 5, 6] {
        let mut c = Circumstances::default();
        *flags(&mut c)[i] = true;
        wishes.push(c);
    }
    for child in kids {
        for (ma, fa) in [(45, 47), (55, 62), (62, 70)] {
            for alive in [(true, true), (true, false), (false, true)] {
                for hukou in [(true, true), (true, false), (false, true)] {
                    for c in &wishes {
                        let mut facts = base(as_of, child.clone(), false, Residence::Rural);
                        facts.area = Some(Area::Lankao);
                        facts.circumstances = c.clone();
                        facts.parents = vec![
                            parent(
                                Role::Mother,
                                Age::Years(ma, 0).birth(as_of),
                                alive.0,
                                hukou.0,
                            ),
                            parent(
                                Role::Father,
                                Age::Years(fa, 0).birth(as_of),
                                alive.1,
                                hukou.1,
                            ),
                        ];
                        for other in [(false, false), (true, false), (false, true), (true, true)] {
                            for marital in Marital::ALL {
                                for area in areas {
                                    for varied in 0..2 {
                                        facts.parents[0].other_child = other.0;
                                        facts.parents[1].other_child = other.1;
                                        facts.parents[varied].marital = marital;
                                        facts.parents[varied].area = area;
                                        run.check(&facts);
                                    }
                                    facts.parents[0].marital = Marital::Married;
                                    facts.parents[1].marital = Marital::Married;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    run.finish(30_000);
}

/// Dates and amounts inside reasons are written without `format!` (for speed): they must read
/// exactly as the general formatting would.
#[test]
fn dates_and_amounts_in_reasons_read_as_written_by_hand() {
    use fuzhu::rules::facts::{zh_date, ZhDate};
    use fuzhu::rules::outcome::Yuan;
    for (d, zh) in [
        (date(2024, 6, 2), "2024年6月2日"),
        (date(2028, 12, 31), "2028年12月31日"),
        (date(1900, 1, 1), "1900年1月1日"),
        (date(999, 10, 9), "999年10月9日"),
        (date(10000, 2, 29), "10000年2月29日"),
        (date(-5, 3, 1), "-5年3月1日"),
    ] {
        assert_eq!(ZhDate(d).to_string(), zh);
        assert_eq!(zh_date(d), zh);
    }
    for (amount, text) in [
        (Decimal::from(0), "0"),
        (Decimal::from(7), "7"),
        (Decimal::from(10), "10"),
        (Decimal::from(300), "300"),
        (Decimal::from(1430), "1430"),
        (Decimal::from(10_000), "10000"),
        (Decimal::from(54_000), "54000"),
        (Decimal::from(4_294_967_295u32), "4294967295"),
        (Decimal::from(4_294_967_296u64), "4294967296"),
        (Decimal::new(5, 1), "0.5"),
        (Decimal::new(143000, 2), "1430"),
        (Decimal::new(-300, 0), "-300"),
    ] {
        assert_eq!(Yuan(amount).to_string(), text);
    }
    // A `future` item's added reason, in both languages.
    let facts: Facts = serde_json::from_value(serde_json::json!({
        "as_of": "2024-06-01", "residence": "urban", "child": {"status": "deceased"},
        "has_other_child": false,
        "parents": [{"role": "mother", "birth_date": "1975-06-02", "kaifeng_hukou": true},
                    {"role": "father", "birth_date": "1964-07-05", "kaifeng_hukou": true}]
    }))
    .unwrap();
    let out = rules::evaluate(&facts, date(2024, 6, 1)).unwrap();
    let last = |id: BenefitId| {
        let reasons = &out.get(id).reasons;
        reasons
            .iter()
            .find(|r| r.zh.starts_with("将于") && r.zh.ends_with("起可以享受。"))
            .unwrap_or_else(|| panic!("{id:?} has no date reason: {reasons:?}"))
            .clone()
    };
    let r = last(BenefitId::SpecialSupport);
    assert_eq!(r.zh, "将于2024年6月2日起可以享受。");
    assert_eq!(r.en, "Available from 2024-06-02.");
    // An amount from a day after today is today's rate (the policy 建立动态增长机制).
    let ss = out.get(BenefitId::SpecialSupport).reasons.last().unwrap();
    assert!(ss.zh.contains("按现行标准"), "{ss:?}");
    let r = last(BenefitId::CareHomePriority);
    assert_eq!(r.zh, "将于2024年7月5日起可以享受。");
    assert_eq!(r.en, "Available from 2024-07-05.");
    let rate = &out.get(BenefitId::SpecialSupport).reasons[1];
    assert_eq!(rate.zh, "每人每月1430元，按2位在世且为开封户籍的父母计算。");
    assert!(rate.en.starts_with("1430 yuan per person per month"));
}

/// One Chinese date formatter: the results, the register's messages and the printed sheets
/// write a day and a month alike, whatever the year.
#[test]
fn every_chinese_date_is_written_by_the_one_formatter() {
    use chrono::Datelike;
    use fuzhu::flow::answers::Birth;
    use fuzhu::flow::text::Lang;
    use fuzhu::register::values;
    use fuzhu::results::present;
    use fuzhu::rules::facts::{zh_date, zh_month, ZhMonth};
    for (d, day, month) in [
        (date(2027, 3, 1), "2027年3月1日", "2027年3月"),
        (date(1968, 6, 30), "1968年6月30日", "1968年6月"),
        (date(2028, 12, 31), "2028年12月31日", "2028年12月"),
        (date(999, 10, 9), "999年10月9日", "999年10月"),
        (date(-5, 3, 1), "-5年3月1日", "-5年3月"),
    ] {
        assert_eq!(zh_date(d), day);
        assert_eq!(present::date(d, Lang::Zh), day);
        assert_eq!(values::zh(d), day);
        assert_eq!(zh_month(d), month);
        assert_eq!(ZhMonth(d).to_string(), month);
        assert_eq!(values::zh_month(d), month);
        if let Some(b) = Birth::month(d.year(), d.month()) {
            assert_eq!(present::birth(b, Lang::Zh), month);
        }
    }
}
