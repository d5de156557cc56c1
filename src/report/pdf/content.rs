//! How the PDF lays out the report's document: which part starts a page, how big each kind of
//! block is set, and where the charts go. The words and the choice of what is shown are the
//! document builder's ([`crate::report::builder`]); this module only maps them to pages.
//!
//! When the records span several dates, the scorecard (summary, charts, sections, action plan)
//! describes the latest date, as in every other format; earlier dates appear in "Over time"
//! and "You said, we did".

use krilla::tagging::{Tag, TagKind};

use super::charts::{self, Scale};
use super::layout::{Align, BOTTOM, Column, Flow, GREY, INK, LEFT, Node, Para, TOP, Table, WIDTH};
use super::text::{Fonts, Span, Weight};
use crate::report::Report;
use crate::report::builder;
use crate::report::document::{
    self, Block, Chart, ChartKind, Emphasis, Medium, Part, PartKind, Text, Voice,
};

pub use crate::report::builder::long_date;

/// Lays out the whole report; returns the structure tree's top-level nodes.
pub fn build(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let doc = builder::build(report, Medium::Print);
    flow.continued = doc.continued.plain();
    let mut tree = Vec::new();
    let mut previous: Option<PartKind> = None;
    for part in &doc.parts {
        if let Some(before) = previous
            && starts_a_page(before, part.kind)
        {
            flow.page_break();
        }
        let mut out = Vec::new();
        if part.kind == PartKind::Cover {
            cover(flow, &doc, part, &mut out);
        } else {
            let fixed = is_ours(&part.title);
            flow.heading(2, &part.title.plain(), fixed, &mut out);
            let combined = report.is_combined();
            let name = part.title.plain();
            for b in &part.blocks {
                block(flow, b, combined, &name, &mut out);
            }
        }
        tree.push(Node::Group(Tag::Section.into(), out));
        previous = Some(part.kind);
    }
    tree
}

/// The page plan: the cover, the summary and each section on pages of their own; the groups,
/// the trend and the versions note together; the follow-up and the action plan together; the
/// method as an appendix.
fn starts_a_page(before: PartKind, part: PartKind) -> bool {
    use PartKind::{ActionPlan, FollowUp, Groups, Trend, Versions};
    !matches!(
        (before, part),
        (Groups, Trend | Versions) | (Trend, Versions) | (FollowUp, ActionPlan)
    )
}

/// Whether every word of a text is coprod's own (tagged with coprod's language).
fn is_ours(text: &Text) -> bool {
    text.runs.iter().all(|r| r.voice == Voice::Coprod)
}

/// A text's runs as spans; runs set the same way become one span, so words and the stop
/// after them are shaped (and read back) together.
///
/// With `by_voice` (a document not in coprod's language), coprod's words and the user's are
/// kept in spans of their own, so each can be tagged with its language.
fn spans(text: &Text, base: Weight, by_voice: bool) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for r in &text.runs {
        let (weight, color) = match r.emphasis {
            Emphasis::Plain => (base, INK),
            Emphasis::Strong => (Weight::Bold, INK),
            Emphasis::Quiet => (base, GREY),
        };
        let ours = by_voice && r.voice == Voice::Coprod;
        match out.last_mut() {
            Some(last) if last.weight == weight && last.color == color && last.ours == ours => {
                last.text.push_str(&r.text);
            }
            _ => out.push(Span {
                ours,
                ..super::layout::span(r.text.clone(), weight, color)
            }),
        }
    }
    out
}

/// A paragraph of a text at a size, with the density's line spacing.
fn para(flow: &Flow<'_>, text: &Text, size: f32) -> Para {
    Para {
        leading: size * flow.sizes.leading,
        ..Para::spans(spans(text, Weight::Regular, flow.ui_lang.is_some()), size)
    }
}

