//! One register row into the rules' `Facts`, every problem named by its column.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::columns::{self, CircField, Field, ParentField};
use super::values::{self, zh, Bad, Born};
use super::Cell;
use crate::rules::{Child, ChildStatus, Circumstances, Facts, FactsError, Parent, Residence, Role};

/// Which input column holds which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Per input column, the field it holds (None: kept, not read).
    pub fields: Vec<Option<Field>>,
    pub index: HashMap<Field, usize>,
    /// Per input column, the register's own header (a group row's 女方 / 男方 joined on):
    /// what a message names the column by.
    pub headers: Vec<String>,
}

static EMPTY: Cell = Cell::Empty;

impl Layout {
    pub fn new(fields: Vec<Option<Field>>, headers: Vec<String>) -> Layout {
        let index = fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.map(|f| (f, i)))
            .collect();
        Layout {
            fields,
            index,
            headers,
        }
    }

    pub fn has(&self, field: Field) -> bool {
        self.index.contains_key(&field)
    }

    pub fn cell<'a>(&self, row: &'a [Cell], field: Field) -> &'a Cell {
        self.index
            .get(&field)
            .and_then(|&i| row.get(i))
            .unwrap_or(&EMPTY)
    }

    /// The column as a message names it, by its letter and the register's own header:
    /// D列“女方身份证号码” (the field's name where the column has no header).
    pub fn label(&self, field: Field) -> String {
        let name = columns::header(field);
        match self.index.get(&field) {
            Some(&i) => match self.headers.get(i).filter(|h| !h.is_empty()) {
                Some(h) => format!("{}列“{h}”", columns::letter(i)),
                None => format!("{}列（{name}）", columns::letter(i)),
            },
            None => format!("{name}（表中没有这一列）"),
        }
    }
}

/// A field some rows need and the register has no column for. It is asked once for the
/// whole file (the office page's matching step, one notice on the command line); the rows
/// that need it are not decided and say so briefly (docs/decisions.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A disabled child's grade (残疾等级, or 残疾类别及等级): 三级以上 makes the family special.
    Grade,
    /// A listed parent's 开封户籍 (or a 户籍地址).
    Hukou(Role),
}

impl Need {
    pub const ALL: [Need; 3] = [
        Need::Grade,
        Need::Hukou(Role::Mother),
        Need::Hukou(Role::Father),
    ];

    /// The field to name: the column the register would need.
    pub fn field(self) -> Field {
        match self {
            Need::Grade => Field::Grade,
            Need::Hukou(r) => Field::Parent(r, ParentField::Hukou),
        }
    }

    /// Whether no column in `fields` gives it.
    pub fn absent(self, fields: &[Option<Field>]) -> bool {
        let has = |f: Field| fields.contains(&Some(f));
        match self {
            Need::Grade => !has(Field::Grade) && !has(Field::TypeGrade),
            Need::Hukou(r) => ![
                Field::Parent(r, ParentField::Hukou),
                Field::Parent(r, ParentField::Address),
                Field::Person(ParentField::Hukou),
                Field::Person(ParentField::Address),
            ]
            .into_iter()
            .any(has),
        }
    }

    /// Whether the row needs it: a disabled child, a listed parent.
    pub fn wanted(self, layout: &Layout, row: &[Cell]) -> bool {
        match self {
            Need::Grade => child_status(layout, row) == Some(ChildStatus::Disabled),
            Need::Hukou(r) => listed(layout, row, r),
        }
    }

    /// What the matching step says of it, among the defaults the clerk accepts.
    pub fn zh(self) -> &'static str {
        match self {
            Need::Grade => {
                "残疾等级：表中没有（也没有残疾类别及等级），子女伤残的家庭先不判断，在“错误”列注明"
            }
            Need::Hukou(Role::Mother) => {
                "女方开封户籍：表中没有（也没有户籍地址），列出了女方的家庭先不判断，在“错误”列注明"
            }
            Need::Hukou(Role::Father) => {
                "男方开封户籍：表中没有（也没有户籍地址），列出了男方的家庭先不判断，在“错误”列注明"
            }
        }
    }

    /// Who needs it, for the file's notice.
    fn who(self) -> (&'static str, &'static str) {
        match self {
            Need::Grade => ("子女伤残", "with a disabled child"),
            Need::Hukou(Role::Mother) => ("列出了女方", "listing the mother"),
            Need::Hukou(Role::Father) => ("列出了男方", "listing the father"),
        }
    }

    /// The file's one notice: which households need it, that they are not decided, the fix.
    pub fn notice(self, lines: &[usize]) -> (String, String) {
        let name = columns::header(self.field());
        let (who, who_en) = self.who();
        let n = lines.len();
        let shown = &lines[..n.min(10)];
        let more = if n > shown.len() { "等" } else { "" };
        let list = super::layout::ranges(shown);
        (
            format!(
                "表中没有“{name}”一列：{who}的{n}户（第{list}行{more}）要看它才能判断，这几户未判断，“错误”列注明了；请在表中加上这一列，或用列匹配指明是哪一列（命令行：--map 匹配.json）"
            ),
            format!(
                "no {name} column: the {n} household(s) {who_en} (rows {}{}) need it and are not decided (the 错误 column says so); add the column, or name it in a column matching (--map MAP.json)",
                list.replace('、', ", "),
                if more.is_empty() { "" } else { " …" }
            ),
        )
    }
}

