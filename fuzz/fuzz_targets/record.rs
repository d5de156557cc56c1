//! Record loading on arbitrary bytes: parsing, checking against the built-in framework, and,
//! for records that pass, building the report and rendering it in every text format.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use coprod::framework::Framework;
use coprod::record::{FrameworkCheck, Record};
use coprod::report::{Format, Input, Report, Style};
use libfuzzer_sys::fuzz_target;

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(|| {
    Framework::built_in("four-cornerstones").expect("the built-in framework loads")
});

fuzz_target!(|data: &[u8]| {
    let source = match coprod::yaml::source_from_bytes(Path::new("record.yaml"), data.to_vec()) {
        Ok(s) => s,
        Err(coprod::Error::Input(d)) => {
            let _ = d.render(false);
            return;
        }
        Err(_) => return,
    };
    let record = match Record::parse(&source) {
        Ok(r) => r,
        Err(d) => {
            let _ = d.render(false);
            return;
        }
    };
    let framework = &*FRAMEWORK;
    for mode in [FrameworkCheck::Strict, FrameworkCheck::AcceptChanged] {
        if let Err(d) = record.check(&source, framework, mode) {
            let _ = d.render(false);
            return;
        }
    }
    let _ = record.to_yaml();
    let inputs = [Input {
        file: "record.yaml".to_string(),
        record: &record,
    }];
    let report = Report::build(framework, &inputs, None);
    let style = Style {
        width: 80,
        color: false,
    };
    for format in [Format::Table, Format::Markdown, Format::Json, Format::Csv] {
        let mut out = Vec::new();
        let _ = format.render(&report, &style, &mut out);
    }
});
