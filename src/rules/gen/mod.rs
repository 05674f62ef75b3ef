//! GEN: women in leadership teams (catalogue 3.4).

pub mod gen_001;
pub mod gen_002;
pub mod gen_003;
pub mod gen_004;
