//! Command-line flags (clap derive) and the code that runs each subcommand: load the
//! dataset, call the library, write the outputs, print a summary.
//!
//! The flags follow the data contract: `--out DIR` (default `reports/`), `--rules
//! PRESET|FILE.toml`, `--select` / `--ignore` codes or prefixes, `--lang zh|en`.

use anyhow::{bail, Context, Result};
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use banzi::dataset::{self, Dataset, LoadOptions};
use banzi::exceptions;
use banzi::facts::{self, FactOptions};
use banzi::normalized;
use banzi::rules::{self, Config};

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
    Check(CheckArgs),
    /// Write the clean tables as banzi sees them (cadres, careers, facts) as CSV and Parquet.
    Normalize(CommonArgs),
    /// Structure tables, charts (PNG and SVG) and the HTML briefing page.
    Report(ReportArgs),
    /// Cycle-over-cycle deltas, continuity, moves between units, and the cycle rules.
    Compare(CompareArgs),
    /// Generate a deterministic dataset: the shipped sample, or N units for benchmarks.
    Gen(GenArgs),
    /// Measure the résumé parser on a column of a workbook (e.g. real 履历 text).
    ResumeStats(ResumeStatsArgs),
    /// List the rules, or explain one (`banzi rules explain AGE-001`).
    Rules(RulesArgs),
    /// Time load, derive, check and report on generated datasets, with peak memory.
    Bench(BenchArgs),
    /// Write the dataset as banzi sees it in the contract's format, pseudonymised with a key.
    Export(ExportArgs),
    /// Import cadre-form files (.lrmx) into a dataset folder (cadres, relations).
    ImportLrmx(ImportLrmxArgs),
    /// Write an empty roster (换届人选名册) to fill in, with instructions and drop-down lists.
    Template(TemplateArgs),
}

#[derive(Debug, ClapArgs)]
pub struct TemplateArgs {
    /// The workbook to write (e.g. 换届人选名册模板.xlsx).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, ClapArgs)]
pub struct ImportLrmxArgs {
    /// .lrmx files, or folders searched recursively for them.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder (the dataset; created if needed).
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, ClapArgs)]
pub struct ExportArgs {
    /// Dataset: a folder of tables, or one workbook.
    pub dataset: PathBuf,
    /// Output folder (a dataset banzi can check).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace names and ids by keyed tokens and drop what the rules do not need; the
    /// file's bytes are the key (keep it: the same key gives the same tokens).
    #[arg(long, value_name = "KEY_FILE")]
    pub pseudonymize: Option<PathBuf>,
    /// Where `rejected.csv` goes (kept out of the export: it holds original values).
    #[arg(long, default_value = "reports")]
    pub rejected_to: PathBuf,
}

#[derive(Debug, ClapArgs)]
pub struct BenchArgs {
    /// Dataset sizes in units (teams per cycle), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,40000")]
    pub units: Vec<usize>,
    /// Format of the generated datasets.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Folder for the generated datasets (kept between runs).
    #[arg(long, default_value = "target/bench")]
    pub dir: PathBuf,
    /// Measure one dataset in this process and print one line (used by `bench` itself).
    #[arg(long, hide = true)]
    pub one: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    Csv,
    Parquet,
}

#[derive(Debug, ClapArgs)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub action: Option<RulesAction>,
    /// Preset (`auto`, `township`, `subdistrict`) or a TOML file, for the thresholds shown.
    #[arg(long, global = true)]
    pub rules: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Print a rule's documentation with the thresholds in force.
    Explain {
        /// Rule code, e.g. AGE-001.
        code: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

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
    fn load_options(&self) -> Result<LoadOptions> {
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
        })
    }
}

#[derive(Debug, ClapArgs)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Preset (`township`, `subdistrict`, `auto`) or a TOML file of overrides.
    #[arg(long)]
    pub rules: Option<String>,
    /// Only these rule codes or prefixes (comma-separated, e.g. `AGE,ROT-002`).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rule codes or prefixes.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(Debug, ClapArgs)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, ClapArgs)]
pub struct CompareArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Cycles to compare, in order (e.g. `2016,2021`).
    #[arg(long, value_delimiter = ',')]
    pub cycles: Vec<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CareersArg {
    Resume,
    Table,
    Both,
}

