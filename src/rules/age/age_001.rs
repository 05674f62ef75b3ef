//! AGE-001: at least 1/5 of a team aged 35 or under.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "AGE-001",
    name_zh: "35岁以下干部比例",
    name_en: "Share of members aged 35 or under",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: Some(Severity::Error),
    params: &[
        Param {
            name: "max_age",
            default: 35.0,
            min: 18.0,
            max: 70.0,
            doc: "young means aged ≤ this (35岁以下 includes 35)",
        },
        Param {
            name: "min_share",
            default: 0.2,
            min: 0.0,
            max: 1.0,
            doc: "at least this share of members, rounded up",
        },
    ],
    source: "004:L25",
    doc: r#"
## What it checks
In each team, the number of distinct members aged `max_age` or under at the cycle's
reference date is at least ceil(n × `min_share`) of the n members (1/5 by default: 2 of
7, 2 of 10, 1 of 5). 35岁以下 includes 35. Ages are completed years: someone born in 1985.10
is 35 until 2021-09-30 and 36 from 2021-10-01 (a birthday on 29 February falls on 1 March
in other years).

## Why it matters
35岁以下干部应不少于街道领导班子成员五分之一 (004:L25): 应不少于 with a fraction, hence an
error for 街道 teams. For 乡镇 teams source 001 controls age structure city-wide and "not
rigidly per team" (001:L555, conflict C2), so the township preset reports it as advice.

## Source
004:L25「35岁以下干部应不少于街道领导班子成员五分之一」; 001:L555「不简单按每个班子硬性配备」

## Example
A 街道 team of 8 with one member aged 35 or under: `AGE-001 error observed 1/8 aged ≤35 expected ≥ 2`
(中文: `35岁以下1人/共8人`, `不少于2人`).
"#,
};

pub struct Age001;

impl Rule for Age001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let max_age = s.get(crate::param!(META, "max_age"));
        let rows = ctx.teams_short_of(
            s,
            col("age").cast(DataType::Float64).lt_eq(lit(max_age)),
            s.get(crate::param!(META, "min_share")),
            None,
        )?;
        let a = fmt_num(max_age);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k, need) = (rows.i("n", i), rows.i("k", i), rows.i("need", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中{a}岁以下{k}人，应不少于{need}人。"),
                    Lang::En => format!(
                        "{unit}: {k} of {n} members aged {a} or under; at least {need} required."
                    ),
                };
                let (observed, expected) = lang.pick(
                    (format!("{a}岁以下{k}人/共{n}人"), format!("不少于{need}人")),
                    (format!("{k}/{n} aged ≤{a}"), format!("≥ {need}")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
