//! The JSON Schemas agree with coprod: every JSON report validates against
//! `coprod framework schema report` (issue 11), and the record and framework schemas accept
//! exactly the corpus files coprod accepts, but for the checks a schema cannot express, listed
//! in [`BEYOND_A_SCHEMA`] with the reason (issue 14).
//!
//! The checker is a small one, for the part of JSON Schema (2020-12) that schemars writes:
//! `type`, `properties`, `required`, `additionalProperties`, `patternProperties`, `items`,
//! `$ref` to `#/$defs/…`, `enum`, `const`, `anyOf`, `oneOf`, `allOf`, `minimum`, `maximum`,
//! `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `pattern`, `minItems`. Any other keyword
//! that could refuse a value fails the test, so the checker never passes a value by not
//! knowing a rule.

use std::path::Path;

use serde_json::Value;

use crate::util::{Test, repo};

/// Keywords that only describe (they never refuse a value).
const DESCRIBING: &[&str] = &[
    "$schema",
    "$defs",
    "title",
    "description",
    "default",
    "format",
    "writeOnly",
    "readOnly",
    "examples",
];

/// Checks `value` against `schema` (whose `$defs` are in `root`); the problems, each with the
/// path of the value.
fn check(root: &Value, schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
    let map = match schema {
        Value::Bool(true) => return,
        Value::Bool(false) => {
            problems.push(format!("{at}: no value is allowed here"));
            return;
        }
        Value::Object(map) => map,
        _ => {
            problems.push(format!(
                "{at}: the schema is neither an object nor a boolean"
            ));
            return;
        }
    };
    for (key, rule) in map {
        match key.as_str() {
            k if DESCRIBING.contains(&k) => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .unwrap_or_default();
                match root["$defs"].get(name) {
                    Some(def) => check(root, def, value, at, problems),
                    None => problems.push(format!("{at}: unknown $ref {rule}")),
                }
            }
            "type" => {
                let allowed: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                if !allowed.iter().any(|t| is_type(value, t)) {
                    problems.push(format!("{at}: {} is not of type {allowed:?}", short(value)));
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|a| a.contains(value)) {
                    problems.push(format!("{at}: {} is not one of {rule}", short(value)));
                }
            }
            "const" => {
                if rule != value {
                    problems.push(format!("{at}: {} is not {rule}", short(value)));
                }
            }
            "anyOf" | "oneOf" => {
                let passing = rule
                    .as_array()
                    .map(|alts| {
                        alts.iter()
                            .filter(|alt| {
                                let mut p = Vec::new();
                                check(root, alt, value, at, &mut p);
                                p.is_empty()
                            })
                            .count()
                    })
                    .unwrap_or(0);
                let ok = if key == "anyOf" {
                    passing >= 1
                } else {
                    passing == 1
                };
                if !ok {
                    problems.push(format!(
                        "{at}: {} matches {passing} of the {key} alternatives",
                        short(value)
                    ));
                }
            }
            "allOf" => {
                for alt in rule.as_array().into_iter().flatten() {
                    check(root, alt, value, at, problems);
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => {
                if let (Some(x), Some(bound)) = (value.as_f64(), rule.as_f64()) {
                    let ok = match key.as_str() {
                        "minimum" => x >= bound,
                        "maximum" => x <= bound,
                        "exclusiveMinimum" => x > bound,
                        _ => x < bound,
                    };
                    if !ok {
                        problems.push(format!("{at}: {x} breaks {key} {bound}"));
                    }
                }
            }
            "minLength" => {
                if let (Some(s), Some(n)) = (value.as_str(), rule.as_u64())
                    && (s.chars().count() as u64) < n
                {
                    problems.push(format!("{at}: `{s}` is shorter than {n}"));
                }
            }
            "minItems" => {
                if let (Some(a), Some(n)) = (value.as_array(), rule.as_u64())
                    && (a.len() as u64) < n
                {
                    problems.push(format!("{at}: fewer than {n} items"));
                }
            }
            "pattern" => {
                if let Some(s) = value.as_str()
                    && !regex(rule).is_match(s)
                {
                    problems.push(format!("{at}: `{s}` does not match {rule}"));
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(root, rule, item, &format!("{at}[{i}]"), problems);
                }
            }
            "required" => {
                if let Some(obj) = value.as_object() {
                    for name in rule
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                    {
                        if !obj.contains_key(name) {
                            problems.push(format!("{at}: `{name}` is required"));
                        }
                    }
                }
            }
            // Checked with `properties` below, where the three are read together.
            "properties" | "patternProperties" | "additionalProperties" => {}
            other => problems.push(format!("{at}: the checker does not know `{other}`")),
        }
    }
    if let Some(obj) = value.as_object() {
        let properties = map.get("properties").and_then(Value::as_object);
        let patterns: Vec<(regex::Regex, &Value)> = map
            .get("patternProperties")
            .and_then(Value::as_object)
            .map(|p| {
                p.iter()
                    .map(|(k, v)| (regex(&Value::String(k.clone())), v))
                    .collect()
            })
            .unwrap_or_default();
        for (name, v) in obj {
            let here = format!("{at}.{name}");
            let mut placed = false;
            if let Some(s) = properties.and_then(|p| p.get(name)) {
                check(root, s, v, &here, problems);
                placed = true;
            }
            for (re, s) in &patterns {
                if re.is_match(name) {
                    check(root, s, v, &here, problems);
                    placed = true;
                }
            }
            if !placed && let Some(extra) = map.get("additionalProperties") {
                check(root, extra, v, &here, problems);
            }
        }
    }
}

fn regex(pattern: &Value) -> regex::Regex {
    regex::Regex::new(pattern.as_str().unwrap_or_default()).expect("the schema's pattern")
}

fn is_type(value: &Value, t: &str) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|x| x.fract() == 0.0)
        }
        _ => false,
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}

