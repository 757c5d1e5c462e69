//! One register row into the rules' `Facts`, every problem named by its column.

use std::collections::HashMap;

use super::columns::{self, CircField, Field, ParentField};
use super::values::{self, zh, Bad};
use super::Cell;
use crate::rules::{Child, Circumstances, Facts, FactsError, Parent, Role};

/// Which input column holds which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Per input column, the field it holds (None: kept, not read).
    pub fields: Vec<Option<Field>>,
    pub index: HashMap<Field, usize>,
}

static EMPTY: Cell = Cell::Empty;

impl Layout {
    pub fn new(fields: Vec<Option<Field>>) -> Layout {
        let index = fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.map(|f| (f, i)))
            .collect();
        Layout { fields, index }
    }

    pub fn cell<'a>(&self, row: &'a [Cell], field: Field) -> &'a Cell {
        self.index
            .get(&field)
            .and_then(|&i| row.get(i))
            .unwrap_or(&EMPTY)
    }

    /// The column as a message names it: 女方身份证号（C列）.
    pub fn label(&self, field: Field) -> String {
        let name = columns::header(field);
        match self.index.get(&field) {
            Some(&i) => format!("{name}（{}列）", columns::letter(i)),
            None => format!("{name}（表中没有这一列）"),
        }
    }
}

/// What a row says beyond the facts: the register's own note on special support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Extra {
    pub received_special_support: Option<bool>,
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
    let area = p.take(Field::Area, values::area(c(Field::Area))).flatten();
    let residence = p
        .take(Field::Residence, values::residence(c(Field::Residence)))
        .flatten();
    if residence.is_none() && values::text(c(Field::Residence)).is_none() {
        p.say(Field::Residence, "必须填写：城镇或农村");
    }
    let status = p
        .take(
            Field::ChildStatus,
            values::child_status(c(Field::ChildStatus)),
        )
        .flatten();
    if status.is_none() && values::text(c(Field::ChildStatus)).is_none() {
        p.say(Field::ChildStatus, "必须填写：死亡、伤残或健在");
    }
    let grade = p
        .take(Field::Grade, values::grade(c(Field::Grade)))
        .flatten();
    let types = p
        .take(Field::Types, values::disability_types(c(Field::Types)))
        .unwrap_or_default();
    let child_birth = p
        .take(Field::ChildBirth, values::date(c(Field::ChildBirth)))
        .flatten();
    let schooling = p
        .take(Field::Schooling, values::schooling(c(Field::Schooling)))
        .flatten();
    let child_capacity = p
        .take(
            Field::ChildCapacity,
            values::yes_no(c(Field::ChildCapacity), "有", "无"),
        )
        .flatten();
    let other_child = p
        .take(
            Field::OtherChild,
            values::yes_no(c(Field::OtherChild), "是", "否"),
        )
        .flatten();
    if other_child.is_none() && values::text(c(Field::OtherChild)).is_none() {
        p.say(
            Field::OtherChild,
            "必须填写：是或否（夫妻是否又生育或收养了子女）",
        );
    }

    let mut parents = Vec::new();
    for role in [Role::Mother, Role::Father] {
        if let Some(parent) = parent(&mut p, row, role) {
            parents.push(parent);
        }
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
        },
    ))
}

const PARENT_FIELDS: [ParentField; 12] = [
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
fn parent(p: &mut Problems<'_>, row: &[Cell], role: Role) -> Option<Parent> {
    let layout = p.layout;
    let f = |pf: ParentField| Field::Parent(role, pf);
    let c = |pf: ParentField| layout.cell(row, f(pf));
    if PARENT_FIELDS
        .iter()
        .all(|&pf| values::text(c(pf)).is_none())
    {
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
        .take(f(ParentField::Birth), values::date(c(ParentField::Birth)))
        .flatten();
    let born = match (id, birth) {
        (Some(id), Some(b)) if id.birth != b => {
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
        (None, Some(b)) => Some(b),
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
    let hukou = p
        .take(
            f(ParentField::Hukou),
            values::yes_no(c(ParentField::Hukou), "是", "否"),
        )
        .flatten();
    if hukou.is_none() && values::text(c(ParentField::Hukou)).is_none() {
        p.say(
            f(ParentField::Hukou),
            "必须填写：是或否（已故的父母填生前的户籍）",
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
    Some(parent)
}

/// The column an engine refusal is about, named as the office's sheet names it.
pub fn engine_problem(layout: &Layout, row: &[Cell], facts: &Facts, e: &FactsError) -> String {
    let field = e.field.as_str();
    let label = match field {
        "as_of" => layout.label(Field::AsOf),
        "child.disability_grade" => layout.label(Field::Grade),
        "child.disability_types" => layout.label(Field::Types),
        "child.schooling" => layout.label(Field::Schooling),
        "child.civil_capacity" => layout.label(Field::ChildCapacity),
        "child.birth_date" => layout.label(Field::ChildBirth),
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