#[derive(Debug, ClapArgs)]
pub struct GenArgs {
    /// The shipped sample district (12 townships, 6 sub-districts, cycles 2016 and 2021).
    #[arg(long, conflicts_with = "units")]
    pub sample: bool,
    /// Number of units (teams per cycle) to generate.
    #[arg(long)]
    pub units: Option<usize>,
    /// Seed of the generator.
    #[arg(long, default_value_t = 2021)]
    pub seed: u64,
    /// How work histories are written: résumé text, a careers table, or both.
    #[arg(long, value_enum)]
    pub careers: Option<CareersArg>,
    /// Output folder (the dataset).
    #[arg(long)]
    pub out: PathBuf,
    /// Also write the list of deliberate breaches (rule, cycle, unit, person) here.
    #[arg(long)]
    pub expected: Option<PathBuf>,
    /// Table format: CSV, or Parquet (one format per folder).
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Also write the latest cycle's teams as a roster workbook (换届人选名册) here.
    #[arg(long, value_name = "FILE.xlsx")]
    pub roster: Option<PathBuf>,
}

#[derive(Debug, ClapArgs)]
pub struct ResumeStatsArgs {
    /// Workbook holding résumé text.
    pub file: PathBuf,
    /// Column holding the résumé text.
    #[arg(long, default_value = "履历")]
    pub column: String,
}

/// Runs a command; returns the exit code.
pub fn run(args: Args) -> Result<u8> {
    match args.command {
        Command::Check(a) => check(&a),
        Command::Normalize(a) => normalize(&a),
        Command::Report(a) => report(&a),
        Command::Compare(a) => compare(&a),
        Command::Gen(a) => gen(&a),
        Command::ResumeStats(a) => resume_stats(&a),
        Command::Rules(a) => rules_command(&a),
        Command::Bench(a) => bench(&a),
        Command::Export(a) => export(&a),
        Command::ImportLrmx(a) => {
            print!("{}", banzi::lrmx::import(&a.inputs, &a.out)?);
            Ok(0)
        }
        Command::Template(a) => {
            banzi::roster::write::template(&a.out).map_err(anyhow::Error::msg)?;
            println!("wrote the roster template {}", a.out.display());
            Ok(0)
        }
    }
}

/// Loads a dataset and prints what was read, used and rejected; writes `rejected.csv`.
fn load_and_account(path: &Path, out: &Path, options: &LoadOptions) -> Result<Dataset> {
    let ds = dataset::load(path, options)?;
    println!("{}: read as {}", path.display(), ds.form);
    std::fs::create_dir_all(out)
        .with_context(|| format!("creating output folder {}", out.display()))?;
    let rejected = out.join("rejected.csv");
    ds.rejections
        .write_csv(&rejected)
        .with_context(|| format!("writing {}", rejected.display()))?;
    print_load_summary(&ds, &rejected);
    Ok(ds)
}

/// Text from the input as it may be shown on a terminal: control characters (an escape
/// sequence hidden in a name, say) are written as `\u{..}` instead of being sent.
fn show(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn print_load_summary(ds: &Dataset, rejected: &Path) {
    for note in &ds.notes {
        eprintln!("note: {}", show(note));
    }
    println!(
        "{:<10} {:>8} {:>8} {:>8}  source",
        "table", "read", "loaded", "rejected"
    );
    for c in &ds.counts {
        println!(
            "{:<10} {:>8} {:>8} {:>8}  {}",
            c.table, c.read, c.loaded, c.rejected, c.source
        );
    }
    if ds.resumes_parsed > 0 {
        let from_resume = ds
            .careers
            .source
            .iter()
            .filter(|s| **s == dataset::CareerSource::Resume)
            .count();
        println!(
            "{:<10} {:>8} {:>8} {:>8}  résumés of {} persons",
            "(résumé)", "", from_resume, "", ds.resumes_parsed
        );
    }
    let rows: usize = ds.counts.iter().map(|c| c.rejected).sum();
    let dropped = ds.rejections.dropped_values();
    println!(
        "rejected: {rows} rows, {dropped} values ignored in kept rows; listed in {}",
        rejected.display()
    );
}

fn lang(l: Lang) -> banzi::rules::Lang {
    match l {
        Lang::Zh => banzi::rules::Lang::Zh,
        Lang::En => banzi::rules::Lang::En,
    }
}

fn check(a: &CheckArgs) -> Result<u8> {
    let config = Config::from_arg(a.rules.as_deref())?;
    let selected =
        rules::select(rules::codes::RULES, &a.select, &a.ignore).map_err(anyhow::Error::msg)?;
    let ds = Arc::new(load_and_account(
        &a.common.dataset,
        &a.common.out,
        &a.common.roster.load_options()?,
    )?);
    let fact_options = FactOptions {
        subdistrict_counts_as_township: config.global.subdistrict_counts_as_township,
    };
    let facts = facts::compute(&ds, &fact_options);
    let ctx = rules::Context::build(&ds, &facts, &config)?;
    let lang = lang(a.common.lang);
    let findings = rules::run(&ctx, &selected, &config, lang)?;
    exceptions::write_all(&findings, &a.common.out, lang, &|id| {
        ctx.unit_name(id).to_string()
    })?;
    print_check_summary(&findings, &ctx, selected.len(), &a.common.out);
    let errors = findings
        .iter()
        .any(|f| f.severity == rules::Severity::Error);
    Ok(if errors { 1 } else { 0 })
}

fn print_check_summary(
    findings: &[rules::Finding],
    ctx: &rules::Context,
    rules_run: usize,
    out: &Path,
) {
    let s = exceptions::summarise(findings);
    let count = |sev| s.by_severity.get(&sev).copied().unwrap_or(0);
    println!(
        "checked {} teams with {rules_run} rules: {} errors, {} warnings, {} advice",
        ctx.team_count(),
        count(rules::Severity::Error),
        count(rules::Severity::Warning),
        count(rules::Severity::Advice)
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
                show(ctx.unit_name(unit)),
                counts[0],
                counts[1],
                counts[2]
            );
        }
    }
    println!("exception list: {}", out.join("exceptions.csv").display());
}

