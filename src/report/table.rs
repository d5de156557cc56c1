//! Terminal tables: a compact scorecard that fits the terminal.
//!
//! Meaning is never carried by colour: every score is printed as a number, with its band in
//! words and a bar drawn in block characters. Colour (bold headings only) is used when the
//! caller allows it; user text is cleaned of control characters so a record cannot send escape
//! sequences to the terminal.

use std::io::Write;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{Report, Style, percent_text, plural, score_text};

/// Writes the report as terminal tables.
pub fn render(report: &Report, style: &Style, out: &mut dyn Write) -> std::io::Result<()> {
    let bold = |s: &str| {
        if style.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let width = style.width.max(40);
    let scale_max = report.framework.scale_max;

    let w = usize::from(width);
    writeln!(out, "{}", bold(&wrap(&clean(&report.title), w, "", "")))?;
    let who: Vec<String> = report
        .records
        .iter()
        .filter(|r| r.current)
        .map(|r| clean(&r.scored_by))
        .collect();
    let overall = match &report.overall {
        Some(s) => format!(
            "{}: {} out of {scale_max} · {} of the scale{}",
            clean(&report.overall_name()),
            score_text(s.value),
            percent_text(s.percent),
            s.band
                .as_ref()
                .map(|b| format!(" · {}", clean(b)))
                .unwrap_or_default()
        ),
        None => format!(
            "{}: no indicators scored yet",
            clean(&report.overall_name())
        ),
    };
    let c = &report.completeness;
    if let Some(org) = &report.organisation {
        writeln!(out, "{}", wrap(&clean(org), w, "", ""))?;
    }
    // With one partnership its name is in the title; several are named here, so nobody takes
    // a combined result for one partnership's.
    let partnerships = (report.partnerships.len() > 1).then(|| {
        format!(
            "Partnerships combined: {}",
            clean(&report.partnerships.join(", "))
        )
    });
    let lines = [
        Some(format!(
            "{} {} · {} · {}",
            clean(&report.framework.title),
            clean(&report.framework.version),
            plural(report.records.len(), "record"),
            report.dates.join(", ")
        )),
        partnerships,
        Some(format!(
            "Scored by: {} ({})",
            who.join(", "),
            report.current_date()
        )),
        Some(String::new()),
        Some(overall),
        Some(format!(
            "Complete: {} of {} answered, {} not applicable, {} unanswered ({})",
            c.answered,
            c.total,
            c.not_applicable,
            c.unanswered,
            percent_text(c.percent_complete)
        )),
        Some(String::new()),
    ];
    for line in lines.into_iter().flatten() {
        writeln!(out, "{}", wrap(&line, w, "", "  "))?;
    }

    let mut t = new_table(width);
    let mut header = vec![
        clean(&report.section_heading()),
        "Score".into(),
        "%".into(),
        "Band".into(),
    ];
    if report.is_combined() {
        header.push("Range".into());
    }
    // Below 72 columns the bar would wrap; the numbers alone still say everything.
    let show_bar = width >= 72;
    if show_bar {
        header.push("Bar".into());
    }
    t.set_header(header);
    for s in &report.sections {
        let mut row = vec![Cell::new(clean(&s.title))];
        match &s.score {
            Some(v) => {
                row.push(Cell::new(score_text(v.value)).set_alignment(CellAlignment::Right));
                row.push(Cell::new(percent_text(v.percent)).set_alignment(CellAlignment::Right));
                row.push(Cell::new(v.band.as_deref().map(clean).unwrap_or_default()));
            }
            None => {
                row.push(Cell::new("–").set_alignment(CellAlignment::Right));
                row.push(Cell::new("–").set_alignment(CellAlignment::Right));
                row.push(Cell::new("not scored"));
            }
        }
        if report.is_combined() {
            row.push(Cell::new(
                s.stats
                    .as_ref()
                    .map(|st| format!("{}–{}", score_text(st.min), score_text(st.max)))
                    .unwrap_or_default(),
            ));
        }
        if show_bar {
            row.push(Cell::new(bar(
                s.score.as_ref().map_or(0.0, |v| v.percent),
                12,
            )));
        }
        t.add_row(row);
    }
    writeln!(out, "{t}\n")?;

    for (heading, list) in [
        ("Strengths", &report.strengths),
        ("Priorities", &report.priorities),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "{}", bold(heading))?;
        for h in list {
            let line = format!(
                "{} {} {}",
                score_text(h.score),
                h.indicator.to_uppercase(),
                clean(&h.statement)
            );
            writeln!(out, "{}", wrap(&line, usize::from(width), "  ", "      "))?;
        }
        writeln!(out)?;
    }

    write_perspectives(report, width, &bold, out)?;
    write_trend(report, width, &bold, out)?;

    for s in &report.sections {
        let headline = match &s.score {
            Some(v) => format!(
                "{} · {}{}",
                clean(&s.title),
                score_text(v.value),
                v.band
                    .as_ref()
                    .map(|b| format!(" · {}", clean(b)))
                    .unwrap_or_default()
            ),
            None => format!("{} · not scored", clean(&s.title)),
        };
        writeln!(out, "{}", bold(&headline))?;
        let mut t = new_table(width);
        if report.is_combined() {
            t.set_header(vec!["ID", "Indicator", "Score", "Min", "Max", "n"]);
            for i in &s.indicators {
                let mut row = vec![
                    Cell::new(i.id.to_uppercase()),
                    Cell::new(clean(&i.statement)),
                ];
                match &i.stats {
                    Some(st) => {
                        row.push(
                            Cell::new(opt_score(i.score.as_ref().map(|v| v.value)))
                                .set_alignment(CellAlignment::Right),
                        );
                        for v in [st.min, st.max] {
                            row.push(Cell::new(score_text(v)).set_alignment(CellAlignment::Right));
                        }
                        row.push(Cell::new(st.count).set_alignment(CellAlignment::Right));
                    }
                    None => {
                        row.extend(
                            ["–", "–", "–"]
                                .map(|x| Cell::new(x).set_alignment(CellAlignment::Right)),
                        );
                        row.push(Cell::new(0).set_alignment(CellAlignment::Right));
                    }
                }
                t.add_row(row);
            }
        } else {
            t.set_header(vec!["ID", "Indicator", "Level"]);
            for i in &s.indicators {
                let level = match report.single_current().and_then(|ri| i.responses.get(ri)) {
                    Some(r) if r.not_applicable => "n/a".to_string(),
                    Some(r) => match (r.level, &r.level_label) {
                        (Some(v), Some(l)) => format!("{v} {}", clean(l)),
                        (Some(v), None) => v.to_string(),
                        _ => "not answered".to_string(),
                    },
                    None => "not answered".to_string(),
                };
                t.add_row(vec![
                    Cell::new(i.id.to_uppercase()),
                    Cell::new(clean(&i.statement)),
                    Cell::new(level),
                ]);
            }
        }
        writeln!(out, "{t}\n")?;
    }
    if let Some(p) = &report.action_progress {
        let line = format!(
            "You said, we did: of the {} actions agreed on {}, {} are done or embedded, {} still open, \
             {} dropped and {} not mentioned this time; {} overdue.",
            p.agreed,
            p.since,
            p.completed,
            p.open,
            p.dropped,
            p.not_followed_up,
            p.overdue.len()
        );
        writeln!(out, "{}\n", wrap(&line, usize::from(width), "", ""))?;
    }
    let counts = report.current_actions;
    if counts.agreed > 0 {
        let line = format!(
            "{} agreed, {} still open. Use --format markdown for evidence and the action plan.",
            plural(counts.agreed, "action"),
            counts.open
        );
        writeln!(out, "{}", wrap(&line, usize::from(width), "", ""))?;
    }
    Ok(())
}

