//! The scorer: pure functions from a framework and records to numbers. No I/O, no formatting.
//!
//! The rules (also in the README):
//! - An indicator's score is the value of the level chosen. "Not applicable" and unanswered
//!   indicators are left out of every average.
//! - A section's score is the weighted mean of its answered indicators (weights default to 1).
//! - The overall score is the weighted mean of the sections that have a score (each section
//!   weighs 1 unless the framework says otherwise).
//! - Percent of range: `(score − lowest level) / (highest level − lowest level) × 100`.
//! - With several records, each stakeholder group counts the same by default
//!   ([`Weighting::Groups`]): an indicator's combined score is the mean of the groups' results
//!   for it, each group's result being the mean of its records' levels. With
//!   [`Weighting::Records`] it is the mean of all the records' levels, so a group that sent more
//!   records weighs more. Sections and overall are then computed from the combined indicator
//!   scores exactly as for one record. Count, mean, median, min, max and spread (max − min) are
//!   given per indicator over the records' levels, and per section and overall over the
//!   records' own section and overall scores.
//! - Strengths and priorities: the three highest and lowest combined indicator scores, and every
//!   indicator tied with the third, up to six; further ties are counted, not dropped.

pub mod compare;
pub mod votes;

use serde::Serialize;

use crate::framework::Framework;
use crate::record::{Choice, Record, ScorerKind};

/// How the records of several stakeholder groups are combined.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, schemars::JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Weighting {
    /// Each stakeholder group counts the same: the mean of the groups' results, each the mean
    /// of its records.
    #[default]
    Groups,
    /// Each record counts the same: the mean of all records (a group that sent more records
    /// weighs more).
    Records,
}

/// The stakeholder group a record speaks for, as an id: its group, else `whole-room` for the
/// whole room, else `individuals` for people scoring without a group.
pub fn group_of(record: &Record) -> &str {
    match (&record.scored_by.group, record.scored_by.kind.value) {
        (Some(g), _) => g,
        (None, ScorerKind::Room) => "whole-room",
        (None, _) => "individuals",
    }
}

/// The combined value of `(group, value)` pairs under a weighting; `None` when there are none.
///
/// Values are sorted before summing, so the order they come in cannot change the last bits.
pub fn combine(values: &[(&str, f64)], weighting: Weighting) -> Option<f64> {
    match weighting {
        Weighting::Records => {
            let mut all: Vec<f64> = values.iter().map(|(_, v)| *v).collect();
            all.sort_by(f64::total_cmp);
            mean(&all)
        }
        Weighting::Groups => {
            let mut by_group: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
            for (g, v) in values {
                by_group.entry(g).or_default().push(*v);
            }
            let mut means: Vec<f64> = by_group
                .into_values()
                .filter_map(|mut vs| {
                    vs.sort_by(f64::total_cmp);
                    mean(&vs)
                })
                .collect();
            means.sort_by(f64::total_cmp);
            mean(&means)
        }
    }
}

/// Summary statistics of a set of values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Stats {
    /// How many values.
    pub count: usize,
    /// Arithmetic mean.
    pub mean: f64,
    /// Middle value (mean of the two middle values for an even count).
    pub median: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// `max − min`: how far apart the views are.
    pub spread: f64,
}

/// Statistics of `values`, or `None` when there are none.
pub fn stats(values: &[f64]) -> Option<Stats> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let median = if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    };
    let (min, max) = (sorted[0], sorted[n - 1]);
    Some(Stats {
        count: n,
        mean: mean(&sorted).unwrap_or(median),
        median,
        min,
        max,
        spread: max - min,
    })
}

/// Mean of values, summed in a fixed order so the result never depends on input order.
fn mean(sorted: &[f64]) -> Option<f64> {
    (!sorted.is_empty()).then(|| sorted.iter().sum::<f64>() / sorted.len() as f64)
}

/// Weighted mean of `(value, weight)` pairs; `None` when there are none.
///
/// Pairs are sorted before summing so that the order they come in cannot change the last bits.
pub fn weighted_mean(pairs: &[(f64, f64)]) -> Option<f64> {
    let mut pairs = pairs.to_vec();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let total: f64 = pairs.iter().map(|(_, w)| w).sum();
    (total > 0.0).then(|| pairs.iter().map(|(v, w)| v * w).sum::<f64>() / total)
}

