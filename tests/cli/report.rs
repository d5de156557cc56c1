//! `coprod report`: every format, pinned by snapshots, and checked by parsing the output back.

use crate::util::{Test, is_temporary, year};

fn report(files: &[String], format: &str) -> String {
    let mut args = vec!["report", "--format", format];
    args.extend(files.iter().map(String::as_str));
    let out = Test::new().with_examples().args(&args).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    out.stdout
}

fn one() -> Vec<String> {
    vec!["examples/2026/parent-carers.yaml".to_string()]
}

#[test]
fn single_record_table() {
    insta::assert_snapshot!(report(&one(), "table"));
}

#[test]
fn single_record_markdown() {
    insta::assert_snapshot!(report(&one(), "markdown"));
}

#[test]
fn single_record_json() {
    insta::assert_snapshot!(report(&one(), "json"));
}

#[test]
fn single_record_csv() {
    insta::assert_snapshot!(report(&one(), "csv"));
}

#[test]
fn four_groups_table() {
    insta::assert_snapshot!(report(&year(2026), "table"));
}

#[test]
fn four_groups_markdown() {
    insta::assert_snapshot!(report(&year(2026), "markdown"));
}

#[test]
fn four_groups_json() {
    insta::assert_snapshot!(report(&year(2026), "json"));
}

#[test]
fn four_groups_csv() {
    insta::assert_snapshot!(report(&year(2026), "csv"));
}

#[test]
fn incomplete_record_says_how_complete_it_is() {
    let out = report(&["examples/2024/health.yaml".to_string()], "table");
    assert!(
        out.contains("Complete: 22 of 24 answered, 0 not applicable, 2 unanswered (92%)"),
        "{out}"
    );
}

#[test]
fn table_fits_the_terminal_width() {
    for width in ["80", "60", "120"] {
        let mut args = vec!["report"];
        let files = year(2025);
        args.extend(files.iter().map(String::as_str));
        let out = Test::new()
            .with_examples()
            .args(&args)
            .env("COLUMNS", width)
            .run();
        let w: usize = width.parse().expect("number");
        for line in out.stdout.lines() {
            assert!(line.chars().count() <= w, "line wider than {w}: {line}");
        }
    }
}

#[test]
fn no_colour_when_piped() {
    let out = report(&one(), "table");
    assert!(!out.contains('\x1b'), "escape sequence in piped output");
}

/// Markdown tables keep their shape whatever the evidence says: parse the output back and check
/// every table row has as many cells as its header.
#[test]
fn markdown_tables_survive_hostile_text() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let nasty = "Pipes | and *stars* and _under_ \\ back\n# not a heading\n- not a list\n<script>x</script> `code` [link](http://x)";
    let text = serde_json::to_string(nasty).expect("json");
    let record = format!(
        "format: 1\nframework: {{id: four-cornerstones, version: \"1.0\"}}\npartnership: \"A | B *C*\"\n\
         date: 2026-01-02\nscored_by: {{kind: room}}\nanswers:\n  - indicator: wc1\n    level: 3\n\
         \x20   evidence: {text}\n    actions:\n      - what: {text}\n        owner: {text}\n"
    );
    let out = Test::new()
        .file("r.yaml", record)
        .args(&["report", "--format", "markdown", "r.yaml"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let md = out.stdout;
    assert!(md.contains("Pipes"), "the hostile text is in the report");

    let mut tables = 0;
    let mut header_cells = 0;
    let mut cells = 0;
    let mut in_head = false;
    let mut headings = Vec::new();
    let mut in_heading = false;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableHead) => {
                in_head = true;
                header_cells = 0;
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) if in_head => header_cells += 1,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow) => assert_eq!(cells, header_cells, "a row lost its shape"),
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => headings.push(t.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => {
                assert!(h.as_ref() == "<br>", "raw HTML leaked: {h}")
            }
            _ => {}
        }
    }
    assert!(
        tables >= 6,
        "expected summary, section and indicator tables, found {tables}"
    );
    assert!(
        !headings.iter().any(|h| h.contains("not a heading")),
        "user text became a heading"
    );
}

#[test]
fn csv_is_one_row_per_indicator_per_record_and_formula_safe() {
    let out = report(&year(2026), "csv");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 4 * 24);
    let evidence = headers
        .iter()
        .position(|h| h == "evidence")
        .expect("evidence column");
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unsafe cell {cell:?}"
            );
        }
    }
    assert!(
        rows.iter().any(|r| r[evidence].starts_with("'-")),
        "the example's leading '-' is neutralised"
    );
}

