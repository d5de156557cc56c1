//! Fonts, shaping and line breaking.
//!
//! Text is split into runs by the font that has its glyphs (Noto Sans for Latin, Greek and
//! Cyrillic; the bundled Noto faces for Arabic and Urdu, Bengali, Devanagari, Gujarati, Gurmukhi
//! and Tamil; then any `--font` file and the system's fonts) and by direction (the Unicode bidi
//! algorithm), each run is shaped with rustybuzz, the shaper behind krilla's own `draw_text`, and
//! the positioned glyphs are handed to krilla unchanged. The widths measured here are therefore
//! exactly the widths drawn, which is what lets the layout wrap lines, align numbers and count
//! pages before anything is drawn.
//!
//! A character that no font has is drawn as the replacement mark but keeps its own text, so it
//! still copies, searches and reads aloud as itself; [`Fonts::missing`] names it for a warning.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// The two weights the report uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Regular.
    Regular,
    /// Bold.
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
    /// Whether to check that a glyph has an outline (fonts from outside, which may hold only
    /// colour bitmaps); the bundled fonts are all outlines.
    check_outlines: bool,
}

impl Face {
    fn load(data: &'static [u8], index: u32) -> Option<Self> {
        let shaper = rustybuzz::Face::from_slice(data, index)?;
        let font = Font::new(data.into(), index)?;
        let units_per_em = shaper.units_per_em() as f32;
        Some(Self {
            font,
            shaper,
            units_per_em,
            check_outlines: false,
        })
    }

    /// Whether the font can draw this character as an outline (glyph 0 is `.notdef`, the
    /// empty box; a glyph with only a colour bitmap, as in emoji fonts, is not drawn here).
    fn covers(&self, c: char) -> bool {
        self.shaper.glyph_index(c).is_some_and(|g| {
            g.0 != 0
                && (!self.check_outlines
                    || c.is_whitespace()
                    || self.shaper.glyph_bounding_box(g).is_some())
        })
    }
}

