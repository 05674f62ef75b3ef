//! DEL-009: the same person is not a party-congress delegate, a PC delegate and a CPPCC
//! member of the same level at once.

use polars::prelude::*;
use std::collections::BTreeMap;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::election_context::body_of;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-009",
    name_zh: "党代表、人大代表、政协委员一般不交叉",
    name_en: "No overlap of party-congress delegates, PC delegates and CPPCC members",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[],
    source: "004:L43; 001:L725, L957",
    doc: r#"
## What it checks
For each person and cycle, the seats of the same level (`elections.level`, or the unit's
kind; `memberships.level`) among: delegate of a 党代会代表 election, delegate of a 人大代表
election, member of a 政协委员 list, and the `memberships` rows of those three bodies. A
person with seats in two or more of the three bodies at one level is a finding, on the
first election (by cycle, unit and id) where the person is a delegate. A membership
without a level is taken to be of the same level. Delegates are the candidates marked
`elected`, or the whole list before the vote.

Left out: the overlap of upper- and lower-level PC delegates (001:L725 (c)). A township's
full-time presidium chair is to be a county PC delegate candidate (POST-008), which is the
sources' own "where work requires it" exception, so that half of the rule would mostly
flag what POST-008 asks for.

## Why it matters
街道党代表与人大代表一般不交叉 (004:L43); 一般上下级人大代表、同级人大代表与党代会代表、
政协委员不交叉 (001:L725); 要注意党代表与各级人大代表不要交叉 (001:L957). 一般 allows a
few overlaps where the work requires them (record the reason in the exception review),
hence warning.

## Source
004:L43「街道党代表与人大代表一般不交叉」; 001:L725「一般上下级人大代表、同级人大代表与党代会代表、政协委员不交叉」

## Example
A person elected both 党代会代表 and 人大代表 of 柳河镇 in 2021:
`DEL-009 warning observed 党代会代表、人大代表 expected 不交叉`.
"#,
};

pub struct Del009;

/// The body of an election as its place in [`BODIES`]: a person's seats are in two
/// bodies when the lowest and the highest differ, a grouping polars does without
/// holding each group's rows (counting distinct texts does not).
fn body_number() -> Expr {
    let [first, second, _] = BODIES.map(|b| lit(b.code()));
    when(col("body").eq(first))
        .then(lit(0u8))
        .when(col("body").eq(second))
        .then(lit(1u8))
        .otherwise(lit(2u8))
        .alias("body")
}

const BODIES: [ElectionBody; 3] = [
    ElectionBody::PartyCongress,
    ElectionBody::PcDelegates,
    ElectionBody::Cppcc,
];

