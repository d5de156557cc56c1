//! Errors in Welsh: with `--language cy` (or `language = "cy"` in `coprod.toml`) the words
//! coprod frames its errors with and the messages a facilitator or coordinator meets most are
//! Welsh. File names, values and coprod's own commands stay as they are.

use rexpect::session::PtySession;

use crate::util::{Test, exit_code, pty};

const TIMEOUT_MS: u64 = 20_000;

/// A record with one answer, and a Welsh `coprod.toml`.
fn one_answer_record() -> Test {
    let t = Test::new()
        .file("a.csv", "indicator,level\nwc1,3\n")
        .file("coprod.toml", "language = \"cy\"\n");
    let out = t.run_args(&[
        "assess",
        "--answers",
        "a.csv",
        "--partnership",
        "P",
        "--room",
        "--date",
        "2026-11-12",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    t
}

/// What a session printed until it ended, without carriage returns. (The pseudo-terminal reader
/// hands back each byte as a character; they are read again as UTF-8.)
fn rest(p: &mut PtySession) -> String {
    let said = p.exp_eof().expect("exit").replace('\r', "");
    let bytes: Option<Vec<u8>> = said.chars().map(|c| u8::try_from(c).ok()).collect();
    bytes
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or(said)
}

/// The English words of coprod's errors that a Welsh error must not hold.
const ENGLISH: &[&str] = &[
    "error:",
    "help:",
    "is open in",
    "another coprod",
    "process ",
    "since coprod last saved",
    "is not saved",
    "stopped",
    "To carry on",
    "cannot read",
    "No such file",
    "not a terminal",
    "did you mean",
    "is not written in",
    "unknown key",
    "is not on the scale",
    "answered twice",
    "not a real date",
    "problems found",
];

fn assert_welsh(said: &str) {
    for english in ENGLISH {
        assert!(!said.contains(english), "{english:?} in:\n{said}");
    }
}

/// Process ids, the machine's name and times masked.
fn masked(text: &str) -> String {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut words: Vec<String> = Vec::new();
        for w in line.split(' ') {
            let prev = words.last().map(String::as_str).unwrap_or_default();
            let w = if prev.ends_with("proses") && w.chars().all(|c| c.is_ascii_digit()) {
                "[PID]".to_string()
            } else if prev == "ar" && words.iter().any(|x| x == "[PID]") && !w.contains('[') {
                let tail = if w.ends_with(',') { "," } else { "" };
                format!("[HOST]{tail}")
            } else if prev == "ers" && w.starts_with("20") {
                let tail: String = w.chars().skip_while(|c| *c != 'Z').skip(1).collect();
                format!("[TIME]{tail}")
            } else {
                w.to_string()
            };
            words.push(w);
        }
        out.push(words.join(" "));
    }
    out.join("\n")
}

#[test]
fn a_record_open_in_another_session_is_refused_in_welsh() {
    let t = one_answer_record();
    let mut first = pty(
        &t,
        &["assess", "--resume", "r.yaml", "--plain"],
        false,
        TIMEOUT_MS,
    );
    first.exp_string("Lefel ar gyfer WC2").expect("first open");
    let mut second = pty(
        &t,
        &["assess", "--resume", "r.yaml", "--plain"],
        false,
        TIMEOUT_MS,
    );
    let said = rest(&mut second);
    assert_eq!(exit_code(&second), 6, "{said}");
    assert!(said.contains("gwall: mae r.yaml ar agor mewn coprod arall (proses "));
    assert_welsh(&said);
    insta::assert_snapshot!("record_open_elsewhere", masked(said.trim()));
    first.send_line("q").expect("quit");
    rest(&mut first);
}

#[test]
fn a_record_changed_during_a_session_is_not_overwritten_and_says_so_in_welsh() {
    let t = one_answer_record();
    let mut p = pty(
        &t,
        &["assess", "--resume", "r.yaml", "--plain"],
        false,
        TIMEOUT_MS,
    );
    p.exp_string("Lefel ar gyfer WC2").expect("open");
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("4").expect("level");
    p.exp_string("Nodiadau tystiolaeth ar gyfer WC2")
        .expect("saved");
    let saved = t.read("r.yaml");
    let edited = saved.replace("partnership: P", "partnership: Pentre");
    std::fs::write(t.path().join("r.yaml"), &edited).expect("edit");
    p.send_line("Roedd yr ystafell yn dda").expect("evidence");
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 6, "{said}");
    assert_eq!(t.read("r.yaml"), edited, "the hand edit is kept");
    let message = said
        .split_once("gwall:")
        .map(|(_, m)| format!("gwall:{m}"))
        .unwrap_or_default();
    assert!(!message.is_empty(), "{said}");
    assert_welsh(&message);
    insta::assert_snapshot!("record_changed", message.trim());
}

