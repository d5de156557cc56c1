//! The board PDF for every size of partnership, in clear print (issue #13): type sizes read
//! from the content streams, table headers read back whole for 1 to 10 groups and 1 to 8
//! dates, no page left mostly empty without reason, and no names or folder paths unless asked.

use std::collections::BTreeMap;
use std::process::Command;

use lopdf::content::Content;
use lopdf::{Document, Object};

use crate::pdf::{load, text};
use crate::util::{Test, repo};

/// Stakeholder groups for a partnership of up to ten: the usual four, then others.
const GROUPS: [&str; 10] = [
    "parent-carers",
    "local-authority",
    "health",
    "education",
    "young-people",
    "social-care",
    "early-years",
    "voluntary-sector",
    "schools-forum",
    "short-breaks",
];

/// A partnership of `groups` groups assessed on `dates` dates: the 2026 examples with each
/// record's group, date and levels changed, so every group and date has its own results.
fn partnership(groups: usize, dates: usize) -> (Test, Vec<String>) {
    let sources: Vec<String> = ["parent-carers", "local-authority", "health", "education"]
        .iter()
        .map(|g| {
            std::fs::read_to_string(repo().join(format!("examples/2026/{g}.yaml")))
                .expect("example record")
        })
        .collect();
    let mut t = Test::new();
    let mut names = Vec::new();
    for d in 0..dates {
        let year = 2026 - (dates - 1 - d);
        for (g, group) in GROUPS.iter().take(groups).enumerate() {
            let mut out = String::new();
            for line in sources[g % 4].lines() {
                let trimmed = line.trim_start();
                let indent = &line[..line.len() - trimmed.len()];
                let line = if trimmed.starts_with("date: ") && indent.is_empty() {
                    format!("date: {year}-11-12")
                } else if trimmed.starts_with("group: ") && indent == "  " {
                    format!("  group: {group}")
                } else if let Some(level) = trimmed
                    .strip_prefix("level: ")
                    .and_then(|l| l.parse::<usize>().ok())
                {
                    format!("{indent}level: {}", (level + g + d) % 5 + 1)
                } else {
                    line.to_string()
                };
                out.push_str(&line);
                out.push('\n');
            }
            let name = format!("{year}-{group}.yaml");
            t = t.file(&name, out);
            names.push(name);
        }
    }
    (t, names)
}

