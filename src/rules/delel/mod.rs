//! DELEL: eligibility of delegates, candidates and CPPCC members (catalogue 3.10). The
//! data carry the ineligibility grounds a vetting found as `candidates.flags`; each
//! DELEL rule here reports the candidates flagged with one of its grounds, naming it.

pub mod delel_001;
pub mod delel_002;
pub mod delel_003;
pub mod delel_004;
pub mod delel_005;

use polars::prelude::*;

use super::config::RuleSettings;
use super::context::severity_expr;
use crate::dataset::elections::Ground;
use crate::rules::{Context, Finding, Lang, RuleMeta, Scope};

/// Candidates on any list flagged with a ground of `code`, one finding per candidate and
/// election naming every such ground.
pub(crate) fn flagged(
    ctx: &Context,
    s: &RuleSettings,
    meta: &'static RuleMeta,
    lang: Lang,
) -> anyhow::Result<Vec<Finding>> {
    let Some(ec) = ctx.elections.as_ref() else {
        return Ok(vec![]);
    };
    let rows = super::del::rows_of(
        ec.candidates()
            .filter(col("flags").neq(lit("")))
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null()),
    )?;
    Ok((0..rows.height)
        .filter_map(|i| {
            let grounds: Vec<Ground> = rows
                .s("flags", i)
                .split(';')
                .filter_map(|g| Ground::parse(g).ok())
                .filter(|g| g.rule() == meta.code)
                .collect();
            if grounds.is_empty() {
                return None;
            }
            let named: Vec<&str> = grounds
                .iter()
                .map(|g| lang.pick(g.label_zh(), g.label_en()))
                .collect();
            let named = named.join(lang.pick("、", ", "));
            let label = super::del::label_of(ctx, &rows, i, lang);
            let name = rows.s("name", i);
            let message = match lang {
                Lang::Zh => format!("{label}：候选人{name}{named}，不得作为代表候选人。"),
                Lang::En => format!("{label}: candidate {name} is ineligible ({named})."),
            };
            rows.finding_in(
                i,
                meta,
                Scope::Person,
                named,
                lang.pick("无不得提名情形", "no ineligibility ground")
                    .to_string(),
                message,
            )
        })
        .collect())
}
