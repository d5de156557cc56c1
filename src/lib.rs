//! coprod: co-production quality-indicator self-evaluations, scored and reported.
//!
//! Data flows one way: a [`framework::Framework`] and one or more [`record::Record`]s are loaded
//! and validated, [`score`] computes every number (pure functions, no I/O), the result becomes
//! one [`report::Report`], and each output format renders that report into any writer.

pub mod assess;
pub mod catalog;
pub mod clean;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod framework;
pub mod import;
#[cfg(test)]
mod layers;
pub mod names;
pub mod record;
pub mod record_file;
pub mod report;
pub mod score;
pub mod storage;
pub mod terminal;
pub mod vote;
pub mod words;
pub mod yaml;

pub use error::Error;
