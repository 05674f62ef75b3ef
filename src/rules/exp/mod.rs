//! EXP: work experience and source pools (catalogue 3.6).

pub mod exp_001;
pub mod exp_002;
pub mod exp_006;
