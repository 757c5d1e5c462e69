//! What each question says and offers, and how an answer reads back on the summary. The app
//! renders these; the native tests check every option maps to a value and back.

use chrono::{Datelike, NaiveDate};

use super::answers::{
    AnswerValue, Answers, Birth, BirthOf, Health, HukouHolders, Living, ParentSlot, Question,
};
use super::text::{Key, Lang, Voice};
use super::words;
use crate::rules::facts::{check_age_at_birth, check_hospital_days, check_parent_birth, number};
use crate::rules::{
    Area, CareSetting, ChildStatus, Circumstances, DisabilityType, Residence, Role, Scheme,
    Schooling,
};

/// A label in both languages.
pub type Label = (&'static str, &'static str);

/// Why an answer cannot be taken: one of the app's own texts, or the words the engine
/// refuses the same fact with (`rules::facts::check_*`), so the screen and the command line
/// say the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Text(Key),
    Engine { zh: String, en: String },
}

impl From<Key> for Problem {
    fn from(k: Key) -> Problem {
        Problem::Text(k)
    }
}

impl Problem {
    fn engine((en, zh): (String, String)) -> Problem {
        Problem::Engine { zh, en }
    }

    /// What the screen says.
    pub fn text(&self, lang: Lang, voice: Voice) -> String {
        match self {
            Problem::Text(k) => k.text(lang, voice).into_owned(),
            Problem::Engine { zh, en } => match lang {
                Lang::Zh => [zh.as_str(), "。"].concat(),
                Lang::En => {
                    // The engine's English is a field's message ("… is after as_of"); the
                    // screen says it as a sentence.
                    let mut s = en.clone();
                    if let Some(first) = s.get(..1) {
                        let up = first.to_ascii_uppercase();
                        s.replace_range(..1, &up);
                    }
                    s.push('.');
                    s
                }
            },
        }
    }
}

/// The title of `q` for these answers: the registration question is asked of late parents
/// in their own words once both have died.
/// A widow is asked about her late husband in her own words (您丈夫去世时…), a widower
/// about his late wife; the answer still says which of the two held Kaifeng 户籍.
pub fn title_for(q: Question, a: &Answers) -> Key {
    match (q, a.living) {
        (Question::Hukou, Some(Living::Neither)) => Key::QHukouLate,
        (Question::Hukou, Some(Living::MotherOnly)) => Key::QHukouWidow,
        (Question::Hukou, Some(Living::FatherOnly)) => Key::QHukouWidower,
        _ => title(q),
    }
}

pub fn title(q: Question) -> Key {
    match q {
        Question::Child => Key::QChild,
        Question::Grade => Key::QGrade,
        Question::OtherChild => Key::QOtherChild,
        Question::Parents => Key::QParents,
        Question::MotherBirth => Key::QMotherBirth,
        Question::FatherBirth => Key::QFatherBirth,
        Question::Hukou => Key::QHukou,
        Question::Area => Key::QArea,
        Question::ParentAreas => Key::QParentAreas,
        Question::Residence => Key::QResidence,
        Question::Pension => Key::QPension,
        Question::Medical => Key::QMedical,
        Question::HospitalDays => Key::QHospitalDays,
        Question::CareSetting => Key::QCare,
        Question::Health => Key::QHealth,
        Question::Circumstances => Key::QCircumstances,
        Question::Schooling => Key::QSchooling,
        Question::ChildBirth => Key::QChildBirth,
        Question::DisabilityTypes => Key::QDisabilityTypes,
        Question::ChildCapacity => Key::QChildCapacity,
    }
}

pub fn why(q: Question) -> Key {
    match q {
        Question::Child => Key::QChildWhy,
        Question::Grade => Key::QGradeWhy,
        Question::OtherChild => Key::QOtherChildWhy,
        Question::Parents => Key::QParentsWhy,
        Question::MotherBirth => Key::QMotherBirthWhy,
        Question::FatherBirth => Key::QFatherBirthWhy,
        Question::Hukou => Key::QHukouWhy,
        Question::Area => Key::QAreaWhy,
        Question::ParentAreas => Key::QParentAreasWhy,
        Question::Residence => Key::QResidenceWhy,
        Question::Pension => Key::QPensionWhy,
        Question::Medical => Key::QMedicalWhy,
        Question::HospitalDays => Key::QHospitalDaysWhy,
        Question::CareSetting => Key::QCareWhy,
        Question::Health => Key::QHealthWhy,
        Question::Circumstances => Key::QCircumstancesWhy,
        Question::Schooling => Key::QSchoolingWhy,
        Question::ChildBirth => Key::QChildBirthWhy,
        Question::DisabilityTypes => Key::QDisabilityTypesWhy,
        Question::ChildCapacity => Key::QChildCapacityWhy,
    }
}

