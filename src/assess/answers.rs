//! Answers files: fill a record without prompts, from YAML or from a spreadsheet's CSV.
//!
//! YAML answers files have the same keys as a record, without `format` and `framework` (the
//! framework comes from `--framework`). CSV files have a header row with the columns
//! `indicator` and `level`, and optionally `evidence` (in any case); with `--groups`, a column
//! per group instead of `level`. Every other detail comes from flags.
//!
//! Forgiving where it is safe: indicator ids in any case, levels written `3`, `3.0`,
//! `3 - Developing` or `Developing`, and `n/a` in its usual spellings.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, Placed, Pos, Source, suggest};
use crate::framework::Framework;
use crate::record::{Answer, Choice, IsoDate, ScoredBy, ScorerKind};

/// The parts of a record an answers file can give.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// The partnership (or use `--partnership`).
    pub partnership: Option<String>,
    /// The date (or use `--date`; default today).
    pub date: Option<IsoDate>,
    /// Who scored (or use `--room`, `--group`, `--person`).
    pub scored_by: Option<ScoredBy>,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// The answers, as in a record.
    #[serde(default)]
    pub answers: Vec<Answer>,
}

/// What a piece of text says about an indicator's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// A level of the scale, or not applicable.
    Choice(Choice),
    /// "Don't know": no level, and not "not applicable" either.
    DontKnow,
}

/// Lower case, letters and digits only, single spaces: how labels and statements are compared.
pub fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') && c != '\'' && c != '\u{2019}' {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// Reads a level as people write it: a value of the scale (`3`, or `3.0` as spreadsheets write
/// it), its label in any case (`Developing`), both (`3 - Developing`, `3: Developing`,
/// `(3) Developing`), `n/a` (`na`, `N/A`, `Not applicable`) or "don't know" (`Don't know`,
/// `Not sure`). `None` for anything else, and for a value and a label that disagree.
pub fn read_level(framework: &Framework, text: &str) -> Option<Said> {
    let folded = fold(text);
    match folded.as_str() {
        "n a" | "na" | "not applicable" | "not relevant" | "does not apply" => {
            return Some(Said::Choice(Choice::NotApplicable));
        }
        "dont know" | "do not know" | "not sure" | "unsure" | "don t know" => {
            return Some(Said::DontKnow);
        }
        _ => {}
    }
    let by_label = |words: &str| {
        framework
            .scale
            .value
            .iter()
            .find(|l| fold(&l.label) == words)
            .map(|l| l.value.value)
    };
    let trimmed = text.trim();
    if let Ok(v) = trimmed.parse::<f64>() {
        if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) {
            // A whole number; the cast is exact.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let v = v as u32;
            return framework.level(v).map(|_| Said::Choice(Choice::Level(v)));
        }
        return None;
    }
    // A leading number followed by the label: "3 - Developing", "(3) Developing".
    let digits: String = folded.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let v = digits.parse::<u32>().ok()?;
        framework.level(v)?;
        let rest = folded[digits.len()..].trim();
        return (rest.is_empty() || by_label(rest) == Some(v))
            .then_some(Said::Choice(Choice::Level(v)));
    }
    // The label, then maybe the number: "Developing (3)".
    let words = folded.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let v = by_label(words)?;
    let tail = folded[words.len()..].trim();
    (tail.is_empty() || tail.parse::<u32>().ok() == Some(v))
        .then_some(Said::Choice(Choice::Level(v)))
}

/// The framework's indicator an id stands for, whatever its case, and the id it has now.
pub fn indicator_id(framework: &Framework, id: &str) -> Option<String> {
    framework
        .indicator_for(&id.trim().to_lowercase())
        .map(|i| i.id.value.clone())
}

/// Reads an answers file, choosing YAML or CSV by its extension (for standard input, by its
/// first line: CSV starts with an `indicator` column). `groups` are the groups of `--groups`: a CSV file then has a column for each.
pub fn parse(
    source: &Source,
    framework: &Framework,
    groups: &[String],
) -> Result<Answers, Diagnostics> {
    if is_csv(source) {
        parse_csv(source, framework, groups)
    } else {
        match labels_as_levels(source, framework) {
            Some(rewritten) => crate::yaml::parse(&rewritten),
            None => crate::yaml::parse(source),
        }
    }
}

/// Where the levels of a YAML answers file are, to find those written as labels.
#[derive(Deserialize)]
struct LevelSpots {
    #[serde(default)]
    answers: Vec<LevelSpot>,
}

