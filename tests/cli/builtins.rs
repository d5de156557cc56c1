//! The built-in frameworks besides the Four Cornerstones: each validates as shipped, is shown
//! whole, and is assessed from an answers file and reported on.

use crate::util::{Test, repo};

/// The built-in frameworks this file checks: (id, indicators, a few answers).
const FRAMEWORKS: &[(&str, usize, &str)] = &[
    (
        "wales-audit",
        15,
        "  - {indicator: st1, level: 4, evidence: Parents ran the training day.}\n\
         \x20 - {indicator: st2, level: 3}\n\
         \x20 - {indicator: st3, level: 2, evidence: \"Travel is paid, childcare is not.\"}\n\
         \x20 - {indicator: nw1, level: 3}\n\
         \x20 - {indicator: wm1, level: 5}\n\
         \x20 - {indicator: tp1, level: 2}\n\
         \x20 - {indicator: cm3, level: n/a}\n",
    ),
    (
        "young-people",
        14,
        "  - {indicator: v1, level: 3, evidence: The pledge is on the website., \
         extra_note: \"They said it, but we never see them.\"}\n\
         \x20 - {indicator: v2, level: 1, extra_note: Nobody asked us.}\n\
         \x20 - {indicator: d1, level: 2}\n\
         \x20 - {indicator: h1, level: 4, extra_note: The youth worker listens.}\n",
    ),
    (
        "ladder",
        8,
        "  - {indicator: strategy, level: 4}\n\
         \x20 - {indicator: commissioning, level: 2, evidence: Families hear after the contract is let.}\n\
         \x20 - {indicator: local-offer, level: 6}\n\
         \x20 - {indicator: ehc-plans, level: 5}\n\
         \x20 - {indicator: adulthood, level: n/a}\n\
         \x20 - {indicator: self-evaluation, level: 7, evidence: \"This check, done together.\"}\n",
    ),
];

fn answers(body: &str) -> String {
    format!(
        "partnership: Hafren Vale SEND Partnership\ndate: 2026-11-12\n\
         scored_by: {{kind: room}}\nanswers:\n{body}"
    )
}

#[test]
fn each_shipped_file_validates_and_is_the_built_in_one() {
    for (id, count, _) in FRAMEWORKS {
        let file = format!("frameworks/{id}.yaml");
        let text = std::fs::read_to_string(repo().join(&file)).expect("framework file");
        let t = Test::new().file("f.yaml", text);
        let out = t.run_args(&["framework", "validate", "f.yaml"]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        assert!(
            out.stdout.contains(&format!("{count} indicators")),
            "{id}: {}",
            out.stdout
        );
        insta::assert_snapshot!(format!("validate_{id}"), out.stdout);
        // The file and the built-in framework of that id are the same, fingerprint and all.
        let shown = t.run_args(&["framework", "show", "f.yaml"]);
        let built_in = t.run_args(&["framework", "show", id]);
        assert_eq!(shown.stdout, built_in.stdout, "{id}");
    }
}

#[test]
fn each_is_shown_whole() {
    for (id, count, _) in FRAMEWORKS {
        let out = Test::new().args(&["framework", "show", id]).run();
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        assert_eq!(
            out.stdout.matches(&format!(" of {count})")).count(),
            *count,
            "{id}"
        );
        insta::assert_snapshot!(format!("show_{id}"), out.stdout);
    }
}

#[test]
fn the_wales_audit_is_shown_in_welsh() {
    let out = Test::new()
        .args(&["framework", "show", "wales-audit", "--language", "cy"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Archwiliad cyd-gynhyrchu"),
        "{}",
        out.stdout
    );
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn each_is_assessed_from_answers_and_reported() {
    for (id, _, body) in FRAMEWORKS {
        let t = Test::new().file("answers.yaml", answers(body));
        let out = t.run_args(&[
            "assess",
            "-f",
            id,
            "--answers",
            "answers.yaml",
            "-o",
            "r.yaml",
        ]);
        assert_eq!(out.code, 0, "{id}: {}", out.stderr);
        let record = t.read("r.yaml");
        assert!(record.contains(&format!("id: {id}")), "{id}: {record}");
        let md = t.run_args(&["report", "-f", id, "--format", "markdown", "r.yaml"]);
        assert_eq!(md.code, 0, "{id}: {}", md.stderr);
        insta::assert_snapshot!(format!("report_{id}"), md.stdout);
        let json = t.run_args(&["report", "-f", id, "--format", "json", "r.yaml"]);
        assert_eq!(json.code, 0, "{id}: {}", json.stderr);
        let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
        assert_eq!(v["framework"]["id"], *id);
    }
}

#[test]
fn what_young_people_say_is_kept_and_shown_apart_from_evidence() {
    let (_, _, body) = FRAMEWORKS[1];
    let t = Test::new().file("answers.yaml", answers(body));
    let out = t.run_args(&[
        "assess",
        "-f",
        "young-people",
        "--answers",
        "answers.yaml",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(t.read("r.yaml").contains("extra_note: Nobody asked us."));
    let md = t.run_args(&[
        "report",
        "-f",
        "young-people",
        "--format",
        "markdown",
        "r.yaml",
    ]);
    let section = md
        .stdout
        .split("\n## ")
        .find(|p| p.starts_with("What we believe"))
        .expect("the first standard's part");
    let heard = section
        .split("What young people say")
        .nth(1)
        .expect("a heading of its own");
    assert!(heard.contains("Nobody asked us."), "{section}");
    assert!(
        heard.contains("They said it, but we never see them."),
        "{section}"
    );
    // The evidence stays in the evidence column, not under what young people say.
    assert!(
        !heard.contains("The pledge is on the website."),
        "{section}"
    );
    let json = t.run_args(&["report", "-f", "young-people", "--format", "json", "r.yaml"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(v["framework"]["extra_note"], "What young people say");
    assert_eq!(
        v["sections"][0]["indicators"][1]["responses"][0]["extra_note"],
        "Nobody asked us."
    );
}

#[test]
fn a_workstream_gets_its_rung_and_the_band_says_who_does_what() {
    let (_, _, body) = FRAMEWORKS[2];
    let t = Test::new().file("answers.yaml", answers(body));
    t.run_args(&[
        "assess",
        "-f",
        "ladder",
        "--answers",
        "answers.yaml",
        "-o",
        "r.yaml",
    ]);
    let md = t.run_args(&["report", "-f", "ladder", "--format", "markdown", "r.yaml"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    // Each workstream shows the rung it stands on, by name.
    assert!(md.stdout.contains("6** Co-designing"), "{}", md.stdout);
    assert!(md.stdout.contains("2** Educating"), "{}", md.stdout);
}
