//! Records: one assessment of a framework, as a YAML file; loading, validation and atomic saving.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog::say;
use crate::diagnostic::{Diagnostic, Diagnostics, Placed, Pos, Source, unplaced};
use crate::error::Error;
use crate::framework::Framework;

/// The record format this version of coprod writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// One assessment: who scored which framework, when, and their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Record format version; currently 1.
    #[schemars(with = "u32")]
    pub format: Placed<u32>,
    /// Which framework was scored, exactly.
    pub framework: FrameworkRef,
    /// The partnership that did the assessment.
    pub partnership: String,
    /// The day of the assessment (YYYY-MM-DD).
    #[schemars(with = "IsoDate")]
    pub date: Placed<IsoDate>,
    /// Who gave these scores.
    pub scored_by: ScoredBy,
    /// Who took part (names are optional; reports can leave them out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// One entry per indicator answered so far, in framework order.
    #[serde(default)]
    pub answers: Vec<Answer>,
}

/// The framework a record was scored against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    /// The framework's id.
    #[schemars(with = "String")]
    pub id: Placed<String>,
    /// The framework's version when the record was made.
    pub version: String,
    /// Fingerprint of the framework's content (`sha256:…`); see `coprod framework show`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub fingerprint: Option<Placed<String>>,
    /// The language the framework's texts were shown in (a BCP 47 tag such as en-GB or cy;
    /// absent in older records: the framework's own). Records scored in different languages
    /// of the same framework combine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The edition of the framework used, when not the standard one, e.g. `easy-read`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
}

/// Who scored a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoredBy {
    /// The whole room together, one stakeholder group, or one person.
    #[schemars(with = "ScorerKind")]
    pub kind: Placed<ScorerKind>,
    /// The stakeholder group (for `group`, and optionally for `person`), e.g. `parent-carers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z0-9_-]+$"))]
    pub group: Option<String>,
    /// The person's name (for `person`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The groups scoring side by side (for `workshop`), e.g. `[parent-carers, health]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(inner(regex(pattern = r"^[a-z0-9_-]+$")))]
    pub groups: Vec<String>,
}

/// The kinds of scorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ScorerKind {
    /// Everyone in the workshop, agreeing one score.
    Room,
    /// One stakeholder group, e.g. parent carers.
    Group,
    /// One named person.
    Person,
    /// Several stakeholder groups in one session, each giving its own level (tables voting).
    Workshop,
}

/// The stakeholder groups coprod knows by name. Others are allowed and shown as written.
pub const KNOWN_GROUPS: &[(&str, &str)] = &[
    ("parent-carers", "Parent carers"),
    ("local-authority", "Local authority"),
    ("health", "Health"),
    ("education", "Education"),
    ("young-people", "Young people"),
    ("voluntary-sector", "Voluntary sector"),
];

/// The stakeholder groups as `coprod.toml` (`[groups]`) names and orders them, over the
/// built-in ones. Built from the settings by each command and handed to whatever names or
/// orders groups; the default knows only the built-in groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Groups {
    /// Display names by group id, which win over coprod's own.
    names: BTreeMap<String, String>,
    /// The configured group ids in the order the file gives them.
    order: Vec<String>,
}

impl Groups {
    /// Groups named `names` and ordered as `order`.
    pub fn new(names: BTreeMap<String, String>, order: Vec<String>) -> Self {
        Self { names, order }
    }

    /// A group's place in the stable order of groups: the order of `coprod.toml`'s
    /// `[groups]`, then the groups coprod knows in their usual order, then the rest
    /// alphabetically. It fixes the order of groups in reports, and so their colours and
    /// patterns, whatever order the files are given in.
    pub fn rank(&self, id: &str) -> (usize, usize, String) {
        if let Some(i) = self.order.iter().position(|g| g == id) {
            return (0, i, String::new());
        }
        match KNOWN_GROUPS.iter().position(|(k, _)| *k == id) {
            Some(k) => (1, k, String::new()),
            None => (2, 0, id.to_string()),
        }
    }

    /// A group's name in `w`'s language: as `coprod.toml` names it, else coprod's own name
    /// for a group it knows (from the catalog), else the id made readable.
    pub fn name_in(&self, w: &crate::catalog::Catalog, id: &str) -> String {
        let name = self.name(id);
        let known = KNOWN_GROUPS
            .iter()
            .any(|(k, shown)| *k == id && *shown == name);
        if known {
            w.get(&format!("group-{id}"))
        } else {
            name
        }
    }

    /// A readable name for a stakeholder group id.
    pub fn name(&self, id: &str) -> String {
        if let Some(name) = self.names.get(id) {
            return name.clone();
        }
        KNOWN_GROUPS.iter().find(|(k, _)| *k == id).map_or_else(
            || {
                let words = id.replace(['-', '_'], " ");
                crate::words::capitalise(&words)
            },
            |(_, name)| (*name).to_string(),
        )
    }
}

