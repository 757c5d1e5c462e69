//! `fuzhu register`: a register file in, the answers out as CSV (standard output or a file)
//! or .xlsx; `fuzhu register --template OUT.xlsx` writes the template. Exit codes: 0 done
//! (row problems are in the 错误 column and summed up on standard error); 1 the answer could
//! not be written; 2 the call was wrong or the file cannot be read as a register.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};

use super::file;
use super::{check_sheets_with, roster, ColumnMap, Register};

pub const EXIT_IO: i32 = 1;
pub const EXIT_REFUSED: i32 = 2;

pub const USAGE: &str = "usage:
  fuzhu register FILE [-o OUT.xlsx|OUT.csv] [--today YYYY-MM-DD] [--map MAP.json]
        read a street office's register (台账: .xlsx, .xls, .ods or .csv in UTF-8 or GBK),
        decide every household and write every input column followed by the answers;
        CSV with a byte-order mark on standard output unless -o names a file. A blank
        核查日期 means today (or --today). Rows that cannot be decided keep their place,
        with what is wrong in the 错误 column. --map reads the columns as a column
        matching file says (headers → fields, no personal data).
  fuzhu register FILE --show-map
        print the column matching FILE is read with (JSON; edit it and pass it to --map)
  fuzhu register FILE --list-apply YEAR -o 名单.xlsx [--public] [--office 名称] [--phone 电话]
        [--address 地址] [--today YYYY-MM-DD]
        the year's 今年需申报特别扶助 list as a 花名册 (.xlsx, A4 landscape): the households
        whose mother turns 49 in YEAR and those the register marks as not receiving special
        support though it is due; --public writes the 公示 version (ID numbers masked, no
        birth dates, no disability details); without --office, the office the register's
        填报 line names (填报单位：…) heads it
  fuzhu register FILE --applications YEAR|all -o 申请审核表.html [--office 名称] [--today YYYY-MM-DD]
        the 申请审核表（参考） drafts filled from the register, as one HTML file to open and
        print (A4, a cover list, one household per page, no script): YEAR for the households
        on that year's list (as --list-apply), all for every household with special support
        not ruled out
  fuzhu register --template OUT.xlsx
        write the template: the headers, an example row and a sheet explaining each column";

fn say(zh: &str, en: &str) {
    let mut e = std::io::stderr().lock();
    let _ = writeln!(e, "{zh}");
    let _ = writeln!(e, "{en}");
}

/// Whether a write failed because the reader closed the pipe, also where the CSV writer
/// wrapped that error in its own.
pub(super) fn closed_pipe(e: &std::io::Error) -> bool {
    let broken = |io: &std::io::Error| io.kind() == std::io::ErrorKind::BrokenPipe;
    broken(e)
        || e.get_ref()
            .and_then(|inner| inner.downcast_ref::<csv::Error>())
            .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if broken(io)))
}

/// Writes `text` and a line end to standard output; the exit code. A reader that closed the
/// pipe (`| head`) chose to stop reading: nothing is said and nothing panics, as `println!`
/// would; another failure is said.
fn print(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if closed_pipe(&e) => 0,
        Err(e) => write_failed(Path::new("标准输出 (standard output)"), &e.to_string()),
    }
}

fn usage_error(zh: &str, en: &str) -> i32 {
    say(&format!("用法错误：{zh}"), &format!("error: {en}"));
    let _ = writeln!(
        std::io::stderr().lock(),
        "{USAGE}\n{}",
        super::county::USAGE
    );
    EXIT_REFUSED
}

enum Call {
    Check {
        input: PathBuf,
        output: Option<PathBuf>,
        today: NaiveDate,
        map: Option<PathBuf>,
        show_map: bool,
    },
    List {
        input: PathBuf,
        output: PathBuf,
        today: NaiveDate,
        year: i32,
        kind: roster::Kind,
        office: roster::Office,
        map: Option<PathBuf>,
    },
    Drafts {
        input: PathBuf,
        output: PathBuf,
        today: NaiveDate,
        /// The year's list, or every household with a draft.
        year: Option<i32>,
        office: roster::Office,
        map: Option<PathBuf>,
    },
    Template(PathBuf),
    Help,
}

