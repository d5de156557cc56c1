//! Bad input, measured: a corpus of malformed frameworks, records, answers files and
//! `coprod.toml` files (`tests/corpus/`), plus cases built here (huge files, missing paths,
//! folders, outputs that cannot be written).
//!
//! Every case runs the real binary and pins its whole transcript in a snapshot. Each must exit
//! with its documented code (never 101, a panic), print nothing on standard output, and leave no
//! output file and no `.NAME.coprod-*.tmp` file behind.
//!
//! Layout of `tests/corpus/`:
//! - `framework/*.yaml`: run as `coprod framework validate FILE`;
//! - `record/*.yaml`: run as `coprod report FILE --format markdown -o out/report.md`;
//! - `answers/*.yaml`, `answers/*.csv`: run as `coprod assess --answers FILE -o out/record.yaml`
//!   (CSV files also get `--partnership`, `--date` and `--room`, which they cannot give);
//! - `config/*.toml`: copied to `coprod.toml`, then a valid CSV answers file is filled;
//! - `valid/`: good files the other cases lean on, and records in spellings coprod forgives
//!   (`level: "3"`, `N/A`, `version: 1.0`) that `schema.rs` holds the schemas to (never run as
//!   cases themselves).
//!
//! Files named `fuzz-*` are inputs the fuzz targets (`fuzz/`, see `docs/fuzzing.md`) found.
//!
//! The exit code is 3 (malformed input) unless [`EXPECTED`] says otherwise.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{Test, is_temporary, repo};

/// Cases whose documented exit code is not 3, with the reason.
const EXPECTED: &[(&str, i32)] = &[
    // The framework named in coprod.toml is a file that is not there: a read error.
    ("config/framework-file-missing.toml", 4),
    // Neither a built-in id nor a file: the name given is wrong (as on the command line).
    ("config/framework-id-unknown.toml", 2),
];

/// Extra arguments for some file cases.
const EXTRA_ARGS: &[(&str, &[&str])] = &[
    // A record that claims another framework but holds Four Cornerstones answers.
    (
        "record/other-framework.yaml",
        &["--framework", "valid/mini.yaml"],
    ),
];

/// One run of coprod on bad input.
struct Case {
    /// Snapshot name.
    name: String,
    /// Files to create (relative path, contents), on top of the corpus.
    files: Vec<(String, Vec<u8>)>,
    /// Whether to copy `tests/corpus/` into the folder first.
    corpus: bool,
    args: Vec<String>,
    code: i32,
    /// A file the command was asked to write, which must not exist afterwards.
    output: Option<&'static str>,
}

impl Case {
    fn new(name: &str, args: &[&str], code: i32) -> Self {
        Self {
            name: name.to_string(),
            files: Vec::new(),
            corpus: true,
            args: args.iter().map(|s| s.to_string()).collect(),
            code,
            output: None,
        }
    }

    fn file(mut self, name: &str, contents: impl Into<Vec<u8>>) -> Self {
        self.files.push((name.to_string(), contents.into()));
        self
    }

    fn output(mut self, path: &'static str) -> Self {
        self.output = Some(path);
        self
    }

    /// Runs the case and checks everything but the snapshot; returns the transcript.
    fn run(&self) -> String {
        let mut t = Test::new();
        if self.corpus {
            for (rel, bytes) in corpus_files() {
                t = t.file(&rel, bytes);
            }
        }
        t = t.file("out/.keep", "");
        for (name, bytes) in &self.files {
            t = t.file(name, bytes);
        }
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        let out = t.run_args(&args);
        let transcript = out.transcript();
        assert_eq!(
            out.code, self.code,
            "{}: expected exit {}\n{transcript}",
            self.name, self.code
        );
        assert!(
            out.stdout.is_empty(),
            "{}: errors go to standard error only\n{transcript}",
            self.name
        );
        assert!(
            !out.stderr.trim().is_empty(),
            "{}: a failure must say why",
            self.name
        );
        if let Some(output) = self.output {
            assert!(
                !t.path().join(output).exists(),
                "{}: {output} was written although the command failed",
                self.name
            );
        }
        let leftovers = temporary_files(t.path());
        assert!(
            leftovers.is_empty(),
            "{}: temporary files left behind: {leftovers:?}",
            self.name
        );
        transcript
    }
}

