//! EADM-001: each constituency elects 1 to 3 delegates.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EADM-001",
    name_zh: "每一选区选1至3名代表",
    name_en: "1 to 3 delegates per constituency",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[
        Param {
            name: "min",
            default: 1.0,
            min: 1.0,
            max: 20.0,
            doc: "fewest delegates a constituency elects",
        },
        Param {
            name: "max",
            default: 3.0,
            min: 1.0,
            max: 20.0,
            doc: "most delegates a constituency elects",
        },
    ],
    source: "001:L207",
    doc: r#"
## What it checks
For each 人大代表 election with results (some candidate has `elected`), the number of
delegates elected in each `constituency` (选区) lies within [`min`, `max`]. A
constituency of the list where nobody was elected counts 0. Candidates without a
constituency are not counted; an election whose list names no constituency is not
checked. One finding per constituency.

Not checked: the equal population per delegate across constituencies (the second half of
the rule): the contract has no constituency population.

## Why it matters
选区按照每一选区选1至3名代表划分 (001:L207, dups L419, L779): statutory (选举法), hence
error.

## Source
001:L207「每一选区选1至3名代表」

## Example
Constituency 第5选区 electing 4 delegates: `EADM-001 error observed 第5选区 4 expected 1–3`.
"#,
};

pub struct Eadm001;

impl Rule for Eadm001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let (min, max) = (
            s.get(crate::param!(META, "min")),
            s.get(crate::param!(META, "max")),
        );
        let rows = rows_of(
            ec.candidates_of(ElectionBody::PcDelegates, s)
                .filter(col("constituency").is_not_null())
                .group_by_stable([
                    col("cycle"),
                    col("unit_id"),
                    col("election_id"),
                    col("body"),
                    col("constituency"),
                ])
                .agg([
                    col("elected")
                        .eq(lit(true))
                        .fill_null(lit(false))
                        .cast(DataType::UInt32)
                        .sum()
                        .alias("elected_n"),
                    col("elected")
                        .is_not_null()
                        .cast(DataType::UInt32)
                        .sum()
                        .alias("results"),
                    col("severity").first(),
                ])
                .with_column(
                    col("results")
                        .sum()
                        .over([col("election_id")])?
                        .alias("results"),
                )
                .filter(col("results").gt(lit(0)))
                .filter(
                    col("elected_n")
                        .lt(lit(min))
                        .or(col("elected_n").gt(lit(max))),
                )
                .sort(
                    ["election_id", "constituency"],
                    SortMultipleOptions::default(),
                ),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (c, n) = (rows.s("constituency", i), rows.i("elected_n", i));
                let label = label_of(ctx, &rows, i, lang);
                let (min, max) = (min as i64, max as i64);
                let message = match lang {
                    Lang::Zh => {
                        format!("{label}{c}选出代表{n}名，每一选区应选{min}至{max}名代表。")
                    }
                    Lang::En => format!(
                        "{label}: constituency {c} elected {n} delegates; {min} to {max} expected."
                    ),
                };
                let (observed, expected) = lang.pick(
                    (format!("{c}应选{n}名"), format!("{min}至{max}名")),
                    (
                        format!("constituency {c}: {n} seats"),
                        format!("{min}–{max}"),
                    ),
                );
                rows.finding_in(i, &META, Scope::Team, observed, expected, message)
            })
            .collect())
    }
}
