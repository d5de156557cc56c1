//! The workshop screen in Welsh (`coprod assess --language cy`): every screen drawn through
//! ratatui's `TestBackend` and pinned as a snapshot, at 80x24 and, for the tight ones, 60x20.
//! Every screen is also checked for words: each of coprod's own words comes from the Welsh
//! catalog (none missing), and none of coprod's English words is on it.

use std::collections::BTreeSet;

use ratatui::crossterm::event::KeyCode;

use super::state::{Action, Commands, Screen, State, Status};
use super::test_support::{apply, chars, ctrl, drawn, part_way, press, record_of, scorer, state};
use crate::catalog::{CATALOGS, plain_words, words_of};
use crate::diagnostic::unplaced;
use crate::framework::{DEFAULT_ID, Framework, Text};
use crate::record::{Action as Todo, ActionStatus, Choice, Record, ScorerKind};

/// A built-in framework in Welsh.
fn welsh(id: &str) -> Framework {
    Framework::<Text>::built_in_file(id)
        .expect("built in")
        .in_language(Some("cy"))
        .expect("written in Welsh")
}

fn record(f: &Framework) -> Record {
    let mut r = record_of(f, "Partneriaeth ADY Dyffryn Hafren");
    r.framework.language = Some("cy".into());
    r
}

/// Words of coprod's English catalog that its Welsh catalog does not use: none of them may be
/// on a Welsh screen.
fn english_only() -> BTreeSet<String> {
    let english = words_of(CATALOGS[0].1);
    let welsh = words_of(CATALOGS[1].1);
    english.difference(&welsh).cloned().collect()
}

/// The screen as text, one line per row, trailing spaces removed; checked for words first:
/// every message came from the Welsh catalog, and no English word of coprod's is on it.
fn screen(s: &State<'_>, w: u16, h: u16) -> String {
    let out = drawn(s, w, h);
    assert!(
        s.words.missing().is_empty(),
        "messages not in the Welsh catalog: {:?}",
        s.words.missing()
    );
    let english = english_only();
    // coprod's own commands are shown as they are typed.
    let mut words_shown = out.clone();
    for command in [&s.commands.resume, &s.commands.report] {
        if !command.is_empty() {
            words_shown = words_shown.replace(command.as_str(), "");
        }
    }
    let found: Vec<String> = plain_words(&words_shown)
        .into_iter()
        .filter(|w| english.contains(w))
        .collect();
    assert!(found.is_empty(), "English words {found:?} on:\n{out}");
    out
}

/// The status line's words, checked as the screen's are (a status can be longer than a line),
/// and for length: at 60 columns it fits the three lines the status line may take.
fn status(s: &State<'_>) -> String {
    let text = s.status.as_ref().map(Status::text).unwrap_or_default();
    let lines = super::text::wrap(&format!("✓ {text}"), 60, 0, 2);
    assert!(lines.len() <= 3, "too long for 60 columns: {lines:#?}");
    let english = english_only();
    let found: Vec<String> = plain_words(text)
        .into_iter()
        .filter(|w| english.contains(w))
        .collect();
    assert!(found.is_empty(), "English words {found:?} in: {text}");
    assert!(s.words.missing().is_empty(), "{:?}", s.words.missing());
    text.to_string()
}

/// WC2 part-way through a session: a level, evidence and an action, and WC1 answered.
fn ordinary(f: &Framework) -> State<'_> {
    part_way(
        f,
        record(f),
        "Roedd yr ystafell hybrid yn y Ganolfan Gymuned yn gweithio'n dda",
        (
            "Gofyn i deuluoedd pa nosweithiau sy'n gyfleus",
            "Cydlynydd y fforwm",
        ),
    )
}