impl Rule for Del009 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let codes = Series::new("b".into(), BODIES.map(|b| b.code()));
        let in_bodies = col("body").is_in(lit(codes).implode(false), false);
        // The elections of the three bodies where the rule applies.
        let elections = ec
            .elections
            .clone()
            .lazy()
            .filter(in_bodies.clone())
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null());
        let in_order = JoinArgs {
            maintain_order: MaintainOrderJoin::Left,
            ..JoinArgs::new(JoinType::Inner)
        };
        // Their delegates as numbers (the candidate's place in the frame, the person, the
        // cycle) and the body: the grouping of two million seats is the cost of this rule,
        // and only the few persons who can overlap get their texts read.
        let key = [col("person"), col("cycle_index")];
        let delegates = ec
            .candidate_columns()
            .clone()
            .lazy()
            .with_row_index("at", None)
            .filter(col("delegate"))
            .select([col("at"), col("election"), col("person")])
            .join(
                elections
                    .clone()
                    .select([col("election"), col("cycle_index"), body_number()]),
                [col("election")],
                [col("election")],
                in_order.clone(),
            )
            .collect()?;
        // Only persons with seats in two bodies, or with a membership, can overlap.
        let several = delegates
            .clone()
            .lazy()
            .group_by(key.clone())
            .agg([
                col("body").min().alias("lowest"),
                col("body").max().alias("highest"),
            ])
            .filter(col("lowest").neq(col("highest")))
            .select(key.clone());
        let with_membership = ec
            .memberships
            .clone()
            .lazy()
            .filter(in_bodies.clone())
            .select(key.clone());
        let keys = concat([several, with_membership], UnionArgs::default())?
            .unique(None, UniqueKeepStrategy::First);
        let picked = delegates
            .lazy()
            .join(keys, key.clone(), key, in_order.clone())
            .select([col("at"), col("election")])
            .collect()?;
        // The seats of those persons, in the candidates' order, with their texts.
        let people = ec
            .candidate_columns()
            .select(["person_id", "name"])?
            .take(picked.column("at")?.idx()?)?;
        let seats = super::rows_of(
            picked
                .hstack(people.columns())?
                .lazy()
                .join(
                    elections.select([
                        col("election"),
                        col("cycle"),
                        col("unit_id"),
                        col("election_id"),
                        col("body"),
                        col("level"),
                        col("severity"),
                    ]),
                    [col("election")],
                    [col("election")],
                    in_order,
                )
                .select([
                    col("cycle"),
                    col("unit_id"),
                    col("election_id"),
                    col("body"),
                    col("level"),
                    col("person_id"),
                    col("name"),
                    col("severity"),
                ]),
        )?;
        let members = Rows::new(&ec.memberships.clone().lazy().filter(in_bodies).collect()?)?;
        // (person, cycle) → the candidate seats (level, body, row) and membership seats.
        type Key<'a> = (&'a str, &'a str);
        let mut elected: BTreeMap<Key, Vec<(&str, &str, usize)>> = BTreeMap::new();
        for i in 0..seats.height {
            elected
                .entry((seats.s("person_id", i), seats.s("cycle", i)))
                .or_default()
                .push((seats.s("level", i), seats.s("body", i), i));
        }
        let mut other: BTreeMap<Key, Vec<(&str, &str)>> = BTreeMap::new();
        for i in 0..members.height {
            other
                .entry((members.s("person_id", i), members.s("cycle", i)))
                .or_default()
                .push((members.s("level", i), members.s("body", i)));
        }
        let mut out = Vec::new();
        for (key, list) in &elected {
            let mut levels: Vec<&str> = list.iter().map(|x| x.0).collect();
            levels.sort_unstable();
            levels.dedup();
            for level in levels {
                let mut bodies: Vec<&str> = list
                    .iter()
                    .filter(|x| x.0 == level)
                    .map(|x| x.1)
                    .chain(
                        other
                            .get(key)
                            .into_iter()
                            .flatten()
                            .filter(|m| m.0.is_empty() || m.0 == level)
                            .map(|m| m.1),
                    )
                    .collect();
                bodies.sort_by_key(|b| BODIES.iter().position(|x| x.code() == *b));
                bodies.dedup();
                if bodies.len() < 2 {
                    continue;
                }
                // The first election (sorted by cycle, unit, election) carries the finding.
                let Some(&(_, _, i)) = list.iter().find(|x| x.0 == level) else {
                    continue;
                };
                let names: Vec<&str> = bodies
                    .iter()
                    .filter_map(|b| body_of(b))
                    .map(|b| lang.pick(b.label_zh(), b.label_en()))
                    .collect();
                let name = seats.s("name", i);
                let message = match lang {
                    Lang::Zh => format!(
                        "{name}在{}年同时是{}级{}，党代表、人大代表、政协委员一般不交叉。",
                        key.1,
                        level,
                        names.join("、")
                    ),
                    Lang::En => format!(
                        "{name} is at once {} at level {level} in {}; these seats should not overlap.",
                        names.join(" and "),
                        key.1
                    ),
                };
                out.extend(seats.finding_in(
                    i,
                    &META,
                    Scope::Person,
                    names.join(lang.pick("、", ", ")),
                    lang.pick("不交叉", "no overlap").to_string(),
                    message,
                ));
            }
        }
        Ok(out)
    }
}
