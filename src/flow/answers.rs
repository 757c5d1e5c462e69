//! The answers so far, and the questions they lead to. A question is asked only while its
//! answer can still change a result: no schooling when the child died, no hospital days
//! unless the child died, no care-home question before anyone is 60, nothing more once the
//! family is clearly outside the policy.

use chrono::{Datelike, NaiveDate};

use crate::rules::facts::birthday;
use crate::rules::params::{
    child_rehab_end_age, on, ADULT_AGE, ELDER_CARE_AGE, SPECIAL_SUPPORT_MOTHER_AGE,
};
use crate::rules::{
    Area, BenefitId, CareSetting, Child, ChildStatus, Circumstances, DisabilityType, Facts,
    Marital, Parent, Residence, Role, Scheme, Schooling,
};

pub use crate::rules::facts::MAX_HOSPITAL_DAYS;

/// 18周岁 (`params::ADULT_AGE`, the civil law's, with its source in policy/parameters.toml):
/// from then a disabled child without civil capacity comes under adult guardianship (clause
/// 8), so the questionnaire asks about it only from this age.
const ADULT: u32 = ADULT_AGE.fixed();

/// The ages at which a child can be in 普通高中, 中职 or 全日制本专科, as the questionnaire
/// reads them: from 14 (the youngest who start senior school) to 30 (a disabled student
/// may start college late), counted in whole years from the birth month, so the day of
/// birth never changes whether the question is asked. Outside them the schooling question
/// is not asked; this is a choice of what to ask, not a rule of the policy.
pub const SCHOOL_AGES: std::ops::RangeInclusive<i32> = 14..=30;

// The age of the mother from which the questionnaire no longer offers 想再要一个孩子 or
// 需要做试管婴儿 is `SPECIAL_SUPPORT_MOTHER_AGE`, the policy's own age for special support
// (女方年满49周岁). Nor once she has died. 收养 stays.

/// Which parents are alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Living {
    Both,
    MotherOnly,
    FatherOnly,
    /// Both parents have died: a relative or the person they entrusted is asking (for the
    /// free grave plot, and for a disabled child's own items).
    Neither,
}

impl Living {
    pub const ALL: [Living; 4] = [
        Living::Both,
        Living::MotherOnly,
        Living::FatherOnly,
        Living::Neither,
    ];
}

/// Which parents hold Kaifeng 户籍.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HukouHolders {
    Both,
    MotherOnly,
    FatherOnly,
    Neither,
}

impl HukouHolders {
    pub const ALL: [HukouHolders; 4] = [
        HukouHolders::Both,
        HukouHolders::MotherOnly,
        HukouHolders::FatherOnly,
        HukouHolders::Neither,
    ];
}

/// Mother first, father second, in every per-parent array.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParentSlot {
    Mother = 0,
    Father = 1,
}

impl ParentSlot {
    pub const BOTH: [ParentSlot; 2] = [ParentSlot::Mother, ParentSlot::Father];
    /// The question that asks this parent's birth date.
    pub fn question(self) -> Question {
        match self {
            ParentSlot::Mother => Question::MotherBirth,
            ParentSlot::Father => Question::FatherBirth,
        }
    }

    pub fn role(self) -> Role {
        match self {
            ParentSlot::Mother => Role::Mother,
            ParentSlot::Father => Role::Father,
        }
    }
}

/// Whose birth a date question asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BirthOf {
    Mother,
    Father,
    Child,
}

impl BirthOf {
    /// The ages at which a birthday of this person changes a result, as the policy stands on
    /// `today`: 49 (特别扶助金, 女方年满49周岁, read from the mother whether or not she is
    /// living; the father's only when no mother is listed), 60 (养老照料, for the living) and,
    /// for the child, 7 (康复救助 for 0—6岁).
    fn ages(self, alive: bool, today: NaiveDate) -> Vec<u32> {
        let support = on(&SPECIAL_SUPPORT_MOTHER_AGE, today);
        match (self, alive) {
            (BirthOf::Mother | BirthOf::Father, true) => {
                vec![support, on(&ELDER_CARE_AGE, today)]
            }
            (BirthOf::Mother | BirthOf::Father, false) => vec![support],
            (BirthOf::Child, _) => vec![child_rehab_end_age(today)],
        }
    }
}

/// A birth date as the person gave it: to the day, only the year and month when they are not
/// sure of the day and the day cannot change any result, or only the year when they are not
/// sure of the month either and the month cannot change any result (issue 20.7: a couple of
/// 78 may not know it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Birth {
    Day(NaiveDate),
    /// Year and month only; the date stands for its month (its first day is used).
    Month(NaiveDate),
    /// The year only; the date stands for its year (1 January is used).
    Year(NaiveDate),
}

impl Birth {
    /// Year and month only. None for a month that does not exist.
    pub fn month(year: i32, month: u32) -> Option<Birth> {
        NaiveDate::from_ymd_opt(year, month, 1).map(Birth::Month)
    }