fn parse(args: &[String]) -> Result<Call, i32> {
    let mut input = None;
    let mut output = None;
    let mut template = None;
    let mut today = None;
    let mut map = None;
    let mut show_map = false;
    let mut year: Option<i32> = None;
    let mut public = false;
    let mut drafts: Option<Option<i32>> = None;
    let mut office = roster::Office::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| {
            it.next().cloned().ok_or_else(|| {
                usage_error(
                    &format!("{flag}后面需要一个值"),
                    &format!("{flag} needs a value"),
                )
            })
        };
        match a.as_str() {
            "-h" | "--help" => return Ok(Call::Help),
            "-o" | "--output" => output = Some(PathBuf::from(value(a)?)),
            "--template" => template = Some(PathBuf::from(value(a)?)),
            "--map" => map = Some(PathBuf::from(value(a)?)),
            "--show-map" => show_map = true,
            "--list-apply" => {
                let v = value(a)?;
                year = Some(
                    v.parse::<i32>()
                        .ok()
                        .filter(|y| (2023..=2100).contains(y))
                        .ok_or_else(|| {
                            usage_error(
                                &format!("--list-apply的年份“{v}”要写成四位数，2023到2100之间"),
                                &format!("--list-apply \"{v}\" is not a year from 2023 to 2100"),
                            )
                        })?,
                );
            }
            "--applications" => {
                let v = value(a)?;
                drafts = Some(if v == "all" || v == "全部" {
                    None
                } else {
                    Some(
                        v.parse::<i32>()
                            .ok()
                            .filter(|y| (2023..=2100).contains(y))
                            .ok_or_else(|| {
                                usage_error(
                                    &format!("--applications后面写年份（四位数，2023到2100之间）或all，不是“{v}”"),
                                    &format!("--applications takes a year from 2023 to 2100 or all, not \"{v}\""),
                                )
                            })?,
                    )
                });
            }
            "--public" => public = true,
            "--office" => office.name = value(a)?,
            "--phone" => office.phone = value(a)?,
            "--address" => office.address = value(a)?,
            "--today" => {
                let v = value(a)?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
                    usage_error(
                        &format!("--today的日期“{v}”要写成YYYY-MM-DD"),
                        &format!("--today \"{v}\" is not a date written YYYY-MM-DD"),
                    )
                })?;
                today = Some(d);
            }
            other if input.is_none() && !other.starts_with('-') => {
                input = Some(PathBuf::from(other))
            }
            other => {
                return Err(usage_error(
                    &format!("多余或不认识的参数“{other}”"),
                    &format!("unexpected argument \"{other}\""),
                ))
            }
        }
    }
    match (template, input) {
        (Some(t), None) if output.is_none() => Ok(Call::Template(t)),
        (Some(_), _) => Err(usage_error(
            "--template只需要输出文件名，不要再给台账文件或-o",
            "--template takes only the output file, no register and no -o",
        )),
        (None, Some(_)) if drafts.is_some() && (year.is_some() || public) => Err(usage_error(
            "--applications不能和--list-apply或--public一起用",
            "--applications goes without --list-apply and --public",
        )),
        (None, Some(input)) if drafts.is_some() => match output {
            Some(output) => Ok(Call::Drafts {
                input,
                output,
                today: today.unwrap_or_else(|| Local::now().date_naive()),
                year: drafts.flatten(),
                office,
                map,
            }),
            None => Err(usage_error(
                "--applications需要用-o给出.html文件名",
                "--applications needs -o OUT.html",
            )),
        },
        (None, Some(input)) if year.is_some() => match (output, year) {
            (Some(output), Some(year)) => Ok(Call::List {
                input,
                output,
                today: today.unwrap_or_else(|| Local::now().date_naive()),
                year,
                kind: if public {
                    roster::Kind::Public
                } else {
                    roster::Kind::Roster
                },
                office,
                map,
            }),
            _ => Err(usage_error(
                "--list-apply需要用-o给出.xlsx文件名",
                "--list-apply needs -o OUT.xlsx",
            )),
        },
        (None, Some(_)) if public || office != roster::Office::default() => Err(usage_error(
            "--public、--office、--phone和--address只和--list-apply（--office也可以和--applications）一起用",
            "--public, --office, --phone and --address go with --list-apply (--office also with --applications)",
        )),
        (None, Some(input)) => Ok(Call::Check {
            input,
            output,
            today: today.unwrap_or_else(|| Local::now().date_naive()),
            map,
            show_map,
        }),
        (None, None) => Err(usage_error(
            "请给出台账文件，或用--template生成模板",
            "register needs a FILE, or --template OUT.xlsx",
        )),
    }
}

