//! The 统计 view's charts (issue 22), drawn as SVG text here: bars by item and status, bars
//! by family type and by place, and the coming twelve months as columns, each number written
//! beside its bar as `<text>`, so the clerk reads the figure without measuring a bar and a
//! test reads it back from the SVG.
//!
//! Hand-written rather than `plotters` (with its SVG backend): the charts are a few
//! rectangles and texts, and `plotters` on wasm32 measures text through a canvas of the page
//! (its `web` font module), which a worker has not and which the tests could not pin; the
//! bytes it would add to the office bundle are in docs/decisions.md and docs/quality.md.
//!
//! Pure: the figures come from `stats::Stats` (one source for the charts, the 统计 sheet and
//! `fuzhu register --stats`), the words are passed in by the caller in its language.

use std::fmt::Write;

/// One column of numbers beside the bars: its name, its colour, and whether it is a part of
/// the bar (stacked, in order) or a number only.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: &'static str,
    /// A key for the tests and the styles: `eligible`, `check`, `future`, `received` …
    pub key: &'static str,
    pub colour: &'static str,
    pub in_bar: bool,
}

/// One bar: its label (cut to fit, the whole label in its tooltip) and a value per series.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    /// `None`: the register has no figure for it (shown as —).
    pub values: Vec<Option<usize>>,
}

/// The colours of the statuses, as the results' badges (styles/main.css: --ok, --warn, the
/// accent) and dark enough for white numbers beside them (WCAG AA on white for the texts).
pub const ELIGIBLE: &str = "#146c2e";
pub const CHECK: &str = "#8a4b00";
pub const FUTURE: &str = "#0b5cad";
pub const NEUTRAL: &str = "#3d3d3d";
pub const MOTHERS: &str = "#a3195b";
pub const PARENTS: &str = "#0b5cad";

const WIDTH: f64 = 960.0;
const LABEL_END: f64 = 300.0;
const BAR_START: f64 = 310.0;
const ROW_H: f64 = 24.0;
const TOP: f64 = 30.0;
const FONT: f64 = 14.0;
const NUMBER_W: f64 = 76.0;

/// A coordinate in whole pixels (written as integers: no float formatting in the wasm).
fn px(v: f64) -> i64 {
    v.round() as i64
}

/// XML's five escapes: a register's 社区 names are the office's own text.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c => o.push(c),
        }
    }
    o
}

/// A label's width in the chart's font, a CJK character as one em, other characters as half.
fn width(s: &str) -> f64 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
        .sum::<f64>()
        * FONT
}

