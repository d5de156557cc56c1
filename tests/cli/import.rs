//! `coprod import`: real-shaped exports of Microsoft Forms (xlsx, also on standard input), Google
//! Forms (CSV with grid questions), SurveyMonkey and SmartSurvey (two header rows) and a plain
//! sheet, checked against the answers
//! we know the respondents gave.

use crate::util::Test;

const WC1: &str = "Parent carers feel welcome from the first contact and at every meeting.";
const WC2: &str =
    "Meetings are held at places, times and in ways that make it easy for families to come.";
const WC3: &str = "Parent carers get practical help so they can take part, such as expenses, care cover and payment for their time.";

/// A record's answers as `id=level[votes]`, e.g. `wc1=3[2:1 3:2]`, from its YAML.
fn summary(record: &str) -> String {
    let mut out = Vec::new();
    let mut current: Option<(String, String, Vec<String>)> = None;
    let mut in_levels = false;
    let flush = |c: &mut Option<(String, String, Vec<String>)>, out: &mut Vec<String>| {
        if let Some((id, level, votes)) = c.take() {
            out.push(format!("{id}={level}[{}]", votes.join(" ")));
        }
    };
    for line in record.lines() {
        let t = line.trim_start();
        let t = t.strip_prefix("- ").unwrap_or(t);
        if let Some(id) = t.strip_prefix("indicator: ") {
            flush(&mut current, &mut out);
            current = Some((id.to_string(), "-".into(), Vec::new()));
            in_levels = false;
        } else if let Some(c) = current.as_mut() {
            if let Some(l) = t.strip_prefix("level: ") {
                c.1 = l.trim_matches('"').to_string();
            } else if t == "levels:" {
                in_levels = true;
            } else if in_levels && t.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
                c.2.push(t.replace(": ", ":"));
            } else if let Some(n) = t.strip_prefix("not_applicable: ") {
                c.2.push(format!("na:{n}"));
                in_levels = false;
            } else if let Some(n) = t.strip_prefix("dont_know: ") {
                c.2.push(format!("dk:{n}"));
                in_levels = false;
            } else if !t.starts_with(|ch: char| ch.is_ascii_digit()) {
                in_levels = false;
            }
        }
    }
    flush(&mut current, &mut out);
    out.join(" ")
}

fn google_csv() -> String {
    // Google Forms: a BOM is not written by Google, but Excel adds one on saving; CRLF line
    // ends; grid questions headed `Title [statement]`; a quoted evidence cell with a comma and
    // a line break; one respondent skipped a question, one stopped half-way.
    let header = format!(
        "Timestamp,Email address,Which group are you in?,Welcome and Care [{WC1}],\"Welcome and Care [{WC2}]\",\"Welcome and Care [{WC3}]\",Any evidence or examples for WC2?,Anything else?"
    );
    let rows = [
        "2026/03/12 10:01:00 am GMT,ann@example.org,Parent carer,4 - Established,3 - Developing,Not applicable,\"Evening meetings, finally\r\nand online too\",Thanks",
        "2026/03/12 11:30:10 am GMT,bob@example.org,Parent carer,2 - Emerging,3 - Developing,2 - Emerging,,",
        "2026/03/13 9:15:00 pm GMT,cat@example.org,Council officer,5 - Embedded,,4 - Established,Rooms booked a term ahead,",
        "2026/03/14 8:00:00 am GMT,dan@example.org,Council officer,3 - Developing,Don't know,,,",
        "2026/03/14 8:05:00 am GMT,eve@example.org,,,,,,",
    ];
    format!("\u{feff}{header}\r\n{}\r\n", rows.join("\r\n"))
}

