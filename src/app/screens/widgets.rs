//! The few input shapes the questions use, each a labelled native control so phones, screen
//! readers and keyboards all work without extra scripting: large radio cards, tick boxes, a
//! year/month/day picker and a number box.
//!
//! Plain functions returning `Html`, not components: none keeps state of its own, and each
//! component type costs the wasm its own copy of Yew's component machinery (about 2 KB of the
//! first load gzipped for these four, docs/quality.md).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::flow::questions::{DateParts, DayPick, MONTH_NOT_SURE};
use crate::rules::facts::{number, signed_number};

pub struct RadioCardsProps {
    /// The radio group's name; unique on the page.
    pub name: AttrValue,
    pub options: Vec<AttrValue>,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
}

pub fn radio_cards(props: RadioCardsProps) -> Html {
    html! {
        <div class="cards">
            { for props.options.iter().enumerate().map(|(i, label)| {
                let on_select = props.on_select.clone();
                let onchange = Callback::from(move |_: Event| on_select.emit(i));
                let checked = props.selected == Some(i);
                html! {
                    <label ~className={if checked { "card checked" } else { "card" }}>
                        <input type="radio" name={props.name.clone()} value={number(i as u64)}
                            {checked} {onchange} />
                        <span>{ label.clone() }</span>
                    </label>
                }
            }) }
        </div>
    }
}

pub struct TickProps {
    pub label: AttrValue,
    pub checked: bool,
    pub on_toggle: Callback<bool>,
}

pub fn tick(props: TickProps) -> Html {
    let on_toggle = props.on_toggle.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_toggle.emit(input.checked());
    });
    html! {
        <label ~className={if props.checked { "card tick checked" } else { "card tick" }}>
            <input type="checkbox" checked={props.checked} {onchange} />
            <span>{ props.label.clone() }</span>
        </label>
    }
}

pub struct DatePickerProps {
    pub id: AttrValue,
    pub value: DateParts,
    pub first_year: i32,
    pub last_year: i32,
    /// The year the list opens at: the empty choice stands just before it in the list
    /// (newest first), so a phone's picker, which opens on the chosen option, shows this year
    /// right after it with nothing chosen. `None`: the empty choice comes first.
    pub opens_at: Option<i32>,
    /// Labels for year, month, day, the empty choice, and the month's and day's "not sure"
    /// choice.
    pub labels: [AttrValue; 5],
    pub on_change: Callback<DateParts>,
}

pub fn date_picker(props: DatePickerProps) -> Html {
    let v = props.value;
    // `blank_at`: where the empty choice stands among the options.
    let select = |part: usize,
                  options: Vec<(u32, String)>,
                  blank_at: usize,
                  current: Option<u32>| {
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let n: Option<u32> = sel.value().parse().ok();
            let mut next = v;
            match part {
                0 => next.year = n.map(|y| y as i32),
                // The month's 记不清 (as 0): the day is not known either.
                1 => {
                    next.month = n;
                    if n == Some(MONTH_NOT_SURE) {
                        next.day = Some(DayPick::NotSure);
                    }
                }
                // The day's list ends with "not sure", as 0.
                _ => {
                    next.day = n.map(|d| {
                        if d == 0 {
                            DayPick::NotSure
                        } else {
                            DayPick::Day(d)
                        }
                    })
                }
            }
            on_change.emit(next);
        });
        let id = [props.id.as_str(), "-", &number(part as u64)].concat();
        html! {
            <div class="date-part">
                <label for={id.clone()}>{ props.labels[part].clone() }</label>
                <select id={id} {onchange}>
                    { for options.into_iter().enumerate().map(|(i, (n, text))| html! { <>
                        if i == blank_at {
                            <option value="" selected={current.is_none()}>{ props.labels[3].clone() }</option>
                        }
                        <option value={number(u64::from(n))} selected={current == Some(n)}>{ text }</option>
                    </> }) }
                </select>
            </div>
        }
    };
    let years = (props.first_year..=props.last_year)
        .rev()
        .map(|y| (y as u32, signed_number(i64::from(y))))
        .collect();
    let blank_year = props
        .opens_at
        .filter(|y| (props.first_year..=props.last_year).contains(y))
        .map_or(0, |y| (props.last_year - y) as usize);
    let months = (1..=12)
        .map(|m| (m, number(u64::from(m))))
        .chain([(MONTH_NOT_SURE, props.labels[4].as_str().to_owned())])
        .collect();
    let days = (1..=31)
        .map(|d| (d, number(u64::from(d))))
        .chain([(0, props.labels[4].as_str().to_owned())])
        .collect();
    let day = v.day.map(|d| match d {
        DayPick::Day(d) => d,
        DayPick::NotSure => 0,
    });
    html! {
        <div class="date-picker">
            { select(0, years, blank_year, v.year.map(|y| y as u32)) }
            { select(1, months, 0, v.month) }
            { select(2, days, 0, day) }
        </div>
    }
}

pub struct NumberBoxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub unit: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
}

pub fn number_box(props: NumberBoxProps) -> Html {
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on_input.emit(input.value());
    });
    html! {
        <div class="number-box">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <span class="with-unit">
                // Text, not type=number: a number box hands over "" for "12-" or "1e400",
                // which would read as 0; the flow reads the text itself (questions::parse_days).
                <input id={props.id.clone()} type="text" inputmode="numeric" pattern="[0-9]*"
                    autocomplete="off" value={props.value.clone()} {oninput} />
                <span class="unit">{ props.unit.clone() }</span>
            </span>
        </div>
    }
}
