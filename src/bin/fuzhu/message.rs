//! The words of every refusal: plain Chinese first, English after, on one line. Nothing from
//! the input is ever echoed raw: control and bidi characters are escaped and long values cut,
//! so a line on standard error is always exactly one honest line.

use std::fmt::Write as _;

use serde_path_to_error::{Path, Segment};

use super::json::{Pos, ScanError, Syntax, RECORD_LIMIT};

/// What is wrong, and where: a field path (the same in both languages) or a place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Option<At>,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    Field(String),
    Place(Pos),
}

impl Problem {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            at: None,
            zh: zh.into(),
            en: en.into(),
        }
    }

    fn field(field: String, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            at: Some(At::Field(field)),
            ..Problem::new(zh, en)
        }
    }

    /// `第3条：parents[0].birth_date：… / record 3: parents[0].birth_date: …`, or for the whole
    /// input (`record` is `None`) `错误：… / error: …`.
    pub fn line(&self, record: Option<u64>) -> String {
        let mut zh = match record {
            Some(n) => format!("第{n}条："),
            None => "错误：".to_string(),
        };
        let mut en = match record {
            Some(n) => format!("record {n}: "),
            None => "error: ".to_string(),
        };
        match &self.at {
            Some(At::Field(f)) => {
                let _ = write!(zh, "{f}：");
                let _ = write!(en, "{f}: ");
            }
            Some(At::Place(p)) => {
                let _ = write!(zh, "第{}行第{}列：", p.line, p.column);
                let _ = write!(en, "line {}, column {}: ", p.line, p.column);
            }
            None => {}
        }
        // The texts are ours, but FactsError's come from elsewhere: escape once more, to be sure.
        format!("{}{} / {}{}", zh, escape(&self.zh), en, escape(&self.en))
    }
}

/// Characters that would break the line, reorder it or hide in it on a terminal: controls,
/// the line and paragraph separators, the bidi controls and the other invisible characters
/// (one list with the embedding office's configuration).
use fuzhu::host::is_invisible as is_hidden;

/// `s` with each hidden character written as `\u{1b}`.
pub fn escape(s: &str) -> String {
    if !s.chars().any(is_hidden) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// How many characters of a value from the input a message shows.
pub const SHOWN_CHARS: usize = 40;

/// A value from the input as a message shows it: escaped and cut to [`SHOWN_CHARS`].
pub fn shown(s: &str) -> String {
    let mut cut: String = s.chars().take(SHOWN_CHARS).collect();
    if s.chars().nth(SHOWN_CHARS).is_some() {
        cut.push('…');
    }
    escape(&cut)
}

/// The path serde walked to the bad value, `parents[0].birth_date`, each key shown safely.
pub fn path_text(path: &Path) -> String {
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                let _ = write!(out, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&shown(key));
            }
            Segment::Unknown => out.push_str(if out.is_empty() { "?" } else { ".?" }),
        }
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// An I/O error in plain Chinese (the English half carries the system's own words).
pub fn io_zh(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "找不到这个文件",
        PermissionDenied => "没有权限",
        StorageFull => "磁盘已满",
        BrokenPipe => "接收的一方已经关闭",
        IsADirectory => "这是一个文件夹，不是文件",
        InvalidData => "内容无法读取",
        Interrupted | TimedOut | WouldBlock => "操作被中断",
        _ => "读写出错",
    }
}

/// The record-level refusal of a record that is not an object.
pub fn not_an_object() -> Problem {
    Problem::new(
        "这一条不是一个家庭：应为用花括号{}括起来的JSON对象",
        "not a household: expected a JSON object in braces {}",
    )
}

pub fn too_long() -> Problem {
    let mib = RECORD_LIMIT >> 20;
    Problem::new(
        format!("这一条记录超过{mib} MiB，不像是一个家庭的信息（一户通常不到2 KB），未检查"),
        format!("the record is longer than {mib} MiB, more than any household holds (one is usually under 2 KB); not checked"),
    )
}

