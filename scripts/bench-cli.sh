#!/usr/bin/env bash
# Times `fuzhu check FILE --compact > /dev/null` on a register of made-up households, the way a
# street office runs a whole register. See docs/benchmarks.md.
#
#   scripts/bench-cli.sh            # 20,000 households, 5 runs
#   scripts/bench-cli.sh 5000 3     # N households, RUNS runs
#
# The register comes from `examples/make_register.rs` (deterministic: the same N gives the same
# file). Native only; uses the rustup toolchain as it is (do not source scripts/env.sh).
# Besides the wall clock it reports CPU time (user + system, from /usr/bin/time when present),
# which other programs busy on the same machine inflate far less.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n="${1:-20000}"
runs="${2:-5}"
file="${TMPDIR:-/tmp}/fuzhu-register-$n.json"

cargo build --quiet --release --bin fuzhu --example make_register
target/release/examples/make_register "$n" >"$file"
echo "register: $n households, $(($(wc -c <"$file") / 1024)) KiB ($file)"
echo "binary:   target/release/fuzhu, $(($(wc -c <target/release/fuzhu) / 1024)) KiB (release profile)"

timer=()
if [ -x /usr/bin/time ]; then
    timer=(/usr/bin/time -f "%e %U %S %M" -o "$file.time")
fi

# Once to check that it answers, and to see the output's size.
target/release/fuzhu check "$file" --compact >"$file.out"
echo "output:   $(($(wc -c <"$file.out") / 1024)) KiB"
rm -f "$file.out"

wall=()
cpu=()
rss=0
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "${timer[@]}" target/release/fuzhu check "$file" --compact >/dev/null
    end=$(date +%s%N)
    wall+=($(((end - start) / 1000000)))
    if [ -f "$file.time" ]; then
        read -r _ user sys peak <"$file.time"
        cpu+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }')")
        rss=$peak
        rm -f "$file.time"
    fi
done

median() { printf '%s\n' "$@" | sort -n | awk -v k=$((($# + 1) / 2)) 'NR == k'; }
report() {
    local what=$1
    shift
    local m
    m=$(median "$@")
    awk -v w="$what" -v m="$m" -v n="$n" -v all="$*" 'BEGIN {
        printf "%-5s median %5.0f ms = %5.1f µs per household   (runs: %s ms)\n", w, m, m * 1000 / n, all
    }'
}
report wall "${wall[@]}"
if [ ${#cpu[@]} -gt 0 ]; then
    report cpu "${cpu[@]}"
    echo "peak memory: $((rss / 1024)) MiB"
fi
