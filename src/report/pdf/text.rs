//! Fonts, shaping and line breaking.
//!
//! Text is shaped with rustybuzz, the shaper behind krilla's own `draw_text`, and the positioned
//! glyphs are handed to krilla unchanged. The widths measured here are therefore exactly the
//! widths drawn, which is what lets the layout wrap lines, align numbers and count pages before
//! anything is drawn.

use std::ops::Range;

use krilla::text::{Font, GlyphId, KrillaGlyph};

/// The two weights of Noto Sans the report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Noto Sans Regular.
    Regular,
    /// Noto Sans Bold.
    Bold,
}

/// A colour, as 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// One font: the copy krilla embeds and the copy rustybuzz shapes with.
pub struct Face {
    /// The font as krilla embeds it (subset on export).
    pub font: Font,
    shaper: rustybuzz::Face<'static>,
    units_per_em: f32,
    replacement: char,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Self> {
        let shaper = rustybuzz::Face::from_slice(data, 0)?;
        let font = Font::new(data.into(), 0)?;
        let units_per_em = shaper.units_per_em() as f32;
        let replacement = if shaper.glyph_index('\u{FFFD}').is_some_and(|g| g.0 != 0) {
            '\u{FFFD}'
        } else {
            '?'
        };
        Some(Self {
            font,
            shaper,
            units_per_em,
            replacement,
        })
    }

    /// Whether the font can draw this character (glyph 0 is `.notdef`, the empty box).
    fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some_and(|g| g.0 != 0)
    }
}

/// Noto Sans Regular and Bold, embedded in the binary.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Loads the embedded fonts; `None` only if the embedded data were corrupt.
    pub fn load() -> Option<Self> {
        Some(Self {
            regular: Face::load(ttf_noto_sans::REGULAR)?,
            bold: Face::load(ttf_noto_sans::BOLD)?,
        })
    }

    /// The face of a weight.
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Shapes a piece of text that contains no line breaks.
    pub fn shape(&self, text: &str, weight: Weight, size: f32, color: Rgb) -> Shaped {
        let face = self.face(weight);
        let text = clean(text, face);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&text);
        buffer.guess_segment_properties();
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let output = rustybuzz::shape(&face.shaper, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let upem = face.units_per_em;
        let glyphs = infos
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(i, (info, pos))| {
                let start = info.cluster as usize;
                // A cluster ends where the next different cluster starts.
                let end = infos[i + 1..]
                    .iter()
                    .map(|n| n.cluster as usize)
                    .find(|&c| c != start)
                    .unwrap_or(text.len());
                KrillaGlyph::new(
                    GlyphId::new(info.glyph_id),
                    pos.x_advance as f32 / upem,
                    pos.x_offset as f32 / upem,
                    pos.y_offset as f32 / upem,
                    pos.y_advance as f32 / upem,
                    start..end,
                    None,
                )
            })
            .collect();
        Shaped {
            text,
            weight,
            size,
            color,
            glyphs,
        }
    }

    /// The width of a single line of text.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let shaped = self.shape(text, weight, size, Rgb(0, 0, 0));
        shaped.advance(0..shaped.glyphs.len())
    }
}

/// Makes text safe to draw: tabs become spaces, control and invisible formatting characters go,
/// and a character the font cannot draw becomes U+FFFD (never the font's `.notdef` glyph, which
/// PDF/UA forbids).
fn clean(text: &str, face: &Face) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}' => None,
            c if c.is_control() => None,
            c if face.covers(c) => Some(c),
            // Plain stand-ins for typographic variants the font lacks.
            '\u{2010}' | '\u{2011}' => Some('-'),
            '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' => {
                Some(' ')
            }
            _ => Some(face.replacement),
        })
        .collect()
}

/// A shaped piece of text, all in one font, size and colour.
pub struct Shaped {
    /// The text as drawn (see [`clean`]).
    pub text: String,
    /// Its weight.
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    /// Its colour.
    pub color: Rgb,
    /// Glyphs, advances in ems, clusters as byte ranges of `text`.
    pub glyphs: Vec<KrillaGlyph>,
}

impl Shaped {
    /// The advance of a range of glyphs, in points.
    pub fn advance(&self, glyphs: Range<usize>) -> f32 {
        self.glyphs[glyphs].iter().map(|g| g.x_advance).sum::<f32>() * self.size
    }