/// The problems of `value` against a whole schema.
fn problems(schema: &Value, value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check(schema, schema, value, "$", &mut out);
    out
}

fn schema(kind: &str) -> Value {
    let out = Test::new().args(&["framework", "schema", kind]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("the schema is JSON")
}

#[test]
fn the_checker_refuses_what_it_should() {
    let s: Value = serde_json::json!({
        "type": "object",
        "properties": {"a": {"type": "integer", "minimum": 1}, "b": {"$ref": "#/$defs/B"}},
        "required": ["a"],
        "additionalProperties": false,
        "$defs": {"B": {"oneOf": [{"const": "x"}, {"type": "null"}]}}
    });
    assert!(problems(&s, &serde_json::json!({"a": 2, "b": "x"})).is_empty());
    assert_eq!(problems(&s, &serde_json::json!({"a": 0})).len(), 1);
    assert_eq!(problems(&s, &serde_json::json!({"b": null})).len(), 1);
    assert_eq!(problems(&s, &serde_json::json!({"a": 1, "c": 1})).len(), 1);
    assert_eq!(
        problems(&s, &serde_json::json!({"a": 1, "b": "y"})).len(),
        1
    );
    let unknown = serde_json::json!({"uniqueItems": true});
    assert_eq!(problems(&unknown, &serde_json::json!([])).len(), 1);
}

/// Every JSON report the tests pin (the snapshots) and the reports of every example, in every
/// shape the JSON takes (one record, groups, years, weighting by records, names removed, two
/// framework versions), validate against `coprod framework schema report`.
#[test]
fn every_json_report_fits_the_report_schema() {
    let report = schema("report");
    let mut checked = 0;
    let snapshots = repo().join("tests/cli/snapshots");
    let mut names: Vec<_> = std::fs::read_dir(&snapshots)
        .expect("snapshots")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // A snapshot is a header, `---`, then the value.
        let Some((_, body)) = text.split_once("\n---\n") else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(body) else {
            continue;
        };
        if value.get("schema_version").is_none() {
            continue;
        }
        let p = problems(&report, &value);
        assert!(p.is_empty(), "{}:\n{}", path.display(), p.join("\n"));
        checked += 1;
    }
    assert!(checked >= 3, "found {checked} JSON report snapshots");

    let t = Test::new().with_examples();
    let mixed = t
        .read("examples/2026/health.yaml")
        .replace(
            "fingerprint: \"sha256:c872641b603555ad3567c908e09c5fdf19db4906f50f845ffd7918d5094c8bd2\"",
            "fingerprint: \"sha256:0000\"",
        )
        .replace("indicator: wc1\n", "indicator: wc0\n");
    std::fs::write(t.path().join("old-health.yaml"), mixed).expect("write");
    let runs: &[&[&str]] = &[
        &["examples/2026/health.yaml"],
        &["examples/2026/"],
        &["examples/"],
        &["examples/2026/", "--weight-by", "records"],
        &["examples/", "--anonymise"],
        &[
            "examples/2026/parent-carers.yaml",
            "old-health.yaml",
            "--accept-changed-framework",
        ],
    ];
    for args in runs {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let out = t.run_args(&all);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let p = problems(&report, &value);
        assert!(p.is_empty(), "{args:?}:\n{}", p.join("\n"));
    }
}

