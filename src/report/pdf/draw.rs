//! Laid-out pages to PDF bytes with krilla: marked content, the structure tree, the outline and
//! the metadata, exported under krilla's PDF/UA-1 validator.

use krilla::color::rgb;
use krilla::configure::{Configuration, ValidationError, Validator};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use super::layout::{Bookmark, Item, MarkKind, Node, PAGE_H, PAGE_W, Page, Pen, Seg};
use super::text::{Fonts, Rgb, Shaped};

/// Everything the document says about itself.
pub struct Info {
    /// Title (shown by viewers instead of the file name).
    pub title: String,
    /// Authors: the partnership(s).
    pub authors: Vec<String>,
    /// Subject.
    pub subject: String,
    /// Language tag, e.g. `en-GB`.
    pub language: String,
    /// The program that made it.
    pub creator: String,
    /// Creation date (year, month, day) taken from the records, never the clock.
    pub date: Option<(u16, u8, u8)>,
}

/// Draws the pages and exports the document; a PDF/UA-1 violation is an error.
pub fn export(
    fonts: &Fonts,
    arena: &[Shaped],
    pages: &[Page],
    tree: Vec<Node>,
    outline: &[Bookmark],
    info: &Info,
) -> Result<Vec<u8>, String> {
    let settings = SerializeSettings {
        configuration: Configuration::new_with_validator(Validator::UA1),
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let mut leaves: Vec<Option<Leaf>> = Vec::new();
    let page_settings = PageSettings::from_wh(PAGE_W, PAGE_H)
        .ok_or_else(|| "the page size is invalid".to_string())?;
    for page in pages {
        let mut p = document.start_page_with(page_settings.clone());
        let mut surface = p.surface();
        for mark in &page.marks {
            let tag = match mark.kind {
                MarkKind::Content(_) => ContentTag::Span(SpanTag::empty()),
                MarkKind::Figure(_) => ContentTag::Other,
                MarkKind::Footer => ContentTag::Artifact(ArtifactType::Footer),
                MarkKind::Decoration => ContentTag::Artifact(ArtifactType::Other),
            };
            let id = surface.start_tagged(tag);
            for item in &mark.items {
                draw(&mut surface, fonts, arena, item);
            }
            surface.end_tagged();
            if let MarkKind::Content(n) | MarkKind::Figure(n) = mark.kind {
                if leaves.len() <= n {
                    leaves.resize(n + 1, None);
                }
                leaves[n] = Some(Leaf {
                    id,
                    actual: actual_text(arena, &mark.items),
                });
            }
        }
        surface.finish();
        p.finish();
    }

    let mut tags = TagTree::new().with_lang(Some(info.language.clone()));
    for node in tree {
        if let Some(n) = convert(node, &leaves)? {
            tags.push(n);
        }
    }
    document.set_tag_tree(tags);
    document.set_outline(build_outline(outline));

    let mut metadata = Metadata::new()
        .title(info.title.clone())
        .authors(info.authors.clone())
        .description(info.subject.clone())
        .language(info.language.clone())
        .creator(info.creator.clone());
    if let Some((y, m, d)) = info.date {
        metadata = metadata.creation_date(DateTime::new(y).month(m).day(d));
    }
    document.set_metadata(metadata);
    document.finish().map_err(describe)
}

/// A drawn leaf of the structure tree.
#[derive(Clone)]
struct Leaf {
    id: Identifier,
    /// Its text in reading order, when the glyphs do not say it (see [`actual_text`]).
    actual: Option<String>,
}

fn convert(node: Node, leaves: &[Option<Leaf>]) -> Result<Option<krilla::tagging::Node>, String> {
    match node {
        Node::Leaf(n) => {
            let leaf = leaves
                .get(n)
                .cloned()
                .flatten()
                .ok_or_else(|| format!("structure leaf {n} was never drawn"))?;
            Ok(Some(match leaf.actual {
                // A Span that says what the glyphs mean, for screen readers and text tools
                // that follow the structure tree.
                Some(text) => {
                    let tag: TagKind = Tag::Span.with_actual_text(Some(text)).into();
                    TagGroup::with_children(tag, vec![leaf.id.into()]).into()
                }
                None => leaf.id.into(),
            }))
        }
        Node::Group(tag, children) => {
            let mut kids = Vec::with_capacity(children.len());
            for c in children {
                if let Some(k) = convert(c, leaves)? {
                    kids.push(k);
                }
            }
            Ok((!kids.is_empty()).then(|| TagGroup::with_children(tag, kids).into()))
        }
    }
}

/// The outline: the title and every part at the top, so a reader sees the whole plan at once
/// (krilla writes every entry with children closed), and each part's own headings beneath it.
fn build_outline(marks: &[Bookmark]) -> Outline {
    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for b in marks {
        let dest = XyzDestination::new(b.page, Point::from_xy(0.0, b.y));
        let node = OutlineNode::new(b.title.clone(), dest);
        if b.level <= 2 || current.is_none() {
            if let Some(done) = current.take() {
                outline.push_child(done);
            }
            current = Some(node);
        } else if let Some(parent) = current.as_mut() {
            parent.push_child(node);
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    outline
}

/// The text of a run of content in reading order, when some of its lines need it said
/// (see [`super::text::Line::actual`]); lines are joined by their own spaces, else a newline.
fn actual_text(arena: &[Shaped], items: &[Item]) -> Option<String> {
    let lines: Vec<&super::text::Line> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text { line, .. } => Some(line),
            _ => None,
        })
        .collect();
    if lines.iter().all(|l| l.actual.is_none()) {
        return None;
    }
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() && !out.ends_with(char::is_whitespace) {
            out.push('\n');
        }
        out.push_str(&line.reading_text(arena));
    }
    Some(out)
}

