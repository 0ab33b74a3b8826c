//! The site's charts: SVG written at build time by this small module (README, "Crates
//! and why", says why not a chart crate). Every chart has a `<title>` and a `<desc>`,
//! prints its figures as text beside its bars or in the table next to it, and tells
//! its series apart by patterns as well as by shade, so it reads without colour and on
//! paper. Coordinates are computed in decimals and printed with one decimal: the same
//! figures give the same bytes.

use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use super::html::esc;

/// One bar: its label, its value (what sets its length), the value as shown, and
/// which pattern fills it.
pub struct Bar {
    pub label: String,
    pub value: Decimal,
    pub shown: String,
    pub pattern: usize,
}

/// The fills, told apart without colour: solid, hatched, dotted, crossed, striped, gridded.
const PATTERNS: usize = 6;

fn defs(id: &str) -> String {
    let mut out = String::from("<defs>");
    let _ = write!(
        out,
        "<pattern id=\"{id}-p0\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#2f4b7c\"/></pattern>\
         <pattern id=\"{id}-p1\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dbe4f0\"/><rect width=\"2.5\" height=\"6\" fill=\"#2f4b7c\"/></pattern>\
         <pattern id=\"{id}-p2\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fde8cf\"/><circle cx=\"3\" cy=\"3\" r=\"1.6\" fill=\"#8a4b00\"/></pattern>\
         <pattern id=\"{id}-p3\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#f6d6d6\"/><path d=\"M0 0L8 8M8 0L0 8\" stroke=\"#8c1c1c\" stroke-width=\"1.5\"/></pattern>\
         <pattern id=\"{id}-p4\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#e2f0e4\"/><rect width=\"6\" height=\"2\" fill=\"#1f5f2e\"/></pattern>\
         <pattern id=\"{id}-p5\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"#e6d3f0\"/><path d=\"M0 4H8M4 0V8\" stroke=\"#4b1f66\" stroke-width=\"1.5\"/></pattern>"
    );
    out.push_str("</defs>");
    out
}

fn fill(id: &str, pattern: usize) -> String {
    format!("url(#{id}-p{})", pattern % PATTERNS)
}

/// A decimal coordinate with one decimal place, without trailing zeros.
fn coord(d: Decimal) -> String {
    d.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// `value / max × span`, never below zero; zero when `max` is zero.
fn scale(value: Decimal, max: Decimal, span: i64) -> Decimal {
    if max <= Decimal::ZERO || value <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    value
        .checked_mul(Decimal::from(span))
        .and_then(|v| v.checked_div(max))
        .unwrap_or(Decimal::from(span))
        .min(Decimal::from(span))
}

fn open(id: &str, width: i64, height: i64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        esc(title),
        esc(desc),
        defs(id)
    )
}

/// How many characters of a label fit left of `x` at the charts' 12 px (7.5 px a
/// character, Cyrillic being wide, and a margin).
fn fits(x: i64) -> usize {
    usize::try_from((x - 14) * 2 / 15).unwrap_or(10)
}

/// Cuts a label to `max` characters, with an ellipsis.
fn cut(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Horizontal bars, one a row, each labelled on the left and with its value at its
/// end.
pub fn bars(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    const LABEL: i64 = 250;
    const SPAN: i64 = 280;
    const ROW: i64 = 26;
    let width = LABEL + SPAN + 130;
    let height = ROW * i64::try_from(bars.len()).unwrap_or(0) + 12;
    let max = bars.iter().map(|b| b.value).max().unwrap_or_default();
    let mut out = open(id, width, height.max(40), title, desc);
    let mut y: i64 = 6;
    for b in bars {
        let w = scale(b.value, max, SPAN);
        let _ = write!(
            out,
            "<g><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1b1f24\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#1b1f24\" stroke-width=\"0.6\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#1b1f24\">{}</text></g>",
            LABEL - 6,
            y + 16,
            esc(&cut(&b.label, fits(LABEL))),
            y + 3,
            coord(w),
            ROW - 8,
            fill(id, b.pattern),
            coord(Decimal::from(LABEL + 4) + w),
            y + 16,
            esc(&b.shown),
        );
        y += ROW;
    }
    let _ = write!(
        out,
        "<line x1=\"{LABEL}\" y1=\"2\" x2=\"{LABEL}\" y2=\"{}\" stroke=\"#57606a\"/></svg>",
        height.max(40) - 2
    );
    out
}

/// One group of [`columns`]: its label and one value per series, as shown too.
pub struct Group {
    pub label: String,
    pub values: Vec<(Decimal, String)>,
}

/// Vertical bars in groups (months), one bar per series, with a legend that names
/// each series' pattern.
pub fn columns(id: &str, title: &str, desc: &str, series: &[&str], groups: &[Group]) -> String {
    const LEFT: i64 = 20;
    const TOP: i64 = 34;
    const HEIGHT: i64 = 180;
    let n = i64::try_from(groups.len()).unwrap_or(0).max(1);
    let per = i64::try_from(series.len()).unwrap_or(1).max(1);
    let group_w: i64 = 52;
    let bar_w = (group_w - 10) / per;
    let width = LEFT * 2 + n * group_w;
    let height = TOP + HEIGHT + 40;
    let max = groups
        .iter()
        .flat_map(|g| g.values.iter().map(|v| v.0))
        .max()
        .unwrap_or_default();
    let mut out = open(id, width, height, title, desc);
    let mut lx = LEFT;
    for (i, name) in series.iter().enumerate() {
        let _ = write!(
            out,
            "<rect x=\"{lx}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#1b1f24\" stroke-width=\"0.6\"/><text x=\"{}\" y=\"19\">{}</text>",
            fill(id, i),
            lx + 18,
            esc(name)
        );
        lx += 30 + 8 * i64::try_from(name.chars().count()).unwrap_or(10);
    }
    let base = TOP + HEIGHT;
    for (gi, g) in groups.iter().enumerate() {
        let gx = LEFT + i64::try_from(gi).unwrap_or(0) * group_w + 5;
        for (si, (value, shown)) in g.values.iter().enumerate() {
            let h = scale(*value, max, HEIGHT);
            let x = gx + i64::try_from(si).unwrap_or(0) * bar_w;
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#1b1f24\" stroke-width=\"0.6\"><title>{}: {}</title></rect>",
                coord(Decimal::from(base) - h),
                bar_w - 2,
                coord(h),
                fill(id, si),
                esc(&g.label),
                esc(shown)
            );
        }
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            gx + (group_w - 10) / 2,
            base + 16,
            esc(&g.label)
        );
    }
    let _ = write!(
        out,
        "<line x1=\"{LEFT}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#57606a\"/></svg>",
        width - LEFT
    );
    out
}

