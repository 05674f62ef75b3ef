//! `banzi report DATASET [--cycle C]`: structure tables, charts and the HTML page, with
//! the findings of the same rule options as `check`.

use anyhow::Result;
use clap::Args as ClapArgs;

use super::terminal::print_load_summary;
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// The cycle the charts and the page show (default: the latest).
    #[arg(long)]
    pub cycle: Option<String>,
}

pub fn run(a: &Args) -> Result<u8> {
    let loaded = a.common.run_options(Some(&a.rules)).plan()?.load()?;
    print_load_summary(&loaded.ds, &loaded.plan.rejected_path());
    let run = loaded.derive()?;
    let findings = run.findings()?;
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let w = banzi::report::write_all(
        &run.ctx,
        &findings,
        a.cycle.as_deref(),
        &a.common.dataset.display().to_string(),
        run.lang(),
        progress,
        run.out(),
    )?;
    let out = run.out();
    println!(
        "structure tables: {} teams, {} areas → {}; {} chart pages (PNG+SVG) → {}; page → {}",
        w.teams,
        w.areas,
        out.join("structure.xlsx").display(),
        w.chart_pages,
        out.join("charts").display(),
        out.join("report.html").display()
    );
    Ok(0)
}
