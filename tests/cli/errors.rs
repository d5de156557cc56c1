//! Every error message, pinned: what people see when a file is wrong.

use crate::util::Test;

/// A small valid framework to break in different ways.
pub const FRAMEWORK: &str = "\
id: mini
title: Mini framework
version: \"1\"
scale:
  - value: 1
    label: Not yet
  - value: 2
    label: Sometimes
  - value: 3
    label: Always
bands:
  - label: Low
    min: 1
    max: 2
  - label: High
    min: 2
    max: 3
sections:
  - id: talk
    title: Talk
    indicators:
      - id: t1
        statement: We listen.
      - id: t2
        statement: We reply.
  - id: act
    title: Act
    indicators:
      - id: a1
        statement: We do what we said.
";

fn validate(text: &str) -> String {
    let out = Test::new()
        .file("framework.yaml", text)
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    out.transcript()
}

#[test]
fn the_mini_framework_is_valid() {
    let out = Test::new()
        .file("framework.yaml", FRAMEWORK)
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
}

macro_rules! framework_error {
    ($name:ident, $from:expr, $to:expr) => {
        #[test]
        fn $name() {
            let text = FRAMEWORK.replacen($from, $to, 1);
            assert_ne!(text, FRAMEWORK, "the edit must change the framework");
            let out = validate(&text);
            assert!(out.starts_with("exit: 3\n"), "{out}");
            insta::assert_snapshot!(out);
        }
    };
}

framework_error!(
    unknown_key_with_suggestion,
    "    indicators:\n      - id: t1",
    "    indicatorz:\n      - id: t1"
);
framework_error!(unknown_top_level_key, "title: Mini", "titel: Mini");
framework_error!(missing_statement, "        statement: We reply.\n", "");
framework_error!(duplicate_indicator_id, "id: a1", "id: t1");
framework_error!(duplicate_section_id, "id: act", "id: talk");
framework_error!(
    empty_section,
    "    indicators:\n      - id: a1\n        statement: We do what we said.\n",
    "    indicators: []\n"
);
framework_error!(duplicate_scale_value, "value: 3", "value: 2");
framework_error!(unordered_scale, "value: 1", "value: 4");
framework_error!(
    overlapping_bands,
    "    min: 2\n    max: 3",
    "    min: 1.5\n    max: 3"
);
framework_error!(
    gap_between_bands,
    "    min: 2\n    max: 3",
    "    min: 2.5\n    max: 3"
);
framework_error!(
    zero_weight,
    "      - id: t2\n",
    "      - id: t2\n        weight: 0\n"
);
framework_error!(
    negative_section_weight,
    "    title: Act\n",
    "    title: Act\n    weight: -1\n"
);
framework_error!(wrong_type, "value: 2", "value: two");
framework_error!(
    broken_yaml,
    "title: Mini framework",
    "title: [Mini framework"
);
framework_error!(bad_id, "id: mini", "id: Mini Framework");
framework_error!(
    level_descriptor_off_scale,
    "        statement: We listen.\n",
    "        statement: We listen.\n        levels:\n          1: Never\n          7: Beyond\n"
);
framework_error!(
    duplicate_key,
    "version: \"1\"\n",
    "version: \"1\"\nversion: \"2\"\n"
);

#[test]
fn empty_file() {
    insta::assert_snapshot!(validate(""));
}

