//! Reports in Welsh: every word of coprod's own from the Welsh catalog, pinned by snapshots of
//! the examples in every format.

use crate::util::{Test, year};

/// A new plain walk in Welsh, scored by the whole room, saved to `r.yaml`.
const WELSH_ROOM: [&str; 11] = [
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
    let args = WELSH_ROOM;
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

/// Text as the pseudo-terminal reader sees it: each byte of the UTF-8 as one character.
fn to_pty(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// What the pseudo-terminal reader gave back, as the UTF-8 text coprod wrote.
fn from_pty(read: &str) -> String {
    let bytes: Vec<u8> = read
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Waits for `text` (which may hold any letters) and returns everything written up to and
/// including it.
fn expect(p: &mut rexpect::session::PtySession, text: &str) -> String {
    let before = p
        .exp_string(&to_pty(text))
        .unwrap_or_else(|e| panic!("{text}: {e}"));
    format!("{}{text}", from_pty(&before))
}

/// coprod's own English words that must never show in a walk in Welsh: the set-up questions,
/// their hints and what is said around them.
const SETUP_ENGLISH: &[&str] = &[
    "Partnership",
    "partnership's name",
    "Date of the assessment",
    "Try again",
    "Who is scoring",
    "whole room",
    "stakeholder group",
    "One person",
    "Their name",
    "Parent carers",
    "No group",
    "Save the record",
    "YAML file in this folder",
    "is a folder",
    "already holds a record",
    "choose another",
    "does not exist",
    "indicators",
    "version",
    "Scoring",
];

/// The set-up of a new record in Welsh, in a pseudo-terminal, in plain mode: every question,
/// hint, choice and answer to a slip is Welsh, from the framework's title to the first indicator,
/// and the scorer is named in Welsh at the start of the walk.
#[test]
fn setting_up_a_record_in_welsh_asks_every_question_in_welsh() {
    let t = Test::new()
        .file("sub/keep.txt", "")
        .file("old.yaml", "not a record\n");
    let args = ["assess", "--plain", "--language", "cy"];
    let mut p = crate::util::pty(&t, &args, false, 20_000);
    let mut seen = String::new();
    let mut expect = |p: &mut rexpect::session::PtySession, text: &str| {
        seen.push_str(&expect(p, text));
    };
    expect(
        &mut p,
        "coprod assess: Pedair Conglfaen cyd-gynhyrchu (fersiwn 1.1), 24 dangosydd.",
    );
    expect(&mut p, "Y bartneriaeth sy'n gwneud yr asesiad hwn");
    expect(&mut p, "Enw'r bartneriaeth: ");
    p.send_line("").expect("no name");
    expect(&mut p, "Rhowch enw'r bartneriaeth, os gwelwch yn dda.");
    expect(&mut p, "Enw'r bartneriaeth: ");
    p.send_line("Partneriaeth Prawf").expect("a name");
    expect(&mut p, "Dyddiad yr asesiad (BBBB-MM-DD) [");
    p.send_line("2026-02-30").expect("not a real date");
    expect(&mut p, "nid yw `2026-02-30` yn ddyddiad go iawn");
    expect(&mut p, "Rhowch gynnig arall, e.e. 2026-11-12.");
    p.send_line("2026-11-12").expect("a date");
    expect(&mut p, "Pwy sy'n sgorio?");
    expect(&mut p, "Yr ystafell gyfan, yn cytuno ar un sgôr");
    expect(&mut p, "Un grŵp rhanddeiliaid");
    expect(&mut p, "Teipiwch ddewis a gwasgwch Enter:");
    p.send_line("p").expect("one person");
    expect(&mut p, "Eu henw: ");
    p.send_line("Siân").expect("a name");
    expect(&mut p, "Pa grŵp rhanddeiliaid?");
    expect(&mut p, "Rhieni-ofalwyr");
    expect(&mut p, "Sector gwirfoddol");
    expect(&mut p, "Dim grŵp");
    expect(&mut p, "Teipiwch ddewis a gwasgwch Enter:");
    p.send_line("1").expect("parent carers");
    expect(&mut p, "Ffeil YAML yn y ffolder hwn");
    expect(
        &mut p,
        "Cadw'r cofnod fel [partneriaeth-prawf-2026-11-12-sian.yaml]: ",
    );
    p.send_line("sub").expect("a folder");
    expect(
        &mut p,
        "Ffolder yw sub. Rhowch enw ffeil, os gwelwch yn dda.",
    );
    expect(&mut p, "Cadw'r cofnod fel");
    p.send_line("old.yaml").expect("a file that is there");
    expect(
        &mut p,
        "Mae cofnod yn old.yaml yn barod. Parhau ag ef yn lle dechrau eto?",
    );
    p.send_line("n").expect("no");
    expect(&mut p, "Felly dewiswch enw ffeil arall");
    expect(&mut p, "Cadw'r cofnod fel");
    p.send_line("nowhere/r.yaml").expect("no such folder");
    expect(
        &mut p,
        "Nid yw'r ffolder ar gyfer nowhere/r.yaml yn bodoli.",
    );
    expect(&mut p, "Cadw'r cofnod fel");
    p.send_line("r.yaml").expect("a new file");
    expect(&mut p, "Pwy sy'n cymryd rhan?");
    p.send_line("").expect("no one");
    expect(
        &mut p,
        "Pedair Conglfaen cyd-gynhyrchu, Partneriaeth Prawf, 2026-11-12, Siân (Rhieni-ofalwyr)",
    );
    expect(&mut p, "Lefel ar gyfer WC1");
    expect(&mut p, "Teipiwch ddewis");
    for english in SETUP_ENGLISH {
        assert!(!seen.contains(english), "“{english}” in:\n{seen}");
    }
    p.send_line("q").expect("quit");
    p.exp_string("Wedi'i gadw yn r.yaml.").expect("saved");
    p.exp_eof().expect("exit");
    let record = t.read("r.yaml");
    assert!(
        record.contains("partnership: Partneriaeth Prawf"),
        "{record}"
    );
    assert!(record.contains("name: Siân"), "{record}");
    assert!(record.contains("group: parent-carers"), "{record}");
}

/// Resuming in Welsh with flags that correct the record: each change is said in Welsh, with the
/// scorers named in Welsh.
#[test]
fn corrections_on_resume_are_said_in_welsh() {
    let t = Test::new();
    let new = WELSH_ROOM;
    let mut p = crate::util::pty(&t, &new, false, 20_000);
    p.exp_string("Pwy sy'n cymryd rhan?").expect("participants");
    p.send_line("").expect("none");
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");

    let again = [
        "assess",
        "--plain",
        "--resume",
        "r.yaml",
        "--partnership",
        "Partneriaeth Prawf",
        "--date",
        "2026-11-13",
        "--group",
        "health",
    ];
    let mut p = crate::util::pty(&t, &again, false, 20_000);
    let said = expect(&mut p, "Lefel ar gyfer WC1");
    assert!(
        said.contains("Newidiwyd y bartneriaeth o “P” i “Partneriaeth Prawf”."),
        "{said}"
    );
    assert!(
        said.contains("Newidiwyd y dyddiad o 2026-11-12 i 2026-11-13."),
        "{said}"
    );
    assert!(
        said.contains("Newidiwyd y sgoriwr o Yr ystafell gyfan i Iechyd."),
        "{said}"
    );
    assert!(said.contains(", 2026-11-13, Iechyd\r\n"), "{said}");
    for english in ["changed", "Whole room", "Health", "Scorer"] {
        assert!(!said.contains(english), "“{english}” in:\n{said}");
    }
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");

    // A workshop cannot become one scorer: that is said in Welsh too.
    let workshop = [
        "assess",
        "--plain",
        "--resume",
        "r.yaml",
        "--groups",
        "health,education",
    ];
    let mut p = crate::util::pty(&t, &workshop, false, 20_000);
    let said = expect(&mut p, "Lefel ar gyfer WC1");
    assert!(
        said.contains(
            "Cadwyd y sgoriwr fel Iechyd: ni all cofnod newid rhwng gweithdy ac un sgoriwr"
        ),
        "{said}"
    );
    p.exp_string("Teipiwch ddewis").expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
}

/// A record filled from an answers file in Welsh says what it saved in Welsh, and its refusals
/// are Welsh.
#[test]
fn answers_files_in_welsh_say_what_was_saved_in_welsh() {
    let answers = "answers:\n  - {indicator: wc1, level: 3}\n";
    let t = Test::new().file("answers.yaml", answers);
    let base = ["assess", "--language", "cy", "--answers", "answers.yaml"];
    let mut args = base.to_vec();
    args.extend(["-o", "r.yaml"]);
    let out = t.run_args(&args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("nid yw answers.yaml yn enwi'r bartneriaeth"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("awgrym: rhowch --partnership NAME"),
        "{}",
        out.stderr
    );
    args.extend(["--partnership", "P"]);
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr.trim(),
        "Wedi cadw r.yaml: 1 o 24 dangosydd wedi'u hateb."
    );
    let out = t.run_args(&args);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("mae r.yaml yn bodoli'n barod"),
        "{}",
        out.stderr
    );
    let none = Test::new().file("answers.yaml", "answers: []\n");
    let out = none.run_args(&[
        "assess",
        "--language",
        "cy",
        "--answers",
        "answers.yaml",
        "--partnership",
        "P",
    ]);
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("does dim atebion yn y ffeil atebion"),
        "{}",
        out.stderr
    );
    let dash = Test::new().run_args(&["assess", "--language", "cy", "-o", "-"]);
    assert_eq!(dash.code, 2, "{}", dash.stderr);
    assert!(
        dash.stderr
            .contains("mae asesiad yn cadw ei gofnod ar ôl pob ateb"),
        "{}",
        dash.stderr
    );
}

/// Phones voting with the plain prompts in Welsh (`--plain --vote --language cy`): the address
/// and the code, the prompt, the count, a phone put out, a new code, closing with the Welsh
/// `cau`, the cards, the reveal and the question about the phones' earlier votes are all Welsh.
#[test]
fn phones_vote_with_the_plain_prompts_in_welsh() {
    use crate::phones::Phone;
    let t = Test::new();
    let args = [
        &WELSH_ROOM[..],
        &["--vote", "--vote-address", "127.0.0.1:0"],
    ]
    .concat();
    let mut p = crate::util::pty(&t, &args, false, 20_000);
    let mut seen = String::new();
    let mut expect = |p: &mut rexpect::session::PtySession, text: &str| {
        let said = expect(p, text);
        seen.push_str(&said);
        said
    };
    expect(&mut p, "Pwy sy'n cymryd rhan?");
    p.send_line("").expect("none");
    expect(&mut p, "Lefel ar gyfer WC1");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("v").expect("vote");
    let (_, said) = p
        .exp_regex(
            r"Cyfeiriad: http://127\.0\.0\.1:[0-9]+\. Cod ymuno: [A-Z0-9]{5} \(wedi'i sillafu( [A-Z0-9]){5}\)",
        )
        .expect("the address and the code, in Welsh");
    let port: u16 = said
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('.').next())
        .and_then(|n| n.parse().ok())
        .expect("a port");
    expect(
        &mut p,
        "Ffonau'n pleidleisio: Enter i weld faint sydd wedi pleidleisio, cau (neu done) i gau'r bleidlais",
    );
    // A new code first: the phones then join with it.
    p.send_line("c").expect("new code");
    let (_, said) = p
        .exp_regex(r"Cod ymuno newydd [A-Z0-9]{5}")
        .expect("the new code");
    let code: String = said
        .chars()
        .rev()
        .take(5)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    expect(&mut p, "mae pob ffôn allan");
    let phones: Vec<Phone> = (0..3)
        .map(|_| Phone::join(port, &code, "").expect("join"))
        .collect();
    for (phone, choice) in phones.iter().zip(["2", "na", "dk"]) {
        assert_eq!(phone.vote(choice), 200);
    }
    p.send_line("").expect("how many");
    expect(
        &mut p,
        "3 wedi pleidleisio, o'r 3 ffôn sydd wedi ymuno. Teipiwch cau",
    );
    p.send_line("beth").expect("not a command");
    expect(&mut p, "Gwasgwch Enter i weld faint sydd wedi pleidleisio");
    p.send_line("p").expect("no number");
    expect(
        &mut p,
        "Teipiwch p a'r rhif sydd ar dudalen y ffôn, fel p 7.",
    );
    p.send_line("p 9").expect("no such phone");
    expect(&mut p, "Does dim ffôn 9 yn y bleidlais");
    p.send_line("p 3").expect("put out");
    expect(&mut p, "Mae ffôn 3 allan");
    p.send_line("cau").expect("close, in Welsh");
    expect(
        &mut p,
        "Mae pleidlais y ffonau ar WC1 wedi cau: 2 wedi'u cyfrif o'r ffonau. Nawr y cardiau, i bobl heb ffôn.",
    );
    expect(
        &mut p,
        "Pleidlais ar WC1: teipiwch faint o bobl a ddewisodd bob lefel",
    );
    expect(&mut p, "Faint ddewisodd 1 Ddim eto");
    p.send_line("llawer").expect("not a number");
    expect(&mut p, "Teipiwch nifer o bobl, fel 3 (0 am ddim).");
    p.send_line("1").expect("one card");
    for _ in 0..4 {
        expect(&mut p, "Faint ddewisodd");
        p.send_line("").expect("none");
    }
    expect(&mut p, "Faint ddewisodd ddim yn berthnasol");
    p.send_line("").expect("none");
    expect(&mut p, "Faint ddewisodd ddim yn gwybod");
    p.send_line("").expect("none");
    let reveal = expect(
        &mut p,
        "Nawr dewiswch y lefel mae'r ystafell yn cytuno arni.",
    );
    assert!(
        reveal.contains("Wedi cadw'r bleidlais ar WC1: 3 wedi'u cyfrif"),
        "{reveal}"
    );
    assert!(
        reveal.contains("Ffonau, dim grŵp wedi'i roi: 2: 1, ddim yn berthnasol: 1."),
        "{reveal}"
    );
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("3").expect("level");
    expect(&mut p, "Nodiadau tystiolaeth ar gyfer WC1");
    p.send_line("").expect("no evidence");
    expect(&mut p, "Ychwanegu cam gweithredu");
    p.send_line("n").expect("no action");
    expect(&mut p, "Lefel ar gyfer WC2");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("b").expect("back");
    expect(&mut p, "Lefel ar gyfer WC1");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("v").expect("vote again");
    expect(
        &mut p,
        "Mae 2 bleidlais ffôn ar WC1 yn y cofnod yn barod, o'r bleidlais gynharach arno. Beth nawr?",
    );
    expect(&mut p, "y ffonau'n pleidleisio eto");
    expect(&mut p, "eu cadw ac ychwanegu pleidleisiau'r tro hwn");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("k").expect("keep them");
    expect(&mut p, "Ffonau'n pleidleisio:");
    p.send_line("done").expect("close, in English");
    expect(
        &mut p,
        "Mae pleidlais y ffonau ar WC1 wedi cau: 2 wedi'u cyfrif",
    );
    for _ in 0..7 {
        expect(&mut p, "Faint ddewisodd");
        p.send_line("").expect("as before");
    }
    expect(&mut p, "Nawr dewiswch y lefel");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("coprod stops");
    for english in [
        "Phones",
        "phones",
        "voted",
        "Vote on",
        "How many",
        "counted",
        "Now choose",
        "not applicable",
        "don't know",
        "What now",
        "Address",
        "Join code",
        "spelled",
        "Type ",
    ] {
        assert!(!seen.contains(english), "“{english}” in:\n{seen}");
    }
}