impl ScoredBy {
    /// How the scorer is described on reports, e.g. "Parent carers" or "The whole room".
    pub fn describe(&self, groups: &Groups) -> String {
        match (self.kind.value, &self.group, &self.name) {
            (ScorerKind::Room, _, _) => "Whole room".to_string(),
            (ScorerKind::Group, Some(g), _) => groups.name(g),
            (ScorerKind::Group, None, _) => "A group".to_string(),
            (ScorerKind::Workshop, _, _) => {
                let names: Vec<String> = self.groups.iter().map(|g| groups.name(g)).collect();
                format!("Workshop: {}", names.join(", "))
            }
            (ScorerKind::Person, g, n) => {
                let n = n.as_deref().unwrap_or("One person");
                match g {
                    Some(g) => format!("{n} ({})", groups.name(g)),
                    None => n.to_string(),
                }
            }
        }
    }
}

/// A calendar date written `YYYY-MM-DD`, with an error people understand when it is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(pub Date);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for IsoDate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let shaped = t.len() == 10
            && t.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !shaped {
            return Err(say("error-date-shape", &[("date", t.into())]));
        }
        t.parse::<Date>()
            .map(IsoDate)
            .map_err(|_| say("error-date-not-real", &[("date", t.into())]))
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date written YYYY-MM-DD, e.g. 2026-11-12.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        })
    }
}

/// The answer to one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The indicator's id in the framework.
    #[schemars(with = "String")]
    pub indicator: Placed<String>,
    /// The level chosen, or `n/a`; absent while the indicator is still to be scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Choice>")]
    pub level: Option<Placed<Choice>>,
    /// In a workshop record: each group's level (or `n/a`), by group id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<String, Choice>")]
    pub levels: BTreeMap<String, Placed<Choice>>,
    /// The room agreed to disagree instead of agreeing a level: what the views were and why
    /// they differ (not blank). Only without `level`, and not in a workshop record, where each
    /// group gives its own level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub disagreed: Option<Placed<String>>,
    /// How many people chose each level before the room agreed: counts only, never names.
    /// One tally per source of votes (and per group, when the vote was split by group); the
    /// tallies add up to the round's distribution.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub votes: Vec<Tally>,
    /// What the room said: examples, evidence, disagreements.
    // (An `Arc` so that reports share the text instead of copying it.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub evidence: Option<std::sync::Arc<str>>,
    /// The framework's extra note, when it asks for one (e.g. what young people say), kept
    /// apart from the evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub extra_note: Option<std::sync::Arc<str>>,
    /// What the partnership agreed to do about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Text being typed when the record was last saved, not yet committed; offered back when
    /// the assessment is resumed, and cleared when the text is committed.
    #[serde(default, skip_serializing_if = "Draft::is_empty")]
    pub draft: Draft,
}

impl Answer {
    /// An answer to `indicator` with nothing in it yet.
    pub fn new(indicator: impl Into<String>) -> Self {
        Self {
            indicator: unplaced(indicator.into()),
            level: None,
            levels: BTreeMap::new(),
            disagreed: None,
            votes: Vec::new(),
            evidence: None,
            extra_note: None,
            actions: Vec::new(),
            draft: Draft::default(),
        }
    }

    /// The tallies of votes from phones (one per group).
    pub fn phone_tallies(&self) -> impl Iterator<Item = &Tally> {
        self.votes
            .iter()
            .filter(|t| t.from.value == VoteSource::Phones)
    }

    /// Replaces the tallies of votes from phones with `tallies`.
    pub fn set_phone_tallies(&mut self, tallies: impl IntoIterator<Item = Tally>) {
        self.votes.retain(|t| t.from.value != VoteSource::Phones);
        self.votes.extend(tallies);
    }

    /// Whether the room has dealt with this indicator without the walk's knowing about groups:
    /// a level, n/a, or agreed to disagree.
    pub fn is_decided(&self) -> bool {
        self.level.is_some() || self.disagreed.is_some()
    }
}

/// One source's count of a round of votes on an indicator: how many people chose each level,
/// not applicable, or did not know. Counts only: no names are ever kept with votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tally {
    /// Where the votes came from.
    #[serde(default)]
    #[schemars(with = "VoteSource")]
    pub from: Placed<VoteSource>,
    /// The stakeholder group that voted, when the vote was split by group (in a workshop
    /// record, one of `scored_by.groups`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub group: Option<Placed<String>>,
    /// How many people chose each level, by level value, e.g. `{2: 3, 3: 5}`. Levels nobody
    /// chose may be left out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "BTreeMap<u32, Count>")]
    pub levels: BTreeMap<VoteLevel, Placed<Count>>,
    /// How many people said it does not apply here.
    #[serde(default, skip_serializing_if = "Count::is_zero")]
    pub not_applicable: Count,
    /// How many people did not know.
    #[serde(default, skip_serializing_if = "Count::is_zero")]
    pub dont_know: Count,
}

impl Tally {
    /// An empty tally from `from`, for `group` if the vote is split by group.
    pub fn new(from: VoteSource, group: Option<String>) -> Self {
        Self {
            from: unplaced(from),
            group: group.map(unplaced),
            levels: BTreeMap::new(),
            not_applicable: Count(0),
            dont_know: Count(0),
        }
    }

    /// How many chose level `value`.
    pub fn count(&self, value: u32) -> u32 {
        self.levels.get(&VoteLevel(value)).map_or(0, |c| c.value.0)
    }