#[test]
fn json_has_a_schema_version_and_the_numbers() {
    let out = report(&year(2026), "json");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["records"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["sections"].as_array().map(Vec::len), Some(4));
    let overall = v["overall"]["value"].as_f64().expect("overall score");
    assert!((1.0..=5.0).contains(&overall));
}

#[test]
fn output_file_is_written_whole_and_nothing_else_is_left() {
    let t = Test::new().with_examples().args(&[
        "report",
        "--format",
        "markdown",
        "-o",
        "board.md",
        "examples/2025/health.yaml",
    ]);
    let out = t.run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(t.read("board.md").starts_with("# Four Cornerstones"));
    let stray: Vec<_> = std::fs::read_dir(t.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| is_temporary(&e.file_name().to_string_lossy()))
        .collect();
    assert!(stray.is_empty(), "temporary files left behind");
}

#[test]
fn dash_means_standard_output() {
    let out = Test::new()
        .with_examples()
        .args(&[
            "report",
            "--format",
            "csv",
            "-o",
            "-",
            "examples/2025/health.yaml",
        ])
        .run();
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("record,file,"));
}

#[test]
fn order_of_records_does_not_change_the_scores() {
    let mut files = year(2025);
    let a = report(&files, "json");
    files.reverse();
    let b = report(&files, "json");
    let (a, b): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&a).expect("json"),
        serde_json::from_str(&b).expect("json"),
    );
    assert_eq!(a["overall"], b["overall"]);
    assert_eq!(a["sections"][2]["score"], b["sections"][2]["score"]);
}

fn all_years() -> Vec<String> {
    [2024, 2025, 2026].into_iter().flat_map(year).collect()
}

#[test]
fn three_years_table() {
    insta::assert_snapshot!(report(&all_years(), "table"));
}

#[test]
fn three_years_markdown() {
    insta::assert_snapshot!(report(&all_years(), "markdown"));
}

#[test]
fn three_years_json() {
    insta::assert_snapshot!(report(&all_years(), "json"));
}

#[test]
fn three_years_csv() {
    let out = report(&all_years(), "csv");
    let rows = csv::Reader::from_reader(out.as_bytes()).records().count();
    assert_eq!(rows, 12 * 24, "one row per indicator per group per year");
    insta::assert_snapshot!(out);
}

