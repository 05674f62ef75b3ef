//! SIZE-002: a 街道 team has exactly one secretary, one office head and one 人大工委主任.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};
use polars::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-002",
    name_zh: "街道正职配备",
    name_en: "Sub-district principal posts",
    scope: Scope::Team,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "004:L21",
    doc: r#"
## What it checks
Each 街道 team has exactly one of each principal post: 党委(党工委)书记 (`secretary`),
办事处主任 (`head`) and 人大工委主任 (`pc_head`). A missing or doubled principal post is a
finding that names which.

## Why it matters
其中正职3名,含街道党委书记1名、办事处主任1名、人大工委主任1名 (004:L21). The three
principal posts are structural: a team without one of them cannot work as designed.

## Source
004:L21「其中正职3名」

## Example
A 街道 whose slate has no 人大工委主任: `SIZE-002 error observed
secretary 1, office head 1, PC working committee head 0 expected 1 of each` (中文:
`党委书记1名、办事处主任1名、人大工委主任0名`, `各1名`).
"#,
};

pub struct Size002;

const ROLES: [(&str, &str, &str); 3] = [
    ("secretary", "党委书记", "secretary"),
    ("head", "办事处主任", "office head"),
    ("pc_head", "人大工委主任", "PC working committee head"),
];

impl Rule for Size002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let counts: Vec<Expr> = ROLES
            .iter()
            .map(|(r, _, _)| {
                col("role")
                    .eq(lit(*r))
                    .cast(DataType::UInt32)
                    .sum()
                    .alias(*r)
            })
            .collect();
        let off = ROLES
            .iter()
            .map(|(r, _, _)| col(*r).neq(lit(1)))
            .reduce(|a, b| a.or(b))
            .expect("three roles");
        let df = ctx
            .seats
            .clone()
            .lazy()
            .group_by_stable([col("cycle"), col("unit_id"), col("preset")])
            .agg(counts)
            .with_column(super::super::context::severity_expr(s))
            .filter(col("severity").is_not_null().and(off))
            .collect()?;
        let rows = super::super::frame::Rows::new(&df)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let parts: Vec<(i64, &str, &str)> = ROLES
                    .iter()
                    .map(|(r, zh, en)| (rows.i(r, i), *zh, *en))
                    .collect();
                let observed = match lang {
                    Lang::Zh => parts
                        .iter()
                        .map(|(n, zh, _)| format!("{zh}{n}名"))
                        .collect::<Vec<_>>()
                        .join("、"),
                    Lang::En => parts
                        .iter()
                        .map(|(n, _, en)| format!("{en} {n}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                };
                let wrong: Vec<String> = parts
                    .iter()
                    .filter(|(n, _, _)| *n != 1)
                    .map(|(n, zh, en)| match lang {
                        Lang::Zh => format!("{zh}{n}名"),
                        Lang::En => format!("{n} {en}"),
                    })
                    .collect();
                let message = match lang {
                    Lang::Zh => format!(
                        "{unit}正职配备不符：{}，书记、主任、人大工委主任应各1名。",
                        wrong.join("、")
                    ),
                    Lang::En => format!(
                        "{unit}: {}; one secretary, one office head and one PC head expected.",
                        wrong.join(", ")
                    ),
                };
                let expected = lang.pick("各1名", "1 of each");
                rows.finding(i, &META, observed, expected.into(), message)
            })
            .collect())
    }
}
