//! SPEC-001: a 镇 team covers party affairs, economy, social affairs and rule of law.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "SPEC-001",
    name_zh: "熟悉党务、经济、社会、法治工作的干部",
    name_en: "Party affairs, economy, social affairs and rule of law covered",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: None,
    params: &[],
    source: "001:L555",
    doc: r#"
## What it checks
In each 乡镇 team, each of the four areas is among some member's `specialties`: 党务
(party affairs), 经济 (economy, also 经济管理), 社会 (社会管理, social affairs) and 法治
(rule of law, also 法律 or 政法). The finding names the areas no member covers.

## Why it matters
党委领导班子注意选配熟悉党务和经济、社会、法治等工作的干部 (001:L555). 注意选配, hence advice.

## Source
001:L555「熟悉党务和经济、社会、法治等工作的干部」

## Example
A 镇 team in which nobody lists 法治: `SPEC-001 advice observed lacks rule of law`
(中文: `缺法治`).
"#,
};

pub struct Spec001;

/// The four areas with the words that count for each.
const AREAS: [(&str, &[&str], &str); 4] = [
    ("党务", &["党务", "党建"], "party affairs"),
    ("经济", &["经济"], "economy"),
    ("社会", &["社会"], "social affairs"),
    ("法治", &["法治", "法律", "政法"], "rule of law"),
];

impl Rule for Spec001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let covers: Vec<Expr> = AREAS
            .iter()
            .map(|(name, words, _)| {
                words
                    .iter()
                    .map(|w| col("specialties").str().contains_literal(lit(*w)))
                    .reduce(|a, b| a.or(b))
                    .expect("words")
                    .any(true)
                    .alias(*name)
            })
            .collect();
        let missing = AREAS
            .iter()
            .map(|(name, _, _)| col(*name).not())
            .reduce(|a, b| a.or(b))
            .expect("areas");
        let df = ctx
            .members()
            .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
            .agg(covers)
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null().and(missing))
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let gaps: Vec<&(&str, &[&str], &str)> = AREAS
                    .iter()
                    .filter(|(n, _, _)| rows.n(n, i) == 0.0)
                    .collect();
                let zh: Vec<&str> = gaps.iter().map(|g| g.0).collect();
                let en: Vec<&str> = gaps.iter().map(|g| g.2).collect();
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子中没有熟悉{}工作的干部。", zh.join("、")),
                    Lang::En => format!("{unit}: no member familiar with {}.", en.join(", ")),
                };
                let all_en: Vec<&str> = AREAS.iter().map(|a| a.2).collect();
                let (observed, expected) = lang.pick(
                    (
                        format!("缺{}", zh.join("、")),
                        "党务、经济、社会、法治".to_string(),
                    ),
                    (format!("lacks {}", en.join(", ")), all_en.join(", ")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
