//! Integration tests: every test runs the real `coprod` binary in a fresh temporary folder.

mod assess;
mod corpus;
mod crash;
mod errors;
mod framework;
mod hostile;
mod inputs;
mod languages;
mod pdf;
mod pdf_scripts;
mod report;
mod screen;
mod settings;
mod toolchain;
mod util;
