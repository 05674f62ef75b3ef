//! DELEL-002: a candidate flagged with a DELEL-002 ground is not on the list.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DELEL-002",
    name_zh: "政治素质不高、立场不坚定、品行差、涉嫌违纪违法、身份造假的不得推荐",
    name_en: "Weak politics, wavering stance, poor morals, suspected violations, false identity",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L717; 004:L49",
    doc: r#"
## What it checks
Each candidate of any election whose `candidates.flags` (`;`-separated) holds one of the
grounds of this rule: 政治素质不高 (weak_politics), 反分裂立场不坚定 (separatism_stance), 道德品质差/社会形象差 (poor_morals), 涉嫌违纪违法 (suspected_violation), 身份造假 (identity_fraud). The finding names the grounds. The sources state these grounds
for people's-congress candidates; banzi applies them to every list, since a party-congress
or committee list disqualifies on the same grounds.

## Why it matters
一律不得推荐作为代表人选 (001:L717); 不得推荐提名为代表人选 (004:L49): 不得, hence error.

## Source
001:L717「一律不得推荐作为代表人选」; 004:L49「不得推荐提名为代表人选」

## Example
A candidate with flags `涉嫌违纪违法`: `DELEL-002 error observed 涉嫌违纪违法`.
"#,
};

pub struct Delel002;

impl Rule for Delel002 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::flagged(ctx, s, &META, lang)
    }
}
