//! Pages before they are drawn.
//!
//! [`Flow`] places paragraphs, headings, lists, tables and figures down A4 pages, breaking pages
//! as it goes, and records two things for each: what to draw where ([`Page`]s of [`Mark`]s) and
//! what it is (the structure tree of [`Node`]s a screen reader follows). Nothing is drawn until
//! every page is laid out, so the footers can say "Page 2 of 7".

use std::num::NonZeroU16;

use krilla::tagging::{ListNumbering, TableHeaderScope, Tag, TagKind};

use super::text::{Fonts, Line, Rgb, Shaped, Span, Weight, wrap};

/// A4 width in points.
pub const PAGE_W: f32 = 595.28;
/// A4 height in points.
pub const PAGE_H: f32 = 841.89;
/// Left edge of the text.
pub const LEFT: f32 = 56.69;
/// Width of the text.
pub const WIDTH: f32 = PAGE_W - 2.0 * LEFT;
/// Top of the text.
pub const TOP: f32 = 56.69;
/// Bottom of the text; the footer sits below.
pub const BOTTOM: f32 = PAGE_H - 66.0;

/// Body text colour (near black).
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
/// Secondary text colour; 9.3:1 on white.
pub const GREY: Rgb = Rgb(0x47, 0x47, 0x47);
/// Headings (dark blue); 11.5:1 on white.
pub const ACCENT: Rgb = Rgb(0x1f, 0x3a, 0x5f);
/// Rules between table rows.
pub const RULE: Rgb = Rgb(0xa8, 0xb1, 0xbd);
/// Table header background; dark text on it has over 14:1.
pub const HEADER_BG: Rgb = Rgb(0xe3, 0xe9, 0xf0);
/// Every other table row.
pub const STRIPE_BG: Rgb = Rgb(0xf5, 0xf7, 0xf9);

/// How densely the report is set: clear print (the default) or the older, compact density.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Density {
    /// UK clear-print guidance for board papers: 12 pt body text, nothing under 11 pt but the
    /// footers, generous line spacing.
    #[default]
    Clear,
    /// The denser layout of earlier versions: 10.5 pt body text, 9 pt tables and labels.
    Compact,
}

/// The type sizes and spacing of one density, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Paragraphs.
    pub body: f32,
    /// Tables, lists and notes.
    pub small: f32,
    /// Chart labels and numbers.
    pub label: f32,
    /// The headline result on the summary.
    pub headline: f32,
    /// The cover's lines under the title.
    pub cover: f32,
    /// Headings: level 1 (the title), 2 (a part) and 3 (within a part).
    pub h1: f32,
    /// See `h1`.
    pub h2: f32,
    /// See `h1`.
    pub h3: f32,
    /// Line height as a multiple of the type size.
    pub leading: f32,
    /// Footers (the only text allowed under `small`).
    pub footer: f32,
}

impl Density {
    /// The sizes this density sets type in.
    pub fn sizes(self) -> Sizes {
        match self {
            Self::Clear => Sizes {
                body: 12.0,
                small: 11.0,
                label: 11.0,
                headline: 15.0,
                cover: 13.0,
                h1: 26.0,
                h2: 19.0,
                h3: 14.0,
                leading: 1.45,
                footer: 9.0,
            },
            Self::Compact => Sizes {
                body: 10.5,
                small: 9.0,
                label: 8.5,
                headline: 14.0,
                cover: 12.0,
                h1: 24.0,
                h2: 17.0,
                h3: 12.5,
                leading: 1.38,
                footer: 8.5,
            },
        }
    }
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A path segment, in points.
#[derive(Debug, Clone, Copy)]
pub enum Seg {
    /// Start a subpath.
    Move(f32, f32),
    /// A straight line.
    Line(f32, f32),
    /// A cubic Bézier curve: two control points and the end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    /// Close the subpath.
    Close,
}

/// How to stroke a path.
#[derive(Debug, Clone)]
pub struct Pen {
    /// Colour.
    pub color: Rgb,
    /// Width in points.
    pub width: f32,
    /// Dash pattern (on, off, …), or solid.
    pub dash: Option<Vec<f32>>,
}

impl Pen {
    /// A solid pen.
    pub fn solid(color: Rgb, width: f32) -> Self {
        Self {
            color,
            width,
            dash: None,
        }
    }
}

/// Something to draw, in page coordinates (points from the top-left corner).
#[derive(Debug, Clone)]
pub enum Item {
    /// A line of text whose baseline starts at `(x, y)`.
    Text {
        /// Left end of the baseline.
        x: f32,
        /// The baseline.
        y: f32,
        /// What to draw.
        line: Line,
    },
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Rgb,
    },
    /// A path, filled and/or stroked.
    Path {
        /// Its segments.
        segs: Vec<Seg>,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Outline.
        stroke: Option<Pen>,
    },
}