/// A syntax or encoding error, at its place in the file.
pub fn scan_error(e: &ScanError) -> Problem {
    let (pos, zh, en): (Pos, String, String) = match e {
        ScanError::Io(e) => {
            return Problem::new(
                format!("读取输入时出错：{}", io_zh(e)),
                format!("cannot read the input: {e}"),
            )
        }
        ScanError::Utf8 { pos, byte } => (
            *pos,
            format!("第{byte}个字节不是有效的UTF-8文字（文件可能是GBK等其他编码，请另存为UTF-8）"),
            format!("byte {byte} (counting from 1) is not valid UTF-8 (the file may be in GBK or another encoding; save it as UTF-8)"),
        ),
        ScanError::Syntax { pos, what } => {
            let (zh, en) = syntax_words(*what);
            (*pos, zh, en)
        }
    };
    Problem {
        at: Some(At::Place(pos)),
        zh,
        en,
    }
}

fn syntax_words(what: Syntax) -> (String, String) {
    let s = |zh: &str, en: &str| (zh.to_string(), en.to_string());
    match what {
        Syntax::Eof => s(
            "内容在这里就结束了，还缺少后面的部分（例如引号、}或]）",
            "the input ends too early (a closing quote, } or ] may be missing)",
        ),
        Syntax::Unexpected(c) => {
            let c_shown = shown(&c.to_string());
            if super::json::is_wide_punctuation(c) {
                (
                    format!("这里不应出现“{c_shown}”：JSON的引号、逗号、冒号和括号须用英文半角符号"),
                    format!("unexpected \"{c_shown}\": JSON's quotes, commas, colons and brackets must be ASCII"),
                )
            } else {
                (
                    format!("这里不应出现“{c_shown}”，不符合JSON的写法"),
                    format!("unexpected \"{c_shown}\": this is not JSON"),
                )
            }
        }
        Syntax::ControlInString => s(
            "引号里的文字含有换行等控制字符，请去掉或写成\\n这样的转义",
            "a string holds a raw control character such as a line break; remove it or write it as \\n",
        ),
        Syntax::BadEscape => s(
            "引号里的反斜杠\\后面只能是\" \\ / b f n r t u之一",
            "a backslash in a string must be followed by one of \" \\ / b f n r t u",
        ),
        Syntax::BadUnicodeEscape => s(
            "引号里的\\u转义不是有效的文字",
            "a \\u escape in a string is not a valid character",
        ),
        Syntax::BadNumber => s("数字的写法不对", "not a valid number"),
        Syntax::TooDeep => (
            format!("括号嵌套超过{}层", super::json::MAX_DEPTH),
            format!("nested more than {} levels deep", super::json::MAX_DEPTH),
        ),
        Syntax::ExpectedColon => s(
            "字段名后面应是冒号（:）",
            "expected a colon (:) after the field name",
        ),
        Syntax::ExpectedKey => s(
            "这里应是加英文双引号的字段名",
            "expected a field name in double quotes",
        ),
        Syntax::ExpectedCommaOrBrace => s(
            "这里应是逗号（,）或对象的结尾（}）",
            "expected a comma (,) or the end of the object (})",
        ),
        Syntax::ExpectedCommaOrBracket => s(
            "这里应是逗号（,）或数组的结尾（]）",
            "expected a comma (,) or the end of the array (])",
        ),
        Syntax::TrailingComma => s(
            "最后一项后面多了一个逗号",
            "a comma after the last item",
        ),
        Syntax::Trailing => s(
            "JSON内容已经结束，后面还有多余的内容",
            "more text after the end of the JSON value",
        ),
    }
}

