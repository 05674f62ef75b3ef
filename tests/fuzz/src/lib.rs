//! banzi's polars-free parsing code, compiled by path for fuzzing: the value normalisers,
//! the résumé parser, text decoding and workbook reading, and the LRMX reader.

#[path = "../../../src/normalize/boolean.rs"]
pub mod n_boolean;
#[path = "../../../src/normalize/date.rs"]
pub mod n_date;
#[path = "../../../src/normalize/education.rs"]
pub mod n_education;
#[path = "../../../src/normalize/ethnicity.rs"]
pub mod n_ethnicity;
#[path = "../../../src/normalize/gender.rs"]
pub mod n_gender;
#[path = "../../../src/normalize/party.rs"]
pub mod n_party;
#[path = "../../../src/normalize/role.rs"]
pub mod n_role;
#[path = "../../../src/normalize/text.rs"]
pub mod n_text;
#[path = "../../../src/normalize/unit_kind.rs"]
pub mod n_unit_kind;
#[path = "../../../src/dataset/text.rs"]
pub mod d_text;

pub mod normalize {
    pub use super::n_boolean as boolean;
    pub use super::n_date as date;
    pub use super::n_education as education;
    pub use super::n_ethnicity as ethnicity;
    pub use super::n_gender as gender;
    pub use super::n_party as party;
    pub use super::n_role as role;
    pub use super::n_text as text;
    pub use super::n_unit_kind as unit_kind;
}

pub mod dataset {
    pub use super::d_text as text;
}

#[path = "../../../src/resume/mod.rs"]
pub mod resume;

#[path = "../../../src/lrmx/mod.rs"]
pub mod lrmx;
