//! EXP-002: 街道 principals have 街道 work experience.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EXP-002",
    name_zh: "街道党政正职的街道工作经历",
    name_en: "Sub-district principals with sub-district experience",
    scope: Scope::Person,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[],
    source: "004:L23",
    doc: r#"
## What it checks
Each holder of a principal post of a 街道 team (secretary, office head, 人大工委主任) has
held some post in a 街道 unit before the reference date (from `careers` or the résumé).

## Why it matters
街道党政正职人选一般应具有街道工作经历 (004:L23). 一般应, hence warning.

## Source
004:L23「一般应具有街道工作经历」

## Example
A 街道 secretary whose whole career was in 乡镇 and county organs: `EXP-002 warning observed no sub-district work`
(中文: `无街道工作经历`).
"#,
};

pub struct Exp002;

impl Rule for Exp002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let rows =
            ctx.persons_where(s, col("principal").and(col("subdistrict_experience").not()))?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let who = ctx.person_name(rows.s("person_id", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}党政正职{who}没有街道工作经历。"),
                    Lang::En => {
                        format!("{unit}: principal {who} has no sub-district work experience.")
                    }
                };
                let (observed, expected) = lang.pick(
                    ("无街道工作经历".to_string(), "有街道工作经历".to_string()),
                    (
                        "no sub-district work".to_string(),
                        "sub-district work experience".to_string(),
                    ),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
