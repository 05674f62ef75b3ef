//! POST: required posts of a team (catalogue 3.2).

pub mod post_001;
pub mod post_002;
pub mod post_003;

use polars::prelude::*;

use super::config::RuleSettings;
use super::context::{severity_expr, Context};
use super::frame::Rows;
use super::{Finding, Lang, RuleMeta};

/// Findings for teams that lack any of `roles` (`(code, 中文, English)`).
pub(crate) fn missing_roles(
    ctx: &Context,
    s: &RuleSettings,
    meta: &'static RuleMeta,
    roles: &[(&str, &str, &str)],
    lang: Lang,
) -> PolarsResult<Vec<Finding>> {
    let counts: Vec<Expr> = roles
        .iter()
        .map(|(r, _, _)| {
            col("role")
                .eq(lit(*r))
                .cast(DataType::UInt32)
                .sum()
                .alias(*r)
        })
        .collect();
    let missing = roles
        .iter()
        .map(|(r, _, _)| col(*r).eq(lit(0)))
        .reduce(|a, b| a.or(b))
        .unwrap_or(lit(false));
    let df = ctx
        .seats
        .clone()
        .lazy()
        .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
        .agg(counts)
        .with_column(severity_expr(s))
        .filter(col("severity").is_not_null().and(missing))
        .collect()?;
    let rows = Rows::new(&df)?;
    Ok((0..rows.height)
        .filter_map(|i| {
            let unit = ctx.unit_name(rows.s("unit_id", i));
            let absent: Vec<&(&str, &str, &str)> =
                roles.iter().filter(|(r, _, _)| rows.i(r, i) == 0).collect();
            let zh: Vec<&str> = absent.iter().map(|(_, z, _)| *z).collect();
            let en: Vec<&str> = absent.iter().map(|(_, _, e)| *e).collect();
            let message = match lang {
                Lang::Zh => format!("{unit}领导班子未配备{}。", zh.join("、")),
                Lang::En => format!("{unit}: the team has no {}.", en.join(" and no ")),
            };
            let observed = match lang {
                Lang::Zh => format!("缺{}", zh.join("、")),
                Lang::En => format!("no {}", en.join(", no ")),
            };
            let expected = match lang {
                Lang::Zh => roles
                    .iter()
                    .map(|(_, z, _)| format!("{z}1名"))
                    .collect::<Vec<_>>()
                    .join("、"),
                Lang::En => roles
                    .iter()
                    .map(|(_, _, e)| format!("one {e}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            rows.finding(i, meta, observed, expected, message)
        })
        .collect())
}
