//! EXP-001: at least 2/3 of a team with 2+ years of township work.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EXP-001",
    name_zh: "2年以上乡镇工作经历人员比例",
    name_en: "Members with 2+ years of township work",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[
        Param {
            name: "min_years",
            default: 2.0,
            min: 0.0,
            max: 40.0,
            doc: "years of township work (2年以上 includes 2)",
        },
        Param {
            name: "min_share",
            default: 0.6666666667,
            min: 0.0,
            max: 1.0,
            doc: "share of members, rounded up",
        },
    ],
    source: "004:L25; 001:L561",
    doc: r#"
## What it checks
In each team, the distinct members with at least `min_years` of township (乡镇) work up
to the reference date are at least ceil(n × `min_share`) (2/3 by default: 5 of 7, 6 of 9,
7 of 10). Township work is the union of the person's spells in 乡, 镇 and 公社 units and,
by default, 街道 units (setting `subdistrict_counts_as_township`); overlapping posts count
each calendar month once. Years are calendar years: work from 2019.10 reaches 2 years on
2021-10-01 and is 1.99 the day before.

## Why it matters
具有2年以上乡镇工作经历的人员应不少于三分之二 (004:L25 and 001:L561, identical wording):
应不少于 with a fraction, hence error.

## Source
004:L25「具有2年以上乡镇工作经历的人员应不少于三分之二」; 001:L561 (same)

## Example
A team of 10 with 6 members who have 2 years of township work: `EXP-001 error observed
6/10 with ≥2 years of township work expected ≥ 7` (中文: `6/10人具有2年以上乡镇工作经历`,
`不少于7人`).
"#,
};

pub struct Exp001;

impl Rule for Exp001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let years = s.get(crate::param!(META, "min_years"));
        let rows = ctx.teams_short_of(
            s,
            col("township_years").gt_eq(lit(years)),
            s.get(crate::param!(META, "min_share")),
            None,
        )?;
        let y = fmt_num(years);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k, need) = (rows.i("n", i), rows.i("k", i), rows.i("need", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中具有{y}年以上乡镇工作经历的{k}人，应不少于{need}人。"),
                    Lang::En => format!("{unit}: {k} of {n} members have {y}+ years of township work; at least {need} required."),
                };
                let (observed, expected) = lang.pick(
                    (format!("{k}/{n}人具有{y}年以上乡镇工作经历"), format!("不少于{need}人")),
                    (format!("{k}/{n} with ≥{y} years of township work"), format!("≥ {need}")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