/// Every file of `tests/corpus/`, as (relative path, bytes), sorted; read once.
fn corpus_files() -> Vec<(String, Vec<u8>)> {
    static FILES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    FILES.get_or_init(read_corpus_folder).clone()
}

fn read_corpus_folder() -> Vec<(String, Vec<u8>)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in fs::read_dir(dir).expect("read corpus folder") {
            let path = entry.expect("corpus entry").path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("inside the corpus")
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read(&path).expect("read corpus file")));
            }
        }
    }
    let root = repo().join("tests/corpus");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files.sort();
    files
}

/// coprod's temporary files anywhere under `dir`: what an interrupted atomic write leaves.
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(temporary_files(&path));
        } else if is_temporary(&entry.file_name().to_string_lossy()) {
            found.push(path);
        }
    }
    found
}

fn snapshot_name(rel: &str) -> String {
    let stem = rel
        .rsplit_once('.')
        .map_or(rel, |(stem, _)| stem)
        .replace(['/', '-'], "_");
    let ext = rel.rsplit_once('.').map_or("", |(_, e)| e);
    // Two answers files may share a stem (x.yaml, x.csv): keep them apart.
    if rel.starts_with("answers/") {
        format!("{stem}_{ext}")
    } else {
        stem
    }
}

/// `coprod assess` on a CSV answers file (which names no partnership, date or scorer).
fn assess_csv(answers: &str) -> [&str; 10] {
    [
        "assess",
        "--answers",
        answers,
        "--partnership",
        "Corpus Partnership",
        "--date",
        "2026-01-02",
        "--room",
        "-o",
        "out/record.yaml",
    ]
}

/// The case for one corpus file.
fn file_case(rel: &str) -> Option<Case> {
    let kind = rel.split('/').next().unwrap_or("");
    let code = EXPECTED
        .iter()
        .find(|(f, _)| *f == rel)
        .map_or(3, |(_, c)| *c);
    let extra: &[&str] = EXTRA_ARGS
        .iter()
        .find(|(f, _)| *f == rel)
        .map_or(&[], |(_, a)| a);
    let name = snapshot_name(rel);
    let mut case = match kind {
        "framework" => Case::new(&name, &["framework", "validate", rel], code),
        "record" => Case::new(
            &name,
            &["report", rel, "--format", "markdown", "-o", "out/report.md"],
            code,
        )
        .output("out/report.md"),
        "answers" if rel.ends_with(".csv") => {
            Case::new(&name, &assess_csv(rel), code).output("out/record.yaml")
        }
        "answers" => Case::new(
            &name,
            &["assess", "--answers", rel, "-o", "out/record.yaml"],
            code,
        )
        .output("out/record.yaml"),
        "config" => {
            let bytes = fs::read(repo().join("tests/corpus").join(rel)).expect("config file");
            Case::new(&name, &assess_csv("valid/answers.csv"), code)
                .file("coprod.toml", bytes)
                .output("out/record.yaml")
        }
        _ => return None,
    };
    case.args.extend(extra.iter().map(|s| s.to_string()));
    Some(case)
}

#[test]
fn the_valid_corpus_files_are_valid() {
    // The files the cases are made from must themselves pass, or the cases prove nothing.
    let t = corpus_files()
        .into_iter()
        .fold(Test::new(), |t, (rel, bytes)| t.file(&rel, bytes));
    for args in [
        &["framework", "validate", "valid/mini.yaml"][..],
        &["report", "valid/record.yaml", "--format", "json"],
        &["assess", "--answers", "valid/answers.yaml", "-o", "a.yaml"],
        &[
            "assess",
            "--answers",
            "valid/answers.csv",
            "--partnership",
            "P",
            "-o",
            "b.yaml",
        ],
    ] {
        let out = t.run_args(args);
        assert_eq!(out.code, 0, "{args:?}\n{}", out.transcript());
    }
}

#[test]
fn every_corpus_file_fails_clearly() {
    let files = corpus_files();
    let mut count = 0;
    for (rel, _) in &files {
        let Some(case) = file_case(rel) else {
            continue;
        };
        let transcript = case.run();
        insta::assert_snapshot!(case.name.clone(), transcript);
        count += 1;
    }
    assert!(count >= 60, "the corpus has {count} cases, fewer than 60");
}