    /// The year only. None for a year outside the calendar.
    pub fn year(year: i32) -> Option<Birth> {
        NaiveDate::from_ymd_opt(year, 1, 1).map(Birth::Year)
    }

    /// The date the rules are given: the day, or the first day of the month or year given.
    /// Where the day or month is not known it cannot change a result (see
    /// [`Birth::needs_day`]), so any day of the month or year would give the same results.
    pub fn date(self) -> NaiveDate {
        match self {
            Birth::Day(d) => d,
            Birth::Month(d) => d.with_day(1).unwrap_or(d),
            Birth::Year(d) => d.with_ordinal(1).unwrap_or(d),
        }
    }

    /// The first and the last day the answer allows (the same day when the day was given).
    pub fn span(self) -> (NaiveDate, NaiveDate) {
        let first = self.date();
        let last = match self {
            Birth::Day(d) => d,
            Birth::Month(_) => (28..=31)
                .rev()
                .find_map(|d| first.with_day(d))
                .unwrap_or(first),
            Birth::Year(_) => first
                .with_month(12)
                .and_then(|d| d.with_day(31))
                .unwrap_or(first),
        };
        (first, last)
    }

    pub fn day_known(self) -> bool {
        matches!(self, Birth::Day(_))
    }

    pub fn month_known(self) -> bool {
        !matches!(self, Birth::Year(_))
    }

    /// Whether more must be known than was given (the day of a month, the month of a year):
    /// it must when one of this person's birthdays that change a result (a parent's 49th, a
    /// living parent's 60th, the child's 7th) has not yet passed on `today` for every day the
    /// answer allows. Such a birthday, if it is still to come or falls in the span, decides a
    /// status or the date from which an item applies. The child's 18th birthday (whether
    /// capacity is asked) and, for a year, the child's school years (counted by month) must
    /// also come out the same for the whole span.
    pub fn needs_day(self, of: BirthOf, alive: bool, today: NaiveDate) -> bool {
        if self.day_known() {
            return false;
        }
        let (first, last) = self.span();
        // `birthday` grows with the day of birth: the span's last day is the latest.
        let still_to_come = of
            .ages(alive, today)
            .into_iter()
            .any(|age| birthday(last, age) > today);
        // The child's 18th birthday decides only whether the civil-capacity question is
        // asked, so its day matters only while it falls between the span's first and last
        // days' 18th birthdays.
        let child = of == BirthOf::Child;
        let turning_adult =
            child && birthday(first, ADULT) <= today && birthday(last, ADULT) > today;
        let in_school = |b: NaiveDate| SCHOOL_AGES.contains(&age_by_month(b, today));
        let school_edge = child && in_school(first) != in_school(last);
        still_to_come || turning_adult || school_edge
    }
}

/// An age in whole years counted from the birth month (the day left out).
fn age_by_month(b: NaiveDate, today: NaiveDate) -> i32 {
    let months = (today.year() * 12 + today.month() as i32) - (b.year() * 12 + b.month() as i32);
    months.div_euclid(12)
}

/// Health answers, per parent (mother, father).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Health {
    pub mobility_limited: [bool; 2],
    pub no_self_care: [bool; 2],
    pub no_civil_capacity: [bool; 2],
}

/// One screen each, in the order they are asked (so `q as usize` is its rank): what decides
/// the path comes first, the child's birth date (which decides the child's other questions)
/// right after the grade and whether there is another child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Question {
    Child,
    Grade,
    OtherChild,
    ChildBirth,
    DisabilityTypes,
    /// An adult disabled child's civil capacity (asked from 18).
    ChildCapacity,
    Schooling,
    Parents,
    MotherBirth,
    FatherBirth,
    Hukou,
    Area,
    /// Each parent's own county, asked only where the family said the two differ.
    ParentAreas,
    Residence,
    Pension,
    Medical,
    HospitalDays,
    CareSetting,
    Health,
    Circumstances,
}

