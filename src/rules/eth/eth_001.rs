//! ETH-001: a considerable share of minority cadres in minority areas.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::{fmt_num, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ETH-001",
    name_zh: "少数民族干部比例",
    name_en: "Minority cadres in minority areas",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[Param {
        name: "min_share",
        default: 0.25,
        min: 0.0,
        max: 1.0,
        doc: "share of members, rounded up (相当比例 is not quantified)",
    }],
    source: "001:L555",
    doc: r#"
## What it checks
In each team of a unit marked `minority_area`, the distinct members of a minority
nationality (any 民族 but 汉族) are at least ceil(n × `min_share`). Teams of other units are
not checked.

## Why it matters
镇党委领导班子中少数民族干部要占相当比例 (001:L555). 相当比例 is not quantified (conflict
C12): the default 25% is a setting to tune to the local population; hence warning.

## Source
001:L555「少数民族干部要占相当比例」

## Example
A minority-area 乡 with 1 minority member among 10: `ETH-001 warning observed 1/10 minority expected ≥ 3 (25%)`
(中文: `少数民族1人/共10人`, `不少于3人（25%）`).
"#,
};

pub struct Eth001;

impl Rule for Eth001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let share = s.get(crate::param!(META, "min_share"));
        let rows = ctx.teams_short_of(s, col("minority"), share, Some(col("minority_area")))?;
        let pct = fmt_num(share * 100.0);
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, k, need) = (rows.i("n", i), rows.i("k", i), rows.i("need", i));
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}为民族地区，领导班子{n}人中少数民族干部{k}人，应不少于{pct}%（{need}人）。"),
                    Lang::En => format!("{unit} (minority area): {k} of {n} members are of a minority; at least {pct}% ({need}) expected."),
                };
                let (observed, expected) = lang.pick(
                    (format!("少数民族{k}人/共{n}人"), format!("不少于{need}人（{pct}%）")),
                    (format!("{k}/{n} minority"), format!("≥ {need} ({pct}%)")),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
