//! Reading a form export into rows of text: CSV (as Microsoft Forms, Google Forms, SurveyMonkey
//! and spreadsheets save it) or the first worksheet of an `.xlsx` workbook.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Pos, Source};
use crate::error::Error;

/// A table of text cells, as read: the first row is usually the header.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file's name as shown to people.
    pub name: String,
    /// The rows, each cell trimmed; short rows are not padded.
    pub rows: Vec<Vec<String>>,
    /// The line of the file each row starts on (CSV) or its row number (xlsx), 1-based.
    pub lines: Vec<usize>,
    /// What [`Sheet::lines`] counts: "line" (CSV) or "row" (a workbook).
    pub unit: &'static str,
}

impl Sheet {
    /// The cell at a row and column, or "" when the row is short.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", String::as_str)
    }

    /// How many columns the widest row has.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// A spreadsheet column's letters: 0 is A, 25 is Z, 26 is AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The first bytes of every `.xlsx` workbook (a ZIP archive).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Reads a form export: `.xlsx` (or `.xlsm`) as a workbook, anything else as CSV text. A
/// workbook is also known by its first bytes, so `coprod import - < answers.xlsx` and a
/// workbook saved without its extension are read as workbooks too.
pub fn read(path: &Path) -> Result<Sheet, Error> {
    let lower = path.to_string_lossy().to_ascii_lowercase();
    if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || is_zip(path)? {
        return read_xlsx(path);
    }
    if lower.ends_with(".xls") || lower.ends_with(".ods") || lower.ends_with(".numbers") {
        return Err(Error::Usage(format!(
            "{} is a spreadsheet coprod does not read\nhelp: save it as .xlsx or as CSV (UTF-8) and import that",
            path.display()
        )));
    }
    let source = crate::yaml::read_source(path)?;
    read_csv(&source)
}

/// Whether the file (or standard input, for `-`) starts like a ZIP archive.
fn is_zip(path: &Path) -> Result<bool, Error> {
    if path == Path::new("-") {
        return Ok(crate::yaml::stdin_bytes()?.starts_with(ZIP_MAGIC));
    }
    use std::io::Read;
    let mut start = [0u8; 4];
    // A file that cannot be opened here is reported by the reader that follows.
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut start));
    Ok(matches!(read, Ok(4)) && start == ZIP_MAGIC)
}

/// Reads CSV text, comma- or semicolon-separated (Excel in many European settings writes `;`).
pub fn read_csv(source: &Source) -> Result<Sheet, Error> {
    let first = source.text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .trim(csv::Trim::All)
        .from_reader(source.text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(1, |p| {
                let byte = usize::try_from(p.byte())
                    .unwrap_or(0)
                    .min(source.text.len());
                source
                    .text
                    .get(..byte)
                    .map_or(1, |b| b.matches('\n').count() + 1)
            });
            Error::Input(
                Diagnostic::at(
                    source,
                    Some(Pos { line, column: 1 }),
                    format!("cannot read this row: {e}"),
                )
                .help("save the export again as CSV (UTF-8), or import the .xlsx file instead")
                .into(),
            )
        })?;
        let start = row
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        let text = &*source.text;
        let start = start.min(text.len());
        let rest = text.get(start..).unwrap_or("");
        let start = start + (rest.len() - rest.trim_start_matches(['\r', '\n']).len());
        lines.push(text.get(..start).map_or(1, |b| b.matches('\n').count() + 1));
        rows.push(row.iter().map(clean).collect());
    }
    Ok(Sheet {
        name: source.name.clone(),
        rows,
        lines,
        unit: "line",
    })
}

/// A cell's text with line breaks inside it made spaces where they would break a header.
fn clean(cell: &str) -> String {
    cell.trim().to_string()
}

/// Reads the first worksheet of an `.xlsx` workbook. Numbers become text as people typed them
/// (`3`, not `3.0`); dates become `YYYY-MM-DD HH:MM:SS`.
fn read_xlsx(path: &Path) -> Result<Sheet, Error> {
    let shown = crate::diagnostic::display_path(path).display().to_string();
    let bytes = if path == Path::new("-") {
        crate::yaml::stdin_bytes()?.to_vec()
    } else {
        std::fs::read(path).map_err(|e| Error::io(format!("cannot read {shown}"), e))?
    };
    read_xlsx_bytes(shown, bytes)
}

/// Reads the first worksheet of an `.xlsx` workbook held in memory; `shown` names it in
/// messages.
pub fn read_xlsx_bytes(shown: String, bytes: Vec<u8>) -> Result<Sheet, Error> {
    use calamine::{Data, Reader};
    let unreadable = |why: String| {
        Error::Input(
            Diagnostic::file(
                &Source::named(shown.clone(), ""),
                format!("cannot read this workbook: {why}"),
            )
            .help("open it in a spreadsheet and save it again as .xlsx, or export the form as CSV")
            .into(),
        )
    };
    let mut workbook: calamine::Xlsx<_> =
        calamine::Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("it has no worksheet".into()))?
        .map_err(|e| unreadable(e.to_string()))?;
    let (top, _) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let cells = row
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                Data::String(s) => s.trim().to_string(),
                Data::Float(f) => number_text(*f),
                Data::Int(n) => n.to_string(),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(d) => serial_date_text(d.as_f64()),
                Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Error(e) => format!("#{e:?}"),
            })
            .collect();
        rows.push(cells);
        lines.push(usize::try_from(top).unwrap_or(0) + i + 1);
    }
    Ok(Sheet {
        name: shown,
        rows,
        lines,
        unit: "row",
    })
}

/// A number as a person would write it: `3` for 3.0, `2.5` for 2.5.
fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// An Excel date serial number (days since 30 December 1899) as `YYYY-MM-DD HH:MM:SS`.
fn serial_date_text(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return number_text(serial);
    }
    // In range, so the casts are exact enough: whole days and seconds.
    #[allow(clippy::cast_possible_truncation)]
    let days = serial.floor() as i64;
    #[allow(clippy::cast_possible_truncation)]
    let seconds = ((serial - serial.floor()) * 86_400.0).round() as i64;
    let base = jiff::civil::date(1899, 12, 30);
    match base.checked_add(jiff::Span::new().days(days)) {
        Ok(d) => format!(
            "{d} {:02}:{:02}:{:02}",
            seconds / 3600,
            (seconds % 3600) / 60,
            seconds % 60
        ),
        Err(_) => number_text(serial),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn serial_dates_become_calendar_dates() {
        assert_eq!(serial_date_text(46_095.5), "2026-03-14 12:00:00");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(2.5), "2.5");
    }
}
