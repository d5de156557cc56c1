//! Votes: how many people chose each level before the room agreed. Pure functions from an
//! answer's tallies to a distribution, its spread, and whether it needs talking about.
//!
//! The rules (also in the README):
//! - The tallies of one answer add up: cards typed in by the facilitator, a form, phones.
//! - The distribution has one count per level of the scale (levels nobody chose count 0), plus
//!   not applicable and don't know. Only the levels count towards the mean, median and spread.
//! - The spread is the highest level anyone chose minus the lowest, in levels: one person who
//!   sees things very differently is worth hearing, which is why people vote before they talk.
//!   It is a perception gap like the gap between groups, and it is flagged "talk about this"
//!   at the same divergence threshold (`divergence` in `coprod.toml`, 1.5 levels by default).
//! - With fewer than two people choosing a level there is no spread, and no flag.

use serde::Serialize;

use super::Stats;
use crate::framework::Framework;
use crate::record::{Answer, Tally};

/// How a round of votes fell: a count per level of the scale, not applicable, don't know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Distribution {
    /// `(level value, how many chose it)` for every level of the scale, lowest first.
    pub levels: Vec<(u32, u64)>,
    /// How many said it does not apply here.
    pub not_applicable: u64,
    /// How many did not know.
    pub dont_know: u64,
}

impl Distribution {
    /// An empty distribution over the framework's scale.
    pub fn empty(framework: &Framework) -> Self {
        Self {
            levels: framework
                .scale
                .value
                .iter()
                .map(|l| (l.value.value, 0))
                .collect(),
            not_applicable: 0,
            dont_know: 0,
        }
    }

    /// Adds a tally in. Counts for levels the scale does not have are left out (a record's
    /// check refuses them before it is scored).
    pub fn add(&mut self, tally: &Tally) {
        for (value, n) in &mut self.levels {
            *n += u64::from(tally.count(*value));
        }
        self.not_applicable += u64::from(tally.not_applicable.0);
        self.dont_know += u64::from(tally.dont_know.0);
    }

    /// How many people chose a level.
    pub fn chose_a_level(&self) -> u64 {
        self.levels.iter().map(|(_, n)| n).sum()
    }

    /// Everyone who voted: levels, not applicable and don't know.
    pub fn total(&self) -> u64 {
        self.chose_a_level() + self.not_applicable + self.dont_know
    }

    /// The lowest and highest level anyone chose.
    pub fn range(&self) -> Option<(u32, u32)> {
        let mut chosen = self.levels.iter().filter(|(_, n)| *n > 0).map(|(v, _)| *v);
        let lo = chosen.next()?;
        Some((lo, chosen.next_back().unwrap_or(lo)))
    }

    /// The levels chosen most often (more than one on a tie), lowest first.
    pub fn most_chosen(&self) -> Vec<u32> {
        let top = self.levels.iter().map(|(_, n)| *n).max().unwrap_or(0);
        if top == 0 {
            return Vec::new();
        }
        self.levels
            .iter()
            .filter(|(_, n)| *n == top)
            .map(|(v, _)| *v)
            .collect()
    }

    /// Count, mean, median, lowest, highest and spread of the levels chosen, worked out from
    /// the counts (so the cost is the size of the scale, not the number of voters); `None`
    /// when nobody chose a level.
    pub fn stats(&self) -> Option<Stats> {
        let count = self.chose_a_level();
        let (min, max) = self.range()?;
        let sum: f64 = self
            .levels
            .iter()
            .map(|(v, n)| f64::from(*v) * *n as f64)
            .sum();
        // The value at a 0-based position in the sorted votes.
        let at = |k: u64| {
            let mut seen = 0;
            for (v, n) in &self.levels {
                seen += n;
                if k < seen {
                    return f64::from(*v);
                }
            }
            f64::from(max)
        };
        let median = if count % 2 == 1 {
            at(count / 2)
        } else {
            (at(count / 2 - 1) + at(count / 2)) / 2.0
        };
        Some(Stats {
            count: usize::try_from(count).unwrap_or(usize::MAX),
            mean: sum / count as f64,
            median,
            min: f64::from(min),
            max: f64::from(max),
            spread: f64::from(max - min),
        })
    }

    /// The spread of the levels chosen (highest minus lowest), when at least two people chose
    /// a level.
    pub fn spread(&self) -> Option<f64> {
        (self.chose_a_level() >= 2)
            .then(|| self.stats().map(|s| s.spread))
            .flatten()
    }

    /// Whether the spread reaches the divergence threshold: "talk about this".
    pub fn talk_about_this(&self, threshold: f64) -> bool {
        self.spread().is_some_and(|s| s >= threshold - 1e-9)
    }
}

/// An answer's votes, added up, and split by group where the tallies name groups.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VoteSummary {
    /// Every tally added up.
    pub all: Distribution,
    /// Per group, for tallies that name one, in the order the groups first appear.
    pub groups: Vec<(String, Distribution)>,
    /// The spread of `all`, a perception gap (see [`Distribution::spread`]).
    pub spread: Option<f64>,
    /// Whether the spread reaches the divergence threshold.
    pub talk_about_this: bool,
}

/// All of an answer's tallies added up.
pub fn distribution(framework: &Framework, answer: &Answer) -> Distribution {
    let mut d = Distribution::empty(framework);
    for t in &answer.votes {
        d.add(t);
    }
    d
}