/// Runs `fuzhu register` with the arguments after `register`; the exit code.
pub fn run(args: &[String]) -> i32 {
    // The county's flags (--as-of, --stats, --compare) are taken out first: `county`.
    let (more, args) = match super::county::split(args) {
        Ok(x) => x,
        Err((zh, en)) => return usage_error(&zh, &en),
    };
    let args = &args[..];
    match parse(args) {
        Err(code) => code,
        Ok(Call::Help) => print(&format!("{USAGE}\n{}", super::county::USAGE)),
        Ok(Call::Template(_)) if more.any() => usage_error(
            "--as-of、--stats、--compare要和台账文件一起用",
            "--as-of, --stats and --compare go with a register FILE",
        ),
        Ok(Call::Template(out)) => {
            if !is_ext(&out, "xlsx") {
                return usage_error(
                    "模板只能保存为.xlsx文件",
                    "the template is written as an .xlsx file",
                );
            }
            match file::template_xlsx() {
                Ok(bytes) => write_file(&out, &bytes),
                Err(e) => write_failed(&out, &e.to_string()),
            }
        }
        Ok(Call::List {
            input,
            output,
            today,
            year,
            kind,
            office,
            map,
        }) => {
            if !is_ext(&output, "xlsx") {
                return usage_error(
                    "名单只能保存为.xlsx文件",
                    "the list is written as an .xlsx file",
                );
            }
            let map = match map.as_deref().map(read_map).transpose() {
                Ok(m) => m,
                Err(code) => return code,
            };
            let reg = match read_register(&input, today, map.as_ref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            // The register's own 填报单位 where --office gives none.
            let mut office = office;
            if office.name.trim().is_empty() {
                office.name = reg.filed_by.clone().unwrap_or_default();
            }
            let all: Vec<usize> = (0..reg.rows.len()).collect();
            let entries = roster::entries(&reg, &all, year);
            let code = match roster::xlsx(&entries, &office, year, today, kind) {
                Ok(bytes) => write_file(&output, &bytes),
                Err(e) => write_failed(&output, &e.to_string()),
            };
            for n in &reg.notices {
                say(&format!("提示：{}", n.zh), &format!("note: {}", n.en));
            }
            let failed = reg.counts().failed_lines;
            let turning = entries
                .iter()
                .filter(|e| matches!(e.due, roster::Due::TurnsThisYear(_)))
                .count();
            let mut zh = format!(
                "{year}年需申报特别扶助：{}户（{turning}户女方本年度年满49周岁，{}户台账显示未领取）",
                entries.len(),
                entries.len() - turning
            );
            let mut en = format!(
                "{year}: {} households to apply for special support ({turning} whose mother turns 49 that year, {} marked as not receiving it)",
                entries.len(),
                entries.len() - turning
            );
            if !failed.is_empty() {
                zh.push_str(&format!(
                    "；{}户有错误、未能判断，不在名单里：第{}行",
                    failed.len(),
                    lines_zh(&failed)
                ));
                en.push_str(&format!(
                    "; {} rows with errors could not be decided and are not listed: rows {}",
                    failed.len(),
                    lines_zh(&failed).replace('、', ", ")
                ));
            }
            zh.push('。');
            en.push('.');
            say(&zh, &en);
            code
        }
        Ok(Call::Drafts {
            input,
            output,
            today,
            year,
            office,
            map,
        }) => {
            if !is_ext(&output, "html") && !is_ext(&output, "htm") {
                return usage_error(
                    "申请审核表只能保存为.html文件（用浏览器打开后打印）",
                    "the drafts are written as an .html file (open it in a browser and print)",
                );
            }
            let map = match map.as_deref().map(read_map).transpose() {
                Ok(m) => m,
                Err(code) => return code,
            };
            let reg = match read_register(&input, today, map.as_ref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let all: Vec<usize> = (0..reg.rows.len()).collect();
            let rows: Vec<usize> = match year {
                Some(y) => roster::entries(&reg, &all, y)
                    .iter()
                    .map(|e| e.row)
                    .collect(),
                None => all,
            };
            let forms: Vec<_> = rows
                .iter()
                .filter_map(|&i| super::application_form::form(&reg, i))
                .collect();
            let name = match office.name.trim() {
                "" => reg.filed_by.clone().unwrap_or_default(),
                given => given.to_string(),
            };
            let page = super::application_form::html(&forms, &name, today);
            let code = write_file(&output, page.as_bytes());
            for n in &reg.notices {
                say(&format!("提示：{}", n.zh), &format!("note: {}", n.en));
            }
            let (zh, en) = match year {
                Some(y) => (format!("{y}年名单上的"), format!(" on {y}'s list")),
                None => (String::new(), String::new()),
            };
            let failed = reg.counts().failed_lines;
            let mut zh = format!("申请审核表（参考）：{zh}{}户", forms.len());
            let s = |n: usize| if n == 1 { "" } else { "s" };
            let mut en = format!(
                "application drafts: {} household{}{en}",
                forms.len(),
                s(forms.len())
            );
            if !failed.is_empty() {
                zh.push_str(&format!(
                    "；{}户有错误、未能判断，没有申请表：第{}行",
                    failed.len(),
                    lines_zh(&failed)
                ));
                en.push_str(&format!(
                    "; {n} row{s} with errors could not be decided and ha{v} no draft: row{s} {}",
                    lines_zh(&failed).replace('、', ", "),
                    n = failed.len(),
                    s = s(failed.len()),
                    v = if failed.len() == 1 { "s" } else { "ve" },
                ));
            }
            zh.push('。');
            en.push('.');
            say(&zh, &en);
            code
        }
        Ok(Call::Check {
            input,
            output,
            today,
            map,
            show_map: false,
        }) if more.any() => {
            let map = match map.as_deref().map(read_map).transpose() {
                Ok(m) => m,
                Err(code) => return code,
            };
            super::county::run(&more, &input, output.as_deref(), today, map.as_ref())
        }
        Ok(Call::Check {
            input,
            output,
            today,
            map,
            show_map,
        }) => {
            if let Some(out) = &output {
                if !is_ext(out, "xlsx") && !is_ext(out, "csv") {
                    return usage_error(
                        "输出文件名要以.xlsx或.csv结尾",
                        "the output file's name must end in .xlsx or .csv",
                    );
                }
            }
            let map = match map.as_deref().map(read_map).transpose() {
                Ok(m) => m,
                Err(code) => return code,
            };
            if show_map {
                return match file::read_path(&input)
                    .and_then(|s| super::column_map(&s, map.as_ref()))
                {
                    Ok(m) => print(&m.to_json()),
                    Err(e) => {
                        say(
                            &format!("无法核查{}：{}", input.display(), e.zh),
                            &format!("error: cannot check {}: {}", input.display(), e.en),
                        );
                        EXIT_REFUSED
                    }
                };
            }
            let reg = match read_register(&input, today, map.as_ref()) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let code = match &output {
                None => {
                    let stdout = std::io::stdout();
                    match file::write_csv(&reg, stdout.lock()) {
                        Ok(()) => 0,
                        Err(e) if closed_pipe(&e) => 0,
                        Err(e) => {
                            write_failed(Path::new("标准输出 (standard output)"), &e.to_string())
                        }
                    }
                }
                Some(out) if is_ext(out, "xlsx") => match file::xlsx_with_notices(&reg) {
                    Ok((bytes, notices)) => {
                        for n in &notices {
                            say(&n.zh, &n.en);
                        }
                        write_file(out, &bytes)
                    }
                    Err(e) => write_failed(out, &e.to_string()),
                },
                Some(out) => {
                    match std::fs::File::create(out).and_then(|f| file::write_csv(&reg, f)) {
                        Ok(()) => 0,
                        Err(e) => write_failed(out, &e.to_string()),
                    }
                }
            };
            summary(&reg);
            code
        }
    }
}

/// A column matching file, or the exit code after saying why it cannot be used.
/// Reads and decides a register, `map` applied; on failure says why (Chinese, then English)
/// and gives the exit code.
pub(super) fn read_register(
    input: &Path,
    today: NaiveDate,
    map: Option<&ColumnMap>,
) -> Result<Register, i32> {
    file::read_path_with_notices(input)
        .and_then(|(s, n)| Ok(file::with_notices(check_sheets_with(s, today, map)?, n)))
        .map_err(|e| {
            say(
                &format!("无法核查{}：{}", input.display(), e.zh),
                &format!("error: cannot check {}: {}", input.display(), e.en),
            );
            EXIT_REFUSED
        })
}

fn read_map(path: &Path) -> Result<ColumnMap, i32> {
    let refuse = |zh: String, en: String| {
        say(
            &format!("无法使用列匹配文件{}：{zh}", path.display()),
            &format!(
                "error: cannot use the column matching {}: {en}",
                path.display()
            ),
        );
        EXIT_REFUSED
    };
    let text = std::fs::read_to_string(path).map_err(|e| refuse(e.to_string(), e.to_string()))?;
    ColumnMap::parse(&text).map_err(|e| refuse(e.zh, e.en))
}

fn is_ext(p: &Path, ext: &str) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn write_file(path: &Path, bytes: &[u8]) -> i32 {
    match std::fs::write(path, bytes) {
        Ok(()) => 0,
        Err(e) => write_failed(path, &e.to_string()),
    }
}

fn write_failed(path: &Path, why: &str) -> i32 {
    say(
        &format!("无法写入{}：{why}", path.display()),
        &format!("error: cannot write {}: {why}", path.display()),
    );
    EXIT_IO
}

/// The lines listing at most this many row numbers.
const LISTED_LINES: usize = 20;

fn lines_zh(lines: &[usize]) -> String {
    let mut s: Vec<String> = lines
        .iter()
        .take(LISTED_LINES)
        .map(|l| l.to_string())
        .collect();
    if lines.len() > LISTED_LINES {
        s.push("…".into());
    }
    s.join("、")
}

/// The notices about the file, then one summary line in each language.
pub(super) fn summary(reg: &Register) {
    for n in &reg.notices {
        say(&format!("提示：{}", n.zh), &format!("note: {}", n.en));
    }
    let c = reg.counts();
    let households = c.decided + c.failed_lines.len();
    let mut zh = format!(
        "共{households}户：{}户已判断（{}户有可以享受的项目，{}户有需要核实的项目，{}户有将来可以享受的项目，{}户有提醒）",
        c.decided, c.eligible, c.check, c.future, c.reminded
    );
    let mut en = format!(
        "{households} households: {} decided ({} with items to claim now, {} with items to confirm, {} with items to come, {} with reminders)",
        c.decided, c.eligible, c.check, c.future, c.reminded
    );
    if !c.failed_lines.is_empty() {
        zh.push_str(&format!(
            "；{}户有错误，见“错误”列：第{}行",
            c.failed_lines.len(),
            lines_zh(&c.failed_lines)
        ));
        en.push_str(&format!(
            "; {} with errors, see the 错误 column: rows {}",
            c.failed_lines.len(),
            lines_zh(&c.failed_lines).replace('、', ", ")
        ));
    }
    if c.blank > 0 {
        zh.push_str(&format!("；{}个空行", c.blank));
        en.push_str(&format!("; {} blank rows", c.blank));
    }
    zh.push('。');
    en.push('.');
    say(&zh, &en);
}
