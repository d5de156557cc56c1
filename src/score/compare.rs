//! Comparisons across records: stakeholder groups side by side, change over time, and what
//! happened to the actions agreed last time. Pure functions, like the rest of the scorer.

use serde::Serialize;

use super::{Scorecard, Weighting, group_of, score};
use crate::framework::Framework;
use crate::record::{ActionStatus, Groups, IsoDate, Record, ScorerKind};

/// A gap between groups this wide (in levels) or wider is flagged "talk about this".
pub const DEFAULT_DIVERGENCE: f64 = 1.5;

/// A change over time smaller than this (in levels, either way) counts as "about the same".
pub const TREND_STEP: f64 = 0.25;

/// The perspective a record speaks for: its stakeholder group, else the whole room, else
/// individuals without a group. Returns (id, display name).
pub fn perspective(record: &Record, groups: &Groups) -> (String, String) {
    let id = group_of(record);
    let name = match (&record.scored_by.group, record.scored_by.kind.value) {
        (Some(g), _) => groups.name(g),
        (None, ScorerKind::Room) => "Whole room".into(),
        (None, _) => "Individuals".into(),
    };
    (id.to_string(), name)
}

/// One value per group, and how far apart they are.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Gap {
    /// Each group's result (in `Perspectives::groups` order); `None` where it gave no level.
    pub by_group: Vec<Option<f64>>,
    /// Highest minus lowest group result, when at least two groups have one.
    pub gap: Option<f64>,
    /// Whether the gap reaches the divergence threshold.
    pub diverges: bool,
}

fn gap(values: Vec<Option<f64>>, threshold: f64) -> Gap {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    let spread = (present.len() >= 2).then(|| {
        let max = present.iter().copied().fold(f64::MIN, f64::max);
        let min = present.iter().copied().fold(f64::MAX, f64::min);
        max - min
    });
    Gap {
        by_group: values,
        diverges: spread.is_some_and(|g| g >= threshold - 1e-9),
        gap: spread,
    }
}

/// Stakeholder groups side by side.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Perspectives {
    /// (id, display name, number of records) per group, in a fixed order.
    pub groups: Vec<(String, String, usize)>,
    /// The divergence threshold used.
    pub threshold: f64,
    /// Overall result per group.
    pub overall: Gap,
    /// Per section, in framework order.
    pub sections: Vec<Gap>,
    /// Per section, per indicator, in framework order.
    pub indicators: Vec<Vec<Gap>>,
}

/// Lines up the same result from several scorecards and combines it with `combine`: for the
/// overall result, each section, and each indicator (by section), in framework order.
fn across<T>(
    framework: &Framework,
    cards: &[Scorecard],
    combine: impl Fn(Vec<Option<f64>>) -> T,
) -> (T, Vec<T>, Vec<Vec<T>>) {
    let value = |s: Option<&super::Score>| s.map(|s| s.value);
    let overall = combine(cards.iter().map(|c| value(c.overall.as_ref())).collect());
    let sections = (0..framework.sections.value.len())
        .map(|si| {
            combine(
                cards
                    .iter()
                    .map(|c| value(c.sections[si].score.as_ref()))
                    .collect(),
            )
        })
        .collect();
    let indicators = framework
        .sections
        .value
        .iter()
        .enumerate()
        .map(|(si, s)| {
            (0..s.indicators.value.len())
                .map(|ii| {
                    combine(
                        cards
                            .iter()
                            .map(|c| value(c.sections[si].indicators[ii].score.as_ref()))
                            .collect(),
                    )
                })
                .collect()
        })
        .collect();
    (overall, sections, indicators)
}

/// Every group among `records` (of every date), once each, in the stable group order
/// ([`Groups::rank`]). A group's place here fixes its colour and pattern in charts, so it keeps
/// them in a year when another group sent nothing.
pub fn group_order(records: &[&Record], groups: &Groups) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for r in records {
        let id = group_of(r);
        if !ids.iter().any(|g| g == id) {
            ids.push(id.to_string());
        }
    }
    ids.sort_by_cached_key(|g| groups.rank(g));
    ids
}

