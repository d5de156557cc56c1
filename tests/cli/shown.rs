//! Every built-in framework and edition shown whole in Welsh, pinned by a snapshot of its own
//! (the English ones are in `framework.rs`, `editions.rs` and `builtins.rs`).

use crate::util::Test;

#[test]
fn every_built_in_and_edition_is_shown_in_welsh() {
    for (name, args) in [
        ("four-cornerstones", &["four-cornerstones"][..]),
        (
            "four-cornerstones-easy-read",
            &["--edition", "easy-read"][..],
        ),
        ("young-people", &["young-people"][..]),
        ("ladder", &["ladder"][..]),
    ] {
        let mut all = vec!["framework", "show", "--language", "cy"];
        all.extend_from_slice(args);
        let out = Test::new().args(&all).run();
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        // The fingerprint is the framework's own language's: the same as in English.
        let mut english = vec!["framework", "show"];
        english.extend_from_slice(args);
        let en = Test::new().args(&english).run();
        let fingerprint = |s: &str| {
            s.lines()
                .find(|l| l.contains("fingerprint: "))
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(fingerprint(&out.stdout), fingerprint(&en.stdout), "{name}");
        assert_ne!(out.stdout, en.stdout, "{name}");
        insta::assert_snapshot!(format!("show_cy_{name}"), out.stdout);
    }
}
