//! CSV: one row per indicator per record, UTF-8, safe to open in a spreadsheet.

use std::io::Write;

use super::{Report, score_text};

/// Column names, in order.
pub const COLUMNS: &[&str] = &[
    "record",
    "file",
    "partnership",
    "date",
    "scored_by",
    "group",
    "section",
    "section_title",
    "indicator",
    "statement",
    "answer",
    "level",
    "level_label",
    "evidence",
    "actions",
    "record_section_score",
    "record_overall_score",
    "date_indicator_score",
    "date_section_score",
    "date_overall_score",
];

/// A score for a cell: rounded as in every text format, empty when there is none.
fn num(x: Option<f64>) -> String {
    x.map(score_text).unwrap_or_default()
}

/// Writes the report as CSV.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for (ri, record) in report.records.iter().enumerate() {
        // The combined scores of this record's date: from the trend when there are several
        // dates, else the scorecard's own.
        let at = report
            .trend
            .as_ref()
            .and_then(|t| Some((t, t.dates.iter().position(|d| *d == record.date)?)));
        let date_overall = match at {
            Some((t, d)) => t.overall.values[d],
            None => report.overall.as_ref().map(|s| s.value),
        };
        let mut k = 0; // the indicator's place in framework order
        for (si, section) in report.sections.iter().enumerate() {
            let date_section = match at {
                Some((t, d)) => t.sections[si].values[d],
                None => section.score.as_ref().map(|s| s.value),
            };
            for ind in &section.indicators {
                let date_indicator = match at {
                    Some((t, d)) => t.indicators[k].values[d],
                    None => ind.score.as_ref().map(|s| s.value),
                };
                k += 1;
                let Some(resp) = ind.responses.get(ri) else {
                    continue;
                };
                let answer = match (resp.level, resp.not_applicable) {
                    (Some(_), _) => "level",
                    (None, true) => "n/a",
                    (None, false) => "unanswered",
                };
                let actions: Vec<String> = report
                    .actions
                    .iter()
                    .filter(|a| a.record == ri && a.indicator == ind.id)
                    .map(|a| format!("{} [{}]", a.what, a.status.label()))
                    .collect();
                let row = [
                    (ri + 1).to_string(),
                    safe(&record.file),
                    safe(&record.partnership),
                    record.date.clone(),
                    safe(&record.scored_by),
                    safe(record.group.as_deref().unwrap_or("")),
                    safe(&section.id),
                    safe(&section.title),
                    safe(&ind.id),
                    safe(&ind.statement),
                    answer.to_string(),
                    resp.level.map(|l| l.to_string()).unwrap_or_default(),
                    safe(resp.level_label.as_deref().unwrap_or("")),
                    safe(resp.evidence.as_deref().unwrap_or("").trim_end()),
                    safe(&actions.join("; ")),
                    num(record.sections.get(si).copied().flatten()),
                    num(record.overall),
                    num(date_indicator),
                    num(date_section),
                    num(date_overall),
                ];
                w.write_record(&row)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// One cell, safe to open in a spreadsheet and to print on a terminal: control and invisible
/// characters go, and text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` or their
/// full-width forms, also after spaces or invisible characters; tab, CR) gets an apostrophe in
/// front, which spreadsheets show as plain text ([`crate::clean::csv`]).
pub fn safe(text: &str) -> String {
    crate::clean::csv(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn formula_starts_are_neutralised() {
        for bad in [
            "=1+1",
            "+SUM(A1)",
            "-2",
            "@cmd",
            "\tx",
            "\rx",
            " =1",
            "\u{200b}=1",
            "＝1",
        ] {
            assert!(safe(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(safe("Plain text"), "Plain text");
    }
}
