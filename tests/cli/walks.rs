//! Every built-in framework and edition walked end to end in a pseudo-terminal, in each language
//! it is written in: the record written keeps every level, the extra note where the framework
//! asks for one, and the language and edition it was scored in. A walk in Welsh says nothing of
//! coprod's own in English.

use std::time::{Duration, Instant};

use rexpect::session::PtySession;

use crate::util::{Test, pty};

const TIMEOUT_MS: u64 = 20_000;

/// The questions of the plain walk in one language.
struct Words {
    participants: &'static str,
    level_for: &'static str,
    choose: &'static str,
    evidence_for: &'static str,
    add_action: &'static str,
    done: &'static str,
    saved: &'static str,
    /// The young people's standards' extra question, in this language.
    young_people_say: &'static str,
}

const ENGLISH: Words = Words {
    participants: "Who is taking part?",
    level_for: "Level for",
    choose: "Type a choice and press Enter:",
    evidence_for: "Evidence notes for",
    add_action: "Add an action for",
    done: "Done. Summary",
    saved: "Saved to r.yaml.",
    young_people_say: "What do young people say about this? \
                       Write their words down as they said them.",
};

const WELSH: Words = Words {
    participants: "Pwy sy'n cymryd rhan?",
    level_for: "Lefel ar gyfer",
    choose: "Teipiwch ddewis a gwasgwch Enter:",
    evidence_for: "Nodiadau tystiolaeth ar gyfer",
    add_action: "Ychwanegu cam gweithredu ar gyfer",
    done: "Wedi gorffen. Crynodeb",
    saved: "Wedi'i gadw yn r.yaml.",
    young_people_say: "Beth mae pobl ifanc yn ei ddweud am hyn? \
                       Ysgrifennwch eu geiriau yn union fel y dywedon nhw.",
};

/// What coprod says in English during a plain walk; none of it may appear in a Welsh walk.
const ENGLISH_OF_THE_WALK: &[&str] = &[
    "Who is taking part",
    "Saving to",
    "indicators answered so far",
    "Questions to talk about",
    "What each level looks like",
    "Level for",
    "Type a choice",
    "Not applicable here",
    "Skip for now",
    "Save and quit",
    "Evidence notes",
    "optional",
    "Add an action",
    "Done. Summary",
    "answered",
    "Saved to",
    "Next:",
];

/// The indicator ids of a built-in framework or edition, in order (from `framework show`,
/// whose ids do not depend on the language).
fn ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["framework", "show"];
    // `assess -f ID` is `framework show ID`.
    all.extend(args.iter().copied().filter(|a| *a != "-f"));
    let out = Test::new().args(&all).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .filter(|l| {
            l.starts_with("  ")
                && l.split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w.starts_with('('))
        })
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_lowercase)
        .collect()
}

/// The level given to the `n`th indicator of a framework whose scale runs from 1 to `top`.
fn level(n: usize, top: usize) -> String {
    (n % top + 1).to_string()
}

/// One built-in framework or edition to walk: its arguments, how many indicators, the top of its
/// scale, and whether it asks for the young people's extra note.
struct Walk {
    args: &'static [&'static str],
    count: usize,
    top: usize,
    extra_note: bool,
}

const WALKS: &[Walk] = &[
    Walk {
        args: &[],
        count: 24,
        top: 5,
        extra_note: false,
    },
    Walk {
        args: &["--edition", "easy-read"],
        count: 24,
        top: 5,
        extra_note: false,
    },
    Walk {
        args: &["-f", "wales-audit"],
        count: 15,
        top: 5,
        extra_note: false,
    },
    Walk {
        args: &["-f", "young-people"],
        count: 14,
        top: 4,
        extra_note: true,
    },
    Walk {
        args: &["-f", "ladder"],
        count: 8,
        top: 7,
        extra_note: false,
    },
];

