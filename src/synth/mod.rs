//! The deterministic dataset generator: the shipped sample dataset (`data/sample/`) and
//! large synthetic datasets for benchmarks, with the list of findings a correct checker
//! must report on them.
//!
//! The sample is a fictional place, 青山县 (12 townships) and 城关区 (6 sub-districts),
//! over two transition cycles (2016 and 2021). Its teams pass every structure rule except
//! breaches planted on purpose, one rule at a time, each recorded with what was done.
//! Scale mode makes any number of units under synthetic counties and districts, with
//! breaches planted at a small known rate. Output depends only on the options: the
//! generator has its own pseudo-random generator and CSV writer and never iterates a
//! hash map into output, so the same options give byte-identical files.
//!
//! The expected list is computed by the generator's own rule oracle (`oracle.rs`) from
//! the in-memory model, with the notes of the planted breaches; the tests assert that
//! the oracle finds exactly what was planted, so a checker that disagrees with the list
//! is wrong or reads a rule differently (the README of `data/` lists the readings).

mod compose;
mod csv;
mod elections;
mod layout;
mod model;
mod oracle;
mod rng;
mod vocab;
mod write;

#[cfg(test)]
mod tests;

use anyhow::{Context, Result};
use std::path::Path;

/// The format of a generated dataset: one per folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Parquet,
}

/// Generates a dataset into `out` in one format, and the list of deliberate breaches into
/// `expected` when given (`banzi gen`, `banzi bench`).
pub fn write_dataset(
    opts: &GenOptions,
    format: Format,
    out: &Path,
    expected: Option<&Path>,
) -> Result<GenSummary> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let summary = generate(opts, out)?;
    if let Some(path) = expected {
        write_expected(&summary.expected, path)?;
    }
    if format == Format::Parquet {
        to_parquet(out)?;
    }
    Ok(summary)
}

/// Converts every CSV table of a generated folder to Parquet and removes the CSV.
fn to_parquet(out: &Path) -> Result<()> {
    use crate::dataset::source;
    for (stem, path, _) in source::list_folder(out)? {
        if path.extension().and_then(|e| e.to_str()) != Some("csv") {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut df = source::csv_frame(bytes).map_err(anyhow::Error::msg)?;
        let pq = out.join(format!("{stem}.parquet"));
        let file = std::fs::File::create(&pq)?;
        polars::prelude::ParquetWriter::new(file)
            .finish(&mut df)
            .map_err(anyhow::Error::from)
            .with_context(|| format!("writing {}", pq.display()))?;
        std::fs::remove_file(&path)?;
    }
    Ok(())
}

/// How work histories are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CareersMode {
    /// Only as `cadres.resume` text (the cadre-form style).
    Resume,
    /// Only as `careers.csv` rows (fastest; the default for scale mode).
    Table,
    /// Both.
    Both,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenOptions {
    /// Number of units (teams) in scale mode; ignored for the sample.
    pub units: usize,
    pub seed: u64,
    /// Generate the fixed sample place instead of `units` synthetic units.
    pub sample: bool,
    pub careers: CareersMode,
}

impl Default for GenOptions {
    fn default() -> Self {
        GenOptions {
            units: 1000,
            seed: DEFAULT_SEED,
            sample: false,
            careers: CareersMode::Table,
        }
    }
}

/// The seed of the shipped sample.
pub const DEFAULT_SEED: u64 = 2021;

/// Cadres in the sample (slate people plus cadres on no slate).
const SAMPLE_CADRES: usize = 300;

/// Cadres on no slate per unit in scale mode (township staff, reserve cadres), which
/// brings 40,000 units to about a million cadres.
const SCALE_UNSEATED_PER_UNIT: usize = 12;

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenSummary {
    /// Data rows per table, in the order `cadres`, `careers` (when written), `units`,
    /// `slate`, `cycles`, `relations`, `elections`, `candidates`, `memberships`, `proxies`.
    pub rows_per_table: Vec<(String, usize)>,
    /// Findings a checker must report, sorted.
    pub expected: Vec<ExpectedFinding>,
}

/// A finding the data contains on purpose.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ExpectedFinding {
    pub rule: String,
    pub cycle: String,
    /// Empty for aggregate and cycle findings over a county or district (its id then
    /// starts `note`).
    pub unit_id: String,
    /// Empty for team, aggregate and cycle findings.
    pub person_id: String,
    pub note: String,
}

/// Builds the world(s), writes the tables into `out_dir` (created if missing) and
/// returns the row counts and the expected findings.
pub fn generate(opts: &GenOptions, out_dir: &Path) -> Result<GenSummary> {
    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("cannot create {}", out_dir.display()))?;
    let mut tables = write::Tables::create(out_dir, opts.careers)?;
    let mut expected = Vec::new();
    if opts.sample {
        let world = build_sample(opts.seed);
        tables.write_world(&world)?;
        expected.extend(expected_of(&world));
    } else {
        let mut first_unit = 0;
        let mut person_base = 0;
        for (i, plan) in layout::scale_plan(opts.units, opts.seed)
            .into_iter()
            .enumerate()
        {
            let world = build_scale_area(opts.seed, i, plan, first_unit, person_base);
            tables.write_world(&world)?;
            expected.extend(expected_of(&world));
            first_unit += plan.size;
            person_base += world.persons.len() + world.elections.pool.len();
        }
    }
    let rows_per_table = tables.finish()?;
    expected.sort();
    Ok(GenSummary {
        rows_per_table,
        expected,
    })
}

/// Writes `findings` as CSV (`rule,cycle,unit_id,person_id,note`), sorted.
pub fn write_expected(findings: &[ExpectedFinding], path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut sorted = findings.to_vec();
    sorted.sort();
    let mut out = csv::CsvFile::create(path, &write::EXPECTED_HEADER)?;
    for f in &sorted {
        out.row(&[&f.rule, &f.cycle, &f.unit_id, &f.person_id, &f.note])?;
    }
    out.finish()?;
    Ok(())
}

fn build_sample(seed: u64) -> model::World {
    let layout = layout::sample_layout();
    let mut w =
        compose::Builder::new(layout, seed, true, compose::Extra::FillTo(SAMPLE_CADRES)).run();
    w.elections = elections::build(&w, seed, true);
    w
}

fn build_scale_area(
    seed: u64,
    index: usize,
    plan: layout::AreaPlan,
    first_unit: usize,
    person_base: usize,
) -> model::World {
    let mut rng = rng::Rng::derive(seed, index as u64);
    let mut world = layout::scale_layout(index, plan, first_unit, &mut rng);
    world.person_base = person_base;
    let seed = rng.next_u64();
    let mut w = compose::Builder::new(
        world,
        seed,
        false,
        compose::Extra::PerUnit(SCALE_UNSEATED_PER_UNIT),
    )
    .run();
    w.elections = elections::build(&w, seed, false);
    w
}

/// The oracle's findings on `w`, carrying the planted notes where they match.
fn expected_of(w: &model::World) -> Vec<ExpectedFinding> {
    let mut found = oracle::evaluate(w);
    for f in found.iter_mut() {
        if let Some(p) = w.planted.iter().find(|p| p.key() == f.key()) {
            let prefix = f
                .area
                .map(|a| format!("{}: ", w.areas[a].id))
                .unwrap_or_default();
            let observed = f.note.strip_prefix(&prefix).unwrap_or(&f.note).to_string();
            f.note = format!("{} (observed: {observed})", p.note);
        }
    }
    let mut out = write::expected(w, &found);
    out.extend(w.elections.expected(w));
    out
}
