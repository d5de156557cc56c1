//! The report's charts: a horizontal bar chart of one record's sections, a dot plot of each
//! group's result per section, and small multiples of the results over time.
//!
//! Each chart is built as items in its own coordinates (origin at its top-left corner) and
//! placed by [`Flow::figure`]. Colour never carries meaning alone: every bar and every mark is
//! labelled with its name and number, each series has its own hatching on bars and its own
//! marker shape on dot plots, so the charts read the same in grey-scale print.

use super::layout::{Align, Flow, GREY, INK, Item, Para, Pen, RULE, Seg, text_item};
use super::text::{Rgb, Weight};
use crate::words::score_text;

/// Series colours. White text on each has a contrast ratio of at least 6:1, and their
/// lightness differs, but hatching and markers tell them apart too.
const PALETTE: [Rgb; 8] = [
    Rgb(0x1f, 0x3a, 0x5f),
    Rgb(0x0b, 0x6e, 0x4f),
    Rgb(0x9a, 0x34, 0x12),
    Rgb(0x5b, 0x2a, 0x86),
    Rgb(0x00, 0x5a, 0x9c),
    Rgb(0x7a, 0x1f, 0x3d),
    Rgb(0x4d, 0x5a, 0x12),
    Rgb(0x3f, 0x3f, 0x46),
];

const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const GRID: Rgb = Rgb(0xc9, 0xd0, 0xd8);

/// Series colour.
pub fn color(series: usize) -> Rgb {
    PALETTE[series % PALETTE.len()]
}

/// One bar.
pub struct Bar {
    /// Its label (a section, or a record).
    pub label: String,
    /// Its value, if scored.
    pub value: Option<f64>,
    /// Which series (0 = the combined result or a single record).
    pub series: usize,
}

/// Bars under a common heading (a section, when records are compared).
pub struct BarGroup {
    /// The heading, or none.
    pub title: Option<String>,
    /// The bars.
    pub bars: Vec<Bar>,
}

/// The scale the values are on.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
}

impl Scale {
    fn fraction(self, v: f64) -> f32 {
        let span = (self.max - self.min).max(f64::EPSILON);
        let f = ((v - self.min) / span).clamp(0.0, 1.0) as f32;
        if f.is_finite() { f } else { 0.0 }
    }

    /// The values marked on an axis: every whole level when there are at most ten, else round
    /// steps (1, 2 or 5 times a power of ten) that give at most ten marks, whatever the scale.
    pub fn ticks(self) -> Vec<f64> {
        const MOST: f64 = 10.0;
        if !(self.min.is_finite() && self.max.is_finite()) || self.max < self.min {
            return Vec::new();
        }
        let span = self.max - self.min;
        let step = if span <= MOST {
            1.0
        } else {
            let raw = span / MOST;
            let power = 10f64.powf(raw.log10().floor());
            let m = raw / power;
            let k = if m <= 1.0 {
                1.0
            } else if m <= 2.0 {
                2.0
            } else if m <= 5.0 {
                5.0
            } else {
                10.0
            };
            k * power
        };
        let first = (self.min / step).ceil();
        let last = (self.max / step).floor();
        let count = (last - first).clamp(0.0, 2.0 * MOST) as usize;
        (0..=count)
            .map(|i| (first + i as f64) * step)
            .filter(|v| *v <= self.max)
            .collect()
    }
}

/// A tick's number: whole levels as they are, large round steps shortened (250k, 1.5m, 2bn).
fn tick_label(v: f64) -> String {
    let short = |x: f64, unit: &str| {
        let t = format!("{x:.1}");
        format!("{}{unit}", t.strip_suffix(".0").unwrap_or(&t))
    };
    let a = v.abs();
    if a >= 1e9 {
        short(v / 1e9, "bn")
    } else if a >= 1e6 {
        short(v / 1e6, "m")
    } else if a >= 1e4 {
        short(v / 1e3, "k")
    } else {
        format!("{v:.0}")
    }
}

/// The room a bar group's title takes, for labels of this size.
fn group_title_h(label: f32) -> f32 {
    label * 1.8
}

