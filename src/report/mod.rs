//! The report: everything a reader sees, computed once, rendered many ways.
//!
//! [`Report::build`] takes the scorer's numbers and the framework's and records' words and puts
//! them side by side. Renderers (one module per format) only lay the report out; they never
//! compute. Rounding for display lives here too, in one place, so every format shows the same
//! digits.

pub mod builder;
pub mod compare;
pub mod csv;
pub mod document;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod table;
pub mod xlsx;

use std::io::Write;

use serde::Serialize;

use crate::framework::Framework;
use crate::record::{ActionStatus, Choice, Record, ScorerKind};
use crate::score::{self, Completeness, Scorecard, Stats, Weighting};

/// Version of the JSON shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for the terminal.
    Table,
    /// GitHub-flavoured Markdown, ready for a board paper.
    Markdown,
    /// JSON for scripts (shape documented in the README).
    Json,
    /// CSV, one row per indicator per record, for spreadsheets.
    Csv,
    /// An accessible A4 PDF with charts, for the partnership board (to a file or a pipe).
    Pdf,
    /// An Excel workbook: a sheet per view, numbers and dates typed (to a file or a pipe).
    Xlsx,
}

/// Options that change how a report looks, not what it says.
#[derive(Debug, Clone, Default)]
pub struct Style {
    /// Terminal width to fit, in columns.
    pub width: u16,
    /// Whether to use colour and bold (never the only carrier of meaning).
    pub color: bool,
}

impl Format {
    /// Renders a report in this format.
    pub fn render(
        self,
        report: &Report,
        style: &Style,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        match self {
            Self::Table => table::render(report, style, out),
            Self::Markdown => markdown::render(report, out),
            Self::Json => json::render(report, out),
            Self::Csv => csv::render(report, out),
            Self::Pdf => pdf::render(report, &pdf::Options::default(), out),
            Self::Xlsx => xlsx::render(report, out),
        }
    }
}

/// The scored report of one or more records.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Report {
    /// Version of this JSON shape.
    pub schema_version: u32,
    /// The report's title.
    pub title: String,
    /// The organisation publishing it (from `coprod.toml`), if set.
    pub organisation: Option<String>,
    /// The framework scored.
    pub framework: FrameworkInfo,
    /// Partnerships named by the records (usually one).
    pub partnerships: Vec<String>,
    /// Assessment dates, earliest first.
    pub dates: Vec<String>,
    /// The records, in the order given.
    pub records: Vec<RecordInfo>,
    /// The overall result.
    pub overall: Option<ScoreView>,
    /// Spread of the records' own overall results.
    pub overall_stats: Option<StatsView>,
    /// How much was answered.
    pub completeness: CompletenessView,
    /// Section by section.
    pub sections: Vec<SectionReport>,
    /// How records of several groups were combined: `groups` (each group counts the same) or
    /// `records` (each record counts the same).
    pub weight_by: Weighting,
    /// Who took part on the latest date, group by group.
    pub turnout: Vec<Turnout>,
    /// Highest-scoring indicators, with every indicator tied with the third (up to six).
    pub strengths: Vec<Highlight>,
    /// How many more indicators have the same score as the last strength listed.
    pub strengths_more_tied: usize,
    /// Lowest-scoring indicators: where to focus next (ties as for strengths).
    pub priorities: Vec<Highlight>,
    /// How many more indicators have the same score as the last priority listed.
    pub priorities_more_tied: usize,
    /// Every action agreed, in framework order.
    pub actions: Vec<ActionItem>,
    /// How many actions the latest date's records agreed, and how many of those are open.
    pub current_actions: ActionCounts,
    /// Stakeholder groups side by side (latest date), when there is more than one group.
    pub perspectives: Option<compare::PerspectivesView>,
    /// Results over time, when the records have more than one date.
    pub trend: Option<compare::TrendView>,
    /// What became of the previous assessment's actions, when there is one.
    pub action_progress: Option<compare::ActionProgressView>,
    /// Whether names were removed (`--anonymise`).
    pub anonymised: bool,
    /// When records were made with other versions of the framework: which, and what changed.
    pub framework_versions: Option<compare::VersionsView>,
    /// Every stakeholder group of every date, in the stable group order: a group's place
    /// here is its series in charts (its colour and pattern), the same in every year.
    #[serde(skip)]
    #[schemars(skip)]
    pub group_order: Vec<String>,
    /// The names and order of stakeholder groups the report was built with, for renderers
    /// that name a group.
    #[serde(skip)]
    #[schemars(skip)]
    pub groups: crate::record::Groups,
    /// Whether the report's language was asked for, rather than taken from the records or the
    /// framework (the summary says which, when the records' languages differ).
    #[serde(skip)]
    #[schemars(skip)]
    pub language_asked: bool,
}