fn opt_score(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), score_text)
}

fn write_perspectives(
    report: &Report,
    width: u16,
    bold: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let Some(p) = &report.perspectives else {
        return Ok(());
    };
    writeln!(
        out,
        "{}",
        bold(&format!(
            "Views by stakeholder group ({})",
            report.current_date()
        ))
    )?;
    let mut t = new_table(width);
    let mut header = vec![clean(&report.section_heading())];
    header.extend(p.groups.iter().map(|g| clean(&g.name)));
    header.push("Gap".into());
    t.set_header(header);
    let right = |s: String| Cell::new(s).set_alignment(CellAlignment::Right);
    let mut add = |name: String, g: &super::compare::GapView| {
        let mut row = vec![Cell::new(name)];
        row.extend(g.by_group.iter().map(|v| right(opt_score(*v))));
        let flag = if g.diverges { " ⚑" } else { "" };
        row.push(right(format!("{}{flag}", opt_score(g.gap))));
        t.add_row(row);
    };
    for s in &p.sections {
        add(clean(&s.text), &s.gap);
    }
    add(clean(&report.overall_name()), &p.overall);
    writeln!(out, "{t}")?;
    let talk = p.talk_about();
    let line = if talk.is_empty() {
        format!(
            "No indicator's group results differ by {} levels or more.",
            score_text(p.threshold)
        )
    } else {
        let items: Vec<String> = talk
            .iter()
            .map(|i| format!("{} (gap {})", i.id.to_uppercase(), opt_score(i.gap.gap)))
            .collect();
        format!(
            "⚑ Talk about this: group results differ by {} levels or more on {}.",
            score_text(p.threshold),
            items.join(", ")
        )
    };
    writeln!(out, "{}\n", wrap(&line, usize::from(width), "", "  "))
}

