//! A spreadsheet (`.xlsx`): a sheet per view of the report, for people who work in Excel, Power
//! BI, R or pandas. Every number is a number cell (rounded as every format rounds it), dates are
//! date cells, header rows are frozen, and text is always written as text, so nothing typed into
//! a record can become a formula.

use std::io::Write;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{Report, direction_text, round_percent, round_score};

/// Writes the report as an `.xlsx` workbook.
pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let bytes = workbook(report).map_err(|e| std::io::Error::other(e.to_string()))?;
    out.write_all(&bytes)
}

/// The sheets' names, in order (the groups and trend sheets only when the report has them).
pub const SHEETS: &[&str] = &["Scorecard", "Indicators", "Groups", "Trend", "Actions"];

/// Cell formats shared by every sheet.
struct Styles {
    header: Format,
    score: Format,
    percent: Format,
    date: Format,
    text: Format,
    /// Text that a spreadsheet would read as a formula if it were typed in: marked as text.
    quoted: Format,
}

impl Styles {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold().set_text_wrap(),
            score: Format::new().set_num_format("0.0"),
            percent: Format::new().set_num_format("0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            text: Format::new().set_text_wrap(),
            quoted: Format::new().set_text_wrap().set_quote_prefix(),
        }
    }
}

/// One sheet being filled: the next row, and how wide each column should be.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    styles: &'a Styles,
    row: u32,
}

impl<'a> Sheet<'a> {
    /// A sheet with a frozen header row of these columns, each `(name, width)`.
    fn new(
        ws: &'a mut Worksheet,
        styles: &'a Styles,
        columns: &[(&str, f64)],
    ) -> Result<Self, XlsxError> {
        for (c, (name, width)) in columns.iter().enumerate() {
            let c = col(c);
            ws.write_string_with_format(0, c, *name, &styles.header)?;
            ws.set_column_width(c, *width)?;
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(Self { ws, styles, row: 1 })
    }

    fn text(&mut self, c: usize, text: &str) -> Result<(), XlsxError> {
        let cleaned: String = text
            .chars()
            .filter(|ch| !crate::clean::is_hidden(*ch))
            .collect();
        if cleaned.is_empty() {
            return Ok(());
        }
        let format = if starts_formula(&cleaned) {
            &self.styles.quoted
        } else {
            &self.styles.text
        };
        self.ws
            .write_string_with_format(self.row, col(c), cleaned, format)?;
        Ok(())
    }

    fn score(&mut self, c: usize, value: Option<f64>) -> Result<(), XlsxError> {
        if let Some(v) = value.filter(|v| v.is_finite()) {
            self.ws.write_number_with_format(
                self.row,
                col(c),
                round_score(v),
                &self.styles.score,
            )?;
        }
        Ok(())
    }

    fn percent(&mut self, c: usize, value: Option<f64>) -> Result<(), XlsxError> {
        if let Some(v) = value.filter(|v| v.is_finite()) {
            self.ws.write_number_with_format(
                self.row,
                col(c),
                round_percent(v) / 100.0,
                &self.styles.percent,
            )?;
        }
        Ok(())
    }

    fn count(&mut self, c: usize, n: usize) -> Result<(), XlsxError> {
        // Counts are far below 2^53, so exact as a number cell.
        #[allow(clippy::cast_precision_loss)]
        self.ws.write_number(self.row, col(c), n as f64)?;
        Ok(())
    }

    fn date(&mut self, c: usize, text: &str) -> Result<(), XlsxError> {
        match ExcelDateTime::parse_from_str(text) {
            Ok(d) => {
                self.ws
                    .write_datetime_with_format(self.row, col(c), &d, &self.styles.date)?;
                Ok(())
            }
            Err(_) => self.text(c, text),
        }
    }

    fn next(&mut self) {
        self.row += 1;
    }
}

/// Whether text starts the way a formula does (after spaces), in ASCII or full-width forms.
fn starts_formula(text: &str) -> bool {
    text.trim_start_matches(' ').starts_with([
        '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '\u{2212}',
    ])
}

/// A column index as the writer wants it (reports have a few dozen columns at most).
fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn workbook(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new().set_title(crate::clean::pdf_metadata(&report.title)),
    );
    scorecard(book.add_worksheet().set_name(SHEETS[0])?, &styles, report)?;
    indicators(book.add_worksheet().set_name(SHEETS[1])?, &styles, report)?;
    if report.perspectives.is_some() {
        groups(book.add_worksheet().set_name(SHEETS[2])?, &styles, report)?;
    }
    if report.trend.is_some() {
        trend(book.add_worksheet().set_name(SHEETS[3])?, &styles, report)?;
    }
    actions(book.add_worksheet().set_name(SHEETS[4])?, &styles, report)?;
    book.save_to_buffer()
}

