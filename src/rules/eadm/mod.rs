//! EADM: election administration, where the data carry it (catalogue 3.13): seats per
//! constituency, election-committee members who stand, proxy votes, and the kind of
//! assembly a 街道's party members hold.

pub mod eadm_001;
pub mod eadm_002;
pub mod eadm_004;
pub mod eadm_008;
