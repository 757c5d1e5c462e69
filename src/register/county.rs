//! `fuzhu register IN --as-of DATE / --stats / --compare OLD.xlsx`: the county's view (issue
//! 22) on the command line. `cli` hands over its parsed call when one of these flags is
//! given; the flags are taken out of the arguments here so `cli`'s parser stays as it is.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::changes::{self, Change};
use super::{cli, compare, file, stats, ColumnMap};
use crate::rules::facts::{birthday, MAX_YEARS_AHEAD};
use crate::rules::params::POLICY_IN_FORCE;

pub const USAGE: &str = "  fuzhu register FILE [--as-of YYYY-MM-DD] [--stats] [-o OUT.xlsx|OUT.csv]
        --as-of: every answer for that day (the 核查日期 column is set aside), and the
        families whose answers change between the day of the check and then (standard
        error, and a 变化 sheet in the .xlsx). --stats: the statistics as a table on
        standard output (instead of the CSV) and a 统计 sheet in the .xlsx.
  fuzhu register FILE --compare OLD.xlsx -o CHANGES.xlsx
        OLD is this tool's own earlier .xlsx export: the families added, removed and
        changed, item by item, written as an .xlsx of changes, a summary on standard error";

/// The county's flags, taken out of the arguments.
#[derive(Debug, Default)]
pub struct More {
    pub as_of: Option<NaiveDate>,
    pub stats: bool,
    pub compare: Option<PathBuf>,
}

impl More {
    pub fn any(&self) -> bool {
        self.as_of.is_some() || self.stats || self.compare.is_some()
    }
}

/// Takes `--as-of`, `--stats` and `--compare` out of `args`: the flags, and the rest for
/// `cli`'s parser; or the message for a wrong value.
pub fn split(args: &[String]) -> Result<(More, Vec<String>), (String, String)> {
    let mut more = More::default();
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--stats" => more.stats = true,
            "--as-of" | "--compare" => {
                let Some(v) = it.next() else {
                    return Err((format!("{a}后面需要一个值"), format!("{a} needs a value")));
                };
                if a == "--compare" {
                    more.compare = Some(PathBuf::from(v));
                    continue;
                }
                let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                    (
                        format!("--as-of的日期“{v}”要写成YYYY-MM-DD"),
                        format!("--as-of \"{v}\" is not a date written YYYY-MM-DD"),
                    )
                })?;
                if d < POLICY_IN_FORCE {
                    return Err((
                        format!("--as-of的日期{v}早于本政策施行日期2023-08-01"),
                        format!("--as-of {v} is before the policy took effect on 2023-08-01"),
                    ));
                }
                more.as_of = Some(d);
            }
            _ => rest.push(a.clone()),
        }
    }
    if more.compare.is_some() && more.stats {
        return Err((
            "--compare写的是变化表，不能同时用--stats；请分两次运行".into(),
            "--compare writes the list of changes and cannot go with --stats; run them one after the other".into(),
        ));
    }
    Ok((more, rest))
}

fn say(zh: &str, en: &str) {
    let mut e = std::io::stderr().lock();
    let _ = writeln!(e, "{zh}");
    let _ = writeln!(e, "{en}");
}

fn is_ext(p: &Path, ext: &str) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn write(path: &Path, bytes: &[u8]) -> i32 {
    match std::fs::write(path, bytes) {
        Ok(()) => 0,
        Err(e) => failed(path, &e.to_string()),
    }
}

fn failed(path: &Path, why: &str) -> i32 {
    say(
        &format!("无法写入{}：{why}", path.display()),
        &format!("error: cannot write {}: {why}", path.display()),
    );
    cli::EXIT_IO
}

/// How many changed families standard error lists before pointing to the .xlsx.
const LISTED: usize = 30;

/// Runs the call `cli` parsed, with the county's flags.
pub fn run(
    more: &More,
    input: &Path,
    output: Option<&Path>,
    today: NaiveDate,
    map: Option<&ColumnMap>,
) -> i32 {
    if let Some(d) = more.as_of {
        let latest = birthday(today, MAX_YEARS_AHEAD);
        if d > latest {
            say(
                &format!(
                    "用法错误：--as-of的日期{d}比今天（{today}）晚了{MAX_YEARS_AHEAD}年以上，请检查年份"
                ),
                &format!(
                    "error: --as-of {d} is more than {MAX_YEARS_AHEAD} years after today ({today}); is the year a typo?"
                ),
            );
            return cli::EXIT_REFUSED;
        }
    }
    if let Some(old) = &more.compare {
        return compare::run(old, input, output, today, more.as_of, map);
    }
    let before = match cli::read_register(input, today, map) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let (reg, list) = match more.as_of {
        Some(d) => {
            let after = changes::redecide(&before, d, today);
            let list = changes::between(&before, &after, d);
            (after, Some((d, list)))
        }
        None => (before, None),
    };
    let date = more.as_of.unwrap_or(today);
    let st = more.stats.then(|| stats::compute(&reg, date));
    let mut code = 0;
    if let Some(st) = &st {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(stats::text(st).as_bytes()) {
            if !cli::closed_pipe(&e) {
                code = failed(Path::new("标准输出 (standard output)"), &e.to_string());
            }
        }
    }
    match output {
        Some(out) if is_ext(out, "xlsx") => {
            let sheets = |wb: &mut Workbook| -> Result<(), XlsxError> {
                if let Some(st) = &st {
                    stats::write_sheet(wb, st)?;
                }
                if let Some((d, list)) = &list {
                    changes::write_sheet(wb, *d, list)?;
                }
                Ok(())
            };
            match file::xlsx_with_sheets(&reg, sheets) {
                Ok((bytes, notices)) => {
                    for n in &notices {
                        say(&n.zh, &n.en);
                    }
                    code = code.max(write(out, &bytes));
                }
                Err(e) => code = failed(out, &e.to_string()),
            }
        }
        Some(out) => {
            if let Err(e) = std::fs::File::create(out).and_then(|f| file::write_csv(&reg, f)) {
                code = failed(out, &e.to_string());
            }
        }
        None if st.is_none() => {
            if let Err(e) = file::write_csv(&reg, std::io::stdout().lock()) {
                if !cli::closed_pipe(&e) {
                    code = failed(Path::new("标准输出 (standard output)"), &e.to_string());
                }
            }
        }
        None => {}
    }
    if let Some((d, list)) = &list {
        say_changes(*d, list, output.is_some_and(|o| is_ext(o, "xlsx")));
    }
    cli::summary(&reg);
    code
}

fn say_changes(d: NaiveDate, list: &[Change], in_sheet: bool) {
    let day = d.format("%Y-%m-%d");
    if list.is_empty() {
        say(
            &format!("到{day}，没有家庭的结果会变化"),
            &format!("by {day}, no household's answers change"),
        );
        return;
    }
    say(
        &format!("到{day}，{}户的结果会变化：", list.len()),
        &format!("by {day}, {} households' answers change:", list.len()),
    );
    let mut e = std::io::stderr().lock();
    for c in list.iter().take(LISTED) {
        let _ = writeln!(e, "  {}", changes::line(c));
    }
    if list.len() > LISTED {
        let _ = writeln!(
            e,
            "  …（另有{}户{}） / ({} more{})",
            list.len() - LISTED,
            if in_sheet {
                "，见.xlsx的“变化”表"
            } else {
                "，用-o OUT.xlsx可看全部"
            },
            list.len() - LISTED,
            if in_sheet {
                ": see the .xlsx's 变化 sheet"
            } else {
                ": write -o OUT.xlsx for all"
            },
        );
    }
}