impl Item {
    /// A straight line.
    pub fn line(x1: f32, y1: f32, x2: f32, y2: f32, pen: Pen) -> Self {
        Self::Path {
            segs: vec![Seg::Move(x1, y1), Seg::Line(x2, y2)],
            fill: None,
            stroke: Some(pen),
        }
    }

    /// Moves the item by `(dx, dy)`.
    pub fn translate(&mut self, dx: f32, dy: f32) {
        match self {
            Self::Text { x, y, .. } | Self::Rect { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Self::Path { segs, .. } => {
                for s in segs {
                    match s {
                        Seg::Move(x, y) | Seg::Line(x, y) => {
                            *x += dx;
                            *y += dy;
                        }
                        Seg::Cubic(a, b, c, d, e, f) => {
                            *a += dx;
                            *b += dy;
                            *c += dx;
                            *d += dy;
                            *e += dx;
                            *f += dy;
                        }
                        Seg::Close => {}
                    }
                }
            }
        }
    }
}

/// What a run of marked content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// Real content: leaf `n` of the structure tree.
    Content(usize),
    /// A chart: leaf `n`, the content of a Figure.
    Figure(usize),
    /// A page footer, outside the structure tree.
    Footer,
    /// Decoration (rules, backgrounds, repeated table headers), outside the structure tree.
    Decoration,
}

/// Items drawn as one marked-content sequence.
#[derive(Debug, Clone)]
pub struct Mark {
    /// What the items are.
    pub kind: MarkKind,
    /// What to draw.
    pub items: Vec<Item>,
}

/// One page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Marks in drawing order.
    pub marks: Vec<Mark>,
}

/// A node of the structure tree.
#[derive(Debug, Clone)]
pub enum Node {
    /// A structure element and its children.
    Group(TagKind, Vec<Node>),
    /// Marked content: leaf `n`.
    Leaf(usize),
}

/// A bookmark in the document outline.
#[derive(Debug, Clone)]
pub struct Bookmark {
    /// Its text.
    pub title: String,
    /// The heading's level: 1 (the title), 2 (a part), 3 (within a part).
    pub level: u8,
    /// Page index.
    pub page: usize,
    /// Where on the page.
    pub y: f32,
}

/// A paragraph: spans of text in one size.
#[derive(Debug, Clone)]
pub struct Para {
    /// The text.
    pub spans: Vec<Span>,
    /// Font size.
    pub size: f32,
    /// Line height.
    pub leading: f32,
    /// Alignment.
    pub align: Align,
}

impl Para {
    /// A paragraph of one span.
    pub fn plain(text: impl Into<String>, size: f32, weight: Weight, color: Rgb) -> Self {
        Self {
            spans: vec![Span {
                text: text.into(),
                weight,
                color,
                ours: false,
            }],
            size,
            leading: size * 1.38,
            align: Align::Left,
        }
    }

    /// A paragraph of several spans.
    pub fn spans(spans: Vec<Span>, size: f32) -> Self {
        Self {
            spans,
            size,
            leading: size * 1.38,
            align: Align::Left,
        }
    }

    /// The same paragraph aligned differently.
    pub fn aligned(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
}

/// A span of text.
pub fn span(text: impl Into<String>, weight: Weight, color: Rgb) -> Span {
    Span {
        text: text.into(),
        weight,
        color,
        ours: false,
    }
}

/// A table column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Header text.
    pub header: String,
    /// Width in points.
    pub width: f32,
    /// Alignment of its cells.
    pub align: Align,
}

