//! `banzi compare DATASET --cycles 2016,2021[,2026]`: deltas, continuity, moves, units in
//! one cycle only, and the cycle rules of the same rule options as `check`.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::pipeline;

use super::terminal::print_load_summary;
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Cycles to compare, in order (e.g. `2016,2021`).
    #[arg(long, value_delimiter = ',')]
    pub cycles: Vec<String>,
}

pub fn run(a: &Args) -> Result<u8> {
    let loaded = a.common.run_options(Some(&a.rules)).plan()?.load()?;
    print_load_summary(&loaded.ds, &loaded.plan.rejected_path());
    let run = loaded.derive()?;
    let c = banzi::report::write_comparison(&run, &a.cycles)?;
    println!(
        "compared {}: {} teams, {} moves between units, {} units in one cycle only, {} cycle findings → {}; {} chart pages → {}",
        a.cycles.join(" → "),
        c.teams,
        c.moves,
        c.unmatched,
        c.findings.len(),
        run.out().join("compare.xlsx").display(),
        c.chart_pages,
        run.out().join("charts").display()
    );
    Ok(pipeline::exit_code(&c.findings))
}
