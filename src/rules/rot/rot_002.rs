//! ROT-002: 10 years in the same post → must rotate.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ROT-002",
    name_zh: "同一职位任职满10年",
    name_en: "10 years in the same post",
    scope: Scope::Person,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Error),
    params: &[Param {
        name: "min_years",
        default: 10.0,
        min: 0.0,
        max: 50.0,
        doc: "years in the same post (满10年 includes 10)",
    }],
    source: "004:L27",
    doc: r#"
## What it checks
Each seat of a 街道 team whose holder has held that same post (same role, same unit)
without a break for `min_years` or more at the reference date.
Years are calendar years: a stretch from 2016.10 (a month-precision date is the 1st)
reaches 5 years on 2021-10-01 and is 4.99 the day before.

## Why it matters
在同一职位任职满10年的,必须交流 (004:L27): 必须 (must), hence error.

## Source
004:L27「在同一职位任职满10年的,必须交流」

## Example
An 办事处副主任 in post since 2010, proposed to stay in 2021: `ROT-002 error observed 11.7 years expected < 10`
(中文: `在同一职位任职11.7年`, `未满10年`).
"#,
};

pub struct Rot002;

impl Rule for Rot002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        Ok(super::tenure_over(
            ctx,
            s,
            &META,
            s.get(crate::param!(META, "min_years")),
            ("years_in_post", lit(true)),
            ("在同一职位任职", "in the same post"),
            lang,
        )?)
    }
}
