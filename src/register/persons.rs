//! A register of one row per person (a system's export: 姓名, 性别, 身份证号, 配偶身份证号,
//! 扶助类型 …): the two rows of a couple are one household, paired by 配偶身份证号. The
//! household is decided once, on the first of its two rows, and both rows carry the answer;
//! a person whose spouse's row is not in the file (or who is 离异 / 丧偶) is decided alone,
//! and the row says so.

use chrono::NaiveDate;

use super::columns::{Field, ParentField};
use super::values::{self, Marital};
use super::{decided, id_key, row, Cell, Checked, Extra, Layout};
use crate::rules::{Facts, Role};

/// The words that mark a paired row's 提醒 line (counted once as a household).
pub const PAIRED: &str = "两行合为一户判断";

/// How the rows pair, worked out before any is decided.
pub struct Persons {
    /// The layout with a person's columns read as the mother's, and as the father's.
    mother: Layout,
    father: Layout,
    /// Per data row: the role of its person, if known.
    roles: Vec<Option<Role>>,
    /// Per data row: the row of the spouse, when the two pair.
    partner: Vec<Option<usize>>,
    /// Per data row: a spouse's ID number is given but no row has it.
    spouse_missing: Vec<bool>,
    /// The answer of a pair's second row, made when its first row was decided.
    cached: Vec<Option<Box<Checked>>>,
    pairs: usize,
}

fn as_role(layout: &Layout, role: Role) -> Layout {
    Layout::new(
        layout
            .fields
            .iter()
            .map(|f| match f {
                Some(Field::Person(pf)) => Some(Field::Parent(role, *pf)),
                other => *other,
            })
            .collect(),
        layout.headers.clone(),
    )
}

fn role_of(layout: &Layout, r: &[Cell]) -> Option<Role> {
    if let Ok(Some(role)) = values::sex(layout.cell(r, Field::Sex)) {
        return Some(role);
    }
    let id = layout.cell(r, Field::Person(ParentField::IdNumber));
    values::id_number(id).ok().flatten().map(|i| i.role)
}

impl Persons {
    pub fn new(data: &[(usize, Vec<Cell>)], layout: &Layout) -> Persons {
        let n = data.len();
        let own = |r: &[Cell]| id_key(layout.cell(r, Field::Person(ParentField::IdNumber)));
        let spouse = |r: &[Cell]| id_key(layout.cell(r, Field::SpouseId));
        let single = |r: &[Cell]| {
            matches!(
                values::marital(layout.cell(r, Field::Marital)),
                Ok(Some(Marital::Divorced | Marital::Widowed | Marital::Single))
            )
        };
        // Own ID number → row, sorted (the first row of a number keeps it).
        let mut index: Vec<(String, usize)> = data
            .iter()
            .enumerate()
            .filter_map(|(i, (_, r))| own(r).map(|k| (k, i)))
            .collect();
        index.sort();
        index.dedup_by(|later, first| later.0 == first.0);
        let find = |k: &str| {
            index
                .binary_search_by(|(x, _)| x.as_str().cmp(k))
                .ok()
                .map(|p| index[p].1)
        };
        let roles: Vec<Option<Role>> = data.iter().map(|(_, r)| role_of(layout, r)).collect();
        let mut partner = vec![None; n];
        let mut spouse_missing = vec![false; n];
        let mut pairs = 0;
        for (i, (_, r)) in data.iter().enumerate() {
            if partner[i].is_some() || single(r) {
                continue;
            }
            let Some(s) = spouse(r) else { continue };
            match find(&s) {
                Some(j) if j != i && partner[j].is_none() && !single(&data[j].1) => {
                    let back = spouse(&data[j].1);
                    let agrees = back.is_none() || back == own(r);
                    if agrees && roles[i].is_some() && roles[j].is_some() && roles[i] != roles[j] {
                        partner[i] = Some(j);
                        partner[j] = Some(i);
                        pairs += 1;
                    }
                }
                Some(_) => {}
                None => spouse_missing[i] = true,
            }
        }
        Persons {
            mother: as_role(layout, Role::Mother),
            father: as_role(layout, Role::Father),
            roles,
            partner,
            spouse_missing,
            cached: (0..n).map(|_| None).collect(),
            pairs,
        }
    }

    pub fn said_zh(&self) -> String {
        format!(
            "每人一行的台账：按配偶身份证号把{}对夫妻的两行各合为一户判断，其余每人单独判断",
            self.pairs
        )
    }

