//! Hostile text and hostile colleagues: escape sequences, 8-bit controls, bidi overrides and
//! HTML in records and frameworks never reach an output raw; names are removed however they
//! are spelt.

use crate::util::Test;

/// A framework whose every text carries an attack: terminal escapes (ESC, 8-bit CSI, BEL),
/// bidi overrides, zero-width characters, a lone CR and HTML.
const FRAMEWORK: &str = r#"id: evil
title: "Evil\e]0;pwned\a \u202Eelttit\u202C framework\u200B"
version: "1\x9B31m"
description: "Reset\ec and charset\e(0 switch"
source: "\e[2J\u2066source\u2069"
section_noun: "<img src=x onerror=alert(1)>\u200B"
overall_label: "All\x9B2J"
scale:
  - value: 1
    label: "Not\e[5m yet"
    meaning: "Blink\x9B5m"
  - value: 2
    label: "Always\u202E"
    meaning: "Line\rbreak"
bands:
  - label: "Low\e[31m"
    min: 1
    max: 1.5
  - label: "High\x9B32m"
    min: 1.5
    max: 2
sections:
  - id: talk
    title: "Talk\e[8m<b>bold</b>"
    summary: "Sum\x85mary"
    indicators:
      - id: t1
        statement: "We listen\e[1A\u202Eevil"
        guidance:
          - "Guide\x9B1A\u200Bline"
      - id: t2
        statement: "We reply &amp; <script>alert(1)</script>"
"#;

/// A record of that framework with hostile text in every field people type.
const RECORD: &str = r#"format: 1
framework: {id: evil, version: "1\x9B31m"}
partnership: "Part\e[2J\u202Enership"
date: 2026-11-12
scored_by: {kind: person, name: "Evil\e]0;x\aName"}
answers:
  - indicator: t1
    level: 2
    evidence: "Evidence\e[31m red\x9B0m\u202Eevil\r# Heading\r\n| a | b |\u2028more"
    actions:
      - what: "=HYPERLINK(\"http://x\")\e[2J"
        owner: "\u200B=Owner\x9B1m"
        status: not-started
  - indicator: t2
    level: 1
    evidence: "  =1+1\u2066"
"#;

/// Whether a byte string holds ESC, another C0 control than tab and line breaks, a C1 control
/// or a bidi override; returns what it found.
fn raw_hostile(bytes: &[u8]) -> Option<String> {
    if let Some(i) = bytes
        .iter()
        .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\t' | b'\r') || b == 0x7f)
    {
        return Some(format!("byte 0x{:02x} at {i}", bytes[i]));
    }
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.char_indices() {
        let bad = matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{200e}' | '\u{200f}');
        if bad {
            return Some(format!("U+{:04X} at {i}", u32::from(c)));
        }
    }
    // A CR is only allowed before a line feed (CSV ends rows with CRLF).
    if let Some(i) = bytes
        .windows(2)
        .position(|w| w[0] == b'\r' && w[1] != b'\n')
    {
        return Some(format!("a lone CR at {i}"));
    }
    if bytes.last() == Some(&b'\r') {
        return Some("a lone CR at the end".into());
    }
    None
}

fn hostile_test() -> Test {
    Test::new()
        .file("evil.yaml", FRAMEWORK)
        .file("record.yaml", RECORD)
        // A file name is hostile text too.
        .file("rec\u{1b}[2J\u{202e}.yaml", RECORD)
        // A framework with an error whose message and quoted line carry escapes.
        .file(
            "bad.yaml",
            FRAMEWORK.replace("id: t2", "id: \"T2\\e[2J\\u202E\""),
        )
        .file(
            "answers.csv",
            "indicator,level,evidence\nt1,2,\"Typed \u{1b}[31m red \u{9b}0m \u{202e}evil\"\nt2,1,=1+1\n",
        )
        .file(
            "coprod.toml",
            "partnership = \"Toml\\u001b[2J\\u202Epartnership\"\ntitle = \"Title\\u009b31m\"\n",
        )
}

