//! DEL-012: the party-committee election has a margin of at least 20%.

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-012",
    name_zh: "党委委员候选人差额比例不少于20%",
    name_en: "Party-committee candidate margin at least 20%",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[Param {
        name: "min_margin",
        default: 0.2,
        min: 0.0,
        max: 5.0,
        doc: "least (candidates − seats) / seats",
    }],
    source: "004:L45",
    doc: r#"
## What it checks
Each election whose `body` is 党委委员: (candidates − seats) / seats is at least
`min_margin`. Exactly 20% passes (9 seats need 11 candidates: 2/9 = 22.2%; 10 candidates
give 11.1%). An election whose
list is not given (no `candidates` rows) is not checked.

## Why it matters
党委委员候选人差额比例一般不少于20% (004:L45): 一般 (generally), hence warning. For towns,
001 adds that the margin may not fall below the previous transition's (DEL-013).

## Source
004:L45「党委委员候选人差额比例一般不少于20%」

## Example
9 seats and 10 candidates: `DEL-012 warning observed 11.1% (10人/9名) expected ≥ 20.0%`.
"#,
};

pub struct Del012;

impl Rule for Del012 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::margin_below(
            ctx,
            s,
            ElectionBody::PartyCommittee,
            &META,
            s.get(crate::param!(META, "min_margin")),
            lang,
        )
    }
}
