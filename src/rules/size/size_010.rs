//! SIZE-010: the township PC presidium has at most one full-time vice-chair.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-010",
    name_zh: "有条件的可以配备专职副主席1人",
    name_en: "At most one full-time presidium vice-chair",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[Param {
        name: "max",
        default: 1.0,
        min: 0.0,
        max: 10.0,
        doc: "most full-time vice-chairs",
    }],
    source: "001:L217",
    doc: r#"
## What it checks
Each 人大主席团 election of a township: the delegates with `role` 副主席 marked `fulltime`
= true number at most `max`. Part-time vice-chairs (or with `fulltime` empty) are not
counted: the source limits full-time posts.

## Why it matters
有条件的可以配备专职副主席1人 (001:L217, dup L793): 可以 (may), one at most; warning.

## Source
001:L217「可以配备专职副主席1人」

## Example
Two full-time vice-chairs: `SIZE-010 warning observed 2 expected ≤ 1`.
"#,
};

pub struct Size010;

impl Rule for Size010 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let max = s.get(crate::param!(META, "max"));
        let vice = col("delegate")
            .and(col("role").eq(lit("vice_chair")).fill_null(lit(false)))
            .and(col("fulltime").eq(lit(true)).fill_null(lit(false)));
        let rows = rows_of(
            ec.candidates_of(ElectionBody::Presidium, s)
                .group_by_stable([
                    col("cycle"),
                    col("unit_id"),
                    col("election_id"),
                    col("body"),
                ])
                .agg([
                    vice.cast(DataType::UInt32).sum().alias("vice"),
                    col("severity").first(),
                ])
                .filter(col("vice").cast(DataType::Float64).gt(lit(max))),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("vice", i);
                let max = max as i64;
                let label = label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => {
                        format!("{label}专职副主席{n}名，有条件的可以配备专职副主席{max}人。")
                    }
                    Lang::En => format!("{label}: {n} full-time vice-chairs; at most {max}."),
                };
                let (observed, expected) = lang.pick(
                    (format!("专职副主席{n}名"), format!("不超过{max}名")),
                    (format!("{n} full-time vice-chairs"), format!("≤ {max}")),
                );
                rows.finding_in(i, &META, Scope::Team, observed, expected, message)
            })
            .collect())
    }
}
