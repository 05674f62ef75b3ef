//! `banzi bench`: times each stage of a check on generated datasets (read floor, load,
//! derive, check, of which the election rules, report) and reports peak memory, so speed
//! and memory are measured the same way every time rather than guessed.
//!
//! Each dataset is measured in a fresh child process (`banzi bench --one DIR`), so the
//! peak resident memory (`VmHWM` of `/proc/self/status`) belongs to that dataset alone.
//! Two peaks are reported: the check's (load through the rules, as `banzi check` holds
//! them; the read floor's own peak is reset first) and the whole run's through the
//! report, which keeps every table.
//! The *read floor* is the time to read the same files as text tables and nothing else:
//! the check should cost at most twice that.

use anyhow::{bail, Context as _, Result};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use crate::dataset::{schema, source};
use crate::pipeline::RunOptions;
use crate::rules::Lang;
use crate::synth::{CareersMode, Format, GenOptions};

/// Seconds per stage of one run, and the peak memory.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub rows: usize,
    pub read_floor: f64,
    pub load: f64,
    pub derive: f64,
    pub check: f64,
    /// Of `check`: the rules of the election tables alone (DEL, DELEL, EADM and the list
    /// rules), timed on their own.
    pub elections: f64,
    /// Rows of the election tables (of `rows`).
    pub election_rows: usize,
    pub write: f64,
    pub report: f64,
    pub findings: usize,
    /// Peak resident memory from the load through the check, as `banzi check` would
    /// reach it (the read floor's own peak is reset first, where Linux allows it).
    pub check_peak_mib: f64,
    /// Peak resident memory from the load through the report, which keeps every table.
    pub peak_mib: f64,
}

impl Timings {
    /// From load through `exceptions.csv`.
    pub fn check_total(&self) -> f64 {
        self.load + self.derive + self.check + self.write
    }

    pub fn to_line(&self) -> String {
        format!(
            "rows={} election_rows={} read_floor={:.3} load={:.3} derive={:.3} check={:.3} elections={:.3} write={:.3} report={:.3} findings={} check_peak_mib={:.0} peak_mib={:.0}",
            self.rows, self.election_rows, self.read_floor, self.load, self.derive, self.check, self.elections, self.write, self.report, self.findings, self.check_peak_mib, self.peak_mib
        )
    }

    pub fn from_line(line: &str) -> Option<Timings> {
        let mut t = Timings::default();
        for part in line.split_whitespace() {
            let (k, v) = part.split_once('=')?;
            let x: f64 = v.parse().ok()?;
            match k {
                "rows" => t.rows = x as usize,
                "read_floor" => t.read_floor = x,
                "load" => t.load = x,
                "derive" => t.derive = x,
                "check" => t.check = x,
                "elections" => t.elections = x,
                "election_rows" => t.election_rows = x as usize,
                "write" => t.write = x,
                "report" => t.report = x,
                "findings" => t.findings = x as usize,
                "check_peak_mib" => t.check_peak_mib = x,
                "peak_mib" => t.peak_mib = x,
                _ => {}
            }
        }
        Some(t)
    }
}

/// Peak resident memory of this process in MiB (Linux; 0 elsewhere). Under
/// `BANZI_TRACE=stage`, which resets the process's own peak at each trace, the highest
/// of the stages' peaks counts too.
pub fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status_kb(&status);
    (kb("VmHWM:").max(RUN_PEAK_KB.load(Ordering::Relaxed) as f64)) / 1024.0
}

/// Resident memory of this process in KiB (Linux; 0 elsewhere).
pub(crate) fn resident_kib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status_kb(&status)("VmRSS:");
    kb
}

/// The highest stage peak seen by [`trace`] under `BANZI_TRACE=stage`, in KiB.
static RUN_PEAK_KB: AtomicU64 = AtomicU64::new(0);

/// A reader of the `key: N kB` lines of `/proc/self/status` (0 where absent).
fn status_kb(status: &str) -> impl Fn(&str) -> f64 + '_ {
    move |key| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .unwrap_or(0.0)
    }
}

/// With `BANZI_TRACE` set, prints a stage's label, the seconds since the first trace,
/// the processor time and the system's part of it since the process began (on every
/// thread: a stage whose processor time grew by about its wall time ran on one core),
/// the resident memory and the peak to stderr (for finding where time and memory go).
///
/// With `BANZI_TRACE=stage`, the peak printed beside each stage is that stage's own (since
/// the trace before), and the run's is the highest of them: it shows which step raises
/// the run's peak, not only that it was raised. Linux resets a process's peak when
/// asked (`/proc/self/clear_refs`); that also resets what the parent process sees at
/// exit (`wait4`'s `ru_maxrss`, `time`'s `%M`), so peaks measured from outside are not
/// valid in that mode, and it is not the default.
pub fn trace(label: &str) {
    use std::sync::OnceLock;
    static START: OnceLock<Option<(Instant, bool)>> = OnceLock::new();
    let Some((t0, by_stage)) = START
        .get_or_init(|| std::env::var_os("BANZI_TRACE").map(|v| (Instant::now(), v == "stage")))
    else {
        return;
    };
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status_kb(&status);
    let stage = kb("VmHWM:");
    if *by_stage {
        reset_peak();
    }
    let run = RUN_PEAK_KB
        .fetch_max(stage as u64, Ordering::Relaxed)
        .max(stage as u64);
    let mib = |kb: f64| kb / 1024.0;
    let (cpu, system) = cpu_seconds();
    eprintln!(
        "trace {:>8.3} s cpu {:>8.3} s sys {:>7.3} s rss {:>6.0} MiB stage {:>6.0} MiB peak {:>6.0} MiB  {label}",
        t0.elapsed().as_secs_f64(),
        cpu,
        system,
        mib(kb("VmRSS:")),
        mib(stage),
        mib(run as f64)
    );
}

