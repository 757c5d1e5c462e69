#!/usr/bin/env bash
# Makes the register fixtures in tests/register/ (see tests/register/README.md):
#   source.csv        the register as an office would type it (written below by Python)
#   households.json   each data row's household as facts JSON, or the problem it must show
#   register.xlsx     LibreOffice Calc: source.csv imported (ID columns as text), saved as xlsx
#   register.xls      the same, saved as Excel 97-2003
#   register.ods      the same, saved as OpenDocument
#   register-utf8.csv register.xlsx saved by Calc as CSV, UTF-8
#   register-gbk.csv  register-utf8.csv converted to GB18030 with iconv
#   formulas-unsaved.xlsx  openpyxl: a formula with no saved result
#   formulas-saved.xlsx    LibreOffice: the same file opened and saved (result saved)
#   merged-header.xlsx     LibreOffice: a sheet with merged title, group and header cells,
#                          written as flat OpenDocument (.fods) by Python, saved as xlsx
# `scripts/make-register-fixtures.sh merged-header.xlsx` makes only that last file (it needs
# neither openpyxl nor iconv).
# Needs python3 (with openpyxl), iconv and LibreOffice Calc (apt-get install -y --no-install-recommends
# libreoffice-calc-nogui). Run from anywhere; it rewrites the files above.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/tests/register"
mkdir -p "$OUT"
command -v soffice >/dev/null || {
    echo "make-register-fixtures: soffice missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui" >&2
    exit 1
}

