//! The office page's matching step (issue 17, point 4): when a register has a field the rules
//! need that no column gives, or a column the reader did not understand, the page shows every
//! column found (its header, three sample values, what it was matched to) before deciding,
//! and the clerk changes a match, picks the column for a missing field or accepts the stated
//! defaults. What the step shows and what the clerk's choices become is
//! `register::matching` (pure, tested natively); here only the drawing, the matching file
//! (saved and opened: headers → fields, no one's data) and 记住这个表格的列 (kept in
//! localStorage only when ticked; nothing of the register is). The worker is asked to stop at the step (`Ask`), and
//! told the matching to read the register with.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use web_sys::File;
use yew::prelude::*;

use super::browser;
use crate::flow::text::Lang;
use crate::register::columns::canonical_order;
use crate::register::file::Sheets;
use crate::register::map::{field_named, MapColumn};
use crate::register::matching::{choices, in_english, FoundColumn, Matching};
use crate::register::text::Desk as T;
use crate::register::{start_sheets_with, ColumnMap, FileError, Need, Pending};

/// Where 记住这个表格的列 keeps the matching (headers → fields only).
const KEY: &str = "fuzhu-office-columns";
const TITLE_ID: &str = "matching-title";

/// Whether to stop at the step: never (the clerk has matched), when something is missing or
/// not understood, or always (查看列的对应关系).
pub const DECIDE: u8 = 0;
pub const IF_NEEDED: u8 = 1;
pub const ALWAYS: u8 = 2;

/// What comes of a file read: the step to show, or the register to decide.
pub enum Next {
    Ask(Matching),
    Decide(Box<Pending>),
}

/// The same in the worker and in the page: the matching step where it is needed (something
/// missing, a column neither understood nor named by `map`) or asked for, else the register
/// started with `map`.
pub fn next(
    sheets: Sheets,
    today: NaiveDate,
    map: Option<&ColumnMap>,
    ask: u8,
) -> Result<Next, FileError> {
    if ask != DECIDE {
        if let Ok(m) = Matching::of(&sheets, map) {
            // A column the matching names, even as 不使用, is understood.
            let named = |c: &&FoundColumn| {
                map.is_some_and(|x| x.columns.iter().any(|k| k.header == c.header))
            };
            let unknown = m.unknown().into_iter().any(|c| !named(&c));
            // No family rows (a header alone), or two columns for one field: nothing to
            // match, the register says so itself.
            let fields: Vec<_> = m.columns.iter().filter_map(|c| c.field).collect();
            let dup = (1..fields.len()).any(|i| fields[..i].contains(&fields[i]));
            let empty = m.columns.iter().all(|c| c.samples.is_empty());
            let asked = !m.missing().is_empty() || !m.needed().is_empty();
            let needed = (unknown || asked) && !dup && !empty;
            if ask == ALWAYS || needed {
                return Ok(Next::Ask(m));
            }
        }
    }
    start_sheets_with(sheets, today, map).map(|p| Next::Decide(Box::new(p)))
}

/// A file waiting at the step: the file itself (read again with the matching), its name, the
/// step, and the matching it was read with.
#[derive(Debug, PartialEq)]
pub struct Asked {
    pub file: File,
    pub name: String,
    pub matching: Matching,
}

thread_local! {
    /// The file last opened and the matching it was read with, for 查看列的对应关系; forgotten
    /// with the register (清除, the idle wipe, another file).
    static LAST: RefCell<Option<(File, Option<Rc<ColumnMap>>)>> = const { RefCell::new(None) };
}

pub fn keep(f: File, map: Option<Rc<ColumnMap>>) {
    LAST.with(|l| *l.borrow_mut() = Some((f, map)));
}

pub fn forget() {
    LAST.with(|l| *l.borrow_mut() = None);
}

pub fn last() -> Option<(File, Option<Rc<ColumnMap>>)> {
    LAST.with(|l| l.borrow().clone())
}

