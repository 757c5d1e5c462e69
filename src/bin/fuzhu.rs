//! `fuzhu`: the rules on the command line, for street offices checking a whole register and
//! for anyone who wants to see how an item is decided. JSON on stdout only. Exit codes: 0
//! answered; 1 the answer could not be written (or the input could not be read once opened);
//! 2 the input or the call was refused, with nothing on stdout and one line per problem on
//! stderr, Chinese first, then English.
//!
//! The command line holds no eligibility rule: it reads, asks `fuzhu::rules`, and writes.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args_os().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "fuzhu/check.rs"]
mod check;
#[cfg(not(target_arch = "wasm32"))]
#[path = "fuzhu/json.rs"]
mod json;
#[cfg(not(target_arch = "wasm32"))]
#[path = "fuzhu/message.rs"]
mod message;

#[cfg(not(target_arch = "wasm32"))]
pub use cli::{fail_output, refuse, Output, EXIT_IO, EXIT_REFUSED};

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::io::{self, BufWriter, Write};

    use fuzhu::rules::conditions::{conditions, EVERY_ITEM};
    use fuzhu::rules::{clause, BenefitId, BENEFITS};

    use super::check::{check, Options};
    use super::message::{io_zh, shown, Problem};

    /// The input or the call was refused: nothing on stdout.
    pub const EXIT_REFUSED: i32 = 2;
    /// Reading or writing failed after the input was accepted.
    pub const EXIT_IO: i32 = 1;

    const USAGE: &str = "usage:
  fuzhu check FILE [--compact] [--skip-invalid]
        decide every item for the household(s) in FILE (- for standard input): one JSON
        object in gives one out, an array gives an array; with --skip-invalid the good
        records of an array are answered (each with its \"index\", from 1) and the bad
        ones listed on standard error
  fuzhu register FILE [-o OUT.xlsx|OUT.csv] [--today YYYY-MM-DD]
        decide every household of a street office's register (台账: .xlsx, .xls, .ods,
        or .csv in UTF-8 or GBK) and write its columns followed by the answers
        (`fuzhu register --help` for more; the same in the browser: office.html)
  fuzhu register --template OUT.xlsx
        write the register's template: headers, an example row, a sheet on each column
  fuzhu explain ID     show an item's conditions, clause and agencies
  fuzhu explain        list the item ids
  fuzhu static-page    print policy.html: every item as plain HTML, no script
  fuzhu text-tables DIR
        write the texts the web app fetches into DIR: English, and the Chinese of the
        results (the build does this; see src/english.rs, src/later.rs)
  fuzhu offices FILE   check an offices.json (docs/deploy.md): nothing on success, else one
        line per problem naming the office and the field";

    pub fn run(args: Vec<OsString>) -> i32 {
        let args: Vec<String> = match args.into_iter().map(OsString::into_string).collect() {
            Ok(a) => a,
            Err(_) => {
                return usage_error("参数不是有效的UTF-8文字", "an argument is not valid UTF-8")
            }
        };
        match args.first().map(String::as_str) {
            Some("check") => match options(&args[1..]) {
                Ok(o) => check(&o),
                Err(code) => code,
            },
            Some("explain") if args.len() <= 2 => explain(args.get(1).map(String::as_str)),
            Some("explain") => usage_error(
                &format!("多余的参数“{}”", shown(&args[2])),
                &format!("unexpected argument \"{}\"", shown(&args[2])),
            ),
            Some("register") => fuzhu::register::cli::run(&args[1..]),
            Some("static-page") if args.len() == 1 => {
                print_all(fuzhu::policy_page::html().as_bytes())
            }
            Some("text-tables") if args.len() == 2 => {
                let dir = std::path::Path::new(&args[1]);
                for (file, text) in [
                    (fuzhu::english::FILE, fuzhu::english::BUNDLED),
                    (fuzhu::later::FILE, fuzhu::later::BUNDLED),
                ] {
                    let path = dir.join(file);
                    if let Err(e) = std::fs::write(&path, text) {
                        eprintln!(
                            "无法写入{}：{e} / cannot write {}: {e}",
                            path.display(),
                            path.display()
                        );
                        return EXIT_IO;
                    }
                }
                0
            }
            Some("offices") if args.len() == 2 => offices(&args[1]),
            Some("offices") => {
                usage_error("offices需要一个文件名", "offices needs exactly one FILE")
            }
            Some("-h" | "--help" | "help") => print_all(format!("{USAGE}\n").as_bytes()),
            Some(other) => usage_error(
                &format!("不认识的命令“{}”", shown(other)),
                &format!("unknown command \"{}\"", shown(other)),
            ),
            None => usage_error("请给出一个命令", "expected a command"),
        }
    }

    fn options(args: &[String]) -> Result<Options, i32> {
        let mut compact = false;
        let mut skip_invalid = false;
        let mut file = None;
        for a in args {
            match a.as_str() {
                "--compact" => compact = true,
                "--skip-invalid" => skip_invalid = true,
                other if file.is_none() && (other == "-" || !other.starts_with("--")) => {
                    file = Some(other.to_string())
                }
                other => {
                    return Err(usage_error(
                        &format!("多余或不认识的参数“{}”", shown(other)),
                        &format!("unexpected argument \"{}\"", shown(other)),
                    ))
                }
            }
        }
        match file {
            Some(file) => Ok(Options {
                file,
                compact,
                skip_invalid,
            }),
            None => Err(usage_error(
                "check需要一个文件名（或用 - 表示标准输入）",
                "check needs a FILE (or - for standard input)",
            )),
        }
    }

    /// `fuzhu offices FILE`: the publishing site's office details, checked as the app checks
    /// them when it loads the file (`host`); exit 2 with one line per problem.
    fn offices(file: &str) -> i32 {
        let text = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    let p = Problem::new(
                        format!("{}：不是UTF-8编码的文字", shown(file)),
                        format!("{}: not UTF-8 text", shown(file)),
                    );
                    return refuse(&p, None);
                }
            },
            Err(e) => {
                let p = Problem::new(
                    format!("{}：无法读取（{}）", shown(file), io_zh(&e)),
                    format!("{}: cannot be read ({e})", shown(file)),
                );
                return refuse(&p, None);
            }
        };
        match fuzhu::host::parse_offices(&text) {
            Ok(_) => 0,
            Err(problems) => {
                let mut err = io::stderr().lock();
                for p in problems {
                    let _ = writeln!(err, "{p}");
                }
                EXIT_REFUSED
            }
        }
    }

    /// Prints the one line of a refusal of the whole input; the exit code.
    pub fn refuse(p: &Problem, record: Option<u64>) -> i32 {
        let _ = writeln!(io::stderr().lock(), "{}", p.line(record));
        EXIT_REFUSED
    }

    fn usage_error(zh: &str, en: &str) -> i32 {
        let _ = writeln!(
            io::stderr().lock(),
            "{}\n{USAGE}",
            Problem::new(zh, en).line(None)
        );
        EXIT_REFUSED
    }

    /// Standard output through a buffer; every write is checked.
    pub struct Output(BufWriter<io::StdoutLock<'static>>);

    impl Output {
        pub fn stdout() -> Output {
            Output(BufWriter::with_capacity(1 << 16, io::stdout().lock()))
        }
    }

    impl Write for Output {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.write(buf)
        }
        fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
            self.0.write_all(buf)
        }
        fn flush(&mut self) -> io::Result<()> {
            self.0.flush()
        }
    }

    /// A failed or short write: never reported as success. A reader that closed the pipe
    /// (`| head`) chose to stop reading: no message, but still not success.
    pub fn fail_output(e: &io::Error) -> i32 {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let p = Problem::new(
                format!("无法写出结果：{}", io_zh(e)),
                format!("cannot write the output: {e}"),
            );
            let _ = writeln!(io::stderr().lock(), "{}", p.line(None));
        }
        EXIT_IO
    }

    fn print_all(bytes: &[u8]) -> i32 {
        let mut out = Output::stdout();
        match out.write_all(bytes).and_then(|()| out.flush()) {
            Ok(()) => 0,
            Err(e) => fail_output(&e),
        }
    }

    fn explain(id: Option<&str>) -> i32 {
        let mut text = String::new();
        let Some(id) = id else {
            for b in BENEFITS.iter() {
                text.push_str(&format!(
                    "{:<26} 第{}条  {}\n",
                    b.id.as_str(),
                    b.clause,
                    b.zh
                ));
            }
            return print_all(text.as_bytes());
        };
        let Some(id) = BenefitId::parse(id) else {
            let ids: Vec<_> = BENEFITS.iter().map(|b| b.id.as_str()).collect();
            return refuse(
                &Problem::new(
                    format!("没有“{}”这一项；可用的有：{}", shown(id), ids.join("、")),
                    format!(
                        "unknown item `{}`; the items are: {}",
                        shown(id),
                        ids.join(", ")
                    ),
                ),
                None,
            );
        };
        let b = id.info();
        let c = clause(b.clause).expect("every item names a clause of the policy");
        let mut line = |s: &str| {
            text.push_str(s);
            text.push('\n');
        };
        line(&format!("{}  {} / {}", id.as_str(), b.zh, b.en));
        line(&format!(
            "汴政办〔2023〕24号 {} 第{}条 {}",
            c.section, c.number, c.title
        ));
        line("");
        line("条件 (what the checker looks at):");
        for k in conditions(id) {
            line(&format!("  - {}\n    {}", k.zh, k.en));
        }
        line("所有事项都先看 (for every item, first):");
        for k in EVERY_ITEM.iter() {
            line(&format!("  - {}\n    {}", k.zh, k.en));
        }
        line("");
        line(&format!("依据 (the sentence it rests on):\n  {}", b.quote));
        if id == BenefitId::SpecialSupport {
            line(&format!(
                "  残疾子女家庭的依据 (for a disabled child):\n  {}",
                DISABILITY_SENTENCE
            ));
        }
        line("");
        line(&format!("全文 (the whole clause):\n  {}", c.text));
        line("");
        line("责任单位 (responsible agencies):");
        for a in b.agencies {
            line(&format!("  - {} / {}", a.agency().zh, a.agency().en));
        }
        line(&format!(
            "先联系 (go first to): {} / {}",
            b.contact.agency().zh,
            b.contact.agency().en
        ));
        line("带上 (bring):");
        for d in b.documents {
            line(&format!("  - {} / {}", d.zh, d.en));
        }
        print_all(text.as_bytes())
    }

    /// Clause 1's sentence on which a family with a disabled only child gets special support
    /// (the 1430 yuan sentence is for the bereaved); `tests/cli.rs` finds it in the clause.
    const DISABILITY_SENTENCE: &str =
        "认真执行国家和省有关计划生育家庭特别扶助制度，将符合条件的计划生育特殊家庭成员纳入计划生育特别扶助范围";
}
