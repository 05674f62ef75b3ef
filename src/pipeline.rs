//! The one pipeline every command runs: options → plan → load → derive → check.
//!
//! `check`, `report`, `compare`, `normalize`, `export`, `bench` and the tests used to wire
//! load → facts → rule context → rules by hand, each a little differently; `report` and
//! `compare` silently ran the default rules whatever `--rules`, `--select` and `--ignore`
//! said. Now a command describes its run once as [`RunOptions`], and everything after
//! that is the same code: the same configuration, the same rule selection, the same facts,
//! so the findings of `report` and `compare` are those of `check` on the same options.
//!
//! The stages are separate values ([`Plan`], [`Loaded`], [`Run`]) rather than one call,
//! for two reasons: a plan is validated before any file is read (a typo in `--select` or
//! in the TOML stops the run at once, with every problem listed), and `banzi bench` times
//! each stage on its own.

use anyhow::{anyhow, Context as _, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::dataset::{self, Dataset, LoadOptions};
use crate::facts::{self, Fact, FactOptions};
use crate::rules::{self, codes, Config, Finding, Lang, Rule, Scope, Severity};

/// Everything a command says about its run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The dataset: a folder of tables, or one workbook.
    pub dataset: PathBuf,
    /// `--rules`: a preset (`auto`, `township`, `subdistrict`) or a TOML file.
    pub rules: Option<String>,
    /// `--select`: rule codes or prefixes (empty = all).
    pub select: Vec<String>,
    /// `--ignore`: rule codes or prefixes.
    pub ignore: Vec<String>,
    pub lang: Lang,
    /// Where `rejected.csv` and the command's outputs go.
    pub out: PathBuf,
    pub load: LoadOptions,
    /// Read only the tables the selected rules use (`check`): a check of the four
    /// structure rules does not read 2 million candidate rows. And once the rule frames
    /// are built, let go of the tables only the frames were built from (the work
    /// histories, the election tables, the slate, the relations, the facts and the
    /// persons' columns but ids and names: at 40,000 units about 1 GB that the rules,
    /// which read the frames, would otherwise hold through their own peak). Commands that
    /// write more than findings (report, suggest, normalize, check --apply) read and keep
    /// every table.
    pub only_rule_tables: bool,
}

/// A validated run description: the configuration in force and the selected rules.
#[derive(Clone)]
pub struct Plan {
    pub options: RunOptions,
    pub config: Config,
    pub rules: Vec<&'static dyn Rule>,
}

impl RunOptions {
    /// Validates the rule options, reporting every problem at once.
    pub fn plan(self) -> Result<Plan> {
        let config = Config::from_arg(self.rules.as_deref());
        let selected = rules::select(codes::RULES, &self.select, &self.ignore);
        match (config, selected) {
            (Ok(config), Ok(rules)) => Ok(Plan {
                options: self,
                config,
                rules,
            }),
            (Err(c), Err(s)) => Err(anyhow!("{c}{s}")),
            (Err(c), Ok(_)) => Err(anyhow!("{}", c.to_string().trim_end())),
            (Ok(_), Err(s)) => Err(anyhow!("{s}")),
        }
    }

    /// A plan with a configuration already in hand (a test's, or one built by another
    /// command) instead of `--rules`.
    pub fn plan_with(self, config: Config) -> Result<Plan> {
        let rules =
            rules::select(codes::RULES, &self.select, &self.ignore).map_err(|e| anyhow!(e))?;
        Ok(Plan {
            options: self,
            config,
            rules,
        })
    }

    /// Plans, loads and derives in one call.
    pub fn prepare(self) -> Result<Run> {
        self.plan()?.load()?.derive()
    }
}

/// A plan with its dataset loaded, and `rejected.csv` written.
pub struct Loaded {
    pub plan: Plan,
    pub ds: Arc<Dataset>,
}

