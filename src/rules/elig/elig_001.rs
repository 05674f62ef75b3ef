//! ELIG-001: a person with an unresolved petition or investigation is not nominated.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ELIG-001",
    name_zh: "问题没有查清的不得提名",
    name_en: "Unresolved problems block a nomination",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "004:L37; 001:L735",
    doc: r#"
## What it checks
No seat of a slate is held by a person whose `vetting_hold` is true (an unresolved petition,
report or investigation: 问题没有查清、疑点没有消除).

## Why it matters
问题没有查清、疑点没有消除的不得作为提名人选 (004:L37 and 001:L735): 不得 (must not), hence
error.

## Source
004:L37「问题没有查清、疑点没有消除的不得作为提名人选」; 001:L735 (same)

## Example
A 副镇长 nominee with an open petition (vetting_hold 是): `ELIG-001 error
observed unresolved matter (vetting_hold) expected not to be nominated` (中文: `问题未查清`,
`不得提名`).
"#,
};

pub struct Elig001;

impl Rule for Elig001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let rows = ctx.persons_where(s, col("vetting_hold"))?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let who = ctx.person_name(rows.s("person_id", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}{who}有问题尚未查清，不得作为提名人选。"),
                    Lang::En => format!("{unit}: {who} has an unresolved petition or investigation and must not be nominated."),
                };
                let (observed, expected) = lang.pick(
                    ("问题未查清".to_string(), "不得提名".to_string()),
                    ("unresolved matter (vetting_hold)".to_string(), "not to be nominated".to_string()),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