impl Question {
    pub const ALL: [Question; 20] = [
        Question::Child,
        Question::Grade,
        Question::OtherChild,
        Question::ChildBirth,
        Question::DisabilityTypes,
        Question::ChildCapacity,
        Question::Schooling,
        Question::Parents,
        Question::MotherBirth,
        Question::FatherBirth,
        Question::Hukou,
        Question::Area,
        Question::ParentAreas,
        Question::Residence,
        Question::Pension,
        Question::Medical,
        Question::HospitalDays,
        Question::CareSetting,
        Question::Health,
        Question::Circumstances,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub child: Option<ChildStatus>,
    pub grade: Option<u8>,
    pub other_child: Option<bool>,
    pub living: Option<Living>,
    pub mother_birth: Option<Birth>,
    pub father_birth: Option<Birth>,
    pub hukou: Option<HukouHolders>,
    pub area: Option<Area>,
    pub residence: Option<Residence>,
    pub pension: [Option<Scheme>; 2],
    pub medical: [Option<Scheme>; 2],
    pub hospital_days: [Option<u16>; 2],
    pub care: [Option<CareSetting>; 2],
    pub health: Option<Health>,
    pub circumstances: Option<Circumstances>,
    pub schooling: Option<Schooling>,
    pub child_birth: Option<Birth>,
    pub disability_types: Option<Vec<DisabilityType>>,
    /// Whether the adult disabled child can handle their own affairs (民事行为能力).
    pub child_capacity: Option<bool>,
    /// Both parents living and divorced ("离婚了", offered beside who is living, so the common
    /// couple sees no extra screen): their papers are the 离婚证 and their own ID cards, the
    /// relief and rebirth support are for the office to confirm (RULINGS, Round 3).
    pub divorced: bool,
    /// One parent alone had or adopted another child (after remarrying, say), offered beside
    /// 没有 and 有 on the other-child question, so the common couple sees no extra screen:
    /// that parent is not counted for what a person receives, and the family stays a special
    /// family (RULINGS, Round 3, `parents[i].other_child`). Only with `other_child: false`.
    pub other_child_of: Option<ParentSlot>,
    /// The two parents are registered in different Kaifeng counties (夫妻两人的户籍不在同一个
    /// 县（区）, offered beside the counties where both are living and both registered in
    /// Kaifeng): then each one's county is asked (RULINGS, Round 3, `parents[i].area`).
    pub areas_differ: bool,
    /// Each parent's own county (mother, father), when `areas_differ`.
    pub parent_areas: [Option<Area>; 2],
    /// The items the family marked 已经在享受, in catalogue order without repeats. Not a fact:
    /// the rules never see it ([`Answers::to_facts`] leaves it out); it only moves those items
    /// to a list of their own and off the print sheet's to-do pages.
    pub received: Vec<BenefitId>,
}

impl Answers {
    /// Whether the answers so far already place the family outside the policy's special
    /// families, so nothing more needs asking.
    pub fn not_special(&self) -> bool {
        match self.child {
            Some(ChildStatus::Living) => true,
            Some(ChildStatus::Disabled) if self.grade == Some(4) => true,
            _ => self.other_child == Some(true),
        }
    }

    pub fn not_covered(&self) -> bool {
        self.hukou == Some(HukouHolders::Neither)
    }

    /// The parents who are alive, as slots.
    pub fn living_slots(&self) -> &'static [ParentSlot] {
        match self.living {
            Some(Living::Both) | None => &ParentSlot::BOTH,
            Some(Living::MotherOnly) => &[ParentSlot::Mother],
            Some(Living::FatherOnly) => &[ParentSlot::Father],
            Some(Living::Neither) => &[],
        }
    }

    /// Whether the area question offers 夫妻两人的户籍不在同一个县（区）: only where both parents
    /// are living and both registered in Kaifeng (a late parent receives nothing; a parent
    /// registered elsewhere is sent to that 户籍地 by the rules themselves).
    pub fn offers_areas_differ(&self) -> bool {
        self.living == Some(Living::Both) && self.hukou == Some(HukouHolders::Both)
    }

    /// The two parents' own counties, where they differ and were asked.
    pub fn own_areas(&self) -> Option<[Option<Area>; 2]> {
        (self.areas_differ && self.offers_areas_differ()).then_some(self.parent_areas)
    }

    /// Both parents have died.
    pub fn parents_late(&self) -> bool {
        self.living == Some(Living::Neither)
    }

    /// The parents whose birth dates are asked: the mother unless both have died, the father
    /// while he is living. (A late father's birth is read by no rule; nor are the births of
    /// two late parents.)
    pub fn birth_asked(&self, slot: ParentSlot) -> bool {
        match (self.living, slot) {
            (Some(Living::Neither), _) => false,
            (_, ParentSlot::Mother) => true,
            (Some(Living::MotherOnly), ParentSlot::Father) => false,
            (_, ParentSlot::Father) => true,
        }
    }

    /// The child's age in whole years counted from the birth month (the day left out).
    fn child_age_by_month(&self, today: NaiveDate) -> Option<i32> {
        Some(age_by_month(self.child_birth?.date(), today))
    }

    /// Whether the child has turned 18 (the civil-capacity question).
    fn child_adult(&self, today: NaiveDate) -> bool {
        self.child_birth
            .is_some_and(|b| birthday(b.date(), ADULT) <= today)
    }

    /// Whether the circumstances question offers 想再要一个孩子 and 需要做试管婴儿: not once the
    /// mother is 49 or over on `today`, nor once she has died.
    pub fn offers_rebirth(&self, today: NaiveDate) -> bool {
        if matches!(self.living, Some(Living::FatherOnly | Living::Neither)) {
            return false;
        }
        self.mother_birth
            .is_none_or(|b| birthday(b.date(), on(&SPECIAL_SUPPORT_MOTHER_AGE, today)) > today)
    }

