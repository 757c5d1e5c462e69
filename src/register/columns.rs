//! The register's columns: canonical headers, the variants offices write, and how a header
//! row (with an optional group row above it, as merged 女方 / 男方 cells make) maps to them.

use crate::rules::Role;

/// A parent's own columns, each written after the parent's prefix (女方 / 男方).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParentField {
    Name,
    IdNumber,
    Birth,
    Alive,
    Hukou,
    Pension,
    Medical,
    SelfCare,
    Capacity,
    Mobility,
    CareSetting,
    HospitalDays,
    /// 户籍地址 / 户口所在地: Kaifeng 户籍 and the county, read from the address.
    Address,
}

/// Circumstances, each 是/否.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CircField {
    LowIncome,
    HousingDifficulty,
    DilapidatedHouse,
    PovertyRegistered,
    WantsAnotherChild,
    NeedsIvf,
    WantsToAdopt,
    LegalDispute,
}

/// Every column the register understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Number,
    AsOf,
    Area,
    Residence,
    ChildStatus,
    Grade,
    Types,
    ChildBirth,
    Schooling,
    ChildCapacity,
    OtherChild,
    Parent(Role, ParentField),
    Circ(CircField),
    Received,
    /// 家庭类别 / 扶助类别 / 对象类型: 失独 or 伤残, the child's status in the office's words.
    Category,
    /// 残疾类别及等级 in one cell: 智力二级.
    TypeGrade,
    /// 婚姻状况: 初婚, 再婚, 丧偶, 离异.
    Marital,
    /// 性别, on a register of one row per person.
    Sex,
    /// 配偶身份证号: pairs one person's row with their spouse's.
    SpouseId,
    /// A parent's column without 女方 / 男方 (姓名, 身份证号, 户籍地址 …): on a register of one
    /// row per person, the row's own person; elsewhere, 户籍 and 户籍地址 hold for both parents.
    Person(ParentField),
    /// Columns understood and kept, not used by the rules (社区, 联系电话, 子女姓名 …).
    Kept(KeptField),
}

/// Columns the register knows and keeps but does not decide with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeptField {
    Community,
    Phone,
    ChildName,
    ChildId,
    Remark,
}

/// A column's canonical header, the variants accepted for it, and what it holds (for the
/// template's explanation sheet and docs/register.md).
pub struct Column {
    pub field: Field,
    pub header: &'static str,
    pub variants: &'static [&'static str],
    pub required: &'static str,
    pub values: &'static str,
    pub note: &'static str,
}

const fn col(
    field: Field,
    header: &'static str,
    variants: &'static [&'static str],
    required: &'static str,
    values: &'static str,
    note: &'static str,
) -> Column {
    Column {
        field,
        header,
        variants,
        required,
        values,
        note,
    }
}

