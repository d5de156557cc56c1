//! The language of a report when none is asked for: the records' own when every record was
//! scored in the same one, else the framework's, with a line in the summary saying so.

use crate::util::{Test, year};

/// The 2026 example records with the parent carers' and health's (or every group's) marked as
/// scored in Welsh.
fn examples(welsh: &[&str]) -> Test {
    let t = Test::new().with_examples();
    for group in welsh {
        let path = t.path().join(format!("examples/2026/{group}.yaml"));
        let text = std::fs::read_to_string(&path).expect("example record");
        let marked = text.replacen(
            "partnership: Hafren Vale",
            "  language: cy\npartnership: Hafren Vale",
            1,
        );
        assert_ne!(marked, text, "{group}");
        std::fs::write(&path, marked).expect("write record");
    }
    t
}

const ALL: [&str; 4] = ["parent-carers", "local-authority", "health", "education"];

fn run(t: &Test, args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let files = year(2026);
    all.extend(files.iter().map(String::as_str));
    let out = t.run_args(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn records_all_scored_in_welsh_are_reported_in_welsh_in_every_format() {
    let welsh = examples(&ALL);
    let english = Test::new().with_examples();
    for format in ["table", "markdown", "csv"] {
        let from_records = run(&welsh, &["--format", format]);
        let asked = run(&english, &["--format", format, "--language", "cy"]);
        assert_eq!(from_records, asked, "{format}");
    }
    let md = run(&welsh, &["--format", "markdown"]);
    assert!(md.contains("## Crynodeb"), "{md}");
    // One language: nothing to say about languages.
    assert!(!md.contains("Ieithoedd"), "{md}");
    let json = run(&welsh, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["framework"]["language"], "cy");
    assert_eq!(v["framework"]["title"], "Pedair Conglfaen cyd-gynhyrchu");
    for r in v["records"].as_array().expect("records") {
        assert_eq!(r["language"], "cy", "{r}");
    }
    // The PDF is tagged Welsh and nothing in it English.
    let out = welsh.run_args(
        &[
            &["report", "--format", "pdf", "-o", "r.pdf"][..],
            &year(2026).iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::read(welsh.path().join("r.pdf")).expect("pdf");
    let doc = crate::pdf::load(&bytes);
    let lang = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|l| l.as_str().ok())
        .map(|b| String::from_utf8_lossy(b).into_owned());
    assert_eq!(lang.as_deref(), Some("cy"));
    let text = crate::pdf::text(&doc);
    assert!(text.contains("Crynodeb"), "{text}");
    assert!(!text.contains("Summary"), "{text}");
}

#[test]
fn a_language_asked_for_wins_over_the_records() {
    let welsh = examples(&ALL);
    let md = run(&welsh, &["--format", "markdown", "--language", "en-GB"]);
    assert!(md.contains("## Summary"), "{md}");
    // So does coprod.toml's.
    let welsh = welsh.file("coprod.toml", "language = \"en-GB\"\n");
    let md = run(&welsh, &["--format", "markdown"]);
    assert!(md.contains("## Summary"), "{md}");
    assert!(!md.contains("## Crynodeb"), "{md}");
}

#[test]
fn records_in_different_languages_are_reported_in_the_frameworks_and_the_summary_says_so() {
    let mixed = examples(&["parent-carers", "health"]);
    let md = run(&mixed, &["--format", "markdown"]);
    assert!(md.contains("## Summary"), "{md}");
    let line = md
        .lines()
        .find(|l| l.contains("Languages"))
        .expect("a line on the languages");
    assert_eq!(
        line,
        "| Languages | the records were scored in Welsh (2 records) and English (2 records); \
         this report is in English, the framework's own language (choose another with \
         --language) |"
    );
    insta::assert_snapshot!("mixed_markdown", md);
    let table = run(&mixed, &["--format", "table"]);
    assert!(table.contains("Languages"), "{table}");
    assert!(table.contains("Welsh (2 records)"), "{table}");
    insta::assert_snapshot!("mixed_table", table);
    let json = run(&mixed, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["framework"]["language"], "en-GB");
    let languages: Vec<&str> = v["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["language"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(languages, ["cy", "en-GB", "cy", "en-GB"], "{json}");
    // The CSV is in English too.
    let csv = run(&mixed, &["--format", "csv"]);
    let english = run(&Test::new().with_examples(), &["--format", "csv"]);
    assert_eq!(csv, english);
    // Asked for Welsh, the line says it was asked for, in Welsh.
    let md = run(&mixed, &["--format", "markdown", "--language", "cy"]);
    let line = md
        .lines()
        .find(|l| l.contains("Ieithoedd"))
        .expect("a line on the languages");
    assert!(line.contains("fel y gofynnwyd"), "{line}");
    assert!(line.contains("Cymraeg (2 gofnod)"), "{line}");
}
