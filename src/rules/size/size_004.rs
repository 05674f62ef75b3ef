//! SIZE-004: a 街道 party (working) committee has 7–9 members.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};
use polars::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-004",
    name_zh: "街道党委委员人数",
    name_en: "Sub-district party committee size",
    scope: Scope::Team,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
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
    source: "004:L21",
    doc: r#"
## What it checks
The number of slate rows with body 党委 (党工委) in each 街道 team.

## Why it matters
街道党委委员按7至9名配备 (004:L21): the committee that elects the secretary and deputy
secretaries has a fixed size. The paragraph is framed by 一般, hence warning.

## Source
004:L21「街道党委委员按7至9名配备」

## Example
A 街道 whose slate has 10 rows under 党委: `SIZE-004 warning observed 10 expected 7–9`
(中文: `党委委员10名`, `7至9名`).
"#,
};

pub struct Size004;

impl Rule for Size004 {
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