/// How a question is answered on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Pick one of `single_options`.
    Single,
    /// Pick one of `parent_options` for each living parent.
    PerParent,
    /// A calendar date.
    Date,
    /// A whole number of days for each living parent.
    Days,
    /// Tick any of `checks`.
    Checks,
}

pub fn kind(q: Question) -> Kind {
    match q {
        Question::Child
        | Question::Grade
        | Question::OtherChild
        | Question::Parents
        | Question::Hukou
        | Question::Area
        | Question::Residence
        | Question::Schooling
        | Question::ChildCapacity => Kind::Single,
        Question::Pension | Question::Medical | Question::CareSetting | Question::ParentAreas => {
            Kind::PerParent
        }
        Question::MotherBirth | Question::FatherBirth | Question::ChildBirth => Kind::Date,
        Question::HospitalDays => Kind::Days,
        Question::Health | Question::Circumstances | Question::DisabilityTypes => Kind::Checks,
    }
}

const SCHOOLING: [Schooling; 4] = [
    Schooling::HighSchool,
    Schooling::Vocational,
    Schooling::College,
    Schooling::None,
];
const SCHEMES: [Scheme; 3] = [Scheme::Resident, Scheme::Employee, Scheme::None];
const CARE: [CareSetting; 5] = CareSetting::ALL;

fn pair(k: Key) -> Label {
    k.pair()
}

/// The options of a `Single` question as these answers word them (the registration
/// question speaks of late parents once both have died).
pub fn single_options_for(q: Question, a: &Answers) -> Vec<Label> {
    // In the order of `HukouHolders::ALL`: both, the mother only, the father only, neither.
    let (mother_only, father_only) = match a.living {
        Some(Living::MotherOnly) => (Key::HukouNoOnlyMine, Key::HukouYesNotMine),
        _ => (Key::HukouYesNotMine, Key::HukouNoOnlyMine),
    };
    match q {
        // 夫妻两人的户籍不在同一个县（区） after the counties, where it can change an answer.
        Question::Area if a.offers_areas_differ() => {
            let mut all = single_options(q);
            all.push(Key::AreasDiffer.pair());
            all
        }
        Question::Hukou if matches!(a.living, Some(Living::MotherOnly | Living::FatherOnly)) => [
            Key::HukouYesMineToo,
            mother_only,
            father_only,
            Key::HukouNeitherHere,
        ]
        .map(pair)
        .to_vec(),
        Question::Hukou if a.parents_late() => [
            Key::HukouLateBoth,
            Key::HukouLateMother,
            Key::HukouLateFather,
            Key::HukouLateNeither,
        ]
        .map(pair)
        .to_vec(),
        _ => single_options(q),
    }
}

/// The options of a `Single` question, in order.
pub fn single_options(q: Question) -> Vec<Label> {
    match q {
        Question::Child => [Key::ChildDeceased, Key::ChildDisabled, Key::ChildLiving]
            .map(pair)
            .to_vec(),
        Question::Grade => [Key::Grade1, Key::Grade2, Key::Grade3, Key::Grade4]
            .map(pair)
            .to_vec(),
        // One parent's own other child (RULINGS, Round 3) beside 没有 and 有: no screen of its
        // own for the common couple.
        Question::OtherChild => [
            Key::OtherChildNo,
            Key::OtherChildYes,
            Key::OtherChildMotherOnly,
            Key::OtherChildFatherOnly,
        ]
        .map(pair)
        .to_vec(),
        // 离婚了 beside who is living (RULINGS, Round 3): no screen of its own for the common
        // couple.
        Question::Parents => [
            Key::LivingBoth,
            Key::LivingDivorced,
            Key::LivingMotherOnly,
            Key::LivingFatherOnly,
            Key::LivingNeither,
        ]
        .map(pair)
        .to_vec(),
        Question::Hukou => [
            Key::HukouBoth,
            Key::HukouMotherOnly,
            Key::HukouFatherOnly,
            Key::HukouNeither,
        ]
        .map(pair)
        .to_vec(),
        Question::Area => Area::ALL.map(|a| (a.name_zh(), a.name_en())).to_vec(),
        Question::Residence => [Key::Urban, Key::Rural].map(pair).to_vec(),
        Question::Schooling => [
            Key::SchoolHigh,
            Key::SchoolVocational,
            Key::SchoolCollege,
            Key::SchoolNone,
        ]
        .map(pair)
        .to_vec(),
        Question::ChildCapacity => [Key::CapacityYes, Key::CapacityNo].map(pair).to_vec(),
        _ => Vec::new(),
    }
}

