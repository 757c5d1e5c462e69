//! Hostile bytes for the register's spreadsheet reader: whatever a file holds, read as each
//! kind (.xlsx, .xls, .ods, .csv), `file::read_bytes` answers or refuses; it never panics and
//! never allocates past docs/register.md's limits (run with `-rss_limit_mb=512`).
//!
//!   cargo +nightly fuzz run register_file -- -max_total_time=600 -rss_limit_mb=512
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["台账.xlsx", "台账.xls", "台账.ods", "台账.csv"] {
        let _ = fuzhu::register::file::read_bytes(data, name);
    }
});
