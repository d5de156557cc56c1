//! Frameworks written in several languages: choosing one, what a translation lacks, errors in
//! language maps, and records of different languages combining.

use crate::util::Test;

/// A small framework in English with a Welsh translation that leaves two texts out.
const BILINGUAL: &str = "\
id: mini
title: {en-GB: Mini framework, cy: Fframwaith bach}
version: \"1\"
language: en-GB
translations: [cy]
section_noun: {en-GB: principle, cy: egwyddor}
scale:
  - value: 1
    label: {en-GB: Not yet, cy: Ddim eto}
  - value: 2
    label: {en-GB: Sometimes, cy: Weithiau}
  - value: 3
    label: {en-GB: Always, cy: Bob amser}
sections:
  - id: talk
    title: {en-GB: Talk, cy: Siarad}
    indicators:
      - id: t1
        statement: {en-GB: We listen., cy: Rydyn ni'n gwrando.}
        guidance:
          - How do we know?
      - id: t2
        statement: {en-GB: We reply., cy: Rydyn ni'n ateb.}
        levels:
          1: {en-GB: We never reply.}
";

/// The same framework with plain English texts only.
const ENGLISH: &str = "\
id: mini
title: Mini framework
version: \"1\"
language: en-GB
section_noun: principle
scale:
  - value: 1
    label: Not yet
  - value: 2
    label: Sometimes
  - value: 3
    label: Always
sections:
  - id: talk
    title: Talk
    indicators:
      - id: t1
        statement: We listen.
        guidance:
          - How do we know?
      - id: t2
        statement: We reply.
        levels:
          1: We never reply.
";

/// The fingerprint `framework show` gives, in whatever language it is shown.
fn fingerprint(show: &str) -> &str {
    show.split_whitespace()
        .find(|w| w.starts_with("sha256:"))
        .unwrap_or_default()
}

#[test]
fn validate_lists_what_each_translation_lacks() {
    let out = Test::new()
        .file("mini.yaml", BILINGUAL)
        .args(&["framework", "validate", "mini.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn a_framework_is_shown_in_the_language_chosen_with_one_fingerprint() {
    let t = Test::new()
        .file("mini.yaml", BILINGUAL)
        .file("english.yaml", ENGLISH);
    let cy = t.run_args(&["framework", "show", "mini.yaml", "--language", "cy"]);
    assert_eq!(cy.code, 0, "{}", cy.stderr);
    insta::assert_snapshot!(cy.stdout);
    // Not yet translated: shown in the framework's own language.
    assert!(cy.stdout.contains("? How do we know?"), "{}", cy.stdout);
    let en = t.run_args(&["framework", "show", "mini.yaml"]);
    assert!(en.stdout.contains("Mini framework"), "{}", en.stdout);
    let plain = t.run_args(&["framework", "show", "english.yaml"]);
    // The fingerprint is the framework's own language's: translations and the language
    // chosen do not change it, so adding a translation keeps earlier records valid.
    assert!(fingerprint(&cy.stdout).starts_with("sha256:"));
    assert_eq!(fingerprint(&cy.stdout), fingerprint(&en.stdout));
    assert_eq!(fingerprint(&en.stdout), fingerprint(&plain.stdout));
    // Tags are not case-sensitive.
    let upper = t.run_args(&["framework", "show", "mini.yaml", "--language", "CY"]);
    assert_eq!(upper.stdout, cy.stdout);
}

#[test]
fn a_language_the_framework_is_not_written_in_is_a_usage_error() {
    let t = Test::new().file("mini.yaml", BILINGUAL);
    let out = t.run_args(&["framework", "show", "mini.yaml", "--language", "fr"]);
    assert_eq!(out.code, 2);
    let bad = t.run_args(&["framework", "show", "mini.yaml", "--language", "Welsh!"]);
    assert_eq!(bad.code, 2);
    insta::assert_snapshot!(format!("{}{}", out.stderr, bad.stderr));
}

#[test]
fn bad_language_maps_are_pointed_at() {
    let bad = BILINGUAL
        .replace(
            "cy: Fframwaith bach}",
            "cy: Fframwaith bach, fr: Petit cadre}",
        )
        .replace("{en-GB: principle, cy: egwyddor}", "{cy: egwyddor}")
        .replace(
            "{en-GB: Talk, cy: Siarad}",
            "{en-GB: Talk, cy: Siarad, CY: Siarad}",
        )
        .replace("{en-GB: Always, cy: Bob amser}", "{}")
        .replace("translations: [cy]", "translations: [cy, en-GB, cymraeg!]");
    let out = Test::new()
        .file("mini.yaml", bad)
        .args(&["framework", "validate", "mini.yaml"])
        .run();
    assert_eq!(out.code, 3);
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn records_scored_in_different_languages_combine() {
    let answers = |group: &str, level: u32| {
        format!(
            "partnership: Hafren Vale\ndate: 2026-11-12\nscored_by: {{kind: group, group: {group}}}\n\
             answers:\n  - {{indicator: t1, level: {level}}}\n  - {{indicator: t2, level: 3}}\n"
        )
    };
    let t = Test::new()
        .file("mini.yaml", BILINGUAL)
        .file("coprod.toml", "language = \"cy\"\n")
        .file("a.yaml", answers("parent-carers", 1))
        .file("b.yaml", answers("health", 3));
    let cy = t.run_args(&[
        "assess",
        "-f",
        "mini.yaml",
        "--answers",
        "a.yaml",
        "-o",
        "cy.yaml",
    ]);
    assert_eq!(cy.code, 0, "{}", cy.stderr);
    let en = t.run_args(&[
        "assess",
        "-f",
        "mini.yaml",
        "--language",
        "en-GB",
        "--answers",
        "b.yaml",
        "-o",
        "en.yaml",
    ]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    // Each record remembers its language (coprod.toml's, or the flag's).
    assert!(
        t.read("cy.yaml").contains("language: cy"),
        "{}",
        t.read("cy.yaml")
    );
    assert!(t.read("en.yaml").contains("language: en-GB"));
    let fp = |r: &str| {
        r.lines()
            .find(|l| l.contains("fingerprint:"))
            .map(str::to_string)
    };
    assert_eq!(fp(&t.read("cy.yaml")), fp(&t.read("en.yaml")));
    // Combined without --accept-changed-framework, in either language.
    let json = t.run_args(&[
        "report",
        "-f",
        "mini.yaml",
        "--format",
        "json",
        "cy.yaml",
        "en.yaml",
    ]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(
        v["framework"]["title"], "Fframwaith bach",
        "{}",
        json.stdout
    );
    let md = t.run_args(&[
        "report",
        "-f",
        "mini.yaml",
        "--language",
        "en-GB",
        "--format",
        "markdown",
        "cy.yaml",
        "en.yaml",
    ]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(md.stdout.contains("Mini framework"), "{}", md.stdout);
    assert!(md.stdout.contains("We listen."), "{}", md.stdout);
    // t1: parent carers 1, health 3: the groups' mean is 2.
    assert!(md.stdout.contains("2.0"), "{}", md.stdout);
}
