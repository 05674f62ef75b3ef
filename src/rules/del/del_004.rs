//! DEL-004: the share of leading cadres among PC delegates does not rise.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::election_context::pct;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-004",
    name_zh: "控制领导干部代表比例",
    name_en: "Leading-cadre share of delegates controlled",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[Param {
        name: "max_share",
        default: 1.0,
        min: 0.0,
        max: 1.0,
        doc: "largest share of leading cadres among the delegates (1 = no cap)",
    }],
    source: "004:L49",
    doc: r#"
## What it checks
Each 人大代表 election: the share of its delegates marked `leading_cadre` is not above
the previous term's election (`elections.previous`; an equal share passes) and not above
`max_share` (default 1, no cap: the source gives no number).

## Why it matters
控制领导干部人选的比例 (004:L49): 控制 (control) without a threshold. The catalogue's
reading is "not above the previous term", with a configurable cap; warning.

## Source
004:L49「控制领导干部人选的比例」

## Example
22% leading cadres in 2021 against 20% in 2016:
`DEL-004 warning observed 22.0% (上届 20.0%) expected ≤ 20.0%`.
"#,
};

pub struct Del004;

impl Rule for Del004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let cap = s.get(crate::param!(META, "max_share"));
        let rose = col("prev_leading_share")
            .is_not_null()
            .and(col("leading_share").gt(col("prev_leading_share") + lit(1e-9)));
        let over = col("leading_share").gt(lit(cap + 1e-9));
        let rows = super::rows_of(
            ec.elections_of(ElectionBody::PcDelegates, s)
                .filter(col("leading_share").is_not_null())
                .with_column(rose.alias("rose"))
                .filter(col("rose").or(over)),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let now = rows.n("leading_share", i);
                let label = super::label_of(ctx, &rows, i, lang);
                let (limit, zh, en) = if rows.n("rose", i) > 0.0 {
                    (rows.n("prev_leading_share", i), "上届", "the previous term")
                } else {
                    (cap, "上限", "the cap")
                };
                let message = match lang {
                    Lang::Zh => format!(
                        "{label}领导干部代表占{}，高于{zh}的{}，应控制领导干部人选的比例。",
                        pct(now),
                        pct(limit)
                    ),
                    Lang::En => format!(
                        "{label}: leading cadres are {} of the delegates, above {en} ({}).",
                        pct(now),
                        pct(limit)
                    ),
                };
                let observed = match lang {
                    Lang::Zh => format!("{} ({zh} {})", pct(now), pct(limit)),
                    Lang::En => format!("{} ({en} {})", pct(now), pct(limit)),
                };
                rows.finding_in(
                    i,
                    &META,
                    Scope::Cycle,
                    observed,
                    format!("≤ {}", pct(limit)),
                    message,
                )
            })
            .collect())
    }
}
