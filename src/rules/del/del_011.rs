//! DEL-011: the party-congress delegate margin does not fall against the previous term.

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-011",
    name_zh: "党代表差额比例适当扩大",
    name_en: "Party-congress delegate margin not below the previous term's",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Advice),
    subdistrict: Some(Severity::Advice),
    params: &[],
    source: "000:L4",
    doc: r#"
## What it checks
Each 党代会代表 election whose `elections.previous` names the election of the last term:
its margin (candidates − seats) / seats is not below the previous election's margin. An
equal margin passes: the source asks to expand the competitive share, and banzi only
reports a fall. An election whose
list is not given (no `candidates` rows), or whose previous election has none, is not
checked.

## Why it matters
适当扩大差额推荐和差额选举党代会代表的比例 (000:L4): 适当扩大 (appropriately expand) is
an orientation, hence advice.

## Source
000:L4「差額推薦和差額選舉黨代會代表的比例」

## Example
20% in 2016 and 15% in 2021: `DEL-011 advice observed 15.0% (上届 20.0%) expected ≥ 20.0%`.
"#,
};

pub struct Del011;

impl Rule for Del011 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        super::margin_fell(ctx, s, ElectionBody::PartyCongress, &META, lang)
    }
}
