//! `suggestions.csv` / `.xlsx`: per team, the swaps (out → in, post), the rules each
//! fixes, and the team's figures before and after; an infeasible district's row says
//! why and what relaxation would do.

use crate::remedy::seat_rules::threshold;
use std::collections::BTreeSet;

use super::{DistrictResult, Suggestions};
use crate::dataset::Dataset;
use crate::facts::Fact;
use crate::normalize::gender::Gender;
use crate::pipeline::Run;
use crate::remedy::diff::{self, Status};
use crate::remedy::seat_rules::InForce;
use crate::remedy::table::{Cell, Table};
use crate::rules::{fmt_num, Lang};

/// The columns of the suggestions table.
const COLUMNS: [(&str, &str, &str); 15] = [
    ("district", "县区", "district"),
    ("cycle", "届次", "cycle"),
    ("unit_id", "单位编号", "unit id"),
    ("unit_name", "单位", "unit"),
    ("status", "结果", "status"),
    ("action", "调整", "action"),
    ("post", "职务", "post"),
    ("out_id", "调出人员编号", "out id"),
    ("out_name", "调出", "out"),
    ("in_id", "调入人员编号", "in id"),
    ("in_name", "调入", "in"),
    ("fixes", "消除的问题", "fixes"),
    ("before", "调整前", "before"),
    ("after", "调整后", "after"),
    ("note", "说明", "note"),
];

/// A team's figures: members, young, with township years, women.
fn figures(run: &Run, rules: &InForce, cycle: u32, unit: u32, lang: Lang) -> String {
    let ds = &run.ds;
    let s = &ds.slate;
    let members: BTreeSet<u32> = (0..s.len())
        .filter(|&i| s.cycle[i] == cycle && s.unit[i] == unit)
        .filter(|&i| s.role[i].is_team_member(s.body[i]))
        .map(|i| s.person[i])
        .collect();
    let facts: Vec<&Fact> = run
        .facts
        .iter()
        .filter(|f| f.cycle == cycle && f.unit == unit && members.contains(&f.person))
        .collect();
    let young = threshold!(rules, age::age_001, "max_age");
    let years = threshold!(rules, exp::exp_001, "min_years");
    let n = facts.len();
    let y = facts.iter().filter(|f| f64::from(f.age) <= young).count();
    let t = facts.iter().filter(|f| f.township_years >= years).count();
    let w = facts
        .iter()
        .filter(|f| ds.cadres.gender[f.person as usize] == Gender::Female)
        .count();
    let (a, b) = (fmt_num(young), fmt_num(years));
    match lang {
        Lang::Zh => format!("{n}人，{a}岁以下{y}人，乡镇工作{b}年以上{t}人，女{w}人"),
        Lang::En => format!("{n} members, {y} aged ≤{a}, {t} with {b}+ township years, {w} women"),
    }
}

fn name(ds: &Dataset, id: &str) -> String {
    ds.cadres
        .position(id)
        .map_or(String::new(), |p| ds.cadres.name[p as usize].to_string())
}

/// The suggestions as a table.
pub fn table(run: &Run, s: &Suggestions) -> Table {
    let ds = &*run.ds;
    let lang = run.lang();
    let rules = InForce::new(&run.plan.config, &crate::remedy::find::selected(run));
    let mut t = Table::new(&COLUMNS);
    let diff = s
        .after
        .as_ref()
        .map(|(_, after)| diff::compare(&s.before, after))
        .unwrap_or_default();
    let cycle_id = ds.cycles.cycle[s.cycle as usize].clone();
    for r in &s.results {
        push_district(&mut t, run, &rules, s, r, &diff, &cycle_id, lang);
    }
    t
}

#[allow(clippy::too_many_arguments)]
fn push_district(
    t: &mut Table,
    run: &Run,
    rules: &InForce,
    s: &Suggestions,
    r: &DistrictResult,
    diff: &[diff::Row],
    cycle_id: &str,
    lang: Lang,
) {
    let ds = &*run.ds;
    let d = &r.district;
    let status = Cell::Text(r.status().into());
    let text = |x: &str| Cell::Text(x.to_string());
    if !r.explanation.is_empty() || !d.unmodelled.is_empty() {
        let mut note = r.explanation.clone();
        for f in &d.unmodelled {
            note.push(match lang {
                Lang::Zh => format!("未建模的错误：{} {}", f.rule, f.unit_id),
                Lang::En => format!("error not modelled: {} {}", f.rule, f.unit_id),
            });
        }
        t.push(vec![
            text(&d.key),
            text(cycle_id),
            text(""),
            text(&d.name),
            status.clone(),
            text(if r.passes() { "note" } else { "infeasible" }),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(""),
            text(&note.join(lang.pick("；", "; "))),
        ]);
    }
    let after_run = s.after.as_ref().map(|a| &a.0).filter(|_| r.passes());
    for c in &r.changes {
        let Some(&unit) = ds.units.index.get(&c.unit_id) else {
            continue;
        };
        let action = match (&c.out, &c.into) {
            (Some(_), Some(_)) => "replace",
            (None, Some(_)) => "add",
            _ => "remove",
        };
        let out_id = c.out.clone().unwrap_or_default();
        let in_id = c.into.clone().unwrap_or_default();
        // What the change fixes: the leaving person's findings, and the team's fixed
        // findings this newcomer or seat contributes to.
        let seat_rules: BTreeSet<&str> = d
            .new_seats
            .iter()
            .filter(|n| d.teams[n.team].unit_id == c.unit_id)
            .map(|n| n.rule)
            .collect();
        let added = c.out.is_none();
        let fixes: Vec<&str> = diff
            .iter()
            .filter(|row| row.status == Status::Fixed && row.finding.unit_id == c.unit_id)
            .filter(|row| {
                let f = &row.finding;
                if !f.person_id.is_empty() {
                    return f.person_id == out_id;
                }
                // An added seat fixes the rule that asked for it; a replacement the
                // team's other fixed rules.
                seat_rules.contains(f.rule) == added
            })
            .map(|row| row.finding.rule)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let before = figures(run, rules, s.cycle, unit, lang);
        let after = after_run.map_or(String::new(), |a| figures(a, rules, s.cycle, unit, lang));
        let note = if r.passes() {
            String::new()
        } else {
            lang.pick("放宽后的最佳方案", "best slate under the relaxation")
                .to_string()
        };
        t.push(vec![
            text(&d.key),
            text(cycle_id),
            text(&c.unit_id),
            text(ds.units.name_of(&c.unit_id).unwrap_or("")),
            status.clone(),
            text(action),
            text(&c.post),
            text(&out_id),
            Cell::Text(name(ds, &out_id)),
            text(&in_id),
            Cell::Text(name(ds, &in_id)),
            Cell::Text(fixes.join(";")),
            Cell::Text(before),
            Cell::Text(after),
            Cell::Text(note),
        ]);
    }
}
