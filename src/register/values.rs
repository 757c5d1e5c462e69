//! Cell values as offices type them: yes and no in their many forms, dates in five shapes and
//! as spreadsheet date cells, and the 18-digit 居民身份证号 checked by GB 11643-1999.

use chrono::{Datelike, NaiveDate};

use super::Cell;
use crate::rules::{
    Area, CareSetting, ChildStatus, DisabilityType, Residence, Role, Scheme, Schooling,
};

/// What is wrong with a cell, in Chinese, said to the office.
pub type Bad = String;

/// The cell's text with full-width digits and punctuation made half-width and spaces trimmed;
/// `None` for a blank cell.
pub fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(s) => {
            let t: String = s
                .trim()
                .trim_matches('\u{3000}')
                .chars()
                .map(half_width)
                .collect();
            let t = t.trim().to_string();
            (!t.is_empty()).then_some(t)
        }
        Cell::Number(n) => Some(number_text(*n)),
        Cell::Bool(b) => Some(if *b { "是" } else { "否" }.to_string()),
        Cell::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
        Cell::Formula(f) => Some(f.clone()),
        Cell::Error(e) => Some(e.clone()),
    }
}

/// A number the way a spreadsheet shows it: 20, not 20.0.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn half_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '－' | '／' | '．' | '，' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        other => other,
    }
}

/// Refuses cells no value can be read from: a formula whose result was not saved, an error.
fn readable(cell: &Cell) -> Result<(), Bad> {
    match cell {
        Cell::Formula(f) => Err(format!(
            "是公式“{}”，文件里没有保存它的计算结果；请在表格软件里打开并保存，或复制后“选择性粘贴为数值”",
            clip(f)
        )),
        Cell::Error(e) => Err(format!("是错误值“{}”，请改成实际内容", clip(e))),
        _ => Ok(()),
    }
}

/// At most 20 characters of what was typed, for a message.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(20).collect();
    if s.chars().count() > 20 {
        out.push('…');
    }
    out
}

/// A cell's text, or `None` when blank; refuses unreadable cells.
pub fn given(cell: &Cell) -> Result<Option<String>, Bad> {
    readable(cell)?;
    Ok(text(cell))
}

/// 是 or 否, in the forms registers use.
pub fn yes_no(cell: &Cell, yes_word: &str, no_word: &str) -> Result<Option<bool>, Bad> {
    let Some(t) = given(cell)? else {
        return Ok(None);
    };
    if let Cell::Bool(b) = cell {
        return Ok(Some(*b));
    }
    let u = t.to_uppercase();
    let v = match u.as_str() {
        "是" | "有" | "能" | "对" | "Y" | "YES" | "TRUE" | "√" | "✓" | "✔" | "1" => true,
        "否" | "无" | "没有" | "不能" | "不是" | "不" | "N" | "NO" | "FALSE" | "×" | "✗" | "✘"
        | "0" => false,
        _ if u == yes_word => true,
        _ if u == no_word => false,
        _ => {
            return Err(format!(
                "“{}”看不懂，请填“{yes_word}”或“{no_word}”",
                clip(&t)
            ))
        }
    };
    Ok(Some(v))
}

/// The year of the Excel epoch's day 0 and the day 1900-02-29 Excel counts but the
/// calendar does not.
const EXCEL_FAKE_LEAP_DAY: i64 = 60;

/// A spreadsheet date serial (1900 date system, as Excel, WPS and LibreOffice save by
/// default): 1 is 1900-01-01, 60 is Excel's non-existent 1900-02-29, 61 is 1900-03-01.
pub fn excel_serial(serial: f64) -> Result<NaiveDate, Bad> {
    if serial.fract() != 0.0 || !(1.0..=2_958_465.0).contains(&serial) {
        return Err(format!(
            "数字{}不是日期；请写成1968-06-15这样",
            number_text(serial)
        ));
    }
    let s = serial as i64;
    if s == EXCEL_FAKE_LEAP_DAY {
        return Err("是表格软件里不存在的1900年2月29日，请检查".into());
    }
    let base = if s < EXCEL_FAKE_LEAP_DAY {
        NaiveDate::from_ymd_opt(1899, 12, 31)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    };
    base.and_then(|b| b.checked_add_days(chrono::Days::new(s as u64)))
        .ok_or_else(|| "不是日期".to_string())
}

