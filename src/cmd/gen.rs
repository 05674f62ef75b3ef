//! `banzi gen --sample --out DIR` / `--units N [--format parquet]`: the shipped sample or a
//! large deterministic dataset.

use anyhow::{bail, Result};
use clap::{Args as ClapArgs, ValueEnum};
use std::path::PathBuf;

use banzi::synth::{CareersMode, GenOptions};

use super::FormatArg;

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CareersArg {
    Resume,
    Table,
    Both,
}

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// The shipped sample district (12 townships, 6 sub-districts, cycles 2016 and 2021).
    #[arg(long, conflicts_with = "units")]
    pub sample: bool,
    /// Number of units (teams per cycle) to generate.
    #[arg(long)]
    pub units: Option<usize>,
    /// Seed of the generator.
    #[arg(long, default_value_t = 2021)]
    pub seed: u64,
    /// How work histories are written: résumé text, a careers table, or both.
    #[arg(long, value_enum)]
    pub careers: Option<CareersArg>,
    /// Output folder (the dataset).
    #[arg(long)]
    pub out: PathBuf,
    /// Also write the list of deliberate breaches (rule, cycle, unit, person) here.
    #[arg(long)]
    pub expected: Option<PathBuf>,
    /// Table format: CSV, or Parquet (one format per folder).
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Also write the latest cycle's teams as a roster workbook (换届人选名册) here.
    #[arg(long, value_name = "FILE.xlsx")]
    pub roster: Option<PathBuf>,
}

pub fn run(a: &Args) -> Result<u8> {
    if !a.sample && a.units.is_none() {
        bail!("say --sample or --units N");
    }
    let careers = match a.careers {
        Some(CareersArg::Resume) => CareersMode::Resume,
        Some(CareersArg::Table) => CareersMode::Table,
        Some(CareersArg::Both) => CareersMode::Both,
        None if a.sample => CareersMode::Both,
        None => CareersMode::Table,
    };
    let opts = GenOptions {
        units: if a.sample { 0 } else { a.units.unwrap_or(0) },
        seed: a.seed,
        sample: a.sample,
        careers,
    };
    let summary =
        banzi::synth::write_dataset(&opts, a.format.into(), &a.out, a.expected.as_deref())?;
    for (table, rows) in &summary.rows_per_table {
        println!("{table:<10} {rows:>9} rows");
    }
    if let Some(path) = &a.expected {
        println!(
            "expected findings: {} in {}",
            summary.expected.len(),
            path.display()
        );
    }
    if let Some(path) = &a.roster {
        let n =
            banzi::roster::write::latest_cycle_roster(&a.out, path).map_err(anyhow::Error::msg)?;
        println!("roster: {n} teams in {}", path.display());
    }
    Ok(0)
}
