//! Text in every script comes out of the PDF as it went in: read back with lopdf (through the
//! fonts' ToUnicode maps) and poppler's `pdftotext` (which also honours ActualText and
//! ReversedChars). Chinese and emoji come from the system's fonts (`.ci/run` installs them);
//! without them they are still extracted intact, and a warning names them.

use std::process::Command;

use crate::pdf::{load, text};
use crate::util::{Output, Test, repo};

/// Evidence in the scripts UK forums write in, and some that only system fonts have.
const ARABIC: &str = "مرحبا بكم في المنتدى";
const URDU: &str = "ہم سب مل کر کام کرتے ہیں";
const BENGALI: &str = "আমরা একসাথে কাজ করি";
const GURMUKHI: &str = "ਸਤ ਸ੍ਰੀ ਅਕਾਲ";
const DEVANAGARI: &str = "नमस्ते दोस्तों";
const GUJARATI: &str = "નમસ્તે મિત્રો";
const TAMIL: &str = "வணக்கம் நண்பர்களே";
const CHINESE: &str = "我们一起工作";
const EMOJI: &str = "😀";
const SYMBOLS: &str = "✓ ✗ ★";

/// The first example record with its first evidence note replaced.
fn record_with(evidence: &str) -> String {
    let src = std::fs::read_to_string(repo().join("examples/2026/parent-carers.yaml"))
        .expect("example record");
    let first = "Every board and working group now starts with a welcome and introductions.";
    assert!(src.contains(first));
    src.replace(first, evidence)
}

fn report(record: &str, extra: &[&str]) -> (Output, Vec<u8>) {
    let mut args = vec!["report", "r.yaml", "--format", "pdf", "-o", "r.pdf"];
    args.extend(extra);
    let t = Test::new().file("r.yaml", record).args(&args);
    let out = t.run();
    let bytes = std::fs::read(t.path().join("r.pdf")).unwrap_or_default();
    (out, bytes)
}

/// pdftotext's text with the bidi marks it adds taken out and whitespace collapsed; `None`
/// when poppler is not installed.
fn pdftotext(bytes: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, bytes).expect("write PDF");
    match Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) => {
            assert!(out.status.success(), "pdftotext failed");
            let t = String::from_utf8(out.stdout).expect("UTF-8");
            let t: String = t
                .chars()
                .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
                .collect();
            Some(t.split_whitespace().collect::<Vec<_>>().join(" "))
        }
        Err(_) => {
            eprintln!("note: pdftotext is not installed; that check was skipped");
            None
        }
    }
}

/// Every `/ActualText` of the structure tree's elements, decoded.
fn actual_texts(doc: &lopdf::Document) -> Vec<String> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"S")
                .and_then(|s| s.as_name())
                .is_ok_and(|n| n == b"Span")
        })
        .filter_map(|d| match d.get(b"ActualText") {
            Ok(lopdf::Object::String(raw, _)) => Some(decode_text_string(raw)),
            _ => None,
        })
        .collect()
}

