//! `banzi normalize DATASET --out DIR`: the clean tables as banzi sees them (`cadres`,
//! `careers`, `facts`), as CSV and Parquet.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::clean_tables;

use super::terminal::print_load_summary;
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    /// The rule configuration decides some facts (e.g. whether 街道 work is township work).
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(a: &Args) -> Result<u8> {
    let loaded = a.common.run_options(Some(&a.rules)).plan()?.load()?;
    print_load_summary(&loaded.ds, &loaded.plan.rejected_path());
    let run = loaded.derive()?;
    let w = clean_tables::write_all(&run.ds, &run.facts, run.out())?;
    println!(
        "wrote cadres ({} rows), careers ({} rows), facts ({} rows) as .csv and .parquet to {}",
        w.cadres,
        w.careers,
        w.facts,
        run.out().display()
    );
    Ok(0)
}