/// Compares the groups among `records`; `None` when they all speak for one group.
pub fn perspectives(
    framework: &Framework,
    records: &[&Record],
    threshold: f64,
    names: &Groups,
) -> Option<Perspectives> {
    let mut groups: Vec<(String, String, usize)> = Vec::new();
    for r in records {
        let (id, name) = perspective(r, names);
        match groups.iter_mut().find(|g| g.0 == id) {
            Some(g) => g.2 += 1,
            None => groups.push((id, name, 1)),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    groups.sort_by_key(|g| names.rank(&g.0));
    let cards: Vec<Scorecard> = groups
        .iter()
        .map(|(id, _, _)| {
            let members: Vec<&Record> = records
                .iter()
                .copied()
                .filter(|r| perspective(r, names).0 == *id)
                .collect();
            score(framework, &members, Weighting::Groups)
        })
        .collect();
    let (overall, sections, indicators) = across(framework, &cards, |v| gap(v, threshold));
    Some(Perspectives {
        groups,
        threshold,
        overall,
        sections,
        indicators,
    })
}

/// Which way a result moved since last time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Up by at least [`TREND_STEP`].
    Improved,
    /// Down by at least [`TREND_STEP`].
    Slipped,
    /// Changed by less than [`TREND_STEP`].
    Same,
}

/// One result over time.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Series {
    /// The result at each date (in `Trend::dates` order).
    pub values: Vec<Option<f64>>,
    /// Latest minus the one before it, when both exist.
    pub change: Option<f64>,
    /// How to describe that change.
    pub direction: Option<Direction>,
}

/// How a change is described: up or down by at least [`TREND_STEP`], else the same.
pub fn direction_of(change: f64) -> Direction {
    if change >= TREND_STEP - 1e-9 {
        Direction::Improved
    } else if change <= -TREND_STEP + 1e-9 {
        Direction::Slipped
    } else {
        Direction::Same
    }
}

fn series(values: Vec<Option<f64>>) -> Series {
    let n = values.len();
    let change = match (n >= 2).then(|| (values[n - 2], values[n - 1])) {
        Some((Some(a), Some(b))) => Some(b - a),
        _ => None,
    };
    let direction = change.map(direction_of);
    Series {
        values,
        change,
        direction,
    }
}

/// Results over time: one combined scorecard per assessment date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Trend {
    /// The dates, earliest first.
    pub dates: Vec<IsoDate>,
    /// Overall result over time.
    pub overall: Series,
    /// Per section, in framework order.
    pub sections: Vec<Series>,
    /// Per section, per indicator, in framework order.
    pub indicators: Vec<Vec<Series>>,
}

/// The distinct dates of `records`, earliest first.
pub fn dates(records: &[&Record]) -> Vec<IsoDate> {
    let mut d: Vec<IsoDate> = records.iter().map(|r| r.date.value).collect();
    d.sort();
    d.dedup();
    d
}

/// Compares the assessments made on different dates, each date's records combined by
/// `weighting`; `None` when there is only one date.
pub fn trend(framework: &Framework, records: &[&Record], weighting: Weighting) -> Option<Trend> {
    let dates = dates(records);
    if dates.len() < 2 {
        return None;
    }
    let cards: Vec<Scorecard> = dates
        .iter()
        .map(|d| {
            let on_day: Vec<&Record> = records
                .iter()
                .copied()
                .filter(|r| r.date.value == *d)
                .collect();
            score(framework, &on_day, weighting)
        })
        .collect();
    let (overall, sections, indicators) = across(framework, &cards, series);
    Some(Trend {
        dates,
        overall,
        sections,
        indicators,
    })
}