#[test]
fn google_forms_grid_questions_become_one_record_per_group_with_votes() {
    let t = Test::new().file("responses.csv", google_csv());
    let out = t.run_args(&["import", "responses.csv", "--partnership", "Hafren Vale"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let parents = t.read("hafren-vale-2026-03-14-parent-carers.yaml");
    let council = t.read("hafren-vale-2026-03-14-local-authority.yaml");
    // Ann 4, Bob 2: the lower middle level; votes kept as counts.
    assert_eq!(
        summary(&parents),
        "wc1=2[2:1 4:1] wc2=3[3:2] wc3=2[2:1 na:1]"
    );
    assert_eq!(summary(&council), "wc1=3[3:1 5:1] wc2=-[dk:1] wc3=4[4:1]");
    assert!(parents.contains("Evening meetings, finally"), "{parents}");
    assert!(council.contains("Rooms booked a term ahead"), "{council}");
    for text in [&parents, &council] {
        assert!(
            !text.contains("example.org"),
            "emails are never copied: {text}"
        );
        assert!(
            !text.contains("2026/03"),
            "timestamps are never copied: {text}"
        );
    }
    insta::assert_snapshot!(out.stderr);
    // The records are good records: they report.
    let report = t.run_args(&[
        "report",
        "hafren-vale-2026-03-14-parent-carers.yaml",
        "hafren-vale-2026-03-14-local-authority.yaml",
        "--format",
        "csv",
    ]);
    assert_eq!(report.code, 0, "{}", report.transcript());
}

#[test]
fn dry_run_prints_the_mapping_and_writes_nothing() {
    let t = Test::new().file("responses.csv", google_csv());
    let out = t.run_args(&[
        "import",
        "responses.csv",
        "--partnership",
        "Hafren Vale",
        "--dry-run",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let written: Vec<_> = std::fs::read_dir(t.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".yaml"))
        .collect();
    assert!(written.is_empty(), "--dry-run wrote {written:?}");
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn surveymonkey_two_header_rows_and_per_respondent_records() {
    // SurveyMonkey: the question over its statements in the first header row, `Response` or the
    // statement in the second; dates month first.
    let csv = format!(
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Which best describes you?,How well do we do on these?,,,Any evidence or examples for WC1?\n\
         ,,,,,,,,Response,{WC1},\"{WC2}\",\"{WC3}\",Open-Ended Response\n\
         114,42,03/10/2026 09:00:00 AM,03/10/2026 09:05:00 AM,10.0.0.1,,Siân,Jones,Health,Established,Developing,Emerging,\"Clinic staff say \"\"hello\"\"\"\n\
         115,42,03/11/2026 09:00:00 AM,03/15/2026 09:05:00 AM,10.0.0.2,,Rhys,Evans,Health,Embedded,Not applicable,,\n"
    );
    let t = Test::new().file("monkey.csv", csv);
    let out = t.run_args(&[
        "import",
        "monkey.csv",
        "--partnership",
        "P",
        "--per-respondent",
        "--keep-names",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let one = t.read("p-2026-03-15-health-01.yaml");
    let two = t.read("p-2026-03-15-health-02.yaml");
    assert_eq!(summary(&one), "wc1=4[] wc2=3[] wc3=2[]");
    assert_eq!(summary(&two), "wc1=5[] wc2=n/a[]");
    assert!(one.contains("name: Siân Jones"), "{one}");
    assert!(one.contains("Clinic staff say \"hello\""), "{one}");
    assert!(!one.contains("10.0.0.1"), "{one}");
}

#[test]
fn a_plain_sheet_by_id_with_a_group_map() {
    let csv =
        "role,WC1,wc2,Comments on WC1\nForum member,3,4,Good start\nForum member,4,n/a,\nGP,2,3,\n";
    let t = Test::new()
        .file("sheet.csv", csv)
        .file("coprod.toml", "partnership = \"Hafren Vale\"\n");
    let out = t.run_args(&[
        "import",
        "sheet.csv",
        "--group-map",
        "Forum member=parent-carers;GP=health",
        "--date",
        "2026-04-01",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(
        summary(&t.read("hafren-vale-2026-04-01-parent-carers.yaml")),
        "wc1=3[3:1 4:1] wc2=4[4:1 na:1]"
    );
    assert_eq!(
        summary(&t.read("hafren-vale-2026-04-01-health.yaml")),
        "wc1=2[2:1] wc2=3[3:1]"
    );
}

#[test]
fn what_cannot_be_read_is_refused_never_guessed() {
    let csv = "Which group?,WC1,wc2\nAliens,3,4\nParent carers,Very good,2\n";
    let t = Test::new().file("bad.csv", csv);
    let out = t.run_args(&[
        "import",
        "bad.csv",
        "--partnership",
        "P",
        "--date",
        "2026-04-01",
    ]);
    assert_eq!(out.code, 3, "{}", out.transcript());
    insta::assert_snapshot!(out.stderr);
    assert!(std::fs::read_dir(t.path()).expect("list").all(|e| {
        !e.expect("entry")
            .file_name()
            .to_string_lossy()
            .ends_with(".yaml")
    }));
    // Ambiguous dates: refused until --date says the day.
    let csv = "Timestamp,Group,WC1\n03/04/2026 10:00,Health,3\n";
    let t = Test::new().file("dates.csv", csv);
    let out = t.run_args(&["import", "dates.csv", "--partnership", "P"]);
    assert_eq!(out.code, 3, "{}", out.transcript());
    assert!(out.stderr.contains("--date"), "{}", out.stderr);
    let out = t.run_args(&[
        "import",
        "dates.csv",
        "--partnership",
        "P",
        "--date",
        "2026-04-03",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
}

#[test]
fn microsoft_forms_xlsx_is_read_as_it_comes() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Which group are you part of?",
        WC1,
        WC2,
        "Any evidence or examples for WC2?",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).expect("column"), *h)
            .expect("header");
    }
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    // (id, name, group, WC1 answer, WC2 answer, evidence for WC2)
    type Row<'a> = (f64, &'a str, &'a str, &'a str, Option<f64>, &'a str);
    let rows: [Row<'_>; 3] = [
        (
            1.0,
            "anonymous",
            "Young people",
            "Developing",
            Some(4.0),
            "Youth club evenings",
        ),
        (2.0, "anonymous", "Young people", "Not yet", None, ""),
        (3.0, "anonymous", "Education", "Embedded", Some(5.0), ""),
    ];
    for (r, (id, name, group, wc1, wc2, ev)) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).expect("row");
        sheet.write_number(r, 0, *id).expect("id");
        let when =
            ExcelDateTime::parse_from_str(&format!("2026-05-0{} 10:00:00", r + 1)).expect("date");
        sheet
            .write_datetime_with_format(r, 1, &when, &date)
            .expect("start");
        sheet
            .write_datetime_with_format(r, 2, &when, &date)
            .expect("end");
        sheet.write_string(r, 3, "anonymous").expect("email");
        sheet.write_string(r, 4, *name).expect("name");
        sheet.write_string(r, 5, *group).expect("group");
        sheet.write_string(r, 6, *wc1).expect("wc1");
        if let Some(v) = wc2 {
            sheet.write_number(r, 7, *v).expect("wc2");
        }
        if !ev.is_empty() {
            sheet.write_string(r, 8, *ev).expect("evidence");
        }
    }
    let bytes = book.save_to_buffer().expect("xlsx");
    let t = Test::new().file("Co-production survey(1-3).xlsx", &bytes);
    let out = t.run_args(&[
        "import",
        "Co-production survey(1-3).xlsx",
        "--partnership",
        "P",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    assert_eq!(
        summary(&t.read("p-2026-05-04-young-people.yaml")),
        "wc1=1[1:1 3:1] wc2=4[4:1]"
    );
    assert_eq!(
        summary(&t.read("p-2026-05-04-education.yaml")),
        "wc1=5[5:1] wc2=5[5:1]"
    );
    assert!(
        t.read("p-2026-05-04-young-people.yaml")
            .contains("Youth club evenings")
    );

    // The same workbook on standard input (`coprod import -`) is known by its first bytes.
    let piped = Test::new().stdin(bytes);
    let out = piped.run_args(&["import", "-", "--partnership", "P"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    for name in [
        "p-2026-05-04-young-people.yaml",
        "p-2026-05-04-education.yaml",
    ] {
        assert_eq!(piped.read(name), t.read(name), "{name} from standard input");
    }
}

/// SmartSurvey (a UK tool many councils use): respondent columns first (UserID, IP Address,
/// Started, Ended, Tracking Link), a matrix question's title over its statements in a first
/// header row and the statements in a second, day-first dates, a UTF-8 BOM and CRLF line ends;
/// one respondent stopped after the first statement and one skipped the group question.
fn smartsurvey_csv() -> String {
    format!(
        "\u{feff}UserID,Name,Email,IP Address,Unique ID,Started,Ended,Tracking Link,Custom Value,Which of these best describes you?,How true are these statements for our partnership?,,,Any evidence or examples for WC1?\r\n\
         ,,,,,,,,,,\"{WC1}\",\"{WC2}\",\"{WC3}\",\r\n\
         1001,,,10.1.1.1,,13/03/2026 09:01,13/03/2026 09:09,Web Link,,Parent carer,4 - Established,3 - Developing,Not applicable,\"Coffee, a smile, and name badges\"\r\n\
         1002,,,10.1.1.2,,13/03/2026 10:15,13/03/2026 10:20,Web Link,,Parent carer,2 - Emerging,3 - Developing,2 - Emerging,\r\n\
         1003,,,10.1.1.3,,14/03/2026 19:30,14/03/2026 19:31,Web Link,,Health,5 - Embedded,,,\r\n\
         1004,,,10.1.1.4,,14/03/2026 20:00,14/03/2026 20:04,Web Link,,Health,3 - Developing,Don't know,4 - Established,\r\n"
    )
}

#[test]
fn smartsurvey_two_header_rows_and_day_first_dates() {
    let csv = smartsurvey_csv();
    let t = Test::new().file("smartsurvey-export.csv", csv);
    let out = t.run_args(&[
        "import",
        "smartsurvey-export.csv",
        "--partnership",
        "P",
        "--group-map",
        "Parent carer=parent-carers",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    // The latest response is on 14 March (day first), so that is the assessment date.
    let parents = t.read("p-2026-03-14-parent-carers.yaml");
    let health = t.read("p-2026-03-14-health.yaml");
    assert_eq!(
        summary(&parents),
        "wc1=2[2:1 4:1] wc2=3[3:2] wc3=2[2:1 na:1]"
    );
    assert_eq!(summary(&health), "wc1=3[3:1 5:1] wc2=-[dk:1] wc3=4[4:1]");
    assert!(
        parents.contains("Coffee, a smile, and name badges"),
        "{parents}"
    );
    assert!(!parents.contains("10.1.1.1"), "{parents}");
}

#[test]
fn smartsurvey_dry_run_prints_the_mapping_and_writes_nothing() {
    let t = Test::new().file("smartsurvey-export.csv", smartsurvey_csv());
    let out = t.run_args(&[
        "import",
        "smartsurvey-export.csv",
        "--partnership",
        "P",
        "--group-map",
        "Parent carer=parent-carers",
        "--dry-run",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let written: Vec<_> = std::fs::read_dir(t.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".yaml"))
        .collect();
    assert!(written.is_empty(), "--dry-run wrote {written:?}");
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn framework_form_gives_the_questions_and_a_template_import_reads_back() {
    let t = Test::new();
    let out = t.run_args(&["framework", "form"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let ids: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.split("**").nth(1))
        .collect();
    assert_eq!(ids.len(), 24, "{}", out.stdout);
    assert_eq!(ids[..3], ["WC1", "WC2", "WC3"]);
    assert!(out.stdout.contains("- 3 - Developing"), "{}", out.stdout);
    assert!(out.stdout.contains("- Don't know"), "{}", out.stdout);
    let csv = t.run_args(&["framework", "form", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 24);
    assert_eq!(&rows[1][1], "wc2");
    assert_eq!(&rows[1][3], format!("WC2 {WC2}"));
    // The template, filled in as a coordinator would, imports as it is.
    let out = t.run_args(&[
        "framework",
        "form",
        "-o",
        "answers.csv",
        "--format",
        "template",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let header = t.read("answers.csv");
    let cells = 25;
    let row =
        |group: &str, level: &str| format!("{group}{}", format!(",{level}").repeat(cells - 1));
    let filled = format!(
        "{}{}\n{}\n",
        header,
        row("Health", "3 - Developing"),
        row("Health", "5 - Embedded")
    );
    let t = t.file("answers.csv", filled);
    let out = t.run_args(&[
        "import",
        "answers.csv",
        "--partnership",
        "P",
        "--date",
        "2026-06-01",
    ]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let record = t.read("p-2026-06-01-health.yaml");
    assert_eq!(record.matches("level: 3").count(), 24, "{record}");
}

#[test]
fn the_xlsx_template_has_headers_and_a_drop_down_of_levels() {
    use calamine::{Reader, Xlsx};
    let t = Test::new();
    let out = t.run_args(&["framework", "form", "-o", "answers.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.transcript());
    let bytes = std::fs::read(t.path().join("answers.xlsx")).expect("workbook");
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).expect("open");
    let range = book.worksheet_range("Answers").expect("sheet");
    assert_eq!(
        range.get_value((0, 1)).map(|c| c.to_string()),
        Some(format!("WC1 {WC1}"))
    );
    assert_eq!(range.width(), 25);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet xml"),
        &mut xml,
    )
    .expect("read");
    assert!(xml.contains("<dataValidation type=\"list\""), "{xml}");
    assert!(
        xml.contains("1 - Not yet,2 - Emerging,3 - Developing"),
        "{xml}"
    );
}

/// The same export as a workbook, as each tool also offers it (Google Sheets' download, the
/// SurveyMonkey and SmartSurvey `.xlsx` exports): every cell of the CSV in its cell, numbers as
/// numbers. Importing it gives the same records as the CSV.
fn as_xlsx(csv_text: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let text = csv_text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for (r, row) in reader.records().enumerate() {
        let row = row.expect("the test's CSV");
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (
                u32::try_from(r).expect("row"),
                u16::try_from(c).expect("column"),
            );
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).expect("number"),
                Err(_) if cell.is_empty() => sheet,
                Err(_) => sheet.write_string(r, c, cell).expect("text"),
            };
        }
    }
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn every_tool_s_workbook_gives_the_records_its_csv_gives() {
    let monkey = format!(
        "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Which best describes you?,How well do we do on these?,,,Any evidence or examples for WC1?\n\
         ,,,,,,,,Response,{WC1},\"{WC2}\",\"{WC3}\",Open-Ended Response\n\
         114,42,03/10/2026 09:00:00 AM,03/10/2026 09:05:00 AM,10.0.0.1,,Siân,Jones,Health,Established,Developing,Emerging,Clinic staff say hello\n\
         115,42,03/11/2026 09:00:00 AM,03/15/2026 09:05:00 AM,10.0.0.2,,Rhys,Evans,Health,Embedded,Not applicable,,\n"
    );
    let smart = format!(
        "UserID,Name,Email,IP Address,Unique ID,Started,Ended,Tracking Link,Custom Value,Which of these best describes you?,How true are these statements for our partnership?,,,Any evidence or examples for WC1?\r\n\
         ,,,,,,,,,,\"{WC1}\",\"{WC2}\",\"{WC3}\",\r\n\
         1001,,,10.1.1.1,,13/03/2026 09:01,13/03/2026 09:09,Web Link,,Health,4,3,Not applicable,Name badges\r\n\
         1002,,,10.1.1.2,,14/03/2026 10:15,14/03/2026 10:20,Web Link,,Health,2,3,2,\r\n"
    );
    for (tool, csv_text) in [
        ("google", google_csv()),
        ("surveymonkey", monkey),
        ("smartsurvey", smart),
    ] {
        let from_csv = Test::new().file("export.csv", &csv_text);
        let out = from_csv.run_args(&["import", "export.csv", "--partnership", "P"]);
        assert_eq!(out.code, 0, "{tool} csv: {}", out.transcript());
        let from_xlsx = Test::new().file("export.xlsx", as_xlsx(&csv_text));
        let out = from_xlsx.run_args(&["import", "export.xlsx", "--partnership", "P"]);
        assert_eq!(out.code, 0, "{tool} xlsx: {}", out.transcript());
        let records = |t: &Test| -> Vec<(String, String)> {
            let mut names: Vec<String> = std::fs::read_dir(t.path())
                .expect("folder")
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".yaml"))
                .collect();
            names.sort();
            names
                .into_iter()
                .map(|n| {
                    let text = t.read(&n);
                    (n, summary(&text))
                })
                .collect()
        };
        let (a, b) = (records(&from_csv), records(&from_xlsx));
        assert!(!a.is_empty(), "{tool}: records written");
        assert_eq!(a, b, "{tool}: the workbook gives the CSV's records");
    }
}