#[test]
fn the_catalogs_say_the_screen_in_welsh_and_english_alike() {
    // A count takes Welsh plural forms on the screen too.
    let f = welsh(DEFAULT_ID);
    let s = state(&f, record(&f), 0);
    let end = |n: usize| s.tf("screen-end-of", &[("n", n.into())]);
    assert_eq!(end(2), "Diwedd · 2 ddangosydd");
    assert_eq!(end(24), "Diwedd · 24 dangosydd");
    let then = |n: usize| s.tf("screen-actions-then", &[("n", n.into())]);
    assert_eq!(then(3), "Y 3 cham gweithredu a gytunwyd bryd hynny:");
    assert_eq!(then(2), "Y 2 gam gweithredu a gytunwyd bryd hynny:");
    assert!(s.words.missing().is_empty(), "{:?}", s.words.missing());
    // The English framework keeps the English screen.
    let en = Framework::built_in(DEFAULT_ID).expect("built in");
    let s = state(&en, record(&en), 0);
    assert_eq!(
        s.tf("screen-end-of", &[("n", 1usize.into())]),
        "End · 1 indicator"
    );
}

#[test]
fn an_indicator_in_welsh_at_three_sizes() {
    let f = welsh(DEFAULT_ID);
    let mut s = ordinary(&f);
    s.status = Some(Status::Done(s.tf(
        "screen-saved-level",
        &[
            ("words", s.choice_words(Choice::Level(2)).into()),
            ("id", "WC1".into()),
        ],
    )));
    let text = screen(&s, 80, 24);
    assert!(text.contains("Dangosydd 2 o 24"), "{text}");
    assert!(text.contains("cadw a gadael"), "{text}");
    insta::assert_snapshot!("cy_ordinary_80x24", text);
    insta::assert_snapshot!("cy_ordinary_60x20", screen(&s, 60, 20));
    insta::assert_snapshot!("cy_ordinary_120x40", screen(&s, 120, 40));
}

#[test]
fn choosing_skipping_and_keys_that_mean_nothing_say_so_in_welsh() {
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('3')]);
    let said = status(&s);
    assert!(said.starts_with("Wedi'i gadw: 3 "), "{said}");
    assert!(said.ends_with(" ar gyfer WC1"), "{said}");
    press(&mut s, &[KeyCode::Char('s')]);
    assert_eq!(
        status(&s),
        "Wedi neidio dros WC2; mae'n aros heb ei ateb am y tro."
    );
    press(&mut s, &[KeyCode::Char('z')]);
    assert_eq!(status(&s), "Does dim ystyr i `z` yma; ni chofnodwyd dim.");
    press(&mut s, &[KeyCode::Char(' ')]);
    assert_eq!(
        status(&s),
        "Does dim ystyr i Bylchwr yma; ni chofnodwyd dim."
    );
    press(&mut s, &[KeyCode::Char('7')]);
    assert_eq!(
        status(&s),
        "Does dim lefel 7: mae'r lefelau'n mynd o 1 i 5. Ni chofnodwyd dim."
    );
    insta::assert_snapshot!("cy_refused_60x20", screen(&s, 60, 20));
    press(&mut s, &[KeyCode::Char('n')]);
    assert_eq!(
        status(&s),
        "Wedi'i gadw: d/b Ddim yn berthnasol ar gyfer WC3"
    );
    // With --stay the indicator stays, and the status says how to go on.
    s.stay = true;
    press(&mut s, &[KeyCode::Char('4')]);
    assert!(
        status(&s).ends_with(". Mae → yn mynd ymlaen i'r dangosydd nesaf."),
        "{:?}",
        s.status
    );
    let mut first = state(&f, record(&f), 0);
    press(&mut first, &[KeyCode::Left]);
    assert_eq!(
        status(&first),
        "Dyma'r dangosydd cyntaf; does dim un o'i flaen."
    );
}