/// Choices that change what a report includes.
#[derive(Debug, Clone)]
pub struct Options {
    /// A title instead of the default.
    pub title: Option<String>,
    /// The organisation publishing the report.
    pub organisation: Option<String>,
    /// Gap between groups (in levels) from which an indicator is flagged for discussion.
    pub divergence: f64,
    /// Remove people's names from the report.
    pub anonymise: bool,
    /// How records of several groups are combined.
    pub weight_by: Weighting,
    /// The names and order of stakeholder groups (`coprod.toml`'s `[groups]`).
    pub groups: crate::record::Groups,
    /// Whether the report's language was asked for (`--language`, or `language` in
    /// `coprod.toml`), rather than taken from the records or the framework.
    pub language_asked: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            title: None,
            organisation: None,
            divergence: score::compare::DEFAULT_DIVERGENCE,
            anonymise: false,
            weight_by: Weighting::Groups,
            groups: crate::record::Groups::default(),
            language_asked: false,
        }
    }
}

/// One stakeholder group's part in the latest assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Turnout {
    /// Group id (`whole-room` or `individuals` for records without a group).
    pub group: String,
    /// Its display name.
    pub name: String,
    /// How many records (responses) it sent.
    pub responses: usize,
    /// How many people took part: the participants the records name, and one for each
    /// person's own record that names nobody.
    pub people: usize,
}

/// What the report says about the framework.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FrameworkInfo {
    /// Framework id.
    pub id: String,
    /// Framework title.
    pub title: String,
    /// Framework version.
    pub version: String,
    /// Content fingerprint.
    pub fingerprint: String,
    /// Language tag of its texts.
    pub language: String,
    /// What it calls a section.
    pub section_noun: String,
    /// Name of the overall result, e.g. "Trust".
    pub overall_label: Option<String>,
    /// The heading of the extra note the framework asks for at every indicator, e.g. "What
    /// young people say", if it asks for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_note: Option<String>,
    /// Lowest level value.
    pub scale_min: u32,
    /// Highest level value.
    pub scale_max: u32,
    /// The scale, lowest first.
    pub scale: Vec<LevelInfo>,
    /// The bands, lowest first.
    pub bands: Vec<BandInfo>,
}

/// A scale level.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct LevelInfo {
    /// Its value.
    pub value: u32,
    /// Its short name.
    pub label: String,
    /// What it means.
    pub meaning: String,
}

/// A band.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct BandInfo {
    /// Its name.
    pub label: String,
    /// From (inclusive).
    pub min: f64,
    /// To (exclusive, except the top band).
    pub max: f64,
    /// What it means.
    pub meaning: String,
}

/// One record's place in the report.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RecordInfo {
    /// The file it was read from, as given.
    pub file: String,
    /// Its partnership.
    pub partnership: String,
    /// Its date.
    pub date: String,
    /// Who scored it, in words.
    pub scored_by: String,
    /// room, group or person.
    pub kind: ScorerKind,
    /// Stakeholder group id, if any.
    pub group: Option<String>,
    /// Names of those who took part.
    pub participants: Vec<String>,
    /// Whether this record is from the latest date, which the main scorecard describes.
    pub current: bool,
    /// This record's own overall score.
    pub overall: Option<f64>,
    /// This record's own section scores, in framework order.
    pub sections: Vec<Option<f64>>,
    /// This record's completeness.
    pub completeness: CompletenessView,
    /// The edition of the framework it was scored on, when not the standard one, e.g.
    /// `easy-read`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The language it was scored in (a language tag, e.g. `cy`); for older records that do not
    /// say, the framework's own.
    pub language: String,
}

