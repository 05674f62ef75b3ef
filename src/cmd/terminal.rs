//! What every loading command prints: the table counts and the rejected rows, with text
//! from the input escaped so that a control character in a name cannot drive the
//! terminal.

use std::path::Path;

use banzi::dataset::{CareerSource, Dataset};

/// Text from the input as it may be shown on a terminal: control characters (an escape
/// sequence hidden in a name, say) are written as `\u{..}` instead of being sent.
pub fn show(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Prints what was read, used and rejected per table.
pub fn print_load_summary(ds: &Dataset, rejected: &Path) {
    for note in &ds.notes {
        eprintln!("note: {}", show(note));
    }
    println!(
        "{:<10} {:>8} {:>8} {:>8}  source",
        "table", "read", "loaded", "rejected"
    );
    for c in &ds.counts {
        println!(
            "{:<10} {:>8} {:>8} {:>8}  {}",
            c.table, c.read, c.loaded, c.rejected, c.source
        );
    }
    if ds.resumes_parsed > 0 {
        let from_resume = ds
            .careers
            .source
            .iter()
            .filter(|s| **s == CareerSource::Resume)
            .count();
        println!(
            "{:<10} {:>8} {:>8} {:>8}  résumés of {} persons",
            "(résumé)", "", from_resume, "", ds.resumes_parsed
        );
    }
    let rows: usize = ds.counts.iter().map(|c| c.rejected).sum();
    let dropped = ds.rejections.dropped_values();
    println!(
        "rejected: {rows} rows, {dropped} values ignored in kept rows; listed in {}",
        rejected.display()
    );
}
