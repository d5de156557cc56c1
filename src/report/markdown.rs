//! Markdown: a board paper in GitHub-flavoured Markdown.
//!
//! Every piece of user text goes through [`inline`] or [`cell`], so a `|`, `*` or line break in
//! evidence can never break a table or start a heading.

use std::io::Write;

use super::{Report, percent_text, score_text};

/// Escapes text for use inside a Markdown line (after other text, in a list item or cell).
/// Line breaks, a lone CR too, become spaces; see [`crate::clean::markdown`].
pub fn inline(text: &str) -> String {
    crate::clean::markdown(text)
}

/// Escapes text that starts a line of its own (a paragraph): as [`inline`], and a leading `-`,
/// `+`, `=` or `1.` cannot start a list or heading.
pub fn block(text: &str) -> String {
    let escaped = inline(text);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

/// Escapes text for a table cell: as [`inline`], with line breaks kept as `<br>`.
pub fn cell(text: &str) -> String {
    let parts: Vec<String> = crate::clean::lines(text.trim())
        .map(inline)
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("<br>")
}

/// Writes the report as Markdown.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let noun = inline(&report.section_heading());
    let scale_max = report.framework.scale_max;
    writeln!(out, "# {}\n", inline(&report.title))?;
    if let Some(org) = &report.organisation {
        writeln!(out, "{}\n", block(org))?;
    }
    writeln!(
        out,
        "{} (version {}) · {} · {}\n",
        inline(&report.framework.title),
        inline(&report.framework.version),
        inline(&report.partnerships.join(", ")),
        report.dates.join(", ")
    )?;

    writeln!(out, "## Summary\n")?;
    writeln!(out, "| | |\n|---|---|")?;
    let overall = match &report.overall {
        Some(s) => format!(
            "**{}** out of {scale_max} ({} of the scale){}",
            score_text(s.value),
            percent_text(s.percent),
            s.band
                .as_ref()
                .map(|b| format!(" · {}", cell(b)))
                .unwrap_or_default()
        ),
        None => "No indicators scored yet".to_string(),
    };
    writeln!(out, "| {} | {overall} |", cell(&report.overall_name()))?;
    let c = &report.completeness;
    writeln!(
        out,
        "| Completeness | {} of {} answered · {} not applicable · {} unanswered ({} complete) |",
        c.answered,
        c.total,
        c.not_applicable,
        c.unanswered,
        percent_text(c.percent_complete)
    )?;
    let who: Vec<String> = report
        .records
        .iter()
        .filter(|r| r.current)
        .map(|r| format!("{} ({})", cell(&r.scored_by), r.date))
        .collect();
    writeln!(out, "| Scored by | {} |", who.join("; "))?;
    if report.dates.len() > 1 {
        writeln!(
            out,
            "| Earlier assessments | {} (see “Over time”) |",
            report.dates[..report.dates.len() - 1].join(", ")
        )?;
    }
    writeln!(out)?;

    writeln!(out, "## {noun} results\n")?;
    if report.is_combined() {
        writeln!(
            out,
            "| {noun} | Score | % of scale | Band | Lowest group | Highest group | Spread | Answered |"
        )?;
        writeln!(out, "|---|---:|---:|---|---:|---:|---:|---:|")?;
    } else {
        writeln!(out, "| {noun} | Score | % of scale | Band | Answered |")?;
        writeln!(out, "|---|---:|---:|---|---:|")?;
    }
    for s in &report.sections {
        let (score, pct, band) = match &s.score {
            Some(v) => (
                score_text(v.value),
                percent_text(v.percent),
                v.band.as_deref().map(cell).unwrap_or_default(),
            ),
            None => ("–".into(), "–".into(), String::new()),
        };
        let answered = format!(
            "{} of {}",
            s.completeness.answered + s.completeness.not_applicable,
            s.completeness.total
        );
        if report.is_combined() {
            let (lo, hi, spread) = match &s.stats {
                Some(st) => (
                    score_text(st.min),
                    score_text(st.max),
                    score_text(st.spread),
                ),
                None => ("–".into(), "–".into(), "–".into()),
            };
            writeln!(
                out,
                "| {} | {score} | {pct} | {band} | {lo} | {hi} | {spread} | {answered} |",
                cell(&s.title)
            )?;
        } else {
            writeln!(
                out,
                "| {} | {score} | {pct} | {band} | {answered} |",
                cell(&s.title)
            )?;
        }
    }
    writeln!(out)?;

    for (heading, list) in [
        ("Strengths", &report.strengths),
        ("Priorities", &report.priorities),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "## {heading}\n")?;
        for h in list {
            writeln!(
                out,
                "- **{}** {} ({}): {}",
                inline(&h.indicator.to_uppercase()),
                inline(&h.statement),
                inline(&h.section),
                score_text(h.score)
            )?;
        }
        writeln!(out)?;
    }

    write_perspectives(report, out)?;
    write_trend(report, out)?;

    for s in &report.sections {
        writeln!(out, "## {}\n", inline(&s.title))?;
        if !s.summary.is_empty() {
            writeln!(out, "{}\n", block(&s.summary))?;
        }
        if report.is_combined() {
            writeln!(
                out,
                "| ID | Indicator | Score | Median | Min | Max | Spread | Responses |"
            )?;
            writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|")?;
            for i in &s.indicators {
                let cols = match &i.stats {
                    Some(st) => format!(
                        "{} | {} | {} | {} | {} | {}",
                        opt_score(i.score.as_ref().map(|v| v.value)),
                        score_text(st.median),
                        score_text(st.min),
                        score_text(st.max),
                        score_text(st.spread),
                        st.count
                    ),
                    None => "– | – | – | – | – | 0".to_string(),
                };
                writeln!(
                    out,
                    "| {} | {} | {cols} |",
                    cell(&i.id.to_uppercase()),
                    cell(&i.statement)
                )?;
            }
            writeln!(out)?;
            let notes: Vec<String> = s
                .indicators
                .iter()
                .flat_map(|i| {
                    i.responses
                        .iter()
                        .filter(|r| report.records[r.record].current)
                        .filter_map(move |r| {
                            let text = r.evidence.as_deref()?.trim();
                            (!text.is_empty()).then(|| {
                                let who = &report.records[r.record].scored_by;
                                format!(
                                    "- **{}**, {}: {}",
                                    inline(&i.id.to_uppercase()),
                                    inline(who),
                                    inline(text)
                                )
                            })
                        })
                })
                .collect();
            if !notes.is_empty() {
                writeln!(out, "### Evidence\n\n{}\n", notes.join("\n"))?;
            }
        } else {
            writeln!(out, "| ID | Indicator | Level | Evidence |")?;
            writeln!(out, "|---|---|---|---|")?;
            for i in &s.indicators {
                let r = report.single_current().and_then(|ri| i.responses.get(ri));
                let level = match r {
                    Some(r) if r.not_applicable => "Not applicable".to_string(),
                    Some(r) => match (r.level, &r.level_label) {
                        (Some(v), Some(l)) => format!("{v} {}", cell(l)),
                        (Some(v), None) => v.to_string(),
                        _ => "Not answered".to_string(),
                    },
                    None => "Not answered".to_string(),
                };
                let evidence = r
                    .and_then(|r| r.evidence.as_deref())
                    .map(cell)
                    .unwrap_or_default();
                writeln!(
                    out,
                    "| {} | {} | {level} | {evidence} |",
                    cell(&i.id.to_uppercase()),
                    cell(&i.statement)
                )?;
            }
            writeln!(out)?;
        }
    }

    if let Some(p) = &report.action_progress {
        writeln!(out, "## You said, we did\n")?;
        writeln!(
            out,
            "Of the {} actions agreed on {}: {} done or embedded, {} still open, {} dropped, {} not mentioned this time.\n",
            p.agreed, p.since, p.completed, p.open, p.dropped, p.not_followed_up
        )?;
        if !p.overdue.is_empty() {
            writeln!(out, "Overdue (still open after their due date):\n")?;
            writeln!(
                out,
                "| Indicator | Action | Owner | Due | Status |\n|---|---|---|---|---|"
            )?;
            for a in &p.overdue {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    cell(&a.indicator.to_uppercase()),
                    cell(&a.what),
                    a.owner.as_deref().map(cell).unwrap_or_default(),
                    a.due.as_deref().unwrap_or(""),
                    a.status.label()
                )?;
            }
            writeln!(out)?;
        }
    }

    if report
        .actions
        .iter()
        .any(|a| report.records[a.record].current)
    {
        writeln!(out, "## Action plan\n")?;
        writeln!(
            out,
            "| Indicator | Action | Owner | Due | Status | Raised by |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for a in report
            .actions
            .iter()
            .filter(|a| report.records[a.record].current)
        {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&a.indicator.to_uppercase()),
                match &a.note {
                    Some(n) => format!("{}<br>_{}_", cell(&a.what), cell(n)),
                    None => cell(&a.what),
                },
                a.owner.as_deref().map(cell).unwrap_or_default(),
                a.due.as_deref().map(cell).unwrap_or_default(),
                a.status.label(),
                cell(&report.records[a.record].scored_by)
            )?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## How the scores are worked out\n")?;
    writeln!(out, "{}\n", block(&super::method_text(report)))?;
    writeln!(out, "| Level | Name | Meaning |\n|---:|---|---|")?;
    for l in &report.framework.scale {
        writeln!(
            out,
            "| {} | {} | {} |",
            l.value,
            cell(&l.label),
            cell(&l.meaning)
        )?;
    }
    if !report.framework.bands.is_empty() {
        writeln!(out, "\n| Band | From | To | Meaning |\n|---|---:|---:|---|")?;
        for b in &report.framework.bands {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&b.label),
                score_text(b.min),
                score_text(b.max),
                cell(&b.meaning)
            )?;
        }
    }
    Ok(())
}

