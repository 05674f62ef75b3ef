//! ROT-003: a 街道 secretary for 5 years → planned rotation.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ROT-003",
    name_zh: "同一街道任党委书记5年以上",
    name_en: "Secretary of the same sub-district for 5 years",
    scope: Scope::Person,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[Param {
        name: "min_years",
        default: 5.0,
        min: 0.0,
        max: 50.0,
        doc: "years as secretary of the unit (5年以上 includes 5)",
    }],
    source: "004:L27",
    doc: r#"
## What it checks
The secretary of each 街道 team on the slate who has been secretary of that same unit
without a break for `min_years` or more at the reference date.
Years are calendar years: a stretch from 2016.10 (a month-precision date is the 1st)
reaches 5 years on 2021-10-01 and is 4.99 the day before.

## Why it matters
在同一街道任党委书记5年以上的,要有计划地进行交流 (004:L27). A planned rotation, not an
immediate one, hence warning.

## Source
004:L27「在同一街道任党委书记5年以上的,要有计划地进行交流」

## Example
A 党工委书记 in post since 2015, proposed to continue in 2021: `ROT-003 warning observed 6.4 years expected < 5`
(中文: `任本单位党委书记6.4年`, `未满5年`).
"#,
};

pub struct Rot003;

impl Rule for Rot003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        Ok(super::tenure_over(
            ctx,
            s,
            &META,
            s.get(crate::param!(META, "min_years")),
            ("years_as_secretary", col("role").eq(lit("secretary"))),
            ("任本单位党委书记", "as secretary of this unit"),
            lang,
        )?)
    }
}
