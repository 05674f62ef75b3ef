//! `banzi suggest DATASET [--cycle C] [--pool FILE] [--keep IDS] [--max-changes K]
//! [--district D]`: per district, the fewest seat changes after which no error-severity
//! rule fails, or why there are none; writes `suggestions.csv/.xlsx` and a
//! `changes.csv` that `banzi check --apply` reads back.

use anyhow::{anyhow, Result};
use clap::Args as ClapArgs;
use std::path::PathBuf;

use banzi::remedy::changes;
use banzi::remedy::suggest::{self, output, Limits, Options};
use banzi::rules::Lang;

use super::terminal::{prepare, show};
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Candidates: a file of person ids (default every cadre without a seat in the cycle).
    #[arg(long)]
    pub pool: Option<PathBuf>,
    /// Persons who stay whatever (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub keep: Vec<String>,
    /// At most this many seat changes per district.
    #[arg(long)]
    pub max_changes: Option<usize>,
    /// Seconds one model may run before the best slate found so far is taken.
    #[arg(long, default_value_t = 20.0)]
    pub time_limit: f64,
}

pub fn run(a: &Args) -> Result<u8> {
    let run = prepare(a.common.run_options(Some(&a.rules)))?;
    let ds = &run.ds;
    let lang = run.lang();
    let (_, cycle) = run.cycle_to_act_on(a.common.roster.cycle.as_deref())?;
    let mut keep = std::collections::BTreeSet::new();
    for id in &a.keep {
        let p = ds
            .cadres
            .position(id.trim())
            .ok_or_else(|| anyhow!("--keep {id}: not a person of cadres"))?;
        keep.insert(p);
    }
    let options = Options {
        pool: a
            .pool
            .as_deref()
            .map(|p| banzi::remedy::find::read_pool(ds, p))
            .transpose()?,
        keep,
        max_changes: a.max_changes,
        district: a.common.roster.district.clone(),
        ..Options::default()
    };
    let started = std::time::Instant::now();
    let s = suggest::suggest(
        &run,
        cycle,
        &options,
        Limits {
            seconds: a.time_limit,
        },
    )?;
    let table = output::table(&run, &s);
    let out = run.out();
    table.write_csv(&out.join("suggestions.csv"))?;
    table.write_xlsx(
        &out.join("suggestions.xlsx"),
        ("调整建议", "suggestions"),
        lang,
    )?;
    let passing = s.passing_changes();
    changes::write(&passing, &out.join("changes.csv"))?;
    let relaxed = s.relaxed_changes();
    if !relaxed.is_empty() {
        changes::write(&relaxed, &out.join("changes_relaxed.csv"))?;
    }
    println!(
        "{}",
        lang.pick(
            "以下为供组织部门研究参考的调整建议，不是决定；人选还须按程序考察把关。",
            "These are proposals for the officer's judgement, not decisions; every name still goes through inspection."
        )
    );
    for r in &s.results {
        let d = &r.district;
        if d.errors.is_empty() && r.changes.is_empty() {
            continue;
        }
        let n = r.changes.len();
        let gap = match &r.outcome {
            suggest::Outcome::Solved(x) if !x.optimal => match (x.gap, lang) {
                (Some(g), Lang::Zh) => format!("（达到时限，差距{:.1}%）", g * 100.0),
                (Some(g), Lang::En) => format!(" (time limit hit, gap {:.1}%)", g * 100.0),
                (None, Lang::Zh) => "（达到时限）".into(),
                (None, Lang::En) => " (time limit hit)".into(),
            },
            _ => String::new(),
        };
        match (lang, r.passes()) {
            (Lang::Zh, true) => println!(
                "{} {}：错误{}条，调整{n}席即可全部消除{gap}（{:.2}秒）",
                show(&d.key),
                show(&d.name),
                d.errors.len(),
                r.seconds
            ),
            (Lang::En, true) => println!(
                "{} {}: {} errors, fixed by {n} seat changes{gap} ({:.2} s)",
                show(&d.key),
                show(&d.name),
                d.errors.len(),
                r.seconds
            ),
            (Lang::Zh, false) => println!(
                "{} {}：错误{}条，现有候选人无法全部消除",
                show(&d.key),
                show(&d.name),
                d.errors.len()
            ),
            (Lang::En, false) => println!(
                "{} {}: {} errors; no slate from the pool clears them all",
                show(&d.key),
                show(&d.name),
                d.errors.len()
            ),
        }
        for line in &r.explanation {
            println!("  {}", show(line));
        }
        for f in &d.unmodelled {
            println!(
                "  {}",
                show(&match lang {
                    Lang::Zh => format!("未建模的错误：{} {}", f.rule, f.unit_id),
                    Lang::En => format!("error not modelled: {} {}", f.rule, f.unit_id),
                })
            );
        }
    }
    let left = s.errors_left();
    match lang {
        Lang::Zh => println!(
            "复核：应用建议后，相关县区剩余错误{}条（用时{:.1}秒）",
            left.len(),
            started.elapsed().as_secs_f64()
        ),
        Lang::En => println!(
            "re-check: {} errors left in those districts after the changes ({:.1} s)",
            left.len(),
            started.elapsed().as_secs_f64()
        ),
    }
    for f in &left {
        println!("  {} {} {}", f.rule, show(&f.unit_id), show(&f.message));
    }
    let lists = s.list_errors_left();
    if !lists.is_empty() {
        let codes: std::collections::BTreeSet<&str> = lists.iter().map(|f| f.rule).collect();
        let codes = codes.into_iter().collect::<Vec<_>>().join(", ");
        match lang {
            Lang::Zh => println!(
                "另有选举名单错误{}条（{codes}），调整班子人选无法消除，须修改候选人名单",
                lists.len()
            ),
            Lang::En => println!(
                "and {} errors of the election lists ({codes}), which no seat change fixes: correct the lists",
                lists.len()
            ),
        }
    }
    println!(
        "{}{}",
        lang.pick("调整建议：", "suggestions: "),
        out.join("suggestions.csv").display()
    );
    println!(
        "{}{}",
        lang.pick(
            "可复核的调整清单（check --apply）：",
            "changes for check --apply: "
        ),
        out.join("changes.csv").display()
    );
    Ok(0)
}