/// One row of a [`timeline`]: its label and the days from today of its marks (a
/// diamond for the notice date, a square for the end of the term).
pub struct Span {
    pub label: String,
    pub notice: Option<i64>,
    pub end: Option<i64>,
    /// Settled: drawn solid; not yet: hatched, and the label says so.
    pub settled: bool,
}

/// A timeline of `days` days from today, one row per item.
pub fn timeline(id: &str, title: &str, desc: &str, days: i64, rows: &[Span], axis: &str) -> String {
    const LABEL: i64 = 300;
    const SPAN: i64 = 340;
    const ROW: i64 = 26;
    let width = LABEL + SPAN + 30;
    let height = ROW * i64::try_from(rows.len()).unwrap_or(0) + 44;
    let x_of = |d: i64| {
        Decimal::from(LABEL) + scale(Decimal::from(d.clamp(0, days)), Decimal::from(days), SPAN)
    };
    let mut out = open(id, width, height, title, desc);
    let axis_y = height - 28;
    for tick in (0..=days).step_by(30) {
        let x = coord(x_of(tick));
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"4\" x2=\"{x}\" y2=\"{axis_y}\" stroke=\"#d0d7de\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{tick}</text>",
            axis_y + 14
        );
    }
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#57606a\">{}</text>",
        LABEL + SPAN / 2,
        axis_y + 26,
        esc(axis)
    );
    let mut y: i64 = 6;
    for r in rows {
        let pattern = if r.settled { 0 } else { 1 };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            y + 15,
            esc(&cut(&r.label, fits(LABEL)))
        );
        if let (Some(a), Some(b)) = (r.notice, r.end) {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#57606a\" stroke-dasharray=\"3 2\"/>",
                coord(x_of(a)),
                y + 11,
                coord(x_of(b)),
                y + 11
            );
        }
        if let Some(d) = r.notice {
            let x = x_of(d);
            let _ = write!(
                out,
                "<path d=\"M{} {}l7 7l-7 7l-7 -7z\" fill=\"{}\" stroke=\"#1b1f24\"/>",
                coord(x),
                y + 4,
                fill(id, pattern)
            );
        }
        if let Some(d) = r.end {
            let x = x_of(d) - Decimal::from(6);
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#1b1f24\"/>",
                coord(x),
                y + 5,
                fill(id, pattern)
            );
        }
        y += ROW;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let svg = bars(
            "c",
            "t<",
            "d",
            &[
                Bar {
                    label: "<b>".into(),
                    value: Decimal::from(50),
                    shown: "50".into(),
                    pattern: 0,
                },
                Bar {
                    label: "b".into(),
                    value: Decimal::from(100),
                    shown: "100".into(),
                    pattern: 1,
                },
            ],
        );
        assert!(svg.contains("width=\"140\""), "{svg}");
        assert!(svg.contains("width=\"280\""), "{svg}");
        assert!(svg.contains("&lt;b&gt;") && svg.contains("<title id=\"c-title\">t&lt;</title>"));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn nothing_to_scale_draws_nothing() {
        assert_eq!(scale(Decimal::ONE, Decimal::ZERO, 100), Decimal::ZERO);
        assert_eq!(scale(Decimal::from(-5), Decimal::TEN, 100), Decimal::ZERO);
        assert_eq!(coord(Decimal::new(3333, 2)), "33.3");
    }
}