/// An answer's votes summed up; `None` when it has no votes.
pub fn summarise(framework: &Framework, answer: &Answer, threshold: f64) -> Option<VoteSummary> {
    if answer.votes.is_empty() {
        return None;
    }
    let all = distribution(framework, answer);
    let mut groups: Vec<(String, Distribution)> = Vec::new();
    for t in &answer.votes {
        let Some(g) = t.group() else { continue };
        match groups.iter_mut().find(|(id, _)| id == g) {
            Some((_, d)) => d.add(t),
            None => {
                let mut d = Distribution::empty(framework);
                d.add(t);
                groups.push((g.to_string(), d));
            }
        }
    }
    Some(VoteSummary {
        spread: all.spread(),
        talk_about_this: all.talk_about_this(threshold),
        all,
        groups,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Framework;
    use crate::record::{Count, Tally, VoteSource};
    use crate::score::compare::DEFAULT_DIVERGENCE;

    fn builtin() -> Framework {
        Framework::built_in(crate::framework::DEFAULT_ID).expect("built-in framework")
    }

    fn tally(from: VoteSource, group: Option<&str>, counts: &[(u32, u32)]) -> Tally {
        let mut t = Tally::new(from, group.map(str::to_string));
        for (v, n) in counts {
            t.set_count(*v, *n);
        }
        t
    }

    #[test]
    fn tallies_from_several_sources_add_up() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        let mut cards = tally(VoteSource::Cards, None, &[(2, 3), (3, 1)]);
        cards.not_applicable = Count(1);
        let mut phones = tally(VoteSource::Phones, None, &[(3, 2), (4, 1)]);
        phones.dont_know = Count(2);
        a.votes = vec![cards, phones];
        let d = distribution(&f, &a);
        let (lo, hi) = f.scale_range();
        assert_eq!(
            d.levels.len(),
            (hi - lo + 1) as usize,
            "every level, nobody's too"
        );
        assert_eq!(d.levels.iter().find(|(v, _)| *v == 3), Some(&(3, 3)));
        assert_eq!(d.chose_a_level(), 7);
        assert_eq!(d.total(), 10);
        assert_eq!(d.range(), Some((2, 4)));
        assert_eq!(d.most_chosen(), vec![2, 3]);
        let s = d.stats().expect("stats");
        assert_eq!(s.count, 7);
        assert_eq!(s.median, 3.0);
        assert!((s.mean - 19.0 / 7.0).abs() < 1e-12);
        assert_eq!(d.spread(), Some(2.0));
    }

    #[test]
    fn the_median_of_an_even_count_is_between_the_middle_two() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        a.votes = vec![tally(VoteSource::Cards, None, &[(1, 1), (2, 1), (4, 2)])];
        let s = distribution(&f, &a).stats().expect("stats");
        assert_eq!(s.median, 3.0);
        assert_eq!(s.spread, 3.0);
    }

    #[test]
    fn one_person_far_from_the_rest_is_worth_talking_about() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        a.votes = vec![tally(VoteSource::Cards, None, &[(1, 1), (3, 11)])];
        let s = summarise(&f, &a, DEFAULT_DIVERGENCE).expect("votes");
        assert_eq!(s.spread, Some(2.0));
        assert!(s.talk_about_this);
        // The threshold is the reports' divergence, inclusive.
        assert!(summarise(&f, &a, 2.0).expect("votes").talk_about_this);
        assert!(!summarise(&f, &a, 2.5).expect("votes").talk_about_this);
    }

    #[test]
    fn agreement_and_lone_votes_are_not_flagged() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        a.votes = vec![tally(VoteSource::Cards, None, &[(3, 9)])];
        let s = summarise(&f, &a, DEFAULT_DIVERGENCE).expect("votes");
        assert_eq!(s.spread, Some(0.0));
        assert!(!s.talk_about_this);
        a.votes = vec![tally(VoteSource::Cards, None, &[(1, 1)])];
        a.votes[0].not_applicable = Count(5);
        let s = summarise(&f, &a, DEFAULT_DIVERGENCE).expect("votes");
        assert_eq!(s.spread, None, "one level vote has no spread");
        assert!(!s.talk_about_this);
        assert_eq!(summarise(&f, &Answer::new("wc1"), DEFAULT_DIVERGENCE), None);
    }

    #[test]
    fn a_vote_nobody_chose_a_level_in_has_no_statistics() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        let mut t = Tally::new(VoteSource::Cards, None);
        t.dont_know = Count(4);
        a.votes = vec![t];
        let d = distribution(&f, &a);
        assert_eq!(d.stats(), None);
        assert_eq!(d.range(), None);
        assert!(d.most_chosen().is_empty());
        assert_eq!(d.total(), 4);
    }

    #[test]
    fn votes_split_by_group_are_summed_per_group_and_overall() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        a.votes = vec![
            tally(VoteSource::Cards, Some("parent-carers"), &[(1, 4)]),
            tally(VoteSource::Cards, Some("health"), &[(4, 3)]),
            tally(VoteSource::Phones, Some("parent-carers"), &[(2, 1)]),
        ];
        let s = summarise(&f, &a, DEFAULT_DIVERGENCE).expect("votes");
        let names: Vec<&str> = s.groups.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(names, ["parent-carers", "health"]);
        assert_eq!(s.groups[0].1.chose_a_level(), 5);
        assert_eq!(s.groups[0].1.spread(), Some(1.0));
        assert_eq!(s.all.chose_a_level(), 8);
        assert_eq!(s.spread, Some(3.0));
    }

    #[test]
    fn huge_counts_cost_nothing_and_do_not_overflow() {
        let f = builtin();
        let mut a = Answer::new("wc1");
        a.votes = vec![
            tally(VoteSource::Form, None, &[(1, u32::MAX), (4, u32::MAX)]),
            tally(VoteSource::Phones, None, &[(4, u32::MAX)]),
        ];
        let d = distribution(&f, &a);
        assert_eq!(d.chose_a_level(), 3 * u64::from(u32::MAX));
        assert_eq!(d.stats().expect("stats").median, 4.0);
    }
}