/// A date as offices type it: 1968-06-15, 1968/6/15, 1968.6.15, 1968年6月15日, 19680615, a
/// spreadsheet date cell or a date serial. A time after the date (00:00:00) is ignored.
pub fn date(cell: &Cell) -> Result<Option<NaiveDate>, Bad> {
    readable(cell)?;
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => {
            if n.fract() == 0.0 && (10_000_000.0..100_000_000.0).contains(n) {
                compact_date(&number_text(*n)).map(Some)
            } else if n.fract() == 0.0 && (1000.0..10_000.0).contains(n) {
                Err(format!(
                    "只写了年份{}，请写完整日期，如{}-06-15",
                    number_text(*n),
                    number_text(*n)
                ))
            } else {
                excel_serial(*n).map(Some)
            }
        }
        Cell::Bool(_) => Err("不是日期；请写成1968-06-15这样".into()),
        _ => match text(cell) {
            None => Ok(None),
            Some(t) => date_text(&t).map(Some),
        },
    }
}

fn compact_date(t: &str) -> Result<NaiveDate, Bad> {
    let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().unwrap_or(0);
    ymd(n(0..4) as i32, n(4..6), n(6..8), t)
}

fn ymd(y: i32, m: u32, d: u32, typed: &str) -> Result<NaiveDate, Bad> {
    if !(1900..=2100).contains(&y) {
        return Err(format!("“{}”的年份{y}不对，请检查", clip(typed)));
    }
    if !(1..=12).contains(&m) {
        return Err(format!("“{}”没有{m}月，请检查", clip(typed)));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        format!(
            "“{}”不是真实的日期：{y}年{m}月没有{d}日，请检查",
            clip(typed)
        )
    })
}

/// A date typed as text.
pub fn date_text(t: &str) -> Result<NaiveDate, Bad> {
    let t = t.trim();
    if t.starts_with('=') {
        return Err(format!("是公式“{}”，请填写日期本身，如1968-06-15", clip(t)));
    }
    // A time after the date, as spreadsheets export date cells: 1968-06-15 00:00:00.
    let day_part = match t.split_once([' ', 'T']) {
        Some((d, time))
            if time
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            d
        }
        _ => t,
    };
    let shape = || {
        format!(
            "“{}”不是看得懂的日期；请写成1968-06-15、1968/6/15、1968.6.15、1968年6月15日或19680615",
            clip(t)
        )
    };
    if day_part.len() == 8 && day_part.bytes().all(|b| b.is_ascii_digit()) {
        return compact_date(day_part);
    }
    let zh = day_part.strip_suffix('日').unwrap_or(day_part);
    let parts: Vec<&str> = if zh.contains('年') {
        let (y, rest) = zh.split_once('年').ok_or_else(shape)?;
        let (m, d) = rest.split_once('月').ok_or_else(shape)?;
        vec![y, m, d]
    } else {
        let sep = day_part
            .chars()
            .find(|c| matches!(c, '-' | '/' | '.'))
            .ok_or_else(shape)?;
        day_part.split(sep).collect()
    };
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(shape());
    }
    if parts[0].len() != 4 {
        return Err(format!("“{}”的年份要写四位，如1968，请检查", clip(t)));
    }
    if parts[1].len() > 2 || parts[2].len() > 2 {
        return Err(shape());
    }
    let num = |p: &str| p.parse::<u32>().unwrap_or(0);
    ymd(num(parts[0]) as i32, num(parts[1]), num(parts[2]), t)
}

/// What an 18-digit 居民身份证号 says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdNumber {
    pub birth: NaiveDate,
    pub role: Role,
}