fn paragraph(flow: &mut Flow<'_>, text: &Text, size: f32, out: &mut Vec<Node>) {
    let tag: TagKind = if is_ours(text) {
        flow.ui(Tag::P)
    } else {
        Tag::P.into()
    };
    let p = para(flow, text, size);
    flow.paragraph(&p, tag, out);
}

fn cover(flow: &mut Flow<'_>, doc: &document::Document, part: &Part, out: &mut Vec<Node>) {
    flow.y += 90.0;
    let mut blocks = part.blocks.iter();
    if let Some(Block::Paragraph { text }) = blocks.next() {
        let kicker = Para::spans(spans(text, Weight::Bold, false), flow.sizes.cover);
        let kicker = Para {
            spans: kicker
                .spans
                .into_iter()
                .map(|s| Span { color: GREY, ..s })
                .collect(),
            ..kicker
        };
        let tag = flow.ui(Tag::P);
        flow.paragraph(&kicker, tag, out);
        flow.y += 6.0;
    }
    flow.heading(1, &doc.title.plain(), false, out);
    flow.y += 8.0;
    let mut heading_seen = false;
    let mut name = doc.title.plain();
    for b in blocks {
        match b {
            Block::Paragraph { text } if !heading_seen => {
                paragraph(flow, text, flow.sizes.cover, out);
                flow.y += 4.0;
            }
            Block::Heading { text, .. } => {
                heading_seen = true;
                flow.y += 26.0;
                name = text.plain();
                block(flow, b, false, &name, out);
            }
            _ => block(flow, b, false, &name, out),
        }
    }
}

fn block(flow: &mut Flow<'_>, b: &Block, combined: bool, part: &str, out: &mut Vec<Node>) {
    match b {
        Block::Heading { level, text } => {
            flow.heading(level + 2, &text.plain(), is_ours(text), out);
        }
        Block::Paragraph { text } => {
            paragraph(flow, text, flow.sizes.body, out);
            flow.y += 4.0;
        }
        Block::Note { text } => {
            paragraph(flow, text, flow.sizes.small, out);
            flow.y += 4.0;
        }
        Block::Facts { facts } => {
            for (n, f) in facts.iter().enumerate() {
                let text = f.label.clone().and(": ").strong().append(f.value.clone());
                // The first fact is the headline result.
                let size = if n == 0 {
                    flow.sizes.headline
                } else {
                    flow.sizes.body
                };
                paragraph(flow, &text, size, out);
                flow.y += 3.0;
            }
            flow.y += 4.0;
        }
        Block::List { items } => {
            let size = flow.sizes.small;
            let paras: Vec<Para> = items.iter().map(|t| para(flow, t, size)).collect();
            flow.list(&paras, LEFT, WIDTH, out);
            flow.y += 4.0;
        }
        Block::Table(t) => {
            table(flow, t, part, out);
            flow.y += 8.0;
        }
        Block::Chart(c) => chart(flow, c, combined, out),
    }
}

/// How wide a column's words are: its longest word (the narrowest it may be) and its longest
/// line set on one line (the widest it needs), in points, padding included.
#[derive(Debug, Clone, Copy)]
struct Extent {
    least: f32,
    most: f32,
}

/// The widths of a text set at a size: its longest word and its whole length.
fn text_extent(fonts: &Fonts, text: &Text, base: Weight, size: f32) -> (f32, f32) {
    let mut least: f32 = 0.0;
    let mut line: f32 = 0.0;
    let mut most: f32 = 0.0;
    let space = fonts.width(" ", base, size);
    for s in spans(text, base, false) {
        for (n, part) in s.text.split('\n').enumerate() {
            if n > 0 {
                most = most.max(line);
                line = 0.0;
            }
            let mut first = true;
            for word in part.split(' ') {
                if !first {
                    line += space;
                }
                first = false;
                if word.is_empty() {
                    continue;
                }
                let w = fonts.width(word, s.weight, size);
                least = least.max(w);
                line += w;
            }
        }
    }
    (least, most.max(line))
}