/// The child's status as the row gives it (子女情况, else 家庭类别), if it can be read.
fn child_status(layout: &Layout, row: &[Cell]) -> Option<ChildStatus> {
    let c = |f: Field| layout.cell(row, f);
    values::child_status(c(Field::ChildStatus))
        .ok()
        .flatten()
        .or_else(|| values::category(c(Field::Category)).ok().flatten())
}

/// Whether any of a parent's columns is filled in (else the parent is not listed).
fn listed(layout: &Layout, row: &[Cell], role: Role) -> bool {
    PARENT_FIELDS
        .iter()
        .any(|&pf| values::text(layout.cell(row, Field::Parent(role, pf))).is_some())
}

/// What a row says beyond the facts: the register's own note on special support, and what
/// the facts could not say exactly (a birth given to the month, 城乡 not in the register).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extra {
    pub received_special_support: Option<bool>,
    /// The last day a birth given only to the month can be (the facts hold its first day):
    /// the mother's, the father's, the child's.
    pub month_only: [Option<NaiveDate>; 3],
    /// The register has no 城乡 column: the facts say 城镇, and the row is decided both ways.
    pub residence_unknown: bool,
}

/// Collects the problems of one row, each with its column.
struct Problems<'a> {
    layout: &'a Layout,
    list: Vec<String>,
}

impl Problems<'_> {
    fn take<T>(&mut self, field: Field, r: Result<T, Bad>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.list.push(format!("{}：{e}", self.layout.label(field)));
                None
            }
        }
    }

    /// A field the row needs and the register has no column for: said briefly, the file's
    /// notice says the rest.
    fn lacks(&mut self, need: Need) {
        self.list.push(format!(
            "未判断：表中没有“{}”一列（见表格的提示）",
            columns::header(need.field())
        ));
    }

    fn say(&mut self, field: Field, e: impl Into<String>) {
        let e = e.into();
        self.list.push(format!("{}：{e}", self.layout.label(field)));
    }
}

/// Whether every cell of the row is blank (a spacer row).
pub fn blank(row: &[Cell]) -> bool {
    row.iter().all(|c| values::text(c).is_none())
}