/// The rest of the plain walk in Welsh: a record started from last year's (its partnership and
/// scorer said in Welsh), "you said, we did", the details, an answer that is not one of the
/// choices, several lines of evidence, a yes/no answered otherwise, and changing and deleting
/// an action: every word of coprod's is Welsh.
#[test]
fn the_rest_of_the_plain_walk_in_welsh() {
    let t = Test::new().with_examples();
    let args = [
        "assess",
        "--plain",
        "--language",
        "cy",
        "--from",
        "examples/2026/parent-carers.yaml",
        "--date",
        "2027-11-12",
        "-o",
        "r.yaml",
    ];
    let mut p = crate::util::pty(&t, &args, false, 20_000);
    let mut seen = String::new();
    let mut expect = |p: &mut rexpect::session::PtySession, text: &str| {
        seen.push_str(&expect(p, text));
    };
    expect(
        &mut p,
        "Partneriaeth: Hafren Vale SEND Partnership (o'r cofnod cynharach; mae --partnership yn ei newid)",
    );
    expect(
        &mut p,
        "Yn sgorio: Rhieni-ofalwyr (fel yn y cofnod cynharach; mae --room, --group, --person neu --groups yn ei newid)",
    );
    expect(&mut p, "Pwy sy'n cymryd rhan?");
    p.send_line("").expect("no one");
    expect(
        &mut p,
        "Dywedoch chi, gwnaethon ni: cytunwyd ar 6 cham gweithredu ar 2026-",
    );
    expect(&mut p, "Cam gweithredu 1 o 6, WC3, ");
    expect(&mut p, "perchennog: Forum Chair");
    expect(&mut p, "Y tro diwethaf: Wedi'i wreiddio");
    expect(&mut p, "Statws nawr");
    expect(&mut p, "Heb ddechrau");
    expect(&mut p, "Ar y gweill");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("tri").expect("a number word");
    expect(
        &mut p,
        "Nid yw “tri” yn un o'r dewisiadau. I ddewis 3, teipiwch y rhif 3. Teipiwch un o: 1, 2, 3, 4, 5.",
    );
    p.send_line("3").expect("done");
    expect(&mut p, "Nodyn am y cynnydd (dewisol)");
    p.send_line("").expect("no note");
    for n in 2..=6 {
        expect(&mut p, &format!("Cam gweithredu {n} o 6"));
        expect(&mut p, "Teipiwch ddewis");
        p.send_line("esc").expect("keep it");
        expect(&mut p, "Wedi'i gadw fel yr oedd.");
    }

    // The details, line by line.
    expect(&mut p, "Lefel ar gyfer WC1");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("i").expect("details");
    expect(&mut p, "Partneriaeth [Hafren Vale SEND Partnership]: ");
    p.send_line("Partneriaeth Prawf").expect("a new name");
    expect(&mut p, "Dyddiad yr asesiad (BBBB-MM-DD) [2027-11-12]: ");
    p.send_line("2027-02-30").expect("not a date");
    expect(&mut p, "Teipiwch ef fel 2026-11-12.");
    p.send_line("").expect("keep the date");
    expect(
        &mut p,
        "Pwy sy'n cymryd rhan (enwau rhwng comas, - am neb) [-]: ",
    );
    p.send_line("Siân, Dev").expect("two people");
    expect(
        &mut p,
        "Wedi cadw: y bartneriaeth bellach yw “Partneriaeth Prawf”; mae 2 o bobl wedi'u henwi'n cymryd rhan.",
    );
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("i").expect("details again");
    expect(&mut p, "Partneriaeth [Partneriaeth Prawf]: ");
    p.send_line("").expect("keep");
    expect(&mut p, "Dyddiad yr asesiad");
    p.send_line("").expect("keep");
    expect(&mut p, "Pwy sy'n cymryd rhan");
    p.send_line("").expect("keep");
    expect(&mut p, "Ni newidiodd dim yn y manylion.");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("i").expect("details again");
    expect(&mut p, "Partneriaeth [");
    p.send_line("esc").expect("leave");
    expect(&mut p, "Gadawyd y manylion fel yr oedden nhw.");

    // A level, evidence on several lines, and an action.
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("a").expect("actions");
    expect(
        &mut p,
        "Does gan WC1 ddim camau gweithredu eto; mae rhai newydd yn cael eu hychwanegu ar ôl ei lefel.",
    );
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("3").expect("a level");
    expect(&mut p, "Nodiadau tystiolaeth ar gyfer WC1 (dewisol)");
    p.send_line("/edit").expect("several lines");
    expect(
        &mut p,
        "Nodiadau tystiolaeth ar gyfer WC1: teipiwch neu gludwch y testun, yna llinell gyda dim ond . ynddi i orffen.",
    );
    p.send_line("Llinell gyntaf").expect("a line");
    p.send_line("Ail linell").expect("a line");
    p.send_line(".").expect("the end");
    expect(&mut p, "Ychwanegu cam gweithredu ar gyfer WC1?");
    p.send_line("efallai").expect("neither yes nor no");
    expect(&mut p, "Teipiwch y am ie neu n am na.");
    p.send_line("ie").expect("yes, in Welsh");
    expect(&mut p, "Beth fydd yn cael ei wneud?");
    p.send_line("Ysgrifennu at deuluoedd").expect("what");
    expect(&mut p, "Pwy sy'n berchen arno?");
    p.send_line("").expect("no owner");
    expect(&mut p, "Dyddiad erbyn");
    p.send_line("").expect("no date");
    expect(&mut p, "Cam gweithredu wedi'i gadw.");
    expect(&mut p, "Ychwanegu cam gweithredu arall ar gyfer WC1?");
    p.send_line("na").expect("no, in Welsh");
    expect(&mut p, "Lefel ar gyfer WC2");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("b").expect("back");
    expect(&mut p, "Lefel ar gyfer WC1");
    expect(&mut p, "Teipiwch ddewis");

    // Changing the action: its status, then deleting it.
    p.send_line("a").expect("actions");
    expect(&mut p, "Pa gam gweithredu?");
    expect(&mut p, "Ysgrifennu at deuluoedd (Heb ddechrau)");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("1").expect("the action");
    expect(&mut p, "Beth i'w wneud ag ef?");
    expect(&mut p, "Newid ble mae wedi cyrraedd (ei statws)");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("2").expect("its status");
    expect(&mut p, "Statws nawr");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("3").expect("done");
    expect(&mut p, "Nodyn am y cynnydd (dewisol)");
    p.send_line("").expect("no note");
    expect(
        &mut p,
        "Wedi cadw: statws y cam gweithredu nawr yw wedi'i wneud.",
    );
    expect(
        &mut p,
        "Newid neu ddileu un arall o'r 1 cam gweithredu ar gyfer WC1?",
    );
    p.send_line("y").expect("yes");
    expect(&mut p, "Pa gam gweithredu?");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("1").expect("the action");
    expect(&mut p, "Beth i'w wneud ag ef?");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("3").expect("delete it");
    expect(&mut p, "Dileu'r cam gweithredu “Ysgrifennu at deuluoedd”?");
    p.send_line("n").expect("no");
    expect(&mut p, "Heb ei ddileu.");
    expect(&mut p, "Newid neu ddileu un arall");
    p.send_line("n").expect("no more");
    expect(&mut p, "Teipiwch ddewis");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    for english in [
        "Partnership name",
        "Partnership [",
        "from the earlier",
        "Scoring",
        "Parent carers",
        "You said",
        "Action 1",
        "owner:",
        "Last time",
        "Status now",
        "Not started",
        "In progress",
        "Embedded",
        "Kept as it was",
        "note on progress",
        "Date of",
        "Type it like",
        "Who is taking part",
        "Saved",
        "Nothing in the details",
        "Details left",
        "has no actions",
        "not one of the choices",
        "To choose",
        "Type one of",
        "type or paste",
        "Please type",
        "Which action",
        "What to do",
        "Change where",
        "Delete the action",
        "Not deleted",
        "Change or delete",
    ] {
        assert!(!seen.contains(english), "“{english}” in:\n{seen}");
    }
    let record = t.read("r.yaml");
    assert!(
        record.contains("partnership: Partneriaeth Prawf"),
        "{record}"
    );
    assert!(record.contains("Llinell gyntaf\n"), "{record}");
    assert!(record.contains("what: Ysgrifennu at deuluoedd"), "{record}");
    assert!(record.contains("status: done"), "{record}");
}

