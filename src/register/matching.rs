//! The office page's matching step, as data: every column found (its letter, its header and
//! three sample values) and the field it was matched to, what the rules need and no column
//! gives, and the defaults the register's layout calls for. Pure, so the page only draws it
//! and the command line's `--show-map` and the page agree; the clerk's changes become a
//! [`ColumnMap`] the register is then read with.

use super::columns::{self, canonical_order, letter, Field, ParentField};
use super::layout::{self, Skip};
use super::{first_header, missing_fields, values, Cell, ColumnMap, FileError, Layout, Need};

/// One column as the matching step shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundColumn {
    pub letter: String,
    pub header: String,
    /// The first three values in the column's family rows, as the sheet shows them.
    pub samples: Vec<String>,
    pub field: Option<Field>,
}

/// What the matching step shows for one register.
#[derive(Debug, Clone, PartialEq)]
pub struct Matching {
    /// The header's row in the sheet.
    pub header_line: usize,
    pub columns: Vec<FoundColumn>,
    /// What some family rows need (a disabled child's grade, a listed parent's 户籍), whether
    /// or not a column gives it: asked while none does ([`Matching::needed`]).
    pub needs: Vec<Need>,
}

impl Matching {
    /// Reads the first sheet with a header; `map` (a saved matching) applied.
    pub fn of(
        sheets: &[(String, Vec<Vec<Cell>>)],
        map: Option<&ColumnMap>,
    ) -> Result<Matching, FileError> {
        let (rows, h) = first_header(sheets, map)?;
        let ids: Vec<usize> = h
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                matches!(
                    f,
                    Some(
                        Field::Parent(_, ParentField::IdNumber)
                            | Field::Person(ParentField::IdNumber)
                    )
                )
            })
            .map(|(j, _)| j)
            .collect();
        let families: Vec<&Vec<Cell>> = rows
            .iter()
            .skip(h.line)
            .filter(|r| {
                !layout::is_column_numbers(r)
                    && layout::skip(r, &ids).is_none_or(|s| s == Skip::ColumnNumbers)
            })
            .collect();
        let read = Layout::new(h.fields.clone(), Vec::new());
        let needs = Need::ALL
            .into_iter()
            .filter(|n| families.iter().any(|r| n.wanted(&read, r)))
            .collect();
        let columns = h
            .headers
            .iter()
            .zip(&h.fields)
            .enumerate()
            .map(|(j, (header, field))| FoundColumn {
                letter: letter(j),
                header: header.clone(),
                samples: families
                    .iter()
                    .take(200)
                    .filter_map(|r| r.get(j).and_then(values::text))
                    .take(3)
                    .collect(),
                field: *field,
            })
            .filter(|c| !c.header.is_empty() || !c.samples.is_empty())
            .collect();
        Ok(Matching {
            header_line: h.line,
            columns,
            needs,
        })
    }

    fn fields(&self) -> Vec<Option<Field>> {
        self.columns.iter().map(|c| c.field).collect()
    }

    /// What the rules need that no column gives, in words: the step cannot end while any is.
    pub fn missing(&self) -> Vec<&'static str> {
        missing_fields(&self.fields())
    }

    /// What some rows need and no column gives, in words: the step is shown for it, and the
    /// clerk picks the column or accepts that those rows are not decided.
    pub fn needed(&self) -> Vec<&'static str> {
        let f = self.fields();
        self.needs
            .iter()
            .filter(|n| n.absent(&f))
            .map(|n| n.zh())
            .collect()
    }

    /// The defaults the register will take, in words, for the clerk to accept.
    pub fn defaults(&self) -> Vec<&'static str> {
        let f = self.fields();
        let mut out = self.needed();
        if !f.contains(&Some(Field::Residence)) {
            out.push("城乡：表中没有，每户按城镇和农村各判断一次，不同的项目写“需要核实”");
        }
        if !f.contains(&Some(Field::OtherChild)) {
            out.push("再生育或收养：表中没有，按“没有再生育或收养”判断（特殊家庭台账）");
        }
        if !f.contains(&Some(Field::AsOf)) {
            out.push("核查日期：表中没有，按表头上的填报日期，没有填报日期时按今天");
        }
        out
    }

    /// Columns with a header the reader did not match to anything.
    pub fn unknown(&self) -> Vec<&FoundColumn> {
        self.columns
            .iter()
            .filter(|c| c.field.is_none() && !c.header.is_empty())
            .collect()
    }

    /// Whether the page should show the step before deciding: something the rules need is
    /// missing (for every family, or for some rows), or a column is not understood.
    pub fn needs_asking(&self) -> bool {
        !self.missing().is_empty() || !self.needed().is_empty() || !self.unknown().is_empty()
    }

    /// The clerk matches column `k` (in [`Matching::columns`]) to `field`, or to nothing. A
    /// field can be held by one column only: the column that held it before is unmatched.
    pub fn set(&mut self, k: usize, field: Option<Field>) {
        if let Some(f) = field {
            for c in self.columns.iter_mut() {
                if c.field == Some(f) {
                    c.field = None;
                }
            }
        }
        if let Some(c) = self.columns.get_mut(k) {
            c.field = field;
        }
    }

    /// The matching as a file to keep and to read the register with.
    pub fn to_map(&self) -> ColumnMap {
        ColumnMap {
            kind: "扶助通台账列匹配".into(),
            version: 1,
            columns: self
                .columns
                .iter()
                .map(|c| super::map::MapColumn {
                    column: c.letter.clone(),
                    header: c.header.clone(),
                    field: c.field.map(columns::header),
                })
                .collect(),
        }
    }
}