/// Walks one framework in plain mode through a pseudo-terminal, every indicator a level (and
/// the extra note where there is one); returns everything the walk wrote and the record.
fn plain_walk(walk: &Walk, language: Option<&str>) -> (String, String) {
    let words = if language == Some("cy") {
        &WELSH
    } else {
        &ENGLISH
    };
    let t = Test::new();
    let mut args = vec![
        "assess",
        "--plain",
        "--partnership",
        "P",
        "--date",
        "2026-11-12",
        "--room",
        "-o",
        "r.yaml",
    ];
    args.extend_from_slice(walk.args);
    if let Some(tag) = language {
        args.extend(["--language", tag]);
    }
    let ids = ids(walk.args);
    assert_eq!(ids.len(), walk.count, "{:?}", walk.args);
    let mut said = String::new();
    let mut p = pty(&t, &args, false, TIMEOUT_MS);
    said += &p.exp_string(words.participants).expect("participants");
    p.send_line("").expect("none");
    for (n, id) in ids.iter().enumerate() {
        let upper = id.to_uppercase();
        said += &p
            .exp_string(&format!("{} {upper}", words.level_for))
            .expect("level question");
        said += &p.exp_string(words.choose).expect("choice prompt");
        p.send_line(&level(n, walk.top)).expect("send level");
        said += &p
            .exp_string(&format!("{} {upper}", words.evidence_for))
            .expect("evidence question");
        p.send_line("").expect("no evidence");
        if walk.extra_note {
            said += &p
                .exp_string(&format!("{} ({upper}", words.young_people_say))
                .expect("extra note question");
            p.send_line(&format!("Said about {upper}")).expect("note");
        }
        said += &p
            .exp_string(&format!("{} {upper}?", words.add_action))
            .expect("action question");
        p.send_line("n").expect("no action");
    }
    said += &p.exp_string(words.done).expect("the end of the walk");
    said += &p.exp_string(words.saved).expect("saved");
    said += &p.exp_eof().expect("exit");
    (said, t.read("r.yaml"))
}

/// The record has every indicator's level, the extra notes, and the language and edition.
fn assert_record(walk: &Walk, record: &str, language: &str) {
    let ids = ids(walk.args);
    for (n, id) in ids.iter().enumerate() {
        let line = format!("- indicator: {id}\n  level: {}\n", level(n, walk.top));
        assert!(record.contains(&line), "{:?} {id}: {record}", walk.args);
        if walk.extra_note {
            let note = format!("extra_note: Said about {}", id.to_uppercase());
            assert!(record.contains(&note), "{id}: {record}");
        }
    }
    if !walk.extra_note {
        assert!(!record.contains("extra_note"), "{record}");
    }
    assert!(
        record.contains(&format!("  language: {language}\n")),
        "{record}"
    );
    let id = walk
        .args
        .iter()
        .position(|a| *a == "-f")
        .map_or("four-cornerstones", |i| walk.args[i + 1]);
    assert!(record.contains(&format!("  id: {id}\n")), "{record}");
    let easy = walk.args.contains(&"easy-read");
    assert_eq!(record.contains("  edition: easy-read\n"), easy, "{record}");
}

#[test]
fn the_standard_four_cornerstones_is_walked_in_english_in_plain_mode() {
    let walk = &WALKS[0];
    let (_, record) = plain_walk(walk, None);
    assert_record(walk, &record, "en-GB");
}

#[test]
fn every_built_in_and_edition_is_walked_in_welsh_with_no_english_of_coprods() {
    // Every built-in is written in Welsh (checked against `framework list`).
    let list = Test::new().args(&["framework", "list"]).run();
    for id in ["four-cornerstones", "wales-audit", "young-people", "ladder"] {
        let line = list
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id}\t")))
            .unwrap_or_default();
        assert!(line.contains("cy"), "{id}: {line}");
    }
    for walk in WALKS {
        let (said, record) = plain_walk(walk, Some("cy"));
        assert_record(walk, &record, "cy");
        for english in ENGLISH_OF_THE_WALK {
            assert!(
                !said.contains(english),
                "{:?}: the Welsh walk says {english:?}:\n{said}",
                walk.args
            );
        }
    }
}