/// The household a row describes, or every problem found in it (`列：问题`).
pub fn facts(layout: &Layout, row: &[Cell]) -> Result<(Facts, Extra), Vec<String>> {
    let mut p = Problems {
        layout,
        list: Vec::new(),
    };
    let c = |f: Field| layout.cell(row, f);

    let as_of = p.take(Field::AsOf, values::date(c(Field::AsOf))).flatten();
    let mut area = p.take(Field::Area, values::area(c(Field::Area))).flatten();
    let residence_unknown = !layout.has(Field::Residence);
    let residence = if residence_unknown {
        Some(Residence::Urban)
    } else {
        p.take(Field::Residence, values::residence(c(Field::Residence)))
            .flatten()
    };
    if residence.is_none() && values::text(c(Field::Residence)).is_none() {
        p.say(Field::Residence, "必须填写：城镇或农村");
    }
    // 子女情况, or the register's 家庭类别 (失独 / 伤残) where that is blank or absent.
    let status_field = if layout.has(Field::ChildStatus)
        && (values::text(c(Field::ChildStatus)).is_some() || !layout.has(Field::Category))
    {
        Field::ChildStatus
    } else if layout.has(Field::Category) {
        Field::Category
    } else {
        Field::ChildStatus
    };
    let status = if status_field == Field::Category {
        p.take(Field::Category, values::category(c(Field::Category)))
            .flatten()
    } else {
        p.take(
            Field::ChildStatus,
            values::child_status(c(Field::ChildStatus)),
        )
        .flatten()
    };
    if status.is_none() && values::text(c(status_field)).is_none() {
        p.say(status_field, "必须填写：失独（死亡）、伤残或健在");
    }
    let mut grade = p
        .take(Field::Grade, values::grade(c(Field::Grade)))
        .flatten();
    let mut types = p
        .take(Field::Types, values::disability_types(c(Field::Types)))
        .unwrap_or_default();
    if let Some((t, g)) = p
        .take(
            Field::TypeGrade,
            values::type_and_grade(c(Field::TypeGrade)),
        )
        .flatten()
    {
        // 残疾类别及等级 (智力二级) where the separate columns are blank; counted only for a
        // disabled child (a 失独 family's cell may say how the child was).
        if status == Some(ChildStatus::Disabled) {
            grade = grade.or(Some(g));
            if types.is_empty() {
                types = t;
            }
        }
    }
    if status == Some(ChildStatus::Disabled)
        && grade.is_none()
        && Need::Grade.absent(&layout.fields)
    {
        p.lacks(Need::Grade);
    }
    let mut month_only = [None; 3];
    let child_birth = p
        .take(Field::ChildBirth, values::birth(c(Field::ChildBirth)))
        .flatten()
        .map(|b| {
            if let Born::Month(_) = b {
                month_only[2] = Some(b.last());
            }
            b.first()
        });
    let schooling = p
        .take(Field::Schooling, values::schooling(c(Field::Schooling)))
        .flatten();
    let child_capacity = p
        .take(
            Field::ChildCapacity,
            values::yes_no(c(Field::ChildCapacity), "有", "无"),
        )
        .flatten();
    // A register of special families that has no such column lists none: 否, said once.
    let other_child = if layout.has(Field::OtherChild) {
        p.take(
            Field::OtherChild,
            values::yes_no(c(Field::OtherChild), "是", "否"),
        )
        .flatten()
    } else {
        Some(false)
    };
    if other_child.is_none() && values::text(c(Field::OtherChild)).is_none() {
        p.say(
            Field::OtherChild,
            "必须填写：是或否（夫妻是否又生育或收养了子女）",
        );
    }

    // 婚姻状况: on a register of one row per person it decides whether the row is paired with
    // a spouse's (`super::persons`); here 丧偶 is checked against the parents listed.
    let marital = p
        .take(Field::Marital, values::marital(c(Field::Marital)))
        .flatten();
    // 户籍地址 for the whole household (a column without 女方 / 男方).
    let shared_address = p
        .take(
            Field::Person(ParentField::Address),
            values::address(c(Field::Person(ParentField::Address))),
        )
        .flatten();
    let mut parents = Vec::new();
    for role in [Role::Mother, Role::Father] {
        if let Some((parent, month, county)) = parent(&mut p, row, role, shared_address) {
            if let Some(last) = month {
                month_only[if role == Role::Mother { 0 } else { 1 }] = Some(last);
            }
            area = area.or(county);
            parents.push(parent);
        }
    }
    area = area.or(shared_address.and_then(|(_, a)| a));
    // 离异 / 再婚 (RULINGS, "Registers as offices keep them"): the listed parents' own marital
    // fact, which decides their papers and the couple's items (clause 7, the one-off relief).
    let as_fact = match marital {
        Some(values::Marital::Divorced) => Some(crate::rules::Marital::Divorced),
        Some(values::Marital::Remarried) => Some(crate::rules::Marital::Remarried),
        _ => None,
    };
    if let Some(m) = as_fact {
        for parent in &mut parents {
            parent.marital = m;
        }
    }
    // 丧偶: one of the two is late. With both listed as living, which one cannot be guessed,
    // and counting both would pay for a late parent.
    if marital == Some(values::Marital::Widowed)
        && parents.len() == 2
        && parents.iter().all(|p| p.alive)
    {
        p.say(
            Field::Marital,
            "是丧偶，但女方、男方都按在世填写；请在已故一方的“状况”填“已故”，或空着已故一方的各列",
        );
    }

    let mut circ = Circumstances::default();
    for (cf, slot) in [
        (CircField::LowIncome, &mut circ.low_income),
        (CircField::HousingDifficulty, &mut circ.housing_difficulty),
        (CircField::DilapidatedHouse, &mut circ.dilapidated_house),
        (CircField::PovertyRegistered, &mut circ.poverty_registered),
        (CircField::WantsAnotherChild, &mut circ.wants_another_child),
        (CircField::NeedsIvf, &mut circ.needs_ivf),
        (CircField::WantsToAdopt, &mut circ.wants_to_adopt),
        (CircField::LegalDispute, &mut circ.legal_dispute),
    ] {
        let f = Field::Circ(cf);
        if let Some(v) = p.take(f, values::yes_no(c(f), "是", "否")).flatten() {
            *slot = v;
        }
    }
    let received = p
        .take(
            Field::Received,
            values::yes_no(c(Field::Received), "是", "否"),
        )
        .flatten();

    if !p.list.is_empty() {
        return Err(p.list);
    }
    let (Some(residence), Some(status), Some(has_other_child)) = (residence, status, other_child)
    else {
        return Err(p.list);
    };
    let facts = Facts {
        as_of,
        area,
        residence,
        child: Child {
            status,
            disability_grade: grade,
            disability_types: types,
            birth_date: child_birth,
            schooling,
            civil_capacity: child_capacity,
        },
        has_other_child,
        parents,
        circumstances: circ,
    };
    Ok((
        facts,
        Extra {
            received_special_support: received,
            month_only,
            residence_unknown,
        },
    ))
}

