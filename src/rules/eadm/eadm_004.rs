//! EADM-004: a voter accepts at most three proxy votes, the proxy is not a formal
//! candidate, and the election committee approved the proxy.

use polars::prelude::*;

use crate::rules::config::RuleSettings;
use crate::rules::context::severity_expr;
use crate::rules::del::{label_of, rows_of};
use crate::rules::{Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "EADM-004",
    name_zh: "委托投票每人不超过3票且受托人不是正式代表候选人",
    name_en: "At most three proxies, never for a candidate",
    scope: Scope::Person,
    also: &[],
    township: Some(Severity::Error),
    subdistrict: Some(Severity::Error),
    params: &[Param {
        name: "max_proxies",
        default: 3.0,
        min: 1.0,
        max: 20.0,
        doc: "most proxy votes one voter may accept",
    }],
    source: "001:L209",
    doc: r#"
## What it checks
The `proxies` table (one row per entrusted vote: `election_id`, `voter` 委托人, `proxy_id`
受委托人, optional `approved`). For each election and proxy:
1. the proxy accepts at most `max_proxies` votes (3 passes, 4 is a finding);
2. the proxy is not on the election's list (`candidates.person_id` equal to `proxy_id`);
3. no entrusted vote has `approved` = false (an empty `approved` is not a finding).
One finding per election and proxy, naming every problem; its `person_id` is the proxy's
id as the table gives it.

## Why it matters
每一选民接受的委托不能超过3票，被委托人必须不是正式代表候选人，委托投票须经选举委员会同意
(001:L209, dups L421, L781): statutory (选举法), hence error.

## Source
001:L209「每一选民接受的委托不能超过3票」; 001「被委托人必须不是正式代表候选人」

## Example
A voter V017 holding four proxy votes: `EADM-004 error observed 受托4票 expected ≤ 3票，非候选人`.
"#,
};

pub struct Eadm004;

impl Rule for Eadm004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = ctx.elections.as_ref() else {
            return Ok(vec![]);
        };
        let max = s.get(crate::param!(META, "max_proxies"));
        // Only a proxy can be a listed proxy: the two million candidates are narrowed to
        // the proxies' ids before they are made unique (0.8 s → a few ms at 40,000 units).
        let proxy_ids = ec
            .proxies
            .column("proxy_id")?
            .as_materialized_series()
            .clone();
        let listed = ec
            .candidates()
            .filter(col("person_id").is_in(lit(proxy_ids).implode(false), false))
            .select([
                col("election_id"),
                col("person_id").alias("proxy_id"),
                lit(true).alias("candidate"),
            ])
            .unique_stable(
                Some(cols(["election_id", "proxy_id"])),
                UniqueKeepStrategy::First,
            );
        let rows = rows_of(
            ec.proxies
                .clone()
                .lazy()
                .with_column(severity_expr(s))
                .filter(col("severity").is_not_null())
                .group_by_stable([
                    col("election_id"),
                    col("cycle"),
                    col("unit_id"),
                    col("body"),
                    col("proxy_id"),
                ])
                .agg([
                    len().alias("votes"),
                    col("approved")
                        .eq(lit(false))
                        .fill_null(lit(false))
                        .any(true)
                        .alias("refused"),
                    col("severity").first(),
                ])
                .join(
                    listed,
                    [col("election_id"), col("proxy_id")],
                    [col("election_id"), col("proxy_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .with_column(col("candidate").fill_null(lit(false)))
                .filter(
                    col("votes")
                        .cast(DataType::Float64)
                        .gt(lit(max + 1e-9))
                        .or(col("candidate"))
                        .or(col("refused")),
                )
                .with_column(col("proxy_id").alias("person_id")),
        )?;
        let max = max as i64;
        Ok((0..rows.height)
            .filter_map(|i| {
                let votes = rows.i("votes", i);
                let proxy = rows.s("proxy_id", i);
                let mut zh = Vec::new();
                let mut en = Vec::new();
                if votes > max {
                    zh.push(format!("受托{votes}票"));
                    en.push(format!("{votes} proxy votes"));
                }
                if rows.n("candidate", i) > 0.0 {
                    zh.push("受委托人为正式代表候选人".to_string());
                    en.push("the proxy is a candidate".to_string());
                }
                if rows.n("refused", i) > 0.0 {
                    zh.push("委托未经选举委员会同意".to_string());
                    en.push("a proxy not approved by the election committee".to_string());
                }
                let label = label_of(ctx, &rows, i, lang);
                let message = match lang {
                    Lang::Zh => format!(
                        "{label}：受委托人{proxy}{}；每一选民接受的委托不能超过{max}票，被委托人必须不是正式代表候选人。",
                        zh.join("，")
                    ),
                    Lang::En => format!(
                        "{label}: proxy {proxy}: {}; a voter accepts at most {max} proxies and is not a candidate.",
                        en.join("; ")
                    ),
                };
                let observed = match lang {
                    Lang::Zh => zh.join("，"),
                    Lang::En => en.join("; "),
                };
                let expected = match lang {
                    Lang::Zh => format!("≤ {max}票，非候选人"),
                    Lang::En => format!("≤ {max} votes, not a candidate"),
                };
                rows.finding_in(i, &META, Scope::Person, observed, expected, message)
            })
            .collect())
    }
}