    pub fn said_en(&self) -> String {
        format!(
            "one row per person: {} couples paired by 配偶身份证号 into one household each; everyone else decided alone",
            self.pairs
        )
    }

    fn layout(&self, role: Role) -> &Layout {
        match role {
            Role::Mother => &self.mother,
            Role::Father => &self.father,
        }
    }

    /// Decides data row `i` (its cells are taken out of `data`).
    pub fn check(
        &mut self,
        i: usize,
        data: &mut [(usize, Vec<Cell>)],
        layout: &Layout,
        today: NaiveDate,
    ) -> Checked {
        let line = data[i].0;
        let input = std::mem::take(&mut data[i].1);
        if let Some(mut c) = self.cached.get_mut(i).and_then(Option::take) {
            c.input = input;
            return *c;
        }
        if row::blank(&input) {
            return super::check_row(layout, input, line, today);
        }
        let Some(role) = self.roles[i] else {
            return Checked {
                line,
                input,
                facts: None,
                result: None,
                error: Some(format!(
                    "第{line}行 {}：看不出这一行的人是女方还是男方；请填写性别，或核对身份证号",
                    layout.label(Field::Sex)
                )),
            };
        };
        let own_layout = self.layout(role).clone();
        let mine = row::facts(&own_layout, &input);
        let Some(j) = self.partner[i].filter(|j| *j > i) else {
            let mut c = decided(&own_layout, input, line, today, mine);
            if let Some(s) = c.result.as_mut() {
                if self.spouse_missing[i] {
                    s.reminders
                        .push("配偶身份证号对应的人不在这张表里，按本人一人判断".into());
                }
            }
            return c;
        };
        let j_line = data[j].0;
        let Some(j_role) = self.roles[j] else {
            return decided(&own_layout, input, line, today, mine);
        };
        let theirs = row::facts(self.layout(j_role), &data[j].1);
        let (mine, theirs) = match (mine, theirs) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(p), _) => {
                self.cached[j] = Some(Box::new(partner_failed(j_line, line)));
                return decided(&own_layout, input, line, today, Err(p));
            }
            (Ok(_), Err(_)) => {
                return Checked {
                    line,
                    input,
                    facts: None,
                    result: None,
                    error: Some(format!(
                        "第{line}行 配偶在第{j_line}行，那一行的信息有问题（见第{j_line}行），改正后两行合为一户判断"
                    )),
                };
            }
        };
        let (facts, extra) = joined(mine, theirs);
        let mut c = decided(&own_layout, input, line, today, Ok((facts, extra)));
        let mut other = Checked {
            line: j_line,
            input: Vec::new(),
            facts: c.facts.clone(),
            result: c.result.clone(),
            error: c.error.clone(),
        };
        if let Some(s) = c.result.as_mut() {
            s.reminders.push(format!("配偶在第{j_line}行，{PAIRED}"));
        }
        if let Some(s) = other.result.as_mut() {
            s.reminders.push(format!("配偶在第{line}行，{PAIRED}"));
        }
        if let Some(e) = other.error.as_mut() {
            *e = format!("第{j_line}行 配偶在第{line}行，两行合为一户；{e}");
        }
        self.cached[j] = Some(Box::new(other));
        c
    }
}

/// The second row of a pair whose first row could not be read.
fn partner_failed(line: usize, first: usize) -> Checked {
    Checked {
        line,
        input: Vec::new(),
        facts: None,
        result: None,
        error: Some(format!(
            "第{line}行 配偶在第{first}行，那一行的信息有问题（见第{first}行），改正后两行合为一户判断"
        )),
    }
}

/// One household from the two rows of a couple: the first row's household columns, both
/// persons as its parents (the mother first).
fn joined(a: (Facts, Extra), b: (Facts, Extra)) -> (Facts, Extra) {
    let (mut facts, mut extra) = a;
    let (other, other_extra) = b;
    facts.parents.extend(other.parents);
    facts.parents.sort_by_key(|p| p.role != Role::Mother);
    for k in 0..2 {
        extra.month_only[k] = extra.month_only[k].or(other_extra.month_only[k]);
    }
    facts.area = facts.area.or(other.area);
    extra.received_special_support = extra
        .received_special_support
        .or(other_extra.received_special_support);
    (facts, extra)
}

/// Whether a decided row is the second of a couple's two rows (its 提醒 names the first).
pub fn second_of_pair(line: usize, reminders: &[String]) -> bool {
    reminders.iter().any(|r| {
        r.strip_prefix("配偶在第")
            .and_then(|r| r.strip_suffix(&format!("行，{PAIRED}")))
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n < line)
    })
}