/// Where a score sits between the lowest and highest level, as a percentage.
pub fn percent_of_range(score: f64, lo: u32, hi: u32) -> f64 {
    if hi <= lo {
        return 100.0;
    }
    (score - f64::from(lo)) / f64::from(hi - lo) * 100.0
}

/// How much of a framework has been answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Completeness {
    /// Indicator slots: indicators × records.
    pub total: usize,
    /// Slots with a level.
    pub answered: usize,
    /// Slots marked not applicable.
    pub not_applicable: usize,
    /// Slots with nothing yet.
    pub unanswered: usize,
}

impl Completeness {
    fn add(&mut self, choice: Option<Choice>) {
        self.total += 1;
        match choice {
            Some(Choice::Level(_)) => self.answered += 1,
            Some(Choice::NotApplicable) => self.not_applicable += 1,
            None => self.unanswered += 1,
        }
    }

    fn merge(&mut self, other: Self) {
        self.total += other.total;
        self.answered += other.answered;
        self.not_applicable += other.not_applicable;
        self.unanswered += other.unanswered;
    }

    /// Share of slots that have an answer (a level or n/a), in percent.
    pub fn percent_complete(&self) -> f64 {
        if self.total == 0 {
            return 100.0;
        }
        (self.answered + self.not_applicable) as f64 / self.total as f64 * 100.0
    }

    /// Whether every indicator has a level or n/a.
    pub fn is_complete(&self) -> bool {
        self.unanswered == 0
    }
}

/// A score with where it sits on the scale and its band.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Score {
    /// The score on the framework's scale.
    pub value: f64,
    /// Percent of the scale's range.
    pub percent: f64,
    /// Index of the framework band it falls in, if the framework has bands.
    pub band: Option<usize>,
}

impl Score {
    fn new(framework: &Framework, value: f64) -> Self {
        let (lo, hi) = framework.scale_range();
        let band = framework
            .band_for(value)
            .and_then(|b| framework.bands.iter().position(|x| std::ptr::eq(x, b)));
        Self {
            value,
            percent: percent_of_range(value, lo, hi),
            band,
        }
    }
}

/// One indicator's result.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct IndicatorScore {
    /// The combined score (by the weighting: the mean of the groups' means, or of the records'
    /// levels), if any record gave a level.
    pub score: Option<Score>,
    /// Statistics over the records' levels.
    pub stats: Option<Stats>,
    /// Answered / n/a / unanswered over the records.
    pub completeness: Completeness,
}

/// One section's result.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SectionScore {
    /// Weighted mean of the combined indicator scores.
    pub score: Option<Score>,
    /// Statistics over each record's own section score.
    pub stats: Option<Stats>,
    /// Completeness of this section over the records.
    pub completeness: Completeness,
    /// The section's indicators, in framework order.
    pub indicators: Vec<IndicatorScore>,
}

/// Everything the scorer computes for one or more records of one framework.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Scorecard {
    /// Weighted mean of the section scores.
    pub overall: Option<Score>,
    /// Statistics over each record's own overall score.
    pub overall_stats: Option<Stats>,
    /// Completeness over all indicators and records.
    pub completeness: Completeness,
    /// Sections in framework order.
    pub sections: Vec<SectionScore>,
    /// Each record scored on its own, in the order given.
    pub records: Vec<RecordScore>,
    /// Indicators with the highest combined scores, best first, with ties.
    pub strengths: Highlights,
    /// Indicators with the lowest combined scores, lowest first, with ties.
    pub priorities: Highlights,
}

/// Indicators named as strengths or priorities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Highlights {
    /// (section index, indicator index), in rank order; ties in framework order.
    pub listed: Vec<(usize, usize)>,
    /// How many more indicators have the same score as the last one listed but are not
    /// listed (the list stops at [`MAX_HIGHLIGHTS`]).
    pub more_tied: usize,
}

/// One record's own results.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct RecordScore {
    /// Overall score of this record alone.
    pub overall: Option<f64>,
    /// Section scores of this record alone, in framework order.
    pub sections: Vec<Option<f64>>,
    /// This record's completeness.
    pub completeness: Completeness,
}

/// How many strengths and priorities a report names, before ties.
pub const HIGHLIGHTS: usize = 3;

