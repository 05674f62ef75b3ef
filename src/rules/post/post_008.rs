//! POST-008: the full-time chair of a township people's-congress presidium is nominated
//! as a candidate for the county people's congress.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "POST-008",
    name_zh: "乡镇人大专职主席提名为县级人大代表人选",
    name_en: "Presidium chair is a county PC delegate candidate",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[],
    source: "001:L217",
    doc: r#"
## What it checks
Each 人大主席团 election of a township: its full-time chair (a member with `role` 主席 whose
`fulltime` is not false) is on the list of a 人大代表 election of the unit's parent county
(`units.parent_id`) in the same cycle, or has a `memberships` row of body 人大代表 at level
县 (or with no level) in that cycle. Checked only where the data carry the county's
candidacies: the parent has a 人大代表 election in the cycle, or some `memberships` row of
the cycle is a county 人大代表 seat. Elsewhere the data say nothing either way.

## Why it matters
乡镇人大主席团设专职主席1人，提名为县级人大代表人选 (001:L217, dup L793): a stated
arrangement without 必须, hence warning. A chair outside the county congress cannot carry
the township's business there.

## Source
001:L217「提名为县级人大代表人选」

## Example
The chair of 柳河镇's 2021 presidium, on no list of 青山县:
`POST-008 warning observed 非县人大代表候选人 expected 县人大代表候选人`.
"#,
};

pub struct Post008;

impl Rule for Post008 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let pc = lit(ElectionBody::PcDelegates.code());
        let county_level = col("level").eq(lit("县"));
        // The county lists: (cycle, county unit, person).
        let county_lists = ec
            .candidates()
            .filter(col("body").eq(pc.clone()).and(county_level.clone()))
            .select([
                col("cycle"),
                col("unit_id").alias("parent_id"),
                col("person_id"),
                lit(true).alias("listed"),
            ])
            .unique_stable(None, UniqueKeepStrategy::First);
        let parents_with_list = ec
            .elections
            .clone()
            .lazy()
            .filter(
                col("body")
                    .eq(pc.clone())
                    .and(county_level)
                    .and(col("candidates").gt(lit(0))),
            )
            .select([
                col("cycle"),
                col("unit_id").alias("parent_id"),
                lit(true).alias("county_list"),
            ])
            .unique_stable(None, UniqueKeepStrategy::First);
        let seats = ec.memberships.clone().lazy().filter(
            col("body")
                .eq(pc)
                .and(col("level").eq(lit("县")).or(col("level").is_null())),
        );
        let seated = seats
            .clone()
            .select([col("cycle"), col("person_id"), lit(true).alias("member")])
            .unique_stable(None, UniqueKeepStrategy::First);
        let cycles_with_seats = seats
            .filter(col("level").eq(lit("县")))
            .select([col("cycle"), lit(true).alias("any_seat")])
            .unique_stable(None, UniqueKeepStrategy::First);
        let parent = ec
            .elections
            .clone()
            .lazy()
            .select([col("election_id"), col("parent_id")]);
        let chair = col("delegate")
            .and(col("role").eq(lit("chair")))
            .and(col("fulltime").neq(lit(false)).fill_null(lit(true)))
            .fill_null(lit(false));
        let rows = rows_of(
            ec.candidates_of(ElectionBody::Presidium, s)
                .filter(chair)
                .join(
                    parent,
                    [col("election_id")],
                    [col("election_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .join(
                    parents_with_list,
                    [col("cycle"), col("parent_id")],
                    [col("cycle"), col("parent_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .join(
                    cycles_with_seats,
                    [col("cycle")],
                    [col("cycle")],
                    JoinArgs::new(JoinType::Left),
                )
                .filter(col("county_list").or(col("any_seat")).fill_null(lit(false)))
                .join(
                    county_lists,
                    [col("cycle"), col("parent_id"), col("person_id")],
                    [col("cycle"), col("parent_id"), col("person_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .join(
                    seated,
                    [col("cycle"), col("person_id")],
                    [col("cycle"), col("person_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .filter(col("listed").is_null().and(col("member").is_null())),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let label = label_of(ctx, &rows, i, lang);
                let name = rows.s("name", i);
                let county = ctx.unit_name(rows.s("parent_id", i));
                let message = match lang {
                    Lang::Zh => format!(
                        "{label}：专职主席{name}不在{county}人大代表候选人名单中，应提名为县级人大代表人选。"
                    ),
                    Lang::En => format!(
                        "{label}: the full-time chair {name} is on no list of {county}; the chair is to be a county PC delegate candidate."
                    ),
                };
                rows.finding_in(i, &META, Scope::Person,
                    lang.pick("非县人大代表候选人", "not a county candidate")
                        .to_string(),
                    lang.pick("县人大代表候选人", "county PC delegate candidate")
                        .to_string(),
                    message,
                )
            })
            .collect())
    }
}
