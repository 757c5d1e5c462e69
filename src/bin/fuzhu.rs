//! `fuzhu`: the rules on the command line, for street offices checking a whole register and
//! for anyone who wants to see how an item is decided. JSON on stdout only; every refusal is
//! one plain line on stderr and exit code 2.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::io::{Read, Write};

    use chrono::{Local, NaiveDate};
    use fuzhu::rules::{self, clause, BenefitId, Facts, Outcome, BENEFITS};
    use serde_json::Value;

    const USAGE: &str = "usage:
  fuzhu check FILE [--compact]   decide every item for the household(s) in FILE (- for stdin);
                                 one JSON object in gives one out, an array gives an array
  fuzhu explain ID               show an item's clause, conditions and agencies
  fuzhu explain                  list the item ids
  fuzhu static-page              print policy.html: every item as plain HTML, no script";

    /// Exit codes: 0 answered, 2 the input or the call was refused.
    pub fn run(args: Vec<String>) -> i32 {
        match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("explain") => explain(args.get(1).map(String::as_str)),
            Some("static-page") if args.len() == 1 => {
                print!("{}", fuzhu::flow::policy_page::html());
                0
            }
            Some("-h" | "--help" | "help") => {
                println!("{USAGE}");
                0
            }
            _ => refuse(&format!("expected a command\n{USAGE}")),
        }
    }

    fn refuse(msg: &str) -> i32 {
        eprintln!("error: {msg}");
        2
    }

    fn check(args: &[String]) -> i32 {
        let mut compact = false;
        let mut file = None;
        for a in args {
            match a.as_str() {
                "--compact" => compact = true,
                other if file.is_none() => file = Some(other.to_string()),
                other => return refuse(&format!("unexpected argument `{other}`\n{USAGE}")),
            }
        }
        let Some(file) = file else {
            return refuse(&format!(
                "check needs a FILE (or - for standard input)\n{USAGE}"
            ));
        };
        let mut text = String::new();
        let read = if file == "-" {
            std::io::stdin().read_to_string(&mut text).map(|_| ())
        } else {
            std::fs::read_to_string(&file).map(|t| text = t)
        };
        if let Err(e) = read {
            return refuse(&format!("cannot read {file}: {e}"));
        }
        match answer(&text, Local::now().date_naive()) {
            Ok(answer) => {
                // Every household was decided before the first byte is written, so a refusal
                // never leaves half an answer on stdout. Streaming the JSON out, rather than
                // building it as one string first, halves the peak memory of a big register.
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                let written = if compact {
                    serde_json::to_writer(&mut stdout, &answer)
                } else {
                    serde_json::to_writer_pretty(&mut stdout, &answer)
                };
                // A closed pipe (`| head`) is the reader's choice, not an error of ours.
                let _ = written
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(stdout))
                    .and_then(|()| stdout.flush());
                0
            }
            Err(msg) => refuse(&msg),
        }
    }

    /// One household's outcome, or a register's, in the shape the input had.
    #[derive(serde::Serialize)]
    #[serde(untagged)]
    pub enum Answer {
        One(Outcome),
        Many(Vec<Outcome>),
    }

    /// The whole answer for the input text, or the one line that says what is wrong.
    pub fn answer(text: &str, today: NaiveDate) -> Result<Answer, String> {
        // Spreadsheet programs on Windows start their UTF-8 files with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("the input is not valid JSON: {e}"))?;
        match value {
            Value::Array(items) => {
                if items.is_empty() {
                    return Err(
                        "the input is an empty array: there is no household to check".into(),
                    );
                }
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    out.push(one(item, today).map_err(|e| format!("household [{i}]: {e}"))?);
                }
                Ok(Answer::Many(out))
            }
            Value::Object(_) => one(value, today).map(Answer::One),
            _ => Err("the input must be a household object or an array of them".into()),
        }
    }

    /// How chrono's `ParseError` displays.
    const DATE_ERRORS: [&str; 7] = [
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "bad or unsupported format string",
    ];

    fn one(value: Value, today: NaiveDate) -> Result<Outcome, String> {
        let facts: Facts = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let mut inner = e.into_inner().to_string();
            // chrono's parse errors do not say that a date was expected.
            if DATE_ERRORS.contains(&inner.as_str()) {
                inner = format!("is not a real date written YYYY-MM-DD ({inner})");
            }
            if path == "." {
                inner
            } else {
                format!("{path}: {inner}")
            }
        })?;
        rules::evaluate(&facts, today).map_err(|e| e.to_string())
    }

    fn explain(id: Option<&str>) -> i32 {
        let Some(id) = id else {
            for b in BENEFITS.iter() {
                println!("{:<26} 第{}条  {}", b.id.as_str(), b.clause, b.zh);
            }
            return 0;
        };
        let Some(id) = BenefitId::parse(id) else {
            let ids: Vec<_> = BENEFITS.iter().map(|b| b.id.as_str()).collect();
            return refuse(&format!(
                "unknown item `{id}`; the items are: {}",
                ids.join(", ")
            ));
        };
        let b = id.info();
        let c = clause(b.clause).expect("every item names a clause of the policy");
        println!("{}  {} / {}", id.as_str(), b.zh, b.en);
        println!(
            "汴政办〔2023〕24号 {} 第{}条 {}",
            c.section, c.number, c.title
        );
        println!();
        println!("依据 (the sentence it rests on):\n  {}", b.quote);
        println!();
        println!("全文 (the whole clause):\n  {}", c.text);
        println!();
        println!("责任单位 (responsible agencies):");
        for a in b.agencies {
            println!("  - {} / {}", a.agency().zh, a.agency().en);
        }
        println!(
            "先联系 (go first to): {} / {}",
            b.contact.agency().zh,
            b.contact.agency().en
        );
        println!("带上 (bring):");
        for d in b.documents {
            println!("  - {} / {}", d.zh, d.en);
        }
        0
    }
}