/// 50 MB of text in the shape of each kind of file.
fn fifty_megabytes(start: &str, line: &str) -> Vec<u8> {
    let mut text = String::with_capacity(50 * 1024 * 1024 + 1024);
    text.push_str(start);
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    text.into_bytes()
}

fn answers_csv_args<'a>(file: &'a str, output: &'a str) -> Vec<&'a str> {
    vec![
        "assess",
        "--answers",
        file,
        "--partnership",
        "Corpus Partnership",
        "--date",
        "2026-01-02",
        "--room",
        "-o",
        output,
    ]
}

#[test]
fn huge_files_are_refused_quickly() {
    let cases = [
        Case::new("big_framework", &["framework", "validate", "big.yaml"], 3).file(
            "big.yaml",
            fifty_megabytes(
                "id: big\nguidance:\n",
                "  - Is this the framework you meant?\n",
            ),
        ),
        Case::new(
            "big_record",
            &["report", "big.yaml", "-o", "out/report.md"],
            3,
        )
        .file(
            "big.yaml",
            fifty_megabytes(
                "format: 1\nanswers:\n",
                "  - indicator: wc1\n    level: 3\n",
            ),
        )
        .output("out/report.md"),
        Case::new(
            "big_answers_csv",
            &answers_csv_args("big.csv", "out/record.yaml"),
            3,
        )
        .file(
            "big.csv",
            fifty_megabytes("indicator,level,evidence\n", "wc1,3,a note\n"),
        )
        .output("out/record.yaml"),
        Case::new(
            "big_config",
            &answers_csv_args("valid/answers.csv", "out/record.yaml"),
            3,
        )
        .file(
            "coprod.toml",
            fifty_megabytes("partnership = \"P\"\n", "# a comment line\n"),
        )
        .output("out/record.yaml"),
    ];
    for case in cases {
        let case = case.without_corpus_but_valid();
        let started = std::time::Instant::now();
        let transcript = case.run();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{}: took {:?}",
            case.name,
            started.elapsed()
        );
        insta::assert_snapshot!(case.name.clone(), transcript);
    }
}

impl Case {
    /// Only the `valid/` files of the corpus (the big cases need nothing else).
    fn without_corpus_but_valid(mut self) -> Self {
        self.corpus = false;
        let valid: Vec<_> = corpus_files()
            .into_iter()
            .filter(|(rel, _)| rel.starts_with("valid/"))
            .collect();
        self.files.splice(0..0, valid);
        self
    }
}

#[test]
fn paths_that_do_not_exist_or_are_folders() {
    let cases = [
        Case::new(
            "record_does_not_exist",
            &["report", "nope.yaml", "-o", "out/report.md"],
            4,
        )
        .output("out/report.md"),
        // A folder means the records in it; one with none is a mistake on the command line.
        Case::new(
            "record_folder_without_records",
            &["report", "config", "-o", "out/report.md"],
            2,
        )
        .output("out/report.md"),
        Case::new(
            "one_good_record_one_missing",
            &[
                "report",
                "valid/record.yaml",
                "missing.yaml",
                "-o",
                "out/report.md",
            ],
            4,
        )
        .output("out/report.md"),
        Case::new(
            "answers_do_not_exist",
            &answers_csv_args("nope.csv", "out/record.yaml"),
            4,
        )
        .output("out/record.yaml"),
        Case::new(
            "answers_is_a_folder",
            &answers_csv_args("valid", "out/record.yaml"),
            3,
        )
        .output("out/record.yaml"),
        Case::new(
            "framework_flag_file_does_not_exist",
            &[
                "report",
                "valid/record.yaml",
                "--framework",
                "frameworks/nope.yaml",
                "-o",
                "out/report.md",
            ],
            4,
        )
        .output("out/report.md"),
        Case::new(
            "framework_flag_is_a_folder",
            &[
                "report",
                "valid/record.yaml",
                "--framework",
                "framework/",
                "-o",
                "out/report.md",
            ],
            3,
        )
        .output("out/report.md"),
        Case::new(
            "framework_flag_is_broken",
            &[
                "assess",
                "--answers",
                "valid/answers.yaml",
                "--framework",
                "framework/tab-indentation.yaml",
                "-o",
                "out/record.yaml",
            ],
            3,
        )
        .output("out/record.yaml"),
        Case::new(
            "record_for_another_framework",
            &[
                "report",
                "valid/record.yaml",
                "--framework",
                "valid/mini.yaml",
                "-o",
                "out/report.md",
            ],
            3,
        )
        .output("out/report.md"),
        Case::new(
            "several_bad_records_at_once",
            &[
                "report",
                "record/level-zero.yaml",
                "record/date-month-13.yaml",
                "record/missing-partnership.yaml",
                "valid/record.yaml",
                "-o",
                "out/report.md",
            ],
            3,
        )
        .output("out/report.md"),
        Case::new(
            "several_framework_files_some_bad",
            &[
                "framework",
                "validate",
                "framework/missing-id.yaml",
                "framework/no-sections.yaml",
            ],
            3,
        ),
    ];
    for case in cases {
        let transcript = case.run();
        insta::assert_snapshot!(case.name.clone(), transcript);
    }
}

