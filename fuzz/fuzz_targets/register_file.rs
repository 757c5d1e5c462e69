//! Hostile bytes for the register's spreadsheet reader: whatever a file holds, read as each
//! kind (.xlsx, .xls, .ods, .csv), `file::read_bytes` answers or refuses; it never panics and
//! never holds more than 512 MiB of heap at once (docs/register.md's limit for a file under
//! 20 MB), and frees all it took. `make test` runs it for a bounded time (scripts/fuzz.sh,
//! seeds: the LibreOffice-made fixtures of tests/register).
#![no_main]

#[path = "heap.rs"]
mod heap;

use libfuzzer_sys::fuzz_target;

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

fuzz_target!(|data: &[u8]| {
    for name in ["台账.xlsx", "台账.xls", "台账.ods", "台账.csv"] {
        heap::within_limits(|| {
            let _ = fuzhu::register::file::read_bytes(data, name);
        });
    }
});
