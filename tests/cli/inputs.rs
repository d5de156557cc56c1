//! Forgiving where it is safe, strict where it matters: how answers files, `-`, output file
//! names and `coprod config` are read (issue 14).

use crate::util::Test;

/// `coprod assess --answers FILE` for the room of partnership P on a fixed date, record on
/// standard output.
fn assess<'a>(file: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "assess",
        "--answers",
        file,
        "--partnership",
        "P",
        "--date",
        "2026-03-01",
        "-o",
        "-",
    ];
    args.extend_from_slice(more);
    args
}

/// The `indicator: …` and `level: …` lines of a record, joined, e.g. `wc1=3 wc2=n/a`.
fn levels(record: &str) -> String {
    let mut out = Vec::new();
    let mut id = String::new();
    for line in record.lines() {
        let t = line.trim_start_matches([' ', '-']);
        if let Some(i) = t.strip_prefix("indicator: ") {
            id = i.to_string();
        } else if let Some(l) = t.strip_prefix("level: ") {
            out.push(format!("{id}={}", l.trim_matches('"')));
        }
    }
    out.join(" ")
}

#[test]
fn crlf_csv_errors_point_at_the_right_line_column_and_cell() {
    let t = Test::new()
        .file(
            "a.csv",
            "indicator,\"evidence\",level\r\nwc1,\"fine, really\",3\r\nwc2,\"late, again\",Very good\r\n",
        )
        .file("h.csv", "indicator,\"Notes, if any\",level\r\nwc1,x,3\r\n");
    let out = t.run_args(&assess("a.csv", &["--room"]));
    assert_eq!(out.code, 3, "{}", out.transcript());
    // The row that is wrong, at the cell that is wrong, underlined whole.
    assert!(out.stderr.contains("a.csv:3:19"), "{}", out.stderr);
    assert!(out.stderr.contains("^^^^^^^^^"), "{}", out.stderr);
    insta::assert_snapshot!(out.stderr);
    // After a quoted header with a comma in it, columns are still counted right.
    let out = t.run_args(&assess("h.csv", &["--room"]));
    assert_eq!(out.code, 3, "{}", out.transcript());
    assert!(out.stderr.contains("h.csv:1:11"), "{}", out.stderr);
}