/// The processor time this process has used so far on every thread: user and system
/// together, and system alone.
#[cfg(unix)]
fn cpu_seconds() -> (f64, f64) {
    // SAFETY: `rusage` is plain integers, for which all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `getrusage` fills the struct it is given and touches nothing else.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return (0.0, 0.0);
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let system = secs(usage.ru_stime);
    (secs(usage.ru_utime) + system, system)
}

#[cfg(not(unix))]
fn cpu_seconds() -> (f64, f64) {
    (0.0, 0.0)
}

/// Asks Linux to start this process's peak resident memory (`VmHWM`) afresh from what
/// is resident now. Where the reset is refused, the peak stays the process's own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Reads every table file of a dataset folder as text, and nothing more.
pub fn read_floor(dir: &Path) -> Result<usize> {
    let mut rows = 0;
    for (stem, path, format) in source::list_folder(dir)? {
        if schema::table_for(&stem).is_none() {
            continue;
        }
        rows += source::read_file(&path, format)?.height();
    }
    Ok(rows)
}

/// Runs one measured check of `dir`, writing outputs into `out`: the stages of the one
/// pipeline, timed one by one, with the default rules.
pub fn run_one(dir: &Path, out: &Path) -> Result<Timings> {
    let mut t = Timings::default();
    let clock = Instant::now();
    t.rows = read_floor(dir)?;
    t.read_floor = clock.elapsed().as_secs_f64();
    // The floor reads each table whole; what follows is measured as a check would be.
    crate::pipeline::hand_back_freed_memory();
    reset_peak();

    let plan = RunOptions {
        dataset: dir.to_path_buf(),
        out: out.to_path_buf(),
        // As `banzi check` runs.
        only_rule_tables: true,
        ..RunOptions::default()
    }
    .plan()?;
    let clock = Instant::now();
    let loaded = plan.load()?;
    t.load = clock.elapsed().as_secs_f64();

    let clock = Instant::now();
    let run = loaded.derive()?;
    t.derive = clock.elapsed().as_secs_f64();

    let clock = Instant::now();
    let findings = run.findings()?;
    t.check = clock.elapsed().as_secs_f64();
    t.findings = findings.len();
    t.check_peak_mib = peak_mib();

    let election_rules: Vec<&dyn crate::rules::Rule> = crate::rules::codes::RULES
        .iter()
        .copied()
        .filter(|r| crate::rules::codes::reads_elections(r.meta().code))
        .collect();
    let clock = Instant::now();
    run.findings_of(&election_rules)?;
    t.elections = clock.elapsed().as_secs_f64();
    t.election_rows = run
        .ds
        .counts
        .iter()
        .filter(|c| {
            ["elections", "candidates", "memberships", "proxies"].contains(&c.table.as_str())
        })
        .map(|c| c.read)
        .sum();

    let clock = Instant::now();
    crate::exceptions::write_csv(&findings, &out.join("exceptions.csv"))?;
    t.write = clock.elapsed().as_secs_f64();

    // The whole report, as `banzi report` writes it: tables, charts and the page.
    let clock = Instant::now();
    let source = dir.display().to_string();
    crate::report::write_all(&run.ctx, &findings, None, &source, Lang::Zh, false, out)?;
    t.report = clock.elapsed().as_secs_f64();

    t.peak_mib = peak_mib();
    Ok(t)
}