#[test]
fn resuming_a_welsh_easy_read_record_carries_on_in_welsh_and_easy_read() {
    let t = Test::new();
    let args = [
        "assess",
        "--plain",
        "--edition",
        "easy-read",
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
    let mut p = pty(&t, &args, false, TIMEOUT_MS);
    p.exp_string(WELSH.participants).expect("participants");
    p.send_line("").expect("none");
    p.exp_string("Lefel ar gyfer WC1").expect("first");
    p.exp_string(WELSH.choose).expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    // No --language, no --edition: the record says which.
    let mut p = pty(
        &t,
        &["assess", "--plain", "--resume", "r.yaml"],
        false,
        TIMEOUT_MS,
    );
    let before = p.exp_string("Lefel ar gyfer WC1").expect("Welsh again");
    assert!(!before.contains("Level for"), "{before}");
    p.exp_string(WELSH.choose).expect("choice prompt");
    p.send_line("q").expect("quit");
    p.exp_eof().expect("exit");
    let record = t.read("r.yaml");
    assert!(record.contains("  language: cy\n"), "{record}");
    assert!(record.contains("  edition: easy-read\n"), "{record}");
}

// The full-screen workshop view, once for each shape of framework (the Four Cornerstones' own
// full walk is in `screen.rs`): keys alone, the record checked as it is saved.

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

/// Walks one framework on the full screen by pressing each indicator's level key, then `q` on
/// the overview; returns the record.
fn full_screen_walk(walk: &Walk, language: Option<&str>) -> String {
    let t = Test::new();
    let mut args = vec![
        "assess",
        "--partnership",
        "P",
        "--date",
        "2026-11-12",
        "--room",
        "-o",
        "r.yaml",
    ];
    args.extend_from_slice(walk.args);
    if let Some(tag) = language {
        args.extend(["--language", tag]);
    }
    let mut p = pty(&t, &args, false, TIMEOUT_MS);
    // Who takes part is asked before the screen starts, in the walk's language.
    let question = if language == Some("cy") {
        WELSH.participants
    } else {
        ENGLISH.participants
    };
    p.exp_string(question).expect("participants");
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "\r");
    p.exp_string("\u{1b}[?1049h")
        .expect("the full screen starts");
    let ids = ids(walk.args);
    for (n, id) in ids.iter().enumerate() {
        let level = level(n, walk.top);
        keys(&mut p, &level);
        let line = format!("- indicator: {id}\n  level: {level}\n");
        record_when(&t, id, |r| r.contains(&line));
    }
    keys(&mut p, "q");
    p.exp_eof().expect("exit");
    t.read("r.yaml")
}

#[test]
fn the_wales_audit_is_walked_on_the_full_screen() {
    let walk = &WALKS[2];
    let record = full_screen_walk(walk, None);
    assert_record(walk, &record, "en-GB");
}

#[test]
fn the_young_peoples_standards_are_walked_on_the_full_screen_on_four_tiers() {
    // The full screen asks for levels, evidence and actions; what young people say is asked
    // by the plain walk (above) and answers files, so here the record has levels only.
    let walk = Walk {
        extra_note: false,
        ..WALKS[3]
    };
    let record = full_screen_walk(&walk, None);
    assert_record(&walk, &record, "en-GB");
    // A key past the top tier chooses nothing: every level is 1 to 4.
    assert!(!record.contains("level: 5"), "{record}");
}

#[test]
fn the_ladder_is_walked_on_the_full_screen_in_welsh_on_seven_rungs() {
    let walk = &WALKS[4];
    let record = full_screen_walk(walk, Some("cy"));
    assert_record(walk, &record, "cy");
    assert!(record.contains("level: 7"), "{record}");
}

#[test]
fn the_easy_read_edition_is_walked_on_the_full_screen_in_welsh() {
    let walk = &WALKS[1];
    let record = full_screen_walk(walk, Some("cy"));
    assert_record(walk, &record, "cy");
}
