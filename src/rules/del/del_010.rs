//! DEL-010: the party-congress delegate election has a margin of at least 20%.

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-010",
    name_zh: "党代表选举差额比例不少于20%",
    name_en: "Party-congress delegate margin at least 20%",
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
    source: "004:L43",
    doc: r#"
## What it checks
Each election whose `body` is 党代会代表: the margin (差额比例) = (candidates − seats) /
seats, with candidates the rows of `candidates` for the election and seats
`elections.seats`, is at least `min_margin`. Exactly 20% passes. An election whose
list is not given (no `candidates` rows) is not checked.

## Why it matters
党代表选举的差额比例一般不少于20% (004:L43). The source says 一般 (generally), so the
default severity is warning. It is the 街道 source's number; banzi applies it to township
congresses too (001 gives no number; see DEL-011 for its relative rule).

## Source
004:L43「党代表选举的差额比例一般不少于20%」

## Example
100 seats and 115 candidates: `DEL-010 warning observed 15.0% (115人/100名) expected ≥ 20.0%`.
"#,
};

pub struct Del010;

impl Rule for Del010 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::margin_below(
            ctx,
            s,
            ElectionBody::PartyCongress,
            &META,
            s.get(crate::param!(META, "min_margin")),
            lang,
        )
    }
}
