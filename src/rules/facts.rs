//! What a household tells us. The JSON shape is a public contract (street offices feed whole
//! registers through `fuzhu check`), so field names are stable and unknown fields are refused
//! rather than silently ignored: a typo must never turn into a wrong answer.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::params::POLICY_IN_FORCE;
pub(crate) use super::words::push_num;
pub use super::words::{
    fill, iso_date, number, push_iso_date, push_number, push_signed, push_zh_date, push_zh_month,
    signed_number, zh_date, zh_month, ZhDate, ZhMonth,
};

/// The household, as answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The day the check is made for; today when absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::option"
    )]
    pub as_of: Option<NaiveDate>,
    /// The family's county-level area in Kaifeng; absent when unknown or outside Kaifeng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    pub residence: Residence,
    #[serde(deserialize_with = "object::one")]
    pub child: Child,
    pub has_other_child: bool,
    #[serde(deserialize_with = "object::list")]
    pub parents: Vec<Parent>,
    #[serde(default, deserialize_with = "object::one")]
    pub circumstances: Circumstances,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Longting,
    Shunhe,
    Gulou,
    Yuwangtai,
    Xiangfu,
    Qixian,
    Tongxu,
    Weishi,
    Lankao,
    Shifanqu,
}

impl Area {
    pub const ALL: [Area; 10] = [
        Area::Longting,
        Area::Shunhe,
        Area::Gulou,
        Area::Yuwangtai,
        Area::Xiangfu,
        Area::Qixian,
        Area::Tongxu,
        Area::Weishi,
        Area::Lankao,
        Area::Shifanqu,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Residence {
    Urban,
    Rural,
}

impl Residence {
    pub const ALL: [Residence; 2] = [Residence::Urban, Residence::Rural];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    pub status: ChildStatus,
    /// 残疾人证 grade, 1 (most severe) to 4; required when `status` is `disabled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability_grade: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disability_types: Vec<DisabilityType>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict_date::option"
    )]
    pub birth_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schooling: Option<Schooling>,
    /// An adult disabled child's civil capacity (民事行为能力); absent means they have it.
    /// `false` on a child of 18 or over brings them into adult guardianship (clause 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub civil_capacity: Option<bool>,
}