/// Writes the PDF of these records with extra arguments; returns its bytes.
fn render(t: &Test, files: &[String], extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["report", "--format", "pdf", "-o", "out.pdf"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::read(t.path().join("out.pdf")).expect("the PDF")
}

/// How many glyphs are drawn at each type size (in tenths of a point), inside and outside the
/// footers.
#[derive(Default, Debug)]
struct Sizes {
    body: BTreeMap<u32, usize>,
    footer: BTreeMap<u32, usize>,
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// Reads every page's content stream: the size set by the last `Tf` for each `Tj`/`TJ`, and
/// whether it is inside a footer artifact (`/Artifact <</Subtype /Footer>> BDC`).
fn sizes(doc: &Document) -> Sizes {
    let mut out = Sizes::default();
    for (_, page) in doc.get_pages() {
        let data = doc.get_page_content(page);
        let content = Content::decode(&data).expect("content stream");
        let mut size = 0.0;
        let mut marks: Vec<bool> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => size = op.operands.get(1).and_then(number).unwrap_or(0.0),
                "BDC" | "BMC" => {
                    let footer = op.operands.get(1).is_some_and(|o| {
                        o.as_dict().is_ok_and(|d| {
                            d.get(b"Subtype").and_then(Object::as_name).ok()
                                == Some(b"Footer".as_slice())
                        })
                    });
                    marks.push(footer);
                }
                "EMC" => {
                    marks.pop();
                }
                "Tj" | "TJ" => {
                    let glyphs: usize = op
                        .operands
                        .iter()
                        .map(|o| match o {
                            Object::String(s, _) => s.len() / 2,
                            Object::Array(a) => a
                                .iter()
                                .map(|x| match x {
                                    Object::String(s, _) => s.len() / 2,
                                    _ => 0,
                                })
                                .sum(),
                            _ => 0,
                        })
                        .sum();
                    let key = (size * 10.0).round() as u32;
                    let map = if marks.iter().any(|&f| f) {
                        &mut out.footer
                    } else {
                        &mut out.body
                    };
                    *map.entry(key).or_default() += glyphs;
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn clear_print_sets_body_text_at_12_pt_and_nothing_but_footers_under_11() {
    let (t, files) = partnership(4, 3);
    let clear = sizes(&load(&render(&t, &files, &[])));
    let compact = sizes(&load(&render(&t, &files, &["--print", "compact"])));
    // Nothing but the footers is set under 11 pt.
    let smallest = clear.body.keys().next().copied().unwrap_or(0);
    assert!(
        smallest >= 110,
        "text at {} pt: {:?}",
        smallest as f32 / 10.0,
        clear.body
    );
    assert!(!clear.footer.is_empty(), "no footers found");
    // The paragraphs are 12 pt: the same glyphs that compact print sets at 10.5 pt.
    let body = clear.body.get(&120).copied().unwrap_or(0);
    assert!(body > 1000, "{body} glyphs at 12 pt: {:?}", clear.body);
    assert_eq!(Some(&body), compact.body.get(&105), "{clear:?} {compact:?}");
    // Compact print is the denser layout, with tables at 9 pt.
    assert!(compact.body.contains_key(&90), "{compact:?}");
}

/// pdftotext's words, in content-stream order (`-raw`) or read across the page.
fn pdftotext(bytes: &[u8], raw: bool) -> Option<String> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, bytes).expect("write PDF");
    let mut cmd = Command::new("pdftotext");
    if raw {
        cmd.arg("-raw");
    }
    let out = cmd.args(["-enc", "UTF-8"]).arg(&file).arg("-").output();
    match out {
        Ok(out) => Some(String::from_utf8(out.stdout).expect("UTF-8")),
        Err(_) => {
            eprintln!("note: pdftotext is not installed; that check was skipped");
            None
        }
    }
}

/// The words of every table header the report has for this partnership.
fn header_words(groups: usize, dates: usize) -> Vec<String> {
    let mut headers = vec![
        "Cornerstone",
        "Score",
        "% of scale",
        "Band",
        "Answered",
        "Indicator",
        "Action",
        "Owner",
        "Status",
        "Raised by",
        "Scored by",
        "Indicators answered",
        "Meaning",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    if groups > 1 {
        headers.extend(["Lowest record", "Highest record", "Gap", "Answers"].map(String::from));
        for g in GROUPS.iter().take(groups) {
            headers.push(g.replace('-', " "));
        }
    } else {
        headers.extend(["Level", "Evidence"].map(String::from));
    }
    if dates > 1 {
        headers.extend(["November", "Change since"].map(String::from));
    }
    headers
        .iter()
        .flat_map(|h| h.split_whitespace().map(str::to_lowercase))
        .filter(|w| w.chars().count() > 1)
        .collect()
}

#[test]
fn every_header_word_comes_out_whole_for_any_number_of_groups_and_dates() {
    for (groups, dates) in [(1, 1), (4, 1), (10, 1), (1, 3), (4, 3), (4, 8), (10, 8)] {
        let (t, files) = partnership(groups, dates);
        let bytes = render(&t, &files, &[]);
        let Some(raw) = pdftotext(&bytes, true) else {
            return;
        };
        let tokens: Vec<String> = raw.split_whitespace().map(str::to_lowercase).collect();
        for word in header_words(groups, dates) {
            assert!(
                tokens.contains(&word),
                "{groups} groups, {dates} dates: {word:?} is never whole"
            );
            // A header cell's lines come one after the other in content order, so a word
            // broken in two would be two neighbouring tokens.
            for pair in tokens.windows(2) {
                let broken = word.len() > pair[0].len()
                    && word.starts_with(pair[0].as_str())
                    && word[pair[0].len()..] == pair[1];
                assert!(
                    !broken,
                    "{groups} groups, {dates} dates: {word:?} broken as {pair:?}"
                );
            }
        }
    }
}

/// Each page's words with their boxes, from `pdftotext -bbox`: (page, yMin, yMax, word).
fn boxes(bytes: &[u8]) -> Option<Vec<(usize, f32, f32, String)>> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, bytes).expect("write PDF");
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let attr = |name: &str| -> f32 {
                rest.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0.0)
            };
            let word = rest
                .split('>')
                .nth(1)
                .and_then(|w| w.split('<').next())
                .unwrap_or_default()
                .to_string();
            words.push((page, attr("yMin"), attr("yMax"), word));
        }
    }
    Some(words)
}