/// A table.
#[derive(Debug, Clone)]
pub struct Table {
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows of cells; each cell is one or more paragraphs.
    pub rows: Vec<Vec<Vec<Para>>>,
    /// What the table shows, for screen readers.
    pub summary: String,
    /// Whether the first column names the row (tagged as row headers).
    pub row_headers: bool,
    /// Font size of the header row.
    pub size: f32,
    /// Said above the header row where the table continues on a new page ("Communicate
    /// (continued)").
    pub continued: Option<String>,
    /// How many leading columns name the row (an indicator's id and statement): drawn again
    /// when a row continues on a new page, so no part of a row is without its name.
    pub repeat: usize,
}

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.5;
const PARA_GAP: f32 = 3.0;

/// A laid-out line with the space above it and its paragraph.
struct CellLine {
    line: Line,
    para: usize,
    above: f32,
    leading: f32,
    size: f32,
    align: Align,
}

/// The lines of one table cell.
struct CellLines {
    lines: Vec<CellLine>,
    paras: usize,
}

impl CellLines {
    /// The height of the lines from `from` on (`usize::MAX`: all of them, drawn again).
    fn height_from(&self, from: usize) -> f32 {
        let from = if from == usize::MAX {
            0
        } else {
            from.min(self.lines.len())
        };
        self.lines[from..]
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    l.leading
                } else {
                    l.above + l.leading
                }
            })
            .sum()
    }
}

/// Lays out pages, top to bottom.
pub struct Flow<'f> {
    /// The fonts.
    pub fonts: &'f Fonts,
    /// Every shaped run; lines point into it.
    pub arena: Vec<Shaped>,
    /// Pages so far.
    pub pages: Vec<Page>,
    /// Where the next block starts on the last page.
    pub y: f32,
    leaves: usize,
    /// Bookmarks, in reading order.
    pub outline: Vec<Bookmark>,
    /// Language of coprod's own words, when the document's language is another.
    pub ui_lang: Option<String>,
    /// The word put after a part's name over a table continued from the page before, in
    /// coprod's language ("continued"); the document's, set before laying out.
    pub continued: String,
    /// Type sizes and spacing.
    pub sizes: Sizes,
}

impl<'f> Flow<'f> {
    /// Starts the first page.
    pub fn new(fonts: &'f Fonts, ui_lang: Option<String>, density: Density) -> Self {
        Self {
            sizes: density.sizes(),
            fonts,
            arena: Vec::new(),
            pages: vec![Page::default()],
            y: TOP,
            leaves: 0,
            outline: Vec::new(),
            ui_lang,
            continued: "continued".to_string(),
        }
    }

    /// Index of the current page.
    pub fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Breaks the page unless `h` points fit below the cursor (or the page is still empty).
    pub fn need(&mut self, h: f32) {
        if self.y + h > BOTTOM && self.y > TOP {
            self.page_break();
        }
    }

    /// Room left on the page.
    pub fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Adds vertical space (dropped at the top of a page).
    pub fn space(&mut self, h: f32) {
        if self.y > TOP {
            self.y = (self.y + h).min(BOTTOM);
        }
    }

    fn push(&mut self, kind: MarkKind, items: Vec<Item>) {
        if let Some(page) = self.pages.last_mut() {
            page.marks.push(Mark { kind, items });
        }
    }

    /// Adds real content to the current page and returns its leaf.
    pub fn content(&mut self, items: Vec<Item>) -> Node {
        let id = self.leaves;
        self.leaves += 1;
        self.push(MarkKind::Content(id), items);
        Node::Leaf(id)
    }

    /// Adds decoration, which assistive technology skips.
    pub fn decoration(&mut self, items: Vec<Item>) {
        self.push(MarkKind::Decoration, items);
    }

    /// The language attribute for fixed English words.
    pub fn ui(&self, tag: impl Into<TagKind>) -> TagKind {
        tag.into().with_lang(self.ui_lang.clone())
    }

    /// Wraps a paragraph to a width.
    pub fn wrap(&mut self, para: &Para, width: f32) -> Vec<Line> {
        wrap(self.fonts, &mut self.arena, &para.spans, para.size, width)
    }

    /// The height a paragraph will take at a width.
    pub fn measure(&mut self, para: &Para, width: f32) -> f32 {
        let n = self.wrap(para, width).len().max(1);
        n as f32 * para.leading
    }