/// The household, child and circumstance columns (the parents' are in `PARENT_COLUMNS`).
pub const COLUMNS: &[Column] = &[
    col(Field::Number, "编号", &["序号", "家庭编号", "户编号"], "否", "任意", "原样保留，方便对照"),
    col(Field::AsOf, "核查日期", &["查询日期", "核对日期"], "否", "日期", "留空＝今天"),
    col(
        Field::Area,
        "县区",
        &["县（区）", "区县", "县市区", "所在县区", "所属县区"],
        "否",
        "龙亭区、顺河回族区、鼓楼区、禹王台区、祥符区、杞县、通许县、尉氏县、兰考县、城乡一体化示范区（也可写龙亭、示范区等简称）",
        "留空＝不知道或不在开封：结果只写“县（区）”",
    ),
    col(
        Field::Residence,
        "城乡",
        &["城镇或农村", "城镇/农村", "城乡类别", "居住地类型", "城乡属性"],
        "是",
        "城镇、农村",
        "第七、十一条按城乡不同",
    ),
    col(
        Field::ChildStatus,
        "子女情况",
        &["子女状况", "独生子女情况", "孩子情况"],
        "是",
        "死亡（去世、离世、已故）、伤残（残疾）、健在",
        "伤残＝持有残疾人证；没有这一列的表格无法核查",
    ),
    col(
        Field::Grade,
        "残疾等级",
        &["子女残疾等级", "伤残等级"],
        "伤残时必填",
        "一级、二级、三级、四级，或1–4",
        "残疾人证上的等级；三级以上（1–3级）属于特殊家庭",
    ),
    col(
        Field::Types,
        "残疾类别",
        &["子女残疾类别", "残疾类型"],
        "否",
        "视力、听力、智力、言语、孤独症、肢体、精神、多重；几类之间用、，, / 或空格分开",
        "用于第十六条0–6岁儿童优先康复；留空＝不限",
    ),
    col(
        Field::ChildBirth,
        "子女出生日期",
        &["孩子出生日期", "独生子女出生日期"],
        "否",
        "日期",
        "用于0–6岁康复和18岁成年监护",
    ),
    col(
        Field::Schooling,
        "子女就学",
        &["子女就学情况", "就学情况", "孩子就学"],
        "否",
        "无、普通高中、中职、本专科",
        "第十五条学生资助",
    ),
    col(
        Field::ChildCapacity,
        "子女民事行为能力",
        &["孩子民事行为能力"],
        "否",
        "有、无",
        "留空＝有；成年伤残子女“无”时可安排成年监护",
    ),
    col(
        Field::OtherChild,
        "再生育或收养",
        &["是否再生育或收养", "再生育（收养）", "再生育/收养", "已再生育或收养"],
        "是",
        "是、否",
        "夫妻是否又生育或收养了子女；“是”则不属于特殊家庭",
    ),
    col(Field::Circ(CircField::LowIncome), "生活困难", &["是否生活困难", "困难家庭", "生活贫困"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::HousingDifficulty), "住房困难", &["是否住房困难"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::DilapidatedHouse), "住危房", &["是否住危房", "危房"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::PovertyRegistered), "建档立卡脱贫户", &["脱贫户", "建档立卡户", "是否建档立卡脱贫户"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::WantsAnotherChild), "有再生育意愿", &["再生育意愿"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::NeedsIvf), "需试管婴儿", &["需要试管婴儿", "确需试管婴儿"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::WantsToAdopt), "有收养意愿", &["收养意愿"], "否", "是、否", "留空＝否"),
    col(Field::Circ(CircField::LegalDispute), "有法律纠纷", &["法律纠纷", "有纠纷或诉讼"], "否", "是、否", "遭遇侵害或民事纠纷需要诉讼；留空＝否"),
    col(
        Field::Received,
        "已领特别扶助金",
        &["是否已领特别扶助金", "已享受特别扶助金", "特别扶助金已领"],
        "否",
        "是、否",
        "只用于提醒：符合却未领、已领却不符合；不影响判断",
    ),
];