const PARENT_FIELDS: [ParentField; 13] = [
    ParentField::Address,
    ParentField::Name,
    ParentField::IdNumber,
    ParentField::Birth,
    ParentField::Alive,
    ParentField::Hukou,
    ParentField::Pension,
    ParentField::Medical,
    ParentField::SelfCare,
    ParentField::Capacity,
    ParentField::Mobility,
    ParentField::CareSetting,
    ParentField::HospitalDays,
];

fn role_zh(role: Role) -> &'static str {
    match role {
        Role::Mother => "女方",
        Role::Father => "男方",
    }
}

/// One parent from their columns; `None` when all of them are blank (not listed) or when
/// something in them is wrong (then `p` says what).
fn parent(
    p: &mut Problems<'_>,
    row: &[Cell],
    role: Role,
    shared_address: Option<(bool, Option<crate::rules::Area>)>,
) -> Option<(Parent, Option<NaiveDate>, Option<crate::rules::Area>)> {
    let layout = p.layout;
    let f = |pf: ParentField| Field::Parent(role, pf);
    let c = |pf: ParentField| layout.cell(row, f(pf));
    if !listed(layout, row, role) {
        return None;
    }
    let before = p.list.len();
    let id = p
        .take(
            f(ParentField::IdNumber),
            values::id_number(c(ParentField::IdNumber)),
        )
        .flatten();
    if let Some(id) = id {
        if id.role != role {
            let (digit, sex) = match id.role {
                Role::Father => ("单数", "男性"),
                Role::Mother => ("双数", "女性"),
            };
            p.say(
                f(ParentField::IdNumber),
                format!(
                    "号码第17位是{digit}，是{sex}的号码，但这是{}的列；请核对号码是否填错了列",
                    role_zh(role)
                ),
            );
        }
    }
    let birth = p
        .take(f(ParentField::Birth), values::birth(c(ParentField::Birth)))
        .flatten();
    let mut month = None;
    let born = match (id, birth) {
        (Some(id), Some(Born::Month(m))) if !Born::Month(m).same_month(id.birth) => {
            p.say(
                f(ParentField::Birth),
                format!(
                    "{}与身份证号里的出生日期{}不一致，请核对",
                    values::zh_month(m),
                    zh(id.birth)
                ),
            );
            None
        }
        (Some(id), Some(Born::Day(b))) if id.birth != b => {
            p.say(
                f(ParentField::Birth),
                format!(
                    "{}与身份证号里的出生日期{}不一致，请核对",
                    zh(b),
                    zh(id.birth)
                ),
            );
            None
        }
        (Some(id), _) => Some(id.birth),
        (None, Some(b)) => {
            if let Born::Month(_) = b {
                month = Some(b.last());
            }
            Some(b.first())
        }
        (None, None) => {
            let id_blank = values::text(c(ParentField::IdNumber)).is_none();
            let birth_blank = values::text(c(ParentField::Birth)).is_none();
            if id_blank && birth_blank {
                p.say(
                    f(ParentField::IdNumber),
                    format!(
                        "{}填了其他信息，但没有身份证号，也没有出生日期；请至少填一项",
                        role_zh(role)
                    ),
                );
            }
            None
        }
    };
    let alive = p
        .take(f(ParentField::Alive), values::alive(c(ParentField::Alive)))
        .flatten()
        .unwrap_or(true);
    // 开封户籍 (是/否), else the parent's 户籍地址, else the household's 户籍 or 户籍地址.
    let own_address = p
        .take(
            f(ParentField::Address),
            values::address(c(ParentField::Address)),
        )
        .flatten();
    let shared_hukou = p
        .take(
            Field::Person(ParentField::Hukou),
            values::yes_no(
                layout.cell(row, Field::Person(ParentField::Hukou)),
                "是",
                "否",
            ),
        )
        .flatten();
    let hukou = p
        .take(
            f(ParentField::Hukou),
            values::yes_no(c(ParentField::Hukou), "是", "否"),
        )
        .flatten()
        .or(own_address.map(|(k, _)| k))
        .or(shared_hukou)
        .or(shared_address.map(|(k, _)| k));
    let county = own_address.and_then(|(_, a)| a);
    if hukou.is_none() && Need::Hukou(role).absent(&layout.fields) {
        p.lacks(Need::Hukou(role));
    } else if hukou.is_none() && values::text(c(ParentField::Hukou)).is_none() {
        let field = if layout.has(f(ParentField::Address)) {
            f(ParentField::Address)
        } else {
            f(ParentField::Hukou)
        };
        p.say(
            field,
            "必须填写：是或否（已故的父母填生前的户籍），或写户籍地址",
        );
    }
    let pension = p
        .take(
            f(ParentField::Pension),
            values::scheme(c(ParentField::Pension)),
        )
        .flatten();
    let medical = p
        .take(
            f(ParentField::Medical),
            values::scheme(c(ParentField::Medical)),
        )
        .flatten();
    let self_care = p
        .take(
            f(ParentField::SelfCare),
            values::yes_no(c(ParentField::SelfCare), "能", "不能"),
        )
        .flatten();
    let capacity = p
        .take(
            f(ParentField::Capacity),
            values::yes_no(c(ParentField::Capacity), "有", "无"),
        )
        .flatten();
    let mobility = p
        .take(
            f(ParentField::Mobility),
            values::yes_no(c(ParentField::Mobility), "是", "否"),
        )
        .flatten();
    let care = p
        .take(
            f(ParentField::CareSetting),
            values::care_setting(c(ParentField::CareSetting)),
        )
        .flatten();
    let days = p
        .take(
            f(ParentField::HospitalDays),
            values::whole(c(ParentField::HospitalDays)),
        )
        .flatten();
    if p.list.len() > before {
        return None;
    }
    let (born, hukou) = (born?, hukou?);
    let mut parent = Parent::new(role, born, hukou);
    parent.alive = alive;
    if let Some(v) = pension {
        parent.pension = v;
    }
    if let Some(v) = medical {
        parent.medical = v;
    }
    if let Some(v) = self_care {
        parent.self_care = Some(v);
    }
    if let Some(v) = capacity {
        parent.civil_capacity = v;
    }
    if let Some(v) = mobility {
        parent.mobility_limited = v;
    }
    parent.care_setting = care;
    if let Some(v) = days {
        parent.hospital_days = v;
    }
    Some((parent, month, county))
}

