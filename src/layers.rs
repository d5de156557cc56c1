//! The module graph points one way: a test that reads every `crate::` path in `src/` and checks
//! it against [`LAYERS`], so no module reaches up (or sideways into a module above it) for a
//! helper. When this test fails, the helper belongs further down (`words`, `terminal`,
//! `storage`, `clean`), not the import in the lower module.

use std::path::Path;

/// The crate's top-level modules, lowest first. A module may use the modules before it, never
/// one after it.
const LAYERS: &[&str] = &[
    // The bottom: uses nothing of coprod's.
    "words",
    "catalog",
    "terminal",
    "clean",
    "names",
    "storage",
    // Errors and reading files.
    "diagnostic",
    "error",
    "yaml",
    // The model.
    "framework",
    "record",
    "record_file",
    "config",
    // Pure scoring.
    "score",
    // Votes from phones: the server and its pages, used by the workshop screen.
    "vote",
    // What is built on the model and the scores.
    "assess",
    "import",
    "report",
    // The command line: `cli` describes it, `cmd` runs it.
    "cli",
    "cmd",
];

/// The `crate::NAME` paths in one source text, with their line numbers; comments left out.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
    }
    out
}

/// Every `.rs` file under `dir`, with the top-level module it belongs to.
fn sources(dir: &Path, top: Option<&str>, out: &mut Vec<(String, std::path::PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() {
            sources(&path, Some(top.unwrap_or(&name)), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((top.unwrap_or(&name).to_string(), path));
        }
    }
}

#[test]
fn modules_import_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, None, &mut files);
    assert!(files.len() > 20, "found the sources in {}", src.display());
    let mut wrong = Vec::new();
    for (module, path) in &files {
        // The binary and the crate root wire modules together; this test is not a module.
        if matches!(module.as_str(), "main" | "lib" | "layers") {
            continue;
        }
        let Some(own) = LAYERS.iter().position(|l| l == module) else {
            wrong.push(format!(
                "{}: module `{module}` has no place in LAYERS",
                path.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for (line, used) in crate_paths(&text) {
            // `crate::Error` is the crate root's re-export of `error::Error`.
            let used = if used == "Error" {
                "error".to_string()
            } else {
                used
            };
            if used == *module {
                continue;
            }
            match LAYERS.iter().position(|l| *l == used) {
                Some(at) if at < own => {}
                Some(_) => wrong.push(format!(
                    "{}:{line}: `{module}` uses `crate::{used}`, which is above it",
                    path.display()
                )),
                None => wrong.push(format!(
                    "{}:{line}: `crate::{used}` is not a module in LAYERS",
                    path.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn paths_are_found_in_code_not_comments() {
    let text = "use crate::report::Report;\n// crate::cmd in a comment\nlet x = crate::words::plural(1, \"a\") + crate::terminal::width(true);";
    let found: Vec<String> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
    assert_eq!(found, ["report", "words", "terminal"]);
}