impl Child {
    /// The child's civil capacity as the rules read it: absent means they have it.
    pub fn has_civil_capacity(&self) -> bool {
        self.civil_capacity.unwrap_or(true)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildStatus {
    Deceased,
    Disabled,
    Living,
}

impl ChildStatus {
    pub const ALL: [ChildStatus; 3] = [
        ChildStatus::Deceased,
        ChildStatus::Disabled,
        ChildStatus::Living,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisabilityType {
    Vision,
    Hearing,
    Intellectual,
    Speech,
    Autism,
    Physical,
    Mental,
    Multiple,
}

impl DisabilityType {
    pub const ALL: [DisabilityType; 8] = [
        DisabilityType::Vision,
        DisabilityType::Hearing,
        DisabilityType::Intellectual,
        DisabilityType::Speech,
        DisabilityType::Autism,
        DisabilityType::Physical,
        DisabilityType::Mental,
        DisabilityType::Multiple,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schooling {
    None,
    HighSchool,
    Vocational,
    College,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parent {
    pub role: Role,
    #[serde(deserialize_with = "strict_date::required")]
    pub birth_date: NaiveDate,
    #[serde(default = "yes")]
    pub alive: bool,
    pub kaifeng_hukou: bool,
    /// Whether the parent still looks after themselves (生活自理); absent when not answered,
    /// which the rules read as able and say that they did (RULINGS, Round 3: unknown stays
    /// unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_care: Option<bool>,
    #[serde(default = "yes")]
    pub civil_capacity: bool,
    #[serde(default)]
    pub mobility_limited: bool,
    #[serde(default = "unknown_scheme")]
    pub pension: Scheme,
    #[serde(default = "unknown_scheme")]
    pub medical: Scheme,
    /// Absent when not answered: the rules then read it as living at home, the common case,
    /// and say that they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_setting: Option<CareSetting>,
    /// Days in hospital this year.
    #[serde(default)]
    pub hospital_days: i64,
    /// This parent had or adopted another child (with a new spouse, say): they are not
    /// counted for any item paid or given to a person (RULINGS, Round 3: Henan reviews 特别扶助
    /// per person). The household's `has_other_child` means both.
    #[serde(default, skip_serializing_if = "is_false")]
    pub other_child: bool,
    /// Married (the default), divorced or remarried: a divorced parent brings the 离婚证 and
    /// their own ID card, and the couple's items are confirmed with the office.
    #[serde(default, skip_serializing_if = "Marital::is_married")]
    pub marital: Marital,
    /// The parent's own county-level area when it differs from the household's: what this
    /// parent receives, and their first stop for it, follow it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A parent's marriage to the other listed parent (RULINGS, Round 3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marital {
    #[default]
    Married,
    Divorced,
    Remarried,
}

impl Marital {
    pub const ALL: [Marital; 3] = [Marital::Married, Marital::Divorced, Marital::Remarried];

    fn is_married(&self) -> bool {
        *self == Marital::Married
    }
}

impl Parent {
    /// A living parent with everything the facts JSON lets go unsaid as it defaults there:
    /// self-care not answered, with civil capacity, mobile, in no pension or medical scheme,
    /// at home, no days in hospital.
    pub fn new(role: Role, birth_date: NaiveDate, kaifeng_hukou: bool) -> Parent {
        Parent {
            role,
            birth_date,
            alive: yes(),
            kaifeng_hukou,
            self_care: None,
            civil_capacity: yes(),
            mobility_limited: false,
            pension: unknown_scheme(),
            medical: unknown_scheme(),
            care_setting: None,
            hospital_days: 0,
            other_child: false,
            marital: Marital::Married,
            area: None,
        }
    }

    /// Whether the parent looks after themselves, as the rules read it: as answered, able
    /// when not answered (the reasons then say it was not answered).
    pub fn cares_for_self(&self) -> bool {
        self.self_care.unwrap_or(true)
    }

    /// Divorced from the other listed parent.
    pub fn divorced(&self) -> bool {
        self.marital == Marital::Divorced
    }

    /// No longer married to the other listed parent: divorced, or divorced and remarried
    /// (decision 42). Rebirth support, the papers and the one-off relief all read this one
    /// test, so they cannot disagree about a remarried couple.
    pub fn apart(&self) -> bool {
        self.marital != Marital::Married
    }
}

fn yes() -> bool {
    true
}
fn unknown_scheme() -> Scheme {
    Scheme::None
}

impl Parent {
    /// Whether the parent lives at home: as answered, or at home when not answered.
    pub fn at_home(&self) -> bool {
        matches!(self.care_setting, None | Some(CareSetting::Home))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Mother,
    Father,
}

/// Which social-insurance scheme a parent is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// 城乡居民 (resident) scheme.
    Resident,
    /// 职工 (employee) scheme.
    Employee,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CareSetting {
    Home,
    /// 政府举办（公办）养老机构.
    PublicHome,
    /// 公建民营养老机构.
    PublicPrivateHome,
    /// 民办养老机构.
    PrivateHome,
    /// In a care home whose kind (公办, 公建民营 or 民办) the family does not know.
    CareHomeUnknownType,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Circumstances {
    pub low_income: bool,
    pub housing_difficulty: bool,
    pub dilapidated_house: bool,
    pub poverty_registered: bool,
    pub wants_another_child: bool,
    pub needs_ivf: bool,
    pub wants_to_adopt: bool,
    pub legal_dispute: bool,
}

/// Why a household was refused, naming the field. Both languages, because the command line
/// speaks English and the app Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactsError {
    pub field: String,
    pub en: String,
    pub zh: String,
}

impl FactsError {
    fn new(field: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Self {
        FactsError {
            field: field.into(),
            en: en.into(),
            zh: zh.into(),
        }
    }
}

impl std::fmt::Display for FactsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.en)
    }
}

impl std::error::Error for FactsError {}

/// The most days a year can hold.
pub const MAX_HOSPITAL_DAYS: i64 = 366;

/// The youngest a parent can be on the check date: younger is a typo in a birth date.
pub const MIN_PARENT_AGE: u32 = 16;
/// The oldest a parent can be on the check date, living or late.
pub const MAX_PARENT_AGE: u32 = 120;
/// How far ahead of today a check may be dated: further is a likely typo (2204 for 2024).
pub const MAX_YEARS_AHEAD: u32 = 2;

/// A refusal before it is given its field: the English and the Chinese.
pub type Refusal = (String, String);

/// Hospital days are days of this calendar year up to the check date (RULINGS), so there
/// are at most as many as the day of the year `as_of` is (1 January = 1).
pub fn check_hospital_days(days: i64, as_of: NaiveDate) -> Result<(), Refusal> {
    let so_far = i64::from(as_of.ordinal());
    if days < 0 {
        return Err((
            fill("must not be negative (got {})", &[&days]),
            "住院天数不能是负数".into(),
        ));
    }
    if days > so_far {
        return Err((
            fill(
                "{} days in hospital this year, but only {} days of the year have passed by {}",
                &[&days, &so_far, &as_of],
            ),
            fill(
                "住院天数是今年1月1日到{}的天数，最多{}天（填写的是{}天）",
                &[&ZhDate(as_of), &so_far, &days],
            ),
        ));
    }
    Ok(())
}

/// A parent's birth date must make them between 16 and 120 on the check date.
pub fn check_parent_birth(born: NaiveDate, as_of: NaiveDate) -> Result<(), Refusal> {
    if born > as_of {
        return Err((
            fill("{} is after as_of ({})", &[&born, &as_of]),
            "出生日期晚于查询日期，请检查".into(),
        ));
    }
    if birthday(born, MIN_PARENT_AGE) > as_of {
        return Err((
            fill(
                "{} makes the parent younger than {} on {}",
                &[&born, &MIN_PARENT_AGE, &as_of],
            ),
            fill(
                "按这个出生日期，到{}还不满{}周岁，不可能是孩子的父母，请检查",
                &[&ZhDate(as_of), &MIN_PARENT_AGE],
            ),
        ));
    }
    if birthday(born, MAX_PARENT_AGE + 1) <= as_of {
        return Err((
            fill(
                "{} makes the parent older than {} on {}",
                &[&born, &MAX_PARENT_AGE, &as_of],
            ),
            fill(
                "按这个出生日期，到{}已超过{}周岁，请检查出生年份",
                &[&ZhDate(as_of), &MAX_PARENT_AGE],
            ),
        ));
    }
    Ok(())
}

/// A child cannot be born before their parent.
pub fn check_child_after_parent(child: NaiveDate, parent: NaiveDate) -> Result<(), Refusal> {
    if child < parent {
        return Err((
            fill(
                "the child's birth date {} is before the parent's ({})",
                &[&child, &parent],
            ),
            "孩子的出生日期早于父母的出生日期，请检查".into(),
        ));
    }
    Ok(())
}

/// Younger than this at the child's birth is not a parent but a typo in a year (RULINGS,
/// Round 3).
pub const MIN_AGE_AT_BIRTH: u32 = 14;
/// A mother this old or older at the child's birth: a typo ("1936" for 1986).
pub const MOTHER_MAX_AGE_AT_BIRTH: u32 = 60;
/// A father this old or older at the child's birth: a typo.
pub const FATHER_MAX_AGE_AT_BIRTH: u32 = 80;

/// A parent's age at their child's birth must be one a parent can have: 14 or older, and
/// under 60 for a mother or under 80 for a father (RULINGS, Round 3: implausible births are
/// refused as likely typos, never paid). Also refuses a child born before the parent.
pub fn check_age_at_birth(child: NaiveDate, parent: NaiveDate, role: Role) -> Result<(), Refusal> {
    check_child_after_parent(child, parent)?;
    let (zh_who, en_who) = match role {
        Role::Mother => ("母亲", "mother"),
        Role::Father => ("父亲", "father"),
    };
    if child < birthday(parent, MIN_AGE_AT_BIRTH) {
        return Err((
            fill(
                "{} makes the {} younger than {} at the child's birth ({}); is a year a typo?",
                &[&parent, &en_who, &MIN_AGE_AT_BIRTH, &child],
            ),
            fill(
                "按填写的日期，孩子出生时{}还不满{}周岁，请检查{}或孩子的出生年份",
                &[&zh_who, &MIN_AGE_AT_BIRTH, &zh_who],
            ),
        ));
    }
    let max = match role {
        Role::Mother => MOTHER_MAX_AGE_AT_BIRTH,
        Role::Father => FATHER_MAX_AGE_AT_BIRTH,
    };
    if child >= birthday(parent, max) {
        return Err((
            fill(
                "{} makes the {} {} or older at the child's birth ({}); is a year a typo?",
                &[&parent, &en_who, &max, &child],
            ),
            fill(
                "按填写的日期，孩子出生时{}已年满{}周岁，不合常理，请检查{}或孩子的出生年份",
                &[&zh_who, &max, &zh_who],
            ),
        ));
    }
    Ok(())
}

impl Facts {
    /// The check date: `as_of` when given, else `today`.
    pub fn date(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    /// Refuses what cannot describe a real household on `as_of`, so that no answer is ever
    /// computed from impossible facts.
    pub fn validate(&self, today: NaiveDate) -> Result<(), FactsError> {
        let as_of = self.date(today);
        let at = |field: String| move |(en, zh): Refusal| FactsError::new(field, en, zh);
        if as_of < POLICY_IN_FORCE {
            return Err(FactsError::new(
                "as_of",
                fill(
                    "{} is before the policy took effect on {}; this checker only answers for dates from then on",
                    &[&as_of, &POLICY_IN_FORCE],
                ),
                fill(
                    "{}早于本政策施行日期2023年8月1日，无法按本政策判断",
                    &[&ZhDate(as_of)],
                ),
            ));
        }
        let latest = birthday(today, MAX_YEARS_AHEAD);
        if as_of > latest {
            return Err(FactsError::new(
                "as_of",
                fill(
                    "{} is more than {} years after today ({}); is the year a typo?",
                    &[&as_of, &MAX_YEARS_AHEAD, &today],
                ),
                fill(
                    "查询日期{}比今天晚了{}年以上，请检查年份是否填错",
                    &[&ZhDate(as_of), &MAX_YEARS_AHEAD],
                ),
            ));
        }
        let child = &self.child;
        let grade_range = |g: i64| {
            if (1..=4).contains(&g) {
                Ok(())
            } else {
                Err(FactsError::new(
                    "child.disability_grade",
                    fill("must be 1, 2, 3 or 4 (got {})", &[&g]),
                    fill("残疾等级只能是一至四级（收到：{}）", &[&g]),
                ))
            }
        };
        match child.status {
            ChildStatus::Disabled => {
                match child.disability_grade {
                    None => return Err(FactsError::new(
                        "child.disability_grade",
                        "is required when child.status is \"disabled\" (1 to 4, from the 残疾人证)",
                        "请填写孩子残疾人证上的残疾等级（一至四级）",
                    )),
                    Some(g) => grade_range(g)?,
                }
            }
            // Disability fields on a late child are ignored, but a grade is still a grade.
            ChildStatus::Deceased => {
                if let Some(g) = child.disability_grade {
                    grade_range(g)?;
                }
            }
            ChildStatus::Living => {
                let given = [
                    ("disability_grade", child.disability_grade.is_some()),
                    ("disability_types", !child.disability_types.is_empty()),
                    ("schooling", child.schooling.is_some()),
                    ("civil_capacity", child.civil_capacity.is_some()),
                ];
                if let Some((field, _)) = given.iter().find(|(_, given)| *given) {
                    return Err(FactsError::new(
                        ["child.", field].concat(),
                        "is given for a child whose status is \"living\" (no 残疾人证); if the child holds one, status is \"disabled\"",
                        "孩子填写为健在（status为\"living\"，没有残疾人证），却填写了残疾方面的情况；如孩子持有残疾人证，status应为\"disabled\"",
                    ));
                }
            }
        }
        if let Some(born) = child.birth_date {
            if born > as_of {
                return Err(FactsError::new(
                    "child.birth_date",
                    fill("{} is after as_of ({})", &[&born, &as_of]),
                    "孩子的出生日期晚于查询日期，请检查",
                ));
            }
        }
        if self.parents.is_empty() {
            return Err(FactsError::new(
                "parents",
                "must list at least one parent",
                "请至少填写一位父母的信息",
            ));
        }
        if self.parents.len() > 2 {
            return Err(FactsError::new(
                "parents",
                fill(
                    "lists {} parents; a couple has at most two",
                    &[&self.parents.len()],
                ),
                "父母最多填写两位",
            ));
        }
        if self.parents.len() == 2 && self.parents[0].role == self.parents[1].role {
            return Err(FactsError::new(
                "parents[1].role",
                "both parents have the same role; list one mother and one father",
                "两位父母的身份相同，请分别填写母亲和父亲",
            ));
        }
        for (i, p) in self.parents.iter().enumerate() {
            let parent_field = |name: &str| {
                let mut field = String::from("parents[");
                push_number(&mut field, i as u64);
                field.push_str("].");
                field.push_str(name);
                field
            };
            check_parent_birth(p.birth_date, as_of).map_err(at(parent_field("birth_date")))?;
            if let Some(born) = child.birth_date {
                check_child_after_parent(born, p.birth_date)
                    .map_err(at("child.birth_date".to_string()))?;
                check_age_at_birth(born, p.birth_date, p.role)
                    .map_err(at(parent_field("birth_date")))?;
            }
            check_hospital_days(p.hospital_days, as_of)
                .map_err(at(parent_field("hospital_days")))?;
        }
        Ok(())
    }
}

/// Objects only where the contract has objects: serde's derived structs would also read a
/// JSON array position by position (`"child": []`, a parent as `["mother", …]`), which no
/// office means and which would hide a mistake.
mod object {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::value::MapAccessDeserializer;
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

    /// A `T` read only from a JSON object.
    struct Object<T>(T);

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
                type Value = T;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    // As serde's derive words it ("struct Child"), which callers translate.
                    let name = std::any::type_name::<T>();
                    write!(f, "struct {}", name.rsplit("::").next().unwrap_or(name))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                    T::deserialize(MapAccessDeserializer::new(map))
                }
            }
            d.deserialize_map(V(PhantomData)).map(Object)
        }
    }

    pub fn one<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
        Object::<T>::deserialize(d).map(|o| o.0)
    }

    pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4));
                while let Some(Object(item)) = seq.next_element::<Object<T>>()? {
                    out.push(item);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V(PhantomData))
    }
}

