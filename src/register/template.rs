//! The register template's content: the canonical headers, one example row, and one line
//! per column for the explanation sheet. Pure, so the office page can offer the same file.

use super::columns::{self, template_order, Field, ParentField, COLUMNS, PARENT_COLUMNS};
use super::values::check_char;
use super::Cell;
use crate::rules::Role;

/// The headers, in the template's order.
pub fn headers() -> Vec<String> {
    template_order().into_iter().map(columns::header).collect()
}

/// A made-up 居民身份证号 with a correct check character. The area code 410299 is not
/// assigned to any county, so no real person has it.
pub fn example_id(birth: &str, sequence: &str) -> String {
    let first17 = format!("410299{birth}{sequence}");
    let check = check_char(first17.as_bytes());
    format!("{first17}{check}")
}

/// The example row, one cell per header.
pub fn example_row() -> Vec<Cell> {
    template_order()
        .into_iter()
        .map(|f| {
            let t = match f {
                Field::Number => "示例-001（填写前请删除此行）".to_string(),
                Field::Area => "鼓楼区".into(),
                Field::Residence => "城镇".into(),
                Field::ChildStatus => "死亡".into(),
                Field::OtherChild => "否".into(),
                Field::Parent(Role::Mother, pf) => match pf {
                    ParentField::Name => "张某某".into(),
                    ParentField::IdNumber => example_id("19700315", "002"),
                    ParentField::Alive => "在世".into(),
                    ParentField::Hukou => "是".into(),
                    ParentField::Pension => "城乡居民".into(),
                    ParentField::Medical => "城乡居民".into(),
                    ParentField::HospitalDays => "20".into(),
                    _ => String::new(),
                },
                Field::Parent(Role::Father, pf) => match pf {
                    ParentField::Name => "李某某".into(),
                    ParentField::Birth => "1963-09-20".into(),
                    ParentField::Alive => "在世".into(),
                    ParentField::Hukou => "是".into(),
                    ParentField::Pension => "职工".into(),
                    ParentField::Medical => "职工".into(),
                    ParentField::Mobility => "是".into(),
                    _ => String::new(),
                },
                Field::Circ(columns::CircField::LowIncome) => "是".into(),
                Field::Received => "是".into(),
                _ => String::new(),
            };
            Cell::text(t)
        })
        .collect()
}

/// The explanation sheet's header.
pub const EXPLANATION_HEADERS: [&str; 5] = ["列名", "必填", "可填写的内容", "说明", "也认得的列名"];

/// One row per column: name, required, values, note, accepted variants.
pub fn explanation() -> Vec<[String; 5]> {
    let mut rows = Vec::new();
    for f in template_order() {
        let row = match f {
            Field::Parent(role, pf) => {
                let c = PARENT_COLUMNS.iter().find(|c| c.0 == pf);
                let Some((_, name, variants, req, values, note)) = c else {
                    continue;
                };
                let other = match role {
                    Role::Mother => columns::MOTHER_PREFIXES,
                    Role::Father => columns::FATHER_PREFIXES,
                };
                let own = columns::prefix(role);
                let mut names: Vec<String> = variants.iter().map(|v| format!("{own}{v}")).collect();
                names.extend(other[1..].iter().map(|p| format!("{p}{name}")));
                [
                    columns::header(f),
                    req.to_string(),
                    values.to_string(),
                    note.to_string(),
                    names.join("、"),
                ]
            }
            other => {
                let Some(c) = COLUMNS.iter().find(|c| c.field == other) else {
                    continue;
                };
                [
                    c.header.to_string(),
                    c.required.to_string(),
                    c.values.to_string(),
                    c.note.to_string(),
                    c.variants.join("、"),
                ]
            }
        };
        rows.push(row);
    }
    rows
}

/// General notes printed under the column list.
pub const NOTES: [&str; 7] = [
    "每户一行；第一行是表头，列的顺序随意；不认识的列原样保留、不参与判断。",
    "女方、男方的列都空着的一方不列入（例如单亲家庭只填一方）；已故的父母也请填写，并在“状况”填“已故”。",
    "日期可写1968-06-15、1968/6/15、1968.6.15、1968年6月15日、19680615，或用表格的日期格式。",
    "身份证号一列请先设成“文本”格式再填写，否则表格会把18位号码变成数字、丢掉后几位。",
    "是/否的列也认得：有/无、能/不能、√/×、Y/N。留空按“说明”里写的默认值判断。",
    "核查结果另存为新文件，原来的列原样保留，后面加上可以享受、需要核实、提醒、错误等列。",
    "全部在本机处理，不上传任何信息。",
];
