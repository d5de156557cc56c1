//! The report's views of comparisons: groups side by side, change over time, action
//! follow-up. The numbers come from `score::compare`; this only attaches names and ids.

use serde::Serialize;

use super::{ActionItem, SectionReport};
use crate::record::Record;
use crate::score::compare::{ActionProgress, Direction, Gap, Perspectives, Series, Trend};

/// A stakeholder group in the comparison.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GroupInfo {
    /// Group id, e.g. `parent-carers`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// How many records speak for it.
    pub records: usize,
}

/// One result per group and the gap between them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct GapView {
    /// Per group, in `groups` order.
    pub by_group: Vec<Option<f64>>,
    /// Highest minus lowest.
    pub gap: Option<f64>,
    /// The gap reaches the threshold: talk about this.
    pub diverges: bool,
}

/// A section or indicator's gap, with its name.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct NamedGap {
    /// Section or indicator id.
    pub id: String,
    /// Section title or indicator statement.
    pub text: String,
    /// The values and the gap.
    #[serde(flatten)]
    pub gap: GapView,
}

/// Stakeholder groups side by side.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PerspectivesView {
    /// The groups, in column order.
    pub groups: Vec<GroupInfo>,
    /// The divergence threshold, in levels.
    pub threshold: f64,
    /// The overall result per group.
    pub overall: GapView,
    /// Per section.
    pub sections: Vec<NamedGap>,
    /// Per indicator, in framework order.
    pub indicators: Vec<NamedGap>,
}

impl PerspectivesView {
    /// Indicators whose views diverge, widest gap first.
    pub fn talk_about(&self) -> Vec<&NamedGap> {
        let mut v: Vec<&NamedGap> = self.indicators.iter().filter(|i| i.gap.diverges).collect();
        v.sort_by(|a, b| {
            b.gap
                .gap
                .unwrap_or(0.0)
                .total_cmp(&a.gap.gap.unwrap_or(0.0))
        });
        v
    }
}

fn gap_view(g: &Gap) -> GapView {
    GapView {
        by_group: g.by_group.clone(),
        gap: g.gap,
        diverges: g.diverges,
    }
}

/// Names the numbers of a group comparison.
pub fn perspectives_view(p: &Perspectives, sections: &[SectionReport]) -> PerspectivesView {
    PerspectivesView {
        groups: p
            .groups
            .iter()
            .map(|(id, name, n)| GroupInfo {
                id: id.clone(),
                name: name.clone(),
                records: *n,
            })
            .collect(),
        threshold: p.threshold,
        overall: gap_view(&p.overall),
        sections: sections
            .iter()
            .zip(&p.sections)
            .map(|(s, g)| NamedGap {
                id: s.id.clone(),
                text: s.title.clone(),
                gap: gap_view(g),
            })
            .collect(),
        indicators: sections
            .iter()
            .zip(&p.indicators)
            .flat_map(|(s, gs)| {
                s.indicators.iter().zip(gs).map(|(i, g)| NamedGap {
                    id: i.id.clone(),
                    text: i.statement.clone(),
                    gap: gap_view(g),
                })
            })
            .collect(),
    }
}

/// One result over time.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SeriesView {
    /// Section or indicator id (empty for the overall result).
    pub id: String,
    /// Section title or indicator statement.
    pub text: String,
    /// The result at each date.
    pub values: Vec<Option<f64>>,
    /// Latest minus the previous date, exactly.
    pub change: Option<f64>,
    /// The change as shown beside the rounded scores: the difference of the rounded scores.
    pub change_shown: Option<f64>,
    /// improved, slipped or same, judged on `change_shown`.
    pub direction: Option<Direction>,
}

/// Results over time.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TrendView {
    /// The dates, earliest first.
    pub dates: Vec<String>,
    /// A change smaller than this (in levels) counts as the same.
    pub step: f64,
    /// The overall result.
    pub overall: SeriesView,
    /// Per section.
    pub sections: Vec<SeriesView>,
    /// Per indicator, in framework order.
    pub indicators: Vec<SeriesView>,
}

impl TrendView {
    /// Indicators that moved in this direction since last time.
    pub fn moved(&self, direction: Direction) -> Vec<&SeriesView> {
        self.indicators
            .iter()
            .filter(|i| i.direction == Some(direction))
            .collect()
    }
}

/// A series as the report shows it. The direction is judged on the change as shown (the
/// difference of the rounded scores), so that "+0.2" is never called an improvement beside a
/// rule that says less than 0.25 is about the same.
fn series_view(id: &str, text: &str, s: &Series) -> SeriesView {
    let change_shown = match s.values.as_slice() {
        [.., Some(a), Some(b)] => Some(super::shown_change(*a, *b)),
        _ => None,
    };
    SeriesView {
        id: id.to_string(),
        text: text.to_string(),
        values: s.values.clone(),
        change: s.change,
        change_shown,
        direction: change_shown.map(crate::score::compare::direction_of),
    }
}

/// Names the numbers of a trend.
pub fn trend_view(t: &Trend, sections: &[SectionReport]) -> TrendView {
    TrendView {
        dates: t.dates.iter().map(ToString::to_string).collect(),
        step: crate::score::compare::TREND_STEP,
        overall: series_view("", "", &t.overall),
        sections: sections
            .iter()
            .zip(&t.sections)
            .map(|(s, x)| series_view(&s.id, &s.title, x))
            .collect(),
        indicators: sections
            .iter()
            .zip(&t.indicators)
            .flat_map(|(s, xs)| {
                s.indicators
                    .iter()
                    .zip(xs)
                    .map(|(i, x)| series_view(&i.id, &i.statement, x))
            })
            .collect(),
    }
}

