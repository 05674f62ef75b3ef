#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(d) = banzi_fuzz::normalize::date::PartialDate::parse(text) {
        // A parsed date is always a valid calendar date and prints back as itself.
        let again = banzi_fuzz::normalize::date::PartialDate::parse(&d.to_string()).unwrap();
        assert_eq!(d, again);
        let _ = d.to_naive();
    }
});