/// Room around a cell's text (both sides) and a little slack for rounding.
const CELL_PAD: f32 = 2.0 * 4.0 + 0.5;

/// Each column's extent: its header's words (bold) and its cells' words. Running text gets at
/// least `guard` of the page's width (or all it needs, if less).
fn extents(flow: &Flow<'_>, t: &document::Table, guard: f32) -> Vec<Extent> {
    let size = flow.sizes.small;
    t.columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let (hl, hm) = text_extent(flow.fonts, &col.header, Weight::Bold, size);
            let mut least = hl;
            let mut most = hm;
            let mut cell_least: f32 = 0.0;
            let mut cell_most: f32 = 0.0;
            for row in &t.rows {
                for p in row.cells.get(c).into_iter().flatten() {
                    let base = if row.total {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    };
                    let (l, m) = text_extent(flow.fonts, p, base, size);
                    cell_least = cell_least.max(l);
                    cell_most = cell_most.max(m);
                }
            }
            least = least.max(cell_least);
            most = most.max(cell_most);
            // Running text (statements, evidence) is never starved to a word a line.
            if cell_most > 3.0 * cell_least.max(1.0) {
                least = least.max(cell_most.min(WIDTH * guard));
            }
            Extent {
                least: least + CELL_PAD,
                most: most.max(least) + CELL_PAD,
            }
        })
        .collect()
}

/// Widths for columns that fit in `width` (the sum of their least widths is at most that): the
/// row's name gets all it wants if it can (so "Work in Partnership" stays on one line), every
/// other column its least; then the room left goes to the columns that want more, in proportion
/// to how much more; if every column has all it wants, the rest is shared in proportion to width.
fn widths(extents: &[Extent], width: f32) -> Vec<f32> {
    let most: f32 = extents.iter().map(|e| e.most).sum();
    if most <= width {
        let extra = width - most;
        return extents
            .iter()
            .map(|e| e.most + extra * e.most / most.max(1.0))
            .collect();
    }
    let mut start: Vec<f32> = extents.iter().map(|e| e.least).collect();
    if let Some(first) = extents.first() {
        let others: f32 = start.iter().skip(1).sum();
        start[0] = first.most.min(width - others).max(first.least);
    }
    let used: f32 = start.iter().sum();
    let want: f32 = extents
        .iter()
        .zip(&start)
        .map(|(e, s)| (e.most - s).max(0.0))
        .sum::<f32>()
        .max(f32::EPSILON);
    let room = (width - used).max(0.0);
    extents
        .iter()
        .zip(&start)
        .map(|(e, s)| s + room * (e.most - s).max(0.0) / want)
        .collect()
}

/// How many leading columns name a row: the first, and the second too when both are words
/// (an indicator's id and its statement).
fn label_columns(t: &document::Table) -> usize {
    let words = |i: usize| {
        t.columns
            .get(i)
            .is_some_and(|c| c.align == document::Align::Left)
    };
    if t.columns.len() > 3 && words(0) && words(1) && t.columns[2].align == document::Align::Right {
        2
    } else {
        1
    }
}

/// Groups the columns after the row's name into pieces that fit the page beside it.
fn column_pieces(extents: &[Extent], labels: usize) -> Vec<Vec<usize>> {
    let base: f32 = extents[..labels].iter().map(|e| e.least).sum();
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut used = base;
    for (i, e) in extents.iter().enumerate().skip(labels) {
        if !current.is_empty() && used + e.least > WIDTH {
            pieces.push(std::mem::take(&mut current));
            used = base;
        }
        current.push(i);
        used += e.least;
    }
    if !current.is_empty() || pieces.is_empty() {
        pieces.push(current);
    }
    pieces
}