/// A score as shown: value, percent of range, band.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScoreView {
    /// On the framework's scale.
    pub value: f64,
    /// Percent of the scale's range.
    pub percent: f64,
    /// Band name, if the framework has bands.
    pub band: Option<String>,
}

/// Statistics as shown.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StatsView {
    /// How many values.
    pub count: usize,
    /// Mean.
    pub mean: f64,
    /// Median.
    pub median: f64,
    /// Smallest.
    pub min: f64,
    /// Largest.
    pub max: f64,
    /// Largest minus smallest.
    pub spread: f64,
}

/// Completeness as shown.
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct CompletenessView {
    /// Indicator slots (indicators × records).
    pub total: usize,
    /// With a level.
    pub answered: usize,
    /// Not applicable.
    pub not_applicable: usize,
    /// Not yet answered.
    pub unanswered: usize,
    /// Share with an answer (level or n/a).
    pub percent_complete: f64,
}

/// A section's results.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SectionReport {
    /// Section id.
    pub id: String,
    /// Section title.
    pub title: String,
    /// What the section is about.
    pub summary: String,
    /// Weight in the overall result.
    pub weight: f64,
    /// The section's result.
    pub score: Option<ScoreView>,
    /// Spread of the records' own section scores.
    pub stats: Option<StatsView>,
    /// Completeness of the section.
    pub completeness: CompletenessView,
    /// Its indicators.
    pub indicators: Vec<IndicatorReport>,
}

/// An indicator's results.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct IndicatorReport {
    /// Indicator id.
    pub id: String,
    /// The statement scored.
    pub statement: String,
    /// Weight in its section.
    pub weight: f64,
    /// Combined result.
    pub score: Option<ScoreView>,
    /// Statistics over the records' levels.
    pub stats: Option<StatsView>,
    /// Completeness over the records.
    pub completeness: CompletenessView,
    /// Each record's answer, in record order.
    pub responses: Vec<Response>,
}

/// One record's answer to an indicator.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Response {
    /// Index into `records`.
    pub record: usize,
    /// The level value, if one was chosen.
    pub level: Option<u32>,
    /// The level's short name.
    pub level_label: Option<std::sync::Arc<str>>,
    /// Whether it was marked not applicable.
    pub not_applicable: bool,
    /// Evidence notes (shared with the record, not copied).
    pub evidence: Option<std::sync::Arc<str>>,
    /// The framework's extra note (e.g. what young people say), when it asks for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_note: Option<std::sync::Arc<str>>,
    /// How many people chose each level before the room agreed, when there was a vote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<crate::score::votes::Distribution>,
}

/// An indicator named as a strength or a priority.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Highlight {
    /// Indicator id.
    pub indicator: String,
    /// Its section's title.
    pub section: String,
    /// Its statement.
    pub statement: String,
    /// Its combined score.
    pub score: f64,
}

/// A count of actions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ActionCounts {
    /// Actions agreed.
    pub agreed: usize,
    /// Of those, the ones not yet done, embedded or dropped.
    pub open: usize,
}

/// An agreed action, with where it came from.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ActionItem {
    /// Indicator id it belongs to.
    pub indicator: String,
    /// Index into `records`.
    pub record: usize,
    /// What will be done.
    pub what: String,
    /// Who owns it.
    pub owner: Option<String>,
    /// Due date.
    pub due: Option<String>,
    /// Its status.
    pub status: ActionStatus,
    /// A word on progress.
    pub note: Option<String>,
}

/// A record with the name of the file it came from.
pub struct Input<'a> {
    /// The file name shown on the report.
    pub file: String,
    /// The record.
    pub record: &'a Record,
}