/// The Noto faces bundled for the scripts UK forums meet most, regular and bold
/// (fonts/OFL.txt has their licence).
const BUNDLED: [(&[u8], &[u8]); 6] = [
    (
        include_bytes!("../../../fonts/NotoNaskhArabic-Regular.ttf"),
        include_bytes!("../../../fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        include_bytes!("../../../fonts/NotoSansBengali-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSansBengali-Bold.ttf"),
    ),
    (
        include_bytes!("../../../fonts/NotoSansDevanagari-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSansDevanagari-Bold.ttf"),
    ),
    (
        include_bytes!("../../../fonts/NotoSansGujarati-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSansGujarati-Bold.ttf"),
    ),
    (
        include_bytes!("../../../fonts/NotoSansGurmukhi-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSansGurmukhi-Bold.ttf"),
    ),
    (
        include_bytes!("../../../fonts/NotoSansTamil-Regular.ttf"),
        include_bytes!("../../../fonts/NotoSansTamil-Bold.ttf"),
    ),
];

/// Which face a run is set in: an index into the fonts.
pub type FaceId = usize;

/// A font that is read the first time a character needs it.
struct Slot {
    data: &'static [u8],
    index: u32,
    check_outlines: bool,
    face: OnceCell<Option<Face>>,
}

impl Slot {
    fn face(&self) -> Option<&Face> {
        self.face
            .get_or_init(|| {
                Face::load(self.data, self.index).map(|f| Face {
                    check_outlines: self.check_outlines,
                    ..f
                })
            })
            .as_ref()
    }
}

/// Every font the report can use, in the order they are tried.
pub struct Fonts {
    regular: Face,
    bold: Face,
    /// The other faces (ids from 2 on), read when first needed.
    extra: Vec<Slot>,
    /// Fallback families (regular, bold), tried in order after Noto Sans.
    fallbacks: Vec<(FaceId, FaceId)>,
    /// Noto Sans's replacement mark, drawn for a character no font has.
    substitute: u16,
    missing: RefCell<BTreeSet<char>>,
    /// Widths already measured, at 1 pt (a width grows in proportion to the size): tables
    /// measure the same words many times.
    widths: RefCell<[std::collections::HashMap<Box<str>, f32>; 2]>,
    /// Texts already shaped, by weight, size and colour: a report sets the same numbers,
    /// dates and labels hundreds of times.
    shaped: RefCell<std::collections::HashMap<ShapeKey, Vec<Shaped>>>,
    /// Shaping plans by face, direction and script: making one is most of the cost of shaping
    /// a short text.
    plans:
        RefCell<std::collections::HashMap<(FaceId, bool, u32), std::rc::Rc<rustybuzz::ShapePlan>>>,
}

/// What a shaped text depends on besides the fonts: text, weight, size and colour.
type ShapeKey = (Box<str>, bool, u32, (u8, u8, u8));

const REGULAR: FaceId = 0;
const BOLD: FaceId = 1;

impl Fonts {
    /// Loads the embedded fonts; `None` only if the embedded data were corrupt.
    pub fn load() -> Option<Self> {
        let regular = Face::load(ttf_noto_sans::REGULAR, 0)?;
        let bold = Face::load(ttf_noto_sans::BOLD, 0)?;
        let substitute = regular
            .shaper
            .glyph_index('\u{FFFD}')
            .or_else(|| regular.shaper.glyph_index('?'))
            .map_or(0, |g| g.0);
        let mut fonts = Self {
            regular,
            bold,
            extra: Vec::new(),
            fallbacks: Vec::new(),
            substitute,
            missing: RefCell::new(BTreeSet::new()),
            widths: RefCell::new(Default::default()),
            shaped: RefCell::new(Default::default()),
            plans: RefCell::new(Default::default()),
        };
        for (regular, bold) in BUNDLED {
            let r = fonts.push_slot(regular, 0, false);
            let b = fonts.push_slot(bold, 0, false);
            fonts.fallbacks.push((r, b));
        }
        Some(fonts)
    }

    fn push_slot(&mut self, data: &'static [u8], index: u32, check_outlines: bool) -> FaceId {
        self.extra.push(Slot {
            data,
            index,
            check_outlines,
            face: OnceCell::new(),
        });
        self.extra.len() + 1
    }

    /// A face by its id, if it can be read.
    fn try_get(&self, id: FaceId) -> Option<&Face> {
        match id {
            REGULAR => Some(&self.regular),
            BOLD => Some(&self.bold),
            _ => self.extra.get(id - 2).and_then(Slot::face),
        }
    }

    /// Whether face `id` has `c`.
    fn covers(&self, id: FaceId, c: char) -> bool {
        self.try_get(id).is_some_and(|f| f.covers(c))
    }

    /// Adds a font file (TrueType or OpenType; the first face of a collection) after the
    /// fonts already loaded, for both weights.
    pub fn add_file(&mut self, path: &Path) -> Result<(), String> {
        let data =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let index = 0;
        self.add_data(data, index).map(|_| ()).ok_or_else(|| {
            format!(
                "{} is not a TrueType or OpenType font coprod can use",
                path.display()
            )
        })
    }

    /// Why a font file cannot be used, if it cannot.
    pub fn check_file(path: &Path) -> Result<(), String> {
        let data =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        match rustybuzz::Face::from_slice(&data, 0) {
            Some(_) => Ok(()),
            None => Err(format!(
                "{} is not a TrueType or OpenType font coprod can use",
                path.display()
            )),
        }
    }

    fn add_data(&mut self, data: Vec<u8>, index: u32) -> Option<FaceId> {
        // The shaper borrows the font's bytes for as long as the fonts live; a report is made
        // once per process, so the few fonts added here are kept until it ends.
        let data: &'static [u8] = Box::leak(data.into_boxed_slice());
        let id = self.push_slot(data, index, true);
        if self.try_get(id).is_none() {
            self.extra.pop();
            return None;
        }
        self.fallbacks.push((id, id));
        Some(id)
    }

    /// Looks for system fonts (through fontconfig's `fc-list`) that have some of these
    /// characters and adds them; returns how many were added. At most 16 fonts are added, the
    /// first that covers each character in a stable order (regular styles and sans serif first).
    pub fn add_system(&mut self, chars: &BTreeSet<char>) -> usize {
        let mut wanted: Vec<char> = chars.iter().copied().filter(|&c| !self.has(c)).collect();
        let mut added = 0;
        let mut tried: BTreeSet<String> = BTreeSet::new();
        let mut asked = 0;
        while let Some(&c) = wanted.first() {
            if added >= 16 || asked >= 64 {
                break;
            }
            asked += 1;
            let mut found = false;
            for (file, index) in system_candidates(c) {
                if !tried.insert(format!("{file}#{index}")) {
                    continue;
                }
                let Ok(data) = std::fs::read(&file) else {
                    continue;
                };
                let Some(id) = self.add_data(data, index) else {
                    continue;
                };
                if self.covers(id, c) {
                    found = true;
                    added += 1;
                    break;
                }
                // Not usable for this character (a colour bitmap, say): take it out again.
                self.extra.pop();
                self.fallbacks.pop();
            }
            if found {
                wanted.retain(|&w| !self.has(w));
            } else {
                wanted.remove(0);
            }
        }
        added
    }

    /// Whether some font has the character.
    fn has(&self, c: char) -> bool {
        (0..self.extra.len() + 2).any(|id| self.covers(id, c))
    }

    /// The characters no font had, so far; they are drawn as the replacement mark.
    pub fn missing(&self) -> BTreeSet<char> {
        self.missing.borrow().clone()
    }

    /// Forgets the missing characters (before laying out again with more fonts).
    pub fn clear_missing(&self) {
        self.missing.borrow_mut().clear();
        // Fonts were added: a text may now be set in another face.
        *self.widths.borrow_mut() = Default::default();
        self.shaped.borrow_mut().clear();
    }

    /// The face of a weight in Noto Sans.
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// A face by its id.
    pub fn get(&self, id: FaceId) -> &Face {
        self.try_get(id).unwrap_or(&self.regular)
    }

    /// The face to set `c` in, given the face of the character before it.
    fn pick(&self, c: char, weight: Weight, previous: Option<Option<FaceId>>) -> Option<FaceId> {
        match previous {
            // A combining mark stays with its letter; spaces, digits and punctuation stay in
            // the run of another script when its font has them.
            Some(Some(p))
                if (is_mark(c) || (p != primary(weight) && !c.is_alphabetic()))
                    && self.covers(p, c) =>
            {
                return Some(p);
            }
            // A mark on a character no font has cannot be drawn either.
            Some(None) if is_mark(c) => return None,
            _ => {}
        }
        if self.covers(primary(weight), c) {
            return Some(primary(weight));
        }
        self.fallbacks
            .iter()
            .map(|&(r, b)| if weight == Weight::Bold { b } else { r })
            .find(|&f| self.covers(f, c))
    }

    /// Shapes a piece of text that contains no line breaks into runs, in logical order.
    pub fn shape(&self, text: &str, weight: Weight, size: f32, color: Rgb) -> Vec<Shaped> {
        let key: ShapeKey = (
            text.into(),
            weight == Weight::Bold,
            size.to_bits(),
            (color.0, color.1, color.2),
        );
        if let Some(runs) = self.shaped.borrow().get(&key) {
            return runs.clone();
        }
        let runs = self.shape_uncached(text, weight, size, color);
        self.shaped.borrow_mut().insert(key, runs.clone());
        runs
    }

    fn shape_uncached(&self, text: &str, weight: Weight, size: f32, color: Rgb) -> Vec<Shaped> {
        let text = clean(text);
        if text.is_empty() {
            return Vec::new();
        }
        // Right-to-left scripts start at U+0590 (Hebrew); text without them is all level 0.
        let bidi = text
            .chars()
            .any(|c| c >= '\u{0590}')
            .then(|| unicode_bidi::ParagraphBidiInfo::new(&text, None));
        let levels = bidi
            .as_ref()
            .map(|b| b.levels.as_slice())
            .filter(|l| l.iter().any(|l| l.is_rtl()));
        // Runs of one face (or none) and one bidi level.
        let mut runs: Vec<(Range<usize>, Option<FaceId>, u8)> = Vec::new();
        let mut previous = None;
        for (i, c) in text.char_indices() {
            let face = self.pick(c, weight, previous);
            previous = Some(face);
            let level = levels.map_or(0, |l| l[i].number());
            match runs.last_mut() {
                Some((range, f, l)) if *f == face && *l == level => range.end = i + c.len_utf8(),
                _ => runs.push((i..i + c.len_utf8(), face, level)),
            }
        }
        let mut out = Vec::with_capacity(runs.len());
        for (range, face, level) in runs {
            let part = &text[range];
            if level % 2 == 1 {
                // Right-to-left words are shaped one by one so that a line can break between
                // them and the words of a line can be put in visual order.
                for piece in split_spaces(part) {
                    out.push(self.shape_run(piece, face, level, weight, size, color));
                }
            } else {
                out.push(self.shape_run(part, face, level, weight, size, color));
            }
        }
        out
    }

    fn shape_run(
        &self,
        text: &str,
        face: Option<FaceId>,
        level: u8,
        weight: Weight,
        size: f32,
        color: Rgb,
    ) -> Shaped {
        let shaped = face.and_then(|f| self.shape_in(text, f, level, weight, size, color));
        shaped.unwrap_or_else(|| {
            self.missing
                .borrow_mut()
                .extend(text.chars().filter(|c| !c.is_whitespace()));
            self.substituted(text, level, weight, size, color)
        })
    }

    /// Shapes text in one face; `None` if the shaper produced an empty glyph.
    fn shape_in(
        &self,
        text: &str,
        id: FaceId,
        level: u8,
        weight: Weight,
        size: f32,
        color: Rgb,
    ) -> Option<Shaped> {
        let face = self.try_get(id)?;
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if level % 2 == 1 {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        let output = if buffer.language().is_none() {
            let key = (id, level % 2 == 1, buffer.script().tag().as_u32());
            let plan = self.plans.borrow().get(&key).cloned();
            let plan = plan.unwrap_or_else(|| {
                let plan = std::rc::Rc::new(rustybuzz::ShapePlan::new(
                    &face.shaper,
                    buffer.direction(),
                    Some(buffer.script()),
                    None,
                    &[],
                ));
                self.plans.borrow_mut().insert(key, plan.clone());
                plan
            });
            rustybuzz::shape_with_plan(&face.shaper, &plan, buffer)
        } else {
            rustybuzz::shape(&face.shaper, &[], buffer)
        };
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let upem = face.units_per_em;
        let rtl = level % 2 == 1;
        let mut glyphs = Vec::with_capacity(infos.len());
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            if info.glyph_id == 0 {
                return None;
            }
            let start = info.cluster as usize;
            // A cluster ends where the next larger cluster starts (glyphs run backwards
            // through the text when right to left).
            let next = if rtl {
                infos[..i]
                    .iter()
                    .rev()
                    .map(|n| n.cluster as usize)
                    .find(|&c| c > start)
            } else {
                infos[i + 1..]
                    .iter()
                    .map(|n| n.cluster as usize)
                    .find(|&c| c != start)
            };
            let end = next.unwrap_or(text.len()).max(start);
            let mut advance = pos.x_advance as f32;
            let mut x_offset = pos.x_offset as f32;
            // A spacing accent (` ´ ¨ ¸ ˚ on their own) that the font draws with no width
            // would overprint the next letter: give it the width of its outline.
            if advance == 0.0
                && text[start..end].chars().count() == 1
                && text[start..end]
                    .chars()
                    .all(|c| !is_mark(c) && !c.is_whitespace())
                && let Some(b) = face
                    .shaper
                    .glyph_bounding_box(rustybuzz::ttf_parser::GlyphId(info.glyph_id as u16))
            {
                let side = upem * 0.04;
                advance = f32::from(b.x_max) - f32::from(b.x_min) + 2.0 * side;
                x_offset += side - f32::from(b.x_min);
            }
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance / upem,
                x_offset / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            ));
        }
        Some(Shaped {
            ours: false,
            text: text.to_string(),
            face: id,
            level,
            weight,
            size,
            color,
            glyphs,
            substituted: false,
        })
    }

    /// Text no font has: one replacement mark per character, each keeping its own text.
    fn substituted(&self, text: &str, level: u8, weight: Weight, size: f32, color: Rgb) -> Shaped {
        let face = &self.regular;
        let space = face.shaper.glyph_index(' ').map_or(0, |g| g.0);
        let advance = |g: u16| {
            face.shaper
                .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g))
                .map_or(0.5, |a| f32::from(a) / face.units_per_em)
        };
        let glyphs = text
            .char_indices()
            .map(|(i, c)| {
                let g = if c.is_whitespace() {
                    space
                } else {
                    self.substitute
                };
                KrillaGlyph::new(
                    GlyphId::new(u32::from(g)),
                    advance(g),
                    0.0,
                    0.0,
                    0.0,
                    i..i + c.len_utf8(),
                    None,
                )
            })
            .collect();
        Shaped {
            ours: false,
            text: text.to_string(),
            face: REGULAR,
            level,
            weight,
            size,
            color,
            glyphs,
            substituted: true,
        }
    }

    /// The width of a single line of text.
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let bold = usize::from(weight == Weight::Bold);
        if let Some(w) = self.widths.borrow()[bold].get(text) {
            return w * size;
        }
        let w: f32 = self
            .shape(text, weight, 1.0, Rgb(0, 0, 0))
            .iter()
            .map(|s| s.advance(0..s.glyphs.len()))
            .sum();
        self.widths.borrow_mut()[bold].insert(text.into(), w);
        w * size
    }
}

