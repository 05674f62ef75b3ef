//! DEL: composition of delegate lists, candidate lists and ballots (catalogue 3.11).
//! These rules run on the election frames ([`ElectionContext`]); without election
//! tables they find nothing. A list is one election's candidates; its delegates are
//! those elected (or the whole list before the vote).

pub mod del_001;
pub mod del_002;
pub mod del_003;
pub mod del_004;
pub mod del_005;
pub mod del_009;
pub mod del_010;
pub mod del_011;
pub mod del_012;
pub mod del_013;
pub mod del_014;
pub mod del_024;
pub mod strokes;

use polars::prelude::*;

use super::config::RuleSettings;
use super::election_context::{election_label, pct, ElectionContext};
use super::frame::Rows;
use super::{Context, Finding, Lang, RuleMeta, Scope};
use crate::dataset::elections::ElectionBody;

/// The election frames of a run, or `None` when the dataset has none.
pub(crate) fn frames(ctx: &Context) -> Option<&ElectionContext> {
    ctx.elections.as_ref()
}

/// Collects `lf` sorted by cycle, unit and election into [`Rows`].
pub(crate) fn rows_of(lf: LazyFrame) -> PolarsResult<Rows> {
    Rows::new(
        &lf.sort(
            ["cycle", "unit_id", "election_id"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?,
    )
}

/// The columns of a candidate's row that [`rows_of`], [`label_of`] and
/// [`Rows::finding_in`] read, and `more`: a rule that joins the candidates with other
/// frames selects them before collecting, so that polars carries only these columns
/// through the joins, not every column of half a million candidates (POST-013's peak
/// over the frames at 40,000 units went +480 → +300 MB).
pub(crate) fn finding_columns(more: &[&str]) -> Vec<Expr> {
    [
        "cycle",
        "unit_id",
        "election_id",
        "body",
        "person_id",
        "severity",
    ]
    .iter()
    .chain(more)
    .map(|c| col(*c))
    .collect()
}

/// The label of the election of row `i`.
pub(crate) fn label_of(ctx: &Context, rows: &Rows, i: usize, lang: Lang) -> String {
    election_label(
        ctx.unit_name(rows.s("unit_id", i)),
        rows.s("cycle", i),
        rows.s("body", i),
        rows.s("election_id", i),
        lang,
    )
}

/// DEL-010 and DEL-012: elections of `body` whose margin (差额比例) is below `min_margin`.
pub(crate) fn margin_below(
    ctx: &Context,
    s: &RuleSettings,
    body: ElectionBody,
    meta: &'static RuleMeta,
    min: f64,
    lang: Lang,
) -> anyhow::Result<Vec<Finding>> {
    let Some(ec) = frames(ctx) else {
        return Ok(vec![]);
    };
    let rows = rows_of(
        ec.elections_of(body, s)
            .filter(col("margin").lt(lit(min - 1e-9))),
    )?;
    Ok((0..rows.height)
        .filter_map(|i| {
            let (n, seats) = (rows.i("candidates", i), rows.i("seats", i));
            let m = rows.n("margin", i);
            let label = label_of(ctx, &rows, i, lang);
            let message = match lang {
                Lang::Zh => format!(
                    "{label}候选人{n}名、应选{seats}名，差额比例{}，一般不少于{}。",
                    pct(m),
                    pct(min)
                ),
                Lang::En => format!(
                    "{label}: {n} candidates for {seats} seats, a margin of {}; at least {} expected.",
                    pct(m),
                    pct(min)
                ),
            };
            let observed = match lang {
                Lang::Zh => format!("{} ({n}人/{seats}名)", pct(m)),
                Lang::En => format!("{} ({n} for {seats})", pct(m)),
            };
            rows.finding_in(i, meta, Scope::Team, observed, format!("≥ {}", pct(min)), message)
        })
        .collect())
}

/// DEL-011 and DEL-013: elections of `body` whose margin is below the previous term's.
pub(crate) fn margin_fell(
    ctx: &Context,
    s: &RuleSettings,
    body: ElectionBody,
    meta: &'static RuleMeta,
    lang: Lang,
) -> anyhow::Result<Vec<Finding>> {
    let Some(ec) = frames(ctx) else {
        return Ok(vec![]);
    };
    let rows = rows_of(
        ec.elections_of(body, s).filter(
            col("prev_margin")
                .is_not_null()
                .and(col("margin").lt(col("prev_margin") - lit(1e-9))),
        ),
    )?;
    Ok((0..rows.height)
        .filter_map(|i| {
            let (now, before) = (rows.n("margin", i), rows.n("prev_margin", i));
            let prev = rows.s("previous", i);
            let label = label_of(ctx, &rows, i, lang);
            let message = match lang {
                Lang::Zh => format!(
                    "{label}差额比例{}，低于上届（{prev}）的{}。",
                    pct(now),
                    pct(before)
                ),
                Lang::En => format!(
                    "{label}: a margin of {}, below the previous term's {} ({prev}).",
                    pct(now),
                    pct(before)
                ),
            };
            let observed = match lang {
                Lang::Zh => format!("{} (上届 {})", pct(now), pct(before)),
                Lang::En => format!("{} (previous {})", pct(now), pct(before)),
            };
            rows.finding_in(
                i,
                meta,
                Scope::Cycle,
                observed,
                format!("≥ {}", pct(before)),
                message,
            )
        })
        .collect())
}
