//! What every loading command prints: the table counts and the rejected rows, with text
//! from the input escaped so that a control character in a name cannot drive the
//! terminal.

use std::path::Path;

use banzi::dataset::{CareerSource, Dataset};
use banzi::output::xlsx::display_width;
use banzi::pipeline::{Loaded, Run, RunOptions};
use banzi::rules::Lang;

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

/// `text` padded with spaces to `width` terminal columns (CJK characters take two), left
/// or right aligned.
pub fn pad(text: &str, width: usize, left: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(display_width(text)));
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

/// Prints what was read, used and rejected per table.
pub fn print_load_summary(ds: &Dataset, rejected: &Path, lang: Lang) {
    println!(
        "{}: {} {}",
        ds.path.display(),
        lang.pick("读作", "read as"),
        ds.form
    );
    for note in &ds.notes {
        eprintln!("note: {}", show(note));
    }
    match lang {
        Lang::Zh => println!(
            "{} {} {} {}  来源",
            pad("表", 10, true),
            pad("读入", 8, false),
            pad("载入", 8, false),
            pad("拒收", 8, false)
        ),
        Lang::En => println!(
            "{:<10} {:>8} {:>8} {:>8}  source",
            "table", "read", "loaded", "rejected"
        ),
    }
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
        match lang {
            Lang::Zh => println!(
                "{} {:>8} {:>8} {:>8}  {}人的简历",
                pad("（简历）", 10, true),
                "",
                from_resume,
                "",
                ds.resumes_parsed
            ),
            Lang::En => println!(
                "{:<10} {:>8} {:>8} {:>8}  résumés of {} persons",
                "(résumé)", "", from_resume, "", ds.resumes_parsed
            ),
        }
    }
    let rows: usize = ds.counts.iter().map(|c| c.rejected).sum();
    let dropped = ds.rejections.dropped_values();
    match lang {
        Lang::Zh => println!(
            "拒收：{rows}行；保留行中忽略的取值{dropped}个；清单见 {}",
            rejected.display()
        ),
        Lang::En => println!(
            "rejected: {rows} rows, {dropped} values ignored in kept rows; listed in {}",
            rejected.display()
        ),
    }
}

/// Plans, loads (printing what was read and rejected) and derives: the start of every
/// command that checks.
pub fn prepare(options: anyhow::Result<RunOptions>) -> anyhow::Result<Run> {
    let run = load(options)?.derive()?;
    print_notes(&run)?;
    Ok(run)
}

/// Notes shown on the terminal; past this many, the rest go to `notes.csv`.
const SHOWN_NOTES: usize = 10;

/// Prints the notes of a run on stderr. A generated or national dataset can give one per
/// team (tens of thousands of lines nobody reads, and megabytes for a calling script to
/// drain), so past [`SHOWN_NOTES`] the terminal shows the first ones and a count, and
/// every note goes to `notes.csv` in the output folder.
fn print_notes(run: &Run) -> anyhow::Result<()> {
    let notes = run.notes();
    for note in notes.iter().take(SHOWN_NOTES) {
        eprintln!("note: {}", show(note));
    }
    let path = run.out().join("notes.csv");
    if notes.len() <= SHOWN_NOTES {
        // A list left by an earlier run in the same folder would not be this run's.
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(anyhow::Error::from(e).context(format!("removing {}", path.display())))
            }
            _ => Ok(()),
        };
    }
    let mut w = banzi::output::csv::Writer::create(&path)?;
    w.row([run.lang().pick("说明", "note")])?;
    for note in &notes {
        w.row([note])?;
    }
    w.finish()?;
    let more = notes.len() - SHOWN_NOTES;
    match run.lang() {
        Lang::Zh => eprintln!(
            "note: 另有{more}条同类说明；全部{}条见 {}",
            notes.len(),
            path.display()
        ),
        Lang::En => eprintln!(
            "note: {more} more like these; all {} in {}",
            notes.len(),
            path.display()
        ),
    }
    Ok(())
}

/// Plans and loads, printing what was read and rejected: for commands that change the
/// slate before deriving (`check --apply`, `suggest`).
pub fn load(options: anyhow::Result<RunOptions>) -> anyhow::Result<Loaded> {
    let loaded = options?.plan()?.load()?;
    print_load_summary(
        &loaded.ds,
        &loaded.plan.rejected_path(),
        loaded.plan.options.lang,
    );
    Ok(loaded)
}