/// One answer's levels, as written; everything else of it is left to the real reading.
#[derive(Deserialize)]
struct LevelSpot {
    #[serde(default)]
    level: Option<Placed<String>>,
    #[serde(default)]
    levels: BTreeMap<String, Placed<String>>,
}

/// An answers file in which every level written as the scale's words (`level: Developing`,
/// `level: 3 - Developing`, `health: Established`) is written as its number instead, as in CSV
/// answers; `None` when there is none (or the file does not read, which the real reading then
/// reports). The number takes the words' place, padded with spaces, so every line and column
/// stays where it was for the messages that follow.
fn labels_as_levels(source: &Source, framework: &Framework) -> Option<Source> {
    let spots: LevelSpots = crate::yaml::parse(source).ok()?;
    let mut lines: Vec<String> = source.text.split('\n').map(str::to_string).collect();
    let mut changed = false;
    let places = spots
        .answers
        .iter()
        .flat_map(|a| a.level.iter().chain(a.levels.values()));
    for placed in places {
        let text = placed.value.trim();
        // What a record reads itself (a number, `n/a`) is left as it is.
        let plain = text.chars().all(|c| c.is_ascii_digit() || c == '.')
            || matches!(
                text.to_ascii_lowercase().as_str(),
                "n/a" | "na" | "not applicable"
            );
        if plain {
            continue;
        }
        let Some(Said::Choice(Choice::Level(v))) = read_level(framework, text) else {
            continue;
        };
        let (Some(line), Some(column)) = (
            usize::try_from(placed.line)
                .ok()
                .and_then(|l| l.checked_sub(1)),
            usize::try_from(placed.column)
                .ok()
                .and_then(|c| c.checked_sub(1)),
        ) else {
            continue;
        };
        let Some(row) = lines.get_mut(line) else {
            continue;
        };
        let Some(start) = row.char_indices().nth(column).map(|(i, _)| i) else {
            continue;
        };
        let Some(end) = scalar_end(&row[start..]).map(|n| start + n) else {
            continue;
        };
        let width = row[start..end].chars().count();
        let number = v.to_string();
        if number.len() > width {
            continue;
        }
        row.replace_range(start..end, &format!("{number:<width$}"));
        changed = true;
    }
    changed.then(|| Source::named(source.name.clone(), lines.join("\n")))
}

/// The length in bytes of the scalar at the start of `rest` on its line: a quoted one to its
/// closing quote, a plain one to a comment, the end of a flow item or the end of the line.
/// `None` for what is not on one line.
fn scalar_end(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices();
    match chars.next()? {
        (_, q @ ('"' | '\'')) => {
            let mut escaped = false;
            for (i, c) in chars {
                if q == '"' && c == '\\' && !escaped {
                    escaped = true;
                    continue;
                }
                if c == q && !escaped {
                    return Some(i + c.len_utf8());
                }
                escaped = false;
            }
            None
        }
        _ => {
            let bytes = rest.as_bytes();
            let mut end = rest.len();
            for (i, c) in rest.char_indices() {
                let comment = c == '#' && i > 0 && bytes[i - 1] == b' ';
                if comment || matches!(c, ',' | '}' | ']' | '\r') {
                    end = i;
                    break;
                }
            }
            Some(rest[..end].trim_end().len())
        }
    }
}

/// Whether an answers file is CSV: by its name, or when it has none, by its header row.
fn is_csv(source: &Source) -> bool {
    let name = source.name.to_ascii_lowercase();
    if name.ends_with(".csv") {
        return true;
    }
    if source.name != crate::yaml::STDIN_NAME {
        return false;
    }
    let first = source
        .text
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    first.starts_with("indicator,") || first.starts_with("\"indicator\",")
}