impl Report {
    /// Builds the report for records of one framework. The scorer computes; this only collects.
    pub fn build(framework: &Framework, inputs: &[Input<'_>], title: Option<String>) -> Self {
        Self::build_with(
            framework,
            inputs,
            &Options {
                title,
                ..Options::default()
            },
        )
    }

    /// Builds the report with options.
    ///
    /// When the records span several dates, the scorecard describes the latest date; earlier
    /// dates appear in the trend and the action follow-up.
    pub fn build_with(framework: &Framework, inputs: &[Input<'_>], options: &Options) -> Self {
        // One stable order, whatever order the files came in: by date, then group (the known
        // groups in their usual order, then alphabetically), then who scored, then file name.
        // It fixes each record's place in every list, and so its colour and pattern in charts.
        let mut sorted: Vec<&Input<'_>> = inputs.iter().collect();
        sorted.sort_by_cached_key(|i| {
            (
                i.record.date.value,
                options.groups.rank(score::group_of(i.record)),
                i.record.scored_by.describe(&options.groups),
                i.file.clone(),
            )
        });
        let inputs = sorted;
        let records: Vec<&Record> = inputs.iter().map(|i| i.record).collect();
        let latest = records.iter().map(|r| r.date.value).max();
        let current: Vec<&Record> = records
            .iter()
            .copied()
            .filter(|r| Some(r.date.value) == latest)
            .collect();
        let card: Scorecard = score::score(framework, &current, options.weight_by);
        let own: Vec<score::RecordScore> = records
            .iter()
            .map(|r| score::score_record(framework, r))
            .collect();
        let band_name = |b: Option<usize>| {
            b.and_then(|i| framework.bands.get(i))
                .map(|b| b.label.clone())
        };
        let view = |s: &score::Score| ScoreView {
            value: s.value,
            percent: s.percent,
            band: band_name(s.band),
        };
        let (lo, hi) = framework.scale_range();

        let mut partnerships: Vec<String> = records.iter().map(|r| r.partnership.clone()).collect();
        partnerships.sort();
        partnerships.dedup();
        let mut dates: Vec<String> = records.iter().map(|r| r.date.value.to_string()).collect();
        dates.sort();
        dates.dedup();

        let record_infos: Vec<RecordInfo> = inputs
            .iter()
            .zip(&own)
            .map(|(input, own)| RecordInfo {
                file: input.file.clone(),
                partnership: input.record.partnership.clone(),
                date: input.record.date.value.to_string(),
                scored_by: input.record.scored_by.describe(&options.groups),
                kind: input.record.scored_by.kind.value,
                group: input.record.scored_by.group.clone(),
                participants: input.record.participants.clone(),
                current: Some(input.record.date.value) == latest,
                overall: own.overall,
                sections: own.sections.clone(),
                completeness: completeness_view(own.completeness),
                edition: input.record.framework.edition.clone(),
                language: input
                    .record
                    .framework
                    .language
                    .clone()
                    .unwrap_or_else(|| framework.language.clone()),
            })
            .collect();

        // One copy of each level's name, shared by every response.
        let labels: Vec<(u32, std::sync::Arc<str>)> = framework
            .scale
            .value
            .iter()
            .map(|l| (l.value.value, std::sync::Arc::from(l.label.as_str())))
            .collect();
        let mut actions = Vec::new();
        let mut position = 0; // each indicator's place in framework order
        let sections = framework
            .sections
            .value
            .iter()
            .zip(&card.sections)
            .map(|(section, sc)| SectionReport {
                id: section.id.value.clone(),
                title: section.title.clone(),
                summary: section.summary.clone(),
                weight: section.weight.as_ref().map_or(1.0, |w| w.value),
                score: sc.score.as_ref().map(view),
                stats: sc.stats.map(stats_view),
                completeness: completeness_view(sc.completeness),
                indicators: section
                    .indicators
                    .value
                    .iter()
                    .zip(&sc.indicators)
                    .map(|(ind, is)| {
                        let id = &ind.id.value;
                        let at = position;
                        position += 1;
                        let responses = records
                            .iter()
                            .enumerate()
                            .map(|(ri, r)| {
                                let answer = r.answer_at(id, at);
                                let choice = answer.and_then(|a| a.level.as_ref()).map(|l| l.value);
                                if let Some(a) = answer {
                                    actions.extend(a.actions.iter().map(|act| ActionItem {
                                        indicator: id.clone(),
                                        record: ri,
                                        what: act.what.clone(),
                                        owner: act.owner.clone(),
                                        due: act.due.map(|d| d.to_string()),
                                        status: act.status,
                                        note: act.note.clone(),
                                    }));
                                }
                                Response {
                                    record: ri,
                                    level: choice.and_then(Choice::value),
                                    level_label: choice.and_then(Choice::value).and_then(|v| {
                                        labels.iter().find(|(x, _)| *x == v).map(|(_, l)| l.clone())
                                    }),
                                    not_applicable: choice == Some(Choice::NotApplicable),
                                    evidence: answer.and_then(|a| a.evidence.clone()),
                                    extra_note: answer.and_then(|a| a.extra_note.clone()),
                                    votes: answer
                                        .filter(|a| !a.votes.is_empty())
                                        .map(|a| score::votes::distribution(framework, a)),
                                }
                            })
                            .collect();
                        IndicatorReport {
                            id: id.clone(),
                            statement: ind.statement.clone(),
                            weight: ind.weight.as_ref().map_or(1.0, |w| w.value),
                            score: is.score.as_ref().map(view),
                            stats: is.stats.map(stats_view),
                            completeness: completeness_view(is.completeness),
                            responses,
                        }
                    })
                    .collect(),
            })
            .collect::<Vec<SectionReport>>();

        let highlight = |&(si, ii): &(usize, usize)| {
            let s = &sections[si];
            let i = &s.indicators[ii];
            Highlight {
                indicator: i.id.clone(),
                section: s.title.clone(),
                statement: i.statement.clone(),
                score: i.score.as_ref().map_or(f64::NAN, |s| s.value),
            }
        };
        let strengths = card.strengths.listed.iter().map(highlight).collect();
        let priorities = card.priorities.listed.iter().map(highlight).collect();
        let mut turnout: Vec<Turnout> = Vec::new();
        for r in &current {
            let (group, name) = score::compare::perspective(r, &options.groups);
            let people = match (r.participants.len(), r.scored_by.kind.value) {
                (0, crate::record::ScorerKind::Person) => 1,
                (n, _) => n,
            };
            match turnout.iter_mut().find(|t| t.group == group) {
                Some(t) => {
                    t.responses += 1;
                    t.people += people;
                }
                None => turnout.push(Turnout {
                    group,
                    name,
                    responses: 1,
                    people,
                }),
            }
        }

        let perspectives =
            score::compare::perspectives(framework, &current, options.divergence, &options.groups)
                .map(|p| compare::perspectives_view(&p, &sections));
        let trend = score::compare::trend(framework, &records, options.weight_by)
            .map(|t| compare::trend_view(&t, &sections));
        let action_progress = score::compare::action_progress(&records)
            .map(|p| compare::action_progress_view(&p, &records));

        let title = options
            .title
            .clone()
            .unwrap_or_else(|| match partnerships.as_slice() {
                [one] => format!("{}: {}", framework.title, one),
                _ => framework.title.clone(),
            });

        let current: Vec<&ActionItem> = actions
            .iter()
            .filter(|a| record_infos[a.record].current)
            .collect();
        let current_actions = ActionCounts {
            agreed: current.len(),
            open: current.iter().filter(|a| a.status.is_open()).count(),
        };
        let mut report = Self {
            schema_version: SCHEMA_VERSION,
            title,
            organisation: options.organisation.clone(),
            framework: FrameworkInfo {
                id: framework.id.value.clone(),
                title: framework.title.clone(),
                version: framework.version.clone(),
                fingerprint: framework.fingerprint(),
                language: framework.language.clone(),
                section_noun: framework.section_noun.clone(),
                overall_label: framework.overall_label.clone(),
                extra_note: framework.extra_note.as_ref().map(|n| n.label.clone()),
                scale_min: lo,
                scale_max: hi,
                scale: framework
                    .scale
                    .value
                    .iter()
                    .map(|l| LevelInfo {
                        value: l.value.value,
                        label: l.label.clone(),
                        meaning: l.meaning.clone(),
                    })
                    .collect(),
                bands: framework
                    .bands
                    .iter()
                    .map(|b| BandInfo {
                        label: b.label.clone(),
                        min: b.min.value,
                        max: b.max.value,
                        meaning: b.meaning.clone(),
                    })
                    .collect(),
            },
            partnerships,
            dates,
            records: record_infos,
            overall: card.overall.as_ref().map(view),
            overall_stats: card.overall_stats.map(stats_view),
            completeness: completeness_view(card.completeness),
            sections,
            weight_by: options.weight_by,
            turnout,
            strengths,
            strengths_more_tied: card.strengths.more_tied,
            priorities,
            priorities_more_tied: card.priorities.more_tied,
            current_actions,
            actions,
            perspectives,
            trend,
            action_progress,
            anonymised: false,
            framework_versions: score::compare::version_changes(framework, &records)
                .map(|v| compare::versions_view(&v)),
            group_order: score::compare::group_order(&records, &options.groups),
            groups: options.groups.clone(),
            language_asked: options.language_asked,
        };
        if options.anonymise {
            let mut names: Vec<String> = records
                .iter()
                .flat_map(|r| r.participants.iter().cloned())
                .collect();
            names.extend(records.iter().filter_map(|r| r.scored_by.name.clone()));
            compare::anonymise(&mut report, &names);
        }
        report
    }

    /// Whether the scorecard combines more than one record (of the latest date).
    pub fn is_combined(&self) -> bool {
        self.records.iter().filter(|r| r.current).count() > 1
    }

    /// The index of the one record the scorecard describes, when it describes one.
    pub fn single_current(&self) -> Option<usize> {
        let mut current = self.records.iter().enumerate().filter(|(_, r)| r.current);
        match (current.next(), current.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// The date the scorecard describes (the latest).
    pub fn current_date(&self) -> &str {
        self.dates.last().map_or("", String::as_str)
    }

    /// The section noun with a capital letter, for headings ("Cornerstone").
    pub fn section_heading(&self) -> String {
        capitalise(&self.framework.section_noun)
    }

    /// The name of the overall result ("Trust" or "Overall").
    pub fn overall_name(&self) -> String {
        self.framework
            .overall_label
            .clone()
            .unwrap_or_else(|| "Overall".to_string())
    }
}

fn stats_view(s: Stats) -> StatsView {
    StatsView {
        count: s.count,
        mean: s.mean,
        median: s.median,
        min: s.min,
        max: s.max,
        spread: s.spread,
    }
}

fn completeness_view(c: Completeness) -> CompletenessView {
    CompletenessView {
        total: c.total,
        answered: c.answered,
        not_applicable: c.not_applicable,
        unanswered: c.unanswered,
        percent_complete: c.percent_complete(),
    }
}

// --- Display rounding: the one place numbers are rounded ([`crate::words`]), for every format. ---

pub use crate::words::{capitalise, plural, round_percent, round_score, score_text};

/// A change between two scores as shown: the difference of the rounded scores, so that
/// "3.0 → 2.7" always reads with "−0.3" beside it.
pub fn shown_change(from: f64, to: f64) -> f64 {
    round_score(round_score(to) - round_score(from))
}

/// A change as text with its sign, e.g. "+0.7", "-0.3", "0.0".
pub fn change_text(x: f64) -> String {
    let r = round_score(x);
    if r == 0.0 {
        "0.0".to_string()
    } else {
        format!("{r:+.1}")
    }
}

/// How a direction is said in words.
pub fn direction_text(d: Option<score::compare::Direction>) -> &'static str {
    use score::compare::Direction;
    match d {
        Some(Direction::Improved) => "improved",
        Some(Direction::Slipped) => "slipped",
        Some(Direction::Same) => "about the same",
        None => "",
    }
}

/// A percentage as text, e.g. "60%".
pub fn percent_text(x: f64) -> String {
    format!("{:.0}%", round_percent(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_the_same_for_text_and_numbers() {
        // 2.25 is exact in binary; `{:.1}` alone would give 2.2 (ties to even).
        assert_eq!(score_text(2.25), "2.3");
        assert_eq!(round_score(2.25), 2.3);
        assert_eq!(score_text(3.0), "3.0");
        assert_eq!(percent_text(62.5), "63%");
        assert_eq!(change_text(0.65), "+0.7");
        assert_eq!(change_text(-0.04), "0.0");
        assert_eq!(change_text(-0.25), "-0.3");
        // 2.96 shows as 3.0 and 2.66 as 2.7: the change shown is -0.3, not the exact -0.30
        // rounded from -0.35 or the like.
        assert_eq!(change_text(shown_change(2.96, 2.66)), "-0.3");
        assert_eq!(change_text(shown_change(2.96, 2.6)), "-0.4");
        assert_eq!(change_text(shown_change(3.04, 2.66)), "-0.3");
    }
}