fn primary(weight: Weight) -> FaceId {
    match weight {
        Weight::Regular => REGULAR,
        Weight::Bold => BOLD,
    }
}

/// Combining marks (Mn, Mc, Me), which belong to the letter before them.
fn is_mark(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Splits text into alternating runs of spaces and of other characters.
fn split_spaces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut space = None;
    for (i, c) in text.char_indices() {
        let s = c == ' ';
        if space.is_some_and(|was| was != s) {
            out.push(&text[start..i]);
            start = i;
        }
        space = Some(s);
    }
    out.push(&text[start..]);
    out
}

/// Candidate system font files for a character, from fontconfig, in a stable order.
fn system_candidates(c: char) -> Vec<(String, u32)> {
    let out = std::process::Command::new("fc-list")
        .arg("--format=%{file}\t%{index}\t%{style}\n")
        .arg(format!(":charset={:x}", u32::from(c)))
        .stderr(std::process::Stdio::null())
        .output();
    let Ok(out) = out else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut found: Vec<(u8, String, u32)> = text
        .lines()
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let file = parts.next()?.to_string();
            let index = parts.next()?.trim().parse().ok()?;
            let style = parts.next().unwrap_or_default();
            let lower = file.to_ascii_lowercase();
            let plain = style
                .split(',')
                .any(|s| matches!(s.trim(), "Regular" | "Book" | "Normal" | "Roman"));
            let rank = u8::from(!plain)
                + 2 * u8::from(lower.contains("serif") && !lower.contains("sans"))
                + 4 * u8::from(lower.contains("color") || lower.contains("colour"));
            Some((rank, file, index))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, f, i)| (f, i)).collect()
}