/// Checks answers against who scored them: a workshop gives each group's level under
/// `levels:`, anyone else one level under `level:`. Returns the problems found.
pub fn check_scorer(source: &Source, scored_by: &ScoredBy, answers: &[Answer]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let workshop = scored_by.kind.value == ScorerKind::Workshop;
    for a in answers {
        if workshop && let Some(level) = &a.level {
            errors.push(
                Diagnostic::at(
                    source,
                    Pos::of(level),
                    format!(
                        "a workshop's answers give each group's level under `levels:`, but `{}` has one `level:`",
                        a.indicator.value
                    ),
                )
                .label("one level for the whole room")
                .help(format!(
                    "write each group's level, e.g. `levels: {{ {} }}`, or score as one group with --group",
                    scored_by
                        .groups
                        .iter()
                        .map(|g| format!("{g}: 3"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
        if !workshop && let Some(level) = a.levels.values().next() {
            errors.push(
                Diagnostic::at(
                    source,
                    Pos::of(level),
                    format!("`{}` gives levels per group, but these answers are not a workshop's", a.indicator.value),
                )
                .label("a level per group")
                .help("name the groups with --groups a,b (or `scored_by: {kind: workshop, groups: [a, b]}`), or give one `level:`"),
            );
        }
    }
    errors
}

/// Where one cell of a CSV file is, and how many characters of its first line to underline.
#[derive(Debug, Clone, Copy)]
struct Cell {
    pos: Pos,
    width: usize,
}

/// The cells of the CSV row that starts at byte `start`, found by reading the text itself, so
/// that quoted cells (with commas or line breaks), `\r\n` line ends and a byte-order mark never
/// shift a position.
fn cells_at(text: &str, start: usize) -> Vec<Cell> {
    let start = start.min(text.len());
    let before = text.get(..start).unwrap_or("");
    let mut line = before.matches('\n').count() + 1;
    let mut column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let mut cells = Vec::new();
    let mut in_quotes = false;
    // The cell being read: where it starts (first non-blank character), its width so far on
    // its first line, and whether its first line has ended.
    let mut begin: Option<Pos> = None;
    let mut width = 0;
    let mut trailing_blank = 0;
    let mut first_line_done = false;
    let mut push =
        |begin: &mut Option<Pos>, width: &mut usize, trailing: &mut usize, line, column| {
            let pos = begin.take().unwrap_or(Pos { line, column });
            cells.push(Cell {
                pos,
                width: width.saturating_sub(*trailing).max(1),
            });
            *width = 0;
            *trailing = 0;
        };
    for c in text.get(start..).unwrap_or("").chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => {
                push(&mut begin, &mut width, &mut trailing_blank, line, column);
                first_line_done = false;
                column += 1;
                continue;
            }
            '\r' | '\n' if !in_quotes => break,
            _ => {}
        }
        if c == '\n' {
            line += 1;
            column = 1;
            first_line_done = true;
            continue;
        }
        if c == '\r' {
            continue;
        }
        if begin.is_none() && !c.is_whitespace() {
            begin = Some(Pos { line, column });
        }
        if begin.is_some() && !first_line_done {
            width += 1;
            trailing_blank = if c.is_whitespace() {
                trailing_blank + 1
            } else {
                0
            };
        }
        column += 1;
    }
    push(&mut begin, &mut width, &mut trailing_blank, line, column);
    cells
}

/// Where a row the CSV reader reports at `byte` really starts: the reader counts the `\n` of a
/// `\r\n` line end into the next row, which put every error after one a line too high.
fn row_start(text: &str, byte: u64) -> usize {
    let byte = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    let rest = text.get(byte..).unwrap_or("");
    byte + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
}

/// The line a byte offset is on (1-based).
fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map_or(1, |b| b.matches('\n').count() + 1)
}

/// What a CSV header names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Indicator,
    Level,
    Evidence,
    Group(String),
}

fn parse_csv(
    source: &Source,
    framework: &Framework,
    groups: &[String],
) -> Result<Answers, Diagnostics> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(source.text.as_bytes());
    let text = &*source.text;
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(Diagnostic::at(
                source,
                Some(Pos { line: 1, column: 1 }),
                format!("cannot read the header row: {e}"),
            )
            .into());
        }
    };
    let header_cells = cells_at(text, 0);
    let at_header = |i: usize| {
        header_cells.get(i).copied().unwrap_or(Cell {
            pos: Pos { line: 1, column: 1 },
            width: 1,
        })
    };
    let mut names: Vec<String> = vec!["indicator".into()];
    if groups.is_empty() {
        names.push("level".into());
    } else {
        names.extend(groups.iter().cloned());
    }
    names.push("evidence".into());
    let list = names.join(",");
    let mut errors = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let lower = h.to_lowercase();
        let column = match lower.as_str() {
            "indicator" | "id" => Some(Column::Indicator),
            "level" if groups.is_empty() => Some(Column::Level),
            "evidence" => Some(Column::Evidence),
            g if groups.iter().any(|x| x == g) => Some(Column::Group(g.to_string())),
            _ => None,
        };
        if column.is_none() {
            let cell = at_header(i);
            let d = Diagnostic::at(source, Some(cell.pos), format!("unknown column `{h}`"))
                .underline(cell.width)
                .label("not a column coprod reads");
            errors.push(if lower == "level" {
                d.help(format!(
                    "with --groups, give a level column for each group instead of `level`: {list}"
                ))
            } else {
                match suggest(&lower, names.iter().map(String::as_str)) {
                    Some(s) => d.help(format!("did you mean `{s}`? Columns: {list}")),
                    None => d.help(format!(
                        "columns: {list} (in any case; evidence is optional)"
                    )),
                }
            });
        }
        if let Some(c) = &column
            && let Some(first) = columns.iter().position(|x| x.as_ref() == Some(c))
        {
            let cell = at_header(i);
            errors.push(
                Diagnostic::at(
                    source,
                    Some(cell.pos),
                    format!("the column `{h}` is named twice"),
                )
                .underline(cell.width)
                .label("second time")
                .also(Some(at_header(first).pos), "first time")
                .help("keep one column of each name"),
            );
        }
        columns.push(column);
    }
    if text.matches('"').count() % 2 == 1 {
        let at_quote = text.rfind('"').map(|b| {
            let before = &text[..b];
            Pos {
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
            }
        });
        errors.push(
            Diagnostic::at(source, at_quote, "a quoted cell is never closed")
                .label("this quote has no closing quote")
                .help("close the quote, or write a quote inside a cell as two quotes: \"\""),
        );
    }
    let has = |c: &Column| columns.iter().any(|x| x.as_ref() == Some(c));
    let mut required: Vec<(String, Column)> = vec![("indicator".into(), Column::Indicator)];
    if groups.is_empty() {
        required.push(("level".into(), Column::Level));
    } else {
        required.extend(groups.iter().map(|g| (g.clone(), Column::Group(g.clone()))));
    }
    for (name, c) in &required {
        if !has(c) {
            let help = if groups.is_empty() {
                format!("the first row must name the columns: {list}")
            } else {
                format!("with --groups, the first row names a level column for each group: {list}")
            };
            errors.push(
                Diagnostic::at(
                    source,
                    Some(Pos { line: 1, column: 1 }),
                    format!("the header row has no `{name}` column"),
                )
                .help(help),
            );
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let index = |c: &Column| columns.iter().position(|x| x.as_ref() == Some(c));
    let ii = index(&Column::Indicator).unwrap_or(0);
    let ei = index(&Column::Evidence);
    let level_columns: Vec<(Option<String>, usize)> = if groups.is_empty() {
        vec![(None, index(&Column::Level).unwrap_or(1))]
    } else {
        groups
            .iter()
            .filter_map(|g| index(&Column::Group(g.clone())).map(|i| (Some(g.clone()), i)))
            .collect()
    };
    let (lo, hi) = framework.scale_range();
    let mut answers = Vec::new();
    let mut seen: Vec<(String, Pos)> = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(1, |p| line_of(text, row_start(text, p.byte())));
                let start = Some(Pos { line, column: 1 });
                let d = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        let cells = usize::try_from(*len).unwrap_or(usize::MAX);
                        let help = if len > expected_len {
                            "a cell with a comma in it needs double quotes around it, e.g. wc1,3,\"Good, and getting better\""
                        } else {
                            "give every row a cell for each column; an empty cell is nothing between two commas"
                        };
                        Diagnostic::at(
                            source,
                            start,
                            format!(
                                "this row has {}, but the first row names {expected_len} columns",
                                crate::words::plural(cells, "cell")
                            ),
                        )
                        .help(help)
                    }
                    _ => Diagnostic::at(source, start, format!("cannot read this row: {e}")),
                };
                errors.push(d);
                continue;
            }
        };
        let start = row.position().map_or(0, |p| row_start(text, p.byte()));
        let cells = cells_at(text, start);
        let cell = |i: usize| {
            cells.get(i).copied().unwrap_or(Cell {
                pos: Pos {
                    line: line_of(text, start),
                    column: 1,
                },
                width: 1,
            })
        };
        let raw_id = row.get(ii).unwrap_or("");
        if raw_id.is_empty() {
            continue;
        }
        let id_cell = cell(ii);
        let Some(id) = indicator_id(framework, raw_id) else {
            let ids = framework.indicators().map(|(_, i)| i.id.value.as_str());
            let d = Diagnostic::at(
                source,
                Some(id_cell.pos),
                format!("the framework has no indicator `{raw_id}`"),
            )
            .underline(id_cell.width)
            .label("unknown indicator");
            errors.push(match suggest(&raw_id.to_lowercase(), ids) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help(format!(
                    "`coprod framework show {}` lists every indicator",
                    framework.id.value
                )),
            });
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
            errors.push(
                Diagnostic::at(
                    source,
                    Some(id_cell.pos),
                    format!("indicator `{id}` is answered twice"),
                )
                .underline(id_cell.width)
                .label("second answer")
                .also(Some(*first), "first answer")
                .help("keep one row per indicator"),
            );
            continue;
        }
        seen.push((id.clone(), id_cell.pos));
        let mut level = None;
        let mut levels = BTreeMap::new();
        let mut bad = false;
        for (group, li) in &level_columns {
            let level_text = row.get(*li).unwrap_or("");
            if level_text.is_empty() {
                continue;
            }
            let c = cell(*li);
            let placed = |choice| Placed {
                value: choice,
                line: u32::try_from(c.pos.line).unwrap_or(u32::MAX),
                column: u32::try_from(c.pos.column).unwrap_or(u32::MAX),
            };
            match read_level(framework, level_text) {
                Some(Said::Choice(choice)) => match group {
                    Some(g) => {
                        levels.insert(g.clone(), placed(choice));
                    }
                    None => level = Some(placed(choice)),
                },
                // "Don't know" leaves the indicator to be scored.
                Some(Said::DontKnow) => {}
                None => {
                    let labels = framework.scale_list();
                    errors.push(
                        Diagnostic::at(
                            source,
                            Some(c.pos),
                            format!("`{level_text}` is not a level ({lo} to {hi}, or n/a)"),
                        )
                        .underline(c.width)
                        .label("not a level of this framework")
                        .help(format!(
                            "write a level ({}) or n/a; leave the cell empty to skip the indicator",
                            labels
                        )),
                    );
                    bad = true;
                }
            }
        }
        if bad {
            continue;
        }
        let evidence = ei
            .and_then(|e| row.get(e))
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        answers.push(Answer {
            level,
            levels,
            evidence: evidence.map(Into::into),
            ..Answer::new(id)
        });
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    // Keep framework order, as records do.
    let order = |a: &Answer| {
        framework
            .indicators()
            .position(|(_, i)| i.id.value == a.indicator.value)
    };
    answers.sort_by_key(order);
    Ok(Answers {
        answers,
        ..Answers::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framework() -> Framework {
        Framework::default_framework().expect("built-in framework")
    }

    #[test]
    fn levels_are_read_as_people_write_them() {
        let f = framework();
        let level = |t: &str| read_level(&f, t);
        let three = Some(Said::Choice(Choice::Level(3)));
        for t in [
            "3",
            "3.0",
            " 3 ",
            "3 - Developing",
            "3: developing",
            "(3) Developing",
            "Developing",
            "DEVELOPING",
            "Developing (3)",
            "3. Developing",
        ] {
            assert_eq!(level(t), three, "{t}");
        }
        for t in ["n/a", "N/A", "na", "Not applicable", "not-applicable"] {
            assert_eq!(level(t), Some(Said::Choice(Choice::NotApplicable)), "{t}");
        }
        for t in ["Don't know", "don’t know", "Not sure"] {
            assert_eq!(level(t), Some(Said::DontKnow), "{t}");
        }
        assert_eq!(level("Not yet"), Some(Said::Choice(Choice::Level(1))));
        // Wrong or contradictory: never a guess.
        for t in [
            "3.5",
            "9",
            "-1",
            "2 - Developing",
            "Developed",
            "",
            "three",
            "NaN",
            "inf",
        ] {
            assert_eq!(level(t), None, "{t}");
        }
    }

    #[test]
    fn cells_are_found_through_quotes_and_windows_line_ends() {
        let text = "indicator,\"a, b\",level\r\nwc1 ,  3 - Developing ,x\r\n";
        let header = cells_at(text, 0);
        assert_eq!(header.len(), 3);
        assert_eq!(
            (header[2].pos.line, header[2].pos.column, header[2].width),
            (1, 18, 5)
        );
        let row = cells_at(text, text.find("wc1").expect("row"));
        assert_eq!(
            (row[0].pos.line, row[0].pos.column, row[0].width),
            (2, 1, 3)
        );
        assert_eq!((row[1].pos.column, row[1].width), (8, 14));
        assert_eq!((row[2].pos.column, row[2].width), (24, 1));
    }

    #[test]
    fn ids_are_found_in_any_case() {
        let f = framework();
        assert_eq!(indicator_id(&f, "WC1").as_deref(), Some("wc1"));
        assert_eq!(indicator_id(&f, "zz9"), None);
    }
}
