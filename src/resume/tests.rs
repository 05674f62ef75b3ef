//! Tests of the résumé parser on whole résumés.
use super::*;