#[test]
fn the_help_in_welsh_scrolls_when_it_does_not_fit() {
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('?')]);
    assert_eq!(s.screen, Screen::Help { scroll: 0 });
    insta::assert_snapshot!("cy_help_80x24", screen(&s, 80, 24));
    let top = screen(&s, 60, 20);
    assert!(top.contains("Bysellau"), "{top}");
    assert!(top.contains("↓ rhagor"), "there is more below:\n{top}");
    assert!(
        top.contains("↑↓ PgUp PgDn sgrolio"),
        "the keys say how:\n{top}"
    );
    insta::assert_snapshot!("cy_help_60x20", top);
    // Down to the end: the last words of the help show, and it goes no further.
    press(
        &mut s,
        &[KeyCode::PageDown, KeyCode::PageDown, KeyCode::PageDown],
    );
    let bottom = screen(&s, 60, 20);
    assert!(bottom.contains("↑ rhagor"), "{bottom}");
    assert!(!bottom.contains("↓ rhagor"), "{bottom}");
    assert!(bottom.contains("ar y gwaelod."), "{bottom}");
    insta::assert_snapshot!("cy_help_end_60x20", bottom);
    let end = s.help_end.get();
    assert_eq!(
        s.screen,
        Screen::Help { scroll: end },
        "scrolling stops at the end"
    );
    // One line up from the end shows at once (no scrolling past the end to come back from).
    press(&mut s, &[KeyCode::Up]);
    assert_eq!(s.screen, Screen::Help { scroll: end - 1 });
    press(&mut s, &[KeyCode::Home]);
    assert_eq!(s.screen, Screen::Help { scroll: 0 });
    press(&mut s, &[KeyCode::Esc]);
    assert_eq!(s.screen, Screen::Indicator);
}

#[test]
fn every_key_of_the_english_help_is_on_the_welsh_help_and_the_help_never_cuts_words() {
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('?')]);
    // Read whole, scrolling down a line at a time: every key is there, every word whole.
    let mut seen = String::new();
    for _ in 0..60 {
        let text = screen(&s, 60, 20);
        seen.push_str(&text);
        press(&mut s, &[KeyCode::Down]);
    }
    assert!(!seen.contains('…'), "{seen}");
    for key in [
        "digidau",
        "n ",
        "s ",
        "← neu b",
        "→",
        "g ",
        "e ",
        "v ",
        "a ",
        "i ",
        "Tab",
        "?",
        "clociau",
        "q ",
        "Ctrl-C",
    ] {
        assert!(seen.contains(key), "{key:?} missing:\n{seen}");
    }
    let flat = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("cyn gynted ag y caiff ei roi"), "{seen}");
}

#[test]
fn the_overview_and_the_end_in_welsh() {
    let f = welsh(DEFAULT_ID);
    let mut s = ordinary(&f);
    press(&mut s, &[KeyCode::Char('g')]);
    let text = screen(&s, 80, 24);
    assert!(text.contains("Trosolwg: 2 o 24 wedi'u hateb."), "{text}");
    insta::assert_snapshot!("cy_overview_80x24", text);
    insta::assert_snapshot!("cy_overview_60x20", screen(&s, 60, 20));
    // Past the last indicator: what is left, and the command to carry on.
    s.at = 23;
    press(&mut s, &[KeyCode::Esc, KeyCode::Right]);
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("I barhau nes ymlaen: coprod assess --resume r.yaml"),
        "{text}"
    );
    insta::assert_snapshot!("cy_end_80x24", text);
    // Everything answered: the report command.
    for i in 0..24 {
        let id = s.order[i].1.id.value.clone();
        crate::assess::answer_mut(&mut s.record, &f, &id).level = Some(unplaced(Choice::Level(4)));
    }
    let text = screen(&s, 60, 20);
    assert!(
        text.contains("Mae pob un o'r 24 dangosydd wedi'u hateb."),
        "{text}"
    );
    assert!(text.contains("Nesaf: coprod report r.yaml"), "{text}");
    insta::assert_snapshot!("cy_end_all_60x20", text);
}

