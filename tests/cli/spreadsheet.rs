//! Reports for spreadsheets: the `.xlsx` report read back with calamine (cells and their
//! types), and the CSV report read back with a real CSV reader.

use calamine::{Data, Reader, Xlsx};

use crate::util::{Test, year};

fn open(t: &Test, name: &str) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    let bytes = std::fs::read(t.path().join(name)).expect("workbook written");
    Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook calamine opens")
}

/// The JSON report of the same records, for the numbers to compare with.
fn json(t: &Test, records: &[String]) -> serde_json::Value {
    let mut args = vec!["report".to_string()];
    args.extend(records.iter().cloned());
    args.extend(["--format".to_string(), "json".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.transcript());
    serde_json::from_str(&out.stdout).expect("JSON report")
}

fn rounded(v: &serde_json::Value) -> f64 {
    (v.as_f64().expect("a number") * 10.0).round() / 10.0
}

#[test]
fn the_xlsx_report_has_a_sheet_per_view_with_typed_cells() {
    let t = Test::new().with_examples();
    let mut records = year(2025);
    records.extend(year(2026));
    let mut args = vec!["report"];
    args.extend(records.iter().map(String::as_str));
    args.extend(["-o", "report.xlsx"]);
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let report = json(&t, &records);
    let mut book = open(&t, "report.xlsx");
    assert_eq!(
        book.sheet_names(),
        ["Scorecard", "Indicators", "Groups", "Trend", "Actions"]
    );

    let card = book.worksheet_range("Scorecard").expect("scorecard");
    assert_eq!(card.get_value((0, 1)), Some(&Data::String("Score".into())));
    assert_eq!(
        card.get_value((1, 1)),
        Some(&Data::Float(rounded(&report["overall"]["value"])))
    );
    for (i, section) in report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .enumerate()
    {
        let row = u32::try_from(i + 2).expect("row");
        assert_eq!(
            card.get_value((row, 0)),
            Some(&Data::String(
                section["title"].as_str().expect("title").into()
            ))
        );
        assert_eq!(
            card.get_value((row, 1)),
            Some(&Data::Float(rounded(&section["score"]["value"])))
        );
    }

    let rows = book.worksheet_range("Indicators").expect("indicators");
    assert_eq!(
        rows.height(),
        1 + 24 * 8,
        "a header and a row per indicator per record"
    );
    // Dates are dates, levels and scores numbers, text text.
    assert!(
        matches!(rows.get_value((1, 3)), Some(Data::DateTime(_))),
        "{:?}",
        rows.get_value((1, 3))
    );
    assert!(matches!(rows.get_value((1, 0)), Some(Data::Float(_))));
    assert!(matches!(rows.get_value((1, 8)), Some(Data::String(_))));
    let levels = (1..rows.height())
        .filter(|r| {
            matches!(
                rows.get_value((u32::try_from(*r).expect("row"), 10)),
                Some(Data::Float(_))
            )
        })
        .count();
    assert!(levels > 150, "{levels}");

    let groups = book.worksheet_range("Groups").expect("groups");
    assert_eq!(
        groups.get_value((0, 2)),
        Some(&Data::String("Parent carers".into()))
    );
    let trend = book.worksheet_range("Trend").expect("trend");
    assert_eq!(
        trend.get_value((0, 2)),
        Some(&Data::String("2025-11-13".into())).or(trend.get_value((0, 2)))
    );
    assert!(matches!(trend.get_value((1, 2)), Some(Data::Float(_))));

    // Headers are frozen.
    let bytes = std::fs::read(t.path().join("report.xlsx")).expect("workbook");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").expect("sheet"),
        &mut xml,
    )
    .expect("read");
    assert!(xml.contains("ySplit=\"1\""), "{xml}");
    assert!(xml.contains("<col "), "column widths are set");
}

#[test]
fn text_that_looks_like_a_formula_stays_text_in_the_workbook() {
    let t = Test::new().file(
        "a.csv",
        "indicator,level,evidence\nwc1,3,\"=HYPERLINK(\"\"http://x\"\")\"\n",
    );
    let out = t.run_args(&[
        "assess",
        "--answers",
        "a.csv",
        "--room",
        "--partnership",
        "P",
        "--date",
        "2026-01-05",
        "-o",
        "health.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let out = t.run_args(&["report", "health.yaml", "--format", "xlsx", "-o", "r.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let mut book = open(&t, "r.xlsx");
    let rows = book.worksheet_range("Indicators").expect("indicators");
    let cell = (1..rows.height()).find_map(|r| {
        match rows.get_value((u32::try_from(r).expect("row"), 12)) {
            Some(Data::String(s)) if s.starts_with("=HYPERLINK") => Some(s.clone()),
            _ => None,
        }
    });
    assert!(cell.is_some(), "the evidence is kept as text");
    let formulas = book.worksheet_formula("Indicators").expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell is a formula"
    );
}

#[test]
fn the_csv_report_reads_back_row_by_row() {
    let t = Test::new().with_examples();
    let out = t.run_args(&[
        "report",
        "examples/2026/health.yaml",
        "examples/2026/education.yaml",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let report = json(
        &t,
        &[
            "examples/2026/health.yaml".into(),
            "examples/2026/education.yaml".into(),
        ],
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 48);
    let mut checked = 0;
    for section in report["sections"].as_array().expect("sections") {
        for ind in section["indicators"].as_array().expect("indicators") {
            let id = ind["id"].as_str().expect("id");
            for resp in ind["responses"].as_array().expect("responses") {
                let r = usize::try_from(resp["record"].as_u64().expect("record")).expect("index");
                let row = rows
                    .iter()
                    .find(|row| {
                        &row[col("indicator")] == id && row[col("record")] == (r + 1).to_string()
                    })
                    .expect("a row per indicator per record");
                let level = resp["level"]
                    .as_u64()
                    .map(|l| l.to_string())
                    .unwrap_or_default();
                assert_eq!(&row[col("level")], level, "{id}");
                let answer = if !level.is_empty() {
                    "level"
                } else if resp["not_applicable"].as_bool() == Some(true) {
                    "not applicable"
                } else {
                    "unanswered"
                };
                assert_eq!(&row[col("answer")], answer, "{id}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 48);
    // pandas reads "n/a" as missing; the answer column never says it.
    assert!(rows.iter().all(|r| &r[col("answer")] != "n/a"));
}

#[test]
fn csv_for_excel_has_a_byte_order_mark_and_windows_line_ends() {
    let t = Test::new().with_examples();
    let out = t.run_args(&[
        "report",
        "examples/2026/health.yaml",
        "--format",
        "csv",
        "--excel",
        "-o",
        "r.csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let bytes = std::fs::read(t.path().join("r.csv")).expect("csv");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    assert!(text.lines().count() > 20);
    assert_eq!(text.matches("\r\n").count(), text.matches('\n').count());
    let out = t.run_args(&[
        "report",
        "examples/2026/health.yaml",
        "--format",
        "json",
        "--excel",
    ]);
    assert_eq!(out.code, 2, "{}", out.transcript());
}
