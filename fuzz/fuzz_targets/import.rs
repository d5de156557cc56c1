//! Form-export import on arbitrary bytes, against the built-in framework. The first byte
//! chooses the file type (even: CSV text, odd: an `.xlsx` workbook); the rest is the file.
//! Whatever is read is planned, turned into records (one per group and one per respondent),
//! described as `--dry-run` does, and every record made is written out and read back.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use coprod::framework::Framework;
use coprod::import::{self, Making, Options, sheet};
use coprod::record::IsoDate;
use libfuzzer_sys::fuzz_target;

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(|| {
    Framework::built_in("four-cornerstones").expect("the built-in framework loads")
});

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let read = if kind % 2 == 0 {
        match coprod::yaml::source_from_bytes(Path::new("export.csv"), rest.to_vec()) {
            Ok(source) => sheet::read_csv(&source),
            Err(e) => Err(e),
        }
    } else {
        sheet::read_xlsx_bytes("export.xlsx".to_string(), rest.to_vec())
    };
    let sheet = match read {
        Ok(s) => s,
        Err(coprod::Error::Input(d)) => {
            let _ = d.render(false);
            return;
        }
        Err(_) => return,
    };
    let plan = match import::plan(&sheet, &FRAMEWORK, &Options::default()) {
        Ok(p) => p,
        Err(d) => {
            let _ = d.render(false);
            return;
        }
    };
    let date = match plan.latest_day() {
        Some(d) => IsoDate(d),
        None => "2026-11-12".parse().expect("a valid date"),
    };
    for per_respondent in [false, true] {
        let making = Making {
            partnership: "Fuzz Vale".to_string(),
            date,
            per_respondent,
        };
        let records = plan.records(&FRAMEWORK, &making);
        let _ = plan.describe(&records, "dated by the fuzzer");
        for (_, record) in &records {
            if let Ok(text) = record.to_yaml() {
                let source = coprod::diagnostic::Source::named("made.yaml", text.as_str());
                let _ = coprod::record::Record::parse(&source);
            }
        }
    }
});