// ---- The matching file, as JSON (the office wasm has no serde_json: the browser's parser) ----

/// The matching as the file `fuzhu register --map` reads.
pub fn to_json(map: &ColumnMap) -> String {
    let o = Object::new();
    let set = |o: &Object, k: &str, v: JsValue| {
        let _ = Reflect::set(o, &k.into(), &v);
    };
    set(&o, "kind", map.kind.as_str().into());
    set(&o, "version", map.version.into());
    let cols = Array::new();
    for c in &map.columns {
        let x = Object::new();
        set(&x, "column", c.column.as_str().into());
        set(&x, "header", c.header.as_str().into());
        set(
            &x,
            "field",
            c.field.as_deref().map_or(JsValue::NULL, JsValue::from),
        );
        cols.push(&x);
    }
    set(&o, "columns", cols.into());
    JSON::stringify_with_replacer_and_space(&o, &JsValue::NULL, &2.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A matching file read back; anything else refused in words (in `lang`).
pub fn from_json(text: &str, lang: Lang) -> Result<ColumnMap, String> {
    let bad = || T::MatchNotAFile.text(lang).to_string();
    let v = JSON::parse(text.trim_start_matches('\u{feff}')).map_err(|_| bad())?;
    let get = |o: &JsValue, k: &str| Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED);
    if get(&v, "version").as_f64() != Some(1.0) {
        return Err(bad());
    }
    let cols = get(&v, "columns");
    if !Array::is_array(&cols) {
        return Err(bad());
    }
    let mut columns = Vec::new();
    for c in Array::from(&cols).iter() {
        let field = get(&c, "field").as_string();
        let header = get(&c, "header").as_string().ok_or_else(bad)?;
        if let Some(f) = &field {
            if field_named(f).is_none() {
                return Err(T::MatchUnknownField.fill(lang, &[("field", f), ("header", &header)]));
            }
        }
        columns.push(MapColumn {
            column: get(&c, "column").as_string().unwrap_or_default(),
            header,
            field,
        });
    }
    Ok(ColumnMap {
        kind: "扶助通台账列匹配".into(),
        version: 1,
        columns,
    })
}

/// The matching 记住这个表格的列 kept, if any.
pub fn remembered() -> Option<ColumnMap> {
    let s = web_sys::window()?.local_storage().ok()??;
    from_json(&s.get_item(KEY).ok()??, Lang::Zh).ok()
}

fn remember(map: Option<&ColumnMap>) {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let _ = match map {
        Some(m) => s.set_item(KEY, &to_json(m)),
        None => s.remove_item(KEY),
    };
}

// ---- The step, from the worker to the page ----

/// The step as bytes: each string its length then UTF-8, a field its place in
/// `canonical_order` plus one (0: none).
pub fn encode(m: &Matching) -> Vec<u8> {
    let mut out = Vec::new();
    let n = |out: &mut Vec<u8>, v: usize| out.extend((v as u32).to_le_bytes());
    let s = |out: &mut Vec<u8>, t: &str| {
        n(out, t.len());
        out.extend(t.as_bytes());
    };
    let order = canonical_order();
    n(&mut out, m.header_line);
    n(&mut out, m.columns.len());
    for c in &m.columns {
        s(&mut out, &c.letter);
        s(&mut out, &c.header);
        n(&mut out, c.samples.len());
        for x in &c.samples {
            s(&mut out, x);
        }
        let f = c.field.and_then(|f| order.iter().position(|o| *o == f));
        n(&mut out, f.map_or(0, |k| k + 1));
    }
    for need in Need::ALL {
        out.push(m.needs.contains(&need) as u8);
    }
    out
}

fn num(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let b = bytes.get(*at..*at + 4)?;
    *at += 4;
    Some(u32::from_le_bytes(b.try_into().ok()?) as usize)
}

fn text(bytes: &[u8], at: &mut usize) -> Option<String> {
    let len = num(bytes, at)?;
    let t = String::from_utf8(bytes.get(*at..*at + len)?.to_vec()).ok()?;
    *at += len;
    Some(t)
}

pub fn decode(bytes: &[u8]) -> Option<Matching> {
    let at = &mut 0;
    let header_line = num(bytes, at)?;
    let count = num(bytes, at)?;
    let order = canonical_order();
    let mut columns = Vec::new();
    for _ in 0..count.min(bytes.len()) {
        let letter = text(bytes, at)?;
        let header = text(bytes, at)?;
        let k = num(bytes, at)?;
        let samples = (0..k.min(3))
            .map(|_| text(bytes, at))
            .collect::<Option<Vec<_>>>()?;
        let f = num(bytes, at)?;
        columns.push(FoundColumn {
            letter,
            header,
            samples,
            field: f.checked_sub(1).and_then(|k| order.get(k).copied()),
        });
    }
    let needs = Need::ALL
        .into_iter()
        .zip(bytes.get(*at..)?)
        .filter(|(_, b)| **b == 1)
        .map(|(n, _)| n)
        .collect();
    Some(Matching {
        header_line,
        columns,
        needs,
    })
}

// ---- The step on the page ----

#[derive(Properties)]
pub struct StepProps {
    pub asked: Rc<Asked>,
    /// Read the file with this matching; `IF_NEEDED` when it was opened from a file (asked
    /// again only if it does not fit), `DECIDE` when the clerk has matched.
    pub decide: Callback<(File, Rc<ColumnMap>, u8)>,
    pub lang: Lang,
}

impl PartialEq for StepProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.asked, &other.asked) && self.lang == other.lang
    }
}

