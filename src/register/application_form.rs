//! 申请审核表（参考）: a draft of the 特别扶助 application for one household, filled from the
//! register so nobody types it again: the applicant's and spouse's names, ID numbers, birth
//! dates, 婚姻状况, 户籍地址 and phone where the register has them, the only child, the
//! disability certificate, the reason, and empty review blocks for 村（居）委会 初审,
//! 乡（镇、街道） 审核 and 县（区）卫生健康委 审批. It is a reference, not the form: the heading
//! says the county's own form is the one that counts. Pure; the office page prints it, and
//! the command line writes it as one printable HTML file ([`html`]).

#[cfg(not(target_arch = "wasm32"))]
use super::chart::escape;
#[cfg(not(target_arch = "wasm32"))]
use chrono::NaiveDate;

use super::roster::{born, cell_text, disability, text_named};
use super::values::{zh, zh_month, Born};
use super::{columns::Field, columns::ParentField, Checked, Register};
use crate::rules::facts::{birthday, ChildStatus};
use crate::rules::params::SPECIAL_SUPPORT_MOTHER_AGE;
use crate::rules::{BenefitId, Role, Status};

/// The heading every draft carries.
pub const REFERENCE: &str = "供参考，以县（区）卫生健康委的正式表格为准";
pub const TITLE: &str = "计划生育家庭特别扶助申请审核表（参考）";

/// What the register leaves blank is said, so a blank is not read as "none".
pub const NOT_IN_REGISTER: &str = "（台账未填写）";

/// One person on the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub role: &'static str,
    pub name: String,
    pub sex: &'static str,
    pub id: String,
    pub birth: String,
    pub alive: bool,
}

/// The review blocks, in the order the application passes them (Henan: 村（居）初审 →
/// 乡（镇、街道）审核 → 县（区）卫生健康委 确认); each left empty, with room for the
/// opinion, the signature, the seal and the date.
pub const REVIEWS: [&str; 3] = [
    "村（居）委会初审意见",
    "乡（镇、街道）审核意见",
    "县（区）卫生健康委审批意见",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// The register's row number and 编号.
    pub line: usize,
    pub number: String,
    pub people: Vec<Person>,
    pub marital: String,
    pub address: String,
    pub phone: String,
    pub child_name: String,
    pub child_birth: String,
    pub child_status: &'static str,
    pub certificate: String,
    pub reason: String,
}

const MARITAL: [&str; 3] = ["婚姻状况", "女方婚姻状况", "婚姻情况"];
const ADDRESS: [&str; 6] = [
    "户籍地址",
    "户口所在地",
    "户籍所在地",
    "家庭住址",
    "现住址",
    "住址",
];
const PHONE: [&str; 5] = ["联系电话", "电话", "手机", "手机号码", "联系方式"];
const CHILD_NAME: [&str; 4] = ["子女姓名", "独生子女姓名", "孩子姓名", "子女名字"];

fn or_blank(s: String) -> String {
    if s.trim().is_empty() {
        NOT_IN_REGISTER.to_string()
    } else {
        s
    }
}