fn rules_command(a: &RulesArgs) -> Result<u8> {
    let config = Config::from_arg(a.rules.as_deref())?;
    match &a.action {
        None => {
            let sev = |s: Option<rules::Severity>| s.map_or("-", |s| s.code());
            println!(
                "{:<9} {:<9} {:<9} {:<11} {:<18} name",
                "code", "乡镇", "街道", "scope", "source"
            );
            for r in rules::codes::RULES {
                let m = r.meta();
                let st = config.settings(m);
                println!(
                    "{:<9} {:<9} {:<9} {:<11} {:<18} {} ({})",
                    m.code,
                    sev(st.severity_for(rules::Preset::Township)),
                    sev(st.severity_for(rules::Preset::Subdistrict)),
                    m.scope.code(),
                    m.source,
                    m.name_zh,
                    m.name_en
                );
            }
            Ok(0)
        }
        Some(RulesAction::Explain { code }) => match rules::codes::rule(code) {
            Some(rule) => {
                print!("{}", rules::explain(rule, &config));
                Ok(0)
            }
            None => bail!("{code:?} is not a rule code (see `banzi rules`)"),
        },
    }
}

fn normalize(a: &CommonArgs) -> Result<u8> {
    let ds = load_and_account(&a.dataset, &a.out, &a.roster.load_options()?)?;
    let facts = facts::compute(&ds, &FactOptions::default());
    let mut cadres = normalized::sorted(normalized::cadres_frame(&ds)?, &["person_id"])?;
    let mut careers = normalized::sorted(normalized::careers_frame(&ds)?, &["person_id", "start"])?;
    let mut facts_df = normalized::sorted(
        normalized::facts_frame(&ds, &facts)?,
        &["cycle", "unit_id", "person_id"],
    )?;
    normalized::write_both(&mut cadres, &a.out, "cadres")?;
    normalized::write_both(&mut careers, &a.out, "careers")?;
    normalized::write_both(&mut facts_df, &a.out, "facts")?;
    for (name, frame) in &ds.derived {
        let file = a.out.join(format!("roster_{}.csv", name.trim_start_matches("roster_")));
        banzi::roster::write_derived(frame, &file)?;
        println!("wrote {} ({} rows): derived from the roster", file.display(), frame.height());
    }
    println!(
        "wrote cadres ({} rows), careers ({} rows), facts ({} rows) as .csv and .parquet to {}",
        cadres.height(),
        careers.height(),
        facts_df.height(),
        a.out.display()
    );
    Ok(0)
}

