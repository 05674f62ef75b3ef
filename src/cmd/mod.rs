//! The command line: one file per subcommand, each its arguments and a handler that
//! turns them into a [`RunOptions`] (or the library call it needs) and prints what a user
//! reads on the terminal. Nothing here computes: the library does, so tests and
//! benchmarks reach the code users run.
//!
//! The flags follow the data contract: `--out DIR` (default `reports/`), `--rules
//! PRESET|FILE.toml`, `--select` / `--ignore` codes or prefixes, `--lang zh|en`; every
//! command that checks takes the same rule flags ([`RuleArgs`]).

mod bench;
mod check;
mod compare;
mod export;
mod find;
mod gen;
mod import_lrmx;
mod normalize;
mod report;
mod resume_stats;
mod rules;
mod suggest;
mod template;
mod terminal;

use anyhow::Result;
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use banzi::dataset::LoadOptions;
use banzi::pipeline::RunOptions;
use banzi::rules::Lang;

/// banzi (班子): checks leadership-team slates against the structure rules of 换届.
#[derive(Debug, Parser)]
#[command(name = "banzi", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every team of every cycle and write the exception list.
    Check(check::Args),
    /// Write the clean tables as banzi sees them (cadres, careers, facts) as CSV and Parquet.
    Normalize(normalize::Args),
    /// Structure tables, charts (PNG and SVG) and the HTML briefing page.
    Report(report::Args),
    /// Cycle-over-cycle deltas, continuity, moves between units, and the cycle rules.
    Compare(compare::Args),
    /// Generate a deterministic dataset: the shipped sample, or N units for benchmarks.
    Gen(gen::Args),
    /// Measure the résumé parser on a column of a workbook (e.g. real 履历 text).
    ResumeStats(resume_stats::Args),
    /// List the rules, or explain one (`banzi rules explain AGE-001`).
    Rules(rules::Args),
    /// Time load, derive, check and report on generated datasets, with peak memory.
    Bench(bench::Args),
    /// Write the dataset as banzi sees it in the contract's format, pseudonymised with a key.
    Export(export::Args),
    /// Import cadre-form files (.lrmx) into a dataset folder (cadres, relations).
    ImportLrmx(import_lrmx::Args),
    /// Write an empty roster (换届人选名册) to fill in, with instructions and drop-down lists.
    Template(template::Args),
    /// Candidates for a post: cadres without a seat who meet conditions, judged by the rules.
    Find(find::Args),
    /// Per district, the fewest seat changes after which no error rule fails (a proposal).
    Suggest(suggest::Args),
}

/// Runs a command; returns the exit code.
pub fn run(args: Args) -> Result<u8> {
    match args.command {
        Command::Check(a) => check::run(&a),
        Command::Normalize(a) => normalize::run(&a),
        Command::Report(a) => report::run(&a),
        Command::Compare(a) => compare::run(&a),
        Command::Gen(a) => gen::run(&a),
        Command::ResumeStats(a) => resume_stats::run(&a),
        Command::Rules(a) => rules::run(&a),
        Command::Bench(a) => bench::run(&a),
        Command::Export(a) => export::run(&a),
        Command::ImportLrmx(a) => import_lrmx::run(&a),
        Command::Template(a) => template::run(&a),
        Command::Find(a) => find::run(&a),
        Command::Suggest(a) => suggest::run(&a),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    Csv,
    Parquet,
}

impl From<FormatArg> for banzi::synth::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Csv => banzi::synth::Format::Csv,
            FormatArg::Parquet => banzi::synth::Format::Parquet,
        }
    }
}

/// The dataset, the output folder and the language: every command that reads a dataset.
#[derive(Debug, ClapArgs)]
pub struct CommonArgs {
    /// Dataset: a folder of tables, or one workbook.
    pub dataset: PathBuf,
    /// Output folder.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Language of messages and labels.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    #[command(flatten)]
    pub roster: RosterArgs,
}

/// What a roster (换届人选名册) does not say about itself.
#[derive(Debug, ClapArgs)]
pub struct RosterArgs {
    /// Reference date for ages and tenures of a roster (else its footnote 年龄计算截至…).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// The cycle: of a roster (else the year of its title); for `report`, the cycle shown
    /// (default: the latest).
    #[arg(long)]
    pub cycle: Option<String>,
    /// The county or district of a roster's teams (else the one its title names).
    #[arg(long)]
    pub district: Option<String>,
}

impl RosterArgs {
    fn load_options(&self, lang: Lang) -> Result<LoadOptions> {
        let as_of = match &self.as_of {
            Some(t) => Some(
                banzi::normalize::date::PartialDate::parse(t)
                    .map_err(|e| anyhow::anyhow!("--as-of {t}: {e}"))?
                    .to_naive(),
            ),
            None => None,
        };
        Ok(LoadOptions {
            as_of,
            cycle: self.cycle.clone(),
            district: self.district.clone(),
            lang,
            skip_tables: Vec::new(),
        })
    }
}

/// The rule options: every command that runs rules takes the same ones.
#[derive(Debug, ClapArgs)]
pub struct RuleArgs {
    /// Preset (`auto`: 街道 → subdistrict, 县/区/市 → county, else township; or `township`, `subdistrict`, `county`) or a TOML file of overrides.
    #[arg(long)]
    pub rules: Option<String>,
    /// Only these rule codes or prefixes (comma-separated, e.g. `AGE,ROT-002`).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rule codes or prefixes.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

impl CommonArgs {
    /// The run these arguments describe, with the rule options when the command has them.
    pub fn run_options(&self, rules: Option<&RuleArgs>) -> Result<RunOptions> {
        Ok(RunOptions {
            dataset: self.dataset.clone(),
            rules: rules.and_then(|r| r.rules.clone()),
            select: rules.map(|r| r.select.clone()).unwrap_or_default(),
            ignore: rules.map(|r| r.ignore.clone()).unwrap_or_default(),
            lang: self.lang,
            out: self.out.clone(),
            load: self.roster.load_options(self.lang)?,
            only_rule_tables: false,
        })
    }
}
