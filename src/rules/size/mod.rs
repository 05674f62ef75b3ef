//! SIZE: team size and principal posts (catalogue 3.1). Size rules count posts (slate
//! rows), not persons: a 镇长 who is also 党委副书记 holds two posts.

pub mod size_001;
pub mod size_002;
pub mod size_004;
pub mod size_005;
pub mod size_006;

use polars::prelude::*;

use super::context::{severity_expr, Context};
use super::frame::Rows;
use super::{config::RuleSettings, Finding, Lang, RuleMeta};

/// Teams whose count of posts selected by `filter` lies outside `[min, max]`, for rules
/// that count posts of one kind.
pub(crate) fn post_count_outside(
    ctx: &Context,
    s: &RuleSettings,
    (min, max): (f64, f64),
    filter: Expr,
    only_listed: Option<Expr>,
) -> PolarsResult<Rows> {
    let mut lf = ctx
        .seats
        .clone()
        .lazy()
        .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
        .agg([
            filter.cast(DataType::UInt32).sum().alias("posts"),
            only_listed
                .unwrap_or(lit(true))
                .cast(DataType::UInt32)
                .sum()
                .alias("listed"),
        ])
        .with_column(severity_expr(s))
        .filter(col("severity").is_not_null())
        .filter(col("listed").gt(lit(0)))
        .filter(col("posts").lt(lit(min)).or(col("posts").gt(lit(max))));
    lf = lf.sort(
        ["cycle", "unit_id"],
        SortMultipleOptions::default().with_maintain_order(true),
    );
    Rows::new(&lf.collect()?)
}

/// Findings for [`post_count_outside`] rows: "`n` posts, expected min–max".
pub(crate) fn size_findings(
    ctx: &Context,
    rows: &Rows,
    meta: &'static RuleMeta,
    (min, max): (f64, f64),
    (what_zh, what_en): (&str, &str),
    lang: Lang,
) -> Vec<Finding> {
    let (min, max) = (min as i64, max as i64);
    (0..rows.height)
        .filter_map(|i| {
            let n = rows.i("posts", i);
            let unit = ctx.unit_name(rows.s("unit_id", i));
            let message = match lang {
                Lang::Zh => format!("{unit}{what_zh}{n}名，应为{min}至{max}名。"),
                Lang::En => format!("{unit}: {what_en} {n}, expected {min} to {max}."),
            };
            let (observed, expected) = lang.pick(
                (format!("{what_zh}{n}名"), format!("{min}至{max}名")),
                (format!("{n}"), format!("{min}–{max}")),
            );
            rows.finding(i, meta, observed, expected, message)
        })
        .collect()
}
