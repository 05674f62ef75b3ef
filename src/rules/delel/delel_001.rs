//! DELEL-001: a candidate flagged with a DELEL-001 ground is not on the list.

use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DELEL-001",
    name_zh: "有明显政治问题、服刑、涉黑涉恶等人员不能作为代表候选人",
    name_en: "Candidates with political problems, sentences, organised crime",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[],
    source: "001:L263",
    doc: r#"
## What it checks
Each candidate of any election whose `candidates.flags` (`;`-separated) holds one of the
grounds of this rule: 政治问题 (political_problem), 服刑 (serving_sentence), 涉黑涉恶 (organised_crime), 邪教 (cult), 违法行为 (illegal_act), 品行恶劣 (bad_conduct), 宗教势力/宗族势力 (religious_force). The finding names the grounds. The sources state these grounds
for people's-congress candidates; banzi applies them to every list, since a party-congress
or committee list disqualifies on the same grounds.

## Why it matters
有明显政治问题、正在服刑、涉黑涉恶、参与邪教或其他违法行为、品行恶劣的人员坚决不能作为代表候选人 (001:L263, dup L841): 坚决不能, hence error.

## Source
001:L263「坚决不能作为代表候选人」

## Example
A candidate with flags `服刑`: `DELEL-001 error observed 正在服刑`.
"#,
};

pub struct Delel001;

impl Rule for Delel001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::flagged(ctx, s, &META, lang)
    }
}