    fn is_space(&self, glyph: usize) -> bool {
        let r = &self.glyphs[glyph].text_range;
        self.text
            .get(r.clone())
            .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c == ' '))
    }
}

/// A run of text in a paragraph, before shaping.
#[derive(Debug, Clone)]
pub struct Span {
    /// The words; `\n` is a line break.
    pub text: String,
    /// Regular or bold.
    pub weight: Weight,
    /// Its colour.
    pub color: Rgb,
}

/// Part of a line: a range of glyphs of one shaped run.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Index of the shaped run in the arena.
    pub shaped: usize,
    /// Its glyphs.
    pub glyphs: Range<usize>,
    /// Its advance in points.
    pub width: f32,
}

/// A laid-out line of text.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// What to draw, left to right. Spaces at the end are kept (they help copy and paste) but
    /// do not count in `width`.
    pub pieces: Vec<Piece>,
    /// The visible width in points.
    pub width: f32,
}

impl Line {
    /// Appends a piece, joining it to the last one when they are neighbours in the same run
    /// (so a line of one run is drawn with one text operation). Does not change `width`.
    fn push(&mut self, piece: Piece) {
        match self.pieces.last_mut() {
            Some(last) if last.shaped == piece.shaped && last.glyphs.end == piece.glyphs.start => {
                last.glyphs.end = piece.glyphs.end;
                last.width += piece.width;
            }
            _ => self.pieces.push(piece),
        }
    }

    /// The line's text, for tests.
    #[cfg(test)]
    pub fn text(&self, arena: &[Shaped]) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            let s = &arena[p.shaped];
            let mut last = None;
            for g in &s.glyphs[p.glyphs.clone()] {
                // Several glyphs can share one cluster; take its text once.
                if last != Some(g.text_range.start) {
                    out.push_str(s.text.get(g.text_range.clone()).unwrap_or_default());
                    last = Some(g.text_range.start);
                }
            }
        }
        out
    }
}

/// A stretch of glyphs between break opportunities.
enum Token {
    Glyphs { piece: Piece, space: bool },
    Break,
}

/// Shapes `spans` into `arena` and breaks them into lines no wider than `width` points.
///
/// Lines break at spaces and at `\n`; a word wider than the line is split between clusters.
pub fn wrap(
    fonts: &Fonts,
    arena: &mut Vec<Shaped>,
    spans: &[Span],
    size: f32,
    width: f32,
) -> Vec<Line> {
    let mut tokens = Vec::new();
    for span in spans {
        for (n, part) in span.text.split('\n').enumerate() {
            if n > 0 {
                tokens.push(Token::Break);
            }
            if part.is_empty() {
                continue;
            }
            let shaped = fonts.shape(part, span.weight, size, span.color);
            let index = arena.len();
            let mut start = 0;
            while start < shaped.glyphs.len() {
                let space = shaped.is_space(start);
                let mut end = start + 1;
                while end < shaped.glyphs.len() && shaped.is_space(end) == space {
                    end += 1;
                }
                tokens.push(Token::Glyphs {
                    piece: Piece {
                        shaped: index,
                        glyphs: start..end,
                        width: shaped.advance(start..end),
                    },
                    space,
                });
                start = end;
            }
            arena.push(shaped);
        }
    }

    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut spaces: Vec<Piece> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Break => {
                lines.push(std::mem::take(&mut line));
                spaces.clear();
                i += 1;
            }
            Token::Glyphs { piece, space: true } => {
                if !line.pieces.is_empty() {
                    spaces.push(piece.clone());
                }
                i += 1;
            }
            Token::Glyphs { space: false, .. } => {
                // A word: every glyph run up to the next space or break.
                let mut word = Vec::new();
                while let Some(Token::Glyphs {
                    piece,
                    space: false,
                }) = tokens.get(i)
                {
                    word.push(piece.clone());
                    i += 1;
                }
                let word_width: f32 = word.iter().map(|p| p.width).sum();
                let space_width: f32 = spaces.iter().map(|p| p.width).sum();
                if line.width + space_width + word_width <= width {
                    line.width += space_width + word_width;
                    for piece in spaces.drain(..).chain(word) {
                        line.push(piece);
                    }
                    continue;
                }
                if !line.pieces.is_empty() {
                    for piece in spaces.drain(..) {
                        line.push(piece);
                    }
                    lines.push(std::mem::take(&mut line));
                }
                spaces.clear();
                if word_width <= width {
                    line.width = word_width;
                    for piece in word {
                        line.push(piece);
                    }
                } else {
                    split_word(arena, word, width, &mut lines, &mut line);
                }
            }
        }
    }
    if !line.pieces.is_empty() {
        lines.push(line);
    }
    lines
}

