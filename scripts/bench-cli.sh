#!/usr/bin/env bash
# Times `fuzhu check FILE --compact > /dev/null` on a register of made-up households, the way a
# street office runs a whole register. See docs/benchmarks.md.
#
#   scripts/bench-cli.sh            # 20,000 households, 5 runs
#   scripts/bench-cli.sh 5000 3     # N households, RUNS runs
#
# The register comes from `examples/make_register.rs` (deterministic: the same N gives the same
# file). Native only; uses the rustup toolchain as it is (do not source scripts/env.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n="${1:-20000}"
runs="${2:-5}"
file="${TMPDIR:-/tmp}/fuzhu-register-$n.json"

cargo build --quiet --release --bin fuzhu --example make_register
target/release/examples/make_register "$n" >"$file"
echo "register: $n households, $(($(wc -c <"$file") / 1024)) KiB ($file)"
echo "binary:   target/release/fuzhu ($(($(wc -c <target/release/fuzhu) / 1024)) KiB, release profile)"

# Once to check it answers, and to see the output size and peak memory.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak RSS %M KiB" target/release/fuzhu check "$file" --compact >"$file.out"
else
    target/release/fuzhu check "$file" --compact >"$file.out"
fi
echo "output:   $(($(wc -c <"$file.out") / 1024)) KiB"
rm -f "$file.out"

times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    target/release/fuzhu check "$file" --compact >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk -v k=$(((runs + 1) / 2)) 'NR == k')
best=$(echo "$sorted" | head -1)
echo "runs (ms): $(printf '%s\n' "${times[@]}" | awk '{printf "%s%.0f", (NR > 1 ? " " : ""), $1 / 1000}')"
awk -v m="$median" -v b="$best" -v n="$n" 'BEGIN {
    printf "median %.0f ms (%.1f µs per household); best %.0f ms (%.1f µs per household)\n",
        m / 1000, m / n, b / 1000, b / n
}'