/// Columns offices keep that the template does not have: read as well as the template's,
/// never written by the template.
pub const OFFICE_COLUMNS: &[Column] = &[
    col(
        Field::Category,
        "家庭类别",
        &[
            "扶助类别",
            "对象类型",
            "家庭类型",
            "扶助类型",
            "特扶类别",
            "特扶类型",
            "扶助对象类别",
            "特殊家庭类别",
            "类别",
            "对象类别",
        ],
        "没有子女情况时必填",
        "失独（独生子女死亡）、伤残（独生子女伤残）",
        "没有“子女情况”一列时用它",
    ),
    col(
        Field::TypeGrade,
        "残疾类别及等级",
        &[
            "残疾类别和等级",
            "残疾类别等级",
            "残疾类型及等级",
            "残疾等级及类别",
            "子女残疾类别及等级",
            "残疾情况",
            "残疾类别（等级）",
        ],
        "否",
        "智力二级、肢体三级、视力一级、多重二级",
        "类别和等级写在一格里",
    ),
    col(
        Field::Marital,
        "婚姻状况",
        &["婚姻情况", "婚姻"],
        "否",
        "初婚、再婚、丧偶、离异",
        "丧偶：配偶已故；离异：只按本人判断",
    ),
    col(
        Field::Sex,
        "性别",
        &[],
        "每人一行时必填",
        "男、女",
        "每人一行的台账用它分女方、男方",
    ),
    col(
        Field::SpouseId,
        "配偶身份证号",
        &[
            "配偶身份证号码",
            "配偶公民身份号码",
            "配偶证件号码",
            "配偶身份证",
        ],
        "否",
        "18位居民身份证号",
        "每人一行时，夫妻两行按它合成一户",
    ),
    col(
        Field::Kept(KeptField::Community),
        "社区",
        &[
            "村（社区）",
            "村居",
            "所在社区",
            "村委会",
            "社区（村）",
            "村（居）",
            "乡镇（街道）",
            "街道",
            "乡镇",
            "所在村（居）",
        ],
        "否",
        "任意",
        "原样保留",
    ),
    col(
        Field::Kept(KeptField::Phone),
        "联系电话",
        &["电话", "手机", "手机号码", "联系方式", "电话号码"],
        "否",
        "任意",
        "原样保留",
    ),
    col(
        Field::Kept(KeptField::ChildName),
        "子女姓名",
        &["独生子女姓名", "孩子姓名"],
        "否",
        "任意",
        "原样保留",
    ),
    col(
        Field::Kept(KeptField::ChildId),
        "子女身份证号",
        &["子女身份证号码", "独生子女身份证号", "独生子女身份证号码"],
        "否",
        "任意",
        "原样保留",
    ),
    col(
        Field::Kept(KeptField::Remark),
        "备注",
        &["说明", "备注说明", "情况说明", "备注信息"],
        "否",
        "任意",
        "原样保留",
    ),
];

/// A parent's columns, without the prefix.
/// A parent's column: field, header after the prefix, variants, required, values, note.
pub type ParentColumn = (
    ParentField,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
);

pub const PARENT_COLUMNS: &[ParentColumn] = &[
    (ParentField::Name, "姓名", &["名字"], "否", "任意", "原样保留，判断时不用"),
    (
        ParentField::IdNumber,
        "身份证号",
        &["身份证号码", "公民身份号码", "身份证", "居民身份证号码", "身份证件号码"],
        "身份证号和出生日期至少填一项",
        "18位居民身份证号（末位可以是X）",
        "出生日期从号码中取；校验位按GB 11643核对；第17位女方应为双数、男方应为单数。请把这一列设成“文本”，否则表格会丢掉后几位",
    ),
    (
        ParentField::Birth,
        "出生日期",
        &["出生年月日", "生日", "出生年月", "出生时间"],
        "身份证号和出生日期至少填一项",
        "日期",
        "没有身份证号时填写；两项都填时必须一致",
    ),
    (
        ParentField::Alive,
        "状况",
        &["存殁", "是否在世", "在世情况", "健在情况", "生存状况"],
        "否",
        "在世、已故",
        "留空＝在世",
    ),
    (
        ParentField::Hukou,
        "开封户籍",
        &["户籍", "是否开封户籍", "开封市户籍", "户口", "开封户口"],
        "是",
        "是、否",
        "已故的父母填生前的户籍",
    ),
    (
        ParentField::Pension,
        "养老保险",
        &["养老保险类型", "参加养老保险", "养老保险情况"],
        "否",
        "城乡居民、职工、未参加",
        "留空＝未填写",
    ),
    (
        ParentField::Medical,
        "医疗保险",
        &["医保", "医疗保险类型", "参加医疗保险", "医保类型", "医疗保险情况"],
        "否",
        "城乡居民、职工、未参加",
        "留空＝未填写",
    ),
    (
        ParentField::SelfCare,
        "生活自理",
        &["能否生活自理", "生活能否自理", "自理能力"],
        "否",
        "能、不能",
        "留空＝能",
    ),
    (ParentField::Capacity, "民事行为能力", &[], "否", "有、无", "留空＝有"),
    (ParentField::Mobility, "行动不便", &["是否行动不便"], "否", "是、否", "留空＝否"),
    (
        ParentField::CareSetting,
        "养老方式",
        &["养老形式", "居住方式"],
        "否",
        "居家、公办养老机构、公建民营养老机构、民办养老机构、养老机构（不清楚类型）",
        "留空＝未填写（按居家判断，结果里会说明）",
    ),
    (
        ParentField::HospitalDays,
        "今年住院天数",
        &["住院天数", "本年住院天数", "今年住院天数（天）"],
        "否",
        "0或正整数",
        "今年1月1日到核查日期住院的天数；留空＝0",
    ),
    (
        ParentField::Address,
        "户籍地址",
        &["户口所在地", "户籍所在地", "户口地址", "户籍地", "户口所在地址"],
        "没有开封户籍一列时必填",
        "开封市……（或县区名开头）",
        "开封市或开封的县区开头＝开封户籍；也给出县区",
    ),
];

