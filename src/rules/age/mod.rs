//! AGE: age structure of teams and age-based eligibility (catalogue 3.3). Ages are
//! completed years at the cycle's reference date.

pub mod age_001;
pub mod age_002;
pub mod age_003;
pub mod age_004;
pub mod age_005;
pub mod age_007;
pub mod reading;

use polars::prelude::*;

/// Years left before the exit age, per seat (the context's `years_left`: calendar years
/// from the reference date to the exit age of the person's gender, truncated to 2
/// decimals, so that exactly 5 years left is 5 and not 4.99).
pub(crate) fn years_left() -> Expr {
    col("years_left")
}