/// What [`Matching::missing`] and [`Matching::defaults`] say, in English, for the office
/// page's English mode (the command line prints the Chinese, then its own English).
const ENGLISH: &[(&str, &str)] = &[
    ("子女情况（或家庭类别：失独、伤残）", "子女情况, the child's status (or 家庭类别: 失独, 伤残)"),
    ("女方或男方的身份证号或出生日期", "the mother's or father's ID number or birth date"),
    ("开封户籍（或户籍地址）", "开封户籍, Kaifeng household registration (or 户籍地址, the registered address)"),
    ("城乡：表中没有，每户按城镇和农村各判断一次，不同的项目写“需要核实”", "城乡 (urban or rural): not in the table; each household is decided both ways, and what differs is marked To confirm"),
    ("再生育或收养：表中没有，按“没有再生育或收养”判断（特殊家庭台账）", "再生育或收养 (another child born or adopted): not in the table; taken as none (a register of special families)"),
    ("核查日期：表中没有，按表头上的填报日期，没有填报日期时按今天", "核查日期 (the check date): not in the table; the 填报日期 above the header, or today where there is none"),
    ("残疾等级：表中没有（也没有残疾类别及等级），子女伤残的家庭先不判断，在“错误”列注明", "残疾等级 (the disability grade): not in the table (nor 残疾类别及等级); households with a disabled child are not decided, and the 错误 column says so"),
    ("女方开封户籍：表中没有（也没有户籍地址），列出了女方的家庭先不判断，在“错误”列注明", "女方开封户籍 (the mother's Kaifeng registration): not in the table (nor 户籍地址); households listing the mother are not decided, and the 错误 column says so"),
    ("男方开封户籍：表中没有（也没有户籍地址），列出了男方的家庭先不判断，在“错误”列注明", "男方开封户籍 (the father's Kaifeng registration): not in the table (nor 户籍地址); households listing the father are not decided, and the 错误 column says so"),
];

/// `text` (one of [`Matching::missing`]'s or [`Matching::defaults`]'s) in English.
pub fn in_english(text: &str) -> &str {
    ENGLISH
        .iter()
        .find(|(zh, _)| *zh == text)
        .map_or(text, |(_, en)| en)
}

/// Every field a column can be matched to, with its name, in the template's order then the
/// office's columns: the choices of the step's drop-down lists.
pub fn choices() -> Vec<(Field, String)> {
    canonical_order()
        .into_iter()
        .map(|f| {
            let name = match f {
                Field::Person(_) => format!("本人{}", columns::header(f)),
                _ => columns::header(f),
            };
            (f, name)
        })
        .collect()
}