/// The answer the `i`th option of a `Single` question gives.
pub fn single_value(q: Question, i: usize) -> Option<AnswerValue> {
    Some(match q {
        Question::Child => AnswerValue::Child(*ChildStatus::ALL.get(i)?),
        Question::Grade => AnswerValue::Grade(u8::try_from(i).ok().filter(|g| *g < 4)? + 1),
        Question::OtherChild => match i {
            0 => AnswerValue::OtherChild(false),
            1 => AnswerValue::OtherChild(true),
            2 => AnswerValue::OtherChildOf(ParentSlot::Mother),
            3 => AnswerValue::OtherChildOf(ParentSlot::Father),
            _ => return None,
        },
        // Both living, then divorced, then `Living::ALL`'s others in order.
        Question::Parents => match i {
            0 => AnswerValue::Living(Living::Both),
            1 => AnswerValue::Divorced,
            i => AnswerValue::Living(*Living::ALL.get(i - 1).filter(|l| **l != Living::Both)?),
        },
        Question::Hukou => AnswerValue::Hukou(*HukouHolders::ALL.get(i)?),
        Question::Area if i == Area::ALL.len() => AnswerValue::AreasDiffer,
        Question::Area => AnswerValue::Area(*Area::ALL.get(i)?),
        Question::Residence => AnswerValue::Residence(*Residence::ALL.get(i)?),
        Question::Schooling => AnswerValue::Schooling(*SCHOOLING.get(i)?),
        Question::ChildCapacity => AnswerValue::ChildCapacity(match i {
            0 => true,
            1 => false,
            _ => return None,
        }),
        _ => return None,
    })
}

/// Which option of a `Single` question is chosen now.
pub fn single_selected(q: Question, a: &Answers) -> Option<usize> {
    fn find<T: PartialEq>(all: &[T], v: Option<T>) -> Option<usize> {
        let v = v?;
        all.iter().position(|x| *x == v)
    }
    match q {
        Question::Child => find(&ChildStatus::ALL, a.child),
        Question::Grade => a.grade.map(|g| usize::from(g) - 1),
        Question::OtherChild => match a.other_child_of {
            Some(slot) => Some(2 + slot as usize),
            None => a.other_child.map(usize::from),
        },
        Question::Parents if a.divorced && a.living == Some(Living::Both) => Some(1),
        Question::Parents => find(&Living::ALL, a.living).map(|i| if i == 0 { 0 } else { i + 1 }),
        Question::Hukou => find(&HukouHolders::ALL, a.hukou),
        Question::Area if a.own_areas().is_some() => Some(Area::ALL.len()),
        Question::Area => find(&Area::ALL, a.area),
        Question::Residence => find(&Residence::ALL, a.residence),
        Question::Schooling => find(&SCHOOLING, a.schooling),
        Question::ChildCapacity => a.child_capacity.map(|has| usize::from(!has)),
        _ => None,
    }
}

/// The options of a `PerParent` question.
pub fn parent_options(q: Question) -> Vec<Label> {
    match q {
        Question::Pension => [Key::PensionResident, Key::PensionEmployee, Key::SchemeNone]
            .map(pair)
            .to_vec(),
        Question::Medical => [Key::MedicalResident, Key::MedicalEmployee, Key::SchemeNone]
            .map(pair)
            .to_vec(),
        Question::CareSetting => [
            Key::CareHome,
            Key::CarePublic,
            Key::CarePublicPrivate,
            Key::CarePrivate,
            Key::CareHomeUnknown,
        ]
        .map(pair)
        .to_vec(),
        Question::ParentAreas => single_options(Question::Area),
        _ => Vec::new(),
    }
}

