//! The document builder: every sentence of the table, Markdown and PDF reports, and every
//! decision about what they show, made once from the [`Report`].
//!
//! The renderers walk the [`Document`] this returns and only lay it out. What differs between
//! formats on purpose is read from [`Choices`] (one value per [`Medium`]), never decided in a
//! renderer.

use super::compare::{GapView, NamedGap, SeriesView};
use super::document::{
    Align, Bar, BarGroup, Block, Chart, ChartKind, ChartScale, Choices, Column, Document, Dot,
    DotRow, Fact, Medium, Panel, Part, PartKind, Row, Table, Text, VoteRow,
};
use super::{ActionItem, Report, ScoreView, change_text, percent_text, score_text};
use crate::catalog::{Arg, Catalog};
use crate::record::ActionStatus;
use crate::score::compare::Direction;

/// The language of coprod's own words when coprod has no catalog for the framework's language.
pub const COPROD_LANGUAGE: &str = crate::catalog::FALLBACK;

/// Builds the document for a medium, in coprod's catalog for the framework's language (Welsh
/// for a framework shown in Welsh; English for a language coprod does not speak yet).
pub fn build(report: &Report, medium: Medium) -> Document {
    build_in(report, medium, &Catalog::new(&report.framework.language))
}

/// Builds the document for a medium with coprod's words from `words`.
pub fn build_in(report: &Report, medium: Medium, words: &Catalog) -> Document {
    let b = Builder {
        r: report,
        c: medium.choices(),
        w: words,
    };
    let mut parts = Vec::new();
    if b.c.cover {
        parts.push(b.cover());
    }
    parts.push(b.summary());
    parts.extend(b.groups());
    parts.extend(b.trend());
    parts.extend(b.versions());
    parts.extend((0..report.sections.len()).map(|i| b.section(i)));
    parts.extend(b.follow_up());
    parts.push(b.action_plan());
    if b.c.method {
        parts.push(b.method());
    }
    Document {
        title: Text::theirs(report.title.clone()),
        language: report.framework.language.clone(),
        coprod_language: words.language().to_string(),
        bar_header: Text::ours(words.get("col-bar")),
        continued: Text::ours(words.get("continued")),
        parts,
    }
}

/// "12 November 2026" from "2026-11-12"; other text unchanged.
pub fn long_date(iso: &str) -> String {
    long_date_in(&Catalog::new(COPROD_LANGUAGE), iso)
}

/// A date in words in a catalog's language ("12 Tachwedd 2026" in Welsh).
pub fn long_date_in(w: &Catalog, iso: &str) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => w.format(
            "long-date",
            &[
                ("day", Arg::Text(d.day().to_string())),
                ("month", Arg::Text(w.get(&format!("month-{}", d.month())))),
                ("year", Arg::Text(d.year().to_string())),
            ],
        ),
        Err(_) => iso.to_string(),
    }
}

/// "a, b and c".
pub fn and_list(items: &[String]) -> String {
    and_list_in(&Catalog::new(COPROD_LANGUAGE), items)
}

/// "a, b and c" in a catalog's language.
pub fn and_list_in(w: &Catalog, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => w.format(
            "list-and",
            &[("rest", rest.join(", ").into()), ("last", last.into())],
        ),
    }
}

struct Builder<'a> {
    r: &'a Report,
    c: Choices,
    /// coprod's words, in the report's language.
    w: &'a Catalog,
}

/// Marks where a user's text goes in a message, so that it can be cut out again as a run of
/// their words: private-use characters, which no catalog holds.
fn slot(n: usize) -> String {
    format!("\u{E000}{n}\u{E001}")
}

fn col(header: impl Into<String>, align: Align, share: u16) -> Column {
    Column {
        header: Text::ours(header),
        align,
        share,
    }
}

fn row(cells: Vec<Text>) -> Row {
    Row {
        cells: cells.into_iter().map(|c| vec![c]).collect(),
        total: false,
        bar: None,
    }
}

fn cells_row(cells: Vec<Vec<Text>>) -> Row {
    Row {
        cells,
        total: false,
        bar: None,
    }
}

fn para(text: Text) -> Block {
    Block::Paragraph { text }
}

fn heading(text: &str) -> Block {
    Block::Heading {
        level: 1,
        text: Text::ours(text),
    }
}

fn num(v: Option<f64>) -> Text {
    Text::ours(v.map_or_else(|| "–".to_string(), score_text))
}

/// A group of bars in words, for a chart's text alternative: "Title: a 3.5, b no score.".
fn describe_bars(w: &Catalog, g: &BarGroup) -> String {
    let bars: Vec<String> = g
        .bars
        .iter()
        .map(|b| match b.value {
            Some(v) => format!("{} {}", b.label.plain(), score_text(v)),
            None => w.format("no-score", &[("label", b.label.plain().into())]),
        })
        .collect();
    match &g.title {
        Some(t) => format!("{}: {}.", t.plain(), bars.join(", ")),
        None => format!("{}.", bars.join(", ")),
    }
}

fn id(id: &str) -> Text {
    Text::theirs(id.to_uppercase()).strong()
}