/// The label cut to `max` pixels with an ellipsis; a bracketed explanation goes first
/// (就医优先（绿色通道…） → 就医优先).
pub fn short(label: &str, max: f64) -> String {
    if width(label) <= max {
        return label.to_string();
    }
    let base = match label.find('（') {
        Some(k) if k > 0 => &label[..k],
        _ => label,
    };
    if width(base) <= max {
        return base.to_string();
    }
    let mut out = String::new();
    for c in base.chars() {
        out.push(c);
        if width(&out) > max - FONT {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

fn head(o: &mut String, id: &str, title: &str, height: f64) {
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" role="img" aria-labelledby="{id}-title" viewBox="0 0 {} {}" width="100%" font-size="{FONT}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif"><title id="{id}-title">{}</title>"#,
        px(WIDTH),
        px(height),
        escape(title)
    );
}

/// Horizontal bars, one per row, the `in_bar` series stacked in order, every series' number
/// in a column of its own at the right with its name on top (the legend).
pub fn bars(id: &str, title: &str, series: &[Series], rows: &[Row]) -> String {
    let numbers_x = WIDTH - NUMBER_W * series.len() as f64;
    let bar_w = numbers_x - BAR_START - 16.0;
    let total = |r: &Row| -> usize {
        r.values
            .iter()
            .zip(series)
            .filter(|(_, s)| s.in_bar)
            .map(|(v, _)| v.unwrap_or(0))
            .sum()
    };
    let max = rows.iter().map(total).max().unwrap_or(0).max(1) as f64;
    let height = TOP + ROW_H * rows.len() as f64 + 8.0;
    let mut o = String::new();
    head(&mut o, id, title, height);
    // The legend: a row over the bars, each series' swatch in the colour of its bar and of
    // its numbers.
    let mut lx = BAR_START;
    for s in series {
        let _ = write!(
            o,
            r#"<rect x="{}" y="8" width="12" height="12" fill="{}"/><text class="chart-legend" x="{}" y="19" fill="{NEUTRAL}">{}</text>"#,
            px(lx),
            s.colour,
            px(lx + 16.0),
            escape(s.name)
        );
        lx += 16.0 + width(s.name) + 24.0;
    }
    for (i, r) in rows.iter().enumerate() {
        let y = TOP + ROW_H * i as f64;
        let mid = y + ROW_H / 2.0 + FONT * 0.35;
        let _ = write!(
            o,
            r##"<g class="bar-row" data-label="{}"><title>{}</title><text class="chart-label" x="{LABEL_END}" y="{mid}" text-anchor="end" fill="#111">{}</text>"##,
            escape(&r.label),
            escape(&r.label),
            escape(&short(&r.label, LABEL_END - 4.0)),
            LABEL_END = px(LABEL_END),
            mid = px(mid)
        );
        let mut x = BAR_START;
        for (v, s) in r.values.iter().zip(series) {
            let v = v.unwrap_or(0);
            if !s.in_bar || v == 0 {
                continue;
            }
            let w = bar_w * v as f64 / max;
            let _ = write!(
                o,
                r#"<rect class="seg {}" x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                s.key,
                px(x),
                px(y + 4.0),
                (px(x + w) - px(x)).max(1),
                px(ROW_H - 8.0),
                s.colour
            );
            x += w;
        }
        for (k, (v, s)) in r.values.iter().zip(series).enumerate() {
            let tx = numbers_x + NUMBER_W * (k as f64 + 1.0) - 4.0;
            let text = v.map_or("—".to_string(), |v| v.to_string());
            let _ = write!(
                o,
                r#"<text class="n" data-series="{}" x="{tx}" y="{mid}" text-anchor="end" fill="{}">{text}</text>"#,
                s.key,
                s.colour,
                tx = px(tx),
                mid = px(mid)
            );
        }
        o.push_str("</g>");
    }
    o.push_str("</svg>");
    o
}

/// Columns for the coming months, the series side by side in each month, each column's
/// number over it; the months' names under them.
pub fn columns(
    id: &str,
    title: &str,
    series: &[Series],
    months: &[(String, Vec<usize>)],
) -> String {
    let height = 260.0;
    let (left, right, top, base) = (40.0, WIDTH - 10.0, 48.0, height - 36.0);
    let max = months
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = (right - left) / months.len().max(1) as f64;
    let col_w = (slot - 12.0) / series.len().max(1) as f64;
    let mut o = String::new();
    head(&mut o, id, title, height);
    let mut lx = left;
    for s in series {
        let _ = write!(
            o,
            r#"<rect x="{lx}" y="10" width="12" height="12" fill="{}"/><text class="chart-legend" x="{}" y="21" fill="{NEUTRAL}">{}</text>"#,
            s.colour,
            px(lx + 18.0),
            escape(s.name),
            lx = px(lx)
        );
        lx += 18.0 + width(s.name) + 28.0;
    }
    let _ = write!(
        o,
        r##"<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#767676"/>"##,
        left = px(left),
        base = px(base),
        right = px(right)
    );
    for (m, (label, values)) in months.iter().enumerate() {
        let x0 = left + slot * m as f64 + 6.0;
        let _ = write!(
            o,
            r##"<g class="month" data-month="{}"><text class="chart-label" x="{}" y="{}" text-anchor="middle" fill="#111">{}</text>"##,
            escape(label),
            px(x0 + (slot - 12.0) / 2.0),
            px(base + 20.0),
            escape(label)
        );
        for (k, (v, s)) in values.iter().zip(series).enumerate() {
            let h = (base - top) * *v as f64 / max;
            let x = x0 + col_w * k as f64;
            if *v > 0 {
                let _ = write!(
                    o,
                    r#"<rect class="seg {}" x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    s.key,
                    px(x),
                    px(base - h),
                    px(col_w - 2.0),
                    px(h).max(1),
                    s.colour
                );
            }
            let _ = write!(
                o,
                r#"<text class="n" data-series="{}" x="{}" y="{}" text-anchor="middle" fill="{}">{v}</text>"#,
                s.key,
                px(x + (col_w - 2.0) / 2.0),
                px(base - h - 4.0),
                s.colour
            );
        }
        o.push_str("</g>");
    }
    o.push_str("</svg>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> Vec<Series> {
        vec![
            Series {
                name: "可以享受",
                key: "eligible",
                colour: ELIGIBLE,
                in_bar: true,
            },
            Series {
                name: "已领",
                key: "received",
                colour: NEUTRAL,
                in_bar: false,
            },
        ]
    }

    #[test]
    fn every_number_is_written_beside_its_bar_and_a_missing_one_as_a_dash() {
        let rows = vec![
            Row {
                label: "特别扶助金".into(),
                values: vec![Some(12), None],
            },
            Row {
                label: "<东苑&社区>".into(),
                values: vec![Some(0), Some(3)],
            },
        ];
        let svg = bars("c", "标题", &series(), &rows);
        assert!(svg.contains(r##"data-series="eligible" x="880" y="47" text-anchor="end" fill="#146c2e">12</text>"##), "{svg}");
        assert!(svg.contains(">—</text>"));
        assert!(svg.contains(">3</text>"));
        assert!(svg.contains("&lt;东苑&amp;社区&gt;"));
        assert!(!svg.contains("<东苑"));
        // A zero draws no bar.
        assert_eq!(svg.matches("<rect class=\"seg").count(), 1);
    }

    #[test]
    fn a_label_too_long_is_cut_before_its_brackets_then_with_an_ellipsis() {
        assert_eq!(short("其他（子女健在）", 296.0), "其他（子女健在）");
        assert_eq!(
            short(
                "就医优先（绿色通道、健康档案、上门服务、免挂号费、免120费用）",
                296.0
            ),
            "就医优先"
        );
        let cut = short(&"长".repeat(40), 100.0);
        assert!(cut.ends_with('…') && width(&cut) <= 100.0, "{cut}");
    }

    #[test]
    fn each_month_writes_each_series_number_even_when_it_is_nought() {
        let months = vec![
            ("2026-12".to_string(), vec![1, 0]),
            ("2027-01".to_string(), vec![0, 2]),
        ];
        let svg = columns("m", "今后12个月", &series(), &months);
        assert_eq!(svg.matches("class=\"n\"").count(), 4);
        assert_eq!(svg.matches("<rect class=\"seg").count(), 2);
    }
}

/// The 统计 view's charts, from the statistics, in the page's language: each an id and its
/// SVG, in the order the view shows them.
pub mod of_stats {
    use super::{bars, columns, Row, Series, CHECK, ELIGIBLE, FUTURE, MOTHERS, NEUTRAL, PARENTS};
    use crate::flow::text::Lang;
    use crate::register::stats::Stats;
    use crate::rules::BENEFITS;

    fn s(name: &'static str, key: &'static str, colour: &'static str, in_bar: bool) -> Series {
        Series {
            name,
            key,
            colour,
            in_bar,
        }
    }

    /// Bars by item and status: 可以享受, 需要核实, 将来可以享受 stacked, 已领 beside.
    pub fn items(st: &Stats, lang: Lang) -> String {
        let mut series = vec![
            s(
                lang.pick("可以享受", "Can claim"),
                "eligible",
                ELIGIBLE,
                true,
            ),
            s(lang.pick("需要核实", "To confirm"), "check", CHECK, true),
            s(lang.pick("将来可以享受", "Later"), "future", FUTURE, true),
        ];
        let received = st.items.iter().any(|i| i.received.is_some());
        if received {
            series.push(s(lang.pick("已领", "Receive"), "received", NEUTRAL, false));
        }
        let rows: Vec<Row> = st
            .items
            .iter()
            .zip(BENEFITS.iter())
            .map(|(i, b)| {
                let mut values = vec![Some(i.eligible), Some(i.check), Some(i.future)];
                if received {
                    values.push(i.received);
                }
                Row {
                    label: lang.pick(i.zh, b.en).to_string(),
                    values,
                }
            })
            .collect();
        bars(
            "chart-items",
            lang.pick("各项目的户数", "Households per item"),
            &series,
            &rows,
        )
    }

    /// The coming twelve months: mothers turning 49, parents turning 60.
    pub fn months(st: &Stats, lang: Lang) -> String {
        let series = [
            s(
                lang.pick("女方满49周岁", "Mothers turning 49"),
                "mothers49",
                MOTHERS,
                true,
            ),
            s(
                lang.pick("父母满60周岁", "Parents turning 60"),
                "parents60",
                PARENTS,
                true,
            ),
        ];
        let months: Vec<(String, Vec<usize>)> = st
            .months
            .iter()
            .map(|m| {
                (
                    m.month.format("%Y-%m").to_string(),
                    vec![m.mothers_49, m.parents_60],
                )
            })
            .collect();
        columns(
            "chart-months",
            lang.pick(
                "今后12个月：女方满49周岁、父母满60周岁（特殊家庭）",
                "The next 12 months: mothers turning 49, parents turning 60 (special families)",
            ),
            &series,
            &months,
        )
    }
}

/// A table as HTML text, for the office page to show as it is (`Html::from_html_unchecked`):
/// the 统计 tables and the lists of changes are many cells and no controls, and text costs
/// the office bundle far less than a Yew element per cell. `attrs` go on the table, each row
/// is its `<tr>`'s attributes and its cells; with `row_heads`, each row's first cell is its
/// header. Every text is escaped; an empty header cell is a plain cell.
pub fn html_table(
    attrs: &str,
    caption: Option<&str>,
    head: &[String],
    rows: &[(String, Vec<String>)],
    row_heads: bool,
) -> String {
    let mut o = format!("<table {attrs}>");
    if let Some(c) = caption {
        let _ = write!(o, "<caption>{}</caption>", escape(c));
    }
    o.push_str("<thead><tr>");
    for h in head {
        if h.is_empty() {
            o.push_str("<td></td>");
        } else {
            let _ = write!(o, "<th scope=\"col\">{}</th>", escape(h));
        }
    }
    o.push_str("</tr></thead><tbody>");
    for (tr, cells) in rows {
        let _ = write!(o, "<tr{}{tr}>", if tr.is_empty() { "" } else { " " });
        for (k, c) in cells.iter().enumerate() {
            let tag = if k == 0 && row_heads {
                "th scope=\"row\""
            } else {
                "td"
            };
            let end = if k == 0 && row_heads { "th" } else { "td" };
            let _ = write!(o, "<{tag}>{}</{end}>", escape(c));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
    o
}

#[cfg(test)]
mod table_tests {
    use super::html_table;

    #[test]
    fn a_table_as_text_escapes_every_cell_and_heads_its_rows() {
        let t = html_table(
            "class=\"t\"",
            Some("金额"),
            &["".into(), "每月".into()],
            &[("class=\"r\"".into(), vec!["<可以>".into(), "8580".into()])],
            true,
        );
        assert_eq!(
            t,
            "<table class=\"t\"><caption>金额</caption><thead><tr><td></td><th scope=\"col\">每月</th></tr></thead><tbody><tr class=\"r\"><th scope=\"row\">&lt;可以&gt;</th><td>8580</td></tr></tbody></table>"
        );
    }
}