/// The draft for row `i`, when the row was decided as a special family the policy covers
/// and its special support is not ruled out.
pub fn form(reg: &Register, i: usize) -> Option<Form> {
    let r: &Checked = reg.rows.get(i).filter(|r| drafted(r))?;
    let facts = r.facts.as_ref()?;
    let s = r.result.as_ref()?;
    let people: Vec<Person> = [Role::Mother, Role::Father]
        .into_iter()
        .filter_map(|role| {
            let p = facts.parents.iter().find(|p| p.role == role)?;
            Some(Person {
                role: if role == Role::Mother {
                    "女方"
                } else {
                    "男方"
                },
                name: or_blank(cell_text(reg, r, Field::Parent(role, ParentField::Name))),
                sex: if role == Role::Mother { "女" } else { "男" },
                id: or_blank(cell_text(
                    reg,
                    r,
                    Field::Parent(role, ParentField::IdNumber),
                )),
                birth: written(born(reg, r, Some(role), p.birth_date)),
                alive: p.alive,
            })
        })
        .collect();
    let died = facts.child.status == ChildStatus::Deceased;
    let mut certificate = String::new();
    if !died {
        // 残疾类别 and 残疾等级, or the one cell 残疾类别及等级 (视力一级).
        let (kind, grade) = disability(reg, r);
        let kind = if kind.is_empty() {
            "类别".to_string() + NOT_IN_REGISTER
        } else {
            kind
        };
        certificate = format!("残疾人证：{kind}{grade}");
    }
    let age = SPECIAL_SUPPORT_MOTHER_AGE.at(s.as_of).unwrap_or(49);
    // A mother born in a known month only turns 49 in a month, not on a day.
    let mother_49: Option<Born> = facts
        .parents
        .iter()
        .find(|p| p.role == Role::Mother)
        .map(|m| match born(reg, r, Some(Role::Mother), m.birth_date) {
            Born::Day(d) => Born::Day(birthday(d, age)),
            Born::Month(d) => Born::Month(birthday(d, age)),
        });
    let what = if died {
        "独生子女死亡"
    } else {
        "独生子女三级以上残疾"
    };
    let when = match mother_49 {
        Some(Born::Month(d)) if Born::Month(d).last() <= s.as_of => {
            format!("女方已于{}年满{age}周岁", zh_month(d))
        }
        Some(Born::Month(d)) if d > s.as_of => format!("女方将于{}年满{age}周岁", zh_month(d)),
        Some(Born::Month(d)) => format!("女方于{}年满{age}周岁", zh_month(d)),
        Some(Born::Day(d)) if d <= s.as_of => format!("女方已于{}年满{age}周岁", zh(d)),
        Some(Born::Day(d)) => format!("女方将于{}年满{age}周岁", zh(d)),
        None => String::new(),
    };
    let mut reason = format!("{what}，未再生育或收养子女");
    if !when.is_empty() {
        reason.push('，');
        reason.push_str(&when);
    }
    reason.push_str("，申请计划生育家庭特别扶助。");
    Some(Form {
        line: r.line,
        number: cell_text(reg, r, Field::Number),
        people,
        marital: or_blank(text_named(reg, r, &MARITAL)),
        address: or_blank(text_named(reg, r, &ADDRESS)),
        phone: or_blank(text_named(reg, r, &PHONE)),
        child_name: or_blank(text_named(reg, r, &CHILD_NAME)),
        child_birth: facts
            .child
            .birth_date
            .map(|d| written(born(reg, r, None, d)))
            .unwrap_or_else(|| NOT_IN_REGISTER.to_string()),
        child_status: if died { "死亡" } else { "伤残" },
        certificate,
        reason,
    })
}

/// A birth as the draft writes it: 2005年4月12日, or 2005年4月 when the register gives only
/// the month.
fn written(b: Born) -> String {
    match b {
        Born::Day(d) => zh(d),
        Born::Month(m) => zh_month(m),
    }
}

/// Whether row `r` has a draft: decided as a special family the policy covers, its special
/// support not ruled out.
fn drafted(r: &Checked) -> bool {
    r.facts.is_some()
        && r.result.as_ref().is_some_and(|s| {
            s.special_family
                && s.covered
                && s.status(BenefitId::SpecialSupport) != Status::NotEligible
        })
}

/// Whether the household `i` has a draft (for the page's count): what [`form`] asks, without
/// writing the draft (a draft looks its columns up by name: 12 s for 100,000 households).
pub fn has_form(reg: &Register, i: usize) -> bool {
    reg.rows.get(i).is_some_and(drafted)
}