fn scorecard(ws: &mut Worksheet, styles: &Styles, report: &Report) -> Result<(), XlsxError> {
    let mut s = Sheet::new(
        ws,
        styles,
        &[
            ("Result", 30.0),
            ("Score", 8.0),
            ("Percent", 9.0),
            ("Band", 14.0),
            ("Answered", 10.0),
            ("Not applicable", 10.0),
            ("Unanswered", 11.0),
            ("Total", 8.0),
        ],
    )?;
    let overall = report.overall.as_ref();
    s.text(0, &report.overall_name())?;
    s.score(1, overall.map(|o| o.value))?;
    s.percent(2, overall.map(|o| o.percent))?;
    s.text(3, overall.and_then(|o| o.band.as_deref()).unwrap_or(""))?;
    let c = &report.completeness;
    s.count(4, c.answered)?;
    s.count(5, c.not_applicable)?;
    s.count(6, c.unanswered)?;
    s.count(7, c.total)?;
    s.next();
    for section in &report.sections {
        s.text(0, &section.title)?;
        s.score(1, section.score.as_ref().map(|v| v.value))?;
        s.percent(2, section.score.as_ref().map(|v| v.percent))?;
        s.text(
            3,
            section
                .score
                .as_ref()
                .and_then(|v| v.band.as_deref())
                .unwrap_or(""),
        )?;
        let c = &section.completeness;
        s.count(4, c.answered)?;
        s.count(5, c.not_applicable)?;
        s.count(6, c.unanswered)?;
        s.count(7, c.total)?;
        s.next();
    }
    Ok(())
}

fn indicators(ws: &mut Worksheet, styles: &Styles, report: &Report) -> Result<(), XlsxError> {
    let mut s = Sheet::new(
        ws,
        styles,
        &[
            ("Record", 7.0),
            ("File", 24.0),
            ("Partnership", 20.0),
            ("Date", 11.0),
            ("Scored by", 18.0),
            ("Group", 14.0),
            ("Section", 18.0),
            ("Indicator", 9.0),
            ("Statement", 50.0),
            ("Answer", 14.0),
            ("Level", 6.0),
            ("Level label", 12.0),
            ("Evidence", 50.0),
            ("Indicator score", 9.0),
        ],
    )?;
    for (ri, record) in report.records.iter().enumerate() {
        for section in &report.sections {
            for ind in &section.indicators {
                let Some(resp) = ind.responses.iter().find(|r| r.record == ri) else {
                    continue;
                };
                s.count(0, ri + 1)?;
                s.text(1, &record.file)?;
                s.text(2, &record.partnership)?;
                s.date(3, &record.date)?;
                s.text(4, &record.scored_by)?;
                s.text(5, record.group.as_deref().unwrap_or(""))?;
                s.text(6, &section.title)?;
                s.text(7, &ind.id)?;
                s.text(8, &ind.statement)?;
                let answer = match (resp.level, resp.not_applicable) {
                    (Some(_), _) => "level",
                    (None, true) => "not applicable",
                    (None, false) => "unanswered",
                };
                s.text(9, answer)?;
                if let Some(l) = resp.level {
                    s.count(10, usize::try_from(l).unwrap_or(usize::MAX))?;
                }
                s.text(11, resp.level_label.as_deref().unwrap_or(""))?;
                s.text(12, resp.evidence.as_deref().unwrap_or("").trim_end())?;
                s.score(13, ind.score.as_ref().map(|v| v.value))?;
                s.next();
            }
        }
    }
    Ok(())
}