/// The room under the plot for the axis numbers and caption, for labels of this size.
fn axis_h(label: f32) -> f32 {
    label * 3.6
}

/// The height of a bar chart with these groups at this row pitch, labels of this size.
pub fn bar_chart_height(groups: &[BarGroup], pitch: f32, label: f32) -> f32 {
    groups
        .iter()
        .map(|g| {
            let title = if g.title.is_some() {
                group_title_h(label)
            } else {
                0.0
            };
            title + g.bars.len() as f32 * pitch + 6.0
        })
        .sum::<f32>()
        + axis_h(label)
}

/// A horizontal bar chart `width` wide; returns its items and height.
pub fn bar_chart(
    flow: &mut Flow<'_>,
    groups: &[BarGroup],
    scale: Scale,
    axis_caption: &str,
    width: f32,
    pitch: f32,
) -> (Vec<Item>, f32) {
    let label_size = flow.sizes.label;
    let mut items = Vec::new();
    let label_w = groups
        .iter()
        .flat_map(|g| &g.bars)
        .map(|b| flow.fonts.width(&b.label, Weight::Regular, label_size))
        .fold(0.0, f32::max)
        .min(width * 0.36)
        + 8.0;
    let x0 = label_w;
    let x1 = width - 4.0;
    let plot_w = x1 - x0;
    let height = bar_chart_height(groups, pitch, label_size);
    let plot_bottom = height - axis_h(label_size);

    // Whole levels: grid lines beside each group's bars, numbers below the plot.
    let ticks: Vec<(f64, f32)> = scale
        .ticks()
        .into_iter()
        .map(|level| (level, x0 + scale.fraction(level) * plot_w))
        .collect();
    for &(level, x) in &ticks {
        let para = Para::plain(tick_label(level), label_size, Weight::Regular, GREY)
            .aligned(Align::Center);
        if let Some(line) = flow.wrap(&para, 40.0).pop() {
            items.push(text_item(
                line,
                Align::Center,
                para.leading,
                label_size,
                x - 20.0,
                40.0,
                plot_bottom + 2.0,
            ));
        }
    }
    let caption = Para::plain(axis_caption, label_size, Weight::Regular, GREY);
    if let Some(line) = flow.wrap(&caption, plot_w).into_iter().next() {
        items.push(text_item(
            line,
            Align::Left,
            caption.leading,
            label_size,
            x0,
            plot_w,
            plot_bottom + label_size * 1.75,
        ));
    }

    let bar_h = (pitch * 0.74).max(8.0);
    let mut y = 0.0;
    for group in groups {
        if let Some(title) = &group.title {
            let para = Para::plain(title.clone(), label_size + 0.5, Weight::Bold, INK);
            let title_h = group_title_h(label_size);
            if let Some(line) = flow.wrap(&para, width).into_iter().next() {
                items.push(text_item(
                    line,
                    Align::Left,
                    title_h,
                    para.size,
                    0.0,
                    width,
                    y,
                ));
            }
            y += title_h;
        }
        let bars_h = group.bars.len() as f32 * pitch;
        let mut grid = Vec::new();
        for &(_, x) in &ticks {
            grid.push(Seg::Move(x, y));
            grid.push(Seg::Line(x, y + bars_h));
        }
        items.push(Item::Path {
            segs: grid,
            fill: None,
            stroke: Some(Pen::solid(GRID, 0.5)),
        });
        items.push(Item::line(x0, y, x0, y + bars_h, Pen::solid(INK, 0.8)));
        for bar in &group.bars {
            let label = Para::plain(bar.label.clone(), label_size, Weight::Regular, INK)
                .aligned(Align::Right);
            if let Some(line) = flow.wrap(&label, label_w - 8.0).into_iter().next() {
                items.push(text_item(
                    line,
                    Align::Right,
                    pitch,
                    label_size,
                    0.0,
                    label_w - 8.0,
                    y,
                ));
            }
            let top = y + (pitch - bar_h) / 2.0;
            match bar.value {
                Some(v) => {
                    let len = scale.fraction(v) * plot_w;
                    let fill = color(bar.series);
                    let text = score_text(v);
                    let value_w = flow.fonts.width(&text, Weight::Bold, label_size);
                    let cap = value_w + 8.0;
                    let inside = len >= cap + 2.0;
                    items.push(Item::Rect {
                        x: x0,
                        y: top,
                        w: len.max(1.0),
                        h: bar_h,
                        fill,
                    });
                    // Hatching, leaving the end of the bar plain so its number stays legible.
                    let hatch_w = if inside { len - cap } else { len };
                    items.extend(pattern(bar.series, x0, top, hatch_w, bar_h));
                    let (color, x) = if inside {
                        (WHITE, x0 + len - value_w - 4.0)
                    } else {
                        (INK, x0 + len + 3.0)
                    };
                    let para = Para::plain(text, label_size, Weight::Bold, color);
                    let box_w = value_w + 2.0;
                    if let Some(line) = flow.wrap(&para, box_w).into_iter().next() {
                        items.push(text_item(line, Align::Left, pitch, label_size, x, box_w, y));
                    }
                }
                None => {
                    let para = Para::plain("no score", label_size, Weight::Regular, GREY);
                    if let Some(line) = flow.wrap(&para, plot_w).pop() {
                        items.push(text_item(
                            line,
                            Align::Left,
                            pitch,
                            label_size,
                            x0 + 3.0,
                            plot_w,
                            y,
                        ));
                    }
                }
            }
            y += pitch;
        }
        y += 6.0;
    }
    (items, height)
}

