//! `banzi bench [--units 1000,10000,40000] [--format csv|parquet]`: times each stage on
//! generated datasets, each measured in a child process of its own.

use anyhow::Result;
use clap::Args as ClapArgs;
use std::path::PathBuf;

use super::FormatArg;

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Dataset sizes in units (teams per cycle), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,40000")]
    pub units: Vec<usize>,
    /// Format of the generated datasets.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Folder for the generated datasets (kept between runs).
    #[arg(long, default_value = "target/bench")]
    pub dir: PathBuf,
    /// Measure one dataset in this process and print one line (used by `bench` itself).
    #[arg(long, hide = true)]
    pub one: Option<PathBuf>,
    /// Time `banzi suggest` instead: one district against ~2,000 candidates, then a
    /// province of 1,500 teams.
    #[arg(long)]
    pub suggest: bool,
    /// With --suggest: seconds one model may run.
    #[arg(long, default_value_t = 20.0)]
    pub time_limit: f64,
}

pub fn run(a: &Args) -> Result<u8> {
    if let Some(dir) = &a.one {
        let t = banzi::bench::run_one(dir, &dir.with_extension("out"))?;
        println!("{}", t.to_line());
        return Ok(0);
    }
    if a.suggest {
        banzi::bench::suggest_suite(&a.dir, a.time_limit, &mut std::io::stdout())?;
        return Ok(0);
    }
    let exe = std::env::current_exe()?;
    banzi::bench::run_suite(
        &exe,
        &a.units,
        a.format.into(),
        &a.dir,
        &mut std::io::stdout(),
    )?;
    Ok(0)
}
