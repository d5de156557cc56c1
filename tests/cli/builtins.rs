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

/// Walks a built-in framework end to end in a pseudo-terminal, in plain mode: every indicator
/// a level, and for a framework with an extra note, that note too.
fn walk_in_a_terminal(args: &[&str], ids: &[&str], extra_note: Option<&str>) -> String {
    use crate::util::pty;
    let t = Test::new();
    let mut all = vec![
        "assess",
        "--plain",
        "--partnership",
        "P",
        "--date",
        "2026-11-12",
        "--room",
        "-o",
        "r.yaml",
    ];
    all.extend_from_slice(args);
    let mut p = pty(&t, &all, false, 20_000);
    p.exp_string("Who is taking part?").expect("participants");
    p.send_line("").expect("none");
    for (n, id) in ids.iter().enumerate() {
        let id = id.to_uppercase();
        p.exp_string(&format!("Level for {id}"))
            .expect("level question");
        p.exp_string("Type a choice").expect("choice prompt");
        p.send_line(["2", "3"][n % 2]).expect("send level");
        p.exp_string(&format!("Evidence notes for {id}"))
            .expect("evidence question");
        p.send_line("").expect("no evidence");
        if let Some(question) = extra_note {
            p.exp_string(&format!("{question} ({id}, optional)"))
                .expect("extra note question");
            p.send_line(&format!("Said about {id}")).expect("note");
        }
        p.exp_string("Add an action").expect("action question");
        p.send_line("n").expect("no action");
    }
    p.exp_string("Done. Summary").expect("the end of the walk");
    p.exp_string("Saved to r.yaml.").expect("saved");
    p.exp_eof().expect("exit");
    t.read("r.yaml")
}

/// The indicator ids of a built-in framework (or edition), in order.
fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["framework", "show"];
    all.extend_from_slice(args);
    let out = Test::new().args(&all).run();
    out.stdout
        .lines()
        .filter(|l| {
            l.starts_with("  ")
                && l.split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w.starts_with('('))
        })
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn each_is_walked_end_to_end_in_a_terminal() {
    for (id, count, _) in FRAMEWORKS {
        let ids = ids(&[id]);
        assert_eq!(ids.len(), *count, "{id}");
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let note = (*id == "young-people").then_some(
            "What do young people say about this? Write their words down as they said them.",
        );
        let record = walk_in_a_terminal(&["-f", id], &refs, note);
        assert!(record.contains(&format!("id: {id}")), "{record}");
        for i in &ids {
            assert!(
                record.contains(&format!("- indicator: {i}\n  level: ")),
                "{id} {i}: {record}"
            );
        }
        if note.is_some() {
            assert!(record.contains("extra_note: Said about V1"), "{record}");
        }
    }
}

#[test]
fn the_easy_read_edition_is_walked_end_to_end_in_a_terminal() {
    let ids = ids(&["--edition", "easy-read"]);
    assert_eq!(ids.len(), 24);
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let record = walk_in_a_terminal(&["--edition", "easy-read"], &refs, None);
    assert!(record.contains("edition: easy-read"), "{record}");
    assert!(record.contains("- indicator: wp6\n  level: 3"), "{record}");
}
