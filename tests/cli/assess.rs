//! `coprod assess` end to end: the real binary in a real pseudo-terminal, and its scripted paths.

use rexpect::session::PtySession;

use crate::util::{Test, exit_code};

const TIMEOUT_MS: u64 = 20_000;

/// Starts `coprod` in a pseudo-terminal in the test's folder, without colour.
fn pty(t: &Test, args: &[&str]) -> PtySession {
    crate::util::pty(t, args, false, TIMEOUT_MS)
}

/// Starts `coprod assess --plain` for partnership P on 2026-11-12 with `more` arguments, and
/// answers the participants question with none.
fn start_plain(t: &Test, more: &[&str]) -> PtySession {
    let mut args = vec![
        "assess",
        "--plain",
        "--partnership",
        "P",
        "--date",
        "2026-11-12",
    ];
    args.extend_from_slice(more);
    let mut p = pty(t, &args);
    p.exp_string("Who is taking part?").expect("participants");
    p.send_line("").expect("none");
    p
}

/// Answers one indicator in plain mode: a level, no notes, no action.
fn plain_answer(p: &mut PtySession, id: &str, level: &str) {
    p.exp_string(&format!("Level for {id}"))
        .expect("level question");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line(level).expect("send level");
    p.exp_string(&format!("Evidence notes for {id}"))
        .expect("evidence question");
    p.send_line("").expect("no evidence");
    p.exp_string("Add an action").expect("action question");
    p.send_line("n").expect("no action");
}

const IDS: [&str; 24] = [
    "WC1", "WC2", "WC3", "WC4", "WC5", "WC6", "VI1", "VI2", "VI3", "VI4", "VI5", "VI6", "CM1",
    "CM2", "CM3", "CM4", "CM5", "CM6", "WP1", "WP2", "WP3", "WP4", "WP5", "WP6",
];

