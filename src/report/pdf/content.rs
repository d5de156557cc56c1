//! What the PDF says, page by page: cover, summary, the groups side by side, change over
//! time, one part per section, the follow-up of last time's actions, the action plan and the
//! appendix. Every number comes from the [`Report`]; this module only words and places it.
//!
//! When the records span several dates, the scorecard (summary, charts, sections, action plan)
//! describes the latest date, as in every other format; earlier dates appear in "Over time"
//! and "You said, we did".

use krilla::tagging::{Tag, TagKind};

use super::charts::{self, Bar, BarGroup, Scale, Series};
use super::layout::{
    Align, BOTTOM, Column, Flow, GREY, INK, LEFT, Node, Para, TOP, Table, WIDTH, span,
};
use super::text::{Span, Weight};
use crate::report::compare::{GapView, SeriesView};
use crate::report::{Report, ScoreView, change_text, direction_text, percent_text, score_text};
use crate::score::compare::Direction;

const BODY: f32 = 10.5;
const SMALL: f32 = 9.0;

/// Lays out the whole report; returns the structure tree's top-level nodes.
pub fn build(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let labels = record_labels(report);
    let mut tree = Vec::new();
    tree.push(section_node(cover(flow, report)));
    flow.page_break();
    tree.push(section_node(summary(flow, report, &labels)));
    if report.perspectives.is_some() || report.trend.is_some() {
        flow.page_break();
        let mut out = perspectives(flow, report);
        out.extend(trend(flow, report));
        tree.push(section_node(out));
    }
    for i in 0..report.sections.len() {
        flow.page_break();
        tree.push(section_node(section(flow, report, i, &labels)));
    }
    flow.page_break();
    if report.action_progress.is_some() {
        tree.push(section_node(progress(flow, report)));
    }
    tree.push(section_node(actions(flow, report, &labels)));
    flow.page_break();
    tree.push(section_node(appendix(flow, report)));
    tree
}

/// Indices of the records the scorecard describes (those of the latest date).
fn current(report: &Report) -> Vec<usize> {
    (0..report.records.len())
        .filter(|&i| report.records[i].current)
        .collect()
}

fn section_node(children: Vec<Node>) -> Node {
    Node::Group(Tag::Section.into(), children)
}

fn p(flow: &mut Flow<'_>, para: &Para, fixed: bool, out: &mut Vec<Node>) {
    let tag: TagKind = if fixed {
        flow.ui(Tag::P)
    } else {
        Tag::P.into()
    };
    flow.paragraph(para, tag, out);
}

fn text(t: impl Into<String>) -> Span {
    span(t, Weight::Regular, INK)
}

fn bold(t: impl Into<String>) -> Span {
    span(t, Weight::Bold, INK)
}

fn grey(t: impl Into<String>) -> Span {
    span(t, Weight::Regular, GREY)
}

/// Names for the records of the latest date: who scored each, numbered when two share a name.
/// (Indexed like `report.records`; earlier records keep their plain name.)
fn record_labels(report: &Report) -> Vec<String> {
    let now = current(report);
    report
        .records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let same: Vec<usize> = now
                .iter()
                .copied()
                .filter(|&k| report.records[k].scored_by == r.scored_by)
                .collect();
            match same.iter().position(|&k| k == i) {
                Some(n) if same.len() > 1 => format!("{} ({})", r.scored_by, n + 1),
                _ => r.scored_by.clone(),
            }
        })
        .collect()
}

/// "12 November 2026" from "2026-11-12"; other text unchanged.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => format!(
            "{} {} {}",
            d.day(),
            MONTHS[usize::try_from(d.month() - 1).unwrap_or(0) % 12],
            d.year()
        ),
        Err(_) => iso.to_string(),
    }
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn answered(c: &crate::report::CompletenessView) -> String {
    format!("{} of {}", c.answered + c.not_applicable, c.total)
}