#[test]
fn byte_order_mark_is_accepted() {
    let out = Test::new()
        .file("framework.yaml", format!("\u{feff}{FRAMEWORK}"))
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn invalid_utf8() {
    let mut bytes = FRAMEWORK.as_bytes().to_vec();
    let at = FRAMEWORK.find("We listen").expect("text");
    bytes[at] = 0xFF;
    let out = Test::new()
        .file("framework.yaml", bytes)
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn file_that_does_not_exist() {
    let out = Test::new()
        .args(&["framework", "validate", "nope.yaml"])
        .run();
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn folder_instead_of_file() {
    let out = Test::new()
        .file("dir/x", "")
        .args(&["framework", "validate", "dir"])
        .run();
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn alias_bomb_is_refused() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let out = Test::new()
        .file("framework.yaml", text)
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    assert_eq!(out.code, 3, "{}", out.stderr);
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("id: {}x{}\n", "[".repeat(500), "]".repeat(500));
    let out = Test::new()
        .file("framework.yaml", text)
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    assert_eq!(out.code, 3, "{}", out.stderr);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn huge_file_is_refused() {
    let text = format!("id: x\ndescription: \"{}\"\n", "a".repeat(9 * 1024 * 1024));
    let out = Test::new()
        .file("framework.yaml", text)
        .args(&["framework", "validate", "framework.yaml"])
        .run();
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn several_problems_are_reported_together() {
    let text = FRAMEWORK
        .replacen("id: a1", "id: t1", 1)
        .replacen("value: 3", "value: 2", 1);
    insta::assert_snapshot!(validate(&text));
}

// --- Records ---

const RECORD: &str = "\
format: 1
framework:
  id: four-cornerstones
  version: \"1.0\"
partnership: Test Partnership
date: 2026-03-04
scored_by:
  kind: group
  group: parent-carers
answers:
  - indicator: wc1
    level: 3
    evidence: Good.
    actions:
      - what: Keep going
        due: 2026-06-30
  - indicator: wc2
    level: n/a
";

fn report(text: &str, extra: &[&str]) -> String {
    let mut args = vec!["report", "record.yaml"];
    args.extend_from_slice(extra);
    Test::new()
        .file("record.yaml", text)
        .args(&args)
        .run()
        .transcript()
}

#[test]
fn the_test_record_is_valid() {
    let out = report(RECORD, &["--format", "json"]);
    assert!(out.starts_with("exit: 0\n"), "{out}");
}

macro_rules! record_error {
    ($name:ident, $from:expr, $to:expr) => {
        #[test]
        fn $name() {
            let text = RECORD.replacen($from, $to, 1);
            assert_ne!(text, RECORD, "the edit must change the record");
            let out = report(&text, &[]);
            assert!(out.starts_with("exit: 3\n"), "{out}");
            insta::assert_snapshot!(out);
        }
    };
}

record_error!(
    record_unknown_indicator,
    "indicator: wc2",
    "indicator: wc22"
);
record_error!(record_level_off_scale, "level: 3", "level: 9");
record_error!(record_level_not_a_number, "level: 3", "level: three");
record_error!(record_duplicate_answer, "indicator: wc2", "indicator: wc1");
record_error!(
    record_impossible_date,
    "date: 2026-03-04",
    "date: 2026-02-30"
);
record_error!(record_bad_due_date, "due: 2026-06-30", "due: 30/06/2026");
record_error!(
    record_unknown_status,
    "        due: 2026-06-30\n",
    "        due: 2026-06-30\n        status: finished\n"
);
record_error!(record_group_missing, "  group: parent-carers\n", "");
record_error!(
    record_unknown_key,
    "    evidence: Good.",
    "    evidense: Good."
);
record_error!(record_wrong_format, "format: 1", "format: 7");
record_error!(
    record_changed_framework,
    "  version: \"1.0\"\n",
    "  version: \"1.1\"\n  fingerprint: \"sha256:0000\"\n"
);

#[test]
fn record_for_a_framework_that_is_not_built_in() {
    let out = report(&RECORD.replace("id: four-cornerstones", "id: other"), &[]);
    insta::assert_snapshot!(out);
}

#[test]
fn changed_framework_can_be_accepted() {
    let text = RECORD.replacen(
        "  version: \"1.0\"\n",
        "  version: \"1.0\"\n  fingerprint: \"sha256:0000\"\n",
        1,
    );
    let out = report(&text, &["--accept-changed-framework", "--format", "csv"]);
    assert!(out.starts_with("exit: 0\n"), "{out}");
}

#[test]
fn output_to_a_folder_is_refused() {
    let out = Test::new()
        .file("record.yaml", RECORD)
        .file("out/x", "")
        .args(&["report", "record.yaml", "-o", "out"])
        .run();
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn output_to_a_missing_folder_fails_cleanly() {
    let out = Test::new()
        .file("record.yaml", RECORD)
        .args(&["report", "record.yaml", "-o", "no/such/dir/r.md"])
        .run();
    assert_eq!(out.code, 4);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn unknown_framework_id() {
    let out = Test::new()
        .args(&["framework", "show", "five-pillars"])
        .run();
    insta::assert_snapshot!(out.transcript());
}

/// Issue 11: flags, `coprod.toml` and the environment make one request that is checked before
/// any record is read, so a request that cannot be met is a usage error (exit 2) even when the
/// records are missing, never a read error (4).
#[test]
fn a_request_that_cannot_be_met_is_refused_before_any_file_is_read() {
    let cases: &[&[&str]] = &[
        &["--language", "xx"],
        &["--edition", "nope"],
        &["-o", "board.pdf", "--format", "json"],
        &["--excel", "--format", "json"],
        &["--excel", "-o", "board.pdf"],
        &["--print", "compact", "--format", "markdown"],
        &["--font", "f.ttf", "--format", "csv"],
        &["--show-names", "--format", "json"],
        &["--font", "missing.ttf", "-o", "board.pdf"],
    ];
    for extra in cases {
        let mut args = vec!["report", "missing.yaml"];
        args.extend_from_slice(extra);
        let out = Test::new().args(&args).run();
        assert_eq!(out.code, 2, "{extra:?}: {}", out.stderr);
        assert!(
            !out.stderr.contains("missing.yaml"),
            "{extra:?}: {}",
            out.stderr
        );
    }
    // From coprod.toml too.
    let out = Test::new()
        .file("coprod.toml", "language = \"xx\"\n")
        .args(&["report", "missing.yaml"])
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
}