#[test]
fn ctrl_c_half_way_then_resume_keeps_every_answer() {
    let t = Test::new();
    let mut p = start_plain(&t, &["--room", "-o", "r.yaml"]);
    for (n, id) in IDS[..12].iter().enumerate() {
        plain_answer(&mut p, id, ["2", "3", "4"][n % 3]);
    }
    p.exp_string("Level for CM1").expect("13th indicator");
    p.send_control('c').expect("ctrl-c");
    p.exp_string("To carry on: coprod assess --resume r.yaml --plain")
        .expect("resume hint");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 130);

    let mut p = pty(&t, &["assess", "--resume", "r.yaml", "--plain"]);
    p.exp_string("12 of 24 indicators answered so far")
        .expect("progress");
    for id in &IDS[12..] {
        plain_answer(&mut p, id, "5");
    }
    p.exp_string("Done. Summary").expect("summary");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);

    let text = t.read("r.yaml");
    for (n, id) in IDS.iter().enumerate() {
        let level = if n < 12 { ["2", "3", "4"][n % 3] } else { "5" };
        let needle = format!("- indicator: {}\n  level: {level}\n", id.to_lowercase());
        assert!(text.contains(&needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn killed_with_sigkill_then_resumed_loses_nothing_saved() {
    let t = Test::new();
    let mut p = start_plain(&t, &["--room", "-o", "r.yaml"]);
    for id in &IDS[..5] {
        plain_answer(&mut p, id, "3");
    }
    // The sixth answer is acknowledged by the next question; then kill.
    p.exp_string("Level for WC6").expect("sixth indicator");
    p.send_line("4").expect("level");
    p.exp_string("Evidence notes for WC6").expect("saved");
    p.process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .expect("kill");

    let text = t.read("r.yaml");
    let parsed = t.run_args(&["report", "r.yaml", "--format", "json"]);
    assert_eq!(
        parsed.code, 0,
        "the record parses after SIGKILL:\n{}\n{text}",
        parsed.stderr
    );
    assert!(text.contains("- indicator: wc6\n  level: 4\n"), "{text}");

    let mut p = pty(&t, &["assess", "--resume", "r.yaml", "--plain"]);
    p.exp_string("6 of 24 indicators answered so far")
        .expect("progress kept");
    p.exp_string("Level for VI1")
        .expect("resumes at the first unanswered");
    p.send_line("q").expect("quit");
    p.exp_string("To carry on later").expect("quit message");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn without_a_terminal_it_explains_instead_of_waiting() {
    let out = Test::new().args(&["assess"]).stdin("3\n").run();
    assert_eq!(out.code, 5);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn answers_from_yaml_fill_a_record() {
    let answers = "\
partnership: Hafren Vale SEND Partnership
date: 2026-11-12
scored_by: {kind: group, group: education}
answers:
  - indicator: wc1
    level: 3
    evidence: Fine.
  - indicator: wc2
    level: n/a
";
    let t = Test::new().file("answers.yaml", answers).args(&[
        "assess",
        "--answers",
        "answers.yaml",
        "-o",
        "r.yaml",
    ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.transcript());
    let record = t.read("r.yaml");
    assert!(record.contains("group: education"));
    assert!(record.contains("fingerprint: sha256:"));
    // Never overwritten without --force.
    let again = t.run();
    assert_eq!(again.code, 2);
    insta::assert_snapshot!("answers_refuse_overwrite", again.transcript());
}

#[test]
fn answers_from_csv_fill_a_record() {
    let csv = "indicator,level,evidence\nwc1,4,\"Good, mostly\"\nWC2,n/a,\ncm3,2,Patchy\n";
    let t = Test::new().file("answers.csv", csv).args(&[
        "assess",
        "--answers",
        "answers.csv",
        "--partnership",
        "P",
        "--date",
        "2026-01-02",
        "--room",
    ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let record = t.read("p-2026-01-02-room.yaml");
    assert!(
        record.contains("- indicator: wc1\n  level: 4\n  evidence: Good, mostly\n"),
        "{record}"
    );
    assert!(
        record.contains("- indicator: wc2\n  level: n/a\n"),
        "{record}"
    );
}

/// An answers file may use an indicator's earlier id (`replaces`); the record gets the id the
/// indicator has now.
#[test]
fn answers_under_an_earlier_id_are_saved_under_the_new_one() {
    let framework = crate::errors::FRAMEWORK.replace(
        "      - id: t2\n        statement: We reply.\n",
        "      - id: reply\n        statement: We reply.\n        replaces: [t2]\n",
    );
    for (name, answers) in [
        ("a.csv", "indicator,level\nt1,2\nt2,3\n"),
        (
            "a.yaml",
            "answers:\n  - {indicator: t1, level: 2}\n  - {indicator: t2, level: 3}\n",
        ),
    ] {
        let t = Test::new()
            .file("f.yaml", &framework)
            .file(name, answers)
            .args(&[
                "assess",
                "--framework",
                "f.yaml",
                "--answers",
                name,
                "--partnership",
                "P",
                "--date",
                "2026-01-02",
                "--room",
                "-o",
                "r.yaml",
            ]);
        let out = t.run();
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let record = t.read("r.yaml");
        assert!(
            record.contains("- indicator: reply\n  level: 3\n"),
            "{name}: {record}"
        );
        assert!(!record.contains("t2"), "{name}: {record}");
    }
}

#[test]
fn answers_csv_errors_point_at_the_cell() {
    let csv = "indicator,levle,evidence\nwc1,4,x\n";
    let out = Test::new()
        .file("a.csv", csv)
        .args(&["assess", "--answers", "a.csv", "--partnership", "P"])
        .run();
    assert_eq!(out.code, 3);
    insta::assert_snapshot!("csv_unknown_column", out.transcript());
    let csv = "indicator,level\nwc1,4\nwc9,2\nwc2,7\nwc1,3\n";
    let out = Test::new()
        .file("a.csv", csv)
        .args(&["assess", "--answers", "a.csv", "--partnership", "P"])
        .run();
    assert_eq!(out.code, 3);
    insta::assert_snapshot!("csv_bad_rows", out.transcript());
}

#[test]
fn answers_yaml_errors_are_the_same_as_records() {
    let answers = "partnership: P\nanswers:\n  - indicator: wc1\n    level: 8\n  - indicatr: wc2\n";
    let out = Test::new()
        .file("a.yaml", answers)
        .args(&["assess", "--answers", "a.yaml"])
        .run();
    assert_eq!(out.code, 3);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn coprod_toml_gives_the_partnership() {
    let t = Test::new()
        .file("coprod.toml", "partnership = \"Glan-y-Môr Partnership\"\n")
        .file("a.csv", "indicator,level\nwc1,2\n")
        .args(&[
            "assess",
            "--answers",
            "a.csv",
            "--date",
            "2026-05-01",
            "--room",
        ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        t.read("glan-y-mor-partnership-2026-05-01-room.yaml")
            .contains("partnership: Glan-y-Môr Partnership")
    );
}

#[test]
fn coprod_toml_unknown_key() {
    let out = Test::new()
        .file("coprod.toml", "partnershp = \"X\"\n")
        .file("a.csv", "indicator,level\nwc1,2\n")
        .args(&["assess", "--answers", "a.csv"])
        .run();
    assert_eq!(out.code, 3);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn workshop_mode_in_the_terminal_then_reported_by_group() {
    let t = Test::new();
    let mut p = start_plain(
        &t,
        &["--groups", "parent-carers,local-authority", "-o", "w.yaml"],
    );
    for (id, a, b) in [("WC1", "1", "4"), ("WC2", "2", "4")] {
        p.exp_string(&format!("Level for {id}, Parent carers\r\n"))
            .expect("first table");
        p.exp_string("Type a choice").expect("prompt");
        p.send_line(a).expect("level");
        p.exp_string(&format!("Level for {id}, Local authority\r\n"))
            .expect("second table");
        p.exp_string("Type a choice").expect("prompt");
        p.send_line(b).expect("level");
        p.exp_string(&format!("Evidence notes for {id}"))
            .expect("evidence");
        p.send_line("").expect("none");
        p.exp_string("Add an action").expect("action");
        p.send_line("n").expect("no");
    }
    p.exp_string("Level for WC3, ").expect("third indicator");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);

    let record = t.read("w.yaml");
    assert!(record.contains("kind: workshop"), "{record}");
    let out = t.run_args(&["report", "w.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(
        v["records"].as_array().map(Vec::len),
        Some(2),
        "one record per group"
    );
    assert_eq!(
        v["perspectives"]["indicators"][0]["by_group"],
        serde_json::json!([1.0, 4.0])
    );
    assert_eq!(v["perspectives"]["indicators"][0]["diverges"], true);
}

#[test]
fn from_last_year_carries_the_actions_forward() {
    let t = Test::new().with_examples();
    let mut p = start_plain(
        &t,
        &[
            "--from",
            "examples/2025/health.yaml",
            "--group",
            "health",
            "-o",
            "r.yaml",
        ],
    );
    p.exp_string("You said, we did:").expect("follow-up starts");
    p.exp_regex(r"\d+ actions? (was|were) agreed")
        .expect("count");
    let mut carried = 0;
    loop {
        let (_, matched) = p
            .exp_regex(r"(Status now|Last time \(2025-11-13\):)")
            .expect("next step");
        if matched.starts_with("Last time") {
            break;
        }
        p.exp_string("Type a choice").expect("prompt");
        p.send_line("3").expect("done");
        p.exp_string("A note on progress").expect("note");
        p.send_line("Finished").expect("note");
        carried += 1;
    }
    assert!(carried >= 1, "the example has actions to follow up");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    let record = t.read("r.yaml");
    assert_eq!(record.matches("status: done").count(), carried, "{record}");
    assert_eq!(
        record.matches("note: Finished").count(),
        carried,
        "{record}"
    );
}

/// A line break in the partnership's name cannot break the record's first (comment) line.
#[test]
fn a_line_break_in_the_partnership_name_keeps_the_record_readable() {
    let answers = "partnership: \"Hafren Vale\\nSEND Partnership\"\nanswers:\n  - {indicator: wc1, level: 3}\n";
    let t = Test::new().file("a.yaml", answers).args(&[
        "assess",
        "--answers",
        "a.yaml",
        "--date",
        "2026-11-12",
        "-o",
        "r.yaml",
    ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        t.read("r.yaml")
            .contains("\n# coprod record: Hafren Vale SEND Partnership — 2026-11-12\n")
    );
    let json = t.run_args(&["report", "r.yaml", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(v["partnerships"][0], "Hafren Vale\nSEND Partnership");
}

/// A record with its first indicator answered, as a hand-edited file with a comment.
const STARTED: &str = "\
# Typed up after the March meeting.
format: 1
framework:
  id: four-cornerstones
  version: \"1.0\"
partnership: Old Name
date: 2026-03-04
scored_by:
  kind: group
  group: health
answers:
  - indicator: wc1
    level: 3
";

#[test]
fn opening_a_record_changes_nothing_on_disk_until_an_answer_does() {
    let t = Test::new().file("r.yaml", STARTED);
    let mut p = pty(&t, &["assess", "--resume", "r.yaml", "--plain"]);
    p.exp_string("Level for WC2").expect("resumes at wc2");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("q").expect("quit");
    p.exp_string("To carry on later").expect("resume hint");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    assert_eq!(t.read("r.yaml"), STARTED, "byte for byte, comment and all");
}

#[test]
fn flags_given_with_resume_correct_the_record_and_say_so() {
    let t = Test::new().file("r.yaml", STARTED);
    let mut p = pty(
        &t,
        &[
            "assess",
            "--resume",
            "r.yaml",
            "--plain",
            "--partnership",
            "New Name",
            "--date",
            "2026-03-05",
            "--group",
            "education",
        ],
    );
    // The pseudo-terminal reader sees bytes, so match the ASCII parts around the quotes.
    p.exp_string("Partnership changed from ")
        .expect("partnership said");
    p.exp_string("Old Name").expect("old name");
    p.exp_string("New Name").expect("new name");
    p.exp_string("Date changed from 2026-03-04 to 2026-03-05.")
        .expect("date said");
    p.exp_string("Scorer changed from Health to Education.")
        .expect("scorer said");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    let record = t.read("r.yaml");
    assert!(record.contains("partnership: New Name"), "{record}");
    assert!(record.contains("2026-03-05"), "{record}");
    assert!(record.contains("group: education"), "{record}");
}

#[test]
fn esc_in_plain_mode_goes_back_and_is_never_garbled() {
    let t = Test::new();
    let mut p = start_plain(&t, &["--room", "-o", "r.yaml"]);
    plain_answer(&mut p, "WC1", "2");
    p.exp_string("Level for WC2").expect("wc2");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("3").expect("level");
    p.exp_string("Evidence notes for WC2").expect("evidence");
    // The Esc key, as a terminal sends it: back to the level question.
    p.send_line("\u{1b}").expect("esc");
    let before = p.exp_string("Level for WC2").expect("back at the level");
    assert!(!before.contains("not one of the choices"), "{before}");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("three").expect("a word");
    p.exp_string("To choose 3, type the number 3.")
        .expect("what to type");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    let record = t.read("r.yaml");
    assert!(record.contains("level: 3"), "wc2 kept its level: {record}");
}

#[test]
fn finish_for_now_prints_the_resume_command_and_a_complete_next_command() {
    let t = Test::new().with_examples();
    let args = [
        "assess",
        "--plain",
        "--date",
        "2026-11-12",
        "--from",
        "examples/2025/health.yaml",
        "-o",
        "r.yaml",
    ];
    let mut p = pty(&t, &args);
    p.exp_string("Partnership: Hafren Vale SEND Partnership (from the earlier record")
        .expect("partnership taken over");
    p.exp_string("Scoring: Health (as in the earlier record")
        .expect("scorer taken over");
    p.exp_string("Who is taking part?").expect("participants");
    p.send_line("").expect("none");
    p.exp_string("You said, we did:").expect("follow-up");
    // Esc at every action keeps it as it was.
    loop {
        let (_, matched) = p
            .exp_regex(r"(Status now|Level for WC1)")
            .expect("next step");
        if matched.starts_with("Level") {
            break;
        }
        p.exp_string("Type a choice").expect("prompt");
        p.send_line("esc").expect("esc");
        p.exp_string("Kept as it was.").expect("kept");
    }
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("s").expect("skip wc1");
    for _ in 1..24 {
        p.exp_string("Type a choice").expect("prompt");
        p.send_line("s").expect("skip");
    }
    p.exp_string("2  Finish for now")
        .expect("finish choice numbered");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("2").expect("finish");
    p.exp_string("Next: coprod report examples/2025/health.yaml r.yaml")
        .expect("next command with last year's file");
    p.exp_string(
        "To carry on: coprod assess --resume r.yaml --from examples/2025/health.yaml --plain",
    )
    .expect("resume command");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    let record = t.read("r.yaml");
    assert!(record.contains("group: health"), "{record}");
}

#[test]
fn groups_typos_single_and_duplicate_groups_are_refused() {
    let cases = [
        ("groups_typo", "parent-carers,helth"),
        ("groups_one", "parent-carers"),
        ("groups_twice", "health,parent-carers,health"),
    ];
    for (name, groups) in cases {
        let out = Test::new()
            .args(&["assess", "--partnership", "P", "--groups", groups])
            .run();
        assert_eq!(out.code, 2, "{name}: {}", out.stderr);
        insta::assert_snapshot!(name, out.transcript());
    }
    // A group named in coprod.toml is known, and close names are checked against it too.
    let out = Test::new()
        .file("coprod.toml", "[groups]\nyouth-forum = \"Youth Forum\"\n")
        .args(&[
            "assess",
            "--partnership",
            "P",
            "--groups",
            "health,youth-forom",
        ])
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("did you mean `youth-forum`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_half_typed_action_survives_sigkill_and_is_offered_back() {
    let t = Test::new();
    let mut p = start_plain(&t, &["--room", "-o", "r.yaml"]);
    p.exp_string("Level for WC1").expect("first indicator");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("2").expect("level");
    p.exp_string("Evidence notes for WC1").expect("evidence");
    p.send_line("").expect("no evidence");
    p.exp_string("Add an action for WC1?")
        .expect("action question");
    p.send_line("y").expect("yes");
    p.exp_string("What will be done?").expect("what");
    p.send_line("Ask the forum about evening meetings")
        .expect("what");
    // The owner question shows that what was typed is kept; then the laptop dies.
    p.exp_string("Who owns it?").expect("owner question");
    p.process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .expect("kill");
    let text = t.read("r.yaml");
    assert!(
        text.contains("draft:\n    action:\n      what: Ask the forum about evening meetings\n"),
        "{text}"
    );

    let mut p = pty(&t, &["assess", "--resume", "r.yaml", "--plain"]);
    p.exp_string("Level for WC2").expect("resumes at wc2");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("b").expect("back to wc1");
    p.exp_string("Level for WC1").expect("wc1");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("").expect("keep the level");
    p.exp_string("Evidence notes for WC1").expect("evidence");
    p.send_line("").expect("no evidence");
    p.exp_string("was being typed last time")
        .expect("offered back");
    p.exp_string("Ask the forum about evening meetings")
        .expect("the words typed");
    p.send_line("").expect("finish it (the default)");
    p.exp_string("What will be done?").expect("what, offered");
    p.send_line("").expect("keep it");
    p.exp_string("Who owns it?").expect("owner");
    p.send_line("Forum coordinator").expect("owner");
    p.exp_string("Due date").expect("due");
    p.send_line("").expect("no date");
    p.exp_string("Action saved.").expect("saved");
    p.exp_string("WC1 has 1 action. Add another?")
        .expect("more");
    p.send_line("n").expect("no");
    p.exp_string("Level for WC2").expect("on to wc2");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    let text = t.read("r.yaml");
    assert!(!text.contains("draft:"), "{text}");
    assert!(
        text.contains(
            "  - what: Ask the forum about evening meetings\n    owner: Forum coordinator\n"
        ),
        "{text}"
    );
}

#[test]
fn from_several_group_records_follows_up_each_and_scores_them_as_a_workshop() {
    let t = Test::new().with_examples();
    let args = [
        "assess",
        "--plain",
        "--date",
        "2026-11-12",
        "--from",
        "examples/2025/parent-carers.yaml",
        "--from",
        "examples/2025/health.yaml",
        "-o",
        "r.yaml",
    ];
    let mut p = pty(&t, &args);
    p.exp_string("Partnership: Hafren Vale SEND Partnership (from the earlier records")
        .expect("partnership taken over");
    p.exp_string("Scoring: Workshop: Parent carers, Health (from the earlier records")
        .expect("the groups of the earlier records score together");
    p.exp_string("Who is taking part?").expect("participants");
    p.send_line("").expect("none");
    // Each earlier record's actions are followed up in turn; Esc keeps each as it was.
    let mut follow_ups = 0;
    let mut kept = 0;
    loop {
        let (_, matched) = p
            .exp_regex(r"(You said, we did:|Status now|Last time \(2025-11-13, Parent carers\))")
            .expect("next step");
        if matched.starts_with("Last time") {
            break;
        }
        if matched.starts_with("You said") {
            follow_ups += 1;
            continue;
        }
        p.exp_string("Type a choice").expect("prompt");
        p.send_line("esc").expect("esc");
        p.exp_string("Kept as it was.").expect("kept");
        kept += 1;
    }
    assert_eq!(follow_ups, 2, "one follow-up per earlier record");
    p.exp_string("Last time (2025-11-13, Health)")
        .expect("the other record's level too");
    p.exp_string("Type a choice").expect("prompt");
    p.send_line("q").expect("quit");
    p.exp_string("coprod assess --resume r.yaml --from examples/2025/parent-carers.yaml --from examples/2025/health.yaml --plain")
        .expect("the resume command names both");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    let record = t.read("r.yaml");
    assert!(record.contains("kind: workshop"), "{record}");
    assert!(
        record.contains("- parent-carers\n") && record.contains("- health\n"),
        "{record}"
    );
    assert_eq!(record.matches("- what:").count(), kept, "{record}");
    assert!(kept >= 2, "both records' actions carried: {kept}");
}
