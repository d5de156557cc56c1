//! `coprod report --format pdf`: the real binary writes real PDFs, which are read back with
//! lopdf and, when installed, poppler's `pdftotext`/`pdfinfo` and `qpdf --check`.

use std::collections::BTreeMap;
use std::process::Command;

use lopdf::{Dictionary, Document, Object};

use crate::util::{Test, year};

fn one() -> Vec<String> {
    vec!["examples/2026/parent-carers.yaml".to_string()]
}

/// Runs `coprod report FILES --format pdf -o report.pdf EXTRA` and returns the PDF's bytes.
fn pdf(files: &[String], extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["report", "--format", "pdf", "-o", "report.pdf"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    let t = Test::new().with_examples().args(&args).run_test();
    std::fs::read(t.path().join("report.pdf")).expect("read report.pdf")
}

/// The same records as JSON: the numbers and words the PDF must show.
fn model(files: &[String]) -> serde_json::Value {
    let mut args = vec!["report", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = Test::new().with_examples().args(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON report")
}

trait RunTest {
    fn run_test(self) -> Test;
}

impl RunTest for Test {
    /// Runs and checks it worked quietly, keeping the folder for reading the output.
    fn run_test(self) -> Test {
        let out = self.run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.stderr, "");
        assert_eq!(out.stdout, "");
        self
    }
}

/// Whitespace collapsed to single spaces, so wrapped lines read as running text.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("lopdf reads the PDF")
}

/// All text, in content-stream order, as lopdf decodes it through the fonts' ToUnicode maps.
pub fn text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    words(&doc.extract_text(&pages).expect("extract text"))
}

pub fn string(doc: &Document, dict: &Dictionary, key: &[u8]) -> String {
    let obj = dict.get_deref(key, doc).expect("key present");
    lopdf::decode_text_string(obj).expect("a text string")
}

fn info(doc: &Document) -> &Dictionary {
    let r = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("an Info dictionary");
    doc.get_dictionary(r).expect("Info is a dictionary")
}

/// Structure elements by type (`/S`), with their dictionaries.
pub fn struct_elements(doc: &Document) -> BTreeMap<String, Vec<&Dictionary>> {
    let mut out: BTreeMap<String, Vec<&Dictionary>> = BTreeMap::new();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict()
            && d.get(b"Type").and_then(Object::as_name).ok() == Some(b"StructElem".as_slice())
            && let Ok(s) = d.get(b"S").and_then(Object::as_name)
        {
            out.entry(String::from_utf8_lossy(s).into_owned())
                .or_default()
                .push(d);
        }
    }
    out
}

/// Runs a tool on a PDF; `None` (with a note) when the tool is not installed.
fn tool(name: &str, args: &[&str], bytes: &[u8]) -> Option<std::process::Output> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, bytes).expect("write PDF");
    let file = file.to_string_lossy().into_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&file);
    if name == "pdftotext" {
        all.push("-");
    }
    match Command::new(name).args(&all).output() {
        Ok(out) => Some(out),
        Err(_) => {
            eprintln!("note: {name} is not installed; that check was skipped");
            None
        }
    }
}

fn expected_words(model: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in model["sections"].as_array().expect("sections") {
        out.push(s["title"].as_str().expect("title").to_string());
        for i in s["indicators"].as_array().expect("indicators") {
            out.push(words(i["statement"].as_str().expect("statement")));
        }
    }
    out
}

const TYPOGRAPHY: [&str; 5] = ["Llŷr", "“you said, we did”", "—", "£2.1m", "Renée"];

#[test]
fn single_record_reads_back_whole() {
    let files = one();
    let bytes = pdf(&files, &[]);
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let doc = load(&bytes);
    // Cover, summary (its lists run onto a second page), one page for each of the four
    // cornerstones, actions, appendix (the records on a page of their own).
    let pages = doc.get_pages().len();
    assert_eq!(pages, 10);
    let text = text(&doc);
    assert!(text.contains(&format!("Page {pages} of {pages}")), "{text}");
    for expected in expected_words(&model(&files)) {
        assert!(text.contains(&expected), "missing {expected:?}");
    }
    for s in TYPOGRAPHY {
        assert!(text.contains(s), "{s:?} does not round-trip");
    }
    assert!(text.contains("Trust: 3.0 out of 5 (51% of the scale) · Strong"));
}

#[test]
fn four_groups_read_back_whole() {
    let files = year(2026);
    let bytes = pdf(&files, &[]);
    let doc = load(&bytes);
    // Cover, summary (its charts and lists run onto further pages), groups side by side,
    // two or three pages for each cornerstone, actions, appendix.
    let pages = doc.get_pages().len();
    assert_eq!(pages, 17);
    let text = text(&doc);
    assert!(text.contains(&format!("Page 1 of {pages}")), "{text}");
    let model = model(&files);
    for expected in expected_words(&model) {
        assert!(text.contains(&expected), "missing {expected:?}");
    }
    for s in TYPOGRAPHY {
        assert!(text.contains(s), "{s:?} does not round-trip");
    }
    // Who took part, by stakeholder group.
    for group in ["Parent carers", "Local authority", "Health", "Education"] {
        assert!(text.contains(group), "{group}");
    }
}

