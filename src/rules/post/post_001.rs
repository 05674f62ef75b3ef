//! POST-001: the party committee has a deputy secretary for party building.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "POST-001",
    name_zh: "抓党建副书记",
    name_en: "Deputy secretary for party building",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "004:L21; 001:L561",
    doc: r#"
## What it checks
Each team's slate has a post with role `deputy_secretary_party_building` (专职副书记,
抓党建副书记).

## Why it matters
党委领导班子应配备1名协助书记抓党建工作的副书记 (004:L21); 镇党委领导班子中要配备抓党建工作的
副书记 (001:L561). Both sources require the post (应/要 with a structural count), hence error.

## Source
004:L21「协助书记抓党建工作的副书记」; 001:L561「要配备抓党建工作的副书记」

## Example
A 镇 whose deputy secretaries are the 镇长 and nobody else: `POST-001 error
observed no deputy secretary for party building` (中文: `缺专职副书记`).
"#,
};

pub struct Post001;

impl Rule for Post001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        Ok(super::missing_roles(
            ctx,
            s,
            &META,
            &[(
                "deputy_secretary_party_building",
                "专职副书记",
                "deputy secretary for party building",
            )],
            lang,
        )?)
    }
}
