//! The full-screen workshop view through a real pseudo-terminal: keys in, the record file and
//! the terminal's state checked. (What the screen shows is pinned by the snapshot tests in
//! `src/assess/screen`; a pseudo-terminal sees only the changes ratatui writes.)

use std::time::{Duration, Instant};

use nix::sys::termios::{LocalFlags, tcgetattr};
use rexpect::process::Signal;
use rexpect::session::PtySession;

use crate::util::{Test, exit_code};

const TIMEOUT_MS: u64 = 20_000;

const IDS: [&str; 24] = [
    "wc1", "wc2", "wc3", "wc4", "wc5", "wc6", "vi1", "vi2", "vi3", "vi4", "vi5", "vi6", "cm1",
    "cm2", "cm3", "cm4", "cm5", "cm6", "wp1", "wp2", "wp3", "wp4", "wp5", "wp6",
];

/// Starts `coprod assess` on the full screen for partnership P on 2026-11-12 (whole room,
/// record `r.yaml`, no participants), and waits until the screen has the terminal.
fn start(t: &Test, more: &[&str]) -> PtySession {
    start_with_env(t, more, &[])
}

/// As [`start`], with more environment variables.
fn start_with_env(t: &Test, more: &[&str], env: &[(&str, &str)]) -> PtySession {
    let mut args = vec!["assess", "--partnership", "P", "--date", "2026-11-12"];
    if more.is_empty() {
        args.extend(["--room", "-o", "r.yaml"]);
    }
    args.extend_from_slice(more);
    let mut p = crate::util::pty_with_env(t, &args, false, TIMEOUT_MS, env);
    if !more.contains(&"--resume") {
        p.exp_string("Who is taking part?").expect("participants");
        std::thread::sleep(Duration::from_millis(60));
        keys(&mut p, "\r");
    }
    on_screen(&mut p);
    p
}

/// Waits for the switch to the full screen (the alternate screen, raw mode already on).
fn on_screen(p: &mut PtySession) {
    p.exp_string("\u{1b}[?1049h")
        .expect("the full screen starts");
}

fn keys(p: &mut PtySession, text: &str) {
    p.send(text).expect("send keys");
    p.flush().expect("flush keys");
}

/// Waits until the record file satisfies `ok`; returns its text.
fn record_when(t: &Test, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
    loop {
        let text = std::fs::read_to_string(t.path().join("r.yaml")).unwrap_or_default();
        if ok(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn level_line(id: &str, level: &str) -> String {
    format!("- indicator: {id}\n  level: {level}\n")
}

/// The terminal is as a shell expects: line editing and signal keys on (raw mode turns them
/// off; echo was off from the start in the test's pseudo-terminal), and the last things
/// written restore the screen and show the cursor.
fn assert_restored(p: &PtySession, output: &str) {
    let handle = p.process().get_file_handle().expect("terminal handle");
    let modes = tcgetattr(&handle).expect("terminal modes");
    assert!(
        modes
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ISIG | LocalFlags::IEXTEN),
        "raw mode is still on: {:?}",
        modes.local_flags
    );
    let leave = output.rfind("\u{1b}[?1049l").expect("left the full screen");
    let show = output.rfind("\u{1b}[?25h").expect("cursor shown");
    let hide = output.rfind("\u{1b}[?25l").unwrap_or(0);
    assert!(show > hide && leave > 0, "the cursor is shown at the end");
}

#[test]
fn a_full_walk_by_keys_alone_then_reported() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    for (n, id) in IDS.iter().enumerate() {
        let level = ["1", "2", "3", "4", "5"][n % 5];
        keys(&mut p, level);
        record_when(&t, id, |r| r.contains(&level_line(id, level)));
    }
    // Past the last indicator the overview shows; q finishes.
    keys(&mut p, "q");
    let before = p.exp_string("Done. Summary").expect("summary");
    p.exp_string("Next: coprod report r.yaml")
        .expect("next command");
    let rest = p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    assert_restored(&p, &format!("{before}{rest}"));

    let out = t.run_args(&["report", "r.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(v["completeness"]["answered"], 24);
    assert_eq!(
        v["sections"][3]["indicators"][5]["responses"][0]["level"],
        4
    );
}

#[test]
fn keys_that_mean_nothing_record_nothing() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    // Letters, digits off the scale, Esc, Tab, Enter, a function key, a paste of a level.
    keys(&mut p, "xhyz70\u{1b}\t\r\u{1b}[15~");
    keys(&mut p, "\u{1b}[200~3\u{1b}[201~");
    std::thread::sleep(Duration::from_millis(300));
    keys(&mut p, "4");
    let text = record_when(&t, "wc1", |r| r.contains(&level_line("wc1", "4")));
    assert_eq!(text.matches("- indicator:").count(), 1, "{text}");
    keys(&mut p, "q");
    p.exp_string("To carry on later").expect("quit message");
    let rest = p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    assert!(rest.contains("coprod assess --resume r.yaml"), "{rest}");
}

#[test]
fn ctrl_c_stops_with_the_resume_command_and_the_terminal_restored() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    keys(&mut p, "3");
    record_when(&t, "wc1", |r| r.contains(&level_line("wc1", "3")));
    p.send_control('c').expect("ctrl-c");
    let before = p
        .exp_string("To carry on: coprod assess --resume r.yaml")
        .expect("resume hint");
    let rest = p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 130);
    assert_restored(&p, &format!("{before}{rest}"));

    // Resuming starts at the first unanswered indicator.
    let mut p = start(&t, &["--resume", "r.yaml"]);
    keys(&mut p, "5");
    let text = record_when(&t, "wc2", |r| r.contains(&level_line("wc2", "5")));
    assert!(text.contains(&level_line("wc1", "3")), "{text}");
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
}