    /// Sets how many chose level `value` (0 removes the level from the tally).
    pub fn set_count(&mut self, value: u32, count: u32) {
        if count == 0 {
            self.levels.remove(&VoteLevel(value));
        } else {
            self.levels.insert(VoteLevel(value), unplaced(Count(count)));
        }
    }

    /// Everyone counted in this tally: levels, not applicable and don't know.
    pub fn total(&self) -> u64 {
        let levels: u64 = self.levels.values().map(|c| u64::from(c.value.0)).sum();
        levels + u64::from(self.not_applicable.0) + u64::from(self.dont_know.0)
    }

    /// The group this tally is for, if split by group.
    pub fn group(&self) -> Option<&str> {
        self.group.as_ref().map(|g| g.value.as_str())
    }
}

/// Where a tally of votes came from.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum VoteSource {
    /// Counted in the room (cards held up, paper, hands) and typed in by the facilitator.
    #[default]
    Cards,
    /// Respondents' levels imported from a form or survey export (`coprod import`).
    Form,
    /// Votes sent from people's phones.
    Phones,
}

impl VoteSource {
    /// The words shown on screens and reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Cards => "Counted in the room",
            Self::Form => "From a form",
            Self::Phones => "From phones",
        }
    }
}

/// A level value used as a key in a tally, with an error people understand when it is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct VoteLevel(pub u32);

impl<'de> Deserialize<'de> for VoteLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = VoteLevel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a level number from the scale")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<VoteLevel, E> {
                u32::try_from(v)
                    .map(VoteLevel)
                    .map_err(|_| E::custom(format!("level {v} is far too large")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<VoteLevel, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("level {v} is below zero; votes are counted under level numbers from the scale")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<VoteLevel, E> {
                Err(E::custom(format!(
                    "level {v} is not a whole number; votes are counted under level numbers from the scale"
                )))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<VoteLevel, E> {
                let t = v.trim();
                if let Ok(n) = t.parse::<u64>() {
                    return self.visit_u64(n);
                }
                let lower = t.to_ascii_lowercase();
                Err(E::custom(match lower.as_str() {
                    "n/a" | "na" | "not applicable" | "not_applicable" => format!(
                        "`{t}` is not a level; count not-applicable votes under `not_applicable:`, beside `levels:`"
                    ),
                    "don't know" | "dont know" | "dont_know" | "?" => format!(
                        "`{t}` is not a level; count don't-know votes under `dont_know:`, beside `levels:`"
                    ),
                    _ => format!(
                        "`{t}` is not a level; votes are counted under level numbers from the scale, e.g. `3: 5`"
                    ),
                }))
            }
        }
        d.deserialize_any(V)
    }
}

/// How many people voted one way: a whole number, 0 or more.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Count(pub u32);

impl Count {
    /// Whether nobody is counted.
    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("how many people voted this way, a whole number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Count, E> {
                u32::try_from(v)
                    .map(Count)
                    .map_err(|_| E::custom(format!("count {v} is far too large for a vote")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("count {v} is below zero; a count is how many people voted this way, 0 or more")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Count, E> {
                Err(E::custom(format!(
                    "count {v} is not a whole number; a count is how many people voted this way"
                )))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Count, E> {
                match v.trim().parse::<u64>() {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(E::custom(format!(
                        "`{}` is not a count; write how many people voted this way as a number, e.g. 3",
                        v.trim()
                    ))),
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Count {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "How many people voted this way.",
            "type": "integer",
            "minimum": 0
        })
    }
}

/// Text being typed for an answer when the record was saved: kept so that nothing typed is
/// lost, offered back on resume, and cleared when the text is committed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Evidence notes being typed: the whole text as it stood, to replace `evidence` when
    /// committed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The framework's extra note being typed (e.g. what young people say): the whole text as
    /// it stood, to replace `extra_note` when committed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_note: Option<String>,
    /// An action being typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionDraft>,
    /// The note on agreeing to disagree being typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagreed: Option<String>,
}

impl Draft {
    /// Whether nothing is being typed.
    pub fn is_empty(&self) -> bool {
        self.evidence.is_none()
            && self.extra_note.is_none()
            && self.action.is_none()
            && self.disagreed.is_none()
    }
}

/// An action as far as it was typed. Every part is text as typed (a due date may be half
/// written), checked only when the action is committed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionDraft {
    /// Which of the indicator's actions is being changed (1 for the first); absent for a new
    /// action. If there is no such action any more, the draft is offered as a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub changes: Option<u32>,
    /// What will be done.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub what: String,
    /// Who will make sure it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it should be done by, as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// A word on progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A level on the scale, or "not applicable".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// A level value from the framework's scale.
    Level(u32),
    /// The indicator does not apply here; left out of every average.
    NotApplicable,
}

impl Choice {
    /// The level value, if one was chosen.
    pub fn value(self) -> Option<u32> {
        match self {
            Self::Level(v) => Some(v),
            Self::NotApplicable => None,
        }
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Level(v) => write!(f, "{v}"),
            Self::NotApplicable => f.write_str("n/a"),
        }
    }
}

impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Level(v) => s.serialize_u32(*v),
            Self::NotApplicable => s.serialize_str("n/a"),
        }
    }
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Choice;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a level number from the scale, or `n/a`")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Choice, E> {
                u32::try_from(v)
                    .map(Choice::Level)
                    .map_err(|_| E::custom(format!("level {v} is far too large")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Choice, E> {
                u64::try_from(v)
                    .map_err(|_| {
                        E::custom(format!(
                            "level {v} is below zero; levels are numbers from the scale, or `n/a`"
                        ))
                    })
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Choice, E> {
                // `3.0` is how spreadsheets and pandas write 3.
                if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    return Ok(Choice::Level(v as u32));
                }
                Err(E::custom(format!(
                    "level {v} is not a whole number; choose one level from the scale, or `n/a`"
                )))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Choice, E> {
                match v.trim().to_ascii_lowercase().as_str() {
                    "n/a" | "na" | "not applicable" => Ok(Choice::NotApplicable),
                    other => leading_level(other).map(Choice::Level).ok_or_else(|| {
                        E::custom(format!(
                            "`{v}` is not a level; write a level number from the scale, or `n/a`"
                        ))
                    }),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// The level value in `3` or `3.0` written as text.
fn leading_level(text: &str) -> Option<u32> {
    let number = text.strip_suffix(".0").unwrap_or(text);
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

impl JsonSchema for Choice {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Choice".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A level value from the framework's scale (`3`, also `3.0` or `\"3\"`), or \"n/a\" for not applicable (also `N/A`, `na`, `Not applicable`).",
            "oneOf": [
                { "type": "integer", "minimum": 0, "maximum": crate::framework::MAX_SCALE_VALUE },
                {
                    "type": "string",
                    "pattern": "^\\s*([nN]/?[aA]|[nN][oO][tT] [aA][pP][pP][lL][iI][cC][aA][bB][lL][eE]|[0-9]+(\\.0)?)\\s*$"
                }
            ]
        })
    }
}

/// Something the partnership agreed to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What will be done.
    pub what: String,
    /// Who will make sure it happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it should be done by (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<IsoDate>,
    /// Where it has got to.
    #[serde(default)]
    pub status: ActionStatus,
    /// A word on progress, e.g. when it was carried forward from last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How far an action has got.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    /// Agreed, not started.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Finished and now part of how things are always done.
    Embedded,
    /// Decided against.
    Dropped,
}

impl ActionStatus {
    /// The words shown on reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::Embedded => "Embedded",
            Self::Dropped => "Dropped",
        }
    }

    /// Whether the action still needs doing.
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }
}

