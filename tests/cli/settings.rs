//! `coprod.toml`, `coprod config`, `coprod framework new` and `--quiet`.

use crate::util::Test;

const CONFIG: &str = "\
partnership = \"Hafren Vale SEND Partnership\"
title = \"Co-production self-evaluation 2026\"
organisation = \"Hafren Vale Parent Carer Forum and Hafren Vale Council\"
output_dir = \"records\"
divergence = 2.0

[groups]
parent-carers = \"Parent Carer Forum\"
";

#[test]
fn config_shows_the_file_and_the_settings_in_effect() {
    let out = Test::new()
        .file("coprod.toml", CONFIG)
        .args(&["config"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn config_without_a_file_shows_the_defaults() {
    let out = Test::new().args(&["config"]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("# No coprod.toml found"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("divergence = 1.5"));
}

#[test]
fn config_is_found_in_a_folder_above() {
    let t = Test::new()
        .file("coprod.toml", CONFIG)
        .file("sub/dir/x", "");
    let out = t.run_in("sub/dir", &["config"]);
    assert!(
        out.stdout.starts_with("# Settings from ../../coprod.toml"),
        "{}",
        out.stdout
    );
}

#[test]
fn config_in_the_user_folder_is_used_last() {
    let t = Test::new()
        .file(
            "home-config/coprod/coprod.toml",
            "partnership = \"From home\"\n",
        )
        .file("work/x", "");
    let xdg = t.path().join("home-config");
    let out = t.run_in_with_env(
        "work",
        &["config"],
        &[("XDG_CONFIG_HOME", xdg.to_str().expect("utf-8 path"))],
    );
    assert!(
        out.stdout.contains("partnership = \"From home\""),
        "{}",
        out.stdout
    );
}

#[test]
fn report_uses_title_organisation_group_names_and_divergence() {
    let out = Test::new()
        .with_examples()
        .file("coprod.toml", CONFIG)
        .args(&[
            "report",
            "--format",
            "markdown",
            "examples/2026/parent-carers.yaml",
            "examples/2026/local-authority.yaml",
        ])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with(
        "# Co-production self-evaluation 2026\n\n## Summary\n\nHafren Vale Parent Carer Forum and"
    ));
    assert!(
        out.stdout.contains("| Parent Carer Forum |"),
        "configured group name is used"
    );
    assert!(
        out.stdout.contains("differ by 2.0 levels or more"),
        "configured divergence is used"
    );
}

#[test]
fn bad_divergence_in_config() {
    let out = Test::new()
        .file("coprod.toml", "divergence = -1\n")
        .args(&["config"])
        .run();
    assert_eq!(out.code, 3);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn answers_go_to_the_configured_output_folder() {
    let t = Test::new()
        .file("coprod.toml", CONFIG)
        .file("records/.keep", "")
        .file("a.csv", "indicator,level\nwc1,3\n")
        .args(&[
            "assess",
            "--answers",
            "a.csv",
            "--date",
            "2026-11-12",
            "--room",
        ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        t.read("records/hafren-vale-send-partnership-2026-11-12-room.yaml")
            .contains("level: 3")
    );
}

#[test]
fn a_new_framework_validates_at_once_and_is_never_overwritten() {
    let t = Test::new().args(&["framework", "new", "ours.yaml"]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.transcript());
    assert!(
        t.read("ours.yaml")
            .starts_with("# yaml-language-server: $schema=./framework.schema.json")
    );
    let schema: serde_json::Value =
        serde_json::from_str(&t.read("framework.schema.json")).expect("schema");
    assert!(schema["properties"]["sections"].is_object());
    let valid = t.run_args(&["framework", "validate", "ours.yaml"]);
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    let again = t.run();
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("ours.yaml already exists"));
}

#[test]
fn quiet_leaves_only_results_and_errors() {
    let t = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
    let out = t.run_args(&[
        "--quiet",
        "assess",
        "--answers",
        "a.csv",
        "--partnership",
        "P",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = t.run_args(&["framework", "new", "f.yaml", "-q"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = t.run_args(&["-q", "framework", "validate", "f.yaml"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let out = t.run_args(&["-q", "framework", "validate", "missing.yaml"]);
    assert_eq!(out.code, 4);
    assert!(!out.stderr.is_empty(), "errors are still shown");
}

/// Issue 11: groups come in one stable order, whatever order the files are given in: the order
/// of `coprod.toml`'s `[groups]`, then the groups coprod knows, then the rest alphabetically.
/// The order fixes each group's column, colour and pattern, so the PDF is byte for byte the same.
#[test]
fn groups_keep_their_order_and_colours_whatever_order_the_files_come_in() {
    let t = Test::new().with_examples();
    let files = [
        "examples/2026/parent-carers.yaml",
        "examples/2026/local-authority.yaml",
        "examples/2026/health.yaml",
        "examples/2026/education.yaml",
    ];
    let groups = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = t.run_args(&all);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
        v["perspectives"]["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| g["id"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let reversed: Vec<&str> = files.iter().rev().copied().collect();
    let known = ["parent-carers", "local-authority", "health", "education"];
    assert_eq!(groups(&files), known);
    assert_eq!(groups(&reversed), known);
    let pdf = |args: &[&str], name: &str| {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", name]);
        let out = t.run_args(&all);
        assert_eq!(out.code, 0, "{}", out.stderr);
        std::fs::read(t.path().join(name)).expect("pdf")
    };
    assert!(
        pdf(&files, "a.pdf") == pdf(&reversed, "b.pdf"),
        "the same PDF"
    );

    std::fs::write(
        t.path().join("coprod.toml"),
        "[groups]\nhealth = \"NHS Hafren Vale\"\neducation = \"Schools\"\n",
    )
    .expect("coprod.toml");
    assert_eq!(
        groups(&reversed),
        ["health", "education", "parent-carers", "local-authority"]
    );
    let out = t.run_args(&["config"]);
    let health = out.stdout.find("health =").expect("health in [groups]");
    let parents = out.stdout.find("parent-carers =").expect("parent-carers");
    assert!(
        health < parents,
        "coprod config keeps the order: {}",
        out.stdout
    );
}
