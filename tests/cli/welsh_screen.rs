//! The full-screen workshop view in Welsh, end to end: the real binary in a pseudo-terminal of a
//! projector's size (120x40), `coprod assess --language cy` through its set-up and every
//! indicator of the young people's standards, every screen read whole (rebuilt from what coprod
//! writes) and checked: coprod's own words on it are Welsh, and none of its English ones is.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use rexpect::session::PtySession;

use crate::phones::Term;
use crate::util::{Test, exit_code};

const TIMEOUT_MS: u64 = 20_000;

/// Starts coprod on a projector-sized pseudo-terminal.
fn pty(t: &Test, args: &[&str]) -> PtySession {
    crate::util::projector_pty(t, args, TIMEOUT_MS)
}

fn keys(p: &mut PtySession, text: &str) {
    p.send(text).expect("send keys");
    p.flush().expect("flush keys");
}

/// Esc alone, then a pause: a key sent right after it would be read with it as Alt and that key.
fn esc(p: &mut PtySession) {
    keys(p, "\u{1b}");
    std::thread::sleep(Duration::from_millis(150));
}

/// Words of coprod's English catalog that its Welsh catalog does not use.
fn english_only() -> BTreeSet<String> {
    use coprod::catalog::{CATALOGS, words_of};
    let english = words_of(CATALOGS[0].1);
    let welsh = words_of(CATALOGS[1].1);
    english.difference(&welsh).cloned().collect()
}

/// Checks a screen: none of coprod's English words, and none of the English screen's phrases
/// (coprod's own commands, shown as they are typed, left out).
fn welsh_only(screen: &str, english: &BTreeSet<String>) {
    let words: String = screen
        .lines()
        .filter(|l| !l.contains("coprod "))
        .map(|l| format!("{l}\n"))
        .collect();
    let found: Vec<String> = coprod::catalog::plain_words(&words)
        .into_iter()
        .filter(|w| english.contains(w))
        .collect();
    assert!(found.is_empty(), "English words {found:?} on:\n{screen}");
    for phrase in [
        "Indicator ",
        " answered",
        "save & quit",
        "Questions and levels",
        "── Answer",
        "Evidence:",
        "Actions:",
        "none yet",
        "in session",
        "Keys",
        "more",
    ] {
        assert!(!screen.contains(phrase), "{phrase:?} on:\n{screen}");
    }
}

