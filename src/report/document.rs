//! The report as a document: the words and structure every text format lays out.
//!
//! The scorer computes the numbers and [`Report`](super::Report) collects them; the
//! [`Document`] says what a reader is told about them, in which order, in which sentences.
//! It is a plain tree of [`Part`]s (cover, summary, groups, trend, versions, one per section,
//! follow-up, action plan, method) made of [`Block`]s (heading, paragraph, note, facts, list,
//! table, chart). The table, Markdown and PDF renderers walk it and only lay it out: they never
//! decide a sentence or whether something is shown. JSON and CSV render the `Report` directly.
//!
//! Every piece of text is a [`Text`] of [`Run`]s, and each run says whose words it holds
//! ([`Voice::Coprod`] for coprod's own words, [`Voice::User`] for words from a framework, a
//! record or `coprod.toml`). Renderers escape user words for their format, a PDF tags coprod's
//! words with coprod's language when the document is in another, and coprod's words are the
//! ones a translation replaces.
//!
//! The differences between formats that are meant (the terminal is compact, the PDF is for
//! print) are one [`Choices`] value per [`Medium`], decided in [`Medium::choices`].

use serde::Serialize;

/// Whose words a run of text holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Voice {
    /// coprod's own words (translated with coprod, tagged with coprod's language).
    Coprod,
    /// Words from a framework, a record or `coprod.toml`: escaped, never translated.
    User,
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Emphasis {
    /// Ordinary text.
    #[default]
    Plain,
    /// Bold: a name, a number or a label that leads.
    Strong,
    /// Quieter (grey in print): an aside such as a section name after an indicator.
    Quiet,
}

/// A run of text in one voice and one emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The words, as they are (renderers clean and escape them).
    pub text: String,
    /// Whose words they are.
    pub voice: Voice,
    /// How they are set.
    pub emphasis: Emphasis,
}

/// A piece of text: one or more runs, read as one line or paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    /// The runs, in reading order.
    pub runs: Vec<Run>,
}

impl Text {
    /// coprod's own words.
    pub fn ours(text: impl Into<String>) -> Self {
        Self::default().and(text)
    }

    /// Words from a framework, a record or `coprod.toml`.
    pub fn theirs(text: impl Into<String>) -> Self {
        Self::default().and_theirs(text)
    }

    /// Adds coprod's words.
    pub fn and(self, text: impl Into<String>) -> Self {
        self.with(text, Voice::Coprod, Emphasis::Plain)
    }

    /// Adds user words.
    pub fn and_theirs(self, text: impl Into<String>) -> Self {
        self.with(text, Voice::User, Emphasis::Plain)
    }

    /// Adds coprod's words in bold.
    pub fn and_strong(self, text: impl Into<String>) -> Self {
        self.with(text, Voice::Coprod, Emphasis::Strong)
    }

    /// Adds user words in bold.
    pub fn and_theirs_strong(self, text: impl Into<String>) -> Self {
        self.with(text, Voice::User, Emphasis::Strong)
    }

    /// Adds a run in any voice and emphasis; empty text adds nothing.
    pub fn with(mut self, text: impl Into<String>, voice: Voice, emphasis: Emphasis) -> Self {
        let text = text.into();
        if text.is_empty() {
            return self;
        }
        match self.runs.last_mut() {
            Some(last) if last.voice == voice && last.emphasis == emphasis => {
                last.text.push_str(&text);
            }
            _ => self.runs.push(Run {
                text,
                voice,
                emphasis,
            }),
        }
        self
    }

    /// Appends another text's runs.
    pub fn append(mut self, other: Self) -> Self {
        for r in other.runs {
            self = self.with(r.text, r.voice, r.emphasis);
        }
        self
    }

    /// The same text, all in bold.
    pub fn strong(mut self) -> Self {
        for r in &mut self.runs {
            r.emphasis = Emphasis::Strong;
        }
        self
    }

    /// The words without their marks (for tests, alternative texts and outlines).
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|r| r.text.is_empty())
    }
}