fn cover(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let mut out = Vec::new();
    flow.y += 90.0;
    let kicker = Para::plain("Co-production self-evaluation", 12.0, Weight::Bold, GREY);
    p(flow, &kicker, true, &mut out);
    flow.y += 6.0;
    flow.heading(1, &report.title, false, &mut out);
    flow.y += 8.0;
    if let Some(org) = report
        .organisation
        .as_deref()
        .filter(|o| !o.trim().is_empty())
    {
        let para = Para::plain(org.trim(), 12.0, Weight::Bold, INK);
        p(flow, &para, false, &mut out);
        flow.y += 4.0;
    }
    if !report.partnerships.is_empty() {
        let para = Para::plain(report.partnerships.join(", "), 14.0, Weight::Regular, INK);
        p(flow, &para, false, &mut out);
        flow.y += 4.0;
    }
    let dates: Vec<String> = report.dates.iter().map(|d| long_date(d)).collect();
    let when = match dates.as_slice() {
        [] => "Not dated".to_string(),
        [one] => format!("Assessed on {one}"),
        many => format!("Assessed on {}", and_list(many)),
    };
    p(
        flow,
        &Para::plain(when, 12.0, Weight::Regular, INK),
        true,
        &mut out,
    );
    let framework = Para::spans(
        vec![
            text("Framework: "),
            text(report.framework.title.clone()),
            text(format!(", version {}", report.framework.version)),
        ],
        12.0,
    );
    p(flow, &framework, false, &mut out);
    flow.y += 30.0;

    flow.heading(2, "Who took part", true, &mut out);
    let n = report.records.len();
    let intro = if report.dates.len() > 1 {
        format!(
            "This report covers {n} records from {} assessments. The scores describe the latest, \
             on {}; the earlier ones show what changed.",
            report.dates.len(),
            long_date(report.current_date())
        )
    } else if n > 1 {
        format!("This report combines {n} records, each scored by one group or by the whole room.")
    } else {
        "This report is based on one record.".to_string()
    };
    p_text(flow, intro, &mut out);
    flow.y += 6.0;
    let columns = vec![
        col("Scored by", 200.0, Align::Left),
        col("Date", 120.0, Align::Left),
        col("Indicators answered", WIDTH - 320.0, Align::Right),
    ];
    let rows = report
        .records
        .iter()
        .map(|r| {
            vec![
                vec![cell(r.scored_by.clone())],
                vec![cell(long_date(&r.date))],
                vec![cell(answered(&r.completeness)).aligned(Align::Right)],
            ]
        })
        .collect();
    flow.table(
        &Table {
            columns,
            rows,
            summary: "Who scored each record, when, and how many indicators they answered.".into(),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );
    out
}

fn col(header: &str, width: f32, align: Align) -> Column {
    Column {
        header: header.to_string(),
        width,
        align,
    }
}

fn cell(t: impl Into<String>) -> Para {
    Para::plain(t, SMALL, Weight::Regular, INK)
}

/// An action's cells: indicator, what (with its progress note), owner, due date, status.
fn action_cells(a: &crate::report::ActionItem) -> Vec<Vec<Para>> {
    let mut what = vec![cell(a.what.clone())];
    if let Some(note) = &a.note {
        what.push(grey_cell(note.clone()));
    }
    vec![
        vec![Para::plain(
            a.indicator.to_uppercase(),
            SMALL,
            Weight::Bold,
            INK,
        )],
        what,
        vec![a.owner.clone().map_or_else(|| grey_cell("Not set"), cell)],
        vec![
            a.due
                .as_deref()
                .map_or_else(|| grey_cell("Not set"), |d| cell(long_date(d))),
        ],
        vec![cell(a.status.label())],
    ]
}

fn grey_cell(t: impl Into<String>) -> Para {
    Para::plain(t, SMALL, Weight::Regular, GREY)
}

fn score_words(report: &Report, s: &ScoreView) -> String {
    let band = s
        .band
        .as_ref()
        .map(|b| format!(" · {b}"))
        .unwrap_or_default();
    format!(
        "{} out of {} ({} of the scale){band}",
        score_text(s.value),
        report.framework.scale_max,
        percent_text(s.percent)
    )
}

fn summary(flow: &mut Flow<'_>, report: &Report, labels: &[String]) -> Vec<Node> {
    let mut out = Vec::new();
    flow.heading(2, "Summary", true, &mut out);
    let name = report.overall_name();
    let overall = match &report.overall {
        Some(s) => Para::spans(
            vec![bold(format!("{name}: ")), bold(score_words(report, s))],
            14.0,
        ),
        None => Para::spans(
            vec![bold(format!("{name}: no indicators scored yet"))],
            14.0,
        ),
    };
    p(flow, &overall, false, &mut out);
    let c = &report.completeness;
    let counted = if report.is_combined() {
        format!("answers from {} records", current(report).len())
    } else {
        "indicators".to_string()
    };
    let mut words = format!(
        "{} of {} {counted} have a level, {} not applicable, {} unanswered ({} complete).",
        c.answered,
        c.total,
        c.not_applicable,
        c.unanswered,
        percent_text(c.percent_complete)
    );
    if report.is_combined()
        && let Some(st) = &report.overall_stats
    {
        words.push_str(&format!(
            " The records' own results range from {} to {}, a spread of {}.",
            score_text(st.min),
            score_text(st.max),
            score_text(st.spread)
        ));
    }
    if report.dates.len() > 1 {
        // The scorecard is the latest assessment's; the earlier ones are in "Over time".
        words = format!("On {}, {words}", long_date(report.current_date()));
    }
    p_text(flow, words, &mut out);

    let noun = report.section_heading();
    let scale = Scale {
        min: f64::from(report.framework.scale_min),
        max: f64::from(report.framework.scale_max),
    };

    // Under the bar chart: the radar beside the strengths and priorities. Built first, so the
    // bar chart's rows can be sized to leave room for them.
    let left_w = 240.0;
    let gap = 16.0;
    let radar = (report.sections.len() >= 3).then(|| {
        let axes: Vec<String> = report.sections.iter().map(|s| s.title.clone()).collect();
        let series = radar_series(report, labels);
        let alt = radar_alt(report, &series);
        let (items, h) = charts::radar_chart(flow, &axes, &series, scale, left_w);
        (items, h, alt)
    });
    let (list_x, list_w) = if radar.is_some() {
        (LEFT + left_w + gap, WIDTH - left_w - gap)
    } else {
        (LEFT, WIDTH)
    };
    let lists = highlight_lists(report);
    let lists_h: f32 = lists
        .iter()
        .map(|(_, items)| {
            30.0 + items
                .iter()
                .map(|p| flow.measure(p, list_w - 16.0) + 3.0)
                .sum::<f32>()
        })
        .sum();
    let radar_h = radar.as_ref().map_or(0.0, |r| r.1);

    let caption = axis_caption(report);
    let groups = bar_groups(report, labels);
    let heading_h = 30.0;
    let below = radar_h.max(lists_h) + 8.0;
    let rows = groups.iter().map(|g| g.bars.len()).sum::<usize>().max(1) as f32;
    let fixed = charts::bar_chart_height(&groups, 0.0);
    let body = BOTTOM - TOP;
    // Rows of 11 to 15 points: the whole summary on this page if they fit, else the chart on
    // a page of its own (split between pages only if it must be).
    let pitch = if report.is_combined() {
        let here = (flow.room() - heading_h - fixed - below - 6.0) / rows;
        if here >= 11.0 {
            here.min(15.0)
        } else {
            ((body - heading_h - fixed - 8.0) / rows).clamp(11.0, 15.0)
        }
    } else {
        20.0
    };
    flow.heading(3, &format!("{noun} scores"), true, &mut out);
    for chunk in split_groups(groups, pitch, body) {
        let alt = bar_alt(report, &chunk, &caption);
        let (items, h) = charts::bar_chart(flow, &chunk, scale, &caption, WIDTH, pitch);
        out.push(flow.figure(items, LEFT, h, alt));
        flow.y += 6.0;
    }

    flow.space(8.0);
    flow.need(radar_h.max(lists_h));
    let top = flow.y;
    if let Some((items, h, alt)) = radar {
        out.push(flow.figure(items, LEFT, h, alt));
    }
    let radar_bottom = flow.y;
    flow.y = top;
    for (heading, items) in lists {
        flow.heading_in(3, heading, true, list_x, list_w, &mut out);
        if items.is_empty() {
            let para = Para::plain(
                "None yet: too few indicators scored.",
                BODY,
                Weight::Regular,
                GREY,
            );
            let leaves = flow.lines(&para, list_x, list_w);
            out.push(Node::Group(flow.ui(Tag::P), leaves));
        } else {
            flow.list(&items, list_x, list_w, &mut out);
        }
    }
    flow.y = flow.y.max(radar_bottom);
    out
}

/// The radar's lines: each current record's own section scores (or the one record's).
fn radar_series(report: &Report, labels: &[String]) -> Vec<Series> {
    if report.is_combined() {
        current(report)
            .into_iter()
            .enumerate()
            .map(|(n, i)| Series {
                label: labels[i].clone(),
                series: n + 1,
                values: report.records[i].sections.clone(),
            })
            .collect()
    } else {
        let one = report.single_current().unwrap_or(0);
        vec![Series {
            label: labels.get(one).cloned().unwrap_or_default(),
            series: 0,
            values: report
                .records
                .get(one)
                .map(|r| r.sections.clone())
                .unwrap_or_default(),
        }]
    }
}

/// "Score: 1 = Not yet … 5 = Embedded".
fn axis_caption(report: &Report) -> String {
    let scale = &report.framework.scale;
    match (scale.first(), scale.last()) {
        (Some(lo), Some(hi)) if scale.len() > 1 => format!(
            "Score: {} = {}, {} = {}",
            lo.value, lo.label, hi.value, hi.label
        ),
        _ => "Score".to_string(),
    }
}

fn bar_groups(report: &Report, labels: &[String]) -> Vec<BarGroup> {
    if !report.is_combined() {
        let own = report
            .single_current()
            .and_then(|i| report.records.get(i))
            .map(|r| r.sections.clone())
            .unwrap_or_default();
        return vec![BarGroup {
            title: None,
            bars: report
                .sections
                .iter()
                .enumerate()
                .map(|(j, s)| Bar {
                    label: s.title.clone(),
                    value: own.get(j).copied().flatten(),
                    series: 0,
                })
                .collect(),
        }];
    }
    // One group per section, titled with the combined score, one bar per record.
    let now = current(report);
    report
        .sections
        .iter()
        .enumerate()
        .map(|(j, s)| {
            let combined = s
                .score
                .as_ref()
                .map_or_else(|| "not scored".to_string(), |v| score_text(v.value));
            let bars = now
                .iter()
                .enumerate()
                .map(|(n, &i)| Bar {
                    label: labels[i].clone(),
                    value: report.records[i].sections.get(j).copied().flatten(),
                    series: n + 1,
                })
                .collect();
            BarGroup {
                title: Some(format!("{} · combined {combined}", s.title)),
                bars,
            }
        })
        .collect()
}

/// Splits bar groups into charts that each fit on a page.
fn split_groups(groups: Vec<BarGroup>, pitch: f32, body: f32) -> Vec<Vec<BarGroup>> {
    let mut out: Vec<Vec<BarGroup>> = Vec::new();
    let mut current: Vec<BarGroup> = Vec::new();
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

fn bar_alt(report: &Report, groups: &[BarGroup], caption: &str) -> String {
    let noun = &report.framework.section_noun;
    let mut alt = format!(
        "Bar chart of {noun} scores on a scale from {} to {} ({caption}). ",
        report.framework.scale_min, report.framework.scale_max
    );
    let parts: Vec<String> = groups
        .iter()
        .map(|g| match &g.title {
            Some(t) => format!("{t}: {}.", charts::describe_bars(&g.bars)),
            None => format!("{}.", charts::describe_bars(&g.bars)),
        })
        .collect();
    alt.push_str(&parts.join(" "));
    alt
}

fn radar_alt(report: &Report, series: &[Series]) -> String {
    let noun = &report.framework.section_noun;
    let mut alt = format!(
        "Radar chart of the same {noun} scores, one axis per {noun}, from {} at the centre to {} at the edge",
        report.framework.scale_min, report.framework.scale_max
    );
    if series.len() > 1 {
        alt.push_str(", one line per record. ");
    } else {
        alt.push_str(". ");
    }
    let parts: Vec<String> = series
        .iter()
        .map(|s| {
            let values: Vec<String> = report
                .sections
                .iter()
                .zip(&s.values)
                .map(|(sec, v)| match v {
                    Some(v) => format!("{} {}", sec.title, score_text(*v)),
                    None => format!("{} no score", sec.title),
                })
                .collect();
            format!("{}: {}.", s.label, values.join(", "))
        })
        .collect();
    alt.push_str(&parts.join(" "));
    alt
}

fn highlight_lists(report: &Report) -> Vec<(&'static str, Vec<Para>)> {
    let item = |h: &crate::report::Highlight| {
        Para::spans(
            vec![
                bold(format!("{} ", h.indicator.to_uppercase())),
                text(h.statement.clone()),
                grey(format!(" ({})", h.section)),
                bold(format!(" {}", score_text(h.score))),
            ],
            SMALL,
        )
    };
    vec![
        ("Top strengths", report.strengths.iter().map(item).collect()),
        (
            "Top priorities",
            report.priorities.iter().map(item).collect(),
        ),
    ]
}

fn section(flow: &mut Flow<'_>, report: &Report, index: usize, labels: &[String]) -> Vec<Node> {
    let mut out = Vec::new();
    let s = &report.sections[index];
    flow.heading(2, &s.title, false, &mut out);
    if !s.summary.trim().is_empty() {
        p(
            flow,
            &Para::plain(s.summary.trim(), BODY, Weight::Regular, INK),
            false,
            &mut out,
        );
        flow.y += 4.0;
    }
    let mut result = match &s.score {
        Some(v) => format!("Score: {}.", score_words(report, v)),
        None => "Score: not scored yet.".to_string(),
    };
    if report.is_combined() {
        result.push_str(&format!(
            " {} answers from {} records.",
            answered(&s.completeness),
            current(report).len()
        ));
    } else {
        result.push_str(&format!(
            " {} indicators answered.",
            answered(&s.completeness)
        ));
    }
    if report.is_combined()
        && let Some(st) = &s.stats
    {
        result.push_str(&format!(
            " The records' own scores range from {} to {}, a spread of {}.",
            score_text(st.min),
            score_text(st.max),
            score_text(st.spread)
        ));
    }
    p_text(flow, result, &mut out);
    flow.y += 8.0;

    let table = if report.is_combined() {
        let columns = vec![
            col("ID", 32.0, Align::Left),
            col("Statement", 130.0, Align::Left),
            col("Score", 32.0, Align::Right),
            col("Min", 28.0, Align::Right),
            col("Max", 28.0, Align::Right),
            col("Answers", 42.0, Align::Right),
            col("Evidence notes", WIDTH - 292.0, Align::Left),
        ];
        let rows = s
            .indicators
            .iter()
            .map(|i| {
                let nums: Vec<Vec<Para>> = match &i.stats {
                    Some(st) => [
                        i.score
                            .as_ref()
                            .map_or_else(|| "–".to_string(), |v| score_text(v.value)),
                        score_text(st.min),
                        score_text(st.max),
                        st.count.to_string(),
                    ]
                    .into_iter()
                    .map(|t| vec![cell(t).aligned(Align::Right)])
                    .collect(),
                    None => (0..4)
                        .map(|k| {
                            let t = if k == 3 { "0" } else { "–" };
                            vec![grey_cell(t).aligned(Align::Right)]
                        })
                        .collect(),
                };
                let notes: Vec<Para> = i
                    .responses
                    .iter()
                    .filter(|r| report.records[r.record].current)
                    .filter_map(|r| {
                        let e = r.evidence.as_deref()?.trim();
                        (!e.is_empty()).then(|| {
                            Para::spans(
                                vec![bold(format!("{}: ", labels[r.record])), text(e.to_string())],
                                SMALL,
                            )
                        })
                    })
                    .collect();
                let notes = if notes.is_empty() {
                    vec![grey_cell("No notes")]
                } else {
                    notes
                };
                let mut row = vec![
                    vec![Para::plain(i.id.to_uppercase(), SMALL, Weight::Bold, INK)],
                    vec![cell(i.statement.clone())],
                ];
                row.extend(nums);
                row.push(notes);
                row
            })
            .collect();
        Table {
            columns,
            rows,
            summary: format!(
                "Indicators of {}: each statement's combined score, lowest and highest level \
                 across the records, how many records answered it, and their evidence notes.",
                s.title
            ),
            row_headers: true,
            size: SMALL,
        }
    } else {
        let columns = vec![
            col("ID", 36.0, Align::Left),
            col("Statement", 168.0, Align::Left),
            col("Level", 84.0, Align::Left),
            col("Evidence notes", WIDTH - 288.0, Align::Left),
        ];
        let rows = s
            .indicators
            .iter()
            .map(|i| {
                let r = report.single_current().and_then(|ri| i.responses.get(ri));
                let level = match r {
                    Some(r) if r.not_applicable => grey_cell("Not applicable"),
                    Some(r) => match (r.level, &r.level_label) {
                        (Some(v), Some(l)) => {
                            Para::spans(vec![bold(format!("{v} ")), text(l.to_string())], SMALL)
                        }
                        (Some(v), None) => cell(v.to_string()),
                        _ => grey_cell("Not answered"),
                    },
                    None => grey_cell("Not answered"),
                };
                let evidence = r
                    .and_then(|r| r.evidence.as_deref())
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map_or_else(|| grey_cell("No notes"), |e| cell(e.to_string()));
                vec![
                    vec![Para::plain(i.id.to_uppercase(), SMALL, Weight::Bold, INK)],
                    vec![cell(i.statement.clone())],
                    vec![level],
                    vec![evidence],
                ]
            })
            .collect();
        Table {
            columns,
            rows,
            summary: format!(
                "Indicators of {}: each statement, the level chosen and the evidence noted.",
                s.title
            ),
            row_headers: true,
            size: SMALL,
        }
    };
    flow.table(&table, &mut out);
    out
}

fn actions(flow: &mut Flow<'_>, report: &Report, labels: &[String]) -> Vec<Node> {
    let mut out = Vec::new();
    flow.heading(2, "Action plan", true, &mut out);
    let actions: Vec<&crate::report::ActionItem> = report
        .actions
        .iter()
        .filter(|a| report.records[a.record].current)
        .collect();
    if actions.is_empty() {
        let para = Para::plain("No actions were recorded.", BODY, Weight::Regular, INK);
        p(flow, &para, true, &mut out);
        return out;
    }
    let intro = if actions.len() == 1 {
        "One action agreed, with who raised it.".to_string()
    } else {
        format!(
            "{} actions agreed, in framework order, with who raised each one.",
            actions.len()
        )
    };
    p_text(flow, intro, &mut out);
    flow.y += 6.0;
    let columns = vec![
        col("Indicator", 48.0, Align::Left),
        col("Action", 150.0, Align::Left),
        col("Owner", 90.0, Align::Left),
        col("Due", 62.0, Align::Left),
        col("Status", 56.0, Align::Left),
        col("Raised by", WIDTH - 406.0, Align::Left),
    ];
    let rows = actions
        .iter()
        .map(|a| {
            let mut cells = action_cells(a);
            cells.push(vec![cell(labels[a.record].clone())]);
            cells
        })
        .collect();
    flow.table(
        &Table {
            columns,
            rows,
            summary: "The action plan: each action, its owner, due date and status, and who \
                      raised it."
                .into(),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );
    out
}

fn appendix(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let mut out = Vec::new();
    let f = &report.framework;
    flow.heading(2, "Appendix: how the scores are worked out", true, &mut out);
    let method = crate::report::method_text(report);
    p_text(flow, method, &mut out);
    let framework = Para::spans(
        vec![
            text("Framework: "),
            text(f.title.clone()),
            grey(format!(
                " (id {}, version {}, fingerprint {})",
                f.id, f.version, f.fingerprint
            )),
        ],
        SMALL,
    );
    flow.y += 4.0;
    p(flow, &framework, false, &mut out);
    if let Some(v) = &report.framework_versions {
        flow.y += 4.0;
        p_text(flow, versions_text(v), &mut out);
    }

    flow.heading(3, "The scale", true, &mut out);
    let rows = f
        .scale
        .iter()
        .map(|l| {
            vec![
                vec![Para::plain(l.value.to_string(), SMALL, Weight::Bold, INK)],
                vec![cell(l.label.clone())],
                vec![cell(l.meaning.clone())],
            ]
        })
        .collect();
    flow.table(
        &Table {
            columns: vec![
                col("Level", 44.0, Align::Left),
                col("Name", 110.0, Align::Left),
                col("Meaning", WIDTH - 154.0, Align::Left),
            ],
            rows,
            summary: "The rating scale: each level's value, name and meaning.".into(),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );

    if !f.bands.is_empty() {
        flow.heading(3, "The bands", true, &mut out);
        let rows = f
            .bands
            .iter()
            .map(|b| {
                vec![
                    vec![Para::plain(b.label.clone(), SMALL, Weight::Bold, INK)],
                    vec![cell(score_text(b.min)).aligned(Align::Right)],
                    vec![cell(score_text(b.max)).aligned(Align::Right)],
                    vec![cell(b.meaning.clone())],
                ]
            })
            .collect();
        flow.table(
            &Table {
                columns: vec![
                    col("Band", 110.0, Align::Left),
                    col("From", 40.0, Align::Right),
                    col("To", 40.0, Align::Right),
                    col("Meaning", WIDTH - 190.0, Align::Left),
                ],
                rows,
                summary: "The bands that name a result: from (inclusive), to (exclusive, except \
                          the top band) and meaning."
                    .into(),
                row_headers: true,
                size: SMALL,
            },
            &mut out,
        );
        let note = Para::plain(
            "A band runs from its lower bound up to, but not including, its upper bound; the top \
             band includes the highest score.",
            SMALL,
            Weight::Regular,
            GREY,
        );
        flow.y += 4.0;
        p(flow, &note, true, &mut out);
    }

    flow.heading(3, "The records", true, &mut out);
    let rows = report
        .records
        .iter()
        .map(|r| {
            vec![
                vec![cell(r.scored_by.clone())],
                vec![cell(r.file.clone())],
                vec![cell(long_date(&r.date))],
                vec![r.overall.map_or_else(
                    || grey_cell("–").aligned(Align::Right),
                    |v| cell(score_text(v)).aligned(Align::Right),
                )],
            ]
        })
        .collect();
    flow.table(
        &Table {
            columns: vec![
                col("Scored by", 130.0, Align::Left),
                col("File", WIDTH - 330.0, Align::Left),
                col("Date", 110.0, Align::Left),
                col(
                    &format!("Own {}", report.overall_name()),
                    90.0,
                    Align::Right,
                ),
            ],
            rows,
            summary: "The record files this report was made from, who scored each, its date and \
                      its own overall result."
                .into(),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );
    out
}

/// A group's column header: its name, and how many records speak for it when several do.
fn group_header(report: &Report, g: &crate::report::compare::GroupInfo) -> String {
    if g.records == 1 || report.anonymised && g.records < 3 {
        g.name.clone()
    } else {
        format!("{} ({})", g.name, g.records)
    }
}

fn gap_cells(g: &GapView) -> Vec<Vec<Para>> {
    let mut cells: Vec<Vec<Para>> = g.by_group.iter().map(|v| vec![opt_cell(*v)]).collect();
    let mut gap = vec![opt_cell(g.gap)];
    if g.diverges {
        gap.push(Para::plain("Talk about this", SMALL, Weight::Bold, INK).aligned(Align::Right));
    }
    cells.push(gap);
    cells
}

fn opt_cell(v: Option<f64>) -> Para {
    match v {
        Some(v) => cell(score_text(v)).aligned(Align::Right),
        None => grey_cell("–").aligned(Align::Right),
    }
}

/// Stakeholder groups side by side, and the indicators they see differently.
fn perspectives(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let mut out = Vec::new();
    let Some(p) = &report.perspectives else {
        return out;
    };
    let noun = report.section_heading();
    flow.heading(2, "Views by stakeholder group", true, &mut out);
    let intro = format!(
        "Each group's result on {}; the gap is the highest minus the lowest. A gap of {} levels \
         or more is marked “Talk about this”: the groups see it differently.",
        long_date(report.current_date()),
        score_text(p.threshold)
    );
    p_text(flow, intro, &mut out);
    flow.y += 6.0;

    let n = p.groups.len().max(1) as f32;
    let gap_w = 74.0;
    let group_w = ((WIDTH - 150.0 - gap_w) / n).clamp(38.0, 72.0);
    let mut columns = vec![col(&noun, WIDTH - gap_w - n * group_w, Align::Left)];
    columns.extend(
        p.groups
            .iter()
            .map(|g| col(&group_header(report, g), group_w, Align::Right)),
    );
    columns.push(col("Gap", gap_w, Align::Right));
    let mut rows: Vec<Vec<Vec<Para>>> = p
        .sections
        .iter()
        .map(|s| {
            let mut row = vec![vec![cell(s.text.clone())]];
            row.extend(gap_cells(&s.gap));
            row
        })
        .collect();
    let mut overall = vec![vec![Para::plain(
        report.overall_name(),
        SMALL,
        Weight::Bold,
        INK,
    )]];
    overall.extend(gap_cells(&p.overall));
    rows.push(overall);
    flow.table(
        &Table {
            columns,
            rows,
            summary: format!(
                "Each stakeholder group's result per {} and overall, and the gap between the \
                 highest and lowest.",
                report.framework.section_noun
            ),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );

    flow.heading(3, "Talk about this", true, &mut out);
    let talk = p.talk_about();
    if talk.is_empty() {
        let none = format!(
            "No indicator's group results differ by {} levels or more.",
            score_text(p.threshold)
        );
        p_text(flow, none, &mut out);
        return out;
    }
    let intro = format!(
        "Group results differ by {} levels or more on these indicators, widest gap first:",
        score_text(p.threshold)
    );
    p_text(flow, intro, &mut out);
    flow.y += 6.0;
    let id_w = 32.0;
    let gap_w = 40.0;
    let group_w = ((WIDTH - id_w - 130.0 - gap_w) / n).clamp(36.0, 60.0);
    let mut columns = vec![
        col("ID", id_w, Align::Left),
        col("Indicator", WIDTH - id_w - gap_w - n * group_w, Align::Left),
    ];
    columns.extend(
        p.groups
            .iter()
            .map(|g| col(&group_header(report, g), group_w, Align::Right)),
    );
    columns.push(col("Gap", gap_w, Align::Right));
    let rows = talk
        .iter()
        .map(|i| {
            let mut row = vec![
                vec![Para::plain(i.id.to_uppercase(), SMALL, Weight::Bold, INK)],
                vec![cell(i.text.clone())],
            ];
            row.extend(i.gap.by_group.iter().map(|v| vec![opt_cell(*v)]));
            row.push(vec![opt_cell(i.gap.gap)]);
            row
        })
        .collect();
    flow.table(
        &Table {
            columns,
            rows,
            summary: "Indicators the stakeholder groups scored far apart: each group's level and \
                      the gap."
                .into(),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );
    out
}

/// What the report says when the records were made with different versions of the framework.
fn versions_text(v: &crate::report::compare::VersionsView) -> String {
    let upper = |ids: &mut dyn Iterator<Item = &String>| {
        ids.map(|id| id.to_uppercase()).collect::<Vec<_>>()
    };
    let versions: Vec<String> = v
        .versions
        .iter()
        .map(|x| {
            format!(
                "version {} ({})",
                x.version,
                crate::report::plural(x.records, "record")
            )
        })
        .collect();
    let mut words = format!(
        "The records were made with different versions of the framework: {}. They are compared \
         indicator by indicator.",
        and_list(&versions)
    );
    if !v.renamed.is_empty() {
        words.push_str(&format!(
            " Renamed, with earlier answers counted under the new id: {}.",
            and_list(&v.renaming_words())
        ));
    }
    if !v.retired.is_empty() {
        let ids = upper(&mut v.retired.iter().map(|(id, _)| id));
        words.push_str(&format!(
            " No longer in the framework, so left out of every score: {}.",
            and_list(&ids)
        ));
    }
    if !v.new.is_empty() {
        let ids = upper(&mut v.new.iter());
        words.push_str(&format!(
            " Not answered in the earlier versions' records (new, or not scored then): {}.",
            and_list(&ids)
        ));
    }
    words
}

fn p_text(flow: &mut Flow<'_>, words: String, out: &mut Vec<Node>) {
    p(
        flow,
        &Para::plain(words, BODY, Weight::Regular, INK),
        true,
        out,
    );
}

/// Results at each date, a chart of them, and what moved since last time.
fn trend(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let mut out = Vec::new();
    let Some(t) = &report.trend else {
        return out;
    };
    let noun = report.section_heading();
    let previous = t
        .dates
        .len()
        .checked_sub(2)
        .and_then(|i| t.dates.get(i))
        .map(|d| long_date(d))
        .unwrap_or_default();
    flow.heading(2, "Over time", true, &mut out);
    let intro = format!(
        "The combined result at each assessment, earliest first. A change of less than {} of a \
         level on the exact scores counts as about the same; a change shown is the difference \
         of the scores as shown.",
        t.step
    );
    p_text(flow, intro, &mut out);
    flow.y += 6.0;

    let k = t.dates.len().max(1) as f32;
    let change_w = 110.0;
    let date_w = ((WIDTH - 140.0 - change_w) / k).clamp(46.0, 80.0);
    let mut columns = vec![col(&noun, WIDTH - change_w - k * date_w, Align::Left)];
    columns.extend(
        t.dates
            .iter()
            .map(|d| col(&long_date(d), date_w, Align::Right)),
    );
    columns.push(col(
        &format!("Change since {previous}"),
        change_w,
        Align::Left,
    ));
    let row = |name: Para, s: &SeriesView| {
        let mut row = vec![vec![name]];
        row.extend(s.values.iter().map(|v| vec![opt_cell(*v)]));
        row.push(vec![match s.change_shown {
            Some(c) => cell(format!(
                "{} {}",
                change_text(c),
                direction_text(s.direction)
            )),
            None => grey_cell("–"),
        }]);
        row
    };
    let mut rows = vec![row(
        Para::plain(report.overall_name(), SMALL, Weight::Bold, INK),
        &t.overall,
    )];
    rows.extend(t.sections.iter().map(|s| row(cell(s.text.clone()), s)));
    flow.table(
        &Table {
            columns,
            rows,
            summary: format!(
                "The overall result and each {}'s result at each assessment, and the change \
                 since the one before the latest.",
                report.framework.section_noun
            ),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );

    // The same numbers as a chart: one bar per date, grouped by result.
    let scale = Scale {
        min: f64::from(report.framework.scale_min),
        max: f64::from(report.framework.scale_max),
    };
    let dated = |s: &SeriesView| -> Vec<Bar> {
        t.dates
            .iter()
            .zip(&s.values)
            .enumerate()
            .map(|(n, (d, v))| Bar {
                label: long_date(d),
                value: *v,
                series: n + 1,
            })
            .collect()
    };
    let mut groups = vec![BarGroup {
        title: Some(report.overall_name()),
        bars: dated(&t.overall),
    }];
    groups.extend(t.sections.iter().map(|s| BarGroup {
        title: Some(s.text.clone()),
        bars: dated(s),
    }));
    let caption = axis_caption(report);
    let body = BOTTOM - TOP;
    flow.space(10.0);
    for chunk in split_groups(groups, 13.0, body) {
        let mut alt = format!(
            "Bar chart of the results at each assessment, on a scale from {} to {} ({caption}). ",
            report.framework.scale_min, report.framework.scale_max
        );
        let parts: Vec<String> = chunk
            .iter()
            .map(|g| {
                format!(
                    "{}: {}.",
                    g.title.clone().unwrap_or_default(),
                    charts::describe_bars(&g.bars)
                )
            })
            .collect();
        alt.push_str(&parts.join(" "));
        let (items, h) = charts::bar_chart(flow, &chunk, scale, &caption, WIDTH, 13.0);
        out.push(flow.figure(items, LEFT, h, alt));
        flow.y += 6.0;
    }

    for (label, d) in [
        ("Improved", Direction::Improved),
        ("Slipped", Direction::Slipped),
    ] {
        let moved = t.moved(d);
        let list = if moved.is_empty() {
            "none".to_string()
        } else {
            moved
                .iter()
                .map(|i| {
                    format!(
                        "{} ({})",
                        i.id.to_uppercase(),
                        i.change_shown.map(change_text).unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let para = Para::spans(
            vec![
                bold(format!("{label} since {previous}: ")),
                text(format!("{list}.")),
            ],
            BODY,
        );
        p(flow, &para, true, &mut out);
        flow.y += 3.0;
    }
    let same = t.moved(Direction::Same).len();
    p_text(
        flow,
        format!(
            "About the same: {same} of {} indicators.",
            t.indicators.len()
        ),
        &mut out,
    );
    out
}

/// What became of the actions agreed last time.
fn progress(flow: &mut Flow<'_>, report: &Report) -> Vec<Node> {
    let mut out = Vec::new();
    let Some(a) = &report.action_progress else {
        return out;
    };
    flow.heading(2, "You said, we did", true, &mut out);
    let words = format!(
        "Of the {} actions agreed on {}: {} done or embedded, {} still open, {} dropped and {} \
         not mentioned this time.",
        a.agreed,
        long_date(&a.since),
        a.completed,
        a.open,
        a.dropped,
        a.not_followed_up
    );
    p_text(flow, words, &mut out);
    if a.overdue.is_empty() {
        p_text(
            flow,
            "None of the open actions is past its due date.".into(),
            &mut out,
        );
        flow.y += 10.0;
        return out;
    }
    flow.heading(3, "Overdue", true, &mut out);
    let columns = vec![
        col("Indicator", 48.0, Align::Left),
        col("Action", 190.0, Align::Left),
        col("Owner", 110.0, Align::Left),
        col("Due", 70.0, Align::Left),
        col("Status", WIDTH - 418.0, Align::Left),
    ];
    let rows = a.overdue.iter().map(action_cells).collect();
    flow.table(
        &Table {
            columns,
            rows,
            summary: "Actions from the previous assessment that are still open after their due \
                      date."
                .into(),
            row_headers: true,
            size: SMALL,
        },
        &mut out,
    );
    flow.y += 10.0;
    out
}
