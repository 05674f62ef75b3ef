#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let parsed = banzi_fuzz::resume::parse_resume(text);
    for e in &parsed.entries {
        // Every entry is a dated post with a valid start, not after its end.
        let _ = e.start.to_naive();
        if let Some(end) = e.end {
            let _ = end.to_naive();
        }
    }
    let _ = banzi_fuzz::resume::classify_unit(text);
    let _ = banzi_fuzz::resume::split_unit_post(text);
});
