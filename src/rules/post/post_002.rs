//! POST-002: the team has a discipline secretary and an organisation member.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "POST-002",
    name_zh: "纪委书记和组织委员",
    name_en: "Discipline secretary and organisation member",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "004:L21; 001:L561",
    doc: r#"
## What it checks
Each team's slate has a 纪委书记 (`discipline_secretary`) and a 组织委员
(`organization_member`). The finding names the post(s) missing.

## Why it matters
配强纪委书记和组织委员 (004:L21); 配齐配强纪委书记和组织委员 (001:L561). Both posts are
required (配齐), hence error.

## Source
004:L21「配强纪委书记和组织委员」; 001:L561「配齐配强纪委书记和组织委员」

## Example
A 镇 with no 组织委员 on its slate: `POST-002 error observed no organisation member`
(中文: `缺组织委员`).
"#,
};

pub struct Post002;

impl Rule for Post002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        Ok(super::missing_roles(
            ctx,
            s,
            &META,
            &[
                ("discipline_secretary", "纪委书记", "discipline secretary"),
                ("organization_member", "组织委员", "organisation member"),
            ],
            lang,
        )?)
    }
}
