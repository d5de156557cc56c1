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
    "indicator_score",
    "section_score",
];

/// Writes the report as CSV.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for (ri, record) in report.records.iter().enumerate() {
        for section in &report.sections {
            let section_score = section
                .score
                .as_ref()
                .map(|s| score_text(s.value))
                .unwrap_or_default();
            for ind in &section.indicators {
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
                    ind.score
                        .as_ref()
                        .map(|s| score_text(s.value))
                        .unwrap_or_default(),
                    section_score.clone(),
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