    /// Whether the circumstances question offers 考虑收养一个孩子: not when every living parent is
    /// 60 or older on `today` (RULINGS "Adoption is not asked of the old"; the 60th birthday
    /// itself counts as 60), nor when no parent lives.
    pub fn offers_adoption(&self, today: NaiveDate) -> bool {
        let age = on(&ELDER_CARE_AGE, today);
        self.living_slots()
            .iter()
            .any(|s| self.birth(*s).is_none_or(|b| birthday(b, age) > today))
    }

    /// The answer to a birth-date question.
    pub fn birth_answer(&self, q: Question) -> Option<Birth> {
        match q {
            Question::MotherBirth => self.mother_birth,
            Question::FatherBirth => self.father_birth,
            Question::ChildBirth => self.child_birth,
            _ => None,
        }
    }

    /// Whether `birth`, as the answer to the birth-date question `q`, must have its day:
    /// [`Birth::needs_day`] for that person, living or not as answered (a parent counts as
    /// living until the answers say otherwise).
    pub fn needs_day(&self, q: Question, birth: Birth, today: NaiveDate) -> bool {
        let (of, alive) = match q {
            Question::MotherBirth => (
                BirthOf::Mother,
                !matches!(self.living, Some(Living::FatherOnly | Living::Neither)),
            ),
            Question::FatherBirth => (
                BirthOf::Father,
                !matches!(self.living, Some(Living::MotherOnly | Living::Neither)),
            ),
            Question::ChildBirth => (BirthOf::Child, true),
            _ => return false,
        };
        birth.needs_day(of, alive, today)
    }

    /// The parent's birth date as the rules are given it.
    pub fn birth(&self, slot: ParentSlot) -> Option<NaiveDate> {
        match slot {
            ParentSlot::Mother => self.mother_birth,
            ParentSlot::Father => self.father_birth,
        }
        .map(Birth::date)
    }

    fn anyone_sixty(&self, today: NaiveDate) -> bool {
        let age = on(&ELDER_CARE_AGE, today);
        self.living_slots()
            .iter()
            .filter_map(|s| self.birth(*s))
            .any(|b| birthday(b, age) <= today)
    }

    fn child_under_seven(&self, today: NaiveDate) -> bool {
        self.child_birth
            .is_some_and(|b| birthday(b.date(), child_rehab_end_age(today)) > today)
    }

    /// The questions that matter given the answers so far, in order. Answering one can add
    /// or remove later ones; the list is recomputed after every answer.
    pub fn questions(&self, today: NaiveDate) -> Vec<Question> {
        use Question as Q;
        let mut qs = vec![Q::Child];
        let child = match self.child {
            None => return qs,
            Some(c) => c,
        };
        if child == ChildStatus::Disabled {
            qs.push(Q::Grade);
        }
        if self.not_special() {
            return qs;
        }
        qs.push(Q::OtherChild);
        if self.not_special() {
            return qs;
        }
        if child == ChildStatus::Disabled {
            // The birth date first: it decides which of the child's questions follow, and
            // they come before the parents' so the count of questions left falls early.
            qs.push(Q::ChildBirth);
            if self.child_under_seven(today) {
                qs.push(Q::DisabilityTypes);
            }
            if self.child_adult(today) {
                qs.push(Q::ChildCapacity);
            }
            if self.child_in_school_years(today) {
                qs.push(Q::Schooling);
            }
        }
        qs.push(Q::Parents);
        if self.birth_asked(ParentSlot::Mother) {
            qs.push(Q::MotherBirth);
        }
        if self.birth_asked(ParentSlot::Father) {
            qs.push(Q::FatherBirth);
        }
        qs.push(Q::Hukou);
        if self.not_covered() {
            return qs;
        }
        qs.push(Q::Area);
        if self.own_areas().is_some() {
            qs.push(Q::ParentAreas);
        }
        // With both parents late, nothing about them is read any more but where they were
        // registered (the grave plot, and coverage for a disabled child's items).
        if !self.parents_late() {
            qs.extend([Q::Residence, Q::Pension, Q::Medical]);
            if child == ChildStatus::Deceased {
                qs.push(Q::HospitalDays);
            }
            if self.anyone_sixty(today) {
                qs.push(Q::CareSetting);
            }
            qs.extend([Q::Health, Q::Circumstances]);
        }
        qs
    }

    /// Whether the child is of an age that can be at senior school or college
    /// ([`SCHOOL_AGES`]); unknown until the birth date is given.
    fn child_in_school_years(&self, today: NaiveDate) -> bool {
        self.child_age_by_month(today)
            .is_some_and(|age| SCHOOL_AGES.contains(&age))
    }

