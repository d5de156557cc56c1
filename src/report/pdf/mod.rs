//! PDF: an accessible A4 report for the partnership board.
//!
//! Written with krilla as tagged PDF and checked by krilla's PDF/UA-1 validator when it is
//! exported: a violation is an error, never a warning. The document has a title (shown instead
//! of the file name), a language, an outline of its headings, tables with header cells, charts
//! as figures whose alternative text states every number, and footers marked as artifacts.
//! Text is set in Noto Sans (regular and bold, embedded and subset), so Welsh letters, accents,
//! curly quotes, dashes and £ draw and copy correctly.
//!
//! Layout is ours: [`text`] shapes and wraps, [`layout`] places everything on pages before any
//! drawing (so "Page 2 of 7" is exact), [`content`] decides what goes on each page, [`charts`]
//! draws the summary's charts and [`draw`] hands the result to krilla. The same report always
//! gives the same bytes: the creation date is the latest record's date, never the clock.

pub mod charts;
pub mod content;
pub mod draw;
pub mod layout;
pub mod text;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use layout::{Flow, GREY, Item, LEFT, Mark, MarkKind, PAGE_H, Pen, RULE, WIDTH};

pub use layout::Density;
use text::{Fonts, Weight};

use super::Report;

/// Options for the PDF.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document language (BCP 47, e.g. `en-GB` or `cy`); default: the framework's.
    pub language: Option<String>,
    /// Font files to use, after the bundled ones, for characters those lack (`--font`).
    pub fonts: Vec<PathBuf>,
    /// Clear print (the default) or compact (`--print compact`).
    pub density: Density,
    /// Show who scored each record by name (`--show-names`); else the group stands for the
    /// person.
    pub show_names: bool,
}

/// A PDF and what the reader should be told about it.
#[derive(Debug)]
pub struct Rendered {
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Warnings, one sentence each (characters no font has).
    pub warnings: Vec<String>,
}

/// Writes the report as a PDF.
pub fn render(report: &Report, options: &Options, out: &mut dyn Write) -> std::io::Result<()> {
    let bytes = to_bytes(report, options).map_err(std::io::Error::other)?;
    out.write_all(&bytes)
}

/// The report as PDF bytes, or why it could not be made.
pub fn to_bytes(report: &Report, options: &Options) -> Result<Vec<u8>, String> {
    render_with_warnings(report, options).map(|r| r.bytes)
}

/// The report as PDF bytes with its warnings, or why it could not be made.
pub fn render_with_warnings(report: &Report, options: &Options) -> Result<Rendered, String> {
    let print = for_print(report, options.show_names);
    let report = print.as_ref();
    let mut fonts = Fonts::load().ok_or("the embedded fonts cannot be read")?;
    for file in &options.fonts {
        fonts.add_file(file)?;
    }
    let language = options
        .language
        .clone()
        .filter(|l| !l.trim().is_empty())
        .or_else(|| Some(report.framework.language.clone()).filter(|l| !l.trim().is_empty()))
        .unwrap_or_else(|| "en-GB".to_string());
    if !valid_language(&language) {
        return Err(format!(
            "`{language}` is not a language tag such as en-GB or cy"
        ));
    }
    // coprod's own words are in its catalog for the framework's language (English when it has
    // none); say which when that is not the document's language.
    let coprod = crate::catalog::catalog_tag(&report.framework.language);
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_ascii_lowercase();
    let ui_lang = (primary(coprod) != primary(&language)).then(|| coprod.to_string());

    // Characters the bundled fonts lack are looked for among the system's fonts, and the
    // pages laid out again with them.
    {
        let (flow, tree) = lay_out(&fonts, report, ui_lang.clone(), options.density);
        let missing = fonts.missing();
        if missing.is_empty() {
            return export(&fonts, flow, tree, report, language);
        }
    }
    let missing = fonts.missing();
    if fonts.add_system(&missing) > 0 {
        fonts.clear_missing();
    }
    let (flow, tree) = lay_out(&fonts, report, ui_lang, options.density);
    export(&fonts, flow, tree, report, language)
}

