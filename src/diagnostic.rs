//! Errors that point at a place in a file, rendered rustc-style.
//!
//! Every problem found in a framework, record or answers file becomes a [`Diagnostic`]: the
//! file, a 1-based line and column, what is wrong, and (where we know it) what to do. Rendering
//! uses `annotate-snippets`, so people see the offending line with a caret under it.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A source file kept in memory so that diagnostics can quote it.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name shown to people (the path as they typed it, or `<built-in>`).
    pub name: String,
    /// The whole text of the file.
    pub text: Arc<str>,
    /// Byte offsets where each line starts, found once on first use and shared by every
    /// diagnostic on this file, so that finding a line never reads the file from the top.
    line_starts: Arc<OnceLock<Vec<usize>>>,
}

impl Source {
    /// A source read from `path`, shown under the name the user gave.
    pub fn new(path: &Path, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: path.display().to_string(),
            text: text.into(),
            line_starts: Arc::default(),
        }
    }

    /// A source with an arbitrary display name.
    pub fn named(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            line_starts: Arc::default(),
        }
    }

    /// Byte offsets where each line starts (the first is 0).
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The byte offset where 1-based `line` starts, clamped to the last line.
    fn line_start(&self, line: usize) -> usize {
        let starts = self.line_starts();
        starts[line.clamp(1, starts.len()) - 1]
    }

    /// `pos`, or, when it is past the end of the file (the empty "line" after the final line
    /// break, where parsers report the end of input), the end of the last line, which is
    /// worth quoting.
    fn settle(&self, pos: Pos) -> Pos {
        let starts = self.line_starts();
        if pos.line >= starts.len() && starts.len() > 1 && self.text.ends_with('\n') {
            let line = starts.len() - 1;
            let text = &self.text[starts[line - 1]..self.text.len() - 1];
            let text = text.strip_suffix('\r').unwrap_or(text);
            Pos {
                line,
                column: text.chars().count() + 1,
            }
        } else {
            pos
        }
    }

    /// Lines `first..=last` (1-based, clamped to the file, without the last line's line break)
    /// as a source of their own for quoting under a caret, with every control, bidi and
    /// invisible character replaced by one visible character ([`crate::clean::terminal_char`]),
    /// so columns stay where they were; tabs are left for the snippet renderer to expand.
    /// Returns the excerpt and the number of its first line.
    pub fn excerpt(&self, first: usize, last: usize) -> (Self, usize) {
        let count = self.line_starts().len();
        let first = first.clamp(1, count);
        let last = last.clamp(first, count);
        let start = self.line_start(first);
        let end = if last < count {
            self.line_start(last + 1)
        } else {
            self.text.len()
        };
        let lines = &self.text[start..end];
        let lines = lines.strip_suffix('\n').unwrap_or(lines);
        let lines = lines.strip_suffix('\r').unwrap_or(lines);
        let text: String = lines
            .chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => c,
                c => crate::clean::terminal_char(c),
            })
            .collect();
        (Self::named(self.name.clone(), text), first)
    }

    /// Byte range of the character at 1-based `line` and `column`, clamped to the line.
    ///
    /// The range covers one character (or nothing at the end of a line), which is what a
    /// caret needs. Out-of-range positions are clamped rather than trusted.
    pub fn span_at(&self, line: usize, column: usize) -> Range<usize> {
        let text = &*self.text;
        let start = self.line_start(line);
        let end_of_line = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = &text[start..end_of_line];
        let mut offset = line_text.len();
        let mut char_len = 0;
        for (n, (i, c)) in line_text.char_indices().enumerate() {
            if n + 1 == column.max(1) {
                offset = i;
                char_len = c.len_utf8();
                break;
            }
        }
        let begin = start + offset;
        begin..begin + char_len
    }

    /// The position of the first mapping key `key` at or after `from`, falling back to `from`.
    ///
    /// Used where the parser gives the place of a whole mapping but the problem is one key.
    pub fn key_after(&self, from: Option<Pos>, key: &str) -> Option<Pos> {
        let from = from?;
        let first = from.line.max(1);
        let rest = &self.text[self.line_start(first)..];
        for (n, line) in rest.lines().enumerate().map(|(n, l)| (n + first - 1, l)) {
            let trimmed = line.trim_start();
            let rest = trimmed.trim_start_matches(['{', ',', ' ']);
            if let Some(after) = rest.strip_prefix(key)
                && after.trim_start().starts_with(':')
            {
                let column = line.chars().count() - rest.chars().count() + 1;
                return Some(Pos {
                    line: n + 1,
                    column,
                });
            }
        }
        Some(from)
    }

    /// Byte range of `count` characters from a position, stopping at the end of its line.
    pub fn chars_at(&self, line: usize, column: usize, count: usize) -> Range<usize> {
        let at = self.span_at(line, column);
        let rest = &self.text[at.start..];
        let rest = rest.split(['\r', '\n']).next().unwrap_or(rest);
        let len: usize = rest.chars().take(count).map(char::len_utf8).sum();
        if len == 0 {
            at
        } else {
            at.start..at.start + len
        }
    }

    /// Byte range of the word (a run of non-blank, non-`:` characters) starting at a position.
    pub fn word_at(&self, line: usize, column: usize) -> Range<usize> {
        let at = self.span_at(line, column);
        let rest = &self.text[at.start..];
        // A caret never runs past the end of its line.
        let rest = rest.split('\n').next().unwrap_or(rest);
        let quoted = rest.starts_with('"') || rest.starts_with('\'');
        let len = if quoted {
            let quote = rest.as_bytes()[0] as char;
            rest[1..].find(quote).map_or(rest.len(), |i| i + 2)
        } else {
            rest.find(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == ']' || c == '}')
                .unwrap_or(rest.len())
        };
        if len == 0 {
            at
        } else {
            at.start..at.start + len
        }
    }
}

