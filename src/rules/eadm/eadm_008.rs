//! EADM-008: a unit with 500 party members or more holds a party-members' congress.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EADM-008",
    name_zh: "党员500人以上的召开党员代表大会",
    name_en: "500 party members or more: a delegates' congress",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[Param {
        name: "min_members",
        default: 500.0,
        min: 1.0,
        max: 100000.0,
        doc: "party members from which a delegates' congress is held (inclusive)",
    }],
    source: "004:L45",
    doc: r#"
## What it checks
For each unit and cycle whose elections give `party_members` (the largest figure given
is used): with at least `min_members` members, the party committee is elected by a
party-members' congress (党员代表大会). The unit holds one when it has a 党代会代表
election in the cycle, or an election whose `assembly` is 党员代表大会; it holds a general
members' meeting when an election's `assembly` says 党员大会, or when it has a 党委委员
election and no 党代会代表 election. Exactly 500 needs a congress (以上 includes the
number; configurable). A unit with fewer members that holds a congress is not a finding:
a dispersed unit may with approval.

## Why it matters
党员人数在500人以上的召开党员代表大会，500人以下的召开党员大会 (004:L45, cf. 001:L563):
directive, hence error.

## Source
004:L45「党员人数在500人以上的召开党员代表大会」

## Example
A 街道 with 620 party members electing its committee at a 党员大会:
`EADM-008 error observed 620名党员，党员大会 expected 党员代表大会`.
"#,
};

pub struct Eadm008;

impl Rule for Eadm008 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let min = s.get(crate::param!(META, "min_members"));
        let df = ec
            .elections
            .clone()
            .lazy()
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null())
            .group_by_stable([col("cycle"), col("unit_id")])
            .agg([
                col("party_members").max().alias("members"),
                col("body")
                    .eq(lit(ElectionBody::PartyCongress.code()))
                    .or(col("congress").eq(lit(true)).fill_null(lit(false)))
                    .any(false)
                    .alias("held_congress"),
                col("body")
                    .eq(lit(ElectionBody::PartyCommittee.code()))
                    .or(col("congress").eq(lit(false)).fill_null(lit(false)))
                    .any(false)
                    .alias("held_meeting"),
                col("severity").first(),
            ])
            .filter(
                col("members")
                    .cast(DataType::Float64)
                    .gt_eq(lit(min))
                    .fill_null(lit(false))
                    .and(col("held_congress").not())
                    .and(col("held_meeting")),
            )
            .sort(
                ["cycle", "unit_id"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()?;
        let rows = Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("members", i);
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let cycle = rows.s("cycle", i);
                let min = min as i64;
                let message = match lang {
                    Lang::Zh => format!("{unit}{cycle}年有党员{n}名，召开的是党员大会；党员人数在{min}人以上的应召开党员代表大会。"),
                    Lang::En => format!("{unit} {cycle}: {n} party members held a general members' meeting; from {min} members a delegates' congress is held."),
                };
                let observed = match lang {
                    Lang::Zh => format!("{n}名党员，党员大会"),
                    Lang::En => format!("{n} members, members' meeting"),
                };
                rows.finding_in(i, &META, Scope::Team, observed, lang.pick("党员代表大会", "delegates' congress").to_string(), message)
            })
            .collect())
    }
}