/// GB 11643-1999's weights for the first 17 digits, and the check character for each
/// remainder mod 11.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// The check character GB 11643 gives for the first 17 digits.
pub fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize] as char
}

/// A 居民身份证号 of a parent: 18 characters, the check character verified, the birth date
/// read from characters 7–14 and the sex from the 17th (odd: male, even: female).
pub fn id_number(cell: &Cell) -> Result<Option<IdNumber>, Bad> {
    readable(cell)?;
    if let Cell::Number(n) = cell {
        return Err(format!(
            "被表格存成了数字（{}），18位号码的后几位已经丢失；请把这一列设成“文本”后重新填写号码",
            clip(&number_text(*n))
        ));
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let t = t.trim_start_matches('\'');
    let id: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let b = id.as_bytes();
    let scientific =
        id.contains("E+") && id.chars().all(|c| c.is_ascii_digit() || ".E+".contains(c));
    if scientific || looks_rounded(&id) {
        return Err(format!(
            "“{}”是被表格存成数字后的号码，后几位已经丢失；请把这一列设成“文本”后重新填写号码",
            clip(t)
        ));
    }
    if id.chars().count() == 15 && b.iter().all(u8::is_ascii_digit) {
        return Err("是15位的旧号码，请填写18位居民身份证号".into());
    }
    if b.len() != 18
        || !b[..17].iter().all(u8::is_ascii_digit)
        || !(b[17].is_ascii_digit() || b[17] == b'X')
    {
        return Err(format!(
            "“{}”不是18位居民身份证号（{}位）；应为17位数字加一位数字或X",
            clip(t),
            id.chars().count()
        ));
    }
    let expected = check_char(&b[..17]);
    if expected != b[17] as char {
        return Err(format!(
            "“{id}”的校验位不对：按前17位，最后一位应是{expected}，填写的是{}；请核对号码",
            b[17] as char
        ));
    }
    let birth = compact_date(&id[6..14]).map_err(|e| format!("号码中的出生日期（第7–14位）{e}"))?;
    let role = if (b[16] - b'0') % 2 == 1 {
        Role::Father
    } else {
        Role::Mother
    };
    Ok(Some(IdNumber { birth, role }))
}

/// A count of days: a whole number (20, 20天).
pub fn whole(cell: &Cell) -> Result<Option<i64>, Bad> {
    readable(cell)?;
    if let Cell::Number(n) = cell {
        if n.fract() != 0.0 || n.abs() > 1e9 {
            return Err(format!("{}不是整数天数", number_text(*n)));
        }
        return Ok(Some(*n as i64));
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let s = t.strip_suffix('天').unwrap_or(&t).trim();
    s.parse::<i64>()
        .map(Some)
        .map_err(|_| format!("“{}”不是整数天数", clip(&t)))
}

fn pick<T: Copy>(t: &str, table: &[(&[&str], T)], allowed: &str) -> Result<T, Bad> {
    table
        .iter()
        .find(|(words, _)| words.contains(&t))
        .map(|(_, v)| *v)
        .ok_or_else(|| format!("“{}”看不懂，可填：{allowed}", clip(t)))
}

fn choose<T: Copy>(cell: &Cell, table: &[(&[&str], T)], allowed: &str) -> Result<Option<T>, Bad> {
    match given(cell)? {
        None => Ok(None),
        Some(t) => pick(&t, table, allowed).map(Some),
    }
}

pub fn area(cell: &Cell) -> Result<Option<Area>, Bad> {
    let Some(t) = given(cell)? else {
        return Ok(None);
    };
    let t = t
        .strip_prefix("河南省")
        .unwrap_or(&t)
        .trim_start_matches("开封市")
        .trim_start_matches("开封");
    let t = if t.is_empty() { "开封" } else { t };
    pick(
        t,
        &[
            (&["龙亭区", "龙亭"], Area::Longting),
            (&["顺河回族区", "顺河区", "顺河"], Area::Shunhe),
            (&["鼓楼区", "鼓楼"], Area::Gulou),
            (&["禹王台区", "禹王台"], Area::Yuwangtai),
            (&["祥符区", "祥符", "开封县"], Area::Xiangfu),
            (&["杞县", "杞"], Area::Qixian),
            (&["通许县", "通许"], Area::Tongxu),
            (&["尉氏县", "尉氏"], Area::Weishi),
            (&["兰考县", "兰考"], Area::Lankao),
            (
                &["城乡一体化示范区", "示范区", "开封城乡一体化示范区"],
                Area::Shifanqu,
            ),
        ],
        "龙亭区、顺河回族区、鼓楼区、禹王台区、祥符区、杞县、通许县、尉氏县、兰考县、城乡一体化示范区；不在开封或不知道请留空",
    )
    .map(Some)
}

pub fn residence(cell: &Cell) -> Result<Option<Residence>, Bad> {
    choose(
        cell,
        &[
            (&["城镇", "城市", "城区", "市区", "城"], Residence::Urban),
            (&["农村", "乡村", "农"], Residence::Rural),
        ],
        "城镇、农村",
    )
}

pub fn child_status(cell: &Cell) -> Result<Option<ChildStatus>, Bad> {
    choose(
        cell,
        &[
            (
                &["死亡", "去世", "离世", "已故", "身故", "病故", "亡故"],
                ChildStatus::Deceased,
            ),
            (&["伤残", "残疾"], ChildStatus::Disabled),
            (&["健在", "在世", "正常", "健康"], ChildStatus::Living),
        ],
        "死亡、伤残、健在",
    )
}

pub fn grade(cell: &Cell) -> Result<Option<i64>, Bad> {
    readable(cell)?;
    if let Cell::Number(n) = cell {
        if n.fract() == 0.0 && n.abs() < 100.0 {
            return Ok(Some(*n as i64));
        }
    }
    let Some(t) = text(cell) else {
        return Ok(None);
    };
    let core = t.strip_suffix('级').unwrap_or(&t);
    let core = core.strip_prefix("残疾").unwrap_or(core);
    let n = match core {
        "一" | "壹" => Some(1),
        "二" | "贰" => Some(2),
        "三" | "叁" => Some(3),
        "四" | "肆" => Some(4),
        "五" => Some(5),
        "零" => Some(0),
        other => other.parse::<i64>().ok(),
    };
    n.map(Some)
        .ok_or_else(|| format!("“{}”看不懂，可填：一级、二级、三级、四级或1–4", clip(&t)))
}

pub fn disability_types(cell: &Cell) -> Result<Vec<DisabilityType>, Bad> {
    let Some(t) = given(cell)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for part in t
        .split(['、', '，', ',', '/', '／', ' ', '；', ';'])
        .filter(|p| !p.is_empty())
    {
        let p = part.strip_suffix("残疾").unwrap_or(part);
        let ty = pick(
            p,
            &[
                (&["视力"], DisabilityType::Vision),
                (&["听力"], DisabilityType::Hearing),
                (&["智力"], DisabilityType::Intellectual),
                (&["言语", "语言"], DisabilityType::Speech),
                (&["孤独症", "自闭症"], DisabilityType::Autism),
                (&["肢体"], DisabilityType::Physical),
                (&["精神"], DisabilityType::Mental),
                (&["多重"], DisabilityType::Multiple),
            ],
            "视力、听力、智力、言语、孤独症、肢体、精神、多重",
        )?;
        if !out.contains(&ty) {
            out.push(ty);
        }
    }
    Ok(out)
}

pub fn schooling(cell: &Cell) -> Result<Option<Schooling>, Bad> {
    choose(
        cell,
        &[
            (&["无", "没有", "未就学", "不在校", "否"], Schooling::None),
            (&["普通高中", "高中"], Schooling::HighSchool),
            (
                &["中职", "中等职业教育", "中专", "职高", "技校"],
                Schooling::Vocational,
            ),
            (
                &["本专科", "本科", "专科", "大专", "大学", "高校", "普通高校"],
                Schooling::College,
            ),
        ],
        "无、普通高中、中职、本专科",
    )
}

pub fn alive(cell: &Cell) -> Result<Option<bool>, Bad> {
    choose(
        cell,
        &[
            (&["在世", "健在", "存", "生", "是"], true),
            (
                &[
                    "已故", "去世", "死亡", "离世", "故", "殁", "亡", "身故", "否",
                ],
                false,
            ),
        ],
        "在世、已故",
    )
}

pub fn scheme(cell: &Cell) -> Result<Option<Scheme>, Bad> {
    choose(
        cell,
        &[
            (
                &[
                    "城乡居民",
                    "居民",
                    "城乡居民养老保险",
                    "城乡居民医保",
                    "城乡居民医疗保险",
                    "城乡居民基本医疗保险",
                    "城居保",
                    "新农合",
                    "新农保",
                ],
                Scheme::Resident,
            ),
            (
                &[
                    "职工",
                    "城镇职工",
                    "职工养老保险",
                    "职工医保",
                    "职工医疗保险",
                    "企业职工",
                    "机关事业单位",
                ],
                Scheme::Employee,
            ),
            (
                &["未参加", "未参保", "无", "没有", "否", "不参加"],
                Scheme::None,
            ),
        ],
        "城乡居民、职工、未参加",
    )
}

pub fn care_setting(cell: &Cell) -> Result<Option<CareSetting>, Bad> {
    choose(
        cell,
        &[
            (&["居家", "居家养老", "在家"], CareSetting::Home),
            (
                &["公办养老机构", "公办", "公办养老院", "敬老院", "公办敬老院"],
                CareSetting::PublicHome,
            ),
            (
                &["公建民营养老机构", "公建民营"],
                CareSetting::PublicPrivateHome,
            ),
            (
                &["民办养老机构", "民办", "民办养老院"],
                CareSetting::PrivateHome,
            ),
            // A bare 养老机构: in a home, its kind not known (the result asks to confirm it).
            (
                &["养老机构", "养老院", "机构养老", "养老机构（不清楚类型）"],
                CareSetting::CareHomeUnknownType,
            ),
        ],
        "居家、公办养老机构、公建民营养老机构、民办养老机构、养老机构（不清楚类型）",
    )
}

/// The day of the year, for messages: the rules' one Chinese date formatter.
pub use crate::rules::facts::zh_date as zh;

/// A birth as a register gives it: a day, or only its month (1968.06, 196806, 1968年6月).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Born {
    Day(NaiveDate),
    /// The month's first day stands for the month; the row is decided for every day of it.
    Month(NaiveDate),
}

impl Born {
    /// The first day the birth can be.
    pub fn first(self) -> NaiveDate {
        match self {
            Born::Day(d) | Born::Month(d) => d,
        }
    }

    /// The last day the birth can be.
    pub fn last(self) -> NaiveDate {
        match self {
            Born::Day(d) => d,
            Born::Month(d) => (28..=31).rev().find_map(|day| d.with_day(day)).unwrap_or(d),
        }
    }

    pub fn same_month(self, d: NaiveDate) -> bool {
        let f = self.first();
        f.year() == d.year() && f.month() == d.month()
    }
}

/// A month as offices write a birth month: 1968.06, 1968.6, 196806, 1968年6月, 1968-06,
/// 1968/6; `None` when the text is not a month (it may then be a full date).
fn month_text(t: &str) -> Option<Result<NaiveDate, Bad>> {
    let t = t.trim();
    let (y, m) = if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        (&t[..4], &t[4..])
    } else if let Some(rest) = t.strip_suffix('月').or_else(|| t.strip_suffix("月份")) {
        rest.split_once('年')?
    } else {
        let sep = t.chars().find(|c| matches!(c, '.' | '-' | '/'))?;
        let mut parts = t.split(sep);
        let (y, m) = (parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        (y, m)
    };
    if y.len() != 4
        || m.is_empty()
        || m.len() > 2
        || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    Some(ymd(y, m, 1, t))
}

/// A birth date: a full date as [`date`] reads it, or only its month (see [`Born`]). A number
/// cell 1968.1 is refused: it may be 1968年1月 or 1968.10 with its 0 dropped by the
/// spreadsheet.
pub fn birth(cell: &Cell) -> Result<Option<Born>, Bad> {
    readable(cell)?;
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (100_000.0..1_000_000.0).contains(n) => {
            match month_text(&number_text(*n)) {
                Some(r) => r.map(|d| Some(Born::Month(d))),
                None => date(cell).map(|d| d.map(Born::Day)),
            }
        }
        Cell::Number(n) if n.fract() != 0.0 && (1900.0..2101.0).contains(n) => {
            // 1968.06 → June; 1968.6 → June (1968.60 is no month); 1968.1 may be January or
            // 1968.10 with its 0 dropped. Worked in whole hundredths: no float formatting.
            let year = n.trunc();
            let h = ((n - year) * 100.0).round() as u32;
            let month = match h {
                10 => {
                    return Err(format!(
                        "数字{}看不出是1月还是10月（表格会把{}.10存成{}.1）；请把这一列设成“文本”，写成{}.01或{}.10",
                        number_text(*n),
                        year,
                        year,
                        year,
                        year
                    ))
                }
                1..=9 | 11 | 12 => h,
                20..=90 if h % 10 == 0 => h / 10,
                _ => return Err(format!("数字{}不是看得懂的年月", number_text(*n))),
            };
            ymd(year as i32, month, 1, &number_text(*n)).map(|d| Some(Born::Month(d)))
        }
        Cell::Text(_) => {
            let Some(t) = text(cell) else {
                return Ok(None);
            };
            match month_text(&t) {
                Some(r) => r.map(|d| Some(Born::Month(d))),
                None => date_text(&t).map(|d| Some(Born::Day(d))).map_err(|e| {
                    if e.contains("不是看得懂的日期") {
                        format!(
                            "“{}”不是看得懂的日期；请写成1968-06-15、1968年6月15日，或只写年月：1968.06、1968年6月、196806",
                            clip(&t)
                        )
                    } else {
                        e
                    }
                }),
            }
        }
        _ => date(cell).map(|d| d.map(Born::Day)),
    }
}

