//! Normalisation of the values cadre records carry: each column the data contract lists
//! has one parser here that accepts every spelling users write and says, in one phrase,
//! why it rejects the rest (that phrase lands in `rejected.csv`).
//!
//! The parsers are plain functions on `&str` so that loaders, the résumé parser and the
//! fuzz targets share them, and so that each accepted spelling has a unit test.

pub mod boolean;
pub mod date;
pub mod education;
pub mod ethnicity;
pub mod gender;
pub mod party;
pub mod role;
pub mod text;
pub mod unit_kind;