/// A record with the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The record.
    pub record: Record,
    /// The source text, for diagnostics.
    pub source: Source,
}

/// What to do when a record was scored against a different version of its framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FrameworkCheck {
    /// Refuse, explaining what differs (the default).
    #[default]
    Strict,
    /// Accept, as long as every answered indicator still exists.
    AcceptChanged,
}

impl Record {
    /// The tallies of votes from phones the record holds on indicator `id`, one per group.
    pub fn phone_tallies(&self, id: &str) -> Vec<Tally> {
        self.answer(id)
            .map(|a| a.phone_tallies().cloned().collect())
            .unwrap_or_default()
    }

    /// A new, empty record for a framework.
    pub fn new(
        framework: &Framework,
        partnership: String,
        date: Date,
        scored_by: ScoredBy,
    ) -> Self {
        Self {
            format: unplaced(FORMAT_VERSION),
            framework: FrameworkRef {
                id: unplaced(framework.id.value.clone()),
                version: framework.version.clone(),
                fingerprint: Some(unplaced(framework.fingerprint())),
                language: Some(framework.language.clone()),
                edition: framework.edition.clone(),
            },
            partnership,
            date: unplaced(IsoDate(date)),
            scored_by,
            participants: Vec::new(),
            answers: Vec::new(),
        }
    }

    /// Reads a record file (without checking it against a framework).
    pub fn load(path: &Path) -> Result<Loaded, Error> {
        let source = crate::yaml::read_source(path)?;
        let record = Self::parse(&source)?;
        Ok(Loaded { record, source })
    }

