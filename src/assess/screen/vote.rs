//! The vote: people choose a level on their own first (cards, paper, hands), the facilitator
//! types how many chose each, and the room sees the spread before it agrees a level, or agrees
//! to disagree with a note. Counts only: no names.

use crate::framework::Framework;
use crate::record::{Count, Tally, VoteSource};
use crate::score::votes::Distribution;

use super::text::Editor;

/// What the vote screen is doing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Counts being typed, one row per level, then not applicable and don't know.
    Counting,
    /// The counts are saved; the room agrees a level (a digit) or to disagree (`d`).
    Agreeing,
    /// The note on agreeing to disagree being typed.
    Disagreeing(Editor),
}

/// A vote being counted for one indicator (and one group in workshop mode).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteForm {
    /// The stakeholder group voting, in workshop mode.
    pub group: Option<String>,
    /// The level values, lowest first, then not applicable and don't know.
    pub rows: Vec<Row>,
    /// The row being typed in.
    pub row: usize,
    /// Where the vote has got to.
    pub stage: Stage,
}

/// One row of counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What was chosen.
    pub choice: RowKind,
    /// How many, as typed (digits only).
    pub typed: String,
}

/// What a row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A level of the scale.
    Level(u32),
    /// Not applicable.
    NotApplicable,
    /// Don't know.
    DontKnow,
}

/// The most people a count may hold: more than any room, well inside the record's limits.
const MOST: u32 = 100_000;

impl VoteForm {
    /// A vote for `group` (or the whole room), starting from an earlier tally from the cards.
    pub fn new(framework: &Framework, group: Option<String>, earlier: Option<&Tally>) -> Self {
        let count = |c: u32| if c == 0 { String::new() } else { c.to_string() };
        let mut rows: Vec<Row> = framework
            .scale
            .value
            .iter()
            .map(|l| Row {
                choice: RowKind::Level(l.value.value),
                typed: count(earlier.map_or(0, |t| t.count(l.value.value))),
            })
            .collect();
        rows.push(Row {
            choice: RowKind::NotApplicable,
            typed: count(earlier.map_or(0, |t| t.not_applicable.0)),
        });
        rows.push(Row {
            choice: RowKind::DontKnow,
            typed: count(earlier.map_or(0, |t| t.dont_know.0)),
        });
        Self {
            group,
            rows,
            row: 0,
            stage: Stage::Counting,
        }
    }

    /// Types a digit into the row being typed in; `false` when the count would be too large.
    pub fn digit(&mut self, d: char) -> bool {
        let Some(row) = self.rows.get_mut(self.row) else {
            return false;
        };
        let next = format!("{}{d}", row.typed.trim_start_matches('0'));
        match next.parse::<u32>() {
            Ok(n) if n <= MOST => {
                row.typed = next;
                true
            }
            _ => false,
        }
    }

    /// Deletes the last digit of the row being typed in.
    pub fn backspace(&mut self) {
        if let Some(row) = self.rows.get_mut(self.row) {
            row.typed.pop();
        }
    }

    /// Moves to another row.
    pub fn step(&mut self, by: i32) {
        let last = self.rows.len().saturating_sub(1);
        let at = i64::try_from(self.row).unwrap_or(0) + i64::from(by);
        self.row = usize::try_from(at.clamp(0, i64::try_from(last).unwrap_or(0))).unwrap_or(0);
    }

    fn count(row: &Row) -> u32 {
        row.typed.parse().unwrap_or(0)
    }

    /// The counts as a tally from the cards.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::new(VoteSource::Cards, self.group.clone());
        for row in &self.rows {
            let n = Self::count(row);
            match row.choice {
                RowKind::Level(v) => t.set_count(v, n),
                RowKind::NotApplicable => t.not_applicable = Count(n),
                RowKind::DontKnow => t.dont_know = Count(n),
            }
        }
        t
    }

    /// How the counts fall, as the scorer sees them.
    pub fn distribution(&self, framework: &Framework) -> Distribution {
        let mut d = Distribution::empty(framework);
        d.add(&self.tally());
        d
    }
}
