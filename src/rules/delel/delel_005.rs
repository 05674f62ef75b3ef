//! DELEL-005: a candidate flagged with election funding from abroad is not on the list.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DELEL-005",
    name_zh: "不得接受境外与选举有关的资助",
    name_en: "No election funding from abroad",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L211",
    doc: r#"
## What it checks
Each candidate of any election whose `candidates.flags` (`;`-separated) holds one of the
grounds of this rule: 境外资助 (foreign_funding). The finding names the grounds. The sources state these grounds
for people's-congress candidates; banzi applies them to every list, since a party-congress
or committee list disqualifies on the same grounds.

## Why it matters
不得直接或间接接受境外机构、组织、个人提供的与选举有关的任何形式的资助 (001:L211, dup L787): 不得, hence error.

## Source
001:L211「不得直接或间接接受境外机构组织人员提供的与选举有关的任何形式的资助」

## Example
A candidate with flags `境外资助`: `DELEL-005 error observed 接受境外与选举有关的资助`.
"#,
};

pub struct Delel005;

impl Rule for Delel005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::flagged(ctx, s, &META, lang)
    }
}
