//! POST-003: a part-time discipline secretary needs a full-time deputy.

use polars::prelude::*;

use crate::rules::config::{Config, RuleSettings};
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
`discipline_secretary` row), the slate has a `discipline_deputy_secretary` marked
full-time. A blank `fulltime` is unknown (setting `blank_fulltime_unknown`, default true):
a team whose 纪委书记 has a blank `fulltime`, or whose part-time 纪委书记 has only deputies
with a blank `fulltime`, and no deputy marked full-time, gets an advice finding "cannot be
verified" (未填写是否专职，无法核实) instead of a pass, so that a slate which never fills the column
does not pass unseen. With the setting false, blank is taken as full-time (the earlier
reading).

## Why it matters
纪委书记不能专职的,应当配备专职纪委副书记 (004:L21): 应当 (shall), hence error.

## Source
004:L21「应当配备专职纪委副书记」

## Example
A 街道 whose 纪委书记 also serves as 组织委员 (fulltime 否) and no 纪委副书记:
`POST-003 error observed part-time discipline secretary, no full-time deputy` (中文:
`纪委书记非专职，无专职纪委副书记`). The same 街道 with `fulltime` left blank: `POST-003
advice observed full-time not given, cannot be verified` (中文: `未填写是否专职，无法核实`).
"#,
};

pub struct Post003;

impl Rule for Post003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, cfg: &Config) -> Option<String> {
        Some(if cfg.global.blank_fulltime_unknown {
            "a blank fulltime is unknown: without a deputy marked full-time the team gets an advice finding \"full-time not given, cannot be verified\" (setting blank_fulltime_unknown = true).".into()
        } else {
            "a blank fulltime counts as full-time (setting blank_fulltime_unknown = false).".into()
        })
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let count = |role: &str, fulltime: Option<bool>| {
            let marked = match fulltime {
                Some(b) => col("fulltime").eq(lit(b)).fill_null(lit(false)),
                None => col("fulltime").is_null(),
            };
            col("role")
                .eq(lit(role))
                .and(marked)
                .cast(DataType::UInt32)
                .sum()
        };
        let unknown = ctx.config.global.blank_fulltime_unknown;
        // Deputies that settle the question, and deputies whose 专职 is not given.
        let (settled, open) = if unknown {
            (col("deputy_full"), col("deputy_blank"))
        } else {
            (col("deputy_full") + col("deputy_blank"), lit(0u32))
        };
        let sec_open = if unknown { col("sec_blank") } else { lit(0u32) };
        let df = ctx
            .seats
            .clone()
            .lazy()
            .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
            .agg([
                count("discipline_secretary", Some(false)).alias("part_time"),
                count("discipline_secretary", None).alias("sec_blank"),
                count("discipline_deputy_secretary", Some(true)).alias("deputy_full"),
                count("discipline_deputy_secretary", None).alias("deputy_blank"),
            ])
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null().and(settled.eq(lit(0))))
            .with_column(
                col("part_time")
                    .gt(lit(0))
                    .and(open.eq(lit(0)))
                    .alias("breach"),
            )
            .filter(
                col("breach").or(sec_open.gt(lit(0))).or(col("part_time")
                    .gt(lit(0))
                    .and(col("deputy_blank").gt(lit(0)))
                    .and(lit(unknown))),
            )
            .with_column(
                when(col("breach"))
                    .then(col("severity"))
                    .otherwise(lit(Severity::Advice.code()))
                    .alias("severity"),
            )
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let unit = ctx.unit_name(rows.s("unit_id", i));
                if rows.n("breach", i) == 0.0 {
                    let message = match lang {
                        Lang::Zh => format!("{unit}纪委书记或纪委副书记未填写是否专职，无法核实是否配备专职纪委副书记。"),
                        Lang::En => format!("{unit}: whether the discipline secretary or the deputy is full-time is not given; a full-time deputy cannot be verified."),
                    };
                    let (observed, expected) = lang.pick(
                        ("未填写是否专职，无法核实".to_string(), "专职纪委副书记1名".to_string()),
                        ("full-time not given, cannot be verified".to_string(), "one full-time discipline deputy secretary".to_string()),
                    );
                    return rows.finding(i, &META, observed, expected, message);
                }
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
