//! Editions of a framework: the Four Cornerstones in easy read, walked and reported on, and its
//! records combined with the standard edition's.

use crate::util::{Test, repo};

/// The fingerprint `framework show` gives, in whatever language it is shown.
fn fingerprint(show: &str) -> &str {
    show.split_whitespace()
        .find(|w| w.starts_with("sha256:"))
        .unwrap_or_default()
}

fn answers(group: &str, levels: &[(&str, &str)]) -> String {
    let mut s = format!(
        "partnership: Hafren Vale SEND Partnership\ndate: 2026-11-12\n\
         scored_by: {{kind: group, group: {group}}}\nanswers:\n"
    );
    for (id, level) in levels {
        s.push_str(&format!("  - {{indicator: {id}, level: {level}}}\n"));
    }
    s
}

#[test]
fn the_easy_read_edition_is_shown_with_the_standard_fingerprint() {
    let t = Test::new();
    let easy = t.run_args(&["framework", "show", "--edition", "easy-read"]);
    assert_eq!(easy.code, 0, "{}", easy.stderr);
    insta::assert_snapshot!(easy.stdout);
    assert_eq!(easy.stdout.matches(" of 24)").count(), 24);
    let standard = t.run_args(&["framework", "show"]);
    assert_eq!(fingerprint(&easy.stdout), fingerprint(&standard.stdout));
    // `standard` names the standard edition.
    let named = t.run_args(&["framework", "show", "--edition", "standard"]);
    assert_eq!(named.stdout, standard.stdout);
    let cy = t.run_args(&[
        "framework",
        "show",
        "four-cornerstones",
        "--edition",
        "easy-read",
        "--language",
        "cy",
    ]);
    assert_eq!(cy.code, 0, "{}", cy.stderr);
    assert!(cy.stdout.contains("hawdd ei ddeall"), "{}", cy.stdout);
    assert_eq!(fingerprint(&cy.stdout), fingerprint(&standard.stdout));
}