/// The chosen option index for each parent (mother, father) of a `PerParent` question.
pub fn parent_selected(q: Question, a: &Answers) -> [Option<usize>; 2] {
    fn idx<T: PartialEq + Copy>(all: &[T], v: [Option<T>; 2]) -> [Option<usize>; 2] {
        v.map(|x| x.and_then(|x| all.iter().position(|y| *y == x)))
    }
    match q {
        Question::Pension => idx(&SCHEMES, a.pension),
        Question::Medical => idx(&SCHEMES, a.medical),
        Question::CareSetting => idx(&CARE, a.care),
        Question::ParentAreas => idx(&Area::ALL, a.parent_areas),
        _ => [None, None],
    }
}

/// The answer for a `PerParent` question from chosen indexes.
pub fn parent_value(q: Question, chosen: [Option<usize>; 2]) -> Option<AnswerValue> {
    let pick = |all: &[Scheme]| chosen.map(|i| i.and_then(|i| all.get(i).copied()));
    Some(match q {
        Question::Pension => AnswerValue::Pension(pick(&SCHEMES)),
        Question::Medical => AnswerValue::Medical(pick(&SCHEMES)),
        Question::CareSetting => {
            AnswerValue::Care(chosen.map(|i| i.and_then(|i| CARE.get(i).copied())))
        }
        Question::ParentAreas => {
            AnswerValue::ParentAreas(chosen.map(|i| i.and_then(|i| Area::ALL.get(i).copied())))
        }
        _ => return None,
    })
}

/// A tick box: its label and, for health, which parent it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub label: Key,
    pub parent: Option<ParentSlot>,
}

/// The tick boxes of a `Checks` question, given what is already known on `today` (no
/// 再生育 or 试管婴儿 boxes once the mother is 49 or has died).
pub fn checks(q: Question, a: &Answers, today: NaiveDate) -> Vec<Check> {
    let plain = |label| Check {
        label,
        parent: None,
    };
    match q {
        Question::Health => {
            let mut out = Vec::new();
            let child_died = a.child == Some(ChildStatus::Deceased);
            for slot in a.living_slots() {
                let parent = Some(*slot);
                out.push(Check {
                    label: Key::MobilityLimited,
                    parent,
                });
                if child_died {
                    out.push(Check {
                        label: Key::NoSelfCare,
                        parent,
                    });
                }
                out.push(Check {
                    label: Key::NoCivilCapacity,
                    parent,
                });
            }
            out
        }
        Question::Circumstances => {
            let mut out = vec![plain(Key::LowIncome)];
            match a.residence {
                Some(Residence::Rural) => out.push(plain(Key::DilapidatedHouse)),
                _ => out.push(plain(Key::HousingDifficulty)),
            }
            out.push(plain(Key::PovertyRegistered));
            if a.offers_rebirth(today) {
                out.extend([plain(Key::WantsAnotherChild), plain(Key::NeedsIvf)]);
            }
            if a.offers_adoption(today) {
                out.push(plain(Key::WantsToAdopt));
            }
            out.push(plain(Key::LegalDispute));
            out
        }
        Question::DisabilityTypes => DisabilityType::ALL
            .iter()
            .map(|t| plain(type_key(*t)))
            .collect(),
        _ => Vec::new(),
    }
}

fn type_key(t: DisabilityType) -> Key {
    match t {
        DisabilityType::Vision => Key::TypeVision,
        DisabilityType::Hearing => Key::TypeHearing,
        DisabilityType::Intellectual => Key::TypeIntellectual,
        DisabilityType::Speech => Key::TypeSpeech,
        DisabilityType::Autism => Key::TypeAutism,
        DisabilityType::Physical => Key::TypePhysical,
        DisabilityType::Mental => Key::TypeMental,
        DisabilityType::Multiple => Key::TypeMultiple,
    }
}

