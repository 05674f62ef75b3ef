//! EADM-002: an election-committee member who is a formal candidate resigns from the
//! committee.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EADM-002",
    name_zh: "选举委员会成员成为正式代表候选人的应当辞去职务",
    name_en: "Election-committee members who stand resign",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L205",
    doc: r#"
## What it checks
Each candidate of a 人大代表 election who, in the same cycle, has a `memberships` row with
`body` 选举委员会 of the election's level (or with no level). The data are read as they
stand at the election: a membership still listed means the member has not resigned.

Not checked: the softer half, that prospective candidates are generally not made
committee members in the first place (一般不, warning), which needs the committee's
appointment date.

## Why it matters
选举委员会的组成人员被提名为代表候选人的，应当辞去选举委员会的职务 (001:L205, dups L417,
L777): statutory (应当), hence error.

## Source
001:L205「应当辞去选举委员会的职务」

## Example
A committee member on the 2021 list of 柳河镇: `EADM-002 error observed 选举委员会成员、代表候选人`.
"#,
};

pub struct Eadm002;

impl Rule for Eadm002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let committee = ec
            .memberships
            .clone()
            .lazy()
            .filter(col("body").eq(lit(ElectionBody::ElectionCommittee.code())))
            .select([
                col("person_id"),
                col("cycle"),
                col("level").alias("committee_level"),
            ]);
        let rows = rows_of(
            ec.candidates_of(ElectionBody::PcDelegates, s)
                .join(
                    committee,
                    [col("person_id"), col("cycle")],
                    [col("person_id"), col("cycle")],
                    JoinArgs::new(JoinType::Inner),
                )
                .filter(
                    col("committee_level")
                        .is_null()
                        .or(col("committee_level").eq(col("level"))),
                )
                .unique_stable(
                    Some(cols(["election_id", "person_id"])),
                    UniqueKeepStrategy::First,
                ),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let label = label_of(ctx, &rows, i, lang);
                let name = rows.s("name", i);
                let message = match lang {
                    Lang::Zh => format!("{label}：{name}是选举委员会成员又是代表候选人，应当辞去选举委员会的职务。"),
                    Lang::En => format!("{label}: {name} sits on the election committee and is a candidate; the committee seat must be resigned."),
                };
                rows.finding_in(i, &META, Scope::Person,
                    lang.pick("选举委员会成员、代表候选人", "committee member and candidate").to_string(),
                    lang.pick("辞去选举委员会职务", "resigned from the committee").to_string(),
                    message,
                )
            })
            .collect())
    }
}