/// Corpus files coprod refuses for reasons no JSON Schema can see: the schema accepts them, and
/// that is expected. Each with the reason.
const BEYOND_A_SCHEMA: &[(&str, &str)] = &[
    // Dates: the schema checks the shape and the month; the calendar is coprod's.
    (
        "record/date-february-29-not-leap-year.yaml",
        "no 29 February in 2025",
    ),
    ("record/due-date-february-30.yaml", "no 30 February"),
    // YAML tags are the YAML reader's business; JSON has none.
    ("record/fuzz-tag-on-status.yaml", "a YAML tag on a value"),
    // A record's levels and groups are checked against its framework and its own scorers.
    (
        "record/level-zero.yaml",
        "0 is not on this framework's scale (it may be on another's)",
    ),
    (
        "record/older-framework-version.yaml",
        "the framework changed since the record was made",
    ),
    (
        "record/other-framework.yaml",
        "the answers are not the named framework's indicators",
    ),
    (
        "record/votes-level-off-scale.yaml",
        "a vote for a level the scale lacks",
    ),
    (
        "record/votes-twice-and-disagreed-with-level.yaml",
        "votes that contradict each other",
    ),
    (
        "record/votes-workshop-group-unknown.yaml",
        "a vote by a group the record does not name",
    ),
    // A framework's parts are checked against each other.
    (
        "framework/band-ends-before-it-starts.yaml",
        "a band's max below its min",
    ),
    (
        "framework/bands-do-not-cover-the-scale.yaml",
        "bands that leave a gap in the scale",
    ),
    (
        "framework/indicator-id-same-as-section.yaml",
        "an id used twice",
    ),
    (
        "framework/replaces-a-current-id.yaml",
        "an earlier id that another indicator has now",
    ),
];

/// Whether a corpus file reads as YAML at all; a file that does not is refused by both (an
/// editor shows the YAML error before any schema).
fn as_json(path: &Path) -> Option<Value> {
    let bytes = std::fs::read(path).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_saphyr::from_str::<Value>(text).ok()
}

/// Issue 14: the record and framework schemas accept exactly what coprod accepts, file by file
/// over the corpus (`tests/corpus/record`, `tests/corpus/framework`, `tests/corpus/valid`).
#[test]
fn schemas_accept_what_coprod_accepts_on_the_corpus() {
    let record = schema("record");
    let framework = schema("framework");
    let corpus = repo().join("tests/corpus");
    let mut disagree = Vec::new();
    let mut compared = 0;
    for (folder, kind) in [
        ("record", "record"),
        ("framework", "framework"),
        ("valid", ""),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(corpus.join(folder))
            .expect("corpus")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        for path in files {
            let name = format!(
                "{folder}/{}",
                path.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
            );
            let text = std::fs::read(&path).expect("read");
            // In `valid/`: records are `record*.yaml`, frameworks `mini*.yaml`; the answers
            // files there are neither.
            let kind = match kind {
                "" if name.starts_with("valid/record") => "record",
                "" if name.starts_with("valid/mini") => "framework",
                "" => continue,
                kind => kind,
            };
            let t = Test::new().file("f.yaml", &text);
            let mut args = if kind == "record" {
                vec!["report", "f.yaml", "--format", "json"]
            } else {
                vec!["framework", "validate", "f.yaml"]
            };
            if name == "record/other-framework.yaml" {
                // It claims another framework: the corpus test gives it the mini framework.
                let mini = std::fs::read(corpus.join("valid/mini.yaml")).expect("mini");
                std::fs::write(t.path().join("mini.yaml"), mini).expect("write");
                args.extend_from_slice(&["--framework", "mini.yaml"]);
            }
            let by_coprod = t.run_args(&args).code == 0;
            let schema = if kind == "record" {
                &record
            } else {
                &framework
            };
            let found = as_json(&path).map(|v| problems(schema, &v));
            let by_schema = found.as_ref().is_some_and(Vec::is_empty);
            compared += 1;
            if by_coprod != by_schema {
                let known = BEYOND_A_SCHEMA.iter().any(|(n, _)| *n == name);
                if !(known && !by_coprod && by_schema) {
                    disagree.push(format!(
                        "{name}: coprod {}, the schema {}{}",
                        if by_coprod { "accepts" } else { "refuses" },
                        if by_schema { "accepts" } else { "refuses" },
                        found
                            .map(|p| format!(" ({})", p.join("; ")))
                            .unwrap_or_default()
                    ));
                }
            } else if BEYOND_A_SCHEMA.iter().any(|(n, _)| *n == name) {
                disagree.push(format!(
                    "{name}: listed in BEYOND_A_SCHEMA, but coprod and the schema agree"
                ));
            }
        }
    }
    assert!(compared > 100, "compared {compared} files");
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
}
