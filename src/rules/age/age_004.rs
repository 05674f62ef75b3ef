//! AGE-004: re-nominated and transferred members can serve 3 more years.

use polars::prelude::*;

use super::reading;
use crate::rules::config::{Config, RuleSettings};
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "AGE-004",
    name_zh: "继续提名和平级转任能干满3年",
    name_en: "Re-nominated or transferred members can serve 3 years",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[Param {
        name: "min_years",
        default: 3.0,
        min: 0.0,
        max: 20.0,
        doc: "years left before the exit age",
    }],
    source: "001:L555",
    doc: r#"
## What it checks
Each member of a 乡镇 party committee or 纪委 (rows with body 党委 or 纪委; setting
`age_rule_bodies`) whose `nomination` is 继续提名 or 平级转任 has at least `min_years` left
before the exit age (settings `retirement_age_male`, default 60, and
`retirement_age_female`, default 55) at the reference date. The exit age is not in the
sources; configure it. A 交流 row counts as 平级转任 unless it is a promotion (the seat
ranks above the person's previous post); setting `exchanged_as_lateral`, default true.
Years left are calendar years to the birthday of the exit age: a man born in 1964.10 has
exactly 3 years left on 2021-10-01 (no finding) and 2.99 the day after.

## Why it matters
继续提名和平级转任的一般要能干满3年 (001:L555): a member who leaves within months of the
transition weakens the team. 一般, hence warning.

## Source
001:L555「继续提名和平级转任的一般要能干满3年」

## Example
A man aged 57.5 marked 继续提名, exit age 60: `AGE-004 warning observed 2.5 years left expected ≥ 3`
(中文: `距退出年龄2.5年`, `不少于3年`).
"#,
};

pub struct Age004;

impl Rule for Age004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, cfg: &Config) -> Option<String> {
        Some(reading::sentence(
            cfg,
            "继续提名 or 平级转任",
            "that are not promotions",
        ))
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let min_years = s.get(crate::param!(META, "min_years"));
        let cond = reading::lateral(&ctx.config.global)
            .and(reading::in_bodies(&ctx.config.global))
            .and(super::years_left().lt(lit(min_years)));
        let rows = ctx.persons_where(s, cond)?;
        let g = &ctx.config.global;
        let m = fmt_num(min_years);
        Ok((0..rows.height)
            .filter_map(|i| {
                let exit = if rows.s("gender", i) == "F" { g.retirement_age_female } else { g.retirement_age_male };
                let left = rows.n("years_left", i);
                let left_s = fmt_num(left.max(0.0));
                let who = ctx.person_name(rows.s("person_id", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}{who}距退出年龄{}岁仅{left_s}年，继续提名和平级转任的一般要能干满{m}年。", fmt_num(exit)),
                    Lang::En => format!("{unit}: {who} has {left_s} years left before the exit age of {}; re-nominated or transferred members should serve {m} years.", fmt_num(exit)),
                };
                let (observed, expected) = lang.pick(
                    (format!("距退出年龄{left_s}年"), format!("不少于{m}年")),
                    (format!("{left_s} years left"), format!("≥ {m}")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
