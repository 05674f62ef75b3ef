//! SPEC-002: no over-concentration of one type of cadre in a team.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::{more_than_share_expr, severity_expr};
use crate::rules::frame::Rows;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "SPEC-002",
    name_zh: "防止同一类型干部过于集中",
    name_en: "One type of cadre over-concentrated",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: Some(Severity::Advice),
    params: &[Param {
        name: "max_share",
        default: 0.5,
        min: 0.0,
        max: 1.0,
        doc: "largest share of members with the same primary specialty",
    }],
    source: "001:L555",
    doc: r#"
## What it checks
In each team, the members sharing the same primary specialty (the first of their
`specialties`) are not more than `max_share` of the distinct members (default: more than
half is a finding).

## Why it matters
防止一个班子中同一类型干部过于集中 (001:L555). The source gives no threshold; the default
is the catalogue's suggestion. Hence advice.

## Source
001:L555「防止一个班子中同一类型干部过于集中」

## Example
A team of 8 in which 5 list 经济 first: `SPEC-002 advice observed
5/8 with primary specialty 经济 expected ≤ 50%` (中文: `以经济为主要专长5人/共8人`, `不超过50%`).
"#,
};

pub struct Spec002;

impl Rule for Spec002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let max_share = s.get(crate::param!(META, "max_share"));
        // The team as its indexes: grouped on the ids' texts, the members of 40,000
        // units raised the run's peak by 0.27 GB. Its ids and preset are the team's own.
        let keys = [col("cycle_index"), col("unit")];
        let team = [col("cycle"), col("unit_id"), col("preset")].map(|c| c.first());
        let sizes = ctx
            .members()
            .group_by_stable(keys.clone())
            .agg([len().alias("n")]);
        let df = ctx
            .members()
            .filter(col("first_specialty").is_not_null())
            .group_by_stable([col("cycle_index"), col("unit"), col("first_specialty")])
            .agg(
                [len().alias("k")]
                    .into_iter()
                    .chain(team)
                    .collect::<Vec<_>>(),
            )
            .join(sizes, keys.clone(), keys, JoinArgs::new(JoinType::Inner))
            .with_column(severity_expr(s))
            .filter(col("severity").is_not_null())
            .filter(more_than_share_expr(col("k"), col("n"), max_share))
            .sort(
                ["cycle", "unit_id", "first_specialty"],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .collect()?;
        let rows = Rows::new(&df)?;
        let pct = fmt_num(max_share * 100.0);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k) = (rows.i("n", i), rows.i("k", i));
                let what = rows.s("first_specialty", i);
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中{k}人以{what}为主要专长，同一类型干部过于集中（超过{pct}%）。"),
                    Lang::En => format!("{unit}: {k} of {n} members have {what} as primary specialty (more than {pct}%)."),
                };
                let (observed, expected) = lang.pick(
                    (format!("以{what}为主要专长{k}人/共{n}人"), format!("不超过{pct}%")),
                    (format!("{k}/{n} with primary specialty {what}"), format!("≤ {pct}%")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
