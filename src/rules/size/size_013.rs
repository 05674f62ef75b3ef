//! SIZE-013: the PC delegate total stays as fixed: in principle this term's equals the
//! last term's.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "SIZE-013",
    name_zh: "代表名额原则上与本届保持不变",
    name_en: "PC delegate total unchanged",
    scope: Scope::Cycle,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[],
    source: "001:L211",
    doc: r#"
## What it checks
Each 人大代表 election whose `elections.previous` names the last term's election: its
`seats` equal the previous election's.

Not checked: the statutory half, that a total once fixed is not changed during the
election (error in the catalogue); it needs the history of `seats`, which the contract
does not keep. What is checked is the 原则上 half, hence warning (the catalogue's note).

## Why it matters
代表总名额经确定后，不再变动 … 代表名额原则上和与本届保持不变 (001:L211, dup L787).

## Source
001:L211「代表总名额经确定后,不再变动」; 001「代表名额原则上和与本届保持不变」

## Example
60 delegates in 2016 and 65 in 2021: `SIZE-013 warning observed 65 (上届 60) expected 60`.
"#,
};

pub struct Size013;

impl Rule for Size013 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let rows = rows_of(
            ec.elections_of(ElectionBody::PcDelegates, s).filter(
                col("prev_seats")
                    .is_not_null()
                    .and(col("seats").neq(col("prev_seats"))),
            ),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let (n, before) = (rows.i("seats", i), rows.i("prev_seats", i));
                let prev = rows.s("previous", i);
                let label = label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => format!("{label}代表名额{n}名，上届（{prev}）{before}名，代表名额原则上与本届保持不变。"),
                    Lang::En => format!("{label}: {n} delegate seats against {before} in the last term ({prev}); the total should stay as it is."),
                };
                let observed = match lang {
                    Lang::Zh => format!("{n} (上届 {before})"),
                    Lang::En => format!("{n} (previous {before})"),
                };
                rows.finding_in(i, &META, Scope::Cycle, observed, format!("{before}"), message)
            })
            .collect())
    }
}
