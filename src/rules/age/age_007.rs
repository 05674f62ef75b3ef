//! AGE-007: old, middle and young (老中青) in every team.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "AGE-007",
    name_zh: "老中青梯次配备",
    name_en: "Old, middle-aged and young members",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: Some(Severity::Advice),
    params: &[],
    source: "004:L25; 001:L555",
    doc: r#"
## What it checks
Each team has someone in the youngest bands (aged 35 or under) and its members do not all
fall in one of the age bands of 002:L27 (≤30, 31–35, 36–45, 46–50, >50).

## Why it matters
努力形成老中青结合的梯次配备 (004:L25); 坚持老中青相结合梯次配备 (001:L555). The sources
ask for an echelon, not a number, hence advice.

## Source
004:L25「老中青结合的梯次配备」; 001:L555「老中青相结合梯次配备」

## Example
A team whose youngest member is 38: `AGE-007 advice observed no member aged ≤35 (youngest 38)`
(中文: `无35岁以下成员（最年轻38岁）`).
"#,
};

pub struct Age007;

/// The band of an age (002:L27).
fn band() -> Expr {
    when(col("age").lt_eq(lit(30)))
        .then(lit(0))
        .when(col("age").lt_eq(lit(35)))
        .then(lit(1))
        .when(col("age").lt_eq(lit(45)))
        .then(lit(2))
        .when(col("age").lt_eq(lit(50)))
        .then(lit(3))
        .otherwise(lit(4))
}

impl Rule for Age007 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let df = ctx
            .members()
            .with_column(band().alias("band"))
            .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
            .agg([
                col("age")
                    .lt_eq(lit(35))
                    .cast(DataType::UInt32)
                    .sum()
                    .alias("young"),
                col("band").n_unique().alias("bands"),
                col("age").min().alias("youngest"),
            ])
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null())
            .filter(col("young").eq(lit(0)).or(col("bands").eq(lit(1))))
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let youngest = rows.i("youngest", i);
                let (observed, message) = if rows.i("young", i) == 0 {
                    (
                        lang.pick(
                            format!("无35岁以下成员（最年轻{youngest}岁）"),
                            format!("no member aged ≤35 (youngest {youngest})"),
                        ),
                        match lang {
                            Lang::Zh => format!("{unit}领导班子无35岁以下成员（最年轻{youngest}岁），未形成老中青梯次配备。"),
                            Lang::En => format!("{unit}: no member aged 35 or under (youngest {youngest}); no old-middle-young echelon."),
                        },
                    )
                } else {
                    (
                        lang.pick("成员年龄集中在同一年龄段", "all members in one age band")
                            .to_string(),
                        match lang {
                            Lang::Zh => format!("{unit}领导班子成员年龄全部集中在同一年龄段，未形成梯次配备。"),
                            Lang::En => format!("{unit}: all members fall in one age band."),
                        },
                    )
                };
                let expected = lang.pick("老中青梯次配备", "old, middle-aged and young members");
                rows.finding(i, &META, observed, expected.into(), message)
            })
            .collect())
    }
}
