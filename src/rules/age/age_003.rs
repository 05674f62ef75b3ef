//! AGE-003: members aged 58 or over are not re-nominated.

use polars::prelude::*;

use super::reading;
use crate::rules::config::{Config, RuleSettings};
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "AGE-003",
    name_zh: "58岁以上不再继续提名",
    name_en: "No re-nomination at 58 or over",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[Param {
        name: "min_age",
        default: 58.0,
        min: 18.0,
        max: 80.0,
        doc: "aged ≥ this (58岁以上 includes 58)",
    }],
    source: "001:L555",
    doc: r#"
## What it checks
Each member of a 乡镇 party committee or 纪委 (slate rows with body 党委 or 纪委; setting
`age_rule_bodies`) whose `nomination` is 继续提名 (continued) and who is aged `min_age` or
over at the reference date. A 交流 (exchanged-in) row counts as a continuing nomination
unless it is a promotion, that is unless the seat ranks above the person's previous post
in the work history (principal 正职 above the other team posts, a leadership post above
none); setting `exchanged_as_lateral`, default true, false leaves 交流 rows out.
Ages are completed years: someone born in 1963.10 is 58 from 2021-10-01.

## Why it matters
镇级党委、纪委班子成员58岁以上的,一般不再继续提名 (001:L555). 一般 (generally), hence
warning: the personnel plan must explain the exception.

## Source
001:L555「58岁以上的,一般不再继续提名」

## Example
A 59-year-old 党委委员 marked 继续提名: `AGE-003 warning observed
aged 59, re-nominated expected < 58` (中文: `59岁，继续提名`, `未满58岁`).
"#,
};

pub struct Age003;

impl Rule for Age003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, cfg: &Config) -> Option<String> {
        Some(reading::sentence(
            cfg,
            "继续提名",
            "that are not promotions",
        ))
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let min_age = s.get(crate::param!(META, "min_age"));
        let g = &ctx.config.global;
        let cond = reading::continued(g)
            .and(reading::in_bodies(g))
            .and(col("age").cast(DataType::Float64).gt_eq(lit(min_age)));
        let rows = ctx.persons_where(s, cond)?;
        let m = fmt_num(min_age);
        Ok((0..rows.height)
            .filter_map(|i| {
                let age = rows.i("age", i);
                let who = ctx.person_name(rows.s("person_id", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}{who}{age}岁，{m}岁以上一般不再继续提名。"),
                    Lang::En => format!("{unit}: {who} is {age}; members aged {m} or over are generally not re-nominated."),
                };
                let (observed, expected) = lang.pick(
                    (format!("{age}岁，{}", reading::nomination_label(rows.s("nomination", i), Lang::Zh)), format!("未满{m}岁")),
                    (format!("aged {age}, {}", reading::nomination_label(rows.s("nomination", i), Lang::En)), format!("< {m}")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
