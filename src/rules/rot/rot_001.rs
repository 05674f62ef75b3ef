//! ROT-001: 10 years in the same 街道 team → rotation.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ROT-001",
    name_zh: "同一街道班子任职满10年",
    name_en: "10 years in the same sub-district team",
    scope: Scope::Person,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[Param {
        name: "min_years",
        default: 10.0,
        min: 0.0,
        max: 50.0,
        doc: "years of unbroken leadership in the unit (满10年 includes 10)",
    }],
    source: "004:L27",
    doc: r#"
## What it checks
Each member of a 街道 team who has held leadership posts of that same unit without a break
for `min_years` or more at the reference date (any leadership post; a change of post
inside the team does not break the stretch).
Years are calendar years: a stretch from 2016.10 (a month-precision date is the 1st)
reaches 5 years on 2021-10-01 and is 4.99 the day before.

## Why it matters
在同一街道党政领导班子任职满10年的,原则上要交流 (004:L27). 原则上 (in principle), hence
warning.

## Source
004:L27「在同一街道党政领导班子任职满10年的,原则上要交流」

## Example
A deputy who became deputy secretary of the same 街道 and has led there since 2010:
`ROT-001 warning observed 11.7 years expected < 10` (中文: `在本单位领导班子任职11.7年`,
`未满10年`).
"#,
};

pub struct Rot001;

impl Rule for Rot001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        Ok(super::tenure_over(
            ctx,
            s,
            &META,
            s.get(crate::param!(META, "min_years")),
            ("years_in_team", lit(true)),
            ("在本单位领导班子任职", "in this unit's leadership"),
            lang,
        )?)
    }
}