/// 婚姻状况 as registers write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marital {
    Married,
    Remarried,
    Widowed,
    Divorced,
    Single,
}

pub fn marital(cell: &Cell) -> Result<Option<Marital>, Bad> {
    choose(
        cell,
        &[
            (
                &["初婚", "在婚", "已婚", "有配偶", "结婚"],
                Marital::Married,
            ),
            (&["再婚", "复婚"], Marital::Remarried),
            (&["丧偶", "丧夫", "丧妻"], Marital::Widowed),
            (&["离异", "离婚"], Marital::Divorced),
            (&["未婚", "单身"], Marital::Single),
        ],
        "初婚、再婚、丧偶、离异",
    )
}

/// 性别: the role a person's row gives them.
pub fn sex(cell: &Cell) -> Result<Option<Role>, Bad> {
    choose(
        cell,
        &[
            (&["女", "女性", "女方", "妻", "母亲"], Role::Mother),
            (&["男", "男性", "男方", "夫", "父亲"], Role::Father),
        ],
        "男、女",
    )
}

/// 家庭类别 / 扶助类别 / 对象类型 as registers write it: which way the family is special.
pub fn category(cell: &Cell) -> Result<Option<ChildStatus>, Bad> {
    let Some(t) = given(cell)? else {
        return Ok(None);
    };
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let died = [
        "失独", "死亡", "去世", "离世", "已故", "病故", "身故", "亡故",
    ];
    let disabled = ["伤残", "残疾"];
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    match (has(&died), has(&disabled)) {
        (true, false) => Ok(Some(ChildStatus::Deceased)),
        (false, true) => Ok(Some(ChildStatus::Disabled)),
        _ if ["健在", "正常", "健康", "在世"].contains(&t.as_str()) => {
            Ok(Some(ChildStatus::Living))
        }
        _ => Err(format!(
            "“{}”看不懂，可填：失独（独生子女死亡）、伤残（独生子女伤残）",
            clip(&t)
        )),
    }
}

