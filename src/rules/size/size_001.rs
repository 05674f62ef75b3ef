//! SIZE-001: a 街道 leadership team has 7–9 posts.

use crate::rules::config::{Config, RuleSettings};
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};
use polars::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-001",
    name_zh: "街道领导班子职数",
    name_en: "Sub-district team size",
    scope: Scope::Team,
    also: &[],
    township: None,
    subdistrict: Some(Severity::Warning),
    params: &[
        Param {
            name: "min",
            default: 7.0,
            min: 1.0,
            max: 50.0,
            doc: "fewest posts",
        },
        Param {
            name: "max",
            default: 9.0,
            min: 1.0,
            max: 50.0,
            doc: "most posts",
        },
    ],
    source: "004:L21",
    doc: r#"
## What it checks
The number of leadership posts (职数) of each 街道 team: every slate row of the team except
the rows with body 纪委 other than the 纪委书记, that is the 纪工委副书记 and the plain
纪委 members (post 委员). The 纪工委副书记 is not a 班子 post: 004:L21 lists the team's posts,
and the deputy is not among them (POST-003 asks for one beside the team). A 纪委书记 counts
whichever body lists them. A person holding two posts counts twice (size rules count
posts).

## Why it matters
领导班子职数一般为7至9名 (004:L21). A team outside the range needs approval of its 职数.
The source says 一般 (generally), so the default severity is warning.

## Source
004:L21「职数一般为7至9名」

## Example
A 街道 whose slate lists 6 posts: `SIZE-001 warning observed 6 expected 7–9`
(中文: `领导班子职数6名`, `7至9名`).
"#,
};

pub struct Size001;

impl Rule for Size001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, _cfg: &Config) -> Option<String> {
        Some("counts every slate row but the rows with body 纪委 other than the 纪委书记, so a 纪工委副书记 is not one of the posts.".into())
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let bounds = (
            s.get(crate::param!(META, "min")),
            s.get(crate::param!(META, "max")),
        );
        let rows = super::post_count_outside(ctx, s, bounds, col("member"), None)?;
        Ok(super::size_findings(
            ctx,
            &rows,
            &META,
            bounds,
            ("领导班子职数", "leadership posts"),
            lang,
        ))
    }
}
