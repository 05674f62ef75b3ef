//! GEN-004: at least one woman in every team.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "GEN-004",
    name_zh: "班子中的女干部",
    name_en: "Women in every team",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: Some(Severity::Advice),
    params: &[],
    source: "004:L25; 001:L555",
    doc: r#"
## What it checks
Each team has at least one woman among its distinct members.

## Why it matters
注意选配优秀女干部进街道领导班子 (004:L25); 注意选拔优秀女干部进镇领导班子 (001:L555).
注意 (take care), and 001 warns against quota-filling for its own sake, hence advice.

## Source
004:L25「注意选配优秀女干部进街道领导班子」; 001:L555「注意选拔优秀女干部进镇领导班子」

## Example
A team of nine men: `GEN-004 advice observed 0/9 women expected ≥ 1` (中文:
`女干部0人/共9人`, `至少1人`).
"#,
};

pub struct Gen004;

impl Rule for Gen004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let rows = ctx.teams_short_of(s, col("woman"), 1e-6, None)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("n", i);
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中没有女干部。"),
                    Lang::En => format!("{unit}: no woman among the {n} members."),
                };
                let (observed, expected) = lang.pick(
                    (format!("女干部0人/共{n}人"), "至少1人".to_string()),
                    (format!("0/{n} women"), "≥ 1".to_string()),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
