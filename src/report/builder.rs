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
use super::{ActionItem, Report, ScoreView, change_text, percent_text, plural, score_text};
use crate::score::compare::Direction;

/// coprod's own words are English for now.
pub const COPROD_LANGUAGE: &str = "en-GB";

/// Builds the document for a medium.
pub fn build(report: &Report, medium: Medium) -> Document {
    let b = Builder {
        r: report,
        c: medium.choices(),
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
        coprod_language: COPROD_LANGUAGE.to_string(),
        parts,
    }
}

/// "12 November 2026" from "2026-11-12"; other text unchanged.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => format!(
            "{} {} {}",
            d.day(),
            MONTHS[usize::try_from(d.month() - 1).unwrap_or(0) % 12],
            d.year()
        ),
        Err(_) => iso.to_string(),
    }
}

/// "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

struct Builder<'a> {
    r: &'a Report,
    c: Choices,
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
fn describe_bars(g: &BarGroup) -> String {
    let bars: Vec<String> = g
        .bars
        .iter()
        .map(|b| match b.value {
            Some(v) => format!("{} {}", b.label.plain(), score_text(v)),
            None => format!("{} no score", b.label.plain()),
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
    fn date(&self, iso: &str) -> String {
        if self.c.long_dates {
            long_date(iso)
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
                match same.iter().position(|&k| k == i) {
                    Some(n) if same.len() > 1 => format!("{} ({})", rec.scored_by, n + 1),
                    _ => rec.scored_by.clone(),
                }
            })
            .collect()
    }

    /// "3.1 out of 5 (53% of the scale) · Established".
    fn score_words(&self, s: &ScoreView) -> Text {
        let t = Text::ours(format!(
            "{} out of {} ({} of the scale)",
            score_text(s.value),
            self.r.framework.scale_max,
            percent_text(s.percent)
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
            let people = if g.people == 1 {
                "1 person".to_string()
            } else {
                format!("{} people", g.people)
            };
            let counts = match (g.responses, g.people) {
                (_, 0) => plural(g.responses, "response"),
                (1, _) => people,
                (n, _) => format!("{}, {people}", plural(n, "response")),
            };
            t = t.and_theirs(g.name.clone()).and(format!(" ({counts})"));
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
                    t = t
                        .and_theirs(label.clone())
                        .and(" (")
                        .and_theirs(e.clone())
                        .and(" edition)");
                }
                None => others += 1,
            }
        }
        match others {
            0 => t,
            1 => t.and("; the other record the standard edition"),
            _ => t.and("; the others the standard edition"),
        }
    }

    fn cover(&self) -> Part {
        let r = self.r;
        let mut blocks = vec![para(Text::ours("Co-production self-evaluation").strong())];
        if let Some(org) = r.organisation.as_deref().filter(|o| !o.trim().is_empty()) {
            blocks.push(para(Text::theirs(org.trim()).strong()));
        }
        if !r.partnerships.is_empty() {
            blocks.push(para(Text::theirs(r.partnerships.join(", "))));
        }
        let dates: Vec<String> = r.dates.iter().map(|d| self.date(d)).collect();
        blocks.push(para(Text::ours(match dates.as_slice() {
            [] => "Not dated".to_string(),
            many => format!("Assessed on {}", and_list(many)),
        })));
        blocks.push(para(
            Text::ours("Framework: ")
                .and_theirs(r.framework.title.clone())
                .and(", version ")
                .and_theirs(r.framework.version.clone()),
        ));
        blocks.push(heading("Who took part"));
        let n = r.records.len();
        let intro = if r.dates.len() > 1 {
            format!(
                "This report covers {n} records from {} assessments. The scores describe the \
                 latest, on {}; the earlier ones show what changed.",
                r.dates.len(),
                self.date(r.current_date())
            )
        } else if n > 1 {
            format!(
                "This report combines {n} records, each scored by one group or by the whole room."
            )
        } else {
            "This report is based on one record.".to_string()
        };
        blocks.push(para(Text::ours(intro)));
        blocks.push(Block::Table(Table {
            summary: Text::ours(
                "Who scored each record, when, and how many indicators they answered.",
            ),
            columns: vec![
                col("Scored by", Align::Left, 5),
                col("Date", Align::Left, 3),
                col("Indicators answered", Align::Right, 5),
            ],
            rows: r
                .records
                .iter()
                .map(|rec| {
                    row(vec![
                        Text::theirs(rec.scored_by.clone()),
                        Text::ours(self.date(&rec.date)),
                        Text::ours(format!(
                            "{} of {}",
                            rec.completeness.answered + rec.completeness.not_applicable,
                            rec.completeness.total
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
            let mut line = Text::theirs(r.framework.title.clone())
                .and(" (version ")
                .and_theirs(r.framework.version.clone())
                .and(") · ");
            if !r.partnerships.is_empty() {
                line = line.and_theirs(r.partnerships.join(", ")).and(" · ");
            }
            let dates: Vec<String> = r.dates.iter().map(|d| self.date(d)).collect();
            line = line.and(format!(
                "{} · {}",
                plural(r.records.len(), "record"),
                dates.join(", ")
            ));
            if let Some(org) = r.organisation.as_deref().filter(|o| !o.trim().is_empty()) {
                blocks.push(para(Text::theirs(org.trim())));
            }
            blocks.push(para(line));
        }
        let overall = match &r.overall {
            Some(s) => self.score_words(s).strong(),
            None => Text::ours("no indicators scored yet"),
        };
        let c = &r.completeness;
        let mut facts = vec![
            Fact {
                label: Text::theirs(r.overall_name()),
                value: overall,
            },
            Fact {
                label: Text::ours("Completeness"),
                value: Text::ours(format!(
                    "{} of {} answered · {} not applicable · {} unanswered ({} complete)",
                    c.answered,
                    c.total,
                    c.not_applicable,
                    c.unanswered,
                    percent_text(c.percent_complete)
                )),
            },
            Fact {
                label: Text::ours("Scored by"),
                value: self
                    .turnout()
                    .and(format!(" on {}", self.date(r.current_date()))),
            },
        ];
        if r.records.iter().any(|x| x.edition.is_some()) {
            facts.push(Fact {
                label: Text::ours("Editions"),
                value: self.editions(),
            });
        }
        if r.is_combined()
            && let Some(st) = &r.overall_stats
        {
            facts.push(Fact {
                label: Text::ours("Range"),
                value: Text::ours(format!(
                    "the records' own results run from {} to {}, a spread of {}",
                    score_text(st.min),
                    score_text(st.max),
                    score_text(st.spread)
                )),
            });
        }
        if r.partnerships.len() > 1 {
            facts.push(Fact {
                label: Text::ours("Partnerships combined"),
                value: Text::theirs(r.partnerships.join(", ")),
            });
        }
        if r.dates.len() > 1 {
            let earlier: Vec<String> = r.dates[..r.dates.len() - 1]
                .iter()
                .map(|d| self.date(d))
                .collect();
            facts.push(Fact {
                label: Text::ours("Earlier assessments"),
                value: Text::ours(format!("{} (see “Over time”)", earlier.join(", "))),
            });
        }
        blocks.push(Block::Facts { facts });

        let noun = r.section_heading();
        blocks.push(heading(&format!("{noun} results")));
        blocks.push(Block::Table(self.section_results()));
        if self.c.charts {
            blocks.extend(self.charts().into_iter().map(Block::Chart));
        }
        for (title, list, more) in [
            ("Strengths", &r.strengths, r.strengths_more_tied),
            ("Priorities", &r.priorities, r.priorities_more_tied),
        ] {
            blocks.push(heading(title));
            if list.is_empty() {
                blocks.push(para(Text::ours("None yet: too few indicators scored.")));
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
                items.push(Text::ours(format!(
                    "… and {} more at {}",
                    more,
                    score_text(last.score)
                )));
            }
            blocks.push(Block::List { items });
        }
        Part {
            kind: PartKind::Summary,
            title: Text::ours("Summary"),
            blocks,
        }
    }

    fn section_results(&self) -> Table {
        let r = self.r;
        let combined = r.is_combined();
        let mut columns = vec![
            col(r.section_heading(), Align::Left, 8),
            col("Score", Align::Right, 3),
            col("% of scale", Align::Right, 3),
            col("Band", Align::Left, 5),
        ];
        if combined {
            columns.push(col("Lowest record", Align::Right, 3));
            columns.push(col("Highest record", Align::Right, 3));
        }
        columns.push(col("Answered", Align::Right, 4));
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
                        Text::ours("not scored"),
                    ],
                };
                if combined {
                    cells.push(num(s.stats.as_ref().map(|st| st.min)));
                    cells.push(num(s.stats.as_ref().map(|st| st.max)));
                }
                cells.push(Text::ours(format!(
                    "{} of {}",
                    s.completeness.answered + s.completeness.not_applicable,
                    s.completeness.total
                )));
                let mut row = row(cells);
                row.bar = Some(s.score.as_ref().map_or(0.0, |v| v.percent));
                row
            })
            .collect();
        Table {
            summary: Text::ours(format!(
                "Each {}'s score, its percentage of the scale, its band and how many indicators \
                 were answered.",
                r.framework.section_noun
            )),
            columns,
            rows,
            row_headers: true,
        }
    }

    /// "Score: 1 = Not yet, 5 = Embedded".
    fn axis_caption(&self) -> Text {
        let scale = &self.r.framework.scale;
        match (scale.first(), scale.last()) {
            (Some(lo), Some(hi)) if scale.len() > 1 => {
                Text::ours(format!("Score: {} = ", lo.value))
                    .and_theirs(lo.label.clone())
                    .and(format!(", {} = ", hi.value))
                    .and_theirs(hi.label.clone())
            }
            _ => Text::ours("Score"),
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
        let results = format!("“{} results”", r.section_heading());
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
            let described = describe_bars(&group);
            return vec![Chart {
                alt: Text::ours(format!(
                    "Bar chart of {noun} scores on a scale from {lo} to {hi}: {described} The \
                     table {results} above has the same numbers."
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
        let marks: Vec<(String, Vec<Option<f64>>)> = match &r.perspectives {
            Some(p) => p
                .groups
                .iter()
                .enumerate()
                .map(|(g, info)| {
                    (
                        info.name.clone(),
                        p.sections
                            .iter()
                            .map(|s| s.gap.by_group.get(g).copied().flatten())
                            .collect(),
                    )
                })
                .collect(),
            None => now
                .iter()
                .map(|&i| (labels[i].clone(), r.records[i].sections.clone()))
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
                    .enumerate()
                    .map(|(n, (name, values))| Dot {
                        label: Text::theirs(name.clone()),
                        value: values.get(j).copied().flatten(),
                        series: n + 1,
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
                let mut title = Text::theirs(s.title.clone()).and(format!(
                    " · combined {}",
                    s.score
                        .as_ref()
                        .map_or_else(|| "not scored".to_string(), |v| score_text(v.value))
                ));
                if let (Some(l), Some(h)) = (low, high)
                    && let (Some(lv), Some(hv)) = (l.value, h.value)
                {
                    title = title.and(format!(" · gap {}", score_text(hv - lv)));
                    spans.push(format!(
                        "{}: from {} ({}) to {} ({}).",
                        s.title,
                        score_text(lv),
                        l.label.plain(),
                        score_text(hv),
                        h.label.plain()
                    ));
                } else {
                    spans.push(format!("{}: not scored.", s.title));
                }
                DotRow { title, dots }
            })
            .collect();
        let who = if r.perspectives.is_some() {
            "group"
        } else {
            "record"
        };
        vec![Chart {
            alt: Text::ours(format!(
                "Dot plot of each {who}'s result per {noun} on a scale from {lo} to {hi}, with the \
                 range from the lowest to the highest. {} The table {results} above and \
                 “Views by stakeholder group” have every number.",
                spans.join(" ")
            )),
            kind: ChartKind::Dots { rows },
            scale: self.scale(),
            caption,
        }]
    }

    /// A group's column header: its name, and how many records speak for it when several do.
    fn group_header(&self, g: &super::compare::GroupInfo) -> Text {
        if g.records == 1 || self.r.anonymised && g.records < 3 {
            Text::theirs(g.name.clone())
        } else {
            Text::theirs(g.name.clone()).and(format!(" ({})", g.records))
        }
    }

    fn gap_cells(&self, g: &GapView) -> Vec<Vec<Text>> {
        let mut cells: Vec<Vec<Text>> = g.by_group.iter().map(|v| vec![num(*v)]).collect();
        let mut gap = vec![num(g.gap)];
        if g.diverges {
            gap.push(
                Text::ours(if self.c.flag_sign {
                    "⚑ talk about this"
                } else {
                    "Talk about this"
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
        let mut blocks = vec![para(Text::ours(format!(
            "Each group's result on {}; the gap is the highest minus the lowest. A gap of \
             {threshold} levels or more is marked “talk about this”: the groups see it \
             differently.",
            self.date(r.current_date())
        )))];
        let mut columns = vec![col(r.section_heading(), Align::Left, 8)];
        for g in &p.groups {
            columns.push(Column {
                header: self.group_header(g),
                align: Align::Right,
                share: 4,
            });
        }
        columns.push(col("Gap", Align::Right, 5));
        let mut rows: Vec<Row> = p
            .sections
            .iter()
            .map(|s| {
                let mut cells = vec![vec![Text::theirs(s.text.clone())]];
                cells.extend(self.gap_cells(&s.gap));
                cells_row(cells)
            })
            .collect();
        let mut total = vec![vec![Text::theirs(r.overall_name()).strong()]];
        total.extend(self.gap_cells(&p.overall));
        let mut total = cells_row(total);
        total.total = true;
        rows.push(total);
        blocks.push(Block::Table(Table {
            summary: Text::ours(format!(
                "Each stakeholder group's result per {} and overall, and the gap between the \
                 highest and lowest.",
                r.framework.section_noun
            )),
            columns,
            rows,
            row_headers: true,
        }));
        blocks.push(heading("Talk about this"));
        let talk = p.talk_about();
        if talk.is_empty() {
            blocks.push(para(Text::ours(format!(
                "No indicator's group results differ by {threshold} levels or more."
            ))));
        } else {
            blocks.push(para(Text::ours(format!(
                "Group results differ by {threshold} levels or more on these indicators, widest \
                 gap first:"
            ))));
            blocks.push(Block::Table(self.indicator_gaps(&talk)));
        }
        Some(Part {
            kind: PartKind::Groups,
            title: Text::ours("Views by stakeholder group"),
            blocks,
        })
    }

    fn indicator_gaps(&self, list: &[&NamedGap]) -> Table {
        let p = self.r.perspectives.as_ref();
        let mut columns = vec![col("ID", Align::Left, 2), col("Indicator", Align::Left, 10)];
        for g in p.map(|p| p.groups.as_slice()).unwrap_or_default() {
            columns.push(Column {
                header: self.group_header(g),
                align: Align::Right,
                share: 4,
            });
        }
        columns.push(col("Gap", Align::Right, 3));
        Table {
            summary: Text::ours(
                "Indicators the stakeholder groups scored far apart: each group's result and the \
                 gap.",
            ),
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
        let mut blocks = vec![para(Text::ours(format!(
            "The combined result at each assessment, earliest first. The change is the \
             difference of the scores as shown; a change of less than {} of a level either way \
             counts as about the same.",
            t.step
        )))];
        let mut columns = vec![col(r.section_heading(), Align::Left, 6)];
        columns.extend(t.dates.iter().map(|d| col(self.date(d), Align::Right, 2)));
        columns.push(col(format!("Change since {previous}"), Align::Left, 4));
        let series_row = |name: Text, s: &SeriesView| {
            let mut cells = vec![name];
            cells.extend(s.values.iter().map(|v| num(*v)));
            cells.push(match s.change_shown {
                Some(c) => Text::ours(format!(
                    "{} {}",
                    change_text(c),
                    super::direction_text(s.direction)
                )),
                None => Text::ours("–"),
            });
            row(cells)
        };
        let mut total = series_row(Text::theirs(r.overall_name()).strong(), &t.overall);
        total.total = true;
        let mut rows = vec![total];
        rows.extend(
            t.sections
                .iter()
                .map(|s| series_row(Text::theirs(s.text.clone()), s)),
        );
        blocks.push(Block::Table(Table {
            summary: Text::ours(format!(
                "The overall result and each {}'s result at each assessment, and the change \
                 since the one before the latest.",
                r.framework.section_noun
            )),
            columns,
            rows,
            row_headers: true,
        }));
        if self.c.charts {
            let mut panels = vec![Panel {
                title: Text::theirs(r.overall_name()),
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
                .map(|v| v.map_or_else(|| "no score".to_string(), score_text))
                .collect();
            blocks.push(Block::Chart(Chart {
                alt: Text::ours(format!(
                    "Small line charts, one for {} and one per {}, of the result at each \
                     assessment from {} to {}, on a scale from {} to {}. {}: {}. Every number is \
                     in the table above.",
                    r.overall_name(),
                    r.framework.section_noun,
                    dates.first().cloned().unwrap_or_default(),
                    dates.last().cloned().unwrap_or_default(),
                    r.framework.scale_min,
                    r.framework.scale_max,
                    r.overall_name(),
                    overall.join(", ")
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
            ("Improved", Direction::Improved),
            ("Slipped", Direction::Slipped),
            ("About the same", Direction::Same),
        ] {
            let moved = t.moved(d);
            let list = if moved.is_empty() {
                Text::ours("none")
            } else if d == Direction::Same {
                Text::theirs(
                    moved
                        .iter()
                        .map(|i| i.id.to_uppercase())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .and(format!(" ({} of {})", moved.len(), t.indicators.len()))
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
                Text::ours(format!("{label} since {previous}: "))
                    .strong()
                    .append(list)
                    .and("."),
            );
        }
        blocks.push(Block::List { items });
        Some(Part {
            kind: PartKind::Trend,
            title: Text::ours("Over time"),
            blocks,
        })
    }

    fn versions(&self) -> Option<Part> {
        let v = self.r.framework_versions.as_ref()?;
        let versions: Vec<String> = v
            .versions
            .iter()
            .map(|x| format!("version {} ({})", x.version, plural(x.records, "record")))
            .collect();
        let mut blocks = vec![Block::Note {
            text: Text::ours("The records were made with different versions of the framework: ")
                .and_theirs(and_list(&versions))
                .and(". They are compared indicator by indicator."),
        }];
        let ids = |list: Vec<String>| and_list(&list);
        if !v.renamed.is_empty() {
            blocks.push(para(
                Text::ours("Renamed, with earlier answers counted under the new id: ")
                    .and_theirs(and_list(&v.renaming_words()))
                    .and("."),
            ));
        }
        if !v.retired.is_empty() {
            blocks.push(para(
                Text::ours("No longer in the framework, so left out of every score: ")
                    .and_theirs(ids(v
                        .retired
                        .iter()
                        .map(|r| r.indicator.to_uppercase())
                        .collect()))
                    .and("."),
            ));
        }
        if !v.new.is_empty() {
            blocks.push(para(
                Text::ours(
                    "Not answered in the earlier versions' records (new, or not scored then): ",
                )
                .and_theirs(ids(v.new.iter().map(|i| i.to_uppercase()).collect()))
                .and("."),
            ));
        }
        Some(Part {
            kind: PartKind::Versions,
            title: Text::ours("Framework versions"),
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
            Some(v) => Text::ours("Score: ").append(self.score_words(v)).and("."),
            None => Text::ours("Score: not scored yet."),
        };
        let answered = s.completeness.answered + s.completeness.not_applicable;
        result = if r.is_combined() {
            result.and(format!(
                " {answered} of {} answers from {} records.",
                s.completeness.total,
                self.current().len()
            ))
        } else {
            result.and(format!(
                " {answered} of {} indicators answered.",
                s.completeness.total
            ))
        };
        if r.is_combined()
            && let Some(st) = &s.stats
        {
            result = result.and(format!(
                " The records' own scores run from {} to {}, a spread of {}.",
                score_text(st.min),
                score_text(st.max),
                score_text(st.spread)
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
                blocks.push(heading("Evidence"));
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
            col("ID", Align::Left, 2),
            col("Indicator", Align::Left, 10),
            col("Level", Align::Left, 5),
        ];
        if self.c.evidence {
            columns.push(col("Evidence", Align::Left, 12));
        }
        let rows = s
            .indicators
            .iter()
            .map(|i| {
                let x = r.single_current().and_then(|ri| i.responses.get(ri));
                let level = match x {
                    Some(x) if x.not_applicable => Text::ours("Not applicable"),
                    Some(x) => match (x.level, &x.level_label) {
                        (Some(v), Some(l)) => Text::ours(format!("{v} "))
                            .strong()
                            .and_theirs(l.to_string()),
                        (Some(v), None) => Text::ours(v.to_string()),
                        _ => Text::ours("Not answered"),
                    },
                    None => Text::ours("Not answered"),
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
            summary: Text::ours("Indicators of ")
                .and_theirs(s.title.clone())
                .and(": each statement, the level chosen and the evidence noted."),
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
            col("ID", Align::Left, 2),
            col("Indicator", Align::Left, 10),
            col("Score", Align::Right, 2),
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
                columns.push(col("Gap", Align::Right, 4));
            }
            None => {
                columns.push(col("Lowest", Align::Right, 3));
                columns.push(col("Highest", Align::Right, 3));
            }
        }
        columns.push(col("Answers", Align::Right, 3));
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
            "each statement's combined score, each group's result and the gap between them, \
             and how many records gave a level."
        } else {
            "each statement's combined score, the lowest and highest level given, and how many \
             records gave a level."
        };
        Table {
            summary: Text::ours("Indicators of ")
                .and_theirs(s.title.clone())
                .and(format!(": {what}")),
            columns,
            rows,
            row_headers: true,
        }
    }

    fn action_table(&self, list: &[&ActionItem], summary: &str) -> Table {
        let labels = self.labels();
        let columns = vec![
            col("Indicator", Align::Left, 3),
            col("Action", Align::Left, 10),
            col("Owner", Align::Left, 6),
            col("Due", Align::Left, 4),
            col("Status", Align::Left, 4),
            col("Raised by", Align::Left, 5),
        ];
        let not_set = || Text::ours("Not set");
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
                    vec![Text::ours(a.status.label())],
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
            t = t.and("owner: ").and_theirs(o.clone()).and("; ");
        }
        if let Some(d) = &a.due {
            t = t.and(format!("due {}; ", self.date(d)));
        }
        t.and(a.status.label().to_lowercase()).and(")")
    }

    fn follow_up(&self) -> Option<Part> {
        let r = self.r;
        let a = r.action_progress.as_ref()?;
        let mut blocks = vec![para(Text::ours(format!(
            "Of the {} agreed on {}: {} done or embedded, {} still open, {} dropped and {} not \
             mentioned this time.",
            plural(a.agreed, "action"),
            self.date(&a.since),
            a.completed,
            a.open,
            a.dropped,
            a.not_followed_up
        )))];
        if !a.not_followed_up_actions.is_empty() {
            blocks.push(heading("Not mentioned this time"));
            blocks.push(Block::List {
                items: a
                    .not_followed_up_actions
                    .iter()
                    .map(|x| self.action_item(x))
                    .collect(),
            });
        }
        blocks.push(heading("Overdue"));
        let rule = format!(
            "An action is overdue when it was agreed at an earlier assessment, was due before {}, \
             and is not done, embedded or dropped.",
            self.date(r.current_date())
        );
        if a.overdue.is_empty() {
            blocks.push(para(Text::ours(format!("{rule} None is overdue."))));
        } else {
            blocks.push(para(Text::ours(format!(
                "{rule} {} overdue:",
                if a.overdue.len() == 1 {
                    "One is".to_string()
                } else {
                    format!("{} are", a.overdue.len())
                }
            ))));
            blocks.push(Block::List {
                items: a.overdue.iter().map(|x| self.action_item(x)).collect(),
            });
        }
        Some(Part {
            kind: PartKind::FollowUp,
            title: Text::ours("You said, we did"),
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
        if list.is_empty() {
            blocks.push(para(Text::ours(format!(
                "No actions were agreed on {date}."
            ))));
        } else if self.c.action_plan {
            blocks.push(para(Text::ours(format!(
                "{} agreed on {date}, {} still open, in framework order, with who raised each.",
                plural(counts.agreed, "action"),
                counts.open
            ))));
            blocks.push(Block::Table(self.action_table(
                &list,
                "The action plan: each action, its owner, due date and status, and who raised it.",
            )));
        } else {
            blocks.push(para(Text::ours(format!(
                "{} agreed on {date}, {} still open. Use --format markdown for evidence and the \
                 action plan.",
                plural(counts.agreed, "action"),
                counts.open
            ))));
        }
        Part {
            kind: PartKind::ActionPlan,
            title: Text::ours("Action plan"),
            blocks,
        }
    }

    fn method(&self) -> Part {
        let r = self.r;
        let f = &r.framework;
        let mut blocks = vec![
            para(Text::ours(method_text(r))),
            para(
                Text::ours("Framework: ")
                    .and_theirs(f.title.clone())
                    .and(" (id ")
                    .and_theirs(f.id.clone())
                    .and(", version ")
                    .and_theirs(f.version.clone())
                    .and(format!(", fingerprint {})", f.fingerprint)),
            ),
            heading("The scale"),
            Block::Table(Table {
                summary: Text::ours("The rating scale: each level's value, name and meaning."),
                columns: vec![
                    col("Level", Align::Right, 2),
                    col("Name", Align::Left, 5),
                    col("Meaning", Align::Left, 16),
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
            blocks.push(heading("The bands"));
            blocks.push(Block::Table(Table {
                summary: Text::ours(
                    "The bands that name a result: from (inclusive), to (exclusive, except the \
                     top band) and meaning.",
                ),
                columns: vec![
                    col("Band", Align::Left, 5),
                    col("From", Align::Right, 2),
                    col("To", Align::Right, 2),
                    col("Meaning", Align::Left, 14),
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
                text: Text::ours(
                    "A band runs from its lower bound up to, but not including, its upper bound; \
                     the top band includes the highest score. Bands are decided on the exact \
                     score, before rounding.",
                ),
            });
        }
        blocks.push(heading("The records"));
        blocks.push(Block::Table(Table {
            summary: Text::ours(
                "The record files this report was made from, who scored each, its date and its \
                 own overall result.",
            ),
            columns: vec![
                col("Scored by", Align::Left, 3),
                col("File", Align::Left, 5),
                col("Date", Align::Left, 2),
                col(format!("Own {}", r.overall_name()), Align::Right, 2),
            ],
            rows: r
                .records
                .iter()
                .map(|x| {
                    row(vec![
                        Text::theirs(x.scored_by.clone()),
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
            title: Text::ours("How the scores are worked out"),
            blocks,
        }
    }
}

/// How the scores are worked out, in words: the same paragraph in every format that explains
/// its method.
fn method_text(report: &Report) -> String {
    let noun = &report.framework.section_noun;
    let overall = report.overall_name();
    let combined = match report.weight_by {
        super::Weighting::Groups => {
            "With several records, each stakeholder group counts the same: a group's result \
             for an indicator is the mean of its records' levels, and the combined result is \
             the mean of the groups' results (so a group that sent more records does not \
             outweigh the others)."
        }
        super::Weighting::Records => {
            "With several records, each indicator's combined result is the mean of all the \
             records' levels, so a group that sent more records weighs more (--weight-by \
             records)."
        }
    };
    format!(
        "Each indicator scores the value of the level chosen. Not applicable and unanswered \
         indicators are left out of every average. A {noun}'s score is the mean of its answered \
         indicators; the {overall} score is the mean of the {noun}s. {combined} Scores are \
         shown to one decimal place and percentages of the scale to the nearest whole number; \
         a change over time is the difference of the scores as shown."
    )
}