impl Plan {
    /// Loads the dataset and writes `OUT/rejected.csv` (every row not used, and why).
    pub fn load(self) -> Result<Loaded> {
        let o = &self.options;
        let mut load = o.load.clone();
        if o.only_rule_tables {
            load.skip_tables = self.tables_no_rule_reads();
        }
        crate::bench::trace("load: start");
        let ds = dataset::load(&o.dataset, &load)?;
        // What the reading of the tables freed (their pieces' text) is not taken again
        // at once: kept, it added 0.1–0.15 GB to the facts' peak at 40,000 units.
        hand_back_freed_memory();
        crate::bench::trace("load: done");
        std::fs::create_dir_all(&o.out)
            .with_context(|| format!("creating output folder {}", o.out.display()))?;
        ds.rejections.write_csv(&self.rejected_path())?;
        if let Some(why) = nothing_left(&ds, &self.rejected_path(), o.lang) {
            return Err(anyhow!(why));
        }
        Ok(Loaded {
            plan: self,
            ds: Arc::new(ds),
        })
    }

    /// The optional tables none of the selected rules reads: the election tables
    /// unless an election rule is selected, the relations unless ROT-006 is.
    pub fn tables_no_rule_reads(&self) -> Vec<&'static str> {
        let reads = |f: &dyn Fn(&str) -> bool| self.rules.iter().any(|r| f(r.meta().code));
        let mut skip = Vec::new();
        if !reads(&codes::reads_elections) {
            skip.extend(["elections", "candidates", "memberships", "proxies"]);
        }
        if !reads(&|code| code == "ROT-006") {
            skip.push("relations");
        }
        skip
    }

    /// Where `rejected.csv` goes.
    pub fn rejected_path(&self) -> PathBuf {
        self.options.out.join("rejected.csv")
    }

    /// The fact options the configuration implies.
    pub fn fact_options(&self) -> FactOptions {
        FactOptions {
            subdistrict_counts_as_township: self.config.global.subdistrict_counts_as_township,
        }
    }
}

/// Why a run stops when its rejections left no team at all (every slate row refused,
/// directly or through the cadres it names): a run that checks 0 teams and exits 0
/// looks like a clean result. Names the column with the most rejected rows of the
/// first table that has any, and an example reason, since one systematic problem (a date
/// format) is the usual cause.
fn nothing_left(ds: &Dataset, rejected: &Path, lang: Lang) -> Option<String> {
    let refused: Vec<&dataset::reject::Rejection> =
        ds.rejections.items.iter().filter(|r| !r.kept).collect();
    if !ds.slate.is_empty() || refused.is_empty() {
        return None;
    }
    let mut by_column: std::collections::BTreeMap<(&str, &str), (usize, &str)> = Default::default();
    for r in &refused {
        let e = by_column
            .entry((r.table.as_str(), r.column.as_str()))
            .or_insert((0, r.reason.as_str()));
        e.0 += 1;
    }
    // The cause, not its echoes: a refused cadre also refuses the seats and careers that
    // name them, so the earliest table in load order (a roster's sheets first) is asked.
    let order = |table: &str| {
        ["cadres", "units", "cycles", "slate", "careers", "relations"]
            .iter()
            .position(|t| *t == table)
            .map_or(0, |i| i + 1)
    };
    let ((table, column), (n, example)) = by_column
        .iter()
        .max_by_key(|((t, c), (n, _))| (std::cmp::Reverse(order(t)), *n, std::cmp::Reverse(*c)))
        .map(|(k, v)| (*k, *v))?;
    let file = rejected.display();
    let total = refused.len();
    Some(match lang {
        Lang::Zh => format!(
            "没有可检查的班子：所有职务行均被拒收（共拒收{total}行，见 {file}）。拒收最多的是 {table} 的 {column} 列（{n}行），例如：{example}"
        ),
        Lang::En => format!(
            "no team to check: every slate row was rejected ({total} rows rejected, see {file}). Most were rejected at {table}, column {column} ({n} rows), e.g. {example}"
        ),
    })
}