/// Hatching for a series inside a rectangle: none, diagonal, horizontal, dots, cross-hatch,
/// back-diagonal, vertical, and so on in turn. One path, so one drawing operation.
pub fn pattern(series: usize, x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    if w <= 1.0 || h <= 1.0 {
        return Vec::new();
    }
    let step = 4.0;
    let mut segs = Vec::new();
    let diagonal = |slope: f32, segs: &mut Vec<Seg>| {
        // Lines from (c, bottom) to (c + slope * h, top), clipped to the rectangle.
        let mut c = x - h * 2.0;
        while c < x + w + h * 2.0 {
            if let Some((p, q)) = clip(c, y + h, c + slope * h, y, x, y, w, h) {
                segs.push(Seg::Move(p.0, p.1));
                segs.push(Seg::Line(q.0, q.1));
            }
            c += step * 1.4;
        }
    };
    match series % 7 {
        0 => {}
        1 => diagonal(1.0, &mut segs),
        2 => {
            let mut yy = y + step / 2.0;
            while yy < y + h {
                segs.push(Seg::Move(x, yy));
                segs.push(Seg::Line(x + w, yy));
                yy += step * 0.9;
            }
        }
        3 => {
            let mut dots = Vec::new();
            let mut yy = y + 2.0;
            let mut row = 0;
            while yy < y + h - 1.0 {
                let mut xx = x + 2.0 + if row % 2 == 1 { 2.0 } else { 0.0 };
                while xx < x + w - 1.0 {
                    dots.extend(circle(xx, yy, 0.8));
                    xx += 4.0;
                }
                yy += 3.0;
                row += 1;
            }
            return vec![Item::Path {
                segs: dots,
                fill: Some(WHITE),
                stroke: None,
            }];
        }
        4 => {
            diagonal(1.0, &mut segs);
            diagonal(-1.0, &mut segs);
        }
        5 => diagonal(-1.0, &mut segs),
        _ => {
            let mut xx = x + step / 2.0;
            while xx < x + w {
                segs.push(Seg::Move(xx, y));
                segs.push(Seg::Line(xx, y + h));
                xx += step;
            }
        }
    }
    if segs.is_empty() {
        return Vec::new();
    }
    vec![Item::Path {
        segs,
        fill: None,
        stroke: Some(Pen::solid(WHITE, 0.9)),
    }]
}

