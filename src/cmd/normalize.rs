//! `banzi normalize DATASET --out DIR`: the clean tables as banzi sees them (`cadres`,
//! `careers`, `facts`), as CSV and Parquet.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::clean_tables;
use banzi::rules::Lang;

use super::terminal::prepare;
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
    let run = prepare(a.common.run_options(Some(&a.rules)))?;
    let w = clean_tables::write_all(&run.ds, &run.facts, run.out())?;
    for (name, frame) in &run.ds.derived {
        let file = run
            .out()
            .join(format!("roster_{}.csv", name.trim_start_matches("roster_")));
        banzi::roster::write_derived(frame, &file)?;
        println!(
            "{} ({}): {}",
            file.display(),
            frame.height(),
            run.lang().pick("由名册导出", "derived from the roster")
        );
    }
    let (cadres, careers, facts, out) = (w.cadres, w.careers, w.facts, run.out().display());
    match run.lang() {
        Lang::Zh => println!(
            "已写出 cadres（{cadres}行）、careers（{careers}行）、facts（{facts}行），CSV 与 Parquet 各一份 → {out}"
        ),
        Lang::En => println!(
            "wrote cadres ({cadres} rows), careers ({careers} rows), facts ({facts} rows) as .csv and .parquet to {out}"
        ),
    }
    Ok(0)
}
