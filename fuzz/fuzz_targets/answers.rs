//! Answers-file loading on arbitrary bytes, against the built-in framework. The first byte
//! chooses the file type (bit 0 clear: YAML, set: CSV) and whether a workshop's groups are
//! given (bit 1, as `--groups parent-carers,health`); the rest is the file.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use coprod::framework::Framework;
use libfuzzer_sys::fuzz_target;

static FRAMEWORK: LazyLock<Framework> = LazyLock::new(|| {
    Framework::built_in("four-cornerstones").expect("the built-in framework loads")
});

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let name = if kind % 2 == 0 {
        "answers.yaml"
    } else {
        "answers.csv"
    };
    let source = match coprod::yaml::source_from_bytes(Path::new(name), rest.to_vec()) {
        Ok(s) => s,
        Err(coprod::Error::Input(d)) => {
            let _ = d.render(false);
            return;
        }
        Err(_) => return,
    };
    let groups = if kind & 2 == 0 {
        Vec::new()
    } else {
        vec!["parent-carers".to_string(), "health".to_string()]
    };
    match coprod::assess::answers::parse(&source, &FRAMEWORK, &groups) {
        Ok(answers) => {
            let _ = answers.answers.len();
        }
        Err(d) => {
            let _ = d.render(false);
        }
    }
});