fn stopped_by(signal: Signal) {
    let t = Test::new();
    let mut p = start(&t, &[]);
    for (id, level) in [("wc1", "2"), ("wc2", "4")] {
        keys(&mut p, level);
        record_when(&t, id, |r| r.contains(&level_line(id, level)));
    }
    p.process_mut().signal(signal).expect("signal");
    let rest = p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 130, "{signal:?}: {rest}");
    assert_restored(&p, &rest);
    assert!(
        rest.contains("To carry on: coprod assess --resume r.yaml"),
        "{signal:?}: {rest}"
    );
    let out = t.run_args(&["report", "r.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "the record is whole: {}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(v["completeness"]["answered"], 2);
}

#[test]
fn sigterm_mid_walk_restores_the_terminal_and_keeps_the_record() {
    stopped_by(Signal::SIGTERM);
}

#[test]
fn sighup_mid_walk_restores_the_terminal_and_keeps_the_record() {
    stopped_by(Signal::SIGHUP);
}

#[test]
fn ctrl_c_while_typing_evidence_then_resume_shows_the_draft() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    keys(&mut p, "e");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "Hybrid room worked well\rSecond line q3");
    std::thread::sleep(Duration::from_millis(100));
    p.send_control('c').expect("ctrl-c");
    p.exp_string("To carry on: coprod assess --resume r.yaml")
        .expect("resume hint");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 130);
    let text = t.read("r.yaml");
    assert!(text.contains("draft:"), "{text}");
    assert!(text.contains("Hybrid room worked well"), "{text}");
    assert!(
        !text.contains("level:"),
        "nothing typed became a level: {text}"
    );

    // The next session opens the notes where they were; Esc saves them as the evidence.
    let mut p = start(&t, &["--resume", "r.yaml"]);
    keys(&mut p, " more\u{1b}");
    let text = record_when(&t, "the evidence", |r| !r.contains("draft:"));
    assert!(
        text.contains("evidence: |-\n    Hybrid room worked well\n    Second line q3 more\n"),
        "{text}"
    );
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn a_vote_typed_in_is_kept_and_the_record_reports() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    // 2 chose level 1, 5 level 3, 4 level 4; Enter; the room agrees 3.
    keys(&mut p, "v");
    std::thread::sleep(Duration::from_millis(100));
    keys(&mut p, "2\u{1b}[B\u{1b}[B5\u{1b}[B4\r");
    record_when(&t, "the vote", |r| r.contains("votes:"));
    keys(&mut p, "3");
    let text = record_when(&t, "the agreed level", |r| r.contains("level: 3"));
    assert!(text.contains("from: cards"), "{text}");
    for (level, n) in [(1, 2), (3, 5), (4, 4)] {
        assert!(
            text.contains(&format!("{level}: {n}\n")),
            "{level}: {n} in\n{text}"
        );
    }
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    let out = t.run_args(&["report", "r.yaml", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let response = &v["sections"][0]["indicators"][0]["responses"][0];
    assert_eq!(response["level"], 3);
    // The report keeps how the room voted before it agreed.
    assert_eq!(
        response["votes"]["levels"],
        serde_json::json!([[1, 2], [2, 0], [3, 5], [4, 4], [5, 0]]),
        "{response}"
    );
}

/// Esc as a terminal with the "CSI u" keyboard encoding sends it: unlike a lone ESC byte it
/// cannot run into the next key and be read as Alt and that key, however loaded the machine.
const ESC: &str = "\u{1b}[27u";
const F5: &str = "\u{1b}[15~";
const CTRL_X: &str = "\u{18}";
const CTRL_S: &str = "\u{13}";

/// Keys that mean nothing on each screen, sent there, then a level chosen: after each screen
/// the record holds exactly the levels chosen so far, and nothing else (no evidence, action,
/// vote or draft), so none of those keys recorded anything.
#[test]
fn on_every_screen_keys_that_mean_nothing_there_record_nothing() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    // (how the screen is opened, the keys that mean nothing on it, how it is closed)
    let screens: [(&str, String, &str); 6] = [
        (
            "",
            format!("cdfhjklmoprtuwxyz06789\t\r{ESC}{F5}\u{1b}x"),
            "",
        ),
        ("?", format!("12345nsbgeav\t\rx{F5}"), "?"),
        ("g", format!("12345nsveax?\t{F5}"), "g"),
        ("a", format!("12345nsvgex?d\t{F5}"), ESC),
        ("v", format!("xsbnaegd?{F5}"), ESC),
        ("e", format!("{F5}{CTRL_X}"), CTRL_S),
    ];
    let mut chosen: Vec<(&str, String)> = Vec::new();
    for (n, (open, junk, close)) in screens.iter().enumerate() {
        let id = IDS[n];
        for part in [*open, junk.as_str(), *close] {
            if !part.is_empty() {
                keys(&mut p, part);
                std::thread::sleep(Duration::from_millis(150));
            }
        }
        let level = ((n % 5) + 1).to_string();
        keys(&mut p, &level);
        chosen.push((id, level));
        let text = record_when(&t, id, |r| r.contains(&level_line(id, &chosen[n].1)));
        let what = if open.is_empty() { "indicator" } else { open };
        assert_eq!(
            text.matches("- indicator:").count(),
            chosen.len(),
            "after the {what} screen:\n{text}"
        );
        for (id, level) in &chosen {
            assert!(text.contains(&level_line(id, level)), "{what}: {text}");
        }
        assert!(
            text.contains("partnership: P\n") && text.contains("date: \"2026-11-12\"\n"),
            "the {what} screen changed the details:\n{text}"
        );
        for word in [
            "evidence:",
            "actions:",
            "votes:",
            "draft:",
            "disagreed:",
            "participants:",
        ] {
            assert!(
                !text.contains(word),
                "the {what} screen recorded {word}\n{text}"
            );
        }
    }
    keys(&mut p, "q");
    p.exp_string("To carry on later").expect("quit message");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn the_details_are_corrected_on_the_screen_and_ctrl_c_keeps_them() {
    let t = Test::new();
    let mut p = start(&t, &[]);
    keys(&mut p, "i");
    std::thread::sleep(Duration::from_millis(150));
    // End of the name, then " Board"; Esc saves.
    keys(&mut p, "\u{1b}[F Board");
    keys(&mut p, ESC);
    record_when(&t, "the new name", |r| r.contains("partnership: P Board\n"));
    // Again, naming who takes part, and Ctrl-C before saving: what was typed is kept.
    keys(&mut p, "i");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, "\t\tSiân, Dev");
    std::thread::sleep(Duration::from_millis(150));
    p.send_control('c').expect("ctrl-c");
    p.exp_string("To carry on: coprod assess --resume r.yaml")
        .expect("resume hint");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 130);
    let text = t.read("r.yaml");
    assert!(text.contains("participants:\n- Siân\n- Dev\n"), "{text}");
    assert!(text.contains("partnership: P Board\n"), "{text}");
    assert!(!text.contains("level:"), "{text}");
}

