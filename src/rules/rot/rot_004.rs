//! ROT-004: the secretary and the head are not both new at once.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ROT-004",
    name_zh: "党政正职不同时交流",
    name_en: "Secretary and head not both new",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[],
    source: "004:L27; 001:L459",
    doc: r#"
## What it checks
For each team whose unit also had a team in the previous cycle (`cycles.previous`): the
party secretary and the government head (乡镇长 / 办事处主任) are not both persons who were
absent from that previous team.

## Why it matters
党政正职一般不同时交流 (004:L27); avoid 党政“一把手”同进同出 (001:L459): a team whose two
principals arrive together loses its continuity. 一般不, hence warning.

## Source
004:L27「党政正职一般不同时交流」; 001:L459「党政“一把手”同进同出」

## Example
A 镇 whose 2021 secretary and 镇长 were both outside its 2016 team:
`ROT-004 warning observed secretary and head both new expected not both replaced at once`
(中文: `书记、行政正职均为新进`, `不同时交流`).
"#,
};

pub struct Rot004;

impl Rule for Rot004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let rows = ctx
            .seats
            .clone()
            .lazy()
            .filter(
                col("role")
                    .eq(lit("secretary"))
                    .or(col("role").eq(lit("head"))),
            )
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null());
        let df = super::against_previous_team(ctx, rows)?
            .group_by_stable([col("cycle"), col("unit_id"), col("previous")])
            .agg([
                col("role")
                    .eq(lit("secretary"))
                    .cast(DataType::UInt32)
                    .sum()
                    .alias("secretaries"),
                col("role")
                    .eq(lit("head"))
                    .cast(DataType::UInt32)
                    .sum()
                    .alias("heads"),
                col("was")
                    .is_null()
                    .and(col("role").eq(lit("secretary")))
                    .cast(DataType::UInt32)
                    .sum()
                    .alias("new_secretaries"),
                col("was")
                    .is_null()
                    .and(col("role").eq(lit("head")))
                    .cast(DataType::UInt32)
                    .sum()
                    .alias("new_heads"),
                col("severity").first().alias("severity"),
            ])
            .filter(
                col("secretaries")
                    .gt(lit(0))
                    .and(col("heads").gt(lit(0)))
                    .and(col("new_secretaries").eq(col("secretaries")))
                    .and(col("new_heads").eq(col("heads"))),
            )
            .sort(
                ["cycle", "unit_id"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let prev = rows.s("previous", i);
                let message = match lang {
                    Lang::Zh => format!("{unit}党委书记和行政正职均不在上届（{prev}）班子中，党政正职一般不同时交流。"),
                    Lang::En => format!("{unit}: neither the secretary nor the head was in the {prev} team; principals should not both change at once."),
                };
                let (observed, expected) = lang.pick(
                    ("书记、行政正职均为新进".to_string(), "不同时交流".to_string()),
                    ("secretary and head both new".to_string(), "not both replaced at once".to_string()),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