    /// A line of a paragraph as an item, its top at `top`.
    pub fn text_item(line: Line, para: &Para, x: f32, width: f32, top: f32) -> Item {
        text_item(line, para.align, para.leading, para.size, x, width, top)
    }

    /// Lays out a paragraph at `x`, breaking pages between lines; returns its lines' leaves.
    pub fn lines(&mut self, para: &Para, x: f32, width: f32) -> Vec<Node> {
        let lines = self.wrap(para, width);
        self.place_lines(lines, para, x, width)
    }

    /// Places wrapped lines down the page; the lines that share a page are one leaf.
    fn place_lines(&mut self, lines: Vec<Line>, para: &Para, x: f32, width: f32) -> Vec<Node> {
        let ours = |s: &Span| s.ours;
        if self.ui_lang.is_some() && para.spans.iter().any(ours) && !para.spans.iter().all(ours) {
            return self.place_lines_by_voice(lines, para, x, width);
        }
        let mut leaves = Vec::new();
        let mut items = Vec::new();
        for line in lines {
            if self.y + para.leading > BOTTOM && self.y > TOP {
                if !items.is_empty() {
                    leaves.push(self.content(std::mem::take(&mut items)));
                }
                self.page_break();
            }
            items.push(Self::text_item(line, para, x, width, self.y));
            self.y += para.leading;
        }
        if !items.is_empty() {
            leaves.push(self.content(items));
        }
        leaves
    }

    /// Places lines that mix coprod's words and the user's: each stretch of a line in one voice
    /// is its own leaf, and coprod's are in a Span tagged with coprod's language. (A line whose
    /// glyphs need their text said, right to left or in a complex script, stays whole.)
    fn place_lines_by_voice(
        &mut self,
        lines: Vec<Line>,
        para: &Para,
        x: f32,
        width: f32,
    ) -> Vec<Node> {
        let mut nodes = Vec::new();
        for line in lines {
            if self.y + para.leading > BOTTOM && self.y > TOP {
                self.page_break();
            }
            let item = Self::text_item(line, para, x, width, self.y);
            self.y += para.leading;
            let Item::Text { x, y, line } = item else {
                continue;
            };
            if line.actual.is_some() {
                nodes.push(self.content(vec![Item::Text { x, y, line }]));
                continue;
            }
            let mut at = x;
            let mut groups: Vec<(bool, f32, Line)> = Vec::new();
            for piece in line.pieces {
                let ours = self.arena.get(piece.shaped).is_some_and(|s| s.ours);
                let w = piece.width;
                match groups.last_mut() {
                    Some((o, _, l)) if *o == ours => {
                        l.width += w;
                        l.pieces.push(piece);
                    }
                    _ => groups.push((
                        ours,
                        at,
                        Line {
                            pieces: vec![piece],
                            width: w,
                            actual: None,
                        },
                    )),
                }
                at += w;
            }
            for (ours, gx, l) in groups {
                let leaf = self.content(vec![Item::Text { x: gx, y, line: l }]);
                nodes.push(if ours {
                    Node::Group(self.ui(Tag::Span), vec![leaf])
                } else {
                    leaf
                });
            }
        }
        nodes
    }

    /// A paragraph tagged P (or `tag`), added to `out`.
    pub fn paragraph(&mut self, para: &Para, tag: TagKind, out: &mut Vec<Node>) {
        let leaves = self.lines(para, LEFT, WIDTH);
        if !leaves.is_empty() {
            out.push(Node::Group(tag, leaves));
        }
    }

    /// A heading across the page: level 1 (document title) to 3. Every heading is a bookmark. `fixed` marks the program's own English words (for their language tag).
    pub fn heading(&mut self, level: u8, text: &str, fixed: bool, out: &mut Vec<Node>) {
        self.heading_in(level, text, fixed, LEFT, WIDTH, out);
    }