/// The prefixes of the two parents' columns: canonical first.
pub const MOTHER_PREFIXES: &[&str] = &["女方", "母亲", "妻子"];
pub const FATHER_PREFIXES: &[&str] = &["男方", "父亲", "丈夫"];
const CHILD_PREFIXES: &[&str] = &["独生子女", "子女", "孩子"];

pub fn prefix(role: Role) -> &'static str {
    match role {
        Role::Mother => MOTHER_PREFIXES[0],
        Role::Father => FATHER_PREFIXES[0],
    }
}

/// The canonical header of a field.
pub fn header(field: Field) -> String {
    match field {
        Field::Parent(role, pf) => {
            let name = PARENT_COLUMNS
                .iter()
                .find(|c| c.0 == pf)
                .map(|c| c.1)
                .unwrap_or_default();
            format!("{}{name}", prefix(role))
        }
        Field::Person(pf) => PARENT_COLUMNS
            .iter()
            .find(|c| c.0 == pf)
            .map(|c| c.1)
            .unwrap_or_default()
            .to_string(),
        other => COLUMNS
            .iter()
            .chain(OFFICE_COLUMNS)
            .find(|c| c.field == other)
            .map(|c| c.header)
            .unwrap_or_default()
            .to_string(),
    }
}

/// Every canonical header, in the template's order.
pub fn template_order() -> Vec<Field> {
    let mut out: Vec<Field> = COLUMNS[..11].iter().map(|c| c.field).collect();
    for role in [Role::Mother, Role::Father] {
        out.extend(
            PARENT_COLUMNS
                .iter()
                .filter(|c| c.0 != ParentField::Address)
                .map(|c| Field::Parent(role, c.0)),
        );
    }
    out.extend(COLUMNS[11..].iter().map(|c| c.field));
    out
}

/// Every field the register reads: the template's first, in its order, then the columns
/// offices keep (`OFFICE_COLUMNS`, the parents' 户籍地址, a person's own columns). The
/// office page's worker sends a field as its place here, so new fields go at the end.
pub fn canonical_order() -> Vec<Field> {
    let mut out = template_order();
    out.extend(OFFICE_COLUMNS.iter().map(|c| c.field));
    for role in [Role::Mother, Role::Father] {
        out.push(Field::Parent(role, ParentField::Address));
    }
    out.extend(PARENT_COLUMNS.iter().map(|c| Field::Person(c.0)));
    out
}

/// A header as offices type it, made comparable: no spaces (also the full-width one),
/// half-width brackets made full-width, a trailing required-mark or colon dropped.
pub fn normalise(h: &str) -> String {
    let mut s: String = h
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '/' => '／',
            other => other,
        })
        .collect();
    while let Some(last) = s.chars().last() {
        if matches!(last, '*' | '＊' | ':' | '：') {
            s.pop();
        } else {
            break;
        }
    }
    while let Some(first) = s.chars().next() {
        if matches!(first, '*' | '＊') {
            s.remove(0);
        } else {
            break;
        }
    }
    s
}

/// The household's and the parents' headers with their variants, normalised once and sorted
/// (the first column to name a header keeps it): every header of a sheet's top rows is
/// looked up here. Sorted lists, not hash maps: the office page's wasm carries less code.
struct Names {
    plain: Vec<(String, Field)>,
    parent: Vec<(String, ParentField)>,
}