/// Makes text safe to draw: tabs become spaces; control, invisible formatting and bidi
/// control characters go; typographic spaces and hyphens that fonts often lack become plain.
fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFFE}'
            | '\u{FFFF}'
            | '\u{E0000}'..='\u{E007F}' => None,
            c if c.is_control() => None,
            '\u{2010}' | '\u{2011}' => Some('-'),
            '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' => {
                Some(' ')
            }
            // Other invisible formatting, private-use and control characters.
            c if matches!(
                c.general_category(),
                GeneralCategory::Format | GeneralCategory::PrivateUse | GeneralCategory::Control
            ) =>
            {
                None
            }
            c => Some(c),
        })
        .collect()
}

/// A shaped piece of text, all in one font, size, colour and direction.
#[derive(Debug, Clone)]
pub struct Shaped {
    /// The text as drawn (see [`clean`]).
    pub text: String,
    /// The face it is set in.
    pub face: FaceId,
    /// Its bidi embedding level: odd is right to left.
    pub level: u8,
    /// Its weight.
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    /// Its colour.
    pub color: Rgb,
    /// Glyphs in visual order, advances in ems, clusters as byte ranges of `text`.
    pub glyphs: Vec<KrillaGlyph>,
    /// Whether its characters are replacement marks (no font has them).
    pub substituted: bool,
    /// Whether these are coprod's own words (tagged with coprod's language where the
    /// document is in another).
    pub ours: bool,
}

