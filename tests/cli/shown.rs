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
            s.split_whitespace()
                .find(|w| w.starts_with("sha256:"))
                .unwrap_or_default()
                .to_string()
        };
        assert!(fingerprint(&out.stdout).starts_with("sha256:"), "{name}");
        assert_eq!(fingerprint(&out.stdout), fingerprint(&en.stdout), "{name}");
        assert_ne!(out.stdout, en.stdout, "{name}");
        // coprod's own words around the framework's texts are Welsh too.
        assert!(out.stdout.contains("ôl bys: sha256:"), "{name}");
        assert!(out.stdout.contains("\nY raddfa\n"), "{name}");
        for english in [
            "(version ",
            "fingerprint",
            "\nScale\n",
            "\nBands\n",
            "Source:",
            " of ",
        ] {
            assert!(!out.stdout.contains(english), "{name}: “{english}”");
        }
        insta::assert_snapshot!(format!("show_cy_{name}"), out.stdout);
    }
}
