#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = banzi_fuzz::dataset::text::read_workbook(std::io::Cursor::new(bytes), &|_, h| h.contains("date"));
});
