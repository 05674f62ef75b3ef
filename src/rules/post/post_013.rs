//! POST-013: party-committee members who are people's-congress delegates join the
//! presidium (大会主席团), except the government leaders POST-009 keeps off it.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{finding_columns, label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "POST-013",
    name_zh: "党委委员中的人大代表应参加大会主席团",
    name_en: "Party-committee members who are PC delegates join the presidium",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[],
    source: "001:L751",
    doc: r#"
## What it checks
For each township and cycle with a 人大主席团 election: every person with a 党委 row on the
unit's slate who is a delegate of the unit's 人大代表 election of the cycle (elected, or
on the list before the vote) is also a member of the presidium. Left out, as the
catalogue's conflict C9 resolves: persons who hold a 乡镇长 or 副乡镇长 post (POST-009 forbids
them the presidium, and 不得 beats 应). One finding per person missing.

Not checked: the temporary party organisation of the congress (大会临时党组织), the other
half of 001:L751 and all of 004:L53; the contract has no table of it. The rule is off
for 街道, which elect no presidium.

## Why it matters
党委委员中的人大代表应参加大会主席团和大会临时党组织 (001:L751): 应 (should), hence warning.
It keeps the party committee's leadership of the session.

## Source
001:L751「应参加大会主席团和大会临时党组织」

## Example
The 组织委员 of 柳河镇, elected 人大代表 in 2021 but not on the presidium list:
`POST-013 warning observed 人大代表，未参加主席团 expected 参加主席团`.
"#,
};

pub struct Post013;

impl Rule for Post013 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        // The cycle, the unit and the person as indexes: joins of half a million
        // delegates on the ids' texts were the cost of this rule.
        let keys = [col("cycle_index"), col("unit"), col("person")];
        let slate = ctx
            .seats
            .clone()
            .lazy()
            .group_by(keys.clone())
            .agg([
                col("body").eq(lit("党委")).any(true).alias("committee"),
                col("role")
                    .eq(lit("head"))
                    .or(col("role").eq(lit("deputy_head")))
                    .any(true)
                    .alias("government"),
            ])
            .filter(col("committee").and(col("government").not()))
            .select(keys.clone());
        let presidium = ec
            .candidate_indexes_of(ElectionBody::Presidium, s)
            .filter(col("delegate"))
            .select(keys.clone())
            .unique(None, UniqueKeepStrategy::First)
            .with_column(lit(true).alias("on_presidium"));
        let team = [col("cycle_index"), col("unit")];
        let units_with_presidium = ec
            .elections_of(ElectionBody::Presidium, s)
            .select(team.clone())
            .unique(None, UniqueKeepStrategy::First);
        // The findings are sorted afterwards: the joins need not keep an order.
        let rows = rows_of(
            ec.with_election_texts(
                ec.candidate_indexes_of(ElectionBody::PcDelegates, s)
                    .filter(col("delegate"))
                    .join(
                        units_with_presidium,
                        team.clone(),
                        team,
                        JoinArgs::new(JoinType::Inner),
                    )
                    .join(
                        slate,
                        keys.clone(),
                        keys.clone(),
                        JoinArgs::new(JoinType::Inner),
                    )
                    .join(presidium, keys.clone(), keys, JoinArgs::new(JoinType::Left))
                    .filter(col("on_presidium").is_null())
                    .select([
                        col("election"),
                        col("person_id"),
                        col("name"),
                        col("severity"),
                    ]),
            )
            // Only what a finding reads, the election's texts of the delegates left.
            .select(finding_columns(&["name"])),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let label = label_of(ctx, &rows, i, lang);
                let name = rows.s("name", i);
                let message = match lang {
                    Lang::Zh => format!(
                        "{label}：党委委员{name}当选人大代表，未列入人大主席团，党委委员中的人大代表应参加大会主席团。"
                    ),
                    Lang::En => format!(
                        "{label}: party-committee member {name} is a delegate but not on the presidium, which they should join."
                    ),
                };
                rows.finding_in(i, &META, Scope::Person,
                    lang.pick("人大代表，未参加主席团", "delegate, not on the presidium")
                        .to_string(),
                    lang.pick("参加主席团", "on the presidium").to_string(),
                    message,
                )
            })
            .collect())
    }
}
