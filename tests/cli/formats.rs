//! Issue 11: every format states the same facts. Each example report is built once per format,
//! and the table, Markdown, PDF text, JSON and CSV are checked against each other: the same
//! scores after rounding, the same strengths, priorities and ties, the same versions note and
//! the same action counts.

use crate::pdf::{load, text};
use crate::util::{Test, year};

struct Formats {
    table: String,
    markdown: String,
    pdf: String,
    json: serde_json::Value,
    csv: Vec<csv::StringRecord>,
    csv_headers: csv::StringRecord,
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn run(t: &Test, files: &[String], extra: &[&str], format: &str) -> String {
    let mut args = vec!["report", "--format", format];
    args.extend(extra);
    args.extend(files.iter().map(String::as_str));
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

fn formats(t: &Test, files: &[String], extra: &[&str]) -> Formats {
    let mut args = vec!["report", "--format", "pdf", "-o", "report.pdf"];
    args.extend(extra);
    args.extend(files.iter().map(String::as_str));
    let out = t.run_args(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pdf = text(&load(
        &std::fs::read(t.path().join("report.pdf")).expect("pdf"),
    ));
    let csv_text = run(t, files, extra, "csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let csv_headers = reader.headers().expect("headers").clone();
    let csv = reader.records().map(|r| r.expect("row")).collect();
    Formats {
        table: words(&run(t, files, extra, "table")),
        // Markdown's marks and escapes are not words.
        markdown: words(
            &run(t, files, extra, "markdown")
                .replace("**", "")
                .replace(['\\', '_'], ""),
        ),
        pdf,
        json: serde_json::from_str(&run(t, files, extra, "json")).expect("json"),
        csv,
        csv_headers,
    }
}

/// A score as every text format shows it: one decimal place, halves away from zero.
fn shown(x: &serde_json::Value) -> String {
    let v = x.as_f64().expect("a number");
    format!("{:.1}", (v * 10.0).round() / 10.0)
}

impl Formats {
    fn texts(&self) -> [(&'static str, &str); 3] {
        [
            ("table", &self.table),
            ("markdown", &self.markdown),
            ("pdf", &self.pdf),
        ]
    }

    fn all_say(&self, fact: &str) {
        for (name, text) in self.texts() {
            assert!(text.contains(fact), "{name} does not say {fact:?}:\n{text}");
        }
    }

    fn check(&self) {
        let j = &self.json;
        // The overall result and each section's, rounded the same everywhere.
        if let Some(overall) = j["overall"]["value"].as_f64() {
            let max = j["framework"]["scale_max"].as_u64().expect("scale max");
            self.all_say(&format!("{} out of {max}", shown(&overall.into())));
        }
        for s in j["sections"].as_array().expect("sections") {
            if !s["score"].is_null() {
                let title = s["title"].as_str().expect("title");
                self.all_say(&format!("Score: {} out of", shown(&s["score"]["value"])));
                self.all_say(title);
            }
        }
        // Strengths and priorities with their ties: each indicator with its score.
        for list in ["strengths", "priorities"] {
            for h in j[list].as_array().expect(list) {
                let id = h["indicator"].as_str().expect("id").to_uppercase();
                let statement = h["statement"].as_str().expect("statement");
                self.all_say(&format!("{id} {statement}"));
                self.all_say(&format!(": {}", shown(&h["score"])));
            }
            let more = j[format!("{list}_more_tied")].as_u64().expect("count");
            if more > 0 {
                self.all_say(&format!("and {more} more at"));
            }
        }
        // The versions note.
        if !j["framework_versions"].is_null() {
            self.all_say("The records were made with different versions of the framework");
            for r in j["framework_versions"]["retired"]
                .as_array()
                .expect("retired")
            {
                let id = r["indicator"].as_str().expect("id").to_uppercase();
                self.all_say(&format!("left out of every score: {id}"));
            }
        }
        // The action counts, and the CSV's actions for the latest date.
        let agreed = j["current_actions"]["agreed"].as_u64().expect("agreed");
        let open = j["current_actions"]["open"].as_u64().expect("open");
        if agreed > 0 {
            let noun = if agreed == 1 { "action" } else { "actions" };
            self.all_say(&format!("{agreed} {noun} agreed on"));
            self.all_say(&format!("{open} still open"));
        }
        let col = |name: &str| self.csv_headers.iter().position(|h| h == name).expect(name);
        let latest = j["dates"]
            .as_array()
            .and_then(|d| d.last())
            .and_then(|d| d.as_str())
            .expect("a date");
        let in_csv: usize = self
            .csv
            .iter()
            .filter(|r| &r[col("date")] == latest && !r[col("actions")].is_empty())
            .map(|r| r[col("actions")].matches(" [").count())
            .sum();
        assert_eq!(in_csv as u64, agreed, "CSV actions of {latest}");
        // The CSV's combined scores for the latest date are the scorecard's.
        for r in self.csv.iter().filter(|r| &r[col("date")] == latest) {
            if let Some(v) = j["overall"]["value"].as_f64() {
                assert_eq!(&r[col("date_overall_score")], shown(&v.into()));
            }
        }
        if let Some(p) = j["action_progress"].as_object() {
            let line = format!(
                "{} done or embedded, {} still open, {} dropped and {} not mentioned this time",
                p["completed"], p["open"], p["dropped"], p["not_followed_up"]
            );
            self.all_say(&line);
            for a in p["not_followed_up_actions"].as_array().expect("list") {
                self.all_say(&words(a["what"].as_str().expect("what")));
            }
            let overdue = p["overdue"].as_array().expect("overdue").len();
            if overdue == 0 {
                self.all_say("None is overdue.");
            } else {
                for a in p["overdue"].as_array().expect("overdue") {
                    self.all_say(&words(a["what"].as_str().expect("what")));
                }
            }
        }
        // Who took part, per group.
        for g in j["turnout"].as_array().expect("turnout") {
            self.all_say(g["name"].as_str().expect("name"));
        }
    }
}

#[test]
fn one_record_states_the_same_facts_in_every_format() {
    let t = Test::new().with_examples();
    formats(&t, &["examples/2026/parent-carers.yaml".to_string()], &[]).check();
}

#[test]
fn four_groups_state_the_same_facts_in_every_format() {
    let t = Test::new().with_examples();
    formats(&t, &year(2026), &[]).check();
}

#[test]
fn three_years_state_the_same_facts_in_every_format() {
    let t = Test::new().with_examples();
    let files: Vec<String> = [2024, 2025, 2026].into_iter().flat_map(year).collect();
    formats(&t, &files, &[]).check();
}
