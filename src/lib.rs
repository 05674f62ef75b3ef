//! banzi (班子): checks leadership-team slates against the structure rules of Chinese
//! leadership transitions (换届) and turns what it finds into exception lists, structure
//! tables and briefing charts.
//!
//! The library holds everything; the `banzi` binary only parses flags and calls it, so
//! tests and benchmarks reach the same code users run.

pub mod normalize;
pub mod resume;