#[test]
fn no_page_is_over_a_third_empty_but_the_last_of_a_part() {
    // Where the body of an A4 page ends, and the footer starts.
    const TOP: f32 = 56.69;
    const BOTTOM: f32 = 841.89 - 66.0;
    for (groups, dates) in [(1, 1), (4, 1), (10, 1), (1, 3), (4, 3), (4, 8), (10, 8)] {
        let (t, files) = partnership(groups, dates);
        let bytes = render(&t, &files, &[]);
        let Some(words) = boxes(&bytes) else {
            return;
        };
        let pages = words.iter().map(|w| w.0).max().unwrap_or(0);
        // The parts that start a page of their own.
        let mut starts = vec![
            "Summary".to_string(),
            "Views by stakeholder group".to_string(),
            "Over time".to_string(),
            "Framework versions".to_string(),
            "Action plan".to_string(),
            "You said, we did".to_string(),
            "How the scores are worked out".to_string(),
        ];
        starts.extend(
            [
                "Welcome and Care",
                "Value and Include",
                "Communicate",
                "Work in Partnership",
            ]
            .map(String::from),
        );
        let first_line = |page: usize| -> String {
            let on: Vec<&(usize, f32, f32, String)> =
                words.iter().filter(|w| w.0 == page).collect();
            let top = on.iter().map(|w| w.1).fold(f32::INFINITY, f32::min);
            on.iter()
                .filter(|w| (w.1 - top).abs() < 2.0)
                .map(|w| w.3.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for page in 2..pages {
            let next = first_line(page + 1);
            if starts.contains(&next) {
                continue;
            }
            let lowest = words
                .iter()
                .filter(|w| w.0 == page && w.2 < BOTTOM)
                .map(|w| w.2)
                .fold(TOP, f32::max);
            let empty = (BOTTOM - lowest) / (BOTTOM - TOP);
            assert!(
                empty <= 1.0 / 3.0,
                "{groups} groups, {dates} dates: page {page} of {pages} is {:.0}% empty \
                 (next page starts {next:?})",
                empty * 100.0
            );
        }
    }
}

/// A record scored by a named person, with participants, read from inside two folders.
fn named_record() -> (Test, String) {
    let src =
        std::fs::read_to_string(repo().join("examples/2026/health.yaml")).expect("example record");
    let record = src.replace(
        "scored_by:\n  kind: group\n  group: health\n",
        "scored_by:\n  kind: person\n  name: Gareth Pryce\n  group: health\n",
    );
    assert!(record.contains("Gareth Pryce"));
    let path = "home/gpryce/board/health.yaml".to_string();
    (Test::new().file(&path, record), path)
}

#[test]
fn no_names_or_folder_paths_unless_asked() {
    let (t, path) = named_record();
    let files = vec![path];
    let doc = load(&render(&t, &files, &[]));
    let all = text(&doc);
    let cover = doc.extract_text(&[1]).expect("the cover's text");
    for name in ["Gareth", "Pryce", "Renée", "Castellane", "Fatima", "Begum"] {
        assert!(!cover.contains(name), "the cover names {name}");
    }
    for name in ["Gareth", "Pryce"] {
        assert!(!all.contains(name), "the PDF names the scorer: {name}");
    }
    assert!(all.contains("One person (Health)"), "{all}");
    // The record file by its name alone.
    assert!(all.contains("health.yaml"), "{all}");
    assert!(
        !all.contains("gpryce") && !all.contains("home/"),
        "a folder path: {all}"
    );
    for word in all.split_whitespace() {
        assert!(
            !(word.contains('/') && word.contains(".yaml")),
            "a folder path: {word}"
        );
    }

    // Asked for, the name is shown.
    let named = text(&load(&render(&t, &files, &["--show-names"])));
    assert!(named.contains("Gareth Pryce"), "{named}");
}

/// The outline's entries as (depth, title), depth 1 at the top, in order.
fn outline(doc: &Document) -> Vec<(usize, String)> {
    fn walk(
        doc: &Document,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(usize, String)>,
    ) {
        let mut next = first;
        while let Some(id) = next {
            let Ok(item) = doc.get_dictionary(id) else {
                break;
            };
            out.push((depth, crate::pdf::string(doc, item, b"Title")));
            walk(
                doc,
                item.get(b"First").and_then(Object::as_reference).ok(),
                depth + 1,
                out,
            );
            next = item.get(b"Next").and_then(Object::as_reference).ok();
        }
    }
    let outlines = doc
        .catalog()
        .and_then(|c| c.get_deref(b"Outlines", doc))
        .and_then(Object::as_dict)
        .expect("an outline");
    let mut out = Vec::new();
    walk(
        doc,
        outlines.get(b"First").and_then(Object::as_reference).ok(),
        1,
        &mut out,
    );
    out
}

#[test]
fn every_heading_is_a_bookmark_and_the_parts_show_at_once() {
    let (t, files) = partnership(4, 3);
    let doc = load(&render(&t, &files, &[]));
    let elements = crate::pdf::struct_elements(&doc);
    let headings: usize = ["H1", "H2", "H3"]
        .iter()
        .map(|h| elements.get(*h).map_or(0, Vec::len))
        .sum();
    let marks = outline(&doc);
    assert_eq!(marks.len(), headings, "{marks:?}");
    // The parts are at the top, beside the title; their own headings beneath them.
    let top: Vec<&str> = marks
        .iter()
        .filter(|m| m.0 == 1)
        .map(|m| m.1.as_str())
        .collect();
    for part in [
        "Summary",
        "Views by stakeholder group",
        "Over time",
        "Welcome and Care",
    ] {
        assert!(top.contains(&part), "{part} not at the top: {top:?}");
    }
    assert!(
        marks.iter().any(|m| m.0 == 2 && m.1 == "Talk about this"),
        "{marks:?}"
    );
}

/// A small framework in French, a language coprod has no catalog for: its reports are in
/// French with coprod's words in English.
const FRENCH: &str = "\
id: mini
title: Petit cadre
version: \"1\"
language: fr
section_noun: principe
scale:
  - {value: 1, label: Pas encore}
  - {value: 2, label: Parfois}
  - {value: 3, label: Toujours}
bands:
  - {label: Début, min: 1, max: 2}
  - {label: Solide, min: 2, max: 3}
sections:
  - id: ecoute
    title: Écoute
    indicators:
      - {id: e1, statement: Nous écoutons les familles.}
      - {id: e2, statement: Nous répondons aux familles.}
  - id: partage
    title: Partage
    indicators:
      - {id: p1, statement: Nous partageons les informations.}
";

#[test]
fn coprods_words_are_tagged_with_their_language_where_it_is_not_the_documents() {
    let t = Test::new().with_examples();
    let files = crate::util::year(2026);
    let lang_of = |doc: &Document, kind: &str| -> Vec<Option<String>> {
        crate::pdf::struct_elements(doc)
            .get(kind)
            .map(|list| {
                list.iter()
                    .map(|d| {
                        d.get(b"Lang")
                            .ok()
                            .map(|_| crate::pdf::string(doc, d, b"Lang"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let catalog_lang = |doc: &Document| {
        doc.catalog()
            .ok()
            .and_then(|c| c.get(b"Lang").ok())
            .and_then(|l| lopdf::decode_text_string(l).ok())
    };
    // In Welsh, coprod's words come from its Welsh catalog: nothing needs another language.
    let welsh = load(&render(&t, &files, &["--language", "cy"]));
    assert_eq!(catalog_lang(&welsh).as_deref(), Some("cy"));
    for kind in ["Span", "P", "TD"] {
        assert!(
            lang_of(&welsh, kind).iter().all(Option::is_none),
            "a Welsh report tags a {kind} with a language"
        );
    }

    // In French, which coprod does not speak, coprod's words are English, tagged span by span
    // within a paragraph that mixes them ("Overall: 2.0 out of 3 … · Solide"), and cells of
    // coprod's words alone (a date, "2 of 2") are English while the framework's stay French.
    let answers = "partnership: P\ndate: 2026-11-12\nscored_by: {kind: room}\n\
                   answers:\n  - {indicator: e1, level: 2}\n  - {indicator: e2, level: 3}\n\
                   \x20 - {indicator: p1, level: 1}\n";
    let f = Test::new()
        .file("mini.yaml", FRENCH)
        .file("answers.yaml", answers);
    let out = f.run_args(&[
        "assess",
        "-f",
        "mini.yaml",
        "--answers",
        "answers.yaml",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let french = load(&render(
        &f,
        &["r.yaml".to_string()],
        &["--framework", "mini.yaml"],
    ));
    assert_eq!(catalog_lang(&french).as_deref(), Some("fr"));
    let spans = lang_of(&french, "Span");
    let english = spans
        .iter()
        .filter(|l| l.as_deref() == Some("en-GB"))
        .count();
    assert!(english > 3, "{english} English spans of {}", spans.len());
    assert!(
        spans
            .iter()
            .all(|l| l.is_none() || l.as_deref() == Some("en-GB")),
        "{spans:?}"
    );
    let cells = lang_of(&french, "TD");
    assert!(
        cells.iter().any(|l| l.as_deref() == Some("en-GB")),
        "{cells:?}"
    );
    assert!(cells.iter().any(Option::is_none), "{cells:?}");

    // In Welsh, coprod speaks Welsh: the document is cy and none of coprod's words are
    // tagged English.
    let t = Test::new().with_examples();
    let welsh = load(&render(&t, &crate::util::year(2026), &["--language", "cy"]));
    let welsh_lang = welsh
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|l| lopdf::decode_text_string(l).ok());
    assert_eq!(welsh_lang.as_deref(), Some("cy"));
    assert!(
        lang_of(&welsh, "Span")
            .iter()
            .all(|l| l.as_deref() != Some("en-GB")),
        "a Welsh report tags coprod's words English"
    );

    // In English, nothing needs a language of its own.
    let english = load(&render(&t, &crate::util::year(2026), &[]));
    for kind in ["Span", "P", "TD"] {
        assert!(
            lang_of(&english, kind).iter().all(Option::is_none),
            "an English report tags a {kind} with a language"
        );
    }
}

#[test]
fn the_vote_before_the_room_agreed_is_drawn_where_there_was_one() {
    let src = std::fs::read_to_string(repo().join("examples/2026/parent-carers.yaml"))
        .expect("example record");
    let anchor = "  - indicator: wc1\n";
    assert!(src.contains(anchor));
    let record = src.replacen(
        anchor,
        "  - indicator: wc1\n    votes:\n      - from: cards\n        levels: {2: 1, 3: 4, 4: 3}\n",
        1,
    );
    let t = Test::new().file("r.yaml", record);
    let doc = load(&render(&t, &["r.yaml".to_string()], &[]));
    let all = text(&doc);
    assert!(all.contains("How people voted"), "{all}");
    assert!(
        all.contains("3: 4"),
        "the count of each level is written: {all}"
    );
    let alts: Vec<String> = crate::pdf::struct_elements(&doc)["Figure"]
        .iter()
        .map(|d| crate::pdf::string(&doc, d, b"Alt"))
        .collect();
    let vote = alts
        .iter()
        .find(|a| a.starts_with("How many people chose"))
        .expect("a chart of the vote");
    assert!(
        vote.contains("WC1: 1 chose 2, 4 chose 3, 3 chose 4; agreed 4."),
        "{vote}"
    );

    // Without votes, no such chart.
    let (t, files) = partnership(1, 1);
    assert!(!text(&load(&render(&t, &files, &[]))).contains("How people voted"));
}