/// A place in a source file (1-based line and column, in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Pos {
    /// A position from serde-saphyr's location; `None` when the location is unknown.
    pub fn from_location(loc: serde_saphyr::Location) -> Option<Self> {
        let line = usize::try_from(loc.line()).ok()?;
        let column = usize::try_from(loc.column()).ok()?;
        (line > 0).then_some(Self {
            line,
            column: column.max(1),
        })
    }

    /// The position of a placed value, if known.
    pub fn of<T>(placed: &Placed<T>) -> Option<Self> {
        (placed.line > 0).then(|| Self {
            line: placed.line as usize,
            column: (placed.column as usize).max(1),
        })
    }
}

/// A value read from a file, with the line and column it was written at (0 when unknown).
///
/// serde-saphyr's `Spanned` keeps two full locations per value; records hold thousands of these,
/// so only what error messages need is kept. Serialises as the bare value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Placed<T> {
    /// The value itself.
    pub value: T,
    /// 1-based line, or 0 when the value has no place in a file.
    pub line: u32,
    /// 1-based column in characters, or 0 when unknown.
    pub column: u32,
}

/// A value with no known place in a file (for defaults and values built in code).
pub const fn unplaced<T>(value: T) -> Placed<T> {
    Placed {
        value,
        line: 0,
        column: 0,
    }
}

impl<T: Default> Default for Placed<T> {
    fn default() -> Self {
        unplaced(T::default())
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Placed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let at = spanned.referenced;
        Ok(Self {
            value: spanned.value,
            line: u32::try_from(at.line()).unwrap_or(u32::MAX),
            column: u32::try_from(at.column()).unwrap_or(u32::MAX),
        })
    }
}

impl<T: serde::Serialize> serde::Serialize for Placed<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// One problem in one file.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The file the problem is in (absent for problems with no file, such as a built-in).
    pub source: Option<Source>,
    /// Where in the file, if known.
    pub pos: Option<Pos>,
    /// What is wrong, in one line.
    pub message: String,
    /// A short label under the caret.
    pub label: Option<String>,
    /// Other places worth showing (for example the first of two duplicate ids).
    pub also: Vec<(Pos, String)>,
    /// What to do about it.
    pub help: Option<String>,
    /// How many characters to underline at `pos` (a whole CSV cell, say); by default the word
    /// there.
    pub width: Option<usize>,
}

