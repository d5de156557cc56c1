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
use super::text::{Span, Weight};
use crate::report::Report;
use crate::report::builder;
use crate::report::document::{
    self, Block, Chart, ChartKind, Emphasis, Medium, Part, PartKind, Text, Voice,
};

pub use crate::report::builder::long_date;

const BODY: f32 = 10.5;
const SMALL: f32 = 9.0;

/// Lays out the whole report; returns the structure tree's top-level nodes.
pub fn build(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let doc = builder::build(report, Medium::Print);
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
            for b in &part.blocks {
                block(flow, b, combined, &mut out);
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
fn spans(text: &Text, base: Weight) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for r in &text.runs {
        let (weight, color) = match r.emphasis {
            Emphasis::Plain => (base, INK),
            Emphasis::Strong => (Weight::Bold, INK),
            Emphasis::Quiet => (base, GREY),
        };
        match out.last_mut() {
            Some(last) if last.weight == weight && last.color == color => {
                last.text.push_str(&r.text);
            }
            _ => out.push(super::layout::span(r.text.clone(), weight, color)),
        }
    }
    out
}

fn para(text: &Text, size: f32) -> Para {
    Para::spans(spans(text, Weight::Regular), size)
}

fn paragraph(flow: &mut Flow<'_>, text: &Text, size: f32, out: &mut Vec<Node>) {
    let tag: TagKind = if is_ours(text) {
        flow.ui(Tag::P)
    } else {
        Tag::P.into()
    };
    flow.paragraph(&para(text, size), tag, out);
}

fn cover(flow: &mut Flow<'_>, doc: &document::Document, part: &Part, out: &mut Vec<Node>) {
    flow.y += 90.0;
    let mut blocks = part.blocks.iter();
    if let Some(Block::Paragraph { text }) = blocks.next() {
        let kicker = Para::spans(spans(text, Weight::Bold), 12.0);
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
    for b in blocks {
        match b {
            Block::Paragraph { text } if !heading_seen => {
                paragraph(flow, text, 12.0, out);
                flow.y += 4.0;
            }
            Block::Heading { .. } => {
                heading_seen = true;
                flow.y += 26.0;
                block(flow, b, false, out);
            }
            _ => block(flow, b, false, out),
        }
    }
}

fn block(flow: &mut Flow<'_>, b: &Block, combined: bool, out: &mut Vec<Node>) {
    match b {
        Block::Heading { level, text } => {
            flow.heading(level + 2, &text.plain(), is_ours(text), out);
        }
        Block::Paragraph { text } => {
            paragraph(flow, text, BODY, out);
            flow.y += 4.0;
        }
        Block::Note { text } => {
            paragraph(flow, text, SMALL, out);
            flow.y += 4.0;
        }
        Block::Facts { facts } => {
            for (n, f) in facts.iter().enumerate() {
                let text = f.label.clone().and(": ").strong().append(f.value.clone());
                // The first fact is the headline result.
                let size = if n == 0 { 14.0 } else { BODY };
                paragraph(flow, &text, size, out);
                flow.y += 3.0;
            }
            flow.y += 4.0;
        }
        Block::List { items } => {
            let paras: Vec<Para> = items.iter().map(|t| para(t, SMALL)).collect();
            flow.list(&paras, LEFT, WIDTH, out);
            flow.y += 4.0;
        }
        Block::Table(t) => {
            table(flow, t, out);
            flow.y += 8.0;
        }
        Block::Chart(c) => chart(flow, c, combined, out),
    }
}

fn table(flow: &mut Flow<'_>, t: &document::Table, out: &mut Vec<Node>) {
    let total: f32 = t.columns.iter().map(|c| f32::from(c.share.max(1))).sum();
    let columns = t
        .columns
        .iter()
        .map(|c| Column {
            header: c.header.plain(),
            width: WIDTH * f32::from(c.share.max(1)) / total,
            align: align(c.align),
        })
        .collect();
    let rows = t
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .zip(&t.columns)
                .map(|(paras, c)| {
                    paras
                        .iter()
                        .map(|p| {
                            let p = if row.total {
                                p.clone().strong()
                            } else {
                                p.clone()
                            };
                            para(&p, SMALL).aligned(align(c.align))
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
            size: SMALL,
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
            let pitch = if combined || groups.len() > 1 {
                13.0
            } else {
                20.0
            };
            flow.space(6.0);
            for chunk in split_groups(groups, pitch, BOTTOM - TOP) {
                let (items, h) = charts::bar_chart(flow, &chunk, scale, &caption, WIDTH, pitch);
                out.push(flow.figure(items, LEFT, h, c.alt.plain()));
                flow.y += 6.0;
            }
        }
        ChartKind::Radar { axes, lines } => {
            let axes: Vec<String> = axes.iter().map(Text::plain).collect();
            let series: Vec<charts::Series> = lines
                .iter()
                .map(|l| charts::Series {
                    label: l.label.plain(),
                    series: l.series,
                    values: l.values.clone(),
                })
                .collect();
            let w = 260.0;
            flow.space(6.0);
            let (items, h) = charts::radar_chart(flow, &axes, &series, scale, w);
            out.push(flow.figure(items, LEFT + (WIDTH - w) / 2.0, h, c.alt.plain()));
            flow.y += 8.0;
        }
    }
}

/// Splits bar groups into charts that each fit on a page.
fn split_groups(
    groups: Vec<charts::BarGroup>,
    pitch: f32,
    body: f32,
) -> Vec<Vec<charts::BarGroup>> {
    let mut out: Vec<Vec<charts::BarGroup>> = Vec::new();
    let mut current: Vec<charts::BarGroup> = Vec::new();
    for g in groups {
        current.push(g);
        if current.len() > 1
            && charts::bar_chart_height(&current, pitch) > body - 40.0
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
