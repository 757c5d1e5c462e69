//! `cargo bench --bench evaluate`: how long deciding one household takes, and serialising its
//! outcome to JSON. No criterion (too heavy to build here): warm up, then the median of
//! several timed runs of many evaluations, in ns per household. See docs/benchmarks.md.
//!
//! `cargo bench --bench evaluate -- quick` runs fewer iterations (a smoke test);
//! `-- profile` only evaluates, in a loop, for `perf record` or callgrind; `-- only=K` keeps
//! the K-th household alone.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use fuzhu::rules::{evaluate, Facts};

/// Representative households: the common bereaved couple, a disabled child at school, an
/// elderly couple with every circumstance, a household outside the policy (not special), one
/// not covered, and a father listed alone who waits for a birthday.
const HOUSEHOLDS: [(&str, &str); 6] = [
    (
        "bereaved couple, 54 and 55",
        r#"{"as_of":"2024-06-01","area":"gulou","residence":"urban","child":{"status":"deceased"},"has_other_child":false,
            "parents":[{"role":"mother","birth_date":"1970-03-15","kaifeng_hukou":true,"hospital_days":12},
                       {"role":"father","birth_date":"1968-09-20","kaifeng_hukou":true}]}"#,
    ),
    (
        "disabled child at college",
        r#"{"as_of":"2024-06-01","area":"xiangfu","residence":"rural","child":{"status":"disabled","disability_grade":2,"disability_types":["physical"],"birth_date":"2004-09-01","schooling":"college"},"has_other_child":false,
            "parents":[{"role":"mother","birth_date":"1972-04-10","kaifeng_hukou":true,"pension":"resident","medical":"resident"},
                       {"role":"father","birth_date":"1971-11-03","kaifeng_hukou":true,"pension":"employee","medical":"employee"}]}"#,
    ),
    (
        "elderly couple, every circumstance",
        r#"{"as_of":"2024-06-01","area":"lankao","residence":"rural","child":{"status":"deceased"},"has_other_child":false,
            "parents":[{"role":"mother","birth_date":"1950-01-01","kaifeng_hukou":true,"self_care":false,"mobility_limited":true,"hospital_days":120},
                       {"role":"father","birth_date":"1948-05-05","kaifeng_hukou":false,"care_setting":"public_home","civil_capacity":false,"hospital_days":30}],
            "circumstances":{"low_income":true,"housing_difficulty":true,"dilapidated_house":true,"poverty_registered":true,"wants_another_child":true,"needs_ivf":true,"wants_to_adopt":true,"legal_dispute":true}}"#,
    ),
    (
        "not special (another child)",
        r#"{"as_of":"2024-06-01","residence":"urban","child":{"status":"deceased"},"has_other_child":true,
            "parents":[{"role":"mother","birth_date":"1970-03-15","kaifeng_hukou":true},{"role":"father","birth_date":"1968-09-20","kaifeng_hukou":true}]}"#,
    ),
    (
        "not covered (no Kaifeng hukou)",
        r#"{"as_of":"2024-06-01","residence":"urban","child":{"status":"deceased"},"has_other_child":false,
            "parents":[{"role":"mother","birth_date":"1970-03-15","kaifeng_hukou":false},{"role":"father","birth_date":"1968-09-20","kaifeng_hukou":false}]}"#,
    ),
    (
        "father alone, turns 49 later",
        r#"{"as_of":"2024-06-01","residence":"urban","child":{"status":"deceased"},"has_other_child":false,
            "parents":[{"role":"father","birth_date":"1980-07-01","kaifeng_hukou":true}]}"#,
    ),
];

/// Nanoseconds this thread has spent on a CPU (Linux), so that other programs busy on the same
/// cores do not count against us; `None` elsewhere.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Per call, in ns: the median over `runs` timings of `n` calls of `f`, by the wall clock and
/// by on-CPU time (NaN when unavailable).
fn median_ns(runs: usize, n: u32, mut f: impl FnMut()) -> (f64, f64) {
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let c0 = cpu_ns();
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        wall.push(t.elapsed().as_nanos() as f64 / f64::from(n));
        cpu.push(match (c0, cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / f64::from(n),
            _ => f64::NAN,
        });
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[runs / 2]
    };
    (median(wall), median(cpu))
}

fn main() {
    // `cargo bench` passes `--bench`; anything saying "quick" shortens the run.
    let quick = std::env::args().any(|a| a.contains("quick"));
    let (runs, n) = if quick { (3, 2_000) } else { (7, 200_000) };
    let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
    let mut facts: Vec<(&str, Facts)> = HOUSEHOLDS
        .iter()
        .map(|(name, json)| {
            (
                *name,
                serde_json::from_str(json).expect("a valid household"),
            )
        })
        .collect();

    // Warm up caches, branch predictors and the allocator.
    for _ in 0..(n / 4) {
        for (_, f) in &facts {
            black_box(evaluate(black_box(f), today).unwrap());
        }
    }

    // `-- profile`: evaluate only, in a loop, so `perf record` or callgrind sees nothing else;
    // `only=K` keeps the K-th household alone (from 0).
    if let Some(k) = std::env::args().find_map(|a| a.strip_prefix("only=")?.parse::<usize>().ok()) {
        let kept = facts.swap_remove(k.min(facts.len() - 1));
        facts = vec![kept];
    }
    if std::env::args().any(|a| a == "profile") {
        for _ in 0..(20 * n) {
            for (_, f) in &facts {
                black_box(evaluate(black_box(f), today).unwrap());
            }
        }
        return;
    }

    println!("fuzhu evaluate benchmark: median of {runs} runs of {n} calls each, ns per call");
    println!(
        "(wall clock; on-CPU time in brackets, which other programs on the machine do not inflate)"
    );
    println!(
        "{:<36} {:>18} {:>20}",
        "household", "evaluate", "outcome to JSON"
    );
    let mut sums = [0.0; 4];
    for (name, f) in &facts {
        let eval = median_ns(runs, n, || {
            black_box(evaluate(black_box(f), today).unwrap());
        });
        let outcome = evaluate(f, today).unwrap();
        let json = median_ns(runs, n / 4, || {
            black_box(serde_json::to_string(black_box(&outcome)).unwrap());
        });
        for (s, v) in sums.iter_mut().zip([eval.0, eval.1, json.0, json.1]) {
            *s += v;
        }
        println!("{name:<36} {:>18} {:>20}", pair(eval), pair(json));
    }
    let k = facts.len() as f64;
    println!(
        "{:<36} {:>18} {:>20}",
        "mean over the households",
        pair((sums[0] / k, sums[1] / k)),
        pair((sums[2] / k, sums[3] / k))
    );

    // A register: evaluate each household of a varied batch in turn.
    let batch: Vec<&Facts> = facts.iter().map(|(_, f)| f).cycle().take(600).collect();
    let per = median_ns(runs, (n / 600).max(1), || {
        for f in &batch {
            black_box(evaluate(black_box(f), today).unwrap());
        }
    });
    let b = batch.len() as f64;
    println!(
        "{:<36} {:>18}",
        "mixed batch, per household",
        pair((per.0 / b, per.1 / b))
    );
}

fn pair((wall, cpu): (f64, f64)) -> String {
    if cpu.is_nan() {
        format!("{wall:.0}")
    } else {
        format!("{wall:.0} [{cpu:.0}]")
    }
}