    /// A heading in a column at `x`.
    pub fn heading_in(
        &mut self,
        level: u8,
        text: &str,
        fixed: bool,
        x: f32,
        width: f32,
        out: &mut Vec<Node>,
    ) {
        let z = self.sizes;
        let (size, above, below) = match level {
            1 => (z.h1, 0.0, 10.0),
            2 => (z.h2, 14.0, 6.0),
            _ => (z.h3, 10.0 * z.h3 / 12.5, 4.0),
        };
        let para = Para {
            leading: size * 1.25,
            ..Para::plain(text, size, Weight::Bold, ACCENT)
        };
        self.space(above);
        // Keep a heading with at least three lines of what follows it.
        let h = self.measure(&para, width);
        self.need(h + 42.0);
        self.outline.push(Bookmark {
            title: text.to_string(),
            level,
            page: self.page(),
            y: self.y,
        });
        let leaves = self.lines(&para, x, width);
        let n = NonZeroU16::new(u16::from(level)).unwrap_or(NonZeroU16::MIN);
        let tag = Tag::Hn(n, Some(text.to_string()));
        let tag = if fixed { self.ui(tag) } else { tag.into() };
        out.push(Node::Group(tag, leaves));
        self.y += below;
    }

    /// A numbered list of paragraphs at `x`.
    pub fn list(&mut self, items: &[Para], x: f32, width: f32, out: &mut Vec<Node>) {
        // Room for the widest number, "10." say, and a space after it.
        let size = items.first().map_or(9.0, |p| p.size);
        let label_w = (self
            .fonts
            .width(&format!("{}.", items.len()), Weight::Regular, size)
            + size * 0.6)
            .max(16.0);
        let mut children = Vec::new();
        for (n, para) in items.iter().enumerate() {
            let lines = self.wrap(para, width - label_w);
            self.need(para.leading * lines.len().min(2) as f32);
            let label = Para {
                leading: para.leading,
                ..Para::plain(format!("{}.", n + 1), para.size, Weight::Regular, INK)
            };
            let mut label_lines = self.wrap(&label, label_w);
            let label_leaf = label_lines.pop().map(|l| {
                let item = Self::text_item(l, &label, x, label_w, self.y);
                self.content(vec![item])
            });
            let body = self.place_lines(lines, para, x + label_w, width - label_w);
            let mut li = Vec::new();
            if let Some(l) = label_leaf {
                li.push(Node::Group(Tag::Lbl.into(), vec![l]));
            }
            let p: TagKind = if !para.spans.is_empty() && para.spans.iter().all(|s| s.ours) {
                self.ui(Tag::P)
            } else {
                Tag::P.into()
            };
            li.push(Node::Group(Tag::LBody.into(), vec![Node::Group(p, body)]));
            children.push(Node::Group(Tag::LI.into(), li));
            self.y += 3.0;
        }
        if !children.is_empty() {
            out.push(Node::Group(Tag::L(ListNumbering::Decimal).into(), children));
        }
    }

    /// A chart: drawn as one piece, tagged as a Figure with its alt text.
    pub fn figure(&mut self, mut items: Vec<Item>, x: f32, h: f32, alt: String) -> Node {
        self.need(h);
        for item in &mut items {
            item.translate(x, self.y);
        }
        let id = self.leaves;
        self.leaves += 1;
        self.push(MarkKind::Figure(id), items);
        self.y += h;
        Node::Group(self.ui(Tag::Figure(Some(alt))), vec![Node::Leaf(id)])
    }

    /// A chart in pieces (rows of a dot plot, rows of small charts), each kept whole on a
    /// page: one Figure with its alt text, whose content may run over several pages.
    pub fn figure_parts(&mut self, parts: Vec<(Vec<Item>, f32)>, x: f32, alt: String) -> Node {
        let mut leaves = Vec::new();
        for (mut items, h) in parts {
            self.need(h);
            for item in &mut items {
                item.translate(x, self.y);
            }
            let id = self.leaves;
            self.leaves += 1;
            self.push(MarkKind::Figure(id), items);
            self.y += h;
            leaves.push(Node::Leaf(id));
        }
        Node::Group(self.ui(Tag::Figure(Some(alt))), leaves)
    }

