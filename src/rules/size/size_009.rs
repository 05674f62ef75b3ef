//! SIZE-009: the township PC presidium has exactly one full-time chair.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-009",
    name_zh: "乡镇人大主席团设专职主席1人",
    name_en: "One full-time presidium chair",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: None,
    params: &[],
    source: "001:L217",
    doc: r#"
## What it checks
Each 人大主席团 election of a township: among its delegates (the candidates elected, or
the whole list before the vote), exactly one has `role` 主席, and that chair is not marked
`fulltime` = false (an empty `fulltime` is taken as full-time). No chair, two chairs, or
a part-time chair is a finding.

## Why it matters
乡镇人大主席团设专职主席1人 (001:L217, dup L793): a structural count, hence error. 街道 have
a 人大工委, not a presidium, so the rule is off in the sub-district preset.

## Source
001:L217「乡镇人大主席团设专职主席1人」

## Example
A presidium whose chair is marked 兼职: `SIZE-009 error observed 主席1名，专职0名 expected 专职主席1名`.
"#,
};

pub struct Size009;

impl Rule for Size009 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let chair = col("delegate").and(col("role").eq(lit("chair")).fill_null(lit(false)));
        let full = chair
            .clone()
            .and(col("fulltime").neq(lit(false)).fill_null(lit(true)));
        let rows = rows_of(
            ec.candidates_of(ElectionBody::Presidium, s)
                .group_by_stable([
                    col("cycle"),
                    col("unit_id"),
                    col("election_id"),
                    col("body"),
                ])
                .agg([
                    chair.cast(DataType::UInt32).sum().alias("chairs"),
                    full.cast(DataType::UInt32).sum().alias("fulltime_chairs"),
                    col("severity").first(),
                ])
                .filter(
                    col("chairs")
                        .neq(lit(1))
                        .or(col("fulltime_chairs").neq(lit(1))),
                ),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, f) = (rows.i("chairs", i), rows.i("fulltime_chairs", i));
                let label = label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => format!("{label}主席{n}名、其中专职{f}名，乡镇人大主席团设专职主席1人。"),
                    Lang::En => format!("{label}: {n} chairs, {f} full-time; the presidium has one full-time chair."),
                };
                let observed = match lang {
                    Lang::Zh => format!("主席{n}名，专职{f}名"),
                    Lang::En => format!("{n} chairs, {f} full-time"),
                };
                rows.finding_in(i, &META, Scope::Team, observed, lang.pick("专职主席1名", "1 full-time chair").to_string(), message)
            })
            .collect())
    }
}
