//! DEL-013: the party-committee margin is not lower than at the previous transition.

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-013",
    name_zh: "党委委员候选人差额比例不低于上次换届",
    name_en: "Party-committee margin not below the previous transition's",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: None,
    params: &[],
    source: "001:L563",
    doc: r#"
## What it checks
Each 党委委员 election of a township (乡镇 preset) whose `elections.previous` names the
election of the last transition: its margin (candidates − seats) / seats is not below the
previous one's. An equal margin passes. An election whose
list is not given (no `candidates` rows), or whose previous election has none, is not
checked.

## Why it matters
党委委员候选人差额比例不低于上次换届 (001:L563): a directive with a comparison, hence
error. It is a town rule (Inner Mongolia); the 街道 source gives the absolute 20% of
DEL-012 instead, so the rule is off in the sub-district preset.

## Source
001:L563「党委委员候选人差额比例不低于上次换届」

## Example
2 of 9 in 2016 (22.2%) and 1 of 9 in 2021 (11.1%):
`DEL-013 error observed 11.1% (上届 22.2%) expected ≥ 22.2%`.
"#,
};

pub struct Del013;

impl Rule for Del013 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::margin_fell(ctx, s, ElectionBody::PartyCommittee, &META, lang)
    }
}
