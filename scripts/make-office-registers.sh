#!/usr/bin/env bash
# Makes the office-layout register fixtures in tests/register/office/ (see its README.md):
# registers laid out as offices keep them, not as our template. Python writes each as flat
# OpenDocument (.fods: merged cells, number cells, text cells exactly as a clerk's Calc or
# Excel would hold them) with the households each good row must be (expected.json); then
# LibreOffice Calc, headless, saves them as .xlsx and .xls, and one as CSV, which iconv turns
# into GB18030 (what Excel and WPS write on Chinese Windows).
#   plain.xlsx       one header row, other names and another order (户编号, 母亲身份证号码 …)
#   published.xlsx   the shape offices publish: a merged title, a 填报单位/填报日期 line, a
#                    header over two rows (女方 / 男方 / 独生子女 merged over 姓名, 身份证号码,
#                    出生年月), a column-number row, 家庭类别, 残疾类别及等级, 婚姻状况,
#                    户籍地址, birth months (1968.06, 196603 as a number, 1970年9月), an ID
#                    number typed as a number, the same ID number on two rows, a 合计 row, a
#                    blank row and a 单位负责人/审核人/制表人 line
#   published.xls    published.xlsx saved by Calc as Excel 97–2003
#   published-gbk.csv  published.xlsx saved by Calc as CSV (UTF-8), then iconv to GB18030
#   persons.xlsx     one row per person (姓名, 性别, 身份证号, 配偶身份证号, 扶助类型 …)
# Needs python3, iconv and LibreOffice Calc (libreoffice-calc-nogui). Rewrites the files above.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/tests/register/office"
mkdir -p "$OUT"
command -v soffice >/dev/null || {
    echo "make-office-registers: soffice missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui" >&2
    exit 1
}
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "$OUT" <<'PY'
import json, sys
from xml.sax.saxutils import escape

work, out = sys.argv[1], sys.argv[2]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

def ident(birth, seq):
    """A made-up ID number: area 410299 belongs to no county; the check character computed."""
    first = f"410299{birth}{seq}"
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, W)) % 11]

def iso(b):
    return f"{b[:4]}-{b[4:6]}-{b[6:]}"

def cell(v):
    """v: text, a number (float), ("span", text, cols, rows), None (blank) or "covered"."""
    if v is None or v == "":
        return "<table:table-cell/>"
    if v == "covered":
        return "<table:covered-table-cell/>"
    if isinstance(v, tuple):
        _, text, cols, rows = v
        a = ""
        if cols > 1:
            a += f' table:number-columns-spanned="{cols}"'
        if rows > 1:
            a += f' table:number-rows-spanned="{rows}"'
        return f'<table:table-cell{a} office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'

def fods(name, rows, width):
    body = "".join("<table:table-row>" + "".join(cell(c) for c in r) + "</table:table-row>" for r in rows)
    doc = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="台账">