impl Builder<'_> {
    /// A message of coprod's, without arguments.
    fn t(&self, id: &str) -> String {
        self.w.get(id)
    }

    /// A message of coprod's with its arguments.
    fn f(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.w.format(id, args)
    }

    /// A message of coprod's holding others' words: `theirs` are put in where the message
    /// names them, each as its own runs, so that they keep their voice (escaped, never
    /// translated).
    fn mixed(&self, id: &str, args: &[(&str, Arg)], theirs: &[(&str, Text)]) -> Text {
        let mut all: Vec<(&str, Arg)> = args.to_vec();
        for (n, (name, _)) in theirs.iter().enumerate() {
            all.push((name, Arg::Text(slot(n))));
        }
        let formatted = self.w.format(id, &all);
        let mut out = Text::default();
        let mut rest = formatted.as_str();
        while let Some(start) = rest.find('\u{E000}') {
            out = out.and(&rest[..start]);
            let after = &rest[start + '\u{E000}'.len_utf8()..];
            let Some(end) = after.find('\u{E001}') else {
                rest = after;
                continue;
            };
            if let Some((_, text)) = after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|n| theirs.get(n))
            {
                out = out.append(text.clone());
            }
            rest = &after[end + '\u{E001}'.len_utf8()..];
        }
        out.and(rest)
    }

    /// A count of records, people, responses or actions: `n-records` and the like.
    fn count(&self, id: &str, n: usize) -> String {
        self.f(id, &[("n", n.into())])
    }

    /// "m of n".
    fn m_of_n(&self, m: usize, n: usize) -> String {
        self.f("m-of-n", &[("m", m.into()), ("n", n.into())])
    }

    /// "a, b and c".
    fn and_list(&self, items: &[String]) -> String {
        and_list_in(self.w, items)
    }

    /// The name of the overall result: the framework's, else coprod's word.
    fn overall_name(&self) -> String {
        self.r
            .framework
            .overall_label
            .clone()
            .unwrap_or_else(|| self.t("overall"))
    }

    /// Who scored, in the report's language: coprod's names of the stakeholder groups it knows
    /// and of the whole room are coprod's words; names set in `coprod.toml`, and people's names,
    /// are the user's and stay as they are.
    fn who(&self, name: &str) -> String {
        let known = |english: &str| -> Option<String> {
            if english == "Whole room" {
                return Some(self.t("who-room"));
            }
            if english == "One person" {
                return Some(self.t("who-one-person"));
            }
            if english == "A group" {
                return Some(self.t("who-a-group"));
            }
            crate::record::KNOWN_GROUPS
                .iter()
                .find(|(id, shown)| *shown == english && self.r.groups.name(id) == english)
                .map(|(id, _)| self.t(&format!("group-{id}")))
        };
        if let Some(t) = known(name) {
            return t;
        }
        // "Name (Group)", "Group (2)", "One person (Group)".
        if let Some((head, tail)) = name.rsplit_once(" (")
            && let Some(inner) = tail.strip_suffix(')')
        {
            let head = known(head).unwrap_or_else(|| head.to_string());
            let inner = known(inner).unwrap_or_else(|| inner.to_string());
            return format!("{head} ({inner})");
        }
        name.to_string()
    }

    /// An action's status in words.
    fn status(&self, s: ActionStatus) -> String {
        self.t(match s {
            ActionStatus::NotStarted => "status-not-started",
            ActionStatus::InProgress => "status-in-progress",
            ActionStatus::Done => "status-done",
            ActionStatus::Embedded => "status-embedded",
            ActionStatus::Dropped => "status-dropped",
        })
    }

    /// How a direction over time is said.
    fn direction(&self, d: Option<Direction>) -> String {
        match d {
            Some(Direction::Improved) => self.t("dir-improved"),
            Some(Direction::Slipped) => self.t("dir-slipped"),
            Some(Direction::Same) => self.t("dir-same"),
            None => String::new(),
        }
    }

    fn date(&self, iso: &str) -> String {
        if self.c.long_dates {
            long_date_in(self.w, iso)
        } else {
            iso.to_string()
        }
    }

    fn current(&self) -> Vec<usize> {
        (0..self.r.records.len())
            .filter(|&i| self.r.records[i].current)
            .collect()
    }

    /// Names for the records: who scored each, numbered when two of the latest date share one.
    fn labels(&self) -> Vec<String> {
        let now = self.current();
        let r = self.r;
        r.records
            .iter()
            .enumerate()
            .map(|(i, rec)| {
                let same: Vec<usize> = now
                    .iter()
                    .copied()
                    .filter(|&k| r.records[k].scored_by == rec.scored_by)
                    .collect();
                let who = self.who(&rec.scored_by);
                match same.iter().position(|&k| k == i) {
                    Some(n) if same.len() > 1 => format!("{who} ({})", n + 1),
                    _ => who,
                }
            })
            .collect()
    }

    /// "3.1 out of 5 (53% of the scale) · Established".
    fn score_words(&self, s: &ScoreView) -> Text {
        let t = Text::ours(self.f(
            "score-words",
            &[
                ("score", score_text(s.value).into()),
                ("max", self.r.framework.scale_max.to_string().into()),
                ("percent", percent_text(s.percent).into()),
            ],
        ));
        match &s.band {
            Some(b) => t.and(" · ").and_theirs(b.clone()),
            None => t,
        }
    }

    /// "Parent carers (36 responses, 40 people)".
    fn turnout(&self) -> Text {
        let mut t = Text::default();
        for (n, g) in self.r.turnout.iter().enumerate() {
            if n > 0 {
                t = t.and("; ");
            }
            let people = self.count("n-people", g.people);
            let counts = match (g.responses, g.people) {
                (_, 0) => self.count("n-responses", g.responses),
                (1, _) => people,
                (n, _) => format!("{}, {people}", self.count("n-responses", n)),
            };
            t = t.and_theirs(self.who(&g.name)).and(format!(" ({counts})"));
        }
        t
    }

    /// Which edition of the framework each record used, when any used another than the
    /// standard one: "Young people (easy-read edition); the others the standard edition".
    fn editions(&self) -> Text {
        let labels = self.labels();
        let mut t = Text::default();
        let mut others = 0;
        for (rec, label) in self.r.records.iter().zip(&labels) {
            match &rec.edition {
                Some(e) => {
                    if !t.is_empty() {
                        t = t.and("; ");
                    }
                    t = t.append(self.mixed(
                        "editions-each",
                        &[],
                        &[
                            ("name", Text::theirs(label.clone())),
                            ("edition", Text::theirs(e.clone())),
                        ],
                    ));
                }
                None => others += 1,
            }
        }
        match others {
            0 => t,
            1 => t.and("; ").and(self.t("editions-other-one")),
            _ => t.and("; ").and(self.t("editions-others")),
        }
    }

    /// When the records were scored in different languages: which, with how many records each,
    /// and the language this report is in (and why).
    fn languages(&self) -> Option<Text> {
        use crate::framework::text::same_tag;
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for rec in &self.r.records {
            match counts.iter_mut().find(|(l, _)| same_tag(l, &rec.language)) {
                Some((_, n)) => *n += 1,
                None => counts.push((&rec.language, 1)),
            }
        }
        if counts.len() < 2 {
            return None;
        }
        let list: Vec<String> = counts
            .iter()
            .map(|(tag, n)| {
                self.f(
                    "languages-each",
                    &[
                        ("language", self.language_name(tag).into()),
                        ("records", self.count("n-records", *n).into()),
                    ],
                )
            })
            .collect();
        let id = if self.r.language_asked {
            "languages-asked"
        } else {
            "languages-own"
        };
        Some(Text::ours(self.f(
            id,
            &[
                ("list", self.and_list(&list).into()),
                (
                    "language",
                    self.language_name(&self.r.framework.language).into(),
                ),
            ],
        )))
    }

    /// A language's name in the report's language ("Welsh", "Cymraeg"), or its tag when
    /// coprod has no name for it.
    fn language_name(&self, tag: &str) -> String {
        let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
        let id = format!("language-{primary}");
        if self.w.has(&id) {
            self.t(&id)
        } else {
            tag.to_string()
        }
    }

    fn cover(&self) -> Part {
        let r = self.r;
        let mut blocks = vec![para(Text::ours(self.t("cover-kind")).strong())];
        if let Some(org) = r.organisation.as_deref().filter(|o| !o.trim().is_empty()) {
            blocks.push(para(Text::theirs(org.trim()).strong()));
        }
        if !r.partnerships.is_empty() {
            blocks.push(para(Text::theirs(r.partnerships.join(", "))));
        }
        let dates: Vec<String> = r.dates.iter().map(|d| self.date(d)).collect();
        blocks.push(para(Text::ours(match dates.as_slice() {
            [] => self.t("not-dated"),
            many => self.f("assessed-on", &[("dates", self.and_list(many).into())]),
        })));
        blocks.push(para(self.mixed(
            "framework-line",
            &[],
            &[
                ("title", Text::theirs(r.framework.title.clone())),
                ("version", Text::theirs(r.framework.version.clone())),
            ],
        )));
        blocks.push(heading(&self.t("who-took-part")));
        let n = r.records.len();
        let intro = if r.dates.len() > 1 {
            self.f(
                "cover-intro-years",
                &[
                    ("n", n.into()),
                    ("assessments", r.dates.len().into()),
                    ("date", self.date(r.current_date()).into()),
                ],
            )
        } else if n > 1 {
            self.f("cover-intro-combined", &[("n", n.into())])
        } else {
            self.t("cover-intro-one")
        };
        blocks.push(para(Text::ours(intro)));
        blocks.push(Block::Table(Table {
            summary: Text::ours(self.t("cover-table-summary")),
            columns: vec![
                col(self.t("col-scored-by"), Align::Left, 5),
                col(self.t("col-date"), Align::Left, 3),
                col(self.t("col-indicators-answered"), Align::Right, 5),
            ],
            rows: r
                .records
                .iter()
                .map(|rec| {
                    row(vec![
                        Text::theirs(self.who(&rec.scored_by)),
                        Text::ours(self.date(&rec.date)),
                        Text::ours(self.m_of_n(
                            rec.completeness.answered + rec.completeness.not_applicable,
                            rec.completeness.total,
                        )),
                    ])
                })
                .collect(),
            row_headers: true,
        }));
        Part {
            kind: PartKind::Cover,
            title: Text::default(),
            blocks,
        }
    }

    fn summary(&self) -> Part {
        let r = self.r;
        let mut blocks = Vec::new();
        if !self.c.cover {
            // Without a cover, the summary says what the report is of.
            let mut line = self
                .mixed(
                    "summary-framework",
                    &[],
                    &[
                        ("title", Text::theirs(r.framework.title.clone())),
                        ("version", Text::theirs(r.framework.version.clone())),
                    ],
                )
                .and(" · ");
            if !r.partnerships.is_empty() {
                line = line.and_theirs(r.partnerships.join(", ")).and(" · ");
            }
            let dates: Vec<String> = r.dates.iter().map(|d| self.date(d)).collect();
            line = line.and(format!(
                "{} · {}",
                self.count("n-records", r.records.len()),
                dates.join(", ")
            ));
            if let Some(org) = r.organisation.as_deref().filter(|o| !o.trim().is_empty()) {
                blocks.push(para(Text::theirs(org.trim())));
            }
            blocks.push(para(line));
        }
        let overall = match &r.overall {
            Some(s) => self.score_words(s).strong(),
            None => Text::ours(self.t("no-indicators-scored")),
        };
        let c = &r.completeness;
        let mut facts = vec![
            Fact {
                label: Text::theirs(self.overall_name()),
                value: overall,
            },
            Fact {
                label: Text::ours(self.t("completeness")),
                value: Text::ours(self.f(
                    "completeness-value",
                    &[
                        ("answered", c.answered.into()),
                        ("total", c.total.into()),
                        ("na", c.not_applicable.into()),
                        ("unanswered", c.unanswered.into()),
                        ("percent", percent_text(c.percent_complete).into()),
                    ],
                )),
            },
            Fact {
                label: Text::ours(self.t("col-scored-by")),
                value: self
                    .turnout()
                    .and(" ")
                    .and(self.f("on-date", &[("date", self.date(r.current_date()).into())])),
            },
        ];
        if r.records.iter().any(|x| x.edition.is_some()) {
            facts.push(Fact {
                label: Text::ours(self.t("editions")),
                value: self.editions(),
            });
        }
        if let Some(value) = self.languages() {
            facts.push(Fact {
                label: Text::ours(self.t("languages")),
                value,
            });
        }
        if r.is_combined()
            && let Some(st) = &r.overall_stats
        {
            facts.push(Fact {
                label: Text::ours(self.t("range")),
                value: Text::ours(self.f(
                    "range-value",
                    &[
                        ("min", score_text(st.min).into()),
                        ("max", score_text(st.max).into()),
                        ("spread", score_text(st.spread).into()),
                    ],
                )),
            });
        }
        if r.partnerships.len() > 1 {
            facts.push(Fact {
                label: Text::ours(self.t("partnerships-combined")),
                value: Text::theirs(r.partnerships.join(", ")),
            });
        }
        if r.dates.len() > 1 {
            let earlier: Vec<String> = r.dates[..r.dates.len() - 1]
                .iter()
                .map(|d| self.date(d))
                .collect();
            facts.push(Fact {
                label: Text::ours(self.t("earlier-assessments")),
                value: Text::ours(self.f("earlier-value", &[("dates", earlier.join(", ").into())])),
            });
        }
        blocks.push(Block::Facts { facts });

        let noun = r.section_heading();
        blocks.push(Block::Heading {
            level: 1,
            text: self.mixed("section-results", &[], &[("noun", Text::theirs(noun))]),
        });
        blocks.push(Block::Table(self.section_results()));
        if self.c.charts {
            blocks.extend(self.charts().into_iter().map(Block::Chart));
        }
        for (title, list, more) in [
            (self.t("strengths"), &r.strengths, r.strengths_more_tied),
            (self.t("priorities"), &r.priorities, r.priorities_more_tied),
        ] {
            blocks.push(heading(&title));
            if list.is_empty() {
                blocks.push(para(Text::ours(self.t("none-yet"))));
                continue;
            }
            let mut items: Vec<Text> = list
                .iter()
                .map(|h| {
                    id(&h.indicator)
                        .and(" ")
                        .and_theirs(h.statement.clone())
                        .with(
                            format!(" ({})", h.section),
                            super::document::Voice::User,
                            super::document::Emphasis::Quiet,
                        )
                        .and(": ")
                        .and_strong(score_text(h.score))
                })
                .collect();
            if more > 0
                && let Some(last) = list.last()
            {
                items.push(Text::ours(self.f(
                    "and-more",
                    &[("n", more.into()), ("score", score_text(last.score).into())],
                )));
            }
            blocks.push(Block::List { items });
        }
        Part {
            kind: PartKind::Summary,
            title: Text::ours(self.t("summary")),
            blocks,
        }
    }

    fn section_results(&self) -> Table {
        let r = self.r;
        let combined = r.is_combined();
        let mut columns = vec![
            Column {
                header: Text::theirs(r.section_heading()),
                align: Align::Left,
                share: 8,
            },
            col(self.t("col-score"), Align::Right, 3),
            col(self.t("col-percent"), Align::Right, 3),
            col(self.t("col-band"), Align::Left, 5),
        ];
        if combined {
            columns.push(col(self.t("col-lowest-record"), Align::Right, 3));
            columns.push(col(self.t("col-highest-record"), Align::Right, 3));
        }
        columns.push(col(self.t("col-answered"), Align::Right, 4));
        let rows = r
            .sections
            .iter()
            .map(|s| {
                let mut cells = match &s.score {
                    Some(v) => vec![
                        Text::theirs(s.title.clone()),
                        Text::ours(score_text(v.value)),
                        Text::ours(percent_text(v.percent)),
                        v.band.clone().map(Text::theirs).unwrap_or_default(),
                    ],
                    None => vec![
                        Text::theirs(s.title.clone()),
                        Text::ours("–"),
                        Text::ours("–"),
                        Text::ours(self.t("not-scored")),
                    ],
                };
                if combined {
                    cells.push(num(s.stats.as_ref().map(|st| st.min)));
                    cells.push(num(s.stats.as_ref().map(|st| st.max)));
                }
                cells.push(Text::ours(self.m_of_n(
                    s.completeness.answered + s.completeness.not_applicable,
                    s.completeness.total,
                )));
                let mut row = row(cells);
                row.bar = Some(s.score.as_ref().map_or(0.0, |v| v.percent));
                row
            })
            .collect();
        Table {
            summary: self.mixed(
                "section-results-summary",
                &[],
                &[("noun", Text::theirs(r.framework.section_noun.clone()))],
            ),
            columns,
            rows,
            row_headers: true,
        }
    }

    /// "Score: 1 = Not yet, 5 = Embedded".
    fn axis_caption(&self) -> Text {
        let scale = &self.r.framework.scale;
        match (scale.first(), scale.last()) {
            (Some(lo), Some(hi)) if scale.len() > 1 => self.mixed(
                "axis-caption",
                &[
                    ("lo", lo.value.to_string().into()),
                    ("hi", hi.value.to_string().into()),
                ],
                &[
                    ("lolabel", Text::theirs(lo.label.clone())),
                    ("hilabel", Text::theirs(hi.label.clone())),
                ],
            ),
            _ => Text::ours(self.t("axis-score")),
        }
    }

    fn scale(&self) -> ChartScale {
        ChartScale {
            min: f64::from(self.r.framework.scale_min),
            max: f64::from(self.r.framework.scale_max),
        }
    }

    /// The summary's chart: for one record, a bar per section; for several, a dot plot with a
    /// row per section and a mark per group (or record), so the board sees where each stands
    /// and how far apart they are.
    fn charts(&self) -> Vec<Chart> {
        let r = self.r;
        let noun = &r.framework.section_noun;
        let caption = self.axis_caption();
        let (lo, hi) = (r.framework.scale_min, r.framework.scale_max);
        let results = format!(
            "“{}”",
            self.f("section-results", &[("noun", r.section_heading().into())])
        );
        if !r.is_combined() {
            let own = r
                .single_current()
                .and_then(|i| r.records.get(i))
                .map(|x| x.sections.clone())
                .unwrap_or_default();
            let group = BarGroup {
                title: None,
                bars: r
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(j, s)| Bar {
                        label: Text::theirs(s.title.clone()),
                        value: own.get(j).copied().flatten(),
                        series: 0,
                    })
                    .collect(),
            };
            let described = describe_bars(self.w, &group);
            return vec![Chart {
                alt: Text::ours(self.f(
                    "chart-bars-alt",
                    &[
                        ("noun", noun.into()),
                        ("lo", lo.to_string().into()),
                        ("hi", hi.to_string().into()),
                        ("described", described.into()),
                        ("results", (&results).into()),
                    ],
                )),
                kind: ChartKind::Bars {
                    groups: vec![group],
                },
                scale: self.scale(),
                caption,
            }];
        }
        // One mark per stakeholder group where the groups are compared, else per record.
        let labels = self.labels();
        let now = self.current();
        // Each mark's series: a group's place among every date's groups (so it keeps its colour
        // and pattern in a year when another group is missing), else the record's place.
        let marks: Vec<(String, usize, Vec<Option<f64>>)> = match &r.perspectives {
            Some(p) => p
                .groups
                .iter()
                .enumerate()
                .map(|(g, info)| {
                    let place = r.group_order.iter().position(|id| *id == info.id);
                    (
                        self.who(&info.name),
                        place.unwrap_or(g) + 1,
                        p.sections
                            .iter()
                            .map(|s| s.gap.by_group.get(g).copied().flatten())
                            .collect(),
                    )
                })
                .collect(),
            None => now
                .iter()
                .enumerate()
                .map(|(n, &i)| (labels[i].clone(), n + 1, r.records[i].sections.clone()))
                .collect(),
        };
        let mut spans = Vec::new();
        let rows: Vec<DotRow> = r
            .sections
            .iter()
            .enumerate()
            .map(|(j, s)| {
                let dots: Vec<Dot> = marks
                    .iter()
                    .map(|(name, series, values)| Dot {
                        label: Text::theirs(name.clone()),
                        value: values.get(j).copied().flatten(),
                        series: *series,
                    })
                    .collect();
                let scored: Vec<&Dot> = dots.iter().filter(|d| d.value.is_some()).collect();
                let low = scored.iter().min_by(|a, b| {
                    a.value
                        .partial_cmp(&b.value)
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                let high = scored.iter().max_by(|a, b| {
                    a.value
                        .partial_cmp(&b.value)
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
                let mut title =
                    Text::theirs(s.title.clone())
                        .and(" · ")
                        .and(s.score.as_ref().map_or_else(
                            || self.t("not-scored"),
                            |v| self.f("chart-combined", &[("score", score_text(v.value).into())]),
                        ));
                if let (Some(l), Some(h)) = (low, high)
                    && let (Some(lv), Some(hv)) = (l.value, h.value)
                {
                    title = title
                        .and(" · ")
                        .and(self.f("chart-gap", &[("gap", score_text(hv - lv).into())]));
                    spans.push(self.f(
                        "chart-span",
                        &[
                            ("section", (&s.title).into()),
                            ("low", score_text(lv).into()),
                            ("lowname", l.label.plain().into()),
                            ("high", score_text(hv).into()),
                            ("highname", h.label.plain().into()),
                        ],
                    ));
                } else {
                    spans.push(self.f("chart-span-none", &[("section", (&s.title).into())]));
                }
                DotRow { title, dots }
            })
            .collect();
        let alt = if r.perspectives.is_some() {
            "chart-dots-groups-alt"
        } else {
            "chart-dots-records-alt"
        };
        vec![Chart {
            alt: Text::ours(self.f(
                alt,
                &[
                    ("noun", noun.into()),
                    ("lo", lo.to_string().into()),
                    ("hi", hi.to_string().into()),
                    ("spans", spans.join(" ").into()),
                    ("results", (&results).into()),
                    ("groups", self.t("groups-title").into()),
                ],
            )),
            kind: ChartKind::Dots { rows },
            scale: self.scale(),
            caption,
        }]
    }

    /// A group's column header: its name, and how many records speak for it when several do.
    fn group_header(&self, g: &super::compare::GroupInfo) -> Text {
        let name = self.who(&g.name);
        if g.records == 1 || self.r.anonymised && g.records < 3 {
            Text::theirs(name)
        } else {
            Text::theirs(name).and(format!(" ({})", g.records))
        }
    }

    fn gap_cells(&self, g: &GapView) -> Vec<Vec<Text>> {
        let mut cells: Vec<Vec<Text>> = g.by_group.iter().map(|v| vec![num(*v)]).collect();
        let mut gap = vec![num(g.gap)];
        if g.diverges {
            gap.push(
                Text::ours(if self.c.flag_sign {
                    self.t("talk-flag")
                } else {
                    self.t("talk-about-this")
                })
                .strong(),
            );
        }
        cells.push(gap);
        cells
    }

    fn groups(&self) -> Option<Part> {
        let r = self.r;
        let p = r.perspectives.as_ref()?;
        let threshold = score_text(p.threshold);
        let mut blocks = vec![para(Text::ours(self.f(
            "groups-intro",
            &[
                ("date", self.date(r.current_date()).into()),
                ("threshold", (&threshold).into()),
            ],
        )))];
        let mut columns = vec![Column {
            header: Text::theirs(r.section_heading()),
            align: Align::Left,
            share: 8,
        }];
        for g in &p.groups {
            columns.push(Column {
                header: self.group_header(g),
                align: Align::Right,
                share: 4,
            });
        }
        columns.push(col(self.t("col-gap"), Align::Right, 5));
        let mut rows: Vec<Row> = p
            .sections
            .iter()
            .map(|s| {
                let mut cells = vec![vec![Text::theirs(s.text.clone())]];
                cells.extend(self.gap_cells(&s.gap));
                cells_row(cells)
            })
            .collect();
        let mut total = vec![vec![Text::theirs(self.overall_name()).strong()]];
        total.extend(self.gap_cells(&p.overall));
        let mut total = cells_row(total);
        total.total = true;
        rows.push(total);
        blocks.push(Block::Table(Table {
            summary: self.mixed(
                "groups-table-summary",
                &[],
                &[("noun", Text::theirs(r.framework.section_noun.clone()))],
            ),
            columns,
            rows,
            row_headers: true,
        }));
        blocks.push(heading(&self.t("talk-about-this")));
        let talk = p.talk_about();
        if talk.is_empty() {
            blocks.push(para(Text::ours(
                self.f("no-talk", &[("threshold", (&threshold).into())]),
            )));
        } else {
            blocks.push(para(Text::ours(
                self.f("talk-intro", &[("threshold", (&threshold).into())]),
            )));
            blocks.push(Block::Table(self.indicator_gaps(&talk)));
        }
        Some(Part {
            kind: PartKind::Groups,
            title: Text::ours(self.t("groups-title")),
            blocks,
        })
    }

    fn indicator_gaps(&self, list: &[&NamedGap]) -> Table {
        let p = self.r.perspectives.as_ref();
        let mut columns = vec![
            col(self.t("col-id"), Align::Left, 2),
            col(self.t("col-indicator"), Align::Left, 10),
        ];
        for g in p.map(|p| p.groups.as_slice()).unwrap_or_default() {
            columns.push(Column {
                header: self.group_header(g),
                align: Align::Right,
                share: 4,
            });
        }
        columns.push(col(self.t("col-gap"), Align::Right, 3));
        Table {
            summary: Text::ours(self.t("gaps-summary")),
            columns,
            rows: list
                .iter()
                .map(|i| {
                    let mut cells = vec![id(&i.id), Text::theirs(i.text.clone())];
                    cells.extend(i.gap.by_group.iter().map(|v| num(*v)));
                    cells.push(num(i.gap.gap));
                    row(cells)
                })
                .collect(),
            row_headers: true,
        }
    }

    fn trend(&self) -> Option<Part> {
        let r = self.r;
        let t = r.trend.as_ref()?;
        let previous = t
            .dates
            .len()
            .checked_sub(2)
            .and_then(|i| t.dates.get(i))
            .map(|d| self.date(d))
            .unwrap_or_default();
        let mut blocks = vec![para(Text::ours(
            self.f("trend-intro", &[("step", t.step.to_string().into())]),
        ))];
        let mut columns = vec![Column {
            header: Text::theirs(r.section_heading()),
            align: Align::Left,
            share: 6,
        }];
        columns.extend(t.dates.iter().map(|d| col(self.date(d), Align::Right, 2)));
        columns.push(col(
            self.f("change-since", &[("date", (&previous).into())]),
            Align::Left,
            4,
        ));
        let series_row = |name: Text, s: &SeriesView| {
            let mut cells = vec![name];
            cells.extend(s.values.iter().map(|v| num(*v)));
            cells.push(match s.change_shown {
                Some(c) => Text::ours(format!(
                    "{} {}",
                    change_text(c),
                    self.direction(s.direction)
                )),
                None => Text::ours("–"),
            });
            row(cells)
        };
        let mut total = series_row(Text::theirs(self.overall_name()).strong(), &t.overall);
        total.total = true;
        let mut rows = vec![total];
        rows.extend(
            t.sections
                .iter()
                .map(|s| series_row(Text::theirs(s.text.clone()), s)),
        );
        blocks.push(Block::Table(Table {
            summary: self.mixed(
                "trend-table-summary",
                &[],
                &[("noun", Text::theirs(r.framework.section_noun.clone()))],
            ),
            columns,
            rows,
            row_headers: true,
        }));
        if self.c.charts {
            let mut panels = vec![Panel {
                title: Text::theirs(self.overall_name()),
                values: t.overall.values.clone(),
            }];
            panels.extend(t.sections.iter().map(|s| Panel {
                title: Text::theirs(s.text.clone()),
                values: s.values.clone(),
            }));
            let dates: Vec<String> = t.dates.iter().map(|d| self.date(d)).collect();
            let overall: Vec<String> = t
                .overall
                .values
                .iter()
                .map(|v| v.map_or_else(|| self.t("trend-no-score"), score_text))
                .collect();
            blocks.push(Block::Chart(Chart {
                alt: Text::ours(self.f(
                    "trend-chart-alt",
                    &[
                        ("overall", self.overall_name().into()),
                        ("noun", (&r.framework.section_noun).into()),
                        ("first", dates.first().cloned().unwrap_or_default().into()),
                        ("last", dates.last().cloned().unwrap_or_default().into()),
                        ("lo", r.framework.scale_min.to_string().into()),
                        ("hi", r.framework.scale_max.to_string().into()),
                        ("values", overall.join(", ").into()),
                    ],
                )),
                kind: ChartKind::Lines {
                    dates: dates.into_iter().map(Text::ours).collect(),
                    panels,
                },
                scale: self.scale(),
                caption: self.axis_caption(),
            }));
        }
        let mut items = Vec::new();
        for (label, d) in [
            ("trend-improved", Direction::Improved),
            ("trend-slipped", Direction::Slipped),
            ("trend-same", Direction::Same),
        ] {
            let moved = t.moved(d);
            let list = if moved.is_empty() {
                Text::ours(self.t("trend-none"))
            } else if d == Direction::Same {
                Text::theirs(
                    moved
                        .iter()
                        .map(|i| i.id.to_uppercase())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .and(format!(
                    " ({})",
                    self.m_of_n(moved.len(), t.indicators.len())
                ))
            } else {
                let mut list = Text::default();
                for (n, i) in moved.iter().enumerate() {
                    if n > 0 {
                        list = list.and(", ");
                    }
                    list = list.and_theirs(i.id.to_uppercase()).and(format!(
                        " ({})",
                        i.change_shown.map(change_text).unwrap_or_default()
                    ));
                }
                list
            };
            items.push(
                Text::ours(self.f(label, &[("date", (&previous).into())]))
                    .and(": ")
                    .strong()
                    .append(list)
                    .and("."),
            );
        }
        blocks.push(Block::List { items });
        Some(Part {
            kind: PartKind::Trend,
            title: Text::ours(self.t("over-time")),
            blocks,
        })
    }

    fn versions(&self) -> Option<Part> {
        let v = self.r.framework_versions.as_ref()?;
        let versions: Vec<String> = v
            .versions
            .iter()
            .map(|x| {
                self.f(
                    "version-records",
                    &[
                        ("version", (&x.version).into()),
                        ("records", self.count("n-records", x.records).into()),
                    ],
                )
            })
            .collect();
        let mut blocks = vec![Block::Note {
            text: self.mixed(
                "versions-note",
                &[],
                &[("versions", Text::theirs(self.and_list(&versions)))],
            ),
        }];
        let ids = |list: Vec<String>| self.and_list(&list);
        let renamings: Vec<String> = v
            .renamed
            .iter()
            .map(|r| {
                self.f(
                    "renaming",
                    &[
                        ("from", r.from.to_uppercase().into()),
                        ("to", r.to.to_uppercase().into()),
                    ],
                )
            })
            .collect();
        if !v.renamed.is_empty() {
            blocks.push(para(self.mixed(
                "renamed",
                &[],
                &[("list", Text::theirs(self.and_list(&renamings)))],
            )));
        }
        if !v.retired.is_empty() {
            let list = ids(v
                .retired
                .iter()
                .map(|r| r.indicator.to_uppercase())
                .collect());
            blocks.push(para(self.mixed(
                "retired",
                &[],
                &[("list", Text::theirs(list))],
            )));
        }
        if !v.new.is_empty() {
            let list = ids(v.new.iter().map(|i| i.to_uppercase()).collect());
            blocks.push(para(self.mixed(
                "new-ids",
                &[],
                &[("list", Text::theirs(list))],
            )));
        }
        Some(Part {
            kind: PartKind::Versions,
            title: Text::ours(self.t("framework-versions")),
            blocks,
        })
    }

    fn section(&self, index: usize) -> Part {
        let r = self.r;
        let s = &r.sections[index];
        let mut blocks = Vec::new();
        if !s.summary.trim().is_empty() {
            blocks.push(para(Text::theirs(s.summary.trim())));
        }
        let mut result = match &s.score {
            Some(v) => self.mixed("score-line", &[], &[("words", self.score_words(v))]),
            None => Text::ours(self.t("score-not-yet")),
        };
        let answered = s.completeness.answered + s.completeness.not_applicable;
        result = result.and(" ").and(if r.is_combined() {
            self.f(
                "answers-from-records",
                &[
                    ("answered", answered.into()),
                    ("total", s.completeness.total.into()),
                    ("records", self.current().len().into()),
                ],
            )
        } else {
            self.f(
                "indicators-answered",
                &[
                    ("answered", answered.into()),
                    ("total", s.completeness.total.into()),
                ],
            )
        });
        if r.is_combined()
            && let Some(st) = &s.stats
        {
            result = result.and(" ").and(self.f(
                "section-spread",
                &[
                    ("min", score_text(st.min).into()),
                    ("max", score_text(st.max).into()),
                    ("spread", score_text(st.spread).into()),
                ],
            ));
        }
        blocks.push(para(result));
        blocks.push(Block::Table(if r.is_combined() {
            self.combined_indicators(index)
        } else {
            self.single_indicators(index)
        }));
        if self.c.charts
            && let Some(chart) = self.votes_chart(index)
        {
            blocks.push(heading("How people voted"));
            blocks.push(Block::Chart(chart));
        }
        if r.is_combined() && self.c.evidence {
            let notes = self.notes(index, |x| x.evidence.as_deref());
            if !notes.is_empty() {
                blocks.push(heading(&self.t("evidence")));
                blocks.push(Block::List { items: notes });
            }
        }
        // The framework's extra note (what young people say) stands apart from the evidence,
        // under the framework's own heading, wherever evidence is shown.
        if self.c.evidence
            && let Some(label) = &r.framework.extra_note
        {
            let notes = self.notes(index, |x| x.extra_note.as_deref());
            if !notes.is_empty() {
                blocks.push(Block::Heading {
                    level: 1,
                    text: Text::theirs(label.clone()),
                });
                blocks.push(Block::List { items: notes });
            }
        }
        Part {
            kind: PartKind::Section(index),
            title: Text::theirs(s.title.clone()),
            blocks,
        }
    }

    /// One note per answer of the latest records to the section's indicators, in framework
    /// order: "WC1, Parent carers: …" (without the record's name when there is one record).
    fn notes(
        &self,
        index: usize,
        pick: impl Fn(&super::Response) -> Option<&str> + Copy,
    ) -> Vec<Text> {
        let r = self.r;
        let labels = self.labels();
        r.sections[index]
            .indicators
            .iter()
            .flat_map(|i| {
                let labels = &labels;
                i.responses
                    .iter()
                    .filter(|x| r.records[x.record].current)
                    .filter_map(move |x| {
                        let e = pick(x)?.trim();
                        (!e.is_empty()).then(|| {
                            let who = if r.is_combined() {
                                id(&i.id)
                                    .and(", ")
                                    .and_theirs_strong(labels[x.record].clone())
                            } else {
                                id(&i.id)
                            };
                            who.and(": ").and_theirs(e)
                        })
                    })
            })
            .collect()
    }

    /// How people voted on this section's indicators before the room agreed, where they voted.
    fn votes_chart(&self, index: usize) -> Option<Chart> {
        let r = self.r;
        let labels = self.labels();
        let combined = r.is_combined();
        let mut rows = Vec::new();
        let mut said = Vec::new();
        for i in &r.sections[index].indicators {
            for x in i.responses.iter().filter(|x| r.records[x.record].current) {
                let Some(d) = &x.votes else { continue };
                let mut label = id(&i.id);
                if combined {
                    label = label.and(", ").and_theirs(labels[x.record].clone());
                }
                let chose: Vec<String> = d
                    .levels
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(v, n)| format!("{n} chose {v}"))
                    .collect();
                let agreed = x.level.map(|v| format!("; agreed {v}")).unwrap_or_default();
                said.push(format!("{}: {}{agreed}.", label.plain(), chose.join(", ")));
                rows.push(VoteRow {
                    label,
                    counts: d.levels.clone(),
                    agreed: x.level,
                });
            }
        }
        if rows.is_empty() {
            return None;
        }
        Some(Chart {
            alt: Text::ours(format!(
                "How many people chose each level before the room agreed, one bar per \
                 indicator. {}",
                said.join(" ")
            )),
            kind: ChartKind::Votes { rows },
            scale: self.scale(),
            caption: Text::ours(
                "Each bar is one indicator's vote: a part per level chosen, as wide as the \
                 number of people who chose it, with the level and the count in it; the level \
                 agreed is outlined.",
            ),
        })
    }

    fn single_indicators(&self, index: usize) -> Table {
        let r = self.r;
        let s = &r.sections[index];
        let mut columns = vec![
            col(self.t("col-id"), Align::Left, 2),
            col(self.t("col-indicator"), Align::Left, 10),
            col(self.t("col-level"), Align::Left, 5),
        ];
        if self.c.evidence {
            columns.push(col(self.t("col-evidence"), Align::Left, 12));
        }
        let rows = s
            .indicators
            .iter()
            .map(|i| {
                let x = r.single_current().and_then(|ri| i.responses.get(ri));
                let level = match x {
                    Some(x) if x.not_applicable => Text::ours(self.t("not-applicable")),
                    Some(x) => match (x.level, &x.level_label) {
                        (Some(v), Some(l)) => Text::ours(format!("{v} "))
                            .strong()
                            .and_theirs(l.to_string()),
                        (Some(v), None) => Text::ours(v.to_string()),
                        _ => Text::ours(self.t("not-answered")),
                    },
                    None => Text::ours(self.t("not-answered")),
                };
                let mut cells = vec![id(&i.id), Text::theirs(i.statement.clone()), level];
                if self.c.evidence {
                    cells.push(
                        x.and_then(|x| x.evidence.as_deref())
                            .map(str::trim)
                            .filter(|e| !e.is_empty())
                            .map(Text::theirs)
                            .unwrap_or_default(),
                    );
                }
                row(cells)
            })
            .collect();
        Table {
            summary: self.mixed(
                "single-table-summary",
                &[],
                &[("section", Text::theirs(s.title.clone()))],
            ),
            columns,
            rows,
            row_headers: true,
        }
    }

    fn combined_indicators(&self, index: usize) -> Table {
        let r = self.r;
        let s = &r.sections[index];
        // Where the groups are compared and there is room, each group's result per indicator;
        // else the range of the records' levels.
        let groups = r.perspectives.as_ref().filter(|_| self.c.per_group_levels);
        let first = r.sections[..index]
            .iter()
            .map(|x| x.indicators.len())
            .sum::<usize>();
        let mut columns = vec![
            col(self.t("col-id"), Align::Left, 2),
            col(self.t("col-indicator"), Align::Left, 10),
            col(self.t("col-score"), Align::Right, 2),
        ];
        match groups {
            Some(p) => {
                for g in &p.groups {
                    columns.push(Column {
                        header: self.group_header(g),
                        align: Align::Right,
                        share: 4,
                    });
                }
                columns.push(col(self.t("col-gap"), Align::Right, 4));
            }
            None => {
                columns.push(col(self.t("col-lowest"), Align::Right, 3));
                columns.push(col(self.t("col-highest"), Align::Right, 3));
            }
        }
        columns.push(col(self.t("col-answers"), Align::Right, 3));
        let rows = s
            .indicators
            .iter()
            .enumerate()
            .map(|(k, i)| {
                let mut cells = vec![
                    vec![id(&i.id)],
                    vec![Text::theirs(i.statement.clone())],
                    vec![num(i.score.as_ref().map(|v| v.value))],
                ];
                match groups {
                    Some(p) => match p.indicators.get(first + k) {
                        Some(g) => cells.extend(self.gap_cells(&g.gap)),
                        None => cells.extend((0..=p.groups.len()).map(|_| vec![num(None)])),
                    },
                    None => {
                        cells.push(vec![num(i.stats.as_ref().map(|st| st.min))]);
                        cells.push(vec![num(i.stats.as_ref().map(|st| st.max))]);
                    }
                }
                cells.push(vec![Text::ours(
                    i.stats.as_ref().map_or(0, |st| st.count).to_string(),
                )]);
                cells_row(cells)
            })
            .collect();
        let what = if groups.is_some() {
            "combined-summary-groups"
        } else {
            "combined-summary-range"
        };
        Table {
            summary: self.mixed(what, &[], &[("section", Text::theirs(s.title.clone()))]),
            columns,
            rows,
            row_headers: true,
        }
    }

    fn action_table(&self, list: &[&ActionItem], summary: &str) -> Table {
        let labels = self.labels();
        let columns = vec![
            col(self.t("col-indicator"), Align::Left, 3),
            col(self.t("col-action"), Align::Left, 10),
            col(self.t("col-owner"), Align::Left, 6),
            col(self.t("col-due"), Align::Left, 4),
            col(self.t("col-status"), Align::Left, 4),
            col(self.t("col-raised-by"), Align::Left, 5),
        ];
        let not_set = || Text::ours(self.t("not-set"));
        let rows = list
            .iter()
            .map(|a| {
                let mut what = vec![Text::theirs(a.what.clone())];
                if let Some(n) = &a.note {
                    what.push(Text::default().with(
                        n.clone(),
                        super::document::Voice::User,
                        super::document::Emphasis::Quiet,
                    ));
                }
                let cells = vec![
                    vec![id(&a.indicator)],
                    what,
                    vec![a.owner.clone().map_or_else(not_set, Text::theirs)],
                    vec![
                        a.due
                            .as_deref()
                            .map_or_else(not_set, |d| Text::ours(self.date(d))),
                    ],
                    vec![Text::ours(self.status(a.status))],
                    vec![Text::theirs(labels[a.record].clone())],
                ];
                Row {
                    cells,
                    total: false,
                    bar: None,
                }
            })
            .collect();
        Table {
            summary: Text::ours(summary),
            columns,
            rows,
            row_headers: true,
        }
    }

    /// An action in a sentence: "WC5 Write a welcome pack (owner: Forum Coordinator; due 31
    /// March 2027; done)".
    fn action_item(&self, a: &ActionItem) -> Text {
        let mut t = id(&a.indicator)
            .and(" ")
            .and_theirs(a.what.clone())
            .and(" (");
        if let Some(o) = &a.owner {
            t = t
                .append(self.mixed("action-owner", &[], &[("owner", Text::theirs(o.clone()))]))
                .and("; ");
        }
        if let Some(d) = &a.due {
            t = t
                .and(self.f("action-due", &[("date", self.date(d).into())]))
                .and("; ");
        }
        t.and(self.status(a.status).to_lowercase()).and(")")
    }

    fn follow_up(&self) -> Option<Part> {
        let r = self.r;
        let a = r.action_progress.as_ref()?;
        let mut blocks = vec![para(Text::ours(self.f(
            "follow-up-counts",
            &[
                ("agreed", self.count("n-actions", a.agreed).into()),
                ("date", self.date(&a.since).into()),
                ("done", a.completed.into()),
                ("open", a.open.into()),
                ("dropped", a.dropped.into()),
                ("unmentioned", a.not_followed_up.into()),
            ],
        )))];
        if !a.not_followed_up_actions.is_empty() {
            blocks.push(heading(&self.t("not-mentioned")));
            blocks.push(Block::List {
                items: a
                    .not_followed_up_actions
                    .iter()
                    .map(|x| self.action_item(x))
                    .collect(),
            });
        }
        blocks.push(heading(&self.t("overdue")));
        let rule = self.f(
            "overdue-rule",
            &[("date", self.date(r.current_date()).into())],
        );
        if a.overdue.is_empty() {
            blocks.push(para(Text::ours(format!(
                "{rule} {}",
                self.t("overdue-none")
            ))));
        } else {
            blocks.push(para(Text::ours(format!(
                "{rule} {}",
                self.count("overdue-some", a.overdue.len())
            ))));
            blocks.push(Block::List {
                items: a.overdue.iter().map(|x| self.action_item(x)).collect(),
            });
        }
        Some(Part {
            kind: PartKind::FollowUp,
            title: Text::ours(self.t("follow-up-title")),
            blocks,
        })
    }

    fn action_plan(&self) -> Part {
        let r = self.r;
        let list: Vec<&ActionItem> = r
            .actions
            .iter()
            .filter(|a| r.records[a.record].current)
            .collect();
        let counts = r.current_actions;
        let date = self.date(r.current_date());
        let mut blocks = Vec::new();
        let plan = |id: &str| {
            self.f(
                id,
                &[
                    ("agreed", self.count("n-actions", counts.agreed).into()),
                    ("date", (&date).into()),
                    ("open", counts.open.into()),
                ],
            )
        };
        if list.is_empty() {
            blocks.push(para(Text::ours(
                self.f("no-actions", &[("date", (&date).into())]),
            )));
        } else if self.c.action_plan {
            blocks.push(para(Text::ours(plan("plan-intro"))));
            blocks.push(Block::Table(
                self.action_table(&list, &self.t("plan-table-summary")),
            ));
        } else {
            blocks.push(para(Text::ours(plan("plan-short"))));
        }
        Part {
            kind: PartKind::ActionPlan,
            title: Text::ours(self.t("action-plan")),
            blocks,
        }
    }

    fn method(&self) -> Part {
        let r = self.r;
        let f = &r.framework;
        let combined = self.t(match r.weight_by {
            crate::score::Weighting::Groups => "method-groups",
            crate::score::Weighting::Records => "method-records",
        });
        let method = self.mixed(
            "method-text",
            &[("combined", combined.into())],
            &[
                ("noun", Text::theirs(f.section_noun.clone())),
                ("overall", Text::theirs(self.overall_name())),
            ],
        );
        let mut blocks = vec![
            para(method),
            para(self.mixed(
                "method-framework",
                &[("fingerprint", (&f.fingerprint).into())],
                &[
                    ("title", Text::theirs(f.title.clone())),
                    ("id", Text::theirs(f.id.clone())),
                    ("version", Text::theirs(f.version.clone())),
                ],
            )),
            heading(&self.t("the-scale")),
            Block::Table(Table {
                summary: Text::ours(self.t("scale-summary")),
                columns: vec![
                    col(self.t("col-level"), Align::Right, 2),
                    col(self.t("col-name"), Align::Left, 5),
                    col(self.t("col-meaning"), Align::Left, 16),
                ],
                rows: f
                    .scale
                    .iter()
                    .map(|l| {
                        row(vec![
                            Text::ours(l.value.to_string()).strong(),
                            Text::theirs(l.label.clone()),
                            Text::theirs(l.meaning.clone()),
                        ])
                    })
                    .collect(),
                row_headers: true,
            }),
        ];
        if !f.bands.is_empty() {
            blocks.push(heading(&self.t("the-bands")));
            blocks.push(Block::Table(Table {
                summary: Text::ours(self.t("bands-summary")),
                columns: vec![
                    col(self.t("col-band"), Align::Left, 5),
                    col(self.t("col-from"), Align::Right, 2),
                    col(self.t("col-to"), Align::Right, 2),
                    col(self.t("col-meaning"), Align::Left, 14),
                ],
                rows: f
                    .bands
                    .iter()
                    .map(|b| {
                        row(vec![
                            Text::theirs(b.label.clone()).strong(),
                            Text::ours(score_text(b.min)),
                            Text::ours(score_text(b.max)),
                            Text::theirs(b.meaning.clone()),
                        ])
                    })
                    .collect(),
                row_headers: true,
            }));
            blocks.push(Block::Note {
                text: Text::ours(self.t("bands-note")),
            });
        }
        blocks.push(heading(&self.t("the-records")));
        blocks.push(Block::Table(Table {
            summary: Text::ours(self.t("records-summary")),
            columns: vec![
                col(self.t("col-scored-by"), Align::Left, 3),
                col(self.t("col-file"), Align::Left, 5),
                col(self.t("col-date"), Align::Left, 2),
                col(
                    self.f("col-own", &[("overall", self.overall_name().into())]),
                    Align::Right,
                    2,
                ),
            ],
            rows: r
                .records
                .iter()
                .map(|x| {
                    row(vec![
                        Text::theirs(self.who(&x.scored_by)),
                        Text::theirs(x.file.clone()),
                        Text::ours(self.date(&x.date)),
                        num(x.overall),
                    ])
                })
                .collect(),
            row_headers: true,
        }));
        Part {
            kind: PartKind::Method,
            title: Text::ours(self.t("method-title")),
            blocks,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::catalog::{CATALOGS, plain_words, words_of};
    use crate::framework::{Framework, Text as FrameworkText};

    fn built_in(language: &str) -> Framework {
        Framework::<FrameworkText>::built_in_file(crate::framework::DEFAULT_ID)
            .expect("built-in")
            .in_language(Some(language))
            .expect("language")
    }
    use crate::record::Record;
    use crate::report::document::{Block, Voice};
    use crate::report::{Input, Report};

    /// The example records of every year, as a report of them would read them.
    fn examples() -> Vec<(String, Record)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut all = Vec::new();
        for year in ["2024", "2025", "2026"] {
            for group in ["parent-carers", "local-authority", "health", "education"] {
                let path = root.join(year).join(format!("{group}.yaml"));
                let loaded = Record::load(&path).expect("example record");
                all.push((format!("{year}/{group}.yaml"), loaded.record));
            }
        }
        all
    }

    fn report_in(language: &str) -> Report {
        let framework = built_in(language);
        let records = examples();
        let inputs: Vec<Input<'_>> = records
            .iter()
            .map(|(file, record)| Input {
                file: file.clone(),
                record,
            })
            .collect();
        Report::build(&framework, &inputs, None)
    }

    #[test]
    fn a_report_names_and_orders_groups_as_its_options_say() {
        let framework = built_in("en-GB");
        let records = examples();
        let inputs: Vec<Input<'_>> = records
            .iter()
            .map(|(file, record)| Input {
                file: file.clone(),
                record,
            })
            .collect();
        let options = crate::report::Options {
            groups: crate::record::Groups::new(
                std::collections::BTreeMap::from([(
                    "health".to_string(),
                    "NHS partners".to_string(),
                )]),
                vec!["health".to_string()],
            ),
            ..crate::report::Options::default()
        };
        let report = Report::build_with(&framework, &inputs, &options);
        assert_eq!(
            report.group_order.first().map(String::as_str),
            Some("health")
        );
        assert_eq!(
            report.turnout.first().map(|t| t.name.as_str()),
            Some("NHS partners")
        );
        let health: Vec<&str> = report
            .records
            .iter()
            .filter(|r| r.group.as_deref() == Some("health"))
            .map(|r| r.scored_by.as_str())
            .collect();
        assert!(!health.is_empty());
        assert!(
            health.iter().all(|s| s.contains("NHS partners")),
            "{health:?}"
        );
        // Built without them, the same records carry coprod's own name and order.
        let plain = Report::build(&framework, &inputs, None);
        assert_eq!(
            plain.group_order.first().map(String::as_str),
            Some("parent-carers")
        );
        assert!(plain.records.iter().all(|r| !r.scored_by.contains("NHS")));
    }

    /// Every text of a document with its voice, headers, cells, facts and charts included.
    fn texts(doc: &Document) -> Vec<&Text> {
        let mut all = vec![&doc.title, &doc.bar_header];
        for part in &doc.parts {
            all.push(&part.title);
            for block in &part.blocks {
                match block {
                    Block::Heading { text, .. }
                    | Block::Paragraph { text }
                    | Block::Note { text } => all.push(text),
                    Block::Facts { facts } => {
                        for f in facts {
                            all.push(&f.label);
                            all.push(&f.value);
                        }
                    }
                    Block::List { items } => all.extend(items),
                    Block::Table(t) => {
                        all.push(&t.summary);
                        all.extend(t.columns.iter().map(|c| &c.header));
                        for r in &t.rows {
                            all.extend(r.cells.iter().flatten());
                        }
                    }
                    Block::Chart(c) => {
                        all.push(&c.caption);
                        all.push(&c.alt);
                    }
                }
            }
        }
        all
    }

    /// Each dot-plot mark's label and series, from the print document's charts.
    fn series_by_label(report: &Report) -> Vec<(String, usize)> {
        let doc = build(report, Medium::Print);
        let mut out = Vec::new();
        for block in doc.parts.iter().flat_map(|p| &p.blocks) {
            if let Block::Chart(c) = block
                && let ChartKind::Dots { rows } = &c.kind
            {
                for d in rows.iter().flat_map(|r| &r.dots) {
                    let mark = (d.label.plain(), d.series);
                    if !out.contains(&mark) {
                        out.push(mark);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn a_group_keeps_its_colour_and_pattern_in_a_year_another_group_is_missing() {
        let framework = built_in("en-GB");
        let records = examples();
        let report_of = |skip: Option<&str>| {
            let inputs: Vec<Input<'_>> = records
                .iter()
                .filter(|(file, _)| Some(file.as_str()) != skip)
                .map(|(file, record)| Input {
                    file: file.clone(),
                    record,
                })
                .collect();
            Report::build(&framework, &inputs, None)
        };
        let all = series_by_label(&report_of(None));
        let without = series_by_label(&report_of(Some("2026/local-authority.yaml")));
        assert_eq!(all.len(), 4, "{all:?}");
        assert_eq!(without.len(), 3, "{without:?}");
        // The local authority sent nothing in 2026: health and education keep the series (and
        // so the colour, hatching and marker) they have when every group took part.
        for mark in &without {
            assert!(all.contains(mark), "{mark:?} not in {all:?}");
        }
        let series: Vec<usize> = without.iter().map(|m| m.1).collect();
        assert_eq!(series, [1, 3, 4], "{without:?}");
    }

    #[test]
    fn a_welsh_report_has_no_english_words_of_coprods_own() {
        let english = words_of(CATALOGS[0].1);
        let welsh = words_of(CATALOGS[1].1);
        // Words of coprod's English that Welsh does not share (Welsh writes "ID", "band", and
        // digits as English does).
        let english_only: BTreeSet<&String> = english.difference(&welsh).collect();
        assert!(english_only.contains(&"the".to_string()));
        let report = report_in("cy");
        for medium in [Medium::Terminal, Medium::Markdown, Medium::Print] {
            let words = Catalog::new("cy");
            let doc = build_in(&report, medium, &words);
            assert_eq!(doc.coprod_language, "cy");
            assert!(
                words.missing().is_empty(),
                "{medium:?}: {:?}",
                words.missing()
            );
            let mut found = Vec::new();
            for text in texts(&doc) {
                for run in text.runs.iter().filter(|r| r.voice == Voice::Coprod) {
                    for w in plain_words(&run.text) {
                        if english_only.contains(&w) {
                            found.push(format!("{w} in “{}”", run.text));
                        }
                    }
                }
            }
            assert!(found.is_empty(), "{medium:?}: English words: {found:#?}");
            // coprod's names of stakeholder groups are Welsh too, wherever they stand.
            for text in texts(&doc) {
                let plain = text.plain();
                for (_, english) in crate::record::KNOWN_GROUPS {
                    assert!(
                        !(plain == *english || plain.starts_with(&format!("{english} ("))),
                        "{medium:?}: {plain}"
                    );
                }
                assert_ne!(plain, "Whole room");
            }
        }
    }

    #[test]
    fn an_english_report_takes_every_word_from_the_english_catalog() {
        let report = report_in("en-GB");
        for medium in [Medium::Terminal, Medium::Markdown, Medium::Print] {
            let words = Catalog::new("en-GB");
            let doc = build_in(&report, medium, &words);
            assert_eq!(doc.coprod_language, "en-GB");
            assert!(
                words.missing().is_empty(),
                "{medium:?}: {:?}",
                words.missing()
            );
        }
    }

    #[test]
    fn a_framework_in_a_language_coprod_does_not_speak_gets_english_words() {
        let text = "id: f\ntitle: Cadre\nversion: '1'\nlanguage: fr\nscale:\n  - {value: 1, label: A}\n  - {value: 2, label: B}\nsections:\n  - id: s\n    title: S\n    indicators:\n      - {id: i, statement: X}\n";
        let f = Framework::parse(&crate::diagnostic::Source::named("f", text)).expect("valid");
        let report = Report::build(&f, &[], None);
        let doc = build(&report, Medium::Markdown);
        assert_eq!(doc.language, "fr");
        assert_eq!(doc.coprod_language, "en-GB");
    }
}