#[test]
fn a_workshop_in_welsh_names_the_groups_in_welsh() {
    let f = welsh(DEFAULT_ID);
    let mut r = record(&f);
    r.scored_by = scorer(ScorerKind::Workshop, &["parent-carers", "local-authority"]);
    let mut s = state(&f, r, 0);
    press(&mut s, &[KeyCode::Char('2')]);
    assert!(
        status(&s).ends_with("ar gyfer WC1 (Rhieni-ofalwyr)"),
        "{:?}",
        s.status
    );
    let text = screen(&s, 80, 24);
    assert!(text.contains("▶ Awdurdod lleol"), "{text}");
    insta::assert_snapshot!("cy_workshop_80x24", text);
    let text = screen(&s, 60, 20);
    assert!(text.contains("▶ Awdurdod lleol  dim eto"), "{text}");
    insta::assert_snapshot!("cy_workshop_60x20", text);
    // The overview gives each group's level by its Welsh initials.
    press(&mut s, &[KeyCode::Char('g')]);
    let text = screen(&s, 80, 24);
    assert!(text.contains("RO 2 · AL –"), "{text}");
}

#[test]
fn evidence_notes_in_welsh() {
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('e')]);
    press(&mut s, &chars("Caffi Siân, bob mis"));
    let text = screen(&s, 80, 24);
    assert!(text.contains("Nodiadau tystiolaeth ar gyfer WC1"), "{text}");
    insta::assert_snapshot!("cy_evidence_80x24", text);
    insta::assert_snapshot!("cy_evidence_60x20", screen(&s, 60, 20));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(status(&s), "Wedi cadw'r nodiadau tystiolaeth ar gyfer WC1.");
    // A failing editor says so in Welsh; the message is made in the spoken language, so here
    // it is given as the screen would get it.
    press(&mut s, &[KeyCode::Char('e')]);
    ctrl(&mut s, 'e');
    s.own_editor = None;
    let why = s.t("screen-editor-unset");
    apply(&mut s, [Action::FromEditor(Err(why))]);
    assert!(status(&s).starts_with("Does dim golygydd wedi'i osod"));
}

#[test]
fn actions_in_welsh() {
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 1);
    press(&mut s, &[KeyCode::Char('a')]);
    insta::assert_snapshot!("cy_actions_empty_80x24", screen(&s, 80, 24));
    press(&mut s, &[KeyCode::Enter]);
    let mut typing = chars("Gofyn i deuluoedd pa nosweithiau sy'n gyfleus");
    typing.push(KeyCode::Tab);
    typing.extend(chars("Cydlynydd y fforwm"));
    typing.push(KeyCode::Tab);
    typing.extend(chars("2027-02-30"));
    press(&mut s, &typing);
    insta::assert_snapshot!("cy_action_form_80x24", screen(&s, 80, 24));
    insta::assert_snapshot!("cy_action_form_60x20", screen(&s, 60, 20));
    // A date that is not one is refused in Welsh; nothing is saved.
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 0);
    let said = status(&s);
    assert!(
        said.contains("nad yw'n ddyddiad go iawn") || said.contains("go iawn"),
        "{said}"
    );
    assert!(said.ends_with("Teipiwch ef fel 2027-03-31, neu gadewch ef yn wag."));
    press(&mut s, &[KeyCode::Backspace, KeyCode::Backspace]);
    press(&mut s, &chars("28"));
    // The status: ← → change it, in Welsh.
    press(&mut s, &[KeyCode::Tab, KeyCode::Right]);
    let text = screen(&s, 60, 20);
    assert!(text.contains("◀ Ar y gweill ▶"), "{text}");
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(status(&s), "Wedi cadw'r cam gweithredu ar gyfer WC2.");
    insta::assert_snapshot!("cy_actions_80x24", screen(&s, 80, 24));
    // Deleting asks first.
    press(&mut s, &[KeyCode::Up, KeyCode::Char('d')]);
    assert!(status(&s).starts_with("Dileu'r cam gweithredu “Gofyn i deuluoedd"));
    insta::assert_snapshot!("cy_actions_delete_80x24", screen(&s, 80, 24));
    press(&mut s, &[KeyCode::Char('n')]);
    assert_eq!(status(&s), "Heb ei ddileu.");
    // A due date before the assessment is saved, with a note.
    press(&mut s, &[KeyCode::Char('a')]);
    let mut typing = chars("Ysgrifennu at bob teulu");
    typing.extend([KeyCode::Tab, KeyCode::Tab]);
    typing.extend(chars("2026-01-31"));
    press(&mut s, &typing);
    press(&mut s, &[KeyCode::Esc]);
    let said = status(&s);
    assert!(
        said.contains("mae i fod erbyn 2026-01-31, cyn dyddiad yr asesiad hwn (2026-11-12)"),
        "{said}"
    );
}