fn table(flow: &mut Flow<'_>, t: &document::Table, part: &str, out: &mut Vec<Node>) {
    if t.columns.is_empty() {
        return;
    }
    // Running text gets a quarter of the page; a little less if that keeps the table whole.
    let mut extents = extents(flow, t, 0.24);
    let sum = |e: &[Extent]| e.iter().map(|e| e.least).sum::<f32>();
    if sum(&extents) > WIDTH {
        let tighter = self::extents(flow, t, 0.18);
        if sum(&tighter) <= WIDTH {
            extents = tighter;
        }
    }
    let least = sum(&extents);
    let labels = label_columns(t).min(t.columns.len());
    // A table too wide for the page is split into pieces of columns, each with the row names.
    let pieces: Vec<Vec<usize>> = if least <= WIDTH || t.columns.len() <= labels {
        vec![(0..t.columns.len()).collect()]
    } else {
        column_pieces(&extents, labels)
            .into_iter()
            .map(|piece| (0..labels).chain(piece).collect())
            .collect()
    };
    let continued = format!("{part} ({})", flow.continued);
    for (n, piece) in pieces.iter().enumerate() {
        if n > 0 {
            flow.y += 6.0;
            let caption = Para::plain(continued.clone(), flow.sizes.small, Weight::Bold, GREY);
            let tag = flow.ui(Tag::P);
            // Keep the caption with the table's header.
            flow.need(caption.leading + 60.0);
            flow.paragraph(&caption, tag, out);
            flow.y += 2.0;
        }
        let chosen: Vec<Extent> = piece.iter().map(|&c| extents[c]).collect();
        let widths = widths(&chosen, WIDTH);
        piece_table(flow, t, piece, &widths, labels, &continued, out);
    }
}