fn gen(a: &GenArgs) -> Result<u8> {
    if !a.sample && a.units.is_none() {
        bail!("say --sample or --units N");
    }
    let careers = match a.careers {
        Some(c) => c,
        None if a.sample => CareersArg::Both,
        None => CareersArg::Table,
    };
    let units = if a.sample { 0 } else { a.units.unwrap_or(0) };
    let summary = gen_dataset(
        units,
        a.seed,
        careers,
        a.format,
        &a.out,
        a.expected.as_deref(),
    )?;
    for (table, rows) in &summary.rows_per_table {
        println!("{table:<10} {rows:>9} rows");
    }
    if let Some(path) = &a.expected {
        println!(
            "expected findings: {} in {}",
            summary.expected.len(),
            path.display()
        );
    }
    if let Some(path) = &a.roster {
        let n = banzi::roster::write::latest_cycle_roster(&a.out, path).map_err(anyhow::Error::msg)?;
        println!("roster: {n} teams in {}", path.display());
    }
    Ok(0)
}

/// Generates a dataset (the sample when `units` is 0) into `out` in one format.
fn gen_dataset(
    units: usize,
    seed: u64,
    careers: CareersArg,
    format: FormatArg,
    out: &Path,
    expected: Option<&Path>,
) -> Result<banzi::gen::GenSummary> {
    use banzi::gen::{CareersMode, GenOptions};
    let opts = GenOptions {
        units,
        seed,
        sample: units == 0,
        careers: match careers {
            CareersArg::Resume => CareersMode::Resume,
            CareersArg::Table => CareersMode::Table,
            CareersArg::Both => CareersMode::Both,
        },
    };
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let summary = banzi::gen::generate(&opts, out)?;
    if let Some(path) = expected {
        banzi::gen::write_expected(&summary.expected, path)?;
    }
    if format == FormatArg::Parquet {
        // One format per folder: convert each table and remove the CSV.
        for (stem, path, _) in dataset::source::list_folder(out)? {
            if path.extension().and_then(|e| e.to_str()) != Some("csv") {
                continue;
            }
            let bytes = std::fs::read(&path)?;
            let mut df = dataset::source::csv_frame(bytes).map_err(anyhow::Error::msg)?;
            let pq = out.join(format!("{stem}.parquet"));
            let file = std::fs::File::create(&pq)?;
            polars::prelude::ParquetWriter::new(file)
                .finish(&mut df)
                .map_err(anyhow::Error::from)
                .with_context(|| format!("writing {}", pq.display()))?;
            std::fs::remove_file(&path)?;
        }
    }
    Ok(summary)
}

fn resume_stats(a: &ResumeStatsArgs) -> Result<u8> {
    let texts = banzi::resume::measure::read_xlsx_column(&a.file, &a.column)?;
    let stats = banzi::resume::measure(texts.into_iter());
    println!("{stats}");
    Ok(0)
}