#[test]
fn metadata_title_language_and_date_are_set() {
    let bytes = pdf(&one(), &[]);
    let doc = load(&bytes);
    let info = info(&doc);
    assert_eq!(
        string(&doc, info, b"Title"),
        "Four Cornerstones of co-production: Hafren Vale SEND Partnership"
    );
    assert_eq!(
        string(&doc, info, b"Author"),
        "Hafren Vale SEND Partnership"
    );
    assert!(string(&doc, info, b"Subject").contains("Four Cornerstones"));
    // The record's date, never the clock.
    assert!(string(&doc, info, b"CreationDate").starts_with("D:20261112"));
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(string(&doc, catalog, b"Lang"), "en-GB");
    let prefs = catalog
        .get_deref(b"ViewerPreferences", &doc)
        .and_then(Object::as_dict)
        .expect("viewer preferences");
    assert_eq!(
        prefs.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(),
        Some(true)
    );
}

#[test]
fn language_can_be_set_and_is_checked() {
    let bytes = pdf(&one(), &["--language", "cy"]);
    let doc = load(&bytes);
    let catalog = doc.catalog().expect("catalog");
    assert_eq!(string(&doc, catalog, b"Lang"), "cy");
    // The program's own English words say so.
    let english = struct_elements(&doc)
        .values()
        .flatten()
        .filter(|d| d.get(b"Lang").is_ok())
        .count();
    assert!(english > 0);

    let out = Test::new()
        .with_examples()
        .args(&[
            "report",
            "--format",
            "pdf",
            "-o",
            "r.pdf",
            "--language",
            "Welsh!",
        ])
        .args(&one().iter().map(String::as_str).collect::<Vec<_>>())
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("not a language tag"), "{}", out.stderr);

    // The language is the framework's: one it is not written in is refused in every format.
    let out = Test::new()
        .with_examples()
        .args(&["report", "--format", "markdown", "--language", "fr"])
        .args(&one().iter().map(String::as_str).collect::<Vec<_>>())
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("not written in `fr`"), "{}", out.stderr);
}

#[test]
fn tagged_for_assistive_technology() {
    let files = year(2026);
    let bytes = pdf(&files, &[]);
    let doc = load(&bytes);
    let catalog = doc.catalog().expect("catalog");
    let marked = catalog
        .get_deref(b"MarkInfo", &doc)
        .and_then(Object::as_dict)
        .and_then(|m| m.get(b"Marked"))
        .and_then(Object::as_bool);
    assert_eq!(marked.ok(), Some(true));
    assert!(catalog.get(b"StructTreeRoot").is_ok());
    assert!(catalog.get(b"Outlines").is_ok(), "bookmarks");

    let elements = struct_elements(&doc);
    for kind in [
        "H1", "H2", "H3", "Table", "THead", "TBody", "TR", "TH", "TD", "L", "LI",
    ] {
        assert!(elements.contains_key(kind), "no {kind} element");
    }
    // Header cells say what they head.
    assert!(elements["TH"].iter().all(|d| d.get(b"A").is_ok()));
    // The summary's chart is a figure whose alt text is short: per cornerstone, the lowest and
    // highest group, and where the table with every number is (issue #13).
    let figures = &elements["Figure"];
    assert_eq!(figures.len(), 1, "one dot plot");
    let alt = string(&doc, figures[0], b"Alt");
    assert!(alt.starts_with("Dot plot"), "{alt}");
    assert!(
        alt.chars().count() < 800,
        "{} characters: {alt}",
        alt.chars().count()
    );
    assert!(alt.contains("“Cornerstone results”"), "{alt}");
    let model = model(&files);
    let records = model["records"].as_array().expect("records");
    for (j, s) in model["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .enumerate()
    {
        let values: Vec<f64> = records
            .iter()
            .map(|r| r["sections"][j].as_f64().expect("scored"))
            .collect();
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let title = s["title"].as_str().expect("title");
        assert!(
            alt.contains(&format!("{title}: from {lo:.1}")) && alt.contains(&format!("to {hi:.1}")),
            "{title} {lo} {hi} in {alt}"
        );
    }
    // Footers are pagination artifacts, outside the structure tree.
    let first = doc.get_pages()[&1];
    let content = String::from_utf8_lossy(&doc.get_page_content(first)).into_owned();
    assert!(content.contains("/Pagination"), "footer not marked");
}

#[test]
fn same_input_gives_the_same_bytes() {
    let a = pdf(&year(2026), &[]);
    let b = pdf(&year(2026), &[]);
    assert!(a == b, "two runs differ");
}

#[test]
fn poppler_and_qpdf_accept_it() {
    let bytes = pdf(&year(2026), &[]);
    if let Some(out) = tool("qpdf", &["--check"], &bytes) {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}");
        assert!(
            stdout.contains("No syntax or stream encoding errors"),
            "{stdout}"
        );
    }
    if let Some(out) = tool("pdftotext", &["-enc", "UTF-8"], &bytes) {
        assert!(out.status.success());
        let text = words(&String::from_utf8_lossy(&out.stdout));
        for s in TYPOGRAPHY {
            assert!(text.contains(s), "pdftotext lost {s:?}");
        }
        for s in [
            "Welcome and Care",
            "Value and Include",
            "Communicate",
            "Work in Partnership",
        ] {
            assert!(text.contains(s), "pdftotext lost {s:?}");
        }
    }
    if let Some(out) = tool("pdfinfo", &[], &bytes) {
        let info = String::from_utf8_lossy(&out.stdout);
        // poppler 22 complains about `/Suspects false` in MarkInfo, which is what PDF/UA asks
        // for (and it then reads it correctly: "Suspects: no"); any other complaint is ours.
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr
                .lines()
                .all(|l| l == "Syntax Error: Suspects object is wrong type (boolean)"),
            "{stderr}"
        );
        assert!(info.contains("Suspects:        no"), "{info}");
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.contains("(A4)"), "{info}");
        assert!(info.contains("Pages:           17"), "{info}");
        assert!(
            info.contains("Title:           Four Cornerstones of co-production"),
            "{info}"
        );
    }
}

