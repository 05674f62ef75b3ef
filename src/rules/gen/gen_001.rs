//! GEN-001: at least 5% of a district's 街道 principal posts held by women.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::at_least_expr;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "GEN-001",
    name_zh: "女干部担任街道党政正职比例",
    name_en: "Principal posts held by women (district)",
    scope: Scope::Aggregate,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[Param {
        name: "min_share",
        default: 0.05,
        min: 0.0,
        max: 1.0,
        doc: "share of principal posts, rounded up",
    }],
    source: "004:L23",
    doc: r#"
## What it checks
Over all 街道 teams sharing a `units.parent_id`, the principal posts (secretary, office
head, 人大工委主任) held by women are at least ceil(posts × `min_share`).

## Why it matters
优秀女干部担任街道党政正职一般不少于5% (004:L23). 一般, hence warning.

## Source
004:L23「优秀女干部担任街道党政正职一般不少于5%」

## Example
A district with 18 街道 principal posts and none held by a woman:
`GEN-001 warning observed 0/18 principal posts held by women expected ≥ 1 (5%)` (中文:
`女干部担任0个/共18个正职`, `不少于1个（5%）`).
"#,
};

pub struct Gen001;

impl Rule for Gen001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let share = s.get(crate::param!(META, "min_share"));
        let rows = ctx.areas_short_of(s, col("principal"), col("woman"), |n| {
            at_least_expr(n, share)
        })?;
        let pct = fmt_num(share * 100.0);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k, need) = (rows.i("n", i), rows.i("k", i), rows.i("need", i));
                let area = ctx.area_name(rows.s("parent_id", i));
                let message = match lang {
                    Lang::Zh => format!("{area}街道党政正职{n}个，女干部担任{k}个，应不少于{pct}%（{need}个）。"),
                    Lang::En => format!("{area}: {k} of {n} sub-district principal posts held by women; at least {pct}% ({need}) expected."),
                };
                let (observed, expected) = lang.pick(
                    (format!("女干部担任{k}个/共{n}个正职"), format!("不少于{need}个（{pct}%）")),
                    (format!("{k}/{n} principal posts held by women"), format!("≥ {need} ({pct}%)")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
