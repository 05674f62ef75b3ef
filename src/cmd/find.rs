//! `banzi find DATASET [--cycle C] [--for UNIT:POST] [conditions…]`: the cadres without a
//! seat in the cycle who meet the conditions, judged for the post when one is given,
//! ranked (a candidate who fixes a breach of that team first); writes `find.csv` and
//! `find.xlsx`.

use anyhow::{anyhow, Result};
use clap::Args as ClapArgs;
use std::path::PathBuf;

use banzi::remedy::find::{self, Conditions, Target};
use banzi::rules::Lang;

use super::terminal::{pad, prepare, show};
use super::{CommonArgs, RuleArgs};

#[derive(Debug, ClapArgs)]
pub struct Args {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// The post sought, as UNIT:POST (e.g. T05:镇长): candidates are judged on it.
    #[arg(long = "for", value_name = "UNIT:POST")]
    pub target: Option<String>,
    /// The pool: a file of person ids (one a line, or a CSV with person_id); default
    /// every cadre without a seat in the cycle.
    #[arg(long)]
    pub pool: Option<PathBuf>,
    #[arg(long)]
    pub age_min: Option<i32>,
    #[arg(long)]
    pub age_max: Option<i32>,
    /// 男 or 女 (M/F).
    #[arg(long)]
    pub gender: Option<String>,
    #[arg(long)]
    pub township_years_min: Option<f64>,
    /// At least this education (研究生, 大学, 大专, 中专, 高中及以下).
    #[arg(long)]
    pub education: Option<String>,
    /// Specialties the candidate must have (comma-separated; each must appear).
    #[arg(long, value_delimiter = ',')]
    pub specialty: Vec<String>,
    /// List excluded candidates too, with the rule that excludes them.
    #[arg(long)]
    pub all: bool,
    /// Rows shown on the terminal (the files have all).
    #[arg(long, default_value_t = 10)]
    pub show: usize,
}

pub fn run(a: &Args) -> Result<u8> {
    let run = prepare(a.common.run_options(Some(&a.rules)))?;
    let ds = &run.ds;
    let lang = run.lang();
    let (cycle_label, cycle) = run.cycle_to_act_on(a.common.roster.cycle.as_deref())?;
    let target = a
        .target
        .as_deref()
        .map(|t| Target::parse(ds, t))
        .transpose()?;
    let cond = Conditions {
        age_min: a.age_min,
        age_max: a.age_max,
        gender: a
            .gender
            .as_deref()
            .map(|g| banzi::normalize::gender::parse(g).map_err(|e| anyhow!("--gender: {e}")))
            .transpose()?,
        township_years_min: a.township_years_min,
        education: a
            .education
            .as_deref()
            .map(|e| banzi::normalize::education::parse(e).map_err(|e| anyhow!("--education: {e}")))
            .transpose()?,
        specialties: a.specialty.clone(),
        include_excluded: a.all,
    };
    let pool = a
        .pool
        .as_deref()
        .map(|p| find::read_pool(ds, p))
        .transpose()?;
    let found = find::find(&run, cycle, target, &cond, pool.as_deref())?;
    let table = find::table(ds, &found, lang);
    let csv = run.out().join("find.csv");
    table.write_csv(&csv)?;
    table.write_xlsx(&run.out().join("find.xlsx"), ("候选人", "candidates"), lang)?;
    let post = found
        .target
        .as_ref()
        .map(|t| format!("{} {}", ds.units.name[t.unit as usize], t.post));
    let holder = found.holder.map(|h| {
        format!(
            "{} {}",
            &ds.cadres.person_id[h as usize], &ds.cadres.name[h as usize]
        )
    });
    match lang {
        Lang::Zh => println!(
            "{}届{}：候选人池{}人，符合条件{}人{}",
            cycle_label,
            post.as_deref()
                .map(|p| format!("（{}）", show(p)))
                .unwrap_or_default(),
            found.pool_size,
            found.candidates.len(),
            holder
                .map(|h| format!("；现任 {}", show(&h)))
                .unwrap_or_default()
        ),
        Lang::En => println!(
            "cycle {}{}: pool of {}, {} meet the conditions{}",
            cycle_label,
            post.as_deref()
                .map(|p| format!(" ({})", show(p)))
                .unwrap_or_default(),
            found.pool_size,
            found.candidates.len(),
            holder
                .map(|h| format!("; now held by {}", show(&h)))
                .unwrap_or_default()
        ),
    }
    for i in 0..table.rows.len().min(a.show) {
        let g = |c: &str| table.get(i, c).unwrap_or_default();
        println!(
            "  {:>3} {} {} {} {:>3} {:>6}  {}",
            g("rank"),
            pad(&show(&g("person_id")), 8, true),
            pad(&show(&g("name")), 8, true),
            pad(&g("gender"), 6, true),
            g("age"),
            g("township_years"),
            show(&g("reasons"))
        );
    }
    println!(
        "{}{}",
        lang.pick("候选人名单：", "candidate roster: "),
        csv.display()
    );
    Ok(0)
}
