//! DEL-001: about a third of the people's-congress delegates are re-elected (连任).

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::election_context::pct;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-001",
    name_zh: "连任代表约占三分之一",
    name_en: "About a third of PC delegates re-elected",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[
        Param {
            name: "min_share",
            default: 0.28,
            min: 0.0,
            max: 1.0,
            doc: "least share of incumbents among the delegates",
        },
        Param {
            name: "max_share",
            default: 0.38,
            min: 0.0,
            max: 1.0,
            doc: "largest share of incumbents among the delegates",
        },
    ],
    source: "001:L211",
    doc: r#"
## What it checks
Each 人大代表 election: the share of its delegates marked `incumbent` (连任) lies within
[`min_share`, `max_share`], both included. The delegates are the candidates marked
`elected`, or the whole list when the election has no results yet. The band is the
catalogue's suggestion (1/3 ± 5 points).

## Why it matters
连任代表应占代表总数的三分之一左右 (001:L211, dup L787). 左右 (about) makes it a target
band, hence warning.

## Source
001:L211「连任代表应占代表总数的三分之一左右」

## Example
25 of 100 delegates re-elected: `DEL-001 warning observed 25.0% (25/100) expected 28.0%–38.0%`.
"#,
};

pub struct Del001;

impl Rule for Del001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let (min, max) = (
            s.get(crate::param!(META, "min_share")),
            s.get(crate::param!(META, "max_share")),
        );
        let share =
            col("incumbent").cast(DataType::Float64) / col("delegates").cast(DataType::Float64);
        let rows = super::rows_of(
            ec.elections_of(ElectionBody::PcDelegates, s)
                .filter(col("delegates").gt(lit(0)))
                .with_column(share.alias("share"))
                .filter(
                    col("share")
                        .lt(lit(min - 1e-9))
                        .or(col("share").gt(lit(max + 1e-9))),
                ),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (k, n, x) = (rows.i("incumbent", i), rows.i("delegates", i), rows.n("share", i));
                let label = super::label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => format!("{label}连任代表{k}名，占代表{n}名的{}，应占三分之一左右（{}至{}）。", pct(x), pct(min), pct(max)),
                    Lang::En => format!("{label}: {k} of {n} delegates re-elected ({}); about a third ({} to {}) expected.", pct(x), pct(min), pct(max)),
                };
                let (observed, expected) = lang.pick(
                    (format!("连任代表占{}（{k}/{n}）", pct(x)), format!("{}至{}", pct(min), pct(max))),
                    (format!("re-elected {} ({k}/{n})", pct(x)), format!("{}–{}", pct(min), pct(max))),
                );
                rows.finding_in(i, &META, Scope::Team, observed, expected, message)
            })
            .collect())
    }
}
