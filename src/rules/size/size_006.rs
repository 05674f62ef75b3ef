//! SIZE-006: a 镇 discipline committee (纪委) has 5–7 members, where the slate lists it.

use crate::rules::config::{Config, RuleSettings};
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};
use polars::prelude::*;

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-006",
    name_zh: "镇纪委委员人数",
    name_en: "Township discipline committee size",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[
        Param {
            name: "min",
            default: 5.0,
            min: 1.0,
            max: 50.0,
            doc: "fewest members",
        },
        Param {
            name: "max",
            default: 7.0,
            min: 1.0,
            max: 50.0,
            doc: "most members",
        },
    ],
    source: "001:L551",
    doc: r#"
## What it checks
The number of 纪委 members of each 乡镇 team: the 纪委书记 wherever the slate lists them,
plus every row with body 纪委 (the 纪委副书记 and the plain members, post 委员). These
rows other than the 纪委书记 are the ones SIZE-001 and the share rules leave out: they
sit on the discipline committee, not on the leadership team. Checked only for teams whose
slate lists the 纪委's plain members (rows with body 纪委 and post 委员); a slate that
lists only the leadership team (the 纪委书记, perhaps a 纪委副书记) says nothing about the
committee's size.

## Why it matters
纪委委员一般为5至7名 (001:L551). 一般 (generally), hence warning.

## Source
001:L551「纪委委员一般为5至7名」

## Example
A 镇 whose slate lists the 纪委书记 and three 纪委 members: `SIZE-006 warning observed 4 expected 5–7`
(中文: `纪委委员4名`, `5至7名`).
"#,
};

pub struct Size006;

impl Rule for Size006 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, _cfg: &Config) -> Option<String> {
        Some("counts the 纪委书记 and every row with body 纪委, the 纪委副书记 included, where the slate lists plain 纪委 members.".into())
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let in_discipline = col("body")
            .eq(lit("纪委"))
            .or(col("role").eq(lit("discipline_secretary")));
        let bounds = (
            s.get(crate::param!(META, "min")),
            s.get(crate::param!(META, "max")),
        );
        let rows = super::post_count_outside(
            ctx,
            s,
            bounds,
            in_discipline,
            Some(
                col("body")
                    .eq(lit("纪委"))
                    .and(col("role").eq(lit("member"))),
            ),
        )?;
        Ok(super::size_findings(
            ctx,
            &rows,
            &META,
            bounds,
            ("纪委委员", "discipline committee members"),
            lang,
        ))
    }
}