#[test]
fn ids_levels_and_headers_are_read_in_any_usual_form() {
    let csv = "\u{feff}Indicator,LEVEL,Evidence\r\nWC1,3.0,Good\r\nWc2,3 - Developing,\r\nwc3,embedded,\r\nwc4,N/A,\r\nwc5,Don't know,\r\n";
    let t = Test::new().file("a.csv", csv);
    let out = t.run_args(&assess("a.csv", &["--room"]));
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(levels(&out.stdout), "wc1=3 wc2=3 wc3=5 wc4=n/a");
    let yaml = "partnership: P\nanswers:\n  - {indicator: WC1, level: 3.0}\n  - {indicator: VI2, level: \"4\"}\n";
    let t = Test::new().file("a.yaml", yaml);
    let out = t.run_args(&["assess", "--answers", "a.yaml", "--room", "-o", "-"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(levels(&out.stdout), "wc1=3 vi2=4");
    // The scale's words as levels, as in CSV answers: plain, numbered, quoted, in any case,
    // with a comment after them, and per group in a workshop.
    let yaml = "partnership: P\nanswers:\n  - indicator: wc1\n    level: Developing   # agreed\n  - {indicator: wc2, level: \"3 - Developing\"}\n  - indicator: wc3\n    level: embedded\n  - indicator: wc4\n    level: Not applicable\n";
    let t = Test::new().file("a.yaml", yaml);
    let out = t.run_args(&["assess", "--answers", "a.yaml", "--room", "-o", "-"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(levels(&out.stdout), "wc1=3 wc2=3 wc3=5 wc4=n/a");
    let yaml = "partnership: P\nscored_by: {kind: workshop, groups: [parent-carers, health]}\nanswers:\n  - indicator: wc1\n    levels: {parent-carers: Emerging, health: 4 - Established}\n";
    let t = Test::new().file("w.yaml", yaml);
    let out = t.run_args(&["assess", "--answers", "w.yaml", "-o", "-"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(
        out.stdout.contains("    health: 4\n    parent-carers: 2\n"),
        "{}",
        out.stdout
    );
    // A word that is no level of the scale is still an error at its line and column.
    let t = Test::new().file(
        "b.yaml",
        "partnership: P\nanswers:\n  - indicator: wc1\n    level: Sometimes\n",
    );
    let out = t.run_args(&["assess", "--answers", "b.yaml", "--room", "-o", "-"]);
    assert_eq!(out.code, 3, "{}", out.transcript());
    assert!(out.stderr.contains("b.yaml:4:12"), "{}", out.stderr);
    // A record written by hand with capitals is reported as one with the ids as they are.
    let t = Test::new().with_examples();
    let record = t
        .read("examples/2026/health.yaml")
        .replace("indicator: wc1", "indicator: WC1");
    let t = t.file("health.yaml", record);
    let out = t.run_args(&["report", "health.yaml", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(out.stdout.contains(",wc1,"), "{}", out.stdout);
}

#[test]
fn unknown_columns_are_named_with_a_suggestion() {
    let t = Test::new().file("a.csv", "Indicator,Levle\nwc1,3\n");
    let out = t.run_args(&assess("a.csv", &["--room"]));
    assert_eq!(out.code, 3);
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn workshop_answers_with_one_level_are_an_error_at_the_line() {
    let yaml = "partnership: P\nscored_by:\n  kind: workshop\n  groups: [parent-carers, health]\nanswers:\n  - indicator: wc1\n    level: 3\n";
    let t = Test::new().file("w.yaml", yaml);
    let out = t.run_args(&["assess", "--answers", "w.yaml", "-o", "w-record.yaml"]);
    assert_eq!(out.code, 3, "{}", out.transcript());
    assert!(out.stderr.contains("w.yaml:7:12"), "{}", out.stderr);
    assert!(!t.path().join("w-record.yaml").exists());
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn csv_with_groups_takes_a_column_per_group_or_refuses() {
    let t = Test::new()
        .file(
            "g.csv",
            "indicator,parent-carers,Health,evidence\nwc1,4,2,Split view\nwc2,n/a,3,\n",
        )
        .file("one.csv", "indicator,level\nwc1,4\n");
    let groups = ["--groups", "parent-carers,health"];
    let out = t.run_args(&assess("g.csv", &groups));
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(
        out.stdout
            .contains("levels:\n    health: 2\n    parent-carers: 4"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("levels:\n    health: 3\n    parent-carers: n/a"),
        "{}",
        out.stdout
    );
    let out = t.run_args(&assess("one.csv", &groups));
    assert_eq!(out.code, 3, "{}", out.transcript());
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn dash_is_standard_input_and_output() {
    let t = Test::new().with_examples();
    let record = t.read("examples/2026/health.yaml");
    let out = Test::new()
        .stdin(record.clone())
        .args(&["report", "-", "--format", "json"])
        .run();
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert!(out.stdout.contains("\"schema_version\""));
    let out = Test::new()
        .stdin("indicator,level\nwc1,2\n")
        .args(&assess("-", &["--room"]))
        .run();
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(levels(&out.stdout), "wc1=2");
    assert!(
        out.stdout
            .starts_with("# yaml-language-server: $schema=./record.schema.json\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("\n# coprod record"), "{}", out.stdout);
    let out = Test::new()
        .stdin("partnership: P\nanswers:\n  - {indicator: cm1, level: 1}\n")
        .args(&["assess", "--answers", "-", "--room", "-o", "-"])
        .run();
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(levels(&out.stdout), "cm1=1");
}

#[test]
fn the_output_file_name_picks_the_format() {
    let t = Test::new().with_examples();
    for (name, starts) in [
        ("r.pdf", "%PDF"),
        ("r.md", "# "),
        ("r.json", "{"),
        ("r.csv", "record,"),
    ] {
        let out = t.run_args(&["report", "examples/2026/health.yaml", "-o", name]);
        assert_eq!(out.code, 0, "{}", out.transcript());
        let bytes = std::fs::read(t.path().join(name)).expect("report written");
        assert!(bytes.starts_with(starts.as_bytes()), "{name}");
    }
    let out = t.run_args(&[
        "report",
        "examples/2026/health.yaml",
        "--format",
        "json",
        "-o",
        "board.pdf",
    ]);
    assert_eq!(out.code, 2);
    assert!(!t.path().join("board.pdf").exists());
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn config_prints_a_coprod_toml_that_coprod_reads_back() {
    let config = "partnership = \"Hafren \\\"Vale\\\"\"\ndivergence = 2\noutput_dir = \"records\"\n\n[groups]\nparent-carers = \"Parent Carer Forum\"\nyouth-council = \"Youth council\"\n";
    let t = Test::new().file("coprod.toml", config);
    let first = t.run_args(&["config"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let t = t.file("coprod.toml", first.stdout.as_bytes());
    let second = t.run_args(&["config"]);
    assert_eq!(second.code, 0, "{}", second.transcript());
    assert_eq!(first.stdout, second.stdout);
    // Without a file: the defaults, which read back too.
    let t = Test::new();
    let defaults = t.run_args(&["config"]);
    let t = t.file("coprod.toml", defaults.stdout.as_bytes());
    let again = t.run_args(&["config"]);
    assert_eq!(again.code, 0, "{}", again.transcript());
    let body = |s: &str| {
        s.lines()
            .skip_while(|l| {
                l.starts_with("# No") || l.starts_with("# These") || l.starts_with("# Settings")
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&defaults.stdout), body(&again.stdout));
}

#[test]
fn a_folder_means_every_record_in_it_and_patterns_are_expanded_here() {
    let t = Test::new()
        .with_examples()
        .file("examples/notes.txt", "not a record")
        .file(
            "examples/2026/framework-notes.yaml",
            "title: not a record\n",
        );
    let json = |args: &[&str]| {
        let out = t.run_args(args);
        assert_eq!(out.code, 0, "{}", out.transcript());
        out
    };
    let all = [
        "examples/2024/education.yaml",
        "examples/2024/health.yaml",
        "examples/2024/local-authority.yaml",
        "examples/2024/parent-carers.yaml",
        "examples/2025/education.yaml",
        "examples/2025/health.yaml",
        "examples/2025/local-authority.yaml",
        "examples/2025/parent-carers.yaml",
        "examples/2026/education.yaml",
        "examples/2026/health.yaml",
        "examples/2026/local-authority.yaml",
        "examples/2026/parent-carers.yaml",
    ];
    let mut by_files = vec!["report"];
    by_files.extend(all);
    by_files.extend(["--format", "json"]);
    let expected = json(&by_files);
    let folder = json(&["report", "examples", "--format", "json"]);
    assert_eq!(folder.stdout, expected.stdout);
    assert!(
        folder
            .stderr
            .contains("note: left out 2 files that are not records"),
        "{}",
        folder.stderr
    );
    // A pattern the shell passed on unexpanded (as Windows' shells do) is expanded by coprod,
    // as a shell would: every file it matches is given.
    std::fs::remove_file(t.path().join("examples/2026/framework-notes.yaml")).expect("remove");
    let pattern = json(&["report", "examples/*/*.yaml", "--format", "json"]);
    let two = json(&["report", "examples/202?/health.yaml", "--format", "json"]);
    let direct = json(&[
        "report",
        "examples/2024/health.yaml",
        "examples/2025/health.yaml",
        "examples/2026/health.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(two.stdout, direct.stdout);
    assert!(pattern.stdout.contains("\"schema_version\""));
    let none = t.run_args(&["report", "examples/*.yml"]);
    assert_eq!(none.code, 2, "{}", none.transcript());
    assert!(
        none.stderr.contains("no file matches examples/*.yml"),
        "{}",
        none.stderr
    );
}
