//! ROT-006: avoidance (回避): no relatives in one team; no principal in their native place.

use polars::prelude::*;

use crate::rules::config::{Config, RuleSettings};
use crate::rules::context::severity_expr;
use crate::rules::frame::Rows;
use crate::rules::{Context, Finding, Lang, Rule, RuleMeta, Scope, Severity};

pub static META: RuleMeta = RuleMeta {
    code: "ROT-006",
    name_zh: "干部任职回避",
    name_en: "Kinship and native-place avoidance",
    scope: Scope::Person,
    also: &[Scope::Team],
    township: Some(Severity::Warning),
    subdistrict: Some(Severity::Warning),
    params: &[],
    source: "001:L555",
    doc: r#"
## What it checks
Two things, both under 认真执行干部交流回避有关规定:
- kinship: two people on the same team's slate linked in `relations` (any relation),
  reported once per pair as a team finding naming both. Plain members of the 纪委 (body
  纪委, post 委员 or 纪委副书记) count too: a secretary married to a member of the same
  纪委 is a finding (setting `kinship_includes_discipline_members`, default true; false
  looks at team members only);
- native place: a principal (party secretary, 乡镇长 / 办事处主任) whose `native_place`
  names the unit itself (e.g. 籍贯 `青山县柳河镇` for the 柳河镇 secretary), a person
  finding.

So the rule has two scopes: person (the catalogue's scope, and the primary one) and team
(a related pair concerns the team, not one of the two).

## Why it matters
认真执行干部交流回避有关规定 (001:L555). The avoidance rules themselves (党政领导干部任职回避
暂行规定) are outside the sources; the tool checks their two data-checkable cores. Hence
warning.

## Source
001:L555「认真执行干部交流回避有关规定」

## Example
A 镇长 and a 副镇长 who are spouses: a team finding,
`ROT-006 warning observed P0012 王芳 and P0033 李强: spouses` (中文: `P0012 王芳 与 P0033 李强：配偶`).
A 镇长 whose 籍贯 is `青山县柳河镇`, in 柳河镇: a person finding, `observed native of 青山县柳河镇`
(中文: `籍贯青山县柳河镇`).
"#,
};

pub struct Rot006;

impl Rule for Rot006 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn reading(&self, cfg: &Config) -> Option<String> {
        Some(if cfg.global.kinship_includes_discipline_members {
            "kinship looks at everyone on a team's slate, plain 纪委 members included (setting kinship_includes_discipline_members = true).".into()
        } else {
            "kinship looks at team members only, not plain 纪委 members (setting kinship_includes_discipline_members = false).".into()
        })
    }

    fn check(&self, ctx: &Context, s: &RuleSettings, lang: Lang) -> anyhow::Result<Vec<Finding>> {
        let mut out = kinship(ctx, s, lang)?;
        out.extend(native_place(ctx, s, lang)?);
        Ok(out)
    }
}

fn kinship(ctx: &Context, s: &RuleSettings, lang: Lang) -> PolarsResult<Vec<Finding>> {
    let mut pairs: Vec<(&str, &str, &str)> = ctx
        .relations
        .iter()
        .map(|(a, b, r)| {
            if a <= b {
                (a.as_str(), b.as_str(), r.as_str())
            } else {
                (b.as_str(), a.as_str(), r.as_str())
            }
        })
        .collect();
    pairs.sort();
    pairs.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
    let rel = DataFrame::new(
        pairs.len(),
        vec![
            Column::new(
                "person_id".into(),
                pairs.iter().map(|p| p.0).collect::<Vec<_>>(),
            ),
            Column::new(
                "relative_id".into(),
                pairs.iter().map(|p| p.1).collect::<Vec<_>>(),
            ),
            Column::new(
                "relation".into(),
                pairs.iter().map(|p| p.2).collect::<Vec<_>>(),
            ),
        ],
    )?;
    // Everyone on the slate (one row per person and team), or the team members only.
    let people = if ctx.config.global.kinship_includes_discipline_members {
        ctx.seats.clone().lazy().unique_stable(
            Some(cols(["cycle", "unit_id", "person_id"])),
            UniqueKeepStrategy::First,
        )
    } else {
        ctx.members()
    };
    let members = people
        .with_column(severity_expr(s))
        .filter(col("severity").is_not_null())
        .select([
            col("cycle"),
            col("unit_id"),
            col("person_id"),
            col("severity"),
        ]);
    let others = members.clone().select([
        col("cycle"),
        col("unit_id"),
        col("person_id").alias("relative_id"),
    ]);
    let df = members
        .join(
            rel.lazy(),
            [col("person_id")],
            [col("person_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .join(
            others,
            [col("cycle"), col("unit_id"), col("relative_id")],
            [col("cycle"), col("unit_id"), col("relative_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .sort(
            ["cycle", "unit_id", "person_id", "relative_id"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?;
    let rows = Rows::new(&df)?;
    Ok((0..rows.height)
        .filter_map(|i| {
            let (a, b) = (rows.s("person_id", i), rows.s("relative_id", i));
            let rel = rows.s("relation", i);
            let unit = ctx.unit_name(rows.s("unit_id", i));
            let (na, nb) = (ctx.person_name(a), ctx.person_name(b));
            let message = match lang {
                Lang::Zh => format!("{unit}领导班子中{na}与{nb}为{rel}关系，应当任职回避。"),
                Lang::En => format!(
                    "{unit}: {na} and {nb} ({}) sit on the same team; kinship avoidance applies.",
                    relation_en(rel)
                ),
            };
            let (observed, expected) = lang.pick(
                (
                    format!("{a} {na} 与 {b} {nb}：{rel}"),
                    "亲属不在同一班子".to_string(),
                ),
                (
                    format!("{a} {na} and {b} {nb}: {}", relation_en(rel)),
                    "no relatives on one team".to_string(),
                ),
            );
            rows.finding_in(i, &META, Scope::Team, observed, expected, message)
        })
        .collect())
}

fn native_place(ctx: &Context, s: &RuleSettings, lang: Lang) -> PolarsResult<Vec<Finding>> {
    let principal_exec = col("role")
        .eq(lit("secretary"))
        .or(col("role").eq(lit("head")));
    let native_here = col("native_place")
        .fill_null(lit(""))
        .str()
        .contains_literal(col("unit_name"));
    let rows = ctx.persons_where(s, principal_exec.and(native_here))?;
    Ok((0..rows.height)
        .filter_map(|i| {
            let who = ctx.person_name(rows.s("person_id", i));
            let unit = rows.s("unit_name", i);
            let place = rows.s("native_place", i);
            let message = match lang {
                Lang::Zh => format!("{unit}党政正职{who}籍贯为{place}，在本籍任职应当回避。"),
                Lang::En => format!("{unit}: principal {who} is a native of {place}; native-place avoidance applies."),
            };
            let (observed, expected) = lang.pick(
                (format!("籍贯{place}"), "非本籍任职".to_string()),
                (format!("native of {place}"), "serves outside the native place".to_string()),
            );
            rows.finding(i, &META, observed, expected, message)
        })
        .collect())
}

/// The English of the relations the data contract lists (配偶, 父母, 子女, 兄弟姐妹, 姻亲);
/// any other relation is shown as the data gives it.
fn relation_en(relation: &str) -> &str {
    match relation {
        "配偶" => "spouses",
        "父母" | "子女" => "parent and child",
        "兄弟姐妹" => "siblings",
        "姻亲" => "in-laws",
        other => other,
    }
}
