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

/// Years left before the exit age, per seat: retirement age by gender minus exact age.
pub(crate) fn years_left(global: &crate::rules::config::Global) -> Expr {
    when(col("gender").eq(lit("F")))
        .then(lit(global.retirement_age_female))
        .otherwise(lit(global.retirement_age_male))
        - col("age_exact")
}
