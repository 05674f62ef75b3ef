//! AGE-002: at least 5% of a district's 街道 principal posts held by people aged ≤35.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::at_least_expr;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "AGE-002",
    name_zh: "35岁以下街道党政正职比例",
    name_en: "Principal posts held by people aged 35 or under (district)",
    scope: Scope::Aggregate,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[
        Param {
            name: "max_age",
            default: 35.0,
            min: 18.0,
            max: 70.0,
            doc: "young means aged ≤ this",
        },
        Param {
            name: "min_share",
            default: 0.05,
            min: 0.0,
            max: 1.0,
            doc: "share of principal posts, rounded up",
        },
    ],
    source: "004:L23",
    doc: r#"
## What it checks
Over all 街道 teams sharing a `units.parent_id` (a district), the principal posts
(secretary, office head, 人大工委主任: slate rows) held by people aged `max_age` or under
are at least ceil(posts × `min_share`).

## Why it matters
35岁以下街道党政正职一般不少于5% (004:L23). A single 街道 has only three principal posts, so
the rule is about the district's total. 一般 (generally), hence warning.

## Source
004:L23「35岁以下街道党政正职一般不少于5%」

## Example
A district with 6 街道 (18 principal posts) and no principal aged 35 or under:
`AGE-002 warning observed 0/18 principal posts aged ≤35 expected ≥ 1 (5%)` (中文:
`35岁以下0人/共18个正职`, `不少于1个（5%）`).
"#,
};

pub struct Age002;

impl Rule for Age002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let max_age = s.get(crate::param!(META, "max_age"));
        let share = s.get(crate::param!(META, "min_share"));
        let rows = ctx.areas_short_of(
            s,
            col("principal"),
            col("age").cast(DataType::Float64).lt_eq(lit(max_age)),
            |n| at_least_expr(n, share),
        )?;
        let a = fmt_num(max_age);
        let pct = fmt_num(share * 100.0);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k, need) = (rows.i("n", i), rows.i("k", i), rows.i("need", i));
                let area = ctx.area_name(rows.s("parent_id", i));
                let message = match lang {
                    Lang::Zh => format!("{area}街道党政正职{n}个，{a}岁以下担任{k}个，应不少于{pct}%（{need}个）。"),
                    Lang::En => format!("{area}: {k} of {n} sub-district principal posts held by people aged {a} or under; at least {pct}% ({need}) expected."),
                };
                let (observed, expected) = lang.pick(
                    (format!("{a}岁以下{k}人/共{n}个正职"), format!("不少于{need}个（{pct}%）")),
                    (format!("{k}/{n} principal posts aged ≤{a}"), format!("≥ {need} ({pct}%)")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