    /// Parses a record and checks what can be checked without its framework.
    pub fn parse(source: &Source) -> Result<Self, Diagnostics> {
        let record: Self = crate::yaml::parse(source)?;
        if record.format.value != FORMAT_VERSION {
            return Err(Diagnostic::at(
                source,
                Pos::of(&record.format),
                format!(
                    "record format {} is not one this coprod can read",
                    record.format.value
                ),
            )
            .label(format!("this coprod reads format {FORMAT_VERSION}"))
            .help("upgrade coprod, or check that this is a coprod record")
            .into());
        }
        let errors = record.validate_scorer(source);
        if errors.is_empty() {
            Ok(record)
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// Checks who scored the record: a group where one is needed, ids that are simple.
    pub fn validate_scorer(&self, source: &Source) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        let kind = &self.scored_by.kind;
        match (kind.value, &self.scored_by.group) {
            (ScorerKind::Group, None) => errors.push(
                Diagnostic::at(source, Pos::of(kind), "`scored_by` says `kind: group` but names no group")
                    .label("a group needs a `group:` line")
                    .help("add `group: parent-carers` (or local-authority, health, education, young-people, voluntary-sector)"),
            ),
            (ScorerKind::Workshop, _) if self.scored_by.groups.len() < 2 => errors.push(
                Diagnostic::at(source, Pos::of(kind), "a workshop record needs at least two groups")
                    .label("workshop")
                    .help("list them, e.g. `groups: [parent-carers, local-authority]`"),
            ),
            (_, Some(g)) if !is_slug(g) => errors.push(
                Diagnostic::at(source, source.key_after(Pos::of(kind), "group"), format!("the group `{g}` is not a simple id"))
                    .help("use lower-case words joined by `-`, e.g. `parent-carers`"),
            ),
            _ => {}
        }
        for g in self.scored_by.groups.iter().filter(|g| !is_slug(g)) {
            errors.push(
                Diagnostic::at(
                    source,
                    source.key_after(Pos::of(kind), "groups"),
                    format!("the group `{g}` is not a simple id"),
                )
                .help("use lower-case words joined by `-`, e.g. `parent-carers`"),
            );
        }
        errors
    }

    /// Whether an indicator has its answer: a level or n/a, or in a workshop a level or n/a
    /// from every group.
    pub fn is_answered(&self, indicator: &str) -> bool {
        match self.answer(indicator) {
            None => false,
            Some(a) if self.scored_by.kind.value == ScorerKind::Workshop => {
                !self.scored_by.groups.is_empty()
                    && self
                        .scored_by
                        .groups
                        .iter()
                        .all(|g| a.levels.contains_key(g))
            }
            Some(a) => a.is_decided(),
        }
    }

    /// A workshop record as one record per group, so it is scored and reported exactly like
    /// separate group records. Evidence and actions go with the first group only, so they are
    /// not counted twice. Any other record is returned as it is.
    pub fn split_workshop(&self) -> Vec<Record> {
        if self.scored_by.kind.value != ScorerKind::Workshop {
            return vec![self.clone()];
        }
        self.scored_by
            .groups
            .iter()
            .enumerate()
            .map(|(n, g)| {
                let mut r = self.clone();
                r.scored_by = ScoredBy {
                    kind: unplaced(ScorerKind::Group),
                    group: Some(g.clone()),
                    name: None,
                    groups: Vec::new(),
                };
                for a in &mut r.answers {
                    a.level = a.levels.get(g).cloned();
                    a.levels.clear();
                    // Each group's votes go with its record; votes not split by group go with
                    // the first, like the evidence, so that nothing is counted twice.
                    a.votes.retain(|t| match t.group() {
                        Some(tg) => tg == g,
                        None => n == 0,
                    });
                    if n > 0 {
                        a.evidence = None;
                        a.actions.clear();
                        a.draft = Draft::default();
                    }
                }
                r
            })
            .collect()
    }

    /// The answer to an indicator, if there is one.
    pub fn answer(&self, indicator: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.indicator.value == indicator)
    }

    /// The chosen level or n/a for an indicator, if answered.
    pub fn choice(&self, indicator: &str) -> Option<Choice> {
        self.answer(indicator)
            .and_then(|a| a.level.as_ref())
            .map(|l| l.value)
    }

    /// The answer to an indicator, looked for first at `position`: the indicator's place in
    /// framework order, which is where it is in records coprod writes. Same result as
    /// [`Record::answer`], without comparing every id on the way when the guess is right.
    pub fn answer_at(&self, indicator: &str, position: usize) -> Option<&Answer> {
        match self.answers.get(position) {
            Some(a) if a.indicator.value == indicator => Some(a),
            _ => self.answer(indicator),
        }
    }

    /// [`Record::choice`], looked for first at `position` as in [`Record::answer_at`].
    pub fn choice_at(&self, indicator: &str, position: usize) -> Option<Choice> {
        self.answer_at(indicator, position)
            .and_then(|a| a.level.as_ref())
            .map(|l| l.value)
    }