#[test]
fn a_vote_in_welsh_with_its_summary_never_cut_off() {
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 0);
    press(&mut s, &[KeyCode::Char('v')]);
    let mut keys_in = chars("2");
    keys_in.extend([KeyCode::Down, KeyCode::Down]);
    keys_in.extend(chars("1"));
    keys_in.push(KeyCode::Down);
    keys_in.extend(chars("6"));
    keys_in.push(KeyCode::Down);
    keys_in.extend(chars("3"));
    keys_in.extend([KeyCode::Down, KeyCode::Down]);
    keys_in.extend(chars("1"));
    press(&mut s, &keys_in);
    let summary = "13 wedi'u cyfrif · gwahaniaeth o 4.0 lefel · ⚑ SIARADWCH AM HYN: mae'r farn yn amrywio'n fawr";
    for (w, h) in [(80, 24), (60, 20)] {
        let text = screen(&s, w, h);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(summary), "{w}x{h}:\n{text}");
        assert!(text.contains("ddim yn gwybod"), "{w}x{h}:\n{text}");
        insta::assert_snapshot!(format!("cy_vote_{w}x{h}"), text);
    }
    assert_eq!(press(&mut s, &[KeyCode::Enter]), 1);
    let said = status(&s);
    assert!(
        said.starts_with("Wedi cadw'r bleidlais ar WC1: 13 wedi'u cyfrif."),
        "{said}"
    );
    insta::assert_snapshot!("cy_vote_agreeing_60x20", screen(&s, 60, 20));
    press(&mut s, &[KeyCode::Char('d')]);
    press(&mut s, &chars("Mae rhieni'n gweld llai o hyn na staff"));
    insta::assert_snapshot!("cy_disagreeing_80x24", screen(&s, 80, 24));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(
        status(&s),
        "Wedi'i gadw: cytunodd yr ystafell i anghytuno ar WC1."
    );
    // Back on WC1: the votes and the note, in Welsh.
    press(&mut s, &[KeyCode::Char('b')]);
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("Pleidleisiau: 13 wedi pleidleisio · gwahaniaeth o 4"),
        "{text}"
    );
    assert!(
        text.contains("Wedi cytuno i anghytuno: Mae rhieni'n"),
        "{text}"
    );
    insta::assert_snapshot!("cy_voted_80x24", text);
}