fn groups(ws: &mut Worksheet, styles: &Styles, report: &Report) -> Result<(), XlsxError> {
    let Some(p) = &report.perspectives else {
        return Ok(());
    };
    let mut columns: Vec<(&str, f64)> = vec![("Indicator", 9.0), ("Statement", 50.0)];
    columns.extend(p.groups.iter().map(|g| (g.name.as_str(), 12.0)));
    columns.push(("Gap", 7.0));
    columns.push(("Talk about this", 10.0));
    let mut s = Sheet::new(ws, styles, &columns)?;
    let n = p.groups.len();
    let row = |s: &mut Sheet<'_>,
               id: &str,
               text: &str,
               gap: &super::compare::GapView|
     -> Result<(), XlsxError> {
        s.text(0, id)?;
        s.text(1, text)?;
        for (i, v) in gap.by_group.iter().enumerate() {
            s.score(2 + i, *v)?;
        }
        s.score(2 + n, gap.gap)?;
        s.text(3 + n, if gap.diverges { "yes" } else { "" })?;
        s.next();
        Ok(())
    };
    row(&mut s, "", &report.overall_name(), &p.overall)?;
    for g in p.sections.iter().chain(&p.indicators) {
        row(&mut s, &g.id, &g.text, &g.gap)?;
    }
    Ok(())
}

fn trend(ws: &mut Worksheet, styles: &Styles, report: &Report) -> Result<(), XlsxError> {
    let Some(t) = &report.trend else {
        return Ok(());
    };
    let mut columns: Vec<(&str, f64)> = vec![("Id", 18.0), ("Result", 50.0)];
    columns.extend(t.dates.iter().map(|d| (d.as_str(), 11.0)));
    columns.push(("Change", 8.0));
    columns.push(("Direction", 14.0));
    let mut s = Sheet::new(ws, styles, &columns)?;
    let n = t.dates.len();
    for series in std::iter::once(&t.overall)
        .chain(&t.sections)
        .chain(&t.indicators)
    {
        s.text(0, &series.id)?;
        let text = if series.id.is_empty() {
            report.overall_name()
        } else {
            series.text.clone()
        };
        s.text(1, &text)?;
        for (i, v) in series.values.iter().enumerate() {
            s.score(2 + i, *v)?;
        }
        s.score(2 + n, series.change_shown)?;
        s.text(3 + n, direction_text(series.direction))?;
        s.next();
    }
    Ok(())
}

fn actions(ws: &mut Worksheet, styles: &Styles, report: &Report) -> Result<(), XlsxError> {
    let mut s = Sheet::new(
        ws,
        styles,
        &[
            ("Indicator", 9.0),
            ("Record", 7.0),
            ("Scored by", 18.0),
            ("Date", 11.0),
            ("What", 50.0),
            ("Owner", 18.0),
            ("Due", 11.0),
            ("Status", 12.0),
            ("Note", 30.0),
        ],
    )?;
    for a in &report.actions {
        s.text(0, &a.indicator)?;
        s.count(1, a.record + 1)?;
        if let Some(r) = report.records.get(a.record) {
            s.text(2, &r.scored_by)?;
            s.date(3, &r.date)?;
        }
        s.text(4, &a.what)?;
        s.text(5, a.owner.as_deref().unwrap_or(""))?;
        if let Some(d) = &a.due {
            s.date(6, d)?;
        }
        s.text(7, a.status.label())?;
        s.text(8, a.note.as_deref().unwrap_or(""))?;
        s.next();
    }
    Ok(())
}
