//! AGE-005: newly promoted members can serve a full term.

use polars::prelude::*;

use super::reading;
use crate::rules::config::{Config, RuleSettings};
use crate::rules::{fmt_num, Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "AGE-005",
    name_zh: "新提拔人选能干满一届",
    name_en: "Newly promoted members can serve a full term",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[],
    source: "001:L555; 001:L199",
    doc: r#"
## What it checks
Each member of a 乡镇 party committee or 纪委 (rows with body 党委 or 纪委; setting
`age_rule_bodies`) whose `nomination` is 新提拔, or 交流 to a seat that ranks above the
person's previous post (setting `exchanged_as_lateral`, default true), has at least a
full term (setting `term_years`, default 5) left before the exit age (settings
`retirement_age_male` 60, `retirement_age_female` 55 by default) at the reference date.
Years left are calendar years to the birthday of the exit age: a man born in 1966.10 has
exactly 5 years left on 2021-10-01 (no finding) and 4.99 the day after.

## Why it matters
新提拔人选原则上要能干满一届 (001:L555); a term is five years (任期五年, 001:L199).
原则上 (in principle), hence warning.

## Source
001:L555「新提拔人选原则上要能干满一届」; 001:L199「任期五年」

## Example
A man aged 56 newly promoted, exit age 60: `AGE-005 warning observed 4 years left expected ≥ 5 (one term)`
(中文: `距退出年龄4年`, `不少于5年（一届）`).
"#,
};

pub struct Age005;

impl Rule for Age005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, cfg: &Config) -> Option<String> {
        Some(reading::sentence(
            cfg,
            "新提拔",
            "to a higher rank than the previous post",
        ))
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let g = &ctx.config.global;
        let term = g.term_years;
        let cond = reading::promoted(g)
            .and(reading::in_bodies(g))
            .and(super::years_left().lt(lit(term)));
        let rows = ctx.persons_where(s, cond)?;
        let t = fmt_num(term);
        Ok((0..rows.height)
            .filter_map(|i| {
                let exit = if rows.s("gender", i) == "F" { g.retirement_age_female } else { g.retirement_age_male };
                let left = rows.n("years_left", i);
                let left_s = fmt_num(left.max(0.0));
                let who = ctx.person_name(rows.s("person_id", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}{who}为新提拔人选，距退出年龄{}岁仅{left_s}年，不能干满一届（{t}年）。", fmt_num(exit)),
                    Lang::En => format!("{unit}: {who} is newly promoted with {left_s} years left before the exit age of {}; a full term is {t} years.", fmt_num(exit)),
                };
                let (observed, expected) = lang.pick(
                    (format!("距退出年龄{left_s}年"), format!("不少于{t}年（一届）")),
                    (format!("{left_s} years left"), format!("≥ {t} (one term)")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