#[test]
fn the_details_in_welsh_read_well_even_when_narrow() {
    let f = welsh(DEFAULT_ID);
    let mut r = record(&f);
    r.participants = vec!["Siân".into(), "Dewi".into()];
    let mut s = state(&f, r, 3);
    press(&mut s, &[KeyCode::Char('i')]);
    assert_eq!(
        status(&s),
        "Mae Tab yn symud rhwng y meysydd; mae Esc yn eu cadw."
    );
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("▶ Partneriaeth:   Partneriaeth ADY Dyffryn Hafren"),
        "{text}"
    );
    insta::assert_snapshot!("cy_details_80x24", text);
    insta::assert_snapshot!("cy_details_60x20", screen(&s, 60, 20));
    // Narrower than the labels and values side by side: each value goes under its label, set
    // in, so that it reads as that label's.
    let narrow = screen(&s, 30, 24);
    assert!(
        narrow.contains("▶ Partneriaeth:\n    Partneriaeth ADY"),
        "{narrow}"
    );
    insta::assert_snapshot!("cy_details_30x24", narrow);
    let mut typing = vec![KeyCode::Tab, KeyCode::Backspace];
    typing.extend(chars("0"));
    press(&mut s, &typing);
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(status(&s), "Wedi'i gadw: 2026-11-10 yw'r dyddiad bellach.");
    // A date that is not one is refused in Welsh.
    press(&mut s, &[KeyCode::Char('i'), KeyCode::Tab]);
    press(&mut s, &chars("x"));
    press(&mut s, &[KeyCode::Esc]);
    assert!(
        status(&s).ends_with(". Teipiwch ef fel 2026-11-12."),
        "{:?}",
        s.status
    );
    press(&mut s, &[KeyCode::Backspace, KeyCode::Tab]);
    press(&mut s, &chars(", Mo"));
    press(&mut s, &[KeyCode::Esc]);
    assert_eq!(
        status(&s),
        "Wedi'i gadw: mae 3 o bobl wedi'u henwi fel rhai sy'n cymryd rhan."
    );
}

#[test]
fn last_time_in_welsh() {
    let f = welsh(DEFAULT_ID);
    let mut last = Record::new(
        &f,
        "Partneriaeth ADY Dyffryn Hafren".into(),
        "2025-11-13"
            .parse::<crate::record::IsoDate>()
            .expect("date")
            .0,
        scorer(ScorerKind::Room, &[]),
    );
    let a = crate::assess::answer_mut(&mut last, &f, "wc1");
    a.level = Some(unplaced(Choice::Level(2)));
    let due = |d: &str| Some(d.parse::<crate::record::IsoDate>().expect("date"));
    a.actions.push(Todo {
        what: "Cynnal dau gyfarfod gyda'r nos bob tymor".into(),
        owner: Some("Cydlynydd y fforwm".into()),
        due: due("2026-03-31"),
        status: ActionStatus::InProgress,
        note: None,
    });
    a.actions.push(Todo {
        what: "Talu am dacsis i gyfarfodydd".into(),
        owner: None,
        due: due("2026-01-31"),
        status: ActionStatus::Done,
        note: None,
    });
    let earlier = [last];
    let mut s = State::new(&f, record(&f), 0, &earlier);
    s.commands = Commands::default();
    let text = screen(&s, 80, 24);
    assert!(text.contains("Y tro diwethaf (2025-11-13): 2 "), "{text}");
    insta::assert_snapshot!("cy_from_80x24", text);
    insta::assert_snapshot!("cy_from_60x20", screen(&s, 60, 20));
    let text = screen(&s, 120, 40);
    assert!(
        text.contains("Y 2 gam gweithredu a gytunwyd bryd hynny:"),
        "{text}"
    );
    assert!(text.contains("⚑ YN HWYR"), "{text}");
    assert!(text.contains("bryd hynny: wedi'i wneud"), "{text}");
}

