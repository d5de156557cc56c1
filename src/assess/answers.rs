//! Answers files: fill a record without prompts, from YAML or from a spreadsheet's CSV.
//!
//! YAML answers files have the same keys as a record, without `format` and `framework` (the
//! framework comes from `--framework`). CSV files have a header row with the columns
//! `indicator` and `level`, and optionally `evidence`; every other detail comes from flags.

use serde::Deserialize;

use crate::diagnostic::unplaced;
use crate::diagnostic::{Diagnostic, Diagnostics, Pos, Source, suggest};
use crate::framework::Framework;
use crate::record::{Answer, Choice, IsoDate, ScoredBy};

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

/// Reads an answers file, choosing YAML or CSV by its extension.
pub fn parse(source: &Source, framework: &Framework) -> Result<Answers, Diagnostics> {
    if source.name.to_ascii_lowercase().ends_with(".csv") {
        parse_csv(source, framework)
    } else {
        crate::yaml::parse(source)
    }
}

const COLUMNS: [&str; 3] = ["indicator", "level", "evidence"];

fn parse_csv(source: &Source, framework: &Framework) -> Result<Answers, Diagnostics> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(source.text.as_bytes());
    let at = |line: u64, column: usize| {
        Some(Pos {
            line: usize::try_from(line).unwrap_or(1),
            column,
        })
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(Diagnostic::at(
                source,
                at(1, 1),
                format!("cannot read the header row: {e}"),
            )
            .into());
        }
    };
    let mut errors = Vec::new();
    let col_of = |i: usize, line: &str| -> usize {
        // Column of the i-th field in a simple (unquoted) line: good enough to point at it.
        line.split(',')
            .take(i)
            .map(|f| f.chars().count() + 1)
            .sum::<usize>()
            + 1
    };
    let header_line = source.text.lines().next().unwrap_or("");
    for (i, h) in headers.iter().enumerate() {
        if !COLUMNS.contains(&h) {
            let d = Diagnostic::at(
                source,
                at(1, col_of(i, header_line)),
                format!("unknown column `{h}`"),
            )
            .label("not a column coprod reads");
            errors.push(match suggest(h, COLUMNS) {
                Some(s) => d.help(format!(
                    "did you mean `{s}`? Columns: indicator, level, evidence"
                )),
                None => {
                    d.help("columns: indicator, level, evidence (indicator and level are required)")
                }
            });
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if let Some(first) = headers.iter().position(|x| x == h).filter(|f| *f < i) {
            errors.push(
                Diagnostic::at(
                    source,
                    at(1, col_of(i, header_line)),
                    format!("the column `{h}` is named twice"),
                )
                .label("second time")
                .also(at(1, col_of(first, header_line)), "first time")
                .help("keep one column of each name"),
            );
        }
    }
    if source.text.matches('"').count() % 2 == 1 {
        let at_quote = source.text.rfind('"').map(|b| {
            let before = &source.text[..b];
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
    for required in ["indicator", "level"] {
        if !headers.iter().any(|h| h == required) {
            errors.push(
                Diagnostic::at(
                    source,
                    at(1, 1),
                    format!("the header row has no `{required}` column"),
                )
                .help("the first row must name the columns: indicator,level,evidence"),
            );
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let idx = |name: &str| headers.iter().position(|h| h == name);
    let (ii, li, ei) = (
        idx("indicator").unwrap_or(0),
        idx("level").unwrap_or(1),
        idx("evidence"),
    );
    let (lo, hi) = framework.scale_range();
    let mut answers = Vec::new();
    let mut seen: Vec<(String, u64)> = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line());
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
                            at(line, 1),
                            format!(
                                "this row has {}, but the first row names {expected_len} columns",
                                crate::report::plural(cells, "cell")
                            ),
                        )
                        .help(help)
                    }
                    _ => Diagnostic::at(source, at(line, 1), format!("cannot read this row: {e}")),
                };
                errors.push(d);
                continue;
            }
        };
        let line = row.position().map_or(1, |p| p.line());
        let raw_line = source
            .text
            .lines()
            .nth(usize::try_from(line).unwrap_or(1).saturating_sub(1))
            .unwrap_or("");
        let id = row.get(ii).unwrap_or("").to_ascii_lowercase();
        if id.is_empty() {
            continue;
        }
        // An indicator's earlier id (one it `replaces`) stands for the indicator.
        let id = framework
            .indicator_for(&id)
            .map_or(id, |i| i.id.value.clone());
        if framework.indicator(&id).is_none() {
            let ids = framework.indicators().map(|(_, i)| i.id.value.as_str());
            let d = Diagnostic::at(
                source,
                at(line, col_of(ii, raw_line)),
                format!("the framework has no indicator `{id}`"),
            )
            .label("unknown indicator");
            errors.push(match suggest(&id, ids) {
                Some(s) => d.help(format!("did you mean `{s}`?")),
                None => d.help(format!(
                    "`coprod framework show {}` lists every indicator",
                    framework.id.value
                )),
            });
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
            errors.push(
                Diagnostic::at(
                    source,
                    at(line, col_of(ii, raw_line)),
                    format!("indicator `{id}` is answered twice"),
                )
                .label("second answer")
                .also(at(*first, 1), "first answer")
                .help("keep one row per indicator"),
            );
            continue;
        }
        seen.push((id.clone(), line));
        let level_text = row.get(li).unwrap_or("");
        let level = if level_text.is_empty() {
            None
        } else {
            let parsed = match level_text.to_ascii_lowercase().as_str() {
                "n/a" | "na" | "not applicable" => Some(Choice::NotApplicable),
                t => t
                    .parse::<u32>()
                    .ok()
                    .filter(|v| framework.level(*v).is_some())
                    .map(Choice::Level),
            };
            match parsed {
                Some(c) => Some(unplaced(c)),
                None => {
                    errors.push(
                        Diagnostic::at(
                            source,
                            at(line, col_of(li, raw_line)),
                            format!("`{level_text}` is not a level ({lo} to {hi}, or n/a)"),
                        )
                        .label("not a level of this framework")
                        .help("leave the cell empty to skip the indicator"),
                    );
                    continue;
                }
            }
        };
        let evidence = ei
            .and_then(|e| row.get(e))
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        answers.push(Answer {
            level,
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
