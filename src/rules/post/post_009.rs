//! POST-009: township government leaders (乡镇长, 副乡镇长) are not members of the township
//! people's-congress presidium (乡镇人大主席团).

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{finding_columns, label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "POST-009",
    name_zh: "乡镇政府领导人员不得安排为乡镇人大主席团成员",
    name_en: "No township government leader on the presidium",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: None,
    params: &[],
    source: "001:L217",
    doc: r#"
## What it checks
Each 人大主席团 election of a township: none of its members (the candidates elected, or
the whole list before the vote) holds a 乡镇长 (`head`) or 副乡镇长 (`deputy_head`) post
on the same unit's slate in the same cycle. One finding per such member, naming the post.

## Why it matters
乡镇政府领导人员不得安排为乡镇人大主席团成员 (001:L217, dup L793): 不得 (must not), hence
error. The presidium supervises the government; its head cannot sit on it. 街道 have a
人大工委 and no presidium, so the rule is off in the sub-district preset.

## Source
001:L217「乡镇政府领导人员不得安排为乡镇人大主席团成员」

## Example
The 副镇长 of 柳河镇 on its 2021 presidium: `POST-009 error observed 副乡镇长 expected 非政府领导人员`.
"#,
};

pub struct Post009;

impl Rule for Post009 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let government = ctx
            .seats
            .clone()
            .lazy()
            .filter(
                col("role")
                    .eq(lit("head"))
                    .or(col("role").eq(lit("deputy_head"))),
            )
            // The cycle, the unit and the person as indexes: cheaper to group and join
            // on than the ids' texts.
            .group_by_stable([col("cycle_index"), col("unit"), col("person")])
            .agg([col("role").first().alias("post")]);
        let rows = rows_of(
            ec.candidates_of(ElectionBody::Presidium, s)
                .filter(col("delegate"))
                .join(
                    government,
                    [col("cycle_index"), col("unit"), col("person")],
                    [col("cycle_index"), col("unit"), col("person")],
                    JoinArgs::new(JoinType::Inner),
                )
                // Only what a finding reads, carried through the joins.
                .select(finding_columns(&["name", "post"])),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let post = match (rows.s("post", i), lang) {
                    ("head", Lang::Zh) => "乡镇长",
                    ("head", Lang::En) => "township head",
                    (_, Lang::Zh) => "副乡镇长",
                    (_, Lang::En) => "deputy township head",
                };
                let label = label_of(ctx, &rows, i, lang);
                let name = rows.s("name", i);
                let message = match lang {
                    Lang::Zh => format!(
                        "{label}：{name}任{post}，乡镇政府领导人员不得安排为乡镇人大主席团成员。"
                    ),
                    Lang::En => format!(
                        "{label}: {name} is the {post}; township government leaders must not sit on the presidium."
                    ),
                };
                rows.finding_in(i, &META, Scope::Person,
                    post.to_string(),
                    lang.pick("非政府领导人员", "not a government leader")
                        .to_string(),
                    message,
                )
            })
            .collect())
    }
}
