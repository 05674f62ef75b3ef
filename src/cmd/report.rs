//! `banzi report DATASET [--cycle C]`: structure tables, charts and the HTML page, with
//! the findings of the same rule options as `check`.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::rules::Lang;

use super::terminal::prepare;
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(a: &Args) -> Result<u8> {
    let run = prepare(a.common.run_options(Some(&a.rules)))?;
    let findings = run.findings()?;
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let w = banzi::report::write_all(
        &run.ctx,
        &findings,
        a.common.roster.cycle.as_deref(),
        &a.common.dataset.display().to_string(),
        run.lang(),
        progress,
        run.out(),
    )?;
    let out = run.out();
    let (book, charts, page) = (
        out.join("structure.xlsx"),
        out.join("charts"),
        out.join("report.html"),
    );
    let (book, charts, page) = (book.display(), charts.display(), page.display());
    let (teams, areas, pages) = (w.teams, w.areas, w.chart_pages);
    match run.lang() {
        Lang::Zh => println!(
            "结构表：班子{teams}个、县区{areas}个 → {book}；图表{pages}页（PNG+SVG）→ {charts}；简报页 → {page}"
        ),
        Lang::En => println!(
            "structure tables: {teams} teams, {areas} areas → {book}; {pages} chart pages (PNG+SVG) → {charts}; page → {page}"
        ),
    }
    Ok(0)
}