fn bench(a: &BenchArgs) -> Result<u8> {
    use banzi::bench::{run_one, Timings};
    if let Some(dir) = &a.one {
        let t = run_one(dir, &dir.with_extension("out"))?;
        println!("{}", t.to_line());
        return Ok(0);
    }
    let fmt = match a.format {
        FormatArg::Csv => "csv",
        FormatArg::Parquet => "parquet",
    };
    println!(
        "{:>7} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>8} {:>8}",
        "units",
        "rows",
        "floor",
        "load",
        "derive",
        "check",
        "write",
        "total",
        "xfloor",
        "report",
        "peakMiB"
    );
    let mut totals = Vec::new();
    for &units in &a.units {
        let dir = a.dir.join(format!("u{units}-{fmt}"));
        if !dir.join(format!("slate.{fmt}")).is_file() {
            eprintln!("generating {} …", dir.display());
            gen_dataset(units, 2021, CareersArg::Table, a.format, &dir, None)?;
        }
        let exe = std::env::current_exe()?;
        let out = std::process::Command::new(exe)
            .args(["bench", "--one"])
            .arg(&dir)
            .output()
            .context("running the measured child")?;
        if !out.status.success() {
            bail!(
                "bench of {} failed: {}",
                dir.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let line = String::from_utf8_lossy(&out.stdout);
        let t = Timings::from_line(line.trim()).context("reading the child's timings")?;
        println!(
            "{:>7} {:>9} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2}x {:>8.2} {:>8.0}",
            units,
            t.rows,
            t.read_floor,
            t.load,
            t.derive,
            t.check,
            t.write,
            t.check_total(),
            t.check_total() / t.read_floor.max(1e-9),
            t.report,
            t.peak_mib
        );
        totals.push((units, t.check_total()));
    }
    for w in totals.windows(2) {
        println!(
            "scaling {} → {} units: {:.2}x the time for {:.1}x the units",
            w[0].0,
            w[1].0,
            w[1].1 / w[0].1.max(1e-9),
            w[1].0 as f64 / w[0].0 as f64
        );
    }
    Ok(0)
}

/// Loads, derives and builds the rule context with the default configuration.
fn prepare(c: &CommonArgs) -> Result<(Arc<Dataset>, rules::Context)> {
    let ds = Arc::new(load_and_account(
        &c.dataset,
        &c.out,
        &c.roster.load_options()?,
    )?);
    let config = Config::default();
    let facts = facts::compute(&ds, &FactOptions::default());
    let ctx = rules::Context::build(&ds, &facts, &config)?;
    Ok((ds, ctx))
}

fn report(a: &ReportArgs) -> Result<u8> {
    let c = &a.common;
    let (_ds, ctx) = prepare(c)?;
    let config = Config::default();
    let lang = lang(c.lang);
    let findings = rules::run(&ctx, rules::codes::RULES, &config, lang)?;
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let w = banzi::report::write_all(
        &ctx,
        &findings,
        c.roster.cycle.as_deref(),
        &c.dataset.display().to_string(),
        lang,
        progress,
        &c.out,
    )?;
    println!(
        "structure tables: {} teams, {} areas → {}; {} chart pages (PNG+SVG) → {}; page → {}",
        w.teams,
        w.areas,
        c.out.join("structure.xlsx").display(),
        w.chart_pages,
        c.out.join("charts").display(),
        c.out.join("report.html").display()
    );
    Ok(0)
}

fn compare(a: &CompareArgs) -> Result<u8> {
    let (_ds, ctx) = prepare(&a.common)?;
    let s = banzi::report::structure::compute(&ctx)?;
    let c = banzi::compare::compare(&ctx, &s, &a.cycles)?;
    banzi::compare::write(&c, &a.common.out)?;
    // The cycle rules, in the exception list's format, for the compared cycles.
    let config = Config::default();
    let cycle_rules: Vec<&dyn rules::Rule> = rules::codes::RULES
        .iter()
        .copied()
        .filter(|r| r.meta().scope == rules::Scope::Cycle)
        .collect();
    let lang = lang(a.common.lang);
    let findings: Vec<rules::Finding> = rules::run(&ctx, &cycle_rules, &config, lang)?
        .into_iter()
        .filter(|f| a.cycles.iter().skip(1).any(|c| *c == f.cycle))
        .collect();
    exceptions::write_csv(&findings, &a.common.out.join("exceptions_cycle.csv"))?;
    let chart_dir = a.common.out.join("charts");
    std::fs::create_dir_all(&chart_dir)?;
    let caption = banzi::report::charts::Caption {
        title: None,
        source: a.common.dataset.display().to_string(),
        as_of: a
            .cycles
            .iter()
            .filter_map(|c| ctx.as_of.get(c).cloned())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let mut chart_files = Vec::new();
    for w in a.cycles.windows(2) {
        chart_files.extend(banzi::report::compare_charts::draw(
            &ctx, &c, &w[0], &w[1], &chart_dir, lang, &caption,
        )?);
    }
    println!(
        "compared {}: {} teams, {} moves between units, {} units in one cycle only, {} cycle findings → {}; {} chart pages → {}",
        a.cycles.join(" → "),
        c.continuity.height(),
        c.moves.height(),
        c.unmatched.height(),
        findings.len(),
        a.common.out.join("compare.xlsx").display(),
        chart_files.len(),
        chart_dir.display()
    );
    let errors = findings
        .iter()
        .any(|f| f.severity == rules::Severity::Error);
    Ok(if errors { 1 } else { 0 })
}

fn export(a: &ExportArgs) -> Result<u8> {
    let key = a
        .pseudonymize
        .as_deref()
        .map(banzi::export::Pseudonymizer::from_key_file)
        .transpose()?;
    // Rejected rows carry original values: they stay in the local reports folder, never
    // in the export.
    let ds = load_and_account(&a.dataset, &a.rejected_to, &LoadOptions::default())?;
    banzi::export::export(&ds, &a.out, key.as_ref())?;
    println!(
        "exported {} persons, {} seats{} to {}",
        ds.cadres.len(),
        ds.slate.len(),
        if key.is_some() {
            " (pseudonymised)"
        } else {
            ""
        },
        a.out.display()
    );
    Ok(0)
}
