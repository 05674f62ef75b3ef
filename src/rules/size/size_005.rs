//! SIZE-005: a 镇 party committee has 7–9 members.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};
use polars::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-005",
    name_zh: "镇党委委员人数",
    name_en: "Township party committee size",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[
        Param {
            name: "min",
            default: 7.0,
            min: 1.0,
            max: 50.0,
            doc: "fewest members",
        },
        Param {
            name: "max",
            default: 9.0,
            min: 1.0,
            max: 50.0,
            doc: "most members",
        },
    ],
    source: "001:L551",
    doc: r#"
## What it checks
The number of slate rows with body 党委 (党工委) in each 乡镇 team.

## Why it matters
镇党委委员一般为7至9名 (001:L551); a town may deviate only within the
city-wide quota (SIZE-007). 一般 (generally), hence warning.

## Source
001:L551「镇党委委员一般为7至9名」

## Example
A 镇 whose slate has 10 rows under 党委: `SIZE-005 warning observed 10 expected 7–9`
(中文: `党委委员10名`, `7至9名`).
"#,
};

pub struct Size005;

impl Rule for Size005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let bounds = (
            s.get(crate::param!(META, "min")),
            s.get(crate::param!(META, "max")),
        );
        let rows = super::post_count_outside(ctx, s, bounds, col("body").eq(lit("党委")), None)?;
        Ok(super::size_findings(
            ctx,
            &rows,
            &META,
            bounds,
            ("党委委员", "party committee members"),
            lang,
        ))
    }
}