/// Whether a tick box is ticked in the answers.
pub fn is_checked(c: Check, a: &Answers) -> bool {
    let h = a.health.unwrap_or_default();
    let i = c.parent.map(|p| p as usize).unwrap_or(0);
    let circ = a.circumstances.clone().unwrap_or_default();
    match c.label {
        Key::MobilityLimited => h.mobility_limited[i],
        Key::NoSelfCare => h.no_self_care[i],
        Key::NoCivilCapacity => h.no_civil_capacity[i],
        Key::LowIncome => circ.low_income,
        Key::HousingDifficulty => circ.housing_difficulty,
        Key::DilapidatedHouse => circ.dilapidated_house,
        Key::PovertyRegistered => circ.poverty_registered,
        Key::WantsAnotherChild => circ.wants_another_child,
        Key::NeedsIvf => circ.needs_ivf,
        Key::WantsToAdopt => circ.wants_to_adopt,
        Key::LegalDispute => circ.legal_dispute,
        other => a
            .disability_types
            .as_ref()
            .is_some_and(|ts| ts.iter().any(|t| type_key(*t) == other)),
    }
}

/// The answer a `Checks` screen gives, from the boxes ticked on it. Boxes the screen did not
/// show (the other residence's housing box, say) are answered "no".
pub fn checks_value(q: Question, ticked: &[Check]) -> Option<AnswerValue> {
    let has = |k: Key| ticked.iter().any(|c| c.label == k && c.parent.is_none());
    Some(match q {
        Question::Health => {
            let mut h = Health::default();
            for c in ticked {
                let i = c.parent.map(|p| p as usize).unwrap_or(0);
                match c.label {
                    Key::MobilityLimited => h.mobility_limited[i] = true,
                    Key::NoSelfCare => h.no_self_care[i] = true,
                    Key::NoCivilCapacity => h.no_civil_capacity[i] = true,
                    _ => {}
                }
            }
            AnswerValue::Health(h)
        }
        Question::Circumstances => AnswerValue::Circumstances(Circumstances {
            low_income: has(Key::LowIncome),
            housing_difficulty: has(Key::HousingDifficulty),
            dilapidated_house: has(Key::DilapidatedHouse),
            poverty_registered: has(Key::PovertyRegistered),
            wants_another_child: has(Key::WantsAnotherChild),
            needs_ivf: has(Key::NeedsIvf),
            wants_to_adopt: has(Key::WantsToAdopt),
            legal_dispute: has(Key::LegalDispute),
        }),
        Question::DisabilityTypes => AnswerValue::DisabilityTypes(
            DisabilityType::ALL
                .iter()
                .copied()
                .filter(|t| has(type_key(*t)))
                .collect(),
        ),
        _ => return None,
    })
}

/// Whose birth a `Date` question asks.
pub fn birth_of(q: Question) -> Option<BirthOf> {
    match q {
        Question::MotherBirth => Some(BirthOf::Mother),
        Question::FatherBirth => Some(BirthOf::Father),
        Question::ChildBirth => Some(BirthOf::Child),
        _ => None,
    }
}

/// The year a birth-date question's year list opens at, where most of the people asked
/// about were born: the 1960s for a parent (an only child of the one-child years; a mother
/// receives special support from 49), so the list, newest first, shows 1969 first after its
/// empty choice and the rest of the decade below it. Nothing is chosen for the person. The
/// child's list opens at the top (this year), as any date list does.
pub fn year_list_opens_at(q: Question) -> Option<i32> {
    match q {
        Question::MotherBirth | Question::FatherBirth => Some(PARENT_YEARS_OPEN_AT),
        _ => None,
    }
}

/// See [`year_list_opens_at`].
pub const PARENT_YEARS_OPEN_AT: i32 = 1969;

/// The day chosen in a date picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPick {
    Day(u32),
    /// 记不清哪一天: enough where the day cannot change a result.
    NotSure,
}

/// The month list's 记不清 (issue 20.7), as the day list's is [`DayPick::NotSure`]: enough
/// where the year alone decides every result. The day is then not read.
pub const MONTH_NOT_SURE: u32 = 0;

/// What a date picker holds while the person chooses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateParts {
    pub year: Option<i32>,
    /// 1 to 12, or [`MONTH_NOT_SURE`].
    pub month: Option<u32>,
    pub day: Option<DayPick>,
}

