//! DELEL-003: a candidate flagged with a foreign nationality or residence is not on the list.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DELEL-003",
    name_zh: "拥有外国国籍或境外永久居留权的不得作为代表候选人",
    name_en: "Foreign nationality or residence",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L723",
    doc: r#"
## What it checks
Each candidate of any election whose `candidates.flags` (`;`-separated) holds one of the
grounds of this rule: 外国国籍 (foreign_nationality), 境外永久居留权/长期居留许可 (foreign_residence). The finding names the grounds. The sources state these grounds
for people's-congress candidates; banzi applies them to every list, since a party-congress
or committee list disqualifies on the same grounds.

## Why it matters
The source sentence asks to check foreign nationality and permanent or long-term residence abroad and is cut off (001:L723); the ineligibility reading is national practice (选举法: only PRC citizens stand). Error.

## Source
001:L723「是否拥有外国国籍或国(境)外永久居留权」

## Example
A candidate with flags `境外永久居留权`: `DELEL-003 error observed 拥有国（境）外永久居留权或长期居留许可`.
"#,
};

pub struct Delel003;

impl Rule for Delel003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::flagged(ctx, s, &META, lang)
    }
}