/// The most strengths or priorities a report lists when several are tied; further ties are
/// counted.
pub const MAX_HIGHLIGHTS: usize = 6;

/// The first [`HIGHLIGHTS`] of `ranked` (already in rank order), and every one tied with the
/// last of them, but never more than [`MAX_HIGHLIGHTS`] nor more than half of all, so that
/// strengths and priorities never overlap.
fn highlights(ranked: &[(f64, usize, usize)]) -> Highlights {
    let cap = ranked.len() / 2;
    let take = HIGHLIGHTS.min(cap);
    let Some(last) = take.checked_sub(1).map(|i| ranked[i].0) else {
        return Highlights::default();
    };
    let tied = |x: &(f64, usize, usize)| (x.0 - last).abs() < 1e-9;
    let mut n = take;
    while n < ranked.len() && n < cap.min(MAX_HIGHLIGHTS) && tied(&ranked[n]) {
        n += 1;
    }
    Highlights {
        listed: ranked[..n].iter().map(|&(_, s, i)| (s, i)).collect(),
        more_tied: ranked[n..].iter().take_while(|x| tied(x)).count(),
    }
}

fn weight(w: Option<&crate::diagnostic::Placed<f64>>) -> f64 {
    w.map_or(1.0, |w| w.value)
}

/// Section and overall scores from per-indicator scores (`scores[section][indicator]`).
fn roll_up(framework: &Framework, scores: &[Vec<Option<f64>>]) -> (Vec<Option<f64>>, Option<f64>) {
    let sections: Vec<Option<f64>> = framework
        .sections
        .value
        .iter()
        .zip(scores)
        .map(|(section, values)| {
            let pairs: Vec<(f64, f64)> = section
                .indicators
                .value
                .iter()
                .zip(values)
                .filter_map(|(ind, v)| v.map(|v| (v, weight(ind.weight.as_ref()))))
                .collect();
            weighted_mean(&pairs)
        })
        .collect();
    let pairs: Vec<(f64, f64)> = framework
        .sections
        .value
        .iter()
        .zip(&sections)
        .filter_map(|(s, v)| v.map(|v| (v, weight(s.weight.as_ref()))))
        .collect();
    let overall = weighted_mean(&pairs);
    (sections, overall)
}

/// Scores one record on its own.
pub fn score_record(framework: &Framework, record: &Record) -> RecordScore {
    let mut completeness = Completeness::default();
    let mut position = 0;
    let levels: Vec<Vec<Option<f64>>> = framework
        .sections
        .value
        .iter()
        .map(|s| {
            s.indicators
                .value
                .iter()
                .map(|i| {
                    let choice = record.choice_at(&i.id.value, position);
                    position += 1;
                    completeness.add(choice);
                    choice.and_then(Choice::value).map(f64::from)
                })
                .collect()
        })
        .collect();
    let (sections, overall) = roll_up(framework, &levels);
    RecordScore {
        overall,
        sections,
        completeness,
    }
}