    /// Checks a record against the framework it claims to be scored on.
    pub fn check(
        &self,
        source: &Source,
        framework: &Framework,
        mode: FrameworkCheck,
    ) -> Result<(), Diagnostics> {
        let mut errors = Vec::new();
        let fref = &self.framework;
        if fref.id.value != framework.id.value {
            return Err(Diagnostic::at(
                source,
                Pos::of(&fref.id),
                say(
                    "error-other-framework",
                    &[
                        ("record", (&fref.id.value).into()),
                        ("framework", (&framework.id.value).into()),
                    ],
                ),
            )
            .label(say("error-other-framework-label", &[]))
            .help(say(
                "error-other-framework-help",
                &[("record", (&fref.id.value).into())],
            ))
            .into());
        }
        let fingerprint = fref.fingerprint.as_ref().map(|f| f.value.as_str());
        let changed = if framework.is_current(&fref.version, fingerprint) {
            None
        } else {
            Some(fref.fingerprint.as_ref().map_or(Pos::of(&fref.id), Pos::of))
        };
        if let Some(pos) = changed
            && mode == FrameworkCheck::Strict
        {
            let what = if fref.version == framework.version {
                say(
                    "error-framework-reworded",
                    &[("version", (&framework.version).into())],
                )
            } else {
                say(
                    "error-framework-new-version",
                    &[
                        ("then", (&fref.version).into()),
                        ("now", (&framework.version).into()),
                    ],
                )
            };
            errors.push(
                Diagnostic::at(
                    source,
                    pos,
                    say(
                        "error-framework-changed",
                        &[("id", (&framework.id.value).into()), ("what", what.into())],
                    ),
                )
                .label(say("error-framework-changed-label", &[]))
                .help(say("error-framework-changed-help", &[])),
            );
        }
        let (lo, hi) = framework.scale_range();
        let mut seen: HashMap<&str, &Placed<String>> = HashMap::new();
        for answer in &self.answers {
            let id = &answer.indicator;
            // With an accepted change of framework, an indicator the framework no longer has is
            // left out of the scores (and listed by the report), not an error.
            let retired_ok = changed.is_some() && mode == FrameworkCheck::AcceptChanged;
            let indicator = framework.indicator_for(&id.value);
            if indicator.is_none() && !retired_ok {
                let ids = framework.indicators().map(|(_, i)| i.id.value.as_str());
                let lower = id.value.to_lowercase();
                let hint = match crate::diagnostic::suggest(&lower, ids) {
                    Some(s) => say(
                        "error-unknown-indicator-did-you-mean",
                        &[
                            ("id", s.into()),
                            ("framework", (&framework.id.value).into()),
                        ],
                    ),
                    None => say(
                        "error-unknown-indicator-help",
                        &[("framework", (&framework.id.value).into())],
                    ),
                };
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(id),
                        say("error-unknown-indicator", &[("id", (&id.value).into())]),
                    )
                    .label(say("error-unknown-indicator-label", &[]))
                    .help(hint),
                );
            }
            // An answer under an indicator's earlier id counts as an answer to the indicator.
            let same = indicator.map_or(id.value.as_str(), |i| i.id.value.as_str());
            if let Some(first) = seen.insert(same, id) {
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(id),
                        say("error-answered-twice", &[("id", same.into())]),
                    )
                    .label(say("error-answered-twice-second", &[]))
                    .also(
                        Pos::of(first),
                        if first.value == id.value {
                            say("error-answered-twice-first", &[])
                        } else {
                            say("error-answered-twice-first-earlier", &[("id", same.into())])
                        },
                    )
                    .help(say("error-answered-twice-help", &[])),
                );
            }
            for (g, level) in &answer.levels {
                if !self.scored_by.groups.contains(g) {
                    errors.push(
                        Diagnostic::at(
                            source,
                            Pos::of(level),
                            format!("`{g}` is not one of this workshop's groups"),
                        )
                        .help(format!(
                            "the groups are listed under `scored_by.groups`: {}",
                            self.scored_by.groups.join(", ")
                        )),
                    );
                }
            }
            self.check_votes(source, framework, answer, &mut errors);
            for level in answer.level.iter().chain(answer.levels.values()) {
                let Choice::Level(v) = level.value else {
                    continue;
                };
                if framework.level(v).is_some() {
                    continue;
                }
                let labels = framework.scale_list();
                errors.push(
                    Diagnostic::at(
                        source,
                        Pos::of(level),
                        say(
                            "error-level-off-scale",
                            &[
                                ("level", v.to_string().into()),
                                ("lo", lo.to_string().into()),
                                ("hi", hi.to_string().into()),
                            ],
                        ),
                    )
                    .label(say("error-level-off-scale-label", &[]))
                    .help(say(
                        "error-level-off-scale-help",
                        &[("levels", labels.into())],
                    )),
                );
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(errors))
        }
    }

    /// Checks an answer's votes and agreeing to disagree against the framework and the scorer.
    fn check_votes(
        &self,
        source: &Source,
        framework: &Framework,
        answer: &Answer,
        errors: &mut Vec<Diagnostic>,
    ) {
        let id = &answer.indicator.value;
        let workshop = self.scored_by.kind.value == ScorerKind::Workshop;
        if let Some(note) = &answer.disagreed {
            let at = Pos::of(note).or(Pos::of(&answer.indicator));
            if workshop {
                errors.push(
                    Diagnostic::at(source, at, format!("`{id}` says the room agreed to disagree, but this is a workshop record"))
                        .label("`disagreed` is for a room, group or person record")
                        .help("in a workshop record each group gives its own level under `levels:`; put what divided the room in `evidence`"),
                );
            } else if let Some(level) = &answer.level {
                errors.push(
                    Diagnostic::at(source, at, format!("`{id}` has an agreed level and also says the room agreed to disagree"))
                        .label("agreed to disagree")
                        .also(Pos::of(level), "agreed level".to_string())
                        .help("keep `level` if the room agreed one, or `disagreed` with a note if it did not"),
                );
            } else if note.value.trim().is_empty() {
                errors.push(
                    Diagnostic::at(
                        source,
                        at,
                        format!("`{id}` says the room agreed to disagree, with no note"),
                    )
                    .label("empty note")
                    .help("write in a few words what the views were and why they differ"),
                );
            }
        }
        let (lo, hi) = framework.scale_range();
        let mut seen: Vec<(VoteSource, Option<&str>, Option<Pos>)> = Vec::new();
        for tally in &answer.votes {
            let at = tally
                .group
                .as_ref()
                .and_then(Pos::of)
                .or(Pos::of(&tally.from))
                .or_else(|| tally.levels.values().find_map(Pos::of))
                .or(Pos::of(&answer.indicator));
            let group = tally.group();
            let from = tally.from.value;
            if let Some((_, _, first)) = seen.iter().find(|(f, g, _)| *f == from && *g == group) {
                let whose = group.map_or(String::new(), |g| format!(" for `{g}`"));
                let mut d = Diagnostic::at(
                    source,
                    at,
                    format!("`{id}` has two tallies of votes from `{}`{whose}", serde_name(from)),
                )
                .label("second tally")
                .help("add the counts up into one tally; tallies from different sources (or groups) add up");
                if let Some(first) = first {
                    d = d.also(Some(*first), "first tally".to_string());
                }
                errors.push(d);
            } else {
                seen.push((from, group, at));
            }
            if let Some(g) = &tally.group {
                if !is_slug(&g.value) {
                    errors.push(
                        Diagnostic::at(
                            source,
                            Pos::of(g),
                            format!("the group `{}` is not a simple id", g.value),
                        )
                        .help("use lower-case words joined by `-`, e.g. `parent-carers`"),
                    );
                } else if workshop && !self.scored_by.groups.contains(&g.value) {
                    let groups = self.scored_by.groups.join(", ");
                    let help = match crate::diagnostic::suggest(
                        &g.value,
                        self.scored_by.groups.iter().map(String::as_str),
                    ) {
                        Some(s) => format!(
                            "did you mean `{s}`? The groups are listed under `scored_by.groups`: {groups}"
                        ),
                        None => format!("the groups are listed under `scored_by.groups`: {groups}"),
                    };
                    errors.push(
                        Diagnostic::at(
                            source,
                            Pos::of(g),
                            format!("`{}` is not one of this workshop's groups", g.value),
                        )
                        .label("votes from this group")
                        .help(help),
                    );
                }
            }
            for (level, count) in &tally.levels {
                if framework.level(level.0).is_none() {
                    errors.push(
                        Diagnostic::at(
                            source,
                            Pos::of(count).or(at),
                            format!("votes for level {}, which is not on the scale ({lo} to {hi})", level.0),
                        )
                        .label("not a level of this framework")
                        .help(format!(
                            "count votes under the scale's levels ({}); not applicable under `not_applicable`, don't know under `dont_know`",
                            framework.scale.value.iter().map(|l| l.value.value.to_string()).collect::<Vec<_>>().join(", ")
                        )),
                    );
                }
            }
        }
    }

    /// Gives answers recorded under an indicator's earlier id (one it `replaces`) the id it has
    /// now, so that scores, trends and actions carry on across a renaming. Run after
    /// [`Record::check`], which makes sure no indicator is then answered twice.
    pub fn adopt_renamed_ids(&mut self, framework: &Framework) {
        if framework.indicators().all(|(_, i)| i.replaces.is_empty())
            && self
                .answers
                .iter()
                .all(|a| !a.indicator.value.chars().any(char::is_uppercase))
        {
            return; // Nothing was renamed and every id is as written: the usual case.
        }
        for answer in &mut self.answers {
            if framework.indicator(&answer.indicator.value).is_none()
                && let Some(now) = framework.indicator_for(&answer.indicator.value)
            {
                answer.indicator.value.clone_from(&now.id.value);
            }
        }
    }

    /// The line that points editors (through the YAML language server) at the record schema,
    /// which `coprod framework schema record` prints; the next line says so.
    pub const SCHEMA_LINE: &str = "# yaml-language-server: $schema=./record.schema.json\n\
         # (that file: coprod framework schema record > record.schema.json)\n";

    /// The record as YAML text: the schema line for editors, then a comment line saying what it
    /// is. Records without these lines (older ones, or written by hand) read the same.
    pub fn to_yaml(&self) -> Result<String, serde_saphyr::ser::Error> {
        let body = serde_saphyr::to_string(self)?;
        // The comment is one line whatever the partnership's name holds.
        let name: String = self
            .partnership
            .chars()
            .map(|c| if yaml_comment_char(c) { c } else { ' ' })
            .collect();
        Ok(format!(
            "{}# coprod record: {name} — {}\n{body}",
            Self::SCHEMA_LINE,
            self.date.value
        ))
    }

    /// Writes the record with [`crate::storage::write`]: atomically for a file (a crash at any
    /// moment leaves the old or the new file, whole), in place for `-` or a pipe. A record that
    /// cannot be written out as YAML is an error, never an empty file.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let text = self.to_yaml().map_err(|e| {
            Error::io(
                format!("cannot write {}", path.display()),
                std::io::Error::other(e.to_string()),
            )
        })?;
        crate::storage::write(path, text.as_bytes())?;
        Ok(())
    }
}

