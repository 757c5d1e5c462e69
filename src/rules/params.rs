//! Every amount and threshold the policy names, each with the day it took effect. When Kaifeng
//! raises an amount, the change is one new line in a table here, and checks dated before the
//! change keep the old amount.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A value in force from `from` until the next entry of its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated<T: 'static> {
    pub from: NaiveDate,
    pub value: T,
}

/// A table of dated values, oldest first.
#[derive(Debug, Clone, Copy)]
pub struct Parameter<T: 'static> {
    pub name: &'static str,
    pub unit: &'static str,
    pub history: &'static [Dated<T>],
}

impl<T: Copy> Parameter<T> {
    /// The value in force on `day`, if any entry had begun by then.
    pub fn at(&self, day: NaiveDate) -> Option<T> {
        self.history
            .iter()
            .rev()
            .find(|d| d.from <= day)
            .map(|d| d.value)
    }
}

const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("not a calendar date"),
    }
}

const fn yuan(n: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, false, 0)
}

/// 本实施意见自2023年8月1日起实施。
pub const POLICY_IN_FORCE: NaiveDate = date(2023, 8, 1);

/// 对独生子女死亡、女方年满49周岁的夫妻的特别扶助金由每人每月1180元提高到每人每月1430元
pub const SPECIAL_SUPPORT_DEATH_MONTHLY: Parameter<Decimal> = Parameter {
    name: "special_support.death.monthly_per_person",
    unit: "元/人/月",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: yuan(1430),
    }],
};

/// 女方年满49周岁
pub const SPECIAL_SUPPORT_MOTHER_AGE: Parameter<u32> = Parameter {
    name: "special_support.mother_age",
    unit: "周岁",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: 49,
    }],
};

/// 夫妻双方为我市户籍的，一次性救助1万元
pub const DEATH_RELIEF_BOTH_HUKOU: Parameter<Decimal> = Parameter {
    name: "death_relief.both_spouses_kaifeng",
    unit: "元/户，一次性",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: yuan(10_000),
    }],
};

/// 夫妻一方为我市户籍的，一次性救助0.5万元
pub const DEATH_RELIEF_ONE_HUKOU: Parameter<Decimal> = Parameter {
    name: "death_relief.one_spouse_kaifeng",
    unit: "元/户，一次性",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: yuan(5_000),
    }],
};

/// 年满60周岁的计划生育特殊家庭父母
pub const ELDER_CARE_AGE: Parameter<u32> = Parameter {
    name: "elder_care.age",
    unit: "周岁",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: 60,
    }],
};

/// 统一缴纳每人每年900元的住院护理补贴保险
pub const NURSING_PREMIUM_YEARLY: Parameter<Decimal> = Parameter {
    name: "nursing_insurance.premium_per_person_year",
    unit: "元/人/年",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: yuan(900),
    }],
};

/// 住院期间享受每日300元的住院护理补贴
pub const NURSING_DAILY: Parameter<Decimal> = Parameter {
    name: "nursing_insurance.daily",
    unit: "元/天",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: yuan(300),
    }],
};

/// 每年最长不超过90天
pub const NURSING_MAX_DAYS: Parameter<u32> = Parameter {
    name: "nursing_insurance.max_days_per_year",
    unit: "天/年",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: 90,
    }],
};

/// 0—6岁……残疾儿童优先实施康复救助服务 (0 to 6 inclusive: before the 7th birthday).
pub const CHILD_REHAB_MAX_AGE: Parameter<u32> = Parameter {
    name: "rehabilitation.child_max_age",
    unit: "周岁",
    history: &[Dated {
        from: POLICY_IN_FORCE,
        value: 6,
    }],
};

/// The birthday that ends 0—6岁 as [`CHILD_REHAB_MAX_AGE`] stands on `day`: the 7th.
pub(crate) fn child_rehab_end_age(day: NaiveDate) -> u32 {
    on(&CHILD_REHAB_MAX_AGE, day) + 1
}

/// Every decimal parameter, for the catalogue tests and `fuzhu explain`.
pub const MONEY: [Parameter<Decimal>; 5] = [
    SPECIAL_SUPPORT_DEATH_MONTHLY,
    DEATH_RELIEF_BOTH_HUKOU,
    DEATH_RELIEF_ONE_HUKOU,
    NURSING_PREMIUM_YEARLY,
    NURSING_DAILY,
];

/// Every whole-number threshold.
pub const THRESHOLDS: [Parameter<u32>; 4] = [
    SPECIAL_SUPPORT_MOTHER_AGE,
    ELDER_CARE_AGE,
    NURSING_MAX_DAYS,
    CHILD_REHAB_MAX_AGE,
];

/// Value of `p` on `day`; every parameter has an entry from the day the policy took effect,
/// and days before that are refused by validation.
pub(crate) fn on<T: Copy>(p: &Parameter<T>, day: NaiveDate) -> T {
    p.at(day)
        .or_else(|| p.history.first().map(|d| d.value))
        .expect("every parameter has at least one dated value")
}