/// Without `--plain` the set-up questions come before the full screen, asked with arrow keys:
/// in Welsh, their hints and the keys' help are Welsh too.
#[test]
fn setting_up_before_the_full_screen_in_welsh() {
    let t = Test::new();
    let mut p = crate::util::pty(&t, &["assess", "--language", "cy"], false, 20_000);
    let keys = |p: &mut rexpect::session::PtySession, text: &str| {
        std::thread::sleep(std::time::Duration::from_millis(60));
        p.send(text).expect("keys");
        p.flush().expect("flush");
    };
    let mut seen = String::new();
    seen.push_str(&expect(&mut p, "Enw'r bartneriaeth"));
    seen.push_str(&expect(&mut p, "Y bartneriaeth sy'n gwneud yr asesiad hwn"));
    keys(&mut p, "Partneriaeth Prawf\r");
    seen.push_str(&expect(&mut p, "Dyddiad yr asesiad (BBBB-MM-DD)"));
    keys(&mut p, "\r");
    seen.push_str(&expect(&mut p, "Pwy sy'n sgorio?"));
    seen.push_str(&expect(&mut p, "Esc yn ôl · Ctrl-C cadw a stopio"));
    keys(&mut p, "\r");
    seen.push_str(&expect(&mut p, "Cadw'r cofnod fel"));
    keys(&mut p, "\r");
    seen.push_str(&expect(&mut p, "Pwy sy'n cymryd rhan?"));
    keys(&mut p, "\r");
    p.exp_string("\u{1b}[?1049h")
        .expect("the full screen starts");
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    for english in [
        "Partnership name",
        "Date of",
        "Who is scoring",
        "move",
        "choose",
        "filter",
        "save and stop",
        "Save the record",
    ] {
        assert!(!seen.contains(english), "“{english}” in:\n{seen}");
    }
}