    /// The most questions that can still be asked from `from` on (`from` itself counted),
    /// whatever the answers not given yet turn out to be: the questions of the fullest
    /// household these answers allow (a disabled child of 20, another child not had, both
    /// parents living, over 60 and registered in Kaifeng). Answering in order, it falls by
    /// at least one with every answer, so the count shown (还剩N题) never grows.
    pub fn most_left(&self, from: Question, today: NaiveDate) -> usize {
        let years_ago = |n| {
            Birth::Day(NaiveDate::from_ymd_opt(today.year() - n, today.month(), 1).unwrap_or(today))
        };
        let mut most = 0;
        for child in [ChildStatus::Disabled, ChildStatus::Deceased] {
            // A child of 3 is asked the type of disability; one of 20 capacity and school.
            for child_age in [20, 3] {
                let mut a = self.clone();
                a.child.get_or_insert(child);
                a.grade.get_or_insert(1);
                a.other_child.get_or_insert(false);
                a.living.get_or_insert(Living::Both);
                a.mother_birth.get_or_insert(years_ago(70));
                a.father_birth.get_or_insert(years_ago(70));
                a.hukou.get_or_insert(HukouHolders::Both);
                a.child_birth.get_or_insert(years_ago(child_age));
                // Until the county is answered, it may be two counties, asked one more time.
                if a.area.is_none() {
                    a.areas_differ = true;
                }
                let left = a
                    .questions(today)
                    .iter()
                    .filter(|q| **q as u8 >= from as u8)
                    .count();
                most = most.max(left);
            }
        }
        most
    }

    /// Whether `q` has its answer. A birth date given without the day counts only while the
    /// day cannot change a result.
    pub fn is_answered(&self, q: Question, today: NaiveDate) -> bool {
        let living = self.living_slots();
        fn all<T>(living: &[ParentSlot], arr: &[Option<T>; 2]) -> bool {
            living.iter().all(|s| arr[*s as usize].is_some())
        }
        match q {
            Question::Child => self.child.is_some(),
            Question::Grade => self.grade.is_some(),
            Question::OtherChild => self.other_child.is_some(),
            Question::Parents => self.living.is_some(),
            Question::MotherBirth | Question::FatherBirth | Question::ChildBirth => self
                .birth_answer(q)
                .is_some_and(|b| !self.needs_day(q, b, today)),
            Question::Hukou => self.hukou.is_some(),
            Question::Area => self.area.is_some() || self.own_areas().is_some(),
            Question::ParentAreas => all(living, &self.parent_areas),
            Question::Residence => self.residence.is_some(),
            Question::Pension => all(living, &self.pension),
            Question::Medical => all(living, &self.medical),
            Question::HospitalDays => all(living, &self.hospital_days),
            Question::CareSetting => all(living, &self.care),
            Question::Health => self.health.is_some(),
            Question::Circumstances => self.circumstances.is_some(),
            Question::Schooling => self.schooling.is_some(),
            Question::DisabilityTypes => self.disability_types.is_some(),
            Question::ChildCapacity => self.child_capacity.is_some(),
        }
    }

    /// The first question still to be answered, or None when the answers are complete.
    pub fn first_unanswered(&self, today: NaiveDate) -> Option<Question> {
        self.questions(today)
            .into_iter()
            .find(|q| !self.is_answered(*q, today))
    }

