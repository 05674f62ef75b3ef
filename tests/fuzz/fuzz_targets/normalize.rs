#![no_main]
use banzi_fuzz::normalize::*;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = gender::parse(text);
    let _ = ethnicity::parse(text);
    let _ = party::parse(text);
    let _ = education::parse(text);
    let _ = boolean::parse(text);
    let _ = role::Role::parse(text);
    let _ = role::Nomination::parse(text);
    let _ = role::Body::parse(text);
    let _ = unit_kind::UnitKind::parse(text);
});
