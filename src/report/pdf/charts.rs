//! The summary's charts: a horizontal bar chart and a radar chart of the section scores.
//!
//! Each chart is built as items in its own coordinates (origin at its top-left corner) and
//! placed by [`Flow::figure`]. Colour never carries meaning alone: every bar is labelled with its
//! record and its number, each record has its own hatching, and on the radar its own line style
//! and marker, all repeated in the legend, so the charts read the same in grey-scale print.

use std::f32::consts::PI;

use super::layout::{Align, Flow, GREY, INK, Item, Para, Pen, RULE, Seg, text_item};
use super::text::{Rgb, Weight};
use crate::report::score_text;

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

/// A series' marker: circle, square, triangle, diamond, down triangle, cross, plus…
pub fn marker(series: usize, cx: f32, cy: f32) -> Item {
    let c = color(series);
    let r = 3.2;
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

/// A series' line style: solid, dashed, dotted, dash-dot…
pub fn dash(series: usize) -> Option<Vec<f32>> {
    match series % 6 {
        0 => None,
        1 => Some(vec![5.0, 2.5]),
        2 => Some(vec![1.2, 2.0]),
        3 => Some(vec![6.0, 2.0, 1.5, 2.0]),
        4 => Some(vec![9.0, 3.0]),
        _ => Some(vec![3.0, 3.0]),
    }
}

/// One line on the radar chart.
pub struct Series {
    /// Its name in the legend.
    pub label: String,
    /// Which series (styles and colours).
    pub series: usize,
    /// One value per axis.
    pub values: Vec<Option<f64>>,
}

/// A radar chart `width` wide, with a legend under it when there is more than one series;
/// returns its items and height. Needs at least three axes.
pub fn radar_chart(
    flow: &mut Flow<'_>,
    axes: &[String],
    series: &[Series],
    scale: Scale,
    width: f32,
) -> (Vec<Item>, f32) {
    let mut items = Vec::new();
    let n = axes.len();
    let label_size = flow.sizes.label;
    let leading = label_size * 1.3;
    let angle = |j: usize| -PI / 2.0 + j as f32 * 2.0 * PI / n as f32;
    // Room beside the chart for the labels of side axes: at least their longest word.
    let longest_word = axes
        .iter()
        .enumerate()
        .filter(|&(j, _)| angle(j).cos().abs() >= 0.35)
        .flat_map(|(_, t)| t.split_whitespace())
        .map(|w| flow.fonts.width(w, Weight::Bold, label_size))
        .fold(0.0, f32::max);
    let radius = (width / 2.0 - 10.0 - longest_word.max(width * 0.2)).clamp(30.0, 78.0);
    let side_w = width / 2.0 - radius - 10.0;

    // Axis labels, wrapped to the room beside the chart.
    let mut labels = Vec::new();
    let mut above: f32 = 0.0;
    let mut below: f32 = 0.0;
    for (j, title) in axes.iter().enumerate() {
        let a = angle(j);
        let (dx, dy) = (a.cos(), a.sin());
        let (max_w, align) = if dx.abs() < 0.35 {
            (width * 0.7, Align::Center)
        } else if dx > 0.0 {
            (side_w, Align::Left)
        } else {
            (side_w, Align::Right)
        };
        let para = Para::plain(title.clone(), label_size, Weight::Bold, INK).aligned(align);
        let lines = flow.wrap(&para, max_w);
        let h = lines.len() as f32 * leading;
        if dy < -0.35 {
            above = above.max(h + 4.0);
        } else if dy > 0.35 {
            below = below.max(h + 4.0);
        }
        labels.push((lines, align, max_w, h, dx, dy));
    }
    let cx = width / 2.0;
    let cy = above + radius + 6.0;
    let point = |j: usize, f: f32| {
        let a = angle(j);
        (cx + a.cos() * radius * f, cy + a.sin() * radius * f)
    };

    // Rings at each whole level, and the axes.
    for level in scale.ticks() {
        let f = scale.fraction(level);
        if f <= 0.0 {
            continue;
        }
        let mut segs: Vec<Seg> = (0..n)
            .map(|j| {
                let (x, y) = point(j, f);
                if j == 0 {
                    Seg::Move(x, y)
                } else {
                    Seg::Line(x, y)
                }
            })
            .collect();
        segs.push(Seg::Close);
        items.push(Item::Path {
            segs,
            fill: None,
            stroke: Some(Pen::solid(GRID, 0.6)),
        });
        // The ring's number sits on its edge between the first two axes, clear of the labels.
        let tick = label_size;
        let para = Para::plain(tick_label(level), tick, Weight::Regular, GREY);
        if let Some(line) = flow.wrap(&para, 30.0).pop() {
            let (ax, ay) = point(0, f);
            let (bx, by) = point(1 % n, f);
            let (x, y) = ((ax + bx) / 2.0, (ay + by) / 2.0);
            items.push(text_item(
                line,
                Align::Left,
                tick * 1.3,
                tick,
                x + 1.5,
                30.0,
                y - tick * 1.2,
            ));
        }
    }
    for j in 0..n {
        let (x, y) = point(j, 1.0);
        items.push(Item::line(cx, cy, x, y, Pen::solid(RULE, 0.6)));
    }
    for (j, (lines, align, max_w, h, dx, dy)) in labels.into_iter().enumerate() {
        let (px, py) = point(j, 1.0);
        let left = match align {
            Align::Center => px - max_w / 2.0,
            Align::Left => px + 6.0,
            Align::Right => px - 6.0 - max_w,
        };
        let top = if dy < -0.35 {
            py - 4.0 - h
        } else if dy > 0.35 {
            py + 4.0
        } else {
            py - h / 2.0
        };
        let _ = dx;
        for (i, line) in lines.into_iter().enumerate() {
            items.push(text_item(
                line,
                align,
                leading,
                label_size,
                left,
                max_w,
                top + i as f32 * leading,
            ));
        }
    }

    // The series: an outline each (filled when alone), then markers on top.
    for s in series {
        let pts: Vec<(f32, f32)> = s
            .values
            .iter()
            .enumerate()
            .map(|(j, v)| point(j, v.map_or(0.0, |v| scale.fraction(v))))
            .collect();
        let mut segs: Vec<Seg> = pts
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| {
                if i == 0 {
                    Seg::Move(x, y)
                } else {
                    Seg::Line(x, y)
                }
            })
            .collect();
        segs.push(Seg::Close);
        let c = color(s.series);
        items.push(Item::Path {
            segs,
            fill: (series.len() == 1).then_some(Rgb(0xdc, 0xe4, 0xee)),
            stroke: Some(Pen {
                color: c,
                width: 1.5,
                dash: dash(s.series),
            }),
        });
    }
    for s in series {
        for (j, v) in s.values.iter().enumerate() {
            if let Some(v) = v {
                let (x, y) = point(j, scale.fraction(*v));
                items.push(marker(s.series, x, y));
            }
        }
    }
    let mut height = cy + radius + below + 6.0;

    // The legend: hatching as on the bars, line style and marker as on the radar, and name.
    if series.len() > 1 {
        let row = label_size * 1.55;
        height += 4.0;
        for s in series {
            let y = height;
            let c = color(s.series);
            items.push(Item::Rect {
                x: 0.0,
                y: y + 2.0,
                w: 16.0,
                h: 9.0,
                fill: c,
            });
            items.extend(pattern(s.series, 0.0, y + 2.0, 16.0, 9.0));
            items.push(Item::Path {
                segs: vec![Seg::Move(22.0, y + 6.5), Seg::Line(44.0, y + 6.5)],
                fill: None,
                stroke: Some(Pen {
                    color: c,
                    width: 1.5,
                    dash: dash(s.series),
                }),
            });
            items.push(marker(s.series, 33.0, y + 6.5));
            let para = Para::plain(s.label.clone(), label_size, Weight::Regular, INK);
            if let Some(line) = flow.wrap(&para, width - 52.0).into_iter().next() {
                items.push(text_item(
                    line,
                    Align::Left,
                    row,
                    label_size,
                    50.0,
                    width - 52.0,
                    y,
                ));
            }
            height += row;
        }
    }
    (items, height)
}

/// The numbers of a set of bars, for alt text: "Label 3.4, Label 2.9".
pub fn describe_bars(bars: &[Bar]) -> String {
    bars.iter()
        .map(|b| match b.value {
            Some(v) => format!("{} {}", b.label, score_text(v)),
            None => format!("{} no score", b.label),
        })
        .collect::<Vec<_>>()
        .join(", ")
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
