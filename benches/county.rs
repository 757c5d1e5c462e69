//! `cargo bench --bench county`: the county's view (issue 22) on a 100,000-family register:
//! the statistics (`stats::compute`), drawing the charts (`chart::of_stats`), deciding
//! the register again for a day ahead with the list of changes (`changes`), and comparing with
//! an earlier export (`compare::table` + `diff`). No criterion: the median of three runs each,
//! in milliseconds. See docs/benchmarks.md.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use fuzhu::flow::text::Lang;
use fuzhu::register::values::check_char;
use fuzhu::register::{changes, chart, check, compare, file, stats};

/// The register of tests/register.rs's 100,000-row test: 编号, 核查日期, 城乡, 子女情况,
/// 再生育或收养, 女方身份证号, 女方户籍, 男方出生日期, 男方开封户籍, 女方今年住院天数, plus a 县区
/// and a 社区 for the by-place tables.
fn big_csv(n: usize) -> String {
    let areas = ["鼓楼区", "龙亭区", "兰考县", "杞县", ""];
    let mut s = String::from("编号,县区,社区,核查日期,城乡,子女情况,再生育或收养,女方身份证号,女方户籍,男方出生日期,男方开封户籍,女方今年住院天数\n");
    for i in 0..n {
        let birth = format!("19{:02}0{}1{}", 60 + i % 20, 1 + i % 9, i % 10);
        let id17 = format!("410299{birth}{:03}", (i * 2) % 1000);
        let id = format!("{id17}{}", check_char(id17.as_bytes()));
        s.push_str(&format!(
            "K{i},{},社区{},2026-06-01,{},死亡,否,{id},是,1960/1/{},{},{}\n",
            areas[i % areas.len()],
            i % 40,
            if i % 2 == 0 { "城镇" } else { "农村" },
            1 + i % 28,
            if i % 3 == 0 { "否" } else { "是" },
            i % 100
        ));
    }
    s
}

fn median(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[1]
}

fn main() {
    let n: usize = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(100_000);
    let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let ahead = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
    let start = Instant::now();
    let reg = check(file::read_csv(big_csv(n).as_bytes()).unwrap(), today).unwrap();
    println!(
        "{n} families read and decided in {:.0} ms (for reference)",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let mut st = None;
    let t = median(|| st = Some(black_box(stats::compute(&reg, today))));
    println!("stats::compute: {t:.0} ms");
    let st = st.unwrap();
    let t = median(|| {
        black_box(chart::of_stats::items(&st, Lang::Zh));
        black_box(chart::of_stats::months(&st, Lang::Zh));
    });
    println!("the charts drawn (on the page): {t:.3} ms");
    let mut after = None;
    let t = median(|| after = Some(changes::redecide(&reg, ahead, today)));
    let after = after.unwrap();
    println!("changes::redecide for a day ahead: {t:.0} ms");
    let mut list = Vec::new();
    let t = median(|| list = changes::between(&reg, &after, ahead));
    println!(
        "changes::between: {t:.0} ms ({} families change)",
        list.len()
    );
    let old = compare::table(&reg);
    let mut new = None;
    let t = median(|| new = Some(compare::table(&after)));
    println!(
        "compare::table (the register as its export writes it, the columns compared): {t:.0} ms"
    );
    let new = new.unwrap();
    let mut diff = Vec::new();
    let t = median(|| diff = compare::diff(&old, &new));
    println!("compare::diff: {t:.0} ms ({} families differ)", diff.len());
}