#[test]
fn the_phones_panel_in_welsh() {
    use super::phones::tests::{join, pinned, round_of, vote};
    use std::net::{IpAddr, Ipv4Addr};
    let f = welsh(DEFAULT_ID);
    let mut s = state(&f, record(&f), 0);
    let link = crate::vote::Link::start(
        IpAddr::V4(Ipv4Addr::LOCALHOST),
        Some(0),
        vec![f.clone()],
        Vec::new(),
        crate::record::Groups::default(),
    )
    .expect("server");
    let port = link.port();
    let code = link.code.clone();
    s.phones = Some(link);
    apply(&mut s, [Action::Vote]);
    let (a, ka) = join(port, &code, "");
    let r = round_of(port, &a);
    assert_eq!(
        vote(&mut s, port, &a, format!("k={ka}&r={r}&choice=2")),
        200
    );
    let text = pinned(&s, 80, 24);
    screen(&s, 80, 24);
    assert!(
        text.contains("Ffonau: 1 wedi pleidleisio (o'r 1 sydd wedi ymuno)"),
        "{text}"
    );
    assert!(
        text.contains("Pleidleisiwch ar http://127.0.0.1:PORT"),
        "{text}"
    );
    assert!(text.contains("cod CODE5"), "{text}");
    insta::assert_snapshot!("cy_phones_80x24", text);
    let narrow = pinned(&s, 60, 20);
    screen(&s, 60, 20);
    assert!(
        narrow.contains("cod CODE5"),
        "the code is never cut:\n{narrow}"
    );
    insta::assert_snapshot!("cy_phones_60x20", narrow);
    // The reveal: the phones' part, in Welsh.
    press(&mut s, &[KeyCode::Enter]);
    let text = pinned(&s, 80, 24);
    screen(&s, 80, 24);
    assert!(text.contains("Ffonau, dim grŵp wedi'i roi: 2: 1"), "{text}");
    insta::assert_snapshot!("cy_phones_reveal_80x24", text);
    // Putting out a phone asks for its number, in Welsh.
    press(&mut s, &[KeyCode::Esc]);
    apply(&mut s, [Action::Vote]);
    press(
        &mut s,
        &[KeyCode::Char('k'), KeyCode::Char('p'), KeyCode::Char('4')],
    );
    assert!(
        status(&s).starts_with("Tynnu ffôn allan, rhif: 4_"),
        "{:?}",
        s.status
    );
    press(&mut s, &[KeyCode::Enter]);
    assert!(status(&s).starts_with("Does dim ffôn 4 yn y bleidlais"));
    press(&mut s, &[KeyCode::Char('c')]);
    assert!(status(&s).starts_with("Cod ymuno newydd "));
}

/// The young people's participation framework asks "what young people say" at every
/// indicator: the screen asks it too, in Welsh, and keeps what is typed.
#[test]
fn what_young_people_say_in_welsh() {
    let f = welsh("young-people");
    let (label, _) = {
        let s = state(&f, record(&f), 0);
        let (l, q) = s.extra_note().expect("an extra note");
        (l.to_string(), q.to_string())
    };
    assert_eq!(label, "Beth mae pobl ifanc yn ei ddweud");
    let mut s = state(&f, record(&f), 0);
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("Beth mae pobl ifanc yn ei ddweud: dim eto (x i ysgrifennu)"),
        "{text}"
    );
    assert!(text.contains("x nodyn ychwanegol"), "{text}");
    insta::assert_snapshot!("cy_young_people_80x24", text);
    insta::assert_snapshot!("cy_young_people_60x20", screen(&s, 60, 20));
    press(&mut s, &[KeyCode::Char('x')]);
    press(&mut s, &chars("Does neb yn gofyn i ni"));
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("Beth mae pobl ifanc yn ei ddweud (V1, dewisol)"),
        "{text}"
    );
    assert!(
        text.contains("Ysgrifennwch eu geiriau yn union fel y"),
        "{text}"
    );
    insta::assert_snapshot!("cy_young_people_note_80x24", text);
    insta::assert_snapshot!("cy_young_people_note_60x20", screen(&s, 60, 20));
    assert_eq!(press(&mut s, &[KeyCode::Esc]), 1);
    assert_eq!(
        status(&s),
        "Wedi cadw “Beth mae pobl ifanc yn ei ddweud” ar gyfer V1."
    );
    let id = s.order[0].1.id.value.clone();
    assert_eq!(
        s.record.answer(&id).and_then(|a| a.extra_note.as_deref()),
        Some("Does neb yn gofyn i ni")
    );
    let text = screen(&s, 80, 24);
    assert!(
        text.contains("Beth mae pobl ifanc yn ei ddweud: Does neb yn gofyn i ni"),
        "{text}"
    );
    press(&mut s, &[KeyCode::Char('?')]);
    let help = screen(&s, 120, 40);
    assert!(
        help.contains("ysgrifennu'r nodyn “Beth mae pobl ifanc yn ei ddweud”"),
        "{help}"
    );
}
