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
    for kind in ["framework", "record"] {
        let out = Test::new().args(&["framework", "schema", kind]).run();
        assert_eq!(out.code, 0);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("schema is JSON");
        assert!(v["properties"].is_object(), "{kind} schema has properties");
    }
    let out = Test::new().args(&["framework", "schema", "record"]).run();
    insta::assert_snapshot!("record_schema", out.stdout);
}

/// Issue 11: a band named like a level outside it ("Sometimes" for 1 to 2 beside a level 2
/// "Sometimes") reads as the level; `validate` warns, and the framework is still valid.
#[test]
fn validate_warns_when_a_band_is_named_like_a_level_outside_it() {
    let clash = crate::errors::FRAMEWORK.replace("label: Low", "label: Sometimes");
    let out = Test::new()
        .file("f.yaml", clash)
        .args(&["framework", "validate", "f.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stderr, @r"
    warning: f.yaml: the band `Sometimes` (1 to 2) has the name of level 2 `Sometimes`, which is not in it: a reader may take one for the other
    help: name the band in other words, or after the levels it spans
    ");
    // A band named like a level inside it is fine ("Always" for 2 to 3 holds level 3 at the top).
    let fine = crate::errors::FRAMEWORK.replace("label: High", "label: Always");
    let out = Test::new()
        .file("f.yaml", fine)
        .args(&["framework", "validate", "f.yaml"])
        .run();
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    // The built-in framework still has two such bands (renaming them changes its
    // fingerprint, which needs a way for records of version 1.0 to stay readable first).
    let shipped = std::fs::read_to_string(repo().join("frameworks/four-cornerstones.yaml"))
        .expect("framework");
    let out = Test::new()
        .file("fc.yaml", shipped)
        .args(&["framework", "validate", "fc.yaml"])
        .run();
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr.matches("warning:").count(), 2, "{}", out.stderr);
}