/// Which part of the report a [`Part`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "index")]
pub enum PartKind {
    /// Title, organisation, framework, dates, who took part.
    Cover,
    /// The overall result, completeness, section results, strengths and priorities.
    Summary,
    /// Stakeholder groups side by side.
    Groups,
    /// Results over time.
    Trend,
    /// Records made with other versions of the framework.
    Versions,
    /// One section (by index into `Report::sections`).
    Section(usize),
    /// What became of last time's actions.
    FollowUp,
    /// The actions agreed at the latest assessment.
    ActionPlan,
    /// How the scores are worked out: rules, scale and bands.
    Method,
}

/// One part of the report: a heading and what is said under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// Which part it is.
    pub kind: PartKind,
    /// Its heading (empty for the cover, whose title is the document's).
    pub title: Text,
    /// What it says, in order.
    pub blocks: Vec<Block>,
}

/// A block of a part.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "block")]
pub enum Block {
    /// A heading below the part's own (level 1 is a sub-heading of the part).
    Heading {
        /// 1 directly under the part's heading, 2 under that.
        level: u8,
        /// Its words.
        text: Text,
    },
    /// A paragraph.
    Paragraph {
        /// Its words.
        text: Text,
    },
    /// A note: something a reader must not miss (a versions note, an "about the rules").
    Note {
        /// Its words.
        text: Text,
    },
    /// Label and value pairs (the summary's "Trust: 3.1 out of 5").
    Facts {
        /// The pairs, in order.
        facts: Vec<Fact>,
    },
    /// A list of items.
    List {
        /// The items, in order.
        items: Vec<Text>,
    },
    /// A table.
    Table(Table),
    /// A chart, with the text that states what it shows.
    Chart(Chart),
}

/// A label and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// What it is.
    pub label: Text,
    /// What it says.
    pub value: Text,
}

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// Words.
    Left,
    /// Numbers.
    Right,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// Header text.
    pub header: Text,
    /// How its cells line up.
    pub align: Align,
    /// Relative width for layouts that need one (the PDF): a share of the table's width.
    pub share: u16,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// One cell per column; a cell is one or more paragraphs.
    pub cells: Vec<Vec<Text>>,
    /// Whether it sums up the rows above (the overall result under the sections).
    pub total: bool,
    /// A percentage the row stands for, which a layout may draw as a bar beside the numbers.
    pub bar: Option<f64>,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// What the table shows, for screen readers.
    pub summary: Text,
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
    /// Whether the first column names the row.
    pub row_headers: bool,
}

/// The scale a chart's values are on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChartScale {
    /// Lowest value.
    pub min: f64,
    /// Highest value.
    pub max: f64,
}

/// One bar of a bar chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// Its label (a section, or a record).
    pub label: Text,
    /// Its value, if scored.
    pub value: Option<f64>,
    /// Which series: 0 for a single record or the combined result, else the record's or
    /// group's place in the stable order (which fixes its colour and pattern).
    pub series: usize,
}

/// Bars under a common heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarGroup {
    /// The heading, or none.
    pub title: Option<Text>,
    /// The bars.
    pub bars: Vec<Bar>,
}

/// One mark of a dot plot: a group's (or record's) result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dot {
    /// Whose result it is, written beside the mark.
    pub label: Text,
    /// The result, if scored.
    pub value: Option<f64>,
    /// Which series (as for [`Bar::series`]): fixes the mark's shape and colour.
    pub series: usize,
}

/// One row of a dot plot: a section, with one mark per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DotRow {
    /// The row's heading ("Welcome and Care · combined 3.5 · gap 0.8").
    pub title: Text,
    /// The marks.
    pub dots: Vec<Dot>,
}

/// One small chart of a set: a result at each date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    /// What it shows (a section, or the overall result).
    pub title: Text,
    /// One value per date, earliest first.
    pub values: Vec<Option<f64>>,
}

/// One indicator's vote, for a chart of how the room voted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VoteRow {
    /// The indicator (and, when several records are combined, whose vote it was).
    pub label: Text,
    /// How many chose each level: `(level value, people)`, lowest level first.
    pub counts: Vec<(u32, u64)>,
    /// The level the room agreed on, if it agreed one.
    pub agreed: Option<u32>,
}