/// The applicant's line for the cover of many drafts.
pub fn who(f: &Form) -> String {
    f.people
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

/// The drafts as one printable HTML file for the command line (`fuzhu register --applications`):
/// A4, a cover list of the households, then one household per page with the same content as
/// the office page's print; no script and no reference to anything outside the file, so it
/// opens and prints on an office PC without a network. `office` is the 填表单位 (may be "").
#[cfg(not(target_arch = "wasm32"))]
pub fn html(forms: &[Form], office: &str, today: NaiveDate) -> String {
    use std::fmt::Write as _;
    let office = office.trim();
    let mut o = String::new();
    o.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<title>计划生育家庭特别扶助申请审核表（参考）</title>\n<style>\n",
        "@page { size: A4; margin: 15mm 15mm 18mm; ",
        "@bottom-right { content: \"第\" counter(page) \"页，共\" counter(pages) \"页\"; font-size: 9pt; } }\n",
        "body { font-family: \"Microsoft YaHei\", \"SimSun\", \"Noto Sans CJK SC\", sans-serif; font-size: 11pt; color: #000; margin: 0; }\n",
        "section { break-before: page; }\n",
        "h1, h2 { text-align: center; margin: 0.2em 0 0.4em; }\n",
        "h1 { font-size: 15pt; } h2 { font-size: 14pt; }\n",
        ".reference { text-align: right; font-size: 9pt; font-weight: 600; margin: 0; }\n",
        ".meta { margin: 0 0 0.4em; }\n",
        "table { width: 100%; border-collapse: collapse; }\n",
        "th, td { border: 1px solid #000; padding: 0.3em 0.4em; text-align: left; vertical-align: top; }\n",
        "tbody th { width: 7.5em; }\n",
        ".space { height: 5.5em; }\n",
        ".sign { margin: 0.3em 0 0; text-align: right; }\n",
        "</style>\n</head>\n<body>\n",
    ));
    let _ = write!(
        o,
        "<div class=\"cover\">\n<p class=\"reference\">{REFERENCE}</p>\n<h1>{}</h1>\n<p class=\"meta\">{}共{}户　打印日期：{}</p>\n",
        escape(TITLE),
        if office.is_empty() {
            String::new()
        } else {
            format!("填表单位：{}　", escape(office))
        },
        forms.len(),
        zh(today)
    );
    o.push_str("<table>\n<thead><tr><th>序号</th><th>台账行号</th><th>编号</th><th>申请人</th></tr></thead>\n<tbody>\n");
    for (k, f) in forms.iter().enumerate() {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>第{}行</td><td>{}</td><td>{}</td></tr>",
            k + 1,
            f.line,
            escape(&f.number),
            escape(&who(f))
        );
    }
    o.push_str("</tbody>\n</table>\n</div>\n");
    for f in forms {
        let _ = write!(
            o,
            "<section>\n<p class=\"reference\">{REFERENCE}</p>\n<h2>{TITLE}</h2>\n<p class=\"meta\">台账第{}行",
            f.line
        );
        if !f.number.is_empty() {
            let _ = write!(o, "　编号：{}", escape(&f.number));
        }
        if !office.is_empty() {
            let _ = write!(o, "　填表单位：{}", escape(office));
        }
        o.push_str("</p>\n<table>\n<thead><tr><th></th><th>姓名</th><th>性别</th><th>出生日期</th><th>公民身份号码</th></tr></thead>\n<tbody>\n");
        for p in &f.people {
            let _ = writeln!(
                o,
                "<tr><th>{}{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                p.role,
                if p.alive { "" } else { "（已故）" },
                escape(&p.name),
                p.sex,
                escape(&p.birth),
                escape(&p.id)
            );
        }
        let row = |o: &mut String, th: &str, td: &str| {
            let _ = writeln!(o, "<tr><th>{th}</th><td colspan=\"4\">{td}</td></tr>");
        };
        row(&mut o, "婚姻状况", &escape(&f.marital));
        row(&mut o, "户籍地址", &escape(&f.address));
        row(&mut o, "联系电话", &escape(&f.phone));
        row(
            &mut o,
            "独生子女",
            &format!(
                "姓名：{}　出生日期：{}　现状：{}",
                escape(&f.child_name),
                escape(&f.child_birth),
                f.child_status
            ),
        );
        if !f.certificate.is_empty() {
            row(&mut o, "残疾证", &escape(&f.certificate));
        }
        row(
            &mut o,
            "申请理由",
            &format!(
                "{}<p class=\"sign\">申请人（签字或按手印）：　　　　　　　　年　　月　　日</p>",
                escape(&f.reason)
            ),
        );
        for by in REVIEWS {
            row(
                &mut o,
                by,
                "<div class=\"space\"></div><p class=\"sign\">经办人：　　　　　负责人：　　　　　（盖章）　　　　年　　月　　日</p>",
            );
        }
        o.push_str("</tbody>\n</table>\n</section>\n");
    }
    o.push_str("</body>\n</html>\n");
    o
}