/// A PDF text string: UTF-16BE after a byte-order mark, else (for ASCII) bytes as they are.
fn decode_text_string(raw: &[u8]) -> String {
    match raw.strip_prefix(&[0xFE, 0xFF]) {
        Some(units) => {
            let units: Vec<u16> = units
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => raw.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Whether fontconfig knows a font with this character.
fn system_has(c: char) -> bool {
    Command::new("fc-list")
        .arg(format!(":charset={:x}", u32::from(c)))
        .output()
        .is_ok_and(|o| !o.stdout.is_empty())
}

#[test]
fn every_script_reads_back_intact() {
    let evidence = format!(
        "Arabic: {ARABIC}. Urdu: {URDU}۔ Bengali: {BENGALI}। Gurmukhi: {GURMUKHI}. \
         Devanagari: {DEVANAGARI}. Gujarati: {GUJARATI}. Tamil: {TAMIL}. \
         Chinese: {CHINESE}。 Emoji: {EMOJI} Symbols: {SYMBOLS}"
    );
    let (out, bytes) = report(&record_with(&evidence), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The bundled fonts need no warning; Chinese and emoji need none where the system has a
    // font for them.
    for s in [
        ARABIC, URDU, BENGALI, GURMUKHI, DEVANAGARI, GUJARATI, TAMIL, SYMBOLS,
    ] {
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            assert!(!out.stderr.contains(c), "warned about {c}: {}", out.stderr);
        }
    }
    for c in CHINESE.chars().chain(EMOJI.chars()) {
        if system_has(c) {
            assert!(!out.stderr.contains(c), "warned about {c}: {}", out.stderr);
        } else {
            assert!(
                out.stderr.contains(c),
                "no warning about {c}: {}",
                out.stderr
            );
        }
    }

    // lopdf: the text of every script, in reading order, is the ActualText of a Span in the
    // structure tree (lopdf's own extraction reads glyphs in drawing order through the fonts'
    // character maps, which cannot say how Bengali's vowel signs or Arabic's words go).
    let doc = load(&bytes);
    assert!(!text(&doc).contains('\u{FFFD}'), "lopdf found U+FFFD");
    let actual = actual_texts(&doc).join(" ");
    let actual = actual.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!actual.contains('\u{FFFD}'), "an ActualText has U+FFFD");
    for s in [
        ARABIC, URDU, BENGALI, GURMUKHI, DEVANAGARI, GUJARATI, TAMIL, CHINESE, EMOJI,
    ] {
        assert!(actual.contains(s), "no ActualText has {s:?}: {actual}");
    }
    assert!(text(&doc).contains(SYMBOLS) || actual.contains(SYMBOLS));

    // pdftotext: everything, right to left included, in reading order.
    if let Some(t) = pdftotext(&bytes) {
        assert!(!t.contains('\u{FFFD}'), "pdftotext found U+FFFD");
        // Word by word: a phrase may wrap onto a second line of its cell, and pdftotext reads
        // the lines of a table row across its columns.
        for s in [
            ARABIC, URDU, BENGALI, GURMUKHI, DEVANAGARI, GUJARATI, TAMIL, CHINESE, EMOJI, SYMBOLS,
        ] {
            for word in s.split_whitespace() {
                assert!(t.contains(word), "pdftotext lost {word:?} of {s:?}");
            }
        }
    }
}

#[test]
fn a_character_no_font_has_is_named_and_still_extracts() {
    // U+0378 is not assigned, so no font has it.
    let (out, bytes) = report(&record_with("Code \u{0378} here."), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("warning: no font has 1 character: U+0378\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--font FILE"), "{}", out.stderr);
    assert_eq!(out.stderr.matches("warning:").count(), 1, "{}", out.stderr);
    let all = text(&load(&bytes));
    assert!(!all.contains('\u{FFFD}'), "lopdf found U+FFFD");
    assert!(
        all.contains("Code \u{0378} here."),
        "lopdf lost the character"
    );
    if let Some(t) = pdftotext(&bytes) {
        assert!(!t.contains('\u{FFFD}'), "pdftotext found U+FFFD");
        assert!(t.contains("Code \u{0378} here."), "pdftotext lost it");
    }
}

#[test]
fn a_font_file_can_be_given() {
    let record = record_with("Tick ✓ here.");
    // A font given is embedded, and tried before the system's fonts.
    let dejavu = std::path::Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    let font = if dejavu.is_file() {
        dejavu.to_path_buf()
    } else {
        eprintln!("note: DejaVu Sans is not installed; a bundled font stands in");
        repo().join("fonts/NotoSansTamil-Regular.ttf")
    };
    let font = font.to_string_lossy().into_owned();
    let (out, bytes) = report(&record, &["--font", &font]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc = load(&bytes);
    assert!(text(&doc).contains("Tick ✓ here."));
    if dejavu.is_file() {
        let names: Vec<String> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter_map(|d| d.get(b"BaseFont").ok())
            .filter_map(|n| n.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        assert!(names.iter().any(|n| n.contains("DejaVuSans")), "{names:?}");
    }

    let (out, _) = report(&record, &["--font", "missing.ttf"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("missing.ttf is not a font file"),
        "{}",
        out.stderr
    );

    let t = Test::new()
        .file("r.yaml", &record)
        .file("not-a-font.ttf", "hello");
    let out = t.run_args(&[
        "report",
        "r.yaml",
        "--format",
        "pdf",
        "-o",
        "r.pdf",
        "--font",
        "not-a-font.ttf",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("is not a TrueType or OpenType font"),
        "{}",
        out.stderr
    );

    let out = Test::new()
        .file("r.yaml", &record)
        .args(&["report", "r.yaml", "--font", &font])
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("--font adds a font to a PDF"),
        "{}",
        out.stderr
    );
}

#[test]
fn spacing_accents_do_not_overprint() {
    // Each accent on its own advances the pen, so the letters around it stay apart.
    let (out, bytes) = report(&record_with("Marks a`b´c¨d¸e˚f end."), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    if let Some(t) = pdftotext(&bytes) {
        assert!(t.contains("a`b´c¨d¸e˚f"), "{t}");
    }
}