<table:table-column table:number-columns-repeated="{width}"/>
{body}
</table:table></office:spreadsheet></office:body></office:document>
"""
    open(f"{work}/{name}.fods", "w", encoding="utf-8").write(doc)

def parent(role, birth, hukou=True, **kw):
    p = {"role": role, "birth_date": birth, "kaifeng_hukou": hukou}
    p.update(kw)
    return p

expected = {}

# ---- published: the shape offices publish -------------------------------------------------
m1, f1 = ident("19700315", "002"), ident("19680610", "011")
f5, m5 = ident("19650808", "013"), ident("19670202", "024")
m6, f6 = ident("19771120", "042"), ident("19760505", "031")
rows = [
    [("span", "某某街道计划生育特殊家庭信息台账", 17, 1)] + ["covered"] * 16,
    ["填报单位：某某街道办事处（盖章）", None, None, None, None, None, None, None, None, None, None, None, "填报日期：2026年11月30日"] + [None] * 4,
    [("span", "序号", 1, 2), ("span", "社区", 1, 2), ("span", "女方", 3, 1), "covered", "covered",
     ("span", "男方", 3, 1), "covered", "covered", ("span", "独生子女", 2, 1), "covered",
     ("span", "家庭类别", 1, 2), ("span", "残疾类别及等级", 1, 2), ("span", "婚姻状况", 1, 2),
     ("span", "户籍地址", 1, 2), ("span", "城乡", 1, 2), ("span", "联系电话", 1, 2), ("span", "备注", 1, 2)],
    ["covered", "covered", "姓名", "身份证号码", "出生年月", "姓名", "身份证号码", "出生年月", "姓名", "出生年月",
     "covered", "covered", "covered", "covered", "covered", "covered", "covered"],
    [f"({i})" for i in range(1, 18)],
    # 6: a 失独 couple, both ID numbers as text
    [1, "东门社区", "张某英", m1, "1970.03", "李某明", f1, "1968.06", "李某", "1994.05", "失独", None, "初婚", "开封市鼓楼区东门街1号", "城镇", "13800000001", None],
    # 7: a disabled child (智力二级), births to the month only: text 1968.06, a number 196603
    [2, "西门社区", "王某芳", None, "1968.06", "赵某强", None, 196603, "赵某", "1995年3月", "伤残", "智力二级", "初婚", "开封市杞县城关镇2号", "农村", None, None],
    # 8: a widow (丧偶): the father's columns empty; 1970年9月; a county's name without 开封市
    [3, "东门社区", "刘某兰", None, "1970年9月", None, None, None, "孙某", "1992年1月", "独生子女死亡", None, "丧偶", "兰考县城关镇3号", "农村", None, None],
    # 9: the mother's ID number typed as a number: refused for this row
    [4, "南门社区", "陈某", 410299197501010000.0, "1975.01", None, None, None, "周某", "1998.02", "失独", None, "丧偶", "开封市龙亭区南门4号", "城镇", None, None],
    # 10: 肢体三级, 户籍 in another city: no Kaifeng 户籍
    [5, "北门社区", "吴某", m5, "1967.02", "郑某", f5, "1965.08", "郑某某", "2000.06", "伤残", "肢体三级", "再婚", "郑州市金水区5号", "城镇", None, None],
    # 11: the same mother's ID number as row 6 (entered twice): both rows named, both decided
    [6, "东门社区", "张某英", m1, "1970.03", None, None, None, "李某", "1994.05", "失独", None, "离异", "开封市鼓楼区东门街1号", "城镇", None, "重复登记"],
    # 12: 视力一级, full IDs
    [7, "西门社区", "何某", m6, "1977.11", "许某", f6, "1976.05", "许某某", "2005.04", "伤残", "视力一级", "在婚", "开封市祥符区6号", "农村", None, None],
    [None] * 17,
    ["合计", "7户", None, None, None, None, None, None, None, None, None, None, None, None, None, None, None],
    [None] * 17,
    ["单位负责人：", None, None, "审核人：", None, None, "制表人：", None, None, None, None, None, "填表日期：2026年11月30日", None, None, None, None],
]
fods("published", rows, 17)
expected["published"] = {
    "today": "2026-11-30",
    "header_line": 4,
    "rows": [
        {"line": 6, "facts": {"as_of": "2026-11-30", "area": "gulou", "residence": "urban", "child": {"status": "deceased", "birth_date": "1994-05-01"}, "has_other_child": False,
                              "parents": [parent("mother", "1970-03-15"), parent("father", "1968-06-10")]},
         "reminders_contain": ["与第11行的身份证号相同"]},
        {"line": 7, "facts": {"as_of": "2026-11-30", "area": "qixian", "residence": "rural", "child": {"status": "disabled", "disability_grade": 2, "disability_types": ["intellectual"], "birth_date": "1995-03-01"}, "has_other_child": False,
                              "parents": [parent("mother", "1968-06-01"), parent("father", "1966-03-01")]}},
        {"line": 8, "facts": {"as_of": "2026-11-30", "area": "lankao", "residence": "rural", "child": {"status": "deceased", "birth_date": "1992-01-01"}, "has_other_child": False,
                              "parents": [parent("mother", "1970-09-01")]}},
        {"line": 9, "error": ["第9行", "D列“女方身份证号码”：", "文本"]},
        {"line": 10, "facts": {"as_of": "2026-11-30", "residence": "urban", "child": {"status": "disabled", "disability_grade": 3, "disability_types": ["physical"], "birth_date": "2000-06-01"}, "has_other_child": False,
                               "parents": [parent("mother", "1967-02-02", False, marital="remarried"), parent("father", "1965-08-08", False, marital="remarried")]}},
        {"line": 11, "facts": {"as_of": "2026-11-30", "area": "gulou", "residence": "urban", "child": {"status": "deceased", "birth_date": "1994-05-01"}, "has_other_child": False,
                               "parents": [parent("mother", "1970-03-15", marital="divorced")]},
         "reminders_contain": ["与第6行的身份证号相同"]},
        {"line": 12, "facts": {"as_of": "2026-11-30", "area": "xiangfu", "residence": "rural", "child": {"status": "disabled", "disability_grade": 1, "disability_types": ["vision"], "birth_date": "2005-04-01"}, "has_other_child": False,
                               "parents": [parent("mother", "1977-11-20"), parent("father", "1976-05-05")]}},
    ],
}

# ---- plain: one header row, other names, another order ----------------------------------
p1m, p1f = ident("19720408", "004"), ident("19700101", "015")
p2m = ident("19780909", "026")
rows = [
    ["户编号", "家庭类型", "母亲身份证号码", "母亲户口所在地", "丈夫出生年月日", "父亲户籍", "伤残等级", "城镇/农村", "是否再生育或收养", "县（区）", "备注"],
    ["H001", "失独家庭", p1m, "开封市顺河回族区1号", "1970-01-01", "是", None, "城镇", "否", "顺河区", None],
    ["H002", "伤残", p2m, "开封市通许县2号", None, None, "二级", "农村", "否", None, "独居"],
    ["H003", "失独", None, None, "1969-07-07", "否", None, "农村", "否", "尉氏县", None],
]
fods("plain", rows, 11)
expected["plain"] = {
    "today": "2026-12-01",
    "header_line": 1,
    "rows": [
        {"line": 2, "facts": {"area": "shunhe", "residence": "urban", "child": {"status": "deceased"}, "has_other_child": False,
                              "parents": [parent("mother", "1972-04-08"), parent("father", "1970-01-01")]}},
        {"line": 3, "facts": {"area": "tongxu", "residence": "rural", "child": {"status": "disabled", "disability_grade": 2}, "has_other_child": False,
                              "parents": [parent("mother", "1978-09-09")]}},
        {"line": 4, "facts": {"area": "weishi", "residence": "rural", "child": {"status": "deceased"}, "has_other_child": False,
                              "parents": [parent("father", "1969-07-07", False)]}},
    ],
}

# ---- persons: one row per person ---------------------------------------------------------
a_w, a_h = ident("19710303", "006"), ident("19690404", "017")
b_w = ident("19660606", "028")
c_h, c_w_missing = ident("19640707", "039"), ident("19660101", "040")
d_w, d_h = ident("19740808", "048"), ident("19720909", "059")
rows = [
    ["序号", "姓名", "性别", "身份证号", "配偶身份证号", "扶助类型", "残疾类别及等级", "婚姻状况", "户口所在地", "城乡"],
    [1, "甲某", "女", a_w, a_h, "独生子女死亡", None, "初婚", "开封市龙亭区1号", "城镇"],
    [2, "乙某", "男", a_h, a_w, "独生子女死亡", None, "初婚", "开封市龙亭区1号", "城镇"],
    [3, "丙某", "女", b_w, None, "独生子女死亡", None, "丧偶", "开封市禹王台区2号", "城镇"],
    [4, "丁某", "男", c_h, c_w_missing, "独生子女伤残", "精神二级", "初婚", "开封市尉氏县3号", "农村"],
    [5, "戊某", "男", d_h, d_w, "独生子女伤残", "听力一级", "初婚", "开封市示范区4号", "城镇"],
    [6, "己某", "女", d_w, d_h, "独生子女伤残", "听力一级", "初婚", "开封市示范区4号", "城镇"],
]
fods("persons", rows, 10)
expected["persons"] = {
    "today": "2026-12-01",
    "header_line": 1,
    "rows": [
        {"line": 2, "facts": {"area": "longting", "residence": "urban", "child": {"status": "deceased"}, "has_other_child": False,
                              "parents": [parent("mother", "1971-03-03"), parent("father", "1969-04-04")]},
         "reminders_contain": ["配偶在第3行"]},
        {"line": 3, "facts": {"area": "longting", "residence": "urban", "child": {"status": "deceased"}, "has_other_child": False,
                              "parents": [parent("mother", "1971-03-03"), parent("father", "1969-04-04")]},
         "reminders_contain": ["配偶在第2行"]},
        {"line": 4, "facts": {"area": "yuwangtai", "residence": "urban", "child": {"status": "deceased"}, "has_other_child": False,
                              "parents": [parent("mother", "1966-06-06")]}},
        {"line": 5, "facts": {"area": "weishi", "residence": "rural", "child": {"status": "disabled", "disability_grade": 2, "disability_types": ["mental"]}, "has_other_child": False,
                              "parents": [parent("father", "1964-07-07")]},
         "reminders_contain": ["配偶身份证号对应的人不在这张表里"]},
        {"line": 6, "facts": {"area": "shifanqu", "residence": "urban", "child": {"status": "disabled", "disability_grade": 1, "disability_types": ["hearing"]}, "has_other_child": False,
                              "parents": [parent("mother", "1974-08-08"), parent("father", "1972-09-09")]},
         "reminders_contain": ["配偶在第7行"]},
        {"line": 7, "facts": {"area": "shifanqu", "residence": "urban", "child": {"status": "disabled", "disability_grade": 1, "disability_types": ["hearing"]}, "has_other_child": False,
                              "parents": [parent("mother", "1974-08-08"), parent("father", "1972-09-09")]},
         "reminders_contain": ["配偶在第6行"]},
    ],
}
json.dump(expected, open(f"{out}/expected.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY

cd "$WORK"
for f in published plain persons; do
    soffice --headless --convert-to xlsx --outdir "$WORK" "$WORK/$f.fods" >/dev/null 2>&1
    cp "$f.xlsx" "$OUT/$f.xlsx"
done
soffice --headless --convert-to xls --outdir "$WORK" "$WORK/published.fods" >/dev/null 2>&1
cp published.xls "$OUT/published.xls"
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$WORK" "$WORK/published.xlsx" >/dev/null 2>&1
iconv -f UTF-8 -t GB18030 published.csv > "$OUT/published-gbk.csv"
soffice --version | head -1 > "$OUT/made-with.txt"
echo "make-office-registers: wrote $(cd "$OUT" && ls | tr '\n' ' ')"