impl Shaped {
    /// Whether the glyphs, read in drawing order through the font's character map, give the
    /// text back exactly: left to right, in Noto Sans, one glyph per character or ligature.
    fn plain(&self) -> bool {
        self.level.is_multiple_of(2) && !self.substituted && self.face <= BOLD
    }

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
    /// Whether these are coprod's own words (see [`Shaped::ours`]).
    pub ours: bool,
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
    /// The line's text in reading order, when that is not what its glyphs say in drawing order
    /// (right-to-left words, complex scripts, characters no font has): written as ActualText.
    pub actual: Option<String>,
}

impl Line {
    /// The line's text in reading order, for copy, search and screen readers.
    pub fn reading_text(&self, arena: &[Shaped]) -> String {
        if let Some(actual) = &self.actual {
            return actual.clone();
        }
        self.pieces.iter().map(|p| piece_text(arena, p)).collect()
    }

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
            for mut shaped in fonts.shape(part, span.weight, size, span.color) {
                shaped.ours = span.ours;
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
    for line in &mut lines {
        if line
            .pieces
            .iter()
            .any(|p| arena.get(p.shaped).is_some_and(|s| !s.plain()))
        {
            line.actual = Some(line.pieces.iter().map(|p| piece_text(arena, p)).collect());
        }
        reorder(arena, line);
    }
    lines
}

/// The text of a piece: the characters of its glyphs' clusters, in logical order.
fn piece_text<'a>(arena: &'a [Shaped], piece: &Piece) -> &'a str {
    let Some(run) = arena.get(piece.shaped) else {
        return "";
    };
    let glyphs = &run.glyphs[piece.glyphs.clone()];
    let start = glyphs.iter().map(|g| g.text_range.start).min().unwrap_or(0);
    let end = glyphs.iter().map(|g| g.text_range.end).max().unwrap_or(0);
    run.text.get(start..end).unwrap_or_default()
}

