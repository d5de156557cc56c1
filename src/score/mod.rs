//! The scorer: pure functions from a framework and records to numbers. No I/O, no formatting.
//!
//! The rules (also in the README):
//! - An indicator's score is the value of the level chosen. "Not applicable" and unanswered
//!   indicators are left out of every average.
//! - A section's score is the weighted mean of its answered indicators (weights default to 1).
//! - The overall score is the weighted mean of the sections that have a score (each section
//!   weighs 1 unless the framework says otherwise).
//! - Percent of range: `(score − lowest level) / (highest level − lowest level) × 100`.
//! - With several records, an indicator's combined score is the mean of the records' levels for
//!   it; sections and overall are then computed from the combined indicator scores exactly as
//!   for one record. Count, mean, median, min, max and spread (max − min) are given per
//!   indicator over the records' levels, and per section and overall over the records' own
//!   section and overall scores.

pub mod compare;
pub mod votes;

use serde::Serialize;

use crate::framework::Framework;
use crate::record::{Choice, Record};

/// Summary statistics of a set of values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// The combined score (mean of the records' levels), if any record gave a level.
    pub score: Option<Score>,
    /// Statistics over the records' levels.
    pub stats: Option<Stats>,
    /// Answered / n/a / unanswered over the records.
    pub completeness: Completeness,
}

/// One section's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    /// Indicators with the highest combined scores (section index, indicator index), best first.
    pub strengths: Vec<(usize, usize)>,
    /// Indicators with the lowest combined scores, lowest first.
    pub priorities: Vec<(usize, usize)>,
}

/// One record's own results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordScore {
    /// Overall score of this record alone.
    pub overall: Option<f64>,
    /// Section scores of this record alone, in framework order.
    pub sections: Vec<Option<f64>>,
    /// This record's completeness.
    pub completeness: Completeness,
}

/// How many strengths and priorities a report names.
pub const HIGHLIGHTS: usize = 3;

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

/// Scores one or more records of the same framework together.
///
/// The result does not depend on the order of `records` except for `Scorecard::records`, which
/// follows it.
pub fn score(framework: &Framework, records: &[&Record]) -> Scorecard {
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
            for r in records {
                let choice = r.choice_at(&ind.id.value, position);
                c.add(choice);
                if let Some(v) = choice.and_then(Choice::value) {
                    values.push(f64::from(v));
                }
            }
            position += 1;
            let st = stats(&values);
            combined_section.push(st.map(|s| s.mean));
            section_completeness.merge(c);
            indicators.push(IndicatorScore {
                score: st.map(|s| Score::new(framework, s.mean)),
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
    let take = HIGHLIGHTS.min(ranked.len() / 2);
    let strengths = ranked.iter().take(take).map(|&(_, s, i)| (s, i)).collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let priorities = ranked.iter().take(take).map(|&(_, s, i)| (s, i)).collect();

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
        assert_eq!(f.bands[wc.band.expect("band")].label, "Developing");
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