#[test]
fn the_shipped_easy_read_file_validates() {
    let text = std::fs::read_to_string(repo().join("frameworks/four-cornerstones-easy-read.yaml"))
        .expect("framework");
    let out = Test::new()
        .file("er.yaml", text)
        .args(&["framework", "validate", "er.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

/// Easy read: every statement and question at most 15 words, numbers as digits.
#[test]
fn easy_read_sentences_are_short_and_use_digits() {
    let out = Test::new()
        .args(&["framework", "show", "--edition", "easy-read"])
        .run();
    const NUMBER_WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let mut checked = 0;
    for line in out.stdout.lines() {
        let text = if let Some(q) = line.trim_start().strip_prefix("? ") {
            q
        } else if line.starts_with("  ") && line.contains(" of 24)  ") {
            line.split(" of 24)  ").nth(1).unwrap_or_default()
        } else {
            continue;
        };
        checked += 1;
        for sentence in text.split_terminator(['.', '?']) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 15, "{words} words: {sentence}");
        }
        let words = text.split_whitespace().count();
        assert!(words <= 15, "{words} words: {text}");
        for w in text.split(|c: char| !c.is_alphabetic()) {
            assert!(
                !NUMBER_WORDS.contains(&w.to_lowercase().as_str()),
                "a number in words: {text}"
            );
        }
    }
    assert_eq!(checked, 48, "24 statements and 24 questions");
}

#[test]
fn an_easy_read_record_combines_with_standard_records() {
    let t = Test::new()
        .file(
            "yp.yaml",
            answers("young-people", &[("wc1", "2"), ("wc2", "3"), ("cm1", "1")]),
        )
        .file(
            "pc.yaml",
            answers("parent-carers", &[("wc1", "4"), ("wc2", "5"), ("cm1", "3")]),
        );
    let easy = t.run_args(&[
        "assess",
        "--edition",
        "easy-read",
        "--answers",
        "yp.yaml",
        "-o",
        "young-people.yaml",
    ]);
    assert_eq!(easy.code, 0, "{}", easy.stderr);
    let standard = t.run_args(&["assess", "--answers", "pc.yaml", "-o", "parent-carers.yaml"]);
    assert_eq!(standard.code, 0, "{}", standard.stderr);
    let yp = t.read("young-people.yaml");
    assert!(yp.contains("edition: easy-read"), "{yp}");
    assert!(!t.read("parent-carers.yaml").contains("edition:"));
    let fp = |r: &str| {
        r.lines()
            .find(|l| l.contains("fingerprint:"))
            .map(str::to_string)
    };
    assert_eq!(fp(&yp), fp(&t.read("parent-carers.yaml")));

    // One report of both, without --accept-changed-framework.
    let json = t.run_args(&[
        "report",
        "--format",
        "json",
        "young-people.yaml",
        "parent-carers.yaml",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let wc = &v["sections"][0];
    // Each group counts the same: wc1 (2 + 4) / 2, wc2 (3 + 5) / 2.
    assert_eq!(
        wc["indicators"][0]["score"]["value"], 3.0,
        "{}",
        json.stdout
    );
    assert_eq!(wc["indicators"][1]["score"]["value"], 4.0);
    assert_eq!(wc["score"]["value"], 3.5);
    // cm1 (1 + 3) / 2.
    assert_eq!(v["sections"][2]["indicators"][0]["score"]["value"], 2.0);
    let records = v["records"].as_array().expect("records");
    let edition = |who: &str| {
        records
            .iter()
            .find(|r| r["scored_by"] == who)
            .map(|r| r.get("edition").cloned())
    };
    assert_eq!(
        edition("Young people"),
        Some(Some(serde_json::json!("easy-read")))
    );
    assert_eq!(edition("Parent carers"), Some(None));

    // The report says which edition each record used, in the standard edition's words.
    let md = t.run_args(&[
        "report",
        "--format",
        "markdown",
        "young-people.yaml",
        "parent-carers.yaml",
    ]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains(
            "| Editions | Young people (easy-read edition); the other record the standard edition |"
        ),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("Parent carers feel welcome"),
        "{}",
        md.stdout
    );
    // Or in the easy-read edition's words.
    let easy_words = t.run_args(&[
        "report",
        "--edition",
        "easy-read",
        "--format",
        "markdown",
        "young-people.yaml",
        "parent-carers.yaml",
    ]);
    assert_eq!(easy_words.code, 0, "{}", easy_words.stderr);
    assert!(
        easy_words
            .stdout
            .contains("People make you feel welcome from the very first time."),
        "{}",
        easy_words.stdout
    );
    insta::assert_snapshot!(easy_words.stdout);
}

#[test]
fn resuming_keeps_the_edition_the_record_was_started_in() {
    let t = Test::new().file("yp.yaml", answers("young-people", &[("wc1", "2")]));
    let out = t.run_args(&[
        "assess",
        "--edition",
        "easy-read",
        "--answers",
        "yp.yaml",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Without a terminal the walk stops at once, but the framework is loaded first, so an
    // edition that could not be found would be the error here.
    let resume = t.run_args(&["assess", "--resume", "r.yaml"]);
    assert!(!resume.stderr.contains("edition"), "{}", resume.stderr);
    assert!(t.read("r.yaml").contains("edition: easy-read"));
}

#[test]
fn an_edition_that_does_not_exist_is_a_usage_error() {
    let t = Test::new();
    let out = t.run_args(&["framework", "show", "--edition", "large-print"]);
    assert_eq!(out.code, 2);
    let none = t.run_args(&["framework", "show", "ladder", "--edition", "easy-read"]);
    assert_eq!(none.code, 2);
    insta::assert_snapshot!(format!("{}{}", out.stderr, none.stderr));
}

/// Records of the standard edition made with version 1.0 (the examples) combine with an
/// easy-read record of version 1.1, and each group still counts the same.
#[test]
fn earlier_standard_records_combine_with_an_easy_read_record() {
    let t = Test::new().with_examples().file(
        "yp.yaml",
        answers("young-people", &[("wc1", "1"), ("wp5", "5")]),
    );
    let easy = t.run_args(&[
        "assess",
        "--edition",
        "easy-read",
        "--answers",
        "yp.yaml",
        "-o",
        "young-people.yaml",
    ]);
    assert_eq!(easy.code, 0, "{}", easy.stderr);
    let mut args = vec!["report", "--format", "json", "young-people.yaml"];
    let files = crate::util::year(2026);
    args.extend(files.iter().map(String::as_str));
    let json = t.run_args(&args);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let alone = t.run_args(&{
        let mut a = vec!["report", "--format", "json"];
        a.extend(files.iter().map(String::as_str));
        a
    });
    let w: serde_json::Value = serde_json::from_str(&alone.stdout).expect("json");
    // WC1 of the four groups alone, then with young people's 1 as a fifth group.
    let wc1 = |v: &serde_json::Value| {
        v["sections"][0]["indicators"][0]["score"]["value"]
            .as_f64()
            .expect("a score")
    };
    let four = wc1(&w);
    let five = wc1(&v);
    assert!(
        (five - (four * 4.0 + 1.0) / 5.0).abs() < 1e-9,
        "{four} {five}"
    );
    assert_eq!(v["records"].as_array().map(Vec::len), Some(5));
}