#[function_component(Step)]
pub fn step(p: &StepProps) -> Html {
    let lang = p.lang;
    // The step's words about fields (what is missing, the defaults) in the page's language.
    let say = move |zh: &'static str| -> &'static str {
        match lang {
            Lang::Zh => zh,
            Lang::En => in_english(zh),
        }
    };
    let m = use_state(|| p.asked.matching.clone());
    let keep = use_state(|| remembered().is_some());
    let accepted = use_state(|| false);
    let error = use_state(String::new);
    use_effect_with((), |_| browser::focus(TITLE_ID));
    let list = choices();
    let missing = m.missing();
    let defaults = m.defaults();
    let unknown = m.unknown().len();
    let rows = m.columns.iter().enumerate().map(|(k, c)| {
        let onchange = {
            let (m, list) = (m.clone(), list.clone());
            Callback::from(move |e: Event| {
                let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                let f = s.value().parse::<usize>().ok().and_then(|i| list.get(i)).map(|x| x.0);
                let mut next = (*m).clone();
                next.set(k, f);
                m.set(next);
            })
        };
        let label = T::MatchSelect.fill(lang, &[("letter", &c.letter), ("header", &c.header)]);
        html! {
            <tr ~className={if c.field.is_none() { "unmatched" } else { "" }}>
                <th scope="row">{ c.letter.clone() }</th>
                <td>{ c.header.clone() }</td>
                <td class="samples">{ c.samples.join("、") }</td>
                <td>
                    <select aria-label={label} {onchange}>
                        <option value="" selected={c.field.is_none()}>{ T::MatchNotUsed.text(lang) }</option>
                        { for list.iter().enumerate().map(|(i, (f, name))| html! {
                            <option value={i.to_string()} selected={c.field == Some(*f)}>{ name.clone() }</option>
                        }) }
                    </select>
                </td>
            </tr>
        }
    });
    let go = {
        let (m, keep, accepted, error) = (m.clone(), keep.clone(), accepted.clone(), error.clone());
        let (file, decide) = (p.asked.file.clone(), p.decide.clone());
        Callback::from(move |_: MouseEvent| {
            let missing: Vec<&str> = m.missing().into_iter().map(say).collect();
            if !missing.is_empty() {
                let list = missing.join(lang.pick("；", "; "));
                error.set(T::MatchStillMissing.fill(lang, &[("list", &list)]));
            } else if !m.defaults().is_empty() && !*accepted {
                error.set(T::MatchAcceptFirst.text(lang).into());
            } else {
                let map = m.to_map();
                remember(keep.then_some(&map));
                decide.emit((file.clone(), Rc::new(map), DECIDE));
            }
        })
    };
    let save = {
        let m = m.clone();
        Callback::from(move |_: MouseEvent| {
            browser::download(
                to_json(&m.to_map()).as_bytes(),
                "列的对应关系.json",
                "application/json",
            );
        })
    };
    let open = {
        let (error, file, decide) = (error.clone(), p.asked.file.clone(), p.decide.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(f) = browser::first_file(input.files()) else {
                return;
            };
            input.set_value("");
            let (error, file, decide) = (error.clone(), file.clone(), decide.clone());
            browser::read(f, move |bytes| {
                let text = bytes.map(|b| String::from_utf8_lossy(&b).into_owned());
                match text.as_deref().map(|t| from_json(t, lang)) {
                    Some(Ok(map)) => decide.emit((file, Rc::new(map), IF_NEEDED)),
                    Some(Err(e)) => error.set(e),
                    None => error.set(T::MatchUnreadable.text(lang).into()),
                }
            });
        })
    };
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |_: Event| keep.set(!*keep))
    };
    let on_accept = {
        let accepted = accepted.clone();
        Callback::from(move |_: Event| accepted.set(!*accepted))
    };
    html! {
        <section class="matching no-print" aria-labelledby={TITLE_ID}>
            <h2 id={TITLE_ID} tabindex="-1">{ T::MatchTitle.fill(lang, &[("file", &p.asked.name)]) }</h2>
            <p>{ T::MatchIntro.fill(lang, &[("n", &m.header_line.to_string())]) }</p>
            if unknown > 0 {
                <p>{ T::MatchUnknown.fill(lang, &[("n", &unknown.to_string())]) }</p>
            }
            if !missing.is_empty() {
                <div class="notice">
                    <p><strong>{ T::MatchMissing.text(lang) }</strong></p>
                    <ul>{ for missing.iter().map(|x| html! { <li>{ say(x) }</li> }) }</ul>
                </div>
            }
            <div class="table-scroll" role="region" tabindex="0" aria-label={T::MatchColumns.text(lang)}>
                <table class="register matching-table">
                    <thead><tr>
                        <th scope="col">{ T::MatchColumn.text(lang) }</th>
                        <th scope="col">{ T::MatchHeader.text(lang) }</th>
                        <th scope="col">{ T::MatchSamples.text(lang) }</th>
                        <th scope="col">{ T::MatchIs.text(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !defaults.is_empty() {
                <div class="defaults">
                    <p><strong>{ T::MatchDefaults.text(lang) }</strong></p>
                    <ul>{ for defaults.iter().map(|x| html! { <li>{ say(x) }</li> }) }</ul>
                    <label class="check"><input type="checkbox" class="accept-defaults" checked={*accepted} onchange={on_accept} />{ T::MatchAccept.text(lang) }</label>
                </div>
            }
            <label class="check"><input type="checkbox" class="remember-columns" checked={*keep} onchange={on_keep} />
                { T::MatchRemember.text(lang) }</label>
            if !error.is_empty() {
                <p class="error" role="alert">{ (*error).clone() }</p>
            }
            <div class="desk-actions">
                <button type="button" class="primary matching-go" onclick={go}>{ T::MatchGo.text(lang) }</button>
                <button type="button" class="secondary matching-save" onclick={save}>{ T::MatchSave.text(lang) }</button>
                <label class="file-button secondary" for="matching-file">{ T::MatchOpen.text(lang) }</label>
                <input type="file" id="matching-file" class="file-input" accept=".json,application/json" onchange={open} />
            </div>
            <p class="hint">{ T::MatchHint.text(lang) }</p>
        </section>
    }
}