fn piece_table(
    flow: &mut Flow<'_>,
    t: &document::Table,
    piece: &[usize],
    widths: &[f32],
    labels: usize,
    continued: &str,
    out: &mut Vec<Node>,
) {
    let columns = piece
        .iter()
        .zip(widths)
        .map(|(&c, &width)| Column {
            header: t.columns[c].header.plain(),
            width,
            align: align(t.columns[c].align),
        })
        .collect();
    let size = flow.sizes.small;
    let rows = t
        .rows
        .iter()
        .map(|row| {
            piece
                .iter()
                .map(|&c| {
                    let col = &t.columns[c];
                    row.cells
                        .get(c)
                        .into_iter()
                        .flatten()
                        .map(|p| {
                            let p = if row.total {
                                p.clone().strong()
                            } else {
                                p.clone()
                            };
                            para(flow, &p, size).aligned(align(col.align))
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    flow.table(
        &Table {
            columns,
            rows,
            summary: t.summary.plain(),
            row_headers: t.row_headers,
            size,
            continued: Some(continued.to_string()),
            repeat: labels,
        },
        out,
    );
}

fn align(a: document::Align) -> Align {
    match a {
        document::Align::Left => Align::Left,
        document::Align::Right => Align::Right,
    }
}

fn chart(flow: &mut Flow<'_>, c: &Chart, combined: bool, out: &mut Vec<Node>) {
    let scale = Scale {
        min: c.scale.min,
        max: c.scale.max,
    };
    let caption = c.caption.plain();
    match &c.kind {
        ChartKind::Bars { groups } => {
            let groups: Vec<charts::BarGroup> = groups
                .iter()
                .map(|g| charts::BarGroup {
                    title: g.title.as_ref().map(Text::plain),
                    bars: g
                        .bars
                        .iter()
                        .map(|b| charts::Bar {
                            label: b.label.plain(),
                            value: b.value,
                            series: b.series,
                        })
                        .collect(),
                })
                .collect();
            let label = flow.sizes.label;
            let pitch = if combined || groups.len() > 1 {
                label * 1.55
            } else {
                label * 2.3
            };
            flow.space(6.0);
            for chunk in split_groups(groups, pitch, label, BOTTOM - TOP) {
                let (items, h) = charts::bar_chart(flow, &chunk, scale, &caption, WIDTH, pitch);
                out.push(flow.figure(items, LEFT, h, c.alt.plain()));
                flow.y += 6.0;
            }
        }
        ChartKind::Dots { rows } => {
            let rows: Vec<charts::DotRow> = rows
                .iter()
                .map(|r| charts::DotRow {
                    title: r.title.plain(),
                    dots: r
                        .dots
                        .iter()
                        .map(|d| charts::Dot {
                            label: d.label.plain(),
                            value: d.value,
                            series: d.series,
                        })
                        .collect(),
                })
                .collect();
            flow.space(8.0);
            // As many rows to a figure as fit on a page; one Figure in the structure tree.
            // The first piece fills what is left of this page when a row fits there.
            let mut parts = Vec::new();
            let mut start = 0;
            let one = charts::dot_plot(flow, &rows[..rows.len().min(1)], scale, &caption, WIDTH).1;
            let mut limit = if flow.room() >= one {
                flow.room()
            } else {
                BOTTOM - TOP - 20.0
            };
            while start < rows.len() {
                let mut end = start + 1;
                let mut best = charts::dot_plot(flow, &rows[start..end], scale, &caption, WIDTH);
                while end < rows.len() {
                    let next = charts::dot_plot(flow, &rows[start..=end], scale, &caption, WIDTH);
                    if next.1 > limit {
                        break;
                    }
                    best = next;
                    end += 1;
                }
                parts.push(best);
                start = end;
                limit = BOTTOM - TOP - 20.0;
            }
            out.push(flow.figure_parts(parts, LEFT, c.alt.plain()));
            flow.y += 8.0;
        }
        ChartKind::Votes { rows } => {
            let rows: Vec<charts::VoteRow> = rows
                .iter()
                .map(|r| charts::VoteRow {
                    label: r.label.plain(),
                    counts: r.counts.clone(),
                    agreed: r.agreed,
                })
                .collect();
            flow.space(4.0);
            // Pieces that fit a page, one Figure.
            let body = BOTTOM - TOP - 20.0;
            let mut parts = Vec::new();
            let mut start = 0;
            while start < rows.len() {
                let mut end = start + 1;
                let mut best = charts::votes_chart(flow, &rows[start..end], &caption, WIDTH);
                while end < rows.len() {
                    let next = charts::votes_chart(flow, &rows[start..=end], &caption, WIDTH);
                    if next.1 > body {
                        break;
                    }
                    best = next;
                    end += 1;
                }
                parts.push(best);
                start = end;
            }
            out.push(flow.figure_parts(parts, LEFT, c.alt.plain()));
            flow.y += 6.0;
        }
        ChartKind::Lines { dates, panels } => {
            let dates: Vec<String> = dates.iter().map(Text::plain).collect();
            let panels: Vec<charts::Panel> = panels
                .iter()
                .map(|p| charts::Panel {
                    title: p.title.plain(),
                    values: p.values.clone(),
                })
                .collect();
            flow.space(8.0);
            let parts = charts::small_multiples(flow, &dates, &panels, scale, &caption);
            out.push(flow.figure_parts(parts, LEFT, c.alt.plain()));
            flow.y += 4.0;
        }
    }
}

/// Splits bar groups into charts that each fit on a page.
fn split_groups(
    groups: Vec<charts::BarGroup>,
    pitch: f32,
    label: f32,
    body: f32,
) -> Vec<Vec<charts::BarGroup>> {
    let mut out: Vec<Vec<charts::BarGroup>> = Vec::new();
    let mut current: Vec<charts::BarGroup> = Vec::new();
    for g in groups {
        current.push(g);
        if current.len() > 1
            && charts::bar_chart_height(&current, pitch, label) > body - 40.0
            && let Some(last) = current.pop()
        {
            out.push(std::mem::take(&mut current));
            current.push(last);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