/// Records made with different versions of the framework, matched by indicator id.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct VersionChanges {
    /// (version, fingerprint, number of records), the current version last.
    pub versions: Vec<(String, Option<String>, usize)>,
    /// Indicators answered in some record but not in the framework any more: (id, records).
    /// They are left out of every score.
    pub retired: Vec<(String, usize)>,
    /// Indicators of the framework that no record made with an earlier version answered.
    pub new: Vec<String>,
    /// Indicators the framework says were renamed: (earlier id, id now). Answers under the
    /// earlier id count for the indicator.
    pub renamed: Vec<(String, String)>,
}

/// Compares the framework versions the records were made with; `None` when they all match
/// the framework as it is.
pub fn version_changes(framework: &Framework, records: &[&Record]) -> Option<VersionChanges> {
    let current = framework.fingerprint();
    let is_current = |r: &Record| {
        framework.is_current(
            &r.framework.version,
            r.framework.fingerprint.as_ref().map(|f| f.value.as_str()),
        )
    };
    if records.iter().all(|r| is_current(r)) {
        return None;
    }
    let mut versions: Vec<(String, Option<String>, usize)> = Vec::new();
    for r in records {
        let key = (
            r.framework.version.clone(),
            r.framework.fingerprint.as_ref().map(|f| f.value.clone()),
        );
        match versions.iter_mut().find(|v| v.0 == key.0 && v.1 == key.1) {
            Some(v) => v.2 += 1,
            None => versions.push((key.0, key.1, 1)),
        }
    }
    // Earlier versions first (by their first date), the current one last.
    versions.sort_by_key(|v| v.1.as_deref() == Some(current.as_str()));
    let mut retired: Vec<(String, usize)> = Vec::new();
    for r in records {
        for a in &r.answers {
            if framework.indicator(&a.indicator.value).is_none() {
                match retired.iter_mut().find(|(id, _)| *id == a.indicator.value) {
                    Some(e) => e.1 += 1,
                    None => retired.push((a.indicator.value.clone(), 1)),
                }
            }
        }
    }
    let older: Vec<&Record> = records.iter().copied().filter(|r| !is_current(r)).collect();
    let new = framework
        .indicators()
        .map(|(_, i)| i.id.value.clone())
        .filter(|id| !older.iter().any(|r| r.answer(id).is_some()))
        .collect();
    Some(VersionChanges {
        versions,
        retired,
        new,
        renamed: framework.renamings(),
    })
}

/// What became of the actions agreed at the previous assessment.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ActionProgress {
    /// The previous assessment's date.
    pub since: IsoDate,
    /// Actions agreed then (distinct by indicator and wording).
    pub agreed: usize,
    /// Of those, now done or embedded.
    pub completed: usize,
    /// Of those, still not started or in progress.
    pub open: usize,
    /// Of those, dropped.
    pub dropped: usize,
    /// Of those, not mentioned in the latest records at all.
    pub not_followed_up: usize,
    /// Those not mentioned: (index of a previous record that agreed it, indicator id, action
    /// index in that answer), in the order they were agreed.
    pub not_followed_up_actions: Vec<(usize, String, usize)>,
    /// Overdue actions in the latest records: agreed at an earlier date (the same indicator
    /// and wording in an earlier record), due before the latest assessment date, and not done,
    /// embedded or dropped. (record index, indicator id, action index in that answer).
    pub overdue: Vec<(usize, String, usize)>,
}

