//! `banzi check DATASET`: every team of every cycle against the selected rules; writes
//! the exception list and exits 1 when an `error` was found. With `--apply changes.csv`
//! the changed slate is checked instead, and `diff.csv` says which findings the changes
//! fixed, which are new and which remain.

use anyhow::Result;
use clap::Args as ClapArgs;
use std::path::PathBuf;

use banzi::exceptions;
use banzi::pipeline::{self, Run, RunOptions};
use banzi::remedy::{self, changes, diff};
use banzi::rules::{Finding, Lang, Severity};

use super::terminal::{load, pad, prepare, show};
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Check the slate after these seat changes (CSV: cycle, unit_id, post, out, in; an
    /// empty out adds a seat, an empty in removes one) and write diff.csv.
    #[arg(long, value_name = "CHANGES.csv")]
    pub apply: Option<PathBuf>,
}

pub fn run(a: &Args) -> Result<u8> {
    if let Some(file) = &a.apply {
        return run_what_if(a, file);
    }
    let options = a.common.run_options(Some(&a.rules)).map(|o| RunOptions {
        only_rule_tables: true,
        ..o
    });
    let run = prepare(options)?;
    let findings = run.findings()?;
    banzi::bench::trace("check: rules");
    run.write_exceptions(&findings)?;
    banzi::bench::trace("check: exceptions written");
    print_check_summary(&findings, &run);
    banzi::bench::trace("check: summary");
    Ok(pipeline::exit_code(&findings))
}

/// `check --apply`: the changed slate's exception list, and `diff.csv`.
fn run_what_if(a: &Args, file: &std::path::Path) -> Result<u8> {
    let loaded = load(a.common.run_options(Some(&a.rules)))?;
    let list = changes::read(file)?;
    let w = remedy::what_if(loaded, &list, &file.display().to_string())?;
    let lang = w.after.lang();
    w.after.write_exceptions(&w.findings_after)?;
    let rows = w.diff();
    let diff_path = w.after.out().join("diff.csv");
    diff::write(&rows, &diff_path)?;
    let ap = &w.applied;
    match lang {
        Lang::Zh => println!(
            "应用 {}：替换{}席，增设{}席，撤销{}席",
            file.display(),
            ap.replaced,
            ap.added,
            ap.removed
        ),
        Lang::En => println!(
            "applied {}: {} seats replaced, {} added, {} removed",
            file.display(),
            ap.replaced,
            ap.added,
            ap.removed
        ),
    }
    print_check_summary(&w.findings_after, &w.after);
    let t = diff::tally(&rows);
    for status in [
        diff::Status::Fixed,
        diff::Status::New,
        diff::Status::Unchanged,
    ] {
        let [e, wn, ad] = t[status as usize];
        match lang {
            Lang::Zh => println!(
                "  {}：错误{e}条，警告{wn}条，建议{ad}条",
                pad(status.label(lang), 6, true)
            ),
            Lang::En => println!(
                "  {:<9}: {e} errors, {wn} warnings, {ad} advice",
                status.label(lang)
            ),
        }
    }
    println!(
        "{}{}",
        lang.pick("变化对照：", "what changed: "),
        diff_path.display()
    );
    Ok(pipeline::exit_code(&w.findings_after))
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
