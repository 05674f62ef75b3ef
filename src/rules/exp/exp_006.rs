//! EXP-006: each 镇 team draws at least one member from the three source groups.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EXP-006",
    name_zh: "三类人员进入镇领导班子",
    name_en: "Member from the three township source groups",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[],
    source: "001:L561",
    doc: r#"
## What it checks
Each 乡镇 team has at least one member whose `staffing` names one of the three source
groups: township public-institution staff (事业编制), village (嘎查/村) cadres (村干部) or
college-graduate village officials (大学生村官).

## Why it matters
每个镇一般从这三类人员中择优配备不少于1人 (001:L561). 一般, hence warning.

## Source
001:L561「每个镇一般从这三类人员中择优配备不少于1人」

## Example
A 镇 whose members are all 公务员: `EXP-006 warning observed 0/9 from the three groups expected ≥ 1`
(中文: `三类人员0人/共9人`, `至少1人`).
"#,
};

pub struct Exp006;

/// Whether `staffing` names one of the three groups.
fn from_groups() -> Expr {
    let s = col("staffing").fill_null(lit(""));
    s.clone()
        .str()
        .contains_literal(lit("事业"))
        .or(s.clone().str().contains_literal(lit("村干部")))
        .or(s.clone().str().contains_literal(lit("村官")))
        .or(s.str().contains_literal(lit("嘎查")))
}

impl Rule for Exp006 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let rows = ctx.teams_short_of(s, from_groups(), 1e-6, None)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("n", i);
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中没有来自乡镇事业编制人员、优秀村干部或大学生村官的成员。"),
                    Lang::En => format!("{unit}: none of the {n} members comes from township public-institution staff, village cadres or college-graduate village officials."),
                };
                let (observed, expected) = lang.pick(
                    (format!("三类人员0人/共{n}人"), "至少1人".to_string()),
                    (format!("0/{n} from the three groups"), "≥ 1".to_string()),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