fn same_action(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Follows up the previous date's actions in the latest date's records. `None` with fewer
/// than two dates.
pub fn action_progress(records: &[&Record]) -> Option<ActionProgress> {
    let dates = dates(records);
    let [.., previous, latest] = dates.as_slice() else {
        return None;
    };
    let on = |d: IsoDate| {
        records
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.date.value == d)
    };
    // (indicator, wording, where it was first agreed).
    let mut agreed: Vec<(String, String, usize, usize)> = Vec::new();
    for (ri, r) in on(*previous) {
        for a in &r.answers {
            for (n, act) in a.actions.iter().enumerate() {
                if !agreed
                    .iter()
                    .any(|(i, w, _, _)| *i == a.indicator.value && same_action(w, &act.what))
                {
                    agreed.push((a.indicator.value.clone(), act.what.clone(), ri, n));
                }
            }
        }
    }
    let mut progress = ActionProgress {
        since: *previous,
        agreed: agreed.len(),
        completed: 0,
        open: 0,
        dropped: 0,
        not_followed_up: 0,
        not_followed_up_actions: Vec::new(),
        overdue: Vec::new(),
    };
    for (indicator, what, ri, n) in &agreed {
        // The most advanced status any latest record gives it.
        let status = on(*latest)
            .flat_map(|(_, r)| r.answers.iter())
            .filter(|a| a.indicator.value == *indicator)
            .flat_map(|a| a.actions.iter())
            .filter(|act| same_action(&act.what, what))
            .map(|act| act.status)
            .max_by_key(|s| match s {
                ActionStatus::NotStarted => 0,
                ActionStatus::InProgress => 1,
                ActionStatus::Dropped => 2,
                ActionStatus::Done => 3,
                ActionStatus::Embedded => 4,
            });
        match status {
            Some(ActionStatus::Done | ActionStatus::Embedded) => progress.completed += 1,
            Some(ActionStatus::Dropped) => progress.dropped += 1,
            Some(_) => progress.open += 1,
            None => {
                progress.not_followed_up += 1;
                progress
                    .not_followed_up_actions
                    .push((*ri, indicator.clone(), *n));
            }
        }
    }
    let agreed_earlier = |indicator: &str, what: &str| {
        records.iter().any(|r| {
            r.date.value < *latest
                && r.answers
                    .iter()
                    .filter(|a| a.indicator.value == indicator)
                    .flat_map(|a| a.actions.iter())
                    .any(|act| same_action(&act.what, what))
        })
    };
    for (ri, r) in on(*latest) {
        for a in &r.answers {
            for (n, act) in a.actions.iter().enumerate() {
                if act.status.is_open()
                    && act.due.is_some_and(|d| d < *latest)
                    && agreed_earlier(&a.indicator.value, &act.what)
                {
                    progress.overdue.push((ri, a.indicator.value.clone(), n));
                }
            }
        }
    }
    Some(progress)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::unplaced;
    use crate::record::{Action, Answer, Choice, ScoredBy};

    fn framework() -> Framework {
        Framework::built_in(crate::framework::DEFAULT_ID).expect("framework")
    }

    fn rec(f: &Framework, date: &str, group: Option<&str>, levels: &[(&str, u32)]) -> Record {
        let who = ScoredBy {
            kind: unplaced(if group.is_some() {
                ScorerKind::Group
            } else {
                ScorerKind::Room
            }),
            group: group.map(str::to_string),
            name: None,
            groups: Vec::new(),
        };
        let mut r = Record::new(f, "P".into(), date.parse().expect("date"), who);
        r.answers = levels
            .iter()
            .map(|(id, v)| Answer {
                level: Some(unplaced(Choice::Level(*v))),
                ..Answer::new(*id)
            })
            .collect();
        r
    }

    #[test]
    fn groups_side_by_side_with_gaps_and_flags() {
        let f = framework();
        let a = rec(
            &f,
            "2026-01-01",
            Some("parent-carers"),
            &[("wc1", 1), ("wc2", 3)],
        );
        let b = rec(
            &f,
            "2026-01-01",
            Some("local-authority"),
            &[("wc1", 4), ("wc2", 3)],
        );
        let c = rec(
            &f,
            "2026-01-01",
            Some("local-authority"),
            &[("wc1", 2), ("wc2", 4)],
        );
        let p = perspectives(&f, &[&b, &a, &c], 1.5, &Groups::default()).expect("two groups");
        // Known groups come in their usual order whatever the input order.
        let ids: Vec<&str> = p.groups.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(ids, ["parent-carers", "local-authority"]);
        assert_eq!(p.groups[1].2, 2);
        // wc1: parent carers 1, local authority mean(4, 2) = 3 -> gap 2, flagged.
        assert_eq!(p.indicators[0][0].by_group, vec![Some(1.0), Some(3.0)]);
        assert_eq!(p.indicators[0][0].gap, Some(2.0));
        assert!(p.indicators[0][0].diverges);
        // wc2: 3 vs 3.5 -> gap 0.5, not flagged.
        assert_eq!(p.indicators[0][1].gap, Some(0.5));
        assert!(!p.indicators[0][1].diverges);
        // An indicator nobody answered has no gap.
        assert_eq!(p.indicators[0][2].gap, None);
        assert!(
            perspectives(&f, &[&a], 1.5, &Groups::default()).is_none(),
            "one group has nothing to compare"
        );
    }

    #[test]
    fn trend_deltas_and_directions() {
        let f = framework();
        let y1 = rec(
            &f,
            "2025-01-01",
            None,
            &[("wc1", 2), ("wc2", 4), ("wc3", 3)],
        );
        let y2 = rec(
            &f,
            "2026-01-01",
            None,
            &[("wc1", 4), ("wc2", 3), ("wc3", 3)],
        );
        let t = trend(&f, &[&y2, &y1], Weighting::Groups).expect("two dates");
        assert_eq!(t.dates.len(), 2);
        assert_eq!(t.indicators[0][0].values, vec![Some(2.0), Some(4.0)]);
        assert_eq!(t.indicators[0][0].change, Some(2.0));
        assert_eq!(t.indicators[0][0].direction, Some(Direction::Improved));
        assert_eq!(t.indicators[0][1].direction, Some(Direction::Slipped));
        assert_eq!(t.indicators[0][2].direction, Some(Direction::Same));
        assert_eq!(t.indicators[0][3].direction, None, "never answered");
        assert!(trend(&f, &[&y1], Weighting::Groups).is_none());
    }

    #[test]
    fn actions_are_followed_up_by_wording() {
        let f = framework();
        let act = |what: &str, status, due: Option<&str>| Action {
            what: what.into(),
            owner: None,
            due: due.map(|d| d.parse().expect("date")),
            status,
            note: None,
        };
        let mut y1 = rec(
            &f,
            "2025-01-01",
            None,
            &[("wc1", 2), ("wc2", 2), ("wc3", 2)],
        );
        y1.answers[0].actions = vec![act("Send papers early", ActionStatus::NotStarted, None)];
        y1.answers[1].actions = vec![act("Pay expenses", ActionStatus::NotStarted, None)];
        y1.answers[2].actions = vec![act("Meet at night", ActionStatus::NotStarted, None)];
        let mut y2 = rec(&f, "2026-01-01", None, &[("wc1", 3), ("wc2", 3)]);
        y2.answers[0].actions = vec![act("send  papers EARLY", ActionStatus::Done, None)];
        y2.answers[1].actions = vec![
            act("Pay expenses", ActionStatus::InProgress, Some("2025-06-30")),
            act("New idea", ActionStatus::NotStarted, Some("2026-06-30")),
            // Agreed today and due before today (a slip of the pen): not overdue, as it was
            // not agreed at an earlier date.
            act(
                "Same-day idea",
                ActionStatus::NotStarted,
                Some("2025-12-01"),
            ),
        ];
        y2.answers[0].actions.push(act(
            "Meet at night",
            ActionStatus::Dropped,
            Some("2025-06-30"),
        ));
        let p = action_progress(&[&y1, &y2]).expect("two dates");
        assert_eq!(
            (p.agreed, p.completed, p.open, p.dropped, p.not_followed_up),
            (3, 1, 1, 0, 1)
        );
        assert_eq!(p.overdue, vec![(1, "wc2".to_string(), 0)]);
        // "Meet at night" is under another indicator now, so wc3's was not followed up.
        assert_eq!(p.not_followed_up_actions, vec![(0, "wc3".to_string(), 0)]);
    }
}
