//! EXP-006: each 镇 team draws at least one member from the three source groups.

use polars::prelude::*;

use crate::rules::config::{Config, RuleSettings};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EXP-006",
    name_zh: "三类人员进入镇领导班子",
    name_en: "Member from the three township source groups",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: None,
    params: &[],
    source: "001:L561",
    doc: r#"
## What it checks
Each 乡镇 team has at least one member from one of the three source groups: township
public-institution staff (乡镇事业编制人员), outstanding village (嘎查/村) cadres (优秀村干部)
or college-graduate village officials (大学生村官). A member belongs to a group when their
`staffing` names it (事业编制, 村干部, 大学生村官, 嘎查), or, from the work history, when
they held a village leadership post (a 村 post marked `leadership`, such as 村党支部书记;
not a 驻村第一书记 sent from outside) or a 大学生村官 post in a spell started on or before
the reference date: a former 村党支部书记 now on 公务员 staffing still counts. Setting
`source_groups_from_history`, default true; false reads `staffing` only.

## Why it matters
每个镇一般从这三类人员中择优配备不少于1人 (001:L561). 一般, hence warning.

## Source
001:L561「每个镇一般从这三类人员中择优配备不少于1人」

## Example
A 镇 whose members are all 公务员: `EXP-006 warning observed 0/9 from the three groups expected ≥ 1`
(中文: `三类人员0人/共9人`, `至少1人`).
"#,
};

pub struct Exp006;

/// Whether `staffing` names one of the three groups, or (`history`) the work history
/// has a village leadership or 大学生村官 spell.
fn from_groups(history: bool) -> Expr {
    let s = col("staffing").fill_null(lit(""));
    let staffing = s
        .clone()
        .str()
        .contains_literal(lit("事业"))
        .or(s.clone().str().contains_literal(lit("村干部")))
        .or(s.clone().str().contains_literal(lit("村官")))
        .or(s.str().contains_literal(lit("嘎查")));
    if history {
        staffing.or(col("village_background"))
    } else {
        staffing
    }
}

impl Rule for Exp006 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, cfg: &Config) -> Option<String> {
        Some(if cfg.global.source_groups_from_history {
            "a member counts by staffing or by a village leadership or 大学生村官 spell in the work history (setting source_groups_from_history = true).".into()
        } else {
            "a member counts by staffing only (setting source_groups_from_history = false).".into()
        })
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let history = ctx.config.global.source_groups_from_history;
        let rows = ctx.teams_short_of(s, from_groups(history), 1e-6, None)?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("n", i);
                let unit = ctx.unit_name(rows.s("unit_id", i));
                let message = match lang {
                    Lang::Zh => format!("{unit}领导班子{n}人中没有来自乡镇事业编制人员、优秀村干部或大学生村官的成员。"),
                    Lang::En => format!("{unit}: none of the {n} members comes from township public-institution staff, village cadres or college-graduate village officials."),
                };
                let (observed, expected) = lang.pick(
                    (format!("三类人员0人/共{n}人"), "至少1人".to_string()),
                    (format!("0/{n} from the three groups"), "≥ 1".to_string()),
                );
                rows.finding(i, &META, observed, expected, message)
            })
            .collect())
    }
}
