//! DELEL-004: a candidate flagged for vote-buying is not on the list.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DELEL-004",
    name_zh: "拉票贿选的不得列入代表候选人名单",
    name_en: "Vote-buying candidates are removed",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L211",
    doc: r#"
## What it checks
Each candidate of any election whose `candidates.flags` (`;`-separated) holds one of the
grounds of this rule: 拉票贿选 (vote_buying). The finding names the grounds. The sources state these grounds
for people's-congress candidates; banzi applies them to every list, since a party-congress
or committee list disqualifies on the same grounds.

## Why it matters
对拉票贿选的，不得列入代表候选人名单；已列入的要从名单中除名；已当选的要宣布当选无效 (001:L211, dup L787): 不得, hence error.

## Source
001:L211「对拉票贿选的,不得列入代表候选人名单」

## Example
A candidate with flags `拉票贿选`: `DELEL-004 error observed 拉票贿选`.
"#,
};

pub struct Delel004;

impl Rule for Delel004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::flagged(ctx, s, &META, lang)
    }
}