/// Breaks a word wider than the line between clusters, filling lines greedily.
fn split_word(
    arena: &[Shaped],
    word: Vec<Piece>,
    width: f32,
    lines: &mut Vec<Line>,
    line: &mut Line,
) {
    for piece in word {
        let shaped = &arena[piece.shaped];
        let mut start = piece.glyphs.start;
        while start < piece.glyphs.end {
            // Glyphs of one cluster stay together.
            let cluster = shaped.glyphs[start].text_range.start;
            let mut end = start + 1;
            while end < piece.glyphs.end && shaped.glyphs[end].text_range.start == cluster {
                end += 1;
            }
            let w = shaped.advance(start..end);
            if !line.pieces.is_empty() && line.width + w > width {
                lines.push(std::mem::take(line));
            }
            line.push(Piece {
                shaped: piece.shaped,
                glyphs: start..end,
                width: w,
            });
            line.width += w;
            start = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLACK: Rgb = Rgb(0, 0, 0);

    fn span(text: &str) -> Span {
        Span {
            text: text.to_string(),
            weight: Weight::Regular,
            color: BLACK,
        }
    }

    fn lines(text: &str, width: f32) -> (Vec<String>, Vec<f32>) {
        let fonts = Fonts::load().expect("embedded fonts");
        let mut arena = Vec::new();
        let ls = wrap(&fonts, &mut arena, &[span(text)], 10.0, width);
        (
            ls.iter()
                .map(|l| l.text(&arena).trim_end().to_string())
                .collect(),
            ls.iter().map(|l| l.width).collect(),
        )
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        let text = "Every board and working group now starts with a welcome and introductions. \
                    New members Llŷr and Renée both said they felt expected, not tolerated.";
        let (texts, widths) = lines(text, 120.0);
        assert!(texts.len() > 3, "{texts:?}");
        assert!(widths.iter().all(|&w| w <= 120.0), "{widths:?}");
        assert_eq!(texts.join(" "), text);
        // Greedy: no line could have taken the next line's first word.
        let fonts = Fonts::load().expect("embedded fonts");
        for pair in texts.windows(2) {
            let next = pair[1].split(' ').next().unwrap_or_default();
            let longer = format!("{} {next}", pair[0]);
            assert!(
                fonts.width(&longer, Weight::Regular, 10.0) > 120.0,
                "{longer}"
            );
        }
    }

    #[test]
    fn measured_width_is_the_shaped_width_of_the_line() {
        let fonts = Fonts::load().expect("embedded fonts");
        let (texts, widths) = lines("“You said, we did” — £2.1m for Ŵyn and Llŷr", 1000.0);
        assert_eq!(texts.len(), 1);
        let whole = fonts.width(&texts[0], Weight::Regular, 10.0);
        assert!((whole - widths[0]).abs() < 0.01, "{whole} vs {}", widths[0]);
    }

    #[test]
    fn keeps_line_breaks_and_splits_overlong_words() {
        let (texts, _) = lines("one\ntwo", 200.0);
        assert_eq!(texts, ["one", "two"]);
        let (texts, widths) = lines("https://example.org/a/very/long/address/indeed", 60.0);
        assert!(texts.len() > 1, "{texts:?}");
        assert!(widths.iter().all(|&w| w <= 60.0), "{widths:?}");
        assert_eq!(
            texts.concat(),
            "https://example.org/a/very/long/address/indeed"
        );
    }

    #[test]
    fn welsh_and_typographic_characters_have_glyphs() {
        let fonts = Fonts::load().expect("embedded fonts");
        for c in "ŵŷŴŶâêîôûáéíóúàèìòùäëïöüÿ‘’“”—–£€…".chars()
        {
            assert!(fonts.face(Weight::Regular).covers(c), "regular lacks {c}");
            assert!(fonts.face(Weight::Bold).covers(c), "bold lacks {c}");
        }
        let cleaned = clean(
            "a\tb\u{200B}c\u{1F600}\u{FFFF}",
            fonts.face(Weight::Regular),
        );
        assert_eq!(cleaned.chars().take(4).collect::<String>(), "a bc");
        assert!(!cleaned.contains('\u{1F600}') && !cleaned.contains('\u{FFFF}'));
    }
}
