//! banzi (班子): checks leadership-team slates against the structure rules of Chinese
//! leadership transitions (换届) and turns what it finds into exception lists, structure
//! tables and briefing charts.
//!
//! The library holds everything; the `banzi` binary only parses flags and calls it, so
//! tests and benchmarks reach the same code users run. The flow is
//! [`dataset::load`] (files → typed tables + rejected rows) → [`facts::compute`]
//! (work-history arithmetic per person and cycle) → [`rules::run`] (polars checks →
//! findings) → [`exceptions`] (the exception list in CSV, JSON, XLSX, Markdown).

pub mod bench;
pub mod clean_tables;
pub mod compare;
pub mod dataset;
pub mod delegates;
pub mod exceptions;
pub mod export;
pub mod facts;
pub mod lrmx;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod remedy;
pub mod report;
pub mod resume;
pub mod roster;
pub mod rules;
pub mod seat_history;
pub mod structure;
pub mod synth;
