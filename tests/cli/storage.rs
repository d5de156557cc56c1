//! Where output can go: ordinary files replaced atomically, symlinks followed, devices, named
//! pipes, pipes and standard output written in place, folders and sockets refused, and inputs
//! never written over.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{Test, exit_code, is_temporary, repo};

const RECORD: &str = "examples/2026/health.yaml";

/// The example record, and the report of it in Markdown as coprod prints it.
fn with_record() -> (Test, String) {
    let t = Test::new().with_examples();
    let out = t.run_args(&["report", RECORD, "--format", "markdown"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(out.stdout.contains("# "), "{}", out.stdout);
    (t, out.stdout)
}

fn temporary_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_temporary(n))
        .collect()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[cfg(unix)]
fn file_type(path: &Path) -> fs::FileType {
    fs::symlink_metadata(path).expect("metadata").file_type()
}

#[test]
fn dash_and_dev_stdout_are_standard_output() {
    let (t, report) = with_record();
    for target in ["-", "/dev/stdout"] {
        let out = t.run_args(&["report", RECORD, "--format", "markdown", "-o", target]);
        assert_eq!(out.code, 0, "{target}: {}", out.transcript());
        assert_eq!(out.stdout, report, "{target}");
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_written_in_place_and_stays_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let (t, report) = with_record();
    let fifo = t.path().join("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // A reader on the other end, as `coprod report -o fifo` is used with another program.
    let reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .expect("cat");
    let out = t.run_args(&["report", RECORD, "--format", "markdown", "-o", "out.fifo"]);
    let read = reader.wait_with_output().expect("reader");
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(String::from_utf8_lossy(&read.stdout), report);
    assert!(file_type(&fifo).is_fifo(), "still a named pipe");
    assert!(temporary_files(t.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_character_device_is_written_in_place_and_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let (t, _) = with_record();
    let device = if is_root() {
        // Our own null device in the test's folder, so that a regression cannot harm the
        // machine's /dev/null.
        let null = t.path().join("null");
        let made = Command::new("mknod")
            .arg(&null)
            .args(["c", "1", "3"])
            .status()
            .expect("mknod");
        if !made.success() {
            eprintln!("note: mknod failed here (a container without the right?); using /dev/null");
            Path::new("/dev/null").to_path_buf()
        } else {
            null
        }
    } else {
        // Without root /dev cannot be changed, so /dev/null itself is safe to try.
        Path::new("/dev/null").to_path_buf()
    };
    let shown = device.display().to_string();
    for format in ["markdown", "pdf"] {
        let out = t.run_args(&["report", RECORD, "--format", format, "-o", &shown]);
        assert_eq!(out.code, 0, "{format}: {}", out.transcript());
        assert!(
            file_type(&device).is_char_device(),
            "{shown} is still a device"
        );
    }
    assert!(temporary_files(t.path()).is_empty());
    // The answers-file command writes records the same way.
    let t2 = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
    let out = t2.run_args(&[
        "assess",
        "--answers",
        "a.csv",
        "--partnership",
        "P",
        "--room",
        "-o",
        "/dev/null",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(file_type(Path::new("/dev/null")).is_char_device());
}

#[cfg(unix)]
#[test]
fn dev_full_reports_the_full_disk() {
    use std::os::unix::fs::FileTypeExt;
    let (t, _) = with_record();
    if !Path::new("/dev/full").exists() {
        return;
    }
    let out = t.run_args(&["report", RECORD, "--format", "markdown", "-o", "/dev/full"]);
    assert_eq!(out.code, 4, "{}", out.transcript());
    insta::assert_snapshot!(out.transcript());
    assert!(file_type(Path::new("/dev/full")).is_char_device());
}

/// `-o >(gzip > r.gz)`: the shell hands coprod a pipe as `/dev/fd/N`.
#[cfg(unix)]
#[test]
fn a_process_substitution_pipe_is_written_in_place() {
    let (t, report) = with_record();
    let bash = Command::new("bash").arg("--version").output();
    if !bash.is_ok_and(|o| o.status.success()) {
        eprintln!("note: no bash here; process substitution not tried");
        return;
    }
    let status = Command::new("bash")
        .arg("-c")
        .arg(r#""$0" report "$1" --format markdown -o >(cat > piped.md); status=$?; wait; exit $status"#)
        .arg(env!("CARGO_BIN_EXE_coprod"))
        .arg(RECORD)
        .current_dir(t.path())
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("HOME", t.path())
        .status()
        .expect("bash");
    assert!(status.success(), "{status}");
    // `wait` waits for the substituted process in recent bash; give an older one a moment.
    for _ in 0..50 {
        if t.read("piped.md") == report {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(t.read("piped.md"), report);
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_stays_a_symlink_and_setuid_is_not_copied() {
    use std::os::unix::fs::PermissionsExt;
    let (t, report) = with_record();
    fs::create_dir(t.path().join("shared")).expect("folder");
    let real = t.path().join("shared/report.md");
    fs::write(&real, "old").expect("write");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o6750)).expect("chmod");
    std::os::unix::fs::symlink("shared/report.md", t.path().join("report.md")).expect("link");
    let out = t.run_args(&["report", RECORD, "--format", "markdown", "-o", "report.md"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(file_type(&t.path().join("report.md")).is_symlink());
    assert_eq!(fs::read_to_string(&real).expect("target"), report);
    let mode = fs::metadata(&real).expect("meta").permissions().mode() & 0o7777;
    assert_eq!(
        mode, 0o750,
        "permissions kept, setuid and setgid dropped: {mode:o}"
    );
    assert!(temporary_files(&t.path().join("shared")).is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_output_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let (t, _) = with_record();
    let path = t.path().join("report.md");
    fs::write(&path, "keep me").expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = t.run_args(&["report", RECORD, "--format", "markdown", "-o", "report.md"]);
    assert_eq!(out.code, 4, "{}", out.transcript());
    insta::assert_snapshot!(out.transcript());
    assert_eq!(fs::read_to_string(&path).expect("read"), "keep me");
}

#[cfg(unix)]
#[test]
fn a_socket_is_refused() {
    let (t, _) = with_record();
    let _listener = std::os::unix::net::UnixListener::bind(t.path().join("sock")).expect("bind");
    let out = t.run_args(&["report", RECORD, "--format", "markdown", "-o", "sock"]);
    assert_eq!(out.code, 2, "{}", out.transcript());
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn a_report_never_overwrites_its_framework_or_settings() {
    let framework = fs::read(repo().join("frameworks/four-cornerstones.yaml")).expect("framework");
    let t = Test::new()
        .with_examples()
        .file("F.yaml", &framework)
        .file("coprod.toml", "title = \"Ours\"\n");
    let out = t.run_args(&[
        "report", RECORD, "-f", "F.yaml", "--format", "markdown", "-o", "F.yaml",
    ]);
    assert_eq!(out.code, 2, "{}", out.transcript());
    insta::assert_snapshot!("framework_as_output", out.transcript());
    assert_eq!(fs::read(t.path().join("F.yaml")).expect("kept"), framework);
    let out = t.run_args(&[
        "report",
        RECORD,
        "--format",
        "markdown",
        "-o",
        "coprod.toml",
    ]);
    assert_eq!(out.code, 2, "{}", out.transcript());
    insta::assert_snapshot!("settings_as_output", out.transcript());
    assert_eq!(t.read("coprod.toml"), "title = \"Ours\"\n");
}

#[test]
fn an_answers_file_is_never_its_own_output() {
    let t = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
    let out = t.run_args(&[
        "assess",
        "--answers",
        "a.csv",
        "--partnership",
        "P",
        "--room",
        "-o",
        "a.csv",
        "--force",
    ]);
    assert_eq!(out.code, 2, "{}", out.transcript());
    insta::assert_snapshot!(out.transcript());
    assert_eq!(t.read("a.csv"), "indicator,level\nwc1,3\n");
}

#[test]
fn an_answers_record_can_go_to_standard_output() {
    let t = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
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
        "-",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(
        out.stdout.contains("\n# coprod record: P — 2026-11-12\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("- indicator: wc1\n  level: 3\n"),
        "{}",
        out.stdout
    );
}

/// A record read from a pipe (`coprod report <(…)` or `-`) is read once, whole.
#[cfg(unix)]
#[test]
fn records_from_pipes_and_standard_input_are_read() {
    let (t, report) = with_record();
    let record = fs::read(t.path().join(RECORD)).expect("record");
    let out = Test::new()
        .stdin(record.clone())
        .args(&["report", "-", "--format", "markdown"])
        .run();
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(
        out.stdout.replace("&lt;standard input&gt;", RECORD),
        report,
        "the same report, naming standard input"
    );
    // A named pipe with a writer is read; with none it is an error, not a hang.
    let fifo = t.path().join("r.fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let out = t.run_args(&["report", "r.fifo", "--format", "markdown"]);
    assert_eq!(out.code, 4, "{}", out.transcript());
    insta::assert_snapshot!("fifo_without_writer", out.transcript());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            // Opening for writing waits for coprod to open it for reading.
            fs::write(fifo, record).expect("write the pipe");
        })
    };
    // Give the writer time to be waiting, so that coprod finds one.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let out = t.run_args(&["report", "r.fifo", "--format", "markdown"]);
    writer.join().expect("writer");
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(out.stdout.replace("r.fifo", RECORD), report);
}

// ---- One writer per record: the lock, and a file changed on disk during a session ----

const TIMEOUT_MS: u64 = 20_000;

/// A record with WC1 answered, made from an answers file, plus a comment line by hand.
fn one_answer_record() -> Test {
    let t = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
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
    let text = t.read("r.yaml") + "# a note added by hand\n";
    fs::write(t.path().join("r.yaml"), text).expect("hand edit");
    t
}

fn resume(t: &Test, more: &[&str]) -> rexpect::session::PtySession {
    let mut args = vec!["assess", "--resume", "r.yaml", "--plain"];
    args.extend_from_slice(more);
    crate::util::pty(t, &args, false, TIMEOUT_MS)
}

/// What a pseudo-terminal session printed until it ended, without carriage returns.
fn rest(p: &mut rexpect::session::PtySession) -> String {
    p.exp_eof().expect("exit").replace('\r', "")
}

/// Message snapshots without this machine's name, process ids and times.
fn masked(text: &str) -> String {
    let host = Command::new("hostname")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let mut out = String::new();
    for line in text.lines() {
        let mut l = line.to_string();
        if !host.is_empty() {
            l = l.replace(&format!(" on {host}"), " on [HOST]");
        }
        // "process 1234" and "since 2026-12-01T21:40:00.123Z"
        let words: Vec<String> = l
            .split(' ')
            .scan(String::new(), |prev, w| {
                let masked = if prev.trim_start_matches('(') == "process"
                    && w.chars().all(|c| c.is_ascii_digit())
                {
                    "[PID]".to_string()
                } else if prev == "since" && w.starts_with("20") {
                    let tail: String = w.chars().skip_while(|c| *c != 'Z').skip(1).collect();
                    format!("[TIME]{tail}")
                } else {
                    w.to_string()
                };
                *prev = w.to_string();
                Some(masked)
            })
            .collect();
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

#[test]
fn two_sessions_on_one_record_the_second_is_refused() {
    let t = one_answer_record();
    let before = fs::read(t.path().join("r.yaml")).expect("record");
    let mut first = resume(&t, &[]);
    first
        .exp_string("Level for WC2")
        .expect("first session open");
    assert!(
        t.path().join("r.yaml.lock").exists(),
        "the lock is beside the record"
    );

    let mut second = resume(&t, &[]);
    let said = rest(&mut second);
    assert_eq!(exit_code(&second), 6, "{said}");
    assert!(
        said.contains("r.yaml is open in another coprod (process"),
        "{said}"
    );
    insta::assert_snapshot!("second_session_refused", masked(said.trim()));

    // An answers file cannot replace it either, even with --force.
    let out = t.run_args(&[
        "assess",
        "--answers",
        "a.csv",
        "--partnership",
        "P",
        "--room",
        "-o",
        "r.yaml",
        "--force",
    ]);
    assert_eq!(out.code, 6, "{}", out.transcript());

    // Opening the record changed nothing on disk: the comment is still there.
    assert_eq!(fs::read(t.path().join("r.yaml")).expect("record"), before);
    first.send_line("q").expect("quit");
    let said = rest(&mut first);
    assert_eq!(exit_code(&first), 0, "{said}");
    assert_eq!(
        fs::read(t.path().join("r.yaml")).expect("record"),
        before,
        "quitting without an answer leaves the file byte for byte"
    );
    assert!(
        !t.path().join("r.yaml.lock").exists(),
        "the lock is removed on exit"
    );
}

#[test]
fn a_record_edited_during_a_session_is_not_overwritten() {
    let t = one_answer_record();
    let mut p = resume(&t, &[]);
    p.exp_string("Level for WC2").expect("open");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("4").expect("level");
    p.exp_string("Evidence notes for WC2").expect("saved");
    let saved = t.read("r.yaml");
    assert!(saved.contains("- indicator: wc2\n  level: 4\n"), "{saved}");
    // Someone edits the file by hand while the session is open.
    let edited = saved.replace("partnership: P", "partnership: Pentre");
    fs::write(t.path().join("r.yaml"), &edited).expect("edit");
    p.send_line("Hybrid room worked well").expect("evidence");
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 6, "{said}");
    assert_eq!(t.read("r.yaml"), edited, "the hand edit is kept");
    let message = said
        .split_once("error:")
        .map(|(_, m)| format!("error:{m}"))
        .unwrap_or_default();
    assert!(!message.is_empty(), "{said}");
    insta::assert_snapshot!("edited_during_a_session", message);
    assert!(!t.path().join("r.yaml.lock").exists());
}

#[test]
fn a_stale_lock_is_taken_over_and_another_computers_is_refused() {
    let t = one_answer_record();
    // A process on this machine that has ended: a pid above any the system hands out.
    let host = fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| {
            let o = Command::new("hostname").output().expect("hostname");
            String::from_utf8_lossy(&o.stdout).trim().to_string()
        });
    let lock = t.path().join("r.yaml.lock");
    fs::write(
        &lock,
        format!("host: {host}\npid: 999999999\nstarted: 2026-12-01T10:00:00Z\n"),
    )
    .expect("stale lock");
    let mut p = resume(&t, &[]);
    p.exp_string("no longer running; coprod took the lock over.")
        .expect("takeover note");
    p.exp_string("Level for WC2").expect("open");
    p.send_line("q").expect("quit");
    rest(&mut p);
    assert_eq!(exit_code(&p), 0);
    assert!(!lock.exists());

    fs::write(
        &lock,
        "host: another-laptop\npid: 4242\nstarted: 2026-12-01T10:00:00Z\n",
    )
    .expect("lock from another computer");
    let mut p = resume(&t, &[]);
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 6, "{said}");
    insta::assert_snapshot!("locked_on_another_computer", said.trim());
    let mut p = resume(&t, &["--force"]);
    p.exp_string("--force took the lock").expect("forced");
    p.exp_string("Level for WC2").expect("open");
    p.send_line("q").expect("quit");
    rest(&mut p);
    assert_eq!(exit_code(&p), 0);
    assert!(!lock.exists());
}

#[cfg(unix)]
#[test]
fn records_that_cannot_be_resumed_are_refused_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let t = one_answer_record();
    let path = t.path().join("r.yaml");
    let before = fs::read(&path).expect("record");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let mut p = resume(&t, &[]);
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 2, "{said}");
    insta::assert_snapshot!("read_only_record", said.trim());
    assert_eq!(fs::read(&path).expect("record"), before);
    assert!(!t.path().join("r.yaml.lock").exists());

    let fifo = t.path().join("p.yaml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let mut p = crate::util::pty(
        &t,
        &["assess", "--resume", "p.yaml", "--plain"],
        false,
        TIMEOUT_MS,
    );
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 2, "{said}");
    insta::assert_snapshot!("fifo_record", said.trim());
}

// ---- Never save what cannot be read back ----

#[test]
fn scorers_a_record_could_not_be_read_with_are_refused_before_saving() {
    let t = Test::new()
        .file("a.csv", "indicator,level\nwc1,3\n")
        .file(
            "a.yaml",
            "partnership: P\nscored_by:\n  kind: group\n  group: Parent Carers\nanswers:\n  - indicator: wc1\n    level: 3\n",
        );
    let cases: [(&str, &[&str], i32); 4] = [
        (
            "answers_group_not_a_simple_id",
            &["assess", "--answers", "a.yaml", "-o", "r.yaml"],
            3,
        ),
        (
            "one_group_workshop",
            &[
                "assess",
                "--answers",
                "a.csv",
                "--partnership",
                "P",
                "--groups",
                "health",
                "-o",
                "r.yaml",
            ],
            2,
        ),
        (
            "a_group_twice",
            &[
                "assess",
                "--answers",
                "a.csv",
                "--partnership",
                "P",
                "--groups",
                "health,health",
                "-o",
                "r.yaml",
            ],
            2,
        ),
        (
            "group_flag_not_a_simple_id",
            &[
                "assess",
                "--answers",
                "a.csv",
                "--partnership",
                "P",
                "--group",
                "Parent Carers",
                "-o",
                "r.yaml",
            ],
            2,
        ),
    ];
    for (name, args, code) in cases {
        let out = t.run_args(args);
        assert_eq!(out.code, code, "{name}: {}", out.transcript());
        assert!(!t.path().join("r.yaml").exists(), "{name}: nothing saved");
        insta::assert_snapshot!(name, out.transcript());
    }
}

#[test]
fn a_partnership_with_a_non_character_is_saved_readably() {
    let t = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
    let name = "Hafren\u{fffe}Vale\u{ffff}";
    let out = t.run_args(&[
        "assess",
        "--answers",
        "a.csv",
        "--partnership",
        name,
        "--room",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let json = t.run_args(&["report", "r.yaml", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.transcript());
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert!(json.stdout.contains("Hafren"), "{}", json.stdout);
    let _ = value;
}

/// A framework written by `framework new`, with its indicator `l2` taken out and `l3` added,
/// and a new version: what a partnership does when it revises its own framework.
fn revise(text: &str) -> String {
    let start = text.find("      - id: l2\n").expect("l2 in the template");
    let end = text[start..]
        .find("  - id: sharing")
        .map(|i| start + i)
        .expect("next section");
    let mut revised = String::new();
    revised.push_str(&text[..start]);
    revised.push_str(
        "      - id: l3\n        statement: We agree with families how they hear back.\n",
    );
    revised.push_str(&text[end..]);
    revised.replace("version: \"0.1\"", "version: \"0.2\"")
}

#[test]
fn accepting_a_changed_framework_leaves_a_record_every_command_reads() {
    let t = Test::new().file("a.csv", "indicator,level\nl1,2\nl2,3\ns1,4\n");
    assert_eq!(t.run_args(&["framework", "new", "F.yaml"]).code, 0);
    let out = t.run_args(&[
        "assess",
        "-f",
        "F.yaml",
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
    let revised = revise(&t.read("F.yaml"));
    fs::write(t.path().join("F.yaml"), revised).expect("revise");

    let mut p = crate::util::pty(
        &t,
        &[
            "assess",
            "--resume",
            "r.yaml",
            "-f",
            "F.yaml",
            "--accept-changed-framework",
            "--plain",
        ],
        false,
        TIMEOUT_MS,
    );
    p.exp_string("answers to l2, which the framework no longer has")
        .expect("says what is kept");
    p.exp_string("Level for L3").expect("the new indicator");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("3").expect("level");
    p.exp_string("Evidence notes for L3").expect("saved");
    p.send_line("").expect("no evidence");
    p.exp_string("Add an action").expect("action question");
    p.send_line("n").expect("no action");
    p.exp_string("Level for S1").expect("walks on");
    p.exp_string("Type a choice").expect("choice prompt");
    p.send_line("q").expect("quit");
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 0, "{said}");
    assert!(
        said.contains("--accept-changed-framework"),
        "the next command says the flag is needed: {said}"
    );
    let text = t.read("r.yaml");
    assert!(
        text.contains("- indicator: l2\n  level: 3\n"),
        "kept: {text}"
    );
    assert!(text.contains("- indicator: l3\n  level: 3\n"), "{text}");

    // Readable with the flag, and without it the message says to pass it.
    let with = t.run_args(&[
        "report",
        "r.yaml",
        "-f",
        "F.yaml",
        "--accept-changed-framework",
        "--format",
        "json",
    ]);
    assert_eq!(with.code, 0, "{}", with.transcript());
    let without = t.run_args(&["report", "r.yaml", "-f", "F.yaml"]);
    assert_eq!(without.code, 3, "{}", without.transcript());
    assert!(
        without.stderr.contains("--accept-changed-framework"),
        "{}",
        without.stderr
    );
    let mut p = crate::util::pty(
        &t,
        &[
            "assess",
            "--resume",
            "r.yaml",
            "-f",
            "F.yaml",
            "--accept-changed-framework",
            "--plain",
        ],
        false,
        TIMEOUT_MS,
    );
    p.exp_string("Level for L1").expect("resumes");
    p.send_line("q").expect("quit");
    rest(&mut p);
    assert_eq!(exit_code(&p), 0);
}

// ---- A full disk in the middle of a session ----

/// A small RAM disk mounted in the test's folder (as root only), unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(at: &Path) -> Option<Self> {
        if !is_root() {
            return None;
        }
        fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Self(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Fills the disk holding `dir` until nothing more fits.
fn fill(dir: &Path) {
    use std::io::Write;
    let mut f = fs::File::create(dir.join("filler")).expect("filler");
    let block = [0u8; 4096];
    while f.write_all(&block).and_then(|()| f.sync_all()).is_ok() {}
}

#[test]
fn a_full_disk_mid_session_says_which_answer_was_not_saved() {
    let t = Test::new().file("a.csv", "indicator,level\nwc1,3\n");
    let Some(disk) = SmallDisk::mount(&t.path().join("disk")) else {
        eprintln!("note: not root, or no tmpfs mount here; the full-disk session is not tried");
        return;
    };
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
        "disk/r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let before = t.read("disk/r.yaml");
    let mut p = crate::util::pty(
        &t,
        &["assess", "--resume", "disk/r.yaml", "--plain"],
        false,
        TIMEOUT_MS,
    );
    p.exp_string("Level for WC2").expect("open");
    p.exp_string("Type a choice").expect("choice prompt");
    fill(&disk.0);
    p.send_line("4").expect("level");
    let said = rest(&mut p);
    assert_eq!(exit_code(&p), 4, "{said}");
    let message = said
        .split_once("error:")
        .map(|(_, m)| format!("error:{m}"))
        .unwrap_or_default();
    insta::assert_snapshot!("full_disk_mid_session", message.trim());
    fs::remove_file(disk.0.join("filler")).expect("make room");
    assert_eq!(t.read("disk/r.yaml"), before, "the record is as it was");
    let names: Vec<String> = fs::read_dir(&disk.0)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["r.yaml"], "no temporary file and no lock left");
    drop(disk);
}

/// Ctrl-C while a report is being written removes the temporary file (and writes no report).
#[cfg(unix)]
#[test]
fn ctrl_c_during_report_output_leaves_no_temporary_file() {
    let t = Test::new().with_examples();
    let record = fs::read(t.path().join(RECORD)).expect("record");
    let mut args = vec!["report".to_string()];
    for i in 0..300 {
        let name = format!("many/r{i}.yaml");
        let path = t.path().join(&name);
        fs::create_dir_all(path.parent().expect("folder")).expect("folder");
        fs::write(&path, &record).expect("copy");
        args.push(name);
    }
    args.extend(["--format", "csv", "-o", "out.csv"].map(String::from));
    // Start the report, wait until its temporary file appears, then interrupt it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_coprod"))
        .args(&args)
        .current_dir(t.path())
        .env("HOME", t.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start coprod");
    let started = std::time::Instant::now();
    let mut seen = false;
    while started.elapsed() < std::time::Duration::from_secs(60) {
        if !temporary_files(t.path()).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().expect("poll").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    if !seen {
        let _ = child.wait();
        eprintln!(
            "note: the report was written before its temporary file was seen; nothing to interrupt"
        );
        return;
    }
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill")
            .success()
    );
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(0) {
        // The signal came just after the rename: the report is whole.
        assert!(t.path().join("out.csv").exists());
    } else {
        assert_eq!(out.status.code(), Some(130), "{stderr}");
        assert!(!t.path().join("out.csv").exists(), "no half-written report");
    }
    assert!(
        temporary_files(t.path()).is_empty(),
        "temporary file left: {stderr}"
    );
}
