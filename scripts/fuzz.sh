#!/usr/bin/env bash
# Coverage-guided fuzzing for a bounded time (make test-fuzz, part of make test): the
# register's spreadsheet reader (fuzz/fuzz_targets/register_file.rs) and the facts parser
# (facts_json.rs), each for FUZZ_SECONDS (default 60), under -rss_limit_mb=512. Any crash,
# panic, heap past 512 MiB, leak or input slower than FUZZ_TIMEOUT seconds fails the run and
# leaves the input in fuzz/artifacts/<target>/ (rerun it: the command is printed).
#
#   scripts/fuzz.sh                      # both targets, 60 s each
#   FUZZ_SECONDS=1800 FUZZ_SEED=0 scripts/fuzz.sh register_file   # a long run, a new seed
#
# The seed is fixed (FUZZ_SEED, default 1): from a fresh clone's seeds a run tries the same
# inputs in the same order, the machine's speed deciding only how far it gets, so a finding
# in CI is one the change under test reaches again, not the luck of a draw. 0 lets libFuzzer
# choose (for long runs by hand).
#
# Built with plain cargo on the stable toolchain and the instrumentation flags cargo-fuzz
# passes (no sanitizer, nothing to install: docs/decisions.md), into fuzz/target. The build
# uses the project's Cargo.lock, so the fuzzed crates are the versions the product ships;
# cargo adds libfuzzer-sys (pinned in fuzz/Cargo.toml) to it. Seeds: the LibreOffice-made
# registers of tests/register and the households of examples/ and tests/scenarios, copied
# into fuzz/corpus/<target>/, where the corpus then grows (gitignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/fuzz"

SECONDS_EACH="${FUZZ_SECONDS:-60}"
SEED="${FUZZ_SEED:-1}"
TIMEOUT="${FUZZ_TIMEOUT:-30}"
RSS_LIMIT_MB=512
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(register_file facts_json)

# A native build, never with the wasm variables of scripts/env.sh.
unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES CARGO_BUILD_RUSTFLAGS \
    RUSTUP_TOOLCHAIN CARGO_BUILD_TARGET CARGO_ENCODED_RUSTFLAGS
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="$ROOT/fuzz/target"
# cargo-fuzz's flags (its `--sanitizer none` build): SanitizerCoverage's counters, PC table
# and comparison tracing for libFuzzer, and `cfg(fuzzing)`. With an explicit --target they
# reach only the target's code, not build scripts (which do not link libFuzzer).
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares"
host="$(rustc -vV | sed -n 's/^host: //p')"

started=$(date +%s)
cp "$ROOT/Cargo.lock" Cargo.lock
cargo build --release --target "$host" --bins
echo "fuzz: built in $(($(date +%s) - started)) s ($(rustc --version))"

seed() { # seed TARGET: copies the seeds into its corpus (those already there stay)
    local dir="corpus/$1"
    mkdir -p "$dir"
    case "$1" in
        register_file)
            find "$ROOT/tests/register" -type f \( -name '*.xlsx' -o -name '*.xls' -o -name '*.ods' -o -name '*.csv' \) \
                -exec cp -n -t "$dir" {} +
            ;;
        facts_json) cp -n -t "$dir" "$ROOT"/examples/*.json "$ROOT"/tests/scenarios/*.json ;;
        *)
            echo "fuzz: no seeds for '$1'" >&2
            exit 2
            ;;
    esac
}

max_len() {
    case "$1" in
        register_file) echo 32768 ;; # the largest seed, register.ods, is 18,096 bytes
        *) echo 4096 ;;
    esac
}

for t in "${targets[@]}"; do
    seed "$t"
    mkdir -p "artifacts/$t"
    bin="$CARGO_TARGET_DIR/$host/release/$t"
    log="$CARGO_TARGET_DIR/$t.log"
    echo "fuzz: $t for ${SECONDS_EACH} s, -rss_limit_mb=$RSS_LIMIT_MB, from $(find "corpus/$t" -type f | wc -l) inputs (log: fuzz/target/$t.log)"
    if ! "$bin" "corpus/$t" -seed="$SEED" -max_total_time="$SECONDS_EACH" -rss_limit_mb="$RSS_LIMIT_MB" \
        -timeout="$TIMEOUT" -max_len="$(max_len "$t")" -artifact_prefix="artifacts/$t/" \
        -print_final_stats=1 >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz: $t FAILED; the input is in fuzz/artifacts/$t/ (newest first):" >&2
        ls -t "artifacts/$t" | head -n 3 | sed 's/^/  /' >&2
        echo "fuzz: rerun it with: $bin fuzz/artifacts/$t/<file>" >&2
        exit 1
    fi
    # The corpus loaded, the last coverage line and the final stats.
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|^Done ' "$log" |
        sed "s/^/fuzz: $t: /"
done
echo "fuzz: ${targets[*]}: no finding, $(($(date +%s) - started)) s in all"