impl Diagnostic {
    /// A problem at a position in a source file.
    pub fn at(source: &Source, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Self {
            source: Some(source.clone()),
            pos,
            message: message.into(),
            label: None,
            also: Vec::new(),
            help: None,
            width: None,
        }
    }

    /// A problem with a file as a whole (no position).
    pub fn file(source: &Source, message: impl Into<String>) -> Self {
        Self::at(source, None, message)
    }

    /// Adds the label printed under the caret.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a second place to show.
    #[must_use]
    pub fn also(mut self, pos: Option<Pos>, label: impl Into<String>) -> Self {
        if let Some(pos) = pos {
            self.also.push((pos, label.into()));
        }
        self
    }

    /// Adds a hint saying what to do.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Underlines `chars` characters from the position (at least one), instead of the word there.
    #[must_use]
    pub fn underline(mut self, chars: usize) -> Self {
        self.width = Some(chars.max(1));
        self
    }

    /// `file:line:column` (or just `file`), for one-line summaries.
    pub fn location(&self) -> String {
        match (&self.source, self.pos) {
            (Some(s), Some(p)) => format!("{}:{}:{}", s.name, p.line, p.column),
            (Some(s), None) => s.name.clone(),
            (None, _) => String::new(),
        }
    }

    /// Renders the diagnostic with a source snippet, optionally with colour.
    ///
    /// Only the lines pointed at are quoted (a place far from the main one gets a snippet of
    /// its own), so the cost does not grow with the size of the file. Every piece of text is
    /// cleaned for the terminal: control, bidi and invisible characters from the file, its name
    /// or the message are shown visibly, never sent raw.
    pub fn render(&self, color: bool) -> String {
        use crate::clean::{terminal, terminal_line, terminal_name};
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let message = terminal_line(&self.message);
        let label = self.label.as_deref().map(terminal_line);
        let error = crate::catalog::say("error-word", &[]);
        let title = Level::ERROR
            .with_name(error.as_str())
            .primary_title(message.as_ref());
        let mut groups = Vec::new();
        match (&self.source, self.pos) {
            (Some(source), Some(pos)) => {
                let pos = source.settle(pos);
                let name = terminal_name(&source.name);
                // Places near the main one share its snippet (the lines between are folded);
                // a far one gets a snippet of its own, so no snippet holds more than a few
                // hundred lines.
                const NEAR: usize = 200;
                let (near, far): (Vec<_>, Vec<_>) = self
                    .also
                    .iter()
                    .map(|(p, l)| (*p, terminal_line(l)))
                    .partition(|(p, _)| p.line.abs_diff(pos.line) <= NEAR);
                let first = near.iter().map(|(p, _)| p.line).fold(pos.line, usize::min);
                let last = near.iter().map(|(p, _)| p.line).fold(pos.line, usize::max);
                let (main, from) = source.excerpt(first, last);
                let at = |p: Pos, ex: &Source, from: usize| {
                    ex.word_at(p.line.saturating_sub(from) + 1, p.column)
                };
                let primary = match self.width {
                    Some(n) => main.chars_at(pos.line.saturating_sub(from) + 1, pos.column, n),
                    None => at(pos, &main, from),
                };
                let mut snippet = Snippet::source(main.text.to_string())
                    .line_start(from)
                    .path(name.to_string())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Primary
                            .span(primary)
                            .label(label.as_deref()),
                    );
                for (p, l) in &near {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(at(*p, &main, from))
                            .label(l.to_string()),
                    );
                }
                let mut group = title.element(snippet);
                for (p, l) in &far {
                    let (ex, from) = source.excerpt(p.line, p.line);
                    group = group.element(
                        Snippet::source(ex.text.to_string())
                            .line_start(from)
                            .path(name.to_string())
                            .fold(true)
                            .annotation(
                                AnnotationKind::Context
                                    .span(at(*p, &ex, from))
                                    .label(l.to_string()),
                            ),
                    );
                }
                groups.push(group);
            }
            (Some(source), None) => {
                groups.push(title.element(annotate_snippets::Origin::path(
                    terminal_name(&source.name).to_string(),
                )));
            }
            (None, _) => groups.push(Group::with_title(title)),
        }
        let help = self.help.as_deref().map(terminal);
        let help_word = crate::catalog::say("help-word", &[]);
        if let Some(help) = &help {
            groups.push(Group::with_title(
                Level::HELP
                    .with_name(help_word.as_str())
                    .secondary_title(help.as_ref()),
            ));
        }
        renderer.render(&groups).to_string()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = crate::clean::terminal_name(&self.location()).into_owned();
        let message = crate::clean::terminal_line(&self.message);
        if location.is_empty() {
            write!(f, "{message}")
        } else {
            write!(f, "{location}: {message}")
        }
    }
}

