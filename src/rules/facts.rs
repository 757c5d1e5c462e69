//! What a household tells us. The JSON shape is a public contract (street offices feed whole
//! registers through `fuzhu check`), so field names are stable and unknown fields are refused
//! rather than silently ignored: a typo must never turn into a wrong answer.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::params::POLICY_IN_FORCE;

/// The household, as answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The day the check is made for; today when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The family's county-level area in Kaifeng; absent when unknown or outside Kaifeng.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    pub residence: Residence,
    pub child: Child,
    pub has_other_child: bool,
    pub parents: Vec<Parent>,
    #[serde(default)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schooling: Option<Schooling>,
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
    pub birth_date: NaiveDate,
    #[serde(default = "yes")]
    pub alive: bool,
    pub kaifeng_hukou: bool,
    #[serde(default = "yes")]
    pub self_care: bool,
    #[serde(default = "yes")]
    pub civil_capacity: bool,
    #[serde(default)]
    pub mobility_limited: bool,
    #[serde(default = "unknown_scheme")]
    pub pension: Scheme,
    #[serde(default = "unknown_scheme")]
    pub medical: Scheme,
    #[serde(default = "at_home")]
    pub care_setting: CareSetting,
    /// Days in hospital this year.
    #[serde(default)]
    pub hospital_days: i64,
}

impl Parent {
    /// A living parent with everything the facts JSON lets go unsaid as it defaults there:
    /// caring for themselves, with civil capacity, mobile, in no pension or medical scheme,
    /// at home, no days in hospital.
    pub fn new(role: Role, birth_date: NaiveDate, kaifeng_hukou: bool) -> Parent {
        Parent {
            role,
            birth_date,
            alive: yes(),
            kaifeng_hukou,
            self_care: yes(),
            civil_capacity: yes(),
            mobility_limited: false,
            pension: unknown_scheme(),
            medical: unknown_scheme(),
            care_setting: at_home(),
            hospital_days: 0,
        }
    }
}

fn yes() -> bool {
    true
}
fn unknown_scheme() -> Scheme {
    Scheme::None
}
fn at_home() -> CareSetting {
    CareSetting::Home
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

impl Facts {
    /// The check date: `as_of` when given, else `today`.
    pub fn date(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    /// Refuses what cannot describe a real household on `as_of`, so that no answer is ever
    /// computed from impossible facts.
    pub fn validate(&self, today: NaiveDate) -> Result<(), FactsError> {
        let as_of = self.date(today);
        if as_of < POLICY_IN_FORCE {
            return Err(FactsError::new(
                "as_of",
                format!(
                    "{as_of} is before the policy took effect on {POLICY_IN_FORCE}; this checker only answers for dates from then on"
                ),
                format!("{}早于本政策施行日期2023年8月1日，无法按本政策判断", zh_date(as_of)),
            ));
        }
        let child = &self.child;
        match child.status {
            ChildStatus::Disabled => {
                match child.disability_grade {
                    None => return Err(FactsError::new(
                        "child.disability_grade",
                        "is required when child.status is \"disabled\" (1 to 4, from the 残疾人证)",
                        "请填写孩子残疾人证上的残疾等级（一至四级）",
                    )),
                    Some(g) if !(1..=4).contains(&g) => {
                        return Err(FactsError::new(
                            "child.disability_grade",
                            format!("must be 1, 2, 3 or 4 (got {g})"),
                            format!("残疾等级只能是一至四级（收到：{g}）"),
                        ))
                    }
                    Some(_) => {}
                }
            }
            ChildStatus::Deceased | ChildStatus::Living => {
                if let Some(g) = child.disability_grade {
                    if !(1..=4).contains(&g) {
                        return Err(FactsError::new(
                            "child.disability_grade",
                            format!("must be 1, 2, 3 or 4 (got {g})"),
                            format!("残疾等级只能是一至四级（收到：{g}）"),
                        ));
                    }
                }
            }
        }
        if let Some(born) = child.birth_date {
            if born > as_of {
                return Err(FactsError::new(
                    "child.birth_date",
                    format!("{born} is after as_of ({as_of})"),
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
                format!(
                    "lists {} parents; a couple has at most two",
                    self.parents.len()
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
        if !self.parents.iter().any(|p| p.alive) {
            return Err(FactsError::new(
                "parents",
                "no parent is alive; the benefits are for living parents",
                "没有在世的父母，本工具无法判断",
            ));
        }
        for (i, p) in self.parents.iter().enumerate() {
            if p.birth_date > as_of {
                return Err(FactsError::new(
                    format!("parents[{i}].birth_date"),
                    format!("{} is after as_of ({as_of})", p.birth_date),
                    "出生日期晚于查询日期，请检查",
                ));
            }
            if p.birth_date.year() < 1900 {
                return Err(FactsError::new(
                    format!("parents[{i}].birth_date"),
                    format!("{} is before 1900", p.birth_date),
                    "出生日期早于1900年，请检查",
                ));
            }
            if p.hospital_days < 0 {
                return Err(FactsError::new(
                    format!("parents[{i}].hospital_days"),
                    format!("must not be negative (got {})", p.hospital_days),
                    "住院天数不能是负数",
                ));
            }
            if p.hospital_days > MAX_HOSPITAL_DAYS {
                return Err(FactsError::new(
                    format!("parents[{i}].hospital_days"),
                    format!(
                        "must be at most {MAX_HOSPITAL_DAYS}, the days in hospital this year (got {})",
                        p.hospital_days
                    ),
                    format!("住院天数是今年的天数，最多{MAX_HOSPITAL_DAYS}天"),
                ));
            }
        }
        Ok(())
    }
}

/// A date the way people read it in Chinese: 2027年3月1日.
pub fn zh_date(d: NaiveDate) -> String {
    ZhDate(d).to_string()
}

/// Displays a date as 2027年3月1日, for use inside `format!` without a String of its own.
pub struct ZhDate(pub NaiveDate);

impl std::fmt::Display for ZhDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.0;
        match u32::try_from(d.year()) {
            Ok(year) => {
                write_num(f, year, 1)?;
                f.write_str("年")?;
                write_num(f, d.month(), 1)?;
                f.write_str("月")?;
                write_num(f, d.day(), 1)?;
                f.write_str("日")
            }
            Err(_) => write!(f, "{}年{}月{}日", d.year(), d.month(), d.day()),
        }
    }
}

/// Writes `n` in decimal, zero-padded to at least `width` digits, without `format!`'s
/// machinery: dates and amounts are written into most results (see docs/benchmarks.md).
pub(crate) fn write_num(w: &mut impl std::fmt::Write, n: u32, width: usize) -> std::fmt::Result {
    /// "00", "01", … "99".
    const PAIRS: &str =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839\
     40414243444546474849505152535455565758596061626364656667686970717273747576777879\
     8081828384858687888990919293949596979899";
    let (high, low) = ((n / 100) as usize, (n % 100) as usize);
    if high == 0 && width <= 2 {
        let from = if low < 10 && width < 2 {
            2 * low + 1
        } else {
            2 * low
        };
        return w.write_str(&PAIRS[from..2 * low + 2]);
    }
    write_num(w, high as u32, width.saturating_sub(2).max(1))?;
    w.write_str(&PAIRS[2 * low..2 * low + 2])
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
