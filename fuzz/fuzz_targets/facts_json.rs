//! The command line's path for `fuzhu check` on any bytes: JSON, then `Facts` through
//! serde_path_to_error, then `evaluate` (which validates). It must answer or refuse naming a
//! field, never panic, and free all it took. `make test` runs it for a bounded time
//! (scripts/fuzz.sh, seeds: `examples/*.json` and `tests/scenarios/*.json`).
#![no_main]

#[path = "heap.rs"]
mod heap;

use chrono::NaiveDate;
use fuzhu::rules::{evaluate, Facts};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

fuzz_target!(|data: &[u8]| heap::within_limits(|| read(data)));

fn read(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text))
    else {
        return;
    };
    let households = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("a real date");
    for household in households {
        let Ok(facts) = serde_path_to_error::deserialize::<_, Facts>(household) else {
            continue;
        };
        match evaluate(&facts, today) {
            Ok(outcome) => assert!(serde_json::to_string(&outcome).is_ok()),
            Err(e) => assert!(!e.field.is_empty() && !e.en.is_empty() && !e.zh.is_empty()),
        }
    }
}