/// A loaded dataset with its facts and rule context: what every command works on.
///
/// In a run that only checks ([`RunOptions::only_rule_tables`]) `ds` keeps its units,
/// cycles, rejections, counts and notes and the persons' ids and names, and `facts` is
/// empty: the rest was let go of once the frames were built (see [`Loaded::derive`]).
/// Such a run reads persons through `ctx` (its name lookups), not through `ds.cadres`.
pub struct Run {
    pub plan: Plan,
    pub ds: Arc<Dataset>,
    pub facts: Vec<Fact>,
    pub ctx: rules::Context,
}

impl Loaded {
    /// Computes the work-history facts and builds the rule frames. A run that only
    /// checks ([`RunOptions::only_rule_tables`]) lets go of each table as soon as what
    /// is built from it is there: the work histories after the facts and the seats'
    /// readings; the slate, the relations, the facts and all of the persons but their
    /// ids and names after the team frames; the election tables after the election
    /// frames.
    pub fn derive(self) -> Result<Run> {
        let config = &self.plan.config;
        let release = self.plan.options.only_rule_tables;
        let mut ds = self.ds;
        // The facts and the seats' readings of the work histories are all that is read
        // of the work histories: one grouping of their rows serves both, computed side
        // by side.
        let rows = ds.careers.rows_by_person(ds.cadres.len());
        crate::bench::trace("derive: rows by person");
        let options = self.plan.fact_options();
        let (mut facts, history) = rayon::join(
            || facts::compute_by(&ds, &options, &rows),
            || crate::seat_history::compute(&ds, &rows),
        );
        drop(rows);
        crate::bench::trace("derive: facts and seat history");
        if let Some(ds) = Arc::get_mut(&mut ds).filter(|_| release) {
            // The work histories go before the team frames are built beside the tables
            // they read (at 40,000 units, 4.7 million rows: that moment was the run's
            // live peak).
            ds.careers = Default::default();
            hand_back_freed_memory();
        }
        let team = rules::Context::team_frames(&ds, &facts, history, config)?;
        crate::bench::trace("derive: team frames");
        if let Some(ds) = Arc::get_mut(&mut ds).filter(|_| release) {
            // The election frames read the units, the cycles, the persons and the
            // election tables; the rules after them read the frames, the units' names and
            // parents and the persons' names (`Context`'s name lookups).
            ds.slate = Default::default();
            ds.relations = Default::default();
            facts = Vec::new();
        }
        // The election frames read of the persons only their ids, names and these; in a
        // check the rest of the persons' columns go before the frames are built.
        let traits = rules::election_context::PersonTraits::of(&ds.cadres);
        if let Some(ds) = Arc::get_mut(&mut ds).filter(|_| release) {
            ds.cadres.keep_ids_and_names();
            hand_back_freed_memory();
            crate::bench::trace("derive: slate and persons' columns let go of");
        }
        let elections = rules::election_context::ElectionContext::build(&ds, &traits, config)?;
        drop(traits);
        if let Some(ds) = Arc::get_mut(&mut ds).filter(|_| release) {
            ds.elections = Default::default();
            hand_back_freed_memory();
        }
        crate::bench::trace("derive: election frames");
        let ctx = rules::Context::assemble(team, elections, Arc::clone(&ds), config);
        Ok(Run {
            plan: self.plan,
            ds,
            facts,
            ctx,
        })
    }
}

impl Run {
    pub fn lang(&self) -> Lang {
        self.plan.options.lang
    }

    pub fn out(&self) -> &Path {
        &self.plan.options.out
    }

    /// The cycle a command acts on: the one named (`--cycle`), else the latest, as its
    /// label and its index; an unknown label is an error that names it.
    pub fn cycle_to_act_on(&self, named: Option<&str>) -> Result<(String, u32)> {
        let label = match named {
            Some(c) => c.to_string(),
            None => self
                .ctx
                .cycles_in_order()
                .last()
                .cloned()
                .ok_or_else(|| anyhow!("the dataset has no cycle"))?,
        };
        let index = *self
            .ds
            .cycles
            .index
            .get(&label)
            .ok_or_else(|| anyhow!("--cycle {label}: not a cycle of the dataset"))?;
        Ok((label, index))
    }