/// 残疾类别及等级 in one cell: 智力二级, 肢体三级, 视力1级, 多重残疾二级.
pub fn type_and_grade(cell: &Cell) -> Result<Option<(Vec<DisabilityType>, i64)>, Bad> {
    let Some(t) = given(cell)? else {
        return Ok(None);
    };
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let at = t
        .char_indices()
        .find(|(_, c)| "一二三四五壹贰叁肆12345".contains(*c))
        .map(|(i, _)| i);
    let bad = || {
        format!(
            "“{}”看不懂，请写残疾类别和等级，如智力二级、肢体三级",
            clip(&t)
        )
    };
    let Some(at) = at else {
        return Err(bad());
    };
    let (kind, grade_part) = t.split_at(at);
    let kind = kind.trim_end_matches(['、', ',', '，', '-', '：', ':']);
    let grade = grade(&Cell::Text(grade_part.to_string())).map_err(|_| bad())?;
    let types = if kind.is_empty() {
        Vec::new()
    } else {
        disability_types(&Cell::Text(kind.to_string())).map_err(|_| bad())?
    };
    Ok(grade.map(|g| (types, g)))
}

/// 户籍地址 / 户口所在地: whether the hukou is Kaifeng's and, when the address names one, the
/// county. An address naming another city (or province) is not Kaifeng's.
pub fn address(cell: &Cell) -> Result<Option<(bool, Option<Area>)>, Bad> {
    let Some(t) = given(cell)? else {
        return Ok(None);
    };
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = t.strip_prefix("河南省").unwrap_or(&t);
    let in_kaifeng = rest.starts_with("开封");
    // 开封县 is 祥符区's old name: a county, not the city's short name.
    let rest = rest.strip_prefix("开封市").unwrap_or(rest);
    let rest = if rest.starts_with("开封县") {
        rest
    } else {
        rest.strip_prefix("开封").unwrap_or(rest)
    };
    const COUNTIES: &[(&str, Area)] = &[
        ("龙亭", Area::Longting),
        ("顺河", Area::Shunhe),
        ("鼓楼", Area::Gulou),
        ("禹王台", Area::Yuwangtai),
        ("祥符", Area::Xiangfu),
        ("开封县", Area::Xiangfu),
        ("杞县", Area::Qixian),
        ("通许", Area::Tongxu),
        ("尉氏", Area::Weishi),
        ("兰考", Area::Lankao),
        ("城乡一体化示范区", Area::Shifanqu),
        ("示范区", Area::Shifanqu),
    ];
    let county = COUNTIES
        .iter()
        .find(|(name, _)| rest.starts_with(name))
        .map(|(_, a)| *a);
    if in_kaifeng || county.is_some() {
        return Ok(Some((true, county)));
    }
    // Another place: a province, a city or a county named first.
    let elsewhere = ["省", "市", "县", "区", "自治"]
        .iter()
        .any(|w| t.contains(w));
    if elsewhere {
        Ok(Some((false, None)))
    } else {
        Err(format!(
            "“{}”看不出是不是开封市的户籍；请写完整的户籍地址，如开封市鼓楼区……",
            clip(&t)
        ))
    }
}

/// Whether an ID number cell looks like one a spreadsheet turned into a number and back:
/// 18 digits ending 000 whose check digit fails.
pub fn looks_rounded(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 18
        && b.iter().all(u8::is_ascii_digit)
        && id.ends_with("000")
        && check_char(&b[..17]) != '0'
}

/// A month for messages: 1968年6月.
pub use crate::rules::facts::zh_month;
