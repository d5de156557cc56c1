//! Integration tests: every test runs the real `coprod` binary in a fresh temporary folder.

mod assess;
mod builtins;
mod corpus;
mod crash;
mod editions;
mod errors;
mod formats;
mod framework;
mod hostile;
mod import;
mod inputs;
mod languages;
mod pdf;
mod pdf_limits;
mod pdf_print;
mod pdf_scripts;
mod phones;
mod report;
mod schema;
mod screen;
mod settings;
mod signals;
mod spreadsheet;
mod storage;
mod toolchain;
mod util;