fn write_trend(
    report: &Report,
    width: u16,
    bold: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use crate::score::compare::Direction;
    let Some(tr) = &report.trend else {
        return Ok(());
    };
    writeln!(out, "{}", bold("Over time"))?;
    let mut t = new_table(width);
    let mut header = vec![String::new()];
    header.extend(tr.dates.iter().cloned());
    header.push("Change".into());
    t.set_header(header);
    let mut add = |name: String, s: &super::compare::SeriesView| {
        let mut row = vec![Cell::new(name)];
        row.extend(
            s.values
                .iter()
                .map(|v| Cell::new(opt_score(*v)).set_alignment(CellAlignment::Right)),
        );
        row.push(Cell::new(
            s.change_shown
                .map(|c| {
                    format!(
                        "{} {}",
                        super::change_text(c),
                        super::direction_text(s.direction)
                    )
                })
                .unwrap_or_default(),
        ));
        t.add_row(row);
    };
    add(clean(&report.overall_name()), &tr.overall);
    for s in &tr.sections {
        add(clean(&s.text), s);
    }
    writeln!(out, "{t}")?;
    if let Some(v) = &report.framework_versions {
        let list: Vec<String> = v
            .versions
            .iter()
            .map(|x| format!("{} ({})", clean(&x.version), x.records))
            .collect();
        let mut line = format!(
            "Framework versions: {}; compared indicator by indicator.",
            list.join(", ")
        );
        if !v.renamed.is_empty() {
            line.push_str(&format!(" Renamed: {}.", v.renaming_words().join(", ")));
        }
        if !v.retired.is_empty() {
            let ids: Vec<String> = v.retired.iter().map(|(id, _)| id.to_uppercase()).collect();
            line.push_str(&format!(
                " Left out (no longer in the framework): {}.",
                ids.join(", ")
            ));
        }
        if !v.new.is_empty() {
            let ids: Vec<String> = v.new.iter().map(|id| id.to_uppercase()).collect();
            line.push_str(&format!(" Not in earlier records: {}.", ids.join(", ")));
        }
        writeln!(out, "{}", wrap(&line, usize::from(width), "", "  "))?;
    }
    for (label, d) in [
        ("Improved", Direction::Improved),
        ("Slipped", Direction::Slipped),
    ] {
        let ids: Vec<String> = tr.moved(d).iter().map(|i| i.id.to_uppercase()).collect();
        let list = if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        };
        writeln!(
            out,
            "{}",
            wrap(&format!("{label}: {list}"), usize::from(width), "", "  ")
        )?;
    }
    writeln!(out)
}

/// Word-wraps `text` to `width` columns, with a first-line and a following-line indent.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_start = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !line_start && col + 1 + len > width {
            out.push('\n');
            out.push_str(rest);
            col = rest.chars().count();
            line_start = true;
        }
        if !line_start {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_start = false;
    }
    out
}

fn new_table(width: u16) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    t
}

/// A horizontal bar of `cells` characters for a percentage, in eighths of a block.
pub fn bar(percent: f64, cells: usize) -> String {
    let eighths = ((percent.clamp(0.0, 100.0) / 100.0) * (cells * 8) as f64).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    s.push_str(PARTS[eighths % 8]);
    let used = eighths / 8 + usize::from(!eighths.is_multiple_of(8));
    s.push_str(&"·".repeat(cells.saturating_sub(used)));
    s
}

/// Text for one line of the terminal: control characters (ESC included), bidi overrides and
/// invisible characters are shown as escapes such as `\u{1b}`, so user text cannot move the
/// cursor, change colours, retitle the terminal or reorder what is shown
/// ([`crate::clean::terminal_line`]).
pub fn clean(text: &str) -> String {
    crate::clean::terminal_line(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_exact_width() {
        for p in [0.0, 12.5, 50.0, 99.0, 100.0] {
            assert_eq!(bar(p, 12).chars().count(), 12, "{p}");
        }
        assert_eq!(bar(100.0, 4), "████");
        assert_eq!(bar(50.0, 4), "██··");
    }

    #[test]
    fn wrap_keeps_within_width() {
        let w = wrap("one two three four five six", 10, "  ", "    ");
        assert_eq!(w, "  one two\n    three\n    four\n    five\n    six");
    }

    #[test]
    fn escape_sequences_are_removed() {
        assert_eq!(clean("a\x1b[31mb\u{202e}"), "a\\u{1b}[31mb\\u{202e}");
    }
}