#[test]
fn views_that_differ_widely_are_flagged_and_the_threshold_is_configurable() {
    let json = report(&year(2026), "json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let flagged: Vec<&str> = v["perspectives"]["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .filter(|i| i["diverges"] == true)
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(flagged, ["cm4", "wp1"]);

    let mut args = vec!["report", "--format", "json", "--divergence", "2.5"];
    let files = year(2026);
    args.extend(files.iter().map(String::as_str));
    let out = Test::new().with_examples().args(&args).run();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert!(
        v["perspectives"]["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .all(|i| i["diverges"] == false)
    );
}

#[test]
fn anonymised_reports_contain_no_names_in_any_format() {
    let files = all_years();
    let mut names: Vec<String> = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(crate::util::repo().join(f)).expect("example");
        let mut in_list = false;
        for line in text.lines() {
            if line.starts_with("participants:") {
                in_list = true;
                continue;
            }
            if in_list && line.starts_with("  - ") {
                names.push(line.trim_start_matches("  - ").trim().to_string());
            } else {
                in_list = false;
            }
        }
    }
    assert!(names.len() > 20, "the examples name their participants");
    for format in ["table", "markdown", "json", "csv"] {
        let mut args = vec!["report", "--anonymise", "--format", format];
        args.extend(files.iter().map(String::as_str));
        let out = Test::new().with_examples().args(&args).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        for name in &names {
            for part in name.split_whitespace().filter(|p| p.chars().count() >= 3) {
                assert!(
                    !out.stdout.contains(part),
                    "{format} output contains {part:?} (from {name:?})"
                );
            }
        }
    }
}

/// A whole-room record of the mini framework (`errors::FRAMEWORK`) at some version.
fn mini_record(date: &str, version: &str, answers: &str) -> String {
    format!(
        "format: 1\nframework: {{id: mini, version: \"{version}\"}}\npartnership: P\ndate: {date}\n\
         scored_by: {{kind: room}}\nanswers:\n{answers}"
    )
}

/// Records made with two versions of a framework are matched by indicator id, and what
/// appeared or disappeared is listed, never silently mixed.
#[test]
fn versions_of_a_framework_are_matched_by_indicator_id() {
    let v1 = crate::errors::FRAMEWORK;
    let v2 = v1.replace("version: \"1\"", "version: \"2\"").replace(
        "      - id: t2\n        statement: We reply.\n",
        "      - id: t3\n        statement: We explain.\n",
    );
    let t = Test::new()
        .file("v2.yaml", &v2)
        .file("2025.yaml", mini_record("2025-01-01", "1", "  - {indicator: t1, level: 1}\n  - {indicator: t2, level: 3}\n  - {indicator: a1, level: 2}\n"))
        .file("2026.yaml", mini_record("2026-01-01", "2", "  - {indicator: t1, level: 3}\n  - {indicator: t3, level: 2}\n  - {indicator: a1, level: 2}\n"));
    let refused = t.run_args(&["report", "--framework", "v2.yaml", "2025.yaml", "2026.yaml"]);
    assert_eq!(refused.code, 3);
    assert!(
        refused
            .stderr
            .contains("it was version 1 then and is version 2 now"),
        "{}",
        refused.stderr
    );

    let out = t.run_args(&[
        "report",
        "--framework",
        "v2.yaml",
        "--accept-changed-framework",
        "--format",
        "markdown",
        "2025.yaml",
        "2026.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "different versions of the framework: version 1 (1 record), version 2 (1 record)"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("left out of every score: T2."),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("(new, or not scored then): T3."),
        "{}",
        out.stdout
    );
    let json = t.run_args(&[
        "report",
        "--framework",
        "v2.yaml",
        "--accept-changed-framework",
        "--format",
        "json",
        "2025.yaml",
        "2026.yaml",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    // T1 went from 1 to 3; T2's old answer is in no score.
    assert_eq!(
        v["trend"]["indicators"][0]["values"],
        serde_json::json!([1.0, 3.0])
    );
    assert_eq!(
        v["trend"]["sections"][0]["values"],
        serde_json::json!([1.0, 2.5])
    );
}

/// Records of two partnerships can be combined, but the table says so: with one partnership
/// its name is the title, with several the combined result must not pass for one of them.
#[test]
fn combining_partnerships_is_said_in_the_table() {
    let t = Test::new().with_examples();
    let other = t
        .read("examples/2026/education.yaml")
        .replace("Hafren Vale SEND Partnership", "Other Town Partnership");
    let t = t.file("other.yaml", other);
    let out = t.run_args(&["report", "examples/2026/health.yaml", "other.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "Partnerships combined: Hafren Vale SEND Partnership, Other Town Partnership"
        ),
        "{}",
        out.stdout
    );
    let one = t.run_args(&["report", "examples/2026/health.yaml"]);
    assert!(
        !one.stdout.contains("Partnerships combined"),
        "{}",
        one.stdout
    );
}

/// An indicator renamed in a new version of the framework (`replaces:`) keeps its history:
/// earlier answers under the old id count for it, in the trend and the scores.
#[test]
fn a_renamed_indicator_keeps_its_history() {
    let v1 = crate::errors::FRAMEWORK;
    let v2 = v1.replace("version: \"1\"", "version: \"2\"").replace(
        "      - id: t2\n        statement: We reply.\n",
        "      - id: reply\n        statement: We reply.\n        replaces: [t2]\n",
    );
    let t = Test::new()
        .file("v2.yaml", &v2)
        .file("2025.yaml", mini_record("2025-01-01", "1", "  - {indicator: t1, level: 1}\n  - {indicator: t2, level: 3}\n  - {indicator: a1, level: 2}\n"))
        .file("2026.yaml", mini_record("2026-01-01", "2", "  - {indicator: t1, level: 3}\n  - {indicator: reply, level: 2}\n  - {indicator: a1, level: 2}\n"))
        .file("both.yaml", mini_record("2026-01-01", "2", "  - {indicator: t2, level: 1}\n  - {indicator: reply, level: 2}\n"));
    let run = |format: &str| {
        t.run_args(&[
            "report",
            "--framework",
            "v2.yaml",
            "--accept-changed-framework",
            "--format",
            format,
            "2025.yaml",
            "2026.yaml",
        ])
    };
    let markdown = run("markdown");
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    assert!(
        markdown
            .stdout
            .contains("Renamed, with earlier answers counted under the new id: T2 is now REPLY."),
        "{}",
        markdown.stdout
    );
    assert!(
        !markdown.stdout.contains("left out of every score"),
        "{}",
        markdown.stdout
    );
    assert!(
        !markdown.stdout.contains("new, or not scored then"),
        "{}",
        markdown.stdout
    );
    let table = run("table");
    assert!(
        table.stdout.contains("Renamed: T2 is now REPLY."),
        "{}",
        table.stdout
    );

    let json = run("json");
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    // REPLY went from 3 (answered as T2) to 2; Talk from mean(1, 3) = 2 to mean(3, 2) = 2.5.
    assert_eq!(v["trend"]["indicators"][1]["id"], "reply");
    assert_eq!(
        v["trend"]["indicators"][1]["values"],
        serde_json::json!([3.0, 2.0])
    );
    assert_eq!(
        v["trend"]["sections"][0]["values"],
        serde_json::json!([2.0, 2.5])
    );
    assert_eq!(
        v["framework_versions"]["renamed"],
        serde_json::json!([["t2", "reply"]])
    );

    let pdf = t.run_args(&[
        "report",
        "--framework",
        "v2.yaml",
        "--accept-changed-framework",
        "--format",
        "pdf",
        "-o",
        "r.pdf",
        "2025.yaml",
        "2026.yaml",
    ]);
    assert_eq!(pdf.code, 0, "{}", pdf.stderr);
    let bytes = std::fs::read(t.path().join("r.pdf")).expect("read the PDF");
    let pdf_text = crate::pdf::text(&crate::pdf::load(&bytes));
    assert!(
        pdf_text
            .contains("Renamed, with earlier answers counted under the new id: T2 is now REPLY."),
        "{pdf_text}"
    );

    // The old and the new id in one record answer the same indicator twice.
    let both = t.run_args(&["report", "--framework", "v2.yaml", "both.yaml"]);
    assert_eq!(both.code, 3);
    insta::assert_snapshot!("renamed_indicator_answered_twice", both.stderr);
}

/// In a terminal, headings are bold; `NO_COLOR` turns that off. (Piped output never has
/// escape sequences: see `no_colour_when_piped`.)
#[test]
fn colour_only_in_a_terminal_and_never_with_no_color() {
    let t = Test::new().with_examples();
    let run = |no_color: bool| {
        let mut p = crate::util::pty(
            &t,
            &["report", "examples/2026/health.yaml"],
            !no_color,
            20_000,
        );
        p.exp_eof().expect("output")
    };
    assert!(
        run(false).contains("\x1b[1m"),
        "bold headings in a terminal"
    );
    assert!(
        !run(true).contains('\x1b'),
        "no escape sequences with NO_COLOR"
    );
}

/// Issue 11: each CSV row carried the latest date's combined scores, so a trend built from the
/// CSV was flat.
#[test]
fn csv_rows_carry_their_own_dates_scores() {
    let out = report(&all_years(), "csv");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (date, indicator, score) = (col("date"), col("indicator"), col("date_indicator_score"));
    let mut wc3: Vec<(String, String)> = reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| &r[indicator] == "wc3")
        .map(|r| (r[date].to_string(), r[score].to_string()))
        .collect();
    wc3.sort();
    wc3.dedup();
    let scores: Vec<&str> = wc3.iter().map(|(_, s)| s.as_str()).collect();
    // The yearly means 1.67, 2.25 and 3.25, one per date.
    assert_eq!(scores, ["1.7", "2.3", "3.3"]);
}

#[test]
fn the_same_records_in_another_order_give_the_same_bytes() {
    let files = all_years();
    let mut reversed = files.clone();
    reversed.reverse();
    for format in ["table", "markdown", "json", "csv"] {
        assert_eq!(
            report(&files, format),
            report(&reversed, format),
            "{format}"
        );
    }
}

#[test]
fn groups_count_the_same_unless_records_are_weighed() {
    // Three parent-carer records against one from the local authority.
    let mut files = vec!["examples/2026/local-authority.yaml".to_string()];
    files.extend(std::iter::repeat_n(
        "examples/2026/parent-carers.yaml".to_string(),
        3,
    ));
    let run = |extra: &[&str]| -> f64 {
        let mut args = vec!["report", "--format", "json"];
        args.extend(extra);
        args.extend(files.iter().map(String::as_str));
        let out = Test::new().with_examples().args(&args).run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
        json["sections"][0]["indicators"][0]["score"]["value"]
            .as_f64()
            .expect("wc1")
    };
    let one = |f: &str| run_one(f);
    let (la, pc) = (one("local-authority"), one("parent-carers"));
    assert_eq!(run(&[]), (la + pc) / 2.0);
    assert_eq!(run(&["--weight-by", "groups"]), (la + pc) / 2.0);
    assert_eq!(run(&["--weight-by", "records"]), (la + 3.0 * pc) / 4.0);
}

fn run_one(group: &str) -> f64 {
    let json: serde_json::Value =
        serde_json::from_str(&report(&[format!("examples/2026/{group}.yaml")], "json"))
            .expect("json");
    json["sections"][0]["indicators"][0]["score"]["value"]
        .as_f64()
        .expect("wc1")
}