#[test]
fn ctrl_c_says_what_was_saved_in_welsh() {
    let t = Test::new();
    let mut p = pty(
        &t,
        &[
            "assess",
            "--plain",
            "--language",
            "cy",
            "--partnership",
            "P",
            "--date",
            "2026-11-12",
            "--room",
            "-o",
            "r.yaml",
        ],
        false,
        TIMEOUT_MS,
    );
    p.exp_string("Pwy sy'n cymryd rhan?").expect("participants");
    p.send_line("").expect("none");
    p.exp_string("Lefel ar gyfer WC1").expect("first");
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("3").expect("level");
    p.exp_string("Nodiadau tystiolaeth ar gyfer WC1")
        .expect("evidence");
    p.send_control('c').expect("ctrl-c");
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 130, "{said}");
    let message = said
        .split_once("Wedi stopio")
        .map(|(_, m)| format!("Wedi stopio{m}"))
        .unwrap_or_default();
    assert!(
        message.contains("I barhau: coprod assess --resume r.yaml --plain"),
        "{said}"
    );
    assert_welsh(&message);
    insta::assert_snapshot!("interrupted", message.trim());
    assert!(t.read("r.yaml").contains("- indicator: wc1\n  level: 3\n"));
}

/// A command's exit code and standard error, for a snapshot.
fn fails(t: &Test, args: &[&str], code: i32) -> String {
    let out = t.run_args(args);
    assert_eq!(out.code, code, "{}", out.transcript());
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert_welsh(&out.stderr);
    format!("exit: {}\n{}", out.code, out.stderr.trim_end())
}

#[test]
fn no_terminal_in_welsh() {
    let t = Test::new();
    let said = fails(&t, &["assess", "--language", "cy", "--room"], 5);
    insta::assert_snapshot!("no_terminal", said);
}

#[test]
fn a_file_not_found_in_welsh() {
    let t = Test::new().file("coprod.toml", "language = \"cy\"\n");
    let said = fails(&t, &["report", "records/2026/health.yaml"], 4);
    assert!(
        said.contains("methu darllen records/2026/health.yaml"),
        "{said}"
    );
    insta::assert_snapshot!("file_not_found", said);
}

#[test]
fn an_unknown_group_in_welsh() {
    let t = Test::new();
    let said = fails(
        &t,
        &["assess", "--language", "cy", "--group", "parnet-carers"],
        2,
    );
    insta::assert_snapshot!("unknown_group", said);
}

#[test]
fn a_language_the_framework_lacks_in_welsh() {
    let framework = "id: mini\ntitle: Mini\nversion: '1'\nlanguage: en-GB\nscale:\n  \
                     - {value: 1, label: A}\n  - {value: 2, label: B}\nsections:\n  \
                     - id: s\n    title: S\n    indicators:\n      - {id: i, statement: X}\n";
    let t = Test::new().file("mini.yaml", framework);
    let said = fails(
        &t,
        &["framework", "show", "mini.yaml", "--language", "cy"],
        2,
    );
    insta::assert_snapshot!("not_written_in", said);
}

#[test]
fn a_record_with_the_usual_slips_in_welsh() {
    let record = "format: 1\nframework:\n  id: four-cornerstones\n  version: \"1.1\"\n\
                  partnership: P\ndate: 2026-11-12\nscored_by: {kind: room}\nanswers:\n  \
                  - {indicator: wc9, level: 3}\n  - {indicator: wc1, level: 7}\n  \
                  - {indicator: wc2, level: 2}\n  - {indicator: wc2, level: 3}\n";
    let t = Test::new()
        .file("r.yaml", record)
        .file("coprod.toml", "language = \"cy\"\n");
    let said = fails(&t, &["report", "r.yaml"], 3);
    insta::assert_snapshot!("record_slips", said);
    // A key coprod does not know.
    let t = Test::new().file(
        "r.yaml",
        record.replace("partnership: P", "partnership: P\nparticipant: Siân"),
    );
    let said = fails(&t, &["report", "--language", "cy", "r.yaml"], 3);
    insta::assert_snapshot!("record_unknown_key", said);
    // A date not in the calendar.
    let t = Test::new().file(
        "r.yaml",
        record.replace("date: 2026-11-12", "date: 2026-02-30"),
    );
    let said = fails(&t, &["report", "--language", "cy", "r.yaml"], 3);
    insta::assert_snapshot!("record_date", said);
}
