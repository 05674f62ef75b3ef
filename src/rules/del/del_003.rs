//! DEL-003: cadres and enterprise heads do not fill worker, farmer or professional seats.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-003",
    name_zh: "党政干部、企业负责人不得挤占工农专技代表名额",
    name_en: "Cadres and enterprise heads do not take grassroots seats",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L725",
    doc: r#"
## What it checks
Each candidate of a 人大代表 election whose `quota_category` (the seat the candidate
fills: 工人, 农民 or 专业技术人员) is a grassroots seat while the candidate's own
`category` (the occupation at the time of the election, DELEL-007) is 党政干部 or
企业负责人. Candidates without both values are not checked.

## Why it matters
党政干部、企业负责人不得挤占工人、农民和专业技术人员代表名额 (001:L725): 不得, hence error.

## Source
001:L725「不得挤占工人、农民和专业技术人员代表名额」

## Example
A 镇长 listed in a farmer seat: `DEL-003 error observed 党政干部占农民名额`.
"#,
};

pub struct Del003;

impl Rule for Del003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let grassroots = col("quota_category").is_in(
            lit(Series::new("q".into(), ["工人", "农民", "专业技术人员"])).implode(false),
            false,
        );
        let squeezer = col("category").is_in(
            lit(Series::new("c".into(), ["党政干部", "企业负责人"])).implode(false),
            false,
        );
        let rows = super::rows_of(
            ec.candidates_of(ElectionBody::PcDelegates, s)
                .filter(grassroots.and(squeezer).fill_null(lit(false))),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (cat, quota) = (rows.s("category", i), rows.s("quota_category", i));
                let label = super::label_of(ctx, &rows, i, lang);
                let name = rows.s("name", i);
                let message = match lang {
                    Lang::Zh => format!("{label}：{name}（{cat}）占用{quota}代表名额，党政干部、企业负责人不得挤占工人、农民和专业技术人员代表名额。"),
                    Lang::En => format!("{label}: {name} ({cat}) fills a {quota} seat; cadres and enterprise heads must not take worker, farmer or professional seats."),
                };
                let observed = match lang {
                    Lang::Zh => format!("{cat}占{quota}名额"),
                    Lang::En => format!("{cat} in a {quota} seat"),
                };
                let expected = match lang {
                    Lang::Zh => "工农专技名额不被干部占用".to_string(),
                    Lang::En => "no cadre in a grassroots seat".to_string(),
                };
                rows.finding_in(i, &META, Scope::Person, observed, expected, message)
            })
            .collect())
    }
}