/// What became of the previous assessment's actions.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ActionProgressView {
    /// The previous assessment's date.
    pub since: String,
    /// Actions agreed then.
    pub agreed: usize,
    /// Now done or embedded.
    pub completed: usize,
    /// Still not started or in progress.
    pub open: usize,
    /// Dropped.
    pub dropped: usize,
    /// Not mentioned in the latest records.
    pub not_followed_up: usize,
    /// The actions not mentioned, as agreed then.
    pub not_followed_up_actions: Vec<ActionItem>,
    /// Actions agreed at an earlier date, due before the latest assessment, and not done,
    /// embedded or dropped.
    pub overdue: Vec<ActionItem>,
}

/// Names the numbers of the action follow-up.
pub fn action_progress_view(p: &ActionProgress, records: &[&Record]) -> ActionProgressView {
    let items = |list: &[(usize, String, usize)]| -> Vec<ActionItem> {
        list.iter()
            .filter_map(|(ri, indicator, n)| {
                let act = records.get(*ri)?.answer(indicator)?.actions.get(*n)?;
                Some(ActionItem {
                    indicator: indicator.clone(),
                    record: *ri,
                    what: act.what.clone(),
                    owner: act.owner.clone(),
                    due: act.due.map(|d| d.to_string()),
                    status: act.status,
                    note: act.note.clone(),
                })
            })
            .collect()
    };
    ActionProgressView {
        since: p.since.to_string(),
        agreed: p.agreed,
        completed: p.completed,
        open: p.open,
        dropped: p.dropped,
        not_followed_up: p.not_followed_up,
        not_followed_up_actions: items(&p.not_followed_up_actions),
        overdue: items(&p.overdue),
    }
}

/// Removes people's names: participant lists go, named scorers become their group, file names
/// become "record N", and any name (or a part of one, three letters or more) in evidence,
/// actions and owners is replaced with "[name removed]", whatever its case or accents.
pub fn anonymise(report: &mut super::Report, names: &[String]) {
    // Names are found in any case and with or without accents (see `crate::names`).
    let names = crate::names::Names::new(names);
    let scrub = |text: &str| -> String { names.replace(text, "[name removed]") };
    for (n, r) in report.records.iter_mut().enumerate() {
        r.participants.clear();
        r.file = format!("record {}", n + 1);
        if r.kind == crate::record::ScorerKind::Person {
            r.scored_by = match &r.group {
                Some(g) => format!("One person ({})", report.groups.name(g)),
                None => "One person".to_string(),
            };
        }
    }
    for s in &mut report.sections {
        for i in &mut s.indicators {
            for resp in &mut i.responses {
                resp.evidence = resp.evidence.as_deref().map(|e| scrub(e).into());
            }
        }
    }
    let fix = |a: &mut ActionItem| {
        a.what = scrub(&a.what);
        a.owner = a.owner.as_deref().map(scrub);
        a.note = a.note.as_deref().map(scrub);
    };
    report.actions.iter_mut().for_each(fix);
    if let Some(p) = &mut report.action_progress {
        p.overdue.iter_mut().for_each(fix);
        p.not_followed_up_actions.iter_mut().for_each(fix);
    }
    report.anonymised = true;
}

/// Framework versions among the records, as the report shows them.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionsView {
    /// Each version: its number, fingerprint and how many records were made with it.
    pub versions: Vec<VersionInfo>,
    /// Indicators no longer in the framework (left out of every score), with record counts.
    pub retired: Vec<Retired>,
    /// Indicators not answered in records made with earlier versions.
    pub new: Vec<String>,
    /// Renamed indicators; answers under the earlier id count for the indicator.
    pub renamed: Vec<Renamed>,
}

/// An indicator answered in some record but no longer in the framework.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Retired {
    /// Its id.
    pub indicator: String,
    /// How many records answered it.
    pub records: usize,
}

/// An indicator the framework says was renamed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Renamed {
    /// The earlier id.
    pub from: String,
    /// The id now.
    pub to: String,
}

impl VersionsView {
    /// Each renaming in words, e.g. "T2 is now REPLY".
    pub fn renaming_words(&self) -> Vec<String> {
        self.renamed
            .iter()
            .map(|r| format!("{} is now {}", r.from.to_uppercase(), r.to.to_uppercase()))
            .collect()
    }
}

/// One framework version.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct VersionInfo {
    /// The version number the records give.
    pub version: String,
    /// Its fingerprint, if the records give one.
    pub fingerprint: Option<String>,
    /// How many records.
    pub records: usize,
}

/// Names the version comparison.
pub fn versions_view(v: &crate::score::compare::VersionChanges) -> VersionsView {
    VersionsView {
        versions: v
            .versions
            .iter()
            .map(|(version, fingerprint, records)| VersionInfo {
                version: version.clone(),
                fingerprint: fingerprint.clone(),
                records: *records,
            })
            .collect(),
        retired: v
            .retired
            .iter()
            .map(|(indicator, records)| Retired {
                indicator: indicator.clone(),
                records: *records,
            })
            .collect(),
        new: v.new.clone(),
        renamed: v
            .renamed
            .iter()
            .map(|(from, to)| Renamed {
                from: from.clone(),
                to: to.clone(),
            })
            .collect(),
    }
}