/// Every command, over a hostile record and framework, writes no ESC, C1 control, bidi
/// override or lone CR to standard output or standard error, whatever it succeeds or fails at.
#[test]
fn no_command_writes_raw_control_or_bidi_characters() {
    let t = hostile_test();
    let assess = vec![
        "assess",
        "-f",
        "evil.yaml",
        "--answers",
        "answers.csv",
        "--date",
        "2026-11-12",
        "--room",
        "-o",
        "new\u{1b}[2J\u{202e}.yaml",
    ];
    let runs: Vec<Vec<&str>> = vec![
        vec!["framework", "show", "evil.yaml"],
        vec!["framework", "validate", "evil.yaml"],
        vec!["framework", "validate", "bad.yaml"],
        vec![
            "framework",
            "validate",
            "missing\u{1b}[2J\u{9b}1m\u{202e}.yaml",
        ],
        vec!["report", "record.yaml", "-f", "evil.yaml"],
        vec![
            "report",
            "record.yaml",
            "-f",
            "evil.yaml",
            "--format",
            "markdown",
        ],
        vec![
            "report",
            "record.yaml",
            "-f",
            "evil.yaml",
            "--format",
            "json",
        ],
        vec![
            "report",
            "record.yaml",
            "-f",
            "evil.yaml",
            "--format",
            "csv",
        ],
        vec!["report", "record.yaml", "-f", "evil.yaml", "--anonymise"],
        vec![
            "report",
            "rec\u{1b}[2J\u{202e}.yaml",
            "-f",
            "evil.yaml",
            "--format",
            "csv",
        ],
        vec!["report", "rec\u{1b}[2J\u{202e}.yaml"],
        vec!["report", "record.yaml", "-f", "bad.yaml"],
        vec![
            "report",
            "record.yaml",
            "-f",
            "evil.yaml",
            "-o",
            "out\u{1b}[2J.pdf",
        ],
        vec![
            "report",
            "record.yaml",
            "-f",
            "evil.yaml",
            "-o",
            "no-such-dir/\u{1b}[2J\u{202e}.md",
        ],
        // Twice: the second time the record exists, and the error names it.
        assess.clone(),
        assess,
        vec!["config"],
    ];
    let mut checked = 0;
    for args in &runs {
        let out = t.run_raw(args);
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            if let Some(found) = raw_hostile(bytes) {
                panic!(
                    "coprod {args:?} wrote {found} to {stream}:\n{}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
        checked += out.stdout.len() + out.stderr.len();
    }
    assert!(checked > 10_000, "the commands said something");
    // The record written from the answers keeps the hostile text exactly (as YAML escapes).
    let saved = std::fs::read_to_string(t.path().join("new\u{1b}[2J\u{202e}.yaml"))
        .expect("the record was saved");
    assert!(
        saved.contains("Typed \\e[31m red \\x9B0m \u{202e}evil"),
        "{saved}"
    );
}

/// The visible forms are what people see: `\u{1b}` and `\u{202e}` on the terminal, entities
/// in Markdown, escapes in JSON, an apostrophe before formulas in CSV.
#[test]
fn hostile_text_is_shown_visibly_or_escaped() {
    let t = hostile_test();
    let table = t.run_args(&["report", "record.yaml", "-f", "evil.yaml"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table.stdout.contains("Evil\\u{1b}]0;x\\u{7}Name"),
        "{}",
        table.stdout
    );

    let show = t.run_args(&["framework", "show", "evil.yaml"]);
    assert!(
        show.stdout.contains("Evil\\u{1b}]0;pwned\\u{7}"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("version 1\\u{9b}31m"),
        "{}",
        show.stdout
    );

    let md = t.run_args(&[
        "report",
        "record.yaml",
        "-f",
        "evil.yaml",
        "--format",
        "markdown",
    ]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(!md.stdout.contains("<img"), "{}", md.stdout);
    assert!(
        md.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        md.stdout
    );
    assert!(!md.stdout.contains("<script>") && !md.stdout.contains("<b>"));
    // The lone CR in the evidence became a space: no heading was added.
    assert!(
        !md.stdout.lines().any(|l| l.starts_with("# Heading")),
        "{}",
        md.stdout
    );

    let json = t.run_args(&[
        "report",
        "record.yaml",
        "-f",
        "evil.yaml",
        "--format",
        "json",
    ]);
    assert!(json.stdout.contains("\\u009b") && json.stdout.contains("\\u202e"));
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(
        v["framework"]["version"], "1\u{9b}31m",
        "the same text for a program"
    );

    let csv = t.run_args(&[
        "report",
        "record.yaml",
        "-f",
        "evil.yaml",
        "--format",
        "csv",
    ]);
    let mut rows = csv::Reader::from_reader(csv.stdout.as_bytes());
    let cells: Vec<String> = rows
        .records()
        .flat_map(|r| {
            r.expect("csv row")
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for cell in &cells {
        let first = cell.trim_start().chars().next();
        assert!(
            !first.is_some_and(|c| "=+-@＝＋－＠".contains(c)),
            "a formula cell: {cell:?}"
        );
    }
    assert!(cells.iter().any(|c| c == "'  =1+1"), "{cells:?}");

    let err = t.run_args(&["framework", "validate", "bad.yaml"]);
    assert_eq!(err.code, 3, "{}", err.stderr);
    assert!(
        err.stderr.contains("T2\\u{1b}[2J\\u{202e}"),
        "{}",
        err.stderr
    );
}

/// The PDF's document information holds no control or bidi characters (pdfinfo shows it).
#[test]
fn pdf_document_info_is_clean() {
    let t = hostile_test();
    let out = t.run_args(&["report", "record.yaml", "-f", "evil.yaml", "-o", "r.pdf"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let info = match std::process::Command::new("pdfinfo")
        .arg(t.path().join("r.pdf"))
        .output()
    {
        Ok(info) => info,
        Err(_) => {
            eprintln!("note: pdfinfo is not installed; that check was skipped");
            return;
        }
    };
    let text = String::from_utf8_lossy(&info.stdout);
    assert!(text.contains("Title:"), "{text}");
    assert!(raw_hostile(&info.stdout).is_none(), "{text}");
    assert!(text.contains("Part[2Jnership"), "{text}");
}

/// `--anonymise` finds names whatever their case and accents, and keeps possessives.
#[test]
fn anonymise_finds_every_spelling_of_a_name() {
    let record = "format: 1\nframework: {id: mini, version: \"1\"}\npartnership: P\n\
        date: 2026-11-12\nscored_by: {kind: person, name: Gareth Pryce}\n\
        participants:\n  - Chloé Martin\n  - Siân Prydderch\n  - Llŷr Jenkins\nanswers:\n\
        \x20 - indicator: t1\n    level: 2\n    evidence: >-\n      chloé and CHLOÉ and Chloe and \
        chloe's idea; Sian, SIAN and siân; Llyr, LLŶR and llŷr's plan; gareth pryce and \
        GARETH PRYCE agreed.\n    actions:\n      - what: Ask CHLOE about it\n        \
        owner: sian prydderch\n        status: not-started\n";
    let t = Test::new()
        .file("mini.yaml", crate::errors::FRAMEWORK)
        .file("r.yaml", record);
    let spellings = [
        "Chloé",
        "chloé",
        "CHLOÉ",
        "Chloe",
        "chloe",
        "CHLOE",
        "Siân",
        "siân",
        "Sian",
        "SIAN",
        "Llŷr",
        "llŷr",
        "LLŶR",
        "Llyr",
        "gareth",
        "GARETH",
        "Pryce",
        "pryce",
        "PRYCE",
        "Prydderch",
        "prydderch",
    ];
    for format in ["table", "markdown", "json", "csv"] {
        let out = t.run_args(&[
            "report",
            "r.yaml",
            "-f",
            "mini.yaml",
            "--anonymise",
            "--format",
            format,
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        for name in spellings {
            let found = out
                .stdout
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == name);
            assert!(
                !found,
                "{format} output still holds {name:?}:\n{}",
                out.stdout
            );
        }
        assert!(
            format == "table" || out.stdout.contains("name removed"),
            "{format}: {}",
            out.stdout
        );
    }
    let json = t.run_args(&[
        "report",
        "r.yaml",
        "-f",
        "mini.yaml",
        "--anonymise",
        "--format",
        "json",
    ]);
    assert!(
        json.stdout.contains("[name removed]'s idea"),
        "{}",
        json.stdout
    );
    assert!(
        json.stdout.contains("[name removed]'s plan"),
        "{}",
        json.stdout
    );
}

/// A file named like a built-in framework does not replace it; written as a path, it is read.
#[test]
fn a_built_in_framework_is_never_shadowed_by_a_file() {
    let t = Test::new()
        .file("four-cornerstones", crate::errors::FRAMEWORK)
        .file("mini.yaml", crate::errors::FRAMEWORK);
    let built_in = t.run_args(&["framework", "show", "four-cornerstones"]);
    assert_eq!(built_in.code, 0, "{}", built_in.stderr);
    assert!(
        !built_in.stdout.contains("Mini framework"),
        "{}",
        built_in.stdout
    );
    assert!(
        built_in.stdout.contains("id: four-cornerstones"),
        "{}",
        built_in.stdout
    );
    let file = t.run_args(&["framework", "show", "./four-cornerstones"]);
    assert_eq!(file.code, 0, "{}", file.stderr);
    assert!(file.stdout.starts_with("Mini framework"), "{}", file.stdout);
    let yaml = t.run_args(&["framework", "show", "mini.yaml"]);
    assert!(yaml.stdout.starts_with("Mini framework"), "{}", yaml.stdout);
}

/// A `coprod.toml` that other users can change, or that belongs to another user, is skipped
/// with a warning, as git does with `safe.directory`.
#[cfg(unix)]
#[test]
fn settings_files_that_are_not_yours_alone_are_ignored() {
    use std::os::unix::fs::PermissionsExt;
    let t = Test::new()
        .file(
            "coprod.toml",
            "partnership = \"Redirected\"\noutput_dir = \"/tmp\"\n",
        )
        .file("work/.keep", "");
    let toml = t.path().join("coprod.toml");
    let read = t.run_in("work", &["config"]);
    assert!(
        read.stdout.contains("Redirected"),
        "its owner's file is read: {}",
        read.stdout
    );

    std::fs::set_permissions(&toml, std::fs::Permissions::from_mode(0o666)).expect("chmod");
    let out = t.run_in("work", &["config"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("Redirected"), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("warning: not reading ../coprod.toml: other users can change it"),
        "{}",
        out.stderr
    );

    // As root (CI containers), the file can be given to another user.
    std::fs::set_permissions(&toml, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    if std::os::unix::fs::chown(&toml, Some(65534), None).is_ok() {
        let out = t.run_in("work", &["config"]);
        assert!(!out.stdout.contains("Redirected"), "{}", out.stdout);
        assert!(
            out.stderr
                .contains("it belongs to another user (user id 65534"),
            "{}",
            out.stderr
        );
    } else {
        eprintln!("note: not root, so the other-owner case was not checked");
    }
}