fn opt_score(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), score_text)
}

/// Stakeholder groups side by side, and the indicators to talk about.
fn write_perspectives(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let Some(p) = &report.perspectives else {
        return Ok(());
    };
    let names: Vec<String> = p
        .groups
        .iter()
        .map(|g| {
            if g.records == 1 || report.anonymised && g.records < 3 {
                cell(&g.name)
            } else {
                format!("{} ({})", cell(&g.name), g.records)
            }
        })
        .collect();
    let header = format!(
        "| {} | {} | Gap |",
        cell(&report.section_heading()),
        names.join(" | ")
    );
    let rule = format!("|---|{}---:|", "---:|".repeat(names.len()));
    writeln!(out, "## Views by stakeholder group\n")?;
    writeln!(
        out,
        "Each group's result on {}; the gap is the highest minus the lowest.\n",
        report.current_date()
    )?;
    writeln!(out, "{header}\n{rule}")?;
    let row = |name: &str, g: &super::compare::GapView| {
        let values: Vec<String> = g.by_group.iter().map(|v| opt_score(*v)).collect();
        let flag = if g.diverges {
            " ⚑ talk about this"
        } else {
            ""
        };
        format!(
            "| {name} | {} | {}{flag} |",
            values.join(" | "),
            opt_score(g.gap)
        )
    };
    for s in &p.sections {
        writeln!(out, "{}", row(&cell(&s.text), &s.gap))?;
    }
    writeln!(
        out,
        "{}\n",
        row(&format!("**{}**", cell(&report.overall_name())), &p.overall)
    )?;
    let talk = p.talk_about();
    writeln!(out, "### Talk about this\n")?;
    if talk.is_empty() {
        writeln!(
            out,
            "No indicator's group results differ by {} levels or more.\n",
            score_text(p.threshold)
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "Group results differ by {} levels or more on these indicators:\n",
        score_text(p.threshold)
    )?;
    writeln!(out, "| ID | Indicator | {} | Gap |", names.join(" | "))?;
    writeln!(out, "|---|---|{}---:|", "---:|".repeat(names.len()))?;
    for i in talk {
        let values: Vec<String> = i.gap.by_group.iter().map(|v| opt_score(*v)).collect();
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&i.id.to_uppercase()),
            cell(&i.text),
            values.join(" | "),
            opt_score(i.gap.gap)
        )?;
    }
    writeln!(out)
}