    /// A table at the left margin. Rows break across pages (a row taller than a page is split
    /// between lines) and the header row is repeated on every page the table reaches.
    pub fn table(&mut self, table: &Table, out: &mut Vec<Node>) {
        let header: Vec<CellLines> = table
            .columns
            .iter()
            .map(|c| {
                let para =
                    Para::plain(c.header.clone(), table.size, Weight::Bold, INK).aligned(c.align);
                self.cell(&[para], c.width)
            })
            .collect();
        let header_h = row_height(&header);
        let rows: Vec<Vec<CellLines>> = table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&table.columns)
                    .map(|(cell, col)| self.cell(cell, col.width))
                    .collect()
            })
            .collect();

        // Keep the header with (the start of) the first row.
        let first = rows.first().map_or(0.0, |r| row_height(r).min(60.0));
        self.need(header_h + first);
        let mut cursors = vec![0; header.len()];
        let head_leaves = self.draw_cells(
            table,
            &header,
            &mut cursors,
            Some(HEADER_BG),
            f32::INFINITY,
            false,
        );
        let head_cells = head_leaves
            .into_iter()
            .map(|paras| {
                let tag = self.ui(Tag::TH(TableHeaderScope::Column));
                Node::Group(tag, flatten(paras))
            })
            .collect();
        let thead = Node::Group(
            Tag::THead.into(),
            vec![Node::Group(Tag::TR.into(), head_cells)],
        );

        let mut body = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let stripe = (r % 2 == 1).then_some(STRIPE_BG);
            let mut cursors = vec![0; row.len()];
            let mut cells: Vec<Vec<Vec<Node>>> =
                row.iter().map(|c| vec![Vec::new(); c.paras]).collect();
            loop {
                let remaining = row
                    .iter()
                    .zip(&cursors)
                    .map(|(c, &from)| c.height_from(from))
                    .fold(0.0, f32::max)
                    + 2.0 * PAD_Y;
                let started = cursors.iter().any(|&c| c > 0);
                if remaining <= self.room() {
                    let parts =
                        self.draw_cells(table, row, &mut cursors, stripe, f32::INFINITY, false);
                    merge(&mut cells, parts);
                    break;
                }
                // A row that fits on a page moves to the next one whole, unless it is tall
                // and this page still has a good deal of room: then it is split, to avoid a
                // large gap.
                let body = BOTTOM - TOP;
                let min_part = 2.0 * PAD_Y + 2.0 * table.size * 1.4;
                let fits_a_page = remaining <= body - header_h;
                let worth_splitting = remaining > body * 0.4 && self.room() >= body * 0.25;
                if (!started && fits_a_page && !worth_splitting) || self.room() < min_part {
                    self.page_break();
                    self.repeat_header(table, &header);
                    continue;
                }
                let limit = self.room();
                let parts = self.draw_cells(table, row, &mut cursors, stripe, limit, false);
                merge(&mut cells, parts);
                self.page_break();
                self.repeat_header(table, &header);
                // The row goes on: its name again, as decoration (it is in the tree once).
                for c in 0..table.repeat.min(cursors.len()) {
                    if row[c].lines.len() <= cursors[c] {
                        cursors[c] = usize::MAX;
                    }
                }
            }
            let source = &table.rows[r];
            let tagged = cells
                .into_iter()
                .enumerate()
                .map(|(c, paras)| {
                    let tag: TagKind = if c == 0 && table.row_headers {
                        Tag::TH(TableHeaderScope::Row).into()
                    } else {
                        Tag::TD.into()
                    };
                    // A cell of coprod's words alone ("Not applicable", a date) is in its
                    // language.
                    let spans = || source.get(c).into_iter().flatten().flat_map(|p| &p.spans);
                    let tag = if spans().next().is_some() && spans().all(|s| s.ours) {
                        tag.with_lang(self.ui_lang.clone())
                    } else {
                        tag
                    };
                    Node::Group(tag, flatten(paras))
                })
                .collect();
            body.push(Node::Group(Tag::TR.into(), tagged));
        }
        let mut children = vec![thead];
        if !body.is_empty() {
            children.push(Node::Group(Tag::TBody.into(), body));
        }
        let tag = Tag::Table.with_summary(Some(table.summary.clone()));
        out.push(Node::Group(tag.into(), children));
    }

    fn cell(&mut self, paras: &[Para], width: f32) -> CellLines {
        let mut lines = Vec::new();
        for (p, para) in paras.iter().enumerate() {
            for (i, line) in self.wrap(para, width - 2.0 * PAD_X).into_iter().enumerate() {
                lines.push(CellLine {
                    line,
                    para: p,
                    above: if i == 0 && p > 0 { PARA_GAP } else { 0.0 },
                    leading: para.leading,
                    size: para.size,
                    align: para.align,
                });
            }
        }
        CellLines {
            lines,
            paras: paras.len(),
        }
    }

    /// The header row again at the top of a continuation page: decoration, since the header
    /// cells are already in the structure tree once.
    fn repeat_header(&mut self, table: &Table, header: &[CellLines]) {
        if let Some(caption) = &table.continued {
            let para = Para::plain(caption.clone(), table.size, Weight::Bold, GREY);
            let lines = self.wrap(&para, WIDTH);
            let items = lines
                .into_iter()
                .map(|l| {
                    let item = Self::text_item(l, &para, LEFT, WIDTH, self.y);
                    self.y += para.leading;
                    item
                })
                .collect();
            self.decoration(items);
            self.y += 2.0;
        }
        let mut cursors = vec![0; header.len()];
        let _ = self.draw_cells(
            table,
            header,
            &mut cursors,
            Some(HEADER_BG),
            f32::INFINITY,
            true,
        );
    }

    /// Draws as much of a row as fits in `limit` points, from each cell's cursor on, and moves
    /// the cursors. Returns each cell's new leaves by paragraph (none when `decoration`).
    fn draw_cells(
        &mut self,
        table: &Table,
        row: &[CellLines],
        cursors: &mut [usize],
        background: Option<Rgb>,
        limit: f32,
        decoration: bool,
    ) -> Vec<Vec<Vec<Node>>> {
        let avail = limit - 2.0 * PAD_Y;
        // A cursor of usize::MAX: the cell's lines again from the start, as decoration.
        let again: Vec<bool> = cursors.iter().map(|&c| c == usize::MAX).collect();
        for c in cursors.iter_mut() {
            if *c == usize::MAX {
                *c = 0;
            }
        }
        let mut ends = Vec::with_capacity(row.len());
        let mut height: f32 = 0.0;
        for (cell, &from) in row.iter().zip(cursors.iter()) {
            let mut used = 0.0;
            let mut end = from;
            while let Some(l) = cell.lines.get(end) {
                let h = if end == from {
                    l.leading
                } else {
                    l.above + l.leading
                };
                if used + h > avail {
                    break;
                }
                used += h;
                end += 1;
            }
            ends.push(end);
            height = height.max(used);
        }
        let row_h = height + 2.0 * PAD_Y;
        let top = self.y;
        let table_w: f32 = table.columns.iter().map(|c| c.width).sum();
        let mut deco = Vec::new();
        if let Some(fill) = background {
            deco.push(Item::Rect {
                x: LEFT,
                y: top,
                w: table_w,
                h: row_h,
                fill,
            });
        }
        deco.push(Item::line(
            LEFT,
            top + row_h,
            LEFT + table_w,
            top + row_h,
            Pen::solid(RULE, 0.6),
        ));
        self.decoration(deco);

        let mut out: Vec<Vec<Vec<Node>>> = row.iter().map(|c| vec![Vec::new(); c.paras]).collect();
        let mut x = LEFT;
        for (c, cell) in row.iter().enumerate() {
            let w = table.columns[c].width;
            let mut y = top + PAD_Y;
            // One leaf per paragraph part: its lines in this cell on this page.
            let mut parts: Vec<(usize, Vec<Item>)> = Vec::new();
            for i in cursors[c]..ends[c] {
                let l = &cell.lines[i];
                if i > cursors[c] {
                    y += l.above;
                }
                let item = text_item(
                    l.line.clone(),
                    l.align,
                    l.leading,
                    l.size,
                    x + PAD_X,
                    w - 2.0 * PAD_X,
                    y,
                );
                match parts.last_mut() {
                    Some((para, items)) if *para == l.para => items.push(item),
                    _ => parts.push((l.para, vec![item])),
                }
                y += l.leading;
            }
            for (para, items) in parts {
                if decoration || again[c] {
                    self.decoration(items);
                } else {
                    let leaf = self.content(items);
                    out[c][para].push(leaf);
                }
            }
            cursors[c] = ends[c];
            x += w;
        }
        self.y = top + row_h;
        out
    }
}

