//! The PDF at the edges of what is valid: a scale of 0 to 1000, and a title and
//! partnership tens of thousands of characters long (their cost is measured in
//! docs/performance.md, not here).

use crate::pdf::{load, text};
use crate::util::{Test, repo};

/// The built-in framework with its top level moved to the largest value a scale may have.
fn huge_scale_framework() -> String {
    let src = std::fs::read_to_string(repo().join("frameworks/four-cornerstones.yaml"))
        .expect("built-in framework");
    let mut out = String::new();
    for line in src.lines() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let line = if trimmed == "- value: 5" {
            format!("{indent}- value: 1000")
        } else if let Some(rest) = trimmed.strip_prefix("5: ") {
            format!("{indent}1000: {rest}")
        } else if trimmed == "5:" {
            // A descriptor given in several languages: the texts follow on their own lines.
            format!("{indent}1000:")
        } else if trimmed == "max: 5.0" {
            format!("{indent}max: 1000.0")
        } else {
            line.replace("id: four-cornerstones", "id: huge-scale")
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn a_scale_up_to_the_largest_value_draws_its_charts() {
    let framework = huge_scale_framework();
    let ids: Vec<&str> = framework
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("- id: "))
        .filter(|id| id.chars().last().is_some_and(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(ids.len(), 24);
    let mut answers = String::from("indicator,level,evidence\n");
    for (n, id) in ids.iter().enumerate() {
        let level = if n % 3 == 0 { "1000" } else { "2" };
        answers.push_str(&format!("{id},{level},noted\n"));
    }
    let t = Test::new()
        .file("huge.yaml", &framework)
        .file("answers.csv", &answers);
    let out = t.run_args(&[
        "assess",
        "-f",
        "huge.yaml",
        "--answers",
        "answers.csv",
        "--partnership",
        "Test",
        "--group",
        "health",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = t.run_args(&[
        "report",
        "r.yaml",
        "-f",
        "huge.yaml",
        "--format",
        "pdf",
        "-o",
        "r.pdf",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let all = text(&load(&std::fs::read(t.path().join("r.pdf")).expect("PDF")));
    // The axis has a few round marks, one every hundred, not one per level.
    for mark in ["300", "700", "1000"] {
        assert!(all.contains(mark), "no axis mark {mark}");
    }
    assert!(!all.contains("999"));
}

/// A scale beyond what a framework may have is refused where it is written, before any chart.
#[test]
fn a_scale_beyond_the_limit_is_refused_at_its_line() {
    let framework = huge_scale_framework().replace("value: 1000", "value: 4294967295");
    let t = Test::new().file("huge.yaml", &framework);
    let out = t.run_args(&["framework", "validate", "huge.yaml"]);
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("huge.yaml:"), "{}", out.stderr);
    assert!(out.stderr.contains("larger than 1000"), "{}", out.stderr);
}

#[test]
fn a_very_long_title_and_partnership_are_laid_out() {
    let src = std::fs::read_to_string(repo().join("examples/2026/parent-carers.yaml"))
        .expect("example record");
    let long = "Hafren Vale SEND Partnership ".repeat(350);
    let long = long.trim_end();
    let record = src.replace(
        "partnership: Hafren Vale SEND Partnership",
        &format!("partnership: {long}"),
    );
    let t = Test::new().file("r.yaml", &record);
    let title = format!("Board report {}", "for the whole partnership ".repeat(400));
    let out = t.run_args(&[
        "report", "r.yaml", "--format", "pdf", "-o", "r.pdf", "--title", &title,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let all = text(&load(&std::fs::read(t.path().join("r.pdf")).expect("PDF")));
    // The footer's title is cut with an ellipsis on every page; the cover keeps it whole.
    let footers = all.matches("Page ").count();
    assert!(all.matches('…').count() >= footers, "{footers} footers");
    assert!(all.contains(&title[..500]), "the cover lost the title");
}
