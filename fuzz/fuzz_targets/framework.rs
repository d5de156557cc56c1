//! Framework loading on arbitrary bytes: size and encoding checks, YAML parsing, validation,
//! and rendering whatever diagnostics come out. Nothing may panic.

#![no_main]

use std::path::Path;

use coprod::framework::Framework;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = match coprod::yaml::source_from_bytes(Path::new("framework.yaml"), data.to_vec()) {
        Ok(s) => s,
        Err(coprod::Error::Input(d)) => {
            let _ = d.render(false);
            return;
        }
        Err(_) => return,
    };
    match Framework::parse(&source) {
        Ok(framework) => {
            let _ = framework.fingerprint();
            let mut out = Vec::new();
            let _ = coprod::cmd::framework::write_framework(&framework, &mut out);
        }
        Err(d) => {
            let _ = d.render(false);
            let _ = d.render(true);
        }
    }
});