/// Measures each size in `units` (generating the dataset into `dir` when it is not there
/// yet), each in a child process `exe bench --one DIR`, and prints the table and the
/// scaling between sizes to `w`.
pub fn run_suite(
    exe: &Path,
    units: &[usize],
    format: Format,
    dir: &Path,
    w: &mut dyn Write,
) -> Result<()> {
    let fmt = match format {
        Format::Csv => "csv",
        Format::Parquet => "parquet",
    };
    writeln!(
        w,
        "{:>7} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>8} {:>8} {:>8}",
        "units",
        "rows",
        "elect_rows",
        "floor",
        "load",
        "derive",
        "check",
        "elect",
        "write",
        "total",
        "xfloor",
        "report",
        "checkMiB",
        "peakMiB"
    )?;
    let mut totals = Vec::new();
    for &n in units {
        let data = dir.join(format!("u{n}-{fmt}"));
        if !data.join(format!("slate.{fmt}")).is_file() {
            eprintln!("generating {} …", data.display());
            let opts = GenOptions {
                units: n,
                careers: CareersMode::Table,
                ..GenOptions::default()
            };
            crate::synth::write_dataset(&opts, format, &data, None)?;
        }
        let out = std::process::Command::new(exe)
            .args(["bench", "--one"])
            .arg(&data)
            .output()
            .context("running the measured child")?;
        if !out.status.success() {
            bail!(
                "bench of {} failed: {}",
                data.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let t = Timings::from_line(line.trim()).context("reading the child's timings")?;
        writeln!(
            w,
            "{:>7} {:>9} {:>9} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2}x {:>8.2} {:>8.0} {:>8.0}",
            n,
            t.rows,
            t.election_rows,
            t.read_floor,
            t.load,
            t.derive,
            t.check,
            t.elections,
            t.write,
            t.check_total(),
            t.check_total() / t.read_floor.max(1e-9),
            t.report,
            t.check_peak_mib,
            t.peak_mib
        )?;
        totals.push((n, t.check_total()));
    }
    for pair in totals.windows(2) {
        writeln!(
            w,
            "scaling {} → {} units: {:.2}x the time for {:.1}x the units",
            pair[0].0,
            pair[1].0,
            pair[1].1 / pair[0].1.max(1e-9),
            pair[1].0 as f64 / pair[0].0 as f64
        )?;
    }
    Ok(())
}

/// `banzi bench --suggest`: times `banzi suggest` on generated datasets: one district
/// of about 20 teams against the whole pool of a 170-unit dataset (about 2,000
/// candidates), then every district of a 1,500-unit province, solved in parallel.
pub fn suggest_suite(dir: &Path, limit: f64, w: &mut dyn Write) -> Result<()> {
    use crate::remedy::suggest::{self, Limits, Options};
    writeln!(
        w,
        "{:>6} {:>9} {:>10} {:>6} {:>8} {:>8} {:>8} {:>8}  statuses",
        "units", "district", "candidates", "teams", "prepare", "solveΣ", "slowest", "wall"
    )?;
    for (n, only) in [(170usize, Some("C00004")), (1500, None)] {
        let data = dir.join(format!("u{n}-csv"));
        if !data.join("slate.csv").is_file() {
            eprintln!("generating {} …", data.display());
            let opts = GenOptions {
                units: n,
                careers: CareersMode::Table,
                ..GenOptions::default()
            };
            crate::synth::write_dataset(&opts, Format::Csv, &data, None)?;
        }
        let started = Instant::now();
        let run = RunOptions {
            dataset: data.clone(),
            lang: Lang::En,
            out: dir.join(format!("u{n}-suggest")),
            ..RunOptions::default()
        }
        .prepare()?;
        let cycle = run
            .ctx
            .cycles_in_order()
            .last()
            .and_then(|c| run.ds.cycles.index.get(c).copied())
            .context("no cycle")?;
        let prepare = started.elapsed().as_secs_f64();
        let options = Options {
            district: only.map(String::from),
            ..Options::default()
        };
        let started = Instant::now();
        let s = suggest::suggest(&run, cycle, &options, Limits { seconds: limit })?;
        let total = started.elapsed().as_secs_f64();
        let slowest = s.results.iter().map(|r| r.seconds).fold(0.0, f64::max);
        let solve: f64 = s.results.iter().map(|r| r.seconds).sum();
        let mut statuses: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in &s.results {
            *statuses.entry(r.status()).or_default() += 1;
        }
        let teams: usize = s.results.iter().map(|r| r.district.teams.len()).sum();
        let candidates = crate::remedy::find::pool(&run.ds, cycle, None).len();
        let st: Vec<String> = statuses.iter().map(|(k, v)| format!("{k}={v}")).collect();
        writeln!(
            w,
            "{:>6} {:>9} {:>10} {:>6} {:>8.2} {:>8.2} {:>8.2} {:>8.2}  {} ({} errors left)",
            n,
            only.unwrap_or("all"),
            candidates,
            teams,
            prepare,
            solve,
            slowest,
            total,
            st.join(" "),
            s.errors_left().len()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Timings;

    #[test]
    fn a_childs_timings_read_back_from_its_line() {
        let t = Timings {
            rows: 9_974_950,
            read_floor: 3.58,
            load: 5.85,
            derive: 2.35,
            check: 4.85,
            elections: 1.84,
            election_rows: 2_361_258,
            write: 0.02,
            report: 20.13,
            findings: 31_000,
            check_peak_mib: 957.0,
            peak_mib: 1_860.0,
        };
        let back = Timings::from_line(&t.to_line()).expect("a line of timings");
        assert_eq!(back.to_line(), t.to_line());
        assert_eq!((back.check_peak_mib, back.peak_mib), (957.0, 1_860.0));
        assert_eq!(back.rows, 9_974_950);
        assert!((back.check_total() - 13.07).abs() < 1e-9);
    }
}
