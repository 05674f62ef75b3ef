//! `banzi check DATASET`: every team of every cycle against the selected rules; writes
//! the exception list and exits 1 when an `error` was found.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::exceptions;
use banzi::pipeline::{self, Run};
use banzi::rules::{Finding, Severity};

use super::terminal::{print_load_summary, show};
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

pub fn run(a: &Args) -> Result<u8> {
    let loaded = a.common.run_options(Some(&a.rules)).plan()?.load()?;
    print_load_summary(&loaded.ds, &loaded.plan.rejected_path());
    let run = loaded.derive()?;
    let findings = run.findings()?;
    run.write_exceptions(&findings)?;
    print_check_summary(&findings, &run);
    Ok(pipeline::exit_code(&findings))
}

fn print_check_summary(findings: &[Finding], run: &Run) {
    let s = exceptions::summarise(findings);
    let count = |sev| s.by_severity.get(&sev).copied().unwrap_or(0);
    println!(
        "checked {} teams with {} rules: {} errors, {} warnings, {} advice",
        run.ctx.team_count(),
        run.plan.rules.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Advice)
    );
    for (rule, (sev, n)) in &s.by_rule {
        println!("  {rule:<9} {:<8} {n:>5}", sev.code());
    }
    if !s.worst_teams.is_empty() {
        println!("teams with the most errors:");
        for ((cycle, unit), counts) in s.worst_teams.iter().take(5) {
            println!(
                "  {} {} {}: {} errors, {} warnings, {} advice",
                show(cycle),
                show(unit),
                show(run.ctx.unit_name(unit)),
                counts[0],
                counts[1],
                counts[2]
            );
        }
    }
    println!(
        "exception list: {}",
        run.out().join("exceptions.csv").display()
    );
}