/// Puts the pieces of a line in visual order: from the highest bidi level down to the lowest
/// odd one, every stretch of pieces at that level or above is reversed (rule L2 of the
/// Unicode bidi algorithm). Each right-to-left piece is already in visual order inside.
fn reorder(arena: &[Shaped], line: &mut Line) {
    let level = |p: &Piece| arena.get(p.shaped).map_or(0, |s| s.level);
    let Some(highest) = line.pieces.iter().map(level).max() else {
        return;
    };
    let Some(lowest_odd) = line.pieces.iter().map(level).filter(|l| l % 2 == 1).min() else {
        return;
    };
    for at in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < line.pieces.len() {
            if level(&line.pieces[i]) < at {
                i += 1;
                continue;
            }
            let start = i;
            while i < line.pieces.len() && level(&line.pieces[i]) >= at {
                i += 1;
            }
            line.pieces[start..i].reverse();
        }
    }
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
            ours: false,
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
        let cleaned = clean("a\tb\u{200B}c\u{202E}d\u{FFFF}");
        assert_eq!(cleaned, "a bcd");
    }

    fn faces_of(fonts: &Fonts, text: &str) -> Vec<(String, FaceId)> {
        fonts
            .shape(text, Weight::Regular, 10.0, BLACK)
            .into_iter()
            .map(|s| (s.text, s.face))
            .collect()
    }

    #[test]
    fn each_script_is_set_in_a_font_that_has_it() {
        let fonts = Fonts::load().expect("embedded fonts");
        for text in ["مرحبا", "ہم سب", "আমরা", "नमस्ते", "નમસ્તે", "ਸਤ ਸ੍ਰੀ", "வணக்கம்"]
        {
            let runs = faces_of(&fonts, text);
            assert!(!runs.is_empty());
            for (t, face) in &runs {
                assert!(*face >= 2, "{t:?} is in Noto Sans");
                assert!(
                    t.chars().all(|c| c == ' ' || fonts.get(*face).covers(c)),
                    "{t:?}"
                );
            }
            assert!(fonts.missing().is_empty(), "{text}: {:?}", fonts.missing());
        }
        // Latin stays in Noto Sans; the Bengali word and its vowel signs are one run.
        let runs = faces_of(&fonts, "Forum কাজ করি");
        assert_eq!(runs[0], ("Forum ".to_string(), REGULAR));
        assert_eq!(runs[1].0, "কাজ করি");
    }

    #[test]
    fn right_to_left_words_are_in_visual_order_on_the_line() {
        let fonts = Fonts::load().expect("embedded fonts");
        let mut arena = Vec::new();
        let ls = wrap(
            &fonts,
            &mut arena,
            &[span("Say مرحبا بكم now")],
            10.0,
            1000.0,
        );
        assert_eq!(ls.len(), 1);
        let order: Vec<&str> = ls[0]
            .pieces
            .iter()
            .map(|p| arena[p.shaped].text.as_str())
            .collect();
        // The second Arabic word is drawn to the left of the first.
        assert_eq!(order, ["Say ", "بكم", " ", "مرحبا", " ", "now"]);
        for p in &ls[0].pieces {
            let s = &arena[p.shaped];
            if s.text.trim().is_empty() {
                continue;
            }
            assert_eq!(s.level % 2 == 1, !s.text.is_ascii(), "{:?}", s.text);
        }
    }

    #[test]
    fn characters_no_font_has_are_named_and_keep_their_text() {
        let fonts = Fonts::load().expect("embedded fonts");
        let runs = fonts.shape("a\u{0378}b", Weight::Regular, 10.0, BLACK);
        assert_eq!(
            fonts.missing().into_iter().collect::<Vec<_>>(),
            ['\u{0378}']
        );
        let missing = runs
            .iter()
            .find(|r| r.text == "\u{0378}")
            .expect("a run of its own");
        assert_eq!(missing.glyphs.len(), 1);
        assert_eq!(missing.glyphs[0].text_range, 0..2);
        assert!(missing.glyphs[0].x_advance > 0.0);
        fonts.clear_missing();
        assert!(fonts.missing().is_empty());
    }

    #[test]
    fn spacing_accents_take_room() {
        let fonts = Fonts::load().expect("embedded fonts");
        let plain = fonts.width("ab", Weight::Regular, 10.0);
        for accent in ['`', '´', '¨', '¸', '˚'] {
            let w = fonts.width(&format!("a{accent}b"), Weight::Regular, 10.0);
            assert!(w > plain + 1.0, "{accent}: {w} vs {plain}");
        }
    }
}
