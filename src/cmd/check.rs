//! `banzi check DATASET`: every team of every cycle against the selected rules; writes
//! the exception list and exits 1 when an `error` was found.

use anyhow::Result;
use clap::Args as ClapArgs;

use banzi::exceptions;
use banzi::pipeline::{self, Run};
use banzi::rules::{Finding, Lang, Severity};

use super::terminal::{pad, prepare, show};
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
    run.write_exceptions(&findings)?;
    print_check_summary(&findings, &run);
    Ok(pipeline::exit_code(&findings))
}

fn print_check_summary(findings: &[Finding], run: &Run) {
    let lang = run.lang();
    let s = exceptions::summarise(findings);
    let count = |sev| s.by_severity.get(&sev).copied().unwrap_or(0);
    let tally = |e: usize, w: usize, a: usize| match lang {
        Lang::Zh => format!("错误{e}条，警告{w}条，建议{a}条"),
        Lang::En => format!("{e} errors, {w} warnings, {a} advice"),
    };
    let all = tally(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Advice),
    );
    let (teams, rules) = (run.ctx.team_count(), run.plan.rules.len());
    match lang {
        Lang::Zh => println!("检查班子{teams}个，规则{rules}条：{all}"),
        Lang::En => println!("checked {teams} teams with {rules} rules: {all}"),
    }
    for ((rule, sev), n) in &s.by_rule {
        println!("  {rule:<9} {} {n:>5}", pad(sev.label(lang), 8, true));
    }
    if !s.worst_teams.is_empty() {
        println!(
            "{}",
            lang.pick("错误最多的班子：", "teams with the most errors:")
        );
        for ((cycle, unit), counts) in s.worst_teams.iter().take(5) {
            println!(
                "  {} {} {}{}{}",
                show(cycle),
                show(unit),
                show(run.ctx.unit_name(unit)),
                lang.pick("：", ": "),
                tally(counts[0], counts[1], counts[2])
            );
        }
    }
    println!(
        "{}{}",
        lang.pick("异常清单：", "exception list: "),
        run.out().join("exceptions.csv").display()
    );
}