/// Clips the segment (x1, y1)–(x2, y2) to a rectangle (Liang–Barsky).
#[allow(clippy::too_many_arguments)]
fn clip(
    x1: f32,
    y1: f32,
    x2: f32,
    y2: f32,
    rx: f32,
    ry: f32,
    rw: f32,
    rh: f32,
) -> Option<((f32, f32), (f32, f32))> {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let mut t0: f32 = 0.0;
    let mut t1: f32 = 1.0;
    for (p, q) in [
        (-dx, x1 - rx),
        (dx, rx + rw - x1),
        (-dy, y1 - ry),
        (dy, ry + rh - y1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 < t1).then_some(((x1 + t0 * dx, y1 + t0 * dy), (x1 + t1 * dx, y1 + t1 * dy)))
}

fn circle(cx: f32, cy: f32, r: f32) -> Vec<Seg> {
    let k = 0.552_284_8 * r;
    vec![
        Seg::Move(cx + r, cy),
        Seg::Cubic(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        Seg::Cubic(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        Seg::Cubic(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        Seg::Cubic(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        Seg::Close,
    ]
}

/// A series' marker, `r` points in radius: circle, square, triangle, diamond, down triangle,
/// cross, plus…
pub fn marker_sized(series: usize, cx: f32, cy: f32, r: f32) -> Item {
    let c = color(series);
    let polygon = |pts: &[(f32, f32)]| {
        let mut segs: Vec<Seg> = pts
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| {
                if i == 0 {
                    Seg::Move(cx + x, cy + y)
                } else {
                    Seg::Line(cx + x, cy + y)
                }
            })
            .collect();
        segs.push(Seg::Close);
        segs
    };
    let filled = |segs| Item::Path {
        segs,
        fill: Some(c),
        stroke: Some(Pen::solid(WHITE, 0.6)),
    };
    let stroked = |segs| Item::Path {
        segs,
        fill: None,
        stroke: Some(Pen::solid(c, 1.6)),
    };
    match series % 7 {
        0 => filled(circle(cx, cy, r)),
        1 => filled(polygon(&[(-r, -r), (r, -r), (r, r), (-r, r)])),
        2 => filled(polygon(&[
            (0.0, -r * 1.2),
            (r * 1.1, r * 0.8),
            (-r * 1.1, r * 0.8),
        ])),
        3 => filled(polygon(&[
            (0.0, -r * 1.3),
            (r * 1.3, 0.0),
            (0.0, r * 1.3),
            (-r * 1.3, 0.0),
        ])),
        4 => filled(polygon(&[
            (0.0, r * 1.2),
            (r * 1.1, -r * 0.8),
            (-r * 1.1, -r * 0.8),
        ])),
        5 => stroked(vec![
            Seg::Move(cx - r, cy - r),
            Seg::Line(cx + r, cy + r),
            Seg::Move(cx - r, cy + r),
            Seg::Line(cx + r, cy - r),
        ]),
        _ => stroked(vec![
            Seg::Move(cx - r * 1.2, cy),
            Seg::Line(cx + r * 1.2, cy),
            Seg::Move(cx, cy - r * 1.2),
            Seg::Line(cx, cy + r * 1.2),
        ]),
    }
}

/// One mark of a dot plot.
pub struct Dot {
    /// Whose it is.
    pub label: String,
    /// Its value, if scored.
    pub value: Option<f64>,
    /// Which series (shape and colour).
    pub series: usize,
}

/// One row of a dot plot.
pub struct DotRow {
    /// Its heading.
    pub title: String,
    /// Its marks.
    pub dots: Vec<Dot>,
}

/// Light fill behind the range from the lowest mark to the highest.
const RANGE: Rgb = Rgb(0xdc, 0xe4, 0xee);

/// A dot plot `width` wide: a row per section on one scale, with a mark per group, the range
/// from lowest to highest behind them, and each mark labelled directly below the line with its
/// shape, name and number (labels that would overlap go on further lines, with a thin line up
/// to their mark). Returns its items and height.
pub fn dot_plot(
    flow: &mut Flow<'_>,
    rows: &[DotRow],
    scale: Scale,
    axis_caption: &str,
    width: f32,
) -> (Vec<Item>, f32) {
    let ls = flow.sizes.label;
    let leading = ls * 1.35;
    let r = ls * 0.36;
    let (x0, x1) = (r + 2.0, width - r - 2.0);
    let x_of = |v: f64| x0 + scale.fraction(v) * (x1 - x0);
    let mut items = Vec::new();
    let mut grid = Vec::new();
    let mut y = 0.0;
    for row in rows {
        let title = Para::plain(row.title.clone(), ls + 0.5, Weight::Bold, INK);
        if let Some(line) = flow.wrap(&title, width).into_iter().next() {
            items.push(text_item(
                line,
                Align::Left,
                leading,
                title.size,
                0.0,
                width,
                y,
            ));
        }
        y += leading + 2.0;
        let line_y = y + r + 3.0;
        let scored: Vec<(f32, &Dot)> = row
            .dots
            .iter()
            .filter_map(|d| d.value.map(|v| (x_of(v), d)))
            .collect();
        items.push(Item::line(x0, line_y, x1, line_y, Pen::solid(RULE, 0.8)));
        for level in scale.ticks() {
            let x = x_of(level);
            grid.push(Seg::Move(x, y));
            grid.push(Seg::Line(x, line_y + r + 2.0));
        }
        let lo = scored.iter().map(|d| d.0).fold(f32::INFINITY, f32::min);
        let hi = scored.iter().map(|d| d.0).fold(f32::NEG_INFINITY, f32::max);
        if lo.is_finite() && hi > lo {
            items.push(Item::Rect {
                x: lo,
                y: line_y - r - 1.5,
                w: hi - lo,
                h: 2.0 * r + 3.0,
                fill: RANGE,
            });
        }
        // Labels, left to right, each on the first line where it does not touch another.
        let mut order = scored.clone();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Each lane holds the label boxes (left, right) set on it.
        let mut lanes: Vec<Vec<(f32, f32)>> = Vec::new();
        let top = line_y + r + 4.0;
        let mut labels = Vec::new();
        for (x, d) in &order {
            let text = format!("{} {}", d.label, score_text(d.value.unwrap_or_default()));
            let para = Para::plain(text, ls, Weight::Regular, INK);
            let Some(line) = flow.wrap(&para, width).into_iter().next() else {
                continue;
            };
            let w = 2.0 * r + 3.0 + line.width;
            // The label's own mark sits under the dot, so a line straight down joins them; the
            // label runs to the right of it, or else to the left.
            let right = (x - r).clamp(0.0, (width - w).max(0.0));
            let leftward = (x + r - w).clamp(0.0, (width - w).max(0.0));
            let free = |lane: &Vec<(f32, f32)>, left: f32| {
                lane.iter()
                    .all(|&(a, b)| left + w + 6.0 <= a || b + 6.0 <= left)
            };
            let crosses =
                |lane: &Vec<(f32, f32)>| lane.iter().any(|&(a, b)| a - 3.0 <= *x && *x <= b + 3.0);
            // The first lane that has room, and whose line down does not cross a label above.
            let mut lane = 0;
            let mut left = right;
            while lane < lanes.len() {
                if !lanes[..lane].iter().any(crosses)
                    && let Some(&l) = [right, leftward].iter().find(|&&l| free(&lanes[lane], l))
                {
                    left = l;
                    break;
                }
                lane += 1;
            }
            if lane == lanes.len() {
                lanes.push(Vec::new());
            }
            lanes[lane].push((left, left + w));
            let ty = top + lane as f32 * leading;
            if lane > 0 {
                items.push(Item::line(
                    *x,
                    line_y + r + 1.0,
                    *x,
                    ty + leading / 2.0 - r,
                    Pen::solid(GRID, 0.7),
                ));
            }
            let flipped = left != right;
            labels.push((line, left, ty, d.series, w, flipped));
        }
        for (x, d) in &scored {
            items.push(marker_sized(d.series, *x, line_y, r));
        }
        // A label's own mark is at the end nearest its dot: before the words, or after them
        // when the label runs to the left.
        for (line, left, ty, series, w, flipped) in labels {
            let (mark_x, text_x) = if flipped {
                (left + w - r, left)
            } else {
                (left + r, left + 2.0 * r + 3.0)
            };
            items.push(marker_sized(series, mark_x, ty + leading / 2.0, r * 0.85));
            items.push(text_item(line, Align::Left, leading, ls, text_x, w, ty));
        }
        // A group with no score for the row has no mark; the table beside says "–".
        let bottom = top + lanes.len().max(1) as f32 * leading;
        y = bottom + 8.0;
    }
    items.insert(
        0,
        Item::Path {
            segs: grid,
            fill: None,
            stroke: Some(Pen::solid(GRID, 0.5)),
        },
    );
    // The scale once, under the rows.
    items.push(Item::line(x0, y, x1, y, Pen::solid(INK, 0.8)));
    for level in scale.ticks() {
        let x = x_of(level);
        items.push(Item::line(x, y, x, y + 3.0, Pen::solid(INK, 0.8)));
        let para = Para::plain(tick_label(level), ls, Weight::Regular, GREY).aligned(Align::Center);
        if let Some(line) = flow.wrap(&para, 40.0).pop() {
            items.push(text_item(
                line,
                Align::Center,
                leading,
                ls,
                x - 20.0,
                40.0,
                y + 3.0,
            ));
        }
    }
    y += 3.0 + leading;
    let caption = Para::plain(axis_caption, ls, Weight::Regular, GREY);
    for line in flow.wrap(&caption, width) {
        items.push(text_item(line, Align::Left, leading, ls, 0.0, width, y));
        y += leading;
    }
    (items, y + 2.0)
}

/// One indicator's vote.
pub struct VoteRow {
    /// The indicator (and whose vote).
    pub label: String,
    /// `(level, people)`, lowest level first.
    pub counts: Vec<(u32, u64)>,
    /// The level agreed.
    pub agreed: Option<u32>,
}

/// A level's shade on the votes chart: light for the lowest level to dark for the highest, and
/// whether white text reads on it.
fn level_shade(k: usize, levels: usize) -> (Rgb, bool) {
    let t = if levels > 1 {
        k as f32 / (levels - 1) as f32
    } else {
        1.0
    };
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    let light = Rgb(0xdc, 0xe4, 0xee);
    let dark = Rgb(0x1f, 0x3a, 0x5f);
    (
        Rgb(
            mix(light.0, dark.0),
            mix(light.1, dark.1),
            mix(light.2, dark.2),
        ),
        t > 0.5,
    )
}

/// How people voted: a bar per indicator across the width, one part per level chosen (as
/// wide as the people who chose it, shaded by level, with "level: people" written in it when
/// it fits), the level agreed outlined. Returns its items and height.
pub fn votes_chart(
    flow: &mut Flow<'_>,
    rows: &[VoteRow],
    caption: &str,
    width: f32,
) -> (Vec<Item>, f32) {
    let ls = flow.sizes.label;
    let pitch = ls * 2.0;
    let bar_h = ls * 1.5;
    let label_w = rows
        .iter()
        .map(|r| flow.fonts.width(&r.label, Weight::Regular, ls))
        .fold(0.0, f32::max)
        .min(width * 0.35)
        + 8.0;
    let (x0, x1) = (label_w, width - 2.0);
    let mut items = Vec::new();
    let mut y = 0.0;
    for row in rows {
        let label = Para::plain(row.label.clone(), ls, Weight::Regular, INK).aligned(Align::Right);
        if let Some(line) = flow.wrap(&label, label_w - 8.0).into_iter().next() {
            items.push(text_item(
                line,
                Align::Right,
                pitch,
                ls,
                0.0,
                label_w - 8.0,
                y,
            ));
        }
        let total: u64 = row.counts.iter().map(|c| c.1).sum();
        let top = y + (pitch - bar_h) / 2.0;
        let mut x = x0;
        for (k, &(level, n)) in row.counts.iter().enumerate() {
            if n == 0 || total == 0 {
                continue;
            }
            let w = (x1 - x0) * n as f32 / total as f32;
            let (fill, white) = level_shade(k, row.counts.len());
            items.push(Item::Rect {
                x,
                y: top,
                w,
                h: bar_h,
                fill,
            });
            // A white rule between parts, so neighbouring shades stay apart in grey print.
            items.push(Item::line(x, top, x, top + bar_h, Pen::solid(WHITE, 1.0)));
            let text = format!("{level}: {n}");
            let para = Para::plain(text, ls, Weight::Bold, if white { WHITE } else { INK })
                .aligned(Align::Center);
            if flow.fonts.width(&para.spans[0].text, Weight::Bold, ls) + 4.0 <= w
                && let Some(line) = flow.wrap(&para, w).into_iter().next()
            {
                items.push(text_item(line, Align::Center, pitch, ls, x, w, y));
            }
            if row.agreed == Some(level) {
                items.push(Item::Path {
                    segs: vec![
                        Seg::Move(x + 1.0, top - 1.5),
                        Seg::Line(x + w - 1.0, top - 1.5),
                        Seg::Line(x + w - 1.0, top + bar_h + 1.5),
                        Seg::Line(x + 1.0, top + bar_h + 1.5),
                        Seg::Close,
                    ],
                    fill: None,
                    stroke: Some(Pen::solid(INK, 1.8)),
                });
            }
            x += w;
        }
        y += pitch;
    }
    y += 4.0;
    let caption = Para::plain(caption, ls, Weight::Regular, GREY);
    let leading = ls * 1.35;
    for line in flow.wrap(&caption, width) {
        items.push(text_item(line, Align::Left, leading, ls, 0.0, width, y));
        y += leading;
    }
    (items, y + 2.0)
}

/// One small chart of a set.
pub struct Panel {
    /// What it shows.
    pub title: String,
    /// One value per date.
    pub values: Vec<Option<f64>>,
}

/// Small multiples `width` wide: one small line chart per panel, two to a row, all on the same
/// scale and dates, with the first and last values and dates written on each. Returns each row
/// of panels as (items, height), so the rows can go on different pages.
pub fn small_multiples(
    flow: &mut Flow<'_>,
    dates: &[String],
    panels: &[Panel],
    scale: Scale,
    caption: &str,
) -> Vec<(Vec<Item>, f32)> {
    let ls = flow.sizes.label;
    let leading = ls * 1.35;
    let gap = 24.0;
    let pw = (super::layout::WIDTH - gap) / 2.0;
    let plot_h = ls * 7.0;
    let axis_w = ls * 1.6;
    let value_w = ls * 2.2;
    let n = dates.len();
    let mut out = Vec::new();
    for pair in panels.chunks(2) {
        let mut items = Vec::new();
        let mut height: f32 = 0.0;
        for (k, panel) in pair.iter().enumerate() {
            let ox = k as f32 * (pw + gap);
            let title = Para::plain(panel.title.clone(), ls + 0.5, Weight::Bold, INK);
            let mut y = 0.0;
            for line in flow.wrap(&title, pw).into_iter().take(2) {
                items.push(text_item(line, Align::Left, leading, title.size, ox, pw, y));
                y += leading;
            }
            let top = y.max(leading * 2.0) + ls * 0.6;
            let bottom = top + plot_h;
            let (px0, px1) = (ox + axis_w + value_w, ox + pw - value_w);
            let y_of = |v: f64| bottom - scale.fraction(v) * plot_h;
            let x_of = |i: usize| {
                if n <= 1 {
                    (px0 + px1) / 2.0
                } else {
                    px0 + i as f32 * (px1 - px0) / (n - 1) as f32
                }
            };
            let mut grid = Vec::new();
            let ticks = scale.ticks();
            for level in &ticks {
                grid.push(Seg::Move(ox + axis_w, y_of(*level)));
                grid.push(Seg::Line(ox + pw, y_of(*level)));
            }
            items.push(Item::Path {
                segs: grid,
                fill: None,
                stroke: Some(Pen::solid(GRID, 0.5)),
            });
            for level in [ticks.first(), ticks.last()].into_iter().flatten() {
                let para = Para::plain(tick_label(*level), ls, Weight::Regular, GREY);
                if let Some(line) = flow.wrap(&para, axis_w).pop() {
                    items.push(text_item(
                        line,
                        Align::Left,
                        leading,
                        ls,
                        ox,
                        axis_w,
                        y_of(*level) - leading / 2.0,
                    ));
                }
            }
            let points: Vec<(usize, f32, f32, f64)> = panel
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (i, x_of(i), y_of(v), v)))
                .collect();
            let mut segs = Vec::new();
            let mut last: Option<usize> = None;
            for &(i, x, y, _) in &points {
                if last.is_some_and(|l| l + 1 == i) {
                    segs.push(Seg::Line(x, y));
                } else {
                    segs.push(Seg::Move(x, y));
                }
                last = Some(i);
            }
            items.push(Item::Path {
                segs,
                fill: None,
                stroke: Some(Pen::solid(color(0), 1.6)),
            });
            for &(_, x, y, _) in &points {
                items.push(marker_sized(0, x, y, ls * 0.3));
            }
            // The first and last values, beside their points.
            let ends = [points.first(), points.last().filter(|_| points.len() > 1)];
            for (e, end) in ends.into_iter().enumerate() {
                let Some(&(_, x, y, v)) = end else { continue };
                let weight = if e == 1 {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                let para = Para::plain(score_text(v), ls, weight, INK);
                if let Some(line) = flow.wrap(&para, value_w).pop() {
                    // Clear of the point's mark on either side.
                    let (left, align) = if e == 0 {
                        (x - value_w - ls * 0.3, Align::Right)
                    } else {
                        (x + ls * 0.3 + 3.0, Align::Left)
                    };
                    items.push(text_item(
                        line,
                        align,
                        leading,
                        ls,
                        left,
                        value_w - 3.0,
                        y - leading / 2.0,
                    ));
                }
            }
            // The first and last dates under the plot.
            let mut dy = bottom + 3.0;
            if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
                let a = Para::plain(first.clone(), ls, Weight::Regular, GREY);
                if let Some(line) = flow.wrap(&a, pw).into_iter().next() {
                    items.push(text_item(
                        line,
                        Align::Left,
                        leading,
                        ls,
                        ox + axis_w,
                        pw,
                        dy,
                    ));
                }
                if n > 1 {
                    let b = Para::plain(last.clone(), ls, Weight::Regular, GREY);
                    if let Some(line) = flow.wrap(&b, pw).into_iter().next() {
                        items.push(text_item(line, Align::Right, leading, ls, ox, pw, dy));
                    }
                }
                dy += leading;
            }
            height = height.max(dy + 10.0);
        }
        out.push((items, height));
    }
    // What the scale means, once, under the last row.
    if let Some((items, height)) = out.last_mut() {
        let para = Para::plain(caption, ls, Weight::Regular, GREY);
        for line in flow.wrap(&para, super::layout::WIDTH) {
            items.push(text_item(
                line,
                Align::Left,
                leading,
                ls,
                0.0,
                super::layout::WIDTH,
                *height - 6.0,
            ));
            *height += leading;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_stay_few_on_any_scale() {
        let s = |min, max| Scale { min, max }.ticks();
        assert_eq!(s(1.0, 5.0), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(s(0.0, 10.0).len(), 11);
        let huge = s(0.0, 4_294_967_295.0);
        assert!((2..=11).contains(&huge.len()), "{huge:?}");
        assert_eq!(huge[1], 500_000_000.0);
        assert_eq!(tick_label(huge[1]), "500m");
        assert_eq!(tick_label(2_000_000_000.0), "2bn");
        assert_eq!(tick_label(15_000.0), "15k");
        assert_eq!(tick_label(3.0), "3");
        assert!(s(f64::NAN, 5.0).is_empty() && s(5.0, 1.0).is_empty());
        let open = Scale {
            min: 0.0,
            max: f64::INFINITY,
        };
        assert_eq!(open.fraction(3.0), 0.0);
    }
}