    /// The household as the engine takes it, once every question that matters is answered.
    pub fn to_facts(&self, today: NaiveDate) -> Option<Facts> {
        if self.first_unanswered(today).is_some() {
            return None;
        }
        let child = self.child?;
        // Only what was asked reaches the rules: an answer left from an earlier path (a
        // schooling answer before the birth date was changed, say) is not a fact.
        let asked = self.questions(today);
        let asked = |q: Question| asked.contains(&q);
        let child_facts = Child {
            status: child,
            disability_grade: self
                .grade
                .filter(|_| child == ChildStatus::Disabled)
                .map(i64::from),
            disability_types: self
                .disability_types
                .clone()
                .filter(|_| asked(Question::DisabilityTypes))
                .unwrap_or_default(),
            birth_date: self
                .child_birth
                .map(Birth::date)
                .filter(|_| asked(Question::ChildBirth)),
            schooling: self.schooling.filter(|_| asked(Question::Schooling)),
            civil_capacity: self
                .child_capacity
                .filter(|_| asked(Question::ChildCapacity)),
        };
        let mut parents = if self.not_special() {
            // Outside the special families nothing applies whoever the parents are; the
            // engine still wants one parent, so a neutral one stands in.
            vec![stand_in_parent(today)]
        } else if self.parents_late() {
            // Both parents late: no rule reads their births (only 户籍 counts, for coverage
            // and the grave plot), so they are not asked, and the engine, which wants a birth
            // date per parent, is given a neutral stand-in that passes its checks: 60 years
            // before today, or 20 years before the child's birth if that is earlier (a parent
            // is 14 to 59 at a child's birth, RULINGS Round 3), never more than 120 years
            // before today. See docs/sharing.md.
            let hukou = self.hukou?;
            let sixty =
                NaiveDate::from_ymd_opt(today.year() - 60, today.month(), 1).unwrap_or(today);
            let oldest =
                NaiveDate::from_ymd_opt(today.year() - 120, today.month(), 1).unwrap_or(today);
            let born = child_facts.birth_date.map_or(sixty, |c| {
                let twenty_before = NaiveDate::from_ymd_opt(c.year() - 20, c.month(), 1);
                twenty_before.unwrap_or(c).max(oldest)
            });
            ParentSlot::BOTH
                .iter()
                .map(|slot| {
                    let mut p = Parent::new(slot.role(), born, holds(hukou, *slot));
                    p.alive = false;
                    p.other_child = self.other_child_of == Some(*slot);
                    p
                })
                .collect()
        } else {
            let living = self.living?;
            let hukou = self.hukou?;
            let mut parents = Vec::with_capacity(2);
            for slot in ParentSlot::BOTH {
                let alive = !matches!(
                    (living, slot),
                    (Living::MotherOnly, ParentSlot::Father)
                        | (Living::FatherOnly, ParentSlot::Mother)
                );
                // A late father's birth date is never asked: no rule reads it (the 49 check
                // reads the mother's, the 60 checks the living). He is still listed, because
                // his 户籍 counts towards the one-off relief.
                let Some(birth) = self.birth(slot).or(self.birth(ParentSlot::Mother)) else {
                    continue;
                };
                let i = slot as usize;
                let health = self.health.unwrap_or_default();
                parents.push(Parent {
                    role: slot.role(),
                    birth_date: birth,
                    alive,
                    kaifeng_hukou: holds(hukou, slot),
                    self_care: self.health.map(|h| !h.no_self_care[i]),
                    civil_capacity: !health.no_civil_capacity[i],
                    mobility_limited: health.mobility_limited[i],
                    pension: self.pension[i].unwrap_or(Scheme::None),
                    medical: self.medical[i].unwrap_or(Scheme::None),
                    care_setting: self.care[i],
                    hospital_days: self.hospital_days[i].map(i64::from).unwrap_or(0),
                    other_child: self.other_child_of == Some(slot),
                    marital: if self.divorced && living == Living::Both {
                        Marital::Divorced
                    } else {
                        Marital::Married
                    },
                    area: None,
                });
            }
            parents
        };
        let mut circumstances = self.circumstances.clone().unwrap_or_default();
        if !self.offers_rebirth(today) {
            // Not offered, so not answered.
            circumstances.wants_another_child = false;
            circumstances.needs_ivf = false;
        }
        if !self.offers_adoption(today) {
            circumstances.wants_to_adopt = false;
        }
        let own = self.own_areas();
        if let Some(areas) = own {
            // The household's county is the mother's; each parent keeps their own.
            for p in parents.iter_mut() {
                p.area = areas[if p.role == Role::Mother { 0 } else { 1 }];
            }
        }
        Some(Facts {
            as_of: Some(today),
            area: own.map_or(self.area, |a| a[0]),
            residence: self.residence.unwrap_or(Residence::Urban),
            child: child_facts,
            has_other_child: self.other_child.unwrap_or(false),
            parents,
            circumstances,
        })
    }
}

/// Whether the parent in `slot` holds Kaifeng 户籍 by the answer `hukou`.
fn holds(hukou: HukouHolders, slot: ParentSlot) -> bool {
    matches!(
        (hukou, slot),
        (HukouHolders::Both, _)
            | (HukouHolders::MotherOnly, ParentSlot::Mother)
            | (HukouHolders::FatherOnly, ParentSlot::Father)
    )
}

fn stand_in_parent(today: NaiveDate) -> Parent {
    let born = NaiveDate::from_ymd_opt(today.year() - 50, 1, 1).unwrap_or(today);
    Parent::new(Role::Mother, born, true)
}

/// One screen's answer, as the app sends it to the reducer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    Child(ChildStatus),
    Grade(u8),
    OtherChild(bool),
    /// Only this parent had or adopted another child.
    OtherChildOf(ParentSlot),
    Living(Living),
    /// Both parents living, divorced: the fifth answer of the living-parents question.
    Divorced,
    MotherBirth(Birth),
    FatherBirth(Birth),
    Hukou(HukouHolders),
    Area(Area),
    /// The two parents are registered in different counties: the area question's last answer.
    AreasDiffer,
    ParentAreas([Option<Area>; 2]),
    Residence(Residence),
    Pension([Option<Scheme>; 2]),
    Medical([Option<Scheme>; 2]),
    HospitalDays([Option<u16>; 2]),
    Care([Option<CareSetting>; 2]),
    Health(Health),
    Circumstances(Circumstances),
    Schooling(Schooling),
    ChildBirth(Birth),
    DisabilityTypes(Vec<DisabilityType>),
    ChildCapacity(bool),
}

