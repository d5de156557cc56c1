//! `coprod framework ...`.

use crate::util::{Test, repo};

#[test]
fn list_names_the_built_in_framework() {
    let out = Test::new().args(&["framework", "list"]).run();
    assert_eq!(out.code, 0);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn show_prints_every_indicator() {
    let out = Test::new().args(&["framework", "show"]).run();
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.matches(" of 24)").count(), 24);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn the_shipped_framework_file_validates() {
    let text = std::fs::read_to_string(repo().join("frameworks/four-cornerstones.yaml"))
        .expect("framework");
    let out = Test::new()
        .file("fc.yaml", text)
        .args(&["framework", "validate", "fc.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn schemas_are_json() {
    for kind in ["framework", "record", "report"] {
        let out = Test::new().args(&["framework", "schema", kind]).run();
        assert_eq!(out.code, 0);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("schema is JSON");
        assert!(v["properties"].is_object(), "{kind} schema has properties");
    }
    let out = Test::new().args(&["framework", "schema", "record"]).run();
    insta::assert_snapshot!("record_schema", out.stdout);
}

/// Issue 11: a band that has a level's name but not its range is warned of, with its line.
#[test]
fn validate_warns_of_a_band_named_like_a_level_it_does_not_hold() {
    let clash = "id: f\ntitle: T\nversion: '1'\nscale:\n  - {value: 1, label: Low}\n  - {value: 2, label: Middle}\n  - {value: 3, label: High}\nbands:\n  - {label: Low, min: 1, max: 2}\n  - {label: High, min: 2, max: 3}\nsections:\n  - id: s\n    title: S\n    indicators:\n      - {id: i, statement: X}\n";
    let out = Test::new()
        .file("f.yaml", clash)
        .args(&["framework", "validate", "f.yaml"])
        .run();
    assert_eq!(out.code, 0, "a warning, not an error: {}", out.stderr);
    // `Low` (1 to 2) holds level 1 and `High` (2 to 3, the top band) holds level 3: a band
    // named after a level it holds is fine.
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);
    let shifted = clash
        .replace(
            "{label: Low, min: 1, max: 2}",
            "{label: Low, min: 1, max: 1.5}\n  - {label: Middle, min: 1.5, max: 2}",
        )
        .replace(
            "{label: High, min: 2, max: 3}",
            "{label: High, min: 2, max: 2.5}\n  - {label: Top, min: 2.5, max: 3}",
        );
    let out = Test::new()
        .file("f.yaml", shifted)
        .args(&["framework", "validate", "f.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stderr, @r"
    f.yaml:10: warning: the band `Middle` (1.5 to 2.0) has the name of level 2, which is not in it: a result of 2.0 is in another band
    help: name bands in other words than the levels (e.g. Starting, Growing, Strong, Thriving), or give a band the name of a level only if it holds that level
    f.yaml:11: warning: the band `High` (2.0 to 2.5) has the name of level 3, which is not in it: a result of 3.0 is in another band
    help: name bands in other words than the levels (e.g. Starting, Growing, Strong, Thriving), or give a band the name of a level only if it holds that level
    ");
}

/// Issue 11: the built-in framework's bands are not named like its levels, in any language.
#[test]
fn the_built_in_bands_are_not_level_names() {
    let text = std::fs::read_to_string(repo().join("frameworks/four-cornerstones.yaml"))
        .expect("framework");
    let out = Test::new()
        .file("fc.yaml", text)
        .args(&["framework", "validate", "fc.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);
}

/// Version 1.1 of the Four Cornerstones renamed its bands only: records made with 1.0 (the
/// examples) are read as they are, without `--accept-changed-framework`, and no versions note
/// appears, since nothing scored changed.
#[test]
fn records_of_the_earlier_built_in_version_still_read() {
    let t = Test::new().with_examples();
    let record = t.read("examples/2026/health.yaml");
    assert!(
        record.contains("version: \"1.0\""),
        "the examples are of version 1.0"
    );
    let out = t.run_args(&["report", "examples/2026/", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(v["framework"]["version"], "1.1");
    assert!(
        v["framework_versions"].is_null(),
        "no versions note: {}",
        v["framework_versions"]
    );
    assert_eq!(v["overall"]["band"], "Strong");
    // The easy-read edition follows the standard one: its 1.0 records read too.
    let easy = record.replace(
        "  version: \"1.0\"\n",
        "  version: \"1.0\"\n  edition: easy-read\n",
    );
    std::fs::write(t.path().join("easy.yaml"), easy).expect("write");
    let out = t.run_args(&[
        "report",
        "easy.yaml",
        "--edition",
        "easy-read",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}
