//! POST-003: a part-time discipline secretary needs a full-time deputy.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "POST-003",
    name_zh: "专职纪委副书记",
    name_en: "Full-time deputy discipline secretary",
    scope: Scope::Team,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "004:L21",
    doc: r#"
## What it checks
In each 街道 team whose 纪委书记 is marked not full-time (`fulltime` = false on the
`discipline_secretary` row), the slate has a `discipline_deputy_secretary` that is not
marked part-time. A discipline secretary with `fulltime` empty is taken as full-time.

## Why it matters
纪委书记不能专职的,应当配备专职纪委副书记 (004:L21): 应当 (shall), hence error.

## Source
004:L21「应当配备专职纪委副书记」

## Example
A 街道 whose 纪委书记 also serves as 组织委员 (fulltime 否) and no 纪委副书记:
`POST-003 error observed part-time discipline secretary, no full-time deputy` (中文:
`纪委书记非专职，无专职纪委副书记`).
"#,
};

pub struct Post003;

impl Rule for Post003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let part_time = col("role")
            .eq(lit("discipline_secretary"))
            .and(col("fulltime").eq(lit(false)).fill_null(lit(false)));
        let ft_deputy = col("role")
            .eq(lit("discipline_deputy_secretary"))
            .and(col("fulltime").neq(lit(false)).fill_null(lit(true)));
        let df = ctx
            .seats
            .clone()
            .lazy()
            .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
            .agg([
                part_time.cast(DataType::UInt32).sum().alias("part_time"),
                ft_deputy.cast(DataType::UInt32).sum().alias("deputies"),
            ])
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null())
            .filter(col("part_time").gt(lit(0)).and(col("deputies").eq(lit(0))))
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}纪委书记不是专职，未配备专职纪委副书记。"),
                    Lang::En => format!("{unit}: the discipline secretary is part-time and there is no full-time deputy."),
                };
                let (observed, expected) = lang.pick(
                    ("纪委书记非专职，无专职纪委副书记".to_string(), "专职纪委副书记1名".to_string()),
                    ("part-time discipline secretary, no full-time deputy".to_string(), "one full-time discipline deputy secretary".to_string()),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