/// What a chart draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "chart")]
pub enum ChartKind {
    /// Horizontal bars, with their numbers printed on them.
    Bars {
        /// The groups of bars.
        groups: Vec<BarGroup>,
    },
    /// One row per section on a common scale: a mark for each group, labelled beside it, and
    /// the range from the lowest to the highest, so where each group stands and how far apart
    /// they are read at a glance.
    Dots {
        /// The rows.
        rows: Vec<DotRow>,
    },
    /// How people voted before the room agreed: a bar per indicator, split by level, the
    /// agreed level outlined.
    Votes {
        /// One row per indicator voted on.
        rows: Vec<VoteRow>,
    },
    /// Small multiples: one small line chart per section (and overall) over the same dates.
    Lines {
        /// The dates, earliest first.
        dates: Vec<Text>,
        /// The charts.
        panels: Vec<Panel>,
    },
}

/// A chart and its text alternative.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// What it draws.
    pub kind: ChartKind,
    /// The scale of its values.
    pub scale: ChartScale,
    /// The axis caption ("Score: 1 = Not yet, 5 = Embedded").
    pub caption: Text,
    /// Every number the chart shows, in words (for screen readers and text formats).
    pub alt: Text,
}

/// The whole report as a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The report's title.
    pub title: Text,
    /// The language of the user's words (the framework's), a BCP 47 tag.
    pub language: String,
    /// The language of coprod's own words.
    pub coprod_language: String,
    /// The header of a column of bars, for layouts that draw a row's percentage as a bar.
    pub bar_header: Text,
    /// The word a layout puts after a part's name over a table it continues on another page:
    /// "Summary (continued)".
    pub continued: Text,
    /// The parts, in reading order.
    pub parts: Vec<Part>,
}

impl Document {
    /// The part of this kind, if the document has it.
    pub fn part(&self, kind: PartKind) -> Option<&Part> {
        self.parts.iter().find(|p| p.kind == kind)
    }
}

/// Where a document is going: the one thing that makes the formats differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// Tables in a terminal.
    Terminal,
    /// A Markdown board paper.
    Markdown,
    /// The PDF, for print.
    Print,
}

/// What a medium shows and how: every intended difference between the formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choices {
    /// A cover part with who took part (the PDF's first page).
    pub cover: bool,
    /// Charts (with their text alternatives) in the summary.
    pub charts: bool,
    /// Evidence notes beside the indicators.
    pub evidence: bool,
    /// Each group's result per indicator in the sections' tables (else the lowest and highest
    /// level given).
    pub per_group_levels: bool,
    /// The action plan in full (else a one-line count with where to find it).
    pub action_plan: bool,
    /// The method part: rules, scale and bands.
    pub method: bool,
    /// Dates in words ("12 November 2026") rather than ISO ("2026-11-12").
    pub long_dates: bool,
    /// Whether the medium shows the ⚑ flag beside "talk about this" (the PDF's font has no
    /// such sign, so the words stand alone there).
    pub flag_sign: bool,
}

impl Medium {
    /// The choices for this medium. The terminal is compact; Markdown is a board paper; the
    /// PDF is for print and has a cover and charts.
    pub fn choices(self) -> Choices {
        match self {
            Self::Terminal => Choices {
                cover: false,
                charts: false,
                evidence: false,
                per_group_levels: false,
                action_plan: false,
                method: false,
                long_dates: false,
                flag_sign: true,
            },
            Self::Markdown => Choices {
                cover: false,
                charts: false,
                evidence: true,
                per_group_levels: true,
                action_plan: true,
                method: true,
                long_dates: false,
                flag_sign: true,
            },
            Self::Print => Choices {
                cover: true,
                charts: true,
                evidence: true,
                per_group_levels: true,
                action_plan: true,
                method: true,
                long_dates: true,
                flag_sign: false,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_one_voice_and_emphasis_join() {
        let t = Text::ours("Trust: ")
            .and("3.1")
            .and_theirs("Hafren")
            .and_theirs(" Vale")
            .and("");
        assert_eq!(t.runs.len(), 2);
        assert_eq!(t.plain(), "Trust: 3.1Hafren Vale");
        assert_eq!(t.runs[1].voice, Voice::User);
        assert!(Text::ours("").is_empty());
    }

    #[test]
    fn strong_marks_every_run() {
        let t = Text::ours("a").and_theirs("b").strong();
        assert!(t.runs.iter().all(|r| r.emphasis == Emphasis::Strong));
    }
}
