//! `coprod import`: answers people already gave in an online form, as records.
//!
//! A form export has one row per respondent and one column per question; a record has one
//! answer per indicator. [`plan`] works out what every column holds (see [`columns`]), what
//! every answer means (a level, not applicable, don't know) and which stakeholder group each
//! respondent belongs to, and refuses what it cannot read rather than guess. [`Plan::records`]
//! then makes one record per group, with every respondent's level kept as a vote count, or one
//! record per respondent.
//!
//! Timestamps, emails and names are never copied into a record; names only with
//! `--keep-names`.

pub mod columns;
pub mod sheet;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::assess::answers::{Said, fold, read_level};
use crate::diagnostic::{Diagnostic, Diagnostics, Source, unplaced};
use crate::framework::Framework;
use crate::record::{Answer, Choice, IsoDate, KNOWN_GROUPS, Record, ScoredBy, ScorerKind};
use columns::{Kind, Placement};
use sheet::{Sheet, column_letters};

/// What the command line and `coprod.toml` say about an import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The header of the group column, when it cannot be found by its words.
    pub group_column: Option<String>,
    /// Answers in the group column and the group each stands for (`--group-map`), folded.
    pub group_map: Vec<(String, String)>,
    /// Group display names from `coprod.toml` (id → name).
    pub config_groups: BTreeMap<String, String>,
    /// Everyone is in this group (`--group`), when the form asked no group question.
    pub group: Option<String>,
    /// Keep respondents' names (as participants, or as the person of a per-respondent record).
    pub keep_names: bool,
    /// The day is given (`--date`), so timestamps need not be read.
    pub date_given: bool,
}

/// What one column holds, with its header as written.
#[derive(Debug, Clone)]
pub struct Column {
    /// The column's index (0 is A).
    pub index: usize,
    /// The header as written (two header rows joined).
    pub header: String,
    /// What it holds.
    pub kind: Kind,
}

/// One respondent's row, read.
#[derive(Debug, Clone)]
pub struct Respondent {
    /// The row's line (CSV) or row number (xlsx).
    pub line: usize,
    /// The group id, if the row names one.
    pub group: Option<String>,
    /// The day of the response, if a timestamp was read.
    pub day: Option<jiff::civil::Date>,
    /// What they said about each indicator they answered.
    pub said: BTreeMap<String, Said>,
    /// Their evidence, by indicator.
    pub evidence: BTreeMap<String, String>,
    /// Their name, if asked for and kept.
    pub name: Option<String>,
}

/// Everything an import found, before anything is written.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The file's name.
    pub file: String,
    /// Which tool the export looks like it came from.
    pub shape: &'static str,
    /// Every column and what it holds.
    pub columns: Vec<Column>,
    /// Every distinct answer in a question column, how it was read, and how often it came.
    pub answers: Vec<(String, Said, usize)>,
    /// Every distinct group answer, the group it stands for, and how many respondents gave it.
    pub groups: Vec<(String, String, usize)>,
    /// The respondents, in file order (rows with no answer at all are left out).
    pub respondents: Vec<Respondent>,
    /// Rows left out, and why (`line 7` or `row 6`, reason).
    pub skipped: Vec<(String, String)>,
}