impl AnswerValue {
    pub fn question(&self) -> Question {
        match self {
            AnswerValue::Child(_) => Question::Child,
            AnswerValue::Grade(_) => Question::Grade,
            AnswerValue::OtherChild(_) | AnswerValue::OtherChildOf(_) => Question::OtherChild,
            AnswerValue::Living(_) | AnswerValue::Divorced => Question::Parents,
            AnswerValue::MotherBirth(_) => Question::MotherBirth,
            AnswerValue::FatherBirth(_) => Question::FatherBirth,
            AnswerValue::Hukou(_) => Question::Hukou,
            AnswerValue::Area(_) | AnswerValue::AreasDiffer => Question::Area,
            AnswerValue::ParentAreas(_) => Question::ParentAreas,
            AnswerValue::Residence(_) => Question::Residence,
            AnswerValue::Pension(_) => Question::Pension,
            AnswerValue::Medical(_) => Question::Medical,
            AnswerValue::HospitalDays(_) => Question::HospitalDays,
            AnswerValue::Care(_) => Question::CareSetting,
            AnswerValue::Health(_) => Question::Health,
            AnswerValue::Circumstances(_) => Question::Circumstances,
            AnswerValue::Schooling(_) => Question::Schooling,
            AnswerValue::ChildBirth(_) => Question::ChildBirth,
            AnswerValue::DisabilityTypes(_) => Question::DisabilityTypes,
            AnswerValue::ChildCapacity(_) => Question::ChildCapacity,
        }
    }
}

impl Answers {
    /// Marks an item 已经在享受 (`true`) or takes the mark off, keeping catalogue order.
    pub fn mark_received(&mut self, id: BenefitId, received: bool) {
        self.received.retain(|r| *r != id);
        if received {
            let at = self.received.partition_point(|r| *r < id);
            self.received.insert(at, id);
        }
    }

    pub fn is_received(&self, id: BenefitId) -> bool {
        self.received.contains(&id)
    }

    /// Records one answer; every other answer is kept as it was.
    pub fn apply(&mut self, value: AnswerValue) {
        match value {
            AnswerValue::Child(v) => {
                // 生活不能自理 is offered on the health screen only when the child has died
                // (only then does a result read it): a health answer given before the child
                // was said to have died never offered it, so the screen is asked again.
                if v == ChildStatus::Deceased && self.child != Some(v) {
                    self.health = None;
                }
                self.child = Some(v);
            }
            AnswerValue::Grade(v) => self.grade = Some(v),
            AnswerValue::OtherChild(v) => {
                self.other_child = Some(v);
                self.other_child_of = None;
            }
            AnswerValue::OtherChildOf(slot) => {
                self.other_child = Some(false);
                self.other_child_of = Some(slot);
            }
            AnswerValue::Living(v) => {
                self.living = Some(v);
                self.divorced = false;
            }
            AnswerValue::Divorced => {
                self.living = Some(Living::Both);
                self.divorced = true;
            }
            AnswerValue::MotherBirth(v) => self.mother_birth = Some(v),
            AnswerValue::FatherBirth(v) => self.father_birth = Some(v),
            AnswerValue::Hukou(v) => self.hukou = Some(v),
            AnswerValue::Area(v) => {
                self.area = Some(v);
                self.areas_differ = false;
            }
            AnswerValue::AreasDiffer => {
                self.area = None;
                self.areas_differ = true;
            }
            AnswerValue::ParentAreas(v) => merge(&mut self.parent_areas, v),
            AnswerValue::Residence(v) => self.residence = Some(v),
            AnswerValue::Pension(v) => merge(&mut self.pension, v),
            AnswerValue::Medical(v) => merge(&mut self.medical, v),
            AnswerValue::HospitalDays(v) => merge(&mut self.hospital_days, v),
            AnswerValue::Care(v) => merge(&mut self.care, v),
            AnswerValue::Health(v) => self.health = Some(v),
            AnswerValue::Circumstances(v) => self.circumstances = Some(v),
            AnswerValue::Schooling(v) => self.schooling = Some(v),
            AnswerValue::ChildBirth(v) => self.child_birth = Some(v),
            AnswerValue::DisabilityTypes(v) => self.disability_types = Some(v),
            AnswerValue::ChildCapacity(v) => self.child_capacity = Some(v),
        }
    }
}

/// Per-parent answers only overwrite the parents answered on that screen, so a parent's
/// answer survives a change of who is living and back.
fn merge<T: Copy>(into: &mut [Option<T>; 2], from: [Option<T>; 2]) {
    for (slot, value) in into.iter_mut().zip(from) {
        if value.is_some() {
            *slot = value;
        }
    }
}