# merged-header.xlsx: a title merged over the columns (row 1), 女方 and 男方 merged over their
# columns (row 2), the headers under them (row 3: 姓名, 出生日期, 户籍 twice), and a 备注 header
# merged across two columns whose second column holds data; two households.
merged_header() {
    local work
    work="$(mktemp -d)"
    python3 - "$work/merged-header.fods" <<'PY'
import sys
from xml.sax.saxutils import escape

def cell(text, span=1):
    attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    if text == "":
        out = "<table:table-cell/>"
    else:
        out = f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'
    if span > 1:
        out += f'<table:covered-table-cell table:number-columns-repeated="{span - 1}"/>'
    return out

rows = [
    [("某某街道计划生育特殊家庭台账", 10)],
    [("", 1), ("", 1), ("", 1), ("女方", 3), ("男方", 2), ("", 1), ("", 1)],
    [(h, 1) for h in ["城乡", "子女情况", "再生育或收养", "姓名", "出生日期", "户籍", "出生日期", "户籍"]] + [("备注", 2)],
    [(v, 1) for v in ["城镇", "死亡", "否", "张某某", "1970-03-15", "是", "1968-01-01", "是", "", "低保户"]],
    [(v, 1) for v in ["农村", "死亡", "否", "王某", "1977-08-01", "是", "1975-10-10", "否", "", ""]],
]
body = "".join("<table:table-row>" + "".join(cell(t, n) for t, n in r) + "</table:table-row>" for r in rows)
doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="台账">
<table:table-column table:number-columns-repeated="10"/>
{body}
</table:table></office:spreadsheet></office:body></office:document>
"""
open(sys.argv[1], "w", encoding="utf-8").write(doc)
PY
    soffice --headless --convert-to xlsx --outdir "$work" "$work/merged-header.fods" >/dev/null 2>&1
    cp "$work/merged-header.xlsx" "$OUT/merged-header.xlsx"
    rm -rf "$work"
}
if [ "${1:-}" = merged-header.xlsx ]; then
    merged_header
    echo "make-register-fixtures: wrote merged-header.xlsx ($(soffice --version 2>/dev/null | head -1))"
    exit 0
fi

python3 - "$OUT" <<'PY'
import csv, json, sys
out = sys.argv[1]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C = "10X98765432"

def id_number(birth, seq):
    """A made-up 居民身份证号: area 410299 is assigned to no county; GB 11643 check."""
    s = "410299" + birth + seq
    return s + C[sum(int(a) * w for a, w in zip(s, W)) % 11]

def wrong_check(birth, seq):
    good = id_number(birth, seq)
    return good[:-1] + ("0" if good[-1] != "0" else "1")

HEAD = ["编号", "核查日期", "县（区）", "城乡", "子女情况", "残疾等级", "残疾类别", "子女出生日期",
        "子女就学", "再生育或收养",
        "女方姓名", "女方身份证号码", "女方出生日期", "女方状况", "女方户籍", "女方养老保险",
        "女方医疗保险", "女方今年住院天数",
        "男方姓名", "男方公民身份号码", "男方出生日期", "男方状况", "男方开封户籍", "男方养老保险",
        "男方医保", "男方生活自理", "男方行动不便", "男方养老方式", "男方今年住院天数",
        "生活困难", "住危房", "有再生育意愿", "已领特别扶助金", "备注"]
# The two ID columns, 1-based, for LibreOffice's import filter (written to ids.txt).
ID_COLUMNS = [HEAD.index("女方身份证号码") + 1, HEAD.index("男方公民身份号码") + 1]

def parent(role, birth, hukou, **kw):
    p = {"role": role, "birth_date": birth, "kaifeng_hukou": hukou}
    p.update(kw)
    return p

def facts(as_of, residence, child, parents, area=None, other=False, circ=None):
    f = {"as_of": as_of, "residence": residence, "child": child,
         "has_other_child": other, "parents": parents}
    if area:
        f["area"] = area
    if circ:
        f["circumstances"] = circ
    return f

rows, expected = [], []
def add(cells, want):
    row = [""] * len(HEAD)
    for k, v in cells.items():
        row[HEAD.index(k)] = v
    rows.append(row)
    want["line"] = len(rows) + 1
    expected.append(want)

DECEASED = {"status": "deceased"}
add({"编号": "KF-001", "核查日期": "2026-06-01", "县（区）": "鼓楼区", "城乡": "城镇",
     "子女情况": "死亡", "再生育或收养": "否",
     "女方姓名": "张某某", "女方身份证号码": id_number("19700315", "002"), "女方状况": "在世",
     "女方户籍": "是", "女方养老保险": "城乡居民", "女方医疗保险": "城乡居民", "女方今年住院天数": "20",
     "男方姓名": "李某某", "男方出生日期": "1963/9/20", "男方状况": "在世", "男方开封户籍": "是",
     "男方养老保险": "职工", "男方医保": "职工", "男方生活自理": "能", "男方行动不便": "是",
     "男方养老方式": "居家", "生活困难": "是", "已领特别扶助金": "否", "备注": "低保户"},
    {"facts": facts("2026-06-01", "urban", DECEASED, [
        parent("mother", "1970-03-15", True, pension="resident", medical="resident", hospital_days=20),
        parent("father", "1963-09-20", True, pension="employee", medical="employee",
               self_care=True, mobility_limited=True, care_setting="home")],
        area="gulou", circ={"low_income": True}),
     "reminders": ["符合特别扶助金条件，台账显示未领取"]})
add({"编号": "KF-002", "核查日期": "2026.6.1", "县（区）": "祥符", "城乡": "农村", "子女情况": "伤残",
     "残疾等级": "二级", "残疾类别": "肢体、智力", "子女出生日期": "2005.5.1", "子女就学": "中职",
     "再生育或收养": "否",
     "女方姓名": "王某", "女方身份证号码": id_number("19770801", "024"), "女方出生日期": "1977年8月1日",
     "女方户籍": "是",
     "男方姓名": "赵某", "男方出生日期": "19751010", "男方开封户籍": "是", "男方养老保险": "城乡居民"},
    {"facts": facts("2026-06-01", "rural",
        {"status": "disabled", "disability_grade": 2, "disability_types": ["physical", "intellectual"],
         "birth_date": "2005-05-01", "schooling": "vocational"},
        [parent("mother", "1977-08-01", True), parent("father", "1975-10-10", True, pension="resident")],
        area="xiangfu"),
     "reminders": ["女方今年年满49周岁，可在户籍所在地村（居）委会申请特别扶助金"]})
add({"编号": "KF-003", "核查日期": "2026年6月1日", "城乡": "城镇", "子女情况": "死亡", "再生育或收养": "否",
     "女方姓名": "孙某", "女方出生日期": "1965-02-03", "女方户籍": "否",
     "男方姓名": "周某", "男方出生日期": "1964-04-05", "男方开封户籍": "否"},
    {"facts": facts("2026-06-01", "urban", DECEASED,
        [parent("mother", "1965-02-03", False), parent("father", "1964-04-05", False)])})
add({"编号": "KF-004", "核查日期": "20260601", "县（区）": "兰考县", "城乡": "农村", "子女情况": "去世",
     "再生育或收养": "否",
     "女方姓名": "吴某", "女方身份证号码": id_number("19720202", "026"), "女方户籍": "是",
     "男方姓名": "郑某", "男方出生日期": "1968-01-01", "男方状况": "已故", "男方开封户籍": "是"},
    {"facts": facts("2026-06-01", "rural", DECEASED,
        [parent("mother", "1972-02-02", True), parent("father", "1968-01-01", True, alive=False)],
        area="lankao")})
add({"编号": "KF-005", "核查日期": "2026-06-01", "县（区）": "龙亭", "城乡": "城镇", "子女情况": "离世",
     "再生育或收养": "否",
     "女方姓名": "钱某", "女方出生日期": "1968-12-12", "女方户籍": "是",
     "男方姓名": "冯某", "男方公民身份号码": id_number("19661010", "013"), "男方开封户籍": "是"},
    {"facts": facts("2026-06-01", "urban", DECEASED,
        [parent("mother", "1968-12-12", True), parent("father", "1966-10-10", True)], area="longting"),
     "reminders_prefix": ["男方将于2026年10月10日年满60周岁"]})
add({"编号": "KF-006", "核查日期": "2026-06-01", "城乡": "城镇", "子女情况": "死亡", "再生育或收养": "否",
     "女方身份证号码": wrong_check("19800101", "002"), "女方户籍": "是"},
    {"error": ["第7行", "L列“女方身份证号码”：", "校验位不对"]})
add({"编号": "KF-007", "核查日期": "2026-06-01", "城乡": "城镇", "子女情况": "死亡", "再生育或收养": "否",
     "女方身份证号码": id_number("19710101", "031"), "女方户籍": "是"},
    {"error": ["第8行", "L列“女方身份证号码”：", "第17位是单数"]})
add({"编号": "KF-008", "核查日期": "2026-06-01", "城乡": "城镇", "子女情况": "死亡", "再生育或收养": "否",
     "男方公民身份号码": id_number("19550505", "017"), "男方出生日期": "1955-05-06", "男方开封户籍": "是"},
    {"error": ["第9行", "U列“男方出生日期”：", "不一致"]})
add({"编号": "KF-009", "核查日期": "2026-06-01", "县（区）": "杞县", "城乡": "城镇", "子女情况": "死亡",
     "再生育或收养": "否",
     "男方姓名": "陈某", "男方公民身份号码": id_number("19550505", "017"), "男方开封户籍": "是",
     "男方养老方式": "公办养老机构", "男方生活自理": "不能"},
    {"facts": facts("2026-06-01", "urban", DECEASED,
        [parent("father", "1955-05-05", True, care_setting="public_home", self_care=False)], area="qixian")})
add({"编号": "KF-010", "核查日期": "2026-06-01", "县（区）": "鼓楼", "城乡": "城镇", "子女情况": "死亡",
     "再生育或收养": "是",
     "女方出生日期": "1960-01-01", "女方户籍": "是", "男方出生日期": "1958-01-01", "男方开封户籍": "是",
     "已领特别扶助金": "是"},
    {"facts": facts("2026-06-01", "urban", DECEASED,
        [parent("mother", "1960-01-01", True), parent("father", "1958-01-01", True)],
        area="gulou", other=True),
     "reminders": ["台账显示已领特别扶助金，但按本政策不符合条件，请核实"]})
add({"编号": "KF-011", "核查日期": "2026-06-01", "城乡": "城镇", "子女情况": "死亡", "再生育或收养": "否",
     "女方出生日期": "1970-01-01", "女方户籍": "是", "女方今年住院天数": "400"},
    {"error": ["第12行", "R列“女方今年住院天数”：", "最多152天"]})
add({"编号": "KF-012", "核查日期": "2026-06-01", "县（区）": "城乡一体化示范区", "城乡": "城镇",
     "子女情况": "死亡", "再生育或收养": "否",
     "女方出生日期": "1985-03-03", "女方户籍": "是", "男方出生日期": "1984-04-04", "男方开封户籍": "是",
     "住危房": "否", "有再生育意愿": "是"},
    {"facts": facts("2026-06-01", "urban", DECEASED,
        [parent("mother", "1985-03-03", True), parent("father", "1984-04-04", True)],
        area="shifanqu", circ={"wants_another_child": True})})

with open(f"{out}/source.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(HEAD)
    w.writerows(rows)
with open(f"{out}/households.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(f"{out}/.id-columns", "w") as f:
    f.write("/".join(f"{c}/2" for c in ID_COLUMNS))
PY

ids="$(cat "$OUT/.id-columns")"
rm -f "$OUT/.id-columns"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$OUT/source.csv" "$work/register.csv"
# CSV import: comma (44), double quote (34), UTF-8 (76), from row 1; the ID columns as text
# (format 2), as an office must set them or lose the last digits.
filter="CSV:44,34,76,1,$ids"
for fmt in xlsx xls ods; do
    soffice --headless --infilter="$filter" --convert-to "$fmt" --outdir "$work" "$work/register.csv" >/dev/null 2>&1
    cp "$work/register.$fmt" "$OUT/register.$fmt"
done
# Back to CSV from the saved workbook, as Calc writes it: comma, double quote, UTF-8.
mkdir -p "$work/csv"
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$work/csv" "$OUT/register.xlsx" >/dev/null 2>&1
cp "$work/csv/register.csv" "$OUT/register-utf8.csv"
iconv -f UTF-8 -t GB18030 "$OUT/register-utf8.csv" >"$OUT/register-gbk.csv"
# Formulas: openpyxl writes them without a saved result (as Python-made registers come);
# LibreOffice opens that file, calculates and saves the result with the formula.
python3 - "$OUT" <<'PY'
import sys
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["城乡", "子女情况", "再生育或收养", "女方出生日期", "女方户籍", "女方今年住院天数", "核查日期"])
ws.append(["城镇", "死亡", "否", "1970-03-15", "是", "=10+5", "2026-06-01"])
wb.save(f"{sys.argv[1]}/formulas-unsaved.xlsx")
PY
mkdir -p "$work/formulas"
soffice --headless --convert-to xlsx --outdir "$work/formulas" "$OUT/formulas-unsaved.xlsx" >/dev/null 2>&1
cp "$work/formulas/formulas-unsaved.xlsx" "$OUT/formulas-saved.xlsx"
merged_header
soffice --version 2>/dev/null | head -1 >"$OUT/made-with.txt"
echo "make-register-fixtures: wrote $(cd "$OUT" && ls source.csv households.json register.* register-*.csv formulas-*.xlsx merged-header.xlsx | tr '\n' ' ')"
