//! GEN-003: some women among a county's township principal posts.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "GEN-003",
    name_zh: "女干部担任镇党委正职",
    name_en: "Women in township principal posts (county)",
    scope: Scope::Aggregate,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[Param {
        name: "min_count",
        default: 1.0,
        min: 0.0,
        max: 1000.0,
        doc: "women among the principal posts",
    }],
    source: "001:L555",
    doc: r#"
## What it checks
Over all 乡镇 teams sharing a `units.parent_id`, at least `min_count` principal posts
(party secretary, 乡镇长) are held by women.

## Why it matters
担任镇党委正职的女干部要有一定数量 (001:L555). "A certain number" is not quantified; the
minimum reading is at least one (conflict C3), configurable. Hence warning.

## Source
001:L555「担任镇党委正职的女干部要有一定数量」

## Example
A county whose 12 乡镇 have men in all 24 principal posts:
`GEN-003 warning observed 0/24 principal posts held by women expected ≥ 1` (中文:
`女干部担任0个/共24个正职`, `不少于1个`).
"#,
};

pub struct Gen003;

impl Rule for Gen003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let need = s.get(crate::param!(META, "min_count")).ceil() as i64;
        let rows = ctx.areas_short_of(s, col("principal"), col("woman"), |_| lit(need))?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k) = (rows.i("n", i), rows.i("k", i));
                let area = ctx.area_name(rows.s("parent_id", i));
                let message = match lang {
                    Lang::Zh => format!("{area}乡镇党政正职{n}个，女干部担任{k}个，担任镇党委正职的女干部要有一定数量（不少于{need}个）。"),
                    Lang::En => format!("{area}: {k} of {n} township principal posts held by women; at least {need} expected."),
                };
                let (observed, expected) = lang.pick(
                    (format!("女干部担任{k}个/共{n}个正职"), format!("不少于{need}个")),
                    (format!("{k}/{n} principal posts held by women"), format!("≥ {need}")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