fn sorted<T: Copy>(mut list: Vec<(String, T)>) -> Vec<(String, T)> {
    // A stable sort keeps the first of equal names first; dedup keeps the first.
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list.dedup_by(|later, first| later.0 == first.0);
    list
}

fn names() -> &'static Names {
    static NAMES: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut plain = Vec::new();
        for c in COLUMNS.iter().chain(OFFICE_COLUMNS) {
            plain.push((c.header.to_string(), c.field));
            plain.extend(c.variants.iter().map(|v| (normalise(v), c.field)));
        }
        let mut parent = Vec::new();
        for c in PARENT_COLUMNS {
            parent.push((c.1.to_string(), c.0));
            parent.extend(c.2.iter().map(|v| (normalise(v), c.0)));
        }
        Names {
            plain: sorted(plain),
            parent: sorted(parent),
        }
    })
}

fn find<T: Copy>(list: &[(String, T)], h: &str) -> Option<T> {
    list.binary_search_by(|(k, _)| k.as_str().cmp(h))
        .ok()
        .map(|i| list[i].1)
}

fn plain_field(h: &str) -> Option<Field> {
    find(&names().plain, h)
}

fn parent_field(h: &str) -> Option<ParentField> {
    find(&names().parent, h)
}

/// The field a normalised header names, if any.
fn lookup(h: &str) -> Option<Field> {
    if let Some(f) = plain_field(h) {
        return Some(f);
    }
    for (role, prefixes) in [
        (Role::Mother, MOTHER_PREFIXES),
        (Role::Father, FATHER_PREFIXES),
    ] {
        for p in prefixes {
            if let Some(rest) = h.strip_prefix(p) {
                let rest = rest.strip_prefix("的").unwrap_or(rest);
                if let Some(pf) = parent_field(rest) {
                    return Some(Field::Parent(role, pf));
                }
            }
        }
    }
    if let Some(pf) = parent_field(h) {
        return Some(Field::Person(pf));
    }
    for p in CHILD_PREFIXES {
        if let Some(rest) = h.strip_prefix(p) {
            let rest = rest.strip_prefix("的").unwrap_or(rest);
            match rest {
                "情况" | "状况" => return Some(Field::ChildStatus),
                "出生日期" | "出生年月日" | "生日" | "出生年月" => {
                    return Some(Field::ChildBirth)
                }
                "姓名" | "名字" => return Some(Field::Kept(KeptField::ChildName)),
                "身份证号" | "身份证号码" | "公民身份号码" => {
                    return Some(Field::Kept(KeptField::ChildId))
                }
                "就学" | "就学情况" | "上学情况" => return Some(Field::Schooling),
                "民事行为能力" => return Some(Field::ChildCapacity),
                _ => {}
            }
            if let Some(f) = plain_field(rest) {
                if matches!(f, Field::Grade | Field::Types | Field::TypeGrade) {
                    return Some(f);
                }
            }
        }
    }
    None
}

/// The field a header names: as written, or without a trailing hint in brackets
/// (城乡（城镇/农村）, 今年住院天数（天）).
pub fn resolve(raw: &str) -> Option<Field> {
    let h = normalise(raw);
    if h.is_empty() {
        return None;
    }
    if let Some(f) = lookup(&h) {
        return Some(f);
    }
    if h.ends_with('）') {
        if let Some(open) = h.rfind('（') {
            return lookup(&h[..open]);
        }
    }
    None
}

/// A cell of a group row above the header (a merged 女方 or 子女 cell): the prefix it gives
/// the headers below it.
pub fn group_prefix(raw: &str) -> Option<&'static str> {
    let h = normalise(raw);
    let h = h
        .strip_suffix("信息")
        .or_else(|| h.strip_suffix("情况"))
        .unwrap_or(&h);
    if MOTHER_PREFIXES.contains(&h) {
        Some(MOTHER_PREFIXES[0])
    } else if FATHER_PREFIXES.contains(&h) {
        Some(FATHER_PREFIXES[0])
    } else if CHILD_PREFIXES.contains(&h) {
        Some("子女")
    } else {
        None
    }
}

/// The spreadsheet's letter for a column from 0: A, B, … Z, AA, AB …
pub fn letter(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}