/// Scores one or more records of the same framework together, combining them by `weighting`.
///
/// The result does not depend on the order of `records` except for `Scorecard::records`, which
/// follows it.
pub fn score(framework: &Framework, records: &[&Record], weighting: Weighting) -> Scorecard {
    let per_record: Vec<RecordScore> = records.iter().map(|r| score_record(framework, r)).collect();
    let mut completeness = Completeness::default();
    let mut combined: Vec<Vec<Option<f64>>> = Vec::new();
    let mut sections = Vec::new();
    let mut position = 0;
    for (si, section) in framework.sections.value.iter().enumerate() {
        let mut section_completeness = Completeness::default();
        let mut indicators = Vec::new();
        let mut combined_section = Vec::new();
        for ind in &section.indicators.value {
            let mut c = Completeness::default();
            let mut values = Vec::new();
            let mut grouped = Vec::new();
            for r in records {
                let choice = r.choice_at(&ind.id.value, position);
                c.add(choice);
                if let Some(v) = choice.and_then(Choice::value) {
                    values.push(f64::from(v));
                    grouped.push((group_of(r), f64::from(v)));
                }
            }
            position += 1;
            let st = stats(&values);
            let value = combine(&grouped, weighting);
            combined_section.push(value);
            section_completeness.merge(c);
            indicators.push(IndicatorScore {
                score: value.map(|v| Score::new(framework, v)),
                stats: st,
                completeness: c,
            });
        }
        completeness.merge(section_completeness);
        combined.push(combined_section);
        let own: Vec<f64> = per_record.iter().filter_map(|r| r.sections[si]).collect();
        sections.push(SectionScore {
            score: None,
            stats: stats(&own),
            completeness: section_completeness,
            indicators,
        });
    }
    let (section_values, overall) = roll_up(framework, &combined);
    for (s, v) in sections.iter_mut().zip(section_values) {
        s.score = v.map(|v| Score::new(framework, v));
    }
    let own: Vec<f64> = per_record.iter().filter_map(|r| r.overall).collect();

    // Rank indicators by combined score; ties keep framework order.
    let mut ranked: Vec<(f64, usize, usize)> = sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s.indicators
                .iter()
                .enumerate()
                .filter_map(move |(ii, i)| i.score.as_ref().map(|sc| (sc.value, si, ii)))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let strengths = highlights(&ranked);
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let priorities = highlights(&ranked);

    Scorecard {
        overall: overall.map(|v| Score::new(framework, v)),
        overall_stats: stats(&own),
        completeness,
        sections,
        records: per_record,
        strengths,
        priorities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_of_nothing_is_none() {
        assert_eq!(stats(&[]), None);
    }

    #[test]
    fn median_of_even_count_is_mean_of_middle_pair() {
        let s = stats(&[4.0, 1.0, 2.0, 3.0]).expect("values");
        assert_eq!(s.median, 2.5);
        assert_eq!(s.mean, 2.5);
        assert_eq!((s.min, s.max, s.spread, s.count), (1.0, 4.0, 3.0, 4));
    }

    #[test]
    fn weighted_mean_respects_weights() {
        assert_eq!(weighted_mean(&[(1.0, 1.0), (4.0, 2.0)]), Some(3.0));
        assert_eq!(weighted_mean(&[]), None);
    }

    #[test]
    fn percent_of_range_maps_scale_ends_to_0_and_100() {
        assert_eq!(percent_of_range(1.0, 1, 5), 0.0);
        assert_eq!(percent_of_range(5.0, 1, 5), 100.0);
        assert_eq!(percent_of_range(3.0, 1, 5), 50.0);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::diagnostic::unplaced;
    use crate::record::{Answer, IsoDate, ScoredBy, ScorerKind};

    /// Scores with the default weighting (each group counts the same).
    fn score(f: &Framework, records: &[&Record]) -> Scorecard {
        super::score(f, records, Weighting::Groups)
    }

    /// The built-in framework, parsed once for all cases.
    fn framework() -> Framework {
        static F: std::sync::OnceLock<Framework> = std::sync::OnceLock::new();
        F.get_or_init(|| {
            Framework::built_in(crate::framework::DEFAULT_ID).expect("built-in framework")
        })
        .clone()
    }

    /// A record from one optional choice per indicator (in framework order).
    fn record(f: &Framework, choices: &[Option<Choice>]) -> Record {
        let date = IsoDate("2026-01-01".parse().expect("date")).0;
        let who = ScoredBy {
            kind: unplaced(ScorerKind::Room),
            group: None,
            name: None,
            groups: Vec::new(),
        };
        let mut r = Record::new(f, "P".into(), date, who);
        r.answers = f
            .indicators()
            .zip(choices)
            .map(|((_, i), c)| Answer {
                level: c.map(unplaced),
                ..Answer::new(i.id.value.clone())
            })
            .collect();
        r
    }

    /// The same, scored by a stakeholder group.
    fn grouped(f: &Framework, group: &str, choices: &[Option<Choice>]) -> Record {
        let mut r = record(f, choices);
        r.scored_by.kind = unplaced(ScorerKind::Group);
        r.scored_by.group = Some(group.to_string());
        r
    }

    const GROUPS: [&str; 3] = ["parent-carers", "local-authority", "health"];

    /// Records, each with one of three groups.
    fn grouped_records() -> impl Strategy<Value = Vec<(usize, Vec<Option<Choice>>)>> {
        prop::collection::vec((0usize..3, prop::collection::vec(choice(), 24)), 1..7)
    }

    fn results(c: &Scorecard) -> (Option<Score>, Vec<Option<Score>>, Vec<Option<Score>>) {
        (
            c.overall.clone(),
            c.sections.iter().map(|s| s.score.clone()).collect(),
            c.sections
                .iter()
                .flat_map(|s| s.indicators.iter().map(|i| i.score.clone()))
                .collect(),
        )
    }

    fn choice() -> impl Strategy<Value = Option<Choice>> {
        prop_oneof![
            6 => (1u32..=5).prop_map(|v| Some(Choice::Level(v))),
            1 => Just(Some(Choice::NotApplicable)),
            1 => Just(None),
        ]
    }

    fn records() -> impl Strategy<Value = Vec<Vec<Option<Choice>>>> {
        prop::collection::vec(prop::collection::vec(choice(), 24), 1..6)
    }

    fn on_scale(s: &Option<Score>) -> bool {
        s.as_ref()
            .is_none_or(|s| (1.0..=5.0).contains(&s.value) && (0.0..=100.0).contains(&s.percent))
    }

    proptest! {
        #[test]
        fn every_score_stays_on_the_scale(rs in records()) {
            let f = framework();
            let recs: Vec<Record> = rs.iter().map(|c| record(&f, c)).collect();
            let refs: Vec<&Record> = recs.iter().collect();
            let card = score(&f, &refs);
            prop_assert!(on_scale(&card.overall));
            for s in &card.sections {
                prop_assert!(on_scale(&s.score));
                for i in &s.indicators {
                    prop_assert!(on_scale(&i.score));
                }
            }
            prop_assert_eq!(card.completeness.total, 24 * rs.len());
        }

        #[test]
        fn order_of_records_never_changes_a_result(rs in records()) {
            let f = framework();
            let recs: Vec<Record> = rs.iter().map(|c| record(&f, c)).collect();
            let forward: Vec<&Record> = recs.iter().collect();
            let backward: Vec<&Record> = recs.iter().rev().collect();
            let (a, b) = (score(&f, &forward), score(&f, &backward));
            prop_assert_eq!(&a.overall, &b.overall);
            prop_assert_eq!(a.overall_stats, b.overall_stats);
            prop_assert_eq!(&a.sections, &b.sections);
            prop_assert_eq!(&a.strengths, &b.strengths);
            prop_assert_eq!(a.priorities, b.priorities);
        }

        #[test]
        fn a_copy_of_each_of_a_groups_records_never_changes_the_combined_result(
            rs in grouped_records(), which in 0usize..3
        ) {
            let f = framework();
            let recs: Vec<Record> = rs.iter().map(|(g, c)| grouped(&f, GROUPS[*g], c)).collect();
            let mut more = recs.clone();
            more.extend(recs.iter().filter(|r| group_of(r) == GROUPS[which]).cloned());
            let a = score(&f, &recs.iter().collect::<Vec<_>>());
            let b = score(&f, &more.iter().collect::<Vec<_>>());
            prop_assert_eq!(results(&a), results(&b));
        }

        #[test]
        fn a_copy_of_a_groups_only_record_never_changes_the_combined_result(
            rs in grouped_records(), extra in prop::collection::vec(choice(), 24)
        ) {
            let f = framework();
            let mut recs: Vec<Record> =
                rs.iter().map(|(g, c)| grouped(&f, GROUPS[*g], c)).collect();
            recs.push(grouped(&f, "education", &extra));
            let mut more = recs.clone();
            more.push(grouped(&f, "education", &extra));
            let a = score(&f, &recs.iter().collect::<Vec<_>>());
            let b = score(&f, &more.iter().collect::<Vec<_>>());
            prop_assert_eq!(results(&a), results(&b));
        }

        #[test]
        fn order_of_grouped_records_never_changes_a_result(rs in grouped_records(), seed in any::<usize>()) {
            let f = framework();
            let recs: Vec<Record> = rs.iter().map(|(g, c)| grouped(&f, GROUPS[*g], c)).collect();
            let mut moved: Vec<&Record> = recs.iter().collect();
            moved.rotate_left(seed % recs.len());
            moved.reverse();
            for w in [Weighting::Groups, Weighting::Records] {
                let a = super::score(&f, &recs.iter().collect::<Vec<_>>(), w);
                let b = super::score(&f, &moved, w);
                prop_assert_eq!(results(&a), results(&b));
                prop_assert_eq!(&a.strengths, &b.strengths);
                prop_assert_eq!(&a.priorities, &b.priorities);
            }
        }

        #[test]
        fn order_of_answers_in_a_record_never_changes_a_result(
            rs in records(), seed in any::<u64>(), drop in 0usize..24
        ) {
            let f = framework();
            let recs: Vec<Record> = rs.iter().map(|c| record(&f, c)).collect();
            // The same answers in another order, and with one left out instead of unanswered,
            // so that no answer sits at its framework position.
            let moved: Vec<Record> = recs
                .iter()
                .map(|r| {
                    let mut r = r.clone();
                    if r.answers[drop].level.is_none() {
                        r.answers.remove(drop);
                    }
                    let n = r.answers.len();
                    r.answers.rotate_left(usize::try_from(seed % 7).unwrap_or(0) + 1);
                    if seed % 2 == 0 {
                        r.answers.reverse();
                    }
                    prop_assert_eq!(r.answers.len(), n);
                    Ok(r)
                })
                .collect::<Result<_, TestCaseError>>()?;
            let a = score(&f, &recs.iter().collect::<Vec<_>>());
            let b = score(&f, &moved.iter().collect::<Vec<_>>());
            prop_assert_eq!(a, b);
        }

        #[test]
        fn marking_one_indicator_not_applicable_changes_no_other_indicator(
            rs in records(), which in 0usize..24
        ) {
            let f = framework();
            let recs: Vec<Record> = rs.iter().map(|c| record(&f, c)).collect();
            let mut changed = rs.clone();
            for c in &mut changed {
                c[which] = Some(Choice::NotApplicable);
            }
            let recs2: Vec<Record> = changed.iter().map(|c| record(&f, c)).collect();
            let a = score(&f, &recs.iter().collect::<Vec<_>>());
            let b = score(&f, &recs2.iter().collect::<Vec<_>>());
            let flat = |c: &Scorecard| c.sections.iter().flat_map(|s| s.indicators.clone()).collect::<Vec<_>>();
            let (fa, fb) = (flat(&a), flat(&b));
            for (n, (x, y)) in fa.iter().zip(&fb).enumerate() {
                if n != which {
                    prop_assert_eq!(&x.score, &y.score);
                }
            }
            prop_assert!(fb[which].score.is_none());
        }

        #[test]
        fn not_applicable_is_the_same_as_leaving_the_indicator_out(rs in records(), which in 0usize..24) {
            let f = framework();
            let mut na = rs.clone();
            let mut out = rs.clone();
            for c in &mut na { c[which] = Some(Choice::NotApplicable); }
            for c in &mut out { c[which] = None; }
            let a: Vec<Record> = na.iter().map(|c| record(&f, c)).collect();
            let b: Vec<Record> = out.iter().map(|c| record(&f, c)).collect();
            let sa = score(&f, &a.iter().collect::<Vec<_>>());
            let sb = score(&f, &b.iter().collect::<Vec<_>>());
            prop_assert_eq!(&sa.overall, &sb.overall);
            let scores = |c: &Scorecard| c.sections.iter().map(|s| s.score.clone()).collect::<Vec<_>>();
            prop_assert_eq!(scores(&sa), scores(&sb));
        }
    }

    #[test]
    fn a_single_record_scores_by_the_written_rules() {
        let f = framework();
        // Welcome and Care: 1, 2, 3, n/a, unanswered, 5 -> mean of 1, 2, 3, 5 = 2.75.
        let mut choices = vec![Some(Choice::Level(3)); 24];
        choices[..6].copy_from_slice(&[
            Some(Choice::Level(1)),
            Some(Choice::Level(2)),
            Some(Choice::Level(3)),
            Some(Choice::NotApplicable),
            None,
            Some(Choice::Level(5)),
        ]);
        let r = record(&f, &choices);
        let card = score(&f, &[&r]);
        let wc = card.sections[0].score.clone().expect("score");
        assert_eq!(wc.value, 2.75);
        assert_eq!(wc.percent, 43.75);
        assert_eq!(f.bands[wc.band.expect("band")].label, "Growing");
        // Overall = mean of sections (2.75, 3, 3, 3).
        assert_eq!(card.overall.expect("overall").value, (2.75 + 9.0) / 4.0);
        assert_eq!(
            card.completeness,
            Completeness {
                total: 24,
                answered: 22,
                not_applicable: 1,
                unanswered: 1
            }
        );
    }

    #[test]
    fn each_group_counts_the_same_unless_records_are_weighed() {
        let f = framework();
        let mut recs: Vec<Record> = (0..3)
            .map(|_| grouped(&f, "parent-carers", &[Some(Choice::Level(1)); 24]))
            .collect();
        recs.push(grouped(
            &f,
            "local-authority",
            &[Some(Choice::Level(5)); 24],
        ));
        let refs: Vec<&Record> = recs.iter().collect();
        let by_group = super::score(&f, &refs, Weighting::Groups);
        let by_record = super::score(&f, &refs, Weighting::Records);
        let wc1 = |c: &Scorecard| {
            c.sections[0].indicators[0]
                .score
                .clone()
                .expect("score")
                .value
        };
        // Groups: mean(1, 5) = 3. Records: mean(1, 1, 1, 5) = 2.
        assert_eq!(wc1(&by_group), 3.0);
        assert_eq!(wc1(&by_record), 2.0);
        assert_eq!(by_group.overall.expect("overall").value, 3.0);
        assert_eq!(by_record.overall.expect("overall").value, 2.0);
        // The statistics are over the records either way.
        assert_eq!(
            by_group.sections[0].indicators[0]
                .stats
                .expect("stats")
                .count,
            4
        );
        // Within a group, its records are averaged first: 1, 1, 3 -> 5/3; with 5 -> (5/3 + 5) / 2.
        recs[2] = grouped(&f, "parent-carers", &[Some(Choice::Level(3)); 24]);
        let refs: Vec<&Record> = recs.iter().collect();
        let card = super::score(&f, &refs, Weighting::Groups);
        assert!((wc1(&card) - (5.0 / 3.0 + 5.0) / 2.0).abs() < 1e-12);
    }

    #[test]
    fn ties_are_listed_with_the_third_and_counted_past_the_limit() {
        let f = framework();
        // Welcome and Care: 5, 4, 4, 4, 1, 1; everything else 3.
        let mut choices = vec![Some(Choice::Level(3)); 24];
        for (i, v) in [5, 4, 4, 4, 1, 1].into_iter().enumerate() {
            choices[i] = Some(Choice::Level(v));
        }
        let card = score(&f, &[&record(&f, &choices)]);
        // Strengths: 5, 4, 4 and the 4 tied with the third.
        assert_eq!(card.strengths.listed, vec![(0, 0), (0, 1), (0, 2), (0, 3)]);
        assert_eq!(card.strengths.more_tied, 0);
        // Priorities: 1, 1, then 3 (the third) tied with 17 more: four more listed, 14 counted.
        assert_eq!(card.priorities.listed.len(), MAX_HIGHLIGHTS);
        assert_eq!(&card.priorities.listed[..3], &[(0, 4), (0, 5), (1, 0)]);
        assert_eq!(card.priorities.more_tied, 14);
    }

    #[test]
    fn combined_indicator_is_the_mean_and_sections_follow_from_it() {
        let f = framework();
        let a = record(&f, &[Some(Choice::Level(2)); 24]);
        let mut cb = vec![Some(Choice::Level(4)); 24];
        cb[0] = Some(Choice::Level(5));
        let b = record(&f, &cb);
        let card = score(&f, &[&a, &b]);
        let wc1 = &card.sections[0].indicators[0];
        let st = wc1.stats.expect("stats");
        assert_eq!(
            (st.count, st.mean, st.median, st.min, st.max, st.spread),
            (2, 3.5, 3.5, 2.0, 5.0, 3.0)
        );
        // Section = mean of combined indicators: (3.5 + 5 * 3) / 6.
        assert_eq!(
            card.sections[0].score.clone().expect("score").value,
            (3.5 + 15.0) / 6.0
        );
        // Section stats are over each record's own section score: 2 and 4.1666…
        let ss = card.sections[0].stats.expect("stats");
        assert_eq!(ss.min, 2.0);
        assert!((ss.max - 25.0 / 6.0).abs() < 1e-12);
    }
}
