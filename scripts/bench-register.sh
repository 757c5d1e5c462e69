#!/usr/bin/env bash
# Benchmark for docs/benchmarks.md: `fuzhu register` on a 100,000-row register, .xlsx in and
# .xlsx out, side by side with pandas `read_excel` merely reading the same file, in one run.
#   scripts/bench-register.sh [ROWS] [RUNS]     (defaults: 100000 rows, 3 runs each)
#   PROFILE=bench scripts/bench-register.sh     fuzhu built with opt-level 3 (the release
#                                               profile optimises for size, for the wasm)
# Each run prints wall-clock seconds and CPU seconds (user + system): on a shared machine the
# wall clock follows the load, the CPU time much less.
# Needs python3 with pandas and openpyxl (pip install pandas openpyxl), LibreOffice Calc (the
# register is saved as .xlsx by Calc, as an office's would be) and GNU time (/usr/bin/time).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-100000}"
RUNS="${2:-3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target/bench-register}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -c 'import pandas, openpyxl' 2>/dev/null || {
    echo "bench-register: needs pandas and openpyxl: pip install pandas openpyxl" >&2
    exit 1
}
command -v soffice >/dev/null || {
    echo "bench-register: needs soffice (apt-get install -y --no-install-recommends libreoffice-calc-nogui)" >&2
    exit 1
}

PROFILE="${PROFILE:-release}"
echo "building fuzhu ($PROFILE profile)..." >&2
(cd "$ROOT" && cargo build --profile "$PROFILE" --quiet --bin fuzhu)
# Cargo keeps the bench profile's build in release/ too.
FUZHU="$CARGO_TARGET_DIR/release/fuzhu"

python3 - "$work/register.csv" "$ROWS" <<'PY'
import csv, random, sys
path, n = sys.argv[1], int(sys.argv[2])
random.seed(9)
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"
def idn(y, m, d, female):
    seq = random.randrange(0, 500) * 2 + (0 if female else 1)
    s = f"410299{y:04}{m:02}{d:02}{seq:03}"
    return s + C[sum(int(a) * w for a, w in zip(s, W)) % 11]
areas = ["龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区", "杞县", "通许县", "尉氏县", "兰考县", "城乡一体化示范区"]
head = ["编号", "核查日期", "县区", "城乡", "子女情况", "残疾等级", "子女出生日期", "再生育或收养",
        "女方姓名", "女方身份证号", "女方开封户籍", "女方养老保险", "女方医疗保险", "女方今年住院天数",
        "男方姓名", "男方出生日期", "男方状况", "男方开封户籍", "男方养老保险", "男方行动不便",
        "生活困难", "已领特别扶助金"]
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(head)
    for i in range(n):
        my, mm, md = random.randrange(1950, 1990), random.randrange(1, 13), random.randrange(1, 29)
        fy = my - random.randrange(0, 5)
        disabled = random.random() < 0.3
        w.writerow([
            f"KF-{i:06}", "2026-06-01", random.choice(areas), random.choice(["城镇", "农村"]),
            "伤残" if disabled else "死亡", random.choice(["一级", "二级", "三级", "四级"]) if disabled else "",
            f"{my + 25}/{mm}/{md}" if disabled else "", "否",
            "某某", idn(my, mm, md, True), random.choice(["是", "是", "否"]),
            random.choice(["城乡居民", "职工", ""]), random.choice(["城乡居民", "职工", ""]),
            str(random.randrange(0, 30)),
            "某某", f"{fy}年{mm}月{md}日", random.choice(["在世", "在世", "已故"]), "是",
            random.choice(["城乡居民", "职工", ""]), random.choice(["是", "否", ""]),
            random.choice(["是", "否", ""]), random.choice(["是", "否", ""]),
        ])
PY
echo "saving $ROWS rows as .xlsx with LibreOffice..." >&2
soffice --headless --infilter="CSV:44,34,76,1,10/2" --convert-to xlsx --outdir "$work" "$work/register.csv" >/dev/null 2>&1
ls -l "$work/register.xlsx" >&2

# One line per run: seconds and peak memory (GNU time).
measure() {
    local label="$1"
    shift
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "$label %e s wall, %U + %S s CPU, %M KB" "$@" 2>&1 >/dev/null | tail -1
    done
}

echo "fuzhu: $PROFILE profile; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(uname -m); $("$FUZHU" --help >/dev/null 2>&1; soffice --version 2>/dev/null | head -1)"
echo "python $(python3 -c 'import sys, pandas, openpyxl; print(sys.version.split()[0], "pandas", pandas.__version__, "openpyxl", openpyxl.__version__)')"
echo "file: $ROWS rows x 22 columns, $(stat -c %s "$work/register.xlsx") bytes"
measure "fuzhu register xlsx->xlsx:" sh -c "'$FUZHU' register '$work/register.xlsx' -o '$work/out.xlsx' --today 2026-12-01 2>/dev/null"
measure "fuzhu register xlsx->csv: " sh -c "'$FUZHU' register '$work/register.xlsx' -o '$work/out.csv' --today 2026-12-01 2>/dev/null"
measure "pandas read_excel only:   " python3 -c "import pandas; pandas.read_excel('$work/register.xlsx', dtype=str)"
"$FUZHU" register "$work/register.xlsx" -o "$work/out.xlsx" --today 2026-12-01 2>&1 >/dev/null | tail -2
echo "output: $(stat -c %s "$work/out.xlsx") bytes"
