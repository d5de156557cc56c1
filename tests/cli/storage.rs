//! Where output can go: ordinary files replaced atomically, symlinks followed, devices, named
//! pipes, pipes and standard output written in place, folders and sockets refused, and inputs
//! never written over.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{Test, is_temporary, repo};

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
        out.stdout.starts_with("# coprod record: P — 2026-11-12\n"),
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
        out.stdout.replace("<standard input>", RECORD),
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
