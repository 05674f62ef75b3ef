//! DEL-002: the frontline share of PC delegates rises against the previous term and is
//! higher at township than at county level.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::election_context::pct;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-002",
    name_zh: "基层一线代表比例比上届有所上升",
    name_en: "Frontline delegate share rises",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L725",
    doc: r#"
## What it checks
For each 人大代表 election, the share of frontline delegates: those marked `frontline`,
or, where `frontline` is empty, those whose `category` is 工人, 农民 or 专业技术人员.

1. Where `elections.previous` names the last term's election, the share is strictly
   higher than that election's (an equal share is a finding).
2. For a 乡镇 or 街道 election, where the unit's parent (`units.parent_id`) has a 人大代表
   election in the same cycle, the township share is strictly higher than the county's.

Either failing is one finding; `observed` says which.

## Why it matters
确保基层代表特别是一线代表的比例应当比上一届有所上升 … 层级越低比例越高 (001:L725):
应当 with a comparison, hence error. 000:L4 (适当增加) and 004:L49 (适当比例) are softer
(catalogue C14); lower the severity where those apply.

## Source
001:L725「确保基层代表特别是一线代表的比例应当比上一届有所上升」

## Example
A township whose 2021 delegates are 45% frontline against 48% in 2016:
`DEL-002 error observed 45.0% (上届 48.0%) expected > 48.0%`.
"#,
};

pub struct Del002;

impl Rule for Del002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let fell = col("prev_frontline_share")
            .is_not_null()
            .and(col("frontline_share").lt_eq(col("prev_frontline_share") + lit(1e-9)));
        let below_county = col("county_frontline_share")
            .is_not_null()
            .and(col("frontline_share").lt_eq(col("county_frontline_share") + lit(1e-9)));
        let rows = super::rows_of(
            ec.elections_of(ElectionBody::PcDelegates, s)
                .filter(col("frontline_share").is_not_null())
                .with_columns([fell.alias("fell"), below_county.alias("below_county")])
                .filter(col("fell").or(col("below_county"))),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let now = rows.n("frontline_share", i);
                let label = super::label_of(ctx, &rows, i, lang);
                // The comparison with the previous term comes first; the county second.
                let (against, zh, en) = if rows.n("fell", i) > 0.0 {
                    (rows.n("prev_frontline_share", i), "上届", "the previous term")
                } else {
                    (rows.n("county_frontline_share", i), "县级", "the county")
                };
                let message = match lang {
                    Lang::Zh => format!("{label}基层一线代表占{}，{zh}为{}，应当高于{zh}。", pct(now), pct(against)),
                    Lang::En => format!("{label}: frontline delegates are {} against {} for {en}; the share must be higher.", pct(now), pct(against)),
                };
                let observed = match lang {
                    Lang::Zh => format!("{} ({zh} {})", pct(now), pct(against)),
                    Lang::En => format!("{} ({en} {})", pct(now), pct(against)),
                };
                rows.finding_in(i, &META, Scope::Cycle, observed, format!("> {}", pct(against)), message)
            })
            .collect())
    }
}