/// Where the baseline of a line goes, given the top of its line box.
pub fn baseline(top: f32, leading: f32, size: f32) -> f32 {
    // Noto Sans: ascender 1.069 em, descender 0.293 em; centre that box in the line.
    top + (leading - 1.362 * size) / 2.0 + 1.069 * size
}

/// A line of text as an item, its line box's top at `top`.
pub fn text_item(
    line: Line,
    align: Align,
    leading: f32,
    size: f32,
    x: f32,
    width: f32,
    top: f32,
) -> Item {
    let dx = match align {
        Align::Left => 0.0,
        Align::Center => (width - line.width) / 2.0,
        Align::Right => width - line.width,
    };
    Item::Text {
        x: x + dx,
        y: baseline(top, leading, size),
        line,
    }
}

fn row_height(cells: &[CellLines]) -> f32 {
    cells.iter().map(|c| c.height_from(0)).fold(0.0, f32::max) + 2.0 * PAD_Y
}

/// A cell's children: its lines, or one P per paragraph when it has several.
fn flatten(paras: Vec<Vec<Node>>) -> Vec<Node> {
    if paras.len() == 1 {
        return paras.into_iter().flatten().collect();
    }
    paras
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| Node::Group(Tag::P.into(), p))
        .collect()
}

fn merge(cells: &mut [Vec<Vec<Node>>], parts: Vec<Vec<Vec<Node>>>) {
    for (cell, part) in cells.iter_mut().zip(parts) {
        for (para, leaves) in cell.iter_mut().zip(part) {
            para.extend(leaves);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(node: &Node, out: &mut Vec<usize>) {
        match node {
            Node::Leaf(n) => out.push(*n),
            Node::Group(_, children) => children.iter().for_each(|c| leaves(c, out)),
        }
    }

    #[test]
    fn a_long_table_breaks_pages_and_repeats_its_header() {
        let fonts = Fonts::load().expect("embedded fonts");
        let mut flow = Flow::new(&fonts, None, Density::Compact);
        let cell = |t: String| vec![Para::plain(t, 9.0, Weight::Regular, INK)];
        let table = Table {
            columns: vec![
                Column {
                    header: "ID".into(),
                    width: 60.0,
                    align: Align::Left,
                },
                Column {
                    header: "Notes".into(),
                    width: WIDTH - 60.0,
                    align: Align::Left,
                },
            ],
            rows: (0..120)
                .map(|i| {
                    vec![
                        cell(format!("R{i}")),
                        cell("Some words. ".repeat(i % 7 + 1)),
                    ]
                })
                .collect(),
            summary: "A test table.".into(),
            row_headers: true,
            size: 9.0,
            continued: Some("Notes (continued)".into()),
            repeat: 1,
        };
        let mut out = Vec::new();
        flow.table(&table, &mut out);
        assert!(flow.pages.len() > 2, "{} pages", flow.pages.len());

        // Every leaf in the tree is drawn exactly once, as content.
        let mut tree = Vec::new();
        out.iter().for_each(|n| leaves(n, &mut tree));
        let mut drawn: Vec<usize> = flow
            .pages
            .iter()
            .flat_map(|p| &p.marks)
            .filter_map(|m| match m.kind {
                MarkKind::Content(n) | MarkKind::Figure(n) => Some(n),
                _ => None,
            })
            .collect();
        tree.sort_unstable();
        drawn.sort_unstable();
        assert_eq!(tree, drawn);

        // Each continuation page starts with the header row again, as decoration.
        for page in &flow.pages[1..] {
            let first_text = page
                .marks
                .iter()
                .find(|m| m.items.iter().any(|i| matches!(i, Item::Text { .. })))
                .expect("text on the page");
            assert_eq!(first_text.kind, MarkKind::Decoration);
        }
        // Nothing is drawn below the body.
        for page in &flow.pages {
            for mark in &page.marks {
                for item in &mark.items {
                    if let Item::Text { y, .. } = item {
                        assert!(*y <= BOTTOM, "text at {y}");
                    }
                }
            }
        }
    }
}
