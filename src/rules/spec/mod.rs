//! SPEC: specialty structure of teams (catalogue 3.7). Specialties are the members'
//! `specialties` (multi-valued; the first listed is the primary one).

pub mod spec_001;
pub mod spec_002;