impl DateParts {
    /// The picker showing an earlier answer.
    pub fn of(birth: Birth) -> DateParts {
        let d = birth.date();
        DateParts {
            year: Some(d.year()),
            month: Some(if birth.month_known() {
                d.month()
            } else {
                MONTH_NOT_SURE
            }),
            day: Some(if birth.day_known() {
                DayPick::Day(d.day())
            } else {
                DayPick::NotSure
            }),
        }
    }
}

/// The answer a date picker gives for `q`, or the message that says what is still needed:
/// all three parts; a day that exists; nothing after today; and the day itself where it
/// can change a result (then the message says why).
pub fn date_value(
    q: Question,
    parts: DateParts,
    answers: &Answers,
    today: NaiveDate,
) -> Result<AnswerValue, Problem> {
    let of = birth_of(q).ok_or(Key::PickDate)?;
    let birth = match (parts.year, parts.month, parts.day) {
        // 记不清 the month: the day is not read.
        (Some(year), Some(MONTH_NOT_SURE), _) => Birth::year(year).ok_or(Key::NotARealDate)?,
        (Some(year), Some(month), Some(DayPick::Day(d))) => {
            Birth::Day(NaiveDate::from_ymd_opt(year, month, d).ok_or(Key::NotARealDate)?)
        }
        (Some(year), Some(month), Some(DayPick::NotSure)) => {
            Birth::month(year, month).ok_or(Key::NotARealDate)?
        }
        _ => return Err(Key::PickDate.into()),
    };
    if birth.date() > today {
        return Err(Key::DateInFuture.into());
    }
    // What the engine would refuse, refused here in its words: a parent under 16 or over
    // 120, a child born before a parent (checked on whichever of the two is given second).
    // The rules are given a month's or a year's first day; where another day of a year given
    // alone would be refused, the month is asked for (the most careful reading: the year
    // alone must give the same answer for every day of it).
    let parents_asked = || {
        ParentSlot::BOTH
            .into_iter()
            .filter(|s| answers.birth_asked(*s))
    };
    let mut other_day_refused = false;
    match of {
        BirthOf::Mother | BirthOf::Father => {
            check_parent_birth(birth.date(), today).map_err(Problem::engine)?;
            let child = answers
                .child_birth
                .filter(|_| answers.child == Some(ChildStatus::Disabled));
            let role = match of {
                BirthOf::Mother => Role::Mother,
                _ => Role::Father,
            };
            if let Some(child) = child {
                check_age_at_birth(child.date(), birth.date(), role).map_err(Problem::engine)?;
            }
            let (_, last) = birth.span();
            other_day_refused = !birth.month_known()
                && (check_parent_birth(last, today).is_err()
                    || child.is_some_and(|c| check_age_at_birth(c.date(), last, role).is_err()));
        }
        BirthOf::Child => {
            for slot in parents_asked() {
                let Some(parent) = answers.birth_answer(slot.question()) else {
                    continue;
                };
                check_age_at_birth(birth.date(), parent.date(), slot.role())
                    .map_err(Problem::engine)?;
                let (_, parent_last) = parent.span();
                let (_, child_last) = birth.span();
                let ends = [
                    (child_last, parent.date()),
                    (birth.date(), parent_last),
                    (child_last, parent_last),
                ];
                other_day_refused |= (!birth.month_known() || !parent.month_known())
                    && ends
                        .iter()
                        .any(|(c, p)| check_age_at_birth(*c, *p, slot.role()).is_err());
            }
        }
    }
    if other_day_refused {
        return Err(Key::MonthMatters.into());
    }
    if answers.needs_day(q, birth, today) {
        return Err(match (of, birth.month_known()) {
            (_, false) => Key::MonthMatters,
            (BirthOf::Child, true) => Key::DayMattersChild,
            (BirthOf::Mother | BirthOf::Father, true) => Key::DayMattersParent,
        }
        .into());
    }
    Ok(match of {
        BirthOf::Mother => AnswerValue::MotherBirth(birth),
        BirthOf::Father => AnswerValue::FatherBirth(birth),
        BirthOf::Child => AnswerValue::ChildBirth(birth),
    })
}