/// Turns a sheet into a plan, or says every problem found (answers that are no level, group
/// answers that name no group, a missing group column).
pub fn plan(sheet: &Sheet, framework: &Framework, options: &Options) -> Result<Plan, Diagnostics> {
    let source = Source::named(sheet.name.clone(), "");
    let Some(header_row) = sheet
        .rows
        .iter()
        .position(|r| r.iter().filter(|c| !c.is_empty()).count() >= 2)
    else {
        return Err(Diagnostic::file(&source, "the file has no header row with questions")
            .help("export the form's responses with one row per respondent and a header row of questions")
            .into());
    };
    let (headers, shape, first_data) = headers(sheet, header_row);
    let kinds = columns::classify(&headers, framework, options.group_column.as_deref());
    let columns: Vec<Column> = headers
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(index, (header, kind))| Column {
            index,
            header: header.clone(),
            kind,
        })
        .collect();
    let mut errors = Vec::new();
    let at = |row: usize, column: usize| {
        format!(
            "{}, {} {} column {}",
            sheet.name,
            sheet.unit,
            sheet.lines.get(row).copied().unwrap_or(row + 1),
            column_letters(column)
        )
    };
    if let Some(g) = &options.group_column
        && !columns.iter().any(|c| c.kind == Kind::Group)
    {
        errors.push(
            Diagnostic::file(&source, format!("no column is headed `{g}`")).help(format!(
                "the headers are: {}",
                headers
                    .iter()
                    .filter(|h| !h.is_empty())
                    .map(|h| format!("`{h}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
    }
    let questions = columns
        .iter()
        .filter(|c| matches!(c.kind, Kind::Question { .. }))
        .count();
    if questions == 0 {
        errors.push(
            Diagnostic::file(&source, format!("no column of {} is a question of {}", sheet.name, framework.title))
                .help(format!(
                    "head each question column with the indicator's id (e.g. `{}`) or its statement; `coprod framework form` writes a template",
                    framework.indicators().next().map_or("wc1", |(_, i)| i.id.value.as_str())
                )),
        );
    }
    // Two columns for the same indicator would count one person twice: refuse.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &columns {
        if let Kind::Question { indicator, .. } = &c.kind
            && let Some(first) = seen.insert(indicator, c.index)
        {
            errors.push(
                Diagnostic::file(
                    &source,
                    format!(
                        "columns {} and {} are both questions about `{indicator}`",
                        column_letters(first),
                        column_letters(c.index)
                    ),
                )
                .help("remove one of them from the export, or give each the id of the indicator it asks about"),
            );
        }
    }
    let mut answers: BTreeMap<String, (Said, usize)> = BTreeMap::new();
    let mut group_answers: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut unknown_groups: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut respondents = Vec::new();
    let mut skipped = Vec::new();
    let mut dates: Vec<(usize, String)> = Vec::new();
    let group_col = columns
        .iter()
        .find(|c| c.kind == Kind::Group)
        .map(|c| c.index);
    for row in first_data..sheet.rows.len() {
        let line = sheet.lines.get(row).copied().unwrap_or(row + 1);
        if sheet.rows[row].iter().all(String::is_empty) {
            continue;
        }
        let mut r = Respondent {
            line,
            group: options.group.clone(),
            day: None,
            said: BTreeMap::new(),
            evidence: BTreeMap::new(),
            name: None,
        };
        let mut names = Vec::new();
        for c in &columns {
            let text = sheet.cell(row, c.index);
            if text.is_empty() {
                continue;
            }
            match &c.kind {
                Kind::Question { indicator, .. } => match read_level(framework, text) {
                    Some(said) => {
                        answers.entry(text.to_string()).or_insert((said, 0)).1 += 1;
                        r.said.insert(indicator.clone(), said);
                    }
                    None => errors.push(
                        Diagnostic::file(&source, format!("{}: `{text}` is not a level of the scale", at(row, c.index)))
                            .help(format!(
                                "the levels are {}; `Not applicable` and `Don't know` are read too. Correct the cell, or leave it empty",
                                framework.scale_list()
                            )),
                    ),
                },
                Kind::Evidence { indicator } => {
                    r.evidence.insert(indicator.clone(), text.to_string());
                }
                Kind::Timestamp => dates.push((row, text.to_string())),
                Kind::Name if options.keep_names => names.push(text.to_string()),
                Kind::Group if options.group.is_none() => match group_of(text, options) {
                    Some(g) => {
                        group_answers.entry(text.to_string()).or_insert((g.clone(), 0)).1 += 1;
                        r.group = Some(g);
                    }
                    None => {
                        let e = unknown_groups.entry(text.to_string()).or_insert((row, 0));
                        e.1 += 1;
                    }
                },
                _ => {}
            }
        }
        if !names.is_empty() {
            r.name = Some(names.join(" "));
        }
        if r.said.is_empty() && r.evidence.is_empty() {
            skipped.push((
                format!("{} {line}", sheet.unit),
                "answered none of the questions".to_string(),
            ));
            continue;
        }
        if r.group.is_none()
            && group_col.is_some()
            && sheet.cell(row, group_col.unwrap_or(0)).is_empty()
        {
            skipped.push((
                format!("{} {line}", sheet.unit),
                "gave no group".to_string(),
            ));
            continue;
        }
        respondents.push(r);
    }
    for (text, (row, n)) in &unknown_groups {
        let column = group_col.unwrap_or(0);
        errors.push(
            Diagnostic::file(
                &source,
                format!("{}: `{text}` is not a stakeholder group coprod knows ({} in all)", at(*row, column), crate::words::plural(*n, "respondent")),
            )
            .help(format!(
                "say which group it is, e.g. --group-map \"{text}=parent-carers\"; groups coprod knows: {}",
                KNOWN_GROUPS.iter().map(|(id, _)| *id).collect::<Vec<_>>().join(", ")
            )),
        );
    }
    let days = read_days(&dates);
    match days {
        Ok(days) => {
            for (row, day) in days {
                let line = sheet.lines.get(row).copied().unwrap_or(row + 1);
                if let Some(r) = respondents.iter_mut().find(|r| r.line == line) {
                    r.day = Some(day);
                }
            }
        }
        Err(_) if options.date_given => {}
        Err(why) => errors.push(
            Diagnostic::file(&source, why)
                .help("give the day of the collection with --date YYYY-MM-DD"),
        ),
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let mut answers: Vec<(String, Said, usize)> =
        answers.into_iter().map(|(t, (s, n))| (t, s, n)).collect();
    answers.sort_by(|a, b| said_order(a.1).cmp(&said_order(b.1)).then(a.0.cmp(&b.0)));
    Ok(Plan {
        file: sheet.name.clone(),
        shape,
        columns,
        answers,
        groups: group_answers
            .into_iter()
            .map(|(t, (g, n))| (t, g, n))
            .collect(),
        respondents,
        skipped,
    })
}

fn said_order(s: Said) -> (u8, u32) {
    match s {
        Said::Choice(Choice::Level(v)) => (0, v),
        Said::Choice(Choice::NotApplicable) => (1, 0),
        Said::DontKnow => (2, 0),
    }
}

/// The header of every column, the shape of the export, and the first row of answers.
///
/// SurveyMonkey and SmartSurvey write two header rows: the question, then under it `Response`
/// (or nothing) or, for a grid (matrix) question, each statement; the question is written once
/// over its statements.
fn headers(sheet: &Sheet, row: usize) -> (Vec<String>, &'static str, usize) {
    let width = sheet.width();
    let top: Vec<String> = (0..width).map(|c| sheet.cell(row, c).to_string()).collect();
    let second: Vec<String> = (0..width)
        .map(|c| sheet.cell(row + 1, c).to_string())
        .collect();
    let smartsurvey = top
        .first()
        .is_some_and(|c| matches!(fold(c).as_str(), "userid" | "user id"));
    let two_rows = smartsurvey
        || second
            .iter()
            .any(|c| c == "Response" || c == "Open-Ended Response")
        || top.first().is_some_and(|c| fold(c) == "respondent id");
    if two_rows {
        let mut question = String::new();
        let headers = top
            .iter()
            .zip(&second)
            .map(|(t, s)| {
                if !t.is_empty() {
                    question.clone_from(t);
                }
                match s.as_str() {
                    "" | "Response" | "Open-Ended Response" => question.clone(),
                    sub => format!("{question} [{sub}]"),
                }
            })
            .collect();
        let shape = if smartsurvey {
            "SmartSurvey, two header rows"
        } else {
            "SurveyMonkey, two header rows"
        };
        return (headers, shape, row + 2);
    }
    let folded: Vec<String> = top.iter().map(|h| fold(h)).collect();
    let shape = if folded.first().is_some_and(|h| h == "timestamp") {
        "Google Forms"
    } else if folded.iter().any(|h| h == "completion time") {
        "Microsoft Forms"
    } else {
        "one row per respondent"
    };
    (top, shape, row + 1)
}

/// The group a group answer stands for: `--group-map`, then `coprod.toml`'s groups, then the
/// groups coprod knows by id, name or a usual way of saying it.
fn group_of(text: &str, options: &Options) -> Option<String> {
    let f = fold(text);
    let singular = |s: &str| s.trim_end_matches('s').to_string();
    if let Some((_, g)) = options.group_map.iter().find(|(k, _)| *k == f) {
        return Some(g.clone());
    }
    for (id, name) in &options.config_groups {
        if fold(id) == f || fold(name) == f || singular(&fold(name)) == singular(&f) {
            return Some(id.clone());
        }
    }
    for (id, name) in KNOWN_GROUPS {
        if fold(id) == f || singular(&fold(name)) == singular(&f) {
            return Some((*id).to_string());
        }
    }
    const USUAL: &[(&str, &str)] = &[
        ("parent", "parent-carers"),
        ("parent carer", "parent-carers"),
        ("carer", "parent-carers"),
        ("parent or carer", "parent-carers"),
        ("parent carer forum", "parent-carers"),
        ("family", "parent-carers"),
        ("council", "local-authority"),
        ("la", "local-authority"),
        ("local council", "local-authority"),
        ("council officer", "local-authority"),
        ("nhs", "health"),
        ("health professional", "health"),
        ("school", "education"),
        ("education professional", "education"),
        ("school staff", "education"),
        ("young person", "young-people"),
        ("youth", "young-people"),
        ("voluntary", "voluntary-sector"),
        ("charity", "voluntary-sector"),
        ("voluntary and community sector", "voluntary-sector"),
    ];
    USUAL
        .iter()
        .find(|(k, _)| singular(k) == singular(&f))
        .map(|(_, g)| (*g).to_string())
}

/// Reads `--group-map "Parent carer=parent-carers"` entries.
pub fn parse_group_map(entries: &[String]) -> Result<Vec<(String, String)>, String> {
    entries
        .iter()
        .map(|e| {
            let (answer, group) = e.rsplit_once('=').ok_or_else(|| {
                format!("`{e}` is not ANSWER=GROUP\nhelp: e.g. --group-map \"Parent carer=parent-carers\"")
            })?;
            let group = group.trim();
            let slug = !group.is_empty()
                && group.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !slug {
                return Err(format!(
                    "`{group}` is not a group id\nhelp: use lower-case words joined by `-`, e.g. parent-carers"
                ));
            }
            Ok((fold(answer), group.to_string()))
        })
        .collect()
}

/// The day of each timestamp, telling day-first from month-first dates (`14/03/2026` from
/// `3/14/2026`) by the file's own dates; refuses when they could be either.
fn read_days(dates: &[(usize, String)]) -> Result<Vec<(usize, jiff::civil::Date)>, String> {
    let mut day_first = None::<bool>;
    let mut parts = Vec::new();
    for (row, text) in dates {
        let date_part = text.split([' ', 'T']).next().unwrap_or("");
        let fields: Vec<&str> = date_part.split(['/', '-', '.']).collect();
        let [a, b, c] = fields.as_slice() else {
            continue;
        };
        let (Ok(a), Ok(b), Ok(c)) = (a.parse::<i32>(), b.parse::<i32>(), c.parse::<i32>()) else {
            continue;
        };
        if a > 31 {
            parts.push((*row, (a, b, c), true));
            continue;
        }
        if a > 12 {
            day_first = Some(true);
        } else if b > 12 {
            day_first = Some(false);
        }
        parts.push((*row, (a, b, c), false));
    }
    let ambiguous = parts.iter().any(|(_, _, iso)| !iso) && day_first.is_none();
    if ambiguous {
        return Err(
            "the responses' dates could be day/month or month/day, so their day is not certain"
                .into(),
        );
    }
    let mut out = Vec::new();
    for (row, (a, b, c), iso) in parts {
        let (y, m, d) = if iso {
            (a, b, c)
        } else if day_first == Some(true) {
            (c, b, a)
        } else {
            (c, a, b)
        };
        let y = if y < 100 { y + 2000 } else { y };
        let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
            continue;
        };
        if let Ok(date) = jiff::civil::Date::new(y, m, d) {
            out.push((row, date));
        }
    }
    Ok(out)
}

/// How to turn a plan into records.
#[derive(Debug, Clone)]
pub struct Making {
    /// The partnership's name.
    pub partnership: String,
    /// The day of the whole collection.
    pub date: IsoDate,
    /// One record per respondent instead of one per group.
    pub per_respondent: bool,
}

impl Plan {
    /// The latest day a response was made, if the export has timestamps.
    pub fn latest_day(&self) -> Option<jiff::civil::Date> {
        self.respondents.iter().filter_map(|r| r.day).max()
    }

    /// The records to write, each with a file name made from partnership, date and group.
    pub fn records(&self, framework: &Framework, making: &Making) -> Vec<(String, Record)> {
        let mut groups: Vec<Option<String>> = Vec::new();
        for r in &self.respondents {
            if !groups.contains(&r.group) {
                groups.push(r.group.clone());
            }
        }
        groups.sort();
        let partnership = crate::words::slug(&making.partnership);
        let partnership = if partnership.is_empty() {
            "assessment".to_string()
        } else {
            partnership
        };
        let mut out = Vec::new();
        for group in &groups {
            let members: Vec<&Respondent> = self
                .respondents
                .iter()
                .filter(|r| &r.group == group)
                .collect();
            let who = group.clone().unwrap_or_else(|| "room".to_string());
            if making.per_respondent {
                let digits = members.len().to_string().len().max(2);
                for (n, r) in members.iter().enumerate() {
                    let scored_by = ScoredBy {
                        kind: unplaced(ScorerKind::Person),
                        group: group.clone(),
                        name: r.name.clone(),
                        groups: Vec::new(),
                    };
                    let mut record = Record::new(
                        framework,
                        making.partnership.clone(),
                        making.date.0,
                        scored_by,
                    );
                    record.answers = answers_of(framework, std::slice::from_ref(r), false);
                    let name = format!(
                        "{partnership}-{}-{who}-{:0digits$}.yaml",
                        making.date,
                        n + 1
                    );
                    out.push((name, record));
                }
            } else {
                let scored_by = match group {
                    Some(g) => ScoredBy {
                        kind: unplaced(ScorerKind::Group),
                        group: Some(g.clone()),
                        name: None,
                        groups: Vec::new(),
                    },
                    None => ScoredBy {
                        kind: unplaced(ScorerKind::Room),
                        group: None,
                        name: None,
                        groups: Vec::new(),
                    },
                };
                let mut record = Record::new(
                    framework,
                    making.partnership.clone(),
                    making.date.0,
                    scored_by,
                );
                record.participants = members.iter().filter_map(|r| r.name.clone()).collect();
                let owned: Vec<Respondent> = members.iter().map(|r| (*r).clone()).collect();
                record.answers = answers_of(framework, &owned, true);
                out.push((format!("{partnership}-{}-{who}.yaml", making.date), record));
            }
        }
        out
    }
}

/// The group's level from its respondents' answers: the middle level chosen (with an even
/// number, the lower of the two middle ones, so a group is never scored above what half of it
/// said); `n/a` when more said "not applicable" than chose a level; none when nobody chose one.
pub fn middle_level(levels: &mut [u32], not_applicable: usize) -> Option<Choice> {
    if levels.is_empty() {
        return (not_applicable > 0).then_some(Choice::NotApplicable);
    }
    if not_applicable > levels.len() {
        return Some(Choice::NotApplicable);
    }
    levels.sort_unstable();
    Some(Choice::Level(levels[(levels.len() - 1) / 2]))
}

/// The answers of a set of respondents, in framework order: each indicator's level (see
/// [`middle_level`]), their counts as votes when `votes`, and their evidence.
fn answers_of(framework: &Framework, respondents: &[Respondent], votes: bool) -> Vec<Answer> {
    let mut out = Vec::new();
    for (_, ind) in framework.indicators() {
        let id = &ind.id.value;
        let said: Vec<Said> = respondents
            .iter()
            .filter_map(|r| r.said.get(id).copied())
            .collect();
        let evidence: Vec<&str> = respondents
            .iter()
            .filter_map(|r| r.evidence.get(id).map(String::as_str))
            .collect();
        if said.is_empty() && evidence.is_empty() {
            continue;
        }
        let mut levels: Vec<u32> = said
            .iter()
            .filter_map(|s| match s {
                Said::Choice(Choice::Level(v)) => Some(*v),
                _ => None,
            })
            .collect();
        let na = said
            .iter()
            .filter(|s| **s == Said::Choice(Choice::NotApplicable))
            .count();
        let dont_know = said.iter().filter(|s| **s == Said::DontKnow).count();
        let mut answer = Answer::new(id.clone());
        if votes && !said.is_empty() {
            let mut tally = crate::record::Tally::new(crate::record::VoteSource::Form, None);
            for v in &levels {
                tally.set_count(*v, tally.count(*v) + 1);
            }
            tally.not_applicable = crate::record::Count(u32::try_from(na).unwrap_or(u32::MAX));
            tally.dont_know = crate::record::Count(u32::try_from(dont_know).unwrap_or(u32::MAX));
            answer.votes.push(tally);
        }
        answer.level = middle_level(&mut levels, na).map(unplaced);
        if !evidence.is_empty() {
            answer.evidence = Some(evidence.join("\n").into());
        }
        out.push(answer);
    }
    out
}

impl Plan {
    /// What `--dry-run` prints: every column and what it holds, every answer and its level,
    /// every group answer and its group, the rows left out, and the records it would write.
    pub fn describe(&self, records: &[(String, Record)], date_note: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {} from {} ({})",
            self.file,
            crate::words::plural(self.respondents.len(), "respondent"),
            self.shape,
            crate::words::plural(self.columns.len(), "column")
        );
        let _ = writeln!(out, "\nColumns");
        for c in &self.columns {
            let what = match &c.kind {
                Kind::Question {
                    indicator,
                    by: Placement::Id,
                } => format!("question {indicator} (by its id)"),
                Kind::Question {
                    indicator,
                    by: Placement::Statement,
                } => format!("question {indicator} (by its statement)"),
                Kind::Evidence { indicator } => format!("evidence for {indicator}"),
                Kind::Group => "the respondent's group".to_string(),
                Kind::Timestamp => "when they answered (for the date; not copied)".to_string(),
                Kind::Name => "names (left out; kept with --keep-names)".to_string(),
                Kind::LeftOut(what) => format!("left out: {what}"),
                Kind::Unplaced(why) => format!("NOT PLACED: {why}"),
            };
            let _ = writeln!(
                out,
                "  {:<3} {:<48} {what}",
                column_letters(c.index),
                column_label(&c.header, 48)
            );
        }
        if !self.answers.is_empty() {
            let _ = writeln!(out, "\nAnswers");
            for (text, said, n) in &self.answers {
                let level = match said {
                    Said::Choice(c) => c.to_string(),
                    Said::DontKnow => "don't know".to_string(),
                };
                let _ = writeln!(out, "  {:<32} {:<10} {n}", format!("{:?}", text), level);
            }
        }
        if !self.groups.is_empty() {
            let _ = writeln!(out, "\nGroups");
            for (text, group, n) in &self.groups {
                let _ = writeln!(
                    out,
                    "  {:<32} {:<16} {}",
                    format!("{:?}", text),
                    group,
                    crate::words::plural(*n, "respondent")
                );
            }
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "\nRows left out");
            for (line, why) in &self.skipped {
                let _ = writeln!(out, "  {line}: {why}");
            }
        }
        let _ = writeln!(out, "\nRecords ({date_note})");
        for (name, record) in records {
            let answered = record.answers.iter().filter(|a| a.level.is_some()).count();
            let _ = writeln!(
                out,
                "  {name}: {} of {} indicators scored",
                answered,
                self.indicator_count()
            );
        }
        out
    }

    fn indicator_count(&self) -> usize {
        let mut ids: Vec<&str> = self
            .columns
            .iter()
            .filter_map(|c| match &c.kind {
                Kind::Question { indicator, .. } => Some(indicator.as_str()),
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }

    /// The questions that could not be placed: (column letters, header).
    pub fn unplaced(&self) -> Vec<(String, String)> {
        self.columns
            .iter()
            .filter(|c| matches!(&c.kind, Kind::Unplaced(_)) && !c.header.is_empty())
            .map(|c| (column_letters(c.index), c.header.clone()))
            .collect()
    }
}

/// At most `n` characters, with `…` when cut.
/// A column's header in `n` characters. A grid question's header is `question [statement]`;
/// when it is too long the question is cut short first, so that columns under one long
/// question (SmartSurvey, SurveyMonkey) still show which statement each one asks about.
fn column_label(header: &str, n: usize) -> String {
    const QUESTION: usize = 16;
    match header.strip_suffix(']').and_then(|h| h.split_once(" [")) {
        Some((question, statement))
            if header.chars().count() > n && question.chars().count() > QUESTION =>
        {
            shorten(&format!("{} [{statement}]", shorten(question, QUESTION)), n)
        }
        _ => shorten(header, n),
    }
}

fn shorten(text: &str, n: usize) -> String {
    if text.chars().count() <= n {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(n - 1).collect();
        s.push('…');
        s
    }
}