impl Answers {
    /// The answers a person would give for `facts`, where the questionnaire can express
    /// them: used to replay every engine scenario through the app. None when it cannot (no
    /// mother listed, say, which the app always asks about).
    pub fn from_facts(facts: &Facts, today: NaiveDate) -> Option<Answers> {
        let mother = facts.parents.iter().find(|p| p.role == Role::Mother)?;
        let father = facts.parents.iter().find(|p| p.role == Role::Father);
        let living = match (mother.alive, father.map(|f| f.alive)) {
            (true, Some(true)) => Living::Both,
            (true, _) => Living::MotherOnly,
            (false, Some(true)) => Living::FatherOnly,
            (false, Some(false)) => Living::Neither,
            (false, None) => return None,
        };
        if living == Living::Both && father.is_none() {
            return None;
        }
        // The questionnaire asks divorce of a living couple only, and another child of one
        // parent alone; remarriage and a parent's own county it does not ask.
        let divorced = facts.parents.iter().any(|p| p.divorced());
        let unasked = facts
            .parents
            .iter()
            .any(|p| p.marital == crate::rules::Marital::Remarried);
        // Each parent's own county: asked of a living couple both registered in Kaifeng.
        let own_area = |p: &Parent| p.area.or(facts.area);
        let areas_differ = father.is_some_and(|f| own_area(f) != own_area(mother))
            || facts.parents.iter().any(|p| own_area(p) != facts.area);
        let mother_other = mother.other_child;
        let father_other = father.is_some_and(|f| f.other_child);
        // Both parents' own other children are the household's (`has_other_child`).
        let both_other = facts.has_other_child || (mother_other && father_other);
        let other_child_of = match (both_other, mother_other, father_other) {
            (false, true, false) => Some(ParentSlot::Mother),
            (false, false, true) => Some(ParentSlot::Father),
            _ => None,
        };
        if unasked || (divorced && living != Living::Both) {
            return None;
        }
        let hukou = match (
            mother.kaifeng_hukou,
            father.is_some_and(|f| f.kaifeng_hukou),
        ) {
            (true, true) => HukouHolders::Both,
            (true, false) => HukouHolders::MotherOnly,
            (false, true) => HukouHolders::FatherOnly,
            (false, false) => HukouHolders::Neither,
        };
        let by_slot = |slot: ParentSlot| match slot {
            ParentSlot::Mother => Some(mother),
            ParentSlot::Father => father,
        };
        let mut a = Answers {
            child: Some(facts.child.status),
            grade: facts
                .child
                .disability_grade
                .and_then(|g| u8::try_from(g).ok()),
            other_child: Some(both_other),
            other_child_of,
            living: Some(living),
            mother_birth: Some(Birth::Day(mother.birth_date)),
            father_birth: father.map(|f| Birth::Day(f.birth_date)),
            hukou: Some(hukou),
            area: facts.area,
            residence: Some(facts.residence),
            circumstances: Some(facts.circumstances.clone()),
            schooling: Some(facts.child.schooling.unwrap_or(Schooling::None)),
            child_birth: facts.child.birth_date.map(Birth::Day),
            disability_types: Some(facts.child.disability_types.clone()),
            child_capacity: Some(facts.child.has_civil_capacity()),
            divorced,
            areas_differ,
            parent_areas: [own_area(mother), father.and_then(own_area)],
            ..Answers::default()
        };
        if areas_differ && !a.offers_areas_differ() {
            return None;
        }
        if living == Living::Neither {
            // Not asked when both parents have died.
            a.mother_birth = None;
            a.father_birth = None;
        }
        let mut health = Health::default();
        for slot in ParentSlot::BOTH {
            let Some(p) = by_slot(slot).filter(|p| p.alive) else {
                continue;
            };
            let i = slot as usize;
            a.pension[i] = Some(p.pension);
            a.medical[i] = Some(p.medical);
            // The app always asks where it matters; unanswered reads as at home there too.
            a.care[i] = Some(p.care_setting.unwrap_or(CareSetting::Home));
            a.hospital_days[i] = u16::try_from(p.hospital_days).ok();
            health.mobility_limited[i] = p.mobility_limited;
            health.no_self_care[i] = !p.cares_for_self();
            health.no_civil_capacity[i] = !p.civil_capacity;
        }
        a.health = Some(health);
        // A question the app would not ask must not carry an answer either.
        let asked = a.questions(today);
        if !asked.contains(&Question::Area) {
            a.area = None;
        }
        if a.areas_differ {
            a.area = None;
        } else {
            a.parent_areas = [None, None];
        }
        if a.first_unanswered(today).is_some() {
            return None;
        }
        // A fact the app would not ask for at this age (schooling at 40, civil capacity at
        // 10, 想再要一个孩子 at 60) cannot be expressed through it.
        let through = a.to_facts(today)?;
        let disabled = facts.child.status == ChildStatus::Disabled;
        let child_lost = through.child.schooling.unwrap_or(Schooling::None)
            != facts.child.schooling.unwrap_or(Schooling::None)
            || through.child.has_civil_capacity() != facts.child.has_civil_capacity();
        // 考虑收养一个孩子 is not asked when every living parent is 60 or older (RULINGS
        // "Adoption is not asked of the old"), though a register that says so is answered.
        let rebirth_lost = through.circumstances.wants_another_child
            != facts.circumstances.wants_another_child
            || through.circumstances.needs_ivf != facts.circumstances.needs_ivf
            || through.circumstances.wants_to_adopt != facts.circumstances.wants_to_adopt;
        let special = !a.not_special() && !a.not_covered();
        (!(special && (disabled && child_lost || rebirth_lost))).then_some(a)
    }
}
