//! ROT-005: no large-scale turnover of a team at one transition.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::{more_than_share_expr, severity_expr};
use crate::rules::frame::Rows;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ROT-005",
    name_zh: "保持班子相对稳定",
    name_en: "Team turnover at one transition",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: Some(Severity::Advice),
    params: &[Param { name: "max_share", default: 0.7, min: 0.0, max: 1.0, doc: "largest share of members new to the team (not in the previous cycle's team of the unit)" }],
    source: "004:L27; 001:L459",
    doc: r#"
## What it checks
For each team whose unit also had a team in the previous cycle (`cycles.previous`), the
share of its distinct members who were not on that previous team is at most `max_share`.

## Why it matters
注意保持领导班子相对稳定和工作连续性 (004:L27); 避免换届时大批量集中调整 (001:L459). No
threshold is given; the default (more than 70% new) is a setting. Hence advice.

## Source
004:L27「注意保持领导班子相对稳定和工作连续性」; 001:L459「避免换届时大批量集中调整」

## Example
A 镇 team of 10 of whom 8 were not on its previous team: `ROT-005 advice observed 8/10 new expected ≤ 70%`
(中文: `新进8人/共10人`, `不超过70%`).
"#,
};

pub struct Rot005;

impl Rule for Rot005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let max_share = s.get(crate::param!(META, "max_share"));
        let rows = ctx
            .members()
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null());
        let df = super::against_previous_team(ctx, rows)?
            .group_by_stable([col("cycle"), col("unit_id"), col("previous")])
            .agg([
                len().alias("n"),
                col("was")
                    .is_null()
                    .cast(DataType::UInt32)
                    .sum()
                    .alias("new"),
                col("severity").first().alias("severity"),
            ])
            .filter(more_than_share_expr(col("new"), col("n"), max_share))
            .sort(
                ["cycle", "unit_id"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()?;
        let rows = Rows::new(&df)?;
        let pct = fmt_num(max_share * 100.0);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, new) = (rows.i("n", i), rows.i("new", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let prev = rows.s("previous", i);
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中{new}人不在上届（{prev}）班子中，调整面超过{pct}%，注意保持班子相对稳定。"),
                    Lang::En => format!("{unit}: {new} of {n} members were not on the {prev} team (more than {pct}%); keep the team stable."),
                };
                let (observed, expected) = lang.pick(
                    (format!("新进{new}人/共{n}人"), format!("不超过{pct}%")),
                    (format!("{new}/{n} new"), format!("≤ {pct}%")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
