//! The office's own details (name, address, phone, hours), typed once on the office page:
//! they head every printed sheet exactly as an embedding office's do on the family page
//! (`app::host::set`, read by `screens::print_sheet`) and head the year's 名单. Kept in this
//! browser's localStorage only while 记住 is ticked; unticking removes them at once.

use yew::prelude::*;

use crate::app::host;
use crate::flow::text::Lang;
use crate::host::{check_phone, check_text, Office, MAX_ADDRESS, MAX_HOURS, MAX_NAME, MAX_PHONE};
use crate::register::roster;
use crate::register::text::Desk as T;

/// The localStorage key, used only while 记住 is ticked.
pub const KEY: &str = "fuzhu-office-details";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The four fields as typed, in order: name, address, phone, hours.
type Typed = [String; 4];

fn saved() -> Option<Typed> {
    let text = storage()?.get_item(KEY).ok().flatten()?;
    let mut parts = text.split('\n').map(str::to_string);
    Some([
        parts.next()?,
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    ])
}

/// The office the typed fields make: a field that is blank, too long or has refused
/// characters is left out (and said, for the last two).
fn office_of(t: &Typed) -> (Office, Vec<T>) {
    let mut bad = Vec::new();
    let mut take = |v: &str, r: Result<String, crate::host::Problem>, k: T| {
        if v.trim().is_empty() {
            return None;
        }
        r.map_err(|_| bad.push(k)).ok()
    };
    let o = Office {
        name: take(&t[0], check_text(&t[0], MAX_NAME), T::OfficeName),
        address: take(&t[1], check_text(&t[1], MAX_ADDRESS), T::OfficeAddress),
        phone: take(&t[2], check_phone(&t[2]), T::OfficePhone),
        hours: take(&t[3], check_text(&t[3], MAX_HOURS), T::OfficeHours),
        accent: None,
    };
    (o, bad)
}

/// The details as the 名单 takes them.
pub fn for_roster() -> roster::Office {
    let o = host::current();
    roster::Office {
        name: o.name.clone().unwrap_or_default(),
        address: o.address.clone().unwrap_or_default(),
        phone: o.phone.clone().unwrap_or_default(),
        hours: o.hours.clone().unwrap_or_default(),
    }
}

/// Reads remembered details, once, when the page starts.
pub fn restore() {
    if let Some(t) = saved() {
        host::set(office_of(&t).0);
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// The office the open register's 填报 line names (`Register::filed_by`): the name while
    /// the clerk has typed or remembered none.
    #[prop_or_default]
    pub filed_by: Option<String>,
}

#[function_component(OfficeDetails)]
pub fn office_details(p: &Props) -> Html {
    let lang = p.lang;
    let typed = use_state(|| {
        let o = host::current();
        let f = |v: &Option<String>| v.clone().unwrap_or_default();
        [f(&o.name), f(&o.address), f(&o.phone), f(&o.hours)]
    });
    let remember = use_state(|| saved().is_some());
    // Open at first while nothing is given; then as the clerk leaves it.
    let open_at_first = use_memo((), |_| host::current().name.is_none());
    let apply = {
        let (typed, remember) = (typed.clone(), remember.clone());
        move |t: Typed, keep: bool| {
            host::set(office_of(&t).0);
            if let Some(st) = storage() {
                let _ = if keep {
                    st.set_item(KEY, &t.join("\n"))
                } else {
                    st.remove_item(KEY)
                };
            }
            typed.set(t);
            remember.set(keep);
        }
    };
    let field = |k: usize, label: T, id: &'static str, kind: &'static str, max: usize| {
        let oninput = {
            let (typed, remember, apply) = (typed.clone(), remember.clone(), apply.clone());
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut t = (*typed).clone();
                t[k] = input.value();
                apply(t, *remember);
            })
        };
        html! {
            <label class="office-field" for={id}>
                <span>{ label.text(lang) }</span>
                <input {id} type={kind} value={typed[k].clone()} maxlength={(max + 10).to_string()} {oninput} autocomplete="off" />
            </label>
        }
    };
    let onchange = {
        let (typed, apply) = (typed.clone(), apply.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            apply((*typed).clone(), input.checked());
        })
    };
    // The register's 填报单位 fills a blank name, and replaces one it filled before (another
    // register opened); never a name the clerk typed or remembered.
    let from_register = use_state(|| None::<String>);
    {
        let (typed, remember, apply, from_register) = (
            typed.clone(),
            remember.clone(),
            apply.clone(),
            from_register.clone(),
        );
        use_effect_with(p.filed_by.clone(), move |filed_by| {
            let name = typed[0].trim();
            if name.is_empty() || from_register.as_deref() == Some(name) {
                if let Some(n) = filed_by
                    .clone()
                    .or(from_register.is_some().then(String::new))
                {
                    let mut t = (*typed).clone();
                    t[0] = n.clone();
                    apply(t, *remember);
                    from_register.set((!n.is_empty()).then_some(n));
                }
            }
        });
    }
    let (_, bad) = office_of(&typed);
    html! {
        <details class="office-details no-print" open={*open_at_first}>
            <summary>{ T::OfficeTitle.text(lang) }</summary>
            <div class="office-fields">
                { field(0, T::OfficeName, "office-name", "text", MAX_NAME) }
                { field(1, T::OfficeAddress, "office-address", "text", MAX_ADDRESS) }
                { field(2, T::OfficePhone, "office-phone", "tel", MAX_PHONE) }
                { field(3, T::OfficeHours, "office-hours", "text", MAX_HOURS) }
            </div>
            if from_register.as_deref().is_some_and(|n| n == typed[0]) {
                <p class="hint">{ T::OfficeFiledBy.text(lang) }</p>
            }
            <label class="office-remember">
                <input type="checkbox" id="office-remember" checked={*remember} {onchange} />
                { T::OfficeRemember.text(lang) }
            </label>
            { for bad.iter().map(|k| html! {
                <p class="error" role="alert">{ T::OfficeBad.fill(lang, &[("field", k.text(lang))]) }</p>
            }) }
        </details>
    }
}