    /// The findings of the selected rules, in the contract's order.
    pub fn findings(&self) -> Result<Vec<Finding>> {
        self.findings_of(&self.plan.rules)
    }

    /// The findings of some rules (a subset of the selection, e.g. the cycle rules).
    pub fn findings_of(&self, rules: &[&dyn Rule]) -> Result<Vec<Finding>> {
        rules::run(&self.ctx, rules, &self.plan.config, self.lang())
    }

    /// Notes on what the selected rules could not see under the configuration in force
    /// (a 人大主席 outside the bodies the age rules cover), one per team, for the terminal.
    pub fn notes(&self) -> Vec<String> {
        rules::age::reading::uncovered_pc_heads(&self.ctx, &self.plan.rules, self.lang())
    }

    /// The selected rules of one scope.
    pub fn rules_of_scope(&self, scope: Scope) -> Vec<&'static dyn Rule> {
        self.plan
            .rules
            .iter()
            .copied()
            .filter(|r| r.meta().scope == scope)
            .collect()
    }

    /// Writes the exception list in its four forms into the output folder.
    pub fn write_exceptions(&self, findings: &[Finding]) -> Result<()> {
        crate::exceptions::write_all(findings, self.out(), self.lang(), &|id| {
            self.ctx.unit_name(id).to_string()
        })
    }
}

// mimalloc's collection (part of the library the binary's allocator links; the crate
// does not wrap it without its `extended` feature). Named here so that every binary of
// the library (tests too, whose allocator is the system's) links mimalloc.
extern crate mimalloc as _;
extern "C" {
    fn mi_collect(force: bool);
}

/// Hands the memory just let go of back to the system now. The allocator keeps freed
/// memory for a second before handing it back (see `tune_allocator` in `main.rs`), which
/// spares the load the zeroing of pages taken again; but the tables dropped once the
/// frames are built are not taken again, and kept they added about 0.3 GB to the rules'
/// peak at 40,000 units; nor is what one rule's queries freed, which the next rule's
/// would add to. Where mimalloc is not the allocator (tests) this frees nothing.
pub(crate) fn hand_back_freed_memory() {
    // SAFETY: asks the allocator to purge memory that is already free; no live
    // allocation is touched.
    unsafe { mi_collect(true) }
}

/// The resident memory of the process when a phase began, to hand freed memory back
/// only when what is held has grown well past it ([`MemoryHeld::hand_back_if_grown`]).
pub(crate) struct MemoryHeld {
    /// In KiB; 0 where the system does not say (nothing is then handed back).
    at_start: f64,
}

/// How far the memory held may grow over a phase's start before freed memory is handed
/// back, in KiB (128 MiB).
const HELD_OVER_START: f64 = 128.0 * 1024.0;

impl MemoryHeld {
    pub(crate) fn now() -> MemoryHeld {
        MemoryHeld {
            at_start: crate::bench::resident_kib(),
        }
    }

    /// Hands freed memory back when the process holds more than [`HELD_OVER_START`]
    /// over the start. Handing back after every rule bounded the rules' peak as well but
    /// cost their phase 0.7–1 s at 40,000 units: each page handed back and taken again
    /// by the next rule is zeroed again by the kernel.
    pub(crate) fn hand_back_if_grown(&self) {
        if self.at_start > 0.0 && crate::bench::resident_kib() > self.at_start + HELD_OVER_START {
            hand_back_freed_memory();
        }
    }
}

/// The exit code of a run that found `findings` (data contract, section 3): 1 when any
/// is an error, else 0.
pub fn exit_code(findings: &[Finding]) -> u8 {
    u8::from(findings.iter().any(|f| f.severity == Severity::Error))
}
