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
