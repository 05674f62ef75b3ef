//! DEL-005: women and non-party delegates hold an appropriate share.

use polars::prelude::*;

use crate::dataset::elections::ElectionBody;
use crate::rules::config::RuleSettings;
use crate::rules::election_context::pct;
use crate::rules::{at_least, Context, Finding, Lang, Param, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "DEL-005",
    name_zh: "妇女代表、党外代表应占有适当比例",
    name_en: "Women and non-party delegates hold an appropriate share",
    scope: Scope::Team,
    also: &[],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[
        Param {
            name: "min_women_share",
            default: 0.25,
            min: 0.0,
            max: 1.0,
            doc: "least share of women among the delegates (banzi's default, not the sources')",
        },
        Param {
            name: "min_non_party_share",
            default: 0.15,
            min: 0.0,
            max: 1.0,
            doc: "least share of non-CPC delegates (banzi's default, not the sources')",
        },
    ],
    source: "004:L49",
    doc: r#"
## What it checks
Each 人大代表 election: at least `ceil(n × min_women_share)` of its `n` delegates are
women (`cadres.gender`) and at least `ceil(n × min_non_party_share)` are not CPC members
(`cadres.party` other than 中共党员/预备党员; an empty party counts as CPC). One finding
per election names what is short.

## Why it matters
妇女代表、党外代表应占有适当比例 (004:L49). 适当比例 has no number: the defaults (25%
women, 15% non-party) are banzi's and should be set for the jurisdiction; warning.

## Source
004:L49「妇女代表、党外代表应占有适当比例」

## Example
20 delegates with 4 women: `DEL-005 warning observed 妇女 4/20 expected 妇女 ≥ 5`.
"#,
};

pub struct Del005;

impl Rule for Del005 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let Some(ec) = super::frames(ctx) else {
            return Ok(vec![]);
        };
        let (w, np) = (
            s.get(crate::param!(META, "min_women_share")),
            s.get(crate::param!(META, "min_non_party_share")),
        );
        let rows = super::rows_of(
            ec.elections_of(ElectionBody::PcDelegates, s)
                .filter(col("delegates").gt(lit(0)))
                .with_columns([
                    crate::rules::context::at_least_expr(col("delegates"), w).alias("need_women"),
                    crate::rules::context::at_least_expr(col("delegates"), np).alias("need_np"),
                ])
                .filter(
                    col("women")
                        .lt(col("need_women"))
                        .or(col("non_party").lt(col("need_np"))),
                ),
        )?;
        Ok((0..rows.height)
            .filter_map(|i| {
                let n = rows.i("delegates", i);
                let (women, np_k) = (rows.i("women", i), rows.i("non_party", i));
                let (need_w, need_np) = (at_least(n, w), at_least(n, np));
                let label = super::label_of(ctx, &rows, i, lang);
                let mut obs = Vec::new();
                let mut exp = Vec::new();
                if women < need_w {
                    obs.push(lang.pick("妇女", "women").to_string() + &format!(" {women}/{n}"));
                    exp.push(lang.pick("妇女", "women").to_string() + &format!(" ≥ {need_w}"));
                }
                if np_k < need_np {
                    obs.push(lang.pick("党外", "non-party").to_string() + &format!(" {np_k}/{n}"));
                    exp.push(lang.pick("党外", "non-party").to_string() + &format!(" ≥ {need_np}"));
                }
                let message = match lang {
                    Lang::Zh => format!("{label}代表{n}名，妇女{women}名、党外{np_k}名，妇女代表不少于{need_w}名（{}）、党外代表不少于{need_np}名（{}）。", pct(w), pct(np)),
                    Lang::En => format!("{label}: {n} delegates with {women} women and {np_k} non-party; at least {need_w} women ({}) and {need_np} non-party ({}) expected.", pct(w), pct(np)),
                };
                rows.finding_in(i, &META, Scope::Team, obs.join("; "), exp.join("; "), message)
            })
            .collect())
    }
}