/// Waits until the screen shows `want` and has stopped changing (a frame is written in pieces,
/// so the words asked for can be on it before the rest of the frame); the screen then.
fn settled(term: &mut Term, p: &mut PtySession, want: &str) -> String {
    let mut text = term.wait(p, want);
    let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
    loop {
        std::thread::sleep(Duration::from_millis(100));
        term.read(p);
        let now = term.text();
        if now == text || Instant::now() > deadline {
            return now;
        }
        text = now;
    }
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

#[test]
fn a_walk_on_the_full_screen_in_welsh_shows_welsh_on_every_screen() {
    let t = Test::new();
    let english = english_only();
    let mut p = pty(
        &t,
        &[
            "assess",
            "-f",
            "young-people",
            "--language",
            "cy",
            "--partnership",
            "Partneriaeth Dyffryn Hafren",
            "--date",
            "2026-11-12",
            "--room",
            "-o",
            "r.yaml",
        ],
    );
    // Set-up: who takes part (a question, whatever its words), none named.
    p.exp_regex(r"\p{L}\?").expect("the set-up question");
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "\r");
    let mut term = Term::new();

    // The first indicator: where we are, the guidance, the answer, the keys, the clocks.
    let screen = settled(&mut term, &mut p, "Dangosydd 1 o 14");
    for welsh in [
        "0 o 14 wedi'u hateb",
        "ar hwn",
        "yn y sesiwn",
        "── Cwestiynau a lefelau",
        "Cwestiynau i siarad amdanyn nhw",
        "Sut mae pob lefel yn edrych yma",
        "── Ateb",
        "n ddim yn berthnasol",
        "Tystiolaeth: dim eto (e i ysgrifennu)",
        "Beth mae pobl ifanc yn ei ddweud: dim eto (x i ysgrifennu)",
        "Camau gweithredu: dim eto",
        "q cadw a gadael",
        "x nodyn ychwanegol",
    ] {
        assert!(screen.contains(welsh), "{welsh:?} missing:\n{screen}");
    }
    welsh_only(&screen, &english);

    // The help, and back.
    keys(&mut p, "?");
    // At 120x40 the whole help fits: from the first key to its last words.
    let screen = settled(&mut term, &mut p, "ar y gwaelod.");
    assert!(screen.contains("Bysellau"), "{screen}");
    assert!(
        screen.contains("ysgrifennu'r nodyn “Beth mae pobl ifanc yn ei ddweud”"),
        "{screen}"
    );
    welsh_only(&screen, &english);
    esc(&mut p);
    settled(&mut term, &mut p, "Dangosydd 1 o 14");

    // A key that means nothing says so in Welsh.
    keys(&mut p, "z");
    let screen = settled(
        &mut term,
        &mut p,
        "Does dim ystyr i `z` yma; ni chofnodwyd dim.",
    );
    welsh_only(&screen, &english);

    // What young people say: asked, typed, saved into the record.
    keys(&mut p, "x");
    let screen = settled(
        &mut term,
        &mut p,
        "Beth mae pobl ifanc yn ei ddweud (V1, dewisol)",
    );
    welsh_only(&screen, &english);
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "Does neb yn gofyn i ni");
    settled(&mut term, &mut p, "Does neb yn gofyn i ni");
    esc(&mut p);
    let screen = settled(
        &mut term,
        &mut p,
        "Wedi cadw “Beth mae pobl ifanc yn ei ddweud” ar gyfer V1.",
    );
    welsh_only(&screen, &english);
    record_when(&t, "the extra note", |r| {
        r.contains("extra_note: Does neb yn gofyn i ni")
    });

    // Evidence notes.
    keys(&mut p, "e");
    let screen = settled(&mut term, &mut p, "Nodiadau tystiolaeth ar gyfer V1");
    welsh_only(&screen, &english);
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "Cyfarfod ieuenctid mis Mawrth");
    settled(&mut term, &mut p, "Cyfarfod ieuenctid mis Mawrth");
    esc(&mut p);
    settled(
        &mut term,
        &mut p,
        "Wedi cadw'r nodiadau tystiolaeth ar gyfer V1.",
    );

    // A vote: counts, the summary, then a level agreed.
    keys(&mut p, "v");
    let screen = settled(&mut term, &mut p, "── Pleidlais ar V1");
    welsh_only(&screen, &english);
    keys(&mut p, "2\u{1b}[B\u{1b}[B\u{1b}[B4");
    let screen = settled(
        &mut term,
        &mut p,
        "6 wedi'u cyfrif · gwahaniaeth o 3.0 lefel",
    );
    assert!(screen.contains("SIARADWCH AM HYN"), "{screen}");
    assert!(screen.contains("ddim yn gwybod"), "{screen}");
    welsh_only(&screen, &english);
    keys(&mut p, "\r");
    let screen = settled(
        &mut term,
        &mut p,
        "Wedi cadw'r bleidlais ar V1: 6 wedi'u cyfrif.",
    );
    welsh_only(&screen, &english);
    keys(&mut p, "3");
    let screen = settled(&mut term, &mut p, "Dangosydd 2 o 14");
    assert!(screen.contains("ar gyfer V1"), "{screen}");
    welsh_only(&screen, &english);
    record_when(&t, "V1's level", |r| r.contains("level: 3"));

    // An action on V2.
    keys(&mut p, "a");
    let screen = settled(&mut term, &mut p, "+ Ychwanegu cam gweithredu");
    welsh_only(&screen, &english);
    keys(&mut p, "a");
    let screen = settled(&mut term, &mut p, "Cam gweithredu newydd ar gyfer V2");
    welsh_only(&screen, &english);
    std::thread::sleep(Duration::from_millis(60));
    keys(&mut p, "Gwahodd y fforwm ieuenctid\t\t2027-03-31");
    settled(&mut term, &mut p, "2027-03-31");
    esc(&mut p);
    let screen = settled(&mut term, &mut p, "Wedi cadw'r cam gweithredu ar gyfer V2.");
    welsh_only(&screen, &english);
    esc(&mut p);

    // The details.
    keys(&mut p, "i");
    let screen = settled(&mut term, &mut p, "Manylion yr asesiad hwn");
    assert!(screen.contains("Partneriaeth Dyffryn Hafren"), "{screen}");
    assert!(
        screen.contains("Wedi'i sgorio gan: Yr ystafell gyfan"),
        "{screen}"
    );
    welsh_only(&screen, &english);
    esc(&mut p);
    settled(&mut term, &mut p, "Ni newidiodd dim yn y manylion.");

    // The overview, and back.
    keys(&mut p, "g");
    let screen = settled(&mut term, &mut p, "Trosolwg: 1 o 14 wedi'u hateb.");
    welsh_only(&screen, &english);
    esc(&mut p);
    settled(&mut term, &mut p, "Dangosydd 2 o 14");

    // The rest by level keys: 4, then 1, 2, 3 … on each indicator.
    for n in 2..=14 {
        let level = ["1", "2", "3", "4"][n % 4];
        keys(&mut p, level);
        let want = if n < 14 {
            format!("Dangosydd {} o 14", n + 1)
        } else {
            "Mae pob un o'r 14 dangosydd wedi'u hateb.".to_string()
        };
        let screen = settled(&mut term, &mut p, &want);
        welsh_only(&screen, &english);
    }
    let screen = settled(&mut term, &mut p, "Nesaf: coprod report r.yaml");
    assert!(screen.contains("q cadw a gorffen"), "{screen}");
    welsh_only(&screen, &english);
    keys(&mut p, "q");
    let rest = p.exp_eof().expect("exit");
    assert_eq!(exit_code(&p), 0, "{rest}");
    let record = t.read("r.yaml");
    assert!(record.contains("language: cy"), "{record}");
    assert!(
        record.contains("extra_note: Does neb yn gofyn i ni"),
        "{record}"
    );
    assert!(
        !record.contains("draft"),
        "nothing left half typed:\n{record}"
    );
    assert_eq!(record.matches("level: ").count(), 14, "{record}");
}
