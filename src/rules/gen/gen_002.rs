//! GEN-002: more women in a district's 街道 teams than in the previous term.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "GEN-002",
    name_zh: "女干部总量比上届有所增加",
    name_en: "More women than in the previous term (district)",
    scope: Scope::Cycle,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "004:L25",
    doc: r#"
## What it checks
For each district (`units.parent_id`) and cycle with a previous cycle (`cycles.previous`),
the number of distinct women in the district's 街道 teams is strictly greater than in the
previous cycle. Districts without 街道 teams in the previous cycle are not compared.

## Why it matters
女干部总量要比上届有所增加 (004:L25): 要…有所增加 with a comparison, hence error.

## Source
004:L25「女干部总量要比上届有所增加」

## Example
A district with 9 women in its 街道 teams in 2016 and 9 in 2021:
`GEN-002 error observed 9 women (previous term 9) expected > 9` (中文: `女干部9人（上届9人）`,
`多于9人`).
"#,
};

pub struct Gen002;

impl Rule for Gen002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let women = ctx
            .members()
            .with_column(severity_expr(s))
            .filter(
                col("severity")
                    .is_not_null()
                    .and(col("parent_id").is_not_null()),
            )
            .group_by_stable([col("cycle"), col("parent_id")])
            .agg([
                col("person_id")
                    .filter(col("woman"))
                    .n_unique()
                    .alias("women"),
                col("severity").first().alias("severity"),
            ]);
        let prev = women.clone().select([
            col("cycle").alias("previous"),
            col("parent_id"),
            col("women").alias("prev_women"),
        ]);
        let df = ctx
            .with_previous_cycle(women)?
            .join(
                prev,
                [col("previous"), col("parent_id")],
                [col("previous"), col("parent_id")],
                JoinArgs::new(JoinType::Inner),
            )
            .filter(col("women").lt_eq(col("prev_women")))
            .sort(
                ["cycle", "parent_id"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (now, before) = (rows.i("women", i), rows.i("prev_women", i));
                let area = ctx.area_name(rows.s("parent_id", i));
                let prev = rows.s("previous", i);
                let message = match lang {
                    Lang::Zh => format!("{area}街道领导班子女干部{now}人，上届（{prev}）{before}人，女干部总量要比上届有所增加。"),
                    Lang::En => format!("{area}: {now} women in sub-district teams against {before} in {prev}; the total must rise."),
                };
                let (observed, expected) = lang.pick(
                    (format!("女干部{now}人（上届{before}人）"), format!("多于{before}人")),
                    (format!("{now} women (previous term {before})"), format!("> {before}")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
