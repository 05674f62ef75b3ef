//! banzi's polars-free parsing code, compiled by path for fuzzing.

pub mod normalize {
    #[path = "../../../../src/normalize/boolean.rs"]
    pub mod boolean;
    #[path = "../../../../src/normalize/date.rs"]
    pub mod date;
    #[path = "../../../../src/normalize/education.rs"]
    pub mod education;
    #[path = "../../../../src/normalize/ethnicity.rs"]
    pub mod ethnicity;
    #[path = "../../../../src/normalize/gender.rs"]
    pub mod gender;
    #[path = "../../../../src/normalize/party.rs"]
    pub mod party;
    #[path = "../../../../src/normalize/role.rs"]
    pub mod role;
    #[path = "../../../../src/normalize/unit_kind.rs"]
    pub mod unit_kind;
}

#[path = "../../../src/resume/mod.rs"]
pub mod resume;

pub mod dataset {
    #[path = "../../../../src/dataset/text.rs"]
    pub mod text;
}