#[test]
fn three_years_of_four_groups() {
    let files: Vec<String> = [2024, 2025, 2026].into_iter().flat_map(year).collect();
    let bytes = pdf(&files, &[]);
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
    let doc = load(&bytes);
    let text = text(&doc);
    // The scorecard is the latest assessment's; the earlier ones show the change.
    assert!(text.contains("Completeness: 95 of 96 answered"), "{text}");
    assert!(
        text.contains("Earlier assessments: 14 November 2024, 13 November 2025"),
        "{text}"
    );
    for heading in [
        "Views by stakeholder group",
        "Talk about this",
        "Over time",
        "You said, we did",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    for date in ["14 November 2024", "13 November 2025", "12 November 2026"] {
        assert!(text.contains(date), "{date}");
    }
    for expected in expected_words(&model(&files)) {
        assert!(text.contains(&expected), "missing {expected:?}");
    }
    // The chart of the results over time states each date's numbers.
    let model = model(&files);
    let elements = struct_elements(&doc);
    let alts: Vec<String> = elements["Figure"]
        .iter()
        .map(|d| string(&doc, d, b"Alt"))
        .collect();
    assert_eq!(alts.len(), 2, "{alts:?}");
    let over_time = alts
        .iter()
        .find(|a| a.contains("at each assessment"))
        .expect("a chart over time");
    for v in model["trend"]["overall"]["values"]
        .as_array()
        .expect("values")
    {
        let v = v.as_f64().expect("a value");
        let shown = format!("{:.1}", (v * 10.0).round() / 10.0);
        assert!(over_time.contains(&shown), "{v} in {over_time}");
    }
}

#[test]
fn one_group_over_two_years_shows_the_latest_record() {
    let files = vec![
        "examples/2025/parent-carers.yaml".to_string(),
        "examples/2026/parent-carers.yaml".to_string(),
    ];
    let doc = load(&pdf(&files, &[]));
    let text = text(&doc);
    // The 2026 evidence is in the indicator table; the 2025 notes are not.
    assert!(text.contains("New members Llŷr and Renée"), "{text}");
    assert!(!text.contains("less like a court hearing"), "{text}");
    assert!(text.contains("Over time"));
    assert!(text.contains("You said, we did"));
}

#[test]
fn a_pdf_is_not_written_to_a_terminal() {
    use rexpect::session::spawn_command;
    let t = Test::new().with_examples();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coprod"));
    cmd.args(["report", "--format", "pdf", "examples/2026/health.yaml"])
        .current_dir(t.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", t.path())
        .env("TERM", "xterm-256color");
    let mut p = spawn_command(cmd, Some(20_000)).expect("start coprod in a pseudo-terminal");
    p.exp_string("-o report.pdf").expect("the advice");
    match p.process().wait().expect("wait for coprod") {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 2),
        other => panic!("coprod did not exit normally: {other:?}"),
    }
}

#[test]
fn a_pdf_can_go_to_a_pipe() {
    let out = Test::new()
        .with_examples()
        .args(&["report", "--format", "pdf", "examples/2026/health.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("%PDF-"));
}

/// `--anonymise` removes participants' names from the PDF too (the other formats are
/// checked in `report.rs`).
#[test]
fn anonymised_pdf_has_no_names() {
    let files: Vec<String> = [2024, 2025, 2026].into_iter().flat_map(year).collect();
    let names: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(crate::util::repo().join(f)).expect("example");
            let list: Vec<String> = text
                .split("participants:\n")
                .nth(1)
                .unwrap_or("")
                .lines()
                .take_while(|l| l.starts_with("  - "))
                .map(|l| l.trim_start_matches("  - ").trim().to_string())
                .collect();
            list
        })
        .collect();
    assert!(names.len() > 20);
    let doc = load(&pdf(&files, &["--anonymise"]));
    let all = text(&doc);
    for name in &names {
        for part in name.split_whitespace().filter(|p| p.chars().count() >= 3) {
            assert!(
                !all.contains(part),
                "the PDF contains {part:?} (from {name:?})"
            );
        }
    }
}