/// The number typed for hospital days, read from the text itself: digits only (ASCII or
/// full-width, as a Chinese keyboard may give them), with spaces around allowed; empty is 0
/// ("没有住院就填0"). Anything else ("12-", "--12", "12e", "+-3", "1e400", "1.5") is refused,
/// never read as 0, which is what `<input type=number>` would hand over for it.
pub fn parse_days(text: &str) -> Result<u32, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    let mut n: Option<u32> = Some(0);
    for c in text.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return Err(Key::DaysNotANumber.into()),
        };
        n = n.and_then(|n| n.checked_mul(10)?.checked_add(d));
    }
    // Digits past what a u32 holds are far beyond any year's days.
    n.ok_or(Problem::Text(Key::DaysRange))
}

/// The hospital-days answer from the texts typed for each living parent (mother, father),
/// or why it cannot be taken: not a whole number, or more days than this year has had so
/// far (the engine's words).
pub fn days_value(
    texts: [&str; 2],
    answers: &Answers,
    today: NaiveDate,
) -> Result<AnswerValue, Problem> {
    let mut days = [None, None];
    for slot in answers.living_slots() {
        let n = parse_days(texts[*slot as usize])?;
        check_hospital_days(i64::from(n), today).map_err(Problem::engine)?;
        days[*slot as usize] = Some(u16::try_from(n).map_err(|_| Key::DaysRange)?);
    }
    Ok(AnswerValue::HospitalDays(days))
}

pub fn parent_name(slot: ParentSlot, lang: Lang) -> &'static str {
    let (zh, en) = match slot {
        ParentSlot::Mother => Key::Mother.pair(),
        ParentSlot::Father => Key::Father.pair(),
    };
    lang.pick(zh, en)
}

/// How an answer reads back on the summary.
pub fn describe(q: Question, a: &Answers, lang: Lang, voice: Voice, today: NaiveDate) -> String {
    let pick = |l: Label| lang.pick(l.0, l.1).to_string();
    let per_parent = |f: &dyn Fn(ParentSlot) -> Option<String>| {
        let lines: Vec<String> = a
            .living_slots()
            .iter()
            .filter_map(|s| f(*s).map(|v| [parent_name(*s, lang), words::colon(lang), &v].concat()))
            .collect();
        words::join(&lines, if lang == Lang::Zh { "；" } else { "; " })
    };
    let none = || Key::OtherChildNo.text(lang, voice).into_owned();
    match kind(q) {
        Kind::Single => single_selected(q, a)
            .and_then(|i| single_options_for(q, a).get(i).copied())
            .map(pick)
            .unwrap_or_default(),
        Kind::PerParent => {
            let chosen = parent_selected(q, a);
            let opts = parent_options(q);
            per_parent(&|s| {
                chosen[s as usize]
                    .and_then(|i| opts.get(i).copied())
                    .map(pick)
            })
        }
        Kind::Date => a
            .birth_answer(q)
            .map(|b| words::birth(b, lang))
            .unwrap_or_default(),
        Kind::Days => per_parent(&|s| {
            a.hospital_days[s as usize]
                .map(|d| [&number(u64::from(d)), " ", &Key::Days.text(lang, voice)].concat())
        }),
        Kind::Checks => {
            let ticked: Vec<String> = checks(q, a, today)
                .into_iter()
                .filter(|c| is_checked(*c, a))
                .map(|c| {
                    let label = c.label.text(lang, voice).into_owned();
                    match c.parent {
                        Some(p) => [parent_name(p, lang), words::colon(lang), &label].concat(),
                        None => label,
                    }
                })
                .collect();
            if ticked.is_empty() {
                none()
            } else {
                words::join(&ticked, if lang == Lang::Zh { "；" } else { "; " })
            }
        }
    }
}

/// The explanation under question `q` (为什么问这个) in `lang`: [`why`]'s text with the
/// amount and the days it states (the hospital days', each a `{}` filled by
/// `rules::words::fill`) those of the parameters in force on `today`, so a raise in
/// policy/parameters.toml rewords it. (At the end of the file, so the lines above keep their
/// numbers: the pages' panic locations, docs/quality.md.)
pub fn why_text(q: Question, lang: Lang, voice: Voice, today: NaiveDate) -> String {
    use crate::rules::params;
    crate::rules::words::fill(
        &why(q).text(lang, voice),
        &[
            &crate::rules::outcome::Yuan(params::on(&params::NURSING_DAILY, today)),
            &params::on(&params::NURSING_MAX_DAYS, today),
        ],
    )
}