/// serde's refusal of a record, said for people: the field path, then what is wrong with it.
pub fn serde_error(e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let path = path_text(e.path());
    let inner = e.into_inner();
    let full = inner.to_string();
    let suffix = format!(" at line {} column {}", inner.line(), inner.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    let at_path = |zh: String, en: String| {
        if path.is_empty() {
            Problem::new(zh, en)
        } else {
            Problem::field(path.clone(), zh, en)
        }
    };

    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (name, expected) = split_expected(rest);
        let choices = backticked(expected);
        // serde's path already ends with the unknown key.
        let path = if path.is_empty() { shown(name) } else { path };
        let choices_zh = if choices.is_empty() {
            "这里不能有任何字段".to_string()
        } else {
            format!("可用的字段有：{}", choices.join("、"))
        };
        let choices_en = if choices.is_empty() {
            "there are no fields here".to_string()
        } else {
            format!("the fields are: {}", choices.join(", "))
        };
        return Problem::field(
            path,
            format!("不认识的字段“{}”，{choices_zh}", shown(name)),
            format!("unknown field \"{}\"; {choices_en}", shown(name)),
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (value, expected) = split_expected(rest);
        let choices = backticked(expected);
        return at_path(
            format!(
                "不认识的取值“{}”，可选：{}",
                shown(value),
                choices.join("、")
            ),
            format!(
                "unknown value \"{}\"; the choices are: {}",
                shown(value),
                choices.join(", ")
            ),
        );
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.strip_suffix('`').unwrap_or(rest);
        return Problem::field(
            join(&path, &shown(name)),
            "缺少必填字段",
            "missing: this field is required",
        );
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        let name = rest.strip_suffix('`').unwrap_or(rest);
        return Problem::field(
            join(&path, &shown(name)),
            "同一个字段填写了两次，请只保留一个",
            "the same field is given twice; keep one",
        );
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            if let Some((got, expected)) = rest.rsplit_once(", expected ") {
                let (want_zh, want_en) = expected_words(expected, &path);
                let (got_zh, got_en) = got_words(got);
                return at_path(
                    format!("应为{want_zh}（收到：{got_zh}）"),
                    format!("expected {want_en} (got {got_en})"),
                );
            }
        }
    }
    if msg == "is not a date written YYYY-MM-DD" {
        return at_path(
            "日期须按YYYY-MM-DD填写，年份四位，月和日各两位（例如1968-06-05）".into(),
            "not a date written exactly YYYY-MM-DD".into(),
        );
    }
    if DATE_ERRORS.contains(&msg) || msg == "is not a real date written YYYY-MM-DD" {
        return at_path(
            "不是真实的日期，请按YYYY-MM-DD填写（例如1968-06-15）".into(),
            "not a real date written YYYY-MM-DD".into(),
        );
    }
    if msg == "expected value" {
        // serde_json's word for a choice field given a number, object or array.
        let (want_zh, want_en) = expected_words("variant identifier", &path);
        return at_path(format!("应为{want_zh}"), format!("expected {want_en}"));
    }
    if msg == "number out of range" {
        return at_path(
            "数字太大，超出了能处理的范围".into(),
            "the number is out of range".into(),
        );
    }
    // Not a message serde is known to give for these facts: say so plainly, without its words.
    at_path(
        "填写的内容不符合要求".into(),
        format!("not accepted: {}", shown(msg)),
    )
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

/// `X`, expected one of `a`, `b` → (X, "one of `a`, `b`"). The value comes first and may
/// contain anything, serde's list last: split at the last ", expected" or ", there are no".
fn split_expected(rest: &str) -> (&str, &str) {
    for sep in ["`, expected ", "`, there are no "] {
        if let Some((name, expected)) = rest.rsplit_once(sep) {
            return (name, expected);
        }
    }
    (rest.strip_suffix('`').unwrap_or(rest), "")
}

/// The names in backticks: "one of `a`, `b`" → [a, b].
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// What serde expected, as a person would say it.
fn expected_words(expected: &str, path: &str) -> (String, String) {
    let s = |zh: &str, en: &str| (zh.to_string(), en.to_string());
    match expected {
        // What to type, not a label to choose (RULINGS, Round 3; review point 13).
        "a boolean" => s("true或false", "true or false"),
        "i64" | "i32" | "u32" | "u8" | "u64" | "usize" => s("整数", "a whole number"),
        "a string" if path.ends_with("date") || path == "as_of" => s(
            "日期，按YYYY-MM-DD填写（例如1968-06-15）",
            "a date written YYYY-MM-DD",
        ),
        "a string" => s("文字（加英文双引号）", "text in double quotes"),
        "a sequence" => s("用方括号[]括起来的列表", "a list in brackets []"),
        e if e.contains("date") => s(
            "日期，按YYYY-MM-DD填写（例如1968-06-15）",
            "a date written YYYY-MM-DD",
        ),
        e if e.starts_with("struct ") => s(
            "用花括号{}括起来的一组字段（JSON对象）",
            "an object in braces {}",
        ),
        _ => match choices_for(path) {
            Some(list) => (
                format!("加英文双引号的取值，可选：{}", list.join("、")),
                format!("one of the values in double quotes: {}", list.join(", ")),
            ),
            None => s("加英文双引号的取值", "one of the values, in double quotes"),
        },
    }
}

/// What the input held, from serde's `Unexpected` (`string "yes"`, `integer `5``…).
fn got_words(got: &str) -> (String, String) {
    let inner = |s: &str| shown(s.trim_matches('`'));
    if let Some(v) = got.strip_prefix("string ") {
        // serde writes it as a Rust string literal, already escaped.
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        return (
            format!("文字“{}”", shown(v)),
            format!("text \"{}\"", shown(v)),
        );
    }
    if let Some(v) = got.strip_prefix("integer ") {
        return (
            format!("整数{}", inner(v)),
            format!("the number {}", inner(v)),
        );
    }
    if let Some(v) = got.strip_prefix("floating point ") {
        return (
            format!("小数{}", inner(v)),
            format!("the number {}", inner(v)),
        );
    }
    if let Some(v) = got.strip_prefix("boolean ") {
        return (inner(v), inner(v));
    }
    match got {
        "null" => ("空值null".into(), "null".into()),
        "map" => ("花括号{}括起来的对象".into(), "an object".into()),
        "sequence" => ("方括号[]括起来的列表".into(), "a list".into()),
        other => (shown(other), shown(other)),
    }
}

/// The values a choice field takes, read from the rules' own types (serde lists them when it
/// refuses an empty string), so the list can never drift from what is accepted.
fn choices_for(path: &str) -> Option<Vec<String>> {
    use fuzhu::rules::{
        Area, CareSetting, ChildStatus, DisabilityType, Marital, Residence, Role, Scheme, Schooling,
    };
    fn list<T: serde::de::DeserializeOwned>() -> Option<Vec<String>> {
        let e = serde_json::from_str::<T>("\"\"").err()?.to_string();
        let rest = e.split_once("expected ")?.1;
        let names: Vec<String> = backticked(rest).into_iter().map(str::to_string).collect();
        (!names.is_empty()).then_some(names)
    }
    let tail = path.rsplit('.').next()?;
    let tail = tail.split('[').next()?;
    match tail {
        "area" => list::<Area>(),
        "residence" => list::<Residence>(),
        "status" => list::<ChildStatus>(),
        "disability_types" => list::<DisabilityType>(),
        "schooling" => list::<Schooling>(),
        "role" => list::<Role>(),
        "pension" | "medical" => list::<Scheme>(),
        "care_setting" => list::<CareSetting>(),
        "marital" => list::<Marital>(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_escaped_and_long_values_cut() {
        assert_eq!(escape("a\u{1b}[31m\nb"), "a\\u{1b}[31m\\u{a}b");
        assert_eq!(
            escape("\u{202e}x\u{2066}\u{61c}\u{85}"),
            "\\u{202e}x\\u{2066}\\u{61c}\\u{85}"
        );
        assert_eq!(escape("开封 ok"), "开封 ok");
        let long = "开".repeat(100);
        assert_eq!(shown(&long), format!("{}…", "开".repeat(40)));
        assert_eq!(shown(&"x".repeat(40)), "x".repeat(40));
    }

    #[test]
    fn values_are_split_from_serdes_list_at_the_last_separator() {
        assert_eq!(
            split_expected("a`, expected x`, expected one of `b`, `c`"),
            ("a`, expected x", "one of `b`, `c`")
        );
        assert_eq!(backticked("one of `b`, `c`"), ["b", "c"]);
        assert_eq!(backticked("`b` or `c`"), ["b", "c"]);
    }

    #[test]
    fn choice_lists_come_from_the_rules_types() {
        let areas = choices_for("area").unwrap();
        assert_eq!(areas.len(), 10);
        assert_eq!(areas[0], "longting");
        assert_eq!(
            choices_for("parents[1].role").unwrap(),
            ["mother", "father"]
        );
        assert_eq!(choices_for("child.disability_types[0]").unwrap().len(), 8);
    }
}