/// The report as the board paper shows it: a record scored by one person is named by their
/// stakeholder group unless names are asked for (`--show-names`), and record files by their
/// file name alone, since the folder a file was read from can hold a person's name (a home
/// folder) and means nothing to the board.
fn for_print(report: &Report, show_names: bool) -> std::borrow::Cow<'_, Report> {
    use crate::record::ScorerKind;
    let named = |r: &super::RecordInfo| !show_names && r.kind == ScorerKind::Person;
    let foldered = |r: &super::RecordInfo| r.file.contains(['/', '\\']);
    if !report.records.iter().any(|r| named(r) || foldered(r)) {
        return std::borrow::Cow::Borrowed(report);
    }
    let mut out = report.clone();
    for r in &mut out.records {
        if named(r) {
            r.scored_by = match &r.group {
                Some(g) => format!("One person ({})", report.groups.name(g)),
                None => "One person".to_string(),
            };
        }
        // The name after the last folder separator; a workshop's "(group)" suffix stays.
        if let Some(at) = r.file.rfind(['/', '\\']) {
            r.file = r.file[at + 1..].to_string();
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Every page laid out, with the structure tree.
fn lay_out<'f>(
    fonts: &'f Fonts,
    report: &Report,
    ui_lang: Option<String>,
    density: Density,
) -> (Flow<'f>, Vec<layout::Node>) {
    let mut flow = Flow::new(fonts, ui_lang, density);
    let tree = content::build(&mut flow, report);
    let words = crate::catalog::Catalog::new(&report.framework.language);
    footers(&mut flow, &report.title, &words);
    (flow, tree)
}

/// The laid-out pages as PDF bytes, with the warnings for characters no font had.
fn export(
    fonts: &Fonts,
    flow: Flow<'_>,
    tree: Vec<layout::Node>,
    report: &Report,
    language: String,
) -> Result<Rendered, String> {
    let warnings = missing_warning(&fonts.missing()).into_iter().collect();
    let date = report.dates.last().and_then(|d| {
        let d = d.parse::<jiff::civil::Date>().ok()?;
        Some((
            u16::try_from(d.year()).ok()?,
            u8::try_from(d.month()).ok()?,
            u8::try_from(d.day()).ok()?,
        ))
    });
    let words = crate::catalog::Catalog::new(&report.framework.language);
    let dates: Vec<String> = report
        .dates
        .iter()
        .map(|d| crate::report::builder::long_date_in(&words, d))
        .collect();
    // The document information is cleaned as the page text is: no control or invisible
    // characters, one line each.
    let meta = crate::clean::pdf_metadata;
    let info = draw::Info {
        title: meta(&report.title),
        authors: report.partnerships.iter().map(|p| meta(p)).collect(),
        subject: meta(&words.format(
            "pdf-subject",
            &[
                ("title", (&report.framework.title).into()),
                ("version", (&report.framework.version).into()),
                ("dates", dates.join(", ").into()),
            ],
        )),
        language,
        creator: format!("coprod {}", env!("CARGO_PKG_VERSION")),
        date,
    };
    let bytes = draw::export(fonts, &flow.arena, &flow.pages, tree, &flow.outline, &info)?;
    Ok(Rendered { bytes, warnings })
}

/// The warning for characters no font has, naming them by code point (and showing each that
/// is a real character).
fn missing_warning(missing: &BTreeSet<char>) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    const SHOWN: usize = 20;
    let mut names: Vec<String> = missing
        .iter()
        .take(SHOWN)
        .map(|&c| {
            let assigned = !matches!(
                unicode_properties::UnicodeGeneralCategory::general_category(c),
                unicode_properties::GeneralCategory::Unassigned
            );
            if assigned {
                format!("{c} (U+{:04X})", u32::from(c))
            } else {
                format!("U+{:04X}", u32::from(c))
            }
        })
        .collect();
    if missing.len() > SHOWN {
        names.push(format!("and {} more", missing.len() - SHOWN));
    }
    Some(format!(
        "no font has {}: {}\n  they are drawn as a replacement mark, but copy, search and read \
         aloud as themselves\nhelp: install a font that has them, or give one with --font FILE",
        crate::words::plural(missing.len(), "character"),
        names.join(", ")
    ))
}

