//! The phone-vote server's request reader on arbitrary bytes: the request is read, its form
//! and cookies decoded, and what came in escaped as a page would show it. Nothing may panic,
//! and reading stops at the size limits however much is sent.

#![no_main]

use std::time::{Duration, Instant};

use coprod::vote::http;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut input = data;
    match http::read_request(&mut input, deadline) {
        Ok(request) => {
            assert!(request.body.len() <= http::MAX_BODY);
            assert!(request.headers.len() <= http::MAX_HEADERS);
            let form = request.form();
            assert!(form.len() <= http::MAX_FIELDS);
            for (name, value) in form.iter().chain(request.query_fields().iter()) {
                let shown = http::escape(value);
                assert!(!shown.contains('<') && !shown.contains('"'));
                let _ = http::escape(name);
            }
            let _ = request.cookie("coprod_phone");
        }
        Err(e) => {
            let _ = e.status();
        }
    }
});