/// The column an engine refusal is about, named as the office's sheet names it.
pub fn engine_problem(layout: &Layout, row: &[Cell], facts: &Facts, e: &FactsError) -> String {
    let field = e.field.as_str();
    let label = match field {
        "as_of" => layout.label(Field::AsOf),
        "child.disability_grade" if !layout.has(Field::Grade) => layout.label(Field::TypeGrade),
        "child.disability_grade" => layout.label(Field::Grade),
        "child.disability_types" => layout.label(Field::Types),
        "child.schooling" => layout.label(Field::Schooling),
        "child.civil_capacity" => layout.label(Field::ChildCapacity),
        "child.birth_date" => layout.label(Field::ChildBirth),
        "child.status" if !layout.has(Field::ChildStatus) => layout.label(Field::Category),
        "child.status" => layout.label(Field::ChildStatus),
        "parents" => "女方、男方".to_string(),
        _ => parent_label(layout, row, facts, field).unwrap_or_else(|| field.to_string()),
    };
    format!("{label}：{}", e.zh)
}

fn parent_label(layout: &Layout, row: &[Cell], facts: &Facts, field: &str) -> Option<String> {
    let rest = field.strip_prefix("parents[")?;
    let (i, sub) = rest.split_once("].")?;
    let role = facts.parents.get(i.parse::<usize>().ok()?)?.role;
    let pf = match sub {
        "birth_date" => {
            if values::text(layout.cell(row, Field::Parent(role, ParentField::IdNumber))).is_some()
            {
                ParentField::IdNumber
            } else {
                ParentField::Birth
            }
        }
        "hospital_days" => ParentField::HospitalDays,
        "kaifeng_hukou" => ParentField::Hukou,
        "alive" => ParentField::Alive,
        _ => return Some(format!("{}（{sub}）", role_zh(role))),
    };
    Some(layout.label(Field::Parent(role, pf)))
}