/// Dates exactly as the contract writes them, `YYYY-MM-DD`: chrono alone would also take
/// "2024-6-1", " 2024-06-01" or "+2024-06-01", which are not what a register should hold.
mod strict_date {
    use chrono::NaiveDate;
    use serde::{de, Deserialize, Deserializer};

    fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
        let b = s.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return Err(E::custom("is not a date written YYYY-MM-DD"));
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| E::custom("is not a real date written YYYY-MM-DD"))
    }

    pub fn required<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&s)
    }

    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match <Option<std::borrow::Cow<'de, str>>>::deserialize(d)? {
            Some(s) => parse(&s).map(Some),
            None => Ok(None),
        }
    }
}

/// The first day someone born on `born` is `years` old: their birthday that year. Someone
/// born on 29 February turns a year older on 1 March in common years, as 周岁 is counted.
pub fn birthday(born: NaiveDate, years: u32) -> NaiveDate {
    let year = born.year() + years as i32;
    NaiveDate::from_ymd_opt(year, born.month(), born.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        // Only a date near the end of chrono's calendar lands here: "never" is the truth.
        .unwrap_or(NaiveDate::MAX)
}

/// Every care setting, in the order the questionnaire offers them (below the code the web
/// pages compile, so that their panic locations keep their lines: docs/quality.md).
impl CareSetting {
    pub const ALL: [CareSetting; 5] = [
        CareSetting::Home,
        CareSetting::PublicHome,
        CareSetting::PublicPrivateHome,
        CareSetting::PrivateHome,
        CareSetting::CareHomeUnknownType,
    ];
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    /// Years at the edges of what each renderer treats apart, and the ends of chrono's range.
    fn dates() -> Vec<NaiveDate> {
        let mut out = vec![NaiveDate::MIN, NaiveDate::MAX];
        for y in [
            -262_000, -10_000, -9999, -1000, -999, -100, -99, -10, -9, -1, 0, 1, 9, 10, 99, 100,
            999, 1000, 1968, 2023, 2024, 9999, 10_000, 99_999, 100_000, 262_000,
        ] {
            for (m, d) in [(1, 1), (2, 29), (6, 8), (12, 31)] {
                out.extend(NaiveDate::from_ymd_opt(y, m, d));
            }
        }
        out
    }

    #[test]
    fn a_date_pushed_by_hand_is_what_chronos_display_writes() {
        for d in dates() {
            assert_eq!(super::iso_date(d), d.to_string(), "{d}");
        }
    }

    #[test]
    fn a_chinese_date_and_month_pushed_by_hand_are_what_format_wrote() {
        for d in dates() {
            let month = format!("{}年{}月", d.year(), d.month());
            assert_eq!(super::zh_month(d), month);
            assert_eq!(super::zh_date(d), format!("{month}{}日", d.day()));
            assert_eq!(super::ZhDate(d).to_string(), super::zh_date(d));
            assert_eq!(super::ZhMonth(d).to_string(), super::zh_month(d));
        }
    }

    #[test]
    fn numbers_pushed_by_hand_are_what_to_string_writes() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(super::number(n), n.to_string());
        }
        for n in [i64::MIN, -12_345, -10, -1, 0, 1, 366, i64::MAX] {
            assert_eq!(super::signed_number(n), n.to_string());
        }
    }
}