/// Results over time, and what improved or slipped.
fn write_trend(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    use crate::score::compare::Direction;
    let Some(t) = &report.trend else {
        return Ok(());
    };
    let previous = t
        .dates
        .len()
        .checked_sub(2)
        .and_then(|i| t.dates.get(i))
        .map_or("", String::as_str);
    writeln!(out, "## Over time\n")?;
    writeln!(
        out,
        "| | {} | Change since {previous} |",
        t.dates.join(" | ")
    )?;
    writeln!(out, "|---|{}---|", "---:|".repeat(t.dates.len()))?;
    let row = |name: &str, s: &super::compare::SeriesView| {
        let values: Vec<String> = s.values.iter().map(|v| opt_score(*v)).collect();
        let change = s
            .change_shown
            .map(|c| {
                format!(
                    "{} {}",
                    super::change_text(c),
                    super::direction_text(s.direction)
                )
            })
            .unwrap_or_default();
        format!("| {name} | {} | {change} |", values.join(" | "))
    };
    writeln!(
        out,
        "{}",
        row(&format!("**{}**", cell(&report.overall_name())), &t.overall)
    )?;
    for s in &t.sections {
        writeln!(out, "{}", row(&cell(&s.text), s))?;
    }
    writeln!(out)?;
    for (label, d) in [
        ("Improved", Direction::Improved),
        ("Slipped", Direction::Slipped),
    ] {
        let moved = t.moved(d);
        if moved.is_empty() {
            writeln!(out, "{label} since {previous}: none.\n")?;
        } else {
            let items: Vec<String> = moved
                .iter()
                .map(|i| {
                    format!(
                        "{} ({})",
                        inline(&i.id.to_uppercase()),
                        i.change_shown.map(super::change_text).unwrap_or_default()
                    )
                })
                .collect();
            writeln!(out, "{label} since {previous}: {}.\n", items.join(", "))?;
        }
    }
    if let Some(v) = &report.framework_versions {
        let list: Vec<String> = v
            .versions
            .iter()
            .map(|x| {
                format!(
                    "version {} ({})",
                    inline(&x.version),
                    crate::report::plural(x.records, "record")
                )
            })
            .collect();
        writeln!(
            out,
            "The records were made with different versions of the framework: {}. They are compared indicator by indicator.\n",
            list.join(", ")
        )?;
        if !v.renamed.is_empty() {
            let pairs: Vec<String> = v
                .renamed
                .iter()
                .map(|(old, now)| {
                    format!(
                        "{} is now {}",
                        inline(&old.to_uppercase()),
                        inline(&now.to_uppercase())
                    )
                })
                .collect();
            writeln!(
                out,
                "Renamed, with earlier answers counted under the new id: {}.\n",
                pairs.join(", ")
            )?;
        }
        if !v.retired.is_empty() {
            let ids: Vec<String> = v
                .retired
                .iter()
                .map(|(id, _)| inline(&id.to_uppercase()))
                .collect();
            writeln!(
                out,
                "No longer in the framework, so left out of every score: {}.\n",
                ids.join(", ")
            )?;
        }
        if !v.new.is_empty() {
            let ids: Vec<String> = v.new.iter().map(|id| inline(&id.to_uppercase())).collect();
            writeln!(
                out,
                "Not answered in the earlier versions' records (new, or not scored then): {}.\n",
                ids.join(", ")
            )?;
        }
    }
    let same = t.moved(Direction::Same).len();
    writeln!(
        out,
        "About the same (a change of less than {} of a level on the exact scores): {same} of {}. A change shown is the difference of the scores as shown.\n",
        t.step,
        t.indicators.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_block_starts() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("one\ntwo"), "one<br>two");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(block("- not a list"), "\\- not a list");
        assert_eq!(inline("- in a line"), "- in a line");
        assert_eq!(inline("*bold*"), "\\*bold\\*");
        assert_eq!(block("1. first"), "1\\. first");
        assert_eq!(inline("1.0"), "1.0");
    }
}