/// Rounds a coordinate to a hundredth of a point: invisible, and shorter to write.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn stroke(pen: &Pen) -> Stroke {
    Stroke {
        paint: color(pen.color).into(),
        width: pen.width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        dash: pen
            .dash
            .clone()
            .map(|array| StrokeDash { array, offset: 0.0 }),
        ..Stroke::default()
    }
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, arena: &[Shaped], item: &Item) {
    match item {
        Item::Text { x, y, line } => {
            let mut x = *x;
            for piece in &line.pieces {
                let Some(run) = arena.get(piece.shaped) else {
                    continue;
                };
                surface.set_fill(Some(fill(run.color)));
                surface.set_stroke(None);
                surface.draw_glyphs(
                    Point::from_xy(round(x), round(*y)),
                    &run.glyphs[piece.glyphs.clone()],
                    fonts.get(run.face).font.clone(),
                    &run.text,
                    run.size,
                    false,
                );
                x += piece.width;
            }
        }
        Item::Rect {
            x,
            y,
            w,
            h,
            fill: f,
        } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) =
                krilla::geom::Rect::from_xywh(round(*x), round(*y), round(*w), round(*h))
            {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*f)));
                surface.set_stroke(None);
                surface.draw_path(&path);
            }
        }
        Item::Path {
            segs,
            fill: f,
            stroke: s,
        } => {
            let mut pb = PathBuilder::new();
            for seg in segs {
                match *seg {
                    Seg::Move(x, y) => pb.move_to(round(x), round(y)),
                    Seg::Line(x, y) => pb.line_to(round(x), round(y)),
                    Seg::Cubic(a, b, c, d, e, g) => {
                        pb.cubic_to(round(a), round(b), round(c), round(d), round(e), round(g))
                    }
                    Seg::Close => pb.close(),
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(f.map(fill));
                surface.set_stroke(s.as_ref().map(stroke));
                surface.draw_path(&path);
            }
        }
    }
}

/// A validation failure in words a person can act on.
fn describe(err: KrillaError) -> String {
    match err {
        KrillaError::Validation(errors) => {
            let list: Vec<String> = errors.iter().map(validation).collect();
            format!(
                "the PDF failed its PDF/UA-1 accessibility check: {}",
                list.join("; ")
            )
        }
        KrillaError::Font(_, msg) => format!("cannot embed the font: {msg}"),
        other => format!("cannot write the PDF: {other:?}"),
    }
}

fn validation(e: &ValidationError) -> String {
    match e {
        ValidationError::ContainsNotDefGlyph(_, _, text) => {
            format!("the font has no glyph for {text:?}")
        }
        ValidationError::NoDocumentTitle => "the document has no title".into(),
        ValidationError::NoDocumentLanguage => "the document has no language".into(),
        ValidationError::MissingAltText(_) => "a chart has no text alternative".into(),
        ValidationError::MissingHeadingTitle => "a heading has no title".into(),
        ValidationError::MissingDocumentOutline => "the document has no outline".into(),
        ValidationError::MissingTagging => "the document is not tagged".into(),
        other => format!("{other:?}"),
    }
}
