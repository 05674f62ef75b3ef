//! ROT: tenure, rotation (交流), stability and avoidance (catalogue 3.8). Tenures are the
//! unbroken stretch in the same post (or team, or secretary post) of the same unit that
//! reaches the cycle's reference date (see `facts`).

pub mod rot_001;
pub mod rot_002;
pub mod rot_003;
pub mod rot_004;
pub mod rot_005;
pub mod rot_006;

use polars::prelude::*;

use super::config::RuleSettings;
use super::{fmt_num, Context, Finding, Lang, RuleMeta};

/// Person findings of `meta` for a tenure column at or over `min` years.
pub(crate) fn tenure_over(
    ctx: &Context,
    s: &RuleSettings,
    meta: &'static RuleMeta,
    min: f64,
    (column, extra): (&str, Expr),
    (what_zh, what_en): (&str, &str),
    lang: Lang,
) -> PolarsResult<Vec<Finding>> {
    let rows = ctx.persons_where(s, col(column).gt_eq(lit(min)).and(extra))?;
    let m = fmt_num(min);
    Ok((0..rows.height)
        .filter_map(|i| {
            let years = fmt_num(rows.n(column, i));
            let who = ctx.person_name(rows.s("person_id", i));
            let unit = ctx.unit_name(rows.s("unit_id", i));
            let message = match lang {
                Lang::Zh => format!("{unit}{who}{what_zh}已{years}年，满{m}年应交流。"),
                Lang::En => format!(
                    "{unit}: {who} has {years} years {what_en}; {m} years calls for rotation."
                ),
            };
            let (observed, expected) = lang.pick(
                (format!("{what_zh}{years}年"), format!("未满{m}年")),
                (format!("{years} years"), format!("< {m}")),
            );
            rows.finding(i, meta, observed, expected, message)
        })
        .collect())
}

/// `rows` (with `cycle, unit_id, person_id`) of teams whose unit also had a team in the
/// previous cycle, with that cycle as `previous` and `was` = true when the person sat on
/// that previous team (null when new to it). Shared by ROT-004 and ROT-005.
pub(crate) fn against_previous_team(ctx: &Context, rows: LazyFrame) -> PolarsResult<LazyFrame> {
    let prev_members = ctx.members().select([
        col("cycle").alias("previous"),
        col("unit_id"),
        col("person_id"),
        lit(true).alias("was"),
    ]);
    let prev_teams = prev_members
        .clone()
        .group_by_stable([col("previous"), col("unit_id")])
        .agg([len().alias("prev_size")]);
    Ok(ctx
        .with_previous_cycle(rows)?
        .join(
            prev_teams,
            [col("previous"), col("unit_id")],
            [col("previous"), col("unit_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .join(
            prev_members,
            [col("previous"), col("unit_id"), col("person_id")],
            [col("previous"), col("unit_id"), col("person_id")],
            JoinArgs::new(JoinType::Left),
        ))
}
