#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = banzi_fuzz::lrmx::parse_person(bytes);
});