/// A vote source as it is written in a record, e.g. `cards`.
fn serde_name(from: VoteSource) -> &'static str {
    match from {
        VoteSource::Cards => "cards",
        VoteSource::Form => "form",
        VoteSource::Phones => "phones",
    }
}

/// Whether a group id is a simple id: lower-case letters, digits, `-` and `_`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Whether a character may stand in a YAML comment line: printable in YAML's sense (no control
/// characters, no U+FFFE or U+FFFF) and not one that ends a line.
fn yaml_comment_char(c: char) -> bool {
    matches!(c, '\t' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_group_names_and_order_come_first_then_the_built_in_ones() {
        let groups = Groups::new(
            BTreeMap::from([
                ("health".to_string(), "NHS partners".to_string()),
                ("sendiass".to_string(), "SENDIASS".to_string()),
            ]),
            vec!["sendiass".to_string(), "health".to_string()],
        );
        assert_eq!(groups.name("health"), "NHS partners");
        assert_eq!(groups.name("sendiass"), "SENDIASS");
        assert_eq!(groups.name("parent-carers"), "Parent carers");
        assert_eq!(groups.name("youth_forum"), "Youth forum");
        let mut ids = ["zebra", "parent-carers", "health", "sendiass", "education"];
        ids.sort_by_key(|g| groups.rank(g));
        assert_eq!(
            ids,
            ["sendiass", "health", "parent-carers", "education", "zebra"]
        );
        // Without settings, only coprod's own names and order count.
        let plain = Groups::default();
        assert_eq!(plain.name("health"), "Health");
        assert_eq!(plain.name("sendiass"), "Sendiass");
        ids.sort_by_key(|g| plain.rank(g));
        assert_eq!(
            ids,
            ["parent-carers", "health", "education", "sendiass", "zebra"]
        );
    }

    const WITH_VOTES: &str = "\
format: 1
framework:
  id: four-cornerstones
  version: \"1.0\"
partnership: P
date: \"2026-03-04\"
scored_by:
  kind: room
answers:
- indicator: wc1
  level: 3
  votes:
  - from: cards
    levels:
      2: 4
      3: 5
    not_applicable: 1
  - from: phones
    group: parent-carers
    levels:
      1: 2
    dont_know: 3
- indicator: wc2
  disagreed: Parent carers see far less of this than the council does.
  votes:
  - from: cards
    levels:
      1: 3
      4: 3
  draft:
    evidence: The minutes show
    action:
      changes: 1
      what: Ask the forum
      due: 2026-0
- indicator: wc3
  draft:
    disagreed: Half the room
";

    fn parse(text: &str) -> Record {
        let source = Source::named("r.yaml", text);
        let r = Record::parse(&source).expect("parses");
        let f = Framework::built_in(crate::framework::DEFAULT_ID).expect("framework");
        r.check(&source, &f, FrameworkCheck::Strict)
            .expect("checks");
        r
    }

    #[test]
    fn votes_disagreement_and_drafts_round_trip() {
        let r = parse(WITH_VOTES);
        let text = r.to_yaml().expect("yaml");
        let body = text
            .strip_prefix(Record::SCHEMA_LINE)
            .expect("the schema line first")
            .split_once('\n')
            .expect("comment line")
            .1;
        assert_eq!(body, WITH_VOTES, "written back exactly as read");
        let again = parse(&text);
        assert_eq!(again.to_yaml().expect("yaml"), text);
        let wc2 = again.answer("wc2").expect("wc2");
        assert_eq!(wc2.votes[0].count(4), 3);
        assert_eq!(wc2.votes[0].from.value, VoteSource::Cards);
        let draft = wc2.draft.action.as_ref().expect("action draft");
        assert_eq!(
            (draft.changes, draft.due.as_deref()),
            (Some(1), Some("2026-0"))
        );
    }

    #[test]
    fn agreeing_to_disagree_answers_an_indicator_and_a_draft_does_not() {
        let r = parse(WITH_VOTES);
        assert!(r.is_answered("wc1"));
        assert!(r.is_answered("wc2"), "agreed to disagree is an answer");
        assert_eq!(r.choice("wc2"), None, "but no level to score");
        assert!(!r.is_answered("wc3"), "a draft alone is not an answer");
    }

    #[test]
    fn a_record_without_votes_or_drafts_is_written_as_before() {
        let mut r = parse(WITH_VOTES);
        for a in &mut r.answers {
            a.votes.clear();
            a.disagreed = None;
            a.draft = Draft::default();
        }
        let text = r.to_yaml().expect("yaml");
        assert!(!text.contains("votes") && !text.contains("draft") && !text.contains("disagreed"));
        assert!(text.contains("- indicator: wc3\n"), "{text}");
    }

    #[test]
    fn tallies_count_and_set_levels() {
        let mut t = Tally::new(VoteSource::Cards, None);
        t.set_count(3, 4);
        t.set_count(2, 1);
        t.set_count(2, 0);
        t.not_applicable = Count(2);
        assert_eq!((t.count(3), t.count(2), t.total()), (4, 0, 6));
        assert_eq!(t.levels.len(), 1, "a count of 0 leaves the level out");
    }

    #[test]
    fn vote_counts_that_are_not_counts_are_clear_errors() {
        let cases = [
            ("3: -1", "count -1 is below zero"),
            ("3: 2.5", "count 2.5 is not a whole number"),
            ("3: two", "`two` is not a count"),
            ("3: 99999999999", "count 99999999999 is far too large"),
            (
                "n/a: 2",
                "count not-applicable votes under `not_applicable:`",
            ),
            ("three: 2", "`three` is not a level"),
            ("-1: 2", "level -1 is below zero"),
        ];
        for (levels, expected) in cases {
            let text = WITH_VOTES.replace("      2: 4\n", &format!("      {levels}\n"));
            let err = Record::parse(&Source::named("r.yaml", text.as_str()))
                .expect_err(levels)
                .to_string();
            assert!(err.contains(expected), "{levels}: {err}");
            assert!(err.contains("r.yaml:15:"), "{levels}: placed: {err}");
        }
    }
}