/// Whether a language tag looks like BCP 47: letters, digits and hyphens, starting with a
/// two- or three-letter language.
pub fn valid_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Adds the footer to every page: the report's title and "Page X of Y", as artifacts.
fn footers(flow: &mut Flow<'_>, title: &str, words: &crate::catalog::Catalog) {
    let size = flow.sizes.footer;
    let total = flow.pages.len();
    let rule_y = PAGE_H - 48.0;
    let top = rule_y + 6.0;
    let page = |n: usize| words.format("pdf-page", &[("n", n.into()), ("total", total.into())]);
    let widest = flow.fonts.width(&page(total), Weight::Regular, size);
    let title = fit(flow.fonts, title, WIDTH - widest - 24.0, size);
    for n in 0..total {
        let mut items = vec![Item::line(
            LEFT,
            rule_y,
            LEFT + WIDTH,
            rule_y,
            Pen::solid(RULE, 0.6),
        )];
        let left = layout::Para::plain(title.clone(), size, Weight::Regular, GREY);
        if let Some(line) = flow.wrap(&left, WIDTH).into_iter().next() {
            items.push(Flow::text_item(line, &left, LEFT, WIDTH, top));
        }
        let right = layout::Para::plain(page(n + 1), size, Weight::Regular, GREY)
            .aligned(layout::Align::Right);
        if let Some(line) = flow.wrap(&right, WIDTH).into_iter().next() {
            items.push(Flow::text_item(line, &right, LEFT, WIDTH, top));
        }
        flow.pages[n].marks.push(Mark {
            kind: MarkKind::Footer,
            items,
        });
    }
}

/// Shortens text with an ellipsis to fit a width: shaped once, then cut at the last cluster
/// that fits, so the cost is linear in the text's length.
fn fit(fonts: &Fonts, text: &str, width: f32, size: f32) -> String {
    let runs = fonts.shape(text, Weight::Regular, size, GREY);
    let total: f32 = runs.iter().map(|r| r.advance(0..r.glyphs.len())).sum();
    if total <= width {
        return text.to_string();
    }
    let limit = width - fonts.width("…", Weight::Regular, size);
    // Each glyph's cluster, as an offset into the whole (cleaned) text, with its advance.
    let mut cleaned = String::new();
    let mut glyphs: Vec<(usize, f32)> = Vec::new();
    for run in &runs {
        let base = cleaned.len();
        glyphs.extend(
            run.glyphs
                .iter()
                .map(|g| (base + g.text_range.start, g.x_advance * run.size)),
        );
        cleaned.push_str(&run.text);
    }
    glyphs.sort_by_key(|g| g.0);
    let mut used = 0.0;
    let mut cut = cleaned.len();
    let mut i = 0;
    while i < glyphs.len() {
        let start = glyphs[i].0;
        let mut w = 0.0;
        while i < glyphs.len() && glyphs[i].0 == start {
            w += glyphs[i].1;
            i += 1;
        }
        if used + w > limit {
            cut = start;
            break;
        }
        used += w;
    }
    let kept = cleaned.get(..cut).unwrap_or_default().trim_end();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for ok in ["en-GB", "cy", "cy-GB", "en", "pl-PL", "zh-Hant-TW"] {
            assert!(valid_language(ok), "{ok}");
        }
        for bad in ["", "e", "english", "en_GB", "en-", "-GB", "en GB"] {
            assert!(!valid_language(bad), "{bad}");
        }
    }

    #[test]
    fn fit_cuts_long_text_to_the_width() {
        let fonts = Fonts::load().expect("embedded fonts");
        assert_eq!(fit(&fonts, "Short title", 200.0, 9.0), "Short title");
        let long = "Hafren Vale SEND Partnership ".repeat(400);
        let cut = fit(&fonts, &long, 200.0, 9.0);
        assert!(cut.ends_with('…') && cut.len() < 200, "{cut}");
        assert!(fonts.width(&cut, Weight::Regular, 9.0) <= 200.0);
        // One more word would not have fitted.
        let longer = format!("{} Partnership…", cut.trim_end_matches('…'));
        assert!(fonts.width(&longer, Weight::Regular, 9.0) > 200.0);
    }
}
