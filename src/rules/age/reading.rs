//! Which slate rows AGE-003/004/005 read, as settings (catalogue 7.4): the bodies they
//! cover (`age_rule_bodies`, default the sources' 镇级党委、纪委班子成员) and how a 交流
//! seat counts (`exchanged_as_lateral`). The three rules share these expressions so that
//! they cannot drift apart, and the note that tells the officer when a 人大主席 falls
//! outside the covered bodies comes from the same setting.

use polars::prelude::*;

use crate::rules::codes;
use crate::rules::config::{Config, Global, Preset};
use crate::rules::{Context, Lang, Rule};

/// Rows in the covered bodies.
pub fn in_bodies(g: &Global) -> Expr {
    g.age_rule_bodies
        .iter()
        .map(|b| col("body").eq(lit(b.label_zh())))
        .reduce(|a, b| a.or(b))
        .unwrap_or(lit(false))
}

/// 交流 rows read as `kind` (`lateral` or `promotion`), when the setting reads 交流 at all.
fn exchanged_as(g: &Global, kind: &str) -> Expr {
    if g.exchanged_as_lateral {
        col("exchange").eq(lit(kind)).fill_null(lit(false))
    } else {
        lit(false)
    }
}

fn nomination_is(code: &str) -> Expr {
    col("nomination").eq(lit(code)).fill_null(lit(false))
}

/// AGE-003's rows: 继续提名, and 交流 at the same rank.
pub fn continued(g: &Global) -> Expr {
    nomination_is("continued").or(exchanged_as(g, "lateral"))
}

/// AGE-004's rows: 继续提名 and 平级转任, and 交流 at the same rank.
pub fn lateral(g: &Global) -> Expr {
    nomination_is("continued")
        .or(nomination_is("transfer"))
        .or(exchanged_as(g, "lateral"))
}

/// AGE-005's rows: 新提拔, and 交流 to a higher rank.
pub fn promoted(g: &Global) -> Expr {
    nomination_is("new").or(exchanged_as(g, "promotion"))
}

/// How a finding names the nomination it read: `继续提名`, `交流`.
pub fn nomination_label(code: &str, lang: Lang) -> &'static str {
    let (zh, en) = match code {
        "continued" => ("继续提名", "re-nominated"),
        "transfer" => ("平级转任", "transferred"),
        "exchanged" => ("交流", "exchanged in"),
        _ => ("新提拔", "newly promoted"),
    };
    lang.pick(zh, en)
}

/// The one sentence `rules explain` gives for the rows a rule reads; `kinds` names the
/// nominations in Chinese, `exchange` how a 交流 row counts.
pub fn sentence(cfg: &Config, kinds: &str, exchange: &str) -> String {
    let g = &cfg.global;
    let exchanged = if g.exchanged_as_lateral {
        format!("and 交流 rows {exchange} (setting exchanged_as_lateral = true)")
    } else {
        "but no 交流 row (setting exchanged_as_lateral = false)".to_string()
    };
    format!(
        "reads the rows with body {} (setting age_rule_bodies) marked {kinds}, {exchanged}.",
        g.age_bodies_label()
    )
}

/// One note per team whose 人大主席 has no row in the covered bodies (by default, no
/// 党委 row), so the age rules did not look at them; only where one of AGE-003/004/005
/// is selected and applies to the team's preset.
pub fn uncovered_pc_heads(ctx: &Context, rules: &[&dyn Rule], lang: Lang) -> Vec<String> {
    let cfg = &ctx.config;
    let on = |p: Preset| {
        rules.iter().any(|r| {
            ["AGE-003", "AGE-004", "AGE-005"].contains(&r.meta().code)
                && codes::meta(r.meta().code)
                    .is_some_and(|m| cfg.settings(m).severity_for(p).is_some())
        })
    };
    let in_preset = [Preset::Township, Preset::Subdistrict, Preset::County]
        .into_iter()
        .filter(|&p| on(p))
        .map(|p| col("preset").eq(lit(p.code())))
        .reduce(|a, b| a.or(b));
    let Some(in_preset) = in_preset else {
        return Vec::new();
    };
    // The 人大主席 seats first (one a team), then which of them hold a seat of the
    // bodies too: joined on the indexes, not on the ids' texts. Grouping every seat by
    // person to ask the same took a third of a second at 40,000 units.
    let keys = [col("cycle_index"), col("unit"), col("person")];
    let heads = ctx
        .seats
        .clone()
        .lazy()
        .filter(col("role").eq(lit("pc_head")).and(in_preset))
        .select([
            col("cycle_index"),
            col("unit"),
            col("person"),
            col("cycle"),
            col("unit_id"),
            col("person_id"),
        ]);
    let covered = ctx
        .seats
        .clone()
        .lazy()
        .filter(in_bodies(&cfg.global))
        .select(keys.clone())
        .join(
            heads.clone().select(keys.clone()),
            keys.clone(),
            keys.clone(),
            JoinArgs::new(JoinType::Inner),
        )
        .unique(None, UniqueKeepStrategy::Any)
        .with_column(lit(true).alias("covered"));
    let df = heads
        .join(
            covered,
            keys.clone(),
            keys.clone(),
            JoinArgs::new(JoinType::Left),
        )
        .filter(col("covered").is_null())
        .select([col("cycle"), col("unit_id"), col("person_id")])
        .unique_stable(None, UniqueKeepStrategy::First)
        .sort(
            ["cycle", "unit_id", "person_id"],
            SortMultipleOptions::default(),
        )
        .collect();
    let Ok(rows) = df.and_then(|d| crate::rules::frame::Rows::new(&d)) else {
        return Vec::new();
    };
    // One note per team, naming its uncovered 人大主席 (normally one).
    let mut teams: Vec<(&str, &str, Vec<&str>)> = Vec::new();
    for i in 0..rows.height {
        let (c, u, p) = (
            rows.s("cycle", i),
            rows.s("unit_id", i),
            rows.s("person_id", i),
        );
        match teams.last_mut() {
            Some((lc, lu, who)) if *lc == c && *lu == u => who.push(ctx.person_name(p)),
            _ => teams.push((c, u, vec![ctx.person_name(p)])),
        }
    }
    let bodies = cfg.global.age_bodies_label();
    teams
        .into_iter()
        .map(|(cycle, unit, who)| {
            let unit = ctx.unit_name(unit);
            let who = who.join("、");
            match lang {
                Lang::Zh => format!("{cycle} {unit}：人大主席{who}没有{bodies}的职务行，AGE-003/004/005未检查其年龄（设置 age_rule_bodies）。"),
                Lang::En => format!("{cycle} {unit}: the 人大主席 {who} has no row under {bodies}, so AGE-003/004/005 did not check their age (setting age_rule_bodies)."),
            }
        })
        .collect()
}
