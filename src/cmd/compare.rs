//! `banzi compare DATASET --cycles 2016,2021[,2026]`: deltas, continuity, moves, units in
//! one cycle only, and the cycle rules of the same rule options as `check`.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::pipeline;
use banzi::rules::Lang;

use super::terminal::prepare;
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
    let run = prepare(a.common.run_options(Some(&a.rules)))?;
    let c = banzi::report::write_comparison(&run, &a.cycles)?;
    let cycles = a.cycles.join(" → ");
    let (book, charts) = (run.out().join("compare.xlsx"), run.out().join("charts"));
    let (book, charts) = (book.display(), charts.display());
    let (teams, moves, unmatched, found, pages) = (
        c.teams,
        c.moves,
        c.unmatched,
        c.findings.len(),
        c.chart_pages,
    );
    match run.lang() {
        Lang::Zh => println!(
            "比较{cycles}：班子{teams}个，单位间交流{moves}人次，仅见于一届的单位{unmatched}个，届次规则发现{found}条 → {book}；图表{pages}页 → {charts}"
        ),
        Lang::En => println!(
            "compared {cycles}: {teams} teams, {moves} moves between units, {unmatched} units in one cycle only, {found} cycle findings → {book}; {pages} chart pages → {charts}"
        ),
    }
    Ok(pipeline::exit_code(&c.findings))
}