#[test]
fn outputs_that_cannot_be_written() {
    let cases = [
        Case::new(
            "report_output_under_a_file",
            &[
                "report",
                "valid/record.yaml",
                "--format",
                "markdown",
                "-o",
                "notes.txt/report.md",
            ],
            4,
        )
        .file("notes.txt", "Not a folder.\n")
        .output("notes.txt/report.md"),
        Case::new(
            "report_output_empty_name",
            &["report", "valid/record.yaml", "--format", "csv", "-o", ""],
            2,
        ),
        Case::new(
            "answers_output_under_a_file",
            &answers_csv_args("valid/answers.csv", "notes.txt/record.yaml"),
            4,
        )
        .file("notes.txt", "Not a folder.\n")
        .output("notes.txt/record.yaml"),
        Case::new(
            "answers_output_is_a_folder",
            &answers_csv_args("valid/answers.csv", "out"),
            2,
        ),
        Case::new(
            "answers_output_in_a_missing_folder",
            &answers_csv_args("valid/answers.csv", "no/such/folder/record.yaml"),
            4,
        )
        .output("no/such/folder/record.yaml"),
    ];
    for case in cases {
        let transcript = case.run();
        insta::assert_snapshot!(case.name.clone(), transcript);
    }
}

#[cfg(unix)]
#[test]
fn output_into_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;

    let t = Test::new()
        .file("valid/record.yaml", read_corpus("valid/record.yaml"))
        .file("locked/.keep", "");
    let locked = t.path().join("locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root (as in many containers) may write anywhere: then this check cannot fail, so say so.
    if fs::write(locked.join("probe"), "").is_ok() {
        eprintln!(
            "note: running with permission to write into a read-only folder (root?); \
             output_into_a_read_only_folder checks nothing here. \
             outputs_that_cannot_be_written covers unwritable paths another way."
        );
        return;
    }
    let out = t.run_args(&[
        "report",
        "valid/record.yaml",
        "--format",
        "markdown",
        "-o",
        "locked/report.md",
    ]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(out.code, 4, "{}", out.transcript());
    assert!(out.stderr.contains("locked/report.md"), "{}", out.stderr);
    assert!(!locked.join("report.md").exists());
    assert!(temporary_files(t.path()).is_empty());
}

fn read_corpus(rel: &str) -> Vec<u8> {
    fs::read(repo().join("tests/corpus").join(rel)).expect("corpus file")
}

/// `report r.yaml -o r.yaml` would replace the record (often the only copy of a workshop's
/// answers) with the report: coprod refuses, and the record is kept byte for byte.
#[test]
fn report_never_overwrites_its_own_input() {
    let t = Test::new().file("r.yaml", read_corpus("valid/record.yaml"));
    let out = t.run_args(&["report", "r.yaml", "--format", "markdown", "-o", "r.yaml"]);
    assert_eq!(out.code, 2, "{}", out.transcript());
    assert_eq!(
        fs::read(t.path().join("r.yaml")).ok(),
        Some(read_corpus("valid/record.yaml"))
    );
    insta::assert_snapshot!(out.transcript());
}
