//! Writes a register of N made-up households (default 20,000) as one JSON array on stdout, the
//! shape street offices feed to `fuzhu check`. Deterministic: the same N gives the same file.
//!
//! `cargo run --release --example make_register -- 20000 > /tmp/register.json`
//! (used by `scripts/bench-cli.sh`; see docs/benchmarks.md).

use chrono::{Datelike, Days, NaiveDate};
use fuzhu::rules::{
    Area, CareSetting, Child, ChildStatus, Circumstances, DisabilityType, Facts, Parent, Residence,
    Role, Scheme, Schooling,
};

/// A small linear congruential generator: no dependency, same sequence everywhere.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn born(rng: &mut Lcg, as_of: NaiveDate, min_age: u64, max_age: u64) -> NaiveDate {
    let days = (min_age + rng.below(max_age - min_age)) * 365 + rng.below(365);
    as_of - Days::new(days)
}

fn parent(rng: &mut Lcg, role: Role, as_of: NaiveDate) -> Parent {
    let schemes = [
        Scheme::Resident,
        Scheme::Resident,
        Scheme::Employee,
        Scheme::None,
    ];
    Parent {
        role,
        birth_date: born(rng, as_of, 35, 85),
        alive: rng.chance(92),
        kaifeng_hukou: rng.chance(90),
        self_care: Some(rng.chance(85)),
        civil_capacity: rng.chance(95),
        mobility_limited: rng.chance(20),
        pension: rng.pick(&schemes),
        medical: rng.pick(&schemes),
        care_setting: rng.pick(&[
            None,
            Some(CareSetting::Home),
            Some(CareSetting::Home),
            Some(CareSetting::PublicHome),
            Some(CareSetting::PublicPrivateHome),
            Some(CareSetting::PrivateHome),
        ]),
        // Days of this calendar year up to the check date, as the facts require.
        hospital_days: if rng.chance(30) {
            (rng.below(130) as i64).min(i64::from(as_of.ordinal()))
        } else {
            0
        },
        other_child: false,
        marital: Default::default(),
        area: None,
    }
}

fn household(rng: &mut Lcg) -> Facts {
    let as_of = day(2023, 8, 1) + Days::new(rng.below(1000));
    let status = rng.pick(&[
        ChildStatus::Deceased,
        ChildStatus::Deceased,
        ChildStatus::Deceased,
        ChildStatus::Disabled,
        ChildStatus::Disabled,
        ChildStatus::Living,
    ]);
    let disabled = status == ChildStatus::Disabled;
    let child = Child {
        status,
        disability_grade: disabled.then(|| 1 + rng.below(4) as i64),
        disability_types: if disabled {
            vec![rng.pick(&DisabilityType::ALL)]
        } else {
            vec![]
        },
        birth_date: (disabled && rng.chance(70)).then(|| born(rng, as_of, 0, 30)),
        schooling: disabled.then(|| {
            rng.pick(&[
                Schooling::None,
                Schooling::HighSchool,
                Schooling::Vocational,
                Schooling::College,
            ])
        }),
        civil_capacity: None,
    };
    let mut parents = match rng.below(10) {
        0 => vec![parent(rng, Role::Mother, as_of)],
        1 => vec![parent(rng, Role::Father, as_of)],
        _ => vec![
            parent(rng, Role::Mother, as_of),
            parent(rng, Role::Father, as_of),
        ],
    };
    if !parents.iter().any(|p| p.alive) {
        parents[0].alive = true;
    }
    Facts {
        as_of: Some(as_of),
        area: rng.chance(90).then(|| rng.pick(&Area::ALL)),
        residence: rng.pick(&[Residence::Urban, Residence::Rural]),
        child,
        has_other_child: rng.chance(8),
        parents,
        circumstances: Circumstances {
            low_income: rng.chance(25),
            housing_difficulty: rng.chance(10),
            dilapidated_house: rng.chance(8),
            poverty_registered: rng.chance(10),
            wants_another_child: rng.chance(5),
            needs_ivf: rng.chance(3),
            wants_to_adopt: rng.chance(3),
            legal_dispute: rng.chance(4),
        },
    }
}

fn main() {
    let n: usize = match std::env::args().nth(1) {
        None => 20_000,
        Some(a) => a.parse().unwrap_or_else(|_| {
            eprintln!("usage: make_register [N]  (N households, default 20000)");
            std::process::exit(2)
        }),
    };
    let mut rng = Lcg(0x5eed_2023_0801);
    let register: Vec<Facts> = (0..n).map(|_| household(&mut rng)).collect();
    println!("{}", serde_json::to_string(&register).unwrap());
}
