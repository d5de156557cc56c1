//! Reports in Welsh: every word of coprod's own from the Welsh catalog, pinned by snapshots of
//! the examples in every format.

use crate::util::{Test, year};

fn report(args: &[&str]) -> String {
    let t = Test::new().with_examples();
    let mut all = vec!["report", "--language", "cy"];
    all.extend_from_slice(args);
    let out = t.run_args(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

fn files(years: &[u32]) -> Vec<String> {
    years.iter().flat_map(|y| year(*y)).collect()
}

#[test]
fn the_examples_in_welsh_as_markdown() {
    let all = files(&[2024, 2025, 2026]);
    let mut args = vec!["--format", "markdown"];
    args.extend(all.iter().map(String::as_str));
    let md = report(&args);
    assert!(md.contains("## Crynodeb"), "{md}");
    assert!(md.contains("## Dros amser"), "{md}");
    assert!(md.contains("## Dywedoch chi, gwnaethon ni"), "{md}");
    assert!(
        md.contains("## Sut mae'r sgoriau'n cael eu cyfrifo"),
        "{md}"
    );
    assert!(!md.contains("## Summary"), "{md}");
    insta::assert_snapshot!(md);
}

#[test]
fn the_examples_in_welsh_as_tables() {
    let all = files(&[2026]);
    let mut args = vec!["--format", "table"];
    args.extend(all.iter().map(String::as_str));
    let table = report(&args);
    assert!(table.contains("Cryfderau"), "{table}");
    insta::assert_snapshot!(table);
}

#[test]
fn one_record_in_welsh() {
    let md = report(&["--format", "markdown", "examples/2026/parent-carers.yaml"]);
    assert!(
        md.contains("Mae'r adroddiad hwn") || md.contains("Crynodeb"),
        "{md}"
    );
    insta::assert_snapshot!(md);
}

#[test]
fn the_examples_in_welsh_as_json_and_csv() {
    let all = files(&[2026]);
    let mut args = vec!["--format", "json"];
    args.extend(all.iter().map(String::as_str));
    let json = report(&args);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["framework"]["language"], "cy");
    assert_eq!(v["framework"]["title"], "Pedair Conglfaen cyd-gynhyrchu");
    insta::assert_snapshot!("json", json);
    let mut args = vec!["--format", "csv"];
    args.extend(all.iter().map(String::as_str));
    insta::assert_snapshot!("csv", report(&args));
}

#[test]
fn the_pdf_in_welsh_is_tagged_welsh_and_reads_in_welsh() {
    let t = Test::new().with_examples();
    let mut args = vec![
        "report",
        "--language",
        "cy",
        "--format",
        "pdf",
        "-o",
        "r.pdf",
    ];
    let all = files(&[2025, 2026]);
    args.extend(all.iter().map(String::as_str));
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::read(t.path().join("r.pdf")).expect("pdf");
    let doc = crate::pdf::load(&bytes);
    let text = crate::pdf::text(&doc);
    for welsh in [
        "Crynodeb",
        "Cryfderau",
        "Blaenoriaethau",
        "Safbwyntiau fesul grŵp rhanddeiliaid",
        "Dros amser",
        "Cynllun gweithredu",
    ] {
        assert!(text.contains(welsh), "{welsh} missing in {text}");
    }
    // The page furniture too.
    assert!(text.contains("Tudalen 1 o "), "{text}");
    for english in [
        "Strengths",
        "Priorities",
        "Over time",
        "Action plan",
        "Page 1 of",
        "(continued)",
    ] {
        assert!(!text.contains(english), "{english} in {text}");
    }
    let lang = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|l| l.as_str().ok())
        .map(|b| String::from_utf8_lossy(b).into_owned());
    assert_eq!(lang.as_deref(), Some("cy"));
    // coprod's words are Welsh, so nothing is tagged as English.
    let english: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"Lang").ok())
        .filter_map(|l| l.as_str().ok())
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .filter(|l| l.starts_with("en"))
        .collect();
    assert!(english.is_empty(), "{english:?}");
}

/// The walk in Welsh, in a pseudo-terminal, in plain mode: every screen and question of the walk
/// is Welsh, from who takes part to where the record is saved.
#[test]
fn the_walk_in_welsh_in_a_terminal() {
    let t = Test::new();
    let args = [
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
    ];
    let mut p = crate::util::pty(&t, &args, false, 20_000);
    p.exp_string("Pwy sy'n cymryd rhan?").expect("participants");
    p.send_line("").expect("none");
    p.exp_string("0 o 24 dangosydd wedi'u hateb hyd yma.")
        .expect("where it saves");
    for id in ["WC1", "WC2"] {
        p.exp_string("Cwestiynau i siarad amdanyn nhw:")
            .expect("questions");
        p.exp_string("Sut mae pob lefel yn edrych yma:")
            .expect("levels");
        p.exp_string(&format!("Lefel ar gyfer {id}"))
            .expect("level question");
        p.exp_string("Teipiwch ddewis a gwasgwch Enter:")
            .expect("choice prompt");
        p.send_line("3").expect("level");
        p.exp_string(&format!("Nodiadau tystiolaeth ar gyfer {id} (dewisol)"))
            .expect("evidence question");
        p.send_line("").expect("no evidence");
        p.exp_string(&format!("Ychwanegu cam gweithredu ar gyfer {id}?"))
            .expect("action question");
        p.send_line("n").expect("no action");
    }
    p.exp_string("Lefel ar gyfer WC3").expect("third");
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_string("Wedi'i gadw yn r.yaml. I barhau nes ymlaen:")
        .expect("saved");
    let rest = p.exp_eof().expect("exit");
    assert!(!rest.contains("Saved to"), "{rest}");
    let record = t.read("r.yaml");
    assert!(record.contains("language: cy"), "{record}");
    assert!(record.contains("- indicator: wc2\n  level: 3"), "{record}");
}

/// Every built-in framework is written in Welsh too, so every one can be reported in Welsh:
/// the young people's standards with what young people say under its Welsh heading.
#[test]
fn every_built_in_framework_reports_in_welsh() {
    let answers = "partnership: P\ndate: 2026-11-12\nscored_by: {kind: group, group: young-people}\n\
                   answers:\n  - {indicator: v1, level: 2, extra_note: Neb wedi gofyn i ni.}\n";
    let t = Test::new().file("answers.yaml", answers);
    let out = t.run_args(&[
        "assess",
        "-f",
        "young-people",
        "--language",
        "cy",
        "--answers",
        "answers.yaml",
        "-o",
        "r.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let md = t.run_args(&[
        "report",
        "--language",
        "cy",
        "--format",
        "markdown",
        "r.yaml",
    ]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(md.stdout.contains("## Crynodeb"), "{}", md.stdout);
    assert!(
        md.stdout
            .contains("### Beth mae pobl ifanc yn ei ddweud\n\n- **V1**: Neb wedi gofyn i ni."),
        "{}",
        md.stdout
    );
    for id in ["four-cornerstones", "wales-audit", "young-people", "ladder"] {
        let show = Test::new().args(&["framework", "list"]).run();
        let line = show
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id}\t")))
            .unwrap_or_default()
            .to_string();
        assert!(line.contains("languages: en-GB, cy"), "{line}");
    }
}