/// Writes an executable shell script `name` in the test's folder; returns its path.
fn script(t: &Test, name: &str, body: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = t.path().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path.display().to_string()
}

/// A private temporary folder for the session's temporary files, so that a test can check
/// that none is left behind.
fn temporary_folder(t: &Test) -> String {
    let dir = t.path().join("tmp");
    std::fs::create_dir_all(&dir).expect("temporary folder");
    dir.display().to_string()
}

fn left_in(dir: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

const CTRL_E: &str = "\u{5}";

#[test]
fn notes_go_to_your_editor_and_back_and_a_missing_editor_is_a_message() {
    let t = Test::new();
    let tmp = temporary_folder(&t);
    let editor = script(&t, "editor.sh", "printf 'Added in the editor\\n' >> \"$1\"");
    let mut p = start_with_env(&t, &[], &[("EDITOR", &editor), ("TMPDIR", &tmp)]);
    keys(&mut p, "e");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, "Typed here");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, CTRL_E);
    let text = record_when(&t, "the editor's line in the draft", |r| {
        r.contains("Added in the editor")
    });
    assert!(text.contains("draft:"), "{text}");
    keys(&mut p, ESC);
    let text = record_when(&t, "the evidence", |r| !r.contains("draft:"));
    assert!(
        text.contains("evidence: |-\n    Typed here\n    Added in the editor\n"),
        "{text}"
    );
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    assert_eq!(
        left_in(&tmp),
        Vec::<String>::new(),
        "no temporary file is left"
    );

    // With no editor set, Ctrl-E says so and the session goes on with the notes as they were.
    let mut p = start_with_env(&t, &["--resume", "r.yaml"], &[("TMPDIR", &tmp)]);
    keys(&mut p, "e");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, CTRL_E);
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, " and more");
    keys(&mut p, ESC);
    let text = record_when(&t, "the notes typed after", |r| r.contains("and more"));
    assert!(
        text.contains("    Typed here\n    Added in the editor and more\n"),
        "{text}"
    );
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn sigterm_while_your_editor_is_open_keeps_what_it_saved() {
    let t = Test::new();
    let tmp = temporary_folder(&t);
    let editor = script(
        &t,
        "editor.sh",
        "printf 'Half a thought\\n' >> \"$1\"\ntouch editor-open\nexec sleep 60",
    );
    let mut p = start_with_env(&t, &[], &[("EDITOR", &editor), ("TMPDIR", &tmp)]);
    keys(&mut p, "e");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, "Notes");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, CTRL_E);
    let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
    while !t.path().join("editor-open").exists() {
        assert!(Instant::now() < deadline, "the editor did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    p.process_mut().signal(Signal::SIGTERM).expect("signal");
    let rest = p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 130, "{rest}");
    assert_restored(&p, &rest);
    let text = t.read("r.yaml");
    assert!(
        text.contains("draft:") && text.contains("Notes\n      Half a thought"),
        "{text}"
    );
    assert_eq!(
        left_in(&tmp),
        Vec::<String>::new(),
        "no temporary file is left"
    );
}

#[test]
fn an_editor_that_is_killed_loses_nothing_it_saved_and_the_session_goes_on() {
    let t = Test::new();
    let tmp = temporary_folder(&t);
    let editor = script(
        &t,
        "editor.sh",
        "printf 'Saved before the crash\\n' >> \"$1\"\nkill -9 $$",
    );
    let mut p = start_with_env(&t, &[], &[("EDITOR", &editor), ("TMPDIR", &tmp)]);
    keys(&mut p, "e");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, "Before");
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, CTRL_E);
    record_when(&t, "what the editor saved, as a draft", |r| {
        r.contains("Saved before the crash")
    });
    std::thread::sleep(Duration::from_millis(150));
    keys(&mut p, ESC);
    let text = record_when(&t, "the evidence", |r| !r.contains("draft:"));
    assert!(
        text.contains("evidence: |-\n    Before\n    Saved before the crash\n"),
        "{text}"
    );
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0);
    assert_eq!(
        left_in(&tmp),
        Vec::<String>::new(),
        "no temporary file is left"
    );
}