/// One or more diagnostics about input files; the error type of everything that reads them.
#[derive(Debug, Clone)]
pub struct Diagnostics(pub Vec<Diagnostic>);

/// How many problems are shown in full; the rest are counted. A file with thousands of
/// problems usually has one mistake repeated, and the first few say what it is.
pub const MAX_SHOWN: usize = 50;

impl Diagnostics {
    /// Renders the first [`MAX_SHOWN`] diagnostics, separated by blank lines, with "and N
    /// more" for the rest and a closing count.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in self.0.iter().take(MAX_SHOWN) {
            out.push_str(&d.render(color));
            out.push_str("\n\n");
        }
        if let Some(more) = self.0.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0) {
            out.push_str(&crate::catalog::say(
                "error-more-not-shown",
                &[("n", more.into())],
            ));
            out.push('\n');
        }
        if self.0.len() > 1 {
            out.push_str(&crate::catalog::say(
                "error-problems-found",
                &[("n", self.0.len().into())],
            ));
            out.push('\n');
        }
        out.trim_end().to_string()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Self(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().take(MAX_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if let Some(more) = self.0.len().checked_sub(MAX_SHOWN).filter(|&n| n > 0) {
            write!(f, "\n… and {more} more")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
/// (optimal string alignment), for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The edit distance of `a` and `b` when it is at most `limit`. Texts whose lengths differ by
/// more than `limit` are told apart at once, so the cost stays linear in the longer text's
/// length whatever is compared (a 16 KB header against a statement, say).
pub fn edit_distance_at_most(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.chars().count().abs_diff(b.chars().count()) > limit {
        return None;
    }
    let d = edit_distance(a, b);
    (d <= limit).then_some(d)
}

/// The closest candidate to `word`, if it is close enough to be a likely typo and no other
/// candidate is just as close (then a guess would mislead).
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            edit_distance_at_most(word, c, (c.chars().count() / 3).max(1)).map(|d| (d, c))
        })
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    match scored.as_slice() {
        [(d, best), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => Some(best),
        _ => None,
    }
}

/// Path shown to people: as given, without a leading `./`.
pub fn display_path(path: &Path) -> PathBuf {
    path.strip_prefix("./").unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_at_most_tells_far_lengths_apart_without_comparing() {
        assert_eq!(edit_distance_at_most("indicatr", "indicator", 1), Some(1));
        assert_eq!(edit_distance_at_most("indicatro", "indicator", 1), Some(1));
        assert_eq!(edit_distance_at_most("indicator", "level", 2), None);
        // A text far longer than the limit allows is refused by its length alone: a long
        // header is not compared character by character with every statement.
        let long = "x".repeat(100_000);
        assert_eq!(edit_distance_at_most(&long, "indicator", 3), None);
    }

    #[test]
    fn suggests_close_words_only() {
        let keys = ["indicators", "id", "title", "summary"];
        assert_eq!(suggest("indicatorz", keys), Some("indicators"));
        assert_eq!(suggest("titel", keys), Some("title"));
        assert_eq!(suggest("banana", keys), None);
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        let s = Source::named("x", "a: Siân\nb: ŵ x\n");
        assert_eq!(&s.text[s.span_at(2, 4)], "ŵ");
        assert_eq!(&s.text[s.word_at(1, 4)], "Siân");
        // Past the end of a line: an empty span at the line end, never a panic.
        assert_eq!(s.span_at(1, 99), 8..8);
        assert_eq!(s.span_at(99, 1).start, s.text.len());
    }
}
