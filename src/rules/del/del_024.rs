//! DEL-024: an election the law requires to be competitive has more candidates than seats.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-024",
    name_zh: "坚持差额选举制度",
    name_en: "Competitive elections have more candidates than seats",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[],
    source: "004:L51",
    doc: r#"
## What it checks
Each election marked `competitive` (差额选举) = true in `elections`: its list has more
candidates than `seats`. Which elections the law requires to be competitive (under the
organic law, the deputy posts a people's congress elects; a chief post may have a single
candidate) is not in the sources, so the data says it: elections without the mark are
not checked, and neither are elections whose list is not given (no `candidates` rows).

## Why it matters
坚持差额选举制度 (004:L51): 坚持 (uphold) without a number, hence warning.

## Source
004:L51「坚持差额选举制度」

## Example
An election of 3 副镇长 with 3 candidates: `DEL-024 warning observed 3人/3名 expected > 3`.
"#,
};

pub struct Del024;

impl Rule for Del024 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let rows = super::rows_of(
            ec.elections
                .clone()
                .lazy()
                .filter(col("competitive").eq(lit(true)).fill_null(lit(false)))
                .with_column(severity_expr(s))
                .filter(col("severity").is_not_null())
                .filter(col("candidates").gt(lit(0)))
                .filter(col("candidates").lt_eq(col("seats"))),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, seats) = (rows.i("candidates", i), rows.i("seats", i));
                let label = super::label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => format!(
                        "{label}须差额选举，候选人{n}名、应选{seats}名，候选人应多于应选人数。"
                    ),
                    Lang::En => {
                        format!("{label} must be competitive: {n} candidates for {seats} seats.")
                    }
                };
                let observed = match lang {
                    Lang::Zh => format!("{n}人/{seats}名"),
                    Lang::En => format!("{n} for {seats}"),
                };
                rows.finding_in(
                    i,
                    &META,
                    Scope::Team,
                    observed,
                    format!("> {seats}"),
                    message,
                )
            })
            .collect())
    }
}
