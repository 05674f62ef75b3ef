//! ELIG: eligibility of nominees (catalogue 3.9).

pub mod elig_001;
